"""A pupil's requests against a mentor's offer, as a curator expects (issue 14): each request is a need
the mentor meets directly, covers only in part (through a broader term) or does not cover.

* a need the mentor covers, even only in part, added to the pupil's requests never lowers the couple's
  score (the reviewer's case: «Алгебра» with a maths teacher scored 100 on requests, and «Алгебра» +
  «Подготовка к ОГЭ» 92.4 with a maths teacher who prepares for the ОГЭ and ЕГЭ);
* a need covered only in part counts less than one met directly, but never pulls a directly met need's
  points down; a need the mentor does not cover may lower the share (it is unmet), never raise it;
* of two mentors covering the first need, the one also covering the second (even in part) scores more;
* what the mentor offers more never lowers the requests' points;
* an explanation agrees with the points: no points, no words that met; «близки лишь по общей области
  (засчитано частично)» only where no need is met directly, and then for at most the part's points.

The pupils and mentors are made of the seeded vocabulary's terms by the functions that read the
profiles; every score is ``score_pair``'s and the same float from the engine's three scorers (numpy,
the compiled one and its quick path; ``test_area_scores.score``), with and without an «обязательно»
criterion (which sends the compiled scorer down its other path).

The scorer of today breaks the first two rules: the requests' share is (a + ½·(b + h)) / (n + ½·m) for
a named requests met by a term the mentor names, h met only by a broader term the mentor offers, b of
the m broader terms of the requests met by a term the mentor names, of n named requests; a broader term
of a request met directly that the mentor only reaches (ОГЭ's «подготовка к экзаменам» for a mentor who
names the ОГЭ) adds ½ to the divisor and nothing to the share, and a need met in part (½ of 1) pulls
the share of needs met directly (1 of 1) down. Those tests are marked ``xfail(strict=True)`` until the
scoring changes (a fix that keeps them is measured in the report of 6 December: it lowered the blind
quality set, so it did not land); the others hold today."""

from __future__ import annotations

import functools

import pytest
from django.utils.translation import gettext as _
from hypothesis import assume, given
from hypothesis import strategies as st

from pairing import matching
from pairing.matching import Mentee, Mentor, Settings, Weights, score_pair
from pairing.matching_runs import mentee_record, mentor_record

from .quality_set import seed_vocabulary
from .test_area_scores import _zero_point_reasons_name_nothing, score
from .test_matching_properties import common

# the rules the scorer of today breaks (strict: a fix makes them pass, and then the mark must go)
BROKEN_TODAY = pytest.mark.xfail(
    strict=True, reason="issue 14: a need covered in part, or its broader term, lowers the requests' share"
)

# needs a pupil names, one term each: the seeded vocabulary's terms and some ways schools write them
NEEDS = (
    "Алгебра",
    "Подготовка к ОГЭ",
    "Подготовка к ЕГЭ",
    "Математика",
    "Точные науки",
    "Физика",
    "Информатика",
    "Программирование",
    "Русский язык",
    "Литература",
    "Филология",
    "Английский язык",
    "Иностранные языки",
    "История",
    "Обществознание",
    "Подготовка к экзаменам",
    "ОГЭ",
    "ЕГЭ",
    "Олимпиады",
    "Итоговое сочинение",
    "Публичные выступления",
    "Дебаты",
    "Профориентация",
    "IT-профессии",
    "Медицина",
    "Уверенность в себе",
    "Стресс и тревожность",
    "Тревога перед экзаменами",
    "Психологическая поддержка",
    "Шахматы",
    "Робототехника",
)
# what mentors write
OFFERS = (
    *NEEDS,
    "Подготовка к ОГЭ и ЕГЭ по математике",
    "Олимпиадная математика",
    "Профориентация в медицину",
    "Гуманитарные науки",
    "Естественные науки",
    "Технологии",
)
SUBJECTS = ("", "Математика", "Физика", "Информатика", "Русский язык", "История", "Педагог-психолог")
DEFAULT = Settings()
SETTINGS = (
    Settings(),
    Settings(weights=Weights(requests=10, areas=0, interests=0)),
    # a criterion «обязательно» that every couple here meets: the compiled scorer's other path
    Settings(required=frozenset({"age_gap"})),
)
AREAS = ((), ("Музыка",))  # none (then the requests' subjects), or one no mentor here offers


@functools.cache
def vocabulary():
    return seed_vocabulary()


@functools.cache
def mentor(subject: str, offer: tuple[str, ...]) -> Mentor:
    return mentor_record(
        vocabulary=vocabulary(), id=1000, form="", competencies=list(offer), subject=subject, age=40
    )


@functools.cache
def pupil(requests: tuple[str, ...], areas: tuple[str, ...] = ()) -> Mentee:
    return mentee_record(
        vocabulary=vocabulary(),
        id=1,
        form="",
        requests=list(requests),
        subject_areas=list(areas),
        group_name="8А",
        age=14,
    )


def requests_points(mentee: Mentee, chosen: Mentor, settings: Settings = DEFAULT) -> float:
    """The requests criterion's points (the three scorers checked on the whole score)."""
    score(mentee, chosen, settings)
    found = score_pair(mentee, chosen, settings)
    assert found is not None
    return next(c.points for c in found[1] if c.criterion == "requests")


def covered(need: str, chosen: Mentor, settings: Settings = DEFAULT) -> float:
    """The share of the requests' weight a pupil with this need alone gets: 1 met directly, between
    0 and 1 covered in part, 0 not covered."""
    return requests_points(pupil((need,)), chosen, settings) / settings.weights.requests


offers = st.lists(st.sampled_from(OFFERS), min_size=1, max_size=3, unique=True).map(tuple)
needs = st.lists(st.sampled_from(NEEDS), min_size=1, max_size=3, unique=True).map(tuple)


# -- the reviewer's cases -----------------------------------------------------------------------------


@BROKEN_TODAY
def test_the_exam_a_maths_teacher_prepares_for_does_not_lower_algebra():
    maths = mentor("Математика", ("Математика", "Подготовка к ОГЭ и ЕГЭ по математике"))
    alone = score(pupil(("Алгебра",)), maths)
    assert requests_points(pupil(("Алгебра",)), maths) == 5
    assert score(pupil(("Алгебра", "Подготовка к ОГЭ")), maths) >= alone  # was 92.4 below 100
    assert requests_points(pupil(("Алгебра", "Подготовка к ОГЭ")), maths) == 5


@BROKEN_TODAY
def test_an_exam_reached_only_through_a_broader_term_counts_in_part_and_lowers_nothing():
    """«Подготовка к экзаменам» covers the ОГЭ in part: less than «ОГЭ» named, more than nothing."""
    exams = mentor("Математика", ("Математика", "Подготовка к экзаменам"))
    oge = mentor("Математика", ("Математика", "ОГЭ"))
    bare = mentor("Математика", ("Математика",))
    assert 0 < covered("Подготовка к ОГЭ", exams) < covered("Подготовка к ОГЭ", oge) == 1
    both = pupil(("Алгебра", "Подготовка к ОГЭ"))
    assert score(both, exams) >= score(pupil(("Алгебра",)), exams)
    assert requests_points(both, oge) >= requests_points(both, exams) > requests_points(both, bare)


# -- the properties ------------------------------------------------------------------------------------


@BROKEN_TODAY
@common(300)
@given(
    requests=needs,
    added=st.sampled_from(NEEDS),
    offer=offers,
    subject=st.sampled_from(SUBJECTS),
    settings=st.sampled_from(SETTINGS),
    areas=st.sampled_from(AREAS),
)
def test_a_need_the_mentor_covers_added_never_lowers_the_score(
    requests, added, offer, subject, settings, areas
):
    assume(added not in requests)
    chosen = mentor(subject, offer)
    share = covered(added, chosen)
    before, after = pupil(requests, areas), pupil((*requests, added), areas)
    points_before = requests_points(before, chosen, settings)
    points_after = requests_points(after, chosen, settings)
    if share > 0:  # covered, directly or in part: never worse
        assert points_after >= points_before - 1e-9
        if areas:  # the areas fixed, only the requests changed: the whole score too
            assert score(after, chosen, settings) >= score(before, chosen, settings) - 1e-9
    else:  # not covered at all: may lower the share, never raises it
        assert points_after <= points_before + 1e-9


@BROKEN_TODAY
@common(300)
@given(need=st.sampled_from(NEEDS), offer=offers, subject=st.sampled_from(SUBJECTS))
def test_a_need_covered_only_in_part_counts_less_than_one_met_directly(need, offer, subject):
    chosen = mentor(subject, offer)
    mentee = pupil((need,))
    share = covered(need, chosen)
    named = (mentee.requests - mentee.broad) & (matching._offer(chosen) - matching._offer_broad(chosen))
    if named:
        assert share == 1
    else:
        assert share < 1


@common(300)
@given(
    first=st.sampled_from(NEEDS),
    second=st.sampled_from(NEEDS),
    offer=offers,
    subject=st.sampled_from(SUBJECTS),
    settings=st.sampled_from(SETTINGS),
    areas=st.sampled_from(AREAS),
)
def test_of_two_mentors_covering_the_first_need_the_one_covering_the_second_too_wins(
    first, second, offer, subject, settings, areas
):
    """Y covers the first need and not the second; X is Y with the second need added to its offer (met
    directly) or a broader term of it (met in part): X scores more on the requests, and overall."""
    assume(first != second)
    y = mentor(subject, offer)
    assume(covered(first, y) > 0 and covered(second, y) == 0)
    mentee = pupil((first, second), areas)
    ups = vocabulary().ancestors(next(iter(pupil((second,)).requests - pupil((second,)).broad))[2:])
    for extra in (second, *(vocabulary().concepts[up].name for up in ups[:1])):
        x = mentor(subject, (*offer, extra))
        if covered(second, x) == 0:  # a broader term that covers nothing of it (a qualifier)
            continue
        assert requests_points(mentee, x, settings) > requests_points(mentee, y, settings)
        if areas:
            assert score(mentee, x, settings) > score(mentee, y, settings)


@common(300)
@given(requests=needs, offer=offers, extra=st.sampled_from(OFFERS), subject=st.sampled_from(SUBJECTS))
def test_more_offered_never_lowers_the_requests_points(requests, offer, extra, subject):
    assume(extra not in offer)
    mentee = pupil(requests)
    assert (
        requests_points(mentee, mentor(subject, (*offer, extra)))
        >= requests_points(mentee, mentor(subject, offer)) - 1e-9
    )


@common(300)
@given(requests=needs, offer=offers, subject=st.sampled_from(SUBJECTS), settings=st.sampled_from(SETTINGS))
def test_the_explanation_agrees_with_the_points(requests, offer, subject, settings):
    chosen, mentee = mentor(subject, offer), pupil(requests)
    found = score_pair(mentee, chosen, settings)
    assert found is not None
    _zero_point_reasons_name_nothing(found[1])
    item = next(c for c in found[1] if c.criterion == "requests")
    weight = settings.weights.requests
    in_part = _(
        "Requests and the mentor's competencies meet only in a broader area (counted in part): %(tags)s"
    )
    if item.reason.startswith(in_part.split("%(tags)s")[0]):
        assert 0 < item.points < weight, item
    elif item.points > 0:  # «Запросы совпадают…»: a need met directly
        assert item.reason.startswith(_("Requests match the mentor's competencies: %(tags)s").split("%")[0])
        assert (mentee.requests - mentee.broad) & (matching._offer(chosen) - matching._offer_broad(chosen))
