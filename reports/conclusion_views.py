"""The curator writes the conclusions of the analytical report here (``conclusion_urlpatterns``)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext

from mentoring.access import Privacy, organization_view
from mentoring.models import AuditEvent
from mentoring.services import audit_record

from .models import AnalyticalConclusions

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


@organization_view(manage=True, privacy=Privacy.AGGREGATE)
def conclusions(request: HttpRequest) -> HttpResponse:
    scope = request.scope
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
