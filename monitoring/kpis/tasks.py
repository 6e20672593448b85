"""Celery tasks of the monitoring section: kpis."""

from __future__ import annotations

from celery import shared_task
from django.utils import timezone

from mentoring.academic_years import academic_year_start_for
from mentoring.models import Organization, Programme

from .services import snapshots_take
from .summaries import summaries_refresh_in_batches

BATCH = 200  # programmes per round of grouped queries


@shared_task(name="monitoring.tasks.kpis.take_monthly_snapshots", ignore_result=True)
def take_monthly_snapshots() -> int:
    """Snapshot the KPIs of every programme of the current academic year (beat: the 1st of each month).

    Authorities' own programmes hold no participants and are skipped. Returns the rows written.
    """
    today = timezone.localdate()
    programmes = list(
        Programme.objects.filter(academic_year__start_year=academic_year_start_for(today))
        .exclude(organization__kind__in=Organization.PARENT_KINDS)
        .select_related("academic_year", "organization")
        .order_by("pk")
    )
    written = 0
    for start in range(0, len(programmes), BATCH):
        written += snapshots_take(programmes=programmes[start : start + BATCH], taken_on=today)
    summaries_refresh_in_batches(programmes, today)
    return written


@shared_task(name="monitoring.tasks.kpis.refresh_metric_summaries", ignore_result=True)
def refresh_metric_summaries(programme_ids: list[int] | None = None) -> int:
    """Store the metrics the regional console adds up (beat: every 20 minutes, all programmes of the
    current year; or the given programmes after a job that changed many figures). Returns rows written."""
    queryset = Programme.objects.exclude(organization__kind__in=Organization.PARENT_KINDS)
    if programme_ids is None:
        queryset = queryset.filter(academic_year__start_year=academic_year_start_for(timezone.localdate()))
    else:
        queryset = queryset.filter(pk__in=programme_ids)
    programmes = list(queryset.select_related("academic_year").order_by("pk"))
    return summaries_refresh_in_batches(programmes)
