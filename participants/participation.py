"""Who counts as a participant: the ONE rule every figure of the system follows.

The РНЦ statistics, the KPIs (and so the dashboards and the municipal consolidation) and the analytical
report all read mentees and mentors through ``MenteeProfile.objects.taking_part(...)`` /
``MentorProfile.objects.taking_part(...)``, which filter with :func:`taking_part_q`. The README states the
rule in Russian («Кто считается участником»); keep the two in step.

A mentee or mentor profile of a programme year counts in a reporting period when

- its status is not «Кандидат» (a candidate is not yet a participant);
- the time the person took part overlaps the period: the entry date is empty or on or before the last
  day of the period, and the exit date is empty or on or after its first day. A leaver («Выбыл») thus
  counts for the periods they took part in and not for later ones; a «Выбыл» without an exit date is
  counted as if still in (the form asks for the date, see ``participants/forms.py``).

An anonymised person (consent withdrawn) still counts: the anonymised record is kept for the counts
(only the birth date is gone, so they fall outside every age band). Only the consent KPI divides by the
participants whose data is kept (``participants_with_data``).

The reporting period of a programme year is its academic year (1 September – 31 August) up to the
reference day: today while the year runs, its last day once it is over, its first day before it starts.
Ages are counted on the same reference day (the period's last day). A statistics period of its own (a
monitoring window) is a :class:`Period` passed instead.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from django.db.models import Q
from django.utils import timezone

from mentoring.academic_years import academic_year_bounds

CANDIDATE = "candidate"  # ProfileStatus.CANDIDATE (models import this module's queryset helpers)


@dataclass(frozen=True)
class Period:
    """A reporting period, both days included."""

    start: date
    end: date


def reference_day(today: date, year_start: date, year_end: date) -> date:
    """Today within the year, its last day for a past year, its first day for a year not yet begun."""
    if today > year_end:
        return year_end
    if today < year_start:
        return year_start
    return today


def reporting_period(start_year: int, today: date | None = None) -> Period:
    """The reporting period of the academic year that starts in ``start_year``, as of ``today``."""
    start, end = academic_year_bounds(start_year)
    return Period(start, reference_day(today or timezone.localdate(), start, end))


def programme_periods(programmes: Iterable, today: date | None = None) -> dict[int, Period]:
    """``{programme_id: Period}``; the programmes need their ``academic_year`` loaded."""
    today = today or timezone.localdate()
    return {p.pk: reporting_period(p.academic_year.start_year, today) for p in programmes}


def takes_part(*, status: str, entry: date | None, exit: date | None, period: Period) -> bool:
    """The rule on one profile, in Python (for code that already holds the rows)."""
    if status == CANDIDATE:
        return False
    return (entry is None or entry <= period.end) and (exit is None or exit >= period.start)


def taking_part_q(period: Period, prefix: str = "") -> Q:
    """The rule as a filter on a profile (``prefix`` leads from the queried model to the profile)."""
    return (
        ~Q(**{f"{prefix}status": CANDIDATE})
        & (Q(**{f"{prefix}entry_date__isnull": True}) | Q(**{f"{prefix}entry_date__lte": period.end}))
        & (Q(**{f"{prefix}exit_date__isnull": True}) | Q(**{f"{prefix}exit_date__gte": period.start}))
    )


def taking_part_in(periods: Mapping[int, Period], prefix: str = "") -> Q:
    """Profiles of the given programmes that take part in each programme's own period (one Q, so one
    query serves a whole municipality: programmes sharing a period share a clause)."""
    by_period: dict[Period, list[int]] = defaultdict(list)
    for programme_id, period in periods.items():
        by_period[period].append(programme_id)
    condition = Q(pk__in=[])
    for period, ids in by_period.items():
        condition |= Q(**{f"{prefix}programme_id__in": ids}) & taking_part_q(period, prefix)
    return condition
