"""URL patterns of the monitoring section: kpis (included by monitoring/urls.py)."""

from django.urls import path  # noqa: F401

urlpatterns: list = []
