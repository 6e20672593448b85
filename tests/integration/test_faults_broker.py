"""Faults of the queue, without a worker: Redis down while jobs are started, a message delivered twice,
a job whose worker died. Run in both passes (SQLite and PostgreSQL); the Redis here is our own
``redis-server`` on a free port, started and stopped by the test (never the shared one).
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from datetime import timedelta

import pytest
import redis
from django.urls import reverse
from django.utils import timezone

from mentoring.celery import app
from mentoring.models import Job
from mentoring.services import job_claim, jobs_requeue_stale
from reports.services import report_build

from ..conftest import YEAR

KW = {"org": "school-a", "year": YEAR}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _use_broker(url: str) -> None:
    app.conf.broker_url = url
    app._pool = None
    amqp = app.__dict__.get("amqp")
    if amqp is not None:
        amqp._producer_pool = None


@pytest.fixture
def broker_port():
    """A real (not eager) Celery producer pointed at a port where nothing listens yet."""
    port = _free_port()
    previous = (app.conf.broker_url, app.conf.task_always_eager)
    app.conf.task_always_eager = False
    _use_broker(f"redis://127.0.0.1:{port}/0")
    yield port
    app.conf.task_always_eager = previous[1]
    _use_broker(previous[0])


@pytest.fixture
def own_redis(broker_port):
    """Start ``redis-server`` on the broker port on demand: Redis coming back."""
    if not shutil.which("redis-server"):
        pytest.skip("redis-server is not installed")
    started: list[subprocess.Popen] = []

    def start() -> redis.Redis:
        process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(broker_port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        started.append(process)
        client = redis.Redis(host="127.0.0.1", port=broker_port, db=0)
        for _ in range(100):
            try:
                if client.ping():
                    return client
            except redis.ConnectionError:
                time.sleep(0.05)
        raise AssertionError("redis-server did not start")

    yield start
    for process in started:
        process.terminate()
        process.wait(timeout=10)


def _queue_length(client: redis.Redis) -> int:
    return client.llen(app.conf.task_default_queue)


def _start_report(client, django_capture_on_commit_callbacks) -> tuple[Job, float]:
    began = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("reports:run", kwargs={**KW, "report": "members"}), {"members-format": "xlsx"}
        )
    elapsed = time.monotonic() - began
    assert response.status_code == 302, response.content.decode()[:2000]
    job = Job.objects.latest("created_at")
    assert response["Location"] == reverse("job_detail", kwargs={**KW, "job": job.pk})
    return job, elapsed


@pytest.mark.django_db
def test_redis_down_the_site_serves_jobs_wait_and_are_sent_when_it_is_back(
    curator_client, own_redis, django_capture_on_commit_callbacks
):
    # Redis is down: starting a report still answers at once, the job is kept, the page says it is delayed.
    job, elapsed = _start_report(curator_client, django_capture_on_commit_callbacks)
    assert elapsed < 10, elapsed
    assert (job.status, job.dispatched_at, job.attempts) == (Job.Status.QUEUED, None, 0)
    assert job.task == "reports.tasks.build_report"
    page = curator_client.get(reverse("job_detail", kwargs={**KW, "job": job.pk}))
    assert page.status_code == 200 and 'data-delayed="1"' in page.content.decode()
    assert curator_client.get(reverse("dashboard", kwargs=KW)).status_code == 200
    assert curator_client.get(reverse("reports:index", kwargs=KW)).status_code == 200
    # the periodic re-queue finds no broker either, and keeps the job for the next run
    assert jobs_requeue_stale(now=timezone.now() + timedelta(minutes=5)) == 0
    second, _elapsed = _start_report(curator_client, django_capture_on_commit_callbacks)
    assert second.dispatched_at is None

    # Redis is back (empty: it never saw these jobs).
    client = own_redis()
    assert _queue_length(client) == 0
    # the job page being polled sends its job again (after a few seconds, once per 10 s)
    Job.objects.filter(pk=second.pk).update(created_at=timezone.now() - timedelta(seconds=30))
    status = curator_client.get(reverse("job_status", kwargs={**KW, "job": second.pk}))
    assert status.status_code == 200 and 'data-delayed="1"' not in status.content.decode()
    second.refresh_from_db()
    assert second.dispatched_at is not None and second.status == Job.Status.QUEUED
    assert _queue_length(client) == 1
    # the periodic task sends the other one, only once, and not before JOB_REQUEUE_AFTER
    assert jobs_requeue_stale() == 0
    assert jobs_requeue_stale(now=timezone.now() + timedelta(minutes=5)) == 1
    assert jobs_requeue_stale(now=timezone.now() + timedelta(minutes=5)) == 0
    job.refresh_from_db()
    assert job.dispatched_at is not None
    assert _queue_length(client) == 2
    queued = {message.decode() for message in client.lrange(app.conf.task_default_queue, 0, -1)}
    assert any(str(job.pk) in message for message in queued)
    assert any(str(second.pk) in message for message in queued)


@pytest.mark.django_db
def test_redis_down_matching_start_does_not_fail(
    curator_client, programme, broker_port, django_capture_on_commit_callbacks
):
    from pairing.models import MatchingRun
    from tests.pairing.test_runs import start

    run = start(curator_client, django_capture_on_commit_callbacks)
    run.job.refresh_from_db()
    assert (run.job.status, run.job.dispatched_at, run.job.task) == (
        Job.Status.QUEUED,
        None,
        "pairing.tasks.run_matching",
    )
    assert MatchingRun.objects.count() == 1
    page = curator_client.get(reverse("pairing:run", kwargs={**KW, "run": run.pk}))
    assert page.status_code == 200 and 'data-delayed="1"' in page.content.decode()


@pytest.mark.django_db
def test_a_message_delivered_again_after_the_job_is_done_changes_nothing(school_job):
    school_job.task = "reports.tasks.build_report"
    school_job.save()
    report_build(job_id=str(school_job.pk))
    school_job.refresh_from_db()
    assert school_job.status == Job.Status.DONE and school_job.attempts == 1
    first_file, finished = school_job.result_file.name, school_job.finished_at
    report_build(job_id=str(school_job.pk))  # Redis re-delivers the message
    school_job.refresh_from_db()
    assert (school_job.attempts, school_job.result_file.name, school_job.finished_at) == (
        1,
        first_file,
        finished,
    )
    assert len(list(school_job.result_file.storage.listdir(first_file.rsplit("/", 1)[0])[1])) == 1


@pytest.mark.django_db
def test_a_job_left_running_by_a_dead_worker_is_taken_over_then_given_up(school_job, settings):
    settings.JOB_MAX_ATTEMPTS = 3
    for attempt in (1, 2, 3):
        claimed = job_claim(job_id=str(school_job.pk))  # the worker dies after each claim
        assert claimed is not None and claimed.attempts == attempt and claimed.status == Job.Status.RUNNING
    assert job_claim(job_id=str(school_job.pk)) is None
    school_job.refresh_from_db()
    assert school_job.status == Job.Status.FAILED and school_job.attempts == 3 and school_job.error
    assert job_claim(job_id=str(school_job.pk)) is None  # and stays failed


@pytest.mark.django_db
def test_requeue_picks_only_lost_jobs(school_job, settings, broker_port, own_redis):
    """Sent and waiting jobs are left alone; a running job is re-sent only past time limit + visibility."""
    client = own_redis()
    now = timezone.now()
    Job.objects.filter(pk=school_job.pk).update(task="reports.tasks.build_report", dispatched_at=now)
    assert jobs_requeue_stale(now=now + timedelta(minutes=5)) == 0
    visibility = timedelta(seconds=settings.CELERY_VISIBILITY_TIMEOUT)
    assert jobs_requeue_stale(now=now + visibility + timedelta(seconds=1)) == 1  # Redis lost the message
    Job.objects.filter(pk=school_job.pk).update(status=Job.Status.RUNNING, started_at=now)
    assert jobs_requeue_stale(now=now + visibility + timedelta(seconds=1)) == 0
    limit = timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT)
    assert jobs_requeue_stale(now=now + visibility + limit + timedelta(seconds=1)) == 1
    assert _queue_length(client) == 2
