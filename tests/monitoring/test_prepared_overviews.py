"""The lists of diaries and of plans, an authority's start page and the console read their rows through
queries compiled once per process (issue 18): the same rows as the ORM's queries, for each order and page,
for a page's groups and for more groups than a page holds."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.paginator import Paginator
from django.urls import reverse
from django.utils import timezone

from mentoring.hierarchy import _contingent_sums, children_contingent
from mentoring.models import AcademicYear, Organization, Programme
from monitoring.kpis import console
from monitoring.kpis.selectors import indicators_for_organizations
from monitoring.kpis.summaries import summaries_refresh
from monitoring.meetings import selectors as meetings
from monitoring.meetings import views as meetings_views
from monitoring.meetings.views import MEETING_SORTS
from monitoring.models import Meeting, PlanTask
from monitoring.plans import selectors as plans
from monitoring.plans import views as plans_views
from monitoring.plans.services import plan_get_or_create
from pairing import selectors as pairing
from pairing.models import MentoringForm, MentoringGroup
from pairing.services import group_create
from participants.models import Consent
from tests.factories import OrganizationFactory, ProgrammeFactory

from ..conftest import YEAR
from ..pairing.test_groups import pupil, teacher

pytestmark = pytest.mark.django_db


def _pairs(programme: Programme, count: int, *, mentees: int = 2) -> list[MentoringGroup]:
    form = MentoringForm.objects.get(key="teacher_pupil")
    groups = []
    for number in range(count):
        group = group_create(
            actor=None,
            programme=programme,
            form=form,
            mentors=[teacher(programme, f"Учитель{number}", capacity=mentees + 1)],
            mentees=[pupil(programme, f"Ученик{number}{letter}") for letter in "абвгд"[:mentees]],
            start_date=date(YEAR, 9, 1) + timedelta(days=number % 5),
        )
        Meeting.objects.bulk_create(
            Meeting(
                group=group, date=date(YEAR, 9, 10) + timedelta(days=3 * k + number), topic=f"Встреча {k}"
            )
            for k in range(number % 4)
        )
        if number % 3:
            plan = plan_get_or_create(actor=None, group=group)
            PlanTask.objects.bulk_create(
                PlanTask(
                    plan=plan,
                    activity=f"Задача {k}",
                    position=k,
                    done_on=date(YEAR, 10, 1) if k % 2 else None,
                )
                for k in range(number % 5)
            )
        groups.append(group)
    return groups


def _fields(group) -> dict:
    return {
        name: value
        for name, value in vars(group).items()
        if name not in {"_state", "_prefetched_objects_cache"}
    }


def test_the_whole_list_of_diaries_is_the_orm_s(programme, django_assert_num_queries):
    _pairs(programme, 7, mentees=1)
    _pairs(
        ProgrammeFactory(organization=programme.organization, academic_year__start_year=YEAR + 3),
        2,
        mentees=1,
    )
    today = timezone.localdate()
    for order_by in [*MEETING_SORTS.values(), ("-silent_since", "pk"), ("meetings_count", "-pk")]:
        whole = Paginator(meetings.whole_overview(programme, order_by), 3)  # type: ignore[arg-type]
        orm = Paginator(meetings.pairs_overview(programme, today=today, stale_days=14).order_by(*order_by), 3)
        with django_assert_num_queries(1):
            assert whole.count == 7
        assert orm.count == 7
        for number in (1, 2, 3):
            with django_assert_num_queries(1):
                found = list(whole.page(number))
            expected = list(orm.page(number))
            assert [_fields(group) for group in found] == [_fields(group) for group in expected]
            with django_assert_num_queries(0):  # the form and the role model come with the page
                assert [(g.form.name, g.role_model) for g in found] == [
                    (g.form.name, g.role_model) for g in expected
                ]


def test_the_list_of_diaries_pages_through_the_compiled_list(curator_client, programme, monkeypatch):
    groups = _pairs(programme, 5, mentees=1)
    url = reverse("monitoring:meetings", kwargs={"org": "school-a", "year": YEAR})
    monkeypatch.setattr(meetings_views, "MEETINGS_PAGE_SIZE", 2)
    pages = [
        curator_client.get(url, {"page": number, "sort": "count"}).content.decode() for number in (1, 2, 3)
    ]
    shown = [[group.pk for group in groups if f'">{group.pk}</a></td>' in page] for page in pages]
    assert [len(found) for found in shown] == [2, 2, 1]
    assert sorted(sum(shown, [])) == sorted(group.pk for group in groups)
    # working links to the next and the previous page, keeping the order
    assert 'href="?sort=count&amp;page=2"' in pages[0] and 'href="?sort=count&amp;page=2"' in pages[2]
    assert 'href="?sort=count&amp;page=3"' in pages[1] and 'href="?sort=count&amp;page=1"' in pages[1]


def test_a_page_s_member_values_are_the_orm_s(programme, django_assert_num_queries):
    groups = _pairs(programme, 6, mentees=3)
    hidden = groups[1].members.filter(role="mentee").first().person
    Consent.objects.filter(person=hidden).delete()
    ids = [group.pk for group in groups]
    for chosen in (ids, ids[:1], ids[2:5]):
        with django_assert_num_queries(1):
            found = pairing.member_values(chosen)
        expected = list(pairing._member_values(**{f"g{number}": pk for number, pk in enumerate(chosen)}))
        assert [(v.group_id, v.role, v.group_name) for v in found] == [
            (row[0], row[1], row[5]) for row in expected
        ]
        assert len(found) == 4 * len(chosen)
    shown = {value.short_name: value.shown for value in pairing.member_values(ids)}
    assert shown[hidden.short_name] is False and sum(not value for value in shown.values()) == 1


def test_more_groups_than_a_page_read_through_the_orm(programme):
    groups = _pairs(programme, pairing.PAGE_GROUPS + 2, mentees=1)
    ids = [group.pk for group in groups]
    values = pairing.member_values(ids)
    assert {value.group_id for value in values} == set(ids) and len(values) == 2 * len(ids)
    rows = plans.with_plan_rows(groups, programme)
    assert [row.group.pk for row in rows] == ids
    assert [row.plan is not None for row in rows] == [bool(number % 3) for number in range(len(ids))]
    paged = plans.with_plan_rows(groups[:5], programme)  # a page's: the compiled query
    assert [(row.plan and row.plan.percent, row.mentors, row.mentees) for row in paged] == [
        (row.plan and row.plan.percent, row.mentors, row.mentees) for row in rows[:5]
    ]


def test_a_page_s_plans_are_the_orm_s(programme, django_assert_num_queries):
    groups = _pairs(programme, 9, mentees=2)
    with django_assert_num_queries(2):
        rows = plans.with_plan_rows(groups, programme)
    for row in rows:
        if row.plan is None:
            continue
        tasks = list(row.plan.tasks.all())
        assert row.plan.tasks_total == len(tasks)
        assert row.plan.tasks_done == sum(1 for task in tasks if task.done_on)
        assert row.plan.percent == (row.plan.tasks_done * 100 // len(tasks) if tasks else 0)
    assert plans.with_plan_rows([], programme) == []


def test_an_authority_s_compiled_figures_are_the_orm_s(
    authority, school, other_school, django_assert_num_queries
):
    year = AcademicYear.objects.get(start_year=YEAR)
    for organization, pupils in ((authority, 0), (school, 300), (other_school, 120)):
        Programme.objects.update_or_create(
            organization=organization,
            academic_year=year,
            defaults={
                "pupils_total": pupils,
                "pupils_with_disabilities": 0,
                "teachers_total": 7,
                "young_teachers_total": 0,
            },
        )
    OrganizationFactory(slug="no-programme", short_name="Без программы", parent=authority)
    with django_assert_num_queries(2):
        rows, totals = children_contingent(authority, year.pk)
    assert [row.organization.short_name for row in rows] == sorted(
        row.organization.short_name for row in rows
    )
    assert totals["pupils_total"] == 420 and totals["teachers_total"] == 14
    assert {row.organization.pk: row.units for row in rows} == {
        school.pk: 1,
        other_school.pk: 1,
        Organization.objects.get(slug="no-programme").pk: 0,
    }
    assert sorted(_contingent_sums(authority.pk, year.pk), key=lambda row: row["child"]) == sorted(
        (
            {
                "child": child,
                "units": 1,
                "pupils_total": pupils,
                "pupils_with_disabilities": 0,
                "teachers_total": 7,
                "young_teachers_total": 0,
            }
            for child, pupils in ((school.pk, 300), (other_school.pk, 120))
        ),
        key=lambda row: row["child"],
    )
    indicators = [i for i in indicators_for_organizations([]) if i.organization_id is None]
    keys = console.indicator_keys(indicators)
    # no stored figures yet: both schools are counted live; then stored, none is
    units, live, _at = console.unit_metrics(authority, year.pk, keys)
    assert live == 2 and {unit.child_id for unit in units} == {school.pk, other_school.pk}
    summaries_refresh(programmes=Programme.objects.filter(organization__in=[school, other_school]))
    stored, live, counted_at = console.unit_metrics(authority, year.pk, keys)
    assert live == 0 and counted_at is not None
    assert {unit.programme_id: unit.metrics for unit in stored} == {
        unit.programme_id: unit.metrics for unit in units
    }


PLAN_ORDERS = [
    ("status", "pk"),
    ("-mentor_name", "pk"),
    ("mentee_name", "-pk"),
    ("done_percent", "pk"),
    ("id",),
]


def test_the_whole_list_of_plans_is_the_orm_s(programme, django_assert_num_queries):
    groups = _pairs(programme, 7, mentees=2)
    groups[0].status = MentoringGroup.Status.PROPOSED  # not in the list of plans
    groups[0].save(update_fields=["status"])
    _pairs(ProgrammeFactory(organization=programme.organization, academic_year__start_year=YEAR + 3), 2)
    for order_by in PLAN_ORDERS:
        whole = Paginator(plans.whole_plans(programme, order_by), 4)  # type: ignore[arg-type]
        orm = Paginator(plans.plans_overview(programme, order_by=order_by), 4)
        with django_assert_num_queries(1):
            assert whole.count == 6
        assert orm.count == 6
        for number in (1, 2):
            with django_assert_num_queries(1):
                found = list(whole.page(number))
            expected = list(orm.page(number))
            assert [_fields(group) for group in found] == [_fields(group) for group in expected]


def test_the_list_of_plans_pages_through_the_compiled_list(curator_client, programme, monkeypatch):
    groups = _pairs(programme, 5, mentees=1)
    url = reverse("monitoring:plans", kwargs={"org": "school-a", "year": YEAR})
    monkeypatch.setattr(plans_views, "PLANS_PAGE_SIZE", 2)
    pages = [
        curator_client.get(url, {"page": number, "sort": "number"}).content.decode() for number in (1, 2, 3)
    ]
    names = [[group.pk for group in groups if f"Ученик{groups.index(group)}а" in page] for page in pages]
    assert [len(found) for found in names] == [2, 2, 1]
    assert sum(names, []) == [group.pk for group in groups]  # by number: in the order they were made
    assert 'href="?sort=number&amp;page=2"' in pages[0] and 'href="?sort=number&amp;page=3"' in pages[1]
