"""Exports of the bases of mentees and mentors (domain §7) and the list of consents still to collect.

The bases are written as XLSX in the layout of the methodological templates, or as CSV for the
export buttons of the list pages. An organisation may choose and order the columns
(``BaseColumnSet``); without a choice every column of the catalogue is written.

Personal data: a person without a valid consent to personal data processing is never written by
name, only counted in the closing row; anonymised people (who withdrew their consent) are counted
the same way. The registry records every run and every download in the audit trail.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any, ClassVar

from django import forms
from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from mentoring.models import Organization, Programme, Role
from mentoring.typing_helpers import StrOrPromise
from participants.ages import age_on, needs_representative
from participants.models import (
    SPECIAL_CATEGORIES,
    ConsentRule,
    MenteeProfile,
    MentorProfile,
    Person,
    ProfileStatus,
)
from participants.selectors import PeopleFilters, mentees, mentors, missing_consents
from participants.services import consent_rule

from ..models import BaseColumnSet, BaseKind
from ..registry import (
    CSV,
    PDF,
    XLSX,
    GeneratedFile,
    ReportContext,
    ReportError,
    ReportOptionsForm,
    TableReport,
    registry,
    render_table,
)
from ..tables import Table, TableSection

MANAGERS = frozenset({Role.ADMINISTRATOR, Role.CURATOR})
MAJORITY_AGE = 18


# --- The column catalogue ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Pairing:
    """One pair or group a person of the base belongs to this year, seen from that person."""

    form: str
    start: date | None
    end: date | None
    results: str
    partners: tuple[Person, ...]  # the other side: mentors of a mentee, mentees of a mentor
    case_urls: tuple[str, ...]


@dataclass(frozen=True)
class ExportContext:
    """What a column may need besides the profile: computed once per export."""

    organization: Organization
    today: date
    pairings: dict[int, list[Pairing]] = field(default_factory=dict)

    def of(self, profile: Any) -> list[Pairing]:
        return self.pairings.get(profile.person_id, [])


def pairings_for(programme: Programme) -> dict[int, list[Pairing]]:
    """Every person's pairs of the year (not the proposals), in three queries for the whole base."""
    from monitoring.models import Case
    from pairing.models import GroupMember, MentoringGroup

    members = list(
        GroupMember.objects.filter(
            group__programme=programme,
            group__status__in=[
                MentoringGroup.Status.ACTIVE,
                MentoringGroup.Status.COMPLETED,
                MentoringGroup.Status.TERMINATED,
            ],
        )
        .select_related("group__form", "person__partner")
        .order_by("group__start_date", "group_id", "role", "person__last_name")
    )
    cases: dict[int, list[str]] = {}
    base = settings.SITE_URL.rstrip("/")
    kwargs = {"org": programme.organization.slug, "year": programme.academic_year.start_year}
    for case_id, group_id in Case.objects.filter(programme=programme, group__isnull=False).values_list(
        "pk", "group_id"
    ):
        cases.setdefault(group_id, []).append(
            base + reverse("monitoring:case_detail", kwargs={**kwargs, "case": case_id})
        )
    by_group: dict[int, list] = {}
    for member in members:
        by_group.setdefault(member.group_id, []).append(member)
    result: dict[int, list[Pairing]] = {}
    for group_members in by_group.values():
        group = group_members[0].group
        for member in group_members:
            others = tuple(
                other.person
                for other in group_members
                if other.role != member.role and other.person.anonymised_at is None
            )
            result.setdefault(member.person_id, []).append(
                Pairing(
                    form=group.form.name,
                    start=group.start_date,
                    end=group.closed_on or group.planned_end_date,
                    results=group.results,
                    partners=others,
                    case_urls=tuple(cases.get(group.pk, ())),
                )
            )
    return result


@dataclass(frozen=True)
class Column:
    key: str
    header: StrOrPromise
    value: Callable[[Any, ExportContext], Any]


def _unique(values: Iterable[str]) -> str:
    return "; ".join(dict.fromkeys(value for value in values if value))


def _partner_names(profile: Any, context: ExportContext) -> str:
    return _unique(person.full_name for pairing in context.of(profile) for person in pairing.partners)


def _partner_workplaces(profile: Any, context: ExportContext) -> str:
    return _unique(
        person_workplace(person, context) for pairing in context.of(profile) for person in pairing.partners
    )


def _forms(profile: Any, context: ExportContext) -> str:
    return _unique(pairing.form for pairing in context.of(profile))


def _start(profile: Any, context: ExportContext) -> date | None:
    starts = [pairing.start for pairing in context.of(profile) if pairing.start]
    return profile.entry_date or (min(starts) if starts else None)


def _end(profile: Any, context: ExportContext) -> date | None:
    ends = [pairing.end for pairing in context.of(profile) if pairing.end]
    return profile.exit_date or (max(ends) if ends else None)


def _results(profile: Any, context: ExportContext) -> str:
    return profile.results or _unique(pairing.results for pairing in context.of(profile))


def _case_links(profile: Any, context: ExportContext) -> str:
    return _unique(url for pairing in context.of(profile) for url in pairing.case_urls)


def person_workplace(person: Person, context: ExportContext) -> str:
    """Where a person works or studies: their own entry, their partner organisation, else this organisation."""
    if person.kind in Person.LEARNER_KINDS and person.group_name:
        return f"{context.organization.short_name}, {person.group_name}"
    return (
        person.workplace or (person.partner.name if person.partner else "") or context.organization.short_name
    )


def _year_class(profile: Any) -> str:
    """The class in the exported year (``participants.selectors.year_class``), else the current one."""
    return getattr(profile, "year_group", None) or profile.person.group_name


def _is_minor(person: Person, today: date) -> bool:
    if person.birth_date:
        return age_on(person.birth_date, today) < MAJORITY_AGE
    return person.kind == Person.Kind.PUPIL


def _phone(phone: str) -> str:
    return gettext("phone %(phone)s") % {"phone": phone}


def own_contacts(person: Person) -> str:
    parts = [_phone(person.phone)] if person.phone else []
    if person.email:
        parts.append(person.email)
    return ", ".join(parts)


def contacts(person: Person, today: date) -> str:
    """A minor's parent («Родитель: …, тел. …»), or the person's own phone and e-mail.

    A minor without a recorded parent keeps their own contacts rather than an empty cell.
    """
    if _is_minor(person, today) and (person.guardian_name or person.guardian_phone):
        return gettext("Parent: %(contacts)s") % {"contacts": parent_contacts(person)}
    return own_contacts(person)


def parent_contacts(person: Person) -> str:
    """«Иванова О.П., тел. +7 …»: the phone after a word, so that the cell never starts with «+»."""
    parts = [person.guardian_name] if person.guardian_name else []
    if person.guardian_phone:
        parts.append(_phone(person.guardian_phone))
    return ", ".join(parts)


def _joined(values: Iterable[Any]) -> str:
    return "; ".join(str(value).strip() for value in values or [] if str(value).strip())


def _mentor_workplace(profile: MentorProfile, context: ExportContext) -> str:
    person = profile.person
    partner = profile.partner or person.partner
    return person.workplace or (partner.name if partner else "") or context.organization.short_name


def _training(profile: MentorProfile, context: ExportContext) -> str:
    if not profile.training_done:
        return gettext("not completed")
    if profile.training_date:
        text = gettext("completed on %(date)s") % {"date": profile.training_date.strftime("%d.%m.%Y")}
    else:
        text = gettext("completed")
    return f"{text} ({profile.training_name})" if profile.training_name else text


MENTEE_COLUMNS: tuple[Column, ...] = (
    Column("full_name", _("Mentee's full name"), lambda p, c: p.person.full_name),
    Column("contacts", _("Contacts (a parent's for minors)"), lambda p, c: contacts(p.person, c.today)),
    Column("group", _("Class or group"), lambda p, c: _year_class(p)),
    Column("requests", _("Key requests of the mentee"), lambda p, c: _joined(p.requests)),
    Column("request_text", _("Request in the mentee's words"), lambda p, c: p.request_text),
    Column("categories", _("Special categories"), lambda p, c: ", ".join(p.categories)),
    Column("mentor_name", _("Mentor's full name"), _partner_names),
    Column("mentor_workplace", _("Mentor's place of work or study"), _partner_workplaces),
    Column("form", _("Form of mentoring"), _forms),
    Column("place", _("Place of the mentoring programme"), lambda p, c: c.organization.short_name),
    Column("start_date", _("Programme start date"), _start),
    Column("end_date", _("Programme end date"), _end),
    Column("results", _("Programme results"), _results),
    Column("case_link", _("Link to a case or review"), _case_links),
)

MENTOR_COLUMNS: tuple[Column, ...] = (
    Column("full_name", _("Mentor's full name"), lambda p, c: p.person.full_name),
    Column("contacts", _("Contacts"), lambda p, c: contacts(p.person, c.today)),
    Column("workplace", _("Place of work or study"), _mentor_workplace),
    Column("group", _("Class or group"), lambda p, c: _year_class(p)),
    Column(
        "position",
        _("Position, subject"),
        lambda p, c: ", ".join(part for part in (p.person.position, p.person.subject) if part),
    ),
    Column("competencies", _("Key competencies"), lambda p, c: _joined(p.competencies)),
    Column("achievements", _("Achievements important for the programme"), lambda p, c: p.achievements),
    Column("interests", _("Interests"), lambda p, c: _joined(p.interests)),
    Column("preferred_grades", _("Preferred age or grades of mentees"), lambda p, c: p.preferred_grades),
    Column("capacity", _("Mentees at most"), lambda p, c: p.capacity),
    Column("training", _("Training"), _training),
    Column("mentee_names", _("Mentees' full names"), _partner_names),
    Column("form", _("Form of mentoring"), _forms),
    Column("start_date", _("Programme start date"), _start),
    Column("end_date", _("Programme end date"), _end),
    Column("results", _("Programme results"), _results),
    Column("case_link", _("Link to a case or review"), _case_links),
)

CATALOGUES: dict[str, tuple[Column, ...]] = {
    BaseKind.MENTEES: MENTEE_COLUMNS,
    BaseKind.MENTORS: MENTOR_COLUMNS,
}


def catalogue(kind: str) -> tuple[Column, ...]:
    """Every column a base may have, in the default order; empty for an unknown kind."""
    return CATALOGUES.get(kind, ())


def selected_columns(organization: Organization, kind: str) -> list[Column]:
    """The organisation's columns in its order; the whole catalogue when it chose none."""
    saved = (
        BaseColumnSet.objects.filter(organization=organization, kind=kind)
        .values_list("columns", flat=True)
        .first()
    )
    by_key = {column.key: column for column in catalogue(kind)}
    chosen = [by_key[key] for key in saved or [] if key in by_key]
    return chosen or list(catalogue(kind))


# --- Options: the filters of the list pages ---------------------------------------------------------

ANY = ("", _("Any"))


class BaseExportOptionsForm(ReportOptionsForm):
    """The filters of the list page, with its names and labels: a list page posts its current filters."""

    q = forms.CharField(
        label=_("Search"), required=False, max_length=100, help_text=_("Full name, class or e-mail.")
    )
    group = forms.CharField(label=_("Class or group"), required=False, max_length=32)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("Anyone")), *Person.Kind.choices]
    )
    consent = forms.ChoiceField(
        label=_("Consent"),
        required=False,
        choices=[ANY, ("valid", _("Given")), ("missing", _("Missing"))],
    )
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[ANY, *ProfileStatus.choices])
    paired = forms.ChoiceField(
        label=_("Pair"), required=False, choices=[ANY, ("yes", _("In a pair")), ("no", _("Without a pair"))]
    )


class MenteeBaseOptionsForm(BaseExportOptionsForm):
    category = forms.ChoiceField(label=_("Category"), required=False, choices=[ANY, *SPECIAL_CATEGORIES])


class MentorBaseOptionsForm(BaseExportOptionsForm):
    training = forms.ChoiceField(
        label=_("Training"),
        required=False,
        choices=[ANY, ("done", _("Completed")), ("not_done", _("Not completed"))],
    )


FILTER_NAMES = tuple(field.name for field in dataclasses.fields(PeopleFilters))


def filters_from_options(options: dict[str, Any]) -> PeopleFilters:
    return PeopleFilters(**{name: str(options.get(name) or "").strip() for name in FILTER_NAMES})


# --- Writing a table in any format ------------------------------------------------------------------


# --- The bases --------------------------------------------------------------------------------------


class BaseExport(TableReport):
    """One base as a table: the organisation's columns, the filtered people with a valid consent."""

    kind: ClassVar[str]
    roles = MANAGERS
    formats = (XLSX, CSV)
    contains_personal_data = True
    landscape = True

    def profiles(self, programme: Programme, filters: PeopleFilters) -> QuerySet:
        raise NotImplementedError

    def anonymised_count(self, programme: Programme, filters: PeopleFilters) -> int:
        """Anonymised people of the base that the filters would select by what is left of them."""
        if filters.q or filters.consent == "valid":
            return 0  # no name is left to search, and nobody anonymised has a valid consent
        model = MenteeProfile if self.kind == BaseKind.MENTEES else MentorProfile
        queryset = model.objects.filter(programme=programme, person__anonymised_at__isnull=False)
        if filters.group:
            queryset = queryset.filter(person__group_name__iexact=filters.group)
        if filters.kind:
            queryset = queryset.filter(person__kind=filters.kind)
        if filters.status:
            queryset = queryset.filter(status=filters.status)
        return self.narrow_anonymised(queryset, filters).count()

    def narrow_anonymised(self, queryset: QuerySet, filters: PeopleFilters) -> QuerySet:
        return queryset

    def filters_text(self, options: dict[str, Any]) -> str:
        """The filters used, in words, so that a partial export says so."""
        fields = self.options_form.base_fields
        parts = []
        for name in FILTER_NAMES:
            value = str(options.get(name) or "").strip()
            if not value or name not in fields:
                continue
            field = fields[name]
            shown = dict(getattr(field, "choices", ())).get(value, value)
            parts.append(f"{field.label}: {shown}")
        return "; ".join(parts)

    def build_table(self, context: ReportContext) -> Table:
        scope = context.scope
        filters = filters_from_options(context.options)
        columns = selected_columns(scope.organization, self.kind)
        export = ExportContext(
            organization=scope.organization,
            today=timezone.localdate(),
            pairings=pairings_for(scope.programme),
        )
        context.progress(10, gettext("Collecting the base"))
        selected = self.profiles(scope.programme, filters)
        rows: list[list[Any] | TableSection] = []
        for profile in selected.filter(has_consent=True):
            rows.append([column.value(profile, export) for column in columns])
        context.progress(60, gettext("Counting the people left out"))
        without_consent = selected.filter(has_consent=False).count()
        anonymised = self.anonymised_count(scope.programme, filters)
        rows.append([])
        rows.append(
            [
                gettext(
                    "Not included: without a valid consent — %(missing)s, withdrew their consent "
                    "(anonymised) — %(anonymised)s"
                )
                % {"missing": without_consent, "anonymised": anonymised}
            ]
        )
        subtitle = self.subtitle(context)
        described = self.filters_text(context.options)
        if described:
            selection = gettext("Selection")  # outside the f-string, so that makemessages (xgettext) sees it
            subtitle = f"{subtitle}. {selection}: {described}"
        return Table(
            title=self.title(context),
            subtitle=subtitle,
            columns=[str(column.header) for column in columns],
            rows=rows,
            landscape=self.landscape,
        )

    def generate(self, context: ReportContext, fmt: str) -> GeneratedFile:
        if fmt not in self.formats:
            raise ReportError(gettext("This report cannot be produced in this format."))
        content = render_table(self.build_table(context), fmt, context)
        return GeneratedFile(filename=self.filename(context, fmt), content=content)


@registry.register
class MenteeBaseReport(BaseExport):
    identifier = "mentee_base"
    name = _("Mentee base")
    description = _(
        "The year's mentees in the layout of the base of mentees, with the columns chosen for the "
        "organisation. Only people with a valid consent to personal data processing are listed; the others "
        "are only counted. Leave the filters empty to export the whole base."
    )
    kind = BaseKind.MENTEES
    options_form = MenteeBaseOptionsForm

    def profiles(self, programme: Programme, filters: PeopleFilters) -> QuerySet:
        return mentees(programme, filters)

    def narrow_anonymised(self, queryset: QuerySet, filters: PeopleFilters) -> QuerySet:
        if filters.category in {field for field, _label in SPECIAL_CATEGORIES}:
            queryset = queryset.filter(**{filters.category: True})
        return queryset


@registry.register
class MentorBaseReport(BaseExport):
    identifier = "mentor_base"
    name = _("Mentor base")
    description = _(
        "The year's mentors in the layout of the base of mentors, with the columns chosen for the "
        "organisation. Only people with a valid consent to personal data processing are listed; the others "
        "are only counted. Leave the filters empty to export the whole base."
    )
    kind = BaseKind.MENTORS
    options_form = MentorBaseOptionsForm

    def profiles(self, programme: Programme, filters: PeopleFilters) -> QuerySet:
        return mentors(programme, filters).select_related("person__partner")

    def narrow_anonymised(self, queryset: QuerySet, filters: PeopleFilters) -> QuerySet:
        if filters.training == "done":
            queryset = queryset.filter(training_done=True)
        elif filters.training == "not_done":
            queryset = queryset.filter(training_done=False)
        return queryset


# --- Who still has to sign a consent ----------------------------------------------------------------


class MissingConsentsOptionsForm(ReportOptionsForm):
    group = forms.CharField(
        label=_("Class or group"),
        required=False,
        max_length=32,
        help_text=_("Leave empty to list every class."),
    )


@registry.register
class MissingConsentsReport(TableReport):
    identifier = "consents_missing"
    name = _("Who needs to sign a consent")
    description = _(
        "Everyone in the year's bases without a valid consent to personal data processing, by class, "
        "with who must sign and the parent to ask: a list for collecting the forms."
    )
    roles = MANAGERS
    formats = (XLSX, PDF)
    contains_personal_data = True
    landscape = True
    options_form = MissingConsentsOptionsForm
    column_widths = [4, 24, 8, 14, 14, 26, 10]

    def columns(self, context: ReportContext) -> list[StrOrPromise]:
        return [
            _("No."),
            _("Full name"),
            _("Class or group"),
            _("Role in the programme"),
            _("A legal representative signs"),
            _("Parent (legal representative), phone"),
            _("Form received"),
        ]

    def rows(self, context: ReportContext) -> Iterator[list[Any]]:
        programme = context.scope.programme
        group = str(context.options.get("group") or "").strip().lower()
        people = [
            person
            for person in missing_consents(programme)
            if not group or person.group_name.lower() == group
        ]
        teenagers_self = consent_rule(context.scope.organization).teenagers == ConsentRule.Teenagers.SELF
        mentee_ids = set(
            MenteeProfile.objects.filter(programme=programme).values_list("person_id", flat=True)
        )
        mentor_ids = set(
            MentorProfile.objects.filter(programme=programme).values_list("person_id", flat=True)
        )
        today = timezone.localdate()
        for number, person in enumerate(people, start=1):
            yield [
                number,
                person.full_name,
                person.group_name,
                self.role(person.pk in mentor_ids, person.pk in mentee_ids),
                self.signer(person, today, teenagers_self),
                parent_contacts(person),
                "",
            ]

    @staticmethod
    def role(is_mentor: bool, is_mentee: bool) -> str:
        if is_mentor and is_mentee:
            return gettext("Mentor and mentee")
        return gettext("Mentor") if is_mentor else gettext("Mentee")

    @staticmethod
    def signer(person: Person, today: date, teenagers_self: bool) -> str:
        if person.birth_date is None and person.kind in Person.LEARNER_KINDS:
            return gettext("Unknown: no birth date")
        return (
            gettext("Yes")
            if needs_representative(person.birth_date, today, teenagers_self)
            else gettext("No")
        )
