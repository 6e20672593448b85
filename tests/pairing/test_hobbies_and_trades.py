"""Hobbies, trades and needs of ordinary and rural schools the seeded vocabulary knows since migration
0017 (pure: pymorphy3 and the seeded vocabulary, no database), tested on phrasings of no labelled set:
cooking as a field of its own (a cook is no welder), machinery, bees, flight schools, beat-making, video
editing, K-pop, smoking and drinking, families needing material help, disability and hearing loss,
autism, a boarding pupil missing home, reading for pleasure; and the words moved out of the terms they did not belong to
(reading competitions are literature, local history is no hiking, «Бессмертный полк» is no loss)."""

import pytest

from pairing.semantics import understand

from .quality_set import Pupil, Teacher, concept_tokens, kept_seed, scores_by_key


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("Мечтает печь торты на заказ", "c:cooking"),
        ("Поступить в кулинарный техникум", "c:cooking"),
        ("хочет стать кондитером", "c:cooking"),
        ("после девятого — на сварщика", "c:career-services"),
        ("Перебирает с отцом двигатель мопеда", "c:engineering"),
        ("Хочет стать механизатором, как дядя", "c:career-services"),
        ("Дед держит пасеку, интересуется пчеловодством", "c:biology"),
        ("Мечтает поступить в лётное училище", "c:career-military"),
        ("Пишет биты в FL Studio", "c:music"),
        ("Делает биты на ноутбуке", "c:music"),
        ("Хочет освоить CapCut", "c:media"),
        ("Ведёт страничку в тик-ток", "c:media"),
        ("Фанатеет от кей-поп", "c:dance"),
        ("Попался с электронной сигаретой", "c:addictions"),
        ("Отец выпивает", "c:addictions"),
        ("Семья малообеспеченная, нет денег на школьную форму", "c:social-support"),
        ("Нужна материальная помощь, льготное питание", "c:social-support"),
        ("Носит слуховой аппарат", "c:disability"),
        ("Передвигается на инвалидной коляске", "c:disability"),
        ("РАС, нужен тьютор", "c:autism"),
        ("Ребёнок-аутист", "c:autism"),
        ("Живёт в интернате, скучает по родителям", "c:adaptation"),
        ("Конкурс чтецов", "c:literature"),
        ("Посоветуйте, что почитать: любит фэнтези", "c:reading"),
    ],
)
def test_the_vocabulary_knows_hobbies_trades_and_needs(text, concept):
    assert concept in concept_tokens(text)


@pytest.mark.parametrize(
    ("text", "unwanted"),
    [
        ("Школьный краеведческий музей, краеведение", "c:tourism"),
        ("Бессмертный полк", "c:family"),
        ("Оценки упали", "c:addictions"),
        ("Фанатеет от кей-поп", "c:other-languages"),
        ("Конкурс чтецов", "c:theatre"),
        ("Хочет стать поваром", "c:engineering"),
    ],
)
def test_words_moved_out_of_terms_they_did_not_belong_to(text, unwanted):
    assert unwanted not in concept_tokens(text)


def test_a_future_cook_goes_to_the_cookery_teacher_not_to_the_one_of_every_trade():
    pupil = Pupil(["Хочет после 9 класса учиться на кондитера"], (), group_name="9Б")
    got = scores_by_key(
        pupil,
        [
            Teacher("trades", ["Профориентация: рабочие профессии", "Слесарное дело"], age=50),
            Teacher("cook", ["Кулинария и домоводство", "Выпечка"], age=50),
        ],
    )
    assert got["cook"] > got["trades"]


def test_a_vaping_pupil_goes_to_the_prevention_specialist_not_to_discipline():
    pupil = Pupil(["Курит электронные сигареты на переменах"], (), group_name="9В", at_risk=True)
    got = scores_by_key(
        pupil,
        [
            Teacher("discipline", ["Дисциплина и трудные подростки"], age=45, at_risk_experience=True),
            Teacher("prevention", ["Профилактика курения и алкоголя"], age=45, at_risk_experience=True),
        ],
    )
    assert got["prevention"] > got["discipline"]


def test_a_family_needing_material_help_goes_to_the_social_pedagogue():
    pupil = Pupil(["Малоимущая семья, не на что купить канцтовары"], (), group_name="4А")
    got = scores_by_key(
        pupil,
        [
            Teacher("psy", ["Детско-родительские отношения", "Семейные проблемы"], age=40),
            Teacher("social", ["Многодетные и малообеспеченные семьи", "Льготы"], age=40),
        ],
    )
    assert got["social"] > got["psy"]


def test_a_pupil_with_hearing_loss_goes_to_the_disability_tutor():
    pupil = Pupil(["Слабослышащий мальчик, нужно сопровождение"], (), group_name="5А", special_needs=True)
    got = scores_by_key(
        pupil,
        [
            Teacher("delay", ["ЗПР и ТНР", "Коррекционные занятия"], age=40, special_needs_trained=True),
            Teacher("tutor", ["Сопровождение детей-инвалидов"], age=40, special_needs_trained=True),
        ],
    )
    assert got["tutor"] > got["delay"]


def test_a_theatre_pupil_goes_to_the_theatre_not_to_the_reading_competitions():
    pupil = Pupil(["Хочет играть в спектаклях"], (), group_name="7А")
    got = scores_by_key(
        pupil,
        [
            Teacher("reading", ["Конкурсы чтецов", "Литература"], subject="Литература", age=40),
            Teacher("stage", ["Школьный театр"], age=40),
        ],
    )
    assert got["stage"] > got["reading"]


def test_reading_for_pleasure_is_literature_only_as_a_broader_term():
    """«что почитать» is the librarian's reading club; a literature teacher meets it in part."""
    meaning = understand(["Ищет, что почитать из детективов"], kept_seed())
    assert "c:reading" in meaning.tokens
    assert "c:literature" in meaning.broad
