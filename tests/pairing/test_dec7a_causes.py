"""Causes of misses found on the labelled set ``quality_set_dec7a.py``, each as a general rule in its own
words (none of the set's phrases): how a mentor's preferred grades written as an open range or a school
stage are read, and the vocabulary families a school writes (kinds of sport and their coaches)."""

import pytest

from pairing.semantics import parse_grades

from .quality_set import Pupil, Teacher, concept_tokens, people, scores_by_key


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an open range: from the grade named to the last one, or from the first up to it
        ("со 2 класса", ("grade", 2, 11)),
        ("от 6 кл", ("grade", 6, 11)),
        ("начиная с 9 класса", ("grade", 9, 11)),
        ("10+", ("grade", 10, 11)),
        ("3 класс и старше", ("grade", 3, 11)),
        ("до 5 класса", ("grade", 1, 5)),
        ("не старше 8 кл.", ("grade", 1, 8)),
        # a range in digits is what the stage beside it means
        ("среднее звено 6–8", ("grade", 6, 8)),
        ("старшая школа: 9-11", ("grade", 9, 11)),
        # a stage alone, or abbreviated as schools write it
        ("старшие", ("grade", 10, 11)),
        ("младшие и средние", ("grade", 1, 9)),
        ("нач. кл.", ("grade", 1, 4)),
        ("ср. звено", ("grade", 5, 9)),
        # what already held
        ("с 5 по 8 класс", ("grade", 5, 8)),
        ("от 7 до 9", ("grade", 7, 9)),
        ("13-15 лет", ("age", 13, 15)),
        ("Без разницы", None),
    ],
)
def test_preferred_grades_as_an_open_range_or_a_stage(text, expected):
    assert parse_grades(text) == expected


# --------------------------------------------------------------------------------------------------
# Families of concepts (migration 0021): each kind of sport is its coach's, the uniformed services'
# careers are apart, learning to read is not reading for pleasure, adaptive PE is no adaptation

SKI_COACH = Teacher("ski", ["тренер секции лыжных гонок", "сдача нормативов"], subject="Физическая культура")
HOCKEY_COACH = Teacher("hockey", ["тренирую хоккейную команду", "дисциплина"], subject="Физическая культура")
SWIM_COACH = Teacher("swim", ["секция плавания"], subject="Физическая культура")
PE_TEACHER = Teacher("pe", ["ГТО", "физическая подготовка"], subject="Физическая культура")
ARMY = Teacher("army", ["подготовка к поступлению в военное училище", "служба в армии"], subject="ОБЖ")
RESCUE = Teacher("rescue", ["классный руководитель класса МЧС", "пожарно-спасательное дело"])
POLICE = Teacher("police", ["поступление в вузы МВД", "профилактика правонарушений"])
PRIMARY = Teacher("primary", ["учитель начальных классов", "техника чтения"], subject="Начальные классы")
LITERATURE = Teacher("literature", ["литература", "читательский клуб"], subject="Русский язык и литература")
PSYCHOLOGIST = Teacher(
    "psy",
    ["педагог-психолог", "адаптация новеньких", "суицидальный риск, самоповреждение"],
    special_needs_trained=True,
    at_risk_experience=True,
)
ADAPTIVE_PE = Teacher(
    "afk", ["адаптивная физкультура", "параспорт"], subject="Физкультура", special_needs_trained=True
)
INFORMATICS = Teacher("it", ["программирование", "олимпиадная информатика"], subject="Информатика")
MEDIA = Teacher("media", ["школьное телевидение", "журналистика"])


def _best(pupil: Pupil, teachers: list[Teacher]) -> tuple[str, dict[str, float]]:
    scores = scores_by_key(pupil, teachers)
    return max(scores, key=lambda key: scores[key]), scores


@pytest.mark.parametrize(
    ("requests", "text", "right"),
    [
        (["биатлон, хочу на областные старты"], "", "ski"),
        ([], "мечтает попасть в хоккейную команду города", "hockey"),
        (["научиться плавать"], "", "swim"),
    ],
)
def test_each_kind_of_sport_goes_to_its_coach(requests, text, right):
    best, scores = _best(
        Pupil(requests, (right,), "6А", request_text=text), [SKI_COACH, HOCKEY_COACH, SWIM_COACH, PE_TEACHER]
    )
    assert best == right, scores


def test_a_sport_no_coach_names_still_goes_to_the_pe_teacher_before_other_mentors():
    scores = scores_by_key(Pupil(["футбол"], ("pe",), "6А"), [PE_TEACHER, ARMY, PSYCHOLOGIST, INFORMATICS])
    assert scores["pe"] > max(scores["army"], scores["psy"], scores["it"]), scores


@pytest.mark.parametrize(
    ("requests", "right"),
    [
        (["хочу стать пожарным"], "rescue"),
        (["мечтает работать спасателем в МЧС"], "rescue"),
        (["поступление в институт МВД"], "police"),
        (["хочу работать в полиции"], "police"),
        (["хочу служить в армии офицером"], "army"),
    ],
)
def test_the_uniformed_services_each_go_to_their_own_curator(requests, right):
    best, scores = _best(Pupil(requests, (right,), "9А"), [ARMY, RESCUE, POLICE])
    assert best == right, scores


@pytest.mark.parametrize("request_", ["чтение по слогам", "медленно читает, только по слогам"])
def test_a_first_grader_learning_to_read_goes_to_the_primary_teacher_not_to_a_reading_club(request_):
    """Learning to read is no reading for pleasure, and it is the class teacher's subject in the primary
    school: the post added for a primary pupil does not make the listed request outweigh it."""
    best, scores = _best(Pupil([request_], ("primary",), "1Б"), [PRIMARY, LITERATURE])
    assert best == "primary", scores
    assert "c:reading" not in concept_tokens(request_)


def test_a_newcomer_is_the_psychologists_and_adaptive_pe_is_no_adaptation():
    best, scores = _best(Pupil(["адаптация в новой школе"], ("psy",), "8А"), [PSYCHOLOGIST, ADAPTIVE_PE])
    assert best == "psy", scores
    assert "c:adaptation" not in concept_tokens("адаптивная физкультура")


@pytest.mark.parametrize("text", ["на руках порезы, говорит что поцарапалась", "сказал другу что устал жить"])
def test_self_harm_and_tiredness_of_living_in_everyday_words_go_to_the_psychologist(text):
    best, scores = _best(
        Pupil(["математика"], ("psy",), "8А", request_text=text, at_risk=True),
        [
            PSYCHOLOGIST,
            INFORMATICS,
            Teacher("math", ["математика ОГЭ"], subject="Математика", at_risk_experience=True),
        ],
    )
    assert best == "psy", scores


@pytest.mark.parametrize(
    ("text", "right"),
    [("хочет сам создавать игры", "it"), ("собирается поступать на журфак", "media")],
)
def test_making_games_is_programming_and_journalism_is_media(text, right):
    best, scores = _best(Pupil([], (right,), "8А", request_text=text), [INFORMATICS, MEDIA, LITERATURE])
    assert best == right, scores


# --------------------------------------------------------------------------------------------------
# An urgent need weighs with the subject it is about, not with what the story tells beside it


def test_an_urgent_need_does_not_make_the_pets_and_people_of_the_story_heavy():
    pupil = Pupil(
        [],
        ("psy",),
        "7Б",
        request_text="мама увидела порезы на запястье, дочь уверяет что собака поцарапала",
        at_risk=True,
    )
    mentees, _mentors, _right, _keys = people(pupils=[pupil], teachers=[PSYCHOLOGIST])
    assert "c:suicide-risk" in mentees[0].heavy
    assert "c:animals" in mentees[0].requests and "c:animals" not in mentees[0].heavy
    zoo = Teacher(
        "zoo", ["юннаты, уход за животными", "биология"], subject="Биология", at_risk_experience=True
    )
    best, scores = _best(pupil, [PSYCHOLOGIST, zoo])
    assert best == "psy" and scores["psy"] - scores["zoo"] > 10, scores


def test_an_urgent_need_still_weighs_with_the_subject_it_is_about():
    mentees, _m, _r, _k = people(
        pupils=[Pupil(["двойки по химии, могут оставить на второй год"], ("psy",), "8А")],
        teachers=[PSYCHOLOGIST],
    )
    assert "c:chemistry" in mentees[0].heavy


# --------------------------------------------------------------------------------------------------
# Indifference refuses as «не интересно» does


@pytest.mark.parametrize(
    ("text", "refused", "kept"),
    [
        ("к химии равнодушна, обожает рисовать", "c:chemistry", "c:visual-arts"),
        ("равнодушен к футболу, зато сочиняет стихи", "c:football", "c:literature"),
        ("литература ей безразлична, хочет программировать", "c:literature", "c:programming"),
    ],
)
def test_a_subject_the_pupil_is_indifferent_to_names_nothing(text, refused, kept):
    found = concept_tokens(text)
    assert refused not in found and kept in found, found


# --------------------------------------------------------------------------------------------------
# Everyday words (migration 0022), and no lone word left of a phrase whose «не» was lost


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("по-русски почти не понимает, семья недавно из Киргизии", "c:russian-foreign"),
        ("у него в раздевалке отнимают деньги", "c:bullying"),
        ("после переезда скучает по друзьям", "c:adaptation"),
        ("учиться не видит смысла", "c:motivation"),
        ("очень расстроена после олимпиады", "c:stress"),
    ],
)
def test_everyday_words_of_needs(text, concept):
    assert concept in concept_tokens(text)


@pytest.mark.parametrize(
    ("text", "concept"),
    [("стоит ли поступать в лётное, есть ли смысл", "c:stress"), ("в чём смысл этой задачи", "c:stress")],
)
def test_a_plain_word_is_no_need_its_negation_would_make(text, concept):
    assert concept not in concept_tokens(text)


# --------------------------------------------------------------------------------------------------
# A career or a career class named where an emotional need shows is the setting, not the request


@pytest.mark.parametrize(
    "text", ["в кадетском классе первый год, тревожится, плохо спит", "кадет, боится строевого смотра"]
)
def test_a_worried_cadet_goes_to_the_psychologist_not_to_the_officer(text):
    officer = Teacher("army", ["военно-патриотическое воспитание", "кадетский класс"], subject="ОБЖ")
    psychologist = Teacher("psy", ["педагог-психолог", "конфликты со сверстниками", "тревожность"])
    scores = scores_by_key(Pupil([], ("psy",), "7А", request_text=text), [psychologist, officer])
    assert scores["psy"] > scores["army"], scores


def test_career_guidance_asked_in_a_worried_phrase_stays_the_request():
    adviser = Teacher("career", ["профориентация", "выбор профессии"])
    best, scores = _best(
        Pupil(["никак не может выбрать профессию, переживает"], ("career",), "9А"), [adviser, PSYCHOLOGIST]
    )
    assert best == "career", scores


# --------------------------------------------------------------------------------------------------
# First aid is its instructor's (migration 0023)


def test_first_aid_goes_to_the_instructor_who_names_it_before_the_obzh_teacher():
    instructor = Teacher("rescue", ["инструктор по оказанию первой помощи", "юные спасатели"])
    obzh = Teacher("obzh", ["безопасность дорожного движения", "гражданская оборона"], subject="ОБЖ")
    best, scores = _best(
        Pupil(["научиться накладывать повязки, первая помощь"], ("rescue",), "8А"), [instructor, obzh]
    )
    assert best == "rescue" and scores["rescue"] > scores["obzh"], scores


@pytest.mark.parametrize("text", ["в классе ребята смеются над ним", "спит по 4 часа, всё время на нервах"])
def test_being_laughed_at_and_sleeping_little_are_needs(text):
    assert concept_tokens(text) & {"c:conflicts", "c:stress"}


# --------------------------------------------------------------------------------------------------
# A relative's occupation told with a verb («отец был пожарным», «мама работает в полиции») is the
# relative's, not the pupil's request


@pytest.mark.parametrize(
    ("text", "not_asked", "asked"),
    [
        ("дед был военным, а внук увлекается шахматами", "c:career-military", "c:chess"),
        ("мама работает в полиции, дочь любит химию", "c:career-police", "c:chemistry"),
        ("мать работает учителем, сама любит химию", "c:career-teaching", "c:chemistry"),
        ("папа служит в МЧС, сын рисует", "c:career-rescue", "c:visual-arts"),
    ],
)
def test_a_relatives_occupation_told_with_a_verb_is_no_request(text, not_asked, asked):
    found = concept_tokens(text)
    assert not_asked not in found and asked in found, found


def test_the_pupils_own_wish_to_work_somewhere_is_still_a_request():
    assert "c:career-medicine" in concept_tokens("хочет работать врачом, как мама")
