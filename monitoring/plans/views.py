"""Pages of individual plans: a pair's plan (goals, tasks, completion, approval, history) and the
programme's plans with their completion.

Who may do what with a pair: its mentors and the curators/administrators write; the psychologist and
the municipal coordinator read; a member who only mentors sees just their own pairs (others: 404).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mentoring.access import OVERSIGHT_ROLES, Privacy, Scope, ScopedRequest, organization_view
from mentoring.auditing import audit_page_read
from mentoring.files import attachment_response
from mentoring.models import AuditEvent, Role
from mentoring.sorting import sorting
from pairing.models import GroupMember, MentoringGroup
from pairing.selectors import group_detail

from ..models import IndividualPlan, PlanTask
from . import selectors as plan_selectors
from . import services as plan_services
from .forms import ApproveForm, GoalsForm, TaskDoneForm, TaskForm
from .services import PlanError

READERS = frozenset({Role.ADMINISTRATOR, Role.CURATOR, Role.PSYCHOLOGIST, *OVERSIGHT_ROLES})


@dataclass(frozen=True)
class PairAccess:
    group: MentoringGroup
    may_edit: bool

    @property
    def mentors(self):
        return [m.person for m in self.group.members.all() if m.role == GroupMember.Role.MENTOR]

    @property
    def mentees(self):
        return [m.person for m in self.group.members.all() if m.role == GroupMember.Role.MENTEE]


def pair_access(request: ScopedRequest, group: int) -> PairAccess:
    """The pair from the URL, if the user may see it (else 404), and whether they may write to it."""
    scope: Scope = request.scope
    found = group_detail(scope.programme, group)
    if found is None:
        raise Http404
    mentor_here = any(
        member.person.user_id == request.user.pk and member.role == GroupMember.Role.MENTOR
        for member in found.members.all()
    )
    member_here = mentor_here or any(
        member.person.user_id == request.user.pk for member in found.members.all()
    )
    if not scope.access.has_any(READERS) and not member_here:
        raise Http404
    may_edit = not scope.access.read_only and (scope.access.can_manage or mentor_here)
    return PairAccess(group=found, may_edit=may_edit)


def editable_pair(request: ScopedRequest, group: int) -> PairAccess:
    access = pair_access(request, group)
    if not access.may_edit:
        raise PermissionDenied
    return access


def url(scope: Scope, name: str, **kwargs: Any) -> str:
    return reverse(f"monitoring:{name}", kwargs={**scope.url_kwargs, **kwargs})


def _task_or_404(group: MentoringGroup, task: int) -> PlanTask:
    return get_object_or_404(
        PlanTask.objects.select_related("plan__group__programme__organization"), plan__group=group, pk=task
    )


# --- The plan of a pair -----------------------------------------------------------------------------


@organization_view(privacy=Privacy.PERSONAL)
def plan(request: ScopedRequest, group: int) -> HttpResponse:
    access = pair_access(request, group)
    found = plan_selectors.plan_of_group(access.group)
    people = [member.person_id for member in access.group.members.all()]
    audit_page_read(
        request,
        "monitoring.IndividualPlan",
        found.pk if found else "",
        people,
        label="" if found else _("Individual plan of pair № %(id)s") % {"id": access.group.pk},
    )
    tasks = list(found.tasks.all()) if found else []
    today = timezone.localdate()
    context = {
        "pair": access,
        "group": access.group,
        "plan": found,
        "tasks": tasks,
        "percent": plan_selectors.plan_completion(found) if found else 0,
        "done": sum(1 for task in tasks if task.done_on),
        "changes": list(found.changes.all()) if found else [],
        "approve_form": ApproveForm(
            initial={"order_number": found.order_number, "order_date": found.order_date or today}
            if found
            else {"order_date": today}
        )
        if request.scope.access.can_manage
        else None,
        "threshold": plan_selectors.THRESHOLD,
        "may_print": found is not None and _may_print_plan(request.scope),
    }
    return render(request, "monitoring/plans/plan.html", context)


def _may_print_plan(scope: Scope) -> bool:
    from reports.registry import registry

    report = registry.get("individual_plan")
    return report is not None and report.allowed(scope)


def _plan_for_write(request: ScopedRequest, access: PairAccess) -> IndividualPlan:
    return plan_services.plan_get_or_create(actor=request.user, group=access.group)


@organization_view(privacy=Privacy.PERSONAL)
def plan_goals(request: ScopedRequest, group: int) -> HttpResponse:
    scope = request.scope
    access = editable_pair(request, group)
    existing = IndividualPlan.objects.filter(group=access.group).first()
    form = GoalsForm(request.POST or None, initial={"goals": existing.goals if existing else ""})
    if request.method == "POST" and form.is_valid():
        found = _plan_for_write(request, access)
        plan_services.plan_update_goals(actor=request.user, plan=found, goals=form.cleaned_data["goals"])
        messages.success(request, _("Saved."))
        return redirect(url(scope, "plan", group=access.group.pk))
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "group": access.group, "title": _("Goals of the plan"), "plan": existing}
    return render(request, "monitoring/plans/form.html", context, status=status)


@organization_view(privacy=Privacy.PERSONAL)
def plan_task_new(request: ScopedRequest, group: int) -> HttpResponse:
    scope = request.scope
    access = editable_pair(request, group)
    form = TaskForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        found = _plan_for_write(request, access)
        try:
            plan_services.plan_task_create(actor=request.user, plan=found, **form.cleaned_data)
        except PlanError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The task is added."))
            if "add_another" in request.POST:
                return redirect(url(scope, "plan_task_new", group=access.group.pk))
            return redirect(url(scope, "plan", group=access.group.pk))
    status = 400 if request.method == "POST" else 200
    existing = IndividualPlan.objects.filter(group=access.group).first()
    context = {
        "form": form,
        "group": access.group,
        "title": _("New task"),
        "add_another": True,
        "plan": existing,
    }
    return render(request, "monitoring/plans/form.html", context, status=status)


@organization_view(privacy=Privacy.PERSONAL)
def plan_task_edit(request: ScopedRequest, group: int, task: int) -> HttpResponse:
    scope = request.scope
    access = editable_pair(request, group)
    found = _task_or_404(access.group, task)
    form = TaskForm(request.POST or None, initial=TaskForm.initial_for(found))
    if request.method == "POST" and form.is_valid():
        try:
            plan_services.plan_task_update(actor=request.user, task=found, **form.cleaned_data)
        except PlanError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Saved."))
            return redirect(url(scope, "plan", group=access.group.pk))
    status = 400 if request.method == "POST" else 200
    context = {
        "form": form,
        "group": access.group,
        "title": _("Task of the plan"),
        "task": found,
        "plan": found.plan,
    }
    return render(request, "monitoring/plans/form.html", context, status=status)


@organization_view(privacy=Privacy.PERSONAL)
def plan_task_done(request: ScopedRequest, group: int, task: int) -> HttpResponse:
    scope = request.scope
    access = editable_pair(request, group)
    found = _task_or_404(access.group, task)
    today = timezone.localdate()
    form = TaskDoneForm(
        request.POST or None,
        request.FILES or None,
        initial={"done_on": found.done_on or today, "evidence": found.evidence},
    )
    if request.method == "POST" and form.is_valid():
        try:
            plan_services.plan_task_mark_done(
                actor=request.user, task=found, today=today, **form.cleaned_data
            )
        except PlanError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The task is marked done."))
            return redirect(url(scope, "plan", group=access.group.pk))
    status = 400 if request.method == "POST" else 200
    context = {
        "form": form,
        "group": access.group,
        "title": _("Mark the task done"),
        "task": found,
        "plan": found.plan,
        "multipart": True,
    }
    return render(request, "monitoring/plans/form.html", context, status=status)


@organization_view(privacy=Privacy.PERSONAL)
@require_POST
def plan_task_reopen(request: ScopedRequest, group: int, task: int) -> HttpResponse:
    access = editable_pair(request, group)
    found = _task_or_404(access.group, task)
    plan_services.plan_task_reopen(actor=request.user, task=found)
    messages.success(request, _("The done mark is taken back."))
    return redirect(url(request.scope, "plan", group=access.group.pk))


@organization_view(privacy=Privacy.PERSONAL)
@require_POST
def plan_task_delete(request: ScopedRequest, group: int, task: int) -> HttpResponse:
    access = editable_pair(request, group)
    found = _task_or_404(access.group, task)
    plan_services.plan_task_delete(actor=request.user, task=found)
    messages.success(request, _("The task is deleted."))
    return redirect(url(request.scope, "plan", group=access.group.pk))


@organization_view(privacy=Privacy.PERSONAL)
@require_POST
def plan_task_move(request: ScopedRequest, group: int, task: int) -> HttpResponse:
    access = editable_pair(request, group)
    found = _task_or_404(access.group, task)
    offset = -1 if request.POST.get("direction") == "up" else 1
    plan_services.plan_task_move(actor=request.user, task=found, offset=offset)
    return redirect(url(request.scope, "plan", group=access.group.pk) + f"#task-{found.pk}")


@organization_view(privacy=Privacy.PERSONAL)
def plan_task_file(request: ScopedRequest, group: int, task: int) -> HttpResponseBase:
    access = pair_access(request, group)
    found = _task_or_404(access.group, task)
    if not found.evidence_file.name:
        raise Http404
    name = found.evidence_file.name.rsplit("/", 1)[-1]
    people = [member.person_id for member in access.group.members.all()]
    audit_page_read(request, "monitoring.PlanTask", found.pk, people, action=AuditEvent.Action.DOWNLOAD)
    return attachment_response(found.evidence_file, name)


@organization_view(manage=True, privacy=Privacy.PERSONAL)
@require_POST
def plan_approve(request: ScopedRequest, group: int) -> HttpResponse:
    scope = request.scope
    access = editable_pair(request, group)
    form = ApproveForm(request.POST)
    if form.is_valid():
        found = _plan_for_write(request, access)
        try:
            plan_services.plans_approve(actor=request.user, plans=[found], **form.cleaned_data)
        except PlanError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The plan is approved: from now on its changes are recorded."))
    else:
        messages.error(request, _("Give the order number and date."))
    return redirect(url(scope, "plan", group=access.group.pk))


# --- The plans of the programme ---------------------------------------------------------------------


PLANS_PAGE_SIZE = 50  # pairs per page of the list of plans (as the list of meetings, the pairs and the bases)


@organization_view(roles=READERS, privacy=Privacy.PERSONAL)
def plans(request: ScopedRequest) -> HttpResponse:
    scope = request.scope
    unapproved = request.GET.get("approved") == "no"
    search = request.GET.get("q", "")[:100]
    order = sorting(request.GET, plan_selectors.PLAN_SORTS, "status")
    if unapproved or search.split():
        listed: Any = plan_selectors.plans_overview(
            scope.programme, unapproved=unapproved, search=search, order_by=order.order_by
        )
    else:  # the whole list of the year: its queries compiled once per process
        listed = plan_selectors.whole_plans(scope.programme, order.order_by)
    page = Paginator(listed, PLANS_PAGE_SIZE).get_page(request.GET.get("page"))
    rows = plan_selectors.with_plan_rows(list(page.object_list), scope.programme)
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "rows": rows,
        "page": page,
        "summary": plan_selectors.programme_plan_completion(scope.programme),
        "threshold": plan_selectors.THRESHOLD,
        "unapproved": unapproved,
        "search": search,
        "sorting": order,
        "query": query.urlencode(),
    }
    return render(request, "monitoring/plans/plans.html", context)
