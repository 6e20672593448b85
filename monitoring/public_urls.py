"""Public questionnaire pages: a personal link answered without an account (``/q/<link>/``)."""

from django.urls import path  # noqa: F401

app_name = "questionnaire"

urlpatterns: list = []
