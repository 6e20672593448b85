"""The forms of the monitoring windows' pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..forms import DATE_INPUT
from .services import (
    COMMENT_MAX_LENGTH,
)


class WindowOpenForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    opens_on = forms.DateField(label=_("Collection opens"), widget=DATE_INPUT)
    deadline = forms.DateField(label=_("Hand in by"), widget=DATE_INPUT)
    as_of = forms.DateField(
        label=_("Figures as of"),
        required=False,
        widget=DATE_INPUT,
        help_text=_("The day the figures are counted on; the deadline when left empty."),
    )
    instructions = forms.CharField(
        label=_("Instructions for the organisations"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        opens_on, deadline = cleaned.get("opens_on"), cleaned.get("deadline")
        if opens_on and deadline and deadline < opens_on:
            self.add_error("deadline", gettext("The deadline is before the collection opens."))
        return cleaned


class SubmitForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment for the organisation that collects the figures"),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        help_text=_(
            "The municipal authority and the regional centre read the comment. Do not name pupils in it: "
            "a comment with a pupil's surname and name is not accepted."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
