from django.urls import path

from . import case_urls, kpi_urls, plan_urls, questionnaire_urls, views

app_name = "monitoring"

urlpatterns = [
    path("", views.index, name="index"),
    *plan_urls.urlpatterns,
    *questionnaire_urls.urlpatterns,
    *kpi_urls.urlpatterns,
    *case_urls.urlpatterns,
]
