"""Region benchmarks: a region of 1,500 organisations × 300 pupils (60 municipalities × 25 schools).

The seed (``seed_region``) is written with large ``bulk_create`` batches straight into the tables, once
per run, and reused by every measure (``REGION_BENCH_KEEP_DB=1`` keeps the database between runs, so the
seed is written only the first time). Per school: 300 pupils aged 7–18 (a different share of them in
the mentee base in each school, so that the municipalities differ), 12 teachers of whom 8 mentor,
8 pairs/groups with 15 mentees each, 3 diary meetings per pair, consents for two people in three,
30 satisfaction answers, and 6 monthly KPI snapshots of three indicators for the charts. The region
has its own targets.

Measures (one JSON object each, ``ratio`` = value / reference measured in the same run):

- ``summaries_refresh_1500`` — the job that stores every organisation's metrics for the console
  (task ``monitoring.tasks.kpis.refresh_metric_summaries``), in seconds;
- ``dashboard_region_1500`` — the regional console (``reports:console``) through the Django test client
  as the regional coordinator: median time and SQL ``queries``; ``selector_queries`` are the queries of
  the figures alone (``console_for``) for the region and ``selector_queries_municipality`` for one
  municipality of 25 schools — the same number: it does not grow with the number of organisations
  (``tests/reports/test_console.py`` asserts it at two sizes). The municipality's page makes a few more
  queries than the region's only for the navigation (the chain above it in the switcher, the link up);
- ``statistics_region_1500`` — the consolidated form: the region's «Статистика для РНЦ» XLSX (the
  region's layout added up over 1,500 schools, the KPI sheet and the sheet per school), generated in
  process as the background job does, with its time and queries.

The reference is the region's «Программа» page through the same middleware, login, scope and base
template (as in the dashboards group); ``healthz_s`` is the trivial /healthz/ request for scale.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from common import best_of, count_queries  # noqa: E402  after the sys.path line above

MUNICIPALITIES = int(os.environ.get("REGION_BENCH_MUNICIPALITIES", 60))
SCHOOLS_PER_MUNICIPALITY = int(os.environ.get("REGION_BENCH_SCHOOLS", 25))
PUPILS = 300
TEACHERS = 12
MENTORS = 8
MENTEES_PER_GROUP = 15
MEETINGS_PER_GROUP = 3
ANSWERS = 30
REPEAT = 7
BATCH = 5000
REGION_SLUG = "bench-region"


@contextlib.contextmanager
def region_database() -> Iterator[bool]:
    """A test database of its own; kept between runs with ``REGION_BENCH_KEEP_DB=1``. Yields whether the
    seed is already there."""
    from django.db import connection
    from django.test.utils import setup_test_environment, teardown_test_environment

    keep = os.environ.get("REGION_BENCH_KEEP_DB") == "1"
    setup_test_environment()
    # serialize=False: Django would otherwise serialise a kept region (468,000 people, their meetings'
    # attendees…) into memory for TransactionTestCase, which no benchmark uses — minutes before the first measure
    name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=keep, serialize=False)
    try:
        from mentoring.models import Organization

        yield keep and Organization.objects.filter(slug=REGION_SLUG).exists()
    finally:
        if keep:
            connection.close()
            connection.settings_dict["NAME"] = connection.creation._get_test_db_name()
        else:
            connection.creation.destroy_test_db(name, verbosity=0)
        teardown_test_environment()


def _log(message: str) -> None:
    print(f"bench: region: {message}", file=sys.stderr, flush=True)


def seed_region(start_year: int) -> None:
    """The region, its municipalities and schools with people, pairs, meetings, answers and snapshots."""
    from django.utils import timezone

    from mentoring.models import AcademicYear, Membership, Organization, Programme, Role, User
    from monitoring import models as m
    from pairing.models import GroupMember, MentoringForm, MentoringGroup
    from participants.models import Consent, MenteeProfile, MentorProfile, Person

    started = time.perf_counter()
    year, _ = AcademicYear.objects.get_or_create(start_year=start_year)
    region = Organization.objects.create(
        name="Региональный наставнический центр",
        short_name="РНЦ",
        slug=REGION_SLUG,
        kind=Organization.Kind.REGION,
    )
    region_programme = Programme.objects.create(organization=region, academic_year=year)
    authorities = Organization.objects.bulk_create(
        Organization(
            name=f"Управление образования {k:02d}",
            short_name=f"УО {k:02d}",
            slug=f"bench-uo-{k}",
            kind=Organization.Kind.MUNICIPAL_AUTHORITY,
            parent=region,
        )
        for k in range(MUNICIPALITIES)
    )
    Programme.objects.bulk_create(Programme(organization=a, academic_year=year) for a in authorities)
    schools = Organization.objects.bulk_create(
        (
            Organization(
                name=f"Школа {a:02d}-{s:02d}",
                short_name=f"Школа {a:02d}-{s:02d}",
                slug=f"bench-school-{a}-{s}",
                parent=authority,
            )
            for a, authority in enumerate(authorities)
            for s in range(SCHOOLS_PER_MUNICIPALITY)
        ),
        batch_size=BATCH,
    )
    programmes = Programme.objects.bulk_create(
        (
            Programme(
                organization=school,
                academic_year=year,
                pupils_total=PUPILS,
                pupils_with_disabilities=PUPILS // 12,
                teachers_total=TEACHERS,
                young_teachers_total=3,
            )
            for school in schools
        ),
        batch_size=BATCH,
    )
    _log(f"{len(schools)} schools in {time.perf_counter() - started:.0f} s")

    # people: per school 300 pupils then 12 teachers, in one stream
    def people():
        for school in schools:
            for k in range(PUPILS):
                yield Person(
                    organization=school,
                    last_name=f"Ученик{k}",
                    first_name="Иван",
                    kind=Person.Kind.PUPIL,
                    birth_date=date(start_year - 7 - k % 12, 1 + k % 12, 1 + k % 28),
                )
            for k in range(TEACHERS):
                yield Person(
                    organization=school,
                    last_name=f"Учитель{k}",
                    first_name="Пётр",
                    kind=Person.Kind.TEACHER,
                    birth_date=date(1970 + k * 2, 5, 1),
                )

    everyone = Person.objects.bulk_create(people(), batch_size=BATCH)
    per_school = PUPILS + TEACHERS
    _log(f"{len(everyone)} people in {time.perf_counter() - started:.0f} s")

    form = MentoringForm.objects.get(key="teacher_pupil")
    day = date(start_year, 10, 1)
    mentee_profiles = []
    mentor_profiles = []
    groups = []
    for index, programme in enumerate(programmes):
        block = everyone[index * per_school : (index + 1) * per_school]
        pupils, teachers = block[:PUPILS], block[PUPILS:]
        share = 0.4 + 0.5 * ((index * 7) % 11) / 10  # 40 %…90 % of the pupils in the mentee base
        in_base = pupils[: int(PUPILS * share)]
        mentee_profiles += [
            MenteeProfile(
                person=person,
                programme=programme,
                has_ovz=k % 12 == 0,
                status="candidate" if k % 17 == 0 else "active",
            )
            for k, person in enumerate(in_base)
        ]
        mentor_profiles += [
            MentorProfile(person=person, programme=programme, capacity=15) for person in teachers[:MENTORS]
        ]
        groups += [
            MentoringGroup(programme=programme, form=form, status="active" if k % 4 else "completed")
            for k in range(MENTORS)
        ]
    MenteeProfile.objects.bulk_create(mentee_profiles, batch_size=BATCH)
    MentorProfile.objects.bulk_create(mentor_profiles, batch_size=BATCH)
    groups = MentoringGroup.objects.bulk_create(groups, batch_size=BATCH)
    _log(f"{len(mentee_profiles)} mentees, {len(groups)} pairs in {time.perf_counter() - started:.0f} s")

    def members():
        for index in range(len(schools)):
            block = everyone[index * per_school : (index + 1) * per_school]
            pupils, teachers = block[:PUPILS], block[PUPILS:]
            for g in range(MENTORS):
                group = groups[index * MENTORS + g]
                yield GroupMember(group=group, person=teachers[g], role="mentor")
                for person in pupils[g * MENTEES_PER_GROUP : (g + 1) * MENTEES_PER_GROUP]:
                    yield GroupMember(group=group, person=person, role="mentee")

    GroupMember.objects.bulk_create(members(), batch_size=BATCH)
    m.Meeting.objects.bulk_create(
        (
            m.Meeting(group=group, date=day + timedelta(days=14 * k), topic=f"Встреча {k + 1}")
            for group in groups
            for k in range(MEETINGS_PER_GROUP)
        ),
        batch_size=BATCH,
    )
    Consent.objects.bulk_create(
        (Consent(person=person, given_on=day, given_by="self") for k, person in enumerate(everyone) if k % 3),
        batch_size=BATCH,
    )
    _log(f"pairs, meetings, consents in {time.perf_counter() - started:.0f} s")

    template = m.QuestionnaireTemplate.objects.create(
        key="bench-region-satisfaction", title="Удовлетворённость", purpose="satisfaction", audience="mentee"
    )
    item = m.QuestionItem.objects.create(
        template=template, key="overall", text="Общая удовлетворённость", kind="scale"
    )
    expires = timezone.now() + timedelta(days=30)
    campaigns = m.Campaign.objects.bulk_create(
        (
            m.Campaign(programme=programme, template=template, title="Опрос", expires_at=expires)
            for programme in programmes
        ),
        batch_size=BATCH,
    )
    invitations = m.Invitation.objects.bulk_create(
        (
            m.Invitation(
                campaign=campaign,
                person=everyone[index * per_school + k],
                respondent="mentee",
                expires_at=expires,
            )
            for index, campaign in enumerate(campaigns)
            for k in range(ANSWERS)
        ),
        batch_size=BATCH,
    )
    responses = m.QuestionnaireResponse.objects.bulk_create(
        (m.QuestionnaireResponse(invitation=invitation) for invitation in invitations), batch_size=BATCH
    )
    m.Answer.objects.bulk_create(
        (m.Answer(response=response, item=item, number=1 + k % 10) for k, response in enumerate(responses)),
        batch_size=BATCH,
    )
    _log(f"{len(responses)} answers in {time.perf_counter() - started:.0f} s")

    indicators = list(
        m.Indicator.objects.filter(
            organization=None, key__in=["pupils_in_mentoring", "teacher_mentors", "mentees_in_pairs"]
        )
    )
    months = [date(start_year, 9 + k, 1) if k < 4 else date(start_year + 1, k - 3, 1) for k in range(6)]
    m.KpiSnapshot.objects.bulk_create(
        (
            m.KpiSnapshot(
                programme=programme,
                indicator=indicator,
                taken_on=month,
                numerator=10 * (k + 1) + index % 7,
                denominator=PUPILS,
                value=(10 * (k + 1) + index % 7) * 100 / PUPILS,
            )
            for index, programme in enumerate(programmes)
            for indicator in indicators
            for k, month in enumerate(months)
        ),
        batch_size=BATCH,
    )
    targets = {
        "pupils_in_mentoring": 70,
        "teacher_mentors": 30,
        "mentees_in_pairs": 80,
        "mentee_satisfaction": 75,
    }
    for indicator in m.Indicator.objects.filter(organization=None, key__in=targets):
        m.IndicatorTarget.objects.create(
            indicator=indicator, programme=region_programme, value=targets[indicator.key]
        )
    coordinator = User.objects.create(username="bench-regional-coordinator")
    Membership.objects.create(user=coordinator, organization=region, role=Role.REGIONAL_COORDINATOR)
    _log(f"seeded in {time.perf_counter() - started:.0f} s")


def run():
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.urls import reverse
    from django.utils import timezone

    from mentoring.academic_years import academic_year_start_for
    from mentoring.access import resolve_scope_for_job
    from mentoring.models import Job, Organization, Programme, User
    from monitoring.kpis.tasks import refresh_metric_summaries
    from reports.registry import XLSX, ReportContext, registry

    settings.DEBUG = False  # as in production
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    start_year = academic_year_start_for(timezone.localdate())
    schools = MUNICIPALITIES * SCHOOLS_PER_MUNICIPALITY
    with region_database() as seeded:
        seed_started = time.perf_counter()
        if not seeded:
            seed_region(start_year)
        seed_seconds = time.perf_counter() - seed_started
        region = Organization.objects.get(slug=REGION_SLUG)
        municipality = Organization.objects.filter(parent=region).order_by("slug").first()
        coordinator = User.objects.get(username="bench-regional-coordinator")
        common = {
            "organisations": schools,
            "municipalities": MUNICIPALITIES,
            "pupils_per_school": PUPILS,
            "database": connection.vendor,
            "seed_s": round(seed_seconds, 1),
            "seed_reused": seeded,
        }

        # 1. the job that stores every organisation's metrics for the console
        started = time.perf_counter()
        rows = refresh_metric_summaries()
        refresh = time.perf_counter() - started
        if connection.vendor == "postgresql":
            # what autovacuum does within a minute of a bulk load in production: without statistics the
            # planner takes the 60,000 stored metrics for 69 rows and sorts them on disk
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        yield {
            "measure": f"summaries_refresh_{schools}",
            "value": round(refresh, 2),
            "unit": "s",
            "rows": rows,
            "reference": "none (a background job: every 20 minutes)",
            **common,
        }

        # 2. the console
        client = Client()
        client.force_login(coordinator)
        kwargs = {"org": region.slug, "year": start_year}
        console = reverse("reports:console", kwargs=kwargs)
        municipal_console = reverse("reports:console", kwargs={"org": municipality.slug, "year": start_year})
        trivial = reverse("programme", kwargs=kwargs)

        def get(path):
            def call():
                response = client.get(path)
                assert response.status_code == 200, (path, response.status_code)

            return call

        from monitoring.kpis.console import console_for

        region_programme = Programme.objects.select_related("academic_year").get(organization=region)
        municipal_programme = Programme.objects.select_related("academic_year").get(organization=municipality)
        # the figures alone: the same queries for the region (1,500 schools) and one municipality (25)
        selector_queries = count_queries(lambda: console_for(region, region_programme))
        selector_queries_municipality = count_queries(lambda: console_for(municipality, municipal_programme))
        for path in (console, municipal_console, trivial, "/healthz/"):
            get(path)()  # warm up
        reference = best_of(get(trivial), REPEAT)
        healthz = best_of(get("/healthz/"), REPEAT)
        value = best_of(get(console), REPEAT)
        yield {
            "measure": f"dashboard_region_{schools}",
            "value": round(value, 4),
            "unit": "s",
            "queries": count_queries(get(console)),
            "selector_queries": selector_queries,
            "selector_queries_municipality": selector_queries_municipality,
            "page_queries_municipality": count_queries(get(municipal_console)),
            "municipality_s": round(best_of(get(municipal_console), REPEAT), 4),
            "reference": "programme_page",
            "reference_value": round(reference, 4),
            "ratio": round(value / reference, 2),
            "reference_queries": count_queries(get(trivial)),
            "healthz_s": round(healthz, 4),
            "target": "value < 1 s with a number of queries that does not grow with the organisations",
            **common,
        }

        # 3. the consolidated form: the region's «Статистика для РНЦ» in XLSX, as the job makes it
        job = Job.objects.create(
            kind="report:rnc_statistics",
            title="Статистика для РНЦ",
            organization=region,
            academic_year=Programme.objects.get(organization=region).academic_year,
            created_by=coordinator,
            params={"report": "rnc_statistics", "format": XLSX, "options": {}},
        )
        scope = resolve_scope_for_job(job, coordinator)
        report = registry.get("rnc_statistics")
        sizes = []

        def generate():
            context = ReportContext(scope=scope, user=coordinator, options={}, progress=lambda *_args: None)
            sizes.append(len(report.generate(context, XLSX).content))

        started = time.perf_counter()
        queries = count_queries(generate)
        statistics_seconds = time.perf_counter() - started
        yield {
            "measure": f"statistics_region_{schools}",
            "value": round(statistics_seconds, 2),
            "unit": "s",
            "queries": queries,
            "bytes": sizes[-1],
            "reference": "programme_page",
            "reference_value": round(reference, 4),
            "ratio": round(statistics_seconds / reference, 1),
            **common,
        }
