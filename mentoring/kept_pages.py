"""Whole pages kept in the process until a table they were read from is written (``@kept_page``).

A list or dashboard page of a school of 1,000 pupils costs 5-10 ms of processor time in Django and
2-4 ms in PostgreSQL, and most of its requests show exactly what the one before showed: nothing was
written in between. A view decorated with ``@kept_page`` (inside ``organization_view``) is answered from
the process's copy of the HTML it produced last time for the same key, as long as no table it read has
been written since.

**The key** is everything a page may show besides its tables: the view and its arguments, the path with
its query string, the language, the day (``timezone.localdate``: overdue marks, ages, «as of»), and the
key of the page's header (``context_processors.frame_key``: the navigation cache's version, the user's
id, names and staff flag, the organisation, the programme, the year, the user's roles, read-only access,
the section). Anything shown that depends on the clock more finely than the day caps the entry's life
(``keep_until``).

**The tables.** Every connection carries an execute wrapper (``connect``, on ``connection_created``)
that looks at each statement that is not a read: an ``INSERT``/``UPDATE``/``DELETE`` changes the version
of its table, any other statement (``TRUNCATE``, DDL, raw SQL) the versions of every table it names —
right after the statement in autocommit, once the transaction commits otherwise (``on_commit``; a
rollback changes nothing). Versions live in the shared cache (one key per table), so a write in any
process or host is seen by all. This catches every write the application makes: services, bulk
``update()`` and ``bulk_create``, cascades of ``delete()``, the admin, imports, the erasure under
152-ФЗ, migrations. Only a write that bypasses Django (``psql``) goes unseen; ``KEPT_PAGE_SECONDS``
bounds the life of an entry anyway. A version the cache could not take (Redis unreachable for a moment)
is written again before the process's next version change or read.

A page's tables are not listed by hand: while a page is rendered for keeping, every statement it runs
is looked at and the tables it names are noted. A process learns each view's tables this way (their
union over its requests); an entry is kept only when every table its rendering read was among the
tables whose versions were read *before* the rendering, and is stored with those versions. A write that
commits after the versions were read changes a version after they were read: the entry is never newer
than its versions, so it cannot hide a write. The tables of the scope and the header
(``SCOPE_TABLES``) are always among them. Data a page takes from another cache declares its tables
(``depends_on``: the KPI figures of ``monitoring.kpis.metrics_cache``).

**Never kept**: a request that is not a plain ``GET`` (htmx, ``HEAD`` too), a page with messages to
show, a read inside a transaction (a test, a service: its reads may see uncommitted writes), a response
that is not a 200 HTML page with no header or cookie of its own, a page that read a table whose writes
are not watched (``UNWATCHED``: sessions, the audit and sign-in journals, the lock-out counters). The
CSRF token is never kept: the stored page has a placeholder where this request's token was, and each
answer puts a token of its own there (``get_token``, as the template would), so the page's HTML is the
same as a fresh one. Side effects a view must have on every request (the audit of a read of personal
data) stay outside the decorated function.

The HTML is kept in this process only (never in the shared cache: it holds personal data), for at most
``KEPT_PAGE_SECONDS`` and ``KEPT_PAGE_BYTES`` in all, the least recently used dropped first.
"""

from __future__ import annotations

import functools
import logging
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import connection as default_connection
from django.db import transaction
from django.db.backends.signals import connection_created
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.middleware.csrf import _unmask_cipher_token, get_token  # type: ignore[attr-defined]
from django.utils import timezone
from django.utils.translation import get_language

logger = logging.getLogger(__name__)

VERSION_PREFIX = "kept:table:"
# Tables written on every request or by the sign-in machinery: their writes change no version, so a page
# that reads one of them is never kept.
UNWATCHED = frozenset(
    {
        "django_session",
        "django_admin_log",
        "mentoring_auditevent",
        "mentoring_signinevent",
        "axes_accessattempt",
        "axes_accessattemptexpiration",
        "axes_accessfailurelog",
        "axes_accesslog",
    }
)
# What the scope and the header of every page are read from (``access.resolve_scope``, the switchers):
# kept in the navigation cache, whose version is part of the key, and watched here too (a bulk update
# sends no signal).
SCOPE_TABLES = frozenset(
    {"mentoring_organization", "mentoring_programme", "mentoring_academicyear", "mentoring_membership"}
)
# Where this request's CSRF token was (NUL never comes from the database nor from a form).
PLACEHOLDER = b"\x00kept-csrf-token\x00"
_MASKED_TOKEN = re.compile(rb"(?<![A-Za-z0-9])[A-Za-z0-9]{64}(?![A-Za-z0-9])")
_NAMES = re.compile(r"[a-z_][a-z0-9_]*")
# the one table an ORM write changes, read from the statement's head (a bulk INSERT is long)
_TARGET = re.compile(r'\s*(?:insert\s+into|update|delete\s+from)\s+"?([a-z_][a-z0-9_]*)"?\s', re.IGNORECASE)
_READS = ("select", "savepoint", "release", "rollback", "commit", "begin", "set ", "show", "explain")


# --- the tables' versions ----------------------------------------------------------------------------

_tables: frozenset[str] | None = None


def all_tables() -> frozenset[str]:
    """Every table of the installed models (many-to-many tables too), in lower case."""
    global _tables
    if _tables is None:
        _tables = frozenset(
            model._meta.db_table.lower() for model in apps.get_models(include_auto_created=True)
        )
    return _tables


_named: dict[str, frozenset[str]] = {}


def tables_named(sql: str) -> frozenset[str]:
    """The tables of the models a statement names (as quoted or bare identifiers)."""
    found = _named.get(sql)
    if found is None:
        found = all_tables().intersection(_NAMES.findall(sql.lower()))
        if len(_named) >= 4096:
            _named.clear()
        _named[sql] = found
    return found


def tables_written(sql: str) -> frozenset[str]:
    """The watched tables a statement may change: none for a read; the target of an ORM write; every
    table named by anything else (``TRUNCATE``, DDL, raw SQL)."""
    head = sql.lstrip()[:10].lower()
    if head.startswith(_READS):
        return frozenset()
    target = _TARGET.match(sql[:200])
    if target is not None and (name := target.group(1).lower()) in all_tables():
        return frozenset() if name in UNWATCHED else frozenset({name})
    # anything else, and a head that names no table (``UPDATE ONLY …``): every table it names
    return tables_named(sql) - UNWATCHED


# Tables whose new version could not be written (the cache was unreachable): written again before this
# process's next version change or version read, so that a blip of Redis does not leave other processes
# answering from copies older than a write for the whole of ``KEPT_PAGE_SECONDS``.
_unsent: set[str] = set()
_unsent_lock = threading.Lock()


def _send(table: str) -> None:
    key = VERSION_PREFIX + table
    try:
        cache.incr(key)
    except ValueError:  # not there yet (or evicted): a value from the clock, never one in use
        cache.set(key, time.time_ns(), None)


def _resend() -> None:
    """Write the versions a blip of the cache left unwritten (raises while it is still down)."""
    if not _unsent:
        return
    with _unsent_lock:
        waiting = sorted(_unsent)
        _unsent.clear()
    for position, table in enumerate(waiting):
        try:
            _send(table)
        except Exception:
            with _unsent_lock:
                _unsent.update(waiting[position:])
            raise


def bump(tables: Iterable[str]) -> None:
    """A new version of each table: every page kept with the old one is read again."""
    try:
        _resend()
    except Exception:
        logger.exception("kept pages: the cache is still unreachable")
    for table in tables:
        try:
            _send(table)
        except Exception:  # the cache is down: its versions are unreadable too, so nothing is kept
            logger.exception("kept pages: could not change the version of %s; it is sent again later", table)
            with _unsent_lock:
                _unsent.add(table)


def versions(tables: Iterable[str]) -> dict[str, int]:
    """The current version of each table (one round trip); a table without one gets one from the clock.
    Versions a blip of the cache left unwritten are written first (an error while it is still down)."""
    _resend()
    keys = {VERSION_PREFIX + table: table for table in tables}
    found = cache.get_many(list(keys))
    result = {keys[key]: value for key, value in found.items()}
    for key, table in keys.items():
        if table not in result:
            cache.add(key, time.time_ns(), None)  # another process may have set it meanwhile
            result[table] = cache.get(key)
    return result


class _Bump:
    """The ``on_commit`` callback of a transaction's writes: one per transaction, with every table."""

    def __init__(self) -> None:
        self.tables: set[str] = set()

    def __call__(self) -> None:
        bump(self.tables)


def _watch(execute: Callable[..., Any], sql: Any, params: Any, many: bool, context: dict[str, Any]) -> Any:
    result = execute(sql, params, many, context)
    if isinstance(sql, str) and settings.KEPT_PAGE_SECONDS:
        written = tables_written(sql)
        if written:
            connection = context["connection"]
            if not connection.in_atomic_block:  # committed (or, under manual transactions, about to be)
                bump(written)
            else:
                pending = next(
                    (entry[1] for entry in connection.run_on_commit if isinstance(entry[1], _Bump)), None
                )
                if pending is None:
                    pending = _Bump()
                    transaction.on_commit(pending, using=connection.alias)
                pending.tables.update(written)
    return result


def _install(sender: Any, connection: Any, **_kwargs: Any) -> None:
    if _watch not in connection.execute_wrappers:
        # first, not last: ``connection.execute_wrapper()`` pops the last one when its block ends
        connection.execute_wrappers.insert(0, _watch)


def connect() -> None:
    """Watch every connection's writes (``MentoringConfig.ready``); they change versions only while pages
    are kept (``KEPT_PAGE_SECONDS``)."""
    connection_created.connect(_install, dispatch_uid="kept-pages-watch")
    if default_connection.connection is not None:
        _install(None, default_connection)


# --- the pages ---------------------------------------------------------------------------------------


class _Entry:
    __slots__ = ("body", "content_type", "expires", "versions")

    def __init__(self, body: bytes, content_type: str, expires: float, versions: dict[str, int]) -> None:
        self.body = body
        self.content_type = content_type
        self.expires = expires
        self.versions = versions


_lock = threading.Lock()
_entries: OrderedDict[tuple, _Entry] = OrderedDict()
_bytes = 0
# per view: the tables its renderings read in this process (learned, only ever growing)
_learned: dict[str, frozenset[str]] = {}
_never: set[str] = set()  # views that read an unwatched table


def clear() -> None:
    """Forget every kept page and learned table (tests)."""
    global _bytes
    with _lock:
        _entries.clear()
        _learned.clear()
        _never.clear()
        _bytes = 0
    with _unsent_lock:
        _unsent.clear()


def _keep(key: tuple, entry: _Entry, now: float) -> None:
    """Keep a page; drop the expired ones (no copy outlives ``KEPT_PAGE_SECONDS`` by more than the next
    page kept), then the least recently used beyond ``KEPT_PAGE_BYTES``."""
    global _bytes
    with _lock:
        for expired in [kept for kept, found in _entries.items() if found.expires <= now]:
            _bytes -= len(_entries.pop(expired).body)
        old = _entries.pop(key, None)
        if old is not None:
            _bytes -= len(old.body)
        _entries[key] = entry
        _bytes += len(entry.body)
        while _bytes > settings.KEPT_PAGE_BYTES and _entries:
            _, dropped = _entries.popitem(last=False)
            _bytes -= len(dropped.body)


def _drop(key: tuple, entry: _Entry) -> None:
    global _bytes
    with _lock:
        if _entries.get(key) is entry:
            del _entries[key]
            _bytes -= len(entry.body)


def _found(key: tuple) -> _Entry | None:
    with _lock:
        entry = _entries.get(key)
        if entry is not None:
            _entries.move_to_end(key)
        return entry


class _Recording:
    """The tables the statements of one rendering name, and what else it depends on."""

    def __init__(self) -> None:
        self.tables: set[str] = set()
        self.until: datetime | None = None

    def __call__(
        self, execute: Callable[..., Any], sql: Any, params: Any, many: bool, context: dict[str, Any]
    ) -> Any:
        if isinstance(sql, str):
            self.tables.update(tables_named(sql))
        return execute(sql, params, many, context)


_local = threading.local()


def _recording() -> _Recording | None:
    return getattr(_local, "recording", None)


def depends_on(tables: Iterable[str]) -> None:
    """The page being rendered shows data read from these tables elsewhere (another cache)."""
    recording = _recording()
    if recording is not None:
        recording.tables.update(tables)


def keep_until(moment: datetime) -> None:
    """The page being rendered shows something that changes at ``moment`` (not only with the tables)."""
    recording = _recording()
    if recording is not None and (recording.until is None or moment < recording.until):
        recording.until = moment


def _has_messages(request: HttpRequest) -> bool:
    storage = getattr(request, "_messages", None)
    return storage is not None and len(storage) > 0


def _key(request: HttpRequest, name: str, args: tuple, kwargs: dict) -> tuple | None:
    """What the page shows besides its tables, or None when it must be rendered."""
    from .context_processors import frame_key

    scope = getattr(request, "scope", None)
    match = getattr(request, "resolver_match", None)
    if scope is None or match is None:
        return None
    current = match.namespace or ("dashboard" if match.url_name == "dashboard" else "")
    frame = frame_key(request, request.user, scope, current)  # type: ignore[arg-type]
    if frame is None:
        return None
    return (
        name,
        args,
        tuple(sorted(kwargs.items())),
        request.get_full_path(),
        get_language() or "",
        timezone.localdate(),
        frame,
        scope.access.can_manage,
        scope.access.aggregate_only,
    )


def _usable(request: HttpRequest) -> bool:
    return (
        bool(settings.KEPT_PAGE_SECONDS)
        and request.method == "GET"
        and not request.headers.get("HX-Request")
        and not default_connection.in_atomic_block
        and default_connection.get_autocommit()
        and not _has_messages(request)
    )


def _storable(response: HttpResponseBase) -> bool:
    return (
        type(response) is HttpResponse
        and response.status_code == 200
        and not response.cookies
        and set(response.headers) <= {"Content-Type"}
        and response.get("Content-Type", "").startswith("text/html")
    )


def _with_placeholder(request: HttpRequest, body: bytes) -> bytes | None:
    """The page with this request's CSRF token(s) replaced by the placeholder; None if it cannot tell."""
    secret = request.META.get("CSRF_COOKIE")
    if not secret:
        return body
    if PLACEHOLDER in body:
        return None
    tokens = {
        token for token in set(_MASKED_TOKEN.findall(body)) if _unmask_cipher_token(token.decode()) == secret
    }
    for token in tokens:
        body = body.replace(token, PLACEHOLDER)
    return body


def _answer(request: HttpRequest, entry: _Entry) -> HttpResponse:
    body = entry.body
    if PLACEHOLDER in body:
        body = body.replace(PLACEHOLDER, get_token(request).encode())
    return HttpResponse(body, content_type=entry.content_type)


def kept_page(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """Answer the view from the process's copy of its page while no table it read was written."""
    name = f"{view.__module__}.{view.__qualname__}"

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if name in _never or not _usable(request):
            return view(request, *args, **kwargs)
        key = _key(request, name, args, kwargs)
        if key is None:
            return view(request, *args, **kwargs)
        watched = _learned.get(name, frozenset()) | SCOPE_TABLES
        try:
            current = versions(watched)
        except Exception:
            logger.exception("kept pages: could not read the versions")
            return view(request, *args, **kwargs)
        entry = _found(key)
        now = time.monotonic()
        if (
            entry is not None
            and entry.expires > now
            and all(current.get(table) == version for table, version in entry.versions.items())
        ):
            return _answer(request, entry)
        if entry is not None:  # out of date: no older copy stays in memory
            _drop(key, entry)
        recording = _Recording()
        _local.recording = recording
        try:
            with default_connection.execute_wrapper(recording):
                response = view(request, *args, **kwargs)
        finally:
            _local.recording = None
        read = frozenset(recording.tables)
        if read & UNWATCHED:
            _never.add(name)
            return response
        if not read <= watched:
            _learned[name] = _learned.get(name, frozenset()) | read
            return response
        if not _storable(response):
            return response
        assert isinstance(response, HttpResponse)  # noqa: S101 (checked by _storable)
        body = _with_placeholder(request, response.content)
        if body is None:
            return response
        seconds = float(settings.KEPT_PAGE_SECONDS)
        if recording.until is not None:
            seconds = min(seconds, (recording.until - timezone.now()).total_seconds())
        if seconds > 0:
            tables = read | SCOPE_TABLES
            _keep(
                key,
                _Entry(body, response["Content-Type"], now + seconds, {t: current[t] for t in tables}),
                now,
            )
        return response

    return wrapper
