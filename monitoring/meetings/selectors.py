"""Selectors (reads) of the monitoring section: the meeting diary, the pairs' last meetings, silent pairs."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING, TypeAlias, TypedDict

from django.db.models import (
    Count,
    DateField,
    IntegerField,
    OuterRef,
    Prefetch,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce, TruncDate

from mentoring.models import Programme
from mentoring.prepared import BoundPages, PreparedPages
from pairing.models import GroupMember, MentoringGroup
from pairing.selectors import MemberLine, member_values
from participants.models import Person
from participants.selectors import valid_consent

from ..models import Meeting

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations


class MeetingStats(TypedDict):
    last_meeting: date | None
    meetings_count: int
    silent_since: date  # the last meeting, else the pair's start


class SilentPairStats(MeetingStats):
    last_meeting_id: int | None


# Pairs read with ``with_meeting_stats`` / by ``silent_active_pairs`` (for the type checker).
PairWithStats: TypeAlias = "WithAnnotations[MentoringGroup, MeetingStats]"
SilentPair: TypeAlias = "WithAnnotations[MentoringGroup, SilentPairStats]"

Kind = Meeting.Kind

# How close to the planned end the final meeting is suggested.
FINAL_WINDOW_DAYS = 14


def suggested_kind(kinds_held: Iterable[str], *, today: date, planned_end: date | None) -> str:
    """The type of the next meeting by the methodology's sequence: getting to know, trial, planning,
    working meetings, and the final one near the planned end."""
    held = set(kinds_held)
    if Kind.FINAL in held:
        return Kind.WORKING
    if Kind.INTRODUCTION not in held:
        return Kind.INTRODUCTION
    if Kind.TRIAL not in held and Kind.PLANNING not in held:
        return Kind.TRIAL
    if Kind.PLANNING not in held:
        return Kind.PLANNING
    if planned_end is not None and today >= planned_end - timedelta(days=FINAL_WINDOW_DAYS):
        return Kind.FINAL
    return Kind.WORKING


def default_meeting_date(group: MentoringGroup, today: date) -> date:
    """Today, kept inside the pair's academic year (a past year's diary defaults to its last day)."""
    year = group.programme.academic_year
    return max(min(today, year.end_date, group.closed_on or today), year.start_date)


def meeting_initial(group: MentoringGroup, today: date) -> dict:
    kinds = Meeting.objects.filter(group=group).values_list("kind", flat=True).distinct()
    return {
        "date": default_meeting_date(group, today),
        "kind": suggested_kind(kinds, today=today, planned_end=group.planned_end_date),
    }


def consenting_mentees(group: MentoringGroup) -> QuerySet[Person]:
    """The pair's mentees whose data may be processed (a valid consent, not anonymised)."""
    return (
        Person.objects.filter(
            group_memberships__group=group,
            group_memberships__role=GroupMember.Role.MENTEE,
            anonymised_at__isnull=True,
        )
        .annotate(has_consent=valid_consent("pk"))
        .filter(has_consent=True)
        .order_by("last_name", "first_name")
    )


def diary(group: MentoringGroup) -> list[Meeting]:
    """The pair's meetings, newest first, with who was present and which tasks they moved (4 queries)."""
    attendees = Person.objects.annotate(has_consent=valid_consent("pk")).order_by("last_name", "first_name")
    return list(
        Meeting.objects.filter(group=group)
        .select_related("recorded_by")
        .prefetch_related(Prefetch("attendees", queryset=attendees), "plan_tasks")
        .order_by("-date", "-pk")
    )


def last_meeting_date() -> Subquery:
    """A subquery: the date of the group's latest meeting (None without meetings)."""
    return Subquery(
        Meeting.objects.filter(group=OuterRef("pk")).order_by("-date").values("date")[:1],
        output_field=DateField(),
    )


def _meetings_count() -> Subquery:
    return Subquery(
        Meeting.objects.filter(group=OuterRef("pk"))
        .order_by()
        .values("group_id")
        .annotate(n=Count("pk"))
        .values("n")[:1],
        output_field=IntegerField(),
    )


def with_meeting_stats(queryset: QuerySet[MentoringGroup]) -> QuerySet[PairWithStats]:
    """Annotate ``last_meeting``, ``meetings_count`` and ``silent_since`` (last meeting or the start)."""
    return queryset.annotate(
        last_meeting=last_meeting_date(),
        meetings_count=Coalesce(_meetings_count(), 0),
    ).annotate(
        silent_since=Coalesce("last_meeting", "start_date", TruncDate("created_at"), output_field=DateField())
    )


def open_requests(programme: Programme | int) -> QuerySet[Meeting]:
    """Meetings whose mentor asked for the psychologist's help and nobody marked reviewed yet."""
    return Meeting.objects.filter(
        group__programme=programme, needs_psychologist=True, flag_resolved_at__isnull=True
    )


def pairs_overview(
    programme: Programme,
    *,
    today: date,
    stale_days: int,
    only_stale: bool = False,
    only_requests: bool = False,
) -> QuerySet[PairWithStats]:
    """Every open pair of the year with its form and meeting statistics (``overview_lines`` then reads a
    page of them their members as plain values).

    One query whatever the number of pairs; ``only_stale`` keeps the pairs without a meeting for
    ``stale_days`` days or more; ``only_requests`` the pairs (open or not) with a request for the
    psychologist that nobody reviewed yet (``open_requests``).
    """
    if only_requests:
        groups = MentoringGroup.objects.filter(
            programme=programme, pk__in=open_requests(programme).values("group_id")
        )
    else:
        groups = MentoringGroup.objects.filter(programme=programme, status__in=MentoringGroup.OPEN_STATUSES)
    queryset = _overview(groups)
    if only_stale:
        queryset = queryset.filter(silent_since__lte=today - timedelta(days=stale_days))
    return queryset.order_by("silent_since", "pk")


def _overview(groups: QuerySet[MentoringGroup]) -> QuerySet[PairWithStats]:
    return with_meeting_stats(groups).select_related("form", "role_model")


def _whole_overview(order_by: tuple[str, ...]) -> Callable[[int], QuerySet[PairWithStats]]:
    def build(programme_id: int) -> QuerySet[PairWithStats]:
        groups = MentoringGroup.objects.filter(
            programme=programme_id, status__in=MentoringGroup.OPEN_STATUSES
        )
        return _overview(groups).order_by(*order_by)

    return build


_WHOLE_OVERVIEWS: dict[tuple[str, ...], PreparedPages] = {}


def whole_overview(programme: Programme, order_by: tuple[str, ...]) -> BoundPages:
    """``pairs_overview(programme, …).order_by(*order_by)`` without a filter — the list of diaries as it
    opens — for the paginator, counted and sliced through queries compiled once per process and order."""
    order_by = tuple(order_by)
    pages = _WHOLE_OVERVIEWS.get(order_by)
    if pages is None:
        pages = _WHOLE_OVERVIEWS.setdefault(
            order_by, PreparedPages(_whole_overview(order_by), programme_id=int)
        )
    return pages.bind(programme_id=programme.pk)


def stale_pairs(programme: Programme | int, since: date) -> QuerySet[PairWithStats]:
    """The open pairs of the year silent since ``since`` or longer (``since`` = today − the days set for a
    stale pair): the pairs ``pairs_overview(only_stale=True)`` lists, without their members, to count."""
    groups = MentoringGroup.objects.filter(programme=programme, status__in=MentoringGroup.OPEN_STATUSES)
    return with_meeting_stats(groups).filter(silent_since__lte=since)


def days_since(group: MentoringGroup, today: date) -> int | None:
    since = getattr(group, "silent_since", None)
    return (today - since).days if since else None


def silent_active_pairs(
    programmes: QuerySet[Programme], *, today: date, stale_days_by_org: dict[int, int]
) -> list[SilentPair]:
    """Active pairs of these programmes with no meeting for their organisation's number of days.

    Returns the pairs with ``last_meeting_id`` annotated and their mentors' users prefetched.
    """
    shortest = min(stale_days_by_org.values(), default=14)
    candidates = (
        with_meeting_stats(
            MentoringGroup.objects.filter(programme__in=programmes, status=MentoringGroup.Status.ACTIVE)
        )
        .annotate(
            last_meeting_id=Subquery(
                Meeting.objects.filter(group=OuterRef("pk")).order_by("-date", "-pk").values("pk")[:1],
                output_field=IntegerField(),
            )
        )
        .filter(silent_since__lte=today - timedelta(days=shortest))
        .select_related("form", "programme__organization", "programme__academic_year")
        .prefetch_related(
            Prefetch(
                "members",
                queryset=GroupMember.objects.select_related("person", "person__user")
                .annotate(has_consent=valid_consent("person"))
                .order_by("-role", "person__last_name"),
            )
        )
        .order_by("programme_id", "pk")
    )
    silent = []
    for group in candidates:
        days = stale_days_by_org.get(group.programme.organization_id, shortest)
        if group.silent_since <= today - timedelta(days=days):
            silent.append(group)
    return silent


def overview_lines(group_ids: list[int]) -> dict[int, tuple[list[MemberLine], list[MemberLine]]]:
    """The mentors and the mentees shown by name (as ``mentees_of``: whose data may be processed) of these
    groups, by surname and name, as plain values (1 query; none for no groups)."""
    lines: dict[int, tuple[list[MemberLine], list[MemberLine]]] = defaultdict(lambda: ([], []))
    for member in member_values(group_ids):
        mentors, mentees = lines[member.group_id]
        line = MemberLine(member.role, member.short_name, member.group_name)
        if member.role == GroupMember.Role.MENTOR:
            mentors.append(line)
        elif member.shown:
            mentees.append(line)
    return lines


def mentors_of(group: MentoringGroup) -> list[Person]:
    return [m.person for m in group.members.all() if m.role == GroupMember.Role.MENTOR]


def mentees_of(group: MentoringGroup) -> list[Person]:
    """Mentees shown by name: only those whose data may be processed."""
    return [
        m.person
        for m in group.members.all()
        if m.role == GroupMember.Role.MENTEE
        and getattr(m, "has_consent", True)
        and m.person.anonymised_at is None
    ]
