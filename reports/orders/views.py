"""The «Orders» pages (``orders/urls.py``): the register of the year's orders, a new order of a kind,
an order's card with its text and objects, its text editor, its files (PDF, Word) through the jobs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mentoring.access import MANAGERS, Privacy, ScopedRequest, organization_view
from mentoring.models import AuditEvent
from mentoring.services import audit_record

from ..documents.context import acquainted, appendix_rows, order_items
from ..models import Order, OrderKind
from ..registry import DOCX, PDF, ReportError, registry
from ..services import report_start
from . import selectors
from .forms import OrderCreateForm, OrderTextForm, RequisitesForm
from .services import (
    OrderError,
    order_carriers,
    order_create,
    order_delete,
    order_mark_signed,
    order_update,
    regulation_requisites,
    requisites_of,
    requisites_save,
)

if TYPE_CHECKING:
    from typing import Any

    from mentoring.access import Scope


def _url(scope: Scope, name: str, **kwargs: Any) -> str:
    return reverse(f"reports:{name}", kwargs={**scope.url_kwargs, **kwargs})


def _order_or_404(request: ScopedRequest, pk: int) -> Order:
    found = selectors.order_detail(request.scope.programme, pk)
    if found is None:
        raise Http404
    return found


@organization_view(roles=MANAGERS, privacy=Privacy.PERSONAL)
def order_list(request: ScopedRequest) -> HttpResponse:
    scope = request.scope
    kind = request.GET.get("kind") or None
    if kind not in OrderKind.values:
        kind = None
    unsigned = request.GET.get("signed") == "no"
    number, day = regulation_requisites(scope.programme)
    context = {
        "orders": list(
            selectors.orders_for_programme(scope.programme, kind=kind, unsigned=unsigned).select_related(
                "created_by"
            )
        ),
        "kinds": OrderKind.choices,
        "kind": kind,
        "unsigned": unsigned,
        "regulation_known": bool(number and day),
        "place_known": bool(requisites_of(scope.organization).place),
    }
    return render(request, "reports/orders/list.html", context)


def _plain(queryset) -> list:
    """The chosen objects without the prefetching the form's labels needed."""
    return list(queryset.prefetch_related(None)) if queryset is not None else []


@organization_view(manage=True, privacy=Privacy.PERSONAL)
def order_new(request: ScopedRequest, order_kind: str) -> HttpResponse:
    scope = request.scope
    kind = order_kind
    if kind not in OrderKind.values:
        raise Http404
    initial: dict[str, object] = {}
    if kind == OrderKind.CANCEL and request.GET.get("cancels", "").isdigit():
        initial["cancels"] = int(request.GET["cancels"])
    if kind == OrderKind.PAIRING and request.GET.getlist("group"):
        # ticked on the list of pairs («Включить в приказ»): the form's choices keep only this year's open pairs
        initial["groups"] = [int(value) for value in request.GET.getlist("group") if value.isdigit()]
    form = OrderCreateForm(request.POST or None, scope=scope, kind=kind, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            people = list(data.get("people") or [])
            note = data.get("note") or ""
            try:
                order = order_create(
                    actor=request.user,
                    programme=scope.programme,
                    kind=kind,
                    number=data["number"],
                    day=data["day"],
                    place=data.get("place") or "",
                    responsible=data.get("responsible"),
                    responsible_position=data.get("responsible_position") or "",
                    responsible_sex=data.get("responsible_sex") or "",
                    groups=_plain(data.get("groups")),
                    plans=_plain(data.get("plans")),
                    people=people,
                    notes={person.pk: note for person in people},
                    cancels=data.get("cancels"),
                    reason=data.get("reason") or "",
                )
            except OrderError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request, _("The order is saved. Check its text, then download it as PDF or Word.")
                )
                return redirect(_url(scope, "order_detail", order=order.pk))
        status = 400
    context = {"form": form, "kind": kind, "kind_label": OrderKind(kind).label}
    return render(request, "reports/orders/new.html", context, status=status)


@organization_view(roles=MANAGERS, privacy=Privacy.PERSONAL)
def order_detail(request: ScopedRequest, order: int) -> HttpResponse:
    found = _order_or_404(request, order)
    items = order_items(found)
    # the order names children: who opened it is kept, like any page of the bases
    audit_record(
        actor=request.user,
        organization=request.scope.organization,
        action=AuditEvent.Action.VIEW,
        target=found,
    )
    context = {
        "order": found,
        "cancelling": list(found.cancelling_orders.order_by("-signed", "day", "pk")),
        "rows": appendix_rows(found, items) if found.kind not in (OrderKind.MODEL, OrderKind.ROADMAP) else [],
        "acquainted": acquainted(found, items),
        "formats": [(PDF, "PDF"), (DOCX, "Word")],
    }
    return render(request, "reports/orders/detail.html", context)


@organization_view(manage=True, privacy=Privacy.PERSONAL)
def order_edit(request: ScopedRequest, order: int) -> HttpResponse:
    scope = request.scope
    found = _order_or_404(request, order)
    if found.signed:
        messages.error(
            request,
            _(
                "A signed order is not changed: its text, number and date are those the director signed. "
                "Issue another order amending it or declaring it invalid."
            ),
        )
        return redirect(_url(scope, "order_detail", order=found.pk))
    initial = {
        "number": found.number,
        "day": found.day,
        "place": found.place,
        "title": found.title,
        "preamble": found.preamble,
        "points": "\n\n".join(found.points),
        "signatory_position": found.signatory_position,
        "signatory_name": found.signatory_name,
    }
    form = OrderTextForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            order_update(actor=request.user, order=found, **form.cleaned_data)
        except OrderError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The order is changed."))
            return redirect(_url(scope, "order_detail", order=found.pk))
    status = 400 if request.method == "POST" else 200
    return render(request, "reports/orders/edit.html", {"form": form, "order": found}, status=status)


@organization_view(roles=MANAGERS, privacy=Privacy.PERSONAL)
@require_POST
def order_file(request: ScopedRequest, order: int, fmt: str) -> HttpResponse:
    """Start the job that renders the order as a file; the job page offers the download."""
    scope = request.scope
    found = _order_or_404(request, order)
    report = registry.get("order")
    if report is None:  # registered by reports.orders.reports when the app loads
        raise LookupError("The order report is not registered.")
    try:
        job = report_start(
            user=request.user, scope=scope, report=report, fmt=fmt, options={"order": found.pk}
        )
    except ReportError as error:
        messages.error(request, str(error))
        return redirect(_url(scope, "order_detail", order=found.pk))
    return redirect(reverse("job_detail", kwargs={"job": job.pk, **scope.url_kwargs}))


@organization_view(manage=True, privacy=Privacy.PERSONAL)
@require_POST
def order_sign(request: ScopedRequest, order: int) -> HttpResponse:
    """The secretary marks the order signed by the director (a paper signature the system only records)."""
    scope = request.scope
    found = _order_or_404(request, order)
    try:
        order_mark_signed(actor=request.user, order=found)
    except OrderError as error:
        messages.error(request, str(error))
        return redirect(_url(scope, "order_detail", order=found.pk))
    messages.success(
        request,
        _(
            "The order is marked as signed. Its PDF and Word file are kept as they are now and every "
            "download gives them unchanged. It is no longer deleted, only cancelled."
        ),
    )
    return redirect(_url(scope, "order_detail", order=found.pk))


@organization_view(manage=True, privacy=Privacy.PERSONAL)
def order_remove(request: ScopedRequest, order: int) -> HttpResponse:
    """A draft entered by mistake: a page that says what deleting it changes, then the deletion."""
    scope = request.scope
    found = _order_or_404(request, order)
    if request.method == "POST":
        try:
            order_delete(actor=request.user, order=found)
        except OrderError as error:
            messages.error(request, str(error))
            return redirect(_url(scope, "order_detail", order=found.pk))
        messages.success(request, _("The order is deleted."))
        return redirect(_url(scope, "orders"))
    fixed, approved = order_carriers(found)
    context = {"order": found, "fixed": fixed, "approved": approved}
    return render(request, "reports/orders/delete.html", context)


@organization_view(manage=True, privacy=Privacy.PERSONAL)
def requisites(request: ScopedRequest) -> HttpResponse:
    scope = request.scope
    current = requisites_of(scope.organization)
    form = RequisitesForm(
        request.POST or None,
        initial={
            "place": current.place,
            "regulation_number": current.regulation_number,
            "regulation_date": current.regulation_date,
        },
    )
    if request.method == "POST" and form.is_valid():
        requisites_save(actor=request.user, organization=scope.organization, **form.cleaned_data)
        messages.success(request, _("The requisites are saved; new documents print them."))
        return redirect(_url(scope, "orders"))
    status = 400 if request.method == "POST" else 200
    return render(request, "reports/orders/requisites.html", {"form": form}, status=status)
