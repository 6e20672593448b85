"""``manage.py export_report``: the same generation as the page, synchronously, into a file."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook
from pypdf import PdfReader

from mentoring.models import AuditEvent

from ..conftest import YEAR


def export(*args, **options) -> str:
    out = io.StringIO()
    call_command("export_report", *args, stdout=out, **options)
    return out.getvalue().strip()


@pytest.mark.django_db
def test_roadmap_as_xlsx_with_dates_as_dates(tmp_path, school, programme, roadmap_event):
    from roadmap.models import RoadmapEvent

    RoadmapEvent.objects.filter(pk=roadmap_event.pk).update(status="done", completed_on=f"{YEAR}-10-30")
    target = tmp_path / "roadmap.xlsx"
    printed = export("roadmap", org="school-a", year=YEAR, format="xlsx", output=str(target))
    assert printed == str(target)
    sheet = load_workbook(target).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    header = next(row for row in values if row[0] == "№")
    event_row = next(row for row in values if row[0] == "2.1.")
    done_on = event_row[header.index("Дата выполнения")]
    assert done_on.year == YEAR and done_on.month == 10 and done_on.day == 30
    assert "Приказ № 12-ОД от 01.10.2025" in event_row[-1] and "protocol.pdf" in event_row[-1]
    assert sheet.freeze_panes is not None
    # the roadmap has no personal data: nothing is recorded
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.EXPORT).exists()


@pytest.mark.django_db
def test_personal_data_export_is_audited_and_options_are_passed(tmp_path, school, curator, programme, pair):
    target = tmp_path / "out" / "certificates.pdf"
    export(
        "certificates",
        org="school-a",
        year=YEAR,
        format="pdf",
        output=str(target),
        option=["whom=mentees", "kind=thanks"],
        user="curator",
    )
    text = PdfReader(target).pages[0].extract_text()
    assert "Иванова Мария Сергеевна" in text
    event = AuditEvent.objects.get(action=AuditEvent.Action.EXPORT)
    assert event.actor == curator and event.details["report"] == "certificates"
    assert event.details["options"]["whom"] == "mentees" and event.details["via"] == "command"


@pytest.mark.django_db
def test_default_output_name_and_format(tmp_path, monkeypatch, school, programme):
    monkeypatch.chdir(tmp_path)
    printed = export("members", org="school-a", year=YEAR)
    assert printed == f"members_school-a_{YEAR}.xlsx"
    assert (tmp_path / printed).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("args", "options"),
    [
        (("no_such_report",), {"org": "school-a", "year": YEAR}),
        (("roadmap",), {"org": "no-such-school", "year": YEAR}),
        (("roadmap",), {"org": "school-a", "year": 1999}),
        (("roadmap",), {"org": "school-a", "year": YEAR, "format": "csv"}),
        (("roadmap",), {"org": "school-a", "year": YEAR, "user": "nobody"}),
        (("order",), {"org": "school-a", "year": YEAR, "format": "pdf", "option": ["order=999999"]}),
        (("certificates",), {"org": "school-a", "year": YEAR, "option": ["kind=unknown"]}),
    ],
)
def test_bad_input_is_a_clear_error(tmp_path, school, programme, args, options):
    with pytest.raises(CommandError) as error:
        export(*args, output=str(tmp_path / "x"), **options)
    assert str(error.value)
    assert not (tmp_path / "x").exists()


@pytest.mark.django_db
def test_a_stranger_user_is_refused(tmp_path, school, programme, stranger):
    with pytest.raises(CommandError):
        export("members", org="school-a", year=YEAR, user="stranger", output=str(tmp_path / "x.xlsx"))


@pytest.mark.django_db
def test_a_report_error_becomes_a_command_error(tmp_path, school, programme):
    with pytest.raises(CommandError):  # no pairs: «nobody matches the choice»
        export("certificates", org="school-a", year=YEAR, output=str(tmp_path / "c.pdf"))


def test_the_command_exits_non_zero(tmp_path):
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "manage.py", "export_report", "no_such_report", "--org", "x", "--year", "2024"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0 and "no_such_report" in result.stderr
