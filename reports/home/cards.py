"""Each role's start page (registered with ``mentoring.dashboard_cards``).

- curator / administrator of a school: «Требует внимания», the year at a glance, «Как начать» until done;
  the administrator (the director) also what waits for a decision and the KPIs;
- mentor: their pairs with «Записать встречу», the next plan tasks, the questionnaires to answer;
- psychologist: the pairs the diary flags, the diagnostics to compare;
- an authority (its coordinator, its administrator): a row per school, figures only;
- a coordinator looking into a school (read-only): the year at a glance, figures only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils import timezone

from mentoring.access import MANAGERS, OVERSIGHT_ROLES, Scope
from mentoring.models import Role

from .selectors import (
    kpi_facts,
    mentor_home,
    psychologist_home,
    roadmap_facts,
    school_home,
    schools_progress,
)

if TYPE_CHECKING:
    from typing import Any

    from mentoring.models import User

TEMPLATE_SCHOOL = "reports/home/school.html"
TEMPLATE_GLANCE = "reports/home/glance.html"
TEMPLATE_MENTOR = "reports/home/mentor.html"
TEMPLATE_PSYCHOLOGIST = "reports/home/psychologist.html"
TEMPLATE_SCHOOLS = "reports/home/schools.html"


def home_cards(scope: Scope, user: User) -> list[dict[str, Any]]:
    access = scope.access
    today = timezone.localdate()
    scope.programme.organization = scope.organization  # loaded already: the metrics and settings read it
    if scope.organization.is_oversight_body:
        if not access.has_any(MANAGERS | OVERSIGHT_ROLES):
            return []
        rows, total = schools_progress(scope, today)
        return [{"template": TEMPLATE_SCHOOLS, "rows": rows, "total": total}]
    cards: list[dict] = []
    if access.can_manage:
        home = school_home(scope, today)
        cards.append(
            {
                "template": TEMPLATE_SCHOOL,
                "home": home,
                "director": Role.ADMINISTRATOR in access.roles,
            }
        )
    elif access.read_only:
        cards.append(
            {
                "template": TEMPLATE_GLANCE,
                "roadmap": roadmap_facts(scope.programme, today),
                "kpis": kpi_facts(scope.programme, today),
            }
        )
    if Role.PSYCHOLOGIST in access.roles and not access.read_only:
        cards.append({"template": TEMPLATE_PSYCHOLOGIST, "psy": psychologist_home(scope, today)})
    if Role.MENTOR in access.roles and not access.read_only:
        cards.append({"template": TEMPLATE_MENTOR, "mine": mentor_home(scope, user, today)})
    return cards
