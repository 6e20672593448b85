"""Query counts of the list, diary and report pages that had no pin at two sizes (issue 18): each page is
asked once on a programme with one pair, then again after the programme grew — forty more pupils in
twenty pairs with meetings and plans, sixty more roadmap events, a dozen matching runs and report jobs —
and both answers must take the same, pinned number of queries. A page whose count grows with its rows
(an N+1) fails the second half; a page that gains a fixed query fails the first.

The small programme has one pair with one meeting, one roadmap event and no runs or jobs. The counts
include the fixed part of every organisation page: the session, the user, the scope (two) and
the audit row where the page writes one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from django.test import Client
from django.urls import reverse

from mentoring.models import Job, Role
from monitoring.models import Meeting, PlanTask
from monitoring.plans.services import plan_get_or_create
from pairing.models import MatchingRun, MentoringForm
from pairing.services import group_create
from roadmap.services import event_create, section_create
from tests.factories import MembershipFactory, UserFactory

from .conftest import YEAR, client_for
from .pairing.test_groups import pupil, teacher

pytestmark = pytest.mark.django_db
KW = {"org": "school-a", "year": YEAR}


def _grow(programme, curator, mentor_person, pair) -> None:
    """Forty pupils in twenty more pairs (one of them the mentor's), with six meetings and a plan each;
    more meetings in the mentor's first pair; sixty roadmap events; twelve matching runs; fifteen jobs;
    fifteen more staff members."""
    form = MentoringForm.objects.get(key="teacher_pupil")
    groups = [pair]
    for number in range(20):
        mentor = mentor_person if number == 0 else teacher(programme, f"Наставник{number}", capacity=3)
        groups.append(
            group_create(
                actor=None,
                programme=programme,
                form=form,
                mentors=[mentor],
                mentees=[pupil(programme, f"Ученик{number}а"), pupil(programme, f"Ученик{number}б")],
                start_date=date(YEAR, 10, 1),
            )
        )
    for number, group in enumerate(groups):
        Meeting.objects.bulk_create(
            Meeting(
                group=group,
                date=date(YEAR, 10, 1) + timedelta(days=7 * k),
                topic=f"Встреча {k} пары {number}",
                duration_minutes=45,
            )
            for k in range(12 if group is pair else 6)
        )
        plan = plan_get_or_create(actor=None, group=group)
        PlanTask.objects.bulk_create(
            PlanTask(plan=plan, activity=f"Задача {k}", position=k) for k in range(4)
        )
    for number in range(3):
        section = section_create(actor=None, programme=programme, title=f"Раздел {number}")
        for k in range(20):
            event_create(
                actor=None,
                section=section,
                title=f"Мероприятие {number}.{k}",
                period_text="октябрь 2025",
                responsible_users=[curator],
            )
    MatchingRun.objects.bulk_create(
        MatchingRun(programme=programme, form=form, created_by=curator, result={"pairs": [], "unmatched": []})
        for _ in range(12)
    )
    Job.objects.bulk_create(
        Job(
            kind="report:members",
            title=f"Сотрудники и роли {k}",
            organization=programme.organization,
            academic_year=programme.academic_year,
            created_by=curator,
            params={"report": "members", "format": "xlsx", "options": {}},
        )
        for k in range(15)
    )
    for k in range(15):
        MembershipFactory(
            user=UserFactory(username=f"staff{k}"),
            organization=programme.organization,
            role=Role.MENTOR if k % 2 else Role.CURATOR,
        )


def _pinned(client: Client, path: str, expected: int, assert_num_queries: Callable) -> str:
    client.get(path)  # the first visit of a page may store the session
    with assert_num_queries(expected):
        response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


# (user, url name, extra URL kwargs from the pair, queries at both sizes)
PAGES = [
    ("curator", "reports:index", False, 11),
    ("curator", "pairing:runs", False, 14),
    ("curator", "roadmap:index", False, 14),
    ("curator", "monitoring:meetings", False, 11),
    ("mentor", "monitoring:diary", True, 13),
    ("mentor", "pairing:index", False, 12),
    ("curator", "participants:mentees", False, 11),
    ("curator", "participants:mentors", False, 11),
    ("curator", "monitoring:plans", False, 12),
    ("curator", "members", False, 11),
    ("curator", "monitoring:dashboard", False, 18),
]


@pytest.mark.parametrize(("who", "name", "of_pair", "queries"), PAGES)
def test_the_page_takes_the_same_queries_small_and_large(
    curator,
    mentor,
    mentor_person,
    pair,
    programme,
    roadmap_event,
    django_assert_num_queries,
    who,
    name,
    of_pair,
    queries,
):
    # the small programme has one of each (an empty list skips its prefetches: fewer queries, not the pin)
    Meeting.objects.create(group=pair, date=date(YEAR, 9, 20), topic="Знакомство", duration_minutes=30)
    client = client_for(curator if who == "curator" else mentor)
    path = reverse(name, kwargs={**KW, **({"group": pair.pk} if of_pair else {})})
    small = _pinned(client, path, queries, django_assert_num_queries)
    _grow(programme, curator, mentor_person, pair)
    large = _pinned(client, path, queries, django_assert_num_queries)
    if name == "monitoring:dashboard":  # the same cards with other figures (the rates may shorten)
        assert large != small, "the grown programme changes the figures"
    else:
        assert len(large) > len(small), "the grown programme shows more on the page"


# (report, queries at both sizes): the options forms the reports page loads when they are opened; the ones
# offering every pair (the diary's, the plan's) or every person with a consent (the certificates')
OPTIONS = [("pair_diary", 5), ("individual_plan", 5), ("certificates", 7)]


@pytest.mark.parametrize(("report", "queries"), OPTIONS)
def test_an_options_form_takes_the_same_queries_small_and_large(
    curator, mentor_person, pair, programme, django_assert_num_queries, report, queries
):
    client = client_for(curator)
    path = reverse("reports:options", kwargs={**KW, "report": report})
    small = _pinned(client, path, queries, django_assert_num_queries)
    _grow(programme, curator, mentor_person, pair)
    large = _pinned(client, path, queries, django_assert_num_queries)
    assert large.count("<option") > small.count("<option"), "the grown programme offers more"
