"""``short_name_of``: «Иванова А.С.» from the parts of a name, as ``Person.short_name`` writes it."""

from __future__ import annotations

import itertools

from participants.models import short_name_of


def _reference(last_name: str, first_name: str, patronymic: str) -> str:
    """The rule as first written: the initials of the given parts, then stripped."""
    initials = "".join(f"{part[0]}." for part in (first_name, patronymic) if part)
    return f"{last_name} {initials}".strip()


def test_short_names_follow_the_rule():
    parts = ["", " ", "Анна", " Иван", "Ё", "a b", "\t", "Ольга "]
    for last_name, first_name, patronymic in itertools.product(parts, repeat=3):
        assert short_name_of(last_name, first_name, patronymic) == _reference(
            last_name, first_name, patronymic
        )
    assert short_name_of("Иванова", "Анна", "Сергеевна") == "Иванова А.С."
    assert short_name_of("Иванова", "", "Сергеевна") == "Иванова С."
    assert short_name_of("Иванова", "", "") == "Иванова"
