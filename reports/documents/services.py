"""Writes of the documents: a school's own Word templates and the analytical report's conclusions (audited)."""

from __future__ import annotations

from django.db import transaction

from mentoring.models import AuditEvent
from mentoring.services import audit_record

from ..models import AnalyticalConclusions, DocumentTemplate
from .forms import ConclusionsForm


@transaction.atomic
def template_upload(*, actor, organization, key: str, filename: str, content: bytes) -> DocumentTemplate:
    """Keep the school's template for a document, replacing an earlier one; audited."""
    found, created = DocumentTemplate.objects.update_or_create(
        organization=organization,
        key=key,
        defaults={"filename": filename[:300], "content": content, "uploaded_by": actor},
    )
    audit_record(
        actor=actor,
        organization=organization,
        action=AuditEvent.Action.CREATE if created else AuditEvent.Action.UPDATE,
        target=found,
        changes=["content"],
        details={"key": key, "bytes": len(content)},
    )
    return found


@transaction.atomic
def template_reset(*, actor, organization, key: str) -> bool:
    found = DocumentTemplate.objects.filter(organization=organization, key=key).first()
    if found is None:
        return False
    audit_record(
        actor=actor,
        organization=organization,
        action=AuditEvent.Action.DELETE,
        target=found,
        changes={"key": key},
    )
    found.delete()
    return True


@transaction.atomic
def conclusions_save(*, actor, form: ConclusionsForm) -> AnalyticalConclusions:
    created = form.instance.pk is None
    saved = form.save(commit=False)
    saved.updated_by = actor
    saved.save()
    audit_record(
        actor=actor,
        organization=saved.programme.organization,
        action=AuditEvent.Action.CREATE if created else AuditEvent.Action.UPDATE,
        target=saved,
        changes={"fields": form.changed_data},
    )
    return saved
