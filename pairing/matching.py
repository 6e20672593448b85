"""The matching engine: proposes mentor–mentee pairs with the largest total score, and proves it.

Pure module: numpy and scipy, no Django. The Django side turns participants into :class:`Mentee` and
:class:`Mentor` records, calls :func:`match` (in a Celery task for big programmes) and shows the
:class:`MatchResult` to the curator, who accepts, edits or locks pairs and runs it again.

How it works
------------
1. Every (mentee, mentor) couple gets a score 0..100 (:func:`score_pair`): hard constraints first
   (form of mentoring, consent, exclusions, training, free places, not oneself), then weighted
   criteria, each worth 0..its weight, normalised by the weights of the criteria that apply. The
   requests apply also to a mentee whose request could not be read or whose profile is empty
   (:func:`_requests_weighed`): age and load alone never make a couple 100. The last criterion,
   the words they share, sets apart couples the others score alike: the mentor whose own words are
   the mentee's, the rarer among the mentors the more (:func:`_words_criterion`).
2. The mentees of each form are scored against the mentors of that form by a compiled loop
   (:mod:`pairing.kernel`, numba: no numpy temporaries) in float64. Only each mentee's best couples are
   kept (all of them in a small programme; 24 M couples at most in all, ~300 MB) with a bound on the
   others: the best score of a couple left out. A region's pool (100,000 × 34,000: a billion couples)
   is never held in memory; a question the bound cannot settle scores the few mentees concerned again.
3. Prices: a forward auction (compiled, one bid at a time: :func:`pairing.flow.auction`) on a small
   graph — each mentee's best mentors, the best mentees of mentors few want, and the better deals the
   stored scores reveal to those left out — gives approximate dual prices of the mentors.
4. The couples near the best deal of each mentee at those prices (plus, for each mentor, its best
   mentees the auction left out) are solved exactly: a maximum-weight b-matching, each side free to
   stay unmatched, by the compiled Hungarian method started from the auction's prices
   (:func:`pairing.flow.solve`: forward shortest paths, then backward for mentors priced too high).
5. Proof: the optimal dual prices of that solution (recomputed as shortest distances in the residual
   graph, :func:`pairing.flow.distances`) are checked — complementary slackness and the duality gap
   on the graph again in numpy, then every eligible couple of the pool against them: no couple may be
   worth more than its mentee's price plus its mentor's price — the kept couples one by one, the
   couples left out through their mentee's bound, and where the bound is above the prices of some
   mentors (only when the kept couples no longer refute the prices), by scoring that mentee against
   those mentors again (at a later check only against the mentors that got cheaper since and the
   few couples it found near its price then, while what it showed of the others still holds). A
   mentee absent from the graph is unmatched and its price is 0, so its couples are checked like all
   others. When some couples violate the prices, they join the graph (the most
   violated few per mentee, with a few near the prices), and the optimum is resumed from the last one:
   only the mentees whose couples the prices no longer hold are added again.
   The answer is therefore the optimum of the dense problem that
   ``scipy.optimize.linear_sum_assignment`` solves on the expanded matrix (``stats["certified"]``) — up
   to ``_TOLERANCE`` (1e-7, ``classes.TIE``) per pair: couples are held to their prices with that slack,
   as two scores closer than TIE are equal for the engine (the stable option too). A criterion weighed
   5e-9 moves scores by less than that, and the certified total fell 7.7e-6 short of the optimum on 400
   pupils (breaker17); the page and ``manage.py match`` take weights in tenths only, far above it.
6. Pairs get explanations (Russian, through ``_()``), the people left out get reasons, and stability
   is measured as the number of blocking couples.

``maximise_count`` adds a bonus larger than any total score to every couple: the most pairs first,
then the best score. Locked pairs are fixed before anything else and use their mentor's places.
"""

from __future__ import annotations

import copy
import functools
import heapq
import os
from collections.abc import Callable, Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from typing import Any, cast

import numpy as np

from mentoring.messages import _

from .classes import TIE
from .semantics import explain_met, family_names, nominative, plain_words, shown_name

__all__ = [
    "Contribution",
    "BlockingCouple",
    "MatchResult",
    "Mentee",
    "Mentor",
    "ProposedPair",
    "Settings",
    "Unmatched",
    "Weights",
    "match",
    "score_matrix",
    "score_pair",
    "specific_words",
    "violation",
]

CRITERIA = (
    "requests",
    "interests",
    "preferences",
    "age_gap",
    "subject",
    "special_needs",
    "load",
    "areas",
    "grades",
    "at_risk",
    "availability",
    "words",
)
# criteria a curator may make «обязательно»: a couple that does not meet it is not proposed at all
# (not the load, nor the words shared: a matter of degree, never a reason to leave someone out)
REQUIRABLE = tuple(name for name in CRITERIA if name not in ("load", "words"))
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
FORMATS = ("in_person", "online")


@dataclass(frozen=True)
class Mentee:
    id: int
    form: str  # form-of-mentoring key the mentee needs, e.g. "pupil_pupil"; "" = any
    requests: frozenset[str]  # normalised lower-case tags
    interests: frozenset[str]
    grade: int | None  # school grade (5..11) or course; None if unknown (then the ages are compared)
    age: int | None
    subject: str  # for teachers: their subject ("" if none)
    special_needs: bool  # ОВЗ / disability
    has_consent: bool
    preferences: tuple[int, ...] = ()  # mentor ids in ranked order from the networking questionnaire
    areas: frozenset[str] = frozenset()  # subject areas, compared with the mentor's competencies
    at_risk: bool = False  # a pupil at risk (deviant behaviour, difficult life situation)
    availability: frozenset[str] = frozenset()  # days (DAYS) and formats (FORMATS) that suit them
    words: tuple[tuple[str, str], ...] = ()  # (tag, the words it came from) for the explanations
    subject_tags: frozenset[str] = frozenset()  # the subject as tags; empty: the subject string itself
    broad: frozenset[str] = frozenset()  # tags of requests and areas that are only broader terms: count half
    # specialists the mentee refuses («к психологу не хочет»): a mentor who offers one is never proposed
    refused: frozenset[str] = frozenset()
    # tags of a request that names an urgent need (a child in danger, a year about to be failed): each
    # counts _HEAVY times among the requests, so it outweighs a hobby or a plain subject beside it
    heavy: frozenset[str] = frozenset()
    # the mentee's requests in which no term was recognised («не хочет жить» before the vocabulary
    # knew it): shown to the curator, and a request all the same (:func:`_requests_weighed`)
    unread: tuple[str, ...] = ()
    # the words of everything they wrote (requests, their own text, areas): the terms they name and
    # their lemmas' families, stop and generic words left out — met by a mentor's own words, they give
    # the points of the words criterion (:func:`_words_criterion`)
    keywords: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Mentor:
    id: int
    forms: frozenset[str]  # forms this mentor may work in
    competencies: frozenset[str]
    interests: frozenset[str]
    grade: int | None  # school grade of a pupil mentor; None for adults (their age is compared)
    age: int | None
    subject: str
    special_needs_trained: bool
    trained: bool  # mentor training done
    has_consent: bool
    capacity: int  # free places (capacity minus mentees already assigned)
    current_load: int  # mentees already assigned (for load spreading)
    preferences: tuple[int, ...] = ()  # mentee ids ranked
    preferred_grades: tuple[int, int] | None = None  # the grades the mentor prefers, inclusive
    preferred_ages: tuple[int, int] | None = None  # or the ages
    at_risk_experience: bool = False  # has worked with pupils at risk
    availability: frozenset[str] = frozenset()  # days (DAYS) and formats (FORMATS)
    words: tuple[tuple[str, str], ...] = ()  # (tag, the words it came from) for the explanations
    subject_tags: frozenset[str] = frozenset()
    # competencies that are only broader terms of what the mentor wrote («Технические профессии» is
    # about careers, but not a careers adviser's offer): a request they meet counts half
    broad: frozenset[str] = frozenset()
    # the words of everything they wrote (competencies, subject, interests), as Mentee.keywords
    keywords: frozenset[str] = frozenset()
    # those words with their weight among the mentors of the pool — the rarer the heavier
    # (:func:`specific_words`, which fills it): what the words criterion reads
    specific: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class Weights:
    """How much each criterion counts, 0..10 each; the curator tunes them."""

    requests: float = 5
    interests: float = 2
    preferences: float = 3
    age_gap: float = 2
    subject: float = 2
    special_needs: float = 3
    load: float = 1
    areas: float = 3
    grades: float = 2
    at_risk: float = 3
    availability: float = 1
    # the words both wrote (:func:`_words_criterion`): beside the others' weights that apply to a
    # couple (a mentee with requests, a grade or age to compare, the load: 10 to 16) 4 to 6 points of
    # 100 for words shared in full, 2 to 3 for one word only this mentor wrote — it orders the couples
    # the other criteria score alike and overturns only their smallest differences (0.7: the best of
    # 0.25 to 1.3 on the quality bench's read sets, 7 December 2026)
    words: float = 0.7


@dataclass(frozen=True)
class Settings:
    weights: Weights = Weights()
    grade_gap: tuple[int, int] = (2, 4)  # the mentor should be this many grades older (pupil mentors)
    # or this many years older (adults): up to a teacher past retirement age with a first-grader, so an
    # experienced older teacher is not scored below a younger one (a psychologist does not)
    age_gap: tuple[int, int] = (3, 60)
    require_training: bool = False
    maximise_count: bool = False  # match as many as possible first, then the best score
    exclusions: frozenset[tuple[int, int]] = frozenset()  # (mentee id, mentor id) never together
    locked: tuple[tuple[int, int], ...] = ()  # (mentee id, mentor id) fixed by the curator
    min_score: float = 0.0  # pairs scoring below this are not proposed
    # 0..1: how much the worst pairs are raised at the cost of the total (a concave objective: each
    # pair counts as 100·(score/100)^p, p from 1 down to 0.25); 0 = the largest total
    fairness: float = 0.0
    stable: bool = False  # a stable assignment (no couple who would both rather be together) instead
    group_size: int = 0  # 2 or more: one mentor with a group of up to this many mentees of similar requests
    required: frozenset[str] = frozenset()  # criteria (REQUIRABLE) a couple must meet where they apply


@dataclass(frozen=True)
class Contribution:
    criterion: str  # one of CRITERIA, or "locked" / "constraint" for a pair the curator fixed
    points: float
    reason: str


@dataclass(frozen=True)
class ProposedPair:
    mentee: int
    mentor: int
    score: int  # 0..100
    contributions: tuple[Contribution, ...]
    locked: bool = False
    group: int = 0  # with group matching: the number of the mentor's group (0: a pair on its own)


@dataclass(frozen=True)
class Unmatched:
    person: int
    role: str  # "mentee" or "mentor"
    reason: str


@dataclass(frozen=True)
class BlockingCouple:
    """A mentee and a mentor not together who would both rather be together than where they are."""

    mentee: int
    mentor: int
    score: float  # their score together
    mentee_now: float | None  # the score of the mentee's pair now (None: without a pair)
    mentor_free: bool  # the mentor has a free place (else it would drop its least preferred mentee)


@dataclass(frozen=True)
class MatchResult:
    pairs: tuple[ProposedPair, ...]
    unmatched: tuple[Unmatched, ...]
    total_score: float  # the sum of the pairs' exact (unrounded) scores
    blocking_pairs: int  # couples not together who would both rather be together than where they are
    # How the optimum was reached, for the curious and the benchmark.
    stats: dict[str, float] = field(default_factory=dict, compare=False)
    # The blocking couples themselves (the first BLOCKING_LISTED, the most wanted first).
    blocking: tuple[BlockingCouple, ...] = ()


Progress = Callable[[int, str], None]
BLOCKING_LISTED = 200  # blocking couples listed in a result (all are counted)


# --------------------------------------------------------------------------------------------------
# One couple: hard constraints, criteria, explanations


def _rank_points(rank: int | None) -> float:
    """A choice at the networking session: 1 for the first choice, 2/3 for the second, 1/2, 2/5…"""
    return 0.0 if rank is None else 2.0 / (2.0 + rank)


def _rank(preferences: tuple[int, ...], person: int) -> int | None:
    try:
        return preferences.index(person)
    except ValueError:
        return None


def _tags(tags: Iterable[str], mentee: Mentee | None = None, mentor: Mentor | None = None) -> str:
    """The tags that met, named by the words on both sides when the people carry them:
    «русскому языку ↔ русский язык», «публичные выступления ≈ ораторское мастерство»."""
    return _explained(
        tuple(sorted(tags)), mentee.words if mentee else (), mentor.words if mentor else (), _("typo?")
    )


@functools.lru_cache(maxsize=1 << 16)
def _explained(
    tags: tuple[str, ...], left: tuple[tuple[str, str], ...], right: tuple[tuple[str, str], ...], typo: str
) -> str:
    """:func:`_tags` once per tags and words (explain_met reads the tags sorted): the explanations of a
    run's pairs repeat them (people who wrote nothing of their own, the same mentor's many mentees)."""
    return ", ".join(explain_met(tags, left, right, typo=typo))


_BROAD = 0.5  # what a tag that is only a broader term of the request counts (a named one counts 1)
# what a tag of an urgent request counts, times the above: a whole number, as the bit sets count it by
# repeating its bits (:func:`_heavy_bits`); 3: an urgent need outweighs two hobbies beside it
_HEAVY = 3


def _weight(tags: frozenset[str], heavy: frozenset[str]) -> int:
    """The number of ``tags``, each of ``heavy`` counted _HEAVY times."""
    return len(tags) + (_HEAVY - 1) * len(tags & heavy) if heavy else len(tags)


def _coverage(
    tags: frozenset[str],
    matched: frozenset[str],
    broad: frozenset[str],
    offered_broad: frozenset[str] = frozenset(),
    heavy: frozenset[str] = frozenset(),
) -> tuple[float, float]:
    """(the weight of the matched tags, the weight of all): a specific request met beats a general one,
    and a request met by what the mentor named beats one met only by a broader term of it
    (``offered_broad``). A broader term both sides only reached (mathematics and informatics through
    «точные науки», a medical class and a college through «профориентация») counts nothing: siblings
    are not what a psychologist pairs. A tag of ``heavy`` counts _HEAVY times. The bit sets of
    :class:`_Problem` give the same floats (:func:`_offer_bits`, :func:`_heavy_bits`)."""
    broad_all, broad_met = _weight(tags & broad, heavy), _weight((matched & broad) - offered_broad, heavy)
    half = _weight((matched - broad) & offered_broad, heavy)
    return (
        (_weight(matched - broad, heavy) - half) + _BROAD * (broad_met + half),
        (_weight(tags, heavy) - broad_all) + _BROAD * broad_all,
    )


def _counted(matched: frozenset[str], broad: frozenset[str], offered_broad: frozenset[str]) -> frozenset[str]:
    """The matched tags that count (:func:`_coverage`): not a broader term the mentee and the mentor
    both only reached — an explanation names only what gave points."""
    return matched - (matched & broad & offered_broad)


@functools.lru_cache(maxsize=4096)
def _total_weight(tags: frozenset[str], broad: frozenset[str], heavy: frozenset[str] = frozenset()) -> float:
    """The weight of all of ``tags`` (:func:`_coverage`), 1 when nothing: a mentee's divisor, the same
    for the many mentees who asked for the same things."""
    return _coverage(tags, tags, broad, heavy=heavy)[1] or 1.0


def _named(tags: frozenset[str], mentee: Mentee) -> str:
    """Tags as the mentee's words (the named ones, not the broader terms), else as they are."""
    return ", ".join(_names(tags, mentee))


def _names(tags: frozenset[str], mentee: Mentee) -> list[str]:
    """:func:`_named`'s names, each once."""
    words: dict[str, str] = {}
    for tag, text in mentee.words:
        words.setdefault(tag, plain_words(text))  # the first way the mentee said it
    named = [words.get(tag, tag) for tag in sorted(tags - mentee.broad)] or [
        words.get(t, t) for t in sorted(tags)
    ]
    return list(dict.fromkeys(text.split(" (")[0] for text in named))


def _subject_set(person: Mentee | Mentor) -> frozenset[str]:
    return person.subject_tags or _subject_key(person.subject)


@functools.lru_cache(maxsize=4096)
def _subject_key(subject: str) -> frozenset[str]:
    """A subject string as a set of one tag (none when blank): the same few subjects for everyone."""
    key = subject.strip().casefold()
    return frozenset({key}) if key else frozenset()


def _same_subject(mentee: Mentee, mentor: Mentor) -> bool:
    return bool(_subject_set(mentee) & _subject_set(mentor))


def _offer(mentor: Mentor) -> frozenset[str]:
    """What the mentor can help with: the competencies and the subject."""
    return mentor.competencies | _subject_set(mentor)


def _offer_broad(mentor: Mentor) -> frozenset[str]:
    """What the mentor offers only as a broader term of what they named (the subject is named)."""
    return (mentor.broad & mentor.competencies) - _subject_set(mentor) if mentor.broad else frozenset()


_HALF = "~"  # suffix of a tag offered only as a broader term, in the bit sets


def _offer_bits(mentor: Mentor) -> frozenset[str]:
    """The offer as the bit sets see it: a tag offered only as a broader term becomes «tag~», which
    the mentee's tags meet at half weight (each mentee tag also sets «tag~» among its half-weight
    bits): so |named ∩ offer| + ½·|half-weight ∩ offer| is what :func:`_coverage` counts."""
    half = _offer_broad(mentor)
    if not half:
        return _offer(mentor)
    return (_offer(mentor) - half) | {tag + _HALF for tag in half}


_COPY = "#"  # a tag's copies in the bit sets: «tag#2», «tag#3» (a heavy tag counts _HEAVY times)


def _heavy_bits(bits: frozenset[str], heavy: frozenset[str]) -> frozenset[str]:
    """Bits of a mentee with each bit of a heavy tag (the tag, or «tag~») repeated: «tag#2» … «tag#_HEAVY»,
    which every offer of the tag also sets (:func:`_copied`), so the overlap counts it _HEAVY times."""
    if not heavy:
        return bits
    copies = {
        f"{bit}{_COPY}{k}" for bit in bits if bit.removesuffix(_HALF) in heavy for k in range(2, _HEAVY + 1)
    }
    return bits | copies


def _copied(offer: frozenset[str]) -> frozenset[str]:
    """An offer's bits with the copies a heavy tag of a mentee meets (:func:`_heavy_bits`)."""
    return offer | {f"{bit}{_COPY}{k}" for bit in offer for k in range(2, _HEAVY + 1)}


def _half_bits(tags: frozenset[str], broad: frozenset[str]) -> frozenset[str]:
    """A mentee's half-weight bits: its broader terms, and every tag it named as met by a broader
    offer (a broader term of the mentee's met by a broader term of the mentor's counts nothing)."""
    return (tags & broad) | {tag + _HALF for tag in tags - broad}


_DAY_SET = frozenset(DAYS)
_FORMAT_SET = frozenset(FORMATS)


def _availability(mentee: Mentee, mentor: Mentor) -> tuple[bool, bool, frozenset[str]]:
    """(both said when and how they can meet, they can meet, the common days)."""
    a, b = mentee.availability, mentor.availability
    if not a or not b:
        return False, False, frozenset()
    days_a, days_b = a & _DAY_SET, b & _DAY_SET
    formats_a, formats_b = a & _FORMAT_SET, b & _FORMAT_SET
    days_ok = not days_a or not days_b or bool(days_a & days_b)
    formats_ok = not formats_a or not formats_b or bool(formats_a & formats_b)
    return True, days_ok and formats_ok, days_a & days_b


# the grades of a mentor who names neither grades nor ages: every grade (a specialist who takes the whole
# school is not scored below a teacher whose range merely fits the pupil)
_EVERY_GRADE = (0, 99)


def _grades_of(mentor: Mentor) -> tuple[int, int] | None:
    """The grades the mentor prefers: as named, every grade when they name neither grades nor ages."""
    if mentor.preferred_grades is None and mentor.preferred_ages is None:
        return _EVERY_GRADE
    return mentor.preferred_grades


def _preferred_rule(mentee: Mentee, mentor: Mentor) -> tuple[str, int, int, int] | None:
    """("grade" | "age", the mentee's value, low, high) when the mentor prefers grades or ages the
    mentee has (a mentor who names none takes every grade), else None."""
    grades = _grades_of(mentor)
    if grades is not None and mentee.grade is not None:
        return "grade", mentee.grade, *grades
    if mentor.preferred_ages is not None and mentee.age is not None:
        return "age", mentee.age, *mentor.preferred_ages
    return None


def _requirements(mentee: Mentee, mentor: Mentor, settings: Settings) -> str | None:
    """The first «обязательно» criterion that applies to the couple and is not met, else None."""
    for name in settings.required:
        if name == "requests":  # met by a named term or its synonym, not by a shared broader term alone
            failed = bool(mentee.requests) and not (mentee.requests - mentee.broad) & (
                _offer(mentor) - _offer_broad(mentor)
            )
        elif name == "interests":  # shared as a hobby, or one the mentor offers by name (their subject)
            failed = (
                bool(mentee.interests)
                and not mentee.interests & mentor.interests
                and not ((mentee.requests | mentee.areas) - mentee.broad)
                & (_offer(mentor) - _offer_broad(mentor))
            )
        elif name == "preferences":
            failed = bool(mentee.preferences or mentor.preferences) and (
                _rank(mentee.preferences, mentor.id) is None and _rank(mentor.preferences, mentee.id) is None
            )
        elif name == "age_gap":
            rule = _gap_rule(mentee, mentor, settings)
            failed = rule is not None and not _gap_within(mentee, mentor, rule)
        elif name == "subject":
            failed = bool(_subject_set(mentee)) and not _same_subject(mentee, mentor)
        elif name == "special_needs":
            failed = mentee.special_needs and not mentor.special_needs_trained
        elif name == "areas":  # a broader term both sides only reached does not meet it
            reached = (mentee.areas & _offer(mentor)) - (mentee.broad & _offer_broad(mentor))
            failed = bool(mentee.areas) and not reached
        elif name == "grades":
            rule = _preferred_rule(mentee, mentor)
            failed = rule is not None and not rule[2] <= rule[1] <= rule[3]
        elif name == "at_risk":
            failed = mentee.at_risk and not mentor.at_risk_experience
        elif name == "availability":
            applies, met, _days = _availability(mentee, mentor)
            failed = applies and not met
        else:
            failed = False
        if failed:
            return _("Required criterion not met: %(criterion)s") % {"criterion": criterion_label(name)}
    return None


def criterion_label(name: str, _: Callable[[str], str] = _) -> str:
    labels = {
        "requests": _("Requests against competencies"),
        "interests": _("Shared interests"),
        "preferences": _("Choices at the networking session"),
        "age_gap": _("Age or grade difference"),
        "subject": _("Same subject (teachers)"),
        "special_needs": _("Mentor trained for special needs"),
        "load": _("Spreading the load"),
        "areas": _("Subject areas against the mentor's subject and competencies"),
        "grades": _("Grades or ages the mentor prefers"),
        "at_risk": _("Mentor experienced with pupils at risk"),
        "availability": _("Convenient days and format of meetings"),
        "words": _("Shared words"),
    }
    return labels.get(name, name)


def violation(mentee: Mentee, mentor: Mentor, settings: Settings) -> str | None:
    """Why the couple may not be proposed at all, or None when the hard constraints hold (the one rule
    for the engine, the score of a swap and the swaps a run's page offers and accepts)."""
    if mentee.id == mentor.id:
        return _("A person cannot mentor themself")
    if mentee.form and mentee.form not in mentor.forms:
        return _("The mentor does not work in the required form of mentoring")
    if not mentee.has_consent:
        return _("The mentee has not given consent to personal data processing")
    if not mentor.has_consent:
        return _("The mentor has not given consent to personal data processing")
    if (mentee.id, mentor.id) in settings.exclusions:
        return _("The curator excluded this pair")
    if settings.require_training and not mentor.trained:
        return _("The mentor has not completed mentor training")
    if mentor.capacity <= 0:
        return _("The mentor has no free places")
    if refuses(mentee, mentor):
        return _("The mentee refused this specialist")
    if settings.required:
        return _requirements(mentee, mentor, settings)
    return None


def _offered(mentor: Mentor) -> frozenset[str]:
    """What a mentor offers as named (their subject, their competencies that are not only broader terms)."""
    return mentor.subject_tags | (mentor.competencies - mentor.broad)


def refuses(mentee: Mentee, mentor: Mentor) -> bool:
    """Whether the mentee refused a specialist the mentor is («психолог не нужен» and a psychologist)."""
    return bool(mentee.refused) and bool(mentee.refused & _offered(mentor))


# the share of the gap criterion a pupil mentor older than the window gets with a mentee of the grades
# they named (:func:`_gap_within`)
_STATED_GAP = 0.5


def _stated_grade(mentee: Mentee, mentor: Mentor) -> bool:
    """Whether the mentee's grade is among the grades the mentor named (not every grade by default)."""
    grades = _grades_of(mentor)
    return (
        grades is not None
        and grades != _EVERY_GRADE
        and mentee.grade is not None
        and grades[0] <= mentee.grade <= grades[1]
    )


def _gap_within(mentee: Mentee, mentor: Mentor, rule: tuple[str, int, int, int]) -> bool:
    """Whether the couple meets the gap rule: within the window, or — a pupil mentor — older than its
    top by grades yet the mentee's grade is one the mentor named (an eleventh-grader who asks for
    fifth- to seventh-graders: their own words are the stronger signal than the default window)."""
    kind, gap, low, high = rule
    if low <= gap <= high:
        return True
    return kind == "grade" and low <= high < gap and _stated_grade(mentee, mentor)


def _gap_rule(mentee: Mentee, mentor: Mentor, settings: Settings) -> tuple[str, int, int, int] | None:
    """("grade" | "age", gap, low, high) when the two can be compared, else None."""
    if mentee.grade is not None and mentor.grade is not None:
        low, high = settings.grade_gap
        return "grade", mentor.grade - mentee.grade, low, high
    if mentee.age is not None and mentor.age is not None:
        low, high = settings.age_gap
        return "age", mentor.age - mentee.age, low, high
    return None


def _criteria(mentee: Mentee, mentor: Mentor, settings: Settings, explain: bool, _: Callable[[str], str] = _):
    """(points, applicable weight, contributions) of the criteria that apply to the couple.

    The vectorised scorer below adds the same numbers in the same order, so both give the same floats.
    ``_`` translates the reasons: named so, makemessages finds the messages; :func:`match` passes a
    memoised one, as it explains thousands of pairs in one language.
    """
    points = applicable = 0.0
    out: list[Contribution] = []
    for name, criterion in _CRITERION_STEPS:
        found = criterion(mentee, mentor, settings, explain, _)
        if found is None:
            continue
        got, weight, reason = found
        points += got
        applicable += weight
        if explain:
            out.append(Contribution(name, got, reason))
    return points, applicable, tuple(out)


# Each criterion of a couple: None where it does not apply, else (points, applicable weight, the
# reason when explained, else "").
_Found = tuple[float, float, str] | None


def _requests_weighed(mentee: Mentee) -> bool:
    """Whether the requests criterion counts in the mentee's score (its weight in the divisor): when
    they asked for something — even in words nobody could read — and when nothing on the profile says
    what help they need (no requests, subject areas nor subject: an empty questionnaire). Age, load
    and days are then not the whole score: such a couple scores as one whose requests the mentor does
    not meet, never 100, and a pupil who asked for what the mentor offers comes first. A pupil who gave
    only subject areas (or, a teacher, only a subject) is not asked for more."""
    return bool(mentee.requests or mentee.unread) or not (mentee.areas or _subject_set(mentee))


def _unread_reason(mentee: Mentee, _: Callable[[str], str]) -> str:
    """What the curator is told of a mentee whose requests could not be read, or are empty."""
    if mentee.unread:
        return _("The mentee's request was not understood (check its wording): %(words)s") % {
            "words": "; ".join(f"«{text}»" for text in mentee.unread)
        }
    return _("The mentee's requests are empty: the score does not say whether the mentor suits their needs")


def _requests_criterion(mentee: Mentee, mentor: Mentor, settings: Settings, explain: bool, _) -> _Found:
    weight = settings.weights.requests
    if not weight > 0:
        return None
    if not mentee.requests:  # nothing to meet: no points, but the weight where it counts
        if not _requests_weighed(mentee):
            return None
        return 0.0, weight, _unread_reason(mentee, _) if explain else ""
    offered_broad = _offer_broad(mentor)
    matched = mentee.requests & _offer(mentor)
    met, total = _coverage(mentee.requests, matched, mentee.broad, offered_broad, mentee.heavy)
    reason = ""
    if explain:
        counted = _counted(matched, mentee.broad, offered_broad)
        if not met and mentee.unread:
            reason = _unread_reason(mentee, _)
        elif not met:  # nothing met, or only a broader term both sides merely reached: no points
            reason = _("None of the mentee's requests match the mentor's competencies")
        elif (matched - mentee.broad) - offered_broad:
            reason = _("Requests match the mentor's competencies: %(tags)s") % {
                "tags": _tags(counted, mentee, mentor)
            }
        else:  # only a broader term met: a partial score, said as such
            reason = _(
                "Requests and the mentor's competencies meet only in a broader area (counted in part): %(tags)s"
            ) % {"tags": _tags(counted, mentee, mentor)}
    return weight * met / total, weight, reason


def _interests_criterion(mentee: Mentee, mentor: Mentor, settings: Settings, explain: bool, _) -> _Found:
    # a bonus: it counts only when they share something, so an interest added never lowers a score
    weight = settings.weights.interests
    if not (weight > 0 and mentee.interests):
        return None
    shared = mentee.interests & mentor.interests
    if not shared:
        return None
    reason = _("Shared interests: %(tags)s") % {"tags": _tags(shared, mentee, mentor)} if explain else ""
    return weight, weight, reason


def _preferences_criterion(mentee: Mentee, mentor: Mentor, settings: Settings, explain: bool, _) -> _Found:
    weight = settings.weights.preferences
    if not (weight > 0 and (mentee.preferences or mentor.preferences)):
        return None
    by_mentee = _rank(mentee.preferences, mentor.id)
    by_mentor = _rank(mentor.preferences, mentee.id)
    half = weight / 2
    got = half * _rank_points(by_mentee) + half * _rank_points(by_mentor)
    return got, weight, _preference_reason(by_mentee, by_mentor, _) if explain else ""


def _age_gap_criterion(mentee: Mentee, mentor: Mentor, settings: Settings, explain: bool, _) -> _Found:
    weight = settings.weights.age_gap
    rule = _gap_rule(mentee, mentor, settings) if weight > 0 else None
    if rule is None:
        return None
    within = _gap_within(mentee, mentor, rule)
    _kind, gap, low, high = rule
    points = (weight if low <= gap <= high else weight * _STATED_GAP) if within else 0.0
    return points, weight, _gap_reason(rule, _, within) if explain else ""


def _subject_criterion(mentee: Mentee, mentor: Mentor, settings: Settings, explain: bool, _) -> _Found:
    weight = settings.weights.subject
    if not (weight > 0 and _subject_set(mentee)):
        return None
    same = _same_subject(mentee, mentor)
    reason = _subject_reason(mentee, mentor, same, _) if explain else ""
    return (weight if same else 0.0), weight, reason


def _flag_criterion(weight: float, applies: bool, met: bool, reason: str) -> _Found:
    """A criterion that counts only for a mentee with a flag (special needs, at risk): met or warned."""
    if not (weight > 0 and applies):
        return None
    return (weight if met else 0.0), weight, reason


def _special_needs_criterion(mentee: Mentee, mentor: Mentor, settings: Settings, explain: bool, _) -> _Found:
    trained = mentor.special_needs_trained
    reason = ""
    if explain:
        reason = (
            _("The mentor is trained to work with mentees with special needs")
            if trained
            else _("Warning: the mentee has special needs and the mentor is not trained to work with them")
        )
    return _flag_criterion(settings.weights.special_needs, mentee.special_needs, trained, reason)


def _load_criterion(mentee: Mentee, mentor: Mentor, settings: Settings, explain: bool, _) -> _Found:
    weight = settings.weights.load
    if not weight > 0:
        return None
    free = max(mentor.capacity, 0)
    total = mentor.current_load + free
    reason = ""
    if explain:
        reason = _("Mentor's load: %(load)s mentee(s), free places: %(free)s") % {
            "load": mentor.current_load,
            "free": free,
        }
    return (weight * free / total if total > 0 else 0.0), weight, reason


def _areas_criterion(mentee: Mentee, mentor: Mentor, settings: Settings, explain: bool, _) -> _Found:
    weight = settings.weights.areas
    if not (weight > 0 and mentee.areas):
        return None
    offered_broad = _offer_broad(mentor)
    matched = mentee.areas & _offer(mentor)
    named = (matched - mentee.broad) - offered_broad
    met, total = _coverage(mentee.areas, matched, mentee.broad, offered_broad)
    # the best-matching area counts: an area the mentor names scores in full, whatever else the mentee
    # named (a second area never dilutes the first); else the broader terms met count in part
    points = float(weight) if named else weight * met / total
    reason = ""
    if explain:
        tags = {"tags": _tags(_counted(matched, mentee.broad, offered_broad), mentee, mentor)}
        if points <= 0:
            reason = _("None of the mentee's subject areas match the mentor's subject or competencies")
        elif named:
            reason = _("Subject areas match the mentor's subject or competencies: %(tags)s") % tags
        else:  # only a broader field met (biology and physics, both natural sciences): said as in part
            reason = (
                _(
                    "Subject areas and the mentor's subject or competencies meet only in a broader "
                    "field (counted in part): %(tags)s"
                )
                % tags
            )
    return points, weight, reason


# A mentee this many grades (or years) or more outside the grades (or ages) the mentor prefers: the
# grades criterion counts _FAR_WEIGHT times. A grade or two beyond the range a mentor named is a near
# miss a psychologist accepts when the mentor meets the need; three or more are another age group (a
# teacher of grades 9–11 with a fifth-grader, of 1–4 with a ninth-grader, a subject teacher of 7–11
# with a second-grader): she goes there only when no mentor within reach meets the need.
_FAR = 3
_FAR_WEIGHT = 3.0


def _far_outside(value: int, low: int, high: int) -> bool:
    """Whether ``value`` is at least :data:`_FAR` below ``low`` or above ``high``."""
    return value <= low - _FAR or value >= high + _FAR


def _grades_criterion(mentee: Mentee, mentor: Mentor, settings: Settings, explain: bool, _) -> _Found:
    weight = settings.weights.grades
    rule = _preferred_rule(mentee, mentor) if weight > 0 else None
    if rule is None:
        return None
    kind, value, low, high = rule
    within = low <= value <= high
    far = _far_outside(value, low, high)
    reason = ""
    if explain:
        values = {"value": value, "low": low, "high": high}
        if kind == "grade" and (low, high) == _EVERY_GRADE:
            reason = _("Grade %(value)s: the mentor takes pupils of every grade") % values
        elif kind == "grade":
            reason = (
                _("Grade %(value)s: the mentor prefers grades %(low)s–%(high)s")
                if within
                else _(
                    "Grade %(value)s: far outside the grades the mentor prefers, %(low)s–%(high)s "
                    "(counted three times)"
                )
                if far
                else _("Grade %(value)s: outside the grades the mentor prefers, %(low)s–%(high)s")
            ) % values
        else:
            reason = (
                _("Age %(value)s: the mentor prefers ages %(low)s–%(high)s")
                if within
                else _(
                    "Age %(value)s: far outside the ages the mentor prefers, %(low)s–%(high)s (counted three times)"
                )
                if far
                else _("Age %(value)s: outside the ages the mentor prefers, %(low)s–%(high)s")
            ) % values
    return (weight if within else 0.0), (weight * _FAR_WEIGHT if far else weight), reason


# Experience with pupils at risk met without any of the pupil's requests counts this share of the
# criterion: a psychologist sends a pupil whose need is named to the mentor who meets it (the social
# pedagogue for a family in trouble) before one who merely has at-risk experience and shares a hobby
_RISK_ALONE = 0.75


def _risk_share(mentee: Mentee, mentor: Mentor, settings: Settings) -> float:
    """The share of the at-risk criterion an experienced mentor gets: in full when they meet some of
    the mentee's requests (or there are none to meet), else :data:`_RISK_ALONE`."""
    if not (mentee.requests and settings.weights.requests > 0):
        return 1.0
    found = _requests_criterion(mentee, mentor, settings, False, _)
    return 1.0 if found is not None and found[0] > 0 else _RISK_ALONE


def _at_risk_criterion(mentee: Mentee, mentor: Mentor, settings: Settings, explain: bool, _) -> _Found:
    experienced = mentor.at_risk_experience
    weight = settings.weights.at_risk
    share = _risk_share(mentee, mentor, settings) if experienced and weight > 0 and mentee.at_risk else 1.0
    reason = ""
    if explain:
        reason = (
            _("The mentor has experience with pupils at risk")
            if experienced and share == 1.0
            else _(
                "The mentor has experience with pupils at risk but meets none of the mentee's requests "
                "(counted in part)"
            )
            if experienced
            else _("Warning: the mentee is at risk and the mentor has no experience with pupils at risk")
        )
    found = _flag_criterion(weight, mentee.at_risk, experienced, reason)
    if found is None or share == 1.0:
        return found
    return found[0] * share, found[1], found[2]


def _availability_criterion(mentee: Mentee, mentor: Mentor, settings: Settings, explain: bool, _) -> _Found:
    weight = settings.weights.availability
    if not weight > 0:
        return None
    applies, met, days = _availability(mentee, mentor)
    if not applies:
        return None
    reason = ""
    if explain:
        if met and days:
            reason = _("Both can meet on: %(days)s") % {
                "days": ", ".join(_day_name(day, _) for day in DAYS if day in days)
            }
        elif met:
            reason = _("The format of meetings suits both")
        else:
            reason = _("No common day or format of meetings")
    return (weight if met else 0.0), weight, reason


def _words_criterion(mentee: Mentee, mentor: Mentor, settings: Settings, explain: bool, _) -> _Found:
    """The words the mentee wrote that the mentor wrote too, each weighing :data:`_WORD_UNITS` // the
    number of the pool's mentors who wrote it (:func:`specific_words`): their sum x gives x / (x +
    _WORD_UNITS) of the weight. It applies to every mentee who wrote something, whoever the mentor."""
    weight = settings.weights.words
    if not (weight > 0 and mentee.keywords):
        return None
    shared = [(units, word) for word, units in mentor.specific if word in mentee.keywords]
    x = float(sum(units for units, _word in shared))
    reason = ""
    if explain:
        named = _word_names(sorted(shared, key=lambda item: (-item[0], item[1])), mentee, mentor)
        reason = (
            _("Shared words: %(words)s") % {"words": ", ".join(named)}
            if named
            else _("No words in common with the mentor")
        )
    return weight * x / (x + _WORD_UNITS), weight, reason


_NAMED_WORDS = 3  # the shared words an explanation names at most (the rarest first)


def _word_names(shared: Sequence[tuple[int, str]], mentee: Mentee, mentor: Mentor) -> list[str]:
    """The shared words as the mentee (else the mentor) wrote them, at most :data:`_NAMED_WORDS`: a
    word outside the vocabulary by its family when neither wrote it in a request or a competency, a
    term of the vocabulary only when one of them did (its key is no Russian)."""
    written: dict[str, str] = {}
    for tag, text in (*mentee.words, *mentor.words):
        written.setdefault(tag, plain_words(text).split(" (")[0])
    families: dict[str, str] = {}
    for text in written.values():
        for key, base in family_names(text).items():
            families.setdefault(key, base)
    candidates = []
    for _units, word in shared:
        if word in written:
            candidates.append(shown_name(written[word]))
        elif word.startswith("w:"):  # a word family: the dictionary form of a word written, else its key
            base = families.get(word, word[2:])
            candidates.append((base, frozenset({base})))
    # a name another one already says is left out: «математика» beside «подготовка к олимпиаде по математике»
    names: list[str] = []
    for index, (name, said) in enumerate(candidates):
        inside = bool(said) and any(
            said < other or said == other and other_index < index
            for other_index, (_name, other) in enumerate(candidates)
            if other_index != index
        )
        if not inside and name.casefold() not in {kept.casefold() for kept in names}:
            names.append(name)
    return names[:_NAMED_WORDS]


_CRITERION_STEPS: tuple[tuple[str, Callable[..., _Found]], ...] = (
    ("requests", _requests_criterion),
    ("interests", _interests_criterion),
    ("preferences", _preferences_criterion),
    ("age_gap", _age_gap_criterion),
    ("subject", _subject_criterion),
    ("special_needs", _special_needs_criterion),
    ("load", _load_criterion),
    ("areas", _areas_criterion),
    ("grades", _grades_criterion),
    ("at_risk", _at_risk_criterion),
    ("availability", _availability_criterion),
    ("words", _words_criterion),
)


def _day_name(day: str, _: Callable[[str], str] = _) -> str:
    names = {
        "mon": _("Mon"),
        "tue": _("Tue"),
        "wed": _("Wed"),
        "thu": _("Thu"),
        "fri": _("Fri"),
        "sat": _("Sat"),
        "sun": _("Sun"),
    }
    return names[day]


def _preference_reason(by_mentee: int | None, by_mentor: int | None, _: Callable[[str], str] = _) -> str:
    if by_mentee is not None and by_mentor is not None:
        return _(
            "Mutual choice at the networking session: the mentee's choice no. %(mentee_rank)s, "
            "the mentor's choice no. %(mentor_rank)s"
        ) % {"mentee_rank": by_mentee + 1, "mentor_rank": by_mentor + 1}
    if by_mentee is not None:
        return _("The mentee chose this mentor at the networking session (choice no. %(rank)s)") % {
            "rank": by_mentee + 1
        }
    if by_mentor is not None:
        return _("The mentor chose this mentee at the networking session (choice no. %(rank)s)") % {
            "rank": by_mentor + 1
        }
    return _("They did not choose each other at the networking session")


def _gap_reason(rule: tuple[str, int, int, int], _: Callable[[str], str] = _, met: bool | None = None) -> str:
    kind, gap, low, high = rule
    values = {"gap": gap, "low": low, "high": high}
    within = low <= gap <= high
    if met and not within:
        return (
            _(
                "The mentor is %(gap)s grade(s) older — beyond %(low)s–%(high)s, but the mentee's grade is "
                "one the mentor asked for (counted in part)"
            )
            % values
        )
    if kind == "grade":
        if gap <= 0:
            return _("The mentor is not in an older grade: %(low)s–%(high)s grades older is needed") % values
        if within:
            return _("The mentor is %(gap)s grade(s) older — within %(low)s–%(high)s") % values
        return _("The mentor is %(gap)s grade(s) older — outside %(low)s–%(high)s") % values
    if within:
        return _("Age difference %(gap)s years — within %(low)s–%(high)s") % values
    return _("Age difference %(gap)s years — outside %(low)s–%(high)s") % values


def _subject_reason(mentee: Mentee, mentor: Mentor, same: bool, _: Callable[[str], str] = _) -> str:
    if same:
        if mentee.subject.strip().casefold() == mentor.subject.strip().casefold():
            return _("Same subject: %(subject)s") % {"subject": mentee.subject.strip()}
        return _("Same subject: %(subject)s") % {
            "subject": f"{mentee.subject.strip()} ≈ {mentor.subject.strip()}"
        }
    if not mentor.subject.strip():
        return _("The mentor's subject is not given")
    return _("Different subjects: %(mentee)s and %(mentor)s") % {
        "mentee": mentee.subject.strip(),
        "mentor": mentor.subject.strip(),
    }


def _memoised(translate: Callable[[str], str]) -> Callable[[str], str]:
    """``translate`` remembering its answers: one language for one run, thousands of reasons."""
    seen: dict[str, str] = {}

    def tr(message: str) -> str:
        found = seen.get(message)
        if found is None:
            found = seen[message] = translate(message)
        return found

    return tr


def _normalised(points: float, applicable: float) -> float:
    return 100.0 * points / applicable if applicable > 0 else 0.0


# The words. Several mentors often score exactly the same for a mentee by the other criteria (the
# same terms met, the same flags): a psychologist picks the one whose own words are most specifically
# about the mentee's. Each word the mentee wrote that the mentor wrote too counts _WORD_UNITS // (the
# number of the pool's mentors who wrote it) — a word only this mentor uses says more than one twenty
# share; one more than _WORD_UNITS mentors share says nothing — and the sum x of those weights gives
# x / (x + _WORD_UNITS) of the words criterion's weight (:func:`_words_criterion`). The weights are
# whole numbers, so every path sums them exactly and the score is the same float in each.
_WORD_UNITS = 60
_TOP = 100.0  # no score is above this


def specific_words(mentors: Sequence[Mentor]) -> list[Mentor]:
    """The mentors with :attr:`Mentor.specific` filled from their keywords: each word with its weight
    among these mentors (:data:`_WORD_UNITS` // how many of them wrote it), the words too common to
    weigh anything left out. Call it on the whole pool the engine will see."""
    counts: dict[str, int] = {}
    for mentor in mentors:
        for word in mentor.keywords:
            counts[word] = counts.get(word, 0) + 1
    out = []
    for mentor in mentors:
        weighed = tuple(
            (word, _WORD_UNITS // counts[word])
            for word in sorted(mentor.keywords)
            if counts[word] <= _WORD_UNITS
        )
        out.append(mentor if weighed == mentor.specific else replace(mentor, specific=weighed))
    return out


def _score(mentee: Mentee, mentor: Mentor, points: float, applicable: float) -> float:
    """The couple's score from its criteria's points and applicable weight: the same arithmetic as
    the vectorised and the compiled scorers."""
    return _normalised(points, applicable)


def score_pair(
    mentee: Mentee, mentor: Mentor, settings: Settings = Settings()
) -> tuple[float, tuple[Contribution, ...]] | None:
    """The couple's score 0..100 and its explanation, or None when a hard constraint forbids it."""
    if violation(mentee, mentor, settings) is not None:
        return None
    points, applicable, contributions = _criteria(mentee, mentor, settings, explain=True)
    return _score(mentee, mentor, points, applicable), contributions


# --------------------------------------------------------------------------------------------------
# Many couples at once: the same arithmetic with numpy

_SENTINEL = 10_000  # an unknown grade or age: far from every window
_BLOCK = 1 << 19  # couples scored at once (about 4 MB per float64 temporary)
_EPSILON = 0.5  # the auction's bid increment (scores are 0..100)
_AUCTION_ROUNDS = 3000  # bidding rounds at most (a price war only makes the prices rougher)
_AUCTION_PATIENCE = 250  # rounds of one auction before its increment doubles
_ROW_KEEP = 12  # mentors kept per mentee in the auction's graph
_COLUMN_KEEP = 4  # mentees kept per little-wanted mentor in the auction's graph
_THREADS = min(4, os.cpu_count() or 1)  # for scoring
_GAP = 1.0  # a better deal than this shown by the stored scores joins the auction's graph
_NEW_PER_ROW = 4  # deals added per mentee
_PHASES = 3  # times the stored scores are asked for better deals
_UNMATCHED_PER_MENTOR = 4  # of the mentees left out by the auction, the best for each mentor
_SELECT_MARGIN = 6.0  # couples within this of the best at the auction prices go to the exact solver
_SELECT_LIMIT = 16  # but at most this many per mentee (the best; equal ones drawn evenly)
_REPAIR_MARGIN = 3.0  # and those within this of the exact prices when the proof fails
_REPAIR_LIMIT = 6  # at most this many per mentee...
_VIOLATED_LIMIT = 64  # ...and this many violated ones, the most violated first...
_GROW_AFTER = 4  # ...doubled each round after this many, up to 64 times (wide ties: the graph grows faster)
_REPAIR_PER_MENTOR = 16  # ...and per mentor (the unmatched mentees of a tie all name the same few mentors)
_JITTER = 1e-3  # among couples this close, the ones kept are spread over mentors (ties)
_STORED_ROUNDS = 8  # graphs repaired from the stored couples alone before the proof, at most
_STORED_MANY = 10  # ...when at first they refute the prices on one couple per this many mentees or more
_MAX_ROUNDS = 30  # exact solves at most (each adds the couples the last prices failed on)
_TOLERANCE = 1e-7  # slack for the optimality certificate (scores are 0..100)
_TYPE_TABLE = 4_000_000  # the compressed solver's table of type couples, at most
_TYPE_SHARE = 0.5  # and it is used when one side has at most this many types per person
_TYPE_MIN = 400  # and there are at least this many mentees (below, the sparse solver is quicker)
_TYPE_EDGES = 16  # couples per type in its first graph; violated ones added per round
_TYPE_ROUNDS = 40  # linear programmes solved at most
_SLACK = 1e-9  # the compiled scorer's float64 scores are this close to numpy's (far closer, in fact)
_STORE_COUPLES = 24_000_000  # couples of the pool kept in memory at most (8 bytes each)...
_KEEP_MIN = 64  # ...but at least this many per mentee (the best; a bound stands for the others)
_KEEP_MAX = 256  # and at most this many (more only slows the scans of the store down)

# Called with (problem, slots, bonus, assigned, u, v) whenever an optimum is declared proved: u per
# mentee row and v per mentor column are the dual prices the proof rests on. For the tests, which
# check them against every couple with an independent scorer (weak duality), so that an unsound proof
# is caught even on the instances where it happens to reach the optimum.
_on_certificate: Callable[..., None] | None = None


def _bitsets(sets: Sequence[frozenset[str]], vocabulary: dict[str, int]) -> np.ndarray:
    """Each set as a row of 64-bit words (bit i = the i-th tag of the vocabulary)."""
    words = max(1, (len(vocabulary) + 63) // 64)
    known: dict[frozenset[str], int] = {}  # people share sets: each distinct one is summed once
    masks = []
    for tags in sets:
        mask = known.get(tags)
        if mask is None:
            mask = known[tags] = sum(1 << vocabulary[tag] for tag in tags if tag in vocabulary)
        masks.append(mask)
    bits = np.zeros((len(sets), words), dtype=np.uint64)
    for word in range(words):
        bits[:, word] = [(mask >> (64 * word)) & 0xFFFF_FFFF_FFFF_FFFF for mask in masks]
    return bits


def _availability_codes(people) -> tuple[np.ndarray, np.ndarray]:
    """(days as 7 bits, formats as 2 bits) of each person's availability."""
    known: dict[frozenset[str], tuple[int, int]] = {}  # most people give none, or the same few
    codes = []
    for p in people:
        code = known.get(p.availability)
        if code is None:
            code = known[p.availability] = (
                sum(1 << i for i, day in enumerate(DAYS) if day in p.availability),
                sum(1 << i for i, f in enumerate(FORMATS) if f in p.availability),
            )
        codes.append(code)
    both = np.array(codes, dtype=np.int32).reshape(-1, 2)
    return np.ascontiguousarray(both[:, 0]), np.ascontiguousarray(both[:, 1])


def _overlap(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """|A ∩ B| for bit sets whose last axis is the 64-bit word."""
    total = np.bitwise_count(a[..., 0] & b[..., 0])
    for word in range(1, a.shape[-1]):
        total = total + np.bitwise_count(a[..., word] & b[..., word])
    return total


def _jitter(rows: np.ndarray, width: int) -> np.ndarray:
    """A deterministic pseudo-random float32 in [0, _JITTER) per couple (row, column position).

    Added to scores only to choose among equal ones: without it every mentee would keep the same
    few of a thousand equally good mentors, and the graph would miss the places the others offer."""
    row_part = np.mod(rows.astype(np.float64) * 0.6180339887498949, 1.0).astype(np.float32)
    col_part = np.mod(np.arange(width) * 0.7548776662466927, 1.0).astype(np.float32)
    grid = np.add.outer(row_part, col_part)
    grid -= grid >= 1
    grid *= np.float32(_JITTER)
    return grid


def _classes(columns: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """(class of each item, first item of each class): items alike in every given column."""
    table = np.stack([np.asarray(c).astype(np.int64, copy=False) for c in columns], axis=1)
    _, first, inverse = np.unique(table, axis=0, return_index=True, return_inverse=True)
    return inverse.ravel().astype(np.int64), first.astype(np.int64)


class _Sum:
    """The running sums of :meth:`_Problem._scores`: points, applicable weight and the couples that
    fail a criterion required («обязательно»), added criterion by criterion in :func:`_criteria`'s order."""

    def __init__(self, dtype, required: frozenset[str], weight: np.ndarray) -> None:
        self.dtype = dtype
        self.required = required
        self.points: np.ndarray | float = 0.0
        self.weight = weight  # a view of the problem's arrays at first: never added to in place
        self.fail: np.ndarray | bool = False

    def require(self, name: str, failed: Callable[[], np.ndarray]) -> None:
        """Couples that fail criterion ``name`` (computed only if it is required) are forbidden."""
        if name in self.required:
            self.fail = self.fail | failed()

    def wants(self, name: str, weight: float) -> bool:
        """Whether criterion ``name`` counts: it has a weight or it is required."""
        return weight > 0 or name in self.required

    def add_rows(self, name: str, weight: float, rows: np.ndarray, cols: Callable[[], np.ndarray]) -> None:
        """A criterion of the mentee's flag (special needs, at risk) met by the mentor's."""
        if rows.any():
            self.add(name, weight, rows & cols(), rows)

    def add(self, name: str, weight: float, met, applies) -> None:
        """A criterion worth ``weight`` where it ``applies``, met where ``met``."""
        if weight > 0:
            self.points += self.dtype(weight) * met
            self.weight = self.weight + self.dtype(weight) * applies
        if name in self.required:
            self.fail = self.fail | (applies & ~met)

    def scores(self, no_load: bool) -> np.ndarray:
        """0..100 per couple; -1 where a required criterion fails."""
        weight = np.maximum(self.weight, np.finfo(self.dtype).tiny) if no_load else self.weight
        points = cast(np.ndarray, self.points)
        points *= self.dtype(100)
        points /= weight
        if isinstance(self.fail, np.ndarray) and self.fail.any():
            points[np.broadcast_to(self.fail, points.shape)] = -1.0
        return points


def _common_index(*sides: Iterable[AbstractSet[str]]) -> dict[str, int]:
    """A bit for each tag found on every side, in sorted order."""
    common = set.intersection(*({t for tags in side for t in tags} for side in sides))
    return {t: i for i, t in enumerate(sorted(common))}


def _fair_power(settings: Settings) -> float:
    """The power of the fairness objective's scores 100·(score/100)^power: 1 − 0.75 × the fairness."""
    return 1.0 - 0.75 * min(max(float(settings.fairness), 0.0), 1.0)


class _Problem:
    """The people as arrays, in a fixed order (mentees by form then id, mentors by id)."""

    def __init__(self, mentees: Sequence[Mentee], mentors: Sequence[Mentor], settings: Settings) -> None:
        self.settings = settings
        # the scores the solver sees are 100·(score/100)^power (concave, same order): 1 but in fair_view()
        self.power = 1.0
        self.threshold = self.concave(np.asarray(settings.min_score, dtype=np.float64))
        self.weights = settings.weights
        for name in CRITERIA:
            if getattr(self.weights, name) < 0:
                raise ValueError(f"weight {name} is negative")
        self.mentors = sorted(mentors, key=lambda m: m.id)
        self.mentees = sorted(mentees, key=lambda m: (m.form, m.id))
        if len({m.id for m in self.mentors}) != len(self.mentors):
            raise ValueError("mentor ids repeat")
        if len({m.id for m in self.mentees}) != len(self.mentees):
            raise ValueError("mentee ids repeat")
        self.mentee_index = {m.id: i for i, m in enumerate(self.mentees)}
        self.mentor_index = {m.id: j for j, m in enumerate(self.mentors)}
        self.n, self.k = len(self.mentees), len(self.mentors)

        # mentees (rows); the bits only for tags on both sides (the others never meet anything)
        offers = [_offer_bits(m) for m in self.mentors]
        if any(m.heavy for m in self.mentees):  # the copies of the bits of a heavy tag (_heavy_bits)
            offers = [_copied(offer) for offer in offers]
        tags, interests, areas = self._row_tags(offers)
        form_code = self._row_profile(settings)
        self._subjects()
        # mentors (columns)
        self._col_arrays(settings, offers, tags, interests, areas, form_code)
        self._keywords()

        # the constant part of the applicable weight, split where the pairwise parts come in
        w = self.weights
        self.row_weight_head = (w.requests if w.requests > 0 else 0.0) * self.req_weighed
        for name in settings.required:
            if name not in REQUIRABLE:
                raise ValueError(f"criterion {name} cannot be required")

        # couples with a networking choice, and couples that are forbidden whatever their score
        self._networking_choices()
        self._forbidden_couples(settings)
        self._cast: dict = {}
        self._types: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None = None
        self._table: tuple[np.ndarray, np.ndarray] | None = None

    def fair_view(self) -> _Problem:
        """The same people as the fairness objective sees them: every array shared, only the power of
        :meth:`concave` and the threshold it moves (and the scores by types, if any) anew."""
        view = copy.copy(self)
        view.power = _fair_power(self.settings)
        view.threshold = view.concave(np.asarray(self.settings.min_score, dtype=np.float64))
        view._table = None
        return view

    def _row_tags(
        self, offers: list[frozenset[str]]
    ) -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
        """The mentees' requests, interests and areas as bitsets; (the bit of each tag) for each."""
        offered = set().union(*offers)
        offered_half = any(_HALF in tag for tags in offers for tag in tags)

        def half(tags: frozenset[str], broad: frozenset[str]) -> frozenset[str]:
            return _half_bits(tags, broad) if offered_half else tags & broad

        req_half = [_heavy_bits(half(m.requests, m.broad), m.heavy) for m in self.mentees]
        req_named = [_heavy_bits(m.requests - m.broad, m.heavy) for m in self.mentees]
        area_half = [half(m.areas, m.broad) for m in self.mentees]
        tags = _common_index([named | h for named, h in zip(req_named, req_half, strict=True)], [offered])
        interests = _common_index((m.interests for m in self.mentees), (m.interests for m in self.mentors))
        areas = _common_index([m.areas | h for m, h in zip(self.mentees, area_half, strict=True)], [offered])
        self.req_bits = _bitsets(req_named, tags)
        self.req_broad_bits = _bitsets(req_half, tags)
        self.req_count = np.array(
            [_total_weight(m.requests, m.broad, m.heavy) for m in self.mentees], dtype=np.float64
        )
        self.req_any_broad = any(bool(h) for h in req_half) and bool(self.req_broad_bits.any())
        self.has_req = np.array([bool(m.requests) for m in self.mentees])
        self.req_weighed = np.array([_requests_weighed(m) for m in self.mentees], dtype=bool)
        self.int_bits = _bitsets([m.interests for m in self.mentees], interests)
        self.has_int = np.array([bool(m.interests) for m in self.mentees])
        self.area_bits = _bitsets([m.areas - m.broad for m in self.mentees], areas)
        self.area_broad_bits = _bitsets(area_half, areas)
        self.area_count = np.array([_total_weight(m.areas, m.broad) for m in self.mentees], dtype=np.float64)
        self.area_any_broad = any(bool(h) for h in area_half) and bool(self.area_broad_bits.any())
        self.has_area = np.array([bool(m.areas) for m in self.mentees])
        return tags, interests, areas

    def _row_profile(self, settings: Settings) -> dict[str, int]:
        """The mentees' other arrays (risk, availability, grade, age, needs, consent, form); the forms' codes."""
        self.row_at_risk = np.array([m.at_risk for m in self.mentees], dtype=bool)
        self.row_days, self.row_formats = _availability_codes(self.mentees)
        self.row_grade_raw = np.array(
            [-1 if m.grade is None else m.grade for m in self.mentees], dtype=np.int32
        )
        self.row_age_raw = np.array([-1 if m.age is None else m.age for m in self.mentees], dtype=np.int32)
        self.row_pref = np.array([bool(m.preferences) for m in self.mentees])
        low, high = settings.grade_gap
        self.row_grade = np.array(
            [_SENTINEL if m.grade is None else m.grade + low for m in self.mentees], dtype=np.int32
        )
        self.row_has_grade = np.array([m.grade is not None for m in self.mentees])
        self.grade_span = np.uint32(high - low) if high >= low else None
        low, high = settings.age_gap
        self.row_age = np.array(
            [_SENTINEL if m.age is None else m.age + low for m in self.mentees], dtype=np.int32
        )
        self.row_has_age = np.array([m.age is not None for m in self.mentees])
        self.age_span = np.uint32(high - low) if high >= low else None
        self.row_special = np.array([m.special_needs for m in self.mentees])
        self.row_consent = np.array([m.has_consent for m in self.mentees], dtype=bool)
        forms = sorted({m.form for m in self.mentees if m.form})
        form_code = {f: i for i, f in enumerate(forms)}
        self.row_form = np.array([form_code.get(m.form, -1) for m in self.mentees], dtype=np.int32)
        self.forms = forms
        return form_code

    def _subjects(self) -> None:
        """The subjects of both sides as bitsets over the subjects found on both."""
        row_subjects = [_subject_set(m) for m in self.mentees]
        col_subjects = [_subject_set(m) for m in self.mentors]
        subjects = _common_index(row_subjects, col_subjects)
        self.row_subject_bits = _bitsets(row_subjects, subjects)
        self.row_has_subject = np.array([bool(s) for s in row_subjects])
        self.col_subject_bits = _bitsets(col_subjects, subjects)

    def _col_arrays(
        self,
        settings: Settings,
        offers: list[frozenset[str]],
        tags: dict[str, int],
        interests: dict[str, int],
        areas: dict[str, int],
        form_code: dict[str, int],
    ) -> None:
        """The mentors' arrays (columns)."""
        self.col_comp = _bitsets(offers, tags)
        self.col_int = _bitsets([m.interests for m in self.mentors], interests)
        self.col_area = _bitsets(offers, areas)
        self.col_at_risk = np.array([m.at_risk_experience for m in self.mentors], dtype=bool)
        self.col_days, self.col_formats = _availability_codes(self.mentors)
        grades = [_grades_of(m) for m in self.mentors]
        self.col_has_pg = np.array([g is not None for g in grades], dtype=bool)
        # pupil mentors who named their grades (the gap rule yields to them: _gap_within)
        self.col_stated = np.array(
            [
                m.grade is not None and g is not None and g != _EVERY_GRADE
                for m, g in zip(self.mentors, grades, strict=True)
            ],
            dtype=bool,
        )
        self.col_pg_low = np.array([(g or (0, 0))[0] for g in grades], dtype=np.int32)
        self.col_pg_high = np.array([(g or (0, 0))[1] for g in grades], dtype=np.int32)
        self.col_has_pa = np.array([m.preferred_ages is not None for m in self.mentors], dtype=bool)
        self.col_pa_low = np.array([(m.preferred_ages or (0, 0))[0] for m in self.mentors], dtype=np.int32)
        self.col_pa_high = np.array([(m.preferred_ages or (0, 0))[1] for m in self.mentors], dtype=np.int32)
        self.col_pref = np.array([bool(m.preferences) for m in self.mentors])
        self.col_grade = np.array(
            [-_SENTINEL if m.grade is None else m.grade for m in self.mentors], dtype=np.int32
        )
        self.col_has_grade = np.array([m.grade is not None for m in self.mentors])
        self.col_age = np.array(
            [-_SENTINEL if m.age is None else m.age for m in self.mentors], dtype=np.int32
        )
        self.col_has_age = np.array([m.age is not None for m in self.mentors])
        self.col_special = np.array([m.special_needs_trained for m in self.mentors])
        self.capacity = np.array([max(m.capacity, 0) for m in self.mentors], dtype=np.int64)
        wl = self.weights.load
        self.col_load = np.array(
            [
                wl * max(m.capacity, 0) / (m.current_load + max(m.capacity, 0))
                if m.current_load + max(m.capacity, 0) > 0
                else 0.0
                for m in self.mentors
            ],
            dtype=np.float64,
        )
        self.col_available = np.array(
            [
                m.has_consent and m.capacity > 0 and (m.trained or not settings.require_training)
                for m in self.mentors
            ],
            dtype=bool,
        )
        self.col_forms = np.zeros((max(len(self.forms), 1), self.k), dtype=bool)
        for j, m in enumerate(self.mentors):
            for f in m.forms:
                if f in form_code:
                    self.col_forms[form_code[f], j] = True

    def _keywords(self) -> None:
        """The words of the words criterion (:func:`_words_criterion`), over the words some mentor
        weighs and some mentee wrote (the others never meet): each mentee's words (CSR by row:
        ``row_word``), and for each word the mentors who wrote it with its weight (CSR by word:
        ``word_col``, ``word_units``), which the compiled scorer walks from the mentee's words; the same
        by mentor for the vectorised one. ``row_has_words``: the mentees the criterion applies to."""
        self.row_has_words = np.array([bool(m.keywords) for m in self.mentees], dtype=bool)
        written = {word for m in self.mentees for word in m.keywords}
        index = _common_index([written], [{word for m in self.mentors for word, _units in m.specific}])
        self.words = len(index)
        row_words = [sorted(index[w] for w in m.keywords if w in index) for m in self.mentees]
        col_words = [sorted((index[w], units) for w, units in m.specific if w in index) for m in self.mentors]
        self.row_word_ptr = np.zeros(self.n + 1, dtype=np.int64)
        self.row_word_ptr[1:] = np.cumsum([len(w) for w in row_words])
        self.row_word = np.array([w for ws in row_words for w in ws], dtype=np.int64)
        col_ptr = np.zeros(self.k + 1, dtype=np.int64)
        col_ptr[1:] = np.cumsum([len(w) for w in col_words])
        col_word = np.array([w for ws in col_words for w, _units in ws], dtype=np.int64)
        col_units = np.array([units for ws in col_words for _w, units in ws], dtype=np.float64)
        col_of = np.repeat(np.arange(self.k, dtype=np.int64), np.diff(col_ptr))
        order = np.lexsort((col_of, col_word))  # by word, then mentor
        self.word_ptr = np.searchsorted(col_word[order], np.arange(self.words + 1)).astype(np.int64)
        self.word_col = np.ascontiguousarray(col_of[order])
        self.word_units = np.ascontiguousarray(col_units[order])
        self._word_matrices: tuple[Any, Any] | None = None
        # the types (:meth:`types`): people alike in their words too
        codes: dict[tuple, int] = {}
        self.row_word_code = np.array([codes.setdefault(tuple(ws), len(codes)) for ws in row_words], np.int64)
        codes = {}
        self.col_word_code = np.array([codes.setdefault(tuple(ws), len(codes)) for ws in col_words], np.int64)
        self.col_word_ptr, self.col_word, self.col_word_units = col_ptr, col_word, col_units

    def _word_sums(self, r, c, dense: bool) -> np.ndarray:
        """The weights of the words each couple shares (x of :func:`_words_criterion`), for a block
        (``r``: rows r0..r1, ``c``: columns) or paired arrays, by sparse products (whole numbers: exact
        sums)."""
        from scipy import sparse

        if self._word_matrices is None:
            by_row = sparse.csr_array(
                (np.ones(len(self.row_word)), self.row_word, self.row_word_ptr), shape=(self.n, self.words)
            )
            by_col = sparse.csr_array(
                (self.col_word_units, self.col_word, self.col_word_ptr), shape=(self.k, self.words)
            )
            self._word_matrices = (by_row, by_col)
        by_row, by_col = self._word_matrices
        if dense:
            block = by_row[r[0], :] @ by_col[c[1], :].T
            return np.asarray(block.toarray(), dtype=np.float64)
        rows, cols = r[0], c[0]
        out = np.empty(len(rows))
        step = 1 << 16  # couples at once: the products' memory stays small
        for a in range(0, len(rows), step):
            both = by_row[rows[a : a + step]].multiply(by_col[cols[a : a + step]])
            out[a : a + step] = np.asarray(both.sum(axis=1)).ravel()
        return out

    def _networking_choices(self) -> None:
        """The couples with a networking choice: ranks by each side and points, by mentee (CSR)."""
        n, k = self.n, self.k
        half_points = self.weights.preferences / 2
        choices: dict[tuple[int, int], list[int | None]] = {}
        for i, mentee in enumerate(self.mentees):
            for rank, mentor_id in enumerate(dict.fromkeys(mentee.preferences)):
                chosen_col = self.mentor_index.get(mentor_id)
                if chosen_col is not None:
                    choices.setdefault((i, chosen_col), [None, None])[0] = rank
        for j, mentor in enumerate(self.mentors):
            for rank, mentee_id in enumerate(dict.fromkeys(mentor.preferences)):
                chosen_row = self.mentee_index.get(mentee_id)
                if chosen_row is not None:
                    choices.setdefault((chosen_row, j), [None, None])[1] = rank
        pref_keys = sorted(i * k + j for i, j in choices)
        self.pref_key = np.array(pref_keys, dtype=np.int64)
        self.pref_row = self.pref_key // max(k, 1)
        self.pref_col = self.pref_key % max(k, 1)
        by_mentee, by_mentor, points = [], [], []
        for key in pref_keys:
            rank_by_mentee, rank_by_mentor = choices[divmod(key, k)]
            by_mentee.append(-1 if rank_by_mentee is None else rank_by_mentee)
            by_mentor.append(-1 if rank_by_mentor is None else rank_by_mentor)
            points.append(
                half_points * _rank_points(rank_by_mentee) + half_points * _rank_points(rank_by_mentor)
            )
        self.pref_by_mentee = np.array(by_mentee, dtype=np.int64)
        self.pref_by_mentor = np.array(by_mentor, dtype=np.int64)
        self.pref_points = np.array(points, dtype=np.float64)
        self.pref_indptr = np.searchsorted(self.pref_row, np.arange(n + 1))

    def _forbidden_couples(self, settings: Settings) -> None:
        """The couples forbidden whatever their score: the exclusions, a person with themself and a
        mentee with a specialist they refused."""
        n, k = self.n, self.k
        forbidden = {
            self.mentee_index[a] * k + self.mentor_index[b]
            for a, b in settings.exclusions
            if a in self.mentee_index and b in self.mentor_index
        }
        forbidden |= {
            i * k + self.mentor_index[m.id] for i, m in enumerate(self.mentees) if m.id in self.mentor_index
        }
        refusing = [(i, m.refused) for i, m in enumerate(self.mentees) if m.refused]
        if refusing:  # specialists refused: few pupils say so, and of the mentors only the specialists
            for j, mentor in enumerate(self.mentors):
                offered = _offered(mentor)
                forbidden |= {i * k + j for i, refused in refusing if refused & offered}
        self.forbidden_key = np.array(sorted(forbidden), dtype=np.int64)
        self.forbidden_row = self.forbidden_key // max(k, 1)
        self.forbidden_col = self.forbidden_key % max(k, 1)
        self.forbidden_indptr = np.searchsorted(self.forbidden_row, np.arange(n + 1))

    def types(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """(type of each mentee, type of each mentor, a mentee of each type, a mentor of each type).

        People of one type are interchangeable: alike in everything the score and the hard
        constraints read, so every couple of two types has one score. Whoever has a networking choice,
        is chosen, or is in an exclusion is a type alone. (Empty profiles: a few dozen types.)"""
        if self._types is None:
            n, k = self.n, self.k
            alone_rows = np.zeros(n, dtype=bool)
            alone_rows[self.pref_row] = True
            alone_rows[self.forbidden_row] = True
            alone_cols = np.zeros(k, dtype=bool)
            alone_cols[self.pref_col] = True
            alone_cols[self.forbidden_col] = True
            row_columns = [
                np.where(alone_rows, np.arange(n), -1),
                self.row_form,
                self.row_grade,
                self.row_has_grade,
                self.row_age,
                self.row_has_age,
                self.row_grade_raw,
                self.row_age_raw,
                self.row_has_subject,
                self.row_special,
                self.row_at_risk,
                self.row_days,
                self.row_formats,
                self.row_consent,
                self.has_req,
                self.req_weighed,
                self.has_int,
                self.has_area,
                self.req_count.view(np.int64),
                self.area_count.view(np.int64),
                self.row_word_code,
                self.row_has_words,
                *self.req_bits.view(np.int64).T,
                *self.req_broad_bits.view(np.int64).T,
                *self.int_bits.view(np.int64).T,
                *self.area_bits.view(np.int64).T,
                *self.area_broad_bits.view(np.int64).T,
                *self.row_subject_bits.view(np.int64).T,
            ]
            col_columns = [
                np.where(alone_cols, np.arange(k), -1),
                self.col_grade,
                self.col_has_grade,
                self.col_age,
                self.col_has_age,
                self.col_special,
                self.col_at_risk,
                self.col_days,
                self.col_formats,
                self.col_has_pg,
                self.col_pg_low,
                self.col_pg_high,
                self.col_has_pa,
                self.col_pa_low,
                self.col_pa_high,
                self.col_available,
                self.col_load.view(np.int64),
                self.col_word_code,
                *self.col_forms,
                *self.col_comp.view(np.int64).T,
                *self.col_int.view(np.int64).T,
                *self.col_area.view(np.int64).T,
                *self.col_subject_bits.view(np.int64).T,
            ]
            row_type, row_first = _classes(row_columns) if n else (np.zeros(0, np.int64),) * 2
            col_type, col_first = _classes(col_columns) if k else (np.zeros(0, np.int64),) * 2
            self._types = (row_type, col_type, row_first, col_first)
        return self._types

    def kernel_args(self, free_rows: np.ndarray) -> tuple:
        """The arrays and settings the compiled scorer (:mod:`pairing.kernel`) reads, after ``rows``
        and ``cols``: (problem arrays, settings vector, free, networking choices, forbidden)."""
        from . import kernel

        c = np.ascontiguousarray
        arrays = tuple(
            c(getattr(self, name))
            for name in (
                "req_bits",
                "req_broad_bits",
                "req_count",
                "has_req",
                "int_bits",
                "has_int",
                "area_bits",
                "area_broad_bits",
                "area_count",
                "has_area",
                "row_at_risk",
                "row_days",
                "row_formats",
                "row_grade_raw",
                "row_age_raw",
                "row_pref",
                "row_grade",
                "row_has_grade",
                "row_age",
                "row_has_age",
                "row_subject_bits",
                "row_has_subject",
                "row_special",
                "col_comp",
                "col_int",
                "col_area",
                "col_subject_bits",
                "col_at_risk",
                "col_days",
                "col_formats",
                "col_has_pg",
                "col_pg_low",
                "col_pg_high",
                "col_has_pa",
                "col_pa_low",
                "col_pa_high",
                "col_pref",
                "col_grade",
                "col_has_grade",
                "col_age",
                "col_has_age",
                "col_special",
                "col_load",
                "pref_points",
                "req_weighed",
                "row_word_ptr",
                "row_word",
                "word_ptr",
                "word_col",
                "word_units",
                "row_has_words",
            )
        )
        w, required = self.weights, self.settings.required
        vector = np.zeros(kernel.SIZE)
        for index, name in enumerate(
            (
                "requests",
                "interests",
                "preferences",
                "age_gap",
                "subject",
                "special_needs",
                "load",
                "areas",
                "grades",
                "at_risk",
                "availability",
            )
        ):
            vector[index] = float(getattr(w, name))
        for index, name in zip(
            range(kernel.REQ_REQ, kernel.REQ_AVAIL + 1),
            (
                "requests",
                "interests",
                "preferences",
                "age_gap",
                "subject",
                "special_needs",
                "areas",
                "grades",
                "at_risk",
                "availability",
            ),
            strict=True,
        ):
            vector[index] = float(name in required)
        vector[kernel.GRADE_SPAN] = -1.0 if self.grade_span is None else float(self.grade_span)
        vector[kernel.AGE_SPAN] = -1.0 if self.age_span is None else float(self.age_span)
        vector[kernel.POWER] = self.power
        vector[kernel.THRESHOLD] = float(self.threshold)
        vector[kernel.MAXIMISE] = float(self.settings.maximise_count)
        vector[kernel.SLACK] = _SLACK
        vector[kernel.BROAD] = _BROAD
        vector[kernel.REQ_BROAD_ANY] = float(self.req_any_broad)
        vector[kernel.AREA_BROAD_ANY] = float(self.area_any_broad)
        vector[kernel.RISK_ALONE] = _RISK_ALONE
        vector[kernel.STATED_GAP] = _STATED_GAP
        vector[kernel.W_WORDS] = float(w.words)
        vector[kernel.WORD_UNITS] = _WORD_UNITS
        vector[kernel.FAR] = float(_FAR)
        vector[kernel.FAR_WEIGHT] = _FAR_WEIGHT
        return (
            arrays,
            vector,
            c(free_rows.astype(bool)),
            c(self.pref_indptr.astype(np.int64)),
            c(self.pref_col.astype(np.int64)),
            c(self.forbidden_indptr.astype(np.int64)),
            c(self.forbidden_col.astype(np.int64)),
        )

    def dense(self, rows: np.ndarray, cols: np.ndarray, args: tuple) -> np.ndarray:
        """Scores of rows × cols (ascending), -inf where the couple may not be proposed (with the
        margin _SLACK: a superset of the eligible couples), by the compiled scorer."""
        from . import kernel

        return kernel.dense(
            np.ascontiguousarray(rows, dtype=np.int64), np.ascontiguousarray(cols, dtype=np.int64), *args
        )

    # -- scores -------------------------------------------------------------------------------------

    def _floats(self, dtype) -> dict[str, np.ndarray]:
        found = self._cast.get(dtype)
        if found is None:
            names = ("req_count", "area_count", "col_load", "row_weight_head")
            found = self._cast[dtype] = {name: getattr(self, name).astype(dtype) for name in names}
        return found

    def _scores(self, rows, cols, pref_scatter, dense: bool, dtype=np.float64) -> np.ndarray:
        """Scores of the couples rows × cols (dense: a block; else: paired arrays), no constraints.

        ``pref_scatter(points)`` adds the networking points in place. In float64 the operations are
        those of :func:`_criteria` in the same order, so the floats are the same; float32 (for the
        stored scores, which are only ever compared with a margin) is about twice as fast.
        """
        w = self.weights
        f = self._floats(dtype)
        r: tuple[Any, ...]  # the index of the rows and of the columns: a block's or paired arrays'
        c: tuple[Any, ...]
        if dense:
            r = (slice(rows[0], rows[1]), None)
            c = (None, cols)
        else:
            r, c = (rows,), (cols,)
        acc = _Sum(dtype, self.settings.required, f["row_weight_head"][r])
        req_none: Any = False  # couples where the mentee has requests and the mentor meets none
        if acc.wants("requests", w.requests):
            req_none = self._requests_points(acc, r, c, f)
        if acc.wants("interests", w.interests):
            self._interest_points(acc, r, c)
        if not isinstance(acc.points, np.ndarray):
            acc.points = np.zeros(
                np.broadcast_shapes(self.row_pref[r].shape, self.col_pref[c].shape), dtype=dtype
            )
        if acc.wants("preferences", w.preferences):
            self._preference_points(acc, r, c, pref_scatter)
        if acc.wants("age_gap", w.age_gap):
            within, compared = self._gap(r, c)
            self._gap_points(acc, r, c, within, compared)
        if acc.wants("subject", w.subject):
            rows_subject = self.row_has_subject[r]
            if rows_subject.any():
                same = _overlap(self.row_subject_bits[r], self.col_subject_bits[c]) > 0
                acc.add("subject", w.subject, same, rows_subject)
        if acc.wants("special_needs", w.special_needs):
            acc.add_rows("special_needs", w.special_needs, self.row_special[r], lambda: self.col_special[c])
        if w.load > 0:
            acc.points += f["col_load"][c]
            acc.weight = acc.weight + dtype(w.load)
        if acc.wants("areas", w.areas):
            self._area_points(acc, r, c, f)
        if acc.wants("grades", w.grades):
            self._grade_points(acc, r, c)
        if acc.wants("at_risk", w.at_risk):
            self._risk_points(acc, r, c, req_none)
        if acc.wants("availability", w.availability):
            applies, met = self._meet(r, c)
            acc.add("availability", w.availability, met, applies)
        self._word_points(acc, r, c, dense)
        return acc.scores(w.load <= 0)

    def _word_points(self, acc: _Sum, r, c, dense: bool) -> None:
        """The words criterion (:func:`_words_criterion`): its weight where the mentee wrote something,
        x / (x + _WORD_UNITS) of it for the weight x of the words the couple shares."""
        rows = self.row_has_words[r]
        if not (self.weights.words > 0 and rows.any()):
            return
        weight = acc.dtype(self.weights.words)
        if self.words:
            x = self._word_sums(r, c, dense).astype(acc.dtype, copy=False)
            acc.points += weight * x / (x + acc.dtype(_WORD_UNITS))
        acc.weight = acc.weight + weight * rows

    def _interest_points(self, acc: _Sum, r, c) -> None:
        shared = _overlap(self.int_bits[r], self.col_int[c]) > 0
        if self.weights.interests > 0:  # a bonus: counts only when they share something
            acc.points = acc.points + acc.dtype(self.weights.interests) * shared
            acc.weight = acc.weight + acc.dtype(self.weights.interests) * shared
        # «обязательно»: a hobby shared, or a request or area the mentor offers by name (a pupil who
        # named «Математика» shares it with the maths teacher, hobbies or not)
        acc.require(
            "interests",
            lambda: (
                self.has_int[r]
                & ~shared
                & (_overlap(self.req_bits[r], self.col_comp[c]) == 0)
                & (_overlap(self.area_bits[r], self.col_area[c]) == 0)
            ),
        )

    def _requests_points(self, acc: _Sum, r, c, f: dict[str, np.ndarray]) -> Any:
        """The requests met: the first points of the couples (replaces the 0 they start from). Returns
        where an at-risk mentee has requests and the mentor meets none (for the at-risk criterion), or
        False when no mentee of the rows is at risk."""
        w = self.weights
        direct = _overlap(self.req_bits[r], self.col_comp[c])  # named terms (and synonyms) only
        overlap = direct
        if self.req_any_broad:
            overlap = overlap + _BROAD * _overlap(self.req_broad_bits[r], self.col_comp[c])
        if w.requests > 0:
            acc.points = acc.dtype(w.requests) * overlap / f["req_count"][r]
        # «обязательно» is met by a named term, not by a shared broader term alone
        acc.require("requests", lambda: self.has_req[r] & (direct == 0))
        if w.requests > 0 and w.at_risk > 0 and self.row_at_risk[r].any():
            return self.has_req[r] & (acc.points == 0)
        return False

    def _risk_points(self, acc: _Sum, r, c, req_none) -> None:
        """At-risk experience: in full, or :data:`_RISK_ALONE` of it where no request is met."""
        rows = self.row_at_risk[r]
        if not rows.any():
            return
        met = rows & self.col_at_risk[c]
        if w_risk := self.weights.at_risk:
            if isinstance(req_none, np.ndarray):
                share = np.where(req_none, acc.dtype(_RISK_ALONE), acc.dtype(1.0))
                acc.points += acc.dtype(w_risk) * share * met
            else:
                acc.points += acc.dtype(w_risk) * met
            acc.weight = acc.weight + acc.dtype(w_risk) * rows
        if "at_risk" in acc.required:
            acc.fail = acc.fail | (rows & ~met)

    def _preference_points(self, acc: _Sum, r, c, pref_scatter) -> None:
        chosen = self.row_pref[r] | self.col_pref[c]
        if self.weights.preferences > 0:
            pref_scatter(acc.points)
            acc.weight = acc.weight + acc.dtype(self.weights.preferences) * chosen
        if "preferences" in acc.required:
            ranked = np.zeros(np.shape(acc.points), dtype=acc.dtype)
            pref_scatter(ranked, True)
            acc.require("preferences", lambda: chosen & (ranked == 0))

    def _area_points(self, acc: _Sum, r, c, f: dict[str, np.ndarray]) -> None:
        rows_area = self.has_area[r]
        if not rows_area.any():
            return
        direct = overlap = _overlap(self.area_bits[r], self.col_area[c])
        if self.area_any_broad:
            overlap = overlap + _BROAD * _overlap(self.area_broad_bits[r], self.col_area[c])
        if self.weights.areas > 0:  # an area the mentor names counts in full (the best area counts)
            weight = acc.dtype(self.weights.areas)
            acc.points += np.where(direct > 0, weight, weight * overlap / f["area_count"][r])
            acc.weight = acc.weight + acc.dtype(self.weights.areas) * rows_area
        acc.require("areas", lambda: rows_area & (overlap == 0))

    def _preferred(self, r, c) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(the mentor prefers grades or ages the mentee has, the mentee is within them, the mentee is
        far outside them: :func:`_far_outside`)."""
        by_grade = self.col_has_pg[c] & (self.row_grade_raw[r] >= 0)
        by_age = ~by_grade & self.col_has_pa[c] & (self.row_age_raw[r] >= 0)
        grade, age = self.row_grade_raw[r], self.row_age_raw[r]
        low, high = self.col_pg_low[c], self.col_pg_high[c]
        within = by_grade & (grade >= low) & (grade <= high)
        far = by_grade & ((grade <= low - _FAR) | (grade >= high + _FAR))
        low, high = self.col_pa_low[c], self.col_pa_high[c]
        within |= by_age & (age >= low) & (age <= high)
        far |= by_age & ((age <= low - _FAR) | (age >= high + _FAR))
        return by_grade | by_age, within, far

    def _grade_points(self, acc: _Sum, r, c) -> None:
        """The grades the mentor prefers: their weight where they apply, :data:`_FAR_WEIGHT` times
        where the mentee is far outside them."""
        applies, within, far = self._preferred(r, c)
        w = self.weights.grades
        if w > 0:
            acc.points += acc.dtype(w) * within
            factor = np.where(far, acc.dtype(_FAR_WEIGHT), applies.astype(acc.dtype))
            acc.weight = acc.weight + acc.dtype(w) * factor
        if "grades" in acc.required:
            acc.fail = acc.fail | (applies & ~within)

    def _meet(self, r, c) -> tuple[np.ndarray, np.ndarray]:
        """(both said when and how they can meet, they can)."""
        days_a, days_b = self.row_days[r], self.col_days[c]
        formats_a, formats_b = self.row_formats[r], self.col_formats[c]
        applies = ((days_a | formats_a) != 0) & ((days_b | formats_b) != 0)
        days_ok = (days_a == 0) | (days_b == 0) | ((days_a & days_b) != 0)
        formats_ok = (formats_a == 0) | (formats_b == 0) | ((formats_a & formats_b) != 0)
        return applies, applies & days_ok & formats_ok

    def _gap_points(self, acc: _Sum, r, c, within, compared) -> None:
        """The gap criterion: in full within the window, :data:`_STATED_GAP` of it for a pupil mentor
        older than the window's top whose mentee's grade is one the mentor named."""
        stated = self._stated_gap(r, c, within)
        if stated is None:
            acc.add("age_gap", self.weights.age_gap, within, compared)
            return
        w = self.weights.age_gap
        if w > 0:
            share = np.where(stated, acc.dtype(_STATED_GAP), within.astype(acc.dtype))
            acc.points += acc.dtype(w) * share
            acc.weight = acc.weight + acc.dtype(w) * compared
        if "age_gap" in acc.required:
            acc.fail = acc.fail | (compared & ~(within | stated))

    def _stated_gap(self, r, c, within: np.ndarray) -> np.ndarray | None:
        """The couples of a pupil mentor older than the window's top whose mentee's grade is one the
        mentor named (:func:`_gap_within`), or None when there are none to look at."""
        if self.grade_span is None or not self.col_stated[c].any():
            return None
        gap = self.col_grade[c] - self.row_grade[r]  # the grade gap minus the window's bottom
        grade = self.row_grade_raw[r]
        stated = (
            self.col_stated[c]
            & self.row_has_grade[r]
            & (gap > np.int32(self.grade_span))
            & (grade >= self.col_pg_low[c])
            & (grade <= self.col_pg_high[c])
        )
        return stated

    def _gap(self, r, c) -> tuple[np.ndarray, np.ndarray | bool]:
        """(within the window, the two could be compared) for the couples r × c: by grades when both
        have one, else by ages when both have one."""
        row_grade, col_grade = self.row_has_grade[r], self.col_has_grade[c]
        row_age, col_age = self.row_has_age[r], self.col_has_age[c]
        if row_grade.all() and col_grade.all():  # pupils mentoring pupils
            if self.grade_span is None:
                return np.zeros(np.broadcast_shapes(row_grade.shape, col_grade.shape), dtype=bool), True
            return (self.col_grade[c] - self.row_grade[r]).view(np.uint32) <= self.grade_span, True
        if not (row_grade.any() and col_grade.any()) and row_age.all() and col_age.all():  # adults
            if self.age_span is None:
                return np.zeros(np.broadcast_shapes(row_age.shape, col_age.shape), dtype=bool), True
            return (self.col_age[c] - self.row_age[r]).view(np.uint32) <= self.age_span, True
        by_grade = row_grade & col_grade
        by_age = ~by_grade & (row_age & col_age)
        within = np.zeros(by_grade.shape, dtype=bool)
        if self.grade_span is not None and by_grade.any():
            within |= by_grade & ((self.col_grade[c] - self.row_grade[r]).view(np.uint32) <= self.grade_span)
        if self.age_span is not None and by_age.any():
            within |= by_age & ((self.col_age[c] - self.row_age[r]).view(np.uint32) <= self.age_span)
        return within, by_grade | by_age

    def block(self, r0: int, r1: int, cols: np.ndarray, colpos: np.ndarray, dtype=np.float64) -> np.ndarray:
        """Dense scores of mentees r0..r1 against ``cols``; forbidden couples get -1."""

        def scatter(points: np.ndarray, mark: bool = False) -> None:
            a, b = self.pref_indptr[r0], self.pref_indptr[r1]
            if a < b:
                pos = colpos[self.pref_col[a:b]]
                keep = pos >= 0
                points[self.pref_row[a:b][keep] - r0, pos[keep]] += 1 if mark else self.pref_points[a:b][keep]

        scores = self.concave(self._scores((r0, r1), cols, scatter, True, dtype))
        a, b = self.forbidden_indptr[r0], self.forbidden_indptr[r1]
        if a < b:
            pos = colpos[self.forbidden_col[a:b]]
            keep = pos >= 0
            scores[self.forbidden_row[a:b][keep] - r0, pos[keep]] = -1.0
        return scores

    def concave(self, scores: np.ndarray) -> np.ndarray:
        """The scores as the solver sees them (unchanged unless fairness is asked for); -1 stays."""
        if self.power == 1.0:
            return scores
        positive = np.maximum(scores, 0) / scores.dtype.type(100)
        return np.where(scores > 0, scores.dtype.type(100) * positive**self.power, scores).astype(
            scores.dtype
        )

    def build_table(self) -> None:
        """Score every couple of types once: then :meth:`pairs` only looks the scores up."""
        row_type, col_type, row_first, col_first = self.types()
        scores, allowed = self.pairs(np.repeat(row_first, len(col_first)), np.tile(col_first, len(row_first)))
        self._table = (scores.reshape(len(row_first), -1), allowed.reshape(len(row_first), -1))

    def pairs(self, rows: np.ndarray, cols: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(scores, allowed) of the couples (rows[i], cols[i]); allowed = the hard constraints hold."""
        rows = np.asarray(rows, dtype=np.int64)
        cols = np.asarray(cols, dtype=np.int64)
        if self._table is not None:
            assert self._types is not None  # build_table() finds the types first
            row_type, col_type = self._types[0][rows], self._types[1][cols]
            return self._table[0][row_type, col_type], self._table[1][row_type, col_type]
        keys = rows * self.k + cols

        def scatter(points: np.ndarray, mark: bool = False) -> None:
            if len(self.pref_key):
                at = np.searchsorted(self.pref_key, keys).clip(max=len(self.pref_key) - 1)
                hit = self.pref_key[at] == keys
                points[hit] += 1 if mark else self.pref_points[at[hit]]

        if len(rows) == 0:
            return np.zeros(0), np.zeros(0, dtype=bool)
        scores = self.concave(self._scores(rows, cols, scatter, dense=False))
        form = self.row_form[rows]
        allowed = (form < 0) | self.col_forms[form.clip(min=0), cols]
        allowed &= self.row_consent[rows] & self.col_available[cols]
        if len(self.forbidden_key):
            at = np.searchsorted(self.forbidden_key, keys).clip(max=len(self.forbidden_key) - 1)
            allowed &= self.forbidden_key[at] != keys
        return scores, allowed

    def eligible(self, scores: np.ndarray, slack: float = 0.0) -> np.ndarray:
        """Couples worth proposing: at least the threshold, and above zero unless counting first.
        With ``slack`` (for float32 scores), a superset: nothing eligible is left out."""
        ok = scores >= self.threshold - slack
        if not self.settings.maximise_count:
            ok &= scores > 0  # a sum of non-negative points: zero in float32 exactly when zero
        return ok & (scores >= 0)


# --------------------------------------------------------------------------------------------------
# The scores of the pool: each mentee's best couples, and a bound on the others


@dataclass
class _Scored:
    """The pool — the mentees of a form (contiguous rows) × the mentors of that form with free
    places — scored once by the compiled scorer: each mentee's best couples kept (all of them when
    the pool is small), and for the others only a bound.

    ``rest[i]`` is the best stored-precision score of an eligible couple of mentee i that was not kept
    (-inf: every one was kept), so a question about the couples left out (is one worth more than the
    prices? would one block?) is answered by the bound for most mentees and by scoring again only the
    few whose bound leaves it open (:func:`_reopened`). Memory: ``keep`` couples per mentee, never the
    whole pool (100,000 × 34,000 is a billion couples)."""

    groups: list[tuple[int, int, np.ndarray]]  # (first row, end row, columns) of each form
    indptr: np.ndarray  # the kept couples by mentee (CSR): columns (int32) and scores
    cols: np.ndarray
    scores: np.ndarray
    rest: np.ndarray  # per mentee: no couple left out scores above this (-inf: none left out)
    best_any: np.ndarray  # per mentee: the best score of an allowed couple (-1: none), for the reasons
    group_cols: dict[int, np.ndarray]  # per form: the mentors with free places in it
    rows_small: np.ndarray  # the auction's small graph: each mentee's best mentors, lonely mentors' best
    cols_small: np.ndarray
    scores_small: np.ndarray
    args: tuple  # the compiled scorer's arguments
    min_price_group: np.ndarray  # per mentee: the index of its group (-1: none)
    slack: float = _SLACK  # how far a stored score may be from the exact one
    # the last optimum found on this pool (:func:`_solve_sparse`): its graph's couples, the pairs, the
    # prices and the bonus; and the graph and mentor prices to start from instead of the auction's
    # (another objective on the same pool: the fairness option)
    solved: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, float] | None = None
    first_graph: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None = None

    @property
    def rescored(self) -> _Rescored:
        found = getattr(self, "_rescored", None)
        if found is None:
            found = _Rescored(len(self.indptr) - 1)
            self._rescored = found
        return found

    @property
    def entry_rows(self) -> np.ndarray:
        found = getattr(self, "_entry_rows", None)
        if found is None:
            found = np.repeat(np.arange(len(self.indptr) - 1, dtype=np.int32), np.diff(self.indptr))
            self._entry_rows = found
        return found

    def group_min(self, values: np.ndarray) -> np.ndarray:
        """Per mentee: the least of ``values`` (per mentor) over the mentors of its form (+inf: none)."""
        out = np.full(len(self.indptr) - 1, np.inf)
        for start, end, cols in self.groups:
            if len(cols):
                out[start:end] = float(values[cols].min())
        return out


class _Rescored:
    """What the proof learnt when it scored mentees again, so that a later check scores again only
    their couples with the mentors that got cheaper since.

    When mentee i is scored again at a check with shifts s (mentor's price - bonus), the couples found
    near or above its price (at most a few per mentee) are ``listed`` (mentor, stored-precision score),
    and ``bound[i]`` is an upper bound of score(i, j) - s[j] over every other couple (i, j) left out of
    the store: the largest one scored and not listed (plus the scorer's slack), and for the mentors not
    scored (s[j] >= the limit of that check) the mentee's bound less the limit. At a later check with
    shifts s' and price u'[i], the listed couples are checked one by one, and a mentor with
    s'[j] >= s[j] gives score(i, j) - s'[j] - u'[i] <= bound[i] - u'[i]: when that is within the
    tolerance, only the mentors with s'[j] < s[j] can give another violated couple, and only those
    are scored (else the whole row again, a new list and a new bound). The shifts of each check that
    scored mentees again are kept (``shifts``; ``epoch[i]``: the one of ``bound[i]``, -1: never); a
    listed couple counts while its epoch is its mentee's."""

    def __init__(self, n: int) -> None:
        self.bound = np.full(n, np.inf)
        self.epoch = np.full(n, -1, dtype=np.int64)
        self.shifts: list[np.ndarray] = []
        self.rows = np.zeros(0, dtype=np.int64)
        self.cols = np.zeros(0, dtype=np.int64)
        self.scores = np.zeros(0)
        self.listed_epoch = np.zeros(0, dtype=np.int64)

    def listed(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The couples listed at the latest scoring of their mentee: (rows, columns, scores)."""
        current = self.listed_epoch == self.epoch[self.rows]
        if 2 * int(current.sum()) < len(current):  # the others are never needed again
            self.rows, self.cols = self.rows[current], self.cols[current]
            self.scores, self.listed_epoch = self.scores[current], self.listed_epoch[current]
            current = np.ones(len(self.rows), dtype=bool)
        return self.rows[current], self.cols[current], self.scores[current]

    def relist(self, rows: np.ndarray, cols: np.ndarray, scores: np.ndarray, epoch: int) -> None:
        self.rows = np.concatenate((self.rows, rows))
        self.cols = np.concatenate((self.cols, cols))
        self.scores = np.concatenate((self.scores, scores))
        self.listed_epoch = np.concatenate((self.listed_epoch, np.full(len(rows), epoch, dtype=np.int64)))


_LISTED = (np.int64, np.int64, np.float64)  # the dtypes of a _Rescored listing: rows, columns, scores


def _reopened(problem: _Problem, scored: _Scored, limit: np.ndarray, key: np.ndarray):
    """Dense blocks (rows, columns, scores; -inf where not eligible) covering every couple
    (i, j) left out of the store with ``key[j] < limit[i]`` — the couples the bound could not settle.
    Mentees with nothing left out, or with ``limit`` -inf, are not scored again."""
    limit = np.where(np.isfinite(scored.rest), limit, -np.inf)
    for start, end, cols in scored.groups:
        need = np.flatnonzero(limit[start:end] > -np.inf) + start
        if len(need) == 0 or len(cols) == 0:
            continue
        need = need[np.argsort(-limit[need], kind="stable")]
        col_key = key[cols]
        at = 0
        while at < len(need):
            top = limit[need[at]]
            use = cols[col_key < top]
            if len(use) == 0:
                break  # the others' limits are lower still
            step = max(1, 4 * _BLOCK // len(use))
            rows = need[at : at + step]
            at += step
            yield rows, use, problem.dense(rows, use, scored.args)


def _score_pool(problem: _Problem, slots: np.ndarray, free_rows: np.ndarray, done: Callable[[float], None]):
    """Score the pool with the compiled scorer, keep each mentee's best couples and a bound
    on the others, and build the auction's small graph."""
    from . import kernel

    n, k = problem.n, problem.k
    best_any = np.full(n, -1.0)
    rest = np.full(n, -np.inf)
    group_cols: dict[int, np.ndarray] = {}
    group_of = np.full(n, -1, dtype=np.int64)
    groups: list[tuple[int, int, np.ndarray]] = []
    boundaries = np.flatnonzero(np.diff(problem.row_form)) + 1
    starts = np.concatenate(([0], boundaries)).tolist() if n else []
    ends = np.concatenate((boundaries, [n])).tolist() if n else []
    args = problem.kernel_args(free_rows)
    free_total = int(free_rows.sum())
    keep = min(_KEEP_MAX, max(_KEEP_MIN, _STORE_COUPLES // max(free_total, 1)))
    counts = np.zeros(n, dtype=np.int64)
    parts_cols: list[np.ndarray] = []
    parts_scores: list[np.ndarray] = []
    tasks = []
    for start, end in zip(starts, ends, strict=True):
        form = int(problem.row_form[start])
        in_form = problem.col_forms[form] if form >= 0 else np.ones(k, dtype=bool)
        cols = np.flatnonzero(in_form & (slots > 0)).astype(np.int64)
        group_cols[form] = cols
        if len(cols) == 0 or not free_rows[start:end].any():
            continue
        group_of[start:end] = len(groups)
        groups.append((start, end, cols))
        rows = np.flatnonzero(free_rows[start:end]) + start
        step = max(1, 16 * _BLOCK // len(cols))
        tasks += [(rows[a : a + step], cols) for a in range(0, len(rows), step)]
    total = sum(len(r) * len(c) for r, c in tasks) or 1
    finished = 0
    for rows, cols in tasks:
        count, kept_cols, kept_scores, rows_rest, rows_best = kernel.best(
            rows, cols, min(keep, len(cols)), *args
        )
        best_any[rows] = rows_best
        rest[rows] = rows_rest
        counts[rows] = count
        mask = np.arange(kept_cols.shape[1])[None, :] < count[:, None]
        parts_cols.append(kept_cols[mask])
        parts_scores.append(kept_scores[mask])
        finished += len(rows) * len(cols)
        done(finished / total)
    cols_all = _cat(parts_cols, np.int32)  # the tasks are in row order
    scores_all = _cat(parts_scores, np.float64)
    del parts_cols, parts_scores
    indptr = np.concatenate(([0], np.cumsum(counts)))
    scored = _Scored(
        groups,
        indptr,
        cols_all,
        scores_all,
        rest,
        best_any,
        group_cols,
        np.zeros(0, np.int64),
        np.zeros(0, np.int64),
        np.zeros(0),
        args,
        group_of,
    )
    # the auction's small graph: each mentee's best few, equal ones drawn evenly over the mentors...
    rows_of = scored.entry_rows
    nothing = np.zeros(k)
    picked = np.flatnonzero(
        kernel.better(indptr, cols_all, scores_all, nothing, np.full(n, -np.inf), _ROW_KEEP, _JITTER)
    )
    small_cols = cols_all[picked]
    # ...and the mentors few mentees rank high get their best few mentees too: without them the
    # auction would leave them unsold, and their prices would mean nothing
    popularity = np.bincount(small_cols, minlength=k)
    lonely = popularity < 2 * slots + 2
    extra = kernel.column_top(cols_all, rows_of, scores_all, lonely[cols_all], k, _COLUMN_KEEP, _JITTER)
    chosen = np.zeros(len(cols_all), dtype=bool)  # the union, sorted (np.union1d sorts it all again)
    chosen[picked] = True
    chosen[extra] = True
    picked = np.flatnonzero(chosen)
    scored.rows_small = rows_of[picked].astype(np.int64)
    scored.cols_small = cols_all[picked].astype(np.int64)
    scored.scores_small = scores_all[picked].astype(np.float64)
    return scored


def _distinct(rows: np.ndarray, n: int) -> np.ndarray:
    """np.unique of row numbers below n, by counting (no sort, no hash)."""
    return np.flatnonzero(np.bincount(rows, minlength=n))


def _sorted_unique(keys: np.ndarray) -> np.ndarray:
    """np.unique by sorting (numpy's hashing unique is far slower on millions of distinct keys)."""
    keys = np.sort(keys)
    return keys[np.concatenate(([True], keys[1:] != keys[:-1]))] if len(keys) else keys


def _cat(parts: list[np.ndarray], dtype=np.float64) -> np.ndarray:
    return np.concatenate(parts).astype(dtype, copy=False) if parts else np.zeros(0, dtype=dtype)


def _outside(keys: np.ndarray, rows: np.ndarray, cols: np.ndarray, k: int):
    """The couples (rows, cols) not among the sorted ``keys`` (row · k + column) of a graph."""
    if len(keys) == 0 or len(rows) == 0:
        return rows, cols
    wanted = rows.astype(np.int64) * max(k, 1) + cols
    at = np.searchsorted(keys, wanted).clip(max=len(keys) - 1)
    new = keys[at] != wanted
    return rows[new], cols[new]


def _merge(keys: np.ndarray, graph, parts, k: int):
    """The graph (rows, cols, scores, sorted by ``keys`` = row · k + column, unique) with the couples
    of ``parts`` added, those already in it and duplicates left out: (rows, cols, scores, keys), still
    sorted. Inserting a few couples into a sorted graph instead of sorting it all again each round."""
    rows, cols, scores = (
        _cat([part[x] for part in parts], dtype) for x, dtype in enumerate((np.int64, np.int64, np.float64))
    )
    added = rows * max(k, 1) + cols
    order = np.argsort(added, kind="stable")
    added, rows, cols, scores = added[order], rows[order], cols[order], scores[order]
    first = np.concatenate(([True], added[1:] != added[:-1])) if len(added) else np.zeros(0, dtype=bool)
    if len(keys):
        at = np.searchsorted(keys, added).clip(max=len(keys) - 1)
        first &= keys[at] != added
    added, rows, cols, scores = added[first], rows[first], cols[first], scores[first]
    at = np.searchsorted(keys, added)
    return (
        np.insert(graph[0], at, rows),
        np.insert(graph[1], at, cols),
        np.insert(graph[2], at, scores),
        np.insert(keys, at, added),
    )


def _scan(
    scored: _Scored,
    price: np.ndarray,
    bonus: float,
    u: np.ndarray | None,
    margin: float,
    unmatched: np.ndarray | None = None,
    limit: int | None = None,
):
    """The kept couples whose reduced gain (score + bonus - mentor's price) is within ``margin`` of the
    mentee's price ``u`` (or, without ``u``, of the mentee's best reduced gain, 0 = staying unmatched).

    With ``unmatched`` (a mask of mentees), also each mentor's best few of those mentees: they set the
    mentor's price in the optimum, and without them the proof of optimality cannot hold.

    With ``limit``, at most that many couples per mentee: those of the largest reduced gain, equal ones
    drawn evenly over the mentors. (When scores tie widely nearly every couple is within any margin;
    kept whole, the graph would grow to millions of couples.)

    Only the kept couples are looked at: this chooses the graph; the proof (:func:`_violations`) looks
    at every couple."""
    from . import kernel

    rows_of = scored.entry_rows
    shift = (price - bonus).astype(np.float64)
    base = np.zeros(len(scored.indptr) - 1) if u is None else u.astype(np.float64)
    picked = np.flatnonzero(
        kernel.near(
            scored.indptr,
            scored.cols,
            scored.scores,
            shift,
            base,
            u is None,
            -float(margin),
            False,
            limit if limit is not None else 1 << 62,
            _JITTER,
        )
    )
    rows_out, cols_out = [rows_of[picked]], [scored.cols[picked].astype(np.int64)]
    if unmatched is not None:
        extra = kernel.column_top(
            scored.cols,
            rows_of,
            scored.scores,
            unmatched[rows_of],
            len(price),
            _UNMATCHED_PER_MENTOR,
            _JITTER,
        )
        rows_out.append(rows_of[extra])
        cols_out.append(scored.cols[extra].astype(np.int64))
    return _cat(rows_out, np.int64), _cat(cols_out, np.int64)


def _at_most(reduced: np.ndarray, low: np.ndarray, limit: int | None, r0: int):
    """(rows, columns) of the block where ``reduced >= low`` (per row), at most ``limit`` per row."""
    ok = reduced >= low[:, None]
    if limit is None or reduced.shape[1] <= limit:
        return np.nonzero(ok)
    counts = np.count_nonzero(ok, axis=1)
    many = np.flatnonzero(counts > limit)
    if len(many) == 0:
        return np.nonzero(ok)
    ok[many] = False
    r, c = np.nonzero(ok)
    width = reduced.shape[1]
    key = reduced[many] + _jitter(many + r0, width).astype(reduced.dtype)
    top = np.argpartition(key, width - limit, axis=1)[:, width - limit :]
    return np.concatenate((r, np.repeat(many, limit))), np.concatenate((c, top.ravel()))


def _slices(start, end, cols, matrix, blocks: int = 1):
    step = max(1, blocks * _BLOCK // max(len(cols), 1))
    for r0 in range(start, end, step):
        r1 = min(end, r0 + step)
        yield r0, r1, cols, matrix[r0 - start : r1 - start]


class _Auction:
    """Approximate dual prices of the mentors: a forward auction for the b-matching on a small graph
    (compiled, one bid at a time: :func:`pairing.flow.auction`).

    Each free mentee bids for the mentor with the best gain minus price, offering the difference to
    its second best (or to staying unmatched) plus ``epsilon``; a mentor keeps its best ``slots``
    offers and, once full, its price is the lowest of them. Prices only rise, so a mentee that finds
    nothing worth its price gives up for good. The prices end within ``epsilon`` of an equilibrium
    of the graph: a guess of the optimal dual prices, which tells the exact solver which couples matter.
    """

    def __init__(self, n_rows: int, slots: np.ndarray, epsilon: float) -> None:
        self.n_rows = n_rows
        self.slots = slots
        self.epsilon = epsilon
        self.price = np.zeros(len(slots))
        self.holder = np.full(n_rows, -1, dtype=np.int64)
        self.offer = np.zeros(n_rows)
        self.rows = np.zeros(0, dtype=np.int64)
        self.cols = np.zeros(0, dtype=np.int64)
        self.gains = np.zeros(0)
        self.rounds = 0

    def add(self, rows: np.ndarray, cols: np.ndarray, gains: np.ndarray) -> None:
        rows = np.concatenate((self.rows, rows))
        cols = np.concatenate((self.cols, cols))
        gains = np.concatenate((self.gains, gains))
        _, first = np.unique(rows * len(self.slots) + cols, return_index=True)  # by row, then column
        self.rows, self.cols, self.gains = rows[first], cols[first], gains[first]
        self.counts = np.bincount(self.rows, minlength=self.n_rows)
        self.indptr = np.concatenate(([0], np.cumsum(self.counts)))

    def held_value(self) -> np.ndarray:
        """What each mentee gets now: gain minus price of the mentor it holds, 0 when none."""
        value = np.zeros(self.n_rows)
        held = np.flatnonzero(self.holder >= 0)
        if len(held):
            k = len(self.slots)
            at = np.searchsorted(self.rows * k + self.cols, held * k + self.holder[held])
            value[held] = self.gains[at] - self.price[self.holder[held]]
        return value

    def run(self, active: np.ndarray, max_rounds: int = _AUCTION_ROUNDS) -> None:
        from . import flow

        active = active[(self.counts[active] > 0) & (self.holder[active] < 0)]
        if len(active) == 0:
            return
        bids = flow.auction(
            self.indptr.astype(np.int64),
            self.cols.astype(np.int64),
            self.gains.astype(np.float64),
            self.slots.astype(np.int64),
            self.price,
            self.holder,
            self.offer,
            active[::-1].astype(np.int64),  # popped from the end: the first mentees bid first
            float(self.epsilon),
            _AUCTION_PATIENCE,
            max_rounds * len(active),
        )
        self.rounds += -(-bids // len(active))  # in rounds of every active mentee bidding once


def _prices(scored: _Scored, slots: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray, int]:
    """Auction prices (in points of score) on the small graph; then, while the stored scores show
    mentees a clearly better deal than the one they hold (or than none), those deals join the graph
    and the mentees bid again. (prices, the mentor each mentee holds or -1, bidding rounds)"""
    from . import kernel

    auction = _Auction(n, slots, _EPSILON)
    auction.add(scored.rows_small, scored.cols_small, scored.scores_small)
    auction.run(_distinct(scored.rows_small, n))
    rows_of = scored.entry_rows
    for _phase in range(_PHASES):
        held = auction.held_value()
        picked = np.flatnonzero(
            kernel.better(
                scored.indptr, scored.cols, scored.scores, auction.price, held + _GAP, _NEW_PER_ROW, _JITTER
            )
        )
        if len(picked) == 0:
            break
        rows = rows_of[picked]
        auction.add(rows, scored.cols[picked].astype(np.int64), scored.scores[picked].astype(np.float64))
        active = _distinct(rows, n)
        auction.holder[active] = -1  # they leave their mentor (its price stays) and bid again
        auction.run(active)
    return auction.price, auction.holder, auction.rounds


# --------------------------------------------------------------------------------------------------
# The optimum on a sparse graph, and its proof


def _graph(rows, cols, gains, n_rows: int):
    """The couples by mentee (CSR: indptr, columns, gains), duplicates removed, for :mod:`pairing.flow`."""
    keys = rows.astype(np.int64) * (1 << 32) + cols
    keep: slice | np.ndarray
    if len(keys) > 1 and (keys[1:] > keys[:-1]).all():  # sorted and unique already (_merge)
        keep = slice(None)
    else:
        order = np.argsort(keys, kind="stable")
        keys = keys[order]
        keep = np.concatenate(([True], keys[1:] != keys[:-1])) if len(keys) else np.zeros(0, dtype=bool)
        rows, cols, gains = rows[order], cols[order], gains[order]
    rows, cols, gains = rows[keep], cols[keep], gains[keep]
    indptr = np.searchsorted(rows, np.arange(n_rows + 1)).astype(np.int64)
    return rows, cols.astype(np.int64), gains.astype(np.float64), indptr


def _assign(rows, cols, gains, slots, n_rows: int, prices: np.ndarray | None = None, start=None):
    """Maximum-gain b-matching on the given couples: each mentee at most once, mentor j at most
    slots[j] times, anybody free to stay without a pair. (the mentor of each mentee or -1, and the
    optimal dual prices u per mentee, v per mentor: u_i + v_j >= gain on every couple given, equal on
    the pairs made, u_i = 0 without a pair, v_j = 0 with a free place.)

    Solved exactly by the compiled Hungarian method (:func:`pairing.flow.solve`), started from the
    mentor ``prices`` guessed (an auction's, or the optimum of a smaller graph); the prices it
    returns are then recomputed as shortest distances (:func:`pairing.flow.distances`): the
    mentors' as high as the optimum allows, the mentees' as low, which proves the most couples left
    out of the graph useless.

    With ``start`` — (assigned, u, v): the optimum of a smaller graph and its prices — only the mentees
    whose couples those prices no longer hold are added again (the others keep their pairs)."""
    from . import flow

    n_cols = len(slots)
    slots = np.asarray(slots, dtype=np.int64)
    if len(rows) == 0:
        return np.full(n_rows, -1, dtype=np.int64), np.zeros(n_rows), np.zeros(n_cols)
    rows, cols, gains, indptr = _graph(rows, cols, gains, n_rows)
    guess = np.zeros(n_cols) if prices is None else np.maximum(np.asarray(prices, dtype=np.float64), 0.0)
    best = np.zeros(n_rows)
    np.maximum.at(best, rows, gains)
    if start is None:
        order = np.argsort(-best, kind="stable")
        assigned, u, v, _scanned = flow.solve(indptr, cols, gains, slots, order, guess)
    else:
        paired, values, guess = (np.asarray(x) for x in start)
        paired = paired.astype(np.int64)
        values = np.maximum(values.astype(np.float64), 0.0)
        guess = np.maximum(guess.astype(np.float64), 0.0)
        broken = np.zeros(n_rows, dtype=bool)
        broken[rows[gains - values[rows] - guess[cols] > 1e-9]] = True
        order = np.flatnonzero(broken)
        order = order[np.argsort(-best[order], kind="stable")]
        assigned, u, v, _scanned = flow.resume(indptr, cols, gains, slots, order, guess, paired, values)
    u, v = flow.distances(indptr, cols, gains, slots, assigned, u, v)
    return assigned, u, v


def _duality_gap(rows, cols, gains, slots, assigned, u, v) -> float:
    """How far prices (u, v) are from proving ``assigned`` optimal on the couples given, recomputed
    here rather than trusted: the dual objective (Σ u + Σ places × v, with each price raised to what
    the couples need) minus the assignment's total gain. 0 (up to rounding) proves the optimum on these
    couples; :func:`_violations` then checks every other couple against the same prices."""
    u = np.maximum(u, 0.0)
    v = np.maximum(v, 0.0)
    if len(rows):
        need = gains - u[rows] - v[cols]
        raise_by = np.zeros(len(u))
        np.maximum.at(raise_by, rows, need)
        u = u + raise_by
    matched = np.flatnonzero(assigned >= 0)
    keys = rows.astype(np.int64) * (1 << 32) + cols
    if len(keys) > 1 and (keys[1:] > keys[:-1]).all():
        order = np.arange(len(keys))
    else:
        order = np.argsort(keys, kind="stable")
    at = np.searchsorted(keys[order], matched.astype(np.int64) * (1 << 32) + assigned[matched])
    at = np.minimum(at, max(len(keys) - 1, 0))
    found = order[at] if len(keys) else at
    if len(matched) and not np.array_equal(
        keys[found], matched.astype(np.int64) * (1 << 32) + assigned[matched]
    ):
        return float("inf")  # a pair outside the couples: not an assignment of this graph
    if (np.bincount(assigned[matched], minlength=len(slots)) > slots).any():
        return float("inf")
    primal = float(gains[found].sum()) if len(matched) else 0.0
    return float(u.sum() + (slots * v).sum()) - primal


# --------------------------------------------------------------------------------------------------
# The whole run


def option_conflict(settings: Settings) -> str | None:
    """Why these options cannot be solved together (None: they can). The one rule the page, the
    command and the engine share: the stable assignment and the fairness objective each replace the
    highest total, so neither combines with the other, with «most pairs first» (stable) or with
    groups (whose members must stay with one mentor)."""
    if settings.stable and settings.fairness > 0:
        return _("Choose either the stable assignment or raising the worst pairs.")
    if settings.group_size >= 2 and (settings.stable or settings.fairness > 0):
        return _("Group matching cannot be combined with the stable assignment or raising the worst pairs.")
    if settings.stable and settings.maximise_count:
        return _("The stable assignment cannot also match as many as possible first: choose one.")
    return None


def match(
    mentees: Sequence[Mentee],
    mentors: Sequence[Mentor],
    settings: Settings = Settings(),
    progress: Progress | None = None,
) -> MatchResult:
    """The pairs with the largest total score (or, with ``maximise_count``, the most pairs and then
    the largest score), the people left without a pair and why, and the number of blocking couples."""

    last: list = [-1, ""]

    def report(percent: int, message: str) -> None:  # never backwards, never the same twice
        percent = max(last[0], percent)
        if progress is not None and [percent, message] != last:
            progress(percent, message)
        last[:] = [percent, message]

    conflict = option_conflict(settings)
    if conflict is not None:
        raise ValueError(conflict)
    report(0, _("Preparing the data"))
    problem = _Problem(mentees, mentors, settings)
    n = problem.n

    # locked pairs first: they keep their places
    locked_to, slots = _locked(problem, settings)
    free_rows = (locked_to < 0) & problem.row_consent
    bonus = 0.0
    if settings.maximise_count:  # one more pair is worth more than any difference of scores
        bonus = _TOP * (min(int(free_rows.sum()), int(slots.sum())) + 1)

    # 1. every couple of the pool, scored in blocks (not when people fall into few classes: then
    #    every question about the couples is answered class by class, see :mod:`pairing.classes`)
    by_types = _by_types(problem, settings, free_rows, slots)
    scored: _Scored | None = None
    if not by_types:
        report(5, _("Scoring the pairs"))
        scored = _score_pool(
            problem, slots, free_rows, lambda done: report(5 + 5 * int(9 * done), _("Scoring the pairs"))
        )

    group_of = np.zeros(n, dtype=np.int64)
    if settings.group_size >= 2:
        report(50, _("Forming groups of mentees with similar requests"))
        assigned, group_of, stats = _group_matching(problem, scored, free_rows, slots, bonus, report)
    elif scored is None:
        assigned, stats = _solve_types(problem, free_rows, slots, bonus, report)
    else:
        assigned, stats = _optimum(problem, scored, free_rows, slots, bonus, report)
    if settings.stable or settings.fairness > 0:
        assigned = _with_option(problem, scored, assigned, stats, locked_to, free_rows, slots, bonus, report)

    # 4. the answer
    report(90, _("Preparing the explanations"))
    final = assigned.copy()
    final[locked_to >= 0] = locked_to[locked_to >= 0]
    pairs, total = _proposed(problem, final, locked_to, group_of)
    found = _blocking_by_types(problem, final) if scored is None else None
    if found is None:
        if scored is None:
            scored = _score_pool(problem, slots, free_rows, lambda done: None)
        found = _blocking(problem, scored, final, locked_to, slots)
    blocking, listed = found
    if scored is None:
        group_cols, best_any = _reasons_by_types(problem, slots)
    else:
        group_cols, best_any = scored.group_cols, scored.best_any
    unmatched = _unmatched(problem, final, group_cols, best_any)
    if settings.maximise_count:
        stats["most_pairs"] = 1.0  # the proof (if any) is of the most pairs, then the highest total
    report(100, _("Done"))
    return MatchResult(tuple(pairs), tuple(unmatched), total, blocking, stats, listed)


def _locked(problem: _Problem, settings: Settings) -> tuple[np.ndarray, np.ndarray]:
    """The curator's locked pairs: each mentee's locked mentor (-1: none) and the places left to
    every mentor (none for a mentor not available)."""
    locked_to = np.full(problem.n, -1, dtype=np.int64)
    slots = problem.capacity.copy()
    for mentee_id, mentor_id in settings.locked:
        i, j = problem.mentee_index.get(mentee_id), problem.mentor_index.get(mentor_id)
        if i is None or j is None:
            raise ValueError(f"locked pair ({mentee_id}, {mentor_id}) names an unknown person")
        if locked_to[i] >= 0:
            raise ValueError(f"mentee {mentee_id} is locked twice")
        locked_to[i] = j
        slots[j] -= 1
    slots = np.maximum(slots, 0)
    slots[~problem.col_available] = 0
    return locked_to, slots


def _with_option(
    problem: _Problem,
    scored: _Scored | None,
    assigned: np.ndarray,
    stats: dict[str, float],
    locked_to: np.ndarray,
    free_rows: np.ndarray,
    slots: np.ndarray,
    bonus: float,
    report: Callable[[int, str], None],
) -> np.ndarray:
    """The assignment under the stable or the fairness option instead of the optimum ``assigned``;
    the option's cost (the optimum's total and worst pair) and its proof into ``stats``. Without
    ``scored`` (people in few classes) both are answered class by class."""
    settings = problem.settings
    # the curator's locked pairs are in the option's total, pairs and worst pair: in the optimum's too
    optimum_scores = np.concatenate([_scores_of(problem, assigned), _locked_scores(problem, locked_to)])
    stats["optimum_total"] = float(optimum_scores.sum())
    stats["optimum_pairs"] = float(len(optimum_scores))
    stats["optimum_worst"] = float(optimum_scores.min()) if len(optimum_scores) else 0.0
    if settings.stable:
        report(70, _("Looking for a stable assignment"))
        if scored is not None:
            assigned = _deferred_acceptance(problem, scored, free_rows, slots)
        else:
            # the highest total is kept when nobody blocks it (cheap to ask class by class): then
            # it is stable and gives nothing up; else deferred acceptance
            optimum = assigned.copy()
            optimum[locked_to >= 0] = locked_to[locked_to >= 0]
            found = _blocking_by_types(problem, optimum)
            if found is None or found[0] > 0:
                assigned = _deferred_acceptance_by_types(problem, free_rows, slots)
        stats["stable"] = 1.0
        # the proof above was of the highest total, which the stable assignment gives up: no claim
        stats["certified"], stats["gap"] = float("nan"), float("nan")
        return assigned
    report(70, _("Raising the worst pairs"))
    fair = problem.fair_view()
    if scored is None:  # the same classes: the fair objective's optimum class by class too
        assigned, fair_stats = _solve_types(fair, free_rows, slots, bonus, report)
    else:
        fair_scored = _fair_store(fair, scored, free_rows)
        assigned, fair_stats = _optimum(fair, fair_scored, free_rows, slots, bonus, report)
        del fair_scored
    del fair
    stats["fairness"] = float(settings.fairness)
    # the proof is of the fair objective's optimum
    stats["certified"], stats["gap"] = fair_stats["certified"], fair_stats["gap"]
    return assigned


def _fair_store(fair: _Problem, scored: _Scored, free_rows: np.ndarray) -> _Scored:
    """The pool's store as the fairness objective sees it, without scoring the pool again: its
    transform (:meth:`_Problem.concave`) is increasing, so each mentee's best couples are the same
    ones and the transformed bound still bounds the couples left out. Stored scores are transformed
    as the compiled scorer would transform its own (the same rounding margin); a couple the fair
    threshold no longer lets in (within the margin of the threshold only) is dropped. Couples scored
    again by the proof are scored by the fair objective (``args``)."""
    scores = fair.concave(scored.scores)
    kept = fair.eligible(scores, scored.slack)
    indptr = np.concatenate(
        ([0], np.cumsum(np.bincount(scored.entry_rows[kept], minlength=len(scored.rest))))
    )
    small = fair.concave(scored.scores_small)
    small_kept = fair.eligible(small, scored.slack)
    return replace(
        scored,
        indptr=indptr,
        cols=scored.cols[kept],
        scores=scores[kept],
        rest=fair.concave(scored.rest),
        best_any=fair.concave(scored.best_any),
        rows_small=scored.rows_small[small_kept],
        cols_small=scored.cols_small[small_kept],
        scores_small=small[small_kept],
        args=fair.kernel_args(free_rows),
        solved=None,
        first_graph=_fair_start(fair, scored),
    )


def _fair_start(
    fair: _Problem, scored: _Scored
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None:
    """The fairness objective's first graph and mentor prices, from the optimum of the highest total on
    the same pool (``scored.solved``): its graph, and each mentor's price in the fair objective's
    points — what its pair would lose giving up the mentor's price in score (the least over its
    pairs). Only a start: the solve and its proof do not rest on it."""
    if scored.solved is None:
        return None
    rows, cols, assigned, u, v, bonus = scored.solved
    paired = np.flatnonzero(assigned >= 0)
    mentor = assigned[paired]
    score = np.maximum(u[paired] + v[mentor] - bonus, 0.0)  # a pair's score: its prices' sum
    lost = fair.concave(score) - fair.concave(np.maximum(score - v[mentor], 0.0))
    price = np.full(len(v), np.inf)
    np.minimum.at(price, mentor, lost)
    price = np.where(np.isfinite(price), np.maximum(price, 0.0), 0.0)
    start = assigned.copy()
    values = np.zeros(len(assigned))
    values[paired] = fair.concave(score) + bonus - price[mentor]
    start[values < 0] = -1
    values = np.maximum(values, 0.0)
    return rows, cols, price, start, values


def _locked_scores(problem: _Problem, locked_to: np.ndarray) -> np.ndarray:
    """The scores of the curator's locked pairs, as :func:`_proposed` counts them (a locked pair may break
    a rule the engine's own pairs keep)."""
    rows = np.flatnonzero(locked_to >= 0).tolist()
    settings = problem.settings
    found = [
        _score(
            problem.mentees[i],
            problem.mentors[locked_to[i]],
            *_criteria(problem.mentees[i], problem.mentors[locked_to[i]], settings, False)[:2],
        )
        for i in rows
    ]
    return np.array(found, dtype=np.float64)


def _proposed(
    problem: _Problem, final: np.ndarray, locked_to: np.ndarray, group_of: np.ndarray
) -> tuple[list[ProposedPair], float]:
    """The pairs of ``final`` with their explanations (locked pairs and groups said so), by mentee,
    and their total score."""
    settings = problem.settings
    pairs: list[ProposedPair] = []
    total = 0.0
    tr = _memoised(_)
    group_reasons: dict[int, str] = {}
    for i in np.flatnonzero(final >= 0).tolist():
        mentee, mentor = problem.mentees[i], problem.mentors[final[i]]
        points, applicable, contributions = _criteria(mentee, mentor, settings, True, tr)
        value = _score(mentee, mentor, points, applicable)
        is_locked = bool(locked_to[i] >= 0)
        if is_locked:
            extra = [Contribution("locked", 0.0, _("Pair fixed by the curator"))]
            broken_rule = violation(mentee, mentor, settings)
            if broken_rule is not None:
                extra.append(Contribution("constraint", 0.0, broken_rule))
            contributions = (*contributions, *extra)
        total += value
        group = int(group_of[i])
        if group:
            if group not in group_reasons:
                group_reasons[group] = _group_reason(problem, np.flatnonzero(group_of == group).tolist())
            contributions = (*contributions, Contribution("group", 0.0, group_reasons[group]))
        pairs.append(ProposedPair(mentee.id, mentor.id, int(value + 0.5), contributions, is_locked, group))
    pairs.sort(key=lambda p: p.mentee)
    return pairs, total


def _group_reason(problem: _Problem, members: list[int]) -> str:
    """One line for every member of a group: its size and the requests its members share, named once for
    the whole group — in the words of its first member who wrote them, as names («математика», not
    «математике») — so the members of one group do not read one request in three wordings («алгебра»,
    «математика»). A group of mentees with no request yet (formed by grade or age) says so."""
    if not any(problem.mentees[m].requests for m in members):
        return _(
            "Group of %(count)s mentees with one mentor; none of them has written a request yet: grouped by grade or age"
        ) % {"count": len(members)}
    shared = frozenset.intersection(*(problem.mentees[m].requests for m in members))
    names: list[str] = []
    if shared:
        namer = next(
            (
                problem.mentees[m]
                for m in members
                if shared & {tag for tag, _text in problem.mentees[m].words}
            ),
            problem.mentees[members[0]],
        )
        names = list(dict.fromkeys(map(nominative, _names(shared, namer))))
    return _("Group of %(count)s mentees with one mentor; shared requests: %(tags)s") % {
        "count": len(members),
        "tags": ", ".join(names) or "—",
    }


def _cluster(problem: _Problem, free_rows: np.ndarray, size: int) -> np.ndarray:
    """Groups of up to ``size`` mentees of one form with similar requests: a group number per mentee
    (1, 2, …; 0 for those not free). Greedy: the mentee with the most requests left opens a group and
    takes the most similar others (Jaccard similarity of the requests, then the nearest grade or age);
    mentees with no request group by grade. A mentee like no other stays alone (a pair).

    Mentees alike in their requests and grade (a kind) are interchangeable here but for their order,
    so each step compares the kinds left, not every mentee left (the first of a kind stands for it)."""
    n = problem.n
    group = np.zeros(n, dtype=np.int64)
    count = np.array([len(m.requests) + (_HEAVY - 1) * len(m.heavy) for m in problem.mentees], dtype=np.int64)
    level = np.where(
        problem.row_has_grade, problem.row_grade, np.where(problem.row_has_age, problem.row_age, 0)
    ).astype(np.int64)
    boundaries = np.flatnonzero(np.diff(problem.row_form)) + 1
    number = 0
    for start, end in zip(
        np.concatenate(([0], boundaries)).tolist(), np.concatenate((boundaries, [n])).tolist(), strict=True
    ):
        rows = np.arange(start, end)[free_rows[start:end]]
        if len(rows) == 0:
            continue
        number = _cluster_form(problem.req_bits, count, level, rows, size, group, number)
    return group


def _cluster_form(bits, count, level, rows, size: int, group: np.ndarray, number: int) -> int:
    """:func:`_cluster` for the free mentees ``rows`` of one form (ascending); numbers the groups from
    ``number`` + 1 into ``group`` and returns the last number."""
    words = bits[rows].view(np.int64).reshape(len(rows), -1)
    key = np.concatenate((words, count[rows, None], level[rows, None]), axis=1)
    _unique, first, kind = np.unique(key, axis=0, return_index=True, return_inverse=True)
    kind = kind.ravel()
    order = np.argsort(kind, kind="stable")  # each kind's mentees, ascending
    members_of = rows[order]
    begin = np.searchsorted(kind[order], np.arange(len(first)))
    end = np.append(begin[1:], len(rows))
    at = begin.copy()
    kind_of = np.zeros(len(bits), dtype=np.int64)
    kind_of[rows] = kind
    kind_bits, kind_count, kind_level = bits[rows[first]], count[rows[first]], level[rows[first]]
    # the seeds in order: the most requests, then the first mentee left (a heap of the kinds by that
    # key; an entry whose kind has since given its first mentee is stale and skipped)
    seeds = [(-int(c), int(members_of[a]), k) for k, (c, a) in enumerate(zip(kind_count, begin, strict=True))]
    heapq.heapify(seeds)
    changed: list[int] = []

    def take(k: int) -> int:
        person = int(members_of[at[k]])
        at[k] += 1
        changed.append(k)
        return person

    while True:
        while seeds and not (
            at[seeds[0][2]] < end[seeds[0][2]] and members_of[at[seeds[0][2]]] == seeds[0][1]
        ):
            heapq.heappop(seeds)
        if not seeds:
            return number
        seed_kind = heapq.heappop(seeds)[2]
        members = [take(seed_kind)]
        if kind_count[seed_kind]:
            common = kind_bits[seed_kind].copy()
            # only the kinds left sharing a request with the seed can join (the others' similarity is 0)
            among = np.flatnonzero((at < end) & (kind_bits & common[None, :]).any(axis=1))
            bits_among, count_among = kind_bits[among], kind_count[among]
            own = _overlap(common[None, :], bits_among)
            while len(members) < size:
                left = at[among] < end[among]
                shared = _overlap(common[None, :], bits_among).astype(np.float64)
                similarity = shared / np.maximum(kind_count[seed_kind] + count_among - own, 1)
                near = np.flatnonzero(left & (similarity > 0))
                if len(near) == 0:
                    break
                head = members_of[at[among[near]]]
                distance = np.abs(kind_level[among[near]] - kind_level[seed_kind])
                best = int(among[near[np.lexsort((head, distance, -similarity[near]))[0]]])
                members.append(take(best))
                common &= kind_bits[best]
        else:
            near = np.flatnonzero((at < end) & (kind_count == 0))
            firsts = [members_of[at[k] : min(end[k], at[k] + size - 1)] for k in near.tolist()]
            people = np.concatenate(firsts) if firsts else np.zeros(0, np.int64)
            chosen = people[np.lexsort((people, np.abs(level[people] - kind_level[seed_kind])))][: size - 1]
            members += chosen.tolist()
            # each kind gave its first ones (people of a kind share a level: the chosen are a prefix)
            gave = np.bincount(kind_of[chosen], minlength=len(at))
            at += gave
            changed.extend(np.flatnonzero(gave).tolist())
        number += 1
        group[np.array(members)] = number
        for k in set(changed):  # the kinds that gave mentees: their next one, if any, as a seed
            if at[k] < end[k]:
                heapq.heappush(seeds, (-int(kind_count[k]), int(members_of[at[k]]), k))
        changed.clear()


def _group_matching(problem: _Problem, scored: _Scored | None, free_rows, slots, bonus: float, report):
    """Group matching: mentees grouped by similar requests, each group given to one mentor with places
    for all of it (the largest total of its members' scores; every member must be allowed with the
    mentor). Groups of up to ``group_size`` as places allow: a mentor may take several groups, and
    when no group fits the places left, smaller groups are formed. Then the mentees no group took are
    matched one by one with the places left. Without ``scored`` (people in few classes) each round's
    groups and mentors are matched class by class (:func:`_group_mentors_by_types`), and the pool is
    scored only if the groups fall into too many kinds for that.
    (assigned, group per mentee — 0 when matched alone — and stats)"""
    n, k = problem.n, problem.k
    assigned = np.full(n, -1, dtype=np.int64)
    group_of = np.zeros(n, dtype=np.int64)
    left_rows, left_slots = free_rows.copy(), slots.copy()
    limit, offset = problem.settings.group_size, 0
    report(60, _("Finding the best assignment"))
    while left_rows.any():
        limit = min(limit, int(left_slots.max(initial=0)))
        if limit < 2:
            break
        cluster = _cluster(problem, left_rows, limit)
        members = np.bincount(cluster, minlength=1)
        mentor_of = None
        if scored is None:
            mentor_of = _group_mentors_by_types(problem, cluster, members, left_slots, bonus)
            if mentor_of is None:  # too many kinds of groups: the pool after all
                scored = _score_pool(problem, slots, free_rows, lambda done: None)
        if mentor_of is None:
            assert scored is not None
            mentor_of = _group_mentors(problem, scored, cluster, members, left_slots, bonus)
        grouped = (cluster > 0) & (mentor_of[cluster] >= 0) & (members[cluster] >= 2)
        if not grouped.any():  # no group of this size fits: smaller ones
            limit -= 1
            continue
        assigned[grouped] = mentor_of[cluster[grouped]]
        group_of[grouped] = cluster[grouped] + offset
        offset += int(cluster.max())
        left_rows &= ~grouped
        left_slots = left_slots - np.bincount(mentor_of[cluster[grouped]], minlength=k)
    # the others one by one, with the places the groups left
    stats: dict[str, float] = {}
    rest, stats["candidate_edges"] = _singles(problem, left_rows, left_slots, bonus, report)
    assigned[left_rows] = rest[left_rows]
    if problem.settings.maximise_count and (group_of > 0).any():
        _cover_most(problem, free_rows, slots, bonus, report, assigned, group_of)
    stats["groups"] = float(len(np.unique(group_of[group_of > 0])))
    # number the groups 1, 2, … in mentee order
    _values, renumbered = np.unique(group_of, return_inverse=True)
    group_of = np.where(group_of > 0, renumbered.ravel() + (0 if (group_of == 0).any() else 1), 0)
    stats["certified"] = float("nan")  # the groups are formed greedily: no proof of the optimum
    stats["gap"] = float("nan")
    return assigned, group_of, stats


def _singles(
    problem: _Problem, rows: np.ndarray, slots: np.ndarray, bonus: float, report
) -> tuple[np.ndarray, float]:
    """The optimum of the mentees of ``rows`` one by one with ``slots`` (as :func:`_optimum` would,
    without the pool where the classes allow): the mentor of each row (-1: none) and the candidate edges."""
    if not (rows.any() and (slots > 0).any()):
        return np.full(problem.n, -1, dtype=np.int64), 0.0
    if _compressible(problem, rows, slots):
        found, found_stats = _solve_types(problem, rows, slots, bonus, report)
    else:
        scored = _score_pool(problem, slots, rows, lambda done: None)
        found, found_stats = _solve_sparse(problem, scored, slots, bonus, report)
    return found, found_stats.get("candidate_edges", 0.0)


_COVER_TRIES = 20


def _cover_most(problem: _Problem, free_rows, slots, bonus: float, report, assigned, group_of) -> None:
    """«Most pairs first» with groups: the groups, formed greedily, must not leave out a mentee whom
    the places could have taken (a group filling the only places a mentee with a required criterion
    may have). When they cover fewer mentees than the optimum one by one does, groups are undone, the
    least valuable first, and the others matched again, until as many are covered; after
    ``_COVER_TRIES`` every group is undone. ``assigned`` and ``group_of`` change in place."""
    most = int((_singles(problem, free_rows, slots, bonus, report)[0][free_rows] >= 0).sum())
    if int((assigned >= 0).sum()) >= most:
        return
    numbers = np.unique(group_of[group_of > 0])
    grouped_rows = np.flatnonzero(group_of > 0)
    member_scores = np.zeros(problem.n)
    member_scores[grouped_rows] = problem.pairs(grouped_rows, assigned[grouped_rows])[0]
    worth = np.bincount(group_of, weights=member_scores, minlength=int(numbers.max()) + 1)[numbers]
    for tries, number in enumerate(numbers[np.argsort(worth, kind="stable")].tolist(), start=1):
        undone = (group_of == number) if tries < _COVER_TRIES else (group_of > 0)
        group_of[undone] = 0
        kept = group_of > 0
        left_rows = free_rows & ~kept
        left_slots = slots - np.bincount(assigned[kept], minlength=problem.k)
        rest, _edges = _singles(problem, left_rows, left_slots, bonus, report)
        assigned[left_rows] = rest[left_rows]
        if int((assigned >= 0).sum()) >= most or not kept.any():
            return


def _group_mentors_by_types(problem: _Problem, cluster, members, slots, bonus: float) -> np.ndarray | None:
    """:func:`_group_mentors` class by class: the mentor of each group (-1: none),
    or None when the kinds of groups and of mentors make more than ``_TYPE_TABLE`` couples.

    A group's kind is the classes of its members (as a sorted tuple), a mentor's its class and its
    places left; groups of one kind with mentors of one kind are worth the same (the sum of the
    members' scores, each couple allowed and eligible, the places enough). The most valuable way to
    give each group at most one mentor and each mentor at most one group is a transportation problem
    between the kinds (:func:`_transport`, integral), spread over the groups and mentors in order."""
    mentor_of = np.full(len(members), -1, dtype=np.int64)
    numbers = np.flatnonzero(members >= 2)
    numbers = numbers[numbers > 0]
    mentors = np.flatnonzero(slots >= 2)
    if len(numbers) == 0 or len(mentors) == 0:
        return mentor_of
    row_type, col_type, _row_first, _col_first = problem.types()
    problem.build_table()
    assert problem._table is not None
    table_scores, table_allowed = problem._table
    worth = np.where(table_allowed & problem.eligible(table_scores), table_scores, -np.inf)
    # each group's members' classes, sorted, padded with -1
    people = np.flatnonzero(np.isin(cluster, numbers))
    people = people[np.lexsort((row_type[people], cluster[people]))]
    index = np.searchsorted(numbers, cluster[people])
    within = np.arange(len(people)) - np.searchsorted(index, index)
    signature = np.full((len(numbers), int(members[numbers].max())), -1, dtype=np.int64)
    signature[index, within] = row_type[people]
    _kinds, kind_first, kind = np.unique(signature, axis=0, return_index=True, return_inverse=True)
    kind = kind.ravel()
    size = members[numbers[kind_first]]
    _keys, key_first, key = np.unique(
        np.stack((col_type[mentors], slots[mentors])), axis=1, return_index=True, return_inverse=True
    )
    key = key.ravel()
    key_col, key_slots = col_type[mentors[key_first]], slots[mentors[key_first]]
    if len(kind_first) * len(key_first) > _TYPE_TABLE:
        return None
    gain = np.zeros((len(kind_first), len(key_first)))
    for position in range(signature.shape[1]):
        member = signature[kind_first, position]
        gain += np.where((member >= 0)[:, None], worth[member.clip(min=0)][:, key_col], 0.0)
    gain += bonus * size[:, None]
    gain[size[:, None] > key_slots[None, :]] = -np.inf
    er, ec = np.nonzero(np.isfinite(gain))
    if len(er) == 0:
        return mentor_of
    supply = np.bincount(kind, minlength=len(kind_first))
    capacity = np.bincount(key, minlength=len(key_first))
    flow, _u, _v = _transport(er, ec, gain[er, ec], supply, capacity)
    used = flow > 0
    er, ec, flow = er[used], ec[used], flow[used]
    # the groups of a kind in order, the mentors of a kind in order
    groups_sorted = np.argsort(kind, kind="stable")
    groups_start = np.searchsorted(kind[groups_sorted], np.arange(len(kind_first)))
    mentors_sorted = np.argsort(key, kind="stable")
    mentors_start = np.searchsorted(key[mentors_sorted], np.arange(len(key_first)))
    taken_groups = np.zeros(len(kind_first), dtype=np.int64)
    taken_mentors = np.zeros(len(key_first), dtype=np.int64)
    for a, b, f in zip(er.tolist(), ec.tolist(), flow.tolist(), strict=True):
        g = groups_sorted[groups_start[a] + taken_groups[a] : groups_start[a] + taken_groups[a] + f]
        m = mentors_sorted[mentors_start[b] + taken_mentors[b] : mentors_start[b] + taken_mentors[b] + f]
        mentor_of[numbers[g]] = mentors[m]
        taken_groups[a] += f
        taken_mentors[b] += f
    return mentor_of


def _group_blocks(problem: _Problem, scored: _Scored, cluster, members, slots, bonus: float):
    """The gains of every group of two or more against the mentors of its form, whole groups at a time:
    (group numbers, mentors, gains), the gain of a group with a mentor the sum of its members' scores
    (plus the bonus per member), -inf where a member may not be proposed to the mentor or the mentor
    has not places for the whole group. The groups by size, then number: a run of groups of one size
    is summed as one array (a reshape, several times quicker than ``np.add.reduceat``)."""
    for start, end, cols in scored.groups:
        ids = cluster[start:end]
        order = np.flatnonzero((ids > 0) & (members[ids] >= 2))
        if len(order) == 0 or len(cols) == 0:
            continue
        order = order[np.lexsort((ids[order], members[ids[order]]))]
        firsts = np.flatnonzero(np.concatenate(([True], ids[order][1:] != ids[order][:-1])))
        bounds = np.append(firsts, len(order))
        step = max(1, 4 * _BLOCK // max(len(cols), 1))
        at = 0
        while at < len(firsts):  # whole groups at a time
            stop = max(at + 1, int(np.searchsorted(bounds, bounds[at] + step, side="right")) - 1)
            stop = min(stop, len(firsts))
            rows = order[bounds[at] : bounds[stop]] + start
            number = ids[order][firsts[at:stop]]
            offsets = bounds[at:stop] - bounds[at]
            yield (
                number,
                cols,
                _group_sums(problem, scored, rows, cols, members[number], offsets, slots, bonus),
            )
            at = stop


def _group_sums(
    problem: _Problem, scored: _Scored, rows, cols, counts, offsets, slots, bonus: float
) -> np.ndarray:
    """The gains of groups with the mentors ``cols`` (ascending): ``rows`` holds their members group after
    group, ``counts[g]`` of them from ``offsets[g]`` (groups of one size in runs, summed by a reshape,
    several times quicker than ``np.add.reduceat``): the sum of the members' scores plus the bonus per
    member, -inf where a member may not be proposed to the mentor or the mentor has not places for the
    whole group."""
    dense = np.asarray(problem.dense(rows, cols, scored.args), dtype=np.float64)
    # the compiled scorer lets in couples within its slack of the threshold: the exact score decides
    # (as for pairs: 59.99999999999999 is below a threshold of 60)
    near = np.nonzero(_near_threshold(problem, scored, dense))
    if len(near[0]):
        exact, allowed = problem.pairs(rows[near[0]], cols[near[1]])
        dense[near] = np.where(allowed & problem.eligible(exact), exact, -np.inf)
    sums = np.empty((len(counts), len(cols)))
    runs = np.flatnonzero(np.concatenate(([True], counts[1:] != counts[:-1], [True])))
    for a, b in zip(runs[:-1].tolist(), runs[1:].tolist(), strict=True):
        m, first = int(counts[a]), int(offsets[a])
        sums[a:b] = dense[first : first + m * (b - a)].reshape(b - a, m, len(cols)).sum(axis=1)
    sums += bonus * counts[:, None]
    sums[~(slots[cols][None, :] >= counts[:, None])] = -np.inf
    return sums


_GROUP_KEEP = 24  # mentors kept per group in the group assignment's first graph
_GROUP_ADD = 8  # and, per round, the most violated couples added per group
_GROUP_SHORTLIST = 64  # the best couples of each group kept to repair the graph before the table is checked
_GROUP_COLUMN = 64  # and, the table not kept, the best groups of each mentor (its other couples bounded)
_GROUP_PIECE = 64  # groups scored again in part at once (against the mentors any of them needs)
_GROUP_WHOLE = 0.5  # or whole (and listed again) beyond this share of the form's mentors


def _group_mentors(problem: _Problem, scored: _Scored, cluster, members, slots, bonus: float) -> np.ndarray:
    """The mentor of each group (-1: none): the largest total gain giving each group at most one mentor
    with places for all of it and each mentor at most one group (:func:`_group_blocks`' gains).

    Exact, without solving the whole table of groups × mentors (10,000 mentees in groups of three
    against 3,400 mentors make 11 million couples, and a graph of them costs seconds and gigabytes):
    each group's best ``_GROUP_KEEP`` mentors (equal ones drawn evenly over the mentors) form the
    graph; its optimum comes with dual prices u (per group) and v (per mentor), and every couple of
    the table is checked against them — one worth more than u + v could improve the optimum, so the
    most violated few per group join the graph and it is solved again, until none is: the optimum
    of the whole table. The table is kept (``_STORE_COUPLES`` couples at most); else what its one
    scoring learnt — each group's shortlist and each mentor's best groups, with bounds of the rest —
    lets a check score again only the couples those bounds do not clear (:class:`_GroupMemo`)."""
    size = len(members)
    places = np.minimum(slots, 1)
    layout = _GroupLayout(scored, cluster, members)
    stored = layout.couples <= _STORE_COUPLES
    table: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    parts: list[tuple[np.ndarray, ...]] = []
    memo = None if stored else _GroupMemo(layout, len(slots))
    for number, cols, sums in _group_blocks(problem, scored, cluster, members, slots, bonus):
        if memo is None:
            table.append((number, cols, sums))
            parts.append(_best_of_block(number, cols, sums, _GROUP_SHORTLIST))
        else:
            parts.append(memo.first(number, cols, sums))
    if not parts:
        return np.full(size, -1, dtype=np.int64)
    # each group's shortlist (its best couples); the first graph is the best few of it
    short_rows, short_cols, short_gains = (
        _cat([part[x] for part in parts], dtype) for x, dtype in enumerate(_LISTED)
    )
    if memo is not None:
        memo.finish(short_rows, short_cols, short_gains)
    in_graph = _top_each(short_rows, short_gains + _spread(short_rows, short_cols), _GROUP_KEEP)
    rows, cols, gains = short_rows[in_graph], short_cols[in_graph], short_gains[in_graph]
    start = None
    repairs = 0
    for _round in range(_MAX_ROUNDS + _STORED_ROUNDS):
        assigned, u, v = _assign(rows, cols, gains, places, size, start=start)
        # first the shortlists (cheap): while they refute the prices, their violated and near couples
        # join the graph (``_STORED_ROUNDS`` times at most); only then the whole table is checked
        excess = short_gains - u[short_rows] - v[short_cols]
        if repairs < _STORED_ROUNDS and (excess[~in_graph] > _TOLERANCE).any():
            repairs += 1
            near = np.flatnonzero(~in_graph & (excess > -_REPAIR_MARGIN))
            near = near[
                _top_each(
                    short_rows[near], excess[near] + _spread(short_rows[near], short_cols[near]), _GROUP_ADD
                )
            ]
            near = near[_top_each(short_cols[near], excess[near], _REPAIR_PER_MENTOR)]
            in_graph[near] = True
            rows = np.concatenate((rows, short_rows[near]))
            cols = np.concatenate((cols, short_cols[near]))
            gains = np.concatenate((gains, short_gains[near]))
            start = (assigned, u, v)
            continue
        if memo is None:
            found = [
                _violated_in_block(number, block_cols, sums, u, v, _GROUP_ADD)
                for number, block_cols, sums in table
            ]
            new_rows, new_cols, new_gains = (
                _cat([part[x] for part in found], dtype) for x, dtype in enumerate(_LISTED)
            )
        else:
            new_rows, new_cols, new_gains = memo.check(problem, scored, slots, bonus, u, v)
        excess = new_gains - u[new_rows] - v[new_cols]
        if not (excess > _TOLERANCE).any():
            return assigned  # no couple of the table is worth more than its prices: its optimum
        # the most violated few per mentor too (a tie names the same few mentors)
        take = _top_each(new_cols, excess, _REPAIR_PER_MENTOR)
        rows = np.concatenate((rows, new_rows[take]))
        cols = np.concatenate((cols, new_cols[take]))
        gains = np.concatenate((gains, new_gains[take]))
        start = (assigned, u, v)
    return _assign(rows, cols, gains, places, size, start=start)[0]  # (never seen) the last graph's optimum


class _GroupLayout:
    """The groups of two or more of a round of the group assignment, by form (the pool's
    ``scored.groups``): each group's members (ascending rows) and its form's mentors, to score any of
    them again against any of those mentors (:meth:`gains`: the sums of :func:`_group_blocks`)."""

    def __init__(self, scored: _Scored, cluster: np.ndarray, members: np.ndarray) -> None:
        in_groups = (cluster > 0) & (members[cluster] >= 2)
        rows = np.flatnonzero(in_groups)
        self.rows = rows[np.argsort(cluster[rows], kind="stable")]  # by group, each ascending
        self.first = np.concatenate(([0], np.cumsum(np.bincount(cluster[rows], minlength=len(members)))))
        self.members = members
        self.form = np.full(len(members), -1, dtype=np.int64)  # per group: its index in scored.groups
        self.cols = [cols for _start, _end, cols in scored.groups]
        self.couples = 0  # of the table: groups × their form's mentors
        for index, (start, end, cols) in enumerate(scored.groups):
            numbers = np.unique(cluster[start:end][in_groups[start:end]])
            if len(cols):
                self.form[numbers] = index
                self.couples += len(numbers) * len(cols)

    def gains(self, problem: _Problem, scored: _Scored, numbers, cols, slots, bonus: float):
        """The gains of the groups ``numbers`` (of one form) with its mentors ``cols`` (ascending), whole
        groups at a time: (group numbers, mentors, gains) as :func:`_group_blocks` gives them."""
        if len(numbers) == 0 or len(cols) == 0:
            return
        numbers = numbers[np.argsort(self.members[numbers], kind="stable")]
        size = self.members[numbers]
        ends = np.cumsum(size)
        step = max(1, 4 * _BLOCK // len(cols))
        at = 0
        while at < len(numbers):
            done = int(ends[at] - size[at])
            stop = max(at + 1, int(np.searchsorted(ends, done + step, side="right")))
            number, counts = numbers[at:stop], size[at:stop]
            offsets = ends[at:stop] - counts - done
            rows = self.rows[np.repeat(self.first[number] - offsets, counts) + np.arange(int(counts.sum()))]
            yield number, cols, _group_sums(problem, scored, rows, cols, counts, offsets, slots, bonus)
            at = stop


class _GroupMemo:
    """What the group assignment knows of a table of groups × mentors it does not keep, so that a check
    of prices u (per group) and v (per mentor) scores again only the couples it cannot clear.

    Per group (``rows``, a :class:`_Rescored` over the group numbers): couples listed with their gains,
    and ``bound[g]`` >= gain(g, j) - s[j] for every other couple, s the mentors' prices of the check
    that listed the group (``shifts[epoch[g]]``; zero at the scoring of the table, which lists its
    shortlist). Per mentor of each form: the couples of its best groups, listed (``column``: fixed,
    with their gains), and a bound of the gain of every other couple of that mentor (``column_bound``,
    whatever the prices). A couple listed on either side is judged as it is. Any other has
    excess = gain - u[g] - v[j] <= min(bound[g] + s[j], column_bound[j]) - u[g] - v[j]: cleared where
    that is within the tolerance (half of it; the rest for rounding). A group with couples not cleared
    is scored again against those mentors only (every such group of its form at once, against the
    union of them), or — more than half of its form's mentors, or that union more than half — whole,
    and listed again at these prices: its ``_GROUP_SHORTLIST`` best couples, the bound of the rest."""

    def __init__(self, layout: _GroupLayout, k: int) -> None:
        self.layout = layout
        self.rows = _Rescored(len(layout.members))
        self.rows.bound[:] = -np.inf
        self.rows.epoch[:] = 0
        self.rows.shifts.append(np.zeros(k))
        # per form: the largest ``_GROUP_COLUMN`` + 1 gains of each mentor so far (the least is its
        # bound), and the couples above it (group, mentor's place in all forms' mentors, gain)
        self.tops = [np.full((_GROUP_COLUMN + 1, len(cols)), -np.inf) for cols in layout.cols]
        self.column_bound = [np.full(len(cols), -np.inf) for cols in layout.cols]
        self.offsets = np.cumsum([0] + [len(cols) for cols in layout.cols])
        self.column = (np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0))
        self._parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        self._held = 0

    def first(self, number, cols, sums):
        """A block of the table's scoring: the groups' shortlists (returned) and their bounds; each
        mentor's best gains so far and the couples above them (sifted again at the end)."""
        *shortlist, self.rows.bound[number] = _listing(
            number, cols, sums, sums.copy(), sums + _spread(number[:, None], cols[None, :]), _GROUP_SHORTLIST
        )
        form = int(self.layout.form[number[0]])
        keep = _GROUP_COLUMN + 1
        r, c = np.nonzero(sums > self.column_bound[form][None, :])
        if 4 * len(r) > sums.size:
            top = sums if len(number) <= keep else np.partition(sums, len(number) - keep, axis=0)[-keep:]
        else:  # few above the bounds (most blocks but the first): those of each mentor, padded with -inf
            order = np.argsort(c, kind="stable")
            r, c = r[order], c[order]
            rank = np.arange(len(c)) - np.searchsorted(c, c)
            top = np.full((int(rank.max(initial=-1)) + 1, len(cols)), -np.inf)
            top[rank, c] = sums[r, c]
        both = np.concatenate((self.tops[form], top))
        self.tops[form] = np.partition(both, len(both) - keep, axis=0)[-keep:]
        bound = self.column_bound[form] = self.tops[form].min(axis=0)
        above = sums[r, c] > bound[c]
        r, c = r[above], c[above]
        self._parts.append(
            (number[r].astype(np.int32), (self.offsets[form] + c).astype(np.int32), sums[r, c])
        )
        self._held += len(r)
        if self._held > 4 * keep * self.offsets[-1]:  # the bounds rose since: the couples below them go
            self._parts = [self._above()]
            self._held = len(self._parts[0][0])
        return tuple(shortlist)

    def _above(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        number, place, gains = (np.concatenate(x) for x in zip(*self._parts, strict=True))
        above = gains > np.concatenate(self.column_bound)[place]
        return number[above], place[above], gains[above]

    def finish(self, short_rows, short_cols, short_gains) -> None:
        """After the table's scoring: the shortlists listed (epoch 0), each mentor's couples above its
        bound listed."""
        self.rows.relist(short_rows, short_cols, short_gains, 0)
        if self._parts:
            number, place, gains = self._above()
            every = np.concatenate(self.layout.cols)
            self.column = (number.astype(np.int64), every[place].astype(np.int64), gains)
        self._parts = []
        self.tops = []

    def check(self, problem: _Problem, scored: _Scored, slots, bonus: float, u, v):
        """The couples to judge against the prices u and v: for each group with a couple worth more than
        its prices, its ``_GROUP_ADD`` most violated couples and near ones (within ``_REPAIR_MARGIN``),
        a violated one first — (group numbers, mentors, gains); none violated: the prices hold on the
        whole table."""
        memo, layout = self.rows, self.layout
        listed = memo.listed()
        found: list[tuple[np.ndarray, ...]] = [listed, self.column]
        epoch = len(memo.shifts)
        relisted: list[tuple[np.ndarray, ...]] = []
        half = _TOLERANCE / 2
        for index, cols in enumerate(layout.cols):
            numbers = np.flatnonzero((layout.form == index) & (memo.bound > -np.inf))
            if len(numbers) == 0 or len(cols) == 0:
                continue
            # the mentors whose bound clears every group of the form, and for the others the groups
            # whose own bound (or the mentor's) clears them
            column_excess = self.column_bound[index] - v[cols]
            open_cols = np.flatnonzero(column_excess > u[numbers].min() + half)
            if len(open_cols) == 0:
                continue
            slack = half + u[numbers] - memo.bound[numbers]
            epochs = memo.epoch[numbers]
            whole = np.zeros(len(numbers), dtype=bool)
            pieces = []  # (groups, the mentors any of them needs) to score in part
            step = max(1, min(_GROUP_PIECE, 4 * _BLOCK // len(open_cols)))
            for was in np.unique(epochs).tolist():
                drop = memo.shifts[was][cols[open_cols]] - v[cols[open_cols]]
                at = np.flatnonzero(epochs == was)
                at = at[np.argsort(u[numbers[at]], kind="stable")]
                for these in (at[a : a + step] for a in range(0, len(at), step)):
                    need = (column_excess[open_cols][None, :] > (u[numbers[these]] + half)[:, None]) & (
                        drop[None, :] > slack[these][:, None]
                    )
                    count = need.sum(axis=1)
                    most = _GROUP_WHOLE * len(cols)
                    whole[these[count > most]] = True
                    part = (count > 0) & (count <= most)
                    if part.any():
                        union = need[part].any(axis=0)
                        if int(union.sum()) > most:
                            whole[these[part]] = True
                        else:
                            pieces.append((numbers[these[part]], cols[open_cols[union]]))
            for number, _cols, sums in layout.gains(problem, scored, numbers[whole], cols, slots, bonus):
                reduced = sums - v[cols][None, :]
                key = _violated_first(reduced - u[number][:, None], number[:, None], cols[None, :])
                *again, memo.bound[number] = _listing(number, cols, sums, reduced, key, _GROUP_SHORTLIST)
                memo.epoch[number] = epoch
                relisted.append(tuple(again))
            for some, use in pieces:
                for number, _use, sums in layout.gains(problem, scored, some, use, slots, bonus):
                    excess = sums - u[number][:, None] - v[use][None, :]
                    r, c = _row_tops(_violated_first(excess, number[:, None], use[None, :]), _GROUP_ADD)
                    near = excess[r, c] > -_REPAIR_MARGIN
                    r, c = r[near], c[near]
                    found.append((number[r], use[c], sums[r, c]))
        if relisted:
            new_rows, new_cols, new_gains = (
                _cat([part[x] for part in relisted], dtype) for x, dtype in enumerate(_LISTED)
            )
            memo.relist(new_rows, new_cols, new_gains, epoch)
            memo.shifts.append(v.astype(np.float64))
            found.append((new_rows, new_cols, new_gains))
        rows, cols, gains = (_cat([part[x] for part in found], dtype) for x, dtype in enumerate(_LISTED))
        excess = gains - u[rows] - v[cols]
        bad = np.zeros(len(u), dtype=bool)
        bad[rows[excess > _TOLERANCE]] = True
        pick = np.flatnonzero(bad[rows] & (excess > -_REPAIR_MARGIN))
        # a couple found twice (listed on both sides, or listed and scored again) counts once
        pick = pick[np.unique(rows[pick] * len(v) + cols[pick], return_index=True)[1]]
        pick = pick[_top_each(rows[pick], _violated_first(excess[pick], rows[pick], cols[pick]), _GROUP_ADD)]
        return rows[pick], cols[pick], gains[pick]


def _listing(number, cols, sums, reduced, key, keep: int):
    """Of a block of group gains, each group's ``keep`` couples of the largest ``key`` where the gain is
    finite — (group numbers, mentors, gains) — and per group the largest ``reduced`` (the gains, or the
    gains less the mentors' prices) of the couples not listed (-inf: none). ``reduced`` is overwritten."""
    r, c = _row_tops(key, keep)
    gains = sums[r, c]
    reduced[r, c] = -np.inf
    bound = reduced.max(axis=1)
    finite = np.isfinite(gains)
    return number[r[finite]], cols[c[finite]], gains[finite], bound


def _violated_first(excess: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """A key to pick couples by: the excess, equal ones drawn evenly over the mentors (:func:`_spread`),
    and every violated couple (above ``_TOLERANCE``) before every other one — the spread alone could
    put a couple just below the tolerance before one just above it."""
    return excess + _spread(rows, cols) + 2 * _JITTER * (excess > _TOLERANCE)


def _spread(rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """A tiny key per couple (below ``_JITTER``) that draws equal ones evenly over the mentors: the
    fractional part of rows·φ + cols·ψ, from the parts of each (``rows`` and ``cols`` may broadcast
    into a block: the costly modulo is taken of them, not of the block)."""
    both = np.mod(rows * 0.6180339887498949, 1.0) + np.mod(cols * 0.7548776662466927, 1.0)
    return _JITTER * (both - (both >= 1.0))


def _row_tops(key: np.ndarray, keep: int) -> tuple[np.ndarray, np.ndarray]:
    """(row, column) of each row's ``keep`` largest keys (every column when there are no more)."""
    keep = min(keep, key.shape[1])
    if keep < key.shape[1]:
        place = np.argpartition(-key, keep - 1, axis=1)[:, :keep].ravel()
    else:
        place = np.tile(np.arange(key.shape[1]), key.shape[0])
    return np.repeat(np.arange(key.shape[0]), keep), place


def _best_of_block(number: np.ndarray, cols: np.ndarray, sums: np.ndarray, keep: int):
    """Of a block of group gains, each group's ``keep`` best couples where the gain is finite (equal ones
    drawn evenly over the mentors): (group numbers, mentors, gains)."""
    r, c = _row_tops(sums + _spread(number[:, None], cols[None, :]), keep)
    finite = np.isfinite(sums[r, c])
    r, c = r[finite], c[finite]
    return number[r], cols[c], sums[r, c]


def _violated_in_block(number, cols, sums, u: np.ndarray, v: np.ndarray, keep: int):
    """Of a block of group gains, for each group with a couple worth more than its prices u + v, its
    ``keep`` most violated couples, near ones too (within ``_REPAIR_MARGIN``; with those in the graph
    the next prices are seldom refuted again; equal ones drawn evenly over the mentors): (group
    numbers, mentors, gains)."""
    excess = sums - u[number][:, None] - v[cols][None, :]
    bad = np.flatnonzero((excess > _TOLERANCE).any(axis=1))
    if len(bad) == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0)
    excess = excess[bad]
    line, place = _row_tops(_violated_first(excess, number[bad][:, None], cols[None, :]), keep)
    near = excess[line, place] > -_REPAIR_MARGIN
    line, place = line[near], place[near]
    return number[bad[line]], cols[place], sums[bad[line], place]


def _optimum(problem: _Problem, scored: _Scored, free_rows, slots, bonus: float, report):
    """The proved optimum (assigned, stats): by types when people fall into few, else sparse."""
    if _compressible(problem, free_rows, slots):
        return _solve_types(problem, free_rows, slots, bonus, report)
    return _solve_sparse(problem, scored, slots, bonus, report)


def _scores_of(problem: _Problem, assigned: np.ndarray) -> np.ndarray:
    matched = np.flatnonzero(assigned >= 0)
    return problem.pairs(matched, assigned[matched])[0]


def _deferred_acceptance(problem: _Problem, scored: _Scored, free_rows, slots) -> np.ndarray:
    """A stable assignment: deferred acceptance, the mentees proposing (the best stable one for
    them). Each side prefers as the blocking couples are counted: the people it ranked at the
    networking session first, in their order, then the higher score; equal ones by list order.

    Each mentee proposes down its list: the ranked couples, then the couples kept in the store (its
    best) by their stored scores — within ``_SLACK`` of the exact ones, far below ``TIE``, so the
    assignment is stable as the blocking couples are counted. The mentees turned down by all of them
    whose store left others out have their lists extended by their whole rows, scored again together.
    The proposals run compiled, one at a time (:func:`pairing.kernel.propose`). Memory: the kept
    couples, never the n × k couples."""
    from . import kernel

    n, k = problem.n, problem.k
    width = max(k, 1)
    rows, cols, scores = scored.entry_rows.astype(np.int64), scored.cols.astype(np.int64), scored.scores
    # the ranked couples with their exact scores, in place of the store's copy of them
    ranked_scores, ranked_allowed = problem.pairs(problem.pref_row, problem.pref_col)
    mine = np.ones(len(rows), dtype=bool)
    if len(problem.pref_key):
        stored = rows * width + cols
        mine = (
            problem.pref_key[np.searchsorted(problem.pref_key, stored).clip(max=len(problem.pref_key) - 1)]
            != stored
        )
    rows = np.concatenate((rows[mine], problem.pref_row))
    cols = np.concatenate((cols[mine], problem.pref_col))
    scores = np.concatenate((scores[mine], ranked_scores))
    allowed = np.concatenate((np.ones(int(mine.sum()), dtype=bool), ranked_allowed))
    by_mentee = np.concatenate((np.full(int(mine.sum()), -1), problem.pref_by_mentee))
    by_mentor = np.concatenate((np.full(int(mine.sum()), -1), problem.pref_by_mentor))
    near = _near_threshold(problem, scored, scores)
    scores[near] = problem.pairs(rows[near], cols[near])[0]
    ok = allowed & problem.eligible(scores) & free_rows[rows] & (slots[cols] > 0)
    # a couple only the mentor ranked sits in the mentee's list by its score: at or below the bound of
    # the couples the store left out, it would be proposed before some of them — it waits for the
    # extension of the list, which puts it in its place (breaker15)
    ok &= ~((by_mentee < 0) & (by_mentor >= 0) & (scores <= scored.rest[rows] + scored.slack))
    rows, cols, scores, by_mentee, by_mentor = rows[ok], cols[ok], scores[ok], by_mentee[ok], by_mentor[ok]
    order = kernel.list_order(rows, np.where(by_mentee >= 0, -1000.0 + by_mentee, -scores), cols, n)
    flat = _Growing(cols[order])
    offer = _Growing(np.where(by_mentor >= 0, -1000.0 + by_mentor, -scores)[order])
    counts = np.bincount(rows, minlength=n).astype(np.int64)
    starts = np.zeros(n, dtype=np.int64)
    starts[1:] = np.cumsum(counts)[:-1]
    more = np.isfinite(scored.rest) & free_rows
    capacity = np.maximum(slots, 0).astype(np.int64)
    slot_start = np.zeros(k, dtype=np.int64)
    slot_start[1:] = np.cumsum(capacity)[:-1]
    held_row = np.full(int(capacity.sum()), -1, dtype=np.int64)
    held_key = np.zeros(len(held_row))
    used = np.zeros(k, dtype=np.int64)
    holder = np.full(n, -1, dtype=np.int64)
    nxt = np.zeros(n, dtype=np.int64)
    stack = np.flatnonzero((counts > 0) | more)[::-1].astype(np.int64)
    pending = np.zeros(n, dtype=np.int64)
    lists = _Lists(flat, offer, starts, counts, nxt, more)
    while len(stack):
        waiting = int(
            kernel.propose(
                flat.data, offer.data, starts, counts, more, capacity, slot_start,
                held_row, held_key, used, holder, nxt, stack, pending,
            )
        )  # fmt: skip
        stack = np.sort(pending[:waiting])[::-1].copy()
        more[stack] = False
        for start, end, group in scored.groups:
            mine_rows = stack[(stack >= start) & (stack < end)]
            if len(mine_rows) and len(group):
                bar = _bars(capacity, slot_start, held_key, used)
                _extend_lists(problem, scored, mine_rows, group, slots, lists, bar)
    return holder


def _bars(capacity: np.ndarray, slot_start: np.ndarray, held_key: np.ndarray, used: np.ndarray) -> np.ndarray:
    """Per mentor, the offer a mentee must match at least to be held (+inf: a free place): a full
    mentor's worst held key. A full mentor stays full and its worst held key only falls, so an offer
    above it now is turned down whenever it comes."""
    bar = np.full(len(capacity), np.inf)
    full = np.flatnonzero((capacity > 0) & (used >= capacity))
    if len(full):
        positive = np.flatnonzero(capacity > 0)
        worst = np.maximum.reduceat(held_key, slot_start[positive])
        bar[full] = worst[np.searchsorted(positive, full)]
    return bar


class _Lists:
    """The deferred acceptance's lists (:func:`_deferred_acceptance`) and what their extension needs."""

    def __init__(self, flat: _Growing, offer: _Growing, starts, counts, nxt, more) -> None:
        self.flat = flat  # mentors, list after list
        self.offer = offer  # the offers (lower is better)
        self.starts = starts  # per mentee: where its list starts in ``flat`` (less what it proposed)
        self.counts = counts  # its length
        self.nxt = nxt  # how far it has proposed
        self.more = more  # whether its list can be extended when it runs out
        # its first list (the stored and ranked couples: never listed again), where it lies in ``flat``
        self.first_starts, self.first_counts = starts.copy(), counts.copy()
        # the last couple its extensions listed (score as found, turn; see kernel.extension) and how
        # many times it was extended
        self.cursor_score = np.full(len(starts), np.inf)
        self.cursor_turn = np.full(len(starts), -1, dtype=np.int64)
        self.times = np.zeros(len(starts), dtype=np.int64)


def _extend_lists(problem: _Problem, scored: _Scored, rows, group, slots, lists: _Lists, bar):
    """The next couples of each mentee's row after what its list held, the higher score first, then
    the mentee's own turn over the mentors (:func:`kernel.extension`), appended to the lists (the
    compiled scores, as the store's) — but for the mentors whose ``bar`` (:func:`_bars`) the offer is
    above: they would turn it down. The offer of a couple the mentor ranked is its rank (as in the first
    lists), of the others the score. At most _EXTEND_FIRST couples at a mentee's first extension, twice
    as many at each next one (a mentee turned down by them all is extended again, after them): where
    scores tie widely the rows of the mentees left out each held thousands of mentors with a free place
    (10,000 × 3,400, places for half of them: 6.6 million couples listed, 1.1 s), and one proposal to
    the first free mentor of its turn places most. Rows a block at a time (memory)."""
    rows = np.sort(rows)
    step = max(1, 4 * _BLOCK // max(len(group), 1))
    for at in range(0, len(rows), step):
        _extend_block(problem, scored, rows[at : at + step], group, slots, lists, bar)


def _extend_block(problem: _Problem, scored: _Scored, rows, group, slots, lists: _Lists, bar):
    from . import kernel

    colpos = np.full(problem.k, -1, dtype=np.int64)
    colpos[group] = np.arange(len(group))
    width = len(group)
    found = problem.dense(rows, group, scored.args)
    # the couples a mentor with places would hold: a free place, or an offer above its bar by more than
    # the tie (_TIE_KEPT) — by score here; the couples the mentor ranked (their offer is the rank) all
    limit = np.where(slots[group] > 0, -bar[group] + _TIE_KEPT, np.inf)
    mark = np.zeros(found.shape, dtype=np.int8)
    a, b = np.searchsorted(problem.pref_row, [rows[0], rows[-1] + 1])  # (rows ascending)
    ranked = np.arange(a, b)[np.isin(problem.pref_row[a:b], rows)]
    ranked = ranked[(problem.pref_by_mentor[ranked] >= 0) & (colpos[problem.pref_col[ranked]] >= 0)]
    ranked_line, ranked_place = (
        np.searchsorted(rows, problem.pref_row[ranked]),
        colpos[problem.pref_col[ranked]],
    )
    mark[ranked_line, ranked_place] = 1
    # never those of the first list (its stored and ranked couples)
    held = lists.first_counts[rows]
    at = np.repeat(lists.first_starts[rows], held) + (
        np.arange(int(held.sum())) - np.repeat(np.cumsum(held) - held, held)
    )
    listed_place = colpos[lists.flat.data[at]]
    listed_line = np.repeat(np.arange(len(rows)), held)
    keep = listed_place >= 0
    mark[listed_line[keep], listed_place[keep]] = -1
    offset = (np.mod(rows * 0.6180339887498949, 1.0) * width).astype(np.int64) % max(width, 1)
    most = np.minimum(_EXTEND_FIRST << np.minimum(lists.times[rows], 20), width).astype(np.int64)
    count, places, found_scores, more = kernel.extension(
        found, limit, mark, lists.cursor_score[rows], lists.cursor_turn[rows], offset, most
    )
    del found, mark
    # where a list may go on, the cursor: its last couple listed now
    go_on = np.flatnonzero(more)
    last = np.cumsum(count)[go_on] - 1
    lists.cursor_score[rows[go_on]] = found_scores[last]
    lists.cursor_turn[rows[go_on]] = np.mod(places[last] - offset[go_on], width)
    lists.more[rows] = more
    lists.times[rows] += 1
    line = np.repeat(np.arange(len(rows)), count)
    place, scores = places, found_scores.copy()
    near = _near_threshold(problem, scored, scores)
    scores[near] = problem.pairs(rows[line[near]], group[place[near]])[0]
    cols = group[place]
    by_mentor = np.full(len(line), -1, dtype=np.int64)
    if len(ranked) and len(line):  # (the block's ranked couples only: a few)
        ranked_keys = ranked_line * width + ranked_place
        by_key = np.argsort(ranked_keys)
        keys = line * width + place
        hit = by_key[np.searchsorted(ranked_keys[by_key], keys).clip(max=len(ranked) - 1)]
        by_mentor = np.where(ranked_keys[hit] == keys, problem.pref_by_mentor[ranked[hit]], -1)
    fresh = problem.eligible(scores)
    # the offers: the mentor's rank where it ranked the mentee, else the score; not above its bar by more
    # than the tie: left out (turned down, or holding would not make the couple a blocking one)
    offers = np.where(by_mentor >= 0, -1000.0 + by_mentor, -scores)
    fresh &= offers <= bar[cols] - np.where(by_mentor >= 0, -scored.slack, _TIE_KEPT)
    line, cols, place, scores, offers = line[fresh], cols[fresh], place[fresh], scores[fresh], offers[fresh]
    # the mentee's order: the higher score first, then its turn — as found already, unless an exact
    # score near the threshold moved
    if near.any() and ((line[1:] == line[:-1]) & (scores[1:] > scores[:-1])).any():
        order = np.lexsort((np.mod(place - offset[line], width), -scores, line))
        cols, offers = cols[order], offers[order]
    size = np.bincount(line, minlength=len(rows))
    where = lists.flat.extend(cols)
    lists.offer.extend(offers)
    begin = where + np.concatenate(([0], np.cumsum(size)[:-1]))
    lists.starts[rows] = begin - lists.nxt[rows]
    lists.counts[rows] = lists.nxt[rows] + size


# couples listed at a mentee's first extension (twice as many at each next one)
_EXTEND_FIRST = 32


# An extension lists a couple with a full mentor only where its score beats the mentor's worst held
# score (the bar) by at least this: a couple within TIE of the bar is no blocking couple whoever the
# mentor ends up holding (the bar only rises), and where scores tie widely (profiles not filled in yet)
# listing the ties had the mentees turned down propose to the full mentors in turn, each displacing
# the next (10,000 × 3,400 of one form, empty profiles: 6.4 s, now 2.8 s). Exact scores are within
# _SLACK of the compiled ones (the couple's and the held one's), so a couple left out has an exact
# score at most the worst held one's + TIE: not a blocking couple (:func:`_prefers`).
_TIE_KEPT = TIE - 2 * _SLACK


def _near_threshold(problem: _Problem, scored: _Scored, scores: np.ndarray) -> np.ndarray:
    """Where a compiled score is within the scorer's slack of the threshold (or of zero): whether such a
    couple may be proposed at all is the exact score's to say."""
    return (np.abs(scores - problem.threshold) <= scored.slack) | (np.abs(scores) <= scored.slack)


class _Growing:
    """An array appended to at its end, its room doubled when full (``data`` is the filled part)."""

    def __init__(self, values: np.ndarray) -> None:
        self._room = np.empty(max(16, 2 * len(values)), dtype=values.dtype)
        self._room[: len(values)] = values
        self._size = len(values)

    @property
    def data(self) -> np.ndarray:
        return self._room[: self._size]

    def extend(self, values: np.ndarray) -> int:
        """Append; returns where the values start."""
        at = self._size
        if at + len(values) > len(self._room):
            room = np.empty(2 * (at + len(values)), dtype=self._room.dtype)
            room[:at] = self._room[:at]
            self._room = room
        self._room[at : at + len(values)] = values
        self._size = at + len(values)
        return at


def _accept_offers(
    holder: np.ndarray,
    key_of: np.ndarray,
    marked: np.ndarray,
    active: np.ndarray,
    target: np.ndarray,
    offer: np.ndarray,
    capacity: np.ndarray,
) -> np.ndarray:
    """One round of deferred acceptance: each mentee of ``active`` offers ``offer`` (lower is better)
    to ``target``; each target keeps, of the mentees it held and the new offers, the best up to its
    ``capacity`` (equal offers by the mentee's order) and turns the others down. ``holder`` and
    ``key_of`` are updated in place (``marked`` is scratch, one longer than the targets, left all
    false); the mentees turned down are returned."""
    marked[target] = True
    holding = np.flatnonzero(marked[holder])
    marked[target] = False
    pool_r = np.concatenate((holding, active))
    pool_t = np.concatenate((holder[holding], target))
    pool_k = np.concatenate((key_of[holding], offer))
    order = np.lexsort((pool_r, pool_k, pool_t))
    pool_r, pool_t, pool_k = pool_r[order], pool_t[order], pool_k[order]
    first = np.flatnonzero(np.concatenate(([True], pool_t[1:] != pool_t[:-1])))
    rank = np.arange(len(pool_t)) - np.repeat(first, np.diff(np.append(first, len(pool_t))))
    kept = rank < capacity[pool_t]
    holder[pool_r[~kept]] = -1
    holder[pool_r[kept]] = pool_t[kept]
    key_of[pool_r[kept]] = pool_k[kept]
    return pool_r[~kept]


def _deferred_acceptance_by_types(problem: _Problem, free_rows: np.ndarray, slots: np.ndarray) -> np.ndarray:
    """:func:`_deferred_acceptance` class by class, for people in few classes with no networking
    choices: each mentee proposes to the classes of mentors (all the places of a class at once) in
    the order of its class's scores, equal ones by their first mentor; a class of mentors keeps its
    best offers up to its places (the higher score, then the mentee's order) and turns the others
    down. Then each class's mentees take its mentors' places in order.

    Stable couple by couple: mentors of a class are alike, so a mentee who would rather have mentor j
    was turned down by j's class, which then holds all its places with mentees it likes at least as
    much — every mentor of it is full, with no worse mentee; a mentor with a free place belongs to a
    class nobody was turned down by. Memory: the table of class couples, never the n × k couples."""
    row_type, col_type, _row_first, col_first = problem.types()
    problem.build_table()
    assert problem._table is not None
    table_scores, table_allowed = problem._table
    capacity = np.bincount(col_type, weights=slots, minlength=len(col_first)).astype(np.int64)
    usable = table_allowed & problem.eligible(table_scores) & (capacity > 0)[None, :]
    # each row class's list: the column classes by score, equal ones by their first mentor
    by_first = np.argsort(col_first, kind="stable")
    key = np.where(usable, -table_scores, np.inf)[:, by_first]
    lists = by_first[np.argsort(key, axis=1, kind="stable")]
    length = usable.sum(axis=1)
    n = problem.n
    nxt = np.zeros(n, dtype=np.int64)
    holder = np.full(n, -1, dtype=np.int64)  # the class of mentors holding each mentee
    key_of = np.zeros(n)
    marked = np.zeros(len(col_first) + 1, dtype=bool)  # holder -1 reads the last, never marked
    active = np.flatnonzero(free_rows & (length[row_type] > 0))
    while len(active):
        target = lists[row_type[active], nxt[active]]
        nxt[active] += 1
        offer = -table_scores[row_type[active], target]
        rejected = _accept_offers(holder, key_of, marked, active, target, offer, capacity)
        active = rejected[nxt[rejected] < length[row_type[rejected]]]
    # each class's mentees, in order, on its mentors' places, in order
    assigned = np.full(n, -1, dtype=np.int64)
    held = np.flatnonzero(holder >= 0)
    held = held[np.argsort(holder[held], kind="stable")]
    places = np.repeat(np.arange(problem.k), slots)
    places = places[np.argsort(col_type[places], kind="stable")]
    places_start = np.searchsorted(col_type[places], np.arange(len(col_first)))
    classes = holder[held]
    within = np.arange(len(held)) - np.searchsorted(classes, classes)
    assigned[held] = places[places_start[classes] + within]
    return assigned


def _solve_sparse(problem: _Problem, scored: _Scored, slots: np.ndarray, bonus: float, report):
    """The optimum on a sparse graph grown until dual prices prove it: (assigned, stats)."""
    n, k = problem.n, problem.k
    # 2. prices from an auction on the small graph, then the couples that matter at those prices
    report(50, _("Finding the best assignment"))
    if scored.first_graph is None:
        # (without the bonus even when counting first: with it every place is worth about the bonus and
        # the auction would climb there in tiny steps; the best-score couples are a fine start anyway)
        price, holder, auction_rounds = _prices(scored, slots, n)
        held = np.flatnonzero(holder >= 0)
        rows, cols = _scan(scored, price, 0.0, None, _SELECT_MARGIN, holder < 0, _SELECT_LIMIT)
        rows, cols = np.concatenate((rows, held)), np.concatenate((cols, holder[held]))
    else:  # the couples another objective's optimum needed on this pool, and its prices: no auction
        auction_rounds = 0
        rows, cols, price, start_pairs, start_values = scored.first_graph
    rows, cols, scores = _exact(problem, rows, cols)
    keys = rows * max(k, 1) + cols  # sorted: the graph is kept in this order (_merge)

    # 3. the exact optimum of those couples, its dual prices, and the proof that no couple left out
    #    could improve it (else add the couples near the prices and solve again)
    gains = scores + bonus
    if scored.first_graph is None:
        assigned, u, v = _assign(rows, cols, gains, slots, n, price)
    else:
        assigned, u, v = _assign(rows, cols, gains, slots, n, start=(start_pairs, start_values, price))
    # mentors left with a free place while mentees eligible with them have none: the graph lacked their
    # couples (where scores tie widely, the stored ones name other mentors); they join it first
    for _fill in range(_FILL_ROUNDS):
        idle_rows, idle_cols = _free_couples(problem, scored, assigned, slots)
        added = _exact(problem, *_outside(keys, idle_rows, idle_cols, k))
        if len(added[0]) == 0:
            break
        rows, cols, scores, keys = _merge(keys, (rows, cols, scores), (added,), k)
        gains = scores + bonus
        assigned, u, v = _assign(rows, cols, gains, slots, n, start=(assigned, u, v))
    # first, while the stored couples alone refute the prices (cheap to look at), they and the couples
    # near the prices join the graph and it is solved again; only then the costly proof scores the
    # couples left out of the store. (Where scores tie widely the auction's graph leaves mentors
    # without a mentee in its optimum, priced 0: at those prices millions of couples left out of the
    # store are violated, and the proof would score every mentee's row again, twice, to repair them.)
    for repair in range(_STORED_ROUNDS):
        bad = _stored_violations(problem, scored, u, v, bonus, _VIOLATED_LIMIT)
        if len(bad[0]) == 0 or (repair == 0 and len(bad[0]) * _STORED_MANY < n):
            break  # (refuted by a few only, the prices are good enough for the proof's first check)
        near_rows, near_cols = _scan(scored, v, bonus, u, _REPAIR_MARGIN, limit=_REPAIR_LIMIT)
        near = _exact(problem, *_outside(keys, near_rows, near_cols, k))
        rows, cols, scores, keys = _merge(keys, (rows, cols, scores), (near, bad[:3], bad[3:]), k)
        gains = scores + bonus
        assigned, u, v = _assign(rows, cols, gains, slots, n, start=(assigned, u, v))
    rounds, checks, exact_checks, certified = 1, 0, 0, False
    last = None  # the last prices found, for the gap
    while True:
        checks += 1
        report(min(88, 60 + 5 * checks), _("Checking that the assignment is optimal"))
        # the proof, part one: the prices prove the assignment optimal on the graph (recomputed)
        if _duality_gap(rows, cols, gains, slots, assigned, u, v) > _TOLERANCE * (len(rows) + 1) * max(
            1.0, bonus / 100.0
        ):
            break  # cannot happen with an exact solver; keep the assignment, unproved
        last = (u, v)
        # part two: every eligible couple of the pool, in the graph or not, against these prices
        grow = 2 ** min(6, max(0, rounds - _GROW_AFTER))
        most = _REPAIR_LIMIT * grow
        bad_rows, bad_cols, bad_scores, examined, close = _violations(
            problem, scored, u, v, bonus, _VIOLATED_LIMIT * grow
        )
        exact_checks += examined
        if len(bad_rows) == 0:
            certified = True
            if _on_certificate is not None:
                _on_certificate(problem, slots, bonus, assigned, u, v)
            break
        if rounds >= _MAX_ROUNDS:
            break
        # the couples violated and those near the prices join the graph; solved again from these prices
        near_rows, near_cols = _scan(scored, v, bonus, u, _REPAIR_MARGIN, limit=most)
        near = _exact(problem, *_outside(keys, near_rows, near_cols, k))
        rows, cols, scores, keys = _merge(
            keys, (rows, cols, scores), (near, (bad_rows, bad_cols, bad_scores), close), k
        )
        gains = scores + bonus
        report(min(85, 60 + 5 * checks), _("Finding the best assignment"))
        assigned, u, v = _assign(rows, cols, gains, slots, n, start=(assigned, u, v))
        rounds += 1

    scored.solved = (rows, cols, assigned, u, v, bonus)
    stats = {
        "candidate_edges": float(len(rows)),
        "auction_rounds": float(auction_rounds),
        "rounds": float(rounds),
        "checks": float(checks),
        "exact_checks": float(exact_checks),
        "certified": float(certified),
        "gap": 0.0,
    }
    if not certified:
        if last is None:
            stats["gap"] = float("nan")  # no prices at all: no bound (never seen)
        else:
            stats["gap"] = _gap(problem, scored, assigned, *last, bonus, slots)
    return assigned, stats


def _free_couples(problem: _Problem, scored: _Scored, assigned: np.ndarray, slots: np.ndarray):
    """Couples between the mentees without a pair and the mentors with a free place in ``assigned``
    (rows, columns): for each such mentor its best few of those mentees (its free places and two more),
    equal scores drawn evenly. Scored again by the compiled scorer, a form at a time, where the mentees
    without a pair and the free places are both at least one in _FILL_SHARE of the form's mentees and make
    at most _FILL_COUPLES couples (else none: the proof finds what is missing)."""
    used = np.bincount(assigned[assigned >= 0], minlength=problem.k)
    room = slots - used
    found_rows: list[np.ndarray] = []
    found_cols: list[np.ndarray] = []
    for start, end, group in scored.groups:
        free = group[room[group] > 0]
        idle = np.flatnonzero((assigned[start:end] < 0) & (scored.best_any[start:end] > 0)) + start
        if min(len(idle), int(room[free].sum())) * _FILL_SHARE < end - start:
            continue  # (a few: the proof's repair finds them, at no extra solve)
        if len(free) * len(idle) > _FILL_COUPLES:
            continue
        wanted = room[free] + 2
        step = max(1, 4 * _BLOCK // len(free))
        for at in range(0, len(idle), step):
            rows = idle[at : at + step]
            key = problem.dense(rows, free, scored.args)
            key += _jitter(rows, len(free))
            key = np.ascontiguousarray(key.T)  # (mentor, mentee): each mentor's row
            many = min(len(rows), int(wanted.max()))
            top = np.argpartition(-key, many - 1, axis=1)[:, :many]
            top = np.take_along_axis(top, np.argsort(-np.take_along_axis(key, top, axis=1), axis=1), axis=1)
            place = np.broadcast_to(np.arange(len(free))[:, None], top.shape)
            take = (np.arange(many)[None, :] < wanted[:, None]) & (key[place, top] > -np.inf)
            found_rows.append(rows[top[take]])
            found_cols.append(free[place[take]])
    return _cat(found_rows, np.int64), _cat(found_cols, np.int64)


# a mentor's free places are looked for among the mentees without a pair at most this many times before
# the proof (breaker16's shape, places for half the pupils and no profiles: the first graph left 935
# mentors with a free place beside 6,932 mentees without a pair, and the proof took six checks instead
# of four), where the two make at most this many couples and both are at least one in this many mentees
_FILL_ROUNDS = 3
_FILL_COUPLES = 16_000_000
_FILL_SHARE = 20


def _type_counts(problem: _Problem, free_rows: np.ndarray, slots: np.ndarray):
    row_type, col_type, row_first, col_first = problem.types()
    supply = np.bincount(row_type[free_rows], minlength=len(row_first))
    capacity = np.bincount(col_type, weights=slots, minlength=len(col_first)).astype(np.int64)
    return supply, capacity


def _by_types(problem: _Problem, settings: Settings, free_rows: np.ndarray, slots: np.ndarray) -> bool:
    """Whether the whole run goes class by class: the optimum (the fair objective's too), the stable
    assignment, the groups, the blocking couples and the reasons, never the n × k couples. Networking
    choices make each chooser and each chosen person a class of its own, and the blocking couples
    they rank are checked one by one (:func:`_blocking_by_types`); only the stable assignment, whose
    class-by-class deferred acceptance knows no ranks, scores the pool when somebody ranks somebody."""
    if len(problem.pref_key) and settings.stable:
        return False
    return _compressible(problem, free_rows, slots)


def _blocking_by_types(problem: _Problem, final: np.ndarray) -> tuple[int, tuple] | None:
    """:func:`_blocking` class by class; None when the classes are too many.

    A couple nobody ranks blocks by the scores alone, so those are counted class by class
    (:func:`pairing.classes.blocking`) with the bars of :func:`_standing`: a mentee whose pair is
    ranked gains from no unranked couple, a full mentor only over its worst unranked mentee. The
    couples somebody ranks (as many as the networking choices) are judged one by one, as
    :func:`_blocking` judges them, and take the place of their class-by-class verdicts."""
    from . import classes

    n, k = problem.n, problem.k
    row_type, col_type, _first_rows, _first_cols = problem.types()
    problem.build_table()
    assert problem._table is not None
    table_scores, table_allowed = problem._table
    table_ok = table_allowed & problem.eligible(table_scores)
    matched = np.flatnonzero(final >= 0)
    current = np.full(n, -np.inf)
    current[matched] = table_scores[row_type[matched], col_type[final[matched]]]
    standing = _standing(problem, final, current)
    bar = np.where(standing.rank_m >= 0, np.inf, current)
    ranked = len(problem.pref_key)
    found = classes.blocking(
        row_type,
        col_type,
        table_scores,
        table_ok,
        bar,
        standing.full,
        standing.worst,
        BLOCKING_LISTED + ranked,
    )
    if found is None:
        return None
    count, rows, cols, scores, gains = found
    if ranked:
        # the couples somebody ranks: out of the class-by-class count and list, then judged one by one
        pr, pc = problem.pref_row, problem.pref_col
        pair_scores = table_scores[row_type[pr], col_type[pc]]
        ok = table_ok[row_type[pr], col_type[pc]]
        by_scores = (
            ok
            & (pair_scores > bar[pr] + TIE)
            & (~standing.full[pc] | (pair_scores > standing.worst[pc] + TIE))
        )
        count -= int(by_scores.sum())
        keys = rows * max(k, 1) + cols
        unranked = problem.pref_key[np.searchsorted(problem.pref_key, keys).clip(max=ranked - 1)] != keys
        rows, cols, scores, gains = rows[unranked], cols[unranked], scores[unranked], gains[unranked]
        ok &= final[pr] != pc
        block = np.flatnonzero(ok)[_prefers(problem, standing, pr[ok], pc[ok], pair_scores[ok], final)]
        count += len(block)
        now = current[pr[block]]
        rows, cols = np.concatenate((rows, pr[block])), np.concatenate((cols, pc[block]))
        scores = np.concatenate((scores, pair_scores[block]))
        gains = np.concatenate((gains, pair_scores[block] - np.where(np.isfinite(now), now, 0.0)))
        first = np.lexsort((cols, rows, -gains))[:BLOCKING_LISTED]
        rows, cols, scores = rows[first], cols[first], scores[first]
    listed = tuple(
        BlockingCouple(
            mentee=problem.mentees[r].id,
            mentor=problem.mentors[c].id,
            score=float(s),
            mentee_now=float(current[r]) if np.isfinite(current[r]) else None,
            mentor_free=not bool(standing.full[c]),
        )
        for r, c, s in zip(rows.tolist(), cols.tolist(), scores.tolist(), strict=True)
    )
    return count, listed


def _reasons_by_types(problem: _Problem, slots: np.ndarray) -> tuple[dict[int, np.ndarray], np.ndarray]:
    """What :func:`_unmatched` reads from the pool, class by class: per form the mentors with free
    places in it, and per mentee the best score of an allowed couple with one of them (-1: none)."""
    from . import classes

    row_type, col_type, _first_rows, _first_cols = problem.types()
    problem.build_table()
    assert problem._table is not None
    table_scores, table_allowed = problem._table
    group_cols: dict[int, np.ndarray] = {}
    for form in sorted(set(problem.row_form.tolist())):
        in_form = problem.col_forms[form] if form >= 0 else np.ones(problem.k, dtype=bool)
        group_cols[form] = np.flatnonzero(in_form & (slots > 0)).astype(np.int64)
    usable = np.zeros(table_scores.shape[1], dtype=bool)
    usable[col_type[slots > 0]] = True
    return group_cols, classes.best_by_row(row_type, table_scores, table_allowed, usable)


def _compressible(problem: _Problem, free_rows: np.ndarray, slots: np.ndarray) -> bool:
    """Whether the people fall into few enough types for the compressed solver."""
    if problem.n < _TYPE_MIN or problem.k == 0:
        return False
    supply, capacity = _type_counts(problem, free_rows, slots)
    rows, cols = int((supply > 0).sum()), int((capacity > 0).sum())
    if rows == 0 or cols == 0 or len(supply) * len(capacity) > _TYPE_TABLE:
        return False
    return rows <= _TYPE_SHARE * int(free_rows.sum()) or cols <= _TYPE_SHARE * int((slots > 0).sum())


def _transport(rows, cols, gains, supply, capacity):
    """The optimum of the transportation problem on the couples (rows, cols) of types: flows, the
    prices of the row types and of the column types. HiGHS's dual simplex ends on a vertex, which is
    integral here (the constraint matrix of a bipartite graph is totally unimodular)."""
    from scipy.optimize import linprog
    from scipy.sparse import csc_array

    m, e = len(supply), len(rows)
    matrix = csc_array(
        (np.ones(2 * e), (np.concatenate((rows, m + cols)), np.tile(np.arange(e), 2))),
        shape=(m + len(capacity), e),
    )
    answer = linprog(
        -gains,
        A_ub=matrix,
        b_ub=np.concatenate((supply, capacity)).astype(np.float64),
        bounds=(0, None),
        method="highs-ipm",
    )
    if answer.status != 0:
        raise RuntimeError(f"the transportation problem was not solved: {answer.message}")
    prices = np.maximum(-answer.ineqlin.marginals, 0.0)
    return np.rint(answer.x).astype(np.int64), prices[:m], prices[m:]


def _solve_types(problem: _Problem, free_rows: np.ndarray, slots: np.ndarray, bonus: float, report):
    """The optimum for people in few types (empty profiles, few tags): a transportation problem
    between the types of mentees (as many as there are of the type) and of mentors (as many places as
    they have), grown until its dual prices hold for every couple of types, then spread over people.

    Proof: the prices, made feasible for every couple of types (each row type's price raised to its
    best reduced gain), bound any assignment's total gain; the gap is that bound minus ours."""
    row_type, col_type, row_first, col_first = problem.types()
    supply, capacity = _type_counts(problem, free_rows, slots)
    rows_t, cols_t = np.flatnonzero(supply > 0), np.flatnonzero(capacity > 0)
    a, b = supply[rows_t], capacity[cols_t]
    problem.build_table()
    scores, allowed = problem.pairs(
        np.repeat(row_first[rows_t], len(cols_t)), np.tile(col_first[cols_t], len(rows_t))
    )
    ok = allowed & problem.eligible(scores)
    gain = np.where(ok, scores + bonus, -np.inf).reshape(len(rows_t), len(cols_t))
    usable = np.isfinite(gain)
    # the first graph: each type's best few couples, equal ones spread evenly
    keyed = np.where(usable, gain + _jitter(np.arange(len(rows_t)), len(cols_t)), -np.inf)
    chosen = np.zeros(gain.shape, dtype=bool)
    if len(cols_t) > _TYPE_EDGES:
        top = np.argpartition(keyed, len(cols_t) - _TYPE_EDGES, axis=1)[:, len(cols_t) - _TYPE_EDGES :]
        np.put_along_axis(chosen, top, True, axis=1)
    else:
        chosen[:] = True
    if len(rows_t) > _TYPE_EDGES:
        top = np.argpartition(keyed, len(rows_t) - _TYPE_EDGES, axis=0)[len(rows_t) - _TYPE_EDGES :]
        np.put_along_axis(chosen, top, True, axis=0)
    else:
        chosen[:] = True
    chosen &= usable
    tolerance = _TOLERANCE * max(1.0, bonus / 100.0)
    rounds, certified = 0, False
    flow = np.zeros(0, dtype=np.int64)
    er = ec = np.zeros(0, dtype=np.int64)
    u, v = np.zeros(len(rows_t)), np.zeros(len(cols_t))
    while rounds < _TYPE_ROUNDS:
        rounds += 1
        report(min(85, 50 + 3 * rounds), _("Finding the best assignment"))
        er, ec = np.nonzero(chosen)
        if len(er) == 0:
            certified = True
            break
        flow, u, v = _transport(er, ec, gain[er, ec], a, b)
        excess = gain - u[:, None] - v[None, :]
        excess[~usable] = -np.inf
        broken = excess > tolerance
        if not broken.any():
            certified = True
            break
        # the most violated couples of each row type and of each column type join the graph
        keyed = np.where(broken, excess, -np.inf)
        for axis, size in ((1, len(cols_t)), (0, len(rows_t))):
            take = min(_TYPE_EDGES, size)
            top = np.argpartition(keyed, size - take, axis=axis)
            top = top[:, size - take :] if axis == 1 else top[size - take :]
            mark = np.zeros(gain.shape, dtype=bool)
            np.put_along_axis(mark, top, True, axis=axis)
            chosen |= mark & broken
    # the answer, spread over people: the mentees of a type in order, the places of a type in order
    primal = float((flow * gain[er, ec]).sum()) if len(er) else 0.0
    raised = np.maximum(u, 0.0)
    if usable.any():
        best = np.where(usable, gain - v[None, :], -np.inf).max(axis=1)
        raised = np.maximum(raised, best)
    dual = float((a * raised).sum() + (b * v).sum())
    gap = max(0.0, dual - primal)
    certified = certified or gap <= tolerance
    assigned = np.full(problem.n, -1, dtype=np.int64)
    if certified and _on_certificate is not None:  # the prices of the types, person by person
        row_price = np.zeros(len(supply))
        row_price[rows_t] = raised
        col_price = np.zeros(len(capacity))
        col_price[cols_t] = v
        certificate = (row_price[row_type], col_price[col_type])
    used = flow > 0
    er, ec, flow = er[used], ec[used], flow[used]
    if len(flow):
        row_pos = np.full(len(supply), -1, dtype=np.int64)
        row_pos[rows_t] = np.arange(len(rows_t))
        col_pos = np.full(len(capacity), -1, dtype=np.int64)
        col_pos[cols_t] = np.arange(len(cols_t))
        people = np.flatnonzero(free_rows)
        people = people[np.argsort(row_pos[row_type[people]], kind="stable")]
        people_start = np.searchsorted(row_pos[row_type[people]], np.arange(len(rows_t)))
        places = np.repeat(np.arange(problem.k), slots)
        places = places[np.argsort(col_pos[col_type[places]], kind="stable")]
        places_start = np.searchsorted(col_pos[col_type[places]], np.arange(len(cols_t)))

        def offsets(group: np.ndarray) -> np.ndarray:
            order = np.argsort(group, kind="stable")
            out = np.zeros(len(group), dtype=np.int64)
            sorted_flow = flow[order]
            ends = np.cumsum(sorted_flow)
            starts = ends - sorted_flow
            first = np.searchsorted(group[order], group[order])
            out[order] = starts - starts[first]
            return out

        step = np.arange(int(flow.sum())) - np.repeat(np.cumsum(flow) - flow, flow)
        who = people[np.repeat(people_start[er] + offsets(er), flow) + step]
        where = places[np.repeat(places_start[ec] + offsets(ec), flow) + step]
        assigned[who] = where
    if certified and _on_certificate is not None:
        _on_certificate(problem, slots, bonus, assigned, *certificate)
    stats = {
        "types": float(len(rows_t) + len(cols_t)),
        "candidate_edges": float(int(chosen.sum())),
        "rounds": float(rounds),
        "checks": float(rounds),
        "certified": float(certified),
        "gap": 0.0 if certified else gap,
    }
    return assigned, stats


def _gap(problem: _Problem, scored: _Scored, assigned, u, v, bonus: float, slots) -> float:
    """How far the assignment may be from the optimum, at most: a dual bound minus its total gain.

    Prices (u, v) that some couples violate are made feasible by raising each mentee's price to its
    best reduced gain (from the kept scores, and for the couples left out their mentee's bound less
    the cheapest mentor of the form, plus the rounding margin: an upper bound); then, by
    weak duality, no assignment gains more than the sum of the prices over people and places."""
    from . import kernel

    raised = u.copy()
    best = kernel.row_best(scored.indptr, scored.cols, scored.scores, (v - bonus).astype(np.float64))
    np.maximum(raised, best + scored.slack, out=raised)
    # the couples left out score at most their mentee's bound, and cost at least the cheapest mentor
    left_out = scored.rest.astype(np.float64) + scored.slack + bonus - scored.group_min(v)
    np.maximum(raised, np.where(np.isfinite(scored.rest), left_out, -np.inf), out=raised)
    raised = np.maximum(raised, 0.0)
    matched = np.flatnonzero(assigned >= 0)
    scores, _allowed = problem.pairs(matched, assigned[matched])
    primal = float((scores + bonus).sum())
    in_pool = scored.min_price_group >= 0
    dual = float(raised[in_pool].sum() + (slots * v).sum())
    return max(0.0, dual - primal)


def _violations(
    problem: _Problem,
    scored: _Scored,
    u: np.ndarray,
    v: np.ndarray,
    bonus: float,
    most: int = _VIOLATED_LIMIT,
):
    """The eligible couples worth more than their prices (score + bonus > u + v + tolerance), at most
    ``most`` per mentee and _REPAIR_PER_MENTOR per mentor (the most violated: one at least whenever
    one is), and how many couples were scored exactly.

    Every stored couple is looked at. Where the stored score exceeds the prices by more than its
    rounding margin the couple is violated for sure: only the mentee's most violated few are kept
    (a mentee left out of the graph may have thousands). Where it is within the margin, the exact
    score decides. No couple violated: the prices prove the optimum.

    The couples left out of the store are scored by the compiled scorer (:func:`kernel.outside`) for
    the mentees whose bound leaves a violation possible — again only against the mentors that got
    cheaper, for a mentee whose earlier scoring still bounds the rest (:class:`_Rescored`). Only what
    may join the graph is scored exactly (numpy): every couple maybe violated at the stored precision
    (so a violated couple is never missed), and of those violated for sure or near the prices the best
    _REPAIR_PER_MENTOR per mentor (their exact scores differ by the rounding margin at most: those
    violated for sure stay violated).

    The couples left out of the store are looked at at every check, even when the stored ones already
    refute the prices: a round then repairs both at once. (Looked at only once the store holds, on
    inputs where half the mentees have empty profiles each costly check found violated couples the
    next exact solve had made anew, and the proof took 11 rounds instead of 5.)"""
    from . import kernel

    sure_above, maybe_above = _TOLERANCE + scored.slack, _TOLERANCE - scored.slack
    rows_of = scored.entry_rows
    shift = (v - bonus).astype(np.float64)
    stored = _stored_near(scored, u, shift, most)
    near_rows = [rows_of[stored].astype(np.int64)]
    near_cols = [scored.cols[stored].astype(np.int64)]
    near_scores = [scored.scores[stored].astype(np.float64)]
    outside_from = len(stored)
    # the couples left out of the store: scored again only where the bound leaves a violation possible
    # (the mentee's bound above its price plus the mentor's), by the compiled scorer in one pass; what
    # it finds near the prices or above, with the scores it found (stored precision)
    limit = scored.rest + scored.slack - u - maybe_above  # against shift = v - bonus
    memo = scored.rescored
    epoch = len(memo.shifts)
    prices = u.astype(np.float64)
    low = maybe_above - _REPAIR_MARGIN
    open_mask = np.isfinite(scored.rest) & (limit > scored.group_min(shift))
    # mentees scored again at an earlier check, whose bound then still holds against their price now
    # (a couple is violated above _TOLERANCE; half the slack for rounding): only their listed couples
    # and those with the mentors that got cheaper since are looked at again (see _Rescored) — found
    # among the mentors got cheaper since, without walking the row (kernel._known: margin 0, no
    # limit of mentors left unscored then, as the bound covers them); the others are scored again
    # whole, and listed again. (A finer rule — the mentors whose price fell by more than the bound
    # allows — scored fewer couples but found fewer near ones: another graph, and among equal totals
    # other pairs, for no measurable gain at matching_100000.)
    partly = open_mask & (memo.epoch >= 0) & (memo.bound - u <= _TOLERANCE - scored.slack / 2)
    since = np.where(partly, memo.epoch, -1)
    margin = np.zeros(len(u))
    old_limit = np.full(len(u), np.inf)
    olds = np.array([*memo.shifts, shift])
    listed_rows, listed_cols, listed_scores = memo.listed()
    at = since[listed_rows]
    wanted = at >= 0  # (the mentors that got cheaper are scored again below)
    wanted[wanted] = shift[listed_cols[wanted]] >= olds[at[wanted], listed_cols[wanted]]
    wanted &= listed_scores - shift[listed_cols] - u[listed_rows] > low
    near_rows.append(listed_rows[wanted])
    near_cols.append(listed_cols[wanted])
    near_scores.append(listed_scores[wanted])
    relisted: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    for start, end, cols in scored.groups:
        rows = np.flatnonzero(open_mask[start:end]) + start
        if len(rows) == 0:
            continue
        # also the couples within _REPAIR_MARGIN of violating: scoring these mentees again is the
        # costly part, and with those couples in the graph the next prices are seldom refuted again
        count, found, found_scores, rest, cheapest, whole = kernel.outside(
            rows,
            cols,
            limit[rows],
            since[rows],
            margin[rows],
            old_limit[rows],
            olds,
            prices,
            shift,
            low,
            maybe_above,
            most,
            scored.indptr,
            scored.cols,
            *scored.args,
        )
        mask = np.arange(found.shape[1])[None, :] < count[:, None]
        near_rows.append(np.repeat(rows, count))
        near_cols.append(found[mask])
        near_scores.append(found_scores[mask])
        if not whole.any():
            continue
        # what the mentees scored whole have left out and not listed is worth at most, less this
        # check's shift: those scored now (up to the scorer's slack), the others (shift >= limit) by
        # the mentee's bound less the cheapest of them
        again = rows[whole]
        unscored = scored.rest[again] + scored.slack - cheapest[whole]
        memo.bound[again] = np.maximum(rest[whole] + scored.slack, unscored)
        memo.epoch[again] = epoch
        listed_mask = mask & whole[:, None]
        relisted.append((np.repeat(again, count[whole]), found[listed_mask], found_scores[listed_mask]))
    if relisted:  # listed once per check (each listing copies the whole memory)
        new_rows, new_cols, new_scores = (
            _cat([part[x] for part in relisted], dtype) for x, dtype in enumerate(_LISTED)
        )
        memo.relist(new_rows, new_cols, new_scores, epoch)
        memo.shifts.append(shift.copy())
    # what was found, at the stored precision: the couples violated for sure (beyond the rounding
    # margin), those maybe violated, and (left out of the store only) those near it. Scored exactly,
    # for the graph and the verdict: every one maybe violated, and of the others only the best few
    # per mentor, as many as can join the graph (_worst) — one violated for sure is violated exactly
    rows, cols = _cat(near_rows, np.int64), _cat(near_cols, np.int64)
    excess = _cat(near_scores) - shift[cols] - u[rows]
    near = excess <= maybe_above
    near[:outside_from] = False
    sure = ~near & (excess > sure_above)
    take = ~near & ~sure
    for part in (sure, near):
        take[kernel.column_top(cols, rows, excess, part, len(v), _REPAIR_PER_MENTOR, _JITTER)] = True
    rows_out, cols_out = [rows[take]], [cols[take]]
    examined = sum(len(part) for part in rows_out)
    found = _worst(problem, rows_out, cols_out, u, v, bonus, most)
    return (*found[:3], examined, found[3:])


def _stored_near(scored: _Scored, u: np.ndarray, shift: np.ndarray, most: int) -> np.ndarray:
    """The stored entries to judge against the prices ``u`` and ``shift`` (= v − bonus): those violated for
    sure, the most violated ``most`` per mentee, then every one maybe violated at the stored precision."""
    from . import kernel

    sure_above, maybe_above = _TOLERANCE + scored.slack, _TOLERANCE - scored.slack
    base = u.astype(np.float64)
    picked = np.flatnonzero(
        kernel.near(
            scored.indptr, scored.cols, scored.scores, shift, base, False, sure_above, True, most, _JITTER
        )
    )
    maybe = np.flatnonzero(
        kernel.band(scored.indptr, scored.cols, scored.scores, shift, base, maybe_above, sure_above)
    )
    return np.concatenate((picked, maybe))


def _stored_violations(
    problem: _Problem, scored: _Scored, u: np.ndarray, v: np.ndarray, bonus: float, most: int
):
    """The stored couples worth more than their prices, and those near it, as :func:`_worst` gives them
    (the first part of :func:`_violations`, without the couples left out of the store): those maybe
    violated at the stored precision all, and of those violated for sure the most violated few per
    mentee and per mentor."""
    from . import kernel

    sure_above = _TOLERANCE + scored.slack
    shift = (v - bonus).astype(np.float64)
    stored = _stored_near(scored, u, shift, most)
    rows = scored.entry_rows[stored].astype(np.int64)
    cols = scored.cols[stored].astype(np.int64)
    excess = scored.scores[stored] - shift[cols] - u[rows]
    sure = excess > sure_above
    take = ~sure
    take[kernel.column_top(cols, rows, excess, sure, len(v), _REPAIR_PER_MENTOR, _JITTER)] = True
    return _worst(problem, [rows[take]], [cols[take]], u, v, bonus, most)


def _worst(problem: _Problem, rows_out, cols_out, u: np.ndarray, v: np.ndarray, bonus: float, most: int):
    """Of the couples given, those the exact scores show worth more than their prices, at most
    ``most`` per mentee and _REPAIR_PER_MENTOR per mentor (the most violated), and those within
    _REPAIR_MARGIN of it (as many per mentee and per mentor):
    (rows, columns, scores, near rows, near columns, near scores)."""
    rows, cols = _cat(rows_out, np.int64), _cat(cols_out, np.int64)
    rows, cols, scores = _exact(problem, rows, cols)
    excess = scores + bonus - u[rows] - v[cols]
    # equal ones drawn evenly over the mentors (else every mentee of a tie names the same few)
    key = excess + _JITTER * np.mod(rows * 0.6180339887498949 + cols * 0.7548776662466927, 1.0)
    bad = excess > _TOLERANCE
    close = ~bad & (excess > -_REPAIR_MARGIN)
    found = []
    for part in (bad, close):
        at = np.flatnonzero(part)
        at = at[_top_each(rows[at], key[at], most) & _top_each(cols[at], key[at], _REPAIR_PER_MENTOR)]
        found += [rows[at], cols[at], scores[at]]
    return tuple(found)


def _top_each(group: np.ndarray, key: np.ndarray, limit: int) -> np.ndarray:
    """A mask of the entries among the ``limit`` largest keys of their group."""
    order = np.lexsort((-key, group))
    sorted_group = group[order]
    first = np.flatnonzero(np.concatenate(([True], sorted_group[1:] != sorted_group[:-1])))
    rank = np.arange(len(order)) - np.repeat(first, np.diff(np.append(first, len(order))))
    mask = np.zeros(len(order), dtype=bool)
    mask[order[rank < limit]] = True
    return mask


def _exact(problem: _Problem, rows: np.ndarray, cols: np.ndarray):
    """The exact (float64) scores of eligible couples among rows × cols, duplicates removed."""
    if len(rows) == 0:
        return rows, cols, np.zeros(0)
    keys = _sorted_unique(rows * problem.k + cols)
    rows, cols = keys // problem.k, keys % problem.k
    scores, allowed = problem.pairs(rows, cols)
    ok = allowed & problem.eligible(scores)
    return rows[ok], cols[ok], scores[ok]


def _unmatched(
    problem: _Problem, final: np.ndarray, group_cols: dict[int, np.ndarray], best_any: np.ndarray
) -> list[Unmatched]:
    """The mentees left without a pair and why (by mentee), then the mentors with places left."""
    consent = np.array([m.has_consent for m in problem.mentors], dtype=bool)
    trained = consent & np.array([m.trained for m in problem.mentors], dtype=bool)
    out: list[Unmatched] = []
    excluded_for = {mentee_id for mentee_id, _mentor_id in problem.settings.exclusions}
    for i in np.flatnonzero(final < 0).tolist():
        reason = _mentee_reason(problem, i, consent, trained, group_cols, best_any, excluded_for)
        out.append(Unmatched(problem.mentees[i].id, "mentee", reason))
    out.sort(key=lambda u: u.person)
    return out + _mentors_left(problem, final)


def _mentee_reason(
    problem: _Problem,
    i: int,
    consent: np.ndarray,
    trained: np.ndarray,
    group_cols: dict[int, np.ndarray],
    best_any: np.ndarray,
    excluded_for: set[int],
) -> str:
    """Why mentee i has no pair: the first of the checks, from the data up to the last pair taken."""
    settings = problem.settings
    mentee = problem.mentees[i]
    form = int(problem.row_form[i])
    in_form = problem.col_forms[form] if form >= 0 else np.ones(problem.k, dtype=bool)
    if not mentee.has_consent:
        return _("No consent to personal data processing")
    if not in_form.any():
        return _("No mentor with a suitable form of mentoring")
    if not (in_form & consent).any():
        return _("No mentor with a suitable form of mentoring has given consent to personal data processing")
    if settings.require_training and not (in_form & trained).any():
        return _("No mentor with a suitable form of mentoring has completed mentor training")
    if len(group_cols.get(form, ())) == 0:
        return _("All suitable mentors are busy")
    if best_any[i] < 0:
        return _nothing_allowed_reason(problem, mentee, in_form, excluded_for)
    if not problem.eligible(best_any[i : i + 1], _SLACK)[0]:
        if settings.min_score > 0:
            return _(
                "Score below the threshold: the best possible pair scores %(best)s of 100, "
                "the threshold is %(threshold)s"
            ) % {"best": round(float(best_any[i])), "threshold": _number(settings.min_score)}
        return _("No mentor scores above zero for this mentee")
    return _("All suitable mentors are busy")


def _nothing_allowed_reason(
    problem: _Problem, mentee: Mentee, in_form: np.ndarray, excluded_for: set[int]
) -> str:
    """Why no couple of the mentee's form may be proposed at all."""
    settings = problem.settings
    itself = problem.mentor_index.get(mentee.id)
    if settings.required:
        criteria = ", ".join(criterion_label(name) for name in sorted(settings.required))
        if "requests" in settings.required and mentee.unread:  # the likely cause: say it
            return _(
                "No suitable mentor meets the required criteria: %(criteria)s. The mentee's request was "
                "not understood (check its wording): %(words)s"
            ) % {"criteria": criteria, "words": "; ".join(f"«{text}»" for text in mentee.unread)}
        return _("No suitable mentor meets the required criteria: %(criteria)s") % {"criteria": criteria}
    if mentee.id in excluded_for:
        return _("The curator excluded every suitable mentor")
    if itself is not None and in_form[itself]:
        return _("The only suitable mentor is this person themself")
    return _("No mentor can be proposed for this mentee")


def _mentors_left(problem: _Problem, final: np.ndarray) -> list[Unmatched]:
    """The mentors with places left after ``final``, by mentor id, and why."""
    settings = problem.settings
    out: list[Unmatched] = []
    used = np.bincount(final[final >= 0], minlength=problem.k)
    for j, mentor in enumerate(problem.mentors):
        free = max(mentor.capacity, 0) - int(used[j])
        if free <= 0:
            continue
        if not mentor.has_consent:
            reason = _("No consent to personal data processing")
        elif settings.require_training and not mentor.trained:
            reason = _("Mentor training not completed")
        else:
            reason = _("Free places: %(free)s") % {"free": free}
        out.append(Unmatched(mentor.id, "mentor", reason))
    return out


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _ranks(problem: _Problem, rows: np.ndarray, cols: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(the mentee's rank of the mentor, the mentor's rank of the mentee), -1 where not ranked."""
    by_mentee = np.full(len(rows), -1, dtype=np.int64)
    by_mentor = np.full(len(rows), -1, dtype=np.int64)
    if len(problem.pref_key) and len(rows):
        keys = rows * problem.k + cols
        at = np.searchsorted(problem.pref_key, keys).clip(max=len(problem.pref_key) - 1)
        hit = problem.pref_key[at] == keys
        by_mentee[hit] = problem.pref_by_mentee[at[hit]]
        by_mentor[hit] = problem.pref_by_mentor[at[hit]]
    return by_mentee, by_mentor


@dataclass
class _Standing:
    """What each person has in an assignment, as the blocking couples read it."""

    current: np.ndarray  # each mentee's score now (-inf: no pair)
    rank_m: np.ndarray  # the mentee's rank of its mentor (-1: not ranked, or no pair)
    full: np.ndarray  # the mentor has no free place
    max_rank: np.ndarray  # the mentor's worst rank among its ranked mentees (-1: none)
    worst: np.ndarray  # the lowest score among the mentor's unranked mentees (+inf: none)


def _standing(problem: _Problem, final: np.ndarray, current: np.ndarray) -> _Standing:
    n, k = problem.n, problem.k
    matched = np.flatnonzero(final >= 0)
    rank_m, rank_t = np.full(n, -1), np.full(n, -1)
    rank_m[matched], rank_t[matched] = _ranks(problem, matched, final[matched])
    used = np.bincount(final[matched], minlength=k)
    # each mentor's least preferred mentee: the worst rank when all are ranked, else the lowest unranked score
    max_rank = np.full(k, -1)
    np.maximum.at(max_rank, final[matched], rank_t[matched])
    unranked = matched[rank_t[matched] < 0]
    worst = np.full(k, np.inf)
    np.minimum.at(worst, final[unranked], current[unranked])
    return _Standing(current, rank_m, used >= problem.capacity, max_rank, worst)


def _prefers(
    problem: _Problem, standing: _Standing, rows: np.ndarray, cols: np.ndarray, scores: np.ndarray, final
) -> np.ndarray:
    """Whether each couple (allowed, eligible, not a pair of ``final``) blocks: the mentee prefers the
    mentor to what it has and the mentor has a free place or prefers the mentee to its least
    preferred one; each side by its networking ranking first (a ranked person beats an unranked
    one), then by score — higher by more than ``TIE`` (equal scores summed in another order are equal)."""
    rank_m, rank_t = _ranks(problem, rows, cols)
    cur_m = standing.rank_m[rows]
    mentee_prefers = np.where(
        final[rows] < 0,
        True,
        np.where(
            cur_m >= 0,
            (rank_m >= 0) & (rank_m < cur_m),
            (rank_m >= 0) | (scores > standing.current[rows] + TIE),
        ),
    )
    all_ranked = ~np.isfinite(standing.worst[cols])
    mentor_prefers = np.where(
        ~standing.full[cols],
        True,
        np.where(
            rank_t >= 0,
            ~all_ranked | (rank_t < standing.max_rank[cols]),
            ~all_ranked & (scores > standing.worst[cols] + TIE),
        ),
    )
    return mentee_prefers & mentor_prefers


def _blocking(problem: _Problem, scored: _Scored, final, locked_to, slots) -> tuple[int, tuple]:
    """Couples (mentee, mentor) not together, allowed and eligible, where the mentee prefers the
    mentor to the one they got (or to none) and the mentor has a free place or prefers the mentee to
    its least preferred one. Each side prefers by its networking ranking first (a ranked person beats
    an unranked one), then by score."""
    from . import kernel

    n, k = problem.n, problem.k
    matched = np.flatnonzero(final >= 0)
    cur_scores = np.full(n, -np.inf)
    cur_scores[matched] = problem.pairs(matched, final[matched])[0]
    standing = _standing(problem, final, cur_scores)
    full = standing.full
    # the bar an unranked mentee must clear, from the mentee's side and the mentor's
    # (a score must clear a bar by more than TIE: couples tied with what people have, millions where
    # scores tie widely, are settled by the compiled scores without being scored again)
    bar_m = np.where(final < 0, -np.inf, np.where(standing.rank_m >= 0, np.inf, cur_scores + TIE))
    bar_t = np.where(~full, -np.inf, standing.worst + TIE)

    blocking: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []  # rows, columns, exact scores

    def judge(rows: np.ndarray, cols: np.ndarray) -> None:
        """Of the couples given (distinct; maybe blocking by their stored or compiled score), those that
        block by their exact scores, kept; judged a few at a time, as they are found (where scores tie
        widely millions of couples tie with what people have, and none of them blocks)."""
        for a in range(0, len(rows), _BLOCK):
            r, c = rows[a : a + _BLOCK], cols[a : a + _BLOCK]
            scores, allowed = problem.pairs(r, c)
            ok = allowed & problem.eligible(scores) & (final[r] != c)
            r, c, scores = r[ok], c[ok], scores[ok]
            block = _prefers(problem, standing, r, c, scores, final)
            blocking.append((r[block], c[block], scores[block]))

    def keep(r0: int, rows: np.ndarray, cols: np.ndarray, upper: np.ndarray) -> None:
        r, c = np.nonzero((upper > bar_m[rows][:, None]) & (upper > bar_t[cols]))
        judge((rows[r] if r0 < 0 else r + r0).astype(np.int64), cols[c].astype(np.int64))

    judge(problem.pref_row.astype(np.int64), problem.pref_col.astype(np.int64))
    hit = kernel.above(
        scored.indptr, scored.cols, scored.scores, float(scored.slack), bar_m.astype(np.float64), bar_t
    )
    judge(scored.entry_rows[hit].astype(np.int64), scored.cols[hit].astype(np.int64))
    del hit
    # the couples left out of the store, where their bound says one of them might block
    bound = scored.rest.astype(np.float64) + scored.slack
    for rows, cols, dense in _reopened(problem, scored, np.where(bound > bar_m, bound, -np.inf), bar_t):
        keep(-1, rows, cols, dense.astype(np.float64) + scored.slack)
    # outside the stored scores: locked mentees who did not rank their mentor (a row each)...
    everyone = np.ones(k, dtype=bool)
    for i in np.flatnonzero((locked_to >= 0) & (standing.rank_m < 0) & problem.row_consent).tolist():
        form = int(problem.row_form[i])
        cols = np.flatnonzero((problem.col_forms[form] if form >= 0 else everyone) & problem.col_available)
        colpos = np.full(k, -1, dtype=np.int64)
        colpos[cols] = np.arange(len(cols))
        keep(i, np.array([i]), cols, problem.block(i, i + 1, cols, colpos))
    # ...and mentors whose places are all taken by locked pairs (against the mentees of their forms)
    busy = (slots == 0) & problem.col_available
    if busy.any():
        boundaries = np.flatnonzero(np.diff(problem.row_form)) + 1
        for start, end in zip(
            np.concatenate(([0], boundaries)).tolist(),
            np.concatenate((boundaries, [n])).tolist(),
            strict=True,
        ):
            form = int(problem.row_form[start])
            cols = np.flatnonzero(busy & (problem.col_forms[form] if form >= 0 else everyone))
            if len(cols) == 0:
                continue
            colpos = np.full(k, -1, dtype=np.int64)
            colpos[cols] = np.arange(len(cols))
            step = max(1, _BLOCK // len(cols))
            for r0 in range(start, end, step):
                r1 = min(end, r0 + step)
                keep(r0, np.arange(r0, r1), cols, problem.block(r0, r1, cols, colpos))
    rows, cols = _cat([b[0] for b in blocking], np.int64), _cat([b[1] for b in blocking], np.int64)
    if len(rows) == 0:
        return 0, ()
    scores = _cat([b[2] for b in blocking])
    # a couple found twice (stored and in a block scored again, or ranked) counts once
    _, first = np.unique(rows * k + cols, return_index=True)
    rows, cols, scores = rows[first], cols[first], scores[first]
    # the couples most wanted first: the biggest gain for the mentee over what they have now
    now = cur_scores[rows]
    order = np.lexsort((cols, rows, -(scores - np.where(np.isfinite(now), now, 0.0))))
    listed = tuple(
        BlockingCouple(
            mentee=problem.mentees[rows[b]].id,
            mentor=problem.mentors[cols[b]].id,
            score=float(scores[b]),
            mentee_now=float(cur_scores[rows[b]]) if np.isfinite(cur_scores[rows[b]]) else None,
            mentor_free=not bool(full[cols[b]]),
        )
        for b in order[:BLOCKING_LISTED].tolist()
    )
    return len(rows), listed


def score_matrix(
    mentees: Sequence[Mentee], mentors: Sequence[Mentor], settings: Settings = Settings()
) -> tuple[list[int], list[int], np.ndarray]:
    """(mentee ids, mentor ids, scores): the dense matrix of the scores :func:`match` optimises, 0 where
    a couple may not be proposed (hard constraint, below the threshold). For tests and benchmarks:
    ``linear_sum_assignment`` on it, with mentors repeated for their places, gives the optimum."""
    if not mentors:  # (no mentor: an empty matrix, as match() answers no pair)
        return [m.id for m in mentees], [], np.zeros((len(mentees), 0))
    problem = _Problem(mentees, mentors, settings)
    n, k = problem.n, problem.k
    out = np.zeros((n, k))
    cols = np.arange(k)
    step = max(1, _BLOCK // max(k, 1))
    for r0 in range(0, n, step):
        r1 = min(n, r0 + step)
        scores = problem.block(r0, r1, cols, cols)
        form = problem.row_form[r0:r1]
        allowed = np.where((form < 0)[:, None], True, problem.col_forms[form.clip(min=0)])
        allowed &= problem.row_consent[r0:r1, None] & problem.col_available[None, :]
        out[r0:r1] = np.where(allowed & problem.eligible(scores), scores, 0.0)
    return [m.id for m in problem.mentees], [m.id for m in problem.mentors], out
