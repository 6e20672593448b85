"""The compiled scorer (pairing/kernel.py) against the numpy scorer the engine proves its answer with,
couple by couple, on instances of every criterion: «обязательно» filters, broader terms counted half,
preferred grades, availability, networking choices, exclusions, the fairness power — and each
mentee's kept couples and the bound on those left out."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from pairing import kernel, matching
from pairing.matching import Settings

from .test_matching_properties import common
from .test_matching_properties import instances as tie_instances
from .test_meaning_properties import instances as meaning_instances


def reference(problem, free):
    """The numpy scorer's float64 scores, -inf where the couple may not be proposed (its form allows
    it; forbidden couples, mentees not free and unmet «обязательно» are not eligible)."""
    cols = np.arange(problem.k)
    scores = problem.block(0, problem.n, cols, cols).astype(np.float64)
    scores[~free] = -1.0
    return np.where(problem.eligible(scores, matching._SLACK), scores, -np.inf)


def compare(mentees, mentors, options):
    problem = matching._Problem(mentees, mentors, options)
    if options.fairness > 0:
        problem = problem.fair_view()
    if problem.n == 0 or problem.k == 0:
        return
    free = problem.row_consent.copy()
    expected = reference(problem, free)
    args = problem.kernel_args(free)
    got = problem.dense(np.arange(problem.n), np.arange(problem.k), args)
    assert np.array_equal(np.isfinite(got), np.isfinite(expected))
    both = np.isfinite(got)
    assert np.allclose(got[both], expected[both], rtol=0, atol=1e-9)
    # each mentee's best two kept, and nothing left out scores above the bound
    count, cols, scores, rest, best_any = kernel.best(np.arange(problem.n), np.arange(problem.k), 2, *args)
    for i in range(problem.n):
        row = expected[i]
        kept = cols[i, : count[i]]
        assert count[i] == min(2, int(np.isfinite(row).sum()))
        assert np.allclose(scores[i, : count[i]], row[kept], atol=1e-9)
        left = np.setdiff1d(np.flatnonzero(np.isfinite(row)), kept)
        if len(left):
            assert row[left].max() == rest[i] or abs(row[left].max() - rest[i]) < 1e-9
            assert row[kept].min() >= rest[i] - 1e-9  # the best ones were kept
        else:
            assert rest[i] == -np.inf


@common(300)
@given(case=meaning_instances(), fairness=st.sampled_from((0.0, 0.0, 0.6)))
def test_compiled_scores_are_the_numpy_ones_with_the_criteria_of_meaning(case, fairness):
    mentees, mentors, options = case
    compare(mentees, mentors, Settings(**{**options.__dict__, "fairness": fairness}))


@common(200)
@given(case=tie_instances())
def test_compiled_scores_are_the_numpy_ones_with_ties_and_choices(case):
    compare(*case)
