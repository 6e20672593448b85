"""Celery tasks of the monitoring section; Celery's autodiscovery imports this package."""

from . import kpis, meetings, questionnaires  # noqa: F401
