"""Background work of the bases: the confirmed import of a large file, the purge of abandoned uploads."""

from celery import shared_task

from .importing import import_run_job, imports_purge_stale


@shared_task(
    name="participants.tasks.import_participants",
    acks_late=True,
    reject_on_worker_lost=True,
    ignore_result=True,
)
def import_participants(job_id: str) -> None:
    """Import the file stored under ``imports/<job id>/``; the folder is deleted once the job ends."""
    import_run_job(job_id=job_id)


@shared_task(name="participants.tasks.purge_stale_imports", ignore_result=True)
def purge_stale_imports() -> int:
    """Delete upload folders of previews nobody confirmed or cancelled (older than PERSONAL_DATA_FILE_TTL_HOURS)."""
    return imports_purge_stale()
