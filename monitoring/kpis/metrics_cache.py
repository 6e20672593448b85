"""The KPI metrics of the pages, kept in the cache until a write to a table they are counted from.

``programme_metrics`` costs about half of a start page or of the KPI dashboard of a school of 1,000
pupils (eight grouped queries, one of them over every mentee with three correlated sub-queries). Pages
read the figures through :func:`cached_metrics` instead: one round trip to the cache when nothing
changed, the fresh count otherwise.

Never stale after a write. Every connection carries an execute wrapper (``connect``, on
``connection_created``) that looks at each statement that is not a ``SELECT``: one naming a table of
``WATCHED`` (every table the metrics are counted from — ``tests/monitoring/test_kpi_metrics_cache.py``
checks the list against the SQL of ``programme_metrics``) changes the cache's *generation*, a random
token every entry is stored with, so every entry kept before stops counting:

- in autocommit, right after the statement (it is committed by then);
- inside a transaction, once it commits (``on_commit``; a rolled-back write changes nothing). Until
  then its own reads are inside that transaction — and so counted fresh (below).

This catches every write the application makes, whatever makes it: services, bulk ``update()`` and
``bulk_create``, cascades of ``delete()``, the admin, imports, the erasure under 152-ФЗ, migrations.
Only a write that bypasses Django (``psql``) goes unseen; ``KPI_CACHE_SECONDS`` bounds the life of an
entry anyway.

Reads use the cache only in autocommit (a page; not inside ``transaction.atomic``): each of their
statements then sees every transaction committed before it, and the generation is read before them, so
an entry is never older than its generation. Inside a transaction (a service, a test) the figures are
counted fresh and not stored: the transaction may see its own uncommitted writes or, on SQLite, an older
snapshot.

What is kept per programme and reference day holds counts only, no personal data; the contingent
(``pupils``…) is taken from the programme passed in, as the fresh count does. The key holds a digest
of the modules that count, so a deployment that changes a rule does not read the figures of the old one.
"""

from __future__ import annotations

import hashlib
import logging
import uuid
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import connection as default_connection
from django.db import transaction
from django.db.backends.signals import connection_created
from django.utils import timezone

from mentoring import kept_pages
from mentoring.models import Programme

logger = logging.getLogger(__name__)

GENERATION_KEY = "kpi:generation"
# What a kept page (mentoring/kept_pages.py) showing these figures depends on besides their tables: a version
# changed after each new generation. The tables' own versions change when the write commits, before the
# generation does: a page rendered between the two would otherwise be kept with old figures.
GENERATION_VERSION = "kpi:metrics-generation"
# the contingent comes from the Programme passed in, never from the cache
CONTINGENT = {
    "pupils": "pupils_total",
    "pupils_ovz": "pupils_with_disabilities",
    "teachers": "teachers_total",
    "young_teachers": "young_teachers_total",
}


def _code_digest() -> str:
    """A digest of the modules whose rules the figures follow: a new rule is a new key."""
    here = Path(__file__).resolve().parent
    sources = [
        here / "selectors.py",
        here / "calc.py",
        here.parent / "selectors.py",
        here.parent.parent / "participants" / "participation.py",
        here.parent.parent / "participants" / "ages.py",
    ]
    digest = hashlib.sha1(usedforsecurity=False)
    for source in sources:
        digest.update(source.read_bytes())
    return digest.hexdigest()[:12]


CODE = _code_digest()


def watched_tables() -> frozenset[str]:
    """The tables ``programme_metrics`` counts from (and the settings, hierarchy and years it reads)."""
    from mentoring.models import AcademicYear, Organization
    from pairing.models import GroupMember, MentoringGroup
    from participants.models import Consent, MenteeProfile, MentorProfile, PartnerOrganization, Person
    from roadmap.models import RoadmapEvent

    from ..models import (
        Answer,
        Campaign,
        IndividualPlan,
        InformationActivity,
        Invitation,
        MonitoringSettings,
        PlanTask,
        QuestionItem,
        QuestionnaireResponse,
        QuestionnaireTemplate,
    )

    models = (
        AcademicYear,
        Organization,
        Programme,
        Person,
        MenteeProfile,
        MentorProfile,
        Consent,
        PartnerOrganization,
        MentoringGroup,
        GroupMember,
        Campaign,
        Invitation,
        QuestionnaireResponse,
        Answer,
        QuestionItem,
        QuestionnaireTemplate,
        IndividualPlan,
        PlanTask,
        InformationActivity,
        RoadmapEvent,
        MonitoringSettings,
    )
    return frozenset(model._meta.db_table.lower() for model in models)


_watched: frozenset[str] | None = None


def _watched_tables() -> frozenset[str]:
    global _watched
    if _watched is None:
        _watched = watched_tables()
    return _watched


def writes_watched(sql: str) -> bool:
    """Whether a statement may change a table the metrics are counted from: any statement but a read
    that names one (``INSERT``/``UPDATE``/``DELETE``, ``TRUNCATE``, DDL, raw SQL alike) — the statement
    read as the kept pages read it (:func:`mentoring.kept_pages.tables_written`), one parser for both."""
    return not kept_pages.tables_written(sql).isdisjoint(_watched_tables())


def new_generation() -> None:
    """Every kept entry stops counting (a random token: never one an entry was stored with)."""
    try:
        cache.set(GENERATION_KEY, uuid.uuid4().hex, None)
    except Exception:  # the cache is down: its entries are unreadable too; the TTL bounds them after
        logger.exception("kpi metrics cache: could not change the generation")
    # then, not before: a kept page rendered in between (the tables' new versions, the figures of the old
    # generation) was kept with this version's old value, and is read again
    kept_pages.bump((GENERATION_VERSION,))


def _pending(connection) -> bool:
    return any(entry[1] is new_generation for entry in connection.run_on_commit)


def _watch(execute, sql, params, many, context):
    result = execute(sql, params, many, context)
    if isinstance(sql, str) and writes_watched(sql):
        connection = context["connection"]
        if not connection.in_atomic_block:  # committed (or, under manual transactions, about to be)
            new_generation()
        elif not _pending(connection):  # once per transaction (again after a rolled-back savepoint)
            transaction.on_commit(new_generation, using=connection.alias)
    return result


def _install(sender, connection, **_kwargs) -> None:
    if _watch not in connection.execute_wrappers:
        # first, not last: ``connection.execute_wrapper()`` pops the last one when its block ends, and
        # a connection may open inside such a block
        connection.execute_wrappers.insert(0, _watch)


def connect() -> None:
    """Watch every connection's writes (``MonitoringConfig.ready``)."""
    connection_created.connect(_install, dispatch_uid="kpi-metrics-watch")
    # a connection opened before the signal was connected (management commands open one early)
    if default_connection.connection is not None:
        _install(None, default_connection)


def _key(programme_id: int, day: date) -> str:
    return f"kpi:metrics:{CODE}:{programme_id}:{day.isoformat()}"


def _generation() -> str:
    token = uuid.uuid4().hex
    if cache.add(GENERATION_KEY, token, None):
        return token
    return cache.get(GENERATION_KEY) or token


def usable() -> bool:
    """The cache serves this read: it is on and the read is in autocommit (see the module's text)."""
    if not settings.KPI_CACHE_SECONDS or default_connection.in_atomic_block:
        return False
    return default_connection.get_autocommit()


def cached_metrics(programmes: Iterable[Programme], today: date | None = None) -> dict[int, dict[str, float]]:
    """``programme_metrics(programmes, today)``, from the cache for the programmes whose figures were
    counted since the last write (one round trip), counted fresh for the others (its fixed queries, then
    stored)."""
    from .selectors import programme_metrics

    programmes = list(programmes)
    if not programmes:
        return {}
    today = today or timezone.localdate()
    # a kept page showing these figures is read again after a write to any table they are counted from
    kept_pages.depends_on(_watched_tables() | {GENERATION_VERSION})
    if not usable():
        return programme_metrics(programmes, today)
    keys = {programme.pk: _key(programme.pk, today) for programme in programmes}
    try:
        found = cache.get_many([GENERATION_KEY, *keys.values()])
        generation = found.get(GENERATION_KEY) or _generation()
    except Exception:
        logger.exception("kpi metrics cache: could not read")
        return programme_metrics(programmes, today)
    result: dict[int, dict[str, float]] = {}
    missing = []
    for programme in programmes:
        entry: Any = found.get(keys[programme.pk])
        if isinstance(entry, tuple) and len(entry) == 2 and entry[0] == generation:
            result[programme.pk] = {**entry[1], **_contingent(programme)}
        else:
            missing.append(programme)
    if missing:
        counted = programme_metrics(missing, today)
        result.update(counted)
        try:
            cache.set_many(
                {keys[pk]: (generation, metrics) for pk, metrics in counted.items()},
                settings.KPI_CACHE_SECONDS,
            )
        except Exception:
            logger.exception("kpi metrics cache: could not store")
    return result


def _contingent(programme: Programme) -> dict[str, float]:
    return {key: getattr(programme, field) for key, field in CONTINGENT.items()}
