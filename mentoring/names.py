"""Finding a person's name in free text, inflected as Russian names are, and blanking it out.

Pure: no Django import. A note says «Встреча с Ивановой Машей», a plan «Петрову А.С. подготовить
доклад»: each part of the name is matched by its stem with a short ending (case forms), initials of
the person are matched next to a part of the name, and a run of such words becomes one placeholder.
Erring on the side of erasing: a namesake in the same organisation's notes is blanked too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

LETTER = "А-Яа-яЁёA-Za-z0-9_"
VOWELS_AND_SOFT = "аяоеёыиуюйьэ"
# How many letters a case ending may add: surnames («Иванова» → «Ивановой», «Ивановыми») and given
# names and patronymics («Мария» → «Марией», «Сергеевич» → «Сергеевичем»).
SURNAME_ENDING = 3
GIVEN_ENDING = 2


def _stem(word: str) -> str:
    word = word.strip()
    if len(word) > 3 and word[-1].lower() in VOWELS_AND_SOFT:
        return word[:-1]
    return word


# Surnames declined as adjectives: «Вишневская» → «Вишневской», «Вишневский» → «Вишневского»,
# «Толстой» → «Толстого»: the two-letter ending goes, not one letter.
ADJECTIVE_ENDINGS = ("ий", "ый", "ой", "ая", "яя")
# A vowel that drops out in the other cases: «Кравец» → «Кравца», «Павел» → «Павла», «Зубок» → «Зубка».
FLEETING = re.compile(r"[ео]([кцл])$", re.IGNORECASE)


def _stems(word: str, *, surname: bool) -> list[str]:
    """The stems every case form of this part of a name starts with."""
    word = word.strip()
    found = [_stem(word)]
    if surname and len(word) > 4 and word[-2:].lower() in ADJECTIVE_ENDINGS:
        found.append(word[:-2])
    if len(word) > 4 and FLEETING.search(word):
        found.append(FLEETING.sub(r"\1", word))
    return list(dict.fromkeys(found))


def _variants(text: str) -> list[str]:
    """«ё» and «е» are written interchangeably."""
    return sorted({text, text.replace("ё", "е").replace("Ё", "Е")})


@dataclass(frozen=True)
class NameMatcher:
    """Matches the name of one person; built from the parts of the name before they are erased."""

    pattern: re.Pattern[str]
    word: re.Pattern[str]
    stems: tuple[str, ...]
    loose: bool = False
    token: re.Pattern[str] | None = None

    @classmethod
    def for_name(
        cls, last_name: str, first_name: str, patronymic: str = "", *, loose: bool = False
    ) -> NameMatcher | None:
        """A matcher of the name. By default a mention must contain the surname (a given name alone
        is too common to erase everywhere); ``loose`` also takes the given name or patronymic alone,
        for the records of the person's own pairs."""
        words: list[str] = []
        anchor: list[str] = []
        stems: list[str] = []
        for index, (part, ending) in enumerate(
            ((last_name, SURNAME_ENDING), (first_name, GIVEN_ENDING), (patronymic, GIVEN_ENDING))
        ):
            for piece in re.split(r"[\s\-]+", part or ""):
                if len(piece) < 2:
                    continue
                for stem in _stems(piece, surname=index == 0):
                    for variant in _variants(stem):
                        words.append(re.escape(variant) + f"[а-яё]{{0,{ending}}}")
                        if index == 0 or loose:
                            anchor.append(words[-1])
                    if index == 0 or loose:
                        stems.append(stem)
        if not anchor:
            return None
        initials = [part.strip()[0] for part in (first_name, patronymic) if part and part.strip()]
        any_part = rf"(?<![{LETTER}])(?:{'|'.join(words)})(?![{LETTER}])"
        word = rf"(?<![{LETTER}])(?:{'|'.join(anchor)})(?![{LETTER}])"
        parts = [any_part]
        if initials:
            initial = "|".join(re.escape(letter) for letter in initials)
            parts.append(rf"(?<![{LETTER}])(?:(?:{initial})\.\s?){{1,2}}")
        token = "(?:" + "|".join(parts) + ")"
        run = rf"{token}(?:[ \t\u00a0]*{token})*"
        return cls(
            token=re.compile(token, re.IGNORECASE),
            pattern=re.compile(run, re.IGNORECASE),
            word=re.compile(word, re.IGNORECASE),
            stems=tuple(dict.fromkeys(stems)),
            loose=loose,
        )

    def found_in(self, text: str) -> bool:
        return bool(text) and self.word.search(text) is not None

    def found_full_in(self, text: str) -> bool:
        """The surname together with a given name, a patronymic or initials («Иванова М.С.»).

        Stricter than ``found_in``: a whole document is deleted on it, and a relative with the same
        surname («Иванова Ольга Петровна», the mother) must not cost another person their file.
        """
        if not self.found_in(text) or self.token is None:
            return False
        for run in self.pattern.finditer(text):
            found = run.group(0)
            if self.word.search(found) and len(self.token.findall(found)) >= 2:
                return True
        return False

    def replace(self, text: str, placeholder: str) -> str:
        """The text with every run of the person's name (with initials) replaced by the placeholder."""
        if not self.found_in(text):
            return text

        def sub(match: re.Match[str]) -> str:
            found = match.group(0)
            if not self.word.search(found):
                return found  # initials alone are not the name
            trailing = found[len(found.rstrip()) :]
            return placeholder + trailing

        return self.pattern.sub(sub, text)

    def replace_in(self, value: Any, placeholder: str) -> Any:
        """The same through JSON: strings inside lists and dicts (keys stay)."""
        if isinstance(value, str):
            return self.replace(value, placeholder)
        if isinstance(value, list):
            return [self.replace_in(item, placeholder) for item in value]
        if isinstance(value, dict):
            return {key: self.replace_in(item, placeholder) for key, item in value.items()}
        return value

    def found_in_value(self, value: Any) -> bool:
        if isinstance(value, str):
            return self.found_in(value)
        if isinstance(value, list):
            return any(self.found_in_value(item) for item in value)
        if isinstance(value, dict):
            return any(self.found_in_value(item) for item in value.values())
        return False

    def search_terms(self) -> Iterable[str]:
        """Substrings a database LIKE can pre-filter with (case forms of each stem)."""
        for stem in self.stems:
            for variant in _variants(stem):
                yield from {
                    variant,
                    variant.lower(),
                    variant.upper(),
                    variant[:1].upper() + variant[1:].lower(),
                }


def first_named(text: str, people: Iterable[tuple[str, str, str]]) -> tuple[str, str, str] | None:
    """The first of ``people`` (surname, given name, patronymic) named in ``text`` by the surname with a
    given name, a patronymic or initials, in any case form («с Ивановой Машей» — no: «Маша» is not
    «Мария»; «Ивановой Марии», «Иванова М.» — yes); None when no one is.

    A cheap look for the surname's stems first, so that a school's thousand pupils cost a thousand
    substring checks and a matcher only for a surname that is there.
    """
    if not text or not text.strip():
        return None
    plain = text.lower().replace("ё", "е")
    for last_name, first_name, patronymic in people:
        if not last_name or not (first_name or patronymic):
            continue
        stems = [
            stem.lower().replace("ё", "е")
            for piece in re.split(r"[\s\-]+", last_name)
            if len(piece) >= 2
            for stem in _stems(piece, surname=True)
        ]
        if not any(stem in plain for stem in stems):
            continue
        matcher = NameMatcher.for_name(last_name, first_name, patronymic)
        if matcher is not None and matcher.found_full_in(text):
            return last_name, first_name, patronymic
    return None
