"""Causes of the misses of the blind sets ``held_out_dec6e`` and ``held_out_dec6f``, each fixed as a rule
for any school (pure: pymorphy3 and the seeded vocabulary, no database), tested on phrasings of no
labelled set:

* a field a school has a specialist or a club for is a term of its own, so the specialist is told from the
  teacher who only shares the field: Russian as a second language, hearing and sight loss, a delay of
  development (the defectologist's, still a need of ОВЗ), tutoring (no specialist of every ОВЗ need),
  drones and 3D printing (still engineering), electrics (a trade, not physics);
* the everyday words of needs the vocabulary lacked: severe speech disorders (ТНР) and letters written as
  in a mirror, a low mood, wanting someone to talk to, a shaking voice, skipping lessons, nights at the
  computer, parents who chose for the pupil, a family short of money or a parent out of work, «общага»;
* a lone «урок» is a pupil's lesson, not a young teacher's methodology;
* a pupil who asks for an older pupil rather than a teacher: every mentor who is a pupil offers it;
* «урок» and «целый» name no topic (two requests said «на уроке» share nothing; «целыми днями» is no
  aim of «нет цели»), and a word cut short with a dot is an abbreviation whatever its length
  («слабослыш.»);
* a pupil whose requests name special needs goes to the specialist first: the subjects named beside
  them are where those needs show (in part, no subject area);
* a relative's occupation («папа инженер») is no request of the pupil's;
* «не будет» beside an infinitive refuses what it is said of («физику сдавать не будет»);
* a slash between subjects carries the exam on: «ЕГЭ био/хим» is the ЕГЭ in both;
* a first-grader who does not know the letters is a Russian (literacy) need; a need said with «не» is
  said with a word that keeps it, as a pattern loses its «не» («ходит в школу» is no truancy).
"""

import pytest

from .quality_set import Pupil, Teacher, concept_tokens, people, scores_by_key, seed_vocabulary

SEED = seed_vocabulary()






def test_a_pupil_who_does_not_understand_russian_goes_to_the_teacher_of_russian_as_a_second_language():
    got = scores_by_key(
        Pupil(["мальчик почти не понимает по-русски, семья из Киргизии"], (), group_name="6А"),
        [
            Teacher("rki", ["русский язык как неродной, дети мигрантов"], subject="Русский язык"),
            Teacher("rus", ["русский язык 5-9, орфография, ОГЭ"], subject="Русский язык"),
        ],
    )
    assert got["rki"] > got["rus"]


@pytest.mark.parametrize("text", ["help with russian, please", "Ей нужен русский как второй язык"])
def test_russian_as_a_second_language_is_read(text):
    assert {"c:russian-foreign", "c:russian"} <= concept_tokens(text)


def test_a_deaf_pupil_goes_to_the_teacher_of_the_deaf_not_to_a_tutor():
    got = scores_by_key(
        Pupil(["глухота, после кохлеарной имплантации"], (), group_name="3Б", special_needs=True),
        [
            Teacher("deaf", ["сурдопедагог"], subject="Дефектология", special_needs_trained=True),
            Teacher("tutor", ["тьютор, сопровождение на уроках детей с ОВЗ"], special_needs_trained=True),
        ],
    )
    assert got["deaf"] > got["tutor"]


def test_a_delay_of_development_goes_to_the_defectologist_not_to_a_tutor():
    got = scores_by_key(
        Pupil(["задержка развития, нужна коррекционная помощь"], (), group_name="2Б", special_needs=True),
        [
            Teacher("defect", ["коррекционно-развивающие занятия"], subject="Учитель-дефектолог",
                    special_needs_trained=True),
            Teacher("tutor", ["сопровождение детей с ОВЗ на уроках"], subject="Тьютор", special_needs_trained=True),
        ],
    )  # fmt: skip
    assert got["defect"] > got["tutor"]


def test_a_delay_of_development_is_a_need_of_ovz_too():
    assert {"c:defectology", "c:ovz"} <= concept_tokens("у сына ЗПР")


def test_drones_go_to_the_drone_club_not_to_the_motorbike_mechanic():
    got = scores_by_key(
        Pupil(["мечтает управлять коптером"], (), group_name="7Б"),
        [
            Teacher("drones", ["кружок БПЛА: сборка и полёты"]),
            Teacher("moto", ["ремонт мопедов и мотоциклов"]),
        ],
    )
    assert got["drones"] > got["moto"]


def test_3d_printing_goes_to_who_prints_not_to_who_draws():
    got = scores_by_key(
        Pupil(["печатает фигурки на 3д-принтере"], (), group_name="6В"),
        [
            Teacher("print", ["3D-печать и прототипирование"]),
            Teacher("drafts", ["черчение, техническое творчество"]),
        ],
    )
    assert got["print"] > got["drafts"]


def test_electrics_is_a_trade_not_physics():
    got = scores_by_key(
        Pupil(["хочет разбираться в электропроводке"], (), group_name="8А"),
        [
            Teacher("trade", ["электромонтажные работы"]),
            Teacher("phys", ["физика: электричество, оптика"], subject="Физика"),
        ],
    )
    assert got["trade"] > got["phys"]
    assert "c:physics" not in concept_tokens("электрика")


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("у ребёнка ТНР", "c:speech-therapy"),
        ("переставляет буквы в словах", "c:speech-therapy"),
        ("ничего не радует в последнее время", "c:stress"),
        ("при ответе у доски голос дрожит", "c:stress"),
        ("хочется кому-нибудь выговориться", "c:psychology"),
        ("не посещает уроки третью неделю", "c:behaviour"),
        ("до утра сидит за компьютером", "c:gadgets"),
        ("в секцию записали родители", "c:motivation"),
        ("папу уволили, не хватает денег", "c:social-support"),
        ("готовится к ОГЭ по общаге", "c:social-studies"),
    ],
)
def test_everyday_words_of_needs(text, concept):
    assert concept in concept_tokens(text)


def test_a_lesson_is_no_teaching_methodology():
    assert "c:methodology" not in concept_tokens("на каждом уроке отвлекается")
    assert "c:methodology" in concept_tokens("конструирование урока по ФГОС")


# --- a request for an older pupil: every mentor who is a pupil offers it


def test_a_pupil_who_asks_for_an_older_pupil_gets_a_pupil_mentor_rather_than_a_teacher():
    got = scores_by_key(
        Pupil(["геометрия", "хочу, чтобы занимался кто-то постарше из учеников"], (), group_name="7А"),
        [
            Teacher("teacher", ["геометрия 7-9"], subject="Математика", age=45),
            Teacher("senior", ["помогу с геометрией"], group_name="10Б", age=16),
        ],
    )
    assert got["senior"] > got["teacher"]


# --- reading: «урок» and «целый» name no topic; a word cut short with a dot is an abbreviation at any length


def test_a_lesson_is_no_topic_two_requests_share():
    from pairing.semantics import understand

    assert "w:урок" not in understand(["болтает на уроках"], SEED).tokens
    assert "c:motivation" not in concept_tokens("целыми вечерами рисует")


@pytest.mark.parametrize(
    ("text", "concept"),
    [("слабовид., нужен крупный шрифт", "c:sight"), ("слабослыш. ребёнок", "c:hearing")],
)
def test_a_long_word_cut_short_with_a_dot_is_an_abbreviation(text, concept):
    assert concept in concept_tokens(text)


# --- a pupil whose requests name special needs goes to the specialist first: the subjects beside them
# are where the needs show


def test_a_pupil_with_a_delay_of_development_and_a_lagging_subject_goes_to_the_defectologist():
    got = scores_by_key(
        Pupil(["задержка психического развития", "помощь по математике"], (), group_name="6Б"),
        [
            Teacher(
                "math", ["математика 5-9, закрыть пробелы"], subject="Математика", special_needs_trained=True
            ),
            Teacher(
                "defect", ["коррекционные занятия"], subject="Учитель-дефектолог", special_needs_trained=True
            ),
        ],
    )
    assert got["defect"] > got["math"]


@pytest.mark.parametrize(
    ("text", "loss"), [("ОВЗ по зрению", "c:sight"), ("ребёнок с ОВЗ (слух)", "c:hearing")]
)
def test_ovz_said_with_its_loss_names_both(text, loss):
    assert {"c:ovz", "c:disability", loss} <= concept_tokens(text)


# --- a relative's occupation is no request


def test_a_relatives_occupation_is_not_the_pupils_request():
    got = scores_by_key(
        Pupil(["брат хирург", "сама мечтает рисовать комиксы"], (), group_name="7В"),
        [
            Teacher("med", ["профориентация в медицину, будущим врачам"]),
            Teacher("art", ["рисунок, комиксы"]),
        ],
    )
    assert got["art"] > got["med"]


@pytest.mark.parametrize(
    ("text", "kept", "dropped"),
    [
        ("дядя юрист, тётя учитель истории", set(), {"c:career-law", "c:history"}),
        ("мама в больнице", {"c:family"}, set()),
        ("отец бьёт", {"c:violence"}, set()),
    ],
)
def test_a_relative_is_read_without_their_occupation(text, kept, dropped):
    found = concept_tokens(text)
    assert kept <= found and not dropped & found


# --- «не будет» beside an infinitive refuses; a slash between subjects carries the exam on


@pytest.mark.parametrize("text", ["Историю сдавать не будет", "не будет ходить на хор"])
def test_will_not_refuses_what_it_is_said_of(text):
    assert not concept_tokens(text) & {"c:history", "c:music"}


def test_a_slash_between_subjects_carries_the_exam_on():
    _mentees, mentors, _right, _keys = people(pupils=[], teachers=[Teacher("both", ["ОГЭ биол/геогр"])])
    assert {"c:oge@biology", "c:oge@geography"} <= mentors[0].competencies
    _mentees, mentors, _right, _keys = people(pupils=[], teachers=[Teacher("two", ["ОГЭ/ЕГЭ физика"])])
    assert "c:oge@physics" not in mentors[0].competencies - mentors[0].broad  # an exam alone stays so


# --- the letters; patterns that would lose their «не»


def test_not_knowing_the_letters_is_literacy():
    assert "c:russian" in concept_tokens("никак не запомнит буквы")


@pytest.mark.parametrize(
    ("text", "concept"),
    [("сама ходит в школу через дорогу", "c:behaviour"), ("понимает по-русски хорошо", "c:russian-foreign")],
)
def test_a_need_said_with_not_is_not_found_without_it(text, concept):
    assert concept not in concept_tokens(text)
