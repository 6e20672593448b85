"""The corpus of school-made lists (tests/fixtures/school_lists/): each file imports into exactly the
people its hand-written ``.expected.json`` names, with those errors and warnings — on SQLite and on
PostgreSQL (the same tests with DATABASE_URL set). Also the mapping step on the web, the command's
``--map`` and ``--json``, and the kind of a partner's mentor.
"""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from participants import importing
from participants.models import (
    Consent,
    ImportColumnMapping,
    MenteeProfile,
    MentorProfile,
    PartnerOrganization,
    Person,
)

from ..conftest import YEAR

pytestmark = [pytest.mark.django_db]

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "school_lists"
FILES = sorted(path.stem for path in CORPUS.glob("*.xlsx"))
KW = {"org": "school-a", "year": YEAR}


def expected_of(name: str) -> dict:
    return json.loads((CORPUS / f"{name}.expected.json").read_text(encoding="utf-8"))


def url(name: str, **kwargs) -> str:
    return reverse(f"participants:{name}", kwargs={**KW, **kwargs})


def test_the_corpus_has_an_expected_result_for_every_file():
    assert len(FILES) >= 6
    for name in FILES:
        assert (CORPUS / f"{name}.expected.json").is_file(), name


@pytest.mark.parametrize("name", FILES)
def test_a_school_list_gives_exactly_its_people(name, school, programme):
    expected = expected_of(name)
    for partner in expected.get("partners", []):
        PartnerOrganization.objects.create(organization=school, name=partner)
    data = (CORPUS / f"{name}.xlsx").read_bytes()
    parsed = importing.read_file(data, expected["kind"], school, mapping=expected.get("mapping"))

    assert sorted((error.row, error.column) for row in parsed.rows for error in row.errors) == sorted(
        tuple(item) for item in expected["errors"]
    )
    assert sorted((warning.row, warning.column) for warning in parsed.row_warnings) == sorted(
        tuple(item) for item in expected["row_warnings"]
    )
    assert len(parsed.warnings) == expected["warnings"], parsed.warnings
    assert [sheet["sheet"] for sheet in parsed.layout["sheets"] if sheet["read"]] == expected["sheets_read"]

    result = importing.import_save(actor=None, programme=programme, parsed=parsed, only_valid=True)
    assert result.new == len(expected["people"]) and result.skipped == len(expected["errors"])
    assert result.consents == expected["consents"]

    people = {
        (person.last_name, person.first_name, person.patronymic): person
        for person in Person.objects.filter(organization=school).select_related("partner")
    }
    wanted = {
        (item["last_name"], item["first_name"], item["patronymic"]): item for item in expected["people"]
    }
    assert set(people) == set(wanted)  # nothing under the table, no invented people
    model = MenteeProfile if expected["kind"] == "mentees" else MentorProfile
    for key, item in wanted.items():
        person = people[key]
        for field, value in item.items():
            if field in ("last_name", "first_name", "patronymic"):
                continue
            if field == "birth_date":
                assert person.birth_date == date.fromisoformat(value), key
            elif field == "partner":
                assert (person.partner.name if person.partner else None) == value, key
            elif field == "profile":
                profile = model.objects.get(person=person, programme=programme)
                assert {flag: getattr(profile, flag) for flag in value} == value, key
            elif field == "consent":
                consents = list(person.consents.values_list("given_on", "given_by", "representative_name"))
                assert consents == ([] if value is None else [(date.fromisoformat(value[0]), *value[1:])]), (
                    key
                )
            else:
                assert getattr(person, field) == value, (key, field)

    # the same file again: nobody new, no consent twice
    again = importing.import_save(
        actor=None,
        programme=programme,
        parsed=importing.read_file(data, expected["kind"], school, mapping=expected.get("mapping")),
        only_valid=True,
    )
    assert again.new == 0 and again.people_created == 0 and again.consents == 0
    assert Consent.objects.count() == expected["consents"]


def test_the_journal_export_asks_about_its_columns_on_the_web_and_remembers_the_answer(
    curator_client, school, programme
):
    data = (CORPUS / "journal_export.xlsx").read_bytes()
    response = curator_client.post(
        url("import_upload", kind="mentees"), {"file": SimpleUploadedFile("журнал.xlsx", data)}
    )
    assert response.status_code == 302 and response["Location"] == url("import_columns")
    page = curator_client.get(url("import_columns"))
    assert page.status_code == 200
    columns = {column["label"]: column for column in page.context["columns"]}
    assert columns["Учётный номер"]["choice"] == "" and columns["Статус"]["choice"] == ""
    assert columns["ФИО ученика"]["choice"] == importing.FULL_NAME
    html = page.content.decode()
    assert "000123" in html  # the first values help to decide

    # a column left undecided: asked again, nothing remembered
    posted = {f"column-{column['key']}": column["choice"] for column in page.context["columns"]}
    response = curator_client.post(url("import_columns"), posted)
    assert response.status_code == 400 and not ImportColumnMapping.objects.exists()

    posted[f"column-{columns['Учётный номер']['key']}"] = "external_id"
    posted[f"column-{columns['Статус']['key']}"] = "ignore"
    response = curator_client.post(url("import_columns"), posted)
    assert response.status_code == 302 and response["Location"] == url("import_preview")
    preview = curator_client.get(url("import_preview") + "?show=all")
    assert preview.context["counts"] == {"new": 3, "updated": 0, "unchanged": 0, "error": 1}
    assert ImportColumnMapping.objects.get(organization=school, kind="mentees").mapping == {
        "учетный номер": "external_id",
        "статус": "ignore",
    }
    assert (
        curator_client.post(url("import_preview"), {"action": "confirm", "only_valid": "1"}).status_code
        == 302
    )
    assert set(Person.objects.values_list("external_id", flat=True)) == {"000123", "000124", "000126"}

    # next time the same columns are read as chosen, straight to the preview
    response = curator_client.post(
        url("import_upload", kind="mentees"), {"file": SimpleUploadedFile("журнал.xlsx", data)}
    )
    assert response["Location"] == url("import_preview")
    page = curator_client.get(url("import_columns"))
    columns = {column["label"]: column for column in page.context["columns"]}
    assert columns["Учётный номер"]["how"] == "mapped" and columns["Учётный номер"]["choice"] == "external_id"


def test_another_organisations_mapping_is_not_used(curator_client, school, other_school, programme):
    ImportColumnMapping.objects.create(
        organization=other_school, kind="mentees", mapping={"учетный номер": "external_id"}
    )
    data = (CORPUS / "journal_export.xlsx").read_bytes()
    parsed = importing.read_file(data, "mentees", school)
    assert [column["label"] for column in importing.unknown_columns(parsed)] == ["Учётный номер", "Статус"]


def run(*args, **kwargs) -> tuple[dict, bool]:
    out = io.StringIO()
    try:
        call_command("import_participants", *args, "--json", stdout=out, stderr=io.StringIO(), **kwargs)
    except CommandError:
        return json.loads(out.getvalue()), False
    return json.loads(out.getvalue()), True


def test_the_command_takes_the_mapping_as_an_option(school, programme):
    path = str(CORPUS / "journal_export.xlsx")
    common = ("--org", "school-a", "--year", str(YEAR), "--kind", "mentees")
    result, ok = run(path, *common, "--dry-run")
    assert not ok and result["new"] == 3 and len(result["warnings"]) == 3  # two columns not known, one error
    assert not result["saved"] and Person.objects.count() == 0
    result, ok = run(path, *common, "--only-valid", "--map", "Учётный номер=ID", "--map", "Статус=-")
    assert ok and result["saved"] and result["new"] == 3 and len(result["warnings"]) == 1
    assert [error["row"] for error in result["errors"]] == [7]
    assert {(item["row"], item["column"]) for item in result["row_warnings"]} == {
        (6, "Телефон"),
        (8, "ФИО ученика"),
        (8, "Дата рождения"),
    }
    assert set(Person.objects.values_list("external_id", flat=True)) == {"000123", "000124", "000126"}
    result, ok = run(path, *common, "--map", "Учётный номер")
    assert not ok and result["errors"][0]["row"] is None and "--map" in result["errors"][0]["message"]


def test_the_command_prints_json_for_every_outcome(tmp_path, school, programme):
    common = ("--year", str(YEAR), "--kind", "mentees")
    path = str(CORPUS / "several_sheets.xlsx")
    result, ok = run(path, "--org", "nowhere", *common)
    assert not ok and result["ok"] is False and result["errors"][0]["row"] is None
    assert "nowhere" in result["errors"][0]["message"]
    result, ok = run(str(tmp_path / "missing.xlsx"), "--org", "school-a", *common)
    assert not ok and result["errors"][0]["row"] is None and "missing.xlsx" in result["errors"][0]["message"]
    assert result["new"] == 0 and result["sheets"] == {"read": [], "skipped": []}
    # an OpenDocument spreadsheet: saved as .xlsx, it would import
    ods = tmp_path / "список.ods"
    ods.write_bytes(_ods())
    result, ok = run(str(ods), "--org", "school-a", *common)
    assert not ok and result["errors"][0]["message"] == importing.message_ods()
    result, ok = run(path, "--org", "school-a", *common, "--dry-run")
    assert ok and result["sheets"] == {"read": ["5-9 классы", "1-4 классы"], "skipped": ["Итоги", "Педагоги"]}


def _ods() -> bytes:
    import zipfile

    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
        archive.writestr("META-INF/manifest.xml", "<manifest/>")
    return output.getvalue()


def _mentors_file(rows: list[list]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)
    sheet.append(["Фамилия", "Имя", "Отчество", "Категория участника", "Организация-партнёр"])
    for row in rows:
        sheet.append(row)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def test_a_partners_mentor_with_an_empty_category_is_not_own_staff(school, programme):
    """The known defect: an empty category made every new mentor a teacher of the school."""
    partner = PartnerOrganization.objects.create(organization=school, name="АО «Завод»")
    data = _mentors_file(
        [
            ["Зайцев", "Игорь", "Петрович", "", "АО «Завод»"],  # a partner's mentor, category left empty
            ["Белова", "Нина", "Ивановна", "", ""],  # own staff by default
            ["Рыбина", "Ольга", "", "законный представитель", ""],  # a parent
            ["Крылов", "Антон", "", "АО «Завод»", ""],  # the partner named in the category column
        ]
    )
    _parsed, result = importing.import_file(actor=None, programme=programme, kind="mentors", data=data)
    assert result.new == 4
    kinds = {person.last_name: (person.kind, person.partner_id) for person in Person.objects.all()}
    assert kinds == {
        "Зайцев": (Person.Kind.PARTNER_EMPLOYEE, partner.pk),
        "Белова": (Person.Kind.TEACHER, None),
        "Рыбина": (Person.Kind.PARENT, None),
        "Крылов": (Person.Kind.PARTNER_EMPLOYEE, partner.pk),
    }


def _parent_list(merged: bool) -> bytes:
    """A class list whose parent columns are «ФИО родителя» and a phone (flat, or under a merged block)."""
    book = Workbook()
    sheet = book.active
    assert isinstance(sheet, Worksheet)
    sheet.append(["Список 7 «Б» класса"])
    sheet.append([])
    if merged:
        sheet.append(["№ п/п", "Ф.И.О.", "Дата рождения", "Сведения о родителях", None])
        sheet.append([None, None, None, "ФИО родителя", "Телефон"])
        sheet.merge_cells("D3:E3")
        for column in "ABC":
            sheet.merge_cells(f"{column}3:{column}4")
    else:
        sheet.append(["№ п/п", "Ф.И.О.", "Дата рождения", "Телефон родителя", "ФИО родителя"])
    sheet.append(
        [
            1,
            "Петров Иван Сергеевич",
            "05.03.2013",
            *(
                ["Петрова Анна Викторовна", "8 912 345-67-72"]
                if merged
                else ["8 912 345-67-72", "Петрова Анна Викторовна"]
            ),
        ]
    )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("merged", [False, True])
def test_a_parents_full_name_column_is_the_parents_name_not_a_phone(merged, school, programme):
    parsed = importing.read_file(_parent_list(merged), "mentees", school)
    assert not [error for row in parsed.rows for error in row.errors]
    importing.import_save(actor=None, programme=programme, parsed=parsed, only_valid=True)
    person = Person.objects.get(organization=school, last_name="Петров")
    assert person.guardian_name == "Петрова Анна Викторовна"
    assert person.guardian_phone.replace(" ", "").replace("-", "") == "+79123456772"
