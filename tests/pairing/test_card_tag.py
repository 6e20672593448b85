"""A pair's card on the list of pairs written in Python (``pair_card``) gives the markup the page's template
gave: the former card, kept here verbatim, and the tag are rendered for pairs in every state, for a
curator (ticks, «Log a meeting»), a mentor on his own pairs, and read-only access from above."""

from __future__ import annotations

import re
from datetime import date
from types import SimpleNamespace

import pytest
from django.template import Context, Template

from pairing.models import MentoringForm, MentoringGroup, RoleModel
from pairing.selectors import GroupCard, MemberLine, lines_by_group
from tests.factories import OrganizationFactory, ProgrammeFactory

FORMER_CARD = """  <div class="col-12 col-md-6 col-xl-4">
    <div class="card h-100 section-tile">
      <a class="card-body d-block text-decoration-none" href="{{ detail_url|with_pk:group.pk }}">
        <div class="d-flex justify-content-between gap-2 mb-2">
          <span class="small text-body-secondary">{{ group.form.name }}{% if group.role_model %} · {{ group.role_model.name }}{% endif %}</span>
          <span class="align-self-start">{% group_status_badge group %}</span>
        </div>
        {% group_member_lines card.lines %}
        {% if group.start_date %}<div class="small text-body-secondary mt-2">{% blocktranslate with start=group.start_date|date:"d.m.Y" %}since {{ start }}{% endblocktranslate %}</div>{% endif %}
        <div class="small mt-1 {% if group.last_meeting %}text-body-secondary{% else %}text-warning-emphasis{% endif %}"><i class="bi bi-journal-text me-1" aria-hidden="true"></i>{% if group.last_meeting %}{% blocktranslate with day=group.last_meeting|date:"d.m.Y" %}last meeting {{ day }}{% endblocktranslate %}{% else %}{{ t_no_meetings }}{% endif %}</div>
      </a>
      <div class="card-footer bg-transparent d-flex flex-wrap gap-2">
        {% if bulk %}<div class="form-check tick-check w-100 mb-0"><input class="form-check-input" type="checkbox" form="pairs-bulk" name="group" value="{{ group.pk }}" id="tick-group-{{ group.pk }}"><label class="form-check-label small" for="tick-group-{{ group.pk }}">{{ t_tick }}</label></div>{% endif %}
        {% if group.is_open and not scope.access.read_only %}{% if own or scope.access.can_manage %}<a class="btn btn-primary flex-fill" href="{{ meeting_new_url|with_pk:group.pk }}"><i class="bi bi-journal-plus me-1" aria-hidden="true"></i>{{ t_log }}</a>{% endif %}{% endif %}
        <a class="btn btn-outline-secondary flex-fill" href="{{ diary_url|with_pk:group.pk }}"><i class="bi bi-journal-text me-1" aria-hidden="true"></i>{{ t_diary }}</a>
        <a class="btn btn-outline-secondary flex-fill" href="{{ plan_url|with_pk:group.pk }}"><i class="bi bi-list-check me-1" aria-hidden="true"></i>{{ t_plan }}</a>
      </div>
    </div>
  </div>
"""

PAGE_PARTS = (
    "{% load i18n ui pairing_tags %}"
    '{% translate "Tick for an action" as t_tick %}{% translate "no meetings logged yet" as t_no_meetings %}'
    '{% translate "Log a meeting" as t_log %}{% translate "Diary" as t_diary %}{% translate "Plan" as t_plan %}'
)


def _whitespace(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r">\s+<", "><", html)).strip()


@pytest.mark.parametrize(
    ("bulk", "own", "manage", "read_only"),
    [
        (True, False, True, False),
        (False, True, False, False),
        (False, False, False, True),
        (False, False, True, True),
    ],
)
def test_the_card_tag_writes_what_the_card_template_wrote(db, bulk, own, manage, read_only):
    programme = ProgrammeFactory(organization=OrganizationFactory())
    form = MentoringForm.objects.first()
    role_model = RoleModel.objects.first()
    states = [
        {"status": "active", "start_date": date(2025, 9, 15)},
        {"status": "proposed", "role_model": role_model},
        {"status": "completed", "start_date": date(2025, 9, 1)},
        {"status": "paused"},
    ]
    groups = [MentoringGroup.objects.create(programme=programme, form=form, **state) for state in states]
    groups = list(
        MentoringGroup.objects.filter(pk__in=[g.pk for g in groups])
        .select_related("form", "role_model")
        .order_by("pk")
    )
    lines = lines_by_group([group.pk for group in groups])
    lines[groups[0].pk] = [MemberLine("mentor", "Петров П.П.", ""), MemberLine("mentee", "О'Нил <А.>", "7Б & 7В")]
    cards = []
    context = {
        "scope": SimpleNamespace(access=SimpleNamespace(can_manage=manage, read_only=read_only)),
        "bulk": bulk,
        "own": own,
        "detail_url": "/o/s/2025/pairs/0/",
        "meeting_new_url": "/o/s/2025/monitoring/diary/0/new/",
        "diary_url": "/o/s/2025/monitoring/diary/0/",
        "plan_url": "/o/s/2025/monitoring/plans/0/",
    }
    former = Template(PAGE_PARTS + FORMER_CARD)
    tag = Template(PAGE_PARTS + "{% pair_card card %}")
    for number, group in enumerate(groups):
        group.last_meeting = date(2025, 10, number + 1) if number % 2 else None  # as ``groups`` annotates
        card = GroupCard(group, lines.get(group.pk, []), group.last_meeting)
        cards.append(card)
        rendered = {
            name: _whitespace(template.render(Context({**context, "card": card, "group": card.group})))
            for name, template in (("tag", tag), ("former", former))
        }
        assert rendered["tag"] == rendered["former"], card.group.status
    first = _whitespace(tag.render(Context({**context, "card": cards[0]})))
    assert "О&#x27;Нил &lt;А.&gt;" in first and "7Б &amp; 7В" in first
    assert role_model is not None and f" · {role_model.name}" in _whitespace(
        tag.render(Context({**context, "card": cards[1]}))
    )
