"""Negations after review rev14: an objection denied agrees, a problem said to be absent names no need, and a
struggle with a subject is that subject's teacher's job — while real refusals, real needs and real flags stay."""

import pytest

from pairing.matching import Settings, score_pair

from .quality_set import Pupil, people
from .test_review_rev14 import RUSSIAN, scores


def _concepts(requests: list[str], text: str = "") -> set[str]:
    mentee, _found = scores(requests, text)
    return {token for token in mentee.requests if token.startswith("c:")}


@pytest.mark.parametrize(
    "request_",
    [
        "Не против психолога",
        "Не отказывается от психолога",
        "Не возражает против психолога",
        "Родители не против занятий с психологом",
    ],
)
def test_an_objection_denied_is_agreement(request_):
    mentee, found = scores([request_])
    assert not mentee.refused
    assert found["psy"] is not None and found["psy"] > found["math"]


@pytest.mark.parametrize(
    "request_",
    ["К психологу не хочет", "Психолог не нужен", "Не надо к психологу", "Отказывается от психолога"],
)
def test_a_refused_psychologist_stays_refused(request_):
    mentee, found = scores([request_])
    assert "c:psychology" in mentee.refused
    assert found["psy"] is None


@pytest.mark.parametrize(
    ("requests", "text"),
    [
        (["Русский язык", "ОВЗ нет"], ""),
        (["Русский язык", "Нет ОВЗ"], ""),
        (["Русский язык", "ОВЗ: нет"], ""),
        (["Русский язык", "ОВЗ — нет"], ""),
        (["Русский язык", "Без ОВЗ"], ""),
        (["Русский язык", "ОВЗ отсутствует"], ""),
        (["Русский язык"], "Нет ОВЗ"),
        (["Русский язык"], "Ребёнок без ОВЗ"),
        (["Русский язык"], "Статуса ОВЗ нет."),
        (["Русский язык", "ОВЗ (нет)"], ""),
        (["Русский язык"], "ОВЗ? Нет"),
        (["Русский язык", "Не является ребёнком с ОВЗ"], ""),
    ],
)
def test_no_special_needs_said_in_any_way_is_none(requests, text):
    mentee, found = scores(requests, text)
    assert not mentee.special_needs
    assert "c:ovz" not in mentee.requests
    assert found["rus"] == pytest.approx(scores(["Русский язык"])[1]["rus"])
    # «обязательно» on ОВЗ keeps every mentor for her
    mentees, mentors, _right, _keys = people(
        pupils=[Pupil(requests, (), request_text=text)], teachers=[RUSSIAN]
    )
    assert score_pair(mentees[0], mentors[0], Settings(required=frozenset({"special_needs"}))) is not None


@pytest.mark.parametrize(
    ("requests", "text"),
    [
        (["ОВЗ"], ""),
        (["Русский язык", "ОВЗ"], ""),
        (["Русский язык", "ОВЗ есть"], ""),
        (["Русский язык", "ОВЗ: да"], ""),
        (["ЗПР"], ""),
        (["Русский язык"], "ребёнок с ОВЗ"),
        (["Ребёнок с ОВЗ, нет друзей"], ""),
        (["Русский язык"], "ОВЗ, тревожности нет"),
    ],
)
def test_a_pupil_said_to_have_special_needs_stays_flagged(requests, text):
    mentee, _found = scores(requests, text)
    assert mentee.special_needs


@pytest.mark.parametrize(
    ("request_", "need"),
    [
        ("Нет тревожности", "psy"),
        ("Тревожность: нет", "psy"),
        ("Тревожности нет", "psy"),
        ("Буллинга нет", "psy"),
        ("Буллинга в классе нет", "psy"),
        ("Конфликтов нет", "psy"),
        ("Конфликтов с одноклассниками нет", "psy"),
        ("Агрессии не проявляет", "psy"),
        ("Не из группы риска", "soc"),
        ("Не состоит на учёте", "soc"),
        ("На учёте не состоит", "soc"),
        ("Не курит", "soc"),
        ("Не пьёт и не курит", "soc"),
        ("Не замечен в курении", "soc"),
        ("Вредных привычек нет", "soc"),
        ("На учёте: нет", "soc"),
        ("На учёте в ПДН не состоит", "soc"),
        ("В группу риска не входит", "soc"),
        ("Конфликтов с учителями не было", "psy"),
        ("Тревожности не наблюдается", "psy"),
        ("Травли нет", "psy"),
    ],
)
def test_a_need_said_to_be_absent_is_no_request_and_no_word_of_the_explanation(request_, need):
    mentee, found = scores([request_])
    assert not {token for token in mentee.requests if token.startswith("c:")}
    assert not [words for token, words in mentee.words if token.startswith("c:")]
    assert not mentee.special_needs and not mentee.refused
    assert found[need] <= max(value for key, value in found.items() if key != need and value is not None)


@pytest.mark.parametrize(
    "request_",
    [
        "Тревожности нет, нужна математика",
        "Тревожность: нет. Нужна математика",
        "Нет ОВЗ и нужна математика",
        "Буллинга нет, но нужна помощь с математикой",
    ],
)
def test_the_rest_of_a_sentence_with_an_absent_need_still_counts(request_):
    mentee, found = scores([request_])
    assert "c:math" in mentee.requests
    assert not {"c:stress", "c:ovz", "c:bullying"} & mentee.requests
    assert found["math"] > found["psy"]


@pytest.mark.parametrize(
    ("request_", "token"),
    [
        ("Тревожность", "c:stress"),
        ("Тревожность: да", "c:stress"),
        ("Тревожность не проходит", "c:stress"),
        ("Не справляется с тревогой", "c:stress"),
        ("Нет друзей из-за буллинга", "c:bullying"),
        ("Из-за буллинга друзей нет", "c:bullying"),
        ("Нет мотивации", "c:motivation"),
        ("Английский: говорить без страха", "c:stress"),
        ("Подготовка к экзаменам без стресса", "c:stress"),
        ("Состоит на учёте", "c:behaviour"),
        ("Курит", "c:addictions"),
        ("Буллинг. Нет, не знаю", "c:bullying"),
        ("Тревожность, нет друзей", "c:stress"),
    ],
)
def test_a_need_that_is_there_stays_a_need(request_, token):
    assert token in _concepts([request_])


def test_a_wish_denied_elsewhere_still_refuses_what_it_says():
    concepts = _concepts(["Не хочет к математичке, хочет про технику"])
    assert "c:math" not in concepts and "c:technology" in concepts


@pytest.mark.parametrize(
    ("requests", "text", "teacher", "bare"),
    [
        (["Повышение успеваемости по русскому языку"], "", "rus", "Русский язык"),
        (["Русский язык"], "по русскому тройка, хочет подтянуть", "rus", "Русский язык"),
        (["Низкая успеваемость по математике"], "", "math", "Математика"),
        (["Плохие оценки по математике"], "", "math", "Математика"),
    ],
)
def test_a_struggle_with_a_subject_meets_its_teacher_as_well_as_the_bare_subject(
    requests, text, teacher, bare
):
    _mentee, found = scores(requests, text)
    assert found[teacher] >= scores([bare])[1][teacher] - 1e-9
    assert found[teacher] == max(value for value in found.values() if value is not None)


@pytest.mark.parametrize(
    "requests", [["Плохие оценки"], ["Неуспеваемость"], ["Плохие оценки, любит рисовать"]]
)
def test_performance_named_alone_stays_a_request(requests):
    assert "c:performance" in _concepts(requests)
