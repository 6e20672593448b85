"""Browser journey: wrong passwords lock the login page for that name at that address; the
organisation's administrator reads it in the «Журнал входов». Leaves ``var/e2e/login_locked_out.png``."""

from __future__ import annotations

from mentoring.models import SignInEvent

from .conftest import JOURNEY, SCREENSHOTS, log_in

pytestmark = JOURNEY


def test_wrong_passwords_lock_the_login_and_the_administrator_sees_them(
    page, site, curator, administrator, school
):
    for _ in range(5):
        page.goto(site("/accounts/login/"))
        page.fill("input[name=username]", "curator")
        page.fill("input[name=password]", "не-тот-пароль")
        page.click("form button[type=submit]")
        page.wait_for_load_state()
    body = page.inner_text("body")
    assert "Вход временно закрыт" in body
    assert "«curator»" in body and "15 минут" in body
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "login_locked_out.png"), full_page=True)
    # even the right password is refused now, and says so
    page.goto(site("/accounts/login/"))
    page.fill("input[name=username]", "curator")
    page.fill("input[name=password]", "test-password-123")
    page.click("form button[type=submit]")
    page.wait_for_load_state()
    assert "Вход временно закрыт" in page.inner_text("body")
    assert SignInEvent.objects.filter(user=curator, kind="locked_out").count() == 1

    page.context.clear_cookies()
    log_in(page, site, "director")
    page.locator("#mainNav .dropdown-toggle").click()  # the user menu
    page.get_by_role("link", name="Журнал входов").click()
    page.wait_for_load_state()
    rows = page.locator("table tbody tr")
    text = page.inner_text("table")
    assert "Блокировка: много неверных паролей" in text
    assert "Отказ: вход заблокирован" in text
    assert text.count("Неверный пароль") == 4
    assert rows.count() >= 7
    page.select_option("select[name=kind]", "locked_out")
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    assert page.locator("table tbody tr").count() == 1
    page.screenshot(path=str(SCREENSHOTS / "signin_journal.png"), full_page=True)
