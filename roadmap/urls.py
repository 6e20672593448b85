from django.urls import path

from . import views

app_name = "roadmap"

urlpatterns = [
    path("", views.index, name="index"),
    path("timeline/", views.timeline, name="timeline"),
    path("my-tasks/", views.my_tasks, name="my_tasks"),
    path("start/", views.start, name="start"),
    path("import/", views.import_upload, name="import_upload"),
    path("import/preview/", views.import_preview, name="import_preview"),
    path("import/cancel/", views.import_cancel, name="import_cancel"),
    path("import/replace/", views.import_replace, name="import_replace"),
    path("import/<int:roadmap_import>/undo/", views.import_undo, name="import_undo"),
    path("sections/new/", views.section_create, name="section_create"),
    path("sections/<int:section>/edit/", views.section_edit, name="section_edit"),
    path("sections/<int:section>/delete/", views.section_delete, name="section_delete"),
    path("sections/<int:section>/move/", views.section_move, name="section_move"),
    path("events/bulk/", views.events_bulk, name="events_bulk"),
    path("events/new/", views.event_create, name="event_create"),
    path("events/<int:event>/", views.event_detail, name="event"),
    path("events/<int:event>/edit/", views.event_edit, name="event_edit"),
    path("events/<int:event>/delete/", views.event_delete, name="event_delete"),
    path("events/<int:event>/move/", views.event_move, name="event_move"),
    path("events/<int:event>/done/", views.event_done, name="event_done"),
    path("events/<int:event>/status/", views.event_status, name="event_status"),
    path("events/<int:event>/comments/", views.event_comment, name="event_comment"),
    path("evidence/<int:evidence>/", views.evidence_download, name="evidence_download"),
]
