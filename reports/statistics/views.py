"""The page where an administrator lays out the РНЦ statistics table of the region or the school.

``statistics/urls.py`` routes it; ``reports/urls.py`` includes that (namespace ``reports``).
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from mentoring.access import MANAGERS, OVERSIGHT_ROLES, Privacy, Scope, ScopedRequest, organization_view

from . import calc as statistics
from .forms import (
    ColumnForm,
    LayoutNameForm,
    RowChoices,
    RowForm,
    breakdown_choices,
)
from .selectors import (
    layout_with_source,
    programmes_in_scope,
    statistics_facts,
)
from .services import layout_reset, layout_save

EDITORS = frozenset({*MANAGERS, *OVERSIGHT_ROLES})


















RowFormSet = forms.formset_factory(RowForm, extra=2, can_delete=True, can_order=True, max_num=200)
ColumnFormSet = forms.formset_factory(ColumnForm, extra=2, can_delete=True, can_order=True, max_num=60)


def _ordered(formset) -> list[dict]:
    kept = [form for form in formset.forms if form.has_changed() and not formset._should_delete_form(form)]
    return [form.cleaned_data for form in sorted(kept, key=lambda form: form.cleaned_data.get("ORDER") or 0)]


def _may_edit(scope: Scope) -> bool:
    return not scope.access.read_only and scope.access.has_any(EDITORS)


def _preview(layout: statistics.Layout, programmes) -> statistics.Result:
    facts = statistics_facts(programmes)
    return statistics.total(layout, list(statistics.compute_many(layout, facts).values()))


@organization_view(roles=EDITORS, privacy=Privacy.AGGREGATE)
def layout_edit(request: ScopedRequest) -> HttpResponse:
    scope = request.scope
    if not _may_edit(scope):
        raise PermissionDenied
    programmes = programmes_in_scope(scope)
    layout, name, source = layout_with_source(scope.organization, programmes)
    # the choices are read once for every line of the formsets
    row_kwargs = {"choices": RowChoices.read()}
    column_kwargs = {"choices": breakdown_choices()}
    own = source is not None and source.organization_id == scope.organization.pk
    initial_rows = [
        {"label": r.label, "measure": r.measure, "filter": r.filter, "percent_of": r.percent_of}
        for r in layout.rows
    ]
    initial_columns = [{"label": c.label, "breakdown": c.breakdown} for c in layout.columns]
    status = 200
    if request.method == "POST":
        name_form = LayoutNameForm(request.POST)
        rows = RowFormSet(request.POST, prefix="rows", form_kwargs=row_kwargs)
        columns = ColumnFormSet(request.POST, prefix="columns", form_kwargs=column_kwargs)
        if name_form.is_valid() and rows.is_valid() and columns.is_valid():
            new_layout = statistics.Layout(
                rows=tuple(
                    statistics.Row(
                        data["label"],
                        data["measure"],
                        data.get("filter") or "",
                        data.get("percent_of") or "",
                    )
                    for data in _ordered(rows)
                ),
                columns=tuple(statistics.Column(data["label"], data["code"]) for data in _ordered(columns)),
            )
            try:
                layout_save(
                    actor=request.user,
                    organization=scope.organization,
                    name=name_form.cleaned_data["name"],
                    layout=new_layout,
                )
            except statistics.LayoutError as error:
                for message in error.messages:
                    name_form.add_error(None, message)
            else:
                messages.success(request, gettext("The statistics template is saved."))
                return redirect(reverse("reports:statistics_layout", kwargs=scope.url_kwargs))
        status = 400
    else:
        name_form = LayoutNameForm(initial={"name": name})
        rows = RowFormSet(prefix="rows", initial=initial_rows, form_kwargs=row_kwargs)
        columns = ColumnFormSet(prefix="columns", initial=initial_columns, form_kwargs=column_kwargs)
    preview = _preview(layout, programmes)
    return render(
        request,
        "reports/statistics/layout.html",
        {
            "scope": scope,
            "name_form": name_form,
            "rows": rows,
            "columns": columns,
            "layout_name": name,
            "own": own,
            "inherited": source is not None and not own,
            "preview": preview,
            "preview_rows": list(zip(preview.layout.rows, preview.cells, strict=True)),
        },
        status=status,
    )


@organization_view(roles=EDITORS, privacy=Privacy.AGGREGATE)
@require_POST
def layout_reset_view(request: ScopedRequest) -> HttpResponse:
    scope = request.scope
    if not _may_edit(scope):
        raise PermissionDenied
    layout_reset(actor=request.user, organization=scope.organization)
    messages.success(request, gettext("The organisation's own template is removed."))
    return redirect(reverse("reports:statistics_layout", kwargs=scope.url_kwargs))
