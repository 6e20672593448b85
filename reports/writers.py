"""Writers that turn a table into a file: XLSX with openpyxl, PDF with WeasyPrint."""

from __future__ import annotations

import csv
import io
from copy import copy
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext

from mentoring.spreadsheets import FORMULA_PREFIXES, keep_as_text, safe_cell  # noqa: F401  (re-exported)

from . import layout
from .tables import Percent, Signed, Table, TableSection


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
    """One workbook, one sheet per table, each ready to print: A4, fitted to the page's width, the
    header row repeated on every page, borders on the data, the header frozen."""
    from openpyxl import Workbook

    workbook = Workbook()
    default_sheet = workbook.active  # a new workbook opens with one empty sheet; the tables bring their own
    if default_sheet is not None:
        workbook.remove(default_sheet)
    used: set[str] = set()
    for index, table in enumerate(tables):
        name = (sheet_names[index] if sheet_names else "") or table.sheet_name or table.title or "Report"
        title = sheet_title(name, used)
        used.add(title.lower())
        _write_sheet(workbook.create_sheet(title), table)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


SHEET_NAME_LIMIT = 31  # Excel's limit


def sheet_title(name: str, used: set[str] | None = None) -> str:
    """A sheet name Excel accepts: no []:*?/\\, at most 31 characters, unique in the workbook.

    A longer name is shortened by whole words (never «…согласи»); reports give a short name of their
    own (``Table.sheet_name``) so that this fallback is not needed.
    """
    cleaned = " ".join("".join(" " if char in "[]:*?/\\" else char for char in name).split())
    if len(cleaned) > SHEET_NAME_LIMIT:
        words, kept = cleaned.split(" "), ""
        for word in words:
            candidate = f"{kept} {word}".strip()
            if len(candidate) > SHEET_NAME_LIMIT:
                break
            kept = candidate
        cleaned = kept or cleaned[:SHEET_NAME_LIMIT]
    cleaned = cleaned.strip(" '") or "Sheet"
    used = used or set()
    title, number = cleaned, 2
    while title.lower() in used:
        suffix = f" ({number})"
        title = cleaned[: SHEET_NAME_LIMIT - len(suffix)].rstrip() + suffix
        number += 1
    return title


def _write_sheet(sheet, table: Table) -> None:
    width = max(1, len(table.columns))
    styles = _SheetStyles()
    header_row = _write_heading(sheet, table, width, styles)
    widths = [
        min(30, max((len(word) for word in str(column).split()), default=4) + 4) for column in table.columns
    ]
    # the row numbers are counted here: openpyxl's ``max_row`` and ``sheet[n]`` scan every cell written
    # so far, which made a region's sheet of 37,000 rows quadratic (hours instead of seconds)
    current = header_row
    for row in table.rows:
        current += 1
        if isinstance(row, TableSection):
            _write_section(sheet, row, current, width, styles)
        elif not row:
            sheet.append([])
        else:
            _write_row(sheet, row, current, width, widths, styles)
    _finish_sheet(sheet, table, header_row, width, widths)


class _SheetStyles:
    """The grid's styles of one sheet, and each starting style already styled: a cell of the same starting
    style and position gets the style ids copied instead of being styled again."""

    def __init__(self) -> None:
        from openpyxl.styles import Alignment, Border, Side

        thin = Side(style="thin", color="808080")
        self.border = Border(top=thin, bottom=thin, left=thin, right=thin)
        self.data_alignment = Alignment(wrap_text=True, vertical="top")
        self.styled: dict[tuple, object] = {}  # a starting style → the same cell styled


def _write_heading(sheet, table: Table, width: int, styles: _SheetStyles) -> int:
    """The title, the subtitle, the legend, an empty row and the header row; returns the header's row."""
    from openpyxl.styles import Alignment, Font, PatternFill

    sheet.append([table.title])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([table.subtitle])
    for line in table.legend:
        sheet.append([line])
    sheet.append([])
    for row in sheet.iter_rows(min_row=1, max_row=2 + len(table.legend)):
        _as_text(row)
    sheet.append(list(table.columns))
    header_row = 2 + len(table.legend) + 2
    header_cells = [sheet.cell(row=header_row, column=column) for column in range(1, width + 1)]
    _as_text(header_cells)
    for cell in header_cells:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE6F0")
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        cell.border = styles.border
    return header_row


def _write_section(sheet, section: TableSection, current: int, width: int, styles: _SheetStyles) -> None:
    """A section's title across the table, bold on grey."""
    from openpyxl.styles import Alignment, Font, PatternFill

    sheet.append([section.title])
    _as_text([sheet.cell(row=current, column=1)])
    if width > 1:
        _merge_row(sheet, current, width)
    for column in range(1, width + 1):
        cell = sheet.cell(row=current, column=column)
        # styled once per starting style and position, then the style ids copied (as for data)
        key = ("section", column == 1, tuple(cell._style) if cell._style is not None else ())
        styled = styles.styled.get(key)
        if styled is not None:
            cell._style = copy(styled)
            continue
        cell.border = styles.border
        if column == 1:
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="EEEEEE")
            cell.alignment = Alignment(wrap_text=True)
        styles.styled[key] = copy(cell._style)


def _write_row(sheet, row: list, current: int, width: int, widths: list[int], styles: _SheetStyles) -> None:
    """A data row (its values, number formats, the grid), or a note under the table (shorter than the
    table: one cell, no grid); widens ``widths`` to its longest lines."""
    from openpyxl.styles import Alignment

    sheet.append([_xlsx_value(value) for value in row])
    # the row's own cells (``sheet[current]`` would measure the whole sheet's width for every row)
    cells = [sheet.cell(row=current, column=column) for column in range(1, max(len(row), width) + 1)]
    _as_text(cells)
    for index, value in enumerate(row):
        if index < len(widths):
            longest = max((len(line) for line in str(_pdf_value(value) or "").splitlines()), default=0)
            widths[index] = max(widths[index], min(60, longest))
        cell = sheet.cell(row=current, column=index + 1)
        if isinstance(value, Signed):
            cell.number_format = "+0.0#;-0.0#;0"
        elif isinstance(value, Percent):
            cell.number_format = "0." + "0" * value.digits + "%" if value.digits else "0%"
    if len(row) < width:
        sheet.cell(row=current, column=1).alignment = Alignment(wrap_text=False, vertical="top")
        return
    for cell in cells[:width]:
        # the same alignment and border on every data cell: styling one cell per distinct starting style
        # and copying its style ids to the others is what openpyxl itself does, without hashing style
        # objects for each of a region's 300,000 cells
        key = tuple(cell._style) if cell._style is not None else ()
        styled = styles.styled.get(key)
        if styled is None:
            cell.alignment = styles.data_alignment
            cell.border = styles.border
            styles.styled[key] = copy(cell._style)
        else:
            cell._style = copy(styled)


def _finish_sheet(sheet, table: Table, header_row: int, width: int, widths: list[int]) -> None:
    """Column widths, the frozen header, the filter, and printing: A4, the orientation the PDF would take,
    the whole width on one page, the header repeated."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties

    for index, column_width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(8, column_width + 2)
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    if table.columns:
        sheet.auto_filter.ref = f"A{header_row}:{get_column_letter(width)}{sheet.max_row}"
    landscape = table.landscape or sum(max(8, w + 2) for w in widths) > 100
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    sheet.oddFooter.right.text = "&P / &N"
    sheet.oddFooter.left.text = table.title[:200]


def _merge_row(sheet, row: int, width: int) -> None:
    """Merge a section row across the table. ``sheet.merge_cells`` first checks the new range against
    every range merged before (1,500 sections of a region: a million comparisons); a writer's section
    rows never overlap, so the range is added as ``merge_cells`` does, without the check."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.merge import MergedCellRange

    merged = MergedCellRange(sheet, f"A{row}:{get_column_letter(width)}{row}")
    sheet.merged_cells.ranges.add(merged)
    sheet._clean_merge_range(merged)


def _xlsx_value(value: Any) -> Any:
    if isinstance(value, Signed):
        return round(value.value, value.digits)
    if isinstance(value, Percent):
        return round(value.value / 100, value.digits + 2)
    if isinstance(value, Decimal):
        return float(value)
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
    if isinstance(value, date | datetime | float | Decimal | Signed | Percent):
        return str(_pdf_value(value))
    return str(value)


def pdf_table(table: Table) -> bytes:
    return pdf_tables([table])


# a table of at most this many rows is kept on one page (moved to the next one whole) when it would break
KEEP_TOGETHER_ROWS = 30


def table_blocks(
    table: Table, *, font_pt: float = layout.FONT_PT, page_mm: tuple[float, float] | None = None
) -> list[dict[str, Any]]:
    """The table as laid out on paper: one block, or one per part when it is split by columns.

    Rows shorter than the header (a closing note) are printed under the table, not in it.
    """
    rows = [row for row in table.rows if isinstance(row, TableSection) or len(row) >= len(table.columns)]
    notes = [
        " ".join(str(_pdf_value(value)) for value in row if value not in (None, ""))
        for row in table.rows
        if not isinstance(row, TableSection) and 0 < len(row) < len(table.columns)
    ]
    texts = [
        [str(_pdf_value(value) if value is not None else "") for value in row]
        for row in rows
        if not isinstance(row, TableSection)
    ]
    plan = layout.plan(
        table.columns,
        texts,
        landscape=table.landscape,
        hints=table.column_widths,
        key_columns=table.key_columns,
        font_pt=font_pt,
        page_mm=page_mm or (layout.PORTRAIT_MM, layout.LANDSCAPE_MM),
    )
    tails = _tails(rows)
    blocks = []
    for number, part in enumerate(plan.parts, start=1):
        blocks.append(
            {
                "table": table,
                "first": number == 1,
                "last": number == len(plan.parts),
                "part": number,
                "parts": len(plan.parts),
                "landscape": plan.landscape,
                "indexes": list(part.columns),
                "columns": [table.columns[index] for index in part.columns],
                "column_percents": list(part.percents),
                "rows": [
                    {"section": row.title}
                    if isinstance(row, TableSection)
                    else {
                        "cells": [_pdf_cell(row[index]) for index in part.columns],
                        "tail": position in tails,
                    }
                    for position, row in enumerate(rows)
                ],
                "notes": notes if number == len(plan.parts) else [],
                "keep": len(rows) <= KEEP_TOGETHER_ROWS,
            }
        )
    return blocks


def _tails(rows: list, size: int = 2) -> set[int]:
    """The positions of the last ``size`` rows of each section (before a section row or the end): they
    are kept on the page of the row before them, so that no total or percentage row stands alone."""
    tails: set[int] = set()
    run: list[int] = []
    for position, row in enumerate([*rows, TableSection("")]):
        if isinstance(row, TableSection):
            if len(run) > size:
                tails.update(run[-size:])
            run = []
        else:
            run.append(position)
    return tails


def _pdf_cell(value: Any) -> dict[str, Any]:
    shown = _pdf_value(value)
    numeric = isinstance(value, int | float | Decimal | Signed | Percent) and not isinstance(value, bool)
    return {"text": "" if shown is None else shown, "numeric": numeric}


def pdf_tables(tables: list[Table]) -> bytes:
    """Several tables one after another in one A4 document. Each table takes the orientation it needs
    (landscape when it is too wide for a portrait page) and is split by columns when even a landscape
    page is too narrow, so that no column is ever cut off at the page's edge."""
    blocks = [block for table in tables for block in table_blocks(table)]
    html = render_to_string(
        "reports/table.html",
        {
            "table": tables[0],
            "blocks": blocks,
            "generated_at": timezone.localtime(),
            "landscape": blocks[0]["landscape"] if blocks else False,
            "meta_with_rows": bool(blocks) and not blocks[-1]["keep"],
        },
    )
    return render_pdf(html)


def _pdf_value(value: Any) -> Any:
    """Dates in tables as 01.09.2025 and fractions as 77,8 — the way Russian school documents write them."""
    if isinstance(value, Signed):
        return signed_text(value.value, value.digits)
    if isinstance(value, Percent):
        return f"{decimal_text(value.value, value.digits)}\u00a0%"
    if isinstance(value, datetime):
        return (
            timezone.localtime(value).strftime("%d.%m.%Y %H:%M")
            if timezone.is_aware(value)
            else value.strftime("%d.%m.%Y %H:%M")
        )
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, float | Decimal):
        return decimal_text(value)
    return value


def decimal_text(value: float | Decimal | int, digits: int = 2) -> str:
    """«77,8», «5», «0,25»: a decimal comma and no trailing zeros."""
    if isinstance(value, int):
        return str(value)
    text = f"{float(value):.{digits}f}".rstrip("0").rstrip(".")
    return (text if text not in ("-0", "") else "0").replace(".", ",")


def signed_text(value: float, digits: int = 2) -> str:
    """«+1,5», «−0,5», «0»: a change with its sign (a true minus sign) and a decimal comma."""
    text = decimal_text(abs(value), digits)
    if text == "0":
        return "0"
    return ("+" if value > 0 else "−") + text


def render_pdf(html: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()


# --------------------------------------------------------------------------------------------------
# Word


class WordDocument:
    """An editable Word document laid out as school documents are: A4, Times New Roman, real styles
    (Title, Heading 1–2, «Table Grid»), page numbers in the footer (a PAGE field), tables with fixed
    column widths that Word and LibreOffice both honour, and the header row repeated on every page.

    The documents of the product build on it: ``heading``, ``paragraph``, ``table``, ``signature``,
    then ``content()``.
    """

    FONT = "Times New Roman"
    TABLE_FONT_PT = 10.0
    MARGINS_MM = (20, 10, 20, 20)  # top, right, bottom, left (ГОСТ Р 7.0.97-2016)
    PAGE_MM = (210 - 20 - 10, 297 - 20 - 10)  # the width of the text on a portrait and a landscape page

    def __init__(self, *, landscape: bool = False, font_size: float = 12) -> None:
        from docx import Document
        from docx.shared import Pt

        self.word = Document()
        self.landscape = landscape
        self._page(self.word.sections[0], landscape)
        styles = self.word.styles
        normal = styles["Normal"]
        normal.font.name = self.FONT
        normal.font.size = Pt(font_size)
        normal.paragraph_format.space_after = Pt(3)
        self._east_asian_font(normal)
        for name, size in (("Title", 16), ("Heading 1", 14), ("Heading 2", 12.5)):
            style = styles[name]
            style.font.name = self.FONT
            style.font.size = Pt(size)
            style.font.bold = True
            style.font.color.rgb = None
            self._east_asian_font(style)
            style.paragraph_format.keep_with_next = True
        styles["Title"].paragraph_format.alignment = 1  # centred
        from .documents.paper.builder import russian

        russian(self.word, hyphenate=False)  # tables of figures and names: no hyphens in them
        self._page_numbers(self.word.sections[0])

    # page ----------------------------------------------------------------------------------------

    def _page(self, section, landscape: bool) -> None:
        from docx.enum.section import WD_ORIENT
        from docx.shared import Mm

        top, right, bottom, left = self.MARGINS_MM
        if landscape:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = Mm(297), Mm(210)
        else:
            section.orientation = WD_ORIENT.PORTRAIT
            section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.right_margin = Mm(top), Mm(right)
        section.bottom_margin, section.left_margin = Mm(bottom), Mm(left)
        section.footer_distance = Mm(8)

    @property
    def page_mm(self) -> tuple[float, float]:
        return self.PAGE_MM

    @property
    def text_width_mm(self) -> float:
        section = self.word.sections[-1]
        width, left, right = section.page_width, section.left_margin, section.right_margin
        if width is None or left is None or right is None:  # set for every section in the constructor
            raise ValueError("the document's last section has no page width or margins")
        return (width - left - right) / 36000

    def _east_asian_font(self, style) -> None:
        from docx.oxml.ns import qn

        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attribute), None)  # a theme font would win over the named one
        for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attribute), self.FONT)

    def footer_note(self, text: str) -> None:
        """A small grey line in the footer of every page (e.g. when the document was generated)."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Pt, RGBColor

        paragraph = self.word.sections[-1].footer.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        run = paragraph.add_run(text)
        run.font.size = Pt(7.5)
        run.font.color.rgb = RGBColor(0x55, 0x55, 0x55)

    def _page_numbers(self, section) -> None:
        """«– 3 –» style page number centred in the footer: a PAGE field Word and LibreOffice update."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import Pt

        paragraph = section.footer.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run()
        run.font.size = Pt(10)
        for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, None), ("end", None)):
            if kind:
                element = OxmlElement("w:fldChar")
                element.set(qn("w:fldCharType"), kind)
                run._r.append(element)
            elif text:
                instruction = OxmlElement("w:instrText")
                instruction.set(qn("xml:space"), "preserve")
                instruction.text = f" {text} "
                run._r.append(instruction)
            else:
                shown = OxmlElement("w:t")
                shown.text = "1"
                run._r.append(shown)

    def page_break(self) -> None:
        from docx.enum.text import WD_BREAK

        self.word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def new_section(self, *, landscape: bool) -> None:
        """Start a new page with the orientation a wide table needs."""
        from docx.enum.section import WD_SECTION

        if landscape == self.landscape:
            return
        section = self.word.add_section(WD_SECTION.NEW_PAGE)
        self._page(section, landscape)
        self.landscape = landscape

    # text ----------------------------------------------------------------------------------------

    def title(self, text: str) -> None:
        self.word.add_paragraph(text, style="Title")

    def heading(self, text: str, level: int = 1) -> None:
        self.word.add_paragraph(text, style=f"Heading {min(max(level, 1), 2)}")

    def paragraph(
        self,
        text: str = "",
        *,
        bold: bool = False,
        align: str = "left",
        size: float | None = None,
        italic: bool = False,
        indent_mm: float = 0,
    ):
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Mm, Pt

        if align == "justify" and "\n" in str(text):  # a justified line ending in a break is stretched
            *first, text = str(text).split("\n")
            for line in first:
                self.paragraph(line, bold=bold, align=align, size=size, italic=italic, indent_mm=indent_mm)
        paragraph = self.word.add_paragraph()
        paragraph.alignment = {
            "left": WD_ALIGN_PARAGRAPH.LEFT,
            "center": WD_ALIGN_PARAGRAPH.CENTER,
            "right": WD_ALIGN_PARAGRAPH.RIGHT,
            "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
        }[align]
        if indent_mm:
            paragraph.paragraph_format.left_indent = Mm(indent_mm)
        lines = str(text).split("\n")
        for index, line in enumerate(lines):
            run = paragraph.add_run(line)
            run.bold, run.italic = bold, italic
            if size:
                run.font.size = Pt(size)
            if index < len(lines) - 1:
                run.add_break()
        return paragraph

    def block(self, lines: list[str], *, width_mm: float = 95, align: str = "left") -> None:
        """Lines at the right of the page: the «УТВЕРЖДЕНО …» block of an approved document."""
        indent = max(0.0, self.text_width_mm - width_mm)
        for line in lines:
            self.paragraph(line, align=align, indent_mm=indent).paragraph_format.space_after = 0
        self.paragraph()

    def signature(self, position: str, name: str) -> None:
        """«Директор ____________ И.О. Фамилия» on one line, the name at the right edge."""
        from docx.enum.text import WD_TAB_ALIGNMENT
        from docx.shared import Mm

        self.paragraph()
        paragraph = self.paragraph(f"{position}\t____________________\t{name}")
        stops = paragraph.paragraph_format.tab_stops
        stops.add_tab_stop(Mm(self.text_width_mm * 0.45), WD_TAB_ALIGNMENT.CENTER)
        stops.add_tab_stop(Mm(self.text_width_mm), WD_TAB_ALIGNMENT.RIGHT)

    def picture(self, image: bytes, width_mm: float | None = None) -> None:
        from docx.shared import Mm

        self.word.add_picture(io.BytesIO(image), width=Mm(min(width_mm or 1000, self.text_width_mm)))

    # tables --------------------------------------------------------------------------------------

    def table(
        self,
        columns: list[str],
        rows: list[list[Any] | TableSection],
        *,
        percents: list[float] | None = None,
        hints: list[float] | None = None,
        font_size: float = TABLE_FONT_PT,
    ) -> None:
        """A table with «Table Grid» style, fixed widths (tblGrid, tblW and every cell's tcW) and a
        header row that repeats on every page; numbers right-aligned, dates as 01.09.2026."""
        from docx.enum.table import WD_TABLE_ALIGNMENT
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import Mm, Pt

        count = len(columns)
        if not count:
            return
        if not percents:
            texts = [
                [str(_pdf_value(value) if value is not None else "") for value in row]
                for row in rows
                if not isinstance(row, TableSection)
            ]
            # the largest font (down to 8 pt) at which the table fits the page's orientation whole
            font_size, fitted = layout.fit(
                columns,
                texts,
                landscape=self.landscape,
                hints=hints,
                sizes=(font_size, 9.0, 8.0),
                page_mm=self.page_mm,
            )
            percents = list(fitted)
        total_mm = self.text_width_mm
        widths = [Mm(total_mm * percent / sum(percents)) for percent in percents]
        grid = self.word.add_table(rows=1, cols=count)
        grid.style = "Table Grid"
        grid.alignment = WD_TABLE_ALIGNMENT.CENTER
        grid.autofit = False  # w:tblLayout type="fixed"
        properties = grid._tbl.tblPr
        table_width = properties.find(qn("w:tblW"))
        if table_width is None:
            table_width = OxmlElement("w:tblW")
            properties.append(table_width)
        table_width.set(qn("w:type"), "dxa")
        table_width.set(qn("w:w"), str(int(sum(width.twips for width in widths))))
        for column, width in zip(grid.columns, widths, strict=True):
            column.width = width  # w:gridCol

        def fill(cells, values, *, bold: bool = False) -> None:
            for cell, width, value in zip(cells, widths, values, strict=False):
                cell.width = width  # w:tcW on every cell: LibreOffice reads these
                shown = _pdf_value(value)
                paragraph = cell.paragraphs[0]
                lines = ("" if shown is None else str(shown)).split("\n")
                for index, line in enumerate(lines):
                    run = paragraph.add_run(line)
                    run.bold = bold
                    run.font.size = Pt(font_size)
                    if index < len(lines) - 1:
                        run.add_break()
                paragraph.paragraph_format.space_after = 0
                if isinstance(value, int | float | Decimal | Signed) and not isinstance(value, bool):
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT

        header = grid.rows[0]
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        header._tr.get_or_add_trPr().append(repeat)
        fill(header.cells, columns, bold=True)
        for cell in header.cells:
            shading = OxmlElement("w:shd")
            shading.set(qn("w:val"), "clear")
            shading.set(qn("w:fill"), "E4EBF3")
            cell._tc.get_or_add_tcPr().append(shading)
        for row in rows:
            cells = grid.add_row().cells
            if isinstance(row, TableSection):
                merged = cells[0].merge(cells[-1]) if count > 1 else cells[0]
                for cell in cells:
                    cell.width = widths[0]
                merged.width = sum(widths, Mm(0))
                fill([merged], [row.title], bold=True)
                continue
            fill(cells, list(row) + [""] * (count - len(row)))

    @classmethod
    def table_layout(cls, table: Table) -> tuple[float, list[dict[str, Any]]]:
        """The font size and the blocks of a table: a smaller font (down to 8 pt) rather than a table
        split by columns, when that is enough."""
        for size in (cls.TABLE_FONT_PT, 9.0, 8.0):
            blocks = table_blocks(table, font_pt=size, page_mm=cls.PAGE_MM)
            if len(blocks) == 1:
                break
        return size, blocks

    def tables(self, tables: list[Table]) -> None:
        """Tables laid out as in the PDF: each part of a split table with the orientation it needs."""
        for table in tables:
            size, blocks = self.table_layout(table)
            for block in blocks:
                self.new_section(landscape=block["landscape"])
                if block["first"]:
                    if table.approval:
                        self.block(table.approval)
                    self.heading(table.title, level=1)
                    if table.subtitle:
                        self.paragraph(table.subtitle)
                    for line in table.legend:
                        self.paragraph(line, size=10)
                if block["parts"] > 1:
                    self.paragraph(
                        gettext(
                            "Part %(part)s of %(parts)s of the table (the table is too wide for one page)"
                        )
                        % {"part": block["part"], "parts": block["parts"]},
                        italic=True,
                    )
                indexes = block["indexes"]
                rows = [
                    row if isinstance(row, TableSection) else [row[index] for index in indexes]
                    for row in table.rows
                    if isinstance(row, TableSection) or len(row) >= len(table.columns)
                ]
                self.table(block["columns"], rows, percents=block["column_percents"], font_size=size)
                for note in block["notes"]:
                    self.paragraph(note, size=10)
                self.paragraph()

    def content(self) -> bytes:
        buffer = io.BytesIO()
        self.word.save(buffer)
        return buffer.getvalue()


def docx_tables(tables: list[Table]) -> bytes:
    """Tables as an editable Word document, with the same title, subtitle and date as the PDF."""
    first = tables and WordDocument.table_layout(tables[0])[1][0]["landscape"]
    document = WordDocument(landscape=bool(first))
    document.tables(tables)
    document.paragraph(
        gettext("Generated on %(when)s") % {"when": timezone.localtime().strftime("%d.%m.%Y %H:%M")}, size=9
    )
    return document.content()


def docx_table(table: Table) -> bytes:
    return docx_tables([table])
