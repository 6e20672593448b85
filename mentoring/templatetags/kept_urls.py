"""``{% url %}`` whose answers a process keeps: ``{% load kept_urls %}`` after the other libraries makes a
template's ``{% url %}`` tags this one (the same syntax, the same output).

A page's body reverses a dozen addresses (its buttons, tabs, the links of its rows with the key 0), each
``reverse`` walking the URL patterns again — about 50 µs a tag, the same answer on every request. The
answer depends only on what the key holds: the view's name, its arguments, the current application, the
URLconf and the script prefix in use and the active language, none of which a request changes for
another; the URL patterns themselves do not change while a process runs. An address that does not
reverse is never kept (``NoReverseMatch`` as Django's tag: raised, or "" with ``as``).
"""

from __future__ import annotations

from typing import Any

from django import template
from django.template.base import Parser, Token
from django.template.context import Context
from django.template.defaulttags import URLNode
from django.template.defaulttags import url as django_url
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.html import conditional_escape
from django.utils.translation import get_language

register = template.Library()

KEPT = 4096  # addresses a process keeps (all dropped when there would be more)
_kept: dict[tuple[Any, ...], str] = {}


class KeptURLNode(URLNode):
    def render(self, context: Context) -> str:
        args = tuple(arg.resolve(context) for arg in self.args)
        kwargs = {name: value.resolve(context) for name, value in self.kwargs.items()}
        view_name = self.view_name.resolve(context)
        try:
            current_app = context.request.current_app  # type: ignore[attr-defined]
        except AttributeError:
            try:
                current_app = context.request.resolver_match.namespace  # type: ignore[attr-defined]
            except AttributeError:
                current_app = None
        try:
            key: tuple[Any, ...] | None = (
                view_name,
                args,
                tuple(sorted(kwargs.items())),
                current_app,
                get_urlconf(),
                get_script_prefix(),
                get_language(),
            )
            hash(key)
        except TypeError:  # an argument that cannot be a key: reversed every time
            key = None
        url = _kept.get(key) if key is not None else None
        if url is None:
            try:
                url = reverse(view_name, args=args, kwargs=kwargs, current_app=current_app)
            except NoReverseMatch:
                if self.asvar is None:
                    raise
                url = ""
            else:
                if key is not None:
                    if len(_kept) >= KEPT:
                        _kept.clear()
                    _kept[key] = url
        if self.asvar:
            context[self.asvar] = url
            return ""
        return conditional_escape(url) if context.autoescape else url


@register.tag
def url(parser: Parser, token: Token) -> KeptURLNode:
    """Django's ``{% url %}``, its answers kept by the process (see the module)."""
    node = django_url(parser, token)
    return KeptURLNode(node.view_name, node.args, node.kwargs, node.asvar)
