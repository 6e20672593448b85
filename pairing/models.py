"""Forms of mentoring (reference data) and the mentoring pairs and groups of a programme year."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from mentoring.models import Organization, Programme
from participants.models import Person


class MentoringForm(models.Model):
    """A form of mentoring («ученик – ученик», «учитель – учитель», …): who may mentor whom.

    Shared rows (no organisation) are seeded by a data migration and edited in the admin; a region or a
    school adds its own rows with its organisation set.
    """

    key = models.SlugField(_("key"), max_length=50)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("only for organisation"),
        related_name="mentoring_forms",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        help_text=_("Empty: available to every organisation of the kinds below."),
    )
    organization_kinds = models.JSONField(_("kinds of organisation that use it"), default=list, blank=True)
    mentor_kinds = models.JSONField(_("who may be a mentor"), default=list, blank=True)
    mentee_kinds = models.JSONField(_("who may be a mentee"), default=list, blank=True)
    default_capacity = models.PositiveSmallIntegerField(
        _("mentees per mentor by default, at most"), default=3
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("form of mentoring")
        verbose_name_plural = _("forms of mentoring")
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["key"],
                condition=Q(organization__isnull=True),
                name="mentoring_form_shared_key_unique",
            ),
            models.UniqueConstraint(fields=["organization", "key"], name="mentoring_form_own_key_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class RoleModel(models.Model):
    """A role model within a form, e.g. «успевающий – неуспевающий» for «ученик – ученик»."""

    form = models.ForeignKey(
        MentoringForm,
        verbose_name=_("form of mentoring"),
        related_name="role_models",
        on_delete=models.CASCADE,
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("role model")
        verbose_name_plural = _("role models")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class MentoringGroup(models.Model):
    """A mentoring pair or group: one or more mentors with one or more mentees (a pair is a group of two)."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", pgettext_lazy("pair status", "Proposed")
        ACTIVE = "active", pgettext_lazy("pair status", "Active")
        COMPLETED = "completed", pgettext_lazy("pair status", "Completed")
        TERMINATED = "terminated", pgettext_lazy("pair status", "Terminated")

    OPEN_STATUSES = (Status.PROPOSED, Status.ACTIVE)

    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), related_name="mentoring_groups", on_delete=models.CASCADE
    )
    form = models.ForeignKey(
        MentoringForm, verbose_name=_("form of mentoring"), related_name="groups", on_delete=models.PROTECT
    )
    role_model = models.ForeignKey(
        RoleModel,
        verbose_name=_("role model"),
        related_name="groups",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.ACTIVE)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    planned_end_date = models.DateField(_("planned end"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    closure_reason = models.TextField(_("reason for closing"), blank=True)
    results = models.TextField(_("results"), blank=True)
    order_number = models.CharField(_("order number"), max_length=100, blank=True)
    order_date = models.DateField(_("order date"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("mentoring pair or group")
        verbose_name_plural = _("mentoring pairs and groups")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(planned_end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(planned_end_date__gte=models.F("start_date")),
                name="group_end_after_start",
            )
        ]

    def __str__(self) -> str:
        """«Кузнецова О.П. — Иванов И. (Учитель – ученик)»: the pair by its people, as the school says it.

        A name shown here is never stored by the project's own audit (``audit_record`` keeps the kind and
        number); the admin's log keeps it, and erasure blanks it there (``participants.erasure``).
        """
        if self.pk is None:
            return str(self.form) if self.form_id else ""
        prefetched = getattr(self, "_prefetched_objects_cache", {}).get("members")
        members = prefetched if prefetched is not None else self.members.select_related("person")
        mentors = [member.person.short_name for member in members if member.role == GroupMember.Role.MENTOR]
        mentees = [member.person.short_name for member in members if member.role != GroupMember.Role.MENTOR]
        people = " — ".join(", ".join(names) for names in (mentors, mentees) if names)
        return f"{people} ({self.form})" if people else f"{self.form} № {self.pk}"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES


class GroupMember(models.Model):
    class Role(models.TextChoices):
        MENTOR = "mentor", _("Mentor")
        MENTEE = "mentee", _("Mentee")

    group = models.ForeignKey(MentoringGroup, verbose_name=_("pair or group"), related_name="members", on_delete=models.CASCADE)
    person = models.ForeignKey(
        Person, verbose_name=_("person"), related_name="group_memberships", on_delete=models.PROTECT
    )
    role = models.CharField(_("role"), max_length=8, choices=Role.choices)

    class Meta:
        verbose_name = _("member of a pair or group")
        verbose_name_plural = _("members of pairs and groups")
        ordering = ["role", "person__last_name", "person__first_name"]
        indexes = [
            # the members of a page of pairs, the mentees in open pairs: (group, role, person) without the rows
            models.Index(fields=["group", "role", "person"], name="group_member_role_idx"),
        ]
        constraints = [models.UniqueConstraint(fields=["group", "person"], name="group_member_once")]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()})"


class MatchingRun(models.Model):
    """One run of the matching engine for a form of mentoring: its settings, then its proposals."""

    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), related_name="matching_runs", on_delete=models.CASCADE
    )
    form = models.ForeignKey(
        MentoringForm,
        verbose_name=_("form of mentoring"),
        related_name="matching_runs",
        on_delete=models.PROTECT,
    )
    job = models.OneToOneField(
        "mentoring.Job",
        verbose_name=_("job"),
        related_name="matching_run",
        on_delete=models.SET_NULL,
        null=True,
    )
    settings = models.JSONField(_("settings"), default=dict)
    result = models.JSONField(_("result"), default=dict, blank=True)
    certified = models.BooleanField(
        _("optimum proved"),
        null=True,
        blank=True,
        help_text=_(
            "Whether the engine proved the run's objective optimal: no other assignment has a higher "
            "total score; with «Raise the worst pairs», none scores higher when lower scores count "
            "for more (the fair objective); with «Match as many as possible first», none has more "
            "pairs, and none with as many has a higher total. Empty for a stable assignment and for "
            "groups: they claim no optimum."
        ),
    )
    optimality_gap = models.FloatField(
        _("gap to the bound"),
        null=True,
        blank=True,
        help_text=_(
            "When not proved: how much, at most, a better assignment could add to the run's "
            "objective — points of total score; of the fair objective with «Raise the worst pairs»; "
            "with «Match as many as possible first», points where each pair also counts a bonus above "
            "any total (a gap above the bonus may mean one pair more). Empty when there is no bound "
            "or nothing was claimed."
        ),
    )
    created_by = models.ForeignKey(
        "mentoring.User", verbose_name=_("started by"), on_delete=models.SET_NULL, null=True, blank=True
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("matching run")
        verbose_name_plural = _("matching runs")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.form} — {self.created_at:%d.%m.%Y %H:%M}"

    @property
    def is_done(self) -> bool:
        return bool(self.result)
