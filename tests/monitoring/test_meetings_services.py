"""The meeting diary: the rules of an entry, the double submit, closing plan tasks, and the reminders."""

import uuid
from datetime import date

import pytest
from django.core import mail

from mentoring.models import AuditEvent
from monitoring.meetings.selectors import suggested_kind
from monitoring.meetings.services import (
    MeetingData,
    MeetingError,
    meeting_delete,
    meeting_log,
    meeting_update,
    remind_silent_pairs,
)
from monitoring.models import Meeting, MeetingReminder, MonitoringSettings
from monitoring.plans.services import plan_get_or_create, plan_task_create
from participants.models import Consent

from ..pairing.test_groups import pupil

pytestmark = pytest.mark.django_db

TODAY = date(2026, 3, 2)


@pytest.fixture
def started_pair(pair):
    pair.start_date = date(2025, 10, 1)
    pair.save(update_fields=["start_date"])
    return pair


def log(group, day: date, actor=None, **kwargs):
    data = MeetingData(
        date=day, kind=kwargs.pop("kind", Meeting.Kind.WORKING), topic=kwargs.pop("topic", "Тема")
    )
    return meeting_log(actor=actor, group=group, data=data, today=kwargs.pop("today", TODAY), **kwargs)


def test_suggested_kind_follows_the_methodology():
    today = date(2025, 11, 1)
    assert suggested_kind([], today=today, planned_end=None) == "introduction"
    assert suggested_kind(["introduction"], today=today, planned_end=None) == "trial"
    assert suggested_kind(["introduction", "trial"], today=today, planned_end=None) == "planning"
    held = ["introduction", "trial", "planning"]
    assert suggested_kind(held, today=today, planned_end=date(2026, 5, 25)) == "working"
    assert suggested_kind(held, today=date(2026, 5, 20), planned_end=date(2026, 5, 25)) == "final"


def test_a_meeting_is_logged_with_mentees_and_audited(started_pair, mentee, mentor):
    meeting, created = log(started_pair, date(2025, 10, 6), actor=mentor, attendees=[mentee])
    assert created
    assert list(meeting.attendees.all()) == [mentee]
    assert meeting.recorded_by == mentor
    audit = AuditEvent.objects.get(target_type="monitoring.Meeting", action="create")
    assert "attendees" in audit.fields and audit.actor == mentor and mentee.pk in audit.person_ids


@pytest.mark.parametrize(
    ("day", "message"),
    [
        (date(2026, 3, 3), "в будущем"),
        (date(2025, 9, 20), "начала работу"),  # before the pair's start
        (date(2025, 8, 20), "вне 2025/2026 учебного года"),  # before the academic year
    ],
)
def test_dates_outside_the_pair_or_the_year_are_refused(started_pair, day, message):
    with pytest.raises(MeetingError, match=message):
        log(started_pair, day)
    assert not Meeting.objects.exists()


def test_duration_must_be_sane(started_pair):
    with pytest.raises(MeetingError):
        meeting_log(
            actor=None,
            group=started_pair,
            data=MeetingData(date=date(2025, 10, 6), duration_minutes=1000),
            today=TODAY,
        )


def test_only_the_pairs_mentees_with_a_consent_may_attend(started_pair, programme, mentee):
    stranger_pupil = pupil(programme, "Чужой")
    with pytest.raises(MeetingError):
        log(started_pair, date(2025, 10, 6), attendees=[stranger_pupil])
    Consent.objects.filter(person=mentee).update(withdrawn_on=date(2025, 10, 1))
    with pytest.raises(MeetingError):
        log(started_pair, date(2025, 10, 6), attendees=[mentee])
    assert not Meeting.objects.exists()


def test_the_same_client_token_logs_once(started_pair):
    token = uuid.uuid4()
    first, created = log(started_pair, date(2025, 10, 6), client_token=token)
    again, created_again = log(started_pair, date(2025, 10, 7), client_token=token)
    assert created and not created_again and again.pk == first.pk
    assert Meeting.objects.count() == 1
    assert AuditEvent.objects.filter(target_type="monitoring.Meeting").count() == 1


def test_ticked_tasks_are_linked_and_may_be_closed(started_pair, mentor):
    plan = plan_get_or_create(actor=None, group=started_pair)
    first = plan_task_create(actor=None, plan=plan, activity="Разбор задач")
    second = plan_task_create(actor=None, plan=plan, activity="Олимпиада")
    meeting, _ = log(
        started_pair, date(2025, 11, 5), actor=mentor, plan_tasks=[first], close_tasks=True, topic="Задачи"
    )
    first.refresh_from_db()
    assert first.done_on == date(2025, 11, 5) and "05.11.2025" in first.evidence
    log(started_pair, date(2025, 11, 12), plan_tasks=[second], close_tasks=False)
    second.refresh_from_db()
    assert second.done_on is None and list(second.meetings.all()) != []


def test_update_and_delete_are_audited(started_pair, mentor):
    meeting, _ = log(started_pair, date(2025, 10, 6))
    meeting_update(
        actor=mentor,
        meeting=meeting,
        data=MeetingData(date=date(2025, 10, 7), kind="introduction", topic="Знакомство"),
        today=TODAY,
    )
    audit = AuditEvent.objects.get(target_type="monitoring.Meeting", action="update")
    assert "date" in audit.fields and "2025" not in str(audit.details)
    meeting_delete(actor=mentor, meeting=meeting)
    assert not Meeting.objects.exists()
    assert AuditEvent.objects.filter(target_type="monitoring.Meeting", action="delete").count() == 1


# --- Reminders ---------------------------------------------------------------------------------------


def test_a_silent_pair_reminds_its_mentor_once_per_spell(started_pair, mentor, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    log(started_pair, date(2026, 1, 10), today=date(2026, 1, 10))

    assert remind_silent_pairs(today=date(2026, 1, 20)) == 0  # 10 days: not yet
    assert remind_silent_pairs(today=date(2026, 1, 24)) == 1  # 14 days
    assert len(mail.outbox) == 1
    letter = mail.outbox[0]
    assert letter.to == [mentor.email]
    assert f"/monitoring/groups/{started_pair.pk}/meetings/new/" in letter.body
    assert "Иванова М.С." in letter.body and "10.01.2026" in letter.body

    assert remind_silent_pairs(today=date(2026, 1, 31)) == 0  # the same spell: once
    assert len(mail.outbox) == 1

    log(started_pair, date(2026, 2, 1), today=date(2026, 2, 1))  # a new meeting starts a new spell
    assert remind_silent_pairs(today=date(2026, 2, 10)) == 0
    assert remind_silent_pairs(today=date(2026, 2, 16)) == 1
    assert len(mail.outbox) == 2
    assert MeetingReminder.objects.filter(user=mentor, group=started_pair).count() == 2


def test_the_organisations_setting_and_the_start_date_count(started_pair, mentor, school, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    MonitoringSettings.objects.create(organization=school, stale_pair_days=30)
    # no meetings: counted from the start (01.10.2025)
    assert remind_silent_pairs(today=date(2025, 10, 20)) == 0
    assert remind_silent_pairs(today=date(2025, 10, 31)) == 1
    assert "no meetings" in mail.outbox[0].body or "встреч" in mail.outbox[0].body


def test_mentors_without_e_mail_and_closed_pairs_get_nothing(started_pair, mentor, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mentor.email = ""
    mentor.save(update_fields=["email"])
    assert remind_silent_pairs(today=date(2026, 1, 24)) == 0
    mentor.email = "mentor@school.example"
    mentor.save(update_fields=["email"])
    started_pair.status = "completed"
    started_pair.save(update_fields=["status"])
    assert remind_silent_pairs(today=date(2026, 1, 24)) == 0
    assert mail.outbox == []


def test_the_beat_task_is_registered_under_its_name(started_pair, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    from mentoring.celery import app
    from monitoring.meetings.tasks import remind_silent_pairs as task

    assert task.name == "monitoring.tasks.meetings.remind_silent_pairs"
    assert task.name in app.tasks
    task.delay()  # eager in tests; today the 2025 programme is over, so nothing is due
    assert mail.outbox == []
