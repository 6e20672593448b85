"""``{% frame %}``: the base layout's header kept per user, organisation, year, section and navigation version.

The page must be the same as without it (byte for byte but the CSRF token, which is each page's own and
works), rendered once per key, and show any change of what it shows on the next page.
"""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from django.template import Context, Template, TemplateSyntaxError
from django.test import Client
from django.urls import reverse

from mentoring import context_processors
from mentoring.models import Role
from tests.factories import MembershipFactory

from ..conftest import YEAR

KW = {"org": "school-a", "year": YEAR}
TOKEN = re.compile(r'(csrfmiddlewaretoken" value="|"X-CSRFToken": ")([A-Za-z0-9]{64})"')


@pytest.fixture
def kept(settings):
    settings.NAVIGATION_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


def _client(user) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def _tokens(html: str) -> list[str]:
    return [token for _where, token in TOKEN.findall(html)]


def test_the_kept_header_gives_the_same_page_with_its_own_working_token(kept, curator, settings):
    client = _client(curator)
    pages = []
    for path in (reverse("dashboard", kwargs=KW), reverse("participants:mentees", kwargs=KW)):
        settings.NAVIGATION_CACHE_SECONDS = 0
        client.get(path)  # the first visit saves the session
        rendered = client.get(path).content.decode()
        settings.NAVIGATION_CACHE_SECONDS = 600
        first = client.get(path).content.decode()
        kept_page = client.get(path).content.decode()
        assert "\x00" not in kept_page
        tokens = _tokens(kept_page)
        # the body's htmx header, the logout form, the page's own forms: one token
        assert len(tokens) >= 2 and len(set(tokens)) == 1
        assert TOKEN.sub(r"\1T", kept_page) == TOKEN.sub(r"\1T", first) == TOKEN.sub(r"\1T", rendered)
        pages.append(kept_page)
    response = client.post(reverse("logout"), {"csrfmiddlewaretoken": _tokens(pages[-1])[0]})
    assert response.status_code == 302  # the kept page's token is accepted (403 otherwise)


def test_the_header_is_built_once_per_key(kept, curator, monkeypatch):
    shown: list[str] = []
    original = context_processors.section_shown

    def counting(scope, key, url_name):
        shown.append(key)
        return original(scope, key, url_name)

    monkeypatch.setattr(context_processors, "section_shown", counting)
    client = _client(curator)
    path = reverse("roadmap:index", kwargs=KW)
    client.get(path)
    assert shown  # built
    shown.clear()
    html = client.get(path).content.decode()
    assert shown == []  # kept: no section asked again
    assert f'href="{reverse("participants:index", kwargs=KW)}"' in html
    client.get(reverse("pairing:index", kwargs=KW))
    assert shown  # another section: its own header (another link is active)


def test_a_change_of_name_or_role_shows_on_the_next_page(kept, curator, school):
    client = _client(curator)
    path = reverse("dashboard", kwargs=KW)
    client.get(path)
    client.get(path)  # kept now
    curator.first_name, curator.patronymic = "Ариадна", "Сергеевна"
    curator.save(update_fields=["first_name", "patronymic"])
    assert "Ариадна Сергеевна" in client.get(path).content.decode()
    journal = reverse("journal", kwargs=KW)
    assert journal not in client.get(path).content.decode()
    MembershipFactory(organization=school, user=curator, role=Role.ADMINISTRATOR)
    assert journal in client.get(path).content.decode()


def test_without_a_key_or_a_real_token_the_block_is_rendered_each_time(kept):
    template = Template("{% load frame %}{% frame key %}[{{ name }}|{{ csrf_token }}]{% endframe %}")
    token = "a" * 64
    assert template.render(Context({"key": None, "name": "А", "csrf_token": token})) == f"[А|{token}]"
    assert template.render(Context({"key": None, "name": "Б", "csrf_token": token})) == f"[Б|{token}]"
    # a key but no token (a page outside the CSRF middleware): not kept either
    assert template.render(Context({"key": ("k",), "name": "В"})) == "[В|]"
    assert template.render(Context({"key": ("k",), "name": "Г"})) == "[Г|]"
    # a key and a token: kept, each render with its own token
    assert template.render(Context({"key": ("k",), "name": "Д", "csrf_token": token})) == f"[Д|{token}]"
    other = "b" * 64
    assert template.render(Context({"key": ("k",), "name": "Е", "csrf_token": other})) == f"[Д|{other}]"


def test_a_block_inside_is_refused():
    with pytest.raises(TemplateSyntaxError):
        Template("{% load frame %}{% frame key %}{% block title %}{% endblock %}{% endframe %}")


def test_a_bounded_number_of_blocks_is_kept(kept, monkeypatch):
    from mentoring.templatetags import frame

    monkeypatch.setattr(frame, "ENTRIES", 2)
    template = Template("{% load frame %}{% frame key %}[{{ name }}]{% endframe %}")
    node = template.nodelist[-1]
    for number in range(5):
        context = Context({"key": (number,), "name": str(number), "csrf_token": "a" * 64})
        assert template.render(context) == f"[{number}]"
        assert len(node.kept) <= 2
