"""The pages of the documents.

The «Document templates» page: every generated document's Word template, to download, replace with the
school's own wording, or reset to the team's default.

The conclusions of the analytical report are written here: by a school's curator or administrator for the
school's report, by the municipal coordinator for the authority's own report. Each organisation writes only
its own: a level above never opens a school's page (404, the text is free and may name people), and a school
never reaches the authority's (404, it has no access there)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mentoring.access import MANAGERS, OVERSIGHT_ROLES, Privacy, Scope, ScopedRequest, organization_view

from ..models import AnalyticalConclusions, DocumentTemplate
from .forms import ConclusionsForm, TemplateUploadForm
from .paper import engine
from .paper.samples import sample_context
from .services import conclusions_save, template_reset, template_upload


def _spec_or_404(key: str) -> engine.TemplateSpec:
    try:
        return engine.spec_for(key)
    except KeyError as error:
        raise Http404 from error






@organization_view(roles=MANAGERS, privacy=Privacy.PERSONAL)
def templates(request: ScopedRequest) -> HttpResponse:
    scope = request.scope
    own = {
        template.key: template
        for template in DocumentTemplate.objects.filter(organization=scope.organization)
        .select_related("uploaded_by")
        .defer("content")
    }
    groups: dict[str, list] = {}
    for spec in engine.all_specs():
        groups.setdefault(spec.group, []).append({"spec": spec, "own": own.get(spec.key)})
    context = {
        "groups": [(engine.GROUP_LABELS[key], entries) for key, entries in groups.items()],
        "upload_form": TemplateUploadForm(),
    }
    return render(request, "reports/documents/templates.html", context)


@organization_view(roles=MANAGERS, privacy=Privacy.PERSONAL)
def template_download(request: ScopedRequest, key: str) -> HttpResponse:
    scope = request.scope
    spec = _spec_or_404(key)
    default = request.GET.get("default") == "1"
    own = None if default else engine.custom_template(scope.organization, key)
    content = bytes(own.content) if own is not None else engine.default_template(key)
    response = HttpResponse(content, content_type=engine.DOCX_MIME)
    name = f"shablon_{spec.key}{'_standartnyj' if own is None else ''}.docx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@organization_view(manage=True, privacy=Privacy.PERSONAL)
@require_POST
def template_upload_view(request: ScopedRequest, key: str) -> HttpResponse:
    scope = request.scope
    spec = _spec_or_404(key)
    form = TemplateUploadForm(request.POST, request.FILES)
    back = reverse("reports:templates", kwargs=scope.url_kwargs) + f"#template-{key}"
    if not form.is_valid():
        messages.error(request, _("Choose a Word file (.docx) to upload."))
        return redirect(back)
    upload = form.cleaned_data["file"]
    if upload.size > engine.MAX_TEMPLATE_BYTES:
        messages.error(request, _("The template is larger than 5 MB."))
        return redirect(back)
    content = upload.read()
    try:
        engine.check_upload(content, sample_context(spec.key, scope.programme), key=spec.key)
    except engine.TemplateProblem as problem:
        messages.error(
            request,
            _("The template «%(name)s» was not saved, the previous one is kept: %(problem)s")
            % {"name": spec.name, "problem": problem},
        )
        return redirect(back)
    template_upload(
        actor=request.user, organization=scope.organization, key=key, filename=upload.name, content=content
    )
    messages.success(
        request, _("Your template «%(name)s» is saved: new documents use it.") % {"name": spec.name}
    )
    return redirect(back)


@organization_view(manage=True, privacy=Privacy.PERSONAL)
@require_POST
def template_reset_view(request: ScopedRequest, key: str) -> HttpResponse:
    scope = request.scope
    spec = _spec_or_404(key)
    if template_reset(actor=request.user, organization=scope.organization, key=key):
        messages.success(request, _("«%(name)s» is back to the standard template.") % {"name": spec.name})
    return redirect(reverse("reports:templates", kwargs=scope.url_kwargs) + f"#template-{key}")




def may_write_conclusions(scope: Scope) -> bool:
    """Whether the user writes this organisation's conclusions: its own managers; for a municipal
    authority or a region, its own coordinator as well (it has no curator). Never a level above."""
    access = scope.access
    if access.read_only:
        return False
    if access.can_manage:
        return True
    return scope.organization.is_oversight_body and access.has_any(OVERSIGHT_ROLES)


@organization_view(privacy=Privacy.PERSONAL)
def conclusions(request: ScopedRequest) -> HttpResponse:
    scope = request.scope
    if not may_write_conclusions(scope):
        raise PermissionDenied
    instance = AnalyticalConclusions.objects.filter(programme=scope.programme).first()
    instance = instance or AnalyticalConclusions(programme=scope.programme)
    form = ConclusionsForm(request.POST or None, instance=instance)
    if request.method == "POST":
        if form.is_valid():
            conclusions_save(actor=request.user, form=form)
            messages.success(
                request, gettext("The conclusions are saved; the analytical report will use them.")
            )
            return redirect(reverse("reports:conclusions", kwargs=scope.url_kwargs))
        return render(request, "reports/documents/conclusions.html", {"scope": scope, "form": form}, status=400)
    return render(request, "reports/documents/conclusions.html", {"scope": scope, "form": form})
