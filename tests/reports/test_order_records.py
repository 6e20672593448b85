"""Orders as records: what other documents read of them."""

from datetime import date

import pytest

from reports.models import Order, OrderKind
from reports.orders.selectors import approving_order, orders_for_programme

from ..conftest import YEAR


def _order(programme, kind, number, day, signed=True):
    return Order.objects.create(
        signed=signed,
        organization=programme.organization,
        programme=programme,
        kind=kind,
        number=number,
        day=day,
        title="О …",
    )


@pytest.mark.django_db
def test_the_roadmap_is_approved_by_its_own_order_else_by_the_order_introducing_the_model(programme):
    assert approving_order(programme) is None
    model = _order(programme, OrderKind.MODEL, "1-ОД", date(YEAR, 9, 1))
    _order(programme, OrderKind.PAIRING, "9-ОД", date(YEAR, 10, 1))
    assert approving_order(programme) == model
    assert model.requisites == f"от 01.09.{YEAR} № 1-ОД"
    roadmap = _order(programme, OrderKind.ROADMAP, "2-ОД", date(YEAR, 8, 30))
    assert approving_order(programme) == roadmap


@pytest.mark.django_db
def test_orders_of_a_year_newest_first_in_one_query(programme, django_assert_num_queries):
    _order(programme, OrderKind.MODEL, "1-ОД", date(YEAR, 9, 1))
    _order(programme, OrderKind.PAIRING, "9-ОД", date(YEAR, 10, 1))
    with django_assert_num_queries(1):
        numbers = [order.number for order in orders_for_programme(programme)]
    assert numbers == ["9-ОД", "1-ОД"]


@pytest.mark.django_db
def test_a_draft_approves_nothing(programme):
    _order(programme, OrderKind.MODEL, "1-ОД", date(YEAR, 9, 1), signed=False)
    assert approving_order(programme) is None
    model = _order(programme, OrderKind.MODEL, "2-ОД", date(YEAR, 8, 30))
    _order(programme, OrderKind.ROADMAP, "3-ОД", date(YEAR, 9, 2), signed=False)
    assert approving_order(programme) == model
