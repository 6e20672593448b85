"""Reads shared by the monitoring sub-domains: the organisation's monitoring settings, with the defaults
when none were saved.

The KPI age band is inherited down the tree: an organisation that set none counts in the band of the
nearest organisation above it that did (a region's 10–19 for its municipalities and schools), else in
``DEFAULT_KPI_AGE_BAND`` — as a statistics layout is inherited.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist

from mentoring.hierarchy import DEPTH
from mentoring.models import Organization

from .models import DEFAULT_KPI_AGE_BAND, MonitoringSettings


def settings_for(organization: Organization) -> MonitoringSettings:
    """Saved settings, or an unsaved instance holding the defaults (reading never writes). The band is
    the organisation's own (empty when it inherits one: ``kpi_band_for``) — this is what its form edits."""
    found = MonitoringSettings.objects.filter(organization=organization).first()
    return found or MonitoringSettings(organization=organization)


@dataclass(frozen=True)
class KpiBand:
    low: int
    high: int
    source: Organization | None  # the organisation above whose band this is; None: its own or the default
    own: bool


def _own_settings(organization: Organization) -> MonitoringSettings | None:
    try:
        return organization.monitoring_settings
    except ObjectDoesNotExist:
        return None


def _saved_band(found: MonitoringSettings | None) -> tuple[int, int] | None:
    """The (low, high) ages the settings give, or None when either is empty (or there are none)."""
    if found is None or found.kpi_age_min is None or found.kpi_age_max is None:
        return None
    return found.kpi_age_min, found.kpi_age_max


def counted_band(chosen: MonitoringSettings) -> tuple[int, int]:
    """The (low, high) ages of settings read by ``settings_for_many`` (always filled there; else the default)."""
    return _saved_band(chosen) or DEFAULT_KPI_AGE_BAND


def _chain_query(organization_ids: Iterable[int]):
    """The organisations with their own settings and those of every organisation above (1 query)."""
    related = ["monitoring_settings"]
    link = "parent"
    for _level in range(DEPTH):
        related += [link, f"{link}__monitoring_settings"]
        link += "__parent"
    return Organization.objects.filter(pk__in=list(organization_ids)).select_related(*related)


def _band(organization: Organization) -> KpiBand:
    own = _saved_band(_own_settings(organization))
    if own is not None:
        return KpiBand(*own, None, True)
    above = organization.parent
    for _level in range(DEPTH):
        if above is None:
            break
        found = _saved_band(_own_settings(above))
        if found is not None:
            return KpiBand(*found, above, False)
        above = above.parent
    return KpiBand(*DEFAULT_KPI_AGE_BAND, None, False)


def settings_for_many(organization_ids: Iterable[int]) -> dict[int, MonitoringSettings]:
    """Settings of several organisations in one query (defaults for those without), for reading: the
    KPI band on each is the one it counts in — its own, else inherited from above, else the default.
    Never save these instances."""
    ids = list(organization_ids)
    found: dict[int, MonitoringSettings] = {}
    for organization in _chain_query(ids):
        chosen = _own_settings(organization) or MonitoringSettings(organization_id=organization.pk)
        band = _band(organization)
        chosen.kpi_age_min, chosen.kpi_age_max = band.low, band.high
        found[organization.pk] = chosen
    for pk in ids:  # an id with no organisation (deleted meanwhile) still gets the defaults
        if pk not in found:
            found[pk] = MonitoringSettings(
                organization_id=pk, kpi_age_min=DEFAULT_KPI_AGE_BAND[0], kpi_age_max=DEFAULT_KPI_AGE_BAND[1]
            )
    return found


def kpi_band_for(organization: Organization) -> KpiBand:
    """The band the organisation's KPIs count in, and where it comes from (1 query)."""
    return _band(_chain_query([organization.pk]).get())


def inherited_band(organization: Organization) -> KpiBand:
    """The band the organisation would count in without one of its own (1 query)."""
    parent_id = organization.parent_id
    if parent_id is None:
        return KpiBand(*DEFAULT_KPI_AGE_BAND, None, False)
    parent = _chain_query([parent_id]).get()
    band = _band(parent)
    if band.own:  # the parent's own band is what the organisation inherits
        return KpiBand(band.low, band.high, parent, False)
    return band
