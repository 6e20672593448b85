"""The meeting diary's entries and the rows of the pairs' meetings overview written in Python: a diary shows
every meeting of the year (a dozen or more cards of about forty lookups, filters and translations each)
and the overview a hundred pairs; their templates cost more than the rest of the page. The labels are
translated once per render (``render_context``), not once per entry."""

from __future__ import annotations

import html
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django import template
from django.conf import settings
from django.template import Context
from django.template.defaultfilters import linebreaksbr
from django.utils.dateformat import format as date_format
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.timezone import is_aware, localtime
from django.utils.translation import gettext, ngettext

from mentoring.templatetags.ui import with_pk
from pairing.selectors import MemberLine
from participants.models import Person

from ..models import Meeting

register = template.Library()


def _text(value: Any) -> str:
    # the standard library's escape on plain strings (what Django's ``escape`` calls, without its lazy-aware wrapper)
    return html.escape(str(value))


def _localtime(value: datetime, context: Context) -> datetime:
    """What the ``date`` filter formats (``expects_localtime``): an aware datetime in the current time zone."""
    use_tz = settings.USE_TZ if context.use_tz is None else context.use_tz
    return localtime(value) if use_tz and is_aware(value) else value


def _diary_parts(context: Context) -> dict[str, Any]:
    """What every entry of one diary shares, read from the page's context once (``diary.html`` reverses the
    entry's links with the key 0 and the CSRF field before its loop); the labels translated once."""
    parts = context.render_context.get("diary_entry_parts")
    if parts is None:
        pair = context.get("pair")
        parts = {
            "may_edit": bool(pair and pair.may_edit),
            "may_review": bool(context.get("may_review")),
            "edit_url": str(context.get("edit_url") or ""),
            "resolve_url": str(context.get("resolve_url") or ""),
            "csrf_field": str(context.get("csrf_field") or ""),
            "kinds": {value: _text(label) for value, label in Meeting.Kind.choices},
            "formats": {value: _text(label) for value, label in Meeting.Format.choices},
            # the catalogue's text as {% translate %} and {% blocktranslate %} give it: a translated literal is
            # safe (not escaped); only the values put into a {% blocktranslate %} are
            "t_edit": gettext("Edit"),
            "t_done": gettext("What was done"),
            "t_agreements": gettext("Agreements"),
            "t_present": gettext("Mentees present"),
            "t_a_mentee": gettext("a mentee"),
            "t_tasks": gettext("Plan tasks"),
            "t_reviewed": gettext("Mark as reviewed"),
            "t_waiting": gettext("Psychologist's help requested: waiting for review"),
            "f_minutes": gettext("%(minutes)s min"),
            "f_help_reviewed": gettext("Psychologist's help: reviewed %(day)s"),
            "f_recorded": gettext("recorded by %(name)s, %(day)s"),
        }
        context.render_context["diary_entry_parts"] = parts
    return parts


def psychologist_flag(meeting: Meeting, parts: dict[str, Any], context: Context) -> str:
    """``monitoring/meetings/includes/psychologist_flag.html``: the badge of a request for the psychologist."""
    if meeting.flag_resolved_at:
        day = _text(date_format(_localtime(meeting.flag_resolved_at, context), "j E"))
        badge = (
            '<span class="badge text-bg-success"><i class="bi bi-check2 me-1" aria-hidden="true"></i>'
            f"{parts['f_help_reviewed'] % {'day': day}}</span>"
        )
    else:
        badge = (
            '<span class="badge text-bg-warning"><i class="bi bi-flag me-1" aria-hidden="true"></i>'
            f"{parts['t_waiting']}</span>"
        )
    if meeting.psychologist_reason:
        badge += f'<div class="small mt-1">{_text(meeting.psychologist_reason)}</div>'
    return badge


def _attendees(meeting: Meeting, parts: dict[str, Any]) -> str:
    names = [
        _text(person.short_name)
        if getattr(person, "has_consent", False) and not person.anonymised_at
        else parts["t_a_mentee"]
        for person in meeting.attendees.all()
    ]
    return ", ".join(names) if names else "—"


def _tasks(meeting: Meeting) -> str:
    lines = []
    for task in meeting.plan_tasks.all():
        icon = (
            '<i class="bi bi-check-circle-fill text-success me-1" aria-hidden="true"></i>'
            if task.done_on
            else '<i class="bi bi-circle me-1" aria-hidden="true"></i>'
        )
        lines.append(f"<div>{icon}{_text(Truncator(task.activity).chars(120))}</div>")
    return "".join(lines)


@register.simple_tag(takes_context=True)
def diary_entry(context: Context, meeting: Meeting) -> SafeString:
    """One meeting's card in a pair's diary: date, type, format and length, the link to edit it, the topic,
    what was done and the agreements, who was present (a name only with a consent), the plan's tasks it
    moved, the request for the psychologist and its review form, who recorded it. Every value is escaped."""
    parts = _diary_parts(context)
    pk = int(meeting.pk)
    if meeting.format == "online":
        icon = '<i class="bi bi-camera-video me-1" aria-hidden="true"></i>'
    else:
        icon = '<i class="bi bi-people me-1" aria-hidden="true"></i>'
    minutes = ""
    if meeting.duration_minutes:
        minutes = ", " + parts["f_minutes"] % {"minutes": _text(meeting.duration_minutes)}
    edit = ""
    if parts["may_edit"]:
        edit = (
            f'<a class="btn btn-sm btn-outline-primary" href="{with_pk(parts["edit_url"], pk)}">'
            f'<i class="bi bi-pencil me-1" aria-hidden="true"></i>{parts["t_edit"]}</a>'
        )
    body = []
    if meeting.topic:
        body.append(f'<h2 class="h6">{_text(meeting.topic)}</h2>')
    body.append('<dl class="row mb-0 small">')
    if meeting.what_was_done:
        body.append(
            f'<dt class="col-sm-3">{parts["t_done"]}</dt>'
            f'<dd class="col-sm-9">{linebreaksbr(meeting.what_was_done, autoescape=True)}</dd>'
        )
    if meeting.agreements:
        body.append(
            f'<dt class="col-sm-3">{parts["t_agreements"]}</dt>'
            f'<dd class="col-sm-9">{linebreaksbr(meeting.agreements, autoescape=True)}</dd>'
        )
    body.append(
        f'<dt class="col-sm-3">{parts["t_present"]}</dt><dd class="col-sm-9">{_attendees(meeting, parts)}</dd>'
    )
    tasks = _tasks(meeting)
    if tasks:
        body.append(f'<dt class="col-sm-3">{parts["t_tasks"]}</dt><dd class="col-sm-9">{tasks}</dd>')
    body.append("</dl>")
    if meeting.needs_psychologist:
        review = ""
        if parts["may_review"] and not meeting.flag_resolved_at:
            review = (
                f'<form method="post" action="{with_pk(parts["resolve_url"], pk)}" class="d-inline">'
                f'{parts["csrf_field"]}<button class="btn btn-sm btn-outline-success mt-1">{parts["t_reviewed"]}'
                "</button></form>"
            )
        body.append(f'<div class="mt-2">{psychologist_flag(meeting, parts, context)}{review}</div>')
    recorder = meeting.recorded_by
    if recorder:
        name = _text(recorder.get_full_name() or recorder.username)
        day = _text(date_format(_localtime(meeting.created_at, context), "d.m.Y H:i"))
        body.append(
            f'<div class="small text-body-secondary mt-2">{parts["f_recorded"] % {"name": name, "day": day}}</div>'
        )
    markup = (
        f'<div class="card mb-3" id="meeting-{pk}">'
        '<div class="card-header d-flex flex-wrap justify-content-between align-items-center gap-2"><div>'
        f'<span class="fw-semibold">{date_format(meeting.date, "d.m.Y")}</span>'
        f'<span class="badge text-bg-light border ms-1">{parts["kinds"].get(meeting.kind, _text(meeting.kind))}</span>'
        f'<span class="small text-body-secondary ms-1">{icon}'
        f"{parts['formats'].get(meeting.format, _text(meeting.format))}{minutes}</span>"
        f"</div>{edit}</div>"
        f'<div class="card-body">{"".join(body)}</div></div>'
    )
    return mark_safe(markup)  # noqa: S308 (every value is escaped above)


def _overview_parts(context: Context) -> dict[str, Any]:
    """What every row of the meetings overview shares (``meetings.html`` reverses the diary's link with the
    key 0 and translates «none yet» before its loop); the plural of «N days without meetings» is looked up
    once per number of days."""
    parts = context.render_context.get("meetings_row_parts")
    if parts is None:
        parts = {
            "diary_url": str(context.get("diary_url") or ""),
            "t_none_yet": str(conditional_escape(context.get("t_none_yet") or "")),
            "days": {},
        }
        context.render_context["meetings_row_parts"] = parts
    return parts


def _person_lines(persons: Iterable[Person | MemberLine], with_class: bool = False) -> str:
    """``pairing_tags.person_lines``: a ``<div>`` per person, the class in small print when asked for."""
    lines = []
    for person in persons:
        group_name = (
            f' <span class="small text-body-secondary">{_text(person.group_name)}</span>'
            if with_class and person.group_name
            else ""
        )
        lines.append(f"<div>{_text(person.short_name)}{group_name}</div>")
    return "".join(lines)


@register.simple_tag(takes_context=True)
def meetings_row(context: Context, row: dict[str, Any]) -> SafeString:
    """One pair's row of the meetings overview (``monitoring.meetings.views.meetings``' ``rows``): its number
    and mentors linked to the diary, the mentees with their class, the form, the last meeting, the number
    of meetings and the days since. Every value is escaped here."""
    parts = _overview_parts(context)
    group = row["group"]
    pk = int(group.pk)
    link = with_pk(parts["diary_url"], pk)
    stale = bool(row["stale"])
    days = row["days"]
    plural = parts["days"].get(days or 0)
    if plural is None:
        count = days or 0
        plural = ngettext("%(days)s day without meetings", "%(days)s days without meetings", count) % {
            "days": _text(count)
        }
        parts["days"][count] = plural
    last = group.last_meeting
    last_cell = (
        f'<a href="{link}">{date_format(last, "d.m.Y")}</a>'
        if last
        else f'<span class="text-body-secondary">{parts["t_none_yet"]}</span>'
    )
    form = group.form
    warning = ' class="table-warning"' if stale else ""
    markup = (
        f"<tr{warning}>"
        f'<td class="d-none d-sm-table-cell"><a href="{link}">{pk}</a></td>'
        f'<td><a class="text-body" href="{link}">{_person_lines(row["mentors"])}</a></td>'
        f"<td>{_person_lines(row['mentees'], with_class=True)}</td>"
        f'<td class="d-none d-md-table-cell small">{_text(form.name) if form else ""}</td>'
        f"<td>{last_cell}"
        f'<div class="small d-md-none{" text-danger" if stale else " text-body-secondary"}">{plural}</div></td>'
        f'<td class="text-end d-none d-md-table-cell">{_text(group.meetings_count)}</td>'
        f'<td class="text-end d-none d-md-table-cell{" fw-semibold text-danger" if stale else ""}">'
        f"{_text(days) if days is not None else '—'}</td></tr>"
    )
    return mark_safe(markup)  # noqa: S308 (every value is escaped above)
