from django.urls import path

from . import views
from .column_views import column_urlpatterns
from .conclusion_views import conclusion_urlpatterns
from .statistics_views import statistics_urlpatterns

app_name = "reports"

urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:report>/run/", views.run, name="run"),
    *column_urlpatterns,
    *statistics_urlpatterns,
    *conclusion_urlpatterns,
]
