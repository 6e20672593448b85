"""The roadmap import as a curator lives it: schedules in the preview, «replace» that keeps what was done
and asks before deleting, the same file twice, undo within the day, last year's dates moved, and the
command's JSON for every outcome."""

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from mentoring.models import AuditEvent
from roadmap.models import EventEvidence, RoadmapEvent, RoadmapImport
from roadmap.services import RoadmapError, event_mark_done, roadmap_import_undo

from ..conftest import YEAR
from .documents import roadmap_docx
from .test_roadmap_pages import _formset_data

KW = {"org": "school-a", "year": YEAR}
CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "school_roadmaps"


def url(name: str, **kwargs) -> str:
    return reverse(f"roadmap:{name}", kwargs={**KW, **kwargs})


def upload(client, content: bytes, name: str = "roadmap.docx", **extra):
    return client.post(url("import_upload"), {"file": SimpleUploadedFile(name, content), **extra})


def confirm(client, replace: bool = False):
    preview = client.get(url("import_preview"))
    data = {**_formset_data(preview.context["preview"]), "action": "confirm"}
    if replace:
        data["replace"] = "1"
    return client.post(url("import_preview"), data)


@pytest.mark.django_db
def test_preview_shows_schedules_and_highlights_what_is_not_understood(curator_client, programme):
    data = (CORPUS / "recurring_periods.docx").read_bytes()
    assert upload(curator_client, data).status_code == 302
    html = curator_client.get(url("import_preview")).content.decode()
    assert html.count("period-needs-attention") == 2  # «по согласованию с РНЦ», «зимние каникулы»
    assert "по согласованию с РНЦ" in html and "Не удалось разобрать срок" in html
    assert html.count("period-recognised") == 10
    assert "ежемесячно до 25 числа" in html and "1 раз в четверть" in html
    assert confirm(curator_client).status_code == 302
    diaries = RoadmapEvent.objects.get(programme=programme, title="Сдача дневников встреч пар")
    period = diaries.periods.get()
    assert (period.recurrence, period.recurrence_day) == ("month", 25)
    assert diaries.recurring and diaries.next_due == date(YEAR, 9, 25)


@pytest.mark.django_db
def test_a_partly_read_period_is_not_shown_as_recognised(curator_client, programme):
    data = roadmap_docx(events=2, sections=1)
    upload(curator_client, data)
    preview = curator_client.get(url("import_preview"))
    form = {**_formset_data(preview.context["preview"]), "action": "recheck"}
    form["events-0-period_text"] = "ежемесячно в последнюю неделю"
    html = curator_client.post(url("import_preview"), form).content.decode()
    assert html.count("period-needs-attention") == 1
    assert "в последнюю неделю" in html


@pytest.mark.django_db
def test_the_same_file_twice_warns_and_does_not_double(curator_client, programme):
    data = roadmap_docx(events=6, sections=2)
    upload(curator_client, data)
    assert confirm(curator_client).status_code == 302
    assert RoadmapEvent.objects.filter(programme=programme).count() == 6
    upload(curator_client, data)
    html = curator_client.get(url("import_preview")).content.decode()
    assert 'id="same-file"' in html
    response = confirm(curator_client)
    assert RoadmapEvent.objects.filter(programme=programme).count() == 6
    assert (
        "уже есть в дорожной карте" in curator_client.get(url("index")).content.decode()
        or response.status_code == 200
    )


@pytest.mark.django_db
def test_replace_keeps_what_was_done_asks_before_deleting_and_can_be_undone(
    curator_client, programme, curator
):
    upload(curator_client, roadmap_docx(events=6, sections=2), "plan-2025.docx")
    confirm(curator_client)
    first = RoadmapEvent.objects.get(programme=programme, number="1.1.")
    event_mark_done(actor=curator, event=first, completed_on=date(YEAR, 9, 20), reference="Приказ № 12-ОД")
    # the school's corrected file: four of the six events, the first with a new responsible person
    upload(curator_client, roadmap_docx(events=4, sections=2), "plan-2025-v2.docx")
    response = confirm(curator_client, replace=True)
    assert response.status_code == 302 and response["Location"] == url("import_replace")
    assert RoadmapEvent.objects.filter(programme=programme).count() == 6  # nothing deleted yet
    page = curator_client.get(url("import_replace"))
    html = page.content.decode()
    plan = page.context["plan"]
    assert sorted(event.number for event in plan.deleted) == ["1.3.", "2.3."]
    assert len(plan.kept) == 4 and not plan.added
    assert "Мероприятие 1.3" in html and "Мероприятие 2.3" in html
    ids = [str(event.pk) for event in plan.deleted]
    refused = curator_client.post(url("import_replace"), {"delete": ids})  # the box is not ticked
    assert refused.status_code == 400
    assert RoadmapEvent.objects.filter(programme=programme).count() == 6
    done = curator_client.post(url("import_replace"), {"delete": ids, "confirm_delete": "1"})
    assert done.status_code == 302
    assert sorted(RoadmapEvent.objects.filter(programme=programme).values_list("number", flat=True)) == [
        "1.1.",
        "1.2.",
        "2.1.",
        "2.2.",
    ]
    first = RoadmapEvent.objects.get(pk=first.pk)  # the same row: status, date and evidence kept
    assert first.status == RoadmapEvent.Status.DONE and first.completed_on == date(YEAR, 9, 20)
    assert list(first.evidence.values_list("reference", flat=True)) == ["Приказ № 12-ОД"]
    # undo in one step, from the roadmap page
    index = curator_client.get(url("index")).content.decode()
    assert 'id="last-import"' in index and "plan-2025-v2.docx" in index
    record = RoadmapImport.objects.filter(programme=programme).order_by("-id").first()
    assert curator_client.post(url("import_undo", roadmap_import=record.pk)).status_code == 302
    assert sorted(RoadmapEvent.objects.filter(programme=programme).values_list("number", flat=True)) == [
        "1.1.",
        "1.2.",
        "1.3.",
        "2.1.",
        "2.2.",
        "2.3.",
    ]
    first.refresh_from_db()
    assert first.status == RoadmapEvent.Status.DONE
    assert EventEvidence.objects.filter(event=first).count() == 1
    assert AuditEvent.objects.filter(
        target_type="roadmap.RoadmapImport", action=AuditEvent.Action.DELETE
    ).exists()
    record.refresh_from_db()
    assert record.undone_at is not None
    # once only; and the banner now offers the first import's undo
    assert curator_client.post(url("import_undo", roadmap_import=record.pk)).status_code == 302
    assert RoadmapEvent.objects.filter(programme=programme).count() == 6


@pytest.mark.django_db
def test_undo_is_for_the_day_only_and_refused_after_progress(curator_client, programme, curator):
    upload(curator_client, roadmap_docx(events=4, sections=2))
    confirm(curator_client)
    record = RoadmapImport.objects.get(programme=programme)
    with pytest.raises(RoadmapError):
        roadmap_import_undo(actor=curator, record=record, now=timezone.now() + timedelta(hours=25))
    event = RoadmapEvent.objects.filter(programme=programme).first()
    event_mark_done(actor=curator, event=event, completed_on=date(YEAR, 9, 20))
    with pytest.raises(RoadmapError):
        roadmap_import_undo(actor=curator, record=record, now=timezone.now())
    assert RoadmapEvent.objects.filter(programme=programme).count() == 4


@pytest.mark.django_db
def test_a_stranger_cannot_undo_another_schools_import(curator_client, programme, other_school):
    from tests.factories import MembershipFactory, UserFactory

    from ..conftest import client_for

    upload(curator_client, roadmap_docx(events=2, sections=1))
    confirm(curator_client)
    record = RoadmapImport.objects.get(programme=programme)
    stranger = UserFactory(username="stranger")
    MembershipFactory(user=stranger, organization=other_school, role="curator")
    other_kw = {"org": other_school.slug, "year": YEAR, "roadmap_import": record.pk}
    assert client_for(stranger).post(reverse("roadmap:import_undo", kwargs=other_kw)).status_code == 404
    assert client_for(stranger).post(url("import_undo", roadmap_import=record.pk)).status_code in (403, 404)
    assert RoadmapImport.objects.get(pk=record.pk).undone_at is None


@pytest.mark.django_db
def test_last_years_roadmap_moves_to_this_year(curator_client, programme):
    data = roadmap_docx(events=2, sections=1)
    # roadmap_docx writes months without a year; give it last year's dates as a school would have them
    import io

    from docx import Document

    document = Document(io.BytesIO(data))
    table = document.tables[0]
    table.cell(2, 2).text = f"Октябрь {YEAR - 1}"
    table.cell(3, 2).text = f"15.05.{(YEAR) % 100:02d}"
    buffer = io.BytesIO()
    document.save(buffer)
    response = upload(curator_client, buffer.getvalue(), shift_to_current_year="on")
    assert response.status_code == 302
    html = curator_client.get(url("import_preview")).content.decode()
    assert f"Октябрь {YEAR}" in html and f"15.05.{(YEAR + 1) % 100:02d}" in html
    confirm(curator_client)
    events = RoadmapEvent.objects.filter(programme=programme).order_by("position")
    assert [(event.starts_on, event.deadline) for event in events] == [
        (date(YEAR, 10, 1), date(YEAR, 10, 31)),
        (date(YEAR + 1, 5, 15), date(YEAR + 1, 5, 15)),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["plan.ods", "plan.odt"])
def test_web_import_asks_to_save_open_document_files(curator_client, name):
    response = upload(curator_client, (CORPUS / name).read_bytes(), name)
    assert response.status_code == 400
    assert "сохраните как ." + ("xlsx" if name.endswith("ods") else "docx") in response.content.decode()


# --- the command ---------------------------------------------------------------------------------------


def run(capsys, *args):
    try:
        call_command("import_roadmap", *args)
    except CommandError as error:
        out = json.loads(capsys.readouterr().out)
        assert out["ok"] is False and out["error"] == str(error)
        return out
    return json.loads(capsys.readouterr().out)


@pytest.mark.django_db
def test_command_json_for_every_outcome(programme, tmp_path, capsys):
    good = tmp_path / "plan.docx"
    good.write_bytes(roadmap_docx(events=4, sections=2))
    wrong_org = run(capsys, str(good), "--org", "nowhere", "--year", str(YEAR), "--json")
    assert "nowhere" in wrong_org["error"]
    no_year = run(capsys, str(good), "--org", "school-a", "--year", "1999", "--json")
    assert no_year["ok"] is False
    missing = run(capsys, str(tmp_path / "absent.docx"), "--org", "school-a", "--year", str(YEAR), "--json")
    assert missing["ok"] is False and "absent.docx" in missing["error"]
    assert "Файл" in missing["error"] and "No such file" not in missing["error"]
    for name in ("plan.ods", "plan.odt"):
        hint = run(capsys, str(CORPUS / name), "--org", "school-a", "--year", str(YEAR), "--json")
        assert "сохраните как" in hint["error"]
    saved = run(capsys, str(good), "--org", "school-a", "--year", str(YEAR), "--json")
    assert saved["ok"] is True and saved["saved"]["events"] == 4
    again = run(capsys, str(good), "--org", "school-a", "--year", str(YEAR), "--json")
    assert again["ok"] is False and "уже есть" in again["error"]
    smaller = tmp_path / "smaller.docx"
    smaller.write_bytes(roadmap_docx(events=2, sections=2))
    refused = run(capsys, str(smaller), "--org", "school-a", "--year", str(YEAR), "--json", "--replace")
    assert refused["ok"] is False and "--delete-missing" in refused["error"]
    assert RoadmapEvent.objects.filter(programme=programme).count() == 4
    replaced = run(
        capsys,
        str(smaller),
        "--org",
        "school-a",
        "--year",
        str(YEAR),
        "--json",
        "--replace",
        "--delete-missing",
    )
    assert replaced["saved"] | {"import": None} == {
        "import": None,
        "events": 0,
        "sections": 2,
        "kept": 2,
        "deleted": 2,
        "skipped": 0,
        "kpi_targets": 0,
    }


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.glob("*") if p.suffix in (".docx", ".xlsx")))
def test_command_imports_every_corpus_file(school, name, capsys):
    from tests.factories import ProgrammeFactory

    expected = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))[name]
    ProgrammeFactory(organization=school, academic_year__start_year=2026)
    out = run(capsys, str(CORPUS / name), "--org", "school-a", "--year", "2026", "--json")
    assert out["ok"] is True
    assert [[s["title"], len(s["events"])] for s in out["sections"]] == expected["sections"]
    total = sum(count for _title, count in expected["sections"])
    assert RoadmapEvent.objects.filter(programme__academic_year__start_year=2026).count() == total


def _long_fields_xlsx() -> bytes:
    import io

    import openpyxl
    from openpyxl.worksheet.worksheet import Worksheet

    book = openpyxl.Workbook()
    sheet = book.active
    assert isinstance(sheet, Worksheet)
    sheet.append(["№", "Содержание", "Сроки", "Ответственный"])
    sheet.append(["Раздел: " + "организационные мероприятия " * 30, None, None, None])
    sheet.merge_cells("A2:D2")
    sheet.append(["1.1", "Событие длинный раздел", f"октябрь {YEAR}", "Иванов"])
    sheet.append(
        ["1.2 (перенесено из плана прошлого года, см. приказ)", "Событие длинный номер", f"ноябрь {YEAR}", ""]
    )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.mark.django_db
def test_a_too_long_section_title_or_number_is_fitted_with_a_warning(curator_client, programme):
    assert upload(curator_client, _long_fields_xlsx(), "long.xlsx").status_code == 302
    html = curator_client.get(url("import_preview")).content.decode()
    assert "было слишком длинным и сокращено" in html and "слишком длинная для номера" in html
    assert confirm(curator_client).status_code == 302
    section = programme.roadmap_sections.get()
    assert len(section.title) == 500 and section.title.endswith("…")
    moved = RoadmapEvent.objects.get(programme=programme, title__endswith="Событие длинный номер")
    assert moved.number == "" and moved.title.startswith("1.2 (перенесено из плана прошлого года")


@pytest.mark.django_db
def test_the_command_fits_too_long_values(programme, tmp_path, capsys):
    path = tmp_path / "long.xlsx"
    path.write_bytes(_long_fields_xlsx())
    saved = run(capsys, str(path), "--org", "school-a", "--year", str(YEAR), "--json")
    assert saved["ok"] is True and saved["saved"]["events"] == 2
    assert len(programme.roadmap_sections.get().title) == 500


@pytest.mark.django_db
def test_undo_is_offered_on_the_roadmap_page_to_any_manager_in_any_browser(curator_client, programme, curator):
    """The undo button comes from the database, not from the importing browser's session."""
    from tests.factories import MembershipFactory, UserFactory

    from ..conftest import client_for

    upload(curator_client, roadmap_docx(events=3, sections=1), "plan.docx")
    confirm(curator_client)
    record = RoadmapImport.objects.get(programme=programme)
    undo_url = url("import_undo", roadmap_import=record.pk)
    colleague = UserFactory(username="colleague")
    MembershipFactory(user=colleague, organization=programme.organization, role="curator")
    fresh_browser = client_for(colleague)
    assert undo_url in fresh_browser.get(url("index")).content.decode()
    assert undo_url in client_for(curator).get(url("index")).content.decode()  # the importer, signed in again
    assert fresh_browser.post(undo_url).status_code == 302
    assert RoadmapImport.objects.get(pk=record.pk).undone_at is not None
    assert undo_url not in fresh_browser.get(url("index")).content.decode()  # only once


@pytest.mark.django_db
def test_the_preview_keeps_its_corrections_when_the_page_is_reloaded(curator_client, programme):
    upload(curator_client, roadmap_docx(events=2, sections=1))
    preview = curator_client.get(url("import_preview"))
    form = _formset_data(preview.context["preview"])
    form["events-0-title"] = "Исправленное название мероприятия"
    form["events-1-period_text"] = "ноябрь"
    # saved while typing: nothing else happens
    draft = curator_client.post(url("import_preview"), {**form, "action": "draft"})
    assert draft.status_code == 204
    assert not RoadmapEvent.objects.exists()
    reloaded = curator_client.get(url("import_preview")).content.decode()
    assert "Исправленное название мероприятия" in reloaded
    assert "остаются после перезагрузки" in reloaded
    # «Check the periods again» keeps them too, and saving takes the corrected text
    form["events-1-period_text"] = "декабрь"
    curator_client.post(url("import_preview"), {**form, "action": "recheck"})
    assert ">декабрь</textarea>" in curator_client.get(url("import_preview")).content.decode()
    assert curator_client.post(url("import_preview"), {**form, "action": "confirm"}).status_code == 302
    assert RoadmapEvent.objects.filter(title="Исправленное название мероприятия").exists()
    # a new upload starts from the file as read
    upload(curator_client, roadmap_docx(events=2, sections=1), name="again.docx")
    assert "Исправленное название" not in curator_client.get(url("import_preview")).content.decode()
