"""Forms of the KPI theme: own indicators, yearly targets, settings, the information log, SWOT items."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from mentoring.models import Programme
from mentoring.typing_helpers import choice_field

from ..models import Indicator, InformationActivity, MonitoringSettings, SwotItem
from .selectors import METRICS, KpiValue, metric_choices

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class IndicatorForm(forms.ModelForm):
    numerator = forms.ChoiceField(label=_("Numerator: what is counted"))
    denominator = forms.ChoiceField(
        label=_("Denominator: counted out of"),
        required=False,
        help_text=_("Empty for an indicator that is a count (publications, meetings)."),
    )

    class Meta:
        model = Indicator
        fields = [
            "name",
            "numerator",
            "denominator",
            "use_age_band",
            "unit",
            "direction",
            "roadmap_match",
            "position",
            "is_active",
        ]
        widgets = {"name": forms.Textarea(attrs={"rows": 2})}
        help_texts = {
            "roadmap_match": _(
                "Parts of words, all of which must occur in the row of the roadmap's KPI table; "
                "«a|b» means either, «-word» must not occur. Example: «удовлетвор наставляем»."
            ),
            "use_age_band": _("Applies to mentee counts; the band is set in the monitoring settings."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "numerator").choices = metric_choices()
        choice_field(self, "denominator").choices = [("", _("— none (a count) —")), *metric_choices()]

    def clean(self):
        super().clean()
        data = self.cleaned_data
        unit, denominator = data.get("unit"), data.get("denominator")
        if unit == Indicator.Unit.PERCENT and not denominator:
            self.add_error("denominator", _("A percentage needs a denominator."))
        if unit == Indicator.Unit.COUNT and denominator:
            self.add_error(
                "denominator", _("A count has no denominator: leave it empty or choose «percent».")
            )
        numerator = METRICS.get(data.get("numerator") or "")
        if data.get("use_age_band") and numerator is not None and not numerator.banded:
            self.add_error("use_age_band", _("The age band applies only to counts of mentees."))
        return data

    def _post_clean(self) -> None:
        pass  # the service changes the instance (and audits what changed), then runs full_clean


def target_field_name(indicator_id: int) -> str:
    return f"target_{indicator_id}"


class TargetsForm(forms.Form):
    """One optional target per active indicator; an empty field removes the target (the organisation then
    uses the target set above it, shown as the field's placeholder)."""

    def __init__(self, *args: Any, values: list[KpiValue], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rows = values
        for value in values:
            indicator = value.indicator
            percent = indicator.unit == Indicator.Unit.PERCENT
            self.fields[target_field_name(indicator.pk)] = forms.DecimalField(
                label=indicator.name,
                required=False,
                min_value=Decimal(0),
                max_value=Decimal(100) if percent else Decimal(10**7),
                max_digits=10,
                decimal_places=2,
                initial=value.target if value.target_own else None,
                widget=forms.NumberInput(
                    attrs={
                        "step": "0.01",
                        "class": "form-control form-control-sm",
                        **(
                            {"placeholder": f"{value.target:g}"}
                            if value.target is not None and not value.target_own
                            else {}
                        ),
                    }
                ),
            )

    def bound_rows(self):
        return [(value, self[target_field_name(value.indicator.pk)]) for value in self.rows]

    def values(self) -> dict[int, Decimal | None]:
        return {
            value.indicator.pk: self.cleaned_data[target_field_name(value.indicator.pk)]
            for value in self.rows
        }


class SettingsForm(forms.ModelForm):
    class Meta:
        model = MonitoringSettings
        fields = ["kpi_age_min", "kpi_age_max", "satisfied_from", "stale_pair_days", "invitation_days"]

    def __init__(self, *args, inherited=None, **kwargs) -> None:
        """``inherited`` (``monitoring.selectors.KpiBand``): the band counted in when both ages are empty."""
        super().__init__(*args, **kwargs)
        if inherited is not None:
            if inherited.source is not None:
                text = _("Leave both empty to count as %(organization)s does: %(low)s–%(high)s years.") % {
                    "organization": inherited.source.short_name or inherited.source.name,
                    "low": inherited.low,
                    "high": inherited.high,
                }
            else:
                text = _("Leave both empty to count in the usual band: %(low)s–%(high)s years.") % {
                    "low": inherited.low,
                    "high": inherited.high,
                }
            self.fields["kpi_age_max"].help_text = text

    def clean(self):
        super().clean()
        data = self.cleaned_data
        low, high = data.get("kpi_age_min"), data.get("kpi_age_max")
        if (low is None) != (high is None):
            self.add_error(
                "kpi_age_max" if high is None else "kpi_age_min",
                _("Give both ages of the band, or leave both empty to use the band set above."),
            )
        if low is not None and high is not None and low > high:
            self.add_error("kpi_age_max", _("The upper age must not be lower than the lower one."))
        if low is not None and high is not None and high > 100:
            self.add_error("kpi_age_max", _("Check the age: it is more than 100."))
        satisfied = data.get("satisfied_from")
        if satisfied is not None and not 1 <= satisfied <= 10:
            self.add_error("satisfied_from", _("The score is from 1 to 10."))
        for name in ("stale_pair_days", "invitation_days"):
            if data.get(name) == 0:
                self.add_error(name, _("At least one day."))
        return data

    def _post_clean(self) -> None:
        # the service saves (get_or_create); the model's own constraints are checked there
        pass


class ActivityForm(forms.ModelForm):
    link = forms.URLField(label=_("link"), max_length=1000, required=False, assume_scheme="https")

    class Meta:
        model = InformationActivity
        fields = ["kind", "date", "title", "link", "attendance", "notes"]
        widgets = {"date": DATE, "notes": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "attendance": _("For meetings and class hours: how many people came."),
            "link": _("For a publication: the address of the page."),
        }

    def __init__(self, *args: Any, programme: Programme, **kwargs: Any) -> None:
        self.programme = programme
        super().__init__(*args, **kwargs)

    def clean_date(self):
        day = self.cleaned_data["date"]
        year = self.programme.academic_year
        if not year.start_date <= day <= year.end_date:
            raise forms.ValidationError(
                _("The date is outside the academic year %(year)s."), params={"year": year.label}
            )
        return day

    def clean(self):
        super().clean()
        data = self.cleaned_data
        if data.get("kind") == InformationActivity.Kind.PUBLICATION and not data.get("link"):
            self.add_error("link", _("Give the link to the publication."))
        return data

    def _post_clean(self) -> None:
        pass  # the service runs full_clean with the programme set


class ActivityFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("Any")), *InformationActivity.Kind.choices]
    )


class SwotItemForm(forms.Form):
    quadrant = forms.ChoiceField(label=_("Quadrant"), choices=SwotItem.Quadrant.choices)
    text = forms.CharField(label=_("Text"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))
