"""A stranger's review of issue 14 (rev14, 6 December): defects found by trying to break the feature.

Each case is ``xfail(strict=True)``: it fails on the code as reviewed (c2e155d), so the day it passes pytest
says so and the mark is taken off. Meaning cases are built by the functions that turn the database's
profiles into the engine's input (``quality_set.people``); the page case goes through the curator's page.
"""

import pytest

from pairing.matching import Mentee, Mentor, Settings, match, score_pair
from pairing.matching_runs import cost_as_json

from .quality_set import Pupil, Teacher, people
from .test_runs import bases, start, url  # noqa: F401 (fixture)

RUSSIAN = Teacher("rus", ["Русский язык"], subject="Русский язык", age=50)
MATH = Teacher("math", ["Подготовка к ОГЭ по математике"], subject="Математика", age=45)
PSYCHOLOGIST = Teacher(
    "psy", ["Психологическая поддержка", "Работа с тревожностью"], subject="Педагог-психолог", age=41
)
SOCIAL = Teacher(
    "soc", ["Профилактика правонарушений"], subject="Социальный педагог", age=41, at_risk_experience=True
)
STAFF = [RUSSIAN, MATH, PSYCHOLOGIST, SOCIAL]


def scores(requests: list[str], text: str = "") -> tuple[Mentee, dict[str, float | None]]:
    mentees, mentors, _right, keys = people(pupils=[Pupil(requests, (), request_text=text)], teachers=STAFF)
    found = {keys[m.id]: score_pair(mentees[0], m) for m in mentors}
    return mentees[0], {key: None if value is None else value[0] for key, value in found.items()}


@pytest.mark.parametrize("request_", ["Не против психолога", "Не отказывается от психолога"])
def test_a_pupil_who_does_not_object_to_a_psychologist_may_get_one(request_):
    mentee, found = scores([request_])
    assert not mentee.refused
    assert found["psy"] is not None  # today: None, a hard refusal — the psychologist is never proposed


@pytest.mark.parametrize(
    ("requests", "text"), [(["Русский язык", "ОВЗ нет"], ""), (["Русский язык"], "Нет ОВЗ")]
)
def test_a_pupil_said_to_have_no_special_needs_has_none(requests, text):
    mentee, found = scores(requests, text)
    assert not mentee.special_needs
    # and the Russian teacher meets «Русский язык» in full, as for the same pupil without the remark
    assert found["rus"] == pytest.approx(scores(["Русский язык"])[1]["rus"])


@pytest.mark.parametrize(
    ("request_", "wanted", "not_wanted"),
    [
        ("Тревожности нет, нужна математика", "math", "psy"),
        ("Нет тревожности", None, "psy"),
        ("Не из группы риска", None, "soc"),
    ],
)
def test_a_need_said_to_be_absent_draws_no_specialist(request_, wanted, not_wanted):
    _mentee, found = scores([request_])
    others = [value for key, value in found.items() if key != not_wanted and value is not None]
    if wanted is not None:
        assert found[wanted] > found[not_wanted]
    else:  # nothing asked: the specialist is no better than anyone
        assert found[not_wanted] <= max(others)


def _mentee(i: int, requests: set[str]) -> Mentee:
    return Mentee(
        id=i, form="", requests=frozenset(requests), interests=frozenset(), grade=7, age=None, subject="",
        special_needs=False, has_consent=True,
    )  # fmt: skip


def _mentor(j: int, competencies: set[str]) -> Mentor:
    return Mentor(
        id=j, forms=frozenset({"teacher_pupil"}), competencies=frozenset(competencies), interests=frozenset(),
        grade=None, age=None, subject="", special_needs_trained=False, trained=True, has_consent=True,
        capacity=1, current_load=0,
    )  # fmt: skip


@pytest.mark.parametrize("option", [{"fairness": 0.5}, {"stable": True}])
def test_the_cost_of_an_option_with_a_locked_pair_compares_like_with_like(option):
    # one pair locked by the curator, one free pupil with the one free mentor: the option changes nothing
    mentees = [_mentee(1, {"математика"}), _mentee(2, {"физика"})]
    mentors = [_mentor(10, {"физика"}), _mentor(11, {"физика"})]
    result = match(mentees, mentors, Settings(locked=((1, 10),), **option))
    cost = cost_as_json(result)["cost"]
    # today: total 137.5 against 100.0, «цена в баллах: -37.5», «Пар: 2 против 1», «Худшая пара: 38 против 100»
    assert cost["lost"] == pytest.approx(0.0)
    assert cost["pairs"] == cost["optimum_pairs"]
    assert cost["worst"] == cost["optimum_worst"]


@pytest.mark.django_db
def test_a_stable_run_with_blocking_couples_does_not_say_there_are_none(
    curator_client,
    bases,  # noqa: F811  the fixture imported above
    django_capture_on_commit_callbacks,
):
    run = start(curator_client, django_capture_on_commit_callbacks, stable="on")
    kid = bases["kids"][2]  # asks for Russian; locked with the maths teacher, the Russian teacher has places
    with django_capture_on_commit_callbacks(execute=True):
        response = curator_client.post(
            url("run_accept", run=run.pk),
            {"accept": [kid.pk], f"mentor_{kid.pk}": bases["math"].pk, "action": "rerun"},
        )
    assert response.status_code == 302
    rerun = type(run).objects.latest("pk")
    assert rerun.pk != run.pk and rerun.result["blocking_pairs"] > 0  # the lock makes a blocking couple
    page = curator_client.get(url("run", run=rerun.pk)).content.decode()
    assert "нет наставляемого и наставника, которые оба предпочли бы быть вместе" not in page
    # the blocking couples say how each side prefers (networking choices first: a lower score together)
    assert "сначала тех, кого выбрала на нетворкинге" in page
    assert "предпочли бы быть вместе из-за пар, закреплённых куратором" in page or (
        "предпочла бы быть вместе из-за пар, закреплённых куратором" in page
    )


@pytest.mark.parametrize(
    ("requests", "text"),
    [
        (["Повышение успеваемости по русскому языку"], ""),
        (["Русский язык"], "по русскому тройка, хочет подтянуть"),
    ],
)
def test_a_pupil_struggling_with_russian_meets_the_russian_teacher_at_least_as_well_as_one_naming_it(
    requests, text
):
    # the issue's own example: «успеваемость» (c:performance) is a second request the Russian teacher is
    # not counted as meeting, so the pupil who says they struggle scores 80.8 (or 86.3) against 90.4 for
    # «Русский язык» and loses the teacher's last place to a pupil who only named the subject; the
    # explanation says «Запросы совпадают … русскому языку ↔ русский язык» all the same
    _mentee, found = scores(requests, text)
    assert found["rus"] >= scores(["Русский язык"])[1]["rus"] - 1e-9


def test_groups_with_most_pairs_first_do_not_take_the_only_place_a_pupil_can_have():
    # two pupils alike (a group) and a pupil with ОВЗ; the ОВЗ-trained teacher (2 places) is the only one
    # the «обязательно» filter allows for her; another teacher has 1 place. Today the group takes both of
    # the trained teacher's places and the pupil with ОВЗ is told «Все подходящие наставники заняты»
    # while a place stays free: 2 pupils covered where 3 can be (one of the pair in the free place).
    alike = [_mentee(1, {"математика"}), _mentee(2, {"математика"})]
    special = Mentee(
        id=3, form="", requests=frozenset({"физика"}), interests=frozenset(), grade=7, age=None, subject="",
        special_needs=True, has_consent=True,
    )  # fmt: skip
    trained = Mentor(
        id=100, forms=frozenset({"teacher_pupil"}), competencies=frozenset({"математика"}), interests=frozenset(),
        grade=None, age=None, subject="", special_needs_trained=True, trained=True, has_consent=True,
        capacity=2, current_load=0,
    )  # fmt: skip
    settings = Settings(group_size=2, maximise_count=True, required=frozenset({"special_needs"}))
    result = match([*alike, special], [trained, _mentor(101, {"математика"})], settings)
    assert {pair.mentee for pair in result.pairs} == {1, 2, 3}


@pytest.mark.django_db
def test_a_fair_run_says_it_gave_something_up_only_when_it_did(
    curator_client,
    bases,  # noqa: F811  the fixture imported above
    django_capture_on_commit_callbacks,
):
    """Review rev14 (cosmetic): «худшие пары подтянуты» was said even when the fair run changed nothing."""
    run = start(curator_client, django_capture_on_commit_callbacks, fairness=1)
    cost = run.result["cost"]
    page = curator_client.get(url("run", run=run.pk)).content.decode()
    gave_up = bool(cost["lost"]) or cost["worst"] != cost["optimum_worst"]
    assert ("худшие пары подтянуты" in page) is gave_up
    assert ("ничем не пришлось жертвовать" in page) is not gave_up
