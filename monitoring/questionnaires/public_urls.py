"""Public questionnaire pages: a personal link answered without an account (``/q/<link>/``)."""

from django.urls import path

from . import public_views

app_name = "questionnaire"

urlpatterns: list = [
    path("<str:link>/", public_views.answer, name="answer"),
]
