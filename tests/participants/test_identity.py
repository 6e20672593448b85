"""Who is who from one year's list to the next (``participants/identity.py``): pure, no database."""

from __future__ import annotations

from datetime import date

import pytest

from participants import identity
from participants.identity import Known


def known(pk: int, last: str, first: str, patronymic: str = "", birth=None, classes=(), contacts=()) -> Known:
    return Known(pk, last, first, patronymic, birth, tuple(classes), frozenset(contacts))


def row(last: str, first: str, patronymic: str = "", birth=None, group: str = "", **contacts) -> dict:
    return {
        "last_name": last,
        "first_name": first,
        "patronymic": patronymic,
        "birth_date": birth,
        "group_name": group,
        **contacts,
    }


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Семёнов", "семенов"),
        ("  БЕЛКИН ", "белкин"),
        ("Петрова - Водкина", "петрова-водкина"),
        ("Петрова–Водкина", "петрова-водкина"),
        ("Мамедов\xa0 оглы", "мамедов оглы"),
        (None, ""),
    ],
)
def test_name_parts_ignore_yo_case_and_spacing(written, expected):
    assert identity.name_part(written) == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("7Б", (7, "б")),
        ("7 «Б»", (7, "б")),
        ("7-б", (7, "б")),
        ("7 Б класс", (7, "б")),
        ("10", (10, "")),
        ("ИС-21", None),
        ("14А", None),
        ("", None),
    ],
)
def test_classes_as_schools_write_them(written, expected):
    assert identity.parse_class(written) == expected


@pytest.mark.parametrize(
    ("old", "old_year", "new", "new_year", "expected"),
    [
        ("7Б", 2025, "8Б", 2026, True),
        ("7Б", 2025, "7Б", 2026, True),  # a repeated year
        ("7Б", 2025, "9Б", 2026, False),
        ("7Б", 2025, "8А", 2026, False),  # another letter: another class
        ("7Б", 2024, "9Б", 2026, True),  # two years later
        ("8Б", 2026, "7Б", 2025, True),  # last year's list imported after this year's
        ("7Б", 2025, "7Б", 2025, True),
        ("7Б", 2025, "8Б", 2025, False),
        ("ИС-21", 2025, "ИС-21", 2025, True),
        ("ИС-21", 2025, "ИС-31", 2026, None),  # a study group: cannot be told
        ("7Б", None, "8Б", 2026, True),
    ],
)
def test_class_progression(old, old_year, new, new_year, expected):
    assert identity.class_follows(old, old_year, new, new_year) is expected


def test_phones_agree_whatever_the_prefix():
    assert identity.phone_key("8 (900) 123-45-67") == identity.phone_key("+7 900 1234567") == "9001234567"
    assert identity.phone_key("12-34") == ""
    assert identity.contact_keys({"email": " Pupil@School.RU ", "guardian_phone": "89001234567"}) == {
        "email:pupil@school.ru",
        "phone:9001234567",
    }


BELKIN = known(1, "Белкин", "Артём", "Сергеевич", date(2013, 2, 1), [(2025, "7Б")], ["phone:9001234567"])


def test_the_same_full_name_and_birth_date_is_the_same_person():
    (candidate,) = identity.candidates(
        row("БЕЛКИН", "артем", "сергеевич", date(2013, 2, 1), "8Б"), [BELKIN], 2026
    )
    assert candidate.exact and candidate.recommended
    assert "class_follows" in candidate.reasons


def test_a_corrected_birth_date_with_the_class_following_is_recommended():
    (candidate,) = identity.candidates(
        row("Белкин", "Артём", "Сергеевич", date(2013, 1, 2), "8Б"), [BELKIN], 2026
    )
    assert not candidate.exact and candidate.recommended
    assert "birth_corrected" in candidate.reasons


def test_a_corrected_birth_date_in_a_class_that_cannot_follow_is_a_namesake():
    assert (
        identity.candidates(row("Белкин", "Артём", "Сергеевич", date(2016, 5, 5), "4А"), [BELKIN], 2026) == []
    )


def test_a_corrected_birth_date_with_a_shared_phone_is_recommended_whatever_the_class():
    found = identity.candidates(
        row("Белкин", "Артём", "Сергеевич", date(2013, 1, 2), "8А", guardian_phone="8 900 123-45-67"),
        [BELKIN],
        2026,
    )
    assert found[0].recommended and "same_contacts" in found[0].reasons


def test_a_patronymic_filled_in_and_a_birth_date_added():
    lebedev = known(2, "Лебедев", "Глеб", "", None, [(2025, "7В")])
    (candidate,) = identity.candidates(
        row("Лебедев", "Глеб", "Андреевич", date(2013, 4, 4), "8В"), [lebedev], 2026
    )
    assert not candidate.exact and candidate.recommended
    assert {"patronymic_added", "birth_added", "class_follows"} <= set(candidate.reasons)


def test_another_patronymic_is_another_person():
    assert (
        identity.candidates(row("Белкин", "Артём", "Игоревич", date(2013, 2, 1), "8Б"), [BELKIN], 2026) == []
    )


def test_twins_with_the_same_birth_date_are_two_people():
    anna = known(3, "Петрова", "Анна", "Олеговна", date(2014, 3, 3), [(2025, "6А")])
    maria = known(4, "Петрова", "Мария", "Олеговна", date(2014, 3, 3), [(2025, "6А")])
    found = identity.candidates(
        row("Петрова", "Мария", "Олеговна", date(2014, 3, 3), "7А"), [anna, maria], 2026
    )
    assert [candidate.person_id for candidate in found] == [4]
    assert identity.pick_exact(found).person_id == 4


def test_namesakes_without_birth_dates_are_told_apart_by_the_class():
    younger = known(5, "Иванов", "Иван", "Иванович", None, [(2025, "7А")])
    older = known(6, "Иванов", "Иван", "Иванович", None, [(2025, "9В")])
    found = identity.candidates(row("Иванов", "Иван", "Иванович", None, "8А"), [younger, older], 2026)
    picked = identity.pick_exact(found)
    assert picked.person_id == 5
    # without a class nothing tells them apart: the curator chooses
    assert identity.pick_exact(
        identity.candidates(row("Иванов", "Иван", "Иванович"), [younger, older], 2026)
    ) == ("ambiguous")


def test_the_same_name_without_birth_dates_in_a_class_that_cannot_follow_is_only_possible():
    ivanov = known(7, "Иванов", "Иван", "Иванович", None, [(2025, "9В")])
    (candidate,) = identity.candidates(row("Иванов", "Иван", "Иванович", None, "2А"), [ivanov], 2026)
    assert not candidate.exact and not candidate.recommended


def test_a_list_without_patronymics_and_birth_dates_still_matches():
    (candidate,) = identity.candidates(row("Белкин", "Артём", "", None, "8Б"), [BELKIN], 2026)
    assert candidate.exact
