"""The reads of the bases and of the pairs say the school in their SQL (so that PostgreSQL reads only the
school's people): on two schools with people of the same classes, each page's query answers exactly the
rows and counts of its own school and year, computed here without the selectors."""

from datetime import date

import pytest
from django.utils import timezone

from pairing.models import GroupMember, MentoringForm, MentoringGroup
from pairing.selectors import group_cards, groups, lines_by_group, unpaired_counts
from pairing.services import group_close, group_create
from participants import selectors
from participants.models import Consent, MenteeProfile, MentorProfile, Person
from participants.selectors import PeopleFilters
from participants.services import consent_record, mentee_profile_save, mentor_profile_save, person_create

from ..conftest import YEAR


def _pupil(programme, name: str, grade: str, *, consent: bool = True) -> Person:
    person = person_create(
        actor=None,
        organization=programme.organization,
        last_name=name,
        first_name="Иван",
        birth_date=date(2013, 1, 1),
        kind="pupil",
        group_name=grade,
    )
    mentee_profile_save(actor=None, person=person, programme=programme)
    if consent:
        Consent.objects.create(
            person=person,
            scope="personal_data",
            given_by="representative",
            representative_name="Мать",
            given_on=date(2025, 9, 1),
        )
    return person


def _teacher(programme, name: str) -> Person:
    person = person_create(
        actor=None, organization=programme.organization, last_name=name, first_name="Анна", kind="teacher"
    )
    mentor_profile_save(actor=None, person=person, programme=programme, capacity=5)
    consent_record(actor=None, person=person, scope="personal_data", given_on=date(2025, 9, 1))
    return person


def _fill(programme, prefix: str, grades: tuple[str, ...]) -> None:
    """A school's year: pupils of these classes (one without consent, one anonymised), two mentors, an
    open pair, a closed one, and last year's base with a pupil of its own."""
    form = MentoringForm.objects.get(key="teacher_pupil")
    pupils = [_pupil(programme, f"{prefix}-{i}", grades[i % len(grades)], consent=i != 2) for i in range(6)]
    mentors = [_teacher(programme, f"{prefix}-наставник-{i}") for i in range(2)]
    group_create(actor=None, programme=programme, form=form, mentors=[mentors[0]], mentees=pupils[:2])
    closed = group_create(
        actor=None, programme=programme, form=form, mentors=[mentors[1]], mentees=[pupils[3]]
    )
    group_close(actor=None, group=closed, status="completed", closed_on=date(YEAR + 1, 5, 1), results="Итоги")
    Person.objects.filter(pk=pupils[5].pk).update(anonymised_at=timezone.now())
    last_year = programme.organization.programmes.filter(academic_year__start_year=YEAR - 1).first()
    if last_year is not None:
        _pupil(last_year, f"{prefix}-прошлый", "5Я")


def _expected_people(model, programme) -> list[int]:
    """The base's profiles, by the list's order, read without the selectors."""
    rows = [
        profile
        for profile in model.objects.select_related("person")
        if profile.programme_id == programme.pk and profile.person.anonymised_at is None
    ]
    rows.sort(key=lambda p: (p.person.last_name, p.person.first_name, p.person.patronymic, p.pk))
    return [profile.pk for profile in rows]


def _consented(person_id: int) -> bool:
    return any(
        c.person_id == person_id and c.scope == "personal_data" and c.withdrawn_on is None
        for c in Consent.objects.all()
    )


@pytest.fixture
def two_schools(school, other_school):
    ours = school.programmes.get(academic_year__start_year=YEAR)
    theirs = other_school.programmes.get(academic_year__start_year=YEAR)
    _fill(ours, "Аист", ("5А", "6Б"))
    _fill(theirs, "Бобр", ("6Б", "7В", "8Г"))
    return ours, theirs


@pytest.mark.django_db
def test_each_base_lists_and_counts_its_own_school_only(two_schools):
    for programme in two_schools:
        for model, read in ((MenteeProfile, selectors.mentees), (MentorProfile, selectors.mentors)):
            expected = _expected_people(model, programme)
            listed = list(read(programme))
            assert [profile.pk for profile in listed] == expected and expected
            assert read(programme).count() == len(expected)
            assert [profile.has_consent for profile in listed] == [
                _consented(profile.person_id) for profile in listed
            ]
        missing = selectors.mentees(programme, PeopleFilters(consent="missing"))
        assert [p.person.last_name for p in missing] == [
            p.person.last_name for p in selectors.mentees(programme) if not _consented(p.person_id)
        ]


@pytest.mark.django_db
def test_the_class_filter_offers_the_classes_of_its_own_school_and_year(two_schools):
    for programme in two_schools:
        expected = {
            profile.person.group_name
            for model in (MenteeProfile, MentorProfile)
            for profile in model.objects.select_related("person")
            if profile.programme_id == programme.pk
            and profile.person.anonymised_at is None
            and profile.person.group_name
        }
        assert set(selectors.groups(programme)) == expected and expected
    ours, theirs = two_schools
    assert "5А" in selectors.groups(ours) and "5А" not in selectors.groups(theirs)
    assert "7В" in selectors.groups(theirs) and "7В" not in selectors.groups(ours)


@pytest.mark.django_db
def test_the_list_of_pairs_counts_and_names_its_own_school_only(two_schools):
    for programme in two_schools:
        open_mentees = {
            member.person_id
            for member in GroupMember.objects.select_related("group")
            if member.group.programme_id == programme.pk
            and member.group.status in MentoringGroup.OPEN_STATUSES
            and member.role == "mentee"
        }
        expected = sum(
            1
            for profile in MenteeProfile.objects.select_related("person")
            if profile.programme_id == programme.pk
            and profile.person.anonymised_at is None
            and profile.person_id not in open_mentees
        )
        assert unpaired_counts(programme) == {"mentees_without_pair": expected} and expected

        cards = group_cards(list(groups(programme, with_members=False)), programme.organization_id)
        assert {card.group.pk for card in cards} == set(
            MentoringGroup.objects.filter(programme=programme).values_list("pk", flat=True)
        )
        for card in cards:
            members = GroupMember.objects.filter(group=card.group).select_related("person")
            assert sorted(line.short_name.split()[0] for line in card.lines) == sorted(
                member.person.last_name for member in members
            )
            assert card.lines
        ids = [card.group.pk for card in cards]
        assert lines_by_group(ids, programme.organization_id) == lines_by_group(ids)


@pytest.mark.django_db
def test_the_class_filter_offers_the_classes_the_rows_show(two_schools):
    """The options are the ``year_group`` of the base's rows (the class recorded for the year, else the
    current one), read with one join of the year's classes — no sub-query per person."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from participants.models import PersonClass

    ours, theirs = two_schools
    moved = MenteeProfile.objects.filter(programme=ours).select_related("person").first()
    assert moved is not None
    PersonClass.objects.create(person=moved.person, academic_year=ours.academic_year, group_name="11Я")
    for programme in two_schools:
        shown = {
            profile.year_group
            for rows in (selectors.mentees(programme), selectors.mentors(programme))
            for profile in rows
            if profile.year_group
        }
        with CaptureQueriesContext(connection) as queries:
            offered = selectors.groups(programme)
        assert set(offered) == shown and shown
        (query,) = queries.captured_queries
        assert "(SELECT" not in query["sql"].split("WHERE")[0]  # the class joined, not looked up per row
    assert "11Я" in selectors.groups(ours) and "11Я" not in selectors.groups(theirs)
