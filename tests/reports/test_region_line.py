"""The region under the organisation's name is not printed twice: a full name that already ends with the
region («…Тверской области») is followed by nothing more, whatever case or spelling either is written in.
The expected results are written out by hand."""

from __future__ import annotations

from datetime import date

import pytest

from reports import declension as d
from reports.orders.reports import render_order
from reports.orders.services import order_create

from ..conftest import YEAR
from .print_checks import docx_text, pdf_words
from .test_documents import generate, pdf_text

SCHOOL = "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 1»"


@pytest.mark.parametrize(
    ("name", "region", "printed"),
    [
        (f"{SCHOOL} Тверской области", "Тверская область", ""),
        ("МБОУ «СОШ № 1» ТВЕРСКОЙ ОБЛАСТИ", "Тверская область", ""),
        ("МБОУ «СОШ № 1» Тверской области", "Тверская обл.", ""),
        ("МБОУ «СОШ № 1» Тверской области.", "  тверская  область ", ""),
        ("ГБОУ Школа № 1234 г. Москвы", "г. Москва", ""),
        ("ГБОУ Школа № 1234 города Москвы", "Москва", ""),
        ("ГАПОУ «Казанский колледж» Республики Татарстан", "Республика Татарстан", ""),
        ("МБОУ «СОШ № 5» Кемеровской области – Кузбасса", "Кемеровская область — Кузбасс", ""),
        ("МБОУ «СОШ № 2» Орловской области", "Орловская область", ""),
        # both parts of a region with its municipality, in the name's order or not
        (
            "МБОУ «СОШ № 3» Конаковского муниципального округа Тверской области",
            "Тверская область, Конаковский муниципальный округ",
            "",
        ),
        (
            "МБОУ «СОШ № 3» Тверской области",
            "Тверская область, Конаковский муниципальный округ",
            "Конаковский муниципальный округ",
        ),
        # the name ends with the town, not the region: the region is printed
        (f"{SCHOOL} г. Твери", "Тверская область", "Тверская область"),
        # the region's word inside the name is not its end: «областной» is not «область»
        ("ГБОУ «Тверской областной лицей»", "Тверская область", "Тверская область"),
        ("МБОУ «СОШ № 2» Тверской области", "Орловская область", "Орловская область"),
        (SCHOOL, "", ""),
    ],
)
def test_the_region_is_printed_unless_the_name_ends_with_it(name, region, printed):
    assert d.region_line(name, region) == printed


@pytest.fixture
def regional_school(school):
    school.name = f"{SCHOOL} Тверской области"
    school.region = "Тверская область"
    school.head_name = "Петрова Ольга Ивановна"
    school.save()
    return school


@pytest.mark.django_db
def test_an_order_header_names_the_region_once(regional_school, curator, programme):
    order = order_create(
        actor=curator, programme=programme, kind="model", number="1-ОД", day=date(YEAR, 9, 1)
    )
    pdf = pdf_words(render_order(order, "pdf"))
    word = docx_text(render_order(order, "docx"))
    for text in (pdf, word):
        header = " ".join(text[: text.find("ПРИКАЗ")].split())
        assert header == f"{SCHOOL} Тверской области"
        assert "Тверская область" not in text


@pytest.mark.django_db
def test_the_region_is_still_printed_when_the_name_does_not_end_with_it(school, curator, programme):
    school.name = f"{SCHOOL} г. Твери"
    school.save()
    order = order_create(
        actor=curator, programme=programme, kind="model", number="1-ОД", day=date(YEAR, 9, 1)
    )
    text = pdf_words(render_order(order, "pdf"))
    assert " ".join(text[: text.find("ПРИКАЗ")].split()) == f"{SCHOOL} г. Твери Тверская область"


@pytest.mark.django_db
def test_certificates_name_the_region_once(regional_school, programme, curator, pair):
    _pages, text = pdf_text(generate("certificates", curator, programme, kind="merit", whom="mentors"))
    assert "Тверской области" in text and "Тверская область" not in text
