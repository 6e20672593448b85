"""Causes of the misses of the read set ``held_out_dec6g`` (and the rest of ``held_out_dec6f``), each fixed
as a rule for any school (pure: pymorphy3 and the seeded vocabulary, no database), tested on phrasings
of no labelled set:

* what the pupil lists as requests outweighs what the free text only mentions beside it: a hobby, a
  place or a subject the story names is context, not the help asked for (an urgent need keeps its own,
  greater weight);
* a mentor who names neither preferred grades nor ages takes every grade: the grades criterion is met for
  them, so a specialist who works with the whole school is not scored below a teacher whose range merely
  fits the pupil (the Python, numpy and compiled scorers agree);
* a school subject the free text only mentions beside listed requests is part of the story, not a
  subject area of the pupil (one who listed nothing keeps the subjects of their text);
* special needs (ОВЗ, those under it, hearing or sight loss) the free text only tells beside listed
  requests are carried by the special-needs criterion alone: counted among the requests too, every trained
  specialist would meet the pupil's request (a chess club asked for, a trained defectologist given).
"""

import pytest

from pairing.matching import Settings, score_matrix, score_pair

from .quality_set import Pupil, Teacher, people, scores_by_key, seed_vocabulary

SEED = seed_vocabulary()




PSYCHOLOGIST = Teacher("psy", ["психологическая поддержка", "тревожность", "страх публичных выступлений"])
CHESS = Teacher("chess", ["шахматный кружок", "турниры по шахматам", "логические игры"])
CHOIR = Teacher("choir", ["школьный хор", "вокал", "музыка"], subject="Музыка")
ROBOTS = Teacher("robots", ["робототехника", "конструирование", "программирование"], subject="Информатика")


def test_a_listed_worry_outweighs_a_hobby_the_story_mentions():
    got = scores_by_key(
        Pupil(
            ["тревожность"],
            (),
            group_name="5Б",
            request_text="Ходит на шахматы три раза в неделю, играет на турнирах, а на контрольных паникует.",
        ),
        [PSYCHOLOGIST, CHESS],
    )
    assert got["psy"] > got["chess"]


def test_a_listed_hobby_outweighs_a_second_hobby_in_the_story():
    got = scores_by_key(
        Pupil(
            ["робототехника"],
            (),
            group_name="6В",
            request_text="Поёт в хоре с первого класса, но теперь хочет собирать роботов.",
        ),
        [ROBOTS, CHOIR],
    )
    assert got["robots"] > got["choir"]


def test_without_a_story_the_listed_requests_weigh_as_before():
    pupil = Pupil(["тревожность", "шахматы"], (), group_name="5Б")
    mentees, _mentors, _right, _keys = people(vocabulary=SEED, pupils=[pupil], teachers=[PSYCHOLOGIST])
    assert not mentees[0].heavy


def test_an_urgent_need_still_outweighs_what_else_was_listed():
    pupil = Pupil(["дома бьют", "шахматы"], (), group_name="7А", request_text="Любит петь, ходит в хор.")
    mentees, _mentors, _right, _keys = people(vocabulary=SEED, pupils=[pupil], teachers=[PSYCHOLOGIST])
    listed = people(vocabulary=SEED, pupils=[Pupil(["шахматы"], (), group_name="7А")], teachers=[CHESS])[0][0]
    assert not (mentees[0].heavy & listed.requests)


COUNSELLOR = Teacher("counsellor", ["профилактика конфликтов", "медиация, примирение сторон"])
COACH = Teacher("coach", ["профилактика конфликтов", "секция самбо"], preferred_grades="5-9")


def test_a_mentor_who_names_no_grades_is_not_scored_below_one_whose_range_fits():
    got = scores_by_key(Pupil(["профилактика конфликтов"], (), group_name="6Б"), [COUNSELLOR, COACH])
    assert got["counsellor"] == got["coach"]


def test_a_mentor_who_names_no_grades_is_explained_as_taking_every_grade():
    mentees, mentors, _right, _keys = people(
        vocabulary=SEED, pupils=[Pupil(["медиация"], (), group_name="8А")], teachers=[COUNSELLOR]
    )
    found = score_pair(mentees[0], mentors[0])
    assert found is not None
    grades = [c for c in found[1] if c.criterion == "grades"]
    assert len(grades) == 1 and grades[0].points == Settings().weights.grades
    assert "любых классов" in grades[0].reason


def test_a_range_outside_the_pupil_still_counts_against_the_teacher_and_all_scorers_agree():
    pupils = [Pupil(["профилактика конфликтов"], (), group_name=g) for g in ("3А", "6Б", "11В")]
    mentees, mentors, _right, _keys = people(vocabulary=SEED, pupils=pupils, teachers=[COUNSELLOR, COACH])
    matrix = score_matrix(mentees, mentors, Settings())[2]
    for i, mentee in enumerate(mentees):
        for j, mentor in enumerate(mentors):
            found = score_pair(mentee, mentor)
            assert found is not None and abs(found[0] - matrix[i, j]) < 1e-6
    assert matrix[0, 0] > matrix[0, 1] and matrix[2, 0] > matrix[2, 1]


def test_a_subject_the_story_mentions_beside_a_listed_need_is_no_subject_area():
    pupil = Pupil(
        ["ссоры с одноклассниками"],
        (),
        group_name="7В",
        request_text="Сидит за последней партой в кабинете географии.",
    )
    mentees, _mentors, _right, _keys = people(vocabulary=SEED, pupils=[pupil], teachers=[PSYCHOLOGIST])
    assert mentees[0].areas == frozenset()
    geography = Teacher("geo", ["география", "краеведение"], subject="География")
    got = scores_by_key(pupil, [COUNSELLOR, geography])
    assert got["counsellor"] > got["geo"]


def test_a_pupil_who_listed_nothing_keeps_the_subjects_of_the_story():
    pupil = Pupil([], (), group_name="7В", request_text="Отстаёт по географии, карты не понимает.")
    mentees, _mentors, _right, _keys = people(vocabulary=SEED, pupils=[pupil], teachers=[PSYCHOLOGIST])
    assert "c:geography" in mentees[0].areas


def test_a_workshop_the_story_places_a_habit_in_is_no_subject_area():
    pupil = Pupil(["курит"], (), group_name="8А", request_text="Прячется в кабинете технологии на переменах.")
    mentees, _mentors, _right, _keys = people(vocabulary=SEED, pupils=[pupil], teachers=[PSYCHOLOGIST])
    assert mentees[0].areas == frozenset()


DEFECTOLOGIST = Teacher(
    "defect", ["коррекционные занятия", "дети с ОВЗ", "нарушения зрения и слуха"], special_needs_trained=True
)


@pytest.mark.parametrize(
    "told", ["Мальчик плохо видит, ОВЗ по зрению.", "У девочки тугоухость, слуховой аппарат."]
)
def test_a_special_need_the_story_tells_beside_a_listed_club_does_not_outweigh_the_club(told):
    pupil = Pupil(["шахматный кружок"], (), group_name="5А", request_text=told, special_needs=True)
    got = scores_by_key(pupil, [CHESS, DEFECTOLOGIST])
    assert got["chess"] > got["defect"]


def test_a_special_need_the_pupil_lists_stays_a_request():
    pupil = Pupil(["нарушение слуха", "шахматный кружок"], (), group_name="5А", special_needs=True)
    mentees, _mentors, _right, _keys = people(vocabulary=SEED, pupils=[pupil], teachers=[CHESS])
    assert "c:hearing" in mentees[0].requests
