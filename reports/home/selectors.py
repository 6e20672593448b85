"""Reads of each role's start page: what needs attention, the year at a glance, the first steps.

They live in ``reports`` because a start page sums up every app (the roadmap, the bases, the pairs, the
monitoring and the collection windows) and ``reports`` is the one app that may read them all; the core
shows them through ``mentoring.dashboard_cards`` (see ``home.cards``).

Every function makes a fixed number of queries whatever the size of the school (pinned in
``tests/reports/test_home.py``): the counts are computed in the database, never by loading rows. The
counts of a school's start page are prepared queries (``mentoring.prepared``): the ORM builds their SQL
once per process, each request only runs it — building it cost more than running it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from django.db.models import Count, F, Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from mentoring.access import Scope, may_open
from mentoring.hierarchy import unit_programmes_below
from mentoring.models import Programme
from mentoring.prepared import PreparedAggregate, PreparedCount, PreparedModels
from monitoring.kpis import calc
from monitoring.kpis.metrics_cache import cached_metrics
from monitoring.kpis.selectors import KpiValue, kpi_values, stored_metrics
from monitoring.meetings.selectors import last_meeting_date, open_requests, pairs_overview, stale_pairs
from monitoring.models import Campaign, Invitation, Meeting, PlanTask
from monitoring.selectors import settings_for
from pairing.models import GroupMember, MentoringGroup
from pairing.selectors import GroupCard, MemberLine, group_cards, lines_by_group
from participants.models import MenteeProfile, MentorProfile
from participants.selectors import valid_consent
from roadmap.models import RoadmapEvent
from roadmap.selectors import due_this_week_q, this_sunday

from ..models import Order
from ..windows.selectors import open_windows_for_scope

if TYPE_CHECKING:
    from mentoring.models import User

OPEN_PAIRS = MentoringGroup.OPEN_STATUSES


def _url(scope: Scope, name: str, query: str = "", **kwargs: object) -> str:
    """The link of a count, or "" when the role may not open that page (the count is then shown bare)."""
    if not may_open(scope, name, **kwargs):
        return ""
    url = reverse(name, kwargs={**scope.url_kwargs, **kwargs})
    return f"{url}?{query}" if query else url


# --------------------------------------------------------------------------------------------------
# The facts of one school's year


@dataclass(frozen=True)
class RoadmapFacts:
    total: int = 0
    overdue: int = 0
    due_this_week: int = 0
    done: int = 0
    done_on_time: int = 0
    cancelled: int = 0

    @property
    def counted(self) -> int:
        return self.total - self.cancelled

    @property
    def on_time_percent(self) -> int | None:
        return round(100 * self.done_on_time / self.counted) if self.counted else None

    @property
    def done_percent(self) -> int | None:
        return round(100 * self.done / self.counted) if self.counted else None


def _roadmap_counts(programme_id: int, today: date, sunday: date):
    done = Q(status=RoadmapEvent.Status.DONE)
    return RoadmapEvent.objects.filter(programme=programme_id), {
        "total": Count("id"),
        "overdue": Count("id", filter=RoadmapEvent.overdue_q(today)),
        "due_this_week": Count("id", filter=due_this_week_q(today, sunday)),
        "done": Count("id", filter=done),
        "done_on_time": Count(
            "id", filter=done & (Q(deadline__isnull=True) | Q(completed_on__lte=F("deadline")))
        ),
        "cancelled": Count("id", filter=Q(status=RoadmapEvent.Status.CANCELLED)),
    }


_ROADMAP_COUNTS = PreparedAggregate(_roadmap_counts, programme_id=int, today=date, sunday=date)


def roadmap_facts(programme: Programme, today: date) -> RoadmapFacts:
    """1 query."""
    return RoadmapFacts(**_ROADMAP_COUNTS(programme_id=programme.pk, today=today, sunday=this_sunday(today)))


@dataclass(frozen=True)
class BaseFacts:
    mentees: int = 0
    mentors: int = 0
    mentees_without_pair: int = 0
    people_without_consent: int = 0


def _without_consent(model: type[MenteeProfile] | type[MentorProfile], programme: Programme | int):
    """The people of one base of the year whose data is kept and who have no valid consent."""
    return (
        model.objects.filter(programme=programme, person__anonymised_at__isnull=True)
        .annotate(has_consent=valid_consent())
        .filter(has_consent=False)
        .values("person_id")
    )


def _open_pair_mentees(programme_id: int):
    """The people in an open pair or group of the year as mentees (as the bases' ``?paired=`` filter counts them)."""
    return GroupMember.objects.filter(
        group__programme=programme_id, group__status__in=OPEN_PAIRS, role=GroupMember.Role.MENTEE
    ).values("person_id")


# the paired mentees asked once (a hashed sub-plan on PostgreSQL), not by an EXISTS per profile: at 1,000
# pupils the correlated form cost 16-28 ms of the start page, this one 2 ms (the pairs page's count does the same)
_MENTEE_COUNTS = PreparedAggregate(
    lambda programme_id: (
        MenteeProfile.objects.filter(programme=programme_id, person__anonymised_at__isnull=True),
        {
            "total": Count("pk"),
            "unpaired": Count("pk", filter=~Q(person_id__in=_open_pair_mentees(programme_id))),
        },
    ),
    programme_id=int,
)
_MENTOR_COUNT = PreparedCount(
    lambda programme_id: MentorProfile.objects.filter(
        programme=programme_id, person__anonymised_at__isnull=True
    ),
    programme_id=int,
)
# from the year's two bases (an index each), each person once (UNION); not from every person and
# consent of the deployment joined to both bases with a DISTINCT
_WITHOUT_CONSENT_COUNT = PreparedCount(
    lambda programme_id: _without_consent(MenteeProfile, programme_id).union(
        _without_consent(MentorProfile, programme_id)
    ),
    programme_id=int,
)


def base_facts(programme: Programme) -> BaseFacts:
    """3 queries: the mentees, the mentors, the people without a consent (as the consents page lists them)."""
    mentees = _MENTEE_COUNTS(programme_id=programme.pk)
    mentors = _MENTOR_COUNT(programme_id=programme.pk)
    without_consent = _WITHOUT_CONSENT_COUNT(programme_id=programme.pk)
    return BaseFacts(
        mentees=mentees["total"],
        mentors=mentors,
        mentees_without_pair=mentees["unpaired"],
        people_without_consent=without_consent,
    )


@dataclass(frozen=True)
class PairFacts:
    open_pairs: int = 0
    plans: int = 0
    unapproved_plans: int = 0
    stale: int = 0
    stale_days: int = 14


_PAIR_COUNTS = PreparedAggregate(
    lambda programme_id: (
        MentoringGroup.objects.filter(programme=programme_id),
        {
            "open_pairs": Count("pk", filter=Q(status__in=OPEN_PAIRS)),
            "plans": Count("plan", filter=~Q(status=MentoringGroup.Status.PROPOSED)),
            # as ``unapproved_pairs`` (the list of plans behind the link) counts them
            "unapproved": Count(
                "pk", filter=Q(status=MentoringGroup.Status.ACTIVE) & Q(plan__approved_at__isnull=True)
            ),
        },
    ),
    programme_id=int,
)
# the pairs ``pairs_overview(only_stale=True)`` lists (the page behind the link)
_STALE_COUNT = PreparedCount(stale_pairs, programme=int, since=date)


def pair_facts(programme: Programme, today: date) -> PairFacts:
    """4 queries: the settings (days without a meeting), the pairs, the plans waiting, the silent pairs."""
    stale_days = settings_for(programme.organization).stale_pair_days
    counts = _PAIR_COUNTS(programme_id=programme.pk)
    return PairFacts(
        open_pairs=counts["open_pairs"],
        plans=counts["plans"],
        unapproved_plans=counts["unapproved"],
        stale=_STALE_COUNT(programme=programme.pk, since=today - timedelta(days=stale_days)),
        stale_days=stale_days,
    )


@dataclass(frozen=True)
class QuestionnaireFacts:
    running: int = 0
    links: int = 0
    answered: int = 0

    @property
    def response_percent(self) -> int | None:
        return round(100 * self.answered / self.links) if self.links else None


def _questionnaire_counts(programme_id: int, now: datetime):
    return Campaign.objects.filter(programme=programme_id, expires_at__gt=now), {
        "running": Count("pk", distinct=True),
        "links": Count("invitations"),
        "answered": Count("invitations", filter=Q(invitations__answered_at__isnull=False)),
    }


_QUESTIONNAIRE_COUNTS = PreparedAggregate(_questionnaire_counts, programme_id=int, now=datetime)


def questionnaire_facts(programme: Programme) -> QuestionnaireFacts:
    """1 query: the campaigns whose links are still valid, with their links and answers."""
    return QuestionnaireFacts(**_QUESTIONNAIRE_COUNTS(programme_id=programme.pk, now=timezone.now()))


@dataclass(frozen=True)
class KpiFacts:
    values: list[KpiValue] = field(default_factory=list)
    coverage: int | None = None  # pupils involved in mentoring, % of the pupils

    @property
    def with_target(self) -> int:
        return sum(1 for value in self.values if value.light != calc.GREY)

    @property
    def off_target(self) -> int:
        return sum(1 for value in self.values if value.light == calc.RED)

    @property
    def met(self) -> int:
        return sum(1 for value in self.values if value.light == calc.GREEN)


def _coverage(metrics: dict[str, float]) -> int | None:
    pupils = metrics.get("pupils") or 0
    return round(100 * (metrics.get("pupils_involved") or 0) / pupils) if pupils else None


def kpi_facts(programme: Programme, today: date) -> KpiFacts:
    """The programme's KPI values with their lights: the fixed queries of ``programme_metrics`` (none when
    its figures are in the cache: ``metrics_cache``) and those of the indicators and targets."""
    metrics = cached_metrics([programme], today)
    values = kpi_values([programme], today, metrics=metrics).get(programme.pk, [])
    return KpiFacts(values=values, coverage=_coverage(metrics.get(programme.pk, {})))


# --------------------------------------------------------------------------------------------------
# «Требует внимания» and the year at a glance


@dataclass(frozen=True)
class AttentionItem:
    key: str
    count: int
    url: str
    # "danger" (late), "warning" (to do), "info" (running)
    tone: str = "warning"
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class ChecklistStep:
    key: str
    done: bool
    url: str


@dataclass
class SchoolHome:
    roadmap: RoadmapFacts
    bases: BaseFacts
    pairs: PairFacts
    questionnaires: QuestionnaireFacts
    kpis: KpiFacts
    windows_to_submit: int
    windows_url: str
    items: list[AttentionItem] = field(default_factory=list)
    checklist: list[ChecklistStep] = field(default_factory=list)
    orders_to_sign: int = 0
    psychologist_requests: int = 0

    @property
    def needs_attention(self) -> list[AttentionItem]:
        return [item for item in self.items if item.count]

    @property
    def checklist_done(self) -> bool:
        return all(step.done for step in self.checklist)

    @property
    def checklist_done_count(self) -> int:
        return sum(1 for step in self.checklist if step.done)


def checklist(scope: Scope, programme: Programme, home: SchoolHome) -> list[ChecklistStep]:
    """«Как начать»: organisation → roadmap → bases → consents → pairs → plans, each ticked from the data."""
    return [
        ChecklistStep("organisation", programme.pupils_total > 0, _url(scope, "programme")),
        ChecklistStep("roadmap", home.roadmap.total > 0, _url(scope, "roadmap:start")),
        ChecklistStep(
            "bases", home.bases.mentees > 0 and home.bases.mentors > 0, _url(scope, "participants:index")
        ),
        ChecklistStep(
            "consents",
            home.bases.mentees + home.bases.mentors > 0 and home.bases.people_without_consent == 0,
            _url(scope, "participants:consents"),
        ),
        ChecklistStep("pairs", home.pairs.open_pairs > 0, _url(scope, "pairing:index")),
        ChecklistStep("plans", home.pairs.plans > 0, _url(scope, "monitoring:plans")),
    ]


_ORDERS_TO_SIGN = PreparedCount(
    lambda programme_id: Order.objects.filter(programme=programme_id, signed=False), programme_id=int
)
# pairs, not requests: the linked list has a row per pair (a pair may ask twice)
_REQUESTING_PAIRS = PreparedCount(
    lambda programme_id: open_requests(programme_id).values("group_id").distinct(), programme_id=int
)


def school_home(scope: Scope, today: date | None = None) -> SchoolHome:
    """Everything the curator's and the director's start page counts, in a fixed number of queries."""
    today = today or timezone.localdate()
    programme = scope.programme
    programme.organization = scope.organization  # loaded already: the settings and metrics read it
    windows = open_windows_for_scope(scope, today)
    home = SchoolHome(
        roadmap=roadmap_facts(programme, today),
        bases=base_facts(programme),
        pairs=pair_facts(programme, today),
        questionnaires=questionnaire_facts(programme),
        kpis=kpi_facts(programme, today),
        windows_to_submit=sum(1 for card in windows if card.submission is None),
        windows_url=_url(scope, "reports:windows"),
        orders_to_sign=_ORDERS_TO_SIGN(programme_id=programme.pk),
        psychologist_requests=_REQUESTING_PAIRS(programme_id=programme.pk),
    )
    home.items = [
        AttentionItem("overdue", home.roadmap.overdue, _url(scope, "roadmap:index", "overdue=on"), "danger"),
        AttentionItem("due_this_week", home.roadmap.due_this_week, _url(scope, "roadmap:index", "week=on")),
        AttentionItem(
            "without_consent", home.bases.people_without_consent, _url(scope, "participants:consents")
        ),
        AttentionItem(
            "without_pair", home.bases.mentees_without_pair, _url(scope, "participants:mentees", "paired=no")
        ),
        AttentionItem(
            "stale_pairs",
            home.pairs.stale,
            _url(scope, "monitoring:meetings", "stale=1"),
            extra={"days": home.pairs.stale_days},
        ),
        AttentionItem(
            "psychologist_requests",
            home.psychologist_requests,
            _url(scope, "monitoring:meetings", "requests=1"),
        ),
        AttentionItem(
            "unapproved_plans", home.pairs.unapproved_plans, _url(scope, "monitoring:plans", "approved=no")
        ),
        AttentionItem("orders_to_sign", home.orders_to_sign, _url(scope, "reports:orders", "signed=no")),
        AttentionItem(
            "questionnaires",
            home.questionnaires.running,
            _url(scope, "monitoring:campaigns", "running=1"),
            "info",
            extra={"percent": home.questionnaires.response_percent},
        ),
        AttentionItem("windows", home.windows_to_submit, home.windows_url, "danger"),
        AttentionItem(
            "kpis_off_target",
            home.kpis.off_target,
            _url(scope, "monitoring:dashboard", "status=behind"),
            "danger",
        ),
    ]
    home.checklist = checklist(scope, programme, home)
    return home


# --------------------------------------------------------------------------------------------------
# The mentor, the psychologist


@dataclass(frozen=True)
class MentorTask:
    """An open task of a plan, named by its pair's mentees (the same title recurs in every plan)."""

    task: PlanTask
    pair_label: str


@dataclass
class MentorHome:
    pairs: list[GroupCard]
    tasks: list[MentorTask]
    questionnaires: list[Invitation]


MENTOR_TASKS = 8


def mentor_home(scope: Scope, user: User, today: date | None = None) -> MentorHome:
    """The mentor's open pairs (with their members), the next tasks of their plans, the questionnaires
    they are asked to answer: 4 queries."""
    today = today or timezone.localdate()
    programme = scope.programme
    mine = GroupMember.objects.filter(person__user=user, role=GroupMember.Role.MENTOR).values("group_id")
    pairs = group_cards(
        list(
            MentoringGroup.objects.filter(programme=programme, status__in=OPEN_PAIRS, pk__in=mine)
            .select_related("form")
            .annotate(last_meeting=last_meeting_date())
            .order_by("pk")
        ),
        programme.organization_id,
    )
    tasks = list(
        PlanTask.objects.filter(plan__group__in=[pair.group.pk for pair in pairs], done_on__isnull=True)
        .select_related("plan")
        .order_by(F("deadline").asc(nulls_last=True), "position", "pk")[:MENTOR_TASKS]
    )
    # each task names its pair by the mentees (the same title recurs in every plan): no other query
    labels = {
        pair.group.pk: ", ".join(
            f"{line.short_name} ({line.group_name})" if line.group_name else line.short_name
            for line in pair.lines
            if line.role == GroupMember.Role.MENTEE
        )
        for pair in pairs
    }
    named_tasks = [MentorTask(task, labels.get(task.plan.group_id, "")) for task in tasks]
    questionnaires = list(
        Invitation.objects.filter(
            Q(user=user) | Q(person__user=user),
            campaign__programme=programme,
            answered_at__isnull=True,
            expires_at__gt=timezone.now(),
        )
        .select_related("campaign")
        .order_by("expires_at", "pk")
    )
    return MentorHome(pairs=pairs, tasks=named_tasks, questionnaires=questionnaires)


@dataclass(frozen=True)
class FlaggedMeeting:
    """A meeting whose mentor asked for the psychologist, with its pair's members."""

    meeting: Meeting
    lines: list[MemberLine]


@dataclass
class PsychologistHome:
    flagged: list[FlaggedMeeting]
    flagged_total: int
    stale_pairs: list[GroupCard]
    stale_total: int
    stale_days: int
    comparisons: list[Campaign]
    baselines_waiting: list[Campaign]


PSYCHOLOGIST_ROWS = 10


_OPEN_REQUESTS = PreparedCount(open_requests, programme=int)


def psychologist_home(scope: Scope, today: date | None = None) -> PsychologistHome:
    """The pairs the diary flags (no meeting for the set number of days) and the diagnostics to compare:
    «after» campaigns with their «before», and «before» ones still waiting for an «after»; first the
    meetings whose mentor asked for the psychologist's help and nobody reviewed yet (10 queries)."""
    today = today or timezone.localdate()
    programme = scope.programme
    programme.organization = scope.organization
    stale_days = settings_for(scope.organization).stale_pair_days
    stale = pairs_overview(programme, today=today, stale_days=stale_days, only_stale=True)
    stale_pairs = group_cards(list(stale[:PSYCHOLOGIST_ROWS]))
    # the mentors' open requests for the psychologist (a checkbox of the meeting form), oldest first
    open_flags = open_requests(programme)
    flagged_meetings = list(
        open_flags.select_related("group")
        .defer("what_was_done", "agreements")
        .order_by("date", "pk")[:PSYCHOLOGIST_ROWS]
    )
    flagged_lines = lines_by_group([meeting.group_id for meeting in flagged_meetings])
    flagged = [
        FlaggedMeeting(meeting, flagged_lines.get(meeting.group_id, [])) for meeting in flagged_meetings
    ]
    answered = Count("invitations", filter=Q(invitations__answered_at__isnull=False))
    comparisons = list[Campaign](
        Campaign.objects.filter(programme=programme, stage=Campaign.Stage.AFTER, baseline__isnull=False)
        .select_related("baseline")
        .annotate(answered=answered)
        .order_by("-created_at", "-pk")[:PSYCHOLOGIST_ROWS]
    )
    baselines_waiting = list[Campaign](
        Campaign.objects.filter(programme=programme, stage=Campaign.Stage.BEFORE)
        .exclude(followups__isnull=False)
        .annotate(answered=answered)
        .order_by("-created_at", "-pk")[:PSYCHOLOGIST_ROWS]
    )
    return PsychologistHome(
        flagged=flagged,
        # both counted in the database every time: the page makes the same queries whatever the school
        flagged_total=_OPEN_REQUESTS(programme=programme.pk),
        stale_pairs=stale_pairs,
        stale_total=_STALE_COUNT(programme=programme.pk, since=today - timedelta(days=stale_days)),
        stale_days=stale_days,
        comparisons=comparisons,
        baselines_waiting=baselines_waiting,
    )


# --------------------------------------------------------------------------------------------------
# The coordinator: a row per school, figures only


@dataclass
class SchoolRow:
    programme: Programme
    coverage: int | None
    pairs: int
    roadmap_on_time: int | None
    kpis_met: int
    kpis_with_target: int


SCHOOL_ROWS = 300  # beyond that (a region) the console's drill-down is the place


def _school_programmes(root_id: int, academic_year_id: int) -> QuerySet[Programme]:
    return (
        unit_programmes_below(root_id, academic_year_id)
        .select_related("organization", "academic_year")
        .order_by("organization__short_name", "pk")
    )


def _open_pairs_below(root_id: int, academic_year_id: int) -> QuerySet[MentoringGroup, tuple]:
    return (
        MentoringGroup.objects.filter(
            programme__in=unit_programmes_below(root_id, academic_year_id).values("pk"),
            status__in=OPEN_PAIRS,
        )
        .values_list("programme_id")
        .annotate(n=Count("pk"))
        .order_by()
    )


# an authority's start page reads them on every request: compiled once per process (the first rows and
# one more, to tell whether there are more)
_FIRST_SCHOOL_PROGRAMMES = PreparedModels(
    lambda root_id, academic_year_id: _school_programmes(root_id, academic_year_id)[: SCHOOL_ROWS + 1],
    root_id=int,
    academic_year_id=int,
)
_OPEN_PAIRS_BELOW = PreparedModels(_open_pairs_below, root_id=int, academic_year_id=int)


def schools_progress(scope: Scope, today: date | None = None) -> tuple[list[SchoolRow], int]:
    """Per school below the authority: coverage, open pairs, roadmap done on time, KPIs met — counts and
    shares only, never a name of a pupil. A fixed number of queries: the programmes, the stored figures
    (the others counted live in the fixed queries of ``programme_metrics``), indicators, targets, pairs.
    Returns the rows (at most ``SCHOOL_ROWS``) and the number of schools."""
    today = today or timezone.localdate()
    root_id, year_id = scope.organization.pk, scope.programme.academic_year_id
    programmes = _FIRST_SCHOOL_PROGRAMMES(root_id=root_id, academic_year_id=year_id)
    total = (
        len(programmes) if len(programmes) <= SCHOOL_ROWS else _school_programmes(root_id, year_id).count()
    )
    programmes = programmes[:SCHOOL_ROWS]
    if not programmes:
        return [], 0
    metrics, missing, _counted_at = stored_metrics(programmes)
    if missing:
        metrics.update(cached_metrics(missing, today))
    values = kpi_values(programmes, today, metrics=metrics)
    # the open pairs of every unit below (those beyond the first rows are not looked at)
    pairs = dict(_OPEN_PAIRS_BELOW(root_id=root_id, academic_year_id=year_id))
    rows = []
    for programme in programmes:
        figures = metrics.get(programme.pk, {})
        counted = figures.get("roadmap_events") or 0
        lights = [value.light for value in values.get(programme.pk, [])]
        rows.append(
            SchoolRow(
                programme=programme,
                coverage=_coverage(figures),
                pairs=pairs.get(programme.pk, 0),
                roadmap_on_time=(
                    round(100 * (figures.get("roadmap_events_done_on_time") or 0) / counted)
                    if counted
                    else None
                ),
                kpis_met=lights.count(calc.GREEN),
                kpis_with_target=sum(1 for light in lights if light != calc.GREY),
            )
        )
    return rows, total
