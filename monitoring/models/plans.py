"""Monitoring, individual plans: the plan of a pair or group, its tasks, changes after approval."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pairing.models import MentoringGroup

# --------------------------------------------------------------------------------------------------
# Individual plans


class IndividualPlan(models.Model):
    """The individual plan of a pair or group: goals and tasks; approved by an order."""

    group = models.OneToOneField(
        MentoringGroup, verbose_name=_("pair or group"), related_name="plan", on_delete=models.CASCADE
    )
    goals = models.TextField(_("goals"), blank=True)
    order_number = models.CharField(_("order number"), max_length=100, blank=True)
    order_date = models.DateField(_("order date"), null=True, blank=True)
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("individual plan")
        verbose_name_plural = _("individual plans")

    def __str__(self) -> str:
        return str(self.group)

    @property
    def is_approved(self) -> bool:
        return self.approved_at is not None


def plan_evidence_path(task: PlanTask, filename: str) -> str:
    return f"plans/{task.plan_id}/{filename}"


class PlanTask(models.Model):
    """One line of an individual plan."""

    plan = models.ForeignKey(
        IndividualPlan, verbose_name=_("plan"), related_name="tasks", on_delete=models.CASCADE
    )
    activity = models.TextField(_("activity"))
    work_form = models.CharField(_("form of work"), max_length=300, blank=True)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    expected_result = models.TextField(_("expected result"), blank=True)
    done_on = models.DateField(_("done on"), null=True, blank=True)
    evidence = models.CharField(_("evidence (reference or link)"), max_length=500, blank=True)
    evidence_file = models.FileField(
        _("evidence file"), upload_to=plan_evidence_path, max_length=500, blank=True
    )
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("plan task")
        verbose_name_plural = _("plan tasks")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.activity[:100]

    @property
    def is_done(self) -> bool:
        return self.done_on is not None

    @property
    def overdue(self) -> bool:
        """Not done and its deadline has passed."""
        return self.done_on is None and self.deadline is not None and self.deadline < timezone.localdate()


class PlanChange(models.Model):
    """A change made to a plan after its approval: what, when and by whom."""

    plan = models.ForeignKey(IndividualPlan, verbose_name=_("individual plan"), related_name="changes", on_delete=models.CASCADE)
    at = models.DateTimeField(_("when"), auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("who"), on_delete=models.SET_NULL, null=True, blank=True
    )
    description = models.CharField(_("change"), max_length=500)
    details = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        verbose_name = _("change of an approved plan")
        verbose_name_plural = _("changes of approved plans")
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return self.description
