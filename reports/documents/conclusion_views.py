"""The conclusions of the analytical report are written here (``conclusion_urlpatterns``): by a school's
curator or administrator for the school's report, by the municipal coordinator for the authority's own
report. Each organisation writes only its own: a level above never opens a school's page (404, the text is
free and may name people), and a school never reaches the authority's (404, it has no access there)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext

from mentoring.access import OVERSIGHT_ROLES, Privacy, Scope, ScopedRequest, organization_view
from mentoring.models import AuditEvent
from mentoring.services import audit_record

from ..models import AnalyticalConclusions

FIELDS = ["achievements", "problems", "conclusions", "next_year"]


class ConclusionsForm(forms.ModelForm):
    class Meta:
        model = AnalyticalConclusions
        fields = FIELDS
        widgets = {name: forms.Textarea(attrs={"rows": 5}) for name in FIELDS}


@transaction.atomic
def conclusions_save(*, actor, form: ConclusionsForm) -> AnalyticalConclusions:
    created = form.instance.pk is None
    saved = form.save(commit=False)
    saved.updated_by = actor
    saved.save()
    audit_record(
        actor=actor,
        organization=saved.programme.organization,
        action=AuditEvent.Action.CREATE if created else AuditEvent.Action.UPDATE,
        target=saved,
        changes={"fields": form.changed_data},
    )
    return saved


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
        return render(request, "reports/conclusions.html", {"scope": scope, "form": form}, status=400)
    return render(request, "reports/conclusions.html", {"scope": scope, "form": form})


conclusion_urlpatterns = [path("conclusions/", conclusions, name="conclusions")]
