"""Contrast and denial in requests (pure: pymorphy3 and the seeded vocabulary, no database): what a
pupil says is fine, not needed or excepted names nothing — «с математикой всё хорошо», «математика не
нужна», «всё кроме математики», «математика — без проблем, а вот…» — and the rest of the request still
counts; while «не понимает математику», «плохо с математикой», «нет друзей» stay needs."""

import pytest

from pairing.matching import Settings, score_pair
from pairing.matching_runs import mentee_record, mentor_record
from pairing.semantics import understand

from .quality_set import seed_vocabulary

SEED = seed_vocabulary()


def named(text: str) -> set[str]:
    """The concepts and words a request names itself (not their broader terms)."""
    meaning = understand([text], SEED)
    return set(meaning.tokens - meaning.broad)


@pytest.mark.parametrize(
    ("text", "denied", "kept"),
    [
        # a need denied: «не нужна», «не надо», «не требуется», «нет необходимости», «не актуально»
        ("не нужна помощь с математикой, хочу в театр", "c:math", "c:theatre"),
        ("Математика не нужна, интересует театр", "c:math", "c:theatre"),
        ("Помощь по математике не требуется, мечтает о сцене", "c:math", "c:theatre"),
        ("Репетитор по математике не нужен, нужна помощь с рисованием", "c:math", "c:visual-arts"),
        ("Нет необходимости в занятиях по математике, любит рисовать", "c:math", "c:visual-arts"),
        ("Математика уже не актуальна, хочет рисовать", "c:math", "c:visual-arts"),
        ("Математика неактуальна, хочет в театральную студию", "c:math", "c:theatre"),
        ("Математику подтягивать не надо, хочет рисовать", "c:math", "c:visual-arts"),
        # a subject said to be fine: «всё хорошо», «проблем нет», «без проблем», «в порядке», «справляется»
        ("с математикой всё хорошо, нужна помощь с рисованием", "c:math", "c:visual-arts"),
        ("По математике проблем нет, хочет заниматься рисованием", "c:math", "c:visual-arts"),
        ("Нет проблем с математикой, но хочет играть в театре", "c:math", "c:theatre"),
        ("Математика — без проблем, а вот с рисованием беда", "c:math", "c:visual-arts"),
        ("Математика нормально, а вот рисовать хочет научиться", "c:math", "c:visual-arts"),
        ("С математикой всё в порядке, но хочет в театральную студию", "c:math", "c:theatre"),
        ("По математике отлично, нужна помощь с рисованием", "c:math", "c:visual-arts"),
        ("Физика — норм, а вот рисование никак", "c:physics", "c:visual-arts"),
        ("С математикой справляется сам, а с рисованием нужна помощь", "c:math", "c:visual-arts"),
        ("Математика даётся легко, хочет в театр", "c:math", "c:theatre"),
        ("Трудностей с математикой не испытывает, любит рисовать", "c:math", "c:visual-arts"),
        ("Математика не вызывает затруднений, интересуется театром", "c:math", "c:theatre"),
        ("По математике вопросов нет; хочет выступать на сцене", "c:math", "c:theatre"),
        # what is excepted: «кроме», «за исключением», «помимо» after «всё», «любой»
        ("всё кроме математики", "c:math", ""),
        ("Кроме математики", "c:math", ""),
        ("Любые предметы, кроме математики", "c:math", ""),
        ("Интересно всё, кроме математики и физики", "c:physics", ""),
        ("Интересно всё, кроме математики и физики", "c:math", ""),
        ("Всё, за исключением математики, любит театр", "c:math", "c:theatre"),
        ("Все занятия помимо математики", "c:math", ""),
        ("Интересуется всем, кроме спорта", "c:pe", ""),
        ("Подготовка к ОГЭ по всем предметам, кроме математики", "c:math", "c:oge"),
        # one thing rather than another: «не X, а Y», «не столько X, сколько Y», «X, не Y»
        ("Не математика, а театр", "c:math", "c:theatre"),
        ("Не столько математика, сколько рисование", "c:math", "c:visual-arts"),
        ("Нужна помощь не с математикой, а с русским", "c:math", "c:russian"),
        ("Нужен наставник по физике, не по математике", "c:math", "c:physics"),
        # more of the same families
        ("Математика — не проблема, а вот сочинения не даются", "c:math", "c:essay"),
        ("Математика, физика — без проблем, а вот русский хромает", "c:math", "c:russian"),
        ("Математика, физика — без проблем, а вот русский хромает", "c:physics", "c:russian"),
        ("С математикой всё супер, хочет в театр", "c:math", "c:theatre"),
        ("Сам справится с математикой, а вот русский не даётся", "c:math", "c:russian"),
        ("Тревожность не беспокоит, хочет заниматься спортом", "c:stress", "c:pe"),
    ],
)
def test_what_is_denied_names_nothing_and_the_rest_still_counts(text, denied, kept):
    found = named(text)
    assert denied not in found
    if kept:
        assert kept in found


@pytest.mark.parametrize(
    ("text", "need"),
    [
        ("Не понимает математику", "c:math"),
        ("Не может решать задачи по математике", "c:math"),
        ("Не получается русский", "c:russian"),
        ("Боится не сдать ОГЭ", "c:oge"),
        ("Не успевает по физике", "c:physics"),
        ("Не уверен в себе", "c:confidence"),
        ("Нет друзей", "c:communication"),
        ("Плохо с математикой", "c:math"),
        ("С математикой проблемы", "c:math"),
        ("С математикой не всё хорошо", "c:math"),
        ("С математикой не очень", "c:math"),
        ("По математике не всё в порядке", "c:math"),
        ("Не справляется с математикой", "c:math"),
        ("С математикой справляется с трудом", "c:math"),
        ("Математика даётся тяжело", "c:math"),
        ("Математика никак не даётся", "c:math"),
        ("Хорошо рисует, хочет развиваться", "c:visual-arts"),
        ("Хочет хорошо сдать ОГЭ по математике", "c:math"),
        ("Хорошо бы подтянуть математику", "c:math"),
        ("Хочет без проблем сдать ОГЭ по математике", "c:math"),
        ("Нужна помощь с математикой", "c:math"),
        ("Математика нужна для поступления", "c:math"),
        ("Не только математика, но и физика", "c:math"),
        ("Не только математика, но и физика", "c:physics"),
        # «кроме» that adds, or that says «only»
        ("Кроме математики, интересуется физикой", "c:math"),
        ("Помимо математики увлекается рисованием", "c:math"),
        ("Ничем не интересуется, кроме компьютерных игр", "c:games"),
        ("Не хочет заниматься ничем кроме рисования", "c:visual-arts"),
        ("По всем предметам хорошо, кроме химии", "c:chemistry"),  # the exception to what is fine
        ("Все предметы даются легко, кроме русского языка", "c:russian"),
        ("Не в ладах с одноклассниками", "c:communication"),
        ("Беспокоит тревожность перед экзаменами", "c:exam-anxiety"),
        ("Тревожность, математика", "c:math"),  # a list is no subject of what follows it
        ("Нет желания учиться", "c:motivation"),
    ],
)
def test_a_need_said_with_a_negation_still_counts(text, need):
    assert need in named(text)


MENTORS = [  # (key, competencies, subject)
    ("maths", ["Подготовка к ОГЭ по математике", "Олимпиадная математика"], "Математика"),
    ("art", ["Рисование и живопись", "Дизайн"], "Изобразительное искусство"),
    ("theatre", ["Театральная студия", "Сценическая речь"], ""),
]


def _scores(request: str) -> dict[str, tuple[float, float, str]]:
    """(score, requests' points, requests' explanation) of a pupil with each of three mentors alike
    but for what they offer."""
    pupil = mentee_record(vocabulary=SEED, id=1, form="", requests=[request], group_name="8А", age=14)
    out = {}
    for i, (key, competencies, subject) in enumerate(MENTORS, start=2):
        mentor = mentor_record(
            vocabulary=SEED, id=i, form="", age=35, competencies=competencies, subject=subject
        )
        scored = score_pair(pupil, mentor, Settings())
        assert scored is not None
        requests = [c for c in scored[1] if c.criterion == "requests"]  # none: nothing was asked
        out[key] = (scored[0], sum(c.points for c in requests), " ".join(c.reason for c in requests))
    return out


@pytest.mark.parametrize(
    ("request_text", "winner"),
    [
        ("не нужна помощь с математикой, хочу в театр", "theatre"),
        ("с математикой всё хорошо, нужна помощь с рисованием", "art"),
        ("По математике проблем нет, любит рисовать", "art"),
        ("Математика — без проблем, а вот в театре хочет играть", "theatre"),
        ("Не математика, а рисование", "art"),
        ("Математика уже не актуальна, хочет рисовать", "art"),
        ("С математикой справляется сам, хочет в театральную студию", "theatre"),
        ("Всё, кроме математики: рисование, театр", "art"),
    ],
)
def test_the_mentor_of_what_is_denied_does_not_win(request_text, winner):
    scores = _scores(request_text)
    assert scores[winner][0] > scores["maths"][0]
    assert scores["maths"][1] == 0  # maths counts nothing…
    assert "математик" not in scores["maths"][2].lower()  # …and is not shown as met
    assert scores[winner][1] > 0


def test_all_but_maths_gives_the_maths_teacher_nothing():
    scores = _scores("всё кроме математики")
    assert scores["maths"][1] == 0
    assert scores["maths"][0] <= scores["art"][0]


@pytest.mark.parametrize(
    "request_text",
    [
        "Не понимает математику",
        "Плохо с математикой",
        "Не успевает по математике",
        "Не получается решать задачи по математике",
        "Боится не сдать ОГЭ по математике",
        "Математика не даётся, хотя любит рисовать",
        "С математикой проблемы, а вот рисует хорошо",
    ],
)
def test_a_need_with_a_negation_still_goes_to_the_maths_teacher(request_text):
    scores = _scores(request_text)
    assert scores["maths"][1] > 0
    assert scores["maths"][0] > scores["theatre"][0]
