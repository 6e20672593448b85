"""Compiled loops of the matching engine (numba): the score of every couple of a pool without the
numpy temporaries, each mentee's best couples, and the small per-row selections of the proof.

Pure module, no Django. The score is the arithmetic of ``matching._Problem._scores`` couple by couple
in float64 (the same operations, so the same value up to a last-digit rounding); the engine compares it
with a margin far above that rounding (``_SLACK``), and the scores of the couples it proposes come
from the numpy scorer. ``tests/pairing/test_kernel.py`` checks the two scorers against each other.

The arrays of a problem travel as one tuple (:func:`pack`), the settings as a float64 vector.
"""

from __future__ import annotations

import os

# numba's OpenMP threads (its "omp" threading layer) spin between parallel calls by default, each
# burning a core while the engine runs numpy in between. The OpenMP runtime reads this when numba
# first loads it (the first parallel call, never at import): set before that, in every process that
# matches (web, Celery worker, commands); an explicit setting wins.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

import numpy as np  # noqa: E402  (after the setting above, which must precede numba)
from numba import njit, prange  # noqa: E402

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
RISK_ALONE = 30  # the share of at-risk experience where the mentor meets none of the requests
STATED_GAP = 31  # the share of the gap for a pupil mentor older than the window, in grades they named
W_WORDS, WORD_UNITS = 32, 33  # the words criterion: x / (x + WORD_UNITS) of its weight W_WORDS
FAR = 34  # grades (or years) outside the mentor's preferred ones from which the mentee is far outside
FAR_WEIGHT = 35  # times the grades criterion counts where the mentee is far outside them
SIZE = 36
EVERY_LOW, EVERY_HIGH = 0, 99  # the grades of a mentor who named none (matching._EVERY_GRADE)
NEG = -np.inf
TIE_JITTER = 1e-3  # below this, couples reported violated are drawn evenly among equal ones
_CHUNK = 64  # rows per task of the proof's scan of couples left out (each task allocates its buffers once)


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
        req_weighed,
        row_word_ptr,
        row_word,
        word_ptr,
        word_col,
        word_units,
        row_has_words,
    ) = p
    # the mentors who share words with the mentee (ascending) and the weight of the words each shares
    word_j, word_x, word_m = _shared_words(i, row_word_ptr, row_word, word_ptr, word_col, word_units)
    wa = 0
    s_w_words = s[W_WORDS]
    s_units = s[WORD_UNITS]
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
    # the criteria that count for this mentee: only theirs are computed (and their arrays read)
    req_on = s_w_req > 0 or s_req_req > 0
    int_on = s_w_int > 0 or s_req_int > 0
    pref_on = s_w_pref > 0 or s_req_pref > 0
    gap_on = s_w_gap > 0 or s_req_gap > 0
    subj_on = (s_w_subj > 0 or s_req_subj > 0) and row_has_subject[i]
    special_on = (s_w_special > 0 or s_req_special > 0) and row_special[i]
    area_on = (s_w_area > 0 or s_req_area > 0) and has_area[i]
    grades_on = s_w_grades > 0 or s_req_grades > 0
    risk_on = (s_w_risk > 0 or s_req_risk > 0) and row_at_risk[i]
    avail_on = s_w_avail > 0 or s_req_avail > 0
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
        # criterion by criterion (scalar steps, inlined), each only where it counts for the mentee
        direct = _overlap(req_bits, i, col_comp, j) if req_on else 0  # named terms (and synonyms) only
        broad = _overlap(req_broad_bits, i, col_comp, j) if req_on and s_req_broad_any > 0 else 0
        points, weight, fail = (
            _requests(
                s_w_req,
                s_req_req,
                s_req_broad_any,
                s_broad,
                has_req[i],
                req_weighed[i],
                req_count[i],
                direct,
                broad,
            )
            if req_on
            else _NOTHING
        )
        shared = _overlap(int_bits, i, col_int, j) > 0 if int_on else False
        # «обязательно» on interests is met too by a request or area the mentor offers by name
        offered = (
            _overlap(req_bits, i, col_comp, j) + (_overlap(area_bits, i, col_area, j) if has_area[i] else 0)
            > 0
            if s_req_int > 0 and has_int[i] and not shared
            else False
        )
        # at-risk experience counts in part where the mentee has requests and the mentor meets none
        risk_share = s[RISK_ALONE] if req_on and s_w_req > 0 and has_req[i] and points == 0.0 else 1.0
        points, weight, fail = (
            _interests(points, weight, fail, s_w_int, s_req_int, has_int[i], shared, offered)
            if int_on
            else (points, weight, fail)
        )
        points, weight, fail = (
            _preferences(points, weight, fail,
                s_w_pref, s_req_pref, row_pref[i] or col_pref[j], pref_at,
                pref_points[pref_at] if pref_at >= 0 else 0.0,
            )
            if pref_on
            else (points, weight, fail)
        )  # fmt: skip
        points, weight, fail = (
            _age_gap(points, weight, fail,
                s_w_gap, s_req_gap, s_grade_span, s_age_span, row_has_grade[i] and col_has_grade[j],
                row_has_age[i] and col_has_age[j], col_grade[j] - row_grade[i], col_age[j] - row_age[i],
                _stated(row_grade_raw[i], col_has_pg[j], col_pg_low[j], col_pg_high[j]), s[STATED_GAP],
            )
            if gap_on
            else (points, weight, fail)
        )  # fmt: skip
        same = _overlap(row_subject_bits, i, col_subject_bits, j) > 0 if subj_on else False
        points, weight, fail = (
            _subject(points, weight, fail, s_w_subj, s_req_subj, same) if subj_on else (points, weight, fail)
        )
        points, weight, fail = (
            _flag(points, weight, fail, s_w_special, s_req_special, col_special[j], 1.0)
            if special_on
            else (points, weight, fail)
        )
        points, weight = _load(points, weight, s_w_load, col_load[j]) if s_w_load > 0 else (points, weight)
        direct = _overlap(area_bits, i, col_area, j) if area_on else 0
        broad = _overlap(area_broad_bits, i, col_area, j) if area_on and s_area_broad_any > 0 else 0
        points, weight, fail = (
            _areas(
                points,
                weight,
                fail,
                s_w_area,
                s_req_area,
                s_area_broad_any,
                s_broad,
                area_count[i],
                direct,
                broad,
            )
            if area_on
            else (points, weight, fail)
        )
        points, weight, fail = (
            _grades(points, weight, fail,
                s_w_grades, s_req_grades, row_grade_raw[i], row_age_raw[i], col_has_pg[j], col_pg_low[j],
                col_pg_high[j], col_has_pa[j], col_pa_low[j], col_pa_high[j], s[FAR], s[FAR_WEIGHT],
            )
            if grades_on
            else (points, weight, fail)
        )  # fmt: skip
        points, weight, fail = (
            _flag(points, weight, fail, s_w_risk, s_req_risk, col_at_risk[j], risk_share)
            if risk_on
            else (points, weight, fail)
        )
        points, weight, fail = (
            _availability(
                points,
                weight,
                fail,
                s_w_avail,
                s_req_avail,
                row_days[i],
                col_days[j],
                row_formats[i],
                col_formats[j],
            )
            if avail_on
            else (points, weight, fail)
        )
        while wa < word_m and word_j[wa] < j:
            wa += 1
        if s_w_words > 0 and row_has_words[i]:
            x = word_x[wa] if wa < word_m and word_j[wa] == j else 0.0
            points += s_w_words * x / (x + s_units)
            weight += s_w_words
        value = -1.0 if fail else _value(points, weight, s_w_load, s_power)
        out[t] = value
        if value > best:
            best = value
    return best


# The criteria of _row, couple by couple, inlined into its loop (the same compiled code as one
# function). Their arguments are numbers only (``w``: the criterion's weight, ``need``: > 0 where it
# is «обязательно»): an array or a tuple passed per couple would cost a reference count each time.
# Each takes the couple's running points, weight and failure and returns them with its own added, the
# same operations in the same order as the numpy scorer. _row calls each only where it counts for the
# mentee, so that it reads no array for a criterion that does not count.

_NOTHING = (0.0, 0.0, False)


@njit(cache=True)
def _shared_words(i, row_word_ptr, row_word, word_ptr, word_col, word_units):
    """The mentors who wrote some word mentee i wrote, ascending, and the sum of the weights of the
    words each shares (whole numbers: an exact sum): (mentors, sums, how many). Walks the mentee's
    words' lists of mentors (a word more than ``matching._WORD_UNITS`` mentors wrote weighs nothing
    and is no list: :func:`matching.specific_words`), never the whole row."""
    a, b = row_word_ptr[i], row_word_ptr[i + 1]
    total = 0
    for e in range(a, b):
        total += word_ptr[row_word[e] + 1] - word_ptr[row_word[e]]
    cols = np.empty(total, dtype=np.int64)
    units = np.empty(total)
    if total == 0:
        return cols, units, 0
    q = 0
    for e in range(a, b):
        for f in range(word_ptr[row_word[e]], word_ptr[row_word[e] + 1]):
            cols[q] = word_col[f]
            units[q] = word_units[f]
            q += 1
    order = np.argsort(cols)
    out_cols = np.empty(total, dtype=np.int64)
    out_sums = np.empty(total)
    m = 0
    for t in range(total):
        j = cols[order[t]]
        if m > 0 and out_cols[m - 1] == j:
            out_sums[m - 1] += units[order[t]]
        else:
            out_cols[m] = j
            out_sums[m] = units[order[t]]
            m += 1
    return out_cols, out_sums, m


@njit(cache=True, inline="always")
def _requests(w, need, broad_any, broad, has, weighed, count, direct, broad_overlap):
    """Requests against competencies: ``direct`` named terms shared, ``broad_overlap`` broader ones
    (counted ``broad``); weighed where ``weighed`` (also an empty or unread request: no points);
    «обязательно»: a named term shared where the mentee ``has`` requests. Starts the points, weight
    and failure."""
    points = 0.0
    weight = w * weighed if w > 0 else 0.0
    fail = False
    overlap = float(direct)
    if broad_any > 0:
        overlap = overlap + broad * broad_overlap
    if w > 0:
        points = w * overlap / count
    if need > 0 and has and direct == 0:
        fail = True
    return points, weight, fail


@njit(cache=True, inline="always")
def _interests(points, weight, fail, w, need, has, shared, offered):
    if w > 0 and shared:
        points += w
        weight += w
    if need > 0 and has and not shared and not offered:
        fail = True
    return points, weight, fail


@njit(cache=True, inline="always")
def _preferences(points, weight, fail, w, need, chosen, pref_at, pref):
    """Networking choices (``chosen``: either side chose): ``pref``, the points of the couple's entry
    ``pref_at`` (-1: none); weighed where either side chose."""
    if w > 0:
        if pref_at >= 0:
            points += pref
        if chosen:
            weight += w
    if need > 0 and chosen and pref_at < 0:
        fail = True
    return points, weight, fail


@njit(cache=True, inline="always")
def _age_gap(
    points,
    weight,
    fail,
    w,
    need,
    grade_span,
    age_span,
    both_grades,
    both_ages,
    grade_gap,
    age_gap,
    stated,
    stated_share,
):
    """The mentor older by at most the span: by grade where both have one, else by age; a pupil mentor
    older than the span's top counts where the mentee's grade is one they named (``stated``)."""
    by_grade = both_grades
    by_age = (not by_grade) and both_ages
    within = False
    share = 1.0
    if by_grade and grade_span >= 0:
        within = grade_gap >= 0 and grade_gap <= grade_span
        if not within and grade_gap > grade_span and stated:
            within, share = True, stated_share
    elif by_age and age_span >= 0:
        within = age_gap >= 0 and age_gap <= age_span
    compared = by_grade or by_age
    points, weight = _met(points, weight, w * share, within, False)
    if w > 0 and compared:
        weight += w
    if need > 0 and compared and not within:
        fail = True
    return points, weight, fail


@njit(cache=True, inline="always")
def _stated(grade, has_pg, low, high):
    """Whether the mentee's ``grade`` is among the grades the mentor named (not every grade by
    default: matching._EVERY_GRADE)."""
    return has_pg and not (low == EVERY_LOW and high == EVERY_HIGH) and grade >= 0 and low <= grade <= high


@njit(cache=True, inline="always")
def _subject(points, weight, fail, w, need, same):
    """The same subject (for the mentees who have one)."""
    points, weight = _met(points, weight, w, same, True)
    if need > 0 and not same:
        fail = True
    return points, weight, fail


@njit(cache=True, inline="always")
def _flag(points, weight, fail, w, need, col_flag, share):
    """A criterion for the mentees with a flag (special needs, at risk), met where the mentor has
    ``col_flag``: ``share`` of its weight (1; at-risk experience meeting no request: RISK_ALONE)."""
    if w > 0:
        if col_flag:
            points += w * share
        weight += w
    if need > 0 and not col_flag:
        fail = True
    return points, weight, fail


@njit(cache=True, inline="always")
def _load(points, weight, w, load):
    """The mentor's load points (already weighed)."""
    return points + load, weight + w


@njit(cache=True, inline="always")
def _areas(points, weight, fail, w, need, broad_any, broad, count, direct, broad_overlap):
    """Areas (for the mentees who named some): shared ones (broader counted ``broad``)."""
    overlap = float(direct)
    if broad_any > 0:
        overlap = overlap + broad * broad_overlap
    if w > 0:  # an area the mentor names counts in full (the best area counts: no dilution)
        points += w if direct > 0 else w * overlap / count
        weight += w
    if need > 0 and overlap == 0:
        fail = True
    return points, weight, fail


@njit(cache=True, inline="always")
def _grades(
    points, weight, fail, w, need, g, a, has_pg, pg_low, pg_high, has_pa, pa_low, pa_high, far, times
):
    """The mentee's grade ``g`` (else age ``a``; -1: none) among those the mentor prefers; its weight
    ``times`` over where the mentee is ``far`` or more outside them."""
    by_grade = has_pg and g >= 0
    by_age = (not by_grade) and has_pa and a >= 0
    within = (by_grade and g >= pg_low and g <= pg_high) or (by_age and a >= pa_low and a <= pa_high)
    applies = by_grade or by_age
    outside = (by_grade and (g <= pg_low - far or g >= pg_high + far)) or (
        by_age and (a <= pa_low - far or a >= pa_high + far)
    )
    if outside:
        weight += w * times
    else:
        points, weight = _met(points, weight, w, within, applies)
    if need > 0 and applies and not within:
        fail = True
    return points, weight, fail


@njit(cache=True, inline="always")
def _availability(points, weight, fail, w, need, da, db, fa, fb):
    """A shared day (where both gave days: ``da``, ``db``) and a shared format (where both gave
    formats: ``fa``, ``fb``)."""
    applies = ((da | fa) != 0) and ((db | fb) != 0)
    met = applies and (da == 0 or db == 0 or (da & db) != 0) and (fa == 0 or fb == 0 or (fa & fb) != 0)
    points, weight = _met(points, weight, w, met, applies)
    if need > 0 and applies and not met:
        fail = True
    return points, weight, fail


@njit(cache=True, inline="always")
def _met(points, weight, w, met, applies):
    """A criterion of weight ``w``: its weight added to the points where met, to the weight where it
    applies."""
    if w > 0:
        if met:
            points += w
        if applies:
            weight += w
    return points, weight


@njit(cache=True, inline="always")
def _value(points, weight, w_load, power):
    """The score 0..100 from the points and the weight (``matching._score``), the fairness power
    applied."""
    if w_load <= 0 and weight < 2.2250738585072014e-308:
        weight = 2.2250738585072014e-308
    value = points * 100.0 / weight
    if power != 1.0 and value > 0:
        value = 100.0 * (value / 100.0) ** power
    return value


@njit(cache=True, parallel=True)
def dense(rows, cols, p, s, free, pref_indptr, pref_col, forb_indptr, forb_col):
    """Scores of rows × cols (cols ascending), -inf where the couple may not be proposed."""
    out = np.empty((len(rows), len(cols)))
    fast = fast_applies(s)
    g = gather(cols, p)
    for t in prange(len(rows)):
        buffer = np.empty(len(cols))
        if fast:
            spare = np.empty(len(cols))
            _row_fast(
                rows[t], cols, g, p, s, free, pref_indptr, pref_col, forb_indptr, forb_col, buffer, spare
            )
        else:
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
    fast = fast_applies(s)
    g = gather(cols, p)
    for t in prange(n):
        width = len(cols)
        full = np.empty(width)
        best_any[t] = _score_row(
            rows[t], cols, g, p, s, free, pref_indptr, pref_col, forb_indptr, forb_col, full, fast
        )
        bins, good = _bin_eligible(full, s)
        if good <= keep:
            count[t] = _keep_eligible(t, full, cols, out_cols, out_scores)
            continue
        cut = _cut(full, bins, keep)
        m = _keep_above(t, full, cut, cols, out_cols, out_scores)
        count[t], rest[t] = _keep_ties(t, rows[t], full, cut, keep, m, cols, out_cols, out_scores)
    return count, out_cols, out_scores, rest, best_any


_BINS = 1001  # scores are 0..100: bins of 0.1 point, the last also for anything above


@njit(cache=True, inline="always")
def _score_row(i, cols, g, p, s, free, pref_indptr, pref_col, forb_indptr, forb_col, full, fast):
    """Row i's scores against ``cols`` into ``full`` (the quick scorer when it applies); returns the
    best allowed score (-1: none)."""
    if fast:
        spare = np.empty(len(cols))
        return _row_fast(i, cols, g, p, s, free, pref_indptr, pref_col, forb_indptr, forb_col, full, spare)
    return _row(i, cols, p, s, free, pref_indptr, pref_col, forb_indptr, forb_col, full)


@njit(cache=True, inline="always")
def _bin_eligible(full, s):
    """The eligible scores in bins of 0.1 point, to find the keep-th largest without sorting; the
    others set to NEG. Returns (the bins, how many are eligible)."""
    bins = np.zeros(_BINS + 1, dtype=np.int64)
    good = 0
    for c in range(len(full)):
        if _eligible(full[c], s):
            bins[_bin(full[c])] += 1
            good += 1
        else:
            full[c] = NEG
    return bins, good


@njit(cache=True, inline="always")
def _cut(full, bins, keep):
    """The keep-th largest eligible score (more than ``keep`` of them are eligible)."""
    above = 0  # eligible scores in the bins above the cut's
    at = _BINS
    while above + bins[at] < keep:
        above += bins[at]
        at -= 1
    inside = np.empty(bins[at])
    q = 0
    for c in range(len(full)):
        if full[c] != NEG and _bin(full[c]) == at:
            inside[q] = full[c]
            q += 1
    need = keep - above  # the need-th largest of the cut's bin is the keep-th largest of all
    return np.partition(inside, q - need)[q - need]


@njit(cache=True, inline="always")
def _keep_eligible(t, full, cols, out_cols, out_scores):
    """Keeps in row t of the outputs every eligible score (the others are NEG); returns how many."""
    m = 0
    for c in range(len(full)):
        if full[c] != NEG:
            out_cols[t, m] = cols[c]
            out_scores[t, m] = full[c]
            m += 1
    return m


@njit(cache=True, inline="always")
def _keep_above(t, full, cut, cols, out_cols, out_scores):
    """Keeps in row t of the outputs every score above ``cut``, in column order; returns how many."""
    m = 0
    for c in range(len(full)):
        if full[c] > cut:
            out_cols[t, m] = cols[c]
            out_scores[t, m] = full[c]
            m += 1
    return m


@njit(cache=True, inline="always")
def _keep_ties(t, row, full, cut, keep, m, cols, out_cols, out_scores):
    """Fills row t of the outputs up to ``keep`` with the scores equal to ``cut``, from a point of the
    row that depends on the row, round the columns. Returns (how many kept, the best score kept out)."""
    width = len(full)
    start = int(_spread(row, 0) * width)
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
    return m, top_rest


@njit(cache=True, inline="always")
def _bin(value):
    b = int(value * 10.0)
    if b < 0:
        return 0
    return b if b < _BINS else _BINS


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


@njit(cache=True, parallel=True)
def list_order(rows, key, cols, n):
    """The order of ``np.lexsort((cols, key, rows))`` for entries of distinct (row, column), rows below
    ``n``: by row (a counting sort), then each row's few hundred entries by key, then column, rows in
    parallel — a lexsort of millions of entries sorts all of them three times (0.9 s for 2.5 million)."""
    start = np.zeros(n + 1, dtype=np.int64)
    for e in range(len(rows)):
        start[rows[e] + 1] += 1
    for r in range(n):
        start[r + 1] += start[r]
    fill = start[:-1].copy()
    order = np.empty(len(rows), dtype=np.int64)
    for e in range(len(rows)):
        order[fill[rows[e]]] = e
        fill[rows[e]] += 1
    for r in prange(n):
        a, b = start[r], start[r + 1]
        if b - a > 1:
            seg = order[a:b]
            by_col = seg[np.argsort(cols[seg], kind="mergesort")]
            order[a:b] = by_col[np.argsort(key[by_col], kind="mergesort")]
    return order


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
def outside(
    rows,
    cols,
    limit,
    since,
    margin,
    old_limit,
    olds,
    u,
    shift,
    low,
    high,
    most,
    store_indptr,
    store_cols,
    p,
    s,
    free,
    pref_indptr,
    pref_col,
    forb_indptr,
    forb_col,
):
    """For each of ``rows`` (mentee i): its couples left out of the store (``store_cols`` of row i
    through ``store_indptr``) with the mentors of ``cols`` (ascending) whose shift is below the row's
    ``limit`` (the others cannot matter) and, where ``since[t]`` >= 0 (the row scored whole at an
    earlier check, whose shifts were ``olds[since[t]]`` and its limit ``old_limit[t]``), only those
    whose shift is below their shift then plus ``margin[t]`` or who were not scored then (their
    shift then at least that limit): see ``matching._Rescored``. When those are more than half of
    the mentors below ``limit``, or without ``since``, the row is scored whole against the mentors
    below ``limit`` instead (``whole[t]``). Of those scored, the eligible ones
    whose x = score - shift[column] exceeds u[i] + ``low``, at most ``most`` per row: first every one
    above u[i] + ``high`` (possibly violated: never crowded out by a lower one), then the largest;
    equal ones drawn evenly (a jitter below ``TIE_JITTER``). Returns (count per row, their columns,
    their scores, the largest x among the eligible couples scored and not returned: -inf if none, the
    lowest shift of the mentors left out of the store and not scored for being above ``limit``: +inf
    if none, whether the row was scored whole)."""
    n = len(rows)
    count = np.zeros(n, dtype=np.int64)
    whole = np.zeros(n, dtype=np.bool_)
    found = np.empty((n, most), dtype=np.int64)
    found_score = np.empty((n, most))
    second = np.full(n, NEG)
    cheapest = np.full(n, np.inf)
    fast = fast_applies(s)
    g = gather(cols, p)
    width = len(cols)
    # per earlier check e: the places in ``cols`` of the mentors cheaper now than then (ascending), and
    # the places ordered by shift now — what a row known at e with a margin <= 0 may need, found
    # without walking the whole row (see _known)
    col_shift = np.empty(width)
    for c in range(width):
        col_shift[c] = shift[cols[c]]
    by_shift = np.argsort(col_shift, kind="mergesort")
    sorted_shift = col_shift[by_shift]
    cheaper_at = np.zeros(len(olds) + 1, dtype=np.int64)
    for e in range(len(olds)):
        cheaper_at[e + 1] = cheaper_at[e]
        for c in range(width):
            if col_shift[c] < olds[e][cols[c]]:
                cheaper_at[e + 1] += 1
    cheaper = np.empty(cheaper_at[-1], dtype=np.int64)
    for e in range(len(olds)):
        q = cheaper_at[e]
        for c in range(width):
            if col_shift[c] < olds[e][cols[c]]:
                cheaper[q] = c
                q += 1
    for chunk in prange((n + _CHUNK - 1) // _CHUNK):
        # each task's buffers, allocated once: the store's mentors of the row, the row's scores
        skip = np.zeros(len(shift), dtype=np.bool_)
        full = np.empty(width)
        spare = np.empty(width)
        use = np.empty(width, dtype=cols.dtype)
        part = np.empty(width, dtype=np.bool_)
        values = np.empty(width)
        keys = np.empty(width)
        at = np.empty(width, dtype=np.int64)
        for t in range(chunk * _CHUNK, min(n, (chunk + 1) * _CHUNK)):
            i = rows[t]
            _mark(skip, store_cols, store_indptr[i], store_indptr[i + 1], True)
            old = olds[max(since[t], 0)]
            if since[t] >= 0 and margin[t] <= 0:
                e = since[t]
                m = _known(
                    cols, shift, limit[t], old, margin[t], old_limit[t], skip, use,
                    cheaper[cheaper_at[e] : cheaper_at[e + 1]], by_shift, sorted_shift,
                )  # fmt: skip
            else:
                m, m_part, cheapest[t] = _wanted(
                    cols, shift, limit[t], since[t] >= 0, old, margin[t], old_limit[t], skip, use, part,
                    by_shift, sorted_shift, at,
                )  # fmt: skip
                if since[t] < 0 or 2 * m_part > m:
                    whole[t] = True
                elif m_part < m:
                    m = _keep_part(use, part, m)
            if m > 0:
                if fast and 4 * m > width:  # most mentors matter: the whole row by the quick scorer
                    _row_fast(
                        i, cols, g, p, s, free, pref_indptr, pref_col, forb_indptr, forb_col, full, spare
                    )
                    _pick(full, cols, use, m, values)
                else:
                    _row(i, use[:m], p, s, free, pref_indptr, pref_col, forb_indptr, forb_col, values[:m])
                good, back, rest = _split(i, use, values, m, s, shift, u[i], low, high, keys, at)
                q = _take(keys, at, 0, good, most, 0, use, values, found, found_score, t)
                count[t] = _take(keys, at, back, m, most, q, use, values, found, found_score, t)
                rest = _left(at, 0, good, use, values, shift, rest)
                second[t] = _left(at, back, m, use, values, shift, rest)
            _mark(skip, store_cols, store_indptr[i], store_indptr[i + 1], False)
    return count, found, found_score, second, cheapest, whole


@njit(cache=True, inline="always")
def _mark(flags, where, a, b, value):
    for e in range(a, b):
        flags[where[e]] = value


@njit(cache=True, inline="always")
def _wanted(cols, shift, bar, since, old, margin, old_bar, skip, use, part, by_shift, sorted_shift, spare):
    """The mentors of ``cols`` below ``bar``, not skipped, into ``use`` (ascending); ``part`` marks
    those (with ``since``) below ``old`` + ``margin`` or not below ``old_bar`` in ``old``. Returns
    (how many, how many marked, the lowest shift of those not skipped and not below ``bar``).
    Without ``since``, when few mentors are below ``bar``, found among the mentors ordered by shift
    (``by_shift``, ``sorted_shift``; ``spare``: a buffer), not by walking the whole row."""
    if not since and 8 * np.searchsorted(sorted_shift, bar) < len(cols):
        m, cheapest = _below(cols, bar, skip, use, by_shift, sorted_shift, spare)
        return m, 0, cheapest
    m = 0
    m_part = 0
    cheapest = np.inf
    for c in range(len(cols)):
        j = cols[c]
        if skip[j]:
            continue
        if shift[j] >= bar:
            cheapest = min(cheapest, shift[j])
        else:
            use[m] = j
            inside = since and (shift[j] < old[j] + margin or old[j] >= old_bar)
            part[m] = inside
            m_part += 1 if inside else 0
            m += 1
    return m, m_part, cheapest


@njit(cache=True, inline="always")
def _below(cols, bar, skip, use, by_shift, sorted_shift, spare):
    """What :func:`_wanted` finds for a row not known before (no ``since``), into ``use`` (ascending),
    from the mentors ordered by shift: those below ``bar`` are the first ones (a few, where this is
    used), the lowest shift not below it the first one after them not skipped. ``spare``: a buffer of
    the row's width. Returns (how many, that lowest shift: +inf if none)."""
    a = np.searchsorted(sorted_shift, bar)
    m = 0
    for r in range(a):
        c = by_shift[r]
        if not skip[cols[c]]:
            spare[m] = c
            m += 1
    spare[:m].sort()
    for q in range(m):
        use[q] = cols[spare[q]]
    cheapest = np.inf
    for r in range(a, len(by_shift)):
        if not skip[cols[by_shift[r]]]:
            cheapest = sorted_shift[r]
            break
    return m, cheapest


@njit(cache=True, inline="always")
def _known(cols, shift, bar, old, margin, old_bar, skip, use, cheaper, by_shift, sorted_shift):
    """What :func:`_wanted` marks for a row known at an earlier check with ``margin`` <= 0, into
    ``use`` (ascending), without walking the row: a mentor below ``old`` + ``margin`` is among those
    got ``cheaper`` since; one not below ``old_bar`` then is either among them too or has a shift now
    in [``old_bar``, ``bar``) (a range of the mentors by shift). Returns how many."""
    m = 0
    for c in cheaper:
        j = cols[c]
        if not skip[j] and shift[j] < bar and (shift[j] < old[j] + margin or old[j] >= old_bar):
            use[m] = j
            m += 1
    if bar > old_bar:
        extra = m
        a = np.searchsorted(sorted_shift, old_bar)
        b = np.searchsorted(sorted_shift, bar)
        for r in range(a, b):
            j = cols[by_shift[r]]
            if shift[j] < old[j]:
                continue  # among the cheaper ones above
            if not skip[j] and shift[j] < bar and (shift[j] < old[j] + margin or old[j] >= old_bar):
                use[m] = j
                m += 1
        if m > extra:
            use[:m] = np.sort(use[:m])
    return m


@njit(cache=True, inline="always")
def _keep_part(use, part, m):
    """Only the marked of the ``m`` first entries of ``use``, in order; returns how many."""
    q = 0
    for e in range(m):
        if part[e]:
            use[q] = use[e]
            q += 1
    return q


@njit(cache=True, inline="always")
def _pick(full, cols, use, m, values):
    """The scores of the ``m`` mentors of ``use`` out of the whole row's ``full`` into ``values``."""
    q = 0
    for c in range(len(cols)):
        if q < m and cols[c] == use[q]:
            values[q] = full[c]
            q += 1


@njit(cache=True, inline="always")
def _split(i, use, values, m, s, shift, price, low, high, keys, at):
    """The eligible couples whose y = score - shift - price is above ``high`` into keys/at from the
    front, those in (low, high] from the back. Returns (how many at the front, where the back
    begins, the largest score - shift of the others)."""
    good, back = 0, m
    rest = NEG
    for c in range(m):
        if not _eligible(values[c], s):
            continue
        x = values[c] - shift[use[c]]
        y = x - price
        if y > high:
            keys[good] = y + TIE_JITTER * _spread(i, use[c])
            at[good] = c
            good += 1
        elif y > low:
            back -= 1
            keys[back] = y + TIE_JITTER * _spread(i, use[c])
            at[back] = c
        elif x > rest:
            rest = x
    return good, back, rest


@njit(cache=True, inline="always")
def _take(keys, at, a, b, most, q, use, values, found, found_score, t):
    """Of the entries a..b of (keys, at), the largest keys into row t of the outputs from place q
    until ``most`` are there; those taken get at = -1. Returns the new q."""
    room = most - q
    if room <= 0 or b <= a:
        return q
    if b - a <= room:
        for r in range(a, b):
            found[t, q] = use[at[r]]
            found_score[t, q] = values[at[r]]
            at[r] = -1
            q += 1
        return q
    # the room largest (the room-th found by partition: where scores tie widely the band holds
    # thousands of couples, and sorting them all was half the cost of the scan), largest first
    cut = np.partition(keys[a:b], b - a - room)[b - a - room]
    chosen = np.empty(room, dtype=np.int64)
    m = 0
    for r in range(a, b):
        if keys[r] > cut:
            chosen[m] = r
            m += 1
    for r in range(a, b):
        if m >= room:
            break
        if keys[r] == cut:
            chosen[m] = r
            m += 1
    order = np.argsort(-keys[chosen])
    for r in range(room):
        e = chosen[order[r]]
        found[t, q] = use[at[e]]
        found_score[t, q] = values[at[e]]
        at[e] = -1
        q += 1
    return q


@njit(cache=True, inline="always")
def _left(at, a, b, use, values, shift, rest):
    """``rest`` raised to the largest score - shift of the entries a..b not taken (at >= 0)."""
    for r in range(a, b):
        if at[r] >= 0:
            x = values[at[r]] - shift[use[at[r]]]
            if x > rest:
                rest = x
    return rest


# --------------------------------------------------------------------------------------------------
# The same scores, criterion by criterion over a block of mentors (the common case: no «обязательно»)
#
# ``_row`` walks the couples one by one through every criterion, with a branch per criterion and per
# couple. Here each criterion is one plain loop over the mentors, reading their attributes gathered
# side by side (:func:`gather`), which the compiler turns into vector instructions; criteria that
# cannot apply to the mentee are skipped whole. Every couple receives the same additions in the same
# order as in ``_row`` (adding w·0 leaves a sum unchanged), so the scores are the same floats.


@njit(cache=True)
def gather(cols, p):
    """The attributes of the mentors ``cols`` side by side (bit sets as words × mentors)."""
    col_comp, col_int, col_area, col_subject_bits = p[23], p[24], p[25], p[26]
    comp = np.ascontiguousarray(col_comp[cols].T)
    inter = np.ascontiguousarray(col_int[cols].T)
    area = np.ascontiguousarray(col_area[cols].T)
    subj = np.ascontiguousarray(col_subject_bits[cols].T)
    n = len(cols)
    ints = np.empty((13, n), dtype=np.int64)
    flags = np.empty((9, n), dtype=np.float64)
    for c in range(n):
        j = cols[c]
        ints[0, c] = p[28][j]  # days
        ints[1, c] = p[29][j]  # formats
        ints[2, c] = p[31][j]  # preferred grades low
        ints[3, c] = p[32][j]
        ints[4, c] = p[34][j]  # preferred ages low
        ints[5, c] = p[35][j]
        ints[6, c] = p[37][j]  # grade
        ints[7, c] = p[39][j]  # age
        flags[0, c] = 1.0 if p[27][j] else 0.0  # at risk experience
        flags[1, c] = 1.0 if p[30][j] else 0.0  # has preferred grades
        flags[2, c] = 1.0 if p[33][j] else 0.0  # has preferred ages
        flags[3, c] = 1.0 if p[36][j] else 0.0  # ranked someone
        flags[4, c] = 1.0 if p[38][j] else 0.0  # has grade
        flags[5, c] = 1.0 if p[40][j] else 0.0  # has age
        flags[6, c] = 1.0 if p[41][j] else 0.0  # special needs trained
        flags[7, c] = p[42][j]  # load points
    return comp, inter, area, subj, ints, flags


@njit(cache=True)
def fast_applies(s):
    """Whether :func:`_row_fast` computes what ``_row`` does under these settings."""
    for index in range(REQ_REQ, REQ_AVAIL + 1):  # noqa: SIM110 (numba compiles loops, not generators)
        if s[index] > 0:
            return False
    return True


@njit(cache=True, inline="always")
def _bits_overlap(row_bits, i, block, c):
    total = 0
    for word in range(block.shape[0]):
        total += _pop(row_bits[i, word] & block[word, c])
    return total


@njit(cache=True, inline="always")
def _row_has(row_bits, i):
    for word in range(row_bits.shape[1]):  # noqa: SIM110 (numba compiles loops, not generators)
        if row_bits[i, word] != 0:
            return True
    return False


@njit(cache=True)
def _row_fast(i, cols, g, p, s, free, pref_indptr, pref_col, forb_indptr, forb_col, out, weight):
    """``_row`` for settings without «обязательно» criteria (see :func:`fast_applies`): the scores of
    mentee i against the gathered mentors ``g`` of ``cols`` into ``out``; returns the best."""
    n = len(cols)
    if not free[i]:
        for c in range(n):
            out[c] = -1.0
        return -1.0
    comp, inter, area, subj, ints, flags = g
    req_bits, req_broad_bits, req_count = p[0], p[1], p[2]
    int_bits, area_bits, area_broad_bits, area_count, has_area = p[4], p[6], p[7], p[8], p[9]
    row_at_risk, row_days, row_formats, row_grade_raw, row_age_raw = p[10], p[11], p[12], p[13], p[14]
    row_pref, row_grade, row_has_grade, row_age, row_has_age = p[15], p[16], p[17], p[18], p[19]
    row_subject_bits, row_has_subject, row_special, pref_points = p[20], p[21], p[22], p[43]
    points = out
    _fast_requests(i, n, s, comp, req_bits, req_broad_bits, req_count, p[44], points, weight)
    risk_none = _fast_none_met(i, n, s, p[3], row_at_risk, points)
    _fast_interests(i, n, s, inter, int_bits, points, weight)
    _fast_preferences(i, n, s, cols, flags, row_pref, pref_indptr, pref_col, pref_points, points, weight)
    _fast_age_gap(
        i, n, s, ints, flags, row_grade, row_has_grade, row_age, row_has_age, row_grade_raw, points, weight
    )
    _fast_subject(i, n, s, subj, row_subject_bits, row_has_subject, points, weight)
    _fast_flag(i, n, s[W_SPECIAL], row_special, flags, 6, np.empty(0, dtype=np.bool_), 1.0, points, weight)
    _fast_load(n, s, flags, points, weight)
    _fast_areas(i, n, s, area, area_bits, area_broad_bits, area_count, has_area, points, weight)
    _fast_grades(i, n, s, ints, flags, row_grade_raw, row_age_raw, points, weight)
    _fast_flag(i, n, s[W_RISK], row_at_risk, flags, 0, risk_none, s[RISK_ALONE], points, weight)
    _fast_availability(i, n, s, ints, row_days, row_formats, points, weight)
    if s[W_WORDS] > 0 and p[50][i]:
        word_j, word_x, word_m = _shared_words(i, p[45], p[46], p[47], p[48], p[49])
        _fast_words(n, s, cols, word_j, word_x, word_m, points, weight)
    best = _fast_values(n, s, points, weight, out)
    return _fast_forbidden(i, n, cols, forb_indptr, forb_col, out, best)


# The criteria of _row_fast, each one plain loop over the mentors (inlined: the same compiled loops).


@njit(cache=True, inline="always")
def _fast_requests(i, n, s, comp, req_bits, req_broad_bits, req_count, req_weighed, points, weight):
    """Requests against competencies: sets ``points`` and starts ``weight`` (where weighed)."""
    w = s[W_REQ]
    w0 = w * req_weighed[i] if w > 0 else 0.0
    for c in range(n):
        weight[c] = w0
    if w > 0 and (_row_has(req_bits, i) or (s[REQ_BROAD_ANY] > 0 and _row_has(req_broad_bits, i))):
        count = req_count[i]
        if s[REQ_BROAD_ANY] > 0:
            broad = s[BROAD]
            for c in range(n):
                overlap = float(_bits_overlap(req_bits, i, comp, c))
                overlap = overlap + broad * _bits_overlap(req_broad_bits, i, comp, c)
                points[c] = w * overlap / count
        elif comp.shape[0] == 1:
            bits, block = req_bits[i, 0], comp[0]
            for c in range(n):
                points[c] = w * float(_pop(bits & block[c])) / count
        else:
            for c in range(n):
                points[c] = w * float(_bits_overlap(req_bits, i, comp, c)) / count
    else:
        for c in range(n):
            points[c] = 0.0


@njit(cache=True, inline="always")
def _fast_interests(i, n, s, inter, int_bits, points, weight):
    w = s[W_INT]
    if w > 0 and _row_has(int_bits, i):
        if inter.shape[0] == 1:
            bits, block = int_bits[i, 0], inter[0]
            for c in range(n):
                shared = 1.0 if (bits & block[c]) != 0 else 0.0
                points[c] += w * shared
                weight[c] += w * shared
        else:
            for c in range(n):
                shared = 1.0 if _bits_overlap(int_bits, i, inter, c) > 0 else 0.0
                points[c] += w * shared
                weight[c] += w * shared


@njit(cache=True, inline="always")
def _fast_preferences(i, n, s, cols, flags, row_pref, pref_indptr, pref_col, pref_points, points, weight):
    w = s[W_PREF]
    if w > 0:
        if row_pref[i]:
            for c in range(n):
                weight[c] += w
        else:
            for c in range(n):
                weight[c] += w * flags[3, c]
        for e in range(pref_indptr[i], pref_indptr[i + 1]):
            at = np.searchsorted(cols, pref_col[e])
            if at < n and cols[at] == pref_col[e]:
                points[at] += pref_points[e]


@njit(cache=True, inline="always")
def _fast_age_gap(
    i, n, s, ints, flags, row_grade, row_has_grade, row_age, row_has_age, row_grade_raw, points, weight
):
    w = s[W_GAP]
    if w > 0 and (row_has_grade[i] or row_has_age[i]):
        g_span, a_span = s[GRADE_SPAN], s[AGE_SPAN]
        r_grade = row_grade[i] if row_has_grade[i] else 0
        r_age = row_age[i] if row_has_age[i] else 0
        rg = 1.0 if row_has_grade[i] else 0.0
        ra = 1.0 if row_has_age[i] else 0.0
        for c in range(n):
            by_grade = rg * flags[4, c]
            by_age = (1.0 - by_grade) * ra * flags[5, c]
            dg = ints[6, c] - r_grade
            da = ints[7, c] - r_age
            in_grade = 1.0 if (g_span >= 0 and dg >= 0 and dg <= g_span) else 0.0
            if (
                g_span >= 0
                and dg > g_span
                and _stated(row_grade_raw[i], flags[1, c] > 0, ints[2, c], ints[3, c])
            ):
                in_grade = s[STATED_GAP]
            in_age = 1.0 if (a_span >= 0 and da >= 0 and da <= a_span) else 0.0
            within = by_grade * in_grade + by_age * in_age
            points[c] += w * within
            weight[c] += w * (by_grade + by_age)


@njit(cache=True, inline="always")
def _fast_subject(i, n, s, subj, row_subject_bits, row_has_subject, points, weight):
    w = s[W_SUBJ]
    if w > 0 and row_has_subject[i]:
        for c in range(n):
            same = 1.0 if _bits_overlap(row_subject_bits, i, subj, c) > 0 else 0.0
            points[c] += w * same
            weight[c] += w


@njit(cache=True, inline="always")
def _fast_flag(i, n, w, row_flag, flags, f, none, share, points, weight):
    """A criterion met where the mentor's flag ``f`` is set, for mentees with ``row_flag`` (special
    needs, at risk): ``share`` of it where ``none`` (empty: nowhere) says no request is met."""
    if w > 0 and row_flag[i]:
        for c in range(n):
            if len(none) and none[c]:
                points[c] += w * share * flags[f, c]
            else:
                points[c] += w * flags[f, c]
            weight[c] += w


@njit(cache=True, inline="always")
def _fast_none_met(i, n, s, has_req, row_at_risk, points):
    """For an at-risk mentee with requests: where the mentor meets none of them (the points so far,
    the requests', are 0); else an empty array."""
    if s[W_RISK] > 0 and row_at_risk[i] and s[W_REQ] > 0 and has_req[i]:
        none = np.empty(n, dtype=np.bool_)
        for c in range(n):
            none[c] = points[c] == 0.0
        return none
    return np.empty(0, dtype=np.bool_)


@njit(cache=True, inline="always")
def _fast_load(n, s, flags, points, weight):
    w = s[W_LOAD]
    if w > 0:
        for c in range(n):
            points[c] += flags[7, c]
            weight[c] += w


@njit(cache=True, inline="always")
def _fast_areas(i, n, s, area, area_bits, area_broad_bits, area_count, has_area, points, weight):
    w = s[W_AREA]
    if w > 0 and has_area[i]:
        count = area_count[i]
        broad = s[BROAD] if s[AREA_BROAD_ANY] > 0 else 0.0
        for c in range(n):
            direct = _bits_overlap(area_bits, i, area, c)
            overlap = float(direct)
            if s[AREA_BROAD_ANY] > 0:
                overlap = overlap + broad * _bits_overlap(area_broad_bits, i, area, c)
            points[c] += w if direct > 0 else w * overlap / count
            weight[c] += w


@njit(cache=True, inline="always")
def _fast_grades(i, n, s, ints, flags, row_grade_raw, row_age_raw, points, weight):
    w = s[W_GRADES]
    if w > 0 and (row_grade_raw[i] >= 0 or row_age_raw[i] >= 0):
        gr, ag = row_grade_raw[i], row_age_raw[i]
        has_g = 1.0 if gr >= 0 else 0.0
        has_a = 1.0 if ag >= 0 else 0.0
        far, times = s[FAR], s[FAR_WEIGHT]
        for c in range(n):
            by_grade = flags[1, c] * has_g
            by_age = (1.0 - by_grade) * flags[2, c] * has_a
            in_g = 1.0 if (gr >= ints[2, c] and gr <= ints[3, c]) else 0.0
            in_a = 1.0 if (ag >= ints[4, c] and ag <= ints[5, c]) else 0.0
            within = by_grade * in_g + by_age * in_a
            # far outside the grades (ages) named: the weight ``times`` over (never within)
            far_g = times if (gr <= ints[2, c] - far or gr >= ints[3, c] + far) else 1.0
            far_a = times if (ag <= ints[4, c] - far or ag >= ints[5, c] + far) else 1.0
            points[c] += w * within
            weight[c] += w * (by_grade * far_g + by_age * far_a)


@njit(cache=True, inline="always")
def _fast_availability(i, n, s, ints, row_days, row_formats, points, weight):
    w = s[W_AVAIL]
    da, fa = row_days[i], row_formats[i]
    if w > 0 and (da | fa) != 0:
        for c in range(n):
            db, fb = ints[0, c], ints[1, c]
            applies = (db | fb) != 0
            met = (
                applies and (da == 0 or db == 0 or (da & db) != 0) and (fa == 0 or fb == 0 or (fa & fb) != 0)
            )
            points[c] += w * (1.0 if met else 0.0)
            weight[c] += w * (1.0 if applies else 0.0)


@njit(cache=True, inline="always")
def _fast_words(n, s, cols, word_j, word_x, word_m, points, weight):
    """The words criterion of a mentee who wrote something: the words shared with the mentors
    ``word_j`` (ascending; ``word_x``: their weight), nothing with the others."""
    w, units = s[W_WORDS], s[WORD_UNITS]
    wa = 0
    for c in range(n):
        while wa < word_m and word_j[wa] < cols[c]:
            wa += 1
        x = word_x[wa] if wa < word_m and word_j[wa] == cols[c] else 0.0
        points[c] += w * x / (x + units)
        weight[c] += w


@njit(cache=True, inline="always")
def _fast_values(n, s, points, weight, out):
    """The scores from the points and the weights, the fairness power applied; returns the best."""
    tiny = 2.2250738585072014e-308
    clamp = s[W_LOAD] <= 0
    power = s[POWER]
    best = -1.0
    for c in range(n):
        wt = weight[c]
        if clamp and wt < tiny:
            wt = tiny
        value = points[c] * 100.0 / wt
        if power != 1.0 and value > 0:
            value = 100.0 * (value / 100.0) ** power
        out[c] = value
        if value > best:
            best = value
    return best


@njit(cache=True, inline="always")
def _fast_forbidden(i, n, cols, forb_indptr, forb_col, out, best):
    """-1 for the couples excluded; returns the best score left."""
    for e in range(forb_indptr[i], forb_indptr[i + 1]):
        at = np.searchsorted(cols, forb_col[e])
        if at < n and cols[at] == forb_col[e]:
            out[at] = -1.0
    if forb_indptr[i + 1] > forb_indptr[i]:
        best = -1.0
        for c in range(n):
            if out[c] > best:
                best = out[c]
    return best


@njit(cache=True)
def above(indptr, cols, scores, slack, bar_row, bar_col):
    """Indices of the kept couples whose score + slack is above both their row's bar and their
    column's (the couples that might block, for :func:`pairing.matching._blocking`): one pass, no
    temporaries over the whole store."""
    count = 0
    for i in range(len(indptr) - 1):
        b = bar_row[i]
        for e in range(indptr[i], indptr[i + 1]):
            x = scores[e] + slack
            if x > b and x > bar_col[cols[e]]:
                count += 1
    out = np.empty(count, dtype=np.int64)
    m = 0
    for i in range(len(indptr) - 1):
        b = bar_row[i]
        for e in range(indptr[i], indptr[i + 1]):
            x = scores[e] + slack
            if x > b and x > bar_col[cols[e]]:
                out[m] = e
                m += 1
    return out


@njit(cache=True)
def propose(
    flat,
    offer,
    starts,
    counts,
    more,
    capacity,
    slot_start,
    held_row,
    held_key,
    used,
    holder,
    nxt,
    stack,
    pending,
):
    """Deferred acceptance, the mentees proposing one at a time: mentee i proposes to flat[starts[i] +
    nxt[i]], its next mentor; a mentor with a free place holds it, a full one holds it instead of its
    worst held mentee when the offer (``offer``, lower is better; equal ones: the lower mentee) beats
    that one's, who proposes next. Strict preferences on both sides: the same outcome as rounds of
    simultaneous offers (the mentee-optimal stable assignment). The mentees to propose are ``stack``
    (consumed); the state arrays are updated in place. Returns how many mentees ran out of their list
    while ``more`` says they have further mentors, listed at the start of ``pending``: the caller
    extends their lists and calls again with them."""
    top = len(stack)
    waiting = 0
    while top > 0:
        i = stack[top - 1]
        placed = False
        while nxt[i] < counts[i]:
            e = starts[i] + nxt[i]
            nxt[i] += 1
            j = flat[e]
            o = offer[e]
            a = slot_start[j]
            if used[j] < capacity[j]:
                held_row[a + used[j]] = i
                held_key[a + used[j]] = o
                used[j] += 1
                holder[i] = j
                placed = True
                break
            if capacity[j] == 0:
                continue
            w = a
            for s in range(a + 1, a + used[j]):  # the worst held: the highest key, then the higher mentee
                if held_key[s] > held_key[w] or (held_key[s] == held_key[w] and held_row[s] > held_row[w]):
                    w = s
            if o < held_key[w] or (o == held_key[w] and i < held_row[w]):
                out = held_row[w]
                held_row[w] = i
                held_key[w] = o
                holder[i] = j
                holder[out] = -1
                stack[top - 1] = out  # the one turned down proposes next
                placed = True
                break
        if placed:
            if holder[stack[top - 1]] >= 0:
                top -= 1
            continue
        top -= 1
        if more[i]:
            pending[waiting] = i
            waiting += 1
    return waiting


@njit(cache=True)
def extension(found, limit, mark, cursor_score, cursor_turn, offset, keep):
    """The next couples of each line of ``found`` (a block of rows × mentors, -inf: not eligible) for a
    deferred acceptance list: at most ``keep[r]`` of them, by score (higher first), equal ones by their
    turn — mentor ``p`` is line r's turn ``(p - offset[r]) mod width`` (the lines start at different
    mentors, so that mentees who tie everywhere do not all propose to the same few). Only those after
    the line's cursor (``cursor_score``, ``cursor_turn``: the last couple listed before, in that order)
    and wanted: ``mark`` 1 (taken whatever its score), or 0 and a score at least ``limit[p]``; -1 never.
    Returns (count, places, scores, more): per line how many, the mentors' places and scores in order
    (line after line), and whether it may have left wanted couples out (its list can be extended again
    after them). No couple after the cursor scores above it: once ``keep[r]`` couples at the cursor's
    score are found the rest of the line is not looked at (where scores tie, a few mentors instead of
    the whole row)."""
    lines, width = found.shape
    room = 0
    for r in range(lines):
        room += min(keep[r], width)
    count = np.zeros(lines, dtype=np.int64)
    places = np.empty(room, dtype=np.int64)  # (never written beyond what is found: no memory)
    scores = np.empty(room)
    more = np.zeros(lines, dtype=np.bool_)
    cand_s = np.empty(width)
    cand_p = np.empty(width, dtype=np.int64)
    at = 0
    for r in range(lines):
        m, more[r] = _line_candidates(
            found, r, limit, mark, cursor_score[r], cursor_turn[r], offset[r], keep[r], cand_s, cand_p
        )
        ordered = True  # (in turn order already: where scores tie, sorted as found)
        for e in range(1, m):
            if cand_s[e] > cand_s[e - 1]:
                ordered = False
                break
        if ordered:
            places[at : at + m] = cand_p[:m]
            scores[at : at + m] = cand_s[:m]
        else:
            order = np.argsort(-cand_s[:m], kind="mergesort")  # stable: equal scores stay in turn order
            for e in range(m):
                places[at + e] = cand_p[order[e]]
                scores[at + e] = cand_s[order[e]]
        at += m
        count[r] = m
    return count, places[:at], scores[:at], more


@njit(cache=True, inline="always")
def _line_candidates(found, r, limit, mark, cs, ct, offset, k, cand_s, cand_p):
    """Line r's ``k`` best wanted couples after the cursor (:func:`extension`) in ``cand_s`` and
    ``cand_p``, in turn order: (how many, whether others were left out)."""
    width = found.shape[1]
    more = False
    m = 0
    tied = 0  # couples found at the cursor's score: no later one comes before them
    low = -np.inf  # with k candidates or more: a later one scoring at most this is not among the k best
    for t in range(width):
        if tied == k:
            more = True  # (maybe others: the rest of the line was not looked at)
            break
        p = offset + t
        if p >= width:
            p -= width
        s = found[r, p]
        g = mark[r, p]
        if s == -np.inf or g < 0 or (g == 0 and s < limit[p]):
            continue
        if s > cs or (s == cs and t <= ct):
            continue  # listed before (or passed over then: it would have been turned down)
        if m >= k and s <= low:
            more = True
            continue
        cand_s[m] = s
        cand_p[m] = p
        m += 1
        if s == cs:
            tied += 1
        if m == k:
            low = cand_s[:m].min()
        elif m == 2 * k:  # (the k best of them, and the bound rises)
            more = True
            m = _highest(cand_s, cand_p, m, k)
            low = cand_s[:m].min()
    if m > k:
        more = True
        m = _highest(cand_s, cand_p, m, k)
    return m, more


@njit(cache=True, inline="always")
def _highest(cand_s, cand_p, m, k):
    """Keep, of the first ``m`` candidates, the ``k`` of highest score (equal ones: the first), in
    their order, at the start of the arrays; returns ``k``."""
    bound = -np.partition(-cand_s[:m], k - 1)[k - 1]  # the k-th highest score
    above = 0
    for e in range(m):
        if cand_s[e] > bound:
            above += 1
    equal = k - above  # of the couples at the bound, the first in turn
    w = 0
    for e in range(m):
        s = cand_s[e]
        if s > bound or (s == bound and equal > 0):
            if s == bound:
                equal -= 1
            cand_s[w] = s
            cand_p[w] = cand_p[e]
            w += 1
    return w
