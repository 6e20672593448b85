"""Reads of the reports app that pages and other documents share."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db.models import Count, OuterRef, QuerySet, Subquery

from mentoring.models import Programme

from ..models import Order, OrderKind

if TYPE_CHECKING:
    from mentoring.models import Organization

ROADMAP_APPROVING_KINDS = (OrderKind.ROADMAP, OrderKind.MODEL)


def with_cancellation(queryset: QuerySet[Order]) -> QuerySet[Order]:
    """Each order with the signed order that declared it invalid, if any: ``cancelled_by_pk``,
    ``cancelled_by_number``, ``cancelled_by_day`` (None for an order in force), in the same query."""
    cancelling = Order.objects.filter(cancels=OuterRef("pk"), signed=True).order_by("day", "pk")
    return queryset.annotate(
        cancelled_by_pk=Subquery(cancelling.values("pk")[:1]),
        cancelled_by_number=Subquery(cancelling.values("number")[:1]),
        cancelled_by_day=Subquery(cancelling.values("day")[:1]),
    )


def orders_for_programme(
    programme: Programme, *, kind: str | None = None, unsigned: bool = False
) -> QuerySet[Order]:
    """The orders of a programme year, newest first, with the number of objects each fixes and the
    order that declared each invalid."""
    queryset = with_cancellation(
        Order.objects.filter(programme=programme)
        .select_related("cancels")
        .annotate(items_count=Count("items"))
    )
    if kind:
        queryset = queryset.filter(kind=kind)
    if unsigned:  # the drafts still to sign (the start page's «Приказы, ещё не подписанные»)
        queryset = queryset.filter(signed=False)
    return queryset.order_by("-day", "-pk")


def order_detail(programme: Programme, pk: int) -> Order | None:
    return (
        with_cancellation(Order.objects.filter(programme=programme, pk=pk))
        .select_related("responsible", "created_by", "cancels")
        .first()
    )


def cancellable_orders(organization: Organization) -> QuerySet[Order]:
    """The signed orders of the organisation another order may declare invalid: in force, not themselves
    cancelling orders, and with no cancelling draft waiting."""
    return (
        Order.objects.filter(organization=organization, signed=True)
        .exclude(kind=OrderKind.CANCEL)
        .exclude(cancelling_orders__isnull=False)
        .select_related("programme__academic_year")
        .order_by("-day", "-pk")
    )


def approving_order(programme: Programme, kinds: Iterable[str] = ROADMAP_APPROVING_KINDS) -> Order | None:
    """The latest signed order in force of these kinds in the programme year (by default: the one approving
    the roadmap). A draft approves nothing: a document never cites it («от __.__.20__ № ____» stays blank).

    A separate «Об утверждении дорожной карты» order wins over the order introducing the model, which
    usually approves the roadmap too.
    """
    kinds = list(kinds)
    orders = list(
        Order.objects.filter(programme=programme, kind__in=kinds, signed=True)
        .in_force()
        .order_by("-day", "-pk")
    )
    for kind in kinds:
        for order in orders:
            if order.kind == kind:
                return order
    return None
