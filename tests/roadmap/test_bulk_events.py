"""The roadmap table's action bar: status, responsible, move the dates, delete into the trash (issue 17)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from mentoring.models import AuditEvent, TrashItem
from mentoring.trash import trash_restore
from roadmap import selectors
from roadmap.models import EventEvidence, RoadmapEvent
from roadmap.services import RoadmapError, event_create, events_move, events_trash, section_create

from ..conftest import YEAR, client_for

pytestmark = [pytest.mark.django_db]

KW = {"org": "school-a", "year": YEAR}


def url(name: str, **kwargs) -> str:
    return reverse(name, kwargs={**KW, **kwargs})


def events(programme, count: int = 3, period: str = "октябрь 2025") -> list[RoadmapEvent]:
    section = section_create(actor=None, programme=programme, title="Организация работы пар")
    return [
        event_create(actor=None, section=section, number=f"6.{n}.", title=f"Встреча {n}", period_text=period)
        for n in range(1, count + 1)
    ]


def test_bulk_status_marks_done_and_audits_each(curator_client, programme):
    first, second, third = events(programme)
    response = curator_client.post(
        url("roadmap:events_bulk"),
        {"action": "status", "status": "done", "completed_on": "2025-10-20", "event": [first.pk, second.pk]},
        follow=True,
    )
    assert "Изменены 2 мероприятия" in response.content.decode()
    statuses = dict(RoadmapEvent.objects.values_list("pk", "status"))
    assert statuses == {first.pk: "done", second.pk: "done", third.pk: "planned"}
    assert RoadmapEvent.objects.get(pk=first.pk).completed_on == date(2025, 10, 20)
    assert AuditEvent.objects.filter(target_type="roadmap.RoadmapEvent", action="update").count() == 2


def test_bulk_responsible(curator_client, programme, curator, mentor):
    first, second, _third = events(programme)
    curator_client.post(
        url("roadmap:events_bulk"),
        {"action": "responsible", "responsible": [mentor.pk], "event": [first.pk, second.pk]},
    )
    assert list(first.responsible_users.all()) == [mentor]
    assert list(second.responsible_users.all()) == [mentor]


def test_move_by_days_and_to_a_date(programme, curator):
    first, second = events(programme, 2)
    result = events_move(actor=curator, programme=programme, events=[first, second], days=7)
    assert result.moved == 2
    first.refresh_from_db()
    assert (first.starts_on, first.deadline) == (date(2025, 10, 8), date(2025, 11, 7))
    assert first.period_text == "08.10.2025 – 07.11.2025"
    events_move(actor=curator, programme=programme, events=[second], to=date(2026, 2, 1))
    second.refresh_from_db()
    assert (second.starts_on, second.deadline) == (date(2026, 2, 1), date(2026, 3, 3))


def test_moving_out_of_the_academic_year_is_refused_and_nothing_moves(curator_client, programme, curator):
    early, late = events(programme, 2, period="май 2026")
    late.refresh_from_db()
    with pytest.raises(RoadmapError, match="учебного года 2025/2026"):
        events_move(actor=curator, programme=programme, events=[early, late], days=120)
    response = curator_client.post(
        url("roadmap:events_bulk"),
        {"action": "move", "days": "120", "event": [early.pk, late.pk]},
        follow=True,
    )
    html = response.content.decode()
    assert "выходят за границы учебного года" in html and "ничего не перенесено" in html
    assert RoadmapEvent.objects.get(pk=late.pk).deadline == date(2026, 5, 31)


def test_undated_events_are_skipped_with_a_warning(curator_client, programme):
    [dated] = events(programme, 1)
    [undated] = events(programme, 1, period="")
    response = curator_client.post(
        url("roadmap:events_bulk"),
        {"action": "move", "days": "3", "event": [dated.pk, undated.pk]},
        follow=True,
    )
    assert "нет дат для переноса" in response.content.decode()
    assert RoadmapEvent.objects.get(pk=dated.pk).starts_on == date(2025, 10, 4)


def test_deleted_events_leave_the_progress_and_come_back(curator_client, programme, roadmap_event, curator):
    today = timezone.localdate()
    done, other = events(programme, 2)
    before = selectors.roadmap_progress(programme, today)
    evidence = roadmap_event.evidence.get()
    stored = evidence.file.name
    event_pk = roadmap_event.pk
    response = curator_client.post(
        url("roadmap:events_bulk"), {"action": "delete", "event": [roadmap_event.pk, done.pk]}, follow=True
    )
    html = response.content.decode()
    assert "2 мероприятия удалены в корзину" in html and "Отменить" in html
    assert RoadmapEvent.objects.filter(programme=programme).count() == 1
    after = selectors.roadmap_progress(programme, today)
    assert after != before
    assert evidence.file.storage.exists(stored)
    curator_client.post(url("trash_undo"))
    assert selectors.roadmap_progress(programme, today) == before
    restored = RoadmapEvent.objects.get(pk=event_pk)
    assert list(restored.responsible_users.all()) == [curator]  # many-to-many rows come back too
    assert EventEvidence.objects.get(pk=evidence.pk).file.name == stored
    assert restored.periods.count() == 1
    assert other.pk in set(RoadmapEvent.objects.values_list("pk", flat=True))


def test_an_event_of_another_school_is_not_found(curator_client, other_school):
    from mentoring.models import Programme

    programme = Programme.objects.get(organization=other_school)
    [theirs] = events(programme, 1)
    response = curator_client.post(url("roadmap:events_bulk"), {"action": "delete", "event": [theirs.pk]})
    assert response.status_code == 404
    assert RoadmapEvent.objects.filter(pk=theirs.pk).exists()


def test_bulk_is_for_managers(programme, mentor, coordinator):
    [event] = events(programme, 1)
    for user, code in ((mentor, 403), (coordinator, 403)):
        response = client_for(user).post(
            url("roadmap:events_bulk"), {"action": "delete", "event": [event.pk]}
        )
        assert response.status_code == code
    assert RoadmapEvent.objects.filter(pk=event.pk).exists()


def test_restore_of_an_event_whose_section_is_gone_is_refused(programme, curator):
    [event] = events(programme, 1)
    section = event.section
    [item_id] = events_trash(actor=curator, programme=programme, events=[event])
    section.delete()
    from mentoring.trash import TrashError

    with pytest.raises(TrashError):
        trash_restore(actor=curator, item=TrashItem.objects.get(pk=item_id))
    assert TrashItem.objects.filter(pk=item_id).exists()


def test_the_table_keeps_its_query_count_with_the_bar(
    curator_client, programme, django_assert_max_num_queries
):
    events(programme, 2)
    with django_assert_max_num_queries(30) as small:
        curator_client.get(url("roadmap:index"))
    events(programme, 8)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = curator_client.get(url("roadmap:index"))
    assert 'id="roadmap-bulk"' in response.content.decode()


@pytest.mark.parametrize(
    ("day", "message"),
    [
        ("2031-01-01", "Дата выполнения не может быть в будущем."),
        ("2025-06-30", "Дата выполнения должна быть в пределах учебного года 2025/2026"),
    ],
)
def test_bulk_status_refuses_a_completion_date_in_the_future_or_out_of_the_year(
    curator_client, programme, day, message
):
    first, second, _third = events(programme)
    response = curator_client.post(
        url("roadmap:events_bulk"),
        {"action": "status", "status": "done", "completed_on": day, "event": [first.pk, second.pk]},
        follow=True,
    )
    assert message in response.content.decode()
    assert set(RoadmapEvent.objects.values_list("status", flat=True)) == {"planned"}
    assert not AuditEvent.objects.filter(target_type="roadmap.RoadmapEvent", action="update").exists()


def test_completion_date_inputs_carry_a_max(curator_client, programme, curator):
    event = events(programme, 1)[0]
    last = min(timezone.localdate(), date(YEAR + 1, 8, 31)).isoformat()
    table = curator_client.get(url("roadmap:index")).content.decode()
    assert f'max="{last}"' in table
    detail = curator_client.get(url("roadmap:event", event=event.pk)).content.decode()
    assert f'max="{last}"' in detail


def test_single_event_done_in_the_future_is_refused_in_the_service(programme, curator):
    from roadmap.services import event_mark_done

    event = events(programme, 1)[0]
    with pytest.raises(RoadmapError, match="в будущем"):
        event_mark_done(actor=curator, event=event, completed_on=timezone.localdate() + timedelta(days=1))
    event.refresh_from_db()
    assert event.status == "planned"
