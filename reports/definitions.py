"""Fills the report registry: each report is a class in its theme's module, registered there with
``@registry.register``; importing the module registers it. ``ReportsConfig.ready`` imports this module.

The modules are imported by name from one list, so no import sits below code and none is "unused": a new
report module is added here. Registration order is the order of the «Отчёты» page; a module imported
earlier by another (the bases, through reports/admin.py) keeps its earlier place.
"""

from __future__ import annotations

from importlib import import_module

REPORT_MODULES = (
    "reports.organisation.members",
    "reports.programme.roadmap",
    "reports.organisation.journal",
    "reports.bases.reports",
    "reports.documents.analytical",
    "reports.documents.paper_reports",
    "reports.documents.year_end",
    "reports.orders.reports",
    "reports.programme.diary",
    "reports.programme.kpis",
    "reports.programme.plans",
    "reports.programme.questionnaires",
    "reports.statistics.reports",
    "reports.windows.reports",
)

for _name in REPORT_MODULES:
    import_module(_name)
