"""Reads shared by the core pages: what a user can switch to, dashboards, job history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from django.contrib.auth import get_user_model
from django.db.models import Count, Max, Prefetch, QuerySet
from django.utils.translation import npgettext

from .access import OVERSIGHT_ROLES, Scope, ancestor_ids
from .hierarchy import below_q, units_below
from .models import Job, Membership, Organization, Programme, Role, User
from .prepared import PreparedModels


@dataclass(frozen=True)
class SwitchTarget:
    organization: Organization
    roles: tuple[str, ...]
    start_year: int | None  # the newest programme year, None when the organisation has no programme
    # "own" (a membership), "above" (a body between the user's oversight body and the current
    # organisation, or the oversight body itself), "current", "below" (a child of the current body)
    group: str = "own"


def organizations_for_user(user: User, around: Organization | None = None) -> list[SwitchTarget]:
    """What the organisation switcher offers, own memberships first.

    Around the organisation the user is looking at (``around``), seen through an oversight role: the
    chain of bodies from the user's own body down to it, and the organisations directly below it. A
    region of 1,500 organisations thus offers its municipalities, a municipality its schools: a bounded
    number of queries (at most 4) and of entries, whatever the size of the region.
    """
    memberships = list(
        Membership.objects.filter(user=user)
        .select_related("organization")
        .order_by("organization__short_name")
    )
    roles_by_org: dict[int, list[str]] = {}
    organizations: dict[int, Organization] = {}
    groups: dict[int, str] = {}
    for membership in memberships:
        organizations[membership.organization_id] = membership.organization
        groups[membership.organization_id] = "own"
        roles_by_org.setdefault(membership.organization_id, []).append(membership.role)
    oversight = {m.organization_id: m.role for m in memberships if m.role in OVERSIGHT_ROLES}
    sequence_ids: list[int] = [m.organization_id for m in memberships]  # the order within a group
    if around is not None and oversight:
        chain = [around.pk, *ancestor_ids(around)]
        top = next((index for index, pk in enumerate(chain) if pk in oversight), None)
        if top is not None:
            role = oversight[chain[top]]
            visible = list(reversed(chain[: top + 1]))  # from the user's body down to ``around``
            missing = [pk for pk in visible if pk not in organizations]
            if missing:
                for organization in Organization.objects.filter(pk__in=missing):
                    organizations[organization.pk] = organization
            sequence_ids.extend(visible)
            for pk in visible:
                groups.setdefault(pk, "current" if pk == around.pk else "above")
                roles_by_org.setdefault(pk, [role])
            if around.is_oversight_body:
                for child in Organization.objects.filter(parent_id=around.pk).order_by("short_name"):
                    organizations.setdefault(child.pk, child)
                    sequence_ids.append(child.pk)
                    groups.setdefault(child.pk, "below")
                    roles_by_org.setdefault(child.pk, [role])
    newest = dict(
        Programme.objects.filter(organization_id__in=organizations)
        .values_list("organization_id")
        .annotate(newest=Max("academic_year__start_year"))
        .order_by()
    )
    order = {"own": 0, "above": 1, "current": 2, "below": 3}
    sequence: dict[int, int] = {}
    for index, pk in enumerate(sequence_ids):
        sequence.setdefault(pk, index)
    ranked = sorted(organizations, key=lambda pk: (order[groups[pk]], sequence.get(pk, 0)))
    return [
        SwitchTarget(
            organization=organizations[pk],
            roles=tuple(roles_by_org[pk]),
            start_year=newest.get(pk),
            group=groups[pk],
        )
        for pk in ranked
    ]


def first_programme_below(user: User) -> Programme | None:
    """The newest programme of the first organisation (by name) below the user's oversight bodies (2 queries)."""
    bodies = list(
        Membership.objects.filter(user=user, role__in=OVERSIGHT_ROLES).values_list(
            "organization_id", flat=True
        )
    )
    if not bodies:
        return None
    return (
        Programme.objects.filter(below_q(bodies, "organization"))
        .select_related("organization", "academic_year")
        .order_by("organization__short_name", "-academic_year__start_year")
        .first()
    )


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


def _children_without_programme(root_id: int, academic_year_id: int) -> QuerySet[Organization]:
    return units_below(root_id).exclude(programmes__academic_year_id=academic_year_id).order_by("short_name")


# an authority's start page reads it on every request: compiled once per process
_CHILDREN_WITHOUT_PROGRAMME = PreparedModels(_children_without_programme, root_id=int, academic_year_id=int)


def children_without_programme(scope: Scope) -> list[Organization]:
    """The units below the body without a programme in the scope's year (1 query)."""
    return _CHILDREN_WITHOUT_PROGRAMME(
        root_id=scope.organization.pk, academic_year_id=scope.programme.academic_year_id
    )


def member_counts(organization: Organization) -> list[dict[str, object]]:
    """How many members hold each role, in the order of the roles."""
    counts = dict(
        Membership.objects.filter(organization=organization)
        .values_list("role")
        .annotate(n=Count("id"))
        .order_by()
    )
    return [
        {"label": _team_label(role, counts[role]), "count": counts[role]}
        for role in Role.values
        if role in counts
    ]


def _team_label(role: str, count: int) -> str:
    """The role's name agreeing with the number above it: «3 наставника», «5 педагогов-психологов»."""
    labels = {
        Role.ADMINISTRATOR: npgettext("team count", "administrator", "administrators", count),
        Role.CURATOR: npgettext("team count", "curator", "curators", count),
        Role.MENTOR: npgettext("team count", "mentor", "mentors", count),
        Role.PSYCHOLOGIST: npgettext("team count", "psychologist", "psychologists", count),
        Role.MUNICIPAL_COORDINATOR: npgettext(
            "team count", "municipal coordinator", "municipal coordinators", count
        ),
        Role.REGIONAL_COORDINATOR: npgettext(
            "team count", "regional coordinator", "regional coordinators", count
        ),
    }
    return labels[Role(role)]


def jobs_for_user(scope: Scope, user: User, limit: int = 20) -> list[Job]:
    return list(
        Job.objects.filter(organization=scope.organization, created_by=user).order_by("-created_at")[:limit]
    )


def job_for_user(scope: Scope, user: User, job_id: UUID | str) -> Job | None:
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
    date_from: date | None = None,
    date_to: date | None = None,
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
