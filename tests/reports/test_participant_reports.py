"""The exports of the bases of mentees and mentors, and the list of consents still to collect."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import include, path, reverse
from django.utils import timezone
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from pypdf import PdfReader

from mentoring import urls as project_urls
from mentoring.access import Access, Scope
from mentoring.models import AuditEvent, Job, Programme, Role
from participants.models import (
    Consent,
    ConsentRule,
    MenteeProfile,
    MentorProfile,
    PartnerOrganization,
    Person,
    search_text_for,
)
from participants.services import consent_withdraw
from reports import urls as reports_urls
from reports.bases.reports import MENTEE_COLUMNS, MENTOR_COLUMNS
from reports.bases.urls import urlpatterns as column_urlpatterns
from reports.models import BaseColumnSet
from reports.registry import ReportContext, registry
from reports.tables import Table, TableSection
from reports.writers import csv_table

from ..conftest import YEAR, client_for

KW = {"org": "school-a", "year": YEAR}
SIGNED = date(2025, 9, 1)

MENTEE_HEADERS = [
    "ФИО наставляемого",
    "Контактные данные (для несовершеннолетних — родителя)",
    "Класс или группа",
    "Ключевые запросы наставляемого",
    "Запрос наставляемого своими словами",
    "Особые категории",
    "ФИО наставника",
    "Место работы/учёбы наставника",
    "Форма наставничества",
    "Место реализации программы наставничества",
    "Дата начала программы",
    "Дата окончания программы",
    "Результаты программы",
    "Ссылка на кейс/отзыв",
]
SUMMARY = "Не включены: без действующего согласия — {missing}, отозвали согласие (обезличены) — {anonymised}"


# --- Building the bases -----------------------------------------------------------------------------


def years_ago(years: int) -> date:
    return date(timezone.localdate().year - years, 1, 1)


def make_person(programme, last_name: str, *, consent: bool = True, **fields) -> Person:
    fields.setdefault("first_name", "Иван")
    fields.setdefault("kind", Person.Kind.PUPIL)
    person = Person(organization=programme.organization, last_name=last_name, **fields)
    person.search_text = search_text_for(person)
    person.save()
    if consent:
        Consent.objects.create(
            person=person,
            scope=Consent.Scope.PERSONAL_DATA,
            given_by=Consent.GivenBy.REPRESENTATIVE,
            representative_name="Законный представитель",
            given_on=SIGNED,
        )
    return person


def make_mentee(programme, last_name: str, *, consent: bool = True, profile: dict | None = None, **fields):
    person = make_person(programme, last_name, consent=consent, **fields)
    MenteeProfile.objects.create(person=person, programme=programme, **(profile or {}))
    return person


def make_mentor(programme, last_name: str, *, consent: bool = True, profile: dict | None = None, **fields):
    fields.setdefault("kind", Person.Kind.TEACHER)
    fields.setdefault("birth_date", date(1985, 5, 5))
    person = make_person(programme, last_name, consent=consent, **fields)
    MentorProfile.objects.create(person=person, programme=programme, **(profile or {}))
    return person


def withdraw(person: Person) -> None:
    consent = person.consents.get(scope=Consent.Scope.PERSONAL_DATA)
    consent_withdraw(actor=None, consent=consent, withdrawn_on=timezone.localdate())


@pytest.fixture
def mentee_base(programme):
    make_mentee(
        programme,
        "Алексеева",
        first_name="Анна",
        patronymic="Павловна",
        group_name="7Б",
        birth_date=years_ago(12),
        guardian_name="Алексеева Мария Петровна",
        guardian_phone="+7 900 111-22-33",
        phone="+7 900 999-99-99",
        profile={
            "requests": ["Успеваемость по математике", "Адаптация в классе"],
            "request_text": "Хочу подтянуть алгебру",
            "has_ovz": True,
            "entry_date": date(2025, 10, 1),
            "results": "Четвёрка по алгебре",
        },
    )
    make_mentee(programme, "Борисов", group_name="7А", consent=False)  # no consent: counted, not named
    make_mentee(programme, "Быстров", group_name="7Б", consent=False)
    withdrawn = make_mentee(programme, "Волков", group_name="7Б")
    withdraw(withdrawn)  # anonymised: counted, never named
    make_mentee(programme, '=HYPERLINK("http://evil.example","x")', group_name="8А")
    make_mentee(programme, "Григорьев", group_name="9В", kind=Person.Kind.COLLEGE_STUDENT)
    return programme


# --- Running a report the way the pages do ------------------------------------------------------------


def run_report(client, capture, identifier: str, fmt: str, **options) -> Job:
    data = {f"{identifier}-format": fmt, **{f"{identifier}-{key}": value for key, value in options.items()}}
    with capture(execute=True):
        response = client.post(reverse("reports:run", kwargs={**KW, "report": identifier}), data)
    assert response.status_code == 302, response.content.decode()[:800]
    job = Job.objects.latest("created_at")
    assert job.status == Job.Status.DONE, job.error
    return job


def download(client, job: Job) -> bytes:
    response = client.get(reverse("job_download", kwargs={**KW, "job": job.pk}))
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def sheet_rows(content: bytes) -> list[tuple]:
    sheet = load_workbook(io.BytesIO(content)).active
    assert isinstance(sheet, Worksheet)
    return list(sheet.iter_rows(values_only=True))


def table_part(rows: list[tuple]) -> tuple[list, list[list], str]:
    """Header, data rows and the closing summary of an exported base (title, subtitle, blank come first)."""
    header = [value for value in rows[3] if value is not None]
    body = [list(row) for row in rows[4:] if any(value not in (None, "") for value in row)]
    summary = body.pop()[0]
    return header, body, summary


# --- The base of mentees ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_mentee_base_xlsx_layout_consents_and_escaping(
    curator_client, mentee_base, django_capture_on_commit_callbacks
):
    job = run_report(curator_client, django_capture_on_commit_callbacks, "mentee_base", "xlsx")
    assert job.result_name == f"mentee_base_school-a_{YEAR}.xlsx"
    rows = sheet_rows(download(curator_client, job))
    assert rows[0][0] == "База наставляемых"
    header, body, summary = table_part(rows)
    assert header == MENTEE_HEADERS
    names = [row[0] for row in body]
    assert names == [
        '=HYPERLINK("http://evil.example","x") Иван',
        "Алексеева Анна Павловна",
        "Григорьев Иван",
    ]
    assert summary == SUMMARY.format(missing=2, anonymised=1)
    everything = " ".join(str(value) for row in rows for value in row if value)
    for absent in ("Борисов", "Быстров", "Волков", "Обезличено"):
        assert absent not in everything
    # the formula-like name is kept as written, stored as text and never as a formula
    cells = [
        cell
        for row in load_workbook(io.BytesIO(download(curator_client, job))).active.iter_rows()
        for cell in row
    ]
    evil = next(cell for cell in cells if cell.value == names[0])
    assert evil.data_type == "s" and evil.quotePrefix
    assert not any(cell.data_type == "f" for cell in cells)

    anna = dict(zip(header, body[1], strict=False))
    assert anna["Контактные данные (для несовершеннолетних — родителя)"] == (
        "Родитель: Алексеева Мария Петровна, тел. +7 900 111-22-33"
    )
    assert anna["Класс или группа"] == "7Б"
    assert anna["Ключевые запросы наставляемого"] == "Успеваемость по математике; Адаптация в классе"
    assert anna["Особые категории"] == "ОВЗ"
    assert anna["Место реализации программы наставничества"] == "МБОУ «СОШ № 1»"
    assert anna["Дата начала программы"].date() == date(2025, 10, 1)
    assert anna["Результаты программы"] == "Четвёрка по алгебре"
    # pairs do not exist yet: their columns are there, and empty
    assert anna["ФИО наставника"] in (None, "") and anna["Форма наставничества"] in (None, "")


@pytest.mark.django_db
def test_filters_of_the_list_page_are_honoured(
    curator_client, mentee_base, django_capture_on_commit_callbacks
):
    job = run_report(curator_client, django_capture_on_commit_callbacks, "mentee_base", "xlsx", group="7Б")
    rows = sheet_rows(download(curator_client, job))
    _header, body, summary = table_part(rows)
    assert [row[0] for row in body] == ["Алексеева Анна Павловна"]
    assert summary == SUMMARY.format(missing=1, anonymised=1)  # Быстров and Волков are of 7Б
    assert "Отбор: Класс или группа: 7Б" in rows[1][0]  # the file says, in Russian, it is a selection

    job = run_report(
        curator_client,
        django_capture_on_commit_callbacks,
        "mentee_base",
        "xlsx",
        q="алексеева",
        category="has_ovz",
    )
    _header, body, summary = table_part(sheet_rows(download(curator_client, job)))
    assert [row[0] for row in body] == ["Алексеева Анна Павловна"]
    assert summary == SUMMARY.format(missing=0, anonymised=0)

    job = run_report(
        curator_client, django_capture_on_commit_callbacks, "mentee_base", "xlsx", kind="college_student"
    )
    _header, body, _summary = table_part(sheet_rows(download(curator_client, job)))
    assert [row[0] for row in body] == ["Григорьев Иван"]


@pytest.mark.django_db
def test_column_set_of_the_organisation_chooses_and_orders_columns(
    curator_client, school, mentee_base, django_capture_on_commit_callbacks
):
    BaseColumnSet.objects.create(
        organization=school, kind="mentees", columns=["group", "full_name", "gone_column", "requests"]
    )
    job = run_report(curator_client, django_capture_on_commit_callbacks, "mentee_base", "xlsx")
    header, body, _summary = table_part(sheet_rows(download(curator_client, job)))
    assert header == ["Класс или группа", "ФИО наставляемого", "Ключевые запросы наставляемого"]
    assert body[1] == ["7Б", "Алексеева Анна Павловна", "Успеваемость по математике; Адаптация в классе"]


@pytest.mark.django_db
def test_csv_opens_in_excel_with_cyrillic_and_semicolons(
    curator_client, mentee_base, django_capture_on_commit_callbacks
):
    job = run_report(curator_client, django_capture_on_commit_callbacks, "mentee_base", "csv")
    assert job.result_name == f"mentee_base_school-a_{YEAR}.csv"
    assert job.title.endswith("(CSV)")
    content = download(curator_client, job)
    assert content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == MENTEE_HEADERS
    by_name = {row[0]: row for row in rows[1:] if row}
    assert by_name["Алексеева Анна Павловна"][10] == "01.10.2025"
    assert '\'=HYPERLINK("http://evil.example","x") Иван' in by_name
    assert rows[-1] == [SUMMARY.format(missing=2, anonymised=1)]
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


@pytest.mark.django_db
def test_every_export_and_download_is_audited(
    curator_client, curator, mentee_base, django_capture_on_commit_callbacks
):
    job = run_report(curator_client, django_capture_on_commit_callbacks, "mentee_base", "csv", group="7Б")
    download(curator_client, job)
    events = AuditEvent.objects.filter(actor=curator, target_id=str(job.pk))
    assert sorted(events.values_list("action", flat=True)) == [
        AuditEvent.Action.DOWNLOAD,
        AuditEvent.Action.EXPORT,
    ]
    export = events.get(action=AuditEvent.Action.EXPORT)
    assert export.details["report"] == "mentee_base" and export.details["format"] == "csv"
    assert "group" not in export.details["options"]  # «7Б» is text: only codes and numbers are kept
    assert export.organization_id == job.organization_id and export.at is not None


# --- The base of mentors ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_mentor_base_columns(curator_client, school, programme, django_capture_on_commit_callbacks):
    partner = PartnerOrganization.objects.create(organization=school, name="ООО «Завод»")
    make_mentor(
        programme,
        "Сидорова",
        first_name="Елена",
        phone="+7 911 000-00-00",
        email="sidorova@school.example",
        position="Учитель",
        subject="Математика",
        profile={
            "competencies": ["Олимпиадная математика", "Проекты"],
            "interests": ["Шахматы"],
            "preferred_grades": "7–9 классы",
            "capacity": 3,
            "training_done": True,
            "training_date": date(2025, 9, 20),
            "achievements": "Учитель года — 2023",
        },
    )
    make_mentor(programme, "Инженеров", kind=Person.Kind.PARTNER_EMPLOYEE, profile={"partner": partner})
    make_mentor(programme, "Выпускникова", kind=Person.Kind.GRADUATE, workplace="МГУ, 2 курс")
    make_mentor(programme, "Безсогласия", consent=False)
    job = run_report(curator_client, django_capture_on_commit_callbacks, "mentor_base", "xlsx")
    rows = sheet_rows(download(curator_client, job))
    assert rows[0][0] == "База наставников"
    header, body, summary = table_part(rows)
    assert header == [str(column.header) for column in MENTOR_COLUMNS]
    assert header[:3] == ["ФИО наставника", "Контактные данные", "Место работы или учёбы"]
    mentors = {row[0]: dict(zip(header, row, strict=False)) for row in body}
    assert set(mentors) == {"Выпускникова Иван", "Инженеров Иван", "Сидорова Елена"}
    elena = mentors["Сидорова Елена"]
    assert elena["Контактные данные"] == "тел. +7 911 000-00-00, sidorova@school.example"
    assert elena["Место работы или учёбы"] == "МБОУ «СОШ № 1»"
    assert elena["Должность, предмет"] == "Учитель, Математика"
    assert elena["Ключевые компетенции"] == "Олимпиадная математика; Проекты"
    assert elena["Наставляемых не более"] == 3
    assert elena["Обучение"] == "пройдено 20.09.2025"
    assert elena["ФИО наставляемых"] in (None, "")
    assert mentors["Инженеров Иван"]["Место работы или учёбы"] == "ООО «Завод»"
    assert mentors["Инженеров Иван"]["Обучение"] == "не пройдено"
    assert mentors["Выпускникова Иван"]["Место работы или учёбы"] == "МГУ, 2 курс"
    assert summary == SUMMARY.format(missing=1, anonymised=0)

    job = run_report(
        curator_client, django_capture_on_commit_callbacks, "mentor_base", "xlsx", training="done"
    )
    _header, body, _summary = table_part(sheet_rows(download(curator_client, job)))
    assert [row[0] for row in body] == ["Сидорова Елена"]


# --- Who may run them -------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("identifier", ["mentee_base", "mentor_base", "consents_missing"])
def test_only_the_curator_and_the_administrator_run_them(identifier, mentor, administrator, coordinator):
    for user in (mentor, coordinator):
        client = client_for(user)
        response = client.post(
            reverse("reports:run", kwargs={**KW, "report": identifier}), {f"{identifier}-format": "xlsx"}
        )
        assert response.status_code == 404
    assert not Job.objects.exists()
    page = client_for(administrator).get(reverse("reports:index", kwargs=KW)).content.decode()
    assert f'id="report-{identifier}"' in page
    assert (
        f'id="report-{identifier}"'
        not in client_for(mentor).get(reverse("reports:index", kwargs=KW)).content.decode()
    )


@pytest.mark.django_db
def test_the_index_offers_csv(curator_client):
    page = curator_client.get(reverse("reports:index", kwargs=KW)).content.decode()
    assert "CSV для Excel" in page  # the format's badge
    options = curator_client.get(reverse("reports:options", kwargs={**KW, "report": "mentee_base"}))
    assert 'value="csv"' in options.content.decode()


# --- Query counts -----------------------------------------------------------------------------------


def _context(school, curator) -> ReportContext:
    programme = Programme.objects.select_related("academic_year", "organization").get(
        organization=school, academic_year__start_year=YEAR
    )
    access = Access(organization=programme.organization, roles=frozenset({Role.CURATOR}))
    scope = Scope(organization=programme.organization, programme=programme, access=access)
    return ReportContext(scope=scope, user=curator, options={})


def _bulk_people(programme, start: int, count: int, *, mentors: bool) -> None:
    people = Person.objects.bulk_create(
        Person(
            organization=programme.organization,
            last_name=f"Участник{index:04d}",
            first_name="Пётр",
            group_name="7Б",
            kind=Person.Kind.TEACHER if mentors else Person.Kind.PUPIL,
            birth_date=date(2012, 1, 1),
        )
        for index in range(start, start + count)
    )
    Consent.objects.bulk_create(
        Consent(person=person, given_by="representative", representative_name="Мама", given_on=SIGNED)
        for person in people[::2]
    )
    model = MentorProfile if mentors else MenteeProfile
    model.objects.bulk_create(model(person=person, programme=programme) for person in people)


@pytest.mark.django_db
@pytest.mark.parametrize("identifier", ["mentee_base", "mentor_base", "consents_missing"])
def test_query_count_does_not_grow_with_the_base(
    identifier, school, programme, curator, django_assert_max_num_queries
):
    report = registry.get(identifier)
    mentors = identifier == "mentor_base"
    counts = []
    for start, count in ((0, 10), (10, 190)):
        _bulk_people(programme, start, count, mentors=mentors)
        context = _context(school, curator)
        # the people, the counts of those left out, the column set, the pairs and their cases
        with django_assert_max_num_queries(6), CaptureQueriesContext(connection) as queries:
            generated = report.generate(context, "xlsx")
        counts.append(len(queries))
        assert generated.content
    assert counts[0] == counts[1]
    rows = sheet_rows(generated.content)
    if identifier == "consents_missing":
        assert len([row for row in rows[4:] if row[0]]) == 100
    else:
        _header, body, summary = table_part(rows)
        assert len(body) == 100 and summary == SUMMARY.format(missing=100, anonymised=0)


# --- Who needs to sign a consent --------------------------------------------------------------------


@pytest.fixture
def unsigned(school, programme):
    make_mentee(
        programme,
        "Малышева",
        consent=False,
        group_name="5А",
        birth_date=years_ago(11),
        guardian_name="Малышева Ольга",
        guardian_phone="+7 900 555-55-55",
    )
    make_mentee(programme, "Подросткова", consent=False, group_name="9А", birth_date=years_ago(15))
    make_mentee(programme, "Безданных", consent=False, group_name="6В")
    teacher = make_mentor(programme, "Учителева", consent=False)
    # a young teacher, mentored and mentoring
    MenteeProfile.objects.create(person=teacher, programme=programme)
    make_mentee(programme, "Подписавшая", group_name="5А", birth_date=years_ago(11))
    withdraw(make_mentee(programme, "Отозвавший", group_name="5А", birth_date=years_ago(11)))
    make_mentee(
        Programme.objects.get(organization=school, academic_year__start_year=YEAR - 1),
        "Прошлогодний",
        consent=False,
    )
    return programme


@pytest.mark.django_db
def test_consents_missing_lists_who_must_sign(
    curator_client, school, unsigned, django_capture_on_commit_callbacks
):
    job = run_report(curator_client, django_capture_on_commit_callbacks, "consents_missing", "xlsx")
    rows = sheet_rows(download(curator_client, job))
    assert rows[0][0] == "Кому нужно подписать согласие"
    assert list(rows[3]) == [
        "№",
        "ФИО",
        "Класс или группа",
        "Роль в программе",
        "Подписывает законный представитель",
        "Родитель (законный представитель), телефон",
        "Отметка о сдаче",
    ]
    people = {row[1]: row for row in rows[4:]}
    assert set(people) == {"Малышева Иван", "Подросткова Иван", "Безданных Иван", "Учителева Иван"}
    assert people["Малышева Иван"][2:6] == (
        "5А",
        "Наставляемый",
        "Да",
        "Малышева Ольга, тел. +7 900 555-55-55",
    )
    assert people["Подросткова Иван"][4] == "Да"  # 15 years old, the default rule: a representative signs
    assert people["Безданных Иван"][4] == "Неизвестно: не указана дата рождения"
    assert people["Учителева Иван"][3:5] == ("Наставник и наставляемый", "Нет")

    ConsentRule.objects.create(organization=school, teenagers=ConsentRule.Teenagers.SELF)
    job = run_report(
        curator_client, django_capture_on_commit_callbacks, "consents_missing", "xlsx", group="9а"
    )
    rows = sheet_rows(download(curator_client, job))
    assert [(row[1], row[4]) for row in rows[4:]] == [("Подросткова Иван", "Нет")]


@pytest.mark.django_db
def test_consents_missing_pdf(curator_client, unsigned, django_capture_on_commit_callbacks):
    job = run_report(curator_client, django_capture_on_commit_callbacks, "consents_missing", "pdf")
    text = PdfReader(io.BytesIO(download(curator_client, job))).pages[0].extract_text()
    assert "Кому нужно подписать согласие" in text and "Малышева" in text


# --- The CSV writer and the column model ------------------------------------------------------------


def test_csv_writer_escapes_and_keeps_numbers():
    table = Table(
        title="T",
        subtitle="S",
        columns=["Имя", "Число", "Дата"],
        rows=[TableSection("Раздел"), ["@SUM(A1)", -5, date(2025, 9, 1)], ["+7 900", None, "a;b"]],
    )
    text = csv_table(table).decode("utf-8-sig")
    assert text.splitlines() == ["Имя;Число;Дата", "Раздел", "'@SUM(A1);-5;01.09.2025", '\'+7 900;;"a;b"']


@pytest.mark.django_db
def test_column_set_validates_its_keys(school):
    from django.core.exceptions import ValidationError

    column_set = BaseColumnSet(organization=school, kind="mentees", columns=["full_name", "no_such"])
    with pytest.raises(ValidationError, match="no_such"):
        column_set.full_clean()
    column_set.columns = ["full_name", "full_name"]
    with pytest.raises(ValidationError):
        column_set.full_clean()
    column_set.columns = [column.key for column in MENTEE_COLUMNS][::-1]
    column_set.full_clean()


# --- The curator's page of columns ------------------------------------------------------------------

# Until reports/urls.py includes ``column_urlpatterns``, these tests add them to a copy of the URLs.
_reports = reports_urls.urlpatterns + [
    pattern
    for pattern in column_urlpatterns
    if pattern.name not in {p.name for p in reports_urls.urlpatterns}
]
_organization = [
    pattern
    for pattern in project_urls.organization_patterns
    if getattr(pattern, "namespace", None) != "reports"
] + [path("reports/", include((_reports, "reports")))]
urlpatterns = [
    pattern for pattern in project_urls.urlpatterns if str(pattern.pattern) != "o/<slug:org>/<int:year>/"
] + [path("o/<slug:org>/<int:year>/", include(_organization))]


@pytest.mark.django_db
@pytest.mark.urls(__name__)
def test_curator_chooses_and_orders_the_columns(curator_client, school, curator, mentor):
    page_url = reverse("reports:columns", kwargs=KW)
    page = curator_client.get(page_url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "База наставляемых" in html and "База наставников" in html and "ФИО наставляемого" in html

    data = {"kind": "mentees"}
    for index, column in enumerate(MENTEE_COLUMNS, start=1):
        data[f"mentees-position_{column.key}"] = str(index)
    data.update({"mentees-use_full_name": "on", "mentees-use_group": "on", "mentees-position_group": "1"})
    data["mentees-position_full_name"] = "2"
    response = curator_client.post(page_url, data)
    assert response.status_code == 302
    saved = BaseColumnSet.objects.get(organization=school, kind="mentees")
    assert saved.columns == ["group", "full_name"] and saved.updated_by == curator
    assert AuditEvent.objects.filter(actor=curator, target_type="reports.BaseColumnSet").exists()

    assert curator_client.post(page_url, {"kind": "mentees"}).status_code == 400  # nothing chosen
    assert curator_client.post(page_url, {"kind": "nonsense"}).status_code == 400

    response = curator_client.post(page_url, {"kind": "mentees", "reset": "1"})
    assert response.status_code == 302
    assert not BaseColumnSet.objects.exists()

    assert client_for(mentor).get(page_url).status_code == 403
    assert client_for(mentor).post(page_url, data).status_code == 403
    assert not BaseColumnSet.objects.exists()


@pytest.mark.django_db
@pytest.mark.urls(__name__)
def test_stranger_cannot_open_or_change_the_columns(stranger, school):
    page_url = reverse("reports:columns", kwargs=KW)
    client = client_for(stranger)
    assert client.get(page_url).status_code == 404
    assert client.post(page_url, {"kind": "mentees", "mentees-use_group": "on"}).status_code == 404
    assert not BaseColumnSet.objects.exists()


# --- The pairing columns ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_bases_name_the_pair_form_dates_and_case(
    curator_client, programme, pair, mentee, mentor_person, django_capture_on_commit_callbacks
):
    from monitoring.models import Case

    pair.start_date = date(YEAR, 10, 1)
    pair.planned_end_date = date(YEAR + 1, 5, 25)
    pair.save()
    case = Case.objects.create(programme=programme, group=pair, title="Путь к олимпиаде", story="…")
    mentees_job = run_report(curator_client, django_capture_on_commit_callbacks, "mentee_base", "xlsx")
    header, body, _summary = table_part(sheet_rows(download(curator_client, mentees_job)))
    row = dict(zip(header, body[0], strict=False))
    assert row["ФИО наставника"] == "Кузнецова Ольга Петровна"
    assert row["Форма наставничества"] == "учитель – ученик"
    assert row["Дата начала программы"] == datetime(YEAR, 10, 1)
    assert row["Дата окончания программы"] == datetime(YEAR + 1, 5, 25)
    assert row["Ссылка на кейс/отзыв"].endswith(f"/monitoring/cases/{case.pk}/")
    mentors_job = run_report(curator_client, django_capture_on_commit_callbacks, "mentor_base", "xlsx")
    header, body, _summary = table_part(sheet_rows(download(curator_client, mentors_job)))
    row = dict(zip(header, body[0], strict=False))
    assert row["ФИО наставляемых"] == "Иванова Мария Сергеевна"
