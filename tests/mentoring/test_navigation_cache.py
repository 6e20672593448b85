"""The organisation and year switchers kept in the cache (mentoring/navigation_cache.py).

The rest of the suite runs with the cache off (its pinned query counts include the switchers and the
scope's programme); here it is on: a page asks four queries fewer once the switchers and the programme are
kept, and any change of a membership, an organisation or a programme shows at once — per user, never
another user's list; the user's roles are never kept. Sessions read from the cache (``cached_db``, the
engine with Redis) save the session's query.
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
    assert second == uncached - 4  # memberships, the newest programmes, the years; the scope's programme
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


def test_a_mentor_after_the_curator_gets_the_mentor_menu_and_a_stranger_still_404(
    kept, curator, mentor, stranger, programme
):
    """The kept parts never cross roles or organisations: the mentor opens the same school right after the
    curator (the switchers of the school are kept by then) and gets his own menu; the curator of another
    school gets 404 on this school's pages, kept switchers or not."""
    for user, first, last in ((curator, "Анна", "Кураторова"), (mentor, "Пётр", "Наставников")):
        user.first_name, user.last_name = first, last  # not Faker's: two random names could coincide
        user.save(update_fields=["first_name", "last_name"])
    path = reverse("dashboard", kwargs=KW)
    curator_client = client_for(curator)
    for _ in range(2):
        curator_html = curator_client.get(path).content.decode()
    bases = reverse("participants:index", kwargs=KW)
    reports = reverse("reports:index", kwargs=KW)
    assert f'href="{bases}"' in curator_html and f'href="{reports}"' in curator_html

    mentor_client = client_for(mentor)
    for _ in range(2):
        response = mentor_client.get(path)
    assert response.status_code == 200
    mentor_html = response.content.decode()
    assert f'href="{bases}"' not in mentor_html and f'href="{reports}"' not in mentor_html
    assert reverse("trash", kwargs=KW) in curator_html and reverse("trash", kwargs=KW) not in mentor_html
    assert mentor.get_full_name() in mentor_html and curator.get_full_name() not in mentor_html

    stranger_client = client_for(stranger)
    for name in ("dashboard", "participants:mentees", "pairing:index", "roadmap:index"):
        assert stranger_client.get(reverse(name, kwargs=KW)).status_code == 404, name
    # and the stranger's own school shows his switcher, not the kept one of school-a
    own = stranger_client.get(reverse("dashboard", kwargs={**KW, "org": "school-b"})).content.decode()
    assert "МБОУ «Гимназия № 2»" in own


def test_templates_are_compiled_once_per_process():
    """The cached template loader serves every environment (Django's default when no loaders are given,
    kept so: a page's templates are parsed once per process, not on every request)."""
    from django.template import engines
    from django.template.loaders.cached import Loader as CachedLoader

    engine = engines["django"].engine  # type: ignore[attr-defined]
    assert [type(loader) for loader in engine.template_loaders] == [CachedLoader]


def test_a_kept_programme_changes_at_once_and_access_is_asked_every_time(kept, curator, programme):
    """The scope's programme comes from the cache, but a change of it shows on the next page, and a
    membership ended shuts the page at once (the roles are asked of the database on every page)."""
    client = client_for(curator)
    path = reverse("participants:mentees", kwargs=KW)
    client.get(path)
    client.get(path)  # kept now
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    tables = " ".join(query["sql"] for query in captured.captured_queries)
    assert '"mentoring_programme"."pupils_total"' not in tables  # not asked: kept
    assert "mentoring_membership" in tables  # asked: the roles
    programme.organization.short_name = "МБОУ «СОШ № 1 имени Пушкина»"
    programme.organization.save(update_fields=["short_name"])
    assert "имени Пушкина" in client.get(path).content.decode()
    curator.memberships.all().delete()
    assert client.get(path).status_code == 404
    assert client_for(curator).get(path).status_code == 404


def test_an_unknown_year_is_404_and_a_year_opened_later_opens(kept, curator, school):
    client = client_for(curator)
    path = reverse("participants:mentees", kwargs={**KW, "year": YEAR + 1})
    assert client.get(path).status_code == 404
    assert client.get(path).status_code == 404  # «no programme» is not kept
    ProgrammeFactory(organization=school, academic_year__start_year=YEAR + 1)
    assert client.get(path).status_code == 200


def test_sessions_from_the_cache_save_the_sessions_query_and_end_at_logout(kept, curator, settings):
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    client = client_for(curator)  # after the setting: its session is written to the cache and the database
    path = reverse("participants:mentees", kwargs=KW)
    client.get(path)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    assert not [query for query in captured.captured_queries if "django_session" in query["sql"]]
    client.post(reverse("logout"))
    response = client.get(path)
    assert response.status_code == 302 and reverse("login") in response["Location"]


class _CountingCache:
    """The shared cache, counting the keys each ``get`` asks for."""

    def __init__(self, shared) -> None:
        self.shared = shared
        self.asked: list[str] = []

    def get(self, key, *args, **kwargs):
        self.asked.append(key)
        return self.shared.get(key, *args, **kwargs)

    def __getattr__(self, name):
        return getattr(self.shared, name)


def test_a_process_asks_the_shared_cache_for_the_version_alone(kept, curator, monkeypatch):
    """Once a process has read the scope's programme and both switchers, a page asks the shared cache
    for the navigation version only (one round trip instead of three), and the page is the same; a
    change still shows on the next page."""
    from mentoring import navigation_cache

    counting = _CountingCache(navigation_cache.cache)
    monkeypatch.setattr(navigation_cache, "cache", counting)
    client = client_for(curator)
    path = reverse("dashboard", kwargs=KW)
    first = client.get(path).content.decode()
    counting.asked.clear()
    second = client.get(path).content.decode()
    assert counting.asked == [navigation_cache.VERSION_KEY]
    assert second.count("dropdown-item") == first.count("dropdown-item") and "2024/2025" in second
    ProgrammeFactory(organization=curator.memberships.get().organization, academic_year__start_year=YEAR + 1)
    assert "2026/2027" in client.get(path).content.decode()


def test_a_version_is_never_used_twice(kept):
    """The version starts from the clock when the shared cache has none (Redis emptied): a process's own
    copies, kept under the old version, can never be mistaken for new ones."""
    from mentoring import navigation_cache

    first = navigation_cache.version()
    navigation_cache.bump()
    assert navigation_cache.version() == first + 1
    cache.clear()
    assert navigation_cache.version() not in (0, first, first + 1)
