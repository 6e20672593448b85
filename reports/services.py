"""Running reports: a job is created, a task builds the file, the user downloads it."""

from __future__ import annotations

import logging

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext as _

from mentoring.access import Scope, resolve_scope_for_job
from mentoring.models import AuditEvent, Job, User
from mentoring.services import (
    audit_record,
    job_claim,
    job_create,
    job_enqueue,
    job_fail,
    job_progress,
    job_succeed,
)

from .registry import Report, ReportContext, ReportError, registry

logger = logging.getLogger(__name__)

JOB_KIND_PREFIX = "report:"


@transaction.atomic
def report_start(
    *, user: User, scope: Scope, report: Report, fmt: str, options: dict, site_url: str = ""
) -> Job:
    """Create the job and queue its task after the transaction commits; ``site_url`` is the address the
    report was started from (the file's links and QR codes lead there)."""
    from .tasks import build_report

    if not report.allowed(scope):
        raise ReportError(_("You may not run this report."))
    if fmt not in report.formats:
        raise ReportError(_("This report cannot be produced in this format."))
    job = job_create(
        kind=JOB_KIND_PREFIX + report.identifier,
        title=f"{report.name} ({fmt.upper()})",
        organization=scope.organization,
        academic_year=scope.programme.academic_year,
        created_by=user,
        params={
            "report": report.identifier,
            "format": fmt,
            "options": options,
            **({"site_url": site_url} if site_url else {}),
        },
        contains_personal_data=report.contains_personal_data,
        task=build_report.name,
    )
    if report.contains_personal_data:
        audit_record(
            actor=user,
            organization=scope.organization,
            action=AuditEvent.Action.EXPORT,
            target=job,
            target_repr=job.title,
            details={"report": report.identifier, "format": fmt, "options": options},
        )
    job_enqueue(job=job)
    return job


def report_build(*, job_id: str) -> None:
    """Build the file of a report job. Safe to run twice: a finished job is left as it is."""
    job = job_claim(job_id=job_id)
    if job is None:
        return
    try:
        report = registry.get(job.params.get("report", ""))
        if report is None:
            raise ReportError(_("This report no longer exists."))
        user = (
            None
            if job.created_by_id is None
            else get_user_model().objects.filter(pk=job.created_by_id).first()
        )
        scope = resolve_scope_for_job(job, user)
        if scope is None or not report.allowed(scope):
            raise ReportError(_("The user who started this report no longer has access to it."))
        context = ReportContext(
            scope=scope,
            user=user,
            options=job.params.get("options", {}),
            site_url=job.params.get("site_url", ""),
            progress=lambda percent, message: job_progress(job_id=job_id, percent=percent, message=message),
        )
        job_progress(job_id=job_id, percent=5, message=_("Collecting data"))
        generated = report.generate(context, job.params.get("format", ""))
        job_succeed(
            job=job, filename=generated.filename, content=generated.content, message=_("File is ready")
        )
    except ReportError as error:
        job_fail(job=job, error=str(error))
    except Exception:
        logger.exception("Report job %s failed", job_id)
        job_fail(
            job=job,
            error=_(
                "The file could not be generated because of an internal error. "
                "Please try again later or tell the administrator."
            ),
        )
