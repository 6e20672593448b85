"""Pages benchmark (`make bench ONLY=pages`): the server time and SQL queries of every main page.

Two municipalities are seeded in one throwaway database with ``bench_dashboards.seed_municipality``:
``PAGES_SCHOOLS`` schools (default 20) of 10 pupils and as many of 1,000 pupils, each school with its
pairs, plans, questionnaire answers, a six-section roadmap of about 60 events (``load_seed``'s), and
12 diary entries per pair. In the first school of each size there are a curator, a director
(«администратор»), a psychologist, a mentor whose account is the first teacher's (he leads the first pair) and, above,
the authority's municipal coordinator.

For every main page of every role the measure is the median wall time of ``REPEAT`` requests through
the Django test client — the whole middleware stack, session, scope, template; DEBUG off as in
production — and the number of SQL queries of one request, at 10 and at 1,000 pupils per school. The
reference, timed in the same run through the same client, is the trivial view ``/healthz/`` (one
``SELECT 1``), requested in turn with the page so that both see the same load of a shared machine: the
ratio says how many trivial requests a page costs. ``cpu_ms`` is the CPU time of this process alone
(rendering and Python; PostgreSQL's own work is in the wall time only), steadier on a busy machine. Measures are named
``page_<role>_<page>_<pupils>``; ``value`` is in ms; the goal is under 25 ms at 1,000 pupils.

``PAGES_PROFILE=1`` also profiles each page at 1,000 pupils with cProfile (20 requests) and prints
the functions with the most own time to stderr; ``PAGES_ONLY=<substring>[,<substring>…]`` limits the pages; ``PAGES_SCHOOLS`` and ``PAGES_REPEAT`` change the size of the
run; ``PAGES_KEEP_DB=1`` keeps the seeded database for the next run.
"""

from __future__ import annotations

import contextlib
import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from common import count_queries  # noqa: E402  after the sys.path line above

SIZES = (10, 1_000)
SCHOOLS = int(os.environ.get("PAGES_SCHOOLS") or 20)
REPEAT = int(os.environ.get("PAGES_REPEAT") or 15)
MEETINGS_PER_PAIR = 12
GOAL_MS = 25.0
USER_ROLES = ("curator", "mentor", "director", "coordinator", "psychologist")

# (role, page, url name, the organisation it is opened in: "school" or "authority")
PAGES = (
    ("curator", "start", "dashboard", "school"),
    ("curator", "members", "members", "school"),
    ("curator", "roadmap", "roadmap:index", "school"),
    ("curator", "mentees", "participants:mentees", "school"),
    ("curator", "mentors", "participants:mentors", "school"),
    ("curator", "pairs", "pairing:index", "school"),
    ("curator", "matching", "pairing:runs", "school"),
    ("curator", "plans", "monitoring:plans", "school"),
    ("curator", "diaries", "monitoring:meetings", "school"),
    ("curator", "kpis", "monitoring:dashboard", "school"),
    ("curator", "questionnaires", "monitoring:templates", "school"),
    ("curator", "reports", "reports:index", "school"),
    ("mentor", "start", "dashboard", "school"),
    ("mentor", "pairs", "pairing:index", "school"),
    ("mentor", "diary", "monitoring:diary", "school"),
    ("psychologist", "start", "dashboard", "school"),
    ("director", "start", "dashboard", "school"),
    ("director", "kpis", "monitoring:dashboard", "school"),
    ("coordinator", "start", "dashboard", "authority"),
    ("coordinator", "kpis", "monitoring:dashboard", "authority"),
    ("coordinator", "console", "reports:console", "authority"),
)


KEEP_DB = os.environ.get("PAGES_KEEP_DB", "") in {"1", "true", "yes"}


@contextlib.contextmanager
def bench_database() -> Iterator[None]:
    """A fresh test database, dropped afterwards — without ``setup_test_environment``, which wraps every
    template render in a signal that copies the context (the test client keeps it for assertions): that
    costs more than the render itself on pages with includes in loops, and no server pays it.
    ``PAGES_KEEP_DB=1`` keeps it (and its seed) for the next run."""
    from django.db import connection

    name = connection.creation.create_test_db(verbosity=0, autoclobber=not KEEP_DB, keepdb=KEEP_DB)
    try:
        yield
    finally:
        if not KEEP_DB:
            connection.creation.destroy_test_db(name, verbosity=0)


def log(message: str) -> None:
    print(f"bench: pages: {message}", file=sys.stderr, flush=True)


def seed(start_year: int, pupils: int) -> dict:
    """One municipality of ``SCHOOLS`` schools of ``pupils`` pupils; returns its users and places."""
    from bench_dashboards import seed_municipality
    from load_seed import _roadmap

    from mentoring.models import Membership, Organization, Programme, Role, User
    from monitoring.models import Meeting
    from pairing.models import GroupMember
    from participants.models import Person

    prefix = f"p{pupils}"
    authority, school, curator, coordinator = seed_municipality(
        start_year, schools_count=SCHOOLS, prefix=prefix, pupils_count=pupils
    )
    for organization in Organization.objects.filter(parent=authority):
        programme = Programme.objects.get(organization=organization, academic_year__start_year=start_year)
        _roadmap(programme, curator, start_year)
    programme = Programme.objects.get(organization=school, academic_year__start_year=start_year)
    director = User.objects.create(username=f"{prefix}-director", first_name="Ольга", last_name="Директорова")
    Membership.objects.create(user=director, organization=school, role=Role.ADMINISTRATOR)
    psychologist = psychologist_of(school, prefix)
    mentor = User.objects.create(username=f"{prefix}-mentor", first_name="Пётр", last_name="Учитель0")
    Membership.objects.create(user=mentor, organization=school, role=Role.MENTOR)
    teacher = Person.objects.get(organization=school, last_name="Учитель0")
    teacher.user = mentor
    teacher.save(update_fields=["user"])
    groups = sorted({member.group_id for member in GroupMember.objects.filter(group__programme=programme)})
    base = date(start_year, 9, 15)
    Meeting.objects.bulk_create(
        Meeting(
            group_id=group,
            date=base + timedelta(days=7 * k),
            topic=f"Встреча {k + 1}: разбор задач плана",
            what_was_done="Обсудили задачи, составили план на месяц",
            agreements="Подготовить проект к следующей встрече",
            duration_minutes=45,
            recorded_by=mentor,
        )
        for group in groups
        for k in range(MEETINGS_PER_PAIR)
    )
    mentor_group = GroupMember.objects.filter(person=teacher, role="mentor").values_list("group", flat=True)[
        0
    ]
    return {
        "users": {
            "curator": curator,
            "mentor": mentor,
            "director": director,
            "coordinator": coordinator,
            "psychologist": psychologist,
        },
        "school": school.slug,
        "authority": authority.slug,
        "mentor_group": mentor_group,
    }


def psychologist_of(school, prefix: str):
    """The school's psychologist (added to a seed kept from a run before she was measured)."""
    from mentoring.models import Membership, Role, User

    user, created = User.objects.get_or_create(
        username=f"{prefix}-psychologist", defaults={"first_name": "Вера", "last_name": "Психологова"}
    )
    if created:
        Membership.objects.create(user=user, organization=school, role=Role.PSYCHOLOGIST)
    return user


def seeded(pupils: int) -> dict | None:
    """The users and places of an earlier run's seed kept with ``PAGES_KEEP_DB=1``, or None."""
    from mentoring.models import Organization, User
    from pairing.models import GroupMember
    from participants.models import Person

    prefix = f"p{pupils}"
    school = Organization.objects.filter(slug=f"{prefix}-school-0").first()
    if school is None:
        return None
    psychologist_of(school, prefix)
    users = {role: User.objects.filter(username=f"{prefix}-{role}").first() for role in USER_ROLES}
    if not all(users.values()):
        return None
    teacher = Person.objects.get(organization=school, last_name="Учитель0")
    return {
        "users": users,
        "school": school.slug,
        "authority": f"{prefix}-uo",
        "mentor_group": GroupMember.objects.filter(person=teacher, role="mentor").values_list("group", flat=True)[
            0
        ],
    }


def page_url(name: str, place: dict, where: str, start_year: int) -> str:
    from django.urls import reverse

    kwargs = {"org": place[where], "year": start_year}
    if name == "monitoring:diary":
        kwargs["group"] = place["mentor_group"]
    return reverse(name, kwargs=kwargs)


def timed(client, path: str, trivial_client, trivial: str, repeat: int) -> dict[str, float]:
    """The medians of ``repeat`` requests of the page and of the trivial view, taken in turns so that both
    see the same load of the (shared) machine: wall time and this process's CPU time, in ms."""
    wall, cpu, reference_wall, reference_cpu = [], [], [], []
    for _ in range(repeat):
        for target, target_client, walls, cpus in (
            (trivial, trivial_client, reference_wall, reference_cpu),
            (path, client, wall, cpu),
        ):
            started, started_cpu = time.perf_counter(), time.process_time()
            response = target_client.get(target)
            walls.append(time.perf_counter() - started)
            cpus.append(time.process_time() - started_cpu)
            if response.status_code != 200:
                raise RuntimeError(f"{target} answered {response.status_code}")
    return {
        name: 1000 * statistics.median(values)
        for name, values in (
            ("wall", wall),
            ("cpu", cpu),
            ("reference_wall", reference_wall),
            ("reference_cpu", reference_cpu),
        )
    }


def profile(client, path: str, label: str) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(20):
        client.get(path)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(25)
    out.write("\n--- cumulative ---\n")
    stats.sort_stats("cumulative").print_stats(45)
    directory = Path("var/profile")
    directory.mkdir(parents=True, exist_ok=True)
    stats.dump_stats(str(directory / f"{label}.prof"))
    log(f"profile of {label} (20 requests):\n{out.getvalue()}")


def run():
    from django.conf import settings
    from django.test import Client
    from django.urls import reverse
    from django.utils import timezone

    from mentoring.academic_years import academic_year_start_for

    settings.DEBUG = False  # as in production
    # what a page costs to make: no page answered from a process's kept copy (mentoring/kept_pages.py;
    # `make load` measures those, as production serves them)
    settings.KEPT_PAGE_SECONDS = 0
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    only = os.environ.get("PAGES_ONLY", "")
    with bench_database():
        from django.db import connection

        start_year = academic_year_start_for(timezone.localdate())
        places = {}
        fresh = False
        for pupils in SIZES:
            kept = seeded(pupils) if KEEP_DB else None
            if kept is not None:
                places[pupils] = kept
                log(f"{SCHOOLS} schools × {pupils} pupils kept from an earlier run")
                continue
            started = time.perf_counter()
            places[pupils] = seed(start_year, pupils)
            fresh = True
            log(f"seeded {SCHOOLS} schools × {pupils} pupils in {time.perf_counter() - started:.0f} s")
        # the stored metrics that the beat refreshes every 20 minutes in production (the console adds them up)
        from monitoring.kpis.tasks import refresh_metric_summaries

        if fresh:
            refresh_metric_summaries()
        if fresh and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")

        clients = {}
        for pupils, place in places.items():
            for role, user in place["users"].items():
                client = Client()
                client.force_login(user)
                clients[pupils, role] = client
        trivial = reverse("healthz")
        trivial_client = clients[SIZES[-1], "curator"]
        for _ in range(3):
            trivial_client.get(trivial)

        for role, page, name, where in PAGES:
            if only and not any(part in f"{role}_{page}" for part in only.split(",")):
                continue
            for pupils in SIZES:
                client = clients[pupils, role]
                path = page_url(name, places[pupils], where, start_year)
                for _ in range(2):  # warm up: the first page of a session stores the scope in it
                    client.get(path)
                times = timed(client, path, trivial_client, trivial, REPEAT)
                value, reference = times["wall"], times["reference_wall"]
                queries = count_queries(lambda client=client, path=path: client.get(path))
                response = client.get(path)
                yield {
                    "measure": f"page_{role}_{page}_{pupils}",
                    "value": round(value, 2),
                    "unit": "ms",
                    "queries": queries,
                    "reference": "trivial_view",
                    "reference_value": round(reference, 2),
                    "ratio": round(value / reference, 1),
                    "cpu_ms": round(times["cpu"], 2),
                    "reference_cpu_ms": round(times["reference_cpu"], 2),
                    "bytes": len(response.content),
                    "url_name": name,
                    "pupils_per_school": pupils,
                    "schools": SCHOOLS,
                    "database": connection.vendor,
                    "load_average": round(os.getloadavg()[0], 2),
                    "target": f"value < {GOAL_MS:g} ms at 1000 pupils",
                }
                if os.environ.get("PAGES_PROFILE") and pupils == SIZES[-1]:
                    profile(client, path, f"{role}_{page}_{pupils}")


if __name__ == "__main__":  # python tests/bench/bench_pages.py: the same as `make bench ONLY=pages`
    import json

    for measure in run():
        print(json.dumps(measure, ensure_ascii=False))
