"""Forms of the questionnaire pages: templates, questions, campaigns, the answer page, the results filter."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from mentoring.models import Programme
from mentoring.typing_helpers import choice_field, model_choice_field
from pairing.models import MentoringForm
from pairing.services import forms_for

from ..models import Audience, Campaign, QuestionItem, QuestionnaireTemplate
from . import selectors
from .selectors import RankingOption, RecipientFilters

# --- Templates and questions ---------------------------------------------------------------------------


class TemplateForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    description = forms.CharField(
        label=_("Introduction for respondents"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    purpose = forms.ChoiceField(label=_("Purpose"), choices=QuestionnaireTemplate.Purpose.choices)
    audience = forms.ChoiceField(label=_("For whom"), choices=Audience.choices)
    form = forms.ModelChoiceField(
        label=_("Form of mentoring"),
        queryset=MentoringForm.objects.none(),
        required=False,
        empty_label=_("Any form"),
    )

    def __init__(self, *args: Any, programme: Programme, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choice_field(self, "form").queryset = MentoringForm.objects.filter(
            pk__in=[f.pk for f in forms_for(programme)]
        )


class ItemForm(forms.Form):
    text = forms.CharField(label=_("Question"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)
    kind = forms.ChoiceField(label=_("Kind"), choices=QuestionItem.Kind.choices)
    required = forms.BooleanField(label=_("An answer is required"), required=False, initial=True)
    options = forms.CharField(
        label=_("Options, one per line"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("For single and multiple choice questions."),
    )
    scale_max = forms.IntegerField(
        label=_("How many people a respondent may choose"),
        min_value=1,
        max_value=10,
        initial=3,
        required=False,
        help_text=_("For a ranking question: the respondent lists up to this many people in order."),
    )
    key = forms.SlugField(
        label=_("Key"),
        max_length=80,
        required=False,
        help_text=_(
            "Links the same question across campaigns (before/after) and into the KPIs, e.g. «overall». "
            "Empty: made from the question."
        ),
    )

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        kind = data.get("kind")
        options = [line.strip() for line in (data.get("options") or "").splitlines() if line.strip()]
        options = list(dict.fromkeys(options))
        if kind in (QuestionItem.Kind.SINGLE, QuestionItem.Kind.MULTIPLE) and len(options) < 2:
            self.add_error("options", _("A choice question needs at least two options, one per line."))
        data["choices"] = options
        if kind == QuestionItem.Kind.RANKING and not data.get("scale_max"):
            data["scale_max"] = 3
        data["scale_max"] = data.get("scale_max") or 10
        return data

    def service_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "text": data["text"],
            "kind": data["kind"],
            "required": data["required"],
            "choices": data["choices"],
            "scale_max": data["scale_max"] if data["kind"] == QuestionItem.Kind.RANKING else 10,
            "key": data["key"],
        }


# --- Campaigns ---------------------------------------------------------------------------------------


class TemplateChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: QuestionnaireTemplate) -> str:
        return f"{obj.title} — {obj.get_audience_display()}"


class BaselineChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Campaign) -> str:
        return f"{obj.title} ({obj.programme.academic_year.label}, {obj.created_at:%d.%m.%Y})"


class CampaignForm(forms.Form):
    template = TemplateChoiceField(label=_("Questionnaire"), queryset=QuestionnaireTemplate.objects.none())
    title = forms.CharField(label=_("Title"), max_length=300, help_text=_("For example «Satisfaction, May»."))
    stage = forms.ChoiceField(
        label=_("Stage"),
        choices=Campaign.Stage.choices,
        initial=Campaign.Stage.SINGLE,
        widget=forms.RadioSelect,
    )
    baseline = BaselineChoiceField(
        label=_("Compare with (the «before» campaign)"),
        queryset=Campaign.objects.none(),
        required=False,
        help_text=_("Only for the «after» stage."),
    )
    valid_days = forms.IntegerField(label=_("Links are valid, days"), min_value=1, max_value=365)
    group_names = forms.MultipleChoiceField(
        label=_("Classes or groups"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("Empty: every class. Ignored for curators."),
    )
    form = forms.ModelChoiceField(
        label=_("Form of mentoring"),
        queryset=MentoringForm.objects.none(),
        required=False,
        empty_label=_("Any form"),
    )
    group = forms.TypedChoiceField(label=_("Pair or group"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args: Any, programme: Programme, default_days: int, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("valid_days", default_days)
        super().__init__(*args, **kwargs)
        self.programme = programme
        organization = programme.organization
        model_choice_field(self, "template").queryset = selectors.usable_templates(organization)
        model_choice_field(self, "baseline").queryset = selectors.baselines_for(programme)
        choice_field(self, "group_names").choices = [(name, name) for name in selectors.class_names(programme)]
        model_choice_field(self, "form").queryset = MentoringForm.objects.filter(
            pk__in=[f.pk for f in forms_for(programme)]
        )
        self.pairs = {group.pk: group for group in selectors.pairs_for_choice(programme)}
        choice_field(self, "group").choices = [("", _("Any pair"))] + [
            (pk, f"№ {pk}: {selectors.pair_label(group)}") for pk, group in self.pairs.items()
        ]

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("stage") == Campaign.Stage.AFTER and not data.get("baseline"):
            self.add_error("baseline", _("Choose the «before» campaign to compare with."))
        template, baseline = data.get("template"), data.get("baseline")
        if (
            data.get("stage") == Campaign.Stage.AFTER
            and template
            and baseline
            and baseline.template.audience != template.audience
        ):
            self.add_error("baseline", _("The «before» campaign asked other respondents."))
        return data

    def recipient_filters(self) -> RecipientFilters:
        data = self.cleaned_data
        group_id = data.get("group")
        return RecipientFilters(
            group_names=tuple(data.get("group_names") or ()),
            form=data.get("form"),
            group=self.pairs.get(group_id) if group_id else None,
        )


class ResultsFilterForm(forms.Form):
    form = forms.TypedChoiceField(label=_("Form of mentoring"), required=False, coerce=int, empty_value=None)
    group = forms.TypedChoiceField(label=_("Pair or group"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args: Any, campaign: Campaign, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "form").choices = [("", _("Any form"))] + [
            (form.pk, form.name) for form in selectors.campaign_forms(campaign)
        ]
        choice_field(self, "group").choices = [("", _("Any pair"))] + [
            (group.pk, f"№ {group.pk}: {selectors.pair_label(group)}")
            for group in selectors.campaign_pairs(campaign)
        ]

    def values(self) -> tuple[int | None, int | None]:
        if not self.is_valid():
            return None, None
        return self.cleaned_data.get("form"), self.cleaned_data.get("group")


# --- The answer page ---------------------------------------------------------------------------------

REQUIRED = _("Please answer this question.")


class RankingWidget(forms.Widget):
    """Several selects with one name: the browser sends the chosen ids in the order of the places."""

    def value_from_datadict(self, data, files, name):
        return data.getlist(name) if hasattr(data, "getlist") else data.get(name) or []

    def value_omitted_from_data(self, data, files, name):
        return False


class RankingField(forms.Field):
    widget = RankingWidget

    def __init__(self, *, options: list[RankingOption], places: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.options = options
        self.places = places

    def to_python(self, value) -> list[int]:
        chosen = []
        for raw in value or []:
            raw = str(raw).strip()
            if not raw:
                continue
            try:
                chosen.append(int(raw))
            except ValueError:
                raise ValidationError(_("Choose people from the list."), code="invalid") from None
        return chosen

    def validate(self, value: list[int]) -> None:
        if self.required and not value:
            raise ValidationError(REQUIRED, code="required")
        allowed = {option.person_id for option in self.options}
        if any(pk not in allowed for pk in value):
            raise ValidationError(_("Choose people from the list."), code="invalid")
        if len(set(value)) != len(value):
            raise ValidationError(_("Each person may be chosen only once."), code="duplicate")
        if len(value) > self.places:
            raise ValidationError(
                ngettext("Choose at most %(n)s person.", "Choose at most %(n)s people.", self.places)
                % {"n": self.places},
                code="too_many",
            )


def _field_for(item: QuestionItem, ranking: list[RankingOption]) -> forms.Field:
    errors = {"required": REQUIRED, "invalid_choice": _("Choose one of the options.")}
    kind = item.kind
    common: dict[str, Any] = {"label": item.text, "required": item.required, "error_messages": errors}
    if kind == QuestionItem.Kind.SCALE:
        values = range(item.scale_min, item.scale_max + 1)
        return forms.TypedChoiceField(choices=[(str(v), str(v)) for v in values], coerce=int, **common)
    if kind == QuestionItem.Kind.YES_NO:
        return forms.ChoiceField(choices=[("yes", _("Yes")), ("no", _("No"))], **common)
    if kind == QuestionItem.Kind.SINGLE:
        return forms.ChoiceField(choices=[(option, option) for option in item.choices], **common)
    if kind == QuestionItem.Kind.MULTIPLE:
        errors["invalid_choice"] = _("Choose from the options.")
        return forms.MultipleChoiceField(choices=[(option, option) for option in item.choices], **common)
    if kind == QuestionItem.Kind.RANKING:
        return RankingField(
            options=ranking, places=item.scale_max, label=item.text, required=item.required and bool(ranking)
        )
    return forms.CharField(
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        **{**common, "error_messages": {**errors, "max_length": _("The answer is too long.")}},
    )


class AnswerForm(forms.Form):
    """The questions of a template as form fields named ``q<id>``; ``answers()`` maps ids to values."""

    def __init__(self, *args: Any, items: list[QuestionItem], ranking: list[RankingOption], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.items = items
        self.ranking = ranking
        for item in items:
            self.fields[f"q{item.pk}"] = _field_for(item, ranking)

    def questions(self) -> list[dict[str, Any]]:
        """What the page needs per question: the item, its bound field, the chosen values."""
        found = []
        for number, item in enumerate(self.items, start=1):
            bound = self[f"q{item.pk}"]
            value = bound.value()
            if item.kind == QuestionItem.Kind.RANKING:
                chosen = [str(v) for v in (value or [])] if isinstance(value, list | tuple) else []
                places = [
                    {"place": place, "value": chosen[place - 1] if place <= len(chosen) else ""}
                    for place in range(1, item.scale_max + 1)
                ]
            else:
                places = []
            if isinstance(value, list | tuple):
                selected = {str(v) for v in value}
            else:
                selected = {str(value)} if value not in (None, "") else set()
            found.append(
                {
                    "number": number,
                    "item": item,
                    "field": bound,
                    "name": bound.html_name,
                    "selected": selected,
                    "places": places,
                    "scale": [str(v) for v in range(item.scale_min, item.scale_max + 1)],
                }
            )
        return found

    def answers(self) -> dict[int, Any]:
        return {item.pk: self.cleaned_data.get(f"q{item.pk}") for item in self.items}
