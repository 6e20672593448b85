"""The start page's cards of the monitoring windows (registered with ``mentoring.dashboard_cards``).

A school's administrator or curator sees «Сбор статистики: сдать до …» for every open window opened
above it; an oversight organisation sees, for its open windows, how many have handed in. Mentors and
psychologists see nothing (and cost no query).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils import timezone

from mentoring.access import MANAGERS, OVERSIGHT_ROLES

from .selectors import is_oversight, open_seen_windows, open_windows_for_scope, window_overview

if TYPE_CHECKING:
    from typing import Any

    from mentoring.access import Scope
    from mentoring.models import User

TEMPLATE_SCHOOL = "reports/windows/card_school.html"
TEMPLATE_OPENER = "reports/windows/card_opener.html"
OPENER_CARDS = 3


def window_cards(scope: Scope, user: User) -> list[dict[str, Any]]:
    if not scope.access.has_any(MANAGERS | OVERSIGHT_ROLES):
        return []
    today = timezone.localdate()
    organization, year = scope.organization, scope.programme.academic_year
    if is_oversight(organization):
        windows = open_seen_windows(organization, year.pk, today, OPENER_CARDS)
        return [
            {"template": TEMPLATE_OPENER, "overview": window_overview(window, organization, today=today)}
            for window in windows
        ]
    return [
        {"template": TEMPLATE_SCHOOL, "item": item, "today": today}
        for item in open_windows_for_scope(scope, today)
    ]
