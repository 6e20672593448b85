"""The start page's «mentees without a pair» (``base_facts``): the count of the pairs page, and the paired
mentees asked once, not by a sub-query per profile (16-28 ms of the page at 1,000 pupils on PostgreSQL)."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mentoring.models import Programme
from pairing.models import MentoringForm, MentoringGroup
from pairing.selectors import unpaired_counts
from pairing.services import group_create
from participants.services import mentee_profile_save, person_anonymise
from reports.home.selectors import base_facts

from ..conftest import YEAR
from ..pairing.test_groups import pupil, teacher

pytestmark = pytest.mark.django_db


def _pair(programme: Programme, mentor, mentee, status: str = MentoringGroup.Status.ACTIVE) -> None:
    group_create(
        actor=None,
        programme=programme,
        form=MentoringForm.objects.get(key="teacher_pupil"),
        mentors=[mentor],
        mentees=[mentee],
        start_date=date(programme.academic_year.start_year, 10, 1),
    )
    if status != MentoringGroup.Status.ACTIVE:
        MentoringGroup.objects.filter(programme=programme, members__person=mentee).update(status=status)


def test_mentees_without_a_pair_as_the_pairs_page_counts_them(school, programme):
    past = Programme.objects.get(organization=school, academic_year__start_year=YEAR - 1)
    mentor = teacher(programme, "Наставникова", capacity=5)
    _pair(programme, mentor, pupil(programme, "Впаре"))
    proposed = pupil(programme, "Предложен")
    _pair(programme, mentor, proposed, MentoringGroup.Status.PROPOSED)
    closed = pupil(programme, "Закрыт")
    _pair(programme, mentor, closed, MentoringGroup.Status.COMPLETED)  # closed: without a pair
    pupil(programme, "Одинокий")
    last_year = pupil(programme, "Прошлогодний")  # paired last year only: without a pair this year
    mentee_profile_save(actor=None, person=last_year, programme=past)
    _pair(past, teacher(past, "Прошлая", capacity=2), last_year)
    person_anonymise(actor=None, person=pupil(programme, "Стёртый"))  # not in the base's counts
    facts = base_facts(programme)
    assert facts.mentees_without_pair == unpaired_counts(programme)["mentees_without_pair"] == 3
    assert facts.mentees == 5


def test_the_paired_mentees_are_asked_once_not_per_profile(school, programme):
    with CaptureQueriesContext(connection) as queries:
        base_facts(programme)
    (counts,) = [q["sql"] for q in queries.captured_queries if "participants_menteeprofile" in q["sql"]][:1]
    # a correlated EXISTS names the outer profile's columns inside the sub-query: one run of it per profile
    assert "EXISTS" not in counts.upper(), counts
