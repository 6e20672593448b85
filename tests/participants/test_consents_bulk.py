"""The bulk consent page: tick people, one date, one scan; the parent on the card is pre-filled."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from participants.models import Consent, Person
from participants.services import mentee_profile_save, person_create

from ..conftest import YEAR, client_for

pytestmark = [pytest.mark.django_db]

KW = {"org": "school-a", "year": YEAR}


def url(name: str, **kwargs) -> str:
    return reverse(f"participants:{name}", kwargs={**KW, **kwargs})


def pupil(programme, last_name: str, birth: date, guardian: str = "", group: str = "7Б") -> Person:
    person = person_create(
        actor=None,
        organization=programme.organization,
        last_name=last_name,
        first_name="Анна",
        birth_date=birth,
        kind="pupil",
        group_name=group,
        guardian_name=guardian,
    )
    mentee_profile_save(actor=None, person=person, programme=programme)
    return person


def test_the_page_pre_fills_the_parent_and_records_one_consent_each(curator_client, programme):
    first = pupil(programme, "Белкина", date(2013, 1, 1), "Белкина Ольга Ивановна")
    second = pupil(programme, "Громова", date(2012, 5, 5), "Громов Пётр Ильич", group="8А")
    pupil(programme, "Дёмина", date(2013, 2, 2))  # not ticked: stays without a consent
    page = curator_client.get(url("consents_bulk"))
    assert page.status_code == 200
    html = page.content.decode()
    assert 'value="Белкина Ольга Ивановна"' in html and 'value="Громов Пётр Ильич"' in html
    response = curator_client.post(
        url("consents_bulk"),
        {
            "person": [first.pk, second.pk],
            f"representative-{first.pk}": "Белкина Ольга Ивановна",
            f"representative-{second.pk}": "Громова Анна Петровна",  # another parent signed
            "given_on": "2026-09-03",
            "given_by": "representative",
            "representative_relation": "родитель",
            "scan": SimpleUploadedFile("согласия-7б.pdf", b"%PDF-1.4 forms of 7B"),
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    consents = {consent.person_id: consent for consent in Consent.objects.filter(person__in=[first, second])}
    assert consents[first.pk].representative_name == "Белкина Ольга Ивановна"
    assert consents[second.pk].representative_name == "Громова Анна Петровна"
    assert {consent.given_on for consent in consents.values()} == {date(2026, 9, 3)}
    # each consent keeps a copy of its own: withdrawing one deletes only that file
    names = {consent.scan.name for consent in consents.values()}
    assert len(names) == 2
    assert all(consent.scan.read() == b"%PDF-1.4 forms of 7B" for consent in consents.values())
    assert Consent.objects.count() == 2


def test_a_minor_ticked_as_signing_himself_saves_nothing(curator_client, programme):
    minor = pupil(programme, "Белкина", date(2015, 1, 1), "Белкина Ольга Ивановна")
    unnamed = pupil(programme, "Громова", date(2012, 5, 5))
    response = curator_client.post(
        url("consents_bulk"),
        {"person": [minor.pk, unnamed.pk], "given_on": "2026-09-03", "given_by": "self"},
    )
    assert response.status_code == 400 and "Белкина А." in response.content.decode()
    response = curator_client.post(
        url("consents_bulk"),
        {
            "person": [minor.pk, unnamed.pk],
            f"representative-{minor.pk}": "Белкина Ольга Ивановна",
            f"representative-{unnamed.pk}": "",
            "given_on": "2026-09-03",
            "given_by": "representative",
        },
    )
    assert response.status_code == 400 and "Громова А." in response.content.decode()
    assert not Consent.objects.exists()
    response = curator_client.post(url("consents_bulk"), {"given_on": "2026-09-03", "given_by": "self"})
    assert response.status_code == 400 and not Consent.objects.exists()


def test_a_stranger_gets_404_and_another_schools_person_cannot_be_ticked(
    curator_client, programme, stranger, other_school
):
    mine = pupil(programme, "Белкина", date(2013, 1, 1), "Белкина Ольга Ивановна")
    assert client_for(stranger).get(url("consents_bulk")).status_code == 404
    theirs = person_create(actor=None, organization=other_school, last_name="Чужая", first_name="Анна")
    response = curator_client.post(
        url("consents_bulk"),
        {"person": [mine.pk, theirs.pk], "given_on": "2026-09-03", "given_by": "representative"},
    )
    assert response.status_code == 404 and not Consent.objects.exists()


def test_the_page_makes_a_constant_number_of_queries(curator_client, programme):
    pupil(programme, "Белкина", date(2013, 1, 1), "Белкина Ольга Ивановна")
    curator_client.get(url("consents_bulk"))  # the first visit also writes the session
    with CaptureQueriesContext(connection) as few:
        assert curator_client.get(url("consents_bulk")).status_code == 200
    for number in range(15):
        pupil(programme, f"Иванова{number}", date(2013, 1, 1), "Иванова Ольга", group=f"{5 + number % 4}А")
    with CaptureQueriesContext(connection) as many:
        assert curator_client.get(url("consents_bulk")).status_code == 200
    assert len(many) == len(few)


def test_the_single_consent_form_pre_fills_the_parent_on_the_card(curator_client, programme):
    person = pupil(programme, "Белкина", date(2013, 1, 1), "Белкина Ольга Ивановна")
    page = curator_client.get(url("consent_add", person=person.pk))
    assert page.status_code == 200
    assert page.context["form"].initial["representative_name"] == "Белкина Ольга Ивановна"
