"""The monitoring section's start page: what a role can do here, with the numbers that matter."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from mentoring.access import MANAGERS, OVERSIGHT_ROLES, Privacy, ScopedRequest, may_open, organization_view
from mentoring.models import Role
from mentoring.typing_helpers import StrOrPromise

READERS = frozenset({*MANAGERS, Role.PSYCHOLOGIST, *OVERSIGHT_ROLES})


@dataclass(frozen=True)
class Tile:
    url_name: str
    title: StrOrPromise
    description: StrOrPromise
    icon: str
    roles: frozenset[str]


TILES = (
    Tile(
        "pairing:index",
        _("My pairs"),
        _("Log a meeting, keep the diary and the individual plan of your pairs."),
        "bi-journal-check",
        frozenset({Role.MENTOR}),
    ),
    Tile(
        "monitoring:meetings",
        _("Meetings of the pairs"),
        _("Every pair's last meeting and the pairs that have not met for a long time."),
        "bi-calendar-check",
        READERS,
    ),
    Tile(
        "monitoring:campaigns",
        _("Questionnaires"),
        _("Send questionnaires by personal link, print QR sheets, see results and before/after tables."),
        "bi-ui-checks",
        frozenset({*MANAGERS, Role.PSYCHOLOGIST}),
    ),
    Tile(
        "monitoring:templates",
        _("Questionnaire templates"),
        _("The team's templates and your own: intake, networking, satisfaction, diagnostics."),
        "bi-list-check",
        frozenset({*MANAGERS, Role.PSYCHOLOGIST}),
    ),
    Tile(
        "monitoring:dashboard",
        _("KPI dashboard"),
        _("Each indicator against its yearly target, with a traffic light and a chart over time."),
        "bi-speedometer2",
        READERS,
    ),
    Tile(
        "monitoring:targets",
        _("Yearly targets"),
        _("Enter the targets of the year or take them from the imported roadmap."),
        "bi-bullseye",
        READERS,
    ),
    Tile(
        "monitoring:indicators",
        _("Indicators"),
        _("What each KPI counts and what it is divided by."),
        "bi-calculator",
        READERS,
    ),
    Tile(
        "monitoring:activities",
        _("Information campaign"),
        _("Publications, parent meetings and class hours with attendance."),
        "bi-megaphone",
        READERS,
    ),
    Tile(
        "monitoring:swot",
        _("SWOT analysis"),
        _("Strengths, weaknesses, opportunities and threats of the programme year."),
        "bi-grid-1x2",
        READERS,
    ),
    Tile(
        "monitoring:cases",
        _("Best practices"),
        _("Stories of pairs for the final compendium, with photos."),
        "bi-stars",
        frozenset({*MANAGERS, Role.MENTOR}),  # and a mentor sees the cases of their own pairs
    ),
    Tile(
        "monitoring:settings",
        _("Monitoring settings"),
        _("Days without a meeting, the KPI age band, the satisfaction threshold, link validity."),
        "bi-sliders",
        frozenset(MANAGERS),
    ),
)


@organization_view(privacy=Privacy.AGGREGATE)
def index(request: ScopedRequest) -> HttpResponse:
    scope = request.scope
    tiles = [
        {"tile": tile, "url": reverse(tile.url_name, kwargs=scope.url_kwargs)}
        for tile in TILES
        if scope.access.has_any(tile.roles) and may_open(scope, tile.url_name)
    ]
    return render(request, "monitoring/index.html", {"scope": scope, "tiles": tiles})
