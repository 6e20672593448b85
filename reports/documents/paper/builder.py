"""Writes a Word template (docxtpl) from a few calls: the team's default templates are built, not stored.

Pure module (python-docx, no Django). The result is an ordinary A4 Word file with real styles
(the document's title in Word's own «Heading 1», restyled as ГОСТ wants it; «Текст документа»,
«Таблица документа»), a page number in the header from the second page on (ГОСТ Р 7.0.97-2016, 5.3),
requisite lines in tables of the borderless table style «Реквизиты» and lists in «Table Grid» tables with
a repeated header row. Jinja tags (``{{ … }}``, ``{%p … %}``, ``{%tr … %}``) are written each in
one run, so docxtpl reads them; a school edits the file in Word and uploads it back.
"""

from __future__ import annotations

import io
import re
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

FONT = "Times New Roman"
ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
BODY = "Текст документа"
PLAIN = "Без отступа"
TITLE = "Heading 1"  # Word shows it as «Заголовок 1»: the navigation pane lists the document's titles
REQUISITES = "Реквизиты"
TABLE_TEXT = "Таблица документа"
TABLE_NAMES = "Таблица: имена"  # cells of people's names: never hyphenated («Алексан-дровна»)
NAME_FIELD = re.compile(r"\b(row|person|mentor|mentee)\.(name|mentors|mentees|responsible|contact)\b")
# the schema's order of w:pPr and w:tblPr children: Word refuses a file with them out of place
PPR_AFTER_SUPPRESS_HYPHENS = (
    "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
    "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
    "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip
TBLPR_AFTER_BORDERS = (
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
    "w:tblCaption",
    "w:tblDescription",
)
BOLD = re.compile(r"\*\*(.+?)\*\*")


class TemplateBuilder:
    """An A4 Word template: paragraphs, requisite lines, tables with a loop row, page breaks."""

    def __init__(self, *, landscape: bool = False, size: float = 12) -> None:
        self.document = Document()
        section = self.document.sections[0]
        if landscape:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = Mm(297), Mm(210)
        else:
            section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(20), Mm(20)
        section.left_margin, section.right_margin = Mm(25), Mm(10)
        self.text_width_mm = (297 if landscape else 210) - 35
        self.size = size
        self._styles()
        russian(self.document, hyphenate=True)
        self._page_numbers(section)

    # -- setup -----------------------------------------------------------------------------------

    def _styles(self) -> None:
        styles = self.document.styles
        normal = styles["Normal"]
        normal.font.name = FONT
        normal.font.size = Pt(self.size)
        fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
        for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attribute), FONT)
        normal.paragraph_format.space_after = Pt(0)
        normal.paragraph_format.space_before = Pt(0)
        normal.paragraph_format.line_spacing = 1.0
        body = styles.add_style(BODY, WD_STYLE_TYPE.PARAGRAPH)
        body.base_style = normal
        body.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        body.paragraph_format.first_line_indent = Mm(12.5)
        plain = styles.add_style(PLAIN, WD_STYLE_TYPE.PARAGRAPH)
        plain.base_style = normal
        title = styles[TITLE]
        _plain_heading(title)
        title.base_style = normal
        title.font.bold = True
        title.font.size = Pt(self.size)
        title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        title.paragraph_format.keep_with_next = True
        # ГОСТ: no hyphens in a title
        title.element.get_or_add_pPr().insert_element_before(
            _on_element("w:suppressAutoHyphens"), *PPR_AFTER_SUPPRESS_HYPHENS
        )
        requisites = styles.add_style(REQUISITES, WD_STYLE_TYPE.TABLE)
        requisites.base_style = styles["Normal Table"]
        style_table = OxmlElement("w:tblPr")
        requisites.element.append(style_table)
        _no_borders(style_table)
        table_text = styles.add_style(TABLE_TEXT, WD_STYLE_TYPE.PARAGRAPH)
        table_text.base_style = normal
        table_text.font.size = Pt(self.size - 1)
        names = styles.add_style(TABLE_NAMES, WD_STYLE_TYPE.PARAGRAPH)
        names.base_style = table_text
        names.element.get_or_add_pPr().insert_element_before(
            _on_element("w:suppressAutoHyphens"), *PPR_AFTER_SUPPRESS_HYPHENS
        )

    def _page_numbers(self, section) -> None:
        """PAGE in the header, centred, from the second page on (the first page has an empty header)."""
        section.different_first_page_header_footer = True
        paragraph = section.header.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run()
        begin, instruction, end = (
            OxmlElement("w:fldChar"),
            OxmlElement("w:instrText"),
            OxmlElement("w:fldChar"),
        )
        begin.set(qn("w:fldCharType"), "begin")
        instruction.set(qn("xml:space"), "preserve")
        instruction.text = "PAGE"
        end.set(qn("w:fldCharType"), "end")
        run._r.append(begin)
        run._r.append(instruction)
        run._r.append(end)

    # -- content ---------------------------------------------------------------------------------

    def _runs(
        self, paragraph, text: str, *, bold: bool = False, italic: bool = False, size: float | None = None
    ):
        position = 0
        for match in BOLD.finditer(text):
            if match.start() > position:
                self._run(paragraph, text[position : match.start()], bold=bold, italic=italic, size=size)
            self._run(paragraph, match.group(1), bold=True, italic=italic, size=size)
            position = match.end()
        if position < len(text) or not text:
            self._run(paragraph, text[position:], bold=bold, italic=italic, size=size)
        return paragraph

    @staticmethod
    def _run(paragraph, text: str, *, bold: bool, italic: bool, size: float | None) -> None:
        if not text:
            return
        run = paragraph.add_run(text)
        if bold:
            run.bold = True
        if italic:
            run.italic = True
        if size:
            run.font.size = Pt(size)

    def p(
        self,
        text: str = "",
        *,
        style: str = BODY,
        align: str | None = None,
        bold: bool = False,
        italic: bool = False,
        size: float | None = None,
        before: float = 0,
        after: float = 0,
        keep_next: bool = False,
        indent_mm: float | None = None,
        left_mm: float | None = None,
    ):
        """A paragraph; ``**…**`` marks bold words."""
        paragraph = self.document.add_paragraph(style=style)
        if align:
            paragraph.alignment = ALIGN[align]
        fmt = paragraph.paragraph_format
        if before:
            fmt.space_before = Pt(before)
        if after:
            fmt.space_after = Pt(after)
        if keep_next:
            fmt.keep_with_next = True
        if indent_mm is not None:
            fmt.first_line_indent = Mm(indent_mm)
        if left_mm is not None:
            fmt.left_indent = Mm(left_mm)
        return self._runs(paragraph, text, bold=bold, italic=italic, size=size)

    def title(self, text: str, *, before: float = 0, after: float = 0, size: float | None = None):
        return self.p(text, style=TITLE, before=before, after=after, size=size)

    def plain(self, text: str = "", **kwargs: Any):
        return self.p(text, style=PLAIN, **kwargs)

    def tag(self, tag: str) -> None:
        """A docxtpl paragraph tag such as ``{%p for point in order.points %}`` (the paragraph disappears)."""
        self.document.add_paragraph(tag, style=PLAIN)

    def blank(self, count: int = 1, *, keep_next: bool = False) -> None:
        for _ in range(count):
            paragraph = self.document.add_paragraph(style=PLAIN)
            if keep_next:
                paragraph.paragraph_format.keep_with_next = True

    def page_break(self) -> None:
        from docx.enum.text import WD_BREAK

        self.document.add_paragraph(style=PLAIN).add_run().add_break(WD_BREAK.PAGE)

    def _widths(self, table, widths_mm: list[float]) -> None:
        table.autofit = False  # a fixed layout (w:tblLayout): Word and LibreOffice keep the widths
        grid = table._tbl.tblGrid
        for column, width in zip(grid.findall(qn("w:gridCol")), widths_mm, strict=True):
            column.set(qn("w:w"), str(int(Mm(width).twips)))
        for row in table.rows:
            for cell, width in zip(row.cells, widths_mm, strict=True):
                cell.width = Mm(width)

    def columns(
        self,
        cells: list[str | list[str]],
        *,
        widths: list[float] | None = None,
        align: list[str] | None = None,
        before: float = 0,
        after: float = 0,
        bold: bool = False,
    ):
        """One borderless row: «01.09.2026 … № 45-ОД», a signature line, an «УТВЕРЖДЕНО» block on the right.

        A cell given as a list holds several paragraphs."""
        widths = widths or [self.text_width_mm / len(cells)] * len(cells)
        scale = self.text_width_mm / sum(widths)
        table = self.document.add_table(rows=1, cols=len(cells))
        table.style = self.document.styles[REQUISITES]
        _no_borders(table._tbl.tblPr)  # also on the table: an editor that ignores table styles keeps it bare
        self._widths(table, [width * scale for width in widths])
        for index, (cell, content) in enumerate(zip(table.rows[0].cells, cells, strict=True)):
            lines = content if isinstance(content, list) else [content]
            first = cell.paragraphs[0]
            for number, line in enumerate(lines):
                paragraph = first if number == 0 else cell.add_paragraph()
                paragraph.style = self.document.styles[PLAIN]
                paragraph.alignment = ALIGN[(align or ["left"] * len(cells))[index]]
                self._runs(paragraph, line, bold=bold)
        if before or after:
            if before:
                table.rows[0].cells[0].paragraphs[0].paragraph_format.space_before = Pt(before)
            if after:
                self.plain(size=max(1, after / 2))
        return table

    def table(
        self,
        headers: list[str],
        cells: list[str],
        *,
        widths: list[float],
        loop: str,
        before: float = 0,
        size: float | None = None,
    ):
        """A grid table: the header row (repeated on every page), then one row per item of ``loop``."""
        if before:
            self.plain(size=before)
        scale = self.text_width_mm / sum(widths)
        table = self.document.add_table(rows=4, cols=len(headers))
        table.style = self.document.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        self._widths(table, [width * scale for width in widths])
        header = table.rows[0]
        header._tr.get_or_add_trPr().append(_on_element("w:tblHeader"))
        for cell, text in zip(header.cells, headers, strict=True):
            cell.paragraphs[0].style = self.document.styles[TABLE_TEXT]
            # a header word is not hyphenated («Роль в програм-ме»); before w:jc in the schema's order
            cell.paragraphs[0]._p.get_or_add_pPr().append(_on_element("w:suppressAutoHyphens"))
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
            self._runs(cell.paragraphs[0], text, bold=True, size=size or self.size - 2)
        table.rows[1].cells[0].paragraphs[0].add_run(f"{{%tr for {loop} %}}")
        for cell, text in zip(table.rows[2].cells, cells, strict=True):
            style = TABLE_NAMES if NAME_FIELD.search(text) else TABLE_TEXT
            cell.paragraphs[0].style = self.document.styles[style]
            self._runs(cell.paragraphs[0], text, size=size)
        table.rows[2]._tr.get_or_add_trPr().append(_on_element("w:cantSplit"))
        table.rows[3].cells[0].paragraphs[0].add_run("{%tr endfor %}")
        return table

    def bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()


def russian(document, *, hyphenate: bool) -> None:
    """The text is Russian (Word's spelling check and hyphenation; python-docx's default is en-US), and,
    with ``hyphenate``, Word and LibreOffice hyphenate it: justified lines and narrow columns without
    gaps or words broken anywhere. The PDF follows the same setting (``docx_html``)."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault")) if defaults is not None else None
    rpr = rpr_default.find(qn("w:rPr")) if rpr_default is not None else None
    if rpr is not None:
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            rpr.append(lang)
        lang.set(qn("w:val"), "ru-RU")
        lang.set(qn("w:eastAsia"), "ru-RU")
    if not hyphenate:
        return
    settings = document.settings.element
    if settings.find(qn("w:autoHyphenation")) is not None:
        return
    element = OxmlElement("w:autoHyphenation")
    tab_stop = settings.find(qn("w:defaultTabStop"))  # the schema's order: autoHyphenation follows it
    if tab_stop is not None:
        tab_stop.addnext(element)
    else:
        settings.insert(0, element)


def _no_borders(properties) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    properties.insert_element_before(borders, *TBLPR_AFTER_BORDERS)


def _plain_heading(style) -> None:
    """Word's «Heading 1» without its theme look (blue Calibri Light, 24 pt before): black Times, no spacing;
    it keeps its outline level, so the title shows in Word's navigation pane."""
    element = style.element
    rpr = element.find(qn("w:rPr"))
    if rpr is not None:
        element.remove(rpr)
    ppr = element.find(qn("w:pPr"))
    if ppr is not None:
        for child in list(ppr):
            if child.tag != qn("w:outlineLvl"):
                ppr.remove(child)
    fonts = element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
    style.font.color.rgb = None


def _on_element(tag: str):
    element = OxmlElement(tag)
    element.set(qn("w:val"), "true")
    return element
