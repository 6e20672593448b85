"""The core every app needs: organisations, academic years, programmes, memberships, jobs, audit."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .academic_years import academic_year_bounds, academic_year_label


class User(AbstractUser):
    """A person who logs in. Russian names have three parts: «Фамилия Имя Отчество»."""

    patronymic = models.CharField(_("patronymic"), max_length=150, blank=True)

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        ordering = ["last_name", "first_name", "patronymic"]

    def get_full_name(self) -> str:
        return " ".join(part for part in (self.last_name, self.first_name, self.patronymic) if part).strip()

    def get_short_name(self) -> str:
        return " ".join(part for part in (self.first_name, self.patronymic) if part).strip() or self.username


class Organization(models.Model):
    """An educational organisation (ОО, СПО, ДО), a municipal education authority or a regional body.

    The chain: region (РНЦ, ministry, ИРО) → municipal authorities → schools, colleges, centres. An
    organisation may also sit directly under the region (a regional college). ``PARENT_KINDS`` are the
    bodies with organisations below them; their figures are the sum of the organisations below.
    """

    class Kind(models.TextChoices):
        SCHOOL = "school", _("School")
        COLLEGE = "college", _("College")
        SUPPLEMENTARY = "supplementary", _("Supplementary education centre")
        MUNICIPAL_AUTHORITY = "municipal_authority", _("Municipal education authority")
        REGION = "region", _("Regional body (regional mentoring centre, ministry, institute)")

    name = models.CharField(_("full name"), max_length=500)
    short_name = models.CharField(_("short name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices, default=Kind.SCHOOL)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("authority above"),
        related_name="children",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        limit_choices_to={"kind__in": [Kind.MUNICIPAL_AUTHORITY, Kind.REGION]},
    )
    region = models.CharField(_("region"), max_length=200, blank=True)
    slug = models.SlugField(_("address in links"), max_length=80, unique=True)
    head_name = models.CharField(_("head (director) full name"), max_length=200, blank=True)
    head_position = models.CharField(_("head position"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["short_name"]

    def __str__(self) -> str:
        return self.short_name or self.name

    # Kinds that have organisations below them (and see them at aggregates only, ``mentoring.access``).
    PARENT_KINDS = frozenset({Kind.MUNICIPAL_AUTHORITY, Kind.REGION})
    # Which kinds an organisation of each kind may sit under.
    ALLOWED_PARENT_KINDS: ClassVar[dict[str, frozenset[str]]] = {
        Kind.SCHOOL: frozenset({Kind.MUNICIPAL_AUTHORITY, Kind.REGION}),
        Kind.COLLEGE: frozenset({Kind.MUNICIPAL_AUTHORITY, Kind.REGION}),
        Kind.SUPPLEMENTARY: frozenset({Kind.MUNICIPAL_AUTHORITY, Kind.REGION}),
        Kind.MUNICIPAL_AUTHORITY: frozenset({Kind.REGION}),
        Kind.REGION: frozenset(),
    }

    @property
    def is_municipal_authority(self) -> bool:
        return self.kind == self.Kind.MUNICIPAL_AUTHORITY

    @property
    def is_region(self) -> bool:
        return self.kind == self.Kind.REGION

    @property
    def is_oversight_body(self) -> bool:
        """A municipal authority or a region: its figures are those of the organisations below it."""
        return self.kind in self.PARENT_KINDS

    def clean(self) -> None:
        if self.parent is not None:
            if self.parent_id == self.pk:
                raise ValidationError({"parent": _("An organisation cannot be its own parent.")})
            allowed: frozenset[str] = self.ALLOWED_PARENT_KINDS.get(self.kind, frozenset())
            if self.parent.kind not in allowed:
                if self.kind == self.Kind.REGION:
                    message = _("A region has no organisation above it.")
                elif self.kind == self.Kind.MUNICIPAL_AUTHORITY:
                    message = _("A municipal authority may only sit under a region.")
                else:
                    message = _("The parent must be a municipal education authority or a region.")
                raise ValidationError({"parent": message})


class AcademicYear(models.Model):
    """An academic year, 1 September – 31 August, identified by the year it starts."""

    start_year = models.PositiveSmallIntegerField(_("first calendar year"), unique=True)

    class Meta:
        verbose_name = _("academic year")
        verbose_name_plural = _("academic years")
        ordering = ["-start_year"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start_year__gte=2000, start_year__lte=2100), name="academic_year_sane_range"
            )
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return academic_year_label(self.start_year)

    @property
    def start_date(self) -> date:
        return academic_year_bounds(self.start_year)[0]

    @property
    def end_date(self) -> date:
        return academic_year_bounds(self.start_year)[1]


class Programme(models.Model):
    """An organisation's mentoring work in one academic year, with the contingent KPIs divide by."""

    organization = models.ForeignKey(
        Organization, verbose_name=_("organisation"), related_name="programmes", on_delete=models.CASCADE
    )
    academic_year = models.ForeignKey(
        AcademicYear, verbose_name=_("academic year"), related_name="programmes", on_delete=models.PROTECT
    )
    pupils_total = models.PositiveIntegerField(_("pupils / students"), default=0)
    pupils_with_disabilities = models.PositiveIntegerField(
        _("pupils with disabilities or special educational needs (ОВЗ)"), default=0
    )
    teachers_total = models.PositiveIntegerField(_("teachers"), default=0)
    young_teachers_total = models.PositiveIntegerField(_("teachers under 35"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["organization__short_name", "-academic_year__start_year"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "academic_year"], name="programme_one_per_year"),
            models.CheckConstraint(
                condition=Q(pupils_with_disabilities__lte=F("pupils_total")),
                name="programme_disabled_within_pupils",
            ),
            models.CheckConstraint(
                condition=Q(young_teachers_total__lte=F("teachers_total")),
                name="programme_young_within_teachers",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization} — {self.academic_year}"


class Role(models.TextChoices):
    ADMINISTRATOR = "administrator", _("Administrator")
    CURATOR = "curator", _("Curator")
    MENTOR = "mentor", _("Mentor")
    PSYCHOLOGIST = "psychologist", _("Psychologist")
    MUNICIPAL_COORDINATOR = "municipal_coordinator", _("Municipal coordinator")
    REGIONAL_COORDINATOR = "regional_coordinator", _("Regional coordinator")


class Membership(models.Model):
    """A user's role in an organisation. One user may hold several roles and organisations."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), related_name="memberships", on_delete=models.CASCADE
    )
    organization = models.ForeignKey(
        Organization, verbose_name=_("organisation"), related_name="memberships", on_delete=models.CASCADE
    )
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["organization__short_name", "user__last_name", "user__first_name"]
        constraints = [
            models.UniqueConstraint(fields=["user", "organization", "role"], name="membership_unique_role"),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} ({self.organization})"

    def clean(self) -> None:
        if (
            self.role == Role.MUNICIPAL_COORDINATOR
            and self.organization_id
            and not self.organization.is_municipal_authority
        ):
            raise ValidationError(
                {"role": _("A municipal coordinator belongs to a municipal education authority.")}
            )
        if self.role == Role.REGIONAL_COORDINATOR and self.organization_id and not self.organization.is_region:
            raise ValidationError({"role": _("A regional coordinator belongs to a regional body.")})


class StaffInvitation(models.Model):
    """A one-time way in for a new staff member: an e-mailed link or a printed sheet with a code.

    Only a hash of the secret is kept. An invitation is used once (``used_at``), ends at ``expires_at``,
    and is revoked when a newer one is issued for the same account (``revoked_at``).
    """

    class Channel(models.TextChoices):
        EMAIL = "email", _("E-mail")
        SHEET = "sheet", _("Printed sheet")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        related_name="invitations",
        on_delete=models.CASCADE,
    )
    organization = models.ForeignKey(
        Organization, verbose_name=_("organisation"), related_name="invitations", on_delete=models.CASCADE
    )
    channel = models.CharField(_("channel"), max_length=8, choices=Channel.choices)
    secret_hash = models.CharField(_("secret hash"), max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    expires_at = models.DateTimeField(_("valid until"))
    used_at = models.DateTimeField(_("used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("replaced by a newer one"), null=True, blank=True)
    failed_attempts = models.PositiveSmallIntegerField(_("wrong codes entered"), default=0)

    class Meta:
        verbose_name = _("staff invitation")
        verbose_name_plural = _("staff invitations")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} № {self.pk} ({self.created_at:%d.%m.%Y})"

    @property
    def is_open(self) -> bool:
        return self.used_at is None and self.revoked_at is None and self.expires_at > timezone.now()


class EndedAccess(models.Model):
    """Access ended in one organisation for an account that also works in another one.

    The account stays on there, so this organisation's memberships are deleted (no access check can miss
    them); this row remembers which roles they were, so that «Восстановить доступ» gives exactly those
    back (and is then deleted). A person in one organisation only is switched off instead (``is_active``).
    """

    organization = models.ForeignKey(
        Organization, verbose_name=_("organisation"), related_name="ended_accesses", on_delete=models.CASCADE
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        related_name="ended_accesses",
        on_delete=models.CASCADE,
    )
    roles = models.JSONField(_("roles held"), default=list, blank=True)
    ended_at = models.DateTimeField(_("access ended"), default=timezone.now)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ended by"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("ended access")
        verbose_name_plural = _("ended accesses")
        ordering = ["user__last_name", "user__first_name", "user__username"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "user"], name="ended_access_unique_user"),
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.organization})"

    @property
    def role_labels(self) -> list[str]:
        return [str(Role(role).label) for role in self.roles if role in Role.values]


def job_result_path(job: Job, filename: str) -> str:
    return f"jobs/{job.organization_id}/{job.pk}/{filename}"


class Job(models.Model):
    """A long operation (import, matching, report) run by Celery, with progress and a result file."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(_("kind"), max_length=100)
    title = models.CharField(_("title"), max_length=300)
    organization = models.ForeignKey(
        Organization, verbose_name=_("organisation"), related_name="jobs", on_delete=models.CASCADE
    )
    academic_year = models.ForeignKey(
        AcademicYear, verbose_name=_("academic year"), on_delete=models.PROTECT, null=True, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        related_name="jobs",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(_("progress, %"), default=0)
    message = models.CharField(_("stage"), max_length=300, blank=True)
    error = models.TextField(_("error"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    # The Celery task that does the work, and when the broker accepted it (empty: never reached it,
    # e.g. Redis was down; such jobs are sent again by mentoring.tasks.requeue_stale_jobs).
    task = models.CharField(_("task"), max_length=200, blank=True)
    dispatched_at = models.DateTimeField(_("sent to the queue"), null=True, blank=True)
    result_file = models.FileField(_("result file"), upload_to=job_result_path, max_length=500, blank=True)
    result_name = models.CharField(_("file name"), max_length=300, blank=True)
    contains_personal_data = models.BooleanField(_("contains personal data"), default=False)
    expires_at = models.DateTimeField(_("file kept until"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now, db_index=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("background job")
        verbose_name_plural = _("background jobs")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["organization", "created_by", "-created_at"], name="job_history_idx")]
        constraints = [models.CheckConstraint(condition=Q(progress__lte=100), name="job_progress_max_100")]

    def __str__(self) -> str:
        return f"{self.title} ({self.get_status_display()})"

    @property
    def is_finished(self) -> bool:
        return self.status in {self.Status.DONE, self.Status.FAILED}

    @property
    def seems_stalled(self) -> bool:
        """Sent to the queue JOB_STALLED_AFTER seconds ago and still not started: no worker seems to run."""
        return (
            self.status == self.Status.QUEUED
            and self.dispatched_at is not None
            and self.progress == 0
            and self.dispatched_at <= timezone.now() - timedelta(seconds=settings.JOB_STALLED_AFTER)
        )

    @property
    def is_expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= timezone.now()

    @property
    def has_result(self) -> bool:
        return self.status == self.Status.DONE and bool(self.result_file) and not self.is_expired

    @property
    def file_erased(self) -> bool:
        """Its file was deleted when a consent was withdrawn (not when its storage period ended)."""
        return (
            self.status == self.Status.DONE
            and bool(self.result_name)
            and not self.result_file
            and not self.expires_at
        )


class AuditEvent(models.Model):
    """Who did what to which record: every change, every read and every export of personal data.

    A row keeps the record's type and id and the NAMES of the fields that changed, never their values
    nor the name of the person concerned, so the trail itself never needs erasing after a consent is
    withdrawn. ``people`` lists the ids of the people the record concerns (`` 12 34 ``) for the
    journal's filter by person; ``actor_name`` keeps who did it even after the account is gone.
    """

    class Action(models.TextChoices):
        CREATE = "create", _("Created")
        UPDATE = "update", _("Changed")
        DELETE = "delete", _("Deleted")
        EXPORT = "export", _("Exported")
        DOWNLOAD = "download", _("Downloaded")
        VIEW = "view", _("Viewed")
        ERASE = "erase", _("Erased after withdrawal of consent")

    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("who"), on_delete=models.SET_NULL, null=True, blank=True
    )
    actor_name = models.CharField(_("who (name at the time)"), max_length=300, blank=True)
    organization = models.ForeignKey(
        Organization, verbose_name=_("organisation"), on_delete=models.SET_NULL, null=True, blank=True
    )
    action = models.CharField(_("action"), max_length=16, choices=Action.choices)
    target_type = models.CharField(_("object type"), max_length=100)
    target_id = models.CharField(_("object id"), max_length=64, blank=True)
    target_repr = models.CharField(_("object"), max_length=300, blank=True)
    fields = models.JSONField(_("changed fields"), default=list, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)
    people = models.TextField(_("people concerned (ids)"), blank=True, editable=False)

    class Meta:
        verbose_name = _("audit record")
        verbose_name_plural = _("audit records")
        ordering = ["-at"]
        indexes = [models.Index(fields=["organization", "-at"], name="audit_org_time_idx")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name} {self.get_action_display()} {self.target_label}"

    @property
    def target_label(self) -> str:
        """What the row is about, for people: an explicit label, else the record's kind and number."""
        if self.target_repr:
            return self.target_repr
        model = _model_for_label(self.target_type)
        kind = str(model._meta.verbose_name) if model is not None else self.target_type
        kind = kind[:1].upper() + kind[1:]
        return f"{kind} № {self.target_id}" if self.target_id else kind

    @property
    def person_ids(self) -> list[int]:
        return [int(part) for part in self.people.split()]


def _model_for_label(label: str) -> type[models.Model] | None:
    from django.apps import apps

    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


class SignInEvent(models.Model):
    """One sign-in, failed sign-in, lock-out or sign-out: who, when, from where, through which door.

    Written by ``mentoring.signin.SignInHandler`` (django-axes keeps the counters that lock a user name
    at one address in the cache, Redis in production; this is the journal an administrator reads). The account name is kept only for an
    existing account: what a stranger typed into the name field (often a password) is not stored.
    """

    class Kind(models.TextChoices):
        SIGNED_IN = "signed_in", _("Signed in")
        FAILED = "failed", _("Wrong password")
        LOCKED_OUT = "locked_out", _("Locked out after too many wrong passwords")
        REFUSED = "refused", _("Refused: sign-in is locked")
        SIGNED_OUT = "signed_out", _("Signed out")

    class Door(models.TextChoices):
        LOGIN = "login", _("Login page")
        ADMIN = "admin", _("Administration site")
        PASSWORD_CHANGE = "password_change", _("Password change")

    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    kind = models.CharField(_("event"), max_length=16, choices=Kind.choices)
    door = models.CharField(_("where"), max_length=16, choices=Door.choices, default=Door.LOGIN)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        related_name="signin_events",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    username = models.CharField(_("account"), max_length=150, blank=True)
    ip_address = models.GenericIPAddressField(_("address"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("sign-in record")
        verbose_name_plural = _("sign-in journal")
        ordering = ["-at", "-pk"]
        indexes = [
            models.Index(fields=["user", "-at"], name="signin_user_time_idx"),
            models.Index(fields=["username", "ip_address", "kind", "-at"], name="signin_lockout_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username or '—'} {self.get_kind_display()} {self.ip_address}"


class TrashItem(models.Model):
    """A deleted record with everything its deletion took along, kept to be restored for a while.

    Deleting a person or a roadmap event really deletes the rows (so no list, count, report, KPI or
    matching can ever see them) and keeps here their serialized copy, the rows' own and those of the
    records the deletion cascaded to, and the fields it set to null elsewhere. Restoring saves the same
    rows back with the same ids. It holds personal data: it is seen only by the school's curator or
    administrator, purged after ``TRASH_DAYS`` (``mentoring.tasks.purge_trash``) and erased with the
    person when their consent is withdrawn.
    """

    class Kind(models.TextChoices):
        PERSON = "person", _("Person")
        EVENT = "event", _("Roadmap event")

    organization = models.ForeignKey(
        Organization, verbose_name=_("organisation"), related_name="+", on_delete=models.CASCADE
    )
    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), related_name="+", on_delete=models.CASCADE, null=True
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    label = models.CharField(_("record"), max_length=300)
    object_id = models.PositiveIntegerField(_("record id"))
    person_ids = models.JSONField(_("people concerned (ids)"), default=list, blank=True, editable=False)
    payload = models.JSONField(_("deleted record"), default=dict, blank=True, editable=False)
    deleted_at = models.DateTimeField(_("deleted"), default=timezone.now, db_index=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("deleted by"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("deleted record")
        verbose_name_plural = _("trash")
        ordering = ["-deleted_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} № {self.object_id}"
