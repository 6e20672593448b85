"""The bad-file corpus (``tests/badfiles``) through both importers, by the web upload and by the command.

For every file: a clear, specific message (the exact text the importer means, Russian when the
catalogue has it), HTTP 400 or 200 and never 500, nothing written (every model of the importer counted
before and after) and no file left behind (MEDIA_ROOT, Django's upload temp dir and the temp dir of the
process, each pointed at an empty folder of the test).
"""

from __future__ import annotations

import html
import re
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

from participants import importing as people
from roadmap import table_reading as roadmap_reading

from . import badfiles as bad
from .conftest import YEAR

pytestmark = pytest.mark.django_db

KW = {"org": "school-a", "year": YEAR}
CYRILLIC = re.compile("[А-Яа-яЁё]")
H = bad.MENTEE_HEADER
PERSON = ["Иванова", "Мария", "Сергеевна", "14.03.2013", "6Б", "+7 900 000-00-01"]
RH = bad.ROADMAP_HEADER
EVENT = ["1", "Совещание наставников", "сентябрь 2025", "Куратор", "Протокол"]


# --- The environment: private temp folders, and what the importers may write -------------------------


@pytest.fixture
def folders(settings, tmp_path, monkeypatch) -> list[Path]:
    """MEDIA_ROOT, the upload temp dir and the process temp dir, all empty at the start."""
    upload_tmp = tmp_path / "upload-tmp"
    process_tmp = tmp_path / "process-tmp"
    for folder in (upload_tmp, process_tmp, Path(settings.MEDIA_ROOT)):
        folder.mkdir(parents=True, exist_ok=True)
    settings.FILE_UPLOAD_TEMP_DIR = str(upload_tmp)
    monkeypatch.setattr(tempfile, "tempdir", str(process_tmp))
    return [Path(settings.MEDIA_ROOT), upload_tmp, process_tmp]


def files_in(folders: list[Path]) -> list[str]:
    return sorted(str(path) for folder in folders for path in folder.rglob("*") if path.is_file())


def counts(*labels: str) -> dict[str, int]:
    models = [
        model
        for label in labels
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
    ]
    models += [apps.get_model("mentoring", "AuditEvent"), apps.get_model("mentoring", "Job")]
    return {model._meta.label: model._default_manager.count() for model in models}


def expected_text(message: Callable[[], str]) -> tuple[str, bool]:
    """The message as the page shows it, and whether the catalogue translates it (else the English msgid)."""
    with translation.override("en"):
        english = message()
    with translation.override("ru"):
        russian = message()
    return russian, russian != english


UNTRANSLATED: set[str] = set()  # messages whose msgid waits for the lead's translation (see the report)


def assert_clear(text: str, message: Callable[[], str]) -> None:
    expected, translated = expected_text(message)
    assert html.escape(expected) in text or expected in text, (expected, text[-3000:])
    if translated:
        assert CYRILLIC.search(expected)
    else:
        UNTRANSLATED.add(expected)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    folder = tmp_path / "command-input"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


def django_empty_file() -> str:
    from django import forms

    return str(forms.FileField.default_error_messages["empty"])


def web_message(case: str, message: Callable[[], str]) -> Callable[[], str]:
    """Django's file field refuses an empty upload itself, with its own (translated) message."""
    return django_empty_file if case == "empty" else message


def upload(client, url: str, name: str, data: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(url, {"file": SimpleUploadedFile(name, data)})


# --- The corpus: files that neither importer can use at all -------------------------------------------

BIG = 50 * bad.MB + 1


def big_xlsx() -> bytes:
    return bad.cached("big_xlsx", lambda: bad.padded_to(bad.xlsx([H, PERSON]), BIG))


def big_docx() -> bytes:
    return bad.cached("big_docx", lambda: bad.padded_to(bad.docx_file([[RH, EVENT]]), BIG))


def bomb(size: int) -> bytes:
    return bad.cached(f"bomb_{size}", lambda: bad.shared_strings_bomb(size))


def too_big_participants() -> str:
    return people.message_too_big()


def too_big_upload_roadmap() -> str:
    from django.conf import settings
    from django.utils.translation import gettext

    return gettext("The file is too large: at most %(mb)s MB.") % {
        "mb": settings.ROADMAP_IMPORT_MAX_BYTES // 2**20
    }


def hidden_participants() -> str:
    return people.message_hidden_sheet("Скрытый")


def no_events() -> str:
    return roadmap_reading._("No events were found in the table.")


def hidden_roadmap() -> str:
    sheet = roadmap_reading._("Sheet «%(name)s»") % {"name": "Скрытый"}
    hidden = roadmap_reading._("%(table)s is hidden and was not read.") % {"table": sheet}
    return f"{roadmap_reading.message_no_header()} {hidden}"


PEOPLE_FILE_ERRORS = [
    # id, file name, builder, expected message
    ("empty", "base.xlsx", lambda: b"", people.message_empty),
    ("only-spaces", "base.xlsx", lambda: b"   \r\n\t", people.message_not_xlsx),
    ("corrupt-zip", "base.xlsx", bad.corrupt_zip, people.message_damaged),
    ("truncated-xlsx", "base.xlsx", lambda: bad.truncated(bad.xlsx([H, PERSON])), people.message_damaged),
    (
        "damaged-sheet-xml",
        "base.xlsx",
        lambda: bad.damaged_member(bad.xlsx([H, PERSON]), "xl/worksheets/sheet1.xml"),
        people.message_damaged,
    ),
    ("password-protected", "base.xlsx", bad.ole_encrypted, people.message_old_or_encrypted),
    ("old-xls", "base.xls", bad.ole_encrypted, people.message_old_or_encrypted),
    ("pdf-renamed", "base.xlsx", lambda: bad.PDF, people.message_not_xlsx),
    ("png-renamed", "base.xlsx", lambda: bad.PNG, people.message_not_xlsx),
    ("txt-renamed", "base.xlsx", lambda: bad.TEXT, people.message_not_xlsx),
    ("csv-cp1251-renamed", "base.xlsx", lambda: bad.CSV_CP1251, people.message_not_xlsx),
    ("html-renamed", "base.xlsx", lambda: bad.HTML_TABLE, people.message_not_xlsx),
    ("docx-renamed", "base.xlsx", lambda: bad.docx_file([[H, PERSON]]), people.message_not_xlsx),
    (
        "zip-of-other-files",
        "base.xlsx",
        lambda: bad.zip_of({"readme.txt": b"hello"}),
        people.message_not_xlsx,
    ),
    ("billion-laughs", "base.xlsx", bad.billion_laughs_xlsx, people.message_damaged),
    ("50-mb", "base.xlsx", big_xlsx, too_big_participants),
    (
        "shared-strings-bomb",
        "base.xlsx",
        lambda: bomb(people.MAX_XML_BYTES + bad.MB),
        lambda: people._("The file is too large to import: split it into several files."),
    ),
    (
        "wrong-headers",
        "base.xlsx",
        lambda: bad.xlsx([["Ученик", "Возраст"], ["Мария", 12]]),
        people.message_no_header,
    ),
    ("roadmap-instead", "base.xlsx", lambda: bad.xlsx([RH, EVENT]), people.message_no_header),
    ("only-headers", "base.xlsx", lambda: bad.xlsx([H]), people.message_no_rows),
    ("header-below-row-20", "base.xlsx", lambda: bad.header_too_low(H, PERSON), people.message_no_header),
    (
        "table-on-hidden-sheet",
        "base.xlsx",
        lambda: bad.xlsx({"Лист1": [["Заметки"]], "Скрытый": [H, PERSON]}, hidden=["Скрытый"]),
        hidden_participants,
    ),
    (
        "20001-rows",
        "base.xlsx",
        lambda: bad.cached("rows", lambda: bad.many_rows(["Фамилия", "Имя"], people.MAX_ROWS + 1)),
        people.message_too_many_rows,
    ),
]

ROADMAP_FILE_ERRORS = [
    ("empty", "plan.docx", lambda: b"", roadmap_reading.message_empty),
    ("corrupt-zip", "plan.docx", bad.corrupt_zip, roadmap_reading.message_unreadable),
    (
        "truncated-docx",
        "plan.docx",
        lambda: bad.truncated(bad.docx_file([[RH, EVENT]])),
        roadmap_reading.message_unreadable,
    ),
    (
        "damaged-document-xml",
        "plan.docx",
        lambda: bad.damaged_member(bad.docx_file([[RH, EVENT]]), "word/document.xml"),
        roadmap_reading.message_unreadable,
    ),
    ("password-protected", "plan.docx", bad.ole_encrypted, roadmap_reading.message_old_or_encrypted),
    ("old-doc", "plan.doc", bad.ole_encrypted, roadmap_reading.message_old_or_encrypted),
    ("pdf-renamed", "plan.docx", lambda: bad.PDF, roadmap_reading.message_unreadable),
    ("png-renamed", "plan.xlsx", lambda: bad.PNG, roadmap_reading.message_unreadable),
    ("txt-renamed", "plan.docx", lambda: bad.TEXT, roadmap_reading.message_unreadable),
    ("html-renamed", "plan.docx", lambda: bad.HTML_TABLE, roadmap_reading.message_unreadable),
    (
        "zip-of-other-files",
        "plan.docx",
        lambda: bad.zip_of({"a.txt": b"x"}),
        roadmap_reading.message_unreadable,
    ),
    ("billion-laughs", "plan.docx", bad.billion_laughs_docx, roadmap_reading.message_unreadable),
    ("50-mb", "plan.docx", big_docx, too_big_upload_roadmap),
    (
        "shared-strings-bomb",
        "plan.xlsx",
        lambda: bomb(roadmap_reading.MAX_XML_BYTES + bad.MB),
        roadmap_reading.message_too_big,
    ),
    (
        "docx-without-table",
        "plan.docx",
        lambda: bad.docx_file(paragraphs=["Дорожная карта", "Мероприятие: совещание, сентябрь"]),
        roadmap_reading.message_no_tables,
    ),
    ("docx-only-headers", "plan.docx", lambda: bad.docx_file([[RH]]), no_events),
    ("xlsx-only-headers", "plan.xlsx", lambda: bad.xlsx([RH]), no_events),
    (
        "docx-wrong-headers",
        "plan.docx",
        lambda: bad.docx_file([[["Что", "Когда"], ["совещание", "сентябрь"]]]),
        roadmap_reading.message_no_header,
    ),
    ("base-instead", "plan.xlsx", lambda: bad.xlsx([H, PERSON]), roadmap_reading.message_no_header),
    ("merged-everywhere", "plan.xlsx", lambda: bad.merged_everywhere(RH, [EVENT, EVENT]), no_events),
    (
        "table-on-hidden-sheet",
        "plan.xlsx",
        lambda: bad.xlsx({"Лист1": [["Заметки"]], "Скрытый": [RH, EVENT]}, hidden=["Скрытый"]),
        hidden_roadmap,
    ),
]


def _ids(cases):
    return [case[0] for case in cases]


@pytest.mark.parametrize(
    ("case", "name", "build", "message"), PEOPLE_FILE_ERRORS, ids=_ids(PEOPLE_FILE_ERRORS)
)
def test_participants_upload_rejects_the_file(case, name, build, message, curator_client, programme, folders):
    before = counts("participants")
    url = reverse("participants:import_upload", kwargs={**KW, "kind": "mentees"})
    response = upload(curator_client, url, name, build())
    assert response.status_code == 400
    assert_clear(response.content.decode(), web_message(case, message))
    assert counts("participants") == before
    assert files_in(folders) == []
    assert not any(key.startswith("participants-import") for key, _value in curator_client.session.items())


@pytest.mark.parametrize(
    ("case", "name", "build", "message"), PEOPLE_FILE_ERRORS, ids=_ids(PEOPLE_FILE_ERRORS)
)
def test_participants_command_rejects_the_file(case, name, build, message, programme, folders, tmp_path):
    before = counts("participants")
    path = write(tmp_path, name, build())
    with translation.override("ru"), pytest.raises(CommandError) as error:
        call_command("import_participants", str(path), org="school-a", year=YEAR, kind="mentees")
    assert_clear(str(error.value), message)
    assert counts("participants") == before
    assert files_in(folders) == []


@pytest.mark.parametrize(
    ("case", "name", "build", "message"), ROADMAP_FILE_ERRORS, ids=_ids(ROADMAP_FILE_ERRORS)
)
def test_roadmap_upload_rejects_the_file(case, name, build, message, curator_client, programme, folders):
    before = counts("roadmap")
    response = upload(curator_client, reverse("roadmap:import_upload", kwargs=KW), name, build())
    assert response.status_code == 400
    assert_clear(response.content.decode(), web_message(case, message))
    assert counts("roadmap") == before
    assert files_in(folders) == []
    assert not any(key.startswith("roadmap-import") for key, _value in curator_client.session.items())


@pytest.mark.parametrize(
    ("case", "name", "build", "message"), ROADMAP_FILE_ERRORS, ids=_ids(ROADMAP_FILE_ERRORS)
)
def test_roadmap_command_rejects_the_file(case, name, build, message, programme, folders, tmp_path):
    before = counts("roadmap")
    path = write(tmp_path, name, build())
    with translation.override("ru"), pytest.raises(CommandError) as error:
        call_command("import_roadmap", str(path), org="school-a", year=YEAR)
    assert_clear(str(error.value), message)
    assert counts("roadmap") == before
    assert files_in(folders) == []


# --- Files that read, with problems in some rows: each reported, nothing saved ------------------------


def _row_error(row: int, column: str, message: str) -> str:
    return people.CellError(row, column, message).text()


def five_date_formats() -> tuple[bytes, list[tuple[int, str]]]:
    rows, errors = [], []
    for index, (value, parses) in enumerate(bad.FIVE_DATE_FORMATS):
        rows.append([f"Иванова{index}", "Мария", "", value])
        if not parses:
            errors.append((index + 2, "Дата рождения"))
    return bad.xlsx([H[:4], *rows]), errors


def duplicated_people() -> tuple[bytes, list[tuple[int, str]]]:
    same = ["Петров", "Иван", "Олегович", "01.02.2012"]
    return bad.xlsx([H[:4], same, ["Сидорова", "Анна", "", "02.03.2012"], same]), [(4, "Фамилия")]


def formula_cells() -> tuple[bytes, list[tuple[int, str]]]:
    # a program's formulas have no cached value: the name is empty, the phone formula is dropped
    rows = [["=1+1", "Мария", "", "14.03.2013", "6Б", '=HYPERLINK("http://evil.example","+7 900")'], PERSON]
    return bad.xlsx([H, *rows]), [(2, "Фамилия")]


def merged_cells() -> tuple[bytes, list[tuple[int, str]]]:
    return bad.merged_everywhere(H, [PERSON]), [(3, "Имя")]


def wrong_values() -> tuple[bytes, list[tuple[int, str]]]:
    future = f"01.01.{datetime.now().year + 1}"
    rows = [
        ["Иванова", "Мария", "", "31.02.2013"],
        ["Петрова", "Анна", "", future],
        ["Я" * 300, "Анна", "", "01.01.2013"],
        ["Сидоров", "", "", "01.01.2013"],
        ["Орлов", "Глеб", "", "01.01.1850"],
    ]
    return bad.xlsx([H[:4], *rows]), [
        (2, "Дата рождения"),
        (3, "Дата рождения"),
        (4, "Фамилия"),
        (5, "Имя"),
        (6, "Дата рождения"),
    ]


PEOPLE_ROW_ERRORS = [
    ("dates-in-seven-formats", five_date_formats),
    ("duplicated-people", duplicated_people),
    ("formula-cells", formula_cells),
    ("merged-cells-everywhere", merged_cells),
    ("impossible-values", wrong_values),
]


@pytest.mark.parametrize(("case", "build"), PEOPLE_ROW_ERRORS, ids=_ids(PEOPLE_ROW_ERRORS))
def test_participants_rows_with_errors_are_reported_and_nothing_is_saved(
    case, build, curator_client, programme, folders
):
    data, expected = build()
    before = counts("participants")
    url = reverse("participants:import_upload", kwargs={**KW, "kind": "mentees"})
    response = upload(curator_client, url, "base.xlsx", data)
    assert response.status_code == 302, response.content.decode()[-2000:]
    preview = curator_client.get(reverse("participants:import_preview", kwargs=KW))
    assert preview.status_code == 200
    stored = people.preview_load(curator_client.session, programme)
    plan = people.plan_import(stored.parsed(), programme)
    assert {(error.row, error.column) for error in plan.errors} == set(expected)
    page = preview.content.decode()
    for error in plan.errors:
        assert html.escape(error.message) in page
    confirm = curator_client.post(reverse("participants:import_preview", kwargs=KW), {"action": "confirm"})
    assert confirm.status_code == 400
    assert counts("participants") == before
    curator_client.post(reverse("participants:import_cancel", kwargs=KW))
    assert counts("participants") == before
    assert files_in(folders) == []


@pytest.mark.parametrize(("case", "build"), PEOPLE_ROW_ERRORS, ids=_ids(PEOPLE_ROW_ERRORS))
def test_participants_command_reports_every_row_and_saves_nothing(
    case, build, programme, folders, tmp_path, capsys
):
    data, expected = build()
    before = counts("participants")
    path = write(tmp_path, "base.xlsx", data)
    with translation.override("ru"), pytest.raises(CommandError) as error:
        call_command("import_participants", str(path), org="school-a", year=YEAR, kind="mentees")
    assert CYRILLIC.search(str(error.value))
    stderr = capsys.readouterr().err
    for row, column in expected:
        assert f"Строка {row}, столбец «{column}»" in stderr or f"Row {row}, column «{column}»" in stderr
    assert counts("participants") == before
    assert files_in(folders) == []


def test_ten_thousand_columns_give_a_short_list_of_warnings(curator_client, programme, folders):
    url = reverse("participants:import_upload", kwargs={**KW, "kind": "mentees"})
    response = upload(curator_client, url, "base.xlsx", bad.many_columns(H, PERSON))
    assert response.status_code == 302
    stored = people.preview_load(curator_client.session, programme)
    parsed = stored.parsed()
    assert len(parsed.rows) == 1 and not parsed.rows[0].errors
    assert len(parsed.warnings) == people.MAX_UNKNOWN_COLUMN_WARNINGS + 1
    assert "9984" in parsed.warnings[-1]
    curator_client.post(reverse("participants:import_cancel", kwargs=KW))
    assert files_in(folders) == []


def test_script_in_names_is_stored_as_text_and_shown_escaped(curator_client, programme, folders):
    from participants.models import Person

    script = "<script>alert('x')</script>"
    row = [script, "<img src=x onerror=alert(1)>", "", "14.03.2013"]
    url = reverse("participants:import_upload", kwargs={**KW, "kind": "mentees"})
    assert upload(curator_client, url, "base.xlsx", bad.xlsx([H[:4], row])).status_code == 302
    preview = curator_client.get(reverse("participants:import_preview", kwargs=KW)).content.decode()
    assert script not in preview and "<img src=x" not in preview
    assert html.escape(script) in preview
    curator_client.post(reverse("participants:import_preview", kwargs=KW), {"action": "confirm"})
    person = Person.objects.get()
    assert person.last_name == script  # stored as written
    page = curator_client.get(reverse("participants:mentees", kwargs=KW)).content.decode()
    assert script not in page and "<img src=x" not in page
    assert html.escape(script) in page
    assert files_in(folders) == []


# --- The roadmap: rows the reader cannot fully understand are named in the preview --------------------


def test_roadmap_periods_in_many_formats_parse_or_are_named(curator_client, programme, folders):
    formats = [
        "14.03.2026",
        "2026-03-14",
        datetime(2026, 3, 14),
        "14 марта 2026",
        "14/03/2026",
        "03/14/2026",
        "32.13.2026",
    ]
    rows = [RH] + [
        [str(i + 1), f"Мероприятие {i + 1}", value, "Куратор", ""] for i, value in enumerate(formats)
    ]
    before = counts("roadmap")
    response = upload(
        curator_client, reverse("roadmap:import_upload", kwargs=KW), "plan.xlsx", bad.xlsx(rows)
    )
    assert response.status_code == 302
    stored = curator_client.session[f"roadmap-import-{programme.pk}"]
    events = stored["data"]["sections"][0]["events"]
    dated = [bool(event["periods"] and event["periods"][0]["start"]) for event in events]
    assert dated == [True, True, True, True, True, False, False]
    page = curator_client.get(reverse("roadmap:import_preview", kwargs=KW)).content.decode()
    assert "«03/14/2026»" in page and "«32.13.2026»" in page
    assert counts("roadmap") == before
    curator_client.post(reverse("roadmap:import_cancel", kwargs=KW))
    assert counts("roadmap") == before
    assert files_in(folders) == []


def test_roadmap_ten_thousand_columns_are_cut_with_a_warning(curator_client, programme, folders):
    response = upload(
        curator_client, reverse("roadmap:import_upload", kwargs=KW), "plan.xlsx", bad.many_columns(RH, EVENT)
    )
    assert response.status_code == 302
    stored = curator_client.session[f"roadmap-import-{programme.pk}"]
    assert any(str(roadmap_reading.MAX_COLUMNS) in warning for warning in stored["data"]["warnings"])
    assert files_in(folders) == []


def test_roadmap_script_in_titles_is_shown_escaped(curator_client, programme, folders, tmp_path):
    from roadmap.models import RoadmapEvent

    script = "<script>alert('x')</script>"
    data = bad.xlsx([RH, ["1", script, "сентябрь 2025", "<b>Куратор</b>", ""]])
    response = upload(curator_client, reverse("roadmap:import_upload", kwargs=KW), "plan.xlsx", data)
    assert response.status_code == 302
    preview = curator_client.get(reverse("roadmap:import_preview", kwargs=KW)).content.decode()
    assert script not in preview and html.escape(script) in preview
    curator_client.post(reverse("roadmap:import_cancel", kwargs=KW))
    call_command("import_roadmap", str(write(tmp_path, "plan.xlsx", data)), org="school-a", year=YEAR)
    assert RoadmapEvent.objects.get().title == script  # stored as written
    page = curator_client.get(reverse("roadmap:index", kwargs=KW)).content.decode()
    assert script not in page and "<b>Куратор</b>" not in page
    assert html.escape(script) in page
    assert files_in(folders) == []
