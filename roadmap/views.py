"""Roadmap pages: the table, the timeline, «Мои задачи», an event with its evidence, editing, import."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from mentoring.access import Privacy, Scope, ScopedRequest, organization_view
from mentoring.auditing import audit_page_read
from mentoring.files import attachment_response
from mentoring.kept_pages import keep_until, kept_page
from mentoring.models import AuditEvent
from mentoring.sorting import sorting
from mentoring.trash import undo_remember

from . import importing, selectors, services
from .forms import (
    BulkEventsForm,
    CommentForm,
    EventForm,
    FilterForm,
    ImportUploadForm,
    MarkDoneForm,
    SectionForm,
    StatusForm,
    TemplateChoiceForm,
)
from .models import EventEvidence, RoadmapEvent, RoadmapImport, RoadmapSection
from .services import RoadmapError

if TYPE_CHECKING:
    from mentoring.models import User

EVENT_SORT_LABELS = {
    "number": gettext_lazy("In the roadmap's order"),
    "deadline": gettext_lazy("By deadline"),
    "start": gettext_lazy("By start date"),
    "status": gettext_lazy("By status"),
}


def _url(scope: Scope, name: str, **kwargs: Any) -> str:
    return reverse(f"roadmap:{name}", kwargs={**scope.url_kwargs, **kwargs})


def _event_or_404(scope: Scope, event: int) -> RoadmapEvent:
    return get_object_or_404(
        RoadmapEvent.objects.select_related("section"), programme=scope.programme, pk=event
    )


def _section_or_404(scope: Scope, section: int) -> RoadmapSection:
    return get_object_or_404(RoadmapSection, programme=scope.programme, pk=section)


def _require_manager(scope: Scope) -> None:
    if not scope.access.can_manage:
        raise PermissionDenied


def _may_report_on(scope: Scope, user: User, event: RoadmapEvent) -> bool:
    """Managers may change any event; a member may mark the events they are responsible for."""
    if scope.access.can_manage:
        return True
    return not scope.access.read_only and event.responsible_users.filter(pk=user.pk).exists()


# --- Reading ----------------------------------------------------------------------------------------


def _mark_reportable(scope: Scope, user: User, sections: list[selectors.SectionRows]) -> None:
    """``may_mark``: the row offers «Отметить выполнение» (the rule of ``_may_report_on``, read from the
    responsible users the table read: no query). A recurring event is reported per date on its page."""
    closed = {RoadmapEvent.Status.DONE, RoadmapEvent.Status.CANCELLED}
    for rows in sections:
        for line in rows.lines:
            event = line.event
            allowed = scope.access.can_manage or (
                not scope.access.read_only and any(u.pk == user.pk for u in event.table_responsible_users)  # type: ignore[attr-defined]
            )
            line.may_mark = allowed and event.status not in closed


@organization_view(privacy=Privacy.AGGREGATE)
@kept_page
def index(request: ScopedRequest) -> HttpResponse:
    scope = request.scope
    today = timezone.localdate()
    choices = selectors.responsible_choices(scope.programme)
    filter_form = FilterForm(request.GET or None, responsible_choices=choices)
    filters = filter_form.filters()
    order = sorting(request.GET, selectors.EVENT_SORTS, selectors.DOCUMENT_ORDER, tie="id")
    flat = order.param != selectors.DOCUMENT_ORDER  # sorted otherwise: one list without the sections
    sections = selectors.roadmap_table(scope.programme, filters, today, order.order_by if flat else None)
    # sections without a filter are the whole roadmap: their numbers are counted without a query
    selectors.number_rows(
        sections, selectors.running_numbers(scope.programme) if filters.active or flat else None
    )
    _mark_reportable(scope, request.user, sections)
    # asked of the database, so that any manager sees it from any browser (one query, managers only)
    last_import = (
        services.undoable_import(scope.programme, timezone.now()) if scope.access.can_manage else None
    )
    if last_import is not None:  # the page offers the undo until then
        keep_until(last_import.created_at + timedelta(hours=services.UNDO_HOURS))
    context = {
        "filter_form": filter_form,
        "filters": filters,
        "sections": sections,
        "sorting": order,
        "flat": flat,
        "sort_choices": _sort_choices(order.key, order.descending),
        # the whole roadmap is in the table unless it is filtered: counted from its rows, no query
        "progress": (
            selectors.roadmap_progress(scope.programme, today)
            if filters.active
            else selectors.progress_of(sections)
        ),
        "kpi_targets": selectors.kpi_targets(scope.programme),
        "today": today,
        # the one-click «mark done» of a row: today, or the last day of a past academic year
        "done_day": min(today, scope.programme.academic_year.end_date),
        "last_import": last_import,
        # the action bar under the table (the responsible choices are the filter's, no other query)
        "bulk_form": (
            BulkEventsForm(responsible_choices=choices, programme=scope.programme)
            if scope.access.can_manage
            else None
        ),
    }
    return render(request, "roadmap/index.html", context)


def _sort_choices(key: str, descending: bool) -> list[tuple[str, str]]:
    """The options of the table's «Порядок мероприятий» select; a reversed order (from a header) is one more."""
    choices = [(name, str(label)) for name, label in EVENT_SORT_LABELS.items()]
    if descending:
        choices.append((f"-{key}", _("%(order)s, reversed") % {"order": EVENT_SORT_LABELS[key]}))
    return choices


@organization_view(privacy=Privacy.AGGREGATE)
def timeline(request: ScopedRequest) -> HttpResponse:
    scope = request.scope
    today = timezone.localdate()
    context = {
        "months": selectors.roadmap_timeline(scope.programme, today),
        "undated": selectors.undated_events(scope.programme),
        "today": today,
    }
    return render(request, "roadmap/timeline.html", context)


@organization_view(privacy=Privacy.AGGREGATE)
def my_tasks(request: ScopedRequest) -> HttpResponse:
    scope = request.scope
    groups = selectors.my_tasks(scope.programme, request.user, timezone.localdate())
    return render(request, "roadmap/my_tasks.html", {"groups": groups})


@organization_view(privacy=Privacy.PERSONAL)
def event_detail(request: ScopedRequest, event: int) -> HttpResponse:
    scope = request.scope
    today = timezone.localdate()
    found = _detail_or_404(scope, event, today)
    may_report = _may_report_on(scope, request.user, found)
    schedule = selectors.occurrence_rows(found, today) if found.recurring else []
    context = {
        "event": found,
        "schedule": schedule,
        "may_report": may_report,
        "done_form": MarkDoneForm(due_choices=_open_dues(schedule), programme=scope.programme)
        if may_report
        else None,
        "status_form": StatusForm(initial={"status": found.status}) if may_report else None,
        "comment_form": CommentForm() if not scope.access.read_only else None,
    }
    return render(request, "roadmap/event_detail.html", context)


def _detail_or_404(scope: Scope, event: int, today: date) -> selectors.EventOnDay:
    found = selectors.event_detail(scope.programme, event, today)
    if found is None:
        raise Http404
    return found


def _open_dues(schedule: list[selectors.OccurrenceRow]) -> list:
    return [row.due for row in schedule if row.completed_on is None]


@organization_view(privacy=Privacy.PERSONAL)
def evidence_download(request: ScopedRequest, evidence: int) -> HttpResponseBase:
    scope = request.scope
    found = get_object_or_404(EventEvidence, event__programme=scope.programme, pk=evidence)
    if not found.file:
        raise Http404
    audit_page_read(request, "roadmap.EventEvidence", found.pk, action=AuditEvent.Action.DOWNLOAD)
    return attachment_response(found.file, found.filename)


# --- Reporting progress -----------------------------------------------------------------------------


@organization_view(privacy=Privacy.PERSONAL)
@require_POST
def event_done(request: ScopedRequest, event: int) -> HttpResponse:
    scope = request.scope
    found = _event_or_404(scope, event)
    if not _may_report_on(scope, request.user, found):
        raise PermissionDenied
    today = timezone.localdate()
    schedule = (
        selectors.occurrence_rows(_detail_or_404(scope, found.pk, today), today) if found.recurring else []
    )
    form = MarkDoneForm(
        request.POST,
        request.FILES,
        due_choices=_open_dues(schedule) if found.recurring else None,
        programme=scope.programme,
    )
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.event_mark_done(
                actor=request.user,
                event=found,
                completed_on=data["completed_on"],
                file=data["file"],
                url=data["url"],
                reference=data["reference"],
                comment=data["comment"],
                due=data.get("due"),
            )
        except RoadmapError as error:
            messages.error(request, str(error))
            return redirect(_url(scope, "event", event=found.pk))
        found.refresh_from_db()
        if found.status == RoadmapEvent.Status.DONE:
            messages.success(request, _("The event is marked done."))
        else:
            messages.success(
                request,
                _("The date %(day)s of the schedule is reported done.") % {"day": f"{data['due']:%d.%m.%Y}"},
            )
        next_url = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
            next_url = _url(scope, "event", event=found.pk)  # never off the site (an open redirect)
        return redirect(next_url)
    detail = _detail_or_404(scope, found.pk, today)
    context = {
        "event": detail,
        "schedule": schedule,
        "may_report": True,
        "done_form": form,
        "status_form": StatusForm(initial={"status": found.status}),
        "comment_form": CommentForm(),
    }
    return render(request, "roadmap/event_detail.html", context, status=400)


@organization_view(privacy=Privacy.PERSONAL)
@require_POST
def event_status(request: ScopedRequest, event: int) -> HttpResponse:
    scope = request.scope
    found = _event_or_404(scope, event)
    if not _may_report_on(scope, request.user, found):
        raise PermissionDenied
    form = StatusForm(request.POST)
    if form.is_valid():
        services.event_set_status(actor=request.user, event=found, status=form.cleaned_data["status"])
        messages.success(request, _("The status is changed."))
    else:
        messages.error(request, _("Choose a status from the list."))
    return redirect(_url(scope, "event", event=found.pk))


@organization_view(privacy=Privacy.PERSONAL)
@require_POST
def event_comment(request: ScopedRequest, event: int) -> HttpResponse:
    scope = request.scope
    if scope.access.read_only:
        raise PermissionDenied
    found = _event_or_404(scope, event)
    form = CommentForm(request.POST)
    if form.is_valid():
        services.comment_add(actor=request.user, event=found, text=form.cleaned_data["text"])
    else:
        messages.error(request, _("The comment is empty."))
    return redirect(_url(scope, "event", event=found.pk) + "#comments")


# --- Editing ----------------------------------------------------------------------------------------


@organization_view(manage=True, privacy=Privacy.AGGREGATE)
def event_create(request: ScopedRequest) -> HttpResponse:
    scope = request.scope
    if not scope.programme.roadmap_sections.exists():
        services.section_create(actor=request.user, programme=scope.programme, title="")
    initial = {"section": request.GET.get("section")}
    form = EventForm(request.POST or None, programme=scope.programme, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        event = services.event_create(
            actor=request.user,
            section=data["section"],
            title=data["title"],
            number=data["number"],
            period_text=data["period_text"],
            expected_result=data["expected_result"],
            kpi_text=data["kpi_text"],
            responsible_text=data["responsible_text"],
            responsible_users=data["responsible_users"],
        )
        _warn_periods(request, scope, event.period_text)
        messages.success(request, _("The event is added."))
        return redirect(_url(scope, "index") + f"#event-{event.pk}")
    return render(request, "roadmap/event_form.html", {"form": form, "event": None})


@organization_view(manage=True, privacy=Privacy.AGGREGATE)
def event_edit(request: ScopedRequest, event: int) -> HttpResponse:
    scope = request.scope
    found = _event_or_404(scope, event)
    initial = {
        "section": found.section_id,
        "number": found.number,
        "title": found.title,
        "period_text": found.period_text,
        "expected_result": found.expected_result,
        "kpi_text": found.kpi_text,
        "responsible_users": list(found.responsible_users.all()),
        "responsible_text": found.responsible_text,
    }
    form = EventForm(request.POST or None, programme=scope.programme, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        users = data.pop("responsible_users")
        warnings = services.event_update(actor=request.user, event=found, responsible_users=users, **data)
        for warning in warnings:
            messages.warning(request, warning)
        messages.success(request, _("The event is saved."))
        return redirect(_url(scope, "event", event=found.pk))
    return render(request, "roadmap/event_form.html", {"form": form, "event": found})


def _warn_periods(request: HttpRequest, scope: Scope, text: str) -> None:
    for warning in services.parse_event_periods(scope.programme, text)[1]:
        messages.warning(request, warning)


@organization_view(manage=True, privacy=Privacy.AGGREGATE)
def event_delete(request: ScopedRequest, event: int) -> HttpResponse:
    """GET: what goes with the event (its evidence files, comments, marks of done dates) and a button;
    POST: delete it. The page works without scripts, as the deletion of people does."""
    scope = request.scope
    found = _event_or_404(scope, event)
    if request.method == "POST":
        services.event_delete(actor=request.user, event=found)
        messages.success(request, _("The event is deleted."))
        return redirect(_url(scope, "index"))
    return render(
        request, "roadmap/event_delete.html", {"event": found, **selectors.event_deletion_counts(found)}
    )


@organization_view(manage=True, privacy=Privacy.AGGREGATE)
@require_POST
def event_move(request: ScopedRequest, event: int) -> HttpResponse:
    scope = request.scope
    found = _event_or_404(scope, event)
    services.event_move(
        actor=request.user, event=found, offset=-1 if request.POST.get("direction") == "up" else 1
    )
    return redirect(_url(scope, "index") + f"#event-{found.pk}")


@organization_view(manage=True, privacy=Privacy.AGGREGATE)
def section_create(request: ScopedRequest) -> HttpResponse:
    scope = request.scope
    form = SectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        section = services.section_create(
            actor=request.user, programme=scope.programme, title=form.cleaned_data["title"]
        )
        messages.success(request, _("The section is added."))
        return redirect(_url(scope, "index") + f"#section-{section.pk}")
    return render(request, "roadmap/section_form.html", {"form": form, "section": None})


@organization_view(manage=True, privacy=Privacy.AGGREGATE)
def section_edit(request: ScopedRequest, section: int) -> HttpResponse:
    scope = request.scope
    found = _section_or_404(scope, section)
    form = SectionForm(request.POST or None, initial={"title": found.title})
    if request.method == "POST" and form.is_valid():
        services.section_update(actor=request.user, section=found, title=form.cleaned_data["title"])
        messages.success(request, _("The section is saved."))
        return redirect(_url(scope, "index") + f"#section-{found.pk}")
    return render(request, "roadmap/section_form.html", {"form": form, "section": found})


@organization_view(manage=True, privacy=Privacy.AGGREGATE)
@require_POST
def section_delete(request: ScopedRequest, section: int) -> HttpResponse:
    scope = request.scope
    try:
        services.section_delete(actor=request.user, section=_section_or_404(scope, section))
        messages.success(request, _("The section is deleted."))
    except RoadmapError as error:
        messages.error(request, str(error))
    return redirect(_url(scope, "index"))


@organization_view(manage=True, privacy=Privacy.AGGREGATE)
@require_POST
def section_move(request: ScopedRequest, section: int) -> HttpResponse:
    scope = request.scope
    found = _section_or_404(scope, section)
    services.section_move(
        actor=request.user, section=found, offset=-1 if request.POST.get("direction") == "up" else 1
    )
    return redirect(_url(scope, "index") + f"#section-{found.pk}")


# --- Starting a year --------------------------------------------------------------------------------


@organization_view(manage=True, privacy=Privacy.AGGREGATE)
def start(request: ScopedRequest) -> HttpResponse:
    """Three ways to fill a year's roadmap: import the school's file, a standard template, last year's."""
    scope = request.scope
    template_form = TemplateChoiceForm(request.POST or None, organization_kind=scope.organization.kind)
    if request.method == "POST":
        try:
            if request.POST.get("action") == "copy":
                result = services.roadmap_copy_previous_year(actor=request.user, programme=scope.programme)
            elif template_form.is_valid():
                result = services.roadmap_from_template(
                    actor=request.user,
                    programme=scope.programme,
                    template_key=template_form.cleaned_data["template"],
                )
            else:
                raise RoadmapError(_("Choose a template."))
        except RoadmapError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, _("The roadmap is filled: %(events)s events.") % {"events": result.events}
            )
            return redirect(_url(scope, "index"))
    context = {
        "upload_form": ImportUploadForm(),
        "template_form": template_form,
        "has_events": scope.programme.roadmap_events.exists(),
        "previous_year": scope.programme.academic_year.start_year - 1,
        "last_import": services.undoable_import(scope.programme, timezone.now()),
    }
    return render(request, "roadmap/start.html", context)


@organization_view(manage=True, privacy=Privacy.AGGREGATE)
def import_upload(request: ScopedRequest) -> HttpResponse:
    scope = request.scope
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = b"".join(upload.chunks())
        try:
            parsed = importing.read_bytes(
                data, upload.name, scope.programme, shift=form.cleaned_data["shift_to_current_year"]
            )
        except RoadmapError as error:
            form.add_error("file", str(error))
        else:
            importing.preview_store(
                request.session,
                scope.programme,
                upload.name,
                parsed,
                content_fingerprint=importing.fingerprint(data),
            )
            return redirect(_url(scope, "import_preview"))
    status = 400 if request.method == "POST" else 200
    return render(request, "roadmap/import_upload.html", {"form": form}, status=status)


@organization_view(manage=True, privacy=Privacy.AGGREGATE)
def import_preview(request: ScopedRequest) -> HttpResponse:
    scope = request.scope
    stored = importing.preview_load(request.session, scope.programme)
    if stored is None:
        messages.info(request, _("Upload the roadmap file first."))
        return redirect(_url(scope, "import_upload"))
    if request.method == "POST":
        importing.preview_save_edits(request.session, scope.programme, request.POST)
        if request.POST.get("action") == "draft":  # saved while typing (static/js/import_preview.js)
            return HttpResponse(status=204)
        stored = importing.preview_load(request.session, scope.programme) or stored
    edits = importing.preview_edits(stored) if request.method == "GET" else None
    if edits is not None:  # the page reloaded: the corrections made so far, checked again
        preview = importing.Preview(stored, data=edits, recheck=True, programme=scope.programme)
    else:
        preview = importing.Preview(stored, data=request.POST if request.method == "POST" else None)
    if request.method == "POST" and preview.is_valid():
        if request.POST.get("action") == "confirm":
            parsed = preview.corrected(scope.programme)
            replace = request.POST.get("replace") == "1"
            if replace and services.replace_plan(scope.programme, parsed).deleted:
                # nothing is deleted before the curator has seen the list and confirmed it
                importing.pending_store(request.session, scope.programme, parsed)
                return redirect(_url(scope, "import_replace"))
            try:
                result = services.roadmap_import(
                    actor=request.user,
                    programme=scope.programme,
                    parsed=parsed,
                    replace=replace,
                    confirmed_deletions=(),
                    filename=stored["filename"],
                    fingerprint=stored.get("fingerprint", ""),
                    shifted_years=stored.get("shifted_years", 0),
                )
            except RoadmapError as error:
                messages.error(request, str(error))
            else:
                return _imported(request, scope, result)
        preview = importing.Preview(stored, data=request.POST, recheck=True, programme=scope.programme)
    parsed_file = importing.parsed_from_json(stored["data"])
    context = {
        "preview": preview,
        "has_events": scope.programme.roadmap_events.exists(),
        "duplicates": services.duplicate_count(scope.programme, parsed_file),
        "same_file": services.same_file_import(scope.programme, stored.get("fingerprint", "")),
    }
    return render(request, "roadmap/import_preview.html", context)


def _imported(request: HttpRequest, scope: Scope, result: services.ImportResult) -> HttpResponse:
    importing.preview_clear(request.session, scope.programme)
    text = _("Imported %(events)s events in %(sections)s sections.") % {
        "events": result.events,
        "sections": result.sections,
    }
    if result.kept:
        text += " " + _("%(count)s events kept their status and evidence.") % {"count": result.kept}
    if result.deleted:
        text += " " + _("%(count)s events not in the file were deleted.") % {"count": result.deleted}
    if result.skipped:
        text += " " + _("%(count)s events already in the roadmap were not added again.") % {
            "count": result.skipped
        }
    messages.success(request, text)
    return redirect(_url(scope, "index"))


@organization_view(manage=True, privacy=Privacy.AGGREGATE)
def import_replace(request: ScopedRequest) -> HttpResponse:
    """«Replace the current roadmap»: the events it keeps, adds and deletes, and the confirmation."""
    scope = request.scope
    stored = importing.preview_load(request.session, scope.programme)
    parsed = importing.pending_load(request.session, scope.programme)
    if stored is None or parsed is None:
        messages.info(request, _("Upload the roadmap file first."))
        return redirect(_url(scope, "import_upload"))
    plan = services.replace_plan(scope.programme, parsed)
    if request.method == "POST":
        if request.POST.get("confirm_delete") != "1":
            messages.error(request, _("Tick the box to confirm that these events are deleted."))
        else:
            confirmed = {int(pk) for pk in request.POST.getlist("delete") if pk.isdigit()}
            try:
                result = services.roadmap_import(
                    actor=request.user,
                    programme=scope.programme,
                    parsed=parsed,
                    replace=True,
                    confirmed_deletions=confirmed,
                    filename=stored["filename"],
                    fingerprint=stored.get("fingerprint", ""),
                    shifted_years=stored.get("shifted_years", 0),
                )
            except RoadmapError as error:
                messages.error(request, str(error))
            else:
                return _imported(request, scope, result)
    context = {"plan": plan, "filename": stored["filename"]}
    return render(
        request, "roadmap/import_replace.html", context, status=400 if request.method == "POST" else 200
    )


@organization_view(manage=True, privacy=Privacy.AGGREGATE)
@require_POST
def import_undo(request: ScopedRequest, roadmap_import: int) -> HttpResponse:
    scope = request.scope
    found = get_object_or_404(RoadmapImport, programme=scope.programme, pk=roadmap_import)
    try:
        services.roadmap_import_undo(actor=request.user, record=found, now=timezone.now())
    except RoadmapError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The import of «%(file)s» is undone.") % {"file": found.filename})
    return redirect(_url(scope, "index"))


@organization_view(manage=True, privacy=Privacy.AGGREGATE)
@require_POST
def import_cancel(request: ScopedRequest) -> HttpResponse:
    scope = request.scope
    importing.preview_clear(request.session, scope.programme)
    messages.info(request, _("The import is cancelled: nothing was saved."))
    return redirect(_url(scope, "index"))


# --- Bulk work on the table -------------------------------------------------------------------------


def _ticked_events(scope: Scope, values: list[str]) -> list[RoadmapEvent]:
    """The ticked events of this roadmap; an event of another programme (or a made-up id) is 404."""
    try:
        ids = {int(value) for value in values}
    except ValueError as error:
        raise Http404 from error
    found = list(
        RoadmapEvent.objects.filter(programme=scope.programme, pk__in=ids)
        .select_related("programme__organization", "programme__academic_year", "section")
        .prefetch_related("periods", "responsible_users")
        .order_by("section__position", "position", "pk")
    )
    if len(found) != len(ids):
        raise Http404
    return found


def _bulk_message(request: HttpRequest, count: int) -> None:
    messages.success(
        request,
        ngettext("%(count)d event is changed.", "%(count)d events are changed.", count) % {"count": count},
    )


def _bulk_apply(request: ScopedRequest, action: str, events: list[RoadmapEvent]) -> None:
    scope = request.scope
    form = BulkEventsForm(
        request.POST,
        responsible_choices=selectors.responsible_choices(scope.programme),
        programme=scope.programme,
    )
    if not form.is_valid():
        raise RoadmapError(" ".join(str(error) for errors in form.errors.values() for error in errors))
    data = form.cleaned_data
    if action == "status":
        changed = services.events_set_status(
            actor=request.user,
            programme=scope.programme,
            events=events,
            status=data["status"] or "",
            completed_on=data["completed_on"]
            or (
                min(timezone.localdate(), scope.programme.academic_year.end_date)
                if data["status"] == "done"
                else None
            ),
        )
        _bulk_message(request, changed)
    elif action == "responsible":
        users = list(get_user_model().objects.filter(pk__in=data["responsible"] or []))
        changed = services.events_set_responsible(
            actor=request.user, programme=scope.programme, events=events, users=users
        )
        _bulk_message(request, changed)
    elif action == "move":
        result = services.events_move(
            actor=request.user,
            programme=scope.programme,
            events=events,
            days=data["days"],
            to=data["move_to"] if data["days"] is None else None,
        )
        _bulk_message(request, result.moved)
        if result.skipped:
            messages.warning(
                request,
                ngettext(
                    "%(count)d event has no dates to move (undated, yearly or on a schedule): change it by hand.",
                    "%(count)d events have no dates to move (undated, yearly or on a schedule): change them by hand.",
                    result.skipped,
                )
                % {"count": result.skipped},
            )
    elif action == "delete":
        items = services.events_trash(actor=request.user, programme=scope.programme, events=events)
        undo_remember(
            request,
            url=reverse("trash_undo", kwargs=scope.url_kwargs),
            label=_("deletion"),
            data={"items": items, "back": _url(scope, "index")},
        )
        messages.success(
            request,
            ngettext(
                "%(count)d event is deleted into the trash.",
                "%(count)d events are deleted into the trash.",
                len(items),
            )
            % {"count": len(items)},
            extra_tags="undo",
        )
    else:
        raise RoadmapError(_("Choose what to do with the ticked events."))


@organization_view(manage=True, privacy=Privacy.AGGREGATE)
@require_POST
def events_bulk(request: ScopedRequest) -> HttpResponse:
    """The action bar of the roadmap table: status, responsible, move the dates, delete (to the trash)."""
    scope = request.scope
    events = _ticked_events(scope, request.POST.getlist("event"))
    if not events:
        messages.error(request, _("Tick at least one event in the table."))
        return redirect(_url(scope, "index"))
    try:
        _bulk_apply(request, request.POST.get("action", ""), events)
    except RoadmapError as error:
        messages.error(request, str(error))
    return redirect(_url(scope, "index"))
