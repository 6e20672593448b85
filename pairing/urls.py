from django.urls import path

from . import views
from .run_views import run_urlpatterns

app_name = "pairing"

urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.create, name="create"),
    path("bulk/", views.groups_bulk, name="groups_bulk"),
    path("close/", views.close_several, name="close_several"),
    path("close/undo/", views.undo_close, name="undo_close"),
    path("candidates/", views.candidates, name="candidates"),
    path("<int:group>/", views.detail, name="detail"),
    path("<int:group>/edit/", views.edit, name="edit"),
    path("<int:group>/close/", views.close, name="close"),
    *run_urlpatterns,
]
