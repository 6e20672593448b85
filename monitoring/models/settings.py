"""Monitoring: the per-organisation settings of the section (the KPIs' age band, thresholds)."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from mentoring.models import Organization

# --------------------------------------------------------------------------------------------------
# Settings of an organisation for this section


DEFAULT_KPI_AGE_BAND = (10, 18)


class MonitoringSettings(models.Model):
    """Per-organisation settings of the monitoring section (created with defaults on first use)."""

    organization = models.OneToOneField(
        Organization,
        verbose_name=_("organisation"),
        related_name="monitoring_settings",
        on_delete=models.CASCADE,
    )
    stale_pair_days = models.PositiveSmallIntegerField(
        _("a pair is flagged after this many days without a meeting"), default=14
    )
    # the band of the KPIs' age: empty (both) = the band of the nearest organisation above that set one
    # (a region's 10–19 for its municipalities and schools), else ``DEFAULT_KPI_AGE_BAND``
    kpi_age_min = models.PositiveSmallIntegerField(_("KPI age band: from"), null=True, blank=True)
    kpi_age_max = models.PositiveSmallIntegerField(_("KPI age band: to"), null=True, blank=True)
    satisfied_from = models.PositiveSmallIntegerField(
        _("a respondent is satisfied from this score (1–10)"), default=7
    )
    invitation_days = models.PositiveSmallIntegerField(_("a personal link is valid, days"), default=30)

    class Meta:
        verbose_name = _("monitoring settings")
        verbose_name_plural = _("monitoring settings")
        constraints = [
            models.CheckConstraint(
                condition=Q(kpi_age_min__lte=models.F("kpi_age_max")), name="kpi_age_band_order"
            ),
            models.CheckConstraint(
                condition=Q(satisfied_from__gte=1, satisfied_from__lte=10), name="satisfied_from_1_10"
            ),
        ]

    def __str__(self) -> str:
        return str(self.organization)
