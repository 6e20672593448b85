"""The monitoring section's URLs, mounted at ``/o/<org>/<year>/monitoring/`` in the namespace ``monitoring``.

Each sub-domain's patterns are spliced in from its own ``urls.py``; the comment names the path prefixes each
one answers, so a URL leads to its folder (the table "URL prefix → folder" in ARCHITECTURE.md lists them
all). URL names stay flat (``monitoring:plan``, ``monitoring:swot``…): templates and links use them.
"""

from django.urls import path

from . import views
from .cases import urls as case_urls
from .kpis import urls as kpi_urls
from .meetings import urls as meeting_urls
from .plans import urls as plan_urls
from .questionnaires import urls as questionnaire_urls

app_name = "monitoring"

urlpatterns = [
    path("", views.index, name="index"),  # the section's start page: monitoring/views.py
    # plans/: plans/, groups/<group>/plan/…
    *plan_urls.urlpatterns,
    # meetings/: meetings/, groups/<group>/diary/, groups/<group>/meetings/…
    *meeting_urls.urlpatterns,
    # questionnaires/: questionnaires/…, campaigns/… (the public answer page /q/<link>/ is public_urls.py)
    *questionnaire_urls.urlpatterns,
    # kpis/: kpis/…, settings/ (the section's settings: the KPIs' age band, thresholds), information/…
    # (the information campaign), swot/…
    *kpi_urls.urlpatterns,
    # cases/: cases/…
    *case_urls.urlpatterns,
]
