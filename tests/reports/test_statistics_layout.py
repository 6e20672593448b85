"""The pure statistics engine: codes validated, cells counted (no database)."""

from __future__ import annotations

import pytest

from reports.statistics import calc as st

PUPIL_OVZ_12 = st.ParticipantFact("mentee", "pupil", 12, frozenset({"ovz"}), "teacher_pupil")
PUPIL_16 = st.ParticipantFact("mentee", "pupil", 16, frozenset(), "pupil_pupil")
YOUNG_TEACHER = st.ParticipantFact("mentee", "teacher", 27, frozenset(), "teacher_teacher", True)
# in pairs of two forms: counted under the form of the first pair only
MENTOR = st.ParticipantFact("mentor", "teacher", 48, frozenset(), "teacher_pupil")
NO_AGE = st.ParticipantFact("mentee", "pupil", None)
PARTICIPANTS = [PUPIL_OVZ_12, PUPIL_16, YOUNG_TEACHER, MENTOR, NO_AGE]
PAIRS = [
    st.PairFact("active", "teacher_pupil", (PUPIL_OVZ_12,)),
    st.PairFact("completed", "pupil_pupil", (PUPIL_16,)),
    st.PairFact("terminated", "teacher_teacher", (YOUNG_TEACHER,)),
]
FORMS = ["teacher_pupil", "pupil_pupil", "teacher_teacher"]
KINDS = ["pupil", "teacher"]


def layout(rows, columns):
    return st.Layout(rows=tuple(st.Row(*row) for row in rows), columns=tuple(st.Column(*c) for c in columns))


def test_counts_by_row_filter_and_column_breakdown():
    table = layout(
        [
            ("Наставляемые", "mentees"),
            ("с ОВЗ", "mentees", "category:ovz"),
            ("молодые", "mentees", "young_teacher"),
            ("Наставники", "mentors"),
            ("Все", "participants"),
        ],
        [
            ("Всего", "total"),
            ("У–У", "form:teacher_pupil"),
            ("10–14", "age:10-14"),
            ("15+", "age:15-"),
            ("Ученики", "kind:pupil"),
        ],
    )
    assert st.validate(table, forms=FORMS, kinds=KINDS) == []
    cells = st.compute(table, PARTICIPANTS, PAIRS).cells
    assert cells[0] == [4, 1, 1, 2, 3]  # the pupil without a birth date counts in no age band
    assert cells[1] == [1, 1, 1, 0, 1]
    assert cells[2] == [1, 0, 0, 1, 0]
    assert cells[3] == [1, 1, 0, 1, 0]
    assert cells[4] == [5, 2, 1, 3, 3]


def test_pairs_count_by_status_and_by_their_mentees():
    table = layout(
        [
            ("Активные", "pairs_active"),
            ("Завершённые", "pairs_completed"),
            ("Все", "pairs_all"),
            ("С ОВЗ", "pairs_all", "category:ovz"),
        ],
        [("Всего", "total"), ("У–У", "form:teacher_pupil"), ("15–18", "age:15-18")],
    )
    assert st.compute(table, PARTICIPANTS, PAIRS).cells == [[1, 1, 0], [1, 0, 1], [3, 1, 1], [1, 1, 0]]


@pytest.mark.parametrize(
    ("row", "column", "fragment"),
    [
        (("", "mentees"), ("Всего", "total"), "У строки 1 нет названия"),
        (("X", "pupils"), ("Всего", "total"), "неизвестная величина"),
        (("X", "mentees", "category:left_handed"), ("Всего", "total"), "неизвестный фильтр"),
        (("X", "mentees"), ("Всего", "form:nope"), "неизвестная разбивка"),
        (("X", "mentees"), ("Всего", "age:18-10"), "неизвестная разбивка"),
        (("X", "mentees"), ("Всего", "age:-"), "неизвестная разбивка"),
        (("X", "mentees"), ("Всего", "age:ten"), "неизвестная разбивка"),
    ],
)
def test_bad_codes_are_named(row, column, fragment):
    errors = st.validate(layout([row], [column]), forms=FORMS, kinds=KINDS)
    assert any(fragment in error for error in errors), errors


def test_empty_layout_is_refused():
    assert len(st.validate(st.Layout((), ()), forms=FORMS, kinds=KINDS)) == 2


def test_layout_round_trips_through_json_and_totals_add_up():
    table = layout([("Наставляемые", "mentees", "kind:pupil")], [("Всего", "total"), ("10–14", "age:10-14")])
    assert st.layout_from_data(st.layout_to_data(table)) == table
    one = st.compute(table, PARTICIPANTS, PAIRS)
    assert st.add([one, one]) == [[6, 2]]


def test_fast_counting_gives_the_cell_by_cell_counts_on_random_facts():
    """``compute`` counts through bit sets; every part must equal the plain cell-by-cell count
    (``cell_part``), for every measure, filter, percentage and breakdown, on random facts."""
    import random

    rng = random.Random(7)
    kinds = ["pupil", "teacher", "college_student", "other_staff", "parent", "partner_employee"]
    forms = ["teacher_pupil", "pupil_pupil", "teacher_teacher", ""]

    def fact(role):
        return st.ParticipantFact(
            role,
            rng.choice(kinds),
            rng.choice([None, *range(6, 60)]),
            frozenset(rng.sample(st.CATEGORIES, rng.randint(0, 2))),
            rng.choice(forms),
            rng.random() < 0.2,
        )

    for _round in range(20):
        people = [fact(rng.choice(["mentee", "mentor"])) for _ in range(rng.randint(0, 80))]
        mentees = [p for p in people if p.role == "mentee"]
        pairs = [
            st.PairFact(
                rng.choice(["active", "completed", "terminated", "proposed"]),
                rng.choice(forms[:3]),
                tuple(rng.sample(mentees, min(len(mentees), rng.randint(0, 3)))),
            )
            for _ in range(rng.randint(0, 15))
        ]
        filters = ["", "young_teacher", *[f"category:{c}" for c in st.CATEGORIES], *[f"kind:{k}" for k in kinds]]
        filters += [f"group:{g}" for g in st.PEOPLE_GROUPS]
        rows = [(f"{m} {f}", m, f) for m in st.MEASURES for f in filters]
        rows += [(f"{m}/{of}", m, "group:learners", of) for m in ("mentees", "mentors") for of in (*st.CONTINGENT, "participants")]
        columns = [("total", "total"), ("unpaired", "unpaired"), ("age", "age:10-14"), ("none", "age:none")]
        columns += [(f, f"form:{f}") for f in forms[:3]] + [(k, f"kind:{k}") for k in kinds[:3]]
        columns += [("ovz", "category:ovz"), ("learners", "group:learners")]
        table = layout(rows, columns)
        contingent = {key: rng.randint(0, 500) for key in st.CONTINGENT}
        fast = st.compute(table, people, pairs, contingent).parts
        plain = [
            [st.cell_part(row, column, people, pairs, contingent) for column in table.columns] for row in table.rows
        ]
        assert fast == plain


def test_compute_many_agrees_with_one_at_a_time():
    """A region's organisations counted together give each the parts it has counted alone."""
    import random

    rng = random.Random(11)
    kinds = ["pupil", "teacher", "college_student", "parent"]
    forms = ["teacher_pupil", "pupil_pupil", ""]

    def fact(role):
        return st.ParticipantFact(
            role,
            rng.choice(kinds),
            rng.choice([None, *range(6, 40)]),
            frozenset(rng.sample(st.CATEGORIES, rng.randint(0, 2))),
            rng.choice(forms),
            rng.random() < 0.2,
        )

    table = layout(
        [
            ("mentees", "mentees", ""),
            ("ovz", "mentees", "category:ovz"),
            ("mentors staff", "mentors", "group:staff"),
            ("active", "pairs_active", ""),
            ("all pairs", "pairs_all", "kind:pupil"),
            ("share", "mentees", "category:ovz", "mentees"),
            ("coverage", "mentees", "group:learners", "pupils"),
            ("pair share", "pairs_completed", "", "pairs_all"),
        ],
        [("total", "total"), ("unpaired", "unpaired"), ("10-14", "age:10-14"), ("none", "age:none")]
        + [(f, f"form:{f}") for f in forms[:2]],
    )
    organisations = {}
    for number in range(12):
        people = [fact(rng.choice(["mentee", "mentor"])) for _ in range(rng.randint(0, 40))]
        mentees = [p for p in people if p.role == "mentee"]
        pairs = [
            st.PairFact(
                rng.choice(["active", "completed", "terminated"]),
                rng.choice(forms[:2]),
                tuple(rng.sample(mentees, min(len(mentees), rng.randint(0, 3)))),
            )
            for _ in range(rng.randint(0, 8))
        ]
        organisations[number] = (people, pairs, {"pupils": rng.randint(0, 300)})
    together = st.compute_many(table, organisations)
    assert list(together) == list(organisations)
    for number, (people, pairs, contingent) in organisations.items():
        plain = [
            [st.cell_part(row, column, people, pairs, contingent) for column in table.columns]
            for row in table.rows
        ]
        assert together[number].parts == plain
    assert st.compute_many(table, {}) == {}
