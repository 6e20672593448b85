"""Writes of the statistics layout: an organisation's own layout saved or reset to the default (audited)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction

from mentoring.models import AuditEvent, Organization
from mentoring.services import audit_record

from ..models import StatisticsLayout
from . import calc as statistics
from .selectors import layout_validate

if TYPE_CHECKING:
    from mentoring.models import User


@transaction.atomic
def layout_save(
    *, actor: User, organization: Organization, name: str, layout: statistics.Layout
) -> StatisticsLayout:
    errors = layout_validate(organization, layout)
    if errors:
        raise statistics.LayoutError(errors)
    saved, created = StatisticsLayout.objects.update_or_create(
        organization=organization,
        defaults={"name": name, "data": statistics.layout_to_data(layout), "updated_by": actor},
    )
    audit_record(
        actor=actor,
        organization=organization,
        action=AuditEvent.Action.CREATE if created else AuditEvent.Action.UPDATE,
        target=saved,
        changes={"rows": len(layout.rows), "columns": len(layout.columns)},
    )
    return saved


@transaction.atomic
def layout_reset(*, actor: User, organization: Organization) -> None:
    """Forget the organisation's own layout (it falls back to its authority's or the default)."""
    deleted = StatisticsLayout.objects.filter(organization=organization).first()
    if deleted is not None:
        audit_record(actor=actor, organization=organization, action=AuditEvent.Action.DELETE, target=deleted)
        deleted.delete()
