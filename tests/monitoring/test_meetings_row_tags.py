"""The meeting diary's entries (``diary_entry``) and the rows of the pairs' meetings overview
(``meetings_row``) written in Python give the markup the page's templates gave: the former loops, kept here
verbatim (the psychologist's badge, ``monitoring/meetings/includes/psychologist_flag.html``, written in place of
its include), and the tags are rendered over the same meetings and pairs — names, topics, reasons and
tasks that try to inject a script, an apostrophe, an ampersand, line breaks; with and without the rights to
edit and to review; in Russian and in English (where «Psychologist's help» has an apostrophe of its own)."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.template import Context, Template
from django.utils import translation

from monitoring.meetings.selectors import diary
from monitoring.meetings.services import MeetingData, meeting_flag_resolve, meeting_log
from monitoring.models import Meeting
from monitoring.plans.services import plan_get_or_create, plan_task_create
from pairing.models import MentoringForm
from pairing.services import group_create
from tests.factories import UserFactory

from ..conftest import YEAR, client_for
from ..pairing.test_groups import pupil, teacher

pytestmark = pytest.mark.django_db

FORMER_ENTRY = """{% for meeting in meetings %}
<div class="card mb-3" id="meeting-{{ meeting.pk }}">
  <div class="card-header d-flex flex-wrap justify-content-between align-items-center gap-2">
    <div>
      <span class="fw-semibold">{{ meeting.date|date:"d.m.Y" }}</span>
      <span class="badge text-bg-light border ms-1">{{ meeting.get_kind_display }}</span>
      <span class="small text-body-secondary ms-1">{% if meeting.format == "online" %}<i class="bi bi-camera-video me-1" aria-hidden="true"></i>{% else %}<i class="bi bi-people me-1" aria-hidden="true"></i>{% endif %}{{ meeting.get_format_display }}{% if meeting.duration_minutes %}, {% blocktranslate with minutes=meeting.duration_minutes %}{{ minutes }} min{% endblocktranslate %}{% endif %}</span>
    </div>
    {% if pair.may_edit %}<a class="btn btn-sm btn-outline-primary" href="{% url 'monitoring:meeting_edit' org=org year=year group=group.pk meeting=meeting.pk %}"><i class="bi bi-pencil me-1" aria-hidden="true"></i>{% translate "Edit" %}</a>{% endif %}
  </div>
  <div class="card-body">
    {% if meeting.topic %}<h2 class="h6">{{ meeting.topic }}</h2>{% endif %}
    <dl class="row mb-0 small">
      {% if meeting.what_was_done %}<dt class="col-sm-3">{% translate "What was done" %}</dt><dd class="col-sm-9">{{ meeting.what_was_done|linebreaksbr }}</dd>{% endif %}
      {% if meeting.agreements %}<dt class="col-sm-3">{% translate "Agreements" %}</dt><dd class="col-sm-9">{{ meeting.agreements|linebreaksbr }}</dd>{% endif %}
      <dt class="col-sm-3">{% translate "Mentees present" %}</dt>
      <dd class="col-sm-9">{% for person in meeting.attendees.all %}{% if person.has_consent and not person.anonymised_at %}{{ person.short_name }}{% else %}{% translate "a mentee" %}{% endif %}{% if not forloop.last %}, {% endif %}{% empty %}—{% endfor %}</dd>
      {% if meeting.plan_tasks.all %}<dt class="col-sm-3">{% translate "Plan tasks" %}</dt><dd class="col-sm-9">{% for task in meeting.plan_tasks.all %}<div>{% if task.done_on %}<i class="bi bi-check-circle-fill text-success me-1" aria-hidden="true"></i>{% else %}<i class="bi bi-circle me-1" aria-hidden="true"></i>{% endif %}{{ task.activity|truncatechars:120 }}</div>{% endfor %}</dd>{% endif %}
    </dl>
    {% if meeting.needs_psychologist %}<div class="mt-2">{% if meeting.flag_resolved_at %}<span class="badge text-bg-success"><i class="bi bi-check2 me-1" aria-hidden="true"></i>{% blocktranslate with day=meeting.flag_resolved_at|date:"j E" %}Psychologist's help: reviewed {{ day }}{% endblocktranslate %}</span>{% else %}<span class="badge text-bg-warning"><i class="bi bi-flag me-1" aria-hidden="true"></i>{% translate "Psychologist's help requested: waiting for review" %}</span>{% endif %}{% if meeting.psychologist_reason %}<div class="small mt-1">{{ meeting.psychologist_reason }}</div>{% endif %}
      {% if may_review and not meeting.flag_resolved_at %}<form method="post" action="{% url 'monitoring:meeting_flag_resolve' org=org year=year group=group.pk meeting=meeting.pk %}" class="d-inline">{% csrf_token %}<button class="btn btn-sm btn-outline-success mt-1">{% translate "Mark as reviewed" %}</button></form>{% endif %}
    </div>{% endif %}
    {% if meeting.recorded_by %}<div class="small text-body-secondary mt-2">{% blocktranslate with name=meeting.recorded_by.get_full_name|default:meeting.recorded_by.username day=meeting.created_at|date:"d.m.Y H:i" %}recorded by {{ name }}, {{ day }}{% endblocktranslate %}</div>{% endif %}
  </div>
</div>
{% endfor %}"""

FORMER_ROW = """    {% for row in rows %}
      <tr{% if row.stale %} class="table-warning"{% endif %}>
        <td class="d-none d-sm-table-cell"><a href="{{ diary_url|with_pk:row.group.pk }}">{{ row.group.pk }}</a></td>
        <td><a class="text-body" href="{{ diary_url|with_pk:row.group.pk }}">{% person_lines row.mentors %}</a></td>
        <td>{% person_lines row.mentees with_class=True %}</td>
        <td class="d-none d-md-table-cell small">{{ row.group.form.name }}</td>
        <td>{% if row.group.last_meeting %}<a href="{{ diary_url|with_pk:row.group.pk }}">{{ row.group.last_meeting|date:"d.m.Y" }}</a>{% else %}<span class="text-body-secondary">{{ t_none_yet }}</span>{% endif %}
          <div class="small d-md-none{% if row.stale %} text-danger{% else %} text-body-secondary{% endif %}">{% blocktranslate count days=row.days|default:0 %}{{ days }} day without meetings{% plural %}{{ days }} days without meetings{% endblocktranslate %}</div></td>
        <td class="text-end d-none d-md-table-cell">{{ row.group.meetings_count }}</td>
        <td class="text-end d-none d-md-table-cell{% if row.stale %} fw-semibold text-danger{% endif %}">{% if row.days is not None %}{{ row.days }}{% else %}—{% endif %}</td>
      </tr>
    {% endfor %}"""

SCRIPT = "<script>alert('x')</script>"
ESCAPED_SCRIPT = "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;"
KW = {"org": "school-a", "year": YEAR}

# what ``diary.html`` sets before its loop
DIARY_PARTS = (
    "{% load i18n ui meetings_tags %}"
    "{% url 'monitoring:meeting_edit' org=org year=year group=group.pk meeting=0 as edit_url %}"
    "{% url 'monitoring:meeting_flag_resolve' org=org year=year group=group.pk meeting=0 as resolve_url %}"
    "{% csrf_input as csrf_field %}"
)
TAG_ENTRIES = "{% for meeting in meetings %}{% diary_entry meeting %}{% endfor %}"
# what ``meetings.html`` sets before its loop
OVERVIEW_PARTS = (
    "{% load i18n ui pairing_tags meetings_tags %}"
    "{% url 'monitoring:diary' org=org year=year group=0 as diary_url %}{% translate 'none yet' as t_none_yet %}"
)
TAG_ROWS = "{% for row in rows %}{% meetings_row row %}{% endfor %}"


def _whitespace(markup: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r">\s+<", "><", markup)).strip()


@pytest.fixture
def diary_pair(programme, mentor_person, mentee):
    """A pair with four meetings: every branch of an entry, with text that must be escaped."""
    pair = group_create(
        actor=None,
        programme=programme,
        form=MentoringForm.objects.get(key="teacher_pupil"),
        mentors=[mentor_person],
        mentees=[mentee],
    )
    named = UserFactory(username="named", first_name=SCRIPT, last_name="О'Нил")
    unnamed = UserFactory(username="7Б&7В", first_name="", last_name="", patronymic="")
    plan = plan_get_or_create(actor=None, group=pair)
    done = plan_task_create(actor=None, plan=plan, activity=SCRIPT)
    done.done_on = date(2025, 10, 1)
    done.save(update_fields=["done_on"])
    long = plan_task_create(actor=None, plan=plan, activity="Подготовка к олимпиаде & проект " * 6)
    first, _ = meeting_log(
        actor=named,
        group=pair,
        data=MeetingData(
            date=date(2025, 10, 6),
            kind=Meeting.Kind.INTRODUCTION,
            format=Meeting.Format.ONLINE,
            duration_minutes=45,
            topic=SCRIPT,
            what_was_done=f"Обсудили цели\n{SCRIPT}",
            agreements="7Б & 7В\r\nвстречаться по средам",
            needs_psychologist=True,
            psychologist_reason=SCRIPT,
        ),
        attendees=[mentee],
        plan_tasks=[done, long],
    )
    # names only with a consent: one with it, one without (added past the form's checks)
    first.attendees.add(pupil(programme, "О'Нил"), pupil(programme, SCRIPT, consent=False))
    resolved, _ = meeting_log(
        actor=unnamed,
        group=pair,
        data=MeetingData(date=date(2025, 10, 13), needs_psychologist=True, psychologist_reason=""),
    )
    meeting_flag_resolve(actor=named, meeting=resolved)
    meeting_log(actor=None, group=pair, data=MeetingData(date=date(2025, 10, 20), kind=Meeting.Kind.FINAL))
    Meeting.objects.create(group=pair, date=date(2025, 10, 27), recorded_by=named, duration_minutes=60)
    return pair


@pytest.mark.parametrize("language", ["ru", "en"])
@pytest.mark.parametrize(("may_edit", "may_review"), [(True, True), (True, False), (False, False)])
def test_the_entry_tag_writes_what_the_diary_template_wrote(diary_pair, language, may_edit, may_review):
    context = {
        "org": KW["org"],
        "year": KW["year"],
        "group": diary_pair,
        "pair": type("Access", (), {"may_edit": may_edit})(),
        "may_review": may_review,
        "meetings": diary(diary_pair),
        "csrf_token": "t0ken",
    }
    assert len(context["meetings"]) == 4
    with translation.override(language):
        former = _whitespace(Template("{% load i18n ui %}" + FORMER_ENTRY).render(Context(context)))
        tag = _whitespace(Template(DIARY_PARTS + TAG_ENTRIES).render(Context(context)))
    assert tag == former
    assert "<script>" not in tag and tag.count(ESCAPED_SCRIPT) >= 5
    assert "О&#x27;Нил" in tag and "7Б &amp; 7В<br>" in tag and "7Б&amp;7В" in tag
    assert tag.count("/edit/") == (4 if may_edit else 0)
    assert tag.count('name="csrfmiddlewaretoken" value="t0ken"') == (1 if may_review else 0)
    assert "…" in tag  # the long task was cut


def test_the_diary_page_draws_every_entry(mentor, diary_pair):
    from django.urls import reverse

    page = client_for(mentor).get(reverse("monitoring:diary", kwargs={**KW, "group": diary_pair.pk}))
    assert page.status_code == 200
    text = page.content.decode()
    assert text.count('class="card mb-3" id="meeting-') == 4 and "<script>alert" not in text
    assert "Психолог" in text or "психолог" in text


@pytest.mark.parametrize("language", ["ru", "en"])
def test_the_row_tag_writes_what_the_overview_template_wrote(programme, curator, diary_pair, language):
    from django.urls import reverse

    # a second pair without meetings: a mentor and a mentee whose names and class must be escaped
    quiet_mentee = pupil(programme, SCRIPT, grade="7Б & 7В")
    group_create(
        actor=None,
        programme=programme,
        form=MentoringForm.objects.get(key="teacher_pupil"),
        mentors=[teacher(programme, "О'Нил")],
        mentees=[quiet_mentee, pupil(programme, "Петров", grade="")],
    )
    response = client_for(curator).get(reverse("monitoring:meetings", kwargs=KW))
    rows = response.context["rows"]
    assert len(rows) == 2 and {bool(row["stale"]) for row in rows} == {True, False}
    context = {"org": KW["org"], "year": KW["year"], "rows": rows}
    with translation.override(language):
        former = _whitespace(Template(OVERVIEW_PARTS + FORMER_ROW).render(Context(context)))
        tag = _whitespace(Template(OVERVIEW_PARTS + TAG_ROWS).render(Context(context)))
    assert tag == former
    assert "<script>" not in tag and ESCAPED_SCRIPT in tag
    assert "О&#x27;Нил" in tag and "7Б &amp; 7В" in tag
    assert tag.count('class="table-warning"') == 1
