"""Names for the type checker that the code also needs at run time, and small typed accessors.

``StrOrPromise``: a text that is either a ``str`` or a lazy translation (``gettext_lazy``), as class
attributes and dataclass fields holding labels are. django-stubs' own alias lives in ``django_stubs_ext``,
a development dependency, so it is imported for the checker only; at run time the name is ``str``
(annotations are not evaluated).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django import forms

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise
else:
    StrOrPromise = str

__all__ = ["StrOrPromise", "choice_field", "model_choice_field"]


def choice_field(form: forms.BaseForm, name: str) -> forms.ChoiceField:
    """``form.fields[name]`` as the choice field it is (Django types ``fields`` as plain ``Field``), to set
    its ``choices``."""
    field = form.fields[name]
    if not isinstance(field, forms.ChoiceField):
        raise TypeError(f"The field {name!r} is not a choice field.")
    return field


def model_choice_field(form: forms.BaseForm, name: str) -> forms.ModelChoiceField:
    """``form.fields[name]`` as the model choice field it is, to set its ``queryset``."""
    field = form.fields[name]
    if not isinstance(field, forms.ModelChoiceField):
        raise TypeError(f"The field {name!r} is not a model choice field.")
    return field
