"""The list of pairs without filters counts and reads its page, its members and the forms of the filter
through queries compiled once per process (``selectors.whole_list``, ``lines_by_group``,
``services.forms_for_organization``): the same rows as the ORM's queries, for each order and page."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.paginator import Paginator

from pairing import selectors
from pairing.models import MentoringForm, MentoringGroup
from pairing.services import forms_for_organization, group_create
from tests.factories import ProgrammeFactory

from .test_groups import pupil, teacher

ORDERS = [
    ("-created_at", "-pk"),
    ("start_date", "pk"),
    ("status", "-created_at", "pk"),
    ("last_meeting", "pk"),
]


def _pairs(programme, count: int) -> None:
    form = MentoringForm.objects.get(key="teacher_pupil")
    for number in range(count):
        group_create(
            actor=None,
            programme=programme,
            form=form,
            mentors=[teacher(programme, f"Учитель{number}", capacity=3)],
            mentees=[pupil(programme, f"Ученик{number}a"), pupil(programme, f"Ученик{number}b", grade="")],
            start_date=date(2025, 9, 1) + timedelta(days=number % 5),
            status=MentoringGroup.Status.ACTIVE if number % 3 else MentoringGroup.Status.PROPOSED,
        )


def _fields(group) -> dict:
    return {name: value for name, value in vars(group).items() if name != "_state"}


@pytest.mark.django_db
def test_the_whole_list_is_the_orm_s(programme, django_assert_num_queries):
    _pairs(programme, 7)
    _pairs(ProgrammeFactory(organization=programme.organization, academic_year__start_year=2030), 2)
    for order_by in ORDERS:
        whole = Paginator(selectors.whole_list(programme, order_by), 5)  # type: ignore[arg-type]
        orm = Paginator(selectors.groups(programme, with_members=False).order_by(*order_by), 5)
        with django_assert_num_queries(1):
            assert whole.count == 7
        assert orm.count == 7
        for number in (1, 2):
            with django_assert_num_queries(1):
                found = list(whole.page(number))
            expected = list(orm.page(number))
            assert [_fields(group) for group in found] == [_fields(group) for group in expected]
            with django_assert_num_queries(0):  # the form and the role model come with the page
                assert [(g.form.name, g.role_model) for g in found] == [
                    (g.form.name, g.role_model) for g in expected
                ]


@pytest.mark.django_db
def test_a_page_s_members_are_the_orm_s(programme, django_assert_num_queries):
    _pairs(programme, 7)
    ids = list(MentoringGroup.objects.filter(programme=programme).values_list("pk", flat=True))
    for chosen in (ids, ids[:1], ids[2:5]):
        with django_assert_num_queries(1):
            found = selectors.lines_by_group(chosen, programme.organization_id)
        assert found == selectors.lines_by_group(chosen)  # the ORM's query (no school: never compiled once)
        assert set(found) == set(chosen) and all(len(lines) == 3 for lines in found.values())
        assert [line.role for line in found[chosen[0]]] == ["mentor", "mentee", "mentee"]


@pytest.mark.django_db
def test_the_forms_of_a_school_are_the_orm_s(school, other_school):
    own = MentoringForm.objects.create(key="own", name="Своя форма", organization=school)
    MentoringForm.objects.create(key="their", name="Чужая форма", organization=other_school)
    MentoringForm.objects.create(key="old", name="Старая форма", is_active=False)
    found = forms_for_organization(school)
    assert own in found and {form.key for form in found} & {"their", "old"} == set()
    assert [form.pk for form in forms_for_organization(other_school)] == [
        form.pk
        for form in MentoringForm.objects.all()
        if form.is_active
        and form.organization_id in (None, other_school.pk)
        and (not form.organization_kinds or other_school.kind in form.organization_kinds)
    ]


@pytest.mark.django_db
def test_the_list_of_pairs_is_paged_with_working_links(programme, curator_client):
    """A year with more pairs than a page holds: each page shows at most ``PAGE_GROUPS`` cards and links
    to the next and the previous one, with and without filters (the filter is kept in the links)."""
    import re

    from django.urls import reverse

    form = MentoringForm.objects.get(key="teacher_pupil")
    for number in range(selectors.PAGE_GROUPS + 1):
        group_create(
            actor=None,
            programme=programme,
            form=form,
            mentors=[teacher(programme, f"Учитель{number}")],
            mentees=[pupil(programme, f"Ученик{number}")],
            status=MentoringGroup.Status.ACTIVE,
        )
    url = reverse("pairing:index", kwargs={"org": programme.organization.slug, "year": 2025})
    seen: set[str] = set()
    for query in ("", "status=active&"):
        first = curator_client.get(f"{url}?{query}").content.decode()
        cards = re.findall(r'id="tick-group-(\d+)"', first)
        assert len(cards) == selectors.PAGE_GROUPS
        assert f'href="?{query.replace("&", "&amp;")}page=2"' in first and "page=0" not in first
        second = curator_client.get(f"{url}?{query}page=2").content.decode()
        rest = re.findall(r'id="tick-group-(\d+)"', second)
        assert len(rest) == 1 and rest[0] not in cards
        assert f'href="?{query.replace("&", "&amp;")}page=1"' in second and "page=3" not in second
        seen.update(cards + rest)
    assert len(seen) == selectors.PAGE_GROUPS + 1
