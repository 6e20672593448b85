"""Monitoring, questionnaires: templates and their questions, campaigns, personal links, answers."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from mentoring.models import Organization, Programme
from pairing.models import MentoringForm, MentoringGroup
from participants.models import Person

# --------------------------------------------------------------------------------------------------
# Questionnaires


class Audience(models.TextChoices):
    MENTOR = "mentor", _("Mentors")
    MENTEE = "mentee", _("Mentees")
    CURATOR = "curator", _("Curator")
    PARENT = "parent", _("Parents")


class QuestionnaireTemplate(models.Model):
    """A questionnaire: its items, whom it is for, and what it is used for.

    Shared templates (no organisation) are written by the team and seeded by a data migration; an
    organisation may add its own.
    """

    class Purpose(models.TextChoices):
        INTAKE = "intake", _("Intake (requests, competencies)")
        NETWORKING = "networking", _("Networking preferences")
        SATISFACTION = "satisfaction", _("Satisfaction")
        CURATOR = "curator", _("Curator questionnaire")
        DIAGNOSTICS = "diagnostics", _("Diagnostics before/after")
        OTHER = "other", _("Other")

    organization = models.ForeignKey(
        Organization,
        verbose_name=_("only for organisation"),
        related_name="questionnaire_templates",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
    )
    key = models.SlugField(_("key"), max_length=80)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("introduction for respondents"), blank=True)
    purpose = models.CharField(_("purpose"), max_length=16, choices=Purpose.choices, default=Purpose.OTHER)
    audience = models.CharField(_("for whom"), max_length=16, choices=Audience.choices)
    form = models.ForeignKey(
        MentoringForm,
        verbose_name=_("form of mentoring"),
        related_name="questionnaire_templates",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        help_text=_("Empty: any form."),
    )
    is_active = models.BooleanField(_("in use"), default=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("questionnaire template")
        verbose_name_plural = _("questionnaire templates")
        ordering = ["position", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["key"], condition=Q(organization__isnull=True), name="questionnaire_shared_key_unique"
            ),
            models.UniqueConstraint(fields=["organization", "key"], name="questionnaire_own_key_unique"),
        ]

    def __str__(self) -> str:
        return self.title


class QuestionItem(models.Model):
    """One question of a template."""

    class Kind(models.TextChoices):
        SCALE = "scale", _("Scale 1–10")
        YES_NO = "yes_no", _("Yes / no")
        SINGLE = "single", _("Single choice")
        MULTIPLE = "multiple", _("Multiple choice")
        TEXT = "text", _("Open answer")
        RANKING = "ranking", _("Ranked choice of the other side")

    template = models.ForeignKey(
        QuestionnaireTemplate, verbose_name=_("questionnaire"), related_name="items", on_delete=models.CASCADE
    )
    key = models.SlugField(
        _("key"),
        max_length=80,
        help_text=_("Links the same question across campaigns (before/after) and into KPIs."),
    )
    text = models.TextField(_("question"))
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    required = models.BooleanField(_("required"), default=True)
    choices = models.JSONField(_("options"), default=list, blank=True)
    scale_min = models.PositiveSmallIntegerField(_("scale from"), default=1)
    scale_max = models.PositiveSmallIntegerField(_("scale to"), default=10)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["template", "key"], name="question_key_unique_in_template")
        ]

    def __str__(self) -> str:
        return self.text[:100]


class Campaign(models.Model):
    """A questionnaire sent to chosen participants of a programme year, each with a personal link."""

    class Stage(models.TextChoices):
        SINGLE = "single", _("Single measurement")
        BEFORE = "before", _("Before (start of the programme)")
        AFTER = "after", _("After (end of the programme)")

    programme = models.ForeignKey(
        Programme,
        verbose_name=_("programme"),
        related_name="questionnaire_campaigns",
        on_delete=models.CASCADE,
    )
    template = models.ForeignKey(
        QuestionnaireTemplate,
        verbose_name=_("questionnaire"),
        related_name="campaigns",
        on_delete=models.PROTECT,
    )
    title = models.CharField(_("title"), max_length=300)
    stage = models.CharField(_("stage"), max_length=8, choices=Stage.choices, default=Stage.SINGLE)
    baseline = models.ForeignKey(
        "self",
        verbose_name=_("compared with (the «before» campaign)"),
        related_name="followups",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    form = models.ForeignKey(
        MentoringForm,
        verbose_name=_("form of mentoring"),
        related_name="campaigns",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    expires_at = models.DateTimeField(_("links valid until"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("questionnaire campaign")
        verbose_name_plural = _("questionnaire campaigns")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title


def new_invitation_token() -> str:
    return secrets.token_urlsafe(24)


class Invitation(models.Model):
    """A personal link to answer a campaign: no account needed, works once, expires."""

    campaign = models.ForeignKey(Campaign, verbose_name=_("questionnaire campaign"), related_name="invitations", on_delete=models.CASCADE)
    person = models.ForeignKey(
        Person,
        verbose_name=_("participant"),
        related_name="questionnaire_invitations",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        related_name="questionnaire_invitations",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        help_text=_("For a curator questionnaire: the staff member who answers."),
    )
    group = models.ForeignKey(
        MentoringGroup,
        verbose_name=_("pair or group"),
        related_name="questionnaire_invitations",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    respondent = models.CharField(_("respondent"), max_length=16, choices=Audience.choices)
    token = models.CharField(_("link code"), max_length=64, unique=True, default=new_invitation_token, editable=False)
    expires_at = models.DateTimeField(_("valid until"))
    opened_at = models.DateTimeField(_("opened"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("personal link")
        verbose_name_plural = _("personal links")
        ordering = ["person__group_name", "person__last_name", "person__first_name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "person", "respondent"],
                condition=Q(person__isnull=False),
                name="invitation_once_per_person",
            )
        ]

    def __str__(self) -> str:
        return f"{self.campaign} — {self.person or self.user}"


class QuestionnaireResponse(models.Model):
    """The answers sent through one invitation (one at most)."""

    invitation = models.OneToOneField(Invitation, verbose_name=_("invitation"), related_name="response", on_delete=models.CASCADE)
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)

    class Meta:
        verbose_name = _("questionnaire response")
        verbose_name_plural = _("questionnaire responses")

    def __str__(self) -> str:
        return str(self.invitation)


class Answer(models.Model):
    """One answer. ``number`` holds scale values and yes (1) / no (0) for aggregation."""

    response = models.ForeignKey(QuestionnaireResponse, verbose_name=_("questionnaire response"), related_name="answers", on_delete=models.CASCADE)
    item = models.ForeignKey(QuestionItem, verbose_name=_("question"), related_name="answers", on_delete=models.CASCADE)
    number = models.FloatField(_("numeric answer"), null=True, blank=True)
    text = models.TextField(_("text"), blank=True)
    choices = models.JSONField(_("chosen options"), default=list, blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [models.UniqueConstraint(fields=["response", "item"], name="answer_once_per_item")]

    def __str__(self) -> str:
        return f"{self.item}: {self.number if self.number is not None else self.text or self.choices}"
