"""The consolidated form of a monitoring window, in the opener's layout, from the frozen snapshots.

For an oversight organisation (a municipal authority, a region): the total of its area, a table per
municipality and per organisation, and who handed in when. For a school: the figures it handed in.
Numbers only — no one is named (aggregates for the levels above, ``mentoring/access.py``).
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mentoring.access import MANAGERS, OVERSIGHT_ROLES, Scope
from mentoring.models import Programme
from mentoring.typing_helpers import choice_field

from ..models import MonitoringWindow, WindowSubmission
from ..registry import (
    PDF,
    XLSX,
    GeneratedFile,
    Report,
    ReportContext,
    ReportError,
    ReportOptionsForm,
    registry,
)
from ..statistics import calc as statistics
from ..statistics.reports import kpi_columns, measured_value, plain_number, statistics_rows
from ..tables import Table, TableSection
from ..writers import pdf_tables, xlsx_tables
from .selectors import (
    FrozenKpi,
    OrganizationRow,
    is_oversight,
    shared_targets,
    snapshot_kpis,
    snapshot_result,
    submission_history,
    sum_kpis,
    window_consolidation,
    windows_for,
)


class _WindowsPerProgramme:
    """The windows of the scope's year, read once per programme object (the reports page asks twice: the
    report's ``allowed`` and its options form). Kept by the object's identity while it lives, never by its
    pk: the next request's programme object reads them again."""

    def __init__(self) -> None:
        self._found: dict[int, list[MonitoringWindow]] = {}

    def get(self, scope: Scope) -> list[MonitoringWindow]:
        programme: Programme = scope.programme
        key = id(programme)
        found = self._found.get(key)
        if found is None:
            found = list(windows_for(scope.organization, programme.academic_year))
            self._found[key] = found
            weakref.finalize(programme, self._found.pop, key, None)  # forgotten with the object
        return found


_windows = _WindowsPerProgramme().get


class WindowOptionsForm(ReportOptionsForm):
    window = forms.TypedChoiceField(label=gettext_lazy("Collection period"), coerce=int)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "window").choices = [
            (window.pk, f"{window.title} ({window.opener.short_name}, {window.deadline:%d.%m.%Y})")
            for window in _windows(self.scope)
        ]


def _table(title: str, subtitle: str, layout: statistics.Layout, rows: list) -> Table:
    return Table(
        title=title,
        subtitle=subtitle,
        columns=[_("Indicator"), *[column.label for column in layout.columns]],
        rows=rows,
        landscape=True,
        column_widths=[4, *[1] * len(layout.columns)],
    )


def _kpi_row(kpi: FrozenKpi) -> list:
    """A frozen KPI as the statistics' KPI sheet prints one (``statistics.reports.kpi_columns``)."""
    return [
        kpi.name,
        "%" if kpi.is_percent else _("units"),
        plain_number(kpi.numerator),
        plain_number(kpi.denominator),
        measured_value(kpi.value, kpi.is_percent),
        measured_value(kpi.target, kpi.is_percent),
        kpi.light_label,
    ]


def _result_rows(layout: statistics.Layout, result: statistics.Result) -> list[list]:
    return statistics_rows(layout, result.cells)


@registry.register
class WindowConsolidationReport(Report):
    identifier = "monitoring_window"
    theme = "kpis"
    name = gettext_lazy("Collection period: consolidated statistics")
    description = gettext_lazy(
        "The figures handed in for a collection period, in the layout of the organisation that collects "
        "them: the total, per municipality and per organisation, and who handed in when. Counted from the "
        "figures as they were handed in, not from today's data."
    )
    roles = MANAGERS | OVERSIGHT_ROLES
    formats = (XLSX, PDF)
    options_form = WindowOptionsForm

    def allowed(self, scope: Scope) -> bool:
        return super().allowed(scope) and bool(_windows(scope))

    def filename(self, context: ReportContext, fmt: str) -> str:
        window = context.options.get("window", "")
        return f"{self.identifier}_{window}_{context.scope.organization.slug}.{fmt}"

    def generate(self, context: ReportContext, fmt: str) -> GeneratedFile:
        if fmt not in self.formats:
            raise ReportError(_("This report cannot be produced in this format."))
        scope = context.scope
        window = next((w for w in _windows(scope) if w.pk == context.options.get("window")), None)
        if window is None:
            raise ReportError(_("This collection period is not available."))
        context.progress(20, _("Reading the figures handed in"))
        if is_oversight(scope.organization):
            tables, names = self._consolidated(window, scope)
        else:
            tables, names = self._own(window, scope)
        context.progress(80, _("Writing the file"))
        content = xlsx_tables(tables, sheet_names=names) if fmt == XLSX else pdf_tables(tables)
        return GeneratedFile(filename=self.filename(context, fmt), content=content)

    def _consolidated(self, window, scope: Scope) -> tuple[list[Table], list[str]]:
        consolidation = window_consolidation(window, scope.organization)
        targets = shared_targets(scope.programme)
        overview, layout = consolidation.overview, consolidation.layout
        subtitle = _(
            "%(area)s. Figures as of %(day)s; handed in: %(submitted)s of %(expected)s. Template: %(template)s"
        ) % {
            "area": scope.organization.name,
            "day": window.as_of.strftime("%d.%m.%Y"),
            "submitted": len(overview.submitted),
            "expected": len(overview.expected),
            "template": window.layout_name,
        }
        total = _table(window.title, subtitle, layout, _result_rows(layout, consolidation.total))
        by_group_rows: list = []
        for group, result, count in consolidation.by_group:
            by_group_rows.append(
                TableSection(
                    _("%(group)s (handed in: %(count)s)") % {"group": group.short_name, "count": count}
                )
            )
            by_group_rows.extend(_result_rows(layout, result))
        by_group = _table(_("By municipality"), window.title, layout, by_group_rows)
        # the organisations that handed in, with their current version (every row of ``by_organization``
        # has one: the consolidation adds up handed-in snapshots only)
        handed_in: list[tuple[OrganizationRow, WindowSubmission, statistics.Result]] = [
            (row, row.submission, result)
            for row, result in consolidation.by_organization
            if row.submission is not None
        ]
        by_organization_rows: list = []
        for row, submission, result in handed_in:
            by_organization_rows.append(
                TableSection(
                    _("%(organization)s — version %(version)s of %(when)s")
                    % {
                        "organization": row.organization.short_name,
                        "version": submission.version,
                        "when": timezone.localtime(submission.submitted_at).strftime("%d.%m.%Y %H:%M"),
                    }
                )
            )
            by_organization_rows.extend(_result_rows(layout, result))
        by_organization = _table(_("By organisation"), window.title, layout, by_organization_rows)
        handed = Table(
            title=_("Who handed in"),
            subtitle=_("%(title)s, deadline %(day)s")
            % {
                "title": window.title,
                "day": window.deadline.strftime("%d.%m.%Y"),
            },
            columns=[
                _("Organisation"),
                _("Municipality"),
                _("Status"),
                _("Version"),
                _("Handed in"),
                _("Comment"),
            ],
            rows=[
                [
                    row.organization.short_name,
                    row.group.short_name if row.group else "",
                    row.status_label,
                    row.submission.version if row.submission else None,
                    timezone.localtime(row.submission.submitted_at).replace(tzinfo=None)
                    if row.submission
                    else None,
                    row.submission.comment if row.submission else "",
                ]
                for row in overview.rows
            ],
            landscape=True,
            column_widths=[3, 3, 2, 1, 2, 4],
        )
        kpis = self._kpi_table(
            window,
            [
                (
                    _("Total"),
                    sum_kpis([submission for _row, submission, _result in handed_in], targets),
                )
            ]
            + [
                (row.organization.short_name, snapshot_kpis(submission))
                for row, submission, _result in handed_in
            ],
        )
        return [total, by_group, by_organization, handed, kpis], [
            _("Total"),
            _("By municipality"),
            _("By organisation"),
            _("Who handed in"),
            _("KPI"),
        ]

    def _kpi_table(self, window, sections: Sequence[tuple[str, list[FrozenKpi] | None]]) -> Table:
        """The KPI sheets as handed in: a section per organisation (the total first, for an area)."""
        rows: list = []
        for title, kpis in sections:
            rows.append(TableSection(title))
            if kpis is None:
                rows.append(
                    [_("This version was handed in before the KPI sheet was frozen with the figures.")]
                )
                continue
            rows.extend(_kpi_row(kpi) for kpi in kpis)
        return Table(
            title=_("KPI shares and targets"),
            subtitle=_("%(title)s: the KPIs as handed in, counted on %(day)s")
            % {"title": window.title, "day": window.as_of.strftime("%d.%m.%Y")},
            columns=kpi_columns(),
            rows=rows,
            landscape=True,
            column_widths=[6, 1, 1, 1, 1, 1, 2],
        )

    def _own(self, window, scope: Scope) -> tuple[list[Table], list[str]]:
        history = submission_history(window, scope.organization)
        if not history:
            raise ReportError(_("The organisation has not handed in figures for this collection period yet."))
        current = history[0]
        layout = snapshot_result(window, current).layout
        subtitle = _(
            "%(organization)s. Version %(version)s handed in %(when)s by %(who)s. Figures as of %(day)s"
        ) % {
            "organization": scope.organization.name,
            "version": current.version,
            "when": timezone.localtime(current.submitted_at).strftime("%d.%m.%Y %H:%M"),
            "who": current.submitted_by_name,
            "day": window.as_of.strftime("%d.%m.%Y"),
        }
        figures = _table(
            window.title, subtitle, layout, _result_rows(layout, snapshot_result(window, current))
        )
        versions = Table(
            title=_("Versions handed in"),
            subtitle=window.title,
            columns=[_("Version"), _("Handed in"), _("By"), _("After the deadline"), _("Comment")],
            rows=[
                [
                    submission.version,
                    timezone.localtime(submission.submitted_at).replace(tzinfo=None),
                    submission.submitted_by_name,
                    _("yes") if submission.late else _("no"),
                    submission.comment,
                ]
                for submission in history
            ],
            column_widths=[1, 2, 3, 1, 5],
        )
        kpis = self._kpi_table(window, [(scope.organization.short_name, snapshot_kpis(current))])
        return [figures, versions, kpis], [_("Figures"), _("Versions"), _("KPI")]
