"""``{% translate %}`` of ``{% load i18n %}`` is mentoring.kept_i18n's: the same answers as Django's, kept."""

from __future__ import annotations

import pytest
from django.template import Context, Engine, Template
from django.templatetags import i18n as django_i18n
from django.utils import translation

from mentoring.kept_i18n import KeptTranslateNode

SOURCE = (
    "{% load i18n %}"
    '[{% translate "Status" %}]'
    '[{% translate "Any" as any %}{{ any }}|{{ any|upper }}]'
    '[{% trans "Mentee base" %}]'
    '[{% translate "May" context "month name" %}]'
    '[{% translate "100%% of <pairs>" %}]'
    '[{% translate "Status" noop %}]'
    "[{% translate word %}]"
    '[{% translate "Status"|upper %}]'
    '[{% translate "May" context ctx %}]'
    "[{% blocktranslate %}page {{ n }}{% endblocktranslate %}]"
    "[{% get_current_language as lang %}{{ lang }}]"
)


def _djangos(source: str, monkeypatch: pytest.MonkeyPatch) -> Template:
    """The template compiled with Django's own ``{% translate %}``."""
    with monkeypatch.context() as patched:
        patched.setitem(django_i18n.register.tags, "translate", django_i18n.do_translate)
        patched.setitem(django_i18n.register.tags, "trans", django_i18n.do_translate)
        template = Engine(libraries={"i18n": "django.templatetags.i18n"}).from_string(source)
    assert not any(isinstance(node, KeptTranslateNode) for node in template.nodelist)
    return template


@pytest.mark.parametrize("language", ["ru", "en"])
@pytest.mark.parametrize("autoescape", [True, False])
def test_the_same_answers_as_djangos_library_every_time(language, autoescape, monkeypatch):
    ours = Template(SOURCE)  # the project's engine: {% translate %} is kept_i18n's
    assert any(isinstance(node, KeptTranslateNode) for node in ours.nodelist)
    django = _djangos(SOURCE, monkeypatch)
    values = {"word": "Status", "n": 3, "ctx": "month name"}
    with translation.override(language):
        expected = django.render(Context(values, autoescape=autoescape))
        for _ in range(3):  # the first answer, then the kept ones
            assert ours.render(Context(values, autoescape=autoescape)) == expected


def test_the_language_is_part_of_the_key():
    template = Template('{% load i18n %}{% translate "Mentee base" %}')
    with translation.override("ru"):
        russian = template.render(Context())
    with translation.override("en"):
        english = template.render(Context())
    with translation.override("ru"):
        assert template.render(Context()) == russian
    assert russian == "База наставляемых"
    assert english == "Mentee base"
