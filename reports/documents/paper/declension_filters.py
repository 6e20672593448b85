"""Filters a school's template may use to put a name or a position in a case, and words that agree.

``{{ mentor.name|case("дательный", mentor.sex) }}`` → «Кузнецовой Ольге Петровне»;
``{{ "учитель математики"|case("винительный") }}`` → «учителя математики»;
``{{ mentor|by_sex("ознакомлен", "ознакомлена") }}`` → «ознакомлена».
"""

from __future__ import annotations

from typing import Any

from ... import declension

CASE_NAMES = {
    "именительный": declension.NOMINATIVE,
    "родительный": declension.GENITIVE,
    "дательный": declension.DATIVE,
    "винительный": declension.ACCUSATIVE,
    "творительный": declension.INSTRUMENTAL,
    "предложный": declension.PREPOSITIONAL,
    **{case: case for case in declension.CASES},
}


def case(value: Any, name: str, sex: str = "") -> str:
    """A full name («Фамилия Имя Отчество») or a position in the case ``name``."""
    text = str(value or "")
    grammatical = CASE_NAMES.get(str(name).strip().lower())
    if grammatical is None or not text:
        return text
    last, first, patronymic = declension.split_full_name(text)
    looks_like_name = first[:1].isupper() and last[:1].isupper()
    if looks_like_name:
        return declension.decline(last, first, patronymic, grammatical, sex)
    return declension.decline_phrase(text, grammatical)


def by_sex(person: Any, male: str, female: str) -> str:
    sex = person.get("sex", "") if isinstance(person, dict) else str(person or "")
    return declension.by_sex(sex, male, female)


def upper_first(value: Any) -> str:
    """The first letter in upper case, the rest as it is («заместителю директора» → «Заместителю директора»)."""
    text = str(value or "")
    return text[:1].upper() + text[1:]


def lower_first(value: Any) -> str:
    """A position inside a sentence: «Учитель» → «учитель»; an abbreviation stays («ИТ-специалист»)."""
    text = str(value or "")
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


FILTERS = {"case": case, "by_sex": by_sex, "upper_first": upper_first, "lower_first": lower_first}
