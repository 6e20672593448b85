from django.urls import path

from . import views
from .column_views import column_urlpatterns
from .conclusion_views import conclusion_urlpatterns
from .console_views import console_urlpatterns
from .order_views import order_urlpatterns
from .statistics_views import statistics_urlpatterns
from .template_views import template_urlpatterns
from .window_views import window_urlpatterns

app_name = "reports"

urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:report>/run/", views.run, name="run"),
    *column_urlpatterns,
    *statistics_urlpatterns,
    *conclusion_urlpatterns,
    *console_urlpatterns,
    *order_urlpatterns,
    *template_urlpatterns,
    *window_urlpatterns,
]
