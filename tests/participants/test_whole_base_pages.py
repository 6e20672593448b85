"""A list page of a base without filters reads its count and its page through queries compiled once per
process (``selectors.whole_base``): the same rows, in the same order, as the ORM's query of a filtered list
(``selectors.base_rows``), for each order, page and base, and only the school's year's."""

from __future__ import annotations

import pytest
from django.core.paginator import Paginator

from participants import selectors
from participants.views import PAGE_SIZE, PEOPLE_SORTS, ROW_COLUMNS
from tests.factories import ProgrammeFactory

from .test_people_pages import make_people


def _fields(profile) -> tuple[dict, dict]:
    return (
        {name: value for name, value in vars(profile).items() if name != "_state"},
        {name: value for name, value in vars(profile.person).items() if name != "_state"},
    )


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["mentees", "mentors"])
def test_whole_base_pages_are_the_orm_s(programme, kind, django_assert_num_queries):
    make_people(programme, 55, mentors=kind == "mentors", consent=False)
    other = ProgrammeFactory(academic_year=programme.academic_year)
    make_people(other, 3, mentors=kind == "mentors")
    columns = ROW_COLUMNS[kind]
    for fields in PEOPLE_SORTS.values():
        for order_by in ((*fields, "pk"), tuple(f"-{name}" for name in (*fields, "pk"))):
            whole = Paginator(selectors.whole_base(kind, programme, order_by, columns), PAGE_SIZE)  # type: ignore[arg-type]
            orm = Paginator(
                selectors.base_rows(kind, programme, selectors.PeopleFilters(), order_by, columns), PAGE_SIZE
            )
            with django_assert_num_queries(1):
                assert whole.count == 55
            assert orm.count == 55
            for number in (1, 2):
                with django_assert_num_queries(1):
                    found = list(whole.page(number))
                expected = list(orm.page(number))
                assert [_fields(profile) for profile in found] == [_fields(profile) for profile in expected]
                assert [profile.person.last_name for profile in found] == [
                    profile.person.last_name for profile in expected
                ]
            assert len(found) == 5


@pytest.mark.django_db
def test_an_empty_base_has_one_empty_page(programme, django_assert_num_queries):
    whole = Paginator(selectors.whole_base("mentees", programme, ("pk",), ROW_COLUMNS["mentees"]), PAGE_SIZE)  # type: ignore[arg-type]
    with django_assert_num_queries(1):
        assert list(whole.get_page(1)) == []
