"""The demo municipality in one place: each part of it in the order the parts depend on."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from . import cases, documents, kpis, organisations, pairs, people, plans, questionnaires, roadmaps


@transaction.atomic
def seed_demo(*, today: date) -> list[tuple[str, str, str]]:
    """Idempotent: a second run changes nothing. Returns the demo accounts (login, name, roles)."""
    logins = organisations.seed_demo(today=today)
    roadmaps.seed_demo(today=today)
    people.seed_demo(today=today)
    pairs.seed_demo(today=today)
    plans.seed_demo(today=today)
    questionnaires.seed_demo(today=today)
    kpis.seed_demo(today=today)
    cases.seed_demo(today=today)
    documents.seed_demo(today=today)
    return logins
