"""The quality of matching on a labelled set: do pupils get the mentor a school psychologist would choose?

The set (``quality_set.py``) is written by hand; its ``PUPILS`` were used while the shared vocabulary
was written, its ``HELD_OUT`` pupils were not (but were seen before the topics were added), its
``HELD_OUT_LATE`` and ``HELD_OUT_AFTER`` pupils never were (see ``quality_set.py``). The figures are printed by
``tests/bench/run.py --only matching`` as ``matching_quality``; here they only must not fall below
what they are today (a regression test, not the goal of 90 %).
"""

import pytest

from pairing.matching import Settings, match

from .quality_set import (
    DEC6_MENTORS,
    FRESH_MENTORS,
    HELD_OUT,
    HELD_OUT_AFTER,
    HELD_OUT_DEC6,
    HELD_OUT_FRESH,
    HELD_OUT_LATE,
    MENTORS,
    PUPILS,
    evaluate,
    feasible,
    people,
)
from .quality_set_dec6b import DEC6B_MENTORS, HELD_OUT_DEC6B
from .quality_set_dec6c import DEC6C_MENTORS, HELD_OUT_DEC6C
from .quality_set_dec6d import DEC6D_MENTORS, HELD_OUT_DEC6D
from .quality_set_dec6e import DEC6E_MENTORS, HELD_OUT_DEC6E
from .quality_set_dec6f import DEC6F_MENTORS, HELD_OUT_DEC6F
from .quality_set_dec6g import DEC6G_MENTORS, HELD_OUT_DEC6G
from .quality_set_dec6h import DEC6H_MENTORS, HELD_OUT_DEC6H
from .quality_set_dec6i import DEC6I_MENTORS, HELD_OUT_DEC6I
from .quality_set_dec7a import DEC7A_MENTORS, HELD_OUT_DEC7A
from .quality_set_dec7b import DEC7B_MENTORS, HELD_OUT_DEC7B
from .quality_set_dec7c import DEC7C_MENTORS, HELD_OUT_DEC7C
from .quality_set_dec7d import DEC7D_MENTORS, HELD_OUT_DEC7D
from .quality_set_dec7e import DEC7E_MENTORS, HELD_OUT_DEC7E
from .quality_set_dec8a import DEC8A_MENTORS, HELD_OUT_DEC8A
from .quality_set_dec8b import DEC8B_MENTORS, HELD_OUT_DEC8B
from .quality_set_dec9a import DEC9A_MENTORS, HELD_OUT_DEC9A
from .quality_set_dec9b import DEC9B_MENTORS, HELD_OUT_DEC9B


def test_the_set_is_big_varied_and_every_pupil_can_get_a_right_mentor():
    assert len(PUPILS) + len(HELD_OUT) >= 90
    everyone = PUPILS + HELD_OUT + HELD_OUT_LATE + HELD_OUT_AFTER
    assert len({(tuple(p.requests), tuple(p.areas)) for p in everyone}) == len(everyone)
    for pupils in (PUPILS, HELD_OUT, PUPILS + HELD_OUT, HELD_OUT_LATE, HELD_OUT_AFTER):
        result = evaluate(pupils=pupils)
        assert result["labels_feasible"]
    assert {key for p in everyone for key in p.right} <= {m.key for m in MENTORS}
    assert len(HELD_OUT_FRESH) >= 40
    assert len({(tuple(p.requests), tuple(p.areas)) for p in HELD_OUT_FRESH}) == len(HELD_OUT_FRESH)
    assert {key for p in HELD_OUT_FRESH for key in p.right} <= {m.key for m in FRESH_MENTORS}
    assert evaluate(pupils=HELD_OUT_FRESH, teachers=FRESH_MENTORS)["labels_feasible"]
    assert len(HELD_OUT_DEC6) >= 50
    assert len({(tuple(p.requests), tuple(p.areas)) for p in HELD_OUT_DEC6}) == len(HELD_OUT_DEC6)
    assert {key for p in HELD_OUT_DEC6 for key in p.right} <= {m.key for m in DEC6_MENTORS}
    assert evaluate(pupils=HELD_OUT_DEC6, teachers=DEC6_MENTORS)["labels_feasible"]


def test_the_blind_dec6b_set_is_big_varied_and_every_pupil_can_get_a_right_mentor():
    """Feasibility only: the blind set of ``quality_set_dec6b.py`` has no threshold here; its figure is
    printed by the bench (``held_out_dec6b``)."""
    assert len(HELD_OUT_DEC6B) >= 80
    assert len({(tuple(p.requests), tuple(p.areas)) for p in HELD_OUT_DEC6B}) == len(HELD_OUT_DEC6B)
    assert {key for p in HELD_OUT_DEC6B for key in p.right} <= {m.key for m in DEC6B_MENTORS}
    mentees, mentors, right, _keys = people(pupils=HELD_OUT_DEC6B, teachers=DEC6B_MENTORS)
    assert feasible(mentees, mentors, right)


def test_the_blind_dec6c_set_is_big_varied_and_every_pupil_can_get_a_right_mentor():
    """Feasibility only: the blind set of ``quality_set_dec6c.py`` has no threshold here; its figure is
    printed by the bench (``held_out_dec6c``)."""
    assert len(HELD_OUT_DEC6C) >= 100
    assert 15 <= len(DEC6C_MENTORS) <= 20
    assert len({m.key for m in DEC6C_MENTORS}) == len(DEC6C_MENTORS)
    assert len({(tuple(p.requests), tuple(p.areas)) for p in HELD_OUT_DEC6C}) == len(HELD_OUT_DEC6C)
    assert all(p.right for p in HELD_OUT_DEC6C)
    assert {key for p in HELD_OUT_DEC6C for key in p.right} <= {m.key for m in DEC6C_MENTORS}
    mentees, mentors, right, _keys = people(pupils=HELD_OUT_DEC6C, teachers=DEC6C_MENTORS)
    assert feasible(mentees, mentors, right)


def test_the_dec6d_set_is_big_varied_and_every_pupil_can_get_a_right_mentor():
    """The set of ``quality_set_dec6d.py`` (a rural school), blind until its misses were read on
    6 December (evening); its figure is printed by the bench (``held_out_dec6d``) and guarded below."""
    assert len(HELD_OUT_DEC6D) >= 110
    assert 15 <= len(DEC6D_MENTORS) <= 22
    assert len({m.key for m in DEC6D_MENTORS}) == len(DEC6D_MENTORS)
    assert len({(tuple(p.requests), tuple(p.areas)) for p in HELD_OUT_DEC6D}) == len(HELD_OUT_DEC6D)
    assert all(1 <= len(p.right) <= 3 for p in HELD_OUT_DEC6D)
    assert {key for p in HELD_OUT_DEC6D for key in p.right} <= {m.key for m in DEC6D_MENTORS}
    mentees, mentors, right, _keys = people(pupils=HELD_OUT_DEC6D, teachers=DEC6D_MENTORS)
    assert feasible(mentees, mentors, right)


@pytest.mark.parametrize(
    ("pupils", "teachers"),
    [
        (HELD_OUT_DEC6E, DEC6E_MENTORS),
        (HELD_OUT_DEC6F, DEC6F_MENTORS),
        (HELD_OUT_DEC6G, DEC6G_MENTORS),
        (HELD_OUT_DEC6H, DEC6H_MENTORS),
        (HELD_OUT_DEC6I, DEC6I_MENTORS),
        (HELD_OUT_DEC7A, DEC7A_MENTORS),
        (HELD_OUT_DEC7B, DEC7B_MENTORS),
        (HELD_OUT_DEC7C, DEC7C_MENTORS),
        (HELD_OUT_DEC7D, DEC7D_MENTORS),
        (HELD_OUT_DEC7E, DEC7E_MENTORS),
        (HELD_OUT_DEC8A, DEC8A_MENTORS),
        (HELD_OUT_DEC8B, DEC8B_MENTORS),
        (HELD_OUT_DEC9A, DEC9A_MENTORS),
        (HELD_OUT_DEC9B, DEC9B_MENTORS),
    ],
    ids=[
        "dec6e",
        "dec6f",
        "dec6g",
        "dec6h",
        "dec6i",
        "dec7a",
        "dec7b",
        "dec7c",
        "dec7d",
        "dec7e",
        "dec8a",
        "dec8b",
        "dec9a",
        "dec9b",
    ],
)
def test_the_evening_blind_sets_are_big_varied_and_every_pupil_can_get_a_right_mentor(pupils, teachers):
    """Feasibility only: the sets of ``quality_set_dec6e.py`` (a city gymnasium), ``quality_set_dec6f.py`` (an
    industrial town's school), ``quality_set_dec6g.py`` (a rural consolidated school) and
    ``quality_set_dec6h.py`` (a suburban new-build school), ``quality_set_dec6i.py`` (a science-town lyceum),
    ``quality_set_dec7a.py`` (a regional centre's school with cadet classes), ``quality_set_dec7b.py`` (a
    Volga district-town school with an inclusive resource centre) ``quality_set_dec7c.py`` (a northern
    oil-and-gas town's school with a boarding house), ``quality_set_dec7d.py`` (a city school-complex of 4,000
    pupils with profile classes), ``quality_set_dec7e.py`` (a Siberian village school), ``quality_set_dec8a.py``
    (a Far East port city's school), ``quality_set_dec8b.py`` (a North Caucasus town's school),
    ``quality_set_dec9a.py`` (a black-earth small town's school) and ``quality_set_dec9b.py`` (a big city's
    gymnasium) have no threshold here and their misses are never printed; their figures are printed by the
    bench (``held_out_dec6e`` … ``held_out_dec9b``)."""
    assert len(pupils) >= 120
    assert 16 <= len(teachers) <= 24
    assert len({m.key for m in teachers}) == len(teachers)
    distinct = {(tuple(p.requests), tuple(p.areas), p.request_text, p.group_name) for p in pupils}
    assert len(distinct) == len(pupils)
    assert all(1 <= len(p.right) <= 4 for p in pupils)  # a psychologist accepts a few, not everyone
    assert {key for p in pupils for key in p.right} <= {m.key for m in teachers}
    mentees, mentors, right, _keys = people(pupils=pupils, teachers=teachers)
    assert feasible(mentees, mentors, right)


def test_most_pupils_get_a_right_mentor():
    assert evaluate(pupils=PUPILS)["matching_quality"] >= 0.95
    assert evaluate(pupils=HELD_OUT)["matching_quality"] >= 0.95
    assert evaluate(pupils=HELD_OUT_LATE)["matching_quality"] >= 0.95
    # once blind (0.42 before word families, 0.61 with them, 1.0 after the 6 December changes, for
    # which its misses were read)
    assert evaluate(pupils=HELD_OUT_AFTER)["matching_quality"] >= 0.95
    # once blind with its own mentors (0.635 when written, 0.71 with word families, 0.98 after the
    # 6 December changes, for which its misses were read)
    assert evaluate(pupils=HELD_OUT_FRESH, teachers=FRESH_MENTORS)["matching_quality"] >= 0.95
    # once blind with its own mentors (0.681 when written, 0.764 after the 6 December changes; 1.0
    # after the typo, abbreviation and general-request work, for which its misses were read)
    assert evaluate(pupils=HELD_OUT_DEC6, teachers=DEC6_MENTORS)["matching_quality"] >= 0.95
    # once blind (0.889 when written, 0.899 after the typo work), then its misses were read: 0.97
    assert evaluate(pupils=HELD_OUT_DEC6B, teachers=DEC6B_MENTORS)["matching_quality"] >= 0.95
    # blind twice (0.759 when written, 0.805 after contrast, look-alikes and areas), then read: 0.895;
    # 0.94 after the evening's vocabulary, primary-teacher and refusal work
    assert evaluate(pupils=HELD_OUT_DEC6C, teachers=DEC6C_MENTORS)["matching_quality"] >= 0.92
    # blind twice (0.808 when written, 0.817 after that day's fixes), then read on 6 December
    # (evening): 0.967
    assert evaluate(pupils=HELD_OUT_DEC6D, teachers=DEC6D_MENTORS)["matching_quality"] >= 0.94


def test_without_the_meaning_the_engine_does_much_worse():
    """The same pupils with their words as plain lower-case tags (the engine before this work)."""
    mentees, mentors, right, _keys = people(pupils=PUPILS)
    plain_mentees = [
        m.__class__(
            **{
                **m.__dict__,
                "requests": frozenset(r.lower() for r in p.requests),
                "areas": frozenset(),
                "interests": frozenset(),
                "words": (),
                "keywords": frozenset(),  # the words that break ties are read by the meaning too
            }
        )
        for m, p in zip(mentees, PUPILS, strict=True)
    ]
    result = match(plain_mentees, mentors, Settings())
    got = {pair.mentee: pair.mentor for pair in result.pairs}
    plain = sum(got.get(m.id) in right[m.id] for m in mentees) / len(mentees)
    assert plain < evaluate(pupils=PUPILS)["matching_quality"] - 0.3


@pytest.mark.parametrize("index", [0, 6, 28])
def test_explanations_name_the_words_that_met(index):
    mentees, mentors, right, _keys = people(pupils=PUPILS)
    result = match(mentees, mentors)
    pair = next(p for p in result.pairs if p.mentee == index + 1)
    reason = next(c.reason for c in pair.contributions if c.criterion == "requests")
    assert "↔" in reason or "≈" in reason


def test_the_second_raters_pairs_cover_every_pupil_of_their_sets_within_the_places():
    """The human reference of the bench (``second_rater``): a second psychologist's pairs for five blind
    sets, one mentor of the set per pupil, no mentor over their places."""
    import json
    from collections import Counter
    from pathlib import Path

    rated = json.loads((Path(__file__).parent / "quality_second_rater.json").read_text(encoding="utf-8"))
    sets = {
        "dec7b": (HELD_OUT_DEC7B, DEC7B_MENTORS),
        "dec7c": (HELD_OUT_DEC7C, DEC7C_MENTORS),
        "dec7d": (HELD_OUT_DEC7D, DEC7D_MENTORS),
        "dec9a": (HELD_OUT_DEC9A, DEC9A_MENTORS),
        "dec9b": (HELD_OUT_DEC9B, DEC9B_MENTORS),
    }
    assert set(rated) == set(sets)
    for name, rating in rated.items():
        pupils, teachers = sets[name]
        places = {m.key: m.capacity for m in teachers}
        assert len(rating["assigned"]) == len(rating["acceptable"]) == len(pupils)
        assert all(given in places for given in rating["assigned"])
        assert all(given in ok for given, ok in zip(rating["assigned"], rating["acceptable"], strict=True))
        assert all(count <= places[key] for key, count in Counter(rating["assigned"]).items())
