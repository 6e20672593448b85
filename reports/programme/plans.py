"""The individual plan of a pair printed as the school files it: goals, the tasks with their deadlines and
done marks, the approval requisites and the signatures — one pair (from the plan page) or every pair of
the year (from the reports page), as a PDF and as a Word document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django import forms
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from mentoring.access import Scope
from mentoring.models import Role
from mentoring.typing_helpers import choice_field
from monitoring.meetings.selectors import mentees_of, mentors_of
from monitoring.models import IndividualPlan, PlanTask
from monitoring.plans.selectors import plan_completion
from pairing.models import GroupMember, MentoringGroup
from participants.selectors import valid_consent

from .. import layout, writers
from ..registry import (
    DOCX,
    PDF,
    GeneratedFile,
    Report,
    ReportContext,
    ReportError,
    ReportOptionsForm,
    registry,
)
from ..tables import TableSection
from .diary import _pair_choices

if TYPE_CHECKING:
    from participants.models import Person

READERS = frozenset({Role.ADMINISTRATOR, Role.CURATOR, Role.PSYCHOLOGIST})
ALL = 0


def _reads_every_plan(scope: Scope) -> bool:
    return scope.access.has_any(READERS)


class IndividualPlanOptionsForm(ReportOptionsForm):
    group = forms.TypedChoiceField(label=_("Pair or group"), coerce=int)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if _reads_every_plan(self.scope):
            # the diary's form on the same page offers the same pairs: read once per page
            if self.shared.pairs is None:
                self.shared.pairs = _pair_choices(self.scope.programme)
            choice_field(self, "group").choices = [
                (ALL, _("Every pair of the year, one plan per page")),
                *self.shared.pairs,
            ]
            self.fields["group"].initial = ALL
        else:
            self.fields["group"] = forms.IntegerField(
                label=_("Number of your pair"),
                min_value=1,
                help_text=_(
                    "The number is shown on the pair's page (№). Or open the plan and press «Print»."
                ),
            )

    def clean_group(self) -> int:
        value = self.cleaned_data["group"]
        if value == ALL and _reads_every_plan(self.scope):
            return value
        if not MentoringGroup.objects.filter(programme=self.scope.programme, pk=value).exists():
            raise forms.ValidationError(gettext("Choose a pair of this year."))
        return value


@dataclass
class PrintedPlan:
    group: MentoringGroup
    plan: IndividualPlan
    mentors: list
    mentees: list
    tasks: list[PlanTask] = field(default_factory=list)
    percent: int = 0
    rows: list = field(default_factory=list)  # the task rows as printed cells (PDF)

    @property
    def approval(self) -> list[str]:
        """«УТВЕРЖДЕНО приказом МБОУ «СОШ № 1» от 01.09.2026 № 45-ОД», or blanks to fill in by hand."""
        plan, organization = self.plan, self.group.programme.organization
        lines = [
            gettext("APPROVED"),
            gettext("by order of %(organization)s")
            % {"organization": organization.short_name or organization.name},
        ]
        if plan.order_number:
            day = plan.order_date.strftime("%d.%m.%Y") if plan.order_date else "«___» ________ 20__"
            return [*lines, gettext("of %(day)s No. %(number)s") % {"day": day, "number": plan.order_number}]
        return [*lines, gettext("of «___» ________ 20__ No. ______")]

    @property
    def period(self) -> str:
        start = self.group.start_date.strftime("%d.%m.%Y") if self.group.start_date else "…"
        end = self.group.planned_end_date.strftime("%d.%m.%Y") if self.group.planned_end_date else "…"
        return f"{start} – {end}"


def printed_plans(context: ReportContext) -> list[PrintedPlan]:
    """The plans asked for, with their members and tasks, in four queries; a mentor only gets their own."""
    scope = context.scope
    wanted = int(context.options.get("group") or 0)
    groups = (
        MentoringGroup.objects.filter(programme=scope.programme, plan__isnull=False)
        .exclude(status=MentoringGroup.Status.PROPOSED)
        .select_related("form", "role_model", "plan", "programme__organization")
        .prefetch_related(
            Prefetch(
                "members",
                queryset=GroupMember.objects.select_related("person")
                .annotate(has_consent=valid_consent("person"))
                .order_by("-role", "person__last_name"),
            ),
            Prefetch("plan__tasks", queryset=PlanTask.objects.order_by("position", "pk")),
        )
        .order_by("pk")
    )
    if wanted != ALL or not _reads_every_plan(scope):
        groups = groups.filter(pk=wanted)
    result = []
    for group in groups:
        if not _reads_every_plan(scope) and not any(
            member.person.user_id == getattr(context.user, "pk", None) for member in group.members.all()
        ):
            raise ReportError(gettext("You may print only the plans of your own pairs."))
        plan = group.plan
        result.append(
            PrintedPlan(
                group=group,
                plan=plan,
                mentors=mentors_of(group),
                mentees=mentees_of(group),
                tasks=list(plan.tasks.all()),
                percent=plan_completion(plan),
            )
        )
    return result


def task_rows(printed: PrintedPlan) -> list[list]:
    return [
        [
            number,
            task.activity,
            task.work_form or "—",
            task.deadline or "—",
            task.expected_result or "—",
            task.done_on or "",
            task.evidence or ((task.evidence_file.name or "").rsplit("/", 1)[-1] if task.evidence_file else ""),
        ]
        for number, task in enumerate(printed.tasks, start=1)
    ]


def task_columns() -> list[str]:
    return [
        gettext("No."),
        gettext("Activity"),
        gettext("Form of work"),
        gettext("Deadline"),
        gettext("Expected result"),
        gettext("Done on"),
        gettext("Evidence"),
    ]


TASK_WIDTHS = [5, 30, 13, 11, 22, 10, 14]


def _person(person: Person, *, position: bool = False) -> str:
    extra = person.position if position else person.group_name
    return f"{person.full_name}, {extra}" if extra else person.full_name


@registry.register
class IndividualPlanReport(Report):
    identifier = "individual_plan"
    theme = "plans"
    name = _("Individual development plan")
    description = _(
        "The individual plan of a pair, or of every pair of the year one per page: goals, tasks with "
        "deadlines, expected results and done marks, the order that approved it and the signatures — as a "
        "PDF to print and as a Word document to edit."
    )
    roles = frozenset({*READERS, Role.MENTOR})
    formats = (PDF, DOCX)
    contains_personal_data = True
    options_form = IndividualPlanOptionsForm

    def generate(self, context: ReportContext, fmt: str) -> GeneratedFile:
        if fmt not in self.formats:
            raise ReportError(gettext("This report cannot be produced in this format."))
        context.progress(20, gettext("Collecting the plans"))
        plans = printed_plans(context)
        if not plans:
            raise ReportError(
                gettext("There is no individual plan to print: no pair of the year has one yet.")
            )
        scope = context.scope
        document = {
            "organization": scope.organization,
            "year": scope.programme.academic_year.label,
            "plans": plans,
            "columns": task_columns(),
            "widths": TASK_WIDTHS,
            "printed_on": timezone.localdate(),
        }
        context.progress(60, gettext("Laying out the document"))
        if fmt == PDF:
            texts = [[str(writers._pdf_value(v)) for v in row] for p in plans for row in task_rows(p)]
            planned = layout.plan(task_columns(), texts, hints=TASK_WIDTHS)
            if len(planned.parts) == 1:
                document["widths"] = list(planned.parts[0].percents)
            for printed in plans:
                printed.rows = [[writers._pdf_cell(value) for value in row] for row in task_rows(printed)]
            content = writers.render_pdf(render_to_string("reports/individual_plan.html", document))
        else:
            content = plans_docx(document)
        return GeneratedFile(filename=self.filename(context, fmt), content=content)

    def filename(self, context: ReportContext, fmt: str) -> str:
        base = super().filename(context, fmt).rsplit(".", 1)[0]
        group = int(context.options.get("group") or 0)
        return f"{base}_{group}.{fmt}" if group else f"{base}.{fmt}"


def plans_docx(document: dict) -> bytes:
    word = writers.WordDocument()
    organization = document["organization"]
    for index, printed in enumerate(document["plans"]):
        if index:
            word.page_break()
        word.paragraph(organization.name, align="center")
        word.block(printed.approval)
        word.title(gettext("Individual development plan under the guidance of a mentor"))
        word.paragraph(
            gettext("%(year)s academic year, pair (group) No. %(number)s")
            % {"year": document["year"], "number": printed.group.pk},
            align="center",
        )
        word.table(
            [gettext("Mentor"), gettext("Mentees")],
            [
                [
                    "\n".join(_person(p, position=True) for p in printed.mentors) or "—",
                    "\n".join(_person(p) for p in printed.mentees) or "—",
                ]
            ],
        )
        word.paragraph()
        word.paragraph(
            gettext("Form of mentoring: %(form)s. Period: %(period)s. Implemented by %(percent)s %%.")
            % {"form": printed.group.form.name, "period": printed.period, "percent": printed.percent}
        )
        word.heading(gettext("Goals"), level=2)
        word.paragraph(printed.plan.goals or "—", align="justify")
        word.heading(gettext("Tasks"), level=2)
        if printed.tasks:
            rows: list[list[Any] | TableSection] = [*task_rows(printed)]
            word.table(document["columns"], rows, hints=document["widths"])
        else:
            word.paragraph(gettext("No tasks yet."))
        word.paragraph()
        for person in printed.mentors:
            word.paragraph(f"{gettext('Mentor')} ____________________ {person.short_name}")
        for person in printed.mentees:
            word.paragraph(f"{gettext('Mentee')} ____________________ {person.short_name}")
        word.paragraph(f"{gettext('Curator')} ____________________")
    return word.content()
