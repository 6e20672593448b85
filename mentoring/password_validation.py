"""Password validators beside Django's: common Russian passwords and repeats or sequences.

``RussianCommonPasswordValidator`` refuses a password from ``mentoring/data/common_passwords_ru.txt``
however it is typed: as is, on the other keyboard layout (``ghbdtn`` is «привет» typed with the Latin
layout on, ``зфыыцщкв`` is «password»), in transliteration (``privet``, ``lyubov``), with a few digits
or signs (up to six) added at the end (``наташа1985``, ``Пароль!!``). Django's own list of English passwords is
checked in the other layout too.

``RepetitionValidator`` refuses a password made mostly of one character repeated, a block repeated,
or a run along the alphabet, the digits or a keyboard row, forwards or backwards (``1111111111``,
``абвабвабв``, ``1234567890``, ``qwertyuiop``, ``йцукенгшщз``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from django.contrib.auth.password_validation import CommonPasswordValidator
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

LIST_PATH = Path(__file__).resolve().parent / "data" / "common_passwords_ru.txt"

_LATIN_KEYS = "`qwertyuiop[]asdfghjkl;'zxcvbnm,."
_RUSSIAN_KEYS = "ёйцукенгшщзхъфывапролджэячсмитьбю"
TO_LATIN_LAYOUT = str.maketrans(_RUSSIAN_KEYS, _LATIN_KEYS)
TO_RUSSIAN_LAYOUT = str.maketrans(_LATIN_KEYS, _RUSSIAN_KEYS)

# Transliteration as people type it: the passport rules and the common variants.
_TRANSLIT = {
    "а": ["a"],
    "б": ["b"],
    "в": ["v"],
    "г": ["g"],
    "д": ["d"],
    "е": ["e"],
    "ё": ["e", "yo"],
    "ж": ["zh"],
    "з": ["z"],
    "и": ["i"],
    "й": ["i", "y", "j"],
    "к": ["k"],
    "л": ["l"],
    "м": ["m"],
    "н": ["n"],
    "о": ["o"],
    "п": ["p"],
    "р": ["r"],
    "с": ["s"],
    "т": ["t"],
    "у": ["u"],
    "ф": ["f"],
    "х": ["kh", "h"],
    "ц": ["ts", "c"],
    "ч": ["ch"],
    "ш": ["sh"],
    "щ": ["shch", "sch"],
    "ъ": ["", "ie"],
    "ы": ["y"],
    "ь": ["", "'"],
    "э": ["e"],
    "ю": ["iu", "yu", "u"],
    "я": ["ia", "ya"],
}
_MAX_VARIANTS = 64

# Rows and runs a password should not be made of.
SEQUENCES = (
    "abcdefghijklmnopqrstuvwxyz",
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "01234567890",
    "qwertyuiop",
    "asdfghjkl",
    "zxcvbnm",
    "йцукенгшщзхъ",
    "фывапролджэ",
    "ячсмитьбю",
    "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
    "qazwsxedcrfvtgbyhnujmikolp",
)
_TRAILER = re.compile(r"[\d\W_]{1,6}$")


def transliterations(word: str) -> set[str]:
    variants = [""]
    for char in word:
        options = _TRANSLIT.get(char, [char])
        variants = [prefix + option for prefix in variants for option in options][:_MAX_VARIANTS]
    return set(variants)


@lru_cache(maxsize=1)
def russian_common_passwords() -> frozenset[str]:
    words: set[str] = set()
    for line in LIST_PATH.read_text(encoding="utf-8").splitlines():
        word = line.strip().lower()
        if not word or word.startswith("#"):
            continue
        words.add(word)
        if re.search("[а-яё]", word):
            words.add(word.translate(TO_LATIN_LAYOUT))
            words.update(transliterations(word))
        else:
            words.add(word.translate(TO_RUSSIAN_LAYOUT))
    return frozenset(words)


@lru_cache(maxsize=1)
def _django_common_passwords() -> frozenset[str]:
    return frozenset(CommonPasswordValidator().passwords)


def _candidates(password: str) -> set[str]:
    """The password, and the password without a short tail of digits or signs, in lower case."""
    lowered = password.strip().lower()
    found = {lowered}
    stripped = _TRAILER.sub("", lowered)
    if stripped and stripped != lowered:
        found.add(stripped)
    return found


class RussianCommonPasswordValidator:
    """Refuse a common Russian password, on either keyboard layout, transliterated, or with a short tail."""

    def validate(self, password: str, user: Any = None) -> None:
        common = russian_common_passwords()
        english = _django_common_passwords()
        for candidate in _candidates(password):
            in_other_layout = candidate.translate(TO_LATIN_LAYOUT)
            if candidate in common or in_other_layout in english or in_other_layout in common:
                raise ValidationError(
                    _(
                        "This password is too common: it is on the list of passwords people use most "
                        "(in Russian or English, on either keyboard layout, perhaps with a few digits added)."
                    ),
                    code="password_too_common_ru",
                )

    def get_help_text(self) -> str:
        return _("Your password can't be a common word or password, in Russian or in English.")


def _run_lengths(password: str) -> list[bool]:
    """For each character: is it part of a repeat or a sequence run of three or more?"""
    text = password.lower()
    covered = [False] * len(text)
    for start, end in (*_repeated_characters(text), *_repeated_blocks(text), *_sequence_runs(text)):
        for index in range(start, end):
            covered[index] = True
    return covered


def _repeated_characters(text: str) -> Iterator[tuple[int, int]]:
    """One character repeated: «aaa», «111» (start, end) of each run of three or more."""
    index = 0
    while index < len(text):
        end = index
        while end + 1 < len(text) and text[end + 1] == text[index]:
            end += 1
        if end - index + 1 >= 3:
            yield index, end + 1
        index = end + 1


def _repeated_blocks(text: str) -> Iterator[tuple[int, int]]:
    """A block repeated: «abcabc», «12341234», «qweqwe»."""
    for size in range(2, len(text) // 2 + 1):
        for start in range(0, len(text) - 2 * size + 1):
            block = text[start : start + size]
            end = start + size
            while text[end : end + size] == block:
                end += size
            if end - start >= 2 * size:
                yield start, end


def _sequence_runs(text: str) -> Iterator[tuple[int, int]]:
    """A run along the alphabet, the digits or a keyboard row, either way: «12345», «йцукен», «cba»."""
    for sequence in SEQUENCES:
        for row in (sequence, sequence[::-1]):
            start = 0
            while start < len(text):
                end = start
                while end + 1 < len(text):
                    position = row.find(text[end])
                    if position < 0 or position + 1 >= len(row) or row[position + 1] != text[end + 1]:
                        break
                    end += 1
                if end - start + 1 >= 3:
                    yield start, end + 1
                start = end + 1


class RepetitionValidator:
    """Refuse a password made mostly (``max_share``) of repeats and sequences."""

    def __init__(self, max_share: float = 0.5) -> None:
        self.max_share = max_share

    def validate(self, password: str, user: Any = None) -> None:
        if not password:
            return
        sample = password[:64]  # the block search grows with the cube of the length
        covered = _run_lengths(sample)
        if sum(covered) > self.max_share * len(sample):
            raise ValidationError(
                _(
                    "This password is made mostly of repeated characters or sequences "
                    "(like «1111», «абвабв», «12345», «qwerty» or «йцукен»). Choose words that are hard to guess."
                ),
                code="password_repetitive",
            )

    def get_help_text(self) -> str:
        return _(
            "Your password can't be made mostly of repeated characters or sequences like «12345» or «йцукен»."
        )
