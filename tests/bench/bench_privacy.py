"""Privacy benchmark: how long the withdrawal of a consent takes in a school of 1,000 pupils.

``withdrawal_erasure_1000`` is ``participants.services.consent_withdraw`` for one pupil (the whole
erasure of ``mentoring.erasure``: her own texts and answers, every personal-data job file of the
school, the name replaced in every text field of the school, every stored file of the school read
for the name) in a school with 1,000 pupils, 100 mentors, 300 pairs with 10 meeting records each
(3,000, half naming the mentee), plans, a questionnaire answered by everyone, and the school's
generated files. The reference is what a curator already waits for in the same school: building the
mentee base as XLSX. Median of three pupils; ``queries`` is the number of SQL queries of one.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from common import count_queries, test_database  # noqa: E402  after the sys.path line above

PUPILS = 1_000
MENTORS = 100
PAIRS = 300
MEETINGS_PER_PAIR = 10
LAST = ["Иванов", "Петров", "Смирнов", "Кузнецов", "Соколов", "Попов", "Лебедев", "Козлов", "Новиков"]
FIRST = ["Александр", "Максим", "Артём", "Михаил", "Иван", "Даниил", "Егор", "Кирилл", "Матвей"]


def _school():
    from django.utils import timezone

    from mentoring.models import AcademicYear, Organization, Programme
    from monitoring import models as m
    from pairing.models import GroupMember, MentoringForm, MentoringGroup
    from participants.models import Consent, MenteeProfile, Person, search_text_for

    organization = Organization.objects.create(name="Школа", short_name="Школа", slug="bench-privacy")
    year = AcademicYear.objects.get_or_create(start_year=2025)[0]
    programme = Programme.objects.create(organization=organization, academic_year=year, pupils_total=PUPILS)
    people = []
    for number in range(PUPILS + MENTORS):
        pupil = number < PUPILS
        person = Person(
            organization=organization,
            last_name=f"{LAST[number % 9]}{'а' if number % 2 else ''}{number}",
            first_name=FIRST[(number // 9) % 9],
            patronymic="Сергеевич",
            kind="pupil" if pupil else "teacher",
            group_name=f"{5 + number % 7}А" if pupil else "",
            birth_date=date(2012, 1, 1) + timedelta(days=number % 900) if pupil else date(1985, 1, 1),
            notes=f"Дружит с {LAST[(number + 1) % 9]}ым {number + 1}" if pupil else "",
        )
        person.search_text = search_text_for(person)
        people.append(person)
    Person.objects.bulk_create(people)
    people = list(Person.objects.filter(organization=organization).order_by("pk"))
    pupils, mentors = people[:PUPILS], people[PUPILS:]
    Consent.objects.bulk_create(Consent(person=person, given_on=date(2025, 9, 1)) for person in people)
    MenteeProfile.objects.bulk_create(
        MenteeProfile(person=person, programme=programme, request_text=f"Я, {person.full_name}, хочу учиться")
        for person in pupils
    )
    form = MentoringForm.objects.get(key="teacher_pupil")
    groups = MentoringGroup.objects.bulk_create(
        MentoringGroup(programme=programme, form=form) for _ in range(PAIRS)
    )
    GroupMember.objects.bulk_create(
        member
        for index, group in enumerate(groups)
        for member in (
            GroupMember(group=group, person=mentors[index % MENTORS], role="mentor"),
            GroupMember(group=group, person=pupils[index], role="mentee"),
        )
    )
    m.Meeting.objects.bulk_create(
        m.Meeting(
            group=group,
            date=date(2025, 10, 1) + timedelta(days=day),
            topic=f"Встреча с {pupils[index].first_name}ом" if day % 2 else "Работа над проектом",
            what_was_done=f"{pupils[index].last_name} {pupils[index].first_name} решил задачи"
            if day % 2
            else "",
        )
        for index, group in enumerate(groups)
        for day in range(MEETINGS_PER_PAIR)
    )
    plans = m.IndividualPlan.objects.bulk_create(
        m.IndividualPlan(group=group, goals="Олимпиада") for group in groups
    )
    m.PlanTask.objects.bulk_create(
        m.PlanTask(plan=plan, activity=f"Задача {number}") for plan in plans for number in range(3)
    )
    template = m.QuestionnaireTemplate.objects.create(
        organization=organization, key="bench", title="Анкета", audience=m.Audience.MENTEE
    )
    item = m.QuestionItem.objects.create(
        template=template, key="comment", text="Что понравилось?", kind="text"
    )
    campaign = m.Campaign.objects.create(
        programme=programme, template=template, title="Анкета", expires_at=timezone.now() + timedelta(days=30)
    )
    invitations = m.Invitation.objects.bulk_create(
        m.Invitation(
            campaign=campaign, person=person, respondent=m.Audience.MENTEE, expires_at=campaign.expires_at
        )
        for person in pupils
    )
    responses = m.QuestionnaireResponse.objects.bulk_create(
        m.QuestionnaireResponse(invitation=invitation) for invitation in invitations
    )
    m.Answer.objects.bulk_create(
        m.Answer(response=response, item=item, text="Всё понравилось, спасибо наставнику")
        for response in responses
    )
    return programme, pupils


def _context(programme):
    from mentoring.access import Access, Scope
    from mentoring.models import Role
    from reports.registry import ReportContext

    access = Access(organization=programme.organization, roles=frozenset(Role.values))
    scope = Scope(organization=programme.organization, programme=programme, access=access)
    return ReportContext(scope=scope, user=None, options={})


def run():
    from django.conf import settings
    from django.core.files.base import ContentFile
    from django.db import transaction

    from mentoring.models import Job
    from participants.services import consent_withdraw
    from reports.registry import registry

    with tempfile.TemporaryDirectory() as media, test_database():
        settings.MEDIA_ROOT = media
        programme, pupils = _school()
        report = registry.get("mentee_base")
        started = time.perf_counter()
        generated = report.generate(_context(programme), "xlsx")
        reference = time.perf_counter() - started

        def files() -> None:  # the school's generated files: five with personal data, five without
            for number in range(10):
                job = Job.objects.create(
                    kind="report:bench",
                    title="Файл",
                    organization=programme.organization,
                    contains_personal_data=number % 2 == 0,
                )
                job.result_file.save(f"file{number}.xlsx", ContentFile(generated.content))

        times, queries = [], []
        for pupil in pupils[10:13]:
            files()
            consent = pupil.consents.get()
            started = time.perf_counter()
            with transaction.atomic():
                queries.append(
                    count_queries(
                        lambda c=consent: consent_withdraw(
                            actor=None, consent=c, withdrawn_on=date(2025, 12, 1)
                        )
                    )
                )
            times.append(time.perf_counter() - started)
        value = statistics.median(times)
        yield {
            "measure": "withdrawal_erasure_1000",
            "value": round(value, 3),
            "unit": "s",
            "reference": "mentee_base_xlsx_1000",
            "reference_value": round(reference, 3),
            "ratio": round(value / reference, 2),
            "queries": int(statistics.median(queries)),
            "meetings": PAIRS * MEETINGS_PER_PAIR,
        }
