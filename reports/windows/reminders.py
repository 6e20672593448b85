"""Daily reminders to the organisations that have not handed in the figures of an open window.

One letter a day per organisation and window, to its administrators and curators with an e-mail: a
``WindowReminder`` row is written before the letter goes, so a second run the same day (another beat
host, a retry) sends nothing; a letter that fails is forgotten so that a later run tries again.
Reminders start when the window opens and stop when it is closed, when the organisation has handed
in, or ``WINDOW_REMINDER_DAYS_AFTER`` days after the deadline.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from mentoring.models import Membership, Role

from ..models import MonitoringWindow, WindowReminder
from .selectors import window_overview

logger = logging.getLogger(__name__)

RECIPIENT_ROLES = (Role.ADMINISTRATOR, Role.CURATOR)


def windows_to_remind(today: date) -> list[MonitoringWindow]:
    after = timedelta(days=settings.WINDOW_REMINDER_DAYS_AFTER)
    return list(
        MonitoringWindow.objects.filter(
            closed_at__isnull=True, opens_on__lte=today, deadline__gte=today - after
        ).select_related("opener", "academic_year", "opener__parent")
    )


def _claim(window: MonitoringWindow, organization_id: int, today: date, recipients: int) -> bool:
    try:
        with transaction.atomic():
            WindowReminder.objects.create(
                window=window, organization_id=organization_id, sent_on=today, recipients=recipients
            )
    except IntegrityError:
        return False
    return True


def send_window_reminders(*, today: date) -> int:
    """Send today's reminders for every open window; returns the number of letters sent."""
    sent = 0
    for window in windows_to_remind(today):
        sent += _window_reminders(window, today)
    return sent


def _window_reminders(window: MonitoringWindow, today: date) -> int:
    overview = window_overview(window, window.opener, today=today)
    waiting = overview.not_submitted
    if not waiting:
        return 0
    addresses: dict[int, list[str]] = {}
    for organization_id, email in (
        Membership.objects.filter(
            organization_id__in=[row.organization.pk for row in waiting],
            role__in=RECIPIENT_ROLES,
            user__is_active=True,
        )
        .exclude(user__email="")
        .values_list("organization_id", "user__email")
        .order_by("organization_id", "user__email")
    ):
        if email not in addresses.setdefault(organization_id, []):
            addresses[organization_id].append(email)
    sent = 0
    for row in waiting:
        recipients = addresses.get(row.organization.pk, [])
        if not recipients or row.programme is None:
            continue
        if not _claim(window, row.organization.pk, today, len(recipients)):
            continue
        url = settings.SITE_URL.rstrip("/") + reverse(
            "reports:window",
            kwargs={
                "org": row.organization.slug,
                "year": window.academic_year.start_year,
                "window": window.pk,
            },
        )
        body = render_to_string(
            "reports/windows/email/reminder.txt",
            {
                "window": window,
                "organization": row.organization,
                "url": url,
                "overdue": today > window.deadline,
                "days_left": (window.deadline - today).days,
            },
        )
        subject = _("Statistics to hand in by %(day)s: %(title)s") % {
            "day": window.deadline.strftime("%d.%m.%Y"),
            "title": window.title,
        }
        try:
            EmailMessage(subject, body, None, recipients).send()
        except Exception:
            WindowReminder.objects.filter(
                window=window, organization=row.organization, sent_on=today
            ).delete()
            logger.exception("Window reminder to organisation %s failed", row.organization.pk)
            continue
        sent += 1
    return sent
