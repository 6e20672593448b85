"""What a school secretary checks before signing, on every report and document of the registry.

The demo municipality (``seed_demo``) is rendered in every format by a curator of a school, by the
municipal coordinator and by a mentor, and each file is read back with independent tools:

- PDF: the page boxes WeasyPrint laid out (nothing printed beyond the page), the text of each table cell
  compared with the spreadsheet version of the same report (every column and every row present,
  fractions with a decimal comma);
- XLSX (openpyxl): A4, fitted to the page's width, the header row repeated and frozen, borders on the
  data, sheet names not cut, numbers stored as numbers;
- DOCX (python-docx and its XML): A4, a PAGE field in the footer (orders and the paper trail: in the
  header, ГОСТ Р 7.0.97-2016), a heading style, a table style on every table, tables with fixed widths
  set on the grid and on every cell;
- all: dates as 01.09.2026 (never 2026-09-01) and no internal keys (``overall``, ``mentor_attention``…).
"""

from __future__ import annotations

import io
import re
from collections import defaultdict
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from mentoring.models import Organization, Programme

from .every_document import Rendered, render_every_document, scope_of
from .print_checks import tables_broken_across_pages

ISO_DATE = re.compile(r"\b20\d\d-[01]\d-[0-3]\d\b")
MM_PER_PX = 25.4 / 96
TOLERANCE_PX = 1.0


# --- reading the files --------------------------------------------------------------------------


class LaidOut:
    """WeasyPrint's own layout of every PDF made while it is active (pages with their boxes)."""

    def __init__(self) -> None:
        self.documents: list = []

    def __call__(self, original):
        captured = self.documents

        def write_pdf(document, *args, **kwargs):
            captured.append(document)
            return original(document, *args, **kwargs)

        return write_pdf


def _walk(box):
    yield box
    for child in getattr(box, "children", []) or []:
        yield from _walk(child)


def boxes_beyond_page(document) -> list[str]:
    """Text or table cells that stick out of their page (right or bottom edge), as «page: text»."""
    from weasyprint.formatting_structure import boxes

    found = []
    for number, page in enumerate(document.pages, start=1):
        width, height = page.width, page.height
        for box in _walk(page._page_box):
            if not isinstance(box, boxes.TextBox | boxes.TableCellBox | boxes.TableBox):
                continue
            right = box.position_x + box.margin_width()
            bottom = box.position_y + box.margin_height()
            if (
                right > width + TOLERANCE_PX
                or bottom > height + TOLERANCE_PX
                or box.position_x < -TOLERANCE_PX
            ):
                text = getattr(box, "text", "") or type(box).__name__
                found.append(f"p. {number}: «{text[:40]}» ends at {right * MM_PER_PX:.0f} mm")
    return found


def cell_texts(document) -> set[str]:
    """The text of every table cell of the document, whitespace normalised (a cell split over two
    pages is read as its two halves and as a whole)."""
    from weasyprint.formatting_structure import boxes

    parts: dict[int, list[str]] = defaultdict(list)
    texts = set()
    for page in document.pages:
        for box in _walk(page._page_box):
            if isinstance(box, boxes.TableCellBox):
                words = " ".join(child.text for child in _walk(box) if isinstance(child, boxes.TextBox))
                text = " ".join(words.split())
                texts.add(text)
                # WeasyPrint copies a cell broken over pages: its element ties the halves together
                parts[id(box.element)].append(text)
    texts.update(" ".join(halves) for halves in parts.values() if len(halves) > 1)
    return texts


def normal(text: object) -> str:
    return " ".join(str(text).split())


def xlsx_tables(content: bytes) -> list[tuple[str, list[str], list[list]]]:
    """(sheet name, header, data rows) of every sheet: the header is the first row with a border."""
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(content))
    result = []
    for sheet in workbook.worksheets:
        rows = list(sheet.iter_rows())
        header_index = next(
            (i for i, row in enumerate(rows) if row[0].border.top.style and row[0].value), None
        )
        if header_index is None:
            result.append((sheet.title, [], []))
            continue
        header = [normal(cell.value) for cell in rows[header_index] if cell.value is not None]
        data = [[_shown_number(cell) for cell in row[: len(header)]] for row in rows[header_index + 1 :]]
        result.append((sheet.title, header, data))
    return result


def _shown_number(cell):
    """A cell's value as a reader sees it: a percentage cell (0.456 shown as 45,6 %) as 45.6."""
    value = cell.value
    if isinstance(value, int | float) and not isinstance(value, bool) and cell.number_format.endswith("%"):
        return round(value * 100, 6)
    return value


# --- the checks ---------------------------------------------------------------------------------


def check_xlsx(content: bytes) -> list[str]:
    from openpyxl import load_workbook

    problems: list[str] = []
    workbook = load_workbook(io.BytesIO(content))
    for sheet in workbook.worksheets:
        problems += _sheet_setup_problems(sheet)
    for name, header, _data in xlsx_tables(content):
        if not header:
            problems.append(f"sheet «{name}»: no table header")
            continue
        problems += _sheet_cell_problems(workbook[name], name, header)
    return problems


def _sheet_setup_problems(sheet) -> list[str]:
    """The sheet's name and print set-up: a full short name, A4, fitted to the width, header repeated."""
    from reports.writers import sheet_title

    problems = []
    name = sheet.title
    title = str(sheet["A1"].value or "")
    base = re.sub(r" \(\d+\)$", "", name)
    if len(name) > 31:
        problems.append(f"sheet «{name}» is longer than 31 characters")
    cut_in_a_word = base != title and title.startswith(base) and title[len(base)] != " "
    cut_by_words = len(title) > 31 and base == sheet_title(title)
    if cut_in_a_word or cut_by_words:
        problems.append(f"sheet «{name}» is the title «{title}» cut short; give it a short full name")
    setup = sheet.page_setup
    if str(setup.paperSize) != str(sheet.PAPERSIZE_A4):
        problems.append(f"sheet «{name}»: paper is not A4")
    if not (sheet.sheet_properties.pageSetUpPr and sheet.sheet_properties.pageSetUpPr.fitToPage):
        problems.append(f"sheet «{name}»: not fitted to the page")
    if str(setup.fitToWidth) != "1" or str(setup.fitToHeight) != "0":
        problems.append(f"sheet «{name}»: not fitted to the page's width")
    if setup.orientation not in ("portrait", "landscape"):
        problems.append(f"sheet «{name}»: no orientation")
    if not sheet.print_title_rows:
        problems.append(f"sheet «{name}»: the header row is not repeated on every printed page")
    if not sheet.freeze_panes:
        problems.append(f"sheet «{name}»: the header is not frozen")
    return problems


def _sheet_cell_problems(sheet, name: str, header: list) -> list[str]:
    """Data cells with borders, numbers stored as numbers, dates shown as DD.MM.YYYY."""
    problems = []
    for row in sheet.iter_rows(min_row=2):
        for cell in row[: len(header)]:
            value = cell.value
            if value is None or cell.row <= 3:
                continue
            if cell.border.left.style is None and len([c for c in row if c.value is not None]) > 1:
                problems.append(f"sheet «{name}» {cell.coordinate}: a data cell without borders")
                break
            column = header[cell.column - 1] if cell.column - 1 < len(header) else ""
            if (
                isinstance(value, str)
                and re.fullmatch(r"[+\-−]?\d+([.,]\d+)?", value.strip())
                and column not in ("№", "No.", "№ п/п")
            ):
                problems.append(f"sheet «{name}» {cell.coordinate}: the number «{value}» is stored as text")
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if getattr(cell, "is_date", False) and not cell.number_format.upper().startswith("DD.MM.YYYY"):
                problems.append(f"sheet «{name}» {cell.coordinate}: a date shown as {cell.number_format}")
                break
    return problems


def check_pdf(document, spreadsheet: bytes | None) -> list[str]:
    problems = boxes_beyond_page(document)[:5] + tables_broken_across_pages(document)[:5]
    if spreadsheet is None:
        return problems
    cells = {normal(text) for text in cell_texts(document)}
    joined = " ".join(cells).replace("\u2212", "-")
    for name, header, data in xlsx_tables(spreadsheet):
        for column in header:
            if column not in cells:
                problems.append(f"the column «{column}» of the sheet «{name}» is missing from the PDF")
        for row in data:
            first = next((value for value in row if value not in (None, "")), None)
            if first is None:
                continue
            if isinstance(first, float):
                continue  # compared below, as a number
            shown = first.strftime("%d.%m.%Y") if isinstance(first, date) else normal(first)
            if any(v not in (None, "") for v in row[1:]) and shown not in cells:
                problems.append(f"the row «{shown[:50]}» of the sheet «{name}» is missing from the PDF")
            for value in row:
                if isinstance(value, float) and not float(value).is_integer():
                    from reports.writers import decimal_text

                    if decimal_text(value) not in joined:
                        problems.append(
                            f"the number {value} of «{name}» is not printed as {decimal_text(value)}"
                        )
                        break
    return problems[:12]


def check_docx(content: bytes, spreadsheet: bytes | None) -> list[str]:
    from docx import Document

    problems = []
    word = Document(io.BytesIO(content))
    for number, section in enumerate(word.sections, start=1):
        sizes = sorted([round(section.page_width.mm), round(section.page_height.mm)])
        if sizes != [210, 297]:
            problems.append(f"section {number}: the page is {sizes} mm, not A4")
        # the writer's reports number their pages in the footer; orders and the paper trail follow
        # ГОСТ Р 7.0.97-2016, 5.3: in the middle of the header, from the second page on
        numbered = [part for part in (section.footer, section.header) if _page_field(part._element)]
        if not numbered:
            problems.append(f"section {number}: no page number (PAGE field) in the footer or the header")
    styles = {paragraph.style.name for paragraph in word.paragraphs}
    if not any(name.startswith(("Heading", "Title")) for name in styles):
        problems.append("no heading style is used")
    for index, table in enumerate(word.tables, start=1):
        problems += _docx_table_problems(index, table)
    if spreadsheet is not None:
        cells = {normal(cell.text) for table in word.tables for row in table.rows for cell in row.cells}
        for name, header, _data in xlsx_tables(spreadsheet):
            for column in header:
                if column not in cells:
                    problems.append(
                        f"the column «{column}» of the sheet «{name}» is missing from the Word file"
                    )
    return problems


def _docx_table_problems(index: int, table) -> list[str]:
    """A Word table: fixed layout, a table style, a grid with column widths, every cell's width."""
    from docx.oxml.ns import qn

    problems = []
    properties = table._tbl.tblPr
    layout = properties.find(qn("w:tblLayout"))
    if layout is None or layout.get(qn("w:type")) != "fixed":
        problems.append(f"table {index}: the layout is not fixed")
    # «Table Grid» for lists; a school document's requisite lines sit in a borderless table style
    if table.style is None or table.style.name in ("Normal Table", "Обычная таблица"):
        problems.append(f"table {index}: no table style")
    grid = table._tbl.tblGrid.findall(qn("w:gridCol"))
    if len(grid) != len(table.columns) or any(not col.get(qn("w:w")) for col in grid):
        problems.append(f"table {index}: the grid has no column widths")
    for row in table.rows:
        for cell in row.cells:
            width = cell._tc.tcPr.find(qn("w:tcW")) if cell._tc.tcPr is not None else None
            if width is None or width.get(qn("w:type")) != "dxa":
                problems.append(f"table {index}: a cell has no width")
                return problems
    return problems


def _page_field(part) -> bool:
    """A PAGE field in a header or footer part, as a simple field or as begin/instrText/end."""
    from docx.oxml.ns import qn

    instructions = [node.text or "" for node in part.iter(qn("w:instrText"))]
    instructions += [node.get(qn("w:instr")) or "" for node in part.iter(qn("w:fldSimple"))]
    return any(text.split()[:1] == ["PAGE"] for text in instructions)


def document_text(rendered: Rendered, document) -> str:
    if rendered.fmt == "pdf":
        from pypdf import PdfReader

        return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(rendered.file.content)).pages)
    if rendered.fmt == "docx":
        from docx import Document

        word = Document(io.BytesIO(rendered.file.content))
        return " ".join(
            [p.text for p in word.paragraphs]
            + [cell.text for table in word.tables for row in table.rows for cell in row.cells]
        )
    if rendered.fmt == "xlsx":
        from openpyxl import load_workbook

        workbook = load_workbook(io.BytesIO(rendered.file.content))
        return " ".join(  # dates are stored as dates: their display is checked by their number format
            str(cell.value)
            for sheet in workbook.worksheets
            for row in sheet.iter_rows()
            for cell in row
            if cell.value is not None and not getattr(cell, "is_date", False)
        )
    return rendered.file.content.decode("utf-8-sig")


def internal_keys() -> set[str]:
    from monitoring.models import QuestionItem
    from pairing.models import MentoringForm

    keys = set(QuestionItem.objects.values_list("key", flat=True)) | set(
        MentoringForm.objects.values_list("key", flat=True)
    )
    return {key for key in keys if key and re.fullmatch(r"[a-z][a-z0-9_]+", key) and len(key) > 3}


# --- the test -----------------------------------------------------------------------------------

USERS = (("curator1", "school-1"), ("coordinator", "uo-berezovsky"), ("mentor1", "school-1"))


@pytest.fixture
def demo(db):
    call_command("seed_demo", verbosity=0)


@pytest.mark.django_db
def test_every_document_prints_as_a_secretary_expects(demo, monkeypatch, settings):
    from weasyprint.document import Document

    settings.LANGUAGE_CODE = "ru"
    laid_out = LaidOut()
    monkeypatch.setattr(Document, "write_pdf", laid_out(Document.write_pdf))
    keys = internal_keys()
    assert {"overall"} <= keys  # the demo's questionnaires have the keys the documents must not show
    problems: list[str] = []
    checked: list[str] = []
    today = timezone.localdate()
    for username, slug in USERS:
        user = get_user_model().objects.get(username=username)
        organization = Organization.objects.get(slug=slug)
        programme = Programme.objects.filter(organization=organization).order_by(
            "-academic_year__start_year"
        )[0]
        scope = scope_of(user, organization, programme)
        made: dict[str, dict[str, tuple[Rendered, object]]] = defaultdict(dict)
        for rendered in render_every_document(scope, user, today):
            name = f"{username}: {rendered.report.identifier}.{rendered.fmt}"
            if rendered.file is None:
                if not _may_be_missing(username, rendered):
                    problems.append(f"{name}: not made: {rendered.error}")
                continue
            document = laid_out.documents.pop() if rendered.fmt == "pdf" else None
            laid_out.documents.clear()
            made[rendered.report.identifier][rendered.fmt] = (rendered, document)
            checked.append(name)
        for identifier, formats in made.items():
            spreadsheet = formats["xlsx"][0].file.content if "xlsx" in formats else None
            for fmt, (rendered, document) in formats.items():
                name = f"{username}: {identifier}.{fmt}"
                found = []
                if fmt == "xlsx":
                    found += check_xlsx(rendered.file.content)
                elif fmt == "pdf":
                    found += check_pdf(document, spreadsheet)
                elif fmt == "docx":
                    found += check_docx(rendered.file.content, spreadsheet)
                text = document_text(rendered, document)
                if ISO_DATE.search(text):
                    found.append(f"a date written as {ISO_DATE.search(text).group()}")
                shown = sorted(
                    key for key in keys if re.search(rf"(?<![\w/.@-]){re.escape(key)}(?![\w/.@-])", text)
                )
                if shown:
                    found.append(f"internal keys printed: {', '.join(shown)}")
                problems += [f"{name}: {problem}" for problem in found]
    assert len(checked) >= 30, checked
    assert not problems, "\n".join(problems)


def _may_be_missing(username: str, rendered: Rendered) -> bool:
    """Documents that cannot exist for this user in the demo, for a reason the user is told."""
    # the authority has no pairs of its own; school-1 is the demo's late school of the collection period:
    # it has handed in nothing yet, so there is no file of what it handed in («not handed in yet»)
    return (rendered.report.identifier == "pair_diary" and username == "coordinator") or (
        rendered.report.identifier == "monitoring_window" and username == "curator1"
    )
