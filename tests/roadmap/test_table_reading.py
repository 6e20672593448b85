"""Reading a school's own roadmap (.docx/.xlsx): the real fixtures and synthetic layouts built at run time."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from django.utils import translation
from openpyxl.worksheet.worksheet import Worksheet

from roadmap import table_reading
from roadmap.table_reading import RoadmapFileError, read_roadmap, split_responsible

FIXTURES = Path(__file__).resolve().parents[2].parent / "shared" / "fixtures" / "roadmaps"
needs_fixtures = pytest.mark.skipif(
    not FIXTURES.is_dir(), reason=f"real roadmaps are not in this checkout ({FIXTURES} is absent)"
)

HEADER = [
    "Содержание",
    "Сроки",
    "Ожидаемый результат (вид документа)",
    "Показатели эффективности",
    "Ответственный",
]


# ---- building synthetic documents ----


def make_docx(tmp_path: Path, *tables: list, before: tuple[str, ...] = ("ПЛАН МЕРОПРИЯТИЙ",)) -> bytes:
    """A .docx with the given tables; a row given as a str is one cell merged across the table."""
    document = docx.Document()
    for text in before:
        document.add_paragraph(text)
    for rows in tables:
        width = max(len(row) for row in rows if isinstance(row, list))
        table = document.add_table(rows=0, cols=width)
        for row in rows:
            cells = table.add_row().cells
            if isinstance(row, str):
                cells[0].merge(cells[-1]).text = row
                continue
            for cell, text in zip(cells, row, strict=False):
                cell.text = text
        document.add_paragraph("")
    path = tmp_path / "roadmap.docx"
    document.save(path)
    return path.read_bytes()


def make_xlsx(tmp_path: Path, rows: list, merge_width: int = 5, sheet_title: str = "План") -> bytes:
    """A .xlsx with one sheet; a row given as a str is written in column A and merged over merge_width."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)
    sheet.title = sheet_title
    for index, row in enumerate(rows, start=1):
        if isinstance(row, str):
            sheet.cell(index, 1, row)
            sheet.merge_cells(start_row=index, start_column=1, end_row=index, end_column=merge_width)
        else:
            for col, value in enumerate(row, start=1):
                if value is not None:
                    sheet.cell(index, col, value)
    path = tmp_path / "roadmap.xlsx"
    workbook.save(path)
    return path.read_bytes()


def event_row(title: str, period: str = "Октябрь 2024", responsible: str = "Иванова И.О.") -> list[str]:
    return [title, period, "Приказ", "", responsible]


def titles(roadmap) -> list[tuple[str, int]]:
    return [(section.title, len(section.events)) for section in roadmap.sections]


def all_events(roadmap):
    return [event for section in roadmap.sections for event in section.events]


# ---- the real fixtures ----


def _expected() -> dict:
    return json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))


FIXTURE_NAMES = ["school_2023.docx", "school_2023.xlsx", "college_2020.docx"]


def _read_fixture(name: str):
    expected = _expected()[name]
    return read_roadmap((FIXTURES / name).read_bytes(), name, expected["year"]), expected


@needs_fixtures
@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_fixture_sections_and_events(name):
    roadmap, expected = _read_fixture(name)
    assert titles(roadmap) == [(section["title"], section["events"]) for section in expected["sections"]]
    assert roadmap.events_count == expected["events"]
    assert all(event.title for event in all_events(roadmap))


@needs_fixtures
def test_school_fixture_columns():
    roadmap, _ = _read_fixture("school_2023.docx")
    events = all_events(roadmap)
    first = events[0]
    assert first.number is None
    assert first.title.startswith("Формирование базы наставляемых")
    assert first.period_text == "Октябрь 2023"
    assert first.expected_result == "Сформирована база наставляемых"
    assert first.kpi.startswith("Количество участников")
    assert first.responsible == ["Литавар Э.А."]
    pairs = next(event for event in events if event.title.startswith("Организация работы наставнических пар"))
    assert "\n" in pairs.title
    assert pairs.responsible == ["Литавар Э.А.", "наставники"]
    statistics = next(event for event in events if event.title.startswith("Внесение в формы"))
    assert statistics.period_text == "Декабрь 2023\nМай 2024"


@needs_fixtures
def test_xlsx_fixture_reads_like_docx():
    from_docx, _ = _read_fixture("school_2023.docx")
    from_xlsx, _ = _read_fixture("school_2023.xlsx")
    assert from_xlsx.as_json(2023)["sections"] == from_docx.as_json(2023)["sections"]


@needs_fixtures
def test_college_fixture_numbers_and_kpi_targets():
    roadmap, expected = _read_fixture("college_2020.docx")
    numbers = [event.number for event in all_events(roadmap)]
    assert numbers[0] == "1.1." and numbers[-1] == "6.3." and len(numbers) == 16
    first = all_events(roadmap)[0]
    assert first.title.startswith("Изучение и систематизация")
    assert len(first.responsible) == 3
    assert first.kpi.startswith("1. Изучение Распоряжения")

    kpi = expected["kpi_targets"]
    assert len(roadmap.kpi_targets) == kpi["indicators"]
    for target in roadmap.kpi_targets:
        assert sorted(target.targets) == [str(year) for year in kpi["years"]]
        assert target.final.startswith("Не менее")
    assert roadmap.kpi_targets[0].name.startswith("Удельный вес")
    assert roadmap.kpi_targets[0].targets == {
        "2020": 20.0,
        "2021": 40.0,
        "2022": 50.0,
        "2023": 60.0,
        "2024": 70.0,
    }


@needs_fixtures
@pytest.mark.parametrize("name", [name for name in FIXTURE_NAMES if name != "school_2023.xlsx"])
def test_fixture_periods(name):
    roadmap, expected = _read_fixture(name)
    events = all_events(roadmap)
    for key, periods in expected["periods"].items():
        event = next(e for e in events if e.number == key or e.title.startswith(key))
        got = [
            [p.start.isoformat() if p.start else None, p.end.isoformat() if p.end else None, p.yearly]
            for p in event.periods
        ]
        assert got == periods, (key, event.period_text)


@needs_fixtures
@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_fixture_as_json_round_trips(name):
    roadmap, expected = _read_fixture(name)
    shape = json.loads(json.dumps(roadmap.as_json(expected["year"]), ensure_ascii=False))
    assert shape["academic_year"] == f"{expected['year']}/{expected['year'] + 1}"
    assert set(shape) == {"academic_year", "sections", "kpi_targets", "warnings"}
    event = shape["sections"][0]["events"][0]
    assert set(event) == {"number", "title", "periods", "responsible", "expected_result", "kpi", "warnings"}
    assert set(event["periods"][0]) == {"start", "end", "yearly", "text", "recurrence"}
    assert sum(len(section["events"]) for section in shape["sections"]) == expected["events"]


# ---- synthetic layouts ----


def test_columns_in_another_order_with_number_column(tmp_path):
    data = make_docx(
        tmp_path,
        [
            [
                "№ п/п",
                "Ответственные исполнители",
                "Наименование мероприятия",
                "Вид документа",
                "Срок исполнения",
            ],
            ["1.", "Петров П.П.", "Издание приказа", "Приказ", "Сентябрь 2024"],
            ["2.", "Сидорова С.С.", "Разработка положения", "Положение", "Октябрь 2024"],
        ],
    )
    roadmap = read_roadmap(data, "plan.docx", 2024)
    assert titles(roadmap) == [("", 2)]
    first = roadmap.sections[0].events[0]
    assert (first.number, first.title, first.period_text) == ("1.", "Издание приказа", "Сентябрь 2024")
    assert first.responsible == ["Петров П.П."]
    assert first.expected_result == "Приказ"
    assert first.kpi == ""


def test_header_words_normalised(tmp_path):
    data = make_docx(
        tmp_path,
        [
            [
                "СОДЕРЖАНИЕ ДЕЯТЕЛЬНОСТИ",
                "Дата",
                "ОТВЕТСТВЕННЫЕ",
                "Индикаторы",
                "Форма представления результата",
            ],
            ["Анкетирование", "Ноябрь 2024", "Классные руководители", "100% анкет", "Анкеты"],
        ],
    )
    event = all_events(read_roadmap(data, "plan.docx", 2024))[0]
    assert (event.period_text, event.kpi, event.expected_result) == ("Ноябрь 2024", "100% анкет", "Анкеты")
    assert event.responsible == ["Классные руководители"]


def test_stage_column_with_blank_continuation_cells(tmp_path):
    data = make_docx(
        tmp_path,
        [
            ["Этап", "Мероприятие", "Сроки", "Ответственный"],
            ["Подготовительный", "Издание приказа", "Сентябрь", "Директор"],
            ["", "Утверждение положения", "Сентябрь", "Директор"],
            ["Основной", "Встречи пар", "В течение года", "Наставники"],
            ["", "Промежуточный мониторинг", "Январь", "Куратор"],
            ["", "Итоговая встреча", "Май", "Куратор"],
        ],
    )
    roadmap = read_roadmap(data, "plan.docx", 2024)
    assert titles(roadmap) == [("Подготовительный", 2), ("Основной", 3)]


def test_stage_column_with_vertically_merged_cells(tmp_path):
    document = docx.Document()
    rows = [
        ["Этап", "Мероприятие", "Сроки", "Ответственный"],
        ["", "Издание приказа", "Сентябрь", "Директор"],
        ["", "Утверждение положения", "Сентябрь", "Директор"],
        ["", "Встречи пар", "В течение года", "Наставники"],
        ["", "Итоговая встреча", "Май", "Куратор"],
    ]
    table = document.add_table(rows=len(rows), cols=4)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    table.cell(1, 0).merge(table.cell(2, 0)).text = "Подготовка"
    table.cell(3, 0).merge(table.cell(4, 0)).text = "Реализация"
    path = tmp_path / "merged.docx"
    document.save(path)
    roadmap = read_roadmap(path.read_bytes(), "merged.docx", 2024)
    assert titles(roadmap) == [("Подготовка", 2), ("Реализация", 2)]


def test_three_level_numbering_in_a_number_column(tmp_path):
    data = make_docx(
        tmp_path,
        [
            ["№", "Мероприятие", "Сроки", "Ответственный"],
            ["1.", "Подготовка условий", "", ""],
            ["1.1.", "Нормативная база", "", ""],
            ["1.1.1.", "Приказ о внедрении", "Август 2024", "Директор"],
            ["1.1.2.", "Положение о наставничестве", "Сентябрь 2024", "Куратор"],
            ["2.", "Формирование базы наставников", "", ""],
            ["2.1.", "Сбор данных", "", ""],
            ["2.1.1.", "Анкетирование педагогов", "Октябрь 2024", "Куратор"],
        ],
    )
    roadmap = read_roadmap(data, "plan.docx", 2024)
    assert titles(roadmap) == [
        ("1. Подготовка условий", 0),
        ("1.1. Нормативная база", 2),
        ("2. Формирование базы наставников", 0),
        ("2.1. Сбор данных", 1),
    ]
    assert [event.number for event in all_events(roadmap)] == ["1.1.1.", "1.1.2.", "2.1.1."]
    assert all_events(roadmap)[0].title == "Приказ о внедрении"


def test_three_level_numbering_inside_the_content(tmp_path):
    data = make_docx(
        tmp_path,
        [
            ["Содержание", "Сроки", "Ответственный"],
            ["3. Формирование базы наставников", "", ""],
            ["3.1. Сбор данных о наставниках", "Сентябрь 2024", "Куратор"],
            ["3.1.2. Анкетирование педагогов", "Октябрь 2024", "Куратор"],
            ["II. Обучение наставников", "", ""],
            ["4.1. Семинар для наставников", "Ноябрь 2024", "Методист"],
        ],
    )
    roadmap = read_roadmap(data, "plan.docx", 2024)
    assert titles(roadmap) == [("3. Формирование базы наставников", 2), ("II. Обучение наставников", 1)]
    assert [(e.number, e.title) for e in all_events(roadmap)][:2] == [
        ("3.1.", "Сбор данных о наставниках"),
        ("3.1.2.", "Анкетирование педагогов"),
    ]


def test_numbered_list_in_one_cell_keeps_its_numbers(tmp_path):
    data = make_docx(
        tmp_path,
        [
            ["Мероприятие", "Сроки", "Ответственный"],
            ["1. Издание приказа\n2. Утверждение положения", "Сентябрь 2024", "Директор"],
        ],
    )
    event = all_events(read_roadmap(data, "plan.docx", 2024))[0]
    assert event.number is None
    assert event.title == "1. Издание приказа\n2. Утверждение положения"


def test_template_with_empty_periods_and_placeholders(tmp_path):
    data = make_docx(
        tmp_path,
        [
            ["№", "Мероприятие", "Сроки", "Ответственный", "Результат"],
            ["1", "Издание приказа о внедрении целевой модели", "_____", "__________", ""],
            ["2", "Назначение куратора", "", "________ (Ф.И.О.)", "Приказ"],
            ["3", "Разработка положения", "«___» ________ 2024 г.", "____________", ""],
        ],
    )
    roadmap = read_roadmap(data, "template.docx", 2024)
    assert titles(roadmap) == [("", 3)]
    first, second, _ = all_events(roadmap)
    assert (first.number, first.period_text, first.responsible, first.periods) == ("1", "", [], [])
    assert first.warnings == ["Не указан срок."]
    assert second.responsible == []
    assert any("строка 2" in warning and "Не указан срок" in warning for warning in roadmap.warnings)


def test_roles_in_the_responsible_column(tmp_path):
    data = make_docx(
        tmp_path,
        [
            ["Мероприятие", "Сроки", "Ответственный"],
            ["Встреча", "Октябрь 2024", "Зам. директора по УВР, ВР\nПедагог-психолог; классные руководители"],
            ["Приказ", "Октябрь 2024", "Иванова И.О., зам. директора по УВР"],
        ],
    )
    first, second = all_events(read_roadmap(data, "plan.docx", 2024))
    assert first.responsible == ["Зам. директора по УВР, ВР", "Педагог-психолог", "классные руководители"]
    assert second.responsible == ["Иванова И.О., зам. директора по УВР"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Литавар Э.А.\nнаставники", ["Литавар Э.А.", "наставники"]),
        ("Литавар Э.А., Кожин С.А.", ["Литавар Э.А.", "Кожин С.А."]),
        ("Иванова И.О., зам. директора по УВР", ["Иванова И.О., зам. директора по УВР"]),
        ("И.О. Иванова, социальный педагог", ["И.О. Иванова, социальный педагог"]),
        ("Иванова И.О., классные руководители", ["Иванова И.О.", "классные руководители"]),
        (
            "Заместитель директора по ВР, заместитель директора по УВР",
            ["Заместитель директора по ВР", "заместитель директора по УВР"],
        ),
        ("Преподаватели, получившие статус «наставника»", ["Преподаватели, получившие статус «наставника»"]),
        ("Петров П.П. (куратор, зам. директора)", ["Петров П.П. (куратор, зам. директора)"]),
        ("Куратор; куратор; - наставники", ["Куратор", "наставники"]),
        ("Руководитель ОО.", ["Руководитель ОО"]),
        ("_______ (Ф.И.О.)", []),
        ("", []),
    ],
)
def test_split_responsible(text, expected):
    assert split_responsible(text) == expected


def test_title_rows_above_the_header_inside_the_table(tmp_path):
    data = make_docx(
        tmp_path,
        [
            "ПЛАН МЕРОПРИЯТИЙ (дорожная карта) по реализации целевой модели наставничества",
            "на 2024/2025 учебный год",
            HEADER,
            "Организационный раздел",
            event_row("Издание приказа"),
            event_row("Утверждение положения"),
        ],
    )
    roadmap = read_roadmap(data, "plan.docx", 2024)
    assert titles(roadmap) == [("Организационный раздел", 2)]


def test_header_numbering_row_is_skipped(tmp_path):
    data = make_docx(
        tmp_path,
        [
            HEADER,
            ["1", "2", "3", "4", "5"],
            event_row("Издание приказа"),
            ["1", "2", "3", "4", "5"],  # repeated on the next page
            event_row("Утверждение положения"),
        ],
    )
    roadmap = read_roadmap(data, "plan.docx", 2024)
    assert [event.title for event in all_events(roadmap)] == ["Издание приказа", "Утверждение положения"]


def test_two_row_header_with_merged_upper_cell(tmp_path):
    document = docx.Document()
    rows = [
        ["Мероприятие", "Сроки", "", "Ответственный"],
        ["", "начало", "окончание", ""],
        ["Встречи пар", "Октябрь 2024", "Апрель 2025", "Куратор"],
    ]
    table = document.add_table(rows=3, cols=4)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    table.cell(0, 1).merge(table.cell(0, 2)).text = "Сроки"
    table.cell(0, 0).merge(table.cell(1, 0)).text = "Мероприятие"
    table.cell(0, 3).merge(table.cell(1, 3)).text = "Ответственный"
    path = tmp_path / "two_rows.docx"
    document.save(path)
    roadmap = read_roadmap(path.read_bytes(), "two_rows.docx", 2024)
    (event,) = all_events(roadmap)
    assert event.period_text == "Октябрь 2024 – Апрель 2025"
    assert event.responsible == ["Куратор"]


def test_row_without_content_continues_the_previous_event(tmp_path):
    data = make_docx(
        tmp_path,
        [
            ["Мероприятие", "Сроки", "Ответственный"],
            ["Встречи пар", "Октябрь 2024", "Куратор"],
            ["", "Март 2025", "Педагог-психолог"],
            ["Итоговая встреча", "Май 2025", "Куратор"],
        ],
    )
    first, second = all_events(read_roadmap(data, "plan.docx", 2024))
    assert first.period_text == "Октябрь 2024\nМарт 2025"
    assert first.responsible == ["Куратор", "Педагог-психолог"]
    assert second.title == "Итоговая встреча"


def test_xlsx_with_title_rows_and_merged_section_rows(tmp_path):
    data = make_xlsx(
        tmp_path,
        [
            "ПЛАН МЕРОПРИЯТИЙ (дорожная карта)",
            "на 2024/2025 учебный год",
            [],
            HEADER,
            "Организационно-методическое сопровождение",
            ["Формирование базы наставляемых", "Октябрь 2024", "База", None, "Иванова И.О."],
            ["Формирование базы наставников", dt.datetime(2024, 10, 1), "База", "", "Иванова И.О."],
            "Информационное сопровождение",
            ["Публикации на сайте", "В течение года", None, "Не менее 5", "Ответственный за сайт"],
        ],
    )
    roadmap = read_roadmap(data, "plan.xlsx", 2024)
    assert titles(roadmap) == [
        ("Организационно-методическое сопровождение", 2),
        ("Информационное сопровождение", 1),
    ]
    assert all_events(roadmap)[1].period_text == "01.10.2024"
    assert all_events(roadmap)[2].kpi == "Не менее 5"


def test_xlsx_kpi_targets_below_the_plan(tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)
    for row in [
        ["Мероприятие", "Сроки", "Ответственный", None],
        ["Анкетирование", "Октябрь 2024", "Куратор", None],
        [None, None, None, None],
        ["Показатель", "2024 г.", "2025 г.", "Целевое значение"],
        ["Доля наставляемых", 0.2, "40%", "не менее 40%"],
        ["Доля наставников", "0,5", 1, ""],
    ]:
        sheet.append(row)
    sheet["B5"].number_format = "0%"
    path = tmp_path / "kpi.xlsx"
    workbook.save(path)
    roadmap = read_roadmap(path.read_bytes(), "kpi.xlsx", 2024)
    assert [event.title for event in all_events(roadmap)] == ["Анкетирование"]
    assert [(k.name, k.targets, k.final) for k in roadmap.kpi_targets] == [
        ("Доля наставляемых", {"2024": 20.0, "2025": 40.0}, "не менее 40%"),
        ("Доля наставников", {"2024": 0.5, "2025": 1.0}, ""),
    ]


def test_kpi_table_with_academic_years_and_numbers(tmp_path):
    data = make_docx(
        tmp_path,
        [["Мероприятие", "Сроки", "Ответственный"], ["Анкетирование", "Октябрь 2024", "Куратор"]],
        [
            ["№ п/п", "Наименование показателя", "2024-2025", "2025-2026", "Итоговое значение"],
            ["1.", "Охват наставничеством, %", "20 %", "40%", "40 %"],
        ],
    )
    roadmap = read_roadmap(data, "plan.docx", 2024)
    assert [(k.name, k.targets, k.final) for k in roadmap.kpi_targets] == [
        ("Охват наставничеством, %", {"2024": 20.0, "2025": 40.0}, "40 %")
    ]


def test_unrecognised_table_is_skipped_with_a_warning(tmp_path):
    data = make_docx(
        tmp_path,
        [["СОГЛАСОВАНО", "УТВЕРЖДАЮ"], ["Председатель совета", "Директор школы"]],
        [["Мероприятие", "Сроки", "Ответственный"], ["Анкетирование", "Октябрь 2024", "Куратор"]],
    )
    roadmap = read_roadmap(data, "plan.docx", 2024)
    assert roadmap.events_count == 1
    assert any(warning.startswith("Таблица 1 ") for warning in roadmap.warnings)


def test_table_split_in_two_continues(tmp_path):
    data = make_docx(
        tmp_path,
        [["Мероприятие", "Сроки", "Ответственный"], "Подготовка", ["Приказ", "Август 2024", "Директор"]],
        [["Анкетирование", "Октябрь 2024", "Куратор"], ["Встречи", "Ноябрь 2024", "Наставники"]],
    )
    roadmap = read_roadmap(data, "plan.docx", 2024)
    assert titles(roadmap) == [("Подготовка", 3)]


def test_plan_nested_in_a_layout_table(tmp_path):
    document = docx.Document()
    outer = document.add_table(rows=1, cols=1)
    inner = outer.cell(0, 0).add_table(rows=2, cols=3)
    for c, text in enumerate(["Мероприятие", "Сроки", "Ответственный"]):
        inner.cell(0, c).text = text
    for c, text in enumerate(["Анкетирование", "Октябрь 2024", "Куратор"]):
        inner.cell(1, c).text = text
    path = tmp_path / "nested.docx"
    document.save(path)
    roadmap = read_roadmap(path.read_bytes(), "nested.docx", 2024)
    assert [event.title for event in all_events(roadmap)] == ["Анкетирование"]


def test_type_detected_by_content_not_extension(tmp_path):
    data = make_docx(
        tmp_path, [["Мероприятие", "Сроки", "Ответственный"], ["Анкетирование", "Октябрь 2024", "Куратор"]]
    )
    assert read_roadmap(data, "plan.xlsx", 2024).events_count == 1


def test_huge_tables_are_cut_with_warnings(tmp_path, monkeypatch):
    monkeypatch.setattr(table_reading, "MAX_ROWS", 4)
    monkeypatch.setattr(table_reading, "MAX_COLUMNS", 3)
    rows = [["Мероприятие", "Сроки", "Ответственный", "Примечание"]]
    rows += [[f"Мероприятие {n}", "Октябрь 2024", "Куратор", "—"] for n in range(1, 8)]
    roadmap = read_roadmap(make_docx(tmp_path, rows), "plan.docx", 2024)
    assert roadmap.events_count == 3
    assert any("первые 4 строк" in warning for warning in roadmap.warnings)
    assert any("первые 3 столбцов" in warning for warning in roadmap.warnings)


def test_a_hundred_events_parse_quickly(tmp_path):
    rows = [HEADER] + [event_row(f"Мероприятие номер {n}") for n in range(100)]
    data = make_docx(tmp_path, rows)
    started = time.perf_counter()
    roadmap = read_roadmap(data, "plan.docx", 2024)
    assert time.perf_counter() - started < 1.0
    assert roadmap.events_count == 100


def test_as_json_shape(tmp_path):
    data = make_docx(tmp_path, [HEADER, "Раздел", event_row("Приказ", period=""), event_row("Встреча")])
    shape = read_roadmap(data, "plan.docx", 2024).as_json(2024)
    assert json.loads(json.dumps(shape, ensure_ascii=False)) == shape
    assert shape["academic_year"] == "2024/2025"
    assert shape["kpi_targets"] == []
    first = shape["sections"][0]["events"][0]
    assert len(first.pop("warnings")) == 1  # no period is given
    assert first == {
        "number": None,
        "title": "Приказ",
        "periods": [],
        "responsible": ["Иванова И.О."],
        "expected_result": "Приказ",
        "kpi": "",
    }
    assert len(shape["warnings"]) == 1


def test_unreadable_period_is_warned(tmp_path):
    data = make_docx(
        tmp_path, [["Мероприятие", "Сроки", "Ответственный"], ["Встреча", "когда-нибудь потом", "Куратор"]]
    )
    roadmap = read_roadmap(data, "plan.docx", 2024)
    (event,) = all_events(roadmap)
    assert event.warnings
    assert all(period.start is None for period in event.periods)
    assert any("строка 2 («Встреча»)" in warning for warning in roadmap.warnings)


# ---- files that cannot be read ----


def _zip(tmp_path: Path, files: dict[str, str]) -> bytes:
    path = tmp_path / "file.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return path.read_bytes()


def _no_tables_docx(tmp_path: Path) -> bytes:
    document = docx.Document()
    document.add_paragraph("Дорожная карта: см. приложение")
    path = tmp_path / "text.docx"
    document.save(path)
    return path.read_bytes()


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda tmp: b"", "Файл пустой."),
        (lambda tmp: bytes(range(256)) * 10, "Не удалось прочитать файл"),
        (lambda tmp: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "старом формате (.doc/.xls)"),
        (lambda tmp: b"PK\x03\x04" + b"\x00garbage" * 20, "Не удалось прочитать файл"),
        (lambda tmp: _zip(tmp, {"hello.txt": "привет"}), "Не удалось прочитать файл"),
        (lambda tmp: _zip(tmp, {"word/document.xml": "<not xml"}), "Не удалось прочитать файл"),
        (_no_tables_docx, "В файле не найдено ни одной таблицы."),
        (
            lambda tmp: make_docx(tmp, [["Фамилия", "Имя"], ["Иванов", "Иван"]]),
            "Не найдена строка заголовков",
        ),
        (
            lambda tmp: make_xlsx(tmp, [["Фамилия", "Имя"], ["Иванов", "Иван"]]),
            "Не найдена строка заголовков",
        ),
        (lambda tmp: make_xlsx(tmp, []), "В файле не найдено ни одной таблицы."),
    ],
    ids=[
        "empty",
        "random",
        "ole",
        "corrupt-zip",
        "other-zip",
        "bad-xml",
        "no-tables",
        "no-header",
        "xlsx-no-header",
        "xlsx-empty",
    ],
)
def test_unreadable_files(tmp_path, build, message):
    with pytest.raises(RoadmapFileError) as error:
        read_roadmap(build(tmp_path), "plan.docx", 2024)
    assert message in str(error.value)


# ---- messages: English msgids, translated by Django's gettext at call time ----


def test_file_errors_follow_the_active_language():
    with translation.override("ru"), pytest.raises(RoadmapFileError, match="^Файл пустой.$"):
        read_roadmap(b"", "plan.docx", 2024)
    with translation.override("en"), pytest.raises(RoadmapFileError, match="^The file is empty.$"):
        read_roadmap(b"", "plan.docx", 2024)


def test_table_labels_and_warnings_follow_the_active_language(tmp_path, monkeypatch):
    monkeypatch.setattr(table_reading, "MAX_ROWS", 3)
    tables = ([["Фамилия", "Имя"], ["Иванов", "Иван"]], [HEADER, event_row("Встреча", period="")])
    docx_data = make_docx(tmp_path, *tables)
    xlsx_data = make_xlsx(tmp_path, [HEADER, event_row("Встреча", period="")] * 2)
    with translation.override("ru"):
        warnings = read_roadmap(docx_data, "plan.docx", 2024).warnings
        sheet = read_roadmap(xlsx_data, "plan.xlsx", 2024).warnings
    assert warnings == [
        "Таблица 1 не похожа на план мероприятий и пропущена: в ней не найдена строка заголовков.",
        "Таблица 2, строка 2 («Встреча»): Не указан срок.",
    ]
    assert sheet[0] == "Лист «План»: прочитаны только первые 3 строк, остальные пропущены."
    with translation.override("en"):
        warnings = read_roadmap(docx_data, "plan.docx", 2024).warnings
        sheet = read_roadmap(xlsx_data, "plan.xlsx", 2024).warnings
    assert warnings == [
        "Table 1 does not look like an events plan and was skipped: no header row was found in it.",
        "Table 2, row 2 («Встреча»): No period is given.",
    ]
    assert sheet[0] == "Sheet «План»: only the first 3 rows were read, the rest were skipped."


def test_table_reading_imports_no_django():
    code = (
        "import sys, roadmap.table_reading as reading; "
        "loaded = [name for name in sys.modules if name.split('.')[0] == 'django']; "
        "assert not loaded, loaded; "
        "reading.read_roadmap(b'', 'plan.docx', 2024)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=Path(__file__).resolve().parents[2], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert result.stderr.strip().endswith("RoadmapFileError: The file is empty.")
