"""Monitoring, the meeting diary: meetings of a pair or group and the reminders about silent pairs."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from pairing.models import MentoringGroup
from participants.models import Person

from .plans import PlanTask

# --------------------------------------------------------------------------------------------------
# Meeting diary


class Meeting(models.Model):
    """A diary entry of a pair or group."""

    class Kind(models.TextChoices):
        INTRODUCTION = "introduction", _("Getting-to-know meeting")
        TRIAL = "trial", _("Trial working meeting")
        PLANNING = "planning", _("Planning meeting")
        WORKING = "working", _("Working meeting")
        FINAL = "final", _("Final meeting")

    class Format(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")

    group = models.ForeignKey(
        MentoringGroup, verbose_name=_("pair or group"), related_name="meetings", on_delete=models.CASCADE
    )
    date = models.DateField(_("date"))
    kind = models.CharField(_("type"), max_length=16, choices=Kind.choices, default=Kind.WORKING)
    format = models.CharField(_("format"), max_length=16, choices=Format.choices, default=Format.IN_PERSON)
    duration_minutes = models.PositiveSmallIntegerField(_("duration, minutes"), null=True, blank=True)
    topic = models.CharField(_("topic"), max_length=500, blank=True)
    what_was_done = models.TextField(_("what was done"), blank=True)
    agreements = models.TextField(_("agreements"), blank=True)
    attendees = models.ManyToManyField(
        Person, verbose_name=_("mentees present"), related_name="meetings_attended", blank=True
    )
    plan_tasks = models.ManyToManyField(
        PlanTask, verbose_name=_("plan tasks it moved"), related_name="meetings", blank=True
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    # The mentor asks the school's psychologist to look at the pair; she (or a curator) marks it reviewed.
    needs_psychologist = models.BooleanField(_("needs the psychologist's help"), default=False)
    psychologist_reason = models.CharField(_("reason for the psychologist"), max_length=300, blank=True)
    flag_resolved_at = models.DateTimeField(_("reviewed by the psychologist at"), null=True, blank=True)
    flag_resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # A phone that sends the same form twice (a dropped connection) must not log the meeting twice.
    client_token = models.UUIDField(_("form token"), null=True, blank=True, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-date", "-id"]
        indexes = [
            models.Index(fields=["group", "-date"], name="meeting_group_date_idx"),
            models.Index(
                fields=["group"],
                name="meeting_open_flag_idx",
                condition=models.Q(needs_psychologist=True, flag_resolved_at__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date:%d.%m.%Y} {self.get_kind_display()}"


class MeetingReminder(models.Model):
    """A reminder e-mail sent to a mentor about a pair without meetings (once per silent spell)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="+")
    group = models.ForeignKey(MentoringGroup, verbose_name=_("pair or group"), on_delete=models.CASCADE, related_name="meeting_reminders")
    sent_on = models.DateField(_("sent on"))
    # The last meeting the pair had when the reminder went out (0: none): a new meeting starts a new spell.
    last_meeting_id = models.PositiveIntegerField(_("last meeting number"), default=0)

    class Meta:
        verbose_name = _("meeting reminder sent")
        verbose_name_plural = _("meeting reminders sent")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "group", "last_meeting_id"], name="meeting_reminder_once_per_spell"
            )
        ]

    def __str__(self) -> str:
        return f"{self.sent_on:%d.%m.%Y} {self.group}"
