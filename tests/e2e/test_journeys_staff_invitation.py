"""Browser journey: the curator adds a staff member from the members page; the invitation letter's link
opens the password page; the new mentor sets a password and lands on their start page. The second journey
does the same with a printed one-time sheet, on a phone. Leaves screenshots in ``var/e2e/staff_*.png``."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from ..conftest import YEAR
from .a11y import axe_faults, phone_faults
from .conftest import JOURNEY, SCREENSHOTS, log_in

pytestmark = JOURNEY

NEW_PASSWORD = "Зелёный-клён-2025"


def shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"staff_{name}.png"), full_page=True)


def no_sideways_scroll(page) -> None:
    """On a phone: no sideways scrolling, 44 px tap targets, and no serious or critical axe fault."""
    faults = phone_faults(page)
    assert not faults, f"{page.url}: {faults[:3]}"
    serious = [(fault["id"], fault["impact"]) for fault in axe_faults(page)]
    assert not serious, f"{page.url}: {serious}"


def test_curator_invites_a_mentor_who_sets_a_password_and_lands_on_the_start_page(
    page, browser, site, school, curator, mailoutbox
):
    from mentoring.models import User
    from participants.models import Person

    log_in(page, site, curator.username)
    page.goto(site(f"/o/{school.slug}/{YEAR}/members/"))
    page.get_by_role("link", name="Добавить сотрудника").click()
    page.wait_for_url(f"**/o/{school.slug}/{YEAR}/members/new/")
    page.locator("#id_last_name").fill("Соколова")
    page.locator("#id_first_name").fill("Анна")
    page.locator("#id_patronymic").fill("Игоревна")
    page.locator("#id_email").fill("sokolova@school.example")
    page.locator("input[name=roles][value=mentor]").check()
    page.locator("#id_position").fill("учитель математики")
    shot(page, "form_desktop")
    page.get_by_role("button", name="Добавить и пригласить").click()
    page.wait_for_url(f"**/o/{school.slug}/{YEAR}/members/")
    expect(page.get_by_text("Приглашение отправлено на sokolova@school.example")).to_be_visible()
    row = page.locator("tr", has_text="Соколова Анна Игоревна")
    expect(row).to_contain_text("Приглашён")
    shot(page, "members_desktop")
    row.get_by_role("link", name="Соколова Анна Игоревна").click()
    expect(page.get_by_role("heading", name="Роли в организации")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Эл. почта")
    shot(page, "detail_desktop")

    assert len(mailoutbox) == 1
    link = re.search(r"https?://\S+/accounts/invitation/[\w-]+/", mailoutbox[0].body).group(0)
    user = User.objects.get(email="sokolova@school.example")
    assert Person.objects.get(user=user).position == "учитель математики"

    # the new mentor opens the letter on a phone: a fresh browser, nobody signed in
    context = browser.new_context(
        locale="ru-RU", viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    phone = context.new_page()
    try:
        phone.goto(link)
        phone.wait_for_url("**/accounts/invitation/password/")
        expect(phone.get_by_role("heading", name="Задайте пароль")).to_be_visible()
        expect(phone.locator("main")).to_contain_text(user.username)
        no_sideways_scroll(phone)
        shot(phone, "set_password_phone")
        phone.locator("#id_new_password1").fill(NEW_PASSWORD)
        phone.locator("#id_new_password2").fill(NEW_PASSWORD)
        phone.get_by_role("button", name="Сохранить пароль и войти").click()
        phone.wait_for_url(f"**/o/{school.slug}/{YEAR}/")
        expect(phone.get_by_text("Пароль задан. Добро пожаловать!")).to_be_visible()
        no_sideways_scroll(phone)
        shot(phone, "first_start_page_phone")

        # the link again, later: a clear message, no form
        phone.context.clear_cookies()
        phone.goto(link)
        expect(phone.locator("main")).to_contain_text("Это приглашение уже использовано")
        shot(phone, "used_link_phone")
    finally:
        context.close()

    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    page.reload()
    expect(page.locator("main")).to_contain_text("Пароль установлен")
    page.goto(site(f"/o/{school.slug}/{YEAR}/members/"))
    expect(page.locator("tr", has_text="Соколова Анна Игоревна")).to_contain_text("Есть доступ")


def test_curator_prints_a_sheet_on_a_phone_and_the_code_lets_the_person_in(
    phone_page, browser, site, school, curator
):
    page = phone_page
    log_in(page, site, curator.username)
    page.goto(site(f"/o/{school.slug}/{YEAR}/members/"))
    no_sideways_scroll(page)
    shot(page, "members_phone")
    page.get_by_role("link", name="Добавить сотрудника").click()
    page.locator("#id_last_name").fill("Петров")
    page.locator("#id_first_name").fill("Илья")
    page.locator("input[name=roles][value=psychologist]").check()
    page.locator("input[name=invite_by][value=sheet]").check()
    no_sideways_scroll(page)
    shot(page, "form_phone")
    page.get_by_role("button", name="Добавить и пригласить").click()
    expect(page.get_by_role("heading", name="Вход в программу наставничества")).to_be_visible()
    code = page.get_by_test_id("sheet-code").inner_text()
    username = page.locator("dd code.fs-5").inner_text()
    assert username == "petrov.i"
    no_sideways_scroll(page)
    shot(page, "sheet_phone")
    page.get_by_role("link", name="К списку сотрудников").click()
    page.get_by_role("link", name="Петров Илья").click()
    expect(page.get_by_role("button", name="Закрыть доступ")).to_be_visible()
    no_sideways_scroll(page)
    shot(page, "detail_phone")

    context = browser.new_context(locale="ru-RU", viewport={"width": 1280, "height": 900})
    desk = context.new_page()
    try:
        desk.goto(site("/accounts/invitation/"))
        desk.locator("#id_username").fill(username)
        desk.locator("#id_code").fill(code.replace("-", "").lower())
        desk.get_by_role("button", name="Продолжить").click()
        desk.wait_for_url("**/accounts/invitation/password/")
        desk.locator("#id_new_password1").fill(NEW_PASSWORD)
        desk.locator("#id_new_password2").fill(NEW_PASSWORD)
        desk.get_by_role("button", name="Сохранить пароль и войти").click()
        desk.wait_for_url(f"**/o/{school.slug}/{YEAR}/")
        shot(desk, "first_start_page_desktop")
    finally:
        context.close()
