"""Matching runs: the bases of a year become the engine's input, its proposals come back as pairs.

The engine (``pairing/matching.py``) is pure; this module reads the database for it, stores a run's
result, and turns accepted proposals into groups through ``services.group_create`` — so a proposal
that breaks a rule (a mentee paired meanwhile, a mentor now full) is refused, never duplicated.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import asdict, dataclass, replace
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from mentoring.access import Scope
from mentoring.models import Organization, Programme, User
from mentoring.services import job_claim, job_create, job_enqueue, job_fail, job_progress, job_succeed
from participants.ages import age_on
from participants.models import MATCHABLE_STATUSES, MenteeProfile, MentorProfile, Person, ProfileStatus
from participants.selectors import valid_consent, vocabulary_effective

from . import matching, semantics
from .models import GroupMember, MatchingRun, MentoringForm, MentoringGroup
from .services import PairingError, default_dates, group_create, open_mentee_load

logger = logging.getLogger(__name__)

JOB_KIND = "matching"
GRADE = re.compile(r"\d+")


def _grade(group_name: str) -> int | None:
    found = GRADE.search(group_name or "")
    return int(found.group()) if found and int(found.group()) <= 11 else None


def vocabulary_for(organization: Organization) -> semantics.Vocabulary:
    """The organisation's vocabulary (shared, its authority's, its own) for the engine, with what the
    organisation and those above it changed in the terms they do not own (added words, hidden terms)."""
    return semantics.Vocabulary(
        semantics.Concept(
            key=str(item.term.pk),
            name=item.term.name,
            synonyms=tuple(word for word in item.synonyms if word.strip()),
            broader=tuple(str(up.pk) for up in item.broader),
            kind=item.term.kind,
        )
        for item in vocabulary_effective(organization)
        if not item.hidden
    )


def _named_subjects(
    vocabulary: semantics.Vocabulary, meaning: semantics.Meaning, setting: frozenset[str] = frozenset()
) -> list[str]:
    """The words of the school subjects a meaning names itself (not only as a broader term, nor only as
    the ``setting`` of a need)."""
    out = []
    for token, words in meaning.words:
        concept = vocabulary.concepts.get(token[2:]) if token.startswith("c:") else None
        through_broader = words.endswith(")") and " (" in words  # «сочинению (русский язык)»
        if (
            concept is not None
            and concept.kind == "subject"
            and token not in meaning.broad
            and token not in setting
            and not through_broader
        ):
            out.append(words)
    return list(dict.fromkeys(out))


# the kinds of need a specialist's post covers (under an emotional need: psychology), and of what is
# only where such a need shows (a lesson, an exam)
_NEED_KINDS = frozenset({"emotional", "social", "urgent"})
_SETTING_KINDS = frozenset({"subject", "exam"})


def _story(vocabulary: semantics.Vocabulary, token: str) -> bool:
    """Whether a term a phrase of an emotional or social need names is only where the need shows: a subject
    or an exam, and a career or a class of one («в кадетах тяжело одному», «в кадетке ребята смеются») —
    not career guidance itself («не может выбрать профессию» asks for it)."""
    kind = _kind(vocabulary, token)
    return kind in _SETTING_KINDS or (kind == "career" and bool(vocabulary.ancestors(token[2:])))


def _kind(vocabulary: semantics.Vocabulary, token: str) -> str:
    concept = vocabulary.concepts.get(token[2:]) if token.startswith("c:") else None
    return concept.kind if concept is not None else ""


def _specialist_need(vocabulary: semantics.Vocabulary, token: str) -> bool:
    """An emotional need, or a social or urgent one under an emotional need (bullying under conflicts
    under communication under psychology): a psychologist's work, whatever lesson it happens in; not
    a social activity (volunteering) nor a year about to be failed (under school performance)."""
    kind = _kind(vocabulary, token)
    return kind == "emotional" or (
        kind in _NEED_KINDS
        and any(vocabulary.concepts[up].kind == "emotional" for up in vocabulary.ancestors(token[2:]))
    )


def _request_weights(
    vocabulary: semantics.Vocabulary, phrases: Sequence[str], asked: semantics.Meaning
) -> tuple[frozenset[str], frozenset[str]]:
    """(setting, heavy) of a mentee's requests, phrase by phrase. Setting: the subjects, exams and careers a
    phrase names only as where its emotional or social need shows («конфликт с учителем математики», «на
    уроках английского плачет», «боится ОГЭ», «в кадетах тяжело»: :func:`_story`), unless another phrase
    asks for them: they count as a broader term (in part) and are no subject area. Heavy: the urgent need
    a phrase names (a child in danger, a year about to be failed), its broader terms and the subjects it
    is about, which outweigh a hobby or a plain subject beside it."""
    setting: set[str] = set()
    plain: set[str] = set()
    heavy: set[str] = set()
    for phrase in phrases:
        if not phrase.strip():
            continue
        meaning = _meaning(vocabulary, [phrase])
        named = meaning.tokens - meaning.broad
        urgent = {token for token in named if _kind(vocabulary, token) == "urgent"}
        if urgent:
            # the urgent need, the broader terms it belongs to and the subjects it is about («двойки по
            # математике, оставят на второй год»), not the hobbies, pets or people the story tells of
            # beside it («классный руководитель заметила порезы, говорит что кошка поцарапала»)
            about = {token for token in named if _kind(vocabulary, token) in _SETTING_KINDS}
            above = {f"c:{key}" for token in urgent | about for key in vocabulary.ancestors(token[2:])}
            heavy |= meaning.tokens & (urgent | about | above)
        if any(_specialist_need(vocabulary, token) for token in named) and not _subject_led(
            vocabulary, phrase
        ):
            setting |= {token for token in named if _story(vocabulary, token)}
        else:
            plain |= named
    return frozenset((setting - plain) & asked.tokens), frozenset(heavy & asked.tokens)


_HEAD = re.compile(r"[:,;]|\s[-–—]\s")
_WISHING = frozenset({"хотеть", "хотеться", "мечтать", "любить", "нравиться", "интересоваться", "увлекаться"})


def _subject_led(vocabulary: semantics.Vocabulary, phrase: str) -> bool:
    """Whether a phrase is about its subject for all the need it names: it opens with the subject alone,
    as a heading («Английский: говорить без страха», «Немецкий, перевёлся из другой школы»; not
    «отличница по физике, замкнулась»: more than the subject), or it wishes for something the subject is
    the content of («хочет свободно общаться с иностранцами»; not «не хочет»)."""
    head = _HEAD.split(phrase, maxsplit=1)[0]
    if head.strip() and head != phrase:
        meaning = _meaning(vocabulary, [head])
        named = meaning.tokens - meaning.broad
        if named and all(_kind(vocabulary, token) in _SETTING_KINDS for token in named):
            return True
    words = [word.lower() for word in semantics.WORD.findall(phrase)]
    return any(
        semantics.lemma(word) in _WISHING and (k == 0 or words[k - 1] != "не") for k, word in enumerate(words)
    )


def _special_need_terms(vocabulary: semantics.Vocabulary) -> frozenset[str]:
    """The concept keys the vocabulary reads «ОВЗ» as."""
    return frozenset(
        token[2:] for token in _meaning(vocabulary, ["ОВЗ"], broader=False).tokens if token[:2] == "c:"
    )


def _names_special_needs(vocabulary: semantics.Vocabulary, asked: semantics.Meaning) -> bool:
    """The requests name special needs («ребёнок с ОВЗ», «ЗПР», «на домашнем обучении»): the term the
    vocabulary reads «ОВЗ» as, named (not only reached as a broader term)."""
    special = {f"c:{key}" for key in _special_need_terms(vocabulary)}
    return bool(special & (asked.tokens - asked.broad))


_SENSES = frozenset({"hearing", "sight"})

# A struggle with a subject («повышение успеваемости по русскому языку», «по русскому тройка») is that
# subject's teacher's job: school performance named in the same clause as a school subject is carried by
# the subject (the teacher of it meets the whole request), not a second request beside it; performance
# named alone («плохие оценки», «неуспеваемость») stays a request of its own.
_STRUGGLE = "успеваемость"
_STRUGGLE_CLAUSES = re.compile(r"[,;.!?()\n]|\b(?:но|а|зато|однако|хотя)\b", re.IGNORECASE)


def _struggles_with_subjects(
    vocabulary: semantics.Vocabulary, phrases: Sequence[str], setting: frozenset[str]
) -> frozenset[str]:
    """The tokens of school performance that every clause naming them names beside a school subject asked
    for (not only the ``setting`` of an emotional need: «боимся не сдать, русский на двойку» stays both)."""
    struggle = {
        token for token in _meaning(vocabulary, [_STRUGGLE], broader=False).tokens if token[:2] == "c:"
    }
    attached: set[str] = set()
    alone: set[str] = set()
    for phrase in phrases:
        # the subjects of the clause just before: «по русскому тройка, хочет подтянуть»
        before: set[str] = set()
        for clause in _STRUGGLE_CLAUSES.split(phrase):
            meaning = _meaning(vocabulary, [clause])
            named = {token for token in meaning.tokens - meaning.broad if token[:2] == "c:"}
            found = struggle & named
            subjects = {token for token in named - found if _kind(vocabulary, token) == "subject"}
            if subjects - setting or not subjects and named == found and before - setting:
                attached |= found
            else:
                alone |= found
            if named:
                before = subjects
    return frozenset(attached - alone)


def _told_special_needs(vocabulary: semantics.Vocabulary, tokens: frozenset[str]) -> frozenset[str]:
    """The terms of ``tokens`` that are special needs: the term «ОВЗ» is read as, those under it, and the
    losses of hearing and sight (terms of their own, for their specialists)."""
    special = _special_need_terms(vocabulary) | _SENSES
    return frozenset(
        token
        for token in tokens
        if token[:2] == "c:" and (token[2:] in special or special & set(vocabulary.ancestors(token[2:])))
    )


def _phrases(values: Iterable[object] | None) -> list[str]:
    return [str(value) for value in values or [] if str(value).strip()]


def _meaning(vocabulary: semantics.Vocabulary, *lists: Any, broader: bool = True) -> semantics.Meaning:
    return semantics.understand([text for values in lists for text in _phrases(values)], vocabulary, broader)


def _keywords(vocabulary: semantics.Vocabulary, *lists: Any) -> frozenset[str]:
    """The words of everything a person wrote, as the engine compares them (the words criterion): an exam
    named with its subject is the exam of that subject (:func:`_exam_clauses`), as in the requests."""
    phrases = [text for values in lists for text in _phrases(values)]
    words = frozenset().union(*(vocabulary.keywords(text) for text in phrases))
    scoped, qualified, alone = _exam_clauses(vocabulary, phrases)
    return (words - {f"c:{key}" for key in qualified - alone}) | frozenset(scoped)


def _preferred(text: str) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    found = semantics.parse_grades(text)
    if found is None:
        return None, None
    kind, low, high = found
    return ((low, high), None) if kind == "grade" else (None, (low, high))


def _ranked_ids(values: Iterable[Any] | None) -> tuple[int, ...]:
    """Person ids ranked at the networking session (stored on the profile by the questionnaire; JSON, so
    anything that is not a whole number is skipped)."""
    ranked = []
    for value in values or []:
        try:
            ranked.append(int(value))
        except (TypeError, ValueError):
            continue
    return tuple(dict.fromkeys(ranked))


def _words(*meanings: semantics.Meaning) -> tuple[tuple[str, str], ...]:
    """Every (token, words) of the meanings once, first occurrences first."""
    return tuple(dict.fromkeys(item for meaning in meanings for item in meaning.words))


def engine_settings(options: dict[str, Any], locked: Sequence[Sequence[int]] = ()) -> matching.Settings:
    known = set(matching.CRITERIA)
    weights = matching.Weights(
        **{key: float(value) for key, value in options.get("weights", {}).items() if key in known}
    )
    return matching.Settings(
        weights=weights,
        require_training=bool(options.get("require_training")),
        maximise_count=bool(options.get("maximise_count")),
        min_score=float(options.get("min_score") or 0),
        exclusions=frozenset(tuple(pair) for pair in options.get("exclusions", [])),
        locked=tuple((mentee, mentor) for mentee, mentor in locked),
        fairness=float(options.get("fairness") or 0),
        stable=bool(options.get("stable")),
        group_size=int(options.get("group_size") or 0),
        required=frozenset(name for name in options.get("required", []) if name in matching.REQUIRABLE),
    )


# a criterion weighs 0 to 10 in tenths (the page offers whole numbers, shared words in tenths): what a
# criterion adds to a score is then far above classes.TIE, below which two scores are equal for the
# engine — a certified optimum is exact up to TIE per pair, and a weight of 5e-9 would make a criterion
# count for less than that (breaker17, 8 December 2026)
WEIGHT_RULE = gettext_noop("A weight is a number from 0 to 10 in steps of 0.1: %(item)s.")


def weight_allowed(value: float) -> bool:
    """Whether a weight is one the page and ``manage.py match`` accept (NaN and infinity are not)."""
    return 0 <= value <= 10 and abs(value * 10 - round(value * 10)) < 1e-9


def option_errors(options: dict[str, Any]) -> list[str]:
    """What is wrong with a run's options, in the curator's words (empty: nothing). The one check the
    page «Подобрать пары» and ``manage.py match`` share; the combinations are the engine's own rule
    (:func:`matching.option_conflict`)."""
    errors = []
    for key, value in (options.get("weights") or {}).items():
        if key not in matching.CRITERIA:
            errors.append(_("Unknown criterion: %(name)s.") % {"name": key})
        elif not weight_allowed(float(value)):
            errors.append(_(WEIGHT_RULE) % {"item": f"{key}={value}"})
    for key in options.get("required") or []:
        if key not in matching.REQUIRABLE:
            errors.append(_("This criterion cannot be required: %(name)s.") % {"name": key})
    if not 0 <= float(options.get("min_score") or 0) <= 100:
        errors.append(_("The threshold is a number from 0 to 100."))
    if not 0 <= float(options.get("fairness") or 0) <= 1:
        errors.append(_("Fairness is a number from 0 to 1."))
    if not 0 <= int(options.get("group_size") or 0) <= 10:
        errors.append(_("The size of a group is a number from 0 to 10 mentees (0: pairs, not groups)."))
    if not errors:
        conflict = matching.option_conflict(engine_settings(options))
        if conflict is not None:
            errors.append(conflict)
    return errors


def objective(options: dict[str, Any]) -> str:
    """What the run optimises, hence what its proof (if any) is about: "stable" (no optimality claim),
    "fairness" (the fair objective), "groups" (formed greedily), "most_pairs" (the most pairs, then the
    highest total) or "total" (the highest total)."""
    if options.get("stable"):
        return "stable"
    if float(options.get("fairness") or 0) > 0:
        return "fairness"
    if int(options.get("group_size") or 0) >= 2:
        return "groups"
    if options.get("maximise_count"):
        return "most_pairs"
    return "total"


def proof_sentence(result: dict[str, Any]) -> str:
    """One sentence on what the run proved, for the command's output (the page has its own card)."""
    kind, certified, gap = result.get("objective", "total"), result.get("certified"), result.get("gap")
    cost = result.get("cost") or {}
    if kind == "stable":
        return _(
            "Stable assignment: no mentee and mentor would both rather be together; no optimality claim "
            "(total score %(total)s against %(optimum)s for the highest total)."
        ) % {"total": _points(result["total_score"]), "optimum": _points(cost.get("optimum_total"))}
    if certified is None:
        return _("Optimality not checked in this run.")
    if not certified:
        if gap is None:
            return _("Optimum not proved; no bound on how far it may be.")
        return _("Optimum not proved: a better assignment could add at most %(gap)s points.") % {
            "gap": _points(gap)
        }
    return {
        "fairness": _(
            "Proved: no other assignment scores higher when lower scores count for more (the fair "
            "objective); it costs %(lost)s points of total score."
        )
        % {"lost": _points(cost.get("lost", 0))},
        "most_pairs": _(
            "Proved: no assignment has more pairs, and none with as many pairs has a higher total score."
        ),
    }.get(kind, _("Proved: no other assignment has a higher total score."))


def _points(value: float | None) -> str:
    """A figure of score points as the command's other figures are written (a decimal comma in Russian)."""
    return "—" if value is None else number_format(value, decimal_pos=2)


def mentee_record(
    *,
    vocabulary: semantics.Vocabulary,
    id: int,
    form: str,
    requests: list[str],
    request_text: str = "",
    subject_areas: Sequence[str] = (),
    group_name: str = "",
    age: int | None = None,
    subject: str = "",
    special_needs: bool = False,
    at_risk: bool = False,
    has_consent: bool = True,
    preferences: Sequence[Any] = (),
    availability: str = "",
) -> matching.Mentee:
    """A mentee for the engine, the free text turned into vocabulary tokens and lemmas."""
    asked = _exam_scope(vocabulary, requests, _meaning(vocabulary, requests))
    listed = asked.tokens
    unread = [phrase.strip() for phrase in _phrases(requests) if not _terms(_meaning(vocabulary, [phrase]))]
    if request_text.strip():  # the pupil's own words: only the terms they name
        told = _exam_scope(vocabulary, [request_text], _meaning(vocabulary, [request_text]))
        if not _terms(told):
            unread.append(request_text.strip())
        kept = tuple(item for item in told.words if item[0].startswith("c:") and item[0] not in asked.tokens)
        asked = semantics.Meaning(
            asked.tokens | {token for token, _text in kept},
            asked.words + kept,
            asked.broad | (told.broad & {token for token, _text in kept}),
        )
    setting, heavy = _request_weights(vocabulary, [*_phrases(requests), request_text], asked)
    struggles = (
        _struggles_with_subjects(vocabulary, [*_phrases(requests), request_text], setting) & asked.tokens
    )
    if struggles:
        asked = asked.without(struggles)
        heavy -= struggles
    if _names_special_needs(vocabulary, asked):
        # a pupil whose requests name special needs (ОВЗ, ЗПР) goes to the specialist first: the subjects
        # and exams named beside them are where those needs show («ЗПР», «отстаёт по русскому»), as a
        # primary pupil with ОВЗ is no class teacher's (below): in part, and no subject area
        setting |= {
            token for token in asked.tokens - asked.broad if _kind(vocabulary, token) in _SETTING_KINDS
        }
        special_needs = True
    grade = _grade(group_name)
    primary = (
        grade is not None
        and semantics.PRIMARY_GRADES[0] <= grade <= semantics.PRIMARY_GRADES[1]
        and not special_needs  # a pupil with ОВЗ goes to the specialist first
    )
    if not _phrases(subject_areas):
        # no subject areas given: the school subjects the requests name are the areas («олимпиада по
        # обществознанию» is about social studies first, the olympiad second) — not a subject named only
        # as the setting of a need («конфликт с учителем математики» is no mathematics)
        # — and, beside an urgent need, only the subjects of the urgent requests («двойки по математике,
        # может остаться на второй год»): a plain subject or a hobby beside «дома бьют» is no area that
        # would outweigh it
        # — nor a subject the free text only mentions beside listed requests (a story of a quarrel in the
        # geography lesson under «ссоры с одноклассниками»): the list says what help is asked for, the text
        # tells the story (a pupil who listed nothing keeps the subjects of their text)
        told_only = asked.tokens - listed if listed else frozenset()
        subject_areas = _named_subjects(
            vocabulary, asked, setting | (asked.tokens - heavy if heavy else setting) | told_only
        )
    areas = _meaning(vocabulary, subject_areas)
    # what only the free text says (not the class teacher's post added below)
    text_only = asked.tokens - listed
    if primary:  # the primary class teacher teaches the subjects named: their post is asked for too
        asked = semantics.for_primary_pupil(asked, vocabulary)
        areas = semantics.for_primary_pupil(areas, vocabulary)
    if special_needs and listed:
        # special needs the free text only tells beside listed requests («слабослышащая» beside a dance
        # class) are carried by the special-needs criterion: counted among the requests too, they would
        # make every trained specialist meet the pupil's request
        needs_told = _told_special_needs(vocabulary, asked.tokens - listed)
        if needs_told:
            asked = asked.without(needs_told)
    if not heavy and listed and text_only & asked.tokens:
        # the requests listed outweigh what the free text only mentions beside them (a hobby, a setting,
        # a diagnosis told as context): a psychologist pairs the pupil for what was asked
        heavy = frozenset(listed & asked.tokens)
    return matching.Mentee(
        id=id,
        form=form,
        requests=asked.tokens,
        interests=(asked.tokens - asked.broad) | (areas.tokens - areas.broad),  # what they named
        grade=grade,
        age=age,
        subject=subject.lower(),
        special_needs=special_needs,
        has_consent=has_consent,
        preferences=_ranked_ids(preferences),
        areas=areas.tokens,
        at_risk=at_risk,
        availability=semantics.parse_availability(availability),
        words=_words(asked, areas),
        subject_tags=_meaning(vocabulary, [subject], broader=False).tokens,
        broad=((asked.broad | areas.broad) - (asked.tokens - asked.broad) - (areas.tokens - areas.broad))
        | setting,
        refused=semantics.refused_specialists([*_phrases(requests), request_text], vocabulary),
        heavy=heavy,
        unread=tuple(dict.fromkeys(unread)),
        keywords=_keywords(vocabulary, requests, [request_text], subject_areas, [subject]),
    )


def _terms(meaning: semantics.Meaning) -> bool:
    """Whether a term of the vocabulary was recognised (not only words it does not know)."""
    return any(token.startswith("c:") for token in meaning.tokens)


def mentor_record(
    *,
    vocabulary: semantics.Vocabulary,
    id: int,
    form: str,
    competencies: list[str],
    interests: Sequence[str] = (),
    group_name: str = "",
    age: int | None = None,
    subject: str = "",
    special_needs_trained: bool = False,
    at_risk_experience: bool = False,
    trained: bool = True,
    has_consent: bool = True,
    capacity: int = 1,
    current_load: int = 0,
    preferences: Sequence[Any] = (),
    preferred_grades: str = "",
    availability: str = "",
) -> matching.Mentor:
    """A mentor for the engine: what they offer (competencies and subject) as vocabulary tokens."""
    offer = _meaning(vocabulary, competencies, [subject])
    offer, exams_broad = _exam_offer(vocabulary, competencies, subject, offer)
    hobbies = _meaning(vocabulary, interests, broader=False)
    taught = _subject_fields(vocabulary, subject)
    scope = _specialist_scope(vocabulary, subject)
    qualifiers = _qualifiers(vocabulary, competencies)
    grades, ages = _preferred(preferred_grades)
    peer = _peer(vocabulary, group_name)
    return matching.Mentor(
        id=id,
        forms=frozenset({form}),
        competencies=offer.tokens | scope | peer,
        interests=hobbies.tokens,
        grade=_grade(group_name),
        age=age,
        subject=subject.lower(),
        special_needs_trained=special_needs_trained,
        trained=trained,
        has_consent=has_consent,
        capacity=capacity,
        current_load=current_load,
        preferences=_ranked_ids(preferences),
        preferred_grades=grades,
        preferred_ages=ages,
        at_risk_experience=at_risk_experience,
        availability=semantics.parse_availability(availability),
        # a need the specialist covers is said as the post: «низкая самооценка ≈ педагог-психолог»
        words=_words(offer, hobbies)
        + tuple((token, subject) for token in sorted(scope - offer.tokens))
        + tuple((token, vocabulary.concepts[PEER_MENTOR].name) for token in sorted(peer - offer.tokens)),
        subject_tags=_meaning(vocabulary, [subject], broader=False).tokens,
        broad=((offer.broad | qualifiers) - taught - scope) | exams_broad,
        keywords=_keywords(vocabulary, competencies, [subject], interests),
    )


def engine_pool(
    mentees: Sequence[matching.Mentee], mentors: Sequence[matching.Mentor]
) -> tuple[list[matching.Mentee], list[matching.Mentor]]:
    """The records of one run as the engine gets them: each mentor's words weighed among these
    mentors (:func:`matching.specific_words`), and each mentee's words only those some mentor weighs
    (the others never break a tie: a region's 100,000 pupils keep only a few words each)."""
    weighed = matching.specific_words(mentors)
    known = {word for mentor in weighed for word, _units in mentor.specific}
    kept = [
        mentee if mentee.keywords <= known else replace(mentee, keywords=mentee.keywords & known)
        for mentee in mentees
    ]
    return kept, weighed


PEER_MENTOR = "peer-mentor"  # the term a pupil asks by for an older pupil («со старшеклассником»)


def _peer(vocabulary: semantics.Vocabulary, group_name: str) -> frozenset[str]:
    """What a mentor who is a pupil (their class is known) offers for being one: the term of a request
    for an older pupil rather than a teacher («лучше старшеклассник»), when the vocabulary has it."""
    if _grade(group_name) is None or PEER_MENTOR not in vocabulary.concepts:
        return frozenset()
    return frozenset({f"c:{PEER_MENTOR}"})


# the kinds of a specialist's field of needs or careers, and the kinds of what it covers
_SPECIALIST_KINDS = {
    "emotional": frozenset({"emotional", "social", "urgent"}),
    "social": frozenset({"emotional", "social", "urgent"}),
    "career": frozenset({"career"}),
}


def _specialist_scope(vocabulary: semantics.Vocabulary, subject: str) -> frozenset[str]:
    """What a specialist whose post names a field of needs or careers covers as named: a school
    psychologist («Педагог-психолог») every emotional, social and urgent need under psychology, however
    deep (self-esteem, motivation, stress; bullying under conflicts under communication), a careers adviser
    every career under career guidance; a need of the field the mentor did not list is the specialist's
    work all the same, not a sibling met by chance."""
    out = set()
    for token in _meaning(vocabulary, [subject], broader=False).tokens:
        concept = vocabulary.concepts.get(token[2:]) if token.startswith("c:") else None
        kinds = _SPECIALIST_KINDS.get(concept.kind, frozenset()) if concept is not None else frozenset()
        for key, narrower in vocabulary.concepts.items() if kinds else ():
            if narrower.kind in kinds and token[2:] in vocabulary.ancestors(key):
                out.add(f"c:{key}")
    return frozenset(out)


_CLAUSES = re.compile(r"[,;()/]|\b(?:и|или|а также)\b", re.IGNORECASE)  # things listed are not qualified


def _qualifiers(vocabulary: semantics.Vocabulary, competencies: Iterable[object]) -> frozenset[str]:
    """The concepts a competency names only to qualify a narrower one said with it: «профориентация в
    медицину» is medicine, not career guidance at large, «олимпиадная математика» not olympiads of every
    kind. A request they meet counts as a broader term's (in part); the same concept named on its own
    elsewhere is offered in full."""
    qualifying: set[str] = set()
    alone: set[str] = set()
    for phrase in _phrases(competencies):
        for clause in _CLAUSES.split(phrase):
            named = {t[2:] for t in semantics.understand([clause], vocabulary, False).tokens if t[:2] == "c:"}
            up = {key for item in named for key in vocabulary.ancestors(item)}
            qualifying |= named & up
            alone |= named - up
    return frozenset(f"c:{key}" for key in qualifying - alone)


# Exams and olympiads are of a subject. «ОГЭ по истории» said in one clause is the token «c:<ОГЭ>@<история>»:
# it meets «ОГЭ по истории», not «ОГЭ по русскому». Clauses are split at commas, semicolons, brackets
# and slashes only («ОГЭ по русскому и математике» is both); a clause after a slash that names subjects and
# no exam is of the exam before it («ЕГЭ био/хим»: biology and chemistry).
_EXAM_SEPARATORS = re.compile(r"([,;()/])")  # kept by the split: a slash carries the exam on
SCOPE = "@"  # between an exam's key and its subject's, in a scoped token


def _scoped_exams(vocabulary: semantics.Vocabulary) -> frozenset[str]:
    """The exams that are of some subject: of kind «exam», narrower than another exam (ОГЭ, ЕГЭ, an
    olympiad: not «подготовка к экзаменам» at large) and not already of a subject (an essay is
    Russian)."""
    out = set()
    for key, concept in vocabulary.concepts.items():
        if concept.kind != "exam":
            continue
        up = [vocabulary.concepts[k] for k in vocabulary.ancestors(key) if k in vocabulary.concepts]
        if any(c.kind == "exam" for c in up) and not any(c.kind == "subject" for c in up):
            out.add(key)
    return frozenset(out)


def _exam_clauses(
    vocabulary: semantics.Vocabulary, phrases: Iterable[object]
) -> tuple[dict[str, str], set[str], set[str]]:
    """({scoped token: the clause's words}, the exams named with a subject, the exams named alone)."""
    scoped_exams = _scoped_exams(vocabulary)
    scoped: dict[str, str] = {}
    qualified: set[str] = set()
    alone: set[str] = set()
    for phrase in _phrases(phrases):
        carried: set[str] = set()  # the exams of the clause before a slash: «ЕГЭ био/хим» is both
        pieces = _EXAM_SEPARATORS.split(phrase)
        for clause, separator in zip(pieces[::2], [*pieces[1::2], ""], strict=True):
            found = semantics.understand([clause], vocabulary, True)
            named = {t[2:] for t in found.tokens - found.broad if t[:2] == "c:"}
            subjects = {
                key
                for key in named
                if key in vocabulary.concepts and vocabulary.concepts[key].kind == "subject"
            }
            exams = (named & scoped_exams) or (carried if subjects else set())
            carried = exams if separator == "/" and subjects else set()
            if not exams:
                continue
            if not subjects:
                alone |= exams
                continue
            qualified |= exams
            for exam in exams:
                for subject in subjects:
                    scoped.setdefault(f"c:{exam}{SCOPE}{subject}", " ".join(clause.split()))
    return scoped, qualified, alone


def _exam_scope(
    vocabulary: semantics.Vocabulary, phrases: Iterable[object], meaning: semantics.Meaning
) -> semantics.Meaning:
    """A mentee's meaning with each exam of a subject scoped to it: «ОГЭ по русскому» asks for the ОГЭ
    in Russian (``c:oge@russian``), not any ОГЭ; an exam said alone («ОГЭ») stays as it is."""
    scoped, qualified, alone = _exam_clauses(vocabulary, phrases)
    if not scoped:
        return meaning
    kept = meaning.without({f"c:{key}" for key in qualified - alone})
    return semantics.Meaning(kept.tokens | set(scoped), kept.words + tuple(scoped.items()), kept.broad)


def _exam_offer(
    vocabulary: semantics.Vocabulary, competencies: Iterable[object], subject: str, offer: semantics.Meaning
) -> tuple[semantics.Meaning, frozenset[str]]:
    """A mentor's offer with exams scoped (:func:`_exam_scope`), and the tokens offered only in part.

    «Подготовка к ОГЭ по истории» offers the ОГЭ in history in full and the ОГЭ at large in part (a
    pupil who asked for «ОГЭ» alone); an exam said alone («Подготовка к ОГЭ») is the ОГЭ of the
    mentor's own subject in full, and of any other subject in part."""
    scoped, qualified, alone = _exam_clauses(vocabulary, competencies)
    if not scoped and not alone:
        return offer, frozenset()
    part = {f"c:{key}" for key in qualified - alone}
    own = {t[2:] for t in _meaning(vocabulary, [subject], broader=False).tokens if t[:2] == "c:"}
    subjects = [key for key, concept in vocabulary.concepts.items() if concept.kind == "subject"]
    general: dict[str, str] = {}
    for exam in sorted(alone):
        words = next((text for token, text in offer.words if token == f"c:{exam}"), exam)
        for key in subjects:
            token = f"c:{exam}{SCOPE}{key}"
            if token not in scoped:
                general[token] = f"{words} ({subject.strip()})" if key in own and subject.strip() else words
                if key not in own:
                    part.add(token)
    meaning = semantics.Meaning(
        offer.tokens | set(scoped) | set(general),
        offer.words + tuple(scoped.items()) + tuple(general.items()),
        offer.broad,
    )
    return meaning, frozenset(part)


def _subject_fields(vocabulary: semantics.Vocabulary, subject: str) -> frozenset[str]:
    """The school subjects a teacher's subject belongs to directly, which they teach too: a teacher of
    English teaches a foreign language, a teacher of physics a natural science (only the nearest, and
    only subjects: not «гуманитарные науки» two steps up, not a career or a need)."""
    out = set()
    for token in _meaning(vocabulary, [subject], broader=False).tokens:
        concept = vocabulary.concepts.get(token[2:]) if token.startswith("c:") else None
        for up in concept.broader if concept is not None else ():
            field = vocabulary.concepts.get(up)
            if field is not None and field.kind == "subject":
                out.add(f"c:{up}")
    return frozenset(out)


def engine_input(
    programme: Programme,
    form: MentoringForm,
    options: dict[str, Any],
    mentee_ids: Collection[int] | None = None,
) -> tuple[list[matching.Mentee], list[matching.Mentor]]:
    """The year's mentees still without a pair in this form (of ``mentee_ids`` only, when given), and the
    mentors who may work in it."""
    today = timezone.localdate()
    groups = options.get("groups") or []
    already = GroupMember.objects.filter(
        group__programme=programme,
        group__form=form,
        group__status__in=MentoringGroup.OPEN_STATUSES,
        role=GroupMember.Role.MENTEE,
    ).values("person_id")
    vocabulary = vocabulary_for(programme.organization)
    mentee_profiles = (
        MenteeProfile.objects.filter(
            programme=programme, person__anonymised_at__isnull=True, status__in=MATCHABLE_STATUSES
        )
        .exclude(person_id__in=already)
        .annotate(has_consent=valid_consent())
        .select_related("person")
    )
    if form.mentee_kinds:
        mentee_profiles = mentee_profiles.filter(person__kind__in=form.mentee_kinds)
    if groups:
        mentee_profiles = mentee_profiles.filter(person__group_name__in=groups)
    if mentee_ids is not None:
        mentee_profiles = mentee_profiles.filter(person_id__in=list(mentee_ids))
    mentor_profiles = (
        MentorProfile.objects.filter(
            programme=programme, person__anonymised_at__isnull=True, status__in=MATCHABLE_STATUSES
        )
        .annotate(has_consent=valid_consent())
        .select_related("person")
    )
    if form.mentor_kinds:
        mentor_profiles = mentor_profiles.filter(person__kind__in=form.mentor_kinds)
    mentor_list = list(mentor_profiles)
    load = open_mentee_load(programme, [profile.person for profile in mentor_list])
    mentees = [
        mentee_record(
            vocabulary=vocabulary,
            id=profile.person_id,
            form=form.key,
            requests=profile.requests,
            request_text=profile.request_text,
            subject_areas=profile.subject_areas,
            group_name=profile.person.group_name,
            age=age_on(profile.person.birth_date, today) if profile.person.birth_date else None,
            subject=profile.person.subject,
            special_needs=profile.has_special_needs,
            at_risk=profile.deviant_behaviour or profile.difficult_situation,
            has_consent=profile.has_consent,
            preferences=profile.preferences,
            availability=profile.availability,
        )
        for profile in mentee_profiles
    ]
    mentors = [
        mentor_record(
            vocabulary=vocabulary,
            id=profile.person_id,
            form=form.key,
            competencies=profile.competencies,
            interests=profile.interests,
            group_name=profile.person.group_name,
            age=age_on(profile.person.birth_date, today) if profile.person.birth_date else None,
            subject=profile.person.subject,
            special_needs_trained=profile.special_needs_trained,
            at_risk_experience=profile.at_risk_experience,
            trained=profile.training_done,
            has_consent=profile.has_consent,
            capacity=max(0, profile.capacity - load.get(profile.person_id, 0)),
            current_load=load.get(profile.person_id, 0),
            preferences=profile.preferences,
            preferred_grades=profile.preferred_grades,
            availability=profile.availability,
        )
        for profile in mentor_list
    ]
    return engine_pool(mentees, mentors)


@dataclass(frozen=True)
class RunRules:
    """What a run allows now: the engine's records of the people it may pair (as the bases are now)
    and its settings. The swap list, the score of a swap, accepting and locking a swap ask it."""

    mentees: dict[int, matching.Mentee]
    mentors: dict[int, matching.Mentor]
    settings: matching.Settings

    def violation(self, mentee_id: int, mentor_id: int) -> str | None:
        """Why the run does not allow the couple, or None when it does."""
        mentee, mentor = self.mentees.get(mentee_id), self.mentors.get(mentor_id)
        if mentee is None:
            return _("The mentee cannot be given a pair by this run now (already paired or not matched).")
        if mentor is None:
            return _("The mentor cannot work in this run now (another form of mentoring or not matched).")
        found = matching.violation(mentee, mentor, self.settings)
        if found is None and self.settings.min_score > 0:  # the run's threshold, as the engine keeps to it
            scored = matching.score_pair(mentee, mentor, self.settings)
            if scored is not None and scored[0] < self.settings.min_score - 1e-9:
                return _("The pair scores %(score)s, below the run's threshold of %(threshold)s.") % {
                    "score": round(scored[0]),
                    "threshold": round(self.settings.min_score),
                }
        return found


def run_rules(run: MatchingRun, mentee_ids: Collection[int] | None = None) -> RunRules:
    """The run's rules for its mentees (``mentee_ids`` only, when given: quicker)."""
    mentees, mentors = engine_input(run.programme, run.form, {**run.settings, "groups": []}, mentee_ids)
    return RunRules(
        mentees={mentee.id: mentee for mentee in mentees},
        mentors={mentor.id: mentor for mentor in mentors},
        settings=engine_settings(run.settings),
    )


def swap_refusals(
    run: MatchingRun, pairs: Iterable[tuple[int, int]], present: bool = False
) -> dict[tuple[int, int], str]:
    """Of the (mentee, mentor) couples, those that swap a proposal's mentor for one the run does not
    allow, with the reason. The run's own proposals are not asked again (a locked pair is proposed as
    the curator fixed it) — with ``present``, only whether both are still in the run's pool (a mentor
    who left, a mentee who completed or was paired meanwhile cannot be locked into a re-run)."""
    pairs = list(pairs)
    proposed = {(pair["mentee"], pair["mentor"]) for pair in (run.result or {}).get("pairs", [])}
    swapped = [(mentee, mentor) for mentee, mentor in pairs if (mentee, mentor) not in proposed]
    asked = pairs if present else swapped
    if not asked:
        return {}
    rules = run_rules(run, {mentee for mentee, _mentor in asked})
    refused = {
        pair: rules.violation(*pair)
        if pair in swapped or pair[0] not in rules.mentees or pair[1] not in rules.mentors
        else None
        for pair in asked
    }
    return {pair: reason for pair, reason in refused.items() if reason is not None}


def result_as_json(result: matching.MatchResult) -> dict[str, Any]:
    return {
        "pairs": [
            {
                "mentee": pair.mentee,
                "mentor": pair.mentor,
                "score": pair.score,
                "locked": pair.locked,
                "why": [contribution.reason for contribution in pair.contributions],
                "group": pair.group,
            }
            for pair in result.pairs
        ],
        "unmatched": [asdict(item) for item in result.unmatched],
        "total_score": round(result.total_score, 2),
        "blocking_pairs": result.blocking_pairs,
        "blocking": [
            {
                "mentee": couple.mentee,
                "mentor": couple.mentor,
                "score": round(couple.score, 1),
                "mentee_now": None if couple.mentee_now is None else round(couple.mentee_now, 1),
                "mentor_free": couple.mentor_free,
            }
            for couple in result.blocking
        ],
        **proof_as_json(result.stats),
        **cost_as_json(result),
    }


def cost_as_json(result: matching.MatchResult) -> dict[str, Any]:
    """With the stable or the fairness option: what it costs against the largest total."""
    stats = result.stats
    if "optimum_total" not in stats:
        return {}
    return {
        "cost": {
            "option": "stable" if stats.get("stable") else "fairness",
            "total": round(result.total_score, 2),
            "pairs": len(result.pairs),
            "worst": min((pair.score for pair in result.pairs), default=None),
            "optimum_total": round(stats["optimum_total"], 2),
            "optimum_pairs": int(stats["optimum_pairs"]),
            "optimum_worst": round(stats["optimum_worst"]) if stats["optimum_pairs"] else None,
            # + 0.0: an option that gives nothing up (its total a rounding error above) costs 0, not -0
            "lost": round(stats["optimum_total"] - result.total_score, 2) + 0.0,
        }
    }


def proof_as_json(stats: dict[str, float]) -> dict[str, Any]:
    """Whether the optimum is proved and, if not, the gap to the bound (None: no bound known)."""
    certified, gap = stats.get("certified", 0.0), stats.get("gap", 0.0)
    return {
        # None: not checked (group matching forms its groups greedily, with no proof)
        "certified": None if math.isnan(certified) else bool(certified),
        "gap": round(gap, 4) if math.isfinite(gap) else None,
    }


def compute(
    programme: Programme,
    form: MentoringForm,
    options: dict[str, Any],
    locked: Sequence[Sequence[int]] = (),
    progress: matching.Progress | None = None,
) -> dict[str, Any]:
    mentees, mentors = engine_input(programme, form, options)
    # a lock whose mentee or mentor left the pool after the curator asked (the run starts later) is dropped
    mentee_ids, mentor_ids = {mentee.id for mentee in mentees}, {mentor.id for mentor in mentors}
    locked = [pair for pair in locked if pair[0] in mentee_ids and pair[1] in mentor_ids]
    result = matching.match(mentees, mentors, engine_settings(options, locked), progress=progress)
    return result_as_json(result) | {"objective": objective(options)}


@transaction.atomic
def run_start(
    *,
    user: User,
    scope: Scope,
    form: MentoringForm,
    options: dict[str, Any],
    locked: Sequence[Sequence[int]] = (),
) -> MatchingRun:
    from .tasks import run_matching

    job = job_create(
        kind=JOB_KIND,
        title=_("Matching: %(form)s") % {"form": form.name},
        organization=scope.organization,
        academic_year=scope.programme.academic_year,
        created_by=user,
        params={"locked": [list(pair) for pair in locked]},
        task=run_matching.name,
    )
    run = MatchingRun.objects.create(
        programme=scope.programme, form=form, job=job, settings=options, created_by=user
    )
    job_enqueue(job=job)
    return run


def run_build(*, job_id: str) -> None:
    """The task's body: compute the run's proposals. Running it twice changes nothing."""
    job = job_claim(job_id=job_id)
    if job is None:
        return
    run = MatchingRun.objects.select_related(
        "programme__academic_year", "programme__organization", "form"
    ).get(job=job)
    try:
        result = compute(
            run.programme,
            run.form,
            run.settings,
            locked=[tuple(pair) for pair in job.params.get("locked", [])],
            progress=lambda percent, message: job_progress(job_id=job_id, percent=percent, message=message),
        )
        MatchingRun.objects.filter(pk=run.pk).update(
            result=result, certified=result["certified"], optimality_gap=result["gap"]
        )
        job_succeed(job=job, message=_("Proposed pairs: %(count)s") % {"count": len(result["pairs"])})
    except Exception:
        logger.exception("Matching run %s failed", run.pk)
        job_fail(job=job, error=_("The matching could not be completed because of an internal error."))


def _not_saved(mentees: Sequence[Person], mentor: Person, reason: str) -> str:
    """A refusal that says whom it leaves without a pair: the reason alone may name only the mentor."""
    return _("Not saved: %(mentees)s with the mentor %(mentor)s — %(reason)s") % {
        "mentees": ", ".join(
            f"{person.short_name} ({person.group_name})" if person.group_name else person.short_name
            for person in mentees
        ),
        "mentor": mentor.short_name,
        "reason": reason,
    }


def _forbidden(reason: str) -> str:
    return _("The run does not allow this pair. %(reason)s") % {"reason": reason.rstrip(".") + "."}


def run_locks(*, run: MatchingRun, pairs: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], list[str]]:
    """The pairs a re-run may lock: a swap to a mentor the run does not allow is refused (a locked pair
    is proposed as fixed, whatever the rules, and would be accepted so)."""
    pairs = list(dict.fromkeys(pairs))  # a pair ticked twice (a form made by hand) is locked once
    refusals = swap_refusals(run, pairs, present=True)
    people = Person.objects.filter(organization=run.programme.organization).in_bulk(
        [person for pair in refusals for person in pair]
    )
    refused = [
        _("Not locked: %(mentee)s with the mentor %(mentor)s — %(reason)s")
        % {
            "mentee": f"{people[mentee].short_name} ({people[mentee].group_name})"
            if people[mentee].group_name
            else people[mentee].short_name,
            "mentor": people[mentor].short_name,
            "reason": _forbidden(reason),
        }
        for (mentee, mentor), reason in refusals.items()
        if mentee in people and mentor in people
    ]
    return [pair for pair in pairs if pair not in refusals], refused


def run_accept(
    *, actor: User | None, run: MatchingRun, pairs: list[tuple[int, int]], start_date: date | None = None
) -> tuple[list[MentoringGroup], list[str]]:
    """Create a pair for every accepted proposal; refuse, with the reason, what breaks a rule now (a
    mentor swapped for one the run does not allow included)."""
    pairs = list(dict.fromkeys(pairs))  # a proposal named twice is one pair, not a member added twice
    people = Person.objects.filter(organization=run.programme.organization).in_bulk(
        [person for pair in pairs for person in pair]
    )
    refusals = swap_refusals(run, pairs)
    default_start, planned_end = default_dates(run.programme, timezone.localdate())
    # a group proposed by group matching becomes one group («группа» in the order) with the mentees
    # accepted from it, as long as the curator kept its mentor; every other proposal is a pair
    proposed_group = {pair["mentee"]: pair.get("group", 0) for pair in (run.result or {}).get("pairs", [])}
    bundles: dict[tuple[int, int], list[int]] = {}
    for mentee_id, mentor_id in pairs:
        group = proposed_group.get(mentee_id, 0)
        bundles.setdefault((mentor_id, group if group else -mentee_id), []).append(mentee_id)
    # the bases may have changed since the run: a mentor who left, a mentee who completed, get no new pair
    status = {
        ("mentor", person): value
        for person, value in MentorProfile.objects.filter(
            programme=run.programme, person__in=[mentor for _mentee, mentor in pairs]
        ).values_list("person_id", "status")
    } | {
        ("mentee", person): value
        for person, value in MenteeProfile.objects.filter(
            programme=run.programme, person__in=[mentee for mentee, _mentor in pairs]
        ).values_list("person_id", "status")
    }
    labels = dict(ProfileStatus.choices)
    created, refused = [], []
    for (mentor_id, _group), mentee_ids in bundles.items():
        mentor = people.get(mentor_id)
        mentees = [people[mentee_id] for mentee_id in mentee_ids if mentee_id in people]
        if mentor is None or len(mentees) < len(mentee_ids):
            # a form sent by hand with somebody who is not in this school's bases: nobody is named
            refused.append(_("A proposal was not saved: its mentor or mentee is not in this school's bases."))
            continue
        gone = [
            (person, status[(role, person.pk)])
            for role, person in [("mentor", mentor), *(("mentee", mentee) for mentee in mentees)]
            if status.get((role, person.pk), ProfileStatus.ACTIVE) not in MATCHABLE_STATUSES
        ]
        if gone:
            person, value = gone[0]
            reason = _("%(name)s no longer takes part in the programme (status «%(status)s»).") % {
                "name": person.short_name,
                "status": labels.get(value, value),
            }
            refused.append(_not_saved(mentees, mentor, reason))
            continue
        for mentee in mentees:  # a swap the run does not allow: that mentee only is left out
            if (mentee.pk, mentor.pk) in refusals:
                refused.append(_not_saved([mentee], mentor, _forbidden(refusals[(mentee.pk, mentor.pk)])))
        mentees = [mentee for mentee in mentees if (mentee.pk, mentor.pk) not in refusals]
        if not mentees:
            continue
        try:
            created.append(
                group_create(
                    actor=actor,
                    programme=run.programme,
                    form=run.form,
                    mentors=[mentor],
                    mentees=mentees,
                    start_date=start_date or default_start,
                    planned_end_date=planned_end,
                    status=MentoringGroup.Status.ACTIVE,
                )
            )
        except PairingError as error:
            refused.append(_not_saved(mentees, mentor, str(error)))
    return created, refused
