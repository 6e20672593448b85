"""Every page declares what it shows (``mentoring.access.Privacy``); the levels above a school see aggregates.

- A URL pattern whose view declares no privacy class fails ``test_every_url_pattern_declares_its_privacy``:
  a new page must say whether it shows personal data. (Undeclared, it is treated as personal: 404 from above.)
- Seen from above (the municipal coordinator, a regional level), every ``PERSONAL`` page is 404 and no
  ``AGGREGATE`` page links to one (``test_aggregate_pages_link_to_no_personal_page``).
- A report that holds personal data cannot be run from above, unless it is a document made for
  publication (the compendium names only people with a publication consent).
"""

from __future__ import annotations

import re

import pytest
from django.contrib.admin.sites import site as admin_site
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404

from mentoring.access import Access, Privacy, Scope, view_privacy
from mentoring.models import Organization, Role
from reports.registry import registry

from .conftest import client_for
from .factories import MembershipFactory, OrganizationFactory, UserFactory
from .test_permissions import ADMIN_PREFIX, build_path


def _walk(patterns, prefix: str = "", namespace: str = ""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            child = namespace
            if pattern.namespace:
                child = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), child)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
            yield prefix + str(pattern.pattern), name, pattern.callback


def project_patterns() -> list[tuple[str, str, object]]:
    """Every URL pattern but the Django admin's (staff only, its own login; no organisation's pages)."""
    return [item for item in _walk(get_resolver().url_patterns) if not item[0].startswith(ADMIN_PREFIX)]


def test_every_url_pattern_declares_its_privacy():
    undeclared = [
        f"{route} ({name})" for route, name, view in project_patterns() if view_privacy(view) is None
    ]
    assert not undeclared, (
        "declare what these pages show — organization_view(privacy=Privacy.PERSONAL or Privacy.AGGREGATE), "
        "or declare_privacy(Privacy.PUBLIC) outside an organisation:\n" + "\n".join(undeclared)
    )


def test_organisation_pages_are_personal_or_aggregate_and_the_rest_public():
    for route, name, view in project_patterns():
        privacy = view_privacy(view)
        if route.startswith("o/<slug:org>/<int:year>/"):
            assert privacy in (Privacy.PERSONAL, Privacy.AGGREGATE), name
        else:
            assert privacy == Privacy.PUBLIC, name
    # the admin is not forgotten: it is there, behind its own staff login
    assert admin_site.urls


# The pages that name a pupil, a parent or show a pupil's answers: the matrix's columns of the levels above
# the school are 404 on each. Listed here so that declaring one of them aggregate by mistake fails.
MUST_BE_PERSONAL = {
    "members",
    "staff:create",
    "staff:detail",
    "staff:invite",
    "staff:access",
    "participants:mentees",
    "participants:mentors",
    "participants:person",
    "participants:consents",
    "participants:consent_scan",
    "participants:partner_agreement",
    "pairing:index",
    "pairing:detail",
    "pairing:run",
    "monitoring:plans",
    "monitoring:plan",
    "monitoring:plan_task_file",
    "monitoring:meetings",
    "monitoring:diary",
    "monitoring:campaigns",
    "monitoring:campaign_detail",
    "monitoring:campaign_results",
    "monitoring:campaign_compare",
    "monitoring:cases",
    "monitoring:case_detail",
    "monitoring:case_photo",
    "roadmap:event",
    "roadmap:evidence_download",
}


def test_pages_that_name_a_child_are_declared_personal():
    privacy = {name: view_privacy(view) for _route, name, view in project_patterns()}
    assert set(privacy) >= MUST_BE_PERSONAL
    assert {name for name in MUST_BE_PERSONAL if privacy[name] != Privacy.PERSONAL} == set()


@pytest.fixture
def region(authority) -> Organization:
    """An organisation above the municipality (a regional centre): the same rule, one level further up."""
    found = OrganizationFactory.create(kind=Organization.Kind.REGION, slug="region-test", short_name="Региональный центр")
    authority.parent = found
    authority.save(update_fields=["parent"])
    return found


@pytest.fixture
def regional_coordinator(region):
    user = UserFactory(username="regional-coordinator")
    MembershipFactory(user=user, organization=region, role=Role.REGIONAL_COORDINATOR)
    return user


HREF = re.compile(r'href="(/o/[^"#?]+)')


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["coordinator", "regional_coordinator"])
def test_aggregate_pages_link_to_no_personal_page(who, url_values, request):
    """Seen from above, every aggregate page opens and none of its links leads to a page that says 404."""
    user = request.getfixturevalue(who)
    client = client_for(user)
    opened = 0
    for route, name, view in project_patterns():
        if view_privacy(view) != Privacy.AGGREGATE:
            continue
        path = build_path(route, url_values)
        response = client.get(path)
        if response.status_code != 200 or not response.get("Content-Type", "").startswith("text/html"):
            continue
        opened += 1
        for link in set(HREF.findall(response.content.decode())):
            try:
                target = resolve(link).func
            except Resolver404:
                continue
            assert view_privacy(target) != Privacy.PERSONAL, f"{name} ({path}) links to {link}"
    assert opened >= 15  # home, programme, roadmap ×3, bases, monitoring, templates ×2, KPIs ×5, reports


@pytest.mark.django_db
def test_personal_pages_are_404_from_above_at_any_depth(
    url_values, regional_coordinator, coordinator, curator
):
    """The regional coordinator and the municipal one: 404 on every personal page; the curator: not 404."""
    checked = 0
    for route, name, view in project_patterns():
        if view_privacy(view) != Privacy.PERSONAL:
            continue
        path = build_path(route, url_values)
        for user in (coordinator, regional_coordinator):
            for method in ("get", "post"):
                response = getattr(client_for(user), method)(path)
                assert response.status_code == 404, f"{user.username} {method.upper()} {path} ({name})"
        checked += 1
    assert checked >= len(MUST_BE_PERSONAL)
    # …and the school's own curator does open them (the 404 above is not a broken URL)
    assert (
        client_for(curator).get(build_path("o/<slug:org>/<int:year>/pairs/", url_values)).status_code == 200
    )


@pytest.mark.django_db
def test_reports_with_personal_data_are_not_run_from_above(school, programme):
    every_role = frozenset(Role.values)
    above = Scope(organization=school, programme=programme, access=Access(school, every_role, read_only=True))
    own = Scope(organization=school, programme=programme, access=Access(school, every_role))
    for report in registry.all():
        if report.contains_personal_data and not report.for_publication:
            assert not report.allowed(above), report.identifier
    personal = [r for r in registry.all() if r.contains_personal_data and r.allowed(own)]
    assert len(personal) >= 8
    assert registry.get("final_compendium").allowed(above)  # made for publication: consents respected
    assert registry.get("kpis").allowed(above)  # figures without names


@pytest.mark.django_db
def test_coordinator_reports_page_offers_no_personal_report(coordinator, school, url_values):
    response = client_for(coordinator).get(f"/o/{school.slug}/{url_values['year']}/reports/")
    assert response.status_code == 200
    # each offered report's options form is loaded into the page from reports:options when opened
    offered = set(re.findall(r"/reports/([a-z_]+)/options/", response.content.decode()))
    assert offered, "the coordinator is offered the figures"
    for identifier in offered:
        report = registry.get(identifier)
        assert not report.contains_personal_data or report.for_publication, identifier
    assert "kpis" in offered and "members" not in offered and "mentee_base" not in offered
    for personal in ("members", "mentee_base"):
        options = f"/o/{school.slug}/{url_values['year']}/reports/{personal}/options/"
        assert client_for(coordinator).get(options).status_code in (403, 404), personal


@pytest.mark.django_db
def test_coordinator_menu_shows_only_what_opens(coordinator, school, url_values):
    response = client_for(coordinator).get(f"/o/{school.slug}/{url_values['year']}/")
    assert response.status_code == 200
    sections = [section["key"] for section in response.context["nav_sections"]]
    assert "pairing" not in sections
    assert {"dashboard", "roadmap", "participants", "monitoring", "reports"} <= set(sections)
    assert Client().get(f"/o/{school.slug}/{url_values['year']}/").status_code == 302
