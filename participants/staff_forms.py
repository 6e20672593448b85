"""Forms of the members page: a new staff member, their roles."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from mentoring.models import Organization, StaffInvitation, User
from mentoring.staff import grantable_roles
from mentoring.typing_helpers import choice_field, model_choice_field

from .models import Person
from .staff import ACCOUNT_KINDS, cards_without_account


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Person) -> str:
        parts = [obj.full_name, obj.get_kind_display()]
        if obj.position:
            parts.append(obj.position)
        return " — ".join(str(part) for part in parts)


class StaffRolesForm(forms.Form):
    roles = forms.MultipleChoiceField(
        label=_("Roles"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one role.")},
    )

    def __init__(self, *args: Any, organization: Organization, actor: User, **kwargs: Any):
        super().__init__(*args, **kwargs)
        choice_field(self, "roles").choices = grantable_roles(actor, organization)


class StaffAddForm(StaffRolesForm):
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    first_name = forms.CharField(label=_("First name"), max_length=150)
    patronymic = forms.CharField(label=_("Patronymic"), max_length=150, required=False)
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        help_text=_("The invitation with a link to set a password is sent here."),
    )
    username = forms.CharField(
        label=_("Login"),
        max_length=150,
        required=False,
        help_text=_("Leave empty to make one from the e-mail or the name."),
    )
    invite_by = forms.ChoiceField(
        label=_("How to hand over the access"),
        choices=[
            (StaffInvitation.Channel.EMAIL, _("Send an invitation by e-mail")),
            (StaffInvitation.Channel.SHEET, _("Print a one-time sign-in sheet (no e-mail)")),
        ],
        initial=StaffInvitation.Channel.EMAIL,
        widget=forms.RadioSelect,
    )
    person = PersonChoiceField(
        label=_("Card in the bases"),
        queryset=Person.objects.none(),
        required=False,
        empty_label=_("Create a new card"),
        help_text=_("Choose the person's existing card, or a new one is created with this name."),
    )
    namesake_confirmed = forms.BooleanField(
        label=_("This is another person: create a new card"),
        required=False,
        widget=forms.HiddenInput,
    )
    person_kind = forms.ChoiceField(label=_("Who the person is (for a new card)"), required=False)
    position = forms.CharField(label=_("Position"), max_length=200, required=False)

    field_order = [
        "last_name",
        "first_name",
        "patronymic",
        "email",
        "username",
        "roles",
        "invite_by",
        "person",
        "namesake_confirmed",
        "person_kind",
        "position",
    ]

    def __init__(self, *args: Any, organization: Organization, actor: User, **kwargs: Any):
        super().__init__(*args, organization=organization, actor=actor, **kwargs)
        model_choice_field(self, "person").queryset = cards_without_account(organization)
        choice_field(self, "person_kind").choices = [
            (kind, label) for kind, label in Person.Kind.choices if kind in ACCOUNT_KINDS
        ]
        self.fields["person_kind"].initial = Person.Kind.TEACHER

    def namesake_found(self) -> None:
        """Show the box that confirms a namesake is someone else (hidden until one is found)."""
        self.fields["namesake_confirmed"].widget = forms.CheckboxInput()

    def clean_username(self) -> str:
        value = self.cleaned_data.get("username", "").strip()
        if value and not all(char.isascii() and (char.isalnum() or char in "._@+-") for char in value):
            raise forms.ValidationError(_("A login may hold Latin letters, digits and the signs . _ @ + -"))
        return value

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        if cleaned.get("invite_by") == StaffInvitation.Channel.EMAIL and not cleaned.get("email"):
            self.add_error(
                "email", _("Enter the e-mail to send the invitation to, or choose a printed sheet.")
            )
        if not cleaned.get("person_kind"):
            cleaned["person_kind"] = Person.Kind.TEACHER
        return cleaned
