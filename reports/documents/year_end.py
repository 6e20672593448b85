"""Documents of the year: the final compendium, certificates and thank-you letters, the plan-approval order.

Every document is an A4 PDF laid out by WeasyPrint from a template under ``templates/reports/``
(DejaVu fonts, which cover Cyrillic and are embedded); the order is also written as an editable
Word document.

Personal data: a certificate is made only for a person with a valid consent to personal data
processing; the compendium prints a photo only while everyone marked on it has a publication
consent, and names of pair members only when they have one.
"""

from __future__ import annotations

import base64
import io
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from django import forms
from django.db.models import Count, Prefetch, Q, Sum
from django.forms.models import ModelChoiceIterator
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from mentoring.access import OVERSIGHT_ROLES
from mentoring.models import Programme, Role
from mentoring.typing_helpers import model_choice_field
from pairing.models import GroupMember, MentoringGroup
from participants.models import MenteeProfile, MentorProfile, Person
from participants.selectors import valid_consent

from .. import declension, layout, writers

if TYPE_CHECKING:
    from monitoring.models import InformationActivity
    from roadmap.models import RoadmapEvent
from ..forms import DATE_INPUT, FilteredOptionsForm, PeriodOptionsForm, period_of
from ..registry import (
    PDF,
    GeneratedFile,
    Report,
    ReportContext,
    ReportError,
    registry,
)

MANAGERS = frozenset({Role.ADMINISTRATOR, Role.CURATOR})
AWARDED_STATUSES = (MentoringGroup.Status.ACTIVE, MentoringGroup.Status.COMPLETED)
COMPENDIUM_ACTIVITY_KINDS = ("common_event", "parent_meeting", "publication")
PHOTO_MAX_PX = 1400


def _organization_header(organization) -> dict[str, str]:
    return {
        "name": organization.name,
        "region": declension.region_line(organization.name, organization.region),
    }


def _head(organization) -> tuple[str, str]:
    return organization.head_position or gettext("Director"), organization.head_name


# --------------------------------------------------------------------------------------------------
# Certificates and thank-you letters


class CertificateKind:
    MERIT = "merit"
    THANKS = "thanks"
    PARTICIPANT = "participant"

    CHOICES = [
        (MERIT, pgettext_lazy("document", "Certificate of merit (Грамота)")),
        (THANKS, _("Letter of thanks (Благодарственное письмо)")),
        (PARTICIPANT, _("Participant's certificate (Сертификат участника)")),
    ]


class Whom:
    MENTORS = "mentors"
    MENTEES = "mentees"
    CHOSEN = "chosen"

    CHOICES = [
        (MENTORS, _("Mentors of pairs active or completed this year")),
        (MENTEES, _("Mentees of pairs active or completed this year")),
        (CHOSEN, _("The people chosen below")),
    ]


def certificate_heading(kind: str) -> str:
    return {
        CertificateKind.MERIT: gettext("CERTIFICATE OF MERIT"),
        CertificateKind.THANKS: gettext("LETTER OF THANKS"),
        CertificateKind.PARTICIPANT: gettext("CERTIFICATE"),
    }[kind]


def certificate_lead(kind: str) -> str:
    """The line above the name; the name stays in the nominative case."""
    return {
        CertificateKind.MERIT: gettext("is awarded to"),
        CertificateKind.THANKS: "",
        CertificateKind.PARTICIPANT: gettext("This certificate confirms that"),
    }[kind]


def certificate_default_text(kind: str, role: str, year: str) -> str:
    """The default wording: one per kind, for a mentor or a mentee."""
    mentor = role == GroupMember.Role.MENTOR
    if kind == CertificateKind.MERIT:
        if mentor:
            return gettext(
                "for conscientious work as a mentor, personal contribution to the development of the mentees "
                "and active participation in the mentoring programme in the %(year)s academic year"
            ) % {"year": year}
        return gettext(
            "for diligence, success and active participation in the mentoring programme in the %(year)s "
            "academic year"
        ) % {"year": year}
    if kind == CertificateKind.THANKS:
        if mentor:
            return gettext(
                "We sincerely thank you for your mentoring work, your patience and the experience you shared "
                "with your mentees in the %(year)s academic year."
            ) % {"year": year}
        return gettext(
            "We sincerely thank you for your active participation in the mentoring programme and the results "
            "you achieved in the %(year)s academic year."
        ) % {"year": year}
    if mentor:
        return gettext("took part in the mentoring programme in the %(year)s academic year as a mentor.") % {
            "year": year
        }
    return gettext("took part in the mentoring programme in the %(year)s academic year as a mentee.") % {
        "year": year
    }


def _participant_label(full_name: str, group_name: str) -> str:
    return f"{full_name}, {group_name}" if group_name else full_name


class _ParticipantChoices(ModelChoiceIterator):
    """The people offered as plain values, not as model instances: a school's year offers a thousand."""

    def __iter__(self) -> Iterator[tuple[Any, Any]]:
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        rows = self.queryset.values_list("pk", "last_name", "first_name", "patronymic", "group_name")
        for pk, *names, group_name in rows.iterator():
            yield pk, _participant_label(" ".join(part for part in names if part), group_name)


class _ParticipantChoiceField(forms.ModelMultipleChoiceField):
    iterator = _ParticipantChoices

    def label_from_instance(self, obj: Person) -> str:
        return _participant_label(obj.full_name, obj.group_name)


def participants_with_consent(programme: Programme):
    """The year's mentors and mentees who have a valid personal-data consent, not anonymised."""
    return (
        Person.objects.filter(
            Q(mentor_profiles__programme=programme) | Q(mentee_profiles__programme=programme),
            anonymised_at__isnull=True,
        )
        .annotate(has_consent=valid_consent("pk"))
        .filter(has_consent=True)
        .distinct()
        .order_by("last_name", "first_name", "patronymic", "pk")
    )


class CertificatesOptionsForm(FilteredOptionsForm):
    kind = forms.ChoiceField(
        label=_("Document"), choices=CertificateKind.CHOICES, initial=CertificateKind.MERIT
    )
    whom = forms.ChoiceField(
        label=_("For whom"), choices=Whom.CHOICES, initial=Whom.MENTORS, widget=forms.RadioSelect
    )
    people = _ParticipantChoiceField(
        label=_("Chosen people"),
        queryset=Person.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Only people with a valid consent to personal data processing are listed."),
    )
    wording = forms.CharField(
        label=_("Wording"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Leave empty for the default text of the document, which differs for mentors and mentees. "
            "The person's name is printed above the text in the nominative case."
        ),
    )
    day = forms.DateField(label=_("Date of the document"), widget=DATE_INPUT)

    field_order = ["kind", "whom", "mentoring_form", "group_name", "people", "wording", "day"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choice_field(self, "people").queryset = participants_with_consent(self.scope.programme)
        self.fields["day"].initial = timezone.localdate()
        self.fields["mentoring_form"].help_text = _(
            "For mentors and mentees of pairs: only pairs of this form."
        )

    def clean_people(self) -> list[Person]:
        return list(self.cleaned_data["people"])

    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        if cleaned.get("whom") == Whom.CHOSEN and not cleaned.get("people"):
            self.add_error("people", _("Choose at least one person."))
        return cleaned


@dataclass
class Certificate:
    name: str
    group_name: str
    text: str
    address: str = ""  # «Уважаемая Ольга Петровна!» — a letter of thanks addresses an adult so


def certificate_people(programme: Programme, options: dict[str, Any]) -> list[tuple[Person, str]]:
    """The people who get a document, with the role their default wording depends on.

    Only people with a valid personal-data consent, never an anonymised one; each person once.
    """
    whom = options.get("whom") or Whom.MENTORS
    form_id = options.get("mentoring_form")
    group_name = options.get("group_name") or ""
    consenting = participants_with_consent(programme)
    if whom in (Whom.MENTORS, Whom.MENTEES):
        role = GroupMember.Role.MENTOR if whom == Whom.MENTORS else GroupMember.Role.MENTEE
        in_pairs = GroupMember.objects.filter(
            group__programme=programme, group__status__in=AWARDED_STATUSES, role=role
        )
        if form_id:
            in_pairs = in_pairs.filter(group__form_id=form_id)
        people = consenting.filter(pk__in=in_pairs.values("person_id"))
        if group_name:
            people = people.filter(group_name=group_name)
        return [(person, role) for person in people]
    chosen = consenting.filter(pk__in=[int(pk) for pk in options.get("people") or []])
    if group_name:
        chosen = chosen.filter(group_name=group_name)
    mentors = set(
        MentorProfile.objects.filter(programme=programme, person__in=chosen).values_list(
            "person_id", flat=True
        )
    )
    return [
        (person, GroupMember.Role.MENTOR if person.pk in mentors else GroupMember.Role.MENTEE)
        for person in chosen
    ]


@registry.register
class CertificatesReport(Report):
    identifier = "certificates"
    theme = "documents"
    name = _("Certificates and thank-you letters")
    description = _(
        "Грамоты, благодарственные письма or participants' certificates for the mentors or mentees of the year, "
        "or for people you choose: one A4 page per person in a printable frame, with the organisation's name, "
        "the director's signature line and «М.П.». People without a consent to personal data processing are "
        "left out."
    )
    roles = MANAGERS
    formats = (PDF,)
    contains_personal_data = True
    options_form = CertificatesOptionsForm

    def generate(self, context: ReportContext, fmt: str) -> GeneratedFile:
        if fmt != PDF:
            raise ReportError(gettext("This report cannot be produced in this format."))
        scope = context.scope
        options = context.options
        kind = options.get("kind") or CertificateKind.MERIT
        if kind not in dict(CertificateKind.CHOICES):
            raise ReportError(gettext("Unknown kind of document."))
        context.progress(10, gettext("Collecting the people"))
        people = certificate_people(scope.programme, options)
        if not people:
            raise ReportError(
                gettext("Nobody matches the choice (people without a personal-data consent are left out).")
            )
        year = scope.programme.academic_year.label
        wording = (options.get("wording") or "").strip()
        certificates = [
            Certificate(
                name=person.full_name,
                group_name=person.group_name,
                text=wording or certificate_default_text(kind, role, year),
                address=declension.dear(person.first_name, person.patronymic, person.sex)
                if kind == CertificateKind.THANKS
                and person.first_name
                and person.kind not in Person.LEARNER_KINDS
                else "",
            )
            for person, role in people
        ]
        day = date.fromisoformat(options["day"]) if options.get("day") else timezone.localdate()
        head_position, head_name = _head(scope.organization)
        context.progress(40, gettext("Laying out the PDF"))
        html = render_to_string(
            "reports/certificates.html",
            {
                "organization": _organization_header(scope.organization),
                "heading": certificate_heading(kind),
                "lead": certificate_lead(kind),
                "kind": kind,
                "certificates": certificates,
                "day": day,
                "head_position": head_position,
                "head_name": head_name,
            },
        )
        content = writers.render_pdf(html)
        return GeneratedFile(filename=self.filename(context, fmt), content=content)


# --------------------------------------------------------------------------------------------------
# The plans an order approving individual plans lists


def plans_for_order(programme: Programme, options: dict[str, Any]):
    """The individual plans of the year's open or completed pairs, oldest pair first."""
    from monitoring.models import IndividualPlan

    plans = (
        IndividualPlan.objects.filter(
            group__programme=programme,
            group__status__in=(*MentoringGroup.OPEN_STATUSES, MentoringGroup.Status.COMPLETED),
        )
        .select_related("group__form", "group__role_model")
        .prefetch_related(
            Prefetch(
                "group__members",
                queryset=GroupMember.objects.select_related("person").order_by(
                    "-role", "person__last_name", "pk"
                ),
            )
        )
        .order_by("group__created_at", "group_id")
    )
    if not options.get("include_approved"):
        plans = plans.filter(order_number="")
    if options.get("mentoring_form"):
        plans = plans.filter(group__form_id=options["mentoring_form"])
    if options.get("group_name"):
        plans = plans.filter(group__members__person__group_name=options["group_name"]).distinct()
    return list(plans)


# --------------------------------------------------------------------------------------------------
# The final compendium


class CompendiumOptionsForm(PeriodOptionsForm):
    include_photos = forms.BooleanField(
        label=_("Print the photos of the cases"),
        required=False,
        initial=True,
        help_text=_("Only photos on which everyone marked has a publication consent."),
    )


@dataclass
class Figure:
    label: str
    value: int
    out_of: int | None = None  # «12 / 40» for a part of a whole

    @property
    def shown(self) -> str:
        return f"{self.value} / {self.out_of}" if self.out_of else str(self.value)


def added_figures(lists: list[list[Figure]]) -> list[Figure]:
    """The same figures of several schools added up (parts and wholes separately)."""
    if not lists:
        return []
    result = []
    for index, first in enumerate(lists[0]):
        values = [figures[index] for figures in lists]
        wholes = [figure.out_of for figure in values if figure.out_of is not None]
        result.append(
            Figure(first.label, sum(figure.value for figure in values), sum(wholes) if wholes else None)
        )
    return result


@dataclass
class CompendiumCase:
    title: str
    form: str
    members: list[str]
    story: str
    photos: list[dict[str, str]] = field(default_factory=list)
    left_out: int = 0
    organization: str = ""


def year_figures(programme: Programme, start: date, end: date) -> list[Figure]:
    """Results of the year in numbers, each a plain count of our own data."""
    from monitoring.models import InformationActivity, Meeting
    from participants.participation import Period
    from roadmap.models import RoadmapEvent

    # who took part in the compendium's period, by the one participation rule (participation.py)
    period = {programme.pk: Period(start, end)}
    mentors = MentorProfile.objects.taking_part_in_periods(period).count()
    mentees = MenteeProfile.objects.taking_part_in_periods(period).count()
    in_pairs = dict(
        GroupMember.objects.filter(group__programme=programme, group__status__in=AWARDED_STATUSES)
        .values("role")
        .annotate(people=Count("person", distinct=True))
        .values_list("role", "people")
    )
    groups = dict(
        MentoringGroup.objects.filter(programme=programme)
        .values("status")
        .annotate(count=Count("pk"))
        .values_list("status", "count")
    )
    meetings = Meeting.objects.filter(group__programme=programme, date__range=(start, end)).aggregate(
        count=Count("pk"), pairs=Count("group", distinct=True)
    )
    events = dict(
        RoadmapEvent.objects.filter(programme=programme)
        .values("status")
        .annotate(count=Count("pk"))
        .values_list("status", "count")
    )
    activities = InformationActivity.objects.filter(programme=programme, date__range=(start, end)).aggregate(
        count=Count("pk"), people=Sum("attendance")
    )
    events_total = sum(events.values())
    return [
        Figure(gettext("Mentors in the base"), mentors),
        Figure(gettext("Mentees in the base"), mentees),
        Figure(gettext("Mentors working in pairs (groups)"), in_pairs.get(GroupMember.Role.MENTOR, 0)),
        Figure(gettext("Mentees in pairs (groups)"), in_pairs.get(GroupMember.Role.MENTEE, 0)),
        Figure(gettext("Pairs (groups) active"), groups.get(MentoringGroup.Status.ACTIVE, 0)),
        Figure(gettext("Pairs (groups) completed"), groups.get(MentoringGroup.Status.COMPLETED, 0)),
        Figure(gettext("Pairs (groups) terminated early"), groups.get(MentoringGroup.Status.TERMINATED, 0)),
        Figure(gettext("Meetings of pairs held"), meetings["count"]),
        Figure(gettext("Pairs that met at least once"), meetings["pairs"]),
        Figure(gettext("Roadmap events done"), events.get("done", 0), events_total or None),
        Figure(gettext("Information campaign: entries"), activities["count"]),
        Figure(gettext("Information campaign: people reached"), activities["people"] or 0),
    ]


@dataclass(frozen=True)
class CompendiumActivity:
    """A common event, parent meeting or publication as the compendium lists it; an authority's
    compendium names the school that held it."""

    activity: InformationActivity
    organization_name: str = ""


def compendium_materials(
    programme: Programme, start: date, end: date
) -> tuple[list[InformationActivity], list[RoadmapEvent]]:
    """The common events, parent meetings and publications, and the roadmap events done with evidence."""
    from monitoring.models import InformationActivity
    from roadmap.models import RoadmapEvent

    activities = list(
        InformationActivity.objects.filter(
            programme=programme, kind__in=COMPENDIUM_ACTIVITY_KINDS, date__range=(start, end)
        ).order_by("date", "pk")
    )
    events = list(
        RoadmapEvent.objects.filter(programme=programme, status=RoadmapEvent.Status.DONE)
        .filter(Q(completed_on__isnull=True) | Q(completed_on__range=(start, end)))
        .prefetch_related("evidence")
        .order_by("section__position", "section_id", "position", "pk")
    )
    return activities, events


def evidence_lines(event) -> list[str]:
    """What proves an event was done: document references, links and file names."""
    lines = []
    for item in event.evidence.all():
        parts = [part for part in (item.reference, item.url, item.filename) if part]
        if parts:
            lines.append(" · ".join(parts))
    return lines


def _photo_data_uri(photo) -> str | None:
    """The photo shrunk to a print size and embedded in the PDF; None when the file is unreadable."""
    from PIL import Image, UnidentifiedImageError

    try:
        with photo.image.open("rb") as handle, Image.open(handle) as image:
            image.thumbnail((PHOTO_MAX_PX, PHOTO_MAX_PX))
            if image.mode not in ("RGB", "L"):
                background = Image.new("RGB", image.size, "white")
                rgba = image.convert("RGBA")
                background.paste(rgba, mask=rgba.split()[-1])
                printable: Image.Image = background
            else:
                printable = image
            buffer = io.BytesIO()
            printable.convert("RGB").save(buffer, format="JPEG", quality=82)
    except (OSError, UnidentifiedImageError, ValueError):
        return None
    return "data:image/jpeg;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _unpublishable_names(view, *, adults_only: bool = False) -> Callable[[str], str]:
    """Blank out, in the case's own texts, the names of its pair's members without a publication consent
    (and, for a municipal compendium, the names of every child or student of the pair).

    The compendium is made for publication (and goes to the authority above): a story that says «Мария
    Иванова победила» must not name her unless she (or her parent) allowed it.
    """
    from mentoring.names import NameMatcher

    publishable = {
        person.pk
        for person in view.publishable_members
        if not adults_only or person.kind not in Person.LEARNER_KINDS
    }
    matchers = [
        matcher
        for person in view.mentors + view.mentees
        if person.pk not in publishable
        and (
            matcher := NameMatcher.for_name(
                person.last_name, person.first_name, person.patronymic, loose=True
            )
        )
        is not None
    ]
    placeholder = gettext("[name hidden]")

    def clean(text: str) -> str:
        for matcher in matchers:
            text = matcher.replace(text or "", placeholder)
        return text

    return clean


def compendium_cases(
    programme: Programme, *, include_photos: bool, adults_only: bool = False
) -> list[CompendiumCase]:
    """The cases of the year; names only of members with a publication consent, and for a municipal
    compendium (``adults_only``) never a child's or a student's name."""
    from monitoring.cases.selectors import case_list

    result = []
    for view in case_list(programme):
        clean = _unpublishable_names(view, adults_only=adults_only)
        photos = []
        if include_photos:
            for verdict in view.printable_photos:
                uri = _photo_data_uri(verdict.photo)
                if uri:
                    photos.append({"src": uri, "caption": clean(verdict.photo.caption)})
        case = view.case
        result.append(
            CompendiumCase(
                title=clean(case.title),
                form=case.form.name if case.form else (case.group.form.name if case.group else ""),
                members=[
                    person.full_name
                    for person in view.publishable_members
                    if not adults_only or person.kind not in Person.LEARNER_KINDS
                ],
                story=clean(case.story),
                photos=photos,
                left_out=len(view.left_out),
                organization=programme.organization.short_name if adults_only else "",
            )
        )
    return result


@registry.register
class FinalCompendiumReport(Report):
    identifier = "final_compendium"
    theme = "documents"
    name = _("Final compendium of the year")
    description = _(
        "Итоговый сборник: a title page, the results of the year in numbers, the materials of the common events "
        "(events, parent meetings, publications and the roadmap events done with their evidence) and the best "
        "practices — the cases with their stories and the photos allowed for publication."
    )
    roles = frozenset({Role.ADMINISTRATOR, Role.CURATOR, *OVERSIGHT_ROLES})
    formats = (PDF,)
    contains_personal_data = True
    for_publication = True  # names and photos only of the people with a publication consent
    options_form = CompendiumOptionsForm

    def generate(self, context: ReportContext, fmt: str) -> GeneratedFile:
        if fmt != PDF:
            raise ReportError(gettext("This report cannot be produced in this format."))
        scope = context.scope
        programme = scope.programme
        start, end = period_of(context.options, programme)
        include_photos = bool(context.options.get("include_photos", True))
        context.progress(10, gettext("Counting the results of the year"))
        schools: list[list] = []
        if scope.organization.is_oversight_body:
            # the authority's schools: their figures added up and by school, their events and cases
            from ..statistics.selectors import programmes_in_scope

            programmes = programmes_in_scope(scope)
            if not programmes:
                raise ReportError(gettext("There are no schools with a programme in this academic year."))
            per_school = [year_figures(child, start, end) for child in programmes]
            figures = added_figures(per_school)
            for child, child_figures in zip(programmes, per_school, strict=True):
                shown = {figure.label: figure for figure in child_figures}
                schools.append(
                    [child.organization.short_name or child.organization.name]
                    + [shown[label].shown for label in school_figure_labels()]
                )
            activities: list[CompendiumActivity] = []
            for child in programmes:
                child_activities, _events = compendium_materials(child, start, end)
                activities.extend(
                    CompendiumActivity(activity, child.organization.short_name)
                    for activity in child_activities
                )
            activities.sort(key=lambda row: (row.activity.date, row.activity.pk))
            events: list[RoadmapEvent] = []
            context.progress(30, gettext("Collecting the best practices"))
            cases = [
                case
                for child in programmes
                for case in compendium_cases(child, include_photos=include_photos, adults_only=True)
            ]
        else:
            figures = year_figures(programme, start, end)
            own_activities, events = compendium_materials(programme, start, end)
            activities = [CompendiumActivity(activity) for activity in own_activities]
            context.progress(30, gettext("Collecting the best practices"))
            cases = compendium_cases(programme, include_photos=include_photos)
        activity_kinds = Counter(row.activity.kind for row in activities)
        context.progress(60, gettext("Laying out the PDF"))
        head_position, head_name = _head(scope.organization)
        html = render_to_string(
            "reports/final_compendium.html",
            {
                "organization": _organization_header(scope.organization),
                "municipal": scope.organization.is_oversight_body,
                "year": programme.academic_year.label,
                "start": start,
                "end": end,
                "figures": figures,
                "school_columns": [gettext("Organisation"), *school_figure_labels()],
                "school_fit": layout.fit([gettext("Organisation"), *school_figure_labels()], schools),
                "schools": schools,
                "activities": activities,
                "activity_kinds": activity_kinds,
                "events": [{"event": event, "evidence": evidence_lines(event)} for event in events],
                "cases": cases,
                "head_position": head_position,
                "head_name": head_name,
                "generated_at": timezone.localtime(),
            },
        )
        return GeneratedFile(filename=self.filename(context, fmt), content=writers.render_pdf(html))


def school_figure_labels() -> list[str]:
    """The figures of a school shown in the municipal compendium's table by school."""
    return [
        gettext("Mentors working in pairs (groups)"),
        gettext("Mentees in pairs (groups)"),
        gettext("Pairs (groups) active"),
        gettext("Pairs (groups) completed"),
        gettext("Meetings of pairs held"),
        gettext("Roadmap events done"),
    ]
