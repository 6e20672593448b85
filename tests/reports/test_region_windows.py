"""The region opens a collection period two levels above the schools, through the pages a methodist of a
regional centre uses: the schools of both municipalities see it on their start page and hand in, the
region sees who is late and downloads the consolidated form (per municipality and per school)."""

from __future__ import annotations

import io
import re
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from mentoring.academic_years import academic_year_start_for
from mentoring.models import Organization, Programme, Role
from pairing.models import GroupMember, MentoringForm, MentoringGroup
from participants.models import MenteeProfile, MentorProfile, Person
from reports.models import MonitoringWindow, WindowSubmission
from reports.windows.selectors import Status, window_overview

from ..conftest import client_for
from ..factories import MembershipFactory, OrganizationFactory, ProgrammeFactory, UserFactory


def _member(organization: Organization, role: str, username: str):
    user = UserFactory(username=username)
    MembershipFactory(user=user, organization=organization, role=role)
    return user


def _pairs(programme: Programme, count: int, tag: str) -> None:
    """``count`` pupils in pairs «учитель – ученик» with as many teachers."""
    form = MentoringForm.objects.get(key="teacher_pupil", organization=None)
    for index in range(count):
        pupil = Person.objects.create(
            organization=programme.organization,
            last_name=f"Ученикова{tag}{index}",
            first_name="Мария",
            kind=Person.Kind.PUPIL,
            birth_date=date(programme.academic_year.start_year - 12, 3, 1),
        )
        teacher = Person.objects.create(
            organization=programme.organization,
            last_name=f"Учителева{tag}{index}",
            first_name="Анна",
            kind=Person.Kind.TEACHER,
            birth_date=date(1980, 3, 1),
        )
        MenteeProfile.objects.create(person=pupil, programme=programme)
        MentorProfile.objects.create(person=teacher, programme=programme)
        group = MentoringGroup.objects.create(programme=programme, form=form, status="active")
        GroupMember.objects.create(group=group, person=teacher, role=GroupMember.Role.MENTOR)
        GroupMember.objects.create(group=group, person=pupil, role=GroupMember.Role.MENTEE)


@pytest.fixture
def region_tree(db):
    """A region above two municipalities: two schools in the first, one in the second."""
    year = academic_year_start_for(timezone.localdate())
    region = OrganizationFactory(kind=Organization.Kind.REGION, slug="rnc-test", short_name="РНЦ")
    north = OrganizationFactory(
        kind=Organization.Kind.MUNICIPAL_AUTHORITY, slug="uo-north", short_name="УО Северный", parent=region
    )
    south = OrganizationFactory(
        kind=Organization.Kind.MUNICIPAL_AUTHORITY, slug="uo-south", short_name="УО Южный", parent=region
    )
    schools = {
        "north-1": OrganizationFactory(slug="north-1", short_name="Северная СОШ № 1", parent=north),
        "north-2": OrganizationFactory(slug="north-2", short_name="Северная СОШ № 2", parent=north),
        "south-1": OrganizationFactory(slug="south-1", short_name="Южная СОШ № 1", parent=south),
    }
    for organization in (region, north, south, *schools.values()):
        ProgrammeFactory(organization=organization, academic_year__start_year=year, pupils_total=100)
    curators = {slug: _member(school, Role.CURATOR, f"curator-{slug}") for slug, school in schools.items()}
    methodist = _member(region, Role.REGIONAL_COORDINATOR, "methodist")
    return year, region, (north, south), schools, curators, methodist


@pytest.mark.django_db
def test_region_opens_schools_of_both_municipalities_hand_in_region_sees_late_and_downloads(
    region_tree, django_capture_on_commit_callbacks
):
    from openpyxl import load_workbook

    year, region, (north, south), schools, curators, methodist = region_tree
    for number, (slug, school) in enumerate(schools.items(), start=1):
        _pairs(Programme.objects.get(organization=school, academic_year__start_year=year), number, slug)
    today = timezone.localdate()
    region_kw = {"org": region.slug, "year": year}
    methodist_client = client_for(methodist)

    # 1. the region opens the collection period
    response = methodist_client.post(
        reverse("reports:window_open", kwargs=region_kw),
        {
            "title": "Региональный мониторинг наставничества",
            "opens_on": (today - timedelta(days=2)).isoformat(),
            "deadline": (today + timedelta(days=5)).isoformat(),
            "as_of": today.isoformat(),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    window = MonitoringWindow.objects.get()
    assert window.opener == region and window.created_by == methodist

    # 2. every school of both municipalities sees it on its start page, and hands in (not north-2)
    for slug, school in schools.items():
        kw = {"org": school.slug, "year": year}
        page = client_for(curators[slug]).get(reverse("dashboard", kwargs=kw)).content.decode()
        assert f"Сбор статистики: сдать до {window.deadline:%d.%m.%Y}" in page, slug
        if slug == "north-2":
            continue
        submit = reverse("reports:window_submit", kwargs={**kw, "window": window.pk})
        assert client_for(curators[slug]).post(submit, {"comment": f"Сдано: {slug}"}).status_code == 302
    assert set(WindowSubmission.objects.values_list("organization__slug", flat=True)) == {
        "north-1",
        "south-1",
    }
    # a municipality cannot hand in for the region, nor a school of another region
    assert client_for(_member(north, Role.MUNICIPAL_COORDINATOR, "north-coordinator")).post(
        reverse("reports:window_submit", kwargs={"org": north.slug, "year": year, "window": window.pk})
    ).status_code in (403, 404)

    # 3. the deadline passes: the region sees who has not handed in and is late
    MonitoringWindow.objects.filter(pk=window.pk).update(
        opens_on=today - timedelta(days=12), deadline=today - timedelta(days=1)
    )
    window.refresh_from_db()
    statuses = {row.organization.slug: row.status for row in window_overview(window, region).rows}
    assert statuses == {"north-1": Status.SUBMITTED, "north-2": Status.OVERDUE, "south-1": Status.SUBMITTED}
    page = methodist_client.get(
        reverse("reports:window", kwargs={**region_kw, "window": window.pk})
    ).content.decode()
    assert "Северная СОШ № 2" in page and "2 / 3" in page
    assert "Сдано: south-1" in page  # the comments reach the region
    assert "Ученикова" not in page and "Учителева" not in page  # numbers only
    console = methodist_client.get(reverse("reports:console", kwargs=region_kw)).content.decode()
    assert "Северная СОШ № 2" in console  # the console's panel names who has not handed in

    # 4. the region downloads the consolidated form: total, per municipality, per school
    from mentoring.models import Job

    with django_capture_on_commit_callbacks(execute=True):
        response = methodist_client.post(
            reverse("reports:run", kwargs={**region_kw, "report": "monitoring_window"}),
            {"monitoring_window-format": "xlsx", "monitoring_window-window": window.pk},
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    job = Job.objects.latest("created_at")
    assert job.status == Job.Status.DONE, job.error
    download = methodist_client.get(reverse("job_download", kwargs={**region_kw, "job": job.pk}))
    workbook = load_workbook(io.BytesIO(b"".join(download.streaming_content)))
    assert workbook.sheetnames[:4] == ["Итого", "По муниципалитетам", "По организациям", "Кто сдал"]

    def first_figure_after(sheet, heading: str) -> int:
        """The first row's «Всего» under a section whose title starts with ``heading``."""
        rows = list(sheet.iter_rows(values_only=True))
        at = next(i for i, row in enumerate(rows) if str(row[0] or "").startswith(heading))
        return rows[at + 1][1]

    total_rows = list(workbook["Итого"].iter_rows(values_only=True))
    header = next(i for i, row in enumerate(total_rows) if row[0] == "Показатель")
    assert (
        total_rows[header + 1][1] == 1 + 3
    )  # mentees: north-1 has 1, south-1 has 3; north-2 did not hand in
    by_municipality = workbook["По муниципалитетам"]
    assert first_figure_after(by_municipality, "УО Северный") == 1
    assert first_figure_after(by_municipality, "УО Южный") == 3
    by_school = workbook["По организациям"]
    assert first_figure_after(by_school, "Южная СОШ № 1") == 3
    handed = {row[0]: row[2] for row in workbook["Кто сдал"].iter_rows(values_only=True) if row[0]}
    assert handed["Северная СОШ № 2"] == "не сдано, срок прошёл"
    assert handed["Северная СОШ № 1"] == "сдано"
    text = " ".join(
        str(value)
        for sheet in workbook
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value
    )
    assert "Ученикова" not in text and "Учителева" not in text


@pytest.mark.django_db
def test_the_kpi_sheet_is_frozen_with_the_figures_and_consolidated(region_tree):
    from openpyxl import load_workbook

    from mentoring.access import Scope, access_for
    from monitoring.models import Indicator, IndicatorTarget
    from reports.registry import XLSX, ReportContext, registry
    from reports.windows.services import window_open, window_submit

    year, region, (north, south), schools, curators, methodist = region_tree
    today = timezone.localdate()
    programmes = {
        slug: Programme.objects.select_related("organization", "academic_year").get(
            organization=school, academic_year__start_year=year
        )
        for slug, school in schools.items()
    }
    _pairs(programmes["north-1"], 2, "n")
    _pairs(programmes["south-1"], 3, "s")
    region_programme = Programme.objects.select_related("academic_year").get(organization=region)
    coverage = Indicator.objects.get(organization=None, key="pupils_in_mentoring")
    IndicatorTarget.objects.create(indicator=coverage, programme=region_programme, value=70)
    window = window_open(
        actor=methodist,
        opener=region,
        academic_year=region_programme.academic_year,
        title="Мониторинг",
        opens_on=today - timedelta(days=1),
        deadline=today + timedelta(days=5),
        as_of=today,
    )
    for slug in ("north-1", "south-1"):
        window_submit(actor=curators[slug], window=window, programme=programmes[slug])
    frozen = WindowSubmission.objects.get(organization=schools["south-1"]).data["kpis"]
    share = next(item for item in frozen if item["key"] == "pupils_in_mentoring")
    assert (share["numerator"], share["denominator"]) == (3, 100)
    # later changes do not alter what was handed in
    _pairs(programmes["south-1"], 4, "later")
    scope = Scope(organization=region, programme=region_programme, access=access_for(methodist, region))
    content = (
        registry.get("monitoring_window")
        .generate(ReportContext(scope=scope, user=methodist, options={"window": window.pk}), XLSX)
        .content
    )
    sheet = load_workbook(io.BytesIO(content))["Показатели эффективности"]
    rows = list(sheet.iter_rows(values_only=True))
    header = next(i for i, row in enumerate(rows) if row[0] == "Показатель")
    sections = [
        i for i, row in enumerate(rows) if i > header and row[0] and all(value is None for value in row[1:])
    ]
    titles = [rows[i][0] for i in sections]
    assert titles[:3] == ["Итого", "Северная СОШ № 1", "Южная СОШ № 1"]

    def coverage_row(title):
        start = sections[titles.index(title)]
        return next(row for row in rows[start + 1 :] if row[0] == coverage.name)

    total = coverage_row("Итого")
    assert total[2:6] == (5, 200, 0.025, 0.7)  # 2 + 3 of 100 + 100, against the region's 70 %
    assert total[6] == "отставание от целевого значения"
    assert coverage_row("Южная СОШ № 1")[2:4] == (3, 100)  # as handed in, not 7
    # the school's own file has its KPI sheet too
    school_scope = Scope(
        organization=schools["south-1"],
        programme=programmes["south-1"],
        access=access_for(curators["south-1"], schools["south-1"]),
    )
    own = load_workbook(
        io.BytesIO(
            registry.get("monitoring_window")
            .generate(
                ReportContext(scope=school_scope, user=curators["south-1"], options={"window": window.pk}),
                XLSX,
            )
            .content
        )
    )
    assert own.sheetnames == ["Данные", "Версии", "Показатели эффективности"]


@pytest.mark.django_db
def test_a_comment_naming_a_pupil_is_refused_and_nothing_is_handed_in(region_tree):
    year, region, (north, south), schools, curators, methodist = region_tree
    school = schools["north-1"]
    Person.objects.create(
        organization=school, last_name="Вишневская", first_name="Алёна", kind=Person.Kind.PUPIL
    )
    Person.objects.create(organization=school, last_name="Кравец", first_name="Павел", kind=Person.Kind.PUPIL)
    today = timezone.localdate()
    from reports.windows.services import WindowError, window_open, window_submit

    window = window_open(
        actor=methodist,
        opener=region,
        academic_year=Programme.objects.get(organization=region).academic_year,
        title="Мониторинг",
        opens_on=today - timedelta(days=1),
        deadline=today + timedelta(days=5),
    )
    programme = Programme.objects.select_related("organization", "academic_year").get(
        organization=school, academic_year__start_year=year
    )
    for comment in (
        "Вишневская Алёна выбыла в октябре",
        "с Вишневской Алёной работает психолог",
        "пара Кравца Павла распалась",
        "ВИШНЕВСКОЙ А. назначен новый наставник",
        # the reviewer's wordings: a short form, a diminutive, no space
        "Кравец Пав. выбыл",
        "Вишневской Алёнке нужна помощь",
        "Кравец,Павел",
    ):
        with pytest.raises(WindowError, match="имя обучающегося|называет обучающегося|обучающ"):
            window_submit(actor=curators["north-1"], window=window, programme=programme, comment=comment)
    assert not WindowSubmission.objects.exists()
    # a surname alone, or another school's pupil, is no name of this school's child
    window_submit(
        actor=curators["north-1"], window=window, programme=programme, comment="Семья Вишневских переехала"
    )
    assert WindowSubmission.objects.count() == 1

    # through the page: the help text warns, the refusal is in Russian, nothing is handed in
    kw = {"org": school.slug, "year": year, "window": window.pk}
    client = client_for(curators["north-1"])
    page = client.get(reverse("reports:window", kwargs=kw)).content.decode()
    assert "Не указывайте в нём имена обучающихся" in page
    response = client.post(
        reverse("reports:window_submit", kwargs=kw), {"comment": "Кравец Павел на больничном"}, follow=True
    )
    html = response.content.decode()
    assert "В комментарии названо имя обучающегося" in html and "Кравец Павел" in html
    assert WindowSubmission.objects.count() == 1


def test_first_named_finds_a_surname_with_a_name_in_any_case_form():
    from mentoring.names import first_named

    people = [("Иванова", "Мария", "Сергеевна"), ("Толстой", "Павел", "")]
    assert first_named("Марии Ивановой выдан сертификат", people) == people[0]
    assert first_named("с Толстым Павлом", people) == people[1]
    assert first_named("Иванова М.С. — победитель", people) == people[0]
    assert first_named("Иванова — фамилия директора", people) is None
    assert first_named("Мария пришла", people) is None
    assert first_named("", people) is None


@pytest.mark.django_db
def test_open_page_refuses_a_deadline_in_the_past(region_tree):
    """The reviewer's case: a start and a deadline both before today are refused, nothing is opened;
    a start in the past with a deadline today is taken."""
    year, region, (north, south), schools, curators, methodist = region_tree
    today = timezone.localdate()
    url = reverse("reports:window_open", kwargs={"org": region.slug, "year": year})
    response = client_for(methodist).post(
        url,
        {
            "title": "Мониторинг",
            "opens_on": (today - timedelta(days=34)).isoformat(),
            "deadline": (today - timedelta(days=25)).isoformat(),
            "as_of": (today - timedelta(days=25)).isoformat(),
        },
    )
    assert response.status_code == 400
    assert "уже прошёл: выберите сегодняшний или более поздний день" in response.content.decode()
    assert not MonitoringWindow.objects.exists()
    response = client_for(methodist).post(
        url,
        {
            "title": "Мониторинг",
            "opens_on": (today - timedelta(days=3)).isoformat(),
            "deadline": today.isoformat(),
            "as_of": today.isoformat(),
        },
    )
    assert response.status_code == 302
    assert MonitoringWindow.objects.get().deadline == today


def _report_workbook(identifier: str, organization, user, fmt: str = "xlsx", options: dict | None = None):
    from openpyxl import load_workbook

    from mentoring.access import Scope, access_for
    from reports.registry import ReportContext, registry

    programme = Programme.objects.select_related("academic_year", "organization").get(
        organization=organization, academic_year__start_year=academic_year_start_for(timezone.localdate())
    )
    scope = Scope(organization=organization, programme=programme, access=access_for(user, organization))
    context = ReportContext(scope=scope, user=None, options=options or {})
    content = registry.get(identifier).generate(context, fmt).content
    return content if fmt == "pdf" else load_workbook(io.BytesIO(content))


@pytest.mark.django_db
def test_municipal_consolidation_run_by_the_region_has_subtotals_and_a_regional_total(region_tree):
    year, region, (north, south), schools, curators, methodist = region_tree
    Programme.objects.filter(organization=schools["north-2"], academic_year__start_year=year).update(
        pupils_total=50
    )
    workbook = _report_workbook("municipal_consolidation", region, methodist)
    for sheet in workbook.worksheets[:2]:
        labels = [row[0] for row in sheet.iter_rows(values_only=True) if row and row[0]]
        assert "Итого по муниципалитету" not in labels, sheet.title
        assert labels[-1] == "Итого по региону", sheet.title
        north_at = labels.index("УО Северный")
        south_at = labels.index("УО Южный")
        assert labels[north_at + 1 : north_at + 4] == [
            "Северная СОШ № 1",
            "Северная СОШ № 2",
            "Итого по муниципалитету: УО Северный",
        ]
        assert labels[south_at + 1 : south_at + 3] == ["Южная СОШ № 1", "Итого по муниципалитету: УО Южный"]
    values = {row[0]: row for row in workbook.worksheets[0].iter_rows(values_only=True) if row and row[0]}
    assert values["Итого по муниципалитету: УО Северный"][1] == 150
    assert values["Итого по муниципалитету: УО Южный"][1] == 100
    assert values["Итого по региону"][1] == 250
    # a municipality's own run keeps its single total
    coordinator = _member(north, Role.MUNICIPAL_COORDINATOR, "north-coordinator")
    labels = [
        row[0]
        for row in _report_workbook("municipal_consolidation", north, coordinator)
        .worksheets[0]
        .iter_rows(values_only=True)
        if row and row[0]
    ]
    assert labels[-1] == "Итого по муниципалитету" and "Итого по региону" not in labels


@pytest.mark.django_db
def test_window_form_percentages_are_shares_in_every_sheet_and_on_paper(region_tree, tmp_path):
    """Coverage rows: a fraction with a % number format in every XLSX sheet (as the KPI sheet), «… %» in the
    PDF, and the short «Итого» table on one page (no percentage rows alone on the next one)."""
    import subprocess

    from reports.windows.services import window_open, window_submit

    year, region, (north, south), schools, curators, methodist = region_tree
    for number, (slug, school) in enumerate(schools.items(), start=1):
        _pairs(Programme.objects.get(organization=school, academic_year__start_year=year), number, slug)
    today = timezone.localdate()
    window = window_open(
        actor=methodist,
        opener=region,
        academic_year=Programme.objects.get(organization=region).academic_year,
        title="Мониторинг",
        opens_on=today - timedelta(days=1),
        deadline=today + timedelta(days=5),
        as_of=today,
    )
    for slug, school in schools.items():
        programme = Programme.objects.select_related("organization", "academic_year").get(
            organization=school, academic_year__start_year=year
        )
        window_submit(actor=curators[slug], window=window, programme=programme)
    coverage = "Охват обучающихся наставничеством (наставляемые), % от численности обучающихся"
    workbook = _report_workbook("monitoring_window", region, methodist, options={"window": window.pk})
    checked = 0
    for name in ("Итого", "По муниципалитетам", "По организациям"):
        sheet = workbook[name]
        for row in sheet.iter_rows():
            if row[0].value == coverage:
                total = row[1]
                assert total.number_format.endswith("%"), (name, total.number_format)
                assert 0 <= total.value <= 1, (name, total.value)
                checked += 1
    assert checked >= 1 + 2 + 3
    first = next(r for r in workbook["Итого"].iter_rows() if r[0].value == coverage)[1].value
    assert first == pytest.approx((1 + 2 + 3) / 300, abs=0.0006)

    pdf = _report_workbook("monitoring_window", region, methodist, fmt="pdf", options={"window": window.pk})
    path = tmp_path / "window.pdf"
    path.write_bytes(pdf)
    pages = (
        subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True)
        .stdout.replace("\u00a0", " ")
        .split("\f")
    )
    (tmp_path / "window.txt").write_text("\f".join(pages))
    # the «Итого» table: its first row and its last (percentage) rows on the same page, with «%»
    page = pages[next(i for i, page in enumerate(pages) if "Наставляемые, всего" in page)]
    assert "Педагоги-наставники, % от" in page and "Охват обучающихся" in page
    assert re.search(r"\b2\s?%", page)  # 6 of 300 learners, with its «%»
    # no row of percentages alone at the top of a page: the first row under the repeated header is another
    starts = ("Наставляемые", "в том числе", "Наставники", "из них", "Пары", "Охват", "Педагоги-наставники")
    for text in pages[1:]:
        if "Единица" in text:
            continue  # a KPI sheet (its indicators may be called «Охват …» too)
        body = [line.strip() for line in text.splitlines() if line.strip()]
        first_row = next((line for line in body if line.startswith(starts)), "")
        assert not first_row.startswith(("Охват обучающихся наставничеством", "Педагоги-наставники")), text[
            :800
        ]
    # no heading left alone at the foot of a page: «Часть … таблицы» is followed by its table
    for text in pages:
        lines = [line for line in text.splitlines() if line.strip()]
        if lines and "таблицы (таблица не помещается" in lines[-2 if len(lines) > 1 else -1]:
            raise AssertionError(text[-500:])


@pytest.mark.django_db
def test_authority_start_page_card_says_late_and_missed_unambiguously(region_tree):
    """The card reads as the console does: «сдали с опозданием: N», «не сдали, срок прошёл: M»,
    never the ambiguous «опоздали»."""
    year, region, _areas, schools, curators, methodist = region_tree
    today = timezone.localdate()
    response = client_for(methodist).post(
        reverse("reports:window_open", kwargs={"org": region.slug, "year": year}),
        {
            "title": "Региональный мониторинг",
            "opens_on": (today - timedelta(days=2)).isoformat(),
            "deadline": (today + timedelta(days=5)).isoformat(),
            "as_of": today.isoformat(),
        },
    )
    assert response.status_code == 302
    window = MonitoringWindow.objects.get()
    MonitoringWindow.objects.filter(pk=window.pk).update(
        opens_on=today - timedelta(days=12), deadline=today - timedelta(days=1)
    )
    window.refresh_from_db()
    kw = {"org": "north-1", "year": year}
    submit = reverse("reports:window_submit", kwargs={**kw, "window": window.pk})
    assert client_for(curators["north-1"]).post(submit, {"comment": "поздно"}).status_code == 302
    overview = window_overview(window, region)
    assert len(overview.handed_in_late) == 1
    page = client_for(methodist).get(reverse("dashboard", kwargs={"org": region.slug, "year": year}))
    card = page.content.decode().split("window-card", 1)[1].split("</div>\n</div>", 1)[0]
    assert "сдали: 1 из" in card
    assert "сдали с опозданием: 1" in card
    assert f"не сдали, срок прошёл: {len(overview.missed)}" in card and len(overview.missed) >= 2
    assert "опоздали" not in card and "ещё не сдали" not in card
