"""django-import-export resources of the two bases: one row is a person with their profile of the year.

They read and write the same columns as the curator's import (``importing.py``: the same Russian
headers, the same value parsers, the same matching — the «ID» column, else full name + birth date
within the organisation), through django-import-export's ordinary, row-by-row path. They serve the
admin's import/export and the benchmark that compares that default path with ``importing.import_save``.

A resource works on one programme (organisation + academic year), given as ``programme=``; exporting
without one lists every programme's profiles (the admin's export).
"""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import resources, widgets
from import_export.fields import Field

from mentoring.models import Programme

from .importing import (
    COMMON_COLUMNS,
    DEFAULT_KIND,
    KIND_LABELS,
    MENTEE_COLUMNS,
    MENTEES,
    MENTOR_COLUMNS,
    MENTORS,
    QUALIFICATION_LABELS,
    CellProblem,
    Column,
    header_key,
    max_length_of,
    parse_birth_date,
    parse_external_id,
    parse_text,
    partner_key,
)
from .models import MenteeProfile, MentorProfile, PartnerOrganization, Person, search_text_for

FORMULA_START = ("=", "+", "-", "@")
SEX_LABELS = {Person.Sex.MALE: "мужской", Person.Sex.FEMALE: "женский"}


_HARMLESS = re.compile(r"[+\-]?[\d\s().+\-]*")  # «+7 (900) 000-00-00»: no function to call


def _escape(text: str) -> str:
    """A cell that a spreadsheet would run as a formula is written with a leading apostrophe."""
    if text.startswith(FORMULA_START) and not _HARMLESS.fullmatch(text):
        return f"'{text}"
    return text


class ColumnWidget(widgets.Widget):
    """Reads a cell with the import's parser of the column; renders the value as the template writes it."""

    def __init__(self, column: Column) -> None:
        super().__init__()
        self.column = column

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> Any:
        try:
            parsed = self.column.parse(value)
        except CellProblem as problem:
            raise ValueError(str(problem)) from None
        if self.column.key == "external_id" and not parsed:
            return None  # an empty id never removes the one the person has
        return parsed

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> Any:
        key = self.column.key
        if value is None or value == "":
            return ""
        if key in ("birth_date", "entry_date", "exit_date", "training_date"):
            return value.strftime("%d.%m.%Y")
        if isinstance(value, bool):
            return "да" if value else "нет"
        if isinstance(value, list):
            return _escape("; ".join(str(item) for item in value))
        if key == "kind":
            return KIND_LABELS.get(value, value)
        if key == "sex":
            return SEX_LABELS.get(value, value)
        if key == "qualification":
            return QUALIFICATION_LABELS.get(value, value)
        if isinstance(value, int):
            return value
        return _escape(str(value))


class PartnerWidget(widgets.Widget):
    """A partner organisation by name, among the programme's organisation's partners."""

    def __init__(self, organization_id: int | None = None) -> None:
        super().__init__()
        self.organization_id = organization_id
        self._partners: dict[str, PartnerOrganization] | None = None

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> PartnerOrganization | None:
        name = parse_text(value, max_length_of(PartnerOrganization, "name"))
        if not name:
            return None
        if self._partners is None:
            partners = (
                PartnerOrganization.objects.none()
                if self.organization_id is None
                else PartnerOrganization.objects.filter(organization_id=self.organization_id)
            )
            self._partners = {partner_key(partner.name): partner for partner in partners}
        found = self._partners.get(partner_key(name))
        if found is None:
            raise ValueError(
                _(
                    "the partner organisation «%(value)s» is not among the organisation's partners: "
                    "add it to the partners first or correct the name."
                )
                % {"value": name}
            )
        return found

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        return _escape(value.name) if value is not None else ""


def _field(column: Column) -> Field:
    if column.key == "partner_id":
        return Field(attribute="partner", column_name=column.header, widget=PartnerWidget())
    attribute = f"person__{column.key}" if column in COMMON_COLUMNS else column.key
    return Field(
        attribute=attribute,
        column_name=column.header,
        widget=ColumnWidget(column),
        # these cannot be empty in the base: an empty cell keeps the value
        saves_null_values=column.key not in ("kind", "capacity", "external_id"),
    )


def _field_name(column: Column) -> str:
    return "partner" if column.key == "partner_id" else column.key


class ParticipantResource(resources.ModelResource):
    """The common behaviour; see :class:`MenteeResource` and :class:`MentorResource`."""

    base = ""  # MENTEES or MENTORS

    def __init__(self, programme: Programme | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.programme = programme
        if "partner" in self.fields:
            self.fields["partner"].widget = PartnerWidget(programme.organization_id if programme else None)

    # --- export ---

    def get_queryset(self):
        queryset = self._meta.model.objects.select_related("person", "programme__academic_year")
        if self.base == MENTORS:
            queryset = queryset.select_related("partner")
        if self.programme is not None:
            queryset = queryset.filter(programme=self.programme)
        return queryset.filter(person__anonymised_at__isnull=True).order_by(
            "person__last_name", "person__first_name", "person__patronymic", "pk"
        )

    # --- import ---

    def before_import(self, dataset, **kwargs: Any) -> None:
        if self.programme is None:
            raise ValueError(_("Choose the programme (organisation and academic year) to import into."))
        # the headers as the curator writes them: «Фамилия *», «фамилия», «Класс / группа»…
        known = {header_key(field.column_name): field.column_name for field in self.fields.values()}
        dataset.headers = [known.get(header_key(str(header or "")), header) for header in dataset.headers]
        blank = [
            index
            for index, row in enumerate(dataset)
            if all(value is None or (isinstance(value, str) and not value.strip()) for value in row)
        ]
        for index in reversed(blank):
            del dataset[index]

    def _import_programme(self) -> Programme:
        """The programme being imported into (``before_import`` refuses to start without one)."""
        if self.programme is None:
            raise ValueError(_("Choose the programme (organisation and academic year) to import into."))
        return self.programme

    def get_or_init_instance(self, instance_loader, row):
        programme = self._import_programme()
        person = self._find_person(row)
        model = self._meta.model
        if person is not None:
            profile = model.objects.filter(person=person, programme=programme).first()
            if profile is not None:
                profile.person = person
                return profile, False
        else:
            person = Person(organization=programme.organization, kind=DEFAULT_KIND[self.base])
        return model(person=person, programme=programme), True

    def _find_person(self, row) -> Person | None:
        """The organisation's person this row names: by the «ID» column, else by full name + birth date."""
        organization = self._import_programme().organization
        people = Person.objects.filter(organization=organization, anonymised_at__isnull=True)
        try:
            external_id = parse_external_id(row.get("ID"))
            birth_date = parse_birth_date(row.get("Дата рождения"))
        except CellProblem:
            return None  # the field's own validation reports it
        if external_id:
            found = people.filter(external_id=external_id).first()
            if found is not None:
                return found
            people = people.filter(external_id="")
        names = {key: parse_text(row.get(header), 150) for key, header in self._name_headers()}
        if not names["last_name"] or not names["first_name"]:
            return None
        candidates = list(people.filter(birth_date=birth_date, **names)[:2])
        if len(candidates) > 1:
            raise ValidationError(
                {
                    "person__last_name": _(
                        "%(count)s people in the base have this name and birth date: add the «ID» "
                        "column to tell them apart."
                    )
                    % {"count": len(candidates)}
                }
            )
        return candidates[0] if candidates else None

    @staticmethod
    def _name_headers() -> tuple[tuple[str, str], ...]:
        return (("last_name", "Фамилия"), ("first_name", "Имя"), ("patronymic", "Отчество"))

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True) -> None:
        errors = dict(import_validation_errors or {})
        person_errors = [name.removeprefix("person__") for name in errors if name.startswith("person__")]
        try:
            instance.person.full_clean(exclude=person_errors, validate_unique=validate_unique)
        except ValidationError as error:
            errors.update({f"person__{name}": messages for name, messages in error.message_dict.items()})
        try:
            instance.full_clean(exclude=["person", *errors], validate_unique=False)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def before_save_instance(self, instance, row, **kwargs: Any) -> None:
        person = instance.person
        if self.base == MENTORS and instance.partner_id:
            person.partner = instance.partner
        person.search_text = search_text_for(person)
        if self._is_dry_run(kwargs) and not self._is_using_transactions(kwargs):
            return
        person.save()
        instance.person = person


def _resource_class(
    name: str,
    kind: str,
    model: type[MenteeProfile] | type[MentorProfile],
    columns: tuple[Column, ...],
    doc: str,
) -> type[ParticipantResource]:
    attrs: dict[str, Any] = {_field_name(column): _field(column) for column in columns}
    meta = type(
        "Meta",
        (),
        {
            "model": model,
            "fields": tuple(attrs),
            "import_id_fields": ("last_name",),  # the matching itself is get_or_init_instance's
            "skip_unchanged": True,
            "report_skipped": True,
            "clean_model_instances": False,  # validate_instance cleans the person and the profile itself
            "name": gettext_lazy("Mentee base") if kind == MENTEES else gettext_lazy("Mentor base"),
        },
    )
    attrs.update({"Meta": meta, "base": kind, "__module__": __name__, "__doc__": doc})
    # the metaclass of every ModelResource, which turns the Field attributes and Meta into the resource
    return resources.ModelDeclarativeMetaclass(name, (ParticipantResource,), attrs)


MenteeResource = _resource_class(
    "MenteeResource",
    MENTEES,
    MenteeProfile,
    COMMON_COLUMNS + MENTEE_COLUMNS,
    "The mentee base of a programme: a person and their mentee profile per row.",
)
MentorResource = _resource_class(
    "MentorResource",
    MENTORS,
    MentorProfile,
    COMMON_COLUMNS + MENTOR_COLUMNS,
    "The mentor base of a programme: a person and their mentor profile per row.",
)
