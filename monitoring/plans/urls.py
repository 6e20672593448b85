"""URL patterns of the individual plans (included by monitoring/urls.py)."""

from django.urls import path

from . import views

urlpatterns: list = [
    path("plans/", views.plans, name="plans"),
    path("groups/<int:group>/plan/", views.plan, name="plan"),
    path("groups/<int:group>/plan/goals/", views.plan_goals, name="plan_goals"),
    path("groups/<int:group>/plan/approve/", views.plan_approve, name="plan_approve"),
    path("groups/<int:group>/plan/tasks/new/", views.plan_task_new, name="plan_task_new"),
    path("groups/<int:group>/plan/tasks/<int:task>/edit/", views.plan_task_edit, name="plan_task_edit"),
    path("groups/<int:group>/plan/tasks/<int:task>/done/", views.plan_task_done, name="plan_task_done"),
    path(
        "groups/<int:group>/plan/tasks/<int:task>/reopen/",
        views.plan_task_reopen,
        name="plan_task_reopen",
    ),
    path(
        "groups/<int:group>/plan/tasks/<int:task>/delete/",
        views.plan_task_delete,
        name="plan_task_delete",
    ),
    path("groups/<int:group>/plan/tasks/<int:task>/move/", views.plan_task_move, name="plan_task_move"),
    path("groups/<int:group>/plan/tasks/<int:task>/file/", views.plan_task_file, name="plan_task_file"),
]
