"""Defects a reviewer found in the documents: each test fails on the code before its fix."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from reports.models import Order
from reports.orders.services import OrderError, order_create, order_mark_signed, order_update

from ..conftest import YEAR

KW = {"org": "school-a", "year": YEAR}


def _url(name: str, order: Order) -> str:
    return reverse(f"reports:{name}", kwargs={**KW, "order": order.pk})


@pytest.mark.django_db
def test_a_signed_order_is_not_edited(curator_client, curator, programme, pair):
    order = order_create(
        actor=curator, programme=programme, kind="pairing", number="45", day=date(YEAR, 10, 15), groups=[pair]
    )
    detail = curator_client.get(_url("order_detail", order)).content.decode()
    assert _url("order_edit", order) in detail  # a draft is edited
    order_mark_signed(actor=curator, order=order)
    text_before = (order.number, order.day, order.title, list(order.points))
    detail = curator_client.get(_url("order_detail", order)).content.decode()
    assert _url("order_edit", order) not in detail and "Изменить текст" not in detail
    response = curator_client.post(
        _url("order_edit", order),
        {
            "number": "46",
            "day": f"{YEAR}-10-16",
            "title": "Другое",
            "preamble": "",
            "points": "Новый пункт.",
            "signatory_position": "Директор",
            "signatory_name": "О.И. Петрова",
        },
        follow=True,
    )
    assert "Подписанный приказ не изменяют" in response.content.decode()
    assert curator_client.get(_url("order_edit", order)).status_code == 302
    with pytest.raises(OrderError, match="Подписанный приказ не изменяют"):
        order_update(
            actor=curator,
            order=order,
            number="47",
            day=date(YEAR, 10, 20),
            place="",
            title="Другое",
            preamble="",
            points=["x"],
            signatory_position="",
            signatory_name="",
        )
    order = Order.objects.get(pk=order.pk)
    assert (order.number, order.day, order.title, list(order.points)) == text_before


@pytest.mark.django_db
def test_the_preamble_cites_the_regulation_in_force_on_the_orders_date(curator, programme, pair):
    order_create(actor=curator, programme=programme, kind="regulation", number="3-ОД", day=date(YEAR, 9, 1))
    order_create(actor=curator, programme=programme, kind="regulation", number="28-ОД", day=date(YEAR, 12, 1))
    Order.objects.filter(kind="regulation").update(signed=True)  # a draft approves nothing
    october = order_create(
        actor=curator, programme=programme, kind="pairing", number="45", day=date(YEAR, 10, 15), groups=[pair]
    )
    assert f"от 01.09.{YEAR} № 3-ОД" in october.preamble
    assert "28-ОД" not in october.preamble
    december = order_create(
        actor=curator,
        programme=programme,
        kind="curator",
        number="50",
        day=date(YEAR, 12, 2),
        responsible=curator,
    )
    assert f"от 01.12.{YEAR} № 28-ОД" in december.preamble
    august = order_create(
        actor=curator,
        programme=programme,
        kind="curator",
        number="2",
        day=date(YEAR, 8, 31),
        responsible=curator,
    )
    assert "3-ОД" not in august.preamble and "28-ОД" not in august.preamble


def _template(*paragraphs: str) -> bytes:
    import io

    from docx import Document

    document = Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (
            ["Школа {{ org.name }}", "{% if %}", "текст", "{% endif %}"],
            "В шаблоне ошибка в поле или теге «{% if %}»: после названия тега не указано поле или условие.",
        ),
        (
            ["{% for x in y %}", "{{ x }}"],
            "В шаблоне ошибка в поле или теге «{% for x in y %}»: блок «for» не закрыт: добавьте после него "
            "«{% endfor %}».",
        ),
        (
            ["{% foo %}"],
            "В шаблоне ошибка в поле или теге «{% foo %}»: тега «foo» в шаблонах документов нет.",
        ),
        (["Директор {{ org.name "], "«{{ org.name»: поле не закрыто: добавьте «}}» после его названия."),
        (["{{ no_such_thing }}"], "Шаблон использует поле, которого нет в документе: «no_such_thing»."),
        (["{{ org.nme }}"], "Шаблон использует поле, которого нет в документе: «nme»."),
    ],
    ids=["empty-if", "unclosed-for", "unknown-tag", "unclosed-field", "undefined", "no-attribute"],
)
def test_template_errors_are_told_in_plain_russian_naming_the_tag(paragraphs, expected):
    from django.utils import translation

    from reports.documents.paper import engine

    with translation.override("ru"), pytest.raises(engine.TemplateProblem) as caught:
        engine.render_docx(_template(*paragraphs), {"org": {"name": "СОШ № 1"}})
    message = str(caught.value)
    assert expected in message
    for english in ("Expected", "undefined", "unexpected", "Jinja", "end of", "got '"):
        assert english not in message


def test_the_growth_change_is_that_of_the_printed_means():
    from reports.documents.analytical import growth_row

    # the reviewer's case: means 4.86 and 6.04 print as 4,9 and 6,0; the mean of the changes was 1.18
    assert growth_row("Вопрос", 4.86, 6.04, 1.18) == ("Вопрос", 4.9, 6.0, 1.1)
    assert growth_row("Вопрос", None, 6.04, None) == ("Вопрос", None, 6.0, None)


@pytest.mark.django_db
def test_the_analytical_report_reads_as_russian_and_signs_with_initials(programme):
    import io

    from django.utils import translation
    from docx import Document
    from pypdf import PdfReader

    from reports.documents.analytical import AnalyticalData, GrowthBlock, analytical_docx, analytical_pdf
    from reports.models import AnalyticalConclusions

    organization = programme.organization
    organization.head_name, organization.head_position = "Колесникова Ирина Владимировна", "Начальник"
    organization.save()
    blocks = [
        GrowthBlock(
            "Итоговая диагностика наставляемых", "Входная диагностика", n, [("Вопрос", 4.9, 6.0, 1.1)]
        )
        for n in (24, 21, 11)
    ]
    data = AnalyticalData(
        programme=programme,
        numbers=[],
        kpis=[],
        satisfaction=[],
        growth=blocks,
        swot={"strength": [], "weakness": [], "opportunity": [], "threat": []},
        roadmap=[],
        conclusions=AnalyticalConclusions(programme=programme, achievements="Пары работают."),
    )
    with translation.override("ru"):
        word = Document(io.BytesIO(analytical_docx(data)))
        pdf = PdfReader(io.BytesIO(analytical_pdf(data)))
    pdf_text = " ".join(" ".join(page.extract_text().split()) for page in pdf.pages)
    paragraphs = [paragraph.text for paragraph in word.paragraphs]
    word_text = "\n".join(paragraphs)
    for text in (word_text, pdf_text):
        assert (
            "Итоговая диагностика наставляемых и входная диагностика: на обе анкеты ответили 24 участника"
            in text
        )
        assert "ответил 21 участник." in text and "ответили 11 участников." in text
        assert "в сравнении с Входная" not in text and "участников —" not in text
        assert "Основные результаты года" in text and "основные результаты года" not in text
        assert "И.В. Колесникова" in text and "Колесникова Ирина Владимировна" not in text
    signature = next(i for i, text in enumerate(paragraphs) if "И.В. Колесникова" in text)
    assert not any("Сформировано" in text for text in paragraphs[signature:])
    footer = " ".join(p.text for section in word.sections for p in section.footer.paragraphs)
    assert "Сформировано" in footer
    assert "Сформировано" in pdf.pages[0].extract_text()


@pytest.mark.parametrize(
    ("name", "case", "expected"),
    [
        ("Седых Саша", "genitive", "Седых Саши"),
        ("Седых Саша", "instrumental", "Седых Сашей"),
        ("Гага Маша", "genitive", "Гаги Маши"),
        ("Лаврова Даша", "genitive", "Лавровой Даши"),
        ("Петров Гоша", "genitive", "Петрова Гоши"),
        ("Седых Саша Иванович", "genitive", "Седых Саши Ивановича"),
        ("Гречка Ольга", "genitive", "Гречки Ольги"),
    ],
)
def test_names_follow_the_spelling_rule_after_sibilants_and_velars(name, case, expected):
    from reports import declension

    assert declension.decline_full_name(name, case) == expected


def test_pairs_by_age_add_up_to_the_total():
    from reports.statistics import calc as st

    pupil_8 = st.ParticipantFact(role="mentee", kind="pupil", age=8)
    pupil_12 = st.ParticipantFact(role="mentee", kind="pupil", age=12)
    pupil_15 = st.ParticipantFact(role="mentee", kind="pupil", age=15)
    unknown = st.ParticipantFact(role="mentee", kind="pupil", age=None)
    pairs = [
        st.PairFact("active", "teacher_pupil", (pupil_12,)),
        st.PairFact("active", "pupil_pupil", (pupil_12,)),  # one pupil in several pairs
        st.PairFact("active", "teacher_pupil", (pupil_12,)),
        st.PairFact("active", "group", (pupil_8, pupil_12, pupil_15)),  # a group of three ages
        st.PairFact("active", "group", (unknown, pupil_15)),
        st.PairFact("active", "teacher_pupil", ()),  # its mentee is not counted in the period
        st.PairFact("active", "teacher_pupil", (unknown,)),
        st.PairFact("completed", "teacher_pupil", (pupil_8,)),
    ]
    row = st.Row("Пары и группы, действующие", "pairs_active")
    bands = ["age:-9", "age:10-14", "age:15-"]
    columns = [st.Column(code, code) for code in ("total", *bands, "age:none")]
    counted = {column.breakdown: st.count(row, column, [], pairs) for column in columns}
    assert counted["total"] == 7  # counted independently: the active pairs listed above
    assert counted == {"total": 7, "age:-9": 1, "age:10-14": 3, "age:15-": 1, "age:none": 2}
    assert sum(counted[code] for code in (*bands, "age:none")) == counted["total"]


def test_the_curators_position_is_closed_by_a_comma_inside_a_sentence():
    from reports.orders.texts import DraftFacts, draft

    facts = DraftFacts(
        organization_short="МБОУ «СОШ № 1»",
        year="2025/2026",
        day=date(YEAR, 9, 1),
        curator_name="Смирнова Елена Викторовна",
        curator_position="Заместитель директора по учебно-воспитательной работе",
        curator_sex="female",
    )
    points = " ".join(draft("regulation", facts).points)
    assert (
        "Куратору Смирновой Елене Викторовне, заместителю директора по учебно-воспитательной работе, "
        "ознакомить" in points
    )
    model = " ".join(draft("model", facts).points)
    assert "учебно-воспитательной работе, в срок до" in model
    assert model.count("работе,.") == 0 and "работе.," not in model


@pytest.mark.django_db
def test_the_signature_keeps_with_the_last_point(curator, programme, pair):
    import io

    from docx import Document

    from reports.documents.paper.docx_html import docx_to_html
    from reports.orders.reports import render_order

    points = [f"Пункт номер {n} приказа, достаточно длинный, чтобы занять строку." for n in range(1, 31)]
    order = order_create(
        actor=curator,
        programme=programme,
        kind="curator",
        number="60",
        day=date(YEAR, 10, 1),
        responsible=curator,
        points=points,
    )
    content = render_order(order, "docx")
    paragraphs = Document(io.BytesIO(content)).paragraphs
    last = next(i for i, p in enumerate(paragraphs) if p.text.startswith("30. Пункт номер 30"))
    assert paragraphs[last].paragraph_format.keep_with_next
    assert all(p.paragraph_format.keep_with_next for p in paragraphs[last + 1 : last + 3])
    first = next(p for p in paragraphs if p.text.startswith("1. Пункт номер 1 "))
    assert not first.paragraph_format.keep_with_next  # only the end is chained, the points still flow
    html = docx_to_html(content)
    assert html.count("break-after: avoid") >= 1
    pdf = render_order(order, "pdf")
    from pypdf import PdfReader

    pages = [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages]
    signed_on = [i for i, text in enumerate(pages) if "_______________" in text]
    assert signed_on and "30. Пункт номер 30" in pages[signed_on[0]]


@pytest.mark.django_db
def test_an_order_template_without_the_orders_fields_is_refused(curator_client, programme):
    import io

    from reports.documents.paper import engine
    from reports.models import DocumentTemplate

    def upload(content: bytes):
        buffer = io.BytesIO(content)
        buffer.name = "приказ.docx"
        return curator_client.post(
            reverse("reports:template_upload", kwargs={**KW, "key": "order_curator"}),
            {"file": buffer},
            follow=True,
        )

    alien = _template("Справка о чём-то другом", "{{ org.name }}")
    page = upload(alien).content.decode()
    assert "Шаблон приказа должен содержать" in page
    for missing in ("номер «{{ order.number }}»", "дату «{{ order.day }}»", "слово «ПРИКАЗЫВАЮ»", "пункты"):
        assert missing in page
    assert not DocumentTemplate.objects.exists()
    no_points = _template("{{ order.day }} № {{ order.number }}", "ПРИКАЗЫВАЮ:", "Сделать всё.")
    page = upload(no_points).content.decode()
    assert "пункты" in page and "дату" not in page.split("Шаблон приказа должен содержать")[1][:200]
    assert not DocumentTemplate.objects.exists()
    page = upload(engine.default_template("order_curator")).content.decode()
    assert "Шаблон приказа должен содержать" not in page
    assert DocumentTemplate.objects.filter(key="order_curator").exists()


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (
            ["{% for x in count %}{{ x }}{% endfor %}"],
            "в цикле {% for %} указано поле, которое не является списком",
        ),
        (["{{ count() }}"], "поле вызывается как функция"),
    ],
    ids=["loop-over-number", "call-number"],
)
def test_a_template_using_a_field_wrongly_is_told_in_russian(paragraphs, expected):
    from django.utils import translation

    from reports.documents.paper import engine

    with translation.override("ru"), pytest.raises(engine.TemplateProblem) as caught:
        engine.render_docx(_template(*paragraphs), {"count": 3})
    message = str(caught.value)
    assert message.startswith("Шаблон не удаётся заполнить: ") and expected in message
    for english in ("object", "iterable", "callable", "subscriptable", "int"):
        assert english not in message


@pytest.mark.django_db
def test_the_appendix_headers_are_not_broken_inside_a_word(
    curator, programme, pair, mentee, mentor_person, monkeypatch
):
    import io

    from docx import Document
    from docx.oxml.ns import qn
    from weasyprint.document import Document as LaidDocument
    from weasyprint.formatting_structure import boxes

    from reports.orders.reports import render_order

    from .test_print import LaidOut, _walk

    order = order_create(
        actor=curator,
        programme=programme,
        kind="reward",
        number="50",
        day=date(YEAR, 10, 15),
        people=[mentor_person, mentee],
    )
    laid_out = LaidOut()
    monkeypatch.setattr(LaidDocument, "write_pdf", laid_out(LaidDocument.write_pdf))
    render_order(order, "pdf")
    lines = [
        box.text
        for box in _walk(laid_out.documents[-1].pages[-1]._page_box)
        if isinstance(box, boxes.TextBox)
    ]
    assert "№ п/п" in lines and "программе" in " ".join(lines)
    assert not any(line.endswith("-") and line.startswith("програм") for line in lines)
    assert "п/" not in lines
    word = Document(io.BytesIO(render_order(order, "docx")))
    header = word.tables[-1].rows[0].cells
    assert [cell.text for cell in header][:4] == [
        "№ п/п",
        "Фамилия, имя, отчество",
        "Класс, должность",
        "Роль в программе",
    ]
    for cell in header:
        assert cell.paragraphs[0]._p.pPr.find(qn("w:suppressAutoHyphens")) is not None
