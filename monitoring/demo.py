"""Demo data of the monitoring section, one module per theme (run by ``seed_demo`` in this order)."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from .cases import demo as demo_cases
from .kpis import demo as demo_kpis
from .plans import demo as demo_plans
from .questionnaires import demo as demo_questionnaires


@transaction.atomic
def seed_demo(*, today: date) -> None:
    demo_plans.seed_demo(today=today)
    demo_questionnaires.seed_demo(today=today)
    demo_kpis.seed_demo(today=today)
    demo_cases.seed_demo(today=today)
