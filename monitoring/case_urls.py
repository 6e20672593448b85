"""URL patterns of the monitoring section: cases (included by monitoring/urls.py)."""

from django.urls import path

from . import case_views

urlpatterns: list = [
    path("cases/", case_views.case_list, name="cases"),
    path("cases/new/", case_views.case_create, name="case_create"),
    path("cases/<int:case>/", case_views.case_detail, name="case_detail"),
    path("cases/<int:case>/edit/", case_views.case_edit, name="case_edit"),
    path("cases/<int:case>/delete/", case_views.case_delete, name="case_delete"),
    path("cases/<int:case>/photos/new/", case_views.photo_create, name="case_photo_create"),
    path("cases/<int:case>/photos/<int:photo>/", case_views.photo_image, name="case_photo"),
    path("cases/<int:case>/photos/<int:photo>/delete/", case_views.photo_delete, name="case_photo_delete"),
]
