"""The roadmap's row parts written in Python (``roadmap_tags``) give the markup the include templates gave.

The includes ``roadmap/includes/periods.html``, ``responsible.html`` and ``status_badge.html`` were
templates drawn for every row; they now call the tags. The former templates are kept here, verbatim, and
both are rendered for events in every state.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.template import Context, Template

from mentoring.models import User
from roadmap.models import EventPeriod, RoadmapEvent, RoadmapSection
from roadmap.selectors import TableRow
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


# The roadmap table's row as the page's template drew it before ``roadmap_row`` (verbatim, but for the
# row's buttons, which post through the page's two shared forms since the row holds no form: ``form=`` and
# ``formaction=`` instead of a <form> with its CSRF field and hidden fields), with what the page set before
# its loop.
FORMER_ROW = (
    "{% load i18n ui roadmap_tags %}"
    + """    <tr id="event-{{ event.pk }}"{% if event.overdue %} class="table-danger"{% endif %}>
      <td class="text-nowrap roadmap-number">{% if scope.access.can_manage %}<label class="tick-area"><input class="form-check-input" type="checkbox" form="roadmap-bulk" name="event" value="{{ event.pk }}" aria-label="{{ event.display_number }} {{ event.title|truncatechars:80 }}"></label> {% endif %}{{ event.display_number }}</td>
      <td>
        {% if event_links %}<a href="{{ event_url|with_pk:event.pk }}" class="event-link">{{ event.title|linebreaksbr }}</a>{% else %}<span class="event-link">{{ event.title|linebreaksbr }}</span>{% endif %}
        <div class="small text-body-secondary mt-1">
          {% if event.evidence_count %}<span class="me-2" title="{{ t_evidence }}"><i class="bi bi-paperclip" aria-hidden="true"></i> {{ event.evidence_count }}</span>{% endif %}
          {% if event.comment_count %}<span class="me-2" title="{{ t_comments }}"><i class="bi bi-chat" aria-hidden="true"></i> {{ event.comment_count }}</span>{% endif %}
          <span class="d-md-none">{% event_responsible event %}</span>
        </div>
        {% if scope.access.can_manage %}
        <div class="d-flex gap-1 mt-1">
          <button class="btn btn-sm btn-link p-0 pe-1" form="roadmap-move" formaction="{{ event_move_url|with_pk:event.pk }}" name="direction" value="up" title="{{ t_up }}" aria-label="{{ t_up }}"><i class="bi bi-arrow-up"></i></button>
          <button class="btn btn-sm btn-link p-0 pe-1" form="roadmap-move" formaction="{{ event_move_url|with_pk:event.pk }}" name="direction" value="down" title="{{ t_down }}" aria-label="{{ t_down }}"><i class="bi bi-arrow-down"></i></button>
          <a class="btn btn-sm btn-link p-0" href="{{ event_edit_url|with_pk:event.pk }}" title="{{ t_edit }}" aria-label="{{ t_edit }}"><i class="bi bi-pencil"></i></a>
        </div>
        {% endif %}
      </td>
      <td class="small">{% event_periods event %}</td>
      <td class="small d-none d-lg-table-cell">{{ event.expected_result|linebreaksbr }}</td>
      <td class="small d-none d-xl-table-cell">{{ event.kpi_text|linebreaksbr }}</td>
      <td class="small d-none d-md-table-cell">{% event_responsible event %}</td>
      <td>
        {% event_status_badge event %}
        {% if event.completed_on %}<div class="small text-body-secondary">{{ event.completed_on|date:"d.m.Y" }}</div>{% endif %}
        {% if event.may_mark %}
          {% if event.recurring %}
          <a class="btn btn-sm btn-outline-success mt-2 roadmap-mark" href="{{ event_url|with_pk:event.pk }}#done">{{ t_mark }}</a>
          {% else %}
          <div class="mt-2"><button type="submit" class="btn btn-sm btn-outline-success roadmap-mark" form="roadmap-done" formaction="{{ event_done_url|with_pk:event.pk }}" name="next" value="{{ request.get_full_path }}#event-{{ event.pk }}" aria-label="{{ t_mark }}: {{ event.display_number }} {{ event.title|truncatechars:60 }}">{{ t_mark }}</button></div>
          {% endif %}
        {% endif %}
      </td>
    </tr>
"""
)
PAGE_PARTS = (
    "{% load i18n ui roadmap_tags %}"
    '{% translate "Evidence" as t_evidence %}{% translate "Comments" as t_comments %}{% translate "Move up" as t_up %}'
    '{% translate "Move down" as t_down %}{% translate "Edit" as t_edit %}{% translate "Mark done" as t_mark %}'
    "{% csrf_input as csrf_input %}"
)


def _whitespace(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r">\s+<", "><", html)).strip()


class _Access:
    def __init__(self, manage: bool) -> None:
        self.can_manage = manage


class _Scope:
    def __init__(self, manage: bool) -> None:
        self.access = _Access(manage)


@pytest.mark.parametrize("manage", [False, True])
@pytest.mark.parametrize("links", [False, True])
def test_the_row_tag_writes_what_the_row_template_wrote(db, rf, manage, links):
    programme = ProgrammeFactory(organization=OrganizationFactory())
    _events(programme)
    RoadmapEvent.objects.filter(programme=programme, position=5).update(
        title='Встреча <b>&</b>\n«родители»', expected_result="Протокол\nи фото", kpi_text="Доля > 50 %"
    )
    request = rf.get("/o/school/2025/roadmap/?q=<x>&sort=status")
    context = {
        "scope": _Scope(manage),
        "event_links": links,
        "request": request,
        "csrf_token": "t" * 64,
        "done_day": date(2025, 10, 2),
        "event_url": "/o/s/2025/roadmap/events/0/",
        "event_move_url": "/o/s/2025/roadmap/events/0/move/",
        "event_edit_url": "/o/s/2025/roadmap/events/0/edit/",
        "event_done_url": "/o/s/2025/roadmap/events/0/done/",
    }
    events = RoadmapEvent.objects.filter(programme=programme).prefetch_related("periods", "responsible_users")
    former = Template(PAGE_PARTS + FORMER_ROW.replace("{% load i18n ui roadmap_tags %}", ""))
    tag = Template(PAGE_PARTS + "{% roadmap_row line %}")
    marks = 0
    for number, event in enumerate(events):
        event.overdue = number == 2
        event.evidence_count = number % 3
        event.comment_count = number % 2
        # the former template read the number and the «mark» flag off the event; the tag reads the row
        event.display_number = f"1.{number + 1}"
        event.may_mark = number != 1
        line = TableRow(event, event.display_number, event.may_mark)
        marks += line.may_mark
        assert _whitespace(tag.render(Context({**context, "line": line}))) == _whitespace(
            former.render(Context({**context, "event": event}))
        ), event.title
    assert marks
