"""What a stranger (breaker16) found on 7 December 2026 (night, UTC) in the stable and group options, attacking them
through the public API only. The stable assignment is checked against an independent reference: the
blocking couples by their definition on the dense matrix of ``score_matrix`` (both sides' networking
rankings first, in order, then a score higher by more than ``TIE``), with the curator's locked pairs set
apart — a couple the locks do not explain must not block."""

from __future__ import annotations

import random

import numpy as np
import pytest

from pairing import matching
from pairing.classes import TIE
from pairing.matching import Mentee, Mentor, Settings, Weights, match, score_matrix

FORM = "f"
TAGS = ("математика", "физика", "русский язык")


def _pupil(number: int, requests=(), grade=None, ranks=()) -> Mentee:
    return Mentee(
        number, FORM, frozenset(requests), frozenset(), grade, None, "", False, True, preferences=tuple(ranks)
    )


def _teacher(number: int, places: int, competencies=(), grade=None, load=0, ranks=()) -> Mentor:
    return Mentor(
        number, frozenset({FORM}), frozenset(competencies), frozenset(), grade, None, "", False, True, True,
        places, load, preferences=tuple(ranks),
    )  # fmt: skip


def _ranks(people, row: dict[int, int], col: dict[int, int], shape, mentees_rank: bool) -> np.ndarray:
    """rank[i, j]: the place the mentee (or the mentor) gave the other at the networking session, or inf
    (the first mention counts; people not in the programme are ignored)."""
    rank = np.full(shape, np.inf)
    for person in people:
        for place, other in enumerate(person.preferences):
            cell = (row[person.id], col.get(other)) if mentees_rank else (row.get(other), col[person.id])
            if None not in cell and not np.isfinite(rank[cell]):
                rank[cell] = place
    return rank


def _unexplained_blocking(mentees, mentors, settings, result) -> list[tuple[int, int]]:
    """Couples not together, eligible, where the mentee (not locked) prefers the mentor to what it has
    and the mentor has a place not taken by a locked pair or prefers the mentee to its least preferred
    mentee that is not locked. Each side prefers whom it ranked (in order) to anyone unranked, then a
    score higher by more than TIE."""
    ids, mentor_ids, scores = score_matrix(mentees, mentors, settings)
    row, col = {m: r for r, m in enumerate(ids)}, {m: c for c, m in enumerate(mentor_ids)}
    mentee_rank = _ranks(mentees, row, col, scores.shape, True)
    mentor_rank = _ranks(mentors, row, col, scores.shape, False)
    partner, locked = np.full(len(ids), -1), np.zeros(len(ids), dtype=bool)
    for pair in result.pairs:
        partner[row[pair.mentee]], locked[row[pair.mentee]] = col[pair.mentor], pair.locked
    places = {mentor.id: mentor.capacity for mentor in mentors}
    free = np.array([places[m] for m in mentor_ids])
    held: list[list[int]] = [[] for _ in mentor_ids]
    for i in np.flatnonzero(partner >= 0).tolist():
        if locked[i]:
            free[partner[i]] -= 1
        else:
            held[partner[i]].append(i)

    def takes(j: int, i: int) -> bool:
        """The mentor has a free place, or prefers the mentee to its least preferred one held."""
        if len(held[j]) < free[j]:
            return True
        if not held[j]:
            return False
        unranked = [m for m in held[j] if not np.isfinite(mentor_rank[m, j])]
        worst = (
            min(unranked, key=lambda m: scores[m, j])
            if unranked
            else max(held[j], key=lambda m: mentor_rank[m, j])
        )
        if np.isfinite(mentor_rank[i, j]) or np.isfinite(mentor_rank[worst, j]):
            return bool(mentor_rank[i, j] < mentor_rank[worst, j])
        return bool(scores[i, j] > scores[worst, j] + TIE)

    found = []
    for i in np.flatnonzero(~locked).tolist():
        j0 = partner[i]
        wants = scores[i] > 0
        if j0 >= 0 and np.isfinite(mentee_rank[i, j0]):
            wants &= mentee_rank[i] < mentee_rank[i, j0]
        elif j0 >= 0:
            wants &= np.isfinite(mentee_rank[i]) | (scores[i] > scores[i, j0] + TIE)
        found += [(ids[i], mentor_ids[j]) for j in np.flatnonzero(wants).tolist() if j != j0 and takes(j, i)]
    return found


def _tied_programme(rng: random.Random):
    """Few tags or none, many empty profiles, places 0–5, rankings on one side, both or neither (some of
    them naming people twice or people not in the programme), sometimes a threshold, an exclusion, a
    required criterion or tiny weights that make scores differ by about TIE."""
    n, k, empty = rng.randint(5, 90), rng.randint(2, 30), rng.choice((0.0, 0.5, 1.0))
    tags, high = TAGS[: rng.choice((0, 1, 3))], rng.choice((1, 2, 5))
    mentors = [
        _teacher(
            1000 + j, rng.randint(0, high), () if rng.random() < empty else rng.sample(tags, rng.randint(0, len(tags))),
            None if rng.random() < empty else rng.choice((8, 9, 10)), rng.choice((0, 0, 1)),
        )
        for j in range(k)
    ]  # fmt: skip
    mentees = [
        _pupil(1 + i, () if rng.random() < empty else rng.sample(tags, rng.randint(0, len(tags))),
               None if rng.random() < empty else rng.choice((5, 6, 7)))
        for i in range(n)
    ]  # fmt: skip
    side = rng.choice(("none", "mentee", "mentor", "both"))
    if side in ("mentee", "both"):
        ids = [m.id for m in mentors]
        mentees = [
            m
            if rng.random() < 0.5
            else Mentee(**{**m.__dict__, "preferences": (*rng.sample(ids, 2), ids[0], 99)})
            for m in mentees
        ]
    if side in ("mentor", "both"):
        ids = [m.id for m in mentees]
        mentors = [
            m
            if rng.random() < 0.5
            else Mentor(**{**m.__dict__, "preferences": tuple(rng.sample(ids, min(3, n)))})
            for m in mentors
        ]
    options: dict = {"stable": True}
    if rng.random() < 0.3:
        options["min_score"] = rng.choice((20.0, 50.0))
    if rng.random() < 0.2:
        options["exclusions"] = frozenset({(mentees[0].id, mentors[0].id)})
    if rng.random() < 0.2:
        options["required"] = frozenset({"requests"})
    if rng.random() < 0.3:
        options["weights"] = Weights(load=rng.choice((1e-6, 2e-7)), grades=rng.choice((2, 1e-7)))
    if rng.random() < 0.3:  # the curator fixes a few allowed couples, within the mentors' places
        ids, mentor_ids, scores = score_matrix(mentees, mentors, Settings(**options))
        places = {mentor.id: mentor.capacity for mentor in mentors}
        locked: list[tuple[int, int]] = []
        for i, j in zip(*np.nonzero(scores > 0), strict=True):
            if rng.random() < 0.05 and ids[i] not in dict(locked) and places[mentor_ids[j]] > 0:
                places[mentor_ids[j]] -= 1
                locked.append((ids[i], mentor_ids[j]))
        options["locked"] = tuple(locked)
    if rng.random() < 0.5:  # the order of the lists is no part of the problem
        rng.shuffle(mentees)
        rng.shuffle(mentors)
    return mentees, mentors, Settings(**options)


@pytest.mark.parametrize("keep", [4, 64])
def test_a_stable_run_on_tied_programmes_leaves_no_blocking_couple_the_locks_do_not_explain(
    monkeypatch, keep
):
    """~30,000 such programmes (with 2,600 of 150–500 mentees and 800 of 300–900 mentees of a few kinds,
    answered class by class; stores of 1–16 couples) held on 7 December 2026 (night); 60 of them stay here."""
    monkeypatch.setattr(matching, "_KEEP_MIN", keep)
    monkeypatch.setattr(matching, "_KEEP_MAX", keep)
    for seed in range(60):
        mentees, mentors, settings = _tied_programme(random.Random(seed))
        result = match(mentees, mentors, settings)
        assert _unexplained_blocking(mentees, mentors, settings, result) == [], seed
        if not settings.locked:
            assert result.blocking_pairs == 0, seed


def test_a_group_of_mentees_without_requests_says_so():
    """A school that imported its base before the questionnaires (no requests yet) and asked for groups
    of three: the three pupils are made one group by grade or age (as designed), and its reason said
    «общие запросы: —» (breaker16). It now says the group was formed without requests."""
    mentees = [_pupil(i) for i in (1, 2, 3)]
    result = match(mentees, [_teacher(100, 3)], Settings(group_size=3))
    assert len(result.pairs) == 3
    reasons = [c.reason for pair in result.pairs for c in pair.contributions if c.criterion == "group"]
    assert len(reasons) == 3, result
    assert all("общие запросы: —" not in reason and "запросов пока нет" in reason for reason in reasons), (
        reasons
    )


def test_mentees_with_different_requests_are_not_made_a_group():
    mentees = [_pupil(1, ["математика"]), _pupil(2, ["физика"]), _pupil(3, ["русский язык"])]
    result = match(mentees, [_teacher(100, 3, TAGS)], Settings(group_size=3))
    assert len(result.pairs) == 3
    assert all(pair.group == 0 for pair in result.pairs)


@pytest.mark.parametrize(
    ("requests", "dative"),
    [
        (["Подготовка к ОГЭ по английскому", "ОГЭ по английскому"], "английскому"),
        (["немецкому", "немецкий язык"], "немецкому"),
        (["ОГЭ по русскому", "Помощь по русскому"], "русскому"),
    ],
)
def test_a_groups_shared_subject_written_without_its_noun_is_named_in_the_nominative(requests, dative):
    """Two pupils who asked for the same subject as most pupils write it, without the noun («по
    английскому»): their group's reason names it «общие запросы: английскому» (the pair's own reason
    reads «английскому ↔ английский»)."""
    from .quality_set import Pupil, Teacher, people

    pupils = [Pupil([text], (), group_name="9А") for text in requests]
    teachers = [Teacher("t", ["Английский язык", "Немецкий язык", "Русский язык"], age=40, capacity=3)]
    mentees, mentors, _right, _keys = people(pupils=pupils, teachers=teachers)
    result = match(mentees, mentors, Settings(group_size=3))
    reasons = [c.reason for pair in result.pairs for c in pair.contributions if c.criterion == "group"]
    assert len(reasons) == 2, result
    names = reasons[0].rsplit(": ", 1)[-1].split(", ")
    assert dative not in [name.lower() for name in names], reasons


@pytest.mark.parametrize("store", [None, 0])
def test_a_group_run_proposes_only_couples_the_threshold_allows(monkeypatch, store):
    """Weights requests 6 and load 7, threshold 60: the couple scores 59.99999999999999 (shown as 60).
    Without groups nobody is proposed (``score_matrix``: 0, below the threshold); with groups of three all
    three are, as a group. Whichever side of the threshold the couple is meant to be on, both runs should
    agree with ``score_matrix``."""
    if store is not None:  # the table not kept: its groups are scored again from the memo's bounds
        monkeypatch.setattr(matching, "_STORE_COUPLES", store)
    mentees = [
        Mentee(i, FORM, frozenset(TAGS[:2]) | {"химия"}, frozenset({"шахматы"}), 7, None, "", False, True)
        for i in (1, 2, 3)
    ]
    mentor = Mentor(
        100, frozenset({FORM}), frozenset({"математика"}), frozenset({"музыка", "шахматы"}), None, None, "",
        False, True, True, 3, 2,
    )  # fmt: skip
    for size in (0, 3):
        settings = Settings(weights=Weights(requests=6, load=7), min_score=60, group_size=size)
        _ids, _mentor_ids, scores = score_matrix(mentees, [mentor], settings)
        result = match(mentees, [mentor], settings)
        assert all(scores[pair.mentee - 1, 0] > 0 for pair in result.pairs), (size, scores.ravel())


def _places_for_half_the_pupils():
    """A school with one form of mentoring, profiles not filled in, mentors' free places 0, 0, 1, 1, 1, 2
    or 5 and a current load of 0 or 1; a fifth of the pupils rank two of the first 50 mentors, three
    mentors in ten rank five pupils: 10,000 × 3,400."""
    rng = random.Random(1)
    mentors = [
        _teacher(100_000 + j, rng.choice((0, 0, 1, 1, 1, 2, 5)), load=rng.choice((0, 1)))
        for j in range(3_400)
    ]
    mentor_ids = [m.id for m in mentors]
    mentees = [
        Mentee(1 + i, "", frozenset(), frozenset(), None, None, "", False, True,
               preferences=tuple(rng.sample(mentor_ids[:50], 2)) if rng.random() < 0.2 else ())
        for i in range(10_000)
    ]  # fmt: skip
    mentors = [
        Mentor(**{**m.__dict__, "preferences": tuple(rng.sample(range(1, 10_001), 5))})
        if rng.random() < 0.3
        else m
        for m in mentors
    ]
    return mentees, mentors


def test_the_stable_option_with_places_for_half_the_pupils_proves_its_cost_in_four_checks():
    """breaker16's shape (the bench's ``matching_10000_halfplaces_stable`` measures its time: 4.9 s on
    7 December 2026, night, 2.7 s of it for the highest total, the option's cost, in six checks of its
    prices). The first graph left 935 mentors with a free place beside 6,932 pupils without a pair — the
    couples the store kept named other mentors, as everybody ties — and each check found a few hundred of
    them. Now the mentors' free places are looked for among those pupils before the proof: four checks
    (six before: this failed). The stable assignment has no blocking couple, the optimum is certified."""
    mentees, mentors = _places_for_half_the_pupils()
    result = match(mentees, mentors, Settings(stable=True))
    assert result.blocking_pairs == 0
    assert result.stats["checks"] <= 4
    plain = match(mentees, mentors, Settings())
    assert plain.stats["certified"] == 1.0
    assert plain.total_score == pytest.approx(result.stats["optimum_total"], abs=1e-6)
