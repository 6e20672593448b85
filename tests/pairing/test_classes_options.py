"""The stable assignment, the fairness objective and group matching on people in classes (empty or
tie-heavy profiles): answered class by class, never the n × k couples, each against an independent
reference on small tie-heavy instances forced through the class path.

* stable: no couple blocks it, by the definition checked couple by couple with ``score_pair``
  (``brute_blocking``), and no optimality is claimed; the optimum it gives up is scipy's dense one;
* fairness: the concave objective's optimum (scipy's dense assignment on 100·(score/100)^power),
  proved (``certified``);
* groups: each round's choice of a mentor per group is the most valuable, against scipy's dense
  assignment of groups to mentors scored member by member; the groups keep to their rules.

The pool is never scored (``_score_pool`` refuses) wherever the class path answers.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy.optimize import linear_sum_assignment

from pairing import matching
from pairing.matching import Mentee, Mentor, Settings, match, score_pair

from .test_classes import classed_instances
from .test_matching_properties import brute_blocking, common, reference

EXAMPLES = {"stable": 300, "fair": 300, "groups": 300, "group_round": 300}  # 1,200 instances in all


@pytest.fixture
def by_classes(monkeypatch):
    """Every instance through the class path, however few people share a class; the pool refused."""
    monkeypatch.setattr(matching, "_TYPE_MIN", 0)
    monkeypatch.setattr(matching, "_TYPE_SHARE", 1.0)

    def refuse(*args, **kwargs):
        raise AssertionError("the pool was scored")

    monkeypatch.setattr(matching, "_score_pool", refuse)


def _classed(mentees, mentors, options: Settings) -> bool:
    """Whether the engine answers this instance class by class (with the fixture's constants)."""
    problem = matching._Problem(mentees, mentors, options)
    slots = np.where(problem.col_available, problem.capacity, 0)
    return matching._by_types(problem, options, problem.row_consent, slots)


def _valid(mentees, mentors, options: Settings, result) -> None:
    by_id, mentor_by_id = {m.id: m for m in mentees}, {m.id: m for m in mentors}
    load: dict[int, int] = {}
    for pair in result.pairs:
        scored = score_pair(by_id[pair.mentee], mentor_by_id[pair.mentor], options)
        assert scored is not None and scored[0] >= options.min_score
        assert scored[0] > 0 or options.maximise_count
        load[pair.mentor] = load.get(pair.mentor, 0) + 1
    assert all(load[m] <= mentor_by_id[m].capacity for m in load)
    assert len({p.mentee for p in result.pairs}) == len(result.pairs)


@common(EXAMPLES["stable"])
@given(case=classed_instances(max_mentees=40, max_mentors=14))
def test_stable_by_classes_leaves_no_blocking_couple_and_claims_no_optimum(by_classes, case):
    mentees, mentors, options = case
    options = dataclasses.replace(options, stable=True, maximise_count=False, locked=())
    if not _classed(mentees, mentors, options):
        return
    result = match(mentees, mentors, options)
    _valid(mentees, mentors, options, result)
    assert brute_blocking(mentees, mentors, options, result) == set()
    assert result.blocking_pairs == 0 and result.blocking == ()
    assert result.stats["certified"] != result.stats["certified"]  # NaN: no claim
    optimum = reference(mentees, mentors, options)[0]
    assert result.stats["optimum_total"] == pytest.approx(optimum, abs=1e-6)
    assert result.total_score <= optimum + 1e-6


@common(EXAMPLES["fair"])
@given(case=classed_instances(max_mentees=40, max_mentors=14), fairness=st.sampled_from((0.5, 1.0)))
def test_fairness_by_classes_is_the_concave_optimum_and_proved(by_classes, case, fairness):
    mentees, mentors, options = case
    options = dataclasses.replace(options, fairness=fairness, locked=())
    if not _classed(mentees, mentors, options):
        return
    result = match(mentees, mentors, options)
    _valid(mentees, mentors, options, result)
    power = 1.0 - 0.75 * fairness
    assert result.stats["certified"] == 1.0 and result.stats["gap"] == 0.0
    fair_total, count = reference(mentees, mentors, options, power)
    by_id, mentor_by_id = {m.id: m for m in mentees}, {m.id: m for m in mentors}
    ours = sum(
        100 * (score_pair(by_id[p.mentee], mentor_by_id[p.mentor], options)[0] / 100) ** power  # type: ignore[index]
        for p in result.pairs
    )
    assert ours == pytest.approx(fair_total, abs=1e-6)
    if options.maximise_count:
        assert len(result.pairs) == count
    optimum = reference(mentees, mentors, options)[0]
    assert result.stats["optimum_total"] == pytest.approx(optimum, abs=1e-6)


@common(EXAMPLES["groups"])
@given(case=classed_instances(max_mentees=40, max_mentors=12), size=st.sampled_from((2, 3, 5)))
def test_groups_by_classes_keep_their_rules(by_classes, case, size):
    mentees, mentors, options = case
    options = dataclasses.replace(options, group_size=size, maximise_count=False, locked=())
    if not _classed(mentees, mentors, options):
        return
    result = match(mentees, mentors, options)
    _valid(mentees, mentors, options, result)
    by_id = {m.id: m for m in mentees}
    groups: dict[int, list] = {}
    for pair in result.pairs:
        if pair.group:
            groups.setdefault(pair.group, []).append(pair)
    for members in groups.values():
        assert 2 <= len(members) <= size
        assert len({p.mentor for p in members}) == 1
        requests = [by_id[p.mentee].requests for p in members]
        assert frozenset.intersection(*requests) or not any(requests)
        assert len({by_id[p.mentee].form for p in members}) == 1
    assert result.stats["certified"] != result.stats["certified"]  # NaN: no proof claimed


@common(EXAMPLES["group_round"])
@given(case=classed_instances(max_mentees=40, max_mentors=12), size=st.sampled_from((2, 3, 5)))
def test_a_round_of_groups_by_classes_is_the_dense_optimum(by_classes, case, size):
    """One round: the groups (as the engine clusters them) against every mentor, each group worth
    the sum of its members' scores (``score_pair``, every member eligible, places for all), each
    mentor taking one group at most: the class path's choice is worth scipy's dense optimum."""
    mentees, mentors, options = case
    options = dataclasses.replace(options, group_size=size, maximise_count=False, locked=())
    problem = matching._Problem(mentees, mentors, options)
    slots = np.where(problem.col_available, problem.capacity, 0)
    free = problem.row_consent.copy()
    cluster = matching._cluster(problem, free, size)
    members = np.bincount(cluster, minlength=1)
    mentor_of = matching._group_mentors_by_types(problem, cluster, members, slots, 0.0)
    assert mentor_of is not None
    numbers = [g for g in range(1, len(members)) if members[g] >= 2]

    def worth(group: int, j: int) -> float | None:
        if slots[j] < members[group]:
            return None
        total = 0.0
        for i in np.flatnonzero(cluster == group).tolist():
            scored = score_pair(problem.mentees[i], problem.mentors[j], options)
            if scored is None or scored[0] < options.min_score or scored[0] <= 0:
                return None
            total += scored[0]
        return total

    dense = np.zeros((len(numbers), problem.k))
    for a, g in enumerate(numbers):
        for j in range(problem.k):
            value = worth(g, j)
            dense[a, j] = 0.0 if value is None else value
    best = float(dense[linear_sum_assignment(dense, maximize=True)].sum()) if dense.size else 0.0
    ours = 0.0
    taken = [int(mentor_of[g]) for g in numbers if mentor_of[g] >= 0]
    assert len(taken) == len(set(taken))  # one group per mentor in a round
    for g in numbers:
        if mentor_of[g] >= 0:
            value = worth(g, int(mentor_of[g]))
            assert value is not None  # allowed, eligible, places for every member
            ours += value
    assert ours == pytest.approx(best, abs=1e-6)


def test_empty_profiles_with_options_never_score_the_pool(by_classes):
    """Everyone alike: stable, fair and group runs answer class by class."""
    mentors = [
        Mentor(1000 + j, frozenset({"f"}), frozenset(), frozenset(), None, None, "", False, True, True, 3, 0)
        for j in range(300)
    ]
    mentees = [Mentee(1 + i, "f", frozenset(), frozenset(), None, None, "", False, True) for i in range(1000)]
    stable = match(mentees, mentors, Settings(stable=True))
    assert len(stable.pairs) == 900 and stable.blocking_pairs == 0
    fair = match(mentees, mentors, Settings(fairness=1.0))
    assert len(fair.pairs) == 900 and fair.stats["certified"] == 1.0
    groups = match(mentees, mentors, Settings(group_size=3))
    assert len(groups.pairs) == 900 and groups.stats["groups"] == 300
