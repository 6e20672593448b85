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
from functools import lru_cache
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


# --------------------------------------------------------------------------------------------------
# A pupil named in a comment that leaves the school (a collection window's comment)
#
# The rule (README, «Комментарий школы»). The text is cut into words on every non-letter («Алексеев,Никита»
# is two words). A word is one of a pupil's surname when it is a case form of it: the surname's stem with a
# short ending (``_stems``: «Андреевой», «Вишневской», «Кравца») or the same dictionary form (pymorphy3,
# «Алексеевым» → «алексеев»); a stem of fewer than four letters counts only through pymorphy3 or as the word
# itself. The comment is refused when such a word
#   1. stands next to (before or after) an initial (a one-letter word, or a short word with a dot: «А.»,
#      «Ник.»), a given name or patronymic (any word pymorphy3 knows as a name or patronymic, «Даша», «Ане»,
#      «Ник», or this pupil's own given name or patronymic in any case form, «Львом» → «Лев»), or any
#      capitalised word that does not open a sentence («Алексеев Ozersk» — a name we do not know); or
#   2. stands alone but is distinctive: singular and read by pymorphy3 only as a proper name or not at all
#      («Алексеев выбыл»), not a common word too («Волков» is also «волков», «Козлов» «козлов»), and not
#      a plural («Семья Вишневских переехала» names a family, not a child).
# Also refused: the pupil's given name next to their patronymic («Никита Сергеевич»), in any case form.
# Not refused: ordinary words, a given name alone («Мария пришла»), a surname with a common-word reading alone.


def _plain(word: str) -> str:
    return word.lower().replace("ё", "е")


@lru_cache(maxsize=1)
def _morph() -> Any:  # pymorphy3 ships no types: its MorphAnalyzer
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=100_000)
def _parses(word: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """(dictionary form, grammemes) of every reading of a word (lower case, «ё» as «е»)."""
    return tuple(
        (_plain(parse.normal_form), frozenset(parse.tag.grammemes)) for parse in _morph().parse(_plain(word))
    )


NAME_GRAMMEMES = frozenset({"Name", "Patr"})
PROPER_GRAMMEMES = frozenset({"Name", "Patr", "Surn"})
LETTERS = re.compile(r"[А-Яа-яЁёA-Za-z]+")
SENTENCE_END = re.compile(r"[.!?…\n]")


@dataclass(frozen=True)
class _Word:
    text: str
    before: str  # the characters between the previous word and this one
    after: str  # the characters between this word and the next one

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def opens_sentence(self) -> bool:
        return bool(SENTENCE_END.search(self.before))

    @property
    def is_initial(self) -> bool:
        if len(self.text) == 1:
            return self.text.isupper() or self.after.startswith(".")
        return self.capitalised and len(self.text) <= 4 and self.after.startswith(".")

    @property
    def is_given_name(self) -> bool:
        return any(grammemes & NAME_GRAMMEMES for _form, grammemes in _parses(self.text))


def _words_of(text: str) -> list[_Word]:
    found = list(LETTERS.finditer(text))
    words = []
    for index, match in enumerate(found):
        start = found[index - 1].end() if index else 0
        end = found[index + 1].start() if index + 1 < len(found) else len(text)
        before = text[start : match.start()]
        # the first word opens the text as a sentence does
        words.append(_Word(match.group(), before if index else "\n" + before, text[match.end() : end]))
    return words


def _part_matches(word: str, part: str, *, ending: int, surname: bool) -> bool:
    """Whether ``word`` is a case form of one part of a name (a surname or a given name, patronymic)."""
    plain, target = _plain(word), _plain(part)
    if not target or len(target) < 2:
        return False
    if plain == target:
        return True
    readings = [grammemes for _form, grammemes in _parses(plain)]
    # «Алексеевич» is a patronymic, «Андреевка» a village: neither is a form of «Алексеев», «Андреева»
    patronymic_only = (
        surname
        and any(g & {"Patr", "Name", "Geox", "Orgn"} for g in readings)
        and not any("Surn" in g for g in readings)
    )
    for stem in [] if patronymic_only else _stems(target, surname=surname):
        if len(stem) >= 4 and plain.startswith(stem) and len(plain) - len(stem) <= ending:
            return True
    tags = ("Surn",) if surname else ("Name", "Patr")
    forms = {form for form, grammemes in _parses(plain) if any(tag in grammemes for tag in tags)}
    if not forms:
        return False
    targets = {form for form, grammemes in _parses(target) if any(tag in grammemes for tag in tags)}
    return bool(forms & (targets | {target}))


def _distinctive(word: str) -> bool:
    """A singular surname with no common-word reading (see the rule above)."""
    parses = _parses(word)
    if not parses:
        return True
    if any(not grammemes & PROPER_GRAMMEMES for _form, grammemes in parses if "UNKN" not in grammemes):
        return False
    surnames = [grammemes for _form, grammemes in parses if "Surn" in grammemes]
    return not surnames or any("sing" in grammemes for grammemes in surnames)


def _pieces(part: str) -> list[str]:
    return [piece for piece in LETTERS.findall(part or "") if len(piece) >= 2]


def _named(words: list[_Word], last_name: str, first_name: str, patronymic: str) -> bool:
    surnames = _pieces(last_name)
    given = [*_pieces(first_name), *_pieces(patronymic)]

    def own_given(word: _Word) -> bool:
        return any(_part_matches(word.text, part, ending=GIVEN_ENDING, surname=False) for part in given)

    def name_like(word: _Word) -> bool:
        return (
            word.is_initial
            or (word.capitalised and (word.is_given_name or not word.opens_sentence))
            or own_given(word)
        )

    for index, word in enumerate(words):
        if any(_part_matches(word.text, part, ending=SURNAME_ENDING, surname=True) for part in surnames):
            neighbours = [words[i] for i in (index - 1, index + 1) if 0 <= i < len(words)]
            if any(name_like(neighbour) for neighbour in neighbours) or _distinctive(word.text):
                return True
    first, middle = _pieces(first_name), _pieces(patronymic)
    if first and middle:
        for left, right in zip(words, words[1:], strict=False):
            pair = (left.text, right.text)
            for a, b in (pair, pair[::-1]):
                if any(_part_matches(a, part, ending=GIVEN_ENDING, surname=False) for part in first) and any(
                    _part_matches(b, part, ending=GIVEN_ENDING, surname=False) for part in middle
                ):
                    return True
    return False


def pupil_named(text: str, people: Iterable[tuple[str, str, str]]) -> tuple[str, str, str] | None:
    """The first of ``people`` (surname, given name, patronymic) that ``text`` names by the rule above;
    None when it names no one. Cheap for a school's thousand pupils: a person is looked at closely only
    when a word of the text could be a form of their surname, or their given name and patronymic are there."""
    if not text or not text.strip():
        return None
    words = _words_of(text)
    plain = [_plain(word.text) for word in words]
    forms = {form for word in plain for form, _grammemes in _parses(word)} | set(plain)
    joined = " ".join(plain)
    for last_name, first_name, patronymic in people:
        surnames = _pieces(last_name)
        candidate = any(
            stem in joined or _plain(piece) in forms
            for piece in surnames
            for stem in (_plain(item)[:4] for item in _stems(piece, surname=True))
        )
        if not candidate and _pieces(first_name) and _pieces(patronymic):
            candidate = any(_plain(piece)[:3] in joined for piece in _pieces(patronymic))
        if candidate and _named(words, last_name, first_name, patronymic):
            return last_name, first_name, patronymic
    return None
