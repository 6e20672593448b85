"""A production start-up check: the cache must be shared by every process and host.

The sign-in throttle (django-axes, ``AXES_HANDLER = mentoring.signin.SignInHandler``) keeps its counters
of wrong passwords in ``AXES_CACHE``. With a per-process cache (``LocMemCache``) every gunicorn worker,
and every host, counts on its own, so five wrong passwords per worker are needed for a lock-out and a
lock-out holds only in the worker that saw it; the dummy cache keeps no counter at all. django-axes'
own check (axes.W001) looks only at its stock handler's dotted path, so it does not see ours.

The check runs in ``manage.py check`` and ``check --deploy`` (and so before ``migrate`` starts the
site) with production settings. Its text is for operators: English, like Django's own checks.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.core import checks

PER_PROCESS = {
    "django.core.cache.backends.locmem.LocMemCache": "kept in each process's memory",
    "django.core.cache.backends.dummy.DummyCache": "not kept at all (the dummy cache)",
    "django.core.cache.backends.filebased.FileBasedCache": "kept in files of one host only",
}


@checks.register(checks.Tags.caches, checks.Tags.security)
def check_shared_cache(app_configs: Sequence[AppConfig] | None = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """Warn in production when the cache the sign-in throttle counts in is not shared."""
    if not getattr(settings, "PRODUCTION", False):
        return []
    alias = getattr(settings, "AXES_CACHE", "default")
    backend = str(settings.CACHES.get(alias, {}).get("BACKEND", ""))
    where = PER_PROCESS.get(backend)
    if where is None:
        return []
    limit = getattr(settings, "AXES_FAILURE_LIMIT", 5)
    return [
        checks.Warning(
            f"The cache {alias!r} ({backend.rsplit('.', 1)[-1]}) is {where}: the sign-in throttle's "
            "counters of wrong passwords are then per process, so a name is locked out only after "
            f"{limit} wrong passwords in each worker, and only in that worker.",
            hint="Set REDIS_URL (or CACHE_URL) to the Redis that every web process and host shares.",
            id="mentoring.W002",
        )
    ]
