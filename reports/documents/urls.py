"""The URLs of the document templates and the analytical report's conclusions (included by
``reports/urls.py``, namespace ``reports``)."""

from django.urls import path

from .views import conclusions, template_download, template_reset_view, template_upload_view, templates

urlpatterns = [
    path("templates/", templates, name="templates"),
    path("templates/<slug:key>/download/", template_download, name="template_download"),
    path("templates/<slug:key>/upload/", template_upload_view, name="template_upload"),
    path("templates/<slug:key>/reset/", template_reset_view, name="template_reset"),
    path("conclusions/", conclusions, name="conclusions"),
]
