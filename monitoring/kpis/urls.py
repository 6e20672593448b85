"""URL patterns of the monitoring section: kpis (included by monitoring/urls.py)."""

from django.urls import path

from . import views

urlpatterns: list = [
    path("kpis/", views.dashboard, name="dashboard"),
    path("kpis/snapshot/", views.snapshot_take, name="snapshot_take"),
    path("kpis/indicators/", views.indicators, name="indicators"),
    path("kpis/indicators/new/", views.indicator_new, name="indicator_new"),
    path("kpis/indicators/<int:indicator>/edit/", views.indicator_edit, name="indicator_edit"),
    path("kpis/targets/", views.targets, name="targets"),
    path("kpis/targets/roadmap/", views.targets_roadmap, name="targets_roadmap"),
    path("settings/", views.settings, name="settings"),
    path("information/", views.activities, name="activities"),
    path("information/new/", views.activity_new, name="activity_new"),
    path("information/<int:activity>/edit/", views.activity_edit, name="activity_edit"),
    path("information/<int:activity>/delete/", views.activity_delete, name="activity_delete"),
    path("swot/", views.swot, name="swot"),
    path("swot/add/", views.swot_add, name="swot_add"),
    path("swot/<int:swot_item>/edit/", views.swot_edit, name="swot_edit"),
    path("swot/<int:swot_item>/delete/", views.swot_delete, name="swot_delete"),
    path("swot/<int:swot_item>/move/", views.swot_move, name="swot_move"),
]
