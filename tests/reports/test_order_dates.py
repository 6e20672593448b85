"""An order bears a date it can have; documents cite only signed orders in force."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest
from django.urls import reverse

from reports.documents.paper_reports import _approval
from reports.models import Order, OrderKind
from reports.orders.services import OrderError, order_create, order_mark_signed
from reports.programme.roadmap import roadmap_approval

from ..conftest import YEAR

KW = {"org": "school-a", "year": YEAR}


def _post(client, kind, day, **extra):
    data = {"number": "45-ОД", "day": day, "responsible_position": "заместитель директора по УВР", **extra}
    return client.post(reverse("reports:order_new", kwargs={**KW, "order_kind": kind}), data)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("day", "message"),
    [
        ("2019-01-01", "не может быть датирован ранее 25.12.2019"),
        (f"{YEAR}-07-31", f"с 01.08.{YEAR} по 31.08.{YEAR + 1}"),
        (f"{YEAR + 1}-09-01", f"с 01.08.{YEAR} по 31.08.{YEAR + 1}"),
    ],
)
def test_the_order_form_refuses_an_impossible_date_and_saves_nothing(curator_client, pair, day, message):
    response = _post(curator_client, "pairing", day, groups=[pair.pk])
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Order.objects.exists()
    pair.refresh_from_db()
    assert pair.order_number == ""


@pytest.mark.django_db
def test_an_order_for_the_year_may_be_dated_from_1_august_to_the_end_of_the_year(curator, programme):
    first = order_create(actor=curator, programme=programme, kind="model", number="1", day=date(YEAR, 8, 1))
    last = order_create(
        actor=curator, programme=programme, kind="roadmap", number="2", day=date(YEAR + 1, 8, 31)
    )
    assert (first.day, last.day) == (date(YEAR, 8, 1), date(YEAR + 1, 8, 31))


@pytest.mark.django_db
def test_a_pairing_order_may_be_signed_before_its_pairs_begin(curator_client, programme, pair):
    # «Закрепить наставнические пары с 01.10» is often signed a few days before: not an impossible date
    pair.start_date = date(YEAR, 10, 1)
    pair.save()
    response = _post(curator_client, "pairing", f"{YEAR}-09-30", groups=[pair.pk])
    assert response.status_code == 302
    pair.refresh_from_db()
    assert Order.objects.get().day == pair.order_date == date(YEAR, 9, 30)


@pytest.mark.django_db
def test_a_cancelling_order_still_cannot_predate_the_order_it_cancels(curator, programme):
    model = order_mark_signed(
        actor=curator,
        order=order_create(
            actor=curator, programme=programme, kind="model", number="1", day=date(YEAR, 9, 10)
        ),
    )
    with pytest.raises(OrderError, match="издан"):
        order_create(
            actor=curator, programme=programme, kind="cancel", number="2", day=date(YEAR, 9, 1), cancels=model
        )


def _scope(programme):
    return SimpleNamespace(organization=programme.organization, programme=programme)


@pytest.mark.django_db
def test_documents_cite_only_a_signed_approving_order_in_force(curator, programme):
    blank = {"number": "____", "day": _approval(programme, (OrderKind.ROADMAP,))["day"]}
    draft = order_create(
        actor=curator, programme=programme, kind="roadmap", number="127-ОД", day=date(YEAR, 8, 30)
    )
    assert _approval(programme, (OrderKind.ROADMAP,)) == blank
    assert "127-ОД" not in " ".join(roadmap_approval(_scope(programme)))
    order_mark_signed(actor=curator, order=draft)
    assert _approval(programme, (OrderKind.ROADMAP,))["number"] == "127-ОД"
    assert roadmap_approval(_scope(programme))[-1] == f"от 30.08.{YEAR} № 127-ОД"
    cancel = order_create(
        actor=curator,
        programme=programme,
        kind="cancel",
        number="140-ОД",
        day=date(YEAR, 10, 1),
        cancels=draft,
    )
    assert _approval(programme, (OrderKind.ROADMAP,))["number"] == "127-ОД"  # a draft cancels nothing
    order_mark_signed(actor=curator, order=cancel)
    assert _approval(programme, (OrderKind.ROADMAP,)) == blank
    assert "127-ОД" not in " ".join(roadmap_approval(_scope(programme)))


@pytest.mark.django_db
def test_an_order_cites_the_regulation_only_once_its_order_is_signed(curator, programme, pair):
    regulation = order_create(
        actor=curator, programme=programme, kind="regulation", number="126-ОД", day=date(YEAR, 8, 28)
    )
    first = order_create(
        actor=curator,
        programme=programme,
        kind="pairing",
        number="130-ОД",
        day=date(YEAR, 9, 1),
        groups=[pair],
    )
    assert "126-ОД" not in first.preamble
    assert "№ ____" in first.preamble or "№ ___" in first.preamble
    order_mark_signed(actor=curator, order=regulation)
    second = order_create(
        actor=curator,
        programme=programme,
        kind="pairing",
        number="131-ОД",
        day=date(YEAR, 9, 2),
        groups=[pair],
    )
    assert f"от 28.08.{YEAR} № 126-ОД" in second.preamble


@pytest.mark.django_db
def test_the_new_order_form_proposes_a_date_its_year_allows(curator_client, programme):
    # YEAR's programme ended before today: today's date would be refused, so the form offers the year's last day
    html = curator_client.get(reverse("reports:order_new", kwargs={**KW, "order_kind": "pairing"})).content.decode()
    assert f'value="{YEAR + 1}-08-31"' in html
