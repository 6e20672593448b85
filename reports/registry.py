"""The registry of every file the product generates.

A report is a small class: an identifier, a Russian name, who may run it, an options form, the
formats it produces, and ``generate`` that builds the file while reporting progress. Later issues
only add classes decorated with ``@registry.register``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar

from django import forms
from django.contrib.auth.models import AbstractBaseUser
from django.utils.translation import gettext_lazy as _

from mentoring.access import Scope
from mentoring.typing_helpers import StrOrPromise

from . import writers
from .tables import Table, TableSection

XLSX = "xlsx"
PDF = "pdf"
DOCX = "docx"
CSV = "csv"
FORMAT_LABELS = {
    XLSX: _("Excel (XLSX)"),
    PDF: _("PDF"),
    DOCX: _("Word (DOCX)"),
    CSV: _("CSV for Excel (semicolon-separated)"),
}

ProgressCallback = Callable[[int, str], None]


class ReportError(Exception):
    """An expected failure whose message is shown to the user as it is (in Russian)."""


@dataclass
class ReportContext:
    scope: Scope
    user: AbstractBaseUser | None
    options: dict[str, Any]
    progress: ProgressCallback = field(default=lambda percent, message: None)
    # What a report computes once and reads from several of its methods (columns, rows): by the report's key
    cache: dict[str, Any] = field(default_factory=dict)
    # The address the curator started the report from (links and QR codes in the file); "" → SITE_URL
    site_url: str = ""


@dataclass(frozen=True)
class GeneratedFile:
    filename: str
    content: bytes


@dataclass
class SharedChoices:
    """Choice lists that several report forms of one page offer (the reports page shows every form):
    read by the first form that needs them, reused by the others. None: not read yet."""

    pairs: list[tuple[int, str]] | None = None  # every pair of the year (the diary's and the plan's forms)
    mentoring_forms: list[tuple[int, str]] | None = None  # the forms of mentoring the programme uses
    class_names: list[tuple[str, str]] | None = None  # the classes and groups of the year's bases


class ReportOptionsForm(forms.Form):
    """Options every report shares; a report subclasses it to add its own fields. Forms built for one
    page share ``shared`` (the choice lists they all offer)."""

    def __init__(self, *args: Any, scope: Scope, shared: SharedChoices | None = None, **kwargs: Any) -> None:
        self.scope = scope
        self.shared = shared if shared is not None else SharedChoices()
        super().__init__(*args, **kwargs)

    def json_options(self) -> dict[str, Any]:
        """The cleaned options as JSON-safe values, stored on the job and given back to the generator."""
        return {key: _jsonable(value) for key, value in self.cleaned_data.items()}


def _jsonable(value: Any) -> Any:
    if isinstance(value, list | tuple | set):
        return [_jsonable(item) for item in value]
    if hasattr(value, "pk"):
        return value.pk
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


class Report:
    identifier: ClassVar[str]
    name: ClassVar[StrOrPromise]
    description: ClassVar[StrOrPromise] = ""
    roles: ClassVar[frozenset[str]]
    formats: ClassVar[tuple[str, ...]]
    contains_personal_data: ClassVar[bool] = False
    # Made for publication: names only the people who consented to publication (the final compendium).
    # Such a document may go to the levels above the organisation although it names people.
    for_publication: ClassVar[bool] = False
    options_form: ClassVar[type[ReportOptionsForm]] = ReportOptionsForm

    def allowed(self, scope: Scope) -> bool:
        """Who may run it: one of ``roles``; seen from above, only a document without personal data.

        A subclass that narrows this calls ``super().allowed(scope)`` (``tests/test_privacy_classes.py``).
        """
        if self.contains_personal_data and not self.for_publication and not scope.access.sees_personal_data:
            return False
        return scope.access.has_any(self.roles)

    def links(self, scope: Scope) -> list[tuple[str, str]]:
        """Pages that shape this report («label», url), shown with it on the reports page."""
        return []

    def warnings(self, scope: Scope) -> list[StrOrPromise]:
        """What the user should know before generating (e.g. a section that would be left out)."""
        return []

    def generate(self, context: ReportContext, fmt: str) -> GeneratedFile:
        raise NotImplementedError

    def filename(self, context: ReportContext, fmt: str) -> str:
        org = context.scope.organization.slug
        year = context.scope.programme.academic_year.start_year
        return f"{self.identifier}_{org}_{year}.{fmt}"


class TableReport(Report):
    """A report that is one table, rendered as XLSX, as an A4 PDF or as a Word document."""

    formats: ClassVar[tuple[str, ...]] = (XLSX, PDF)
    landscape: ClassVar[bool] = False

    def title(self, context: ReportContext) -> str:
        return str(self.name)

    def subtitle(self, context: ReportContext) -> str:
        scope = context.scope
        return f"{scope.organization.name}, {scope.programme.academic_year.label}"

    def columns(self, context: ReportContext) -> list[StrOrPromise]:
        raise NotImplementedError

    def rows(self, context: ReportContext) -> Iterator[list[Any] | TableSection]:
        raise NotImplementedError

    column_widths: ClassVar[list[int] | None] = None
    # the Excel sheet's name when the title is longer than Excel's 31 characters: a short full name
    sheet_name: ClassVar[StrOrPromise] = ""
    key_columns: ClassVar[int] = 1

    def table(self, context: ReportContext) -> Table:
        return Table(
            title=self.title(context),
            subtitle=self.subtitle(context),
            columns=[str(column) for column in self.columns(context)],
            rows=list(self.rows(context)),
            landscape=self.landscape,
            column_widths=self.column_widths,
            key_columns=self.key_columns,
            sheet_name=str(self.sheet_name),
        )

    def generate(self, context: ReportContext, fmt: str) -> GeneratedFile:
        if fmt not in self.formats:
            raise ReportError(_("This report cannot be produced in this format."))
        content = render_table(self.table(context), fmt, context)
        return GeneratedFile(filename=self.filename(context, fmt), content=content)


def render_table(table: Table, fmt: str, context: ReportContext) -> bytes:
    """Write a table in one of the formats every table report can produce."""
    if fmt == XLSX:
        context.progress(80, str(_("Writing the spreadsheet")))
        return writers.xlsx_table(table)
    if fmt == PDF:
        context.progress(70, str(_("Laying out the PDF")))
        return writers.pdf_table(table)
    if fmt == CSV:
        context.progress(80, str(_("Writing the CSV file")))
        return writers.csv_table(table)
    if fmt == DOCX:
        context.progress(70, str(_("Writing the Word document")))
        return writers.docx_table(table)
    raise ReportError(_("This report cannot be produced in this format."))


class ReportRegistry:
    def __init__(self) -> None:
        self._reports: dict[str, Report] = {}

    def register(self, report_class: type[Report]) -> type[Report]:
        identifier = report_class.identifier
        if identifier in self._reports:
            raise ValueError(f"Report {identifier!r} is registered twice")
        self._reports[identifier] = report_class()
        return report_class

    def get(self, identifier: str) -> Report | None:
        return self._reports.get(identifier)

    def all(self) -> Iterable[Report]:
        return self._reports.values()

    def available(self, scope: Scope) -> list[Report]:
        return [report for report in self._reports.values() if report.allowed(scope)]


registry = ReportRegistry()
