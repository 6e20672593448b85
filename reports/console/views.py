"""The console of a region or a municipal authority: coverage against its targets, the weakest
indicators, the drill-down region → municipality → school and a chart per indicator over the year.

Aggregates only (``Privacy.AGGREGATE``): counts and shares of the organisations below, never a pupil.
The figures are read by ``monitoring.kpis.console``.
"""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from mentoring.access import Privacy, Scope, ScopedRequest, access_for, organization_view
from monitoring.kpis.console import Console, console_for
from monitoring.kpis.selectors import KpiValue, SeriesPoint


def windows_panel(scope: Scope) -> dict | None:
    """The monitoring windows' slot (filled by ``regionwindows``): the share of organisations below that
    have handed in their figures in the latest collection window and those that have not; None without a
    window this year."""
    from ..windows.selectors import window_console_panel

    return window_console_panel(scope)


def _percent_class(number: float | None) -> int | None:
    """A whole percent 0…100 for the CSS classes of the coverage bar (``console-w-N``, ``console-l-N``)."""
    return None if number is None else max(0, min(100, round(number)))


def _rounded(number: float | None) -> float | None:
    return None if number is None else round(number, 1)


def _chart(value: KpiValue, points: list[SeriesPoint]) -> dict:
    return {
        "labels": [point.taken_on.strftime("%d.%m.%Y") for point in points],
        "values": [_rounded(point.value) for point in points],
        "targets": [_rounded(point.target) for point in points],
        "valueLabel": _("Value"),
        "targetLabel": _("Target"),
        "percent": value.is_percent,
    }


def _charts(data: Console) -> list[dict]:
    """A chart per indicator: the monthly snapshots added up, and today's value as the last point."""
    today = timezone.localdate()
    charts = []
    for value in data.totals:
        points = list(data.series.get(value.indicator.pk, []))
        if not points or points[-1].taken_on != today:
            points.append(
                SeriesPoint(
                    taken_on=today,
                    value=value.value,
                    target=value.target,
                    numerator=value.numerator,
                    denominator=value.denominator,
                )
            )
        charts.append(
            {
                "kpi": value,
                "points": points,
                "chart": _chart(value, points),
                "chart_id": f"console-chart-{value.indicator.pk}",
            }
        )
    return charts


@organization_view(privacy=Privacy.AGGREGATE)
def console(request: ScopedRequest) -> HttpResponse:
    scope = request.scope
    if not scope.organization.is_oversight_body:
        raise Http404  # a school has its own KPI dashboard
    data = console_for(scope.organization, scope.programme)
    parent = scope.organization.parent
    up = parent if parent is not None and access_for(request.user, parent) is not None else None
    return render(
        request,
        "reports/console/console.html",
        {
            "console": data,
            "charts": _charts(data),
            "up": up,
            "windows_panel": windows_panel(scope),
            "coverage_bar": _percent_class(data.coverage.value if data.coverage else None) or 0,
            "coverage_mark": _percent_class(data.coverage.target if data.coverage else None),
            "today": timezone.localdate(),
        },
    )
