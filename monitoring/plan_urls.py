"""URL patterns of the monitoring section: individual plans and the meeting diary (included by
monitoring/urls.py)."""

from django.urls import path

from . import meeting_views, plan_views

urlpatterns: list = [
    path("plans/", plan_views.plans, name="plans"),
    path("groups/<int:group>/plan/", plan_views.plan, name="plan"),
    path("groups/<int:group>/plan/goals/", plan_views.plan_goals, name="plan_goals"),
    path("groups/<int:group>/plan/approve/", plan_views.plan_approve, name="plan_approve"),
    path("groups/<int:group>/plan/tasks/new/", plan_views.plan_task_new, name="plan_task_new"),
    path("groups/<int:group>/plan/tasks/<int:task>/edit/", plan_views.plan_task_edit, name="plan_task_edit"),
    path("groups/<int:group>/plan/tasks/<int:task>/done/", plan_views.plan_task_done, name="plan_task_done"),
    path(
        "groups/<int:group>/plan/tasks/<int:task>/reopen/",
        plan_views.plan_task_reopen,
        name="plan_task_reopen",
    ),
    path(
        "groups/<int:group>/plan/tasks/<int:task>/delete/",
        plan_views.plan_task_delete,
        name="plan_task_delete",
    ),
    path("groups/<int:group>/plan/tasks/<int:task>/move/", plan_views.plan_task_move, name="plan_task_move"),
    path("groups/<int:group>/plan/tasks/<int:task>/file/", plan_views.plan_task_file, name="plan_task_file"),
    path("meetings/", meeting_views.meetings, name="meetings"),
    path("groups/<int:group>/diary/", meeting_views.diary, name="diary"),
    path("groups/<int:group>/meetings/new/", meeting_views.meeting_new, name="meeting_new"),
    path("groups/<int:group>/meetings/<int:meeting>/edit/", meeting_views.meeting_edit, name="meeting_edit"),
    path(
        "groups/<int:group>/meetings/<int:meeting>/delete/",
        meeting_views.meeting_delete,
        name="meeting_delete",
    ),
]
