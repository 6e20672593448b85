"""Pages of the cases (best practices): the curator writes them; the curator, the administrator and the
pair's own mentors read them. A photo left out of publication: the curator and its uploader only."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mentoring.access import Privacy, Scope, ScopedRequest, organization_view
from mentoring.auditing import audit_page_read
from mentoring.files import attachment_response
from mentoring.models import AuditEvent

from ..models import Case, CasePhoto
from . import selectors, services
from .forms import CaseForm, CasePhotoForm
from .services import CaseError


def _url(scope: Scope, name: str, **kwargs: Any) -> str:
    return reverse(f"monitoring:{name}", kwargs={**scope.url_kwargs, **kwargs})


def _case_or_404(scope: Scope, case: int) -> Case:
    return get_object_or_404(
        Case.objects.select_related("programme__organization"), programme=scope.programme, pk=case
    )


@organization_view(privacy=Privacy.PERSONAL)
def case_list(request: ScopedRequest) -> HttpResponse:
    cases = selectors.visible_case_list(request.scope.programme, request.user, request.scope.access)
    return render(
        request,
        "monitoring/cases/list.html",
        {"cases": cases, "left_out": sum(len(view.left_out) + view.hidden_photos for view in cases)},
    )


@organization_view(privacy=Privacy.PERSONAL)
def case_detail(request: ScopedRequest, case: int) -> HttpResponse:
    view = selectors.visible_case_detail(request.scope.programme, case, request.user, request.scope.access)
    if view is None:
        raise Http404
    audit_page_read(request, "monitoring.Case", view.case.pk)
    return render(request, "monitoring/cases/detail.html", {"view": view, "case": view.case})


def _case_form_page(request: ScopedRequest, found: Case | None) -> HttpResponse:
    scope = request.scope
    initial = {}
    if found is not None:
        initial = {"title": found.title, "group": found.group_id, "form": found.form_id, "story": found.story}
    elif request.GET.get("group", "").isdigit():
        initial = {"group": int(request.GET["group"])}
    form = CaseForm(request.POST or None, programme=scope.programme, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if found is None:
                found = services.case_create(
                    actor=request.user, programme=scope.programme, **form.cleaned_data
                )
                messages.success(request, _("The case is saved."))
            else:
                services.case_update(actor=request.user, case=found, **form.cleaned_data)
                messages.success(request, _("Saved."))
        except CaseError as error:
            form.add_error(None, str(error))
        else:
            return redirect(_url(scope, "case_detail", case=found.pk))
    status = 400 if request.method == "POST" else 200
    return render(request, "monitoring/cases/form.html", {"form": form, "case": found}, status=status)


@organization_view(manage=True, privacy=Privacy.PERSONAL)
def case_create(request: ScopedRequest) -> HttpResponse:
    return _case_form_page(request, None)


@organization_view(manage=True, privacy=Privacy.PERSONAL)
def case_edit(request: ScopedRequest, case: int) -> HttpResponse:
    return _case_form_page(request, _case_or_404(request.scope, case))


@organization_view(manage=True, privacy=Privacy.PERSONAL)
@require_POST
def case_delete(request: ScopedRequest, case: int) -> HttpResponse:
    found = _case_or_404(request.scope, case)
    services.case_delete(actor=request.user, case=found)
    messages.success(request, _("The case is deleted."))
    return redirect(_url(request.scope, "cases"))


@organization_view(manage=True, privacy=Privacy.PERSONAL)
def photo_create(request: ScopedRequest, case: int) -> HttpResponse:
    scope = request.scope
    found = _case_or_404(scope, case)
    initial = {}
    if found.group is not None:
        initial["people"] = list(found.group.members.values_list("person_id", flat=True))
    form = CasePhotoForm(
        request.POST or None, request.FILES or None, programme=scope.programme, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.case_photo_add(
                actor=request.user,
                case=found,
                image=form.cleaned_data["image"],
                caption=form.cleaned_data["caption"],
                people=list(form.cleaned_data["people"]),
            )
        except CaseError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The photo is added."))
            return redirect(_url(scope, "case_detail", case=found.pk))
    status = 400 if request.method == "POST" else 200
    return render(request, "monitoring/cases/photo_form.html", {"form": form, "case": found}, status=status)


def _photo_or_404(scope: Scope, case: int, photo: int) -> CasePhoto:
    return get_object_or_404(
        CasePhoto.objects.select_related("case__programme__organization"),
        case__programme=scope.programme,
        case_id=case,
        pk=photo,
    )


@organization_view(privacy=Privacy.PERSONAL)
def photo_image(request: ScopedRequest, case: int, photo: int) -> HttpResponseBase:
    """The photo itself: media files are not public; whoever sees the case and may see this photo gets it."""
    scope = request.scope
    view = selectors.visible_case_detail(scope.programme, case, request.user, scope.access)
    if view is None or all(verdict.photo.pk != photo for verdict in view.photos):
        raise Http404
    found = _photo_or_404(scope, case, photo)
    people = found.people.values_list("pk", flat=True)
    audit_page_read(request, "monitoring.CasePhoto", found.pk, people, action=AuditEvent.Action.DOWNLOAD)
    # an attachment still shows in <img>; a photo of people is personal data: no-store
    return attachment_response(found.image)


@organization_view(manage=True, privacy=Privacy.PERSONAL)
@require_POST
def photo_delete(request: ScopedRequest, case: int, photo: int) -> HttpResponse:
    found = _photo_or_404(request.scope, case, photo)
    services.case_photo_delete(actor=request.user, photo=found)
    messages.success(request, _("The photo is deleted."))
    return redirect(_url(request.scope, "case_detail", case=case))
