"""URL patterns of the meeting diary (included by monitoring/urls.py)."""

from django.urls import path

from . import views

urlpatterns: list = [
    path("meetings/", views.meetings, name="meetings"),
    path("groups/<int:group>/diary/", views.diary, name="diary"),
    path("groups/<int:group>/meetings/new/", views.meeting_new, name="meeting_new"),
    path("groups/<int:group>/meetings/<int:meeting>/edit/", views.meeting_edit, name="meeting_edit"),
    path(
        "groups/<int:group>/meetings/<int:meeting>/delete/",
        views.meeting_delete,
        name="meeting_delete",
    ),
    path(
        "groups/<int:group>/meetings/<int:meeting>/reviewed/",
        views.meeting_flag_resolve,
        name="meeting_flag_resolve",
    ),
]
