"""The page where an administrator lays out the РНЦ statistics table of the region or the school.

``statistics_urlpatterns`` is included by ``reports/urls.py`` (namespace ``reports``).
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from mentoring.access import MANAGERS, OVERSIGHT_ROLES, Privacy, Scope, ScopedRequest, organization_view
from pairing.models import MentoringForm
from participants.models import Person

from . import calc as statistics
from .selectors import (
    category_labels,
    layout_reset,
    layout_save,
    layout_with_source,
    programmes_in_scope,
    statistics_facts,
)

EDITORS = frozenset({*MANAGERS, *OVERSIGHT_ROLES})


def measure_choices() -> list[tuple[str, str]]:
    return [
        ("mentees", _("Mentees")),
        ("mentors", _("Mentors")),
        ("participants", _("Mentors and mentees")),
        ("pairs_active", _("Active pairs and groups")),
        ("pairs_completed", _("Completed pairs and groups")),
        ("pairs_all", _("All pairs and groups of the year")),
    ]


def group_choices() -> list[tuple[str, str]]:
    labels = {
        "staff": _("teachers and other staff"),
        "learners": _("learners (pupils, college and university students)"),
        "partners": _("partners' employees"),
        "others": _("parents, graduates and others"),
    }
    return [(f"group:{key}", labels[key]) for key in statistics.PEOPLE_GROUPS]


def filter_choices() -> list[tuple[str, object]]:
    labels = category_labels()
    return [
        ("", _("everyone")),
        ("young_teacher", _("young teachers (under 35)")),
        (_("Group of people (the groups add up to the total)"), group_choices()),
        (_("Category"), [(f"category:{key}", labels[key]) for key in statistics.CATEGORIES]),
        (_("Who the person is"), [(f"kind:{value}", label) for value, label in Person.Kind.choices]),
    ]


def percent_choices() -> list[tuple[str, object]]:
    return [
        ("", _("a number, not a percentage")),
        (
            _("Coverage: percent of the contingent"),
            [
                ("pupils", _("of all learners")),
                ("pupils_ovz", _("of learners with ОВЗ or disability")),
                ("teachers", _("of all teachers")),
                ("young_teachers", _("of teachers under 35")),
            ],
        ),
        (
            _("Share: percent of the same column"),
            [(code, _("of «%(measure)s»") % {"measure": label}) for code, label in measure_choices()],
        ),
    ]


def breakdown_choices() -> list[tuple[str, object]]:
    labels = category_labels()
    return [
        ("total", _("Total")),
        (
            _("Form of mentoring"),
            [
                *[(f"form:{form.key}", form.name) for form in MentoringForm.objects.filter(is_active=True)],
                (statistics.UNPAIRED, _("not in pairs")),
            ],
        ),
        (
            _("Age"),
            [("age", _("Age band (give from / to)")), ("age:none", _("age not given"))],
        ),
        (_("Group of people"), group_choices()),
        (_("Who the person is"), [(f"kind:{value}", label) for value, label in Person.Kind.choices]),
        (_("Category"), [(f"category:{key}", labels[key]) for key in statistics.CATEGORIES]),
    ]


class LayoutNameForm(forms.Form):
    name = forms.CharField(label=_("Name of the template"), max_length=300)


class RowForm(forms.Form):
    label = forms.CharField(label=_("Row"), max_length=300)
    measure = forms.ChoiceField(
        label=_("What is counted"), widget=forms.Select(attrs={"class": "form-select form-select-sm"})
    )
    filter = forms.ChoiceField(
        label=_("Only"), required=False, widget=forms.Select(attrs={"class": "form-select form-select-sm"})
    )
    percent_of = forms.ChoiceField(
        label=_("Percent of"),
        required=False,
        widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
    )

    def __init__(self, *args, choices: dict | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        choices = choices or {}
        self.fields["measure"].choices = choices.get("measure") or measure_choices()
        self.fields["filter"].choices = choices.get("filter") or filter_choices()
        self.fields["percent_of"].choices = choices.get("percent_of") or percent_choices()
        for name in ("measure", "filter", "percent_of"):  # a table cell has no <label>: the column names it
            self.fields[name].widget.attrs["aria-label"] = self.fields[name].label


class ColumnForm(forms.Form):
    label = forms.CharField(label=_("Column"), max_length=300)
    breakdown = forms.ChoiceField(
        label=_("Breakdown"), widget=forms.Select(attrs={"class": "form-select form-select-sm"})
    )
    age_from = forms.IntegerField(label=_("age from"), required=False, min_value=0, max_value=120)
    age_to = forms.IntegerField(label=_("age to"), required=False, min_value=0, max_value=120)

    def __init__(self, *args, choices: list | None = None, **kwargs) -> None:
        initial = kwargs.get("initial") or {}
        code = initial.get("breakdown", "")
        if code.startswith("age:"):
            low, _sep, high = code[4:].partition("-")
            kwargs["initial"] = {
                **initial,
                "breakdown": "age",
                "age_from": low or None,
                "age_to": high or None,
            }
        super().__init__(*args, **kwargs)
        self.fields["breakdown"].choices = choices or breakdown_choices()
        self.fields["breakdown"].widget.attrs["aria-label"] = self.fields["breakdown"].label

    def clean(self):
        data = super().clean()
        if data.get("breakdown") == "age":
            low, high = data.get("age_from"), data.get("age_to")
            if low is None and high is None:
                raise forms.ValidationError(gettext("Give at least one bound of the age band."))
            if low is not None and high is not None and low > high:
                raise forms.ValidationError(gettext("The age band starts after it ends."))
            data["code"] = f"age:{'' if low is None else low}-{'' if high is None else high}"
        else:
            data["code"] = data.get("breakdown", "")
        return data


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
    row_choices = {"measure": measure_choices(), "filter": filter_choices(), "percent_of": percent_choices()}
    row_kwargs = {"form_kwargs": {"choices": row_choices}}
    column_kwargs = {"form_kwargs": {"choices": breakdown_choices()}}
    own = source is not None and source.organization_id == scope.organization.pk
    initial_rows = [
        {"label": r.label, "measure": r.measure, "filter": r.filter, "percent_of": r.percent_of}
        for r in layout.rows
    ]
    initial_columns = [{"label": c.label, "breakdown": c.breakdown} for c in layout.columns]
    status = 200
    if request.method == "POST":
        name_form = LayoutNameForm(request.POST)
        rows = RowFormSet(request.POST, prefix="rows", **row_kwargs)
        columns = ColumnFormSet(request.POST, prefix="columns", **column_kwargs)
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
        rows = RowFormSet(prefix="rows", initial=initial_rows, **row_kwargs)
        columns = ColumnFormSet(prefix="columns", initial=initial_columns, **column_kwargs)
    preview = _preview(layout, programmes)
    return render(
        request,
        "reports/statistics_layout.html",
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


statistics_urlpatterns = [
    path("statistics-layout/", layout_edit, name="statistics_layout"),
    path("statistics-layout/reset/", layout_reset_view, name="statistics_layout_reset"),
]
