"""The console of a region or a municipal authority: figures added up from the organisations below,
the drill-down, the weakest indicators, stored vs live figures, access and the number of queries."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from mentoring.models import AcademicYear, Organization, Programme, Role
from monitoring.kpis.console import COVERAGE_KEY, console_for
from monitoring.kpis.summaries import summaries_refresh
from monitoring.models import Indicator, IndicatorTarget, MetricSummary
from participants.models import MenteeProfile, MentorProfile, Person

from ..conftest import YEAR, client_for
from ..factories import MembershipFactory, OrganizationFactory, UserFactory

IN_BAND = date(YEAR - 12, 3, 1)  # 13 on the last day of the year 2025/26: inside 10–18
TOO_YOUNG = date(YEAR - 5, 3, 1)


def _programme(organization: Organization, pupils: int) -> Programme:
    year, _ = AcademicYear.objects.get_or_create(start_year=YEAR)
    return Programme.objects.create(
        organization=organization,
        academic_year=year,
        pupils_total=pupils,
        pupils_with_disabilities=0,
        teachers_total=10,
        young_teachers_total=0,
    )


def _people(
    programme: Programme, *, involved: int, candidates: int = 0, too_young: int = 0, mentors: int = 0
):
    """``involved`` pupils of the band taking part as mentees; candidates and pupils outside the band do
    not count for the coverage; ``mentors`` teachers taking part as mentors."""
    organization = programme.organization
    specs = (
        [(IN_BAND, "active")] * involved
        + [(IN_BAND, "candidate")] * candidates
        + [(TOO_YOUNG, "active")] * too_young
    )
    people = Person.objects.bulk_create(
        Person(
            organization=organization,
            last_name=f"Ученик{k}",
            first_name="А",
            kind=Person.Kind.PUPIL,
            birth_date=born,
        )
        for k, (born, _status) in enumerate(specs)
    )
    MenteeProfile.objects.bulk_create(
        MenteeProfile(person=person, programme=programme, status=status)
        for person, (_born, status) in zip(people, specs, strict=True)
    )
    teachers = Person.objects.bulk_create(
        Person(organization=organization, last_name=f"Учитель{k}", first_name="Б", kind=Person.Kind.TEACHER)
        for k in range(mentors)
    )
    MentorProfile.objects.bulk_create(
        MentorProfile(person=person, programme=programme) for person in teachers
    )


def _region(prefix: str = "t", schools_per_municipality: int = 1):
    """Region → УО A (schools: 100 pupils/30 involved, 200 pupils/10 involved + 3 candidates + 2 too
    young), УО B (50 pupils/40 involved; one school without a programme), a college under the region
    itself (100 students, none involved)."""
    region = OrganizationFactory(kind=Organization.Kind.REGION, slug=f"{prefix}-region", short_name="РНЦ")
    region_programme = _programme(region, 0)
    uo_a = OrganizationFactory(
        kind=Organization.Kind.MUNICIPAL_AUTHORITY, slug=f"{prefix}-uo-a", short_name="УО А", parent=region
    )
    uo_b = OrganizationFactory(
        kind=Organization.Kind.MUNICIPAL_AUTHORITY, slug=f"{prefix}-uo-b", short_name="УО Б", parent=region
    )
    _programme(uo_a, 0)
    _programme(uo_b, 0)
    schools = []
    for copy in range(schools_per_municipality):
        a1 = OrganizationFactory(slug=f"{prefix}-a1-{copy}", short_name=f"Школа А1 {copy}", parent=uo_a)
        _people(_programme(a1, 100), involved=30, mentors=2)
        a2 = OrganizationFactory(slug=f"{prefix}-a2-{copy}", short_name=f"Школа А2 {copy}", parent=uo_a)
        _people(_programme(a2, 200), involved=10, candidates=3, too_young=2)
        b1 = OrganizationFactory(slug=f"{prefix}-b1-{copy}", short_name=f"Школа Б1 {copy}", parent=uo_b)
        _people(_programme(b1, 50), involved=40, mentors=1)
        schools += [a1, a2, b1]
    OrganizationFactory(slug=f"{prefix}-b-none", short_name="Школа без программы", parent=uo_b)
    college = OrganizationFactory(
        kind=Organization.Kind.COLLEGE, slug=f"{prefix}-college", short_name="Колледж", parent=region
    )
    _people(_programme(college, 100), involved=0)
    return region, region_programme, uo_a, uo_b, college, schools


def _coverage_indicator() -> Indicator:
    return Indicator.objects.get(organization=None, key=COVERAGE_KEY)


def _row(console, organization):
    return next(row for row in console.rows if row.organization.pk == organization.pk)


@pytest.mark.django_db
def test_console_adds_up_the_organisations_below_against_the_region_target():
    region, region_programme, uo_a, uo_b, college, _schools = _region()
    IndicatorTarget.objects.create(indicator=_coverage_indicator(), programme=region_programme, value=50)
    console = console_for(region, region_programme)
    # the municipalities and the college directly under the region, in order of their names
    assert [row.organization.short_name for row in console.rows] == ["Колледж", "УО А", "УО Б"]
    expected = {uo_a: (40, 300), uo_b: (40, 50), college: (0, 100)}  # counted by hand above
    for organization, (involved, pupils) in expected.items():
        coverage = _row(console, organization).coverage
        assert (coverage.numerator, coverage.denominator) == (involved, pupils)
        assert coverage.value == pytest.approx(100 * involved / pupils)
        assert coverage.target == 50
    assert _row(console, uo_a).coverage.light == "red"  # 13.3 % of 50 %
    assert _row(console, uo_b).coverage.light == "green"  # 80 %
    total = console.coverage
    assert (total.numerator, total.denominator) == (80, 450)
    assert total.value == pytest.approx(100 * 80 / 450)  # never the mean of 13.3, 80 and 0
    assert not console.coverage_target_is_federal
    assert (
        console.units == 4 and _row(console, uo_a).child.units == 2 and _row(console, uo_b).child.units == 1
    )
    assert console.contingent["pupils_total"] == 450
    # the weakest: the coverage is behind; it counts the schools and colleges below (not the two
    # municipalities), each against its targets — inherited from the region: А1 (30 %), А2 (5 %) and the
    # college (0 %) are red, Б1 (80 %) is green
    weak = next(w for w in console.weakest if w.value.indicator.key == COVERAGE_KEY)
    assert (weak.red_below, weak.measured_below) == (3, 4)
    assert weak.gap == pytest.approx(50 - 100 * 80 / 450)


@pytest.mark.django_db
def test_without_a_target_of_its_own_the_region_is_measured_against_the_federal_aim(settings):
    region, region_programme, *_rest = _region()
    console = console_for(region, region_programme)
    assert console.coverage_target_is_federal and console.coverage.target == 70
    settings.FEDERAL_COVERAGE_AIM = 60
    assert console_for(region, region_programme).coverage.target == 60


@pytest.mark.django_db
def test_the_municipality_console_drills_down_to_its_schools():
    _region_org, _rp, uo_a, _uo_b, _college, schools = _region()
    programme = uo_a.programmes.get()
    console = console_for(uo_a, programme)
    assert [row.organization for row in console.rows] == [schools[0], schools[1]]
    assert [(row.coverage.numerator, row.coverage.denominator) for row in console.rows] == [
        (30, 100),
        (10, 200),
    ]
    assert (console.coverage.numerator, console.coverage.denominator) == (40, 300)


@pytest.mark.django_db
def test_stored_figures_are_used_while_fresh_and_counted_live_otherwise(settings):
    region, region_programme, uo_a, _uo_b, _college, schools = _region()
    units = list(
        Programme.objects.exclude(organization__kind__in=Organization.PARENT_KINDS).select_related(
            "academic_year"
        )
    )
    live = console_for(region, region_programme)
    assert live.counted_live == 4 and live.counted_at is None
    summaries_refresh(programmes=units)
    stored = console_for(region, region_programme)
    assert stored.counted_live == 0 and stored.counted_at is not None
    assert [(v.numerator, v.denominator) for v in stored.totals] == [
        (v.numerator, v.denominator) for v in live.totals
    ]
    # a new pupil taking part: the stored figures wait for the next refresh …
    _people(schools[0].programmes.get(), involved=5)
    assert console_for(region, region_programme).coverage.numerator == 80
    # … unless they are older than REGION_FIGURES_MAX_AGE_MINUTES: then that school is counted live
    MetricSummary.objects.filter(programme__organization=schools[0]).update(
        refreshed_at=timezone.now() - timedelta(minutes=settings.REGION_FIGURES_MAX_AGE_MINUTES + 1)
    )
    again = console_for(region, region_programme)
    assert again.counted_live == 1 and again.coverage.numerator == 85
    summaries_refresh(programmes=[p for p in units if p.organization_id == schools[0].pk])
    assert console_for(region, region_programme).coverage.numerator == 85


@pytest.mark.django_db
def test_each_row_of_the_console_links_its_own_console_or_dashboard():
    """The rows' links are reversed once per page (``with_org``), yet each names its organisation: a
    municipality its console, a school or a college its KPI dashboard."""
    region, _rp, uo_a, uo_b, college, schools = _region()
    user = UserFactory(username="region-links")
    MembershipFactory(user=user, organization=region, role=Role.REGIONAL_COORDINATOR)
    client = client_for(user)

    def links(organization) -> list[str]:
        url = reverse("reports:console", kwargs={"org": organization.slug, "year": YEAR})
        html = client.get(url).content.decode()
        table = html[html.index("console-table") : html.index("</table>", html.index("console-table"))]
        return re.findall(r'<th scope="row"[^>]*>\s*<a href="([^"]+)"', table)

    def url(name: str, organization) -> str:
        return reverse(name, kwargs={"org": organization.slug, "year": YEAR})

    assert sorted(links(region)) == sorted(
        [url("reports:console", uo_a), url("reports:console", uo_b), url("monitoring:dashboard", college)]
    )
    assert links(uo_a) == [url("monitoring:dashboard", school) for school in schools[:2]]


def test_with_org_puts_a_slug_in_place_of_the_placeholder_organisation():
    from mentoring.templatetags.ui import with_org

    assert with_org("/o/0/2026/reports/console/", "uo-a_2") == "/o/uo-a_2/2026/reports/console/"
    with pytest.raises(ValueError):
        with_org("/o/x/2026/reports/console/", "uo-a")
    with pytest.raises(ValueError):
        with_org("/o/0/2026/reports/console/", '"><script>')


def _console_queries(client, organization) -> int:
    url = reverse("reports:console", kwargs={"org": organization.slug, "year": YEAR})
    client.get(url)  # the session settles
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_console_queries_do_not_grow_with_the_organisations():
    counts = {"live": [], "stored": []}
    for size, prefix in ((1, "s"), (6, "l")):
        region, *_rest = _region(prefix, schools_per_municipality=size)
        user = UserFactory(username=f"region-{prefix}")
        MembershipFactory(user=user, organization=region, role=Role.REGIONAL_COORDINATOR)
        client = client_for(user)
        counts["live"].append(_console_queries(client, region))
        summaries_refresh(
            programmes=Programme.objects.filter(organization__slug__startswith=f"{prefix}-")
            .exclude(organization__kind__in=Organization.PARENT_KINDS)
            .select_related("academic_year")
        )
        counts["stored"].append(_console_queries(client, region))
    assert counts["live"][0] == counts["live"][1], counts
    assert counts["stored"][0] == counts["stored"][1], counts
    assert counts["stored"][0] < counts["live"][0]


@pytest.mark.django_db
def test_who_opens_the_console():
    region, _rp, uo_a, _uo_b, _college, schools = _region()
    regional = UserFactory(username="regional")
    MembershipFactory(user=regional, organization=region, role=Role.REGIONAL_COORDINATOR)
    municipal = UserFactory(username="municipal")
    MembershipFactory(user=municipal, organization=uo_a, role=Role.MUNICIPAL_COORDINATOR)
    curator = UserFactory(username="curator-a1")
    MembershipFactory(user=curator, organization=schools[0], role=Role.CURATOR)
    other = UserFactory(username="other-region")
    other_region = OrganizationFactory(kind=Organization.Kind.REGION, slug="other-region")
    MembershipFactory(user=other, organization=other_region, role=Role.REGIONAL_COORDINATOR)

    def status(user, organization) -> int:
        url = reverse("reports:console", kwargs={"org": organization.slug, "year": YEAR})
        return client_for(user).get(url).status_code

    assert status(regional, region) == 200
    assert status(regional, uo_a) == 200  # the drill-down: the municipality's console
    assert status(regional, schools[0]) == 404  # a school has its KPI dashboard, no console
    assert status(municipal, uo_a) == 200
    assert status(municipal, region) == 404  # the region is above the municipality: not its to see
    assert status(curator, region) == 404 and status(curator, uo_a) == 404
    assert status(other, region) == 404 and status(other, uo_a) == 404
    page = client_for(regional).get(reverse("reports:console", kwargs={"org": region.slug, "year": YEAR}))
    html = page.content.decode()
    # the drill-down links: a municipality to its console, the college to its KPI dashboard; no pupil
    assert reverse("reports:console", kwargs={"org": uo_a.slug, "year": YEAR}) in html
    assert reverse("monitoring:dashboard", kwargs={"org": "t-college", "year": YEAR}) in html
    assert "Ученик" not in html
    # the municipality's console leads back up to the region for the regional user only
    up = reverse("reports:console", kwargs={"org": region.slug, "year": YEAR})
    assert (
        up
        in client_for(regional)
        .get(reverse("reports:console", kwargs={"org": uo_a.slug, "year": YEAR}))
        .content.decode()
    )
    assert (
        up
        not in client_for(municipal)
        .get(reverse("reports:console", kwargs={"org": uo_a.slug, "year": YEAR}))
        .content.decode()
    )
