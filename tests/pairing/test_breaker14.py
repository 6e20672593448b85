"""What a stranger found on 7 December 2026 (breaker14): each test failed on main before its fix."""

from __future__ import annotations

import pytest

from mentoring.models import Job
from pairing.matching_runs import mentor_record
from pairing.models import MatchingRun, MentoringGroup
from pairing.semantics import parse_availability, parse_grades
from participants.models import MenteeProfile, MentorProfile, ProfileStatus

from .quality_set import concept_tokens
from .test_area_scores import vocabulary
from .test_runs import bases, start, url  # noqa: F401 (bases: a fixture)


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        # a curator's shorthand for the tutor the pupil needs: the tutor is asked for, not had
        ("Репетитор по химии", "c:chemistry"),
        ("репетитор по химии и ОГЭ", "c:chemistry"),
        # the contrast «не …, а …» leaves the tutor's clause without its «нужен»
        ("Нужен не психолог, а репетитор по химии", "c:chemistry"),
        ("Ищет не психолога, а репетитора по химии", "c:chemistry"),
    ],
)
def test_a_tutor_named_without_a_verb_of_having_one_is_asked_for(text, asked):
    assert asked in concept_tokens(text)


@pytest.mark.parametrize(
    "competency",
    ["Репетитор по математике", "репетиторство по математике", "Опыт репетиторства по математике"],
)
def test_a_mentor_who_tutors_a_subject_offers_it(competency):
    mentor = mentor_record(vocabulary=vocabulary(), id=1000, form="", competencies=[competency], age=40)
    assert "c:math" in mentor.competencies


@pytest.mark.parametrize(
    ("text", "covered"),
    [
        ("По математике уже репетитор", "c:math"),
        ("по физике с репетитором", "c:physics"),
        ("Математика — репетитор", "c:math"),
        ("мама репетитор по математике", "c:math"),
        ("по математике репетитор, нужна физика", "c:math"),
    ],
)
def test_a_tutor_the_pupil_already_has_still_covers_the_subject(text, covered):
    assert covered not in concept_tokens(text)


@pytest.mark.parametrize(
    "text",
    [
        "Английский сдаёт хорошо, проблемы с немецким",
        "Английский знает хорошо, проблемы с немецким",
        "По английскому успевает, проблемы с немецким",
    ],
)
def test_a_subject_said_to_be_done_well_is_no_request_beside_the_one_asked(text):
    found = concept_tokens(text)
    assert "c:german" in found and "c:english" not in found
    assert "c:time" not in found  # «успевает» (keeps up) is no time management


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("Должен хорошо знать английский для поступления", "c:english"),
        ("Не знает английский, проблемы с немецким", "c:english"),
        ("Не успевает по английскому", "c:english"),
        ("Английский понимает хорошо, но не говорит", "c:english"),
    ],
)
def test_a_subject_to_be_known_or_not_known_stays_asked(text, asked):
    assert asked in concept_tokens(text)


WEEKDAYS = {"mon", "tue", "wed", "thu", "fri"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a day or a format the person cannot do is not one they can
        ("не могу онлайн", {"in_person"}),
        ("онлайн не подходит", {"in_person"}),
        ("не онлайн, только очно", {"in_person"}),
        ("в выходные не могу", WEEKDAYS),
        ("кроме пятницы", {"mon", "tue", "wed", "thu", "sat", "sun"}),
        ("все дни кроме воскресенья", WEEKDAYS | {"sat"}),
        ("по будням, кроме среды, онлайн", {"mon", "tue", "thu", "fri", "online"}),
        # a range written with spaces or in words
        ("пн - ср", {"mon", "tue", "wed"}),
        ("с понедельника по среду", {"mon", "tue", "wed"}),
        ("Пн - онлайн, Чт - очно", {"mon", "thu", "online", "in_person"}),
        # as before
        ("Пн–Ср", {"mon", "tue", "wed"}),
        ("И очно, и онлайн", {"in_person", "online"}),
        ("когда угодно", set()),
    ],
)
def test_availability_said_with_a_negation_or_a_range(text, expected):
    assert parse_availability(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the grades a mentor refuses are not the grades they prefer
        ("кроме начальной школы", ("grade", 5, 11)),
        ("все классы кроме 11", ("grade", 1, 10)),
        ("5-11 кроме 11 класса", ("grade", 5, 10)),
        ("кроме 5 класса", None),  # not one range: no preference rather than grade 5 alone
        ("не младше 7 класса", ("grade", 7, 11)),
        # an age that opens or closes the range alone
        ("до 14 лет", ("age", 3, 14)),
        ("от 10 лет", ("age", 10, 99)),
        # as before
        ("не старше 6 класса", ("grade", 1, 6)),
        ("12-15 лет", ("age", 12, 15)),
        ("5–11 (с 11 лет)", ("grade", 5, 11)),
    ],
)
def test_preferred_grades_said_with_an_exception_or_an_open_end(text, expected):
    assert parse_grades(text) == expected


@pytest.mark.parametrize("text", ["Не говорит по-русски", "не понимает по-русски", "по-русски не говорит"])
def test_a_pupil_who_does_not_speak_russian_needs_russian_as_a_foreign_language(text):
    assert "c:russian-foreign" in concept_tokens(text)


@pytest.mark.parametrize("text", ["говорит по-русски свободно", "не говорит", "не понимает дроби"])
def test_speaking_russian_or_not_speaking_at_all_is_no_russian_as_a_foreign_language(text):
    assert "c:russian-foreign" not in concept_tokens(text)


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["mentor", "mentee"])
def test_a_rerun_locking_a_proposal_whose_person_left_since_still_runs(
    curator_client,
    bases,  # noqa: F811  the fixture imported above
    django_capture_on_commit_callbacks,
    who,
):
    """The curator ticks a proposal and re-runs; meanwhile its mentor left the programme (or its mentee
    completed it): the re-run must not fail with an internal error, nor propose that person, and the
    curator is told why the pair was not locked."""
    run = start(curator_client, django_capture_on_commit_callbacks)
    kid, math = bases["kids"][0], bases["math"]
    assert any(pair["mentee"] == kid.pk and pair["mentor"] == math.pk for pair in run.result["pairs"])
    if who == "mentor":
        MentorProfile.objects.filter(person=math).update(status=ProfileStatus.LEFT)
    else:
        MenteeProfile.objects.filter(person=kid).update(status=ProfileStatus.COMPLETED)
    with django_capture_on_commit_callbacks(execute=True):
        response = curator_client.post(
            url("run_accept", run=run.pk),
            {"accept": [str(kid.pk)], f"mentor_{kid.pk}": str(math.pk), "action": "rerun"},
            follow=True,
        )
    rerun = MatchingRun.objects.latest("pk")
    assert rerun.pk != run.pk
    assert rerun.job.status == Job.Status.DONE, rerun.job.error
    gone = math.pk if who == "mentor" else kid.pk
    assert all(gone not in (pair["mentee"], pair["mentor"]) for pair in rerun.result["pairs"])
    assert "Не закреплено" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("action", ["accept", "rerun"])
def test_a_proposal_ticked_twice_in_a_hand_made_form_is_one_pair(
    curator_client,
    bases,  # noqa: F811  the fixture imported above
    django_capture_on_commit_callbacks,
    action,
):
    """«accept» sent twice for one mentee (a form made by hand, a double submit by a script): one pair,
    not a server error; a re-run locks it once (not «locked twice», a failed run)."""
    run = start(curator_client, django_capture_on_commit_callbacks)
    kid, math = bases["kids"][0], bases["math"]
    with django_capture_on_commit_callbacks(execute=True):
        response = curator_client.post(
            url("run_accept", run=run.pk),
            {"accept": [str(kid.pk), str(kid.pk)], f"mentor_{kid.pk}": str(math.pk), "action": action},
        )
    assert response.status_code == 302
    if action == "accept":
        assert MentoringGroup.objects.count() == 1
        assert MentoringGroup.objects.get().members.filter(person=kid).count() == 1
    else:
        rerun = MatchingRun.objects.latest("pk")
        assert rerun.job.status == Job.Status.DONE, rerun.job.error
        assert [(p["mentee"], p["mentor"]) for p in rerun.result["pairs"] if p["locked"]] == [
            (kid.pk, math.pk)
        ]
