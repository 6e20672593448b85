"""Periodic jobs sent once per scheduled slot, however many beat processes run.

A region's deployment may run ``celery beat`` on more than one host (a stand-by beat, ``worker -B`` on
every worker host, a second stack started by mistake). Each beat keeps its own schedule and would send
every periodic job once per beat. :class:`SlotScheduler` (``CELERY_BEAT_SCHEDULER``) claims each due
send in the shared cache first — ``cache.add`` is one atomic ``SET NX`` in Redis — under a key that names
the job and its slot; only the beat that claimed the slot sends it, the others log that it was sent
elsewhere.

The slot is the same for every beat:

- a crontab entry's slot is the scheduled minute that fell due (``07:00`` of the roadmap reminders),
  computed from the entry's last run the way beat itself decides it is due;
- an interval entry's slot is the interval's bucket of the epoch (``every 60 s`` → the minute
  ``floor(now / 60)``), since beats started at different moments keep different phases.

Without Redis (the cache is in-process) there is one beat at most and every claim succeeds.
"""

from __future__ import annotations

import logging
import math
from datetime import datetime
from typing import Any

from celery.beat import PersistentScheduler, ScheduleEntry
from celery.schedules import crontab
from celery.schedules import schedule as interval_schedule
from django.core.cache import caches

logger = logging.getLogger(__name__)

# A claimed crontab slot is remembered this long, so that a beat coming back after days with an old
# schedule file does not send a slot again that another beat already sent (a monthly job included).
CRONTAB_CLAIM_SECONDS = 40 * 24 * 60 * 60
KEY_PREFIX = "beat-slot"


def slot_of(entry: ScheduleEntry, now: datetime) -> tuple[str, int]:
    """The slot of a due entry (a name shared by every beat) and how long its claim must be kept."""
    schedule = entry.schedule
    if isinstance(schedule, crontab):
        # the first scheduled minute after the entry's last run: what beat found due
        start, delta, _now = schedule.remaining_delta(entry.last_run_at or now)  # set by beat, never None
        due = min(start + delta, now)
        minute = math.floor(due.timestamp() / 60 + 1e-6)
        return f"cron-{minute}", CRONTAB_CLAIM_SECONDS
    if isinstance(schedule, interval_schedule):
        period = max(1.0, schedule.seconds)
        bucket = math.floor(now.timestamp() / period)
        return f"every-{int(period)}-{bucket}", int(period * 2) + 60
    # another kind of schedule (solar): one send per minute at most
    return f"minute-{math.floor(now.timestamp() / 60)}", 120


def claim(entry: ScheduleEntry, now: datetime) -> bool:
    """True if this beat is the first to claim the entry's current slot (and so must send it)."""
    slot, seconds = slot_of(entry, now)
    try:
        return bool(caches["default"].add(f"{KEY_PREFIX}:{entry.name}:{slot}", 1, timeout=seconds))
    except Exception:  # the cache is down: sending is better than losing the job (Redis is the broker too)
        logger.warning("beat: could not claim %s %s; sending it anyway", entry.name, slot, exc_info=True)
        return True


class SlotScheduler(PersistentScheduler):
    """celery beat's file-backed scheduler that sends a due entry only if it claims the entry's slot."""

    def apply_entry(self, entry: ScheduleEntry, producer: Any = None) -> None:
        if not claim(entry, self.app.now()):
            logger.info("beat: %s of this slot was sent by another beat", entry.name)
            return
        super().apply_entry(entry, producer=producer)
