"""The engine stays optimal with the criteria of the meaning: subject areas, broader terms counted half
(on the mentee's side and on the mentor's),
preferred grades or ages, pupils at risk, availability and «обязательно» filters — against the dense
Hungarian reference, on the sparse solver (its first graph starved) and on the compressed one (types)."""

import dataclasses
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pairing import matching
from pairing.matching import REQUIRABLE, Mentee, Mentor, Settings, Weights

from .test_matching_properties import check, common, with_words

TAGS = ("c:math", "c:exact", "c:russian", "c:philology", "w:шахматы", "c:oge", "c:exams")
BROADER = frozenset({"c:exact", "c:philology", "c:exams"})
DAYS = ("mon", "tue", "wed", "online", "in_person")


@st.composite
def instances(draw, max_mentees: int = 30, max_mentors: int = 10):
    n = draw(st.integers(0, max_mentees))
    k = draw(st.integers(0, max_mentors))
    empty = draw(st.sampled_from((0.0, 0.5, 0.9)))
    required = frozenset(draw(st.lists(st.sampled_from(REQUIRABLE), max_size=2)))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = random.Random(seed)

    def some(pool, most=3):
        if rng.random() < empty:
            return frozenset()
        return frozenset(rng.sample(pool, rng.randint(0, min(most, len(pool)))))

    mentors = [
        Mentor(
            id=1000 + j,
            forms=frozenset({"teacher_pupil"}),
            competencies=some(TAGS, 4),
            interests=some(("w:шахматы", "c:math")),
            grade=rng.choice((None, 10)),
            age=rng.choice((None, 30, 45)),
            subject=rng.choice(("", "математика")),
            special_needs_trained=rng.random() < 0.4,
            trained=True,
            has_consent=rng.random() < 0.95,
            capacity=rng.randint(0, 3),
            current_load=rng.randint(0, 1),
            preferred_grades=rng.choice((None, (5, 7), (7, 9), (9, 11))),
            preferred_ages=rng.choice((None, (11, 13), (15, 17))),
            at_risk_experience=rng.random() < 0.3,
            availability=some(DAYS, 2),
        )
        for j in range(k)
    ]
    # some mentors offer the broader terms only as broader terms of what they named: a request they
    # meet counts half
    mentors = [
        dataclasses.replace(m, broad=m.competencies & BROADER) if rng.random() < 0.5 else m for m in mentors
    ]
    mentees = []
    for i in range(n):
        requests = some(TAGS)
        areas = some(("c:math", "c:exact", "c:russian"), 2)
        mentees.append(
            Mentee(
                id=1 + i,
                form="teacher_pupil",
                requests=requests,
                interests=some(("w:шахматы",), 1),
                grade=rng.choice((None, 5, 6, 8)),
                age=rng.choice((None, 12)),
                subject=rng.choice(("", "", "математика")),
                special_needs=rng.random() < 0.2,
                has_consent=True,
                areas=areas,
                at_risk=rng.random() < 0.2,
                availability=some(DAYS, 2),
                broad=(requests | areas) & BROADER,
                # a request naming an urgent need: its tags count _HEAVY times (named or broader)
                heavy=frozenset(tag for tag in sorted(requests) if rng.random() < 0.3),
            )
        )
    weights = draw(st.sampled_from((Weights(), Weights(requests=0, areas=7, grades=5), Weights(load=0))))
    options = Settings(weights=weights, required=required, maximise_count=draw(st.booleans()), min_score=0.0)
    mentees, mentors = with_words(mentees, mentors, seed)
    return mentees, mentors, options


@common(150)
@given(case=instances())
def test_optimum_with_the_criteria_of_meaning(case):
    check(*case)


@common(150)
@given(case=instances())
def test_optimum_of_the_compressed_solver_with_the_criteria_of_meaning(monkeypatch, case):
    monkeypatch.setattr(matching, "_TYPE_MIN", 0)
    monkeypatch.setattr(matching, "_TYPE_EDGES", 1)
    check(*case)


@pytest.mark.parametrize("seed", range(5))
def test_the_vectorised_scores_are_the_couple_by_couple_ones(seed):
    from hypothesis import find

    case = find(
        instances(), lambda c: len(c[0]) > 5 and len(c[1]) > 3, settings=None, random=random.Random(seed)
    )
    mentees, mentors, options = case
    _rows, cols, matrix = matching.score_matrix(mentees, mentors, options)
    order = sorted(mentees, key=lambda m: (m.form, m.id))
    for i, mentee in enumerate(order):
        for j, mentor_id in enumerate(cols):
            mentor = next(m for m in mentors if m.id == mentor_id)
            scored = matching.score_pair(mentee, mentor, options)
            expected = 0.0 if scored is None or (scored[0] <= 0 and not options.maximise_count) else scored[0]
            assert matrix[i, j] == pytest.approx(expected, abs=1e-9)
