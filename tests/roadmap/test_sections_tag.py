"""The roadmap table's body drawn by one tag (``roadmap_sections``: the sections' headings, their rows, the
line of an empty section) gives the markup of the template loop it replaced, kept here verbatim: for a
manager and for a member, sections with a title to escape, without a title and without events."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.template import Context, Template
from django.test import RequestFactory

from roadmap import selectors
from roadmap.models import RoadmapEvent, RoadmapSection
from tests.factories import OrganizationFactory, ProgrammeFactory

FORMER_LOOP = """{% load i18n ui roadmap_tags %}
  {% for rows in sections %}
    {% if rows.section %}
    <tr class="table-secondary roadmap-section" id="section-{{ rows.section.pk }}">
      <th colspan="7" scope="rowgroup">
        <div class="d-flex justify-content-between align-items-center gap-2">
          <span>{{ rows.section.title|default:_("Without a section") }}</span>
          {% if scope.access.can_manage %}{% with move_url=section_move_url|with_pk:rows.section.pk %}
          <span class="d-flex gap-1 flex-shrink-0">
            <button class="btn btn-sm btn-link p-0 px-1" form="roadmap-move" formaction="{{ move_url }}" name="direction" value="up" title="{{ t_up }}" aria-label="{{ t_up }}"><i class="bi bi-arrow-up"></i></button>
            <button class="btn btn-sm btn-link p-0 px-1" form="roadmap-move" formaction="{{ move_url }}" name="direction" value="down" title="{{ t_down }}" aria-label="{{ t_down }}"><i class="bi bi-arrow-down"></i></button>
            <a class="btn btn-sm btn-link p-0 px-1" href="{{ section_edit_url|with_pk:rows.section.pk }}" title="{{ t_rename }}" aria-label="{{ t_rename }}"><i class="bi bi-pencil"></i></a>
            <a class="btn btn-sm btn-link p-0 px-1" href="{{ event_create_url }}?section={{ rows.section.pk }}" title="{{ t_add_event }}" aria-label="{{ t_add_event }}"><i class="bi bi-plus-lg"></i></a>
          </span>
          {% endwith %}{% endif %}
        </div>
      </th>
    </tr>
    {% endif %}
    {% for line in rows.lines %}
    {% roadmap_row line %}
    {% empty %}
    <tr><td colspan="7" class="text-body-secondary small">{% translate "No events in this section yet." %}</td></tr>
    {% endfor %}
  {% endfor %}
"""
NEW = "{% load roadmap_tags %}{% roadmap_sections sections %}"
SETUP = (
    "{% load i18n %}{% translate 'Evidence' as t_evidence %}{% translate 'Comments' as t_comments %}"
    "{% translate 'Move up' as t_up %}{% translate 'Move down' as t_down %}{% translate 'Edit' as t_edit %}"
    "{% translate 'Mark done' as t_mark %}{% translate 'Rename' as t_rename %}"
    "{% translate 'Add an event to this section' as t_add_event %}"
)


class _Access:
    def __init__(self, manage: bool) -> None:
        self.can_manage = manage
        self.read_only = False


class _Scope:
    def __init__(self, manage: bool) -> None:
        self.access = _Access(manage)


def _squeezed(markup: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r">\s+<", "><", markup)).strip()


@pytest.mark.django_db
@pytest.mark.parametrize("manage", [True, False])
def test_the_table_body_is_the_former_loop_s(manage):
    programme = ProgrammeFactory(organization=OrganizationFactory())
    first = RoadmapSection.objects.create(programme=programme, title="Раздел <1> & «первый»", position=1)
    RoadmapSection.objects.create(programme=programme, title="Пустой", position=2)
    nameless = RoadmapSection.objects.create(programme=programme, title="", position=3)
    for number, section in enumerate((first, first, nameless)):
        RoadmapEvent.objects.create(
            programme=programme,
            section=section,
            title=f"Мероприятие <{number}>",
            status=("planned", "done", "in_progress")[number],
            deadline=date(2025, 10, 1),
            completed_on=date(2025, 9, 20) if number == 1 else None,
        )
    today = date(2025, 11, 15)
    sections = selectors.roadmap_table(programme, selectors.RoadmapFilters(), today)
    selectors.number_rows(sections)
    for rows in sections:
        for line in rows.lines:
            line.may_mark = manage
    request = RequestFactory().get("/o/s/2025/roadmap/?a=<b>")
    values = {
        "sections": sections,
        "scope": _Scope(manage),
        "request": request,
        "event_links": True,
        "event_url": "/o/s/2025/roadmap/events/0/",
        "event_move_url": "/o/s/2025/roadmap/events/0/move/",
        "event_edit_url": "/o/s/2025/roadmap/events/0/edit/",
        "event_done_url": "/o/s/2025/roadmap/events/0/done/",
        "section_move_url": "/o/s/2025/roadmap/sections/0/move/",
        "section_edit_url": "/o/s/2025/roadmap/sections/0/edit/",
        "event_create_url": "/o/s/2025/roadmap/events/new/",
    }
    former = Template(SETUP + FORMER_LOOP).render(Context(values))
    new = Template(SETUP + NEW).render(Context(values))
    assert _squeezed(new) == _squeezed(former)
    assert "Без раздела" in new or "Without a section" in new
    assert "&lt;1&gt; &amp; «первый»" in new and ("пока нет" in new or "No events" in new)
    assert ("sections/" in new) is manage
