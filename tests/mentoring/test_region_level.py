"""The regional level: the region above its municipalities, the tree helpers, the switcher, access."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mentoring.hierarchy import organizations_below, unit_programmes_below, units_below
from mentoring.models import Membership, Organization, Role
from mentoring.selectors import organizations_for_user

from ..conftest import YEAR, client_for
from ..factories import MembershipFactory, OrganizationFactory, ProgrammeFactory, UserFactory


def _region_tree(schools_per_municipality: int = 2, municipalities: int = 2, prefix: str = "r"):
    """A region, its municipalities with schools, and one college directly under the region."""
    region = OrganizationFactory(kind=Organization.Kind.REGION, slug=f"{prefix}-region", short_name="РНЦ")
    ProgrammeFactory(
        organization=region,
        academic_year__start_year=YEAR,
        pupils_total=0,
        pupils_with_disabilities=0,
        teachers_total=0,
        young_teachers_total=0,
    )
    schools = []
    authorities = []
    for m in range(municipalities):
        authority = OrganizationFactory(
            kind=Organization.Kind.MUNICIPAL_AUTHORITY,
            slug=f"{prefix}-uo-{m}",
            short_name=f"УО {m}",
            parent=region,
        )
        ProgrammeFactory(
            organization=authority,
            academic_year__start_year=YEAR,
            pupils_total=0,
            pupils_with_disabilities=0,
            teachers_total=0,
            young_teachers_total=0,
        )
        authorities.append(authority)
        for s in range(schools_per_municipality):
            school = OrganizationFactory(slug=f"{prefix}-school-{m}-{s}", parent=authority)
            ProgrammeFactory(organization=school, academic_year__start_year=YEAR)
            schools.append(school)
    college = OrganizationFactory(
        kind=Organization.Kind.COLLEGE, slug=f"{prefix}-college", short_name="ГБПОУ", parent=region
    )
    ProgrammeFactory(organization=college, academic_year__start_year=YEAR)
    return region, authorities, schools, college


@pytest.mark.django_db
def test_units_below_a_region_at_any_depth_in_one_query():
    region, authorities, schools, college = _region_tree()
    other_region, _a, other_schools, _c = _region_tree(prefix="x")
    with CaptureQueriesContext(connection) as queries:
        found = set(units_below(region.pk).values_list("pk", flat=True))
    assert len(queries) == 1
    assert found == {school.pk for school in schools} | {college.pk}
    assert not found & {school.pk for school in other_schools}
    assert set(organizations_below(region.pk).values_list("pk", flat=True)) == found | {
        a.pk for a in authorities
    }
    # a municipality: its own schools only
    assert set(units_below(authorities[0].pk).values_list("pk", flat=True)) == {s.pk for s in schools[:2]}
    # a school has nothing below it
    assert not units_below(schools[0].pk).exists()
    programmes = unit_programmes_below(region.pk, region.programmes.get().academic_year_id)
    assert {p.organization_id for p in programmes} == found


@pytest.mark.django_db
def test_the_tree_refuses_wrong_parents():
    region, authorities, schools, _college = _region_tree()
    wrong = [
        Organization(
            kind=Organization.Kind.MUNICIPAL_AUTHORITY, slug="uo-x", short_name="x", parent=authorities[0]
        ),
        Organization(kind=Organization.Kind.REGION, slug="reg-x", short_name="x", parent=region),
        Organization(kind=Organization.Kind.SCHOOL, slug="s-x", short_name="x", parent=schools[0]),
    ]
    for organization in wrong:
        with pytest.raises(ValidationError) as error:
            organization.full_clean()
        assert "parent" in error.value.message_dict
    # a school may sit directly under the region (a regional school or college)
    Organization(
        kind=Organization.Kind.SCHOOL, slug="s-y", short_name="y", name="y", parent=region
    ).full_clean()
    with pytest.raises(ValidationError):
        Membership(
            user=UserFactory(), organization=authorities[0], role=Role.REGIONAL_COORDINATOR
        ).full_clean()
    Membership(user=UserFactory(), organization=region, role=Role.REGIONAL_COORDINATOR).full_clean()


def _switcher_queries(user, around):
    around = Organization.objects.select_related("parent__parent").get(pk=around.pk)
    with CaptureQueriesContext(connection) as queries:
        targets = organizations_for_user(user, around=around)
    return targets, len(queries)


@pytest.mark.django_db
@pytest.mark.parametrize("size", [2, 12])
def test_switcher_offers_the_chain_and_the_level_below_in_bounded_queries(size):
    region, authorities, schools, college = _region_tree(schools_per_municipality=size, municipalities=3)
    user = UserFactory(username="region-user")
    MembershipFactory(user=user, organization=region, role=Role.REGIONAL_COORDINATOR)

    targets, count = _switcher_queries(user, region)
    assert count <= 4
    assert [t.group for t in targets][:1] == ["own"] and targets[0].organization == region
    below = [t.organization for t in targets if t.group == "below"]
    # not the 3×size schools; in the database's order of names (its collation, not Python's)
    assert below == list(Organization.objects.filter(parent=region).order_by("short_name"))
    assert set(below) == {*authorities, college}

    targets, count = _switcher_queries(user, schools[0])
    assert count <= 4
    assert [(t.organization, t.group) for t in targets] == [
        (region, "own"),
        (authorities[0], "above"),
        (schools[0], "current"),
    ]
    targets, count = _switcher_queries(user, authorities[1])
    assert count <= 4
    below = [t.organization for t in targets if t.group == "below"]
    assert set(below) == {s for s in schools if s.parent_id == authorities[1].pk}
    # by name as the database sorts it («СОШ № 100» before «СОШ № 93»), not in the order of creation
    assert below == list(Organization.objects.filter(parent=authorities[1]).order_by("short_name"))
    assert all(t.start_year == YEAR for t in targets)


@pytest.mark.django_db
def test_switcher_of_a_school_member_shows_no_other_organisation():
    _region, _authorities, schools, _college = _region_tree()
    curator = UserFactory(username="school-curator")
    MembershipFactory(user=curator, organization=schools[0], role=Role.CURATOR)
    targets, _count = _switcher_queries(curator, schools[0])
    assert [t.organization for t in targets] == [schools[0]]


@pytest.mark.django_db
def test_regional_user_sees_aggregates_everywhere_below_and_nothing_of_another_region():
    region, authorities, schools, college = _region_tree()
    _other, other_authorities, other_schools, _c = _region_tree(prefix="x")
    user = UserFactory(username="region-user")
    MembershipFactory(user=user, organization=region, role=Role.REGIONAL_COORDINATOR)
    client = client_for(user)
    for organization in (region, authorities[0], schools[3], college):
        assert client.get(f"/o/{organization.slug}/{YEAR}/").status_code == 200, organization.slug
        # a page that names children: 404, as for a stranger
        status = client.get(f"/o/{organization.slug}/{YEAR}/bases/mentees/").status_code
        assert status == (403 if organization == region else 404)  # the region's own base: not its role
    for organization in (other_authorities[0], other_schools[0]):
        assert client.get(f"/o/{organization.slug}/{YEAR}/").status_code == 404
    # the school page shows the read-only badge and the switcher leads back up the chain
    response = client.get(f"/o/{schools[3].slug}/{YEAR}/")
    html = response.content.decode()
    assert f'href="/o/{region.slug}/{YEAR}/"' in html and f'href="/o/{authorities[1].slug}/{YEAR}/"' in html


@pytest.mark.django_db
def test_home_returns_to_the_school_last_seen_from_above():
    region, _authorities, schools, _college = _region_tree()
    user = UserFactory(username="region-user")
    MembershipFactory(user=user, organization=region, role=Role.REGIONAL_COORDINATOR)
    client = client_for(user)
    assert client.get("/")["Location"] == f"/o/{region.slug}/{YEAR}/"
    client.get(f"/o/{schools[1].slug}/{YEAR}/")
    assert client.get("/")["Location"] == f"/o/{schools[1].slug}/{YEAR}/"


def _dashboard_queries(client, organization) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/o/{organization.slug}/{YEAR}/")
    assert response.status_code == 200
    return len(queries), response


@pytest.mark.django_db
def test_region_dashboard_lists_municipalities_with_their_sums_in_constant_queries():
    counts = []
    for size, prefix in ((2, "a"), (9, "b")):
        region, authorities, schools, college = _region_tree(schools_per_municipality=size, prefix=prefix)
        user = UserFactory(username=f"region-{prefix}")
        MembershipFactory(user=user, organization=region, role=Role.REGIONAL_COORDINATOR)
        count, response = _dashboard_queries(client_for(user), region)
        counts.append(count)
        rows = {row.organization.slug: row for row in response.context["child_rows"]}
        assert set(rows) == {a.slug for a in authorities} | {college.slug}
        # independent reference: the programmes of each municipality's schools, read one by one
        for authority in authorities:
            expected = sum(s.programmes.get().pupils_total for s in schools if s.parent_id == authority.pk)
            assert rows[authority.slug].totals["pupils_total"] == expected
            assert rows[authority.slug].units == size
        assert rows[college.slug].units == 1
        assert response.context["totals"]["pupils_total"] == sum(
            p.pupils_total for o in [*schools, college] for p in o.programmes.all()
        )
    assert counts[0] == counts[1], counts
