"""Parts of the pairs' cards written in Python: the list draws them for every member of every pair, where
the template loop costs more than the rest of the page (600 lines for a school of 1,000 pupils)."""

from __future__ import annotations

import html

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

register = template.Library()

_MEMBER = (
    '\n        <div class="text-body{}">\n          <i class="bi {} me-1" aria-hidden="true"></i>{}{}\n'
    "        </div>\n        "
)


@register.simple_tag
def group_member_lines(group) -> SafeString:
    """A line per member, the mentor in bold: «Иванова А.С. 7Б» (``pairing/index.html``'s cards; the
    group's ``member_lines`` from ``selectors.member_lines``)."""
    # the standard library's escape on plain strings: Django's format_html/escape (lazy-aware wrappers)
    # cost more than the line itself, and a page has up to 800 of them
    parts = []
    for member in group.member_lines:
        mentor = member.role == "mentor"
        class_name = (
            f' <span class="text-body-secondary small">{html.escape(str(member.group_name))}</span>'
            if member.group_name
            else ""
        )
        parts.append(
            _MEMBER.format(
                " fw-semibold" if mentor else "",
                "bi-person-workspace" if mentor else "bi-person",
                html.escape(str(member.short_name)),
                class_name,
            )
        )
    return mark_safe("".join(parts))  # noqa: S308 (every part is escaped above)


_STATUS_CLASSES = {"active": "text-bg-success", "proposed": "text-bg-info", "completed": "text-bg-secondary"}


@register.simple_tag
def group_status_badge(group) -> SafeString:
    """The pair's status as a badge (``pairing/includes/status_badge.html``)."""
    css = _STATUS_CLASSES.get(group.status, "text-bg-warning")
    return format_html('<span class="badge {}">{}</span>', css, group.get_status_display())


def _prefetched_members(group):
    """The prefetched members as they are (``group.members.all()`` builds a new queryset per call)."""
    cache = getattr(group, "_prefetched_objects_cache", {})
    return cache["members"] if "members" in cache else group.members.all()


@register.simple_tag
def plan_member_names(group, role: str) -> SafeString:
    """The pair's mentors, or its mentees — a mentee without a valid consent (or anonymised) unnamed — a
    ``<div>`` each (``monitoring/plans/plans.html``; the members prefetched with ``has_consent``)."""
    parts = []
    for member in _prefetched_members(group):
        if member.role != role:
            continue
        if role == "mentor" or (member.has_consent and not member.person.anonymised_at):
            parts.append(format_html("<div>{}</div>", member.person.short_name))
        else:
            parts.append(
                format_html(
                    '<div><span class="text-body-secondary">{}</span></div>',
                    gettext("a mentee without consent"),
                )
            )
    return mark_safe("".join(parts))  # noqa: S308 (every part is escaped above)


@register.simple_tag
def person_lines(persons, with_class: bool = False) -> SafeString:
    """A ``<div>`` per person with the short name, and the class in small print when asked for
    (``monitoring/plans/meetings.html``)."""
    parts = []
    for person in persons:
        group_name = (
            format_html(' <span class="small text-body-secondary">{}</span>', person.group_name)
            if with_class and person.group_name
            else ""
        )
        parts.append(format_html("<div>{}{}</div>", person.short_name, group_name))
    return mark_safe("".join(parts))  # noqa: S308 (every part is escaped above)
