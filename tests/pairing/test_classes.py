"""People in classes (empty or tie-heavy profiles): the run answered class by class, never n × k.

Three references: a brute force over every couple of the pure module's inputs; the engine's couple by
couple path (the scored pool) on the same assignment; and, for the optimum, ``score_pair`` on every
couple with scipy's dense assignment (mentors repeated by their places), from the property tests.
The instances mix identical and distinct people, exclusions, «most pairs first», thresholds and
«обязательно» criteria, and are forced through the class path (``_TYPE_MIN`` = 0,
``_TYPE_SHARE`` = 1: the class path even where classes are small).
"""

from __future__ import annotations

import dataclasses
import random

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pairing import classes, matching
from pairing.classes import TIE
from pairing.matching import Mentee, Mentor, Settings, match, score_pair

from .test_matching_properties import common, instances, reference

EXAMPLES = {"pure": 400, "engine": 300, "brute": 300}  # instances per test: 1,000 in all


# ---------------------------------------------------------------------------------------------------
# the pure module against a brute force over every couple


@st.composite
def class_cases(draw):
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    n, k = draw(st.integers(0, 30)), draw(st.integers(0, 12))
    rt, ct = draw(st.integers(1, 4)), draw(st.integers(1, 4))
    row_class = np.array([rng.randrange(rt) for _ in range(n)], dtype=np.int64)
    col_class = np.array([rng.randrange(ct) for _ in range(k)], dtype=np.int64)
    values = draw(st.sampled_from(((50.0,), (0.0, 50.0), (10.0, 50.0, 90.0))))
    table = np.array([[rng.choice(values) for _ in range(ct)] for _ in range(rt)])
    ok = np.array([[rng.random() < 0.85 for _ in range(ct)] for _ in range(rt)])
    capacity = np.array([rng.randint(1, 3) for _ in range(k)], dtype=np.int64)
    final = np.full(n, -1, dtype=np.int64)
    used = np.zeros(k, dtype=np.int64)
    for i in range(n):
        options = [j for j in range(k) if used[j] < capacity[j] and ok[row_class[i], col_class[j]]]
        if options and rng.random() < 0.7:
            final[i] = rng.choice(options)
            used[final[i]] += 1
    limit = draw(st.sampled_from((1, 3, 200)))
    return row_class, col_class, table, ok, capacity, final, limit


@common(EXAMPLES["pure"])
@given(class_cases())
def test_blocking_by_class_is_the_brute_force(case):
    row_class, col_class, table, ok, capacity, final, limit = case
    n, k = len(row_class), len(col_class)
    current = np.array([table[row_class[i], col_class[final[i]]] if final[i] >= 0 else -np.inf for i in range(n)])
    used = np.bincount(final[final >= 0], minlength=k)
    full = used >= capacity
    worst = np.full(k, np.inf)
    for i in range(n):
        if final[i] >= 0:
            worst[final[i]] = min(worst[final[i]], current[i])
    expected = []
    for i in range(n):
        for j in range(k):
            s = table[row_class[i], col_class[j]]
            if not ok[row_class[i], col_class[j]] or final[i] == j:
                continue
            if (final[i] < 0 or s > current[i] + TIE) and (not full[j] or s > worst[j] + TIE):
                gain = s - (current[i] if final[i] >= 0 else 0.0)
                expected.append((-gain, i, j, s))
    expected.sort()
    found = classes.blocking(row_class, col_class, table, ok, current, full, worst, limit)
    assert found is not None
    count, rows, cols, scores, gains = found
    assert count == len(expected)
    assert [(-g, r, c, s) for g, r, c, s in zip(gains, rows, cols, scores, strict=True)] == expected[:limit]


def test_blocking_by_class_declines_when_the_groups_are_too_many():
    row_class = np.arange(10)
    col_class = np.arange(10)
    table, ok = np.ones((10, 10)), np.ones((10, 10), dtype=bool)
    current, full, worst = np.full(10, -np.inf), np.zeros(10, dtype=bool), np.full(10, np.inf)
    assert classes.blocking(row_class, col_class, table, ok, current, full, worst, 5, max_groups=99) is None
    found = classes.blocking(row_class, col_class, table, ok, current, full, worst, 5, max_groups=100)
    assert found is not None and found[0] == 100 and list(found[1]) == [0] * 5 and list(found[2]) == [0, 1, 2, 3, 4]


def test_best_by_row():
    table = np.array([[10.0, 70.0], [30.0, 20.0], [5.0, 5.0]])
    allowed = np.array([[True, True], [True, False], [False, False]])
    rows = np.array([0, 1, 2, 1])
    assert list(classes.best_by_row(rows, table, allowed, np.array([True, True]))) == [70.0, 30.0, -1.0, 30.0]
    assert list(classes.best_by_row(rows, table, allowed, np.array([True, False]))) == [10.0, 30.0, -1.0, 30.0]
    assert list(classes.best_by_row(rows, table, allowed, np.array([False, False]))) == [-1.0] * 4


# ---------------------------------------------------------------------------------------------------
# the engine: the class path against the couple-by-couple path and against the brute force


@st.composite
def classed_instances(draw, max_mentees: int = 40, max_mentors: int = 14):
    """The property tests' tie-heavy instances without networking choices (the class path's
    domain), some with «обязательно» criteria and a locked pair."""
    mentees, mentors, options = draw(instances(max_mentees, max_mentors))
    mentees = [dataclasses.replace(m, preferences=()) for m in mentees]
    required = draw(st.sampled_from((frozenset(), frozenset({"grades"}), frozenset({"requests", "subject"}))))
    locked: tuple[tuple[int, int], ...] = ()
    if mentees and mentors and draw(st.booleans()):
        locked = ((mentees[0].id, mentors[-1].id),)
    return mentees, mentors, dataclasses.replace(options, required=required, locked=locked)


@pytest.fixture
def by_classes(monkeypatch):
    """Every instance through the class path, however few people share a class."""
    monkeypatch.setattr(matching, "_TYPE_MIN", 0)
    monkeypatch.setattr(matching, "_TYPE_SHARE", 1.0)


def _run(mentees, mentors, options, monkeypatch, classes_on: bool):
    with monkeypatch.context() as patch:
        if not classes_on:
            patch.setattr(matching, "_by_types", lambda *args: False)
        return match(mentees, mentors, options)


@common(EXAMPLES["engine"])
@given(case=classed_instances())
def test_the_class_path_answers_as_the_couple_by_couple_path(by_classes, monkeypatch, case):
    mentees, mentors, options = case
    ours = _run(mentees, mentors, options, monkeypatch, True)
    theirs = _run(mentees, mentors, options, monkeypatch, False)
    # the same solver (by types) in both: the same pairs; then the same blocking couples and reasons
    assert ours.pairs == theirs.pairs
    assert ours.blocking_pairs == theirs.blocking_pairs
    assert ours.blocking == theirs.blocking
    assert ours.unmatched == theirs.unmatched
    assert ours.stats.get("certified") == theirs.stats.get("certified")


def _eligible(options: Settings, scored) -> bool:
    return scored is not None and scored[0] >= options.min_score and (scored[0] > 0 or options.maximise_count)


@common(EXAMPLES["brute"])
@given(case=classed_instances())
def test_the_class_path_is_optimal_and_its_blocking_couples_are_the_brute_force(by_classes, case):
    mentees, mentors, options = case
    options = dataclasses.replace(options, locked=())
    result = match(mentees, mentors, options)
    total, count = reference(mentees, mentors, options)
    if options.maximise_count:
        assert len(result.pairs) == count
    assert result.total_score == pytest.approx(total, abs=1e-6)
    assert result.stats["certified"] == 1.0
    # blocking couples, couple by couple with score_pair
    mentor_of = {p.mentee: p.mentor for p in result.pairs}
    by_id = {m.id: m for m in mentors}
    now = {a.id: score_pair(a, by_id[mentor_of[a.id]], options)[0] for a in mentees if a.id in mentor_of}  # type: ignore[index]
    load: dict[int, list[float]] = {}
    for a, b in mentor_of.items():
        load.setdefault(b, []).append(now[a])
    expected = 0
    for a in mentees:
        for b in mentors:
            if mentor_of.get(a.id) == b.id:
                continue
            scored = score_pair(a, b, options)
            if not _eligible(options, scored):
                continue
            s = scored[0]  # type: ignore[index]
            mine = load.get(b.id, [])
            if (a.id not in mentor_of or s > now[a.id] + TIE) and (len(mine) < b.capacity or s > min(mine) + TIE):
                expected += 1
    assert result.blocking_pairs == expected


def test_empty_profiles_never_score_the_pool(monkeypatch):
    """10,000-scale shapes in miniature: everyone alike, the pool is never scored couple by couple."""

    def refuse(*args, **kwargs):
        raise AssertionError("the pool was scored")

    monkeypatch.setattr(matching, "_score_pool", refuse)
    mentors = [
        Mentor(1000 + j, frozenset({"f"}), frozenset(), frozenset(), None, None, "", False, True, True, 3, 0)
        for j in range(300)
    ]
    mentees = [Mentee(1 + i, "f", frozenset(), frozenset(), None, None, "", False, True) for i in range(1000)]
    result = match(mentees, mentors)
    assert len(result.pairs) == 900 and result.stats["certified"] == 1.0 and result.stats["gap"] == 0.0
    # every pair scores the same: nobody blocks, and the 100 left over wait for a place
    assert result.blocking_pairs == 0
    left = [u for u in result.unmatched if u.role == "mentee"]
    assert len(left) == 100
