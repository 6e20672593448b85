"""Writes of the bases: an organisation's choice of columns (audited)."""

from __future__ import annotations

from django.db import transaction

from mentoring.models import AuditEvent, Organization, User
from mentoring.services import audit_record

from ..models import BaseColumnSet, BaseKind
from .reports import catalogue


@transaction.atomic
def column_set_save(
    *, actor: User | None, organization: Organization, kind: str, columns: list[str]
) -> BaseColumnSet | None:
    """Save the organisation's columns of a base; the default order (or nothing chosen) removes the choice."""
    found = BaseColumnSet.objects.select_for_update().filter(organization=organization, kind=kind).first()
    old = list(found.columns) if found else []
    default = [column.key for column in catalogue(kind)]
    if not columns or columns == default:
        if found is not None:
            found.delete()
            audit_record(
                actor=actor,
                organization=organization,
                action=AuditEvent.Action.DELETE,
                target_type=BaseColumnSet._meta.label,
                target_repr=str(BaseKind(kind).label),
                changes={"columns": [old, default]},
            )
        return None
    column_set = found or BaseColumnSet(organization=organization, kind=kind)
    column_set.columns = list(columns)
    column_set.updated_by = actor if actor is not None and actor.is_authenticated else None
    column_set.full_clean()
    if old == column_set.columns:
        return column_set
    column_set.save()
    audit_record(
        actor=actor,
        organization=organization,
        action=AuditEvent.Action.UPDATE if found else AuditEvent.Action.CREATE,
        target=column_set,
        changes={"columns": [old, column_set.columns]},
    )
    return column_set
