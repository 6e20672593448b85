"""The analytical report of a programme year (PDF, and DOCX to edit): numbers, KPIs against targets
with charts, satisfaction, before/after growth, SWOT, the roadmap's status and the curator's conclusions.

``analytical_data`` gathers everything with a fixed number of queries; the two writers lay it out.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mentoring.models import Programme, Role
from monitoring.models import Campaign, Meeting, QuestionnaireTemplate, SwotItem
from monitoring.selectors import questionnaires as questionnaire_selectors
from monitoring.selectors.kpis import KpiValue, kpi_values, programme_metrics
from monitoring.selectors.plans import programme_plan_completion
from pairing.models import MentoringGroup
from roadmap.selectors import roadmap_progress

from . import charts
from .models import AnalyticalConclusions
from .registry import DOCX, PDF, GeneratedFile, Report, ReportContext, ReportError, registry
from .writers import render_pdf


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


@dataclass
class AnalyticalData:
    programme: Programme
    numbers: list[tuple[str, object]]
    kpis: list[KpiValue]
    satisfaction: list[SatisfactionRow]
    growth: list[GrowthBlock]
    swot: dict[str, list[str]]
    roadmap: list[tuple[str, object]]
    conclusions: AnalyticalConclusions | None
    generated_on: date = field(default_factory=timezone.localdate)


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


def _growth(programme: Programme) -> list[GrowthBlock]:
    blocks = []
    followups = Campaign.objects.filter(
        programme=programme, stage=Campaign.Stage.AFTER, baseline__isnull=False
    ).select_related("baseline")
    for campaign in followups:
        found = questionnaire_selectors.comparison(campaign)
        if found is None:
            continue
        names = {item.key: item.text for item in found.items}
        blocks.append(
            GrowthBlock(
                campaign=campaign.title,
                baseline=campaign.baseline.title,
                participants=len(found.comparison.participants),
                rows=[
                    (
                        names.get(change.key, change.key),
                        _round(change.before),
                        _round(change.after),
                        _round(change.change),
                    )
                    for change in found.comparison.overall
                ],
            )
        )
    return blocks


def analytical_data(programme: Programme, today: date | None = None) -> AnalyticalData:
    from monitoring.selectors.settings import settings_for

    today = today or timezone.localdate()
    statuses = dict.fromkeys(MentoringGroup.Status.values, 0) | dict(
        MentoringGroup.objects.filter(programme=programme)
        .values_list("status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    plans = programme_plan_completion(programme)
    # mentees and mentors by the one participation rule, the same figures as the KPIs and statistics
    metrics = programme_metrics([programme], today)
    kpis = kpi_values([programme], today, metrics=metrics).get(programme.pk, [])
    shown = {value.indicator.numerator for value in kpis}
    metrics = metrics[programme.pk]
    numbers = [
        (_("Mentees"), int(metrics["mentees"])),
        (_("Mentors"), int(metrics["mentors"])),
        (_("Active pairs and groups"), statuses[MentoringGroup.Status.ACTIVE]),
        (_("Completed pairs and groups"), statuses[MentoringGroup.Status.COMPLETED]),
        (_("Terminated pairs and groups"), statuses[MentoringGroup.Status.TERMINATED]),
        (_("Meetings held"), Meeting.objects.filter(group__programme=programme).count()),
        (_("Individual plans"), plans.plans),
        (_("Plans implemented by at least 90 percent"), plans.plans_90),
        (_("Average completion of the plans, percent"), plans.average),
    ]
    if "publications" in shown:
        numbers.append((_("Publications"), int(metrics["publications"])))
    progress = roadmap_progress(programme, today)
    roadmap = [
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


def _swot_rows(data: AnalyticalData) -> list[tuple[str, list[str]]]:
    return [(label, data.swot[value]) for value, label in SwotItem.Quadrant.choices]


def _conclusion_parts(data: AnalyticalData) -> list[tuple[str, str]]:
    conclusions = data.conclusions
    if conclusions is None:
        return []
    return [
        (str(AnalyticalConclusions._meta.get_field(name).verbose_name), getattr(conclusions, name))
        for name in ("achievements", "problems", "conclusions", "next_year")
        if getattr(conclusions, name).strip()
    ]


def analytical_pdf(data: AnalyticalData) -> bytes:
    html = render_to_string(
        "reports/analytical_report.html",
        {
            "data": data,
            "organization": data.programme.organization,
            "kpi_chart": _data_uri(_kpi_chart(data, "svg")),
            "growth": [(block, _data_uri(_growth_chart(block, "svg"))) for block in data.growth],
            "swot_rows": _swot_rows(data),
            "conclusion_parts": _conclusion_parts(data),
            "generated_at": timezone.localtime(),
        },
    )
    return render_pdf(html)


def _fmt(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    return str(value)


def analytical_docx(data: AnalyticalData) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    document = Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2)
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(12)
    organization = data.programme.organization

    heading = document.add_paragraph(organization.name)
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title = document.add_heading(_("Analytical report on the mentoring programme"), level=0)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph(
        _("%(year)s academic year") % {"year": data.programme.academic_year.label}
    ).alignment = WD_ALIGN_PARAGRAPH.CENTER

    def table(header: list[str], rows: list[list]) -> None:
        grid = document.add_table(rows=1, cols=len(header))
        grid.style = "Table Grid"
        for cell, text in zip(grid.rows[0].cells, header, strict=True):
            cell.text = text
            for run in cell.paragraphs[0].runs:
                run.bold = True
        for row in rows:
            cells = grid.add_row().cells
            for cell, value in zip(cells, row, strict=True):
                cell.text = _fmt(value)

    document.add_heading(_("1. The programme in numbers"), level=1)
    table([_("Indicator"), _("Value")], [[label, value] for label, value in data.numbers])

    document.add_heading(_("2. KPIs against their targets"), level=1)
    table(
        [_("Indicator"), _("Value"), _("Target"), _("Status")],
        [[v.indicator.name, _round(v.value), _round(v.target), v.light_label] for v in data.kpis],
    )
    chart = _kpi_chart(data, "png")
    if chart:
        document.add_picture(io.BytesIO(chart), width=Cm(16))

    document.add_heading(_("3. Satisfaction of the participants"), level=1)
    if data.satisfaction:
        table(
            [
                _("Questionnaire"),
                _("Respondents"),
                _("Mean score"),
                _("Satisfied, %"),
                _("Would continue, %"),
            ],
            [
                [r.campaign, r.respondents, r.overall_mean, r.satisfied_share, r.continue_share]
                for r in data.satisfaction
            ],
        )
    else:
        document.add_paragraph(_("No satisfaction questionnaire was held this year."))

    document.add_heading(_("4. Growth of the participants (before and after)"), level=1)
    if not data.growth:
        document.add_paragraph(_("No before/after diagnostics was held this year."))
    for block in data.growth:
        document.add_paragraph(
            _("%(after)s compared with %(before)s: %(n)s participants answered both.")
            % {"after": block.campaign, "before": block.baseline, "n": block.participants}
        )
        table(
            [_("Question"), _("Before"), _("After"), _("Change, points")], [list(row) for row in block.rows]
        )
        document.add_picture(io.BytesIO(_growth_chart(block, "png")), width=Cm(16))

    document.add_heading(_("5. SWOT analysis"), level=1)
    table(
        [_("Quadrant"), _("What the curator noted")],
        [[label, "\n".join(items) or "—"] for label, items in _swot_rows(data)],
    )

    document.add_heading(_("6. Roadmap status"), level=1)
    table([_("Indicator"), _("Value")], [[label, value] for label, value in data.roadmap])

    document.add_heading(_("7. Conclusions"), level=1)
    parts = _conclusion_parts(data)
    if not parts:
        document.add_paragraph(_("The curator has not written the conclusions yet."))
    for label, text in parts:
        paragraph = document.add_paragraph()
        paragraph.add_run(label).bold = True
        for line in text.splitlines():
            document.add_paragraph(line)

    document.add_paragraph()
    document.add_paragraph(
        f"{organization.head_position or _('Director')} ____________________ {organization.head_name}"
    )
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


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

    def allowed(self, scope) -> bool:
        return not scope.organization.is_municipal_authority and super().allowed(scope)

    def generate(self, context: ReportContext, fmt: str) -> GeneratedFile:
        context.progress(10, _("Gathering the year's data"))
        data = analytical_data(context.scope.programme)
        context.progress(50, _("Drawing the charts"))
        if fmt == PDF:
            content = analytical_pdf(data)
        elif fmt == DOCX:
            content = analytical_docx(data)
        else:
            raise ReportError(_("This report cannot be produced in this format."))
        return GeneratedFile(filename=self.filename(context, fmt), content=content)
