"""Causes of misses found on the labelled set ``quality_set_dec7a.py``, each as a general rule in its own
words (none of the set's phrases): how a mentor's preferred grades written as an open range or a school
stage are read, and the vocabulary families a school writes (kinds of sport and their coaches)."""

import pytest

from pairing.semantics import parse_grades


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an open range: from the grade named to the last one, or from the first up to it
        ("со 2 класса", ("grade", 2, 11)),
        ("от 6 кл", ("grade", 6, 11)),
        ("начиная с 9 класса", ("grade", 9, 11)),
        ("10+", ("grade", 10, 11)),
        ("3 класс и старше", ("grade", 3, 11)),
        ("до 5 класса", ("grade", 1, 5)),
        ("не старше 8 кл.", ("grade", 1, 8)),
        # a range in digits is what the stage beside it means
        ("среднее звено 6–8", ("grade", 6, 8)),
        ("старшая школа: 9-11", ("grade", 9, 11)),
        # a stage alone, or abbreviated as schools write it
        ("старшие", ("grade", 10, 11)),
        ("младшие и средние", ("grade", 1, 9)),
        ("нач. кл.", ("grade", 1, 4)),
        ("ср. звено", ("grade", 5, 9)),
        # what already held
        ("с 5 по 8 класс", ("grade", 5, 8)),
        ("от 7 до 9", ("grade", 7, 9)),
        ("13-15 лет", ("age", 13, 15)),
        ("Без разницы", None),
    ],
)
def test_preferred_grades_as_an_open_range_or_a_stage(text, expected):
    assert parse_grades(text) == expected
