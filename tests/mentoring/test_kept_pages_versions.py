"""Kept pages' table versions when the shared cache blinks (mentoring/kept_pages.py).

A write whose new version cannot be written (Redis unreachable for a moment) must not be forgotten: other
processes would answer from copies older than the write for the whole of ``KEPT_PAGE_SECONDS``. The
version is written again before this process's next version change or read. The outage is a cache whose
calls raise, put in place of the real one (which the test's settings give: local memory on SQLite, Redis
with ``REDIS_URL``) and then taken away.
"""

from __future__ import annotations

import pytest
from django.core.cache import cache

from mentoring import kept_pages


class _Unreachable:
    def __getattr__(self, name: str):
        def refuse(*args, **kwargs):
            raise ConnectionError("the cache is unreachable")

        return refuse


@pytest.fixture(autouse=True)
def _clean():
    kept_pages.clear()
    cache.delete_many([kept_pages.VERSION_PREFIX + name for name in ("t_one", "t_two")])
    yield
    kept_pages.clear()


def test_a_version_lost_to_a_blink_of_the_cache_is_written_at_the_next_read(monkeypatch, caplog):
    before = kept_pages.versions(["t_one", "t_two"])
    with monkeypatch.context() as outage:
        outage.setattr(kept_pages, "cache", _Unreachable())
        kept_pages.bump(["t_one"])  # the write's version is not written, and the write is not refused
        with pytest.raises(ConnectionError):
            kept_pages.versions(["t_one"])  # no kept page is answered while the cache is down
    assert "sent again later" in caplog.text
    after = kept_pages.versions(["t_one", "t_two"])  # the cache is back: the lost version comes first
    assert after["t_one"] != before["t_one"]
    assert after["t_two"] == before["t_two"]
    assert kept_pages.versions(["t_one"]) == {"t_one": after["t_one"]}  # written once, not at every read


def test_a_lost_version_is_also_written_before_the_next_version_change(monkeypatch):
    before = kept_pages.versions(["t_one", "t_two"])
    with monkeypatch.context() as outage:
        outage.setattr(kept_pages, "cache", _Unreachable())
        kept_pages.bump(["t_one"])
        kept_pages.bump(["t_two"])  # still down: both wait
    kept_pages.bump([])  # the next write of this process (a worker that shows no page)
    after = kept_pages.versions(["t_one", "t_two"])
    assert after["t_one"] != before["t_one"] and after["t_two"] != before["t_two"]
