"""The roadmap table without filters reads its events, periods, responsible members and sections through
queries compiled once (``mentoring.prepared.PreparedModels``): the same rows as the ORM's own queries,
which a filtered table still uses, and only the programme's."""

from __future__ import annotations

from datetime import date

import pytest

from roadmap import selectors
from roadmap.models import EventComment, EventEvidence, EventPeriod, RoadmapEvent, RoadmapSection
from tests.factories import OrganizationFactory, ProgrammeFactory, UserFactory

TODAY = date(2025, 11, 15)


def _event_fields(event: RoadmapEvent) -> dict:
    return {
        name: value
        for name, value in vars(event).items()
        if name not in {"_state", "table_periods", "table_responsible_users"}
    }


def _user_fields(user) -> tuple:
    return (user.pk, user.username, user.last_name, user.first_name, user.patronymic)


def _period_fields(period: EventPeriod) -> dict:
    return {name: value for name, value in vars(period).items() if name != "_state"}


def _programme_with_a_roadmap(users):
    programme = ProgrammeFactory(organization=OrganizationFactory())
    second = RoadmapSection.objects.create(programme=programme, title="Второй", position=2)
    first = RoadmapSection.objects.create(programme=programme, title="Первый", position=1)
    RoadmapSection.objects.create(programme=programme, title="Пустой", position=3)
    states = [
        {"status": "planned", "deadline": date(2025, 11, 1), "next_due": date(2025, 11, 1)},  # overdue
        {"status": "done", "deadline": date(2025, 10, 1), "completed_on": date(2025, 9, 30)},
        {
            "status": "in_progress",
            "deadline": date(2025, 12, 1),
            "recurring": True,
            "next_due": date(2025, 11, 20),
        },
        {"status": "cancelled"},
    ]
    for number, state in enumerate(states):
        event = RoadmapEvent.objects.create(
            programme=programme,
            section=first if number % 2 else second,
            title=f"№ {number}",
            position=10 - number,
            responsible_text="Куратор",
            **state,
        )
        EventPeriod.objects.create(
            event=event, start=date(2025, 9, 1 + number), end=date(2025, 12, 1), text="осень"
        )
        EventPeriod.objects.create(event=event, text="в течение года")
        event.responsible_users.set(users[: number % 3])
        for _ in range(number):
            EventComment.objects.create(event=event, text="Да")
        if number % 2:
            EventEvidence.objects.create(event=event, url="https://example.org/")
    return programme


@pytest.mark.django_db
def test_the_whole_table_reads_the_same_rows_as_the_orm(django_assert_num_queries):
    users = [
        UserFactory(last_name="Яковлев", first_name="Пётр"),
        UserFactory(last_name="Андреева", first_name="Анна"),
    ]
    programme = _programme_with_a_roadmap(users)
    _programme_with_a_roadmap(list(reversed(users)))  # another school's roadmap, not to be read
    with django_assert_num_queries(4):  # sections, events, periods, responsible members
        sections = selectors.roadmap_table(programme, selectors.RoadmapFilters(), TODAY)
    expected_sections = list(programme.roadmap_sections.order_by("position", "id"))
    assert [rows.section for rows in sections] == expected_sections
    assert [vars(rows.section) | {"_state": None} for rows in sections] == [
        vars(section) | {"_state": None} for section in expected_sections
    ]
    # the ORM's queries, as a filtered table reads them
    orm = list(
        selectors.filter_events(
            selectors._table_events(programme, TODAY), programme, selectors.RoadmapFilters(), TODAY
        )
    )
    selectors.attach_related(orm)
    found = [event for rows in sections for event in rows.events]
    assert [_event_fields(event) for event in found] == [_event_fields(event) for event in orm]
    assert [[_period_fields(p) for p in event.table_periods] for event in found] == [
        [_period_fields(p) for p in event.table_periods] for event in orm
    ]
    assert [[_user_fields(u) for u in event.table_responsible_users] for event in found] == [
        [_user_fields(u) for u in event.table_responsible_users] for event in orm
    ]
    assert [type(event.overdue) for event in found] == [bool] * 4
    assert [event.overdue for event in found] == [False, False, False, True]  # section «Первый» first
    assert {event.comment_count for event in found} == {0, 1, 2, 3}


@pytest.mark.django_db
def test_the_kpi_targets_under_the_table_are_the_programme_s(django_assert_num_queries):
    """JSON targets decoded as the ORM decodes them, in the model's order, of this programme only."""
    from roadmap.models import KpiTarget

    programme = ProgrammeFactory(organization=OrganizationFactory())
    other = ProgrammeFactory(organization=OrganizationFactory())
    for target_programme, name, position in ((programme, "Б", 2), (programme, "А", 1), (other, "В", 0)):
        KpiTarget.objects.create(
            programme=target_programme,
            name=name,
            position=position,
            targets={"2025/26": "50 %"},
            final="70 %",
        )
    with django_assert_num_queries(1):
        found = selectors.kpi_targets(programme)
    expected = list(programme.roadmap_kpi_targets.all())
    assert [vars(t) | {"_state": None} for t in found] == [vars(t) | {"_state": None} for t in expected]
    assert [t.name for t in found] == ["А", "Б"] and found[0].targets == {"2025/26": "50 %"}
