"""The demo questionnaires: a satisfaction campaign, a before/after pair, a networking campaign; idempotent."""

from __future__ import annotations

import pytest
from django.utils import timezone

from monitoring.models import Answer, Campaign
from monitoring.questionnaires import selectors


@pytest.mark.django_db
def test_demo_is_complete_and_idempotent():
    from demo import questionnaires as demo_questionnaires
    from demo.organisations import seed_demo as seed_core
    from demo.pairs import seed_demo as seed_pairs
    from demo.people import seed_demo as seed_people

    today = timezone.localdate()
    seed_core(today=today)
    seed_people(today=today)
    seed_pairs(today=today)
    demo_questionnaires.seed_demo(today=today)
    counts = (Campaign.objects.count(), Answer.objects.count())
    assert counts[0] >= 4
    after = Campaign.objects.filter(stage="after").first()
    result = selectors.comparison(after)
    assert result.comparison.participants
    networking = Campaign.objects.filter(template__purpose="networking").first()
    assert (
        0 < networking.invitations.filter(answered_at__isnull=False).count() < networking.invitations.count()
    )
    demo_questionnaires.seed_demo(today=today)
    assert (Campaign.objects.count(), Answer.objects.count()) == counts
