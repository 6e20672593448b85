from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from mentoring.access import Scope
from mentoring.typing_helpers import choice_field

from .registry import FORMAT_LABELS, Report, ReportOptionsForm, SharedChoices


def options_form_for(
    report: Report, scope: Scope, data=None, shared: SharedChoices | None = None
) -> ReportOptionsForm:
    """The report's options form with the format choice it produces; the forms of one page pass one
    ``shared``."""
    form = report.options_form(data, scope=scope, prefix=report.identifier, shared=shared)
    form.fields["format"] = forms.ChoiceField(
        label=_("Format"),
        choices=[(fmt, FORMAT_LABELS[fmt]) for fmt in report.formats],
        initial=report.formats[0],
        widget=forms.RadioSelect,
    )
    return form


DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class FilteredOptionsForm(ReportOptionsForm):
    """Options shared by the reports about pairs and people: the form of mentoring and the class."""

    mentoring_form = forms.TypedChoiceField(
        label=_("Form of mentoring"), required=False, coerce=int, empty_value=None
    )
    group_name = forms.ChoiceField(label=_("Class or group"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from pairing.services import forms_for
        from participants.selectors import groups as class_names

        super().__init__(*args, **kwargs)
        programme = self.scope.programme
        # several forms on one page offer the same choices: they are read once per page
        shared = self.shared
        if shared.mentoring_forms is None or shared.class_names is None:
            shared.mentoring_forms = [(form.pk, form.name) for form in forms_for(programme)]
            shared.class_names = [(name, name) for name in class_names(programme)]
        choice_field(self, "mentoring_form").choices = [("", _("Any")), *shared.mentoring_forms]
        choice_field(self, "group_name").choices = [("", _("Any")), *shared.class_names]


class PeriodOptionsForm(ReportOptionsForm):
    """A period from–to inside the academic year (the whole year when left empty)."""

    period_from = forms.DateField(label=_("Period from"), required=False, widget=DATE_INPUT)
    period_to = forms.DateField(label=_("Period to"), required=False, widget=DATE_INPUT)

    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        start, end = cleaned.get("period_from"), cleaned.get("period_to")
        if start and end and start > end:
            self.add_error("period_to", _("The end of the period is before its start."))
        return cleaned


def period_of(context_options: dict, programme) -> tuple:
    """The period chosen in the options, the academic year (1 September – 31 August) by default."""
    from datetime import date

    start_year = programme.academic_year.start_year
    start = context_options.get("period_from") or date(start_year, 9, 1).isoformat()
    end = context_options.get("period_to") or date(start_year + 1, 8, 31).isoformat()
    return date.fromisoformat(str(start)), date.fromisoformat(str(end))
