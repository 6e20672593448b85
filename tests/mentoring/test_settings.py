import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from mentoring.settings import database_from_url

ROOT = Path(__file__).resolve().parents[2]


def test_postgres_url():
    config = database_from_url("postgres://postgres:p%40ss@127.0.0.1:5432/test")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["NAME"], config["USER"], config["PASSWORD"], config["HOST"], config["PORT"]) == (
        "test",
        "postgres",
        "p@ss",
        "127.0.0.1",
        "5432",
    )


def test_sqlite_url():
    assert database_from_url("sqlite:///var/other.sqlite3")["NAME"] == "var/other.sqlite3"
    assert database_from_url("sqlite:////tmp/abs.sqlite3")["NAME"] == "/tmp/abs.sqlite3"


def test_unknown_scheme_is_refused():
    with pytest.raises(ImproperlyConfigured):
        database_from_url("mysql://root@localhost/db")


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL", "CACHE_URL"))
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deploy_check():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_ENV="production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="mentoring.example.org",
        SITE_URL="https://mentoring.example.org",
        REDIS_URL="redis://redis:6379/0",  # as docker-compose.yml sets it (no connection is made)
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_without_a_shared_cache_warns_in_the_deploy_check():
    """Without REDIS_URL/CACHE_URL the cache is the process's memory: the sign-in throttle would count
    wrong passwords per gunicorn worker. ``check --deploy`` (and the start-up check) says so."""
    env = {
        "DJANGO_ENV": "production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "mentoring.example.org",
        "SITE_URL": "https://mentoring.example.org",
    }
    per_process = _manage("check", "--deploy", "--fail-level", "WARNING", **env)
    assert per_process.returncode != 0, per_process.stdout
    assert "mentoring.W002" in per_process.stderr and "LocMemCache" in per_process.stderr, per_process.stderr
    shared = _manage("check", "--deploy", "--fail-level", "WARNING", **env, CACHE_URL="redis://redis:6379/1")
    assert shared.returncode == 0 and "mentoring.W002" not in shared.stderr, shared.stderr
    # a developer's machine (no DJANGO_ENV) is not nagged
    development = _manage("check", "--fail-level", "WARNING")
    assert "mentoring.W002" not in development.stderr, development.stderr


def test_production_refuses_to_start_without_the_site_address():
    """Questionnaire links and QR codes built by a background job need SITE_URL: the start-up check
    (``manage.py migrate`` runs it before the site starts) stops without it and warns on a local one."""
    env = {
        "DJANGO_ENV": "production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "mentoring.example.org",
    }
    missing = _manage("check", **env)
    assert missing.returncode != 0 and "mentoring.E001" in missing.stderr, missing.stderr
    local = _manage("check", "--fail-level", "WARNING", **env, SITE_URL="http://127.0.0.1:8000")
    assert local.returncode != 0 and "mentoring.W001" in local.stderr, local.stderr


def test_production_refuses_to_start_without_a_secret_key():
    result = _manage("check", DJANGO_ENV="production", DJANGO_ALLOWED_HOSTS="mentoring.example.org")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_production_turns_debug_off():
    result = _manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.DEBUG, settings.SESSION_COOKIE_SECURE)",
        DJANGO_ENV="production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="mentoring.example.org",
    )
    assert result.stdout.strip().splitlines()[-1] == "False True", result.stderr
