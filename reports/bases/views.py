"""The curator's page that chooses and orders the columns of the exported bases.

``bases/urls.py`` routes it; ``reports/urls.py`` includes that (namespace ``reports``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext

from mentoring.access import Privacy, ScopedRequest, organization_view

from ..models import BaseColumnSet, BaseKind
from .forms import ColumnChoiceForm
from .reports import selected_columns
from .services import column_set_save

if TYPE_CHECKING:
    from django.http import QueryDict

    from mentoring.access import Scope


def _form(kind: str, scope: Scope, data: QueryDict | None = None) -> ColumnChoiceForm:
    current = [column.key for column in selected_columns(scope.organization, kind)]
    return ColumnChoiceForm(data, kind=kind, current=current)


@organization_view(manage=True, privacy=Privacy.AGGREGATE)
def columns(request: ScopedRequest) -> HttpResponse:
    scope = request.scope
    forms_by_kind = dict.fromkeys(BaseKind.values)
    status = 200
    if request.method == "POST":
        kind = request.POST.get("kind", "")
        if kind not in forms_by_kind:
            status = 400
        elif "reset" in request.POST:
            column_set_save(actor=request.user, organization=scope.organization, kind=kind, columns=[])
            messages.success(request, gettext("The columns are back to the default."))
            return redirect(reverse("reports:columns", kwargs=scope.url_kwargs))
        else:
            form = _form(kind, scope, data=request.POST)
            if form.is_valid():
                column_set_save(
                    actor=request.user, organization=scope.organization, kind=kind, columns=form.chosen()
                )
                messages.success(request, gettext("The columns are saved."))
                return redirect(reverse("reports:columns", kwargs=scope.url_kwargs))
            forms_by_kind[kind] = form
            status = 400
    customised = set(
        BaseColumnSet.objects.filter(organization=scope.organization).values_list("kind", flat=True)
    )
    entries = [
        (kind, BaseKind(kind).label, form or _form(kind, scope), kind in customised)
        for kind, form in forms_by_kind.items()
    ]
    return render(request, "reports/columns/edit.html", {"entries": entries}, status=status)
