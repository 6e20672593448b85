"""Statistics for the РНЦ: the configurable table of counts, then the KPI shares with their targets.

For a municipal authority the table adds up its schools (cell by cell) and a second sheet lists each
school; the layout is the authority's own (or the default), so every school is counted the same way.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mentoring.access import OVERSIGHT_ROLES
from mentoring.models import Programme, Role

from . import statistics
from .registry import PDF, XLSX, GeneratedFile, Report, ReportContext, ReportError, registry
from .statistics_data import layout_for, programmes_in_scope, statistics_facts
from .tables import Percent, Table, TableSection
from .writers import pdf_tables, xlsx_tables


def plain_number(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(value, 1)


def measured_value(value: float | None, percent: bool) -> Percent | int | float | None:
    """A KPI's value or target as what it is: a share (a percentage in Excel, «45,6 %» on paper) or a
    count (a whole number)."""
    if value is None:
        return None
    if percent:
        return Percent(round(float(value), 1))
    return plain_number(value)


def without_programme(scope) -> list:
    """The authority's organisations with no programme this academic year (they add nothing)."""
    from mentoring.selectors import children_without_programme

    return children_without_programme(scope)


def _no_programme(organization) -> str:
    return _("%(organisation)s: no programme this academic year") % {"organisation": organization}


def kpi_columns() -> list[str]:
    return [_("Indicator"), _("Unit"), _("Counted"), _("Out of"), _("Value"), _("Target"), _("Status")]


def kpi_rows(programmes: list[Programme]) -> list[list]:
    """One row per indicator: its unit, counted, out of, value, target and status — for several
    programmes the numerators and denominators are added up first (never the percentages). A share and
    a count never share a column's format: the unit says which, and the value is typed by it.

    For several programmes (an authority's, a region's 1,500) the stored metrics of the periodic job are
    read where fresh (``municipal_table(stored=True)``, as the console does) and only the others counted
    live: counting 500,000 pupils' metrics again would take as long as the job itself."""
    from monitoring.kpis.selectors import kpi_values, municipal_table

    if len(programmes) == 1:
        values = kpi_values(programmes)[programmes[0].pk]
    else:
        values = municipal_table(programmes, stored=True).totals
    return [_kpi_row(value) for value in values]


def _kpi_row(value) -> list:
    return [
        value.indicator.name,
        "%" if value.is_percent else _("units"),
        plain_number(value.numerator),
        plain_number(value.denominator),
        measured_value(value.value, value.is_percent),
        measured_value(value.target, value.is_percent),
        value.light_label,
    ]


@registry.register
class RncStatisticsReport(Report):
    identifier = "rnc_statistics"
    name = gettext_lazy("Statistics for the РНЦ")
    description = gettext_lazy(
        "Participants by role, form of mentoring, category and age band, active and completed pairs, and "
        "the KPI shares with their targets — in the layout of your region's template."
    )
    roles = frozenset({Role.ADMINISTRATOR, Role.CURATOR, *OVERSIGHT_ROLES})
    formats = (XLSX, PDF)

    def links(self, scope) -> list[tuple[str, str]]:
        from .statistics_views import EDITORS

        links = [(_("Collection of statistics"), reverse("reports:windows", kwargs=scope.url_kwargs))]
        if not scope.access.has_any(EDITORS):
            return links
        return [
            (
                _("Statistics template for the РНЦ"),
                reverse("reports:statistics_layout", kwargs=scope.url_kwargs),
            ),
            *links,
        ]

    def generate(self, context: ReportContext, fmt: str) -> GeneratedFile:
        scope = context.scope
        programmes = programmes_in_scope(scope)
        if not programmes:
            raise ReportError(_("There are no schools with a programme in this academic year."))
        layout, layout_name = layout_for(scope.organization, programmes)
        context.progress(20, _("Counting participants and pairs"))
        facts = statistics_facts(programmes)
        computed = statistics.compute_many(layout, facts)
        results = [computed[programme.pk] for programme in programmes]
        cells = statistics.add(results)
        subtitle = _("%(organization)s, %(year)s academic year. Template: %(template)s") % {
            "organization": scope.organization.name,
            "year": scope.programme.academic_year.label,
            "template": layout_name,
        }
        counts = Table(
            title=_("Statistics for the РНЦ"),
            subtitle=subtitle,
            columns=[_("Indicator"), *[column.label for column in layout.columns]],
            rows=[[row.label, *values] for row, values in zip(layout.rows, cells, strict=True)],
            landscape=True,
            column_widths=[4, *[1] * len(layout.columns)],
        )
        context.progress(50, _("Computing the KPIs"))
        kpis = Table(
            title=_("KPI shares and targets"),
            subtitle="",
            columns=kpi_columns(),
            rows=kpi_rows(programmes),
            landscape=True,
            column_widths=[6, 1, 1, 1, 1, 1, 2],
        )
        tables = [counts, kpis]
        if scope.organization.is_oversight_body:
            tables.append(self._by_school(layout, programmes, results, without_programme(scope)))
        context.progress(80, _("Writing the file"))
        if fmt == XLSX:
            content = xlsx_tables(tables, sheet_names=[_("Statistics"), _("KPI"), _("By school")])
        elif fmt == PDF:
            content = pdf_tables(tables)
        else:
            raise ReportError(_("This report cannot be produced in this format."))
        return GeneratedFile(filename=self.filename(context, fmt), content=content)

    def _by_school(self, layout: statistics.Layout, programmes, results, missing) -> Table:
        rows: list = []
        for programme, result in zip(programmes, results, strict=True):
            rows.append(TableSection(str(programme.organization)))
            rows.extend([row.label, *values] for row, values in zip(layout.rows, result.cells, strict=True))
        # a school without a programme this year has no participants to add, but it is not left out
        # unseen: it is listed, said to have no programme
        rows.extend(TableSection(_no_programme(organization)) for organization in missing)
        return Table(
            title=_("By school"),
            subtitle="",
            columns=[_("Indicator"), *[column.label for column in layout.columns]],
            rows=rows,
            landscape=True,
            column_widths=[4, *[1] * len(layout.columns)],
        )


@registry.register
class MunicipalConsolidationReport(Report):
    identifier = "municipal_consolidation"
    name = gettext_lazy("Municipal consolidation")
    description = gettext_lazy(
        "One row per organisation of the municipality with every shared indicator (value and target) and "
        "the totals, for the municipal coordinator."
    )
    roles = frozenset({Role.ADMINISTRATOR, Role.CURATOR, *OVERSIGHT_ROLES})
    formats = (XLSX,)

    def allowed(self, scope) -> bool:
        return scope.organization.is_oversight_body and super().allowed(scope)

    def generate(self, context: ReportContext, fmt: str) -> GeneratedFile:
        from monitoring.kpis.selectors import municipal_table

        if fmt != XLSX:
            raise ReportError(_("This report cannot be produced in this format."))
        scope = context.scope
        programmes = programmes_in_scope(scope)
        if not programmes:
            raise ReportError(_("There are no schools with a programme in this academic year."))
        context.progress(20, _("Computing the KPIs"))
        table = municipal_table(programmes)
        subtitle = f"{scope.organization.name}, {scope.programme.academic_year.label}"
        value_columns = [
            f"{indicator.name}, %" if indicator.unit == "percent" else indicator.name
            for indicator in table.indicators
        ]
        missing = without_programme(scope)
        values = Table(
            title=_("Municipal consolidation: values"),
            subtitle=subtitle,
            columns=[_("Organisation"), _("Pupils"), *value_columns],
            rows=[
                [
                    str(row.programme.organization),
                    row.programme.pupils_total,
                    *[plain_number(v.value) for v in row.values],
                ]
                for row in table.rows
            ]
            + [TableSection(_no_programme(organization)) for organization in missing]
            + [
                [
                    _("Total for the municipality"),
                    sum(row.programme.pupils_total for row in table.rows),
                    *[plain_number(v.value) for v in table.totals],
                ]
            ],
        )
        targets = Table(
            title=_("Municipal consolidation: targets"),
            subtitle=subtitle,
            columns=[_("Organisation"), *value_columns],
            rows=[
                [str(row.programme.organization), *[plain_number(v.target) for v in row.values]]
                for row in table.rows
            ]
            + [[_("Total for the municipality"), *[plain_number(v.target) for v in table.totals]]],
        )
        detail_rows: list = []
        for row in [*table.rows, None]:
            cells = table.totals if row is None else row.values
            detail_rows.append(
                TableSection(
                    _("Total for the municipality") if row is None else str(row.programme.organization)
                )
            )
            detail_rows.extend(_kpi_row(v) for v in cells)
        detail = Table(
            title=_("Municipal consolidation: how each value is counted"),
            subtitle=subtitle,
            columns=kpi_columns(),
            rows=detail_rows,
        )
        context.progress(80, _("Writing the file"))
        content = xlsx_tables(
            [values, targets, detail], sheet_names=[_("Values"), _("Targets"), _("Counted")]
        )
        return GeneratedFile(filename=self.filename(context, fmt), content=content)
