"""Services (writes) of the monitoring section: individual plans and their tasks.

Every function is keyword-only and atomic and writes an audit row. Once a plan is approved by an order,
every change of its goals or tasks also writes a ``PlanChange`` row: the «История изменений» of the plan.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mentoring.files import document_error
from mentoring.models import AuditEvent, User
from mentoring.services import audit_record
from pairing.models import MentoringGroup

from ..models import IndividualPlan, PlanChange, PlanTask

TASK_FIELDS = ("activity", "work_form", "deadline", "expected_result")


class PlanError(Exception):
    """A refused change; the message is shown to the user as it is."""


def _actor(actor: User | None) -> User | None:
    return actor if actor is not None and actor.is_authenticated else None


def _organization(plan: IndividualPlan):
    return plan.group.programme.organization


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    return value


def _track(
    *, actor: User | None, plan: IndividualPlan, description: str, details: dict | None = None
) -> None:
    """After approval every change is kept in the plan's history."""
    if plan.is_approved:
        PlanChange.objects.create(
            plan=plan, actor=_actor(actor), description=description[:500], details=details or {}
        )


def _record_task(
    *, actor: User | None, task: PlanTask, action: str, changes: dict, description: str
) -> None:
    """Audit a change of a task and, once the plan is approved, write it to the plan's history."""
    _audit(actor=actor, plan=task.plan, action=action, target=task, changes=changes)
    _track(
        actor=actor, plan=task.plan, description=description % {"task": task.activity[:300]}, details=changes
    )


def _audit(
    *,
    actor: User | None,
    plan: IndividualPlan,
    action: str,
    target=None,
    changes: dict | None = None,
) -> None:
    audit_record(
        actor=actor,
        organization=_organization(plan),
        action=action,
        target=target if target is not None else plan,
        changes=changes,
    )


@transaction.atomic
def plan_get_or_create(*, actor: User | None, group: MentoringGroup) -> IndividualPlan:
    """The pair's plan, created empty on the first write."""
    plan, created = IndividualPlan.objects.select_related("group__programme__organization").get_or_create(
        group=group
    )
    if created:
        plan.group = group
        _audit(actor=actor, plan=plan, action=AuditEvent.Action.CREATE)
    return plan


@transaction.atomic
def plan_update_goals(*, actor: User | None, plan: IndividualPlan, goals: str) -> IndividualPlan:
    goals = goals.strip()
    if goals == plan.goals:
        return plan
    old = plan.goals
    plan.goals = goals
    plan.save(update_fields=["goals", "updated_at"])
    changes = {"goals": [old, goals]}
    _audit(actor=actor, plan=plan, action=AuditEvent.Action.UPDATE, changes=changes)
    _track(actor=actor, plan=plan, description=_("Goals changed"), details=changes)
    return plan


def _check_task(*, activity: str, done_on: date | None = None, today: date | None = None) -> None:
    if not activity.strip():
        raise PlanError(_("Describe the activity."))
    if done_on is not None and done_on > (today or timezone.localdate()):
        raise PlanError(_("The date it was done cannot be in the future."))


def _check_file(evidence_file: UploadedFile | None) -> None:
    error = document_error(evidence_file)
    if error:
        raise PlanError(error)


@transaction.atomic
def plan_task_create(
    *,
    actor: User | None,
    plan: IndividualPlan,
    activity: str,
    work_form: str = "",
    deadline: date | None = None,
    expected_result: str = "",
) -> PlanTask:
    _check_task(activity=activity)
    last = plan.tasks.order_by("-position").values_list("position", flat=True).first()
    task = PlanTask.objects.create(
        plan=plan,
        activity=activity.strip(),
        work_form=work_form.strip(),
        deadline=deadline,
        expected_result=expected_result.strip(),
        position=(last or 0) + 1,
    )
    fields = {field: _plain(getattr(task, field)) for field in TASK_FIELDS}
    _record_task(
        actor=actor,
        task=task,
        action=AuditEvent.Action.CREATE,
        changes=fields,
        description=_("Task added: %(task)s"),
    )
    return task


@transaction.atomic
def plan_task_update(
    *,
    actor: User | None,
    task: PlanTask,
    activity: str,
    work_form: str = "",
    deadline: date | None = None,
    expected_result: str = "",
) -> PlanTask:
    _check_task(activity=activity)
    new = {
        "activity": activity.strip(),
        "work_form": work_form.strip(),
        "deadline": deadline,
        "expected_result": expected_result.strip(),
    }
    changes = {
        field: [_plain(getattr(task, field)), _plain(value)]
        for field, value in new.items()
        if getattr(task, field) != value
    }
    if not changes:
        return task
    for field, value in new.items():
        setattr(task, field, value)
    task.save(update_fields=list(changes))
    _record_task(
        actor=actor,
        task=task,
        action=AuditEvent.Action.UPDATE,
        changes=changes,
        description=_("Task changed: %(task)s"),
    )
    return task


@transaction.atomic
def plan_task_delete(*, actor: User | None, task: PlanTask) -> None:
    fields = {field: _plain(getattr(task, field)) for field in TASK_FIELDS}
    _record_task(
        actor=actor,
        task=task,
        action=AuditEvent.Action.DELETE,
        changes=fields,
        description=_("Task deleted: %(task)s"),
    )
    if task.evidence_file.name:
        name = task.evidence_file.name
        storage = task.evidence_file.storage
        transaction.on_commit(lambda: storage.delete(name))
    task.delete()


@transaction.atomic
def plan_task_move(*, actor: User | None, task: PlanTask, offset: int) -> None:
    """Move a task one place up (offset -1) or down (+1); positions are renumbered 1..n."""
    plan = task.plan
    tasks = list(plan.tasks.select_for_update().order_by("position", "pk"))
    index = next(i for i, item in enumerate(tasks) if item.pk == task.pk)
    target = index + (1 if offset > 0 else -1)
    if not 0 <= target < len(tasks):
        return
    tasks[index], tasks[target] = tasks[target], tasks[index]
    for position, item in enumerate(tasks, start=1):
        if item.position != position:
            item.position = position
            item.save(update_fields=["position"])
    _record_task(
        actor=actor,
        task=task,
        action=AuditEvent.Action.UPDATE,
        changes={"position": [index + 1, target + 1]},
        description=_("Task moved: %(task)s"),
    )


@transaction.atomic
def plan_task_mark_done(
    *,
    actor: User | None,
    task: PlanTask,
    done_on: date,
    evidence: str = "",
    evidence_file: UploadedFile | None = None,
    today: date | None = None,
) -> PlanTask:
    _check_task(activity=task.activity, done_on=done_on, today=today)
    _check_file(evidence_file)
    changes: dict[str, Any] = {"done_on": [_plain(task.done_on), done_on.isoformat()]}
    task.done_on = done_on
    update = ["done_on"]
    evidence = evidence.strip()
    if evidence and evidence != task.evidence:
        changes["evidence"] = [task.evidence, evidence]
        task.evidence = evidence
        update.append("evidence")
    if evidence_file is not None:
        if task.evidence_file.name:
            old = task.evidence_file.name
            storage = task.evidence_file.storage
            transaction.on_commit(lambda: storage.delete(old))
        task.evidence_file.save(evidence_file.name or "file", evidence_file, save=False)
        changes["evidence_file"] = task.evidence_file.name
        update.append("evidence_file")
    task.save(update_fields=update)
    _record_task(
        actor=actor,
        task=task,
        action=AuditEvent.Action.UPDATE,
        changes=changes,
        description=_("Task done: %(task)s"),
    )
    return task


@transaction.atomic
def plan_task_reopen(*, actor: User | None, task: PlanTask) -> PlanTask:
    """Take the done mark back (the evidence stays)."""
    if task.done_on is None:
        return task
    changes = {"done_on": [task.done_on.isoformat(), None]}
    task.done_on = None
    task.save(update_fields=["done_on"])
    _record_task(
        actor=actor,
        task=task,
        action=AuditEvent.Action.UPDATE,
        changes=changes,
        description=_("Task reopened: %(task)s"),
    )
    return task


@transaction.atomic
def plans_approve(
    *, actor: User | None, plans: Iterable[IndividualPlan], order_number: str, order_date: date
) -> int:
    """Record the approving order on the plans; from now on their changes are tracked.

    Approving an approved plan again (a new order) replaces the order and is itself kept in the history.
    Returns the number of plans whose order changed.
    """
    order_number = order_number.strip()
    if not order_number:
        raise PlanError(_("Give the order number."))
    if order_date is None:
        raise PlanError(_("Give the order date."))
    now = timezone.now()
    changed = 0
    ids = [plan.pk for plan in plans]
    for plan in IndividualPlan.objects.filter(pk__in=ids).select_related("group__programme__organization"):
        if plan.order_number == order_number and plan.order_date == order_date and plan.is_approved:
            continue
        changes = {
            "order_number": [plan.order_number, order_number],
            "order_date": [_plain(plan.order_date), order_date.isoformat()],
        }
        was_approved = plan.is_approved
        plan.order_number = order_number
        plan.order_date = order_date
        if not was_approved:
            plan.approved_at = now
        plan.save(update_fields=["order_number", "order_date", "approved_at", "updated_at"])
        _audit(actor=actor, plan=plan, action=AuditEvent.Action.UPDATE, changes=changes)
        PlanChange.objects.create(
            plan=plan,
            actor=_actor(actor),
            description=(
                _("Approved by order № %(number)s of %(date)s")
                % {"number": order_number, "date": order_date.strftime("%d.%m.%Y")}
            )[:500],
            details=changes,
        )
        changed += 1
    return changed
