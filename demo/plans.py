"""Demo data of the monitoring section: individual plans with tasks and the meeting diaries of the demo
pairs. Some of this year's pairs fall silent for more than two weeks, so that the overview and the
reminders have something to show. Idempotent: a pair that already has a plan is left as it is."""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib.auth import get_user_model

from monitoring.meetings.selectors import consenting_mentees
from monitoring.meetings.services import MeetingData, MeetingError, meeting_log
from monitoring.models import IndividualPlan, Meeting
from monitoring.plans.services import (
    plan_get_or_create,
    plan_task_create,
    plan_task_mark_done,
    plan_update_goals,
    plans_approve,
)
from pairing.models import GroupMember, MentoringGroup

from .organisations import demo_school_programmes

GOALS = (
    "1. Повысить учебную мотивацию и успеваемость по выбранному предмету.\n"
    "2. Подготовить и представить собственный проект.\n"
    "3. Развить навыки самоорганизации и публичного выступления."
)

# (activity, form of work, days after the start, expected result)
TASKS = (
    ("Диагностика интересов и затруднений наставляемого", "беседа, анкетирование", 14, "Карта затруднений"),
    ("Совместное определение целей и графика встреч", "встреча-планирование", 30, "График встреч"),
    ("Разбор трудных тем и заданий", "консультации", 90, "Рост текущих отметок"),
    ("Подготовка проекта к школьной конференции", "совместный проект", 150, "Проект представлен"),
    ("Подведение итогов, рефлексия, отзыв", "итоговая встреча", 205, "Отзыв наставляемого, кейс"),
)

TOPICS = {
    Meeting.Kind.INTRODUCTION: "Знакомство: интересы, ожидания, правила работы",
    Meeting.Kind.TRIAL: "Пробная встреча: разбор первого задания",
    Meeting.Kind.PLANNING: "Составление индивидуального плана",
    Meeting.Kind.FINAL: "Итоги работы пары",
}
WORKING_TOPICS = (
    "Разбор трудных заданий",
    "Работа над проектом: план и источники",
    "Тренировка выступления",
    "Обсуждение прочитанной книги",
    "Подготовка к конкурсу",
)
SEQUENCE = (Meeting.Kind.INTRODUCTION, Meeting.Kind.TRIAL, Meeting.Kind.PLANNING)


def seed_demo(*, today: date) -> None:
    """Idempotent: a second run changes nothing."""
    for programme in demo_school_programmes(today):
        year = programme.academic_year.start_year
        pairs = list(
            MentoringGroup.objects.filter(programme=programme)
            .exclude(status=MentoringGroup.Status.PROPOSED)
            .select_related("programme__academic_year", "programme__organization")
            .order_by("pk")
        )
        planned = set(IndividualPlan.objects.filter(group__in=pairs).values_list("group_id", flat=True))
        made = []
        for index, group in enumerate(pairs):
            if group.pk in planned:
                continue
            made.append(_pair(group, index, today))
        approve_on = date(year, 11, 1)
        if made and approve_on <= today:
            plans_approve(
                actor=None,
                plans=made[: len(made) // 2 + 1],
                order_number=f"{160 + year % 100}-ОД",
                order_date=approve_on,
            )


def _pair(group: MentoringGroup, index: int, today: date) -> IndividualPlan:
    year = group.programme.academic_year
    start = group.start_date or year.start_date
    end = min(today, group.closed_on or year.end_date)
    silent = group.is_open and index % 3 == 2  # every third open pair stops meeting three weeks ago
    last_day = end - timedelta(days=21 + index % 10) if silent else end
    plan = plan_get_or_create(actor=None, group=group)
    plan_update_goals(actor=None, plan=plan, goals=GOALS)
    tasks = [
        plan_task_create(
            actor=None,
            plan=plan,
            activity=activity,
            work_form=work_form,
            deadline=start + timedelta(days=offset),
            expected_result=result,
        )
        for activity, work_form, offset, result in TASKS
    ]
    mentees = list(consenting_mentees(group))
    mentor_user = (
        GroupMember.objects.filter(group=group, role=GroupMember.Role.MENTOR, person__user__isnull=False)
        .values_list("person__user", flat=True)
        .first()
    )
    recorder = get_user_model().objects.filter(pk=mentor_user).first() if mentor_user else None
    day = start + timedelta(days=3)
    number = 0
    while day <= last_day:
        if number < len(SEQUENCE):
            kind = SEQUENCE[number]
        elif group.closed_on and day + timedelta(days=14) > group.closed_on:
            kind = Meeting.Kind.FINAL
        else:
            kind = Meeting.Kind.WORKING
        topic = TOPICS.get(kind) or WORKING_TOPICS[(number + index) % len(WORKING_TOPICS)]
        moved = [
            task for task in tasks if task.done_on is None and task.deadline is not None and task.deadline <= day
        ][:1]
        try:
            meeting_log(
                actor=recorder,
                group=group,
                data=MeetingData(
                    date=day,
                    kind=kind,
                    format=Meeting.Format.ONLINE if number % 4 == 3 else Meeting.Format.IN_PERSON,
                    duration_minutes=(45, 60, 30, 90)[number % 4],
                    topic=topic,
                    what_was_done="Обсудили результаты прошлой недели, разобрали новые задания.",
                    agreements="Выполнить задания к следующей встрече.",
                ),
                attendees=mentees if number % 5 != 4 else mentees[:1],
                plan_tasks=moved,
                close_tasks=bool(moved),
                today=today,
            )
        except MeetingError:
            break
        for task in moved:
            task.refresh_from_db()
        if kind == Meeting.Kind.FINAL:
            break
        number += 1
        day += timedelta(days=7 if number < len(SEQUENCE) else 10 + index % 5)
    # a completed pair has done its plan, except now and then the last task
    if group.status == MentoringGroup.Status.COMPLETED:
        for task in tasks[: len(tasks) - (index % 4 == 1)]:
            task.refresh_from_db()
            if task.done_on is None and task.deadline is not None:
                plan_task_mark_done(
                    actor=None,
                    task=task,
                    done_on=min(task.deadline, group.closed_on or task.deadline),
                    evidence="Отчёт наставника",
                    today=today,
                )
    return plan
