"""URL patterns of the monitoring section: questionnaires (included by monitoring/urls.py)."""

from django.urls import path

from . import views

urlpatterns: list = [
    path("questionnaires/", views.templates, name="templates"),
    path("questionnaires/new/", views.template_new, name="template_new"),
    path("questionnaires/<int:template>/", views.template_detail, name="template_detail"),
    path("questionnaires/<int:template>/edit/", views.template_edit, name="template_edit"),
    path("questionnaires/<int:template>/copy/", views.template_copy, name="template_copy"),
    path("questionnaires/<int:template>/toggle/", views.template_toggle, name="template_toggle"),
    path("questionnaires/<int:template>/questions/new/", views.question_new, name="question_new"),
    path(
        "questionnaires/<int:template>/questions/<int:question>/edit/",
        views.question_edit,
        name="question_edit",
    ),
    path(
        "questionnaires/<int:template>/questions/<int:question>/delete/",
        views.question_delete,
        name="question_delete",
    ),
    path(
        "questionnaires/<int:template>/questions/<int:question>/move/",
        views.question_move,
        name="question_move",
    ),
    path("campaigns/", views.campaigns, name="campaigns"),
    path("campaigns/new/", views.campaign_new, name="campaign_new"),
    path("campaigns/<int:campaign>/", views.campaign_detail, name="campaign_detail"),
    path("campaigns/<int:campaign>/close/", views.campaign_close, name="campaign_close"),
    path("campaigns/<int:campaign>/links/<str:link>/reissue/", views.link_reissue, name="link_reissue"),
    path("campaigns/<int:campaign>/results/", views.campaign_results, name="campaign_results"),
    path("campaigns/<int:campaign>/compare/", views.campaign_compare, name="campaign_compare"),
]
