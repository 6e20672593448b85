"""Demo data of the monitoring section: questionnaires.

In every demo school and college of the current year: a satisfaction campaign of mentees, mostly
answered; a before/after diagnostics pair whose answers show growth; a networking campaign that half of
the mentees answered (their choices land in the preferences the matching engine reads).
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from django.utils import timezone

from mentoring.models import Programme
from monitoring.models import Campaign, QuestionItem, QuestionnaireTemplate
from monitoring.questionnaires import selectors, services
from monitoring.questionnaires.selectors import RecipientFilters

from .organisations import demo_school_programmes, demo_years

LIKED = [
    "Наставник всегда объясняет понятно и терпеливо",
    "Подготовка к олимпиаде, интересные задачи",
    "Что со мной разговаривают как со взрослым",
    "Проект, который мы сделали вместе",
    "",
]
IMPROVE = ["Встречаться чаще", "Больше встреч онлайн", "Больше общих мероприятий", "", ""]


def seed_demo(*, today: date) -> None:
    """Idempotent: a second run changes nothing."""
    current, _previous = demo_years(today)
    for programme in demo_school_programmes(today, years=[current]):
        if Campaign.objects.filter(programme=programme).exists():
            continue
        rng = random.Random(f"questionnaires-{programme.organization.slug}")
        _satisfaction(programme, rng)
        _diagnostics(programme, rng)
        _networking(programme, rng)


def _template(key: str) -> QuestionnaireTemplate:
    return QuestionnaireTemplate.objects.get(organization=None, key=key)


def _create(
    programme: Programme, key: str, title: str, *, stage: str = "single", baseline=None
) -> Campaign | None:
    template = _template(key)
    chosen = selectors.recipients(programme, template.audience, RecipientFilters())
    if not chosen:
        return None
    return services.campaign_create(
        actor=None,
        programme=programme,
        template=template,
        title=title,
        stage=stage,
        baseline=baseline,
        recipients=chosen,
        valid_days=30,
    )


def _answer(campaign: Campaign, share: float, rng: random.Random, make) -> None:
    items = list(campaign.template.items.all())
    invitations = list(campaign.invitations.select_related("person").order_by("pk"))
    now = timezone.now()
    for invitation in invitations:
        if rng.random() > share:
            if rng.random() < 0.5:
                invitation.opened_at = now - timedelta(days=rng.randint(1, 5))
                invitation.save(update_fields=["opened_at"])
            continue
        answers = {item.pk: value for item in items if (value := make(item, invitation)) is not None}
        services.response_submit(invitation=invitation, answers=answers)


def _satisfaction(programme: Programme, rng: random.Random) -> None:
    campaign = _create(programme, "satisfaction-mentee", "Удовлетворённость наставляемых, декабрь")
    if campaign is None:
        return

    def make(item: QuestionItem, invitation):
        if item.kind == QuestionItem.Kind.SCALE:
            return rng.choices(range(4, 11), weights=[1, 1, 2, 4, 6, 5, 4])[0]
        if item.kind == QuestionItem.Kind.YES_NO:
            return "yes" if rng.random() < 0.8 else "no"
        if item.kind == QuestionItem.Kind.TEXT:
            return rng.choice(LIKED if item.key == "liked" else IMPROVE) or None
        return None

    _answer(campaign, 0.75, rng, make)


def _diagnostics(programme: Programme, rng: random.Random) -> None:
    before = _create(programme, "diagnostics-mentee", "Входная диагностика наставляемых", stage="before")
    if before is None:
        return
    start: dict[tuple[int, str], int] = {}

    def first(item: QuestionItem, invitation):
        if item.kind != QuestionItem.Kind.SCALE:
            return None
        value = rng.randint(3, 7)
        start[(invitation.person_id, item.key)] = value
        return value

    _answer(before, 0.9, rng, first)
    after = _create(
        programme, "diagnostics-mentee", "Итоговая диагностика наставляемых", stage="after", baseline=before
    )
    if after is None:
        return

    def second(item: QuestionItem, invitation):
        if item.kind == QuestionItem.Kind.TEXT:
            return None
        base = start.get((invitation.person_id, item.key), rng.randint(3, 7))
        return max(1, min(10, base + rng.choice([-1, 0, 1, 1, 2, 2, 3])))

    _answer(after, 0.8, rng, second)


def _networking(programme: Programme, rng: random.Random) -> None:
    campaign = _create(programme, "networking-mentee", "Нетворкинг: выбор наставника")
    if campaign is None:
        return
    options = [option.person_id for option in selectors.ranking_options(campaign, "mentee")]

    def make(item: QuestionItem, invitation):
        if item.kind == QuestionItem.Kind.RANKING and options:
            return rng.sample(options, min(item.scale_max, len(options)))
        if item.kind == QuestionItem.Kind.TEXT:
            return rng.choice(["Понравился рассказ о проектах", "Хочу подготовиться к олимпиаде", ""]) or None
        return None

    _answer(campaign, 0.5, rng, make)
