"""The «Document templates» page (``template_urlpatterns``): every generated document's Word template,
to download, replace with the school's own wording, or reset to the team's default."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from mentoring.access import MANAGERS, Privacy, ScopedRequest, organization_view
from mentoring.models import AuditEvent
from mentoring.services import audit_record

from ..models import DocumentTemplate
from .paper import engine
from .paper.samples import sample_context


class TemplateUploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Your template (.docx)"))


def _spec_or_404(key: str) -> engine.TemplateSpec:
    try:
        return engine.spec_for(key)
    except KeyError as error:
        raise Http404 from error


@transaction.atomic
def template_upload(*, actor, organization, key: str, filename: str, content: bytes) -> DocumentTemplate:
    """Keep the school's template for a document, replacing an earlier one; audited."""
    found, created = DocumentTemplate.objects.update_or_create(
        organization=organization,
        key=key,
        defaults={"filename": filename[:300], "content": content, "uploaded_by": actor},
    )
    audit_record(
        actor=actor,
        organization=organization,
        action=AuditEvent.Action.CREATE if created else AuditEvent.Action.UPDATE,
        target=found,
        changes=["content"],
        details={"key": key, "bytes": len(content)},
    )
    return found


@transaction.atomic
def template_reset(*, actor, organization, key: str) -> bool:
    found = DocumentTemplate.objects.filter(organization=organization, key=key).first()
    if found is None:
        return False
    audit_record(
        actor=actor,
        organization=organization,
        action=AuditEvent.Action.DELETE,
        target=found,
        changes={"key": key},
    )
    found.delete()
    return True


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
    return render(request, "reports/templates.html", context)


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


template_urlpatterns = [
    path("templates/", templates, name="templates"),
    path("templates/<slug:key>/download/", template_download, name="template_download"),
    path("templates/<slug:key>/upload/", template_upload_view, name="template_upload"),
    path("templates/<slug:key>/reset/", template_reset_view, name="template_reset"),
]
