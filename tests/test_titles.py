"""Every page says in the browser's tab what it is: a ``{% block title %}`` per template, never the bare
product name; and every page links the favicon."""

from __future__ import annotations

import html
import re

import pytest
from django.urls import URLPattern, URLResolver

from mentoring.models import Role
from mentoring.urls import organization_patterns
from tests.factories import MembershipFactory, UserFactory

from .conftest import YEAR, client_for

GENERIC = "Наставничество"


def _org_pages(patterns=organization_patterns, prefix: str = "", namespace: str = "") -> list[str]:
    """The names of the organisation's pages that need nothing but the organisation and the year."""
    names = []
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names += _org_pages(pattern.url_patterns, route, inner)
        elif isinstance(pattern, URLPattern) and pattern.name and "<" not in route:
            names.append(namespace + pattern.name)
    return names


def _title(content: str) -> str:
    found = re.search(r"<title>(.*?)</title>", content, re.S)
    assert found, "no <title>"
    return " ".join(html.unescape(found.group(1)).split())


def _walk(client, school_slug: str) -> dict[str, str]:
    from django.urls import reverse

    titles = {}
    for name in _org_pages():
        response = client.get(reverse(name, kwargs={"org": school_slug, "year": YEAR}))
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        content = response.content.decode()
        if "<html" not in content:
            continue  # an htmx fragment
        titles[name] = _title(content)
        assert 'rel="icon"' in content, name
    return titles


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.CURATOR, Role.ADMINISTRATOR, Role.MENTOR, Role.PSYCHOLOGIST])
def test_every_main_page_of_a_school_role_has_its_own_title(school, programme, role, url_values):
    user = UserFactory(username=f"walker-{role}")
    MembershipFactory(user=user, organization=school, role=role)
    titles = _walk(client_for(user), school.slug)
    assert len(titles) >= 5, titles
    for name, title in titles.items():
        page_part = title.rsplit(" · ", 1)[0].strip()
        assert page_part and page_part != GENERIC, f"{name}: «{title}»"
    assert titles["dashboard"].startswith("Главная — МБОУ «СОШ № 1»")


@pytest.mark.django_db
def test_coordinator_pages_have_their_own_titles(coordinator, school, programme):
    titles = _walk(client_for(coordinator), school.slug)
    assert "dashboard" in titles
    for name, title in titles.items():
        assert title.rsplit(" · ", 1)[0].strip() not in ("", GENERIC), f"{name}: «{title}»"


@pytest.mark.django_db
def test_sign_in_and_error_pages_have_titles_and_the_favicon(client):
    for url in ("/accounts/login/", "/accounts/password/reset/", "/o/nowhere/2025/"):
        content = client.get(url, follow=True).content.decode()
        assert _title(content).rsplit(" · ", 1)[0].strip() not in ("", GENERIC), url
        assert 'rel="icon"' in content, url
