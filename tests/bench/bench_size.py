"""Size benchmark: what one school of 300 pupils costs in PostgreSQL and in a backup (the README's region
sizing, «Развёртывание для региона», is derived from these figures).

A throwaway PostgreSQL test database is migrated and measured empty, then ``SIZE_SCHOOLS`` schools are
seeded with ``bench_dashboards.seed_municipality`` at 300 pupils each (mentee and mentor profiles,
consents, pairs of up to 15 mentees, plans with 10 tasks, questionnaire answers, a roadmap, the
information campaign, monthly KPI snapshots) plus a school year of meeting records: two a month for
every pair from September to May, each with a topic, a paragraph of what was done and agreements, and
its attendees. Then ``VACUUM ANALYZE`` and:

- ``db_size_per_school_300`` — (database size after − before) / schools, MB, with the largest tables;
  reference: the empty migrated database;
- ``backup_size_per_school_300`` — a plain ``pg_dump`` (SQL text, uncompressed) of the seeded database
  minus that of the empty one, per school, MB; reference: ``db_size_per_school_300``. The compressed
  custom format (``pg_dump -Fc``, also reported) shrinks the generated texts, which repeat, far more than
  real ones: plan with the plain figure;
- ``audit_row_bytes`` — bytes per row of the audit journal (10,000 rows like the ones a day of work
  writes), the table that grows with use rather than with pupils.

Needs ``DATABASE_URL=postgres://…`` (skipped on SQLite).
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from common import test_database  # noqa: E402  after the sys.path line above

SCHOOLS = int(os.environ.get("SIZE_SCHOOLS", "5"))
PUPILS = 300
MEETINGS_PER_MONTH = 2
MONTHS = 9
AUDIT_ROWS = 10_000


def _database_size() -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
        cursor.execute("SELECT pg_database_size(current_database())")
        return cursor.fetchone()[0]


def _largest_tables(limit: int = 8) -> dict[str, float]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, pg_total_relation_size(c.oid) FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 2 DESC LIMIT %s",
            [limit],
        )
        return {name: round(size / 2**20, 2) for name, size in cursor.fetchall()}


def _dump_size(fmt: str = "p") -> int:
    from django.db import connection

    db = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": db.get("PASSWORD") or ""}
    command = ["pg_dump", f"-F{fmt}", "-h", db["HOST"] or "127.0.0.1", "-p", str(db["PORT"] or 5432)]
    command += ["-U", db["USER"] or "postgres", db["NAME"]]
    result = subprocess.run(command, env=env, capture_output=True, check=True)  # noqa: S603 - our own tool
    return len(result.stdout)


def _meetings(start_year: int) -> None:
    from mentoring.models import Organization
    from monitoring.models import Meeting
    from pairing.models import GroupMember, MentoringGroup

    schools = Organization.objects.filter(slug__startswith="size-school-")
    groups = list(MentoringGroup.objects.filter(programme__organization__in=schools))
    members: dict[int, list[int]] = {}
    for group_id, person_id in GroupMember.objects.filter(group__in=groups).values_list("group_id", "person_id"):
        members.setdefault(group_id, []).append(person_id)
    meetings = []
    for group in groups:
        for month in range(MONTHS):
            for k in range(MEETINGS_PER_MONTH):
                day = date(start_year, 9, 5) + timedelta(days=30 * month + 14 * k)
                meetings.append(
                    Meeting(
                        group=group,
                        date=day,
                        duration_minutes=45,
                        topic="Подготовка к олимпиаде: разбор задач прошлого года",
                        what_was_done="Разобрали три задачи, обсудили ошибки, составили план на месяц. " * 2,
                        agreements="Решить пять задач к следующей встрече, прочитать главу учебника.",
                    )
                )
    created = Meeting.objects.bulk_create(meetings, batch_size=2000)
    through = Meeting.attendees.through
    rows = [
        through(meeting_id=meeting.pk, person_id=person_id)
        for meeting in created
        for person_id in members.get(meeting.group_id, [])[:6]
    ]
    through.objects.bulk_create(rows, batch_size=5000)


def _audit_rows() -> None:
    from mentoring.models import AuditEvent, Organization

    school = Organization.objects.filter(slug__startswith="size-school-").first()
    AuditEvent.objects.bulk_create(
        (
            AuditEvent(
                actor_name="Куратор Иванова Мария Петровна",
                organization=school,
                action=("view", "update", "create")[k % 3],
                target_type="participants.person",
                target_id=str(100000 + k),
                target_repr=f"№ {100000 + k}",
                fields=["phone", "class_name"] if k % 3 == 1 else [],
            )
            for k in range(AUDIT_ROWS)
        ),
        batch_size=5000,
    )


def run():
    from django.conf import settings

    if not settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        print("bench: size needs DATABASE_URL=postgres://… (skipped)", file=sys.stderr)
        return
    import bench_dashboards

    start_year = 2025
    with test_database():
        empty_db, empty_dump, empty_custom = _database_size(), _dump_size(), _dump_size("c")
        bench_dashboards.PUPILS = PUPILS
        bench_dashboards.seed_municipality(start_year, schools_count=SCHOOLS, prefix="size")
        _meetings(start_year)
        seeded_db, seeded_dump, seeded_custom = _database_size(), _dump_size(), _dump_size("c")
        tables = _largest_tables()
        per_school_db = (seeded_db - empty_db) / SCHOOLS / 2**20
        per_school_dump = (seeded_dump - empty_dump) / SCHOOLS / 2**20
        per_school_custom = (seeded_custom - empty_custom) / SCHOOLS / 2**20
        _audit_rows()
        audit_bytes = (_database_size() - seeded_db) / AUDIT_ROWS

        from monitoring.models import Meeting

        meetings = Meeting.objects.count()
    yield {
        "measure": "db_size_per_school_300",
        "value": round(per_school_db, 2),
        "unit": "MB",
        "reference": "empty_migrated_database",
        "reference_value": round(empty_db / 2**20, 2),
        "ratio": round(per_school_db / (empty_db / 2**20), 3),
        "schools": SCHOOLS,
        "pupils_per_school": PUPILS,
        "meetings_per_school": meetings // SCHOOLS,
        "largest_tables_mb": tables,
    }
    yield {
        "measure": "backup_size_per_school_300",
        "value": round(per_school_dump, 2),
        "unit": "MB",
        "reference": "db_size_per_school_300",
        "reference_value": round(per_school_db, 2),
        "ratio": round(per_school_dump / per_school_db, 3),
        "format": "pg_dump (plain SQL)",
        "custom_format_mb": round(per_school_custom, 3),
    }
    yield {
        "measure": "audit_row_bytes",
        "value": round(audit_bytes),
        "unit": "bytes",
        "reference": "db_size_per_school_300 per pupil",
        "reference_value": round(per_school_db * 2**20 / PUPILS),
        "ratio": round(audit_bytes / (per_school_db * 2**20 / PUPILS), 4),
        "rows": AUDIT_ROWS,
    }
