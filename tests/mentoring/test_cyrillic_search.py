"""Searches on every list find Russian words whatever their letter case and «ё»/«е», on SQLite as on
PostgreSQL (SQLite's own LIKE and LOWER fold ASCII letters only). Run on both:
``pytest tests/mentoring/test_cyrillic_search.py`` and the same with
``DATABASE_URL=postgres://…``."""

from __future__ import annotations

import pytest
from django.db import connection
from django.urls import reverse

from roadmap.models import RoadmapEvent
from roadmap.services import event_create

from ..conftest import YEAR

KW = {"org": "school-a", "year": YEAR}


@pytest.fixture
def tree_event(roadmap_event) -> RoadmapEvent:
    return event_create(
        actor=None,
        section=roadmap_event.section,
        number="2.2.",
        title="Новогодняя ЁЛКА для наставников",
        period_text="декабрь 2025",
        responsible_text="Классные руководители",
    )


def test_sqlite_lower_folds_cyrillic_like_postgresql(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT LOWER(%s)", ["АНКЕТИРОВАНИЕ Ёлка"])
        assert cursor.fetchone()[0] == "анкетирование ёлка"


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["АНКЕТИРОВАНИЕ", "анкетирование", "Анкетирование обучающихся", "ОБУЧАЮЩ"])
def test_the_roadmap_finds_an_event_in_any_letter_case(curator_client, roadmap_event, tree_event, query):
    page = curator_client.get(reverse("roadmap:index", kwargs=KW), {"q": query}).content.decode()
    assert "Анкетирование обучающихся" in page and "Новогодняя" not in page


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["ёлка", "елка", "ЕЛКА", "КЛАССНЫЕ руководители"])
def test_the_roadmap_finds_ё_as_е_and_the_responsible_as_written(curator_client, roadmap_event, tree_event, query):
    page = curator_client.get(reverse("roadmap:index", kwargs=KW), {"q": query}).content.decode()
    assert "Новогодняя ЁЛКА" in page and "Анкетирование обучающихся" not in page


@pytest.mark.django_db
def test_the_roadmap_finds_the_responsible_users_name_in_capitals(curator_client, curator, roadmap_event, tree_event):
    curator.last_name = "Смирнова"
    curator.save(update_fields=["last_name"])
    page = curator_client.get(reverse("roadmap:index", kwargs=KW), {"q": "СМИРНОВА"}).content.decode()
    assert "Анкетирование обучающихся" in page and "Новогодняя" not in page


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["ИВАНОВА", "иванова мария", "МАРИЯ сергеевна"])
def test_people_pairs_and_meetings_lists_find_a_name_in_any_letter_case(
    curator_client, pair, monitoring_objects, query
):
    for name in ("participants:mentees", "pairing:index", "monitoring:meetings"):
        page = curator_client.get(reverse(name, kwargs=KW), {"q": query}).content.decode()
        assert "Иванова" in page, (name, query)
        other = curator_client.get(reverse(name, kwargs=KW), {"q": "ПЕТРОВСКИЙ"}).content.decode()
        assert "Иванова" not in other, name


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["ИВАНОВА", "АНКЕТИРОВАНИЕ", "ёлка"])
def test_the_global_search_finds_people_pairs_and_events_in_any_letter_case(
    curator_client, pair, roadmap_event, tree_event, query
):
    page = curator_client.get(reverse("search", kwargs=KW), {"q": query}).content.decode()
    expected = {"ИВАНОВА": "Иванова", "АНКЕТИРОВАНИЕ": "Анкетирование обучающихся", "ёлка": "Новогодняя ЁЛКА"}
    assert expected[query] in page
