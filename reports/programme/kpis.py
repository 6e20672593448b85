"""Reports of the kpi theme, registered in the report registry (imported from ``definitions``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mentoring.access import OVERSIGHT_ROLES
from mentoring.models import Role
from mentoring.typing_helpers import StrOrPromise
from monitoring.kpis.selectors import KpiValue, child_programmes_of, kpi_values, municipal_table

from ..registry import XLSX, ReportContext, TableReport, registry
from ..tables import TableSection


def _number(value: float | None) -> float | str:
    return "" if value is None else round(value, 2)


@registry.register
class KpiReport(TableReport):
    identifier = "kpis"
    name = _("KPI values and targets")
    description = _(
        "Every indicator with its numerator, denominator, value, this year's target and traffic light, as on "
        "the KPI dashboard; for a municipal authority, every organisation and the totals."
    )
    roles = frozenset({Role.ADMINISTRATOR, Role.CURATOR, Role.PSYCHOLOGIST, *OVERSIGHT_ROLES})
    formats = (XLSX,)
    landscape = True
    sheet_name = _("KPI values")
    column_widths = [40, 12, 12, 10, 8, 10, 16]

    def subtitle(self, context: ReportContext) -> str:
        day = timezone.localdate().strftime("%d.%m.%Y")
        return f"{super().subtitle(context)}, {day}"

    def columns(self, context: ReportContext) -> list[StrOrPromise]:
        return [
            _("Indicator"),
            _("Numerator"),
            _("Denominator"),
            _("Value"),
            _("Unit"),
            _("Target"),
            _("Traffic light"),
        ]

    def _row(self, value: KpiValue) -> list[Any]:
        return [
            value.indicator.name,
            _number(value.numerator),
            _number(value.denominator),
            _number(value.value),
            "%" if value.is_percent else str(value.indicator.get_unit_display()),
            _number(value.target),
            value.light_label,
        ]

    def rows(self, context: ReportContext) -> Iterator[list[Any] | TableSection]:
        scope = context.scope
        context.progress(20, str(_("Computing the indicators")))
        if not scope.organization.is_oversight_body:
            for value in kpi_values([scope.programme])[scope.programme.pk]:
                yield self._row(value)
            return
        table = municipal_table(
            child_programmes_of(scope.organization.pk, scope.programme.academic_year_id), body=scope.programme
        )
        for row in table.rows:
            yield TableSection(str(row.programme.organization.short_name))
            for value in row.values:
                yield self._row(value)
        yield TableSection(str(_("Total")))
        for value in table.totals:
            yield self._row(value)
