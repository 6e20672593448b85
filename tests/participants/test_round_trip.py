"""The system's own exports import back: «База наставляемых» and «База наставников», downloaded as the
curator downloads them (title rows, the organisation's columns, the note on who is left out below the
table), import into the same year without an error and without a change."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

import reports.bases.reports  # noqa: F401  registers the reports
from mentoring.models import Job
from pairing.models import GroupMember, MentoringForm, MentoringGroup
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
    # and saving it changes nothing either
    importing.import_save(actor=None, programme=programme, parsed=parsed)


def snapshot() -> dict:
    """Every stored field of every person and profile: the import must leave all of them as they were."""
    return {
        "people": list(Person.objects.order_by("pk").values()),
        "mentees": list(MenteeProfile.objects.order_by("pk").values()),
        "mentors": list(MentorProfile.objects.order_by("pk").values()),
        "consents": list(Consent.objects.order_by("pk").values()),
    }


@pytest.fixture
def world(school, programme, partner):
    """Demo-like people: a parent's contacts, own phones, a partner's mentor, positions and subjects,
    special categories, a pupil of a class with a form of mentoring and results, consents."""
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
        person(
            school,
            "Семёнов",
            "Пётр",
            patronymic="Ильич",
            group_name="8А",
            birth_date=date(2012, 7, 7),
            guardian_name="Семёнова Ирина Олеговна",
        ),
        person(
            school, "Мамедов", "Руслан", patronymic="Эльдар оглы", group_name="9В", phone="+7 901 222-33-44"
        ),
        person(
            school,
            "Орлова",
            "Вера",
            group_name="11А",
            birth_date=date(2007, 2, 2),  # of age: her own contacts
            phone="+7 903 444-55-66",
            email="vera@example.org",
            guardian_name="Орлов Игорь Викторович",
            guardian_phone="+7 904 555-66-77",
        ),
    ]
    MenteeProfile.objects.create(
        person=pupils[0],
        programme=programme,
        requests=["Успеваемость по математике", "Адаптация в классе"],
        request_text="Хочу подтянуть алгебру",
        has_ovz=True,
        orphan=True,
        entry_date=date(2025, 10, 1),
        results="Четвёрка",
    )
    MenteeProfile.objects.create(
        person=pupils[1], programme=programme, gifted=True, low_income=True, entry_date=date(2025, 10, 1)
    )
    MenteeProfile.objects.create(person=pupils[2], programme=programme, entry_date=date(2025, 9, 15))
    MenteeProfile.objects.create(person=pupils[3], programme=programme, entry_date=date(2025, 9, 15))
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
            position="Педагог-психолог",
        ),
        person(
            school,
            "Зайцев",
            "Игорь",
            patronymic="Николаевич",
            kind=Person.Kind.PARTNER_EMPLOYEE,
            partner=partner,
            birth_date=date(1975, 4, 4),
            position="Инженер-конструктор",
            email="zaitsev@zavod.example",
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
    MentorProfile.objects.create(
        person=teachers[2], programme=programme, partner=partner, capacity=2, entry_date=date(2025, 9, 1)
    )
    for form, mentor, mentees in (
        ("teacher_pupil", teachers[0], pupils[:2]),
        ("employer_pupil", teachers[2], pupils[2:3]),
    ):
        group = MentoringGroup.objects.create(
            programme=programme,
            form=MentoringForm.objects.get(key=form, organization=None),
            start_date=date(2025, 10, 1),
            results="Подготовка к олимпиаде",
        )
        GroupMember.objects.create(group=group, person=mentor, role=GroupMember.Role.MENTOR)
        for mentee in mentees:
            GroupMember.objects.create(group=group, person=mentee, role=GroupMember.Role.MENTEE)
    return pupils, teachers


@pytest.mark.parametrize(
    ("report", "kind", "count"),
    [("mentee_base", importing.MENTEES, 4), ("mentor_base", importing.MENTORS, 3)],
)
def test_the_base_imports_back_without_changes(
    curator_client, programme, world, django_capture_on_commit_callbacks, report, kind, count
):
    data = export(curator_client, django_capture_on_commit_callbacks, report)
    parsed = importing.read_file(data, kind, programme.organization)
    assert {"guardian_name", "guardian_phone", "phone", "email"} <= set(parsed.columns)
    before = snapshot()
    assert_imports_back_unchanged(data, kind, programme, count)
    assert snapshot() == before


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (
            "Родитель: Иванова Ольга Петровна, тел. +7 900 111-22-33",
            {"guardian_name": "Иванова Ольга Петровна", "guardian_phone": "+7 900 111-22-33"},
        ),
        ("Родитель: Иванова Ольга Петровна", {"guardian_name": "Иванова Ольга Петровна"}),
        ("родитель:тел. 89001112233", {"guardian_phone": "+7 900 111-22-33"}),
        (
            "тел. +7 902 333-44-55, olga@school.example",
            {"phone": "+7 902 333-44-55", "email": "olga@school.example"},
        ),
        ("olga@school.example", {"email": "olga@school.example"}),
        ("", {}),
    ],
)
def test_the_combined_contact_cell_is_split(cell, expected):
    assert importing.parse_contacts(cell) == expected


@pytest.mark.parametrize(
    ("cell", "kept"),
    [
        ("Иванова Ольга, 89001112233", {"phone": "+7 900 111-22-33"}),
        ("Родитель: Иванова О. П., mama@example.org", {"guardian_name": "Иванова О. П."}),
    ],
)
def test_what_a_contact_cell_cannot_keep_is_warned(cell, kept):
    with pytest.raises(importing.CellWarning) as warned:
        importing.parse_contacts(cell)
    assert warned.value.value == kept
    assert "не импорт" in str(warned.value)


def test_a_wrong_e_mail_in_the_contact_cell_is_an_error():
    with pytest.raises(importing.CellProblem):
        importing.parse_contacts("тел. +7 902 333-44-55, не почта@")


def test_position_and_subject_are_split_at_the_first_comma():
    assert importing.parse_position_subject("Учитель, Математика") == {
        "position": "Учитель",
        "subject": "Математика",
    }
    assert importing.parse_position_subject("Педагог-психолог") == {"position": "Педагог-психолог"}
    assert importing.parse_position_subject(None) == {}
