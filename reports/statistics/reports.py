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

from ..registry import PDF, XLSX, GeneratedFile, Report, ReportContext, ReportError, registry
from ..tables import Percent, Table, TableSection
from ..writers import pdf_tables, xlsx_tables
from . import calc as statistics
from .selectors import layout_for, programmes_in_scope, statistics_facts


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


def statistics_rows(layout: statistics.Layout, cells) -> list[list]:
    """The rows of a statistics table as files print them: a count as a number, a percentage row's cells
    as shares (a fraction with a % format in Excel, «4,5 %» on paper), in every sheet alike."""
    return [
        [row.label, *[measured_value(value, row.is_percent) for value in values]]
        for row, values in zip(layout.rows, cells, strict=True)
    ]


def without_programme(scope) -> list:
    """The authority's organisations with no programme this academic year (they add nothing)."""
    from mentoring.selectors import children_without_programme

    return children_without_programme(scope)


def _no_programme(organization) -> str:
    return _("%(organisation)s: no programme this academic year") % {"organisation": organization}


def kpi_columns() -> list[str]:
    return [_("Indicator"), _("Unit"), _("Counted"), _("Out of"), _("Value"), _("Target"), _("Status")]


def kpi_rows(programmes: list[Programme], body: Programme | None = None) -> list[list]:
    """One row per indicator: its unit, counted, out of, value, target and status — for several
    programmes the numerators and denominators are added up first (never the percentages). A share and
    a count never share a column's format: the unit says which, and the value is typed by it.

    For several programmes (an authority's, a region's 1,500) the stored metrics of the periodic job are
    read where fresh (``municipal_table(stored=True)``, as the console does) and only the others counted
    live: counting 500,000 pupils' metrics again would take as long as the job itself.

    ``body`` — the programme of the authority or region the rows are for: the totals are measured against
    its targets (``monitoring.kpis.targets``); without it, the one programme's own figures and targets."""
    from monitoring.kpis.selectors import kpi_values, municipal_table

    if body is None and len(programmes) == 1:
        values = kpi_values(programmes)[programmes[0].pk]
    else:
        values = municipal_table(programmes, stored=True, body=body).totals
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
        from .views import EDITORS

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
        layout = statistics.complete(layout)  # a saved layout may list only some forms
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
            rows=[*statistics_rows(layout, cells)],
            landscape=True,
            column_widths=[4, *[1] * len(layout.columns)],
        )
        context.progress(50, _("Computing the KPIs"))
        kpis = Table(
            title=_("KPI shares and targets"),
            subtitle="",
            columns=kpi_columns(),
            rows=[*kpi_rows(programmes, scope.programme if scope.organization.is_oversight_body else None)],
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
            rows.extend(statistics_rows(layout, result.cells))
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


def _consolidation_blocks(organization, table) -> list[tuple[str, list, str, list]]:
    """The rows of the municipal consolidation in blocks: (heading, rows, total label, totals).

    For a municipality: one block, its schools and «Итого по муниципалитету». For a region: a block per
    municipality (its schools and its subtotal, added up from its rows: no query but one for the
    municipalities' names), then the caller adds «Итого по региону»; schools right under the region make
    a block of their own."""
    from monitoring.kpis.selectors import municipal_totals

    if not organization.is_region:
        return [("", list(table.rows), _("Total for the municipality"), list(table.totals))]
    from mentoring.models import Organization

    parent_ids = {row.programme.organization.parent_id for row in table.rows}
    parents = Organization.objects.in_bulk([pk for pk in parent_ids if pk])
    groups: dict[int | None, list] = {}
    for row in table.rows:
        parent = parents.get(row.programme.organization.parent_id)
        key = (
            parent.pk if parent is not None and parent.kind == Organization.Kind.MUNICIPAL_AUTHORITY else None
        )
        groups.setdefault(key, []).append(row)
    ordered = sorted(groups, key=lambda pk: (pk is None, str(parents[pk]) if pk is not None else ""))
    # a municipality's subtotal against the municipality's targets (its own, else the region's: the
    # rule of every figure, as its row on the console)
    from monitoring.kpis.targets import targets_for_organizations

    year = table.rows[0].programme.academic_year_id if table.rows else 0
    municipal_targets = targets_for_organizations(
        [(pk if pk is not None else organization.pk, year) for pk in ordered], table.indicators
    )
    blocks = []
    for pk in ordered:
        rows = groups[pk]
        if pk is None:
            heading, label = _("Right under the region"), _("Total right under the region")
        else:
            heading = str(parents[pk])
            label = _("Total for the municipality: %(municipality)s") % {"municipality": parents[pk]}
        targets = municipal_targets[(pk if pk is not None else organization.pk, year)]
        blocks.append((heading, rows, label, municipal_totals(table.indicators, rows, targets)))
    return blocks


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
        table = municipal_table(programmes, body=scope.programme)
        subtitle = f"{scope.organization.name}, {scope.programme.academic_year.label}"
        value_columns = [
            f"{indicator.name}, %" if indicator.unit == "percent" else indicator.name
            for indicator in table.indicators
        ]
        missing = [TableSection(_no_programme(organization)) for organization in without_programme(scope)]
        region = scope.organization.is_region
        blocks = _consolidation_blocks(scope.organization, table)
        value_rows: list = []
        target_rows: list = []
        detail_rows: list = []
        for heading, rows, total_label, totals in blocks:
            if heading:
                value_rows.append(TableSection(heading))
                target_rows.append(TableSection(heading))
            for row in rows:
                name = str(row.programme.organization)
                value_rows.append(
                    [name, row.programme.pupils_total, *[plain_number(v.value) for v in row.values]]
                )
                target_rows.append([name, *[plain_number(v.target) for v in row.values]])
                detail_rows.append(TableSection(name))
                detail_rows.extend(_kpi_row(v) for v in row.values)
            if not region:
                value_rows.extend(missing)  # before the total, as the municipality's own list
            pupils = sum(row.programme.pupils_total for row in rows)
            value_rows.append([total_label, pupils, *[plain_number(v.value) for v in totals]])
            target_rows.append([total_label, *[plain_number(v.target) for v in totals]])
            detail_rows.append(TableSection(total_label))
            detail_rows.extend(_kpi_row(v) for v in totals)
        if region:
            grand = _("Total for the region")
            value_rows.extend(missing)
            value_rows.append(
                [
                    grand,
                    sum(row.programme.pupils_total for row in table.rows),
                    *[plain_number(v.value) for v in table.totals],
                ]
            )
            target_rows.append([grand, *[plain_number(v.target) for v in table.totals]])
            detail_rows.append(TableSection(grand))
            detail_rows.extend(_kpi_row(v) for v in table.totals)
        values = Table(
            title=_("Municipal consolidation: values"),
            subtitle=subtitle,
            columns=[_("Organisation"), _("Pupils"), *value_columns],
            rows=value_rows,
        )
        targets = Table(
            title=_("Municipal consolidation: targets"),
            subtitle=subtitle,
            columns=[_("Organisation"), *value_columns],
            rows=target_rows,
        )
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
