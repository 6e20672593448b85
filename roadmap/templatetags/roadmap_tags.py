from django import template

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
