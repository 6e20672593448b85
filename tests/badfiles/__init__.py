"""A corpus of bad files for the importers, built on the fly (nothing big is committed).

Every builder returns the bytes of one file. The big ones (50 MB, the shared-strings bomb) are built
once per test session by :func:`cached`, in memory. The test table lives in ``tests/test_bad_files.py``.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Callable, Iterable
from datetime import datetime
from functools import cache

import docx
from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

MB = 2**20

MENTEE_HEADER = ["Фамилия", "Имя", "Отчество", "Дата рождения", "Класс/группа", "Телефон"]
ROADMAP_HEADER = ["№", "Мероприятие", "Сроки", "Ответственный", "Результат"]

# --- Containers ---------------------------------------------------------------------------------------


def xlsx(sheets: dict[str, Iterable[Iterable]] | Iterable[Iterable], *, hidden: Iterable[str] = ()) -> bytes:
    """A workbook; ``sheets`` maps titles to rows (or is the rows of one sheet «Лист1»)."""
    if not isinstance(sheets, dict):
        sheets = {"Лист1": sheets}
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
        if title in hidden:
            sheet.sheet_state = "hidden"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def docx_file(tables: Iterable[Iterable[Iterable[str]]] = (), paragraphs: Iterable[str] = ()) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    for rows in tables:
        rows = [list(row) for row in rows]
        table = document.add_table(rows=len(rows), cols=max(len(row) for row in rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.cell(r, c).text = str(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def with_member(data: bytes, name: str, content: bytes, *, stored: bool = False) -> bytes:
    """The same zip with one more member (stored uncompressed when ``stored``)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            target.writestr(info, source.read(info.filename))
        target.writestr(name, content, zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def replace_member(data: bytes, name: str, content: bytes) -> bytes:
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            target.writestr(info.filename, content if info.filename == name else source.read(info.filename))
    return buffer.getvalue()


def zip_of(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


# --- Not a workbook at all ----------------------------------------------------------------------------

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)
TEXT = "Фамилия;Имя;Отчество\nИванова;Мария;Сергеевна\n".encode()
CSV_CP1251 = "Фамилия;Имя\nИванова;Мария\n".encode("cp1251")
HTML_TABLE = "<html><body><table><tr><td>Фамилия</td><td>Имя</td></tr></table></body></html>".encode()


def ole_encrypted() -> bytes:
    """What Excel writes for a password-protected workbook (and .xls/.doc): an OLE compound file."""
    header = bytes.fromhex("d0cf11e0a1b11ae1") + bytes(16) + bytes.fromhex("3e000300feff0900")
    body = "EncryptionInfo EncryptedPackage".encode("utf-16-le")
    return (header + body).ljust(4096, b"\x00")


def corrupt_zip() -> bytes:
    """Starts like a zip (PK), the rest is garbage."""
    return b"PK\x03\x04" + os.urandom(2000)


def truncated(data: bytes) -> bytes:
    return data[: len(data) // 2]


def damaged_member(data: bytes, name: str) -> bytes:
    """The zip is fine, one XML member is not XML."""
    return replace_member(data, name, b"<worksheet><sheetData><row><c r='A1'><v>1</")


def padded_to(data: bytes, size: int) -> bytes:
    """A valid file made ``size`` bytes long by an incompressible stored member (like a big picture)."""
    missing = max(0, size - len(data))
    return with_member(data, "xl/media/image1.bin", os.urandom(missing), stored=True)


def shared_strings_bomb(xml_bytes: int) -> bytes:
    """A tiny xlsx whose sharedStrings.xml unpacks to ``xml_bytes`` (a zip bomb in spirit)."""
    base = xlsx([MENTEE_HEADER, ["Иванова", "Мария"]])
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(base)) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target,
    ):
        for info in source.infolist():
            if info.filename != "xl/sharedStrings.xml":
                target.writestr(info.filename, source.read(info.filename))
        item = b"<si><t>" + b"A" * 1000 + b"</t></si>"
        with target.open("xl/sharedStrings.xml", "w", force_zip64=True) as member:
            member.write(
                b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            )
            chunk = item * 1000
            for _ in range(xml_bytes // len(chunk) + 1):
                member.write(chunk)
            member.write(b"</sst>")
    return buffer.getvalue()


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol9;</t></si></sst>"""


def _with_entities(xml: str, root: str, target: str) -> str:
    """The XML with the «billion laughs» entities declared and ``target`` replaced by the biggest one."""
    entities = BILLION_LAUGHS.decode().split("<sst")[0].split("?>", 1)[1].replace("lolz", root)
    end = xml.index("?>") + 2 if xml.startswith("<?xml") else 0
    escaped = "".join(f"&#{ord(char)};" for char in target)
    body = xml[end:].replace(target, "&lol9;", 1).replace(escaped, "&lol9;", 1)
    return xml[:end] + entities.strip() + body


def billion_laughs_xlsx() -> bytes:
    base = xlsx([MENTEE_HEADER, ["Иванова", "Мария"]])
    with zipfile.ZipFile(io.BytesIO(base)) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    return replace_member(
        base, "xl/worksheets/sheet1.xml", _with_entities(sheet, "worksheet", "Иванова").encode()
    )


def billion_laughs_docx() -> bytes:
    base = docx_file([[ROADMAP_HEADER, ["1", "Встреча", "сентябрь", "Куратор", "Протокол"]]])
    with zipfile.ZipFile(io.BytesIO(base)) as archive:
        document = archive.read("word/document.xml").decode()
    return replace_member(
        base, "word/document.xml", _with_entities(document, "w:document", "Встреча").encode()
    )


# --- Workbooks with a bad table -----------------------------------------------------------------------


def many_columns(header: list[str], row: list, count: int = 10_000) -> bytes:
    """The table, then columns up to ``count`` with headers and values nobody knows."""
    extra = count - len(header)
    return xlsx(
        [
            header + [f"Столбец {index}" for index in range(extra)],
            row + [""] * (len(header) - len(row)) + ["x"] * extra,
        ]
    )


def merged_everywhere(header: list[str], rows: list[list]) -> bytes:
    """Every header cell merged with the one below it, and every data row merged across."""
    workbook = Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)
    sheet.append(header)
    sheet.append([""] * len(header))
    for index in range(1, len(header) + 1):
        sheet.merge_cells(start_row=1, start_column=index, end_row=2, end_column=index)
    for row in rows:
        sheet.append(row)
        sheet.merge_cells(
            start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=len(header)
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def formula_cells(header: list[str], rows: list[list]) -> bytes:
    """Formulas written by a program: no cached value, so a reader sees an empty cell."""
    return xlsx([header, *rows])


def many_rows(header: list[str], count: int) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(header)
    for index in range(count):
        sheet.append(["Иванова", f"Мария{index}"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def header_too_low(header: list[str], row: list, blank_rows: int = 40) -> bytes:
    return xlsx([["Список"]] + [[""]] * blank_rows + [header, row])


FIVE_DATE_FORMATS = [
    ("14.03.2013", True),
    ("2013-03-14", True),
    (datetime(2013, 3, 14), True),  # an Excel date
    ("14/03/2013", True),
    ("14 марта 2013", True),  # the month in words, as a school writes it (issue 16)
    ("03/14/2013", False),  # American order: no 14th month
    ("14.03.13", True),  # a two-digit year: the nearest year not in the future for a birth date
]


@cache
def cached(name: str, builder: Callable[[], bytes]) -> bytes:
    """Build a big file once per session."""
    return builder()
