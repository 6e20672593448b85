"""Deleting an order as a secretary does: a draft entered by mistake is deleted (after a page that says
what it changes), with an audit row, and the pairs and plans it fixed lose its number — or take the
number of another order that fixes them; a signed order is never deleted (it is cancelled by another
order) and a stranger never reaches either action."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from mentoring.models import AuditEvent
from monitoring.models import PlanChange
from pairing.models import MentoringForm
from participants.services import consent_record, mentee_profile_save, person_create
from reports.models import Order, OrderItem
from reports.orders.services import OrderError, order_create, order_delete, order_mark_signed

from ..conftest import YEAR, client_for

KW = {"org": "school-a", "year": YEAR}


def _url(name: str, order: Order) -> str:
    return reverse(f"reports:{name}", kwargs={**KW, "order": order.pk})


def _signed_events(order: Order) -> int:
    events = AuditEvent.objects.filter(target_type="reports.Order", target_id=str(order.pk))
    return sum(1 for event in events if event.fields == ["signed"])


def _second_pair(programme, mentor_person):
    from pairing.services import group_create

    pupil = person_create(
        actor=None,
        organization=programme.organization,
        last_name="Белых",
        first_name="Илья",
        kind="pupil",
        group_name="7А",
    )
    consent_record(
        actor=None,
        person=pupil,
        scope="personal_data",
        given_on=date(YEAR, 9, 1),
        given_by="representative",
        representative_name="Белых Анна Ивановна",
    )
    mentee_profile_save(actor=None, person=pupil, programme=programme)
    return group_create(
        actor=None,
        programme=programme,
        form=MentoringForm.objects.get(key="teacher_pupil"),
        mentors=[mentor_person],
        mentees=[pupil],
    )


@pytest.mark.django_db
def test_a_draft_is_deleted_after_a_confirmation_and_its_pairs_lose_its_number(
    curator_client, curator, programme, pair
):
    order = order_create(
        actor=curator,
        programme=programme,
        kind="pairing",
        number="10-ОД",
        day=date(YEAR, 10, 1),
        groups=[pair],
    )
    pair.refresh_from_db()
    assert pair.order_number == "10-ОД"
    page = curator_client.get(_url("order_delete", order))
    assert page.status_code == 200
    text = page.content.decode()
    assert "№ 10-ОД" in text and "1 пара (группа)" in text  # it says what the deletion changes
    assert Order.objects.filter(pk=order.pk).exists()  # opening the page deletes nothing
    response = curator_client.post(_url("order_delete", order))
    assert response.status_code == 302 and response["Location"] == reverse("reports:orders", kwargs=KW)
    assert not Order.objects.filter(pk=order.pk).exists()
    assert not OrderItem.objects.filter(order_id=order.pk).exists()
    pair.refresh_from_db()
    assert pair.order_number == "" and pair.order_date is None
    event = AuditEvent.objects.get(action=AuditEvent.Action.DELETE, target_type="reports.Order")
    assert event.actor == curator and event.target_id == str(order.pk) and "№ 10-ОД" in event.target_repr
    assert event.details["kind"] == "pairing" and event.details["groups"] == 1


@pytest.mark.django_db
def test_a_pair_also_fixed_by_another_order_takes_that_orders_number(curator, programme, pair, mentor_person):
    first = order_create(
        actor=curator,
        programme=programme,
        kind="pairing",
        number="10-ОД",
        day=date(YEAR, 10, 1),
        groups=[pair],
    )
    other = _second_pair(programme, mentor_person)
    order_create(
        actor=curator,
        programme=programme,
        kind="pairing",
        number="20-ОД",
        day=date(YEAR, 11, 1),
        groups=[pair, other],
    )
    pair.refresh_from_db()
    other.refresh_from_db()
    assert (pair.order_number, other.order_number) == ("10-ОД", "20-ОД")
    order_delete(actor=curator, order=first)
    pair.refresh_from_db()
    other.refresh_from_db()
    # the pair is still fixed — by the order that remains; the other pair is untouched
    assert (pair.order_number, pair.order_date) == ("20-ОД", date(YEAR, 11, 1))
    assert (other.order_number, other.order_date) == ("20-ОД", date(YEAR, 11, 1))


@pytest.mark.django_db
def test_deleting_a_plans_order_takes_the_approval_back_and_keeps_it_in_the_plans_history(
    curator, programme, monitoring_objects
):
    plan = monitoring_objects["plan"]
    order = order_create(
        actor=curator, programme=programme, kind="plans", number="77-ОД", day=date(YEAR, 11, 5), plans=[plan]
    )
    plan.refresh_from_db()
    assert plan.is_approved
    order_delete(actor=curator, order=order)
    plan.refresh_from_db()
    assert plan.order_number == "" and plan.order_date is None and not plan.is_approved
    assert (
        PlanChange.objects.filter(plan=plan, description__contains="77-ОД").count() == 2
    )  # approved, then not


@pytest.mark.django_db
def test_a_signed_order_is_not_deleted_and_nothing_changes(curator_client, curator, programme, pair):
    order = order_create(
        actor=curator,
        programme=programme,
        kind="pairing",
        number="10-ОД",
        day=date(YEAR, 10, 1),
        groups=[pair],
    )
    response = curator_client.post(_url("order_sign", order))
    assert response.status_code == 302
    order.refresh_from_db()
    assert order.signed
    assert _signed_events(order) == 1
    detail = curator_client.get(_url("order_detail", order)).content.decode()
    assert _url("order_delete", order) not in detail and "Подписан" in detail
    response = curator_client.post(_url("order_delete", order), follow=True)
    assert "Подписанный приказ не удаляют" in response.content.decode()
    assert Order.objects.filter(pk=order.pk).exists()
    pair.refresh_from_db()
    assert pair.order_number == "10-ОД"
    with pytest.raises(OrderError):
        order_delete(actor=curator, order=order)
    order_mark_signed(actor=curator, order=order)  # twice: one audit row only
    assert _signed_events(order) == 1


@pytest.mark.django_db
def test_only_the_schools_managers_delete_its_orders(
    client, mentor, stranger, coordinator, curator, programme, pair
):
    order = order_create(
        actor=curator,
        programme=programme,
        kind="pairing",
        number="10-ОД",
        day=date(YEAR, 10, 1),
        groups=[pair],
    )
    assert client_for(mentor).post(_url("order_delete", order)).status_code == 403
    assert client_for(stranger).post(_url("order_delete", order)).status_code == 404
    assert client_for(coordinator).post(_url("order_delete", order)).status_code == 404
    assert client_for(stranger).post(_url("order_sign", order)).status_code == 404
    assert Order.objects.filter(pk=order.pk, signed=False).exists()
