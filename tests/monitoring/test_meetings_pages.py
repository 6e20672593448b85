"""The meetings list's page links keep what the curator searched, sorted and filtered by."""

from __future__ import annotations

from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from ..conftest import YEAR

KW = {"org": "school-a", "year": YEAR}


@pytest.fixture
def second_pair(programme, mentor_person, curator):
    from datetime import date

    from pairing.models import MentoringForm
    from pairing.services import group_create
    from participants.services import consent_record, mentee_profile_save, person_create

    pupil = person_create(
        actor=None, organization=programme.organization, last_name="Петров", first_name="Олег", kind="pupil"
    )
    mentee_profile_save(actor=None, person=pupil, programme=programme)
    consent_record(
        actor=curator,
        person=pupil,
        scope="personal_data",
        given_on=date(2025, 9, 5),
        given_by="representative",
        representative_name="Петрова Анна Ивановна",
        representative_relation="мать",
    )
    return group_create(
        actor=None,
        programme=programme,
        form=MentoringForm.objects.get(key="teacher_pupil"),
        mentors=[mentor_person],
        mentees=[pupil],
    )


def _page_links(html: str) -> list[dict[str, list[str]]]:
    import re

    return [
        parse_qs(urlsplit(unescape(href)).query)
        for href in re.findall(r'class="page-link" href="([^"]+)"', html)
    ]


@pytest.mark.django_db
def test_the_page_links_keep_the_search_and_the_order(curator_client, pair, second_pair, monkeypatch):
    monkeypatch.setattr("monitoring.meetings.views.MEETINGS_PAGE_SIZE", 1)
    url = reverse("monitoring:meetings", kwargs=KW)
    first = curator_client.get(url, {"q": "кузнецова", "sort": "count"}).content.decode()
    links = _page_links(first)
    assert links == [{"q": ["кузнецова"], "sort": ["count"], "page": ["2"]}]
    second = curator_client.get(url, {k: v[0] for k, v in links[0].items()}).content.decode()
    assert _page_links(second) == [{"q": ["кузнецова"], "sort": ["count"], "page": ["1"]}]
    # the search form keeps the order, the filter buttons keep the search and the order
    assert '<input type="hidden" name="sort" value="count">' in first
    assert 'href="?q=%D0%BA%D1%83%D0%B7%D0%BD%D0%B5%D1%86%D0%BE%D0%B2%D0%B0&amp;sort=count"' in first
    assert 'href="?q=%D0%BA%D1%83%D0%B7%D0%BD%D0%B5%D1%86%D0%BE%D0%B2%D0%B0&amp;sort=count&amp;stale=1"' in first


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["participants:mentees", "pairing:index"])
def test_the_other_lists_filter_forms_keep_the_order(curator_client, pair, name):
    page = curator_client.get(reverse(name, kwargs=KW), {"sort": "-name" if "mentees" in name else "created"})
    assert '<input type="hidden" name="sort" value=' in page.content.decode()
