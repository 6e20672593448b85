from __future__ import annotations

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from mentoring.files import validate_document
from mentoring.models import Organization
from mentoring.typing_helpers import choice_field, model_choice_field

from .models import (
    SPECIAL_CATEGORIES,
    Consent,
    ConsentRule,
    MenteeProfile,
    MentorProfile,
    PartnerOrganization,
    Person,
    ProfileStatus,
    VocabularyTerm,
)
from .selectors import PeopleFilters

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class VocabularyWidget(forms.Textarea):
    """A list typed one per line, with a field offering the vocabulary's terms (a ``<datalist>``) that
    adds the chosen term as a new line; free text is still welcome (``static/js/vocabulary.js``)."""

    def __init__(self, attrs=None, terms=()) -> None:
        super().__init__({"rows": 3, **(attrs or {})})
        self.terms = list(terms)

    def render(self, name, value, attrs=None, renderer=None):
        area = super().render(name, value, attrs, renderer)
        target = (attrs or {}).get("id") or self.attrs.get("id") or f"id_{name}"
        options = format_html_join("", '<option value="{}">', ((term,) for term in self.terms))
        return format_html(
            '{}<div class="input-group input-group-sm mt-1 vocabulary-picker" data-target="{}">'
            '<input type="text" class="form-control" list="{}-terms" aria-label="{}" placeholder="{}">'
            '<button type="button" class="btn btn-outline-secondary">{}</button></div>'
            '<datalist id="{}-terms">{}</datalist>',
            area,
            target,
            target,
            _("A term from the vocabulary"),
            _("Start typing: a term from the vocabulary or your own words"),
            _("Add"),
            target,
            options,
        )


class ListField(forms.Field):
    """Tags typed one per line or separated by «;» — stored as a list."""

    widget = forms.Textarea(attrs={"rows": 2})

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(value)
        return value

    def to_python(self, value: Any) -> list[str]:
        text = "" if value in self.empty_values else str(value)
        items = [item.strip() for line in text.splitlines() for item in line.split(";")]
        seen: list[str] = []
        for item in items:
            if item and item.lower() not in {known.lower() for known in seen}:
                seen.append(item)
        return seen


class FilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    group = forms.ChoiceField(label=_("Class or group"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("Anyone")), *Person.Kind.choices]
    )
    consent = forms.ChoiceField(
        label=_("Consent"),
        required=False,
        choices=[("", _("Any")), ("valid", _("Given")), ("missing", _("Missing"))],
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Any")), *ProfileStatus.choices]
    )
    paired = forms.ChoiceField(
        label=_("Pair"),
        required=False,
        choices=[("", _("Any")), ("yes", _("In a pair")), ("no", _("Without a pair"))],
    )

    def __init__(self, *args: Any, groups: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "group").choices = [("", _("All")), *((name, name) for name in groups)]

    def filters(self) -> PeopleFilters:
        if not self.is_valid():
            return PeopleFilters()
        return PeopleFilters(**{name: value or "" for name, value in self.cleaned_data.items()})


class MenteeFilterForm(FilterForm):
    category = forms.ChoiceField(
        label=_("Category"), required=False, choices=[("", _("Any")), *SPECIAL_CATEGORIES]
    )


class MentorFilterForm(FilterForm):
    training = forms.ChoiceField(
        label=_("Training"),
        required=False,
        choices=[("", _("Any")), ("done", _("Completed")), ("not_done", _("Not completed"))],
    )


class PersonForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = [
            "last_name",
            "first_name",
            "patronymic",
            "birth_date",
            "sex",
            "kind",
            "group_name",
            "phone",
            "email",
            "guardian_name",
            "guardian_phone",
            "position",
            "subject",
            "teaching_experience",
            "qualification",
            "workplace",
            "partner",
            "notes",
        ]
        widgets = {"birth_date": DATE_INPUT, "notes": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: Any, organization: Organization, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choice_field(self, "partner").queryset = PartnerOrganization.objects.filter(organization=organization)

    def clean_birth_date(self):
        birth = self.cleaned_data.get("birth_date")
        if birth and birth >= timezone.localdate():
            raise forms.ValidationError(_("The birth date must be in the past."))
        return birth


class ParticipationDatesMixin(forms.BaseForm):
    """The dates the participation rule counts by (``participation.py``): a leaver needs the day they
    left, and nobody leaves before entering. Mixed in before ``forms.ModelForm``, so ``super().clean()``
    is the model form's."""

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        entry, leave = data.get("entry_date"), data.get("exit_date")
        if data.get("status") == ProfileStatus.LEFT and not leave:
            self.add_error("exit_date", _("Give the day the participant left the programme."))
        if entry and leave and leave < entry:
            self.add_error("exit_date", _("The participant cannot leave before entering the programme."))
        return data


VOCABULARY_HELP = _("One per line: choose from the vocabulary or write in your own words.")


def vocabulary_names(organization: Organization | None) -> list[str]:
    """The names of the terms the organisation offers in its forms (not those it hid)."""
    from .selectors import vocabulary_hidden, vocabulary_terms

    hidden = vocabulary_hidden(organization)
    return sorted(
        {
            term.name
            for term in vocabulary_terms(organization).prefetch_related(None).select_related(None).only("pk", "name")
            if term.pk not in hidden
        }
    )


class MenteeProfileForm(ParticipationDatesMixin, forms.ModelForm):
    requests = ListField(label=_("Key requests"), required=False, help_text=VOCABULARY_HELP)
    subject_areas = ListField(label=_("Subject areas"), required=False, help_text=VOCABULARY_HELP)

    class Meta:
        model = MenteeProfile
        fields = [
            "requests",
            "request_text",
            "subject_areas",
            *(field for field, _label in SPECIAL_CATEGORIES),
            "entry_date",
            "exit_date",
            "status",
            "availability",
            "results",
        ]
        widgets = {
            "entry_date": DATE_INPUT,
            "exit_date": DATE_INPUT,
            "request_text": forms.Textarea(attrs={"rows": 2}),
            "results": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, organization: Organization | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        terms = vocabulary_names(organization)  # without an organisation: the shared terms
        for name in ("requests", "subject_areas"):
            self.fields[name].widget = VocabularyWidget(terms=terms)


class MentorProfileForm(ParticipationDatesMixin, forms.ModelForm):
    competencies = ListField(label=_("Key competencies"), required=False, help_text=VOCABULARY_HELP)
    interests = ListField(label=_("Interests"), required=False, help_text=VOCABULARY_HELP)

    class Meta:
        model = MentorProfile
        fields = [
            "competencies",
            "achievements",
            "interests",
            "preferred_grades",
            "capacity",
            "availability",
            "training_done",
            "training_date",
            "training_name",
            "special_needs_trained",
            "at_risk_experience",
            "partner",
            "entry_date",
            "exit_date",
            "status",
            "results",
        ]
        widgets = {
            "training_date": DATE_INPUT,
            "entry_date": DATE_INPUT,
            "exit_date": DATE_INPUT,
            "achievements": forms.Textarea(attrs={"rows": 2}),
            "results": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, organization: Organization, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choice_field(self, "partner").queryset = PartnerOrganization.objects.filter(organization=organization)
        terms = vocabulary_names(organization)
        for name in ("competencies", "interests"):
            self.fields[name].widget = VocabularyWidget(terms=terms)


class VocabularyTermForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=VocabularyTerm.Kind.choices)
    name = forms.CharField(label=_("Term"), max_length=200)
    synonyms = ListField(
        label=_("Synonyms"),
        required=False,
        help_text=_("Other ways schools write it, one per line: word forms are recognised by themselves."),
    )
    broader = forms.ModelMultipleChoiceField(
        label=_("Broader terms"),
        queryset=VocabularyTerm.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("A request for this term also meets mentors who offer a broader one."),
    )

    def __init__(
        self, *args: Any, organization: Organization, term: VocabularyTerm | None = None, **kwargs: Any
    ) -> None:
        from .selectors import vocabulary_terms

        if term is not None:
            kwargs.setdefault(
                "initial",
                {
                    "kind": term.kind,
                    "name": term.name,
                    "synonyms": term.synonyms,
                    "broader": term.broader.all(),
                },
            )
        super().__init__(*args, **kwargs)
        visible = vocabulary_terms(organization).prefetch_related(None)
        if term is not None:
            visible = visible.exclude(pk=term.pk)
        model_choice_field(self, "broader").queryset = visible


class VocabularyOverrideForm(forms.Form):
    """What an organisation changes in a term it does not own, for itself and those below it."""

    synonyms = ListField(
        label=_("Synonyms we add"),
        required=False,
        help_text=_("Other ways your schools write it, one per line: word forms are recognised by themselves."),
    )
    broader = forms.ModelMultipleChoiceField(
        label=_("Broader terms we add"),
        queryset=VocabularyTerm.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("A request for this term also meets mentors who offer a broader one."),
    )
    hidden = forms.BooleanField(
        label=_("Hide the term"),
        required=False,
        help_text=_("Forms stop offering it and the matching stops recognising it, in your organisation "
                    "and those below it."),
    )

    def __init__(self, *args, organization: Organization, term: VocabularyTerm, override=None, **kwargs) -> None:
        from .selectors import vocabulary_terms

        if override is not None:
            kwargs.setdefault(
                "initial",
                {"synonyms": override.synonyms, "broader": override.broader.all(), "hidden": override.hidden},
            )
        super().__init__(*args, **kwargs)
        model_choice_field(self, "broader").queryset = (
            vocabulary_terms(organization).prefetch_related(None).exclude(pk=term.pk)
        )


class ConsentForm(forms.Form):
    scope = forms.ChoiceField(label=_("Scope"), choices=Consent.Scope.choices)
    given_by = forms.ChoiceField(
        label=_("Signed by"), choices=Consent.GivenBy.choices, widget=forms.RadioSelect
    )
    representative_name = forms.CharField(
        label=_("Representative's full name"), max_length=300, required=False
    )
    representative_relation = forms.CharField(label=_("Relation"), max_length=100, required=False)
    given_on = forms.DateField(label=_("Date signed"), widget=DATE_INPUT)
    scan = forms.FileField(label=_("Scanned form"), required=False, validators=[validate_document])

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault(
            "initial", {"given_on": timezone.localdate(), "given_by": Consent.GivenBy.REPRESENTATIVE}
        )
        super().__init__(*args, **kwargs)


class WithdrawForm(forms.Form):
    withdrawn_on = forms.DateField(label=_("Withdrawn on"), widget=DATE_INPUT)


class ConsentRuleForm(forms.ModelForm):
    class Meta:
        model = ConsentRule
        fields = ["teenagers"]
        widgets = {"teenagers": forms.RadioSelect}


class PartnerForm(forms.ModelForm):
    class Meta:
        model = PartnerOrganization
        fields = [
            "name",
            "kind",
            "agreement_number",
            "agreement_date",
            "agreement_file",
            "contact_name",
            "contact_phone",
            "contact_email",
            "notes",
        ]
        widgets = {"agreement_date": DATE_INPUT, "notes": forms.Textarea(attrs={"rows": 2})}

    def clean_agreement_file(self):
        upload = self.cleaned_data.get("agreement_file")
        if isinstance(upload, UploadedFile):  # a new file; not the one already stored
            validate_document(upload)
        return upload


class BulkConsentForm(forms.Form):
    """One date and one scan for the consents collected from several people (the bulk consent page)."""

    given_on = forms.DateField(label=_("Date signed"), widget=DATE_INPUT)
    given_by = forms.ChoiceField(
        label=_("Signed by"), choices=Consent.GivenBy.choices, widget=forms.RadioSelect
    )
    representative_relation = forms.CharField(label=_("Relation"), max_length=100, required=False)
    scan = forms.FileField(
        label=_("Scanned forms (one file for all)"), required=False, validators=[validate_document]
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault(
            "initial", {"given_on": timezone.localdate(), "given_by": Consent.GivenBy.REPRESENTATIVE}
        )
        super().__init__(*args, **kwargs)
