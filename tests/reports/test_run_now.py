"""«Сформировать сейчас»: a report job no worker takes (stalled after JOB_STALLED_AFTER, or delayed
because the broker is down) is made at once by the site itself, from the job's page."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from mentoring.models import AuditEvent, Job, Role

from ..conftest import YEAR, _member, client_for

KW = {"org": "school-a", "year": YEAR}


@pytest.fixture
def stalled_job(school_job) -> Job:
    Job.objects.filter(pk=school_job.pk).update(
        task="reports.tasks.build_report", dispatched_at=timezone.now() - timedelta(seconds=40)
    )
    school_job.refresh_from_db()
    return school_job


def _urls(job: Job) -> tuple[str, str]:
    kwargs = {**KW, "job": job.pk}
    return reverse("job_detail", kwargs=kwargs), reverse("job_run", kwargs=kwargs)


@pytest.mark.django_db
def test_a_stalled_report_is_made_now_from_its_page_and_the_export_is_audited(curator_client, stalled_job):
    detail, run = _urls(stalled_job)
    page = curator_client.get(detail).content.decode()
    assert 'data-stalled="1"' in page and "Сформировать сейчас" in page and f'action="{run}"' in page
    exports = AuditEvent.objects.filter(action=AuditEvent.Action.EXPORT, target_id=str(stalled_job.pk))
    response = curator_client.post(run, HTTP_REFERER=f"http://testserver{detail}?next=/o/school-a/{YEAR}/reports/")
    assert response.status_code == 302
    assert response["Location"] == f"{detail}?next=/o/school-a/{YEAR}/reports/"
    stalled_job.refresh_from_db()
    assert stalled_job.status == Job.Status.DONE and stalled_job.has_result, stalled_job.error
    assert stalled_job.result_name.endswith(".xlsx")
    assert exports.filter(details__run_now=True).count() == 1  # the file holds personal data
    page = curator_client.get(detail).content.decode()
    assert "Сформировать сейчас" not in page and "Файл готов." in page
    # pressed again (a second tab): the job is done, nothing runs twice
    curator_client.post(run)
    assert exports.filter(details__run_now=True).count() == 1


@pytest.mark.django_db
def test_a_job_a_worker_may_still_take_is_not_run_in_the_page(curator_client, stalled_job):
    Job.objects.filter(pk=stalled_job.pk).update(dispatched_at=timezone.now())
    detail, run = _urls(stalled_job)
    assert "Сформировать сейчас" not in curator_client.get(detail).content.decode()
    curator_client.post(run)
    stalled_job.refresh_from_db()
    assert stalled_job.status == Job.Status.QUEUED and stalled_job.attempts == 0


@pytest.mark.django_db
def test_a_delayed_job_the_broker_never_took_offers_it_too(curator_client, stalled_job):
    Job.objects.filter(pk=stalled_job.pk).update(dispatched_at=None)
    detail, run = _urls(stalled_job)
    page = curator_client.get(detail).content.decode()
    assert 'data-delayed="1"' in page and "Сформировать сейчас" in page
    curator_client.post(run)
    stalled_job.refresh_from_db()
    assert stalled_job.status == Job.Status.DONE


@pytest.mark.django_db
def test_only_post_and_only_for_who_sees_the_job(curator_client, stalled_job, school, stranger, mentor):
    detail, run = _urls(stalled_job)
    assert curator_client.get(run).status_code == 405
    colleague = _member(school, Role.PSYCHOLOGIST, "psychologist")
    for user in (stranger, mentor, colleague):  # another school; members who neither started nor manage it
        assert client_for(user).post(run).status_code == 404, user.username
    stalled_job.refresh_from_db()
    assert stalled_job.status == Job.Status.QUEUED
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.EXPORT, details__run_now=True).exists()
