"""The URLs of the statistics layout page (included by ``reports/urls.py``, namespace ``reports``)."""

from django.urls import path

from .views import layout_edit, layout_reset_view

urlpatterns = [
    path("statistics-layout/", layout_edit, name="statistics_layout"),
    path("statistics-layout/reset/", layout_reset_view, name="statistics_layout_reset"),
]
