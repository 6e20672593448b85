"""The list of the pairs' meetings: a search by a member's name and sortable columns (issue 17)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from ..conftest import YEAR

pytestmark = [pytest.mark.django_db]

MEETINGS = reverse("monitoring:meetings", kwargs={"org": "school-a", "year": YEAR})


def test_search_and_sort(curator_client, pair, django_assert_max_num_queries):
    with django_assert_max_num_queries(30) as captured:
        html = curator_client.get(MEETINGS + "?q=иванова&sort=-count").content.decode()
    first = len(captured.captured_queries)
    assert "Иванова М.С." in html
    assert 'aria-sort="descending"' in html
    assert "Иванова М.С." not in curator_client.get(MEETINGS + "?q=сидоров").content.decode()
    with django_assert_max_num_queries(first):
        response = curator_client.get(MEETINGS + "?q=кузнецова&sort=meeting")
    assert 'aria-sort="ascending"' in response.content.decode()


def test_an_unknown_sort_falls_back(curator_client, pair):
    response = curator_client.get(MEETINGS + "?sort=pk;drop")
    assert response.status_code == 200
    assert "Иванова М.С." in response.content.decode()
