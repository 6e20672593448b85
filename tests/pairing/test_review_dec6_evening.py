"""A stranger's review of issue 14 §2 (6 December, evening): cases where a school psychologist's choice is
obvious and the engine makes another, or explains its choice wrongly. Each case is xfail(strict=True): it
fails on the code as reviewed (dfd800f), so the day it passes pytest says so and the mark is taken off.

Small instances only (one or two pupils, two to four mentors), built by the same functions that turn the
database's profiles into the engine's input (``quality_set.people``). A right mentor must score strictly
above every other one: a tie that the order of the mentors happens to resolve does not count.
"""

import pytest

from pairing.matching import Settings, match, score_pair

from .quality_set import Pupil, Teacher, people

MATH = Teacher(
    "math", ["Подготовка к ОГЭ по математике", "Олимпиадная математика"], subject="Математика", age=46
)
RUSSIAN = Teacher(
    "russian",
    ["Орфография и пунктуация", "Подготовка к итоговому сочинению"],
    subject="Русский язык и литература",
    age=52,
)
PSYCHOLOGIST = Teacher(
    "psy",
    ["Психологическая поддержка", "Работа с тревожностью", "Адаптация в коллективе"],
    subject="Педагог-психолог",
    age=41,
    special_needs_trained=True,
    at_risk_experience=True,
)
PSYCHOLOGIST_BRIEF = Teacher("psy", ["Консультирование"], subject="Педагог-психолог", age=41)
PE = Teacher("pe", ["Подготовка к ГТО", "Футбол", "Лёгкая атлетика"], subject="Физическая культура", age=33)
ENGLISH = Teacher(
    "english",
    ["Разговорный английский", "Подготовка к ОГЭ по английскому"],
    subject="Английский язык",
    age=35,
)
PHYSICS = Teacher("physics", ["Олимпиадная физика", "Астрономия"], subject="Физика", age=38)
BIOLOGY = Teacher("biology", ["Экология", "Ботаника"], subject="Биология", age=44)
HISTORY = Teacher("history", ["Дебаты", "Обществознание и право"], subject="История и обществознание", age=49)
ART = Teacher("art", ["Рисование", "Декоративно-прикладное творчество"], subject="ИЗО", age=39)
SOCIAL = Teacher(
    "social",
    ["Профориентация", "Профилактика правонарушений", "Помощь семьям в трудной жизненной ситуации"],
    subject="Социальный педагог",
    age=50,
    at_risk_experience=True,
)
# a class teacher who lists every topic of the school
EVERYTHING = Teacher(
    "everything",
    [
        "Математика", "Русский язык", "Физика", "Химия", "Биология", "История", "Обществознание",
        "Английский язык", "Информатика", "Психологическая поддержка", "Профориентация", "Рисование",
        "Музыка", "Спорт", "Шахматы", "Тревожность", "Самооценка", "Буллинг", "ОГЭ", "ЕГЭ", "Олимпиады",
        "Проекты", "Дебаты", "Театр",
    ],
    subject="Классный руководитель",
    age=45,
)  # fmt: skip


def scores(
    pupil: Pupil, teachers: list[Teacher], settings: Settings | None = None
) -> dict[str, float | None]:
    """Each mentor's score with the pupil (None: not allowed)."""
    mentees, mentors, _right, keys = people(pupils=[pupil], teachers=teachers)
    out: dict[str, float | None] = {}
    for mentor in mentors:
        scored = score_pair(mentees[0], mentor, settings or Settings())
        out[keys[mentor.id]] = None if scored is None else scored[0]
    return out


def strictly_first(pupil: Pupil, teachers: list[Teacher], right: str) -> bool:
    got = scores(pupil, teachers)
    mine = got[right]
    return mine is not None and all(
        value is None or value < mine for key, value in got.items() if key != right
    )


def reasons(pupil: Pupil, teacher: Teacher, criterion: str) -> str:
    mentees, mentors, _right, _keys = people(pupils=[pupil], teachers=[teacher])
    scored = score_pair(mentees[0], mentors[0], Settings())
    assert scored is not None
    return " ".join(item.reason for item in scored[1] if item.criterion == criterion)


OPEN = "review of 6 Dec evening: the psychologist's choice is not first"


@pytest.mark.parametrize(
    ("request_", "teachers", "right"),
    [
        # a school subject named only as the setting of an emotional need takes the pupil to its teacher
        ("конфликт с учителем математики", [MATH, PSYCHOLOGIST], "psy"),
        ("стесняется на физкультуре переодеваться", [PE, PSYCHOLOGIST], "psy"),
        ("неприятная история с травлей в классе", [HISTORY, PSYCHOLOGIST], "psy"),
        ("на уроках английского плачет, боится учительницу", [ENGLISH, PSYCHOLOGIST], "psy"),
        # safety: words a psychologist reads first are not read at all (every mentor scores the same)
        ("не хочет жить", [MATH, PSYCHOLOGIST], "psy"),
        ("его буллят в классе", [MATH, PSYCHOLOGIST], "psy"),
        ("умер папа", [MATH, PSYCHOLOGIST], "psy"),
        # contrast and refusal after the subject
        pytest.param(
            "вместо физики хочет заниматься биологией",
            [PHYSICS, BIOLOGY],
            "biology",
            marks=pytest.mark.xfail(strict=True, reason=OPEN),
        ),
        pytest.param(
            "спорт ненавидит, рисует", [PE, ART], "art", marks=pytest.mark.xfail(strict=True, reason=OPEN)
        ),
        # a mentor who lists everything outscores the specialist whose post covers the need
        ("буллинг в классе", [EVERYTHING, PSYCHOLOGIST_BRIEF], "psy"),
    ],
)
def test_the_psychologists_choice_scores_first(request_, teachers, right):
    assert strictly_first(Pupil([request_], (right,), group_name="7А"), teachers, right)


@pytest.mark.parametrize(
    ("request_", "teachers", "right"),
    [
        # a bad mark and a good one, said as numbers, weigh the same
        ("русский 3, математика 5", [MATH, RUSSIAN], "russian"),
        # contrast and refusal after the subject
        ("математика — 5, помощь не нужна; проблемы с английским", [MATH, ENGLISH], "english"),
    ],
)
def test_the_psychologists_choice_scores_first_with_marks(request_, teachers, right):
    """Passing since marks are read as verdicts (6 December, evening): the xfail mark taken off."""
    assert strictly_first(Pupil([request_], (right,), group_name="7А"), teachers, right)


def test_an_empty_profile_does_not_take_the_place_of_a_pupil_who_asked_for_it():
    asked = Pupil(["Подготовка к ОГЭ по математике"], ("math",), group_name="9А")
    empty = Pupil([], ("math",), group_name="7А")
    one_place = Teacher(MATH.key, MATH.competencies, subject=MATH.subject, age=MATH.age, capacity=1)
    mentees, mentors, _right, _keys = people(pupils=[empty, asked], teachers=[one_place])
    result = match(mentees, mentors, Settings())
    assert [pair.mentee for pair in result.pairs] == [2]


@pytest.mark.xfail(strict=True, reason="review of 6 Dec evening: a covered exam request lowers the score")
def test_adding_a_need_the_mentor_covers_does_not_lower_the_score():
    before = scores(Pupil(["Математика"], ("math",)), [MATH])["math"]
    after = scores(Pupil(["Математика", "ОГЭ по математике"], ("math",)), [MATH])["math"]
    assert before is not None and after is not None and after >= before


def test_required_shared_interests_do_not_exclude_the_maths_teacher_for_a_maths_request():
    got = scores(Pupil(["Математика"], ("math",)), [MATH], Settings(required=frozenset({"interests"})))
    assert got["math"] is not None


def test_required_areas_do_not_exclude_the_psychologist_for_a_conflict_with_a_teacher():
    pupil = Pupil(["конфликт с учителем математики"], ("psy",))
    got = scores(pupil, [MATH, PSYCHOLOGIST], Settings(required=frozenset({"areas"})))
    assert got["psy"] is not None


def test_a_history_olympiad_does_not_meet_a_required_maths_olympiad():
    teacher = Teacher(
        "pe", ["Подготовка к ГТО", "Олимпиады по истории"], subject="Физическая культура", age=33
    )
    got = scores(
        Pupil(["олимпиада по математике"], ("pe",)), [teacher], Settings(required=frozenset({"requests"}))
    )
    assert got["pe"] is None


@pytest.mark.xfail(
    strict=True, reason="review of 6 Dec evening: the explanation pairs biology with astronomy"
)
def test_the_explanation_does_not_say_biology_met_astronomy():
    said = reasons(Pupil(["вместо физики хочет заниматься биологией"], ("physics",)), PHYSICS, "requests")
    assert "астроном" not in said
