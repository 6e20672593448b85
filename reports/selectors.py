"""Reads of the reports app that pages and other documents share."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Count, QuerySet

from mentoring.models import Programme

from .models import Order, OrderKind

ROADMAP_APPROVING_KINDS = (OrderKind.ROADMAP, OrderKind.MODEL)


def orders_for_programme(programme: Programme, *, kind: str | None = None) -> QuerySet[Order]:
    """The orders of a programme year, newest first, with the number of objects each fixes."""
    queryset = Order.objects.filter(programme=programme).annotate(items_count=Count("items"))
    if kind:
        queryset = queryset.filter(kind=kind)
    return queryset.order_by("-day", "-pk")


def order_detail(programme: Programme, pk: int) -> Order | None:
    return (
        Order.objects.filter(programme=programme, pk=pk).select_related("responsible", "created_by").first()
    )


def approving_order(programme: Programme, kinds: Iterable[str] = ROADMAP_APPROVING_KINDS) -> Order | None:
    """The latest order of these kinds in the programme year (by default: the one approving the roadmap).

    A separate «Об утверждении дорожной карты» order wins over the order introducing the model, which
    usually approves the roadmap too.
    """
    kinds = list(kinds)
    orders = list(Order.objects.filter(programme=programme, kind__in=kinds).order_by("-day", "-pk"))
    for kind in kinds:
        for order in orders:
            if order.kind == kind:
                return order
    return None
