"""Public questionnaire pages: a personal link answered without an account (``/q/<link>/``)."""

from django.urls import path

from . import public_views

app_name = "questionnaire"

urlpatterns: list = [
    path("<str:link>/", public_views.answer, name="answer"),
    # anything else under /q/ is a link spoilt on its way (a messenger cut it or added to it)
    path("", public_views.unknown, name="unknown"),
    path("<path:rest>", public_views.unknown, name="unknown_path"),
]
