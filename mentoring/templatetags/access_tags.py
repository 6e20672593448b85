"""``{% may_open 'app:page' key=value as name %}``: whether the current scope may open a page, to link it or not.

The answer comes from the page's own privacy class (``mentoring.access.may_open``), so that a template never
shows a link that would answer 404 — e.g. to a municipal coordinator, who sees aggregates only.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.template.context import Context

from mentoring.access import may_open as access_may_open

register = template.Library()


@register.simple_tag(takes_context=True)
def may_open(context: Context, url_name: str, **kwargs: Any) -> bool:
    scope = context.get("scope")
    if scope is None:
        return False
    return access_may_open(scope, url_name, **kwargs)
