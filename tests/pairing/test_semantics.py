"""The Russian meaning of requests and competencies (pure: no database)."""

import pytest

from pairing.matching import Mentee, Mentor, Settings, Weights, match, score_pair
from pairing.semantics import (
    Concept,
    Vocabulary,
    explain_met,
    lemma,
    lemmas,
    parse_availability,
    parse_grades,
    understand,
    word_key,
)

VOCABULARY = Vocabulary(
    [
        Concept("russian", "Русский язык", ("орфография", "грамотность"), ("philology",)),
        Concept("literature", "Литература", ("чтение",), ("philology",)),
        Concept("philology", "Филология"),
        Concept("speaking", "Публичные выступления", ("ораторское мастерство", "выступать", "риторика")),
        Concept("exams", "Экзамены", ("подготовка к экзаменам",)),
        Concept("oge", "ОГЭ", ("основной государственный экзамен",), ("exams",)),
        Concept("math", "Математика", ("алгебра", "геометрия")),
        Concept("loop-a", "Петля А", (), ("loop-b",)),
        Concept("loop-b", "Петля Б", (), ("loop-a",)),
    ]
)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("русскому", "русский"),
        ("языку", "язык"),
        ("выступления", "выступление"),
        ("Математика", "математика"),  # the subject, not the genitive of «математик»
        ("математике", "математика"),
        ("ОГЭ", "огэ"),
        ("Ёлка", "елка"),
        ("Python", "python"),
    ],
)
def test_lemmas(word, expected):
    assert lemma(word) == expected


def test_stop_words_are_dropped():
    assert lemmas("Повышение успеваемости по русскому языку") == (
        "повышение",
        "успеваемость",
        "русский",
        "язык",
    )
    assert lemmas("и в на по к") == ()


def test_word_forms_meet_the_same_concept():
    pupil = understand(["Повышение успеваемости по русскому языку"], VOCABULARY)
    teacher = understand(["Русский язык"], VOCABULARY)
    assert "c:russian" in pupil.tokens & teacher.tokens
    # «повышение» names no topic: it is not a token; «успеваемость» is outside this vocabulary: a lemma
    assert "w:повышение" not in pupil.tokens and f"w:{word_key('успеваемость')}" in pupil.tokens


def test_synonyms_meet_and_the_explanation_names_the_words():
    pupil = understand(["Повышение успеваемости по русскому языку", "Публичные выступления"], VOCABULARY)
    teacher = understand(["Русский язык", "Ораторское мастерство"], VOCABULARY)
    lines = explain_met(pupil.tokens & teacher.tokens, pupil.words, teacher.words)
    assert "русскому языку ↔ русский язык" in lines
    assert "публичные выступления ≈ ораторское мастерство" in lines
    # a broader concept met through the same words adds no second line
    assert not any("филолог" in line for line in lines)


def test_broader_terms_meet_general_competencies_and_the_specific_one_more():
    pupil = understand(["Подготовка к ОГЭ"], VOCABULARY)
    general = understand(["Подготовка к экзаменам"], VOCABULARY)
    specific = understand(["ОГЭ"], VOCABULARY)
    assert pupil.tokens & general.tokens == {"c:exams"}
    assert pupil.tokens & specific.tokens == {"c:oge", "c:exams"}
    assert explain_met({"c:exams"}, pupil.words, general.words) == ["ОГЭ ≈ подготовка к экзаменам (экзамены)"]


def test_longest_pattern_wins_and_each_word_is_used_once():
    found = VOCABULARY.find("Основной государственный экзамен по алгебре")
    assert found[0] == (("oge",), "основной государственный экзамен")
    assert found[1] == (("math",), "алгебре")


def test_cycles_in_broader_terms_do_not_hang():
    assert VOCABULARY.ancestors("loop-a") == ("loop-b",)


def test_free_text_outside_the_vocabulary_meets_by_lemmas():
    a = understand(["Астрономические наблюдения"], VOCABULARY)
    b = understand(["наблюдение за звёздами"], VOCABULARY)
    assert a.tokens & b.tokens == {f"w:{word_key('наблюдение')}"}
    assert understand(["", "  ", None], VOCABULARY).tokens == frozenset()


def test_subject_without_broader_terms():
    direct = understand(["Русский язык"], VOCABULARY, broader=False)
    assert direct.tokens == {"c:russian"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5–7 классы", ("grade", 5, 7)),
        ("12-14 лет", ("age", 12, 14)),
        ("8, 9 и 11 кл.", ("grade", 8, 11)),
        ("с 5 по 7 класс", ("grade", 5, 7)),
        ("Не важно", None),
        ("Студенты", None),
        ("", None),
        ("15–20 классы", None),
    ],
)
def test_preferred_grades(text, expected):
    assert parse_grades(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("вторник, четверг после уроков", {"tue", "thu"}),
        ("Пн–Ср", {"mon", "tue", "wed"}),
        ("по будням онлайн", {"mon", "tue", "wed", "thu", "fri", "online"}),
        ("Очно в школе", {"in_person"}),
        ("И очно, и онлайн", {"in_person", "online"}),
        ("по выходным", {"sat", "sun"}),
        ("когда угодно", set()),
    ],
)
def test_availability(text, expected):
    assert parse_availability(text) == expected


# --------------------------------------------------------------------------------------------------
# the engine with meanings


def _mentee(i, requests, **kw) -> Mentee:
    meaning = understand(requests, VOCABULARY)
    areas = understand(kw.pop("areas", []), VOCABULARY)
    base = {
        "id": i,
        "form": "",
        "requests": meaning.tokens,
        "interests": frozenset(),
        "grade": 7,
        "age": None,
        "subject": "",
        "special_needs": False,
        "has_consent": True,
        "areas": areas.tokens,
        "words": meaning.words + areas.words,
    }
    base.update(kw)
    return Mentee(**base)


def _mentor(i, competencies, **kw) -> Mentor:
    meaning = understand(competencies, VOCABULARY)
    base = {
        "id": i,
        "forms": frozenset(),
        "competencies": meaning.tokens,
        "interests": frozenset(),
        "grade": None,
        "age": None,
        "subject": "",
        "special_needs_trained": False,
        "trained": True,
        "has_consent": True,
        "capacity": 2,
        "current_load": 0,
        "words": meaning.words,
    }
    if kw.get("subject"):
        subject = understand([kw["subject"]], VOCABULARY, broader=False)
        base.update(subject_tags=subject.tokens, words=meaning.words + subject.words)
    base.update(kw)
    return Mentor(**base)


def test_the_russian_teacher_wins_the_pupil_who_asks_for_russian():
    pupil = _mentee(1, ["Повышение успеваемости по русскому языку"])
    russian = _mentor(10, ["Русский язык"])
    physics = _mentor(11, ["Физика"])
    result = match([pupil], [russian, physics])
    (pair,) = result.pairs
    assert pair.mentor == 10
    reason = next(c.reason for c in pair.contributions if c.criterion == "requests")
    assert "русскому языку ↔ русский язык" in reason


def test_a_subject_area_raises_the_score_with_a_teacher_of_it():
    # today's bug: a subject area compared with hobbies lowered the score with a maths teacher
    teacher = _mentor(10, ["ОГЭ"], subject="Математика")
    other = _mentor(11, ["ОГЭ"], subject="Русский язык")
    before = score_pair(_mentee(1, ["Подготовка к ОГЭ"]), teacher)[0]
    after = score_pair(_mentee(1, ["Подготовка к ОГЭ"], areas=["Математика"]), teacher)[0]
    assert after >= before
    assert after > score_pair(_mentee(1, ["Подготовка к ОГЭ"], areas=["Математика"]), other)[0]
    result = match([_mentee(1, ["Подготовка к ОГЭ"], areas=["математику"])], [other, teacher])
    assert [p.mentor for p in result.pairs] == [10]


def test_shared_interests_never_lower_a_score():
    teacher = _mentor(10, ["Русский язык"], interests=frozenset({"шахматы"}))
    plain = score_pair(_mentee(1, ["Русский язык"]), teacher)[0]
    no_share = score_pair(_mentee(1, ["Русский язык"], interests=frozenset({"футбол"})), teacher)[0]
    share = score_pair(_mentee(1, ["Русский язык"], interests=frozenset({"шахматы"})), teacher)[0]
    assert no_share == plain and share >= plain


def test_preferred_grades_at_risk_and_availability_count():
    pupil = _mentee(1, ["ОГЭ"], grade=6, at_risk=True, availability=frozenset({"tue", "online"}))
    fits = _mentor(
        10, ["ОГЭ"], preferred_grades=(5, 7), at_risk_experience=True, availability=frozenset({"tue", "thu"})
    )
    does_not = _mentor(11, ["ОГЭ"], preferred_grades=(8, 9), availability=frozenset({"mon", "in_person"}))
    good, why = score_pair(pupil, fits)
    bad, why_not = score_pair(pupil, does_not)
    assert good == pytest.approx(100.0) and bad < good
    by = {c.criterion: c for c in why_not}
    assert by["grades"].points == 0 and by["at_risk"].points == 0 and by["availability"].points == 0
    assert {c.criterion for c in why} >= {"grades", "at_risk", "availability"}


@pytest.mark.parametrize(
    "criterion", ["requests", "areas", "special_needs", "at_risk", "grades", "availability"]
)
def test_a_required_criterion_is_a_filter(criterion):
    pupil = _mentee(
        1, ["ОГЭ"], areas=["Математика"], special_needs=True, at_risk=True, availability=frozenset({"mon"})
    )
    meets = _mentor(
        10,
        ["ОГЭ", "Математика"],
        special_needs_trained=True,
        at_risk_experience=True,
        preferred_grades=(5, 9),
        availability=frozenset({"mon"}),
        capacity=1,
    )
    fails = _mentor(
        11, ["Русский язык"], preferred_grades=(10, 11), availability=frozenset({"fri"}), capacity=1
    )
    rules = Settings(required=frozenset({criterion}))
    assert score_pair(pupil, fails, rules) is None
    assert score_pair(pupil, fails) is not None
    assert score_pair(pupil, meets, rules) is not None
    # the vectorised engine filters the same couples, and says why a pupil is left out
    result = match([pupil], [fails], rules)
    assert result.pairs == ()
    (left,) = [u for u in result.unmatched if u.role == "mentee"]
    assert "required" in left.reason.lower() or "обязательн" in left.reason.lower()
    assert [p.mentor for p in match([pupil], [fails, meets], rules).pairs] == [10]


def test_a_required_criterion_that_does_not_apply_filters_nothing():
    pupil = _mentee(1, ["ОГЭ"])  # no special needs
    assert (
        score_pair(pupil, _mentor(10, ["ОГЭ"]), Settings(required=frozenset({"special_needs"}))) is not None
    )


def test_load_cannot_be_required():
    with pytest.raises(ValueError):
        match([_mentee(1, ["ОГЭ"])], [_mentor(10, ["ОГЭ"])], Settings(required=frozenset({"load"})))


def test_zero_weights_everywhere_score_zero_without_dividing_by_zero():
    zero = Weights(**dict.fromkeys(Weights.__dataclass_fields__, 0))
    assert score_pair(_mentee(1, ["ОГЭ"]), _mentor(10, ["ОГЭ"]), Settings(weights=zero))[0] == 0


def test_a_specific_match_beats_a_general_one_and_both_scorers_agree():
    from pairing.matching import score_matrix

    pupil = _mentee(1, ["Подготовка к ОГЭ", "Публичные выступления"], areas=["Орфография"])
    meaning = understand(["Подготовка к ОГЭ", "Публичные выступления"], VOCABULARY)
    pupil = Mentee(
        **{**pupil.__dict__, "broad": meaning.broad | understand(["Орфография"], VOCABULARY).broad}
    )
    assert pupil.broad == {"c:exams", "c:philology"}
    specific = _mentor(10, ["ОГЭ"])
    general = _mentor(11, ["Подготовка к экзаменам"])
    philologist = _mentor(12, ["Филология", "Риторика"])
    scores = {m.id: score_pair(pupil, m)[0] for m in (specific, general, philologist)}
    assert scores[10] > scores[11] > 0
    _rows, cols, matrix = score_matrix([pupil], [specific, general, philologist])
    for j, mentor_id in enumerate(cols):
        assert matrix[0, j] == scores[mentor_id]  # the same floats, not only close
