"""The import of the two bases (mentees, mentors) from an Excel workbook.

The pipeline, in order:

1. :func:`read_workbook` — file checks by content (empty, old/encrypted OLE file, not a zip, no
   ``xl/workbook.xml``, damaged), then openpyxl in read-only mode with the cached values of formulas.
   The header row is looked for among the first rows of each sheet (the template's reference and
   instruction sheets are skipped).
2. :func:`parse_table` — headers (Russian, any order, case/«ё»/«*» ignored) are mapped to fields,
   every row is validated and every problem is collected as (row number, column header, message).
   No database: the organisation's partners come in as a name → id mapping.
3. :func:`plan_import` — people are matched within the organisation (the «ID» column is
   ``Person.external_id``; otherwise full name + birth date) and every row is classified
   new / updated / unchanged / error. Three queries whatever the size of the file.
4. :func:`import_save` — everything is written in one transaction with ``bulk_create`` /
   ``bulk_update``, and one summary audit row (nothing per row).

The preview between upload and confirmation keeps only a small reference in the session: the
uploaded file and its parsed rows live under ``imports/<token>/`` of the default storage (a shared
volume or a bucket, seen by every host) until the curator confirms or cancels. A confirmed import of
more than :data:`JOB_THRESHOLD_ROWS` rows runs as a job (:func:`import_start_job`,
:func:`import_run_job`) whose file lives under ``imports/<job id>/`` of the default storage.

The column headers and the values of the drop-down lists are the vocabulary of the file, as a school
writes it: they are Russian constants, not translated (like the header words of the roadmap import).
Every message to the curator goes through gettext.
"""

from __future__ import annotations

import io
import json
import logging
import re
import uuid
import warnings as py_warnings
import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

import openpyxl
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import BooleanField, Field, Model, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl.utils import get_column_letter

from mentoring import stored_folders
from mentoring.academic_years import academic_year_bounds
from mentoring.access import Scope, resolve_scope_for_job
from mentoring.models import AuditEvent, Job, Organization, Programme, User
from mentoring.services import (
    audit_record,
    job_claim,
    job_create,
    job_enqueue,
    job_fail,
    job_progress,
    job_succeed,
)

from . import identity
from . import list_reading as lr
from .models import (
    Consent,
    ConsentRule,
    ImportBatch,
    ImportColumnMapping,
    MenteeProfile,
    MentorProfile,
    PartnerOrganization,
    Person,
    PersonClass,
    ProfileStatus,
    search_text_for,
)

if TYPE_CHECKING:
    from uuid import UUID

    from django.contrib.sessions.backends.base import SessionBase

logger = logging.getLogger(__name__)

MENTEES = "mentees"
MENTORS = "mentors"
KINDS = (MENTEES, MENTORS)

MAX_ROWS = 20_000
HEADER_SEARCH_ROWS = 20
JOB_THRESHOLD_ROWS = 500  # a confirmed import of more rows runs as a background job
BATCH_SIZE = 500
DEFAULT_MAX_BYTES = 10 * 2**20
MAX_XML_BYTES = 200 * 2**20  # unpacked XML of the whole workbook: a zip bomb stops here
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

JOB_KIND = "participants_import"
AUDIT_TARGET = "participants.Import"

# The template's own sheets, never read as data.
REFERENCE_SHEET = "Справочники"
INSTRUCTION_SHEET = "Инструкция"
DATA_SHEETS = {MENTEES: "Наставляемые", MENTORS: "Наставники"}

NEW = "new"
UPDATED = "updated"
UNCHANGED = "unchanged"
ERROR = "error"
STATUSES = (NEW, UPDATED, UNCHANGED, ERROR)


def max_upload_bytes() -> int:
    return getattr(settings, "PARTICIPANTS_IMPORT_MAX_BYTES", DEFAULT_MAX_BYTES)


# --------------------------------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------------------------------


class ImportFileError(Exception):
    """The file cannot be imported at all; str(error) is a clear message for the curator."""


class ImportBlocked(Exception):
    """Some rows have errors and the curator did not choose to import only the valid ones."""

    def __init__(self, plan: ImportPlan) -> None:
        self.plan = plan
        super().__init__(
            _(
                "%(count)s rows have errors, so nothing was imported. Correct the file and upload it "
                "again, or choose to import only the rows without errors."
            )
            % {"count": plan.counts[ERROR]}
        )


class CellProblem(Exception):
    """A value that cannot be read; the message completes «Row N, column «X»: …»."""


@dataclass(frozen=True)
class CellError:
    row: int
    column: str
    message: str
    sheet: str = ""  # when the file has several sheets read

    def text(self) -> str:
        values = {"row": self.row, "column": self.column, "message": self.message, "sheet": self.sheet}
        if self.sheet:
            return _("Sheet «%(sheet)s», row %(row)s, column «%(column)s»: %(message)s") % values
        return _("Row %(row)s, column «%(column)s»: %(message)s") % values

    def as_json(self) -> dict[str, Any]:
        found = {"row": self.row, "column": self.column, "message": self.message}
        if self.sheet:
            found["sheet"] = self.sheet
        return found


def message_empty() -> str:
    return _("The file is empty.")


def message_old_or_encrypted() -> str:
    return _(
        "The file is password-protected or saved in the old Excel format (.xls). "
        "Save it as an .xlsx workbook without a password and upload it again."
    )


def message_not_xlsx() -> str:
    return _(
        "Could not read the file: it is not an Excel workbook (.xlsx). "
        "Download the template, fill it in and upload it."
    )


def message_damaged() -> str:
    return _(
        "Could not read the file: the Excel workbook is damaged. Open it in Excel, save it again and upload it."
    )


def message_no_header() -> str:
    return _(
        "The header row was not found: the table needs the columns «%(last)s» and «%(first)s». "
        "Download the template to see the expected columns."
    ) % {"last": "Фамилия", "first": "Имя"}


def message_too_big() -> str:
    return _("The file is too large: at most %(mb)s MB.") % {"mb": max_upload_bytes() // 2**20}


def message_hidden_sheet(sheet: str) -> str:
    return _(
        "The table of people is on the hidden sheet «%(sheet)s», and hidden sheets are not imported. "
        "Show the sheet in Excel (or copy the table to a visible sheet) and upload the file again."
    ) % {"sheet": sheet}


def message_too_many_rows() -> str:
    return _("The file has more than %(count)s rows: split it into several files.") % {"count": MAX_ROWS}


def message_no_rows() -> str:
    return _("The table has no rows with people: fill in the rows under the header.")


# --------------------------------------------------------------------------------------------------
# Reading cells
# --------------------------------------------------------------------------------------------------


def normalise(text: str) -> str:
    """Text for comparing: lower case, «ё» as «е», spaces collapsed."""
    return " ".join(text.replace("\xa0", " ").lower().replace("ё", "е").split())


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def cell_text(value: Any, multiline: bool = False) -> str:
    """A cell as text: numbers without «.0», dates as dd.mm.yyyy, spaces tidied.

    A text cell that starts with «=» stays text. A leading apostrophe that protected such a value on
    export (``mentoring.spreadsheets.safe_cell``) is dropped, so that an exported base imports back unchanged.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "да" if value else "нет"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    text = str(value).replace("\xa0", " ").replace("\r\n", "\n").replace("\r", "\n")
    if multiline:
        lines = (" ".join(line.split()) for line in text.split("\n"))
        text = "\n".join(line for line in lines if line)
    else:
        text = " ".join(text.split())
    if len(text) > 1 and text[0] == "'" and text[1] in "=+-@":
        text = text[1:]
    return text


def max_length_of(model: type[Model], name: str) -> int:
    """The ``max_length`` of a text field of the model: the longest text a cell may give it."""
    field = model._meta.get_field(name)
    if not isinstance(field, Field) or field.max_length is None:
        raise TypeError(f"{model.__name__}.{name} is not a field with a max_length")
    return field.max_length


def parse_text(value: Any, max_length: int, multiline: bool = False) -> str:
    text = cell_text(value, multiline)
    if len(text) > max_length:
        raise CellProblem(_("the text is too long: at most %(max)s characters.") % {"max": max_length})
    return text


MIN_YEAR, MAX_YEAR = 1900, 2100


def _date(value: Any, *, past: bool = False) -> date | None:
    try:
        parsed = lr.parse_date_value(value, timezone.localdate(), past=past)
    except lr.Problem:
        raise CellProblem(_("could not read the date «%(value)s».") % {"value": cell_text(value)}) from None
    if parsed is not None and not MIN_YEAR <= parsed.year <= MAX_YEAR:
        raise CellProblem(_("the date «%(value)s» is out of range.") % {"value": parsed.strftime("%d.%m.%Y")})
    return parsed


def parse_date(value: Any) -> date | None:
    """A date as a school writes it (see ``list_reading.parse_date_value``); None for an empty cell."""
    return _date(value)


def parse_birth_date(value: Any) -> date | None:
    parsed = _date(value, past=True)
    if parsed is not None and parsed > timezone.localdate():
        raise CellProblem(
            _("the birth date «%(value)s» is in the future.") % {"value": parsed.strftime("%d.%m.%Y")}
        )
    return parsed


def _choice_parser(
    mapping: Mapping[str, str], message: Callable[[str], str], empty: Any = ""
) -> Callable[[Any], Any]:
    table = {normalise(key).rstrip("."): code for key, code in mapping.items()}

    def parse(value: Any) -> Any:
        if _is_blank(value):
            return empty
        text = cell_text(value)
        code = table.get(normalise(text).rstrip("."))
        if code is None:
            raise CellProblem(message(text))
        return code

    return parse


# The words a school writes; the first word of each value is what the template's lists offer.
SEX_WORDS = {
    "мужской": Person.Sex.MALE,
    "женский": Person.Sex.FEMALE,
    "м": Person.Sex.MALE,
    "муж": Person.Sex.MALE,
    "ж": Person.Sex.FEMALE,
    "жен": Person.Sex.FEMALE,
}
SEX_CHOICES = ["мужской", "женский"]

KIND_LABELS = {
    Person.Kind.PUPIL: "Обучающийся",
    Person.Kind.COLLEGE_STUDENT: "Студент колледжа",
    Person.Kind.TEACHER: "Педагог",
    Person.Kind.OTHER_STAFF: "Другой сотрудник",
    Person.Kind.PARENT: "Родитель",
    Person.Kind.GRADUATE: "Выпускник",
    Person.Kind.PARTNER_EMPLOYEE: "Сотрудник организации-партнёра",
    Person.Kind.UNIVERSITY_STUDENT: "Студент вуза",
}
KIND_WORDS = {
    **{label: code for code, label in KIND_LABELS.items()},
    **{str(code): code for code in KIND_LABELS},  # the codes, as an export for machines writes them
    "Обучающаяся": Person.Kind.PUPIL,
    "Ученик": Person.Kind.PUPIL,
    "Ученица": Person.Kind.PUPIL,
    "Студентка колледжа": Person.Kind.COLLEGE_STUDENT,
    "Студент СПО": Person.Kind.COLLEGE_STUDENT,
    "Учитель": Person.Kind.TEACHER,
    "Выпускница": Person.Kind.GRADUATE,
    "Студентка вуза": Person.Kind.UNIVERSITY_STUDENT,
    "Студент": Person.Kind.UNIVERSITY_STUDENT,
    "Законный представитель": Person.Kind.PARENT,
    "Родитель (законный представитель)": Person.Kind.PARENT,
    "Мать": Person.Kind.PARENT,
    "Отец": Person.Kind.PARENT,
    "Опекун": Person.Kind.PARENT,
    "Сотрудник": Person.Kind.OTHER_STAFF,
    "Воспитатель": Person.Kind.TEACHER,
    "Сотрудник партнёра": Person.Kind.PARTNER_EMPLOYEE,
    "Партнёр": Person.Kind.PARTNER_EMPLOYEE,
}

QUALIFICATION_LABELS = {
    Person.Category.NONE: "Без категории",
    Person.Category.FIRST: "Первая категория",
    Person.Category.HIGHEST: "Высшая категория",
    Person.Category.PEDAGOGUE_MENTOR: "Педагог-наставник",
    Person.Category.PEDAGOGUE_METHODIST: "Педагог-методист",
}
QUALIFICATION_WORDS = {
    **{label: code for code, label in QUALIFICATION_LABELS.items()},
    "Первая": Person.Category.FIRST,
    "Высшая": Person.Category.HIGHEST,
    "Первая квалификационная категория": Person.Category.FIRST,
    "Высшая квалификационная категория": Person.Category.HIGHEST,
    "Нет": Person.Category.NONE,
    "б/к": Person.Category.NONE,
    "бк": Person.Category.NONE,
    "СЗД": Person.Category.NONE,
    "Соответствие занимаемой должности": Person.Category.NONE,
}

YES_NO_CHOICES = ["да", "нет"]
_YES = {"да", "д", "yes", "y", "+", "1", "true", "истина", "есть"}
_NO = {"нет", "н", "no", "n", "-", "0", "false", "ложь"}

parse_sex = _choice_parser(
    SEX_WORDS, lambda text: _("«%(value)s» is not a sex: write «м» or «ж».") % {"value": text}
)
parse_kind = _choice_parser(
    KIND_WORDS,
    lambda text: _("unknown participant category «%(value)s»: choose one from the list.") % {"value": text},
    empty=None,
)
parse_qualification = _choice_parser(
    QUALIFICATION_WORDS,
    lambda text: _("unknown qualification category «%(value)s»: choose one from the list.") % {"value": text},
)


def parse_yes_no(value: Any) -> bool | None:
    """«да»/«нет»; None for an empty cell, which keeps the value in the base (a new profile: «нет»)."""
    if _is_blank(value):
        return None
    if isinstance(value, bool):
        return value
    text = normalise(cell_text(value)).rstrip(".")
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise CellProblem(_("write «да» or «нет» instead of «%(value)s».") % {"value": cell_text(value)})


_LIST_SPLIT = re.compile(r"[;\n]")


def parse_list(value: Any) -> list[str]:
    """Items separated by «;» or by line breaks."""
    if _is_blank(value):
        return []
    return [
        item
        for item in (" ".join(part.split()) for part in _LIST_SPLIT.split(cell_text(value, True)))
        if item
    ]


def _integer_parser(low: int, high: int) -> Callable[[Any], int | None]:
    def parse(value: Any) -> int | None:
        if _is_blank(value):
            return None
        number: int | None = None
        if isinstance(value, int) and not isinstance(value, bool):
            number = value
        elif isinstance(value, float) and value.is_integer():
            number = int(value)
        elif isinstance(value, str) and value.strip().isdigit():
            number = int(value.strip())
        if number is None:
            raise CellProblem(_("«%(value)s» is not a whole number.") % {"value": cell_text(value)})
        if not low <= number <= high:
            raise CellProblem(_("the number must be from %(min)s to %(max)s.") % {"min": low, "max": high})
        return number

    return parse


def parse_group(value: Any) -> str:
    """«7 «Б»», «7б», «7-Б», «7 Б класс» → «7Б»; a college group as written."""
    return parse_text(lr.normalise_class(value), max_length_of(Person, "group_name"))


class CellWarning(Exception):
    """A value that is read, but worth a look: the row is imported and the preview says why."""

    def __init__(self, value: Any, message: str) -> None:
        super().__init__(message)
        self.value = value


def parse_phone(value: Any) -> str:
    """One or more phones in one format («+7 900 123-45-67»); a number that is not valid is kept and warned."""
    text, valid = lr.normalise_phone(value)
    text = parse_text(text, max_length_of(Person, "phone"))
    if not valid:
        raise CellWarning(
            text, _("«%(value)s» does not look like a phone number: check it.") % {"value": text}
        )
    return text


def parse_special_categories(value: Any) -> dict[str, bool]:
    """«ОВЗ, сирота» → the flags; words not understood are warned."""
    if _is_blank(value):
        return {}
    flags, unknown = lr.special_categories(cell_text(value))
    parsed = dict.fromkeys(sorted(flags), True)
    if unknown:
        raise CellWarning(
            parsed,
            _("the category «%(value)s» is not known and was not imported (known: %(known)s).")
            % {"value": ", ".join(unknown), "known": ", ".join(CATEGORY_HEADERS.values())},
        )
    return parsed


CONSENT_SELF_WORDS = (
    "сам",
    "сама",
    "лично",
    "участник",
    "обучающийся",
    "педагог",
    "наставник",
    "наставляемый",
)
CONSENT_REPRESENTATIVE_WORDS = (
    "законный представитель",
    "представитель",
    "родитель",
    "мать",
    "отец",
    "опекун",
    "попечитель",
)


def parse_consent_by(value: Any) -> str:
    if _is_blank(value):
        return ""
    text = normalise(cell_text(value)).strip(" .")
    if text in CONSENT_SELF_WORDS:
        return Consent.GivenBy.SELF
    if any(text.startswith(word) for word in CONSENT_REPRESENTATIVE_WORDS):
        return Consent.GivenBy.REPRESENTATIVE
    raise CellProblem(
        _("write who signed the consent: «сам» or «законный представитель», not «%(value)s».")
        % {"value": cell_text(value)}
    )


def parse_consent_date(value: Any) -> date | None:
    parsed = parse_date(value)
    if parsed is not None and parsed > timezone.localdate():
        raise CellProblem(_("a consent cannot be dated in the future."))
    return parsed


def parse_email(value: Any) -> str:
    text = parse_text(value, max_length_of(Person, "email"))
    if text:
        try:
            validate_email(text)
        except ValidationError:
            raise CellProblem(_("«%(value)s» is not a valid e-mail address.") % {"value": text}) from None
    return text


_EXPORT_PARENT = re.compile(r"^\s*родитель\s*:\s*", re.IGNORECASE)
_EXPORT_PHONE_WORD = re.compile(r"^\s*тел\.?\s*", re.IGNORECASE)


def parse_contacts(value: Any) -> dict[str, str]:
    """The export's combined contact cell, read back into the fields it was written from.

    «Родитель: Иванова О. П., тел. +7 …» gives the parent's name and phone; «тел. +7 …, a@b.ru»
    gives the person's own phone and e-mail. Only the parts the cell holds are returned, so a
    field the cell does not show is left as it is.
    """
    if _is_blank(value):
        return {}
    text = cell_text(value)
    parent = _EXPORT_PARENT.match(text)
    if parent:
        text = text[parent.end() :]
    names: list[str] = []
    phones: list[str] = []
    emails: list[str] = []
    for part in (part.strip() for part in text.split(",")):
        if not part:
            continue
        if "@" in part:
            emails.append(part)
        elif sum(char.isdigit() for char in part) >= 5:
            phones.append(_EXPORT_PHONE_WORD.sub("", part))
        else:
            names.append(part)
    found: dict[str, str] = {}
    warning: CellWarning | None = None
    if phones:
        try:
            found["guardian_phone" if parent else "phone"] = parse_phone(", ".join(phones))
        except CellWarning as problem:
            found["guardian_phone" if parent else "phone"] = problem.value
            warning = problem
    notes: list[str] = [str(warning)] if warning is not None else []
    if parent and names:
        found["guardian_name"] = _text(Person, "guardian_name")(", ".join(names))
    elif names:
        notes.append(
            _("«%(value)s» is neither a phone nor an e-mail and was not imported.")
            % {"value": ", ".join(names)}
        )
    if emails and parent:
        notes.append(
            _("the system keeps no e-mail of a parent; «%(value)s» was not imported.")
            % {"value": ", ".join(emails)}
        )
    elif emails:
        found["email"] = parse_email(", ".join(emails))
    if notes:
        raise CellWarning(found, " ".join(notes))
    return found


def parse_position_subject(value: Any) -> dict[str, str]:
    """The export's «Должность, предмет»: the position before the first comma, the subject after it."""
    if _is_blank(value):
        return {}
    position, _comma, subject = cell_text(value).partition(",")
    found = {"position": _text(Person, "position")(position)}
    if subject.strip():
        found["subject"] = _text(Person, "subject")(subject)
    return found


def parse_external_id(value: Any) -> str:
    return parse_text(value, max_length_of(Person, "external_id"))


def partner_key(name: str) -> str:
    """A partner's name for matching: case, «ё», quotes and spaces ignored."""
    return normalise(re.sub(r"[«»\"'“”„]", " ", name))


# --------------------------------------------------------------------------------------------------
# Columns
# --------------------------------------------------------------------------------------------------

PERSON = "person"
PROFILE = "profile"
FULL_NAME = "full_name"  # «ФИО» in one column, split into the three parts
SEVERAL = "several"  # one column of the system's own export giving several person fields


@dataclass(frozen=True)
class Column:
    key: str  # the model attribute (attname)
    header: str  # as the template writes it
    target: str  # PERSON or PROFILE (or FULL_NAME)
    parse: Callable[[Any], Any]
    required: bool = False
    aliases: tuple[str, ...] = ()
    hint: str = ""  # the kind of value, for the instruction sheet and the template's prompts
    choices: str = ""  # the name of a list on the reference sheet, for a drop-down
    in_template: bool = True  # False: read when a file has it, not offered in the template


def _text(model: type[Model], name: str, multiline: bool = False) -> Callable[[Any], str]:
    length = max_length_of(model, name)
    return lambda value: parse_text(value, length, multiline)


def _long_text(value: Any) -> str:
    return parse_text(value, 10_000, multiline=True)


# hints (translated when the template is built)
HINT_DATE = "date"
HINT_LIST = "list"
HINT_YES_NO = "yes_no"
HINT_NUMBER = "number"

COMMON_COLUMNS: tuple[Column, ...] = (
    Column("external_id", "ID", PERSON, parse_external_id, aliases=("id", "идентификатор", "код")),
    Column("last_name", "Фамилия", PERSON, _text(Person, "last_name"), required=True),
    Column("first_name", "Имя", PERSON, _text(Person, "first_name"), required=True),
    Column("patronymic", "Отчество", PERSON, _text(Person, "patronymic")),
    Column("birth_date", "Дата рождения", PERSON, parse_birth_date, hint=HINT_DATE),
    Column("sex", "Пол", PERSON, parse_sex, choices="sex"),
    Column("kind", "Категория участника", PERSON, parse_kind, choices="kind"),
    Column("group_name", "Класс/группа", PERSON, parse_group, aliases=("класс", "группа")),
    Column("phone", "Телефон", PERSON, parse_phone),
    Column("email", "E-mail", PERSON, parse_email, aliases=("email", "электронная почта", "эл. почта")),
    Column(
        "guardian_name",
        "Родитель (законный представитель)",
        PERSON,
        _text(Person, "guardian_name"),
        aliases=(
            "родитель",
            "законный представитель",
            "фио родителя",
            "ф.и.о. родителя",
            "фио родителя (законного представителя)",
            "фио законного представителя",
            "родитель (фио)",
            "фамилия, имя, отчество родителя",
        ),
    ),
    Column("guardian_phone", "Телефон родителя", PERSON, parse_phone),
    Column("position", "Должность", PERSON, _text(Person, "position")),
    Column("subject", "Предмет", PERSON, _text(Person, "subject")),
    Column(
        "teaching_experience",
        "Педагогический стаж, лет",
        PERSON,
        _integer_parser(0, 70),
        aliases=("педагогический стаж", "стаж"),
        hint=HINT_NUMBER,
    ),
    Column(
        "qualification",
        "Квалификационная категория",
        PERSON,
        parse_qualification,
        choices="qualification",
        aliases=("категория педагога",),
    ),
    Column(
        "workplace",
        "Место работы/учёбы",
        PERSON,
        _text(Person, "workplace"),
        aliases=("место работы", "место учебы", "место работы или учебы"),
    ),
    # the columns of the system's own «База наставляемых»/«База наставников» (reports.bases.reports)
    Column(
        lr.CONTACTS,
        "Контактные данные",
        SEVERAL,
        parse_contacts,
        aliases=("контактные данные (для несовершеннолетних — родителя)",),
        in_template=False,
    ),
    Column(
        lr.POSITION_SUBJECT,
        "Должность, предмет",
        SEVERAL,
        parse_position_subject,
        in_template=False,
    ),
)

PROGRAMME_DATE_COLUMNS: tuple[Column, ...] = (
    Column(
        "entry_date", "Дата входа в программу", PROFILE, parse_date, hint=HINT_DATE, aliases=("дата входа",)
    ),
    Column(
        "exit_date", "Дата выхода", PROFILE, parse_date, hint=HINT_DATE, aliases=("дата выхода из программы",)
    ),
    Column("results", "Результаты", PROFILE, _long_text),
)

CONSENT = "consent"
CONSENT_COLUMNS: tuple[Column, ...] = (
    Column(
        lr.CONSENT_DATE,
        "Согласие на обработку ПД: дата",
        CONSENT,
        parse_consent_date,
        hint=HINT_DATE,
        aliases=("дата согласия",),
    ),
    Column(lr.CONSENT_BY, "Согласие подписал", CONSENT, parse_consent_by, choices="consent_by"),
    Column(
        lr.CONSENT_REPRESENTATIVE,
        "Согласие: законный представитель (ФИО)",
        CONSENT,
        _text(Consent, "representative_name"),
    ),
)
CONSENT_BY_CHOICES = ["сам", "законный представитель"]

CATEGORY_HEADERS = {
    "has_ovz": "ОВЗ",
    "has_disability": "Инвалидность",
    "deviant_behaviour": "Девиантное поведение",
    "gifted": "Одарённость",
    "difficult_situation": "Трудная жизненная ситуация",
    "low_income": "Малообеспеченная семья",
    "rural": "Сельская/отдалённая местность",
    "orphan": "Сирота/без попечения родителей",
}

MENTEE_COLUMNS: tuple[Column, ...] = (
    Column("requests", "Ключевые запросы", PROFILE, parse_list, hint=HINT_LIST, aliases=("ключевой запрос",)),
    Column("request_text", "Запрос своими словами", PROFILE, _long_text),
    Column("subject_areas", "Предметные области", PROFILE, parse_list, hint=HINT_LIST),
    *(
        Column(name, header, PROFILE, parse_yes_no, hint=HINT_YES_NO, choices="yes_no")
        for name, header in CATEGORY_HEADERS.items()
    ),
    Column(
        "availability",
        "Удобные дни и формат встреч",
        PROFILE,
        _text(MenteeProfile, "availability"),
        aliases=("когда удобно встречаться",),
    ),
    Column(
        lr.SPECIAL_CATEGORIES,
        "Особые категории",
        "categories",
        parse_special_categories,
        aliases=("категории",),
        in_template=False,
    ),
    *PROGRAMME_DATE_COLUMNS,
    *CONSENT_COLUMNS,
)

MENTOR_COLUMNS: tuple[Column, ...] = (
    Column(
        "competencies", "Компетенции", PROFILE, parse_list, hint=HINT_LIST, aliases=("ключевые компетенции",)
    ),
    Column("achievements", "Достижения", PROFILE, _long_text),
    Column("interests", "Интересы", PROFILE, parse_list, hint=HINT_LIST),
    Column(
        "preferred_grades",
        "Предпочтительный возраст/классы наставляемых",
        PROFILE,
        _text(MentorProfile, "preferred_grades"),
        aliases=("желаемый возраст наставляемых", "предпочтительный возраст наставляемых"),
    ),
    Column("capacity", "Наставляемых не более", PROFILE, _integer_parser(1, 30), hint=HINT_NUMBER),
    Column("availability", "Доступность", PROFILE, _text(MentorProfile, "availability")),
    Column("training_done", "Обучение пройдено", PROFILE, parse_yes_no, hint=HINT_YES_NO, choices="yes_no"),
    Column("training_date", "Дата обучения", PROFILE, parse_date, hint=HINT_DATE),
    Column("training_name", "Обучение (программа)", PROFILE, _text(MentorProfile, "training_name")),
    Column(
        "special_needs_trained",
        "Обучен работе с ОВЗ",
        PROFILE,
        parse_yes_no,
        hint=HINT_YES_NO,
        choices="yes_no",
    ),
    Column(
        "at_risk_experience",
        "Опыт работы с детьми группы риска",
        PROFILE,
        parse_yes_no,
        hint=HINT_YES_NO,
        choices="yes_no",
    ),
    # the value is a partner's name; parse_table turns it into the partner's id
    Column(
        "partner_id", "Организация-партнёр", PROFILE, _text(PartnerOrganization, "name"), choices="partner"
    ),
    *PROGRAMME_DATE_COLUMNS,
    *CONSENT_COLUMNS,
)

FULL_NAME_COLUMN = Column(
    FULL_NAME, "ФИО", FULL_NAME, lambda value: parse_text(value, 450), aliases=("фамилия имя отчество",)
)


def columns_for(kind: str) -> tuple[Column, ...]:
    return COMMON_COLUMNS + (MENTEE_COLUMNS if kind == MENTEES else MENTOR_COLUMNS)


def header_key(text: str) -> str:
    """A header as written, reduced for matching: «Фамилия *» and «фамилия» are the same."""
    return normalise(text.replace("*", " ")).strip(" :.")


def _header_table(kind: str) -> dict[str, Column]:
    table: dict[str, Column] = {}
    for column in (*columns_for(kind), FULL_NAME_COLUMN):
        for name in (column.header, *column.aliases):
            table[header_key(name)] = column
    return table


def columns_by_key(kind: str) -> dict[str, Column]:
    """Every field a file of this base can give, by key (what a column can be mapped to)."""
    return {column.key: column for column in (*columns_for(kind), FULL_NAME_COLUMN)}


def vocabulary_for(kind: str, mapping: dict[str, str] | None = None) -> lr.Vocabulary:
    return lr.Vocabulary(
        kind=kind,
        exact={key: column.key for key, column in _header_table(kind).items()},
        fields=frozenset(columns_by_key(kind)),
        mapping=dict(mapping or {}),
    )


PERSON_KEYS = tuple(column.key for column in COMMON_COLUMNS if column.target == PERSON)
SEVERAL_KEYS = {
    lr.CONTACTS: ("phone", "email", "guardian_name", "guardian_phone"),
    lr.POSITION_SUBJECT: ("position", "subject"),
}
MENTEE_KEYS = tuple(column.key for column in MENTEE_COLUMNS if column.target == PROFILE)
MENTOR_KEYS = tuple(column.key for column in MENTOR_COLUMNS if column.target == PROFILE)
DATE_KEYS = frozenset({"birth_date", "entry_date", "exit_date", "training_date", lr.CONSENT_DATE})
DEFAULT_KIND = {MENTEES: Person.Kind.PUPIL, MENTORS: Person.Kind.TEACHER}
NAME_KEYS = frozenset({"last_name", "first_name", FULL_NAME})


# --------------------------------------------------------------------------------------------------
# 1. File → raw rows
# --------------------------------------------------------------------------------------------------

Progress = Callable[[int, str], None]


@dataclass
class RawTable:
    """The tables of people found in a workbook: one per sheet read, all of the same shape."""

    tables: list[tuple[str, lr.Table]]  # (sheet title, table)
    outcomes: list[lr.SheetOutcome] = field(default_factory=list)  # every sheet, read or skipped

    @property
    def sheet(self) -> str:
        return self.tables[0][0]

    @property
    def header_row(self) -> int:
        return self.tables[0][1].header_rows[-1]

    @property
    def headers(self) -> list[str]:
        return [cell.label for cell in self.tables[0][1].cells]

    @property
    def rows(self) -> list[tuple[int, tuple]]:
        return [row for _sheet, table in self.tables for row in table.rows]


def check_file(data: bytes) -> None:
    """Reject by content what is not an .xlsx workbook, with a message the curator understands."""
    if not data:
        raise ImportFileError(message_empty())
    if data.startswith(OLE_SIGNATURE):
        raise ImportFileError(message_old_or_encrypted())
    if not data.startswith(b"PK"):
        raise ImportFileError(message_not_xlsx())
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except Exception as error:  # BadZipFile, OSError, EOFError…
        raise ImportFileError(message_damaged()) from error
    names = {info.filename for info in infos}
    if "xl/workbook.xml" not in names:
        if "content.xml" in names and "mimetype" in names:
            raise ImportFileError(message_ods())
        raise ImportFileError(message_not_xlsx())
    if sum(info.file_size for info in infos if info.filename.endswith(".xml")) > MAX_XML_BYTES:
        raise ImportFileError(_("The file is too large to import: split it into several files."))


def message_ods() -> str:
    return _(
        "This is an OpenDocument spreadsheet (.ods). In LibreOffice choose «Файл → Сохранить как», "
        "the type «Excel 2007-365 (.xlsx)», and upload the .xlsx file."
    )


def read_workbook(
    data: bytes, kind: str, progress: Progress | None = None, mapping: dict[str, str] | None = None
) -> RawTable:
    """The tables of people: every visible sheet with a list of the same shape (see ``list_reading``)."""
    check_file(data)
    vocabulary = vocabulary_for(kind, mapping)
    try:
        with py_warnings.catch_warnings():
            py_warnings.simplefilter("ignore")
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # any library failure on a damaged file
        raise ImportFileError(message_damaged()) from error
    counter = [0]
    try:
        sheets = [
            (sheet.title, sheet.sheet_state == "visible", _loader(sheet, counter, progress))
            for sheet in workbook.worksheets
        ]
        outcomes = lr.choose_sheets(sheets, vocabulary, skip_titles=(REFERENCE_SHEET, INSTRUCTION_SHEET))
        tables = [(outcome.sheet, outcome.table) for outcome in outcomes if outcome.read and outcome.table]
        if not tables:
            # a hidden sheet is never read: the curator imports what she sees in Excel
            for title, visible, load in sheets:
                hidden = not visible and title not in (REFERENCE_SHEET, INSTRUCTION_SHEET)
                if hidden and lr.find_table(load(), vocabulary) is not None:
                    raise ImportFileError(message_hidden_sheet(title))
    except ImportFileError:
        raise
    except Exception as error:
        raise ImportFileError(message_damaged()) from error
    finally:
        workbook.close()
    if not tables:
        raise ImportFileError(message_no_header())
    if sum(len(table.rows) for _title, table in tables) > MAX_ROWS:
        raise ImportFileError(message_too_many_rows())
    return RawTable(tables=tables, outcomes=outcomes)


def _loader(sheet, counter: list[int], progress: Progress | None) -> Callable[[], list[tuple]]:
    def load() -> list[tuple]:
        estimate = sheet.max_row or 0
        sheet.reset_dimensions()  # a wrong <dimension> in the file must not cut rows off
        rows: list[tuple] = []
        for values in sheet.iter_rows(values_only=True):
            rows.append(values)
            counter[0] += 1
            if counter[0] > MAX_ROWS + 1000:
                raise ImportFileError(message_too_many_rows())
            if progress is not None and counter[0] % 1000 == 0:
                share = min(1.0, len(rows) / estimate) if estimate else 0.5
                progress(5 + int(45 * share), _("Reading the file: %(count)s rows") % {"count": counter[0]})
        while rows and not any(value is not None for value in rows[-1]):
            rows.pop()
        return rows

    return load


# --------------------------------------------------------------------------------------------------
# 2. Raw rows → validated rows
# --------------------------------------------------------------------------------------------------


@dataclass
class ParsedRow:
    row: int
    person: dict[str, Any]
    profile: dict[str, Any]
    errors: list[CellError] = field(default_factory=list)
    warnings: list[CellError] = field(default_factory=list)  # read, but worth a look
    consent: dict[str, Any] = field(default_factory=dict)  # given_on, given_by, representative_name
    sheet: str = ""  # when the file has several sheets read

    @property
    def name(self) -> str:
        parts = (self.person.get("last_name"), self.person.get("first_name"), self.person.get("patronymic"))
        return " ".join(part for part in parts if part)

    def as_json(self) -> dict[str, Any]:
        return {
            "row": self.row,
            "sheet": self.sheet,
            "person": {key: _json_value(value) for key, value in self.person.items()},
            "profile": {key: _json_value(value) for key, value in self.profile.items()},
            "consent": {key: _json_value(value) for key, value in self.consent.items()},
            "errors": [[error.column, error.message] for error in self.errors],
            "warnings": [[warning.column, warning.message] for warning in self.warnings],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ParsedRow:
        number = data["row"]
        sheet = data.get("sheet", "")
        return cls(
            row=number,
            sheet=sheet,
            person={key: _from_json(key, value) for key, value in data["person"].items()},
            profile={key: _from_json(key, value) for key, value in data["profile"].items()},
            consent={key: _from_json(key, value) for key, value in data.get("consent", {}).items()},
            errors=[CellError(number, column, message, sheet) for column, message in data["errors"]],
            warnings=[
                CellError(number, column, message, sheet) for column, message in data.get("warnings", [])
            ],
        )


def _json_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _from_json(key: str, value: Any) -> Any:
    return date.fromisoformat(value) if (key in DATE_KEYS or key == "given_on") and value else value


@dataclass
class ParsedFile:
    kind: str
    columns: dict[str, str]  # field key → the header as written in the file
    rows: list[ParsedRow]
    warnings: list[str] = field(default_factory=list)
    layout: dict[str, Any] = field(default_factory=dict)  # sheets read/skipped, every column (see describe)

    def header(self, key: str) -> str:
        return self.columns.get(key) or _DEFAULT_HEADERS.get(key, key)

    @property
    def row_warnings(self) -> list[CellError]:
        return [warning for row in self.rows for warning in row.warnings]

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "columns": self.columns,
            "warnings": self.warnings,
            "layout": self.layout,
            "rows": [row.as_json() for row in self.rows],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ParsedFile:
        return cls(
            kind=data["kind"],
            columns=dict(data["columns"]),
            rows=[ParsedRow.from_json(row) for row in data["rows"]],
            warnings=list(data["warnings"]),
            layout=dict(data.get("layout", {})),
        )


_DEFAULT_HEADERS = {
    column.key: column.header
    for column in (*COMMON_COLUMNS, *MENTEE_COLUMNS, *MENTOR_COLUMNS, FULL_NAME_COLUMN)
}

SAMPLES = 3


def _sample_text(value: Any) -> str:
    return cell_text(value)[:60]


def describe_columns(table: lr.Table, kind: str) -> list[dict[str, Any]]:
    """Every column of a table with what it is read as: the mapping step shows this."""
    columns = columns_by_key(kind)
    described = []
    for reading in table.readings:
        samples: list[str] = []
        for _number, values in table.rows:
            if len(samples) >= SAMPLES:
                break
            index = reading.cell.index
            if index < len(values) and not _is_blank(values[index]):
                samples.append(_sample_text(values[index]))
        target = columns.get(reading.field or "")
        described.append(
            {
                "key": reading.cell.key,
                "label": reading.cell.label[:200],
                "letter": get_column_letter(reading.cell.index + 1),
                "field": reading.field or "",
                "field_label": target.header if target else "",
                "how": reading.how,
                "repeats": reading.repeats[:200],
                "samples": samples,
            }
        )
    return described


def parse_table(
    table: RawTable,
    kind: str,
    partners: dict[str, int] | None = None,
    *,
    teenagers_self: bool = False,
    own_names: Iterable[str] = (),
) -> ParsedFile:
    """Validate every row; ``partners`` maps :func:`partner_key` of a partner's name to its id.

    ``own_names`` are the organisation's own names: a workplace written so is no workplace of note.
    """
    columns_of = columns_by_key(kind)
    warnings: list[str] = []
    rows: list[ParsedRow] = []
    columns: dict[str, str] = {}
    several = len(table.tables) > 1
    partners = partners or {}
    context = _RowContext(
        kind,
        partners,
        teenagers_self,
        timezone.localdate(),
        frozenset(partner_key(name) for name in own_names if name),
    )
    for position, (sheet, found) in enumerate(table.tables):
        mapped, unknown = _mapped_columns(found, columns_of, warnings if position == 0 else None)
        if position == 0:
            warnings[:0] = _unknown_columns_warnings(unknown)
            columns.update(_column_headers(mapped))
        _check_required_columns(mapped)
        warnings.extend(_table_notes(sheet if several or len(table.outcomes) > 1 else "", found))
        for number, values in found.rows:
            rows.append(
                _parse_row(
                    number,
                    values,
                    mapped,
                    context,
                    sheet=sheet if several else "",
                    group=found.section_groups.get(number, ""),
                )
            )
    if len(table.outcomes) > 1:
        warnings[:0] = _sheets_notes(table.outcomes)
    if not rows:
        raise ImportFileError(message_no_rows())
    layout = {
        "sheets": [
            {"sheet": outcome.sheet, "read": outcome.read, "reason": outcome.reason}
            for outcome in table.outcomes
        ],
        "columns": describe_columns(table.tables[0][1], kind),
    }
    return ParsedFile(kind=kind, columns=columns, rows=rows, warnings=warnings, layout=layout)


def _mapped_columns(
    found: lr.Table, columns_of: dict[str, Column], warnings: list[str] | None
) -> tuple[list[tuple[int, Column, str]], list[str]]:
    """A sheet's columns that are read (index, column, header) and the headers not understood; a repeated
    column is ignored (and said so into ``warnings``, given for the first sheet only)."""
    mapped: list[tuple[int, Column, str]] = []
    unknown: list[str] = []
    for reading in found.readings:
        label = " ".join(reading.cell.label.replace("*", " ").split())
        if reading.field is None:
            unknown.append(label)
        elif reading.repeats and warnings is not None:
            warnings.append(
                _("The column «%(column)s» repeats «%(first)s» and was ignored.")
                % {"column": label, "first": reading.repeats}
            )
        elif reading.used:
            mapped.append((reading.cell.index, columns_of[reading.field], label))
    return mapped, unknown


def _column_headers(mapped: list[tuple[int, Column, str]]) -> dict[str, str]:
    """The header each field is read from (a full name's column for all three name parts)."""
    columns: dict[str, str] = {}
    for _index, column, label in mapped:
        if column.key == FULL_NAME:
            for key in ("last_name", "first_name", "patronymic"):
                columns[key] = label
        elif column.target == SEVERAL:
            for key in SEVERAL_KEYS[column.key]:
                columns.setdefault(key, label)
        else:
            columns[column.key] = label
    return columns


def _check_required_columns(mapped: list[tuple[int, Column, str]]) -> None:
    keys = {column.key for _index, column, _label in mapped}
    if FULL_NAME in keys:
        return
    for required in (column for column in COMMON_COLUMNS if column.required):
        if required.key not in keys:
            raise ImportFileError(
                _("The file has no «%(column)s» column. Download the template to see the expected columns.")
                % {"column": required.header}
            )


def _sheets_notes(outcomes: list[lr.SheetOutcome]) -> list[str]:
    read = [outcome.sheet for outcome in outcomes if outcome.read]
    reasons = {
        "no_table": _("no table of people"),
        "other_shape": _("its columns differ from the first sheet read"),
        "hidden": _("a hidden sheet"),
        "template": _("the template's reference sheet"),
    }
    skipped = [
        _("«%(sheet)s» (%(reason)s)") % {"sheet": outcome.sheet, "reason": reasons.get(outcome.reason, "")}
        for outcome in outcomes
        if not outcome.read and outcome.reason != "template"
    ]
    notes = [_("Sheets read: %(sheets)s.") % {"sheets": ", ".join(f"«{sheet}»" for sheet in read)}]
    if skipped:
        notes.append(_("Sheets skipped: %(sheets)s.") % {"sheets": ", ".join(skipped)})
    return notes


def _table_notes(sheet: str, table: lr.Table) -> list[str]:
    where = _("Sheet «%(sheet)s»: ") % {"sheet": sheet} if sheet else ""
    notes = []
    first = table.header_rows[0]
    if first > 1:
        notes.append(
            where
            + _("the table starts at row %(row)s; the rows above it (titles) are not read.") % {"row": first}
        )
    if table.end_row is not None:
        notes.append(
            where
            + _(
                "the table ends at row %(row)s («%(text)s»); %(count)s more filled rows below it are not read."
            )
            % {"row": table.end_row, "text": table.end_text[:80], "count": table.rows_below}
        )
    if table.stray_rows:
        listed = ", ".join(str(number) for number in table.stray_rows[:10])
        notes.append(where + _("cells outside the table in rows %(rows)s are not read.") % {"rows": listed})
    return [note[:1].upper() + note[1:] for note in notes]


MAX_UNKNOWN_COLUMN_WARNINGS = 10


def _unknown_columns_warnings(headers: list[str]) -> list[str]:
    """One warning per unknown column; a file with very many of them gets one warning for the rest."""
    listed = [
        _("The column «%(column)s» is not known and was ignored.") % {"column": header[:100]}
        for header in headers[:MAX_UNKNOWN_COLUMN_WARNINGS]
    ]
    rest = len(headers) - MAX_UNKNOWN_COLUMN_WARNINGS
    if rest > 0:
        listed.append(_("%(count)s more columns are not known and were ignored.") % {"count": rest})
    return listed


@dataclass
class _RowContext:
    kind: str
    partners: dict[str, int]
    teenagers_self: bool
    today: date
    own_names: frozenset[str] = frozenset()


@dataclass
class _RowCells:
    """What ``_parse_row`` gathers from one row's cells."""

    number: int
    sheet: str
    person: dict[str, Any] = field(default_factory=dict)
    profile: dict[str, Any] = field(default_factory=dict)
    consent: dict[str, Any] = field(default_factory=dict)
    categories: dict[str, bool] | None = None
    errors: list[CellError] = field(default_factory=list)
    warnings: list[CellError] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)

    def error(self, header: str, message: str) -> None:
        self.errors.append(CellError(self.number, header, message, self.sheet))

    def warning(self, header: str, message: str) -> None:
        self.warnings.append(CellError(self.number, header, message, self.sheet))


def _parse_row(
    number: int,
    values: tuple,
    mapped: list[tuple[int, Column, str]],
    context: _RowContext,
    *,
    sheet: str = "",
    group: str = "",
) -> ParsedRow:
    cells = _RowCells(number=number, sheet=sheet)
    width = len(values)
    for index, column, header in mapped:
        cells.headers[column.key] = header
        _read_cell(cells, column, header, values[index] if index < width else None, context.partners)
    person, profile = cells.person, cells.profile
    _complete_person(cells, context, group)
    for column, header in ((column, header) for _index, column, header in mapped if column.required):
        if not person.get(column.key) and not any(error.column == header for error in cells.errors):
            cells.error(header, _("the value is required."))
    entry, leave = profile.get("entry_date"), profile.get("exit_date")
    if entry and leave and leave < entry:
        message = _("the date of leaving is earlier than the date of entering.")
        cells.error(cells.headers["exit_date"], message)
    learner = _is_learner(person, context.kind)
    birth = person.get("birth_date")
    if birth and (age := lr.implausible_age(birth, context.today, learner)) is not None:
        message = (
            _("a pupil aged %(age)s: check the birth date.")
            if learner
            else _("a mentor aged %(age)s: check the birth date.")
        )
        cells.warning(cells.headers["birth_date"], message % {"age": age})
    consent_row = _consent(
        cells.consent, person, cells.headers, context, learner, number, sheet, cells.errors
    )
    return ParsedRow(
        row=number,
        person=person,
        profile=profile,
        errors=cells.errors,
        warnings=cells.warnings,
        consent=consent_row,
        sheet=sheet,
    )


def _read_cell(cells: _RowCells, column: Column, header: str, value: Any, partners: dict[str, int]) -> None:
    """One cell into the row's person, profile, categories or consent (or its error or warning)."""
    person = cells.person
    if error_value := lr.excel_error(value):
        if column.key in NAME_KEYS:
            cells.error(
                header,
                _("the cell holds the Excel error «%(value)s» instead of a name.") % {"value": error_value},
            )
            return
        message = _("the cell holds the Excel error «%(value)s»; it is read as empty.")
        cells.warning(header, message % {"value": error_value})
        value = None
    try:
        parsed = column.parse(value)
    except CellWarning as warning:
        parsed = warning.value
        cells.warning(header, str(warning))
    except CellProblem as problem:
        if column.key == "kind" and (partner := partners.get(partner_key(cell_text(value)))):
            person["kind"] = Person.Kind.PARTNER_EMPLOYEE  # the category column names a partner
            person["partner_id"] = partner
            return
        cells.error(header, str(problem))
        return
    if column.target == PERSON:
        person[column.key] = parsed
    elif column.target == PROFILE:
        if column.key == "partner_id":
            parsed = _partner_id(parsed, partners, cells.number, header, cells.errors)
            if parsed is not None:
                person["partner_id"] = parsed  # a partner's person keeps the partner; empty clears nothing
        cells.profile[column.key] = parsed
    elif column.target == "categories":
        cells.categories = parsed
    elif column.target == CONSENT:
        cells.consent[column.key] = parsed
    elif column.target == SEVERAL:
        for key, part in parsed.items():
            person.setdefault(key, part)  # a column of its own wins
    else:
        _split_full_name(parsed, person, cells.number, header, cells.errors, cells.warnings, cells.sheet)


def _complete_person(cells: _RowCells, context: _RowContext, group: str) -> None:
    """Names in their case, the class from a section row, the own organisation's name dropped, the
    categories' flags, and a partner's person made a partner's employee."""
    person, profile = cells.person, cells.profile
    for key in ("last_name", "first_name", "patronymic"):
        if person.get(key):
            person[key] = lr.name_case(person[key])
    if group and not person.get("group_name"):
        person["group_name"] = group  # from a section row above: «7 «Б» класс»
    if person.get("workplace") and partner_key(person["workplace"]) in context.own_names:
        del person["workplace"]  # the export writes the organisation's own name for its own staff
    if cells.categories:
        for flag in lr.CATEGORY_FLAGS:
            profile[flag] = bool(profile.get(flag)) or bool(cells.categories.get(flag))
    _kind_from_partner(person, profile, context.partners)


def _is_learner(person: dict[str, Any], kind: str) -> bool:
    person_kind = person.get("kind")
    if person_kind:
        return person_kind in Person.LEARNER_KINDS
    return kind == MENTEES


def _kind_from_partner(person: dict[str, Any], profile: dict[str, Any], partners: dict[str, int]) -> None:
    """A partner's person is a partner's employee unless the file says otherwise (never own staff)."""
    if not person.get("partner_id") and partners and person.get("workplace"):
        found = partners.get(partner_key(person["workplace"]))
        if found is not None and "partner_id" not in profile:
            person["partner_id"] = profile["partner_id"] = found
    if person.get("partner_id") and not person.get("kind"):
        person["kind"] = Person.Kind.PARTNER_EMPLOYEE


def _consent(
    values: dict[str, Any],
    person: dict[str, Any],
    headers: dict[str, str],
    context: _RowContext,
    learner: bool,
    number: int,
    sheet: str,
    errors: list[CellError],
) -> dict[str, Any]:
    """The paper consent of a row: who signed it, checked as the consent form checks it."""
    given_on = values.get(lr.CONSENT_DATE)
    given_by = values.get(lr.CONSENT_BY) or ""
    representative = values.get(lr.CONSENT_REPRESENTATIVE) or ""
    if not given_on:
        if given_by or representative:
            header = headers.get(lr.CONSENT_DATE) or _DEFAULT_HEADERS[lr.CONSENT_DATE]
            errors.append(CellError(number, header, _("write the date the consent was signed."), sheet))
        return {}
    birth = person.get("birth_date")
    age = lr.age_on(birth, given_on) if birth else None
    minor_needs_representative = learner and (
        age is None or age < 14 or (age < 18 and not context.teenagers_self)
    )
    if not given_by:
        given_by = (
            Consent.GivenBy.REPRESENTATIVE
            if representative or minor_needs_representative
            else Consent.GivenBy.SELF
        )
    header = headers.get(lr.CONSENT_BY) or headers[lr.CONSENT_DATE]
    if given_by == Consent.GivenBy.SELF:
        if age is not None and learner and (age < 14 or (age < 18 and not context.teenagers_self)):
            errors.append(
                CellError(
                    number, header, _("a minor: the consent must be signed by a legal representative."), sheet
                )
            )
        return {"given_on": given_on, "given_by": given_by, "representative_name": ""}
    representative = representative or person.get("guardian_name") or ""
    if not representative:
        errors.append(
            CellError(
                number,
                headers.get(lr.CONSENT_REPRESENTATIVE) or header,
                _("write the full name of the legal representative who signed the consent."),
                sheet,
            )
        )
    return {"given_on": given_on, "given_by": given_by, "representative_name": representative}


def _partner_id(
    name: str, partners: dict[str, int], number: int, header: str, errors: list[CellError]
) -> int | None:
    if not name:
        return None
    found = partners.get(partner_key(name))
    if found is None:
        errors.append(
            CellError(
                number,
                header,
                _(
                    "the partner organisation «%(value)s» is not among the organisation's partners: "
                    "add it to the partners first or correct the name."
                )
                % {"value": name},
            )
        )
    return found


def _split_full_name(
    text: str,
    person: dict[str, Any],
    number: int,
    header: str,
    errors: list[CellError],
    warnings: list[CellError],
    sheet: str = "",
) -> None:
    try:
        name = lr.split_full_name(text)
    except lr.Problem:
        if text:
            errors.append(
                CellError(number, header, _("write the last name, the first name and the patronymic."), sheet)
            )
        return
    person["last_name"], person["first_name"], person["patronymic"] = (
        name.last_name[:150],
        name.first_name[:150],
        name.patronymic[:150],
    )
    if name.note:
        warnings.append(
            CellError(
                number,
                header,
                _("the remark «%(note)s» after the name was not imported.") % {"note": name.note[:100]},
                sheet,
            )
        )


def partner_lookup(organization: Organization) -> dict[str, int]:
    return {
        partner_key(name): pk
        for pk, name in PartnerOrganization.objects.filter(organization=organization).values_list(
            "pk", "name"
        )
    }


def read_file(
    data: bytes,
    kind: str,
    organization,
    progress: Progress | None = None,
    mapping: dict[str, str] | None = None,
) -> ParsedFile:
    """Read and validate an uploaded workbook.

    ``mapping`` (column key → field or ``list_reading.IGNORE``) is the curator's choice for the
    columns; without it the organisation's remembered mapping is used. Queries: the mapping, the
    partners, the consent rule.
    """
    if kind not in KINDS:
        raise ValueError(f"Unknown base: {kind}")
    if mapping is None:
        mapping = remembered_mapping(organization, kind)
    table = read_workbook(data, kind, progress, mapping)
    teenagers_self = ConsentRule.objects.filter(
        organization=organization, teenagers=ConsentRule.Teenagers.SELF
    ).exists()
    return parse_table(
        table,
        kind,
        partner_lookup(organization),
        teenagers_self=teenagers_self,
        own_names=(organization.name, organization.short_name),
    )


def unknown_columns(parsed: ParsedFile) -> list[dict[str, Any]]:
    """The columns of the file the import did not recognise (the mapping step asks about them)."""
    return [column for column in parsed.layout.get("columns", []) if not column["field"]]


def current_choice(column: dict[str, Any]) -> str:
    """What a described column is read as, as a value of the mapping step's list."""
    if column["repeats"] or column["field"] in (lr.NUMBERING, lr.NOT_STORED, lr.IGNORE):
        return lr.IGNORE
    return column["field"]  # "" while not recognised


def merged_mapping(parsed: ParsedFile, chosen: dict[str, str]) -> dict[str, str]:
    """The mapping that reads the file as shown, with the curator's new choices on top."""
    mapping = {
        column["key"]: column["field"]
        for column in parsed.layout.get("columns", [])
        if column["how"] == lr.MAPPED
    }
    mapping.update(chosen)
    return mapping


def mapping_choices(kind: str) -> list[tuple[str, str]]:
    """The fields a column can be read as (the template's headers), and «do not import»."""
    columns = list(columns_by_key(kind).values())
    return [(lr.IGNORE, _("— do not import —"))] + [(column.key, column.header) for column in columns]


def remembered_mapping(organization: Organization, kind: str) -> dict[str, str]:
    found = (
        ImportColumnMapping.objects.filter(organization=organization, kind=kind)
        .values_list("mapping", flat=True)
        .first()
    )
    return dict(found or {})


def mapping_remember(*, organization: Organization, kind: str, mapping: dict[str, str]) -> None:
    """Keep the curator's choices for the columns; the next file of this base starts from them."""
    known = remembered_mapping(organization, kind)
    known.update(mapping)
    ImportColumnMapping.objects.update_or_create(
        organization=organization, kind=kind, defaults={"mapping": known}
    )


# --------------------------------------------------------------------------------------------------
# 3. Matching and classification
# --------------------------------------------------------------------------------------------------


def name_key(values: dict[str, Any]) -> tuple[str, str, str, str]:
    """The full name («Ё»/«Е», case and spacing ignored) and the birth date: two rows of one file with
    the same key are the same person."""
    birth = values.get("birth_date")
    return (
        identity.name_part(values.get("last_name")),
        identity.name_part(values.get("first_name")),
        identity.name_part(values.get("patronymic")),
        birth.isoformat() if birth else "",
    )


# What the curator may decide about a row that is possibly someone already in the base.
POSSIBLE_SUGGESTED = "suggested"  # update where the evidence recommends it, add otherwise
POSSIBLE_UPDATE = "update"  # always update the best candidate
POSSIBLE_ADD = "add"  # always add a new person
POSSIBLE_CHOICES = (POSSIBLE_SUGGESTED, POSSIBLE_UPDATE, POSSIBLE_ADD)
ADD_NEW = 0  # the decision «add as a new person»


@dataclass
class SyncOptions:
    """The curator's choices for a re-import (next September's list)."""

    decisions: dict[int, int] = field(default_factory=dict)  # row → person id to update, or ADD_NEW
    possible: str = POSSIBLE_SUGGESTED  # for the rows without a decision
    clear_empty: bool = False  # an empty cell erases the value in the base
    leavers: tuple[int, ...] = ()  # profile ids of last year's base to mark as left
    left_on: date | None = None  # their exit date (by default the last day of last year)

    def as_json(self) -> dict[str, Any]:
        return {
            "decisions": {str(row): person for row, person in self.decisions.items()},
            "possible": self.possible,
            "clear_empty": self.clear_empty,
            "leavers": list(self.leavers),
            "left_on": self.left_on.isoformat() if self.left_on else None,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> SyncOptions:
        data = data or {}
        try:
            possible = data.get("possible")
            return cls(
                decisions={int(row): int(person) for row, person in (data.get("decisions") or {}).items()},
                possible=possible
                if isinstance(possible, str) and possible in POSSIBLE_CHOICES
                else POSSIBLE_SUGGESTED,
                clear_empty=bool(data.get("clear_empty")),
                leavers=tuple(int(pk) for pk in data.get("leavers") or ()),
                left_on=date.fromisoformat(data["left_on"]) if data.get("left_on") else None,
            )
        except (TypeError, ValueError, AttributeError):
            return cls()


@dataclass
class Diff:
    column: str
    old: str
    new: str


@dataclass
class Suggestion:
    """Someone already in the base the row may be («возможно, это тот же человек»)."""

    person_id: int
    label: str  # «Белкин Артём Сергеевич, 7Б, 01.02.2013»
    recommended: bool
    reasons: list[str]


@dataclass
class Leaver:
    """Someone of last year's base who is not in the new list."""

    profile_id: int
    person_id: int
    label: str
    entry_date: date | None


@dataclass
class PlannedRow:
    row: int
    name: str
    status: str
    errors: list[CellError]
    changes: list[str]  # headers of the columns whose values change
    parsed: ParsedRow
    person_id: int | None = None
    profile_id: int | None = None
    person_changes: tuple[str, ...] = ()
    profile_changes: tuple[str, ...] = ()
    diffs: list[Diff] = field(default_factory=list)  # old → new of every change
    suggestions: list[Suggestion] = field(default_factory=list)
    decision: int | None = None  # for a possible match: the person updated, or ADD_NEW
    class_change: bool = False  # the year's class is written (``PersonClass``)

    @property
    def possible(self) -> bool:
        return bool(self.suggestions)


@dataclass
class ImportPlan:
    kind: str
    rows: list[PlannedRow]
    warnings: list[str]
    people: dict[int, dict[str, Any]]  # existing people touched by the file, by id
    profiles: dict[int, dict[str, Any]]  # existing profiles of the year, by person id
    year: int = 0
    classes: dict[int, dict[int, tuple[int, str]]] = field(
        default_factory=dict
    )  # person → year → (id, class)
    leavers: list[Leaver] = field(default_factory=list)  # offered
    previous_year: int | None = None
    left: list[Leaver] = field(default_factory=list)  # chosen to be marked as left
    left_on: date | None = None
    options: SyncOptions = field(default_factory=SyncOptions)

    @property
    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(STATUSES, 0)
        for row in self.rows:
            counts[row.status] += 1
        return counts

    @property
    def people_to_create(self) -> int:
        """Rows that make a new person (the others are someone already in the organisation's records)."""
        return sum(1 for row in self.rows if row.status == NEW and row.person_id is None)

    @property
    def possible_count(self) -> int:
        return sum(1 for row in self.rows if row.possible)

    @property
    def errors(self) -> list[CellError]:
        return [error for row in self.rows for error in row.errors]

    def rows_with(self, status: str | None) -> list[PlannedRow]:
        if status == POSSIBLE:
            return [row for row in self.rows if row.possible]
        return [row for row in self.rows if status is None or row.status == status]

    @property
    def default_left_on(self) -> date | None:
        if self.previous_year is None:
            return None
        # the last day of last year, or today while that year still runs (a list imported ahead)
        return min(academic_year_bounds(self.previous_year)[1], timezone.localdate())

    @property
    def writes(self) -> bool:
        return bool(self.counts[NEW] or self.counts[UPDATED] or self.left)


POSSIBLE = "possible"  # the preview's filter of rows that may be someone already in the base


def _profile_model(kind: str):
    return MenteeProfile if kind == MENTEES else MentorProfile


PERSON_VALUES = ("id", *PERSON_KEYS, "partner_id")
NAME_FIELDS = frozenset({"last_name", "first_name", "patronymic"})
_BLANK: tuple[object, ...] = (None, "", [])


def _display(name: str, value: Any, partner_names: dict[int, str]) -> str:
    """A value as the preview shows it (old → new)."""
    if value in _BLANK:
        return "—"
    if isinstance(value, bool):
        return "да" if value else "нет"
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, list):
        return "; ".join(str(item) for item in value)
    if name == "partner_id":
        return partner_names.get(value, str(value))
    if name == "sex":
        return {Person.Sex.MALE: "мужской", Person.Sex.FEMALE: "женский"}.get(value, str(value))
    if name == "kind":
        return KIND_LABELS.get(value, str(value))
    if name == "qualification":
        return QUALIFICATION_LABELS.get(value, str(value))
    return str(value)


def _known(
    person: dict[str, Any], classes: dict[int, tuple[int, str]], year_of_current: int | None
) -> identity.Known:
    history: list[tuple[int | None, str]] = [(year, group) for year, (_id, group) in sorted(classes.items())]
    if person["group_name"] and not any(group == person["group_name"] for _year, group in history):
        history.append((year_of_current, person["group_name"]))
    return identity.Known(
        id=person["id"],
        last_name=person["last_name"],
        first_name=person["first_name"],
        patronymic=person["patronymic"],
        birth_date=person["birth_date"],
        classes=tuple(history),
        contacts=frozenset(identity.contact_keys(person)),
    )


def _label(person: dict[str, Any]) -> str:
    """«Белкин Артём Сергеевич, 7Б, 01.02.2013»"""
    name = " ".join(
        part for part in (person["last_name"], person["first_name"], person["patronymic"]) if part
    )
    parts = [name]
    if person.get("group_name"):
        parts.append(person["group_name"])
    if person.get("birth_date"):
        parts.append(person["birth_date"].strftime("%d.%m.%Y"))
    return ", ".join(parts)


def reason_texts(reasons: Iterable[str]) -> list[str]:
    texts = {
        "patronymic_added": _("the patronymic is filled in"),
        "patronymic_missing": _("the file has no patronymic"),
        "birth_added": _("the birth date is added"),
        "birth_missing": _("the file has no birth date"),
        "birth_corrected": _("the birth date differs"),
        "class_follows": _("the class follows last year's"),
        "class_differs": _("the class does not follow last year's"),
        "same_contacts": _("the same phone or e-mail"),
    }
    return [str(texts[reason]) for reason in reasons if reason in texts]


@dataclass
class _Base:
    """The organisation's people as the plan compares a file with them (loaded in a constant number of
    queries by ``_load_base``)."""

    by_id: dict[int, dict[str, Any]]
    classes: dict[int, dict[int, tuple[int, str]]]
    by_external_id: dict[str, dict[str, Any]]
    by_name: dict[tuple[str, str], list[dict[str, Any]]]
    profiles: dict[int, dict[str, Any]]
    partner_names: dict[int, str]

    def known(self, person: dict[str, Any]) -> identity.Known:
        return _known(person, self.classes.get(person["id"], {}), None)


@dataclass
class _Matching:
    """What matching the rows to people has found so far."""

    planned: list[PlannedRow] = field(default_factory=list)
    later: list[tuple[PlannedRow, list[identity.Candidate]]] = field(default_factory=list)  # decided after
    targeted: dict[int, int] = field(default_factory=dict)  # person id → the row that names them
    mentioned_names: set[tuple[str, str]] = field(default_factory=set)
    seen_ids: dict[str, int] = field(default_factory=dict)
    seen_names: dict[tuple, tuple[int, bool]] = field(default_factory=dict)


def plan_import(parsed: ParsedFile, programme: Programme, options: SyncOptions | None = None) -> ImportPlan:
    """Match every row to the organisation's people and classify it (a constant number of queries).

    A row is someone in the base when the «ID» column says so, or when the full name and the birth date
    agree (``identity``); a row that only possibly is someone (a birth date added or corrected, a
    patronymic filled in) follows the curator's decision (``options``). People of last year's base that
    the file does not name are offered as leavers.
    """
    options = options or SyncOptions()
    model = _profile_model(parsed.kind)
    year = programme.academic_year.start_year
    base = _load_base(parsed, programme, model)
    matching = _Matching()
    # 1. the rows that surely are someone (an id, the full name and birth date), and the new people
    for row in parsed.rows:
        _match_row(row, parsed, base, matching, year)
    # 2. the rows that possibly are someone: the curator's decision, or the recommendation
    name_header = parsed.header("last_name")
    for entry, found in matching.later:
        _decide_possible(entry, found, base, matching.targeted, options, name_header)
    # 3. what changes
    touched_people: dict[int, dict[str, Any]] = {}
    touched_profiles: dict[int, dict[str, Any]] = {}
    for entry in matching.planned:
        _plan_changes(entry, parsed, base, options, year, touched_people, touched_profiles)
    # 4. last year's people the file does not name
    leavers, previous_year = _leavers(programme, model, year, base, matching)
    plan = ImportPlan(
        kind=parsed.kind,
        rows=matching.planned,
        warnings=list(parsed.warnings),
        people=touched_people,
        profiles=touched_profiles,
        year=year,
        classes=base.classes,
        leavers=leavers,
        previous_year=previous_year,
        options=options,
    )
    chosen = set(options.leavers)
    plan.left = [leaver for leaver in leavers if leaver.profile_id in chosen]
    plan.left_on = options.left_on or plan.default_left_on
    return plan


def _load_base(parsed: ParsedFile, programme: Programme, model: Any) -> _Base:
    profile_keys = MENTEE_KEYS if parsed.kind == MENTEES else MENTOR_KEYS
    people = list(
        Person.objects.filter(organization_id=programme.organization_id, anonymised_at__isnull=True).values(
            *PERSON_VALUES
        )
    )
    classes: dict[int, dict[int, tuple[int, str]]] = defaultdict(dict)
    for record_id, person_id, start_year, group in PersonClass.objects.filter(
        person__organization_id=programme.organization_id
    ).values_list("id", "person_id", "academic_year__start_year", "group_name"):
        classes[person_id][start_year] = (record_id, group)
    by_name: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for person in people:
        by_name[(identity.name_part(person["last_name"]), identity.name_part(person["first_name"]))].append(
            person
        )
    partner_names: dict[int, str] = {}
    if "partner_id" in parsed.columns or any(row.profile.get("partner_id") for row in parsed.rows):
        partner_names = dict(
            PartnerOrganization.objects.filter(organization_id=programme.organization_id).values_list(
                "pk", "name"
            )
        )
    return _Base(
        by_id={person["id"]: person for person in people},
        classes=classes,
        by_external_id={person["external_id"]: person for person in people if person["external_id"]},
        by_name=by_name,
        profiles={
            profile["person_id"]: profile
            for profile in model.objects.filter(programme=programme).values("id", "person_id", *profile_keys)
        },
        partner_names=partner_names,
    )


def _match_row(row: ParsedRow, parsed: ParsedFile, base: _Base, matching: _Matching, year: int) -> None:
    """Step 1 for one row: plan it, refuse a repeated or unusable row, and match it to the person it
    surely is; a row that only possibly is someone waits in ``matching.later``."""
    errors = list(row.errors)
    entry = PlannedRow(row=row.row, name=row.name, status=ERROR, errors=errors, changes=[], parsed=row)
    matching.planned.append(entry)
    bucket = (
        identity.name_part(row.person.get("last_name")),
        identity.name_part(row.person.get("first_name")),
    )
    matching.mentioned_names.add(bucket)
    if errors:
        return
    external_id = row.person.get("external_id") or ""
    error = _repeated_or_unusable(row, parsed, base, matching, external_id)
    if error is not None:
        errors.append(error)
        return
    existing = base.by_external_id.get(external_id) if external_id else None
    found: list[identity.Candidate] = []
    if existing is None:
        pool = base.by_name.get(bucket, [])
        if external_id:  # an unknown id may belong to a person recorded without one
            pool = [person for person in pool if not person["external_id"]]
        found = identity.candidates(row.person, [base.known(person) for person in pool], year)
        picked = identity.pick_exact(found)
        if isinstance(picked, identity.Candidate):
            existing = base.by_id[picked.person_id]
        elif picked == "ambiguous":
            found = [
                identity.Candidate(c.person_id, exact=False, recommended=False, reasons=c.reasons)
                for c in found
                if c.exact
            ]
    if existing is not None:
        if existing["id"] in matching.targeted:
            errors.append(_duplicate(row.row, parsed.header("last_name"), matching.targeted[existing["id"]]))
            return
        matching.targeted[existing["id"]] = row.row
        entry.person_id = existing["id"]
    elif found:
        matching.later.append((entry, found))


def _repeated_or_unusable(
    row: ParsedRow, parsed: ParsedFile, base: _Base, matching: _Matching, external_id: str
) -> CellError | None:
    """The same person twice in the file, or a partner organisation deleted since the file was read;
    otherwise the row is remembered as seen."""
    key = name_key(row.person)
    if external_id and external_id in matching.seen_ids:
        return _duplicate(row.row, parsed.header("external_id"), matching.seen_ids[external_id])
    earlier = matching.seen_names.get(key)
    if earlier and (not external_id or not earlier[1]):
        return _duplicate(row.row, parsed.header("last_name"), earlier[0])
    partner = row.profile.get("partner_id")
    if partner is not None and partner not in base.partner_names:
        message = _("the partner organisation no longer exists.")
        return CellError(row.row, parsed.header("partner_id"), message)
    if external_id:
        matching.seen_ids[external_id] = row.row
    if key not in matching.seen_names or external_id == "":
        matching.seen_names[key] = (row.row, bool(external_id))
    return None


def _decide_possible(
    entry: PlannedRow,
    found: list[identity.Candidate],
    base: _Base,
    targeted: dict[int, int],
    options: SyncOptions,
    name_header: str,
) -> None:
    """Step 2 for one row that possibly is someone: the curator's decision, or the recommendation."""
    free = [candidate for candidate in found if candidate.person_id not in targeted]
    if not free:
        return
    entry.suggestions = [
        Suggestion(
            person_id=candidate.person_id,
            label=_label(base.by_id[candidate.person_id]),
            recommended=candidate.recommended,
            reasons=reason_texts(candidate.reasons),
        )
        for candidate in free
    ]
    decision = options.decisions.get(entry.row)
    allowed = {candidate.person_id for candidate in free}
    if decision is None or (decision != ADD_NEW and decision not in allowed):
        update = options.possible == POSSIBLE_UPDATE or (
            options.possible == POSSIBLE_SUGGESTED and free[0].recommended
        )
        decision = free[0].person_id if update else ADD_NEW
    entry.decision = decision
    if decision != ADD_NEW:
        if decision in targeted:
            entry.errors.append(_duplicate(entry.row, name_header, targeted[decision]))
            entry.status = ERROR
            return
        targeted[decision] = entry.row
        entry.person_id = decision


def _plan_changes(
    entry: PlannedRow,
    parsed: ParsedFile,
    base: _Base,
    options: SyncOptions,
    year: int,
    touched_people: dict[int, dict[str, Any]],
    touched_profiles: dict[int, dict[str, Any]],
) -> None:
    """Step 3 for one row: what changes for its person, class and profile, and so its status."""
    if entry.errors:
        entry.status = ERROR
        return
    row = entry.parsed
    existing = base.by_id.get(entry.person_id) if entry.person_id is not None else None
    person_changes: list[str] = []
    profile_changes: list[str] = []
    diffs: list[Diff] = []
    profile = None
    if existing is not None:
        person_changes = _person_changes(row, parsed, existing, base, options, diffs)
        _class_change(entry, row, parsed, existing, base, options, year, diffs)
        profile = base.profiles.get(existing["id"])
    if profile is not None:
        entry.profile_id = profile["id"]
        profile_changes = _field_changes(row.profile, profile, parsed, base, options, diffs)
    entry.person_changes = tuple(person_changes)
    entry.profile_changes = tuple(profile_changes)
    entry.diffs = diffs
    seen_change = bool(
        person_changes or profile_changes or any(d.column == parsed.header("group_name") for d in diffs)
    )
    if existing is None or profile is None:
        entry.status = NEW
    elif seen_change:
        entry.status = UPDATED
    else:
        entry.status = UNCHANGED
    if existing is not None and (person_changes or profile_changes or profile is None or entry.class_change):
        touched_people[existing["id"]] = existing
        if profile is not None:
            touched_profiles[existing["id"]] = profile
    entry.changes = list(dict.fromkeys(diff.column for diff in diffs))


def _person_changes(
    row: ParsedRow,
    parsed: ParsedFile,
    existing: dict[str, Any],
    base: _Base,
    options: SyncOptions,
    diffs: list[Diff],
) -> list[str]:
    values = {
        name: value
        for name, value in row.person.items()
        if name != "group_name"
        and not (name == "workplace" and _is_partners_name(value, existing, base.partner_names))
    }
    return _field_changes(values, existing, parsed, base, options, diffs)


def _field_changes(
    values: dict[str, Any],
    current: dict[str, Any],
    parsed: ParsedFile,
    base: _Base,
    options: SyncOptions,
    diffs: list[Diff],
) -> list[str]:
    """The fields whose file value changes the stored one; each adds its ``Diff``."""
    changed: list[str] = []
    for name, value in values.items():
        if _changes(name, value, current, options.clear_empty):
            changed.append(name)
            diffs.append(
                Diff(
                    parsed.header(name),
                    _display(name, current[name], base.partner_names),
                    _display(name, value, base.partner_names),
                )
            )
    return changed


def _class_change(
    entry: PlannedRow,
    row: ParsedRow,
    parsed: ParsedFile,
    existing: dict[str, Any],
    base: _Base,
    options: SyncOptions,
    year: int,
    diffs: list[Diff],
) -> None:
    group = row.person.get("group_name")
    if group is None:
        return
    this_year = base.classes.get(existing["id"], {}).get(year)
    old_group = this_year[1] if this_year else existing["group_name"]
    if group != old_group and (group or options.clear_empty):
        entry.class_change = True
        diffs.append(Diff(parsed.header("group_name"), old_group or "—", group or "—"))
    elif group and this_year is None:
        entry.class_change = True  # the year's record is written, nothing changes to see


def _leavers(
    programme: Programme, model: Any, year: int, base: _Base, matching: _Matching
) -> tuple[list[Leaver], int | None]:
    """Step 4: the people of last year's base whom the file does not name (and the year they are of)."""
    previous = (
        Programme.objects.filter(
            organization_id=programme.organization_id, academic_year__start_year__lt=year
        )
        .order_by("-academic_year__start_year")
        .values_list("pk", "academic_year__start_year")
        .first()
    )
    if previous is None:
        return [], None
    previous_id, previous_year = previous
    leavers: list[Leaver] = []
    for profile_id, person_id, entry_date in (
        model.objects.filter(
            programme_id=previous_id,
            exit_date__isnull=True,
            status__in=[ProfileStatus.CANDIDATE, ProfileStatus.ACTIVE],
            person__anonymised_at__isnull=True,
        )
        .order_by("person__last_name", "person__first_name", "person_id")
        .values_list("pk", "person_id", "entry_date")
    ):
        person = base.by_id.get(person_id)
        if person is None or person_id in matching.targeted or person_id in base.profiles:
            continue
        if (
            identity.name_part(person["last_name"]),
            identity.name_part(person["first_name"]),
        ) in matching.mentioned_names:
            continue  # a row of the file (perhaps with an error) may be them: never offered
        shown = dict(person)
        last_year_class = base.classes.get(person_id, {}).get(previous_year)
        if last_year_class:
            shown["group_name"] = last_year_class[1]
        leavers.append(Leaver(profile_id, person_id, _label(shown), entry_date))
    return leavers, previous_year


def _is_partners_name(value: Any, current: dict[str, Any], partner_names: dict[int, str]) -> bool:
    """A workplace that is only the person's partner's name (as the export writes it): no change."""
    partner = partner_names.get(current.get("partner_id") or 0)
    return (
        not current.get("workplace")
        and bool(partner)
        and partner_key(str(value or "")) == partner_key(partner or "")
    )


def _changes(name: str, value: Any, current: dict[str, Any], clear_empty: bool = False) -> bool:
    if value is None and name in ("kind", "capacity"):
        return False  # an empty cell keeps the value (these fields cannot be empty)
    if name == "external_id" and not value:
        return False  # an empty id never removes the one the person has
    if value in _BLANK and not clear_empty:
        return False  # an empty cell keeps what the base has, unless the curator asks to erase
    if (
        name in NAME_FIELDS
        and value
        and current[name]
        and identity.name_part(value) == identity.name_part(current[name])
    ):
        # «БЕЛКИН» or «Семенов» in a list does not overwrite «Белкин», «Семёнов»; «Семёнов» restores an «ё»
        return value.replace("ё", "е").replace("Ё", "Е") == current[name] and value != current[name]
    if value is None and isinstance(current[name], bool):
        return current[name] is True  # an empty yes/no cell erased: «нет»
    return current[name] != value


def _duplicate(number: int, header: str, first: int) -> CellError:
    return CellError(number, header, _("this person is already in row %(row)s of the file.") % {"row": first})


# --------------------------------------------------------------------------------------------------
# 4. Saving
# --------------------------------------------------------------------------------------------------


@dataclass
class ImportResult:
    kind: str
    new: int
    updated: int
    unchanged: int
    skipped: int  # rows with errors left out on the curator's request
    people_created: int
    left: int = 0  # last year's people marked as left
    batch_id: int | None = None  # the record that lets the curator undo the import
    consents: int = 0  # paper consents recorded from the file's consent columns

    def summary(self) -> str:
        text = _(
            "Imported: %(new)s new, %(updated)s updated, %(unchanged)s unchanged, %(skipped)s rows with errors skipped."
        ) % {"new": self.new, "updated": self.updated, "unchanged": self.unchanged, "skipped": self.skipped}
        if self.left:
            text += " " + _("Marked as left: %(count)s.") % {"count": self.left}
        if self.consents:
            text += " " + _("Consents recorded: %(count)s.") % {"count": self.consents}
        return text


def import_save(
    *,
    actor: User | None,
    programme: Programme,
    parsed: ParsedFile,
    only_valid: bool = False,
    filename: str = "",
    progress: Progress | None = None,
    options: SyncOptions | None = None,
) -> ImportResult:
    """Write the file's people and profiles in one transaction; nothing at all if a row is wrong.

    ``only_valid`` imports the rows without errors and skips the others. The import is recorded
    (``ImportBatch``) with what is needed to undo it within ``UNDO_WINDOW``.
    """
    with transaction.atomic():
        plan = plan_import(parsed, programme, options)
        counts = plan.counts
        if counts[ERROR] and not only_valid:
            raise ImportBlocked(plan)
        try:
            with transaction.atomic():
                undo = _write(plan, programme, parsed.kind)
                consents = _write_consents(plan, actor)
        except IntegrityError as error:  # another import or a form saved the same person meanwhile
            raise ImportFileError(
                _(
                    "The base changed while the file was being saved, so nothing was saved: check the file again."
                )
            ) from error
        people_created = len(undo["created_people"])
        result = ImportResult(
            kind=parsed.kind,
            new=counts[NEW],
            updated=counts[UPDATED],
            unchanged=counts[UNCHANGED],
            skipped=counts[ERROR],
            people_created=people_created,
            left=len(plan.left),
            consents=consents,
        )
        details = {
            "base": parsed.kind,
            "academic_year": programme.academic_year.start_year,
            "rows": len(plan.rows),
            "new": result.new,
            "updated": result.updated,
            "unchanged": result.unchanged,
            "skipped_with_errors": result.skipped,
            "people_created": people_created,
            "possible_matches": plan.possible_count,
            "marked_left": result.left,
            "empty_cells_erase": plan.options.clear_empty,
            "consents": consents,
        }
        if result.new or result.updated or result.left or result.consents:
            batch = ImportBatch.objects.create(
                organization_id=programme.organization_id,
                programme=programme,
                kind=parsed.kind,
                filename=filename[:200],
                counts=details,
                undo=undo,
                created_by=actor if actor is not None and actor.pk else None,
            )
            result.batch_id = batch.pk
            audit_record(
                actor=actor,
                organization=programme.organization,
                action=AuditEvent.Action.CREATE,
                target_type=AUDIT_TARGET,
                target=batch,
                target_repr=_("Import of the mentee base")
                if parsed.kind == MENTEES
                else _("Import of the mentor base"),
                details=details,
            )
    import_batches_purge()
    if progress is not None:
        progress(100, result.summary())
    return result


def _undo_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


_BOOLEAN_PROFILE_FIELDS = frozenset(
    field.name
    for model in (MenteeProfile, MentorProfile)
    for field in model._meta.concrete_fields
    if isinstance(field, BooleanField)
)


def _profile_value(name: str, value: Any) -> Any:
    return False if value is None and name in _BOOLEAN_PROFILE_FIELDS else value


def _write(plan: ImportPlan, programme: Programme, kind: str) -> dict[str, Any]:
    """Write the plan; return what undoing it needs (ids created, values before the change)."""
    model = _profile_model(kind)
    now = timezone.now()
    undo: dict[str, Any] = {
        "created_people": [],
        "created_profiles": [],
        "created_classes": [],
        "people": {},
        "profiles": {},
        "classes": {},
        "left": {},
        "kind": kind,
    }
    written = [
        row
        for row in plan.rows
        if row.status in (NEW, UPDATED) or (row.status == UNCHANGED and row.class_change)
    ]
    people = _write_people(plan, written, programme.organization_id, DEFAULT_KIND[kind], now, undo)
    _write_classes(plan, people, programme.academic_year_id, undo)
    _write_profiles(plan, people, programme, model, now, undo)
    if plan.left:  # last year's people who are not in the new list
        _write_leavers(plan, model, now, undo)
    return undo


def _write_people(
    plan: ImportPlan,
    written: list[PlannedRow],
    organization_id: int,
    default_kind: str,
    now: datetime,
    undo: dict[str, Any],
) -> list[tuple[PlannedRow, int]]:
    """New people created (their ids set on the rows), changed ones updated, in bulk. Returns the rows
    with their person's id."""
    new_people: list[Person] = []
    new_people_rows: list[PlannedRow] = []
    changed_people: list[Person] = []
    person_fields: set[str] = set()
    for row in written:
        values = row.parsed.person
        if row.person_id is None:
            person = Person(organization_id=organization_id, kind=default_kind)
            for name, value in values.items():
                if value is not None or name not in ("kind",):
                    setattr(person, name, value)
            person.search_text = search_text_for(person)
            new_people.append(person)
            new_people_rows.append(row)
            continue
        current = dict(plan.people[row.person_id])
        changes = {name: values[name] for name in row.person_changes}
        group = values.get("group_name")
        if row.class_change and group is not None:
            later_years = [start for start in plan.classes.get(row.person_id, {}) if start > plan.year]
            if not later_years and current["group_name"] != group:
                changes["group_name"] = group  # the current class follows the newest year's list
        if not changes:
            continue
        undo["people"][str(row.person_id)] = {name: _undo_value(current[name]) for name in changes}
        current.update(changes)
        person = Person(organization_id=organization_id, **current)
        person.search_text = search_text_for(person)
        person.updated_at = now
        changed_people.append(person)
        person_fields.update(changes)
    Person.objects.bulk_create(new_people, batch_size=BATCH_SIZE)
    if changed_people:
        Person.objects.bulk_update(
            changed_people, sorted(person_fields) + ["search_text", "updated_at"], batch_size=BATCH_SIZE
        )
    for person, row in zip(new_people, new_people_rows, strict=True):
        row.person_id = person.pk
    undo["created_people"] = [person.pk for person in new_people]
    return [(row, row.person_id) for row in written if row.person_id is not None]


def _write_classes(
    plan: ImportPlan, people: list[tuple[PlannedRow, int]], academic_year_id: int, undo: dict[str, Any]
) -> None:
    """The year's class of every written person whose class the file gives."""
    created = set(undo["created_people"])
    new_classes: list[PersonClass] = []
    changed_classes: list[PersonClass] = []
    for row, person_id in people:
        group = row.parsed.person.get("group_name")
        if group is None or not (row.class_change or person_id in created):
            continue
        record = plan.classes.get(person_id, {}).get(plan.year)
        if record is None:
            if group:
                new_classes.append(
                    PersonClass(person_id=person_id, academic_year_id=academic_year_id, group_name=group)
                )
        elif record[1] != group:
            undo["classes"][str(record[0])] = record[1]
            changed_classes.append(PersonClass(pk=record[0], group_name=group))
    PersonClass.objects.bulk_create(new_classes, batch_size=BATCH_SIZE)
    if changed_classes:
        PersonClass.objects.bulk_update(changed_classes, ["group_name"], batch_size=BATCH_SIZE)
    undo["created_classes"] = [record.pk for record in new_classes]


def _write_profiles(
    plan: ImportPlan,
    people: list[tuple[PlannedRow, int]],
    programme: Programme,
    model: Any,
    now: datetime,
    undo: dict[str, Any],
) -> None:
    """The programme's mentor or mentee profiles: new ones created, changed ones updated."""
    new_profiles = []
    changed_profiles = []
    profile_fields: set[str] = set()
    for row, person_id in people:
        if row.status == UNCHANGED:
            continue
        values = {
            name: _profile_value(name, value)
            for name, value in row.parsed.profile.items()
            if value is not None or name != "capacity"
        }
        if row.profile_id is None:
            new_profiles.append(model(person_id=person_id, programme_id=programme.pk, **values))
        elif row.profile_changes:
            current = dict(plan.profiles[person_id])
            undo["profiles"][str(current["id"])] = {
                name: _undo_value(current[name]) for name in row.profile_changes
            }
            current.update({name: values[name] for name in row.profile_changes})
            profile = model(programme_id=programme.pk, **current)
            profile.updated_at = now
            changed_profiles.append(profile)
            profile_fields.update(row.profile_changes)
    model.objects.bulk_create(new_profiles, batch_size=BATCH_SIZE)
    if changed_profiles:
        model.objects.bulk_update(
            changed_profiles, sorted(profile_fields) + ["updated_at"], batch_size=BATCH_SIZE
        )
    undo["created_profiles"] = [profile.pk for profile in new_profiles]


def _write_leavers(plan: ImportPlan, model: Any, now: datetime, undo: dict[str, Any]) -> None:
    """Last year's people the curator marked as gone: left on ``plan.left_on`` (not before they came)."""
    left_on = plan.left_on or timezone.localdate()
    stored = {
        profile.pk: profile
        for profile in model.objects.filter(pk__in=[leaver.profile_id for leaver in plan.left]).only(
            "pk", "status", "exit_date", "entry_date"
        )
    }
    leaving = []
    for profile in stored.values():
        undo["left"][str(profile.pk)] = {
            "status": profile.status,
            "exit_date": _undo_value(profile.exit_date),
        }
        profile.status = ProfileStatus.LEFT
        profile.exit_date = max(left_on, profile.entry_date) if profile.entry_date else left_on
        profile.updated_at = now
        leaving.append(profile)
    model.objects.bulk_update(leaving, ["status", "exit_date", "updated_at"], batch_size=BATCH_SIZE)


# --------------------------------------------------------------------------------------------------
# Undoing a saved import
# --------------------------------------------------------------------------------------------------

UNDO_WINDOW = timedelta(hours=24)


def import_batches_purge(*, now: datetime | None = None) -> int:
    """Forget what undoing needs (it holds personal data) once the undo window is over."""
    limit = (now or timezone.now()) - UNDO_WINDOW
    # the file's name may name a person too
    return ImportBatch.objects.filter(created_at__lt=limit).exclude(undo={}).update(undo={}, filename="")


def undoable_batches(programme: Programme) -> list[ImportBatch]:
    """The imports of this programme year that may still be undone (newest first)."""
    return list(
        ImportBatch.objects.filter(
            programme=programme, undone_at__isnull=True, created_at__gte=timezone.now() - UNDO_WINDOW
        )
        .exclude(undo={})
        .select_related("created_by")[:5]
    )


class UndoRefused(Exception):
    """The import cannot be undone; str(error) says why, in words for the curator."""


def _who(person: Person) -> str:
    return person.short_name


def _refuse_if_used(batch: ImportBatch, model) -> None:
    """Refuse when what the import created is used by records made since (a pair, a consent, a meeting…)."""
    undo = batch.undo
    created_people = undo.get("created_people", [])
    profile_people = list(
        model.objects.filter(pk__in=undo.get("created_profiles", [])).values_list("person_id", flat=True)
    )
    own = {"mentee_profiles", "mentor_profiles", "year_classes"}
    for relation in Person._meta.related_objects:
        accessor = relation.get_accessor_name()
        if accessor in own:
            continue
        records = relation.related_model._default_manager.filter(**{f"{relation.field.name}__in": created_people})
        if accessor == "group_memberships" and profile_people:
            # someone already known, put in a pair made after the import (last year's pairs do not count)
            records = relation.related_model._default_manager.filter(
                Q(**{f"{relation.field.name}__in": created_people})
                | Q(
                    **{
                        f"{relation.field.name}__in": profile_people,
                        "group__created_at__gte": batch.created_at,
                    }
                )
            )
        elif not created_people:
            continue
        if accessor == "consents":  # the paper consents the import itself recorded go with it
            records = records.exclude(pk__in=undo.get("created_consents", []))
        used = records.values_list(relation.field.attname, flat=True).first()
        if used is None:
            continue
        person = Person.objects.get(pk=used)
        if accessor == "group_memberships":
            raise UndoRefused(
                _(
                    "The import can no longer be undone: %(person)s has been put in a mentoring pair since. "
                    "Change the base by hand, or remove the pair first."
                )
                % {"person": _who(person)}
            )
        raise UndoRefused(
            _(
                "The import can no longer be undone: records about %(person)s have been added since "
                "(%(what)s). Change the base by hand."
            )
            % {"person": _who(person), "what": relation.related_model._meta.verbose_name_plural}
        )


def _refuse_if_changed_since(batch: ImportBatch, model) -> None:
    undo = batch.undo
    touched = [int(pk) for pk in undo.get("people", {})] + list(undo.get("created_people", []))
    changed = (
        Person.objects.filter(pk__in=touched)
        .filter(Q(updated_at__gt=batch.created_at) | Q(anonymised_at__isnull=False))
        .first()
    )
    if changed is None:
        profile_ids = [int(pk) for pk in (*undo.get("profiles", {}), *undo.get("left", {}))]
        profile_ids += undo.get("created_profiles", [])
        profile = (
            model.objects.filter(pk__in=profile_ids, updated_at__gt=batch.created_at)
            .select_related("person")
            .first()
        )
        changed = profile.person if profile is not None else None
    if changed is not None:
        raise UndoRefused(
            _(
                "The import can no longer be undone: the card of %(person)s was changed after the import. "
                "Change the base by hand."
            )
            % {"person": _who(changed) if not changed.is_anonymised else _("an anonymised person")}
        )


def _restore(model, rows: dict[str, dict[str, Any]], dates: frozenset[str]) -> int:
    objects = []
    fields: set[str] = set()
    for pk, values in rows.items():
        instance = model.objects.get(pk=int(pk))
        for name, value in values.items():
            setattr(instance, name, date.fromisoformat(value) if name in dates and value else value)
            fields.add(name)
        if model is Person:
            instance.search_text = search_text_for(instance)
            fields.add("search_text")
        objects.append(instance)
    if objects:
        model.objects.bulk_update(objects, sorted(fields), batch_size=BATCH_SIZE)
    return len(objects)


def import_undo(*, actor: User | None, programme: Programme, batch_id: int) -> ImportBatch:
    """Undo a saved import in one step: the people and profiles it created go, the values it changed
    come back, the leavers it marked are in again. Refused (``UndoRefused``) once the window is over,
    when a later import exists, or when someone was paired or changed since."""
    with transaction.atomic():
        batch = ImportBatch.objects.select_for_update().filter(pk=batch_id, programme=programme).first()
        if batch is None:
            raise UndoRefused(_("This import is not found."))
        if batch.undone_at is not None:
            raise UndoRefused(_("This import has already been undone."))
        if not batch.undo or batch.created_at < timezone.now() - UNDO_WINDOW:
            raise UndoRefused(
                _(
                    "The import can no longer be undone: an import can be undone within %(hours)s hours "
                    "after it was saved. Change the base by hand."
                )
                % {"hours": int(UNDO_WINDOW.total_seconds() // 3600)}
            )
        if (
            ImportBatch.objects.filter(
                organization_id=batch.organization_id, created_at__gt=batch.created_at, undone_at__isnull=True
            )
            .exclude(pk=batch.pk)
            .exists()
        ):
            raise UndoRefused(_("A later import of the bases was saved after this one: undo that one first."))
        model = _profile_model(batch.kind)
        _refuse_if_used(batch, model)
        _refuse_if_changed_since(batch, model)
        undo = batch.undo
        profile_dates = frozenset({"entry_date", "exit_date", "training_date"})
        Consent.objects.filter(pk__in=undo.get("created_consents", [])).delete()
        model.objects.filter(pk__in=undo.get("created_profiles", [])).delete()
        PersonClass.objects.filter(pk__in=undo.get("created_classes", [])).delete()
        removed = (
            Person.objects.filter(pk__in=undo.get("created_people", []))
            .delete()[1]
            .get(Person._meta.label, 0)
        )
        restored_people = _restore(Person, undo.get("people", {}), frozenset({"birth_date"}))
        restored_profiles = _restore(model, undo.get("profiles", {}), profile_dates)
        for pk, group in undo.get("classes", {}).items():
            PersonClass.objects.filter(pk=int(pk)).update(group_name=group)
        back = _restore(model, undo.get("left", {}), profile_dates)
        batch.undone_at = timezone.now()
        batch.undone_by = actor if actor is not None and actor.pk else None
        batch.undo = {}
        batch.save(update_fields=["undone_at", "undone_by", "undo"])
        audit_record(
            actor=actor,
            organization=programme.organization,
            action=AuditEvent.Action.DELETE,
            target_type=AUDIT_TARGET,
            target=batch,
            target_repr=_("Undoing the import of the mentee base")
            if batch.kind == MENTEES
            else _("Undoing the import of the mentor base"),
            details={
                "base": batch.kind,
                "people_removed": removed,
                "people_restored": restored_people,
                "profiles_restored": restored_profiles,
                "leavers_restored": back,
            },
        )
    return batch


def _write_consents(plan: ImportPlan, actor: User | None) -> int:
    """The paper consents of the file: one per person who has no valid consent of that date yet."""
    rows = [
        (row.person_id, row.parsed.consent)
        for row in plan.rows
        if row.status != ERROR and row.parsed.consent and row.person_id
    ]
    if not rows:
        return 0
    existing = set(
        Consent.objects.filter(
            person_id__in=[person_id for person_id, _consent in rows],
            scope=Consent.Scope.PERSONAL_DATA,
            withdrawn_on__isnull=True,
        ).values_list("person_id", "given_on")
    )
    created = []
    for person_id, consent in rows:
        if (person_id, consent["given_on"]) in existing:
            continue  # the same file again: the consent is on record already
        existing.add((person_id, consent["given_on"]))
        created.append(
            Consent(
                person_id=person_id,
                scope=Consent.Scope.PERSONAL_DATA,
                given_by=consent["given_by"],
                representative_name=consent["representative_name"][:300],
                given_on=consent["given_on"],
                recorded_by=actor if actor is not None and actor.is_authenticated else None,
            )
        )
    Consent.objects.bulk_create(created, batch_size=BATCH_SIZE)
    return len(created)


def _import_title(kind: str, filename: str) -> str:
    if kind == MENTEES:
        title = _("Import of the mentee base from «%(file)s»")
    else:
        title = _("Import of the mentor base from «%(file)s»")
    return title % {"file": filename or "—"}


def import_file(
    *,
    actor: User | None,
    programme: Programme,
    kind: str,
    data: bytes,
    filename: str = "",
    only_valid: bool = False,
    progress: Progress | None = None,
    options: SyncOptions | None = None,
) -> tuple[ParsedFile, ImportResult]:
    """Read, validate and save a workbook: what the job does. (To see what it would do without writing,
    ``read_file`` then ``plan_import``.)"""
    parsed = read_file(data, kind, programme.organization, progress)
    if progress is not None:
        progress(60, _("Saving"))
    return parsed, import_save(
        actor=actor,
        programme=programme,
        parsed=parsed,
        only_valid=only_valid,
        filename=filename,
        progress=progress,
        options=options,
    )


# --------------------------------------------------------------------------------------------------
# The preview between upload and confirmation
# --------------------------------------------------------------------------------------------------

UPLOAD_NAME = "upload.xlsx"
ROWS_NAME = "rows.json"
OPTIONS_NAME = "options.json"


IMPORTS_FOLDER = "imports"


def imports_root() -> str:
    """The folder of the default storage (a shared volume or a bucket) that keeps uploads between steps."""
    return IMPORTS_FOLDER


def _session_key(programme: Programme) -> str:
    return f"participants-import-{programme.pk}"


@dataclass
class StoredPreview:
    token: str
    kind: str
    filename: str
    rows: int
    errors: int

    @property
    def folder(self) -> str:
        return stored_folders.file_name(imports_root(), self.token)

    @property
    def runs_as_job(self) -> bool:
        return self.rows > JOB_THRESHOLD_ROWS

    def parsed(self) -> ParsedFile:
        return ParsedFile.from_json(json.loads(stored_folders.read(self.folder, ROWS_NAME).decode("utf-8")))

    def data(self) -> bytes:
        return stored_folders.read(self.folder, UPLOAD_NAME)

    def options(self) -> SyncOptions:
        """The curator's choices made on the preview so far (possible matches, leavers, empty cells)."""
        if not stored_folders.exists(self.folder, OPTIONS_NAME):
            return SyncOptions()
        try:
            return SyncOptions.from_json(
                json.loads(stored_folders.read(self.folder, OPTIONS_NAME).decode("utf-8"))
            )
        except (OSError, ValueError):
            return SyncOptions()

    def save_options(self, options: SyncOptions) -> None:
        stored_folders.write(self.folder, OPTIONS_NAME, json.dumps(options.as_json()).encode("utf-8"))


def preview_store(
    session: SessionBase, programme: Programme, *, filename: str, data: bytes, parsed: ParsedFile
) -> StoredPreview:
    """Keep the upload and its parsed rows in the storage; the session only remembers where."""
    preview_clear(session, programme)
    imports_purge_stale()
    stored = StoredPreview(
        token=uuid.uuid4().hex,
        kind=parsed.kind,
        filename=filename[:200],
        rows=len(parsed.rows),
        errors=sum(1 for row in parsed.rows if row.errors),
    )
    stored_folders.write(stored.folder, UPLOAD_NAME, data)
    stored_folders.write(
        stored.folder, ROWS_NAME, json.dumps(parsed.as_json(), ensure_ascii=False).encode("utf-8")
    )
    session[_session_key(programme)] = {
        "token": stored.token,
        "kind": stored.kind,
        "filename": stored.filename,
        "rows": stored.rows,
        "errors": stored.errors,
    }
    return stored


def preview_load(session: SessionBase, programme: Programme) -> StoredPreview | None:
    value = session.get(_session_key(programme))
    if not value:
        return None
    try:
        stored = StoredPreview(
            token=uuid.UUID(hex=value["token"]).hex,
            kind=value["kind"],
            filename=value["filename"],
            rows=int(value["rows"]),
            errors=int(value.get("errors", 0)),
        )
    except (KeyError, TypeError, ValueError):
        session.pop(_session_key(programme), None)
        return None
    if stored.kind not in KINDS or not stored_folders.exists(stored.folder, ROWS_NAME):
        session.pop(_session_key(programme), None)
        return None
    return stored


def preview_forget(session: SessionBase, programme: Programme) -> None:
    """Forget the preview in the session, leaving its files (moved to a job) alone."""
    session.pop(_session_key(programme), None)


def preview_clear(session: SessionBase, programme: Programme) -> None:
    """Forget the preview and delete its files."""
    stored = preview_load(session, programme)
    preview_forget(session, programme)
    if stored is not None:
        stored_folders.delete(stored.folder)


def imports_purge_stale(*, max_age: timedelta | None = None) -> int:
    """Delete upload folders left behind by abandoned previews and by jobs that are over.

    An upload holds a whole base of people: it lives no longer than any file with personal data
    (PERSONAL_DATA_FILE_TTL_HOURS), purged by the beat and whenever a new upload is stored.
    """
    if max_age is None:
        max_age = timedelta(hours=settings.PERSONAL_DATA_FILE_TTL_HOURS)
    root = imports_root()
    limit = timezone.now() - max_age
    folders = []
    for name in stored_folders.subfolders(root):
        written = stored_folders.modified(stored_folders.file_name(root, name))
        if written is None or _aware(written) < limit:
            folders.append(name)
    active = set()
    ids = []
    for name in folders:
        try:
            ids.append(uuid.UUID(name))
        except ValueError:
            continue
    if ids:
        active = {
            job_id.hex
            for job_id in Job.objects.filter(
                pk__in=ids, status__in=[Job.Status.QUEUED, Job.Status.RUNNING]
            ).values_list("pk", flat=True)
        }
    purged = 0
    for name in folders:
        if name.replace("-", "") in active:
            continue
        stored_folders.delete(stored_folders.file_name(root, name))
        purged += 1
    return purged


def _aware(moment: datetime) -> datetime:
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


# --------------------------------------------------------------------------------------------------
# Large files: the confirmed import as a job
# --------------------------------------------------------------------------------------------------


class _JobError(Exception):
    """An expected failure of an import job; the message is shown to the curator."""


def job_folder(job_id: UUID | str) -> str:
    return stored_folders.file_name(imports_root(), str(job_id))


@transaction.atomic
def import_start_job(
    *, actor: User, scope: Scope, stored: StoredPreview, only_valid: bool
) -> Job:
    """Create the job, move the upload to ``imports/<job id>/`` and queue the task after commit."""
    from .tasks import import_participants

    job = job_create(
        kind=JOB_KIND,
        title=_import_title(stored.kind, stored.filename),
        organization=scope.organization,
        academic_year=scope.programme.academic_year,
        created_by=actor,
        params={
            "kind": stored.kind,
            "filename": stored.filename,
            "only_valid": only_valid,
            "rows": stored.rows,
            "sync": stored.options().as_json(),
        },
        task=import_participants.name,
    )
    stored_folders.move(stored.folder, job_folder(job.pk))
    job_enqueue(job=job)
    return job


def import_run_job(*, job_id: str) -> None:
    """Run a confirmed import. Safe to run twice: a finished job is left as it is."""
    job = job_claim(job_id=job_id)
    if job is None:
        return
    folder = job_folder(job.pk)

    def progress(percent: int, message: str) -> None:
        job_progress(job_id=job_id, percent=percent, message=message)

    try:
        user = (
            None
            if job.created_by_id is None
            else get_user_model().objects.filter(pk=job.created_by_id).first()
        )
        scope = resolve_scope_for_job(job, user)
        if scope is None or not scope.access.can_manage:
            raise _JobError(_("The user who started this import may no longer change the bases."))
        kind = job.params.get("kind")
        if kind not in KINDS:
            raise _JobError(_("The import job is incomplete: upload the file again."))
        try:
            data = stored_folders.read(folder, UPLOAD_NAME)
        except OSError:
            raise _JobError(_("The uploaded file is no longer available: upload it again.")) from None
        progress(5, _("Reading the file"))
        _parsed, result = import_file(
            actor=user,
            programme=scope.programme,
            kind=kind,
            data=data,
            filename=job.params.get("filename", ""),
            only_valid=bool(job.params.get("only_valid")),
            progress=progress,
            options=SyncOptions.from_json(job.params.get("sync")),
        )
        job_succeed(job=job, message=result.summary())
    except (_JobError, ImportFileError, ImportBlocked) as error:
        job_fail(job=job, error=str(error))
    except Exception:
        logger.exception("Participants import job %s failed", job_id)
        job_fail(
            job=job,
            error=_(
                "The import failed because of an internal error, nothing was saved. "
                "Please try again later or tell the administrator."
            ),
        )
    finally:
        if Job.objects.filter(pk=job.pk, status__in=[Job.Status.DONE, Job.Status.FAILED]).exists():
            stored_folders.delete(folder)
