"""The URLs of the bases' column choice page (included by ``reports/urls.py``, namespace ``reports``)."""

from django.urls import path

from .views import columns

urlpatterns = [
    path("columns/", columns, name="columns"),
]
