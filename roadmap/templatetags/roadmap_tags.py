from django import template
from django.utils.dateformat import format as date_format
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from roadmap.periods import format_period, occurrences

register = template.Library()


@register.filter
def period_label(period) -> str:
    """A period the way a school writes it; an unread period shows its text as written."""
    if period.start is None or period.end is None:
        return period.text
    return format_period(period.as_period() if hasattr(period, "as_period") else period)


@register.filter
def occurrence_count(period) -> int:
    """How many times a scheduled period happens (0 for a period without a schedule)."""
    period = period.as_period() if hasattr(period, "as_period") else period
    return len(occurrences(period)) if period.recurrence is not None else 0


# The event's small parts, written in Python: they are drawn for every row of the roadmap (twice for the
# responsible people), where a template include per cell costs more than the rest of the row. The include
# files (roadmap/includes/*.html) call these tags, so every page shows the same markup.


def _related(event, name: str):
    """The prefetched rows of a relation as they are: ``event.periods.all()`` would build a new queryset for
    every row and every call, which costs more than drawing the row."""
    cache = getattr(event, "_prefetched_objects_cache", {})
    return cache[name] if name in cache else getattr(event, name).all()


def _overdue(event) -> bool:
    return bool(getattr(event, "overdue", False))


@register.simple_tag
def event_responsible(event) -> SafeString:
    """The responsible users, then the responsible people written as text (``includes/responsible.html``)."""
    parts = [
        format_html("<div>{}</div>", user.get_full_name() or user.username)
        for user in _related(event, "responsible_users")
    ]
    parts += [
        format_html('<div class="text-body-secondary">{}</div>', line) for line in event.responsible_lines
    ]
    return mark_safe("".join(parts))  # noqa: S308 (every part is escaped above)


@register.simple_tag
def event_periods(event) -> SafeString:
    """The event's periods and, for a recurring open event, its next due day (``includes/periods.html``)."""
    parts = [
        format_html(
            '<div class="text-nowrap{}">{}</div>',
            "" if period.start else " text-warning-emphasis",
            period_label(period),
        )
        for period in _related(event, "periods")
    ] or [mark_safe('<span class="text-body-secondary">—</span>')]
    if event.recurring and event.next_due and event.status not in ("done", "cancelled"):
        day = escape(date_format(event.next_due, "d.m.Y"))
        parts.append(
            format_html(
                '<div class="small text-nowrap{}">{}</div>',
                " text-danger" if _overdue(event) else " text-body-secondary",
                mark_safe(gettext("next due %(day)s") % {"day": day}),  # noqa: S308 (our catalogue, escaped day)
            )
        )
    return mark_safe("".join(parts))  # noqa: S308 (every part is escaped above)


_STATUS_CLASSES = {
    "done": "text-bg-success",
    "in_progress": "text-bg-primary",
    "cancelled": "text-bg-secondary",
}


@register.simple_tag
def event_status_badge(event) -> SafeString:
    """«просрочено» or the status as a badge (``includes/status_badge.html``)."""
    if _overdue(event):
        return format_html('<span class="badge text-bg-danger">{}</span>', gettext("overdue"))
    css = _STATUS_CLASSES.get(event.status, "text-bg-light border")
    return format_html('<span class="badge {}">{}</span>', css, event.get_status_display())
