"""The search box of the navigation: the school's staff find a person, a pair or an event."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from .access import Privacy, ScopedRequest, organization_view
from .models import AuditEvent, Role
from .search import search as run_search
from .services import audit_record


@organization_view(roles=[Role.ADMINISTRATOR, Role.CURATOR, Role.PSYCHOLOGIST], privacy=Privacy.PERSONAL)
def search(request: ScopedRequest) -> HttpResponse:
    scope = request.scope
    query = request.GET.get("q", "")[:100]
    results = run_search(scope.programme, query)
    if results.people or results.pairs:
        audit_record(
            actor=request.user,
            organization=scope.organization,
            action=AuditEvent.Action.VIEW,
            target_type="participants.Person",
            target_repr=_("Search"),
            people=[person.pk for person in results.people],
        )
    return render(request, "mentoring/search.html", {"results": results, "query": results.query})
