"""Celery tasks of the monitoring section: meetings."""

from celery import shared_task
from django.utils import timezone

from .services import remind_silent_pairs as send_silent_pair_reminders


@shared_task(name="monitoring.tasks.meetings.remind_silent_pairs", ignore_result=True, acks_late=True)
def remind_silent_pairs() -> int:
    """Weekly (Celery beat): remind mentors of their pairs without meetings, once per silent spell."""
    return send_silent_pair_reminders(today=timezone.localdate())
