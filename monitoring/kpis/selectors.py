"""KPI reads shared by the dashboards, the exports and the reports.

The public API (keep it stable — the РНЦ statistics, the municipal consolidation and the analytical
report are built on it):

- ``METRICS`` — the registry of everything an indicator can count (key → label, help, whether an age
  band applies); ``metric_choices()`` for forms.
- ``programme_metrics(programmes, today=None) -> {programme_id: {metric_key: number}}`` — every metric of
  MANY programmes with a fixed number of grouped queries (8, whatever the number of programmes or
  people). Banded variants are under ``"<key>@band"`` for the metrics with ``banded=True``.
- ``kpi_values(programmes, today=None) -> {programme_id: [KpiValue, ...]}`` — every active indicator
  of each programme's organisation (shared ones and its own) with its numerator, denominator, value,
  the target (``targets.py``: its own, else inherited from above, else the federal aim for coverage) and
  traffic light (+3 queries). Its metrics come from ``metrics_cache.cached_metrics``: those of
  ``programme_metrics``, kept in the cache until a write to a table they are counted from.
- ``municipal_table(programmes, today=None) -> MunicipalTable`` — one row per organisation over the
  shared indicators, and the totals (numerators and denominators added, then divided).
- ``kpi_series(programme)`` — the stored snapshots for the chart over time (1 query).

Definitions of the metrics (all within one programme, i.e. one organisation's academic year):

- contingent (``pupils``, ``pupils_ovz``, ``teachers``, ``young_teachers``) — from the Programme;
- every count of mentees and mentors follows the ONE participation rule of
  ``participants/participation.py`` (``MenteeProfile.objects.taking_part``): no candidates, and a leaver
  only when the time they took part overlaps the programme's reporting period (its academic year up to
  the reference day: today within the year, its last day for a past year); anonymised records count;
- ``mentees`` — mentees taking part; ``pupil_mentees`` — those of them who are pupils or college
  students; ``mentees_ovz`` — with ОВЗ or a disability; ``mentees_in_pairs`` — mentees in an active or
  completed pair/group of the programme; ``young_teacher_mentees`` — mentees who are teachers under 35 on the reference day
  (like the statistics' «молодые педагоги»; an older teacher or other staff mentored is no young teacher);
- ``pupils_involved`` — pupils and college students taking part as a mentee OR as a mentor (a student
  who mentors is involved too), each person once. The ``@band`` variants count only those whose age is
  within ``MonitoringSettings.kpi_age_min…kpi_age_max`` on the reference day; people without a birth
  date are outside any band;
- ``mentors``, ``teacher_mentors`` (mentors of kind «teacher») — mentors taking part;
- ``participants`` — distinct people taking part as a mentee or a mentor; ``participants_with_data`` —
  those of them not anonymised (whose personal data the school keeps); ``participants_with_consent`` —
  those of these with a valid personal-data consent;
- ``respondents``/``satisfied`` (and ``_mentees``/``_mentors``) — answers to the item keyed
  ``overall`` of satisfaction questionnaires in the programme's campaigns; satisfied when the answer is
  ≥ ``MonitoringSettings.satisfied_from``;
- ``plans``/``plans_completed`` — individual plans of the programme's pairs; completed when it has tasks
  and at least 90 % of them are done;
- ``partners`` — partner organisations of the organisation; ``partners_with_mentors`` — those with at
  least one mentor profile in the programme;
- information campaign: ``publications``, ``parent_meetings``, ``parent_attendance`` (people at parent
  meetings), ``class_hours``, ``class_hour_attendance``, ``graduates_meetings``, ``common_events``;
- roadmap: ``roadmap_events`` (not cancelled), ``roadmap_events_done``, ``roadmap_events_done_on_time``
  (done on or before the deadline, or done without a deadline).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.conf import settings as django_settings
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from mentoring.kept_pages import keep_until
from mentoring.models import Organization, Programme
from mentoring.prepared import PreparedIdLists, PreparedModels
from mentoring.typing_helpers import StrOrPromise
from pairing.models import GroupMember, MentoringGroup
from participants.ages import YOUNG_TEACHER_AGE
from participants.models import Consent, MenteeProfile, MentorProfile, PartnerOrganization, Person
from participants.participation import Period, programme_periods, taking_part_in
from roadmap.models import RoadmapEvent

from ..models import (
    Answer,
    Audience,
    Indicator,
    IndividualPlan,
    InformationActivity,
    KpiSnapshot,
    MetricSummary,
    QuestionnaireTemplate,
)
from ..selectors import counted_band, settings_for_many
from . import calc
from .metrics_cache import cached_metrics
from .targets import FEDERAL, Target, targets_for_programmes

BAND = "@band"
SATISFACTION_ITEM = "overall"
PLAN_DONE_SHARE = 0.9  # «implemented ≥ 90 %»


@dataclass(frozen=True)
class Metric:
    key: str
    label: StrOrPromise
    help: StrOrPromise = ""
    banded: bool = False


METRICS: dict[str, Metric] = {
    metric.key: metric
    for metric in (
        Metric("pupils", _("Pupils (contingent)"), _("Pupils or students of the organisation this year.")),
        Metric("pupils_ovz", _("Pupils with ОВЗ or disability (contingent)")),
        Metric("teachers", _("Teachers (contingent)")),
        Metric("young_teachers", _("Teachers under 35 (contingent)")),
        Metric(
            "mentees",
            _("Mentees"),
            _("Mentees taking part this year: no candidates, leavers only for the time they took part."),
            banded=True,
        ),
        Metric(
            "pupil_mentees",
            _("Pupils among mentees"),
            _("Mentees who are pupils or college students."),
            banded=True,
        ),
        Metric("mentees_in_pairs", _("Mentees in pairs"), _("In an active or completed pair."), banded=True),
        Metric(
            "pupils_involved",
            _("Pupils involved in mentoring"),
            _("Pupils and college students taking part as a mentee or as a mentor, each once."),
            banded=True,
        ),
        Metric("mentees_ovz", _("Mentees with ОВЗ or disability"), banded=True),
        Metric(
            "young_teacher_mentees",
            _("Young teachers among mentees"),
            _("Teachers under 35 taking part as mentees."),
        ),
        Metric("mentors", _("Mentors")),
        Metric("teacher_mentors", _("Teachers acting as mentors")),
        Metric("participants", _("Participants"), _("Mentees and mentors, each person once.")),
        Metric(
            "participants_with_data",
            _("Participants whose personal data is kept"),
            _("Participants who are not anonymised (their consent has not been withdrawn)."),
        ),
        Metric("participants_with_consent", _("Participants with a personal-data consent")),
        Metric("respondents", _("Respondents of satisfaction questionnaires")),
        Metric("satisfied", _("Satisfied respondents")),
        Metric("respondents_mentees", _("Mentees who answered a satisfaction questionnaire")),
        Metric("satisfied_mentees", _("Satisfied mentees")),
        Metric("respondents_mentors", _("Mentors who answered a satisfaction questionnaire")),
        Metric("satisfied_mentors", _("Satisfied mentors")),
        Metric("plans", _("Individual plans")),
        Metric("plans_completed", _("Individual plans implemented at least 90 %")),
        Metric("partners", _("Partner organisations")),
        Metric("partners_with_mentors", _("Partner organisations that provide mentors")),
        Metric("publications", _("Publications")),
        Metric("parent_meetings", _("Parent meetings")),
        Metric("parent_attendance", _("Parents at parent meetings")),
        Metric("class_hours", _("Class hours")),
        Metric("class_hour_attendance", _("Pupils at class hours")),
        Metric("graduates_meetings", _("Meetings with graduates")),
        Metric("common_events", _("Common events of the programme")),
        Metric("roadmap_events", _("Roadmap events"), _("Not counting cancelled ones.")),
        Metric("roadmap_events_done", _("Roadmap events done")),
        Metric("roadmap_events_done_on_time", _("Roadmap events done on time")),
    )
}

LIGHT_LABELS = {
    calc.GREEN: pgettext_lazy("traffic light", "target met"),
    calc.YELLOW: pgettext_lazy("traffic light", "close to the target"),
    calc.RED: pgettext_lazy("traffic light", "behind the target"),
    calc.GREY: pgettext_lazy("traffic light", "no target or no data"),
}


def metric_choices() -> list[tuple[str, StrOrPromise]]:
    return [(metric.key, metric.label) for metric in METRICS.values()]


def formula(indicator: Indicator) -> str:
    """«Mentees with ОВЗ or disability / Pupils with ОВЗ or disability (contingent)» for lists."""

    def label(key: str) -> str:
        metric = METRICS.get(key)
        return str(metric.label) if metric else key

    text = label(indicator.numerator)
    if indicator.denominator:
        text = f"{text} / {label(indicator.denominator)}"
    return text


@dataclass(frozen=True)
class IndicatorRow:
    """An indicator in the lists, with its formula in words."""

    indicator: Indicator
    formula: str


def metric_key(indicator: Indicator, key: str) -> str:
    """The metric an indicator reads: the banded variant when it asks for the age band."""
    metric = METRICS.get(key)
    if metric is not None and metric.banded and indicator.use_age_band:
        return key + BAND
    return key


# --------------------------------------------------------------------------------------------------
# Metrics


def _by_programme(rows, **renames) -> dict[int, dict[str, float]]:
    found: dict[int, dict[str, float]] = {}
    for row in rows:
        pid = row.pop("pid")
        found[pid] = {renames.get(key, key): value or 0 for key, value in row.items()}
    return found


def _band_filter(programmes: Sequence[Programme], periods: dict[int, Period], prefix: str) -> tuple[Q, dict]:
    """Q matching people (via ``prefix``) whose age on the programme's reference day (the last day of
    its reporting period) is in its band."""
    settings = settings_for_many(sorted({p.organization_id for p in programmes}))
    groups: dict[tuple[date, date], list[int]] = defaultdict(list)
    for programme in programmes:
        chosen = settings[programme.organization_id]
        day = periods[programme.pk].end
        groups[calc.birth_date_band(day, *counted_band(chosen))].append(programme.pk)
    condition = Q(pk__in=[])
    for (born_after, born_until), ids in groups.items():
        condition |= Q(
            programme_id__in=ids,
            **{f"{prefix}birth_date__gt": born_after, f"{prefix}birth_date__lte": born_until},
        )
    return condition, settings


def _young_filter(programmes: Sequence[Programme], periods: dict[int, Period], prefix: str) -> Q:
    """Q matching people (via ``prefix``) under 35 («молодой педагог») on the programme's reference day,
    the day the statistics count the same age on (``participants.ages.is_under_35``)."""
    groups: dict[date, list[int]] = defaultdict(list)
    for programme in programmes:
        groups[calc.years_before(periods[programme.pk].end, YOUNG_TEACHER_AGE)].append(programme.pk)
    condition = Q(pk__in=[])
    for born_after, ids in groups.items():
        condition |= Q(programme_id__in=ids, **{f"{prefix}birth_date__gt": born_after})
    return condition


def programme_metrics(
    programmes: Iterable[Programme],
    today: date | None = None,
    *,
    periods: dict[int, Period] | None = None,
) -> dict[int, dict[str, float]]:
    """Every metric of every programme: ``{programme_id: {metric_key: number}}``.

    A fixed number of grouped queries whatever the number of programmes and people. The programmes
    must come with ``academic_year`` (``select_related``) — their contingent is read from them.
    ``periods`` (programme id → Period) counts participants in a statistics period of its own instead
    of the academic year up to ``today``.
    """
    programmes = list(programmes)
    if not programmes:
        return {}
    today = today or timezone.localdate()
    ids = [p.pk for p in programmes]
    periods = periods or programme_periods(programmes, today)
    taking_part = taking_part_in(periods)
    band, settings = _band_filter(programmes, periods, "person__")
    young_teacher = Q(person__kind=Person.Kind.TEACHER) & _young_filter(programmes, periods, "person__")
    result: dict[int, dict[str, float]] = {
        p.pk: dict.fromkeys(METRICS, 0.0) | {key + BAND: 0.0 for key, m in METRICS.items() if m.banded}
        for p in programmes
    }
    for p in programmes:
        result[p.pk].update(
            pupils=p.pupils_total,
            pupils_ovz=p.pupils_with_disabilities,
            teachers=p.teachers_total,
            young_teachers=p.young_teachers_total,
        )

    # 1. mentees (with their band, pair, consent and «also a mentor» flags)
    consent = Exists(
        Consent.objects.filter(
            person=OuterRef("person"), scope=Consent.Scope.PERSONAL_DATA, withdrawn_on__isnull=True
        )
    )
    in_pair = Exists(
        GroupMember.objects.filter(
            person=OuterRef("person"),
            role=GroupMember.Role.MENTEE,
            group__programme=OuterRef("programme"),
            # the same programmes, spelled out: PostgreSQL then hashes their members only, not every
            # member of the deployment
            group__programme_id__in=ids,
            group__status__in=(MentoringGroup.Status.ACTIVE, MentoringGroup.Status.COMPLETED),
        )
    )
    also_mentor = Exists(
        MentorProfile.objects.filter(taking_part, person=OuterRef("person"), programme=OuterRef("programme"))
    )
    ovz = Q(has_ovz=True) | Q(has_disability=True)
    kept = Q(person__anonymised_at__isnull=True)
    pupil = Q(person__kind__in=Person.LEARNER_KINDS)
    mentee_query = (
        MenteeProfile.objects.filter(taking_part)
        .alias(c=consent, p=in_pair, m=also_mentor)
        .values(pid=F("programme_id"))
        .annotate(
            mentees=Count("id"),
            pupil_mentees=Count("id", filter=pupil),
            pupil_both=Count("id", filter=pupil & Q(m=True)),
            band_pupil_both=Count("id", filter=band & pupil & Q(m=True)),
            mentees_in_pairs=Count("id", filter=Q(p=True)),
            mentees_ovz=Count("id", filter=ovz),
            young_teacher_mentees=Count("id", filter=young_teacher),
            mentees_with_consent=Count("id", filter=kept & Q(c=True)),
            both=Count("id", filter=Q(m=True)),
            both_with_consent=Count("id", filter=kept & Q(m=True, c=True)),
            mentees_with_data=Count("id", filter=kept),
            both_with_data=Count("id", filter=kept & Q(m=True)),
            band_mentees=Count("id", filter=band),
            band_pupil_mentees=Count("id", filter=band & pupil),
            band_in_pairs=Count("id", filter=band & Q(p=True)),
            band_ovz=Count("id", filter=band & ovz),
        )
        .order_by()
    )
    mentee_rows = _by_programme(mentee_query)

    # 2. mentors
    mentor_query = (
        MentorProfile.objects.filter(taking_part)
        .alias(c=consent)
        .values(pid=F("programme_id"))
        .annotate(
            mentors=Count("id"),
            pupil_mentors=Count("id", filter=pupil),
            band_pupil_mentors=Count("id", filter=band & pupil),
            teacher_mentors=Count("id", filter=Q(person__kind=Person.Kind.TEACHER)),
            mentors_with_consent=Count("id", filter=kept & Q(c=True)),
            mentors_with_data=Count("id", filter=kept),
            partners_with_mentors=Count("partner", distinct=True),
        )
        .order_by()
    )
    mentor_rows = _by_programme(mentor_query)

    # 3. partners of the organisations
    partners = dict(
        PartnerOrganization.objects.filter(organization_id__in={p.organization_id for p in programmes})
        .values_list("organization_id")
        .annotate(n=Count("id"))
        .order_by()
    )

    # 4. satisfaction: answers to «overall» grouped by score, the threshold applied per organisation
    answers = (
        Answer.objects.filter(
            item__key=SATISFACTION_ITEM,
            item__template__purpose=QuestionnaireTemplate.Purpose.SATISFACTION,
            response__invitation__campaign__programme_id__in=ids,
            number__isnull=False,
        )
        .values_list(
            "response__invitation__campaign__programme_id", "response__invitation__respondent", "number"
        )
        .annotate(n=Count("id"))
        .order_by()
    )

    # 5. individual plans
    completed = (
        IndividualPlan.objects.filter(group__programme_id__in=ids)
        .annotate(total=Count("tasks"), done=Count("tasks", filter=Q(tasks__done_on__isnull=False)))
        .filter(total__gt=0, done__gte=F("total") * PLAN_DONE_SHARE)
        .values("pk")
    )
    plan_rows = _by_programme(
        IndividualPlan.objects.filter(group__programme_id__in=ids)
        .values(pid=F("group__programme_id"))
        .annotate(plans=Count("id"), plans_completed=Count("id", filter=Q(pk__in=completed)))
        .order_by()
    )

    # 6. information campaign
    activities = (
        InformationActivity.objects.filter(programme_id__in=ids)
        .values_list("programme_id", "kind")
        .annotate(n=Count("id"), people=Sum("attendance"))
        .order_by()
    )

    # 7. roadmap
    on_time = Q(status=RoadmapEvent.Status.DONE) & (
        Q(deadline__isnull=True) | Q(completed_on__lte=F("deadline"))
    )
    roadmap_rows = _by_programme(
        RoadmapEvent.objects.filter(programme_id__in=ids)
        .exclude(status=RoadmapEvent.Status.CANCELLED)
        .values(pid=F("programme_id"))
        .annotate(
            roadmap_events=Count("id"),
            roadmap_events_done=Count("id", filter=Q(status=RoadmapEvent.Status.DONE)),
            roadmap_events_done_on_time=Count("id", filter=on_time),
        )
        .order_by()
    )

    for p in programmes:
        metrics = result[p.pk]
        mentee = mentee_rows.get(p.pk, {})
        mentor = mentor_rows.get(p.pk, {})
        for key in ("mentees", "pupil_mentees", "mentees_in_pairs", "mentees_ovz", "young_teacher_mentees"):
            metrics[key] = mentee.get(key, 0)
        metrics["mentees" + BAND] = mentee.get("band_mentees", 0)
        metrics["pupil_mentees" + BAND] = mentee.get("band_pupil_mentees", 0)
        metrics["mentees_in_pairs" + BAND] = mentee.get("band_in_pairs", 0)
        metrics["mentees_ovz" + BAND] = mentee.get("band_ovz", 0)
        metrics["pupils_involved"] = (
            mentee.get("pupil_mentees", 0) + mentor.get("pupil_mentors", 0) - mentee.get("pupil_both", 0)
        )
        metrics["pupils_involved" + BAND] = (
            mentee.get("band_pupil_mentees", 0)
            + mentor.get("band_pupil_mentors", 0)
            - mentee.get("band_pupil_both", 0)
        )
        for key in ("mentors", "teacher_mentors", "partners_with_mentors"):
            metrics[key] = mentor.get(key, 0)
        metrics["participants"] = mentee.get("mentees", 0) + mentor.get("mentors", 0) - mentee.get("both", 0)
        metrics["participants_with_data"] = (
            mentee.get("mentees_with_data", 0)
            + mentor.get("mentors_with_data", 0)
            - mentee.get("both_with_data", 0)
        )
        metrics["participants_with_consent"] = (
            mentee.get("mentees_with_consent", 0)
            + mentor.get("mentors_with_consent", 0)
            - mentee.get("both_with_consent", 0)
        )
        metrics["partners"] = partners.get(p.organization_id, 0)
        metrics.update(plan_rows.get(p.pk, {}))
        metrics.update(roadmap_rows.get(p.pk, {}))

    organization_of = {p.pk: p.organization_id for p in programmes}
    for pid, respondent, score, n in answers:
        metrics = result[pid]
        threshold = settings[organization_of[pid]].satisfied_from
        satisfied = n if score >= threshold else 0
        metrics["respondents"] += n
        metrics["satisfied"] += satisfied
        if respondent in (Audience.MENTEE, Audience.MENTOR):
            suffix = "mentees" if respondent == Audience.MENTEE else "mentors"
            metrics[f"respondents_{suffix}"] += n
            metrics[f"satisfied_{suffix}"] += satisfied

    kinds = InformationActivity.Kind
    for pid, kind, n, people in activities:
        metrics = result[pid]
        if kind == kinds.PUBLICATION:
            metrics["publications"] += n
        elif kind == kinds.PARENT_MEETING:
            metrics["parent_meetings"] += n
            metrics["parent_attendance"] += people or 0
        elif kind == kinds.CLASS_HOUR:
            metrics["class_hours"] += n
            metrics["class_hour_attendance"] += people or 0
        elif kind == kinds.GRADUATES_MEETING:
            metrics["graduates_meetings"] += n
        elif kind == kinds.COMMON_EVENT:
            metrics["common_events"] += n
    return result


# --------------------------------------------------------------------------------------------------
# KPI values


@dataclass
class KpiValue:
    indicator: Indicator
    numerator: float
    denominator: float | None
    value: float | None
    target: float | None
    light: str
    target_source: str = ""  # ``IndicatorTarget.Source``, or ``targets.FEDERAL`` for the federal aim
    target_from: Organization | None = None  # the organisation above whose target is used; None: own

    @property
    def target_inherited(self) -> bool:
        return self.target_from is not None

    @property
    def target_federal(self) -> bool:
        return self.target_source == FEDERAL

    @property
    def target_own(self) -> bool:
        return self.target is not None and self.target_from is None and not self.target_federal

    @property
    def light_label(self) -> str:
        return str(LIGHT_LABELS[self.light])

    @property
    def is_percent(self) -> bool:
        return self.indicator.unit == Indicator.Unit.PERCENT


def _active_of(organization_id: int) -> QuerySet[Indicator]:
    return Indicator.objects.filter(
        Q(organization__isnull=True) | Q(organization_id=organization_id), is_active=True
    ).order_by("position", "name", "pk")


# one school's active indicators (its KPI dashboard, its start page): compiled once per process
_ACTIVE_OF_ONE = PreparedModels(_active_of, organization_id=int)


def _active_of_many(organization_ids: list[int]) -> QuerySet[Indicator]:
    return Indicator.objects.filter(
        Q(organization__isnull=True) | Q(organization_id__in=organization_ids), is_active=True
    ).order_by("position", "name", "pk")


# the shared ones and those of a few organisations (an authority's start page and console): the same
_ACTIVE_OF_MANY = PreparedIdLists(_active_of_many)


def indicators_for_organizations(
    organization_ids: Iterable[int], *, active_only: bool = True
) -> list[Indicator]:
    """Shared indicators and the organisations' own ones (1 query)."""
    organization_ids = list(organization_ids)
    if active_only and len(organization_ids) == 1:
        return _ACTIVE_OF_ONE(organization_id=organization_ids[0])
    if active_only:
        return _ACTIVE_OF_MANY(organization_ids)
    queryset = Indicator.objects.filter(
        Q(organization__isnull=True) | Q(organization_id__in=organization_ids)
    )
    if active_only:
        queryset = queryset.filter(is_active=True)
    return list(queryset.order_by("position", "name", "pk"))


def kpi_value(
    indicator: Indicator,
    metrics: dict[str, float],
    target: Decimal | float | Target | None,
    source: str = "",
) -> KpiValue:
    """The indicator's figure from the metrics, against a target (a ``targets.Target`` carries its
    source and the organisation it is inherited from)."""
    target_from = None
    aim: Decimal | float | None
    if isinstance(target, Target):
        aim, source, target_from = target.value, target.source, target.holder
    else:
        aim = target
    numerator = float(metrics.get(metric_key(indicator, indicator.numerator), 0))
    denominator = None
    if indicator.denominator:
        denominator = float(metrics.get(metric_key(indicator, indicator.denominator), 0))
    value = calc.indicator_value(numerator, denominator, indicator.unit)
    target_value = float(aim) if aim is not None else None
    return KpiValue(
        indicator=indicator,
        numerator=numerator,
        denominator=denominator,
        value=value,
        target=target_value,
        light=calc.traffic_light(value, target_value, direction=indicator.direction),
        target_source=source,
        target_from=target_from,
    )


def kpi_values(
    programmes: Iterable[Programme],
    today: date | None = None,
    *,
    metrics: dict[int, dict[str, float]] | None = None,
) -> dict[int, list[KpiValue]]:
    """Each programme's active indicators (shared and its organisation's own) with values and lights,
    against the organisation's targets (``targets.targets_for_programmes``: its own, else inherited from
    above, else the federal aim for the coverage of pupils).

    ``metrics`` — the programmes' ``programme_metrics`` when the caller has them already; else they come
    from ``metrics_cache.cached_metrics`` (the same figures, counted again only after a write)."""
    programmes = list(programmes)
    if not programmes:
        return {}
    if metrics is None:
        metrics = cached_metrics(programmes, today)
    indicators = indicators_for_organizations({p.organization_id for p in programmes})
    targets = targets_for_programmes(programmes, indicators)
    result: dict[int, list[KpiValue]] = {}
    for programme in programmes:
        values = []
        for indicator in indicators:
            if indicator.organization_id not in (None, programme.organization_id):
                continue
            values.append(
                kpi_value(indicator, metrics[programme.pk], targets[programme.pk].get(indicator.pk))
            )
        result[programme.pk] = values
    return result


# --------------------------------------------------------------------------------------------------
# Municipal table


@dataclass
class MunicipalRow:
    programme: Programme
    values: list[KpiValue]


@dataclass
class MunicipalTable:
    indicators: list[Indicator]
    rows: list[MunicipalRow] = field(default_factory=list)
    totals: list[KpiValue] = field(default_factory=list)
    counted_at: datetime | None = None  # the oldest stored figure used (``stored=True``)
    counted_live: int = 0  # programmes counted just now


def _stored_metrics(programme_ids: list[int], fresh_after: datetime) -> QuerySet[MetricSummary, tuple]:
    return MetricSummary.objects.filter(
        programme_id__in=programme_ids, refreshed_at__gte=fresh_after
    ).values_list("programme_id", "key", "value", "refreshed_at")


# an authority's schools (its start page, its KPI table): compiled once per process and size of list
_STORED_METRICS = PreparedIdLists(_stored_metrics, fresh_after=datetime)


def stored_metrics(
    programmes: Iterable[Programme],
) -> tuple[dict[int, dict[str, float]], list[Programme], datetime | None]:
    """The metrics of the programmes as the periodic job stored them (``MetricSummary``, 1 query) when
    they are fresher than ``REGION_FIGURES_MAX_AGE_MINUTES``; the programmes without fresh ones, to be
    counted live; and when the oldest stored figure used was counted."""
    programmes = list(programmes)
    fresh_after = timezone.now() - timedelta(minutes=django_settings.REGION_FIGURES_MAX_AGE_MINUTES)
    metrics: dict[int, dict[str, float]] = defaultdict(dict)
    oldest: datetime | None = None
    rows = _STORED_METRICS([p.pk for p in programmes], fresh_after=fresh_after) if programmes else []
    for programme_id, key, value, refreshed_at in rows:
        metrics[programme_id][key] = value
        if oldest is None or refreshed_at < oldest:
            oldest = refreshed_at
    # a programme counts as stored only with every metric the live count gives (a new metric: live)
    missing = [p for p in programmes if not set(METRICS) <= metrics.get(p.pk, {}).keys()]
    for programme in missing:
        metrics.pop(programme.pk, None)
    if oldest is not None:  # a kept page (the authority's KPI table) counts live from then on
        keep_until(oldest + timedelta(minutes=django_settings.REGION_FIGURES_MAX_AGE_MINUTES))
    return dict(metrics), missing, oldest


def municipal_table(
    programmes: Iterable[Programme],
    today: date | None = None,
    *,
    stored: bool = False,
    body: Programme | None = None,
) -> MunicipalTable:
    """One row per programme over the SHARED indicators (own ones differ between schools), and totals:
    numerators and denominators added up, then divided (``calc.combine``). Each row is measured against
    its organisation's targets, the totals against those of ``body`` (the programme of the authority or
    region the table is for) — ``targets.targets_for_programmes``, the rule every figure follows; without
    ``body`` the totals have no target.

    ``stored=True`` reads the programmes' fresh stored metrics (``stored_metrics``) and counts only the
    others live, as the regional console does: the page of an authority of 20 schools × 1,000 pupils
    then costs milliseconds instead of seconds; ``counted_at`` and ``counted_live`` say so."""
    programmes = list(programmes)
    metrics = None
    table_counted_at: datetime | None = None
    counted_live = len(programmes)
    if stored and programmes:
        metrics, missing, table_counted_at = stored_metrics(programmes)
        counted_live = len(missing)
        if missing:
            metrics.update(cached_metrics(missing, today))
    if metrics is None:
        metrics = programme_metrics(programmes, today)
    shared = [i for i in indicators_for_organizations([]) if i.organization_id is None]
    targets = targets_for_programmes([*programmes, *([body] if body is not None else [])], shared)
    table = MunicipalTable(indicators=shared, counted_at=table_counted_at, counted_live=counted_live)
    for programme in programmes:
        own = targets[programme.pk]
        table.rows.append(
            MunicipalRow(programme, [kpi_value(i, metrics[programme.pk], own.get(i.pk)) for i in shared])
        )
    table.totals.extend(municipal_totals(shared, table.rows, targets[body.pk] if body is not None else {}))
    return table


def municipal_totals(
    indicators: Sequence[Indicator], rows: Sequence[MunicipalRow], targets: dict[int, Target] | None = None
) -> list[KpiValue]:
    """The totals of some rows of a municipal table (all of them, or a municipality's for a region's
    subtotal): numerators and denominators added up, then divided; measured against ``targets`` (those of
    the authority or region whose total it is: ``targets.targets_for_organizations``); no query."""
    targets = targets or {}
    totals = []
    for column, indicator in enumerate(indicators):
        cells = [row.values[column] for row in rows]
        numerator, denominator, _combined = calc.combine(
            ((cell.numerator, cell.denominator) for cell in cells), indicator.unit
        )
        value = calc.indicator_value(numerator, denominator, indicator.unit)
        target = targets.get(indicator.pk)
        totals.append(
            KpiValue(
                indicator=indicator,
                numerator=numerator,
                denominator=denominator,
                value=value,
                target=target.value if target else None,
                light=calc.traffic_light(
                    value, target.value if target else None, direction=indicator.direction
                ),
                target_source=target.source if target else "",
                target_from=target.holder if target else None,
            )
        )
    return totals


def child_programmes_of(authority_id: int, academic_year_id: int) -> list[Programme]:
    """The programmes of the schools, colleges and centres below an authority or a region, at any depth,
    in one academic year (1 query)."""
    from mentoring.hierarchy import unit_programmes_below

    return list(
        unit_programmes_below(authority_id, academic_year_id)
        .select_related("organization", "academic_year")
        .order_by("organization__short_name", "pk")
    )


# --------------------------------------------------------------------------------------------------
# Snapshots for the chart


@dataclass
class SeriesPoint:
    taken_on: date
    value: float | None
    target: float | None
    numerator: float
    denominator: float | None


def _snapshots(programme_id: int) -> QuerySet[KpiSnapshot]:
    return KpiSnapshot.objects.filter(programme=programme_id).order_by("taken_on", "pk")


_SNAPSHOTS = PreparedModels(_snapshots, programme_id=int)  # the KPI dashboard's charts: compiled once


def kpi_series(programme: Programme) -> dict[int, list[SeriesPoint]]:
    """Stored snapshots of the programme by indicator, oldest first (1 query)."""
    series: dict[int, list[SeriesPoint]] = defaultdict(list)
    for snapshot in _SNAPSHOTS(programme_id=programme.pk):
        series[snapshot.indicator_id].append(
            SeriesPoint(
                taken_on=snapshot.taken_on,
                value=snapshot.value,
                target=float(snapshot.target) if snapshot.target is not None else None,
                numerator=snapshot.numerator,
                denominator=snapshot.denominator,
            )
        )
    return dict(series)


# --------------------------------------------------------------------------------------------------
# Information campaign


def activity_totals(programme: Programme) -> dict[str, int]:
    """Counts of the information campaign log of one programme (1 query)."""
    kinds = InformationActivity.Kind
    totals = InformationActivity.objects.filter(programme=programme).aggregate(
        publications=Count("id", filter=Q(kind=kinds.PUBLICATION)),
        parent_meetings=Count("id", filter=Q(kind=kinds.PARENT_MEETING)),
        parent_attendance=Sum("attendance", filter=Q(kind=kinds.PARENT_MEETING)),
        class_hours=Count("id", filter=Q(kind=kinds.CLASS_HOUR)),
        class_hour_attendance=Sum("attendance", filter=Q(kind=kinds.CLASS_HOUR)),
        graduates_meetings=Count("id", filter=Q(kind=kinds.GRADUATES_MEETING)),
        common_events=Count("id", filter=Q(kind=kinds.COMMON_EVENT)),
        total=Count("id"),
    )
    return {key: value or 0 for key, value in totals.items()}
