"""Reading the roadmap (дорожная карта) a school already keeps in Word or Excel.

Pure module: no Django, only python-docx and openpyxl; user-facing messages are marked with ``_()`` from
:mod:`mentoring.messages` and translated at call time. The reading pipeline:

1. **File → grids.** The type is detected by content, not by extension (a zip holding
   ``word/document.xml`` or ``xl/workbook.xml``; an OLE file is an old .doc/.xls or a password-protected
   one). Every Word table (nested ones too, in document order) and every Excel sheet becomes a
   :class:`_Table`: a rectangular grid of :class:`_Cell`. A merged cell keeps its text only at its
   top-left position; the positions it covers are empty (``covered_by`` points to the origin column
   for horizontal merges), so a merged section row reads as one cell spanning the row. Grids are capped
   at :data:`MAX_ROWS` × :data:`MAX_COLUMNS`. Library errors here become :class:`RoadmapFileError`.
2. **Header detection.** Among the first rows the header is the row whose cells name a content column
   («Мероприятие», «Содержание»…) and a period or responsible column, whatever the order; title rows above
   it are skipped. Header words are normalised (case, ё/е, punctuation). A second header row is either a
   numbering row «1 2 3 4 5» (skipped) or sub-headers under merged upper cells (combined with them).
   A header with several year columns, a name column and no period/responsible column is a KPI-target
   table instead. A later row that is itself a header starts a new part of the grid (a repeated header
   is skipped; a KPI header under the plan switches to KPI targets).
3. **Row classification.** Each data row is empty (skipped), a numbering row (skipped), a note
   («* …», «Примечание…», skipped), a section heading, an event, or the continuation of the previous
   event. See :func:`_classify_events` for the rules.
4. **Events/sections or KPI targets.** Events get their periods from :func:`roadmap.periods.parse_periods`,
   their responsible people split by :func:`split_responsible`, and Russian warnings.

A table without a header right after an events table of the same width is read as its continuation
(Word documents are sometimes split into several tables page by page).
"""

from __future__ import annotations

import datetime as dt
import enum
import io
import re
import warnings as py_warnings
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import docx
import openpyxl
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from mentoring.messages import _
from roadmap.periods import Period, parse_periods

MAX_ROWS = 5000
MAX_COLUMNS = 50
MAX_XML_BYTES = 50 * 1024 * 1024  # unpacked XML of the whole file (images do not count)
HEADER_SEARCH_ROWS = 30
MAX_HEADER_LABEL = 80
STRICT_HEADER_LABEL = 40  # a header found below data rows has short labels only

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


# Messages for the curator, built at call time so that the translator set at start-up applies.


def message_empty() -> str:
    return _("The file is empty.")


def message_old_or_encrypted() -> str:
    return _(
        "The file is password-protected or saved in an old format (.doc/.xls). "
        "Save it as .docx or .xlsx without a password and upload it again."
    )


def message_unreadable() -> str:
    return _(
        "Could not read the file: it is neither a Word document (.docx) nor an Excel workbook (.xlsx), "
        "or the file is damaged."
    )


def message_open_document(kind: str) -> str:
    """A LibreOffice file: say how to save it in a format the import reads."""
    if kind == "ods":
        return _(
            "This is an OpenDocument spreadsheet (.ods). Open it in LibreOffice or Excel, choose "
            "«Save as» → «Excel 2007-365 (.xlsx)» and upload the .xlsx file."
        )
    return _(
        "This is an OpenDocument text (.odt). Open it in LibreOffice or Word, choose "
        "«Save as» → «Word 2007-365 (.docx)» and upload the .docx file."
    )


def open_document_kind(data: bytes, filename: str) -> str | None:
    """'ods' or 'odt' for an OpenDocument file (by its ``mimetype`` member, else, for a file that is no
    Word or Excel file either, by its name), else None."""
    mimetype = _zip_member(data, "mimetype")[:100].decode("ascii", "replace")
    if mimetype.startswith("application/vnd.oasis.opendocument.spreadsheet"):
        return "ods"
    if mimetype.startswith("application/vnd.oasis.opendocument.text"):
        return "odt"
    extension = filename.lower().rsplit(".", 1)[-1] if "." in filename else ""
    return extension if extension in ("ods", "odt") and not _is_office_open_xml(data) else None


def _zip_member(data: bytes, name: str) -> bytes:
    """A small member of a zip file, or b"" (not a zip, damaged, or no such member)."""
    if not data.startswith(b"PK"):
        return b""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo(name)
            return archive.read(info)[:1000] if info.file_size <= 1000 else b""
    except Exception:  # BadZipFile, KeyError, OSError…: not an OpenDocument package
        return b""


def _is_office_open_xml(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except Exception:
        return False
    return "word/document.xml" in names or "xl/workbook.xml" in names


def message_too_big() -> str:
    return _("The file is too large for a roadmap upload.")


def message_no_tables() -> str:
    return _("No tables were found in the file.")


def message_no_header() -> str:
    # the column names are the header words a school writes in its file, not translated
    return _(
        "The header row of the events table was not found: the table needs the columns «%(event)s» "
        "(or «%(content)s») and «%(period)s» or «%(responsible)s»."
    ) % {"event": "Мероприятие", "content": "Содержание", "period": "Сроки", "responsible": "Ответственный"}


class RoadmapFileError(Exception):
    """The file cannot be read; str(error) is a clear message for the curator (translated)."""


# --------------------------------------------------------------------------------------------------
# Public result
# --------------------------------------------------------------------------------------------------


@dataclass
class ParsedEvent:
    number: str | None
    title: str
    period_text: str
    periods: list[Period]
    responsible: list[str]
    expected_result: str
    kpi: str
    warnings: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return {
            "number": self.number,
            "title": self.title,
            "periods": [_period_json(period) for period in self.periods],
            "responsible": list(self.responsible),
            "expected_result": self.expected_result,
            "kpi": self.kpi,
            "warnings": list(self.warnings),
        }


@dataclass
class ParsedSection:
    title: str
    events: list[ParsedEvent] = field(default_factory=list)


@dataclass
class KpiTarget:
    name: str
    targets: dict[str, float]
    final: str = ""


@dataclass
class ParsedRoadmap:
    sections: list[ParsedSection] = field(default_factory=list)
    kpi_targets: list[KpiTarget] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    shifted_years: int = 0  # the dates were moved by this many years (last year's roadmap reused)

    @property
    def events_count(self) -> int:
        return sum(len(section.events) for section in self.sections)

    def as_json(self, start_year: int) -> dict:
        return {
            "academic_year": f"{start_year}/{start_year + 1}",
            "sections": [
                {"title": section.title, "events": [event.as_json() for event in section.events]}
                for section in self.sections
            ],
            "kpi_targets": [
                {"name": kpi.name, "targets": dict(kpi.targets), "final": kpi.final}
                for kpi in self.kpi_targets
            ],
            "warnings": list(self.warnings),
        }


def _period_json(period: Period) -> dict:
    return {
        "start": period.start.isoformat() if period.start else None,
        "end": period.end.isoformat() if period.end else None,
        "yearly": period.yearly,
        "text": period.text,
        "recurrence": (
            {
                "unit": period.recurrence.unit,
                "day": period.recurrence.day,
                "weekday": period.recurrence.weekday,
            }
            if period.recurrence
            else None
        ),
    }


def read_roadmap(data: bytes, filename: str, start_year: int) -> ParsedRoadmap:
    """Read every table of a .docx/.xlsx roadmap; raise RoadmapFileError when the file is unusable."""
    hidden: list[str] = []
    tables, warnings = _read_grids(data, filename, hidden)
    try:
        if not any(table.has_text for table in tables):
            raise RoadmapFileError(message_no_tables())
        roadmap = ParsedRoadmap(warnings=warnings)
        _Reader(roadmap, start_year).read(tables)
    except RoadmapFileError as error:
        if hidden:  # say why the table may be missing
            raise RoadmapFileError(f"{error} {' '.join(hidden)}") from error
        raise
    return roadmap


# --------------------------------------------------------------------------------------------------
# 1. File → grids
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Cell:
    text: str = ""
    span: int = 1  # grid columns covered, at the origin of a merged cell
    covered_by: int | None = None  # for a position covered by a merge from the left: the origin column
    inherited: bool = False  # the text of a cell merged down from a row above («в течение года» over 3 rows)


_EMPTY = _Cell()


@dataclass
class _Table:
    label: str  # "Table 2" or "Sheet «План»" (translated), for messages
    rows: list[list[_Cell]]
    row_numbers: list[int]  # the row number as the curator sees it (1-based), per grid row
    caption: str = ""  # Word: the paragraph right above the table («2. Форма «учитель – учитель»»)

    @property
    def has_text(self) -> bool:
        return any(cell.text for row in self.rows for cell in row)

    @property
    def width(self) -> int:
        return len(self.rows[0]) if self.rows else 0

    @cached_property
    def own_rows(self) -> list[list[_Cell]]:
        """The rows without the text merged down from above: what each row says itself (headers, sections)."""
        return [_own(row) for row in self.rows]


def _own(row: list[_Cell]) -> list[_Cell]:
    if not any(cell.inherited for cell in row):
        return row
    return [_EMPTY if cell.inherited else cell for cell in row]


def _read_grids(data: bytes, filename: str, hidden: list[str]) -> tuple[list[_Table], list[str]]:
    """The file's tables and warnings; the warnings about hidden sheets are also added to ``hidden``."""
    kind = _detect_kind(data, filename)
    warnings: list[str] = []
    try:
        with py_warnings.catch_warnings():
            py_warnings.simplefilter("ignore")
            tables = _docx_tables(data, warnings) if kind == "docx" else _xlsx_tables(data, warnings, hidden)
    except Exception as error:  # any library failure on a damaged file
        raise RoadmapFileError(message_unreadable()) from error
    return tables, warnings


def _detect_kind(data: bytes, filename: str) -> str:
    """'docx' or 'xlsx', decided by the bytes; the extension only breaks a tie."""
    if not data:
        raise RoadmapFileError(message_empty())
    if open_document := open_document_kind(data, filename):
        raise RoadmapFileError(message_open_document(open_document))
    if data.startswith(OLE_SIGNATURE):
        raise RoadmapFileError(message_old_or_encrypted())
    if not data.startswith(b"PK"):
        raise RoadmapFileError(message_unreadable())
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except Exception as error:  # BadZipFile, OSError, EOFError…
        raise RoadmapFileError(message_unreadable()) from error
    if sum(info.file_size for info in infos if info.filename.endswith(".xml")) > MAX_XML_BYTES:
        raise RoadmapFileError(message_too_big())
    names = {info.filename for info in infos}
    is_docx = "word/document.xml" in names
    is_xlsx = "xl/workbook.xml" in names
    if is_docx and is_xlsx:
        return "xlsx" if filename.lower().endswith((".xlsx", ".xlsm")) else "docx"
    if is_docx:
        return "docx"
    if is_xlsx:
        return "xlsx"
    raise RoadmapFileError(message_unreadable())


def clean_text(text: str) -> str:
    """Cell text as written, tidied: lines stripped, inner runs of spaces collapsed, empty lines dropped."""
    text = text.replace("\xa0", " ").replace("\xad", "").replace("\u200b", "").replace("\r", "\n")
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line and not _is_placeholder(line))


def _is_placeholder(text: str) -> bool:
    """«_____», «—», «…»: a blank to fill in, not a value."""
    return not re.sub(r"[\s_\-–—.…]", "", text)


def _limit_warnings(label: str, rows_cut: bool, columns_cut: bool) -> list[str]:
    warnings = []
    if rows_cut:
        warnings.append(
            _("%(table)s: only the first %(count)s rows were read, the rest were skipped.")
            % {"table": label, "count": MAX_ROWS}
        )
    if columns_cut:
        warnings.append(
            _("%(table)s: only the first %(count)s columns were read, the rest were skipped.")
            % {"table": label, "count": MAX_COLUMNS}
        )
    return warnings


# ---- Word ----


def _docx_tables(data: bytes, warnings: list[str]) -> list[_Table]:
    document = docx.Document(io.BytesIO(data))
    tables = []
    for index, tbl in enumerate(document.element.body.iter(qn("w:tbl")), start=1):
        label = _("Table %(number)s") % {"number": index}
        rows, rows_cut, columns_cut = _docx_grid(tbl)
        warnings.extend(_limit_warnings(label, rows_cut, columns_cut))
        rows_numbers = list(range(1, len(rows) + 1))
        tables.append(_Table(label=label, rows=rows, row_numbers=rows_numbers, caption=_caption(tbl)))
    return tables


MAX_CAPTION = 200


def _paragraph_text(element) -> str:
    """The text of a ``w:p`` element. python-docx types a paragraph's parent as required; reading the text
    never touches it, so none is given."""
    return Paragraph(element, None).text  # type: ignore[arg-type]  # no parent part: only the text is read


def _caption(tbl) -> str:
    """The last non-empty paragraph before a top-level table, if short: a heading over the plan."""
    if tbl.getparent() is None or tbl.getparent().tag != qn("w:body"):
        return ""
    sibling = tbl.getprevious()
    while sibling is not None and sibling.tag == qn("w:p"):
        text = clean_text(_paragraph_text(sibling))
        if text:
            return text if len(text) <= MAX_CAPTION and "\n" not in text else ""
        sibling = sibling.getprevious()
    return ""


def _docx_grid(tbl) -> tuple[list[list[_Cell]], bool, bool]:
    """The table's grid; horizontally covered positions point to their origin, and a vertically merged
    continuation carries the text of the cell it continues, marked ``inherited``."""
    rows: list[list[_Cell]] = []
    columns_cut = False
    above: dict[int, str] = {}  # grid column → the text of the last cell that started there
    tr_list = tbl.findall(qn("w:tr"))
    for tr in tr_list[:MAX_ROWS]:
        row: list[_Cell] = [_EMPTY] * (tr.grid_before or 0)
        for tc in tr.findall(qn("w:tc")):
            span = max(1, tc.grid_span or 1)
            origin = len(row)
            inherited = tc.vMerge == "continue"
            text = above.get(origin, "") if inherited else _docx_cell_text(tc)
            if not inherited:
                above[origin] = text
            row.append(_Cell(text=text, span=span, inherited=inherited) if text or span > 1 else _EMPTY)
            row.extend(
                _Cell(covered_by=origin, inherited=inherited) if text else _EMPTY for _ in range(span - 1)
            )
        if len(row) > MAX_COLUMNS:
            columns_cut = columns_cut or any(cell.text for cell in row[MAX_COLUMNS:])
            row = _cut_row(row)
        rows.append(row)
    return _rectangular(rows), len(tr_list) > MAX_ROWS, columns_cut


def _docx_cell_text(tc) -> str:
    """Paragraphs of the cell (and of content controls in it), one per line; nested tables excluded."""
    paragraphs = []
    for child in tc.iterchildren():
        if child.tag == qn("w:p"):
            paragraphs.append(child)
        elif child.tag == qn("w:sdt"):
            paragraphs.extend(child.iter(qn("w:p")))
    return clean_text("\n".join(_paragraph_text(p) for p in paragraphs))


def _cut_row(row: list[_Cell]) -> list[_Cell]:
    row = row[:MAX_COLUMNS]
    return [
        _Cell(text=cell.text, span=min(cell.span, MAX_COLUMNS - index), covered_by=cell.covered_by)
        for index, cell in enumerate(row)
    ]


def _rectangular(rows: list[list[_Cell]]) -> list[list[_Cell]]:
    width = max((len(row) for row in rows), default=0)
    return [row + [_EMPTY] * (width - len(row)) for row in rows]


# ---- Excel ----


def _xlsx_tables(data: bytes, warnings: list[str], hidden: list[str]) -> list[_Table]:
    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=False, data_only=True)
    tables = []
    for sheet in workbook.worksheets:
        if not hasattr(sheet, "merged_cells"):  # chartsheets
            continue
        label = _("Sheet «%(name)s»") % {"name": sheet.title}
        if sheet.sheet_state != "visible":  # the curator imports what she sees in Excel
            hidden.append(_("%(table)s is hidden and was not read.") % {"table": label})
            warnings.append(hidden[-1])
            continue
        rows, row_numbers = _xlsx_grid(sheet)
        warnings.extend(_limit_warnings(label, sheet.max_row > MAX_ROWS, sheet.max_column > MAX_COLUMNS))
        tables.append(_Table(label=label, rows=rows, row_numbers=row_numbers))
    return tables


def _xlsx_grid(sheet) -> tuple[list[list[_Cell]], list[int]]:
    max_row = min(sheet.max_row, MAX_ROWS)
    max_col = min(sheet.max_column, MAX_COLUMNS)
    spans: dict[tuple[int, int], int] = {}
    covered: dict[tuple[int, int], int] = {}  # a position right of a merge's origin → the origin column
    below: dict[tuple[int, int], tuple[int, int]] = {}  # the first column of a row below → the origin
    for merged in sheet.merged_cells.ranges:
        if merged.min_row > max_row or merged.min_col > max_col:
            continue
        span = min(merged.max_col, max_col) - merged.min_col + 1
        spans[merged.min_row, merged.min_col] = span
        for row_number in range(merged.min_row, min(merged.max_row, max_row) + 1):
            if row_number != merged.min_row:
                below[row_number, merged.min_col] = (merged.min_row, merged.min_col)
            for col in range(merged.min_col + 1, min(merged.max_col, max_col) + 1):
                covered[row_number, col] = merged.min_col - 1
    rows: list[list[_Cell]] = []
    for r, cells in enumerate(sheet.iter_rows(min_row=1, max_row=max_row, max_col=max_col), start=1):
        row: list[_Cell] = []
        for c, cell in enumerate(cells, start=1):
            if (r, c) in below:  # merged down from a row above: the same text, inherited
                origin_row, origin_col = below[r, c]
                source = rows[origin_row - 1][origin_col - 1]
                span = spans[origin_row, origin_col]
                row.append(_Cell(text=source.text, span=span, inherited=True) if source.text else _EMPTY)
                continue
            if (r, c) in covered:
                origin = covered[r, c]
                if row[origin].text:
                    row.append(_Cell(covered_by=origin, inherited=row[origin].inherited))
                else:
                    row.append(_EMPTY)
                continue
            text = _xlsx_value_text(cell.value, cell.number_format)
            span = spans.get((r, c), 1)
            row.append(_Cell(text=text, span=span) if text or span > 1 else _EMPTY)
        rows.append(row)
    return _rectangular(rows), list(range(1, len(rows) + 1))


def _xlsx_value_text(value: object, number_format: str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "да" if value else "нет"
    if isinstance(value, dt.date) and (shown := _month_format(number_format)):
        # «сентябрь 2026» typed into a month-formatted cell is the whole month, not its first day
        month = MONTH_NAMES[value.month - 1]
        return f"{month} {value.year}" if shown == "month_year" else month
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.strftime("%d.%m.%Y")
        return value.strftime("%d.%m.%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, int | float):
        if number_format and "%" in number_format:
            return f"{_format_number(value * 100)}%"
        return _format_number(value)
    return clean_text(str(value))


MONTH_NAMES = (
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
)


def _month_format(number_format: str | None) -> str | None:
    """'month_year' for «mmmm yyyy», «mmm-yy», «[$-419]MMMM YYYY;@», «mm.yyyy»; 'month' for «mmmm»;
    None for a format that shows a day (or a time)."""
    if not number_format:
        return None
    shown = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", number_format).split(";")[0].lower()
    if "m" not in shown or any(letter in shown for letter in "dhs"):
        return None
    return "month_year" if "y" in shown else "month"


def _format_number(value: float) -> str:
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.10g}"


# --------------------------------------------------------------------------------------------------
# 2. Header detection
# --------------------------------------------------------------------------------------------------


class Role(enum.Enum):
    NUMBER = "number"
    CONTENT = "content"
    PERIOD = "period"
    RESPONSIBLE = "responsible"
    RESULT = "result"
    KPI = "kpi"
    STAGE = "stage"


# Checked in this order: «Показатели реализации мероприятий» is KPI, «Срок исполнения» a period,
# «Наименование мероприятия» content. Stems match the start of a word; phrases match whole words.
_ROLE_WORDS: tuple[tuple[Role, tuple[str, ...]], ...] = (
    (Role.KPI, ("показател", "индикатор", "критери", "эффективност")),
    (Role.RESULT, ("результат", "вид документа", "форма представления", "документ", "продукт")),
    (Role.PERIOD, ("срок", "дата", "даты", "период", "время проведения", "месяц")),
    (Role.RESPONSIBLE, ("ответствен", "исполнител")),
    (Role.CONTENT, ("мероприят", "содержани", "наименовани", "деятельност")),
    (Role.STAGE, ("этап", "раздел")),
)
_NUMBER_HEADERS = {"n", "no", "nn", "номер", "п п", "n п п", "no п п", "пп"}
_FINAL_WORDS = ("итог", "целев", "на выходе", "результат", "ожидаем", "планов")
_KPI_NAME_WORDS = ("показател", "индикатор", "наименовани", "критери", "мероприят", "содержани")

_YEAR_HEADER = re.compile(
    r"^(?:на\s+)?(20\d\d)(?:\s*[-–—/]\s*(?:20)?\d\d)?\s*(?:г|гг|год|года|уч\.?\s*г(?:од)?|учебный год)?\.?$"
)


def normalise(text: str) -> str:
    """Header words for matching: lower case, ё→е, punctuation to spaces, single spaces."""
    text = text.lower().replace("ё", "е")
    text = re.sub(r"[^\w№]+", " ", text)
    return " ".join(text.replace("_", " ").split())


def _has_word(label: str, word: str) -> bool:
    if " " in word:
        return f" {word} " in f" {label} "
    return any(token.startswith(word) for token in label.split())


@lru_cache(maxsize=4096)
def column_role(text: str) -> Role | None:
    label = normalise(text)
    if not label or len(label) > MAX_HEADER_LABEL:
        return None
    if label.startswith("№") or label in _NUMBER_HEADERS:
        return Role.NUMBER
    for role, words in _ROLE_WORDS:
        if any(_has_word(label, word) for word in words):
            return role
    return None


@lru_cache(maxsize=4096)
def year_of_header(text: str) -> str | None:
    """«2020», «2020 г.», «2020-2021», «2020/21 уч. год» → "2020" (an academic year by its first year)."""
    match = _YEAR_HEADER.match(" ".join(text.lower().split()))
    return match.group(1) if match else None


@dataclass
class _EventsLayout:
    columns: dict[Role, list[int]]
    header_texts: tuple[str, ...]
    width: int


@dataclass
class _KpiLayout:
    name_col: int
    year_cols: list[tuple[int, str]]
    final_col: int | None


_Layout = _EventsLayout | _KpiLayout


def _header_labels(rows: list[list[_Cell]], index: int) -> tuple[list[str], int]:
    """Per-column header labels from row ``index`` (spread over merged cells), plus the next data row.

    A numbering row «1 2 3 4 5» under the header is skipped. Sub-headers under merged upper cells
    («Сроки» over «начало | окончание») are combined: the sub-header wins when it names a role or a year,
    otherwise the upper label is kept.
    """
    header = rows[index]
    labels = [_spread_text(header, col) for col in range(len(header))]
    following = index + 1
    if following < len(rows) and _is_sub_header(header, rows[following]):
        sub = rows[following]
        for col, cell in enumerate(sub):
            if cell.text and (column_role(cell.text) or year_of_header(cell.text) or not labels[col]):
                labels[col] = cell.text
        following += 1
    while following < len(rows) and _is_numbering_row(rows[following]):
        following += 1
    return labels, following


def _spread_text(row: list[_Cell], col: int) -> str:
    cell = row[col]
    return row[cell.covered_by].text if cell.covered_by is not None else cell.text


def _is_sub_header(header: list[_Cell], row: list[_Cell]) -> bool:
    """Cells of ``row`` only under cells of ``header`` merged across several columns."""
    under_merged = {
        col
        for col, cell in enumerate(header)
        if cell.span > 1 or cell.covered_by is not None or (not cell.text and col > 0)
    }
    filled = {col for col, cell in enumerate(row) if cell.text}
    return bool(filled) and filled <= under_merged and any(cell.span > 1 for cell in header)


def _is_numbering_row(row: list[_Cell]) -> bool:
    """«1 | 2 | 3 | 4 | 5»: the column numbers printed under a header."""
    texts = [cell.text for cell in row if cell.text]
    if len(texts) < 2 or not all(re.fullmatch(r"\d{1,2}\.?", text) for text in texts):
        return False
    numbers = [int(text.rstrip(".")) for text in texts]
    return all(b == a + 1 for a, b in zip(numbers, numbers[1:], strict=False))


def _layout_from_labels(labels: list[str], strict: bool) -> _Layout | None:
    """The events or KPI layout these header labels describe, or None.

    ``strict`` (for a header in the middle of a grid) also requires every labelled column to be known,
    so that a data row that happens to contain «сроки» and «мероприятия» is not taken for a header.
    """
    if strict and any(len(normalise(label)) > STRICT_HEADER_LABEL for label in labels):
        return None
    roles: dict[int, Role] = {}
    years: list[tuple[int, str]] = []
    unknown = 0
    for col, label in enumerate(labels):
        if not label:
            continue
        year = year_of_header(label)
        role = None if year else column_role(label)
        if year:
            years.append((col, year))
        elif role:
            roles[col] = role
        elif not any(_has_word(normalise(label), word) for word in _FINAL_WORDS):
            unknown += 1
    if strict and unknown:
        return None
    found = set(roles.values())
    header_texts = tuple(normalise(label) for label in labels)
    if Role.CONTENT in found and found & {Role.PERIOD, Role.RESPONSIBLE}:
        columns: dict[Role, list[int]] = {}
        for col, role in roles.items():
            columns.setdefault(role, []).append(col)
        return _EventsLayout(columns=columns, header_texts=header_texts, width=len(labels))
    if len(years) >= 2 and not found & {Role.PERIOD, Role.RESPONSIBLE}:
        return _kpi_layout(labels, roles, years)
    return None


def _kpi_layout(labels: list[str], roles: dict[int, Role], years: list[tuple[int, str]]) -> _KpiLayout | None:
    """Indicator name: the first column named like one («Наименование показателя»), else the first before
    the years. Final value: a column named «Итоговое/Целевое значение», «Результат на выходе…»."""
    year_cols = {col for col, _ in years}
    others = [col for col in range(len(labels)) if col not in year_cols and roles.get(col) != Role.NUMBER]
    named = [col for col in others if any(_has_word(normalise(labels[col]), w) for w in _KPI_NAME_WORDS)]
    before_years = [col for col in others if col < min(year_cols)]
    candidates = named or before_years or others
    if not candidates:
        return None
    name_col = candidates[0]
    finals = [
        col
        for col in others
        if col != name_col and any(_has_word(normalise(labels[col]), w) for w in _FINAL_WORDS)
    ]
    return _KpiLayout(
        name_col=name_col,
        year_cols=years,
        final_col=finals[0] if finals else None,
    )


def _find_header(
    rows: list[list[_Cell]], start: int, limit: int, strict: bool
) -> tuple[_Layout, int, int] | None:
    """(layout, header row, first data row) of the first header among rows[start:limit]."""
    for index in range(start, min(limit, len(rows))):
        if not any(cell.text for cell in rows[index]):
            continue
        labels, data_start = _header_labels(rows, index)
        layout = _layout_from_labels(labels, strict)
        if layout is not None:
            return layout, index, data_start
    return None


# --------------------------------------------------------------------------------------------------
# 3. Row classification, 4. events/sections and KPI targets
# --------------------------------------------------------------------------------------------------

# «1.», «1.1», «3.1.2.» at the start of a cell (a lone «1» is not taken from running text)
_LEADING_NUMBER = re.compile(r"^(\d{1,3}(?:\.\d{1,3})*\.|\d{1,3}(?:\.\d{1,3})+)(?:\s+|(?=[А-ЯЁA-Z«\"]))")
_COLUMN_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,3})*\.?$")
_ROMAN_HEADING = re.compile(r"^([IVXLC]{1,6})[.)]?\s+\S")
_WORD_HEADING = re.compile(
    r"^(?:раздел|этап|блок|модуль|направление)\s+(?:\d{1,2}|[ivxlc]{1,6})\b", re.IGNORECASE
)
_NOTE = re.compile(r"^(?:\*|примечани|итого\b)", re.IGNORECASE)

# Columns in the order they claim a merged cell covering several of them.
_ROLE_PRIORITY = (Role.CONTENT, Role.PERIOD, Role.RESPONSIBLE, Role.RESULT, Role.KPI, Role.NUMBER, Role.STAGE)
_JOINERS = {Role.PERIOD: " – ", Role.CONTENT: "\n"}


@dataclass
class _Draft:
    """An event while its rows are being read (continuation rows add to it)."""

    number: str | None
    title: str
    row_number: int
    period: list[str] = field(default_factory=list)
    responsible: list[str] = field(default_factory=list)
    result: list[str] = field(default_factory=list)
    kpi: list[str] = field(default_factory=list)

    def add(self, fields: dict[Role, str]) -> None:
        for role, target in (
            (Role.PERIOD, self.period),
            (Role.RESPONSIBLE, self.responsible),
            (Role.RESULT, self.result),
            (Role.KPI, self.kpi),
        ):
            if fields.get(role):
                target.append(fields[role])


def _row_fields(row: list[_Cell], columns: dict[Role, list[int]]) -> dict[Role, str]:
    """Text per role; a cell merged over several columns belongs to the most important of them."""
    owner: dict[int, Role] = {}
    for role in _ROLE_PRIORITY:
        for col in columns.get(role, ()):
            if col >= len(row):
                continue
            covered_by = row[col].covered_by
            origin = covered_by if covered_by is not None else col
            owner.setdefault(origin, role)
    parts: dict[Role, list[str]] = {}
    for origin in sorted(owner):
        if row[origin].text:
            parts.setdefault(owner[origin], []).append(row[origin].text)
    return {role: _join(role, texts) for role, texts in parts.items()}


def _join(role: Role, texts: list[str]) -> str:
    if role == Role.CONTENT and len(texts) > 1 and _COLUMN_NUMBER.match(texts[0]):
        return texts[0] + " " + "\n".join(texts[1:])  # «1.1.» in its own column under «Мероприятие»
    return _JOINERS.get(role, "\n").join(texts)


def _merged_heading(row: list[_Cell], columns: dict[Role, list[int]]) -> str | None:
    """Section rule (a): the row is one cell merged across columns (or one text repeated in 3+ cells).

    A number in its own «№» cell before the merged title is kept in front of it: «1. Подготовка…».
    """
    filled = [(col, cell) for col, cell in enumerate(row) if cell.text]
    prefix = ""
    number_cols = columns.get(Role.NUMBER, [])
    if len(filled) >= 2 and filled[0][0] in number_cols and filled[0][1].span == 1:
        prefix = filled[0][1].text
        filled = filled[1:]
    texts = {cell.text for _, cell in filled}
    if len(texts) != 1 or not (len(filled) >= min(3, len(row)) or filled[0][1].span >= 2):
        return None
    return f"{prefix} {texts.pop()}".strip()


def _split_number(text: str) -> tuple[str | None, str]:
    """«1.1. Изучение…» → ("1.1.", "Изучение…"); a cell listing «1. …⏎2. …» keeps its numbers."""
    match = _LEADING_NUMBER.match(text)
    if not match:
        return None, text
    later_items = [found for line in text.split("\n")[1:] if (found := _LEADING_NUMBER.match(line))]
    depth = _depth(match.group(1))
    if any(_depth(found.group(1)) == depth for found in later_items):
        return None, text
    return match.group(1), text[match.end() :].lstrip()


def _depth(number: str) -> int:
    return len([part for part in number.split(".") if part])


def _numbered_heading_level(number: str | None, content: str) -> str | None:
    """'word' for «Раздел 2.»/«I.», 'arabic' for «1.»-style numbers, None when not numbered."""
    if _WORD_HEADING.match(content) or _ROMAN_HEADING.match(content):
        return "word"
    if number and re.fullmatch(r"[IVXLC]{1,6}\.?", number):
        return "word"
    if number:
        return "arabic"
    return None


class _Reader:
    """Turns the grids into sections, events and KPI targets of one ParsedRoadmap."""

    def __init__(self, roadmap: ParsedRoadmap, start_year: int) -> None:
        self.roadmap = roadmap
        self.start_year = start_year
        self.section: ParsedSection | None = None
        self.last_events_layout: _EventsLayout | None = None
        self.found_events_table = False
        self.use_captions = False
        self.caption = ""

    # ---- tables and their parts ----

    def read(self, tables: list[_Table]) -> None:
        # several plans in one document: each is a section named by the heading above it, unless it
        # has sections of its own
        headed = [
            table
            for table in tables
            if table.has_text and _find_header(table.own_rows, 0, HEADER_SEARCH_ROWS, strict=False)
        ]
        self.use_captions = len(headed) >= 2
        for table in tables:
            if table.has_text:
                self._read_table(table)
            else:
                self.last_events_layout = None
        if not self.found_events_table:
            raise RoadmapFileError(message_no_header())
        if self.roadmap.events_count == 0 and not self.roadmap.kpi_targets:
            raise RoadmapFileError(_("No events were found in the table."))
        if self.roadmap.events_count == 0:
            self.roadmap.warnings.append(_("No events were found in the table."))

    def _read_table(self, table: _Table) -> None:
        rows = table.own_rows
        found = _find_header(rows, 0, HEADER_SEARCH_ROWS, strict=False)
        if found is None:
            previous = self.last_events_layout
            if previous is not None and previous.width == table.width >= 3:
                self._read_events(table, previous, 0, len(rows))  # a continuation of the previous table
                return
            self.last_events_layout = None
            self.roadmap.warnings.append(
                _(
                    "%(table)s does not look like an events plan and was skipped: "
                    "no header row was found in it."
                )
                % {"table": table.label}
            )
            return
        self.section = None
        self.caption = table.caption if self.use_captions else ""
        for layout, start, end in self._parts(rows, found):
            if isinstance(layout, _EventsLayout):
                self._read_events(table, layout, start, end)
            else:
                self._read_kpi(table, layout, start, end)
                self.last_events_layout = None

    def _parts(
        self, rows: list[list[_Cell]], first: tuple[_Layout, int, int]
    ) -> Iterator[tuple[_Layout, int, int]]:
        """(layout, first data row, end) for each header found in the grid, in order."""
        layout, _header_row, start = first
        while True:
            following = _find_header(rows, start, len(rows), strict=True)
            end = following[1] if following else len(rows)
            yield layout, start, end
            if following is None:
                return
            layout, _header_row, start = following

    # ---- events ----

    def _read_events(self, table: _Table, layout: _EventsLayout, start: int, end: int) -> None:
        self.found_events_table = True
        self.last_events_layout = layout
        drafts = self._classify_events(table, layout, start, end)
        for section, draft in drafts:
            event = self._finish(draft)
            section.events.append(event)
            self.roadmap.warnings.extend(
                _("%(table)s, row %(row)s («%(event)s»): %(warning)s")
                % {"table": table.label, "row": draft.row_number, "event": _short(event), "warning": warning}
                for warning in event.warnings
            )

    def _classify_events(
        self, table: _Table, layout: _EventsLayout, start: int, end: int
    ) -> list[tuple[ParsedSection, _Draft]]:
        """Sections and event drafts of rows[start:end].

        Row rules, in order:
        - empty rows, numbering rows «1 2 3 4 5», a repeated header and notes («* …», «Примечание») are skipped;
        - (a) one cell merged across the row, or one text repeated in 3+ cells → a section;
        - (c) a new value in the stage column («Этап»/«Раздел») → a section; blank stage cells continue it;
        - (b) a numbered row whose period/responsible/result/KPI cells are empty → a section when its
          number is «Раздел 2.», «Этап 1», Roman «II.», or an Arabic number less deep than the deepest
          number in the table («1.» above «1.1.»; «3.» and «3.1.» above «3.1.1.»). With flat numbering
          such a row stays an event (a template with empty periods);
        - a row with content → an event (number from the «№» column, or «1.1.» stripped from the content);
        - a row without content but with other cells (an extra responsible, a second period — often a
          vertically merged content cell) → added to the previous event of the same section.
        """
        columns = layout.columns
        rows = table.rows
        max_depth = self._max_depth(table.own_rows[start:end], columns)
        drafts: list[tuple[ParsedSection, _Draft]] = []
        last: _Draft | None = None
        stage = ""
        own_rows = table.own_rows
        for index in range(start, end):
            row = own_rows[index]
            row_number = table.row_numbers[index]
            if self._skippable(row, layout):
                continue
            heading = _merged_heading(row, columns)
            if heading is not None:
                self._start_section(heading)
                last = None
                continue
            fields = _row_fields(row, columns)
            # a cell merged down over several rows («в течение года» over three events) is each one's
            merged_down = _row_fields(rows[index], columns) if row is not rows[index] else fields
            if merged_down.get(Role.STAGE) and merged_down[Role.STAGE] != stage:
                fields[Role.STAGE] = merged_down[Role.STAGE]
            if fields.get(Role.STAGE) and fields[Role.STAGE] != stage:
                stage = fields[Role.STAGE]
                self._start_section(stage)
                last = None
            number, content = self._number_and_content(fields)
            if not content:
                last = self._continue(last, fields, number, table.label, row_number)
                continue
            details = any(fields.get(role) for role in (Role.PERIOD, Role.RESPONSIBLE, Role.RESULT, Role.KPI))
            level = _numbered_heading_level(number, content)
            if not details and (
                level == "word" or (level == "arabic" and number and _depth(number) < max_depth)
            ):
                from_column = bool(fields.get(Role.NUMBER))
                self._start_section(f"{number} {content}" if from_column and number else fields[Role.CONTENT])
                last = None
                continue
            last = _Draft(number=number, title=content, row_number=row_number)
            last.add(merged_down)
            drafts.append((self._current_section(), last))
        return drafts

    @staticmethod
    def _skippable(row: list[_Cell], layout: _EventsLayout) -> bool:
        texts = [cell.text for cell in row if cell.text]
        if not texts or _is_numbering_row(row):
            return True
        if tuple(normalise(_spread_text(row, col)) for col in range(len(row))) == layout.header_texts:
            return True
        return len(set(texts)) == 1 and bool(_NOTE.match(texts[0]))

    @staticmethod
    def _number_and_content(fields: dict[Role, str]) -> tuple[str | None, str]:
        content = fields.get(Role.CONTENT, "")
        column_number = fields.get(Role.NUMBER, "").strip() or None
        number, title = _split_number(content)
        if column_number:
            if number and number.rstrip(".") == column_number.rstrip("."):
                return column_number, title
            return column_number, content
        return number, title

    @staticmethod
    def _max_depth(rows: list[list[_Cell]], columns: dict[Role, list[int]]) -> int:
        depth = 0
        for row in rows:
            fields = _row_fields(row, columns)
            number = fields.get(Role.NUMBER, "").strip()
            if not (number and _COLUMN_NUMBER.match(number)):
                number = _split_number(fields.get(Role.CONTENT, ""))[0] or ""
            if number:
                depth = max(depth, _depth(number))
        return depth

    def _continue(
        self, last: _Draft | None, fields: dict[Role, str], number: str | None, label: str, row_number: int
    ) -> _Draft | None:
        """A row without content: more of the previous event, or a row to skip (with a warning)."""
        has_details = any(fields.get(role) for role in (Role.PERIOD, Role.RESPONSIBLE, Role.RESULT, Role.KPI))
        if not has_details:
            return last
        if last is not None and number is None:
            last.add(fields)
            return last
        self.roadmap.warnings.append(
            _("%(table)s, row %(row)s: the event has no content, the row was skipped.")
            % {"table": label, "row": row_number}
        )
        return last

    def _start_section(self, title: str) -> None:
        self.section = ParsedSection(title=title)
        self.roadmap.sections.append(self.section)

    def _current_section(self) -> ParsedSection:
        if self.section is None:
            self._start_section(self.caption)
        assert self.section is not None
        return self.section

    def _finish(self, draft: _Draft) -> ParsedEvent:
        period_text = "\n".join(draft.period)
        warnings: list[str] = []
        periods: list[Period] = []
        if not period_text:
            warnings.append(_("No period is given."))
        else:
            parsed = parse_periods(period_text, self.start_year)
            periods = list(parsed.periods)
            warnings.extend(parsed.warnings)
            if not periods and not parsed.warnings:
                warnings.append(_("The period «%(text)s» was not recognised.") % {"text": period_text})
        return ParsedEvent(
            number=draft.number,
            title=draft.title,
            period_text=period_text,
            periods=periods,
            responsible=split_responsible("\n".join(draft.responsible)),
            expected_result="\n".join(draft.result),
            kpi="\n".join(draft.kpi),
            warnings=warnings,
        )

    # ---- KPI targets ----

    def _read_kpi(self, table: _Table, layout: _KpiLayout, start: int, end: int) -> None:
        for row in table.own_rows[start:end]:
            if not any(cell.text for cell in row) or _is_numbering_row(row):
                continue
            name = _spread_text(row, layout.name_col)
            targets = {}
            for col, year in layout.year_cols:
                value = parse_number(row[col].text)
                if value is not None:
                    targets[year] = value
            if not name or (not targets and _merged_heading(row, {}) is not None):
                continue  # a group heading inside the KPI table
            final = row[layout.final_col].text if layout.final_col is not None else ""
            self.roadmap.kpi_targets.append(KpiTarget(name=name, targets=targets, final=final))


def _short(event: ParsedEvent, length: int = 60) -> str:
    title = " ".join(event.title.split())
    title = title if len(title) <= length else title[: length - 1].rstrip() + "…"
    return f"{event.number} {title}" if event.number else title


def parse_number(text: str) -> float | None:
    """«20%» → 20.0, «0,5» → 0.5, «не менее 70 %» → 70.0; None without a number."""
    match = re.search(r"[-+]?\d+(?:[.,]\d+)?", re.sub(r"(?<=\d)[\s\xa0]+(?=\d)", "", text))
    return float(match.group(0).replace(",", ".")) if match else None


# --------------------------------------------------------------------------------------------------
# Responsible people
# --------------------------------------------------------------------------------------------------

_PERSON = re.compile(
    r"^(?:[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s+[А-ЯЁ]\.\s?(?:[А-ЯЁ]\.?)?"  # Иванова И.О.
    r"|[А-ЯЁ]\.\s?(?:[А-ЯЁ]\.)?\s?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"  # И.О. Иванова
    r"|[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s+[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]+(?:вич|вна|чна|ич))$"  # full name
)
_ABBREVIATIONS = re.compile(r"^[А-ЯЁ]{1,5}(?:(?:\s+и\s+|\s*,\s*|\s+)[А-ЯЁ]{1,5})*$")  # «ВР», «ВР и УВР»
_PLURAL_ENDINGS = ("ы", "и", "я", "ые", "ие")
_PARTICIPLE_ENDINGS = ("вшие", "вший", "вшая", "ющие", "ющий", "ящие", "ящий", "ующие", "нные", "нный", "тые")
_CLAUSE_WORDS = {
    "который",
    "которые",
    "которая",
    "в",
    "во",
    "по",
    "за",
    "при",
    "из",
    "на",
    "для",
    "а",
    "также",
    "и",
}


def split_responsible(text: str) -> list[str]:
    """Split the «Ответственный» cell into people/roles.

    Rule: every line and every «;» separates entries. A comma separates entries too, except
    - inside brackets or quotes: «Иванова И.О. (зам. директора, куратор)»;
    - after a bare name, before a singular role describing that person: «Иванова И.О., зам. директора по УВР»
      stays one entry (but «Иванова И.О., наставники» and «Иванова И.О., Петров П.П.» are two);
    - before bare abbreviations continuing a role: «Зам. директора по УВР, ВР» stays one entry.
    Blanks «_____» are dropped, duplicates removed, order kept.
    """
    entries: list[str] = []
    for piece in re.split(r"[\n;]+", text):
        parts: list[str] = []
        for part in _split_outside_brackets(piece):
            part = _tidy_entry(part)
            if not part:
                continue
            if parts and _belongs_to_previous(parts[-1], part):
                parts[-1] = f"{parts[-1]}, {part}"
            else:
                parts.append(part)
        entries.extend(parts)
    unique: dict[str, str] = {}
    for entry in entries:
        unique.setdefault(entry.casefold(), entry)
    return list(unique.values())


def _tidy_entry(part: str) -> str:
    """Without blanks «___», bullets and trailing punctuation; the dot of an initial «Э.А.» is kept.

    A blank with only a hint in brackets («________ (Ф.И.О.)») is no entry at all.
    """
    blank = re.search(r"_{2,}", part)
    part = re.sub(r"_{2,}", " ", part)
    if blank and re.fullmatch(r"\s*\([^()]*\)\s*", part):
        return ""
    part = " ".join(part.split()).strip(" ,;:-–—•·")
    if not re.search(r"(?:^|[\s.])[А-ЯЁA-Z]\.$", part):
        part = part.rstrip(".").rstrip()
    return part if re.search(r"\w", part) else ""


def _split_outside_brackets(text: str) -> Iterable[str]:
    depth = 0
    quote = False
    current: list[str] = []
    for char in text:
        if char in "([{«":
            depth += 1
        elif char in ")]}»" and depth:
            depth -= 1
        elif char == '"':
            quote = not quote
        if char == "," and depth == 0 and not quote:
            yield "".join(current)
            current = []
        else:
            current.append(char)
    yield "".join(current)


def _belongs_to_previous(previous: str, part: str) -> bool:
    if _ABBREVIATIONS.match(part) or _continues_phrase(part):
        return True
    return bool(_PERSON.match(previous)) and _is_singular_role(part)


def _continues_phrase(part: str) -> bool:
    """«…, получившие статус наставника», «…, в том числе…»: a clause, not a new person or role."""
    first = part.split()[0]
    if not first[0].islower():
        return False
    word = first.strip(".,")
    return word in _CLAUSE_WORDS or word.endswith(_PARTICIPLE_ENDINGS)


def _is_singular_role(part: str) -> bool:
    if _PERSON.match(part):
        return False
    first = re.sub(r"[^а-яё-]", "", part.split()[0].lower()) if part.split() else ""
    if not first:
        return False
    return not first.endswith(_PLURAL_ENDINGS)
