"""The «Корзина» page: deleted people and events the curator or administrator may restore for 30 days."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from .access import Privacy, ScopedRequest, organization_view
from .models import AuditEvent, TrashItem
from .services import audit_record
from .trash import TRASH_DAYS, TrashError, trash_erase, trash_expires, trash_items, trash_restore, undo_take


@dataclass(frozen=True)
class TrashRow:
    item: TrashItem
    expires: datetime  # erased for good after this moment


def _trash_url(request: ScopedRequest) -> str:
    return reverse("trash", kwargs=request.scope.url_kwargs)


@organization_view(manage=True, privacy=Privacy.PERSONAL)
def trash(request: ScopedRequest) -> HttpResponse:
    scope = request.scope
    items = list(trash_items(scope.organization))
    if items:
        audit_record(
            actor=request.user,
            organization=scope.organization,
            action=AuditEvent.Action.VIEW,
            target_type="mentoring.TrashItem",
            target_repr=_("Trash"),
            people=[pk for item in items for pk in item.person_ids],
        )
    rows = [TrashRow(item, trash_expires(item)) for item in items]
    return render(request, "mentoring/trash.html", {"rows": rows, "trash_days": TRASH_DAYS})


def _item_or_404(request: ScopedRequest, item: int) -> TrashItem:
    return get_object_or_404(TrashItem, organization=request.scope.organization, pk=item)


@organization_view(manage=True, privacy=Privacy.PERSONAL)
@require_POST
def trash_restore_view(request: ScopedRequest, item: int) -> HttpResponse:
    found = _item_or_404(request, item)
    try:
        trash_restore(actor=request.user, item=found)
    except TrashError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Restored: %(record)s.") % {"record": found.label})
    return redirect(_trash_url(request))


@organization_view(manage=True, privacy=Privacy.PERSONAL)
@require_POST
def trash_erase_view(request: ScopedRequest, item: int) -> HttpResponse:
    found = _item_or_404(request, item)
    trash_erase(actor=request.user, item=found, reason="erase")
    messages.success(request, _("Deleted for good: %(record)s.") % {"record": found.label})
    return redirect(_trash_url(request))


@organization_view(manage=True, privacy=Privacy.PERSONAL)
@require_POST
def trash_undo(request: ScopedRequest) -> HttpResponse:
    """«Отменить» after a deletion: restore what the last deletion of this session put in the trash."""
    undo = undo_take(request, request.path)
    if undo is None:
        messages.error(
            request, _("The deletion can no longer be undone here; restore the records from the trash.")
        )
        return redirect(_trash_url(request))
    ids = [int(pk) for pk in undo.data.get("items", [])]
    items = list(TrashItem.objects.filter(organization=request.scope.organization, pk__in=ids))
    if len(items) != len(ids):
        raise Http404
    restored = 0
    for item in items:
        try:
            trash_restore(actor=request.user, item=item)
        except TrashError as error:
            messages.error(request, f"{item.label}: {error}")
        else:
            restored += 1
    messages.success(
        request,
        ngettext("%(count)d record restored.", "%(count)d records restored.", restored) % {"count": restored},
    )
    back = str(undo.data.get("back", ""))
    return redirect(back if back.startswith("/") and not back.startswith("//") else _trash_url(request))
