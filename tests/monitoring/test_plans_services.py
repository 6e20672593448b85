"""Individual plans: tasks, completion computed by the database, approval by an order and the history."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from mentoring.models import AuditEvent
from monitoring.models import IndividualPlan, PlanChange, PlanTask
from monitoring.plans.selectors import plan_completion, plan_of_group, programme_plan_completion
from monitoring.plans.services import (
    PlanError,
    plan_get_or_create,
    plan_task_create,
    plan_task_delete,
    plan_task_mark_done,
    plan_task_move,
    plan_task_reopen,
    plan_task_update,
    plan_update_goals,
    plans_approve,
)
from pairing.models import MentoringForm
from pairing.services import group_create

from ..pairing.test_groups import pupil, teacher

pytestmark = pytest.mark.django_db


def make_plan(group, actor=None, tasks: int = 0, done: int = 0) -> IndividualPlan:
    plan = plan_get_or_create(actor=actor, group=group)
    for index in range(tasks):
        task = plan_task_create(actor=actor, plan=plan, activity=f"Задача {index + 1}")
        if index < done:
            plan_task_mark_done(actor=actor, task=task, done_on=date(2025, 11, 1))
    return plan


def test_tasks_are_added_in_order_and_audited(pair, curator):
    plan = plan_get_or_create(actor=curator, group=pair)
    first = plan_task_create(
        actor=curator,
        plan=plan,
        activity="Разбор задач",
        work_form="консультация",
        deadline=date(2025, 11, 1),
    )
    second = plan_task_create(actor=curator, plan=plan, activity="Пробная олимпиада")
    assert [first.position, second.position] == [1, 2]
    assert AuditEvent.objects.filter(target_type="monitoring.PlanTask", action="create").count() == 2
    assert AuditEvent.objects.filter(target_type="monitoring.IndividualPlan", action="create").count() == 1
    assert not PlanChange.objects.exists()  # not approved yet: no history


def test_an_empty_activity_is_refused(pair):
    plan = plan_get_or_create(actor=None, group=pair)
    with pytest.raises(PlanError):
        plan_task_create(actor=None, plan=plan, activity="   ")
    assert not plan.tasks.exists()


def test_done_date_cannot_be_in_the_future_and_the_file_size_is_limited(pair, settings):
    plan = make_plan(pair, tasks=1)
    task = plan.tasks.get()
    with pytest.raises(PlanError):
        plan_task_mark_done(actor=None, task=task, done_on=date(2025, 12, 2), today=date(2025, 12, 1))
    settings.EVIDENCE_MAX_BYTES = 10
    with pytest.raises(PlanError):
        plan_task_mark_done(
            actor=None,
            task=task,
            done_on=date(2025, 11, 1),
            evidence_file=SimpleUploadedFile("big.pdf", b"x" * 11),
        )
    task.refresh_from_db()
    assert task.done_on is None and not task.evidence_file


def test_mark_done_keeps_the_evidence_and_the_file(pair, curator):
    task = make_plan(pair, tasks=1).tasks.get()
    plan_task_mark_done(
        actor=curator,
        task=task,
        done_on=date(2025, 11, 3),
        evidence="Протокол № 3",
        evidence_file=SimpleUploadedFile("protocol.pdf", b"%PDF-1.4 x"),
    )
    task.refresh_from_db()
    assert task.done_on == date(2025, 11, 3) and task.evidence == "Протокол № 3"
    assert task.evidence_file.name.startswith(f"plans/{task.plan_id}/")
    plan_task_reopen(actor=curator, task=task)
    task.refresh_from_db()
    assert task.done_on is None and task.evidence == "Протокол № 3"


def test_move_renumbers_positions(pair):
    plan = make_plan(pair, tasks=3)
    third = plan.tasks.get(activity="Задача 3")
    plan_task_move(actor=None, task=third, offset=-1)
    assert list(plan.tasks.values_list("activity", flat=True)) == ["Задача 1", "Задача 3", "Задача 2"]
    plan_task_move(actor=None, task=plan.tasks.get(activity="Задача 1"), offset=-1)  # already first
    assert list(plan.tasks.values_list("position", flat=True)) == [1, 2, 3]


def test_after_approval_every_change_is_in_the_history(pair, curator, administrator):
    plan = make_plan(pair, actor=curator, tasks=2)
    plan_update_goals(actor=curator, plan=plan, goals="Подготовка к олимпиаде")
    assert not PlanChange.objects.exists()

    assert (
        plans_approve(actor=administrator, plans=[plan], order_number="12-ОД", order_date=date(2025, 10, 20))
        == 1
    )
    plan.refresh_from_db()
    assert plan.is_approved and plan.order_number == "12-ОД" and plan.order_date == date(2025, 10, 20)
    assert PlanChange.objects.filter(plan=plan).count() == 1  # the approval itself

    plan_update_goals(actor=curator, plan=plan, goals="Подготовка к олимпиаде и к ОГЭ")
    task = plan.tasks.first()
    plan_task_update(actor=curator, task=task, activity="Разбор задач ОГЭ")
    plan_task_mark_done(actor=curator, task=task, done_on=date(2025, 11, 1))
    added = plan_task_create(actor=curator, plan=plan, activity="Итоговая встреча")
    plan_task_delete(actor=curator, task=added)
    descriptions = list(
        PlanChange.objects.filter(plan=plan).order_by("pk").values_list("description", flat=True)
    )
    assert len(descriptions) == 6
    assert all(change.actor_id == curator.pk for change in PlanChange.objects.filter(plan=plan)[:5])
    goals_change = PlanChange.objects.filter(plan=plan).order_by("pk")[1]
    assert goals_change.details["goals"] == ["Подготовка к олимпиаде", "Подготовка к олимпиаде и к ОГЭ"]
    # an unchanged save is not a change
    plan_update_goals(actor=curator, plan=plan, goals="Подготовка к олимпиаде и к ОГЭ")
    assert PlanChange.objects.filter(plan=plan).count() == 6


def test_approve_is_idempotent_and_refuses_an_empty_number(pair):
    plan = make_plan(pair)
    with pytest.raises(PlanError):
        plans_approve(actor=None, plans=[plan], order_number=" ", order_date=date(2025, 10, 20))
    assert plans_approve(actor=None, plans=[plan], order_number="5", order_date=date(2025, 10, 20)) == 1
    first = IndividualPlan.objects.get().approved_at
    assert plans_approve(actor=None, plans=[plan], order_number="5", order_date=date(2025, 10, 20)) == 0
    assert plans_approve(actor=None, plans=[plan], order_number="6", order_date=date(2025, 11, 20)) == 1
    plan.refresh_from_db()
    assert plan.approved_at == first and plan.order_number == "6"


def test_completion_per_plan_rounds_down(pair):
    plan = make_plan(pair, tasks=3, done=2)
    assert plan_completion(plan) == 66
    assert plan_completion(plan_of_group(pair)) == 66  # from the prefetched tasks
    assert plan_completion(IndividualPlan.objects.get(pk=plan.pk)) == 66  # one aggregate query
    PlanTask.objects.filter(plan=plan).delete()
    assert plan_completion(IndividualPlan.objects.get(pk=plan.pk)) == 0


def test_programme_completion_in_one_query(programme, django_assert_num_queries):
    form = MentoringForm.objects.get(key="teacher_pupil")

    def pair_with(tasks: int, done: int, index: int):
        group = group_create(
            actor=None,
            programme=programme,
            form=form,
            mentors=[teacher(programme, f"Наставник{index}")],
            mentees=[pupil(programme, f"Ученик{index}")],
        )
        return make_plan(group, tasks=tasks, done=done)

    pair_with(10, 9, 1)  # 90 %: counts
    pair_with(10, 10, 2)  # 100 %
    pair_with(3, 2, 3)  # 66 %
    pair_with(0, 0, 4)  # no tasks: 0 %, not implemented
    with django_assert_num_queries(1):
        plans, plans_90, average = programme_plan_completion(programme)
    assert (plans, plans_90, average) == (4, 2, 64.0)
    for index in range(5, 25):
        pair_with(2, 1, index)
    with django_assert_num_queries(1):
        result = programme_plan_completion(programme)
    assert result.plans == 24 and result.plans_90 == 2
