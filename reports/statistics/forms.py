"""The forms of the statistics layout page: the choices of a row's measure and filter, a column's breakdown."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from mentoring.typing_helpers import StrOrPromise, choice_field
from pairing.models import MentoringForm
from participants.models import Person

from . import calc as statistics
from .selectors import (
    category_labels,
)

# A choice (value, label) and a named group of them, as a select's choices list holds them.
Choice = tuple[str, StrOrPromise]
ChoiceGroup = tuple[StrOrPromise, Sequence[Choice]]
Choices = list[Choice | ChoiceGroup]


def measure_choices() -> list[Choice]:
    return [
        ("mentees", _("Mentees")),
        ("mentors", _("Mentors")),
        ("participants", _("Mentors and mentees")),
        ("pairs_active", _("Active pairs and groups")),
        ("pairs_completed", _("Completed pairs and groups")),
        ("pairs_all", _("All pairs and groups of the year")),
    ]


def group_choices() -> list[Choice]:
    labels = {
        "staff": _("teachers and other staff"),
        "learners": _("learners (pupils, college and university students)"),
        "partners": _("partners' employees"),
        "others": _("parents, graduates and others"),
    }
    return [(f"group:{key}", labels[key]) for key in statistics.PEOPLE_GROUPS]


def filter_choices() -> Choices:
    labels = category_labels()
    return [
        ("", _("everyone")),
        ("young_teacher", _("young teachers (under 35)")),
        (_("Group of people (the groups add up to the total)"), group_choices()),
        (_("Category"), [(f"category:{key}", labels[key]) for key in statistics.CATEGORIES]),
        (_("Who the person is"), [(f"kind:{value}", label) for value, label in Person.Kind.choices]),
    ]


def percent_choices() -> Choices:
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


def breakdown_choices() -> Choices:
    labels = category_labels()
    forms_of_mentoring: list[Choice] = [
        (f"form:{form.key}", form.name) for form in MentoringForm.objects.filter(is_active=True)
    ]
    forms_of_mentoring.append((statistics.UNPAIRED, _("not in pairs")))
    return [
        ("total", _("Total")),
        (_("Form of mentoring"), forms_of_mentoring),
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


@dataclass(frozen=True)
class RowChoices:
    """The choices of a row's selects, read once for every line of a formset."""

    measure: list[Choice]
    filter: Choices
    percent_of: Choices

    @classmethod
    def read(cls) -> RowChoices:
        return cls(measure=measure_choices(), filter=filter_choices(), percent_of=percent_choices())


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

    def __init__(self, *args: Any, choices: RowChoices | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = choices or RowChoices.read()
        choice_field(self, "measure").choices = choices.measure
        choice_field(self, "filter").choices = choices.filter
        choice_field(self, "percent_of").choices = choices.percent_of
        for name in ("measure", "filter", "percent_of"):  # a table cell has no <label>: the column names it
            self.fields[name].widget.attrs["aria-label"] = self.fields[name].label


class ColumnForm(forms.Form):
    label = forms.CharField(label=_("Column"), max_length=300)
    breakdown = forms.ChoiceField(
        label=_("Breakdown"), widget=forms.Select(attrs={"class": "form-select form-select-sm"})
    )
    age_from = forms.IntegerField(label=_("age from"), required=False, min_value=0, max_value=120)
    age_to = forms.IntegerField(label=_("age to"), required=False, min_value=0, max_value=120)

    def __init__(self, *args: Any, choices: Choices | None = None, **kwargs: Any) -> None:
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
        choice_field(self, "breakdown").choices = choices or breakdown_choices()
        self.fields["breakdown"].widget.attrs["aria-label"] = self.fields["breakdown"].label

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
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
