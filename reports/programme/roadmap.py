"""The roadmap report: the year's roadmap in the official column layout, registered in the report registry
(imported from ``reports.definitions``)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from mentoring.models import Role
from mentoring.typing_helpers import StrOrPromise
from roadmap.selectors import roadmap_for_export
from roadmap.templatetags.roadmap_tags import period_label

from ..orders.selectors import approving_order
from ..registry import DOCX, PDF, XLSX, ReportContext, TableReport, registry
from ..tables import Table, TableSection


@registry.register
class RoadmapReport(TableReport):
    identifier = "roadmap"
    name = _("Roadmap")
    description = _(
        "The year's roadmap in the official column layout, with the status, the completion date and the "
        "evidence of every event."
    )
    roles = frozenset(Role.values)
    formats = (XLSX, PDF, DOCX)
    landscape = True
    column_widths = [5, 28, 11, 16, 13, 11, 8, 8, 13]

    sheet_name = _("Roadmap")

    def title(self, context: ReportContext) -> str:
        return str(_("Roadmap of the mentoring programme"))

    def table(self, context: ReportContext) -> Table:
        table = super().table(context)
        table.approval = roadmap_approval(context.scope)
        return table

    def warnings(self, scope) -> list[StrOrPromise]:
        if approving_order(scope.programme) is not None or not scope.access.can_manage:
            return []
        return [
            str(
                _(
                    "No order approving the roadmap is recorded on the «Orders» page: the «APPROVED» block "
                    "will have blanks to fill in by hand."
                )
            )
        ]

    def columns(self, context: ReportContext) -> list[StrOrPromise]:
        return [
            _("No."),
            _("Content"),
            _("Period"),
            _("Expected result (kind of document)"),
            _("KPI"),
            _("Responsible"),
            _("Status"),
            _("Done on"),
            _("Evidence"),
        ]

    def rows(self, context: ReportContext) -> Iterator[list[Any] | TableSection]:
        today = timezone.localdate()
        sections = roadmap_for_export(context.scope.programme, today)
        for section_number, rows in enumerate(sections, start=1):
            title = rows.section.title
            yield TableSection(title if NUMBERED.match(title) else f"{section_number}. {title}")
            for event_number, event in enumerate(rows.events, start=1):
                yield [
                    event.number or f"{section_number}.{event_number}",
                    event.title,
                    "\n".join(period_label(period) for period in event.periods.all()) or event.period_text,
                    event.expected_result,
                    event.kpi_text,
                    "\n".join(
                        [user.get_full_name() or user.username for user in event.responsible_users.all()]
                        + event.responsible_lines
                    ),
                    str(_("overdue")) if event.overdue else event.get_status_display(),
                    event.completed_on,
                    "\n".join(_evidence_line(item) for item in event.evidence.all()),
                ]


def roadmap_approval(scope) -> list[str]:
    """«УТВЕРЖДЕНО приказом МБОУ «СОШ № 1» от 01.09.2026 № 45-ОД», from the order that approved the roadmap,
    or with blanks to fill in by hand when no such order is recorded."""
    organization = scope.organization
    order = approving_order(scope.programme)
    if order is None:
        return [
            gettext("APPROVED"),
            gettext("by order of %(organization)s")
            % {"organization": organization.short_name or organization.name},
            gettext("of «___» ________ 20__ No. ______"),
        ]
    return [
        gettext("APPROVED"),
        gettext("by order of %(organization)s")
        % {"organization": organization.short_name or organization.name},
        order.requisites,
    ]


NUMBERED = re.compile(r"^\s*([0-9]+|[IVXLC]+)[.)]?\s")


def _evidence_line(item) -> str:
    """An evidence item as written in the export: the document reference, the link, the file name."""
    return " · ".join(part for part in (item.reference, item.url, item.filename) if part)
