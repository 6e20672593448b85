"""Everyday wording in the meaning of requests (pure: pymorphy3 and the seeded vocabulary, no
database): what a pupil refuses names nothing, «стать» is a career only where it asks which one, a
word of several dictionary forms takes the one a term is made of, false links stay apart, and a
broader term both sides only reached (siblings) counts nothing."""

import pytest

from pairing.matching import Mentee, Mentor, Settings, score_pair
from pairing.matching_runs import mentee_record, mentor_record
from pairing.semantics import Concept, Vocabulary, negated_words, understand

from .quality_set import seed_vocabulary

SEED = seed_vocabulary()


def concepts(text: str) -> set[str]:
    return {concept.key for concept in SEED.concepts_of(text)}


def negated(text: str) -> list[str]:
    starts = negated_words(text)
    out, at = [], 0
    for word in text.split():
        at = text.find(word, at)
        if at in starts:
            out.append(word.strip(",.;"))
        at += len(word)
    return out


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        ("Не хочу заниматься спортом, мне интересны компьютеры", ["заниматься", "спортом"]),
        ("Спорт не любит, любит рисовать", ["Спорт"]),
        ("Физику вообще не люблю", ["Физику", "вообще"]),
        ("Не математика и не физика, а литература", ["математика", "физика"]),
        ("Не интересуется историей", ["историей"]),
        # «не» before any other word is a need, not a refusal
        ("Не понимает дроби", []),
        ("Физика не даётся", []),
        ("Не уверен в себе", []),
        ("Не знает, какой профиль выбрать", []),
        ("Не получается решать задачи по геометрии", []),
    ],
)
def test_what_a_pupil_refuses(text, refused):
    assert negated(text) == refused


def test_a_refused_term_names_nothing_and_the_rest_still_does():
    assert concepts("Не хочу заниматься спортом, мне интересны компьютеры") == {"digital"}
    assert concepts("Спорт не любит, любит рисовать") == {"visual-arts"}
    # the reading technique is learning to read (migration 0021), and not liking to read is the reading
    # term's (migration 0026: its «мотивация к чтению», a librarian's work)
    assert concepts("Не любит читать, низкая техника чтения") == {"early-literacy", "reading"}
    # a term that says the refusal itself is kept: «не хочет учиться» is low motivation
    assert concepts("Не хочет учиться") == {"motivation"}


def test_a_pupil_who_refuses_sport_is_not_pulled_toward_the_coach():
    pupil = mentee_record(
        vocabulary=SEED, id=1, form="", requests=["Не хочу заниматься спортом, люблю рисовать"], age=12
    )
    coach = mentor_record(
        vocabulary=SEED, id=2, form="", competencies=["Секция футбола"], subject="Физкультура", age=30
    )
    artist = mentor_record(vocabulary=SEED, id=3, form="", competencies=["Рисунок и живопись"], age=30)
    coach_score = score_pair(pupil, coach)
    artist_score = score_pair(pupil, artist)
    assert coach_score is not None and artist_score is not None
    assert artist_score[0] > coach_score[0]
    assert not next(c for c in coach_score[1] if c.criterion == "requests").points


@pytest.mark.parametrize(
    ("text", "career"),
    [
        ("Не знает, кем хочет стать", True),
        ("Хочет стать поваром", True),
        ("Хочет стать инженером", True),
        ("Стать увереннее в себе", False),
        ("Хочет стать частью команды", False),
        ("Хочет стать лидером", False),  # a skill, not a career
        ("Хочет стать волонтёром", False),
        ("Хочет стать президентом школы", False),  # self-government
        ("Стать сильнее", False),
    ],
)
def test_become_is_a_career_only_where_it_asks_which_one(text, career):
    assert ("career" in concepts(text)) is career


def test_a_word_of_several_forms_takes_the_one_a_term_is_made_of():
    vocabulary = Vocabulary([Concept("plants", "Растения", ("цветы",))])
    assert {c.key for c in vocabulary.concepts_of("Ухаживает за комнатными цветами")} == {"plants"}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Не понимает законы Ньютона", "Право"),  # physics laws are not law
        ("Подготовка к ОГЭ по математике", "Программирование на Python"),
        ("Трудно даётся", "Трудовое обучение"),
        ("Подготовка к ОГЭ/ЕГЭ (профиль и база)", "Не знает, кем хочет стать"),
        ("Изучает язык Java", "Иностранный язык"),
        ("Стать увереннее", "Профориентация"),
        ("Хочет стать частью команды", "Выбор профессии"),
        ("Приставки и суффиксы", "Компьютерные игры"),
        ("Опыт работы с детьми", "Химия"),
        ("Класс", "Адаптация"),
    ],
)
def test_false_links_stay_apart(a, b):
    """Pairs that must not meet directly (more in test_word_families)."""
    left, right = understand([a], SEED), understand([b], SEED)
    # neither what one names meets anything of the other (only siblings may share a broader term,
    # which counts nothing)
    assert not (left.tokens - left.broad) & right.tokens
    assert not left.tokens & (right.tokens - right.broad)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Дома кот и собака", "animals"),
        ("Смотрит аниме", "cinema"),
        ("Ходит на хореографию", "dance"),
        ("Любит вязать", "crafts"),
        ("Играет в майнкрафт", "games"),
        ("Отвлекается на уроках, не может сосредоточиться", "attention"),
        ("Хочет стать парикмахером", "career-services"),
        ("Играет в школьных спектаклях", "theatre"),
        ("Поёт в ансамбле", "music"),
        ("Снимает видосы для тиктока", "media"),
        ("Прогуливает уроки", "behaviour"),
    ],
)
def test_everyday_wording_finds_its_term(text, expected):
    assert expected in concepts(text)


def _pair(requests: list[str], competencies: list[str], subject: str = "") -> float:
    mentee = mentee_record(vocabulary=SEED, id=1, form="", requests=requests, age=13)
    mentor = mentor_record(vocabulary=SEED, id=2, form="", competencies=competencies, subject=subject, age=40)
    scored = score_pair(mentee, mentor, Settings())
    assert scored is not None
    return next(c.points for c in scored[1] if c.criterion == "requests")


def test_siblings_through_a_broader_term_count_nothing():
    # a medical class and a college meet only through «профориентация»: nothing
    assert _pair(["Не знает, в какой колледж пойти"], ["Подготовка в медицинский класс"]) == 0
    # a careers adviser who names it: in part
    assert _pair(["Не знает, в какой колледж пойти"], ["Профориентация"]) > 0


def test_a_teacher_of_a_subject_teaches_its_field():
    """An English teacher teaches a foreign language: a pupil who wants German meets them in part."""
    assert _pair(["Хочет учить немецкий"], [], subject="Английский язык") > 0
    assert _pair(["Хочет учить немецкий"], ["Разговорный английский"]) == 0


def test_the_engine_counts_siblings_as_nothing_with_the_bit_sets_too():
    mentee = Mentee(
        id=1,
        form="",
        requests=frozenset({"c:math", "c:exact"}),
        interests=frozenset(),
        grade=None,
        age=None,
        subject="",
        special_needs=False,
        has_consent=True,
        broad=frozenset({"c:exact"}),
    )
    mentor = Mentor(
        id=2,
        forms=frozenset({""}),
        competencies=frozenset({"c:informatics", "c:exact"}),
        interests=frozenset(),
        grade=None,
        age=None,
        subject="",
        special_needs_trained=False,
        trained=True,
        has_consent=True,
        capacity=1,
        current_load=0,
        broad=frozenset({"c:exact"}),
    )
    from pairing.matching import score_matrix

    scored = score_pair(mentee, mentor, Settings())
    assert scored is not None
    assert next(c.points for c in scored[1] if c.criterion == "requests") == 0
    _rows, _cols, matrix = score_matrix([mentee], [mentor], Settings())
    assert matrix[0, 0] == pytest.approx(scored[0])


def test_a_term_met_directly_is_not_repeated_through_a_broader_one():
    from pairing.semantics import explain_met

    pupil = understand(["Физика не даётся, не понимает законы Ньютона"], SEED)
    teacher = understand(["Наблюдения за звёздным небом", "Физика"], SEED)
    lines = explain_met(pupil.tokens & teacher.tokens, pupil.words, teacher.words)
    assert lines == ["физика ↔ физика"]
