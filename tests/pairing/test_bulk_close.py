"""The list of pairs: close several with one reason and undo it, fix them by an order, sort and search."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from mentoring.models import AuditEvent
from pairing.models import MentoringGroup
from pairing.services import PairingError, groups_close, groups_reopen

from ..conftest import YEAR, client_for

pytestmark = [pytest.mark.django_db]

KW = {"org": "school-a", "year": YEAR}


def url(name: str, **kwargs) -> str:
    return reverse(name, kwargs={**KW, **kwargs})


def test_close_several_then_undo_restores_exactly(curator_client, programme, pair):
    before = MentoringGroup.objects.filter(pk=pair.pk).values().get()
    page = curator_client.get(url("pairing:close_several") + f"?group={pair.pk}")
    assert page.status_code == 200 and "Иванова М.С." in page.content.decode()
    response = curator_client.post(
        url("pairing:close_several"),
        {"group": [pair.pk], "status": "terminated", "closed_on": "2025-12-01", "reason": "Переезд семьи"},
        follow=True,
    )
    html = response.content.decode()
    assert "1 пара закрыта" in html and "Отменить" in html
    closed = MentoringGroup.objects.get(pk=pair.pk)
    assert (closed.status, closed.closure_reason) == ("terminated", "Переезд семьи")
    undone = curator_client.post(url("pairing:undo_close"), follow=True)
    assert "1 пара снова открыта" in undone.content.decode()
    after = MentoringGroup.objects.filter(pk=pair.pk).values().get()
    assert {key: value for key, value in after.items() if key != "updated_at"} == {
        key: value for key, value in before.items() if key != "updated_at"
    }
    assert AuditEvent.objects.filter(target_type="pairing.MentoringGroup", action="update").count() == 2


def test_a_terminated_pair_needs_a_reason_and_nothing_closes(curator_client, programme, pair):
    response = curator_client.post(
        url("pairing:close_several"), {"group": [pair.pk], "status": "terminated", "closed_on": "2025-12-01"}
    )
    assert response.status_code == 400
    assert "Укажите причину" in response.content.decode()
    assert MentoringGroup.objects.get(pk=pair.pk).is_open


def test_undo_expires_after_ten_minutes(curator_client, programme, pair):
    curator_client.post(
        url("pairing:close_several"), {"group": [pair.pk], "status": "completed", "closed_on": "2025-12-01"}
    )
    session = curator_client.session
    session["undo"]["at"] = (timezone.now() - timedelta(minutes=11)).isoformat()
    session.save()
    response = curator_client.post(url("pairing:undo_close"), follow=True)
    assert "больше нельзя отменить" in response.content.decode()
    assert not MentoringGroup.objects.get(pk=pair.pk).is_open


def test_reopen_refuses_a_pair_changed_since(programme, pair, curator):
    before = groups_close(
        actor=curator, programme=programme, groups=[pair], status="completed", closed_on=date(YEAR, 12, 1)
    )
    MentoringGroup.objects.filter(pk=pair.pk).update(status="active", closed_on=None)
    with pytest.raises(PairingError):
        groups_reopen(actor=curator, programme=programme, before=before)


def test_a_pair_of_another_school_is_not_found(curator_client, other_school, pair):
    theirs_url = url("pairing:close_several") + "?group=999999"
    assert curator_client.get(theirs_url).status_code == 404
    stranger_groups = url("pairing:groups_bulk")
    assert curator_client.post(stranger_groups, {"action": "close", "group": ["999999"]}).status_code == 404


def test_roles(programme, pair, mentor, coordinator, stranger):
    assert client_for(mentor).post(url("pairing:groups_bulk"), {"group": [pair.pk]}).status_code == 403
    assert client_for(coordinator).post(url("pairing:groups_bulk"), {"group": [pair.pk]}).status_code == 404
    assert client_for(stranger).post(url("pairing:groups_bulk"), {"group": [pair.pk]}).status_code == 404
    # the mentor's own list has no ticks
    html = client_for(mentor).get(url("pairing:index")).content.decode()
    assert 'form="pairs-bulk"' not in html


def test_include_in_an_order_ticks_them_on_the_order_form(curator_client, programme, pair):
    response = curator_client.post(url("pairing:groups_bulk"), {"action": "order", "group": [pair.pk]})
    assert response.status_code == 302 and "orders/new/pairing/" in response["Location"]
    html = curator_client.get(response["Location"]).content.decode()
    assert f'value="{pair.pk}"' in html and "checked" in html


def test_the_list_sorts_searches_and_keeps_its_query_count(
    curator_client, programme, pair, django_assert_max_num_queries
):
    with django_assert_max_num_queries(30) as captured:
        response = curator_client.get(url("pairing:index") + "?sort=-start&q=иванова")
    first = len(captured.captured_queries)
    assert first > 0
    html = response.content.decode()
    assert "Иванова М.С." in html and 'aria-current="true"' in html
    assert "Иванова М.С." not in curator_client.get(url("pairing:index") + "?q=сидоров").content.decode()
    with django_assert_max_num_queries(first):
        curator_client.get(url("pairing:index") + "?sort=meeting&q=иванова")


@pytest.mark.parametrize(
    ("day", "message"),
    [
        ("2030-01-15", "Дата закрытия не может быть в будущем."),
        # a past year's pair cannot be closed after the year's end, even on a day that has come
        (f"{YEAR + 1}-09-15", f"Дата закрытия не может быть позже конца учебного года {YEAR}/{YEAR + 1}"),
    ],
)
def test_closing_in_the_future_or_after_the_year_is_refused_everywhere(curator_client, programme, pair, day, message):
    several = curator_client.post(
        url("pairing:close_several"), {"group": [pair.pk], "status": "completed", "closed_on": day}
    )
    assert several.status_code == 400 and message in several.content.decode()
    single = curator_client.post(
        url("pairing:close", group=pair.pk), {"status": "completed", "closed_on": day}
    )
    assert single.status_code == 400 and message in single.content.decode()
    assert MentoringGroup.objects.get(pk=pair.pk).is_open
    assert not AuditEvent.objects.filter(target_type="pairing.MentoringGroup", action="update").exists()


def test_closing_date_inputs_carry_a_max(curator_client, programme, pair):
    last = min(timezone.localdate(), programme.academic_year.end_date).isoformat()
    for page in (
        url("pairing:close_several") + f"?group={pair.pk}",
        url("pairing:close", group=pair.pk),
    ):
        assert f'max="{last}"' in curator_client.get(page).content.decode(), page
