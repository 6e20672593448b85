"""``{% constant %}…{% endconstant %}``: markup that is the same on every page, rendered once per process.

The base layout's links to the style sheets, icons and scripts (``{% static %}``: a look-up in the
manifest each) and its fixed texts (``{% translate %}``) are the same for every request; the template
engine would build them again on every page. The block is rendered once per language with an empty
context (no variable of the page reaches it: one written inside renders as nothing, which shows at once)
and kept on the compiled template, which the cached loader keeps for the life of the process.
"""

from __future__ import annotations

from django import template
from django.template.base import NodeList, Parser, Token
from django.template.context import Context
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

register = template.Library()


class ConstantNode(template.Node):
    def __init__(self, nodelist: NodeList) -> None:
        self.nodelist = nodelist
        self.rendered: dict[str, SafeString] = {}

    def render(self, context: Context) -> SafeString:
        language = get_language() or ""
        found = self.rendered.get(language)
        if found is None:
            found = self.rendered[language] = mark_safe(self.nodelist.render(context.new()))  # noqa: S308 (rendered by the template engine, escaped there)
        return found


@register.tag
def constant(parser: Parser, token: Token) -> ConstantNode:
    if len(token.split_contents()) != 1:
        raise template.TemplateSyntaxError("{% constant %} takes no arguments")
    nodelist = parser.parse(("endconstant",))
    parser.delete_first_token()
    return ConstantNode(nodelist)
