"""Reports of the diary theme: the meeting diary of a pair as an A4 PDF (registered in the registry,
imported from ``definitions``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from mentoring.access import OVERSIGHT_ROLES, Scope
from mentoring.models import Role
from mentoring.typing_helpers import choice_field
from monitoring.meetings.selectors import diary, mentees_of, mentors_of
from monitoring.plans.selectors import plan_completion, plan_of_group
from pairing.models import GroupMember, MentoringGroup
from pairing.selectors import groups
from participants.selectors import valid_consent

from .. import writers
from ..registry import PDF, GeneratedFile, Report, ReportContext, ReportError, ReportOptionsForm, registry

if TYPE_CHECKING:
    from mentoring.models import Programme

READERS = frozenset({Role.ADMINISTRATOR, Role.CURATOR, Role.PSYCHOLOGIST, *OVERSIGHT_ROLES})


def _reads_every_pair(scope: Scope) -> bool:
    return scope.access.has_any(READERS)


class PairDiaryOptionsForm(ReportOptionsForm):
    group = forms.TypedChoiceField(label=_("Pair or group"), coerce=int)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if _reads_every_pair(self.scope):
            # the individual plan's form on the same page offers the same pairs: read once
            if self.shared.pairs is None:
                self.shared.pairs = _pair_choices(self.scope.programme)
            choice_field(self, "group").choices = self.shared.pairs
        else:
            # A mentor may not see the list of every pair: they give their pair's number (or press
            # «Print (PDF)» in the pair's diary); whether the pair is theirs is checked when the file is built.
            self.fields["group"] = forms.IntegerField(
                label=_("Number of your pair"),
                min_value=1,
                help_text=_(
                    "The number is shown on the pair's page (№). Or open the diary and press «Print (PDF)»."
                ),
            )

    def clean_group(self) -> int:
        value = self.cleaned_data["group"]
        if not MentoringGroup.objects.filter(programme=self.scope.programme, pk=value).exists():
            raise forms.ValidationError(gettext("Choose a pair of this year."))
        return value


def _pair_choices(programme: Programme) -> list[tuple[int, str]]:
    """«№ 12: Кузнецова О.П. — Иванова М.С. (учитель – ученик)» for every pair of the year, in one query."""
    rows = (
        GroupMember.objects.filter(group__programme=programme)
        .order_by("group_id", "-role", "person__last_name")
        .values_list(
            "group_id",
            "role",
            "person__last_name",
            "person__first_name",
            "person__patronymic",
            "group__form__name",
        )
    )
    pairs: dict[int, dict] = {}
    for group_id, role, last, first, patronymic, form in rows:
        entry = pairs.setdefault(group_id, {"mentor": [], "mentee": [], "form": form})
        initials = "".join(f"{part[0]}." for part in (first, patronymic) if part)
        entry[role].append(f"{last} {initials}".strip())
    return [
        (pk, f"№ {pk}: {', '.join(e['mentor'])} — {', '.join(e['mentee'])} ({e['form']})")
        for pk, e in pairs.items()
    ]


@registry.register
class PairDiaryReport(Report):
    identifier = "pair_diary"
    name = _("Meeting diary of a pair")
    description = _(
        "Every meeting of the pair: date, type, format, topic, what was done, agreements and who was present, "
        "with the individual plan's goals and completion, as a PDF to print."
    )
    roles = frozenset(Role.values)
    formats = (PDF,)
    contains_personal_data = True
    options_form = PairDiaryOptionsForm

    def generate(self, context: ReportContext, fmt: str) -> GeneratedFile:
        if fmt != PDF:
            raise ReportError(gettext("This report cannot be produced in this format."))
        scope = context.scope
        group_id = context.options.get("group")
        # the members with their consents, as the diary prints them
        members = (
            GroupMember.objects.select_related("person")
            .annotate(has_consent=valid_consent("person"))
            .order_by("-role", "person__last_name")
        )
        group = (
            None
            if group_id is None
            else groups(scope.programme, with_members=False)
            .prefetch_related(Prefetch("members", queryset=members))
            .select_related("programme__academic_year")
            .filter(pk=group_id)
            .first()
        )
        if group is None:
            raise ReportError(gettext("The pair is not found in this year."))
        if not _reads_every_pair(scope) and not any(
            member.person.user_id == getattr(context.user, "pk", None) for member in group.members.all()
        ):
            raise ReportError(gettext("You may print only the diaries of your own pairs."))
        context.progress(20, gettext("Collecting the meetings"))
        plan = plan_of_group(group)
        document = {
            "organization": scope.organization,
            "year": scope.programme.academic_year.label,
            "group": group,
            "mentors": mentors_of(group),
            "mentees": mentees_of(group),
            "meetings": diary(group),
            "plan": plan,
            "percent": plan_completion(plan) if plan else None,
            "printed_on": timezone.localdate(),
            # six columns with names of several mentees do not fit the width of a portrait page
            "landscape": True,
        }
        context.progress(60, gettext("Laying out the PDF"))
        content = writers.render_pdf(render_to_string("reports/diary.html", document))
        return GeneratedFile(filename=self.filename(context, fmt), content=content)

    def filename(self, context: ReportContext, fmt: str) -> str:
        base = super().filename(context, fmt).rsplit(".", 1)[0]
        return f"{base}_{context.options.get('group')}.{fmt}"
