"""The staff's search across people, pairs and roadmap events, from the navigation (issue 17)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from participants.services import mentee_profile_save, person_create

from ..conftest import YEAR, client_for

pytestmark = [pytest.mark.django_db]

SEARCH = reverse("search", kwargs={"org": "school-a", "year": YEAR})


def test_finds_people_pairs_and_events_of_the_school_only(curator_client, pair, roadmap_event, other_school):
    person_create(actor=None, organization=other_school, last_name="Иванова", first_name="Чужая")
    html = curator_client.get(SEARCH + "?q=иванова").content.decode()
    assert "Иванова Мария Сергеевна" in html
    assert "Чужая" not in html
    assert f"/pairs/{pair.pk}/" in html
    html = curator_client.get(SEARCH + "?q=анкетирование").content.decode()
    assert f"/roadmap/events/{roadmap_event.pk}/" in html


def test_reading_people_is_audited(curator_client, mentee):
    from mentoring.models import AuditEvent

    curator_client.get(SEARCH + "?q=иванова")
    event = AuditEvent.objects.filter(action="view", target_repr="Поиск").get()
    assert event.person_ids == [mentee.pk]


def test_who_may_search(programme, mentor, coordinator, stranger, curator):
    assert client_for(mentor).get(SEARCH + "?q=ив").status_code == 403
    assert client_for(coordinator).get(SEARCH + "?q=ив").status_code == 404
    assert client_for(stranger).get(SEARCH + "?q=ив").status_code == 404
    dashboard = reverse("dashboard", kwargs={"org": "school-a", "year": YEAR})
    assert 'role="search"' in client_for(curator).get(dashboard).content.decode()
    assert 'role="search"' not in client_for(mentor).get(dashboard).content.decode()
    assert 'role="search"' not in client_for(coordinator).get(dashboard).content.decode()


def test_the_results_page_has_a_fixed_number_of_queries(
    curator_client, programme, django_assert_max_num_queries
):
    def pupil(name):
        person = person_create(
            actor=None, organization=programme.organization, last_name=name, first_name="Анна"
        )
        mentee_profile_save(actor=None, person=person, programme=programme)

    pupil("Анисимова")
    with django_assert_max_num_queries(20) as captured:
        curator_client.get(SEARCH + "?q=анна")
    first = len(captured.captured_queries)
    for index in range(8):
        pupil(f"Борисова{index}")
    with django_assert_max_num_queries(first):
        response = curator_client.get(SEARCH + "?q=анна")
    assert response.content.decode().count("Анна") >= 9


def test_a_short_query_searches_nothing(curator_client, mentee):
    html = curator_client.get(SEARCH + "?q=и").content.decode()
    assert "Иванова" not in html
