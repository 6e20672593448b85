"""The roadmap page counts its progress (done, on time, overdue, cancelled) from the rows of the whole
table instead of asking the database again: the two counts must agree for events in every state."""

from __future__ import annotations

from datetime import date

import pytest

from roadmap import selectors
from roadmap.models import RoadmapEvent, RoadmapSection
from tests.factories import OrganizationFactory, ProgrammeFactory

TODAY = date(2025, 11, 15)
STATES = [
    {"status": "planned"},  # no dates
    {"status": "planned", "deadline": date(2025, 11, 1), "next_due": date(2025, 11, 1)},  # overdue
    {"status": "in_progress", "deadline": date(2025, 10, 1)},  # overdue by its deadline
    {"status": "in_progress", "deadline": date(2025, 12, 1), "next_due": date(2025, 11, 10)},  # a missed date
    {"status": "planned", "deadline": date(2025, 12, 1), "next_due": date(2025, 12, 1)},
    {"status": "done", "deadline": date(2025, 10, 1), "completed_on": date(2025, 9, 30)},  # on time
    {"status": "done", "deadline": date(2025, 10, 1), "completed_on": date(2025, 10, 1)},  # on the day
    {"status": "done", "deadline": date(2025, 10, 1), "completed_on": date(2025, 10, 2)},  # late
    {"status": "done", "completed_on": date(2025, 10, 2)},  # no deadline: on time
    {"status": "cancelled", "deadline": date(2025, 10, 1)},
]


@pytest.mark.django_db
def test_progress_from_the_rows_is_the_progress_asked_of_the_database():
    programme = ProgrammeFactory(organization=OrganizationFactory())
    first = RoadmapSection.objects.create(programme=programme, title="Первый", position=1)
    second = RoadmapSection.objects.create(programme=programme, title="Второй", position=2)
    for number, state in enumerate(STATES):
        RoadmapEvent.objects.create(
            programme=programme, section=first if number % 2 else second, title=f"№ {number}", **state
        )
    expected = selectors.roadmap_progress(programme, TODAY)
    assert (expected.total, expected.done, expected.done_on_time, expected.cancelled) == (10, 4, 3, 1)
    assert expected.overdue == 3
    for order in (None, *selectors.EVENT_SORTS.values()):
        rows = selectors.roadmap_table(programme, selectors.RoadmapFilters(), TODAY, order)
        assert selectors.progress_of(rows) == expected
    assert selectors.progress_of([]) == selectors.Progress(0, 0, 0, 0, 0)
