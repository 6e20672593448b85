"""Deleting a roadmap event asks first, on a page of its own (it works without scripts, like the
deletion of people): what goes, what goes with it, that it cannot be restored."""

from __future__ import annotations

import pytest
from django.urls import reverse

from mentoring.models import AuditEvent
from roadmap.models import EventComment, RoadmapEvent

from ..conftest import YEAR, client_for

KW = {"org": "school-a", "year": YEAR}


def url(name: str, **kwargs) -> str:
    return reverse(f"roadmap:{name}", kwargs={**KW, **kwargs})


@pytest.mark.django_db
def test_the_event_page_leads_to_a_confirmation_that_names_what_goes(
    curator_client, curator, roadmap_event, django_assert_max_num_queries
):
    EventComment.objects.create(event=roadmap_event, author=curator, text="Перенесли на ноябрь")
    detail = curator_client.get(url("event", event=roadmap_event.pk)).content.decode()
    confirm = url("event_delete", event=roadmap_event.pk)
    assert f'href="{confirm}"' in detail and "data-confirm" not in detail
    with django_assert_max_num_queries(12):
        response = curator_client.get(confirm)
    assert response.status_code == 200
    page = response.content.decode()
    assert "2.1. Анкетирование обучающихся" in page and "Формирование базы наставляемых" in page
    assert "1 подтверждение (1 файл)" in page and "1 комментарий" in page
    assert "восстановить его будет нельзя" in page
    assert url("event", event=roadmap_event.pk) in page  # «Отмена» goes back to the event
    assert RoadmapEvent.objects.filter(pk=roadmap_event.pk).exists()  # opening it deletes nothing

    response = curator_client.post(confirm)
    assert response.status_code == 302 and response["Location"] == url("index")
    assert not RoadmapEvent.objects.filter(pk=roadmap_event.pk).exists()
    assert AuditEvent.objects.filter(action=AuditEvent.Action.DELETE, target_id=str(roadmap_event.pk)).exists()


@pytest.mark.django_db
def test_only_the_schools_managers_see_the_confirmation(roadmap_event, mentor, stranger):
    confirm = url("event_delete", event=roadmap_event.pk)
    assert client_for(mentor).get(confirm).status_code == 403
    assert client_for(stranger).get(confirm).status_code == 404
    assert client_for(stranger).post(confirm).status_code == 404
    assert RoadmapEvent.objects.filter(pk=roadmap_event.pk).exists()
