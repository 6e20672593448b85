"""Small template helpers that keep markup free of inline styles (Content-Security-Policy).

A bar's width is a class, ``pct-0`` … ``pct-100`` (static/css/app.css), not a ``style`` attribute.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django import template

register = template.Library()


def _clamp(value) -> int:
    try:
        number = Decimal(str(value).replace(",", "."))
    except (InvalidOperation, ValueError):
        return 0
    if not number.is_finite():
        return 0
    return max(0, min(100, int(number.to_integral_value())))


@register.filter
def pct(value) -> int:
    """A percentage as a whole number from 0 to 100, for the ``pct-N`` width classes."""
    return _clamp(value)


@register.simple_tag
def percent_of(part, whole) -> int:
    """``part`` as a whole percentage of ``whole`` (0 when ``whole`` is empty), clamped to 0–100."""
    try:
        whole_number = Decimal(str(whole))
        if not whole_number:
            return 0
        return _clamp(Decimal(str(part)) * 100 / whole_number)
    except (InvalidOperation, ValueError, TypeError):
        return 0
