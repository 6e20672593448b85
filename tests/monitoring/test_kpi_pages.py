"""Pages of the KPI theme: dashboards (with fixed query counts), snapshots, targets, settings,
the information campaign log, SWOT, indicators, the XLSX export; who may read and who may write."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from mentoring.models import AuditEvent, Job, Membership, Role
from monitoring import models as m
from participants.services import mentee_profile_save, person_create
from tests.conftest import YEAR, client_for
from tests.factories import OrganizationFactory, ProgrammeFactory, UserFactory

pytestmark = pytest.mark.django_db
KW = {"org": "school-a", "year": YEAR}


def url(name: str, **kwargs) -> str:
    return reverse(f"monitoring:{name}", kwargs={**KW, **kwargs})


def _add_mentees(programme, count: int) -> None:
    for index in range(count):
        person = person_create(
            actor=None,
            organization=programme.organization,
            last_name=f"Ученик{index}",
            first_name="Иван",
            birth_date=date(2012, 1, 1),
            kind="pupil",
        )
        mentee_profile_save(actor=None, person=person, programme=programme)


# --- Programme dashboard ----------------------------------------------------------------------------


def test_dashboard_shows_values_lights_and_a_table_under_every_chart(curator, programme, mentee):
    indicator = m.Indicator.objects.get(key="pupils_in_mentoring")
    m.IndicatorTarget.objects.create(indicator=indicator, programme=programme, value=Decimal("40"))
    m.KpiSnapshot.objects.create(
        programme=programme,
        indicator=indicator,
        taken_on=date(2025, 10, 1),
        numerator=1,
        denominator=500,
        value=0.2,
        target=Decimal("40"),
    )
    response = client_for(curator).get(url("dashboard"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Доля обучающихся целевого возраста, вовлечённых в программу наставничества" in html
    assert "chart.umd.min.js" in html and 'data-kpi-chart="kpi-chart-' in html
    assert "01.10.2025" in html  # the snapshot's row in the table under the chart
    assert response.context["cards"][0]["kpi"].light == "red"  # 1 of 500 against 40 %
    assert "bi-x-circle" in html  # the light has an icon and a text label, not only a colour
    assert "snapshot" in html  # the curator's button


def test_dashboard_queries_do_not_grow(curator, programme, django_assert_num_queries):
    client = client_for(curator)
    client.get(url("dashboard"))
    counts = []
    for extra in (1, 25):
        _add_mentees(programme, extra)
        for indicator in m.Indicator.objects.all()[:3]:
            m.KpiSnapshot.objects.get_or_create(
                programme=programme,
                indicator=indicator,
                taken_on=date(2025, 9, extra),
                defaults={"numerator": extra, "denominator": 500, "value": extra / 5},
            )
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            assert client.get(url("dashboard")).status_code == 200
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1]
    with django_assert_num_queries(counts[0]):
        client.get(url("dashboard"))


def test_mentor_reads_the_dashboard_without_write_buttons(mentor, programme):
    html = client_for(mentor).get(url("dashboard")).content.decode()
    assert reverse("monitoring:snapshot_take", kwargs=KW) not in html


# --- Municipal dashboard ----------------------------------------------------------------------------


def test_municipal_dashboard_rows_totals_and_fixed_queries(authority, coordinator):
    ProgrammeFactory(
        organization=authority,
        academic_year__start_year=YEAR,
        pupils_total=0,
        pupils_with_disabilities=0,
        teachers_total=0,
        young_teachers_total=0,
    )
    client = client_for(coordinator)
    path = reverse("monitoring:dashboard", kwargs={"org": authority.slug, "year": YEAR})
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path)  # the first page of a session also stores the scope in it
    counts = []
    existing = 0
    for schools in (2, 6):
        _municipality_from(authority, existing, schools)
        existing = schools
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        assert response.status_code == 200
        counts.append(len(captured.captured_queries))
    table = response.context["table"]
    assert len(table.rows) == 7  # the six new schools and the fixture's school-a (500 pupils, no mentees)
    column = [i.key for i in table.indicators].index("pupils_in_mentoring")
    total = table.totals[column]
    assert total.numerator == sum(2 + n for n in range(6)) and total.denominator == 1100
    assert "Total" in response.content.decode() or "Итого" in response.content.decode()
    assert counts[0] == counts[1], counts
    assert reverse("monitoring:snapshot_take", kwargs={"org": authority.slug, "year": YEAR}) not in (
        response.content.decode()
    )


def test_municipal_dashboard_reads_fresh_stored_metrics_and_counts_the_rest_live(authority, coordinator):
    """The page adds up what the periodic job stored (fresh ones only) and counts live only the schools
    without fresh figures: a stored figure shows even after the base changed, a stale one does not."""
    from datetime import timedelta

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from mentoring.models import Programme
    from monitoring.kpis.summaries import summaries_refresh

    ProgrammeFactory(organization=authority, academic_year__start_year=YEAR)
    client = client_for(coordinator)
    path = reverse("monitoring:dashboard", kwargs={"org": authority.slug, "year": YEAR})
    client.get(path)
    counts = []
    for schools in (2, 5):
        _municipality_from(authority, 0 if schools == 2 else 2, schools)
        programmes = Programme.objects.filter(organization__parent=authority).select_related("academic_year")
        summaries_refresh(programmes=programmes)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1], counts  # everything stored: the same queries for 2 and 5 schools
    table = response.context["table"]
    assert table.counted_live == 0 and table.counted_at is not None
    assert "Посчитано" in response.content.decode() or "Counted at" in response.content.decode()
    column = [i.key for i in table.indicators].index("pupils_in_mentoring")

    def pupils(school: str) -> float:
        row = next(r for r in response.context["table"].rows if r.programme.organization.slug == school)
        return row.values[column].numerator

    first = Programme.objects.get(organization__slug="mun-0", academic_year__start_year=YEAR)
    second = Programme.objects.get(organization__slug="mun-1", academic_year__start_year=YEAR)
    _add_mentees(first, 4)  # not stored yet: the page shows the stored figure
    _add_mentees(second, 4)
    m.MetricSummary.objects.filter(programme=second).update(
        refreshed_at=timezone.now() - timedelta(minutes=61)  # older than REGION_FIGURES_MAX_AGE_MINUTES
    )
    response = client.get(path)
    assert pupils("mun-0") == 2  # stored
    assert pupils("mun-1") == 3 + 4  # stale: counted live
    assert response.context["table"].counted_live == 1


def _municipality_from(authority, start: int, end: int) -> None:
    for number in range(start, end):
        organization = OrganizationFactory(parent=authority, slug=f"mun-{number}")
        programme = ProgrammeFactory(
            organization=organization, academic_year__start_year=YEAR, pupils_total=100
        )
        _add_mentees(programme, 2 + number)


# --- Snapshots --------------------------------------------------------------------------------------


def test_snapshot_now_upserts_per_day_and_is_for_managers(curator, coordinator, programme, mentee):
    client = client_for(curator)
    assert client.post(url("snapshot_take")).status_code == 302
    active = m.Indicator.objects.filter(is_active=True, organization__isnull=True).count()
    assert m.KpiSnapshot.objects.filter(programme=programme).count() == active
    assert client.post(url("snapshot_take")).status_code == 302
    assert m.KpiSnapshot.objects.filter(programme=programme).count() == active  # same day: replaced
    snapshot = m.KpiSnapshot.objects.get(programme=programme, indicator__key="pupils_in_mentoring")
    assert (
        snapshot.taken_on == timezone.localdate() and snapshot.numerator == 1 and snapshot.denominator == 500
    )
    assert client_for(coordinator).post(url("snapshot_take")).status_code == 403
    assert client.get(url("snapshot_take")).status_code == 405


def test_monthly_task_snapshots_every_programme_of_the_current_year(school, other_school, mentee):
    from mentoring.academic_years import academic_year_start_for
    from monitoring.kpis.tasks import take_monthly_snapshots

    current = academic_year_start_for(timezone.localdate())
    for organization in (school, other_school):
        if not organization.programmes.filter(academic_year__start_year=current).exists():
            ProgrammeFactory(organization=organization, academic_year__start_year=current)
    written = take_monthly_snapshots.delay().get()
    programmes = m.KpiSnapshot.objects.values("programme").distinct().count()
    assert written > 0 and programmes >= 2
    assert not m.KpiSnapshot.objects.exclude(programme__academic_year__start_year=current).exists()


# --- Targets ----------------------------------------------------------------------------------------


def test_targets_saved_by_hand_and_bad_input_changes_nothing(curator, coordinator, programme):
    client = client_for(curator)
    indicator = m.Indicator.objects.get(key="pupils_in_mentoring")
    publications = m.Indicator.objects.get(key="publications")
    field = f"target_{indicator.pk}"
    assert client.get(url("targets")).status_code == 200
    response = client.post(url("targets"), {field: "150", f"target_{publications.pk}": "5"})
    assert response.status_code == 400 and not m.IndicatorTarget.objects.exists()
    response = client.post(url("targets"), {field: "45.5", f"target_{publications.pk}": "5"})
    assert response.status_code == 302
    target = m.IndicatorTarget.objects.get(indicator=indicator, programme=programme)
    assert target.value == Decimal("45.50") and target.source == "manual"
    assert AuditEvent.objects.filter(target_type="monitoring.IndicatorTarget").exists()
    client.post(url("targets"), {field: "", f"target_{publications.pk}": "5"})
    assert not m.IndicatorTarget.objects.filter(indicator=indicator).exists()
    assert client_for(coordinator).post(url("targets"), {field: "10"}).status_code == 403
    html = client_for(coordinator).get(url("targets")).content.decode()
    assert 'name="' + field not in html


def _import_college(programme):
    from roadmap.services import roadmap_import
    from roadmap.table_reading import read_roadmap
    from tests.roadmap.test_table_reading import FIXTURES

    path = FIXTURES / "college_2020.docx"
    if not path.exists():
        pytest.skip("the shared roadmap fixtures are not beside this checkout")
    parsed = read_roadmap(path.read_bytes(), path.name, programme.academic_year.start_year)
    roadmap_import(actor=None, programme=programme, parsed=parsed)


def test_targets_from_the_college_roadmap(school, curator):
    first = ProgrammeFactory(organization=school, academic_year__start_year=2020)
    later = ProgrammeFactory(organization=school, academic_year__start_year=2023)
    _import_college(first)
    client = client_for(curator)
    response = client.post(reverse("monitoring:targets_roadmap", kwargs={"org": "school-a", "year": 2020}))
    assert response.status_code == 302

    def targets(programme):
        return {
            t.indicator.key: t.value
            for t in m.IndicatorTarget.objects.filter(programme=programme).select_related("indicator")
        }

    # 2020/2021 ends in 2021: the 2021 column
    assert targets(first) == {
        "pupils_in_mentoring": Decimal("40.00"),
        "ovz_coverage": Decimal("100.00"),
        "teacher_mentors": Decimal("40.00"),
        "mentee_satisfaction": Decimal("60.00"),
        "mentor_satisfaction": Decimal("60.00"),
    }
    assert set(m.IndicatorTarget.objects.values_list("source", flat=True)) == {"roadmap"}
    messages = [str(message) for message in response.wsgi_request._messages]
    assert any("Доля педагогов-наставников" in message for message in messages)
    assert any("Публикации" in message for message in messages)  # an indicator without a row is named
    # 2023/2024 has no roadmap of its own: the 2020 roadmap's table, the 2024 column
    client.post(reverse("monitoring:targets_roadmap", kwargs={"org": "school-a", "year": 2023}))
    assert targets(later)["pupils_in_mentoring"] == Decimal("70.00")
    assert targets(later)["mentor_satisfaction"] == Decimal("85.00")


def test_targets_from_a_roadmap_without_kpi_table(curator, programme):
    response = client_for(curator).post(url("targets_roadmap"))
    assert response.status_code == 302 and not m.IndicatorTarget.objects.exists()


# --- Settings ---------------------------------------------------------------------------------------


def test_settings_saved_with_get_or_create(curator, coordinator, school):
    client = client_for(curator)
    assert client.get(url("settings")).status_code == 200
    data = {
        "kpi_age_min": 12,
        "kpi_age_max": 10,
        "satisfied_from": 7,
        "stale_pair_days": 14,
        "invitation_days": 30,
    }
    assert client.post(url("settings"), data).status_code == 400
    assert not m.MonitoringSettings.objects.exists()
    assert client.post(url("settings"), {**data, "kpi_age_max": 17}).status_code == 302
    assert client.post(url("settings"), {**data, "kpi_age_max": 18}).status_code == 302
    saved = m.MonitoringSettings.objects.get(organization=school)
    assert (saved.kpi_age_min, saved.kpi_age_max) == (12, 18)
    assert client_for(coordinator).get(url("settings")).status_code == 403


# --- Information campaign ---------------------------------------------------------------------------


def test_information_log(curator, coordinator, programme, django_assert_max_num_queries):
    client = client_for(curator)
    data = {"kind": "publication", "date": "2025-10-01", "title": "Статья о наставниках", "link": ""}
    response = client.post(url("activity_new"), data)
    assert response.status_code == 400 and not m.InformationActivity.objects.exists()
    response = client.post(url("activity_new"), {**data, "date": "2024-10-01", "link": "https://s.example/1"})
    assert response.status_code == 400  # outside the academic year
    assert client.post(url("activity_new"), {**data, "link": "https://s.example/1"}).status_code == 302
    meeting = {
        "kind": "parent_meeting",
        "date": "2025-11-01",
        "title": "Собрание 7-х классов",
        "attendance": 45,
    }
    assert client.post(url("activity_new"), meeting).status_code == 302
    page = client.get(url("activities"))
    assert page.context["totals"]["publications"] == 1 and page.context["totals"]["parent_attendance"] == 45
    filtered = client.get(url("activities"), {"kind": "parent_meeting"})
    assert [a.title for a in filtered.context["activities"]] == ["Собрание 7-х классов"]
    activity = m.InformationActivity.objects.get(kind="parent_meeting")
    assert (
        client.post(url("activity_edit", activity=activity.pk), {**meeting, "attendance": 50}).status_code
        == 302
    )
    activity.refresh_from_db()
    assert activity.attendance == 50
    assert client_for(coordinator).post(url("activity_delete", activity=activity.pk)).status_code == 403
    assert client.post(url("activity_delete", activity=activity.pk)).status_code == 302
    assert not m.InformationActivity.objects.filter(pk=activity.pk).exists()
    assert AuditEvent.objects.filter(target_type="monitoring.InformationActivity").count() == 4
    for _ in range(20):
        m.InformationActivity.objects.create(
            programme=programme, kind="class_hour", date=date(2025, 12, 1), title="Кл. час"
        )
    with django_assert_max_num_queries(16):
        assert client.get(url("activities")).status_code == 200


def test_information_log_queries_do_not_grow(curator, programme):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(curator)
    client.get(url("activities"))  # the first page of a session also stores the scope in it
    counts = []
    for extra in (1, 30):
        for _ in range(extra):
            m.InformationActivity.objects.create(
                programme=programme, kind="class_hour", date=date(2025, 12, 1), title="Кл. час"
            )
        with CaptureQueriesContext(connection) as captured:
            client.get(url("activities"))
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1]


# --- SWOT -------------------------------------------------------------------------------------------


def test_swot_board(curator, mentor, coordinator, programme):
    client = client_for(curator)
    assert client.post(url("swot_add"), {"quadrant": "strength", "text": "  "}).status_code == 400
    assert (
        client.post(url("swot_add"), {"quadrant": "strength", "text": "Опытные наставники"}).status_code
        == 302
    )
    response = client.post(
        url("swot_add"), {"quadrant": "strength", "text": "Поддержка родителей"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200 and "Поддержка родителей" in response.content.decode()
    assert "<html" not in response.content.decode()  # htmx gets the board alone
    client.post(url("swot_add"), {"quadrant": "threat", "text": "Нагрузка педагогов"})
    second = m.SwotItem.objects.get(text="Поддержка родителей")
    client.post(url("swot_move", swot_item=second.pk), {"direction": "up"})
    order = list(
        m.SwotItem.objects.filter(quadrant="strength").order_by("position").values_list("text", flat=True)
    )
    assert order == ["Поддержка родителей", "Опытные наставники"]
    assert client.get(url("swot_edit", swot_item=second.pk)).status_code == 200
    client.post(
        url("swot_edit", swot_item=second.pk), {"quadrant": "opportunity", "text": "Родители помогают"}
    )
    second.refresh_from_db()
    assert (second.quadrant, second.text) == ("opportunity", "Родители помогают")
    client.post(url("swot_delete", swot_item=second.pk))
    assert not m.SwotItem.objects.filter(pk=second.pk).exists()
    html = client_for(mentor).get(url("swot")).content.decode()
    assert "Опытные наставники" in html and reverse("monitoring:swot_add", kwargs=KW) not in html
    item = m.SwotItem.objects.first()
    for user in (mentor, coordinator):
        assert client_for(user).post(url("swot_delete", swot_item=item.pk)).status_code == 403
    assert m.SwotItem.objects.filter(pk=item.pk).exists()


# --- Indicators -------------------------------------------------------------------------------------


def test_own_indicators(curator, school, programme):
    client = client_for(curator)
    data = {
        "name": "Встречи с работодателями",
        "numerator": "common_events",
        "denominator": "pupils",
        "unit": "count",
        "direction": "higher",
        "position": 5,
        "is_active": "on",
    }
    assert client.post(url("indicator_new"), data).status_code == 400  # a count with a denominator
    assert (
        client.post(url("indicator_new"), {**data, "unit": "percent", "denominator": ""}).status_code == 400
    )
    assert (
        client.post(url("indicator_new"), {**data, "denominator": "", "use_age_band": "on"}).status_code
        == 400
    )
    assert client.post(url("indicator_new"), {**data, "denominator": ""}).status_code == 302
    own = m.Indicator.objects.get(organization=school, name="Встречи с работодателями")
    shared = m.Indicator.objects.get(key="publications")
    assert client.get(url("indicator_edit", indicator=shared.pk)).status_code == 404
    assert (
        client.post(url("indicator_edit", indicator=own.pk), {**data, "denominator": ""}).status_code == 302
    )
    response = client.post(
        url("indicator_edit", indicator=own.pk), {**data, "denominator": "", "is_active": ""}
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert not own.is_active
    page = client.get(url("indicators"))
    assert "Встречи с работодателями" in page.content.decode()
    dashboard = client.get(url("dashboard"))
    assert own.pk not in [card["kpi"].indicator.pk for card in dashboard.context["cards"]]


# --- Export -----------------------------------------------------------------------------------------


def test_kpi_export_xlsx(curator, programme, mentee, django_capture_on_commit_callbacks):
    indicator = m.Indicator.objects.get(key="pupils_in_mentoring")
    m.IndicatorTarget.objects.create(indicator=indicator, programme=programme, value=Decimal("40"))
    client = client_for(curator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("reports:run", kwargs={**KW, "report": "kpis"}), {"kpis-format": "xlsx"}
        )
    assert response.status_code == 302
    job = Job.objects.get()
    assert job.status == Job.Status.DONE, job.error
    content = b"".join(client.get(reverse("job_download", kwargs={**KW, "job": job.pk})).streaming_content)
    rows = list(load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))
    row = next(r for r in rows if r and r[0] == indicator.name)
    assert row[1:4] == (1, 500, 0.2) and row[5] == 40


def test_every_kpi_page_opens_for_the_curator(curator, monitoring_objects):
    client = client_for(curator)
    for name, kwargs in [
        ("dashboard", {}),
        ("indicators", {}),
        ("indicator_new", {}),
        ("indicator_edit", {"indicator": monitoring_objects["indicator"].pk}),
        ("targets", {}),
        ("settings", {}),
        ("activities", {}),
        ("activity_new", {}),
        ("activity_edit", {"activity": monitoring_objects["activity"].pk}),
        ("swot", {}),
        ("swot_edit", {"swot_item": monitoring_objects["swot_item"].pk}),
    ]:
        assert client.get(url(name, **kwargs)).status_code == 200, name


def test_coordinator_of_another_municipality_sees_nothing(programme):
    other = OrganizationFactory(kind="municipal_authority", slug="uo-other")
    user = UserFactory(username="other-coordinator")
    Membership.objects.create(user=user, organization=other, role=Role.MUNICIPAL_COORDINATOR)
    assert client_for(user).get(url("dashboard")).status_code == 404
