from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mentoring.files import validate_document
from mentoring.models import Programme
from mentoring.typing_helpers import choice_field, model_choice_field

from .models import RoadmapEvent, RoadmapSection
from .selectors import RoadmapFilters
from .standard_templates import templates_for_kind
from .table_reading import message_open_document

MONTHS = [
    (9, _("September")),
    (10, _("October")),
    (11, _("November")),
    (12, _("December")),
    (1, _("January")),
    (2, _("February")),
    (3, _("March")),
    (4, _("April")),
    (5, _("May")),
    (6, _("June")),
    (7, _("July")),
    (8, _("August")),
]


def members_queryset(programme: Programme):
    return (
        get_user_model()
        .objects.filter(memberships__organization=programme.organization)
        .distinct()
        .order_by("last_name", "first_name")
    )


class MemberChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.get_full_name() or obj.username


class FilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Any status")), *RoadmapEvent.Status.choices]
    )
    responsible = forms.TypedChoiceField(label=_("Responsible"), required=False, coerce=int, empty_value=None)
    month = forms.TypedChoiceField(
        label=_("Month"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("Any month")), *MONTHS],
    )
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)
    week = forms.BooleanField(label=_("Due this week"), required=False)
    q = forms.CharField(label=_("Event or responsible"), required=False, max_length=100)

    def __init__(self, *args: Any, responsible_choices: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "responsible").choices = [("", _("Anyone")), *responsible_choices]

    def filters(self) -> RoadmapFilters:
        if not self.is_valid():
            return RoadmapFilters()
        data = self.cleaned_data
        return RoadmapFilters(
            status=data["status"] or "",
            responsible=data["responsible"],
            month=data["month"],
            overdue=data["overdue"],
            week=data["week"],
            search=data["q"].strip(),
        )


class SectionForm(forms.Form):
    title = forms.CharField(label=_("Section title"), max_length=500)


class EventForm(forms.Form):
    section = forms.ModelChoiceField(
        label=_("Section"), queryset=RoadmapSection.objects.none(), empty_label=None
    )
    number = forms.CharField(
        label=_("Number"), max_length=32, required=False, help_text=_("As in your document, e.g. 2.3.")
    )
    title = forms.CharField(label=_("Content"), widget=forms.Textarea(attrs={"rows": 3}))
    period_text = forms.CharField(
        label=_("Period"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "As a school writes it: «октябрь 2025», «декабрь – апрель», «в течение года», «ежегодно, май»."
        ),
    )
    expected_result = forms.CharField(
        label=_("Expected result (kind of document)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    kpi_text = forms.CharField(label=_("KPI"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    responsible_users = MemberChoiceField(
        label=_("Responsible members"),
        queryset=get_user_model().objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    responsible_text = forms.CharField(
        label=_("Other responsible"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Roles or names, one per line, e.g. «Зам. директора по УВР»."),
    )

    def __init__(self, *args: Any, programme: Programme, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choice_field(self, "section").queryset = programme.roadmap_sections.order_by("position", "id")
        model_choice_field(self, "responsible_users").queryset = members_queryset(programme)


def limit_to_past_of_year(field: forms.Field, programme: Programme | None) -> None:
    """The date picker offers no day after today nor after the end of the programme's academic year
    (the service checks the start, which may be earlier for an event prepared in August)."""
    today = timezone.localdate()
    end = today if programme is None else min(today, programme.academic_year.end_date)
    field.widget.attrs["max"] = end.isoformat()


class MarkDoneForm(forms.Form):
    completed_on = forms.DateField(
        label=_("Done on"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    reference = forms.CharField(
        label=_("Document reference"),
        max_length=300,
        required=False,
        help_text=_("For example «Приказ № 142/5-ОД от 30.08.2024» or «Протокол № 3 от 15.10.2025»."),
    )
    url = forms.URLField(label=_("Link"), max_length=1000, required=False, assume_scheme="https")
    file = forms.FileField(label=_("File"), required=False, validators=[validate_document])
    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    due = forms.TypedChoiceField(
        label=_("For the date of the schedule"),
        required=False,
        coerce=date.fromisoformat,
        empty_value=None,
        help_text=_("A recurring event is done when every date of its schedule is reported."),
    )

    def __init__(
        self, *args: Any, due_choices: list[date] | None = None, programme: Programme | None = None, **kwargs: Any
    ) -> None:
        today = timezone.localdate()
        kwargs.setdefault(
            "initial", {"completed_on": today if programme is None else min(today, programme.academic_year.end_date)}
        )
        super().__init__(*args, **kwargs)
        limit_to_past_of_year(self.fields["completed_on"], programme)
        if due_choices:
            choice_field(self, "due").choices = [(day.isoformat(), f"{day:%d.%m.%Y}") for day in due_choices]
            self.fields["due"].required = True
            self.fields["due"].initial = due_choices[0].isoformat()
            self.order_fields(["due"])
        else:
            del self.fields["due"]

    def clean_completed_on(self):
        day = self.cleaned_data["completed_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("The completion date cannot be in the future."))
        return day


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        choices=[
            (RoadmapEvent.Status.PLANNED, RoadmapEvent.Status.PLANNED.label),
            (RoadmapEvent.Status.IN_PROGRESS, RoadmapEvent.Status.IN_PROGRESS.label),
            (RoadmapEvent.Status.CANCELLED, RoadmapEvent.Status.CANCELLED.label),
        ]
    )


class CommentForm(forms.Form):
    text = forms.CharField(label=_("Comment"), max_length=5000, widget=forms.Textarea(attrs={"rows": 2}))


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Roadmap file"),
        help_text=_("A Word document (.docx) or an Excel workbook (.xlsx) with the roadmap table."),
    )
    shift_to_current_year = forms.BooleanField(
        label=_("Move every date to this academic year"),
        required=False,
        help_text=_("For last year's roadmap reused: «октябрь 2025» becomes «октябрь 2026», and so on."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        name = upload.name.lower()
        if name.endswith((".ods", ".odt")):
            raise forms.ValidationError(message_open_document(name[-3:]))
        if upload.size > settings.ROADMAP_IMPORT_MAX_BYTES:
            raise forms.ValidationError(
                _("The file is too large: at most %(mb)s MB.")
                % {"mb": settings.ROADMAP_IMPORT_MAX_BYTES // 2**20}
            )
        return upload


class TemplateChoiceForm(forms.Form):
    template = forms.ChoiceField(label=_("Template"), widget=forms.RadioSelect)

    def __init__(self, *args: Any, organization_kind: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "template").choices = [
            (template.key, template.name) for template in templates_for_kind(organization_kind)
        ]


class PreviewSectionForm(forms.Form):
    title = forms.CharField(label=_("Section title"), max_length=500, required=False)


class PreviewEventForm(forms.Form):
    include = forms.BooleanField(label=_("Import"), required=False, initial=True)
    section = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    number = forms.CharField(label=_("No."), max_length=32, required=False)
    title = forms.CharField(label=_("Content"), widget=forms.Textarea(attrs={"rows": 2}))
    period_text = forms.CharField(label=_("Period"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    responsible = forms.CharField(
        label=_("Responsible"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    expected_result = forms.CharField(
        label=_("Expected result"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    kpi = forms.CharField(label=_("KPI"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


PreviewSectionFormSet = forms.formset_factory(PreviewSectionForm, extra=0, max_num=1000)
PreviewEventFormSet = forms.formset_factory(PreviewEventForm, extra=0, max_num=5000)


class BulkEventsForm(forms.Form):
    """The fields of the roadmap table's action bar (each action reads the ones it needs)."""

    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", "—"), *RoadmapEvent.Status.choices]
    )
    completed_on = forms.DateField(
        label=_("Completion date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    responsible = forms.TypedMultipleChoiceField(label=_("Responsible"), required=False, coerce=int)
    days = forms.IntegerField(label=_("Move by, days"), required=False, min_value=-366, max_value=366)
    move_to = forms.DateField(
        label=_("or to start on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(
        self, *args: Any, responsible_choices: list[tuple[int, str]], programme: Programme | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "responsible").choices = responsible_choices
        limit_to_past_of_year(self.fields["completed_on"], programme)
        for field in self.fields.values():
            field.widget.attrs.setdefault(
                "class",
                "form-select form-select-sm"
                if isinstance(field.widget, forms.Select)
                else "form-control form-control-sm",
            )
