"""The statistics for the РНЦ as a configurable table: a measure per row, a breakdown per column.

Pure: no Django. A region's template is data — rows like «Наставляемые, в т.ч. с ОВЗ» and columns like
«форма "учитель – ученик"» or «возраст 10–14» — written as short codes that this module validates and
counts over plain facts about participants and pairs, which ``statistics_data`` reads from the database.

Row codes: ``measure`` is one of :data:`MEASURES`; ``filter`` is empty or ``category:<key>``,
``kind:<person kind>``, ``young_teacher``. Column codes (``breakdown``): ``total``, ``form:<form key>``,
``age:<from>-<to>`` (either bound may be left out: ``age:-9``, ``age:36-``), ``kind:<person kind>``,
``category:<key>``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from mentoring.messages import _

MEASURES = ("mentees", "mentors", "participants", "pairs_active", "pairs_completed", "pairs_all")
PAIR_MEASURES = frozenset({"pairs_active", "pairs_completed", "pairs_all"})
CATEGORIES = (
    "ovz",
    "disability",
    "deviant_behaviour",
    "gifted",
    "difficult_situation",
    "low_income",
    "rural",
    "orphan",
)


@dataclass(frozen=True)
class ParticipantFact:
    role: str  # "mentee" or "mentor"
    kind: str
    age: int | None = None
    categories: frozenset[str] = frozenset()
    forms: frozenset[str] = frozenset()
    young_teacher: bool = False


@dataclass(frozen=True)
class PairFact:
    status: str  # "active", "completed", …
    form: str
    mentees: tuple[ParticipantFact, ...] = ()


@dataclass(frozen=True)
class Row:
    label: str
    measure: str
    filter: str = ""


@dataclass(frozen=True)
class Column:
    label: str
    breakdown: str = "total"


@dataclass(frozen=True)
class Layout:
    rows: tuple[Row, ...]
    columns: tuple[Column, ...]


@dataclass
class Result:
    layout: Layout
    cells: list[list[int]] = field(default_factory=list)


class LayoutError(ValueError):
    """The layout has codes this module does not know; ``messages`` says which, in Russian."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("; ".join(messages))
        self.messages = messages


def _age_band(code: str) -> tuple[int | None, int | None]:
    low, separator, high = code.partition("-")
    if not separator:
        raise ValueError(code)
    low_value = int(low) if low.strip() else None
    high_value = int(high) if high.strip() else None
    if low_value is None and high_value is None:
        raise ValueError(code)
    if low_value is not None and high_value is not None and low_value > high_value:
        raise ValueError(code)
    return low_value, high_value


def validate(layout: Layout, *, forms: Iterable[str], kinds: Iterable[str]) -> list[str]:
    """Russian messages for every code that cannot be counted (empty when the layout is fine)."""
    forms, kinds = set(forms), set(kinds)
    errors: list[str] = []
    if not layout.rows:
        errors.append(_("The table has no rows."))
    if not layout.columns:
        errors.append(_("The table has no columns."))
    for number, row in enumerate(layout.rows, start=1):
        if not row.label.strip():
            errors.append(_("Row %(n)s has no name.") % {"n": number})
        if row.measure not in MEASURES:
            errors.append(_("Row %(n)s: unknown measure «%(code)s».") % {"n": number, "code": row.measure})
        if not _filter_known(row.filter, kinds):
            errors.append(_("Row %(n)s: unknown filter «%(code)s».") % {"n": number, "code": row.filter})
    for number, column in enumerate(layout.columns, start=1):
        if not column.label.strip():
            errors.append(_("Column %(n)s has no name.") % {"n": number})
        if not _breakdown_known(column.breakdown, forms, kinds):
            errors.append(
                _("Column %(n)s: unknown breakdown «%(code)s».") % {"n": number, "code": column.breakdown}
            )
    return errors


def _filter_known(code: str, kinds: set[str]) -> bool:
    if code in ("", "young_teacher"):
        return True
    prefix, _sep, value = code.partition(":")
    return (prefix == "category" and value in CATEGORIES) or (prefix == "kind" and value in kinds)


def _breakdown_known(code: str, forms: set[str], kinds: set[str]) -> bool:
    if code == "total":
        return True
    prefix, _sep, value = code.partition(":")
    if prefix == "form":
        return value in forms
    if prefix == "kind":
        return value in kinds
    if prefix == "category":
        return value in CATEGORIES
    if prefix == "age":
        try:
            _age_band(value)
        except ValueError:
            return False
        return True
    return False


def _participant_matches(fact: ParticipantFact, code: str) -> bool:
    """One code (a row filter or a column breakdown) against one participant."""
    if code in ("", "total"):
        return True
    if code == "young_teacher":
        return fact.young_teacher
    prefix, _sep, value = code.partition(":")
    if prefix == "category":
        return value in fact.categories
    if prefix == "kind":
        return fact.kind == value
    if prefix == "form":
        return value in fact.forms
    if prefix == "age":
        low, high = _age_band(value)
        if fact.age is None:
            return False
        return (low is None or fact.age >= low) and (high is None or fact.age <= high)
    return False


def _pair_matches(pair: PairFact, code: str) -> bool:
    """A pair counts under a column or filter when its form matches or any of its mentees does."""
    if code in ("", "total"):
        return True
    prefix, _sep, value = code.partition(":")
    if prefix == "form":
        return pair.form == value
    return any(_participant_matches(mentee, code) for mentee in pair.mentees)


def _pair_in_measure(pair: PairFact, measure: str) -> bool:
    if measure == "pairs_active":
        return pair.status == "active"
    if measure == "pairs_completed":
        return pair.status == "completed"
    return pair.status in ("active", "completed", "terminated")


def count(
    row: Row, column: Column, participants: Sequence[ParticipantFact], pairs: Sequence[PairFact]
) -> int:
    if row.measure in PAIR_MEASURES:
        return sum(
            1
            for pair in pairs
            if _pair_in_measure(pair, row.measure)
            and _pair_matches(pair, row.filter)
            and _pair_matches(pair, column.breakdown)
        )
    roles = {"mentees": {"mentee"}, "mentors": {"mentor"}, "participants": {"mentee", "mentor"}}[row.measure]
    return sum(
        1
        for fact in participants
        if fact.role in roles
        and _participant_matches(fact, row.filter)
        and _participant_matches(fact, column.breakdown)
    )


def compute(layout: Layout, participants: Sequence[ParticipantFact], pairs: Sequence[PairFact]) -> Result:
    """Every cell of the layout; codes must have been validated."""
    cells = [[count(row, column, participants, pairs) for column in layout.columns] for row in layout.rows]
    return Result(layout=layout, cells=cells)


def add(results: Sequence[Result]) -> list[list[int]]:
    """Cell-by-cell totals of several organisations' results of the same layout."""
    if not results:
        return []
    rows, columns = len(results[0].cells), len(results[0].cells[0]) if results[0].cells else 0
    return [[sum(result.cells[r][c] for result in results) for c in range(columns)] for r in range(rows)]


def layout_from_data(data: dict) -> Layout:
    """A layout from its stored JSON form ({"rows": [...], "columns": [...]}); unknown keys are ignored."""
    rows = tuple(
        Row(
            label=str(item.get("label", "")),
            measure=str(item.get("measure", "")),
            filter=str(item.get("filter", "")),
        )
        for item in data.get("rows", [])
    )
    columns = tuple(
        Column(label=str(item.get("label", "")), breakdown=str(item.get("breakdown", "total")))
        for item in data.get("columns", [])
    )
    return Layout(rows=rows, columns=columns)


def layout_to_data(layout: Layout) -> dict:
    return {
        "rows": [{"label": row.label, "measure": row.measure, "filter": row.filter} for row in layout.rows],
        "columns": [{"label": column.label, "breakdown": column.breakdown} for column in layout.columns],
    }
