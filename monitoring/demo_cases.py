"""Demo data of the monitoring section: cases."""

from __future__ import annotations

from datetime import date


def seed_demo(*, today: date) -> None:
    """Idempotent: a second run changes nothing."""
