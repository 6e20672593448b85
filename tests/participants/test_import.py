"""The Excel import of the bases: template, upload, preview, confirm, the job, the command.

Spreadsheets are built at run time with openpyxl.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from datetime import date, datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from mentoring import stored_folders
from mentoring.models import AuditEvent, Job, Role
from participants import importing
from participants.models import MenteeProfile, MentorProfile, PartnerOrganization, Person
from participants.services import mentee_profile_save, person_create
from tests.factories import MembershipFactory, UserFactory

from ..conftest import YEAR, client_for

pytestmark = [pytest.mark.django_db]

KW = {"org": "school-a", "year": YEAR}


def url(name: str, **kwargs) -> str:
    return reverse(f"participants:{name}", kwargs={**KW, **kwargs})


# --- Spreadsheets -----------------------------------------------------------------------------------

LAST_NAMES = ["Иванова", "Петров", "Смирнова", "Кузнецов", "Соколова", "Попов", "Лебедева", "Козлов"]
FIRST_NAMES = ["Анна", "Борис", "Вера", "Глеб", "Дарья", "Егор", "Жанна", "Захар"]


def mentee_row(number: int, **changes) -> dict:
    row = {
        "ID": f"M-{number}",
        "Фамилия *": LAST_NAMES[number % len(LAST_NAMES)],
        "Имя *": FIRST_NAMES[number % len(FIRST_NAMES)],
        "Отчество": "Сергеевна" if number % 2 == 0 else "Сергеевич",
        "Дата рождения": f"{1 + number % 28:02d}.0{1 + number % 9}.{2008 + number % 5}",
        "Пол": "ж" if number % 2 == 0 else "м",
        "Категория участника": "Обучающийся",
        "Класс/группа": f"{5 + number % 6}Б",
        "Телефон": f"+7 900 000-{number:04d}",
        "Ключевые запросы": "Подготовка к олимпиаде; Адаптация в классе",
        "ОВЗ": "да" if number % 5 == 0 else "нет",
        "Дата входа в программу": "01.10.2025",
    }
    row.update(changes)
    return {key: value for key, value in row.items() if value is not ...}


def mentor_row(number: int, **changes) -> dict:
    row = {
        "Фамилия": LAST_NAMES[number % len(LAST_NAMES)],
        "Имя": FIRST_NAMES[number % len(FIRST_NAMES)],
        "Отчество": "Петровна",
        "Дата рождения": date(1980 + number % 20, 3, 1 + number % 27),
        "Категория участника": "Педагог",
        "Компетенции": "Олимпиадная математика\nПроектная деятельность",
        "Наставляемых не более": 3,
        "Обучение пройдено": "да",
        "Организация-партнёр": "",
    }
    row.update(changes)
    return row


def xlsx(rows: list[dict], *, headers: list[str] | None = None, title_rows: int = 0) -> bytes:
    headers = headers or list(dict.fromkeys(key for row in rows for key in row))
    workbook = Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)
    for index in range(title_rows):
        sheet.append([f"Список участников, лист {index + 1}"])
    sheet.append(headers)
    for row in rows:
        sheet.append([row.get(header) for header in headers])
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def upload(client, data: bytes, kind: str = "mentees", name: str = "база.xlsx"):
    return client.post(url("import_upload", kind=kind), {"file": SimpleUploadedFile(name, data)})


def confirm(client, only_valid: bool = False, capture=None):
    data = {"action": "confirm", **({"only_valid": "1"} if only_valid else {})}
    if capture is None:
        return client.post(url("import_preview"), data)
    with capture(execute=True):
        return client.post(url("import_preview"), data)


def import_through_page(client, data: bytes, kind: str = "mentees", only_valid: bool = False):
    response = upload(client, data, kind)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"] == url("import_preview")
    return confirm(client, only_valid)


def preview_plan(client) -> tuple[str, dict]:
    response = client.get(url("import_preview") + "?show=all")
    assert response.status_code == 200
    return response.content.decode(), response.context["counts"]


def timestamps() -> dict:
    return {
        "people": dict(Person.objects.values_list("pk", "updated_at")),
        "mentees": dict(MenteeProfile.objects.values_list("pk", "updated_at")),
        "mentors": dict(MentorProfile.objects.values_list("pk", "updated_at")),
    }


# --- The template ------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["mentees", "mentors"])
def test_template_opens_with_headers_lists_and_instructions(curator_client, school, kind):
    PartnerOrganization.objects.create(organization=school, name="ООО «Ромашка», филиал")
    response = curator_client.get(url("import_template") + f"?kind={kind}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == [importing.DATA_SHEETS[kind], "Справочники", "Инструкция"]
    sheet = workbook[importing.DATA_SHEETS[kind]]
    headers = [cell.value for cell in sheet[1]]
    assert headers[:3] == ["ID", "Фамилия *", "Имя *"]
    assert ("ОВЗ" in headers) == (kind == "mentees")
    assert ("Организация-партнёр" in headers) == (kind == "mentors")
    validations = sheet.data_validations.dataValidation
    lists = {str(item.sqref).split(":")[0][:-1]: item.formula1 for item in validations if item.type == "list"}
    column_of = {header: cell.column_letter for header, cell in zip(headers, sheet[1], strict=True)}
    assert lists[column_of["Категория участника"]].startswith("'Справочники'!")
    assert column_of["Пол"] in lists and column_of["Квалификационная категория"] in lists
    assert {item.type for item in validations} >= {"list", "date", "whole"}
    reference = [
        [cell for cell in column if cell is not None]
        for column in workbook["Справочники"].iter_cols(values_only=True)
    ]
    assert "Сотрудник организации-партнёра" in reference[0]
    assert reference[2] == ["Да/нет", "да", "нет"]
    if kind == "mentors":
        assert "ООО «Ромашка», филиал" in reference[4]
        assert column_of["Организация-партнёр"] in lists
    instruction = [
        value for row in workbook["Инструкция"].iter_rows(values_only=True) for value in row if value
    ]
    assert len(instruction) > 20


def test_template_of_an_unknown_base_is_404(curator_client, school):
    assert curator_client.get(url("import_template") + "?kind=parents").status_code == 404
    assert curator_client.get(url("import_upload", kind="parents")).status_code == 404


def test_the_template_filled_in_imports_as_it_is(curator_client, school, programme):
    template = load_workbook(io.BytesIO(curator_client.get(url("import_template") + "?kind=mentees").content))
    sheet = template.active
    assert isinstance(sheet, Worksheet)
    headers = [cell.value for cell in sheet[1]]
    sheet.append(
        [
            {"Фамилия *": "Орлова", "Имя *": "Ольга", "Дата рождения": datetime(2011, 5, 4)}.get(h)
            for h in headers
        ]
    )
    output = io.BytesIO()
    template.save(output)
    response = import_through_page(curator_client, output.getvalue())
    assert response.status_code == 302
    person = Person.objects.get()
    assert (person.full_name, person.birth_date, person.kind) == (
        "Орлова Ольга",
        date(2011, 5, 4),
        Person.Kind.PUPIL,
    )
    assert MenteeProfile.objects.get().programme == programme


# --- Import, re-import, update, matching ----------------------------------------------------------


def test_five_mentees_import_and_the_same_file_again_changes_nothing(
    curator_client, school, programme, curator
):
    data = xlsx([mentee_row(number) for number in range(5)])
    assert upload(curator_client, data).status_code == 302
    html, counts = preview_plan(curator_client)
    assert counts == {"new": 5, "updated": 0, "unchanged": 0, "error": 0}
    assert Person.objects.count() == 0  # nothing before confirmation
    response = confirm(curator_client)
    assert response.status_code == 302 and response["Location"] == url("mentees")
    assert Person.objects.filter(organization=school).count() == 5
    assert MenteeProfile.objects.filter(programme=programme).count() == 5
    ivanova = Person.objects.get(external_id="M-0")
    assert ivanova.full_name == "Иванова Анна Сергеевна"
    assert ivanova.birth_date == date(2008, 1, 1)
    assert ivanova.sex == Person.Sex.FEMALE and ivanova.group_name == "5Б"
    assert ivanova.search_text == "иванова анна сергеевна 5б"
    profile = ivanova.mentee_profiles.get()
    assert profile.requests == ["Подготовка к олимпиаде", "Адаптация в классе"]
    assert profile.has_ovz is True and profile.entry_date == date(2025, 10, 1)
    audit = AuditEvent.objects.get(target_type="participants.Import")
    assert audit.actor == curator and audit.action == AuditEvent.Action.CREATE
    assert (
        audit.details["new"] == 5 and audit.details["updated"] == 0 and audit.details["people_created"] == 5
    )
    assert (
        AuditEvent.objects.exclude(action=AuditEvent.Action.VIEW).count() == 1
    )  # one row, nothing per person

    before, audits = timestamps(), AuditEvent.objects.count()
    assert upload(curator_client, data).status_code == 302
    _html, counts = preview_plan(curator_client)
    assert counts == {"new": 0, "updated": 0, "unchanged": 5, "error": 0}
    assert confirm(curator_client).status_code == 302
    assert timestamps() == before
    assert AuditEvent.objects.count() == audits


def test_a_changed_row_is_updated_and_only_it(curator_client, school, programme):
    rows = [mentee_row(number) for number in range(5)]
    import_through_page(curator_client, xlsx(rows))
    before = timestamps()
    rows[2] = mentee_row(2, **{"Телефон": "+7 911 111-11-11", "Ключевые запросы": "Профориентация"})
    assert upload(curator_client, xlsx(rows)).status_code == 302
    html, counts = preview_plan(curator_client)
    assert counts == {"new": 0, "updated": 1, "unchanged": 4, "error": 0}
    # old → new for every change
    assert "+7 900 000-00-02</span> → <span>+7 911 111-11-11" in html  # phones in one format
    assert "Подготовка к олимпиаде; Адаптация в классе</span> → <span>Профориентация" in html
    confirm(curator_client)
    person = Person.objects.get(external_id="M-2")
    assert person.phone == "+7 911 111-11-11"
    assert person.mentee_profiles.get().requests == ["Профориентация"]
    after = timestamps()
    assert after["people"][person.pk] > before["people"][person.pk]
    assert {pk: at for pk, at in after["people"].items() if pk != person.pk} == {
        pk: at for pk, at in before["people"].items() if pk != person.pk
    }
    assert AuditEvent.objects.filter(target_type="participants.Import").latest("at").details["updated"] == 1


def test_people_are_matched_by_id_then_by_full_name_and_birth_date(curator_client, school, programme):
    by_id = person_create(
        actor=None, organization=school, last_name="Старкова", first_name="Анна", external_id="M-0"
    )
    by_name = person_create(
        actor=None,
        organization=school,
        last_name="Петров",
        first_name="Борис",
        patronymic="Сергеевич",
        birth_date=date(2009, 2, 2),
    )
    mentee_profile_save(actor=None, person=by_name, programme=programme)
    other_birthday = person_create(
        actor=None,
        organization=school,
        last_name="Смирнова",
        first_name="Вера",
        patronymic="Сергеевна",
        birth_date=date(2000, 1, 1),
    )
    rows = [
        mentee_row(0),  # M-0: the name changed (a marriage), found by the id
        mentee_row(1, ID=""),  # no id: found by full name + birth date (02.02.2009)
        mentee_row(2),  # same name as a person born in 2000, but born in 2010: someone else
        mentee_row(3, ID="M-3", **{"Фамилия *": "петров", "Имя *": "БОРИС"}),  # case differs…
    ]
    rows[3]["Дата рождения"] = "02.02.2009"  # …and the id is new: the person recorded without an id
    assert upload(curator_client, xlsx(rows)).status_code == 302
    html, counts = preview_plan(curator_client)
    # row 5 is the same person as row 3 (Петров Борис, 02.02.2009): an error on the second
    assert counts == {"new": 2, "updated": 1, "unchanged": 0, "error": 1}
    assert "этот человек уже есть в строке 3" in html or "already in row 3" in html
    confirm(curator_client, only_valid=True)
    by_id.refresh_from_db()
    assert by_id.full_name == "Иванова Анна Сергеевна"
    assert Person.objects.filter(last_name="Петров").count() == 1
    assert by_name.mentee_profiles.get().requests == ["Подготовка к олимпиаде", "Адаптация в классе"]
    assert Person.objects.filter(last_name="Смирнова").count() == 2
    other_birthday.refresh_from_db()
    assert other_birthday.mentee_profiles.count() == 0


def test_an_unknown_id_fills_the_id_of_the_person_found_by_name(curator_client, school, programme):
    person = person_create(
        actor=None,
        organization=school,
        last_name="Петров",
        first_name="Борис",
        patronymic="Сергеевич",
        birth_date=date(2009, 2, 2),
    )
    import_through_page(curator_client, xlsx([mentee_row(1, ID="NEW-1")]))
    person.refresh_from_db()
    assert person.external_id == "NEW-1"
    assert Person.objects.count() == 1


def test_two_namesakes_without_ids_are_offered_to_choose_from(curator_client, school, programme):
    """Two people with the same name and no birth date: the row may be either, so the curator chooses;
    nothing suggests one of them, so by default the row is added as a new person."""
    namesakes = [
        Person.objects.create(
            organization=school, last_name="Иванова", first_name="Анна", patronymic="Сергеевна"
        )
        for _ in range(2)
    ]
    upload(curator_client, xlsx([mentee_row(0, ID="", **{"Дата рождения": ""})]))
    html, counts = preview_plan(curator_client)
    assert counts["error"] == 0 and counts["new"] == 1
    plan = curator_client.get(url("import_preview") + "?show=possible").context["plan"]
    (row,) = plan.rows_with(importing.POSSIBLE)
    assert {suggestion.person_id for suggestion in row.suggestions} == {person.pk for person in namesakes}
    assert not any(suggestion.recommended for suggestion in row.suggestions)
    assert row.decision == importing.ADD_NEW


def test_another_organisations_people_are_never_matched(curator_client, school, other_school, programme):
    stranger = person_create(
        actor=None, organization=other_school, last_name="Иванова", first_name="Анна", external_id="M-0"
    )
    import_through_page(curator_client, xlsx([mentee_row(0)]))
    stranger.refresh_from_db()
    assert stranger.patronymic == "" and stranger.organization == other_school
    assert Person.objects.filter(organization=school, external_id="M-0").count() == 1


# --- Errors ------------------------------------------------------------------------------------------


def error_file() -> bytes:
    return xlsx(
        [
            mentee_row(0),
            mentee_row(1, **{"Дата рождения": "31.02.2010"}),  # row 3
            mentee_row(2, **{"Пол": "средний", "Имя *": ""}),  # row 4: two errors
            mentee_row(3, **{"Категория участника": "Космонавт"}),  # row 5
            mentee_row(4, ID="M-0"),  # row 6: the id of row 2 again
            mentee_row(5, **{"ОВЗ": "может быть", "Дата входа в программу": "2025-10-01"}),  # row 7
            mentee_row(6, **{"Дата выхода": "01.09.2025"}),  # row 8: leaves before entering
            mentee_row(7),  # valid
        ]
    )


def test_error_rows_are_listed_with_row_column_and_message_and_nothing_is_saved(
    curator_client, school, programme
):
    assert upload(curator_client, error_file()).status_code == 302
    response = curator_client.get(url("import_preview"))
    assert response.context["show"] == "error"  # the errors come first
    html = response.content.decode()
    counts = response.context["counts"]
    assert counts == {"new": 2, "updated": 0, "unchanged": 0, "error": 6}
    errors = {(error.row, error.column): error.message for error in response.context["plan"].errors}
    assert set(errors) == {
        (3, "Дата рождения"),
        (4, "Пол"),
        (4, "Имя"),
        (5, "Категория участника"),
        (6, "ID"),
        (7, "ОВЗ"),
        (8, "Дата выхода"),
    }
    assert "«31.02.2010»" in errors[(3, "Дата рождения")]
    assert "«средний»" in errors[(4, "Пол")] and "«Космонавт»" in errors[(5, "Категория участника")]
    assert "«31.02.2010»" in html and 'data-status="error"' in html
    full = importing.CellError(3, "Дата рождения", errors[(3, "Дата рождения")]).text()
    assert "3" in full and "«Дата рождения»" in full

    response = confirm(curator_client)
    assert response.status_code == 400
    assert Person.objects.count() == 0 and MenteeProfile.objects.count() == 0
    assert not AuditEvent.objects.filter(target_type="participants.Import").exists()
    assert [str(message) for message in response.context["messages"]]


def test_only_the_valid_rows_are_imported_when_the_curator_chooses_so(curator_client, school, programme):
    upload(curator_client, error_file())
    response = confirm(curator_client, only_valid=True)
    assert response.status_code == 302
    assert sorted(Person.objects.values_list("external_id", flat=True)) == ["M-0", "M-7"]
    assert AuditEvent.objects.get(target_type="participants.Import").details["skipped_with_errors"] == 6


def test_unknown_columns_are_warned_and_ignored(curator_client, school, programme):
    upload(
        curator_client, xlsx([{**mentee_row(0), "Любимый цвет": "синий", "Компетенции": "x"}], title_rows=2)
    )
    html, counts = preview_plan(curator_client)
    assert counts["new"] == 1
    assert "«Любимый цвет»" in html and "«Компетенции»" in html  # a mentor column in a mentee file


def test_dates_formulas_and_markup(curator_client, school, programme):
    rows = [
        mentee_row(0, **{"Дата рождения": datetime(2010, 3, 4)}),
        mentee_row(1, **{"Дата рождения": "2010-03-04"}),
        mentee_row(2, **{"Дата рождения": "4.3.2010", "Фамилия *": "<script>alert(1)</script>"}),
        mentee_row(3, **{"Дата рождения": 40241}),  # an Excel serial number: 04.03.2010
        mentee_row(4, **{"Класс/группа": 7, "Телефон": 79001234567}),
    ]
    workbook = load_workbook(io.BytesIO(xlsx(rows)))
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)
    headers = [cell.value for cell in sheet[1]]
    text = sheet.cell(row=3, column=headers.index("Отчество") + 1)
    text.value, text.data_type = "=ПРОСТО ТЕКСТ", "s"  # text that starts with «=»
    sheet.cell(row=4, column=headers.index("Телефон") + 1).value = "=1+1"  # a formula without a cached value
    output = io.BytesIO()
    workbook.save(output)
    assert upload(curator_client, output.getvalue()).status_code == 302
    html, counts = preview_plan(curator_client)
    assert counts["new"] == 5
    assert "&lt;script&gt;" in html and "<script>alert" not in html
    confirm(curator_client)
    people = {person.external_id: person for person in Person.objects.all()}
    assert {people[f"M-{n}"].birth_date for n in range(4)} == {date(2010, 3, 4)}
    assert people["M-1"].patronymic == "=ПРОСТО ТЕКСТ"
    assert people["M-2"].phone == "" and people["M-2"].last_name == "<script>alert(1)</script>"
    assert people["M-4"].group_name == "7" and people["M-4"].phone == "+7 900 123-45-67"  # one format


def test_mentors_with_partners(curator_client, school, programme):
    partner = PartnerOrganization.objects.create(organization=school, name="ПАО «Завод»")
    rows = [
        mentor_row(
            0, **{"Организация-партнёр": "пао завод", "Категория участника": "Сотрудник организации-партнёра"}
        ),
        mentor_row(1, **{"Организация-партнёр": "ООО «Неизвестная»"}),
        mentor_row(2, **{"Наставляемых не более": 40}),
    ]
    upload(curator_client, xlsx(rows), kind="mentors")
    html, counts = preview_plan(curator_client)
    assert counts == {"new": 1, "updated": 0, "unchanged": 0, "error": 2}
    assert "«ООО «Неизвестная»»" in html
    confirm(curator_client, only_valid=True)
    profile = MentorProfile.objects.select_related("person").get()
    assert profile.partner == partner and profile.person.partner == partner
    assert profile.competencies == ["Олимпиадная математика", "Проектная деятельность"]
    assert profile.capacity == 3 and profile.training_done is True
    assert profile.person.kind == Person.Kind.PARTNER_EMPLOYEE


# --- Bad files ---------------------------------------------------------------------------------------


def _zip(names: dict[str, bytes]) -> bytes:
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        for name, content in names.items():
            archive.writestr(name, content)
    return output.getvalue()


BAD_FILES = {
    "empty": (b"", importing.message_empty),
    "old_or_encrypted": (importing.OLE_SIGNATURE + b"\0" * 600, importing.message_old_or_encrypted),
    "text": ("Фамилия;Имя\nИванова;Анна\n".encode(), importing.message_not_xlsx),
    "docx": (_zip({"word/document.xml": b"<w:document/>"}), importing.message_not_xlsx),
    "corrupt_zip": (b"PK\x03\x04" + b"\x00garbage" * 50, importing.message_damaged),
    "damaged_workbook": (_zip({"xl/workbook.xml": b"<not really>"}), importing.message_damaged),
    "no_header": (xlsx([{"Столбец": "значение"}]), importing.message_no_header),
    "header_only": (xlsx([], headers=["Фамилия", "Имя"]), importing.message_no_rows),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_files_get_a_clear_message(curator_client, school, programme, case):
    data, message = BAD_FILES[case]
    response = (
        upload(curator_client, data)
        if data
        else curator_client.post(
            url("import_upload", kind="mentees"), {"file": SimpleUploadedFile("empty.xlsx", b"")}
        )
    )
    assert response.status_code == 400
    errors = response.context["form"].errors["file"]
    if data:
        assert errors == [message()]
    else:
        assert errors  # Django's own «the submitted file is empty»
        with pytest.raises(importing.ImportFileError, match=message()):
            importing.check_file(b"")
    assert importing.preview_load(curator_client.session, programme) is None


def test_a_file_without_a_required_column(curator_client, school, programme):
    response = upload(curator_client, xlsx([{"Фамилия": "Иванова", "Отчество": "Петровна"}]))
    assert response.status_code == 400
    assert "«Имя»" in response.context["form"].errors["file"][0]


def test_too_many_rows_and_too_many_bytes(curator_client, school, programme, settings, monkeypatch):
    monkeypatch.setattr(importing, "MAX_ROWS", 3)
    response = upload(curator_client, xlsx([mentee_row(number) for number in range(4)]))
    assert response.context["form"].errors["file"] == [importing.message_too_many_rows()]
    settings.PARTICIPANTS_IMPORT_MAX_BYTES = 100
    response = upload(curator_client, xlsx([mentee_row(0)]))
    assert response.status_code == 400 and response.context["form"].errors["file"]
    assert importing.preview_load(curator_client.session, programme) is None


def test_full_name_in_one_column(curator_client, school, programme):
    import_through_page(
        curator_client, xlsx([{"ФИО": "Сидорова Мария Ивановна", "Дата рождения": "01.02.2012"}])
    )
    person = Person.objects.get()
    assert (person.last_name, person.first_name, person.patronymic) == ("Сидорова", "Мария", "Ивановна")


# --- The preview's storage, cancel, access -------------------------------------------------------------


def test_the_session_keeps_no_file_and_cancel_deletes_it(curator_client, school, programme, settings):
    upload(curator_client, xlsx([mentee_row(0)]))
    stored = importing.preview_load(curator_client.session, programme)
    assert stored is not None and sorted(stored_folders.files(stored.folder)) == ["rows.json", "upload.xlsx"]
    assert (settings.MEDIA_ROOT / "imports" / stored.token / "upload.xlsx").is_file()  # the default storage
    session_value = curator_client.session[f"participants-import-{programme.pk}"]
    assert len(json.dumps(session_value)) < 300
    response = curator_client.post(url("import_cancel"))
    assert response.status_code == 302 and response["Location"] == url("import_upload", kind="mentees")
    assert not stored_folders.files(stored.folder)
    assert not (settings.MEDIA_ROOT / "imports" / stored.token).exists()
    assert importing.preview_load(curator_client.session, programme) is None
    assert curator_client.get(url("import_preview")).status_code == 302
    assert Person.objects.count() == 0


def test_confirming_deletes_the_upload(curator_client, school, programme):
    upload(curator_client, xlsx([mentee_row(0)]))
    stored = importing.preview_load(curator_client.session, programme)
    confirm(curator_client)
    assert not stored_folders.files(stored.folder)


def test_a_stranger_gets_404_on_every_import_url(school, programme, stranger, curator_client):
    upload(curator_client, xlsx([mentee_row(0)]))
    client = client_for(stranger)
    paths = [
        url("import_template") + "?kind=mentees",
        url("import_upload", kind="mentees"),
        url("import_upload", kind="mentors"),
        url("import_preview"),
        url("import_cancel"),
    ]
    for target in paths:
        for method in ("get", "post"):
            response = getattr(client, method)(target, {"action": "confirm", "only_valid": "1"})
            assert response.status_code == 404, (method, target, response.status_code)
    assert Person.objects.count() == 0


def test_only_managers_may_import(school, programme):
    mentor = UserFactory(username="just-mentor")
    MembershipFactory(user=mentor, organization=school, role=Role.MENTOR)
    client = client_for(mentor)
    assert client.get(url("import_upload", kind="mentees")).status_code == 403
    assert client.get(url("import_template") + "?kind=mentees").status_code == 403


def test_the_preview_page_makes_a_constant_number_of_queries(curator_client, school, programme):
    import_through_page(curator_client, xlsx([mentee_row(number) for number in range(40)]))
    counts = []
    for size in (5, 80):
        rows = [mentee_row(number) for number in range(size)]
        rows[0] = mentee_row(0, **{"Телефон": "changed"})
        upload(curator_client, xlsx(rows))
        curator_client.get(url("import_preview"))
        with CaptureQueriesContext(connection) as captured:
            response = curator_client.get(url("import_preview") + "?show=all")
        assert response.status_code == 200
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1], counts
    # the session, the scope, and the plan: people, their classes by year, this year's profiles,
    # last year's programme (and its base when there is one), the imports that may be undone
    assert counts[0] <= 15


# --- A large file: the job ----------------------------------------------------------------------------


def test_a_large_file_is_imported_by_a_job(
    curator_client, school, programme, django_capture_on_commit_callbacks
):
    rows = [
        mentee_row(number, ID=f"L-{number}", **{"Фамилия *": f"Фамилия{number}"}) for number in range(501)
    ]
    assert upload(curator_client, xlsx(rows)).status_code == 302
    stored = importing.preview_load(curator_client.session, programme)
    assert stored.runs_as_job
    assert Person.objects.count() == 0
    response = confirm(curator_client, capture=django_capture_on_commit_callbacks)
    job = Job.objects.get(kind=importing.JOB_KIND)
    assert response.status_code == 302
    assert response["Location"] == reverse("job_detail", kwargs={**KW, "job": job.pk})
    assert job.status == Job.Status.DONE and job.progress == 100, job.error
    assert "501" in job.message
    assert Person.objects.count() == 501 and MenteeProfile.objects.count() == 501
    assert not stored_folders.files(stored.folder) and not stored_folders.files(importing.job_folder(job.pk))
    assert importing.preview_load(curator_client.session, programme) is None
    page = curator_client.get(reverse("job_detail", kwargs={**KW, "job": job.pk}))
    assert page.status_code == 200 and "501" in page.content.decode()


def test_a_large_file_with_errors_starts_no_job_unless_asked(
    curator_client, school, programme, django_capture_on_commit_callbacks
):
    rows = [
        mentee_row(number, ID=f"L-{number}", **{"Фамилия *": f"Фамилия{number}"}) for number in range(501)
    ]
    rows[10]["Дата рождения"] = "когда-то"
    upload(curator_client, xlsx(rows))
    response = confirm(curator_client, capture=django_capture_on_commit_callbacks)
    assert response.status_code == 400 and not Job.objects.exists()
    response = confirm(curator_client, only_valid=True, capture=django_capture_on_commit_callbacks)
    job = Job.objects.get()
    assert job.status == Job.Status.DONE, job.error
    assert Person.objects.count() == 500


def test_a_job_whose_author_lost_access_fails_and_deletes_the_file(
    curator_client, school, programme, curator
):
    rows = [
        mentee_row(number, ID=f"L-{number}", **{"Фамилия *": f"Фамилия{number}"}) for number in range(501)
    ]
    upload(curator_client, xlsx(rows))
    stored = importing.preview_load(curator_client.session, programme)
    scope = type("S", (), {"organization": school, "programme": programme})()
    job = importing.import_start_job(actor=curator, scope=scope, stored=stored, only_valid=False)
    curator.memberships.all().delete()
    importing.import_run_job(job_id=str(job.pk))
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED and job.error
    assert not stored_folders.files(importing.job_folder(job.pk))
    assert Person.objects.count() == 0


# --- The command ---------------------------------------------------------------------------------------


def run_command(tmp_path, data: bytes, *args: str) -> tuple[str, str]:
    target = tmp_path / "база.xlsx"
    target.write_bytes(data)
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "import_participants",
        str(target),
        "--org",
        "school-a",
        "--year",
        str(YEAR),
        "--kind",
        "mentees",
        *args,
        stdout=out,
        stderr=err,
    )
    return out.getvalue(), err.getvalue()


def counts_of(out: str) -> dict:
    found = json.loads(out)
    return {key: found[key] for key in ("new", "updated", "unchanged", "errors", "ok", "saved")}


def test_command_json_dry_run_and_import(tmp_path, school, programme):
    data = xlsx([mentee_row(number) for number in range(3)])
    out, _err = run_command(tmp_path, data, "--dry-run", "--json")
    september = {"possible_matches": 0, "leavers": 0, "marked_left": 0}
    assert counts_of(out) == {
        "new": 3,
        "updated": 0,
        "unchanged": 0,
        "errors": [],
        "ok": True,
        "saved": False,
    }
    assert {key: json.loads(out)[key] for key in september} == september
    assert json.loads(out)["sheets"] == {"read": ["Sheet"], "skipped": []}
    assert Person.objects.count() == 0
    out, _err = run_command(tmp_path, data, "--json")
    assert counts_of(out) == {"new": 3, "updated": 0, "unchanged": 0, "errors": [], "ok": True, "saved": True}
    assert Person.objects.count() == 3
    audit = AuditEvent.objects.get(target_type="participants.Import")
    # the file's name may name a person: the trail keeps the counts only
    assert audit.actor is None and "file" not in audit.details and "база" not in audit.target_repr
    out, _err = run_command(tmp_path, data, "--json")
    assert counts_of(out) == {"new": 0, "updated": 0, "unchanged": 3, "errors": [], "ok": True, "saved": True}
    out, _err = run_command(tmp_path, data)
    assert "3" in out


def test_command_reports_errors_and_saves_nothing(tmp_path, school, programme):
    data = xlsx([mentee_row(0), mentee_row(1, **{"Дата рождения": "31.02.2010"})])
    target = tmp_path / "base.xlsx"
    target.write_bytes(data)
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_participants",
            str(target),
            "--org",
            "school-a",
            "--year",
            str(YEAR),
            "--kind",
            "mentees",
            "--json",
            stdout=out,
        )
    result = json.loads(out.getvalue())
    assert result["new"] == 1 and len(result["errors"]) == 1
    error = result["errors"][0]
    assert (error["row"], error["column"]) == (3, "Дата рождения") and "«31.02.2010»" in error["message"]
    assert Person.objects.count() == 0
    out, _err = run_command(tmp_path, data, "--only-valid", "--json")
    assert json.loads(out)["new"] == 1 and Person.objects.count() == 1


def test_command_with_a_bad_file_or_programme(tmp_path, school, programme):
    out = io.StringIO()
    target = tmp_path / "bad.xlsx"
    target.write_bytes(b"not a workbook")
    with pytest.raises(CommandError, match=re.escape(importing.message_not_xlsx())):
        call_command(
            "import_participants",
            str(target),
            "--org",
            "school-a",
            "--year",
            str(YEAR),
            "--kind",
            "mentees",
            "--json",
            stdout=out,
        )
    assert json.loads(out.getvalue())["errors"] == [
        {"row": None, "column": "", "message": importing.message_not_xlsx()}
    ]
    with pytest.raises(CommandError):
        call_command(
            "import_participants", str(target), "--org", "nowhere", "--year", "2024", "--kind", "mentors"
        )


# --- Odds and ends -------------------------------------------------------------------------------------


def test_a_numbering_column_is_ignored_silently(curator_client, school, programme):
    upload(curator_client, xlsx([{"№ п/п": 1, **mentee_row(0)}]))
    html, counts = preview_plan(curator_client)
    assert counts["new"] == 1 and "Worth a look" not in html and "Обратите внимание" not in html


def test_a_conflict_while_saving_saves_nothing_and_says_so(curator_client, school, programme, monkeypatch):
    from django.db import IntegrityError

    upload(curator_client, xlsx([mentee_row(0)]))

    def conflict(*args, **kwargs):
        Person.objects.create(organization=school, last_name="Гонка", first_name="Данных")
        raise IntegrityError("person_external_id_unique")

    monkeypatch.setattr(importing, "_write", conflict)
    response = confirm(curator_client)
    assert response.status_code == 400
    assert Person.objects.count() == 0
    assert importing.preview_load(curator_client.session, programme) is not None  # the curator may retry


def test_stale_upload_folders_are_purged_but_not_a_running_jobs(school, programme, curator, settings):
    import os
    import time as time_module

    root = settings.MEDIA_ROOT / "imports"
    running = Job.objects.create(
        kind=importing.JOB_KIND, title="t", organization=school, created_by=curator, status=Job.Status.RUNNING
    )
    finished = Job.objects.create(
        kind=importing.JOB_KIND, title="t", organization=school, created_by=curator, status=Job.Status.DONE
    )
    abandoned = "imports/0123456789abcdef0123456789abcdef"
    fresh = "imports/fedcba9876543210fedcba9876543210"
    old_ones = (abandoned, importing.job_folder(running.pk), importing.job_folder(finished.pk))
    for folder in (*old_ones, fresh):
        stored_folders.write(folder, "upload.xlsx", b"x")
    old = time_module.time() - 3 * 86400
    for folder in old_ones:
        os.utime(root.parent / folder / "upload.xlsx", (old, old))
    assert importing.imports_purge_stale() == 2
    assert not stored_folders.files(abandoned) and not stored_folders.files(importing.job_folder(finished.pk))
    assert not (root.parent / abandoned).exists()
    assert stored_folders.files(importing.job_folder(running.pk)) == ["upload.xlsx"]
    assert stored_folders.files(fresh) == ["upload.xlsx"]


def test_an_upload_lives_no_longer_than_a_file_with_personal_data(
    curator_client, school, programme, settings
):
    """An abandoned preview holds a whole base: the next upload purges it once it is
    PERSONAL_DATA_FILE_TTL_HOURS old, without waiting for the beat."""
    import os
    import time as time_module

    settings.PERSONAL_DATA_FILE_TTL_HOURS = 24
    root = settings.MEDIA_ROOT / "imports"
    day_old, fresh = root / ("a" * 32), root / ("b" * 32)
    for folder, hours in ((day_old, 25), (fresh, 23)):
        folder.mkdir(parents=True)
        (folder / "upload.xlsx").write_bytes(b"x")
        moment = time_module.time() - hours * 3600
        os.utime(folder / "upload.xlsx", (moment, moment))
    assert upload(curator_client, xlsx([mentee_row(1)])).status_code == 302  # to its preview
    assert not day_old.exists() and fresh.exists()
