from django.urls import path

from . import views
from .bases.views import column_urlpatterns
from .console.views import console_urlpatterns
from .documents.conclusion_views import conclusion_urlpatterns
from .documents.views import template_urlpatterns
from .orders.views import order_urlpatterns
from .statistics.views import statistics_urlpatterns
from .windows.views import window_urlpatterns

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
