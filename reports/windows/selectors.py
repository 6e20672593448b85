"""Reads of the monitoring windows: who is below an opener, who handed in, who is late, the totals.

Every read costs a fixed number of queries whatever the number of organisations: the tree below an
organisation is read one level at a time (a region → its municipalities → their schools), the
submissions of a window in one query. Figures come from the frozen snapshots only, never from live data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from django.db.models import QuerySet
from django.db.models.fields.json import KeyTransform
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from mentoring.access import MAX_DEPTH, Scope, ancestor_ids
from mentoring.models import AcademicYear, Organization, Programme
from mentoring.prepared import PreparedIdLists
from participants.participation import Period

from ..models import MonitoringWindow, WindowSubmission
from ..statistics import calc as statistics


def is_oversight(organization: Organization) -> bool:
    """Whether organisations sit below this one (a municipal authority, a region): it may open windows."""
    return organization.kind in Organization.PARENT_KINDS


def organizations_below(organization: Organization) -> list[Organization]:
    """Every organisation below ``organization`` at any depth that hands in figures (schools, colleges,
    centres — not the authorities between), with ``parent`` loaded; one query per level."""
    found: list[Organization] = []
    frontier = [organization.pk]
    seen = {organization.pk}
    for _level in range(MAX_DEPTH):
        if not frontier:
            break
        children = list(
            Organization.objects.filter(parent_id__in=frontier)
            .select_related("parent")
            .order_by("short_name", "pk")
        )
        frontier = []
        for child in children:
            if child.pk in seen:
                continue
            seen.add(child.pk)
            if child.kind in Organization.PARENT_KINDS:
                frontier.append(child.pk)
            else:
                found.append(child)
    return found


def window_period(window: MonitoringWindow) -> Period:
    """The reporting period of a window: its academic year from 1 September up to ``as_of``."""
    year = window.academic_year
    end = min(max(window.as_of, year.start_date), year.end_date)
    return Period(year.start_date, end)


def window_layout(window: MonitoringWindow) -> statistics.Layout:
    return statistics.layout_from_data(window.layout)


def windows_for(organization: Organization, academic_year: AcademicYear | None = None) -> QuerySet:
    """The windows an organisation sees: opened by itself or by any organisation above it (1 query)."""
    openers = [organization.pk, *ancestor_ids(organization)]
    found = MonitoringWindow.objects.filter(opener_id__in=openers).select_related("opener", "academic_year")
    if academic_year is not None:
        found = found.filter(academic_year=academic_year)
    return found.order_by("-deadline", "-pk")


def _seen_in_year(opener_ids: list[int], academic_year_id: int) -> QuerySet[MonitoringWindow]:
    """``windows_for`` with the openers' ids and a year, for the queries compiled once below."""
    return (
        MonitoringWindow.objects.filter(opener_id__in=opener_ids, academic_year_id=academic_year_id)
        .select_related("opener", "academic_year")
        .order_by("-deadline", "-pk")
    )


# the latest window an organisation sees in a year, and the open ones (a console, an authority's start
# page, on every request): compiled once per process
_LATEST_SEEN = PreparedIdLists(
    lambda opener_ids, academic_year_id: _seen_in_year(opener_ids, academic_year_id)[:1], academic_year_id=int
)


def open_seen_windows(
    organization: Organization, academic_year_id: int, today: date, limit: int
) -> list[MonitoringWindow]:
    """``windows_for(organization, year)`` open on ``today`` and not closed, the first ``limit`` (1 query)."""
    prepared = _OPEN_SEEN.get(limit)
    if prepared is None:
        prepared = _OPEN_SEEN.setdefault(
            limit,
            PreparedIdLists(
                lambda opener_ids, academic_year_id, today: _seen_in_year(
                    opener_ids, academic_year_id
                ).filter(opens_on__lte=today, closed_at__isnull=True)[:limit],
                academic_year_id=int,
                today=date,
            ),
        )
    return prepared(
        [organization.pk, *ancestor_ids(organization)], academic_year_id=academic_year_id, today=today
    )


_OPEN_SEEN: dict[int, PreparedIdLists] = {}


def window_for_scope(scope: Scope, pk: int) -> MonitoringWindow:
    """The window ``pk`` if the scope's organisation sees it; else 404 (as for a stranger)."""
    window = windows_for(scope.organization).filter(pk=pk).first()
    if window is None:
        raise Http404
    return window


class Status:
    SUBMITTED = "submitted"
    SUBMITTED_LATE = "submitted_late"
    PENDING = "pending"  # not yet, the deadline has not passed
    OVERDUE = "overdue"  # not handed in and the deadline has passed
    NO_PROGRAMME = "no_programme"  # no programme that year: nothing to count, nothing to hand in


def status_labels() -> dict[str, str]:
    return {
        Status.SUBMITTED: _("handed in"),
        Status.SUBMITTED_LATE: _("handed in after the deadline"),
        Status.PENDING: _("not yet handed in"),
        Status.OVERDUE: _("not handed in, the deadline has passed"),
        Status.NO_PROGRAMME: _("no programme this year"),
    }


@dataclass
class OrganizationRow:
    organization: Organization
    programme: Programme | None
    submission: WindowSubmission | None  # the current version (without ``data`` unless asked for)
    status: str

    @property
    def group(self) -> Organization | None:
        """The organisation directly above (its municipality), for the per-municipality tables."""
        return self.organization.parent

    @property
    def handed_in(self) -> bool:
        return self.submission is not None

    @property
    def is_late(self) -> bool:
        return self.status in (Status.SUBMITTED_LATE, Status.OVERDUE)

    @property
    def status_label(self) -> str:
        return status_labels()[self.status]


@dataclass
class WindowOverview:
    window: MonitoringWindow
    area: Organization
    rows: list[OrganizationRow]
    today: date

    @property
    def expected(self) -> list[OrganizationRow]:
        return [row for row in self.rows if row.status != Status.NO_PROGRAMME]

    @property
    def submitted(self) -> list[OrganizationRow]:
        return [row for row in self.rows if row.handed_in]

    @property
    def not_submitted(self) -> list[OrganizationRow]:
        return [row for row in self.expected if not row.handed_in]

    @property
    def late(self) -> list[OrganizationRow]:
        return [row for row in self.rows if row.is_late]

    @property
    def handed_in_late(self) -> list[OrganizationRow]:
        """Handed in, after the deadline."""
        return [row for row in self.rows if row.status == Status.SUBMITTED_LATE]

    @property
    def missed(self) -> list[OrganizationRow]:
        """Not handed in, and the deadline has passed."""
        return [row for row in self.rows if row.status == Status.OVERDUE]

    @property
    def share_submitted(self) -> float | None:
        return statistics.percentage(len(self.submitted), len(self.expected))

    @property
    def is_overdue(self) -> bool:
        return self.today > self.window.deadline


def _status(window: MonitoringWindow, programme, submission, today: date) -> str:
    if submission is not None:
        return Status.SUBMITTED_LATE if submission.late else Status.SUBMITTED
    if programme is None:
        return Status.NO_PROGRAMME
    return Status.OVERDUE if today > window.deadline else Status.PENDING


def window_overview(
    window: MonitoringWindow,
    area: Organization,
    *,
    with_data: bool = False,
    with_parts: bool = False,
    today: date | None = None,
) -> WindowOverview:
    """Every organisation below ``area`` (the opener, or a municipality inside the opener's area) with its
    status in the window and its current submission; ``with_data`` loads the snapshots too, ``with_parts``
    only their parts (``submission.parts``: what a total adds up — a region's page then reads 1,500
    tables, not 1,500 KPI sheets and cells, which took seconds of decoding and garbage collection).

    A fixed number of queries: the levels of the tree, the programmes, the submissions.
    """
    today = today or timezone.localdate()
    if area.pk == window.opener_id or window.opener_id in ancestor_ids(area):
        below = organizations_below(area)
    else:
        below = []
    ids = [organization.pk for organization in below]
    programmes = {
        programme.organization_id: programme
        for programme in Programme.objects.filter(
            organization_id__in=ids, academic_year_id=window.academic_year_id
        )
    }
    submissions_query = WindowSubmission.objects.filter(
        window=window, organization_id__in=ids, is_current=True
    )
    if not with_data:
        submissions_query = submissions_query.defer("data")
        if with_parts:
            submissions_query = submissions_query.annotate(parts=KeyTransform("parts", "data"))
    submissions = {submission.organization_id: submission for submission in submissions_query}
    rows = [
        OrganizationRow(
            organization=organization,
            programme=programmes.get(organization.pk),
            submission=submissions.get(organization.pk),
            status=_status(window, programmes.get(organization.pk), submissions.get(organization.pk), today),
        )
        for organization in below
    ]
    return WindowOverview(window=window, area=area, rows=rows, today=today)


def submission_history(window: MonitoringWindow, organization: Organization) -> list[WindowSubmission]:
    """Every version the organisation handed in, newest first (1 query)."""
    return list(
        WindowSubmission.objects.filter(window=window, organization=organization).order_by("-version")
    )


def snapshot_parts(submission: WindowSubmission) -> list[list[statistics.Part]]:
    return [
        [(int(part[0]), None if part[1] is None else int(part[1])) for part in row]
        for row in submission.data["parts"]
    ]


def snapshot_result(window: MonitoringWindow, submission: WindowSubmission) -> statistics.Result:
    """The figures of a submission as a statistics result, from its snapshot (never from live data)."""
    return statistics.Result(
        layout=window_layout(window), cells=submission.data["cells"], parts=snapshot_parts(submission)
    )


def sum_snapshots(layout: statistics.Layout, submissions: Sequence[WindowSubmission]) -> statistics.Result:
    """The snapshots added up cell by cell: counts, and the numerators and denominators of every
    percentage, divided again at the end (never an average of percentages). The same rule as
    ``statistics.total``, in one pass over the stored parts (1,500 snapshots of a region)."""
    return sum_parts(layout, [submission.data["parts"] for submission in submissions])


def sum_parts(layout: statistics.Layout, snapshots_parts: Sequence[list]) -> statistics.Result:
    """:func:`sum_snapshots` over the stored parts alone (``window_overview(with_parts=True)``)."""
    width = len(layout.columns)
    numerators = [[0] * width for _row in layout.rows]
    denominators = [[0] * width for _row in layout.rows]
    for stored in snapshots_parts:
        for r, row in enumerate(stored):
            row_numerators, row_denominators = numerators[r], denominators[r]
            for c, (numerator, denominator) in enumerate(row):
                row_numerators[c] += numerator
                if denominator:
                    row_denominators[c] += denominator
    parts: list[list[statistics.Part]] = []
    cells: list[list[int | float | None]] = []
    for r, row in enumerate(layout.rows):
        row_parts: list[statistics.Part]
        if row.is_percent:
            row_parts = list(zip(numerators[r], denominators[r], strict=True))
            cells.append(
                [statistics.percentage(n, d) for n, d in zip(numerators[r], denominators[r], strict=True)]
            )
        else:
            row_parts = [(n, None) for n in numerators[r]]
            cells.append(list(numerators[r]))
        parts.append(row_parts)
    return statistics.Result(layout=layout, cells=cells, parts=parts)


@dataclass(frozen=True)
class FrozenKpi:
    """One KPI as handed in (``services.submission_kpis``), or added up over several snapshots."""

    key: str
    name: str
    unit: str
    direction: str
    numerator: float
    denominator: float | None
    value: float | None
    target: float | None
    light: str
    shared: bool = True

    @property
    def is_percent(self) -> bool:
        return self.unit == "percent"

    @property
    def light_label(self) -> str:
        from monitoring.kpis.selectors import LIGHT_LABELS

        return str(LIGHT_LABELS[self.light])


def snapshot_kpis(submission: WindowSubmission) -> list[FrozenKpi] | None:
    """The KPI sheet frozen with a submission; None for a version handed in before KPIs were frozen."""
    stored = submission.data.get("kpis")
    if stored is None:
        return None
    return [
        FrozenKpi(
            key=item["key"],
            name=item["name"],
            unit=item["unit"],
            direction=item.get("direction", "higher"),
            numerator=item["numerator"],
            denominator=item["denominator"],
            value=item["value"],
            target=item["target"],
            light=item["light"],
            shared=item.get("shared", True),
        )
        for item in stored
    ]


def sum_kpis(submissions: Sequence[WindowSubmission], targets: dict[str, float]) -> list[FrozenKpi]:
    """The shared KPIs of several snapshots added up: numerators and denominators summed, the value
    divided again (never an average of shares), against ``targets`` (indicator key → the collecting
    organisation's own target) with its light. An organisation's own indicators are not added up."""
    from monitoring.kpis import calc as kpi_math

    found: dict[str, list] = {}
    for submission in submissions:
        for kpi in snapshot_kpis(submission) or []:
            if not kpi.shared:
                continue
            entry = found.setdefault(kpi.key, [kpi, 0.0, None])
            entry[1] += kpi.numerator or 0
            if kpi.denominator is not None:
                entry[2] = (entry[2] or 0.0) + kpi.denominator
    totals = []
    for first, numerator, denominator in found.values():
        value = kpi_math.indicator_value(numerator, denominator, first.unit)
        target = targets.get(first.key)
        totals.append(
            FrozenKpi(
                key=first.key,
                name=first.name,
                unit=first.unit,
                direction=first.direction,
                numerator=numerator,
                denominator=denominator,
                value=value,
                target=target,
                light=kpi_math.traffic_light(value, target, direction=first.direction),
            )
        )
    return totals


def shared_targets(programme: Programme | None) -> dict[str, float]:
    """The targets of the shared indicators for the programme's organisation, by indicator key: its own,
    else inherited from above, else the federal aim for the coverage (``monitoring.kpis.targets``, the
    rule every figure follows; 3 queries)."""
    from monitoring.kpis.selectors import indicators_for_organizations
    from monitoring.kpis.targets import targets_for

    if programme is None:
        return {}
    shared = [i for i in indicators_for_organizations([]) if i.organization_id is None]
    found = targets_for(programme, shared)
    return {indicator.key: found[indicator.pk].value for indicator in shared if indicator.pk in found}


@dataclass
class Consolidation:
    """The window's figures for an area: the total, per group (municipality) and per organisation."""

    overview: WindowOverview
    layout: statistics.Layout
    total: statistics.Result
    by_group: list[tuple[Organization, statistics.Result, int]] = field(default_factory=list)
    by_organization: list[tuple[OrganizationRow, statistics.Result]] = field(default_factory=list)


def window_consolidation(
    window: MonitoringWindow, area: Organization, *, today: date | None = None, detail: bool = True
) -> Consolidation:
    """Totals of the current snapshots below ``area``: added cell by cell (percentages from their added
    parts, never averaged); with ``detail``, per municipality and per organisation too."""
    overview = window_overview(window, area, with_data=detail, with_parts=not detail, today=today)
    layout = window_layout(window)
    handed_in = [(row, row.submission) for row in overview.rows if row.submission is not None]
    if not detail:
        # ``parts`` is annotated by window_overview(with_parts=True) (the JSON key alone, not the whole
        # snapshot); the overview's rows type their submission as the plain model
        parts = [submission.parts for _row, submission in handed_in]  # type: ignore[attr-defined]
        total = sum_parts(layout, parts)
        return Consolidation(overview=overview, layout=layout, total=total)
    total = sum_snapshots(layout, [submission for _row, submission in handed_in])
    groups: dict[int, tuple[Organization, list[WindowSubmission]]] = {}
    for row, submission in handed_in:
        group = row.group or row.organization
        groups.setdefault(group.pk, (group, []))[1].append(submission)
    by_group = [
        (group, sum_snapshots(layout, submissions), len(submissions))
        for group, submissions in sorted(groups.values(), key=lambda item: item[0].short_name)
    ]
    by_organization = [(row, snapshot_result(window, submission)) for row, submission in handed_in]
    return Consolidation(
        overview=overview, layout=layout, total=total, by_group=by_group, by_organization=by_organization
    )


@dataclass(frozen=True)
class GroupCount:
    """One municipality's line in the opener's page: how many of its organisations handed in."""

    group: Organization
    expected: int
    submitted: int
    late: int

    @property
    def share(self) -> float | None:
        return statistics.percentage(self.submitted, self.expected)


def group_counts(overview: WindowOverview) -> list[GroupCount]:
    counts: dict[int, list] = {}
    for row in overview.rows:
        group = row.group or row.organization
        entry = counts.setdefault(group.pk, [group, 0, 0, 0])
        if row.status != Status.NO_PROGRAMME:
            entry[1] += 1
        if row.handed_in:
            entry[2] += 1
        if row.is_late:
            entry[3] += 1
    return sorted(
        (
            GroupCount(group, expected, submitted, late)
            for group, expected, submitted, late in counts.values()
        ),
        key=lambda item: item.group.short_name,
    )


@dataclass(frozen=True)
class WindowSummary:
    """For a console: how many of the organisations expected have handed in, and which have not."""

    window: MonitoringWindow
    expected: int
    submitted: int
    share: float | None  # percent, to 0.1
    late: int  # both below: handed in after the deadline, or not handed in with the deadline passed
    not_submitted: tuple[Organization, ...]
    submitted_late: int = 0  # handed in, after the deadline
    overdue: int = 0  # not handed in, and the deadline has passed


def window_submission_summary(
    organization: Organization, *, academic_year: AcademicYear | None = None, today: date | None = None
) -> WindowSummary | None:
    """The latest window the organisation sees (its own first, else one opened above it) summarised for
    the organisations below it; None when there is no window. A fixed number of queries."""
    if academic_year is not None:  # its own latest window, else the latest opened above: compiled once
        own = _LATEST_SEEN([organization.pk], academic_year_id=academic_year.pk)
        seen = own or _LATEST_SEEN(
            [organization.pk, *ancestor_ids(organization)], academic_year_id=academic_year.pk
        )
        window = seen[0] if seen else None
    else:
        windows = windows_for(organization, academic_year)
        window = windows.filter(opener=organization).first() or windows.first()
    if window is None:
        return None
    overview = window_overview(window, organization, today=today)
    return WindowSummary(
        window=window,
        expected=len(overview.expected),
        submitted=len(overview.submitted),
        share=overview.share_submitted,
        late=len(overview.late),
        not_submitted=tuple(row.organization for row in overview.not_submitted),
        submitted_late=sum(1 for row in overview.rows if row.status == Status.SUBMITTED_LATE),
        overdue=sum(1 for row in overview.rows if row.status == Status.OVERDUE),
    )


@dataclass(frozen=True)
class WindowCard:
    """What a school's start page shows about one open window."""

    window: MonitoringWindow
    submission: WindowSubmission | None
    overdue: bool


def open_windows_for_school(
    organization: Organization, academic_year: AcademicYear, *, today: date | None = None
) -> list[WindowCard]:
    """The windows a school should act on (open, not closed), with its current version (2 queries)."""
    today = today or timezone.localdate()
    windows = list(
        windows_for(organization, academic_year).filter(opens_on__lte=today, closed_at__isnull=True)
    )
    if not windows:
        return []
    current = {
        submission.window_id: submission
        for submission in WindowSubmission.objects.filter(
            window__in=windows, organization=organization, is_current=True
        ).defer("data")
    }
    return [
        WindowCard(window=window, submission=current.get(window.pk), overdue=today > window.deadline)
        for window in windows
        if window.opener_id != organization.pk
    ]


def open_windows_for_scope(scope: Scope, today: date) -> list[WindowCard]:
    """``open_windows_for_school`` of the scope's organisation, read once per request: the start page
    counts them in «Требует внимания» and shows a card for each. Kept on the request's own instance of
    the organisation (each request loads its own), never across requests."""
    kept: dict[tuple[int, date], list[WindowCard]] = scope.organization.__dict__.setdefault(
        "_open_windows", {}
    )
    key = (scope.programme.academic_year_id, today)
    if key not in kept:
        kept[key] = open_windows_for_school(scope.organization, scope.programme.academic_year, today=today)
    return kept[key]


def windows_with_counts(windows: Sequence[MonitoringWindow]) -> dict[int, int]:
    """Current submissions per window (1 query), for the list of windows."""
    from django.db.models import Count

    return dict(
        WindowSubmission.objects.filter(window__in=list(windows), is_current=True)
        .values_list("window_id")
        .annotate(count=Count("pk"))
        .order_by()
    )


def window_console_panel(scope: Scope) -> dict | None:
    """What the regional console's slot shows (``templates/reports/windows/console_slot.html``): the
    latest window the scope's organisation opened or sees, the share of organisations below it that have
    handed in and those that have not; None when there is no window that year."""
    from django.urls import reverse

    summary = window_submission_summary(scope.organization, academic_year=scope.programme.academic_year)
    if summary is None:
        return None
    return {
        "summary": summary,
        "url": reverse("reports:window", kwargs={**scope.url_kwargs, "window": summary.window.pk}),
    }
