from celery import shared_task

from .services import jobs_purge_expired, jobs_requeue_stale


@shared_task(name="mentoring.tasks.purge_expired_job_files", ignore_result=True)
def purge_expired_job_files() -> int:
    return jobs_purge_expired()


@shared_task(name="mentoring.tasks.requeue_stale_jobs", ignore_result=True)
def requeue_stale_jobs() -> int:
    """Send again the jobs queued while Redis was down, or whose message Redis lost."""
    return jobs_requeue_stale()


@shared_task(name="mentoring.tasks.purge_old_signin_events", ignore_result=True)
def purge_old_signin_events() -> int:
    from .signin import signin_events_purge

    return signin_events_purge()


@shared_task(name="mentoring.tasks.purge_trash", ignore_result=True)
def purge_trash() -> int:
    """Erase the records kept in the trash for longer than its 30 days."""
    from .trash import trash_purge

    return trash_purge()
