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
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .models import AuditEvent, Organization, Role
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

    def __init__(self, *args: Any, organization: Organization, **kwargs: Any) -> None:
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


# Field names kept in the journal that are not a field of the record's model (the account's password
# changed through an invitation, an import's summary).
EXTRA_FIELD_LABELS = {
    "password": pgettext_lazy("audit detail", "password"),
    "undone": pgettext_lazy("audit detail", "undone"),
    "imported_events": pgettext_lazy("audit detail", "events imported"),
    "imported_sections": pgettext_lazy("audit detail", "sections imported"),
    "replace": pgettext_lazy("audit detail", "replaced the roadmap"),
}

# The keys of ``AuditEvent.details`` as the journal names them; a value is shown by the target model's
# choices where the key is one of its fields (a role, a channel, an order's kind), «да»/«нет» for a flag.
DETAIL_LABELS = {
    "role": pgettext_lazy("audit detail", "role"),
    "roles": pgettext_lazy("audit detail", "roles"),
    "channel": pgettext_lazy("audit detail", "channel"),
    "undo": pgettext_lazy("audit detail", "undo of the last action"),
    "trash": pgettext_lazy("audit detail", "moved to the trash, record"),
    "restored_from_trash": pgettext_lazy("audit detail", "restored from the trash, record"),
    "rows": pgettext_lazy("audit detail", "rows"),
    "object_id": pgettext_lazy("audit detail", "record"),
    "reason": pgettext_lazy("audit detail", "reason"),
    "kind": pgettext_lazy("audit detail", "kind"),
    "objects": pgettext_lazy("audit detail", "records"),
    "cancels": pgettext_lazy("audit detail", "cancels order"),
    "cancelled_by": pgettext_lazy("audit detail", "cancelled by order"),
    "order_number": pgettext_lazy("audit detail", "order number"),
    "copied_from": pgettext_lazy("audit detail", "copied from"),
    "moved": pgettext_lazy("audit detail", "moved"),
    "campaign": pgettext_lazy("audit detail", "campaign"),
    "answers": pgettext_lazy("audit detail", "answers"),
    "key": pgettext_lazy("audit detail", "template"),
    "bytes": pgettext_lazy("audit detail", "size, bytes"),
    "report": pgettext_lazy("audit detail", "report"),
    "format": pgettext_lazy("audit detail", "format"),
    "options": pgettext_lazy("audit detail", "options"),
    "deadline": pgettext_lazy("audit detail", "deadline"),
    "organizations": pgettext_lazy("audit detail", "organisations"),
    "window": pgettext_lazy("audit detail", "monitoring window"),
    "version": pgettext_lazy("audit detail", "version"),
    "late": pgettext_lazy("audit detail", "late"),
    "events": pgettext_lazy("audit detail", "events"),
    "kept": pgettext_lazy("audit detail", "kept"),
    "deleted": pgettext_lazy("audit detail", "deleted"),
    "skipped": pgettext_lazy("audit detail", "skipped"),
    "shifted_years": pgettext_lazy("audit detail", "years shifted"),
    "events_removed": pgettext_lazy("audit detail", "events removed"),
    "events_restored": pgettext_lazy("audit detail", "events restored"),
    "base": pgettext_lazy("audit detail", "base"),
    "people_removed": pgettext_lazy("audit detail", "people removed"),
    "people_restored": pgettext_lazy("audit detail", "people restored"),
    "profiles_restored": pgettext_lazy("audit detail", "profiles restored"),
    "leavers_restored": pgettext_lazy("audit detail", "leavers restored"),
}
VALUE_LABELS = {
    "up": pgettext_lazy("audit detail", "up"),
    "down": pgettext_lazy("audit detail", "down"),
    "mentees": pgettext_lazy("audit detail", "mentees"),
    "mentors": pgettext_lazy("audit detail", "mentors"),
}


def _target_model(event: AuditEvent) -> Any:
    try:
        return apps.get_model(event.target_type)
    except (LookupError, ValueError):
        return None


def field_labels(event: AuditEvent) -> list[str]:
    """The changed fields as the forms name them («класс или группа»), else their code."""
    model = _target_model(event)
    labels = []
    for name in event.fields if isinstance(event.fields, list) else []:
        label = str(EXTRA_FIELD_LABELS.get(name, name))
        if model is not None:
            try:
                label = str(model._meta.get_field(name).verbose_name)
            except FieldDoesNotExist:  # a field that no longer exists keeps its code or label
                label = str(EXTRA_FIELD_LABELS.get(name, name))
        labels.append(label)
    return labels


def _detail_key(model: Any, key: str) -> str:
    if key in DETAIL_LABELS:
        return str(DETAIL_LABELS[key])
    if model is not None:
        try:
            return str(model._meta.get_field(key).verbose_name)
        except FieldDoesNotExist:
            return key
    return key


def _detail_value(model: Any, key: str, value: Any) -> str:
    if isinstance(value, bool):
        return str(pgettext_lazy("audit detail", "yes") if value else pgettext_lazy("audit detail", "no"))
    if isinstance(value, list):
        return ", ".join(_detail_value(model, key, item) for item in value)
    if isinstance(value, str):
        if model is not None:
            try:
                choices = dict(getattr(model._meta.get_field(key), "flatchoices", None) or [])
            except FieldDoesNotExist:
                choices = {}
            if value in choices:
                return str(choices[value])
        if key == "roles" and value in Role.values:  # the roles an ended access keeps (a list of keys)
            return str(Role(value).label)
        if value in VALUE_LABELS:
            return str(VALUE_LABELS[value])
    return str(value)


def details_text(event: AuditEvent) -> str:
    """Codes and numbers kept with the row (a report's identifier, counts of an import), in words."""
    from .erasure import ERASURE_LABELS

    model = _target_model(event)
    details = event.details if isinstance(event.details, dict) else {}
    parts = []
    for key, value in details.items():
        if key == "erased" and isinstance(value, dict):
            parts += [f"{ERASURE_LABELS[k]}: {v}" for k, v in value.items() if k in ERASURE_LABELS and v]
        elif isinstance(value, dict):
            inner = ", ".join(
                f"{_detail_key(model, k)}: {_detail_value(model, k, v)}"
                for k, v in value.items()
                if v not in ("", None, [], {})
            )
            if inner:
                parts.append(f"{_detail_key(model, key).capitalize()} ({inner})")
        elif value not in ("", None, [], {}):
            parts.append(f"{_detail_key(model, key).capitalize()}: {_detail_value(model, key, value)}")
    return "; ".join(parts)
