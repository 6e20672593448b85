"""Dashboards benchmarks: the programme KPI dashboard and the municipal one, 20 schools × 1,000 pupils.

A throwaway database is seeded with bulk_create: per school 1,000 pupils with mentee profiles (ages
7–18, every 12th with ОВЗ), 60 teachers of whom 40 are mentors, consents for 95 % of the people,
pairs of one mentor and up to 15 mentees, an individual plan with 10 tasks per pair, satisfaction
answers of 300 mentees and all mentors, 30 roadmap events and 20 entries of the information campaign.

``dashboard_programme`` is one school's KPI dashboard; ``dashboard_municipal_20x1000`` the authority's,
computing all 20 schools. Both are timed through the Django test client (median of several runs) and
report their SQL ``queries``. The reference is a trivial page of the same run through the same
middleware, login, scope and base template: the programme page («Программа»), so the ratio is what the
KPI computation costs over any page of the product.
"""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from common import best_of, count_queries, test_database  # noqa: E402  after the sys.path line above

SCHOOLS = 20
PUPILS = 1_000
TEACHERS = 60
MENTORS = 40
REPEAT = 7


def seed_municipality(
    start_year: int, schools_count: int = SCHOOLS, prefix: str = "bench", pupils_count: int = PUPILS
):
    """An authority with ``schools_count`` schools of ``pupils_count`` pupils each; returns (authority, first
    school, its curator, the coordinator). The reports benchmark reuses it for 100 schools, the pages
    benchmark for 10 pupils per school."""
    from django.utils import timezone

    from mentoring.models import AcademicYear, Membership, Organization, Programme, Role, User
    from monitoring import models as m
    from pairing.models import GroupMember, MentoringForm, MentoringGroup
    from participants.models import Consent, MenteeProfile, MentorProfile, PartnerOrganization, Person
    from roadmap.models import RoadmapEvent, RoadmapSection

    year, _ = AcademicYear.objects.get_or_create(start_year=start_year)
    authority = Organization.objects.create(
        name="Управление образования",
        short_name="УО",
        slug=f"{prefix}-uo",
        kind=Organization.Kind.MUNICIPAL_AUTHORITY,
    )
    Programme.objects.create(organization=authority, academic_year=year)
    form = MentoringForm.objects.get(key="teacher_pupil")
    template = m.QuestionnaireTemplate.objects.create(
        key=f"{prefix}-satisfaction", title="Удовлетворённость", purpose="satisfaction", audience="mentee"
    )
    item = m.QuestionItem.objects.create(
        template=template, key="overall", text="Общая удовлетворённость", kind="scale"
    )
    expires = timezone.now() + timedelta(days=30)
    day = date(start_year, 10, 1)
    schools = []
    for number in range(schools_count):
        school = Organization.objects.create(
            name=f"Школа {number}",
            short_name=f"Школа {number:02d}",
            slug=f"{prefix}-school-{number}",
            parent=authority,
        )
        programme = Programme.objects.create(
            organization=school,
            academic_year=year,
            pupils_total=pupils_count,
            pupils_with_disabilities=pupils_count // 12 + 1,
            teachers_total=TEACHERS,
            young_teachers_total=10,
        )
        schools.append((school, programme))
        partners = PartnerOrganization.objects.bulk_create(
            PartnerOrganization(organization=school, name=f"Партнёр {k}") for k in range(4)
        )
        pupils = Person.objects.bulk_create(
            Person(
                organization=school,
                last_name=f"Ученик{k}",
                first_name="Иван",
                kind=Person.Kind.PUPIL,
                birth_date=date(start_year - 7 - k % 12, 1 + k % 12, 1 + k % 28),
            )
            for k in range(pupils_count)
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
            MentorProfile(
                person=person, programme=programme, partner=partners[k % 4] if k < 3 else None, capacity=15
            )
            for k, person in enumerate(teachers[:MENTORS])
        )
        Consent.objects.bulk_create(
            Consent(person=person, given_on=day, given_by="self")
            for k, person in enumerate(pupils + teachers)
            if k % 20
        )
        groups = MentoringGroup.objects.bulk_create(
            MentoringGroup(programme=programme, form=form, status="active" if k % 5 else "completed")
            for k in range(MENTORS)
        )
        members = [
            GroupMember(group=group, person=teachers[k], role="mentor") for k, group in enumerate(groups)
        ]
        members += [
            GroupMember(group=groups[k % MENTORS], person=person, role="mentee")
            for k, person in enumerate(pupils[: MENTORS * 15])
        ]
        GroupMember.objects.bulk_create(members, batch_size=1000)
        plans = m.IndividualPlan.objects.bulk_create(m.IndividualPlan(group=group) for group in groups)
        m.PlanTask.objects.bulk_create(
            (
                m.PlanTask(
                    plan=plan, activity=f"Задача {t}", done_on=day if t < 10 - k % 3 else None, position=t
                )
                for k, plan in enumerate(plans)
                for t in range(10)
            ),
            batch_size=1000,
        )
        campaign = m.Campaign.objects.create(
            programme=programme, template=template, title="Опрос", expires_at=expires
        )
        respondents = [(person, "mentee") for person in pupils[:300]] + [
            (person, "mentor") for person in teachers[:MENTORS]
        ]
        invitations = m.Invitation.objects.bulk_create(
            m.Invitation(campaign=campaign, person=person, respondent=role, expires_at=expires)
            for person, role in respondents
        )
        responses = m.QuestionnaireResponse.objects.bulk_create(
            m.QuestionnaireResponse(invitation=invitation) for invitation in invitations
        )
        m.Answer.objects.bulk_create(
            (
                m.Answer(response=response, item=item, number=1 + k % 10)
                for k, response in enumerate(responses)
            ),
            batch_size=1000,
        )
        section = RoadmapSection.objects.create(programme=programme, title="Раздел", position=1)
        RoadmapEvent.objects.bulk_create(
            RoadmapEvent(
                programme=programme,
                section=section,
                title=f"Мероприятие {k}",
                position=k,
                status="done" if k % 3 else "planned",
                completed_on=day if k % 3 else None,
                deadline=day + timedelta(days=k - 10),
            )
            for k in range(30)
        )
        m.InformationActivity.objects.bulk_create(
            m.InformationActivity(
                programme=programme,
                kind=("publication", "parent_meeting", "class_hour", "graduates_meeting")[k % 4],
                date=day + timedelta(days=k),
                title=f"Запись {k}",
                attendance=50 if k % 4 in (1, 2) else None,
            )
            for k in range(20)
        )
        indicator = m.Indicator.objects.get(organization=None, key="pupils_in_mentoring")
        m.IndicatorTarget.objects.create(indicator=indicator, programme=programme, value=40)
        m.KpiSnapshot.objects.bulk_create(
            m.KpiSnapshot(
                programme=programme,
                indicator=indicator,
                taken_on=date(start_year, 9 + month, 1) if month < 4 else date(start_year + 1, month - 3, 1),
                numerator=100 * month,
                denominator=pupils_count,
                value=10.0 * month,
            )
            for month in range(1, 9)
        )
    curator = User.objects.create(username=f"{prefix}-curator")
    Membership.objects.create(user=curator, organization=schools[0][0], role=Role.CURATOR)
    coordinator = User.objects.create(username=f"{prefix}-coordinator")
    Membership.objects.create(user=coordinator, organization=authority, role=Role.MUNICIPAL_COORDINATOR)
    return authority, schools[0][0], curator, coordinator


def run():
    from django.conf import settings
    from django.test import Client
    from django.urls import reverse
    from django.utils import timezone

    from mentoring.academic_years import academic_year_start_for

    settings.DEBUG = False  # as in production
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    with test_database():
        start_year = academic_year_start_for(timezone.localdate())
        authority, school, curator, coordinator = seed_municipality(start_year)

        def client_for(user) -> Client:
            client = Client()
            client.force_login(user)
            return client

        curator_client = client_for(curator)
        coordinator_client = client_for(coordinator)
        kwargs = {"org": school.slug, "year": start_year}
        programme_page = reverse("monitoring:dashboard", kwargs=kwargs)
        municipal_page = reverse("monitoring:dashboard", kwargs={"org": authority.slug, "year": start_year})
        trivial_school = reverse("programme", kwargs=kwargs)
        trivial_authority = reverse("programme", kwargs={"org": authority.slug, "year": start_year})

        def get(client, path):
            def call():
                response = client.get(path)
                assert response.status_code == 200, (path, response.status_code)

            return call

        for client, path in (
            (curator_client, programme_page),
            (coordinator_client, municipal_page),
            (curator_client, trivial_school),
            (coordinator_client, trivial_authority),
        ):
            get(client, path)()  # warm up: the first page of a session stores the scope in it

        for measure, client, path, trivial in (
            ("dashboard_programme", curator_client, programme_page, trivial_school),
            (
                f"dashboard_municipal_{SCHOOLS}x{PUPILS}",
                coordinator_client,
                municipal_page,
                trivial_authority,
            ),
        ):
            reference = best_of(get(client, trivial), REPEAT)
            value = best_of(get(client, path), REPEAT)
            yield {
                "measure": measure,
                "value": round(value, 4),
                "unit": "s",
                "queries": count_queries(get(client, path)),
                "reference": "programme_page",
                "reference_value": round(reference, 4),
                "ratio": round(value / reference, 2),
                "reference_queries": count_queries(get(client, trivial)),
                "schools": SCHOOLS if "municipal" in measure else 1,
                "pupils_per_school": PUPILS,
                "debug": settings.DEBUG,
                "target": "value < 1 s with a fixed number of queries",
            }
