"""The start page's «participants without a consent» (``base_facts``) against a count from the rows."""

from __future__ import annotations

from datetime import date

import pytest

from mentoring.models import Programme
from participants.models import Consent, MenteeProfile, MentorProfile, Person
from participants.services import (
    consent_record,
    consent_withdraw,
    mentee_profile_save,
    mentor_profile_save,
    person_anonymise,
    person_create,
)
from reports.home.selectors import base_facts

pytestmark = pytest.mark.django_db


def _adult(programme: Programme, last_name: str, *, consent: bool) -> Person:
    person = person_create(
        actor=None,
        organization=programme.organization,
        last_name=last_name,
        first_name="Иван",
        birth_date=date(1990, 1, 1),
        kind="teacher",
    )
    if consent:
        consent_record(actor=None, person=person, scope="personal_data", given_on=date(2025, 9, 1))
    return person


def _reference(programme: Programme) -> int:
    people = {
        *MenteeProfile.objects.filter(programme=programme).values_list("person_id", flat=True),
        *MentorProfile.objects.filter(programme=programme).values_list("person_id", flat=True),
    }
    kept = set(Person.objects.filter(pk__in=people, anonymised_at__isnull=True).values_list("pk", flat=True))
    consented = set(
        Consent.objects.filter(scope="personal_data", withdrawn_on__isnull=True).values_list("person_id", flat=True)
    )
    return len(kept - consented)


def test_each_person_once_whatever_the_bases_and_the_years(school, programme):
    past = Programme.objects.get(organization=school, academic_year__start_year=2024)
    both = _adult(programme, "Обе", consent=False)  # a mentee and a mentor: one person
    mentee_profile_save(actor=None, person=both, programme=programme)
    mentor_profile_save(actor=None, person=both, programme=programme)
    mentor_profile_save(actor=None, person=_adult(programme, "Наставник", consent=False), programme=programme)
    mentee_profile_save(actor=None, person=_adult(programme, "Согласна", consent=True), programme=programme)
    withdrawn = _adult(programme, "Отозвала", consent=True)
    mentee_profile_save(actor=None, person=withdrawn, programme=programme)
    erased = _adult(programme, "Стёрта", consent=False)
    mentee_profile_save(actor=None, person=erased, programme=programme)
    person_anonymise(actor=None, person=erased)  # her data is gone: nothing to ask a consent for
    mentee_profile_save(actor=None, person=_adult(programme, "Прошлогодний", consent=False), programme=past)
    assert base_facts(programme).people_without_consent == _reference(programme) == 2
    consent_withdraw(actor=None, consent=withdrawn.consents.get(), withdrawn_on=date(2025, 12, 1))
    assert base_facts(programme).people_without_consent == _reference(programme) == 2  # anonymised now
