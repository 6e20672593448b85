"""The console of a region or a municipal authority: aggregates only, never a pupil.

For a body (``Organization.is_oversight_body``) and an academic year:

- the shared indicators for the whole body — numerators and denominators of every unit below it added
  up, then divided (never an average of percentages) — against the body's targets (``targets.py``: its
  own, else those of the region above, else the federal aim for the coverage of pupils);
- the same per organisation directly below it (region → municipalities, municipality → schools), for
  the drill-down, each against its own targets (own or inherited, the same rule): each row links to that
  organisation's console or KPI dashboard;
- the weakest indicators: furthest behind the body's target, with how many schools and colleges below
  are red on it (each against its own targets, as its KPI dashboard shows it);
- a series per indicator over the year, from the monthly snapshots added up the same way.

The figures come from the stored metrics (``MetricSummary``, refreshed by the jobs); a programme whose
stored metrics are missing or older than ``REGION_FIGURES_MAX_AGE_MINUTES`` is counted live. Either
way the number of queries does not depend on the number of organisations below (10 stored, +9 live).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, QuerySet, Sum
from django.utils import timezone

from mentoring.hierarchy import ChildRow, child_of_root, children_contingent, unit_programmes_below
from mentoring.models import Organization, Programme
from mentoring.prepared import PreparedModels

from ..models import Indicator, KpiSnapshot, MetricSummary
from . import calc
from .metrics_cache import cached_metrics
from .selectors import (
    KpiValue,
    SeriesPoint,
    indicators_for_organizations,
    kpi_value,
    metric_key,
)
from .targets import COVERAGE_KEY, Targets, federal_coverage_aim, targets_for_organizations

__all__ = ["COVERAGE_KEY", "Console", "WeakIndicator", "console_for", "federal_coverage_aim"]

WEAKEST = 5


@dataclass
class ConsoleRow:
    """An organisation directly below the body, with its figures."""

    child: ChildRow
    values: list[KpiValue]
    coverage: KpiValue | None

    @property
    def organization(self) -> Organization:
        return self.child.organization

    @property
    def red(self) -> int:
        return sum(1 for value in self.values if value.light == calc.RED)


@dataclass
class WeakIndicator:
    value: KpiValue
    gap: float  # how far behind the target, in points (percent) or units (count)
    red_below: int  # schools and colleges below (at any depth) that are red on it, against their targets
    measured_below: int = 0  # those of them with a value and a target (not grey)


@dataclass
class Console:
    indicators: list[Indicator]
    totals: list[KpiValue]
    coverage: KpiValue | None
    coverage_target_is_federal: bool
    rows: list[ConsoleRow]
    weakest: list[WeakIndicator]
    series: dict[int, list[SeriesPoint]]
    units: int
    counted_live: int
    counted_at: datetime | None
    contingent: dict[str, int] = field(default_factory=dict)

    @property
    def lights(self) -> dict[str, int]:
        found = dict.fromkeys((calc.GREEN, calc.YELLOW, calc.RED, calc.GREY), 0)
        for value in self.totals:
            found[value.light] += 1
        return found


def _fresh_after() -> datetime:
    return timezone.now() - timedelta(minutes=settings.REGION_FIGURES_MAX_AGE_MINUTES)


@dataclass
class UnitFigures:
    """The metrics of one programme of a unit below the body, and the child of the body it belongs to."""

    programme_id: int
    organization_id: int
    child_id: int
    metrics: dict[str, float]


def _stored_rows(keys: tuple[str, ...]) -> Callable[..., QuerySet[MetricSummary, tuple]]:
    def build(root_id: int, academic_year_id: int, fresh_after: datetime) -> QuerySet[MetricSummary, tuple]:
        return (
            MetricSummary.objects.filter(
                programme__in=unit_programmes_below(root_id, academic_year_id).values("pk"),
                refreshed_at__gte=fresh_after,
                key__in=keys,
            )
            .annotate(child=child_of_root(root_id, "programme__organization"))
            .values_list(
                "programme_id", "programme__organization_id", "child", "key", "value", "refreshed_at"
            )
            .order_by()
        )

    return build


def _missing_programmes(root_id: int, academic_year_id: int, fresh_after: datetime) -> QuerySet[Programme]:
    fresh = MetricSummary.objects.filter(programme=OuterRef("pk"), refreshed_at__gte=fresh_after)
    return (
        unit_programmes_below(root_id, academic_year_id)
        .exclude(Exists(fresh))
        .annotate(child=child_of_root(root_id, "organization"))
        .select_related("academic_year")
        .order_by("pk")
    )


# the console's queries, compiled once per process (per set of metric keys or indicators: they are the
# shared indicators, the same on every request): building them cost the ORM several times what the
# database takes to answer
_STORED_ROWS: dict[tuple[str, ...], PreparedModels] = {}
_MISSING_PROGRAMMES = PreparedModels(
    _missing_programmes, root_id=int, academic_year_id=int, fresh_after=datetime
)


KEPT = 16  # the sets of keys or indicators a process keeps compiled (all dropped when there would be more)


def _kept(
    kept: dict[Any, PreparedModels], key: Any, build: Callable[..., Any], **params: Any
) -> PreparedModels:
    """The query compiled for this set of metric keys or indicators (they change only when an indicator
    is added or switched off)."""
    prepared = kept.get(key)
    if prepared is None:
        if len(kept) >= KEPT:
            kept.clear()
        prepared = kept.setdefault(key, PreparedModels(build, **params))
    return prepared


def unit_metrics(
    root: Organization, academic_year_id: int, keys: set[str]
) -> tuple[list[UnitFigures], int, datetime | None]:
    """The ``keys`` metrics of every unit programme below ``root``, with the organisation directly below
    ``root`` it belongs to; how many programmes were counted live, and when the oldest stored figure was
    counted.

    Stored metrics are read in 1 query; programmes without fresh stored metrics (1 query to find them)
    are counted live with ``programme_metrics`` (a fixed number of queries; none for those whose figures
    are in the cache: ``metrics_cache``). Both queries are compiled once per process.
    """
    fresh_after = _fresh_after()
    ordered = tuple(sorted(keys))
    stored = []
    if ordered:
        prepared = _kept(
            _STORED_ROWS,
            ordered,
            _stored_rows(ordered),
            root_id=int,
            academic_year_id=int,
            fresh_after=datetime,
        )
        stored = prepared(root_id=root.pk, academic_year_id=academic_year_id, fresh_after=fresh_after)
    units: dict[int, UnitFigures] = {}
    oldest: datetime | None = None
    for programme_id, organization_id, child, key, value, refreshed_at in stored:
        unit = units.get(programme_id)
        if unit is None:
            unit = units[programme_id] = UnitFigures(programme_id, organization_id, child, {})
        unit.metrics[key] = value or 0
        if oldest is None or refreshed_at < oldest:
            oldest = refreshed_at
    missing = _MISSING_PROGRAMMES(root_id=root.pk, academic_year_id=academic_year_id, fresh_after=fresh_after)
    if missing:
        live = cached_metrics(missing)
        for programme in missing:
            units[programme.pk] = UnitFigures(
                programme.pk,
                programme.organization_id,
                programme.child,
                {key: live[programme.pk].get(key) or 0 for key in keys},
            )
    return list(units.values()), len(missing), oldest


def _by_child(units: list[UnitFigures]) -> dict[int, dict[str, float]]:
    sums: dict[int, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for unit in units:
        for key, number in unit.metrics.items():
            sums[unit.child_id][key] += number
    return {child: dict(values) for child, values in sums.items()}


def indicator_keys(indicators: list[Indicator]) -> set[str]:
    """The metrics the indicators read (the banded variants where they ask for the age band)."""
    keys = set()
    for indicator in indicators:
        keys.add(metric_key(indicator, indicator.numerator))
        if indicator.denominator:
            keys.add(metric_key(indicator, indicator.denominator))
    return keys


def _values(indicators: list[Indicator], metrics: dict[str, float], targets: Targets) -> list[KpiValue]:
    return [kpi_value(indicator, metrics, targets.get(indicator.pk)) for indicator in indicators]


def _gap(value: KpiValue) -> float | None:
    if value.value is None or value.target is None:
        return None
    if value.indicator.direction == Indicator.Direction.LOWER:
        return value.value - value.target
    return value.target - value.value


def _snapshot_sums(indicator_ids: tuple[int, ...]) -> Callable[..., QuerySet[Any, Any]]:
    def build(root_id: int, academic_year_id: int) -> QuerySet[Any, Any]:
        return (
            KpiSnapshot.objects.filter(
                programme__in=unit_programmes_below(root_id, academic_year_id).values("pk"),
                indicator_id__in=indicator_ids,
            )
            .values("indicator_id", "taken_on")
            .annotate(top=Sum("numerator"), bottom=Sum("denominator"), with_bottom=Count("denominator"))
            .order_by("indicator_id", "taken_on")
        )

    return build


_SNAPSHOT_SUMS: dict[tuple[int, ...], PreparedModels] = {}


def body_series(
    root: Organization, academic_year_id: int, indicators: list[Indicator], targets: dict[int, float]
) -> dict[int, list[SeriesPoint]]:
    """The monthly snapshots of the units below, added up per indicator and day (1 query, compiled once per
    process and set of indicators)."""
    by_indicator = {indicator.pk: indicator for indicator in indicators}
    ids = tuple(by_indicator)
    if not ids:
        return {}
    rows = _kept(_SNAPSHOT_SUMS, ids, _snapshot_sums(ids), root_id=int, academic_year_id=int)(
        root_id=root.pk, academic_year_id=academic_year_id
    )
    series: dict[int, list[SeriesPoint]] = defaultdict(list)
    for row in rows:
        indicator = by_indicator[row["indicator_id"]]
        denominator = row["bottom"] if row["with_bottom"] else None
        series[indicator.pk].append(
            SeriesPoint(
                taken_on=row["taken_on"],
                value=calc.indicator_value(row["top"] or 0, denominator, indicator.unit),
                target=targets.get(indicator.pk),
                numerator=row["top"] or 0,
                denominator=denominator,
            )
        )
    return dict(series)


def console_for(body: Organization, programme: Programme, today: date | None = None) -> Console:
    """Everything the console of ``body`` shows for the year of its ``programme``.

    Every figure is measured against the targets of the organisation it belongs to (``targets.py``: its
    own, else inherited from above, else the federal aim for the coverage): the total against the body's,
    a municipality's row against the municipality's, a school's against the school's — as on its KPI
    dashboard. The weakest indicators count the schools and colleges below that are behind.

    Queries: shared indicators, the children and their contingent (2), the stored metrics, the programmes
    to count live, the targets (2), the snapshots — 8, plus ``programme_metrics`` when some programme has
    no fresh stored metrics.
    """
    today = today or timezone.localdate()
    year = programme.academic_year_id
    indicators = [i for i in indicators_for_organizations([]) if i.organization_id is None]
    children, contingent = children_contingent(body, year)
    units, counted_live, counted_at = unit_metrics(body, year, indicator_keys(indicators))
    by_child = _by_child(units)
    targets = targets_for_organizations(
        [
            (body.pk, year),
            *((child.organization.pk, year) for child in children),
            *((unit.organization_id, year) for unit in units),
        ],
        indicators,
    )
    body_targets = targets[(body.pk, year)]
    coverage_indicator = next((i for i in indicators if i.key == COVERAGE_KEY), None)
    federal = coverage_indicator is not None and (
        (found := body_targets.get(coverage_indicator.pk)) is not None and found.federal
    )
    total_metrics: dict[str, float] = defaultdict(float)
    for metrics in by_child.values():
        for key, number in metrics.items():
            total_metrics[key] += number
    totals = _values(indicators, total_metrics, body_targets)
    coverage_position = indicators.index(coverage_indicator) if coverage_indicator is not None else None
    rows = []
    for child in children:
        values = _values(
            indicators, by_child.get(child.organization.pk, {}), targets[(child.organization.pk, year)]
        )
        rows.append(
            ConsoleRow(
                child=child,
                values=values,
                coverage=values[coverage_position] if coverage_position is not None else None,
            )
        )
    candidates = []
    for position, value in enumerate(totals):
        gap = _gap(value)
        if gap is None or value.light == calc.GREEN:
            continue
        candidates.append((position, value, gap))
    # furthest behind first: relative to the target, so that a count and a share compare
    candidates.sort(key=lambda item: -(item[2] / item[1].target) if item[1].target else 0)
    weakest = []
    for position, value, gap in candidates[:WEAKEST]:
        # only the indicators shown are measured per school (a region has 1,500 of them)
        indicator = indicators[position]
        lights = [
            kpi_value(indicator, unit.metrics, targets[(unit.organization_id, year)].get(indicator.pk)).light
            for unit in units
        ]
        weakest.append(
            WeakIndicator(
                value=value,
                gap=gap,
                red_below=lights.count(calc.RED),
                measured_below=sum(1 for light in lights if light != calc.GREY),
            )
        )
    series = body_series(body, year, indicators, {pk: target.value for pk, target in body_targets.items()})
    return Console(
        indicators=indicators,
        totals=totals,
        coverage=totals[coverage_position] if coverage_position is not None else None,
        coverage_target_is_federal=federal,
        rows=rows,
        weakest=weakest,
        series=series,
        units=sum(child.units for child in children),
        counted_live=counted_live,
        counted_at=counted_at,
        contingent=contingent,
    )
