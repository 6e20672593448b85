"""Reads shared by the monitoring sub-domains: the organisation's monitoring settings, with the defaults
when none were saved."""

from __future__ import annotations

from mentoring.models import Organization

from .models import MonitoringSettings


def settings_for(organization: Organization) -> MonitoringSettings:
    """Saved settings, or an unsaved instance holding the defaults (reading never writes)."""
    found = MonitoringSettings.objects.filter(organization=organization).first()
    return found or MonitoringSettings(organization=organization)


def settings_for_many(organization_ids) -> dict[int, MonitoringSettings]:
    """Settings of several organisations in one query (defaults for those without)."""
    saved = {
        s.organization_id: s for s in MonitoringSettings.objects.filter(organization_id__in=organization_ids)
    }
    return {pk: saved.get(pk) or MonitoringSettings(organization_id=pk) for pk in organization_ids}
