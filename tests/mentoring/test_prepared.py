"""``mentoring.prepared``: a query compiled once answers as the ORM's own query, for any parameters."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from django.db import connection
from django.db.models import BooleanField, Count, ExpressionWrapper, Q

from mentoring.models import User
from mentoring.prepared import (
    PreparationError,
    PreparedAggregate,
    PreparedCount,
    PreparedIdLists,
    PreparedModels,
    PreparedValues,
)
from participants.models import Person
from participants.services import person_create

pytestmark = pytest.mark.django_db


def _person(organization, last_name: str, born: date) -> Person:
    return person_create(
        actor=None,
        organization=organization,
        last_name=last_name,
        first_name="Иван",
        birth_date=born,
        kind="pupil",
    )


def _born_before(organization_id: int, day: date):
    return Person.objects.filter(organization=organization_id, birth_date__lt=day)


def _figures(organization_id: int, day: date):
    return Person.objects.filter(organization=organization_id), {
        "total": Count("pk"),
        "before": Count("pk", filter=Q(birth_date__lt=day)),
        "from": Count("pk", filter=Q(birth_date__gte=day)),
    }


def test_the_same_counts_as_the_orm_for_every_parameter(school, other_school, django_assert_num_queries):
    for number in range(5):
        _person(school, f"Первый{number}", date(2010 + number, 3, 1))
    _person(other_school, "Другой", date(2011, 1, 1))
    count = PreparedCount(_born_before, organization_id=int, day=date)
    figures = PreparedAggregate(_figures, organization_id=int, day=date)
    for organization in (school, other_school):
        for day in (date(2009, 1, 1), date(2012, 6, 1), date(2020, 1, 1)):
            with django_assert_num_queries(1):  # compiled without running, the first time too
                counted = count(organization_id=organization.pk, day=day)
            assert counted == _born_before(organization.pk, day).count()
            with django_assert_num_queries(1):
                found = figures(organization_id=organization.pk, day=day)
            queryset, aggregates = _figures(organization.pk, day)
            assert found == queryset.aggregate(**aggregates)
    # distinct figures: the names follow the aggregates' order
    assert figures(organization_id=school.pk, day=date(2012, 6, 1)) == {"total": 5, "before": 3, "from": 2}


def test_a_datetime_parameter(db):
    now = datetime(2026, 1, 10, 12, 0, tzinfo=UTC)
    for days in (1, 5, 30):
        User.objects.create(username=f"u{days}", date_joined=now - timedelta(days=days))
    joined_since = PreparedCount(lambda since: User.objects.filter(date_joined__gte=since), since=datetime)
    for days in (0, 2, 6, 31):
        since = now - timedelta(days=days)
        assert joined_since(since=since) == User.objects.filter(date_joined__gte=since).count()


def test_a_value_derived_inside_the_builder_is_refused(school):
    derived = PreparedCount(
        lambda organization_id, day: _born_before(organization_id, day + timedelta(days=1)),
        organization_id=int,
        day=date,
    )
    with pytest.raises(PreparationError):
        derived(organization_id=school.pk, day=date(2012, 1, 1))


def test_the_parameters_are_checked(school):
    count = PreparedCount(_born_before, organization_id=int, day=date)
    with pytest.raises(TypeError):
        count(organization_id=school.pk)
    with pytest.raises(TypeError):
        count(organization_id=None, day=date(2012, 1, 1))


def _names_born_before(organization_id: int, day: date):
    return (
        Person.objects.filter(organization=organization_id, birth_date__lt=day)
        .order_by("last_name", "pk")
        .values_list("pk", "last_name", "first_name", "group_name")
    )


def test_a_prepared_list_gives_the_rows_of_the_orm_for_every_parameter(
    school, other_school, django_assert_num_queries
):
    for number in range(4):
        _person(school, f"Первый{number}", date(2010 + number, 3, 1))
    _person(other_school, "Другой", date(2011, 1, 1))
    names = PreparedValues(_names_born_before, organization_id=int, day=date)
    for organization in (school, other_school):
        for day in (date(2009, 1, 1), date(2012, 6, 1), date(2020, 1, 1)):
            with django_assert_num_queries(1):  # compiled without running, the first time too
                rows = names(organization_id=organization.pk, day=day)
            assert rows == list(_names_born_before(organization.pk, day))
    born = names(organization_id=school.pk, day=date(2012, 6, 1))
    assert [row[1] for row in born] == ["Первый0", "Первый1", "Первый2"]


def test_a_prepared_list_of_columns_the_orm_converts_is_refused(school):
    """A date (or a boolean) comes from SQLite as a string (an integer): the ORM converts it, a prepared
    list, which reads the cursor's rows, would not; PostgreSQL's driver gives dates as dates."""
    _person(school, "Первый", date(2010, 3, 1))
    births = PreparedValues(
        lambda organization_id: Person.objects.filter(organization=organization_id).values_list("birth_date"),
        organization_id=int,
    )
    if connection.vendor == "sqlite":
        with pytest.raises(PreparationError):
            births(organization_id=school.pk)
    else:
        assert births(organization_id=school.pk) == [(date(2010, 3, 1),)]


def _people_born_before(organization_id: int, day: date):
    return (
        Person.objects.filter(organization=organization_id)
        .annotate(
            young=ExpressionWrapper(Q(birth_date__gte=day), output_field=BooleanField()),
            same_name=Count("pk"),
        )
        .only("last_name", "birth_date", "kind")
        .order_by("last_name", "pk")
    )


def _fields(person: Person) -> dict:
    return {name: value for name, value in vars(person).items() if name != "_state"}


def test_prepared_models_are_the_orm_s_instances_for_every_parameter(
    school, other_school, django_assert_num_queries
):
    """The same instances: fields converted (a date, from SQLite a string), annotations converted (a
    boolean, from SQLite an integer), the columns left out by ``only()`` deferred."""
    for number in range(4):
        _person(school, f"Первый{number}", date(2010 + number, 3, 1))
    _person(other_school, "Другой", date(2011, 1, 1))
    people = PreparedModels(_people_born_before, organization_id=int, day=date)
    for organization in (school, other_school):
        for day in (date(2009, 1, 1), date(2012, 6, 1)):
            with django_assert_num_queries(1):  # compiled without running, the first time too
                found = people(organization_id=organization.pk, day=day)
            expected = list(_people_born_before(organization.pk, day))
            assert [_fields(person) for person in found] == [_fields(person) for person in expected]
            assert [person.get_deferred_fields() for person in found] == [
                person.get_deferred_fields() for person in expected
            ]
    found = people(organization_id=school.pk, day=date(2012, 6, 1))
    assert [person.young for person in found] == [False, False, False, True]
    assert all(type(person.young) is bool and type(person.birth_date) is date for person in found)


def test_prepared_models_fill_their_related_rows_and_pages(school, other_school, django_assert_num_queries):
    for number in range(4):
        _person(school, f"Первый{number}", date(2010 + number, 3, 1))
    _person(other_school, "Другой", date(2011, 1, 1))

    def joined(organization_id: int):
        return (
            Person.objects.filter(organization=organization_id)
            .select_related("organization")
            .only("last_name", "organization__name")
            .order_by("last_name")[1:3]
        )

    people = PreparedModels(joined, organization_id=int)
    for organization in (school, other_school):
        with django_assert_num_queries(1):
            found = people(organization_id=organization.pk)
        expected = list(joined(organization.pk))
        assert [_fields(person) for person in found] == [_fields(person) for person in expected]
        with django_assert_num_queries(0):
            assert [person.organization.name for person in found] == [
                person.organization.name for person in expected
            ]
    assert [person.last_name for person in people(organization_id=school.pk)] == ["Первый1", "Первый2"]


def _people_of(person_ids: list[int], day: date):
    return (
        Person.objects.filter(pk__in=person_ids, birth_date__lt=day)
        .select_related("organization")
        .order_by("last_name", "pk")
    )


def test_prepared_id_lists_are_the_orm_s_for_every_length(school, other_school, django_assert_num_queries):
    people = [
        _person(school if number % 2 else other_school, f"Ученик{number:03d}", date(2010, 1, 1 + number % 28))
        for number in range(70)
    ]
    ids = [person.pk for person in people]
    prepared = PreparedIdLists(_people_of, day=date)
    values = PreparedIdLists(
        lambda person_ids: (
            Person.objects.filter(pk__in=person_ids).values_list("pk", "birth_date").order_by("pk")
        )
    )
    for chosen in ([], ids[:1], ids[:4], ids[3:8], ids[:16], ids[:17], ids[:64], ids, [ids[5]] * 3 + ids[:2]):
        day = date(2010, 1, 20)
        with django_assert_num_queries(1):
            found = prepared(chosen, day=day)
        expected = list(_people_of(chosen, day))
        assert found == expected
        assert [(person.last_name, person.organization.slug) for person in found] == [
            (person.last_name, person.organization.slug) for person in expected
        ]
        assert values(chosen) == list(
            Person.objects.filter(pk__in=chosen).values_list("pk", "birth_date").order_by("pk")
        )
