"""The curator's import of a base from Excel: template → upload → preview → confirm (or cancel).

Nothing reaches the people tables before the curator confirms: the upload and its parsed rows wait
under ``imports/<token>/`` and the session keeps only where (see ``importing.py``).
A file of more than ``importing.JOB_THRESHOLD_ROWS`` rows is imported by a background job.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from mentoring.access import Privacy, Scope, ScopedRequest, organization_view

from . import importing
from .import_template import XLSX_CONTENT_TYPE, build_template, template_filename
from .models import ImportBatch, PartnerOrganization

PREVIEW_PAGE_SIZE = 100


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Excel file (.xlsx)"),
        help_text=gettext_lazy(
            "The filled-in template, or the school's own list (a class list, a staff list, an export of the "
            "electronic journal): its columns are recognised, and you say what the others are."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = importing.max_upload_bytes()
        if upload.size > limit:
            raise forms.ValidationError(
                _("The file is too large: at most %(mb)s MB.") % {"mb": limit // 2**20}
            )
        return upload


def _url(scope: Scope, name: str, **kwargs: Any) -> str:
    return reverse(f"participants:{name}", kwargs={**scope.url_kwargs, **kwargs})


def _kind_or_404(kind: str | None) -> str:
    if kind not in importing.KINDS:
        raise Http404
    return kind


def _list_url(scope: Scope, kind: str) -> str:
    return _url(scope, "mentees" if kind == importing.MENTEES else "mentors")


@organization_view(manage=True, privacy=Privacy.PERSONAL)
@require_GET
def import_template(request: ScopedRequest) -> HttpResponse:
    scope = request.scope
    kind = _kind_or_404(request.GET.get("kind", importing.MENTEES))
    partners = []
    if kind == importing.MENTORS:
        partners = list(
            PartnerOrganization.objects.filter(organization=scope.organization).values_list("name", flat=True)
        )
    from .forms import vocabulary_names

    terms = vocabulary_names(scope.organization)
    response = HttpResponse(build_template(kind, partners, terms), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, template_filename(kind))
    return response


@organization_view(manage=True, privacy=Privacy.PERSONAL)
def import_upload(request: ScopedRequest, kind: str) -> HttpResponse:
    scope = request.scope
    kind = _kind_or_404(kind)
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = b"".join(upload.chunks())
        try:
            parsed = importing.read_file(data, kind, scope.organization)
        except importing.ImportFileError as error:
            form.add_error("file", str(error))
        else:
            importing.preview_store(
                request.session, scope.programme, filename=upload.name, data=data, parsed=parsed
            )
            if importing.unknown_columns(parsed):
                return redirect(_url(scope, "import_columns"))  # ask before the preview
            return redirect(_url(scope, "import_preview"))
    context = {
        "form": form,
        "kind": kind,
        "pending": importing.preview_load(request.session, scope.programme),
        "max_mb": importing.max_upload_bytes() // 2**20,
        "max_rows": importing.MAX_ROWS,
        "job_threshold": importing.JOB_THRESHOLD_ROWS,
        "undoable": importing.undoable_batches(scope.programme),
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "participants/import/upload.html", context, status=status)


def _options_from_post(request: HttpRequest) -> tuple[importing.SyncOptions, str]:
    """The curator's choices on the preview: a decision per possible match, leavers, empty cells.

    Returns the options and an error message (empty when the choices are valid).
    """
    post = request.POST
    decisions: dict[int, int] = {}
    for key, value in post.items():
        if key.startswith("match-") and isinstance(value, str):  # items() gives a key's last value
            try:
                decisions[int(key.removeprefix("match-"))] = int(value)
            except ValueError:
                continue
    leavers: tuple[int, ...] = ()
    left_on = None
    error = ""
    if post.get("mark_left") == "1":
        leavers = tuple(int(value) for value in post.getlist("left") if value.isdigit())
        try:
            left_on = date.fromisoformat(post.get("left_on", ""))
        except ValueError:
            error = _("Give the date the people left, for example 31.08.2026.")
        else:
            if left_on > timezone.localdate():
                error = _("The date of leaving cannot be in the future.")
    options = importing.SyncOptions(
        decisions=decisions,
        clear_empty=post.get("clear_empty") == "1",
        leavers=leavers,
        left_on=left_on,
    )
    return options, error


@organization_view(manage=True, privacy=Privacy.PERSONAL)
def import_preview(request: ScopedRequest) -> HttpResponse:
    scope = request.scope
    stored = importing.preview_load(request.session, scope.programme)
    if stored is None:
        messages.info(request, _("Upload the file first."))
        return redirect(_url(scope, "import_upload", kind=importing.MENTEES))
    status = 200
    if request.method == "POST" and request.POST.get("action") in ("confirm", "apply"):
        options, error = _options_from_post(request)
        if error:
            messages.error(request, error)
            status = 400
        else:
            stored.save_options(options)
            if request.POST["action"] == "apply":
                return redirect(_url(scope, "import_preview") + "?show=all")
            response = _confirm(request, stored, only_valid=request.POST.get("only_valid") == "1")
            if response is not None:
                return response
            status = 400
    plan = importing.plan_import(stored.parsed(), scope.programme, stored.options())
    show = request.GET.get("show")
    if show not in (*importing.STATUSES, importing.POSSIBLE):  # «all», or the first visit: errors first
        show = importing.ERROR if show != "all" and plan.counts[importing.ERROR] else None
    page = Paginator(plan.rows_with(show), PREVIEW_PAGE_SIZE).get_page(request.GET.get("page"))
    chosen_leavers = set(plan.options.leavers)
    context = {
        "stored": stored,
        "plan": plan,
        "counts": plan.counts,
        "show": show,
        "page": page,
        "possible_rows": plan.rows_with(importing.POSSIBLE),
        "leavers": [
            (leaver, not plan.options.leavers or leaver.profile_id in chosen_leavers)
            for leaver in plan.leavers
        ],
        "left_on": plan.left_on,
        "filters": [
            (None, _("All rows"), len(plan.rows)),
            *((status, _status_label(status), plan.counts[status]) for status in importing.STATUSES),
            (importing.POSSIBLE, _("Possibly the same person"), plan.possible_count),
        ],
        "undoable": importing.undoable_batches(scope.programme),
    }
    return render(request, "participants/import/preview.html", context, status=status)


@organization_view(manage=True, privacy=Privacy.PERSONAL)
def import_columns(request: ScopedRequest) -> HttpResponse:
    """The mapping step: every column of the file with what it is read as; the curator maps the rest."""
    scope = request.scope
    stored = importing.preview_load(request.session, scope.programme)
    if stored is None:
        messages.info(request, _("Upload the file first."))
        return redirect(_url(scope, "import_upload", kind=importing.MENTEES))
    parsed = stored.parsed()
    choices = importing.mapping_choices(stored.kind)
    allowed = {value for value, _label in choices}
    columns = parsed.layout.get("columns", [])
    error = ""
    if request.method == "POST":
        mapping: dict[str, str] = {}
        for column in columns:
            chosen = request.POST.get(f"column-{column['key']}", "")
            if chosen not in allowed:
                error = _("Choose what every column is: a field from the list or «do not import».")
                break
            if chosen != importing.current_choice(column):
                mapping[column["key"]] = chosen
        if not error:
            try:
                reparsed = importing.read_file(
                    stored.data(),
                    stored.kind,
                    scope.organization,
                    mapping=importing.merged_mapping(parsed, mapping),
                )
            except importing.ImportFileError as problem:
                error = str(problem)
            else:
                importing.mapping_remember(organization=scope.organization, kind=stored.kind, mapping=mapping)
                importing.preview_store(
                    request.session,
                    scope.programme,
                    filename=stored.filename,
                    data=stored.data(),
                    parsed=reparsed,
                )
                return redirect(_url(scope, "import_preview"))
    context = {
        "stored": stored,
        "parsed": parsed,
        "columns": [{**column, "choice": importing.current_choice(column)} for column in columns],
        "choices": choices,
        "unknown": importing.unknown_columns(parsed),
        "error": error,
    }
    return render(
        request, "participants/import/columns.html", context, status=400 if request.method == "POST" else 200
    )


def _status_label(status: str) -> str:
    return {
        importing.NEW: _("New"),
        importing.UPDATED: _("Updated"),
        importing.UNCHANGED: _("Unchanged"),
        importing.ERROR: _("With errors"),
    }[status]


def _confirm(
    request: ScopedRequest, stored: importing.StoredPreview, *, only_valid: bool
) -> HttpResponse | None:
    """Save (or start the job); None when the preview must be shown again with a message."""
    scope = request.scope
    options = stored.options()
    if stored.runs_as_job:
        plan = importing.plan_import(stored.parsed(), scope.programme, options)
        if plan.counts[importing.ERROR] and not only_valid:
            messages.error(request, str(importing.ImportBlocked(plan)))
            return None
        job = importing.import_start_job(
            actor=request.user, scope=scope, stored=stored, only_valid=only_valid
        )
        importing.preview_forget(request.session, scope.programme)
        return redirect(reverse("job_detail", kwargs={"job": job.pk, **scope.url_kwargs}))
    try:
        result = importing.import_save(
            actor=request.user,
            programme=scope.programme,
            parsed=stored.parsed(),
            only_valid=only_valid,
            filename=stored.filename,
            options=options,
        )
    except (importing.ImportBlocked, importing.ImportFileError) as error:
        messages.error(request, str(error))
        return None
    importing.preview_clear(request.session, scope.programme)
    summary = result.summary()
    if result.batch_id is not None:
        summary += " " + _("The import can be undone within a day on the import page.")
    messages.success(request, summary)
    return redirect(_list_url(scope, stored.kind))


@organization_view(manage=True, privacy=Privacy.PERSONAL)
@require_POST
def import_undo(request: ScopedRequest, base_import: int) -> HttpResponse:
    """Undo a saved import of a base in one step (within the undo window)."""
    scope = request.scope
    found = get_object_or_404(ImportBatch, pk=base_import, programme=scope.programme)
    try:
        importing.import_undo(actor=request.user, programme=scope.programme, batch_id=found.pk)
    except importing.UndoRefused as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The import is undone: the base is as it was before it."))
    return redirect(
        _url(scope, "import_upload", kind=found.kind if found.kind in importing.KINDS else importing.MENTEES)
    )


@organization_view(manage=True, privacy=Privacy.PERSONAL)
@require_POST
def import_cancel(request: ScopedRequest) -> HttpResponse:
    scope = request.scope
    stored = importing.preview_load(request.session, scope.programme)
    importing.preview_clear(request.session, scope.programme)
    messages.info(request, _("The import is cancelled: nothing was saved."))
    kind = stored.kind if stored is not None else importing.MENTEES
    return redirect(_url(scope, "import_upload", kind=kind))


import_urlpatterns: list = [
    path("import/template/", import_template, name="import_template"),
    path("import/preview/", import_preview, name="import_preview"),
    path("import/columns/", import_columns, name="import_columns"),
    path("import/cancel/", import_cancel, name="import_cancel"),
    path("import/undo/<int:base_import>/", import_undo, name="import_undo"),
    path("import/<str:kind>/", import_upload, name="import_upload"),
]
