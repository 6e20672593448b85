"""Parts of the pairs' cards written in Python: the list draws them for every member of every pair, where
the template loop costs more than the rest of the page (600 lines for a school of 1,000 pupils)."""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

_MEMBER = (
    '\n        <div class="text-body{}">\n          <i class="bi {} me-1" aria-hidden="true"></i>{}{}\n'
    "        </div>\n        "
)


@register.simple_tag
def group_member_lines(group) -> SafeString:
    """A line per member, the mentor in bold: «Иванова А.С. 7Б» (``pairing/index.html``'s cards; the
    group's ``member_lines`` from ``selectors.member_lines``)."""
    parts = []
    for member in group.member_lines:
        mentor = member.role == "mentor"
        class_name = (
            format_html(' <span class="text-body-secondary small">{}</span>', member.group_name)
            if member.group_name
            else ""
        )
        parts.append(
            format_html(
                _MEMBER,
                " fw-semibold" if mentor else "",
                "bi-person-workspace" if mentor else "bi-person",
                member.short_name,
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
