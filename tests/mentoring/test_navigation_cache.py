"""The organisation and year switchers kept in the cache (mentoring/navigation_cache.py).

The rest of the suite runs with the cache off (its pinned query counts include the switchers); here it is
on: a page asks three queries fewer once the switchers are kept, and any change of a membership, an
organisation or a programme shows at once — per user, never another user's list.
"""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from mentoring.models import Role
from tests.factories import MembershipFactory, OrganizationFactory, ProgrammeFactory, UserFactory

from ..conftest import YEAR, client_for

KW = {"org": "school-a", "year": YEAR}


@pytest.fixture
def kept(settings):
    settings.NAVIGATION_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


def _queries(client, path: str) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return len(captured.captured_queries), response.content.decode()


def test_a_kept_switcher_saves_its_queries_and_shows_the_same(kept, curator, settings):
    client = client_for(curator)
    path = reverse("dashboard", kwargs=KW)
    settings.NAVIGATION_CACHE_SECONDS = 0
    client.get(path)  # the first visit saves the session
    uncached, page = _queries(client, path)
    settings.NAVIGATION_CACHE_SECONDS = 600
    first, first_page = _queries(client, path)
    second, second_page = _queries(client, path)
    assert first == uncached  # computed and kept
    assert second == uncached - 3  # memberships, the newest programmes, the years
    for html in (first_page, second_page):
        assert "2025/2026" in html and "2024/2025" in html and "МБОУ «СОШ № 1»" in html
    assert page.count("dropdown-item") == second_page.count("dropdown-item")


def test_changes_show_at_once_and_each_user_has_their_own(kept, curator, school, authority):
    client = client_for(curator)
    path = reverse("dashboard", kwargs=KW)
    client.get(path)
    client.get(path)  # kept now
    assert "2026/2027" not in client.get(path).content.decode()
    ProgrammeFactory(organization=school, academic_year__start_year=YEAR + 1)  # a new year opened
    assert "2026/2027" in client.get(path).content.decode()

    other = OrganizationFactory(slug="school-c", short_name="МБОУ «Лицей № 3»", parent=authority)
    ProgrammeFactory(organization=other, academic_year__start_year=YEAR)
    assert "Лицей № 3" not in client.get(path).content.decode()
    MembershipFactory(organization=other, user=curator, role=Role.CURATOR)  # a second organisation
    assert "Лицей № 3" in client.get(path).content.decode()

    stranger = UserFactory(username="stranger-curator")
    MembershipFactory(organization=school, user=stranger, role=Role.CURATOR)
    stranger_client = client_for(stranger)
    stranger_client.get(path)
    html = stranger_client.get(path).content.decode()
    assert "МБОУ «СОШ № 1»" in html and "Лицей № 3" not in html  # not the curator's kept list
