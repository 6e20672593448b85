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
        key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_URL"))
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
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


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
