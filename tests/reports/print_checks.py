"""What a secretary checks on a printed document, as functions the tests share.

``boxes_beyond_the_page`` lays the HTML out with WeasyPrint and walks every box of every page: a box
whose right edge passes the page edge (or the left edge is left of it) would be cut off in print.
``word_facts`` reads a .docx as Word would: page size, orientation, a PAGE field in a header or footer.
"""

from __future__ import annotations

import io
import re
import zipfile

from docx import Document
from docx.shared import Mm
from pypdf import PdfReader

A4_POINTS = (595.28, 841.89)


def boxes_beyond_the_page(html: str, tolerance: float = 0.5) -> list[str]:
    from weasyprint import HTML

    document = HTML(string=html).render()
    found = []
    for number, page in enumerate(document.pages, start=1):
        width = page.width
        for box in page._page_box.descendants():
            if not hasattr(box, "position_x") or box.width is None:
                continue
            left = box.position_x
            right = left + box.margin_width()
            if right > width + tolerance or left < -tolerance:
                text = getattr(box, "text", "") or type(box).__name__
                found.append(f"page {number}: {text[:40]!r} spans {left:.0f}–{right:.0f} of {width:.0f}")
    return found


def text_beyond_its_cell(document, tolerance: float = 0.5) -> list[str]:
    """Words of a laid-out WeasyPrint ``document`` that stick out of their table cell (a column too
    narrow for a word of its header or body), as «page: text»."""
    from weasyprint.formatting_structure import boxes

    def walk(box, cell):
        if isinstance(box, boxes.TableCellBox):
            cell = box
        if isinstance(box, boxes.TextBox) and cell is not None:
            right = box.position_x + box.margin_width()
            cell_right = cell.border_box_x() + cell.border_width()
            if right > cell_right + tolerance:
                yield f"«{box.text[:40]}» ends at {right:.0f} past its cell's {cell_right:.0f}"
        for child in getattr(box, "children", []) or []:
            yield from walk(child, cell)

    return [
        f"page {n}: {found}"
        for n, page in enumerate(document.pages, 1)
        for found in walk(page._page_box, None)
    ]


def pdf_pages(content: bytes) -> list[tuple[float, float]]:
    reader = PdfReader(io.BytesIO(content))
    return [(float(page.mediabox.width), float(page.mediabox.height)) for page in reader.pages]


def is_a4(size: tuple[float, float]) -> bool:
    short, long = sorted(size)
    return abs(short - A4_POINTS[0]) < 2 and abs(long - A4_POINTS[1]) < 2


def pdf_words(content: bytes) -> str:
    """The text of the PDF; the page number in the header of a page (ГОСТ) is left out, so a
    paragraph broken over two pages reads whole."""
    reader = PdfReader(io.BytesIO(content))
    texts = []
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        if number > 1:
            # pypdf reads the header's number first or last, depending on the file
            text = re.sub(rf"(^\s*{number}\s|\s{number}\s*$)", " ", text, count=1)
        texts.append(text)
    return normalise(" ".join(texts))


def normalise(text: str) -> str:
    # a word hyphenated at a line end in the PDF («наставни‐\nков», WeasyPrint's U+2010) is read back
    # whole; a word with its own hyphen broken after it («152-\nФЗ») keeps the hyphen
    text = re.sub(r"(\w)[\u00ad\u2010]\s*\n\s*(\w)", r"\1\2", text)
    text = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1-\2", text)
    return " ".join(text.replace("\u00ad", "").split())


def docx_text(content: bytes) -> str:
    """Every paragraph of the body, its tables included, in document order."""
    document = Document(io.BytesIO(content))
    parts = []
    for block in document.element.body.iter():
        if block.tag.endswith("}p"):
            parts.append("".join(node.text or "" for node in block.iter() if node.tag.endswith("}t")))
    return normalise(" ".join(parts))


def word_facts(content: bytes) -> dict[str, object]:
    document = Document(io.BytesIO(content))
    section = document.sections[0]
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        headers = " ".join(
            archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if re.match(r"word/(header|footer)\d*\.xml", name)
        )
        body = archive.read("word/document.xml").decode("utf-8")
    styles = {paragraph.style.name for paragraph in document.paragraphs}
    return {
        "a4": {round(section.page_width / Mm(1)), round(section.page_height / Mm(1))} == {210, 297},
        "page_numbers": "PAGE" in headers,
        "styles": styles,
        "leftover_tags": re.findall(r"\{\{|\}\}|\{%|%\}", body),
        "tables": len(document.tables),
        "header_rows_repeat": "w:tblHeader" in body,
    }


def tables_broken_across_pages(document) -> list[str]:
    """A table that goes on over a page and a half as a secretary would refuse it: a continuation page
    without the header row repeated, or a row cut in two across pages (a row taller than a page aside,
    which cannot be helped). ``document`` is WeasyPrint's laid-out document."""
    from weasyprint.formatting_structure import boxes

    def walk(box):
        yield box
        for child in getattr(box, "children", []) or []:
            yield from walk(child)

    per_table: dict[int, dict[int, tuple[bool, list]]] = {}
    for number, page in enumerate(document.pages, start=1):
        usable = page.height - page._page_box.margin_top - page._page_box.margin_bottom
        for box in walk(page._page_box):
            if not isinstance(box, boxes.TableBox):
                continue
            groups = [group for group in box.children if isinstance(group, boxes.TableRowGroupBox)]
            header = any(group.is_header for group in groups)
            rows = [row for group in groups if not group.is_header for row in group.children]
            per_table.setdefault(id(box.element), {})[number] = (header, rows, usable)
    problems = []
    for pages in per_table.values():
        numbers = sorted(pages)
        for before, after in zip(numbers, numbers[1:], strict=False):
            if not pages[after][0]:
                problems.append(f"page {after}: the table goes on without its header row")
            ends = {id(row.element): row for row in pages[before][1]}
            for row in pages[after][1]:
                whole = ends.get(id(row.element))
                if whole is not None and whole.height + row.height < pages[after][2]:
                    problems.append(f"pages {before}–{after}: a row is cut in two across the pages")
    return problems
