"""Small template helpers that keep markup free of inline styles (Content-Security-Policy).

A bar's width is a class, ``pct-0`` … ``pct-100`` (static/css/app.css), not a ``style`` attribute.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from django import template
from django.utils.html import format_html

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


@register.filter
def with_pk(url: str, pk) -> str:
    """A row's link from one reversed once per page with the placeholder key 0: ``{% url 'app:page' …
    item=0 as item_url %}`` before the loop, ``{{ item_url|with_pk:item.pk }}`` in it (a ``reverse`` per
    row costs more than the rest of the row). The key is the last ``/0/`` segment of the path."""
    head, found, tail = str(url).rpartition("/0/")
    if not found:
        raise ValueError(f"{url!r} has no /0/ placeholder segment")
    return f"{head}/{int(pk)}/{tail}"


_SLUG = re.compile(r"[-a-zA-Z0-9_]+")


@register.filter
def with_org(url: str, slug: str) -> str:
    """An organisation's page from a link reversed once per page with the placeholder organisation «0»:
    ``{% url 'app:page' org="0" year=year as page_url %}`` before the loop, ``{{ page_url|with_org:slug }}``
    in it (``with_pk`` for the organisation of ``/o/<org>/``: a list of schools reverses no link per row)."""
    head, found, tail = str(url).partition("/o/0/")
    if not found:
        raise ValueError(f"{url!r} has no /o/0/ placeholder segment")
    if not _SLUG.fullmatch(str(slug)):
        raise ValueError(f"{slug!r} is not a slug")
    return f"{head}/o/{slug}/{tail}"


@register.simple_tag(takes_context=True)
def csrf_input(context) -> str:
    """``{% csrf_input as csrf_field %}``: the hidden CSRF field of ``{% csrf_token %}`` once per page, for the
    small forms of every row of a list (one masked token serves them all, as one form would)."""
    token = context.get("csrf_token")
    if not token or token == "NOTPROVIDED":  # noqa: S105 (Django's marker, as in {% csrf_token %})
        return ""
    return format_html('<input type="hidden" name="csrfmiddlewaretoken" value="{}">', token)


@register.filter
def sort_column(columns, key):
    """A sortable header's link and ``aria-sort`` (``mentoring.sorting.Sorting.columns``) by its key."""
    return columns.get(key) if columns else None
