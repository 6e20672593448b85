"""The demo plans and diaries: built from the demo pairs, some pairs silent, idempotent."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from monitoring.meetings.selectors import pairs_overview
from monitoring.models import IndividualPlan, Meeting, PlanChange, PlanTask
from monitoring.selectors import settings_for
from pairing.models import MentoringGroup


def _state():
    return (
        list(IndividualPlan.objects.order_by("pk").values_list("group_id", "order_number", "approved_at")),
        list(PlanTask.objects.order_by("pk").values_list("plan_id", "done_on", "position")),
        list(Meeting.objects.order_by("pk").values_list("group_id", "date", "kind")),
        PlanChange.objects.count(),
    )


@pytest.mark.django_db
def test_demo_plans_and_meetings(capsys):
    call_command("seed_demo")
    first = _state()
    call_command("seed_demo")
    assert _state() == first
    capsys.readouterr()
    assert IndividualPlan.objects.count() == MentoringGroup.objects.exclude(status="proposed").count() > 0
    assert Meeting.objects.count() > IndividualPlan.objects.count()
    today = timezone.localdate()
    open_pair = (
        MentoringGroup.objects.filter(status="active").select_related("programme__organization").first()
    )
    programme = open_pair.programme
    days = settings_for(programme.organization).stale_pair_days
    silent = pairs_overview(programme, today=today, stale_days=days, only_stale=True)
    if open_pair.start_date and (today - open_pair.start_date).days < 45:
        return  # early in the year the demo pairs have hardly begun
    assert 0 < silent.count() < MentoringGroup.objects.filter(programme=programme, status="active").count()
