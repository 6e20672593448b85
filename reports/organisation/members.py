"""«Members and roles»: everyone who works in the system for the organisation, registered in the report registry
(imported from ``reports.definitions``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mentoring.access import OVERSIGHT_ROLES
from mentoring.models import Role
from mentoring.selectors import organization_members
from mentoring.typing_helpers import StrOrPromise

from ..registry import ReportContext, ReportOptionsForm, TableReport, registry


class MembersOptionsForm(ReportOptionsForm):
    roles = forms.MultipleChoiceField(
        label=_("Roles"),
        choices=Role.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave empty to list everyone."),
    )


@registry.register
class MembersReport(TableReport):
    identifier = "members"
    name = _("Members and roles")
    description = _("Everyone who works in the system for this organisation, with their roles and e-mail.")
    roles = frozenset({Role.ADMINISTRATOR, Role.CURATOR, *OVERSIGHT_ROLES})
    contains_personal_data = True
    options_form = MembersOptionsForm

    def columns(self, context: ReportContext) -> list[StrOrPromise]:
        return [_("No."), _("Full name"), _("Login"), _("E-mail"), _("Roles"), _("Member since")]

    def rows(self, context: ReportContext) -> Iterator[list[Any]]:
        wanted = set(context.options.get("roles") or [])
        members = list(organization_members(context.scope.organization))
        total = max(1, len(members))
        number = 0
        for index, user in enumerate(members, start=1):
            memberships = [m for m in user.roles_here if not wanted or m.role in wanted]
            if memberships:
                number += 1
                yield [
                    number,
                    user.get_full_name() or user.username,
                    user.username,
                    user.email,
                    ", ".join(str(m.get_role_display()) for m in memberships),
                    timezone.localtime(min(m.created_at for m in memberships)).date(),
                ]
            if index % 50 == 0:
                context.progress(10 + 50 * index // total, str(_("Collecting members")))
