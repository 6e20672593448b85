"""The name matcher of the erasure: Russian case forms, initials, and what it must leave alone."""

import pytest

from mentoring.names import NameMatcher

P = "[…]"
M = NameMatcher.for_name("Щербатова", "Ульяна", "Всеволодовна")
LOOSE = NameMatcher.for_name("Щербатова", "Ульяна", "Всеволодовна", loose=True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Щербатова Ульяна Всеволодовна, 6Б", "[…], 6Б"),
        ("Встреча со Щербатовой Ульяной прошла", "Встреча со […] прошла"),
        ("Поздравили Щербатову У.В. с победой", "Поздравили […] с победой"),
        ("Щербатова У. В. выступит", "[…] выступит"),
        ("Ульяна Щербатова и Пётр", "[…] и Пётр"),
        ("ЩЕРБАТОВОЙ УЛЬЯНЕ — грамота", "[…] — грамота"),
        ("щербатовой", "[…]"),
        ("Щербатовых пригласили", "[…] пригласили"),
    ],
)
def test_case_forms_and_initials_become_one_placeholder(text, expected):
    assert M.replace(text, P) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ульяна пришла без тетради",  # the given name alone: too common to erase everywhere
        "Щербаков Иван",  # another surname sharing a prefix
        "В марте У.В. не было",  # initials alone
        "Щербатовский район",  # a longer word
        "",
    ],
)
def test_what_is_not_her_name_stays(text):
    assert M.replace(text, P) == text and not M.found_in(text)


def test_loose_matcher_takes_the_given_name_alone_in_her_own_records():
    assert LOOSE.replace("Ульяна пришла, Ульяне дали задачу", P) == "[…] пришла, […] дали задачу"
    assert LOOSE.replace("Пётр пришёл", P) == "Пётр пришёл"


def test_json_values_keys_stay():
    value = {"Щербатова": ["Щербатова У.В.", 5], "note": "ок"}
    assert M.replace_in(value, P) == {"Щербатова": [P, 5], "note": "ок"}


def test_e_and_yo_are_the_same_letter():
    matcher = NameMatcher.for_name("Королёва", "Алёна")
    assert matcher.replace("Королевой Алене", P) == P


def test_no_surname_no_matcher():
    assert NameMatcher.for_name("", "") is None


def test_audit_details_keep_codes_and_numbers_never_typed_text():
    from mentoring.services import audit_details

    details = {
        "report": "mentee_base",
        "format": "xlsx",
        "count": 5,
        "options": {"q": "ivanova", "group": "7Б", "consent": "yes", "people": [3, 4], "wording": "Thanks"},
        "file": "ivanov.xlsx",
        "phone": "+7 900 000-00-01",
    }
    assert audit_details(details) == {
        "report": "mentee_base",
        "format": "xlsx",
        "count": 5,
        "options": {"consent": "yes", "people": [3, 4]},
    }


def test_a_whole_document_needs_more_than_the_family_surname():
    assert M.found_full_in("Список: Щербатова Ульяна Всеволодовна, 6Б")
    assert M.found_full_in("Щербатовой У.В. вручить грамоту")
    assert not M.found_full_in("Согласие подписала Щербатова Ольга Петровна")  # the mother
    assert not M.found_full_in("Щербатова")
