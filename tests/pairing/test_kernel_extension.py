"""``kernel.extension``, the next couples of a deferred acceptance list, against a plain reading of its
contract: per line, the wanted couples after the cursor (score, then the line's turn over the mentors),
the ``keep`` best of them in that order, and whether others are left. Inputs built to break it: few
distinct scores (ties everywhere), cursors inside a run of ties, marks and limits, keeps from 1 up."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from pairing import kernel


def expected(found, limit, mark, cursor_score, cursor_turn, offset, keep):
    """Each line's wanted couples after its cursor, sorted: [(score, turn, mentor)], and the first keep."""
    lines, width = found.shape
    out = []
    for r in range(lines):
        found_here = []
        for t in range(width):
            p = (offset[r] + t) % width
            s = found[r, p]
            if s == -np.inf or mark[r, p] < 0 or (mark[r, p] == 0 and s < limit[p]):
                continue
            if s > cursor_score[r] or (s == cursor_score[r] and t <= cursor_turn[r]):
                continue
            found_here.append((-s, t, p))
        found_here.sort()
        out.append(found_here)
    return out


@st.composite
def blocks(draw):
    lines, width = draw(st.integers(1, 6)), draw(st.integers(1, 40))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    levels = rng.choice([-np.inf, 10.0, 20.0, 20.5, 50.0], size=draw(st.integers(1, 5)), replace=False)
    found = rng.choice(levels, size=(lines, width))
    limit = rng.choice([-np.inf, -np.inf, 15.0, 20.0, np.inf], size=width)
    mark = rng.choice(np.array([0, 0, 0, 1, -1], dtype=np.int8), size=(lines, width))
    cursor_score = rng.choice([np.inf, 50.0, 20.0, 20.5, 10.0], size=lines)
    cursor_turn = np.where(np.isinf(cursor_score), -1, rng.integers(-1, width, size=lines))
    offset = rng.integers(0, width, size=lines)
    keep = rng.integers(1, width + 1, size=lines)
    return found, limit, mark, cursor_score, cursor_turn.astype(np.int64), offset.astype(np.int64), keep


@settings(max_examples=400, deadline=None)
@given(block=blocks())
def test_the_next_couples_are_the_best_after_the_cursor_in_order(block):
    found, limit, mark, cursor_score, cursor_turn, offset, keep = block
    count, places, scores, more = kernel.extension(*block)
    assert count.sum() == len(places) == len(scores)
    at = 0
    for r, wanted in enumerate(expected(*block)):
        taken = wanted[: keep[r]]
        assert count[r] == len(taken)
        assert places[at : at + count[r]].tolist() == [p for _s, _t, p in taken]
        assert scores[at : at + count[r]].tolist() == [-s for s, _t, _p in taken]
        # others left: said so; said so with none left only where the line stopped early, full
        assert more[r] or len(wanted) <= keep[r]
        assert not more[r] or len(wanted) > keep[r] or count[r] == keep[r]
        at += count[r]
