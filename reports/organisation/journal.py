"""The action journal («Журнал действий») as a spreadsheet, with the journal page's filters."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from mentoring.journal import JournalFilterForm, JournalFilters, details_text, field_labels, journal_events
from mentoring.models import Role
from mentoring.typing_helpers import StrOrPromise

from ..registry import XLSX, ReportContext, ReportOptionsForm, TableReport, registry

if TYPE_CHECKING:
    from mentoring.access import Scope


class JournalOptionsForm(ReportOptionsForm):
    """The journal page's filters (the page sends the ones it shows)."""

    def __init__(self, *args: Any, scope: Scope, **kwargs: Any) -> None:
        super().__init__(*args, scope=scope, **kwargs)
        filters = JournalFilterForm(organization=scope.organization)
        for name, field in filters.fields.items():
            self.fields[name] = field
        self.fields["date_from"].widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
        self.fields["date_to"].widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            raise forms.ValidationError(_("The start of the period is after its end."))
        return data


@registry.register
class AuditJournalReport(TableReport):
    identifier = "audit_journal"
    name = _("Action journal")
    description = _(
        "Who did what to which record: changes, views, downloads and exports of personal data, "
        "with the changed fields (never their values)."
    )
    roles = frozenset({Role.ADMINISTRATOR})
    formats = (XLSX,)
    contains_personal_data = True  # the names of the staff who acted
    options_form = JournalOptionsForm
    landscape = True

    def allowed(self, scope: Scope) -> bool:
        return super().allowed(scope) and not scope.access.read_only

    def subtitle(self, context: ReportContext) -> str:
        return f"{context.scope.organization.name}, {timezone.localtime():%d.%m.%Y %H:%M}"

    def columns(self, context: ReportContext) -> list[StrOrPromise]:
        return [
            _("When"),
            _("Who"),
            _("Action"),
            pgettext_lazy("journal column", "Record"),
            _("Changed fields"),
            _("People (numbers in the bases)"),
            _("Details"),
        ]

    def rows(self, context: ReportContext) -> Iterator[list[Any]]:
        filters = JournalFilters.from_options(context.options)
        events = journal_events(context.scope.organization, filters)
        for event in events.iterator(chunk_size=2000):
            yield [
                timezone.localtime(event.at).strftime("%d.%m.%Y %H:%M:%S"),
                event.actor_name or "—",
                str(event.get_action_display()),
                event.target_label,
                ", ".join(field_labels(event)),
                ", ".join(f"№ {pk}" for pk in event.person_ids),
                details_text(event),
            ]
