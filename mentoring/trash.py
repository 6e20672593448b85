"""The trash («Корзина») and the undo of the last destructive action of a session.

A record put in the trash is really deleted, with everything the deletion cascades to, so nothing that
counts (lists, reports, KPIs, statistics, matching) can see it; its rows are kept serialized in a
``TrashItem`` and saved back with the same ids on restore. The undo of the last action is a note in the
session (what to call and until when); the action's own app answers the undo URL.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from functools import partial
from typing import Any

from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, connection, models, router, transaction
from django.db.models.deletion import Collector, ProtectedError, RestrictedError
from django.db.models.fields.files import FieldFile, FileField
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import AuditEvent, Organization, Programme, TrashItem
from .services import audit_record

TRASH_DAYS = 30
UNDO_MINUTES = 10
SESSION_KEY = "undo"


class TrashError(Exception):
    """A deletion or a restore that cannot be done, in words for the user."""


class _ExactEncoder(DjangoJSONEncoder):
    """Times with their microseconds (Django's encoder cuts them to milliseconds): restored exactly."""

    def default(self, o: Any) -> Any:
        if isinstance(o, datetime | time):
            return o.isoformat()
        return super().default(o)


class _FullCollector(Collector):
    """Collects every row as an instance (no fast deletes), so that each one can be kept."""

    def can_fast_delete(self, *args: Any, **kwargs: Any) -> bool:
        return False


def _collect(root: models.Model) -> _FullCollector:
    collector = _FullCollector(using=router.db_for_write(type(root)), origin=root)
    try:
        collector.collect([root])
    except (ProtectedError, RestrictedError) as error:
        kinds = sorted({str(obj._meta.verbose_name_plural) for obj in error.args[1]})
        raise TrashError(
            _("It cannot be deleted while other records refer to it: %(kinds)s.")
            % {"kinds": ", ".join(kinds)}
        ) from error
    return collector


def _instances(collector: _FullCollector) -> list[models.Model]:
    return [obj for instances in collector.data.values() for obj in instances]


def _nulled(collector: _FullCollector) -> list[dict[str, Any]]:
    """The fields the deletion sets to null elsewhere, with their values now, to put back on restore."""
    kept: list[dict[str, Any]] = []
    for (field, _value), batches in collector.field_updates.items():
        model = field.model
        pairs: list[list[Any]] = []
        for batch in batches:
            if isinstance(batch, models.QuerySet):
                pairs.extend([pk, value] for pk, value in batch.values_list("pk", field.attname))
            else:
                for obj in batch if isinstance(batch, Iterable) else [batch]:
                    pairs.append([obj.pk, getattr(obj, field.attname)])
        if pairs:
            kept.append({"model": model._meta.label, "field": field.attname, "rows": pairs})
    return kept


def trash_put(
    *,
    actor: Any,
    organization: Organization,
    programme: Programme | None,
    kind: str,
    root: models.Model,
    label: str,
    person_ids: Iterable[int] = (),
    now: datetime | None = None,
) -> TrashItem:
    """Delete ``root`` and what it cascades to, keeping a copy to restore; the audit row is written here."""
    with transaction.atomic():
        collector = _collect(root)
        instances = _instances(collector)
        payload = {
            "rows": json.loads(serializers.serialize("json", instances, cls=_ExactEncoder)),
            "nulled": _nulled(collector),
        }
        item = TrashItem.objects.create(
            organization=organization,
            programme=programme,
            kind=kind,
            label=label[:300],
            object_id=root.pk,
            person_ids=sorted(set(person_ids)),
            payload=payload,
            deleted_at=now or timezone.now(),
            deleted_by=actor if actor is not None and actor.is_authenticated else None,
        )
        audit_record(
            actor=actor,
            organization=organization,
            action=AuditEvent.Action.DELETE,
            target=root,
            details={"trash": item.pk, "rows": len(instances)},
        )
        collector.delete()
    return item


def trash_restore(*, actor: Any, item: TrashItem) -> None:
    """Save the kept rows back with their ids, and the nulled fields; refused if something is in the way."""
    try:
        with transaction.atomic():
            rows = json.dumps(item.payload.get("rows", []))
            restored = list(serializers.deserialize("json", rows))
            tables = set()
            root: models.Model | None = None
            for obj in restored:
                obj.m2m_data = {}  # the link rows of many-to-many fields are kept as rows of their own
                model = type(obj.object)
                if model._default_manager.filter(pk=obj.object.pk).exists():
                    raise TrashError(_("A record with the same number exists again: it cannot be restored."))
                obj.save()
                if model._meta.label == _root_label(item) and obj.object.pk == item.object_id:
                    root = obj.object
                tables.add(model._meta.db_table)
            for nulled in item.payload.get("nulled", []):
                model = _model(nulled["model"])
                for pk, value in nulled["rows"]:
                    model._default_manager.filter(pk=pk).update(**{nulled["field"]: value})
                tables.add(model._meta.db_table)
            connection.check_constraints(table_names=sorted(tables))
            audit_record(
                actor=actor,
                organization=item.organization,
                action=AuditEvent.Action.CREATE,
                target=root,
                target_type=_root_label(item),
                details={"restored_from_trash": item.pk},
            )
            item.delete()
    except IntegrityError as error:
        raise TrashError(
            _("It cannot be restored: a record it belonged to has been deleted or changed since.")
        ) from error


def _model(label: str) -> type[models.Model]:
    from django.apps import apps

    return apps.get_model(label)


def _root_label(item: TrashItem) -> str:
    return "participants.Person" if item.kind == TrashItem.Kind.PERSON else "roadmap.RoadmapEvent"


def _stored_files(item: TrashItem) -> list[FieldFile]:
    files: list[FieldFile] = []
    rows = json.dumps(item.payload.get("rows", []))
    try:
        for obj in serializers.deserialize("json", rows, ignorenonexistent=True):
            for field in obj.object._meta.concrete_fields:
                if isinstance(field, FileField):
                    stored = getattr(obj.object, field.attname)
                    if stored:
                        files.append(stored)
    except serializers.base.DeserializationError:
        return files
    return files


def trash_erase(*, actor: Any, item: TrashItem, reason: str = "purge") -> None:
    """Delete the kept copy for good, with the files its rows had."""
    files = _stored_files(item)
    with transaction.atomic():
        audit_record(
            actor=actor,
            organization=item.organization,
            action=AuditEvent.Action.ERASE if reason == "erase" else AuditEvent.Action.DELETE,
            target=item,
            details={"object_id": item.object_id, "reason": reason},
            people=item.person_ids,
        )
        item.delete()
        for stored in files:
            transaction.on_commit(partial(stored.delete, save=False))


def trash_purge(*, now: datetime | None = None) -> int:
    """Erase what has been in the trash longer than ``TRASH_DAYS``; returns how many."""
    limit = (now or timezone.now()) - timedelta(days=TRASH_DAYS)
    count = 0
    for item in TrashItem.objects.filter(deleted_at__lt=limit).select_related("organization"):
        trash_erase(actor=None, item=item, reason="purge")
        count += 1
    return count


def trash_items(organization: Organization) -> models.QuerySet[TrashItem]:
    return TrashItem.objects.filter(organization=organization).select_related(
        "deleted_by", "programme__academic_year"
    )


def trash_expires(item: TrashItem) -> datetime:
    return item.deleted_at + timedelta(days=TRASH_DAYS)


# --- The undo of the last destructive action of a session -----------------------------------------


@dataclass(frozen=True)
class Undo:
    url: str
    label: str
    data: dict[str, Any]
    at: datetime

    @property
    def until(self) -> datetime:
        return self.at + timedelta(minutes=UNDO_MINUTES)


def undo_remember(
    request: HttpRequest, *, url: str, label: str, data: dict[str, Any], now: datetime | None = None
) -> None:
    """Keep the last destructive action of this session (one: a new one replaces the previous)."""
    request.session[SESSION_KEY] = {
        "url": url,
        "label": label,
        "data": data,
        "at": (now or timezone.now()).isoformat(),
    }


def undo_pending(request: HttpRequest, *, now: datetime | None = None) -> Undo | None:
    """The action that may still be undone, or None when there is none or its minutes have passed."""
    session = getattr(request, "session", None)
    if session is None:
        return None
    kept = session.get(SESSION_KEY)
    if not isinstance(kept, dict):
        return None
    try:
        undo = Undo(
            url=str(kept["url"]),
            label=str(kept.get("label", "")),
            data=dict(kept["data"]),
            at=datetime.fromisoformat(kept["at"]),
        )
    except (KeyError, TypeError, ValueError):
        return None
    if (now or timezone.now()) > undo.until:
        return None
    return undo


def undo_take(request: HttpRequest, url: str, *, now: datetime | None = None) -> Undo | None:
    """The pending undo answered by ``url``, removed from the session; None if expired or another one."""
    undo = undo_pending(request, now=now)
    if undo is None or undo.url != url:
        return None
    del request.session[SESSION_KEY]
    return undo


def undo_forget(request: HttpRequest) -> None:
    request.session.pop(SESSION_KEY, None)
