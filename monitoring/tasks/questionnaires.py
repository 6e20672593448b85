"""Celery tasks of the monitoring section: questionnaires.

The theme needs no task of its own: links are created in a few queries inside the request (bulk insert),
answers are stored by the public page in one transaction, and every file (the QR sheet, the results and
the comparison tables) is built by the report registry's task (``reports.tasks.build_report``).
"""
