"""The curator's page that chooses and orders the columns of the exported bases.

``column_urlpatterns`` is included by ``reports/urls.py`` (namespace ``reports``).
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from mentoring.access import Privacy, ScopedRequest, organization_view

from ..models import BaseColumnSet, BaseKind
from .reports import catalogue, column_set_save, selected_columns


class ColumnChoiceForm(forms.Form):
    """For every column of a base: whether it is written and its place (1, 2, 3…)."""

    def __init__(self, *args, kind: str, current: list[str], **kwargs) -> None:
        kwargs.setdefault("prefix", kind)
        super().__init__(*args, **kwargs)
        self.kind = kind
        self.columns = catalogue(kind)
        count = len(self.columns)
        chosen = [key for key in current if key in {column.key for column in self.columns}]
        rest = [column.key for column in self.columns if column.key not in chosen]
        positions = {key: index for index, key in enumerate(chosen + rest, start=1)}
        for column in self.columns:
            self.fields[f"use_{column.key}"] = forms.BooleanField(
                label=column.header, required=False, initial=column.key in chosen
            )
            self.fields[f"position_{column.key}"] = forms.IntegerField(
                label=_("Place of «%(column)s»") % {"column": column.header},
                required=False,
                min_value=1,
                max_value=count,
                initial=positions[column.key],
            )

    @property
    def rows(self) -> list[tuple[object, forms.BoundField, forms.BoundField]]:
        return [
            (column.header, self[f"use_{column.key}"], self[f"position_{column.key}"])
            for column in self.columns
        ]

    def clean(self):
        super().clean()
        data = self.cleaned_data
        if not any(data.get(f"use_{column.key}") for column in self.columns):
            raise forms.ValidationError(_("Choose at least one column."))
        return data

    def chosen(self) -> list[str]:
        """The chosen keys ordered by place; equal places keep the catalogue order."""
        data = self.cleaned_data
        order = {column.key: index for index, column in enumerate(self.columns)}
        keys = [column.key for column in self.columns if data.get(f"use_{column.key}")]
        last = len(self.columns) + 1
        return sorted(keys, key=lambda key: (data.get(f"position_{key}") or last, order[key]))


def _form(kind: str, scope, data=None) -> ColumnChoiceForm:
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
            return redirect("reports:columns", **scope.url_kwargs)
        else:
            form = _form(kind, scope, data=request.POST)
            if form.is_valid():
                column_set_save(
                    actor=request.user, organization=scope.organization, kind=kind, columns=form.chosen()
                )
                messages.success(request, gettext("The columns are saved."))
                return redirect("reports:columns", **scope.url_kwargs)
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


column_urlpatterns = [
    path("columns/", columns, name="columns"),
]
