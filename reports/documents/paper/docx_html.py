"""A Word document (.docx) as printable HTML for WeasyPrint: the PDF rendering of the same content.

Pure module (python-docx, no Django). It keeps what a school document uses: paragraph alignment,
indents and spacing, bold/italic/underline, font sizes, line and page breaks, tabs, tables with their
column widths, borders, merged cells and repeated header rows, the page size, orientation and margins,
and a page number at the foot of every page. Pictures, text boxes and footnotes are left out.
"""

from __future__ import annotations

import html
import io
from dataclasses import dataclass, field
from typing import Any

from docx import Document
from docx.oxml.ns import qn

TWIP_MM = 25.4 / 1440  # 1/20 pt in millimetres
EMU_MM = 1 / 36000

SERIF = "'Times New Roman', 'Liberation Serif', 'DejaVu Serif', serif"
SANS = "Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif"
SANS_FONTS = ("arial", "calibri", "helvetica", "verdana", "tahoma", "segoe", "liberation sans", "dejavu sans")


@dataclass
class _Style:
    """The formatting a paragraph style gives (after its base styles)."""

    align: str | None = None
    bold: bool | None = None
    italic: bool | None = None
    size_pt: float | None = None
    font: str | None = None
    first_line_mm: float | None = None
    left_mm: float | None = None
    right_mm: float | None = None
    before_pt: float | None = None
    after_pt: float | None = None
    line: float | None = None
    keep_next: bool | None = None
    caps: bool | None = None
    no_hyphens: bool | None = None  # w:suppressAutoHyphens (titles)


@dataclass
class _Converter:
    styles: dict[str, _Style] = field(default_factory=dict)
    default: _Style = field(default_factory=_Style)
    body: list[str] = field(default_factory=list)
    classes: dict[str, str] = field(default_factory=dict)  # declarations → class name

    def css_class(self, declarations: list[str]) -> str:
        """One class per distinct set of declarations: a 500-row table repeats a handful of them."""
        key = "; ".join(declarations)
        if key not in self.classes:
            self.classes[key] = f"s{len(self.classes)}"
        return self.classes[key]

    def stylesheet(self) -> str:
        return "\n".join(f".{name} {{ {key}; }}" for key, name in self.classes.items())


def _attr(element, name: str) -> str | None:
    return element.get(qn(name)) if element is not None else None


def _on(element) -> bool | None:
    """A w:b / w:i toggle: present and not switched off."""
    if element is None:
        return None
    value = _attr(element, "w:val")
    return value not in ("0", "false", "off")


def _read_ppr(ppr, style: _Style) -> None:
    if ppr is None:
        return
    jc = ppr.find(qn("w:jc"))
    if jc is not None:
        style.align = {
            "center": "center",
            "right": "right",
            "end": "right",
            "both": "justify",
            "distribute": "justify",
            "left": "left",
            "start": "left",
        }.get(_attr(jc, "w:val") or "", "left")
    ind = ppr.find(qn("w:ind"))
    if ind is not None:
        for attr, target in (("w:firstLine", "first_line_mm"), ("w:left", "left_mm"), ("w:start", "left_mm")):
            if (indent := _attr(ind, attr)) is not None:
                setattr(style, target, int(indent) * TWIP_MM)
        if (right := _attr(ind, "w:right")) is not None:
            style.right_mm = int(right) * TWIP_MM
        if (hanging := _attr(ind, "w:hanging")) is not None:
            style.first_line_mm = -int(hanging) * TWIP_MM
    spacing = ppr.find(qn("w:spacing"))
    if spacing is not None:
        if (before := _attr(spacing, "w:before")) is not None:
            style.before_pt = int(before) / 20
        if (after := _attr(spacing, "w:after")) is not None:
            style.after_pt = int(after) / 20
        if (line := _attr(spacing, "w:line")) is not None and _attr(spacing, "w:lineRule") in (None, "auto"):
            style.line = int(line) / 240
    if ppr.find(qn("w:keepNext")) is not None:
        style.keep_next = _on(ppr.find(qn("w:keepNext")))
    if ppr.find(qn("w:suppressAutoHyphens")) is not None:
        style.no_hyphens = _on(ppr.find(qn("w:suppressAutoHyphens")))


def _read_rpr(rpr, style: _Style) -> None:
    if rpr is None:
        return
    for tag, target in (("w:b", "bold"), ("w:i", "italic"), ("w:caps", "caps")):
        value = _on(rpr.find(qn(tag)))
        if value is not None:
            setattr(style, target, value)
    size = rpr.find(qn("w:sz"))
    if size is not None and (half_points := _attr(size, "w:val")):
        style.size_pt = int(half_points) / 2
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is not None:
        style.font = _attr(fonts, "w:ascii") or _attr(fonts, "w:hAnsi") or _attr(fonts, "w:cs") or style.font


def _merge(base: _Style, over: _Style) -> _Style:
    merged = _Style(**base.__dict__)
    for key, value in over.__dict__.items():
        if value is not None:
            setattr(merged, key, value)
    return merged


def _load_styles(document) -> _Converter:
    converter = _Converter()
    styles_element = document.styles.element
    defaults = styles_element.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr = defaults.find(qn("w:rPrDefault") + "/" + qn("w:rPr"))
        ppr = defaults.find(qn("w:pPrDefault") + "/" + qn("w:pPr"))
        _read_rpr(rpr, converter.default)
        _read_ppr(ppr, converter.default)
    raw: dict[str, tuple[str | None, _Style]] = {}
    for element in styles_element.findall(qn("w:style")):
        style_id = _attr(element, "w:styleId")
        if not style_id:
            continue
        own = _Style()
        _read_ppr(element.find(qn("w:pPr")), own)
        _read_rpr(element.find(qn("w:rPr")), own)
        based = element.find(qn("w:basedOn"))
        raw[style_id] = (_attr(based, "w:val") if based is not None else None, own)
        if _attr(element, "w:type") == "paragraph" and _attr(element, "w:default") in ("1", "true"):
            raw["__default_paragraph__"] = (style_id, _Style())

    def resolve(style_id: str, depth: int = 0) -> _Style:
        if style_id in converter.styles:
            return converter.styles[style_id]
        base_id, own = raw.get(style_id, (None, _Style()))
        base = resolve(base_id, depth + 1) if base_id and depth < 20 else converter.default
        converter.styles[style_id] = _merge(base, own)
        return converter.styles[style_id]

    for style_id in list(raw):
        resolve(style_id)
    return converter


def _font_family(font: str | None) -> str:
    if font and font.lower().startswith(SANS_FONTS):
        return SANS
    return SERIF


def _run_html(run, paragraph_style: _Style, converter: _Converter) -> str:
    style = _Style(**paragraph_style.__dict__)
    rpr = run.find(qn("w:rPr"))
    if rpr is not None:
        character_style = rpr.find(qn("w:rStyle"))
        if character_style is not None:
            style = _merge(style, converter.styles.get(_attr(character_style, "w:val") or "", _Style()))
        _read_rpr(rpr, style)
    underline = (
        rpr is not None and rpr.find(qn("w:u")) is not None and _attr(rpr.find(qn("w:u")), "w:val") != "none"
    )
    vanish = rpr is not None and _on(rpr.find(qn("w:vanish")))
    if vanish:
        return ""
    text = _run_text(run)
    if not text:
        return ""
    css = _run_css(style, paragraph_style, underline)
    return f'<span class="{converter.css_class(css)}">{text}</span>' if css else text


def _run_text(run) -> str:
    """A run's text as HTML: its text, tabs, line and page breaks, non-breaking hyphens."""
    parts: list[str] = []
    for child in run:
        tag = child.tag
        if tag == qn("w:t"):
            parts.append(html.escape(child.text or ""))
        elif tag == qn("w:tab"):
            parts.append('<span class="tab"></span>')
        elif tag in (qn("w:br"), qn("w:cr")):
            if _attr(child, "w:type") == "page":
                parts.append('</p><div class="page-break"></div><p>')
            else:
                parts.append("<br>")
        elif tag == qn("w:noBreakHyphen"):
            parts.append("\u2011")
    return "".join(parts)


def _run_css(style: _Style, paragraph_style: _Style, underline: bool) -> list[str]:
    """What a run's formatting changes against its paragraph's."""
    css = []
    if style.bold != paragraph_style.bold:
        css.append(f"font-weight: {'bold' if style.bold else 'normal'}")
    if style.italic != paragraph_style.italic:
        css.append(f"font-style: {'italic' if style.italic else 'normal'}")
    if style.size_pt and style.size_pt != paragraph_style.size_pt:
        css.append(f"font-size: {style.size_pt:g}pt")
    if underline:
        css.append("text-decoration: underline")
    if style.caps:
        css.append("text-transform: uppercase")
    if style.font and _font_family(style.font) != _font_family(paragraph_style.font):
        css.append(f"font-family: {_font_family(style.font)}")
    return css


def _paragraph_html(p, converter: _Converter) -> str:
    ppr = p.find(qn("w:pPr"))
    style = converter.default
    if ppr is not None and ppr.find(qn("w:pStyle")) is not None:
        style = converter.styles.get(_attr(ppr.find(qn("w:pStyle")), "w:val") or "", style)
    elif "__default_paragraph__" in converter.styles:
        style = converter.styles["__default_paragraph__"]
    style = _Style(**style.__dict__)
    _read_ppr(ppr, style)
    if ppr is not None:
        _read_rpr(ppr.find(qn("w:rPr")), _Style())  # the paragraph mark's formatting applies to no text
    page_break_before = ppr is not None and _on(ppr.find(qn("w:pageBreakBefore")))
    runs: list[str] = []
    for child in p:
        if child.tag == qn("w:r"):
            runs.append(_run_html(child, style, converter))
        elif child.tag in (qn("w:hyperlink"), qn("w:ins"), qn("w:smartTag"), qn("w:fldSimple")):
            runs.extend(_run_html(run, style, converter) for run in child.iter(qn("w:r")))
    content = "".join(runs) or "&nbsp;"
    prefix = '<div class="page-break"></div>' if page_break_before else ""
    return f'{prefix}<p class="{converter.css_class(_paragraph_css(style))}">{content}</p>'


def _paragraph_css(style: _Style) -> list[str]:
    """A paragraph's formatting as CSS declarations."""
    css = []
    if style.align:
        css.append(f"text-align: {style.align}")
    if style.first_line_mm:
        css.append(f"text-indent: {style.first_line_mm:.1f}mm")
    if style.left_mm:
        css.append(f"margin-left: {style.left_mm:.1f}mm")
    if style.right_mm:
        css.append(f"margin-right: {style.right_mm:.1f}mm")
    css.append(f"margin-top: {style.before_pt or 0:g}pt")
    css.append(f"margin-bottom: {style.after_pt or 0:g}pt")
    if style.line:
        css.append(f"line-height: {max(style.line, 1.0) * 1.15:.2f}")
    if style.bold:
        css.append("font-weight: bold")
    if style.italic:
        css.append("font-style: italic")
    if style.size_pt:
        css.append(f"font-size: {style.size_pt:g}pt")
    if style.caps:
        css.append("text-transform: uppercase")
    if style.font:
        css.append(f"font-family: {_font_family(style.font)}")
    if style.keep_next:
        css.append("break-after: avoid")
    if style.no_hyphens:
        css.append("hyphens: manual")
    return css


def _borders(tbl) -> bool:
    """True when the table draws its grid (its own borders or a grid table style)."""
    tblpr = tbl.find(qn("w:tblPr"))
    if tblpr is not None:
        borders = tblpr.find(qn("w:tblBorders"))
        if borders is not None:
            return any(
                (_attr(edge, "w:val") or "none") not in ("none", "nil")
                for edge in borders
                if edge.tag in (qn("w:insideH"), qn("w:insideV"), qn("w:top"), qn("w:left"))
            )
        style = tblpr.find(qn("w:tblStyle"))
        if style is not None:
            return "grid" in (_attr(style, "w:val") or "").lower()
    return False


def _table_html(tbl, converter: _Converter) -> str:
    grid = [int(_attr(col, "w:w") or 0) for col in tbl.findall(qn("w:tblGrid") + "/" + qn("w:gridCol"))]
    total = sum(grid) or 1
    bordered = _borders(tbl)
    rows = tbl.findall(qn("w:tr"))
    # vertical merges: a «restart» cell spans down over the «continue» cells below it
    spans: dict[tuple[int, int], int] = {}
    layout: list[list[tuple[int, Any, int, str | None]]] = []  # (column, the w:tc element, span, merge)
    for row in rows:
        column = 0
        cells = []
        for tc in row.findall(qn("w:tc")):
            tcpr = tc.find(qn("w:tcPr"))
            span = (
                int(_attr(tcpr.find(qn("w:gridSpan")), "w:val") or 1)
                if tcpr is not None and tcpr.find(qn("w:gridSpan")) is not None
                else 1
            )
            vmerge = None
            if tcpr is not None and tcpr.find(qn("w:vMerge")) is not None:
                vmerge = _attr(tcpr.find(qn("w:vMerge")), "w:val") or "continue"
            cells.append((column, tc, span, vmerge))
            column += span
        layout.append(cells)
    for row_index, cells in enumerate(layout):
        for column, _tc, _span, vmerge in cells:
            if vmerge == "restart":
                length = 1
                for below in layout[row_index + 1 :]:
                    if any(c == column and v == "continue" for c, _t, _s, v in below):
                        length += 1
                    else:
                        break
                spans[(row_index, column)] = length
    head: list[str] = []
    body: list[str] = []
    for row_index, (row, cells) in enumerate(zip(rows, layout, strict=True)):
        trpr = row.find(qn("w:trPr"))
        is_header = trpr is not None and _on(trpr.find(qn("w:tblHeader"))) and not body
        html_cells = []
        for column, tc, span, vmerge in cells:
            if vmerge == "continue":
                continue
            attributes = []
            if span > 1:
                attributes.append(f'colspan="{span}"')
            if spans.get((row_index, column), 1) > 1:
                attributes.append(f'rowspan="{spans[(row_index, column)]}"')
            if row_index == 0 and grid:
                width = sum(grid[column : column + span]) / total * 100
                attributes.append(f'style="width: {width:.1f}%"')
            content = "".join(
                _block_html(child, converter) for child in tc if child.tag in (qn("w:p"), qn("w:tbl"))
            )
            html_cells.append(f"<td {' '.join(attributes)}>{content}</td>")
        line = f"<tr>{''.join(html_cells)}</tr>"
        (head if is_header else body).append(line)
    colgroup = "".join(f'<col style="width: {width / total * 100:.1f}%">' for width in grid)
    css_class = "grid" if bordered else "plain"
    thead = f"<thead>{''.join(head)}</thead>" if head else ""
    return f'<table class="{css_class}"><colgroup>{colgroup}</colgroup>{thead}<tbody>{"".join(body)}</tbody></table>'


def _block_html(element, converter: _Converter) -> str:
    if element.tag == qn("w:p"):
        return _paragraph_html(element, converter)
    if element.tag == qn("w:tbl"):
        return _table_html(element, converter)
    if element.tag == qn("w:sdt"):
        content = element.find(qn("w:sdtContent"))
        return "".join(_block_html(child, converter) for child in content) if content is not None else ""
    return ""


@dataclass(frozen=True)
class Page:
    width_mm: float = 210
    height_mm: float = 297
    top_mm: float = 20
    right_mm: float = 10
    bottom_mm: float = 20
    left_mm: float = 30


def _page(body) -> Page:
    sectpr = body.find(qn("w:sectPr"))
    if sectpr is None:
        return Page()
    size = sectpr.find(qn("w:pgSz"))
    margins = sectpr.find(qn("w:pgMar"))

    def mm(element, name: str, default: float) -> float:
        value = _attr(element, name)
        return int(value) * TWIP_MM if value not in (None, "") else default

    return Page(
        width_mm=mm(size, "w:w", 210),
        height_mm=mm(size, "w:h", 297),
        top_mm=max(mm(margins, "w:top", 20), 8),
        right_mm=max(mm(margins, "w:right", 10), 5),
        bottom_mm=max(mm(margins, "w:bottom", 20), 12),
        left_mm=max(mm(margins, "w:left", 30), 5),
    )


def docx_to_html(content: bytes, *, title: str = "") -> str:
    """The whole HTML document for WeasyPrint, page numbers at the foot of every page but the first."""
    document = Document(io.BytesIO(content))
    converter = _load_styles(document)
    body = document.element.body
    blocks = [_block_html(child, converter) for child in body]
    page = _page(body)
    default = converter.styles.get("__default_paragraph__") or converter.default
    size = default.size_pt or 12
    # Word hyphenates when the document asks for it: the PDF then does too (body text and table cells)
    hyphenation = document.settings.element.find(qn("w:autoHyphenation"))
    hyphens = "auto" if hyphenation is not None and _on(hyphenation) else "manual"
    css = f"""
@page {{
  size: {page.width_mm:.1f}mm {page.height_mm:.1f}mm;
  margin: {page.top_mm:.1f}mm {page.right_mm:.1f}mm {page.bottom_mm:.1f}mm {page.left_mm:.1f}mm;
  @top-center {{ content: counter(page); font-family: {SERIF}; font-size: 10pt; }}
}}
@page :first {{ @top-center {{ content: none; }} }}
/* Word does not kern unless a run asks (w:kern); kerning pairs such as «ГЛ» in Liberation Serif Bold would also split words for text readers. */
body {{ font-family: {_font_family(default.font)}; font-size: {size:g}pt; line-height: 1.15; color: #000;
  font-kerning: none; }}
p {{ margin: 0; orphans: 2; widows: 2; hyphens: {hyphens}; }}
table {{ border-collapse: collapse; width: 100%; table-layout: fixed; margin: 0; }}
td {{ vertical-align: top; padding: 0.6mm 1.4mm; overflow-wrap: break-word; }}
thead td {{ hyphens: auto; }}
table.grid td {{ border: 0.5pt solid #000; }}
thead {{ display: table-header-group; }}
tr {{ break-inside: avoid; }}
.tab {{ display: inline-block; width: 12.5mm; }}
.page-break {{ break-after: page; }}
{converter.stylesheet()}
"""
    return (
        f'<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f"<style>{css}</style></head><body>{''.join(blocks)}</body></html>"
    )
