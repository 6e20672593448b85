"""Look-alike words (pure: pymorphy3 and the seeded vocabulary, no database): a word of a phrase that
means something else finds no subject on its own. «Русская народная музыка» is music, not the Russian
teacher; «английский бульдог» is a dog, «химическая завивка» a hairdo, «история моды» fashion (history
only a weak link); «водительские права» are not «права человека», «скрипичный ключ» is music and no
«ключ к успеху». The near cases still link: «русский язык», «по-русски пишет с ошибками», «английский»,
«химия ОГЭ», «история России», «права ребёнка». And the gaps: «Пайтон», «инфа», a mentor's preferred
classes in words («младшие школьники», «среднее звено», «старшеклассники»)."""

import pytest

from pairing.matching import Settings, match, score_pair
from pairing.semantics import parse_grades, understand

from .quality_set import Pupil, Teacher, people, seed_vocabulary

SEED = seed_vocabulary()


def concepts(text: str) -> set[str]:
    """The concepts a phrase names directly."""
    return {concept.key for concept in SEED.concepts_of(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an adjective of a subject before a noun of another thing names that thing only
        ("русская народная музыка", {"music"}),
        ("Русские народные танцы", {"dance"}),
        ("английский бульдог", set()),
        ("Мечтает об английском бульдоге", set()),
        ("французская кухня", set()),
        ("немецкая овчарка", set()),
        ("химическая завивка", set()),
        ("физическая активность", {"pe"}),  # not physics
        ("физические упражнения", {"pe"}),
        # idioms: one phrase, one meaning
        ("водительские права", {"obzh"}),
        ("скрипичный ключ", {"music"}),
        ("ключ к успеху", set()),
    ],
)
def test_a_look_alike_word_does_not_find_a_subject(text, expected):
    assert concepts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("русский язык", {"russian"}),
        ("Повышение успеваемости по русскому", {"russian", "performance"}),
        ("по-русски пишет с ошибками", {"russian"}),
        ("английский язык", {"english"}),
        ("английский", {"english"}),
        ("англ", {"english"}),
        ("Английский с нуля", {"english"}),
        ("английский и немецкий", {"english", "german"}),
        ("химия ОГЭ", {"chemistry", "oge"}),
        ("химический кружок", {"chemistry"}),
        ("Математический кружок", {"math"}),
        ("Английский клуб", {"english"}),
        ("исторические события", {"history"}),
        ("химические элементы", {"chemistry"}),
        ("английская литература", {"english", "literature"}),
        ("история России", {"history"}),
        ("права ребёнка", {"social-studies"}),
        ("права человека", {"social-studies"}),
        ("музыка", {"music"}),
        ("скрипичный ключ, сольфеджио", {"music"}),
        # the gaps
        ("Пайтон", {"programming"}),
        ("программирование на пайтоне", {"programming"}),
        ("инфа", {"informatics"}),
        ("огэ по инфе", {"oge", "informatics"}),
    ],
)
def test_the_near_cases_still_link(text, expected):
    assert concepts(text) == expected


def test_a_subject_named_as_the_history_of_another_thing_is_only_a_weak_link():
    meaning = understand(["история моды"], SEED)
    assert "c:visual-arts" in meaning.tokens and "c:visual-arts" not in meaning.broad
    assert "c:history" not in meaning.tokens - meaning.broad  # at most a broader, half-counted term
    plain = understand(["история России"], SEED)
    assert "c:history" in plain.tokens - plain.broad
    # a need after the subject is no field of its own: the subject stays named
    household = understand(["экономика семьи"], SEED)
    assert "c:social-studies" in household.tokens - household.broad


def test_different_rights_and_different_keys_do_not_meet():
    human = understand(["права человека"], SEED).tokens
    driving = understand(["водительские права"], SEED).tokens
    assert "c:social-studies" not in driving
    assert not {token for token in human & driving if token.startswith(("c:social", "w:"))}
    success = understand(["ключ к успеху"], SEED).tokens
    clef = understand(["скрипичный ключ"], SEED).tokens
    assert not success & clef


def _scores(pupil: Pupil, teachers: list[Teacher]) -> dict[str, tuple[float, str]]:
    """Each teacher's score with the pupil and the requests' explanation."""
    mentees, mentors, _right, keys = people(pupils=[pupil], teachers=teachers)
    out = {}
    for mentor in mentors:
        found = score_pair(mentees[0], mentor, Settings())
        assert found is not None
        reasons = " ".join(item.reason for item in found[1] if item.criterion in {"requests", "areas"})
        out[keys[mentor.id]] = (found[0], reasons)
    return out


RUSSIAN = Teacher("russian", ["Русский язык", "Подготовка к ОГЭ по русскому языку"], subject="Русский язык")
ENGLISH = Teacher("english", ["Английский язык", "Разговорный английский"], subject="Английский язык")
CHEMISTRY = Teacher("chemistry", ["Химия", "Химические опыты"], subject="Химия")
MUSIC = Teacher("music", ["Хор", "Вокал", "Сольфеджио"], subject="Музыка")
ANIMALS = Teacher("animals", ["Живой уголок", "Уход за животными"], subject="Биология")
DESIGN = Teacher("design", ["Дизайн одежды", "Мода"], subject="Технология")
SERVICES = Teacher("services", ["Рабочие профессии и сфера услуг", "Парикмахер"], subject="Технология")
HISTORY = Teacher("history", ["История", "Краеведение"], subject="История")


@pytest.mark.parametrize(
    ("requests", "right", "wrong", "word"),
    [
        (["Русская народная музыка"], "music", "russian", "русск"),
        (["Английский бульдог, любит собак"], "animals", "english", "английск"),
        (["Химическая завивка, хочет стать парикмахером"], "services", "chemistry", "химическ"),
        (["История моды"], "design", "history", ""),
    ],
)
def test_the_engine_gives_the_pupil_the_right_mentor_not_the_look_alike(requests, right, wrong, word):
    teachers = [RUSSIAN, ENGLISH, CHEMISTRY, MUSIC, ANIMALS, DESIGN, SERVICES, HISTORY]
    scores = _scores(Pupil(requests, (right,)), teachers)
    assert scores[right][0] > scores[wrong][0]
    if word:  # the look-alike word met nothing
        assert word not in scores[wrong][1].lower()
    mentees, mentors, right_ids, _keys = people(pupils=[Pupil(requests, (right,))], teachers=teachers)
    (pair,) = match(mentees, mentors, Settings()).pairs
    assert pair.mentor in right_ids[1]


@pytest.mark.parametrize(
    ("requests", "right", "met"),
    [
        (["По-русски пишет с ошибками"], "russian", "пишет с ошибками"),
        (["Английский язык"], "english", "английский язык ↔ английский язык"),
        (["Химия ОГЭ"], "chemistry", "химия ↔ химия"),
        (["История России"], "history", "история россии"),
        (["Скрипичный ключ"], "music", "скрипичный ключ ≈ "),
    ],
)
def test_the_engine_still_links_the_near_cases(requests, right, met):
    teachers = [RUSSIAN, ENGLISH, CHEMISTRY, MUSIC, ANIMALS, DESIGN, HISTORY]
    scores = _scores(Pupil(requests, (right,)), teachers)
    assert all(scores[right][0] > score for key, (score, _r) in scores.items() if key != right)
    assert met in scores[right][1].lower()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("младшие школьники", ("grade", 1, 4)),
        ("Начальная школа", ("grade", 1, 4)),
        ("начальные классы", ("grade", 1, 4)),
        ("старшеклассники", ("grade", 10, 11)),
        ("Старшие классы", ("grade", 10, 11)),
        ("средняя школа", ("grade", 5, 9)),
        ("среднее звено", ("grade", 5, 9)),
        ("среднее и старшее звено", ("grade", 5, 11)),
        ("младшие и средние классы", ("grade", 1, 9)),
        ("старшие классы (10-11)", ("grade", 10, 11)),
        ("5–7 классы", ("grade", 5, 7)),  # digits as before
        ("Не важно", None),
        ("Студенты", None),
    ],
)
def test_preferred_grades_in_words(text, expected):
    assert parse_grades(text) == expected


def test_a_mentor_who_prefers_seniors_in_words_is_kept_for_seniors():
    senior = Teacher("senior", ["Математика"], subject="Математика", preferred_grades="старшеклассники")
    junior = Teacher("junior", ["Математика"], subject="Математика", preferred_grades="младшие школьники")
    scores = _scores(
        Pupil(["Подготовка к ЕГЭ по математике"], ("senior",), group_name="11А"), [senior, junior]
    )
    assert scores["senior"][0] > scores["junior"][0]
