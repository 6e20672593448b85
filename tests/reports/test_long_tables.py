"""A table longer than a page, as a school hands it in: the header row repeated at the top of every
page and no row cut in two between pages, on every path a PDF is made by (the table writer of the
reports, the Word → PDF layout of orders and the paper trail, the documents' own templates)."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from .print_checks import tables_broken_across_pages
from .test_print import LaidOut

LONG = "Учитель математики высшей квалификационной категории, руководитель методического объединения"


def _laid_out(monkeypatch) -> LaidOut:
    from weasyprint.document import Document

    laid_out = LaidOut()
    monkeypatch.setattr(Document, "write_pdf", laid_out(Document.write_pdf))
    return laid_out


def _page_texts(content: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(content)).pages]


def test_the_check_sees_a_header_not_repeated_and_a_row_cut_in_two():
    from weasyprint import HTML

    rows = "".join(
        f"<tr><td>{n}</td><td>{(LONG + ' ') * (12 if n % 9 == 0 else 1)}</td></tr>" for n in range(1, 140)
    )
    table = f"<table><thead><tr><th>№</th><th>Должность</th></tr></thead><tbody>{rows}</tbody></table>"
    careless = HTML(string=f"<style>thead {{ display: table-row-group }}</style>{table}").render()
    problems = tables_broken_across_pages(careless)
    assert any("without its header row" in problem for problem in problems), problems
    assert any("cut in two" in problem for problem in problems), problems


def test_a_long_table_report_repeats_its_header_and_never_cuts_a_row(monkeypatch):
    from reports.tables import Percent, Table, TableSection
    from reports.writers import pdf_tables

    rows: list = []
    for section in range(1, 4):
        rows.append(TableSection(f"Форма наставничества {section}"))
        rows += [
            [n, f"Участникова Анна Сергеевна {n}", "7Б", (LONG + " ") * (1 + 3 * (n % 6 == 0)), n * 3, Percent(45.6)]
            for n in range(1, 61)
        ]
    table = Table(
        title="Участники программы наставничества",
        subtitle="МБОУ «СОШ № 1», 2026/2027 учебный год",
        columns=["№", "ФИО", "Класс", "Должность, примечание", "Встреч", "Доля"],
        rows=rows,
    )
    laid_out = _laid_out(monkeypatch)
    content = pdf_tables([table])
    document = laid_out.documents[-1]
    assert len(document.pages) >= 4
    assert tables_broken_across_pages(document) == []
    for number, text in enumerate(_page_texts(content), start=1):
        assert "Должность, примечание" in text, f"page {number} has no header row"


@pytest.mark.django_db
def test_a_long_order_appendix_repeats_its_header_and_never_cuts_a_row(curator, programme, monkeypatch):
    from participants.services import person_create
    from reports.orders.reports import render_order
    from reports.orders.services import order_create

    from ..conftest import YEAR

    people = [
        person_create(
            actor=None,
            organization=programme.organization,
            last_name=f"Участникова{n}",
            first_name="Анна",
            patronymic="Сергеевна",
            kind="pupil",
            group_name=f"{5 + n % 6}Б",
        )
        for n in range(90)
    ]
    order = order_create(
        actor=curator, programme=programme, kind="reward", number="50", day=date(YEAR, 10, 15), people=people
    )
    laid_out = _laid_out(monkeypatch)
    content = render_order(order, "pdf")
    document = laid_out.documents[-1]
    assert len(document.pages) >= 3
    assert tables_broken_across_pages(document) == []
    texts = _page_texts(content)
    appendix = [n for n, text in enumerate(texts) if "Участникова" in text]
    assert len(appendix) >= 2
    for number in appendix:
        assert "Фамилия, имя, отчество" in texts[number], f"page {number + 1} has no header row"
