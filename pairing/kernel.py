"""Compiled loops of the matching engine (numba): the score of every couple of a pool without the
numpy temporaries, each mentee's best couples, and the small per-row selections of the proof.

Pure module, no Django. The score is the arithmetic of ``matching._Problem._scores`` couple by couple
in float64 (the same operations, so the same value up to a last-digit rounding); the engine compares it
with a margin far above that rounding (``_SLACK``), and the scores of the couples it proposes come
from the numpy scorer. ``tests/pairing/test_kernel.py`` checks the two scorers against each other.

The arrays of a problem travel as one tuple (:func:`pack`), the settings as a float64 vector.
"""

from __future__ import annotations

import numpy as np
from numba import njit, prange

# the settings vector
W_REQ, W_INT, W_PREF, W_GAP, W_SUBJ, W_SPECIAL, W_LOAD, W_AREA, W_GRADES, W_RISK, W_AVAIL = range(11)
(
    REQ_REQ,
    REQ_INT,
    REQ_PREF,
    REQ_GAP,
    REQ_SUBJ,
    REQ_SPECIAL,
    REQ_AREA,
    REQ_GRADES,
    REQ_RISK,
    REQ_AVAIL,
) = range(11, 21)
GRADE_SPAN, AGE_SPAN, POWER, THRESHOLD, MAXIMISE, SLACK, BROAD, REQ_BROAD_ANY, AREA_BROAD_ANY = range(21, 30)
SIZE = 30
NEG = -np.inf


@njit(cache=True, inline="always")
def _pop(x):
    x = x - ((x >> np.uint64(1)) & np.uint64(0x5555555555555555))
    x = (x & np.uint64(0x3333333333333333)) + ((x >> np.uint64(2)) & np.uint64(0x3333333333333333))
    x = (x + (x >> np.uint64(4))) & np.uint64(0x0F0F0F0F0F0F0F0F)
    return (x * np.uint64(0x0101010101010101)) >> np.uint64(56)


@njit(cache=True, inline="always")
def _overlap(a, i, b, j):
    total = 0
    for word in range(a.shape[1]):
        total += _pop(a[i, word] & b[j, word])
    return total


@njit(cache=True, inline="always")
def _eligible(value, s):
    if value < 0 or value < s[THRESHOLD] - s[SLACK]:
        return False
    return s[MAXIMISE] > 0 or value > 0


@njit(cache=True)
def _row(i, cols, p, s, free, pref_indptr, pref_col, forb_indptr, forb_col, out):
    """Scores of mentee i against ``cols`` (ascending) into ``out``: the score where the couple is
    allowed (-1 where forbidden, where an «обязательно» criterion is not met, or where the mentee is
    not free). Returns the best of them. (The arithmetic of ``matching._Problem._scores``.)"""
    (
        req_bits,
        req_broad_bits,
        req_count,
        has_req,
        int_bits,
        has_int,
        area_bits,
        area_broad_bits,
        area_count,
        has_area,
        row_at_risk,
        row_days,
        row_formats,
        row_grade_raw,
        row_age_raw,
        row_pref,
        row_grade,
        row_has_grade,
        row_age,
        row_has_age,
        row_subject_bits,
        row_has_subject,
        row_special,
        col_comp,
        col_int,
        col_area,
        col_subject_bits,
        col_at_risk,
        col_days,
        col_formats,
        col_has_pg,
        col_pg_low,
        col_pg_high,
        col_has_pa,
        col_pa_low,
        col_pa_high,
        col_pref,
        col_grade,
        col_has_grade,
        col_age,
        col_has_age,
        col_special,
        col_load,
        pref_points,
    ) = p
    s_age_span = s[AGE_SPAN]
    s_area_broad_any = s[AREA_BROAD_ANY]
    s_broad = s[BROAD]
    s_grade_span = s[GRADE_SPAN]
    s_power = s[POWER]
    s_req_area = s[REQ_AREA]
    s_req_avail = s[REQ_AVAIL]
    s_req_broad_any = s[REQ_BROAD_ANY]
    s_req_gap = s[REQ_GAP]
    s_req_grades = s[REQ_GRADES]
    s_req_int = s[REQ_INT]
    s_req_pref = s[REQ_PREF]
    s_req_req = s[REQ_REQ]
    s_req_risk = s[REQ_RISK]
    s_req_special = s[REQ_SPECIAL]
    s_req_subj = s[REQ_SUBJ]
    s_w_area = s[W_AREA]
    s_w_avail = s[W_AVAIL]
    s_w_gap = s[W_GAP]
    s_w_grades = s[W_GRADES]
    s_w_int = s[W_INT]
    s_w_load = s[W_LOAD]
    s_w_pref = s[W_PREF]
    s_w_req = s[W_REQ]
    s_w_risk = s[W_RISK]
    s_w_special = s[W_SPECIAL]
    s_w_subj = s[W_SUBJ]
    pa, pb = pref_indptr[i], pref_indptr[i + 1]
    xa, xb = forb_indptr[i], forb_indptr[i + 1]
    best = -1.0
    for t in range(len(cols)):
        j = cols[t]
        while pa < pb and pref_col[pa] < j:
            pa += 1
        while xa < xb and forb_col[xa] < j:
            xa += 1
        if not free[i] or (xa < xb and forb_col[xa] == j):
            out[t] = -1.0
            continue
        pref_at = pa if (pa < pb and pref_col[pa] == j) else -1
        fail = False
        points = 0.0
        weight = s_w_req * has_req[i] if s_w_req > 0 else 0.0
        if s_w_req > 0 or s_req_req > 0:
            overlap = float(_overlap(req_bits, i, col_comp, j))
            if s_req_broad_any > 0:
                overlap = overlap + s_broad * _overlap(req_broad_bits, i, col_comp, j)
            if s_w_req > 0:
                points = s_w_req * overlap / req_count[i]
            if s_req_req > 0 and has_req[i] and overlap == 0:
                fail = True
        if s_w_int > 0 or s_req_int > 0:
            shared = _overlap(int_bits, i, col_int, j) > 0
            if s_w_int > 0 and shared:
                points += s_w_int
                weight += s_w_int
            if s_req_int > 0 and has_int[i] and not shared:
                fail = True
        if s_w_pref > 0 or s_req_pref > 0:
            chosen = row_pref[i] or col_pref[j]
            if s_w_pref > 0:
                if pref_at >= 0:
                    points += pref_points[pref_at]
                if chosen:
                    weight += s_w_pref
            if s_req_pref > 0 and chosen and pref_at < 0:
                fail = True
        if s_w_gap > 0 or s_req_gap > 0:
            by_grade = row_has_grade[i] and col_has_grade[j]
            by_age = (not by_grade) and row_has_age[i] and col_has_age[j]
            within = False
            if by_grade and s_grade_span >= 0:
                d = col_grade[j] - row_grade[i]
                within = d >= 0 and d <= s_grade_span
            elif by_age and s_age_span >= 0:
                d = col_age[j] - row_age[i]
                within = d >= 0 and d <= s_age_span
            compared = by_grade or by_age
            if s_w_gap > 0:
                if within:
                    points += s_w_gap
                if compared:
                    weight += s_w_gap
            if s_req_gap > 0 and compared and not within:
                fail = True
        if (s_w_subj > 0 or s_req_subj > 0) and row_has_subject[i]:
            same = _overlap(row_subject_bits, i, col_subject_bits, j) > 0
            if s_w_subj > 0:
                if same:
                    points += s_w_subj
                weight += s_w_subj
            if s_req_subj > 0 and not same:
                fail = True
        if (s_w_special > 0 or s_req_special > 0) and row_special[i]:
            if s_w_special > 0:
                if col_special[j]:
                    points += s_w_special
                weight += s_w_special
            if s_req_special > 0 and not col_special[j]:
                fail = True
        if s_w_load > 0:
            points += col_load[j]
            weight += s_w_load
        if (s_w_area > 0 or s_req_area > 0) and has_area[i]:
            overlap = float(_overlap(area_bits, i, col_area, j))
            if s_area_broad_any > 0:
                overlap = overlap + s_broad * _overlap(area_broad_bits, i, col_area, j)
            if s_w_area > 0:
                points += s_w_area * overlap / area_count[i]
                weight += s_w_area
            if s_req_area > 0 and overlap == 0:
                fail = True
        if s_w_grades > 0 or s_req_grades > 0:
            g, a = row_grade_raw[i], row_age_raw[i]
            by_grade = col_has_pg[j] and g >= 0
            by_age = (not by_grade) and col_has_pa[j] and a >= 0
            within = (by_grade and g >= col_pg_low[j] and g <= col_pg_high[j]) or (
                by_age and a >= col_pa_low[j] and a <= col_pa_high[j]
            )
            applies = by_grade or by_age
            if s_w_grades > 0:
                if within:
                    points += s_w_grades
                if applies:
                    weight += s_w_grades
            if s_req_grades > 0 and applies and not within:
                fail = True
        if (s_w_risk > 0 or s_req_risk > 0) and row_at_risk[i]:
            if s_w_risk > 0:
                if col_at_risk[j]:
                    points += s_w_risk
                weight += s_w_risk
            if s_req_risk > 0 and not col_at_risk[j]:
                fail = True
        if s_w_avail > 0 or s_req_avail > 0:
            da, db, fa, fb = row_days[i], col_days[j], row_formats[i], col_formats[j]
            applies = ((da | fa) != 0) and ((db | fb) != 0)
            met = (
                applies and (da == 0 or db == 0 or (da & db) != 0) and (fa == 0 or fb == 0 or (fa & fb) != 0)
            )
            if s_w_avail > 0:
                if met:
                    points += s_w_avail
                if applies:
                    weight += s_w_avail
            if s_req_avail > 0 and applies and not met:
                fail = True
        if fail:
            value = -1.0
        else:
            if s_w_load <= 0 and weight < 2.2250738585072014e-308:
                weight = 2.2250738585072014e-308
            value = points * 100.0 / weight
            if s_power != 1.0 and value > 0:
                value = 100.0 * (value / 100.0) ** s_power
        out[t] = value
        if value > best:
            best = value
    return best


@njit(cache=True, parallel=True)
def dense(rows, cols, p, s, free, pref_indptr, pref_col, forb_indptr, forb_col):
    """Scores of rows × cols (cols ascending), -inf where the couple may not be proposed."""
    out = np.empty((len(rows), len(cols)))
    for t in prange(len(rows)):
        buffer = np.empty(len(cols))
        _row(rows[t], cols, p, s, free, pref_indptr, pref_col, forb_indptr, forb_col, buffer)
        for c in range(len(cols)):
            out[t, c] = buffer[c] if _eligible(buffer[c], s) else NEG
    return out


@njit(cache=True, inline="always")
def _spread(i, j):
    """A deterministic number in [0, 1) per couple, to draw evenly among equal scores."""
    x = (i * 0.6180339887498949 + j * 0.7548776662466927) % 1.0
    return x


@njit(cache=True, parallel=True)
def best(rows, cols, keep, p, s, free, pref_indptr, pref_col, forb_indptr, forb_col):
    """Each row's ``keep`` best eligible couples against ``cols`` (ascending), equal ones drawn evenly
    over the columns. Returns (count per row, their columns, their scores — ``keep`` slots per row —, the
    best score of anything kept out (-inf: nothing), the best allowed score (-1: none))."""
    n = len(rows)
    count = np.zeros(n, dtype=np.int64)
    out_cols = np.empty((n, keep), dtype=np.int32)
    out_scores = np.empty((n, keep))
    rest = np.full(n, NEG)
    best_any = np.empty(n)
    for t in prange(n):
        width = len(cols)
        full = np.empty(width)
        best_any[t] = _row(rows[t], cols, p, s, free, pref_indptr, pref_col, forb_indptr, forb_col, full)
        values = np.empty(width)
        good = 0
        for c in range(width):
            if _eligible(full[c], s):
                values[good] = full[c]
                good += 1
            else:
                full[c] = NEG
        m = 0
        if good <= keep:
            for c in range(width):
                if full[c] != NEG:
                    out_cols[t, m] = cols[c]
                    out_scores[t, m] = full[c]
                    m += 1
            count[t] = m
            continue
        cut = np.partition(values[:good], good - keep)[good - keep]  # the keep-th largest
        for c in range(width):
            if full[c] > cut:
                out_cols[t, m] = cols[c]
                out_scores[t, m] = full[c]
                m += 1
        # the equal ones from a point of the row that depends on the row, round the columns
        start = int(_spread(rows[t], 0) * width)
        top_rest = NEG
        for step in range(width):
            c = start + step
            if c >= width:
                c -= width
            v = full[c]
            if v == NEG or v > cut:
                continue
            if v == cut and m < keep:
                out_cols[t, m] = cols[c]
                out_scores[t, m] = v
                m += 1
            elif v > top_rest:
                top_rest = v
        count[t] = m
        rest[t] = top_rest
    return count, out_cols, out_scores, rest, best_any


@njit(cache=True)
def row_top(indptr, rows_of, values, mask, limit, jitter):
    """Indices of the entries (grouped by row through ``indptr``) where ``mask`` holds, at most
    ``limit`` per row: those of the largest value, equal ones (within ``jitter``) drawn evenly."""
    n = len(indptr) - 1
    picked = np.zeros(len(values), dtype=np.bool_)
    for i in range(n):
        a, b = indptr[i], indptr[i + 1]
        good = 0
        for e in range(a, b):
            if mask[e]:
                good += 1
        if good == 0:
            continue
        if good <= limit:
            for e in range(a, b):
                if mask[e]:
                    picked[e] = True
            continue
        keys = np.empty(good)
        at = np.empty(good, dtype=np.int64)
        m = 0
        for e in range(a, b):
            if mask[e]:
                keys[m] = values[e] + jitter * _spread(rows_of[e], e - a)
                at[m] = e
                m += 1
        order = np.argsort(-keys)
        for t in range(limit):
            picked[at[order[t]]] = True
    return np.flatnonzero(picked)


@njit(cache=True)
def column_top(cols, rows_of, values, mask, n_cols, limit, jitter):
    """Indices of the entries where ``mask`` holds, at most ``limit`` per column: the largest values
    (equal ones drawn evenly)."""
    best_key = np.full((n_cols, limit), -np.inf)
    best_at = np.full((n_cols, limit), -1, dtype=np.int64)
    for e in range(len(values)):
        if not mask[e]:
            continue
        j = cols[e]
        key = values[e] + jitter * _spread(rows_of[e], j)
        low = 0
        for t in range(1, limit):
            if best_key[j, t] < best_key[j, low]:
                low = t
        if key > best_key[j, low]:
            best_key[j, low] = key
            best_at[j, low] = e
    out = best_at.ravel()
    return out[out >= 0]


@njit(cache=True)
def row_max(indptr, values):
    out = np.full(len(indptr) - 1, -np.inf)
    for i in range(len(indptr) - 1):
        for e in range(indptr[i], indptr[i + 1]):
            if values[e] > out[i]:
                out[i] = values[e]
    return out


@njit(cache=True)
def _pick_top(picked, at, keys, good, limit):
    """Mark the ``limit`` largest of keys[:good] (their entries at[:good]) in ``picked``."""
    if good <= limit:
        for t in range(good):
            picked[at[t]] = True
        return
    cut = np.partition(keys[:good], good - limit)[good - limit]
    m = 0
    for t in range(good):
        if keys[t] > cut:
            picked[at[t]] = True
            m += 1
    for t in range(good):
        if m >= limit:
            break
        if keys[t] == cut:
            picked[at[t]] = True
            m += 1


@njit(cache=True)
def near(indptr, cols, scores, shift, base, use_max, low, strict, limit, jitter):
    """The kept couples whose value x = score - shift[column] reaches base[row] + low (above it with
    ``strict``; with ``use_max`` the base is the row's largest x, at least 0), at most ``limit`` per row:
    the largest x, equal ones drawn evenly. A mask of the entries."""
    n = len(indptr) - 1
    picked = np.zeros(len(scores), dtype=np.bool_)
    longest = 0
    for i in range(n):
        longest = max(longest, indptr[i + 1] - indptr[i])
    keys = np.empty(longest)
    at = np.empty(longest, dtype=np.int64)
    for i in range(n):
        a, b = indptr[i], indptr[i + 1]
        if a == b:
            continue
        if use_max:
            top = 0.0
            for e in range(a, b):
                x = scores[e] - shift[cols[e]]
                if x > top:
                    top = x
            threshold = top + low
        else:
            threshold = base[i] + low
        good = 0
        for e in range(a, b):
            x = scores[e] - shift[cols[e]]
            if x > threshold or (not strict and x == threshold):
                keys[good] = x + jitter * _spread(i, cols[e])
                at[good] = e
                good += 1
        _pick_top(picked, at, keys, good, limit)
    return picked


@njit(cache=True)
def better(indptr, cols, scores, shift, held, limit, jitter):
    """For the rows whose best kept value (score - shift[column]) is above ``held[row]``: their
    ``limit`` best entries (equal ones drawn evenly). A mask of the entries."""
    n = len(indptr) - 1
    picked = np.zeros(len(scores), dtype=np.bool_)
    longest = 0
    for i in range(n):
        longest = max(longest, indptr[i + 1] - indptr[i])
    keys = np.empty(longest)
    at = np.empty(longest, dtype=np.int64)
    for i in range(n):
        a, b = indptr[i], indptr[i + 1]
        top = -np.inf
        for e in range(a, b):
            x = scores[e] - shift[cols[e]]
            if x > top:
                top = x
        if not top > held[i]:
            continue
        good = 0
        for e in range(a, b):
            keys[good] = scores[e] - shift[cols[e]] + jitter * _spread(i, cols[e])
            at[good] = e
            good += 1
        _pick_top(picked, at, keys, good, limit)
    return picked


@njit(cache=True)
def band(indptr, cols, scores, shift, base, low, high):
    """A mask of the kept couples with low < score - shift[column] - base[row] <= high."""
    picked = np.zeros(len(scores), dtype=np.bool_)
    for i in range(len(indptr) - 1):
        for e in range(indptr[i], indptr[i + 1]):
            x = scores[e] - shift[cols[e]] - base[i]
            if x > low and x <= high:
                picked[e] = True
    return picked


@njit(cache=True)
def row_best(indptr, cols, scores, shift):
    """Per row: the largest score - shift[column] of its kept couples (-inf: none)."""
    out = np.full(len(indptr) - 1, -np.inf)
    for i in range(len(indptr) - 1):
        for e in range(indptr[i], indptr[i + 1]):
            x = scores[e] - shift[cols[e]]
            if x > out[i]:
                out[i] = x
    return out


@njit(cache=True, parallel=True)
def violated(
    rows, cols, limit, u, shift, low, most, p, s, free, pref_indptr, pref_col, forb_indptr, forb_col
):
    """For each of ``rows``: its couples with the mentors of ``cols`` (ascending) whose shift is below
    the row's ``limit`` (the others cannot matter) whose eligible score - shift[column] - u[row] is
    above ``low``; at most ``most`` per row, the largest first. Returns (count per row, their columns)."""
    n = len(rows)
    count = np.zeros(n, dtype=np.int64)
    found = np.empty((n, most), dtype=np.int64)
    for t in prange(n):
        i = rows[t]
        m = 0
        for c in range(len(cols)):
            if shift[cols[c]] < limit[t]:
                m += 1
        if m == 0:
            continue
        use = np.empty(m, dtype=cols.dtype)
        m = 0
        for c in range(len(cols)):
            if shift[cols[c]] < limit[t]:
                use[m] = cols[c]
                m += 1
        values = np.empty(m)
        _row(i, use, p, s, free, pref_indptr, pref_col, forb_indptr, forb_col, values)
        keys = np.empty(m)
        at = np.empty(m, dtype=np.int64)
        good = 0
        for c in range(m):
            if _eligible(values[c], s):
                x = values[c] - shift[use[c]] - u[i]
                if x > low:
                    keys[good] = x
                    at[good] = use[c]
                    good += 1
        if good > most:
            order = np.argsort(-keys[:good])[:most]
            for q in range(most):
                found[t, q] = at[order[q]]
            count[t] = most
        else:
            for q in range(good):
                found[t, q] = at[q]
            count[t] = good
    return count, found
