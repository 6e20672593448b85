"""Writers that turn a table into a file: XLSX with openpyxl, PDF with WeasyPrint."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from mentoring.spreadsheets import FORMULA_PREFIXES, keep_as_text, safe_cell  # noqa: F401  (re-exported)

from .tables import Table, TableSection


def _as_text(cells) -> None:
    """In XLSX, formula-like text is kept as written but stored as text, never as a formula.

    openpyxl would write «=…» as a formula; the cell is forced to the string type and marked with Excel's
    quote prefix, so Excel shows the text and never evaluates it. Dates get the Russian format.
    """
    for cell in cells:
        value = cell.value
        if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
            keep_as_text(cell)
        elif isinstance(value, datetime):
            cell.number_format = "DD.MM.YYYY HH:MM"
        elif isinstance(value, date):
            cell.number_format = "DD.MM.YYYY"


def xlsx_table(table: Table) -> bytes:
    return xlsx_tables([table])


def xlsx_tables(tables: list[Table], sheet_names: list[str] | None = None) -> bytes:
    """One workbook, one sheet per table (sheet names default to the tables' titles)."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    for index, table in enumerate(tables):
        name = (sheet_names[index] if sheet_names else table.title) or "Report"
        _write_sheet(workbook.create_sheet(_sheet_title(name, index)), table)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _sheet_title(name: str, index: int) -> str:
    # Excel forbids []:*?/\ in sheet names and allows 31 characters.
    cleaned = "".join(" " if char in "[]:*?/\\" else char for char in name).strip()
    return (cleaned[:28] + (f" {index + 1}" if index else ""))[:31] or f"Sheet {index + 1}"


def _write_sheet(sheet, table: Table) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    sheet.append([table.title])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([table.subtitle])
    sheet.append([])
    _as_text(sheet[1] + sheet[2])
    # openpyxl's max_row does not count the empty row just appended: take the header's row after writing it
    sheet.append(list(table.columns))
    header_row = sheet.max_row
    _as_text(sheet[header_row])
    thin = Side(style="thin", color="999999")
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE6F0")
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)
    widths = [len(str(column)) for column in table.columns]
    for row in table.rows:
        if isinstance(row, TableSection):
            sheet.append([row.title])
            current = sheet.max_row
            _as_text(sheet[current])
            if len(table.columns) > 1:
                sheet.merge_cells(
                    start_row=current, start_column=1, end_row=current, end_column=len(table.columns)
                )
            cell = sheet.cell(row=current, column=1)
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="EEEEEE")
            cell.alignment = Alignment(wrap_text=True)
            continue
        sheet.append([_xlsx_value(value) for value in row])
        _as_text(sheet[sheet.max_row])
        for index, value in enumerate(row):
            if index < len(widths):
                longest = max((len(line) for line in str(value or "").splitlines()), default=0)
                widths[index] = max(widths[index], min(60, longest))
        for cell in sheet[sheet.max_row]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(8, width + 2)
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    if table.columns:
        sheet.auto_filter.ref = f"A{header_row}:{get_column_letter(len(table.columns))}{sheet.max_row}"


def _xlsx_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    if isinstance(value, date | int | float) or value is None:
        return value
    return str(value)


def csv_table(table: Table) -> bytes:
    """The table as CSV that Excel opens as it is: UTF-8 with a BOM, ``;`` between cells, dates as 01.09.2025.

    Only the header row and the rows are written (no title), so that the file can be read back by a
    program too; a section row is written in the first cell. Formula-like text is escaped as in XLSX.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([safe_cell(str(column)) for column in table.columns])
    for row in table.rows:
        if isinstance(row, TableSection):
            writer.writerow([safe_cell(row.title)])
        else:
            writer.writerow([_csv_value(safe_cell(value)) for value in row])
    return buffer.getvalue().encode("utf-8-sig")


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date | datetime):
        return _pdf_value(value)
    return str(value)


def pdf_table(table: Table) -> bytes:
    return pdf_tables([table])


def pdf_tables(tables: list[Table]) -> bytes:
    """Several tables one after another in one A4 document (landscape if the first one is)."""
    blocks = []
    for table in tables:
        widths = table.column_widths or []
        total = sum(widths) or 1
        blocks.append(
            {
                "table": table,
                "rows": [
                    {"section": row.title}
                    if isinstance(row, TableSection)
                    else {"cells": [_pdf_value(value) for value in row]}
                    for row in table.rows
                ],
                "column_percents": [round(100 * width / total, 1) for width in widths],
            }
        )
    html = render_to_string(
        "reports/table.html",
        {
            "table": tables[0],
            "blocks": blocks,
            "generated_at": timezone.localtime(),
            "landscape": tables[0].landscape,
        },
    )
    return render_pdf(html)


def _pdf_value(value: Any) -> Any:
    """Dates in tables as 01.09.2025 and fractions as 77,8 — the way Russian school documents write them."""
    if isinstance(value, datetime):
        return (
            timezone.localtime(value).strftime("%d.%m.%Y %H:%M")
            if timezone.is_aware(value)
            else value.strftime("%d.%m.%Y %H:%M")
        )
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    return value


def render_pdf(html: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()
