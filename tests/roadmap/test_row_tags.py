"""The roadmap's row parts written in Python (``roadmap_tags``) give the markup the include templates gave.

The includes ``roadmap/includes/periods.html``, ``responsible.html`` and ``status_badge.html`` were
templates drawn for every row; they now call the tags. The former templates are kept here, verbatim, and
both are rendered for events in every state.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.template import Context, Template

from mentoring.models import User
from roadmap.models import EventPeriod, RoadmapEvent, RoadmapSection
from tests.factories import OrganizationFactory, ProgrammeFactory

FORMER = {
    "periods": '{% load i18n roadmap_tags %}{% for period in event.periods.all %}<div class="text-nowrap{% if not period.start %} text-warning-emphasis{% endif %}">{{ period|period_label }}</div>{% empty %}<span class="text-body-secondary">—</span>{% endfor %}{% if event.recurring and event.next_due and event.status != "done" and event.status != "cancelled" %}<div class="small text-nowrap{% if event.overdue %} text-danger{% else %} text-body-secondary{% endif %}">{% blocktranslate with day=event.next_due|date:"d.m.Y" %}next due {{ day }}{% endblocktranslate %}</div>{% endif %}',
    "responsible": '{% for user in event.responsible_users.all %}<div>{{ user.get_full_name|default:user.username }}</div>{% endfor %}{% for line in event.responsible_lines %}<div class="text-body-secondary">{{ line }}</div>{% endfor %}',
    "status_badge": '{% load i18n %}{% if event.overdue %}<span class="badge text-bg-danger">{% translate "overdue" %}</span>{% elif event.status == "done" %}<span class="badge text-bg-success">{{ event.get_status_display }}</span>{% elif event.status == "in_progress" %}<span class="badge text-bg-primary">{{ event.get_status_display }}</span>{% elif event.status == "cancelled" %}<span class="badge text-bg-secondary">{{ event.get_status_display }}</span>{% else %}<span class="badge text-bg-light border">{{ event.get_status_display }}</span>{% endif %}',
}
TAGS = {"periods": "event_periods", "responsible": "event_responsible", "status_badge": "event_status_badge"}


def _events(programme) -> list[RoadmapEvent]:
    section = RoadmapSection.objects.create(programme=programme, title="Раздел", position=1)
    curator = User.objects.create(username="curator", first_name="Анна", last_name="Кураторова")
    nameless = User.objects.create(username="nameless")
    states = [
        {"status": "planned"},
        {"status": "done", "completed_on": date(2025, 10, 1)},
        {"status": "in_progress", "recurring": True, "next_due": date(2025, 11, 30)},
        {"status": "cancelled", "recurring": True, "next_due": date(2025, 11, 30)},
        {
            "status": "planned",
            "recurring": True,
            "next_due": date(2025, 9, 30),
            "deadline": date(2025, 9, 30),
        },
        {"status": "planned", "responsible_text": "Классные руководители\n\n  <Педагог-психолог> "},
    ]
    events = []
    for number, state in enumerate(states):
        event = RoadmapEvent.objects.create(
            programme=programme, section=section, title=f"Мероприятие {number}", position=number, **state
        )
        if number % 2:
            event.responsible_users.add(curator, nameless)
        if number == 1:
            EventPeriod.objects.create(event=event, start=date(2025, 9, 1), end=date(2025, 9, 30))
            EventPeriod.objects.create(event=event, text="по запросу")
        if number == 4:
            EventPeriod.objects.create(
                event=event,
                start=date(2025, 9, 1),
                end=date(2026, 5, 31),
                recurrence="month",
                recurrence_day=30,
            )
        events.append(event)
    return events


@pytest.mark.parametrize("overdue", [None, False, True])
@pytest.mark.parametrize("part", list(FORMER))
def test_the_tags_write_what_the_includes_wrote(db, part, overdue):
    programme = ProgrammeFactory(organization=OrganizationFactory())
    _events(programme)
    former = Template(
        "{% load i18n roadmap_tags %}"
        + FORMER[part].replace("{% load i18n roadmap_tags %}", "").replace("{% load i18n %}", "")
    )
    tag = Template("{% load roadmap_tags %}{% " + TAGS[part] + " event %}")
    events = RoadmapEvent.objects.filter(programme=programme).prefetch_related("periods", "responsible_users")
    for event in events:
        if overdue is not None:
            event.overdue = overdue
        context = {"event": event}
        assert tag.render(Context(context)) == former.render(Context(context)), (part, event.title)
