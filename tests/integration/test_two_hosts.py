"""Two application servers on one PostgreSQL and one Redis, as two web hosts of a region's deployment.

Two gunicorn processes (ports of their own) and a Celery worker (a third «host») share the test
database, the Redis broker and cache, and the files: a shared folder (the compose «media» volume) or,
in the second variant, an S3 server (moto's, a separate process) with a different empty MEDIA_ROOT for
each process, so that nothing can pass through a local disk. A curator's browser session:

- starts a report through server A, follows it to the end and downloads it through server B (the
  session, the job and the file are seen by both);
- a login throttle counted on one holds on the other: wrong passwords alternate between A and B, none of
  them sees the limit alone, and the correct password is then refused (429) on both.

Needs REDIS_URL and PostgreSQL (the second pass of .ci/run), like the other integration tests.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import requests
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from openpyxl import load_workbook

from mentoring.celery import app
from mentoring.models import Job, Role, SignInEvent
from tests.factories import MembershipFactory, UserFactory
from tests.s3server import _free_port, s3_endpoint  # noqa: F401 - the fixture

from .test_celery_worker import _database_url

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "Верный-пароль-2025"  # noqa: S105 - a test user's

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs REDIS_URL pointing at a real Redis"),
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="the servers must share the test database: needs PostgreSQL",
    ),
]


def _wait_until_up(url: str, process: subprocess.Popen, log: Path, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"{url} exited: {log.read_text()[-3000:]}")
        try:
            if requests.get(url, timeout=2).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{url} did not start: {log.read_text()[-3000:]}")


class Host:
    """One process of the deployment (a gunicorn server or a Celery worker) with its own log."""

    def __init__(self, name: str, command: list[str], env: dict[str, str], log_dir: Path) -> None:
        self.name = name
        self.log = log_dir / f"{name}.log"
        self._handle = self.log.open("w")
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=self._handle, stderr=subprocess.STDOUT
        )

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=30)
        self._handle.close()


@pytest.fixture(scope="module", params=["shared-volume", "s3"])
def deployment(request, tmp_path_factory, django_db_setup):
    """Two web servers and a worker, kept for the tests of one variant; yields their addresses."""
    tmp_path = tmp_path_factory.mktemp(request.param)
    queue = f"hosts-{uuid.uuid4().hex[:8]}"
    previous_queue = app.conf.task_default_queue
    app.conf.task_default_queue = queue
    base_env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "DATABASE_CONN_MAX_AGE": "0",
        "CELERY_QUEUE": queue,
        # the sign-in counters live in the shared Redis: each variant (and each run) counts afresh
        "CACHE_KEY_PREFIX": queue,
        "DJANGO_ENV": "development",
        "DJANGO_DEBUG": "false",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
    }
    for name in [key for key in base_env if key.startswith("S3_")]:
        del base_env[name]
    if request.param == "shared-volume":
        shared = str(tmp_path / "shared-media")
        media_for = dict.fromkeys(("web-a", "web-b", "worker"), shared)
    else:
        import boto3

        endpoint = request.getfixturevalue("s3_endpoint")
        bucket = f"hosts-{uuid.uuid4().hex[:12]}"
        boto3.client(
            "s3",
            endpoint_url=endpoint,
            region_name="us-east-1",
            aws_access_key_id="test-key",
            aws_secret_access_key="test-secret",
        ).create_bucket(Bucket=bucket)
        base_env.update(
            S3_BUCKET=bucket,
            S3_ENDPOINT_URL=endpoint,
            S3_REGION="us-east-1",
            S3_ACCESS_KEY_ID="test-key",
            S3_SECRET_ACCESS_KEY="test-secret",
            S3_ADDRESSING_STYLE="path",
        )
        media_for = {name: str(tmp_path / f"local-disk-of-{name}") for name in ("web-a", "web-b", "worker")}
    hosts: list[Host] = []
    try:
        urls = []
        for name in ("web-a", "web-b"):
            port = _free_port()
            host = Host(
                name,
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "mentoring.wsgi:application",
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--workers",
                    "1",
                ],
                {**base_env, "MEDIA_ROOT": media_for[name]},
                tmp_path,
            )
            hosts.append(host)
            urls.append((f"http://127.0.0.1:{port}", host))
        worker = Host(
            "worker",
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "mentoring",
                "worker",
                "--pool=solo",
                "-Q",
                queue,
                "--without-heartbeat",
                "--without-gossip",
                "--without-mingle",
                "-l",
                "warning",
            ],
            {**base_env, "MEDIA_ROOT": media_for["worker"]},
            tmp_path,
        )
        hosts.append(worker)
        for url, host in urls:
            _wait_until_up(url + "/healthz/", host.process, host.log)
        yield [url for url, _host in urls], hosts, request.param, media_for
    finally:
        for host in hosts:
            host.stop()
        app.conf.task_default_queue = previous_queue


def _password_hash(password: str) -> str:
    """A hash the servers (default hashers) accept; the test process itself uses MD5 for speed."""
    hasher = PBKDF2PasswordHasher()
    return hasher.encode(password, hasher.salt(), iterations=1000)


def _login(session: requests.Session, base: str, username: str, password: str) -> requests.Response:
    page = session.get(f"{base}/accounts/login/", timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    return session.post(
        f"{base}/accounts/login/",
        data={"username": username, "password": password, "csrfmiddlewaretoken": token},
        headers={"Referer": f"{base}/accounts/login/"},
        allow_redirects=False,
        timeout=60,
    )


def _csrf(session: requests.Session, url: str) -> str:
    page = session.get(url, timeout=30)
    assert page.status_code == 200, page.text[:500]
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)


@pytest.mark.django_db(transaction=True)
def test_a_report_started_on_one_host_is_followed_and_downloaded_on_the_other(
    deployment, school, programme, curator
):
    (server_a, server_b), hosts, variant, media_for = deployment
    for index in range(40):
        MembershipFactory(organization=school, role=Role.MENTOR, user=UserFactory(username=f"host{index}"))
    curator.password = _password_hash(PASSWORD)
    curator.save(update_fields=["password"])
    prefix = f"/o/{school.slug}/{programme.academic_year.start_year}"

    browser = requests.Session()
    response = _login(browser, server_a, curator.username, PASSWORD)
    assert response.status_code == 302, response.text[:1000]

    # start the report on A
    reports = f"{server_a}{prefix}/reports/"
    token = _csrf(browser, reports)
    response = browser.post(
        f"{server_a}{prefix}/reports/members/run/",
        data={"members-format": "xlsx", "csrfmiddlewaretoken": token},
        headers={"Referer": reports},
        allow_redirects=False,
        timeout=60,
    )
    assert response.status_code == 302, response.text[:1000]
    job_id = re.search(r"/jobs/([0-9a-f-]{36})/", response.headers["Location"]).group(1)

    # follow it on B, as the page's progress component does
    deadline = time.monotonic() + 120
    states = []
    while time.monotonic() < deadline:
        status = browser.get(f"{server_b}{prefix}/jobs/{job_id}/status/", timeout=30)
        assert status.status_code == 200
        state = re.search(r'data-status="(\w+)"', status.text).group(1)
        if not states or states[-1] != state:
            states.append(state)
        if state in ("done", "failed"):
            break
        time.sleep(0.3)
    job = Job.objects.get(pk=job_id)
    worker_log = hosts[2].log.read_text()[-3000:]
    assert states[-1] == "done", (states, job.error, worker_log)
    download_url = f"{prefix}/jobs/{job_id}/download/"
    assert download_url in status.text

    # download it on B: the file the worker wrote, whichever host asks
    response = browser.get(server_b + download_url, timeout=60)
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith("attachment;")
    sheet = load_workbook(io.BytesIO(response.content)).active
    usernames = {cell.value for row in sheet.iter_rows() for cell in row}
    assert {"host0", "host39"} <= {str(value) for value in usernames if value} or sheet.max_row >= 41
    assert response.content == browser.get(server_a + download_url, timeout=60).content
    if variant == "s3":  # nothing went through a local disk of any host
        for folder in media_for.values():
            assert not Path(folder).exists() or not any(Path(folder).rglob("*.xlsx"))
    else:
        assert job.result_file.name and (Path(media_for["web-a"]) / job.result_file.name).is_file()


@pytest.mark.django_db(transaction=True)
def test_a_login_throttle_counted_on_one_host_holds_on_the_other(deployment, school, curator, settings):
    (server_a, server_b), _hosts, _variant, _media = deployment
    curator.password = _password_hash(PASSWORD)
    curator.save(update_fields=["password"])
    limit = settings.LOGIN_FAILURE_LIMIT
    servers = [server_a, server_b]
    for attempt in range(limit):  # A, B, A, B, A: no server alone sees the limit
        response = _login(requests.Session(), servers[attempt % 2], curator.username, "неверный-пароль")
        expected = 429 if attempt == limit - 1 else 200
        assert response.status_code == expected, (attempt, response.status_code)
    for server in (server_b, server_a):  # the right password now: refused on both
        response = _login(requests.Session(), server, curator.username, PASSWORD)
        assert response.status_code == 429, server
        assert "заблокирован" in response.text.lower() or "попыт" in response.text.lower()
    assert SignInEvent.objects.filter(username=curator.username).count() >= limit
    # another user is not affected: the lock is per name
    other = UserFactory(username="another-curator")
    other.password = _password_hash(PASSWORD)
    other.save(update_fields=["password"])
    MembershipFactory(organization=school, role=Role.CURATOR, user=other)
    assert _login(requests.Session(), server_b, other.username, PASSWORD).status_code == 302
