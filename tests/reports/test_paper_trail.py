"""The paper trail: every local act, agreement, consent, protocol and form, generated from the
organisation's data through the Word templates the school can replace — checked as a secretary would."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from datetime import date

import pytest
from django.urls import reverse
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Mm

from mentoring.access import Scope, access_for
from mentoring.models import AuditEvent, Job
from participants.services import consent_record, mentor_profile_save, person_create
from reports.documents.paper import engine
from reports.documents.paper.docx_html import docx_to_html
from reports.models import DocumentTemplate, Order
from reports.orders.services import order_create
from reports.registry import ReportContext, ReportError, registry

from ..conftest import YEAR, client_for
from .print_checks import boxes_beyond_the_page, docx_text, is_a4, pdf_pages, pdf_words, word_facts

KW = {"org": "school-a", "year": YEAR}
PAPER = [
    "regulation_document",
    "mentoring_programme",
    "partner_agreement",
    "teacher_consent",
    "supplementary_agreement",
    "protocol",
    "questionnaire_form",
    "partners_list",
]


@pytest.fixture
def named(school, curator):
    school.name = (
        "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 1»"
    )
    school.head_name = "Петрова Ольга Ивановна"
    school.head_position = "Директор"
    school.save()
    curator.first_name, curator.last_name, curator.patronymic = "Елена", "Смирнова", "Викторовна"
    curator.save()
    return school


@pytest.fixture
def male_teacher(programme, partner):
    person = person_create(
        actor=None,
        organization=programme.organization,
        last_name="Гусь",
        first_name="Павел",
        patronymic="Павлович",
        kind="teacher",
        position="Учитель физики",
    )
    mentor_profile_save(actor=None, person=person, programme=programme, partner=partner)
    consent_record(actor=None, person=person, scope="personal_data", given_on=date(YEAR, 9, 1))
    return person


def generate(identifier: str, user, programme, fmt: str = "pdf", **options) -> bytes:
    report = registry.get(identifier)
    scope = Scope(
        organization=programme.organization,
        programme=programme,
        access=access_for(user, programme.organization),
    )
    return report.generate(ReportContext(scope=scope, user=user, options=options), fmt).content


def options_for(identifier: str, objects: dict) -> dict:
    from monitoring.models import QuestionnaireTemplate

    return {
        "partner_agreement": {"partner": objects["partner"].pk, "day": f"{YEAR}-09-20"},
        "protocol": {
            "body": "council",
            "number": "3",
            "day": f"{YEAR}-10-01",
            "chair": "Петрова Ольга Ивановна",
            "secretary": "Смирнова Елена Викторовна",
            "present": 24,
            "agenda": ["О закреплении наставнических пар", "Об обучении наставников"],
            "decisions": ["Утвердить состав пар", "Провести обучение до 01.11.2025"],
        },
        "questionnaire_form": {
            "questionnaire": QuestionnaireTemplate.objects.filter(items__kind="scale").first().pk
        },
        "supplementary_agreement": {"payment": "3 000 (три тысячи) рублей", "day": f"{YEAR}-10-01"},
    }.get(identifier, {})


@pytest.mark.django_db
@pytest.mark.parametrize("identifier", PAPER)
def test_every_document_prints_within_a4_in_word_and_pdf_with_the_same_text(
    identifier, named, programme, curator, pair, partner, male_teacher, roadmap_event
):
    options = options_for(identifier, {"partner": partner})
    word = generate(identifier, curator, programme, "docx", **options)
    facts = word_facts(word)
    assert facts["a4"], "Word page is not A4"
    assert facts["page_numbers"], "no page numbers"
    assert not facts["leftover_tags"], facts["leftover_tags"]
    pdf = generate(identifier, curator, programme, "pdf", **options)
    assert all(is_a4(size) for size in pdf_pages(pdf))
    assert boxes_beyond_the_page(docx_to_html(word)) == []
    pdf_text = pdf_words(pdf).replace(" ", "")
    for paragraph in Document(io.BytesIO(word)).paragraphs:
        assert " ".join(paragraph.text.split()).replace(" ", "") in pdf_text
    assert "МБОУ «СОШ № 1»" in pdf_words(pdf) or named.name in pdf_words(pdf)  # filled in from the data


@pytest.mark.django_db
def test_the_regulation_is_approved_by_its_order_and_names_the_forms(named, programme, curator):
    order_create(actor=curator, programme=programme, kind="regulation", number="12-ОД", day=date(YEAR, 8, 30))
    Order.objects.filter(kind="regulation").update(signed=True)  # a draft approves nothing
    text = pdf_words(generate("regulation_document", curator, programme))
    assert "УТВЕРЖДЕНО приказом МБОУ «СОШ № 1» от 30.08.2025 № 12-ОД" in text
    assert "о наставничестве в Муниципальном бюджетном общеобразовательном учреждении «Средняя" in text
    assert "«учитель – ученик»" in text and "351.8" in text and "Р-145" in text


@pytest.mark.django_db
def test_consents_decline_the_teacher_and_the_director_and_agree_by_sex(
    named, programme, curator, pair, male_teacher
):
    text = pdf_words(generate("teacher_consent", curator, programme))
    # the mentor of the pair (a woman) and the male teacher, a page each
    assert "Директору МБОУ «СОШ № 1» О.И. Петровой" in text
    assert "от учителя физики Гуся Павла Павловича" in text
    assert "Кузнецовой Ольги Петровны" in text
    assert "Я, Кузнецова Ольга Петровна," in text and "в отношении Ивановой Марии Сергеевны, 6Б" in text
    assert "в отношении:" not in text
    assert "утверждённым приказом от __.__.20__ № ____, ознакомлен." in text.replace("ознакомлена.", "X")
    assert "ознакомлена." in text


@pytest.mark.django_db
def test_the_agreement_with_a_partner_comes_from_its_card(named, programme, curator, partner):
    text = pdf_words(
        generate("partner_agreement", curator, programme, partner=partner.pk, day=f"{YEAR}-09-20")
    )
    assert "СОГЛАШЕНИЕ № 15/2025" in text and "«20» сентября 2025 г." in text
    assert "в лице директора Петровой Ольги Ивановны, действующей на основании устава" in text
    assert "ООО «Берёзовский машиностроительный завод» (далее — Партнёр)" in text
    with pytest.raises(ReportError):
        generate("partner_agreement", curator, programme)


@pytest.mark.django_db
def test_the_supplementary_agreement_cites_article_351_8_and_the_pay(named, programme, curator, male_teacher):
    text = pdf_words(
        generate("supplementary_agreement", curator, programme, payment="15 % должностного оклада")
    )
    assert "статьёй 351.8 Трудового кодекса" in text and "15 % должностного оклада в месяц" in text
    assert f"с 01.09.{YEAR}" in text or "по 31.08.2026" in text
    assert "Экземпляр соглашения получил: __________ / П.П. Гусь" in text


@pytest.mark.django_db
def test_the_supplementary_agreement_names_the_mentees_in_the_genitive(named, programme, curator, pair):
    text = pdf_words(generate("supplementary_agreement", curator, programme, payment="3 000 рублей"))
    assert "Положением о наставничестве в МБОУ «СОШ № 1» в отношении Ивановой Марии Сергеевны, 6Б." in text
    assert "Иванова Мария Сергеевна" not in text and "в отношении:" not in text


@pytest.mark.django_db
def test_the_protocol_numbers_its_agenda_and_decisions(named, programme, curator, partner):
    text = pdf_words(
        generate("protocol", curator, programme, **options_for("protocol", {"partner": partner}))
    )
    assert "ПРОТОКОЛ" in text and f"01.10.{YEAR} № 3" in text and "заседания педагогического совета" in text
    assert "1. О закреплении наставнических пар 2. Об обучении наставников" in text
    assert "РЕШИЛИ: 1. Утвердить состав пар 2. Провести обучение до 01.11.2025" in text
    assert "Председатель _______________ О.И. Петрова" in text


@pytest.mark.django_db
def test_the_protocol_form_refuses_an_empty_agenda_in_russian(curator_client, programme):
    response = curator_client.post(
        reverse("reports:run", kwargs={**KW, "report": "protocol"}),
        {
            "protocol-format": "pdf",
            "protocol-number": "1",
            "protocol-day": f"{YEAR}-10-01",
            "protocol-chair": "А",
            "protocol-secretary": "Б",
            "protocol-present": "3",
            "protocol-agenda": "  \n ",
            "protocol-decisions": "x",
            "protocol-body": "council",
        },
    )
    assert response.status_code == 400
    assert "Обязательное поле." in response.content.decode()
    assert not Job.objects.exists()


@pytest.mark.django_db
def test_the_questionnaire_form_prints_every_question_with_a_way_to_answer(named, programme, curator):
    from monitoring.models import QuestionnaireTemplate

    template = QuestionnaireTemplate.objects.filter(items__kind="scale").distinct().first()
    text = pdf_words(generate("questionnaire_form", curator, programme, questionnaire=template.pk))
    for item in template.items.all():
        assert " ".join(item.text.split())[:40] in text
    assert "1 2 3 4 5 6 7 8 9 10" in text


@pytest.mark.django_db
def test_the_list_of_partners_counts_their_mentors(named, programme, curator, partner, male_teacher):
    text = pdf_words(generate("partners_list", curator, programme))
    assert "ООО «Берёзовский машиностроительный завод» Предприятие № 15/2025" in text
    assert "Всего организаций-партнёров: 1." in text
    document = Document(io.BytesIO(generate("partners_list", curator, programme, "docx")))
    assert document.sections[0].orientation == WD_ORIENT.LANDSCAPE
    assert [cell.text for cell in document.tables[1].rows[1].cells][-1] == "1"


@pytest.mark.django_db
def test_a_new_school_gets_its_local_acts_on_the_first_click(
    curator_client, django_capture_on_commit_callbacks
):
    """Nothing entered but the organisation itself: the documents still come out, blanks marked to fill."""
    for identifier in ("regulation_document", "mentoring_programme"):
        with django_capture_on_commit_callbacks(execute=True):
            response = curator_client.post(
                reverse("reports:run", kwargs={**KW, "report": identifier}), {f"{identifier}-format": "docx"}
            )
        assert response.status_code == 302
        job = Job.objects.latest("created_at")
        assert job.status == Job.Status.DONE, job.error


# --------------------------------------------------------------------------------------------------
# The school's own templates


def upload(client, key: str, content: bytes, name: str = "шаблон.docx"):
    buffer = io.BytesIO(content)
    buffer.name = name
    return client.post(
        reverse("reports:template_upload", kwargs={**KW, "key": key}), {"file": buffer}, follow=True
    )


def template_with(paragraph: str, key: str = "protocol") -> bytes:
    document = Document(io.BytesIO(engine.default_template(key)))
    document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"%PDF-1.4 not a word file", "Это не документ Word (.docx)."),
        (
            template_with("{{ org.nme }}") if False else None,
            "Шаблон использует поле, которого нет в документе",
        ),
        (None, "В шаблоне ошибка в поле или теге"),
        (None, "Шаблон обращается к тому, что шаблону документа недоступно."),
    ],
    ids=["not-docx", "unknown-field", "syntax", "sandbox"],
)
def test_a_bad_template_is_refused_with_a_russian_message_and_changes_nothing(
    request, curator_client, programme, content, message
):
    content = (
        content
        or {
            "unknown-field": lambda: template_with("{{ org.nme }}"),
            "syntax": lambda: template_with("{{ org.name "),
            "sandbox": lambda: template_with("{{ ''.__class__.__mro__[1].__subclasses__() }}"),
        }[request.node.callspec.id]()
    )
    response = upload(curator_client, "protocol", content)
    page = response.content.decode()
    assert message in page and "не сохранён, действует прежний" in page
    assert not DocumentTemplate.objects.exists()
    assert not AuditEvent.objects.filter(target_type="reports.DocumentTemplate").exists()


@pytest.mark.django_db
def test_a_school_replaces_a_template_downloads_it_and_goes_back_to_the_standard(
    curator_client, curator, named, programme, partner
):
    page = curator_client.get(reverse("reports:templates", kwargs=KW)).content.decode()
    assert "Протокол заседания" in page and "{{ meeting.agenda" not in page or "meeting.agenda" in page
    default = curator_client.get(reverse("reports:template_download", kwargs={**KW, "key": "protocol"}))
    assert default["Content-Type"].startswith("application/vnd.openxmlformats")
    own = template_with("Протокол вела {{ meeting.secretary|case('творительный') }}.")
    response = upload(curator_client, "protocol", own)
    assert "сохранён" in response.content.decode()
    downloaded = curator_client.get(reverse("reports:template_download", kwargs={**KW, "key": "protocol"}))
    assert b"".join([downloaded.content]) == own
    options = options_for("protocol", {"partner": partner})
    assert "Протокол вела Смирновой Еленой Викторовной." in pdf_words(
        generate("protocol", curator, programme, **options)
    )
    assert "Протокол вела Смирновой Еленой Викторовной." in docx_text(
        generate("protocol", curator, programme, "docx", **options)
    )
    assert AuditEvent.objects.filter(target_type="reports.DocumentTemplate", action="create").exists()
    curator_client.post(reverse("reports:template_reset", kwargs={**KW, "key": "protocol"}))
    assert not DocumentTemplate.objects.exists()
    assert "Протокол вела" not in pdf_words(generate("protocol", curator, programme, **options))


@pytest.mark.django_db
def test_template_pages_are_for_the_school_managers(client, mentor, stranger, programme):
    content = template_with("x")
    assert upload(client_for(mentor), "protocol", content).status_code == 403
    assert client_for(stranger).get(reverse("reports:templates", kwargs=KW)).status_code == 404
    assert client_for(mentor).get(reverse("reports:templates", kwargs=KW)).status_code == 403
    assert not DocumentTemplate.objects.exists()


@pytest.mark.django_db
def test_the_templates_page_takes_a_fixed_number_of_queries(
    curator_client, programme, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as standard:
        assert curator_client.get(reverse("reports:templates", kwargs=KW)).status_code == 200
    for key in ("protocol", "order_model", "partners_list"):
        DocumentTemplate.objects.create(
            organization=programme.organization, key=key, filename="x.docx", content=b"x"
        )
    with django_assert_max_num_queries(len(standard.captured_queries)):
        page = curator_client.get(reverse("reports:templates", kwargs=KW)).content.decode()
    assert page.count("ваш шаблон с") == 3


# --------------------------------------------------------------------------------------------------
# The Word → PDF layout, against a document our builder did not make, and against LibreOffice


def test_a_foreign_word_file_keeps_its_layout_in_the_pdf():
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK

    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run("Заголовок").bold = True
    table = document.add_table(rows=3, cols=3)
    table.style = "Table Grid"
    table.cell(0, 0).merge(table.cell(0, 1)).text = "объединены по горизонтали"
    table.cell(1, 2).merge(table.cell(2, 2)).text = "по вертикали"
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.add_paragraph("Вторая страница")
    buffer = io.BytesIO()
    document.save(buffer)
    html = docx_to_html(buffer.getvalue())
    assert "size: 297.0mm 210.0mm" in html
    assert "text-align: center" in html and "font-weight: bold" in html
    assert 'colspan="2"' in html and 'rowspan="2"' in html
    assert 'class="grid"' in html and "page-break" in html
    from weasyprint import HTML

    assert len(HTML(string=html).render().pages) == 2


@pytest.mark.django_db
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_reads_our_word_file_as_we_lay_it_out(tmp_path, named, programme, curator, pair):
    order = order_create(
        actor=curator,
        programme=programme,
        kind="pairing",
        number="45-ОД",
        day=date(YEAR, 10, 15),
        groups=[pair],
        responsible=curator,
    )
    from reports.orders.reports import render_order

    word = render_order(order, "docx")
    (tmp_path / "order.docx").write_bytes(word)
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(tmp_path / "order.docx"),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    theirs = (tmp_path / "order.pdf").read_bytes()
    ours = render_order(order, "pdf")
    assert all(is_a4(size) for size in pdf_pages(theirs))
    assert len(pdf_pages(theirs)) == len(pdf_pages(ours)) == 2
    assert set(pdf_words(theirs).split()) == set(pdf_words(ours).split()) - {"2"} | (
        {"2"} & set(pdf_words(theirs).split())
    )


@pytest.mark.django_db
def test_the_supplementary_agreement_puts_the_position_inside_the_sentence(
    named, programme, curator, male_teacher
):
    text = pdf_words(generate("supplementary_agreement", curator, programme, payment="3 000 рублей"))
    assert "и учитель физики Гусь Павел Павлович (далее — Работник)" in text
    assert "Учитель физики (далее" not in text


@pytest.mark.django_db
def test_the_programme_agrees_with_its_approval_block(named, programme, curator):
    order_create(actor=curator, programme=programme, kind="regulation", number="12-ОД", day=date(YEAR, 8, 30))
    text = pdf_words(generate("mentoring_programme", curator, programme))
    assert text.startswith("УТВЕРЖДЕНА приказом") or " УТВЕРЖДЕНА приказом" in text
    assert "УТВЕРЖДЕНО" not in text


def _xml(content: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return archive.read(name).decode("utf-8")


@pytest.mark.django_db
@pytest.mark.parametrize("identifier", PAPER)
def test_word_files_are_russian_hyphenated_with_real_styles_and_numbers_kept_with_their_sign(
    identifier, named, programme, curator, pair, partner, male_teacher, roadmap_event
):
    from docx.oxml.ns import qn

    options = options_for(identifier, {"partner": partner})
    word = generate(identifier, curator, programme, "docx", **options)
    settings, styles, body = (_xml(word, f"word/{name}.xml") for name in ("settings", "styles", "document"))
    assert "<w:autoHyphenation" in settings  # Word hyphenates the Russian text as the PDF does
    assert re.search(r'<w:rPrDefault>.*?<w:lang w:val="ru-RU"', styles, re.S)
    document = Document(io.BytesIO(word))
    assert any(p.style.name == "Heading 1" for p in document.paragraphs)
    heading = document.styles["Heading 1"].element.pPr
    assert heading.find(qn("w:suppressAutoHyphens")) is not None  # titles are never hyphenated
    for table in document.tables:
        assert table.style.name in ("Table Grid", "Реквизиты"), table.style.name
        properties = [child.tag.split("}")[1] for child in table._tbl.tblPr]
        assert properties.count("tblLayout") == 1, properties  # Word refuses a duplicated property
        if "tblBorders" in properties:
            assert properties.index("tblBorders") < properties.index("tblLayout"), properties
    assert not re.search(r"№ \d", body), "«№» and its number must not part at a line end"


def test_a_number_sign_is_glued_to_a_number_but_not_to_words():
    from reports.documents.paper.engine import NUMBER_SIGN

    assert (
        NUMBER_SIGN.sub("№\u00a0", "приказ № 12-ОД, № ____, № п/п")
        == "приказ №\u00a012-ОД, №\u00a0____, № п/п"
    )


def test_names_in_tables_are_never_hyphenated_but_the_text_is():
    from docx.oxml.ns import qn

    from reports.documents.paper.builder import TABLE_NAMES, TABLE_TEXT, TemplateBuilder

    b = TemplateBuilder()
    b.table(["ФИО", "Цели"], ["{{ row.name }}", "{{ row.goals }}"], widths=[1, 1], loop="row in rows")
    document = Document(io.BytesIO(b.bytes()))
    row = document.tables[0].rows[2]
    assert [cell.paragraphs[0].style.name for cell in row.cells] == [TABLE_NAMES, TABLE_TEXT]
    assert document.styles[TABLE_NAMES].element.pPr.find(qn("w:suppressAutoHyphens")) is not None
    html = docx_to_html(b.bytes())
    assert "hyphens: manual" in html and "hyphens: auto" in html


@pytest.mark.django_db
def test_the_supplementary_agreement_refuses_an_end_before_the_start_in_russian(curator_client, programme):
    response = curator_client.post(
        reverse("reports:run", kwargs={**KW, "report": "supplementary_agreement"}),
        {
            "supplementary_agreement-format": "pdf",
            "supplementary_agreement-start": f"{YEAR}-10-01",
            "supplementary_agreement-end": f"{YEAR}-09-30",
        },
    )
    assert response.status_code == 400
    assert "не может закончиться раньше, чем начнётся" in response.content.decode()
    assert not Job.objects.exists()
