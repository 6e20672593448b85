"""Journeys of the people who do not run the programme: a mentor on a phone, a pupil with a personal link,
the municipal coordinator."""

from __future__ import annotations

import re
from datetime import date

import pytest
from playwright.sync_api import expect

from ..conftest import YEAR
from .conftest import JOURNEY, log_in

pytestmark = JOURNEY


def tap_choice(form, name: str, value: str) -> None:
    radio = form.locator(f"input[type=radio][name$='{name}'][value='{value}']")
    form.locator(f"label[for='{radio.get_attribute('id')}']").tap()
    expect(radio).to_be_checked()


def test_mentor_on_a_phone_logs_a_meeting_and_sees_it_in_the_diary(phone_page, site, pair, mentor):
    page = phone_page
    log_in(page, site, mentor.username)
    # the menu is folded on a phone: open it and go to «Мои пары»
    page.click("button.navbar-toggler")
    pairs_link = page.locator(f"#mainNav a.nav-link[href='/o/school-a/{YEAR}/pairs/']")
    expect(pairs_link).to_be_visible()
    pairs_link.click()
    expect(page.locator("h1")).to_contain_text(re.compile("Мои пары|My pairs"))
    card = page.locator(".section-tile").filter(has_text="Иванова")
    expect(card).to_have_count(1)
    expect(card).to_contain_text("Кузнецова")

    card.locator(f"a[href='/o/school-a/{YEAR}/monitoring/groups/{pair.pk}/meetings/new/']").click()
    form = page.locator("form.meeting-form")
    expect(form).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, "the form is wider than the phone"
    form.locator("select[name=kind]").select_option(index=1)
    tap_choice(form, "format", "online")  # the format and duration buttons are labels of hidden radios
    tap_choice(form, "duration_minutes", "60")
    form.locator("input[name=topic]").fill("Разбор задач школьного этапа олимпиады")
    form.locator("textarea[name=what_was_done]").fill("Решили пять задач, две — повторить.")
    form.locator("button[type=submit]").tap()

    page.wait_for_url(f"**/monitoring/groups/{pair.pk}/diary/")
    expect(page.locator("#main")).to_contain_text("Разбор задач школьного этапа олимпиады")
    from monitoring.models import Meeting

    meeting = Meeting.objects.get(group=pair)
    assert meeting.topic == "Разбор задач школьного этапа олимпиады"
    assert meeting.recorded_by == mentor
    assert list(meeting.attendees.all()) == [pair.members.get(role="mentee").person]
    assert not page.js_errors, page.js_errors


@pytest.fixture
def campaign(programme, mentee):
    """A satisfaction survey of the school's mentees (the shared template), one personal link each."""
    from monitoring.models import QuestionnaireTemplate
    from monitoring.questionnaires import services
    from monitoring.questionnaires.selectors import Recipient

    return services.campaign_create(
        actor=None,
        programme=programme,
        template=QuestionnaireTemplate.objects.get(organization=None, key="satisfaction-mentee"),
        title="Удовлетворённость, ноябрь",
        stage="single",
        baseline=None,
        recipients=[Recipient(person_id=mentee.pk, user_id=None, group_id=None)],
        valid_days=30,
    )


def test_pupil_answers_a_questionnaire_by_the_personal_link_without_an_account(page, site, campaign):
    invitation = campaign.invitations.get()
    page.goto(site(f"/q/{invitation.token}/"))
    form = page.locator("#q-form")
    expect(form).to_be_visible()
    assert "/accounts/login/" not in page.url  # no account asked for
    # every scale: the 8th button; every yes/no: «yes»; free text on the first text box
    for group in form.locator(".q-scale").all():
        group.locator("label").nth(7).click()
    for yes in form.locator("input[type=radio][value=yes]").all():
        form.locator(f"label[for='{yes.get_attribute('id')}']").click()
    form.locator("textarea").first.fill("Понравились олимпиадные задачи")
    form.locator("button.q-send").click()

    done = page.locator("[data-q-state=done]")
    expect(done).to_be_visible()
    expect(done).to_contain_text(re.compile("спасибо|thank you", re.IGNORECASE))
    invitation.refresh_from_db()
    assert invitation.answered_at is not None
    from monitoring.models import Answer

    answers = {a.item.key: a for a in Answer.objects.select_related("item")}
    assert answers["overall"].number == 8
    assert answers["continue"].number == 1
    assert "Понравились олимпиадные задачи" in {a.text for a in answers.values()}
    # the link works once: opening it again shows the thanks, not the form
    page.goto(site(f"/q/{invitation.token}/"))
    expect(page.locator("#q-form")).to_have_count(0)
    assert not page.js_errors, page.js_errors


def test_municipal_coordinator_opens_the_consolidated_dashboard(
    page, site, authority, school, other_school, coordinator
):
    from participants.services import mentee_profile_save, person_create
    from tests.factories import ProgrammeFactory

    ProgrammeFactory(
        organization=authority,
        academic_year__start_year=YEAR,
        pupils_total=0,
        pupils_with_disabilities=0,
        teachers_total=0,
        young_teachers_total=0,
    )
    programme = school.programmes.get(academic_year__start_year=YEAR)
    for index in range(3):
        person = person_create(
            actor=None,
            organization=school,
            last_name=f"Ученик{index}",
            first_name="Иван",
            birth_date=date(2012, 1, 1),
            kind="pupil",
        )
        mentee_profile_save(actor=None, person=person, programme=programme)

    log_in(page, site, coordinator.username)
    page.goto(site(f"/o/{authority.slug}/{YEAR}/monitoring/kpis/"))
    table = page.locator("table.municipal-kpis")
    expect(table).to_be_visible()
    rows = table.locator("tbody tr")
    expect(rows).to_have_count(2)
    expect(table.locator("tbody")).to_contain_text(school.short_name)
    expect(table.locator("tbody")).to_contain_text(other_school.short_name)
    expect(table.locator("tfoot")).to_contain_text(re.compile("Итого|Total"))
    school_row = rows.filter(has_text=school.short_name)
    expect(school_row).to_contain_text("3 / ")  # three mentees out of the school's pupils
    # a school's name leads to its own dashboard, which the coordinator may read
    school_row.locator("th a").click()
    page.wait_for_url(f"**/o/{school.slug}/{YEAR}/monitoring/kpis/")
    expect(page.locator(".kpi-card").first).to_be_visible()
    # seen from the authority: figures, never a pupil — no «Pairs» in the menu, the bases as counts only,
    # and a pupil's pages do not exist for the coordinator
    expect(page.locator("nav a", has_text=re.compile("^\\s*(Пары|Pairs)\\s*$"))).to_have_count(0)
    page.goto(site(f"/o/{school.slug}/{YEAR}/bases/"))
    expect(page.locator("main")).not_to_contain_text("Ученик0")
    assert page.goto(site(f"/o/{school.slug}/{YEAR}/pairs/")).status == 404
    assert page.goto(site(f"/o/{school.slug}/{YEAR}/bases/mentees/")).status == 404
    assert not page.js_errors, page.js_errors
