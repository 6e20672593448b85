"""Warm the matching engine's compiled functions: compile them (or load them from numba's cache) before
the first real run needs them.

The engine's kernels (:mod:`pairing.kernel`, :mod:`pairing.flow`) are compiled by numba the first time
they are called and cached on disk (``cache=True``: beside the sources in ``__pycache__``, or in
``NUMBA_CACHE_DIR`` when set, as in the image). A cold cache costs about a minute at the first matching
after a deploy — the curator's page waits, a browser journey times out. :func:`warm` runs the engine
on small synthetic programmes shaped to reach every compiled function (the scored pool, the auction,
the exact solver and its repair rounds, the checks of the couples left out, the stable, fair, group
and «most pairs» options), so that afterwards each is in the cache and loaded in this process.

Pure: no Django; ``manage.py warm_matching`` calls it at deploy and in CI.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from . import matching
from .matching import Mentee, Mentor, Settings

__all__ = ["Warmed", "warm"]

_TAGS = ("математика", "физика", "русский язык", "олимпиады", "профориентация", "проекты")
_FORMS = ("pupil_pupil", "teacher_pupil")


@dataclass(frozen=True)
class Warmed:
    seconds: float


def _programme(
    seed: int, n: int, k: int, tie_heavy: bool, forms: int = 2
) -> tuple[list[Mentee], list[Mentor]]:
    """A small programme: two forms, a few tags, grades, places 1–3, some networking choices; with
    ``tie_heavy`` one tag and equal places, so that scores tie and the proof has to repair its graph."""
    rng = random.Random(seed)
    tags = _TAGS[:1] if tie_heavy else _TAGS
    form_names = _FORMS[:forms]

    def some(low: int, high: int) -> frozenset[str]:
        return frozenset(rng.sample(tags, min(len(tags), rng.randint(low, high))))

    mentors = [
        Mentor(
            id=10_000 + j,
            forms=frozenset({form_names[j % forms]}),
            competencies=some(0, 3),
            interests=frozenset(),
            grade=rng.choice((9, 10, 11)),
            age=None,
            subject="",
            special_needs_trained=rng.random() < 0.2,
            trained=True,
            has_consent=True,
            capacity=2 if tie_heavy else rng.randint(1, 3),
            current_load=0,
            preferences=(),
        )
        for j in range(k)
    ]
    mentees = [
        Mentee(
            id=1 + i,
            form=form_names[i % forms],
            requests=some(0, 2),
            interests=frozenset(),
            grade=rng.choice((5, 6, 7, 8)),
            age=None,
            subject="",
            special_needs=rng.random() < 0.05,
            has_consent=True,
            preferences=() if tie_heavy or rng.random() < 0.7 else (mentors[rng.randrange(k)].id,),
        )
        for i in range(n)
    ]
    return mentees, mentors


# the engine's first graphs as small as they can be, one couple kept per mentee in the store, and one
# repair round at most: the runs then reach the repair rounds (resume), the checks that score couples
# left out again (outside) and the gap of a run stopped at its limit (row_best) — paths a small
# programme never needs, but a large tie-heavy one does, and would compile then
_STARVED = {
    "_ROW_KEEP": 1,
    "_COLUMN_KEEP": 1,
    "_NEW_PER_ROW": 1,
    "_UNMATCHED_PER_MENTOR": 1,
    "_SELECT_MARGIN": 0.0,
    "_SELECT_LIMIT": 1,
    "_REPAIR_MARGIN": 0.0,
    "_REPAIR_LIMIT": 1,
    "_STORE_COUPLES": 0,
    "_KEEP_MIN": 1,
    "_TYPE_SHARE": 0.0,
    "_STORED_ROUNDS": 0,  # nor repaired from the stored couples first: the proof's own rounds repair it
}


@contextmanager
def _constants(values: dict[str, float | int]) -> Iterator[None]:
    """The engine's module constants set to ``values`` for the block, then restored. Only for a
    process of its own (``manage.py warm_matching``), never one that matches at the same time."""
    saved = {name: getattr(matching, name) for name in values}
    try:
        for name, value in values.items():
            setattr(matching, name, value)
        yield
    finally:
        for name, value in saved.items():
            setattr(matching, name, value)


def warm() -> Warmed:
    """Run the engine on the warm-up programmes (every compiled function is then cached and loaded)."""
    started = time.perf_counter()
    realistic = _programme(1, 160, 50, tie_heavy=False)
    ties = _programme(2, 240, 60, tie_heavy=True)
    # more mentors in a form than the store keeps per mentee: the proof scores couples left out again
    wide = _programme(3, 200, matching._KEEP_MAX + 64, tie_heavy=True, forms=1)
    runs = (
        (realistic, Settings()),
        (realistic, Settings(maximise_count=True, min_score=10.0)),
        (realistic, Settings(stable=True)),
        (realistic, Settings(fairness=0.5)),
        (realistic, Settings(group_size=3)),
        (ties, Settings()),
        (ties, Settings(maximise_count=True)),
        (wide, Settings()),
    )
    for (mentees, mentors), settings in runs:
        matching.match(mentees, mentors, settings)
    matching.score_matrix(*realistic, Settings())
    for limit in (matching._MAX_ROUNDS, 1):
        with _constants({**_STARVED, "_MAX_ROUNDS": limit}):
            for programme in (ties, realistic):
                matching.match(*programme, Settings())
                matching.match(*programme, Settings(maximise_count=True))
    return Warmed(seconds=time.perf_counter() - started)
