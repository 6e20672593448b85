"""``{% load kept_urls %}``: the ``{% url %}`` tag whose answers a process keeps writes what Django's own tag
writes — for every form of the tag, after a change of script prefix, and for an address that does not
reverse."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.urls import NoReverseMatch, clear_script_prefix, set_script_prefix

from mentoring.templatetags import kept_urls

FORMS = [
    "{% url 'roadmap:index' org=org year=year %}",
    "{% url 'roadmap:event' org=org year=year event=0 as event_url %}[{{ event_url }}]",
    "{% url 'roadmap:event' org=org year=year event=pk %}",
    "{% url 'healthz' %}",
    "{% url name org=org year=year %}",
    "{% url 'no-such-page' as missing %}[{{ missing }}]",
]


def _both(source: str, values: dict) -> tuple[str, str]:
    django = Template("{% load i18n %}" + source).render(Context(values))
    kept = Template("{% load i18n kept_urls %}" + source).render(Context(values))
    return django, kept


@pytest.mark.parametrize("source", FORMS)
def test_the_kept_tag_writes_what_django_s_tag_writes(source):
    kept_urls._kept.clear()
    for org, pk in (("school-a", 3), ("school-b", 4), ("school_c-1", 5)):
        values = {"org": org, "year": 2025, "pk": pk, "name": "roadmap:timeline"}
        for _ in range(2):  # reversed, then kept
            django, kept = _both(source, values)
            assert kept == django


def test_a_new_script_prefix_is_a_new_address():
    source = "{% url 'roadmap:index' org='school-a' year=2025 %}"
    try:
        _both(source, {})
        set_script_prefix("/mentoring/")
        django, kept = _both(source, {})
        assert kept == django and kept.startswith("/mentoring/")
    finally:
        clear_script_prefix()
        set_script_prefix("/")
    assert _both(source, {})[1].startswith("/o/")


def test_an_address_that_does_not_reverse_raises_as_django_s():
    with pytest.raises(NoReverseMatch):
        Template("{% load kept_urls %}{% url 'no-such-page' %}").render(Context({}))
