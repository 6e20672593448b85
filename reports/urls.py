from django.urls import path

from . import views
from .bases import urls as bases_urls
from .console import urls as console_urls
from .documents import urls as documents_urls
from .orders import urls as orders_urls
from .statistics import urls as statistics_urls
from .windows import urls as windows_urls

app_name = "reports"

urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:report>/run/", views.run, name="run"),
    *bases_urls.urlpatterns,
    *statistics_urls.urlpatterns,
    *console_urls.urlpatterns,
    *orders_urls.urlpatterns,
    *documents_urls.urlpatterns,
    *windows_urls.urlpatterns,
]
