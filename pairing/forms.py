from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mentoring.models import Programme
from mentoring.typing_helpers import choice_field, model_choice_field
from participants.models import Person

from . import matching
from .matching_runs import option_errors
from .models import MentoringForm, MentoringGroup, RoleModel
from .selectors import (
    GroupFilters,
    mentee_candidates,
    mentor_candidates,
    mentor_names,
    most_used_form,
    pair_form_candidates,
)
from .services import default_dates, forms_for, last_closing_day

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PersonChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Person) -> str:
        return f"{obj.full_name}{f', {obj.group_name}' if obj.group_name else ''}"


class RoleModelChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: RoleModel) -> str:
        return f"{obj.form.name}: {obj.name}"


class GroupFilterForm(forms.Form):
    q = forms.CharField(label=_("Name or class"), required=False, max_length=100)
    form = forms.TypedChoiceField(label=_("Form of mentoring"), required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Any")), *MentoringGroup.Status.choices]
    )
    group_name = forms.CharField(label=_("Class or group"), required=False, max_length=32)
    mentor = forms.TypedChoiceField(label=_("Mentor"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args: Any, programme: Programme, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "form").choices = [
            ("", _("Any")),
            *((form.pk, form.name) for form in forms_for(programme)),
        ]
        choice_field(self, "mentor").choices = [
            ("", _("Anyone")),
            # a name each, as ``Person.full_name`` writes it
            *((pk, " ".join(part for part in names if part)) for pk, *names in mentor_names(programme)),
        ]

    def filters(self) -> GroupFilters:
        if not self.is_valid():
            return GroupFilters()
        data = self.cleaned_data
        return GroupFilters(
            form=data.get("form") or None,
            status=data.get("status") or "",
            group_name=data.get("group_name") or "",
            mentor=data.get("mentor") or None,
            q=data.get("q") or "",
        )


class GroupForm(forms.Form):
    form = forms.ModelChoiceField(
        label=_("Form of mentoring"), queryset=MentoringForm.objects.none(), empty_label=None
    )
    role_model = RoleModelChoiceField(label=_("Role model"), queryset=RoleModel.objects.none(), required=False)
    mentors = PersonChoiceField(
        label=_("Mentors"),
        queryset=Person.objects.none(),
        widget=forms.SelectMultiple(attrs={"size": 6, "data-searchable": "mentors"}),
    )
    mentees = PersonChoiceField(
        label=_("Mentees"),
        queryset=Person.objects.none(),
        widget=forms.SelectMultiple(attrs={"size": 10, "data-searchable": "mentees"}),
    )
    start_date = forms.DateField(label=_("Start date"), required=False, widget=DATE)
    planned_end_date = forms.DateField(label=_("Planned end"), required=False, widget=DATE)
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[(s, s.label) for s in (MentoringGroup.Status.PROPOSED, MentoringGroup.Status.ACTIVE)],
        initial=MentoringGroup.Status.ACTIVE,
    )

    def __init__(self, *args: Any, programme: Programme, group: MentoringGroup | None = None, **kwargs: Any) -> None:
        start, end = default_dates(programme, timezone.localdate())
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("start_date", start)
        kwargs["initial"].setdefault("planned_end_date", end)
        super().__init__(*args, **kwargs)
        allowed_forms = forms_for(programme)
        allowed = [form.pk for form in allowed_forms]
        model_choice_field(self, "form").queryset = MentoringForm.objects.filter(pk__in=allowed)
        if group is None and not self.is_bound and "form" not in self.initial:
            # a new pair starts in the form the school uses most, not in the first of the list
            usual = most_used_form(programme, list(allowed_forms))
            if usual is not None:
                self.initial["form"] = usual.pk
        model_choice_field(self, "role_model").queryset = RoleModel.objects.filter(form_id__in=allowed).select_related(
            "form"
        )
        model_choice_field(self, "mentors").queryset = mentor_candidates(programme)
        model_choice_field(self, "mentees").queryset = mentee_candidates(programme)
        # the options say, before the form is sent, who has no free place and who is already in a pair
        # (the queryset above still validates the choice; the service has the last word)
        candidates = pair_form_candidates(programme, exclude_group=group.pk if group else None)
        choice_field(self, "mentors").choices = [(c.id, c.label) for c in candidates.mentors]
        choice_field(self, "mentees").choices = [(c.id, c.label) for c in candidates.mentees]
        self.fields["mentors"].help_text = _(
            "Only people with a consent are listed, with their free places. Type to search."
        )
        self.fields["mentees"].help_text = _(
            "Type a name or a class to search; choose several for a group. "
            "Mentees already in a pair are marked."
        )


class BulkCloseForm(forms.Form):
    """Close several pairs: one result, date and reason for all of them."""

    status = forms.ChoiceField(
        label=_("Result"),
        choices=[(s, s.label) for s in (MentoringGroup.Status.COMPLETED, MentoringGroup.Status.TERMINATED)],
        widget=forms.RadioSelect,
    )
    closed_on = forms.DateField(label=_("Closed on"), widget=DATE)
    reason = forms.CharField(
        label=_("Reason (for a terminated pair)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, programme: Programme, **kwargs: Any) -> None:
        last = last_closing_day(programme, timezone.localdate())
        kwargs.setdefault("initial", {"closed_on": last, "status": MentoringGroup.Status.COMPLETED})
        super().__init__(*args, **kwargs)
        self.fields["closed_on"].widget.attrs["max"] = last.isoformat()


class CloseForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Result"),
        choices=[(s, s.label) for s in (MentoringGroup.Status.COMPLETED, MentoringGroup.Status.TERMINATED)],
        widget=forms.RadioSelect,
    )
    closed_on = forms.DateField(label=_("Closed on"), widget=DATE)
    reason = forms.CharField(
        label=_("Reason (for a terminated pair)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    results = forms.CharField(label=_("Results"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, programme: Programme, **kwargs: Any) -> None:
        last = last_closing_day(programme, timezone.localdate())
        kwargs.setdefault("initial", {"closed_on": last, "status": MentoringGroup.Status.COMPLETED})
        super().__init__(*args, **kwargs)
        self.fields["closed_on"].widget.attrs["max"] = last.isoformat()


WEIGHT_LABELS = {
    "requests": _("Requests against competencies"),
    "interests": _("Shared interests"),
    "preferences": _("Choices at the networking session"),
    "age_gap": _("Age or grade difference"),
    "subject": _("Same subject (teachers)"),
    "special_needs": _("Mentor trained for special needs"),
    "load": _("Spreading the load"),
    "areas": _("Subject areas against the mentor's subject and competencies"),
    "grades": _("Grades or ages the mentor prefers"),
    "at_risk": _("Mentor experienced with pupils at risk"),
    "availability": _("Convenient days and format of meetings"),
    "words": _("Shared words"),
}
# criteria weighed in tenths (a few points of 100 at most): the words the mentee and the mentor share
FRACTIONAL_WEIGHTS = {"words"}


class RunForm(forms.Form):
    """What a curator sets before the engine proposes pairs."""

    form = forms.ModelChoiceField(
        label=_("Form of mentoring"), queryset=MentoringForm.objects.none(), empty_label=None
    )
    groups = forms.MultipleChoiceField(
        label=_("Classes or groups of the mentees"),
        required=False,
        help_text=_("Leave empty for everyone without a pair in this form."),
        widget=forms.SelectMultiple(attrs={"size": 5}),
    )
    require_training = forms.BooleanField(label=_("Only mentors who completed the training"), required=False)
    maximise_count = forms.BooleanField(
        label=_("Match as many as possible first"),
        required=False,
        help_text=_("Otherwise the engine looks for the highest total score."),
    )
    min_score = forms.IntegerField(
        label=_("Do not propose pairs scoring below"), min_value=0, max_value=100, initial=0, required=False
    )
    fairness = forms.TypedChoiceField(
        label=_("Raise the worst pairs"),
        choices=[("0", _("No: the highest total score")), ("0.5", _("Moderately")), ("1", _("Strongly"))],
        coerce=float,
        empty_value=None,  # read as 0.0 (engine_options)
        initial="0",
        required=False,
        help_text=_(
            "Lower scores count for more, so no pupil is left with a poor pair; the cost in total score is shown."
        ),
    )
    group_size = forms.IntegerField(
        label=_("Groups: mentees per mentor, at most"),
        min_value=0,
        max_value=10,
        initial=0,
        required=False,
        help_text=_(
            "0 — pairs. 2 or more — one mentor with a group of mentees of similar requests "
            "(a «группа» in the order); mentees no group fits are matched in pairs."
        ),
    )
    stable = forms.BooleanField(
        label=_("Stable assignment"),
        required=False,
        help_text=_(
            "No mentee and mentor who would both rather be together than where they are; "
            "the cost in total score is shown."
        ),
    )

    def __init__(self, *args: Any, programme: Programme, group_names: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        allowed = MentoringForm.objects.filter(pk__in=[form.pk for form in forms_for(programme)])
        model_choice_field(self, "form").queryset = allowed
        choice_field(self, "groups").choices = [(name, name) for name in group_names]
        chosen = most_used_form(programme, list(allowed))
        if chosen is not None:
            self.fields["form"].initial = chosen.pk
        defaults = matching.Weights()
        for key, label in WEIGHT_LABELS.items():
            if key in FRACTIONAL_WEIGHTS:
                self.fields[f"weight_{key}"] = forms.FloatField(
                    label=label,
                    min_value=0,
                    max_value=10,
                    step_size=0.1,  # (the rule manage.py match applies: matching_runs.weight_allowed)
                    initial=getattr(defaults, key),
                    required=False,  # empty: the default weight
                    help_text=_(
                        "Words both wrote, the rarer among the mentors the more. In tenths: the default "
                        "gives up to about 5 points of 100."
                    ),
                    widget=forms.NumberInput(attrs={"class": "form-control-sm", "step": "0.1"}),
                )
                continue
            self.fields[f"weight_{key}"] = forms.IntegerField(
                label=label,
                min_value=0,
                max_value=10,
                initial=int(getattr(defaults, key)),
                required=False,  # empty: the default weight
                widget=forms.NumberInput(attrs={"class": "form-control-sm"}),
            )
            if key in matching.REQUIRABLE:
                self.fields[f"required_{key}"] = forms.BooleanField(
                    label=_("required, as a filter"),
                    required=False,
                    help_text=_("A pair that does not meet it is not proposed at all."),
                )

    @property
    def criteria_rows(self) -> list[tuple]:
        """(weight field, «обязательно» field or None) for each criterion, for the template."""
        return [
            (self[f"weight_{key}"], self[f"required_{key}"] if f"required_{key}" in self.fields else None)
            for key in WEIGHT_LABELS
        ]

    def clean(self) -> dict:
        super().clean()
        data = self.cleaned_data
        errors = option_errors(
            {key: data.get(key) for key in ("maximise_count", "min_score", "fairness", "stable", "group_size")}
        )
        if errors:
            raise forms.ValidationError(errors)
        return data

    def engine_options(self) -> dict:
        data = self.cleaned_data
        return {
            "weights": {
                key: getattr(matching.Weights(), key)
                if data[f"weight_{key}"] is None
                else data[f"weight_{key}"]
                for key in WEIGHT_LABELS
            },
            "groups": list(data["groups"]),
            "require_training": data["require_training"],
            "maximise_count": data["maximise_count"],
            "min_score": data["min_score"] or 0,
            "fairness": data.get("fairness") or 0.0,
            "stable": bool(data.get("stable")),
            "group_size": data.get("group_size") or 0,
            "required": [key for key in WEIGHT_LABELS if data.get(f"required_{key}")],
        }
