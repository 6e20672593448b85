"""Forms of the meeting diary."""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mentoring.typing_helpers import model_choice_field

from ..models import Meeting
from ..plans.forms import date_widget

DURATIONS = (30, 45, 60, 90)


class PersonChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.full_name}, {obj.group_name}" if obj.group_name else obj.full_name


class TaskChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        text = obj.activity if len(obj.activity) <= 120 else obj.activity[:119] + "…"
        if obj.deadline:
            text += f" ({obj.deadline:%d.%m.%Y})"
        return text


class MeetingForm(forms.Form):
    """One short form, built for a phone: most fields are pre-filled or tapped."""

    date = forms.DateField(label=_("Date"), widget=date_widget())
    kind = forms.ChoiceField(label=_("Type"), choices=Meeting.Kind.choices)
    # Radio buttons: the template draws each choice as a tappable button (the label of a hidden radio),
    # which needs the radios' ids; a select's options have none, and every label pointed at "None".
    format = forms.ChoiceField(
        label=_("Format"),
        choices=Meeting.Format.choices,
        initial=Meeting.Format.IN_PERSON,
        widget=forms.RadioSelect,
    )
    duration_minutes = forms.TypedChoiceField(
        label=_("Duration, minutes"),
        choices=[(minutes, str(minutes)) for minutes in DURATIONS],
        coerce=int,
        initial=45,
        widget=forms.RadioSelect,
    )
    topic = forms.CharField(label=_("Topic"), max_length=500)
    what_was_done = forms.CharField(
        label=_("What was done"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    agreements = forms.CharField(
        label=_("Agreements"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    attendees = PersonChoiceField(
        label=_("Mentees present"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    plan_tasks = TaskChoiceField(
        label=_("Plan tasks the meeting moved"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    close_tasks = forms.BooleanField(
        label=_("Mark the ticked tasks done on the meeting date"), required=False, initial=False
    )
    needs_psychologist = forms.BooleanField(label=_("The pair needs the school psychologist's help"), required=False)
    psychologist_reason = forms.CharField(
        label=_("What worries you (optional)"),
        help_text=_("A few words about the pair; please do not name other children."),
        required=False,
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": 300}),
    )
    client_token = forms.UUIDField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, mentees, tasks, today: datetime.date | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        model_choice_field(self, "attendees").queryset = mentees
        model_choice_field(self, "plan_tasks").queryset = tasks
        # the picker offers no day after today (the server refuses one too: the service checks it)
        self.today = today or timezone.localdate()
        self.fields["date"].widget.attrs["max"] = self.today.isoformat()

    def clean_date(self) -> datetime.date:
        value = self.cleaned_data["date"]
        if value > self.today:
            raise forms.ValidationError(_("The meeting date cannot be in the future."))
        return value

    def clean_duration_minutes(self):
        value = self.cleaned_data.get("duration_minutes")
        return value if value in DURATIONS else None
