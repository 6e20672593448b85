"""The one participation rule and the counting rules of the РНЦ statistics, on every surface.

Who counts (``participants/participation.py``): not a candidate; a leaver only for the period they took
part in; the reporting period is the academic year up to the reference day. The РНЦ statistics, the KPI
metrics (dashboards, municipal table and consolidation) and the analytical report must give the same
figures. College students who mentor are «обучающиеся»; the mentor rows and the form columns (with «не в
парах») add up to the totals; the authority's default layout breaks down by form; a layout holds shares.
"""

from __future__ import annotations

from datetime import date

import pytest

from mentoring.models import Organization, Programme
from monitoring.kpis.selectors import municipal_table, programme_metrics
from pairing.models import GroupMember, MentoringForm, MentoringGroup
from participants.forms import MenteeProfileForm
from participants.models import MenteeProfile, MentorProfile, Person, ProfileStatus
from participants.participation import (
    CANDIDATE,
    Period,
    reference_day,
    reporting_period,
    takes_part,
)
from reports.documents.analytical import analytical_data
from reports.statistics import calc as statistics
from reports.statistics.selectors import default_layout, layout_forms, statistics_facts

from ..factories import OrganizationFactory, ProgrammeFactory

YEAR = 2025  # 1 September 2025 – 31 August 2026
MID_YEAR = date(2026, 1, 15)
AFTER_YEAR = date(2026, 9, 10)


# --------------------------------------------------------------------------------------------------
# the rule itself (pure)


def test_reporting_period_is_the_academic_year_up_to_the_reference_day():
    assert reporting_period(YEAR, MID_YEAR) == Period(date(2025, 9, 1), MID_YEAR)
    assert reporting_period(YEAR, AFTER_YEAR) == Period(date(2025, 9, 1), date(2026, 8, 31))
    assert reporting_period(YEAR, date(2025, 6, 1)) == Period(date(2025, 9, 1), date(2025, 9, 1))
    start, end = date(2024, 9, 1), date(2025, 8, 31)
    assert reference_day(date(2025, 1, 10), start, end) == date(2025, 1, 10)
    assert reference_day(date(2026, 1, 10), start, end) == end
    assert reference_day(date(2024, 1, 10), start, end) == start


@pytest.mark.parametrize(
    ("status", "entry", "exit", "counted"),
    [
        ("active", None, None, True),
        ("candidate", None, None, False),
        ("candidate", date(2025, 10, 1), None, False),
        ("left", date(2025, 10, 1), date(2025, 12, 1), True),  # took part in the period
        ("left", date(2025, 5, 1), date(2025, 8, 31), False),  # left before it began
        ("left", None, date(2025, 9, 1), True),  # left on its first day: took part that day
        ("left", None, None, True),  # a leaver without a date counts as still in
        ("active", date(2026, 1, 16), None, False),  # enters after the reference day
        ("active", date(2026, 1, 15), None, True),
        ("completed", date(2025, 9, 1), date(2026, 1, 10), True),
    ],
)
def test_takes_part(status, entry, exit, counted):
    period = reporting_period(YEAR, MID_YEAR)
    assert takes_part(status=status, entry=entry, exit=exit, period=period) is counted


def test_the_rule_knows_the_candidate_status():
    assert CANDIDATE == ProfileStatus.CANDIDATE


# --------------------------------------------------------------------------------------------------
# one school, every surface


def _person(organization, kind, name, birth=date(2012, 5, 1)) -> Person:
    return Person.objects.create(
        organization=organization, last_name=name, first_name="Тест", kind=kind, birth_date=birth
    )


def _group(programme, form_key, mentors, mentees, status="active") -> MentoringGroup:
    group = MentoringGroup.objects.create(
        programme=programme, form=MentoringForm.objects.get(key=form_key, organization=None), status=status
    )
    for person in mentors:
        GroupMember.objects.create(group=group, person=person, role=GroupMember.Role.MENTOR)
    for person in mentees:
        GroupMember.objects.create(group=group, person=person, role=GroupMember.Role.MENTEE)
    return group


@pytest.fixture
def municipality(db):
    authority = OrganizationFactory(kind=Organization.Kind.MUNICIPAL_AUTHORITY, slug="uo-rules")
    school = OrganizationFactory(parent=authority, slug="school-rules", short_name="А-школа")
    college = OrganizationFactory(
        parent=authority, kind=Organization.Kind.COLLEGE, slug="college-rules", short_name="Б-колледж"
    )
    return authority, school, college


@pytest.fixture
def school_year(municipality):
    """A school year with every kind of status and dates (see the comments for who counts mid-year)."""
    _authority, school, _college = municipality
    programme = ProgrammeFactory(organization=school, academic_year__start_year=YEAR, pupils_total=100)
    people = {}
    mentees = [
        ("active", "active", date(2025, 10, 1), None),  # counts
        ("candidate", "candidate", None, None),  # never
        ("left_in_year", "left", date(2025, 10, 1), date(2025, 12, 1)),  # counts: took part
        ("left_before", "left", date(2025, 5, 1), date(2025, 8, 20)),  # never: left before 1 September
        ("enters_later", "active", date(2026, 2, 1), None),  # only once the year is over
        ("completed", "completed", date(2025, 9, 15), date(2026, 5, 20)),  # counts
        ("no_dates", "active", None, None),  # counts
    ]
    for name, status, entry, leave in mentees:
        people[name] = _person(school, Person.Kind.PUPIL, name)
        MenteeProfile.objects.create(
            person=people[name],
            programme=programme,
            status=status,
            entry_date=entry,
            exit_date=leave,
            has_ovz=name == "active",
        )
    # an anonymised mentee still counts (the anonymised record is kept for the counts)
    people["anonymised"] = _person(school, Person.Kind.PUPIL, "anonymised", birth=None)
    Person.objects.filter(pk=people["anonymised"].pk).update(anonymised_at="2026-01-01T10:00:00Z")
    MenteeProfile.objects.create(person=people["anonymised"], programme=programme)
    mentors = [
        ("teacher", Person.Kind.TEACHER, "active", None, date(1980, 1, 1)),  # counts
        ("senior", Person.Kind.PUPIL, "active", None, date(2009, 1, 1)),  # counts, a learner
        ("teacher_candidate", Person.Kind.TEACHER, "candidate", None, date(1990, 1, 1)),  # never
        ("teacher_gone", Person.Kind.TEACHER, "left", date(2025, 8, 31), date(1970, 1, 1)),  # never
    ]
    for name, kind, status, leave, birth in mentors:
        people[name] = _person(school, kind, name, birth=birth)
        MentorProfile.objects.create(person=people[name], programme=programme, status=status, exit_date=leave)
    # the teacher mentors in two forms: counted once, under the form of her first pair
    _group(programme, "teacher_pupil", [people["teacher"]], [people["active"]])
    _group(programme, "pupil_pupil", [people["senior"]], [people["completed"]], status="completed")
    _group(programme, "pedagogue_pedagogue", [people["teacher"]], [people["left_in_year"]])
    _group(programme, "teacher_pupil", [people["teacher_candidate"]], [people["no_dates"]], status="proposed")
    return Programme.objects.select_related("academic_year", "organization").get(pk=programme.pk)


COUNTED_MID_YEAR = {"mentees": 5, "mentors": 2}  # active, left_in_year, completed, no_dates, anonymised
COUNTED_AFTER_YEAR = {"mentees": 6, "mentors": 2}  # + enters_later


def _statistics_counts(programme, today) -> dict[str, int]:
    participants, _pairs, _contingent = statistics_facts([programme], today)[programme.pk]
    return {
        "mentees": sum(fact.role == "mentee" for fact in participants),
        "mentors": sum(fact.role == "mentor" for fact in participants),
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("today", "expected"), [(MID_YEAR, COUNTED_MID_YEAR), (AFTER_YEAR, COUNTED_AFTER_YEAR)]
)
def test_every_surface_counts_the_same_participants(school_year, today, expected):
    programme = school_year
    assert _statistics_counts(programme, today) == expected
    metrics = programme_metrics([programme], today)[programme.pk]
    assert {key: metrics[key] for key in expected} == expected
    numbers = dict(analytical_data(programme, today).numbers)
    assert (numbers["Наставляемые"], numbers["Наставники"]) == (expected["mentees"], expected["mentors"])
    table = municipal_table([programme], today)
    in_pairs = next(v for v in table.totals if v.indicator.key == "mentees_in_pairs")
    assert in_pairs.denominator == expected["mentees"]
    # active, completed and left_in_year are in active or completed pairs; no_dates only in a proposed one
    assert in_pairs.numerator == 3
    # the consent KPI divides by the participants whose data is kept (not the anonymised record)
    assert metrics["participants"] == expected["mentees"] + expected["mentors"]
    assert metrics["participants_with_data"] == metrics["participants"] - 1


@pytest.mark.django_db
def test_learners_who_mentor_are_involved_pupils(school_year):
    metrics = programme_metrics([school_year], MID_YEAR)[school_year.pk]
    assert metrics["pupil_mentees"] == 5
    assert metrics["pupils_involved"] == 6  # five pupil mentees and the senior pupil who mentors
    pupils_in_mentoring = next(
        v for v in municipal_table([school_year], MID_YEAR).totals if v.indicator.key == "pupils_in_mentoring"
    )
    assert pupils_in_mentoring.indicator.numerator == "pupils_involved"


@pytest.mark.django_db
def test_default_layout_rows_and_form_columns_add_up(school_year):
    programme = school_year
    layout = default_layout(programme.organization, [programme])
    result = statistics.compute(layout, *statistics_facts([programme], MID_YEAR)[programme.pk])
    columns = [column.breakdown for column in layout.columns]
    rows = {row.label: cells for row, cells in zip(layout.rows, result.cells, strict=True)}
    form_columns = [i for i, code in enumerate(columns) if code.startswith("form:") or code == "unpaired"]
    assert columns[form_columns[-1]] == "unpaired"
    for row, cells in zip(layout.rows, result.cells, strict=True):
        if not row.is_percent and not row.measure.startswith("pairs"):
            assert sum(cells[i] for i in form_columns) == cells[0], row.label
    total = columns.index("total")
    teacher_pupil, pupil_pupil = columns.index("form:teacher_pupil"), columns.index("form:pupil_pupil")
    mentors = rows["Наставники, всего"]
    assert mentors[total] == 2 and mentors[teacher_pupil] == 1 and mentors[pupil_pupil] == 1
    assert mentors[columns.index("form:pedagogue_pedagogue")] == 0  # the teacher's second form
    mentees = rows["Наставляемые, всего"]
    assert mentees[columns.index("unpaired")] == 2  # no_dates (proposed pair only) and the anonymised
    mentor_parts = [
        cells
        for row, cells in zip(layout.rows, result.cells, strict=True)
        if row.filter.startswith("group:") and row.measure == "mentors"
    ]
    assert len(mentor_parts) == 4
    for column in range(len(columns)):
        assert sum(part[column] for part in mentor_parts) == mentors[column]
    # the proposed pair does not count, the completed one does
    assert rows["Пары и группы, действующие"][total] == 2
    assert rows["Пары и группы, завершённые"][total] == 1


@pytest.mark.django_db
def test_college_student_mentors_are_learners(municipality):
    _authority, _school, college = municipality
    programme = ProgrammeFactory(organization=college, academic_year__start_year=YEAR)
    for index in range(4):
        person = _person(college, Person.Kind.COLLEGE_STUDENT, f"student{index}", birth=date(2008, 1, 1))
        MentorProfile.objects.create(person=person, programme=programme)
    teacher = _person(college, Person.Kind.TEACHER, "teacher", birth=date(1975, 1, 1))
    MentorProfile.objects.create(person=teacher, programme=programme)
    programme = Programme.objects.select_related("academic_year").get(pk=programme.pk)
    layout = default_layout(college, [programme])
    result = statistics.compute(layout, *statistics_facts([programme], MID_YEAR)[programme.pk])
    rows = {
        row.filter: cells[0]
        for row, cells in zip(layout.rows, result.cells, strict=True)
        if row.measure == "mentors"
    }
    assert rows == {
        "": 5,
        "group:staff": 1,
        "young_teacher": 0,
        "group:learners": 4,
        "group:partners": 0,
        "group:others": 0,
        "kind:teacher": 2.5,  # the share row: 1 teacher-mentor of the college's 40 teachers, %
    }
    assert programme_metrics([programme], MID_YEAR)[programme.pk]["pupils_involved"] == 4


@pytest.mark.django_db
def test_authority_default_layout_breaks_down_by_the_forms_of_its_schools_and_colleges(municipality):
    authority, _school, _college = municipality
    keys = [form.key for form in layout_forms(authority)]
    assert {"teacher_pupil", "pupil_pupil", "student_student", "pedagogue_student"} <= set(keys)
    codes = [column.breakdown for column in default_layout(authority).columns]
    assert codes[0] == "total" and codes[1].startswith("form:")
    assert "unpaired" in codes


@pytest.mark.django_db
def test_a_form_in_use_is_a_column_even_when_switched_off(school_year):
    MentoringForm.objects.filter(key="pupil_pupil", organization=None).update(is_active=False)
    keys = [form.key for form in layout_forms(school_year.organization, [school_year])]
    assert "pupil_pupil" in keys
    assert "pupil_pupil" not in [form.key for form in layout_forms(school_year.organization)]


# --------------------------------------------------------------------------------------------------
# shares and coverage in a layout


def test_percent_rows_divide_in_the_column_and_totals_add_parts():
    pupil = statistics.ParticipantFact("mentee", "pupil", 12, frozenset({"ovz"}), "teacher_pupil")
    other = statistics.ParticipantFact("mentee", "pupil", 13, frozenset(), "")
    layout = statistics.Layout(
        rows=(
            statistics.Row("Наставляемые", "mentees"),
            statistics.Row("Доля с ОВЗ, %", "mentees", "category:ovz", "mentees"),
            statistics.Row("Охват обучающихся, %", "mentees", "group:learners", "pupils"),
        ),
        columns=(statistics.Column("Всего"), statistics.Column("У–У", "form:teacher_pupil")),
    )
    assert statistics.validate(layout, forms=["teacher_pupil"], kinds=["pupil"]) == []
    small = statistics.compute(layout, [pupil, other], [], {"pupils": 8})
    assert small.cells == [[2, 1], [50.0, 100.0], [25.0, 12.5]]
    big = statistics.compute(layout, [other] * 10, [], {"pupils": 992})
    assert big.cells == [[10, 0], [0.0, None], [1.0, 0.0]]  # nothing to divide by: no value
    # 12 mentees of 1,000 pupils, not the mean of 25 % and 1 %
    assert statistics.add([small, big]) == [[12, 1], [8.3, 100.0], [1.2, 0.1]]


def test_a_share_of_pairs_must_be_of_pairs():
    layout = statistics.Layout(
        rows=(statistics.Row("Пары", "pairs_active", "", "pupils"),), columns=(statistics.Column("Всего"),)
    )
    errors = statistics.validate(layout, forms=[], kinds=[])
    assert errors and "процент" in errors[0].lower()


def test_layout_with_percent_round_trips():
    layout = statistics.Layout(
        rows=(statistics.Row("Охват", "mentees", "", "pupils"), statistics.Row("Наставники", "mentors")),
        columns=(statistics.Column("Всего"), statistics.Column("не в парах", "unpaired")),
    )
    data = statistics.layout_to_data(layout)
    assert "percent_of" not in data["rows"][1]
    assert statistics.layout_from_data(data) == layout


# --------------------------------------------------------------------------------------------------
# the profile form asks for the dates the rule needs


@pytest.mark.django_db
def test_a_leaver_needs_the_day_they_left(school_year):
    base = {"status": "left", "entry_date": "2025-10-01", "exit_date": ""}
    form = MenteeProfileForm(data=base)
    assert not form.is_valid()
    assert "Укажите дату выхода участника из программы." in form.errors["exit_date"]
    form = MenteeProfileForm(data={**base, "exit_date": "2025-09-01"})
    assert not form.is_valid()
    assert "Участник не может выйти из программы раньше, чем вошёл в неё." in form.errors["exit_date"]
    assert MenteeProfileForm(data={**base, "exit_date": "2025-12-01"}).is_valid()


@pytest.mark.django_db
def test_a_statistics_period_of_its_own(school_year):
    """A collection window for the first half-year (1 September – 31 December): the leaver of
    1 December took part in it, the one who enters in February did not; ages on 31 December."""
    programme = school_year
    half_year = {programme.pk: Period(date(2025, 9, 1), date(2025, 12, 31))}
    participants, _pairs, _contingent = statistics_facts([programme], periods=half_year)[programme.pk]
    assert sum(fact.role == "mentee" for fact in participants) == 5
    metrics = programme_metrics([programme], periods=half_year)[programme.pk]
    assert (metrics["mentees"], metrics["mentors"]) == (5, 2)
    # the second half-year: the leaver of 1 December no longer counts, the February entrant does
    spring = {programme.pk: Period(date(2026, 1, 1), date(2026, 5, 31))}
    metrics = programme_metrics([programme], periods=spring)[programme.pk]
    assert metrics["mentees"] == 5  # − left_in_year + enters_later
    facts = statistics_facts([programme], periods=spring)[programme.pk][0]
    assert sum(fact.role == "mentee" for fact in facts) == 5
    # and after 20 May the one who completed is out of a summer period
    summer = {programme.pk: Period(date(2026, 6, 1), date(2026, 8, 31))}
    assert programme_metrics([programme], periods=summer)[programme.pk]["mentees"] == 4


@pytest.mark.django_db
def test_a_statistics_period_counts_only_the_pairs_that_run_in_it(school_year):
    """A pair closed on 20 December is not in the spring; one that starts on 1 February is not in the
    first half-year; a pair without dates runs all year. The person's form follows the pairs of the
    period (the teacher's first pair of the spring is her pedagogue pair)."""
    programme = school_year
    MentoringGroup.objects.filter(programme=programme, form__key="teacher_pupil", status="active").update(
        start_date=date(2025, 9, 10), closed_on=date(2025, 12, 20)
    )
    MentoringGroup.objects.filter(programme=programme, form__key="pedagogue_pedagogue").update(
        start_date=date(2026, 2, 1)
    )
    # its mentee (who left in December) is replaced by one who takes part in the spring: a pair with no
    # mentee taking part in the period is not counted at all
    GroupMember.objects.filter(
        group__programme=programme, group__form__key="pedagogue_pedagogue", role=GroupMember.Role.MENTEE
    ).update(person=Person.objects.get(last_name="no_dates"))
    autumn = {programme.pk: Period(date(2025, 9, 1), date(2025, 12, 31))}
    spring = {programme.pk: Period(date(2026, 1, 1), date(2026, 5, 31))}

    def pairs_and_forms(periods):
        participants, pairs, _contingent = statistics_facts([programme], periods=periods)[programme.pk]
        forms = sorted(pair.form for pair in pairs)
        teacher = [fact.form for fact in participants if fact.role == "mentor" and fact.kind == "teacher"]
        return forms, teacher

    forms, teacher = pairs_and_forms(autumn)
    assert forms == ["pupil_pupil", "teacher_pupil"]  # the February pair is not yet (a proposed one never)
    assert teacher == ["teacher_pupil"]
    forms, teacher = pairs_and_forms(spring)
    assert forms == ["pedagogue_pedagogue", "pupil_pupil"]  # the December one is over
    assert teacher == ["pedagogue_pedagogue"]
    # the statistics table follows: the active pairs of the spring are the ones running in it
    layout = default_layout(programme.organization, [programme])
    result = statistics.compute(layout, *statistics_facts([programme], periods=spring)[programme.pk])
    row = next(i for i, r in enumerate(layout.rows) if r.measure == "pairs_active")
    assert result.cells[row][0] == 1  # the pedagogue pair (the proposed one is not active yet)


@pytest.mark.django_db
def test_a_pair_whose_only_mentee_is_a_candidate_is_no_active_pair(school_year):
    """Two such pairs were counted as «Пары и группы, действующие» (under «возраст не указан»)."""
    programme = school_year
    teacher = Person.objects.get(last_name="teacher")
    for number in range(2):
        candidate = _person(programme.organization, Person.Kind.PUPIL, f"candidate{number}", birth=None)
        MenteeProfile.objects.create(person=candidate, programme=programme, status="candidate")
        _group(programme, "teacher_pupil", [teacher], [candidate])
    _group(programme, "teacher_pupil", [teacher], [])  # no mentee at all
    # a pair with a candidate AND a mentee who takes part still counts, once
    mixed = [Person.objects.get(last_name="candidate"), Person.objects.get(last_name="active")]
    _group(programme, "teacher_pupil", [teacher], mixed)
    layout = default_layout(programme.organization, [programme])
    result = statistics.compute(layout, *statistics_facts([programme], MID_YEAR)[programme.pk])
    row = next(i for i, r in enumerate(layout.rows) if r.measure == "pairs_active")
    unknown = next(i for i, c in enumerate(layout.columns) if c.breakdown == "age:none")
    # teacher_pupil (active), pedagogue_pedagogue (left_in_year) and the mixed one: 3 active pairs
    assert result.cells[row][0] == 3
    assert result.cells[row][unknown] == 0
    numbers = dict(analytical_data(programme, MID_YEAR).numbers)
    assert numbers["Действующие пары и группы"] == 3
