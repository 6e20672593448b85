"""Kept pages (mentoring/kept_pages.py): the four pages of the load test answered from the process's copy,
never stale after a write.

The tests are transactional: pages are kept only for reads in autocommit, as in production. Each page is
asked until it is kept (fewer queries, the same HTML as a fresh rendering but for the CSRF token); then a
write is made — through a service, by a bulk ``update()``, inside a transaction — and the very next
request must show it, equal to a rendering with kept pages off.
"""

from __future__ import annotations

import re
import time
from datetime import date, timedelta
from importlib import import_module

import pytest
from django.apps import apps
from django.db import connection, transaction
from django.middleware.csrf import _unmask_cipher_token  # type: ignore[attr-defined]
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from mentoring import kept_pages
from mentoring.models import AuditEvent, User
from pairing.models import MentoringForm, MentoringGroup
from pairing.services import group_create
from participants.models import Person
from roadmap.models import RoadmapEvent, RoadmapImport
from roadmap.services import event_create, section_create

from ..conftest import YEAR, client_for
from ..pairing.test_groups import pupil, teacher

pytestmark = pytest.mark.django_db(transaction=True)
KW = {"org": "school-a", "year": YEAR}
PAGES = ["roadmap:index", "participants:mentees", "pairing:index", "monitoring:dashboard"]
SEED_MIGRATIONS = (  # idempotent data migrations, emptied by the flush that ends a transactional test
    "pairing.migrations.0002_seed_forms",
    "monitoring.migrations.0002_seed_questionnaires",
    "monitoring.migrations.0003_seed_indicators",
)
TOKEN = re.compile(r"[A-Za-z0-9]{64}")


def _seed() -> None:
    for module in SEED_MIGRATIONS:
        import_module(module).seed(apps, None)


@pytest.fixture(autouse=True)
def _kept_on(settings):
    settings.KEPT_PAGE_SECONDS = 300
    settings.NAVIGATION_CACHE_SECONDS = 600  # the page's header key is part of a kept page's key
    settings.KPI_CACHE_SECONDS = 300
    kept_pages.clear()
    _seed()
    yield
    kept_pages.clear()


@pytest.fixture(scope="module", autouse=True)
def _reference_rows_back(django_db_setup, django_db_blocker):
    yield
    with django_db_blocker.unblock():
        _seed()


def _get(client: Client, path: str) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def _fresh(client: Client, path: str, settings) -> str:
    settings.KEPT_PAGE_SECONDS = 0
    try:
        return _get(client, path)[0]
    finally:
        settings.KEPT_PAGE_SECONDS = 300


def _same(one: str, other: str) -> bool:
    return TOKEN.sub("T", one) == TOKEN.sub("T", other)


def _kept(client: Client, path: str) -> str:
    """Ask until the page is answered from the process's copy (the first requests learn its tables)."""
    answered = []
    real = kept_pages._answer

    def answer(request, entry):
        answered.append(request.path)
        return real(request, entry)

    kept_pages._answer = answer
    try:
        for _ in range(3):
            html, count = _get(client, path)
    finally:
        kept_pages._answer = real
    assert answered, "the page is not kept"
    return html


@pytest.fixture
def school_data(programme, curator, pair, roadmap_event):
    return programme


@pytest.mark.parametrize("name", PAGES)
def test_a_kept_page_is_the_fresh_page(school_data, curator, settings, name):
    client = client_for(curator)
    path = reverse(name, kwargs=KW)
    kept = _kept(client, path)
    # a kept answer asks only the fixed queries of every page: the session, the user, the user's roles
    # (and the audit row of a read of the mentee base)
    assert _get(client, path)[1] == (4 if name == "participants:mentees" else 3)
    assert _same(kept, _fresh(client, path, settings))
    assert kept_pages.PLACEHOLDER.decode() not in kept
    # the page's own CSRF token, valid for this client's cookie
    tokens = set(TOKEN.findall(kept))
    assert tokens
    secret = client.cookies["csrftoken"].value
    assert all(_unmask_cipher_token(token) == secret for token in tokens)


def test_each_user_has_their_own_page(school_data, curator, administrator, settings):
    path = reverse("roadmap:index", kwargs=KW)
    curator_client, director_client = client_for(curator), client_for(administrator)
    curator_page = _kept(curator_client, path)
    director_page = _get(director_client, path)[0]
    assert _same(director_page, _fresh(director_client, path, settings))
    assert "curator" in curator_page or curator.get_short_name() in curator_page
    assert not _same(curator_page, director_page)


def test_the_mentee_base_is_audited_on_every_request(school_data, curator):
    client = client_for(curator)
    path = reverse("participants:mentees", kwargs=KW)
    before = AuditEvent.objects.filter(action=AuditEvent.Action.VIEW).count()
    _kept(client, path)  # three requests, the last one (at least) answered from the kept page
    assert AuditEvent.objects.filter(action=AuditEvent.Action.VIEW).count() == before + 3


def _changed(client: Client, path: str, settings, shown: str) -> None:
    html = _get(client, path)[0]
    assert shown in html
    assert _same(html, _fresh(client, path, settings))


def test_roadmap_shows_a_write_on_the_next_request(school_data, curator, roadmap_event, settings):
    client = client_for(curator)
    path = reverse("roadmap:index", kwargs=KW)
    _kept(client, path)
    # a service
    event_create(actor=None, section=roadmap_event.section, title="Новое мероприятие", period_text="май 2026")
    _changed(client, path, settings, "Новое мероприятие")
    _kept(client, path)
    # a bulk update, which sends no signal
    RoadmapEvent.objects.filter(pk=roadmap_event.pk).update(title="Переименованное мероприятие")
    _changed(client, path, settings, "Переименованное мероприятие")
    _kept(client, path)
    # a responsible person's name, from another table
    User.objects.filter(pk=curator.pk).update(last_name="Новофамильная")
    _changed(client, path, settings, "Новофамильная")
    _kept(client, path)
    # inside a transaction: seen once it commits; a rolled-back write changes nothing
    with transaction.atomic():
        section_create(actor=None, programme=school_data, title="Раздел из транзакции")
    _changed(client, path, settings, "Раздел из транзакции")
    _kept(client, path)
    with pytest.raises(RuntimeError), transaction.atomic():
        section_create(actor=None, programme=school_data, title="Откаченный раздел")
        raise RuntimeError
    assert "Откаченный раздел" not in _get(client, path)[0]


def test_roadmap_undo_offer_is_kept_no_longer_than_it_lasts(school_data, curator, settings):
    client = client_for(curator)
    path = reverse("roadmap:index", kwargs=KW)
    RoadmapImport.objects.create(programme=school_data, actor=curator, filename="план.docx")
    RoadmapImport.objects.update(created_at=timezone.now() - timedelta(hours=24) + timedelta(seconds=30))
    html = _kept(client, path)
    assert "план.docx" in html
    (entry,) = [e for key, e in kept_pages._entries.items() if key[3] == path]
    assert entry.expires - time.monotonic() <= 30


def test_mentee_base_shows_a_write_on_the_next_request(school_data, curator, settings):
    client = client_for(curator)
    path = reverse("participants:mentees", kwargs=KW)
    _kept(client, path)
    person = pupil(school_data, "Новикова")
    _changed(client, path, settings, "Новикова")
    _kept(client, path)
    Person.objects.filter(pk=person.pk).update(last_name="Старикова")
    _changed(client, path, settings, "Старикова")
    # a sorted page is a page of its own
    sorted_path = path + "?sort=-name"
    assert "Старикова" in _kept(client, sorted_path)
    Person.objects.filter(pk=person.pk).update(last_name="Молодцова")
    _changed(client, sorted_path, settings, "Молодцова")


def test_pairs_show_a_write_on_the_next_request(school_data, curator, settings):
    client = client_for(curator)
    path = reverse("pairing:index", kwargs=KW)
    _kept(client, path)
    group_create(
        actor=None,
        programme=school_data,
        form=MentoringForm.objects.get(key="teacher_pupil"),
        mentors=[teacher(school_data, "Наставникова", capacity=3)],
        mentees=[pupil(school_data, "Подопечный")],
        start_date=date(YEAR, 10, 1),
    )
    _changed(client, path, settings, "Наставникова")
    _kept(client, path)
    shown = _get(client, path)[0]
    MentoringGroup.objects.all().delete()
    html = _get(client, path)[0]
    assert html.count("Наставникова") < shown.count("Наставникова")  # in the filter's mentors only
    assert _same(html, _fresh(client, path, settings))


def test_kpi_dashboard_shows_a_write_on_the_next_request(school_data, curator, settings):
    client = client_for(curator)
    path = reverse("monitoring:dashboard", kwargs=KW)
    before = _kept(client, path)
    for number in range(3):
        pupil(school_data, f"Ученик{number}")
    after = _get(client, path)[0]
    assert not _same(after, before)
    assert _same(after, _fresh(client, path, settings))


def test_a_page_with_a_message_is_rendered(school_data, curator, roadmap_event, settings):
    client = client_for(curator)
    path = reverse("roadmap:index", kwargs=KW)
    _kept(client, path)
    response = client.post(
        reverse("roadmap:section_create", kwargs=KW), {"title": "Раздел со страницы"}, follow=True
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Раздел со страницы" in html
    assert 'role="alert"' in html  # the message the redirect carried
    assert 'role="alert"' not in _get(client, path)[0]  # shown once


def test_tables_written():
    assert kept_pages.tables_written('INSERT INTO "roadmap_roadmapevent" ("title") VALUES (%s)') == {
        "roadmap_roadmapevent"
    }
    assert kept_pages.tables_written('UPDATE "participants_person" SET "last_name" = %s') == {
        "participants_person"
    }
    assert kept_pages.tables_written('DELETE FROM "pairing_groupmember" WHERE id = 1') == {
        "pairing_groupmember"
    }
    assert kept_pages.tables_written('SELECT * FROM "participants_person"') == frozenset()
    assert kept_pages.tables_written('INSERT INTO "mentoring_auditevent" ("at") VALUES (%s)') == frozenset()
    assert kept_pages.tables_written('UPDATE "django_session" SET "session_data" = %s') == frozenset()
    assert kept_pages.tables_written(
        'TRUNCATE "participants_person", "pairing_groupmember", "django_session"'
    ) == {"participants_person", "pairing_groupmember"}
    assert kept_pages.tables_written("ALTER TABLE roadmap_roadmapevent ADD COLUMN x integer") == {
        "roadmap_roadmapevent"
    }


def test_kept_copies_are_bounded_by_size_and_age(settings):
    settings.KEPT_PAGE_BYTES = 250
    entry = kept_pages._Entry
    kept_pages._keep(("a",), entry(b"a" * 100, "text/html", 10.0, {}), 0.0)
    kept_pages._keep(("b",), entry(b"b" * 100, "text/html", 20.0, {}), 0.0)
    assert kept_pages._found(("a",)) is not None  # now the most recently used
    kept_pages._keep(("c",), entry(b"c" * 100, "text/html", 20.0, {}), 0.0)
    assert [key[0] for key in kept_pages._entries] == ["a", "c"]  # «b» was the least recently used
    kept_pages._keep(("d",), entry(b"d" * 10, "text/html", 30.0, {}), 15.0)  # «a» expired at 10
    assert [key[0] for key in kept_pages._entries] == ["c", "d"]
    assert kept_pages._bytes == 110


def test_htmx_and_other_methods_are_never_kept(school_data, curator):
    client = client_for(curator)
    path = reverse("participants:mentees", kwargs=KW)
    _kept(client, path)
    answered = []
    real = kept_pages._answer
    kept_pages._answer = lambda request, entry: answered.append(request) or real(request, entry)
    try:
        assert client.get(path, headers={"HX-Request": "true"}).status_code == 200
        client.head(path)
        client.get(path)
    finally:
        kept_pages._answer = real
    assert len(answered) == 1  # the plain GET only
