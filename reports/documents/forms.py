"""The forms of the documents' pages: a school's Word template, the analytical report's conclusions."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

from ..models import AnalyticalConclusions


class TemplateUploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Your template (.docx)"))


FIELDS = ["achievements", "problems", "conclusions", "next_year"]


class ConclusionsForm(forms.ModelForm):
    class Meta:
        model = AnalyticalConclusions
        fields = FIELDS
        widgets = {name: forms.Textarea(attrs={"rows": 5}) for name in FIELDS}
