"""Inputs built to break «Figures counted right», with every expected figure worked out by hand.

One school of a municipality in the academic year 2025/26, looked at on 15 January 2026 (mid-year). The
comments next to each person say who counts and where; the expectations below are written out as numbers,
never computed with the production code.
"""

from __future__ import annotations

from datetime import date

import pytest

from mentoring.models import Organization, Programme
from monitoring.kpis.selectors import municipal_table, programme_metrics
from pairing.models import GroupMember, MentoringForm, MentoringGroup
from participants.models import MenteeProfile, MentorProfile, PartnerOrganization, Person
from reports.statistics import calc as statistics
from reports.statistics.selectors import default_layout, statistics_facts

from ..factories import OrganizationFactory, ProgrammeFactory

YEAR = 2025
TODAY = date(2026, 1, 15)


def _person(organization, kind, name, birth):
    return Person.objects.create(
        organization=organization, last_name=name, first_name="Тест", kind=kind, birth_date=birth
    )


def _group(programme, form_key, mentors, mentees, status="active"):
    group = MentoringGroup.objects.create(
        programme=programme, form=MentoringForm.objects.get(key=form_key, organization=None), status=status
    )
    for person in mentors:
        GroupMember.objects.create(group=group, person=person, role=GroupMember.Role.MENTOR)
    for person in mentees:
        GroupMember.objects.create(group=group, person=person, role=GroupMember.Role.MENTEE)
    return group


@pytest.fixture
def world(db):
    authority = OrganizationFactory(kind=Organization.Kind.MUNICIPAL_AUTHORITY, slug="uo-attack")
    school = OrganizationFactory(parent=authority, slug="school-attack", short_name="Школа")
    # a school of the municipality with no programme this year: adds nothing, breaks nothing
    OrganizationFactory(parent=authority, slug="school-without", short_name="Школа без программы")
    programme = ProgrammeFactory(
        organization=school,
        academic_year__start_year=YEAR,
        pupils_total=10,
        pupils_with_disabilities=0,  # a coverage row dividing by 0
        teachers_total=4,
        young_teachers_total=2,
    )
    partner = PartnerOrganization.objects.create(organization=school, name="Завод")
    p = {}
    # --- mentees
    p["pupil_a"] = _person(school, "pupil", "pupil_a", date(2012, 3, 1))  # 13: counts
    p["pupil_b"] = _person(school, "pupil", "pupil_b", date(2015, 6, 1))  # 10: counts
    p["pupil_c"] = _person(school, "pupil", "pupil_c", date(2008, 1, 20))  # 17: counts
    p["both"] = _person(school, "pupil", "both", date(2010, 5, 5))  # 15: mentee AND mentor
    p["gone"] = _person(school, "pupil", "gone", date(2012, 1, 1))  # left 20.06.2025: never
    p["later"] = _person(school, "pupil", "later", date(2012, 1, 1))  # enters 01.03.2026: not yet
    p["no_birth"] = _person(school, "pupil", "no_birth", None)  # counts, no age
    p["anon"] = _person(school, "pupil", "anon", None)  # anonymised: counts, no age
    Person.objects.filter(pk=p["anon"].pk).update(anonymised_at="2026-01-02T10:00:00Z")
    p["young_t"] = _person(school, "teacher", "young_t", date(1995, 3, 1))  # 30: a young teacher mentee
    p["old_t"] = _person(school, "teacher", "old_t", date(1970, 3, 1))  # 55: a teacher mentee, not young
    p["staff"] = _person(school, "other_staff", "staff", date(1996, 3, 1))  # 29: staff, not a teacher
    for name, entry, leave, status in [
        ("pupil_a", None, None, "active"),
        ("pupil_b", None, None, "active"),
        ("pupil_c", date(2025, 9, 1), date(2025, 11, 30), "left"),  # left in the year: counts
        ("both", None, None, "active"),
        ("gone", date(2024, 9, 1), date(2025, 6, 20), "left"),
        ("later", date(2026, 3, 1), None, "active"),
        ("no_birth", None, None, "active"),
        ("anon", None, None, "active"),
        ("young_t", None, None, "active"),
        ("old_t", None, None, "active"),
        ("staff", None, None, "active"),
    ]:
        MenteeProfile.objects.create(
            person=p[name], programme=programme, entry_date=entry, exit_date=leave, status=status
        )
    # --- mentors
    p["teacher"] = _person(school, "teacher", "teacher", date(1980, 1, 1))  # 46
    p["student"] = _person(school, "college_student", "student", date(2007, 2, 2))  # 18, a learner
    p["engineer"] = _person(school, "partner_employee", "engineer", date(1988, 1, 1))  # 38, partner
    p["engineer"].partner = partner
    p["engineer"].save()
    p["cand"] = _person(school, "teacher", "cand", date(1990, 1, 1))  # candidate mentor: never
    for name, status in [
        ("teacher", "active"),
        ("student", "active"),
        ("engineer", "active"),
        ("both", "active"),
        ("cand", "candidate"),
    ]:
        MentorProfile.objects.create(
            person=p[name],
            programme=programme,
            status=status,
            partner=partner if name == "engineer" else None,
        )
    # --- pairs (created in this order: the lowest number first)
    # 1. a group: one teacher with three pupils (pupil_c left in November)
    _group(programme, "teacher_pupil", [p["teacher"]], [p["pupil_a"], p["pupil_c"], p["no_birth"]])
    # 2. pupil_a in a second pair of another form, terminated mid-year
    _group(programme, "pupil_pupil", [p["both"]], [p["pupil_a"]], status="terminated")
    # 3. the partner's engineer with «both» (as a mentee) and pupil_b
    _group(programme, "employer_pupil", [p["engineer"]], [p["both"], p["pupil_b"]])
    # 4. the teacher mentors the two teachers: pedagogue form
    _group(programme, "pedagogue_pedagogue", [p["teacher"]], [p["young_t"], p["old_t"]], status="completed")
    # 5. a pair of the leaver who left before the year (her pair is of the past: not in any count)
    # and of the candidate mentor: proposed, matched nothing
    _group(programme, "teacher_pupil", [p["cand"]], [p["later"]], status="proposed")
    # staff, anon: in no pair; student mentors nobody
    return Programme.objects.select_related("academic_year", "organization").get(pk=programme.pk)


# who counts on 15.01.2026
# mentees: pupil_a, pupil_b, pupil_c, both, no_birth, anon, young_t, old_t, staff = 9
# mentors: teacher, student, engineer, both = 4


def _table(programme):
    layout = default_layout(programme.organization, [programme])
    facts = statistics_facts([programme], TODAY)[programme.pk]
    result = statistics.compute(layout, *facts)
    columns = [column.breakdown for column in layout.columns]
    rows = {
        row.label: dict(zip(columns, cells, strict=True))
        for row, cells in zip(layout.rows, result.cells, strict=True)
    }
    return layout, columns, rows


@pytest.mark.django_db
def test_statistics_counts_by_hand(world):
    _layout, columns, rows = _table(world)
    mentees, mentors = rows["Наставляемые, всего"], rows["Наставники, всего"]
    assert mentees["total"] == 9
    assert mentors["total"] == 4
    # forms: the first pair of each person in their role
    assert mentees["form:teacher_pupil"] == 3  # pupil_a (pair 1 before pair 2), pupil_c, no_birth
    assert mentees["form:pupil_pupil"] == 0  # pupil_a's second pair does not count her twice
    assert mentees["form:employer_pupil"] == 2  # both, pupil_b
    assert mentees["form:pedagogue_pedagogue"] == 2  # young_t, old_t
    assert mentees["unpaired"] == 2  # anon, staff
    assert mentors["form:teacher_pupil"] == 1  # the teacher (pair 1 before pair 4)
    assert mentors["form:pupil_pupil"] == 1  # both, in the terminated pair
    assert mentors["form:employer_pupil"] == 1
    assert mentors["unpaired"] == 1  # the student mentors nobody
    # mentor rows by people group
    assert rows["в том числе: педагоги и другие работники организации"]["total"] == 1
    assert rows["в том числе: обучающиеся (школьники, студенты колледжей и вузов)"]["total"] == 2
    assert rows["в том числе: сотрудники организаций-партнёров"]["total"] == 1
    assert rows["в том числе: родители, выпускники и другие"]["total"] == 0
    # young teachers: young_t only among mentees; no mentor is under 35 and a teacher
    assert rows["в том числе: молодые педагоги (до 35 лет)"]["total"] == 1
    # pairs
    assert rows["Пары и группы, действующие"]["total"] == 2  # 1 and 3
    assert rows["Пары и группы, завершённые"]["total"] == 1  # 4
    # coverage: learners as mentees of 10 pupils: pupil_a, pupil_b, pupil_c, both, no_birth, anon = 6
    coverage = next(label for label in rows if label.startswith("Охват обучающихся"))
    assert rows[coverage]["total"] == 60.0
    teachers = next(label for label in rows if label.startswith("Педагоги-наставники"))
    assert rows[teachers]["total"] == 25.0  # 1 teacher mentor of 4 teachers
    for label, cells in rows.items():
        if isinstance(cells["total"], int):
            forms = sum(cells[code] for code in columns if code.startswith("form:") or code == "unpaired")
            if not label.startswith("Пары"):
                assert forms == cells["total"], label


@pytest.mark.django_db
def test_default_layout_age_columns_add_up_to_the_total(world):
    """People without a birth date (and the anonymised) count in «Всего»: the default layout must show
    them in an age column of their own, or its age columns do not add up."""
    _layout, columns, rows = _table(world)
    ages = [code for code in columns if code.startswith("age:")]
    mentees = rows["Наставляемые, всего"]
    # by hand: under 10: none; 10–14: pupil_a 13, pupil_b 10; 15–18: pupil_c 17, both 15;
    # 19–35: young_t 30, staff 29; over 35: old_t 55; no age: no_birth, anon
    assert mentees["age:10-14"] == 2
    assert mentees["age:15-18"] == 2
    assert mentees["age:19-35"] == 2
    assert mentees["age:36-"] == 1
    assert "age:none" in columns
    assert mentees["age:none"] == 2
    for label, cells in rows.items():
        if isinstance(cells["total"], int) and not label.startswith("Пары"):
            assert sum(cells[code] for code in ages) == cells["total"], label


@pytest.mark.django_db
def test_young_teachers_kpi_counts_teachers_under_35_only(world):
    """«Доля молодых педагогов, у которых есть наставник»: of the 2 young teachers of the contingent,
    young_t (30) has a mentor. old_t (55) is not young, staff is not a teacher: 1 of 2 = 50 %."""
    metrics = programme_metrics([world], TODAY)[world.pk]
    assert metrics["young_teacher_mentees"] == 1
    value = next(
        v for v in municipal_table([world], TODAY).totals if v.indicator.key == "young_teachers_mentored"
    )
    assert (value.numerator, value.denominator, value.value) == (1, 2, 50.0)
    # the statistics row of the same people gives the same number
    _layout, _columns, rows = _table(world)
    assert rows["в том числе: молодые педагоги (до 35 лет)"]["total"] == metrics["young_teacher_mentees"]


@pytest.mark.django_db
def test_kpis_by_hand(world):
    metrics = programme_metrics([world], TODAY)[world.pk]
    assert metrics["mentees"] == 9
    assert metrics["mentors"] == 4
    assert metrics["participants"] == 12  # «both» once
    assert metrics["participants_with_data"] == 11  # without anon
    # learners (pupils and college students) as mentee or mentor, once: pupil_a, pupil_b, pupil_c,
    # both, no_birth, anon, student
    assert metrics["pupils_involved"] == 7
    # in the 10–18 band on 15.01.2026: pupil_a, pupil_b, pupil_c, both, student (18) = 5
    assert metrics["pupils_involved@band"] == 5
    # in an active or completed pair as a mentee: pupil_a, pupil_c, no_birth, both, pupil_b, young_t, old_t
    assert metrics["mentees_in_pairs"] == 7
    assert metrics["teacher_mentors"] == 1
    assert metrics["partners_with_mentors"] == 1


@pytest.mark.django_db
def test_coverage_with_nothing_to_divide_by_is_empty_not_zero(world):
    layout = statistics.Layout(
        rows=(
            statistics.Row("ОВЗ", "mentees", "category:ovz", "pupils_ovz"),
            statistics.Row("Доля ОВЗ", "mentees", "category:ovz", "mentees"),
        ),
        columns=(statistics.Column("Всего"), statistics.Column("до 10", "age:-9")),
    )
    result = statistics.compute(layout, *statistics_facts([world], TODAY)[world.pk])
    # pupils_ovz = 0: no percentage; the share in «до 10» divides by 0 mentees under 10: none either
    assert result.cells[0] == [None, None]
    assert result.cells[1] == [0.0, None]
    assert result.parts[0] == [(0, 0), (0, 0)]
