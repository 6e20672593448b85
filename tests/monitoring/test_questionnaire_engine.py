"""The questionnaire engine: seeded templates, own templates and questions, campaigns and their links."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from mentoring.models import AuditEvent, Membership, Role
from monitoring.models import Audience, Campaign, Invitation, QuestionItem, QuestionnaireTemplate
from monitoring.questionnaires import selectors, services
from monitoring.questionnaires.selectors import Recipient, RecipientFilters
from monitoring.questionnaires.services import QuestionnaireError
from pairing.models import MentoringForm
from participants.models import Consent, MenteeProfile, MentorProfile, Person

from ..factories import UserFactory


def make_people(programme, count: int, *, side: str = "mentee", group_name: str = "7А", consent: bool = True):
    """Many people of the year's base in a few queries (with a consent unless told otherwise)."""
    kind = "pupil" if side == "mentee" else "teacher"
    people = Person.objects.bulk_create(
        Person(
            organization=programme.organization,
            last_name=f"Петров{index:04d}",
            first_name="Иван",
            kind=kind,
            group_name=group_name,
            subject="Математика" if side == "mentor" else "",
        )
        for index in range(count)
    )
    model = MenteeProfile if side == "mentee" else MentorProfile
    model.objects.bulk_create(model(person=person, programme=programme) for person in people)
    if consent:
        Consent.objects.bulk_create(Consent(person=person, given_on=date(2025, 9, 1)) for person in people)
    return people


def shared(key: str) -> QuestionnaireTemplate:
    return QuestionnaireTemplate.objects.get(organization=None, key=key)


def campaign_for(
    programme, template, people, *, stage="single", baseline=None, actor=None, days=30
) -> Campaign:
    return services.campaign_create(
        actor=actor,
        programme=programme,
        template=template,
        title=f"{template.title} {stage}",
        stage=stage,
        baseline=baseline,
        recipients=[Recipient(person_id=p.pk, user_id=None, group_id=None) for p in people],
        valid_days=days,
    )


def answer_all(campaign: Campaign, values: dict[str, object], people=None) -> None:
    """Answer every link of the campaign (or those of ``people``) with the same values by item key."""
    items = {item.key: item for item in campaign.template.items.all()}
    invitations = campaign.invitations.all()
    if people is not None:
        invitations = invitations.filter(person__in=people)
    for invitation in invitations:
        value = values(invitation) if callable(values) else values
        services.response_submit(invitation=invitation, answers={items[k].pk: v for k, v in value.items()})


# --- Seeds -------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_seeded_templates_cover_every_purpose_with_the_kpi_keys():
    templates = {t.key: t for t in QuestionnaireTemplate.objects.filter(organization=None)}
    purposes = {t.purpose for t in templates.values()}
    assert purposes >= {"intake", "networking", "satisfaction", "curator", "diagnostics"}
    for key in ("satisfaction-mentee", "satisfaction-mentor"):
        items = {item.key: item for item in templates[key].items.all()}
        assert items["overall"].kind == "scale"
        assert (items["overall"].scale_min, items["overall"].scale_max) == (1, 10)
        assert items["overall"].text == "Общая удовлетворённость участием в программе"
        assert items["continue"].kind == "yes_no"
        assert items["continue"].text.startswith("Хотели бы вы продолжить")
        assert any(item.kind == "text" for item in items.values())
    assert templates["networking-mentee"].audience == "mentee"
    assert templates["networking-mentee"].items.get(kind="ranking").scale_max == 3
    assert templates["networking-mentor"].items.get(kind="ranking").key == "preferred_mentees"
    diagnostics = templates["diagnostics-mentee"]
    assert diagnostics.items.filter(kind="scale").count() >= 5
    assert templates["curator"].audience == "curator"


@pytest.mark.django_db
def test_seed_is_idempotent():
    from django.apps import apps

    from monitoring.defaults.questionnaires import seed

    before = (QuestionnaireTemplate.objects.count(), QuestionItem.objects.count())
    seed(apps)
    assert (QuestionnaireTemplate.objects.count(), QuestionItem.objects.count()) == before


# --- Own templates -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_copy_of_a_shared_template_is_own_and_editable(school, curator):
    source = shared("satisfaction-mentee")
    copy = services.template_copy(actor=curator, organization=school, template=source)
    assert copy.organization == school
    assert copy.items.count() == source.items.count()
    assert list(copy.items.values_list("key", flat=True)) == list(source.items.values_list("key", flat=True))
    again = services.template_copy(actor=curator, organization=school, template=source)
    assert again.key != copy.key
    with pytest.raises(QuestionnaireError):
        services.item_save(actor=curator, template=source, text="Чужой вопрос", kind="text")
    item = services.item_save(
        actor=curator, template=copy, text="Что бы вы добавили?", kind="text", required=False
    )
    assert item.position == copy.items.count()
    assert AuditEvent.objects.filter(target_type="monitoring.QuestionItem", action="create").exists()


@pytest.mark.django_db
def test_questions_validate_move_and_refuse_to_lose_answers(school, curator, programme):
    template = services.template_save(
        actor=curator, organization=school, title="Анкета клуба", purpose="other", audience="mentee"
    )
    assert template.key == "anketa-kluba" or template.key
    with pytest.raises(QuestionnaireError):
        services.item_save(actor=curator, template=template, text="Цвет?", kind="single", choices=["один"])
    first = services.item_save(actor=curator, template=template, text="Оценка", kind="scale", key="score")
    second = services.item_save(
        actor=curator, template=template, text="Цвет?", kind="single", choices=["красный", "синий"]
    )
    with pytest.raises(QuestionnaireError):
        services.item_save(actor=curator, template=template, text="Ещё", kind="text", key="score")
    services.item_move(actor=curator, item=second, direction="up")
    assert list(template.items.values_list("pk", flat=True)) == [second.pk, first.pk]
    people = make_people(programme, 1)
    campaign = campaign_for(programme, template, people)
    answer_all(campaign, {"score": 7, second.key: "синий"})
    with pytest.raises(QuestionnaireError):
        services.item_delete(actor=curator, item=first)
    with pytest.raises(QuestionnaireError):
        services.item_save(
            actor=curator, template=template, item=first, text="Оценка", kind="text", key="score"
        )
    services.template_set_active(actor=curator, template=template, active=False)
    assert not selectors.usable_templates(school).filter(pk=template.pk).exists()


# --- Campaigns ----------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_recipients_have_a_consent_and_follow_the_filters(programme, pair, mentee, mentor_person, curator):
    make_people(programme, 3, group_name="8Б")
    make_people(programme, 2, group_name="8Б", consent=False)
    everyone = selectors.recipients(programme, Audience.MENTEE, RecipientFilters())
    assert len(everyone) == 4  # three of 8Б and Mariya of 6Б; nobody without a consent
    in_pair = [r for r in everyone if r.person_id == mentee.pk]
    assert in_pair[0].group_id == pair.pk
    assert len(selectors.recipients(programme, Audience.MENTEE, RecipientFilters(group_names=("8Б",)))) == 3
    only_pair = selectors.recipients(programme, Audience.MENTEE, RecipientFilters(group=pair))
    assert [r.person_id for r in only_pair] == [mentee.pk]
    form = pair.form
    by_form = selectors.recipients(programme, Audience.MENTEE, RecipientFilters(form=form))
    assert mentee.pk in {r.person_id for r in by_form}
    other_form = next(
        (f for f in MentoringForm.objects.exclude(pk=form.pk) if "pupil" in (f.mentee_kinds or [])), None
    )
    if other_form is not None:
        by_other = selectors.recipients(programme, Audience.MENTEE, RecipientFilters(form=other_form))
        assert mentee.pk not in {r.person_id for r in by_other}  # her open pair is in another form
    mentors = selectors.recipients(programme, Audience.MENTOR, RecipientFilters())
    assert [(r.person_id, r.group_id) for r in mentors] == [(mentor_person.pk, pair.pk)]
    parents = selectors.recipients(programme, Audience.PARENT, RecipientFilters())
    assert len(parents) == 4
    curators = selectors.recipients(programme, Audience.CURATOR, RecipientFilters())
    assert [(r.person_id, r.user_id) for r in curators] == [(None, curator.pk)]


@pytest.mark.django_db
def test_a_thousand_links_in_a_few_queries(programme, curator, django_assert_max_num_queries):
    people = make_people(programme, 1000)
    template = shared("satisfaction-mentee")
    chosen = selectors.recipients(programme, Audience.MENTEE, RecipientFilters())
    assert len(chosen) == 1000
    # one INSERT per batch: SQLite caps the parameters of a query (about 110 rows a batch), PostgreSQL does not
    with django_assert_max_num_queries(20):
        campaign = services.campaign_create(
            actor=curator,
            programme=programme,
            template=template,
            title="Удовлетворённость, май",
            stage="single",
            recipients=chosen,
            valid_days=14,
        )
    tokens = set(campaign.invitations.values_list("token", flat=True))
    assert len(tokens) == 1000
    assert campaign.invitations.filter(respondent="mentee").count() == len(people)
    assert AuditEvent.objects.filter(target_type="monitoring.Campaign", action="create").count() == 1


@pytest.mark.django_db
def test_campaign_rules(programme, curator, other_school):
    people = make_people(programme, 2)
    diagnostics = shared("diagnostics-mentee")
    with pytest.raises(QuestionnaireError):
        campaign_for(programme, diagnostics, people, stage="after")  # no baseline
    with pytest.raises(QuestionnaireError):
        campaign_for(programme, diagnostics, [])  # nobody
    foreign = services.template_save(
        actor=None, organization=other_school, title="Чужая", purpose="other", audience="mentee"
    )
    with pytest.raises(QuestionnaireError):
        campaign_for(programme, foreign, people)
    before = campaign_for(programme, diagnostics, people, stage="before")
    after = campaign_for(programme, diagnostics, people, stage="after", baseline=before)
    assert after.baseline == before
    assert campaign_for(programme, diagnostics, people, stage="single", baseline=before).baseline is None


@pytest.mark.django_db
def test_reissue_and_close(programme, curator):
    people = make_people(programme, 3)
    campaign = campaign_for(programme, shared("satisfaction-mentee"), people, days=1)
    first, second, third = campaign.invitations.order_by("pk")
    Invitation.objects.filter(pk=first.pk).update(expires_at=timezone.now() - timedelta(days=1))
    first.refresh_from_db()
    old_token = first.token
    services.invitation_reissue(actor=curator, invitation=first, valid_days=30)
    first.refresh_from_db()
    assert first.token != old_token
    assert first.expires_at > timezone.now() + timedelta(days=29)
    campaign.refresh_from_db()
    assert campaign.expires_at >= first.expires_at  # the campaign stays open for the new link
    answer_all(campaign, {"overall": 9, "continue": "yes"}, people=[people[1]])
    with pytest.raises(QuestionnaireError):
        services.invitation_reissue(
            actor=curator, invitation=Invitation.objects.get(pk=second.pk), valid_days=5
        )
    services.campaign_close(actor=curator, campaign=campaign)
    third.refresh_from_db()
    assert third.expires_at <= timezone.now()
    assert Invitation.objects.get(pk=second.pk).answered_at is not None


@pytest.mark.django_db
def test_curator_campaign_links_point_at_accounts(programme, curator, school):
    other = UserFactory(username="curator2")
    Membership.objects.create(user=other, organization=school, role=Role.CURATOR)
    template = shared("curator")
    chosen = selectors.recipients(programme, template.audience, RecipientFilters())
    campaign = services.campaign_create(
        actor=curator,
        programme=programme,
        template=template,
        title="Анкета куратора",
        stage="single",
        recipients=chosen,
        valid_days=10,
    )
    assert set(campaign.invitations.values_list("user_id", flat=True)) == {curator.pk, other.pk}
    assert set(campaign.invitations.values_list("respondent", flat=True)) == {"curator"}


@pytest.mark.django_db
def test_links_of_a_withdrawn_consent_leave_the_lists(programme, curator):
    from participants.services import consent_withdraw

    people = make_people(programme, 2)
    campaign = campaign_for(programme, shared("satisfaction-mentee"), people)
    consent_withdraw(actor=curator, consent=people[0].consents.get(), withdrawn_on=date.today())
    assert [i.person_id for i in selectors.invitations(campaign)] == [people[1].pk]
