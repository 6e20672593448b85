"""Celery tasks of the monitoring section: kpis."""
