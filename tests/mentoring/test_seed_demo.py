from datetime import date

import pytest
from django.core.management import call_command

from mentoring.models import AuditEvent, Membership, Organization, Programme, Role, User
from participants.models import Consent, Person
from roadmap.models import RoadmapEvent


def _state():
    return (
        list(Organization.objects.order_by("slug").values_list("slug", "parent__slug", "kind")),
        list(
            Programme.objects.order_by("pk").values_list(
                "organization__slug", "academic_year__start_year", "pupils_total", "updated_at"
            )
        ),
        list(User.objects.order_by("username").values_list("username", "password", "last_name")),
        list(Membership.objects.order_by("pk").values_list("user__username", "organization__slug", "role")),
        AuditEvent.objects.count(),
        list(
            RoadmapEvent.objects.order_by("pk").values_list(
                "programme_id", "status", "completed_on", "deadline"
            )
        ),
        list(
            Person.objects.order_by("pk").values_list("last_name", "first_name", "group_name", "birth_date")
        ),
        Consent.objects.count(),
    )


@pytest.mark.django_db
def test_seed_demo_builds_a_municipality_and_is_idempotent(capsys):
    call_command("seed_demo")
    first = _state()
    printed = capsys.readouterr().out
    assert "curator1" in printed and "demo-password" in printed
    call_command("seed_demo")
    assert _state() == first

    # the whole chain: the region above two municipalities, each with its schools
    region = Organization.objects.get(kind=Organization.Kind.REGION)
    assert sorted(region.children.values_list("slug", flat=True)) == ["uo-berezovsky", "uo-ozersky"]
    assert Membership.objects.filter(organization=region, role=Role.REGIONAL_COORDINATOR, user__username="region").exists()
    assert sorted(Organization.objects.get(slug="uo-ozersky").children.values_list("kind", flat=True)) == [
        "school",
        "school",
    ]
    authority = Organization.objects.get(slug="uo-berezovsky")
    kinds = sorted(authority.children.values_list("kind", flat=True))
    assert kinds == ["college", "school", "school"]
    for organization in Organization.objects.all():
        assert organization.programmes.count() == 2
    for child in authority.children.all():
        roles = set(Membership.objects.filter(organization=child).values_list("role", flat=True))
        assert {Role.ADMINISTRATOR, Role.CURATOR, Role.MENTOR, Role.PSYCHOLOGIST} <= roles
    assert Membership.objects.filter(organization=authority, role=Role.MUNICIPAL_COORDINATOR).exists()
    assert User.objects.get(username="curator1").get_full_name() == "Смирнова Елена Викторовна"
    # every organisation has a roadmap in both years, with some of the past done and some overdue
    for programme in Programme.objects.all():
        assert programme.roadmap_events.count() >= 15
    previous = Programme.objects.filter(
        academic_year__start_year=min(p.academic_year.start_year for p in Programme.objects.all())
    )
    assert RoadmapEvent.objects.filter(programme__in=previous, status="done").exists()
    # bases: every school has mentees and mentors, some pupils still owe a consent
    for child in authority.children.all():
        assert Person.objects.filter(organization=child).count() > 40
    assert Person.objects.filter(consents__isnull=True).exists()


@pytest.mark.django_db
def test_seed_demo_opens_the_current_and_the_previous_year():
    from demo.organisations import seed_demo

    seed_demo(today=date(2026, 11, 22))
    years = sorted(set(Programme.objects.values_list("academic_year__start_year", flat=True)))
    assert years == [2025, 2026]
