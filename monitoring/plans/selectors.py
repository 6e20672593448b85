"""Selectors (reads) of the monitoring section: individual plans and their completion.

Completion of a plan = done tasks / all tasks, in whole percent (rounded down, so that 89.9 % is not
counted as «≥ 90 %»); a plan without tasks is 0 % done.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple, TypeAlias, TypedDict

from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from mentoring.models import Programme
from mentoring.prepared import BoundPages, PreparedAggregate, PreparedModels, PreparedPages
from pairing.models import GroupMember, MentoringGroup
from pairing.selectors import PAGE_GROUP_PARAMS, PAGE_GROUPS, member_values, page_group_values

from ..models import IndividualPlan, PlanChange, PlanTask

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

THRESHOLD = 90  # the KPI «планы реализованы не менее чем на 90 %»


class ProgrammeCompletion(NamedTuple):
    plans: int
    plans_90: int
    average: float  # percent, one decimal


class Completion(TypedDict):
    tasks_total: int
    tasks_done: int
    percent: int  # whole percent of the tasks done


# A plan with its completion annotated by ``with_completion`` (for the type checker).
PlanWithCompletion: TypeAlias = "WithAnnotations[IndividualPlan, Completion]"


@dataclass(frozen=True)
class PlanRow:
    """A pair in the list of plans, with its plan and the plan's completion (None: no plan yet), and its
    members' short names as plain values, mentors and mentees by surname — None for a mentee without a
    valid consent or anonymised, who is not named."""

    group: MentoringGroup
    plan: PlanWithCompletion | None
    mentors: list[str] = field(default_factory=list)
    mentees: list[str | None] = field(default_factory=list)


def _count(queryset) -> Subquery:
    return Subquery(
        queryset.order_by().values("plan_id").annotate(n=Count("pk")).values("n")[:1],
        output_field=IntegerField(),
    )


def with_completion(queryset: QuerySet[IndividualPlan]) -> QuerySet[PlanWithCompletion]:
    """Annotate ``tasks_total``, ``tasks_done`` and ``percent`` (computed by the database)."""
    tasks = PlanTask.objects.filter(plan=OuterRef("pk"))
    return queryset.annotate(
        tasks_total=Coalesce(_count(tasks), 0),
        tasks_done=Coalesce(_count(tasks.filter(done_on__isnull=False)), 0),
    ).annotate(
        percent=Case(
            When(tasks_total=0, then=Value(0)),
            default=F("tasks_done") * 100 / F("tasks_total"),
            output_field=IntegerField(),
        )
    )


def plan_completion(plan: IndividualPlan) -> int:
    """Whole percent of the plan's tasks done: from its annotation, its prefetched tasks, or one query."""
    annotated: int | None = getattr(plan, "percent", None)  # set on plans read by ``with_completion``
    if annotated is not None:
        return annotated
    cache = getattr(plan, "_prefetched_objects_cache", {})
    if "tasks" in cache:
        tasks = cache["tasks"]
        total = len(tasks)
        done = sum(1 for task in tasks if task.done_on is not None)
    else:
        counts = plan.tasks.aggregate(total=Count("pk"), done=Count("pk", filter=Q(done_on__isnull=False)))
        total, done = counts["total"], counts["done"]
    return done * 100 // total if total else 0


# compiled once per process (``mentoring.prepared``): building it cost more than running it
_COMPLETION_TOTALS = PreparedAggregate(
    lambda programme_id: (
        with_completion(IndividualPlan.objects.filter(group__programme=programme_id)),
        {
            "plans": Count("pk"),
            "plans_90": Count("pk", filter=Q(percent__gte=THRESHOLD)),
            "percent_sum": Coalesce(Sum("percent"), 0),
        },
    ),
    programme_id=int,
)


def programme_plan_completion(programme: Programme) -> ProgrammeCompletion:
    """(plans, plans done to ≥ 90 %, average percent) over the plans of the year's pairs — one query."""
    totals = _COMPLETION_TOTALS(programme_id=programme.pk)
    plans = totals["plans"]
    return ProgrammeCompletion(
        plans=plans,
        plans_90=totals["plans_90"],
        average=round(totals["percent_sum"] / plans, 1) if plans else 0.0,
    )


def plan_of_group(group: MentoringGroup) -> IndividualPlan | None:
    """The pair's plan with its tasks, the meetings that moved them and its history (4 queries)."""
    return (
        IndividualPlan.objects.filter(group=group)
        .prefetch_related(
            Prefetch("tasks", queryset=PlanTask.objects.order_by("position", "pk")),
            Prefetch("changes", queryset=PlanChange.objects.select_related("actor").order_by("-at", "-pk")),
        )
        .first()
    )


def open_tasks(group: MentoringGroup, also: list[int] | None = None) -> QuerySet[PlanTask]:
    """The tasks of the pair's plan not done yet (and ``also`` these ids), in plan order."""
    condition = Q(done_on__isnull=True)
    if also:
        condition |= Q(pk__in=also)
    return PlanTask.objects.filter(condition, plan__group=group).order_by("position", "pk")


def unapproved_pairs(programme: Programme) -> QuerySet[MentoringGroup]:
    """Active pairs whose individual plan is not approved yet (no plan, or a plan without approval)."""
    return MentoringGroup.objects.filter(programme=programme, status=MentoringGroup.Status.ACTIVE).exclude(
        plan__approved_at__isnull=False
    )


# ?sort= keys of the list of plans: the fields (annotated by ``plans_overview``) to order by
PLAN_SORTS: dict[str, tuple[str, ...]] = {
    "number": ("id",),
    "status": ("status",),
    "mentor": ("mentor_name",),
    "mentee": ("mentee_name",),
    "done": ("done_percent",),
    "approved": ("plan__order_date",),
}


def _first_name_of(role: str) -> Subquery:
    """The pair's first member of ``role`` by surname and name (what a sorted column reads)."""
    return Subquery(
        GroupMember.objects.filter(group=OuterRef("pk"), role=role)
        .order_by("person__last_name", "person__first_name", "pk")
        .values("person__last_name")[:1]
    )


def plans_overview(
    programme: Programme,
    *,
    unapproved: bool = False,
    search: str = "",
    order_by: tuple[str, ...] = ("status", "pk"),
) -> QuerySet[MentoringGroup]:
    """Every pair of the year, for the list of plans; ``with_plan_rows`` then gives a page of them its
    plan, its completion and its members. 1 query for a page.
    ``unapproved`` keeps the active pairs whose plan waits for approval (``unapproved_pairs``);
    ``search`` keeps the pairs with a member whose name or class holds every word of it;
    ``order_by`` may name the annotations of ``PLAN_SORTS`` (subqueries: still one query)."""
    base = unapproved_pairs(programme) if unapproved else MentoringGroup.objects.filter(programme=programme)
    for word in search.lower().replace("ё", "е").split()[:5]:
        base = base.filter(
            pk__in=GroupMember.objects.filter(person__search_text__contains=word).values("group_id")
        )
    names = {name.lstrip("-") for name in order_by}
    if "mentor_name" in names:
        base = base.annotate(mentor_name=_first_name_of(GroupMember.Role.MENTOR))
    if "mentee_name" in names:
        base = base.annotate(mentee_name=_first_name_of(GroupMember.Role.MENTEE))
    if "done_percent" in names:
        base = base.annotate(
            done_percent=Coalesce(
                Subquery(
                    with_completion(IndividualPlan.objects.filter(group=OuterRef("pk"))).values("percent")[:1]
                ),
                Value(-1),
            )
        )
    return base.exclude(status=MentoringGroup.Status.PROPOSED).select_related("form").order_by(*order_by)


def _whole_plans(order_by: tuple[str, ...]) -> Callable[[int], QuerySet[MentoringGroup]]:
    def build(programme_id: int) -> QuerySet[MentoringGroup]:
        return plans_overview(Programme(pk=programme_id), order_by=order_by)

    return build


_WHOLE_PLANS: dict[tuple[str, ...], PreparedPages] = {}


def whole_plans(programme: Programme, order_by: tuple[str, ...]) -> BoundPages:
    """``plans_overview(programme, order_by=order_by)`` — the list of plans as it opens, without a filter —
    for the paginator, counted and sliced through queries compiled once per process and order."""
    order_by = tuple(order_by)
    pages = _WHOLE_PLANS.get(order_by)
    if pages is None:
        pages = _WHOLE_PLANS.setdefault(order_by, PreparedPages(_whole_plans(order_by), programme_id=int))
    return pages.bind(programme_id=programme.pk)


def _member_names(group_ids: list[int]) -> dict[int, tuple[list[str], list[str | None]]]:
    """The groups' mentors and mentees as short names by surname, a mentee who may not be named as None
    (1 query)."""
    names: dict[int, tuple[list[str], list[str | None]]] = defaultdict(lambda: ([], []))
    for member in member_values(group_ids):
        mentors, mentees = names[member.group_id]
        if member.role == GroupMember.Role.MENTOR:
            mentors.append(member.short_name)
        else:
            mentees.append(member.short_name if member.shown else None)
    return names


def _plans_of(programme_id: int, **group_ids: int) -> QuerySet[PlanWithCompletion]:
    return with_completion(
        IndividualPlan.objects.filter(group__programme=programme_id, group__in=list(group_ids.values()))
    )


# a page's plans (fifty pairs at most): compiled once per process, the ids padded with the last one
_PAGE_PLANS = PreparedModels(_plans_of, programme_id=int, **dict.fromkeys(PAGE_GROUP_PARAMS, int))


def with_plan_rows(groups: list[MentoringGroup], programme: Programme) -> list[PlanRow]:
    """Each group with its plan and the plan's completion, or None, and its members (2 queries; none
    for no groups)."""
    if not groups:
        return []
    ids = [group.pk for group in groups]
    names = _member_names(ids)
    if len(ids) <= PAGE_GROUPS:
        found = _PAGE_PLANS(programme_id=programme.pk, **page_group_values(ids))
    else:
        found = list(_plans_of(programme.pk, **{f"group{number}": pk for number, pk in enumerate(ids)}))
    plans = {plan.group_id: plan for plan in found}
    return [PlanRow(group, plans.get(group.pk), *names.get(group.pk, ([], []))) for group in groups]
