"""«Журнал действий»: the audit trail of one organisation as its administrator reads it.

Filters by person (a name or a number in the bases), user, action and dates; the same filters give
the rows of the XLSX export (``reports``' ``audit_journal``). Read-only: nothing here writes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from django import forms
from django.apps import apps
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import AuditEvent, Organization
from .selectors import organization_members
from .typing_helpers import choice_field

PERSON_NUMBER = re.compile(r"^\s*(?:№\s*)?(\d{1,12})\s*$")
MAX_PEOPLE_BY_NAME = 50


class JournalFilterForm(forms.Form):
    person = forms.CharField(
        label=_("Person"),
        required=False,
        max_length=150,
        widget=forms.TextInput(attrs={"placeholder": _("Last name or «№ 12»")}),
    )
    user = forms.TypedChoiceField(label=_("User"), required=False, coerce=int, empty_value=None)
    action = forms.ChoiceField(label=_("Action"), required=False)
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, organization: Organization, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.organization = organization
        members = [
            (user.pk, user.get_full_name() or user.username) for user in organization_members(organization)
        ]
        # who acted here but is a member no more (left the school, account switched off): still filterable,
        # by the name the journal kept
        known = {pk for pk, _name in members}
        former: dict[int, str] = {}
        for pk, name in (
            AuditEvent.objects.filter(organization=organization, actor__isnull=False)
            .exclude(actor_id__in=known)
            .values_list("actor_id", "actor_name")
            .distinct()
        ):
            former.setdefault(pk, name or f"№ {pk}")
        members += sorted(former.items(), key=lambda item: item[1])
        choice_field(self, "user").choices = [("", _("Anyone")), *members]
        choice_field(self, "action").choices = [("", _("Any")), *AuditEvent.Action.choices]

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            raise forms.ValidationError(_("The start of the period is after its end."))
        return data


@dataclass(frozen=True)
class JournalFilters:
    person: str = ""
    user: int | None = None
    action: str = ""
    date_from: date | None = None
    date_to: date | None = None

    @classmethod
    def from_options(cls, options: dict[str, Any]) -> JournalFilters:
        def day(value: Any) -> date | None:
            return date.fromisoformat(value) if value else None

        return cls(
            person=str(options.get("person") or ""),
            user=int(options["user"]) if options.get("user") else None,
            action=str(options.get("action") or ""),
            date_from=day(options.get("date_from")),
            date_to=day(options.get("date_to")),
        )


def person_ids_for(organization: Organization, text: str) -> list[int]:
    """The people of the organisation a filter means: a number, or names that contain the text."""
    number = PERSON_NUMBER.match(text)
    if number:
        return [int(number.group(1))]
    words = text.lower().replace("ё", "е").split()
    if not words:
        return []
    person_model = apps.get_model("participants", "Person")
    people = person_model.objects.filter(organization=organization)
    for word in words:
        people = people.filter(search_text__contains=word)
    return list(people.values_list("pk", flat=True)[:MAX_PEOPLE_BY_NAME])


def journal_events(organization: Organization, filters: JournalFilters) -> QuerySet[AuditEvent]:
    """The organisation's audit rows, newest first, filtered."""
    events = AuditEvent.objects.filter(organization=organization)
    if filters.person:
        ids = person_ids_for(organization, filters.person)
        condition = Q(pk__in=[])
        for pk in ids:
            condition |= Q(people__contains=f" {pk} ") | Q(
                target_type="participants.Person", target_id=str(pk)
            )
        events = events.filter(condition)
    if filters.user:
        events = events.filter(actor_id=filters.user)
    if filters.action:
        events = events.filter(action=filters.action)
    zone = timezone.get_current_timezone()
    if filters.date_from:
        events = events.filter(at__gte=datetime.combine(filters.date_from, time.min, tzinfo=zone))
    if filters.date_to:
        events = events.filter(at__lte=datetime.combine(filters.date_to, time.max, tzinfo=zone))
    return events.order_by("-at", "-pk")


def field_labels(event: AuditEvent) -> list[str]:
    """The changed fields as the forms name them («класс или группа»), else their code."""
    try:
        model = apps.get_model(event.target_type)
    except (LookupError, ValueError):
        model = None
    labels = []
    for name in event.fields if isinstance(event.fields, list) else []:
        label = name
        if model is not None:
            try:
                label = str(model._meta.get_field(name).verbose_name)
            except Exception:  # a field that no longer exists keeps its code
                label = name
        labels.append(label)
    return labels


def details_text(event: AuditEvent) -> str:
    """Codes and numbers kept with the row (a report's identifier, counts of an import)."""
    from .erasure import ERASURE_LABELS

    details = event.details if isinstance(event.details, dict) else {}
    parts = []
    for key, value in details.items():
        if key == "erased" and isinstance(value, dict):
            parts += [f"{ERASURE_LABELS[k]}: {v}" for k, v in value.items() if k in ERASURE_LABELS and v]
        elif isinstance(value, dict):
            inner = ", ".join(f"{k}={v}" for k, v in value.items() if v not in ("", None, [], {}))
            if inner:
                parts.append(f"{key}: {inner}")
        elif value not in ("", None, [], {}):
            parts.append(f"{key}={value}")
    return "; ".join(parts)
