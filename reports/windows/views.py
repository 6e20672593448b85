"""The pages of the monitoring windows (collection periods).

An oversight organisation (a municipal authority, a region) opens a window and follows who handed in;
a school checks its figures, comments and hands them in. ``windows/urls.py`` routes them, included by
``reports/urls.py`` (namespace ``reports``). Every page shows numbers only (``Privacy.AGGREGATE``).
"""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_POST

from mentoring.access import MANAGERS, OVERSIGHT_ROLES, Privacy, Scope, ScopedRequest, organization_view

from ..models import MonitoringWindow
from ..registry import PDF, XLSX
from ..statistics import calc as statistics
from .forms import SubmitForm, WindowOpenForm
from .reports import WindowConsolidationReport
from .selectors import (
    Status,
    group_counts,
    is_oversight,
    snapshot_result,
    submission_history,
    window_consolidation,
    window_for_scope,
    windows_for,
    windows_with_counts,
)
from .services import (
    WindowError,
    submission_figures,
    window_close,
    window_open,
    window_submit,
)

WINDOW_ROLES = MANAGERS | OVERSIGHT_ROLES
# Above this many organisations (a region) the opener's page lists only those that have not handed in or
# are late, with the municipalities' counts; «show all» lists every one.
LONG_LIST = 150






def _window_url(scope: Scope, window: int) -> str:
    return reverse("reports:window", kwargs={**scope.url_kwargs, "window": window})


def _may_open(scope: Scope) -> bool:
    return (
        is_oversight(scope.organization) and not scope.access.read_only and scope.access.has_any(WINDOW_ROLES)
    )


def _may_submit(scope: Scope) -> bool:
    return not is_oversight(scope.organization) and scope.access.can_manage


@organization_view(roles=WINDOW_ROLES, privacy=Privacy.AGGREGATE)
@require_GET
def window_list(request: ScopedRequest) -> HttpResponse:
    scope = request.scope
    windows = list(windows_for(scope.organization, scope.programme.academic_year))
    counts = windows_with_counts(windows) if is_oversight(scope.organization) and windows else {}
    return render(
        request,
        "reports/windows/list.html",
        {
            "entries": [(window, counts.get(window.pk, 0)) for window in windows],
            "oversight": is_oversight(scope.organization),
            "may_open": _may_open(scope),
            "today": timezone.localdate(),
        },
    )


@organization_view(roles=WINDOW_ROLES, privacy=Privacy.AGGREGATE)
def window_open_view(request: ScopedRequest) -> HttpResponse:
    scope = request.scope
    if not is_oversight(scope.organization):
        raise Http404
    if not _may_open(scope):
        raise PermissionDenied
    today = timezone.localdate()
    status = 200
    if request.method == "POST":
        form = WindowOpenForm(request.POST)
        if form.is_valid():
            try:
                window = window_open(
                    actor=request.user,
                    opener=scope.organization,
                    academic_year=scope.programme.academic_year,
                    **form.cleaned_data,
                )
            except WindowError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, gettext("The collection period is open."))
                return redirect(_window_url(scope, window.pk))
        status = 400
    else:
        deadline = today + timedelta(days=10)
        form = WindowOpenForm(
            initial={
                "title": gettext("Monitoring of the mentoring programme, %(year)s") % {"year": today.year},
                "opens_on": today,
                "deadline": deadline,
            }
        )
    return render(request, "reports/windows/open.html", {"form": form}, status=status)


def _rows(layout: statistics.Layout, cells, compare=None) -> list[dict]:
    """Rows of a figures table; ``compare`` marks the cells that differ from another result's cells."""
    rows = []
    for index, (row, values) in enumerate(zip(layout.rows, cells, strict=True)):
        other = compare[index] if compare is not None else None
        rows.append(
            {
                "label": row.label,
                "percent": row.is_percent,
                "cells": [
                    {"value": value, "changed": other is not None and other[column] != value}
                    for column, value in enumerate(values)
                ],
            }
        )
    return rows


def _download_formats(scope: Scope) -> list[tuple[str, str]]:
    report = WindowConsolidationReport()
    if not report.allowed(scope):
        return []
    return [(XLSX, "XLSX"), (PDF, "PDF")]


@organization_view(roles=WINDOW_ROLES, privacy=Privacy.AGGREGATE)
@require_GET
def window_detail(request: ScopedRequest, window: int) -> HttpResponse:
    scope = request.scope
    found = window_for_scope(scope, window)
    if found.academic_year_id != scope.programme.academic_year_id:
        raise Http404
    context = {"window": found, "today": timezone.localdate(), "Status": Status}
    if is_oversight(scope.organization):
        consolidation = window_consolidation(found, scope.organization, detail=False)
        overview = consolidation.overview
        show_all = len(overview.rows) <= LONG_LIST or request.GET.get("all") == "1"
        context.update(
            {
                "overview": overview,
                "groups": group_counts(overview),
                "listed": overview.rows
                if show_all
                else [row for row in overview.rows if row.is_late or row.status == Status.PENDING],
                "show_all": show_all,
                "layout": consolidation.layout,
                "total_rows": _rows(consolidation.layout, consolidation.total.cells),
                "may_close": _may_open(scope)
                and found.opener_id == scope.organization.pk
                and not found.is_closed,
                "formats": _download_formats(scope),
            }
        )
        return render(request, "reports/windows/opener.html", context)
    history = submission_history(found, scope.organization)
    current = history[0] if history else None
    shown = current
    version = request.GET.get("version", "")
    if version.isdigit():
        shown = next((item for item in history if item.version == int(version)), None)
        if shown is None:
            raise Http404
    layout = statistics.layout_from_data(found.layout)
    live = submission_figures(found, scope.programme, with_kpis=False)  # the table is compared, not the KPIs
    shown_cells = snapshot_result(found, shown).cells if shown is not None else None
    today = timezone.localdate()
    accepts = _accepts(found, has_current=current is not None, today=today)
    context.update(
        {
            "layout": layout,
            "live_rows": _rows(layout, live["cells"], shown_cells),
            "shown": shown,
            "shown_rows": _rows(layout, shown_cells) if shown_cells is not None else [],
            "current": current,
            "history": history,
            "may_submit": _may_submit(scope) and accepts,
            "accepts": accepts,
            "form": SubmitForm(initial={"comment": current.comment if current else ""}),
            "formats": _download_formats(scope) if current else [],
        }
    )
    return render(request, "reports/windows/school.html", context)


def _accepts(window: MonitoringWindow, *, has_current: bool, today: date) -> bool:
    """Whether the window takes the organisation's figures now; when not, the window's page says why."""
    return not window.is_closed and window.opens_on <= today and (not has_current or today <= window.deadline)


@organization_view(roles=MANAGERS, manage=True, privacy=Privacy.AGGREGATE)
@require_POST
def window_submit_view(request: ScopedRequest, window: int) -> HttpResponse:
    scope = request.scope
    found = window_for_scope(scope, window)
    if is_oversight(scope.organization) or found.academic_year_id != scope.programme.academic_year_id:
        raise Http404
    form = SubmitForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:  # an ErrorList yields its messages as text
                messages.error(request, str(error))
        return redirect(_window_url(scope, found.pk))
    scope.programme.organization = scope.organization  # with its parents loaded by the scope
    try:
        submission = window_submit(
            actor=request.user, window=found, programme=scope.programme, comment=form.cleaned_data["comment"]
        )
    except WindowError as error:
        has_current = bool(submission_history(found, scope.organization))
        if _accepts(found, has_current=has_current, today=timezone.localdate()):
            messages.error(request, str(error))
        # otherwise (not open yet, closed, the deadline passed) the page's notice says it, once
    else:
        messages.success(
            request,
            gettext("The figures are handed in (version %(version)s).") % {"version": submission.version},
        )
    return redirect(_window_url(scope, found.pk))


@organization_view(roles=WINDOW_ROLES, privacy=Privacy.AGGREGATE)
@require_POST
def window_close_view(request: ScopedRequest, window: int) -> HttpResponse:
    scope = request.scope
    found = window_for_scope(scope, window)
    if found.opener_id != scope.organization.pk:
        raise Http404
    if not _may_open(scope):
        raise PermissionDenied
    window_close(actor=request.user, window=found)
    messages.success(request, gettext("The collection period is closed."))
    return redirect(_window_url(scope, found.pk))
