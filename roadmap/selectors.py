"""Reads of the roadmap shared by its pages and reports, each with a fixed number of queries."""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, TypeAlias, TypedDict

from django.db.models import BooleanField, Count, ExpressionWrapper, F, Prefetch, Q, QuerySet

from mentoring.models import Programme, User
from mentoring.prepared import PreparedModels, PreparedValues
from mentoring.text_search import contains_word, query_words

from .models import EventComment, EventEvidence, EventPeriod, KpiTarget, RoadmapEvent, RoadmapSection
from .periods import schedule_occurrences

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

    from mentoring.models import User

OPEN = RoadmapEvent.OPEN_STATUSES


class EventState(TypedDict):
    overdue: bool  # on the day read at: ``RoadmapEvent.overdue_q``, the SQL twin of ``is_overdue``


class EventCounts(EventState):
    evidence_count: int
    comment_count: int


# Events read with their state on a day, and with their counts for the table (for the type checker).
EventOnDay: TypeAlias = "WithAnnotations[RoadmapEvent, EventState]"
TableEvent: TypeAlias = "WithAnnotations[RoadmapEvent, EventCounts]"


def overdue_on(today: date) -> ExpressionWrapper:
    """``overdue`` as a column: the events an ``is_overdue(today)`` would name, computed by the database."""
    return ExpressionWrapper(RoadmapEvent.overdue_q(today), output_field=BooleanField())


@dataclass(frozen=True)
class RoadmapFilters:
    status: str = ""
    responsible: int | None = None  # a user id
    month: int | None = None  # 1..12, within the programme's academic year
    overdue: bool = False
    week: bool = False  # open events due from today to the end of this week (the start page links here)
    search: str = ""  # words of the title or of the responsible (a member's name or the text as written)

    @property
    def active(self) -> bool:
        return bool(self.status or self.responsible or self.month or self.overdue or self.week or self.search)


# ?sort= keys of the roadmap table: the document's order (by section) or a flat list by date or status
EVENT_SORTS: dict[str, tuple[str, ...]] = {
    "number": ("section__position", "section_id", "position"),
    "deadline": ("deadline",),
    "start": ("starts_on",),
    "status": ("status",),
}
DOCUMENT_ORDER = "number"


def this_sunday(today: date) -> date:
    return today + timedelta(days=6 - today.weekday())


def due_this_week_q(today: date, sunday: date | None = None) -> Q:
    """Open events whose next due date falls between today and this week's Sunday (``this_sunday``;
    given by a caller whose query is compiled once: ``mentoring.prepared``)."""
    sunday = sunday or this_sunday(today)
    return Q(status__in=OPEN) & (
        Q(next_due__gte=today, next_due__lte=sunday)
        | Q(next_due__isnull=True, deadline__gte=today, deadline__lte=sunday)
    )


def month_bounds(programme: Programme, month: int) -> tuple[date, date]:
    """The dates of a month of the programme's academic year (September–December in its first year)."""
    start_year = programme.academic_year.start_year
    year = start_year if month >= 9 else start_year + 1
    return date(year, month, 1), date(year, month, monthrange(year, month)[1])


def _events(programme: Programme | int, today: date) -> QuerySet[TableEvent]:
    return (
        RoadmapEvent.objects.filter(programme=programme)
        .prefetch_related("periods", "responsible_users")
        .annotate(
            evidence_count=Count("evidence", distinct=True),
            comment_count=Count("comments", distinct=True),
            overdue=overdue_on(today),
        )
        .order_by("section__position", "section_id", "position", "id")
    )


def filter_events(
    queryset: QuerySet[TableEvent], programme: Programme, filters: RoadmapFilters, today: date
) -> QuerySet[TableEvent]:
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    if filters.responsible:
        queryset = queryset.filter(responsible_users=filters.responsible)
    if filters.month:
        first, last = month_bounds(programme, filters.month)
        in_month = EventPeriod.objects.filter(start__lte=last, end__gte=first)
        yearly = EventPeriod.objects.filter(
            yearly=True, start__month__lte=filters.month, end__month__gte=filters.month
        )
        queryset = queryset.filter(
            Q(pk__in=in_month.values("event_id")) | Q(pk__in=yearly.values("event_id"))
        )
    if filters.overdue:
        queryset = queryset.filter(RoadmapEvent.overdue_q(today))
    if filters.week:
        queryset = queryset.filter(due_this_week_q(today))
    # letter case and «ё» aside, on SQLite as on PostgreSQL (icontains folds no Cyrillic on SQLite)
    for word in query_words(filters.search):
        responsible = RoadmapEvent.objects.filter(
            contains_word(word, "responsible_users__last_name", "responsible_users__first_name")
        )
        queryset = queryset.filter(
            contains_word(word, "title", "responsible_text") | Q(pk__in=responsible.values("pk"))
        )
    return queryset


@dataclass
class TableRow:
    """An event as a row of the roadmap table."""

    event: TableEvent
    number: str  # the document's own number, else the event's place in the roadmap («2.3»)
    may_mark: bool = False  # the row offers «Отметить выполнение» to the viewer (set by the page)


@dataclass
class SectionRows:
    section: RoadmapSection | None  # None: the flat list of a table sorted by something else than its order
    events: list[TableEvent] = field(default_factory=list)
    lines: list[TableRow] = field(default_factory=list)  # the events numbered (``number_rows``)


def _table_events(programme: Programme | int, today: date) -> QuerySet[TableEvent]:
    """``_events`` without its prefetching: ``attach_related`` reads the same rows for the table."""
    return _events(programme, today).prefetch_related(None)


def _programme_events(programme_id: int, today: date) -> QuerySet[TableEvent]:
    return _table_events(programme_id, today)


def _programme_periods(programme_id: int) -> QuerySet[EventPeriod]:
    return EventPeriod.objects.filter(event__programme_id=programme_id)  # the model's order: start, id


def _programme_responsible(programme_id: int) -> QuerySet[User]:
    """Each responsible member once per event of the programme (``event_id``), in the users' own order."""
    return (
        User.objects.filter(roadmap_events__programme_id=programme_id)
        .annotate(event_id=F("roadmap_events__id"))
        .only(*RESPONSIBLE_USER_FIELDS)
        .order_by(*RESPONSIBLE_USER_ORDER, "id")
    )


# the whole roadmap in the document's order, the table of a page without filters: compiled once per process
# (building these three queries cost more than the database's answer and the rows together)
_ALL_EVENTS = PreparedModels(_programme_events, programme_id=int, today=date)
_ALL_PERIODS = PreparedModels(_programme_periods, programme_id=int)
_ALL_RESPONSIBLE = PreparedModels(_programme_responsible, programme_id=int)


def attach_related(events: list[TableEvent], programme_id: int | None = None) -> None:
    """Each event's periods and responsible members, in two queries, as plain lists on the event
    (``table_periods``, ``table_responsible_users``; the row tags read them): ``prefetch_related`` builds a
    queryset per event and relation to hold the same rows, which cost more than drawing the table's rows.
    ``programme_id``: the events are all of that programme's, read by its id (queries compiled once)."""
    periods: dict[int, list[EventPeriod]] = {event.pk: [] for event in events}
    users: dict[int, list[User]] = {event.pk: [] for event in events}
    if events and programme_id is not None:
        for period in _ALL_PERIODS(programme_id=programme_id):
            periods[period.event_id].append(period)
        for user in _ALL_RESPONSIBLE(programme_id=programme_id):
            users[user.event_id].append(user)
    elif events:
        for period in EventPeriod.objects.filter(event_id__in=periods):  # the model's order: start, id
            periods[period.event_id].append(period)
        links = (
            RoadmapEvent.responsible_users.through.objects.filter(roadmapevent_id__in=users)
            .select_related("user")
            .only("roadmapevent_id", *(f"user__{name}" for name in RESPONSIBLE_USER_FIELDS))
            .order_by(*(f"user__{name}" for name in RESPONSIBLE_USER_ORDER), "user_id")
        )
        for link in links:
            users[link.roadmapevent_id].append(link.user)
    for event in events:
        event.table_periods = periods[event.pk]  # type: ignore[attr-defined]
        event.table_responsible_users = users[event.pk]  # type: ignore[attr-defined]


# what a row shows of a responsible member: ``get_full_name`` or else the username; in the users' own order
RESPONSIBLE_USER_FIELDS = ("id", "username", "last_name", "first_name", "patronymic")
RESPONSIBLE_USER_ORDER = ("last_name", "first_name", "patronymic")  # ``User.Meta.ordering``


def _programme_sections(programme_id: int) -> QuerySet[RoadmapSection]:
    return RoadmapSection.objects.filter(programme_id=programme_id).order_by("position", "id")


_SECTIONS = PreparedModels(_programme_sections, programme_id=int)


def roadmap_table(
    programme: Programme, filters: RoadmapFilters, today: date, order_by: tuple[str, ...] | None = None
) -> list[SectionRows]:
    """Sections with their (filtered) events, in the roadmap's order: four queries whatever the size.
    ``order_by`` (of ``EVENT_SORTS``) gives instead one flat list without sections, in three queries."""
    if order_by is not None:
        events = list(
            filter_events(_table_events(programme, today).order_by(*order_by), programme, filters, today)
        )
        attach_related(events)
        return [SectionRows(section=None, events=events)] if events else []
    by_id = {section.pk: SectionRows(section=section) for section in _SECTIONS(programme_id=programme.pk)}
    sections = list(by_id.values())
    if filters.active:
        found = list(filter_events(_table_events(programme, today), programme, filters, today))
        attach_related(found)
    else:
        found = _ALL_EVENTS(programme_id=programme.pk, today=today)
        attach_related(found, programme.pk)
    for event in found:
        by_id[event.section_id].events.append(event)
    if filters.active:
        sections = [rows for rows in sections if rows.events]
    return sections


def _kpi_targets(programme_id: int) -> QuerySet[KpiTarget]:
    return KpiTarget.objects.filter(programme_id=programme_id)  # the model's order


_KPI_TARGETS = PreparedModels(_kpi_targets, programme_id=int)


def kpi_targets(programme: Programme) -> list[KpiTarget]:
    """The KPI targets the roadmap document set (under the roadmap table; 1 query, compiled once)."""
    return _KPI_TARGETS(programme_id=programme.pk)


def running_numbers(programme: Programme) -> dict[int, str]:
    """«section.event» numbers in the roadmap's order («2.3»), for events the document gave no number;
    one query (a filtered table still numbers each event as the whole roadmap does)."""
    numbers: dict[int, str] = {}
    section_index: dict[int, int] = {}
    counts: dict[int, int] = {}
    rows = RoadmapEvent.objects.filter(programme=programme).order_by(
        "section__position", "section_id", "position", "id"
    )
    for event_id, section_id in rows.values_list("id", "section_id"):
        section_index.setdefault(section_id, len(section_index) + 1)
        counts[section_id] = counts.get(section_id, 0) + 1
        numbers[event_id] = f"{section_index[section_id]}.{counts[section_id]}"
    return numbers


def number_rows(sections: list[SectionRows], numbers: dict[int, str] | None = None) -> None:
    """Give each section its ``lines``: the events with their numbers — their own from the document, else
    their place in the roadmap (from ``numbers``, or counted here when the table shows every event)."""
    for section_index, rows in enumerate(sections, start=1):
        rows.lines = []
        for event_index, event in enumerate(rows.events, start=1):
            fallback = numbers.get(event.pk, "") if numbers is not None else f"{section_index}.{event_index}"
            rows.lines.append(TableRow(event, event.number or fallback))


@dataclass(frozen=True)
class Progress:
    total: int
    done: int
    done_on_time: int
    overdue: int
    cancelled: int

    @property
    def counted(self) -> int:
        return self.total - self.cancelled

    @property
    def done_percent(self) -> int:
        return round(100 * self.done / self.counted) if self.counted else 0

    @property
    def on_time_percent(self) -> int:
        return round(100 * self.done_on_time / self.counted) if self.counted else 0


def roadmap_progress(programme: Programme, today: date) -> Progress:
    """The roadmap's own KPI «выполнено 100% позиций дорожной карты», in one query."""
    done = Q(status=RoadmapEvent.Status.DONE)
    counts = RoadmapEvent.objects.filter(programme=programme).aggregate(
        total=Count("id"),
        done=Count("id", filter=done),
        done_on_time=Count(
            "id", filter=done & (Q(deadline__isnull=True) | Q(completed_on__lte=F("deadline")))
        ),
        overdue=Count("id", filter=RoadmapEvent.overdue_q(today)),
        cancelled=Count("id", filter=Q(status=RoadmapEvent.Status.CANCELLED)),
    )
    return Progress(**counts)


def progress_of(sections: list[SectionRows]) -> Progress:
    """``roadmap_progress`` counted from the rows of a table read without filters — every event of the
    roadmap, each with its ``overdue`` of the same day — instead of asked of the database once more."""
    total = done = done_on_time = overdue = cancelled = 0
    for rows in sections:
        for event in rows.events:
            total += 1
            if event.status == RoadmapEvent.Status.DONE:
                done += 1
                # the SQL's «deadline IS NULL OR completed_on <= deadline» (a NULL completion day is not on time)
                if event.deadline is None or (
                    event.completed_on is not None and event.completed_on <= event.deadline
                ):
                    done_on_time += 1
            elif event.status == RoadmapEvent.Status.CANCELLED:
                cancelled += 1
            if event.overdue:
                overdue += 1
    return Progress(total=total, done=done, done_on_time=done_on_time, overdue=overdue, cancelled=cancelled)


@dataclass
class TimelineMonth:
    start: date
    end: date
    events: list[TableEvent] = field(default_factory=list)

    @property
    def late(self) -> int:
        return sum(1 for event in self.events if event.overdue)


def roadmap_timeline(programme: Programme, today: date) -> list[TimelineMonth]:
    """September to August: for each month the events planned in it (a yearly period recurs each year)."""
    months = [
        TimelineMonth(*month_bounds(programme, month)) for month in (9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8)
    ]
    for event in _events(programme, today):
        for month in months:
            for period in event.periods.all():
                if period.start is None or period.end is None:
                    continue
                if _period_touches(period.start, period.end, period.yearly, month):
                    month.events.append(event)
                    break
    return months


def _period_touches(start: date, end: date, yearly: bool, month: TimelineMonth) -> bool:
    """Whether a dated period (``yearly``: its months in any year) touches the month."""
    if start <= month.end and end >= month.start:
        return True
    if yearly:
        # the same months in any year
        span = (end.year - start.year) * 12 + end.month - start.month
        offset = (month.start.year - start.year) * 12 + month.start.month - start.month
        return 0 <= offset % 12 <= span
    return False


def undated_events(programme: Programme) -> QuerySet[RoadmapEvent]:
    return RoadmapEvent.objects.filter(programme=programme, deadline__isnull=True).order_by("position")


def my_tasks(programme: Programme, user: User, today: date) -> dict[str, list[TableEvent]]:
    """The open events a member is responsible for: overdue first, then by date."""
    events = list(
        _events(programme, today)
        .filter(responsible_users=user)
        .select_related("section")
        .order_by("next_due", "starts_on", "position")
    )
    groups: dict[str, list[TableEvent]] = {"overdue": [], "open": [], "finished": []}
    for event in events:
        if event.overdue:
            groups["overdue"].append(event)
        elif event.status in OPEN:
            groups["open"].append(event)
        else:
            groups["finished"].append(event)
    return groups


def event_detail(programme: Programme, event_id: int, today: date) -> EventOnDay | None:
    return (
        RoadmapEvent.objects.filter(programme=programme, pk=event_id)
        .annotate(overdue=overdue_on(today))
        .select_related("section")
        .prefetch_related(
            "periods",
            "responsible_users",
            Prefetch("evidence", queryset=EventEvidence.objects.select_related("added_by")),
            Prefetch("comments", queryset=EventComment.objects.select_related("author")),
            "occurrence_reports",
        )
        .first()
    )


@dataclass(frozen=True)
class OccurrenceRow:
    start: date
    due: date
    completed_on: date | None
    overdue: bool


def occurrence_rows(event: RoadmapEvent, today: date) -> list[OccurrenceRow]:
    """The schedule of a recurring event with what is reported (uses the prefetched periods and reports)."""
    reported = {report.due: report.completed_on for report in event.occurrence_reports.all()}
    periods = [period.as_period() for period in event.periods.all()]
    finished = event.status in (RoadmapEvent.Status.DONE, RoadmapEvent.Status.CANCELLED)
    return [
        OccurrenceRow(
            start=item.start,
            due=item.due,
            completed_on=reported.get(item.due),
            overdue=not finished and item.due < today and item.due not in reported,
        )
        for item in schedule_occurrences(periods)
    ]


# compiled once per process (``mentoring.prepared``): the roadmap's filter and action bar ask it on every
# page, and building it cost more than running it
_MEMBER_NAMES = PreparedValues(
    lambda organization_id: (
        User.objects.filter(memberships__organization=organization_id)
        .distinct()
        .order_by("last_name", "first_name")
        .values_list("pk", "username", "last_name", "first_name", "patronymic")
    ),
    organization_id=int,
)


def responsible_choices(programme: Programme) -> list[tuple[int, str]]:
    """Members of the organisation who can be made responsible for an event (1 query)."""
    users = _MEMBER_NAMES(organization_id=programme.organization_id)
    # ``User.get_full_name`` of plain values: a school's staff are dozens of members, no model object each
    return [
        (pk, " ".join(part for part in (last, first, patronymic) if part).strip() or username)
        for pk, username, last, first, patronymic in users
    ]


@dataclass
class ExportSection:
    section: RoadmapSection
    events: list[EventOnDay] = field(default_factory=list)


def roadmap_for_export(programme: Programme, today: date) -> list[ExportSection]:
    """Every section and event with periods, responsible people and evidence, for the exported files."""
    sections = [
        ExportSection(section=section) for section in programme.roadmap_sections.order_by("position", "id")
    ]
    by_id = {rows.section.pk: rows for rows in sections}
    events = (
        RoadmapEvent.objects.filter(programme=programme)
        .annotate(overdue=overdue_on(today))
        .prefetch_related("periods", "responsible_users", "evidence")
        .order_by("section__position", "section_id", "position", "id")
    )
    for event in events:
        by_id[event.section_id].events.append(event)
    return sections


def event_deletion_counts(event: RoadmapEvent) -> dict[str, int]:
    """What the deletion of an event takes with it, for its confirmation page (one query)."""
    return RoadmapEvent.objects.filter(pk=event.pk).aggregate(
        evidence_count=Count("evidence", distinct=True),
        file_count=Count("evidence", filter=~Q(evidence__file=""), distinct=True),
        comment_count=Count("comments", distinct=True),
        report_count=Count("occurrence_reports", distinct=True),
    )
