"""Seed the load-test database; run by bench_load.py in a subprocess with the production environment.

Reuses ``bench_dashboards.seed_municipality`` (20 schools × 1,000 pupils, pairs, plans, answers, a
roadmap section) and gives every school what its pages show in real life: a roadmap of six sections
and about 60 events with responsible people, and a curator with a password (the load test logs in
through the login form). Prints one JSON object on stdout: the password, the curators' usernames and,
per curator, the pages the load test requests.

Idempotent enough for ``LOAD_KEEP_DB=1``: when the curators already exist nothing is seeded again.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import date, timedelta
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO_ROOT = BENCH_DIR.parent.parent
for _path in (str(REPO_ROOT), str(BENCH_DIR)):
    if _path not in sys.path:
        sys.path.insert(0, _path)

PAGES = ("roadmap:index", "participants:mentees", "pairing:index", "monitoring:dashboard")
EXTRA_SECTIONS = 5
EVENTS_PER_SECTION = 6


def _roadmap(programme, curator, start_year: int) -> None:
    """Five more sections (the seed has one) with events, half of them with a responsible user."""
    from roadmap.models import RoadmapEvent, RoadmapSection

    day = date(start_year, 9, 15)
    sections = RoadmapSection.objects.bulk_create(
        RoadmapSection(
            programme=programme, title=f"Раздел {k + 2}. Организационные мероприятия", position=k + 2
        )
        for k in range(EXTRA_SECTIONS)
    )
    events = RoadmapEvent.objects.bulk_create(
        RoadmapEvent(
            programme=programme,
            section=section,
            number=f"{s + 2}.{k + 1}",
            title=f"Мероприятие {s + 2}.{k + 1}: совещание наставников и отчёт о работе пар",
            period_text="ежемесячно" if k % 2 else "октябрь",
            expected_result="Протокол, фотоотчёт",
            kpi_text="100 % пар",
            responsible_text="Куратор, заместитель директора по УВР",
            position=k,
            status=("done", "planned", "in_progress")[k % 3],
            completed_on=day + timedelta(days=7 * k) if k % 3 == 0 else None,
            deadline=day + timedelta(days=14 * (k + s)),
        )
        for s, section in enumerate(sections)
        for k in range(EVENTS_PER_SECTION)
    )
    through = RoadmapEvent.responsible_users.through
    through.objects.bulk_create(
        through(roadmapevent_id=event.pk, user_id=curator.pk) for k, event in enumerate(events) if k % 2 == 0
    )


def seed(password: str) -> dict:
    from bench_dashboards import seed_municipality
    from django.contrib.auth.hashers import make_password
    from django.urls import reverse
    from django.utils import timezone

    from mentoring.academic_years import academic_year_start_for
    from mentoring.models import Membership, Organization, Programme, Role, User

    start_year = academic_year_start_for(timezone.localdate())
    if not User.objects.filter(username__startswith="load-curator-").exists():
        authority, _school, _curator, _coordinator = seed_municipality(start_year)
        encoded = make_password(password)  # one hash for all: seeding is not what is measured
        for school in Organization.objects.filter(parent=authority).order_by("slug"):
            curator = User.objects.create(username=f"load-curator-{school.slug}", password=encoded)
            Membership.objects.create(user=curator, organization=school, role=Role.CURATOR)
            programme = Programme.objects.get(organization=school, academic_year__start_year=start_year)
            _roadmap(programme, curator, start_year)
    from django.db import connection

    with connection.cursor() as cursor:  # fresh statistics, as autovacuum keeps them in a live database
        cursor.execute("ANALYZE")
    curators = []
    for user in User.objects.filter(username__startswith="load-curator-").order_by("username"):
        slug = user.username.removeprefix("load-curator-")
        kwargs = {"org": slug, "year": start_year}
        curators.append(
            {"username": user.username, "pages": [reverse(name, kwargs=kwargs) for name in PAGES]}
        )
    return {"password": password, "curators": curators, "trivial": reverse("healthz")}


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mentoring.settings")
    import django

    django.setup()
    print(json.dumps(seed(os.environ["LOAD_PASSWORD"]), ensure_ascii=False))


if __name__ == "__main__":
    main()
