"""Monitoring: individual plans, meeting diaries, questionnaires, SWOT, KPIs and their targets, cases.

The models of the whole section live in this one module; the logic around them is split by theme in
``services/``, ``selectors/``, ``tasks/`` and the ``*_views.py`` modules.
"""

from __future__ import annotations

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from mentoring.models import Organization, Programme
from pairing.models import MentoringForm, MentoringGroup
from participants.models import Person

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


# --------------------------------------------------------------------------------------------------
# Cases (best practices) for the final compendium


class Case(models.Model):
    """A story of a pair told by the curator: a best practice for the final compendium."""

    programme = models.ForeignKey(Programme, verbose_name=_("programme"), related_name="cases", on_delete=models.CASCADE)
    group = models.ForeignKey(
        MentoringGroup,
        verbose_name=_("pair or group"),
        related_name="cases",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    form = models.ForeignKey(
        MentoringForm, verbose_name=_("form of mentoring"), on_delete=models.SET_NULL, null=True, blank=True
    )
    title = models.CharField(_("title"), max_length=300)
    story = models.TextField(_("story"))
    position = models.PositiveIntegerField(_("position"), default=0)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.SET_NULL, null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.title


def case_photo_path(photo: CasePhoto, filename: str) -> str:
    return f"cases/{photo.case_id}/{uuid.uuid4().hex}-{filename}"


class CasePhoto(models.Model):
    """A photo of a case; it is printed only while everyone on it has a publication consent.

    Until then it is shown to no one but the curator and whoever uploaded it (``selectors.cases``).
    """

    case = models.ForeignKey(Case, verbose_name=_("case"), related_name="photos", on_delete=models.CASCADE)
    image = models.ImageField(_("photo"), upload_to=case_photo_path, max_length=500)
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    people = models.ManyToManyField(
        Person, verbose_name=_("who is on the photo"), related_name="case_photos", blank=True
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("case photo")
        verbose_name_plural = _("case photos")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.caption or self.image.name or ""


class MetricSummary(models.Model):
    """One metric of a programme (``selectors.kpis.programme_metrics``) stored for the levels above.

    A region's console adds up these rows of 1,500 organisations in the database instead of counting
    500,000 pupils on every view. Written only by ``services.summaries.summaries_refresh`` — from the
    periodic job, the monthly snapshots and the jobs that change many figures at once (imports,
    accepted matching); a row older than ``REGION_FIGURES_MAX_AGE_MINUTES`` is not trusted and the
    programme is counted live instead (``selectors.summaries``).
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
