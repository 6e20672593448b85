"""Networking choices on people in classes: the choices cost what they are, not the n × k couples.

A mentee who names mentors (or a mentor who ranks mentees) is a class of their own, and the blocking
couples somebody ranks are judged one by one; everyone else is still answered class by class, so an
empty-profile pool where a few pupils name a mentor is never scored couple by couple (it once was:
10,000 × 3,400 with 3 % choosers took 4–5 s of CPU and 800 MB instead of 0.4 s and 15 MB).

References: the couple-by-couple path (the scored pool) on the same instance and on the same
assignment; ``score_pair`` on every couple with scipy's dense assignment for the optimum; the
blocking couples by their definition, couple by couple (``brute_blocking``, ranks first).
"""

from __future__ import annotations

import dataclasses
import random

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pairing import matching
from pairing.matching import Mentee, Mentor, match

from .test_matching_properties import brute_blocking, check_certificate, common, instances, reference

EXAMPLES = {"paths": 300, "optimum": 300, "assignments": 150}  # instances per test: 750 in all


@st.composite
def chosen_instances(draw, max_mentees: int = 40, max_mentors: int = 14):
    """The property tests' tie-heavy instances (where mentees already name mentors), with mentors who
    rank mentees too (mostly those who chose them), sometimes «обязательно» on the choices and a
    locked pair."""
    mentees, mentors, options = draw(instances(max_mentees, max_mentors))
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    fans: dict[int, list[int]] = {}
    for a in mentees:
        for b in a.preferences:
            fans.setdefault(b, []).append(a.id)
    ranked = []
    for b in mentors:
        pool = fans.get(b.id, []) + [a.id for a in rng.sample(mentees, min(len(mentees), 2))]
        chosen = tuple(dict.fromkeys(pool))[: rng.randint(0, 3)] if rng.random() < 0.4 else ()
        ranked.append(dataclasses.replace(b, preferences=tuple(rng.sample(chosen, len(chosen)))))
    required = draw(st.sampled_from((frozenset(), frozenset(), frozenset({"preferences"}))))
    locked: tuple[tuple[int, int], ...] = ()
    if mentees and mentors and draw(st.booleans()):
        locked = ((mentees[0].id, ranked[-1].id),)
    return mentees, ranked, dataclasses.replace(options, required=required, locked=locked)


@pytest.fixture
def by_classes(monkeypatch):
    """Every instance through the class path, however few people share a class."""
    monkeypatch.setattr(matching, "_TYPE_MIN", 0)
    monkeypatch.setattr(matching, "_TYPE_SHARE", 1.0)


def _refuse(*args, **kwargs):
    raise AssertionError("the pool was scored")


def _classed(mentees, mentors, options) -> bool:
    """Whether the engine answers this instance class by class (with the fixture's constants): always,
    choices or not, unless nobody can be paired (no free mentee or no free place)."""
    problem = matching._Problem(mentees, mentors, options)
    locked_to, slots = matching._locked(problem, options)
    free_rows = (locked_to < 0) & problem.row_consent
    classed = matching._by_types(problem, options, free_rows, slots)
    assert classed or not (free_rows.any() and slots.any())
    return classed


@common(EXAMPLES["paths"])
@given(case=chosen_instances())
def test_with_choices_the_class_path_answers_as_the_couple_by_couple_path(by_classes, monkeypatch, case):
    mentees, mentors, options = case
    if not _classed(mentees, mentors, options):
        return  # nobody to pair (no mentor, no free mentee): the pool is empty anyway
    with monkeypatch.context() as patch:
        patch.setattr(matching, "_score_pool", _refuse)
        ours = match(mentees, mentors, options)
    with monkeypatch.context() as patch:
        patch.setattr(matching, "_by_types", lambda *args: False)
        theirs = match(mentees, mentors, options)
    # the same solver (by types) in both: the same pairs; then the same blocking couples and reasons
    assert ours.pairs == theirs.pairs
    assert ours.total_score == theirs.total_score
    assert ours.blocking_pairs == theirs.blocking_pairs
    assert ours.blocking == theirs.blocking
    assert ours.unmatched == theirs.unmatched
    assert ours.stats.get("certified") == theirs.stats.get("certified")


@common(EXAMPLES["optimum"])
@given(case=chosen_instances())
def test_with_choices_the_class_path_is_optimal_and_blocks_by_the_definition(by_classes, case):
    mentees, mentors, options = case
    options = dataclasses.replace(options, locked=())
    certificates: list[tuple] = []
    matching._on_certificate = lambda *args: certificates.append(args)
    try:
        result = match(mentees, mentors, options)
    finally:
        matching._on_certificate = None
    total, count = reference(mentees, mentors, options)
    if options.maximise_count:
        assert len(result.pairs) == count
    assert result.total_score == pytest.approx(total, abs=1e-6)
    assert result.stats["certified"] == 1.0
    check_certificate(mentees, mentors, options, result, certificates[0])
    assert result.blocking_pairs == len(result.blocking)  # small: every one is listed
    assert {(c.mentee, c.mentor) for c in result.blocking} == brute_blocking(
        mentees, mentors, options, result
    )


@common(EXAMPLES["assignments"])
@given(seed=st.integers(0, 2**32 - 1), share=st.sampled_from((0.03, 0.3)), limit=st.sampled_from((3, 200)))
def test_blocking_by_classes_with_choices_is_the_couple_by_couple_count_and_list(
    monkeypatch, seed, share, limit
):
    """Many blocking couples (more than listed), on assignments that are not optimal: the class-by-class
    count and list with the ranked couples merged in are those of the scored pool, couple for couple."""
    monkeypatch.setattr(matching, "BLOCKING_LISTED", limit)
    rng = random.Random(seed)
    mentees, mentors = _empty_with_choices(rng, 240, 70, share)
    problem = matching._Problem(mentees, mentors, matching.Settings())
    locked_to, slots = matching._locked(problem, problem.settings)
    free_rows = problem.row_consent.copy()
    final = np.full(problem.n, -1, dtype=np.int64)
    left = slots.copy()
    for i in range(problem.n):  # a random assignment within the places, the forms and the consent
        options = np.flatnonzero((left > 0) & problem.col_forms[problem.row_form[i]])
        if free_rows[i] and len(options) and rng.random() < 0.8:
            final[i] = rng.choice(options.tolist())
            left[final[i]] -= 1
    scored = matching._score_pool(problem, slots, free_rows, lambda done: None)
    expected = matching._blocking(problem, scored, final, locked_to, slots)
    found = matching._blocking_by_types(problem, final)
    assert found is not None
    assert found == expected
    assert expected[0] > limit or limit == 200


def _empty_with_choices(rng: random.Random, n: int, k: int, share: float):
    """Profiles not filled in yet (the grade only), two forms; ``share`` of the mentees name mentors
    and some of those mentors rank mentees back."""
    forms = ("pupil_pupil", "teacher_teacher")
    mentors = [
        Mentor(
            1000 + j,
            frozenset({forms[j % 2]}),
            frozenset(),
            frozenset(),
            rng.choice((9, 10, None)),
            None,
            "",
            False,
            True,
            True,
            rng.randint(1, 3),
            rng.choice((0, 0, 1)),
        )
        for j in range(k)
    ]
    mentees = []
    for i in range(n):
        form = forms[rng.random() < 0.3]
        named: tuple[int, ...] = ()
        if rng.random() < share:
            pool = [m.id for m in mentors if form in m.forms]
            named = tuple(rng.sample(pool, rng.randint(1, 3)))
        mentees.append(
            Mentee(
                1 + i, form, frozenset(), frozenset(), rng.choice((5, 6, 7, 8)), None, "", False, True, named
            )
        )
    fans: dict[int, list[int]] = {}
    for a in mentees:
        for b in a.preferences:
            fans.setdefault(b, []).append(a.id)
    mentors = [
        dataclasses.replace(m, preferences=tuple(rng.sample(fans[m.id], min(3, len(fans[m.id])))))
        if m.id in fans and rng.random() < 0.6
        else m
        for m in mentors
    ]
    return mentees, mentors


def test_a_few_choices_on_empty_profiles_never_score_the_pool(monkeypatch):
    """The bench's ``matching_10000_choices`` in miniature, with the engine's own constants: 3 % of
    the mentees name mentors; the run is answered class by class and its optimum is scipy's."""
    monkeypatch.setattr(matching, "_score_pool", _refuse)
    mentees, mentors = _empty_with_choices(random.Random(3), 450, 150, 0.03)
    assert sum(bool(m.preferences) for m in mentees) >= 8
    result = match(mentees, mentors)
    assert result.stats["certified"] == 1.0 and "types" in result.stats
    assert result.total_score == pytest.approx(reference(mentees, mentors, matching.Settings())[0], abs=1e-6)


@common(60)
@given(case=chosen_instances(max_mentees=30, max_mentors=10))
def test_the_stable_option_with_choices_still_leaves_no_blocking_couple(monkeypatch, case):
    """The class-by-class deferred acceptance knows no ranks: with choices the stable option scores the
    pool, and its assignment is stable by the definition (ranks first)."""
    monkeypatch.setattr(matching, "_TYPE_MIN", 0)
    monkeypatch.setattr(matching, "_TYPE_SHARE", 1.0)
    mentees, mentors, options = case
    options = dataclasses.replace(options, stable=True, maximise_count=False, locked=())
    result = match(mentees, mentors, options)
    assert brute_blocking(mentees, mentors, options, result) == set()
    assert result.blocking_pairs == 0
