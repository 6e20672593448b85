"""``{% translate "literal" %}`` whose answers the process keeps.

``install()`` (``MentoringConfig.ready``, before any template is compiled) registers ``{% translate %}``
and ``{% trans %}`` of Django's own ``i18n`` library with this compile function: the same parsing
(Django's ``do_translate``), a node that keeps what it rendered for a string written in the template.
Every other tag and filter of ``{% load i18n %}`` is Django's, untouched. A page renders a few dozen
translations — about 10 µs each: a lazy translation built, resolved, localised and escaped, the same
answer on every request.

The answer of a literal depends only on the string, its ``context`` when that is a literal too, ``noop``,
the active language and whether the template escapes (the catalogues do not change while a process
runs); those are the key. A variable (``{% translate title %}``), filters, or a context given by a
variable go through Django's node every time, unchanged.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.template.base import FilterExpression, Parser, Token
from django.template.context import Context
from django.templatetags import i18n as django_i18n
from django.utils.translation import get_language

KEPT = 4096  # answers a process keeps (all dropped when there would be more)
_kept: dict[tuple[Any, ...], str] = {}


def _literal(expression: FilterExpression | None) -> Any:
    """The constant an expression stands for (a string written in the template, no filters), else None."""
    if expression is None or expression.filters:
        return None
    variable = expression.var
    if not isinstance(variable, template.Variable) or variable.lookups is not None:
        return None
    return variable.literal


class KeptTranslateNode(django_i18n.TranslateNode):
    def __init__(self, node: django_i18n.TranslateNode) -> None:
        super().__init__(node.filter_expression, node.noop, node.asvar, node.message_context)
        message = _literal(self.filter_expression)
        context = _literal(self.message_context) if self.message_context is not None else ""
        self._key = None
        if isinstance(message, str) and isinstance(context, str):
            self._key = (message, context, self.noop)

    def render(self, context: Context) -> str:
        if self._key is None:
            return super().render(context)
        key = (*self._key, get_language(), context.autoescape)
        value = _kept.get(key)
        if value is None:
            rendered = super().render(context)  # Django's answer (with ``as``: set in the context)
            value = context[self.asvar] if self.asvar else rendered
            if len(_kept) >= KEPT:
                _kept.clear()
            _kept[key] = value
            return rendered
        if self.asvar:
            context[self.asvar] = value
            return ""
        return value


def _translate(parser: Parser, token: Token) -> django_i18n.TranslateNode:
    """Django's ``{% translate %}``, its answers for strings written in the template kept (see the module)."""
    return KeptTranslateNode(django_i18n.do_translate(parser, token))


def install() -> None:
    """``{% translate %}`` and ``{% trans %}`` of ``{% load i18n %}`` become ``_translate``."""
    django_i18n.register.tags["translate"] = _translate
    django_i18n.register.tags["trans"] = _translate
