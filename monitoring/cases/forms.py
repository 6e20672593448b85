"""Forms of the cases (best practices): the case itself and a photo with the people on it."""

from __future__ import annotations

from typing import Any

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from mentoring.models import Programme
from mentoring.typing_helpers import model_choice_field
from pairing.models import MentoringForm, MentoringGroup
from pairing.services import forms_for
from participants.models import Person

from .selectors import photo_people_choices

PHOTO_MAX_BYTES = 10 * 1024 * 1024
PHOTO_FORMATS = {"JPEG", "PNG"}


class _GroupChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: MentoringGroup) -> str:
        names = ", ".join(member.person.short_name for member in obj.members.all())
        return f"№ {obj.pk}: {names} ({obj.form.name})"


class _PersonChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Person) -> str:
        return f"{obj.full_name}, {obj.group_name}" if obj.group_name else obj.full_name


class CaseForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    group = _GroupChoiceField(
        label=_("Pair or group"),
        queryset=MentoringGroup.objects.none(),
        required=False,
        help_text=_("The pair whose story this is (optional)."),
    )
    form = forms.ModelChoiceField(
        label=_("Form of mentoring"),
        queryset=MentoringForm.objects.none(),
        required=False,
        help_text=_("Taken from the pair when left empty."),
    )
    story = forms.CharField(
        label=_("Story"),
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("What the pair set out to do, how they worked and what came of it."),
    )

    def __init__(self, *args: Any, programme: Programme, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choice_field(self, "group").queryset = (
            MentoringGroup.objects.filter(programme=programme)
            .select_related("form")
            .prefetch_related("members__person")
            .order_by("pk")
        )
        allowed = [form.pk for form in forms_for(programme)]
        model_choice_field(self, "form").queryset = MentoringForm.objects.filter(pk__in=allowed)


class CasePhotoForm(forms.Form):
    image = forms.ImageField(
        label=_("Photo"),
        help_text=_("JPEG or PNG, up to %(size)s.") % {"size": filesizeformat(PHOTO_MAX_BYTES)},
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png"}),
    )
    caption = forms.CharField(label=_("Caption"), max_length=300, required=False)
    people = _PersonChoiceField(
        label=_("Who is on the photo"),
        queryset=Person.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_(
            "Mark everyone on the photo. It goes into the compendium only if every person marked has a "
            "consent to the publication of photos."
        ),
    )

    def __init__(self, *args: Any, programme: Programme, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choice_field(self, "people").queryset = photo_people_choices(programme)

    def clean_image(self):
        image = self.cleaned_data["image"]
        if image.size > PHOTO_MAX_BYTES:
            raise forms.ValidationError(
                _("The photo is too large: at most %(size)s.") % {"size": filesizeformat(PHOTO_MAX_BYTES)}
            )
        found = getattr(getattr(image, "image", None), "format", None)
        if found not in PHOTO_FORMATS:
            raise forms.ValidationError(_("Upload a photo in JPEG or PNG."))
        return image
