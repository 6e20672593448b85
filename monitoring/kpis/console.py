"""The console of a region or a municipal authority: aggregates only, never a pupil.

For a body (``Organization.is_oversight_body``) and an academic year:

- the shared indicators for the whole body — numerators and denominators of every unit below it added
  up in the database, then divided (never an average of percentages) — with the body's own yearly
  targets (the region's targets), the coverage of pupils against the federal aim when the body set none;
- the same per organisation directly below it (region → municipalities, municipality → schools), for
  the drill-down: each row links to that organisation's console or KPI dashboard;
- the weakest indicators: furthest behind the body's target, with how many organisations below are red;
- a series per indicator over the year, from the monthly snapshots added up the same way.

The figures come from the stored metrics (``MetricSummary``, refreshed by the jobs); a programme whose
stored metrics are missing or older than ``REGION_FIGURES_MAX_AGE_MINUTES`` is counted live. Either
way the number of queries does not depend on the number of organisations below (10 stored, +9 live).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.conf import settings
from django.db.models import Count, Exists, Min, OuterRef, Sum
from django.utils import timezone

from mentoring.hierarchy import ChildRow, child_of_root, children_contingent, unit_programmes_below
from mentoring.models import Organization, Programme

from ..models import Indicator, IndicatorTarget, KpiSnapshot, MetricSummary
from . import calc
from .selectors import (
    KpiValue,
    SeriesPoint,
    indicators_for_organizations,
    kpi_value,
    programme_metrics,
)

COVERAGE_KEY = "pupils_in_mentoring"  # the shared indicator «Доля обучающихся … вовлечённых»
WEAKEST = 5


def federal_coverage_aim() -> float:
    """The federal aim for the share of pupils involved, used when the body set no target of its own."""
    return float(settings.FEDERAL_COVERAGE_AIM)


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
    red_below: int  # organisations directly below that are red on it


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


def metrics_by_child(
    root: Organization, academic_year_id: int
) -> tuple[dict[int, dict[str, float]], int, datetime | None]:
    """Every metric added up per organisation directly below ``root``: ``{child_id: {key: sum}}``, how many
    programmes were counted live, and when the oldest stored figure was counted.

    Stored metrics are added up by the database (1 query); programmes without fresh stored metrics
    (1 query to find them) are counted live with ``programme_metrics`` (a fixed number of queries).
    """
    fresh_after = _fresh_after()
    programmes = unit_programmes_below(root.pk, academic_year_id)
    stored = (
        MetricSummary.objects.filter(programme__in=programmes.values("pk"), refreshed_at__gte=fresh_after)
        .annotate(child=child_of_root(root.pk, "programme__organization"))
        .values("child", "key")
        .annotate(total=Sum("value"), oldest=Min("refreshed_at"))
        .order_by()
    )
    sums: dict[int, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    oldest: datetime | None = None
    for row in stored:
        sums[row["child"]][row["key"]] += row["total"] or 0
        if oldest is None or row["oldest"] < oldest:
            oldest = row["oldest"]
    fresh = MetricSummary.objects.filter(programme=OuterRef("pk"), refreshed_at__gte=fresh_after)
    missing = list(
        programmes.exclude(Exists(fresh))
        .annotate(child=child_of_root(root.pk, "organization"))
        .select_related("academic_year")
        .order_by("pk")
    )
    if missing:
        live = programme_metrics(missing)
        for programme in missing:
            for key, value in live[programme.pk].items():
                sums[programme.child][key] += value or 0
    return {child: dict(values) for child, values in sums.items()}, len(missing), oldest


def _values(
    indicators: list[Indicator], metrics: dict[str, float], targets: dict[int, float]
) -> list[KpiValue]:
    return [kpi_value(indicator, metrics, targets.get(indicator.pk)) for indicator in indicators]


def _gap(value: KpiValue) -> float | None:
    if value.value is None or value.target is None:
        return None
    if value.indicator.direction == Indicator.Direction.LOWER:
        return value.value - value.target
    return value.target - value.value


def body_series(
    root: Organization, academic_year_id: int, indicators: list[Indicator], targets: dict[int, float]
) -> dict[int, list[SeriesPoint]]:
    """The monthly snapshots of the units below, added up per indicator and day (1 query)."""
    by_indicator = {indicator.pk: indicator for indicator in indicators}
    rows = (
        KpiSnapshot.objects.filter(
            programme__in=unit_programmes_below(root.pk, academic_year_id).values("pk"),
            indicator_id__in=list(by_indicator),
        )
        .values("indicator_id", "taken_on")
        .annotate(top=Sum("numerator"), bottom=Sum("denominator"), with_bottom=Count("denominator"))
        .order_by("indicator_id", "taken_on")
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

    Queries: shared indicators, the body's targets, the children and their contingent (2), the stored
    metrics, the programmes to count live, the snapshots — 7, plus ``programme_metrics`` when some
    programme has no fresh stored metrics.
    """
    today = today or timezone.localdate()
    indicators = [i for i in indicators_for_organizations([]) if i.organization_id is None]
    targets = {
        target.indicator_id: float(target.value)
        for target in IndicatorTarget.objects.filter(
            programme=programme, indicator__organization__isnull=True
        )
    }
    coverage_indicator = next((i for i in indicators if i.key == COVERAGE_KEY), None)
    federal = coverage_indicator is not None and coverage_indicator.pk not in targets
    if coverage_indicator is not None and federal:
        targets[coverage_indicator.pk] = federal_coverage_aim()
    children, contingent = children_contingent(body, programme.academic_year_id)
    by_child, counted_live, counted_at = metrics_by_child(body, programme.academic_year_id)
    total_metrics: dict[str, float] = defaultdict(float)
    for metrics in by_child.values():
        for key, number in metrics.items():
            total_metrics[key] += number
    totals = _values(indicators, total_metrics, targets)
    coverage_position = indicators.index(coverage_indicator) if coverage_indicator is not None else None
    rows = []
    for child in children:
        values = _values(indicators, by_child.get(child.organization.pk, {}), targets)
        rows.append(
            ConsoleRow(
                child=child,
                values=values,
                coverage=values[coverage_position] if coverage_position is not None else None,
            )
        )
    weakest = []
    for position, value in enumerate(totals):
        gap = _gap(value)
        if gap is None or value.light == calc.GREEN:
            continue
        red_below = sum(1 for row in rows if row.child.units and row.values[position].light == calc.RED)
        weakest.append(WeakIndicator(value=value, gap=gap, red_below=red_below))
    # furthest behind first: relative to the target, so that a count and a share compare
    weakest.sort(key=lambda weak: -(weak.gap / weak.value.target) if weak.value.target else 0)
    series = body_series(body, programme.academic_year_id, indicators, targets)
    return Console(
        indicators=indicators,
        totals=totals,
        coverage=totals[coverage_position] if coverage_position is not None else None,
        coverage_target_is_federal=federal,
        rows=rows,
        weakest=weakest[:WEAKEST],
        series=series,
        units=sum(child.units for child in children),
        counted_live=counted_live,
        counted_at=counted_at,
        contingent=contingent,
    )
