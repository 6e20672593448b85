"""Writes of the KPI theme: own indicators, yearly targets (by hand or from the roadmap), settings,
the information campaign log, the SWOT board and KPI snapshots. Keyword-only, atomic, audited."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from mentoring.models import AuditEvent, Organization, Programme, User
from mentoring.services import audit_record
from roadmap.models import KpiTarget

from ..models import (
    Indicator,
    IndicatorTarget,
    InformationActivity,
    KpiSnapshot,
    MonitoringSettings,
    SwotItem,
)
from . import calc
from .selectors import indicators_for_organizations, kpi_values


class KpiError(Exception):
    """An expected refusal, shown to the user as it is."""


def _changes(instance, fields: dict[str, Any]) -> dict[str, list[Any]]:
    changes = {}
    for name, value in fields.items():
        old = getattr(instance, name)
        if old != value:
            changes[name] = [str(old), str(value)]
            setattr(instance, name, value)
    return changes


# --- Indicators -------------------------------------------------------------------------------------

INDICATOR_FIELDS = (
    "name",
    "numerator",
    "denominator",
    "use_age_band",
    "unit",
    "direction",
    "roadmap_match",
    "position",
    "is_active",
)


@transaction.atomic
def indicator_save(
    *,
    actor: User | None,
    organization: Organization,
    indicator: Indicator | None = None,
    **fields: Any,
) -> Indicator:
    """Create an organisation's own indicator or change one; shared indicators are not editable here."""
    unknown = set(fields) - set(INDICATOR_FIELDS)
    if unknown:
        raise ValueError(f"Not indicator fields: {sorted(unknown)}")
    if indicator is None:
        indicator = Indicator(organization=organization, key=f"own-{uuid.uuid4().hex[:12]}", **fields)
        indicator.full_clean()
        indicator.save()
        audit_record(
            actor=actor,
            organization=organization,
            action=AuditEvent.Action.CREATE,
            target=indicator,
            changes={name: str(value) for name, value in fields.items()},
        )
        return indicator
    if indicator.organization_id != organization.pk:
        raise KpiError(_("Shared indicators cannot be changed; create your own one."))
    changes = _changes(indicator, fields)
    if changes:
        indicator.full_clean()
        indicator.save()
        audit_record(
            actor=actor,
            organization=organization,
            action=AuditEvent.Action.UPDATE,
            target=indicator,
            changes=changes,
        )
    return indicator


# --- Targets ----------------------------------------------------------------------------------------


@transaction.atomic
def targets_save(
    *, actor: User | None, programme: Programme, values: dict[int, Decimal | None]
) -> int:
    """Set this year's targets by hand: ``{indicator_id: value or None}`` (None removes the target).

    Returns how many targets changed. Only the organisation's active indicators are accepted.
    """
    allowed = {i.pk for i in indicators_for_organizations([programme.organization_id])}
    existing = {t.indicator_id: t for t in IndicatorTarget.objects.filter(programme=programme)}
    changes: dict[str, list[str]] = {}
    for indicator_id, value in values.items():
        if indicator_id not in allowed:
            raise KpiError(_("Unknown indicator."))
        found = existing.get(indicator_id)
        if value is None:
            if found is not None:
                changes[str(indicator_id)] = [str(found.value), ""]
                found.delete()
            continue
        if found is None:
            IndicatorTarget.objects.create(
                indicator_id=indicator_id,
                programme=programme,
                value=value,
                source=IndicatorTarget.Source.MANUAL,
            )
            changes[str(indicator_id)] = ["", str(value)]
        elif found.value != value:
            changes[str(indicator_id)] = [str(found.value), str(value)]
            found.value = value
            found.source = IndicatorTarget.Source.MANUAL
            found.save(update_fields=["value", "source", "updated_at"])
    if changes:
        audit_record(
            actor=actor,
            organization=programme.organization,
            action=AuditEvent.Action.UPDATE,
            target=programme,
            target_type="monitoring.IndicatorTarget",
            target_repr=_("KPI targets of %(year)s") % {"year": programme.academic_year.label},
            changes=changes,
        )
    return len(changes)


@dataclass
class RoadmapMatch:
    indicator: Indicator
    row: str
    year: str
    value: Decimal


@dataclass
class RoadmapTargetsResult:
    matched: list[RoadmapMatch] = field(default_factory=list)
    unmatched_indicators: list[Indicator] = field(default_factory=list)
    unused_rows: list[str] = field(default_factory=list)
    source_year: str = ""  # the academic year whose roadmap the rows came from


def roadmap_kpi_rows(programme: Programme) -> tuple[list[KpiTarget], Programme | None]:
    """The KPI table of this year's roadmap or, when this year has none, of the latest earlier year of
    the organisation (a roadmap for 2020–2024 is imported once, into its first year)."""
    rows = list(KpiTarget.objects.filter(programme=programme).order_by("position", "pk"))
    if rows:
        return rows, programme
    earlier = (
        Programme.objects.filter(
            organization_id=programme.organization_id,
            academic_year__start_year__lt=programme.academic_year.start_year,
            roadmap_kpi_targets__isnull=False,
        )
        .select_related("academic_year")
        .order_by("-academic_year__start_year")
        .first()
    )
    if earlier is None:
        return [], None
    return list(KpiTarget.objects.filter(programme=earlier).order_by("position", "pk")), earlier


@transaction.atomic
def targets_from_roadmap(*, actor: User | None, programme: Programme) -> RoadmapTargetsResult:
    """Fill this year's targets from the roadmap's KPI table.

    Each active indicator with ``roadmap_match`` words takes the first row they match that no other
    indicator took; the value is the one of the calendar year in which the academic year ends (or,
    when the table stops a year earlier, of the year it starts — ``calc.target_year_key``).
    """
    rows, source = roadmap_kpi_rows(programme)
    if not rows:
        raise KpiError(
            _("The roadmap of this year has no table of KPI targets. Import a roadmap that has one.")
        )
    result = RoadmapTargetsResult(source_year=source.academic_year.label if source else "")
    used: set[int] = set()
    existing = {t.indicator_id: t for t in IndicatorTarget.objects.filter(programme=programme)}
    changes: dict[str, list[str]] = {}
    for indicator in indicators_for_organizations([programme.organization_id]):
        if not indicator.roadmap_match.strip():
            continue
        chosen = None
        for row in rows:
            if row.pk in used or not calc.words_match(indicator.roadmap_match, row.name):
                continue
            year = calc.target_year_key(programme.academic_year.start_year, row.targets)
            if year is None:
                continue
            chosen = (row, year)
            break
        if chosen is None:
            result.unmatched_indicators.append(indicator)
            continue
        row, year = chosen
        used.add(row.pk)
        value = Decimal(str(row.targets[year])).quantize(Decimal("0.01"))
        result.matched.append(RoadmapMatch(indicator=indicator, row=row.name, year=year, value=value))
        found = existing.get(indicator.pk)
        if found is None:
            IndicatorTarget.objects.create(
                indicator=indicator, programme=programme, value=value, source=IndicatorTarget.Source.ROADMAP
            )
            changes[indicator.key] = ["", str(value)]
        elif found.value != value or found.source != IndicatorTarget.Source.ROADMAP:
            changes[indicator.key] = [str(found.value), str(value)]
            found.value = value
            found.source = IndicatorTarget.Source.ROADMAP
            found.save(update_fields=["value", "source", "updated_at"])
    result.unused_rows = [row.name for row in rows if row.pk not in used]
    if changes:
        audit_record(
            actor=actor,
            organization=programme.organization,
            action=AuditEvent.Action.UPDATE,
            target=programme,
            target_type="monitoring.IndicatorTarget",
            target_repr=_("KPI targets of %(year)s from the roadmap")
            % {"year": programme.academic_year.label},
            changes=changes,
        )
    return result


# --- Settings ---------------------------------------------------------------------------------------

SETTINGS_FIELDS = ("kpi_age_min", "kpi_age_max", "stale_pair_days", "satisfied_from", "invitation_days")


@transaction.atomic
def settings_save(
    *, actor: User | None, organization: Organization, **fields: Any
) -> MonitoringSettings:
    unknown = set(fields) - set(SETTINGS_FIELDS)
    if unknown:
        raise ValueError(f"Not settings fields: {sorted(unknown)}")
    saved, created = MonitoringSettings.objects.get_or_create(organization=organization)
    changes = _changes(saved, fields)
    if changes or created:
        saved.full_clean()
        saved.save()
        audit_record(
            actor=actor,
            organization=organization,
            action=AuditEvent.Action.CREATE if created else AuditEvent.Action.UPDATE,
            target=saved,
            changes=changes,
        )
    return saved


# --- Information campaign ---------------------------------------------------------------------------

ACTIVITY_FIELDS = ("kind", "date", "title", "link", "attendance", "notes")


@transaction.atomic
def activity_save(
    *,
    actor: User | None,
    programme: Programme,
    activity: InformationActivity | None = None,
    **fields: Any,
) -> InformationActivity:
    unknown = set(fields) - set(ACTIVITY_FIELDS)
    if unknown:
        raise ValueError(f"Not activity fields: {sorted(unknown)}")
    if activity is None:
        activity = InformationActivity(programme=programme, created_by=actor, **fields)
        activity.full_clean()
        activity.save()
        audit_record(
            actor=actor,
            organization=programme.organization,
            action=AuditEvent.Action.CREATE,
            target=activity,
            changes={name: str(value) for name, value in fields.items()},
        )
        return activity
    if activity.programme_id != programme.pk:
        raise KpiError(_("This entry belongs to another year."))
    changes = _changes(activity, fields)
    if changes:
        activity.full_clean()
        activity.save()
        audit_record(
            actor=actor,
            organization=programme.organization,
            action=AuditEvent.Action.UPDATE,
            target=activity,
            changes=changes,
        )
    return activity


@transaction.atomic
def activity_delete(*, actor: User | None, activity: InformationActivity) -> None:
    audit_record(
        actor=actor,
        organization=activity.programme.organization,
        action=AuditEvent.Action.DELETE,
        target=activity,
        changes={"kind": activity.kind, "date": str(activity.date), "title": activity.title},
    )
    activity.delete()


# --- SWOT -------------------------------------------------------------------------------------------


@transaction.atomic
def swot_item_add(
    *, actor: User | None, programme: Programme, quadrant: str, text: str
) -> SwotItem:
    text = text.strip()
    if not text:
        raise KpiError(_("Write the text of the item."))
    last = SwotItem.objects.filter(programme=programme, quadrant=quadrant).aggregate(m=Max("position"))["m"]
    item = SwotItem(
        programme=programme, quadrant=quadrant, text=text, position=(last or 0) + 1, created_by=actor
    )
    item.full_clean()
    item.save()
    audit_record(
        actor=actor,
        organization=programme.organization,
        action=AuditEvent.Action.CREATE,
        target=item,
        changes={"quadrant": quadrant, "text": text},
    )
    return item


@transaction.atomic
def swot_item_update(*, actor: User | None, item: SwotItem, quadrant: str, text: str) -> SwotItem:
    text = text.strip()
    if not text:
        raise KpiError(_("Write the text of the item."))
    if quadrant != item.quadrant:
        last = SwotItem.objects.filter(programme_id=item.programme_id, quadrant=quadrant).aggregate(
            m=Max("position")
        )["m"]
        item.position = (last or 0) + 1
    changes = _changes(item, {"quadrant": quadrant, "text": text})
    if changes:
        item.full_clean()
        item.save()
        audit_record(
            actor=actor,
            organization=item.programme.organization,
            action=AuditEvent.Action.UPDATE,
            target=item,
            changes=changes,
        )
    return item


@transaction.atomic
def swot_item_delete(*, actor: User | None, item: SwotItem) -> None:
    audit_record(
        actor=actor,
        organization=item.programme.organization,
        action=AuditEvent.Action.DELETE,
        target=item,
        changes={"quadrant": item.quadrant, "text": item.text},
    )
    item.delete()


@transaction.atomic
def swot_item_move(*, actor: User | None, item: SwotItem, direction: str) -> SwotItem:
    """Move an item one place up or down within its quadrant (positions are renumbered 1…n)."""
    if direction not in ("up", "down"):
        raise KpiError(_("Unknown direction."))
    siblings = list(
        SwotItem.objects.select_for_update()
        .filter(programme_id=item.programme_id, quadrant=item.quadrant)
        .order_by("position", "pk")
    )
    index = next(i for i, sibling in enumerate(siblings) if sibling.pk == item.pk)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(siblings):
        siblings[index], siblings[other] = siblings[other], siblings[index]
        for position, sibling in enumerate(siblings, start=1):
            sibling.position = position
        SwotItem.objects.bulk_update(siblings, ["position"])
        audit_record(
            actor=actor,
            organization=item.programme.organization,
            action=AuditEvent.Action.UPDATE,
            target=item,
            changes={"position": [index + 1, other + 1]},
        )
    return item


# --- Snapshots --------------------------------------------------------------------------------------


@transaction.atomic
def snapshots_take(
    *, programmes: Iterable[Programme], taken_on: date, actor: User | None = None
) -> int:
    """Store every KPI value of the programmes as of ``taken_on`` (one row per indicator and day:
    a second snapshot the same day replaces the first). Returns the number of rows written."""
    programmes = list(programmes)
    values = kpi_values(programmes, today=taken_on)
    rows = [
        KpiSnapshot(
            programme_id=programme_id,
            indicator=value.indicator,
            taken_on=taken_on,
            numerator=value.numerator,
            denominator=value.denominator,
            value=value.value,
            target=Decimal(str(value.target)).quantize(Decimal("0.01")) if value.target is not None else None,
        )
        for programme_id, items in values.items()
        for value in items
    ]
    KpiSnapshot.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["programme", "indicator", "taken_on"],
        update_fields=["numerator", "denominator", "value", "target"],
        batch_size=500,
    )
    if actor is not None:
        for programme in programmes:
            audit_record(
                actor=actor,
                organization=programme.organization,
                action=AuditEvent.Action.CREATE,
                target=programme,
                target_type="monitoring.KpiSnapshot",
                target_repr=_("KPI snapshot of %(day)s") % {"day": taken_on.strftime("%d.%m.%Y")},
            )
    return len(rows)
