"""One rule for the targets a figure is measured against (``monitoring.kpis.targets``): an organisation's
own, else inherited from the authority or region above it, else the federal aim for the coverage of
pupils — the same on the console, the KPI dashboard, the window snapshots and their consolidated form."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from mentoring.models import Programme, Role
from monitoring.kpis import targets
from monitoring.kpis.console import console_for
from monitoring.kpis.selectors import indicators_for_organizations, kpi_values
from monitoring.kpis.targets import FEDERAL, targets_for_organizations
from monitoring.models import Indicator, IndicatorTarget

from ..conftest import client_for
from .test_region_windows import _member, _pairs, region_tree  # noqa: F401  (the fixture)


def _indicator(key: str) -> Indicator:
    return Indicator.objects.get(organization=None, key=key)


def _target(programme: Programme, key: str, value: float) -> None:
    IndicatorTarget.objects.create(indicator=_indicator(key), programme=programme, value=value)


def _programme(organization, year: int) -> Programme:
    return Programme.objects.select_related("organization", "academic_year").get(
        organization=organization, academic_year__start_year=year
    )


@pytest.mark.django_db
def test_own_else_the_nearest_above_else_the_federal_aim_for_the_coverage(region_tree, settings):  # noqa: F811 - the fixture
    year, region, (north, south), schools, _curators, _methodist = region_tree
    _target(_programme(region, year), "ovz_coverage", 60)
    _target(_programme(region, year), "teacher_mentors", 25)
    _target(_programme(north, year), "teacher_mentors", 30)
    _target(_programme(schools["north-1"], year), "teacher_mentors", 40)
    shared = [i for i in indicators_for_organizations([]) if i.organization_id is None]
    academic_year = _programme(region, year).academic_year_id
    pairs = [(o.pk, academic_year) for o in (region, north, south, schools["north-1"], schools["north-2"])]
    with CaptureQueriesContext(connection) as queries:
        found = targets_for_organizations(pairs, shared)
    assert len(queries) == 2  # the organisations with those above, the targets

    def of(organization, key):
        target = found[(organization.pk, academic_year)].get(_indicator(key).pk)
        return None if target is None else (target.value, target.holder, target.source == FEDERAL)

    assert of(schools["north-1"], "teacher_mentors") == (40, None, False)  # its own
    assert of(schools["north-2"], "teacher_mentors") == (30, north, False)  # the municipality's
    assert of(south, "teacher_mentors") == (25, region, False)  # the region's
    assert of(schools["north-2"], "ovz_coverage") == (60, region, False)  # two levels up
    assert of(schools["north-2"], "pupils_in_mentoring") == (70, None, True)  # nobody set one: federal
    assert of(region, "publications") is None  # no federal aim for anything else
    settings.FEDERAL_COVERAGE_AIM = 65
    again = targets_for_organizations(pairs, shared)
    assert again[(region.pk, academic_year)][_indicator("pupils_in_mentoring").pk].value == 65


@pytest.mark.django_db
def test_a_programme_read_with_the_levels_above_needs_no_query_for_them(region_tree):  # noqa: F811 - the fixture
    """A page's scope reads its programme with the organisation and the levels above: the targets use that
    chain (one query, the targets) and find what the two queries find."""
    year, region, (north, _south), schools, _curators, _methodist = region_tree
    _target(_programme(region, year), "ovz_coverage", 60)
    _target(_programme(north, year), "teacher_mentors", 30)
    shared = [i for i in indicators_for_organizations([]) if i.organization_id is None]
    plain = _programme(schools["north-2"], year)  # the organisation without the levels above
    loaded = Programme.objects.select_related("academic_year", "organization__parent__parent").get(
        pk=plain.pk
    )
    assert targets.loaded_chain(plain.organization) is None
    assert [o.pk for o in targets.loaded_chain(loaded.organization)] == [
        schools["north-2"].pk,
        north.pk,
        region.pk,
    ]
    with CaptureQueriesContext(connection) as asked:
        expected = targets.targets_for_programmes([plain], shared)
    with CaptureQueriesContext(connection) as read:
        found = targets.targets_for_programmes([loaded], shared)
    assert (len(asked), len(read)) == (2, 1)
    assert found == expected
    assert found[plain.pk][_indicator("ovz_coverage").pk].holder == region


@pytest.mark.django_db
def test_the_municipal_console_and_the_schools_inherit_the_regions_targets(region_tree):  # noqa: F811 - the fixture
    """As a region or coordinator the municipality's console showed 15 of 16 indicators without a
    target, and each school «Отстают 1», while the region's console showed the same municipality behind
    on 6: a municipality (and a school) without targets of its own uses the region's."""
    year, region, (north, _south), schools, curators, methodist = region_tree
    _pairs(_programme(schools["north-1"], year), 2, "n")
    region_programme = _programme(region, year)
    for key, value in {"ovz_coverage": 60, "teacher_mentors": 25, "mentees_in_pairs": 80}.items():
        _target(region_programme, key, value)
    own = _programme(schools["north-2"], year)
    _target(own, "teacher_mentors", 1)
    region_view = console_for(region, region_programme)
    north_row = next(row for row in region_view.rows if row.organization == north)
    municipal = console_for(north, _programme(north, year))
    # the municipality's total against the region's targets: the same as its row in the region's console
    assert [v.target for v in municipal.totals] == [v.target for v in north_row.values]
    assert [v.light for v in municipal.totals] == [v.light for v in north_row.values]
    with_target = [v for v in municipal.totals if v.target is not None]
    assert {v.indicator.key for v in with_target} == {
        "pupils_in_mentoring",
        "ovz_coverage",
        "teacher_mentors",
        "mentees_in_pairs",
    }
    assert municipal.coverage.target == 70 and municipal.coverage_target_is_federal
    assert next(v for v in municipal.totals if v.indicator.key == "ovz_coverage").target_from == region
    # each school: the region's targets unless it set its own — as its KPI dashboard shows them
    for row in municipal.rows:
        programme = _programme(row.organization, year)
        dashboard = {v.indicator.pk: v for v in kpi_values([programme])[programme.pk]}
        assert [(v.target, v.light) for v in row.values] == [
            (dashboard[v.indicator.pk].target, dashboard[v.indicator.pk].light) for v in row.values
        ]
    second = next(row for row in municipal.rows if row.organization == schools["north-2"])
    assert next(v for v in second.values if v.indicator.key == "teacher_mentors").target == 1
    assert next(v for v in second.values if v.indicator.key == "ovz_coverage").target == 60
    # the page says whose target it is
    page = client_for(methodist).get(reverse("reports:console", kwargs={"org": north.slug, "year": year}))
    assert page.status_code == 200
    assert "задано: РНЦ" in page.content.decode()
    # the school's dashboard too
    dashboard_page = client_for(curators["north-1"]).get(
        reverse("monitoring:dashboard", kwargs={"org": schools["north-1"].slug, "year": year})
    )
    assert "задано: РНЦ" in dashboard_page.content.decode()


@pytest.mark.django_db
def test_the_window_kpi_sheet_has_the_same_targets_as_the_console(region_tree):  # noqa: F811 - the fixture
    """The consolidated form of a window showed the coverage without a target (the region set none)
    while the console used the federal aim; the schools' frozen sheets had no region targets at all."""
    from openpyxl import load_workbook

    from mentoring.access import Scope, access_for
    from reports.models import WindowSubmission
    from reports.registry import XLSX, ReportContext, registry
    from reports.windows.services import window_open, window_submit

    year, region, _municipalities, schools, curators, methodist = region_tree
    today = timezone.localdate()
    region_programme = _programme(region, year)
    _target(region_programme, "ovz_coverage", 60)
    _pairs(_programme(schools["south-1"], year), 3, "s")
    window = window_open(
        actor=methodist,
        opener=region,
        academic_year=region_programme.academic_year,
        title="Мониторинг",
        opens_on=today - timedelta(days=1),
        deadline=today + timedelta(days=5),
        as_of=today,
    )
    window_submit(actor=curators["south-1"], window=window, programme=_programme(schools["south-1"], year))
    frozen = {item["key"]: item for item in WindowSubmission.objects.get().data["kpis"]}
    assert frozen["pupils_in_mentoring"]["target"] == 70  # the federal aim, as on the console
    assert frozen["ovz_coverage"]["target"] == 60  # the region's, inherited
    scope = Scope(organization=region, programme=region_programme, access=access_for(methodist, region))
    content = (
        registry.get("monitoring_window")
        .generate(ReportContext(scope=scope, user=methodist, options={"window": window.pk}), XLSX)
        .content
    )
    rows = list(load_workbook(io.BytesIO(content))["Показатели эффективности"].iter_rows(values_only=True))
    total = rows.index(next(row for row in rows if row[0] == "Итого"))
    by_name = {row[0]: row for row in rows[total + 1 :] if row[0]}
    console = {v.indicator.name: v for v in console_for(region, region_programme).totals}
    coverage = by_name[_indicator("pupils_in_mentoring").name]
    assert coverage[5] == 0.7 and console[_indicator("pupils_in_mentoring").name].target == 70
    assert by_name[_indicator("ovz_coverage").name][5] == 0.6


@pytest.mark.django_db
def test_the_targets_page_shows_an_inherited_target_and_does_not_copy_it(region_tree):  # noqa: F811 - the fixture
    year, region, _municipalities, schools, curators, _methodist = region_tree
    _target(_programme(region, year), "ovz_coverage", 60)
    school = schools["north-1"]
    _member(school, Role.ADMINISTRATOR, "director-north-1")
    url = reverse("monitoring:targets", kwargs={"org": school.slug, "year": year})
    client = client_for(curators["north-1"])
    page = client.get(url)
    html = page.content.decode()
    field = f'name="target_{_indicator("ovz_coverage").pk}"'
    tag = html[html.index(field) - 200 : html.index(field) + 200]
    assert 'placeholder="60"' in tag and "value=" not in tag.split(field)[1].split(">")[0]
    assert "задано: РНЦ" in html and "федеральный ориентир" in html
    # saving the page as it is keeps the school on the inherited targets
    data = dict.fromkeys(page.context["form"].fields, "")
    assert client.post(url, data).status_code == 302
    assert not IndicatorTarget.objects.filter(programme__organization=school).exists()


@pytest.mark.django_db
def test_one_organisation_s_targets_are_those_read_with_others(region_tree):  # noqa: F811 - the fixture
    """One organisation's targets come through a query compiled once (its chain padded): the same as read
    with other organisations by the ORM's query, at every level, for this year and not another's."""
    year, region, (north, south), schools, _curators, _methodist = region_tree
    _target(_programme(region, year), "ovz_coverage", 60)
    _target(_programme(region, year), "teacher_mentors", 25)
    _target(_programme(north, year), "teacher_mentors", 30)
    _target(_programme(schools["north-1"], year), "teacher_mentors", 40)
    _target(_programme(schools["north-1"], year), "publications", 12)
    shared = [i for i in indicators_for_organizations([]) if i.organization_id is None]
    academic_year = _programme(region, year).academic_year_id
    organizations = (region, north, south, schools["north-1"], schools["north-2"])
    together = targets_for_organizations([(o.pk, academic_year) for o in organizations], shared)
    for organization in organizations:
        alone = targets_for_organizations([(organization.pk, academic_year)], shared)
        assert alone == {(organization.pk, academic_year): together[(organization.pk, academic_year)]}
    alone = targets_for_organizations([(schools["north-1"].pk, academic_year)], shared)
    assert alone[(schools["north-1"].pk, academic_year)][_indicator("publications").pk].value == 12
