"""The paper trail a school used to write by hand, generated from its data through its templates.

Each document is a report of the one registry (PDF and Word through the job machinery) whose file is
its Word template — the school's own or the default — filled with the organisation's data; the PDF
is the same filled document laid out on A4. ``context(programme, options, sample=…)`` builds the data
a template reads; with ``sample=True`` every list has at least one entry, so an uploaded template is
checked against all its fields before it is accepted.
"""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from django import forms
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from mentoring.models import Programme, Role
from mentoring.typing_helpers import StrOrPromise, model_choice_field
from pairing.models import GroupMember
from participants.models import MentorProfile, PartnerOrganization, Person

from .. import declension
from ..forms import DATE_INPUT
from ..models import OrderKind
from ..orders.selectors import approving_order
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
from .context import (
    _roadmap_rows,
    day_text,
    organization_context,
    person_context,
    short_date,
)
from .paper import engine
from .paper.defaults_documents import STAGES

MANAGERS = frozenset({Role.ADMINISTRATOR, Role.CURATOR})
SAMPLE_PERSON = "Кузнецова Ольга Петровна"


class PaperReport(Report):
    """A document generated from a Word template; subclasses give the template key and the data."""

    template_key: ClassVar[str]
    theme = "paper"
    roles = MANAGERS
    formats = (PDF, DOCX)

    def context(
        self, programme: Programme, options: dict[str, Any], *, sample: bool = False
    ) -> dict[str, Any]:
        return organization_context(programme)

    def generate(self, context: ReportContext, fmt: str) -> GeneratedFile:
        if fmt not in self.formats:
            raise ReportError(gettext("This report cannot be produced in this format."))
        programme = context.scope.programme
        context.progress(20, gettext("Collecting the data of the document"))
        data = self.context(programme, context.options)
        template = engine.template_for(programme.organization, self.template_key)
        context.progress(50, gettext("Filling in the template"))
        try:
            content = engine.render(template, data, fmt, title=str(self.name))
        except engine.TemplateProblem as problem:
            raise ReportError(
                gettext("The organisation's template of this document cannot be used: %(problem)s")
                % {"problem": problem}
            ) from problem
        return GeneratedFile(filename=self.filename(context, fmt), content=content)


def _approval(programme: Programme, kinds: tuple[str, ...]) -> dict[str, str]:
    order = approving_order(programme, kinds)
    if order is None:
        return {"number": "____", "day": short_date(None)}
    return {"number": order.number, "day": short_date(order.day)}


@registry.register
class RegulationDocumentReport(PaperReport):
    identifier = "regulation_document"
    template_key = "regulation_document"
    name = _("Regulation on mentoring (Положение о наставничестве)")
    description = _(
        "The local act with the organisation's name and forms of mentoring, «УТВЕРЖДЕНО» with the number and date "
        "of the order approving it (from the «Orders» page)."
    )

    def context(self, programme, options, *, sample=False):
        data = organization_context(programme)
        data["approval"] = _approval(programme, (OrderKind.REGULATION,))
        return data


def _stats(programme: Programme) -> dict[str, int]:
    from participants.models import MenteeProfile

    return {
        "mentors": MentorProfile.objects.filter(
            programme=programme, person__anonymised_at__isnull=True
        ).count(),
        "mentees": MenteeProfile.objects.filter(
            programme=programme, person__anonymised_at__isnull=True
        ).count(),
        "groups": programme.mentoring_groups.exclude(status="terminated").count(),
    }


@registry.register
class MentoringProgrammeReport(PaperReport):
    identifier = "mentoring_programme"
    template_key = "mentoring_programme"
    name = _("Mentoring programme of the year")
    description = _(
        "Программа наставничества: forms and role models, roles, the seven stages, expected results and the "
        "year's roadmap attached; approved by the order introducing the model."
    )
    contains_personal_data = True

    def context(self, programme, options, *, sample=False):
        data = organization_context(programme)
        data["approval"] = _approval(programme, (OrderKind.MODEL,))
        data["stats"] = _stats(programme)
        data["stages"] = [
            {"name": name, "content": content, "period": period} for name, content, period in STAGES
        ]
        data["roadmap"] = _roadmap_rows(programme)
        if sample and not data["roadmap"]:
            data["roadmap"] = [
                {"number": "1.", "title": "…", "period": "…", "responsible": "…", "result": "…"}
            ]
        if sample and not data["forms"]:
            data["forms"] = [{"name": "ученик – ученик", "description": "", "roles": []}]
        return data


class PartnerOptionsForm(ReportOptionsForm):
    partner = forms.ModelChoiceField(
        label=_("Partner organisation"), queryset=PartnerOrganization.objects.none()
    )
    number = forms.CharField(
        label=_("Agreement number"),
        max_length=50,
        required=False,
        help_text=_("Empty: the number on the partner's card."),
    )
    day = forms.DateField(label=_("Agreement date"), widget=DATE_INPUT, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choice_field(self, "partner").queryset = PartnerOrganization.objects.filter(
            organization=self.scope.organization
        )
        self.fields["day"].initial = timezone.localdate()


def _option_date(options: dict[str, Any], key: str) -> date | None:
    value = options.get(key)
    return date.fromisoformat(value) if value else None


@registry.register
class PartnerAgreementReport(PaperReport):
    identifier = "partner_agreement"
    template_key = "partner_agreement"
    name = _("Agreement with a partner organisation")
    description = _(
        "Соглашение о сотрудничестве from the partner's card: parties, the director's name declined, duties, term, "
        "signatures of both sides."
    )
    contains_personal_data = True
    options_form = PartnerOptionsForm

    def context(self, programme, options, *, sample=False):
        data = organization_context(programme)
        partner = PartnerOrganization.objects.filter(
            organization=programme.organization, pk=options.get("partner") or 0
        ).first()
        if partner is None and not sample:
            raise ReportError(gettext("Choose a partner organisation."))
        day = _option_date(options, "day") or (partner.agreement_date if partner else None)
        number = (
            (options.get("number") or "").strip() or (partner.agreement_number if partner else "") or "____"
        )
        data["partner"] = {
            "name": partner.name if partner else "ООО «Партнёр»",
            "kind": partner.get_kind_display() if partner else "",
            "contact_name": partner.contact_name if partner else "",
            "contact_phone": partner.contact_phone if partner else "",
            "contact_email": partner.contact_email if partner else "",
            "signatory": "",
        }
        data["agreement"] = {"number": number, "day": short_date(day), "day_text": day_text(day)}
        return data


class TeachersOptionsForm(ReportOptionsForm):
    people = forms.ModelMultipleChoiceField(
        label=_("Teachers"),
        queryset=Person.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 10}),
        help_text=_("Empty: every teacher in the mentor base of the year. One page per teacher."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choice_field(self, "people").queryset = mentor_teachers(self.scope.programme)

    def clean_people(self):
        return list(self.cleaned_data["people"])


def mentor_teachers(programme: Programme):
    """Teachers and staff in the mentor base of the year (the ones ст. 351.8 ТК РФ is about)."""
    return Person.objects.filter(
        mentor_profiles__programme=programme, kind__in=Person.STAFF_KINDS, anonymised_at__isnull=True
    ).order_by("last_name", "first_name", "pk")


def teacher_people(programme: Programme, options: dict[str, Any], *, sample: bool) -> list[dict[str, Any]]:
    people = mentor_teachers(programme)
    chosen = [int(pk) for pk in options.get("people") or []]
    if chosen:
        people = people.filter(pk__in=chosen)
    people = list(people)
    mentees: dict[int, list[str]] = {}
    mentees_gen: dict[int, list[str]] = {}  # «в отношении Орловой Анны Павловны, 8А»
    forms_by_person: dict[int, list[str]] = {}
    for member in (
        GroupMember.objects.filter(
            group__programme=programme,
            group__status__in=("proposed", "active"),
            role=GroupMember.Role.MENTOR,
            person__in=people,
        )
        .select_related("group__form")
        .prefetch_related("group__members__person")
    ):
        for other in member.group.members.all():
            if other.role == GroupMember.Role.MENTEE:
                label = (
                    f"{other.person.full_name}, {other.person.group_name}"
                    if other.person.group_name
                    else other.person.full_name
                )
                mentees.setdefault(member.person_id, []).append(label)
                mentee = other.person
                name_gen = declension.decline(
                    mentee.last_name, mentee.first_name, mentee.patronymic, declension.GENITIVE, mentee.sex
                )
                mentees_gen.setdefault(member.person_id, []).append(
                    f"{name_gen}, {mentee.group_name}" if mentee.group_name else name_gen
                )
        names = forms_by_person.setdefault(member.person_id, [])
        if member.group.form.name not in names:
            names.append(member.group.form.name)
    result = [
        person_context(
            person.full_name,
            person.sex,
            person.position,
            mentees="; ".join(mentees.get(person.pk, [])),
            mentees_gen="; ".join(mentees_gen.get(person.pk, [])),
            form=", ".join(forms_by_person.get(person.pk, [])),
        )
        for person in people
    ]
    if sample and not result:
        result = [person_context(SAMPLE_PERSON, "female", "учитель математики", mentees="…", mentees_gen="…", form="…")]
    if not result:
        raise ReportError(gettext("There are no teachers in the mentor base of the year."))
    return result


@registry.register
class TeacherConsentReport(PaperReport):
    identifier = "teacher_consent"
    template_key = "teacher_consent"
    name = _("Teacher's consent to mentoring")
    description = _(
        "Письменное согласие педагога на наставническую деятельность (ст. 351.8 ТК РФ), addressed to the director, "
        "with the teacher's mentees and form: one page per teacher of the mentor base."
    )
    contains_personal_data = True
    options_form = TeachersOptionsForm

    def context(self, programme, options, *, sample=False):
        data = organization_context(programme)
        data["people"] = teacher_people(programme, options, sample=sample)
        return data


class SupplementaryOptionsForm(TeachersOptionsForm):
    day = forms.DateField(label=_("Date of the agreement"), widget=DATE_INPUT, required=False)
    start = forms.DateField(label=_("Mentoring from"), widget=DATE_INPUT, required=False)
    end = forms.DateField(label=_("Mentoring until"), widget=DATE_INPUT, required=False)
    payment = forms.CharField(
        label=_("Extra pay"),
        max_length=200,
        required=False,
        help_text=_(
            "As the agreement prints it, e.g. «3 000 (три тысячи) рублей» or «15 % должностного оклада»."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        year = self.scope.programme.academic_year
        self.fields["day"].initial = timezone.localdate()
        self.fields["start"].initial = max(timezone.localdate(), year.start_date)
        self.fields["end"].initial = year.end_date

    def clean(self):
        super().clean()
        data = self.cleaned_data
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", _("Mentoring cannot end before it starts."))
        return data


@registry.register
class SupplementaryAgreementReport(PaperReport):
    identifier = "supplementary_agreement"
    template_key = "supplementary_agreement"
    name = _("Supplementary agreement to the labour contract")
    description = _(
        "Дополнительное соглашение к трудовому договору on mentoring (ст. 351.8 ТК РФ): duties, term, extra pay, "
        "signatures; one per teacher of the mentor base."
    )
    contains_personal_data = True
    options_form = SupplementaryOptionsForm

    def context(self, programme, options, *, sample=False):
        data = organization_context(programme)
        data["people"] = teacher_people(programme, options, sample=sample)
        year = programme.academic_year
        day = _option_date(options, "day")
        data["agreement"] = {
            "day": short_date(day),
            "day_text": day_text(day),
            "start": short_date(_option_date(options, "start") or year.start_date),
            "end": short_date(_option_date(options, "end") or year.end_date),
            "payment": (options.get("payment") or "").strip() or "________ рублей",
        }
        return data


class ProtocolOptionsForm(ReportOptionsForm):
    BODIES = [
        ("council", _("Pedagogical council")),
        ("working_group", _("Working group of the mentoring programme")),
    ]
    body = forms.ChoiceField(label=_("Meeting of"), choices=BODIES, initial="working_group")
    number = forms.CharField(label=_("Protocol number"), max_length=50)
    day = forms.DateField(label=_("Date of the meeting"), widget=DATE_INPUT)
    chair = forms.CharField(label=_("Chair (full name)"), max_length=200)
    secretary = forms.CharField(label=_("Secretary (full name)"), max_length=200)
    present = forms.IntegerField(
        label=_("People present"),
        min_value=1,
        max_value=1000,
        required=False,
        help_text=_("Empty: a line to fill in by hand."),
    )
    agenda = forms.CharField(
        label=_("Agenda"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        help_text=_("One item per line."),
    )
    decisions = forms.CharField(
        label=_("Decisions"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        help_text=_("One decision per line."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organization = self.scope.organization
        self.fields["day"].initial = timezone.localdate()
        self.fields["chair"].initial = organization.head_name
        from ..orders.services import curator_facts, curators_of

        curators = curators_of(organization)
        if curators:
            self.fields["secretary"].initial = curator_facts(organization, curators[0])[0]
        self.fields["agenda"].initial = (
            "О реализации программы наставничества в текущем учебном году.\n"
            "О формировании наставнических пар (групп)."
        )
        self.fields["decisions"].initial = (
            "Информацию куратора принять к сведению.\n"
            "Утвердить состав наставнических пар (групп) и представить его на утверждение приказом руководителя."
        )

    def clean_agenda(self) -> list[str]:
        return _lines(self.cleaned_data["agenda"], _("Write at least one item of the agenda."))

    def clean_decisions(self) -> list[str]:
        return _lines(self.cleaned_data["decisions"], _("Write at least one decision."))


def _lines(text: str, error: StrOrPromise) -> list[str]:
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    if not lines:
        raise forms.ValidationError(error)
    return lines


@registry.register
class ProtocolReport(PaperReport):
    identifier = "protocol"
    template_key = "protocol"
    name = _("Protocol of a meeting")
    description = _(
        "Протокол заседания педагогического совета или рабочей группы: attendance, agenda, «СЛУШАЛИ», «РЕШИЛИ», "
        "voting and signatures of the chair and the secretary."
    )
    contains_personal_data = True
    options_form = ProtocolOptionsForm

    def context(self, programme, options, *, sample=False):
        from .. import declension

        data = organization_context(programme)
        body = options.get("body") or "working_group"
        chair = (
            options.get("chair")
            or data["org"]["head_full_name"]
            or ("Петрова Ольга Ивановна" if sample else "")
        )
        secretary = (
            options.get("secretary")
            or data["curator"]["name"]
            or ("Смирнова Елена Викторовна" if sample else "")
        )
        data["meeting"] = {
            "body_gen": "педагогического совета"
            if body == "council"
            else "рабочей группы по реализации программы наставничества",
            "number": options.get("number") or "____",
            "day": short_date(_option_date(options, "day")),
            "chair": chair,
            "chair_short": declension.initials_first(chair),
            "secretary": secretary,
            "secretary_short": declension.initials_first(secretary),
            "present": options.get("present") or "____",
            "agenda": list(options.get("agenda") or (["…"] if sample else [])),
            "decisions": list(options.get("decisions") or (["…"] if sample else [])),
        }
        return data


class QuestionnaireOptionsForm(ReportOptionsForm):
    questionnaire: forms.ModelChoiceField[Any] = forms.ModelChoiceField(label=_("Questionnaire"), queryset=None)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from monitoring.questionnaires.selectors import templates_for

        super().__init__(*args, **kwargs)
        model_choice_field(self, "questionnaire").queryset = templates_for(self.scope.organization)


def _answer_lines(item) -> tuple[str, list[str]]:
    """How a printed form lets the respondent answer: boxes, a scale to circle, lines to write on."""
    kind = item.kind
    if kind == "scale":
        numbers = "   ".join(str(value) for value in range(item.scale_min, item.scale_max + 1))
        return f"Обведите одно число: {item.scale_min} — совсем нет, {item.scale_max} — полностью.", [numbers]
    if kind == "yes_no":
        return "", ["☐ да        ☐ нет"]
    if kind in ("single", "multiple"):
        hint = "Отметьте один вариант." if kind == "single" else "Можно отметить несколько вариантов."
        return hint, [f"☐ {choice}" for choice in item.choices or []]
    if kind == "ranking":
        count = item.scale_max or 3
        return "Впишите имена в порядке предпочтения.", [
            f"{n}. ____________________________________" for n in range(1, count + 1)
        ]
    return "", ["_" * 70, "_" * 70, "_" * 70]


@registry.register
class QuestionnaireFormReport(PaperReport):
    identifier = "questionnaire_form"
    template_key = "questionnaire_form"
    name = _("Questionnaire form to print")
    description = _(
        "Бланк анкеты: the questions of a questionnaire with boxes, scales and lines to fill in by hand — for "
        "respondents without a phone or a link."
    )
    options_form = QuestionnaireOptionsForm

    def context(self, programme, options, *, sample=False):
        from monitoring.questionnaires.selectors import templates_for

        data = organization_context(programme)
        template = (
            templates_for(programme.organization)
            .filter(pk=options.get("questionnaire") or 0)
            .prefetch_related("items")
            .first()
        )
        if template is None and not sample:
            raise ReportError(gettext("Choose a questionnaire."))
        items = []
        for item in template.items.all() if template else []:
            hint, lines = _answer_lines(item)
            items.append({"text": item.text, "required": item.required, "hint": hint, "lines": lines})
        if sample and not items:
            items = [{"text": "…", "required": True, "hint": "…", "lines": ["…"]}]
        data["questionnaire"] = {
            "title": template.title if template else "Анкета",
            "description": template.description if template else "",
            "questions": items,
        }
        return data


@registry.register
class PartnersListReport(PaperReport):
    identifier = "partners_list"
    template_key = "partners_list"
    name = _("List of partner organisations")
    description = _(
        "Перечень организаций-партнёров: name, kind, agreement, contact and the number of mentors each provides, "
        "with «УТВЕРЖДАЮ» for the director."
    )
    contains_personal_data = True

    def context(self, programme, options, *, sample=False):
        data = organization_context(programme)
        partners = (
            PartnerOrganization.objects.filter(organization=programme.organization)
            .annotate(
                mentors=Count(
                    "mentor_profiles", filter=Q(mentor_profiles__programme=programme), distinct=True
                )
            )
            .order_by("name", "pk")
        )
        rows = []
        for index, partner in enumerate(partners, start=1):
            agreement = ""
            if partner.agreement_number or partner.agreement_date:
                agreement = f"№ {partner.agreement_number or '—'}"
                if partner.agreement_date:
                    agreement += f" от {short_date(partner.agreement_date)}"
            contact = "\n".join(
                part for part in (partner.contact_name, partner.contact_phone, partner.contact_email) if part
            )
            rows.append(
                {
                    "n": str(index),
                    "name": partner.name,
                    "kind": partner.get_kind_display(),
                    "agreement": agreement,
                    "contact": contact,
                    "mentors": str(partner.mentors),
                }
            )
        if sample and not rows:
            rows = [{"n": "1", "name": "…", "kind": "…", "agreement": "…", "contact": "…", "mentors": "0"}]
        if not rows and not sample:
            raise ReportError(gettext("The organisation has no partner organisations yet."))
        data["partners"] = rows
        return data
