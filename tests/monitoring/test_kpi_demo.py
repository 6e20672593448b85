"""The demo KPI data: targets, information log, SWOT and monthly snapshots; idempotent."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from monitoring.models import IndicatorTarget, InformationActivity, KpiSnapshot, SwotItem
from tests.conftest import client_for


def _state():
    return (
        list(IndicatorTarget.objects.order_by("pk").values_list("indicator_id", "programme_id", "value")),
        list(InformationActivity.objects.order_by("pk").values_list("programme_id", "title", "date")),
        list(SwotItem.objects.order_by("pk").values_list("programme_id", "quadrant", "text")),
        list(
            KpiSnapshot.objects.order_by("pk").values_list(
                "programme_id", "indicator_id", "taken_on", "value"
            )
        ),
    )


@pytest.mark.django_db
def test_demo_kpis(capsys):
    call_command("seed_demo")
    first = _state()
    call_command("seed_demo")
    assert _state() == first
    capsys.readouterr()
    assert IndicatorTarget.objects.exists() and InformationActivity.objects.exists()
    assert SwotItem.objects.count() >= 8
    snapshot = KpiSnapshot.objects.select_related(
        "programme__organization", "programme__academic_year"
    ).first()
    if snapshot is None:
        pytest.skip("today is in September: no past month to show")
    from mentoring.models import Membership, Role

    curator = (
        Membership.objects.filter(organization=snapshot.programme.organization, role=Role.CURATOR)
        .first()
        .user
    )
    kwargs = {
        "org": snapshot.programme.organization.slug,
        "year": snapshot.programme.academic_year.start_year,
    }
    response = client_for(curator).get(reverse("monitoring:dashboard", kwargs=kwargs))
    assert response.status_code == 200 and "data-kpi-chart" in response.content.decode()
    authority = snapshot.programme.organization.parent
    coordinator = (
        Membership.objects.filter(organization=authority, role=Role.MUNICIPAL_COORDINATOR).first().user
    )
    kwargs["org"] = authority.slug
    response = client_for(coordinator).get(reverse("monitoring:dashboard", kwargs=kwargs))
    assert response.status_code == 200 and len(response.context["table"].rows) == 3
