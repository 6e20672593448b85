"""Matching benchmarks: the engine against the dense Hungarian method on the same score matrix.

``matching_2000`` (2,000 mentees × 700 mentors) and ``matching_10000`` (10,000 × 3,400): synthetic but
realistic programmes — four forms of mentoring, ~30 request tags («математика», «олимпиады»,
«профориентация»…), grades 5–11, capacities 1–3, a third of the mentees with networking choices.
Each also ``_ties`` (three request tags, two interests, two subjects, equal loads, no choices: scores
take a handful of values), ``_empty`` (bases imported before any questionnaire: no tags, subjects,
grades or ages — every couple of a form scores the same), ``_choices`` (``_empty`` where 3 % of the
mentees name one to three mentors at the networking session and some of those mentors rank them
back) and ``_tieheavy`` (one form, four request
tags, at most one per person, three grades a side, places 1–4: a few dozen kinds of people). ``matching_10000_{empty,tieheavy}_{stable,fair,groups}``
run the stable assignment, «raise the worst pairs» (0.5) and groups of three on those two shapes (their
``score_ratio`` is against the highest total: the option's cost). ``matching_30000`` (30,000 × 10,000)
and ``matching_100000`` (100,000 × 34,000, a region's pool) are realistic; their dense reference would
need 5 and 60 GB, so it is not computed: there the engine's own certificate (``certified``, and
``gap``, the bound on what a better assignment could add) is the proof.

``matching_10000_wordties``, ``matching_30000_wordties`` and ``matching_100000_wordties`` are the shape a
stranger built on 7 December 2026 to break the "whatever the scores" promise: one form, three request
tags, 0–4 words per person from an even vocabulary of only 400 (so thousands of couples share a word and
the words criterion spreads a few tied scores into many close ones).

``matching_10000_oneform_stable`` is a third stranger's (breaker15, 7 December): ``_choices`` in a school
with one form of mentoring only, the stable option — every couple ties, the stored lists run out for
thousands of mentees at once. 7.6–12 s and 1.75 GB that evening, 6.4 s and ~0.7 GB on 7 December (night) before
an extended list left out the full mentors it only ties (a tie is no blocking couple), 2.8 s after.

``matching_10000_halfplaces`` and ``_halfplaces_stable``: breaker16's shape (7 December, night): one form, empty
profiles, places for about half the pupils, networking rankings on both sides. The highest total needed six
checks of its prices there (each of the first four scores ~9,500 rows again: the first graph left ~900
mentors with a free place beside ~6,900 pupils without a pair): 3.6–3.9 s on a loaded 2-core machine,
4.7–4.9 s with the stable option, whose lists then held 6.6 million couples with free mentors. On 8 December
(UTC) the free places are looked for among the pupils without a pair before the proof (four checks) and a
list that runs out is extended a few couples at a time: 1.86 s and 2.95–3.21 s (medians of 3 since, as the
other 10,000 cases; a process's first run of this shape is slower: 2.3 s and 3.1 s).

``matching_10000_questionnaire`` and ``_questionnaire_stable`` are another stranger's shape of that day
(breaker14): a school that filled in the questionnaire but wrote no free text — days and formats,
preferred grades, special categories, networking choices for three mentees in ten: thousands of kinds
of people and wide ties. Measured on 7 December: 3.5–4.3 s and 9–12 s (the stable one), above the
"< 3 s" target; most of the time in the blocking couples' count (``_blocking``: couples tied with what
the mentee has are scored again) and, for the stable one, ~8,800 rounds of deferred acceptance each
scoring its few offers again. Then (same day): a score must beat another by more than ``classes.TIE``
to be preferred, so the tied couples are settled by the compiled scores (1.6 s), and the deferred
acceptance proposes one at a time, compiled, down the store's lists (2.7 s, 381 MB).
``_questionnaire_fair`` and ``_questionnaire_groups`` still missed it (4.0 s and 5.3 s, 765 MB, on that
machine). Then (7 December, evening): the fair objective reuses the optimum's store,
transformed, and starts from the optimum's graph and prices instead of scoring the pool again and running
a new auction (1.8 s, 128 MB in ``make bench``); the group assignment is solved on each group's best
mentors and grown by dual prices until no couple of the whole groups × mentors table is worth more than its
prices, instead of solving a graph of all 11 million of them (2.2 s, 179 MB). The three options on the
wordties shape (``matching_10000_wordties_{stable,fair,groups}``) were over it too that evening (4.2, 3.6
and 3.1 s on a loaded machine): a stable list run out is now extended only by the mentors that would hold
the offer; in the evening's ``make bench`` they took 2.9, 3.0 and 3.6 s, and ``_questionnaire_stable``
3.0 s; after the group check was made cheaper (only the groups with a violated couple give their couples),
single runs on a quiet machine: groups 2.4 s, fair 2.7 s, ``_questionnaire_stable`` 2.3 s.

The realistic instances (and ``_half``) carry the words of the «общие слова» criterion (``Mentee.keywords``,
``Mentor.specific``): 6–16 per mentor and 2–8 per mentee of 5,000 words drawn by Zipf's law.

* ``value``: seconds of ``pairing.matching.match`` (median of a few runs), everything included:
  scoring, the sparse optimum, its optimality proof, explanations, reasons and blocking couples.
* ``reference`` ``scipy_lsa_dense``: seconds of ``scipy.optimize.linear_sum_assignment`` alone on the
  dense score matrix with every mentor expanded to its places (building that matrix is not counted).
* ``cpu_seconds``: the processor time of the run (all its threads), less sensitive than ``value`` to
  other work on the machine; ``load_average``: the machine's 1-minute load when the measure ended.
* ``score_ratio``: our total score / the reference's optimum (1.0 = the optimum); null where the
  reference cannot be computed.
* ``certified``: the engine proved its optimum (dual prices checked against every eligible couple);
  ``null`` (with ``gap`` ``null``) where the option makes no claim of the highest total (stable pairs
  give it up on purpose, groups are formed greedily);
  ``gap``: when not, how many points of total score a better assignment could add at most.
* ``peak_mb`` / ``reference_peak_mb``: the peak resident memory the run adds to its process (VmHWM
  from ``/proc/self/status``, reset through ``/proc/self/clear_refs`` just before, minus the resident
  size then), so memory allocated by C/C++ code (scipy's solvers) counts too, which tracemalloc would
  miss. Each side runs in its own child process; the reference's figure includes building the dense
  matrix it needs. If the kernel refused the reset the figure is an upper bound, and ``memory`` says so.
  The engine's compiled functions are loaded before (once per process, as in a worker): that load,
  ~110 MB of numba/llvmlite and the machine code, is ``engine_load_mb`` (``engine_load_s``), apart —
  it was most of the 133–155 MB once reported for the 2,000-mentee runs.

Run: ``python tests/bench/run.py --only matching``; ``python tests/bench/bench_matching.py child ...``
is the child process.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# name: (mentees, mentors, variant, repeats, dense reference computable, target)
CASES = {
    "matching_2000": (2_000, 700, "realistic", 5, True, "< 0.5 s"),
    "matching_2000_ties": (2_000, 700, "ties", 3, True, "< 0.5 s"),
    "matching_2000_empty": (2_000, 700, "empty", 3, True, "< 0.5 s"),
    "matching_2000_tieheavy": (2_000, 700, "tieheavy", 3, True, "< 0.5 s"),
    "matching_10000": (10_000, 3_400, "realistic", 3, True, "< 3 s, < 1 GB"),
    "matching_10000_ties": (10_000, 3_400, "ties", 3, True, "< 3 s, < 1 GB"),
    "matching_10000_empty": (10_000, 3_400, "empty", 3, True, "< 3 s, < 1 GB"),
    "matching_10000_half": (10_000, 3_400, "half", 3, True, "< 3 s, < 1 GB"),
    "matching_10000_choices": (10_000, 3_400, "choices", 3, True, "< 3 s, < 1 GB"),
    "matching_10000_tieheavy": (10_000, 3_400, "tieheavy", 3, True, "< 3 s, < 1 GB"),
    "matching_10000_empty_stable": (10_000, 3_400, "empty", 3, True, "< 3 s, < 1 GB"),
    "matching_10000_empty_fair": (10_000, 3_400, "empty", 3, True, "< 3 s, < 1 GB"),
    "matching_10000_empty_groups": (10_000, 3_400, "empty", 3, True, "< 3 s, < 1 GB"),
    "matching_10000_tieheavy_stable": (10_000, 3_400, "tieheavy", 3, True, "< 3 s, < 1 GB"),
    "matching_10000_tieheavy_fair": (10_000, 3_400, "tieheavy", 3, True, "< 3 s, < 1 GB"),
    "matching_10000_tieheavy_groups": (10_000, 3_400, "tieheavy", 3, True, "< 3 s, < 1 GB"),
    "matching_10000_wordties": (10_000, 3_400, "wordties", 3, True, "< 3 s, < 1 GB"),
    "matching_10000_wordties_stable": (10_000, 3_400, "wordties", 3, True, "< 3 s, < 1 GB"),
    "matching_10000_wordties_fair": (10_000, 3_400, "wordties", 3, True, "< 3 s, < 1 GB"),
    "matching_10000_wordties_groups": (10_000, 3_400, "wordties", 3, True, "< 3 s, < 1 GB"),
    "matching_10000_oneform_stable": (10_000, 3_400, "oneform", 3, True, "< 3 s, < 1 GB"),
    "matching_10000_halfplaces": (10_000, 3_400, "halfplaces", 3, True, "< 3 s, < 1 GB"),
    "matching_10000_halfplaces_stable": (10_000, 3_400, "halfplaces", 3, True, "< 3 s, < 1 GB"),
    "matching_10000_questionnaire": (10_000, 3_400, "questionnaire", 3, True, "< 3 s, < 1 GB"),
    "matching_10000_questionnaire_stable": (10_000, 3_400, "questionnaire", 3, True, "< 3 s, < 1 GB"),
    "matching_10000_questionnaire_fair": (10_000, 3_400, "questionnaire", 3, True, "< 3 s, < 1 GB"),
    "matching_10000_questionnaire_groups": (10_000, 3_400, "questionnaire", 3, True, "< 3 s, < 1 GB"),
    "matching_30000": (30_000, 10_000, "realistic", 1, False, "< 15 s"),
    "matching_30000_wordties": (30_000, 10_000, "wordties", 1, False, "< 15 s"),
    "matching_100000": (100_000, 34_000, "realistic", 1, False, "< 60 s, < 4 GB"),
    "matching_100000_wordties": (100_000, 34_000, "wordties", 1, False, "< 60 s, < 4 GB"),
}

# the run's option by the name's last part: a stable assignment, «raise the worst pairs» (moderately),
# groups of up to three; the reference stays the highest total, so score_ratio is the option's cost
OPTIONS = {"stable": {"stable": True}, "fair": {"fairness": 0.5}, "groups": {"group_size": 3}}

REQUESTS = (
    "математика",
    "русский язык",
    "физика",
    "химия",
    "биология",
    "информатика",
    "история",
    "обществознание",
    "английский язык",
    "литература",
    "география",
    "олимпиады",
    "профориентация",
    "проектная деятельность",
    "исследовательская работа",
    "подготовка к огэ",
    "подготовка к егэ",
    "адаптация в коллективе",
    "учебная мотивация",
    "тайм-менеджмент",
    "публичные выступления",
    "лидерство",
    "волонтёрство",
    "цифровая грамотность",
    "финансовая грамотность",
    "робототехника",
    "программирование",
    "классное руководство",
    "методика преподавания",
    "работа с родителями",
)
INTERESTS = (
    "шахматы",
    "футбол",
    "волейбол",
    "музыка",
    "рисование",
    "театр",
    "кино",
    "чтение",
    "туризм",
    "танцы",
    "фотография",
    "видеоблогинг",
    "настольные игры",
    "кулинария",
    "астрономия",
    "экология",
    "краеведение",
    "иностранные языки",
)
SUBJECTS = ("математика", "русский язык", "физика", "химия", "биология", "история", "английский язык")
# form: (share of mentees, share of mentors)
FORMS = {
    "pupil_pupil": (0.52, 0.45),
    "teacher_teacher": (0.15, 0.20),
    "student_pupil": (0.18, 0.17),
    "employer_pupil": (0.13, 0.18),
    "": (0.02, 0.0),
}


def _pick(rng: random.Random, population: tuple[str, ...], low: int, high: int) -> frozenset[str]:
    """A few tags, the first ones more popular (as in real questionnaires)."""
    count = rng.randint(low, high)
    weights = [1.0 / (1 + i * 0.15) for i in range(len(population))]
    return frozenset(rng.choices(population, weights=weights, k=count))


def _tieheavy(n_mentees: int, n_mentors: int, rng: random.Random):
    """The reviewer's tie-heavy shape: one form, four tags (none or one each), grades, places 1–4."""
    from pairing.matching import Mentee, Mentor

    tags = REQUESTS[:4]

    def one() -> frozenset[str]:
        return frozenset(rng.sample(tags, rng.randint(0, 1)))

    return [
        Mentee(1 + i, "pupil_pupil", one(), frozenset(), rng.choice((5, 6, 7)), None, "", False, True)
        for i in range(n_mentees)
    ], [
        Mentor(
            100_000 + j,
            frozenset({"pupil_pupil"}),
            one(),
            frozenset(),
            rng.choice((8, 9, 10)),
            None,
            "",
            False,
            True,
            True,
            rng.randint(1, 4),
            0,
        )
        for j in range(n_mentors)
    ]


def _questionnaire(n_mentees: int, n_mentors: int, rng: random.Random):
    """The stranger's shape of 7 December (breaker14): a school that filled in the questionnaire but no
    free text — no requests, competencies or interests; days and formats that suit each side, the grades
    a mentor prefers, the special categories, and networking choices for three mentees in ten."""
    from pairing.matching import Mentee, Mentor

    days = ("mon", "tue", "wed", "thu", "fri", "online", "in_person")
    mentors = [
        Mentor(
            id=1_000_000 + j,
            forms=frozenset({"pupil_pupil"}),
            competencies=frozenset(),
            interests=frozenset(),
            grade=None,
            age=rng.randint(25, 60),
            subject="",
            special_needs_trained=rng.random() < 0.5,
            trained=True,
            has_consent=True,
            capacity=3,
            current_load=0,
            availability=frozenset(rng.sample(days, 3)),
            at_risk_experience=rng.random() < 0.5,
            preferred_grades=(rng.randint(5, 7), rng.randint(8, 11)),
        )
        for j in range(n_mentors)
    ]
    ids = [mentor.id for mentor in mentors]
    mentees = [
        Mentee(
            id=1 + i,
            form="pupil_pupil",
            requests=frozenset(),
            interests=frozenset(),
            grade=rng.randint(5, 11),
            age=None,
            subject="",
            special_needs=rng.random() < 0.1,
            has_consent=True,
            availability=frozenset(rng.sample(days, 2)),
            at_risk=rng.random() < 0.2,
            preferences=tuple(rng.sample(ids, 2)) if rng.random() < 0.3 else (),
        )
        for i in range(n_mentees)
    ]
    return mentees, mentors


def _wordties(n_mentees: int, n_mentors: int, rng: random.Random):
    """The stranger's shape (``make_instance``'s "wordties"): few tags and a small even vocabulary."""
    from pairing.matching import Mentee, Mentor, specific_words

    tags, words = REQUESTS[:3], [f"w:{i}" for i in range(400)]

    def some() -> frozenset[str]:
        return frozenset(rng.sample(words, rng.randint(0, 4)))

    mentees = [
        Mentee(
            id=1 + i,
            form="",
            requests=frozenset(rng.sample(tags, rng.randint(0, 1))),
            interests=frozenset(),
            grade=rng.choice((5, 6, 7, 8, 9)),
            age=None,
            subject="",
            special_needs=False,
            has_consent=True,
            keywords=some(),
        )
        for i in range(n_mentees)
    ]
    mentors = [
        Mentor(
            id=100_000 + j,
            forms=frozenset({""}),
            competencies=frozenset(rng.sample(tags, rng.randint(0, 2))),
            interests=frozenset(),
            grade=None,
            age=rng.choice((30, 40, 50)),
            subject="",
            special_needs_trained=False,
            trained=True,
            has_consent=True,
            capacity=rng.choice((1, 2, 3)),
            current_load=0,
            keywords=some(),
        )
        for j in range(n_mentors)
    ]
    return mentees, specific_words(mentors)


def _mentor_details(rng: random.Random, form: str, subjects: tuple[str, ...]):
    """(grade, age, subject) of a mentor of the form."""
    if form == "pupil_pupil":
        grade = rng.randint(8, 11)
        return grade, grade + 6 + rng.randint(0, 1), ""
    if form == "teacher_teacher":
        return None, rng.randint(30, 62), rng.choice(subjects)
    if form == "student_pupil":
        return None, rng.randint(18, 23), ""
    return None, rng.randint(25, 58), ""


def make_instance(n_mentees: int, n_mentors: int, seed: int = 1, variant: str = "realistic"):
    """A synthetic programme. ``variant``: "realistic"; "ties" (three request tags, two interests, two
    subjects, equal loads, no networking choices: scores take a handful of values); "empty" (profiles
    not filled in yet: no requests, competencies, interests, subjects or choices — only the grade or
    age and the mentor's load tell the couples apart); "half" (realistic mentors, but half the mentees
    with empty profiles: a base imported while the questionnaires are coming in); "choices" ("empty",
    but 3 % of the mentees name mentors at the networking session, and some of those rank them back);
    "tieheavy" (one form, four tags, none or one per person, grades 5–7 and 8–10, places 1–4);
    "wordties" (the stranger's shape of 7 December: one form, three tags, grades 5–9, mentors of three
    ages, places 1–3, and 0–4 words per person drawn evenly from only 400 — so many couples share a word
    and the words, now a criterion, spread the few tied scores into many close ones); "questionnaire"
    (breaker14's shape: no free text, but days, formats, preferred grades, special categories and
    networking choices — many kinds of people, wide ties); "oneform" ("choices" in a school with one form
    of mentoring only: every couple of the pool ties — breaker15's shape for the stable option)."""
    from pairing.matching import Mentee, Mentor

    rng = random.Random(seed)
    shaped = {
        "tieheavy": _tieheavy,
        "wordties": _wordties,
        "questionnaire": _questionnaire,
        "oneform": lambda n, k, _rng: _one_form(*make_instance(n, k, seed, "choices")),
        "halfplaces": _half_places,
    }.get(variant)
    if shaped is not None:
        return shaped(n_mentees, n_mentors, rng)
    ties, empty = variant == "ties", variant in ("empty", "choices")
    requests_pool = REQUESTS[:3] if ties else REQUESTS
    interests_pool = INTERESTS[:2] if ties else INTERESTS
    subjects_pool = SUBJECTS[:2] if ties else SUBJECTS
    forms = list(FORMS)
    mentor_forms = rng.choices(forms[:-1], weights=[FORMS[f][1] for f in forms[:-1]], k=n_mentors)
    mentors = []
    by_form: dict[str, list[int]] = {f: [] for f in forms}
    for j, form in enumerate(mentor_forms):
        person = 100_000 + j
        extra: set[str] = set()
        grade = age = None
        subject = ""
        if not empty:  # else nothing known yet but the form, the consent, the training and the load
            grade, age, subject = _mentor_details(rng, form, subjects_pool)
        if form == "student_pupil" and rng.random() < 0.25:
            extra.add("employer_pupil")
        elif form == "employer_pupil" and rng.random() < 0.2:
            extra.add("student_pupil")
        allowed = frozenset({form, *extra})
        for f in allowed:
            by_form[f].append(person)
        mentors.append(
            Mentor(
                id=person,
                forms=allowed,
                competencies=frozenset() if empty else _pick(rng, requests_pool, 2, 6),
                interests=frozenset() if empty else _pick(rng, interests_pool, 1, 4),
                grade=grade,
                age=age,
                subject=subject,
                special_needs_trained=rng.random() < 0.15,
                trained=rng.random() < 0.85,
                has_consent=rng.random() < 0.98,
                capacity=2 if ties else rng.randint(1, 3),
                current_load=0 if ties else rng.choice((0, 0, 0, 1, 2)),
                preferences=(),
            )
        )
    mentee_forms = rng.choices(forms, weights=[FORMS[f][0] for f in forms], k=n_mentees)
    mentees = []
    chosen_by: dict[int, list[int]] = {}
    share = 0.03 if variant == "choices" else 0.33  # of the mentees who name mentors
    for i, form in enumerate(mentee_forms):
        person = i + 1
        empty = variant in ("empty", "choices") or (variant == "half" and rng.random() < 0.5)
        grade = age = None
        subject = ""
        if variant in ("empty", "choices"):
            pass  # no grade or age either
        elif form == "teacher_teacher":
            age = rng.randint(22, 30)
            subject = "" if empty else rng.choice(subjects_pool)
        else:
            grade = rng.randint(5, 10)
            age = grade + 6 + rng.randint(0, 1)
        preferences: tuple[int, ...] = ()
        pool = by_form[form] if form else by_form["pupil_pupil"]
        if pool and rng.random() < share and not (ties or (empty and variant != "choices")):
            preferences = tuple(dict.fromkeys(rng.choice(pool) for _ in range(rng.randint(1, 3))))
            for mentor_id in preferences:
                chosen_by.setdefault(mentor_id, []).append(person)
        mentees.append(
            Mentee(
                id=person,
                form=form,
                requests=frozenset() if empty else _pick(rng, requests_pool, 1, 4),
                interests=frozenset() if empty else _pick(rng, interests_pool, 1, 4),
                grade=grade,
                age=age,
                subject=subject,
                special_needs=rng.random() < 0.03,
                has_consent=rng.random() < 0.97,
                preferences=preferences,
            )
        )
    # a fifth of the mentors answer the questionnaire too, ranking some of those who chose them
    for index, mentor in enumerate(mentors):
        fans = chosen_by.get(mentor.id)
        if fans and rng.random() < 0.6:
            ranked = tuple(rng.sample(fans, min(len(fans), 3)))
            mentors[index] = Mentor(**{**mentor.__dict__, "preferences": ranked})
    if variant in ("realistic", "half"):
        mentees, mentors = _with_words(mentees, mentors, seed)
    return mentees, mentors


def _half_places(n_mentees: int, n_mentors: int, rng: random.Random):
    """breaker16's shape (7 December 2026, night): one form, profiles not filled in, free places 0, 0, 1, 1, 1, 2
    or 5 (places for about half the pupils) and a load of 0 or 1; a fifth of the pupils rank two of the
    first 50 mentors, three mentors in ten rank five pupils."""
    from pairing.matching import Mentee, Mentor

    nobody = {
        "competencies": frozenset(),
        "interests": frozenset(),
        "grade": None,
        "age": None,
        "subject": "",
    }
    mentors = [
        Mentor(
            id=100_000 + j,
            forms=frozenset({"pupil_pupil"}),
            special_needs_trained=False,
            trained=True,
            has_consent=True,
            capacity=rng.choice((0, 0, 1, 1, 1, 2, 5)),
            current_load=rng.choice((0, 1)),
            **nobody,
        )
        for j in range(n_mentors)
    ]
    first = [m.id for m in mentors[:50]]
    mentees = [
        Mentee(
            id=1 + i,
            form="",
            requests=frozenset(),
            special_needs=False,
            has_consent=True,
            preferences=tuple(rng.sample(first, 2)) if rng.random() < 0.2 else (),
            **{key: value for key, value in nobody.items() if key != "competencies"},
        )
        for i in range(n_mentees)
    ]
    mentors = [
        replace(m, preferences=tuple(rng.sample(range(1, n_mentees + 1), 5))) if rng.random() < 0.3 else m
        for m in mentors
    ]
    return mentees, mentors


def _one_form(mentees, mentors):
    """The same people in a school with one form of mentoring only (every mentee needs any form)."""
    import dataclasses

    return (
        [dataclasses.replace(m, form="") for m in mentees],
        [dataclasses.replace(m, forms=frozenset({"pupil_pupil"})) for m in mentors],
    )


WORDS = 5_000  # distinct words people write, the first ones far more often (Zipf)


def _with_words(mentees, mentors, seed: int):
    """The words of the shared-words criterion (``keywords``): 6–16 per mentor, 2–8 per mentee who filled in the
    questionnaire, drawn from WORDS by Zipf's law (most are common words that weigh nothing among
    thousands of mentors), the mentors' weighed among them. From a random stream of their own: the
    rest of the instance is what it was before words counted."""
    from dataclasses import replace
    from itertools import accumulate

    from pairing.matching import specific_words

    rng = random.Random(seed + 17)
    pool = [f"w:{i}" for i in range(WORDS)]
    cumulative = list(accumulate(1.0 / (1 + i) for i in range(WORDS)))

    def some(low: int, high: int) -> frozenset[str]:
        return frozenset(rng.choices(pool, cum_weights=cumulative, k=rng.randint(low, high)))

    mentors = specific_words([replace(m, keywords=some(6, 16)) for m in mentors])
    return [replace(m, keywords=some(2, 8)) if m.requests else m for m in mentees], mentors


def _settings(mentees, mentors, name: str = ""):
    from pairing.matching import Settings

    rng = random.Random(7)
    exclusions = frozenset(
        (rng.choice(mentees).id, rng.choice(mentors).id) for _ in range(max(1, len(mentees) // 100))
    )
    return Settings(exclusions=exclusions, **OPTIONS.get(name.rsplit("_", 1)[-1], {}))


# --------------------------------------------------------------------------------------------------
# child processes: one measurement each, the answer as JSON on the pipe


def _reset_peak() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def _memory_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def _peak_mb(baseline_kb: int) -> float:
    return round((_memory_kb("VmHWM") - baseline_kb) / 1024, 1)


def _instance(name: str):
    n_mentees, n_mentors, variant, *_rest = CASES[name]
    return make_instance(n_mentees, n_mentors, variant=variant)


def _child_ours(name: str) -> dict:
    import scipy.optimize  # noqa: F401  (libraries are imported once per process: not the run's memory)
    import scipy.sparse.csgraph  # noqa: F401  (imported before the measure, as above)

    from pairing.matching import match

    mentees, mentors = _instance(name)
    settings = _settings(mentees, mentors, name)
    # the engine's compiled functions (numba, llvmlite) are loaded once per process, as a worker does:
    # ~110 MB and a second or two, counted apart (engine_load_*), not as the run's
    baseline = _memory_kb("VmRSS")
    _reset_peak()
    started = time.perf_counter()
    small = make_instance(60, 20, seed=3, variant=CASES[name][2])
    match(*small, _settings(*small, name))
    engine_load = {
        "engine_load_s": round(time.perf_counter() - started, 2),
        "engine_load_mb": round((_memory_kb("VmRSS") - baseline) / 1024, 1),
    }
    reset = _reset_peak()
    baseline = _memory_kb("VmRSS")
    started, cpu = time.perf_counter(), time.process_time()
    result = match(mentees, mentors, settings)
    first, first_cpu = time.perf_counter() - started, time.process_time() - cpu
    peak = _peak_mb(baseline)
    times, cpus = [first], [first_cpu]
    for _ in range(CASES[name][3] - 1):
        started, cpu = time.perf_counter(), time.process_time()
        match(mentees, mentors, settings)
        times.append(time.perf_counter() - started)
        cpus.append(time.process_time() - cpu)
    return {
        "seconds": statistics.median(times),
        "cpu_seconds": statistics.median(cpus),
        "total": result.total_score,
        "pairs": len(result.pairs),
        "blocking_pairs": result.blocking_pairs,
        "peak_mb": peak,
        "peak_reset": reset,
        "stats": result.stats,
        **engine_load,
    }


def _child_reference(name: str) -> dict:
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    from pairing.matching import score_matrix

    mentees, mentors = _instance(name)
    settings = _settings(mentees, mentors)
    reset = _reset_peak()
    baseline = _memory_kb("VmRSS")
    _, mentor_ids, dense = score_matrix(mentees, mentors, settings)
    capacity = {m.id: max(m.capacity, 0) for m in mentors}
    expanded = np.repeat(dense, [capacity[i] for i in mentor_ids], axis=1)
    del dense
    started = time.perf_counter()
    rows, cols = linear_sum_assignment(expanded, maximize=True)
    seconds = time.perf_counter() - started
    total = float(expanded[rows, cols].sum())
    return {
        "seconds": seconds,
        "total": total,
        "pairs": int((expanded[rows, cols] > 0).sum()),
        "peak_mb": _peak_mb(baseline),
        "peak_reset": reset,
        "shape": list(expanded.shape),
    }


def _in_child(kind: str, name: str) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, "child", kind, name],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise RuntimeError(f"the {kind} measurement of {name} failed")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _claim(value: float, number: bool = False) -> float | bool | None:
    """The engine's claim as JSON: NaN (no claim made) is ``null``, never ``true`` nor a bare NaN."""
    if value != value:
        return None
    return round(float(value), 3) if number else bool(value)


def run():
    for name, (n_mentees, n_mentors, variant, _repeat, dense, target) in CASES.items():
        ours = _in_child("ours", name)
        reference = _in_child("reference", name) if dense else None
        stats = ours["stats"]
        measure = {
            "measure": name,
            "value": round(ours["seconds"], 3),
            "unit": "s",
            "size": [n_mentees, n_mentors],
            "variant": variant,
            "cpu_seconds": round(ours["cpu_seconds"], 3),
            "load_average": round(os.getloadavg()[0], 1),
            "peak_mb": ours["peak_mb"],
            "memory": "peak RSS (VmHWM) added by the run, each side in its own process"
            + (
                ""
                if ours["peak_reset"] and (reference is None or reference["peak_reset"])
                else " (upper bound)"
            ),
            "engine_load_mb": ours["engine_load_mb"],
            "engine_load_s": ours["engine_load_s"],
            "certified": _claim(stats.get("certified", 0.0)),
            "gap": _claim(stats.get("gap", 0.0), number=True),
            "pairs": ours["pairs"],
            "total_score": round(ours["total"], 3),
            "blocking_pairs": ours["blocking_pairs"],
            "options": OPTIONS.get(name.rsplit("_", 1)[-1], {}),
            "solver": "types" if "types" in stats else "sparse",
            "candidate_edges": int(stats.get("candidate_edges", 0)),
            "proof_rounds": int(stats.get("rounds", 0)),
            "target": target,
        }
        if reference is not None:
            measure.update(
                {
                    "reference": "scipy_lsa_dense",
                    "reference_value": round(reference["seconds"], 3),
                    "ratio": round(ours["seconds"] / reference["seconds"], 3),
                    "score_ratio": round(ours["total"] / reference["total"], 9)
                    if reference["total"]
                    else 1.0,
                    "reference_total_score": round(reference["total"], 3),
                    "reference_pairs": reference["pairs"],
                    "reference_peak_mb": reference["peak_mb"],
                    "reference_matrix": reference["shape"],
                }
            )
        else:
            measure.update(
                {
                    "reference": None,
                    "score_ratio": None,
                    "reference_note": "dense optimum not computable (matrix of "
                    f"{n_mentees} × ~{2 * n_mentors} places); the engine's certificate is the proof",
                }
            )
        yield measure


if __name__ == "__main__" and len(sys.argv) == 4 and sys.argv[1] == "child":
    measure = _child_ours if sys.argv[2] == "ours" else _child_reference
    print(json.dumps(measure(sys.argv[3])))
