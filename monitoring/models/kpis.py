"""Monitoring, KPIs: indicators, yearly targets, snapshots, stored metrics, SWOT and the information campaign."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from mentoring.models import Organization, Programme

# --------------------------------------------------------------------------------------------------
# SWOT


class SwotItem(models.Model):
    class Quadrant(models.TextChoices):
        STRENGTH = "strength", _("Strengths")
        WEAKNESS = "weakness", _("Weaknesses")
        OPPORTUNITY = "opportunity", _("Opportunities")
        THREAT = "threat", _("Threats")

    programme = models.ForeignKey(Programme, verbose_name=_("programme"), related_name="swot_items", on_delete=models.CASCADE)
    quadrant = models.CharField(_("quadrant"), max_length=16, choices=Quadrant.choices)
    text = models.TextField(_("text"))
    position = models.PositiveIntegerField(_("position"), default=0)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.SET_NULL, null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("SWOT item")
        verbose_name_plural = _("SWOT items")
        ordering = ["quadrant", "position", "id"]

    def __str__(self) -> str:
        return self.text[:100]


# --------------------------------------------------------------------------------------------------
# KPIs


class Indicator(models.Model):
    """A KPI defined as data: a numerator computed from the data over a denominator.

    ``numerator`` and ``denominator`` name metrics computed by ``monitoring.kpis.selectors``; shared
    indicators (no organisation) are seeded by a data migration.
    """

    class Unit(models.TextChoices):
        PERCENT = "percent", _("percent")
        COUNT = "count", _("count")

    class Direction(models.TextChoices):
        HIGHER = "higher", _("the more the better")
        LOWER = "lower", _("the less the better")

    organization = models.ForeignKey(
        Organization,
        verbose_name=_("only for organisation"),
        related_name="indicators",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
    )
    key = models.SlugField(_("key"), max_length=80)
    name = models.CharField(_("name"), max_length=500)
    numerator = models.CharField(_("numerator"), max_length=64)
    denominator = models.CharField(_("denominator"), max_length=64, blank=True)
    use_age_band = models.BooleanField(_("count only pupils of the age band"), default=False)
    unit = models.CharField(_("unit"), max_length=8, choices=Unit.choices, default=Unit.PERCENT)
    direction = models.CharField(
        _("direction"), max_length=8, choices=Direction.choices, default=Direction.HIGHER
    )
    roadmap_match = models.CharField(
        _("words that find it in a roadmap's KPI table"), max_length=300, blank=True
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["key"], condition=Q(organization__isnull=True), name="indicator_shared_key_unique"
            ),
            models.UniqueConstraint(fields=["organization", "key"], name="indicator_own_key_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class IndicatorTarget(models.Model):
    class Source(models.TextChoices):
        MANUAL = "manual", _("entered by hand")
        ROADMAP = "roadmap", _("from the roadmap")

    indicator = models.ForeignKey(Indicator, verbose_name=_("indicator"), related_name="targets", on_delete=models.CASCADE)
    programme = models.ForeignKey(Programme, verbose_name=_("programme"), related_name="indicator_targets", on_delete=models.CASCADE)
    value = models.DecimalField(_("target"), max_digits=10, decimal_places=2)
    source = models.CharField(_("source"), max_length=8, choices=Source.choices, default=Source.MANUAL)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("yearly target")
        verbose_name_plural = _("yearly targets")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "programme"], name="target_once_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value}"


class KpiSnapshot(models.Model):
    """The value of an indicator on a day, kept for the chart over time."""

    programme = models.ForeignKey(Programme, verbose_name=_("programme"), related_name="kpi_snapshots", on_delete=models.CASCADE)
    indicator = models.ForeignKey(Indicator, verbose_name=_("indicator"), related_name="snapshots", on_delete=models.CASCADE)
    taken_on = models.DateField(_("date"))
    numerator = models.FloatField(_("numerator"))
    denominator = models.FloatField(_("denominator"), null=True, blank=True)
    value = models.FloatField(_("value"), null=True, blank=True)
    target = models.DecimalField(_("target"), max_digits=10, decimal_places=2, null=True, blank=True)

    class Meta:
        verbose_name = _("KPI snapshot")
        verbose_name_plural = _("KPI snapshots")
        ordering = ["taken_on"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "indicator", "taken_on"], name="snapshot_once_a_day")
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.taken_on:%d.%m.%Y}: {self.value}"


class InformationActivity(models.Model):
    """The information campaign log: publications, parent meetings, class hours…"""

    class Kind(models.TextChoices):
        PUBLICATION = "publication", _("Publication")
        PARENT_MEETING = "parent_meeting", _("Parent meeting")
        CLASS_HOUR = "class_hour", _("Class hour")
        GRADUATES_MEETING = "graduates_meeting", _("Meeting with graduates")
        COMMON_EVENT = "common_event", _("Common event of the programme")
        OTHER = "other", pgettext_lazy("information activity", "Other")

    programme = models.ForeignKey(Programme, verbose_name=_("programme"), related_name="information_activities", on_delete=models.CASCADE)
    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices)
    date = models.DateField(_("date"))
    title = models.CharField(_("title"), max_length=500)
    link = models.URLField(_("link"), max_length=1000, blank=True)
    attendance = models.PositiveIntegerField(_("attended"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.SET_NULL, null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("information activity")
        verbose_name_plural = _("information campaign")
        ordering = ["-date", "-id"]

    def __str__(self) -> str:
        return self.title




class MetricSummary(models.Model):
    """One metric of a programme (``monitoring.kpis.selectors.programme_metrics``) stored for the levels above.

    A region's console adds up these rows of 1,500 organisations in the database instead of counting
    500,000 pupils on every view. Written only by ``monitoring.kpis.summaries.summaries_refresh`` — from the
    periodic job, the monthly snapshots and the jobs that change many figures at once (imports,
    accepted matching); a row older than ``REGION_FIGURES_MAX_AGE_MINUTES`` is not trusted and the
    programme is counted live instead (``monitoring.kpis.selectors``).
    """

    programme = models.ForeignKey(Programme, verbose_name=_("programme"), related_name="metric_summaries", on_delete=models.CASCADE)
    key = models.CharField(_("metric"), max_length=80)
    value = models.FloatField(_("value"))
    refreshed_at = models.DateTimeField(_("counted at"), db_index=True)

    class Meta:
        verbose_name = _("stored metric")
        verbose_name_plural = _("stored metrics")
        constraints = [models.UniqueConstraint(fields=["programme", "key"], name="metric_summary_once")]

    def __str__(self) -> str:
        return f"{self.programme_id}:{self.key}={self.value}"
