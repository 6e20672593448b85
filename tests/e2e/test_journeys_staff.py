"""Journeys of the people who run the programme: the curator (roadmap from Word; bases from Excel, matching,
the pairing order) and the administrator (the analytical report and the РНЦ statistics)."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from ..conftest import YEAR
from .conftest import FIXTURES, JOURNEY, log_in

pytestmark = JOURNEY

ROADMAP_DOCX = FIXTURES / "roadmaps" / "school_2023.docx"


def wait_for_file(page):
    """On a job's page: wait until the file is ready (the page polls), then return the download link."""
    link = page.locator(".job-progress[data-status=done] a[href$='/download/']")
    expect(link).to_be_visible()
    return link


def download(page, link) -> tuple[str, bytes]:
    with page.expect_download() as info:
        link.click()
    item = info.value
    return item.suggested_filename, open(item.path(), "rb").read()


# --- 1. Roadmap from Word ---------------------------------------------------------------------------


@pytest.mark.skipif(
    not ROADMAP_DOCX.exists(), reason="../shared/fixtures/roadmaps is not beside this checkout"
)
def test_curator_imports_the_roadmap_from_word_corrects_a_period_and_reports_an_event_done(
    page, site, school, curator, tmp_path
):
    from roadmap.models import RoadmapEvent
    from tests.factories import ProgrammeFactory

    programme = ProgrammeFactory(organization=school, academic_year__start_year=2023)
    base = f"/o/{school.slug}/2023/roadmap/"
    log_in(page, site, curator.username)
    page.goto(site(base + "import/"))
    page.set_input_files("input[type=file][name=file]", str(ROADMAP_DOCX))
    page.click("main form button[type=submit], #main form button[type=submit]")
    page.wait_for_url(f"**{base}import/preview/")

    preview = page.locator("#import-preview")
    periods = preview.locator("textarea[name$='period_text']")
    expect(periods).to_have_count(30)
    first_row = preview.locator("tbody tr").first
    expect(first_row.locator("textarea[name$='title']")).to_have_value(
        re.compile("^Формирование базы наставляемых")
    )
    expect(first_row.locator(".parsed-periods")).to_contain_text("01.10.2023 – 31.10.2023")
    # the curator corrects the period of the first event and has it checked again
    first_row.locator("textarea[name$='period_text']").fill("сентябрь – октябрь 2023")
    preview.locator("button[name=action][value=recheck]").click()
    first_row = page.locator("#import-preview tbody tr").first
    expect(first_row.locator(".parsed-periods")).to_contain_text("01.09.2023 – 31.10.2023")
    assert not RoadmapEvent.objects.exists()  # nothing saved before the confirmation
    page.locator("#import-preview button[name=action][value=confirm]").click()
    page.wait_for_url(f"**{base}")
    assert RoadmapEvent.objects.filter(programme=programme).count() == 30
    event = RoadmapEvent.objects.get(programme=programme, title__startswith="Формирование базы наставляемых")
    assert event.period_text == "сентябрь – октябрь 2023"
    assert event.deadline == date(2023, 10, 31)

    # open the event from the roadmap and mark it done with a document reference and a scan
    page.locator(f"a[href='{base}events/{event.pk}/']").first.click()
    page.wait_for_url(f"**{base}events/{event.pk}/")
    done = page.locator(f"form[action='{base}events/{event.pk}/done/']")
    done.locator("input[name=completed_on]").fill("2023-10-20")
    done.locator("input[name=reference]").fill("Приказ № 142/5-ОД от 20.10.2023")
    scan = tmp_path / "prikaz.pdf"
    scan.write_bytes(b"%PDF-1.4\n% a small scan of the order\n")
    done.locator("input[type=file][name=file]").set_input_files(str(scan))
    done.locator("button[type=submit]").click()
    page.wait_for_url(f"**{base}events/{event.pk}/")
    expect(page.locator("#main")).to_contain_text("Приказ № 142/5-ОД от 20.10.2023")
    evidence_link = page.locator(f"a[href^='{base}evidence/']")
    expect(evidence_link.first).to_be_visible()
    event.refresh_from_db()
    assert event.status == RoadmapEvent.Status.DONE and event.completed_on == date(2023, 10, 20)
    evidence = event.evidence.get()
    assert evidence.reference == "Приказ № 142/5-ОД от 20.10.2023"
    _name, content = download(page, evidence_link.first)
    assert content == scan.read_bytes()
    assert not page.js_errors, page.js_errors


# --- 2. Bases from Excel, matching, the pairing order -------------------------------------------------


def filled_template(kind: str, rows: list[dict[str, object]]) -> bytes:
    """The organisation's own import template (participants/import_template.py) filled in as a curator would."""
    from participants.import_template import build_template
    from participants.importing import DATA_SHEETS

    workbook = load_workbook(io.BytesIO(build_template(kind)))
    sheet = workbook[DATA_SHEETS[kind]]
    headers = {str(cell.value).removesuffix(" *"): cell.column for cell in sheet[1] if cell.value}
    for number, row in enumerate(rows, start=2):
        for header, value in row.items():
            sheet.cell(row=number, column=headers[header], value=value)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


MENTEES = [
    {
        "Фамилия": "Смирнова",
        "Имя": "Вера",
        "Отчество": "Игоревна",
        "Дата рождения": "14.03.2012",
        "Категория участника": "Обучающийся",
        "Класс/группа": "8А",
        "Ключевые запросы": "Математика",
    },
    {
        "Фамилия": "Козлов",
        "Имя": "Глеб",
        "Отчество": "Андреевич",
        "Дата рождения": "31.02.2012",
        "Категория участника": "Обучающийся",
        "Класс/группа": "8А",
        "Ключевые запросы": "Физика",
    },
    {
        "Фамилия": "Лебедева",
        "Имя": "Дарья",
        "Отчество": "Олеговна",
        "Дата рождения": "02.09.2011",
        "Категория участника": "Обучающийся",
        "Класс/группа": "9Б",
        "Ключевые запросы": "Проекты",
    },
]
MENTORS = [
    {
        "Фамилия": "Попова",
        "Имя": "Анна",
        "Отчество": "Петровна",
        "Дата рождения": "01.03.1980",
        "Категория участника": "Педагог",
        "Компетенции": "Математика; Физика",
        "Наставляемых не более": 2,
    },
    {
        "Фамилия": "Соколов",
        "Имя": "Борис",
        "Отчество": "Ильич",
        "Дата рождения": "12.11.1975",
        "Категория участника": "Педагог",
        "Компетенции": "Проекты",
        "Наставляемых не более": 2,
    },
]


def upload(page, site, kind: str, path) -> None:
    page.goto(site(f"/o/school-a/{YEAR}/bases/import/{kind}/"))
    page.set_input_files("input[type=file][name=file]", str(path))
    page.locator("form[enctype='multipart/form-data'] button[type=submit]").click()
    page.wait_for_url(f"**/o/school-a/{YEAR}/bases/import/preview/**")


def test_curator_imports_the_bases_fixes_an_error_row_matches_and_prints_the_pairing_order(
    page, site, school, programme, curator, tmp_path
):
    from pairing.models import GroupMember, MentoringForm, MentoringGroup
    from participants.models import MenteeProfile, MentorProfile, Person
    from participants.services import consent_record

    log_in(page, site, curator.username)
    # mentees: one row has 31 February for a birth date
    wrong = tmp_path / "наставляемые.xlsx"
    wrong.write_bytes(filled_template("mentees", MENTEES))
    upload(page, site, "mentees", wrong)
    rows = page.locator("#import-rows tbody tr")
    expect(rows).to_have_count(1)  # errors are shown first
    expect(rows.first).to_have_attribute("data-status", "error")
    expect(rows.first).to_contain_text("Козлов")
    expect(rows.first).to_contain_text("Дата рождения")
    assert not Person.objects.exists()
    # the curator cancels, corrects the file and uploads it again
    page.locator(f"form[action='/o/school-a/{YEAR}/bases/import/cancel/'] button").click()
    page.wait_for_url("**/bases/import/mentees/")
    corrected = [dict(row) for row in MENTEES]
    corrected[1]["Дата рождения"] = "28.02.2012"
    fixed = tmp_path / "наставляемые-исправлено.xlsx"
    fixed.write_bytes(filled_template("mentees", corrected))
    upload(page, site, "mentees", fixed)
    expect(page.locator("#import-rows tbody tr[data-status=new]")).to_have_count(3)
    expect(page.locator("#import-rows tbody tr[data-status=error]")).to_have_count(0)
    page.locator("button[name=action][value=confirm]").click()
    page.wait_for_url(f"**/o/school-a/{YEAR}/bases/mentees/")
    expect(page.locator("#main")).to_contain_text("Лебедева")
    assert MenteeProfile.objects.filter(programme=programme).count() == 3
    assert Person.objects.get(last_name="Козлов").birth_date == date(2012, 2, 28)

    mentors = tmp_path / "наставники.xlsx"
    mentors.write_bytes(filled_template("mentors", MENTORS))
    upload(page, site, "mentors", mentors)
    expect(page.locator("#import-rows tbody tr[data-status=new]")).to_have_count(2)
    page.locator("button[name=action][value=confirm]").click()
    page.wait_for_url(f"**/o/school-a/{YEAR}/bases/mentors/")
    assert MentorProfile.objects.filter(programme=programme).count() == 2

    # the signed consents are on paper; the curator records them (here through the service, for speed)
    for person in Person.objects.all():
        signed_by = (
            {
                "given_by": "representative",
                "representative_name": f"{person.last_name} Ольга Петровна",
                "representative_relation": "мать",
            }
            if person.kind == "pupil"
            else {}
        )
        consent_record(
            actor=curator, person=person, scope="personal_data", given_on=date(2025, 9, 1), **signed_by
        )

    # matching: propose, accept every proposal
    page.goto(site(f"/o/school-a/{YEAR}/pairs/matching/"))
    teacher_pupil = MentoringForm.objects.get(key="teacher_pupil")
    page.locator("select[name=form]").select_option(value=str(teacher_pupil.pk))
    page.locator("#main form button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/pairs/matching/\d+/$"))
    accept = page.locator("button[name=action][value=accept]")
    expect(accept).to_be_visible()
    expect(page.locator("input[name=accept]")).to_have_count(3)
    accept.click()
    page.wait_for_url(f"**/o/school-a/{YEAR}/pairs/")
    expect(page.locator(".section-tile")).to_have_count(3)
    assert MentoringGroup.objects.filter(programme=programme).count() == 3
    assert GroupMember.objects.filter(role="mentee").values("person").distinct().count() == 3

    # the pairing order, from the pairs page: the record first, then its PDF
    page.locator("#pairing-order").click()
    page.wait_for_url("**/reports/orders/new/pairing/")
    expect(page.locator("input[name=groups]:checked")).to_have_count(3)
    page.locator("input[name=number]").fill("112-ОД")
    page.locator("#main form button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/reports/orders/\d+/$"))
    expect(page.locator("#order-points")).to_contain_text("Закрепить наставнические пары")
    page.locator("form[action$='/file/pdf/'] button").click()
    page.wait_for_url(re.compile(r".*/jobs/[0-9a-f-]+/(\?next=[^#]*)?$"))
    name, content = download(page, wait_for_file(page))
    assert name.endswith(".pdf") and content.startswith(b"%PDF-")
    from pypdf import PdfReader

    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(content)).pages)
    assert "112-ОД" in text and "Лебедева" in text  # the pupils are in the appendix on the next page
    assert not page.js_errors, page.js_errors


# --- 5. Reports -------------------------------------------------------------------------------------


def test_administrator_generates_the_analytical_report_and_the_rnc_statistics(
    page, site, programme, administrator, pair, roadmap_event
):
    from pypdf import PdfReader

    log_in(page, site, administrator.username)
    files = {}
    for report, fmt in (("analytical_report", "pdf"), ("rnc_statistics", "xlsx")):
        page.goto(site(f"/o/school-a/{YEAR}/reports/"))
        card = page.locator(f"#report-{report}")
        card.locator("summary").click()
        card.locator(f"input[name='{report}-format'][value={fmt}]").check()
        card.locator("button[type=submit]").click()
        page.wait_for_url(re.compile(r".*/jobs/[0-9a-f-]+/(\?next=[^#]*)?$"))
        files[report] = download(page, wait_for_file(page))
    # both are in «My files» on the reports page
    page.goto(site(f"/o/school-a/{YEAR}/reports/"))
    expect(page.locator(".card .list-group-item a[href*='/jobs/']")).to_have_count(2)

    name, content = files["analytical_report"]
    assert name.endswith(".pdf") and content.startswith(b"%PDF-")
    assert len(PdfReader(io.BytesIO(content)).pages) >= 2
    name, content = files["rnc_statistics"]
    assert name.endswith(".xlsx")
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet.max_row > 3 and any(
        isinstance(value, int | float) and value > 0
        for row in sheet.iter_rows(values_only=True)
        for value in row
    )
    assert not page.js_errors, page.js_errors
