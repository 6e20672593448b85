"""Who may see which organisation, what they see there, and the decorator every organisation page goes through.

A URL names the organisation (slug) and the academic year (its first calendar year). A user sees an
organisation through a membership in it, or — read-only — through an oversight role (the municipal
coordinator) in an organisation ABOVE it: its parent authority, or any level further up (a regional
centre above the municipalities). Everyone else gets 404: another school's data is never shown, not even
its existence.

Personal data of pupils (152-ФЗ): consents are given to the organisation itself, so only its own members
see the names, answers, diaries and plans it holds. A level above sees aggregates only — counts, shares,
traffic lights, per-school tables, documents without names. This is decided here, once, by the privacy
class every view declares (``Privacy``): a view seen through an organisation above gets 404 unless it is
declared ``Privacy.AGGREGATE``. A view that declares nothing is treated as ``Privacy.PERSONAL`` (private by
default), and ``tests/test_privacy_classes.py`` fails until it declares its class.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import wraps
from typing import TYPE_CHECKING, Any, TypeVar, cast

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase
from django.urls import NoReverseMatch, resolve, reverse

from . import navigation_cache
from .models import Membership, Organization, Programme, Role

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser
    from django_htmx.middleware import HtmxDetails

    from .models import AcademicYear, Job, User

MANAGERS = frozenset({Role.ADMINISTRATOR, Role.CURATOR})

# Roles held in an organisation that let the user look, read-only and at aggregates, into every
# organisation below it (at any depth): the municipal coordinator, the regional coordinator.
OVERSIGHT_ROLES = frozenset({Role.MUNICIPAL_COORDINATOR, Role.REGIONAL_COORDINATOR})


class Privacy(StrEnum):
    """What a page shows, declared by every view (``organization_view(privacy=...)``, ``declare_privacy``)."""

    # Names a pupil, a parent or a staff member, or shows a person's answers, diary, plan, case, file:
    # the organisation's own members only (and among them, the roles the view allows).
    PERSONAL = "personal"
    # No one's personal data: counts, shares, traffic lights, targets, settings, per-school tables,
    # documents without names. Also open to the levels above the organisation (read-only).
    AGGREGATE = "aggregate"
    # Outside any organisation: health check, sign-in, password pages, the personal questionnaire link.
    PUBLIC = "public"


PRIVACY_ATTRIBUTE = "privacy"
# What ``organization_view`` requires besides the privacy class: (roles, manage); ``may_open`` reads it.
REQUIREMENT_ATTRIBUTE = "requires"
ViewFunction = TypeVar("ViewFunction", bound=Callable[..., Any])


def declare_privacy(privacy: Privacy) -> Callable[[ViewFunction], ViewFunction]:
    """Mark a view that does not go through ``organization_view`` with its privacy class."""

    def decorator(view: ViewFunction) -> ViewFunction:
        setattr(view, PRIVACY_ATTRIBUTE, privacy)
        return view

    return decorator


def view_privacy(view: Callable[..., Any]) -> Privacy | None:
    """The privacy class a view declared, or None when it declared none."""
    return getattr(view, PRIVACY_ATTRIBUTE, None)


@dataclass(frozen=True)
class Access:
    """The roles a user holds in one organisation."""

    organization: Organization
    roles: frozenset[str]
    # Seen only from an organisation above (a municipal coordinator, a regional level): read-only, and
    # aggregates only — see ``aggregate_only``.
    read_only: bool = False

    def has_any(self, roles: Iterable[str]) -> bool:
        return bool(self.roles & set(roles))

    @property
    def aggregate_only(self) -> bool:
        """The user holds no role in the organisation itself, only above it: no pupil is shown to them."""
        return self.read_only

    @property
    def sees_personal_data(self) -> bool:
        return not self.aggregate_only

    def permits(self, privacy: Privacy | None) -> bool:
        """Whether a view of this privacy class may be shown with this access (None = undeclared)."""
        if privacy in (Privacy.AGGREGATE, Privacy.PUBLIC):
            return True
        return self.sees_personal_data

    @property
    def can_manage(self) -> bool:
        return not self.read_only and self.has_any(MANAGERS)

    @property
    def role_labels(self) -> list[str]:
        return [str(Role(role).label) for role in Role.values if role in self.roles]


@dataclass(frozen=True)
class Scope:
    """What an organisation page works on: the organisation, its programme of the year, the access."""

    organization: Organization
    programme: Programme
    access: Access

    @property
    def academic_year(self) -> AcademicYear:
        return self.programme.academic_year

    @property
    def url_kwargs(self) -> dict[str, object]:
        return {"org": self.organization.slug, "year": self.programme.academic_year.start_year}


class SignedInRequest(HttpRequest):
    """The request a page under ``login_required`` receives (for the type checker only; never built)."""

    user: User


class ScopedRequest(SignedInRequest):
    """The request a page under ``organization_view`` receives (for the type checker only; never built):
    signed in, ``scope`` resolved by the decorator, ``htmx`` set by django-htmx's middleware."""

    scope: Scope
    htmx: HtmxDetails


# How many levels up ``ancestor_ids`` looks: school → municipality → region → (a federal level).
MAX_DEPTH = 6


def ancestor_ids(organization: Organization) -> list[int]:
    """The ids of the organisations above this one, nearest first.

    Parents already loaded (``select_related("parent__parent")``) cost nothing; a missing link costs one
    small query per level.
    """
    found: list[int] = []
    current = organization
    while (parent_id := current.parent_id) and parent_id not in found and len(found) < MAX_DEPTH:
        found.append(parent_id)
        if Organization.parent.is_cached(current) and current.parent is not None:
            current = current.parent
        else:
            parent_of_parent = (
                Organization.objects.filter(pk=parent_id).values_list("parent_id", flat=True).first()
            )
            current = Organization(pk=parent_id, parent_id=parent_of_parent)
    return found


# The roles query of every page, written once per number of levels above: Django compiling the same filter
# on every request cost more than PostgreSQL answering it. Plain parameters only (ids, the roles' values).
_OVERSIGHT_VALUES = tuple(sorted(OVERSIGHT_ROLES))


@functools.cache
def _roles_sql(levels_above: int) -> str:
    """The query's text for a number of levels above (the columns are Membership's own; every value is a
    parameter)."""
    table = connection.ops.quote_name(Membership._meta.db_table)
    sql = f"SELECT organization_id, role FROM {table} WHERE user_id = %s AND (organization_id = %s"  # noqa: S608 (our table's name; values are parameters)
    if levels_above:
        ids = ", ".join(["%s"] * levels_above)
        roles = ", ".join(["%s"] * len(_OVERSIGHT_VALUES))
        sql += f" OR (organization_id IN ({ids}) AND role IN ({roles}))"
    return sql + ")"


def _held_roles(user_id: int, organization_id: int, above: list[int]) -> list[tuple[int, str]]:
    """(organisation id, role) of the user's memberships in the organisation, and the oversight roles they
    hold in the organisations ``above`` it: what ``Membership.objects.filter(Q(organization=…) |
    Q(organization_id__in=above, role__in=OVERSIGHT_ROLES), user=…)`` reads, without compiling it."""
    params: list[int | str] = [user_id, organization_id]
    if above:
        params += [*above, *_OVERSIGHT_VALUES]
    with connection.cursor() as cursor:
        cursor.execute(_roles_sql(len(above)), params)
        return [(organization, role) for organization, role in cursor.fetchall()]


def access_for(user: User | AnonymousUser, organization: Organization) -> Access | None:
    if not user.is_authenticated:
        return None
    # One query for the roles in the organisation itself and the oversight roles above it (every page asks
    # this). .order_by(): the model's ordering joins the organisation and the user for nothing.
    held = _held_roles(user.pk, organization.pk, ancestor_ids(organization))
    roles: set[str] = set()
    oversight: set[str] = set()
    for organization_id, role in held:
        (roles if organization_id == organization.pk else oversight).add(role)
    read_only = False
    if oversight:
        if not roles:
            read_only = True
        roles |= oversight
    if not roles:
        return None
    return Access(organization=organization, roles=frozenset(roles), read_only=read_only)


def _programme_of(org: str, year: int) -> Programme | None:
    return (
        Programme.objects.select_related("academic_year", "organization__parent__parent")
        .filter(organization__slug=org, academic_year__start_year=year)
        .first()
    )


def resolve_scope(request: HttpRequest, org: str, year: int) -> Scope:
    """The organisation and its programme of the year in one query — kept in the navigation cache, which
    any change of an organisation, programme, year or membership drops — then the user's roles in one more,
    asked on every request.

    A stranger, an unknown organisation and a year without a programme all get the same 404.
    """
    programme = navigation_cache.cached(
        f"scope:{org}:{year}",
        lambda: _programme_of(org, year),
        lambda: navigation_cache.request_version(request),
    )
    if programme is None:
        raise Http404
    organization = programme.organization
    access = access_for(request.user, organization)
    if access is None:
        raise Http404
    return Scope(organization=organization, programme=programme, access=access)


def organization_view(
    roles: Iterable[str] | None = None, *, manage: bool = False, privacy: Privacy | None = None
) -> Callable[[Callable[..., HttpResponseBase]], Callable[..., HttpResponseBase]]:
    """Resolve ``org``/``year`` from the URL into ``request.scope``; strangers get 404.

    ``privacy`` is what the page shows (``Privacy``). Seen from an organisation above, anything but an
    ``AGGREGATE`` page is 404 — as for a stranger: the page does not exist for them. Undeclared counts as
    ``PERSONAL``.
    ``roles`` limits the page to members holding one of them (others of the organisation get 403);
    ``manage`` requires a curator or administrator of the organisation itself (never read-only access).
    """
    required = frozenset(roles or ())

    def decorator(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
        @wraps(view)
        @login_required
        def wrapper(request: HttpRequest, org: str, year: int, *args: Any, **kwargs: Any) -> HttpResponseBase:
            scope = resolve_scope(request, org, year)
            if not scope.access.permits(privacy):
                raise Http404
            if required and not scope.access.has_any(required):
                raise PermissionDenied
            if manage and not scope.access.can_manage:
                raise PermissionDenied
            scoped = cast(ScopedRequest, request)
            scoped.scope = scope
            if request.session.get("last_scope") != [org, year]:
                request.session["last_scope"] = [org, year]
            return view(scoped, *args, **kwargs)

        setattr(wrapper, PRIVACY_ATTRIBUTE, privacy)
        setattr(wrapper, REQUIREMENT_ATTRIBUTE, (required, manage))
        return wrapper

    return decorator


# url name → its view (``may_open``); URL names are fixed for the life of the process
_VIEWS: dict[str, Callable[..., Any]] = {}


def may_open(scope: Scope, url_name: str, **kwargs: object) -> bool:
    """Whether the scope's access may open the organisation page named ``url_name`` (links, tiles, menus).

    Asks the view itself for its privacy class and the roles it requires, so that a link is never shown to
    a page that would say 404 or 403.
    """
    try:
        path = reverse(url_name, kwargs={**scope.url_kwargs, **kwargs})
    except NoReverseMatch:
        return False
    # the view behind a URL name is the same for every organisation and year: resolved once per process
    view = _VIEWS.get(url_name)
    if view is None:
        view = _VIEWS[url_name] = resolve(path).func
    if not scope.access.permits(view_privacy(view)):
        return False
    required, manage = getattr(view, REQUIREMENT_ATTRIBUTE, (frozenset(), False))
    if required and not scope.access.has_any(required):
        return False
    return not (manage and not scope.access.can_manage)


def resolve_scope_for_job(job: Job, user: User | None) -> Scope | None:
    """The scope a background job works in, checked again with the access its author has now."""
    if user is None or job.academic_year_id is None:
        return None
    access = access_for(user, job.organization)
    if access is None:
        return None
    programme = (
        Programme.objects.select_related("academic_year", "organization")
        .filter(organization_id=job.organization_id, academic_year_id=job.academic_year_id)
        .first()
    )
    if programme is None:
        return None
    return Scope(organization=programme.organization, programme=programme, access=access)
