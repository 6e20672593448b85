"""The analytical report of a programme year (PDF, and DOCX to edit): numbers, KPIs against targets
with charts, satisfaction, before/after growth, SWOT, the roadmap's status and the curator's conclusions.

``analytical_data`` gathers everything with a fixed number of queries; the two writers lay it out.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Exists, Field, OuterRef
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mentoring.access import OVERSIGHT_ROLES
from mentoring.models import Programme, Role
from mentoring.typing_helpers import StrOrPromise
from monitoring.kpis.selectors import KpiValue, kpi_values, programme_metrics
from monitoring.models import Campaign, Meeting, QuestionnaireTemplate, SwotItem
from monitoring.plans.selectors import programme_plan_completion
from monitoring.questionnaires import selectors as questionnaire_selectors
from pairing.models import GroupMember, MentoringGroup
from participants.models import MenteeProfile
from participants.participation import programme_periods
from roadmap.selectors import roadmap_progress

from .. import charts, declension, layout
from ..models import AnalyticalConclusions
from ..registry import DOCX, PDF, GeneratedFile, Report, ReportContext, ReportError, registry
from ..tables import Signed
from ..writers import WordDocument, decimal_text, render_pdf


@dataclass
class SatisfactionRow:
    campaign: str
    audience: str
    respondents: int
    overall_mean: float | None
    satisfied_share: float | None
    continue_share: float | None


@dataclass
class GrowthBlock:
    campaign: str
    baseline: str
    participants: int
    rows: list[tuple[str, float | None, float | None, float | None]]  # item, before, after, change


# a labelled figure of the report («Mentees», 12): a count, or a percentage with one decimal
Figure = tuple[str, float]


@dataclass
class AnalyticalData:
    programme: Programme
    numbers: list[Figure]
    kpis: list[KpiValue]
    satisfaction: list[SatisfactionRow]
    growth: list[GrowthBlock]
    swot: dict[str, list[str]]
    roadmap: list[Figure]
    conclusions: AnalyticalConclusions | None
    generated_on: date = field(default_factory=timezone.localdate)
    # for a municipal authority: its schools' main figures, one row per school
    schools: list[list] = field(default_factory=list)


def _round(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(value, digits)


def _satisfaction(programme: Programme, satisfied_from: int) -> list[SatisfactionRow]:
    rows = []
    campaigns = Campaign.objects.filter(
        programme=programme, template__purpose=QuestionnaireTemplate.Purpose.SATISFACTION
    ).select_related("template")
    for campaign in campaigns:
        results = questionnaire_selectors.results(campaign)
        by_key = {result.item.key: result for result in results.items}
        overall = by_key.get("overall")
        scale = overall.scale if overall else None
        satisfied = None
        if scale and scale.count:
            satisfied = 100 * sum(n for value, n in scale.counts if value >= satisfied_from) / scale.count
        keep_on = by_key.get("continue")
        yes_no = keep_on.yes_no if keep_on else None
        rows.append(
            SatisfactionRow(
                campaign=campaign.title,
                audience=campaign.template.get_audience_display(),
                respondents=results.respondents,
                overall_mean=_round(scale.mean) if scale else None,
                satisfied_share=_round(satisfied),
                continue_share=_round(100 * yes_no.yes / yes_no.count) if yes_no and yes_no.count else None,
            )
        )
    return rows


def growth_row(
    item: str, before: float | None, after: float | None, change: float | None
) -> tuple[str, float | None, float | None, float | None]:
    """A row as printed: the change is that of the printed (rounded) means, so «4,9 → 6,0» reads «+1,1»."""
    before, after = _round(before), _round(after)
    if before is not None and after is not None:
        return item, before, after, round(after - before, 1)
    return item, before, after, _round(change)


def growth_heading(block: GrowthBlock) -> str:
    """«Итоговая диагностика и входная диагностика: на обе анкеты ответили 24 участника» (no declension)."""
    from django.utils.translation import ngettext

    from ..orders.texts import lower_first

    return ngettext(
        "%(after)s and %(before)s: %(n)s participant answered both.",
        "%(after)s and %(before)s: %(n)s participants answered both.",
        block.participants,
    ) % {"after": block.campaign, "before": lower_first(block.baseline), "n": block.participants}


def generated_stamp(when=None) -> str:
    when = when or timezone.localtime()
    return _("Generated on %(when)s") % {"when": when.strftime("%d.%m.%Y %H:%M")}


def _growth(programme: Programme) -> list[GrowthBlock]:
    blocks = []
    followups = Campaign.objects.filter(
        programme=programme, stage=Campaign.Stage.AFTER, baseline__isnull=False
    ).select_related("baseline")
    for campaign in followups:
        found = questionnaire_selectors.comparison(campaign)
        baseline = campaign.baseline  # never None here: the query asks for a baseline
        if found is None or baseline is None:
            continue
        names = {item.key: item.text for item in found.items}
        blocks.append(
            GrowthBlock(
                campaign=campaign.title,
                baseline=baseline.title,
                participants=len(found.comparison.participants),
                rows=[
                    growth_row(names.get(change.key, change.key), change.before, change.after, change.change)
                    for change in found.comparison.overall
                ],
            )
        )
    return blocks


def analytical_data(programme: Programme, today: date | None = None) -> AnalyticalData:
    from monitoring.selectors import settings_for

    today = today or timezone.localdate()
    # a pair counts only with a mentee who takes part (a pair whose only mentee is a candidate does not)
    taking_part = MenteeProfile.objects.taking_part_in_periods(programme_periods([programme], today))
    with_mentee = Exists(
        GroupMember.objects.filter(
            group=OuterRef("pk"),
            role=GroupMember.Role.MENTEE,
            person_id__in=taking_part.filter(programme=programme).values("person_id"),
        )
    )
    statuses = dict.fromkeys(MentoringGroup.Status.values, 0) | dict(
        MentoringGroup.objects.filter(with_mentee, programme=programme)
        .values_list("status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    plans = programme_plan_completion(programme)
    # mentees and mentors by the one participation rule, the same figures as the KPIs and statistics
    metrics = programme_metrics([programme], today)
    kpis = kpi_values([programme], today, metrics=metrics).get(programme.pk, [])
    shown = {value.indicator.numerator for value in kpis}
    own_metrics = metrics[programme.pk]
    numbers: list[Figure] = [
        (_("Mentees"), int(own_metrics["mentees"])),
        (_("Mentors"), int(own_metrics["mentors"])),
        (_("Active pairs and groups"), statuses[MentoringGroup.Status.ACTIVE]),
        (_("Completed pairs and groups"), statuses[MentoringGroup.Status.COMPLETED]),
        (_("Terminated pairs and groups"), statuses[MentoringGroup.Status.TERMINATED]),
        (_("Meetings held"), Meeting.objects.filter(group__programme=programme).count()),
        (_("Individual plans"), plans.plans),
        (_("Plans implemented by at least 90 percent"), plans.plans_90),
        (_("Average completion of the plans, percent"), plans.average),
    ]
    if "publications" in shown:
        numbers.append((_("Publications"), int(own_metrics["publications"])))
    progress = roadmap_progress(programme, today)
    roadmap: list[Figure] = [
        # without the cancelled ones, like the KPI «done on time» and the percentage below
        (_("Roadmap events"), progress.counted),
        (_("Done"), progress.done),
        (_("Done on time"), progress.done_on_time),
        (_("Overdue"), progress.overdue),
        (_("Done, percentage of the events"), progress.done_percent),
    ]
    swot: dict[str, list[str]] = {quadrant: [] for quadrant in SwotItem.Quadrant.values}
    for item in SwotItem.objects.filter(programme=programme).order_by("quadrant", "position", "pk"):
        swot[item.quadrant].append(item.text)
    settings = settings_for(programme.organization)
    return AnalyticalData(
        programme=programme,
        numbers=numbers,
        kpis=kpis,
        satisfaction=_satisfaction(programme, settings.satisfied_from),
        growth=_growth(programme),
        swot=swot,
        roadmap=roadmap,
        conclusions=AnalyticalConclusions.objects.filter(programme=programme).first(),
        generated_on=today,
    )


def _added_up(
    lists: list[list[Figure]],
    *,
    weighted: dict[str, str] | None = None,
    ratio: dict[str, tuple[str, str]] | None = None,
) -> list[Figure]:
    """The same labelled figures of several schools added up, in the order they first appear. A figure
    in ``weighted`` is a mean weighted by another figure; one in ``ratio`` is a percentage recomputed
    from two added-up figures (never a sum or a mean of percentages)."""
    weighted, ratio = weighted or {}, ratio or {}
    labels = list(dict.fromkeys(label for figures in lists for label, _value in figures))
    tables = [dict(figures) for figures in lists]
    sums = {label: sum(float(t.get(label) or 0) for t in tables) for label in labels}
    result: list[Figure] = []
    for label in labels:
        if label in weighted:
            weight = weighted[label]
            total = sum(float(t.get(weight) or 0) for t in tables)
            value: float = (
                round(sum(float(t.get(label) or 0) * float(t.get(weight) or 0) for t in tables) / total, 1)
                if total
                else 0
            )
        elif label in ratio:
            part, whole = ratio[label]
            value = round(100 * sums[part] / sums[whole], 1) if sums.get(whole) else 0
        else:
            value = int(sums[label]) if float(sums[label]).is_integer() else round(sums[label], 1)
        result.append((label, value))
    return result


def school_columns() -> list[str]:
    return [
        _("Organisation"),
        _("Mentees"),
        _("Mentors"),
        _("Active pairs and groups"),
        _("Completed pairs and groups"),
        _("Meetings held"),
        _("Roadmap events done, %"),
    ]


def municipal_analytical_data(authority_programme: Programme, programmes: list[Programme]) -> AnalyticalData:
    """The analytical report of a municipal authority: its schools' figures added up (counts summed, the
    average completion of plans weighted by their number, KPIs from the summed numerators and
    denominators), each school's satisfaction and growth, and a table by school. Aggregates only: no
    person is named."""
    from monitoring.kpis.selectors import municipal_table

    today = timezone.localdate()
    parts = [analytical_data(programme, today) for programme in programmes]
    own = analytical_data(authority_programme, today)
    numbers = _added_up(
        [part.numbers for part in parts],
        weighted={_("Average completion of the plans, percent"): _("Individual plans")},
    )
    roadmap = _added_up(
        [part.roadmap for part in parts],
        ratio={_("Done, percentage of the events"): (_("Done"), _("Roadmap events"))},
    )
    satisfaction = [
        SatisfactionRow(
            campaign=f"{programme.organization.short_name}: {row.campaign}",
            audience=row.audience,
            respondents=row.respondents,
            overall_mean=row.overall_mean,
            satisfied_share=row.satisfied_share,
            continue_share=row.continue_share,
        )
        for programme, part in zip(programmes, parts, strict=True)
        for row in part.satisfaction
    ]
    growth = [
        GrowthBlock(
            campaign=f"{programme.organization.short_name}: {block.campaign}",
            baseline=block.baseline,
            participants=block.participants,
            rows=block.rows,
        )
        for programme, part in zip(programmes, parts, strict=True)
        for block in part.growth
    ]
    wanted = [
        _("Mentees"),
        _("Mentors"),
        _("Active pairs and groups"),
        _("Completed pairs and groups"),
        _("Meetings held"),
    ]
    schools = []
    for programme, part in zip(programmes, parts, strict=True):
        figures = dict(part.numbers) | dict(part.roadmap)
        schools.append(
            [
                programme.organization.short_name or programme.organization.name,
                *[figures.get(label, 0) for label in wanted],
                figures.get(_("Done, percentage of the events"), 0),
            ]
        )
    return AnalyticalData(
        programme=authority_programme,
        numbers=numbers,
        kpis=municipal_table(programmes, body=authority_programme).totals if programmes else [],
        satisfaction=satisfaction,
        growth=growth,
        swot=own.swot,
        roadmap=roadmap,
        conclusions=own.conclusions,
        generated_on=today,
        schools=schools,
    )


def _kpi_chart(data: AnalyticalData, fmt: str) -> bytes | None:
    shown = [value for value in data.kpis if value.is_percent and value.value is not None]
    if not shown:
        return None
    return charts.kpi_chart(
        [value.indicator.name for value in shown],
        [value.value for value in shown],
        [value.target for value in shown],
        value_label=_("Value"),
        target_label=_("Target"),
        fmt=fmt,
    )


def _growth_chart(block: GrowthBlock, fmt: str) -> bytes:
    return charts.before_after_chart(
        [row[0] for row in block.rows],
        [row[1] for row in block.rows],
        [row[2] for row in block.rows],
        before_label=_("Before"),
        after_label=_("After"),
        fmt=fmt,
    )


def _data_uri(svg: bytes | None) -> str | None:
    return None if svg is None else "data:image/svg+xml;base64," + base64.b64encode(svg).decode()


def _swot_rows(data: AnalyticalData) -> list[tuple[StrOrPromise, list[str]]]:
    return [(label, data.swot[value]) for value, label in SwotItem.Quadrant.choices]


def _conclusion_parts(data: AnalyticalData) -> list[tuple[str, str]]:
    conclusions = data.conclusions
    if conclusions is None:
        return []
    parts = []
    for name in ("achievements", "problems", "conclusions", "next_year"):
        text = getattr(conclusions, name)
        if not text.strip():
            continue
        model_field = AnalyticalConclusions._meta.get_field(name)
        if not isinstance(model_field, Field):  # the four are text fields of the model, not relations
            raise TypeError(f"AnalyticalConclusions.{name} is not a field of its own.")
        parts.append((capfirst(str(model_field.verbose_name)), text))
    return parts


def _conclusions_written(programme: Programme) -> bool:
    found = AnalyticalConclusions.objects.filter(programme=programme).first()
    return found is not None and any(
        getattr(found, name).strip() for name in ("achievements", "problems", "conclusions", "next_year")
    )


def _fitted(columns: list[str], rows: list[list]) -> tuple[float, tuple[float, ...]]:
    """The font size and column widths that keep every word of the table whole on a portrait page."""
    texts = [[str(decimal_text(v) if isinstance(v, float) else v) for v in row] for row in rows]
    return layout.fit(columns, texts)


def analytical_pdf(data: AnalyticalData) -> bytes:
    html = render_to_string(
        "reports/analytical_report.html",
        {
            "data": data,
            "organization": data.programme.organization,
            "kpi_chart": _data_uri(_kpi_chart(data, "svg")),
            "growth": [
                (block, _data_uri(_growth_chart(block, "svg")), growth_heading(block))
                for block in data.growth
            ],
            "head_signature": declension.initials_first(data.programme.organization.head_name),
            "stamp": generated_stamp(),
            "swot_rows": _swot_rows(data),
            "conclusion_parts": _conclusion_parts(data),
            "school_columns": school_columns(),
            "school_fit": _fitted(school_columns(), data.schools),
            "generated_at": timezone.localtime(),
        },
    )
    return render_pdf(html)


def analytical_docx(data: AnalyticalData) -> bytes:
    """The same report as an editable Word document: the same sections, tables and requisites."""
    organization = data.programme.organization
    document = WordDocument()
    document.paragraph(organization.name, align="center")
    document.title(_("Analytical report on the mentoring programme"))
    document.paragraph(
        _("%(year)s academic year") % {"year": data.programme.academic_year.label}, align="center"
    )

    document.heading(_("1. The programme in numbers"))
    document.table([_("Indicator"), _("Value")], [[label, value] for label, value in data.numbers])
    if data.schools:
        document.heading(_("By organisation"), level=2)
        document.table(school_columns(), list(data.schools))  # a copy the writer types as its rows

    document.heading(_("2. KPIs against their targets"))
    document.table(
        [_("Indicator"), _("Counted"), _("Out of"), _("Value"), _("Target"), _("Status")],
        [
            [
                v.indicator.name,
                _round(v.numerator, 0),
                _round(v.denominator, 0) if v.denominator is not None else "—",
                _with_unit(v.value, v.is_percent),
                _with_unit(v.target, v.is_percent),
                v.light_label,
            ]
            for v in data.kpis
        ],
    )
    chart = _kpi_chart(data, "png")
    if chart:
        document.picture(chart, width_mm=160)

    document.heading(_("3. Satisfaction of the participants"))
    if data.satisfaction:
        document.table(
            [
                _("Questionnaire"),
                _("For whom"),
                _("Respondents"),
                _("Mean score"),
                _("Satisfied, %"),
                _("Would continue, %"),
            ],
            [
                [
                    r.campaign,
                    r.audience,
                    r.respondents,
                    _dash(r.overall_mean),
                    _dash(r.satisfied_share),
                    _dash(r.continue_share),
                ]
                for r in data.satisfaction
            ],
        )
    else:
        document.paragraph(_("No satisfaction questionnaire was held this year."))

    document.heading(_("4. Growth of the participants (before and after)"))
    if not data.growth:
        document.paragraph(_("No before/after diagnostics was held this year."))
    for block in data.growth:
        document.paragraph(growth_heading(block), bold=True)
        document.table(
            [_("Question"), _("Before"), _("After"), _("Change, points")],
            [
                [item, _dash(before), _dash(after), Signed(change, 1) if change is not None else "—"]
                for item, before, after, change in block.rows
            ],
        )
        document.picture(_growth_chart(block, "png"), width_mm=160)

    document.heading(_("5. SWOT analysis"))
    document.table(
        [_("Quadrant"), _("What the curator noted")],
        [[label, "\n".join(items) or "—"] for label, items in _swot_rows(data)],
    )

    document.heading(_("6. Roadmap status"))
    document.table([_("Indicator"), _("Value")], [[label, value] for label, value in data.roadmap])

    parts = _conclusion_parts(data)
    if parts:
        document.heading(_("7. Conclusions"))
        for label, text in parts:
            document.heading(label, level=2)
            for line in text.splitlines():
                if line.strip():
                    document.paragraph(line, align="justify")

    document.signature(
        organization.head_position or _("Director"), declension.initials_first(organization.head_name)
    )
    document.footer_note(generated_stamp())
    return document.content()


def _dash(value):
    return "—" if value is None else value


def _with_unit(value: float | None, percent: bool) -> str:
    if value is None:
        return "—"
    return decimal_text(value, 1) + (" %" if percent else "")


@registry.register
class AnalyticalReport(Report):
    identifier = "analytical_report"
    name = gettext_lazy("Analytical report")
    description = gettext_lazy(
        "The year in numbers, KPIs against targets with charts, satisfaction, before/after growth, SWOT, "
        "the roadmap's status and the conclusions the curator writes on the «Conclusions» page."
    )
    roles = frozenset({Role.ADMINISTRATOR, Role.CURATOR, Role.PSYCHOLOGIST})
    formats = (PDF, DOCX)

    authority_roles = frozenset({Role.ADMINISTRATOR, *OVERSIGHT_ROLES})

    def allowed(self, scope) -> bool:
        if scope.organization.is_oversight_body:
            return scope.access.has_any(self.authority_roles)
        return super().allowed(scope)

    def links(self, scope) -> list[tuple[str, str]]:
        from .views import may_write_conclusions

        if not may_write_conclusions(scope):
            return []
        return [
            (
                _("Conclusions of the analytical report"),
                reverse("reports:conclusions", kwargs=scope.url_kwargs),
            )
        ]

    def warnings(self, scope) -> list[StrOrPromise]:
        from .views import may_write_conclusions

        if _conclusions_written(scope.programme):
            return []
        if may_write_conclusions(scope):
            return [
                _(
                    "The conclusions are not written yet: the report will have no «Conclusions» section. "
                    "Write them on the page «Conclusions of the analytical report» first."
                )
            ]
        return [
            _(
                "The curator has not written the conclusions yet: the report will have no «Conclusions» section."
            )
        ]

    def generate(self, context: ReportContext, fmt: str) -> GeneratedFile:
        context.progress(10, _("Gathering the year's data"))
        scope = context.scope
        if scope.organization.is_oversight_body:
            from ..statistics.selectors import programmes_in_scope

            programmes = programmes_in_scope(scope)
            if not programmes:
                raise ReportError(_("There are no schools with a programme in this academic year."))
            data = municipal_analytical_data(scope.programme, programmes)
            from mentoring.selectors import children_without_programme

            # listed, not left out unseen: a school with no programme this year adds nothing
            blank = [""] * (len(school_columns()) - 2)
            data.schools += [
                [organization.short_name or organization.name, _("no programme this year"), *blank]
                for organization in children_without_programme(scope)
            ]
        else:
            data = analytical_data(scope.programme)
        context.progress(50, _("Drawing the charts"))
        if fmt == PDF:
            content = analytical_pdf(data)
        elif fmt == DOCX:
            content = analytical_docx(data)
        else:
            raise ReportError(_("This report cannot be produced in this format."))
        return GeneratedFile(filename=self.filename(context, fmt), content=content)
