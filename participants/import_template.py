"""The Excel template of a base (mentees or mentors) the curator downloads, fills in and imports.

Three sheets: the table with the Russian headers the import reads (required ones marked «*») and
drop-down lists; «Справочники» with the values of the lists; «Инструкция» with how to fill it in.
The headers and list values are the file's vocabulary (see ``importing.py``); the instructions are
translated.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Literal

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from mentoring.spreadsheets import keep_as_text

from .importing import (
    CONSENT_BY_CHOICES,
    DATA_SHEETS,
    HINT_DATE,
    HINT_LIST,
    HINT_NUMBER,
    HINT_YES_NO,
    INSTRUCTION_SHEET,
    KIND_LABELS,
    MAX_ROWS,
    MENTEES,
    QUALIFICATION_LABELS,
    REFERENCE_SHEET,
    SEX_CHOICES,
    YES_NO_CHOICES,
    Column,
    columns_for,
)

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
LAST_ROW = MAX_ROWS + 1  # the drop-downs cover every row the import accepts


# the lists of requests and competencies offer the vocabulary's terms; other words are welcome too
VOCABULARY_COLUMNS = frozenset({"requests", "subject_areas", "competencies", "interests"})


def _lists(partners: Sequence[str], terms: Sequence[str] = ()) -> dict[str, tuple[str, list[str]]]:
    """name → (the reference sheet's column title, values)."""
    return {
        "kind": ("Категория участника", list(KIND_LABELS.values())),
        "sex": ("Пол", list(SEX_CHOICES)),
        "yes_no": ("Да/нет", list(YES_NO_CHOICES)),
        "qualification": ("Квалификационная категория", list(QUALIFICATION_LABELS.values())),
        "partner": ("Организация-партнёр", list(partners)),
        "vocabulary": ("Словарь запросов и компетенций", list(terms)),
        "consent_by": ("Согласие подписал", list(CONSENT_BY_CHOICES)),
    }


def template_filename(kind: str) -> str:
    return "mentees_import_template.xlsx" if kind == MENTEES else "mentors_import_template.xlsx"


def header_text(column: Column) -> str:
    return f"{column.header} *" if column.required else column.header


def _hint(column: Column) -> str:
    if column.choices:
        return _("a value from the drop-down list")
    return {
        HINT_DATE: _("a date, dd.mm.yyyy"),
        HINT_LIST: _("a list: separate the items with «;» or line breaks"),
        HINT_YES_NO: _("«да» or «нет»; empty means «нет»"),
        HINT_NUMBER: _("a whole number"),
    }.get(column.hint, _("text"))


def build_template(kind: str, partners: Iterable[str] = (), terms: Iterable[str] = ()) -> bytes:
    """The workbook as bytes; ``partners`` are the names of the organisation's partner organisations,
    ``terms`` those of its vocabulary of requests and competencies."""
    columns = tuple(column for column in columns_for(kind) if column.in_template)
    workbook = Workbook()
    sheet = workbook.worksheets[0]  # a new workbook has one sheet, the active one
    sheet.title = DATA_SHEETS[kind]
    reference = workbook.create_sheet(REFERENCE_SHEET)
    instruction = workbook.create_sheet(INSTRUCTION_SHEET)

    # the reference lists, one per column
    ranges: dict[str, str] = {}
    for index, (name, (title, values)) in enumerate(_lists(sorted(partners), sorted(terms)).items(), start=1):
        letter = get_column_letter(index)
        reference.cell(row=1, column=index, value=title).font = Font(bold=True)
        for row, value in enumerate(values, start=2):
            keep_as_text(reference.cell(row=row, column=index, value=value))  # partner names are user text
        reference.column_dimensions[letter].width = (
            max(len(title), *(len(value) for value in values or [""])) + 4
        )
        if values:
            ranges[name] = f"{quote_sheetname(REFERENCE_SHEET)}!${letter}$2:${letter}${len(values) + 1}"
    reference.freeze_panes = "A2"

    # the table: headers, widths, formats, drop-downs and prompts
    for index, column in enumerate(columns, start=1):
        letter = get_column_letter(index)
        header = header_text(column)
        cell = sheet.cell(row=1, column=index, value=header)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        dimension = sheet.column_dimensions[letter]
        dimension.width = min(max(len(header) + 2, 12), 40)
        if column.hint == HINT_DATE:
            dimension.number_format = "DD.MM.YYYY"
        elif column.key in ("external_id", "phone", "guardian_phone", "group_name"):
            dimension.number_format = "@"  # keep leading zeros and «+7»
        validation = _validation(column, ranges)
        if validation is not None:
            validation.add(f"{letter}2:{letter}{LAST_ROW}")
            sheet.add_data_validation(validation)
    sheet.freeze_panes = "A2"
    sheet.row_dimensions[1].height = 45

    _fill_instruction(instruction, kind, columns)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def _data_validation(
    column: Column,
    *,
    type: Literal["list", "date", "whole"],
    formula1: str,
    error_title: str,
    error: str,
    operator: Literal["between"] | None = None,
    formula2: str | None = None,
    error_style: Literal["warning", "information"] = "warning",  # the import reads more than the list offers
) -> DataValidation:
    return DataValidation(
        type=type,
        operator=operator,
        formula1=formula1,
        formula2=formula2,
        allow_blank=True,
        showErrorMessage=True,
        errorStyle=error_style,
        showInputMessage=True,
        promptTitle=column.header[:32],
        prompt=_hint(column)[:255],
        errorTitle=error_title[:32],
        error=error[:255],
    )


def _validation(column: Column, ranges: dict[str, str]) -> DataValidation | None:
    if column.key in VOCABULARY_COLUMNS and "vocabulary" in ranges:
        return _data_validation(
            column,
            type="list",
            formula1=ranges["vocabulary"],
            error_title=_("Not in the vocabulary"),
            error=_("Your own words are fine too: the matching compares them word by word."),
            error_style="information",
        )
    if column.choices:
        if column.choices not in ranges:
            return None
        return _data_validation(
            column,
            type="list",
            formula1=ranges[column.choices],
            error_title=_("Not in the list"),
            error=_("Choose a value from the list."),
        )
    if column.hint == HINT_DATE:
        return _data_validation(
            column,
            type="date",
            operator="between",
            formula1="DATE(1900,1,1)",
            formula2="DATE(2100,12,31)",
            error_title=_("Not a date"),
            error=_("Write a date as dd.mm.yyyy."),
        )
    if column.hint == HINT_NUMBER:
        low, high = (1, 30) if column.key == "capacity" else (0, 70)
        return _data_validation(
            column,
            type="whole",
            operator="between",
            formula1=str(low),
            formula2=str(high),
            error_title=_("Not a number"),
            error=_("Write a whole number from %(min)s to %(max)s.") % {"min": low, "max": high},
        )
    return None


def _fill_instruction(sheet, kind: str, columns: tuple[Column, ...]) -> None:
    title = _("How to fill in the mentee base") if kind == MENTEES else _("How to fill in the mentor base")
    lines = [
        _(
            "Fill in one row per person on the sheet «%(sheet)s», from the second row on. Keep the header row: "
            "columns may be moved or deleted, except the required ones marked with «*»."
        )
        % {"sheet": DATA_SHEETS[kind]},
        _("Dates are written as dd.mm.yyyy, for example 01.09.2010."),
        _(
            "Lists (requests, subject areas, competencies, interests): separate the items with «;» or line breaks."
        ),
        _("The drop-down lists take their values from the sheet «%(sheet)s».") % {"sheet": REFERENCE_SHEET},
        _("Yes/no columns: «да» or «нет»; an empty cell means «нет»."),
        _(
            "«ID» is optional: the person's number in your own records. A person already in the base is found by "
            "the ID or, without it, by the full name and the birth date, so importing the same file again "
            "changes nothing."
        ),
        _(
            "An empty cell clears the value in the base for the columns present in the file; the columns you "
            "delete from the file are left as they are."
        ),
        _("At most %(count)s rows in one file. Before anything is saved you will see every row checked.")
        % {"count": MAX_ROWS},
        _(
            "Consent columns: if the consent to the processing of personal data is already signed on paper, write "
            "its date; «%(by)s» is «сам» or «законный представитель» (for a minor, a representative); for a "
            "representative write the full name, or leave it empty to take the «%(parent)s» column. The scans "
            "can be attached later on the page «Согласия»."
        )
        % {"by": "Согласие подписал", "parent": "Родитель (законный представитель)"},
    ]
    if kind != MENTEES:
        lines.append(
            _(
                "«%(column)s»: the name of a partner organisation exactly as in the organisation's list of "
                "partners; add a new partner before the import."
            )
            % {"column": "Организация-партнёр"}
        )
    sheet.column_dimensions["A"].width = 45
    sheet.column_dimensions["B"].width = 16
    sheet.column_dimensions["C"].width = 60
    sheet.cell(row=1, column=1, value=title).font = Font(bold=True, size=13)
    row = 3
    for line in lines:
        sheet.cell(row=row, column=1, value=line).alignment = Alignment(wrap_text=True, vertical="top")
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=3)
        sheet.row_dimensions[row].height = 32
        row += 1
    row += 1
    for index, text in enumerate((_("Column"), _("Required"), _("What to write")), start=1):
        cell = sheet.cell(row=row, column=index, value=text)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
    for column in columns:
        row += 1
        sheet.cell(row=row, column=1, value=column.header)
        sheet.cell(row=row, column=2, value=_("yes") if column.required else "")
        sheet.cell(row=row, column=3, value=_hint(column))
