"""Strangers and shared computers: CSRF on every form, no personal data in URLs or logs, sessions,
passwords and the sign-in throttle. (The production ``check --deploy`` is in
``tests/mentoring/test_settings.py``; the permission matrix in ``tests/test_permission_matrix.py``.)
"""

from __future__ import annotations

import io
import logging
import re
from datetime import timedelta
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.test import Client

from mentoring.log_privacy import GunicornLogger, RequestLineFilter, scrub

from .conftest import client_for
from .factories import PASSWORD
from .test_permission_matrix import MATRIX, ROLES, database_state, project_routes
from .test_permissions import build_path

ROOT = Path(__file__).resolve().parents[1]
CURATOR = ROLES.index("curator")
ANONYMOUS = ROLES.index("anonymous")


# --- CSRF ---------------------------------------------------------------------------------------


class _Forms(HTMLParser):
    """Every form of a page: its method and whether it holds a CSRF token."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []
        self._open: dict | None = None
        self.htmx_writes = 0
        self.body_csrf_header = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "body" and "X-CSRFToken" in (attrs.get("hx-headers") or ""):
            self.body_csrf_header = True
        if any(name in attrs for name in ("hx-post", "hx-put", "hx-patch", "hx-delete")):
            self.htmx_writes += 1
        if tag == "form":
            self._open = {"method": (attrs.get("method") or "get").lower(), "token": False, "attrs": attrs}
            self.forms.append(self._open)
        elif tag == "input" and self._open is not None and attrs.get("name") == "csrfmiddlewaretoken":
            self._open["token"] = bool(attrs.get("value"))

    def handle_endtag(self, tag):
        if tag == "form":
            self._open = None


def _pages(column: int) -> list[tuple[str, str]]:
    return [(route, name) for route, name in project_routes() if MATRIX[name][0].split()[column] == "200"]


@pytest.mark.django_db
def test_every_post_form_carries_a_csrf_token(url_values, curator):
    clients = {CURATOR: client_for(curator), ANONYMOUS: Client()}
    post_forms = htmx_pages = pages = 0
    for column, client in clients.items():
        for route, name in _pages(column):
            path = build_path(route, url_values)
            response = client.get(path)
            if not response["Content-Type"].startswith("text/html"):
                continue  # files: evidence, scans, photos
            pages += 1
            parser = _Forms()
            parser.feed(response.content.decode())
            for form in parser.forms:
                if form["method"] == "post":
                    post_forms += 1
                    assert form["token"], f"{path} ({name}): a POST form without csrfmiddlewaretoken"
            if parser.htmx_writes:
                htmx_pages += 1
                assert parser.body_csrf_header, f"{path} ({name}): htmx writes without the X-CSRFToken header"
    assert pages >= 80
    assert post_forms >= 40
    assert htmx_pages >= 1


@pytest.mark.django_db
def test_a_post_without_a_csrf_token_is_refused_everywhere(url_values, curator):
    curator_client = Client(enforce_csrf_checks=True)
    curator_client.force_login(curator)
    anonymous = Client(enforce_csrf_checks=True)
    before = database_state()
    refused = 0
    for route, name in project_routes():
        path = build_path(route, url_values)
        client = anonymous if MATRIX[name][1].split()[CURATOR] == "L" else curator_client
        for who in {client, anonymous} if MATRIX[name][1].split()[ANONYMOUS] != "L" else {client}:
            response = who.post(path, {"title": "x", "username": "curator", "password": PASSWORD})
            assert response.status_code == 403, (
                f"POST {path} ({name}) without a token: {response.status_code}"
            )
            refused += 1
    assert refused >= len(MATRIX)
    assert database_state() == before


def test_no_view_is_csrf_exempt():
    offenders = []
    for app in ("mentoring", "roadmap", "participants", "pairing", "monitoring", "reports"):
        for path in (ROOT / app).rglob("*.py"):
            if "csrf_exempt" in path.read_text(encoding="utf-8"):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []
    assert "django.middleware.csrf.CsrfViewMiddleware" in settings.MIDDLEWARE


# --- Personal data in URLs and logs ----------------------------------------------------------------

SEARCH = "/o/school-a/2025/bases/mentees/?q=%D0%98%D0%B2%D0%B0%D0%BD%D0%BE%D0%B2%D0%B0&birth=2013-03-14"


@pytest.fixture
def console_output():
    """What the configured console handler writes (the handler with the settings' filters)."""
    handler = next(
        h
        for h in logging.getLogger().handlers
        if isinstance(h, logging.StreamHandler) and not type(h).__module__.startswith("_pytest")
    )
    assert any(isinstance(f, RequestLineFilter) for f in handler.filters)
    stream = io.StringIO()
    previous = handler.setStream(stream)
    yield stream
    handler.setStream(previous)


def test_scrub_keeps_the_path_and_drops_the_query_and_personal_links():
    assert scrub('"GET /o/s/2025/bases/mentees/?q=Иванова&page=2 HTTP/1.1" 200') == (
        '"GET /o/s/2025/bases/mentees/ HTTP/1.1" 200'
    )
    assert scrub("Not Found: /q/AbCdEf0123456789/") == "Not Found: /q/<link>/"
    assert scrub("Purged 3 expired job files") == "Purged 3 expired job files"


def test_the_development_server_log_has_no_query_strings(console_output):
    """runserver's request lines (``django.server``) go through the same filter."""
    logging.getLogger("django.server").info(
        '"%s" %s %s', "GET /o/school-a/2025/bases/mentees/?q=Иванова HTTP/1.1", "200", "5120"
    )
    written = console_output.getvalue()
    assert "/o/school-a/2025/bases/mentees/" in written
    assert "Иванова" not in written and "?q=" not in written


@pytest.mark.django_db
def test_a_search_leaves_no_name_in_the_logs(url_values, curator, stranger, console_output, caplog):
    caplog.set_level(logging.INFO)
    response = client_for(curator).get(SEARCH)
    assert response.status_code == 200
    assert "Иванова" in response.content.decode()  # the search works: the pupil is found
    # A stranger's search is refused and logged ("Not Found: ...") — without the name.
    assert client_for(stranger).get(SEARCH).status_code == 404
    assert client_for(curator).get("/q/not-a-real-link-000/").status_code == 404
    written = console_output.getvalue()
    assert "Not Found: /o/school-a/2025/bases/mentees/" in written
    assert "Not Found: /q/<link>/" in written
    for secret in ("Иванова", "%D0%98", "2013-03-14", "not-a-real-link"):
        assert secret not in written


def _gunicorn_logger(tmp_path):
    from gunicorn.config import Config

    namespace: dict = {}
    exec((ROOT / "gunicorn.conf.py").read_text(), namespace)  # noqa: S102 - our own config file
    config = Config()
    for key in ("logger_class", "access_log_format"):
        config.set(key, namespace[key])
    config.set("accesslog", str(tmp_path / "access.log"))
    assert config.logger_class is GunicornLogger
    return config.logger_class(config), tmp_path / "access.log"


def test_the_gunicorn_access_log_has_no_query_string_referrer_or_personal_link(tmp_path):
    logger, log_file = _gunicorn_logger(tmp_path)
    for uri, referer in (
        ("/o/school-a/2025/bases/mentees/?q=Иванова", "https://site/o/school-a/2025/pairs/?q=Петров"),
        ("/q/AbCdEf0123456789/", "-"),
    ):
        path, _, query = uri.partition("?")
        environ = {
            "REQUEST_METHOD": "GET",
            "RAW_URI": uri,
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "SERVER_PROTOCOL": "HTTP/1.1",
            "REMOTE_ADDR": "10.0.0.5",
            "HTTP_REFERER": referer,
        }
        request = SimpleNamespace(headers=[("REFERER", referer)])
        response = SimpleNamespace(status="200 OK", sent=512, headers=[])
        logger.access(response, request, environ, timedelta(milliseconds=42))
    for handler in logger.access_log.handlers:
        handler.flush()
    written = log_file.read_text()
    assert '"GET /o/school-a/2025/bases/mentees/ HTTP/1.1" 200 512 42ms' in written
    assert '"GET /q/<link>/ HTTP/1.1"' in written
    for secret in ("Иванова", "Петров", "?q=", "AbCdEf0123456789"):
        assert secret not in written


def test_the_image_and_compose_use_the_private_access_log():
    """gunicorn reads ./gunicorn.conf.py from /app; nothing on a command line overrides the format."""
    dockerfile = (ROOT / "Dockerfile").read_text()
    compose = (ROOT / "docker-compose.yml").read_text()
    assert "WORKDIR /app" in dockerfile and "COPY . ." in dockerfile
    dockerignore = (ROOT / ".dockerignore").read_text().split()
    assert "gunicorn.conf.py" not in dockerignore and "*.py" not in dockerignore
    for text in (dockerfile, compose):
        for option in ("access-logformat", "logger-class", "gunicorn.conf", "gunicorn -c", "--config"):
            assert option not in text


@pytest.mark.django_db
def test_no_personal_data_in_redirect_urls(programme, curator):
    client = client_for(curator)
    data = {
        "last_name": "Смирнова",
        "first_name": "Анна",
        "patronymic": "Игоревна",
        "birth_date": "2012-05-17",
        "sex": "female",
        "kind": "pupil",
        "group_name": "7А",
        "phone": "+7 900 123-45-67",
        "guardian_name": "Смирнова Елена Павловна",
        "guardian_phone": "+7 900 765-43-21",
    }
    response = client.post("/o/school-a/2025/bases/people/new/", data)
    assert response.status_code == 302, response.content.decode()[:500]
    locations = [response["Location"]]
    person = re.search(r"/people/(\d+)/", response["Location"]).group(1)
    response = client.post(
        f"/o/school-a/2025/bases/people/{person}/edit/", {**data, "phone": "+7 900 000-00-02"}
    )
    assert response.status_code == 302
    locations.append(response["Location"])
    for location in locations:
        assert "?" not in location
        for value in ("Смирнова", "Анна", "2012", "17.05", "900", "%D0"):
            assert value not in location


# --- Sessions and passwords ------------------------------------------------------------------------


def test_session_settings_fit_shared_school_computers():
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60  # a working day
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
    assert settings.SESSION_COOKIE_HTTPONLY is True
    assert settings.SESSION_COOKIE_SAMESITE == "Lax"
    assert settings.CSRF_COOKIE_SAMESITE == "Lax"
    assert settings.SESSION_COOKIE_NAME == "sessionid"


@pytest.mark.django_db
def test_the_session_cookie_is_http_only_lax_and_dies_with_the_browser(curator):
    cache.clear()
    client = Client()
    response = client.post("/accounts/login/", {"username": "curator", "password": PASSWORD})
    assert response.status_code == 302
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert not cookie["expires"] and not cookie["max-age"]  # a browser-session cookie
    assert client.session.get_expiry_age() == 8 * 60 * 60
    assert client.session.get_expire_at_browser_close()


def test_production_cookies_are_secure():
    import subprocess
    import sys

    code = (
        "from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, "
        "s.SECURE_REFERRER_POLICY, s.SESSION_EXPIRE_AT_BROWSER_CLOSE)"
    )
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_ENV": "production",
        "DJANGO_SECRET_KEY": "x" * 60,
        "DJANGO_ALLOWED_HOSTS": "mentoring.example.org",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout.strip().splitlines()[-1] == "True True True same-origin True", result.stderr


@pytest.mark.parametrize(
    "password",
    ["short1!", "1234567890123", "password123", "curator-petrova"],
    ids=["too-short", "numeric", "common", "like-the-user-name"],
)
def test_weak_passwords_are_refused(password):
    from mentoring.models import User

    user = User(
        username="curator-petrova", first_name="Анна", last_name="Петрова", email="petrova@school.example"
    )
    with pytest.raises(ValidationError):
        validate_password(password, user)


def test_a_long_passphrase_is_accepted():
    validate_password("берёза-за-окном-2025")


# The sign-in lock-outs (django-axes) and the sign-in journal: tests/mentoring/test_signin.py.


@pytest.mark.parametrize(
    "password",
    [
        "пароль2024!",  # a Russian common word with a year
        "gfhjkmgfhjkm",  # «парольпароль» typed on the Latin layout
        "zaq1xsw2cde3",  # keyboard columns
        "1q2w3e4r5t6y",
        "йцукенгшщзхъ",
        "фывапролджэ",
        "qwertyuiop[]",
        "зфыыцщкв123",  # «password123» on the Russian layout
        "lyubov12345",
        "solnyshko1",
        "ааааааааааааа",
        "абвабвабвабв",
        "9876543210ab",
        "Natasha1985",
        "Maksim!2010",
    ],
)
def test_russian_common_and_repetitive_passwords_are_refused(password):
    with pytest.raises(ValidationError) as refused:
        validate_password(password)
    codes = {error.code for error in refused.value.error_list}
    assert codes & {"password_too_common_ru", "password_repetitive", "password_too_common"}, codes


@pytest.mark.parametrize(
    "password",
    ["берёза-за-окном-2025", "Lampa-na-stole-77", "кот ловит 3 мышки", "q8#Vr2!mKe0z", "mentor-spring-rain"],
)
def test_ordinary_good_passwords_pass_the_russian_rules(password):
    validate_password(password)


def test_the_refusal_is_in_russian():
    from django.utils import translation

    with translation.override("ru"), pytest.raises(ValidationError) as refused:
        validate_password("ghbdtnghbdtn")
    assert "слишком распространён" in " ".join(refused.value.messages)
    with translation.override("ru"), pytest.raises(ValidationError) as refused:
        validate_password("вбвбвбвбвбвбвб")
    assert "повторов или последовательностей" in " ".join(refused.value.messages)


def test_a_very_long_password_is_checked_quickly():
    import secrets
    import time

    started = time.perf_counter()
    validate_password(secrets.token_urlsafe(4000))
    with pytest.raises(ValidationError):
        validate_password("ab" * 5000)
    assert time.perf_counter() - started < 5  # not a benchmark: a guard against a cubic blow-up


def test_the_request_line_filter_never_drops_a_record():
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "%s %s", ("only-one",), None)
    assert RequestLineFilter().filter(record) is True


@pytest.mark.django_db
def test_marking_an_event_done_never_redirects_off_the_site(roadmap_event, curator):
    """``next`` after marking an event done was an open redirect; only our own paths are followed."""
    client = client_for(curator)
    path = f"/o/school-a/2025/roadmap/events/{roadmap_event.pk}/done/"
    data = {"completed_on": "2025-10-01", "reference": "Приказ № 1"}
    for evil in ("https://evil.example/", "//evil.example/path", "https:evil.example"):
        response = client.post(path, {**data, "next": evil})
        assert response.status_code == 302
        assert response["Location"] == f"/o/school-a/2025/roadmap/events/{roadmap_event.pk}/"
    response = client.post(path, {**data, "next": "/o/school-a/2025/roadmap/my-tasks/"})
    assert response["Location"] == "/o/school-a/2025/roadmap/my-tasks/"


def test_every_django_log_goes_through_the_filter(console_output):
    """Django's default DEBUG console handler is replaced: nothing prints a request URL unfiltered."""
    for name in ("django", "django.request", "django.server", "django.security.csrf"):
        logger = logging.getLogger(name)
        while logger is not None:
            for handler in logger.handlers:
                if type(handler).__module__.startswith("_pytest"):
                    continue  # pytest's own capture
                assert any(isinstance(f, RequestLineFilter) for f in handler.filters), (name, handler)
            logger = logger.parent if logger.propagate else None
    logging.getLogger("django.request").error("Internal Server Error: %s", "/q/SECRETLINK123/?q=Иванова")
    assert console_output.getvalue().count("Internal Server Error: /q/<link>/") == 1
