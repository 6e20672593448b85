"""The statistics for the РНЦ as a configurable table: a measure per row, a breakdown per column.

Pure: no Django. A region's template is data — rows like «Наставляемые, в т.ч. с ОВЗ» and columns like
«форма "учитель – ученик"» or «возраст 10–14» — written as short codes that this module validates and
counts over plain facts about participants and pairs, which ``statistics.selectors`` reads from the database
(only the people who take part in the reporting period: ``participants/participation.py``).

Row codes: ``measure`` is one of :data:`MEASURES`; ``filter`` is empty or ``category:<key>``,
``kind:<person kind>``, ``group:<people group>`` (:data:`PEOPLE_GROUPS`), ``young_teacher``;
``percent_of`` is empty for a count, or makes the row a percentage: of the programme's contingent
(:data:`CONTINGENT`, «охват»: the same denominator in every column) or of another measure in the same
column (:data:`MEASURES`, «доля»: e.g. mentees with ОВЗ of all mentees of the column).

Column codes (``breakdown``): ``total``, ``form:<form key>``, ``unpaired`` (not in any pair of the year),
``other_forms`` (in a pair of a form the layout has no column for; and, when the layout has no ``unpaired``
column, also those in no pair — :func:`complete` adds it so that the columns always add up to «Всего»),
``age:<from>-<to>`` (either bound may be left out: ``age:-9``, ``age:36-``), ``age:none`` (no birth
date), ``kind:<person kind>``, ``group:<people group>``, ``category:<key>``.

A participant is counted under ONE form: the form of their first pair of the year (the pair with the
lowest number, among active, completed and terminated ones, in their role); a participant without such a
pair is «не в парах». So the form columns and ``unpaired`` add up to ``total``; the people groups too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

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
# the programme's contingent a coverage row divides by (Programme fields in ``statistics.selectors``)
CONTINGENT = ("pupils", "pupils_ovz", "teachers", "young_teachers")
# people groups that split every participant row into parts adding up to it (by person kind);
# a kind not listed falls into «others»
PEOPLE_GROUPS: dict[str, tuple[str, ...]] = {
    "staff": ("teacher", "other_staff"),
    "learners": ("pupil", "college_student", "university_student"),
    "partners": ("partner_employee",),
    "others": (),
}
UNPAIRED = "unpaired"
OTHER_FORMS = "other_forms"
Key = TypeVar("Key")


def people_group(kind: str) -> str:
    """The people group of a person kind: staff, learners (обучающиеся), partners or others."""
    for group, kinds in PEOPLE_GROUPS.items():
        if kind in kinds:
            return group
    return "others"


@dataclass(frozen=True)
class ParticipantFact:
    role: str  # "mentee" or "mentor"
    kind: str
    age: int | None = None
    categories: frozenset[str] = frozenset()
    form: str = ""  # the form of the first pair of the year in this role; "" when in no pair
    young_teacher: bool = False


@dataclass(frozen=True)
class PairFact:
    status: str  # "active", "completed", …
    form: str
    mentees: tuple[ParticipantFact, ...] = ()

    @property
    def age(self) -> int | None:
        """The age the pair is counted under: its first mentee's whose age is known."""
        return next((mentee.age for mentee in self.mentees if mentee.age is not None), None)


@dataclass(frozen=True)
class Row:
    label: str
    measure: str
    filter: str = ""
    percent_of: str = ""

    @property
    def is_percent(self) -> bool:
        return bool(self.percent_of)


@dataclass(frozen=True)
class Column:
    label: str
    breakdown: str = "total"


@dataclass(frozen=True)
class Layout:
    rows: tuple[Row, ...]
    columns: tuple[Column, ...]


# one cell before it is shown: (counted, out of); «out of» is None for a count row
Part = tuple[int, int | None]


@dataclass
class Result:
    """Cells as shown (an int for a count, a percentage rounded to 0.1 or None for a share) and the
    parts they come from, so that totals of several organisations add parts, never percentages."""

    layout: Layout
    cells: list[list[int | float | None]] = field(default_factory=list)
    parts: list[list[Part]] = field(default_factory=list)


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
        if row.percent_of and not _percent_known(row):
            errors.append(
                _("Row %(n)s: a percentage of «%(code)s» cannot be counted for this measure.")
                % {"n": number, "code": row.percent_of}
            )
    for number, column in enumerate(layout.columns, start=1):
        if not column.label.strip():
            errors.append(_("Column %(n)s has no name.") % {"n": number})
        if not _breakdown_known(column.breakdown, forms, kinds):
            errors.append(
                _("Column %(n)s: unknown breakdown «%(code)s».") % {"n": number, "code": column.breakdown}
            )
    return errors


def _percent_known(row: Row) -> bool:
    """Pairs are a share of pairs; people a share of people or a coverage of the contingent."""
    if row.measure in PAIR_MEASURES:
        return row.percent_of in PAIR_MEASURES
    return row.percent_of in CONTINGENT or row.percent_of in ("mentees", "mentors", "participants")


def _filter_known(code: str, kinds: set[str]) -> bool:
    if code in ("", "young_teacher"):
        return True
    prefix, _sep, value = code.partition(":")
    return (
        (prefix == "category" and value in CATEGORIES)
        or (prefix == "kind" and value in kinds)
        or (prefix == "group" and value in PEOPLE_GROUPS)
    )


def _breakdown_known(code: str, forms: set[str], kinds: set[str]) -> bool:
    if code in ("total", UNPAIRED, OTHER_FORMS):
        return True
    prefix, _sep, value = code.partition(":")
    if prefix == "form":
        return value in forms
    if prefix == "kind":
        return value in kinds
    if prefix == "group":
        return value in PEOPLE_GROUPS
    if prefix == "category":
        return value in CATEGORIES
    if prefix == "age":
        if value == "none":
            return True
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
    if code == UNPAIRED:
        return not fact.form
    prefix, _sep, value = code.partition(":")
    if prefix == OTHER_FORMS:
        listed, with_unpaired = _other_forms_of(value)
        return fact.form not in listed if fact.form else not with_unpaired
    if prefix == "category":
        return value in fact.categories
    if prefix == "kind":
        return fact.kind == value
    if prefix == "group":
        return people_group(fact.kind) == value
    if prefix == "form":
        return fact.form == value
    if prefix == "age":
        if value == "none":
            return fact.age is None
        low, high = _age_band(value)
        if fact.age is None:
            return False
        return (low is None or fact.age >= low) and (high is None or fact.age <= high)
    return False


def _pair_matches(pair: PairFact, code: str) -> bool:
    """A pair counts under a column or filter when its form matches or any of its mentees does; every
    pair is in a form, so none is «не в парах»."""
    if code in ("", "total"):
        return True
    if code == UNPAIRED:
        return False
    prefix, _sep, value = code.partition(":")
    if prefix == "form":
        return pair.form == value
    if prefix == OTHER_FORMS:
        return pair.form not in _other_forms_of(value)[0]
    if prefix == "age":
        # a pair sits in one age column only (that of its first mentee whose age is known; «возраст не
        # указан» when none is), so that the age columns add up to «Всего» even for a group of pupils of
        # several ages or a pair whose mentee is not counted in the period
        return _participant_matches(ParticipantFact(role="mentee", kind="", age=pair.age), code)
    return any(_participant_matches(mentee, code) for mentee in pair.mentees)


def _pair_in_measure(pair: PairFact, measure: str) -> bool:
    if measure == "pairs_active":
        return pair.status == "active"
    if measure == "pairs_completed":
        return pair.status == "completed"
    return pair.status in ("active", "completed", "terminated")


def _count(
    measure: str,
    row_filter: str,
    breakdown: str,
    participants: Sequence[ParticipantFact],
    pairs: Sequence[PairFact],
) -> int:
    if measure in PAIR_MEASURES:
        return sum(
            1
            for pair in pairs
            if _pair_in_measure(pair, measure)
            and _pair_matches(pair, row_filter)
            and _pair_matches(pair, breakdown)
        )
    roles = {"mentees": {"mentee"}, "mentors": {"mentor"}, "participants": {"mentee", "mentor"}}[measure]
    return sum(
        1
        for fact in participants
        if fact.role in roles
        and _participant_matches(fact, row_filter)
        and _participant_matches(fact, breakdown)
    )


def count(
    row: Row, column: Column, participants: Sequence[ParticipantFact], pairs: Sequence[PairFact]
) -> int:
    """The count of a row in a column (for a percentage row: its numerator); a «другие формы» column must
    come from :func:`resolved` (it depends on the other columns)."""
    return _count(row.measure, row.filter, column.breakdown, participants, pairs)


def percentage(numerator: int, denominator: int | None) -> float | None:
    """Counted of out-of in percent, to 0.1; None when there is nothing to divide by."""
    if not denominator:
        return None
    return round(100.0 * numerator / denominator, 1)


def _shown(row: Row, part: Part) -> int | float | None:
    return percentage(*part) if row.is_percent else part[0]


def cell_part(
    row: Row,
    column: Column,
    participants: Sequence[ParticipantFact],
    pairs: Sequence[PairFact],
    contingent: Mapping[str, int],
) -> Part:
    numerator = count(row, column, participants, pairs)
    if not row.is_percent:
        return numerator, None
    if row.percent_of in CONTINGENT:
        return numerator, int(contingent.get(row.percent_of, 0))
    return numerator, _count(row.percent_of, "", column.breakdown, participants, pairs)


ROLES = {"mentees": ("mentee",), "mentors": ("mentor",), "participants": ("mentee", "mentor")}


def compute(
    layout: Layout,
    participants: Sequence[ParticipantFact],
    pairs: Sequence[PairFact],
    contingent: Mapping[str, int] | None = None,
) -> Result:
    """Every cell of the layout; codes must have been validated. ``contingent`` holds the numbers
    coverage rows divide by (:data:`CONTINGENT`). The same parts as :func:`cell_part` cell by cell,
    counted as one organisation of :func:`compute_many`."""
    return compute_many(layout, {0: (participants, pairs, contingent or {})})[0]


def compute_many(
    layout: Layout,
    facts: Mapping[Key, tuple[Sequence[ParticipantFact], Sequence[PairFact], Mapping[str, int]]],
) -> dict[Key, Result]:
    """:func:`compute` for many organisations at once (a region's 1,500 schools), with the same parts.

    Participants (and pairs) are alike by the thousand: 500,000 pupils are a few thousand distinct
    facts (role, kind, age, categories, form). Each distinct fact is matched against each code ONCE for
    the whole region; each organisation is then a row of how many of each distinct fact it has, and every
    cell of every organisation is one sparse matrix product: organisations × distinct facts times
    distinct facts × cells. The counts are whole numbers well below 2**53, so the float product is exact.
    """
    keys = list(facts)
    if not keys:
        return {}
    shown, layout = layout, resolved(layout)
    people_cells, people_denominators = _cell_codes(layout, pairs=False)
    pair_cells, pair_denominators = _cell_codes(layout, pairs=True)
    people_counts = _weighted_counts(
        [facts[key][0] for key in keys],
        [*people_cells, *people_denominators],
        lambda fact, code: (
            fact.role in ROLES[code[5:]] if code.startswith("role:") else _participant_matches(fact, code)
        ),
    )
    pair_counts = _weighted_counts(
        [facts[key][1] for key in keys],
        [*pair_cells, *pair_denominators],
        lambda pair, code: (
            _pair_in_measure(pair, code[8:]) if code.startswith("measure:") else _pair_matches(pair, code)
        ),
    )
    results: dict[Key, Result] = {}
    for index, key in enumerate(keys):
        contingent = facts[key][2] or {}
        people_row, pair_row = people_counts[index], pair_counts[index]
        parts: list[list[Part]] = []
        for row in layout.rows:
            counted, cells = (
                (pair_row, pair_cells) if row.measure in PAIR_MEASURES else (people_row, people_cells)
            )
            denominators = pair_denominators if row.measure in PAIR_MEASURES else people_denominators
            offset = len(cells)
            row_parts: list[Part] = []
            for column in layout.columns:
                numerator = int(counted[cells[(f"{row.measure}", row.filter, column.breakdown)]])
                if not row.is_percent:
                    row_parts.append((numerator, None))
                elif row.percent_of in CONTINGENT:
                    row_parts.append((numerator, int(contingent.get(row.percent_of, 0))))
                else:
                    position = offset + denominators[(row.percent_of, "", column.breakdown)]
                    row_parts.append((numerator, int(counted[position])))
            parts.append(row_parts)
        results[key] = Result(layout=shown, cells=_cells(layout, parts), parts=parts)
    return results


def _other_forms_of(value: str) -> tuple[frozenset[str], bool]:
    """The resolved code of «другие формы»: the forms the layout lists, and whether it has «не в парах»."""
    forms, _sep, flag = value.rpartition("|")
    return frozenset(form for form in forms.split(",") if form), flag == "1"


def listed_forms(layout: Layout) -> frozenset[str]:
    return frozenset(
        column.breakdown.partition(":")[2]
        for column in layout.columns
        if column.breakdown.startswith("form:")
    )


def resolved(layout: Layout) -> Layout:
    """The layout with its «другие формы» column's code made explicit (the forms the layout lists and
    whether it has «не в парах»), so that each participant and pair can be matched alone."""
    if not any(column.breakdown == OTHER_FORMS for column in layout.columns):
        return layout
    with_unpaired = any(column.breakdown == UNPAIRED for column in layout.columns)
    code = f"{OTHER_FORMS}:{','.join(sorted(listed_forms(layout)))}|{int(with_unpaired)}"
    columns = tuple(
        Column(column.label, code) if column.breakdown == OTHER_FORMS else column for column in layout.columns
    )
    return Layout(rows=layout.rows, columns=columns)


def complete(layout: Layout) -> Layout:
    """The layout with a «другие формы» column when it has «Всего» and breaks down by form but has no such
    column: the forms it lists are those of the day it was made (a window freezes it), and a pair in a form
    created later, or left out, must still be counted somewhere. Put after the last form column; it also
    holds those in no pair when the layout has no «не в парах» column. Otherwise the layout as it is."""
    breakdowns = [column.breakdown for column in layout.columns]
    if "total" not in breakdowns or OTHER_FORMS in breakdowns:
        return layout
    positions = [index for index, code in enumerate(breakdowns) if code.startswith("form:")]
    if not positions:
        return layout
    label = _("other forms") if UNPAIRED in breakdowns else _("other forms and not in pairs")
    columns = list(layout.columns)
    columns.insert(positions[-1] + 1, Column(str(label), OTHER_FORMS))
    return Layout(rows=layout.rows, columns=tuple(columns))


def complete_parts(
    old: Layout, parts: Sequence[Sequence[Sequence[int | None]]]
) -> list[list[list[int | None]]]:
    """The parts of a snapshot counted in ``old`` as they are in ``complete(old)``: the «другие формы» cell
    of each row is what «Всего» has more than the listed forms (and «не в парах»), exact because the form
    columns and «не в парах» split «Всего» (a coverage row keeps the contingent it divides by)."""
    new = complete(old)
    if new is old:
        return [[list(part) for part in row] for row in parts]
    position = next(index for index, column in enumerate(new.columns) if column.breakdown == OTHER_FORMS)
    codes = [column.breakdown for column in old.columns]
    total_at = codes.index("total")
    subtracted = sorted(
        {
            code: index
            for index, code in reversed(list(enumerate(codes)))
            if code.startswith("form:") or code == UNPAIRED
        }.values()
    )
    completed = []
    for row, row_parts in zip(old.rows, parts, strict=True):
        numerator = int(row_parts[total_at][0] or 0) - sum(int(row_parts[i][0] or 0) for i in subtracted)
        denominator = row_parts[total_at][1]
        if row.is_percent and row.percent_of not in CONTINGENT and denominator is not None:
            denominator = int(denominator) - sum(int(row_parts[i][1] or 0) for i in subtracted)
        new_row = [list(part) for part in row_parts]
        new_row.insert(position, [max(numerator, 0), denominator if row.is_percent else None])
        completed.append(new_row)
    return completed


def _cell_codes(layout: Layout, *, pairs: bool) -> tuple[dict[tuple[str, str, str], int], dict]:
    """The distinct (measure, filter, breakdown) counts the layout needs, of people or of pairs: the
    numerators, then the denominators of the rows that are a share of another measure; each to its
    position."""
    numerators: dict[tuple[str, str, str], int] = {}
    denominators: dict[tuple[str, str, str], int] = {}
    for row in layout.rows:
        if (row.measure in PAIR_MEASURES) != pairs:
            continue
        for column in layout.columns:
            numerators.setdefault((row.measure, row.filter, column.breakdown), len(numerators))
            if row.is_percent and row.percent_of not in CONTINGENT:
                denominators.setdefault((row.percent_of, "", column.breakdown), len(denominators))
    return numerators, denominators


def _weighted_counts(groups: Sequence[Sequence], cells: Sequence[tuple[str, str, str]], matches) -> list:
    """For each group (an organisation's participants or pairs) the count of items in each cell, a cell
    being (measure, filter, breakdown): items are made distinct once, each distinct item matched against
    each code once (``matches(item, code)``), then one sparse product counts every cell of every group."""
    import numpy as np
    from scipy.sparse import csr_matrix

    if not cells:
        return [()] * len(groups)
    distinct: dict = {}
    rows: list[int] = []
    columns: list[int] = []
    for number, items in enumerate(groups):
        for item in items:
            position = distinct.setdefault(item, len(distinct))
            columns.append(position)
        rows.extend([number] * len(items))
    if not distinct:
        return [[0] * len(cells)] * len(groups)
    prefix = "measure:" if any(cell[0] in PAIR_MEASURES for cell in cells) else "role:"
    codes: dict[str, int] = {}
    for measure, row_filter, breakdown in cells:
        for code in (f"{prefix}{measure}", row_filter, breakdown):
            codes.setdefault(code, len(codes))
    items = list(distinct)
    matched = np.array([[matches(item, code) for code in codes] for item in items], dtype=bool)
    masks = np.empty((len(items), len(cells)), dtype=np.float64)
    for position, (measure, row_filter, breakdown) in enumerate(cells):
        masks[:, position] = (
            matched[:, codes[f"{prefix}{measure}"]]
            & matched[:, codes[row_filter]]
            & matched[:, codes[breakdown]]
        )
    weights = csr_matrix(
        (np.ones(len(columns), dtype=np.float64), (rows, columns)), shape=(len(groups), len(items))
    )
    counts = np.rint(weights @ masks).astype(np.int64)
    return counts.tolist()


def _cells(layout: Layout, parts: list[list[Part]]) -> list[list[int | float | None]]:
    return [
        [_shown(row, part) for part in row_parts] for row, row_parts in zip(layout.rows, parts, strict=True)
    ]


def total(layout: Layout, results: Sequence[Result]) -> Result:
    """Several organisations' results of the same layout together: counts and the parts of every
    percentage added up cell by cell, then the percentages divided again (never averaged)."""
    parts: list[list[Part]] = []
    for r, row in enumerate(layout.rows):
        row_parts: list[Part] = []
        for c in range(len(layout.columns)):
            numerator = sum(result.parts[r][c][0] for result in results)
            denominator = sum(result.parts[r][c][1] or 0 for result in results) if row.is_percent else None
            row_parts.append((numerator, denominator))
        parts.append(row_parts)
    return Result(layout=layout, cells=_cells(layout, parts), parts=parts)


def add(results: Sequence[Result]) -> list[list[int | float | None]]:
    """The cells of :func:`total` (empty when there are no results)."""
    if not results:
        return []
    return total(results[0].layout, results).cells


def layout_from_data(data: dict) -> Layout:
    """A layout from its stored JSON form ({"rows": [...], "columns": [...]}); unknown keys are ignored."""
    rows = tuple(
        Row(
            label=str(item.get("label", "")),
            measure=str(item.get("measure", "")),
            filter=str(item.get("filter", "")),
            percent_of=str(item.get("percent_of", "")),
        )
        for item in data.get("rows", [])
    )
    columns = tuple(
        Column(label=str(item.get("label", "")), breakdown=str(item.get("breakdown", "total")))
        for item in data.get("columns", [])
    )
    return Layout(rows=rows, columns=columns)


def layout_to_data(layout: Layout) -> dict:
    rows = []
    for row in layout.rows:
        item = {"label": row.label, "measure": row.measure, "filter": row.filter}
        if row.percent_of:
            item["percent_of"] = row.percent_of
        rows.append(item)
    return {
        "rows": rows,
        "columns": [{"label": column.label, "breakdown": column.breakdown} for column in layout.columns],
    }
