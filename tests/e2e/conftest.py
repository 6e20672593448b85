"""Browser journeys: Playwright (sync API) drives Debian's chromium against pytest-django's live server.

Never downloads a browser: the journeys use ``/usr/bin/chromium`` (apt package ``chromium``), or the one
named by ``E2E_CHROMIUM``. They are marked ``e2e`` and left out of ``make test`` by the ``-m "not e2e"`` of
pytest's addopts; ``make e2e`` runs them with ``-m e2e``. Each journey module sets
``pytestmark = JOURNEY`` (below). A failed journey leaves a screenshot of the page
in ``var/e2e/<test>.png``.

Celery runs eagerly (see tests/conftest.py), inside the live server's request thread.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from importlib import import_module
from pathlib import Path

import pytest

# Playwright's sync API keeps an event loop running in the main thread; the ORM calls of the tests (which
# build their data while the browser is open) would otherwise be refused as "async unsafe".
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "var" / "e2e"
FIXTURES = ROOT.parent / "shared" / "fixtures"
CHROMIUM = os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
]
TIMEOUT_MS = 20_000

# transaction=True: the live server's thread must see what the test wrote, and the test what the server
# wrote. The flush that ends every transactional test also empties the tables the migrations seed;
# ``_seeded`` puts those rows back (serialized_rollback cannot: with Playwright's sync API running, the
# test's database connection is not the one pytest-django serialized the database on).
JOURNEY = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SEED_MIGRATIONS = (  # idempotent data migrations (get_or_create / update_or_create)
    "pairing.migrations.0002_seed_forms",
    "monitoring.migrations.0002_seed_questionnaires",
    "monitoring.migrations.0003_seed_indicators",
)


def seed_reference_rows() -> None:
    from django.apps import apps

    for module in SEED_MIGRATIONS:
        import_module(module).seed(apps, None)


@pytest.fixture(autouse=True)
def _seeded(request):
    """Before each journey: the mentoring forms, shared questionnaires and indicators, as after migrate."""
    if request.node.get_closest_marker("e2e"):
        request.getfixturevalue("transactional_db")
        seed_reference_rows()


@pytest.fixture(scope="session", autouse=True)
def _seeded_rows_back(django_db_setup, django_db_blocker):
    """Leave the test database as migrate made it: the flush after the last journey empties the seeded
    tables, and the next ``--reuse-db`` session (on PostgreSQL) would find no mentoring forms."""
    yield
    with django_db_blocker.unblock():
        seed_reference_rows()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - make e2e installs it
        pytest.fail("the playwright package is missing: pip install -e '.[dev]'")
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        pytest.fail(f"no chromium at {CHROMIUM}: apt-get install -y chromium (never `playwright install`)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _new_page(browser, request, **options) -> Iterator:
    context = browser.new_context(
        locale="ru-RU", timezone_id="Europe/Moscow", accept_downloads=True, **options
    )
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.js_errors = errors
    # Whatever the Content-Security-Policy blocked (an inline script, style or handler): a journey fails.
    blocked: list[str] = []
    page.on(
        "console", lambda message: "Content Security Policy" in message.text and blocked.append(message.text)
    )
    page.csp_violations = blocked
    yield page
    failed = any(
        getattr(request.node, f"report_{when}", None) and getattr(request.node, f"report_{when}").failed
        for when in ("setup", "call")
    )
    if not failed:
        assert not blocked, f"the Content-Security-Policy blocked: {blocked[:3]}"
    if failed:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.name)
        try:
            page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
        except Exception as error:  # any error: a screenshot must not hide the real failure
            print(f"e2e: no screenshot for {name}: {error}")
    context.close()


@pytest.fixture
def page(browser, request, live_server):
    """A desktop-sized page (1280×900) in a fresh browser context."""
    yield from _new_page(browser, request, viewport={"width": 1280, "height": 900})


@pytest.fixture
def phone_page(browser, request, live_server):
    """A phone-sized page (390×844, touch) in a fresh browser context."""
    yield from _new_page(
        browser,
        request,
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
        device_scale_factor=3,
    )


@pytest.fixture
def site(live_server):
    """``site("/path/")`` → the live server's absolute URL."""
    return lambda path: f"{live_server.url}{path}"


def log_in(page, site, username: str, password: str | None = None) -> None:
    """Through the login form, as a person would."""
    from tests.factories import PASSWORD

    page.goto(site("/accounts/login/"))
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password or PASSWORD)
    page.click("form button[type=submit]")
    page.wait_for_load_state()
    assert "/accounts/login/" not in page.url, page.inner_text("body")[:500]
