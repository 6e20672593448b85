"""«Most pairs first» with group matching never covers fewer mentees than the places allow, and a stable
run without locked pairs leaves no blocking couple (what the run page says of a stable run relies on it).

The reference is independent of the engine's solvers: the largest number of mentees that can be given a
mentor, found by scipy's maximum bipartite matching over every allowed couple (``score_pair`` not None,
the threshold met), each mentor repeated for each free place. Instances are built to make groups hurt:
few request words (groups form easily), mentors of one to three places, a required criterion (ОВЗ) that
only some mentors meet, and pupils who need them.
"""

import random

import numpy as np
import pytest
from scipy.sparse import csr_array
from scipy.sparse.csgraph import maximum_bipartite_matching

from pairing.matching import Mentee, Mentor, Settings, match, score_pair

WORDS = ["математика", "физика", "русский язык", "химия"]


def _mentee(i: int, rng: random.Random) -> Mentee:
    return Mentee(
        id=i, form="", requests=frozenset(rng.sample(WORDS, rng.randint(0, 2))), interests=frozenset(),
        grade=7, age=None, subject="", special_needs=rng.random() < 0.3, has_consent=True,
    )  # fmt: skip


def _mentor(j: int, rng: random.Random) -> Mentor:
    return Mentor(
        id=j, forms=frozenset({"teacher_pupil"}), competencies=frozenset(rng.sample(WORDS, rng.randint(1, 2))),
        interests=frozenset(), grade=None, age=None, subject="", special_needs_trained=rng.random() < 0.4,
        trained=True, has_consent=True, capacity=rng.randint(1, 3), current_load=0,
    )  # fmt: skip


def most_covered(mentees: list[Mentee], mentors: list[Mentor], settings: Settings) -> int:
    places = [mentor for mentor in mentors for _ in range(mentor.capacity - mentor.current_load)]
    rows, cols = [], []
    for r, mentee in enumerate(mentees):
        for c, mentor in enumerate(places):
            found = score_pair(mentee, mentor, settings)
            if found is not None and found[0] >= settings.min_score:
                rows.append(r)
                cols.append(c)
    if not rows or not places:
        return 0
    graph = csr_array((np.ones(len(rows), dtype=np.int8), (rows, cols)), shape=(len(mentees), len(places)))
    return int((maximum_bipartite_matching(graph, perm_type="column") >= 0).sum())


@pytest.mark.parametrize("seed", range(300))
def test_groups_never_cover_fewer_mentees_than_the_places_allow(seed):
    rng = random.Random(seed)
    mentees = [_mentee(i, rng) for i in range(1, rng.randint(3, 12))]
    mentors = [_mentor(100 + j, rng) for j in range(rng.randint(1, 5))]
    required = frozenset({"special_needs"}) if rng.random() < 0.7 else frozenset()
    settings = Settings(group_size=rng.randint(2, 3), maximise_count=True, required=required)
    result = match(mentees, mentors, settings)
    assert len(result.pairs) == most_covered(mentees, mentors, settings)
    load: dict[int, int] = {}
    for pair in result.pairs:
        load[pair.mentor] = load.get(pair.mentor, 0) + 1
    assert all(load[m.id] <= m.capacity for m in mentors if m.id in load)


@pytest.mark.parametrize("seed", range(200))
def test_a_stable_run_without_locks_leaves_no_blocking_couple(seed):
    """The run page says a stable run's blocking couples come from the pairs the curator fixed: without
    any, there must be none (thresholds and a required criterion included)."""
    rng = random.Random(1000 + seed)
    mentees = [_mentee(i, rng) for i in range(1, rng.randint(3, 14))]
    mentors = [_mentor(100 + j, rng) for j in range(rng.randint(1, 5))]
    required = frozenset({"special_needs"}) if rng.random() < 0.5 else frozenset()
    settings = Settings(stable=True, required=required, min_score=rng.choice([0, 30, 60]))
    assert match(mentees, mentors, settings).blocking_pairs == 0
