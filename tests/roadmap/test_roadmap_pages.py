"""Roadmap pages as a curator, a mentor and a municipal coordinator use them."""

import io
import json
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from mentoring.models import Job
from roadmap.models import EventEvidence, RoadmapEvent, RoadmapSection
from roadmap.services import event_create, event_mark_done, section_create

from ..conftest import YEAR, client_for
from .documents import FIXTURES, roadmap_docx

KW = {"org": "school-a", "year": YEAR}


def url(name: str, **kwargs) -> str:
    return reverse(f"roadmap:{name}", kwargs={**KW, **kwargs})


def make_roadmap(programme, events: int, sections: int = 5, responsible=None) -> list[RoadmapEvent]:
    made = []
    for number in range(sections):
        section = section_create(actor=None, programme=programme, title=f"Раздел {number + 1}")
        for index in range(events // sections):
            made.append(
                event_create(
                    actor=None,
                    section=section,
                    number=f"{number + 1}.{index + 1}.",
                    title=f"Мероприятие {number + 1}.{index + 1}",
                    period_text=["сентябрь", "октябрь – ноябрь", "декабрь, май", "в течение года"][index % 4],
                    responsible_text="Зам. директора по УВР",
                    responsible_users=[responsible] if responsible else [],
                )
            )
    return made


@pytest.mark.django_db
@pytest.mark.parametrize("events", [10, 100])
def test_roadmap_page_makes_a_fixed_number_of_queries(
    curator_client, programme, curator, events, django_assert_max_num_queries
):
    made = make_roadmap(programme, events, responsible=curator)
    event_mark_done(actor=curator, event=made[0], completed_on=date(YEAR, 9, 10), reference="Приказ № 1")
    curator_client.get(url("index"))
    with django_assert_max_num_queries(18):  # 18th: the import a manager can still undo
        response = curator_client.get(url("index"))
    html = response.content.decode()
    assert html.count('id="event-') == events
    assert "Раздел 5" in html and "Зам. директора по УВР" in html


@pytest.mark.django_db
def test_progress_header_counts_done_on_time_and_overdue(curator_client, programme, curator):
    made = make_roadmap(programme, 10)
    event_mark_done(actor=curator, event=made[0], completed_on=made[0].deadline)
    event_mark_done(actor=curator, event=made[1], completed_on=made[1].deadline + timedelta(days=3))
    html = curator_client.get(url("index")).content.decode()
    assert "20%" in html  # 2 of 10 done
    assert "10%" in html  # 1 of 10 done on time


@pytest.mark.django_db
def test_filters(curator_client, programme, curator, mentor):
    made = make_roadmap(programme, 10)
    event_mark_done(actor=curator, event=made[0], completed_on=date(YEAR, 9, 5))
    made[1].responsible_users.add(mentor)
    done = curator_client.get(url("index"), {"status": "done"}).content.decode()
    assert done.count('id="event-') == 1
    mine = curator_client.get(url("index"), {"responsible": mentor.pk}).content.decode()
    assert mine.count('id="event-') == 1
    october = curator_client.get(url("index"), {"month": 10}).content.decode()
    titles = [
        event.title
        for event in made
        if event.periods.filter(start__month__lte=10, end__month__gte=10).exists()
    ]
    assert october.count('id="event-') == len(titles) > 0
    bad = curator_client.get(url("index"), {"month": 13})
    assert bad.status_code == 200  # an invalid filter shows everything, never an error page


@pytest.mark.django_db
def test_overdue_filter_and_timeline(curator_client, school):
    past = school.programmes.get(academic_year__start_year=YEAR - 1)
    section = section_create(actor=None, programme=past, title="Раздел")
    event_create(actor=None, section=section, title="Просроченное", period_text="октябрь")
    kwargs = {"org": "school-a", "year": YEAR - 1}
    html = curator_client.get(reverse("roadmap:index", kwargs=kwargs), {"overdue": "on"}).content.decode()
    assert "Просроченное" in html and "просрочено" in html
    timeline = curator_client.get(reverse("roadmap:timeline", kwargs=kwargs)).content.decode()
    assert "Просроченное" in timeline and "Октябрь" in timeline.title()


@pytest.mark.django_db
def test_my_tasks_shows_only_my_events(programme, mentor):
    made = make_roadmap(programme, 5)
    made[2].responsible_users.add(mentor)
    html = client_for(mentor).get(url("my_tasks")).content.decode()
    assert made[2].title in html and made[3].title not in html


@pytest.mark.django_db
def test_responsible_mentor_marks_done_with_a_file(programme, mentor):
    made = make_roadmap(programme, 5, responsible=mentor)
    event = made[0]
    upload = SimpleUploadedFile("foto.jpg", b"\xff\xd8\xff photo", content_type="image/jpeg")
    response = client_for(mentor).post(
        url("event_done", event=event.pk),
        {
            "completed_on": str(min(timezone.localdate(), date(YEAR + 1, 8, 31))),
            "file": upload,
            "reference": "Протокол № 3",
            "comment": "Провели",
        },
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.status == RoadmapEvent.Status.DONE
    assert event.evidence.get().reference == "Протокол № 3"
    download = client_for(mentor).get(url("evidence_download", evidence=event.evidence.get().pk))
    assert b"".join(download.streaming_content) == b"\xff\xd8\xff photo"


@pytest.mark.django_db
def test_mentor_cannot_mark_someone_elses_event(programme, mentor):
    event = make_roadmap(programme, 5)[0]
    response = client_for(mentor).post(url("event_done", event=event.pk), {"completed_on": "2025-10-01"})
    assert response.status_code == 403
    event.refresh_from_db()
    assert event.status == RoadmapEvent.Status.PLANNED


@pytest.mark.django_db
def test_future_completion_date_is_refused_and_nothing_changes(curator_client, programme):
    event = make_roadmap(programme, 5)[0]
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = curator_client.post(url("event_done", event=event.pk), {"completed_on": str(tomorrow)})
    assert response.status_code == 400
    assert "не может быть в будущем" in response.content.decode()
    event.refresh_from_db()
    assert event.status == RoadmapEvent.Status.PLANNED and not EventEvidence.objects.exists()


@pytest.mark.django_db
def test_create_and_edit_an_event(curator_client, programme, mentor):
    section = section_create(actor=None, programme=programme, title="Раздел")
    bad = curator_client.post(url("event_create"), {"section": section.pk, "title": ""})
    assert bad.status_code == 200 and "Обязательное поле" in bad.content.decode()
    assert not RoadmapEvent.objects.exists()
    response = curator_client.post(
        url("event_create"),
        {
            "section": section.pk,
            "title": "Нетворкинг",
            "period_text": "ноябрь",
            "responsible_users": [mentor.pk],
        },
    )
    assert response.status_code == 302
    event = RoadmapEvent.objects.get()
    assert event.deadline == date(YEAR, 11, 30) and list(event.responsible_users.all()) == [mentor]
    curator_client.post(
        url("event_edit", event=event.pk),
        {"section": section.pk, "title": "Нетворкинг-встреча", "period_text": "декабрь"},
    )
    event.refresh_from_db()
    assert (event.title, event.deadline) == ("Нетворкинг-встреча", date(YEAR, 12, 31))
    assert not event.responsible_users.exists()


@pytest.mark.django_db
def test_mentor_cannot_edit(programme, mentor):
    event = make_roadmap(programme, 5)[0]
    client = client_for(mentor)
    assert client.get(url("event_edit", event=event.pk)).status_code == 403
    assert client.post(url("event_delete", event=event.pk)).status_code == 403
    assert RoadmapEvent.objects.filter(pk=event.pk).exists()


@pytest.mark.django_db
def test_coordinator_reads_but_does_not_comment(programme, coordinator):
    event = make_roadmap(programme, 5)[0]
    client = client_for(coordinator)
    table = client.get(url("index"))
    assert table.status_code == 200
    assert event.title.split()[0] in table.content.decode()
    # an event's page (comments, evidence files) may name pupils: not for the levels above the school
    assert url("event", event=event.pk) not in table.content.decode()
    assert client.get(url("event", event=event.pk)).status_code == 404
    assert client.post(url("event_comment", event=event.pk), {"text": "Хорошо"}).status_code == 404
    assert not event.comments.exists()


@pytest.mark.django_db
def test_template_and_copy_from_the_start_page(curator_client, programme):
    page = curator_client.get(url("start")).content.decode()
    assert "Целевая модель наставничества" in page or "наставничества" in page
    response = curator_client.post(url("start"), {"action": "template", "template": "students"})
    assert response.status_code == 302
    assert RoadmapSection.objects.filter(programme=programme).count() == 7


# --- Import -----------------------------------------------------------------------------------------


def upload(client, content: bytes, name: str = "roadmap.docx"):
    return client.post(url("import_upload"), {"file": SimpleUploadedFile(name, content)})


@pytest.mark.django_db
def test_import_preview_correct_and_confirm(curator_client, programme):
    response = upload(curator_client, roadmap_docx(events=6, sections=2))
    assert response.status_code == 302 and response["Location"] == url("import_preview")
    assert not RoadmapEvent.objects.exists()  # nothing is saved before confirmation
    preview = curator_client.get(url("import_preview"))
    html = preview.content.decode()
    assert "Раздел дорожной карты № 1" in html and "Мероприятие 2.3" in html
    form = preview.context["preview"]
    data = {**_formset_data(form), "events-0-period_text": "декабрь – апрель", "action": "recheck"}
    recheck = curator_client.post(url("import_preview"), data)
    assert f"01.12.{YEAR} – 30.04.{YEAR + 1}" in recheck.content.decode()
    assert not RoadmapEvent.objects.exists()
    data["action"] = "confirm"
    data["events-5-include"] = ""  # leave the last event out
    done = curator_client.post(url("import_preview"), data)
    assert done.status_code == 302
    assert RoadmapEvent.objects.filter(programme=programme).count() == 5
    first = RoadmapEvent.objects.get(programme=programme, number="1.1.")
    assert (first.starts_on, first.deadline) == (date(YEAR, 12, 1), date(YEAR + 1, 4, 30))
    assert curator_client.get(url("import_preview")).status_code == 302  # the preview is gone


def _formset_data(preview) -> dict[str, str]:
    data = {}
    for formset in (preview.section_formset, preview.event_formset):
        prefix = formset.prefix
        data[f"{prefix}-TOTAL_FORMS"] = str(len(formset.forms))
        data[f"{prefix}-INITIAL_FORMS"] = str(len(formset.forms))
        for index, form in enumerate(formset.forms):
            for name, field in form.fields.items():
                value = form.initial.get(name, field.initial)
                if isinstance(value, bool):
                    value = "on" if value else ""
                data[f"{prefix}-{index}-{name}"] = "" if value is None else str(value)
    return data


@pytest.mark.django_db
def test_import_cancel_saves_nothing(curator_client):
    upload(curator_client, roadmap_docx())
    assert curator_client.post(url("import_cancel")).status_code == 302
    assert not RoadmapEvent.objects.exists()
    assert curator_client.get(url("import_preview")).status_code == 302


BAD_FILES = [
    (b"", "empty.docx", "файл пуст"),
    (b"not a document at all", "roadmap.docx", "не документ Word"),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600,
        "roadmap.doc",
        "паролем или сохранён в старом формате",
    ),
    (b"PK\x03\x04broken zip", "roadmap.xlsx", "не документ Word"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("content", "name", "message"), BAD_FILES)
def test_bad_files_get_a_russian_message_and_change_nothing(curator_client, content, name, message):
    response = upload(curator_client, content, name)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not RoadmapEvent.objects.exists() and not RoadmapSection.objects.exists()
    assert curator_client.get(url("import_preview")).status_code == 302


@pytest.mark.django_db
def test_too_large_file_is_refused(curator_client, settings):
    settings.ROADMAP_IMPORT_MAX_BYTES = 1000
    response = upload(curator_client, b"x" * 2000)
    assert response.status_code == 400 and "слишком большой" in response.content.decode()


# --- Command line -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_command_prints_json_and_dry_run_saves_nothing(programme, tmp_path, capsys):
    path = tmp_path / "roadmap.docx"
    path.write_bytes(roadmap_docx(events=10, sections=2))
    call_command("import_roadmap", str(path), "--org", "school-a", "--year", str(YEAR), "--dry-run", "--json")
    data = json.loads(capsys.readouterr().out)
    assert data["academic_year"] == f"{YEAR}/{YEAR + 1}"
    assert [len(section["events"]) for section in data["sections"]] == [5, 5]
    assert not RoadmapEvent.objects.exists()
    call_command("import_roadmap", str(path), "--org", "school-a", "--year", str(YEAR))
    assert RoadmapEvent.objects.filter(programme=programme).count() == 10


@pytest.mark.django_db
def test_command_refuses_a_bad_file_in_russian(programme, tmp_path):
    path = tmp_path / "roadmap.docx"
    path.write_bytes(b"garbage")
    with pytest.raises(CommandError, match="не документ Word"):
        call_command("import_roadmap", str(path), "--org", "school-a", "--year", str(YEAR))
    with pytest.raises(CommandError, match="нет программы"):
        call_command("import_roadmap", str(path), "--org", "school-a", "--year", "1999")


@pytest.mark.django_db
@pytest.mark.skipif(not FIXTURES.exists(), reason="../shared/fixtures/roadmaps is not beside this checkout")
@pytest.mark.parametrize(
    ("name", "year", "events"),
    [("school_2023.docx", 2023, 30), ("school_2023.xlsx", 2023, 30), ("college_2020.docx", 2020, 16)],
)
def test_command_imports_the_real_roadmaps(school, name, year, events, capsys):
    from tests.factories import ProgrammeFactory

    ProgrammeFactory(organization=school, academic_year__start_year=year)
    call_command("import_roadmap", str(FIXTURES / name), "--org", "school-a", "--year", str(year), "--json")
    data = json.loads(capsys.readouterr().out)
    assert sum(len(section["events"]) for section in data["sections"]) == events
    assert RoadmapEvent.objects.filter(programme__academic_year__start_year=year).count() == events


# --- Export -----------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["xlsx", "pdf"])
def test_roadmap_export(curator_client, programme, curator, fmt, django_capture_on_commit_callbacks):
    made = make_roadmap(programme, 10)
    event_mark_done(actor=curator, event=made[0], completed_on=date(YEAR, 9, 10), reference="Приказ № 7-ОД")
    run = reverse("reports:run", kwargs={**KW, "report": "roadmap"})
    with django_capture_on_commit_callbacks(execute=True):
        response = curator_client.post(run, {"roadmap-format": fmt})
    assert response.status_code == 302
    job = Job.objects.get()
    assert job.status == Job.Status.DONE, job.error
    download = curator_client.get(reverse("job_download", kwargs={**KW, "job": job.pk}))
    content = b"".join(download.streaming_content)
    if fmt == "xlsx":
        sheet = load_workbook(io.BytesIO(content)).active
        values = list(sheet.iter_rows(values_only=True))
        assert ("1. Раздел 1",) + (None,) * 8 in values  # sections are numbered as on paper
        done = next(row for row in values if row[1] == "Мероприятие 1.1")
        assert done[7].date() == date(YEAR, 9, 10) and "Приказ № 7-ОД" in done[8]  # a date cell, the evidence
        assert sheet.merged_cells.ranges
    else:
        page = PdfReader(io.BytesIO(content)).pages[0]
        assert float(page.mediabox.width) > float(page.mediabox.height)  # A4 landscape
        text = " ".join(page.extract_text().split())
        assert "Дорожная карта" in text and "Мероприятие 1.1" in text and "Приказ № 7-ОД" in text


@pytest.mark.django_db
@pytest.mark.skipif(not FIXTURES.exists(), reason="../shared/fixtures/roadmaps is not beside this checkout")
def test_a_roadmap_of_another_year_is_flagged_in_the_preview(curator_client):
    upload(curator_client, (FIXTURES / "school_2023.docx").read_bytes())
    html = curator_client.get(url("import_preview")).content.decode()
    assert f"вне {YEAR}/{YEAR + 1} учебного года" in html or f"учебного года {YEAR}/{YEAR + 1}" in html
