"""The form of the bases' column choice page."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .reports import catalogue


class ColumnChoiceForm(forms.Form):
    """For every column of a base: whether it is written and its place (1, 2, 3…)."""

    def __init__(self, *args: Any, kind: str, current: list[str], **kwargs: Any) -> None:
        kwargs.setdefault("prefix", kind)
        super().__init__(*args, **kwargs)
        self.kind = kind
        self.columns = catalogue(kind)
        count = len(self.columns)
        chosen = [key for key in current if key in {column.key for column in self.columns}]
        rest = [column.key for column in self.columns if column.key not in chosen]
        positions = {key: index for index, key in enumerate(chosen + rest, start=1)}
        for column in self.columns:
            self.fields[f"use_{column.key}"] = forms.BooleanField(
                label=column.header, required=False, initial=column.key in chosen
            )
            self.fields[f"position_{column.key}"] = forms.IntegerField(
                label=_("Place of «%(column)s»") % {"column": column.header},
                required=False,
                min_value=1,
                max_value=count,
                initial=positions[column.key],
            )

    @property
    def rows(self) -> list[tuple[object, forms.BoundField, forms.BoundField]]:
        return [
            (column.header, self[f"use_{column.key}"], self[f"position_{column.key}"])
            for column in self.columns
        ]

    def clean(self):
        super().clean()
        data = self.cleaned_data
        if not any(data.get(f"use_{column.key}") for column in self.columns):
            raise forms.ValidationError(_("Choose at least one column."))
        return data

    def chosen(self) -> list[str]:
        """The chosen keys ordered by place; equal places keep the catalogue order."""
        data = self.cleaned_data
        order = {column.key: index for index, column in enumerate(self.columns)}
        keys = [column.key for column in self.columns if data.get(f"use_{column.key}")]
        last = len(self.columns) + 1
        return sorted(keys, key=lambda key: (data.get(f"position_{key}") or last, order[key]))
