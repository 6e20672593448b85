"""The URL of the regional console (included by ``reports/urls.py``, namespace ``reports``)."""

from django.urls import path

from .views import console

urlpatterns = [
    path("console/", console, name="console"),
]
