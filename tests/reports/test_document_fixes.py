"""Defects a reviewer found in the documents: each test fails on the code before its fix."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from reports.models import Order
from reports.order_services import OrderError, order_create, order_mark_signed, order_update

from ..conftest import YEAR

KW = {"org": "school-a", "year": YEAR}


def _url(name: str, order: Order) -> str:
    return reverse(f"reports:{name}", kwargs={**KW, "order": order.pk})


@pytest.mark.django_db
def test_a_signed_order_is_not_edited(curator_client, curator, programme, pair):
    order = order_create(
        actor=curator, programme=programme, kind="pairing", number="45", day=date(YEAR, 10, 15), groups=[pair]
    )
    detail = curator_client.get(_url("order_detail", order)).content.decode()
    assert _url("order_edit", order) in detail  # a draft is edited
    order_mark_signed(actor=curator, order=order)
    text_before = (order.number, order.day, order.title, list(order.points))
    detail = curator_client.get(_url("order_detail", order)).content.decode()
    assert _url("order_edit", order) not in detail and "Изменить текст" not in detail
    response = curator_client.post(
        _url("order_edit", order),
        {
            "number": "46",
            "day": f"{YEAR}-10-16",
            "title": "Другое",
            "preamble": "",
            "points": "Новый пункт.",
            "signatory_position": "Директор",
            "signatory_name": "О.И. Петрова",
        },
        follow=True,
    )
    assert "Подписанный приказ не изменяют" in response.content.decode()
    assert curator_client.get(_url("order_edit", order)).status_code == 302
    with pytest.raises(OrderError, match="Подписанный приказ не изменяют"):
        order_update(
            actor=curator,
            order=order,
            number="47",
            day=date(YEAR, 10, 20),
            place="",
            title="Другое",
            preamble="",
            points=["x"],
            signatory_position="",
            signatory_name="",
        )
    order = Order.objects.get(pk=order.pk)
    assert (order.number, order.day, order.title, list(order.points)) == text_before


@pytest.mark.django_db
def test_the_preamble_cites_the_regulation_in_force_on_the_orders_date(curator, programme, pair):
    order_create(actor=curator, programme=programme, kind="regulation", number="3-ОД", day=date(YEAR, 9, 1))
    order_create(actor=curator, programme=programme, kind="regulation", number="28-ОД", day=date(YEAR, 12, 1))
    october = order_create(
        actor=curator, programme=programme, kind="pairing", number="45", day=date(YEAR, 10, 15), groups=[pair]
    )
    assert f"от 01.09.{YEAR} № 3-ОД" in october.preamble
    assert "28-ОД" not in october.preamble
    december = order_create(
        actor=curator,
        programme=programme,
        kind="curator",
        number="50",
        day=date(YEAR, 12, 2),
        responsible=curator,
    )
    assert f"от 01.12.{YEAR} № 28-ОД" in december.preamble
    august = order_create(
        actor=curator,
        programme=programme,
        kind="curator",
        number="2",
        day=date(YEAR, 8, 31),
        responsible=curator,
    )
    assert "3-ОД" not in august.preamble and "28-ОД" not in august.preamble


def _template(*paragraphs: str) -> bytes:
    import io

    from docx import Document

    document = Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (
            ["Школа {{ org.name }}", "{% if %}", "текст", "{% endif %}"],
            "В шаблоне ошибка в поле или теге «{% if %}»: после названия тега не указано поле или условие.",
        ),
        (
            ["{% for x in y %}", "{{ x }}"],
            "В шаблоне ошибка в поле или теге «{% for x in y %}»: блок «for» не закрыт: добавьте после него "
            "«{% endfor %}».",
        ),
        (
            ["{% foo %}"],
            "В шаблоне ошибка в поле или теге «{% foo %}»: тега «foo» в шаблонах документов нет.",
        ),
        (["Директор {{ org.name "], "«{{ org.name»: поле не закрыто: добавьте «}}» после его названия."),
        (["{{ no_such_thing }}"], "Шаблон использует поле, которого нет в документе: «no_such_thing»."),
        (["{{ org.nme }}"], "Шаблон использует поле, которого нет в документе: «nme»."),
    ],
    ids=["empty-if", "unclosed-for", "unknown-tag", "unclosed-field", "undefined", "no-attribute"],
)
def test_template_errors_are_told_in_plain_russian_naming_the_tag(paragraphs, expected):
    from django.utils import translation

    from reports.paper import engine

    with translation.override("ru"), pytest.raises(engine.TemplateProblem) as caught:
        engine.render_docx(_template(*paragraphs), {"org": {"name": "СОШ № 1"}})
    message = str(caught.value)
    assert expected in message
    for english in ("Expected", "undefined", "unexpected", "Jinja", "end of", "got '"):
        assert english not in message
