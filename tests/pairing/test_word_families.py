"""Word families in the meaning of requests (pure: pymorphy3, no database): a verb, an adjective or an
abstract noun meets the vocabulary's term of the same family («тревожится» ≈ «тревожность», «лыжные»
≈ «лыжи»), hyphenated and compound words are read by their parts, and unrelated words that only share
their first letters never meet."""

import pytest

from pairing.semantics import Concept, Vocabulary, explain_met, family, lemma, understand, word_key

VOCABULARY = Vocabulary(
    [
        Concept("anxiety", "Тревожность", ("страх",), ("emotions",)),
        Concept("emotions", "Эмоции"),
        Concept("ski", "Лыжи", (), ("sport",)),
        Concept("sport", "Спорт"),
        Concept("field", "Пол"),
        Concept("science", "Наука", ("научный",)),
        Concept("labour", "Труд"),
        Concept("literacy", "Грамотность"),
        Concept("physics", "Физика"),
        Concept("chemistry", "Химия"),
        Concept("english", "Английский язык", ("английский",)),
        Concept("modelling", "3D-моделирование"),
        Concept("speaking", "Публичные выступления", ("выступление",)),
        Concept("prep", "Подготовка к экзаменам"),
        Concept("programming", "Программирование"),
        Concept("friends", "Дружба", ("друг",)),
        Concept("debate", "Спор"),
    ]
)


def _key(word: str) -> str:
    return family(lemma(word))


@pytest.mark.parametrize(
    "words",
    [
        ("лыжи", "лыжный", "лыжами"),
        ("тревога", "тревожный", "тревожность", "тревожится"),
        ("спор", "спорить", "спорит"),
        ("физика", "физический"),
        ("математика", "математический"),
        ("выступать", "выступление"),
        ("подготовка", "подготовить"),
        ("грамотный", "грамотность", "неграмотно", "безграмотность"),
        ("задача", "задачка", "задачки"),
        ("спорт", "спортивный"),
        ("шахматы", "шахматный"),
        ("организация", "организовать", "организовывать"),
        ("история", "исторический"),
    ],
)
def test_a_family_shares_its_key(words):
    assert len({_key(word) for word in words}) == 1, {word: _key(word) for word in words}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("программа", "программирование"),  # a programme is not programming
        ("физика", "физкультура"),
        ("пол", "поле"),
        ("поле", "полный"),
        ("марка", "маркетинг"),
        ("право", "правописание"),
        ("мастер", "мастика"),
        ("класс", "классика"),
        ("балл", "балет"),
        ("вода", "водитель"),
        ("лес", "лестница"),
        ("кот", "котёл"),
        ("роль", "ролик"),
        ("код", "кодекс"),
        ("парк", "паркур"),
        ("кино", "кинолог"),
        ("пение", "пенсия"),
        ("экология", "экономика"),
        ("общение", "общество"),
        ("немецкий", "мецкий"),
    ],
)
def test_words_that_only_share_their_first_letters_do_not_meet(a, b):
    assert word_key(lemma(a)) != word_key(lemma(b))
    assert not understand([a], VOCABULARY).tokens & understand([b], VOCABULARY).tokens


def concepts(text: str) -> set[str]:
    return {concept.key for concept in VOCABULARY.concepts_of(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Тревожится перед контрольными", {"anxiety"}),
        ("Очень тревожный ребёнок", {"anxiety"}),
        ("Лыжные гонки", {"ski"}),
        ("Неграмотно пишет", {"literacy"}),
        ("Хочет научиться выступать", {"speaking"}),
        ("Любит спорить", {"debate"}),
        ("Стесняется говорить по-английски", {"english"}),
        ("Астрофизика", {"physics"}),
        ("Биохимия", {"chemistry"}),
        ("3D-моделирование", {"modelling"}),
    ],
)
def test_a_word_finds_the_term_of_its_family(text, expected):
    assert concepts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Научиться решать задачи",  # «научиться» (a word that names no topic) is not «наука»
        "Трудно даётся",  # «трудно» is not «труд»
        "Футбольное поле",  # a short key between two nouns: «поле» is not «пол»
        "Перешёл из другой школы",  # «другой» is not «друг»
        "Освоение программы",  # «программа» is not «программирование»
        "Самоподготовка",  # a compound's generic part is no topic
    ],
)
def test_unrelated_words_find_no_term(text):
    assert concepts(text) == set()


def test_hyphenated_words_unknown_as_a_whole_are_read_by_their_parts():
    meaning = understand(["Хочет вести школьный телеграм-канал"], VOCABULARY)
    assert {f"w:{word_key('телеграм')}", f"w:{word_key('канал')}"} <= meaning.tokens
    essay = understand(["Сочинение-рассуждение"], VOCABULARY)
    assert f"w:{word_key('рассуждение')}" in essay.tokens


def test_words_outside_the_vocabulary_meet_through_their_family():
    pupil = understand(["Любит играть в шахматы"], VOCABULARY)
    mentor = understand(["Шахматный клуб"], VOCABULARY)
    assert f"w:{word_key('шахматы')}" in pupil.tokens & mentor.tokens


def test_the_explanation_names_the_words_that_met():
    pupil = understand(["Тревожится перед контрольными"], VOCABULARY)
    mentor = understand(["Работа с тревожностью"], VOCABULARY)
    met = pupil.tokens & mentor.tokens
    assert "c:anxiety" in met
    assert "тревожится ≈ тревожностью" in explain_met(met, pupil.words, mentor.words)


def test_the_explanation_shows_the_plainest_of_the_ways_both_said_it():
    vocabulary = Vocabulary([Concept("pe", "Физкультура", ("тренер", "лыжи", "спорт"))])
    pupil = understand(["Занимается лыжами"], vocabulary)
    mentor = understand(["Тренер по лыжным гонкам"], vocabulary)
    assert explain_met(pupil.tokens & mentor.tokens, pupil.words, mentor.words) == ["лыжами ≈ лыжным"]


def test_the_explanation_shows_a_hyphenated_word_whole():
    pupil = understand(["Стесняется говорить по-английски"], VOCABULARY)
    mentor = understand(["Английский язык"], VOCABULARY)
    assert explain_met({"c:english"}, pupil.words, mentor.words) == ["по-английски ≈ английский язык"]


def test_function_words_left_over_are_no_topic():
    assert understand(["Куда и когда, там и где"], VOCABULARY).tokens == frozenset()
    assert understand(["Перешёл из другой школы"], VOCABULARY).tokens == {f"w:{word_key('перейти')}"}
