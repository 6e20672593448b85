"""The system's own exports import back: «База наставляемых» and «База наставников», downloaded as the
curator downloads them (title rows, the organisation's columns, the note on who is left out below the
table), import into the same year without an error and without a change."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

import reports.participant_reports  # noqa: F401  registers the reports
from mentoring.models import Job
from participants import importing
from participants.models import Consent, MenteeProfile, MentorProfile, Person, search_text_for

from ..conftest import YEAR

pytestmark = [pytest.mark.django_db]

KW = {"org": "school-a", "year": YEAR}


def person(school, last: str, first: str, **fields) -> Person:
    made = Person(organization=school, last_name=last, first_name=first, **fields)
    made.search_text = search_text_for(made)
    made.save()
    Consent.objects.create(
        person=made,
        scope=Consent.Scope.PERSONAL_DATA,
        given_by=Consent.GivenBy.REPRESENTATIVE,
        representative_name="Законный представитель",
        given_on=date(2025, 9, 1),
    )
    return made


def export(client, capture, identifier: str) -> bytes:
    with capture(execute=True):
        response = client.post(
            reverse("reports:run", kwargs={**KW, "report": identifier}), {f"{identifier}-format": "xlsx"}
        )
    assert response.status_code == 302, response.content.decode()[:800]
    job = Job.objects.latest("created_at")
    assert job.status == Job.Status.DONE, job.error
    response = client.get(reverse("job_download", kwargs={**KW, "job": job.pk}))
    return b"".join(response.streaming_content)


def assert_imports_back_unchanged(data: bytes, kind: str, programme, count: int) -> None:
    parsed = importing.read_file(data, kind, programme.organization)
    plan = importing.plan_import(parsed, programme)
    assert [error.text() for error in plan.errors] == []
    changed = {row.name: [(d.column, d.old, d.new) for d in row.diffs] for row in plan.rows if row.diffs}
    assert changed == {}
    assert [row.name for row in plan.rows if row.status != importing.UNCHANGED] == []
    assert plan.counts == {"new": 0, "updated": 0, "unchanged": count, "error": 0}
    assert plan.possible_count == 0


def test_the_mentee_base_imports_back_without_changes(
    curator_client, school, programme, django_capture_on_commit_callbacks
):
    pupils = [
        person(
            school,
            "Алексеева",
            "Анна",
            patronymic="Павловна",
            group_name="7Б",
            birth_date=date(2013, 3, 1),
            guardian_name="Алексеева Мария Петровна",
            guardian_phone="+7 900 111-22-33",
        ),
        person(school, "Семёнов", "Пётр", patronymic="Ильич", group_name="8А", birth_date=date(2012, 7, 7)),
        person(
            school, "Мамедов", "Руслан", patronymic="Эльдар оглы", group_name="9В", phone="+7 901 222-33-44"
        ),
    ]
    MenteeProfile.objects.create(
        person=pupils[0],
        programme=programme,
        requests=["Успеваемость по математике", "Адаптация в классе"],
        request_text="Хочу подтянуть алгебру",
        has_ovz=True,
        entry_date=date(2025, 10, 1),
        results="Четвёрка",
    )
    MenteeProfile.objects.create(
        person=pupils[1], programme=programme, gifted=True, entry_date=date(2025, 10, 1)
    )
    MenteeProfile.objects.create(person=pupils[2], programme=programme, entry_date=date(2025, 9, 15))
    data = export(curator_client, django_capture_on_commit_callbacks, "mentee_base")
    assert_imports_back_unchanged(data, importing.MENTEES, programme, 3)


def test_the_mentor_base_imports_back_without_changes(
    curator_client, school, programme, django_capture_on_commit_callbacks
):
    teachers = [
        person(
            school,
            "Кузнецова",
            "Ольга",
            patronymic="Петровна",
            kind=Person.Kind.TEACHER,
            birth_date=date(1980, 5, 5),
            position="Учитель",
            subject="Математика",
            phone="+7 902 333-44-55",
            email="olga@school.example",
        ),
        person(
            school,
            "Соколов",
            "Дмитрий",
            patronymic="Алексеевич",
            kind=Person.Kind.TEACHER,
            birth_date=date(1990, 1, 1),
            position="Учитель",
            subject="Физика",
        ),
    ]
    MentorProfile.objects.create(
        person=teachers[0],
        programme=programme,
        competencies=["Олимпиадная математика"],
        capacity=3,
        training_done=True,
        training_date=date(2025, 8, 20),
        entry_date=date(2025, 9, 1),
    )
    MentorProfile.objects.create(
        person=teachers[1], programme=programme, capacity=2, entry_date=date(2025, 9, 1)
    )
    data = export(curator_client, django_capture_on_commit_callbacks, "mentor_base")
    assert_imports_back_unchanged(data, importing.MENTORS, programme, 2)
