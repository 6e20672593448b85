"""Recurring and vague periods of roadmap/periods.py: schedules, seasons, «05.2027», «ноябрь, 2026».

Pure tests (no database). Occurrences are checked against dateutil's rrule, an independent reference.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from roadmap.periods import (
    Occurrence,
    Period,
    Recurrence,
    format_period,
    occurrences,
    parse_periods,
)

rrule = pytest.importorskip("dateutil.rrule")

D = date.fromisoformat


def one(text: str, start_year: int = 2026) -> Period:
    result = parse_periods(text, start_year)
    assert result.warnings == (), result.warnings
    (period,) = result.periods
    return period


# (text, start, end, unit, day, weekday, number of occurrences)
SCHEDULES = [
    ("ежемесячно", "2026-09-01", "2027-05-31", "month", None, None, 9),
    ("Ежемесячно", "2026-09-01", "2027-05-31", "month", None, None, 9),
    ("каждый месяц", "2026-09-01", "2027-05-31", "month", None, None, 9),
    ("1 раз в месяц", "2026-09-01", "2027-05-31", "month", None, None, 9),
    ("до 25 числа каждого месяца", "2026-09-01", "2027-05-31", "month", 25, None, 9),
    ("ежемесячно, до 5-го числа", "2026-09-01", "2027-05-31", "month", 5, None, 9),
    ("ежемесячно с октября по март", "2026-10-01", "2027-03-31", "month", None, None, 6),
    ("сентябрь 2026, далее ежемесячно", "2026-09-01", "2027-05-31", "month", None, None, 9),
    ("ежеквартально", "2026-09-01", "2027-05-31", "quarter", None, None, 4),
    ("1 раз в квартал", "2026-09-01", "2027-05-31", "quarter", None, None, 4),
    ("1 раз в четверть", "2026-09-01", "2027-05-31", "term", None, None, 4),
    ("по итогам четвертей", "2026-09-01", "2027-05-31", "term", None, None, 4),
    ("раз в полугодие", "2026-09-01", "2027-05-31", "half", None, None, 2),
    ("еженедельно", "2026-09-01", "2027-05-31", "week", None, None, 40),
    ("1 раз в неделю", "2026-09-01", "2027-05-31", "week", None, None, 40),
    ("еженедельно по пятницам", "2026-09-01", "2027-05-31", "week", None, 4, 39),
    ("по средам, октябрь 2026", "2026-10-01", "2026-10-31", "week", None, 2, 4),
]


@pytest.mark.parametrize(("text", "start", "end", "unit", "day", "weekday", "count"), SCHEDULES)
def test_schedules_are_read(text, start, end, unit, day, weekday, count):
    period = one(text)
    assert (period.start, period.end) == (D(start), D(end))
    assert period.recurrence == Recurrence(unit=unit, day=day, weekday=weekday)
    assert len(occurrences(period)) == count
    assert period.text == text  # nothing of what was written is lost


def test_monthly_deadline_occurrences_match_rrule():
    period = one("до 25 числа каждого месяца")
    reference = [
        day.date()
        for day in rrule.rrule(rrule.MONTHLY, bymonthday=25, dtstart=D("2026-09-01"), until=D("2027-05-31"))
    ]
    assert [item.due for item in occurrences(period)] == reference
    first = occurrences(period)[0]
    assert first == Occurrence(D("2026-09-01"), D("2026-09-25"), D("2026-09-25"))


def test_day_31_is_the_last_day_of_short_months():
    period = one("ежемесячно до 31 числа")
    dues = [item.due for item in occurrences(period)]
    assert D("2026-11-30") in dues and D("2027-02-28") in dues and D("2026-10-31") in dues


def test_weekly_fridays_match_rrule():
    period = one("еженедельно по пятницам")
    reference = [
        day.date()
        for day in rrule.rrule(
            rrule.WEEKLY, byweekday=rrule.FR, dtstart=D("2026-09-01"), until=D("2027-05-31")
        )
    ]
    assert [item.due for item in occurrences(period)] == reference


def test_weekly_without_a_day_is_due_on_sunday_and_covers_every_day_once():
    period = one("еженедельно")
    found = occurrences(period)
    covered = [
        item.start + timedelta(days=n) for item in found for n in range((item.end - item.start).days + 1)
    ]
    every_day = [period.start + timedelta(days=n) for n in range((period.end - period.start).days + 1)]
    assert covered == every_day
    assert all(item.due.weekday() == 6 for item in found[:-1])  # the last week is cut at 31 May


def test_quarters_are_calendar_quarters_cut_to_the_school_months():
    spans = [(item.start, item.end) for item in occurrences(one("ежеквартально"))]
    assert spans == [
        (D("2026-09-01"), D("2026-09-30")),
        (D("2026-10-01"), D("2026-12-31")),
        (D("2027-01-01"), D("2027-03-31")),
        (D("2027-04-01"), D("2027-05-31")),
    ]


def test_terms_are_the_school_quarters():
    dues = [item.due for item in occurrences(one("1 раз в четверть"))]
    assert dues == [D("2026-10-31"), D("2026-12-31"), D("2027-03-31"), D("2027-05-31")]


def test_a_period_without_a_schedule_is_one_occurrence_and_an_undated_none():
    assert occurrences(Period(D("2026-10-01"), D("2026-10-31"), False, "октябрь")) == (
        Occurrence(D("2026-10-01"), D("2026-10-31"), D("2026-10-31")),
    )
    assert occurrences(Period(None, None, False, "по согласованию")) == ()


# (text, start, end) — vague periods that mean a range
RANGES = [
    ("весна 2027", "2027-03-01", "2027-05-31"),
    ("Весной", "2027-03-01", "2027-05-31"),
    ("осень 2026", "2026-09-01", "2026-11-30"),
    ("осенью 2026 г.", "2026-09-01", "2026-11-30"),
    ("лето 2027", "2027-06-01", "2027-08-31"),
    ("зима", "2026-12-01", "2027-02-28"),
    ("зима 2027", "2026-12-01", "2027-02-28"),
    ("зима 2027/2028", "2027-12-01", "2028-02-29"),
    ("I полугодие", "2026-09-01", "2026-12-31"),
    ("II полугодие", "2027-01-01", "2027-05-31"),
    ("05.2027", "2027-05-01", "2027-05-31"),
    ("5.2027", "2027-05-01", "2027-05-31"),
    ("09/2026", "2026-09-01", "2026-09-30"),
    ("09.2026 – 05.2027", "2026-09-01", "2027-05-31"),
    ("ноябрь, 2026", "2026-11-01", "2026-11-30"),
    ("Ноябрь, 2026 г.", "2026-11-01", "2026-11-30"),
    ("сентябрь 2026", "2026-09-01", "2026-09-30"),
]


@pytest.mark.parametrize(("text", "start", "end"), RANGES)
def test_vague_periods_are_their_ranges(text, start, end):
    period = one(text)
    assert (period.start, period.end, period.recurrence) == (D(start), D(end), None)


def test_a_comma_before_a_year_joins_only_a_month_and_its_year():
    result = parse_periods("ноябрь, 2026, май 2027", 2026)
    assert [(p.start, p.end) for p in result.periods] == [
        (D("2026-11-01"), D("2026-11-30")),
        (D("2027-05-01"), D("2027-05-31")),
    ]


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("ежемесячно в последнюю неделю", "в последнюю неделю"),
        ("ежемесячно, ежеквартально", "ежеквартально"),
        ("весенние каникулы", None),
        ("13.2027", None),
        ("до 25 числа", None),
    ],
)
def test_what_is_not_understood_is_warned(text, part):
    result = parse_periods(text, 2026)
    assert result.warnings, result
    if part:
        assert any(f"«{part}»" in warning for warning in result.warnings)


@pytest.mark.parametrize("text", [row[0] for row in SCHEDULES] + [row[0] for row in RANGES])
def test_what_format_period_writes_reads_back(text):
    period = one(text)
    again = one(format_period(period))
    assert (again.start, again.end, again.recurrence, again.yearly) == (
        period.start,
        period.end,
        period.recurrence,
        period.yearly,
    )


@given(
    start=st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)),
    days=st.integers(min_value=0, max_value=800),
    unit=st.sampled_from(["week", "month", "quarter", "term", "half"]),
    day=st.one_of(st.none(), st.integers(min_value=1, max_value=31)),
    weekday=st.one_of(st.none(), st.integers(min_value=0, max_value=6)),
)
def test_occurrences_stay_inside_their_period_in_order(start, days, unit, day, weekday):
    end = start + timedelta(days=days)
    schedule = Recurrence(
        unit=unit, day=day if unit == "month" else None, weekday=weekday if unit == "week" else None
    )
    found = occurrences(Period(start, end, False, "", recurrence=schedule))
    for item in found:
        assert start <= item.start <= item.due <= item.end <= end
    assert [item.due for item in found] == sorted({item.due for item in found})
