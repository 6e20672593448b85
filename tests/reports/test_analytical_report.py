"""The analytical report: PDF with charts and DOCX to edit, from the year's data and the conclusions."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from mentoring.models import AuditEvent, Job
from monitoring.models import Campaign, Invitation, QuestionnaireResponse, SwotItem
from reports.documents.analytical import analytical_data
from reports.models import AnalyticalConclusions

from ..conftest import YEAR

KW = {"org": "school-a", "year": YEAR}


def run(client, capture, fmt: str) -> bytes:
    with capture(execute=True):
        response = client.post(
            reverse("reports:run", kwargs={**KW, "report": "analytical_report"}),
            {"analytical_report-format": fmt},
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    job = Job.objects.latest("created_at")
    assert job.status == Job.Status.DONE, job.error
    return b"".join(client.get(reverse("job_download", kwargs={**KW, "job": job.pk})).streaming_content)


@pytest.fixture
def year_with_data(programme, pair, monitoring_objects, curator):
    """A satisfaction answer (overall 9), a SWOT item and the curator's conclusions."""
    from monitoring.models import Answer

    invitation: Invitation = monitoring_objects["invitation"]
    response = QuestionnaireResponse.objects.create(invitation=invitation)
    Answer.objects.create(response=response, item=monitoring_objects["question"], number=9)
    SwotItem.objects.create(programme=programme, quadrant="threat", text="Нагрузка на педагогов")
    AnalyticalConclusions.objects.create(
        programme=programme, conclusions="Программа выполнена, пары работают устойчиво.", updated_by=curator
    )
    return programme


@pytest.mark.django_db
def test_data_gathers_the_year(year_with_data, monitoring_objects):
    data = analytical_data(year_with_data, today=date(YEAR + 1, 5, 20))
    assert [value for _label, value in data.numbers[:4]] == [
        1,
        1,
        1,
        0,
    ]  # mentees, mentors, active, completed
    assert [row.respondents for row in data.satisfaction] == [1]
    # one answer is one pupil's own: counted, but no mean nor share (QUESTIONNAIRE_MIN_GROUP_SIZE)
    assert data.satisfaction[0].overall_mean is None and data.satisfaction[0].satisfied_share is None
    assert data.swot["threat"] == ["Нагрузка на педагогов"]
    assert Campaign.objects.filter(programme=year_with_data).count() == 1


@pytest.mark.django_db
def test_pdf_has_sections_chart_and_conclusions(
    curator_client, year_with_data, django_capture_on_commit_callbacks
):
    pdf = run(curator_client, django_capture_on_commit_callbacks, "pdf")
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "Нагрузка на педагогов" in text
    assert "Программа выполнена, пары работают устойчиво." in text
    assert any("/XObject" in page["/Resources"] or "/Font" in page["/Resources"] for page in reader.pages)


@pytest.mark.django_db
def test_docx_is_editable_and_has_the_chart(
    curator_client, year_with_data, django_capture_on_commit_callbacks
):
    document = Document(io.BytesIO(run(curator_client, django_capture_on_commit_callbacks, "docx")))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "Программа выполнена, пары работают устойчиво." in text
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "Нагрузка на педагогов" in cells
    assert len(document.inline_shapes) >= 1  # the KPI chart as a picture


@pytest.mark.django_db
def test_curator_writes_conclusions_and_others_cannot(curator_client, programme, mentor):
    from ..conftest import client_for

    url = reverse("reports:conclusions", kwargs=KW)
    response = curator_client.post(
        url, {"achievements": "Сформировано 20 пар", "problems": "", "conclusions": "", "next_year": ""}
    )
    assert response.status_code == 302
    assert AnalyticalConclusions.objects.get(programme=programme).achievements == "Сформировано 20 пар"
    assert AuditEvent.objects.filter(target_type="reports.AnalyticalConclusions").count() == 1
    assert client_for(mentor).get(url).status_code == 403
