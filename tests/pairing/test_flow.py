"""The compiled exact b-matching (pairing.flow) against scipy's dense assignment, on tie-heavy graphs.

Each instance is a random sparse graph with gains from a handful of values (many equal couples),
mentors of 0..3 places, and a random guess of the mentor prices to start from (zeros, small, far too
high): the solver's total must equal the optimum of ``linear_sum_assignment`` on the dense matrix with
every mentor repeated for its places and a "stays without a pair" column per mentee, and its prices
must prove it (feasible on every couple, complementary slackness, dual objective = total).
"""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linear_sum_assignment

from pairing import flow

EXAMPLES = 600


@st.composite
def graphs(draw):
    n = draw(st.integers(0, 30))
    k = draw(st.integers(1, 12))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    density = draw(st.sampled_from((0.1, 0.3, 0.7, 1.0)))
    levels = draw(st.sampled_from((1, 2, 4, 50)))  # 1: every couple equal
    scale = draw(st.sampled_from((1.0, 0.5, 7.3, 1000.0)))
    mask = rng.random((n, k)) < density
    values = (rng.integers(1, levels + 1, (n, k)) * scale).astype(np.float64)
    slots = rng.integers(0, 4, k).astype(np.int64)
    guess = draw(st.sampled_from(("zero", "small", "high")))
    prices = {
        "zero": np.zeros(k),
        "small": rng.random(k) * scale,
        "high": rng.random(k) * scale * levels * 3,
    }[guess]
    return mask, values, slots, prices, rng.permutation(n)


def optimum(mask, values, slots) -> float:
    n = mask.shape[0]
    if n == 0:
        return 0.0
    dense = np.repeat(np.where(mask, values, 0.0), slots, axis=1)
    dense = np.hstack([dense, np.zeros((n, n))])
    rows, cols = linear_sum_assignment(dense, maximize=True)
    return float(dense[rows, cols].sum())


@settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True)
@given(graphs())
def test_solver_reaches_the_optimum_and_its_prices_prove_it(graph):
    mask, values, slots, prices, order = graph
    n, k = mask.shape
    rows, cols = np.nonzero(mask)
    gains = values[rows, cols]
    indptr = np.searchsorted(rows, np.arange(n + 1)).astype(np.int64)
    cols = cols.astype(np.int64)
    assigned, u, v, _scanned = flow.solve(indptr, cols, gains, slots, order.astype(np.int64), prices)
    matched = np.flatnonzero(assigned >= 0)
    assert mask[matched, assigned[matched]].all()
    assert (np.bincount(assigned[matched], minlength=k) <= slots).all()
    total = float(values[matched, assigned[matched]].sum())
    assert abs(total - optimum(mask, values, slots)) <= 1e-9 * max(1.0, total)
    for prices_u, prices_v in ((u, v), flow.distances(indptr, cols, gains, slots, assigned, u, v)):
        tolerance = 1e-9 * max(1.0, float(values.max(initial=1.0)))
        assert (prices_u >= 0).all() and (prices_v >= 0).all()
        if len(rows):
            assert (gains - prices_u[rows] - prices_v[cols]).max() <= tolerance  # feasible
        assert np.allclose(
            prices_u[matched] + prices_v[assigned[matched]], values[matched, assigned[matched]]
        )
        assert (prices_u[assigned < 0] <= tolerance).all()  # without a pair: price 0
        free = np.bincount(assigned[matched], minlength=k) < slots
        assert (prices_v[free] <= tolerance).all()  # a free place: price 0
        assert abs(prices_u.sum() + (slots * prices_v).sum() - total) <= tolerance * (n + k + 1)


def test_a_wrong_guess_of_prices_is_corrected():
    """Two mentees, one mentor of one place priced far above what anyone would pay: the backward phase
    lowers the price until the better mentee takes the place."""
    indptr = np.array([0, 1, 2], dtype=np.int64)
    cols = np.array([0, 0], dtype=np.int64)
    gains = np.array([3.0, 5.0])
    assigned, u, v, _ = flow.solve(indptr, cols, gains, np.array([1]), np.array([0, 1]), np.array([100.0]))
    assert assigned.tolist() == [-1, 0]
    assert v[0] <= 5.0 and u[1] + v[0] == 5.0 and u[0] == 0.0


@settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True)
@given(graphs(), st.integers(0, 2**32 - 1))
def test_resuming_from_the_optimum_of_a_smaller_graph_reaches_the_optimum(graph, seed):
    """The proof's repair rounds: the optimum of part of the couples and its prices (recomputed as
    distances), then every couple; only the mentees whose couples the prices no longer hold are added
    again. The total is the dense optimum of every couple and the new prices prove it."""
    mask, values, slots, _prices, _order = graph
    n, k = mask.shape
    part = mask & (np.random.default_rng(seed).random(mask.shape) < 0.5)

    def csr(chosen):
        rows, cols = np.nonzero(chosen)
        return rows, cols.astype(np.int64), values[rows, cols], np.searchsorted(rows, np.arange(n + 1))

    rows, cols, gains, indptr = csr(part)
    assigned, u, v, _ = flow.solve(indptr, cols, gains, slots, np.arange(n), np.zeros(k))
    u, v = flow.distances(indptr, cols, gains, slots, assigned, u, v)
    rows, cols, gains, indptr = csr(mask)
    broken = np.zeros(n, dtype=bool)
    broken[rows[gains - u[rows] - v[cols] > 1e-9]] = True
    assigned, u, v, _ = flow.resume(indptr, cols, gains, slots, np.flatnonzero(broken), v, assigned, u)
    matched = np.flatnonzero(assigned >= 0)
    assert mask[matched, assigned[matched]].all()
    assert (np.bincount(assigned[matched], minlength=k) <= slots).all()
    total = float(values[matched, assigned[matched]].sum())
    assert abs(total - optimum(mask, values, slots)) <= 1e-9 * max(1.0, total)
    tolerance = 1e-9 * max(1.0, float(values.max(initial=1.0)))
    if len(rows):
        assert (gains - u[rows] - v[cols]).max() <= tolerance
    assert abs(u.sum() + (slots * v).sum() - total) <= tolerance * (n + k + 1)
