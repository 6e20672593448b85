"""Region benchmarks of the monitoring windows (group ``region``): a school hands in, the opener's page and
the consolidated form of a region of 1,500 organisations.

A throwaway database holds a region above 60 municipalities × 25 schools (1,500 organisations, each with
a programme). The 25 schools of the first municipality have 300 pupils each (mentee profiles, 30 teachers
of whom 20 mentor, pairs of one mentor and up to 10 mentees); the others only their programme (handing in
reads one school's rows, so their size does not enter ``window_submit``; the opener's page and the
consolidation read the snapshots, not the pupils). Every organisation but one has handed in.

- ``window_submit``: the school's curator presses «Сдать» (POST through the Django test client: the view,
  the count in the window's layout, the frozen snapshot, the audit row), median of several versions, with
  its ``queries``. Reference: counting the same school's figures alone (``statistics_facts`` + ``compute``),
  so the ratio is what freezing, versioning, auditing and the request add to the count.
- ``window_page_region_1500``: the region's window page (who handed in, the consolidated table) with its
  ``queries`` (they do not grow with the organisations). Reference: the trivial programme page.
- ``window_consolidation_1500``: the consolidated XLSX (total, per municipality, per organisation, who
  handed in) from 1,499 snapshots. Reference: openpyxl writing the same number of cells.
"""

from __future__ import annotations

import os
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from common import best_of, count_queries, test_database  # noqa: E402  after the sys.path line above

MUNICIPALITIES = int(os.environ.get("REGION_BENCH_MUNICIPALITIES", 60))
SCHOOLS_PER_MUNICIPALITY = int(os.environ.get("REGION_BENCH_SCHOOLS", 25))
PUPILS = 300
TEACHERS = 30
MENTORS = 20
REPEAT = 5


def _oversight_kind() -> str:
    from mentoring.models import Organization

    return getattr(Organization.Kind, "REGION", Organization.Kind.MUNICIPAL_AUTHORITY)


def seed_region(start_year: int):
    from mentoring.models import AcademicYear, Membership, Organization, Programme, Role, User
    from pairing.models import GroupMember, MentoringForm, MentoringGroup
    from participants.models import MenteeProfile, MentorProfile, Person

    year, _ = AcademicYear.objects.get_or_create(start_year=start_year)
    region = Organization.objects.create(
        name="Министерство образования", short_name="Регион", slug="bench-region", kind=_oversight_kind()
    )
    Programme.objects.create(organization=region, academic_year=year)
    municipalities = Organization.objects.bulk_create(
        Organization(
            name=f"Управление образования {m}",
            short_name=f"УО {m:02d}",
            slug=f"bench-uo-{m}",
            kind=Organization.Kind.MUNICIPAL_AUTHORITY,
            parent=region,
        )
        for m in range(MUNICIPALITIES)
    )
    schools = Organization.objects.bulk_create(
        Organization(
            name=f"Школа {m}-{s}",
            short_name=f"Школа {m:02d}-{s:02d}",
            slug=f"bench-school-{m}-{s}",
            parent=municipality,
        )
        for m, municipality in enumerate(municipalities)
        for s in range(SCHOOLS_PER_MUNICIPALITY)
    )
    programmes = Programme.objects.bulk_create(
        Programme(
            organization=school,
            academic_year=year,
            pupils_total=PUPILS,
            pupils_with_disabilities=PUPILS // 12,
            teachers_total=TEACHERS,
            young_teachers_total=8,
        )
        for school in schools
    )
    form = MentoringForm.objects.get(key="teacher_pupil", organization=None)
    for school, programme in list(zip(schools, programmes, strict=True))[:SCHOOLS_PER_MUNICIPALITY]:
        pupils = Person.objects.bulk_create(
            Person(
                organization=school,
                last_name=f"Ученик{k}",
                first_name="Иван",
                kind=Person.Kind.PUPIL,
                birth_date=date(start_year - 7 - k % 11, 1 + k % 12, 1 + k % 28),
            )
            for k in range(PUPILS)
        )
        teachers = Person.objects.bulk_create(
            Person(organization=school, last_name=f"Учитель{k}", first_name="Пётр", kind=Person.Kind.TEACHER)
            for k in range(TEACHERS)
        )
        MenteeProfile.objects.bulk_create(
            MenteeProfile(person=person, programme=programme, has_ovz=k % 12 == 0)
            for k, person in enumerate(pupils)
        )
        MentorProfile.objects.bulk_create(
            MentorProfile(person=person, programme=programme) for person in teachers[:MENTORS]
        )
        groups = MentoringGroup.objects.bulk_create(
            MentoringGroup(programme=programme, form=form, status="active") for _ in range(MENTORS)
        )
        GroupMember.objects.bulk_create(
            [GroupMember(group=group, person=teachers[k], role="mentor") for k, group in enumerate(groups)]
            + [
                GroupMember(group=groups[k % MENTORS], person=p, role="mentee")
                for k, p in enumerate(pupils[: MENTORS * 10])
            ],
            batch_size=1000,
        )
    curator = User.objects.create(username="bench-window-curator")
    Membership.objects.create(user=curator, organization=schools[0], role=Role.CURATOR)
    coordinator = User.objects.create(username="bench-window-region")
    role = getattr(Role, "REGIONAL_COORDINATOR", Role.MUNICIPAL_COORDINATOR)
    Membership.objects.create(user=coordinator, organization=region, role=role)
    return region, schools, programmes, curator, coordinator


def run():
    from django.test import Client
    from django.urls import reverse
    from django.utils import timezone

    from mentoring.academic_years import academic_year_start_for
    from reports.models import WindowSubmission
    from reports.registry import XLSX, ReportContext, registry
    from reports.statistics import calc as statistics
    from reports.statistics.selectors import statistics_facts
    from reports.windows.selectors import window_layout, window_period
    from reports.windows.services import submission_figures, window_open

    with test_database():
        start_year = academic_year_start_for(timezone.localdate())
        started = time.perf_counter()
        region, schools, programmes, curator, coordinator = seed_region(start_year)
        seed_seconds = time.perf_counter() - started
        today = timezone.localdate()
        year = programmes[0].academic_year
        window = window_open(
            actor=coordinator,
            opener=region,
            academic_year=year,
            title="Региональный мониторинг",
            opens_on=today - timedelta(days=3),
            deadline=today + timedelta(days=30),
            as_of=min(max(today, year.start_date), year.end_date),
        )
        # every organisation but the first has handed in (their snapshots copy one school's figures)
        figures = submission_figures(window, programmes[1])
        now = timezone.now()
        WindowSubmission.objects.bulk_create(
            (
                WindowSubmission(
                    window=window,
                    organization=school,
                    version=1,
                    is_current=True,
                    submitted_at=now,
                    submitted_by_name="bench",
                    data=figures,
                )
                for school in schools[1:]
            ),
            batch_size=500,
        )

        from django.db import connection

        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")  # as autovacuum does after a bulk load
        kwargs = {"org": schools[0].slug, "year": start_year, "window": window.pk}
        client = Client()
        client.force_login(curator)
        submit = reverse("reports:window_submit", kwargs=kwargs)
        client.get(reverse("reports:window", kwargs=kwargs))

        def hand_in():
            response = client.post(submit, {"comment": "bench"})
            assert response.status_code == 302, response.status_code

        hand_in()
        submit_queries = count_queries(hand_in)
        submit_seconds = best_of(hand_in, REPEAT)
        versions = WindowSubmission.objects.filter(window=window, organization=schools[0]).count()

        period, layout = window_period(window), window_layout(window)
        programme = programmes[0]

        def count_only():
            facts = statistics_facts([programme], periods={programme.pk: period})[programme.pk]
            statistics.compute(layout, *facts)

        count_seconds = best_of(count_only, REPEAT)
        yield {
            "measure": "window_submit",
            "value": round(submit_seconds, 4),
            "unit": "s",
            "queries": submit_queries,
            "reference": "statistics_count_one_school",
            "reference_value": round(count_seconds, 4),
            "ratio": round(submit_seconds / count_seconds, 2) if count_seconds else None,
            "pupils": PUPILS,
            "organisations": len(schools),
            "versions_made": versions,
            "seed_s": round(seed_seconds, 1),
        }

        region_client = Client()
        region_client.force_login(coordinator)
        page = reverse("reports:window", kwargs={"org": region.slug, "year": start_year, "window": window.pk})
        trivial = reverse("programme", kwargs={"org": region.slug, "year": start_year})

        def open_page():
            response = region_client.get(page)
            assert response.status_code == 200

        def open_trivial():
            assert region_client.get(trivial).status_code == 200

        open_page()
        page_queries = count_queries(open_page)
        page_seconds = best_of(open_page, REPEAT)
        trivial_seconds = best_of(open_trivial, REPEAT)
        yield {
            "measure": f"window_page_region_{len(schools)}",
            "value": round(page_seconds, 4),
            "unit": "s",
            "queries": page_queries,
            "reference": "programme_page",
            "reference_value": round(trivial_seconds, 4),
            "ratio": round(page_seconds / trivial_seconds, 2) if trivial_seconds else None,
            "organisations": len(schools),
        }

        from mentoring.access import Scope, access_for
        from mentoring.models import Programme

        region_programme = Programme.objects.select_related("academic_year", "organization").get(
            organization=region
        )
        scope = Scope(organization=region, programme=region_programme, access=access_for(coordinator, region))
        report = registry.get("monitoring_window")
        context = ReportContext(scope=scope, user=coordinator, options={"window": window.pk})
        # one run (the workbook of 1,500 organisations is large): its time and its queries together
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            content = report.generate(context, XLSX).content
            consolidation_seconds = time.perf_counter() - started
        consolidation_queries = len(captured.captured_queries)
        cells = len(schools) * (len(layout.rows) + 1) * (len(layout.columns) + 1)

        def plain():
            import io

            from openpyxl import Workbook

            workbook = Workbook()
            sheet = workbook.active
            row = list(range(len(layout.columns) + 1))
            for _ in range(cells // len(row)):
                sheet.append(row)
            workbook.save(io.BytesIO())

        plain_seconds = best_of(plain, 1)
        yield {
            "measure": f"window_consolidation_{len(schools)}",
            "value": round(consolidation_seconds, 3),
            "unit": "s",
            "queries": consolidation_queries,
            "reference": "openpyxl_same_cells",
            "reference_value": round(plain_seconds, 3),
            "ratio": round(consolidation_seconds / plain_seconds, 2) if plain_seconds else None,
            "snapshots": len(schools) - 1,
            "bytes": len(content),
        }
