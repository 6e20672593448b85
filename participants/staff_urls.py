from django.urls import path

from . import staff_views

app_name = "staff"

urlpatterns = [
    path("new/", staff_views.staff_create, name="create"),
    path("sheet/", staff_views.staff_sheet, name="sheet"),
    path("<int:user>/", staff_views.staff_detail, name="detail"),
    path("<int:user>/invite/", staff_views.staff_invite, name="invite"),
    path("<int:user>/access/", staff_views.staff_access, name="access"),
]
