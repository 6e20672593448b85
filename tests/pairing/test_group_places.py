"""Group matching gives groups of up to the size asked, as places allow: a mentor with fewer places
gets a smaller group, a mentor with room for two groups gets two, and a group never spans mentors."""

import random

import pytest

from pairing.matching import Mentee, Mentor, Settings, match

from .test_engine_basics import mentee, mentor


def pupil(i: int) -> Mentee:
    return Mentee(
        id=i,
        form="f",
        requests=frozenset({"математика"}),
        interests=frozenset(),
        grade=None,
        age=None,
        subject="",
        special_needs=False,
        has_consent=True,
    )


def teacher(places: int) -> Mentor:
    return Mentor(
        id=100,
        forms=frozenset({"f"}),
        competencies=frozenset({"математика"}),
        interests=frozenset(),
        grade=None,
        age=None,
        subject="",
        special_needs_trained=False,
        trained=True,
        has_consent=True,
        capacity=places,
        current_load=0,
    )


def sizes(size: int, places: int) -> list[int]:
    result = match([pupil(i) for i in range(6)], [teacher(places)], Settings(group_size=size))
    groups: dict[int, int] = {}
    for pair in result.pairs:
        groups[pair.group] = groups.get(pair.group, 0) + 1
    return sorted(count for group, count in groups.items() if group) + [groups.get(0, 0)]


@pytest.mark.parametrize(
    ("size", "places", "expected"),
    [
        (3, 2, [2, 0]),  # two places: a group of two, not two separate pairs
        (3, 6, [3, 3, 0]),  # six places: two groups of three, not one group and three pairs
        (5, 3, [3, 0]),
        (10, 2, [2, 0]),
        (2, 2, [2, 0]),
    ],
)
def test_groups_of_up_to_the_size_as_places_allow(size, places, expected):
    assert sizes(size, places) == expected


def test_a_group_never_spans_mentors_and_never_exceeds_the_size():
    for seed in range(15):
        rng = random.Random(seed)
        mentees = [mentee(i, rng) for i in range(30)]
        mentors = [mentor(100 + j, rng, capacity=rng.randint(1, 5)) for j in range(8)]
        result = match(mentees, mentors, Settings(group_size=3))
        held: dict[int, set[int]] = {}
        for pair in result.pairs:
            if pair.group:
                held.setdefault(pair.group, set()).add(pair.mentor)
        count = {group: sum(pair.group == group for pair in result.pairs) for group in held}
        assert all(len(mentors_of) == 1 for mentors_of in held.values())
        assert all(2 <= members <= 3 for members in count.values())
        load: dict[int, int] = {}
        for pair in result.pairs:
            load[pair.mentor] = load.get(pair.mentor, 0) + 1
        assert all(load[m.id] <= m.capacity for m in mentors if m.id in load)
