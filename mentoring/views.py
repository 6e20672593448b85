"""Core pages: home redirect, dashboards, programme settings, members, jobs, health check."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlencode, urlsplit

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from .access import (
    MANAGERS,
    OVERSIGHT_ROLES,
    Privacy,
    Scope,
    ScopedRequest,
    SignedInRequest,
    access_for,
    declare_privacy,
    organization_view,
)
from .context_processors import section_shown
from .dashboard_cards import cards_for
from .files import attachment_response
from .forms import ContingentForm, SignInJournalFilter
from .hierarchy import children_contingent
from .journal import JournalFilterForm, JournalFilters, details_text, field_labels, journal_events
from .models import AuditEvent, Job, Membership, Organization, Programme, Role
from .selectors import (
    children_without_programme,
    first_programme_below,
    job_for_user,
    jobs_for_user,
    member_counts,
    organization_members,
    organizations_for_user,
    signin_events,
)
from .services import (
    CONTINGENT_FIELDS,
    audit_record,
    job_dispatch,
    job_is_delayed,
    job_run_now,
    jobs_purge_listed,
    programme_open_next_year,
    programme_update_contingent,
)
from .staff import ended_accesses


@declare_privacy(Privacy.PUBLIC)
@require_GET
def healthz(request: HttpRequest) -> HttpResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


@declare_privacy(Privacy.PUBLIC)
@login_required
def home(request: SignedInRequest) -> HttpResponse:
    """Send the user to the organisation and year they worked in last, or to their first one."""
    last = request.session.get("last_scope")
    if last:
        organization = Organization.objects.select_related("parent__parent").filter(slug=last[0]).first()
        if (
            organization is not None
            and access_for(request.user, organization) is not None
            and Programme.objects.filter(organization=organization, academic_year__start_year=last[1]).exists()
        ):
            return redirect("dashboard", org=last[0], year=last[1])
    targets = [target for target in organizations_for_user(request.user) if target.start_year]
    if not targets:
        # a coordinator whose own body has no programme yet: the first organisation below it
        below = first_programme_below(request.user)
        if below is not None:
            return redirect("dashboard", org=below.organization.slug, year=below.academic_year.start_year)
        return render(request, "mentoring/no_organization.html")
    # own memberships come before the organisations seen as coordinator; among them the primary one — where
    # the user was first given a role (a psychologist serving several schools starts at their own school)
    primary = (
        Membership.objects.filter(user=request.user)
        .order_by("created_at", "pk")
        .values_list("organization_id", flat=True)
        .first()
    )
    chosen = next((target for target in targets if target.organization.pk == primary), targets[0])
    return redirect("dashboard", org=chosen.organization.slug, year=chosen.start_year)


# The sections a role works in first; the navbar still shows the whole product.
DASHBOARD_TILES: dict[str, tuple[str, ...]] = {
    Role.ADMINISTRATOR: ("roadmap", "participants", "pairing", "monitoring", "reports", "programme"),
    Role.CURATOR: ("roadmap", "participants", "pairing", "monitoring", "reports", "programme"),
    Role.MUNICIPAL_COORDINATOR: ("roadmap", "participants", "pairing", "monitoring", "reports"),
    Role.REGIONAL_COORDINATOR: ("roadmap", "participants", "pairing", "monitoring", "reports"),
    Role.PSYCHOLOGIST: ("participants", "monitoring", "roadmap"),
    Role.MENTOR: ("pairing", "monitoring", "roadmap"),
}


def dashboard_tiles(roles: frozenset[str], is_authority: bool) -> set[str]:
    tiles = {tile for role in roles for tile in DASHBOARD_TILES.get(role, ())}
    if is_authority:
        tiles.discard("programme")  # an authority's numbers are the sum of its organisations
    return tiles


@organization_view(privacy=Privacy.AGGREGATE)
def dashboard(request: ScopedRequest) -> HttpResponse:
    scope = request.scope
    # «My recent files / All reports» only to those who may open the reports (not a mentor)
    reports_open = section_shown(scope, "reports", "reports:index")
    context = {
        "tiles": dashboard_tiles(scope.access.roles, scope.organization.is_oversight_body),
        "reports_open": reports_open,
        "recent_jobs": jobs_purge_listed(jobs_for_user(scope, request.user, limit=5)) if reports_open else [],
        "member_counts": member_counts(scope.organization) if scope.access.has_any(MANAGERS) else {},
        "cards": cards_for(scope, request.user),
    }
    if scope.organization.is_oversight_body:
        context["child_rows"], context["totals"] = children_contingent(
            scope.organization, scope.programme.academic_year_id
        )
        context["children_without_programme"] = children_without_programme(scope)
        context["console_url"] = reverse("reports:console", kwargs=scope.url_kwargs)
    return render(request, "mentoring/dashboard.html", context)


@organization_view(privacy=Privacy.AGGREGATE)
def programme_detail(request: ScopedRequest) -> HttpResponse:
    scope = request.scope
    programme = scope.programme
    form = None
    if scope.access.can_manage:
        form = ContingentForm(request.POST or None, programme=programme)
        if request.method == "POST" and form.is_valid():
            programme_update_contingent(
                actor=request.user,
                programme=programme,
                **{field: form.cleaned_data[field] for field in CONTINGENT_FIELDS},
            )
            messages.success(request, _("The contingent is saved."))
            return redirect(reverse("programme", kwargs=scope.url_kwargs))
    elif request.method == "POST":
        raise PermissionDenied
    next_year = programme.academic_year.start_year + 1
    has_next = programme.organization.programmes.filter(academic_year__start_year=next_year).exists()
    return render(
        request, "mentoring/programme.html", {"form": form, "next_year": next_year, "has_next": has_next}
    )


@organization_view(manage=True, privacy=Privacy.AGGREGATE)
@require_POST
def programme_open_next(request: ScopedRequest) -> HttpResponse:
    scope = request.scope
    new = programme_open_next_year(actor=request.user, programme=scope.programme)
    messages.success(request, _("Academic year %(year)s is open.") % {"year": new.academic_year.label})
    return redirect("dashboard", org=scope.organization.slug, year=new.academic_year.start_year)


JOURNAL_PAGE_SIZE = 50
JOURNAL_FILTERS = ("person", "user", "action", "date_from", "date_to")


@organization_view(roles=[Role.ADMINISTRATOR], privacy=Privacy.PERSONAL)
def journal(request: ScopedRequest) -> HttpResponse:
    """«Журнал действий»: read-only, for the organisation's own administrator (never a parent's coordinator).

    An authority's administrator sees the authority's own actions: its schools' journals are theirs.
    """
    scope = request.scope
    if scope.access.read_only:
        raise PermissionDenied
    form = JournalFilterForm(request.GET or None, organization=scope.organization)
    filters = JournalFilters()
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        filters = JournalFilters(
            person=data.get("person") or "",
            user=data.get("user") or None,
            action=data.get("action") or "",
            date_from=data.get("date_from") or None,
            date_to=data.get("date_to") or None,
        )
    page = Paginator(journal_events(scope.organization, filters), JOURNAL_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    rows = [(event, field_labels(event), details_text(event)) for event in page.object_list]
    query = request.GET.copy()
    query.pop("page", None)
    export = {f"audit_journal-{key}": value for key, value in query.items() if key in JOURNAL_FILTERS}
    return render(
        request,
        "mentoring/journal.html",
        {"form": form, "page": page, "rows": rows, "query": query.urlencode(), "export": export},
    )


@organization_view(roles=[Role.ADMINISTRATOR, Role.CURATOR, *OVERSIGHT_ROLES], privacy=Privacy.PERSONAL)
def members(request: ScopedRequest) -> HttpResponse:
    scope = request.scope
    users = list(organization_members(scope.organization))
    # people whose access here was ended while they work elsewhere: no role here now, their roles kept
    ended = ended_accesses(scope.organization)
    audit_record(
        actor=request.user,
        organization=scope.organization,
        action=AuditEvent.Action.VIEW,
        target_type="mentoring.Membership",
        target_repr=_("Members list"),
    )
    is_admin_here = request.user.is_superuser or Role.ADMINISTRATOR in scope.access.roles
    return render(
        request,
        "mentoring/members.html",
        {
            "users": users,
            "ended": [(record, is_admin_here or Role.ADMINISTRATOR not in record.roles) for record in ended],
            "can_manage_staff": scope.access.can_manage,
        },
    )


@organization_view(roles=[Role.ADMINISTRATOR], privacy=Privacy.PERSONAL)
@require_GET
def signin_journal(request: ScopedRequest) -> HttpResponse:
    """«Журнал входов»: sign-ins, failures, lock-outs and sign-outs of the members, read-only."""
    scope = request.scope
    if scope.access.read_only:
        raise PermissionDenied
    members = list(organization_members(scope.organization).prefetch_related(None))
    form = SignInJournalFilter(request.GET or None, members=members)
    filters = form.cleaned_data if form.is_valid() else {}
    events = signin_events(
        scope.organization,
        user_id=filters.get("user"),
        kind=filters.get("kind") or None,
        date_from=filters.get("date_from"),
        date_to=filters.get("date_to"),
    )
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    audit_record(
        actor=request.user,
        organization=scope.organization,
        action=AuditEvent.Action.VIEW,
        target_type="mentoring.SignInEvent",
        target_repr=_("Sign-in journal"),
    )
    return render(
        request,
        "mentoring/signin_journal.html",
        {"form": form, "page": page, "query": query.urlencode()},
    )


def _visible_job(request: ScopedRequest, job: str) -> Job:
    found = job_for_user(request.scope, request.user, job)
    if found is None:
        raise Http404
    jobs_purge_listed([found])
    # Redis was down when the job was started: try again, at most every 10 s per job and process.
    if (
        job_is_delayed(found)
        and found.created_at <= timezone.now() - timedelta(seconds=5)
        and cache.add(f"job-redispatch-{found.pk}", True, timeout=10)
        and job_dispatch(job_id=found.pk, task_name=found.task)
    ):
        found.refresh_from_db()
    return found


def safe_next(request: HttpRequest, candidate: str | None) -> str:
    """``candidate`` if it is a path on this site (an address elsewhere, a scheme-relative ``//host`` or a
    ``javascript:`` URL would be an open redirect), else ""; always a path with its query, never a host."""
    if not candidate:
        return ""
    if not url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return ""
    parts = urlsplit(candidate)
    if not parts.path.startswith("/") or parts.path.startswith("//"):
        return ""
    return parts.path + (f"?{parts.query}" if parts.query else "")


def job_page_url(request: HttpRequest, job: Job, scope: Scope) -> str:
    """The job's page, remembering the page the job was started from (the form's ``next``, else the
    referring page) so that its «Back» returns there."""
    url = reverse("job_detail", kwargs={**scope.url_kwargs, "job": job.pk})
    back = safe_next(request, request.POST.get("next")) or safe_next(request, request.META.get("HTTP_REFERER"))
    return f"{url}?{urlencode({'next': back})}" if back else url


@organization_view(privacy=Privacy.AGGREGATE)
def job_detail(request: ScopedRequest, job: str) -> HttpResponse:
    found = _visible_job(request, job)
    return render(
        request, "mentoring/job_detail.html", {"job": found, "back_url": safe_next(request, request.GET.get("next"))}
    )


@organization_view(privacy=Privacy.AGGREGATE)
def job_status(request: ScopedRequest, job: str) -> HttpResponse:
    """The progress component alone; htmx polls it until the job finishes.

    With ``?reload=1`` a finished job reloads the whole page, for pages that show the job's result.
    """
    found = _visible_job(request, job)
    reload = request.GET.get("reload") == "1"
    response = render(request, "mentoring/includes/job_progress.html", {"job": found, "reload": reload})
    if reload and found.is_finished:
        response["HX-Refresh"] = "true"
    return response


@organization_view(privacy=Privacy.AGGREGATE)
@require_POST
def job_run(request: ScopedRequest, job: str) -> HttpResponse:
    """«Сформировать сейчас» on a job no worker has taken: its work done in this request."""
    found = _visible_job(request, job)
    job_run_now(job=found, actor=request.user)  # the page it returns to shows the file or the error
    # back to the page the button was on (the job's page with its «Back», a matching run's page)
    return redirect(
        safe_next(request, request.META.get("HTTP_REFERER"))
        or reverse("job_detail", kwargs={**request.scope.url_kwargs, "job": found.pk})
    )


@organization_view(privacy=Privacy.AGGREGATE)
def job_download(request: ScopedRequest, job: str) -> HttpResponseBase:
    found = _visible_job(request, job)
    if not found.has_result:
        raise Http404
    if found.contains_personal_data:
        audit_record(
            actor=request.user,
            organization=found.organization,
            action=AuditEvent.Action.DOWNLOAD,
            target=found,
            target_repr=found.result_name,
        )
    return attachment_response(found.result_file, found.result_name)
