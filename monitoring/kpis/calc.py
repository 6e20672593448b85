"""The arithmetic of KPIs, with no Django import: shares, traffic lights, municipal totals, age bands,
matching a roadmap's KPI rows by words and choosing a target's calendar year.

Tested alone in ``tests/monitoring/test_kpi_math.py``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

PERCENT = "percent"
COUNT = "count"
HIGHER = "higher"
LOWER = "lower"

GREEN = "green"
YELLOW = "yellow"
RED = "red"
GREY = "grey"

# «within 10 % of the target» is relative to the target: 63 % against a 70 % target is yellow.
TOLERANCE = 0.10


def share(numerator: float, denominator: float | None) -> float | None:
    """The numerator as a percentage of the denominator; None when there is nothing to divide by."""
    if not denominator:
        return None
    return 100.0 * numerator / denominator


def indicator_value(numerator: float, denominator: float | None, unit: str) -> float | None:
    """A percent indicator is a share; a count indicator is its numerator."""
    if unit == COUNT:
        return float(numerator)
    return share(numerator, denominator)


def traffic_light(
    value: float | None, target: float | None, *, direction: str = HIGHER, tolerance: float = TOLERANCE
) -> str:
    """Green when the target is met, yellow within ``tolerance`` of it, red otherwise, grey without data.

    For «the less the better» (``direction == LOWER``) the comparison is reversed.
    """
    if target is None or value is None:
        return GREY
    target = float(target)
    if direction == LOWER:
        if value <= target:
            return GREEN
        return YELLOW if value <= target * (1 + tolerance) else RED
    if value >= target:
        return GREEN
    return YELLOW if value >= target * (1 - tolerance) else RED


def combine(
    parts: Iterable[tuple[float, float | None]], unit: str
) -> tuple[float, float | None, float | None]:
    """Totals of several organisations: add the numerators and the denominators, then divide.

    Never an average of percentages: a school of 1,000 pupils weighs more than one of 100.
    Returns (numerator, denominator, value); the denominator is None when no part had one.
    """
    numerator = 0.0
    denominator: float | None = None
    for part_numerator, part_denominator in parts:
        numerator += part_numerator or 0
        if part_denominator is not None:
            denominator = (denominator or 0.0) + part_denominator
    return numerator, denominator, indicator_value(numerator, denominator, unit)


def combined_target(parts: Sequence[tuple[float | None, float | None]], unit: str) -> float | None:
    """The target of a total, from (target, denominator) of each part; None unless every part has one.

    For a count the targets add up. For a share, each part's target is turned into the number it asks
    for (target × denominator), those are added and divided by the total denominator — the share the
    whole municipality needs to meet every school's target.
    """
    known = [(target, denominator) for target, denominator in parts if target is not None]
    if not parts or len(known) < len(parts):
        return None
    if unit == COUNT:
        return float(sum(float(target) for target, _ in known))
    total = sum(denominator or 0 for _, denominator in known)
    if not total:
        return None
    return sum(float(target) * (denominator or 0) for target, denominator in known) / total


def years_before(day: date, years: int) -> date:
    """The same day ``years`` earlier (29 February becomes 28 February in a common year)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def birth_date_band(on: date, age_min: int, age_max: int) -> tuple[date, date]:
    """Birth dates of people aged ``age_min``…``age_max`` (inclusive) on the day ``on``.

    Returns (born_after, born_on_or_before): an age band of 10–18 on 1 May 2025 is everyone born after
    1 May 2006 and on or before 1 May 2015.
    """
    return years_before(on, age_max + 1), years_before(on, age_min)


def normalise(text: str) -> str:
    return " ".join(text.lower().replace("ё", "е").split())


def words_match(pattern: str, text: str) -> bool:
    """Whether a KPI row's text answers to an indicator's ``roadmap_match`` words.

    Every word must occur in the text (as a part of a word: «наставляем» finds «наставляемых»);
    «а|б» accepts either; a word starting with «-» must NOT occur. Case and «ё» do not matter.
    An empty pattern matches nothing.
    """
    words = normalise(pattern).split()
    if not any(not word.startswith("-") for word in words):
        return False
    haystack = normalise(text)
    for word in words:
        if word.startswith("-"):
            if word[1:] and word[1:] in haystack:
                return False
        elif not any(option and option in haystack for option in word.split("|")):
            return False
    return True


def target_year_key(start_year: int, available: Iterable[str]) -> str | None:
    """Which calendar year's column of a roadmap KPI table applies to the academic year ``start_year``.

    The year in which the academic year ENDS: KPIs are measured at the end of the year (the May report,
    the final satisfaction survey), and «70 % by 2024» is the target of 2023/2024. When the table has no
    column for that year (its last column is the year the academic year starts in), that earlier year's
    target is taken. None when neither is there.
    """
    keys = {str(key).strip() for key in available}
    for year in (start_year + 1, start_year):
        if str(year) in keys:
            return str(year)
    return None
