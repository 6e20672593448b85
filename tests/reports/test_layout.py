"""The paper layout of tables (pure, no database) and the writers on tables built to break them."""

from __future__ import annotations

import io

import pytest

from reports import layout
from reports.tables import Signed, Table, TableSection
from reports.writers import decimal_text, docx_table, pdf_table, sheet_title, signed_text, xlsx_table

from .test_print import LaidOut, boxes_beyond_page, cell_texts, check_docx, check_xlsx


def test_a_narrow_table_stays_portrait_and_fills_the_width():
    plan = layout.plan(["№", "Фамилия, имя, отчество"], [["1", "Иванова Мария Сергеевна"]])
    assert not plan.landscape and not plan.split
    assert sum(plan.parts[0].percents) == pytest.approx(100, abs=0.1)


def test_no_column_is_narrower_than_its_longest_word():
    header = ["Наставник", "Наставляемый", "Форма наставничества", "Период"]
    rows = [
        ["Кузнецова Ольга Петровна", "Иванова Мария Сергеевна", "учитель – ученик", "01.09.2026 – 25.05.2027"]
    ]
    plan = layout.plan(header, rows, hints=[1, 50, 1, 1])  # a hint that would squeeze the others
    page = layout.PORTRAIT_MM
    for index, percent in zip(plan.parts[0].columns, plan.parts[0].percents, strict=True):
        longest = max(layout.text_mm(word, True) for word in header[index].split())
        assert percent * page / 100 >= longest + 3, header[index]


def test_a_table_too_wide_for_portrait_turns_landscape():
    header = [f"Показатель {n}" for n in range(9)]
    plan = layout.plan(header, [["1234567"] * 9])
    assert plan.landscape and not plan.split


def test_a_table_too_wide_for_landscape_is_split_and_every_column_kept_once_with_the_keys_repeated():
    header = ["Участник", "Класс"] + [f"{n}. изменение" for n in range(1, 31)]
    rows = [["Алексеев Никита Сергеевич", "9Б"] + ["+1,25"] * 30]
    plan = layout.plan(header, rows, key_columns=2)
    assert plan.landscape and plan.split
    seen = [index for part in plan.parts for index in part.columns if index >= 2]
    assert sorted(seen) == list(range(2, 32))  # every column once
    for part in plan.parts:
        assert part.columns[:2] == (0, 1)
        widths = [p * layout.LANDSCAPE_MM / 100 for p in part.percents]
        assert all(
            w >= layout.measure(header, rows).least[i] - 0.01
            for w, i in zip(widths, part.columns, strict=True)
        )


def test_numbers_and_changes_are_written_with_a_decimal_comma_and_a_true_minus():
    assert decimal_text(77.777) == "77,78"
    assert decimal_text(5.0) == "5"
    assert decimal_text(-0.001) == "0"
    assert signed_text(1.5) == "+1,5"
    assert signed_text(-0.5) == "\u22120,5"
    assert signed_text(0.0) == "0"


def test_sheet_names_are_never_cut_inside_a_word_and_stay_unique():
    assert sheet_title("Кто должен подписать согласие на обработку данных") == "Кто должен подписать согласие"
    used = {"статистика"}
    assert sheet_title("Статистика", used) == "Статистика (2)"
    assert sheet_title("a/b:c") == "a b c"


def _wide_table() -> Table:
    link = "https://school.example.ru/" + "очень-длинная-ссылка-без-пробелов-" * 6
    columns = (
        ["ФИО участника", "Класс"]
        + [f"{n}. до" for n in range(1, 16)]
        + [f"{n}. после" for n in range(1, 16)]
    )
    rows = [TableSection("По участникам")]
    for number in range(40):
        rows.append(
            [f"Участник {number} {link if number == 3 else ''}".strip(), "9Б"]
            + [7.25] * 15
            + [Signed(-0.5)] * 15
        )
    return Table(
        title="Широкая таблица", subtitle="Школа, 2026/2027", columns=columns, rows=rows, key_columns=2
    )


@pytest.mark.django_db
def test_a_wide_table_with_a_long_link_prints_every_column_inside_the_page(monkeypatch):
    from weasyprint.document import Document

    laid_out = LaidOut()
    monkeypatch.setattr(Document, "write_pdf", laid_out(Document.write_pdf))
    table = _wide_table()
    pdf_table(table)
    document = laid_out.documents[-1]
    assert boxes_beyond_page(document) == []
    texts = cell_texts(document)
    for column in table.columns:
        assert column in texts
    assert "7,25" in texts and "\u22120,5" in texts
    assert all(page.width > page.height for page in document.pages)  # landscape


def test_a_wide_table_as_a_spreadsheet_and_a_word_file_is_ready_to_print():
    table = _wide_table()
    assert check_xlsx(xlsx_table(table)) == []
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(xlsx_table(table))).active
    assert sheet.page_setup.orientation == "landscape"
    changes = [cell for cell in sheet[6] if cell.value == -0.5]
    assert changes and changes[0].number_format.startswith("+")  # a number shown with its sign
    assert check_docx(docx_table(table), xlsx_table(table)) == []


def test_a_word_table_has_the_same_width_on_every_cell_as_on_its_grid():
    from docx import Document
    from docx.oxml.ns import qn

    word = Document(io.BytesIO(docx_table(Table("Т", "", ["Наставник", "Наставляемый"], [["А", "Б"]]))))
    table = word.tables[0]
    grid = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    for row in table.rows:
        widths = [int(cell._tc.tcPr.find(qn("w:tcW")).get(qn("w:w"))) for cell in row.cells]
        assert widths == pytest.approx(grid, abs=2)
    section = word.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)


def test_the_page_check_sees_a_table_cut_at_the_page_edge():
    """The check the print tests rely on is not blind: a fixed table wider than A4 is reported."""
    from weasyprint import HTML

    cells = "".join(f"<td>Колонка{n}</td>" for n in range(40))
    document = HTML(
        string=f"<table style='table-layout: fixed; width: 400mm'><tr>{cells}</tr></table>"
    ).render()
    assert boxes_beyond_page(document)
