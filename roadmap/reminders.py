"""Daily roadmap reminders by e-mail.

Each responsible member gets one digest of their events starting within a week and of their overdue
ones; each curator gets one digest of every overdue event of the organisation. A row in ReminderLog is
written before a letter is sent, so nobody gets the same reminder twice in a day, even if the task runs
again; done and cancelled events are never mentioned.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from mentoring.academic_years import academic_year_start_for
from mentoring.models import Membership, Programme, Role

from .models import ReminderLog, RoadmapEvent

if TYPE_CHECKING:
    from mentoring.models import User

logger = logging.getLogger(__name__)

UPCOMING_DAYS = 7


def _claim(user: User, programme: Programme, kind: str, today: date, events: int) -> bool:
    """Record the reminder; False when it was already sent today."""
    try:
        with transaction.atomic():
            ReminderLog.objects.create(
                user=user, programme=programme, kind=kind, sent_on=today, events=events
            )
    except IntegrityError:
        return False
    return True


def _send(user: User, programme: Programme, kind: str, today: date, subject: str, context: dict[str, Any]) -> bool:
    events = len(context.get("upcoming", [])) + len(context.get("overdue", []))
    if not user.email or not events or not _claim(user, programme, kind, today, events):
        return False
    url = settings.SITE_URL.rstrip("/") + reverse(
        "roadmap:index",
        kwargs={"org": programme.organization.slug, "year": programme.academic_year.start_year},
    )
    body = render_to_string(
        "roadmap/email/digest.txt",
        {**context, "user": user, "programme": programme, "url": url, "today": today},
    )
    try:
        send_mail(subject, body, None, [user.email])
    except Exception:
        # let tomorrow's run (or a retry today) try again
        ReminderLog.objects.filter(user=user, programme=programme, kind=kind, sent_on=today).delete()
        logger.exception("Reminder to %s failed", user.pk)
        return False
    return True


def send_reminders(*, today: date) -> int:
    """Send today's digests for every programme of the current academic year; returns letters sent."""
    sent = 0
    programmes = Programme.objects.filter(
        academic_year__start_year=academic_year_start_for(today)
    ).select_related("organization", "academic_year")
    for programme in programmes:
        sent += _programme_reminders(programme, today)
    return sent


def _programme_reminders(programme: Programme, today: date) -> int:
    open_events = list(
        RoadmapEvent.objects.filter(programme=programme, status__in=RoadmapEvent.OPEN_STATUSES)
        .prefetch_related("responsible_users")
        .order_by("next_due", "position")
    )
    overdue = [event for event in open_events if event.is_overdue(today)]
    week = today + timedelta(days=UPCOMING_DAYS)
    upcoming = [
        event
        for event in open_events
        if not event.is_overdue(today)
        and (
            (event.starts_on and today <= event.starts_on <= week)
            # a schedule: its next occurrence is due this week («до 25 числа каждого месяца»)
            or (event.recurring and event.next_due and today <= event.next_due <= week)
        )
    ]
    per_user: dict[int, dict[str, list[RoadmapEvent]]] = defaultdict(lambda: {"upcoming": [], "overdue": []})
    users = {}
    for key, events in (("upcoming", upcoming), ("overdue", overdue)):
        for event in events:
            for user in event.responsible_users.all():
                users[user.pk] = user
                per_user[user.pk][key].append(event)
    sent = 0
    subject = _("Roadmap: your events for the week and overdue ones")
    for user_id, digest in per_user.items():
        sent += _send(users[user_id], programme, ReminderLog.Kind.RESPONSIBLE, today, subject, digest)
    if overdue:
        curators = Membership.objects.filter(
            organization=programme.organization, role=Role.CURATOR
        ).select_related("user")
        subject = _("Roadmap: %(count)s overdue events") % {"count": len(overdue)}
        for membership in curators:
            sent += _send(
                membership.user,
                programme,
                ReminderLog.Kind.CURATOR,
                today,
                subject,
                {"overdue": overdue, "for_curator": True},
            )
    return sent
