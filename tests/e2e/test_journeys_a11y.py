"""Every role's pages on a phone: axe-core finds no serious or critical fault (the start page and the
navigation's sections also at 1366 px, where the top navigation is expanded), nothing scrolls sideways at
390 px, every button and form control is at least 44 px tall, and no internal key reaches the screen.

One browser, one live server and one data set for all roles: each role signs in in its own context and
walks its start page, every page its navigation links to, and one page of each kind linked from those
(tests/e2e/a11y.py ``crawl``; a detail page of a kind already checked for another role is not checked
again). Then the public questionnaire page, which pupils with ОВЗ answer, as a visitor. All faults of all
roles are reported together; the number of pages walked is printed.
"""

from __future__ import annotations

import re

from mentoring.models import Organization, Role

from ..conftest import YEAR, _member
from ..factories import OrganizationFactory, ProgrammeFactory
from .a11y import PHONE, Visit, axe_faults, crawl, describe, desktop_axe_faults, phone_faults
from .conftest import JOURNEY, SCREENSHOTS, log_in

pytestmark = JOURNEY

# What a person must never read on a page: internal keys and English words of the code (the test
# users' logins «curator», «mentor» are shown on the members page, rightly).
INTERNAL = re.compile(
    r"\b(overall|None|True|False|pending|draft|approved|closed|active|in_progress|"
    r"municipal_coordinator|regional_coordinator|school-satisfaction)\b"
)


def _people(school, authority) -> dict[str, str]:
    """username → role, for every role of the programme (the fixtures add curator, director, mentor)."""
    region = OrganizationFactory(
        kind=Organization.Kind.REGION, slug="rnc-test", short_name="Региональный центр наставничества"
    )
    authority.parent = region
    authority.save(update_fields=["parent"])
    for organization in (region, authority):
        ProgrammeFactory(organization=organization, academic_year__start_year=YEAR)
    _member(school, Role.PSYCHOLOGIST, "psychologist")
    _member(authority, Role.MUNICIPAL_COORDINATOR, "coordinator")
    _member(region, Role.REGIONAL_COORDINATOR, "region")
    return {
        "curator": "curator",
        "director": "administrator",
        "mentor": "mentor",
        "psychologist": "psychologist",
        "coordinator": "municipal coordinator",
        "region": "region",
    }


def _check(page, visit: Visit) -> None:
    visit.axe = axe_faults(page)
    visit.phone = phone_faults(page)
    text = page.inner_text("main")
    visit.phone.extend(f"internal key on screen: «{match}»" for match in sorted(set(INTERNAL.findall(text))))
    # the start page and the navigation's sections also at desktop width, last (a chart drawn at 1366 px
    # keeps its width for a moment when the page is put back to the phone's)
    if visit.level <= 1:
        visit.desktop_axe = desktop_axe_faults(page)


def test_every_page_of_every_role_is_accessible_on_a_phone(
    browser, live_server, site, school, authority, curator, administrator, mentor, url_values
):
    roles = _people(school, authority)
    walked: dict[str, list[Visit]] = {}
    details_seen: set[str] = set()
    script_errors: list[str] = []  # a script that fails (even a syntax error) fails the journey
    for username in roles:
        context = browser.new_context(
            viewport=PHONE, is_mobile=True, has_touch=True, locale="ru-RU", timezone_id="Europe/Moscow"
        )
        context.set_default_timeout(20_000)
        page = context.new_page()
        page.on("pageerror", lambda error, who=username: script_errors.append(f"{who}: {error}"))
        try:
            log_in(page, site, username)
            walked[username] = crawl(page, page.url, check=_check, details_seen=details_seen)
        finally:
            context.close()

    # the public questionnaire page, as the pupil opens it from the link
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="ru-RU")
    page = context.new_page()
    page.on("pageerror", lambda error: script_errors.append(f"pupil: {error}"))
    try:
        visit = Visit(url=site(f"/q/{url_values['link']}/"), level=0)
        page.goto(visit.url)
        assert page.locator("main form").count() == 1, page.inner_text("body")[:300]
        _check(page, visit)
        walked["pupil"] = [visit]
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "a11y_public_questionnaire.png"), full_page=True)
    finally:
        context.close()

    pages = {username: len(visits) for username, visits in walked.items()}
    print(f"a11y: pages walked per role: {pages}")
    # each role saw its own part of the application, more than a start page
    assert all(count >= 3 for username, count in pages.items() if username != "pupil"), pages
    assert pages["curator"] >= 25, pages
    faults = describe(visit for visits in walked.values() for visit in visits)
    faults += "".join(f"\nscript error: {error}" for error in script_errors[:5])
    assert not faults, f"faults on {sum(pages.values())} pages:\n{faults}"
