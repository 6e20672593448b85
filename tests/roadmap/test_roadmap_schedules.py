"""Recurring events in the database: the schedule is kept, its occurrences are due one by one, and
«overdue», the filters, the progress and the reminders go by the first occurrence not reported."""

from datetime import date

import pytest
from django.urls import reverse

from mentoring.models import Programme
from roadmap import selectors
from roadmap.models import EventPeriod, RoadmapEvent
from roadmap.reminders import send_reminders
from roadmap.services import (
    RoadmapError,
    event_create,
    event_mark_done,
    occurrence_mark_done,
    roadmap_copy_previous_year,
    section_create,
)

from ..conftest import YEAR


@pytest.fixture
def monthly(programme, mentor):
    section = section_create(actor=None, programme=programme, title="Отчётность")
    return event_create(
        actor=None,
        section=section,
        title="Сдача дневников встреч",
        period_text="до 25 числа каждого месяца",
        responsible_users=[mentor],
    )


@pytest.mark.django_db
def test_the_schedule_is_stored_and_due_one_occurrence_at_a_time(monthly):
    period = monthly.periods.get()
    assert (period.recurrence, period.recurrence_day) == (EventPeriod.Recurrence.MONTH, 25)
    assert (period.start, period.end) == (date(YEAR, 9, 1), date(YEAR + 1, 5, 31))
    monthly.refresh_from_db()
    assert monthly.recurring
    assert monthly.next_due == date(YEAR, 9, 25)
    assert monthly.deadline == date(YEAR + 1, 5, 31)
    # on 1 October the September occurrence is overdue, though the event runs to May
    assert monthly.is_overdue(date(YEAR, 10, 1))
    assert not monthly.is_overdue(date(YEAR, 9, 25))


@pytest.mark.django_db
def test_reporting_occurrences_moves_the_next_due_and_the_last_one_finishes_the_event(monthly, curator):
    occurrence_mark_done(actor=curator, event=monthly, due=date(YEAR, 9, 25), completed_on=date(YEAR, 9, 24))
    monthly.refresh_from_db()
    assert monthly.next_due == date(YEAR, 10, 25)
    assert monthly.status == RoadmapEvent.Status.IN_PROGRESS
    assert not monthly.is_overdue(date(YEAR, 10, 1))
    with pytest.raises(RoadmapError):
        occurrence_mark_done(
            actor=curator, event=monthly, due=date(YEAR, 9, 26), completed_on=date(YEAR, 9, 26)
        )
    for month in (10, 11, 12, 1, 2, 3, 4, 5):
        year = YEAR if month >= 9 else YEAR + 1
        event_mark_done(actor=curator, event=monthly, completed_on=date(year, month, 20))
    monthly.refresh_from_db()
    assert monthly.status == RoadmapEvent.Status.DONE
    assert monthly.completed_on == date(YEAR + 1, 5, 20)
    assert monthly.occurrence_reports.count() == 9


@pytest.mark.django_db
def test_overdue_filter_and_progress_count_a_missed_occurrence(monthly, programme):
    october = date(YEAR, 10, 2)
    filters = selectors.RoadmapFilters(overdue=True)
    rows = selectors.roadmap_table(programme, filters, october)
    assert [event.pk for row in rows for event in row.events] == [monthly.pk]
    assert selectors.roadmap_progress(programme, october).overdue == 1
    assert selectors.roadmap_progress(programme, date(YEAR, 9, 20)).overdue == 0
    # the table's page counts the same figures from the rows of the whole roadmap
    for day in (october, date(YEAR, 9, 20)):
        for order in (None, selectors.EVENT_SORTS["status"]):
            whole = selectors.roadmap_table(programme, selectors.RoadmapFilters(), day, order)
            assert selectors.progress_of(whole) == selectors.roadmap_progress(programme, day)


@pytest.mark.django_db
def test_reminders_name_the_occurrence_due_this_week_and_the_missed_one(monthly, mentor, mailoutbox):
    assert send_reminders(today=date(YEAR, 9, 20)) == 1  # due on 25 September: this week
    (letter,) = mailoutbox
    assert "Сдача дневников встреч" in letter.body and "25.09." in letter.body
    mailoutbox.clear()
    assert send_reminders(today=date(YEAR, 9, 27)) >= 1  # missed: the mentor and the curator are told
    assert any("Сдача дневников встреч" in mail.body and mail.to == [mentor.email] for mail in mailoutbox)


@pytest.mark.django_db
def test_event_page_lists_the_schedule_and_reports_an_occurrence(client, curator, monthly, programme):
    client.force_login(curator)
    kwargs = {"org": programme.organization.slug, "year": YEAR, "event": monthly.pk}
    page = client.get(reverse("roadmap:event", kwargs=kwargs))
    assert page.status_code == 200
    text = page.content.decode()
    assert text.count("occurrence-list") == 1
    assert "25.09." in text and "25.05." in text
    done = client.post(
        reverse("roadmap:event_done", kwargs=kwargs),
        {"due": f"{YEAR}-09-25", "completed_on": f"{YEAR}-09-25", "reference": "Журнал, с. 3"},
    )
    assert done.status_code == 302
    monthly.refresh_from_db()
    assert monthly.next_due == date(YEAR, 10, 25)
    assert monthly.evidence.count() == 1


@pytest.mark.django_db
def test_copying_last_year_keeps_the_schedule(school, curator):
    previous = Programme.objects.get(organization=school, academic_year__start_year=YEAR - 1)
    current = Programme.objects.get(organization=school, academic_year__start_year=YEAR)
    section = section_create(actor=None, programme=previous, title="Отчётность")
    event_create(actor=None, section=section, title="Отчёт", period_text="ежемесячно до 25 числа")
    roadmap_copy_previous_year(actor=curator, programme=current)
    copied = RoadmapEvent.objects.get(programme=current)
    period = copied.periods.get()
    assert (period.recurrence, period.recurrence_day) == ("month", 25)
    assert copied.next_due == date(YEAR, 9, 25)
