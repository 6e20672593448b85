"""``{% frame key %}…{% endframe %}``: the base layout's header rendered once per key and kept in the process.

The header of every organisation page (the sections' menu, the search, the user's menu, the organisation and
year switchers) is the same on every page a user opens in one organisation, year and section: about a
millisecond of the template engine per page, for markup that changes only when the user, their roles or
what the switchers list does. ``key`` is made by the navigation context processor
(``mentoring.context_processors.frame_key``) from everything the block shows — the navigation cache's
version (memberships, organisations, programmes, years), the user's names and roles, the organisation, the
year and the section — or is empty when the block must be rendered (no scope, the navigation cache off).

The block is kept per compiled template, key and language, in this process only (never in the shared
cache: it holds the user's own name), for at most ``navigation_cache.LOCAL_SECONDS``, as the process's
copies of the switchers. The CSRF token is never kept: the block is rendered with a placeholder in its
place and each page puts its own token there, so the page's HTML is the same as without the frame.
"""

from __future__ import annotations

import time

from django import template
from django.conf import settings
from django.template.base import FilterExpression, NodeList, Parser, Token
from django.template.context import Context
from django.template.loader_tags import BlockNode
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from mentoring import navigation_cache

register = template.Library()

# What the block is rendered with instead of the page's CSRF token: NUL cannot come from the database
# (PostgreSQL refuses it in text) nor from a form (Django's fields refuse it), so nothing else matches.
PLACEHOLDER = "\x00csrf-token\x00"
# A masked CSRF token (django.middleware.csrf): 64 ASCII letters and digits.
TOKEN_LENGTH = 64
# Blocks kept per compiled template at most (a header is 5-20 kB: a few MB per process at most). When
# there would be more, the expired ones are dropped, and all of them if none has expired.
ENTRIES = 512


def _token(context: Context) -> str:
    token = context.get("csrf_token")
    text = "" if token is None else str(token)
    return text if len(text) == TOKEN_LENGTH and text.isascii() and text.isalnum() else ""


class FrameNode(template.Node):
    # Opaque to ``get_nodes_by_type``: ``{% extends %}`` looks for the blocks of the base layout on every
    # page, and the header holds none (``frame`` refuses one: it would be kept with the first page's).
    child_nodelists = ()

    def __init__(self, key: FilterExpression, nodelist: NodeList) -> None:
        self.key = key
        self.nodelist = nodelist
        self.kept: dict[tuple[str, object], tuple[float, str]] = {}

    def render(self, context: Context) -> SafeString:
        key = self.key.resolve(context, ignore_failures=True)
        token = _token(context) if key else ""
        if not token:  # nothing to key on, or no real token to put back: rendered as any block
            return self.nodelist.render(context)
        full_key = (get_language() or "", key)
        now = time.monotonic()
        found = self.kept.get(full_key)
        if found is None or found[0] <= now:
            with context.push(csrf_token=PLACEHOLDER):
                html = str(self.nodelist.render(context))
            if len(self.kept) >= ENTRIES:
                self.kept = {kept: entry for kept, entry in self.kept.items() if entry[0] > now}
                if len(self.kept) >= ENTRIES:
                    self.kept.clear()
            seconds = min(settings.NAVIGATION_CACHE_SECONDS, navigation_cache.LOCAL_SECONDS)
            found = self.kept[full_key] = (now + seconds, html)
        return mark_safe(found[1].replace(PLACEHOLDER, token))  # noqa: S308 (rendered by the template engine, escaped there; the token is letters and digits)


@register.tag
def frame(parser: Parser, token: Token) -> FrameNode:
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("{% frame %} takes one argument: the key")
    nodelist = parser.parse(("endframe",))
    parser.delete_first_token()
    if nodelist.get_nodes_by_type(BlockNode):
        raise template.TemplateSyntaxError("{% frame %} may hold no {% block %}: it is kept whole")
    return FrameNode(parser.compile_filter(bits[1]), nodelist)
