"""Celery tasks of the monitoring section: meetings."""
