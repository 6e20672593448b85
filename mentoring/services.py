"""Writes of the core: programmes, memberships, jobs and the audit trail.

Every function is keyword-only and atomic; every change writes an audit row.
"""

from __future__ import annotations

import functools
import logging
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from importlib import import_module
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import connections, models, router, transaction
from django.db.models.sql import InsertQuery
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import AcademicYear, AuditEvent, Job, Membership, Organization, Programme, User

logger = logging.getLogger(__name__)

CONTINGENT_FIELDS = ("pupils_total", "pupils_with_disabilities", "teachers_total", "young_teachers_total")


# Details an audit row may keep besides the field names: codes and numbers, never free text.
SAFE_DETAIL = re.compile(r"^[A-Za-z0-9_.:\-]{0,80}$")
# Options that hold what a user typed (a search, a wording, a number): never kept, even in Latin letters.
FREE_TEXT_DETAILS = frozenset(
    {"q", "search", "query", "text", "wording", "name", "title", "number", "file", "person"}
)


def audit_details(value: Any) -> Any:
    """Keep numbers, booleans, ids and ASCII codes (a report's identifier, a format); drop any text.

    A name, a phone, an answer or a note never passes: they are not ASCII codes. Returns None for
    what is dropped (the caller leaves it out).
    """
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        return value if SAFE_DETAIL.match(value) else None
    if isinstance(value, list | tuple):
        kept_items = [audit_details(item) for item in value]
        return [item for item in kept_items if item is not None]
    if isinstance(value, dict):
        kept_pairs = {
            str(key): audit_details(item) for key, item in value.items() if str(key) not in FREE_TEXT_DETAILS
        }
        return {key: item for key, item in kept_pairs.items() if item is not None}
    return None


def audit_people(target: models.Model | None) -> list[int]:
    """The ids of the people a record concerns: the person, a profile's person, a pair's members."""
    if target is None:
        return []
    from django.apps import apps

    label = target._meta.label
    if label == "participants.Person":
        return [target.pk]
    person_id = getattr(target, "person_id", None)
    if person_id:
        return [person_id]
    # The target may be any model: a pair's member rows carry `group_id`, a plan task `plan_id`.
    own_group_id: int | None = getattr(target, "group_id", None)
    plan_id: int | None = getattr(target, "plan_id", None)
    group_id = None
    if label == "pairing.MentoringGroup":
        group_id = target.pk
    elif own_group_id:
        group_id = own_group_id
    elif label == "monitoring.PlanTask" and plan_id:
        group_id = (
            apps.get_model("monitoring", "IndividualPlan")
            .objects.filter(pk=plan_id)
            .values_list("group_id", flat=True)
            .first()
        )
    if group_id:
        return list(
            apps.get_model("pairing", "GroupMember")
            .objects.filter(group_id=group_id)
            .values_list("person_id", flat=True)
        )
    return []


def people_text(ids: Any) -> str:
    unique = sorted({int(pk) for pk in ids or () if pk})
    return f" {' '.join(str(pk) for pk in unique)} " if unique else ""


def actor_name(actor: User | None) -> str:
    if actor is None or not actor.is_authenticated:
        return ""
    full = actor.get_full_name() if hasattr(actor, "get_full_name") else ""
    return (full or actor.get_username())[:300]


def audit_record(
    *,
    actor: User | None,
    organization: Organization | None,
    action: str,
    target: models.Model | None = None,
    target_type: str = "",
    target_repr: str = "",
    changes: Iterable[str] | dict[str, Any] | None = None,
    details: dict[str, Any] | None = None,
    people: Iterable[int] | None = None,
) -> AuditEvent:
    """Write one audit row: who, what, which record, which FIELDS changed — never their values.

    ``changes`` gives the changed fields (a dict's keys: its values are dropped here, in one place);
    ``target_repr`` must not name a person (by default the row shows the record's kind and number);
    ``details`` keeps only codes and numbers (see ``audit_details``); ``people`` are the ids of the
    people concerned, found from the target when not given.
    """
    if target is not None:
        target_type = target_type or target._meta.label
    return AuditEvent.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        actor_name=actor_name(actor),
        organization=organization,
        action=action,
        target_type=target_type,
        target_id=str(target.pk) if target is not None else "",
        target_repr=str(target_repr)[:300],
        fields=sorted({str(name) for name in (changes or ())}),
        details=audit_details(details or {}) or {},
        people=people_text(people if people is not None else audit_people(target)),
    )


@dataclass(frozen=True)
class AuditRead:
    """One read of personal data, for ``audit_reads``."""

    target_type: str
    target_id: Any = ""
    people: tuple[int, ...] = ()
    label: str = ""
    action: str = AuditEvent.Action.VIEW


def _audit_fields() -> list[models.Field]:
    """The columns an audit row is written with: every concrete field but the id (bulk_create's)."""
    return [field for field in AuditEvent._meta.concrete_fields if not field.primary_key]


@functools.cache
def _audit_insert_sql(alias: str, vendor: str) -> str:
    """``INSERT INTO mentoring_auditevent (…) VALUES (%s, …)`` for one row, as the ORM writes it (without
    the ``RETURNING id`` bulk_create asks PostgreSQL for: nothing reads the new id)."""
    fields = _audit_fields()
    query = InsertQuery(AuditEvent)
    query.insert_values(fields, [AuditEvent()])
    [(sql, params)] = query.get_compiler(alias).as_sql()
    if len(params) != len(fields) or sql.count("%s") != len(params):
        raise RuntimeError(f"the audit INSERT does not take one parameter per column: {sql}")
    return sql


def _insert_audit_rows(rows: list[AuditEvent]) -> None:
    """What ``AuditEvent.objects.bulk_create(rows)`` writes. A single row — a page's read, nearly every
    call — goes in one INSERT compiled once per process: bulk_create built it again on every page that
    shows personal data (about 0.6 ms of processor time) and wrapped it in a transaction of its own.
    Several rows go through bulk_create (one statement on PostgreSQL, in batches the database accepts)."""
    if len(rows) != 1:
        AuditEvent.objects.bulk_create(rows)
        return
    [row] = rows
    alias = router.db_for_write(AuditEvent)
    connection = connections[alias]
    params = [
        field.get_db_prep_save(field.pre_save(row, add=True), connection=connection)
        for field in _audit_fields()
    ]
    with connection.cursor() as cursor:
        cursor.execute(_audit_insert_sql(alias, connection.vendor), params)


def audit_reads(
    *, actor: User | None, organization: Organization | None, reads: Iterable[AuditRead]
) -> int:
    """Record reads of personal data (a card, a diary, a download) in ONE query, whatever their number.

    The single helper every page that shows or sends personal data calls; returns the rows written.
    """
    name = actor_name(actor)
    user = actor if actor is not None and actor.is_authenticated else None
    now = timezone.now()
    rows = [
        AuditEvent(
            at=now,
            actor=user,
            actor_name=name,
            organization=organization,
            action=read.action,
            target_type=read.target_type,
            target_id=str(read.target_id or ""),
            target_repr=str(read.label)[:300],
            people=people_text(read.people),
        )
        for read in reads
    ]
    if rows:
        _insert_audit_rows(rows)
    return len(rows)


def academic_year_get_or_create(*, start_year: int) -> AcademicYear:
    year, _ = AcademicYear.objects.get_or_create(start_year=start_year)
    return year


@transaction.atomic
def programme_create(
    *, actor: User | None, organization: Organization, start_year: int, **contingent: int
) -> Programme:
    year = academic_year_get_or_create(start_year=start_year)
    programme = Programme.objects.create(organization=organization, academic_year=year, **contingent)
    audit_record(
        actor=actor,
        organization=organization,
        action=AuditEvent.Action.CREATE,
        target=programme,
        changes={field: getattr(programme, field) for field in CONTINGENT_FIELDS},
    )
    return programme


@transaction.atomic
def programme_update_contingent(
    *, actor: User, programme: Programme, **contingent: int
) -> Programme:
    changes = {}
    for field, value in contingent.items():
        if field not in CONTINGENT_FIELDS:
            raise ValueError(f"Not a contingent field: {field}")
        old = getattr(programme, field)
        if old != value:
            changes[field] = [old, value]
            setattr(programme, field, value)
    if changes:
        programme.full_clean()
        programme.save(update_fields=[*changes, "updated_at"])
        audit_record(
            actor=actor,
            organization=programme.organization,
            action=AuditEvent.Action.UPDATE,
            target=programme,
            changes=changes,
        )
    return programme


@transaction.atomic
def programme_open_next_year(*, actor: User, programme: Programme) -> Programme:
    """Open the following academic year from this one, carrying the contingent over.

    Opening a year that already exists returns it unchanged.
    """
    next_start = programme.academic_year.start_year + 1
    existing = Programme.objects.filter(
        organization=programme.organization, academic_year__start_year=next_start
    ).first()
    if existing is not None:
        return existing
    return programme_create(
        actor=actor,
        organization=programme.organization,
        start_year=next_start,
        **{field: getattr(programme, field) for field in CONTINGENT_FIELDS},
    )


@transaction.atomic
def membership_add(
    *, actor: User | None, user: User, organization: Organization, role: str
) -> Membership:
    membership, created = Membership.objects.get_or_create(user=user, organization=organization, role=role)
    if created:
        membership.full_clean()
        audit_record(
            actor=actor, organization=organization, action=AuditEvent.Action.CREATE, target=membership
        )
    return membership


@transaction.atomic
def users_deactivate(*, actor: User | None, users: Iterable[User]) -> int:
    """Switch accounts off instead of deleting them: the journal keeps their names and records."""
    count = 0
    for user in users:
        if not user.is_active:
            continue
        type(user).objects.filter(pk=user.pk).update(is_active=False)
        organization_ids: set[int | None] = set(user.memberships.values_list("organization_id", flat=True))
        for organization_id in organization_ids or {None}:
            audit_record(
                actor=actor,
                organization=Organization.objects.filter(pk=organization_id).first()
                if organization_id
                else None,
                action=AuditEvent.Action.UPDATE,
                target=user,
                changes=["is_active"],
            )
        count += 1
    return count


@transaction.atomic
def membership_remove(*, actor: User, membership: Membership) -> None:
    audit_record(
        actor=actor, organization=membership.organization, action=AuditEvent.Action.DELETE, target=membership
    )
    membership.delete()


# --- Jobs -------------------------------------------------------------------------------------------


def job_create(
    *,
    kind: str,
    title: str,
    organization: Organization,
    academic_year: AcademicYear | None,
    created_by: User | None,
    params: dict[str, Any] | None = None,
    contains_personal_data: bool = False,
    task: str = "",
) -> Job:
    """Create a job record; ``task`` is the name of the Celery task that will do it (see job_enqueue).

    Expired files are purged first: the application keeps its promise about how long files live even
    when the beat scheduler does not run.
    """
    jobs_purge_expired()
    return Job.objects.create(
        kind=kind,
        title=title[:300],
        organization=organization,
        academic_year=academic_year,
        created_by=created_by,
        params=params or {},
        contains_personal_data=contains_personal_data,
        task=task,
    )


def _task_by_name(name: str):
    """The task object from its name, which is its module path (``reports.tasks.build_report``)."""
    module, _dot, attribute = name.rpartition(".")
    return getattr(import_module(module), attribute)


def job_dispatch(*, job_id: Any, task_name: str) -> bool:
    """Send the job's task to the broker. False, and the job stays queued, when the broker is down.

    Sending twice is harmless: the task of a finished job does nothing (see job_claim).
    """
    try:
        _task_by_name(task_name).apply_async(args=[str(job_id)], retry=True)
    except Exception:
        logger.warning("Background job %s could not be queued: broker unavailable", job_id, exc_info=True)
        return False
    Job.objects.filter(pk=job_id, dispatched_at__isnull=True).update(dispatched_at=timezone.now())
    return True


def job_enqueue(*, job: Job) -> None:
    """Queue the job's task once the current transaction commits (never fails the request)."""
    if not job.task:
        raise ValueError(f"Job {job.pk} has no task")
    transaction.on_commit(lambda: job_dispatch(job_id=job.pk, task_name=job.task))


def job_is_delayed(job: Job) -> bool:
    """A queued job the broker never accepted: background work is delayed until it is back."""
    return job.status == Job.Status.QUEUED and job.dispatched_at is None and bool(job.task)


def job_may_run_now(job: Job) -> bool:
    """Waiting for a worker that does not come: delayed (the broker is down) or stalled (sent, but no
    worker took it within JOB_STALLED_AFTER seconds). The job page then offers to make it at once."""
    return bool(job.task) and (job_is_delayed(job) or job.seems_stalled)


def job_run_now(*, job: Job, actor: User) -> Job:
    """Do a waiting job's work in this process, now (the job page's «Сформировать сейчас»), and
    return it as it ended. A job that is no longer waiting (a worker took it meanwhile, it is done)
    is left to the worker. The same task runs as on a worker, so the result, its file and its
    lifetime are the same; a file with personal data made this way is audited as an export."""
    with transaction.atomic():
        locked = Job.objects.select_for_update().filter(pk=job.pk).first()
        if locked is None or not job_may_run_now(locked):
            return locked or job
        if locked.contains_personal_data:
            audit_record(
                actor=actor,
                organization=locked.organization,
                action=AuditEvent.Action.EXPORT,
                target=locked,
                target_repr=locked.title,
                details={"run_now": True, **{key: locked.params.get(key) for key in ("report", "format")}},
            )
    logger.info("Job %s run in the web process at the user's request", locked.pk)
    _task_by_name(locked.task)(str(locked.pk))
    locked.refresh_from_db()
    return locked


def jobs_requeue_stale(*, now=None) -> int:
    """Send again the jobs whose message may be lost; returns how many were sent.

    * queued and never accepted by the broker (it was down) for JOB_REQUEUE_AFTER seconds;
    * queued, sent, but not started within the visibility timeout (the broker lost its data);
    * running for longer than the task time limit plus the visibility timeout (its worker died and
      the broker no longer holds the message to hand it over).
    """
    now = now or timezone.now()
    visibility = timedelta(seconds=settings.CELERY_VISIBILITY_TIMEOUT)
    stale = (
        Job.objects.exclude(task="")
        .filter(
            models.Q(
                status=Job.Status.QUEUED,
                dispatched_at__isnull=True,
                created_at__lte=now - timedelta(seconds=settings.JOB_REQUEUE_AFTER),
            )
            | models.Q(status=Job.Status.QUEUED, dispatched_at__lte=now - visibility)
            | models.Q(
                status=Job.Status.RUNNING,
                started_at__lte=now - visibility - timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT),
            )
        )
        .values_list("pk", "task")
    )
    sent = 0
    for job_id, task_name in stale:
        if not job_dispatch(job_id=job_id, task_name=task_name):
            break  # the broker is still down: try again on the next run
        Job.objects.filter(pk=job_id).update(dispatched_at=now)
        sent += 1
    if sent:
        logger.info("Re-queued %s background jobs", sent)
    return sent


def job_claim(*, job_id: str) -> Job | None:
    """Mark a job as running for this attempt; None when there is nothing to do.

    A finished job is left as it is (a re-delivered message does nothing). A job still marked as
    running is one whose worker died: this attempt takes it over, unless it has already been
    interrupted JOB_MAX_ATTEMPTS times, in which case it is marked failed.
    """
    with transaction.atomic():
        job = Job.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.is_finished:
            return None
        now = timezone.now()
        if job.status == Job.Status.RUNNING:
            logger.warning("Job %s was interrupted (attempt %s); taking it over", job.pk, job.attempts)
        if job.attempts >= settings.JOB_MAX_ATTEMPTS:
            job.status = Job.Status.FAILED
            job.error = _(
                "The job was interrupted several times and has been stopped. "
                "Please try again later or tell the administrator."
            )
            job.finished_at = now
            job.save(update_fields=["status", "error", "finished_at"])
            logger.error("Job %s stopped after %s interrupted attempts", job.pk, job.attempts)
            return None
        job.status = Job.Status.RUNNING
        job.attempts += 1
        job.progress = 0
        job.started_at = now
        job.dispatched_at = job.dispatched_at or now
        job.error = ""
        job.save(update_fields=["status", "attempts", "progress", "started_at", "dispatched_at", "error"])
    return job


def job_progress(*, job_id: str, percent: int, message: str = "") -> None:
    """Report progress; written outside any long transaction so that the page polling it sees it."""
    Job.objects.filter(pk=job_id, status=Job.Status.RUNNING).update(
        progress=max(0, min(100, int(percent))), message=str(message)[:300]
    )
    if settings.JOB_PROGRESS_TEST_DELAY:
        time.sleep(settings.JOB_PROGRESS_TEST_DELAY)


def job_succeed(
    *, job: Job, filename: str | None = None, content: bytes | None = None, message: str = ""
) -> Job:
    with transaction.atomic():
        locked = Job.objects.select_for_update().get(pk=job.pk)
        # done already (a message delivered twice), or stopped meanwhile (a consent was withdrawn)
        if locked.status in (Job.Status.DONE, Job.Status.FAILED):
            return locked
        if content is not None and filename:
            if locked.result_file:
                locked.result_file.delete(save=False)
            locked.result_file.save(filename, ContentFile(content), save=False)
            locked.result_name = filename
            locked.expires_at = timezone.now() + job_file_lifetime(locked)
        locked.status = Job.Status.DONE
        locked.progress = 100
        locked.message = message[:300]
        locked.finished_at = timezone.now()
        locked.save()
    return locked


def job_fail(*, job: Job, error: str) -> Job:
    Job.objects.filter(pk=job.pk).exclude(status=Job.Status.DONE).update(
        status=Job.Status.FAILED, error=error, finished_at=timezone.now()
    )
    job.refresh_from_db()
    return job


def job_file_lifetime(job: Job) -> timedelta:
    """How long a job's file is kept: a short life for files with personal data (PERSONAL_DATA_FILE_TTL_HOURS)."""
    if job.contains_personal_data:
        return timedelta(hours=settings.PERSONAL_DATA_FILE_TTL_HOURS)
    return timedelta(days=settings.REPORT_FILE_TTL_DAYS)


def jobs_purge_listed(jobs: Iterable[Job]) -> list[Job]:
    """Purge the expired files among jobs a page is about to list; no query unless one has expired."""
    jobs = list(jobs)
    now = timezone.now()
    for job in jobs:
        if job.result_file and job.expires_at is not None and job.expires_at <= now:
            job.result_file.delete(save=False)
            Job.objects.filter(pk=job.pk).update(result_file="")
            job.result_file = ""
    return jobs


def jobs_purge_expired(*, now=None, organization: Organization | None = None) -> int:
    """Delete the files of jobs whose expiry has passed; the job rows stay as history.

    Called by the beat schedule, and by the application itself whenever a job is created or the
    jobs are listed or downloaded, so a file never outlives its expiry by much.
    """
    now = now or timezone.now()
    purged = 0
    expired = Job.objects.filter(expires_at__lte=now).exclude(result_file="")
    if organization is not None:
        expired = expired.filter(organization=organization)
    for job in expired.only("pk", "result_file"):
        job.result_file.delete(save=False)
        Job.objects.filter(pk=job.pk).update(result_file="")
        purged += 1
    if purged:
        logger.info("Purged %s expired job files", purged)
    return purged
