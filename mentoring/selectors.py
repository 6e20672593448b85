"""Reads shared by the core pages: what a user can switch to, dashboards, job history."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Count, Max, Prefetch, QuerySet

from .access import OVERSIGHT_ROLES, Scope
from .models import Job, Membership, Organization, Programme, Role


@dataclass(frozen=True)
class SwitchTarget:
    organization: Organization
    roles: tuple[str, ...]
    start_year: int | None  # the newest programme year, None when the organisation has no programme


def organizations_for_user(user) -> list[SwitchTarget]:
    """Every organisation the user may open, own memberships first, then those seen as coordinator."""
    memberships = list(
        Membership.objects.filter(user=user)
        .select_related("organization")
        .order_by("organization__short_name")
    )
    roles_by_org: dict[int, list[str]] = {}
    organizations: dict[int, Organization] = {}
    for membership in memberships:
        organizations[membership.organization_id] = membership.organization
        roles_by_org.setdefault(membership.organization_id, []).append(membership.role)
    # Seen from above: every organisation below an oversight membership, at any depth (a region's
    # municipalities and their schools); one query per level that has organisations with children.
    frontier = {m.organization_id: m.role for m in memberships if m.role in OVERSIGHT_ROLES}
    seen = set(frontier)
    while frontier:
        below: dict[int, str] = {}
        for child in Organization.objects.filter(parent_id__in=frontier).order_by("short_name"):
            organizations.setdefault(child.pk, child)
            roles_by_org.setdefault(child.pk, [frontier[child.parent_id]])
            if child.kind in Organization.PARENT_KINDS and child.pk not in seen:
                below[child.pk] = frontier[child.parent_id]
                seen.add(child.pk)
        frontier = below
    newest = dict(
        Programme.objects.filter(organization_id__in=organizations)
        .values_list("organization_id")
        .annotate(newest=Max("academic_year__start_year"))
        .order_by()
    )
    return [
        SwitchTarget(organization=org, roles=tuple(roles_by_org[pk]), start_year=newest.get(pk))
        for pk, org in organizations.items()
    ]


def programme_years(organization: Organization) -> list[int]:
    return list(
        Programme.objects.filter(organization=organization)
        .order_by("-academic_year__start_year")
        .values_list("academic_year__start_year", flat=True)
    )


def organization_members(organization: Organization) -> QuerySet:
    """Users of the organisation with their roles, for the members page and the members report."""
    return (
        get_user_model()
        .objects.filter(memberships__organization=organization)
        .distinct()
        .order_by("last_name", "first_name", "username")
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=Membership.objects.filter(organization=organization).order_by("role"),
                to_attr="roles_here",
            )
        )
    )


def child_programmes(scope: Scope) -> list[Programme]:
    """Programmes of the authority's child organisations for the scope's academic year."""
    return list(
        Programme.objects.filter(
            organization__parent=scope.organization, academic_year=scope.programme.academic_year
        )
        .select_related("organization", "academic_year")
        .order_by("organization__short_name")
    )


def contingent_totals(programmes: list[Programme]) -> dict[str, int]:
    """The contingent of several organisations added up (a municipality's total)."""
    fields = ("pupils_total", "pupils_with_disabilities", "teachers_total", "young_teachers_total")
    return {field: sum(getattr(programme, field) for programme in programmes) for field in fields}


def children_without_programme(scope: Scope) -> list[Organization]:
    return list(
        scope.organization.children.exclude(programmes__academic_year=scope.programme.academic_year).order_by(
            "short_name"
        )
    )


def member_counts(organization: Organization) -> list[dict[str, object]]:
    """How many members hold each role, in the order of the roles."""
    counts = dict(
        Membership.objects.filter(organization=organization)
        .values_list("role")
        .annotate(n=Count("id"))
        .order_by()
    )
    return [{"label": label, "count": counts[role]} for role, label in Role.choices if role in counts]


def jobs_for_user(scope: Scope, user, limit: int = 20) -> list[Job]:
    return list(
        Job.objects.filter(organization=scope.organization, created_by=user).order_by("-created_at")[:limit]
    )


def job_for_user(scope: Scope, user, job_id) -> Job | None:
    """A job the user may see: their own, or any of the organisation's if they manage it.

    Seen from an organisation above (never managing), only their own jobs: reports that
    ``Report.allowed`` let them run, i.e. documents without personal data or made for publication.
    """
    job = Job.objects.filter(pk=job_id, organization=scope.organization).select_related("created_by").first()
    if job is None:
        return None
    if job.created_by_id == user.pk or scope.access.can_manage:
        return job
    return None


def signin_events(
    organization: Organization,
    *,
    user_id: int | None = None,
    kind: str | None = None,
    date_from=None,
    date_to=None,
) -> QuerySet:
    """The sign-in journal of the organisation's members (current memberships), newest first."""
    from datetime import datetime, time, timedelta

    from django.utils import timezone

    from .models import SignInEvent

    members = Membership.objects.filter(organization=organization).values("user_id")
    events = SignInEvent.objects.filter(user_id__in=members).select_related("user")
    if user_id:
        events = events.filter(user_id=user_id)
    if kind:
        events = events.filter(kind=kind)
    zone = timezone.get_current_timezone()
    if date_from:
        events = events.filter(at__gte=datetime.combine(date_from, time.min, tzinfo=zone))
    if date_to:
        events = events.filter(at__lt=datetime.combine(date_to + timedelta(days=1), time.min, tzinfo=zone))
    return events.order_by("-at", "-pk")
