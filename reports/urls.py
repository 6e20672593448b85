"""The reports section's URLs, mounted at ``/o/<org>/<year>/reports/`` in the namespace ``reports``.

Each theme's patterns are spliced in from its own ``urls.py``; the comment names the path prefixes each one
answers, so a URL leads to its folder (the table "URL prefix → folder" in ARCHITECTURE.md lists them all).
URL names stay flat (``reports:columns``, ``reports:templates``…): templates and links use them.
"""

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
    # the «Отчёты» page, a report's options form (loaded into it) and its run: reports/views.py
    path("", views.index, name="index"),
    path("<slug:report>/options/", views.options, name="options"),
    path("<slug:report>/run/", views.run, name="run"),
    # bases/: columns/ (the column sets of the bases of mentors and mentees)
    *bases_urls.urlpatterns,
    # statistics/: statistics-layout/…
    *statistics_urls.urlpatterns,
    # console/: console/
    *console_urls.urlpatterns,
    # orders/: orders/…
    *orders_urls.urlpatterns,
    # documents/: templates/… (the Word templates of the documents), conclusions/ (the analytical report's)
    *documents_urls.urlpatterns,
    # windows/: windows/…
    *windows_urls.urlpatterns,
]
