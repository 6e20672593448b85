"""The words criterion: among mentors whose other criteria score the same, the one whose own words are
most specifically the pupil's (a word fewer of the pool's mentors wrote weighs more) comes first, by at
most the words' share of the applicable weight — a few points, never more."""

from __future__ import annotations

import dataclasses

import pytest
from django.utils import translation
from hypothesis import given

from pairing import matching
from pairing.matching import Mentee, Mentor, Settings, match, score_pair
from pairing.matching_runs import engine_pool, mentee_record, mentor_record

from .quality_set import Pupil, Teacher, kept_seed, people
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


def _pupil(keywords: set[str], words: tuple[tuple[str, str], ...] = ()) -> Mentee:
    return Mentee(
        id=1,
        form="pupil_pupil",
        requests=frozenset({"c:pe"}),
        interests=frozenset(),
        grade=7,
        age=13,
        subject="",
        special_needs=False,
        has_consent=True,
        words=words,
        keywords=frozenset(keywords),
    )


def test_a_word_fewer_mentors_wrote_breaks_the_tie():
    pupil = _pupil({"w:гто", "w:спорт"})
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
    # requests 5, age gap 2, every grade 2, load 1, all met; the words 0.4: half of it for «ГТО»
    # (60 / (60 + 60)), a quarter for «спорт» (30 / 90 of it: a third)
    w = Settings().weights.words
    assert without == pytest.approx(100 * 10 / (10 + w))
    assert scores[2] == pytest.approx(100 * (10 + w * 60 / 120) / (10 + w))
    assert scores[0] == pytest.approx(100 * (10 + w * 30 / 90) / (10 + w))
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
    assert scores[1] > scores[0]
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


def _share(mentee: Mentee, mentor: Mentor, options: Settings) -> float:
    """The most the words can add to the couple's score: their weight's share of the applicable one."""
    w = options.weights.words
    applicable = matching._criteria(mentee, mentor, options, False)[1]
    return 100.0 * w / applicable if w > 0 and mentee.keywords else 0.0


@common(300)
@given(case=instances())
def test_the_words_overturn_no_difference_larger_than_their_share(case):
    """Each couple's shared words add to its score at least nothing and less than the words' share of
    the applicable weight (``w / (applicable + w)``, a few points), and the score stays within 0..100:
    a mentor scored more than that share above another by the other criteria stays above it. With the
    weight 0 the words count nothing at all."""
    mentees, mentors, options = case
    options = Settings(**{**options.__dict__, "min_score": 0.0})
    off = Settings(**{**options.__dict__, "weights": dataclasses.replace(options.weights, words=0)})
    for mentee in mentees:
        scored = []
        for mentor in mentors:
            found = score_pair(mentee, mentor, options)
            if found is None:
                continue
            plain = score_pair(mentee, dataclasses.replace(mentor, specific=()), options)
            assert plain is not None
            share = _share(mentee, mentor, options)
            assert 0.0 <= found[0] <= 100.0
            assert 0.0 <= found[0] - plain[0] < share or found[0] == plain[0]
            unweighed = score_pair(mentee, mentor, off)
            assert unweighed is not None
            assert (
                unweighed[0] == score_pair(dataclasses.replace(mentee, keywords=frozenset()), mentor, off)[0]
            )  # type: ignore[index]
            assert "words" not in {c.criterion for c in unweighed[1]}
            scored.append((plain[0], found[0], share))
        for plain_a, a, _share_a in scored:
            for plain_b, b, share_b in scored:
                if plain_a - plain_b > share_b:
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
    problem = matching._Problem(pupils, mentors, options)
    if fairness > 0:
        problem = problem.fair_view()
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


def _words(found) -> list:
    return [c for c in found[1] if c.criterion == "words"]


def test_shared_words_raise_the_score_and_no_words_give_no_points():
    mentors = matching.specific_words([_mentor(101, {"w:гто", "w:лыж"}), _mentor(102, {"w:шахмат"})])
    pupil = _pupil({"w:гто", "w:лыж"})
    shared, unshared = (score_pair(pupil, m) for m in mentors)
    assert shared is not None and unshared is not None
    assert shared[0] > unshared[0]
    (words,) = _words(shared)
    assert words.points == pytest.approx(Settings().weights.words * 120 / 180)
    (none,) = _words(unshared)
    assert none.points == 0.0
    # the criterion applies to every mentee who wrote something: the same weight whoever the mentor
    silent = _mentor(103, set())
    assert _words(score_pair(pupil, silent))[0].points == 0.0  # type: ignore[arg-type]
    # a mentee who wrote nothing: the criterion does not apply (a full match stays 100)
    quiet = score_pair(_pupil(set()), mentors[0])
    assert quiet is not None and quiet[0] == 100.0 and not _words(quiet)


def test_more_and_rarer_words_give_more_points_up_to_the_weight():
    pupil = _pupil({"w:a", "w:b", "w:c"})
    mentors = matching.specific_words(
        [
            _mentor(101, {"w:a"}),
            _mentor(102, {"w:a", "w:b"}),
            _mentor(103, {"w:a", "w:b", "w:c"}),
            _mentor(104, {"w:b"}),
        ]
    )
    points = [_words(score_pair(pupil, m))[0].points for m in mentors]  # type: ignore[arg-type]
    assert points[0] < points[1] < points[2] < Settings().weights.words
    # «a» three mentors wrote (20), «b» three too: the same; «c» only one (60)
    assert points[0] == points[3]
    scores = [score_pair(pupil, m)[0] for m in mentors]  # type: ignore[index]
    assert scores[0] < scores[1] < scores[2] < 100.0


def test_the_weight_0_switches_the_words_off():
    mentors = matching.specific_words([_mentor(101, set()), _mentor(102, {"w:гто"})])
    off = Settings(weights=matching.Weights(words=0))
    found = [score_pair(_pupil({"w:гто"}), m, off) for m in mentors]
    assert found[0] is not None and found[1] is not None
    assert found[0][0] == found[1][0] == 100.0
    assert not _words(found[1])
    # on, the words decide
    on = [score_pair(_pupil({"w:гто"}), m) for m in mentors]
    assert on[1][0] > on[0][0]  # type: ignore[index]
    assert [p.mentor for p in match([_pupil({"w:гто"})], mentors).pairs] == [102]


def test_the_words_cannot_be_required():
    assert "words" in matching.CRITERIA and "words" not in matching.REQUIRABLE
    with translation.override("en"):
        assert matching.criterion_label("words") == "Shared words"
    with translation.override("ru"):
        assert matching.criterion_label("words") == "Общие слова"


def test_the_explanation_names_a_few_shared_words_in_russian():
    words = (("w:гто", "ГТО"), ("w:лыж", "лыжами"), ("c:pe", "физкультура"))
    pupil = _pupil({"w:гто", "w:лыж", "w:бег", "w:плаван", "c:pe"}, words)
    mentors = matching.specific_words(
        [
            _mentor(101, {"w:гто", "w:лыж", "w:бег", "w:плаван", "c:pe"}),
            _mentor(102, {"w:лыж", "w:бег", "w:плаван", "c:pe"}),
            _mentor(103, set()),
        ]
    )
    with translation.override("ru"):
        found = score_pair(pupil, mentors[0])
        assert found is not None
        (words_said,) = _words(found)
        # the rarest first («ГТО»: only this mentor wrote it), as the pupil wrote them, three at most
        assert words_said.reason.startswith("Общие слова: ГТО, ")
        assert words_said.reason.count(",") == 2
        assert "c:" not in words_said.reason and "w:" not in words_said.reason
        (nothing,) = _words(score_pair(pupil, mentors[2]))  # type: ignore[arg-type]
        assert nothing.reason == "Общих слов с наставником нет"


def test_the_shared_words_are_named_once_each_as_words_not_family_keys():
    """The demo's explanation read «Общие слова: Подготовка к олимпиаде по математике, математике,
    математик»: one word three times, the last as its family key."""
    pupils = [Pupil(["Подготовка к олимпиаде по математике"], ("m",), group_name="5А")]
    teachers = [Teacher("m", ["Олимпиадная математика", "математика"], subject="Математика", age=40)]
    mentees, mentors, _right, _keys = people(pupils=pupils, teachers=teachers)
    with translation.override("ru"):
        found = score_pair(mentees[0], mentors[0])
    assert found is not None
    reason = next(c.reason for c in found[1] if c.criterion == "words")
    assert reason == "Общие слова: Подготовка к олимпиаде по математике"
