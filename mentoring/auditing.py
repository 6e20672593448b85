"""The one helper pages call to audit reads of personal data (a card, a diary, a plan, a download).

Every read of the request goes in ONE insert (``mentoring.services.audit_reads``), so a page keeps a
fixed number of queries however many records it shows.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .access import ScopedRequest
from .models import AuditEvent
from .services import AuditRead, audit_reads


def audit_page_read(
    request: ScopedRequest,
    target_type: str,
    target_id: Any = "",
    people: Iterable[int] = (),
    *,
    action: str = AuditEvent.Action.VIEW,
    label: str = "",
    more: Iterable[AuditRead] = (),
) -> int:
    """Record that the signed-in user saw (or downloaded) a record of the page's organisation.

    ``label`` says what was read when the record's kind and number do not (never a person's name).
    """
    first = AuditRead(
        target_type, target_id, tuple(int(pk) for pk in people if pk), label=str(label), action=action
    )
    return audit_reads(actor=request.user, organization=request.scope.organization, reads=[first, *more])
