"""«Обязательно: запросы» is met by a named term (or its synonym), never by a shared broader term
alone: «русскому языку» does not require-match «английский язык» through «гуманитарные науки»."""

import numpy as np

from pairing import matching
from pairing.matching import Mentee, Mentor, Settings, match, score_pair

from .test_kernel import compare

HUMANITIES = "гуманитарные науки"


def pupil(requests: set[str], broad: frozenset[str] = frozenset({HUMANITIES})) -> Mentee:
    return Mentee(
        id=1,
        form="f",
        requests=frozenset(requests),
        interests=frozenset(),
        grade=None,
        age=None,
        subject="",
        special_needs=False,
        has_consent=True,
        broad=frozenset(broad),
    )


def teacher(j: int, competencies: set[str], broad: frozenset[str] = frozenset({HUMANITIES})) -> Mentor:
    return Mentor(
        id=j,
        forms=frozenset({"f"}),
        competencies=frozenset(competencies),
        interests=frozenset(),
        grade=None,
        age=None,
        subject="",
        special_needs_trained=False,
        trained=True,
        has_consent=True,
        capacity=1,
        current_load=0,
        broad=frozenset(broad),
    )


REQUIRED = Settings(required=frozenset({"requests"}))
RUSSIAN = pupil({"русский язык", HUMANITIES})
ENGLISH = teacher(10, {"английский язык", HUMANITIES})
TEACHER_OF_RUSSIAN = teacher(11, {"русский язык", HUMANITIES})


def test_a_shared_broader_term_alone_does_not_meet_a_required_request():
    assert score_pair(RUSSIAN, ENGLISH, Settings()) is not None  # as a weight it still counts (half)
    assert score_pair(RUSSIAN, ENGLISH, REQUIRED) is None
    assert score_pair(RUSSIAN, TEACHER_OF_RUSSIAN, REQUIRED) is not None


def test_the_engine_and_the_compiled_scorer_agree_on_it():
    result = match([RUSSIAN], [ENGLISH], REQUIRED)
    assert result.pairs == () and result.unmatched[0].person == RUSSIAN.id
    result = match([RUSSIAN], [ENGLISH, TEACHER_OF_RUSSIAN], REQUIRED)
    assert [(pair.mentee, pair.mentor) for pair in result.pairs] == [(1, 11)]
    problem = matching._Problem([RUSSIAN], [ENGLISH, TEACHER_OF_RUSSIAN], REQUIRED)
    scores = problem.block(0, 1, np.arange(2), np.arange(2))
    assert scores[0, 0] < 0 <= scores[0, 1]  # numpy: the broader-only couple is not eligible
    compare([RUSSIAN], [ENGLISH, TEACHER_OF_RUSSIAN], REQUIRED)  # the compiled kernel: the same
