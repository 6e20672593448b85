"""Reports of the questionnaire theme, registered in the report registry (imported from ``definitions``).

- the sheet of QR codes of a campaign's personal links, cut-out cards grouped by class (PDF, personal data);
- the results of a campaign, per question (XLSX/PDF);
- the before/after comparison tables of an «after» campaign (XLSX/PDF).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django import forms
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _

from mentoring.models import Role
from mentoring.sites import site_url
from mentoring.typing_helpers import StrOrPromise, choice_field
from monitoring.models import Campaign, QuestionItem
from monitoring.questionnaires import selectors
from monitoring.questionnaires.selectors import CampaignComparison, CampaignResults, ItemResult

from .. import writers
from ..registry import (
    PDF,
    GeneratedFile,
    Report,
    ReportContext,
    ReportError,
    ReportOptionsForm,
    TableReport,
    registry,
)
from ..tables import Signed, Table, TableSection

PEOPLE_READERS = frozenset({Role.ADMINISTRATOR, Role.CURATOR, Role.PSYCHOLOGIST})


class CampaignOptionsForm(ReportOptionsForm):
    campaign = forms.TypedChoiceField(label=_("Questionnaire campaign"), coerce=int)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "campaign").choices = [
            (campaign.pk, f"{campaign.title} ({campaign.created_at:%d.%m.%Y})")
            for campaign in selectors.campaigns(self.scope.programme)
        ]


class CompareOptionsForm(ReportOptionsForm):
    """Only «after» campaigns compared with a «before» one are offered: the others cannot be compared."""

    campaign = forms.TypedChoiceField(
        label=_("Questionnaire campaign"),
        coerce=int,
        help_text=_("Only «after» campaigns compared with a «before» campaign are listed."),
        error_messages={"invalid_choice": _("This campaign has no «before» campaign to compare with.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "campaign").choices = [
            (campaign.pk, f"{campaign.title} ({campaign.created_at:%d.%m.%Y})")
            for campaign in selectors.campaigns(self.scope.programme)
            if campaign.baseline_id is not None
        ]


class QrSheetOptionsForm(CampaignOptionsForm):
    group_name = forms.ChoiceField(label=_("Class"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "group_name").choices = [("", _("All classes"))] + [
            (name, name) for name in selectors.class_names(self.scope.programme)
        ]


def _campaign(context: ReportContext) -> Campaign:
    found = selectors.campaign_for(context.scope.programme, int(context.options.get("campaign") or 0))
    if found is None:
        raise ReportError(gettext("The questionnaire campaign was not found."))
    return found


def _qr_data_uri(url: str) -> str:
    import segno

    return segno.make(url, error="m").svg_data_uri(scale=4, border=2)


@registry.register
class QrSheetReport(Report):
    identifier = "questionnaire_qr_sheet"
    name = _("Sheet with QR codes of personal links")
    description = _(
        "Cut-out cards with a QR code and the link of every participant who has not answered yet, grouped "
        "by class, to hand out in class. Contains personal data."
    )
    roles = PEOPLE_READERS
    formats = (PDF,)
    contains_personal_data = True
    options_form = QrSheetOptionsForm

    def generate(self, context: ReportContext, fmt: str) -> GeneratedFile:
        if fmt != PDF:
            raise ReportError(gettext("This report cannot be produced in this format."))
        campaign = _campaign(context)
        now = timezone.now()
        group_name = context.options.get("group_name") or None
        links = [
            invitation
            for invitation in selectors.invitations(campaign, group_name)
            if invitation.answered_at is None and invitation.expires_at > now
        ]
        if not links:
            raise ReportError(
                gettext("There are no open links to print: everyone has answered or the links expired.")
            )
        base = context.site_url or site_url()
        classes: dict[str, list[dict[str, Any]]] = {}
        total = len(links)
        for index, invitation in enumerate(links, start=1):
            url = base + reverse("questionnaire:answer", kwargs={"link": invitation.token})
            person = invitation.person
            if person is not None:
                name = person.full_name
                if invitation.respondent == "parent":
                    name = gettext("Parent of %(name)s") % {"name": name}
                class_name = person.group_name
            else:
                user = invitation.user
                name = (user.get_full_name() or user.username) if user else "—"
                class_name = ""
            classes.setdefault(class_name, []).append(
                {"name": name, "group_name": class_name, "url": url, "qr": _qr_data_uri(url)}
            )
            if index % 50 == 0:
                context.progress(10 + 60 * index // total, gettext("Drawing the QR codes"))
        context.progress(75, gettext("Laying out the PDF"))
        html = render_to_string(
            "reports/questionnaire_qr_sheet.html",
            {
                "campaign": campaign,
                "organization": context.scope.organization,
                "classes": sorted(classes.items(), key=lambda pair: selectors._class_key(pair[0] or "~")),
                "expires_at": campaign.expires_at,
                "landscape": False,
            },
        )
        return GeneratedFile(filename=self.filename(context, fmt), content=writers.render_pdf(html))

    def filename(self, context: ReportContext, fmt: str) -> str:
        suffix = f"_{context.options['group_name']}" if context.options.get("group_name") else ""
        return f"qr_{context.options.get('campaign')}{suffix}.{fmt}".replace(" ", "_")


def _number(value: float | None) -> float | str:
    return round(value, 2) if value is not None else ""


def _percent(part: int, whole: int) -> float | str:
    return round(100 * part / whole, 1) if whole else ""


@registry.register
class ResultsReport(TableReport):
    identifier = "questionnaire_results"
    name = _("Questionnaire results")
    description = _(
        "The answers of a campaign per question: distribution of 1–10 answers with mean and median, share "
        "of «yes», option counts, open answers; means of the pairs."
    )
    roles = PEOPLE_READERS
    contains_personal_data = True
    options_form = CampaignOptionsForm
    column_widths = [40, 10, 10, 10, 10]
    sheet_name = _("Questionnaire results")

    def title(self, context: ReportContext) -> str:
        return gettext("Results: %(title)s") % {"title": _campaign(context).title}

    def columns(self, context: ReportContext) -> list[StrOrPromise]:
        return [
            gettext("Question, answer"),
            gettext("Answers"),
            gettext("Share, %"),
            gettext("Mean, points"),
            gettext("Median, points"),
        ]

    def rows(self, context: ReportContext) -> Iterator[list[Any] | TableSection]:
        campaign = _campaign(context)
        results = selectors.results(campaign)
        yield [gettext("Respondents"), results.respondents, "", "", ""]
        if results.suppressed:
            yield [_not_enough(results.min_group), "", "", "", ""]
        for number, result in enumerate(results.items, start=1):
            yield TableSection(f"{number}. {result.item.text}")
            yield from _item_rows(result, results.min_group)
        if results.pairs and results.scale_items:
            yield from _pair_mean_rows(results)


def _item_rows(result: ItemResult, min_group: int) -> Iterator[list[Any]]:
    """One question's rows: its answers by kind (scale, yes/no, options, texts) or «not enough»."""
    item = result.item
    if result.suppressed:  # an optional question answered by too few people
        yield [_not_enough(min_group), result.answered, "", "", ""]
    elif result.scale is not None:
        summary = result.scale
        yield [
            gettext("All answers"),
            summary.count,
            "",
            _number(summary.mean),
            _number(summary.median),
        ]
        for value, count in summary.counts:
            yield [str(value), count, _percent(count, summary.count), "", ""]
    elif result.yes_no is not None:
        yes_no = result.yes_no
        yield [gettext("Yes"), yes_no.yes, _percent(yes_no.yes, yes_no.count), "", ""]
        yield [gettext("No"), yes_no.no, _percent(yes_no.no, yes_no.count), "", ""]
    elif result.options is not None:
        for label, count in result.option_rows:
            yield [label, count, _percent(count, result.options.count), "", ""]
        if item.kind == QuestionItem.Kind.RANKING:
            for label, count in result.first_rows:
                yield [gettext("Chosen first: %(name)s") % {"name": label}, count, "", "", ""]
    else:
        for text in result.texts:
            yield [text, "", "", "", ""]


def _pair_mean_rows(results: CampaignResults) -> Iterator[list[Any] | TableSection]:
    """Each 1–10 question's mean per pair (a pair with too few answers shows none)."""
    numbers = {result.item.pk: number for number, result in enumerate(results.items, start=1)}
    for index, item in enumerate(results.scale_items):
        yield TableSection(
            gettext("Means per pair: %(number)s. %(question)s")
            % {"number": numbers.get(item.pk, index + 1), "question": item.text}
        )
        for row in results.pairs:
            label = f"№ {row.group.pk}: {row.label} ({row.group.form.name})"
            if row.suppressed:  # too few answers to show a mean without exposing them
                yield [label, row.respondents, "", gettext("not enough answers"), ""]
                continue
            value = row.means[index] if index < len(row.means) else None
            if value is None:
                continue
            yield [label, row.respondents, "", _number(value), ""]

@registry.register
class CompareReport(TableReport):
    identifier = "questionnaire_compare"
    name = _("Before/after comparison tables")
    description = _(
        "For an «after» campaign: every 1–10 question before, after and the change, per participant, per "
        "class and per pair; who answered only once."
    )
    roles = PEOPLE_READERS
    contains_personal_data = True
    options_form = CompareOptionsForm
    landscape = True
    key_columns = 2

    def title(self, context: ReportContext) -> str:
        return gettext("Before/after: %(title)s") % {"title": _campaign(context).title}

    def _comparison(self, context: ReportContext) -> CampaignComparison:
        cached = context.cache.get(self.identifier)
        if cached is None:
            cached = selectors.comparison(_campaign(context))
            if cached is None:
                raise ReportError(gettext("This campaign has no «before» campaign to compare with."))
            context.cache[self.identifier] = cached
        return cached

    def columns(self, context: ReportContext) -> list[StrOrPromise]:
        found = self._comparison(context)
        columns: list[StrOrPromise] = [
            gettext("Participant, class or pair"),
            gettext("Class"),
            gettext("Participants, people"),
        ]
        for number in range(1, len(found.items) + 1):
            columns += [
                gettext("%(n)s. before") % {"n": number},
                gettext("%(n)s. after") % {"n": number},
                gettext("%(n)s. change") % {"n": number},
            ]
        return columns + [gettext("Mean before"), gettext("Mean after"), pgettext("before/after", "Change")]

    def table(self, context: ReportContext) -> Table:
        table = super().table(context)
        found = self._comparison(context)
        table.legend = [gettext("Questions (scores from 1 to 10):")] + [
            f"{number}. {item.text}" for number, item in enumerate(found.items, start=1)
        ]
        table.sheet_name = gettext("Before and after")
        return table

    def _cells(self, items, mean_before, mean_after, mean_change) -> list[Any]:
        cells = []
        for cell in items:
            cells += [_number(cell.before), _number(cell.after), _signed(cell.change)]
        return cells + [_number(mean_before), _number(mean_after), _signed(mean_change)]

    def rows(self, context: ReportContext) -> Iterator[list[Any] | TableSection]:
        found = self._comparison(context)
        overall = found.comparison.overall
        yield [gettext("All participants"), "", len(found.comparison.participants)] + self._cells(
            overall, _mean(c.before for c in overall), _mean(c.after for c in overall), _change(overall)
        )
        yield TableSection(gettext("By participant"))
        for entry in found.participant_rows:
            row = entry["row"]
            yield [entry["name"], entry["group_name"], ""] + self._cells(
                row.items, row.mean_before, row.mean_after, row.mean_change
            )
        width = len(found.items) * 3 + 3
        yield TableSection(gettext("By class"))
        for entry in found.class_rows:
            row = entry["row"]
            if entry["suppressed"]:
                yield [entry["label"], entry["label"], row.size, gettext("not enough answers")] + [""] * (
                    width - 1
                )
                continue
            yield [entry["label"], entry["label"], row.size] + self._cells(
                row.items, row.mean_before, row.mean_after, row.mean_change
            )
        yield TableSection(gettext("By pair"))
        for entry in found.pair_rows:
            row = entry["row"]
            if entry["suppressed"]:
                yield [entry["label"], "", row.size, gettext("not enough answers")] + [""] * (width - 1)
                continue
            yield [entry["label"], "", row.size] + self._cells(
                row.items, row.mean_before, row.mean_after, row.mean_change
            )
        if found.only_before_names or found.only_after_names:
            yield TableSection(gettext("Answered only once"))
            for name in found.only_before_names:
                yield [name, gettext("only before")] + [""] * (len(found.items) * 3 + 4)
            for name in found.only_after_names:
                yield [name, gettext("only after")] + [""] * (len(found.items) * 3 + 4)


def _not_enough(smallest: int) -> str:
    return gettext(
        "Not enough answers to show: results are shown once at least %(n)s people have answered."
    ) % {"n": smallest}


def _mean(values) -> float | None:
    values = [v for v in values if v is not None]
    return sum(values) / len(values) if values else None


def _change(cells) -> float | None:
    before, after = _mean(c.before for c in cells), _mean(c.after for c in cells)
    return after - before if before is not None and after is not None else None


def _signed(value: float | None) -> Signed | str:
    """A change with its sign: a number in the spreadsheet («+0.0#» format), «+1,5» / «−0,5» on paper."""
    if value is None:
        return ""
    return Signed(round(value, 2))
