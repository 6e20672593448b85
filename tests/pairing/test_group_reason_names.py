"""A group's shared requests are named as names («математика»), not in the case one pupil wrote them
(«общие запросы: математике», found by a stranger on 7 December 2026)."""

import pytest

from pairing.matching import Settings, match
from pairing.semantics import nominative

from .quality_set import Pupil, Teacher, people


@pytest.mark.parametrize(
    ("written", "named"),
    [
        ("математике", "математика"),
        ("математика", "математика"),  # not «математик»: pymorphy's likeliest parse is the genitive
        ("Русский язык", "Русский язык"),
        ("помощь", "помощь"),
        ("русскому языку", "русский язык"),
        ("Публичным выступлениям", "Публичные выступления"),
        ("подготовке к ОГЭ", "подготовка к ОГЭ"),
        ("олимпиаде по математике", "олимпиада по математике"),
        ("финансовой грамотности", "финансовая грамотность"),
        ("ЕГЭ по физике", "ЕГЭ по физике"),
        ("с математикой", "с математикой"),  # no head noun first: left as written
    ],
)
def test_a_phrase_is_named_in_the_nominative_up_to_its_head_noun(written, named):
    assert nominative(written) == named


def test_a_groups_shared_request_is_named_in_the_nominative():
    pupils = [
        Pupil(["Помощь по математике"], ("math",), group_name="6А"),
        Pupil(["Подтянуть оценки по математике"], ("math",), group_name="6Б"),
    ]
    teachers = [Teacher("math", ["Математика"], subject="Математика", age=45, capacity=2)]
    mentees, mentors, _right, _keys = people(pupils=pupils, teachers=teachers)
    result = match(mentees, mentors, Settings(group_size=2))
    reasons = [c.reason for pair in result.pairs for c in pair.contributions if c.criterion == "group"]
    assert len(reasons) == 2, result
    assert all("математика" in reason and "математике" not in reason for reason in reasons), reasons


def test_a_group_reads_its_shared_request_in_one_wording():
    """Three pupils of one group, one of whom wrote «алгебра» for what the others call «математика»: all
    three read the same reason (found on the demo on 7 December 2026: «алгебра» on one line, «математика» on
    the two others)."""
    pupils = [
        Pupil(["Помощь по математике"], ("math",), group_name="6А"),
        Pupil(["Алгебра"], ("math",), group_name="6Б"),
        Pupil(["Подтянуть математику"], ("math",), group_name="6В"),
    ]
    teachers = [Teacher("math", ["Математика"], subject="Математика", age=45, capacity=3)]
    mentees, mentors, _right, _keys = people(pupils=pupils, teachers=teachers)
    result = match(mentees, mentors, Settings(group_size=3))
    reasons = [c.reason for pair in result.pairs for c in pair.contributions if c.criterion == "group"]
    assert len(reasons) == 3, result
    assert len(set(reasons)) == 1, reasons
    assert "алгебра" not in reasons[0], reasons
