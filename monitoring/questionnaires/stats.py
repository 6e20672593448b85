"""The arithmetic of questionnaire results: distributions, means, medians, before/after comparison.

Pure Python, no Django: the selectors feed it plain numbers and ids, the pages and the reports show
what it returns. Tested alone in ``tests/monitoring/test_questionnaire_stats.py``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

# Who a comparison matches (a participant's key) and what it groups them by (a class name, a pair's id).
P = TypeVar("P", bound=Hashable)
G = TypeVar("G", bound=Hashable)


def mean(values: Iterable[float]) -> float | None:
    values = list(values)
    return sum(values) / len(values) if values else None


def median(values: Iterable[float]) -> float | None:
    ordered = sorted(values)
    n = len(ordered)
    if not n:
        return None
    middle = n // 2
    if n % 2:
        return float(ordered[middle])
    return (ordered[middle - 1] + ordered[middle]) / 2


def change(before: float | None, after: float | None) -> float | None:
    if before is None or after is None:
        return None
    return after - before


def direction(delta: float | None, tolerance: float = 1e-9) -> str:
    """«up», «down» or «same» (empty when there is nothing to compare)."""
    if delta is None:
        return ""
    if delta > tolerance:
        return "up"
    if delta < -tolerance:
        return "down"
    return "same"


@dataclass(frozen=True)
class ScaleSummary:
    count: int
    counts: list[tuple[int, int]]  # (value, how many), every value of the scale in order
    mean: float | None
    median: float | None
    max_count: int

    def share(self, how_many: int) -> float:
        return how_many / self.count if self.count else 0.0


def scale_summary(values: Iterable[float], low: int = 1, high: int = 10) -> ScaleSummary:
    values = [v for v in values if v is not None]
    counter = Counter(int(round(v)) for v in values)
    counts = [(value, counter.get(value, 0)) for value in range(low, high + 1)]
    return ScaleSummary(
        count=len(values),
        counts=counts,
        mean=mean(values),
        median=median(values),
        max_count=max((n for _v, n in counts), default=0),
    )


@dataclass(frozen=True)
class YesNoSummary:
    yes: int
    no: int

    @property
    def count(self) -> int:
        return self.yes + self.no

    @property
    def share_yes(self) -> float | None:
        return self.yes / self.count if self.count else None


def yes_no_summary(values: Iterable[float]) -> YesNoSummary:
    values = [v for v in values if v is not None]
    yes = sum(1 for v in values if v >= 0.5)
    return YesNoSummary(yes=yes, no=len(values) - yes)


@dataclass(frozen=True)
class OptionSummary:
    count: int  # respondents who answered
    counts: list[tuple[str, int]]  # (option, how many chose it), the template's options first
    first_choices: list[tuple[str, int]] = field(default_factory=list)  # for a ranking: chosen first

    def share(self, how_many: int) -> float:
        return how_many / self.count if self.count else 0.0


def option_summary(answers: Iterable[Sequence[Hashable]], options: Sequence[Hashable] = ()) -> OptionSummary:
    """How often each option was chosen; options outside the list (a changed template) are kept at the end."""
    answers = [list(answer) for answer in answers if answer]
    counter: Counter = Counter()
    firsts: Counter = Counter()
    for answer in answers:
        counter.update(dict.fromkeys(answer, 1))
        firsts[answer[0]] += 1
    ordered = list(dict.fromkeys([*options, *sorted(counter, key=lambda o: (-counter[o], str(o)))]))
    return OptionSummary(
        count=len(answers),
        counts=[(option, counter.get(option, 0)) for option in ordered],
        first_choices=[(option, firsts[option]) for option in ordered if firsts.get(option)],
    )


# --- Before/after ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemChange:
    key: str
    before: float | None
    after: float | None

    @property
    def change(self) -> float | None:
        return change(self.before, self.after)

    @property
    def direction(self) -> str:
        return direction(self.change)


@dataclass(frozen=True)
class ParticipantComparison(Generic[P]):
    participant: P
    items: list[ItemChange]

    @property
    def mean_before(self) -> float | None:
        return mean(i.before for i in self.items if i.before is not None and i.after is not None)

    @property
    def mean_after(self) -> float | None:
        return mean(i.after for i in self.items if i.before is not None and i.after is not None)

    @property
    def mean_change(self) -> float | None:
        return change(self.mean_before, self.mean_after)

    @property
    def direction(self) -> str:
        return direction(self.mean_change)


@dataclass(frozen=True)
class GroupComparison(Generic[G]):
    group: G
    size: int  # participants who answered both times
    items: list[ItemChange]  # means of the group's participants

    @property
    def mean_before(self) -> float | None:
        return mean(i.before for i in self.items if i.before is not None)

    @property
    def mean_after(self) -> float | None:
        return mean(i.after for i in self.items if i.after is not None)

    @property
    def mean_change(self) -> float | None:
        return change(self.mean_before, self.mean_after)

    @property
    def direction(self) -> str:
        return direction(self.mean_change)


@dataclass(frozen=True)
class Comparison(Generic[P]):
    keys: list[str]
    participants: list[ParticipantComparison[P]]  # answered before and after
    only_before: list[P]
    only_after: list[P]
    overall: list[ItemChange]  # means over the participants who answered twice

    def by_group(self, group_of: Mapping[P, G]) -> list[GroupComparison[G]]:
        """Means before/after per group (a class, a pair) of the participants who answered twice."""
        members: dict[G, list[ParticipantComparison[P]]] = {}
        for row in self.participants:
            group = group_of.get(row.participant)
            if group is None:
                continue
            members.setdefault(group, []).append(row)
        result = []
        for group, rows in members.items():
            result.append(GroupComparison(group=group, size=len(rows), items=_item_means(self.keys, rows)))
        return result


def _item_means(keys: Sequence[str], rows: Sequence[ParticipantComparison[P]]) -> list[ItemChange]:
    means = []
    for index, key in enumerate(keys):
        pairs = [
            (before, after)
            for row in rows
            if (before := row.items[index].before) is not None and (after := row.items[index].after) is not None
        ]
        means.append(ItemChange(key=key, before=mean(b for b, _a in pairs), after=mean(a for _b, a in pairs)))
    return means


def compare(
    keys: Sequence[str],
    before: Mapping[P, Mapping[str, float]],
    after: Mapping[P, Mapping[str, float]],
) -> Comparison[P]:
    """Match the answers of the same participants by item key: ``{participant: {key: value}}`` twice.

    Participants are kept in the order of ``after``, then ``before``; those who answered only once are
    listed apart and left out of every mean.
    """
    keys = list(keys)
    both = [p for p in after if p in before]
    rows = [
        ParticipantComparison(
            participant=p,
            items=[ItemChange(key=key, before=before[p].get(key), after=after[p].get(key)) for key in keys],
        )
        for p in both
    ]
    return Comparison(
        keys=keys,
        participants=rows,
        only_before=[p for p in before if p not in after],
        only_after=[p for p in after if p not in before],
        overall=_item_means(keys, rows),
    )
