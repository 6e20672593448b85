"""The РНЦ statistics and the municipal consolidation, generated through the registry and read back."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from mentoring.models import Job

from ..conftest import YEAR, client_for
from ..factories import ProgrammeFactory


def run(client, capture, kw, report: str, fmt: str) -> Job:
    with capture(execute=True):
        response = client.post(
            reverse("reports:run", kwargs={**kw, "report": report}), {f"{report}-format": fmt}
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    job = Job.objects.latest("created_at")
    assert job.status == Job.Status.DONE, job.error
    return job


def download(client, kw, job: Job) -> bytes:
    response = client.get(reverse("job_download", kwargs={**kw, "job": job.pk}))
    return b"".join(response.streaming_content)


@pytest.fixture
def authority_programme(authority):
    return ProgrammeFactory(
        organization=authority, academic_year__start_year=YEAR, pupils_total=0, pupils_with_disabilities=0
    )


@pytest.mark.django_db
def test_school_statistics_xlsx_counts_the_pair(curator_client, pair, django_capture_on_commit_callbacks):
    kw = {"org": "school-a", "year": YEAR}
    job = run(curator_client, django_capture_on_commit_callbacks, kw, "rnc_statistics", "xlsx")
    workbook = load_workbook(io.BytesIO(download(curator_client, kw, job)))
    sheet = workbook.worksheets[0]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    header = rows[3]
    body = {row[0]: row[1:] for row in rows[4:] if row[0]}
    total = header.index("Всего") - 1
    assert body["Наставляемые, всего"][total] == 1
    assert body["в том числе: ОВЗ"][total] == 1
    assert body["Наставники, всего"][total] == 1
    assert body["Пары и группы, действующие"][total] == 1
    assert isinstance(body["Наставляемые, всего"][total], int)  # numbers stay numbers
    kpi_sheet = workbook.worksheets[1]
    names = [row[0].value for row in kpi_sheet.iter_rows(min_row=5)]
    assert len(names) >= 5
    assert sheet.freeze_panes == "A5"


@pytest.mark.django_db
def test_school_statistics_pdf_is_landscape_a4(curator_client, pair, django_capture_on_commit_callbacks):
    kw = {"org": "school-a", "year": YEAR}
    job = run(curator_client, django_capture_on_commit_callbacks, kw, "rnc_statistics", "pdf")
    reader = PdfReader(io.BytesIO(download(curator_client, kw, job)))
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)
    assert "Статистика для РНЦ" in reader.pages[0].extract_text()


@pytest.mark.django_db
def test_municipal_statistics_and_consolidation_add_up_schools(
    authority,
    authority_programme,
    school,
    other_school,
    pair,
    coordinator,
    django_capture_on_commit_callbacks,
):
    client = client_for(coordinator)
    kw = {"org": authority.slug, "year": YEAR}
    job = run(client, django_capture_on_commit_callbacks, kw, "rnc_statistics", "xlsx")
    workbook = load_workbook(io.BytesIO(download(client, kw, job)))
    assert len(workbook.worksheets) == 3  # totals, KPI, by school
    job = run(client, django_capture_on_commit_callbacks, kw, "municipal_consolidation", "xlsx")
    workbook = load_workbook(io.BytesIO(download(client, kw, job)))
    values = [[cell.value for cell in row] for row in workbook.worksheets[0].iter_rows(min_row=5)]
    organisations = [row[0] for row in values]
    assert organisations == ["МБОУ «Гимназия № 2»", "МБОУ «СОШ № 1»", "Итого по муниципалитету"]
    assert values[-1][1] == values[0][1] + values[1][1]  # pupils add up


@pytest.mark.django_db
def test_consolidation_is_offered_only_to_an_authority(curator_client, pair):
    page = curator_client.get(reverse("reports:index", kwargs={"org": "school-a", "year": YEAR}))
    assert "municipal_consolidation" not in page.content.decode()


@pytest.mark.django_db
def test_authority_statistics_and_consolidation_queries_do_not_grow_with_schools(
    authority, authority_programme, school, other_school, pair, tmp_path
):
    """The РНЦ statistics and the consolidation of an authority read every school with the same
    queries: one more school with people and pairs adds none."""
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(report: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            call_command(
                "export_report",
                report,
                "--org",
                authority.slug,
                "--year",
                str(YEAR),
                "--format",
                "xlsx",
                "--output",
                str(tmp_path / f"{report}.xlsx"),
            )
        return len(captured)

    before = {report: queries(report) for report in ("rnc_statistics", "municipal_consolidation")}
    from datetime import date

    from pairing.models import MentoringForm
    from pairing.services import group_create
    from participants.services import consent_record, mentee_profile_save, mentor_profile_save, person_create

    third = ProgrammeFactory(organization__parent=authority, academic_year__start_year=YEAR)
    people = []
    for kind, birth in (("teacher", date(1980, 1, 1)), ("pupil", date(2012, 1, 1))):
        person = person_create(
            actor=None,
            organization=third.organization,
            last_name="Новая",
            first_name="Анна",
            kind=kind,
            birth_date=birth,
        )
        consent_record(
            actor=None,
            person=person,
            scope="personal_data",
            given_on=date(2025, 9, 1),
            given_by="representative" if kind == "pupil" else "self",
            representative_name="Новая Ольга" if kind == "pupil" else "",
        )
        people.append(person)
    mentor_profile_save(actor=None, person=people[0], programme=third)
    mentee_profile_save(actor=None, person=people[1], programme=third)
    group_create(
        actor=None,
        programme=third,
        form=MentoringForm.objects.get(key="teacher_pupil"),
        mentors=[people[0]],
        mentees=[people[1]],
    )
    assert {report: queries(report) for report in before} == before


@pytest.mark.django_db
def test_the_kpi_sheet_keeps_shares_and_counts_apart(
    curator_client, programme, pair, django_capture_on_commit_callbacks
):
    """A share is a percentage cell (0.5 shown as 50,0 %), a count a whole number; the unit has its own
    column; the PDF prints «50 %» for the share and the count bare."""
    from monitoring.models import Indicator

    Indicator.objects.create(
        organization=programme.organization,
        key="own-mentors",
        name="Наставники школы (число)",
        numerator="mentors",
        unit=Indicator.Unit.COUNT,
    )
    Indicator.objects.create(
        organization=programme.organization,
        key="own-paired-share",
        name="Доля наставляемых с ОВЗ",
        numerator="mentees_ovz",
        denominator="mentees",
    )
    kw = {"org": "school-a", "year": YEAR}
    job = run(curator_client, django_capture_on_commit_callbacks, kw, "rnc_statistics", "xlsx")
    sheet = load_workbook(io.BytesIO(download(curator_client, kw, job))).worksheets[1]
    header = [cell.value for cell in sheet[4]]
    assert header == [
        "Показатель",
        "Единица измерения",
        "Учтено",
        "Всего",
        "Значение",
        "Целевое значение",
        "Состояние",
    ]
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=5) if row[0].value}
    count = rows["Наставники школы (число)"]
    assert count[1].value == "ед." and count[4].value == 1 and isinstance(count[4].value, int)
    assert not count[4].number_format.endswith("%")
    share = rows["Доля наставляемых с ОВЗ"]
    assert share[1].value == "%" and share[4].value == pytest.approx(1.0)  # the one mentee has ОВЗ: 100 %
    assert share[4].number_format == "0.0%"
    for row in rows.values():  # no column mixes the two: every value agrees with its row's unit
        if row[4].value is not None:
            assert row[4].number_format.endswith("%") == (row[1].value == "%"), row[0].value
    job = run(curator_client, django_capture_on_commit_callbacks, kw, "rnc_statistics", "pdf")
    text = " ".join(
        " ".join(page.extract_text().split())
        for page in PdfReader(io.BytesIO(download(curator_client, kw, job))).pages
    )
    assert "Доля наставляемых с ОВЗ % 1 1 100 % " in text.replace("\xa0", " ")
    assert "Наставники школы (число) ед. 1 1" in text  # counted 1, value 1: a count, no «%»
