"""The curator's bulk work in the browser: consents for several ticked people, and a deletion undone."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from playwright.sync_api import expect

from ..conftest import YEAR
from .conftest import JOURNEY, log_in

pytestmark = JOURNEY

BASE = f"/o/school-a/{YEAR}"
# a folder for the screenshots a person looks at (the list with its action bar, the trash); none by default
SHOTS = os.environ.get("E2E_SHOTS", "")


def shot(page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


def pupils(programme):
    from participants.services import mentee_profile_save, person_create

    people = []
    for last_name, guardian in (
        ("Белкина", "Белкина Ольга Ивановна"),
        ("Громова", "Громов Пётр Ильич"),
        ("Дёмина", ""),
    ):
        person = person_create(
            actor=None,
            organization=programme.organization,
            last_name=last_name,
            first_name="Анна",
            birth_date=date(2013, 1, 1),
            kind="pupil",
            group_name="7Б",
            guardian_name=guardian,
        )
        mentee_profile_save(actor=None, person=person, programme=programme)
        people.append(person)
    return people


def test_curator_records_consents_of_ticked_people_then_undoes_a_deletion(page, site, programme, curator):
    from mentoring.models import TrashItem
    from participants.models import Consent, Person

    first, second, third = pupils(programme)
    log_in(page, site, curator.username)
    page.goto(site(f"{BASE}/bases/mentees/"))
    bar = page.locator("#people-bulk")
    page.check(f"#tick-{first.pk}")
    page.check(f"#tick-{second.pk}")
    expect(bar.locator("[data-bulk-count]")).to_have_text("2")
    shot(page, "people_list_bulk_bar_desktop")
    bar.locator("select[name=action]").select_option("consent")
    bar.locator("button[type=submit]").click()

    page.wait_for_url("**/bases/consents/bulk/**")
    expect(page.locator(f"#person-{first.pk}")).to_be_checked()
    expect(page.locator(f"#person-{second.pk}")).to_be_checked()
    expect(page.locator(f"#person-{third.pk}")).not_to_be_checked()
    page.fill("input[name=given_on]", date(2025, 9, 3).isoformat())
    page.fill("input[name=representative_relation]", "родитель")
    page.locator("#bulk-consents").locator("xpath=ancestor::form").locator("button[type=submit]").click()
    page.wait_for_url("**/bases/consents/")
    assert set(Consent.objects.values_list("person_id", flat=True)) == {first.pk, second.pk}

    # Дёмина was added by mistake: delete her (a confirmation page names her), then «Отменить»
    page.goto(site(f"{BASE}/bases/mentees/"))
    page.check(f"#tick-{third.pk}")
    page.locator("#people-bulk select[name=action]").select_option("delete")
    page.locator("#people-bulk button[type=submit]").click()
    page.wait_for_url("**/bases/people/delete/**")
    expect(page.locator("#people-to-delete")).to_contain_text("Дёмина Анна")
    page.locator("form button.btn-danger").click()
    page.wait_for_url(f"**{BASE}/bases/mentees/")
    alert = page.locator(".alert-success")
    expect(alert).to_contain_text("удалён в корзину")
    assert not Person.objects.filter(pk=third.pk).exists()
    assert TrashItem.objects.count() == 1
    expect(page.locator("#main")).not_to_contain_text("Дёмина Анна")
    # the trash, in another tab, lists her for thirty days
    trash = page.context.new_page()
    trash.goto(site(f"{BASE}/trash/"))
    expect(trash.locator("#trash")).to_contain_text("Дёмина Анна")
    shot(trash, "trash_desktop")
    trash.close()
    alert.locator("button[type=submit]").click()  # «Отменить»
    page.wait_for_load_state()
    expect(page.locator(".alert-success")).to_contain_text("Восстановлена 1 запись")
    expect(page.locator("#main")).to_contain_text("Дёмина Анна")
    assert Person.objects.filter(pk=third.pk).exists() and not TrashItem.objects.exists()
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    assert not page.js_errors, page.js_errors


def test_the_action_bars_and_the_trash_fit_a_phone(phone_page, site, programme, curator, pair, roadmap_event):
    from participants.services import people_trash

    page = phone_page
    [_first, _second, third] = pupils(programme)
    people_trash(actor=curator, organization=programme.organization, programme=programme, people=[third])
    log_in(page, site, curator.username)
    for path, bar, name in (
        ("/bases/mentees/", "#people-bulk", "people_list_bulk_bar_phone"),
        ("/roadmap/", "#roadmap-bulk", "roadmap_bulk_bar_phone"),
        ("/pairs/", "#pairs-bulk", "pairs_bulk_bar_phone"),
        ("/trash/", "#trash", "trash_phone"),
    ):
        page.goto(site(f"{BASE}{path}"))
        if bar == "#roadmap-bulk":  # the roadmap's bar shows only when an event is ticked
            expect(page.locator(bar)).to_be_hidden()
            page.locator("input[name=event]").first.check()
            expect(page.locator(f"{bar} [data-bulk-count]")).to_have_text("1")
        expect(page.locator(bar)).to_be_visible()
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{path} is {width} px wide on a 390 px phone"
        shot(page, name)
    assert not page.js_errors, page.js_errors
