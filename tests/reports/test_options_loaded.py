"""The reports page loads each report's options form when its «Options and generation» is opened
(``reports:options``); a refused form comes back in the page itself, open, with its errors."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tests.conftest import YEAR, client_for

pytestmark = pytest.mark.django_db
KW = {"org": "school-a", "year": YEAR}


def test_the_page_links_every_report_to_its_options_and_writes_no_form(curator_client, curator, pair):
    page = curator_client.get(reverse("reports:index", kwargs=KW)).content.decode()
    shown = re.findall(r'id="report-([a-z_]+)"', page)
    assert shown and "<form" not in page.split('id="theme-')[1]  # no form in the list of reports
    for identifier in shown:
        url = reverse("reports:options", kwargs={**KW, "report": identifier})
        assert f'hx-get="{url}"' in page
        fragment = curator_client.get(url)
        assert fragment.status_code == 200
        html = fragment.content.decode()
        assert html.lstrip().startswith("<form") and "<html" not in html
        assert f'name="{identifier}-format"' in html
        assert reverse("reports:run", kwargs={**KW, "report": identifier}) in html


def test_a_report_the_role_may_not_run_has_no_options(mentor, pair):
    for identifier in ("certificates", "members", "no_such_report"):  # a mentor runs neither
        url = reverse("reports:options", kwargs={**KW, "report": identifier})
        assert client_for(mentor).get(url).status_code == 404


def test_a_refused_form_is_written_in_the_page_open(curator_client, pair):
    data = {"certificates-format": "pdf", "certificates-whom": "chosen", "certificates-day": f"{YEAR}-12-01"}
    data["certificates-kind"] = "merit"
    response = curator_client.post(reverse("reports:run", kwargs={**KW, "report": "certificates"}), data)
    assert response.status_code == 400
    page = response.content.decode()
    card = page.split('id="report-certificates"')[1].split('id="report-')[0]
    assert "<details open>" in card and 'name="certificates-people"' in card and "is-invalid" in card
    # the other reports still load theirs when opened
    assert reverse("reports:options", kwargs={**KW, "report": "members"}) in page
