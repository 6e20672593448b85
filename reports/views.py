from dataclasses import dataclass, field

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST

from mentoring.access import Privacy, ScopedRequest, organization_view
from mentoring.selectors import jobs_for_user
from mentoring.services import jobs_purge_listed
from mentoring.sites import site_url
from mentoring.typing_helpers import StrOrPromise
from mentoring.views import job_page_url

from .forms import options_form_for
from .registry import FORMAT_LABELS, Report, ReportError, registry
from .services import report_start


def _report_or_404(request: ScopedRequest, identifier: str) -> Report:
    report = registry.get(identifier)
    if report is None or not report.allowed(request.scope):
        raise Http404
    return report


# The themes of the «Отчёты» page, in the order they are shown. A report names its theme with a
# ``theme`` attribute; without one, the module it is defined in decides.
THEMES = {
    "organisation": _("Organisation"),
    "roadmap": _("Roadmap"),
    "bases": _("Bases of mentors and mentees"),
    "orders": _("Orders"),
    "paper": _("Local acts, agreements and other documents"),
    "plans": _("Individual plans and meetings"),
    "questionnaires": _("Questionnaires and monitoring"),
    "kpis": _("KPIs and statistics"),
    "documents": _("Documents of the year end"),
    "other": _("Other reports"),
}
MODULE_THEMES = {
    "reports.bases.reports": "bases",
    "reports.orders.reports": "orders",
    "reports.documents.paper_reports": "paper",
    "reports.programme.diary": "plans",
    "reports.programme.questionnaires": "questionnaires",
    "reports.programme.kpis": "kpis",
    "reports.documents.year_end": "documents",
    "reports.statistics.reports": "kpis",
    "reports.documents.analytical": "documents",
}
IDENTIFIER_THEMES = {"members": "organisation", "roadmap": "roadmap", "audit_journal": "organisation"}


def report_theme(report: Report) -> str:
    theme = getattr(report, "theme", None) or IDENTIFIER_THEMES.get(report.identifier)
    if not theme:
        theme = MODULE_THEMES.get(type(report).__module__, "other")
    return theme if theme in THEMES else "other"


@dataclass
class Entry:
    report: Report
    form: object | None  # None: loaded into the page when its options are opened (``options``)
    invalid: bool = False
    links: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[StrOrPromise] = field(default_factory=list)

    @property
    def format_labels(self) -> list[str]:
        return [str(FORMAT_LABELS[fmt]) for fmt in self.report.formats]


def _render_index(
    request: ScopedRequest,
    invalid: tuple[Report, object] | None = None,
    status: int = 200,
):
    """The reports by theme. Each report's options form sits folded under «Options and generation» and is
    loaded when it is opened (``options``): building and writing two dozen forms, some with a choice of
    every pair or person of the year, cost most of the page. A refused form is written in the page, open."""
    scope = request.scope
    grouped: dict[str, list[Entry]] = {}
    for report in registry.available(scope):
        if invalid and invalid[0] is report:
            entry = Entry(report, invalid[1], invalid=True)
        else:
            entry = Entry(report, None)
        entry.links = report.links(scope)
        entry.warnings = report.warnings(scope)
        grouped.setdefault(report_theme(report), []).append(entry)
    themes = [(key, THEMES[key], grouped[key]) for key in THEMES if key in grouped]
    context = {
        "themes": themes,
        "history": jobs_purge_listed(jobs_for_user(scope, request.user)),
        "file_ttl_days": settings.REPORT_FILE_TTL_DAYS,
        "personal_file_ttl_hours": settings.PERSONAL_DATA_FILE_TTL_HOURS,
    }
    return render(request, "reports/index.html", context, status=status)


@organization_view(privacy=Privacy.AGGREGATE)
def index(request: ScopedRequest) -> HttpResponse:
    return _render_index(request)


@organization_view(privacy=Privacy.AGGREGATE)
@require_GET
def options(request: ScopedRequest, report: str) -> HttpResponse:
    """One report's options form (a fragment), loaded into the reports page when its options are opened."""
    found = _report_or_404(request, report)
    entry = Entry(found, options_form_for(found, request.scope))
    return render(request, "reports/includes/options_form.html", {"entry": entry})


@organization_view(privacy=Privacy.AGGREGATE)
@require_POST
def run(request: ScopedRequest, report: str) -> HttpResponse:
    scope = request.scope
    found = _report_or_404(request, report)
    form = options_form_for(found, scope, data=request.POST)
    if not form.is_valid():
        return _render_index(request, invalid=(found, form), status=400)
    options = form.json_options()
    fmt = options.pop("format")
    try:
        job = report_start(
            user=request.user, scope=scope, report=found, fmt=fmt, options=options, site_url=site_url(request)
        )
    except ReportError as error:
        messages.error(request, str(error))
        return redirect(reverse("reports:index", kwargs=scope.url_kwargs))
    return redirect(job_page_url(request, job, scope))
