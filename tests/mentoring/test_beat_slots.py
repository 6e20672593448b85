"""The slot of a periodic job is the same for every beat (mentoring/beat.py); two beats running at
once against the real Redis are in tests/integration/test_beat_once.py."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from celery.beat import ScheduleEntry
from celery.schedules import crontab
from django.core.cache import caches

from mentoring import beat
from mentoring.celery import app

MOSCOW = ZoneInfo("Europe/Moscow")


def entry(schedule, last_run_at: datetime) -> ScheduleEntry:
    return ScheduleEntry(
        name="job",
        task="mentoring.tasks.requeue_stale_jobs",
        schedule=schedule,
        last_run_at=last_run_at,
        app=app,
    )


def test_every_beat_names_the_same_crontab_slot_whatever_its_last_run():
    daily = crontab(hour=7, minute=0, app=app)
    # one beat ran yesterday's slot, another started this morning, a third at 06:59:59; all are asked
    # a little after 07:00 (each at its own moment)
    beats = [
        (
            datetime(2026, 12, 3, 7, 0, 2, tzinfo=MOSCOW),
            datetime(2026, 12, 4, 7, 0, 0, 300000, tzinfo=MOSCOW),
        ),
        (datetime(2026, 12, 4, 5, 12, 0, tzinfo=MOSCOW), datetime(2026, 12, 4, 7, 0, 1, tzinfo=MOSCOW)),
        (datetime(2026, 12, 4, 6, 59, 59, tzinfo=MOSCOW), datetime(2026, 12, 4, 7, 0, 40, tzinfo=MOSCOW)),
    ]
    slots = {beat.slot_of(entry(daily, last), now)[0] for last, now in beats}
    assert len(slots) == 1
    expected = int(datetime(2026, 12, 4, 7, 0, tzinfo=MOSCOW).timestamp() // 60)
    assert slots == {f"cron-{expected}"}
    # tomorrow's run is another slot
    tomorrow = beat.slot_of(
        entry(daily, datetime(2026, 12, 4, 7, 0, 1, tzinfo=MOSCOW)),
        datetime(2026, 12, 5, 7, 0, 1, tzinfo=MOSCOW),
    )[0]
    assert tomorrow != next(iter(slots))


def test_an_interval_slot_is_the_bucket_of_the_epoch_not_the_phase_of_a_beat():
    every_minute = timedelta(minutes=1)
    from celery.schedules import schedule

    minute = schedule(run_every=every_minute, app=app)
    start = datetime(2026, 12, 4, 10, 0, 0, tzinfo=MOSCOW)
    a = beat.slot_of(entry(minute, start - timedelta(seconds=61)), start + timedelta(seconds=5))
    b = beat.slot_of(entry(minute, start - timedelta(seconds=20)), start + timedelta(seconds=50))
    c = beat.slot_of(entry(minute, start), start + timedelta(seconds=61))
    assert a[0] == b[0] != c[0]
    assert a[1] >= 120  # the claim outlives the slot


@pytest.mark.django_db
def test_a_slot_is_claimed_once(settings):
    cache = caches["default"]
    daily = crontab(hour=7, minute=0, app=app)
    now = datetime.now(tz=MOSCOW)
    job = entry(daily, now - timedelta(days=2))
    slot, _ = beat.slot_of(job, now)
    cache.delete(f"{beat.KEY_PREFIX}:{job.name}:{slot}")
    assert beat.claim(job, now) is True
    assert beat.claim(job, now) is False
    assert beat.claim(job, now + timedelta(seconds=30)) is False  # the same due slot, asked later
    cache.delete(f"{beat.KEY_PREFIX}:{job.name}:{slot}")


def test_the_beat_uses_the_slot_scheduler(settings):
    assert settings.CELERY_BEAT_SCHEDULER == "mentoring.beat:SlotScheduler"
    assert app.conf.beat_scheduler == "mentoring.beat:SlotScheduler"
