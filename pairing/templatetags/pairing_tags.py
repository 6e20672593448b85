"""Parts of the pairs' cards written in Python: the list draws them for every member of every pair, where
the template loop costs more than the rest of the page (600 lines for a school of 1,000 pupils)."""

from __future__ import annotations

import html
from collections.abc import Iterable
from datetime import date
from typing import Any

from django import template
from django.template.context import Context
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from mentoring.templatetags.ui import with_pk
from pairing.models import MentoringGroup
from pairing.selectors import GroupCard, MemberLine
from participants.models import Person

register = template.Library()

# a member line's markup around the name and the class: the mentor's in bold
_MENTOR_LINE = (
    '\n        <div class="text-body fw-semibold">\n'
    '          <i class="bi bi-person-workspace me-1" aria-hidden="true"></i>'
)
_MENTEE_LINE = (
    '\n        <div class="text-body">\n          <i class="bi bi-person me-1" aria-hidden="true"></i>'
)
_LINE_END = "\n        </div>\n        "


@register.simple_tag
def group_member_lines(lines: list[MemberLine], classes: dict[str, str] | None = None) -> SafeString:
    """A line per member, the mentor in bold: «Иванова А.С. 7Б» (``pairing/index.html``'s cards; the
    lines of a ``selectors.GroupCard``). ``classes``: the class names' escaped markup, kept by the caller
    for a page (a school has thirty classes and a page six hundred members)."""
    # the standard library's escape on plain strings: Django's format_html/escape (lazy-aware wrappers)
    # cost more than the line itself, and a page has up to 800 of them
    if classes is None:
        classes = {}
    escape = html.escape
    parts = []
    for role, short_name, group_name in lines:
        class_name = classes.get(group_name)
        if class_name is None:
            class_name = classes[group_name] = (
                f' <span class="text-body-secondary small">{escape(str(group_name))}</span>'
                if group_name
                else ""
            )
        start = _MENTOR_LINE if role == "mentor" else _MENTEE_LINE
        parts.append(f"{start}{escape(str(short_name))}{class_name}{_LINE_END}")
    return mark_safe("".join(parts))  # noqa: S308 (every part is escaped above)


_STATUS_CLASSES = {"active": "text-bg-success", "proposed": "text-bg-info", "completed": "text-bg-secondary"}


@register.simple_tag
def group_status_badge(group: MentoringGroup, labels: dict[str, str] | None = None) -> SafeString:
    """The pair's status as a badge (``pairing/includes/status_badge.html``). ``labels``: the statuses'
    labels, translated and escaped once per page (``_status_labels``; ``get_status_display`` rebuilds the
    choices on every call)."""
    css = _STATUS_CLASSES.get(group.status, "text-bg-warning")
    label = (labels or _status_labels()).get(group.status)
    if label is None:  # a status the choices do not know: shown as stored, as get_status_display does
        label = html.escape(str(group.status))
    return mark_safe(f'<span class="badge {css}">{label}</span>')  # noqa: S308 (escaped)


def _status_labels() -> dict[str, str]:
    return {value: html.escape(str(label)) for value, label in MentoringGroup.Status.choices}


def _day(value: date) -> str:
    """``|date:"d.m.Y"`` without Django's formatter (a card draws one or two)."""
    return f"{value.day:02d}.{value.month:02d}.{value.year:04d}"


@register.simple_tag
def plan_member_names(names: Iterable[str | None]) -> SafeString:
    """A ``<div>`` per name of the pair's mentors or mentees — None: a mentee without a valid consent (or
    anonymised), unnamed (``monitoring/plans/plans.html``; ``PlanRow.mentors``/``mentees``)."""
    parts = []
    unnamed = ""
    for name in names:
        if name is not None:
            parts.append(f"<div>{html.escape(name)}</div>")
        else:
            if not unnamed:
                # outside the f-string, so that makemessages (xgettext) sees the msgid
                label = gettext("a mentee without consent")
                unnamed = f'<div><span class="text-body-secondary">{html.escape(label)}</span></div>'
            parts.append(unnamed)
    return mark_safe("".join(parts))  # noqa: S308 (every part is escaped above)


@register.simple_tag
def person_lines(persons: Iterable[Person], with_class: bool = False) -> SafeString:
    """A ``<div>`` per person with the short name, and the class in small print when asked for
    (``monitoring/meetings/meetings.html``)."""
    parts = []
    for person in persons:
        group_name = (
            format_html(' <span class="small text-body-secondary">{}</span>', person.group_name)
            if with_class and person.group_name
            else ""
        )
        parts.append(format_html("<div>{}{}</div>", person.short_name, group_name))
    return mark_safe("".join(parts))  # noqa: S308 (every part is escaped above)


def _card_parts(context: Context) -> dict[str, Any]:
    """What every card of one page shares, read from the page's context once (``pairing/index.html`` sets
    the links reversed with the key 0 and the translated labels before its loop)."""
    parts = context.render_context.get("pair_card_parts")
    if parts is None:
        scope = context.get("scope")
        access = scope.access if scope is not None else None
        parts = {
            "bulk": bool(context.get("bulk")),
            # «Log a meeting» on an open pair: the mentor's own pairs or a manager, never read-only access
            "log": bool(access and not access.read_only and (context.get("own") or access.can_manage)),
            **{
                name: str(context.get(name) or "")
                for name in ("detail_url", "meeting_new_url", "diary_url", "plan_url")
            },
            **{
                name: html.escape(str(context.get(name) or ""))
                for name in ("t_tick", "t_no_meetings", "t_log", "t_diary", "t_plan")
            },
            "labels": _status_labels(),
            "classes": {},  # the escaped markup of each class name met on the page (group_member_lines)
            # the two dated lines, translated once: «с %(start)s», «последняя встреча %(day)s»
            "since": gettext("since %(start)s"),
            "last_meeting": gettext("last meeting %(day)s"),
        }
        context.render_context["pair_card_parts"] = parts
    return parts


@register.simple_tag(takes_context=True)
def pair_card(context: Context, card: GroupCard) -> SafeString:
    """One pair's card on the list of pairs, written in Python (a page draws fifty): its form, status,
    members, start and last meeting, and the buttons. Every value is escaped here."""
    parts = _card_parts(context)
    group = card.group
    pk = group.pk
    kind = html.escape(str(group.form.name))
    if group.role_model:
        kind += " · " + html.escape(str(group.role_model.name))
    since = ""
    if group.start_date:
        start = _day(group.start_date)
        since = f'<div class="small text-body-secondary mt-2">{html.escape(parts["since"] % {"start": start})}</div>'
    if card.last_meeting:
        day = _day(card.last_meeting)
        meeting_css = "text-body-secondary"
        meeting = html.escape(parts["last_meeting"] % {"day": day})
    else:
        meeting_css = "text-warning-emphasis"
        meeting = parts["t_no_meetings"]
    tick = ""
    if parts["bulk"]:
        tick = (
            '<div class="form-check tick-check w-100 mb-0"><input class="form-check-input" type="checkbox" '
            f'form="pairs-bulk" name="group" value="{pk}" id="tick-group-{pk}"><label class="form-check-label small" '
            f'for="tick-group-{pk}">{parts["t_tick"]}</label></div>'
        )
    log = ""
    if group.is_open and parts["log"]:
        log = (
            f'<a class="btn btn-primary flex-fill" href="{with_pk(parts["meeting_new_url"], pk)}">'
            f'<i class="bi bi-journal-plus me-1" aria-hidden="true"></i>{parts["t_log"]}</a>'
        )
    markup = (
        '<div class="col-12 col-md-6 col-xl-4"><div class="card h-100 section-tile">'
        f'<a class="card-body d-block text-decoration-none" href="{with_pk(parts["detail_url"], pk)}">'
        '<div class="d-flex justify-content-between gap-2 mb-2">'
        f'<span class="small text-body-secondary">{kind}</span>'
        f'<span class="align-self-start">{group_status_badge(group, parts["labels"])}</span></div>'
        f"{group_member_lines(card.lines, parts['classes'])}{since}"
        f'<div class="small mt-1 {meeting_css}"><i class="bi bi-journal-text me-1" aria-hidden="true"></i>{meeting}</div>'
        '</a><div class="card-footer bg-transparent d-flex flex-wrap gap-2">'
        f"{tick}{log}"
        f'<a class="btn btn-outline-secondary flex-fill" href="{with_pk(parts["diary_url"], pk)}">'
        f'<i class="bi bi-journal-text me-1" aria-hidden="true"></i>{parts["t_diary"]}</a>'
        f'<a class="btn btn-outline-secondary flex-fill" href="{with_pk(parts["plan_url"], pk)}">'
        f'<i class="bi bi-list-check me-1" aria-hidden="true"></i>{parts["t_plan"]}</a>'
        "</div></div></div>"
    )
    return mark_safe(markup)  # noqa: S308 (every value is escaped above)
