"""The corpus of school-made roadmaps in tests/fixtures/school_roadmaps/: each file gives what expected.json says.

Reader level (no database); the web import and the command read the same files in test_roadmap_import_flow.py.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest
from django.utils import translation

from roadmap.periods import occurrences
from roadmap.table_reading import RoadmapFileError, read_roadmap

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "school_roadmaps"
EXPECTED = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
FILES = sorted(name for name in EXPECTED if not name.startswith("_"))
YEAR = 2026


def events_by_title(roadmap):
    return {event.title: event for section in roadmap.sections for event in section.events}


@pytest.mark.parametrize("name", [name for name in FILES if "error" not in EXPECTED[name]])
def test_corpus_file_reads_as_expected(name):
    expected = EXPECTED[name]
    roadmap = read_roadmap((CORPUS / name).read_bytes(), name, YEAR)
    assert [[section.title, len(section.events)] for section in roadmap.sections] == expected["sections"]
    events = events_by_title(roadmap)
    for title, periods in expected["periods"].items():
        got = [
            [
                str(period.start),
                str(period.end),
                period.recurrence.unit if period.recurrence else None,
                period.recurrence.day if period.recurrence else None,
            ]
            for period in events[title].periods
        ]
        assert got == periods, title
    for title, count in expected.get("occurrences", {}).items():
        assert sum(len(occurrences(period)) for period in events[title].periods) == count, title
    for title, people in expected["responsible"].items():
        assert events[title].responsible == people, title
    unrecognised = sorted(title for title, event in events.items() if event.warnings)
    assert unrecognised == sorted(expected["unrecognised"])
    for title in expected["unrecognised"]:
        assert any(period.start is None for period in events[title].periods)


@pytest.mark.parametrize("name", [name for name in FILES if "error" in EXPECTED[name]])
def test_open_document_files_get_a_russian_hint(name):
    with translation.override("ru"), pytest.raises(RoadmapFileError) as error:
        read_roadmap((CORPUS / name).read_bytes(), name, YEAR)
    assert EXPECTED[name]["error"] in str(error.value)


def test_an_xlsx_named_ods_is_still_read_and_a_broken_ods_gets_the_hint():
    data = (CORPUS / "month_cells.xlsx").read_bytes()
    assert read_roadmap(data, "план.ods", YEAR).events_count == 6
    with translation.override("ru"), pytest.raises(RoadmapFileError, match="сохраните как .xlsx"):
        read_roadmap(b"not a zip at all", "план.ods", YEAR)


def _sheet(rows, merges=(), formats=None):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value is not None:
                sheet.cell(r, c, value)
    for merge in merges:
        sheet.merge_cells(merge)
    for ref, number_format in (formats or {}).items():
        sheet[ref].number_format = number_format
    import io

    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_a_merged_period_does_not_double_a_continuation_row():
    """A content cell merged down with its own second period: the merged responsible is added once."""
    data = _sheet(
        [
            ["Мероприятие", "Сроки", "Ответственный"],
            ["Встречи пар", "Октябрь", "Куратор"],
            [None, "Март", None],
            ["Итоги", "Май", "Директор"],
        ],
        merges=["A2:A3", "C2:C3"],
    )
    roadmap = read_roadmap(data, "plan.xlsx", YEAR)
    (section,) = roadmap.sections
    first, second = section.events
    assert [str(period.start) for period in first.periods] == ["2026-10-01", "2027-03-01"]
    assert first.responsible == ["Куратор"]
    assert second.responsible == ["Директор"]


def test_a_header_merged_down_is_not_a_data_row():
    """«№» and «Мероприятие» merged over two header rows, «Сроки» split into «начало | окончание»."""
    data = _sheet(
        [
            ["№", "Мероприятие", "Сроки", None, "Ответственный"],
            [None, None, "начало", "окончание", None],
            ["1", "Анкетирование", "Сентябрь", "Октябрь", "Куратор"],
        ],
        merges=["A1:A2", "B1:B2", "C1:D1", "E1:E2"],
    )
    roadmap = read_roadmap(data, "plan.xlsx", YEAR)
    (event,) = [event for section in roadmap.sections for event in section.events]
    assert event.title == "Анкетирование"
    assert event.responsible == ["Куратор"]


@pytest.mark.parametrize(
    ("number_format", "value", "period"),
    [
        ("mmmm yyyy", dt.datetime(2026, 9, 1), ("2026-09-01", "2026-09-30")),
        ("MMM YY", dt.datetime(2027, 2, 1), ("2027-02-01", "2027-02-28")),
        ("[$-F800]mmmm\\ yyyy;@", dt.datetime(2026, 12, 1), ("2026-12-01", "2026-12-31")),
        ("dd.mm.yyyy", dt.datetime(2026, 9, 1), ("2026-09-01", "2026-09-01")),
        ("d mmmm yyyy", dt.datetime(2026, 9, 15), ("2026-09-15", "2026-09-15")),
        ("mm/dd/yy", dt.datetime(2026, 10, 3), ("2026-10-03", "2026-10-03")),
    ],
)
def test_a_month_formatted_cell_is_the_whole_month(number_format, value, period):
    data = _sheet(
        [["Мероприятие", "Сроки", "Ответственный"], ["Встреча", value, "Куратор"]],
        formats={"B2": number_format},
    )
    (event,) = [event for section in read_roadmap(data, "p.xlsx", YEAR).sections for event in section.events]
    assert [(str(p.start), str(p.end)) for p in event.periods] == [period]
