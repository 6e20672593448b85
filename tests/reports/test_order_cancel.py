"""A signed order is not deleted: another order declares it invalid («О признании утратившим силу приказа
от … № …»). Only when that order is signed does the first lose its force; an order loses it once."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.urls import reverse
from docx import Document

from mentoring.models import AuditEvent
from reports.documents.paper.docx_html import docx_to_html
from reports.models import Order, OrderKind
from reports.orders.reports import render_order
from reports.orders.selectors import approving_order
from reports.orders.services import OrderError, order_create, order_delete, order_mark_signed

from ..conftest import YEAR, client_for
from .print_checks import boxes_beyond_the_page, docx_text, is_a4, pdf_pages, pdf_words, word_facts

KW = {"org": "school-a", "year": YEAR}


def url(name: str, **kwargs) -> str:
    return reverse(f"reports:{name}", kwargs={**KW, **kwargs})


@pytest.fixture
def named(school, curator):
    school.name = (
        "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 1»"
    )
    school.head_name = "Петрова Ольга Ивановна"
    school.save()
    curator.first_name, curator.last_name, curator.patronymic = "Елена", "Смирнова", "Викторовна"
    curator.save()
    return school


@pytest.fixture
def signed_pairing(curator, named, programme, pair) -> Order:
    order = order_create(
        actor=curator,
        programme=programme,
        kind="pairing",
        number="12",
        day=date(YEAR, 9, 1),
        place="г. Тверь",
        responsible=curator,
        responsible_position="заместитель директора по УВР",
        groups=[pair],
    )
    return order_mark_signed(actor=curator, order=order)


def cancel_post(client, target: Order, number="30-ОД", day=f"{YEAR}-10-20", **extra):
    return client.post(
        url("order_new", order_kind="cancel"),
        {
            "cancels": target.pk,
            "reason": "изменением состава наставнических пар",
            "number": number,
            "day": day,
            "place": "г. Тверь",
            "responsible_position": "заместитель директора по УВР",
            **extra,
        },
    )


@pytest.mark.django_db
def test_a_signed_cancelling_order_makes_the_order_lose_its_force_and_a_draft_changes_nothing(
    curator_client, curator, signed_pairing, pair
):
    card = curator_client.get(url("order_detail", order=signed_pairing.pk)).content.decode()
    assert "Признать утратившим силу" in card and "?cancels=" in card
    form = curator_client.get(url("order_new", order_kind="cancel") + f"?cancels={signed_pairing.pk}")
    assert form.status_code == 200 and f'value="{signed_pairing.pk}" selected' in form.content.decode()

    response = cancel_post(curator_client, signed_pairing, responsible=curator.pk)
    cancelling = Order.objects.get(kind=OrderKind.CANCEL)
    assert response.status_code == 302 and response.url == url("order_detail", order=cancelling.pk)
    assert cancelling.cancels == signed_pairing and not cancelling.signed
    assert cancelling.title == f"О признании утратившим силу приказа от 01.09.{YEAR} № 12"
    assert cancelling.points[0] == (
        f"Признать утратившим силу приказ МБОУ «СОШ № 1» от 01.09.{YEAR} № 12 "
        "«О закреплении наставнических пар (групп)»."
    )
    assert "в связи с изменением состава наставнических пар" in cancelling.preamble
    assert cancelling.points[-1] == "Контроль за исполнением приказа оставляю за собой."

    # a draft changes nothing: the order is in force, its pair keeps its number
    pair.refresh_from_db()
    assert pair.order_number == "12"
    page = curator_client.get(url("orders")).content.decode()
    assert "Утратил силу" not in page
    card = curator_client.get(url("order_detail", order=signed_pairing.pk)).content.decode()
    assert "Черновик приказа о признании его утратившим силу" in card and "Утратил силу" not in card

    assert curator_client.post(url("order_sign", order=cancelling.pk)).status_code == 302
    cancelling.refresh_from_db()
    assert cancelling.signed and cancelling.docx_copy
    lost = f"Утратил силу (приказ от 20.10.{YEAR} № 30-ОД)"
    assert lost in curator_client.get(url("orders")).content.decode()
    card = curator_client.get(url("order_detail", order=signed_pairing.pk)).content.decode()
    assert lost in card and 'id="order-cancel"' not in card
    # the pair is no longer fixed by an order without force: a new pairing order may fix it again
    pair.refresh_from_db()
    assert pair.order_number == "" and pair.order_date is None
    event = (
        AuditEvent.objects.filter(
            target_type="reports.Order", target_id=str(signed_pairing.pk), action="update"
        )
        .order_by("-pk")
        .first()
    )
    assert event.details["cancelled_by"] == cancelling.pk and event.details["groups"] == 1


@pytest.mark.django_db
def test_the_form_says_why_an_order_already_cancelled_is_not_cancelled_again(
    curator_client, curator, signed_pairing, programme
):
    first = order_create(
        actor=curator,
        programme=programme,
        kind="cancel",
        number="30",
        day=date(YEAR, 10, 20),
        cancels=signed_pairing,
    )
    # a draft waiting: the form names it
    response = cancel_post(curator_client, signed_pairing, number="31")
    page = response.content.decode()
    assert response.status_code == 400 and "Выберите корректный вариант" not in page
    assert f"уже признаётся утратившим силу черновиком приказа от 20.10.{YEAR} № 30" in page
    order_mark_signed(actor=curator, order=first)
    response = cancel_post(curator_client, signed_pairing, number="31")
    page = response.content.decode()
    assert response.status_code == 400 and "Выберите корректный вариант" not in page
    assert f"Приказ от 01.09.{YEAR} № 12 уже утратил силу (приказ от 20.10.{YEAR} № 30)." in page
    assert Order.objects.filter(kind=OrderKind.CANCEL).count() == 1


@pytest.mark.django_db
def test_an_order_loses_its_force_once(curator, signed_pairing, programme):
    first = order_create(
        actor=curator,
        programme=programme,
        kind="cancel",
        number="30",
        day=date(YEAR, 10, 20),
        cancels=signed_pairing,
    )
    with pytest.raises(OrderError, match="черновиком приказа от 20.10"):
        order_create(
            actor=curator,
            programme=programme,
            kind="cancel",
            number="31",
            day=date(YEAR, 10, 21),
            cancels=signed_pairing,
        )
    order_mark_signed(actor=curator, order=first)
    with pytest.raises(OrderError, match="уже утратил силу"):
        order_create(
            actor=curator,
            programme=programme,
            kind="cancel",
            number="31",
            day=date(YEAR, 10, 21),
            cancels=signed_pairing,
        )
    # a cancelling order is not cancelled itself, a draft is deleted instead, and no order cancels a later one
    with pytest.raises(OrderError, match="не отменяется"):
        order_create(
            actor=curator,
            programme=programme,
            kind="cancel",
            number="32",
            day=date(YEAR, 11, 1),
            cancels=first,
        )
    draft = order_create(actor=curator, programme=programme, kind="model", number="33", day=date(YEAR, 9, 1))
    with pytest.raises(OrderError, match="черновик удаляют"):
        order_create(
            actor=curator,
            programme=programme,
            kind="cancel",
            number="34",
            day=date(YEAR, 11, 1),
            cancels=draft,
        )
    later = order_mark_signed(actor=curator, order=draft)
    with pytest.raises(OrderError, match="изданный после"):
        order_create(
            actor=curator,
            programme=programme,
            kind="cancel",
            number="35",
            day=date(YEAR, 8, 1),
            cancels=later,
        )
    assert Order.objects.filter(kind="cancel").count() == 1


@pytest.mark.django_db
def test_two_drafts_racing_the_second_signature_is_refused(curator, signed_pairing, programme):
    first = order_create(
        actor=curator,
        programme=programme,
        kind="cancel",
        number="30",
        day=date(YEAR, 10, 20),
        cancels=signed_pairing,
    )
    # a second draft slipped in (e.g. entered before the first was saved): signing it after the first is refused
    second = Order.objects.create(
        organization=programme.organization,
        programme=programme,
        kind="cancel",
        number="31",
        day=date(YEAR, 10, 21),
        title="О …",
        points=["1."],
        cancels=signed_pairing,
    )
    order_mark_signed(actor=curator, order=first)
    with pytest.raises(OrderError, match="уже утратил силу"):
        order_mark_signed(actor=curator, order=second)
    second.refresh_from_db()
    assert not second.signed and not second.pdf_copy
    # the draft cancelling order is deleted like any draft, and the cancelled order stays without force
    order_delete(actor=curator, order=second)
    assert Order.objects.in_force().filter(pk=signed_pairing.pk).count() == 0


@pytest.mark.django_db
def test_an_order_without_force_is_cited_no_more(curator, named, programme):
    model = order_mark_signed(
        actor=curator,
        order=order_create(
            actor=curator, programme=programme, kind="model", number="1", day=date(YEAR, 9, 1)
        ),
    )
    assert approving_order(programme) == model
    cancelling = order_create(
        actor=curator, programme=programme, kind="cancel", number="2", day=date(YEAR, 9, 2), cancels=model
    )
    assert approving_order(programme) == model  # a draft changes nothing
    order_mark_signed(actor=curator, order=cancelling)
    assert approving_order(programme) is None


@pytest.mark.django_db
def test_the_cancelling_order_prints_as_the_other_orders_in_both_formats(
    curator, named, programme, signed_pairing, mentor_person
):
    order = order_create(
        actor=curator,
        programme=programme,
        kind="cancel",
        number="30-ОД",
        day=date(YEAR, 10, 20),
        place="г. Тверь",
        responsible=curator,
        responsible_position="заместитель директора по УВР",
        cancels=signed_pairing,
        reason="изменением состава наставнических пар",
    )
    pdf = render_order(order, "pdf")
    text = pdf_words(pdf)
    expected = [
        named.name,
        "ПРИКАЗ",
        f"20.10.{YEAR} № 30-ОД",
        "г. Тверь",
        f"О признании утратившим силу приказа от 01.09.{YEAR} № 12",
        "В соответствии с распоряжением Министерства просвещения Российской Федерации от 25.12.2019 № Р-145",
        "Положением о наставничестве в МБОУ «СОШ № 1», утверждённым приказом от",
        "в связи с изменением состава наставнических пар,",
        "ПРИКАЗЫВАЮ:",
        f"1. Признать утратившим силу приказ МБОУ «СОШ № 1» от 01.09.{YEAR} № 12",
        "2. Куратору Смирновой Елене Викторовне, заместителю директора по УВР",
        "довести настоящий приказ до сведения работников, ознакомленных с приказом",
        "3. Контроль за исполнением приказа оставляю за собой.",
        "Директор",
        "О.И. Петрова",
        "С приказом ознакомлены:",
        "Кузнецова Ольга Петровна",
    ]
    positions = [text.find(phrase) for phrase in expected]
    assert all(position >= 0 for position in positions), [
        p for p, at in zip(expected, positions, strict=True) if at < 0
    ]
    assert positions == sorted(positions)
    acquainted = text[text.find("С приказом ознакомлены:") :]
    assert "Смирнова Елена Викторовна" in acquainted and "Иванова Мария" not in acquainted
    assert "Приложение" not in text
    word = render_order(order, "docx")
    facts = word_facts(word)
    assert facts["a4"] and facts["page_numbers"] and not facts["leftover_tags"]
    assert all(is_a4(size) for size in pdf_pages(pdf))
    assert boxes_beyond_the_page(docx_to_html(word)) == []
    assert f"О признании утратившим силу приказа от 01.09.{YEAR} № 12" in docx_text(word)
    pdf_text = text.replace(" ", "")
    for paragraph in Document(io.BytesIO(word)).paragraphs:
        assert " ".join(paragraph.text.split()).replace(" ", "") in pdf_text


@pytest.mark.django_db
def test_who_may_cancel(client, mentor, stranger, coordinator, curator, administrator, signed_pairing):
    for user, status in ((stranger, 404), (coordinator, 404), (mentor, 403)):
        assert client_for(user).get(url("order_new", order_kind="cancel")).status_code == status
        assert cancel_post(client_for(user), signed_pairing).status_code == status
    assert not Order.objects.filter(kind="cancel").exists()
    # a curator of another school cannot pick this school's order: it is not among the choices
    assert cancel_post(client_for(administrator), signed_pairing).status_code == 302
    cancelling = Order.objects.get(kind="cancel")
    assert client_for(stranger).post(url("order_sign", order=cancelling.pk)).status_code == 404
    assert client_for(mentor).post(url("order_sign", order=cancelling.pk)).status_code == 403
    cancelling.refresh_from_db()
    assert not cancelling.signed


@pytest.mark.django_db
def test_an_order_of_another_school_cannot_be_chosen(curator_client, curator, other_school, signed_pairing):
    from mentoring.models import Programme

    other_programme = Programme.objects.filter(organization=other_school).first()
    foreign = Order.objects.create(
        organization=other_school,
        programme=other_programme,
        kind="model",
        number="1",
        day=date(YEAR, 9, 1),
        title="О …",
        signed=True,
    )
    response = cancel_post(curator_client, foreign)
    assert response.status_code == 400 and not Order.objects.filter(kind="cancel").exists()


@pytest.mark.django_db
def test_the_curator_keeps_the_position_the_cancelled_order_gave_them(curator, signed_pairing, programme):
    order = order_create(
        actor=curator,
        programme=programme,
        kind="cancel",
        number="30",
        day=date(YEAR, 10, 20),
        responsible=curator,
        cancels=signed_pairing,
    )
    assert order.responsible_position == "заместитель директора по УВР"
    assert "Куратору Смирновой Елене Викторовне, заместителю директора по УВР, довести" in order.points[1]
