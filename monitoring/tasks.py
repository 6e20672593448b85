"""Celery tasks of the monitoring section. Celery's autodiscovery imports ``monitoring.tasks``; each
sub-domain keeps its tasks in its own ``tasks.py`` (registered names stay ``monitoring.tasks.<theme>.<task>``
so queued jobs and the beat schedule survive the move). Questionnaires need no task: links are created in
the request, answers are stored by the public page, and their files are built by ``reports.tasks.build_report``."""

from .kpis import tasks as kpis  # noqa: F401  imported for Celery: the import registers the tasks
from .meetings import tasks as meetings  # noqa: F401  imported for Celery: the import registers the tasks
