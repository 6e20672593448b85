"""The organisation and year switchers of every page, and the programme a page's URL names, kept in the
cache instead of asked of the database.

The switchers cost three to five queries per page (the user's memberships, the organisations around, the
newest programme of each, the organisation's years) and the scope's programme with its organisation and
the two levels above one more, whose compiling and loading is the largest single part of a page's fixed
cost (about 1.6 ms of processor time of a 15 ms page); all of them change only when a membership, an
organisation, a programme or an academic year does. What is kept holds no personal data — organisations,
programmes, years and links; the switchers are per user and organisation (the switcher lists the
organisations *this* user may open: never shared between users). Access is never kept: the user's roles
are asked of the database on every page (``access.access_for``). Every change of those four tables bumps one version number, which is
part of every key, so that no page shows a stale switcher; ``NAVIGATION_CACHE_SECONDS`` bounds the life
of an entry anyway (a bulk ``update()`` sends no signal), and 0 turns the cache off (the test suite,
whose pinned query counts include the switcher).

Each process also keeps what it read, for at most ``LOCAL_SECONDS``, under the same versioned key: a page
then asks the shared cache for the version alone (one round trip instead of three: the scope's programme
and both switchers), and a change anywhere still shows on the next page, since the version is read on
every request. The local copy is kept pickled and unpickled on each use, as from the shared cache: no page
shares an object with another. A version is never used twice: when the shared cache has none (a first
start, Redis emptied) it starts from the clock, not from zero, so no process can mistake an old entry for a
new one.
"""

from __future__ import annotations

import pickle
import time
from collections.abc import Callable
from typing import Any, cast

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest

VERSION_KEY = "nav:version"
# How long a process keeps what it read from the shared cache (seconds; never longer than
# NAVIGATION_CACHE_SECONDS), and how many entries at most (all are dropped when there would be more).
LOCAL_SECONDS = 60
LOCAL_ENTRIES = 1024
_local: dict[str, tuple[float, bytes]] = {}


def version() -> int:
    found = cache.get(VERSION_KEY)
    if found is None:
        cache.add(VERSION_KEY, time.time_ns(), None)  # another process may have set it meanwhile
        found = cache.get(VERSION_KEY)
    return found or 0


class _VersionedRequest(HttpRequest):
    """A request that keeps the navigation version it read (for the type checker only; never built)."""

    _navigation_version: int


def request_version(request: HttpRequest) -> int:
    """The version read once per request: the scope and both switchers of a page share one round trip."""
    found = getattr(request, "_navigation_version", None)
    if found is None:
        found = cast(_VersionedRequest, request)._navigation_version = version()
    return found


def _new_version() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not there yet (or evicted): a value from the clock differs from the keys in use
        cache.set(VERSION_KEY, time.time_ns(), None)


def bump(using: str | None = None, **_kwargs: Any) -> None:
    """Invalidate every kept switcher (a membership, organisation, programme or year changed): now, and
    again once the transaction of the change commits — until then every other connection reads the old
    rows, and what it kept under the first new version would outlive the commit."""
    _new_version()
    connection = transaction.get_connection(using)
    if connection.in_atomic_block and not any(entry[1] is _new_version for entry in connection.run_on_commit):
        transaction.on_commit(_new_version, using=using)


def cached(key: str, compute: Callable[[], Any], current_version: Callable[[], int] | None = None) -> Any:
    """``compute()``'s value under ``key`` and the current version, computed once per version and TTL.

    ``current_version``: a callable returning the version already read for this request (one round trip
    to the cache for both switchers of a page instead of one each).
    """
    seconds = settings.NAVIGATION_CACHE_SECONDS
    if not seconds:
        return compute()
    full_key = f"nav:{current_version() if current_version else version()}:{key}"
    now = time.monotonic()
    local = _local.get(full_key)
    if local is not None and local[0] > now:
        return pickle.loads(local[1])  # noqa: S301 (written by this process, below)
    value = cache.get(full_key)
    if value is None:
        value = compute()
        cache.set(full_key, value, seconds)
    if value is not None:  # «nothing» (an unknown organisation or year) is not kept here either
        if len(_local) >= LOCAL_ENTRIES:
            _local.clear()
        _local[full_key] = (now + min(seconds, LOCAL_SECONDS), pickle.dumps(value, pickle.HIGHEST_PROTOCOL))
    return value


def connect() -> None:
    from .models import AcademicYear, Membership, Organization, Programme

    for model in (AcademicYear, Membership, Organization, Programme):
        post_save.connect(bump, sender=model, dispatch_uid=f"nav-bump-save-{model.__name__}")
        post_delete.connect(bump, sender=model, dispatch_uid=f"nav-bump-delete-{model.__name__}")
