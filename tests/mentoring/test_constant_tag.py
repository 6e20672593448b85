"""``{% constant %}``: the base layout's fixed markup rendered once per process and language."""

from __future__ import annotations

from django.template import Context, Template
from django.templatetags.static import StaticNode
from django.utils import translation


def test_rendered_once_per_language_and_blind_to_the_page(monkeypatch):
    calls: list[str] = []
    original = StaticNode.handle_simple

    def counting(path: str) -> str:
        calls.append(path)
        return original(path)

    monkeypatch.setattr(StaticNode, "handle_simple", staticmethod(counting))
    template = Template(
        "{% load static i18n constant %}"
        "{% constant %}<link href=\"{% static 'css/app.css' %}\">[{{ secret }}]{% translate 'Log out' %}{% endconstant %}"
        "<p>{{ secret }}</p>"
    )
    with translation.override("ru"):
        first = template.render(Context({"secret": "имя ученика"}))
        second = template.render(Context({"secret": "другое имя"}))
    assert calls == ["css/app.css"]  # the second page was not built again
    assert first == '<link href="/static/css/app.css">[]Выйти<p>имя ученика</p>'
    assert second == '<link href="/static/css/app.css">[]Выйти<p>другое имя</p>'
    with translation.override("en"):
        english = template.render(Context({"secret": ""}))
    assert calls == ["css/app.css", "css/app.css"] and "Log out" in english
