"""The KPI age band is inherited down the tree: the region's 10–19 for its municipalities and schools,
unless one of them sets its own (as a statistics layout is inherited)."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from mentoring.models import Organization, Programme, Role
from monitoring import models as m
from monitoring.kpis.selectors import programme_metrics
from monitoring.selectors import inherited_band, kpi_band_for, settings_for_many
from participants.models import MenteeProfile, Person

from ..conftest import client_for
from ..factories import MembershipFactory, OrganizationFactory, ProgrammeFactory, UserFactory

YEAR = 2025
TODAY = date(2026, 3, 1)


@pytest.fixture
def tree(db):
    region = OrganizationFactory(kind=Organization.Kind.REGION, slug="band-region", short_name="РНЦ")
    authority = OrganizationFactory(
        kind=Organization.Kind.MUNICIPAL_AUTHORITY, slug="band-uo", short_name="УО", parent=region
    )
    school = OrganizationFactory(slug="band-school", short_name="СОШ", parent=authority)
    programme = ProgrammeFactory(organization=school, academic_year__start_year=YEAR)
    # a pupil of 19 on the last day of the period: outside 10–18, inside the region's 10–19
    person = Person.objects.create(
        organization=school,
        last_name="Старшая",
        first_name="Ольга",
        kind=Person.Kind.PUPIL,
        birth_date=date(2006, 9, 1),
    )
    MenteeProfile.objects.create(person=person, programme=programme)
    return region, authority, school, programme


def _banded(programme: Programme) -> float:
    programme = Programme.objects.select_related("academic_year").get(pk=programme.pk)
    return programme_metrics([programme], today=TODAY)[programme.pk]["pupil_mentees@band"]


@pytest.mark.django_db
def test_the_regions_band_reaches_the_school_unless_it_sets_its_own(tree, django_assert_num_queries):
    region, authority, school, programme = tree
    assert (kpi_band_for(school).low, kpi_band_for(school).high) == (10, 18)  # nobody set one: the default
    assert _banded(programme) == 0

    m.MonitoringSettings.objects.create(organization=region, kpi_age_min=10, kpi_age_max=19)
    band = kpi_band_for(school)
    assert (band.low, band.high, band.source, band.own) == (10, 19, region, False)
    assert _banded(programme) == 1

    # the authority's settings without a band of their own pass the region's on
    m.MonitoringSettings.objects.create(organization=authority, stale_pair_days=21)
    assert (kpi_band_for(school).low, kpi_band_for(school).high) == (10, 19)
    # the school's own band wins
    own = m.MonitoringSettings.objects.create(organization=school, kpi_age_min=10, kpi_age_max=18)
    assert kpi_band_for(school).own and _banded(programme) == 0
    own.kpi_age_min = own.kpi_age_max = None
    own.save()
    assert _banded(programme) == 1
    # one query for any number of organisations, whatever the depth
    with django_assert_num_queries(1):
        found = settings_for_many([school.pk, authority.pk, region.pk])
    assert {pk: (s.kpi_age_min, s.kpi_age_max) for pk, s in found.items()} == {
        school.pk: (10, 19),
        authority.pk: (10, 19),
        region.pk: (10, 19),
    }
    assert found[authority.pk].stale_pair_days == 21


@pytest.mark.django_db
def test_the_settings_page_shows_the_inherited_band_and_takes_both_ages_or_none(tree):
    region, authority, school, programme = tree
    m.MonitoringSettings.objects.create(organization=region, kpi_age_min=10, kpi_age_max=19)
    curator = UserFactory(username="band-curator")
    MembershipFactory(user=curator, organization=school, role=Role.CURATOR)
    url = reverse("monitoring:settings", kwargs={"org": school.slug, "year": YEAR})
    client = client_for(curator)
    page = client.get(url).content.decode()
    assert "как РНЦ: 10–19" in page
    data = {"satisfied_from": 7, "stale_pair_days": 14, "invitation_days": 30}
    response = client.post(url, {**data, "kpi_age_min": 12})
    assert response.status_code == 400 and "обе границы" in response.content.decode()
    assert not m.MonitoringSettings.objects.filter(organization=school).exists()
    assert client.post(url, data).status_code == 302  # both empty: the region's band
    saved = m.MonitoringSettings.objects.get(organization=school)
    assert (saved.kpi_age_min, saved.kpi_age_max) == (None, None)
    assert (kpi_band_for(school).low, kpi_band_for(school).high) == (10, 19)
    assert inherited_band(school).source == region
