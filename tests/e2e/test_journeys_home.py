"""Each role's start page in the browser: the curator, the director, the mentor (on a phone too), the
psychologist and the municipal coordinator sign in and land on a page made for them, with nothing that
scrolls sideways on a 390 px phone. ``E2E_SHOTS=<folder>`` also keeps a screenshot of each start page at
1366 px and at 390 px."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import expect

from mentoring.models import Role
from tests.factories import MembershipFactory, ProgrammeFactory, UserFactory
from tests.reports.test_home import _fill

from ..conftest import YEAR
from .conftest import JOURNEY, _new_page, log_in

pytestmark = JOURNEY

SHOTS = os.environ.get("E2E_SHOTS", "")


@pytest.fixture
def wide_page(browser, request, live_server):
    """A laptop-sized page (1366×900): the width the curators' school computers have."""
    yield from _new_page(browser, request, viewport={"width": 1366, "height": 900})


def _shot(page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


def _no_sideways_scroll(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"{page.url} is {width} px wide"


def _open_home(page, site, username: str) -> None:
    log_in(page, site, username)  # the sign-in lands on the start page
    expect(page.locator("h1")).to_be_visible()
    assert page.title() and not page.title().startswith("·")


@pytest.fixture
def school_year(school, programme, curator, administrator, mentor, coordinator, authority):
    """A school in the middle of its year: overdue events, mentees without a pair or a consent, silent
    pairs; the mentor user mentors them; a psychologist serves the school."""
    from datetime import timedelta

    from django.utils import timezone

    from monitoring.models import Campaign, Indicator, IndicatorTarget, IndividualPlan, QuestionnaireTemplate

    _fill(programme, 4, mentor_user=mentor)
    psychologist = UserFactory(username="psychologist", first_name="Вера", last_name="Смирнова")
    MembershipFactory(user=psychologist, organization=school, role=Role.PSYCHOLOGIST)
    ProgrammeFactory(organization=authority, academic_year__start_year=YEAR)
    # a plan with open tasks, a questionnaire for the mentor, diagnostics before and after, yearly targets
    plan = IndividualPlan.objects.create(
        group=programme.mentoring_groups.order_by("pk").first(), goals="Математика"
    )
    plan.tasks.create(activity="Разобрать задачи олимпиады", deadline=date(2026, 1, 20), position=1)
    plan.tasks.create(activity="Подготовить проект к конференции", deadline=date(2026, 3, 1), position=2)
    template = QuestionnaireTemplate.objects.filter(organization__isnull=True).first()
    week = timezone.now() + timedelta(days=7)
    satisfaction = Campaign.objects.create(
        programme=programme, template=template, title="Удовлетворённость наставников", expires_at=week
    )
    satisfaction.invitations.create(user=mentor, respondent="mentor", expires_at=week)
    before = Campaign.objects.create(
        programme=programme,
        template=template,
        title="Диагностика мотивации: начало года",
        stage="before",
        expires_at=week,
    )
    Campaign.objects.create(
        programme=programme,
        template=template,
        title="Диагностика мотивации: конец года",
        stage="after",
        baseline=before,
        expires_at=week,
    )
    for indicator in Indicator.objects.filter(organization__isnull=True, is_active=True)[:4]:
        IndicatorTarget.objects.create(indicator=indicator, programme=programme, value=50)
    return programme


CURATOR_SEES = ("Требует внимания", "Год в цифрах", "Просроченные мероприятия дорожной карты")


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_each_role_lands_on_its_own_start_page(request, site, school_year, size):
    page = request.getfixturevalue("wide_page" if size == "desktop" else "phone_page")
    checks = {
        "curator": CURATOR_SEES,
        "director": ("Ждёт вашего решения", "Индивидуальные планы на утверждение", "Показатели года"),
        "mentor": (
            "Мои пары",
            "Записать встречу",
            "Разобрать задачи олимпиады",
            "Удовлетворённость наставников",
        ),
        "psychologist": ("Пары без встреч", "Диагностика: сравнить до и после", "конец года"),
        "coordinator": ("Ход программы в организациях", "МБОУ «СОШ № 1»"),
    }
    for username, texts in checks.items():
        page.context.clear_cookies()
        _open_home(page, site, username)
        main = page.locator("main")
        for text in texts:
            expect(main).to_contain_text(text)
        if username == "coordinator":
            expect(main).not_to_contain_text("Петрова")  # figures only, never a pupil
            # the first column stays in view when the table scrolls sideways
            cell = page.locator(".table-sticky-first tbody th").first
            assert cell.evaluate("el => getComputedStyle(el).position") == "sticky"
        if username == "mentor":
            expect(main).not_to_contain_text("Требует внимания")
            nav = page.locator("#mainNav")
            expect(nav.locator("a", has_text="Базы")).to_have_count(0)
            expect(nav.locator("a", has_text="Отчёты")).to_have_count(0)
        if size == "phone":
            _no_sideways_scroll(page)
        _shot(page, f"{username}-{'1366' if size == 'desktop' else '390'}")


def test_curator_follows_a_count_to_the_filtered_list(wide_page, site, school_year):
    page = wide_page
    _open_home(page, site, "curator")
    page.locator("#home-attention ~ ul a", has_text="Наставляемые без пары").click()
    page.wait_for_url("**/bases/mentees/?paired=no")
    expect(page.locator("main")).to_contain_text("Сидорова0")
    expect(page.locator("main")).not_to_contain_text("Петрова0")


def test_mentor_logs_a_meeting_from_the_start_page_on_a_phone(phone_page, site, school_year):
    page = phone_page
    _open_home(page, site, "mentor")
    page.locator("a", has_text="Записать встречу").first.click()
    page.wait_for_url("**/meetings/new/")
    assert date.today().year >= YEAR
    _no_sideways_scroll(page)
