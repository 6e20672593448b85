"""Navigation for every page: the current organisation and year, the switcher, the product's sections."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from . import navigation_cache
from .access import may_open
from .models import Role
from .selectors import organizations_for_user, programme_years
from .trash import undo_pending

if TYPE_CHECKING:
    from .access import Scope
    from .models import User

SEARCHERS = (Role.ADMINISTRATOR, Role.CURATOR, Role.PSYCHOLOGIST)

SECTIONS = [
    ("dashboard", "dashboard", _("Home"), "bi-house"),
    ("roadmap", "roadmap:index", _("Roadmap"), "bi-calendar3"),
    ("participants", "participants:index", _("Bases"), "bi-people"),
    ("pairing", "pairing:index", _("Pairs"), "bi-diagram-3"),
    ("monitoring", "monitoring:index", _("Monitoring"), "bi-graph-up"),
    ("reports", "reports:index", _("Reports"), "bi-file-earmark-text"),
]

# The sections a member who holds none of the roles that run the programme (a mentor) has no use for:
# the bases and the reports are the curator's, the psychologist's and the authority's work.
WORKING_ROLES = frozenset(
    {
        Role.ADMINISTRATOR,
        Role.CURATOR,
        Role.PSYCHOLOGIST,
        Role.MUNICIPAL_COORDINATOR,
        Role.REGIONAL_COORDINATOR,
    }
)
STAFF_SECTIONS = frozenset({"participants", "reports"})


def section_shown(scope: Scope, key: str, url_name: str) -> bool:
    """A section is in the menu when its page opens for the role (``may_open``) and the role works in it."""
    if key in STAFF_SECTIONS and not scope.access.has_any(WORKING_ROLES):
        return False
    return may_open(scope, url_name)


def frame_key(request: HttpRequest, user: User, scope: Scope, current: str) -> tuple | None:
    """The key of the page's header kept by ``{% frame %}`` (mentoring/templatetags/frame.py): everything
    the header shows — the user's names and roles, the organisation, the year, the section, and the
    navigation cache's version, which changes with any membership, organisation, programme or year (what
    the switchers list) — or None when the header is rendered on every page (the navigation cache off)."""
    if not settings.NAVIGATION_CACHE_SECONDS:
        return None
    access = scope.access
    return (
        navigation_cache.request_version(request),
        user.pk,
        user.username,
        user.first_name,
        user.last_name,
        user.patronymic,
        user.is_staff,
        scope.organization.pk,
        scope.organization.slug,
        scope.organization.short_name,
        scope.programme.pk,
        scope.programme.academic_year.start_year,
        tuple(sorted(access.roles)),
        access.read_only,
        current,
    )


def navigation(request: HttpRequest) -> dict:
    scope = getattr(request, "scope", None)
    user = request.user
    if scope is None or not user.is_authenticated:
        return {}
    kwargs = scope.url_kwargs
    match = getattr(request, "resolver_match", None)
    current = ""
    if match is not None:
        current = match.namespace or ("dashboard" if match.url_name == "dashboard" else "")

    def sections() -> list[dict]:
        return [
            {
                "key": key,
                "label": label,
                "icon": icon,
                "url": reverse(name, kwargs=kwargs),
                "active": key == current,
            }
            for key, name, label, icon in SECTIONS
            if section_shown(scope, key, name)  # seen from above: no section that names pupils (the pairs)
        ]

    def current_version() -> int:
        # read from the cache once per request, by the scope or whichever switcher is rendered first
        return navigation_cache.request_version(request)

    def organization_targets() -> list[dict]:
        # plain values only (kept in the cache): the name to show, the link, the group
        return [
            {
                "pk": target.organization.pk,
                "organization": {"short_name": target.organization.short_name},
                "url": reverse(
                    "dashboard", kwargs={"org": target.organization.slug, "year": target.start_year}
                ),
                "group": target.group,
            }
            for target in organizations_for_user(user, around=scope.organization)
            if target.start_year
        ]

    def organizations() -> list[dict]:
        key = f"organizations:{request.user.pk}:{scope.organization.pk}"
        return [
            {**item, "current": item["pk"] == scope.organization.pk}
            for item in navigation_cache.cached(key, organization_targets, current_version)
        ]

    def years() -> list[dict]:
        current = scope.programme.academic_year.start_year
        return [
            {
                "year": year,
                "label": f"{year}/{year + 1}",
                "url": reverse("dashboard", kwargs={**kwargs, "year": year}),
                "current": year == current,
            }
            for year in navigation_cache.cached(
                f"years:{scope.organization.pk}", lambda: programme_years(scope.organization), current_version
            )
        ]

    def url_if(shown: bool, name: str) -> str:
        return reverse(name, kwargs=kwargs) if shown else ""

    administrator = Role.ADMINISTRATOR in scope.access.roles and not scope.access.read_only
    # Lazy: partial pages polled by htmx never touch the switcher, so they make no query for it; a page
    # whose header is kept (``frame_key``) reverses none of the links.
    return {
        "scope": scope,
        "frame_key": frame_key(request, user, scope, current),
        "nav_sections": SimpleLazyObject(sections),
        "switch_organizations": SimpleLazyObject(organizations),
        "switch_years": SimpleLazyObject(years),
        # the administrator's read-only journals (links in the user menu)
        "signin_journal_url": SimpleLazyObject(lambda: url_if(administrator, "signin_journal")),
        # the last destructive action of the session, while it may still be undone (the message's button)
        "undo": undo_pending(request),
        "trash_url": SimpleLazyObject(lambda: url_if(scope.access.can_manage, "trash")),
        # the search over people, pairs and events: the school's own staff who read the bases
        "global_search_url": SimpleLazyObject(
            lambda: url_if(scope.access.has_any(SEARCHERS) and not scope.access.read_only, "search")
        ),
        "action_journal_url": SimpleLazyObject(lambda: url_if(administrator, "journal")),
    }
