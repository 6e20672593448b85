"""URL patterns of the monitoring section: plans (included by monitoring/urls.py)."""

from django.urls import path  # noqa: F401

urlpatterns: list = []
