"""The matching engine's promises, checked from outside: constraints, optimality, explanations."""

import random
from typing import Any

import numpy as np
from scipy.optimize import linear_sum_assignment

from pairing.matching import Mentee, Mentor, Settings, match, score_pair

TAGS = ["математика", "олимпиады", "русский язык", "профориентация", "робототехника", "проекты"]


def mentee(i: int, rng: random.Random, **kw) -> Mentee:
    base: dict[str, Any] = {
        "id": i,
        "form": "teacher_pupil",
        "requests": frozenset(rng.sample(TAGS, 2)),
        "interests": frozenset(rng.sample(TAGS, 1)),
        "grade": rng.randint(5, 9),
        "age": None,
        "subject": "",
        "special_needs": rng.random() < 0.2,
        "has_consent": True,
        "preferences": (),
    }
    base.update(kw)
    return Mentee(**base)


def mentor(i: int, rng: random.Random, **kw) -> Mentor:
    base: dict[str, Any] = {
        "id": i,
        "forms": frozenset({"teacher_pupil"}),
        "competencies": frozenset(rng.sample(TAGS, 3)),
        "interests": frozenset(rng.sample(TAGS, 2)),
        "grade": None,
        "age": None,
        "subject": "",
        "special_needs_trained": rng.random() < 0.5,
        "trained": True,
        "has_consent": True,
        "capacity": rng.randint(1, 3),
        "current_load": 0,
        "preferences": (),
    }
    base.update(kw)
    return Mentor(**base)


def optimum(mentees, mentors, settings) -> float:
    """The best total by scipy's dense assignment over mentor capacity slots (forbidden = 0, unused)."""
    slots = [m for m in mentors for _ in range(m.capacity)]
    gains = np.zeros((len(mentees), max(1, len(slots))))
    for r, a in enumerate(mentees):
        for c, b in enumerate(slots):
            scored = score_pair(a, b, settings)
            if scored is not None and scored[0] > settings.min_score:
                gains[r, c] = scored[0]
    rows, cols = linear_sum_assignment(gains, maximize=True)
    return float(gains[rows, cols].sum())


def test_the_total_is_optimal_on_random_instances():
    for seed in range(6):
        rng = random.Random(seed)
        mentees = [mentee(i, rng) for i in range(25)]
        mentors = [mentor(100 + i, rng) for i in range(10)]
        result = match(mentees, mentors)
        ours = sum(pair.score for pair in result.pairs)
        assert abs(result.total_score - optimum(mentees, mentors, Settings())) <= 25 * 0.5 + 1e-6
        assert ours >= 0.999 * optimum(mentees, mentors, Settings()) - 25  # scores are rounded to integers


def test_hard_constraints_and_capacity():
    rng = random.Random(1)
    no_consent = mentee(1, rng, has_consent=False)
    wrong_form = mentee(2, rng, form="pupil_pupil")
    fine = [mentee(i, rng) for i in range(3, 8)]
    mentors = [mentor(100, rng, capacity=2), mentor(101, rng, capacity=1, has_consent=False)]
    result = match([no_consent, wrong_form, *fine], mentors)
    assert all(pair.mentor == 100 for pair in result.pairs)
    assert len(result.pairs) == 2
    unmatched = {item.person for item in result.unmatched if item.role == "mentee"}
    assert {1, 2} <= unmatched
    assert all(item.reason for item in result.unmatched)


def test_exclusions_and_locked_pairs_are_kept():
    rng = random.Random(2)
    a, b = mentee(1, rng), mentee(2, rng)
    x, y = mentor(100, rng, capacity=1), mentor(101, rng, capacity=1)
    result = match([a, b], [x, y], Settings(exclusions=frozenset({(1, 100)}), locked=((2, 100),)))
    pairs = {(pair.mentee, pair.mentor): pair.locked for pair in result.pairs}
    assert pairs.get((2, 100)) is True
    assert (1, 100) not in pairs


def test_every_pair_is_explained_and_scored_0_to_100():
    rng = random.Random(3)
    result = match([mentee(i, rng) for i in range(10)], [mentor(100 + i, rng) for i in range(5)])
    for pair in result.pairs:
        assert 0 <= pair.score <= 100
        assert pair.contributions and all(c.reason for c in pair.contributions)


def test_same_input_same_output():
    rng = random.Random(4)
    mentees = [mentee(i, rng) for i in range(20)]
    mentors = [mentor(100 + i, rng) for i in range(8)]
    assert match(mentees, mentors) == match(mentees, mentors)
