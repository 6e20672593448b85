"""The stable assignment at scale: deferred acceptance runs down each mentee's stored best couples and
extends the list of a mentee turned down by all of them (``matching._extend_lists``). Checked against the
definition on the dense matrix of exact scores (``score_matrix``), with the store cut short so that many
lists run out — the shape of a school that filled in the questionnaire but wrote no free text (wide ties,
networking choices for three mentees in ten)."""

from __future__ import annotations

import numpy as np
import pytest

from pairing import matching
from pairing.classes import TIE
from pairing.matching import Settings, match, score_matrix
from tests.bench.bench_matching import make_instance


def blocking_by_definition(mentees, mentors, result) -> int:
    """Couples not together, eligible, where the mentee prefers the mentor (its networking choices
    first, in order, then a score higher by more than TIE) and the mentor has a free place or a held
    mentee it likes less by more than TIE (no mentor ranks anybody here)."""
    ids, mentor_ids, scores = score_matrix(mentees, mentors, Settings())
    row, col = {m: r for r, m in enumerate(ids)}, {m: c for c, m in enumerate(mentor_ids)}
    n, k = scores.shape
    eligible = scores > 0
    rank = np.full((n, k), np.inf)
    for mentee in mentees:
        for place, mentor in enumerate(mentee.preferences):
            rank[row[mentee.id], col[mentor]] = place
    partner = np.full(n, -1, dtype=np.int64)
    for pair in result.pairs:
        partner[row[pair.mentee]] = col[pair.mentor]
    held = np.bincount(partner[partner >= 0], minlength=k)
    capacity = np.array([mentor.capacity for mentor in mentors])
    worst = np.full(k, np.inf)
    for paired in np.flatnonzero(partner >= 0).tolist():
        worst[partner[paired]] = min(worst[partner[paired]], scores[paired, partner[paired]])
    count = 0
    for i in range(n):
        j0 = partner[i]
        if j0 < 0:
            wants = eligible[i].copy()
        elif np.isfinite(rank[i, j0]):
            wants = eligible[i] & (rank[i] < rank[i, j0])
        else:
            wants = eligible[i] & (np.isfinite(rank[i]) | (scores[i] > scores[i, j0] + TIE))
        if j0 >= 0:
            wants[j0] = False
        takes = (held < capacity) | (scores[i] > worst + TIE)
        count += int((wants & takes).sum())
    return count


@pytest.mark.parametrize("keep", [8, 32])
@pytest.mark.parametrize("n_mentors", [320, 150])
def test_stable_assignment_with_lists_cut_short_has_no_blocking_couple(monkeypatch, keep, n_mentors):
    """With 150 mentors the places are short: the mentees left out run through their whole rows, and
    the extension leaves out the mentors already full of better offers (``matching._bars``) — run on
    07.12.2026 with the bar ten points too strict: failed here (one point: passed, the scores of this
    shape are that coarse)."""
    mentees, mentors = make_instance(900, n_mentors, seed=7, variant="questionnaire")
    monkeypatch.setattr(matching, "_KEEP_MIN", keep)
    monkeypatch.setattr(matching, "_KEEP_MAX", keep)
    extended = []
    real = matching._extend_lists
    monkeypatch.setattr(matching, "_extend_lists", lambda *a: extended.append(len(a[2])) or real(*a))
    result = match(mentees, mentors, Settings(stable=True))
    assert sum(extended) > 0  # some lists ran out and were extended
    places = sum(mentor.capacity for mentor in mentors)
    if places >= 900:  # places for everyone: a stable assignment leaves nobody eligible out
        assert len(result.pairs) == 900
    else:
        assert len(result.pairs) == places  # (everybody here is eligible with everybody)
    assert result.blocking_pairs == 0
    assert blocking_by_definition(mentees, mentors, result) == 0


def test_an_extended_list_leaves_out_the_full_mentors_it_only_ties(monkeypatch):
    """Profiles not filled in yet, one form: every couple ties. A list extended after its stored couples
    ran out holds the mentors with a free place, and a full mentor only where the offer beats the worst
    mentee it holds by more than TIE — a tie is no blocking couple, and listing the ties had every
    mentee turned down displace the next at every full mentor in turn (10,000 × 3,400: 6.4 s, 2.8 s
    without them). Still stable by the definition."""
    import dataclasses

    mentees, mentors = make_instance(600, 150, seed=5, variant="choices")
    mentees = [dataclasses.replace(m, form="", preferences=()) for m in mentees]
    mentors = [dataclasses.replace(m, forms=frozenset({"pupil_pupil"})) for m in mentors]
    monkeypatch.setattr(matching, "_KEEP_MIN", 8)
    monkeypatch.setattr(matching, "_KEEP_MAX", 8)
    appended: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []  # (mentors, offers, bars then)
    real = matching._extend_lists

    def watched(problem, scored, rows, group, slots, lists, bar):
        before = len(lists.flat.data)
        real(problem, scored, rows, group, slots, lists, bar)
        appended.append((lists.flat.data[before:].copy(), lists.offer.data[before:].copy(), bar.copy()))

    monkeypatch.setattr(matching, "_extend_lists", watched)
    result = match(mentees, mentors, Settings(stable=True))
    assert appended and sum(len(found) for found, _offers, _bars in appended) > 0
    for found, offers, bars in appended:
        bar = bars[found]
        assert (np.isinf(bar) | (offers < bar - TIE / 2)).all()
    assert result.blocking_pairs == 0
    assert blocking_by_definition(mentees, mentors, result) == 0


@pytest.mark.parametrize("first", [1, 2, 32])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_lists_extended_a_few_couples_at_a_time_stay_stable(monkeypatch, first, seed):
    """breaker16's shape (one form, profiles not filled in, places for about half the pupils, networking
    choices on both sides) with the store cut to 4 couples: a list that runs out is extended by its next
    ``first`` couples, then twice as many, each time after the last one listed — every mentee left out
    is extended again and again. Stable by the definition (breaker16's reference, both sides' ranks)."""
    import random

    from tests.bench.bench_matching import _half_places
    from tests.pairing.test_breaker16 import _unexplained_blocking

    mentees, mentors = _half_places(400, 140, random.Random(seed))
    monkeypatch.setattr(matching, "_KEEP_MIN", 4)
    monkeypatch.setattr(matching, "_KEEP_MAX", 4)
    monkeypatch.setattr(matching, "_EXTEND_FIRST", first, raising=False)
    times = []
    real = matching._extend_lists
    monkeypatch.setattr(matching, "_extend_lists", lambda *a: times.append(len(a[2])) or real(*a))
    settings = Settings(stable=True)
    result = match(mentees, mentors, settings)
    assert len(times) >= 2  # lists were extended more than once
    assert result.blocking_pairs == 0
    assert _unexplained_blocking(mentees, mentors, settings, result) == []


def test_an_extension_lists_the_next_few_couples_not_the_whole_row(monkeypatch):
    """Where everybody ties (profiles not filled in) and places are short, the mentees left out each had
    every mentor with a free place listed at once (10,000 × 3,400: 6.6 million couples, 1.1 s); now a
    first extension lists _EXTEND_FIRST couples (twice as many at each next one), starting at a different
    mentor per mentee, so that one proposal places most of those who can be placed."""
    import random

    from tests.bench.bench_matching import _half_places

    mentees, mentors = _half_places(1_500, 510, random.Random(4))
    monkeypatch.setattr(matching, "_KEEP_MIN", 8)
    monkeypatch.setattr(matching, "_KEEP_MAX", 8)
    listed, offered = [], []
    real = matching._extend_lists

    def watched(problem, scored, rows, group, slots, lists, bar):
        before = len(lists.flat.data)
        real(problem, scored, rows, group, slots, lists, bar)
        listed.append(len(lists.flat.data) - before)
        offered.append(len(rows) * int((slots[group] > 0).sum()))

    monkeypatch.setattr(matching, "_extend_lists", watched)
    result = match(mentees, mentors, Settings(stable=True))
    assert result.blocking_pairs == 0
    assert listed and sum(listed) < 0.2 * sum(offered), (sum(listed), sum(offered))
