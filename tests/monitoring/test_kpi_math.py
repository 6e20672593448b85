"""The pure arithmetic of KPIs (no database)."""

from __future__ import annotations

from datetime import date

import pytest

from monitoring.kpis import calc as k


def test_share_and_value():
    assert k.share(25, 100) == 25.0
    assert k.share(3, 0) is None
    assert k.share(3, None) is None
    assert k.indicator_value(7, None, k.COUNT) == 7.0
    assert k.indicator_value(7, 14, k.PERCENT) == 50.0


@pytest.mark.parametrize(
    ("value", "target", "direction", "light"),
    [
        (70, 70, k.HIGHER, k.GREEN),
        (80, 70, k.HIGHER, k.GREEN),
        (63, 70, k.HIGHER, k.YELLOW),  # exactly 10 % below
        (62.9, 70, k.HIGHER, k.RED),
        (0, 0, k.HIGHER, k.GREEN),
        (None, 70, k.HIGHER, k.GREY),
        (50, None, k.HIGHER, k.GREY),
        (5, 5, k.LOWER, k.GREEN),
        (5.5, 5, k.LOWER, k.YELLOW),
        (5.6, 5, k.LOWER, k.RED),
        (1, 0, k.LOWER, k.RED),
    ],
)
def test_traffic_light(value, target, direction, light):
    assert k.traffic_light(value, target, direction=direction) == light


def test_totals_add_numerators_and_denominators_never_average_percentages():
    # 90 of 100 (90 %) and 10 of 900 (1.1 %): the average of shares would be 45.6 %, the truth is 10 %
    numerator, denominator, value = k.combine([(90, 100), (10, 900)], k.PERCENT)
    assert (numerator, denominator, value) == (100, 1000, 10.0)
    assert k.combine([(3, None), (4, None)], k.COUNT) == (7, None, 7.0)
    assert k.combine([], k.PERCENT) == (0, None, None)


def test_combined_target():
    # 50 % of 100 and 70 % of 300 ask for 50 + 210 = 260 of 400 = 65 %
    assert k.combined_target([(50, 100), (70, 300)], k.PERCENT) == 65.0
    assert k.combined_target([(5, None), (7, None)], k.COUNT) == 12.0
    assert k.combined_target([(5, 10), (None, 10)], k.PERCENT) is None
    assert k.combined_target([], k.PERCENT) is None


def test_birth_date_band_and_reference_day():
    born_after, born_until = k.birth_date_band(date(2025, 5, 1), 10, 18)
    assert (born_after, born_until) == (date(2006, 5, 1), date(2015, 5, 1))
    # a leap day
    assert k.years_before(date(2024, 2, 29), 1) == date(2023, 2, 28)
    # the reference day of ages is the end of the reporting period: participants/participation.py


COLLEGE_ROWS = [
    "Удельный вес численности наставляемых из числа обучающихся, % от общего числа обучающихся очной формы",
    "Удельный вес численности наставляемых из числа обучающихся инвалидов и лиц с ограниченными "
    "возможностями здоровья, % от общего числа обучающихся инвалидов и лиц с ОВЗ",
    "Удельный вес численности наставников из числа преподавателей, % от общего числа преподавателей",
    "Уровень удовлетворенности наставляемых участием в программах наставничества, % (опросный)",
    "Уровень удовлетворенности наставников участием в программах наставничества, % (опросный)",
]


@pytest.mark.parametrize(
    ("pattern", "rows"),
    [
        ("наставляем обучающ -инвалид -огранич -удовлетвор", [0]),
        ("наставляем огранич|инвалид|овз -удовлетвор", [1]),
        ("наставник преподавател|педагог -удовлетвор -молод", [2]),
        ("удовлетвор наставляем", [3]),
        ("УДОВЛЕТВОР наставник", [4]),
        ("", []),
        ("-удовлетвор", []),
    ],
)
def test_words_match(pattern, rows):
    assert [i for i, row in enumerate(COLLEGE_ROWS) if k.words_match(pattern, row)] == rows


def test_words_match_ignores_yo():
    assert k.words_match("партнер", "Организации-партнёры, предоставившие наставников")


def test_target_year_is_the_year_the_academic_year_ends():
    years = ["2020", "2021", "2022", "2023", "2024"]
    assert k.target_year_key(2020, years) == "2021"
    assert k.target_year_key(2023, years) == "2024"
    assert k.target_year_key(2024, years) == "2024"  # the table stops: the year it starts
    assert k.target_year_key(2019, years) == "2020"
    assert k.target_year_key(2030, years) is None
