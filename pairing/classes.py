"""Interchangeable people: questions about every couple answered class by class.

People of one class (a mentee type or a mentor type of :meth:`pairing.matching._Problem.types`) are
alike in everything the score and the hard constraints read, so every couple of a row class and a
column class has one score and one verdict. With empty or tie-heavy profiles a few dozen classes
stand for thousands of people, and a question about the n × k couples (which ones block the
assignment? what is a mentee's best allowed couple?) costs classes × classes, never n × k.

Pure numpy, no Django: the engine passes the class of each person and the table of the couples of
classes; the answers are exact (the same as couple by couple), not estimates.
"""

from __future__ import annotations

import numpy as np

# One side prefers a couple only when its score is higher by more than this: scores 0..100 that are equal
# but for float rounding (the same points summed in another order) are equal, not a preference. Also
# the blocking couples' count of :mod:`pairing.matching`, which this lets settle the couples tied with
# what people have by the compiled scores alone.
TIE = 1e-7

__all__ = ["TIE", "best_by_row", "blocking"]


def _groups(columns: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(group of each item, first item of each group, size of each group): items alike in every column."""
    if len(columns[0]) == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty
    table = np.stack([np.asarray(c) for c in columns], axis=1)
    _, first, inverse, sizes = np.unique(
        table, axis=0, return_index=True, return_inverse=True, return_counts=True
    )
    return inverse.ravel().astype(np.int64), first.astype(np.int64), sizes.astype(np.int64)


def _float_key(values: np.ndarray) -> np.ndarray:
    """Floats as int64 keys equal exactly when the floats are (-0.0 read as 0.0)."""
    return (np.asarray(values, dtype=np.float64) + 0.0).view(np.int64)


def best_by_row(
    row_class: np.ndarray, table_scores: np.ndarray, table_allowed: np.ndarray, usable_cols: np.ndarray
) -> np.ndarray:
    """Per row: the best score of an allowed couple with a column class in ``usable_cols`` (-1: none).

    A couple that is not allowed counts as -1 (the scorer's mark for a forbidden couple)."""
    if table_scores.shape[1] == 0 or not usable_cols.any():
        return np.full(len(row_class), -1.0)
    values = np.where(table_allowed[:, usable_cols], table_scores[:, usable_cols], -1.0)
    best = np.maximum(values.max(axis=1), -1.0)
    return best[row_class]


def blocking(
    row_class: np.ndarray,
    col_class: np.ndarray,
    table_scores: np.ndarray,
    table_ok: np.ndarray,
    current: np.ndarray,
    full: np.ndarray,
    worst: np.ndarray,
    limit: int,
    max_groups: int = 25_000_000,
) -> tuple[int, np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None:
    """The couples (i, j) that block an assignment where nobody ranks anybody (no networking choices).

    ``table_scores[a, b]``/``table_ok[a, b]``: the score of a couple of row class a and column class b,
    and whether it may be proposed at all (allowed and eligible). ``current[i]``: mentee i's score now
    (-inf: no pair); ``full[j]``: mentor j has no free place; ``worst[j]``: the lowest score among its
    mentees (+inf: none). A couple blocks when it may be proposed, the mentee gains (no pair, or a
    higher score by more than ``TIE``) and the mentor gains (a free place, or a score higher than its
    worst pair's by more than ``TIE``). The pair itself never blocks (its score is the mentee's current
    score, not above it).

    Returns (how many block, then the first ``limit`` of them by the largest gain for the mentee, then
    mentee, then mentor: rows, columns, scores, gains), or None when the people fall into more than
    ``max_groups`` couples of groups (then the caller asks couple by couple)."""
    row_group, row_first, row_size = _groups([row_class, _float_key(current)])
    col_group, col_first, col_size = _groups(
        [col_class, full.astype(np.int64), _float_key(worst)]
    )
    none = (0, np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0), np.zeros(0))
    if len(row_first) == 0 or len(col_first) == 0:
        return none
    if len(row_first) * len(col_first) > max_groups:
        return None
    rc, cc = row_class[row_first], col_class[col_first]
    cur = current[row_first]
    scores = table_scores[rc][:, cc]
    block = table_ok[rc][:, cc] & (scores > cur[:, None] + TIE)
    block &= ~full[col_first][None, :] | (scores > worst[col_first][None, :] + TIE)
    gr, gc = np.nonzero(block)
    if len(gr) == 0:
        return none
    counts = row_size[gr] * col_size[gc]
    total = int(counts.sum())
    pair_scores = scores[gr, gc]
    gains = pair_scores - np.where(np.isfinite(cur[gr]), cur[gr], 0.0)

    # the listed couples: the group couples with the largest gains, enough of them to list ``limit``
    # couples (all of those with the last gain needed, since mentee and mentor order equal gains)
    order = np.argsort(-gains, kind="stable")
    reach = np.cumsum(counts[order])
    cut = int(np.searchsorted(reach, min(limit, total)))
    last_gain = gains[order[min(cut, len(order) - 1)]]
    take = np.flatnonzero(gains >= last_gain)

    def members(group: np.ndarray, count: int) -> tuple[np.ndarray, np.ndarray]:
        ordered = np.argsort(group, kind="stable")  # each group's people in ascending order
        starts = np.searchsorted(group[ordered], np.arange(count))
        return ordered, starts

    rows_ordered, rows_start = members(row_group, len(row_first))
    cols_ordered, cols_start = members(col_group, len(col_first))
    parts_rows, parts_cols, parts_scores, parts_gains = [], [], [], []
    for t in take.tolist():
        a, b = int(gr[t]), int(gc[t])
        # the first ``limit`` couples of a group couple in (mentee, mentor) order lie in its first
        # ceil(limit / mentors) mentees and first ``limit`` mentors
        width = min(limit, int(col_size[b]))
        height = min(int(row_size[a]), -(-limit // max(width, 1)))
        r = rows_ordered[rows_start[a] : rows_start[a] + height]
        c = cols_ordered[cols_start[b] : cols_start[b] + width]
        parts_rows.append(np.repeat(r, len(c)))
        parts_cols.append(np.tile(c, len(r)))
        parts_scores.append(np.full(len(r) * len(c), pair_scores[t]))
        parts_gains.append(np.full(len(r) * len(c), gains[t]))
    rows = np.concatenate(parts_rows).astype(np.int64)
    cols = np.concatenate(parts_cols).astype(np.int64)
    listed_scores = np.concatenate(parts_scores)
    listed_gains = np.concatenate(parts_gains)
    first = np.lexsort((cols, rows, -listed_gains))[:limit]
    return total, rows[first], cols[first], listed_scores[first], listed_gains[first]
