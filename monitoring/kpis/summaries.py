"""Writes of the stored metrics that the levels above add up (``models.MetricSummary``)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db import transaction
from django.utils import timezone

from mentoring.models import Programme

from ..models import MetricSummary
from .selectors import programme_metrics

BATCH = 200  # programmes per round of grouped queries


@transaction.atomic
def summaries_refresh(*, programmes: Iterable[Programme], today: date | None = None) -> int:
    """Count every metric of the programmes now and store it, replacing what was stored.

    The programmes need ``academic_year`` loaded. Returns the number of rows written.
    """
    programmes = list(programmes)
    if not programmes:
        return 0
    now = timezone.now()
    metrics = programme_metrics(programmes, today)
    MetricSummary.objects.filter(programme_id__in=[p.pk for p in programmes]).delete()
    rows = [
        MetricSummary(programme_id=programme_id, key=key, value=float(value or 0), refreshed_at=now)
        for programme_id, values in metrics.items()
        for key, value in values.items()
    ]
    MetricSummary.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def summaries_refresh_in_batches(programmes: Iterable[Programme], today: date | None = None) -> int:
    """``summaries_refresh`` over many programmes, ``BATCH`` at a time (each batch its own transaction)."""
    programmes = list(programmes)
    written = 0
    for start in range(0, len(programmes), BATCH):
        written += summaries_refresh(programmes=programmes[start : start + BATCH], today=today)
    return written
