"""The roadmap table as a working list: every event numbered, titles as links, «Отметить выполнение» in
the row for those who may, and the same number of queries."""

import re
from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from roadmap.models import RoadmapEvent
from roadmap.services import event_create, section_create

from ..conftest import YEAR, client_for

pytestmark = pytest.mark.django_db

KW = {"org": "school-a", "year": YEAR}


def url(name: str, **kwargs) -> str:
    return reverse(f"roadmap:{name}", kwargs={**KW, **kwargs})


@pytest.fixture
def roadmap(programme, mentor):
    first = section_create(actor=None, programme=programme, title="Подготовка")
    second = section_create(actor=None, programme=programme, title="Работа пар")
    made = [
        event_create(actor=None, section=first, title="Приказ о внедрении", period_text="сентябрь"),
        event_create(actor=None, section=first, number="1.7.", title="Положение", period_text="сентябрь"),
        event_create(
            actor=None,
            section=second,
            title="Встреча наставников",
            period_text="октябрь",
            responsible_users=[mentor],
        ),
    ]
    return made


def test_every_event_is_numbered_and_the_title_is_a_link(curator_client, roadmap):
    html = curator_client.get(url("index")).content.decode()
    # (a manager's number cell also holds the bulk-action checkbox)
    numbers = re.findall(r'roadmap-number">(?:<label[^>]*><input[^>]*></label>\s*)?([^<]*)</td>', html)
    assert numbers == ["1.1", "1.7.", "2.1"]  # the document's own number wins
    assert f'href="{url("event", event=roadmap[0].pk)}" class="event-link"' in html
    # a filtered table keeps each event's place in the whole roadmap
    filtered = curator_client.get(url("index"), {"responsible": roadmap[2].responsible_users.get().pk})
    assert re.findall(
        r'roadmap-number">(?:<label[^>]*><input[^>]*></label>\s*)?([^<]*)</td>', filtered.content.decode()
    ) == ["2.1"]


def test_mark_done_from_the_row_returns_to_the_table(curator_client, roadmap):
    html = curator_client.get(url("index")).content.decode()
    assert html.count("Отметить выполнение</button>") == 3
    # today, or the last day of a past academic year (a completion date stays within the year)
    today = min(timezone.localdate(), date(YEAR + 1, 8, 31)).isoformat()
    assert f'name="completed_on" value="{today}"' in html
    # the row's button posts the page's one form «roadmap-done» (the CSRF field and the day) to its event,
    # with the way back to its row as the button's own value
    done_form = re.search(r'<form method="post" id="roadmap-done"[^>]*>(.*?)</form>', html, re.S)
    assert done_form and f'name="completed_on" value="{today}"' in done_form.group(1)
    assert "csrfmiddlewaretoken" in done_form.group(1)
    assert (
        f'form="roadmap-done" formaction="{url("event_done", event=roadmap[0].pk)}" name="next" '
        f'value="{url("index")}#event-{roadmap[0].pk}"'
    ) in html
    table = html[html.index('<table class="table table-bordered align-top roadmap-table">') :]
    table = table[: table.index("</table>")]
    assert "<form" not in table and "csrfmiddlewaretoken" not in table  # no form, no token per row
    response = curator_client.post(
        url("event_done", event=roadmap[0].pk),
        {"completed_on": today, "next": url("index") + f"#event-{roadmap[0].pk}"},
    )
    assert response.status_code == 302 and response["Location"] == url("index") + f"#event-{roadmap[0].pk}"
    roadmap[0].refresh_from_db()
    assert roadmap[0].status == RoadmapEvent.Status.DONE
    assert curator_client.get(url("index")).content.decode().count("Отметить выполнение</button>") == 2


def test_only_those_who_may_see_the_button(roadmap, mentor, coordinator, curator):
    mine = client_for(mentor).get(url("index")).content.decode()
    assert mine.count("Отметить выполнение</button>") == 1  # the event the mentor is responsible for
    assert f'formaction="{url("event_done", event=roadmap[2].pk)}"' in mine
    # another member's event: the server refuses too
    assert client_for(mentor).post(url("event_done", event=roadmap[0].pk), {}).status_code == 403
    oversight = client_for(coordinator).get(url("index"))
    assert "Отметить выполнение</button>" not in oversight.content.decode()


def test_the_table_keeps_its_query_count_with_the_row_buttons(
    curator_client, programme, roadmap, django_assert_max_num_queries
):
    curator_client.get(url("index"))
    with django_assert_max_num_queries(18):
        curator_client.get(url("index"))
    with django_assert_max_num_queries(19):  # a filtered table: one more for the running numbers
        curator_client.get(url("index"), {"status": "planned"})


@pytest.fixture
def dated(programme, mentor):
    mentor.last_name, mentor.first_name = "Сидорова", "Анна"
    mentor.save()
    first = section_create(actor=None, programme=programme, title="Подготовка")
    second = section_create(actor=None, programme=programme, title="Работа пар")
    return [
        event_create(actor=None, section=first, title="Итоговая конференция", period_text="декабрь"),
        event_create(
            actor=None,
            section=first,
            title="Положение о наставничестве",
            period_text="сентябрь",
            responsible_text="заместитель директора",
        ),
        event_create(
            actor=None,
            section=second,
            title="Встреча наставников",
            period_text="октябрь",
            responsible_users=[mentor],
        ),
    ]


def _numbers(html: str) -> list[str]:
    return [
        number.strip()
        for number in re.findall(
            r'<tr id="event-\d+"[^>]*>\s*<td class="text-nowrap roadmap-number">.*?(\d\.\d)\s*</td>',
            html,
            re.S,
        )
    ]


def test_sorted_by_deadline_is_a_flat_list_keeping_the_numbers(curator_client, dated):
    html = curator_client.get(url("index"), {"sort": "deadline"}).content.decode()
    assert _numbers(html) == ["1.2", "2.1", "1.1"]  # September, October, December
    assert "roadmap-section" not in html  # no section headers in a flat list
    assert 'aria-sort="ascending"' in html and '<option value="deadline" selected>' in html
    html = curator_client.get(url("index"), {"sort": "-deadline"}).content.decode()
    assert _numbers(html) == ["1.1", "2.1", "1.2"]
    default = curator_client.get(url("index")).content.decode()
    assert _numbers(default) == ["1.1", "1.2", "2.1"] and default.count("roadmap-section") == 2
    assert _numbers(curator_client.get(url("index"), {"sort": "nonsense"}).content.decode()) == [
        "1.1",
        "1.2",
        "2.1",
    ]


def test_search_over_titles_and_responsible_keeps_the_numbers_and_other_filters(curator_client, dated):
    assert _numbers(curator_client.get(url("index"), {"q": "конференция"}).content.decode()) == ["1.1"]
    assert _numbers(curator_client.get(url("index"), {"q": "заместитель"}).content.decode()) == ["1.2"]
    assert _numbers(curator_client.get(url("index"), {"q": "Сидорова"}).content.decode()) == ["2.1"]
    html = curator_client.get(url("index"), {"q": "наставни", "sort": "deadline"}).content.decode()
    assert _numbers(html) == ["1.2", "2.1"]  # «наставничестве» and «наставников», by deadline
    assert 'value="наставни"' in html
    none = curator_client.get(url("index"), {"q": "олимпиада", "status": "planned"}).content.decode()
    assert _numbers(none) == []


def test_sorted_and_searched_tables_keep_the_query_count(
    curator_client, programme, dated, django_assert_max_num_queries
):
    curator_client.get(url("index"))
    with django_assert_max_num_queries(18):  # sorted: no sections, one more for the running numbers
        curator_client.get(url("index"), {"sort": "status"})
    with django_assert_max_num_queries(19):
        curator_client.get(url("index"), {"q": "наставни"})
    with django_assert_max_num_queries(19):
        curator_client.get(url("index"), {"q": "наставни", "sort": "-deadline", "overdue": "on"})
