"""The matching engine (pairing.matching): pure, no database.

The optimum is checked against scipy's dense Hungarian method on the matrix built from
``score_pair`` couple by couple (so the vectorised scorer is checked against the plain one too), and
the blocking couples against a literal reading of their definition.
"""

from __future__ import annotations

import random
from collections import Counter
from typing import Any

import numpy as np
import pytest
from scipy.optimize import linear_sum_assignment

from pairing.matching import (
    Mentee,
    Mentor,
    Settings,
    Weights,
    match,
    score_matrix,
    score_pair,
)

TAGS = ("математика", "олимпиады", "профориентация", "физика", "проектная деятельность", "адаптация")
INTERESTS = ("шахматы", "музыка", "театр", "футбол", "чтение")
FORMS = ("pupil_pupil", "teacher_teacher", "student_pupil")


def mentee(id: int, **values: Any) -> Mentee:
    defaults: dict[str, Any] = {
        "form": "pupil_pupil",
        "requests": frozenset(),
        "interests": frozenset(),
        "grade": None,
        "age": None,
        "subject": "",
        "special_needs": False,
        "has_consent": True,
        "preferences": (),
    }
    return Mentee(id=id, **{**defaults, **values})


def mentor(id: int, **values) -> Mentor:
    defaults = {
        "forms": frozenset({"pupil_pupil"}),
        "competencies": frozenset(),
        "interests": frozenset(),
        "grade": None,
        "age": None,
        "subject": "",
        "special_needs_trained": False,
        "trained": True,
        "has_consent": True,
        "capacity": 1,
        "current_load": 0,
        "preferences": (),
    }
    return Mentor(id=id, **{**defaults, **values})


def random_instance(seed: int, n_mentees: int = 30, n_mentors: int = 12):
    rng = random.Random(seed)
    mentors = [
        mentor(
            100 + j,
            forms=frozenset(rng.sample(FORMS, rng.choice((1, 1, 2)))),
            competencies=frozenset(rng.sample(TAGS, rng.randint(0, 4))),
            interests=frozenset(rng.sample(INTERESTS, rng.randint(0, 3))),
            grade=rng.choice((None, 8, 9, 10, 11)),
            age=rng.choice((None, 15, 20, 35, 50)),
            subject=rng.choice(("", "математика", "физика")),
            special_needs_trained=rng.random() < 0.3,
            trained=rng.random() < 0.8,
            has_consent=rng.random() < 0.9,
            capacity=rng.randint(0, 3),
            current_load=rng.randint(0, 2),
        )
        for j in range(n_mentors)
    ]
    mentees = [
        mentee(
            1 + i,
            form=rng.choice((*FORMS, "")),
            requests=frozenset(rng.sample(TAGS, rng.randint(0, 3))),
            interests=frozenset(rng.sample(INTERESTS, rng.randint(0, 3))),
            grade=rng.choice((None, 5, 6, 7, 8)),
            age=rng.choice((None, 11, 13, 25)),
            subject=rng.choice(("", "", "математика", "физика")),
            special_needs=rng.random() < 0.2,
            has_consent=rng.random() < 0.9,
            preferences=tuple(rng.sample([m.id for m in mentors], rng.choice((0, 0, 1, 2, 3)))),
        )
        for i in range(n_mentees)
    ]
    for index, m in enumerate(mentors):
        if rng.random() < 0.3:
            mentors[index] = Mentor(
                **{**m.__dict__, "preferences": tuple(rng.sample([x.id for x in mentees], 3))}
            )
    return mentees, mentors


def random_settings(seed: int, mentees, mentors, **extra) -> Settings:
    rng = random.Random(seed * 7 + 1)
    return Settings(
        weights=Weights(*(rng.choice((0, 1, 2.5, 5, 10)) for _ in range(7))),
        require_training=rng.random() < 0.3,
        exclusions=frozenset((rng.choice(mentees).id, rng.choice(mentors).id) for _ in range(5)),
        min_score=rng.choice((0.0, 0.0, 20.0, 45.5)),
        **extra,
    )


def dense_optimum(mentees, mentors, settings: Settings) -> tuple[float, int]:
    """(total score, pairs) of the optimum by the dense Hungarian method, couples scored one by one."""
    scores = np.zeros((len(mentees), len(mentors)))
    eligible = np.zeros(scores.shape, dtype=bool)
    for i, a in enumerate(mentees):
        for j, b in enumerate(mentors):
            scored = score_pair(a, b, settings)
            if (
                scored is not None
                and scored[0] >= settings.min_score
                and (scored[0] > 0 or settings.maximise_count)
            ):
                scores[i, j] = scored[0]
                eligible[i, j] = True
    repeat = [max(m.capacity, 0) for m in mentors]
    bonus = 100.0 * (len(mentees) + 1) if settings.maximise_count else 0.0
    gains = np.repeat(np.where(eligible, scores + bonus, 0.0), repeat, axis=1)
    rows, cols = linear_sum_assignment(gains, maximize=True)
    used = gains[rows, cols] > 0
    real = np.repeat(scores, repeat, axis=1)[rows, cols]
    return float(real[used].sum()), int(used.sum())


def brute_blocking(mentees, mentors, settings: Settings, result) -> int:
    """The blocking couples by their definition, couple by couple."""
    partner = {p.mentee: p.mentor for p in result.pairs}
    load = Counter(partner.values())
    by_id = {m.id: m for m in (*mentees,)}
    mentor_by_id = {m.id: m for m in mentors}

    def score(a: Mentee, b: Mentor) -> float:
        scored = score_pair(a, b, settings)
        assert scored is not None  # the property compares allowed couples only
        return scored[0]

    def key(preferences, person, value):
        return (0, preferences.index(person)) if person in preferences else (1, -value)

    count = 0
    for a in mentees:
        for b in mentors:
            if partner.get(a.id) == b.id:
                continue
            scored = score_pair(a, b, settings)
            if (
                scored is None
                or scored[0] < settings.min_score
                or not (scored[0] > 0 or settings.maximise_count)
            ):
                continue
            current = partner.get(a.id)
            if current is not None:
                mine = key(a.preferences, b.id, scored[0])
                theirs = key(a.preferences, current, score(a, mentor_by_id[current]))
                if not mine < theirs:
                    continue
            if load[b.id] >= b.capacity:
                worst = max(
                    key(b.preferences, other, score(by_id[other], b))
                    for other, m in partner.items()
                    if m == b.id
                )
                if not key(b.preferences, a.id, scored[0]) < worst:
                    continue
            count += 1
    return count


# --------------------------------------------------------------------------------------------------
# one couple


@pytest.mark.parametrize(
    ("a", "b", "rules"),
    [
        (mentee(1, form="teacher_teacher"), mentor(2), Settings()),
        (mentee(1, has_consent=False), mentor(2), Settings()),
        (mentee(1), mentor(2, has_consent=False), Settings()),
        (mentee(1), mentor(2), Settings(exclusions=frozenset({(1, 2)}))),
        (mentee(1), mentor(2, trained=False), Settings(require_training=True)),
        (mentee(1), mentor(2, capacity=0), Settings()),
        (mentee(7), mentor(7), Settings()),
    ],
    ids=["form", "mentee-consent", "mentor-consent", "exclusion", "training", "no-places", "self"],
)
def test_hard_constraints_forbid_the_couple(a, b, rules):
    assert score_pair(a, b, rules) is None
    result = match([a], [b], rules)
    assert result.pairs == ()
    assert [u.person for u in result.unmatched if u.role == "mentee"] == [a.id]


def test_allowed_without_the_constraint():
    assert score_pair(mentee(1), mentor(2, trained=False), Settings()) is not None
    assert score_pair(mentee(1, form=""), mentor(2, forms=frozenset({"teacher_teacher"}))) is not None


def test_explanation_names_the_matched_tags():
    a = mentee(1, requests=frozenset({"математика", "олимпиады", "физика"}), interests=frozenset({"шахматы"}))
    b = mentor(
        2, competencies=frozenset({"математика", "олимпиады", "химия"}), interests=frozenset({"шахматы"})
    )
    score, contributions = score_pair(a, b)
    by = {c.criterion: c for c in contributions}
    assert "математика" in by["requests"].reason and "олимпиады" in by["requests"].reason
    assert "физика" not in by["requests"].reason and "химия" not in by["requests"].reason
    assert by["requests"].points == pytest.approx(5 * 2 / 3)
    assert "шахматы" in by["interests"].reason
    assert 0 <= score <= 100


def test_score_is_normalised_by_the_criteria_that_apply():
    # only requests (5 of 5) and load (1 of 1) apply: a perfect couple scores 100
    a = mentee(1, requests=frozenset({"математика"}))
    b = mentor(2, competencies=frozenset({"математика"}), capacity=2)
    score, contributions = score_pair(a, b)
    assert score == pytest.approx(100.0)
    assert {c.criterion for c in contributions} == {"requests", "load"}
    # a criterion weighted 0 is left out
    score, contributions = score_pair(a, b, Settings(weights=Weights(load=0)))
    assert {c.criterion for c in contributions} == {"requests"}


def test_preferences_gap_subject_special_needs():
    a = mentee(1, grade=6, subject="Математика", special_needs=True, preferences=(2,))
    b = mentor(2, grade=9, subject="математика ", special_needs_trained=False, preferences=(5, 1))
    score, contributions = score_pair(a, b)
    by = {c.criterion: c for c in contributions}
    assert by["preferences"].points == pytest.approx(1.5 * 1 + 1.5 * 2 / 3)
    assert "1" in by["preferences"].reason and "2" in by["preferences"].reason
    assert by["age_gap"].points == 2 and "3" in by["age_gap"].reason
    assert by["subject"].points == 2
    assert by["special_needs"].points == 0
    older = mentor(3, grade=7)
    assert {c.criterion: c.points for c in score_pair(a, older)[1]}["age_gap"] == 0
    adult = score_pair(mentee(4, age=25), mentor(5, age=40), Settings(age_gap=(3, 40)))[1]
    assert {c.criterion: c.points for c in adult}["age_gap"] == 2


# --------------------------------------------------------------------------------------------------
# the assignment


def test_capacity_is_respected():
    mentees, mentors = random_instance(3, 40, 8)
    result = match(mentees, mentors)
    load = Counter(p.mentor for p in result.pairs)
    capacity = {m.id: m.capacity for m in mentors}
    assert all(load[m] <= capacity[m] for m in load)
    assert len({p.mentee for p in result.pairs}) == len(result.pairs)


def test_locked_pairs_are_kept_and_use_a_place():
    a, b = mentee(1, requests=frozenset({"математика"})), mentee(2, requests=frozenset({"физика"}))
    x = mentor(10, competencies=frozenset({"математика"}))
    y = mentor(11, competencies=frozenset({"физика"}))
    result = match([a, b], [x, y], Settings(locked=((1, 11),)))
    pairs = {(p.mentee, p.mentor): p for p in result.pairs}
    assert pairs[(1, 11)].locked
    assert any(c.criterion == "locked" for c in pairs[(1, 11)].contributions)
    assert (2, 11) not in pairs  # y's only place is taken by the locked pair
    assert (2, 10) in pairs and not pairs[(2, 10)].locked


def test_locked_pair_breaking_a_rule_is_kept_with_a_warning():
    result = match([mentee(1, has_consent=False)], [mentor(2)], Settings(locked=((1, 2),)))
    (pair,) = result.pairs
    assert pair.locked and any(c.criterion == "constraint" for c in pair.contributions)


def test_locked_pair_with_unknown_person_is_an_error():
    with pytest.raises(ValueError):
        match([mentee(1)], [mentor(2)], Settings(locked=((1, 3),)))


def test_exclusions_are_respected():
    mentees, mentors = random_instance(5, 20, 6)
    first = match(mentees, mentors)
    excluded = frozenset((p.mentee, p.mentor) for p in first.pairs)
    second = match(mentees, mentors, Settings(exclusions=excluded))
    assert not excluded & {(p.mentee, p.mentor) for p in second.pairs}


def test_maximise_count_trades_score_for_pairs():
    # A fits X perfectly and Y not at all; B fits X not at all and may not have Y.
    # Best score: A–X alone (100 against 9 + 9). Most pairs: A–Y and B–X.
    a = mentee(1, requests=frozenset({"математика", "физика"}))
    b = mentee(2, requests=frozenset({"олимпиады", "профориентация"}))
    x = mentor(10, competencies=frozenset({"математика", "физика"}))
    y = mentor(11)
    settings = Settings(weights=Weights(load=0.5), exclusions=frozenset({(2, 11)}))
    best = match([a, b], [x, y], settings)
    assert {(p.mentee, p.mentor) for p in best.pairs} == {(1, 10)}
    most = match([a, b], [x, y], Settings(**{**settings.__dict__, "maximise_count": True}))
    assert {(p.mentee, p.mentor) for p in most.pairs} == {(1, 11), (2, 10)}
    assert most.total_score < best.total_score


@pytest.mark.parametrize("seed", range(40))
def test_total_score_is_the_dense_optimum(seed):
    mentees, mentors = random_instance(seed, 30, 12)
    settings = random_settings(seed, mentees, mentors, maximise_count=seed % 5 == 4)
    result = match(mentees, mentors, settings)
    optimum, count = dense_optimum(mentees, mentors, settings)
    assert result.total_score == pytest.approx(optimum, abs=1e-6)
    if settings.maximise_count:
        assert len(result.pairs) == count
    assert result.stats["certified"] == 1.0
    # and every pair proposed is allowed and clears the threshold
    by_id = {m.id: m for m in mentees}
    mentor_by_id = {m.id: m for m in mentors}
    for pair in result.pairs:
        scored = score_pair(by_id[pair.mentee], mentor_by_id[pair.mentor], settings)
        assert scored is not None and scored[0] >= settings.min_score
        assert pair.score == int(scored[0] + 0.5)


@pytest.mark.parametrize("seed", range(5))
def test_vectorised_scores_are_the_couple_by_couple_ones(seed):
    mentees, mentors = random_instance(200 + seed, 40, 15)
    settings = random_settings(seed, mentees, mentors)
    mentee_ids, mentor_ids, dense = score_matrix(mentees, mentors, settings)
    by_id, mentor_by_id = {m.id: m for m in mentees}, {m.id: m for m in mentors}
    for i, a in enumerate(mentee_ids):
        for j, b in enumerate(mentor_ids):
            scored = score_pair(by_id[a], mentor_by_id[b], settings)
            eligible = scored is not None and scored[0] >= settings.min_score and scored[0] > 0
            assert dense[i, j] == (scored[0] if eligible else 0.0)


def test_optimum_on_a_larger_instance_with_many_forms():
    mentees, mentors = random_instance(99, 300, 60)
    settings = Settings(exclusions=frozenset({(1, 100), (2, 101)}))
    result = match(mentees, mentors, settings)
    assert result.total_score == pytest.approx(dense_optimum(mentees, mentors, settings)[0], abs=1e-6)
    ids, mentor_ids, dense = score_matrix(mentees, mentors, settings)
    capacity = {m.id: max(m.capacity, 0) for m in mentors}
    expanded = np.repeat(dense, [capacity[i] for i in mentor_ids], axis=1)
    rows, cols = linear_sum_assignment(expanded, maximize=True)
    assert result.total_score == pytest.approx(expanded[rows, cols].sum(), abs=1e-6)


def test_blocking_pairs_on_a_crafted_instance():
    # A fits X (100) better than Y (58); B fits X (100), Y hardly (17). The optimum: A–Y, B–X.
    # A would rather have X, but X likes A no more than B: no blocking couple.
    a = mentee(1, requests=frozenset({"математика", "физика"}))
    b = mentee(2, requests=frozenset({"математика"}))
    x = mentor(10, competencies=frozenset({"математика", "физика"}))
    y = mentor(11, competencies=frozenset({"физика"}))
    result = match([a, b], [x, y])
    assert {(p.mentee, p.mentor) for p in result.pairs} == {(1, 11), (2, 10)}
    assert result.blocking_pairs == 0
    # X named A first at the networking session, but the curator locked B to X: A and X would both
    # rather be together — one blocking couple (B ranked X first, so B–Y does not block)
    b = mentee(2, requests=frozenset({"математика"}), preferences=(10,))
    x = mentor(10, competencies=frozenset({"математика", "физика"}), preferences=(1,))
    locked = Settings(locked=((2, 10),))
    result = match([a, b], [x, y], locked)
    assert {(p.mentee, p.mentor) for p in result.pairs} == {(1, 11), (2, 10)}
    assert result.blocking_pairs == 1 == brute_blocking([a, b], [x, y], locked, result)


@pytest.mark.parametrize("seed", range(25))
def test_blocking_pairs_match_their_definition(seed):
    mentees, mentors = random_instance(100 + seed, 25, 10)
    # lock a few allowed couples
    rng = random.Random(seed)
    locked, taken = [], Counter()
    for a in rng.sample(mentees, 8):
        b = rng.choice(mentors)
        if score_pair(a, b) is not None and taken[b.id] < b.capacity:
            locked.append((a.id, b.id))
            taken[b.id] += 1
    settings = Settings(locked=tuple(locked), min_score=rng.choice((0.0, 30.0)))
    result = match(mentees, mentors, settings)
    assert result.blocking_pairs == brute_blocking(mentees, mentors, settings, result)


def test_same_input_same_output_whatever_the_order():
    mentees, mentors = random_instance(11, 40, 15)
    settings = random_settings(11, mentees, mentors)
    first = match(mentees, mentors, settings)
    assert match(mentees, mentors, settings) == first
    shuffled = random.Random(1)
    again = match(shuffled.sample(mentees, len(mentees)), shuffled.sample(mentors, len(mentors)), settings)
    assert again == first


# --------------------------------------------------------------------------------------------------
# the people left out, and progress


def test_reasons_for_the_people_left_out():
    mentees = [
        mentee(1, has_consent=False),
        mentee(2, form="employer_pupil"),
        mentee(3, requests=frozenset({"математика"})),
        mentee(4, requests=frozenset({"математика"})),
        mentee(5, form="teacher_teacher"),
    ]
    mentors = [
        mentor(10, competencies=frozenset({"математика"}), capacity=1),
        mentor(11, forms=frozenset({"teacher_teacher"}), has_consent=False),
        mentor(12, forms=frozenset({"student_pupil"}), capacity=2),
    ]
    result = match(mentees, mentors)
    reasons = {u.person: u.reason for u in result.unmatched}
    assert {1, 2, 5} <= set(reasons) and (3 in reasons) != (4 in reasons)
    mentee_reasons = [u.reason for u in result.unmatched if u.role == "mentee"]
    assert len(set(mentee_reasons)) == len(mentee_reasons) == 4  # each a different reason
    assert reasons[12].endswith("2") and next(u.role for u in result.unmatched if u.person == 12) == "mentor"
    low = match([mentee(3, requests=frozenset({"математика"}))], [mentor(13)], Settings(min_score=90))
    assert "90" in low.unmatched[0].reason


def test_progress_is_reported():
    calls = []
    mentees, mentors = random_instance(2, 20, 5)
    match(mentees, mentors, progress=lambda percent, message: calls.append((percent, message)))
    assert len(calls) >= 3 and calls[0][0] == 0 and calls[-1][0] == 100
    assert all(isinstance(message, str) and message for _, message in calls)
    assert [p for p, _ in calls] == sorted(p for p, _ in calls)


def test_empty_inputs():
    assert match([], []).pairs == ()
    assert match([mentee(1)], []).unmatched[0].person == 1
    assert match([], [mentor(2, capacity=2)]).unmatched[0].person == 2
