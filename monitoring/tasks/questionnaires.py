"""Celery tasks of the monitoring section: questionnaires."""
