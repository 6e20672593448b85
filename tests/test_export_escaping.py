"""Formula-like text in every export that writes user text, generated through the registry and read back.

Names, titles, answers and organisation names get ``=1+1``, ``-2+3``, ``@SUM(A1)``, ``=HYPERLINK(…)`` and a
phone number ``+7 …``. Read back: no XLSX cell is a formula, every formula-like text cell is a string with
Excel's quote prefix (Excel shows the text as written, never evaluates it), and the visible text is the
text as written. In CSV the text gets a leading apostrophe, which the bases' importer drops again.
"""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from mentoring.models import Job, Organization
from participants.importing import cell_text
from participants.models import Person

from .conftest import YEAR, client_for
from .factories import ProgrammeFactory

pytestmark = pytest.mark.django_db

KW = {"org": "school-a", "year": YEAR}
FORMULA = "=1+1"
ARITHMETIC = "-2+3"
AT = "@SUM(A1)"
LINK = '=HYPERLINK("http://evil.example","Открыть")'
PHONE = "+7 900 000-00-01"
PREFIXES = ("=", "+", "-", "@")


def run(client, capture, kw, report: str, fmt: str, **options) -> bytes:
    data = {f"{report}-format": fmt, **{f"{report}-{key}": value for key, value in options.items()}}
    with capture(execute=True):
        response = client.post(reverse("reports:run", kwargs={**kw, "report": report}), data)
    assert response.status_code == 302, response.content.decode()[-2000:]
    job = Job.objects.latest("created_at")
    assert job.status == Job.Status.DONE, job.error
    download = client.get(reverse("job_download", kwargs={**kw, "job": job.pk}))
    return b"".join(download.streaming_content)


def xlsx_texts(content: bytes) -> list[str]:
    """Every text cell of every sheet; fails on a formula or an unprotected formula-like text."""
    texts = []
    for sheet in load_workbook(io.BytesIO(content)).worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    if cell.value.startswith(PREFIXES):
                        assert cell.data_type == "s" and cell.quotePrefix, (sheet.title, cell.coordinate)
                    texts.append(cell.value)
    return texts


def assert_visible(texts: list[str], *expected: str, whole: tuple[str, ...] = ()) -> None:
    """Each expected text is in some cell as written; ``whole`` ones are a cell of their own."""
    for text in expected:
        assert any(text in cell for cell in texts), (text, texts)
    for text in whole:
        assert text in texts, (text, texts)


@pytest.fixture
def evil_school(school, programme, curator, mentee, mentor_person, pair, monitoring_objects):
    """The school's people and objects with formula-like text wherever a user may type it."""
    Person.objects.filter(pk=mentee.pk).update(
        last_name=FORMULA, first_name=ARITHMETIC, patronymic=AT, group_name=ARITHMETIC, guardian_name=LINK
    )
    Person.objects.filter(pk=mentee.pk).update(guardian_phone=PHONE, phone=PHONE)
    Person.objects.filter(pk=mentor_person.pk).update(last_name=LINK, workplace=AT, phone=PHONE)
    curator.first_name, curator.last_name, curator.email = FORMULA, AT, "curator@example.org"
    curator.save()
    from monitoring import models as m
    from roadmap.services import event_create, section_create

    section = section_create(actor=None, programme=programme, title=LINK)
    event_create(
        actor=None,
        section=section,
        number="1.",
        title=FORMULA,
        period_text="октябрь 2025",
        expected_result=ARITHMETIC,
        kpi_text=AT,
        responsible_text=PHONE,
    )
    indicator = monitoring_objects["indicator"]
    indicator.name = AT
    indicator.save()
    campaign = monitoring_objects["campaign"]
    campaign.title = FORMULA
    campaign.save()
    question = m.QuestionItem.objects.create(
        template=campaign.template, key="open", text=LINK, kind=m.QuestionItem.Kind.TEXT
    )
    invitation = monitoring_objects["invitation"]
    response = m.QuestionnaireResponse.objects.create(invitation=invitation)
    m.Answer.objects.create(response=response, item=question, text=ARITHMETIC)
    m.Answer.objects.create(response=response, item=monitoring_objects["question"], number=9)
    return school


def test_bases_xlsx_keep_the_text_and_never_a_formula(
    curator_client, evil_school, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    mentees = xlsx_texts(run(curator_client, capture, KW, "mentee_base", "xlsx"))
    assert_visible(mentees, f"{FORMULA} {ARITHMETIC} {AT}", LINK, PHONE, whole=(ARITHMETIC,))
    mentors = xlsx_texts(run(curator_client, capture, KW, "mentor_base", "xlsx"))
    assert_visible(mentors, LINK, PHONE, whole=(AT,))


def csv_cells(content: bytes) -> list[str]:
    text = content.decode("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(text), delimiter=";") for cell in row]
    for cell in cells:
        assert not cell.startswith(PREFIXES), cell  # a spreadsheet would run it
    return cells


def test_bases_csv_escape_and_read_back_as_written(
    curator_client, evil_school, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    cells = csv_cells(run(curator_client, capture, KW, "mentee_base", "csv"))
    assert f"'{ARITHMETIC}" in cells  # the class «-2+3» is escaped, not computed to 1
    assert any(cell.startswith(f"'{FORMULA} {ARITHMETIC} {AT}") for cell in cells)
    read_back = [cell_text(cell) for cell in cells]  # what the import of the bases reads
    assert ARITHMETIC in read_back
    assert any(cell.startswith(f"{FORMULA} {ARITHMETIC} {AT}") for cell in read_back)
    mentors = [cell_text(cell) for cell in csv_cells(run(curator_client, capture, KW, "mentor_base", "csv"))]
    assert AT in mentors
    assert any(cell.startswith(LINK) for cell in mentors)


def test_roadmap_xlsx_and_pdf(curator_client, evil_school, django_capture_on_commit_callbacks):
    capture = django_capture_on_commit_callbacks
    texts = xlsx_texts(run(curator_client, capture, KW, "roadmap", "xlsx"))
    assert_visible(texts, PHONE, whole=(FORMULA, ARITHMETIC, AT))
    assert f"1. {LINK}" in texts  # the section, numbered as on paper, its title kept as written
    pdf = PdfReader(io.BytesIO(run(curator_client, capture, KW, "roadmap", "pdf")))
    text = " ".join(page.extract_text() for page in pdf.pages)
    for value in (FORMULA, ARITHMETIC, AT):
        assert value in text


def test_members_xlsx(curator_client, evil_school, django_capture_on_commit_callbacks):
    texts = xlsx_texts(run(curator_client, django_capture_on_commit_callbacks, KW, "members", "xlsx"))
    assert_visible(texts, f"{AT} {FORMULA}")  # last name first


def test_questionnaire_results_xlsx(
    curator_client, evil_school, monitoring_objects, django_capture_on_commit_callbacks
):
    from monitoring import models as m

    campaign = monitoring_objects["campaign"]
    # two more answers (the mentee's parent, a staff member): results of fewer than three are not shown
    first = monitoring_objects["invitation"]
    for extra in (
        {"person": first.person, "respondent": m.Audience.PARENT},
        {"user": campaign.created_by, "respondent": m.Audience.CURATOR},
    ):
        invitation = m.Invitation.objects.create(campaign=campaign, expires_at=first.expires_at, **extra)
        response = m.QuestionnaireResponse.objects.create(invitation=invitation)
        m.Answer.objects.create(response=response, item=monitoring_objects["question"], number=7)
    content = run(
        curator_client,
        django_capture_on_commit_callbacks,
        KW,
        "questionnaire_results",
        "xlsx",
        campaign=campaign.pk,
    )
    texts = xlsx_texts(content)
    assert_visible(texts, FORMULA, LINK, whole=(ARITHMETIC,))  # title, question, the open answer


def test_kpis_xlsx(curator_client, evil_school, django_capture_on_commit_callbacks):
    texts = xlsx_texts(run(curator_client, django_capture_on_commit_callbacks, KW, "kpis", "xlsx"))
    assert_visible(texts, whole=(AT,))


def test_statistics_and_consolidation_of_a_municipality(
    authority, evil_school, other_school, coordinator, django_capture_on_commit_callbacks
):
    ProgrammeFactory(
        organization=authority, academic_year__start_year=YEAR, pupils_total=0, pupils_with_disabilities=0
    )
    Organization.objects.filter(pk=evil_school.pk).update(short_name=LINK, name=LINK)
    Organization.objects.filter(pk=other_school.pk).update(short_name=ARITHMETIC, name=ARITHMETIC)
    Organization.objects.filter(pk=authority.pk).update(name=FORMULA)
    client = client_for(coordinator)
    kw = {"org": authority.slug, "year": YEAR}
    capture = django_capture_on_commit_callbacks
    statistics = xlsx_texts(run(client, capture, kw, "rnc_statistics", "xlsx"))
    assert_visible(statistics, FORMULA, whole=(LINK, ARITHMETIC))  # subtitle, the schools' sections
    consolidation = xlsx_texts(run(client, capture, kw, "municipal_consolidation", "xlsx"))
    assert_visible(consolidation, FORMULA, whole=(LINK, ARITHMETIC))
    kpis = xlsx_texts(run(client, capture, kw, "kpis", "xlsx"))
    assert_visible(kpis, whole=(ARITHMETIC,))


def test_school_statistics_xlsx(curator_client, evil_school, django_capture_on_commit_callbacks):
    Organization.objects.filter(pk=evil_school.pk).update(name=LINK)
    texts = xlsx_texts(run(curator_client, django_capture_on_commit_callbacks, KW, "rnc_statistics", "xlsx"))
    assert_visible(texts, LINK, whole=(AT,))  # the subtitle; the KPI sheet's indicator


def test_the_check_itself_catches_a_formula_and_an_unprotected_text():
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append([FORMULA])  # openpyxl writes «=…» as a formula
    buffer = io.BytesIO()
    workbook.save(buffer)
    with pytest.raises(AssertionError):
        xlsx_texts(buffer.getvalue())
    workbook = Workbook()
    workbook.active.append([ARITHMETIC])  # text, but Excel would compute it once the cell is edited
    buffer = io.BytesIO()
    workbook.save(buffer)
    with pytest.raises(AssertionError):
        xlsx_texts(buffer.getvalue())
