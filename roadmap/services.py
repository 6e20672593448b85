"""Writes of the roadmap: events and sections, marking done with evidence, import, copying, reminders.

Every function is keyword-only and atomic, and writes an audit row. The dates an event is planned for
live in its periods; ``starts_on`` and ``deadline`` on the event are kept in step with them here so
that lists can filter and sort by date in SQL.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import partial
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Count, Max, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from mentoring.files import document_error
from mentoring.models import AuditEvent, Membership, Programme, User
from mentoring.prepared import PreparedModels
from mentoring.services import audit_record

from .models import (
    EventComment,
    EventEvidence,
    EventPeriod,
    KpiTarget,
    OccurrenceReport,
    RoadmapEvent,
    RoadmapImport,
    RoadmapSection,
)
from .periods import Period, parse_periods, schedule_occurrences, shift_years
from .standard_templates import template_by_key
from .table_reading import ParsedEvent, ParsedRoadmap


class RoadmapError(Exception):
    """An expected refusal whose message is shown to the user as it is (in Russian)."""


# --- Periods ----------------------------------------------------------------------------------------


def _period_row(event: RoadmapEvent, period: Period) -> EventPeriod:
    schedule = period.recurrence
    return EventPeriod(
        event=event,
        start=period.start,
        end=period.end,
        yearly=period.yearly,
        text=period.text[:500],
        recurrence=schedule.unit if schedule else "",
        recurrence_day=schedule.day if schedule else None,
        recurrence_weekday=schedule.weekday if schedule else None,
    )


def _store_periods(event: RoadmapEvent, periods: Sequence[Period], *, fresh: bool = False) -> None:
    if not fresh:
        event.periods.all().delete()
    EventPeriod.objects.bulk_create(_period_row(event, p) for p in periods)
    _update_dates(event, periods, reported=set() if fresh else None)


def _next_due(periods: Sequence[Period], deadline: date | None, reported: set[date]) -> date | None:
    """The due day of the first occurrence not reported yet; the deadline when there is no schedule
    (or every occurrence is reported)."""
    for occurrence in schedule_occurrences(periods):
        if occurrence.due not in reported:
            return occurrence.due
    return deadline


def _update_dates(event: RoadmapEvent, periods: Sequence[Period], reported: set[date] | None = None) -> None:
    starts = [p.start for p in periods if p.start]
    ends = [p.end for p in periods if p.end]
    event.starts_on = min(starts) if starts else None
    event.deadline = max(ends) if ends else None
    event.recurring = any(p.recurrence is not None and p.start for p in periods)
    if reported is None:
        reported = set(event.occurrence_reports.values_list("due", flat=True)) if event.recurring else set()
    event.next_due = _next_due(periods, event.deadline, reported)
    RoadmapEvent.objects.filter(pk=event.pk).update(
        starts_on=event.starts_on, deadline=event.deadline, next_due=event.next_due, recurring=event.recurring
    )


def event_periods(event: RoadmapEvent) -> list[Period]:
    return [row.as_period() for row in event.periods.all()]


def parse_event_periods(programme: Programme, text: str) -> tuple[list[Period], list[str]]:
    parsed = parse_periods(text, programme.academic_year.start_year)
    return list(parsed.periods), list(parsed.warnings)


# --- Sections ---------------------------------------------------------------------------------------


def _next_position(queryset) -> int:
    return (queryset.aggregate(top=Max("position"))["top"] or 0) + 1


@transaction.atomic
def section_create(*, actor: User | None, programme: Programme, title: str) -> RoadmapSection:
    section = RoadmapSection.objects.create(
        programme=programme, title=title.strip(), position=_next_position(programme.roadmap_sections)
    )
    audit_record(
        actor=actor, organization=programme.organization, action=AuditEvent.Action.CREATE, target=section
    )
    return section


@transaction.atomic
def section_update(*, actor: User, section: RoadmapSection, title: str) -> RoadmapSection:
    old = section.title
    section.title = title.strip()
    section.save(update_fields=["title"])
    audit_record(
        actor=actor,
        organization=section.programme.organization,
        action=AuditEvent.Action.UPDATE,
        target=section,
        changes={"title": [old, section.title]},
    )
    return section


@transaction.atomic
def section_delete(*, actor: User, section: RoadmapSection) -> None:
    if section.events.exists():
        raise RoadmapError(_("The section has events: move or delete them first, then delete the section."))
    audit_record(
        actor=actor,
        organization=section.programme.organization,
        action=AuditEvent.Action.DELETE,
        target=section,
    )
    section.delete()


def _move(*, actor: User, item, siblings, organization, offset: int) -> None:
    """Move a section or an event up (offset -1) or down (+1) among its siblings, renumbering them."""
    ordered = list(siblings.select_for_update().order_by("position", "id"))
    index = ordered.index(item)
    other = index + offset
    if not 0 <= other < len(ordered):
        return
    ordered[index], ordered[other] = ordered[other], ordered[index]
    model = type(item)
    for position, sibling in enumerate(ordered, start=1):
        if sibling.position != position:
            model.objects.filter(pk=sibling.pk).update(position=position)
    audit_record(
        actor=actor,
        organization=organization,
        action=AuditEvent.Action.UPDATE,
        target=item,
        changes={"moved": offset},
    )


@transaction.atomic
def section_move(*, actor: User, section: RoadmapSection, offset: int) -> None:
    _move(
        actor=actor,
        item=section,
        siblings=section.programme.roadmap_sections,
        organization=section.programme.organization,
        offset=offset,
    )


# --- Events -----------------------------------------------------------------------------------------

EVENT_FIELDS = (
    "number",
    "title",
    "period_text",
    "expected_result",
    "kpi_text",
    "responsible_text",
    "section",
)


@transaction.atomic
def event_create(
    *,
    actor: User | None,
    section: RoadmapSection,
    title: str,
    number: str = "",
    period_text: str = "",
    expected_result: str = "",
    kpi_text: str = "",
    responsible_text: str = "",
    responsible_users: Iterable[User] = (),
    periods: Sequence[Period] | None = None,
) -> RoadmapEvent:
    programme = section.programme
    event = RoadmapEvent.objects.create(
        programme=programme,
        section=section,
        position=_next_position(section.events),
        number=number.strip(),
        title=title.strip(),
        period_text=period_text.strip(),
        expected_result=expected_result.strip(),
        kpi_text=kpi_text.strip(),
        responsible_text=responsible_text.strip(),
    )
    event.responsible_users.set(list(responsible_users))
    if periods is None:
        periods, _warnings = parse_event_periods(programme, event.period_text)
    _store_periods(event, periods, fresh=True)
    audit_record(
        actor=actor, organization=programme.organization, action=AuditEvent.Action.CREATE, target=event
    )
    return event


@transaction.atomic
def event_update(
    *,
    actor: User,
    event: RoadmapEvent,
    responsible_users: Iterable[User] | None = None,
    **fields: Any,
) -> list[str]:
    """Change an event; returns the warnings of its periods when the period text changed."""
    changes: dict[str, list[str] | list[list[int]]] = {}
    for name, value in fields.items():
        if name not in EVENT_FIELDS:
            raise ValueError(f"Not an editable event field: {name}")
        if isinstance(value, str):
            value = value.strip()
        old = getattr(event, name)
        if old != value:
            changes[name] = [str(old), str(value)]
            setattr(event, name, value)
    if "section" in changes:
        event.position = _next_position(event.section.events)
    event.save()
    warnings: list[str] = []
    if "period_text" in changes:
        periods, warnings = parse_event_periods(event.programme, event.period_text)
        _store_periods(event, periods)
    if responsible_users is not None:
        before = {user.pk for user in event.responsible_users.all()}
        after = {user.pk for user in responsible_users}
        if before != after:
            event.responsible_users.set(list(responsible_users))
            changes["responsible_users"] = [sorted(before), sorted(after)]
    if changes:
        audit_record(
            actor=actor,
            organization=event.programme.organization,
            action=AuditEvent.Action.UPDATE,
            target=event,
            changes=changes,
        )
    return warnings


@transaction.atomic
def event_delete(*, actor: User, event: RoadmapEvent) -> None:
    audit_record(
        actor=actor, organization=event.programme.organization, action=AuditEvent.Action.DELETE, target=event
    )
    for evidence in event.evidence.exclude(file=""):
        transaction.on_commit(partial(evidence.file.delete, save=False))
    event.delete()


@transaction.atomic
def event_move(*, actor: User, event: RoadmapEvent, offset: int) -> None:
    _move(
        actor=actor,
        item=event,
        siblings=event.section.events,
        organization=event.programme.organization,
        offset=offset,
    )


def check_completed_on(event: RoadmapEvent, day: date) -> None:
    """A completion date is a day that has come, within the programme's academic year (or from the
    event's own earlier start: a preparation event of August belongs to the year it prepares)."""
    if day > timezone.localdate():
        raise RoadmapError(_("The completion date cannot be in the future."))
    year = event.programme.academic_year
    first = min(d for d in (year.start_date, event.starts_on, event.deadline) if d is not None)
    if not first <= day <= year.end_date:
        raise RoadmapError(
            _("The completion date must fall within the academic year %(year)s (%(start)s – %(end)s).")
            % {
                "year": year.label,
                "start": f"{year.start_date:%d.%m.%Y}",
                "end": f"{year.end_date:%d.%m.%Y}",
            }
        )


@transaction.atomic
def event_set_status(
    *, actor: User, event: RoadmapEvent, status: str, completed_on: date | None = None
) -> RoadmapEvent:
    if status not in RoadmapEvent.Status.values:
        raise ValueError(status)
    old = (event.status, event.completed_on)
    if status == RoadmapEvent.Status.DONE and completed_on is None:
        raise RoadmapError(_("Enter the completion date."))
    if status == RoadmapEvent.Status.DONE and completed_on is not None and completed_on != old[1]:
        check_completed_on(event, completed_on)
    event.status = status
    event.completed_on = completed_on if status == RoadmapEvent.Status.DONE else None
    event.save(update_fields=["status", "completed_on", "updated_at"])
    audit_record(
        actor=actor,
        organization=event.programme.organization,
        action=AuditEvent.Action.UPDATE,
        target=event,
        changes={"status": [old[0], status], "completed_on": [str(old[1]), str(event.completed_on)]},
    )
    return event


@transaction.atomic
def evidence_add(
    *,
    actor: User,
    event: RoadmapEvent,
    file: UploadedFile | None = None,
    url: str = "",
    reference: str = "",
) -> EventEvidence:
    if not file and not url.strip() and not reference.strip():
        raise RoadmapError(_("Add a file, a link or a document reference."))
    error = document_error(file) if file else None
    if error:
        raise RoadmapError(error)
    evidence = EventEvidence(event=event, url=url.strip(), reference=reference.strip(), added_by=actor)
    if file:
        evidence.file.save(file.name or "file", file, save=False)
    evidence.save()
    audit_record(
        actor=actor,
        organization=event.programme.organization,
        action=AuditEvent.Action.CREATE,
        target=evidence,
    )
    return evidence


@transaction.atomic
def comment_add(*, actor: User, event: RoadmapEvent, text: str) -> EventComment:
    text = text.strip()
    if not text:
        raise RoadmapError(_("The comment is empty."))
    comment = EventComment.objects.create(event=event, author=actor, text=text)
    audit_record(
        actor=actor,
        organization=event.programme.organization,
        action=AuditEvent.Action.CREATE,
        target=comment,
    )
    return comment


@transaction.atomic
def occurrence_mark_done(
    *, actor: User, event: RoadmapEvent, due: date, completed_on: date
) -> OccurrenceReport:
    """Report one occurrence of a recurring event; the event is done when its last occurrence is."""
    schedule = schedule_occurrences(event_periods(event))
    if due not in {occurrence.due for occurrence in schedule}:
        raise RoadmapError(_("The event has no such date in its schedule."))
    check_completed_on(event, completed_on)
    report, _created = OccurrenceReport.objects.update_or_create(
        event=event, due=due, defaults={"completed_on": completed_on, "added_by": actor}
    )
    reported = set(event.occurrence_reports.values_list("due", flat=True))
    _update_dates(event, event_periods(event), reported=reported)
    audit_record(
        actor=actor,
        organization=event.programme.organization,
        action=AuditEvent.Action.UPDATE,
        target=event,
        changes={"occurrence_reported": str(due)},
    )
    if reported >= {occurrence.due for occurrence in schedule}:
        event_set_status(actor=actor, event=event, status=RoadmapEvent.Status.DONE, completed_on=completed_on)
    elif event.status == RoadmapEvent.Status.PLANNED:
        event_set_status(actor=actor, event=event, status=RoadmapEvent.Status.IN_PROGRESS)
    return report


@transaction.atomic
def event_mark_done(
    *,
    actor: User,
    event: RoadmapEvent,
    completed_on: date,
    file: UploadedFile | None = None,
    url: str = "",
    reference: str = "",
    comment: str = "",
    due: date | None = None,
) -> RoadmapEvent:
    """Mark an event done with its proof in one step: the status, the evidence and a comment.

    For a recurring event ``due`` names the occurrence reported (by default the first one not reported);
    the event itself is done when its last occurrence is.
    """
    if event.recurring:
        due = due or event.next_due
        if due is None:
            raise RoadmapError(_("The event has no such date in its schedule."))
        occurrence_mark_done(actor=actor, event=event, due=due, completed_on=completed_on)
    else:
        event_set_status(actor=actor, event=event, status=RoadmapEvent.Status.DONE, completed_on=completed_on)
    if file or url.strip() or reference.strip():
        evidence_add(actor=actor, event=event, file=file, url=url, reference=reference)
    if comment.strip():
        comment_add(actor=actor, event=event, text=comment)
    return event


# --- Responsible people -----------------------------------------------------------------------------

_SPACES = re.compile(r"\s+")


def _name_keys(last: str, first: str, patronymic: str) -> set[str]:
    """The ways a Russian school writes a colleague's name: «Смирнова Е.В.», «Е.В. Смирнова», in full."""
    last, first, patronymic = (part.strip().lower().replace("ё", "е") for part in (last, first, patronymic))
    if not last:
        return set()
    initials = "".join(f"{part[0]}." for part in (first, patronymic) if part)
    keys = {last + " " + initials, initials + " " + last, " ".join(p for p in (last, first, patronymic) if p)}
    if first:
        keys.add(f"{last} {first}")
        keys.add(f"{first} {last}")
    return keys


def _normalise_name(text: str) -> str:
    text = text.lower().replace("ё", "е")
    text = re.sub(r"\.\s*", ".", text)
    return _SPACES.sub(" ", text).strip(" ,;")


def match_responsible(programme: Programme, names: Iterable[str]) -> tuple[list[User], list[str]]:
    """Split responsible texts into members of the organisation (matched by name) and free text."""
    members: dict[str, User] = {}
    for membership in Membership.objects.filter(organization=programme.organization).select_related("user"):
        member = membership.user
        for key in _name_keys(member.last_name, member.first_name, member.patronymic):
            members[_normalise_name(key)] = member
    users: list[User] = []
    free: list[str] = []
    for name in names:
        user = members.get(_normalise_name(name))
        if user is not None and user not in users:
            users.append(user)
        elif user is None and name.strip():
            free.append(name.strip())
    return users, free


# --- Import, copy, templates ------------------------------------------------------------------------


@dataclass
class ImportResult:
    sections: int = 0
    events: int = 0
    kpi_targets: int = 0
    matched_people: int = 0
    kept: int = 0  # replace: events of the roadmap found in the file, with their status and evidence
    deleted: int = 0  # replace: events not in the file, deleted after confirmation
    skipped: int = 0  # add: events already in the roadmap, not added twice
    record: RoadmapImport | None = None
    warnings: list[str] = field(default_factory=list)


@transaction.atomic
def roadmap_clear(*, actor: User | None, programme: Programme) -> None:
    RoadmapEvent.objects.filter(programme=programme).delete()
    programme.roadmap_sections.all().delete()
    audit_record(
        actor=actor,
        organization=programme.organization,
        action=AuditEvent.Action.DELETE,
        target=programme,
        target_type="roadmap.Roadmap",
        target_repr=str(programme),
    )


# --- Matching a file against the roadmap ------------------------------------------------------------


def event_key(title: str) -> str:
    """What makes two events the same one: the content without its number, case, «ё» and punctuation."""
    text = title.lower().replace("ё", "е")
    text = re.sub(r"^\s*\d+(?:\.\d+)*\.?\s*", "", text)
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


def _parsed_events(parsed: ParsedRoadmap) -> list[tuple[int, ParsedEvent]]:
    return [(index, event) for index, section in enumerate(parsed.sections) for event in section.events]


@dataclass
class ReplacePlan:
    """What «Заменить текущую дорожную карту» does with this file."""

    kept: list[tuple[RoadmapEvent, ParsedEvent]]  # same event: updated from the file, status and proof kept
    added: list[ParsedEvent]
    deleted: list[RoadmapEvent]  # in the roadmap, not in the file: deleted only after confirmation

    @property
    def deleted_ids(self) -> set[int]:
        return {event.pk for event in self.deleted}


def period_key(periods: Iterable[Period]) -> tuple:
    """The dates of an event's periods, in a form two events can be compared by."""
    return tuple(
        sorted(
            (
                _iso(p.start) or "",
                _iso(p.end) or "",
                p.yearly,
                p.recurrence.unit if p.recurrence else "",
                (p.recurrence.day or 0) if p.recurrence else 0,
                (p.recurrence.weekday or 0) if p.recurrence else 0,
                "" if p.start else " ".join(p.text.lower().split()),
            )
            for p in periods
        )
    )


def match_events(
    existing: Sequence[RoadmapEvent], parsed_events: Sequence[ParsedEvent]
) -> tuple[dict[int, RoadmapEvent], list[RoadmapEvent]]:
    """Pair the file's events with the roadmap's: same title and same period first; the title alone only
    when it is left once on both sides, and never carrying a done status over to another period.

    Returns the pairs (index of the parsed event -> existing event) and the existing events left over.
    ``existing`` must have its periods prefetched.
    """
    left = list(existing)
    existing_keys = {event.pk: (event_key(event.title), period_key(event_periods(event))) for event in left}
    parsed_keys = [(event_key(event.title), period_key(event.periods)) for event in parsed_events]
    pairs: dict[int, RoadmapEvent] = {}
    for index, key in enumerate(parsed_keys):
        for event in left:
            if existing_keys[event.pk] == key:
                pairs[index] = event
                left.remove(event)
                break
    unpaired = [index for index in range(len(parsed_events)) if index not in pairs]
    for index in unpaired:
        title = parsed_keys[index][0]
        same_title = [event for event in left if existing_keys[event.pk][0] == title]
        same_in_file = [other for other in unpaired if other not in pairs and parsed_keys[other][0] == title]
        if len(same_title) != 1 or len(same_in_file) != 1:
            continue
        event = same_title[0]
        if event.status == RoadmapEvent.Status.DONE:
            continue  # a done event is not moved to another period
        pairs[index] = event
        left.remove(event)
    return pairs, left


def _existing_events(programme: Programme):
    return (
        RoadmapEvent.objects.filter(programme=programme)
        .select_related("section")
        .prefetch_related("periods")
        .order_by("section__position", "section_id", "position", "id")
    )


def replace_plan(programme: Programme, parsed: ParsedRoadmap) -> ReplacePlan:
    events = list(
        _existing_events(programme).annotate(
            evidence_count=Count("evidence", distinct=True),
            report_count=Count("occurrence_reports", distinct=True),
        )
    )
    parsed_events = [event for _section, event in _parsed_events(parsed)]
    pairs, left = match_events(events, parsed_events)
    kept, added = [], []
    for index, parsed_event in enumerate(parsed_events):
        if index in pairs:
            kept.append((pairs[index], parsed_event))
        else:
            added.append(parsed_event)
    deleted = sorted(
        left, key=lambda event: (event.section.position, event.section_id, event.position, event.pk)
    )
    return ReplacePlan(kept=kept, added=added, deleted=deleted)


def present_events(programme: Programme, parsed: ParsedRoadmap) -> set[int]:
    """The ``id()`` of each event of the file already in the roadmap (each existing event counts once)."""
    parsed_events = [event for _section, event in _parsed_events(parsed)]
    pairs, _left = match_events(list(_existing_events(programme)), parsed_events)
    return {id(parsed_events[index]) for index in pairs}


def duplicate_count(programme: Programme, parsed: ParsedRoadmap) -> int:
    """How many events of the file are already in the roadmap (each existing event counts once)."""
    return len(present_events(programme, parsed))


# --- Snapshots for undo -----------------------------------------------------------------------------


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _event_state(event: RoadmapEvent) -> dict:
    return {
        "id": event.pk,
        "section": event.section_id,
        "position": event.position,
        "number": event.number,
        "title": event.title,
        "period_text": event.period_text,
        "expected_result": event.expected_result,
        "kpi_text": event.kpi_text,
        "responsible_text": event.responsible_text,
        "status": event.status,
        "completed_on": _iso(event.completed_on),
        "users": sorted(user.pk for user in event.responsible_users.all()),
        "periods": [
            {
                "start": _iso(p.start),
                "end": _iso(p.end),
                "yearly": p.yearly,
                "text": p.text,
                "recurrence": p.recurrence,
                "day": p.recurrence_day,
                "weekday": p.recurrence_weekday,
            }
            for p in event.periods.all()
        ],
        "evidence": [
            {
                "file": e.file.name,
                "url": e.url,
                "reference": e.reference,
                "added_by": e.added_by_id,
            }
            for e in event.evidence.all()
        ],
        "comments": [{"author": c.author_id, "text": c.text} for c in event.comments.all()],
        "reports": [
            {"due": _iso(r.due), "completed_on": _iso(r.completed_on), "added_by": r.added_by_id}
            for r in event.occurrence_reports.all()
        ],
    }


def _periods_from_state(state: dict) -> list[Period]:
    return [
        EventPeriod(
            start=_day(p["start"]),
            end=_day(p["end"]),
            yearly=p["yearly"],
            text=p["text"],
            recurrence=p["recurrence"],
            recurrence_day=p["day"],
            recurrence_weekday=p["weekday"],
        ).as_period()
        for p in state["periods"]
    ]


def _users(ids: Iterable[int]) -> list[User]:
    return list(User.objects.filter(pk__in=list(ids)))


def _restore_event(state: dict, section: RoadmapSection, programme: Programme) -> RoadmapEvent:
    event = RoadmapEvent.objects.create(
        programme=programme,
        section=section,
        position=state["position"],
        number=state["number"],
        title=state["title"],
        period_text=state["period_text"],
        expected_result=state["expected_result"],
        kpi_text=state["kpi_text"],
        responsible_text=state["responsible_text"],
        status=state["status"],
        completed_on=_day(state["completed_on"]),
    )
    event.responsible_users.set(_users(state["users"]))
    EventEvidence.objects.bulk_create(
        EventEvidence(
            event=event, file=e["file"], url=e["url"], reference=e["reference"], added_by_id=e["added_by"]
        )
        for e in state["evidence"]
    )
    EventComment.objects.bulk_create(
        EventComment(event=event, author_id=c["author"], text=c["text"]) for c in state["comments"]
    )
    OccurrenceReport.objects.bulk_create(
        OccurrenceReport(
            event=event,
            due=date.fromisoformat(r["due"]),  # both days are required on a report
            completed_on=date.fromisoformat(r["completed_on"]),
            added_by_id=r["added_by"],
        )
        for r in state["reports"]
    )
    _store_periods(event, _periods_from_state(state), fresh=True)
    _update_dates(event, _periods_from_state(state))
    return event


# --- Import -----------------------------------------------------------------------------------------


def _fit(text: str, size: int) -> str:
    """The text cut to a field's size with «…» (the reading of a file warns about it before)."""
    text = text.strip()
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


def _event_fields(parsed_event: ParsedEvent, free: list[str]) -> dict:
    return {
        "number": (parsed_event.number or "").strip()[:32],
        "title": parsed_event.title.strip(),
        "period_text": parsed_event.period_text.strip(),
        "expected_result": parsed_event.expected_result.strip(),
        "kpi_text": parsed_event.kpi.strip(),
        "responsible_text": "\n".join(free).strip(),
    }


@transaction.atomic
def roadmap_import(
    *,
    actor: User | None,
    programme: Programme,
    parsed: ParsedRoadmap,
    replace: bool = False,
    confirmed_deletions: Iterable[int] | None = None,
    filename: str = "",
    fingerprint: str = "",
    shifted_years: int = 0,
) -> ImportResult:
    """Save a parsed (and possibly corrected) roadmap in one transaction: all of it or nothing.

    Adding (``replace=False``) leaves out the events already in the roadmap, so importing a file twice
    does not double it. Replacing keeps every event found again in the file with its status, completion
    date, evidence, comments and reported occurrences (its text, period, responsible people and section
    come from the file) and deletes the events not in the file — only when ``confirmed_deletions`` names
    exactly those events. Either way a :class:`RoadmapImport` records what to do to undo it.
    """
    if parsed.events_count == 0 and not parsed.kpi_targets:
        raise RoadmapError(_("No events were found in the document."))
    programme = Programme.objects.select_for_update().get(pk=programme.pk)
    result = ImportResult(warnings=list(parsed.warnings))
    snapshot: dict = {
        "created_events": [],
        "created_sections": [],
        "created_kpis": [],
        "updated": [],
        "deleted": [],
    }
    old_sections = list(programme.roadmap_sections.order_by("position", "id"))
    plan: ReplacePlan | None = None
    if replace:
        plan = replace_plan(programme, parsed)
        if plan.deleted and set(confirmed_deletions or ()) != plan.deleted_ids:
            raise RoadmapError(
                _(
                    "%(count)s events of the roadmap are not in the file: confirm that they are deleted, "
                    "or import without replacing."
                )
                % {"count": len(plan.deleted)}
            )
        kept_by_parsed = {id(parsed_event): event for event, parsed_event in plan.kept}
        present: set[int] = set()
        position = 1
    else:
        kept_by_parsed = {}
        present = present_events(programme, parsed)
        position = _next_position(programme.roadmap_sections)
    for parsed_section in parsed.sections:
        fresh = []
        for parsed_event in parsed_section.events:
            if not replace and id(parsed_event) in present:
                result.skipped += 1
                continue
            fresh.append(parsed_event)
        if not fresh:
            continue
        section = RoadmapSection.objects.create(
            programme=programme, title=_fit(parsed_section.title, 500), position=position
        )
        snapshot["created_sections"].append(section.pk)
        position += 1
        result.sections += 1
        for event_position, parsed_event in enumerate(fresh, start=1):
            _import_event(programme, section, event_position, parsed_event, kept_by_parsed, snapshot, result)
    if plan is not None:
        _delete_replaced(programme, plan, old_sections, snapshot, result)
    _import_kpi_targets(programme, parsed, replace, snapshot, result)
    if not replace and result.events == 0 and result.kpi_targets == 0:
        raise RoadmapError(
            _(
                "Every event of the file is already in the roadmap: nothing was added. To update the "
                "roadmap from the file, choose «Replace the current roadmap»."
            )
        )
    result.record = RoadmapImport.objects.create(
        programme=programme,
        actor=actor if actor is not None and actor.is_authenticated else None,
        filename=filename[:300],
        fingerprint=fingerprint,
        replace=replace,
        shifted_years=shifted_years,
        events=result.events + result.kept,
        snapshot=snapshot,
    )
    audit_record(
        actor=actor,
        organization=programme.organization,
        action=AuditEvent.Action.CREATE,
        target=result.record,
        changes={"imported_events": result.events, "imported_sections": result.sections, "replace": replace},
        details={
            "events": result.events,
            "kept": result.kept,
            "deleted": result.deleted,
            "skipped": result.skipped,
            "shifted_years": shifted_years,
        },
    )
    return result

def _import_event(
    programme: Programme,
    section: RoadmapSection,
    event_position: int,
    parsed_event: ParsedEvent,
    kept_by_parsed: dict[int, RoadmapEvent],
    snapshot: dict,
    result: ImportResult,
) -> None:
    """One event of the file: an event found again (replacing) takes the file's text and place and keeps
    its work; any other is created."""
    users, free = match_responsible(programme, parsed_event.responsible)
    result.matched_people += len(users)
    kept = kept_by_parsed.get(id(parsed_event))
    if kept is not None:
        snapshot["updated"].append(_event_state(kept))
        for name, value in _event_fields(parsed_event, free).items():
            setattr(kept, name, value)
        kept.section, kept.position = section, event_position
        kept.save()
        kept.responsible_users.set(users)
        _store_periods(kept, parsed_event.periods)
        result.kept += 1
        return
    event = event_create(
        actor=None,
        section=section,
        responsible_users=users,
        periods=parsed_event.periods,
        **_event_fields(parsed_event, free),
    )
    snapshot["created_events"].append(event.pk)
    result.events += 1


def _delete_replaced(
    programme: Programme,
    plan: ReplacePlan,
    old_sections: list[RoadmapSection],
    snapshot: dict,
    result: ImportResult,
) -> None:
    """Replacing: the events not in the file, the old sections and KPI targets go (kept in the snapshot)."""
    for event in plan.deleted:
        snapshot["deleted"].append(_event_state(event))
    # evidence files of the deleted events stay in storage, so that undoing brings them back
    RoadmapEvent.objects.filter(pk__in=plan.deleted_ids).delete()
    result.deleted = len(plan.deleted)
    snapshot["deleted_sections"] = [
        {"id": s.pk, "title": s.title, "position": s.position} for s in old_sections
    ]
    RoadmapSection.objects.filter(pk__in=[s.pk for s in old_sections]).delete()
    snapshot["deleted_kpis"] = [
        {"name": k.name, "targets": k.targets, "final": k.final, "position": k.position}
        for k in programme.roadmap_kpi_targets.all()
    ]
    programme.roadmap_kpi_targets.all().delete()


def _import_kpi_targets(
    programme: Programme, parsed: ParsedRoadmap, replace: bool, snapshot: dict, result: ImportResult
) -> None:
    """The file's KPI targets; adding leaves out those already named in the roadmap."""
    known_kpis = set() if replace else set(programme.roadmap_kpi_targets.values_list("name", flat=True))
    kpi_position = _next_position(programme.roadmap_kpi_targets)
    for target in parsed.kpi_targets:
        if target.name in known_kpis:
            continue
        kpi = KpiTarget.objects.create(
            programme=programme,
            name=target.name,
            targets=target.targets,
            final=target.final[:300],
            position=kpi_position,
        )
        kpi_position += 1
        snapshot["created_kpis"].append(kpi.pk)
        result.kpi_targets += 1



UNDO_HOURS = 24


def same_file_import(programme: Programme, fingerprint: str) -> RoadmapImport | None:
    """The last import of this very file into the programme that was not undone."""
    if not fingerprint:
        return None
    return (
        programme.roadmap_imports.filter(fingerprint=fingerprint, undone_at__isnull=True)
        .order_by("-created_at", "-id")
        .first()
    )


def _last_import(programme_id: int) -> QuerySet[RoadmapImport]:
    """The programme's last import without its snapshot (the pages show its file and day; the undo reads
    the snapshot of the record it locks)."""
    return (
        RoadmapImport.objects.filter(programme_id=programme_id)
        .defer("snapshot")
        .order_by("-created_at", "-id")[:1]
    )


_LAST_IMPORT = PreparedModels(_last_import, programme_id=int)  # asked by every manager's roadmap page


def undoable_import(programme: Programme, now: datetime) -> RoadmapImport | None:
    """The programme's last import if it can still be undone (not undone, less than a day old)."""
    last = next(iter(_LAST_IMPORT(programme_id=programme.pk)), None)
    if last is None or last.undone_at is not None or last.created_at < now - timedelta(hours=UNDO_HOURS):
        return None
    return last


@transaction.atomic
def roadmap_import_undo(*, actor: User, record: RoadmapImport, now: datetime) -> None:
    """Undo a saved import in one step: remove what it created and bring back what it changed or deleted."""
    programme = Programme.objects.select_for_update().get(pk=record.programme_id)
    record = RoadmapImport.objects.select_for_update().get(pk=record.pk)
    if undoable_import(programme, now) != record:
        raise RoadmapError(
            _("This import can no longer be undone: only the last import of the day can be, and only once.")
        )
    snapshot = record.snapshot
    created = RoadmapEvent.objects.filter(pk__in=snapshot["created_events"], programme=programme)
    worked_on = created.exclude(status=RoadmapEvent.Status.PLANNED).exists() or (
        EventEvidence.objects.filter(event__in=created).exists()
        or EventComment.objects.filter(event__in=created).exists()
        or OccurrenceReport.objects.filter(event__in=created).exists()
    )
    if worked_on:
        raise RoadmapError(
            _(
                "Progress has already been reported on events of this import: it cannot be undone. "
                "Correct or delete the events by hand."
            )
        )
    created.delete()
    KpiTarget.objects.filter(pk__in=snapshot["created_kpis"], programme=programme).delete()
    sections: dict[int, RoadmapSection] = {}
    for old in snapshot.get("deleted_sections", []):
        sections[old["id"]] = RoadmapSection.objects.create(
            programme=programme, title=old["title"], position=old["position"]
        )
    for state in snapshot["updated"]:
        event = RoadmapEvent.objects.filter(pk=state["id"], programme=programme).first()
        if event is None:
            continue
        section = (
            sections.get(state["section"])
            or RoadmapSection.objects.filter(pk=state["section"], programme=programme).first()
        )
        if section is None:
            continue
        for name in ("number", "title", "period_text", "expected_result", "kpi_text", "responsible_text"):
            setattr(event, name, state[name])
        event.section, event.position = section, state["position"]
        event.save()
        event.responsible_users.set(_users(state["users"]))
        _store_periods(event, _periods_from_state(state))
    for state in snapshot["deleted"]:
        section = (
            sections.get(state["section"])
            or RoadmapSection.objects.filter(pk=state["section"], programme=programme).first()
        )
        if section is not None:
            _restore_event(state, section, programme)
    for kpi in snapshot.get("deleted_kpis", []):
        KpiTarget.objects.create(programme=programme, **kpi)
    RoadmapSection.objects.filter(
        pk__in=snapshot["created_sections"], programme=programme, events__isnull=True
    ).delete()
    record.undone_at = now
    record.save(update_fields=["undone_at"])
    audit_record(
        actor=actor,
        organization=programme.organization,
        action=AuditEvent.Action.DELETE,
        target=record,
        changes={"undone": True},
        details={
            "events_removed": len(snapshot["created_events"]),
            "events_restored": len(snapshot["deleted"]),
        },
    )


@transaction.atomic
def roadmap_copy_previous_year(*, actor: User, programme: Programme) -> ImportResult:
    """Copy last year's roadmap into this year with every date moved one year; statuses start afresh."""
    previous = Programme.objects.filter(
        organization=programme.organization, academic_year__start_year=programme.academic_year.start_year - 1
    ).first()
    if previous is None or not previous.roadmap_events.exists():
        raise RoadmapError(_("Last academic year has no roadmap: there is nothing to copy."))
    if programme.roadmap_events.exists():
        raise RoadmapError(_("This year already has events: a roadmap can only be copied into an empty one."))
    result = ImportResult()
    sections = previous.roadmap_sections.prefetch_related("events__periods", "events__responsible_users")
    for old_section in sections:
        section = RoadmapSection.objects.create(
            programme=programme, title=old_section.title, position=old_section.position
        )
        result.sections += 1
        for old in old_section.events.all():
            moved = [shift_years(p.as_period(), 1) for p in old.periods.all()]
            event_create(
                actor=None,
                section=section,
                title=old.title,
                number=old.number,
                period_text=_shift_years_in_text(old.period_text),
                expected_result=old.expected_result,
                kpi_text=old.kpi_text,
                responsible_text=old.responsible_text,
                responsible_users=old.responsible_users.all(),
                periods=moved,
            )
            result.events += 1
    audit_record(
        actor=actor,
        organization=programme.organization,
        action=AuditEvent.Action.CREATE,
        target=programme,
        target_type="roadmap.Roadmap",
        target_repr=str(programme),
        changes={"copied_from": previous.academic_year.label, "events": result.events},
    )
    return result


_YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")


def _shift_years_in_text(text: str) -> str:
    """«Октябрь 2023» becomes «Октябрь 2024» when a roadmap moves to the next year."""
    return _YEAR.sub(lambda match: str(int(match.group(1)) + 1), text)


@transaction.atomic
def roadmap_from_template(
    *, actor: User | None, programme: Programme, template_key: str
) -> ImportResult:
    template = template_by_key(template_key)
    if template is None:
        raise RoadmapError(_("There is no such template."))
    if programme.roadmap_events.exists():
        raise RoadmapError(
            _("This year already has events: a template can only be applied to an empty roadmap.")
        )
    result = ImportResult()
    for template_section in template.sections:
        section = section_create(actor=None, programme=programme, title=template_section.title)
        result.sections += 1
        for item in template_section.events:
            event_create(
                actor=None,
                section=section,
                title=item.title,
                period_text=item.period,
                expected_result=item.expected_result,
                kpi_text=item.kpi,
                responsible_text="\n".join(
                    part.strip() for part in item.responsible.split(",") if part.strip()
                ),
            )
            result.events += 1
    audit_record(
        actor=actor,
        organization=programme.organization,
        action=AuditEvent.Action.CREATE,
        target=programme,
        target_type="roadmap.Roadmap",
        target_repr=str(programme),
        changes={"template": template.key, "events": result.events},
    )
    return result


# --- Bulk work on the roadmap table -----------------------------------------------------------------


def _of_programme(programme: Programme, events: Sequence[RoadmapEvent]) -> None:
    if any(event.programme_id != programme.pk for event in events):
        raise RoadmapError(_("Tick the events of this roadmap."))


@transaction.atomic
def events_set_status(
    *,
    actor: User,
    programme: Programme,
    events: Sequence[RoadmapEvent],
    status: str,
    completed_on: date | None = None,
) -> int:
    """Set the status of several events at once (all or none); returns how many changed."""
    _of_programme(programme, events)
    if status not in RoadmapEvent.Status.values:
        raise RoadmapError(_("Choose a status."))
    changed = 0
    for event in events:
        if event.status == status and (status != RoadmapEvent.Status.DONE or event.completed_on == completed_on):
            continue
        event_set_status(actor=actor, event=event, status=status, completed_on=completed_on)
        changed += 1
    return changed


@transaction.atomic
def events_set_responsible(
    *,
    actor: User,
    programme: Programme,
    events: Sequence[RoadmapEvent],
    users: Sequence[User],
) -> int:
    """Make these members of the organisation responsible for several events; returns how many changed."""
    _of_programme(programme, events)
    if not users:
        raise RoadmapError(_("Choose who is responsible."))
    members = set(
        Membership.objects.filter(organization=programme.organization, user__in=users).values_list("user_id", flat=True)
    )
    if any(user.pk not in members for user in users):
        raise RoadmapError(_("Only members of the organisation can be responsible."))
    wanted = {user.pk for user in users}
    changed = 0
    for event in events:
        if {user.pk for user in event.responsible_users.all()} != wanted:
            event_update(actor=actor, event=event, responsible_users=users)
            changed += 1
    return changed


def _period_text(periods: Sequence[tuple[date, date]]) -> str:
    return "\n".join(
        f"{start:%d.%m.%Y}" if start == end else f"{start:%d.%m.%Y} – {end:%d.%m.%Y}" for start, end in periods
    )


@dataclass(frozen=True)
class MoveResult:
    moved: int
    skipped: int  # events without dates to move (undated, yearly or on a schedule)


@transaction.atomic
def events_move(
    *,
    actor: User,
    programme: Programme,
    events: Sequence[RoadmapEvent],
    days: int | None = None,
    to: date | None = None,
) -> MoveResult:
    """Move the dates of several events by ``days`` or so that each starts on ``to``; every new date
    must stay inside the programme's academic year, or nothing moves and the message names the events."""
    _of_programme(programme, events)
    if (days is None) == (to is None):
        raise RoadmapError(_("Give the number of days or the new start date."))
    year = programme.academic_year
    plans: list[tuple[RoadmapEvent, list[tuple[date, date]]]] = []
    outside: list[str] = []
    skipped = 0
    for event in events:
        periods = list(event.periods.all())
        if not periods or any(
            period.start is None or period.end is None or period.yearly or period.recurrence for period in periods
        ):
            skipped += 1
            continue
        first = min(period.start for period in periods if period.start)
        offset = timedelta(days=days) if days is not None else (to - first if to else timedelta())
        if not offset:
            continue
        moved = [(period.start + offset, period.end + offset) for period in periods if period.start and period.end]
        if any(start < year.start_date or end > year.end_date for start, end in moved):
            outside.append(" ".join(part for part in (event.number, event.title[:60]) if part))
        plans.append((event, moved))
    if outside:
        raise RoadmapError(
            _(
                "The new dates would leave the academic year %(year)s (%(start)s – %(end)s); nothing is moved: "
                "%(events)s."
            )
            % {
                "year": year.label,
                "start": year.start_date.strftime("%d.%m.%Y"),
                "end": year.end_date.strftime("%d.%m.%Y"),
                "events": "; ".join(outside),
            }
        )
    for event, moved in plans:
        event_update(actor=actor, event=event, period_text=_period_text(moved))
    return MoveResult(moved=len(plans), skipped=skipped)


@transaction.atomic
def events_trash(*, actor: User, programme: Programme, events: Sequence[RoadmapEvent]) -> list[int]:
    """Delete events into the trash (with their periods, evidence, comments); returns the trash records."""
    from mentoring.trash import TrashError, trash_put

    _of_programme(programme, events)
    if not events:
        raise RoadmapError(_("Tick the events to delete."))
    items = []
    for event in events:
        label = " ".join(part for part in (event.number, event.title[:200]) if part)
        try:
            item = trash_put(
                actor=actor,
                organization=programme.organization,
                programme=programme,
                kind="event",
                root=event,
                label=label,
            )
        except TrashError as error:
            raise RoadmapError(f"{label}: {error}") from error
        items.append(item.pk)
    return items
