"""Reading a school's own list of people: where the table is, what its columns are, what its values mean.

Pure Python, no Django: the Excel workbook is already opened by the caller, which hands over a sheet as
a list of row tuples (``openpyxl`` read-only, values only). Messages are not written here: a problem is
a :class:`Problem` with a code and parameters, which ``importing.py`` turns into a translated sentence.

What a school's list looks like, and what this module does about it:

* title rows above the table, empty rows, stray cells far away, a «№ п/п» column, a row of column
  numbers under the header («1 | 2 | 3»): :func:`find_table` scores every one of the first rows as a
  header and takes the best; a row whose cells are all outside the header's columns is stray.
* one or two header rows with merged cells («ФИО» over «Фамилия | Имя | Отчество», «Сведения о
  родителях» over «ФИО | Телефон»): a merged cell is read by openpyxl as a value in its first column and
  empty cells after it, so the upper row is carried to the right over the lower row's cells;
* signatures, totals and notes under the table («Итого: 25», «Классный руководитель ____ /Иванова И.И./»):
  the table ends there; a section row inside the table («7 «Б» класс») gives the class of the rows under it;
* headers as people write them («Ф.И.О.», «Фамилия, имя, отчество», «Ф. И. О. ребёнка»): :func:`recognise`
  knows the template's headers (exact), the usual aliases and a few keywords, in that order of strength,
  and a word whose meaning depends on the list («Категория») is read from the other headers and the values;
* values as people type them: :func:`parse_date_value`, :func:`normalise_class`, :func:`normalise_phone`,
  :func:`split_full_name`, :func:`special_categories`, :func:`excel_error`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

import phonenumbers

# --------------------------------------------------------------------------------------------------
# Problems (turned into messages by the caller)
# --------------------------------------------------------------------------------------------------


class Problem(ValueError):
    """A value that cannot be read: ``code`` names the problem, ``params`` fill its message."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


# --------------------------------------------------------------------------------------------------
# Field keys (the same as the columns of ``importing.py``)
# --------------------------------------------------------------------------------------------------

MENTEES = "mentees"
MENTORS = "mentors"

FULL_NAME = "full_name"
SPECIAL_CATEGORIES = "special_categories"  # words in one column: «ОВЗ, сирота»
CONSENT_DATE = "consent_date"
CONSENT_BY = "consent_by"
CONSENT_REPRESENTATIVE = "consent_representative"
CONTACTS = "contacts"  # the export's «Контактные данные»: a parent's or one's own phone and e-mail
POSITION_SUBJECT = "position_subject"  # the export's «Должность, предмет»
NUMBERING = "numbering"  # «№ п/п»: not data
NOT_STORED = "not_stored"  # address, SNILS, passport: the system keeps no such data
IGNORE = "ignore"  # the curator chose to ignore the column

# how a column was recognised, strongest first
MAPPED = "mapped"  # the curator's choice (this time or remembered)
EXACT = "exact"  # the template's header
ALIAS = "alias"  # a usual alias
KEYWORD = "keyword"  # a keyword, or the context of the list
STRENGTH = {MAPPED: 4, EXACT: 3, ALIAS: 2, KEYWORD: 1}

CATEGORY_FLAGS = (
    "has_ovz",
    "has_disability",
    "deviant_behaviour",
    "gifted",
    "difficult_situation",
    "low_income",
    "rural",
    "orphan",
)

# --------------------------------------------------------------------------------------------------
# Text keys
# --------------------------------------------------------------------------------------------------


def normalise(text: str) -> str:
    """Text for comparing: lower case, «ё» as «е», spaces collapsed."""
    return " ".join(text.replace("\xa0", " ").lower().replace("ё", "е").split())


def header_key(text: str) -> str:
    """A header as written, lightly reduced: «Фамилия *» and «фамилия:» are the same."""
    return normalise(text.replace("*", " ")).strip(" :.")


_PUNCTUATION = re.compile(r"[.,;:!?()\[\]«»\"'“”„*_/\\|+]")
_FILLER = frozenset(
    {
        "полностью",
        "обучающегося",
        "обучающейся",
        "обучающихся",
        "учащегося",
        "учащейся",
        "ученика",
        "ученицы",
        "ребенка",
        "детей",
        "воспитанника",
        "наставляемого",
        "наставника",
        "сотрудника",
        "работника",
        "участника",
        "при наличии",
        "если есть",
        "полное",
    }
)


def loose_key(text: str) -> str:
    """A header reduced further: no punctuation, no filler words, «Ф. И. О.» as «фио»."""
    text = normalise(text.replace("-", " ").replace("–", " "))
    text = _PUNCTUATION.sub(" ", text)
    tokens = text.split()
    joined: list[str] = []
    run: list[str] = []
    for token in [*tokens, ""]:  # «ф и о» → «фио», «д р» → «др»; a lone «и» stays
        if len(token) == 1 and token.isalpha():
            run.append(token)
            continue
        joined.extend(["".join(run)] if len(run) > 1 else run)
        run = []
        if token:
            joined.append(token)
    return " ".join(token for token in joined if token not in _FILLER)


# --------------------------------------------------------------------------------------------------
# Recognising a header
# --------------------------------------------------------------------------------------------------

# Headers people write, after loose_key. (Template headers are given by the caller as «exact».)
ALIASES: dict[str, str] = {
    "фио": FULL_NAME,
    "фамилия имя отчество": FULL_NAME,
    "фамилия имя": FULL_NAME,
    "фамилия и имя": FULL_NAME,
    "фамилия имя отчество при наличии": FULL_NAME,
    "ф и о": FULL_NAME,
    "фамилия": "last_name",
    "имя": "first_name",
    "отчество": "patronymic",
    "дата рождения": "birth_date",
    "др": "birth_date",
    "дата рожд": "birth_date",
    "д р": "birth_date",
    "пол": "sex",
    "класс": "group_name",
    "кл": "group_name",
    "класс группа": "group_name",
    "группа": "group_name",
    "учебная группа": "group_name",
    "класс литера": "group_name",
    "телефон": "phone",
    "тел": "phone",
    "контактный телефон": "phone",
    "мобильный телефон": "phone",
    "сотовый телефон": "phone",
    "номер телефона": "phone",
    "e mail": "email",
    "email": "email",
    "e-mail": "email",
    "эл почта": "email",
    "электронная почта": "email",
    "адрес электронной почты": "email",
    "должность": "position",
    "занимаемая должность": "position",
    "предмет": "subject",
    "преподаваемый предмет": "subject",
    "преподаваемые предметы": "subject",
    "стаж": "teaching_experience",
    "педагогический стаж": "teaching_experience",
    "пед стаж": "teaching_experience",
    "стаж педагогической работы": "teaching_experience",
    "педстаж": "teaching_experience",
    "квалификационная категория": "qualification",
    "кв категория": "qualification",
    "квалиф категория": "qualification",
    "категория педагога": "qualification",
    "категория участника": "kind",
    "роль": "kind",
    "статус участника": "kind",
    "место работы": "workplace",
    "место учебы": "workplace",
    "место работы учебы": "workplace",
    "организация партнер": "partner_id",
    "партнер": "partner_id",
    "№ личного дела": "external_id",
    "номер личного дела": "external_id",
    "личное дело": "external_id",
    "id": "external_id",
    "код": "external_id",
    "особая категория": SPECIAL_CATEGORIES,
    "особые категории": SPECIAL_CATEGORIES,
    "социальная категория": SPECIAL_CATEGORIES,
    "социальный статус": SPECIAL_CATEGORIES,
    "соц статус": SPECIAL_CATEGORIES,
    "категория семьи": SPECIAL_CATEGORIES,
    "статус семьи": SPECIAL_CATEGORIES,
    "льготная категория": SPECIAL_CATEGORIES,
    "ребенок с овз": "has_ovz",
    "с овз": "has_ovz",
    "овз": "has_ovz",
    "инвалид": "has_disability",
    "инвалидность": "has_disability",
    "ребенок инвалид": "has_disability",
    "сирота": "orphan",
    "опекаемый": "orphan",
    "одаренный": "gifted",
    "одаренные": "gifted",
    "одаренность": "gifted",
    "группа риска": "deviant_behaviour",
    "малообеспеченная": "low_income",
    "малообеспеченные": "low_income",
    "малоимущая семья": "low_income",
    "тжс": "difficult_situation",
    "дата входа": "entry_date",
    "дата включения в программу": "entry_date",
    "дата выхода": "exit_date",
    "дата согласия": CONSENT_DATE,
    "согласие дата": CONSENT_DATE,
    "дата согласия на обработку пд": CONSENT_DATE,
    "согласие подписал": CONSENT_BY,
    "кто подписал согласие": CONSENT_BY,
    "согласие представитель": CONSENT_REPRESENTATIVE,
    "№": NUMBERING,
    "№ пп": NUMBERING,
    "пп": NUMBERING,
    "n пп": NUMBERING,
    "no пп": NUMBERING,
    "№пп": NUMBERING,
    "номер": NUMBERING,
    "no": NUMBERING,
    "n": NUMBERING,
    "снилс": NOT_STORED,
    "адрес": NOT_STORED,
    "адрес проживания": NOT_STORED,
    "адрес регистрации": NOT_STORED,
    "домашний адрес": NOT_STORED,
    "место рождения": NOT_STORED,
    "паспорт": NOT_STORED,
    "паспортные данные": NOT_STORED,
    "свидетельство о рождении": NOT_STORED,
    "гражданство": NOT_STORED,
    "национальность": NOT_STORED,
    "подпись": NOT_STORED,
    "инн": NOT_STORED,
}

# the system's own exports name the partners of a pairing: not the person's own data
EXPORT_PAIRING_HEADERS = {
    MENTEES: frozenset(
        {"фио наставника", "место работы/учебы наставника", "место реализации программы наставничества"}
    ),
    MENTORS: frozenset({"фио наставляемых"}),
}

_GUARDIAN_WORDS = ("родител", "законн", "представит", "мать", "матер", "отец", "отца", "мам", "пап", "опекун")
_PHONE_WORDS = ("телефон", "тел", "моб", "сотов", "контакт")


def _has(text: str, words: Iterable[str]) -> bool:
    return any(word in text for word in words)


def _has_word_starting(text: str, words: Iterable[str]) -> bool:
    """A word of the text starts with one of the words: «тел» in «тел.», not in «родителя»."""
    return any(token.startswith(word) for token in text.split() for word in words)


def keyword_field(key: str, parent: str, list_kind: str) -> str | None:
    """A looser guess from the words of a header (after :func:`loose_key`) and its upper header."""
    tokens = key.split()
    if not tokens:
        return None
    if _has(parent, _GUARDIAN_WORDS) or _has(key, _GUARDIAN_WORDS):
        return _guardian_field(key, parent, tokens)
    if parent in ("фио", "фамилия имя отчество"):
        return {"фамилия": "last_name", "имя": "first_name", "отчество": "patronymic"}.get(key)
    if "согласи" in key:
        if "дата" in tokens or "дата" in parent:
            return CONSENT_DATE
        if "подписал" in key or "кем" in tokens:
            return CONSENT_BY
        return None
    return _person_field(key, tokens)


def _guardian_field(key: str, parent: str, tokens: list[str]) -> str | None:
    """A column about the parent (legal representative): the name or the phone; nothing else is kept."""
    if "согласи" in key or "согласи" in parent:
        return None
    if _has_word_starting(key, _PHONE_WORDS):
        return "guardian_phone"
    if _has(key, ("почт", "mail")):
        return None
    if "фио" in tokens or "фамилия" in tokens or _has(key, _GUARDIAN_WORDS):
        return "guardian_name"
    return None


def _person_field(key: str, tokens: list[str]) -> str | None:
    """A column about the person themselves, by the words of its header."""
    if "рожд" in key and ("дата" in tokens or "д" in tokens):
        return "birth_date"
    if tokens[0] == "фио" or key.startswith("фамилия имя"):
        return FULL_NAME
    if "класс" in tokens and len(tokens) <= 3:
        return "group_name"
    if _has_word_starting(key, _PHONE_WORDS) and len(tokens) <= 3:
        return "phone"
    if _has(key, ("почт", "mail")):
        return "email"
    if "должност" in key:
        return "position"
    if "стаж" in key:
        return "teaching_experience"
    if "квалиф" in key:
        return "qualification"
    if "категори" in key:
        return "category"  # decided by the list's context, see recognise()
    if "предмет" in key and len(tokens) <= 3:
        return "subject"
    return None


@dataclass(frozen=True)
class HeaderCell:
    index: int  # 0-based column
    written: str  # the lower header row (or the only one), as written
    parent: str = ""  # the upper header row over it, when there are two

    @property
    def label(self) -> str:
        """How messages name the column: «Сведения о родителях — Телефон»."""
        if self.parent and self.written and header_key(self.parent) != header_key(self.written):
            return f"{self.parent} — {self.written}"
        return self.written or self.parent

    @property
    def key(self) -> str:
        """The key a curator's mapping is remembered by."""
        return header_key(self.label)


@dataclass
class ColumnReading:
    cell: HeaderCell
    field: str | None  # a field key, NUMBERING, NOT_STORED, IGNORE, or None when not recognised
    how: str = ""  # MAPPED, EXACT, ALIAS or KEYWORD
    repeats: str = ""  # the label of the column that already gives this field (this one is ignored)

    @property
    def used(self) -> bool:
        return self.used_field is not None

    @property
    def used_field(self) -> str | None:
        """The field this column fills; None when it fills none (not recognised, not stored, a repeat)."""
        if self.field in (None, NUMBERING, NOT_STORED, IGNORE) or self.repeats:
            return None
        return self.field


@dataclass
class Vocabulary:
    """What the caller knows: the template's headers and the curator's mapping."""

    kind: str  # MENTEES or MENTORS
    exact: dict[str, str]  # header_key(template header or its old alias) → field
    fields: frozenset[str]  # the fields this base can take
    mapping: dict[str, str] = field(default_factory=dict)  # HeaderCell.key → field or IGNORE

    def guess(self, cell: HeaderCell) -> tuple[str | None, str]:
        """(field, how) for one header cell, without the list's context."""
        if cell.key in self.mapping:
            return self.mapping[cell.key], MAPPED
        if header_key(cell.label) in EXPORT_PAIRING_HEADERS.get(self.kind, ()):
            return IGNORE, EXACT
        key = loose_key(cell.written or cell.parent)
        parent = loose_key(cell.parent) if cell.written else ""
        if parent and _has(parent, _GUARDIAN_WORDS):  # «Сведения о родителях» over «ФИО | Телефон»
            found = keyword_field(key, parent, self.kind)
            return (found, KEYWORD) if found else (None, "")
        for text in (cell.written, cell.label):
            if text and (found := self.exact.get(header_key(text))) is not None:
                return found, EXACT
        if parent in ("фио", "фамилия имя отчество") and key in ("фамилия", "имя", "отчество"):
            return {"фамилия": "last_name", "имя": "first_name", "отчество": "patronymic"}[key], ALIAS
        if key in ALIASES:
            return ALIASES[key], ALIAS
        found = keyword_field(key, parent, self.kind)
        return (found, KEYWORD) if found else (None, "")


def list_context(fields: Iterable[str | None], kind: str) -> str:
    """Whether the list is of pupils or of staff: from its other columns, then from the base."""
    found = set(fields)
    if found & {"position", "teaching_experience", "qualification", "subject"}:
        return MENTORS
    if found & {"group_name", "guardian_name", "guardian_phone"}:
        return MENTEES
    return kind


def recognise(
    cells: Sequence[HeaderCell], vocabulary: Vocabulary, samples: Sequence[Sequence[Any]] = ()
) -> list[ColumnReading]:
    """What every column will be read as. A stronger recognition wins a field over a weaker one."""
    guesses = [vocabulary.guess(cell) for cell in cells]
    context = list_context((found for found, _how in guesses), vocabulary.kind)
    readings: list[ColumnReading] = []
    for position, (cell, (found, how)) in enumerate(zip(cells, guesses, strict=True)):
        if found == "category":
            values = samples[position] if position < len(samples) else ()
            found = category_meaning(values, context)
        if (
            found is not None
            and found not in vocabulary.fields
            and found
            not in (
                NUMBERING,
                NOT_STORED,
                IGNORE,
            )
        ):
            found, how = None, ""  # e.g. «Компетенции» in a list of mentees
        readings.append(ColumnReading(cell=cell, field=found, how=how))
    # one column per field: the strongest recognition, then the leftmost
    best: dict[str, ColumnReading] = {}
    for reading in readings:
        if (field_key := reading.used_field) is None:
            continue
        current = best.get(field_key)
        if current is None or STRENGTH[reading.how] > STRENGTH[current.how]:
            best[field_key] = reading
    for reading in readings:
        if (field_key := reading.used_field) is not None and best[field_key] is not reading:
            reading.repeats = best[field_key].cell.label
    # a full name column is not needed beside the separate parts of the name
    if any(reading.used and reading.field == "last_name" for reading in readings):
        for reading in readings:
            if reading.used and reading.field == FULL_NAME:
                reading.repeats = best["last_name"].cell.label
    return readings


def category_meaning(values: Iterable[Any], context: str) -> str:
    """«Категория»: a participant category, a qualification category or special categories."""
    texts = [normalise(str(value)).rstrip(".") for value in values if value not in (None, "")]
    if texts:
        kinds = sum(1 for text in texts if text in KIND_VALUE_WORDS)
        qualifications = sum(1 for text in texts if text in QUALIFICATION_VALUE_WORDS)
        specials = sum(1 for text in texts if special_categories(text)[0])
        top = max(kinds, qualifications, specials)
        if top * 2 >= len(texts) and top:
            if top == kinds:
                return "kind"
            if top == qualifications:
                return "qualification"
            return SPECIAL_CATEGORIES
    return "qualification" if context == MENTORS else SPECIAL_CATEGORIES


KIND_VALUE_WORDS = frozenset(
    {
        "обучающийся",
        "обучающаяся",
        "ученик",
        "ученица",
        "педагог",
        "учитель",
        "родитель",
        "выпускник",
        "выпускница",
        "студент колледжа",
        "студент вуза",
        "сотрудник организации-партнера",
        "другой сотрудник",
        "законный представитель",
    }
)
QUALIFICATION_VALUE_WORDS = frozenset(
    {
        "первая",
        "высшая",
        "без категории",
        "б/к",
        "бк",
        "нет",
        "соответствие занимаемой должности",
        "сзд",
        "первая категория",
        "высшая категория",
        "первая квалификационная категория",
        "высшая квалификационная категория",
        "педагог-наставник",
        "педагог-методист",
    }
)

# --------------------------------------------------------------------------------------------------
# Finding the table
# --------------------------------------------------------------------------------------------------

HEADER_SEARCH_ROWS = 30
NAME_FIELDS = frozenset({"last_name", FULL_NAME})


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).replace("\xa0", " ").split())


@dataclass
class Table:
    header_rows: tuple[int, ...]  # 1-based row numbers of the header (one or two)
    cells: list[HeaderCell]
    readings: list[ColumnReading]
    rows: list[tuple[int, tuple]]  # data rows: (row number as Excel shows it, values)
    section_groups: dict[int, str] = field(default_factory=dict)  # row number → class of a section row
    end_row: int | None = None  # the row that ended the table (signature, totals, notes)
    end_text: str = ""
    rows_below: int = 0  # non-empty rows under the end, not read
    stray_rows: list[int] = field(default_factory=list)  # rows with cells only outside the table

    @property
    def fields(self) -> frozenset[str]:
        return frozenset(
            field_key for reading in self.readings if (field_key := reading.used_field) is not None
        )


def _header_cells(top: tuple, bottom: tuple | None) -> list[HeaderCell]:
    if bottom is None:
        return [HeaderCell(index, _text(value)) for index, value in enumerate(top) if not _blank(value)]
    width = max(len(top), len(bottom))
    cells = []
    carried = ""
    for index in range(width):
        upper = _text(top[index]) if index < len(top) else ""
        lower = _text(bottom[index]) if index < len(bottom) else ""
        if upper:
            carried = upper
        elif not lower:
            carried = ""
        parent = upper or (carried if lower else "")
        if lower:
            cells.append(HeaderCell(index, lower, parent if parent != lower else ""))
        elif upper:
            cells.append(HeaderCell(index, upper))
    return cells


def _score(readings: list[ColumnReading]) -> tuple[int, bool]:
    used = {reading.field for reading in readings if reading.used}
    known = sum(1 for reading in readings if reading.field is not None)
    return known, bool(used & NAME_FIELDS) or {"first_name", "last_name"} <= used


def _column_samples(
    rows: Sequence[tuple], cells: list[HeaderCell], start: int, count: int = 30
) -> list[list]:
    samples: list[list] = [[] for _cell in cells]
    for values in rows[start : start + count]:
        for position, cell in enumerate(cells):
            if cell.index < len(values) and not _blank(values[cell.index]):
                samples[position].append(values[cell.index])
    return samples


def find_table(
    rows: Sequence[tuple], vocabulary: Vocabulary, search_rows: int = HEADER_SEARCH_ROWS
) -> Table | None:
    """The table of people in a sheet's rows, or None when the sheet has none."""
    best: tuple[tuple[int, int], int, int] | None = None  # ((score, -rows), header start, header rows)
    limit = min(len(rows), search_rows)
    for start in range(limit):
        top = rows[start]
        if sum(1 for value in top if not _blank(value)) < 1:
            continue
        for height in (1, 2):
            if height == 2 and start + 1 >= len(rows):
                continue
            cells = _header_cells(top, rows[start + 1] if height == 2 else None)
            readings = recognise(cells, vocabulary)
            known, has_name = _score(readings)
            if not has_name or known < 2:
                continue
            score = (known, -height)
            if best is None or score > best[0]:
                best = (score, start, height)
    if best is None:
        return None
    _score_value, start, height = best
    cells = _header_cells(rows[start], rows[start + 1] if height == 2 else None)
    first_data = start + height
    readings = recognise(cells, vocabulary, _column_samples(rows, cells, first_data))
    table = Table(
        header_rows=tuple(range(start + 1, start + height + 1)), cells=cells, readings=readings, rows=[]
    )
    _read_rows(rows, first_data, table)
    return table


_FOOTER = re.compile(
    r"^\s*(итого|всего|примечани|подпис|классный\s+руководитель|директор|зам\.?\s*директора|заместитель\s+директора"
    r"|не\s+включены\s*:|исполнител|ответственн|составил|секретарь|специалист\s+по\s+кадрам|инспектор|м\.\s*п\.?|дата\s+составления)",
    re.IGNORECASE,
)
_UNDERLINE = re.compile(r"_{3,}|/\s*[А-ЯЁ][а-яё]+\s+[А-ЯЁ]\.\s*[А-ЯЁ]?\.?\s*/")


def is_footer(text: str) -> bool:
    return bool(_FOOTER.match(text) or (("_" in text or "/" in text) and _UNDERLINE.search(text)))


def _is_column_numbers(values: tuple, cells: list[HeaderCell]) -> bool:
    """A row of column numbers under the header: «1 | 2 | 3 | …»."""
    numbers = [value for value in values if not _blank(value)]
    if len(numbers) < max(2, len(cells) // 2):
        return False
    try:
        as_int = [int(str(value).strip().rstrip(".")) for value in numbers]
    except ValueError:
        return False
    return as_int == list(range(as_int[0], as_int[0] + len(as_int)))


def _same_header(values: tuple, cells: list[HeaderCell], keys: list[str]) -> bool:
    """The header written again under the table (a list printed on several pages)."""
    first = cells[0]
    if first.index >= len(values) or not isinstance(values[first.index], str):
        return False
    if header_key(values[first.index]) != keys[0]:
        return False  # the quick answer for almost every row
    return [
        header_key(_text(values[cell.index])) if cell.index < len(values) else "" for cell in cells
    ] == keys


def _read_rows(rows: Sequence[tuple], first: int, table: Table) -> None:
    columns = {cell.index for cell in table.cells}
    low, high = min(columns), max(columns)
    used_columns = {reading.cell.index for reading in table.readings if reading.used}
    name_columns = {
        reading.cell.index
        for reading in table.readings
        if reading.used and reading.field in ("last_name", "first_name", FULL_NAME)
    }
    has_group = any(reading.used and reading.field == "group_name" for reading in table.readings)
    header_keys = [header_key(cell.written) for cell in table.cells]
    section_group = ""
    ended = False
    for offset, values in enumerate(rows[first:]):
        number = first + offset + 1
        filled = [(index, value) for index, value in enumerate(values) if not _blank(value)]
        if not filled:
            continue
        if ended:
            if _same_header(values, table.cells, header_keys):  # a second part of the list further down
                ended = False
                table.end_row, table.end_text = None, ""
                continue
            table.rows_below += 1
            continue
        if offset == 0 and _is_column_numbers(values, table.cells):
            continue
        inside = [(index, value) for index, value in filled if low <= index <= high]
        if not inside:
            table.stray_rows.append(number)
            continue
        # signatures and totals are written in the first cells of a row
        texts = [_text(value) for _index, value in inside[:3] if isinstance(value, str)]
        name_texts = [
            _text(values[index])
            for index in name_columns
            if index < len(values) and not _blank(values[index])
        ]
        footer = next((text for text in texts if is_footer(text)), "")
        if footer and (not name_texts or any(is_footer(text) for text in name_texts)):
            ended = True
            table.end_row = number
            table.end_text = footer[:200]
            continue
        if _same_header(values, table.cells, header_keys):
            continue
        if not name_texts and len(inside) == 1 and isinstance(inside[0][1], str):
            group = normalise_class(inside[0][1], strict=True)
            if group:  # a section row: «7 «Б» класс»
                if not has_group:
                    section_group = group
                    table.section_groups[number] = group
                continue
        data = [(index, value) for index, value in inside if index in used_columns]
        if not data:
            continue  # only a number in «№ п/п», or notes in a column nobody reads
        if not name_texts and all(isinstance(value, int | float) for _index, value in data):
            continue  # a row of totals without a word
        table.rows.append((number, values))
        if section_group and not has_group:
            table.section_groups[number] = section_group


# --------------------------------------------------------------------------------------------------
# Values
# --------------------------------------------------------------------------------------------------

EXCEL_ERRORS = frozenset(
    {
        "#н/д",
        "#n/a",
        "#знач!",
        "#value!",
        "#ссылка!",
        "#ссыл!",
        "#ref!",
        "#дел/0!",
        "#div/0!",
        "#имя?",
        "#name?",
        "#число!",
        "#num!",
        "#пусто!",
        "#null!",
        "#getting_data",
        "#spill!",
        "#перенос!",
        "#calc!",
        "#выч!",
    }
)


def excel_error(value: Any) -> str:
    """The Excel error value in a cell («#Н/Д»), or ""."""
    if isinstance(value, str) and "#" in value[:3] and value.strip().lower() in EXCEL_ERRORS:
        return value.strip()
    return ""


_MONTH_STEMS = (
    ("январ", 1),
    ("феврал", 2),
    ("март", 3),
    ("апрел", 4),
    ("июн", 6),
    ("июл", 7),
    ("август", 8),
    ("сентябр", 9),
    ("октябр", 10),
    ("ноябр", 11),
    ("декабр", 12),
)
# every form a month takes in a date: «марта», «март», «мае», «мая»; the short forms «янв», «сент»
MONTHS = {
    **{stem + ending: number for stem, number in _MONTH_STEMS for ending in ("", "ь", "я", "а", "е", "й")},
    "май": 5,
    "мая": 5,
    "мае": 5,
    **dict(
        zip(
            ("янв", "фев", "мар", "апр", "июн", "июл", "авг", "сен", "сент", "окт", "ноя", "нояб", "дек"),
            (1, 2, 3, 4, 6, 7, 8, 9, 9, 10, 11, 11, 12),
            strict=True,
        )
    ),
}
_NUMERIC_DATE = re.compile(r"(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{2}|\d{4})(?:\s*(?:г|года?)\.?)?")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?")
_WORD_DATE = re.compile(r"(\d{1,2})\s+([а-яё]+)\.?\s+(\d{4})(?:\s*(?:г|года?)\.?)?", re.IGNORECASE)
EXCEL_EPOCH = datetime(1899, 12, 30)


def _month(word: str) -> int | None:
    return MONTHS.get(word.lower().replace("ё", "е").rstrip("."))


def parse_date_value(value: Any, today: date, *, past: bool = False) -> date | None:
    """A date as a school writes it; None for an empty cell; :class:`Problem` ``date`` if unreadable.

    «05.03.2012», «5.3.2012», «05/03/2012», «2012-03-05», «5 марта 2016 г.», «12.05.13» (a two-digit
    year is the nearest one not in the future for a ``past`` date such as a birth date, else 20yy),
    an Excel date, an Excel serial number (a date cell formatted as a number).
    """
    if _blank(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise Problem("date", value=_text(value))
    if isinstance(value, int | float):
        if 1 <= value < 2958466:
            return (EXCEL_EPOCH + timedelta(days=int(value))).date()
        raise Problem("date", value=_text(value))
    text = _text(value).lower()
    if text.isdigit() and 10000 <= int(text) < 80000:  # a serial number typed as text
        return (EXCEL_EPOCH + timedelta(days=int(text))).date()
    try:
        if match := _NUMERIC_DATE.fullmatch(text):
            day, month, year = int(match[1]), int(match[2]), match[3]
            return date(_full_year(year, today, past), month, day)
        if match := _ISO_DATE.fullmatch(text):
            return date(int(match[1]), int(match[2]), int(match[3]))
        if (match := _WORD_DATE.fullmatch(text)) and (named_month := _month(match[2])):
            return date(int(match[3]), named_month, int(match[1]))
    except ValueError:
        pass
    raise Problem("date", value=_text(value))


def _full_year(text: str, today: date, past: bool) -> int:
    year = int(text)
    if len(text) == 4:
        return year
    century = today.year // 100 * 100
    if past:
        return century + year if century + year <= today.year else century - 100 + year
    return century + year


_CLASS = re.compile(
    r"^(\d{1,2})\s*[-–—]?\s*[«\"'“„]?\s*([а-яёa-z])?\s*[»\"'”]?\s*(?:кл(?:асс|\.)?|класса)?\.?$",
    re.IGNORECASE,
)
_LATIN_TO_CYRILLIC = str.maketrans("ABCEHKMOPTXabcehkmoptx", "АВСЕНКМОРТХавсенкмортх")


def normalise_class(value: Any, *, strict: bool = False) -> str:
    """«7 «Б»», «7б», «7-Б», «7 Б класс», «7 «Б» кл.» → «7Б»; anything else as written (a college group).

    With ``strict`` only a text that is clearly a class gives one (for section rows); else "".
    """
    text = _text(value)
    if not text:
        return ""
    match = _CLASS.match(text.translate(_LATIN_TO_CYRILLIC))
    if match is None:
        return "" if strict else text
    grade = int(match[1])
    if not 1 <= grade <= 11:
        return "" if strict else text
    letter = (match[2] or "").upper()
    if strict and not letter and "кл" not in text.lower():
        return ""  # a lone number is not a section row
    return f"{grade}{letter}"


def grade_of(group: str) -> int | None:
    match = re.match(r"^(\d{1,2})", group or "")
    return int(match[1]) if match else None


_PHONE_SPLIT = re.compile(r"\s*[,;]\s*|\s{2,}|\n")


def normalise_phone(value: Any) -> tuple[str, bool]:
    """(the phones in one format, whether all of them are valid numbers).

    «8 (900) 123-45-67», «89001234567», «9001234567», «+7-900-123-45-67» → «+7 900 123-45-67»;
    several numbers in one cell are kept, separated by «, ». A number that cannot be read is kept as
    written and reported as not valid.
    """
    if _blank(value):
        return "", True
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = _text(value)
    parts = [part for part in _PHONE_SPLIT.split(text) if part]
    written: list[str] = []
    valid = True
    for part in parts:
        digits = re.sub(r"\D", "", part)
        mobile = _mobile(part, digits)
        if mobile:  # the common case, written without the library (the same result, see the tests)
            written.append(mobile)
            continue
        candidate = part
        if len(digits) == 10 and digits[0] == "9":
            candidate = "+7" + digits
        elif len(digits) == 11 and digits[0] == "8":
            candidate = "+7" + digits[1:]
        try:
            number = phonenumbers.parse(candidate, "RU")
        except phonenumbers.NumberParseException:
            number = None
        if number is None or not phonenumbers.is_valid_number(number):
            valid = False
            written.append(part)
            continue
        written.append(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL))
    return ", ".join(written), valid


_MOBILE_WRITTEN = re.compile(r"(?:\+7|8|7)?[\s\-()]*9[\d\s\-()]{9,16}")


def _mobile(part: str, digits: str) -> str:
    """A Russian mobile number (+7 9XX …, 8 9XX …, 9XX …) in the international format, or ""."""
    if len(digits) == 11 and digits[0] in "78" and digits[1] == "9":
        digits = digits[1:]
    elif not (len(digits) == 10 and digits[0] == "9"):
        return ""
    if not _MOBILE_WRITTEN.fullmatch(part.strip()):
        return ""
    return f"+7 {digits[:3]} {digits[3:6]}-{digits[6:8]}-{digits[8:]}"


_PATRONYMIC_TAIL = frozenset({"оглы", "кызы", "угли", "улы", "уулу", "кизи", "гызы"})
_PATRONYMIC_END = ("вич", "вна", "ична", "инична", "ич")


@dataclass(frozen=True)
class Name:
    last_name: str
    first_name: str
    patronymic: str
    note: str = ""  # a remark in brackets after the name, kept apart («(переведён)»)


def _capitalise(word: str) -> str:
    return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))


def name_case(text: str) -> str:
    """A name part typed all in capitals («УСОВА») with a capital at the start only; others as written."""
    if len(text) > 1 and text.isupper() and re.fullmatch(r"[А-ЯЁA-Z][А-ЯЁA-Z\- ']+", text):
        return " ".join(_capitalise(word) for word in text.split(" "))
    return text


def split_full_name(text: str) -> Name:
    """«Иванов Иван Иванович», «Петрова-Водкина Анна», «Мамедов Эльдар Рашид оглы» → the three parts.

    A name typed all in capitals is written with capitals at the start; a remark in brackets is kept
    apart. :class:`Problem` ``full_name`` when there is no first name.
    """
    text = _text(text)
    note = ""
    if match := re.search(r"\s*\(([^)]*)\)\s*$", text):
        note = match[1].strip()
        text = text[: match.start()].strip()
    words = [word for word in re.split(r"\s+", text.replace(",", " ")) if word]
    if words and all(word.isupper() for word in words if any(ch.isalpha() for ch in word)):
        words = [_capitalise(word) for word in words]
    if len(words) < 2:
        raise Problem("full_name", value=text)
    if len(words) >= 3 and words[-1].lower() in _PATRONYMIC_TAIL:
        # «Мамедов Эльдар Рашид оглы»: the father's name and «оглы» are the patronymic
        rest = words[:-2]
        patronymic = f"{words[-2]} {words[-1].lower()}"
        if len(rest) < 2:
            raise Problem("full_name", value=text)
        return Name(" ".join(rest[:-1]), rest[-1], patronymic, note)
    if len(words) == 4 and words[-1].lower().endswith(_PATRONYMIC_END):
        # «Салтыков Щедрин Михаил Евграфович»: a double surname written with a space
        return Name(f"{words[0]} {words[1]}", words[2], words[3], note)
    if len(words) > 4:
        return Name(words[0], words[1], " ".join(words[2:]), note)
    return Name(words[0], words[1], " ".join(words[2:]), note)


# special categories as words in one cell
CATEGORY_WORDS: tuple[tuple[str, str], ...] = (
    ("овз", "has_ovz"),
    ("ограниченн", "has_ovz"),
    ("инвалид", "has_disability"),
    ("сирот", "orphan"),
    ("опекаем", "orphan"),
    ("под опекой", "orphan"),
    ("без попечения", "orphan"),
    ("одарен", "gifted"),
    ("одарён", "gifted"),
    ("группа риска", "deviant_behaviour"),
    ("девиант", "deviant_behaviour"),
    ("на учете", "deviant_behaviour"),
    ("вшу", "deviant_behaviour"),
    ("кдн", "deviant_behaviour"),
    ("пдн", "deviant_behaviour"),
    ("тжс", "difficult_situation"),
    ("трудн", "difficult_situation"),
    ("малообеспеч", "low_income"),
    ("малоимущ", "low_income"),
    ("сельск", "rural"),
    ("отдален", "rural"),
)
_NO_CATEGORY = frozenset({"нет", "-", "—", "не относится", "не имеет", "отсутствует", "0"})


def special_categories(text: Any) -> tuple[set[str], list[str]]:
    """({flags}, [words not understood]) from «ОВЗ, сирота», «одарённые», «группа риска; инвалид»."""
    flags: set[str] = set()
    unknown: list[str] = []
    for part in re.split(r"[,;/\n]+|\s+и\s+", _text(text)):
        word = normalise(part).strip(" .")
        if not word or word in _NO_CATEGORY:
            continue
        found = {flag for stem, flag in CATEGORY_WORDS if stem in word}
        if found:
            flags |= found
        else:
            unknown.append(part.strip())
    return flags, unknown


def age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


PUPIL_AGES = (5, 20)
ADULT_AGES = (14, 85)


def implausible_age(birth: date, today: date, learner: bool) -> int | None:
    """The age when it is not plausible for a pupil (5–20) or for a mentor (14–85), else None."""
    age = age_on(birth, today)
    low, high = PUPIL_AGES if learner else ADULT_AGES
    return age if not low <= age <= high else None


# --------------------------------------------------------------------------------------------------
# Several sheets
# --------------------------------------------------------------------------------------------------


@dataclass
class SheetOutcome:
    sheet: str
    table: Table | None
    read: bool
    reason: str = ""  # why a sheet was skipped: "no_table", "other_shape", "hidden", "template"


def choose_sheets(
    sheets: Sequence[tuple[str, bool, Callable[[], Sequence[tuple]]]],
    vocabulary: Vocabulary,
    skip_titles: Iterable[str] = (),
) -> list[SheetOutcome]:
    """Read every visible sheet holding a list of the same shape as the first one found.

    ``sheets`` are (title, visible, rows loader). The shape is the set of fields the columns give; a
    sheet with a table of another shape is skipped, and so is a sheet without a table.
    """
    skip = set(skip_titles)
    outcomes: list[SheetOutcome] = []
    shape: frozenset[str] | None = None
    for title, visible, load in sheets:
        if title in skip:
            outcomes.append(SheetOutcome(title, None, False, "template"))
            continue
        if not visible:
            outcomes.append(SheetOutcome(title, None, False, "hidden"))
            continue
        table = find_table(load(), vocabulary)
        if table is None:
            outcomes.append(SheetOutcome(title, None, False, "no_table"))
            continue
        if shape is None:
            shape = table.fields
        elif table.fields != shape:
            outcomes.append(SheetOutcome(title, table, False, "other_shape"))
            continue
        outcomes.append(SheetOutcome(title, table, True))
    return outcomes
