"""The public answer page of a personal link: no login, works once, expires, keeps every answer."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from monitoring.models import Answer, Invitation, QuestionnaireResponse
from pairing.matching_runs import engine_input
from pairing.models import MentoringForm
from participants.services import consent_withdraw

from .test_questionnaire_engine import campaign_for, make_people, shared


def url(invitation: Invitation) -> str:
    return f"/q/{invitation.token}/"


def post_data(campaign, values: dict[str, object]) -> dict[str, object]:
    items = {item.key: item for item in campaign.template.items.all()}
    return {f"q{items[key].pk}": value for key, value in values.items()}


@pytest.fixture
def satisfaction(programme):
    people = make_people(programme, 2)
    campaign = campaign_for(programme, shared("satisfaction-mentee"), people)
    return campaign, list(campaign.invitations.order_by("pk"))


@pytest.mark.django_db
def test_page_opens_without_login_and_records_opening(satisfaction):
    campaign, (invitation, _other) = satisfaction
    response = Client().get(url(invitation))
    assert response.status_code == 200
    assert response["X-Questionnaire"] == "form"
    content = response.content.decode()
    assert "Общая удовлетворённость участием в программе" in content
    assert 'name="csrfmiddlewaretoken"' in content
    assert content.count('type="radio" class="btn-check"') >= 10  # a scale is ten buttons
    assert "js/questionnaire.js" in content
    assert "Петров0000" in content
    invitation.refresh_from_db()
    assert invitation.opened_at is not None


@pytest.mark.django_db
def test_answer_is_stored_once_and_a_second_post_changes_nothing(satisfaction):
    campaign, (invitation, _other) = satisfaction
    client = Client(enforce_csrf_checks=False)
    data = post_data(
        campaign,
        {
            "overall": "8",
            "mentor_attention": "9",
            "usefulness": "7",
            "goals_reached": "6",
            "organisation": "10",
            "new_skills": "8",
            "continue": "yes",
            "liked": "Олимпиада",
        },
    )
    response = client.post(url(invitation), data)
    assert response.status_code == 200
    assert response["X-Questionnaire"] == "done"
    assert 'data-q-state="done"' in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.answered_at is not None
    answers = {a.item.key: a for a in Answer.objects.select_related("item")}
    assert answers["overall"].number == 8
    assert answers["continue"].number == 1
    assert answers["liked"].text == "Олимпиада"
    assert "improve" not in answers  # optional and empty: no row
    again = client.post(url(invitation), post_data(campaign, {"overall": "1", "continue": "no"}))
    assert again.status_code == 200
    assert again["X-Questionnaire"] == "done"
    assert QuestionnaireResponse.objects.count() == 1
    assert Answer.objects.get(item__key="overall").number == 8
    assert client.get(url(invitation))["X-Questionnaire"] == "done"


@pytest.mark.django_db
def test_missing_and_wrong_answers_are_shown_per_question(satisfaction):
    campaign, (invitation, _other) = satisfaction
    response = Client().post(url(invitation), post_data(campaign, {"overall": "11", "liked": "хорошо"}))
    assert response.status_code == 400
    assert response["X-Questionnaire"] == "form"
    content = response.content.decode()
    assert content.count('class="q-error"') >= 6  # every required question, and the wrong scale value
    assert "хорошо" in content  # what was typed is kept
    assert not QuestionnaireResponse.objects.exists()


@pytest.mark.django_db
def test_expired_closed_and_withdrawn_links(satisfaction, curator):
    campaign, (invitation, other) = satisfaction
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    response = Client().get(url(invitation))
    assert response.status_code == 410
    assert response["X-Questionnaire"] == "expired"
    assert Client().post(url(invitation), post_data(campaign, {"overall": "5"})).status_code == 410
    consent = other.person.consents.get()
    consent_withdraw(actor=curator, consent=consent, withdrawn_on=date.today())
    assert Client().get(url(other)).status_code in (404, 410)
    assert not QuestionnaireResponse.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/q/unknown-token/", "/q/", "/q/abc/extra/", "/q/abc)./", "/q/токен/"]
)
def test_a_mangled_or_unknown_link_shows_a_page_for_pupils(path):
    response = Client().get(path)
    assert response.status_code == 404
    assert [t.name for t in response.templates][0] == "monitoring/public/unknown.html"
    content = response.content.decode()
    assert "Ссылка на анкету не открывается" in content
    assert 'data-q-state="unknown"' in content and response["X-Questionnaire"] == "unknown"
    assert "password" not in content and "/accounts/login" not in content  # no staff sign-in
    assert "noindex" in response["X-Robots-Tag"]


@pytest.mark.django_db
def test_the_campaign_page_gives_links_on_the_address_it_is_served_on(programme, curator, settings):
    from django.urls import reverse

    from ..conftest import YEAR, client_for

    settings.SITE_URL = "https://configured.example"
    campaign = campaign_for(programme, shared("satisfaction-mentee"), make_people(programme, 1))
    page = client_for(curator).get(
        reverse("monitoring:campaign_detail", kwargs={"org": "school-a", "year": YEAR, "campaign": campaign.pk}),
        HTTP_HOST="localhost",
    )
    token = campaign.invitations.first().token
    assert f"http://localhost/q/{token}/" in page.content.decode()
    assert "configured.example" not in page.content.decode()


@pytest.mark.django_db
def test_networking_answer_changes_what_the_matching_engine_receives(programme):
    form = MentoringForm.objects.get(key="teacher_pupil")
    mentees = make_people(programme, 2, group_name="5А")
    mentors = make_people(programme, 3, side="mentor")
    campaign = campaign_for(programme, shared("networking-mentee"), mentees)
    invitation = campaign.invitations.get(person=mentees[0])
    page = Client().get(url(invitation)).content.decode()
    for mentor in mentors:
        assert f'value="{mentor.pk}"' in page  # the other side, by name
    item = campaign.template.items.get(kind="ranking")
    before, _ = engine_input(programme, form, {})
    assert next(m for m in before if m.id == mentees[0].pk).preferences == ()
    # the same person twice is refused, nothing stored
    bad = Client().post(url(invitation), {f"q{item.pk}": [mentors[2].pk, mentors[2].pk]})
    assert bad.status_code == 400
    response = Client().post(url(invitation), {f"q{item.pk}": [mentors[2].pk, "", mentors[0].pk]})
    assert response.status_code == 200
    after, _ = engine_input(programme, form, {})
    assert next(m for m in after if m.id == mentees[0].pk).preferences == (mentors[2].pk, mentors[0].pk)
    assert next(m for m in after if m.id == mentees[1].pk).preferences == ()
    # and the mentors' side
    mentor_campaign = campaign_for(programme, shared("networking-mentor"), mentors)
    mentor_link = mentor_campaign.invitations.get(person=mentors[1])
    mentor_item = mentor_campaign.template.items.get(kind="ranking")
    Client().post(url(mentor_link), {f"q{mentor_item.pk}": [mentees[1].pk]})
    _, mentor_side = engine_input(programme, form, {})
    assert next(m for m in mentor_side if m.id == mentors[1].pk).preferences == (mentees[1].pk,)


@pytest.mark.django_db
def test_ranking_offers_only_people_with_a_consent(programme):
    mentees = make_people(programme, 1)
    with_consent = make_people(programme, 1, side="mentor")
    without = make_people(programme, 1, side="mentor", consent=False)
    campaign = campaign_for(programme, shared("networking-mentee"), mentees)
    invitation = campaign.invitations.get()
    page = Client().get(url(invitation)).content.decode()
    assert f'value="{with_consent[0].pk}"' in page
    assert f'value="{without[0].pk}"' not in page
    item = campaign.template.items.get(kind="ranking")
    assert Client().post(url(invitation), {f"q{item.pk}": [without[0].pk]}).status_code == 400


@pytest.mark.django_db
def test_parent_link_is_for_the_parent(programme, mentee):
    campaign = campaign_for(programme, shared("satisfaction-parent"), [mentee])
    invitation = campaign.invitations.get()
    assert invitation.respondent == "parent"
    content = Client().get(url(invitation)).content.decode()
    assert "Иванова М.С." in content  # whose parent: by surname and initials
    assert "Мария" not in content and "Сергеевна" not in content


@pytest.mark.django_db
def test_the_ranking_names_the_other_side_by_initials_only(programme):
    """A networking link lists pupils to whoever holds it: surname, initials and class, nothing more."""
    mentees = make_people(programme, 3, group_name="5А")
    for number, person in enumerate(mentees):
        person.first_name, person.patronymic = "Анастасия", "Владимировна"
        person.phone, person.guardian_name = f"+7 900 000-00-0{number}", "Петрова Ольга Ивановна"
        person.save()
    mentors = make_people(programme, 1, side="mentor")
    campaign = campaign_for(programme, shared("networking-mentor"), mentors)
    page = Client().get(url(campaign.invitations.get())).content.decode()
    for person in mentees:
        assert f'value="{person.pk}">{person.last_name} А.В., 5А</option>' in page
    for secret in ("Анастасия", "Владимировна", "+7 900", "Петрова Ольга"):
        assert secret not in page


@pytest.mark.django_db
def test_staff_with_an_account_answer_signed_in(programme, mentor_person, mentor, curator):
    """The mentor's own link asks her to sign in; signed in as someone else, it does not exist."""
    from ..conftest import client_for

    campaign = campaign_for(programme, shared("satisfaction-mentor"), [mentor_person])
    invitation = campaign.invitations.get()
    anonymous = Client().get(url(invitation))
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/accounts/login/?next=/q/")
    assert Client().post(url(invitation), {"overall": "5"}).status_code == 302
    assert client_for(curator).get(url(invitation)).status_code == 404
    assert client_for(curator).post(url(invitation), {"overall": "5"}).status_code == 404
    page = client_for(mentor).get(url(invitation))
    assert page.status_code == 200 and page["X-Questionnaire"] == "form"
    assert "Кузнецова О.П." in page.content.decode()
    assert not QuestionnaireResponse.objects.exists()  # the refused requests stored nothing


@pytest.mark.django_db
def test_csrf_token_is_required_on_the_public_form(satisfaction):
    campaign, (invitation, _other) = satisfaction
    client = Client(enforce_csrf_checks=True)
    assert client.post(url(invitation), post_data(campaign, {"overall": "5"})).status_code == 403
    page = client.get(url(invitation))
    token = page.cookies["csrftoken"].value
    data = post_data(
        campaign,
        {
            "overall": "8",
            "mentor_attention": "9",
            "usefulness": "7",
            "goals_reached": "6",
            "organisation": "10",
            "new_skills": "8",
            "continue": "no",
        },
    )
    response = client.post(url(invitation), {**data, "csrfmiddlewaretoken": token})
    assert response.status_code == 200
    assert response["X-Questionnaire"] == "done"
