"""Forms of the individual plan."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from mentoring.files import validate_document

from ..models import PlanTask


def date_widget() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class GoalsForm(forms.Form):
    goals = forms.CharField(
        label=_("Goals of the plan"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What the pair wants to achieve by the end of the programme, one goal per line."),
    )


class TaskForm(forms.Form):
    activity = forms.CharField(label=_("Activity"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)
    work_form = forms.CharField(
        label=_("Form of work"),
        required=False,
        max_length=300,
        help_text=_("For example: consultation, joint project, lesson observation."),
    )
    deadline = forms.DateField(label=_("Deadline"), required=False, widget=date_widget())
    expected_result = forms.CharField(
        label=_("Expected result"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    @classmethod
    def initial_for(cls, task: PlanTask) -> dict:
        return {
            field: getattr(task, field) for field in ("activity", "work_form", "deadline", "expected_result")
        }


class TaskDoneForm(forms.Form):
    done_on = forms.DateField(label=_("Done on"), widget=date_widget())
    evidence = forms.CharField(
        label=_("Evidence: a reference or a link"),
        required=False,
        max_length=500,
        help_text=_("For example: «Протокол № 3 от 12.11.2025» or a link to a publication."),
    )
    evidence_file = forms.FileField(
        label=_("File (optional)"), required=False, validators=[validate_document]
    )


class ApproveForm(forms.Form):
    order_number = forms.CharField(label=_("Order number"), max_length=100)
    order_date = forms.DateField(label=_("Order date"), widget=date_widget())
