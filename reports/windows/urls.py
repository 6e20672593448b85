"""The URLs of the monitoring windows (included by ``reports/urls.py``, namespace ``reports``)."""

from django.urls import path

from .views import window_close_view, window_detail, window_list, window_open_view, window_submit_view

urlpatterns = [
    path("windows/", window_list, name="windows"),
    path("windows/new/", window_open_view, name="window_open"),
    path("windows/<int:window>/", window_detail, name="window"),
    path("windows/<int:window>/submit/", window_submit_view, name="window_submit"),
    path("windows/<int:window>/close/", window_close_view, name="window_close"),
]
