"""Services (writes) of the monitoring section: the meeting diary and the reminders about silent pairs."""

from __future__ import annotations

import logging
import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from mentoring.academic_years import academic_year_start_for
from mentoring.models import AuditEvent, Programme, User
from mentoring.services import audit_record
from pairing.models import GroupMember, MentoringGroup
from participants.models import Person

from ..models import Meeting, MeetingReminder, PlanTask
from ..plans import services as plan_services
from ..selectors import settings_for_many
from .selectors import SilentPair, consenting_mentees, mentees_of, silent_active_pairs

if TYPE_CHECKING:
    from mentoring.models import User

logger = logging.getLogger(__name__)

MIN_MINUTES = 5
MAX_MINUTES = 480
REASON_MAX = 300


class MeetingError(Exception):
    """A refused diary entry; the message is shown to the user as it is."""


@dataclass(frozen=True)
class MeetingData:
    date: date
    kind: str = Meeting.Kind.WORKING
    format: str = Meeting.Format.IN_PERSON
    duration_minutes: int | None = None
    topic: str = ""
    what_was_done: str = ""
    agreements: str = ""
    needs_psychologist: bool = False
    psychologist_reason: str = ""


def _check(
    *,
    group: MentoringGroup,
    data: MeetingData,
    attendees: Sequence[Person],
    plan_tasks: Sequence[PlanTask],
    today: date,
) -> None:
    year = group.programme.academic_year
    if data.date > today:
        raise MeetingError(_("The meeting date cannot be in the future."))
    if not year.start_date <= data.date <= year.end_date:
        raise MeetingError(
            _("The date is outside the %(year)s academic year (%(start)s – %(end)s).")
            % {
                "year": year.label,
                "start": year.start_date.strftime("%d.%m.%Y"),
                "end": year.end_date.strftime("%d.%m.%Y"),
            }
        )
    if group.start_date and data.date < group.start_date:
        raise MeetingError(
            _("The pair started on %(start)s: the meeting cannot be earlier.")
            % {"start": group.start_date.strftime("%d.%m.%Y")}
        )
    if group.closed_on and data.date > group.closed_on:
        raise MeetingError(
            _("The pair was closed on %(day)s: the meeting cannot be later.")
            % {"day": group.closed_on.strftime("%d.%m.%Y")}
        )
    if len(data.psychologist_reason.strip()) > REASON_MAX:
        raise MeetingError(
            _("The reason for the psychologist must be at most %(max)s characters.") % {"max": REASON_MAX}
        )
    if data.kind not in Meeting.Kind.values:
        raise MeetingError(_("Choose the type of the meeting."))
    if data.format not in Meeting.Format.values:
        raise MeetingError(_("Choose the format of the meeting."))
    if data.duration_minutes is not None and not MIN_MINUTES <= data.duration_minutes <= MAX_MINUTES:
        raise MeetingError(
            _("The duration must be from %(min)s to %(max)s minutes.")
            % {"min": MIN_MINUTES, "max": MAX_MINUTES}
        )
    allowed = set(consenting_mentees(group).values_list("pk", flat=True))
    if any(person.pk not in allowed for person in attendees):
        raise MeetingError(_("Only the mentees of this pair can be marked present."))
    if any(task.plan.group_id != group.pk for task in plan_tasks):
        raise MeetingError(_("Only the tasks of this pair's plan can be chosen."))


def _fields(meeting: Meeting) -> dict:
    return {
        "date": meeting.date.isoformat(),
        "kind": meeting.kind,
        "format": meeting.format,
        "duration_minutes": meeting.duration_minutes,
        "topic": meeting.topic,
        "needs_psychologist": meeting.needs_psychologist,
        "psychologist_reason": meeting.psychologist_reason,
    }


def _reason(data: MeetingData) -> str:
    return data.psychologist_reason.strip() if data.needs_psychologist else ""


def _close_tasks(
    *, actor: User | None, meeting: Meeting, tasks: Sequence[PlanTask], today: date
) -> None:
    reference = _("Meeting of %(day)s") % {"day": meeting.date.strftime("%d.%m.%Y")}
    if meeting.topic:
        reference = f"{reference}: {meeting.topic}"
    for task in tasks:
        if task.done_on is None:
            plan_services.plan_task_mark_done(
                actor=actor,
                task=task,
                done_on=meeting.date,
                evidence=task.evidence or reference[:500],
                today=today,
            )


TWIN_WINDOW = timedelta(minutes=15)


def _recent_twin(*, group: MentoringGroup, data: MeetingData, actor: User | None) -> Meeting | None:
    """The same meeting logged a moment ago by the same person: the form sent again after «Back»
    (a page the browser fetched anew carries a new token, so the token alone does not catch it)."""
    if actor is None or not actor.is_authenticated:
        return None
    return (
        Meeting.objects.filter(
            group=group,
            date=data.date,
            kind=data.kind,
            topic=data.topic.strip(),
            recorded_by=actor,
            created_at__gte=timezone.now() - TWIN_WINDOW,
        )
        .order_by("-pk")
        .first()
    )


@transaction.atomic
def meeting_log(
    *,
    actor: User | None,
    group: MentoringGroup,
    data: MeetingData,
    attendees: Sequence[Person] = (),
    plan_tasks: Sequence[PlanTask] = (),
    close_tasks: bool = False,
    client_token: uuid.UUID | None = None,
    today: date | None = None,
) -> tuple[Meeting, bool]:
    """Record a meeting; returns (meeting, created).

    The same ``client_token`` sent twice (a phone re-sending the form) returns the first meeting and
    changes nothing.
    """
    today = today or timezone.localdate()
    if client_token is not None:
        existing = Meeting.objects.filter(client_token=client_token).first()
        if existing is not None:
            if existing.group_id != group.pk:
                raise MeetingError(_("This form was already used for another pair. Open it again."))
            return existing, False
    twin = _recent_twin(group=group, data=data, actor=actor)
    if twin is not None:
        return twin, False
    _check(group=group, data=data, attendees=attendees, plan_tasks=plan_tasks, today=today)
    meeting = Meeting(
        group=group,
        date=data.date,
        kind=data.kind,
        format=data.format,
        duration_minutes=data.duration_minutes,
        topic=data.topic.strip(),
        what_was_done=data.what_was_done.strip(),
        agreements=data.agreements.strip(),
        needs_psychologist=data.needs_psychologist,
        psychologist_reason=_reason(data),
        recorded_by=actor if actor is not None and actor.is_authenticated else None,
        client_token=client_token,
    )
    try:
        with transaction.atomic():
            meeting.save()
    except IntegrityError:
        # the twin request won the race for the same token
        existing = Meeting.objects.filter(client_token=client_token).first()
        if existing is None:
            raise
        return existing, False
    meeting.attendees.set(attendees)
    meeting.plan_tasks.set(plan_tasks)
    audit_record(
        actor=actor,
        organization=group.programme.organization,
        action=AuditEvent.Action.CREATE,
        target=meeting,
        changes={
            **_fields(meeting),
            "group": group.pk,
            "attendees": [person.pk for person in attendees],
            "plan_tasks": [task.pk for task in plan_tasks],
        },
    )
    if close_tasks:
        _close_tasks(actor=actor, meeting=meeting, tasks=plan_tasks, today=today)
    return meeting, True


@transaction.atomic
def meeting_update(
    *,
    actor: User | None,
    meeting: Meeting,
    data: MeetingData,
    attendees: Sequence[Person] = (),
    plan_tasks: Sequence[PlanTask] = (),
    close_tasks: bool = False,
    today: date | None = None,
) -> Meeting:
    today = today or timezone.localdate()
    group = meeting.group
    _check(group=group, data=data, attendees=attendees, plan_tasks=plan_tasks, today=today)
    before = _fields(meeting)
    before_attendees = sorted(meeting.attendees.values_list("pk", flat=True))
    before_tasks = sorted(meeting.plan_tasks.values_list("pk", flat=True))
    meeting.date = data.date
    meeting.kind = data.kind
    meeting.format = data.format
    meeting.duration_minutes = data.duration_minutes
    meeting.topic = data.topic.strip()
    meeting.what_was_done = data.what_was_done.strip()
    meeting.agreements = data.agreements.strip()
    reason = _reason(data)
    if data.needs_psychologist and (not meeting.needs_psychologist or reason != meeting.psychologist_reason):
        # a new or changed request is open again for the psychologist
        meeting.flag_resolved_at = None
        meeting.flag_resolved_by = None
    meeting.needs_psychologist = data.needs_psychologist
    meeting.psychologist_reason = reason
    meeting.save()
    meeting.attendees.set(attendees)
    meeting.plan_tasks.set(plan_tasks)
    after = _fields(meeting)
    changes = {key: [before[key], after[key]] for key in after if before[key] != after[key]}
    after_attendees = sorted(person.pk for person in attendees)
    if after_attendees != before_attendees:
        changes["attendees"] = [before_attendees, after_attendees]
    after_tasks = sorted(task.pk for task in plan_tasks)
    if after_tasks != before_tasks:
        changes["plan_tasks"] = [before_tasks, after_tasks]
    if changes:
        audit_record(
            actor=actor,
            organization=group.programme.organization,
            action=AuditEvent.Action.UPDATE,
            target=meeting,
            changes=changes,
        )
    if close_tasks:
        _close_tasks(actor=actor, meeting=meeting, tasks=plan_tasks, today=today)
    return meeting


@transaction.atomic
def meeting_delete(*, actor: User | None, meeting: Meeting) -> None:
    audit_record(
        actor=actor,
        organization=meeting.group.programme.organization,
        action=AuditEvent.Action.DELETE,
        target=meeting,
        changes={**_fields(meeting), "group": meeting.group_id},
    )
    meeting.delete()


@transaction.atomic
def meeting_flag_resolve(*, actor: User, meeting: Meeting) -> bool:
    """Mark the mentor's request for the psychologist reviewed; False (nothing changed) when there is no
    open request."""
    locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if not locked.needs_psychologist or locked.flag_resolved_at is not None:
        return False
    locked.flag_resolved_at = timezone.now()
    locked.flag_resolved_by = actor
    locked.save(update_fields=["flag_resolved_at", "flag_resolved_by", "updated_at"])
    meeting.flag_resolved_at = locked.flag_resolved_at
    meeting.flag_resolved_by = actor
    audit_record(
        actor=actor,
        organization=meeting.group.programme.organization,
        action=AuditEvent.Action.UPDATE,
        target=meeting,
        changes=["flag_resolved_at", "flag_resolved_by"],
    )
    return True


# --- Reminders about silent pairs ----------------------------------------------------------------


def _claim(user: User, group: SilentPair, today: date) -> bool:
    """Record the reminder for this silent spell; False when it was already sent."""
    try:
        with transaction.atomic():
            MeetingReminder.objects.create(
                user=user, group=group, sent_on=today, last_meeting_id=group.last_meeting_id or 0
            )
    except IntegrityError:
        return False
    return True


def remind_silent_pairs(*, today: date | None = None) -> int:
    """E-mail each mentor once about their active pairs without a meeting for ``stale_pair_days``.

    One letter per mentor lists the pairs newly silent since the last reminder; a pair is mentioned once per
    silent spell (a new meeting starts a new spell). Returns the number of letters sent.
    """
    today = today or timezone.localdate()
    programmes = Programme.objects.filter(academic_year__start_year=academic_year_start_for(today))
    org_ids = list(programmes.values_list("organization_id", flat=True))
    stale_days = {pk: found.stale_pair_days for pk, found in settings_for_many(org_ids).items()}
    pairs = silent_active_pairs(programmes, today=today, stale_days_by_org=stale_days)
    per_user: dict[int, list[SilentPair]] = defaultdict(list)
    users = {}
    for group in pairs:
        for member in group.members.all():
            user = member.person.user
            if member.role != GroupMember.Role.MENTOR or user is None or not user.email or not user.is_active:
                continue
            users[user.pk] = user
            per_user[user.pk].append(group)
    sent = 0
    with translation.override(settings.LANGUAGE_CODE):
        for user_id, groups in per_user.items():
            user = users[user_id]
            fresh = [group for group in groups if _claim(user, group, today)]
            if fresh and _send(user, fresh, today):
                sent += 1
    return sent


def _send(user: User, groups: list[SilentPair], today: date) -> bool:
    site = settings.SITE_URL.rstrip("/")
    rows = []
    for group in groups:
        programme = group.programme
        kwargs = {"org": programme.organization.slug, "year": programme.academic_year.start_year}
        # the members' prefetch of ``silent_active_pairs`` annotates ``has_consent``
        mentees = [person.short_name for person in mentees_of(group)]
        rows.append(
            {
                "group": group,
                "mentees": ", ".join(mentees),
                "days": (today - group.silent_since).days,
                "url": site + reverse("monitoring:meeting_new", kwargs={**kwargs, "group": group.pk}),
            }
        )
    subject = _("Mentoring: pairs without meetings")
    body = render_to_string(
        "monitoring/meetings/email/silent_pairs.txt", {"user": user, "rows": rows, "today": today}
    )
    try:
        send_mail(subject, body, None, [user.email])
    except Exception:
        MeetingReminder.objects.filter(
            user=user, group__in=[group.pk for group in groups], sent_on=today
        ).delete()
        logger.exception("Meeting reminder to %s failed", user.pk)
        return False
    return True
