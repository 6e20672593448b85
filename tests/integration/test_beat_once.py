"""Two celery beats at once against the real Redis: every periodic job is sent once per slot.

Each beat is celery's own scheduler loop (``tick()``), run in its own thread with its own schedule file
and its own connection, sending real messages to a queue of this test in Redis; the test counts the
messages in that queue. The same two beats with celery's plain ``PersistentScheduler`` send every slot
twice — the control that shows the test can fail.
"""

from __future__ import annotations

import dbm.dumb
import os
import shelve
import threading
import time
import uuid
from datetime import timedelta

import pytest
import redis
from celery.beat import PersistentScheduler
from celery.schedules import crontab
from django.conf import settings

from mentoring.beat import SlotScheduler
from mentoring.celery import app

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs REDIS_URL pointing at a real Redis"),
]


class _DumbShelve:
    @staticmethod
    def open(filename: str, writeback: bool = True) -> shelve.Shelf:
        return shelve.Shelf(dbm.dumb.open(filename, "c"), writeback=writeback)


@pytest.fixture
def queue():
    name = f"beat-{uuid.uuid4().hex[:8]}"
    client = redis.Redis.from_url(settings.REDIS_URL)
    yield name, client
    client.delete(name)


def _two_beats(scheduler_class, schedule: dict, tmp_path, seconds: float, last_run_at=None) -> list[int]:
    """Run two beats side by side for ``seconds``; how many messages each one sent."""
    previous = app.conf.beat_schedule
    app.conf.beat_schedule = schedule
    sent = [0, 0]
    start = threading.Barrier(2)

    def run(index: int) -> None:
        class Counting(scheduler_class):
            persistence = _DumbShelve  # this machine's Python lacks the C dbm modules; the image has them

            def apply_async(self, entry, producer=None, advance=True, **kwargs):
                if entry.name.startswith("tick"):  # not celery's backend_cleanup (sent to its default queue)
                    sent[index] += 1
                return super().apply_async(entry, producer=producer, advance=advance, **kwargs)

        beat = Counting(app=app, schedule_filename=str(tmp_path / f"beat-{index}-{uuid.uuid4().hex}"))
        if last_run_at is not None:  # as if the beat had run the job before
            for entry in beat.schedule.values():
                entry.last_run_at = last_run_at
        try:
            start.wait()
            deadline = time.monotonic() + seconds
            while time.monotonic() < deadline:
                wait = beat.tick()
                time.sleep(max(0.0, min(wait, deadline - time.monotonic(), 0.2)))
        finally:
            beat.close()

    try:
        threads = [threading.Thread(target=run, args=(index,)) for index in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=seconds + 30)
    finally:
        app.conf.beat_schedule = previous
    return sent


def _entry(queue: str, schedule) -> dict:
    """A job of a name of its own, so that no claim of an earlier run (kept for days) is in the way."""
    return {
        f"tick-{uuid.uuid4().hex[:8]}": {
            "task": "mentoring.tasks.requeue_stale_jobs",
            "schedule": schedule,
            "options": {"queue": queue},
        }
    }


@pytest.mark.django_db
def test_two_beats_send_an_interval_job_once_per_slot(queue, tmp_path):
    name, client = queue
    seconds = 4.5
    sent = _two_beats(SlotScheduler, _entry(name, timedelta(seconds=1)), tmp_path, seconds)
    messages = client.llen(name)
    assert messages == sum(sent)
    # one per one-second slot (the first slot is sent at start): never two in one slot
    assert 4 <= messages <= 6, sent
    assert all(count > 0 for count in sent) or messages >= 4  # they may share the work or one may win all

    client.delete(name)
    control = _two_beats(PersistentScheduler, _entry(name, timedelta(seconds=1)), tmp_path, seconds)
    assert client.llen(name) == sum(control) >= 2 * 4, control  # without the claim: each beat sends each slot


@pytest.mark.django_db
def test_two_beats_due_at_the_same_cron_slot_send_it_once(queue, tmp_path):
    """Both beats last ran the daily job two days ago: both find the same slot due at once."""
    name, client = queue
    daily = crontab(hour=7, minute=0)
    two_days_ago = app.now() - timedelta(days=2)
    sent = _two_beats(SlotScheduler, _entry(name, daily), tmp_path, 1.5, last_run_at=two_days_ago)
    assert client.llen(name) == sum(sent) == 1, sent

    client.delete(name)
    control = _two_beats(PersistentScheduler, _entry(name, daily), tmp_path, 1.5, last_run_at=two_days_ago)
    assert client.llen(name) == sum(control) == 2, control
