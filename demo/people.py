"""Demo bases: pupils with requests and categories, teachers and senior pupils as mentors, a partner,
and consents for most of them — a few are missing, as in a real September."""

from __future__ import annotations

import random
from datetime import date

from django.db import transaction

from mentoring.models import Organization, Programme
from participants.models import (
    Consent,
    MenteeProfile,
    MentorProfile,
    PartnerOrganization,
    Person,
    ProfileStatus,
    search_text_for,
)

from .organisations import demo_organizations, demo_years

LAST_NAMES = [
    ("Иванов", "Иванова"),
    ("Смирнов", "Смирнова"),
    ("Кузнецов", "Кузнецова"),
    ("Попов", "Попова"),
    ("Васильев", "Васильева"),
    ("Петров", "Петрова"),
    ("Соколов", "Соколова"),
    ("Михайлов", "Михайлова"),
    ("Новиков", "Новикова"),
    ("Фёдоров", "Фёдорова"),
    ("Морозов", "Морозова"),
    ("Волков", "Волкова"),
    ("Алексеев", "Алексеева"),
    ("Лебедев", "Лебедева"),
    ("Семёнов", "Семёнова"),
    ("Егоров", "Егорова"),
    ("Павлов", "Павлова"),
    ("Козлов", "Козлова"),
    ("Степанов", "Степанова"),
    ("Николаев", "Николаева"),
    ("Орлов", "Орлова"),
    ("Андреев", "Андреева"),
    ("Макаров", "Макарова"),
    ("Никитин", "Никитина"),
    ("Захаров", "Захарова"),
    ("Зайцев", "Зайцева"),
    ("Соловьёв", "Соловьёва"),
    ("Борисов", "Борисова"),
]
FIRST_NAMES_M = [
    "Артём",
    "Максим",
    "Иван",
    "Дмитрий",
    "Кирилл",
    "Михаил",
    "Егор",
    "Матвей",
    "Тимофей",
    "Никита",
]
FIRST_NAMES_F = ["Анна", "Мария", "Софья", "Алиса", "Виктория", "Полина", "Дарья", "Варвара", "Ксения", "Ева"]
PATRONYMICS = [
    ("Александрович", "Александровна"),
    ("Сергеевич", "Сергеевна"),
    ("Андреевич", "Андреевна"),
    ("Алексеевич", "Алексеевна"),
    ("Дмитриевич", "Дмитриевна"),
    ("Евгеньевич", "Евгеньевна"),
    ("Игоревич", "Игоревна"),
    ("Олегович", "Олеговна"),
    ("Павлович", "Павловна"),
    ("Романович", "Романовна"),
]
# what pupils and curators write, in their own words: (requests, subject areas)
REQUESTS = [
    (["Подготовка к олимпиаде по математике"], ["Математика"]),
    (["Адаптация в новом классе"], []),
    (["Выбор профессии"], []),
    (["Проектная деятельность"], ["Биология"]),
    (["Повышение успеваемости по русскому языку"], []),
    (["Подготовка к ОГЭ по математике"], []),
    (["Робототехника", "Хочет на соревнования"], []),
    (["Публичные выступления"], ["История"]),
    (["Волонтёрство"], []),
    (["Спортивные достижения"], []),
    (["Научиться программировать"], ["Информатика"]),
    (["Тревожность перед контрольными"], []),
    (["Подтянуть алгебру"], ["Математика"]),
    (["Грамотность: много ошибок в диктантах"], []),
    (["Исследовательская работа по физике"], ["Физика"]),
    (["Неуверенность в себе", "Трудно общаться со сверстниками"], []),
    (["Интерес к истории родного края"], ["История"]),
    (["Итоговое сочинение"], ["Литература"]),
]
# what each subject's teacher offers, beyond the subject itself
SUBJECT_COMPETENCIES = {
    "Математика": ["Подготовка к ОГЭ и ЕГЭ по математике", "Олимпиадная математика"],
    "Русский язык и литература": ["Орфография и пунктуация", "Подготовка к итоговому сочинению"],
    "Физика": ["Олимпиадная физика", "Исследовательские проекты"],
    "Информатика": ["Программирование на Python", "Робототехника"],
    "История": ["Краеведение", "Дебаты и публичные выступления"],
    "Биология": ["Проекты по экологии", "Подготовка к поступлению в медицинский"],
}
SUBJECTS = list(SUBJECT_COMPETENCIES)
SENIOR_COMPETENCIES = [
    ["Ораторское мастерство", "Школьное самоуправление"],
    ["Волонтёрская деятельность", "Социальные проекты"],
    ["Подготовка к ОГЭ по математике", "Помощь с домашними заданиями"],
    ["Лёгкая атлетика", "Подготовка к сдаче ГТО"],
]
AVAILABILITY = ["вторник, четверг после уроков", "пн–ср, очно", "по будням онлайн", "", "среда и пятница"]


def _person(
    rng: random.Random, organization: Organization, *, kind: str, birth_year: int, group: str = ""
) -> Person:
    sex = rng.choice("mf")
    last = rng.choice(LAST_NAMES)[0 if sex == "m" else 1]
    first = rng.choice(FIRST_NAMES_M if sex == "m" else FIRST_NAMES_F)
    patronymics = rng.choice(PATRONYMICS)
    person = Person(
        organization=organization,
        last_name=last,
        first_name=first,
        patronymic=patronymics[0 if sex == "m" else 1],
        birth_date=date(birth_year, rng.randint(1, 12), rng.randint(1, 28)),
        sex="male" if sex == "m" else "female",
        kind=kind,
        group_name=group,
        phone=f"+7 9{rng.randint(10, 99)} {rng.randint(100, 999)}-{rng.randint(10, 99)}-{rng.randint(10, 99)}",
    )
    if kind == Person.Kind.PUPIL:
        person.guardian_name = (
            f"{rng.choice(LAST_NAMES)[1]} {rng.choice(FIRST_NAMES_F)} {rng.choice(PATRONYMICS)[1]}"
        )
        person.guardian_phone = (
            f"+7 9{rng.randint(10, 99)} {rng.randint(100, 999)}-{rng.randint(10, 99)}-{rng.randint(10, 99)}"
        )
    person.search_text = search_text_for(person)
    return person


def _demo_status(index: int, year: int, current: int) -> dict:
    """This year two pupils without a consent are still candidates (not counted anywhere) and one left
    in November (counted for the time he took part); every year the rest are active from October."""
    if year == current and index in (4, 13):
        return {"status": ProfileStatus.CANDIDATE, "entry_date": None}
    if year == current and index == 31:
        return {
            "status": ProfileStatus.LEFT,
            "entry_date": date(year, 10, 1),
            "exit_date": date(year, 11, 20),
        }
    return {"entry_date": date(year, 10, 1)}


def _competencies(person: Person, seniors: list, engineer: Person, psychologist: Person) -> list[str]:
    if person == psychologist:
        return [
            "Психологическая поддержка",
            "Адаптация в коллективе",
            "Работа с тревожностью",
            "Уверенность в себе",
        ]
    if person == engineer:
        return ["Инженерное дело", "Робототехника", "3D-моделирование", "Технические профессии"]
    if person in seniors:
        return SENIOR_COMPETENCIES[seniors.index(person) % len(SENIOR_COMPETENCIES)]
    return [person.subject, *SUBJECT_COMPETENCIES.get(person.subject, [])]


@transaction.atomic
def seed_demo(*, today: date) -> None:
    for organization in demo_organizations():
        if organization.is_oversight_body or organization.people.exists():
            continue
        rng = random.Random(organization.slug)  # the same people on every machine
        partner = PartnerOrganization.objects.create(
            organization=organization,
            name="АО «Берёзовский машиностроительный завод»",
            kind=PartnerOrganization.Kind.ENTERPRISE,
            agreement_number=f"{rng.randint(10, 99)}/2025",
            agreement_date=date(2025, 9, 15),
            contact_name="Соколов Андрей Викторович",
            contact_phone="+7 4822 55-10-20",
        )
        current, previous = demo_years(today)
        programmes = {
            year: Programme.objects.get(organization=organization, academic_year__start_year=year)
            for year in (current, previous)
        }
        college = organization.kind == Organization.Kind.COLLEGE
        mentees = []
        for index in range(36):
            grade = 5 + index % 5
            group = f"ИС-{21 + index % 3}" if college else f"{grade}{'АБВ'[index % 3]}"
            birth_year = current - (16 + index % 3 if college else grade + 6)
            kind = Person.Kind.COLLEGE_STUDENT if college else Person.Kind.PUPIL
            mentees.append(_person(rng, organization, kind=kind, birth_year=birth_year, group=group))
        teachers = []
        for index in range(8):
            birth_year = rng.randint(1970, 1999)
            teacher = _person(rng, organization, kind=Person.Kind.TEACHER, birth_year=birth_year)
            teacher.position = "Учитель" if not college else "Преподаватель"
            teacher.subject = SUBJECTS[index % len(SUBJECTS)]
            teacher.teaching_experience = max(1, current - birth_year - 23 - rng.randint(0, 5))
            teacher.qualification = rng.choice(["first", "highest", "pedagogue_mentor", ""])
            teachers.append(teacher)
        # a school psychologist: the mentor for social and emotional requests and for pupils at risk
        psychologist = _person(rng, organization, kind=Person.Kind.OTHER_STAFF, birth_year=1983)
        psychologist.position = "Педагог-психолог"
        seniors = [
            _person(
                rng,
                organization,
                kind=Person.Kind.PUPIL if not college else Person.Kind.COLLEGE_STUDENT,
                birth_year=current - 16,
                group="10А" if not college else "ИС-41",
            )
            for _index in range(4)
        ]
        engineer = _person(rng, organization, kind=Person.Kind.PARTNER_EMPLOYEE, birth_year=1988)
        engineer.partner = partner
        engineer.position = "Инженер-конструктор"
        # the mentors who log in (mentor1, …) are teachers of the base too, linked to their accounts
        for membership in organization.memberships.filter(role="mentor").select_related("user"):
            user = membership.user
            staff = Person(
                organization=organization,
                last_name=user.last_name,
                first_name=user.first_name,
                patronymic=user.patronymic,
                birth_date=date(1984, 5, 17),
                kind=Person.Kind.TEACHER,
                position="Учитель" if not college else "Преподаватель",
                subject=SUBJECTS[len(teachers) % len(SUBJECTS)],
                teaching_experience=12,
                qualification="pedagogue_mentor",
                email=user.email,
                user=user,
            )
            staff.search_text = search_text_for(staff)
            teachers.append(staff)
        everyone = Person.objects.bulk_create(mentees + teachers + seniors + [engineer, psychologist])
        count = len(teachers)
        mentees, teachers = everyone[:36], everyone[36 : 36 + count]
        seniors, engineer = everyone[36 + count : 40 + count], everyone[40 + count]
        psychologist = everyone[41 + count]
        for year, programme in programmes.items():
            MenteeProfile.objects.bulk_create(
                MenteeProfile(
                    person=person,
                    programme=programme,
                    requests=REQUESTS[(index * 7) % len(REQUESTS)][0],
                    subject_areas=REQUESTS[(index * 7) % len(REQUESTS)][1],
                    has_ovz=index % 9 == 0,
                    gifted=index % 7 == 0,
                    difficult_situation=index % 11 == 0,
                    low_income=index % 8 == 0,
                    availability=AVAILABILITY[index % len(AVAILABILITY)],
                    **_demo_status(index, year, current),
                )
                for index, person in enumerate(mentees)
                if year == current or index % 2 == 0
            )
            MentorProfile.objects.bulk_create(
                MentorProfile(
                    person=person,
                    programme=programme,
                    competencies=_competencies(person, seniors, engineer, psychologist),
                    interests=rng.sample(["Шахматы", "Туризм", "Чтение", "Театр", "Программирование"], 2),
                    preferred_grades="5–7 классы" if index % 2 else "7–9 классы",
                    capacity=1 if person in seniors else (4 if person == psychologist else rng.randint(2, 4)),
                    availability=AVAILABILITY[(index + 2) % len(AVAILABILITY)],
                    training_done=index % 4 != 3 or person == psychologist,
                    training_date=date(year, 10, 20) if index % 4 != 3 else None,
                    training_name="Школа наставника" if index % 4 != 3 else "",
                    special_needs_trained=index % 3 == 0 or person == psychologist,
                    at_risk_experience=person == psychologist,
                    partner=partner if person == engineer else None,
                    entry_date=date(year, 10, 1),
                )
                for index, person in enumerate([*teachers, *seniors, engineer, psychologist])
            )
        # most consents are signed; four pupils still owe theirs
        consents = []
        for index, person in enumerate(everyone):
            if person in mentees and index % 9 == 4:
                continue
            minor = person.kind in Person.LEARNER_KINDS
            consents.append(
                Consent(
                    person=person,
                    scope=Consent.Scope.PERSONAL_DATA,
                    given_by=Consent.GivenBy.REPRESENTATIVE if minor else Consent.GivenBy.SELF,
                    representative_name=person.guardian_name or "Законный представитель" if minor else "",
                    representative_relation="мать" if minor else "",
                    given_on=date(current, 9, 10),
                )
            )
        Consent.objects.bulk_create(consents)
