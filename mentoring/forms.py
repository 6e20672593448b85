from typing import Any

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Layout, Row, Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Programme
from .services import CONTINGENT_FIELDS
from .typing_helpers import choice_field


class ContingentForm(forms.Form):
    """The numbers KPIs divide by, filled in by the curator at the start of the year.

    A plain form (not a ModelForm) so that validation does not touch the programme: the service
    compares the old values with the new ones to write the audit row.
    """

    def __init__(self, *args: Any, programme: Programme, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {field: getattr(programme, field) for field in CONTINGENT_FIELDS})
        super().__init__(*args, **kwargs)
        for field in CONTINGENT_FIELDS:
            self.fields[field] = forms.IntegerField(
                label=str(getattr(Programme._meta.get_field(field), "verbose_name", field)).capitalize(),
                min_value=0,
                max_value=10_000_000,
            )
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Row(
                Column("pupils_total", css_class="col-sm-6"),
                Column("pupils_with_disabilities", css_class="col-sm-6"),
            ),
            Row(
                Column("teachers_total", css_class="col-sm-6"),
                Column("young_teachers_total", css_class="col-sm-6"),
            ),
            Submit("save", _("Save"), css_class="btn-primary"),
        )

    def clean(self):
        super().clean()
        data = self.cleaned_data
        if (data.get("pupils_with_disabilities") or 0) > (data.get("pupils_total") or 0):
            self.add_error("pupils_with_disabilities", _("Cannot be more than the number of pupils."))
        if (data.get("young_teachers_total") or 0) > (data.get("teachers_total") or 0):
            self.add_error("young_teachers_total", _("Cannot be more than the number of teachers."))
        return data


class SignInJournalFilter(forms.Form):
    """Filters of the «Журнал входов»: a member, an event, a period. Every field may stay empty."""

    user = forms.TypedChoiceField(label=_("Member"), required=False, coerce=int, empty_value=None)
    kind = forms.ChoiceField(label=_("What happened"), required=False)
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, members, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        from .models import SignInEvent

        choice_field(self, "user").choices = [("", _("Everyone"))] + [
            (member.pk, f"{member.get_full_name() or member.username} ({member.username})")
            for member in members
        ]
        choice_field(self, "kind").choices = [("", _("Any event"))] + list(SignInEvent.Kind.choices)
        for name, field in self.fields.items():
            field.widget.attrs["class"] = (
                "form-select form-select-sm" if name in {"user", "kind"} else "form-control form-control-sm"
            )

    def clean(self):
        super().clean()
        data = self.cleaned_data
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.add_error("date_to", _("The end of the period is before its start."))
        return data
