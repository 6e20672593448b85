"""Ties broken by the words: among mentors whose criteria score the same, the one whose own words are
most specifically the pupil's (a word fewer of the pool's mentors wrote weighs more) comes first, by
less than ``matching._TIE`` — never enough to overturn a difference of the criteria."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given

from pairing import matching
from pairing.matching import Mentee, Mentor, Settings, match, score_pair
from pairing.matching_runs import engine_pool, mentee_record, mentor_record

from .quality_set import kept_seed
from .test_matching_properties import common, instances


def _mentor(id: int, keywords: set[str]) -> Mentor:
    return Mentor(
        id=id,
        forms=frozenset({"pupil_pupil"}),
        competencies=frozenset({"c:pe"}),
        interests=frozenset(),
        grade=None,
        age=30,
        subject="",
        special_needs_trained=False,
        trained=True,
        has_consent=True,
        capacity=1,
        current_load=0,
        keywords=frozenset(keywords),
    )


def test_a_word_fewer_mentors_wrote_breaks_the_tie():
    pupil = Mentee(
        id=1,
        form="pupil_pupil",
        requests=frozenset({"c:pe"}),
        interests=frozenset(),
        grade=7,
        age=13,
        subject="",
        special_needs=False,
        has_consent=True,
        keywords=frozenset({"w:гто", "w:спорт"}),
    )
    # «спорт» two mentors wrote (30 each), «ГТО» only the third (60): the first has the lowest id
    mentors = matching.specific_words(
        [_mentor(101, {"w:спорт"}), _mentor(102, {"w:спорт", "w:лыж"}), _mentor(103, {"w:гто"})]
    )
    assert [m.specific for m in mentors] == [
        (("w:спорт", 30),),
        (("w:лыж", 60), ("w:спорт", 30)),
        (("w:гто", 60),),
    ]
    scores = [score_pair(pupil, m)[0] for m in mentors]  # type: ignore[index]
    without = score_pair(pupil, dataclasses.replace(mentors[0], specific=()))[0]  # type: ignore[index]
    assert scores[2] > scores[1] == scores[0] > without
    assert scores[2] - without < matching._TIE
    assert [p.mentor for p in match([pupil], mentors).pairs] == [103]


def test_equal_scores_go_to_the_mentor_whose_own_words_are_the_pupil_s():
    """«добровольная пожарная дружина», «хочет с 18 в ДПК» (dec7e): the forester, who names forest
    fires, and the volunteer firefighter meet the same terms; a psychologist sends the pupil to the
    firefighter, the only one who wrote «ДПК», not to the forester of the lower id."""
    vocabulary = kept_seed()
    forester = mentor_record(
        vocabulary=vocabulary,
        id=11,
        form="",
        competencies=[
            "лесничий, руководитель школьного лесничества",
            "посадка леса, охрана тайги, лесные пожары",
            "экология, следы зверей, рыба в реке",
            "профессии лесного хозяйства",
        ],
        interests=["охота", "фотоохота", "сплав"],
        age=58,
        capacity=8,
        preferred_grades="5–11",
    )
    firefighter = mentor_record(
        vocabulary=vocabulary,
        id=12,
        form="",
        competencies=[
            "доброволец пожарной части (ДПК)",
            "руководитель ДЮП",
            "пожарная безопасность, лесные пожары, спасение на воде",
            "МЧС, полицейский колледж — профориентация",
        ],
        interests=["мотоциклы", "рыбалка"],
        age=36,
        capacity=8,
        at_risk_experience=True,
        preferred_grades="5-11",
    )
    pupil = mentee_record(
        vocabulary=vocabulary,
        id=1,
        form="",
        requests=["добровольная пожарная дружина"],
        request_text="хочет с 18 в ДПК, пока готовиться",
        group_name="10А",
        age=16,
    )
    (pupil,), mentors = engine_pool([pupil], [forester, firefighter])
    # without the words, the criteria tie exactly
    plain = [score_pair(dataclasses.replace(pupil, keywords=frozenset()), m)[0] for m in mentors]  # type: ignore[index]
    assert plain[0] == plain[1] > 0
    scores = [score_pair(pupil, m)[0] for m in mentors]  # type: ignore[index]
    assert scores[1] > scores[0] >= plain[0]
    assert scores[1] - plain[1] < matching._TIE
    assert [p.mentor for p in match([pupil], mentors).pairs] == [12]
    # both wrote of fires (a word two mentors share, 30), only the firefighter «ДПК» (60)
    assert dict(mentors[0].specific)["w:пожар"] == dict(mentors[1].specific)["w:пожар"] == 30
    assert dict(mentors[1].specific)["w:дпк"] == 60 and "w:дпк" in pupil.keywords


def test_the_words_leave_out_what_the_pupil_does_not_want_and_generic_words():
    vocabulary = kept_seed()
    words = vocabulary.keywords("хочет на повара, в агрокласс не хочет")
    assert not any("агрокласс" in word for word in words)
    assert not any(word.startswith("w:хот") for word in words)
    assert vocabulary.keywords("пожарная дружина") & vocabulary.keywords("пожарный")


def test_words_too_common_weigh_nothing_and_a_pupil_keeps_only_the_mentors_words():
    mentors = [_mentor(200 + j, {"w:спорт"} | ({"w:гто"} if j == 0 else set())) for j in range(61)]
    weighed = matching.specific_words(mentors)
    assert weighed[0].specific == (("w:гто", 60),)  # «спорт»: 61 mentors wrote it, it tells none apart
    assert all(m.specific == () for m in weighed[1:])
    pupil = Mentee(
        1, "", frozenset(), frozenset(), 7, 13, "", False, True, keywords=frozenset({"w:гто", "w:кот"})
    )
    (kept,), _ = engine_pool([pupil], mentors)
    assert kept.keywords == {"w:гто"}


@common(300)
@given(case=instances())
def test_the_words_never_overturn_a_difference_of_the_criteria(case):
    """Each couple's words add less than ``_TIE`` to a score above 0 (nothing to 0): a mentor scored
    ``_TIE`` or more above another by the criteria stays above it."""
    mentees, mentors, options = case
    options = Settings(**{**options.__dict__, "min_score": 0.0})
    for mentee in mentees:
        scored = []
        for mentor in mentors:
            found = score_pair(mentee, mentor, options)
            if found is None:
                continue
            plain = score_pair(mentee, dataclasses.replace(mentor, specific=()), options)
            assert plain is not None
            assert 0.0 <= found[0] - plain[0] < matching._TIE
            assert plain[0] > 0 or found[0] == plain[0]
            scored.append((plain[0], found[0]))
        for plain_a, a in scored:
            for plain_b, b in scored:
                if plain_a - plain_b >= matching._TIE:
                    assert a > b


@pytest.mark.parametrize("fairness", [0.0, 0.6])
def test_the_engine_and_its_scorers_agree_on_the_words(fairness):
    """The vectorised and the compiled scorers give the couple-by-couple scores with the words."""
    import numpy as np

    from pairing import kernel  # noqa: F401  (compiled before the timing-free comparison)

    pupils = [
        Mentee(i, "pupil_pupil", frozenset({"c:pe"}), frozenset(), 7, 13, "", False, True,
               keywords=frozenset(words))
        for i, words in enumerate(({"w:гто"}, {"w:спорт", "w:лыж"}, set(), {"w:гто", "w:спорт"}), start=1)
    ]  # fmt: skip
    mentors = matching.specific_words(
        [
            _mentor(101, {"w:спорт"}),
            _mentor(102, {"w:спорт", "w:лыж"}),
            _mentor(103, {"w:гто"}),
            _mentor(104, set()),
        ]
    )
    options = Settings(fairness=fairness)
    problem = matching._Problem(pupils, mentors, options, fair=fairness > 0)
    cols = np.arange(problem.k)
    vectorised = problem.block(0, problem.n, cols, cols)
    pairs = problem.pairs(np.repeat(np.arange(problem.n), problem.k), np.tile(cols, problem.n))[0]
    compiled = problem.dense(np.arange(problem.n), cols, problem.kernel_args(problem.row_consent.copy()))
    for i, pupil in enumerate(problem.mentees):
        for j, mentor in enumerate(problem.mentors):
            value = score_pair(pupil, mentor, options)[0]  # type: ignore[index]
            expected = 100 * (value / 100) ** problem.power if value > 0 else value
            assert vectorised[i, j] == pytest.approx(expected, abs=1e-12)
            assert pairs[i * problem.k + j] == vectorised[i, j]
            assert compiled[i, j] == pytest.approx(expected, abs=1e-9)
    assert len({round(float(v), 12) for v in vectorised[3]}) == 3  # «ГТО» + «спорт», «спорт», «ГТО»; none
