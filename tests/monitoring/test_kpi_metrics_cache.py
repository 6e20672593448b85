"""The KPI metrics kept in the cache (monitoring/kpis/metrics_cache.py): never stale after a write.

The tests are transactional: the cache serves only reads in autocommit (a page), as in production. After
every write — made through the services, by a bulk ``update()``, or rolled back — the cached figures must
equal a fresh ``programme_metrics`` and a second, independent count made here in Python from the rows of
the tables (``reference``).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from importlib import import_module

import pytest
from django.apps import apps
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from mentoring import kept_pages
from mentoring.models import Programme
from monitoring import models as m
from monitoring.kpis import metrics_cache
from monitoring.kpis.metrics_cache import cached_metrics, watched_tables, writes_watched
from monitoring.kpis.selectors import programme_metrics
from monitoring.meetings.services import MeetingData, meeting_log
from monitoring.models import DEFAULT_KPI_AGE_BAND
from monitoring.plans.services import plan_task_mark_done
from monitoring.questionnaires.services import response_submit
from pairing.models import GroupMember, MentoringForm, MentoringGroup
from pairing.services import group_create
from participants.models import Consent, MenteeProfile, MentorProfile, PartnerOrganization, Person
from participants.participation import programme_periods, takes_part
from participants.services import (
    consent_record,
    consent_withdraw,
    mentee_profile_save,
    person_anonymise,
    person_create,
)
from roadmap.models import RoadmapEvent
from roadmap.services import event_create, event_mark_done, section_create

TODAY = date(2026, 3, 1)
LATER = datetime(2030, 1, 1, tzinfo=UTC)
SEED_MIGRATIONS = (  # idempotent data migrations, emptied by the flush that ends a transactional test
    "pairing.migrations.0002_seed_forms",
    "monitoring.migrations.0002_seed_questionnaires",
    "monitoring.migrations.0003_seed_indicators",
)

pytestmark = pytest.mark.django_db(transaction=True)


def _seed() -> None:
    for module in SEED_MIGRATIONS:
        import_module(module).seed(apps, None)


@pytest.fixture(autouse=True)
def _cache_on(settings):
    settings.KPI_CACHE_SECONDS = 300
    _seed()


@pytest.fixture(scope="module", autouse=True)
def _reference_rows_back(django_db_setup, django_db_blocker):
    yield
    with django_db_blocker.unblock():
        _seed()


def _fresh(programme: Programme) -> Programme:
    return Programme.objects.select_related("academic_year", "organization").get(pk=programme.pk)


def _age(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def reference(programme: Programme, today: date) -> dict[str, float]:
    """The metrics counted again from the rows, in Python, without the selectors' queries."""
    period = programme_periods([programme], today)[programme.pk]
    found = m.MonitoringSettings.objects.filter(organization=programme.organization).first()
    low, high = (
        (found.kpi_age_min, found.kpi_age_max)
        if found and found.kpi_age_min is not None and found.kpi_age_max is not None
        else DEFAULT_KPI_AGE_BAND
    )
    threshold = found.satisfied_from if found else m.MonitoringSettings().satisfied_from

    def part(profiles):
        return [
            p
            for p in profiles.select_related("person")
            if takes_part(status=p.status, entry=p.entry_date, exit=p.exit_date, period=period)
        ]

    mentees = part(MenteeProfile.objects.filter(programme=programme))
    mentors = part(MentorProfile.objects.filter(programme=programme))
    paired = set(
        GroupMember.objects.filter(
            role="mentee", group__programme=programme, group__status__in=("active", "completed")
        ).values_list("person_id", flat=True)
    )
    consented = set(
        Consent.objects.filter(scope="personal_data", withdrawn_on__isnull=True).values_list(
            "person_id", flat=True
        )
    )
    people = {p.person_id: p.person for p in [*mentees, *mentors]}
    learners = set(Person.LEARNER_KINDS)

    def in_band(person: Person) -> bool:
        return person.birth_date is not None and low <= _age(person.birth_date, period.end) <= high

    answers = [
        answer.number
        for answer in m.Answer.objects.filter(
            item__key="overall",
            item__template__purpose="satisfaction",
            response__invitation__campaign__programme=programme,
            number__isnull=False,
        )
    ]
    plans = list(m.IndividualPlan.objects.filter(group__programme=programme).prefetch_related("tasks"))

    def completed(plan) -> bool:
        tasks = list(plan.tasks.all())
        return bool(tasks) and sum(1 for t in tasks if t.done_on) >= 0.9 * len(tasks)

    events = [e for e in RoadmapEvent.objects.filter(programme=programme) if e.status != "cancelled"]
    done = [e for e in events if e.status == "done"]
    activities = list(m.InformationActivity.objects.filter(programme=programme))
    involved = {p.person_id for p in [*mentees, *mentors] if p.person.kind in learners}
    return {
        "mentees": len(mentees),
        "pupil_mentees": sum(1 for p in mentees if p.person.kind in learners),
        "mentees_in_pairs": sum(1 for p in mentees if p.person_id in paired),
        "mentees_ovz": sum(1 for p in mentees if p.has_ovz or p.has_disability),
        "mentees@band": sum(1 for p in mentees if in_band(p.person)),
        "pupils_involved": len(involved),
        "pupils_involved@band": sum(1 for pk in involved if in_band(people[pk])),
        "mentors": len(mentors),
        "teacher_mentors": sum(1 for p in mentors if p.person.kind == "teacher"),
        "participants": len(people),
        "participants_with_data": sum(1 for p in people.values() if p.anonymised_at is None),
        "participants_with_consent": sum(
            1 for pk, p in people.items() if p.anonymised_at is None and pk in consented
        ),
        "respondents": len(answers),
        "satisfied": sum(1 for number in answers if number >= threshold),
        "plans": len(plans),
        "plans_completed": sum(1 for plan in plans if completed(plan)),
        "partners": PartnerOrganization.objects.filter(organization=programme.organization).count(),
        "partners_with_mentors": len({p.partner_id for p in mentors if p.partner_id}),
        "publications": sum(1 for a in activities if a.kind == "publication"),
        "parent_meetings": sum(1 for a in activities if a.kind == "parent_meeting"),
        "parent_attendance": sum(a.attendance or 0 for a in activities if a.kind == "parent_meeting"),
        "roadmap_events": len(events),
        "roadmap_events_done": len(done),
        "roadmap_events_done_on_time": sum(
            1 for e in done if e.deadline is None or (e.completed_on and e.completed_on <= e.deadline)
        ),
        "pupils": programme.pupils_total,
    }


def check(programme: Programme) -> dict[str, float]:
    """The page's figures (through the cache) are those counted fresh and those counted from the rows;
    read again with nothing changed they come from the cache alone (no query)."""
    programme = _fresh(programme)
    cached = cached_metrics([programme], TODAY)[programme.pk]
    fresh = programme_metrics([programme], TODAY)[programme.pk]
    assert cached == fresh
    expected = reference(programme, TODAY)
    assert {key: cached[key] for key in expected} == expected
    with CaptureQueriesContext(connection) as queries:
        again = cached_metrics([programme], TODAY)[programme.pk]
    assert len(queries) == 0 and again == fresh
    return cached


def _pupil(programme: Programme, last_name: str, born: date) -> Person:
    person = person_create(
        actor=None,
        organization=programme.organization,
        last_name=last_name,
        first_name="Анна",
        birth_date=born,
        kind="pupil",
    )
    mentee_profile_save(actor=None, person=person, programme=programme)
    consent_record(
        actor=None,
        person=person,
        scope="personal_data",
        given_on=date(2025, 9, 5),
        given_by="representative",
        representative_name="Законный представитель",
        representative_relation="мать",
    )
    return person


# --------------------------------------------------------------------------------------------------
# What is watched


def test_every_table_the_metrics_read_is_watched(programme, mentee, mentor_person):
    """The SQL of ``programme_metrics`` names no table of the project that a write could change unseen."""
    tables = {model._meta.db_table.lower() for model in apps.get_models()}
    with CaptureQueriesContext(connection) as queries:
        programme_metrics([_fresh(programme)], TODAY)
    read = {
        name
        for query in queries.captured_queries
        for name in re.findall(r'"([A-Za-z0-9_]+)"', query["sql"])
        if name.lower() in tables
    }
    assert read and read <= watched_tables()


def test_statements_that_change_the_generation():
    assert writes_watched('INSERT INTO "participants_menteeprofile" ("person_id") VALUES (%s)')
    assert writes_watched('UPDATE "roadmap_roadmapevent" SET "status" = %s WHERE "id" = %s')
    assert writes_watched('DELETE FROM "pairing_groupmember" WHERE "id" IN (%s)')
    assert writes_watched("TRUNCATE participants_person CASCADE")
    assert not writes_watched('SELECT "participants_person"."id" FROM "participants_person"')
    assert not writes_watched('UPDATE "django_session" SET "expire_date" = %s')
    assert not writes_watched('INSERT INTO "monitoring_meeting" ("group_id") VALUES (%s)')
    # the table written is what counts, not one named in a sub-query
    assert not writes_watched(
        'UPDATE "monitoring_meeting" SET "x" = 1 WHERE "group_id" IN (SELECT "id" FROM "pairing_mentoringgroup")'
    )
    assert writes_watched('INSERT OR IGNORE INTO "participants_consent" ("person_id") VALUES (%s)')
    assert writes_watched('  update participants_person set "kind" = %s')


# --------------------------------------------------------------------------------------------------
# Writes through the services


def test_pairs_answers_plans_and_roadmap_change_the_figures_at_once(
    programme, mentee, mentor_person, curator
):
    assert check(programme)["mentees_in_pairs"] == 0
    pair = group_create(
        actor=None,
        programme=programme,
        form=MentoringForm.objects.get(key="teacher_pupil"),
        mentors=[mentor_person],
        mentees=[mentee],
    )
    assert check(programme)["mentees_in_pairs"] == 1

    plan = m.IndividualPlan.objects.create(group=pair)
    task = m.PlanTask.objects.create(plan=plan, activity="Разбор задач")
    assert check(programme)["plans_completed"] == 0
    plan_task_mark_done(actor=curator, task=task, done_on=date(2025, 10, 1), today=TODAY)
    assert check(programme)["plans_completed"] == 1

    template = m.QuestionnaireTemplate.objects.create(
        organization=programme.organization,
        key="cache-satisfaction",
        title="Удовлетворённость",
        purpose=m.QuestionnaireTemplate.Purpose.SATISFACTION,
        audience=m.Audience.MENTEE,
    )
    question = m.QuestionItem.objects.create(template=template, key="overall", text="Довольны?", kind="scale")
    campaign = m.Campaign.objects.create(
        programme=programme, template=template, title="Опрос", expires_at=LATER, created_by=curator
    )
    invitation = m.Invitation.objects.create(
        campaign=campaign, person=mentee, group=pair, respondent=m.Audience.MENTEE, expires_at=LATER
    )
    assert check(programme)["respondents"] == 0
    response_submit(invitation=invitation, answers={question.pk: 9})
    figures = check(programme)
    assert figures["respondents"] == 1 and figures["satisfied"] == 1

    section = section_create(actor=None, programme=programme, title="Раздел")
    event = event_create(actor=None, section=section, title="Собрание", period_text="октябрь 2025")
    assert check(programme)["roadmap_events_done"] == 0
    event_mark_done(actor=curator, event=event, completed_on=date(2025, 10, 5), comment="Проведено")
    assert check(programme)["roadmap_events_done"] == 1


def test_a_meeting_that_closes_the_plan_counts_and_one_that_does_not_keeps_the_cache(
    programme, pair, curator
):
    plan = m.IndividualPlan.objects.create(group=pair)
    task = m.PlanTask.objects.create(plan=plan, activity="Проект")
    assert check(programme)["plans_completed"] == 0
    meeting_log(
        actor=curator, group=pair, data=MeetingData(date=date(2025, 10, 6), topic="Знакомство"), today=TODAY
    )
    with CaptureQueriesContext(connection) as queries:  # a diary entry changes no figure: still cached
        cached_metrics([_fresh(programme)], TODAY)
    assert len(queries) == 1  # the programme itself, read by _fresh
    meeting_log(
        actor=curator,
        group=pair,
        data=MeetingData(date=date(2025, 10, 13), topic="Проект"),
        plan_tasks=[task],
        close_tasks=True,
        today=TODAY,
    )
    assert check(programme)["plans_completed"] == 1


def test_a_mentee_who_left_and_one_erased_under_152_fz(programme, mentee, mentor_person):
    second = _pupil(programme, "Смирнова", date(2014, 5, 1))
    figures = check(programme)
    assert figures["mentees"] == 2 and figures["participants_with_consent"] == 3
    # she left before the year began: no longer counted
    mentee_profile_save(
        actor=None, person=second, programme=programme, status="left", exit_date=date(2025, 8, 1)
    )
    assert check(programme)["mentees"] == 1
    # the consent to personal data withdrawn: the person is anonymised (152-ФЗ) and still counted
    consent = Consent.objects.get(person=mentee, scope="personal_data")
    consent_withdraw(actor=None, consent=consent, withdrawn_on=date(2025, 12, 1))
    figures = check(programme)
    assert figures["mentees"] == 1 and figures["participants_with_data"] == 1
    assert figures["mentees@band"] == 0  # the birth date is gone with the data
    person_anonymise(actor=None, person=mentor_person)
    assert check(programme)["participants_with_data"] == 0


def test_settings_activities_and_contingent(programme, mentee, curator):
    from monitoring.kpis.services import activity_save, settings_save

    assert check(programme)["mentees@band"] == 1  # she is 12
    settings_save(actor=None, organization=programme.organization, kpi_age_min=14, kpi_age_max=18)
    assert check(programme)["mentees@band"] == 0
    activity_save(
        actor=curator,
        programme=programme,
        kind="parent_meeting",
        date=date(2025, 11, 1),
        title="Собрание",
        attendance=40,
    )
    assert check(programme)["parent_attendance"] == 40
    Programme.objects.filter(pk=programme.pk).update(pupils_total=800)
    assert check(programme)["pupils"] == 800


# --------------------------------------------------------------------------------------------------
# Writes around the services


def test_bulk_updates_and_deletes_are_seen(programme, pair, mentee):
    assert check(programme)["mentees_ovz"] == 1
    MenteeProfile.objects.filter(programme=programme).update(has_ovz=False)  # no signal is sent
    assert check(programme)["mentees_ovz"] == 0
    MentoringGroup.objects.filter(pk=pair.pk).update(status="cancelled")
    assert check(programme)["mentees_in_pairs"] == 0
    with connection.cursor() as cursor:  # raw SQL too
        cursor.execute("DELETE FROM pairing_groupmember WHERE group_id = %s", [pair.pk])
    MentoringGroup.objects.filter(pk=pair.pk).update(status="active")
    assert check(programme)["mentees_in_pairs"] == 0


def test_inside_a_transaction_the_figures_are_its_own_and_a_rollback_changes_nothing(programme, mentee):
    before = check(programme)
    with pytest.raises(RuntimeError), transaction.atomic():
        _pupil(programme, "Откатова", date(2013, 1, 1))
        inside = cached_metrics([_fresh(programme)], TODAY)[programme.pk]
        assert inside["mentees"] == before["mentees"] + 1  # its own write, counted fresh
        raise RuntimeError
    assert check(programme)["mentees"] == before["mentees"]
    with transaction.atomic():
        _pupil(programme, "Новикова", date(2013, 1, 1))
        with transaction.atomic():  # a write in a savepoint rolled back: the outer one still counts
            try:
                with transaction.atomic():
                    MenteeProfile.objects.filter(programme=programme).update(has_ovz=False)
                    raise RuntimeError
            except RuntimeError:
                pass
        mentee_profile_save(actor=None, person=mentee, programme=programme, has_disability=True)
    assert check(programme)["mentees"] == before["mentees"] + 1


def test_another_day_and_the_cache_off(programme, mentee, settings):
    check(programme)
    later = date(2026, 8, 31)
    assert cached_metrics([_fresh(programme)], later) == programme_metrics([_fresh(programme)], later)
    settings.KPI_CACHE_SECONDS = 0
    assert not metrics_cache.usable()


# --------------------------------------------------------------------------------------------------
# The pages: fewer queries with the figures in the cache, the same at two sizes, fresh after a write

# the start page's 30 queries without the cache (tests/reports/test_home.py) less the 8 of the metrics
CURATOR_START_CACHED = 22
# the KPI dashboard's 18 (tests/test_page_query_pins.py) less the 8 of the metrics
KPI_DASHBOARD_CACHED = 10


@pytest.mark.parametrize("size", [1, 12])
def test_curator_start_page_reads_the_figures_from_the_cache(curator_client, programme, size):
    from tests.reports.test_home import _attention, _fill

    path = reverse(
        "dashboard", kwargs={"org": programme.organization.slug, "year": programme.academic_year.start_year}
    )
    _fill(programme, size)
    curator_client.get(path)  # counts the figures, stores them, saves the session
    with CaptureQueriesContext(connection) as queries:
        response = curator_client.get(path)
    assert len(queries) == CURATOR_START_CACHED
    assert _attention(response.content.decode())["Наставляемые без пары"] == str(size)
    assert response.context["cards"][0]["home"].kpis.values == _kpis_fresh(programme)


@pytest.mark.parametrize("size", [1, 25])
def test_kpi_dashboard_reads_the_figures_from_the_cache_and_counts_again_after_a_write(
    curator, programme, size
):
    from tests.conftest import client_for
    from tests.monitoring.test_kpi_pages import _add_mentees

    client = client_for(curator)
    path = reverse(
        "monitoring:dashboard",
        kwargs={"org": programme.organization.slug, "year": programme.academic_year.start_year},
    )
    _add_mentees(programme, size)
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert len(queries) == KPI_DASHBOARD_CACHED
    assert [card["kpi"] for card in response.context["cards"]] == _kpis_fresh(programme)
    _add_mentees(programme, 1)
    response = client.get(path)
    assert [card["kpi"] for card in response.context["cards"]] == _kpis_fresh(programme)


def _kpis_fresh(programme: Programme) -> list:
    from monitoring.kpis.selectors import kpi_values

    programme = _fresh(programme)
    metrics = programme_metrics([programme])
    return kpi_values([programme], metrics=metrics)[programme.pk]


def test_the_watch_survives_a_connection_opened_inside_an_execute_wrapper():
    connection.close()
    with connection.execute_wrapper(lambda execute, *args: execute(*args)):
        connection.ensure_connection()
    # this watch and the kept pages' one (mentoring/kept_pages.py), once each
    assert sorted(connection.execute_wrappers, key=id) == sorted(
        [metrics_cache._watch, kept_pages._watch], key=id
    )
