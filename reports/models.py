"""What the reports remember per organisation: the columns of the exported bases."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from mentoring.models import Organization


class BaseKind(models.TextChoices):
    MENTEES = "mentees", _("Mentee base")
    MENTORS = "mentors", _("Mentor base")


class BaseColumnSet(models.Model):
    """The columns, in order, an organisation wants in the export of one of its bases.

    Without a row the export has every column of the catalogue in the catalogue's order. Keys that
    are no longer in the catalogue are skipped when the export is built.
    """

    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        related_name="base_column_sets",
        on_delete=models.CASCADE,
    )
    kind = models.CharField(_("base"), max_length=16, choices=BaseKind.choices)
    columns = models.JSONField(_("columns"), default=list, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("columns of a base export")
        verbose_name_plural = _("columns of base exports")
        constraints = [
            models.UniqueConstraint(fields=["organization", "kind"], name="base_column_set_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.organization}: {self.get_kind_display()}"

    def clean(self) -> None:
        from .participant_reports import catalogue

        if not isinstance(self.columns, list) or not all(isinstance(key, str) for key in self.columns):
            raise ValidationError({"columns": _("Give the columns as a list of column keys.")})
        known = {column.key for column in catalogue(self.kind)}
        unknown = [key for key in self.columns if key not in known]
        if unknown:
            raise ValidationError({"columns": _("Unknown columns: %(keys)s.") % {"keys": ", ".join(unknown)}})
        if len(set(self.columns)) != len(self.columns):
            raise ValidationError({"columns": _("A column is listed twice.")})


class StatisticsLayout(models.Model):
    """The rows and columns of the statistics for the РНЦ as a region or a school wants them.

    A school uses its own layout, else its municipal authority's (the region's template), else the
    built-in default. ``data`` is ``{"rows": [{label, measure, filter}], "columns": [{label, breakdown}]}``
    in the codes of ``reports/statistics.py``.
    """

    organization = models.OneToOneField(
        Organization,
        verbose_name=_("organisation"),
        related_name="statistics_layout",
        on_delete=models.CASCADE,
    )
    name = models.CharField(_("name of the template"), max_length=300)
    data = models.JSONField(_("rows and columns"), default=dict)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("statistics template")
        verbose_name_plural = _("statistics templates")

    def __str__(self) -> str:
        return self.name


class AnalyticalConclusions(models.Model):
    """What the curator writes into the analytical report of a programme year."""

    programme = models.OneToOneField(
        "mentoring.Programme",
        verbose_name=_("programme"),
        related_name="analytical_conclusions",
        on_delete=models.CASCADE,
    )
    achievements = models.TextField(_("main results of the year"), blank=True)
    problems = models.TextField(_("difficulties and their causes"), blank=True)
    conclusions = models.TextField(_("conclusions"), blank=True)
    next_year = models.TextField(_("tasks for the next year"), blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("conclusions of the analytical report")
        verbose_name_plural = _("conclusions of analytical reports")

    def __str__(self) -> str:
        return str(self.programme)
