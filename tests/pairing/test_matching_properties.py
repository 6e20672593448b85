"""Property tests of the matching engine's optimum, against an independent reference.

The instances are built to be hard for a sparse solver that proves its answer with dual prices:
few request tags, many empty profiles, equal capacities and loads, so that scores tie widely and
many couples are equally good. The reference scores every couple one by one with ``score_pair``
(not the engine's vectorised scorer) and solves the dense assignment with every mentor repeated for
its places (``scipy.optimize.linear_sum_assignment``) — a different algorithm on a different matrix.

Each test also runs with the engine's candidate graph deliberately starved (a mentee keeps one or two
mentors), so that the proof — not the first guess — has to find the optimum: a proof that skips some
couples (as the one that gave a mentee absent from the graph the price +inf did) fails at once here.

Every certificate the engine declares is checked by weak duality (``check_certificate``), and the proof's
check of the couples left out of the store is also called directly (the last test). Run on 06.12.2026
against deliberately broken proofs (with a fifth of the instances), each was caught: the price +inf, or
the largest price, for mentees absent from the graph, and the stored couples of mentees without a pair
skipped (by ``..._omits_mentees``); a couple violated only above 0.5 point, mentees scored again only when
their bound beats the dearest mentor, a mentee scored again never scored again (by
``..._omits_mentees_and_one_couple_is_kept``); the incremental bound without the mentors that got cheaper,
or without the mentors left unscored (only by the direct test: the engine-level ones missed both).
Run on 06.12.2026 against the check's memory of couples listed near the prices: the listed couples not
looked at again, and the bound of a mentee scored again taken as its largest couple scored (without the
mentors too dear to be scored) — each caught by the direct test and by the hand-built
``test_a_couple_listed_at_an_earlier_check_is_checked_again_and_the_bound_covers_the_unscored``.
Run on 06.12.2026 with the round limits forced to one (``one_round``): a compressed solver that always
claims certified (m12: missed before, since no test ever reached a round limit), one that reports a
tenth of its gap, and a sparse solver that claims certified when it stops at its limit — each caught
by ``..._stopped_at_its_round_limit_claims_only_what_it_proved`` and
``test_the_round_limit_is_reached_and_reported`` (a run that stops is not certified and its gap bounds
the optimum; a certified one is checked by weak duality).
"""

from __future__ import annotations

import dataclasses
import random

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy.optimize import linear_sum_assignment

from pairing import matching
from pairing.classes import TIE
from pairing.matching import Mentee, Mentor, Settings, Weights, match, score_pair

POOLS = (("математика",), ("математика", "физика"), ("математика", "физика", "олимпиады"))
INTERESTS = (("шахматы",), ("шахматы", "театр"))
FORMS = ("pupil_pupil", "teacher_teacher")

EXAMPLES = {
    "ties": 700,
    "starved": 700,
    "starved_unrepaired": 300,
    "types": 500,
    "larger": 300,
    "stable": 300,
    "fair": 300,
    "fair_starved": 300,
    "blocking": 200,
    "half": 300,
    "groups": 300,
    "omitted": 300,
    "omitted_stored": 300,
    "rescoring": 400,
    "round_limit": 300,
    "round_limit_types": 300,
}  # instances per test: 5,800 in all


def common(examples: int):
    # the starving fixture only patches module constants: the same for every generated input
    return settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )


@st.composite
def instances(draw, max_mentees: int = 40, max_mentors: int = 14):
    """(mentees, mentors, settings) with wide ties: the shape from hypothesis, the people from a seed."""
    n = draw(st.integers(0, max_mentees))
    k = draw(st.integers(0, max_mentors))
    empty = draw(st.sampled_from((0.0, 0.5, 0.9, 1.0)))  # share of empty profiles
    tags = draw(st.sampled_from(POOLS))
    interests = draw(st.sampled_from(INTERESTS))
    capacity = draw(st.sampled_from(((1, 1), (2, 2), (0, 3), (1, 3))))
    grades = draw(st.sampled_from(((7,), (6, 7), (5, 6, 7, 8))))
    two_forms = draw(st.booleans())
    seed = draw(st.integers(0, 2**32 - 1))
    rng = random.Random(seed)

    def some(pool):
        return frozenset() if rng.random() < empty else frozenset(rng.sample(pool, rng.randint(0, len(pool))))

    mentors = [
        Mentor(
            id=1000 + j,
            forms=frozenset(rng.sample(FORMS, rng.randint(1, 2)) if two_forms else FORMS[:1]),
            competencies=some(tags),
            interests=some(interests),
            grade=rng.choice((None, 9, 10)) if rng.random() < 0.5 else 9,
            age=rng.choice((None, 16, 30)),
            subject="" if rng.random() < empty else rng.choice(("математика", "физика")),
            special_needs_trained=rng.random() < 0.3,
            trained=rng.random() < 0.9,
            has_consent=rng.random() < 0.95,
            capacity=rng.randint(*capacity),
            current_load=0 if rng.random() < 0.8 else 1,
            preferences=(),
        )
        for j in range(k)
    ]
    mentees = [
        Mentee(
            id=1 + i,
            form=rng.choice(FORMS) if two_forms else rng.choice((FORMS[0], FORMS[0], "")),
            requests=some(tags),
            interests=some(interests),
            grade=rng.choice((None, *grades)),
            age=rng.choice((None, 12, 14)),
            subject="" if rng.random() < empty else rng.choice(("математика", "физика")),
            special_needs=rng.random() < 0.1,
            has_consent=rng.random() < 0.95,
            preferences=tuple(rng.sample([m.id for m in mentors], min(k, rng.choice((0, 0, 0, 1, 2))))),
        )
        for i in range(n)
    ]
    weights = draw(
        st.sampled_from(
            (Weights(), Weights(interests=0, preferences=0), Weights(0, 0, 0, 1, 0, 0, 1), Weights(load=0))
        )
    )
    options = Settings(
        weights=weights,
        require_training=draw(st.booleans()),
        maximise_count=draw(st.booleans()),
        min_score=draw(st.sampled_from((0.0, 0.0, 50.0))),
        exclusions=frozenset(
            (rng.choice(mentees).id, rng.choice(mentors).id) for _ in range(2) if mentees and mentors
        ),
    )
    mentees, mentors = with_words(mentees, mentors, seed)
    return mentees, mentors, options


WORDS = ("w:пожар", "w:дружин", "w:телескоп", "w:гто", "c:math", "w:олимп")


def with_words(mentees, mentors, seed: int, pool=WORDS):
    """The people with the words that break ties (``keywords``, the mentors' weighed among them), from
    a random stream of their own — the rest of an instance is what the seed drew before words counted;
    a quarter of the instances have none."""
    rng = random.Random(seed + 1)
    if rng.random() < 0.25:
        return mentees, mentors

    def some():
        return frozenset(rng.sample(pool, rng.randint(0, 3)))

    mentors = matching.specific_words([dataclasses.replace(m, keywords=some()) for m in mentors])
    return [dataclasses.replace(m, keywords=some()) for m in mentees], mentors


def couples(mentees, mentors, options: Settings) -> dict[tuple[int, int], float]:
    """The score of every couple that may be proposed, one by one with ``score_pair`` (not the
    engine's vectorised or compiled scorer): allowed, at least the threshold, above 0 unless counting."""
    found = {}
    for a in mentees:
        for b in mentors:
            scored = score_pair(a, b, options)
            if (
                scored is not None
                and scored[0] >= options.min_score
                and (scored[0] > 0 or options.maximise_count)
            ):
                found[a.id, b.id] = scored[0]
    return found


def places(mentor: Mentor, options: Settings) -> int:
    usable = mentor.has_consent and (mentor.trained or not options.require_training)
    return max(mentor.capacity, 0) if usable else 0


def reference(mentees, mentors, options: Settings, power: float = 1.0) -> tuple[float, int]:
    """(total score, pairs) of the optimum: couple by couple scores, dense Hungarian method on the
    mentors expanded to their places. With ``maximise_count`` every pair is worth a bonus larger
    than any total, so the most pairs come first and then the best score. With ``power`` < 1 each
    pair is worth 100·(score/100)^power (the fairness objective) and that total is returned."""
    expanded = [m for m in mentors for _ in range(max(m.capacity, 0))]
    if not mentees or not expanded:
        return 0.0, 0
    found = couples(mentees, mentors, options)
    scores = np.zeros((len(mentees), len(expanded)))
    eligible = np.zeros(scores.shape, dtype=bool)
    for i, a in enumerate(mentees):
        for c, b in enumerate(expanded):
            value = found.get((a.id, b.id))
            if value is not None:
                scores[i, c] = 100 * (value / 100) ** power if value > 0 else 0.0
                eligible[i, c] = True
    bonus = 100.0 * (len(mentees) + 1) if options.maximise_count else 0.0
    gains = np.where(eligible, scores + bonus, 0.0)
    rows, cols = linear_sum_assignment(gains, maximize=True)
    used = eligible[rows, cols] & (gains[rows, cols] > 0)
    return float(scores[rows, cols][used].sum()), int(used.sum())


def check_certificate(mentees, mentors, options: Settings, result, certificate) -> None:
    """The dual prices the engine's proof rests on, checked by weak duality against every couple
    scored one by one: no couple is worth more than its mentee's price plus its mentor's, no price is
    negative, and the prices add up (each mentor's times its places) to the total gain of the pairs.
    Then no assignment gains more, whatever the engine's graph held: an unsound proof fails here even
    where it happens to reach the optimum."""
    problem, _slots, bonus, _assigned, u, v = certificate
    scale = max(1.0, bonus / 100.0)
    tolerance = 1e-6 * scale
    row = {m.id: i for i, m in enumerate(problem.mentees)}
    col = {m.id: j for j, m in enumerate(problem.mentors)}
    mentor_by_id = {m.id: m for m in mentors}
    free = {m.id for m in mentees if m.has_consent}
    found = couples(mentees, mentors, options)
    for (a, b), value in found.items():
        if a in free and places(mentor_by_id[b], options) > 0:
            excess = value + bonus - u[row[a]] - v[col[b]]
            assert excess <= tolerance, f"couple ({a}, {b}) worth {excess} more than its prices"
    price_u = np.array([u[row[m.id]] for m in mentees if m.id in free])
    price_v = np.array([v[col[m.id]] for m in mentors])
    assert (price_u >= -tolerance).all() and (price_v >= -tolerance).all()
    dual = float(price_u.sum() + sum(places(m, options) * p for m, p in zip(mentors, price_v, strict=True)))
    primal = sum(found[p.mentee, p.mentor] + bonus for p in result.pairs)
    assert dual - primal <= tolerance * (len(mentees) + len(mentors) + 1), (dual, primal)


def check(mentees, mentors, options: Settings) -> None:
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
    assert len(certificates) == 1
    check_certificate(mentees, mentors, options, result, certificates[0])
    # the pairs are allowed, eligible, within the places, each mentee at most once
    by_id, mentor_by_id = {m.id: m for m in mentees}, {m.id: m for m in mentors}
    seen: dict[int, int] = {}
    for pair in result.pairs:
        scored = score_pair(by_id[pair.mentee], mentor_by_id[pair.mentor], options)
        assert scored is not None and scored[0] >= options.min_score
        seen[pair.mentor] = seen.get(pair.mentor, 0) + 1
    assert all(seen[m] <= mentor_by_id[m].capacity for m in seen)
    assert len({p.mentee for p in result.pairs}) == len(result.pairs)


@common(EXAMPLES["ties"])
@given(instances())
def test_optimum_with_ties(case):
    check(*case)


@pytest.fixture
def starved(monkeypatch):
    """The engine's first graph as small as it can be: one mentor per mentee (one couple per type for
    the compressed solver), nothing near the prices."""
    monkeypatch.setattr(matching, "_TYPE_EDGES", 1)
    monkeypatch.setattr(matching, "_ROW_KEEP", 1)
    monkeypatch.setattr(matching, "_COLUMN_KEEP", 1)
    monkeypatch.setattr(matching, "_NEW_PER_ROW", 1)
    monkeypatch.setattr(matching, "_UNMATCHED_PER_MENTOR", 1)
    monkeypatch.setattr(matching, "_SELECT_MARGIN", 0.0)
    monkeypatch.setattr(matching, "_SELECT_LIMIT", 1, raising=False)
    monkeypatch.setattr(matching, "_REPAIR_MARGIN", 0.0)
    monkeypatch.setattr(matching, "_REPAIR_LIMIT", 1, raising=False)


@pytest.fixture
def omitting(monkeypatch):
    """Every other mentee (by the engine's row) is left out of every graph the engine chooses: none of
    its couples is selected and the auction's holders are dropped, so only the proof (the couples its
    prices fail on) can bring those mentees in — the case of the price +inf given to a mentee absent
    from the graph."""
    scan, prices = matching._scan, matching._prices

    def scan_without(*args, **kwargs):
        rows, cols = scan(*args, **kwargs)
        keep = rows % 2 == 0
        return rows[keep], cols[keep]

    def prices_without(scored, slots, n):
        price, holder, rounds = prices(scored, slots, n)
        return price, np.where(np.arange(n) % 2 == 0, holder, -1), rounds

    monkeypatch.setattr(matching, "_scan", scan_without)
    monkeypatch.setattr(matching, "_prices", prices_without)


@pytest.fixture
def sparse_only(monkeypatch):
    """The sparse solver even where the people fall into few types."""
    monkeypatch.setattr(matching, "_TYPE_SHARE", 0.0)


@common(EXAMPLES["starved"])
@given(case=instances())
def test_optimum_when_the_first_graph_is_starved(starved, sparse_only, case):
    check(*case)


@common(EXAMPLES["starved_unrepaired"])
@given(case=instances())
def test_optimum_when_the_first_graph_is_starved_and_only_the_proof_repairs_it(
    starved, sparse_only, monkeypatch, case
):
    """As above, without the repairs from the stored couples before the proof: the proof's own rounds
    (which also score the couples left out of the store) bring the graph to the optimum."""
    monkeypatch.setattr(matching, "_STORED_ROUNDS", 0)
    check(*case)


def wordties(seed: int):
    """The stranger's «wordties» shape, small: one form, three tags, 0–4 words per person from an even
    vocabulary of 400, mentors of three ages with 1–3 places (600 mentees, 200 mentors)."""
    rng = random.Random(seed)
    tags, words = POOLS[2], [f"w:{i}" for i in range(400)]

    def some() -> frozenset[str]:
        return frozenset(rng.sample(words, rng.randint(0, 4)))

    mentees = [
        Mentee(1 + i, "", frozenset(rng.sample(tags, rng.randint(0, 1))), frozenset(), rng.choice((5, 6, 7, 8, 9)),
               None, "", False, True, keywords=some())
        for i in range(600)
    ]  # fmt: skip
    mentors = matching.specific_words([
        Mentor(10_000 + j, frozenset({""}), frozenset(rng.sample(tags, rng.randint(0, 2))), frozenset(), None,
               rng.choice((30, 40, 50)), "", False, True, True, rng.choice((1, 2, 3)), 0, keywords=some())
        for j in range(200)
    ])  # fmt: skip
    return mentees, mentors


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_wide_ties_are_repaired_from_the_store_and_proved_at_the_first_check(seed):
    """The auction's graph leaves mentors without a mentee in its optimum (priced 0, so thousands of
    couples left out of the store refute the prices); repaired from the stored couples alone before the
    proof, the first check of every couple proves the optimum (it took 2–3 exact solves, each scoring
    every mentee's row again). The total is the dense optimum."""
    mentees, mentors = wordties(seed)
    result = match(mentees, mentors)
    assert result.stats["certified"] == 1.0 and result.stats["gap"] == 0.0
    assert result.stats["rounds"] == 1.0 and "types" not in result.stats
    _, mentor_ids, dense = matching.score_matrix(mentees, mentors)
    places = {m.id: m.capacity for m in mentors}
    expanded = np.repeat(dense, [places[i] for i in mentor_ids], axis=1)
    rows, cols = linear_sum_assignment(expanded, maximize=True)
    assert result.total_score == pytest.approx(float(expanded[rows, cols].sum()), abs=1e-6)


def test_a_first_graph_refuted_by_few_stored_couples_is_left_to_the_proof(monkeypatch):
    """Repairs from the store only when the first prices are refuted massively (one couple per
    _STORED_MANY mentees or more): refuted by fewer, the run is the one without such repairs — the
    proof's first check finds those couples anyway, and realistic programmes keep their pairs."""
    mentees, mentors = wordties(1)
    monkeypatch.setattr(matching, "_STORED_MANY", 0, raising=False)  # every refutation counts as few
    few = match(mentees, mentors)
    monkeypatch.setattr(matching, "_STORED_ROUNDS", 0)
    without = match(mentees, mentors)
    assert few.pairs == without.pairs and few.stats == without.stats
    assert few.stats["rounds"] > 1.0  # and the repairs were not needed for the proof: it found its way


@common(EXAMPLES["omitted"])
@given(case=instances(max_mentees=60, max_mentors=20))
def test_optimum_when_the_graph_omits_mentees(starved, sparse_only, omitting, case):
    check(*case)


@common(EXAMPLES["omitted_stored"])
@given(case=instances(max_mentees=60, max_mentors=20))
def test_optimum_when_the_graph_omits_mentees_and_one_couple_is_kept(
    starved, sparse_only, omitting, monkeypatch, case
):
    monkeypatch.setattr(matching, "_STORE_COUPLES", 0)
    monkeypatch.setattr(matching, "_KEEP_MIN", 1)
    check(*case)


@common(EXAMPLES["half"])
@given(case=instances())
def test_optimum_with_one_couple_kept_per_mentee(starved, sparse_only, monkeypatch, case):
    """A region's pool keeps only each mentee's best couples and a bound on the others: kept to one,
    the proof must score the others again wherever the bound cannot settle them, and stay exact."""
    monkeypatch.setattr(matching, "_STORE_COUPLES", 0)
    monkeypatch.setattr(matching, "_KEEP_MIN", 1)
    check(*case)


@common(EXAMPLES["types"])
@given(case=instances())
def test_optimum_of_the_compressed_solver(starved, monkeypatch, case):
    """Where the people fall into few types, the transportation problem between types."""
    monkeypatch.setattr(matching, "_TYPE_MIN", 0)
    check(*case)


@common(EXAMPLES["larger"])
@given(case=instances(max_mentees=90, max_mentors=30))
def test_optimum_on_larger_tie_heavy_instances(starved, case):
    check(*case)


def test_empty_profiles_go_to_the_compressed_solver_and_are_proved():
    rng = random.Random(5)
    mentors = [
        Mentor(
            1000 + j,
            frozenset(FORMS[:1]),
            frozenset(),
            frozenset(),
            rng.choice((9, 10)),
            None,
            "",
            False,
            True,
            True,
            rng.randint(1, 3),
            0,
        )
        for j in range(40)
    ]
    mentees = [
        Mentee(1 + i, FORMS[0], frozenset(), frozenset(), rng.choice((5, 6, 7, 8)), None, "", False, True)
        for i in range(150)
    ]
    matching_min = matching._TYPE_MIN
    matching._TYPE_MIN = 0
    try:
        result = match(mentees, mentors)
    finally:
        matching._TYPE_MIN = matching_min
    assert "types" in result.stats and result.stats["types"] <= 6
    assert result.stats["certified"] == 1.0 and result.stats["gap"] == 0.0
    assert result.total_score == pytest.approx(reference(mentees, mentors, Settings())[0], abs=1e-6)


def brute_blocking(mentees, mentors, options: Settings, result) -> set[tuple[int, int]]:
    """The blocking couples by their definition, couple by couple: each side prefers whom it ranked
    at the networking session (in that order) to anyone unranked, then the higher score."""
    partner = {p.mentee: p.mentor for p in result.pairs}
    by_id, mentor_by_id = {m.id: m for m in mentees}, {m.id: m for m in mentors}

    def worth(a, b):
        scored = score_pair(a, b, options)
        ok = (
            scored is not None
            and scored[0] >= options.min_score
            and (scored[0] > 0 or options.maximise_count)
        )
        return scored[0] if ok else None

    def key(preferences, person, value):
        return (0, preferences.index(person)) if person in preferences else (1, -value)

    def better(preferences, person, value, other, other_value):
        """Ranked first, in order; then a score higher by more than TIE (equal but for rounding: equal)."""
        if person in preferences or other in preferences:
            return key(preferences, person, value) < key(preferences, other, other_value)
        return value > other_value + TIE

    found = set()
    for a in mentees:
        for b in mentors:
            value = worth(a, b)
            if value is None or partner.get(a.id) == b.id:
                continue
            now = partner.get(a.id)
            if now is not None:
                current = score_pair(a, mentor_by_id[now], options)[0]
                if not better(a.preferences, b.id, value, now, current):
                    continue
            held = [m for m, t in partner.items() if t == b.id]
            if len(held) >= b.capacity:
                worst = max(held, key=lambda m: key(b.preferences, m, score_pair(by_id[m], b, options)[0]))
                worst_value = score_pair(by_id[worst], b, options)[0]
                if not better(b.preferences, a.id, value, worst, worst_value):
                    continue
            found.add((a.id, b.id))
    return found


@common(EXAMPLES["stable"])
@given(case=instances(max_mentees=30, max_mentors=10))
def test_stable_option_leaves_no_blocking_couple_and_shows_its_cost(case):
    mentees, mentors, options = case
    options = Settings(**{**options.__dict__, "stable": True, "maximise_count": False})
    result = match(mentees, mentors, options)
    assert result.blocking_pairs == 0 and result.blocking == ()
    assert brute_blocking(mentees, mentors, options, result) == set()
    optimum = reference(mentees, mentors, options)[0]
    assert result.stats["optimum_total"] == pytest.approx(optimum, abs=1e-6)
    assert result.total_score <= optimum + 1e-6


@common(EXAMPLES["fair"])
@given(case=instances(max_mentees=30, max_mentors=10), fairness=st.sampled_from((0.5, 1.0)))
def test_fairness_option_optimises_the_concave_objective_and_shows_its_cost(case, fairness):
    check_fair(case, fairness)


@common(EXAMPLES["fair_starved"])
@given(case=instances(max_mentees=30, max_mentors=10), fairness=st.sampled_from((0.5, 1.0)))
def test_fairness_option_with_one_couple_kept_per_mentee(starved, sparse_only, monkeypatch, case, fairness):
    """The fair objective's store is the optimum's, transformed (not scored again): with one couple kept
    per mentee, the transformed bound of the others and the couples scored again by the fair objective
    are what the proof rests on. (Run on 07.12.2026 with the bound left untransformed: failed here.)"""
    monkeypatch.setattr(matching, "_STORE_COUPLES", 0)
    monkeypatch.setattr(matching, "_KEEP_MIN", 1)
    check_fair(case, fairness)


def check_fair(case, fairness: float) -> None:
    mentees, mentors, options = case
    options = Settings(**{**options.__dict__, "fairness": fairness})
    result = match(mentees, mentors, options)
    power = 1.0 - 0.75 * fairness
    assert result.stats["certified"] == 1.0
    fair_total, _count = reference(mentees, mentors, options, power)
    by_id, mentor_by_id = {m.id: m for m in mentees}, {m.id: m for m in mentors}
    ours = sum(
        100 * (score_pair(by_id[p.mentee], mentor_by_id[p.mentor], options)[0] / 100) ** power
        for p in result.pairs
    )
    assert ours == pytest.approx(fair_total, abs=1e-6)
    optimum = reference(mentees, mentors, options)[0]
    assert result.stats["optimum_total"] == pytest.approx(optimum, abs=1e-6)
    assert result.total_score <= optimum + 1e-6


@common(EXAMPLES["blocking"])
@given(case=instances(max_mentees=30, max_mentors=10))
def test_listed_blocking_couples_are_those_of_the_definition(case):
    result = match(*case)
    assert result.blocking_pairs == len(result.blocking)  # small: every one is listed
    assert {(c.mentee, c.mentor) for c in result.blocking} == brute_blocking(*case, result)


@common(EXAMPLES["groups"])
@given(case=instances(max_mentees=40, max_mentors=12), size=st.sampled_from((2, 3, 5)))
def test_group_matching_gives_each_group_one_mentor_with_places_for_it(case, size):
    mentees, mentors, options = case
    options = Settings(**{**options.__dict__, "group_size": size, "maximise_count": False})
    result = match(mentees, mentors, options)
    by_id, mentor_by_id = {m.id: m for m in mentees}, {m.id: m for m in mentors}
    groups: dict[int, list] = {}
    load: dict[int, int] = {}
    for pair in result.pairs:
        scored = score_pair(by_id[pair.mentee], mentor_by_id[pair.mentor], options)
        assert scored is not None and scored[0] >= options.min_score and scored[0] > 0
        load[pair.mentor] = load.get(pair.mentor, 0) + 1
        if pair.group:
            groups.setdefault(pair.group, []).append(pair)
    assert all(load[m] <= mentor_by_id[m].capacity for m in load)
    for members in groups.values():
        assert 2 <= len(members) <= size
        assert len({p.mentor for p in members}) == 1
        requests = [by_id[p.mentee].requests for p in members]
        # similar requests: one shared at least, or none at all
        assert frozenset.intersection(*requests) or not any(requests)
        assert len({by_id[p.mentee].form for p in members}) == 1
    assert result.stats["certified"] != result.stats["certified"]  # NaN: no proof claimed


@common(EXAMPLES["rescoring"])
@given(case=instances(max_mentees=40, max_mentors=14), seed=st.integers(0, 2**32 - 1))
def test_the_checks_find_a_violated_couple_whenever_there_is_one(monkeypatch, case, seed):
    """The proof's check of the couples left out of the store, directly: one couple kept per mentee,
    then a sequence of prices (each mentee's price at least its kept couple's worth, so that only the
    couples left out can refute it; the mentors' prices up and down between checks, as in the repair
    rounds). Every eligible couple that, scored exactly, is worth more than its prices is found —
    whatever the earlier checks learnt (scoring mentees again only against the mentors that got
    cheaper since) — and what is found is violated."""
    monkeypatch.setattr(matching, "_STORE_COUPLES", 0)
    monkeypatch.setattr(matching, "_KEEP_MIN", 1)
    mentees, mentors, options = case
    problem = matching._Problem(mentees, mentors, options)
    slots = np.where(problem.col_available, np.maximum(problem.capacity, 0), 0)
    free_rows = problem.row_consent.copy()
    scored = matching._score_pool(problem, slots, free_rows, lambda done: None)
    bonus = 100.0 * (int(free_rows.sum()) + 1) if options.maximise_count else 0.0
    rows = [np.repeat(np.flatnonzero(free_rows[a:b]) + a, len(c)) for a, b, c in scored.groups]
    cols = [np.tile(c, int(free_rows[a:b].sum())) for a, b, c in scored.groups]
    every = matching._exact(problem, matching._cat(rows, np.int64), matching._cat(cols, np.int64))
    rng = np.random.default_rng(seed)
    v = rng.choice((0.0, 5.0, 10.0, 20.0), problem.k)
    kept_rows = scored.entry_rows
    for _check in range(5):
        # the mentors' prices move (some down, some up, in steps that make ties), the mentees' are
        # raised to their kept couple's worth, some a little above it
        v = np.maximum(0.0, v + rng.choice((-10.0, -2.5, 0.0, 0.0, 2.5, 10.0), problem.k))
        u = np.zeros(problem.n)
        np.maximum.at(u, kept_rows, scored.scores + bonus - v[scored.cols])
        u = u + rng.choice((0.0, 0.0, 1.0, 7.5), problem.n)
        monkeypatch.setattr(matching, "_REPAIR_PER_MENTOR", problem.n + 1)
        bad_rows, bad_cols, _scores, _examined, _close = matching._violations(
            problem, scored, u, v, bonus, problem.k + 1
        )
        # with the usual limits per mentee and per mentor: some of them, but one at least if any
        monkeypatch.setattr(matching, "_REPAIR_PER_MENTOR", 1)
        few_rows, few_cols, _scores, _examined, _close = matching._violations(problem, scored, u, v, bonus, 1)
        excess = every[2] + bonus - u[every[0]] - v[every[1]]
        violated = set(zip(every[0][excess > 1e-6].tolist(), every[1][excess > 1e-6].tolist(), strict=True))
        found = set(zip(bad_rows.tolist(), bad_cols.tolist(), strict=True))
        # every couple violated is found (the kept couples hold their prices, so the check looks at
        # every mentee whose couples left out might be worth more), and nothing else
        assert violated <= found, f"{len(violated - found)} couples worth more than their prices not found"
        assert found <= set(zip(every[0][excess > 0].tolist(), every[1][excess > 0].tolist(), strict=True))
        few = set(zip(few_rows.tolist(), few_cols.tolist(), strict=True))
        assert few <= found and bool(few) == bool(found)


def test_a_couple_listed_at_an_earlier_check_is_checked_again_and_the_bound_covers_the_unscored(monkeypatch):
    """The proof's memory of a mentee scored again, by hand. One mentee keeps only its best couple (A)
    in the store; of the two left out, C (the store's bound) is too dear to be scored at the first
    check and B is scored, found just short of violating and listed. Then the mentee's price falls:
    B is violated while no mentor got cheaper and the bound of the rest still holds — only the
    listed couple shows it (a check that trusted the bound for the listed couples too would certify).
    Then it falls further: C is violated too, which only the bound of the mentors not scored
    (the store's bound less the cheapest of them) sends back to scoring (taken as the largest couple
    scored, it would not)."""
    monkeypatch.setattr(matching, "_STORE_COUPLES", 0)
    monkeypatch.setattr(matching, "_KEEP_MIN", 1)
    mentee = Mentee(
        1,
        "pupil_pupil",
        frozenset({"математика", "физика"}),
        frozenset({"шахматы"}),
        7,
        None,
        "",
        False,
        True,
    )

    def mentor(number: int, competencies: tuple[str, ...], interests: tuple[str, ...]) -> Mentor:
        return Mentor(
            1000 + number,
            frozenset({"pupil_pupil"}),
            frozenset(competencies),
            frozenset(interests),
            9,
            None,
            "",
            False,
            True,
            True,
            1,
            0,
        )

    mentors = [
        mentor(0, ("математика", "физика"), ("шахматы",)),  # A: the best, kept
        mentor(1, ("математика",), ()),  # B: the least
        mentor(2, ("математика",), ("шахматы",)),  # C: between them, the bound of those left out
    ]
    options = Settings()
    s_a, s_b, s_c = (score_pair(mentee, m, options)[0] for m in mentors)
    assert s_a > s_c > s_b >= 3.0, (s_a, s_b, s_c)
    problem = matching._Problem([mentee], mentors, options)
    slots = np.ones(3, dtype=np.int64)
    scored = matching._score_pool(problem, slots, problem.row_consent.copy(), lambda done: None)
    assert scored.cols.tolist() == [0] and scored.rest[0] == pytest.approx(s_c)
    v = np.array([s_a - s_b + 0.5, 0.0, s_c - s_b + 2.0])  # C dearer than what the first check scores

    def violated(u: float) -> set[int]:
        bad_rows, bad_cols, *_rest = matching._violations(problem, scored, np.array([u]), v, 0.0)
        return set(bad_cols.tolist())

    assert violated(s_b + 1.0) == set()  # B one point short: listed; C not scored
    assert scored.rescored.cols.tolist() == [1]
    assert violated(s_b - 0.5) == {1}  # B violated by half a point; A and C hold
    assert violated(s_b - 3.0) == {0, 1, 2}


def check_limited(mentees, mentors, options: Settings) -> bool:
    """A run whose solver may stop at its round limit: whatever it claims is honest. Certified: the
    optimum, and its prices hold by weak duality against every couple; not certified: the gap is a true
    bound — the optimum's gain (pairs with the «most pairs» bonus) is at most ours plus the gap.
    Returns whether the run was certified."""
    certificates: list[tuple] = []
    matching._on_certificate = lambda *args: certificates.append(args)
    try:
        result = match(mentees, mentors, options)
    finally:
        matching._on_certificate = None
    total, count = reference(mentees, mentors, options)
    certified, gap = result.stats["certified"], result.stats["gap"]
    assert certified in (0.0, 1.0)
    if certified:
        assert result.total_score == pytest.approx(total, abs=1e-6)
        assert len(certificates) == 1 and gap == 0.0
        check_certificate(mentees, mentors, options, result, certificates[0])
        return True
    assert certificates == []
    free = sum(1 for m in mentees if m.has_consent)
    bonus = (
        100.0 * (min(free, sum(places(m, options) for m in mentors)) + 1) if options.maximise_count else 0.0
    )
    assert gap == gap and gap >= 0.0  # a bound was given (not NaN)
    optimum = total + bonus * count
    ours = result.total_score + bonus * len(result.pairs)
    assert ours <= optimum + 1e-6
    assert optimum - ours <= gap + 1e-6 * max(1.0, bonus / 100.0) * (len(mentees) + len(mentors) + 1)
    return False


@pytest.fixture
def one_round(monkeypatch):
    """Each solver stops after its first exact solve (the sparse one) or linear programme (the
    compressed one): with the starved first graph the proof then often fails, and the run must say so."""
    monkeypatch.setattr(matching, "_MAX_ROUNDS", 1)
    monkeypatch.setattr(matching, "_TYPE_ROUNDS", 1)
    monkeypatch.setattr(matching, "_STORED_ROUNDS", 0)  # nor is the graph repaired from the store first


@common(EXAMPLES["round_limit"])
@given(case=instances())
def test_a_run_stopped_at_its_round_limit_claims_only_what_it_proved(starved, sparse_only, one_round, case):
    check_limited(*case)


@common(EXAMPLES["round_limit_types"])
@given(case=instances())
def test_the_compressed_solver_stopped_at_its_round_limit_claims_only_what_it_proved(
    starved, one_round, monkeypatch, case
):
    monkeypatch.setattr(matching, "_TYPE_MIN", 0)
    monkeypatch.setattr(matching, "_TYPE_SHARE", 1.0)
    check_limited(*case)


@pytest.mark.parametrize("compressed", [True, False])
def test_the_round_limit_is_reached_and_reported(starved, one_round, monkeypatch, compressed):
    """The limit really bites: one linear programme (or exact solve) on the starved graph of a pool of
    identical people with two kinds of mentors cannot be the optimum, and the run says so, with a gap."""
    if compressed:
        monkeypatch.setattr(matching, "_TYPE_MIN", 0)
        monkeypatch.setattr(matching, "_TYPE_SHARE", 1.0)
    else:
        monkeypatch.setattr(matching, "_TYPE_SHARE", 0.0)
    mentors = [
        Mentor(
            1000 + j,
            frozenset(FORMS[:1]),
            frozenset({"математика", "общее"} if j % 2 else {"общее"}),
            frozenset(),
            9,
            None,
            "",
            False,
            True,
            True,
            2,
            0,
        )
        for j in range(30)
    ]
    mentees = [
        # every fifth met by every mentor (a subject area all of them offer), the others by half of them
        Mentee(
            1 + i,
            FORMS[0],
            frozenset({"математика"} if i % 5 else ()),
            frozenset(),
            7,
            None,
            "",
            False,
            True,
            areas=frozenset() if i % 5 else frozenset({"общее"}),
        )
        for i in range(90)
    ]
    assert not check_limited(mentees, mentors, Settings())
