"""The report registry end to end, proved with the members report in XLSX and PDF."""

import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from mentoring.models import AuditEvent, Job, Role
from mentoring.services import jobs_purge_expired
from reports.registry import PDF, XLSX, ReportError, registry
from reports.services import report_build
from tests.factories import MembershipFactory, UserFactory

from ..conftest import YEAR, client_for

KW = {"org": "school-a", "year": YEAR}


def run_report(client, django_capture_on_commit_callbacks, fmt: str, **options) -> Job:
    data = {"members-format": fmt, **{f"members-{key}": value for key, value in options.items()}}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reports:run", kwargs={**KW, "report": "members"}), data)
    assert response.status_code == 302, response.content.decode()[:500]
    job = Job.objects.latest("created_at")
    assert response["Location"] == reverse("job_detail", kwargs={**KW, "job": job.pk})
    return job


def download(client, job: Job) -> bytes:
    response = client.get(reverse("job_download", kwargs={**KW, "job": job.pk}))
    assert response.status_code == 200
    return b"".join(response.streaming_content)


@pytest.mark.django_db
def test_members_xlsx_has_every_member_and_escapes_formulas(
    curator_client, school, curator, django_capture_on_commit_callbacks
):
    MembershipFactory(
        organization=school,
        role=Role.MENTOR,
        user=UserFactory(username="evil", last_name='=HYPERLINK("x")', first_name="Иван", patronymic=""),
    )
    job = run_report(curator_client, django_capture_on_commit_callbacks, XLSX)
    job.refresh_from_db()
    assert job.status == Job.Status.DONE and job.progress == 100 and job.has_result
    assert job.result_name == f"members_school-a_{YEAR}.xlsx"
    sheet = load_workbook(io.BytesIO(download(curator_client, job))).active
    values = [cell for row in sheet.iter_rows(values_only=True) for cell in row if cell]
    assert curator.get_full_name() in values
    assert "Сотрудники и роли" in values
    # the formula-like name is kept as written but stored as text, never as a formula
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value]
    evil = next(cell for cell in cells if cell.value == '=HYPERLINK("x") Иван')
    assert evil.data_type == "s" and evil.quotePrefix
    assert not any(cell.data_type == "f" for cell in cells)


@pytest.mark.django_db
def test_members_pdf_is_a4_with_cyrillic(curator_client, curator, django_capture_on_commit_callbacks):
    job = run_report(curator_client, django_capture_on_commit_callbacks, PDF)
    reader = PdfReader(io.BytesIO(download(curator_client, job)))
    page = reader.pages[0]
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    assert (round(width), round(height)) == (595, 842)  # A4 portrait in points
    text = page.extract_text()
    assert "Сотрудники и роли" in text
    assert curator.last_name in text


@pytest.mark.django_db
def test_role_filter_option_limits_the_rows(curator_client, school, django_capture_on_commit_callbacks):
    MembershipFactory(organization=school, role=Role.MENTOR, user=UserFactory(username="only-mentor"))
    job = run_report(curator_client, django_capture_on_commit_callbacks, XLSX, roles=["mentor"])
    sheet = load_workbook(io.BytesIO(download(curator_client, job))).active
    logins = [row[2] for row in sheet.iter_rows(min_row=5, values_only=True)]
    assert logins == ["only-mentor"]


@pytest.mark.django_db
def test_every_run_and_download_of_personal_data_is_audited(
    curator_client, curator, django_capture_on_commit_callbacks
):
    job = run_report(curator_client, django_capture_on_commit_callbacks, XLSX)
    download(curator_client, job)
    actions = list(
        AuditEvent.objects.filter(actor=curator, target_id=str(job.pk)).values_list("action", flat=True)
    )
    assert sorted(actions) == [AuditEvent.Action.DOWNLOAD, AuditEvent.Action.EXPORT]


@pytest.mark.django_db
def test_bad_format_is_refused_with_a_message_and_no_job(curator_client):
    response = curator_client.post(
        reverse("reports:run", kwargs={**KW, "report": "members"}), {"members-format": "exe"}
    )
    assert response.status_code == 400
    assert "Выберите корректный вариант" in response.content.decode()
    assert not Job.objects.exists()


@pytest.mark.django_db
def test_mentor_does_not_see_the_report_and_cannot_run_it(mentor):
    client = client_for(mentor)
    assert "Сотрудники и роли" not in client.get(reverse("reports:index", kwargs=KW)).content.decode()
    response = client.post(
        reverse("reports:run", kwargs={**KW, "report": "members"}), {"members-format": XLSX}
    )
    assert response.status_code == 404
    assert not Job.objects.exists()


@pytest.mark.django_db
def test_another_member_cannot_download_my_file(
    curator_client, mentor, administrator, django_capture_on_commit_callbacks
):
    job = run_report(curator_client, django_capture_on_commit_callbacks, XLSX)
    url = reverse("job_download", kwargs={**KW, "job": job.pk})
    assert client_for(mentor).get(url).status_code == 404
    assert client_for(administrator).get(url).status_code == 200  # the school's administrator may


@pytest.mark.django_db
def test_expired_files_are_purged_and_no_longer_served(curator_client, django_capture_on_commit_callbacks):
    job = run_report(curator_client, django_capture_on_commit_callbacks, XLSX)
    job.refresh_from_db()
    path = job.result_file.path
    Job.objects.filter(pk=job.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    assert curator_client.get(reverse("job_download", kwargs={**KW, "job": job.pk})).status_code == 404
    import os

    # the application purged it itself when it was asked for, without waiting for the beat schedule
    assert not os.path.exists(path)
    assert jobs_purge_expired() == 0
    page = curator_client.get(reverse("job_detail", kwargs={**KW, "job": job.pk})).content.decode()
    assert "срок хранения" in page


@pytest.mark.django_db
def test_finished_job_is_not_built_twice(curator_client, django_capture_on_commit_callbacks):
    job = run_report(curator_client, django_capture_on_commit_callbacks, XLSX)
    job.refresh_from_db()
    name, attempts = job.result_file.name, job.attempts
    report_build(job_id=str(job.pk))  # a re-delivered task after a worker loss
    job.refresh_from_db()
    assert (job.result_file.name, job.attempts) == (name, attempts)


@pytest.mark.django_db
def test_an_expected_error_is_shown_in_plain_words(school_job):
    school_job.params = {"report": "no-such-report", "format": "xlsx", "options": {}}
    school_job.save()
    report_build(job_id=str(school_job.pk))
    school_job.refresh_from_db()
    assert school_job.status == Job.Status.FAILED
    assert school_job.error == "Такого отчёта больше нет."


@pytest.mark.django_db
def test_an_unexpected_error_is_generic(school_job, monkeypatch):
    report = registry.get("members")

    def broken(*args, **kwargs):
        raise ZeroDivisionError("secret internals")

    monkeypatch.setattr(report, "rows", broken)
    report_build(job_id=str(school_job.pk))
    school_job.refresh_from_db()
    assert school_job.status == Job.Status.FAILED
    assert "secret" not in school_job.error and "внутренней ошибки" in school_job.error


@pytest.mark.django_db
def test_progress_page_polls_until_done(curator_client, school_job, django_assert_num_queries):
    url = reverse("job_status", kwargs={**KW, "job": school_job.pk})
    curator_client.get(url)
    with django_assert_num_queries(6):
        html = curator_client.get(url).content.decode()
    assert 'hx-trigger="every 1s"' in html
    report_build(job_id=str(school_job.pk))
    html = curator_client.get(url).content.decode()
    assert "hx-trigger" not in html and "Скачать" in html


@pytest.mark.django_db
def test_reports_index_query_count(curator_client, curator, school_job, django_assert_num_queries):
    for _ in range(10):
        Job.objects.create(
            kind="report:members",
            title="x",
            organization=school_job.organization,
            academic_year=school_job.academic_year,
            created_by=curator,
        )
    curator_client.get(reverse("reports:index", kwargs=KW))
    # the options forms are loaded when opened (``reports:options``, pinned in tests/test_page_query_pins.py);
    # the page reads whether the analytical report's conclusions are written, the order approving the
    # roadmap, the collection periods of the consolidated statistics and the user's files (read once per
    # page, whatever the number of rows)
    with django_assert_num_queries(11):
        response = curator_client.get(reverse("reports:index", kwargs=KW))
    assert response.status_code == 200


def test_registry_refuses_duplicates():
    with pytest.raises(ValueError):
        registry.register(type(registry.get("members")))


def test_report_error_is_an_exception():
    assert issubclass(ReportError, Exception)


@pytest.mark.django_db
def test_a_job_queued_long_without_a_worker_says_processing_is_not_running(curator_client, school_job):
    """Redis took the job but no worker runs: after half a minute the page says so, in Russian."""
    url = reverse("job_status", kwargs={**KW, "job": school_job.pk})
    Job.objects.filter(pk=school_job.pk).update(
        task="reports.tasks.build_report", dispatched_at=timezone.now()
    )
    html = curator_client.get(url).content.decode()
    assert 'data-stalled="1"' not in html and "Ожидает очереди" in html
    Job.objects.filter(pk=school_job.pk).update(dispatched_at=timezone.now() - timedelta(seconds=31))
    html = curator_client.get(url).content.decode()
    assert 'data-stalled="1"' in html and "Фоновая обработка, похоже, не запущена" in html
    assert "Ожидает очереди" not in html
