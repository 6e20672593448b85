"""PostgreSQL restarted under a running site: every server-side connection of the site is cut
(``pg_terminate_backend``, what a restart does to them) and the next requests must succeed without
restarting the site. The shared server itself is never restarted: only this test database's sessions.

With CONN_HEALTH_CHECKS the persistent connection (CONN_MAX_AGE) is tested before the request uses
it, so not even the first request after the cut fails. Needs PostgreSQL.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import psycopg2
import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse

from ..conftest import YEAR

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="needs PostgreSQL"
    ),
]


def _terminate_site_connections() -> int:
    """Cut every session on the test database, from a connection to another database."""
    db = connection.settings_dict
    admin = psycopg2.connect(
        dbname="postgres",
        user=db["USER"],
        password=db["PASSWORD"] or None,
        host=db["HOST"] or "127.0.0.1",
        port=db["PORT"] or 5432,
    )
    admin.autocommit = True
    try:
        with admin.cursor() as cursor:
            cursor.execute(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                [db["NAME"]],
            )
            return cursor.fetchone()[0]
    finally:
        admin.close()


def _get(url: str, cookie: str = "") -> tuple[int, str]:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})  # noqa: S310  the URL is our own server on 127.0.0.1
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - our own server
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, ""


@pytest.fixture
def site(tmp_path, request):
    """The site as in production: gunicorn, one sync worker, persistent connections (CONN_MAX_AGE)."""
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}",
        "DATABASE_CONN_MAX_AGE": "600",
        "DATABASE_CONN_HEALTH_CHECKS": getattr(request, "param", "true"),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
    }
    env.pop("REDIS_URL", None)
    log = (tmp_path / "gunicorn.log").open("w")
    process = subprocess.Popen(
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
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                if _get(url + "/healthz/")[0] == 200:
                    break
            except OSError:
                time.sleep(0.1)
        else:
            raise AssertionError((tmp_path / "gunicorn.log").read_text()[-3000:])
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


@pytest.mark.django_db(transaction=True)
def test_the_site_recovers_after_the_database_connections_are_cut(site, curator, client):
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True
    client.force_login(curator)
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
    dashboard = site + reverse("dashboard", kwargs={"org": "school-a", "year": YEAR})
    health = site + reverse("healthz")
    connection.close()  # only the site's sessions are left on the test database

    assert _get(health) == (200, "ok")
    assert _get(dashboard, cookie)[0] == 200  # the gunicorn worker now holds a persistent connection

    for _round in range(3):
        assert _terminate_site_connections() == 1  # the worker's connection: PostgreSQL "restarted"
        status, page = _get(dashboard, cookie)
        assert status == 200 and "МБОУ" in page, status
        assert _get(health) == (200, "ok")


@pytest.mark.parametrize("site", ["false"], indirect=True)
@pytest.mark.django_db(transaction=True)
def test_without_health_checks_one_request_fails_then_the_site_recovers(site, curator, client):
    """What CONN_HEALTH_CHECKS saves us from: the request that finds the dead connection gets a 500."""
    client.force_login(curator)
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
    dashboard = site + reverse("dashboard", kwargs={"org": "school-a", "year": YEAR})
    connection.close()
    assert _get(dashboard, cookie)[0] == 200
    assert _terminate_site_connections() == 1
    assert _get(dashboard, cookie)[0] == 500
    assert _get(dashboard, cookie)[0] == 200  # Django dropped the broken connection after the error
