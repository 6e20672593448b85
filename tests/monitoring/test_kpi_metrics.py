"""The KPI API: every metric of many programmes with a fixed number of queries; values and lights."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mentoring.models import Programme
from monitoring import models as m
from monitoring.kpis.selectors import METRICS, kpi_values, municipal_table, programme_metrics
from participants.models import MentorProfile, Person
from participants.services import consent_record, mentee_profile_save, mentor_profile_save, person_create
from roadmap.models import RoadmapEvent
from roadmap.services import event_create, section_create
from tests.factories import OrganizationFactory, ProgrammeFactory

TODAY = date(2026, 3, 1)

pytestmark = pytest.mark.django_db


def _programmes(*ids):
    return list(Programme.objects.filter(pk__in=ids).select_related("academic_year").order_by("pk"))


def _answer(campaign, item, person, respondent, score):
    invitation = m.Invitation.objects.create(
        campaign=campaign, person=person, respondent=respondent, expires_at=campaign.expires_at
    )
    response = m.QuestionnaireResponse.objects.create(invitation=invitation)
    return m.Answer.objects.create(response=response, item=item, number=score)


def test_metrics_of_a_programme(programme, monitoring_objects, mentee, mentor_person, partner, curator):
    objects = monitoring_objects
    # satisfaction: the mentee answered 8 (satisfied, threshold 7); a second mentee answered 5
    second = person_create(
        actor=None,
        organization=programme.organization,
        last_name="Петров",
        first_name="Иван",
        birth_date=date(2000, 1, 1),
        kind="pupil",
    )
    mentee_profile_save(actor=None, person=second, programme=programme)
    m.Answer.objects.create(
        response=m.QuestionnaireResponse.objects.create(invitation=objects["invitation"]),
        item=objects["question"],
        number=8,
    )
    _answer(objects["campaign"], objects["question"], second, m.Audience.MENTEE, 5)
    # a plan with one task out of one done is completed; the fixture's plan (task not done) is not
    objects["task"].done_on = date(2025, 10, 20)
    objects["task"].save()
    # a partner that provides the mentor
    MentorProfile.objects.filter(person=mentor_person).update(partner=partner)
    m.InformationActivity.objects.create(
        programme=programme, kind="parent_meeting", date=date(2025, 10, 1), title="Собрание", attendance=120
    )
    m.InformationActivity.objects.create(
        programme=programme, kind="parent_meeting", date=date(2025, 11, 1), title="Собрание 2", attendance=80
    )
    section = section_create(actor=None, programme=programme, title="Раздел")
    done = event_create(actor=None, section=section, title="Сделано", period_text="октябрь 2025")
    RoadmapEvent.objects.filter(pk=done.pk).update(status="done", completed_on=date(2025, 10, 5))
    event_create(actor=None, section=section, title="Отменено", period_text="октябрь 2025")
    RoadmapEvent.objects.filter(title="Отменено").update(status="cancelled")
    event_create(actor=None, section=section, title="Впереди", period_text="май 2026")

    metrics = programme_metrics(_programmes(programme.pk), today=TODAY)[programme.pk]
    assert set(METRICS) <= set(metrics)
    assert metrics["pupils"] == 500 and metrics["teachers"] == 40
    assert metrics["mentees"] == 2 and metrics["pupil_mentees"] == 2
    assert metrics["pupil_mentees@band"] == 1  # the 26-year-old is outside 10–18
    assert metrics["mentees_in_pairs"] == 1 and metrics["mentees_ovz"] == 1
    assert metrics["mentors"] == 1 and metrics["teacher_mentors"] == 1
    assert metrics["participants"] == 3 and metrics["participants_with_consent"] == 2
    assert metrics["respondents"] == 2 and metrics["satisfied"] == 1
    assert metrics["respondents_mentees"] == 2 and metrics["satisfied_mentees"] == 1
    assert metrics["respondents_mentors"] == 0
    assert metrics["plans"] == 1 and metrics["plans_completed"] == 1
    assert metrics["partners"] == 1 and metrics["partners_with_mentors"] == 1
    assert metrics["publications"] == 1
    assert metrics["parent_meetings"] == 2 and metrics["parent_attendance"] == 200
    assert metrics["roadmap_events"] == 2 and metrics["roadmap_events_done"] == 1
    assert metrics["roadmap_events_done_on_time"] == 1


def test_settings_change_the_band_and_the_satisfaction_threshold(programme, monitoring_objects, mentee):
    m.Answer.objects.create(
        response=m.QuestionnaireResponse.objects.create(invitation=monitoring_objects["invitation"]),
        item=monitoring_objects["question"],
        number=8,
    )
    m.MonitoringSettings.objects.create(
        organization=programme.organization, kpi_age_min=14, kpi_age_max=18, satisfied_from=9
    )
    metrics = programme_metrics(_programmes(programme.pk), today=TODAY)[programme.pk]
    assert metrics["pupil_mentees"] == 1 and metrics["pupil_mentees@band"] == 0  # she is 12
    assert metrics["satisfied"] == 0


def test_past_year_counts_ages_at_its_end(school):
    past = school.programmes.get(academic_year__start_year=2024)
    person = person_create(
        actor=None,
        organization=school,
        last_name="Юная",
        first_name="Ольга",
        birth_date=date(2015, 8, 1),
        kind="pupil",
    )
    mentee_profile_save(actor=None, person=person, programme=past)
    # on 31.08.2025 (the end of 2024/2025) she is 10; today (2026) she would be too, but a year before not
    metrics = programme_metrics(_programmes(past.pk), today=date(2030, 1, 1))[past.pk]
    assert metrics["mentees@band"] == 1
    metrics = programme_metrics(_programmes(past.pk), today=date(2025, 7, 1))[past.pk]
    assert metrics["mentees@band"] == 0  # on 1 July 2025 she was still 9


def test_plans_need_ninety_percent(programme, pair):
    plan = m.IndividualPlan.objects.create(group=pair)
    for number in range(10):
        m.PlanTask.objects.create(
            plan=plan, activity=f"Задача {number}", done_on=date(2025, 10, 1) if number < 8 else None
        )
    assert programme_metrics(_programmes(programme.pk), today=TODAY)[programme.pk]["plans_completed"] == 0
    ninth = m.PlanTask.objects.filter(plan=plan, done_on__isnull=True).first()
    m.PlanTask.objects.filter(pk=ninth.pk).update(done_on=date(2025, 11, 1))  # 9 of 10
    assert programme_metrics(_programmes(programme.pk), today=TODAY)[programme.pk]["plans_completed"] == 1


def _school_with_people(authority, number: int, mentees: int) -> Programme:
    organization = OrganizationFactory.create(parent=authority, slug=f"bulk-{number}")
    programme = ProgrammeFactory.create(organization=organization, academic_year__start_year=2025, pupils_total=100)
    for index in range(mentees):
        person = person_create(
            actor=None,
            organization=organization,
            last_name=f"Ученик{index}",
            first_name="Иван",
            birth_date=date(2012, 1, 1),
            kind="pupil",
        )
        mentee_profile_save(actor=None, person=person, programme=programme, has_ovz=index % 2 == 0)
        consent_record(
            actor=None,
            person=person,
            scope="personal_data",
            given_on=date(2025, 9, 1),
            given_by="representative",
            representative_name="Мать",
        )
    teacher = person_create(
        actor=None,
        organization=organization,
        last_name="Учитель",
        first_name="Пётр",
        kind=Person.Kind.TEACHER,
    )
    mentor_profile_save(actor=None, person=teacher, programme=programme)
    m.InformationActivity.objects.create(
        programme=programme,
        kind="publication",
        date=date(2025, 10, 1),
        title="Новость",
        link="https://a.example",
    )
    return programme


def test_many_programmes_take_the_same_number_of_queries(authority):
    small = [_school_with_people(authority, n, 1) for n in range(2)]
    large = small + [_school_with_people(authority, n, 5) for n in range(2, 7)]
    counts = []
    for programmes in (small, large):
        loaded = _programmes(*[p.pk for p in programmes])
        with CaptureQueriesContext(connection) as captured:
            values = kpi_values(loaded, today=TODAY)
        counts.append(len(captured.captured_queries))
        assert len(values) == len(programmes)
    assert counts[0] == counts[1] == 11  # 8 for the metrics, indicators, the organisations above, targets


def test_values_targets_lights_and_municipal_totals(authority):
    first = _school_with_people(authority, 1, 10)  # 10 of 100 pupils
    second = _school_with_people(authority, 2, 30)  # 30 of 100
    indicator = m.Indicator.objects.get(key="pupils_in_mentoring", organization=None)
    m.IndicatorTarget.objects.create(indicator=indicator, programme=first, value=Decimal("10"))
    m.IndicatorTarget.objects.create(indicator=indicator, programme=second, value=Decimal("40"))
    values = kpi_values(_programmes(first.pk, second.pk), today=TODAY)
    first_value = next(v for v in values[first.pk] if v.indicator == indicator)
    second_value = next(v for v in values[second.pk] if v.indicator == indicator)
    assert (first_value.value, first_value.light) == (10.0, "green")
    assert (second_value.value, second_value.light) == (30.0, "red")
    # the total is the authority's figure: measured against the authority's target (one rule for every
    # figure, ``monitoring.kpis.targets``), never a mix of its schools' targets
    own = ProgrammeFactory(
        organization=authority, academic_year=first.academic_year, pupils_total=0, pupils_with_disabilities=0
    )
    m.IndicatorTarget.objects.create(indicator=indicator, programme=own, value=Decimal("22"))
    table = municipal_table(_programmes(first.pk, second.pk), today=TODAY, body=own)
    column = table.indicators.index(indicator)
    total = table.totals[column]
    assert (total.numerator, total.denominator, total.value) == (40, 200, 20.0)
    assert total.target == 22.0 and total.light == "yellow"
    assert [row.values[column].target for row in table.rows] == [10.0, 40.0]  # each school's own
    publications = table.indicators.index(m.Indicator.objects.get(key="publications"))
    assert table.totals[publications].value == 2
