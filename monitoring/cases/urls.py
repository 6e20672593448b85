"""URL patterns of the monitoring section: cases (included by monitoring/urls.py)."""

from django.urls import path

from . import views

urlpatterns: list = [
    path("cases/", views.case_list, name="cases"),
    path("cases/new/", views.case_create, name="case_create"),
    path("cases/<int:case>/", views.case_detail, name="case_detail"),
    path("cases/<int:case>/edit/", views.case_edit, name="case_edit"),
    path("cases/<int:case>/delete/", views.case_delete, name="case_delete"),
    path("cases/<int:case>/photos/new/", views.photo_create, name="case_photo_create"),
    path("cases/<int:case>/photos/<int:photo>/", views.photo_image, name="case_photo"),
    path("cases/<int:case>/photos/<int:photo>/delete/", views.photo_delete, name="case_photo_delete"),
]
