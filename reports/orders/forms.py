"""Forms of the «Orders» pages: a new order of a kind, its text, the requisites the documents print."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mentoring.access import Scope
from mentoring.typing_helpers import choice_field
from pairing.models import MentoringGroup
from participants.models import Person

from ..forms import DATE_INPUT
from ..models import OrderKind
from .services import curator_facts, curators_of, order_days, requisites_of

SEX_CHOICES = [
    ("", _("Tell by the patronymic")),
    (Person.Sex.FEMALE, _("Female")),
    (Person.Sex.MALE, _("Male")),
]


class _GroupChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: MentoringGroup) -> str:
        members = sorted(obj.members.all(), key=lambda m: (m.role != "mentor", m.person.last_name))
        names = " — ".join(
            ", ".join(m.person.short_name for m in members if m.role == role) for role in ("mentor", "mentee")
        )
        fixed = (
            f" (приказ № {obj.order_number} от {obj.order_date:%d.%m.%Y})"
            if obj.order_number and obj.order_date
            else ""
        )
        return f"{names} · {obj.form.name}{fixed}"


class _PlanChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        members = sorted(obj.group.members.all(), key=lambda m: (m.role != "mentor", m.person.last_name))
        names = " — ".join(
            ", ".join(m.person.short_name for m in members if m.role == role) for role in ("mentor", "mentee")
        )
        fixed = f" (утверждён приказом № {obj.order_number})" if obj.order_number else ""
        return f"{names} · {obj.group.form.name}{fixed}"


class _PersonChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Person) -> str:
        detail = obj.position or obj.group_name
        return f"{obj.full_name}, {detail}" if detail else obj.full_name


class _OrderChoice(forms.ModelChoiceField):
    def __init__(self, *args, organization, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.organization = organization

    def label_from_instance(self, obj) -> str:
        return f"№ {obj.number} от {obj.day:%d.%m.%Y} — {obj.title}"

    def to_python(self, value):
        try:
            return super().to_python(value)
        except ValidationError:
            # an order of the organisation no longer offered (cancelled meanwhile, say): tell why
            from ..models import Order
            from .services import why_not_cancellable

            target = (
                Order.objects.filter(organization=self.organization, pk=value).first()
                if str(value).isdigit()
                else None
            )
            reason = why_not_cancellable(target) if target is not None else None
            if reason:
                raise ValidationError(reason, code="invalid_choice") from None
            raise


class OrderCreateForm(forms.Form):
    number = forms.CharField(label=_("Order number"), max_length=50)
    day = forms.DateField(label=_("Order date"), widget=DATE_INPUT)
    place = forms.CharField(label=_("Place"), max_length=200, required=False, help_text=_("Town or village."))
    responsible = forms.TypedChoiceField(
        label=_("Curator named in the order"), coerce=int, required=False, empty_value=None
    )
    responsible_position = forms.CharField(
        label=_("Curator's position"),
        max_length=200,
        required=False,
        help_text=_("In the nominative case, e.g. «заместитель директора по УВР»: the order declines it."),
    )
    responsible_sex = forms.ChoiceField(
        label=_("Curator's sex (for the grammar of the order)"), choices=SEX_CHOICES, required=False
    )

    def __init__(self, *args: Any, scope: Scope, kind: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.scope, self.kind = scope, kind
        organization, programme = scope.organization, scope.programme
        if kind == OrderKind.CANCEL:
            from .selectors import cancellable_orders

            self.fields["cancels"] = _OrderChoice(
                organization=organization,
                label=_("Order declared invalid"),
                queryset=cancellable_orders(organization),
                help_text=_(
                    "A signed order in force. It loses its force when this order is signed; a draft changes "
                    "nothing."
                ),
            )
            self.fields["reason"] = forms.CharField(
                label=_("Reason («в связи с …»)"),
                max_length=500,
                required=False,
                help_text=_("E.g. «изменением состава наставнических пар». Printed in the preamble."),
            )
            self.order_fields(["cancels", "reason"])
        self.curators = {user.pk: user for user in curators_of(organization)}
        choice_field(self, "responsible").choices = [("", "—")] + [
            (pk, user.get_full_name() or user.get_username()) for pk, user in self.curators.items()
        ]
        # today, or the nearest date the programme year allows (an earlier year's order is dated within it)
        first, last = order_days(programme)
        self.fields["day"].initial = min(max(timezone.localdate(), first), last)
        self.fields["place"].initial = requisites_of(organization).place
        if self.curators:
            curator = next(iter(self.curators.values()))
            self.fields["responsible"].initial = curator.pk
            _name, position, _sex = curator_facts(organization, curator)
            self.fields["responsible_position"].initial = position
        if kind == OrderKind.CURATOR:
            self.fields["responsible"].required = True
        if kind == OrderKind.PAIRING:
            groups = (
                MentoringGroup.objects.filter(programme=programme, status__in=MentoringGroup.OPEN_STATUSES)
                .select_related("form")
                .prefetch_related("members__person")
                .order_by("created_at", "pk")
            )
            self.fields["groups"] = _GroupChoice(
                label=_("Pairs and groups the order fixes"),
                queryset=groups,
                required=False,
                widget=forms.CheckboxSelectMultiple,
                help_text=_(
                    "Accepted pairs not yet fixed by an order are chosen. A pair fixed by an earlier order keeps that order's number."
                ),
            )
            self.fields["groups"].initial = [group.pk for group in groups if not group.order_number]
        if kind == OrderKind.PLANS:
            from monitoring.models import IndividualPlan

            plans = (
                IndividualPlan.objects.filter(
                    group__programme=programme,
                    group__status__in=(*MentoringGroup.OPEN_STATUSES, MentoringGroup.Status.COMPLETED),
                )
                .select_related("group__form")
                .prefetch_related("group__members__person")
                .order_by("group__created_at", "group_id")
            )
            self.fields["plans"] = _PlanChoice(
                label=_("Individual plans the order approves"),
                queryset=plans,
                required=False,
                widget=forms.CheckboxSelectMultiple,
                help_text=_(
                    "Plans not yet approved are chosen. A plan approved by an earlier order keeps it."
                ),
            )
            self.fields["plans"].initial = [plan.pk for plan in plans if not plan.order_number]
        if kind == OrderKind.REWARD:
            from ..documents.year_end import participants_with_consent

            self.fields["people"] = _PersonChoice(
                label=_("Participants to reward"),
                queryset=participants_with_consent(programme),
                required=False,
                widget=forms.SelectMultiple(attrs={"size": 12}),
                help_text=_("Only people with a valid consent to personal data processing are listed."),
            )
            self.fields["note"] = forms.CharField(
                label=_("Wording for everyone"),
                max_length=500,
                required=False,
                initial="за активное участие и высокие результаты в реализации программы наставничества",
            )
        if kind == OrderKind.CURATOR:
            staff = Person.objects.filter(
                organization=organization, kind__in=Person.STAFF_KINDS, anonymised_at__isnull=True
            ).order_by("last_name", "first_name", "pk")
            self.fields["people"] = _PersonChoice(
                label=_("Working group"),
                queryset=staff,
                required=False,
                widget=forms.SelectMultiple(attrs={"size": 10}),
                help_text=_("Teachers and staff of the bases. Hold Ctrl to choose several."),
            )
            self.fields["note"] = forms.CharField(
                label=_("Duties of the working group members"),
                max_length=500,
                required=False,
                initial="участие в планировании, организации и мониторинге программы наставничества",
            )

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        if self.kind == OrderKind.PAIRING and not cleaned.get("groups"):
            self.add_error(None, _("There are no accepted pairs to put in an order."))
        if self.kind == OrderKind.PLANS and not cleaned.get("plans"):
            self.add_error(None, _("Choose at least one individual plan."))
        if self.kind == OrderKind.REWARD and not cleaned.get("people"):
            self.add_error(None, _("Choose at least one participant to reward."))
        return cleaned

    def clean_responsible(self):
        value = self.cleaned_data.get("responsible")
        if value is not None and value not in self.curators:
            raise forms.ValidationError(_("Choose a curator of the organisation."))
        return self.curators.get(value) if value is not None else None


class OrderTextForm(forms.Form):
    number = forms.CharField(label=_("Order number"), max_length=50)
    day = forms.DateField(label=_("Order date"), widget=DATE_INPUT)
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    title = forms.CharField(label=_("Title «О …»"), max_length=500)
    preamble = forms.CharField(
        label=_("Preamble"), widget=forms.Textarea(attrs={"rows": 5}), required=False, max_length=5000
    )
    points = forms.CharField(
        label=_("Points"),
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=20000,
        help_text=_(
            "One point per paragraph (separate them with an empty line); the numbers are added when printing."
        ),
    )
    signatory_position = forms.CharField(label=_("Signatory's position"), max_length=200)
    signatory_name = forms.CharField(label=_("Signatory (И.О. Фамилия)"), max_length=200)

    def clean_points(self) -> list[str]:
        text = self.cleaned_data["points"].replace("\r\n", "\n")
        blocks = [" ".join(block.split()) for block in text.split("\n\n")]
        points = [block for block in blocks if block]
        if not points:
            raise forms.ValidationError(_("An order needs at least one point."))
        return points


class RequisitesForm(forms.Form):
    place = forms.CharField(
        label=_("Place"),
        max_length=200,
        required=False,
        help_text=_("The town or village printed under «ПРИКАЗ»."),
    )
    regulation_number = forms.CharField(
        label=_("Number of the order approving the regulation on mentoring"),
        max_length=50,
        required=False,
        help_text=_(
            "Only if that order was issued outside the system: an order of the kind «regulation» here wins."
        ),
    )
    regulation_date = forms.DateField(label=_("Date of that order"), required=False, widget=DATE_INPUT)
