"""The permission harness: every URL pattern of the project, as a stranger and as an anonymous user.

A stranger (a member of another organisation) must get 404 on every organisation page, for GET and
for POST, and change nothing; an anonymous user is sent to the login page. Public pages are listed
explicitly below: a new URL pattern that is neither public nor resolvable with ``url_values`` fails
this test until it is classified.
"""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from mentoring.models import AuditEvent, Job, Membership, Programme

from .conftest import client_for

# Pages anyone may open (login, password reset, health check) and the Django admin, which has its own
# staff-only login: each is checked for what it must do below, not skipped silently.
PUBLIC = {
    "login",
    "logout",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
    "invitation_code",
    "invitation_password",
    "invitation_link",
    "healthz",
    "questionnaire:answer",
    "questionnaire:unknown",
    "questionnaire:unknown_path",
}
ADMIN_PREFIX = "admin/"
POST_ONLY = {
    "job_run",
    "monitoring:meeting_flag_resolve",
    "staff:invite",
    "staff:access",
    "reports:window_submit",
    "reports:window_close",
    "reports:statistics_layout_reset",
    "reports:order_file",
    "reports:order_sign",
    "reports:template_upload",
    "reports:template_reset",
    "programme_open_next",
    "reports:run",
    "roadmap:import_cancel",
    "roadmap:import_undo",
    "roadmap:section_delete",
    "roadmap:section_move",
    "roadmap:event_move",
    "roadmap:event_done",
    "roadmap:event_status",
    "roadmap:event_comment",
    "participants:consent_withdraw",
    "participants:import_cancel",
    "participants:import_undo",
    "participants:vocabulary_delete",
    "participants:people_bulk",
    "roadmap:events_bulk",
    "pairing:groups_bulk",
    "pairing:undo_close",
    "trash_undo",
    "trash_restore",
    "trash_erase",
    "pairing:run_accept",
    "monitoring:plan_approve",
    "monitoring:plan_task_reopen",
    "monitoring:plan_task_delete",
    "monitoring:plan_task_move",
    "monitoring:meeting_delete",
    "monitoring:case_delete",
    "monitoring:case_photo_delete",
    "monitoring:snapshot_take",
    "monitoring:targets_roadmap",
    "monitoring:activity_delete",
    "monitoring:swot_add",
    "monitoring:swot_delete",
    "monitoring:swot_move",
    "monitoring:template_copy",
    "monitoring:template_toggle",
    "monitoring:question_delete",
    "monitoring:question_move",
    "monitoring:campaign_close",
    "monitoring:link_reissue",
}


def _walk(patterns, prefix: str = "", namespace: str = ""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            child_namespace = namespace
            if pattern.namespace:
                child_namespace = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), child_namespace)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
            yield prefix + str(pattern.pattern), name


def all_routes() -> list[tuple[str, str | None]]:
    return list(_walk(get_resolver().url_patterns))


PARAM = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")


def build_path(route: str, values: dict[str, object]) -> str:
    def replace(match: re.Match) -> str:
        name = match.group("name")
        if name not in values:
            raise KeyError(f"No value for URL parameter {name!r} in route {route!r}: add it to url_values")
        return str(values[name])

    return "/" + PARAM.sub(replace, route)


def project_routes():
    return [(route, name) for route, name in all_routes() if not route.startswith(ADMIN_PREFIX)]


def snapshot() -> tuple:
    from pairing.models import GroupMember, MatchingRun, MentoringGroup
    from participants.models import Consent, MenteeProfile, PartnerOrganization, Person
    from roadmap.models import EventComment, EventEvidence, RoadmapEvent, RoadmapSection

    return (
        tuple(MentoringGroup.objects.order_by("pk").values_list("pk", "status", "form_id")),
        MatchingRun.objects.count(),
        GroupMember.objects.count(),
        tuple(Person.objects.order_by("pk").values_list("pk", "last_name", "anonymised_at")),
        tuple(Consent.objects.order_by("pk").values_list("pk", "withdrawn_on")),
        MenteeProfile.objects.count(),
        tuple(PartnerOrganization.objects.order_by("pk").values_list("pk", "name")),
        tuple(RoadmapEvent.objects.order_by("pk").values_list("pk", "status", "title", "position")),
        tuple(RoadmapSection.objects.order_by("pk").values_list("pk", "title", "position")),
        EventEvidence.objects.count(),
        EventComment.objects.count(),
        Job.objects.count(),
        Membership.objects.count(),
        Programme.objects.count(),
        tuple(Programme.objects.order_by("pk").values_list("pupils_total", flat=True)),
        AuditEvent.objects.exclude(action=AuditEvent.Action.VIEW).count(),
    )


def test_every_route_is_classified(url_values):
    routes = project_routes()
    assert len(routes) >= 20
    for route, name in routes:
        assert name, f"Route {route!r} has no name"
        build_path(route, url_values)  # raises when a parameter has no fixture value


# What a stranger posts: valid-looking data for every form, so that only the access check can stop it.
STRANGER_POST = {
    "roles": ["curator"],
    "pupils_total": 1,
    "title": "Чужое мероприятие",
    "text": "Чужой комментарий",
    "status": "cancelled",
    "completed_on": "2025-10-01",
    "reference": "Приказ № 1",
    "direction": "up",
    "action": "copy",
    "last_name": "Чужой",
    "first_name": "Человек",
    "kind": "pupil",
    "name": "Чужой партнёр",
    "scope": "personal_data",
    "given_by": "self",
    "given_on": "2025-10-01",
    "withdrawn_on": "2025-10-02",
    "teenagers": "self",
    "capacity": 3,
    "form": 1,
    "mentors": [1],
    "mentees": [1],
    "closed_on": "2025-10-02",
}


@pytest.mark.django_db
def test_stranger_gets_404_everywhere(url_values, stranger):
    client = client_for(stranger)
    checked = 0
    before = snapshot()
    for route, name in project_routes():
        if name in PUBLIC or name in {"home", "password_change", "password_change_done"}:
            continue
        path = build_path(route, url_values)
        for method in ("get", "post"):
            response = getattr(client, method)(path, STRANGER_POST)
            assert response.status_code == 404, (
                f"{method.upper()} {path} ({name}) gave {response.status_code}"
            )
            checked += 1
    assert checked >= 2 * 13
    assert snapshot() == before


@pytest.mark.django_db
def test_anonymous_is_sent_to_login_everywhere(url_values):
    client = Client()
    before = snapshot()
    for route, name in project_routes():
        if name in PUBLIC:
            continue
        path = build_path(route, url_values)
        for method in ("get", "post"):
            response = getattr(client, method)(path)
            assert response.status_code in (302, 405), f"{method.upper()} {path} gave {response.status_code}"
            if response.status_code == 302:
                assert response["Location"].startswith("/accounts/login/"), (path, response["Location"])
    assert snapshot() == before


@pytest.mark.django_db
def test_public_pages_answer_and_reveal_nothing(url_values):
    client = Client()
    for route, name in project_routes():
        if name not in PUBLIC:
            continue
        path = build_path(route, url_values)
        response = client.get(path)
        if name == "logout":
            assert response.status_code == 405  # logging out is a POST
        elif name.startswith("questionnaire:unknown"):
            # a spoilt questionnaire link: the pupils' page saying so, with 404, never the staff login
            assert response.status_code == 404, (path, response.status_code)
            assert b"accounts/login" not in response.content
        else:
            assert response.status_code == 200, (path, response.status_code)
            assert b"school-a" not in response.content


@pytest.mark.django_db
def test_admin_requires_staff(url_values, curator):
    response = client_for(curator).get("/admin/mentoring/organization/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.django_db
def test_same_organisation_member_can_open_every_organisation_page(url_values, curator):
    """The positive twin of the stranger test: the same URLs work for the school's curator."""
    client = client_for(curator)
    for route, name in project_routes():
        if name in PUBLIC or not route.startswith("o/"):
            continue
        if name in POST_ONLY or name in {
            "job_download",
            "roadmap:import_preview",
            "roadmap:import_replace",
            "participants:import_preview",
            "participants:import_columns",
            "pairing:run_score",
            "pairing:candidates",  # needs ?form= (tests/pairing/test_pair_form.py)
            "participants:vocabulary_override",  # only a term the school does not own (tests/participants)
            "monitoring:plan_task_file",
            "signin_journal",  # the administrator's only (tests/mentoring/test_signin.py)
            "journal",  # the administrator's only (tests/mentoring/test_journal.py)
            "reports:window_open",  # an authority's page, none at a school (tests/reports/test_windows.py)
            "reports:console",  # an authority's or region's page, none at a school (tests/reports/test_console.py)
        }:
            continue  # POST-only actions, a job without a file, an import without an upload: own tests
        path = build_path(route, url_values)
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)


@pytest.mark.django_db
def test_questionnaire_link_needs_no_login_and_unknown_link_is_404(url_values):
    client = Client()
    assert client.get(f"/q/{url_values['link']}/").status_code == 200
    assert client.get("/q/no-such-link/").status_code == 404
    assert client.post("/q/no-such-link/", {"q1": "5"}).status_code == 404
