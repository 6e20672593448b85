"""A stranger's review of the false-friends change (migration 0026, ``semantics._OWN_FAMILY``, an interest
lost): what it lost or over-reached, each as a rule in its own words."""

import pytest

from .quality_set import Pupil, Teacher, concept_tokens, scores_by_key


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        # an interest lost refuses what it was in, not its cause
        ("потерял интерес к учёбе из-за буллинга", "c:bullying"),
        ("пропал интерес к учебе после смерти отца", "c:grief"),
        ("потерял интерес к учебе из-за проблем с математикой", "c:math"),
        # an interest said to be kept is one
        ("интерес к физике не пропал", "c:physics"),
        ("не потерял интерес к физике", "c:physics"),
        ("не теряет интерес к физике", "c:physics"),
        ("раньше любил физику и сейчас любит", "c:physics"),
        # tired of a harm is a need, not a refusal
        ("надоела травля в классе", "c:bullying"),
        ("надоели конфликты с отчимом", "c:conflicts"),
        ("надоели ссоры с родителями", "c:family"),
        # a prefixed verb kept out of its plain verb's topic keeps its own family
        ("убежал из дома", "c:behaviour"),
        ("проверять тетради", "c:assessment"),
        # «научить» kept out of science still teaches to read
        ("научить читать", "c:early-literacy"),
        # the phrases taken out for collapsing to one word said something: said now without collapsing
        ("умеет вести за собой", "c:leadership"),
        ("ведёт за собой класс", "c:leadership"),
        ("сила воли", "c:motivation"),
        ("нет силы воли", "c:motivation"),
        ("учится не по своей воле", "c:motivation"),
        ("мечтает о своём деле", "c:entrepreneurship"),
        ("хочет открыть собственное дело", "c:entrepreneurship"),
    ],
)
def test_what_the_change_lost_is_understood_again(text, meant):
    assert meant in concept_tokens(text)


@pytest.mark.parametrize(
    ("text", "not_meant"),
    [
        # an interest lost, in other orders and forms
        ("к физике пропал интерес", "c:physics"),
        ("к химии у него пропал интерес", "c:chemistry"),
        ("пропал интерес заниматься футболом", "c:football"),
        ("потерял интерес к олимпиадам по физике", "c:physics"),
        ("не потерял интерес к физике", "c:motivation"),  # no loss, no lack of motivation
        # a listed false friend in other forms of the same verb
        ("ударился головой", "c:russian"),
        ("ударяет других детей", "c:russian"),
        ("бьётся в истерике", "c:music"),
        ("проверила", "c:confidence"),
        ("убежала из дома", "c:pe"),
        ("связывается с плохой компанией", "c:crafts"),
        # «вести за собой» kept is no «ведёт себя»
        ("ведёт себя агрессивно", "c:leadership"),
    ],
)
def test_the_claims_hold_in_other_words(text, not_meant):
    assert not_meant not in concept_tokens(text)


LEADER = Teacher("lead", ["лидерство", "вести за собой"])
BUSINESS = Teacher("biz", ["предпринимательство", "своё дело"])


def test_a_curator_sees_no_pair_made_of_a_common_word():
    """«ведёт себя плохо» shares nothing with a mentor who leads («вести за собой»), nor «в чём дело» with
    one who teaches «своё дело»: neither the requests nor the common words criterion pairs them."""
    pupil = Pupil(["ведёт себя плохо, в чём дело — непонятно"], ("lead",), group_name="8А")
    empty = Pupil(["рисование"], ("lead",), group_name="8А")
    scores = scores_by_key(pupil, [LEADER, BUSINESS])
    baseline = scores_by_key(empty, [LEADER, BUSINESS])
    assert scores["lead"] <= baseline["lead"] + 5
    assert scores["biz"] <= baseline["biz"] + 5


@pytest.mark.parametrize(
    ("text", "meant", "not_meant"),
    [
        # «решает задачи» is mathematics alone, the other subject's after «по»
        ("решает задачи по химии", "c:chemistry", "c:math"),
        ("решение задач по физике", "c:physics", "c:math"),
        ("текстовые задачи по математике", "c:math", "c:chemistry"),
        # drinking bouts are the family's at home, an addiction elsewhere
        ("пьянки с друзьями", "c:addictions", "c:family"),
        ("дома пьянки до ночи", "c:family", "c:martial-arts"),
    ],
)
def test_new_phrases_name_only_their_own_topic(text, meant, not_meant):
    found = concept_tokens(text)
    assert meant in found and not_meant not in found


CHEMISTRY = Teacher("chem", ["химия 8-11", "подготовка к ОГЭ по химии"], subject="Химия")
MATHS = Teacher("math", ["олимпиадная математика", "подготовка к ЕГЭ по математике"], subject="Математика")


def test_a_chemistry_problem_solver_is_the_chemists_not_a_tie():
    scores = scores_by_key(Pupil(["решает задачи по химии"], ("chem",), group_name="9А"), [CHEMISTRY, MATHS])
    assert scores["chem"] > scores["math"] + 20


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        # the perfective leads too, though pymorphy first reads «повести» as stories («повесть»)
        ("хочет повести за собой класс", "c:leadership"),
        ("повёл за собой ребят на субботник", "c:leadership"),
        ("поведёт за собой команду", "c:leadership"),
        # a loss feared has not happened: the pupil still cares for the subject
        ("боится потерять интерес к физике", "c:physics"),
        ("страшно потерять интерес к музыке", "c:music"),
        ("опасается утратить интерес к химии", "c:chemistry"),
    ],
)
def test_the_reviews_leftovers_are_understood(text, meant):
    assert meant in concept_tokens(text)


@pytest.mark.parametrize(
    ("text", "not_meant"),
    [
        ("читает повести и рассказы", "c:leadership"),  # stories are still stories
        ("потерял интерес к физике", "c:physics"),  # a loss that happened still refuses the subject
    ],
)
def test_the_leftovers_fix_over_reaches_nowhere(text, not_meant):
    assert not_meant not in concept_tokens(text)
