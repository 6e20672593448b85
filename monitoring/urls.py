from django.urls import path

from . import views
from .cases import urls as case_urls
from .kpis import urls as kpi_urls
from .meetings import urls as meeting_urls
from .plans import urls as plan_urls
from .questionnaires import urls as questionnaire_urls

app_name = "monitoring"

urlpatterns = [
    path("", views.index, name="index"),
    *plan_urls.urlpatterns,
    *meeting_urls.urlpatterns,
    *questionnaire_urls.urlpatterns,
    *kpi_urls.urlpatterns,
    *case_urls.urlpatterns,
]
