"""The roadmap (дорожная карта): a programme's ordered sections of events, with periods and evidence."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from mentoring.models import Programme

from .periods import Period
from .periods import Recurrence as PeriodRecurrence


class RoadmapSection(models.Model):
    """A section (раздел / этап) of a roadmap."""

    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), related_name="roadmap_sections", on_delete=models.CASCADE
    )
    title = models.CharField(_("section title"), max_length=500, blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("roadmap section")
        verbose_name_plural = _("roadmap sections")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.title or str(_("Without a section"))


class RoadmapEvent(models.Model):
    """An event (мероприятие) of the roadmap."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", pgettext_lazy("roadmap event", "Done")
        CANCELLED = "cancelled", _("Cancelled")

    OPEN_STATUSES = (Status.PLANNED, Status.IN_PROGRESS)

    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), related_name="roadmap_events", on_delete=models.CASCADE
    )
    section = models.ForeignKey(
        RoadmapSection, verbose_name=_("section"), related_name="events", on_delete=models.CASCADE
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    number = models.CharField(_("number"), max_length=32, blank=True)
    title = models.TextField(_("content"))
    period_text = models.TextField(_("period as written"), blank=True)
    expected_result = models.TextField(_("expected result (kind of document)"), blank=True)
    kpi_text = models.TextField(_("KPI"), blank=True)
    responsible_users = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible members"),
        related_name="roadmap_events",
        blank=True,
    )
    responsible_text = models.TextField(
        _("other responsible"),
        blank=True,
        help_text=_("Roles or names, one per line, e.g. «Зам. директора по УВР»."),
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PLANNED)
    completed_on = models.DateField(_("completion date"), null=True, blank=True)
    deadline = models.DateField(_("deadline"), null=True, blank=True, editable=False, db_index=True)
    starts_on = models.DateField(_("starts"), null=True, blank=True, editable=False)
    # the first due date not yet reported: the deadline, or for a schedule («ежемесячно до 25 числа»)
    # the due day of its first occurrence without a report; «overdue» and reminders go by it
    next_due = models.DateField(_("next due"), null=True, blank=True, editable=False, db_index=True)
    recurring = models.BooleanField(_("recurring"), default=False, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("roadmap event")
        verbose_name_plural = _("roadmap events")
        ordering = ["section__position", "section_id", "position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="done", completed_on__isnull=False) | ~Q(status="done"),
                name="roadmap_event_done_has_date",
            )
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title}".strip()[:200]

    @property
    def responsible_lines(self) -> list[str]:
        return [line.strip() for line in self.responsible_text.splitlines() if line.strip()]

    @property
    def due(self) -> date | None:
        """The first due date not reported yet (rows written without ``next_due`` fall back to the deadline)."""
        return self.next_due or self.deadline

    def is_overdue(self, today: date) -> bool:
        return self.status in self.OPEN_STATUSES and self.due is not None and self.due < today

    @classmethod
    def overdue_q(cls, today: date) -> Q:
        """The SQL twin of :meth:`is_overdue`."""
        return Q(status__in=cls.OPEN_STATUSES) & (
            Q(next_due__lt=today) | Q(next_due__isnull=True, deadline__lt=today)
        )

    @property
    def done_on_time(self) -> bool:
        return (
            self.status == self.Status.DONE
            and self.completed_on is not None
            and (self.deadline is None or self.completed_on <= self.deadline)
        )


class EventPeriod(models.Model):
    """One period of an event: dates, whether it repeats every year, its schedule, and the text it came from."""

    class Recurrence(models.TextChoices):
        NONE = "", _("Once")
        WEEK = "week", _("Every week")
        MONTH = "month", _("Every month")
        QUARTER = "quarter", _("Every quarter")
        TERM = "term", _("Every school term")
        HALF = "half", _("Every half-year")

    event = models.ForeignKey(RoadmapEvent, verbose_name=_("event"), related_name="periods", on_delete=models.CASCADE)
    start = models.DateField(_("start"), null=True, blank=True)
    end = models.DateField(_("end"), null=True, blank=True)
    yearly = models.BooleanField(_("every year"), default=False)
    text = models.CharField(_("as written"), max_length=500, blank=True)
    recurrence = models.CharField(_("schedule"), max_length=8, choices=Recurrence.choices, blank=True)
    recurrence_day = models.PositiveSmallIntegerField(_("due day of the month"), null=True, blank=True)
    recurrence_weekday = models.PositiveSmallIntegerField(
        _("due weekday (0 = Monday)"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("event period")
        verbose_name_plural = _("event periods")
        ordering = ["start", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start__isnull=True) | Q(end__isnull=True) | Q(start__lte=models.F("end")),
                name="event_period_start_before_end",
            )
        ]

    def __str__(self) -> str:
        return self.text or f"{self.start} – {self.end}"

    def as_period(self) -> Period:
        schedule = (
            PeriodRecurrence(self.recurrence, day=self.recurrence_day, weekday=self.recurrence_weekday)
            if self.recurrence
            else None
        )
        return Period(self.start, self.end, self.yearly, self.text, recurrence=schedule)


def evidence_path(evidence: EventEvidence, filename: str) -> str:
    return f"roadmap/{evidence.event.programme_id}/{evidence.event_id}/{filename}"


class EventEvidence(models.Model):
    """Proof that an event happened: a file, a link, or a reference to an order or a protocol."""

    event = models.ForeignKey(RoadmapEvent, verbose_name=_("event"), related_name="evidence", on_delete=models.CASCADE)
    file = models.FileField(_("file"), upload_to=evidence_path, max_length=500, blank=True)
    url = models.URLField(_("link"), max_length=1000, blank=True)
    reference = models.CharField(
        _("document reference"),
        max_length=300,
        blank=True,
        help_text=_("For example «Приказ № 142/5-ОД от 30.08.2024»."),
    )
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("added by"), on_delete=models.SET_NULL, null=True, blank=True)
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(file="") | ~Q(url="") | ~Q(reference=""), name="event_evidence_not_empty"
            )
        ]

    def __str__(self) -> str:
        return self.reference or self.url or self.file.name or ""

    @property
    def filename(self) -> str:
        return self.file.name.rsplit("/", 1)[-1] if self.file.name else ""


class EventComment(models.Model):
    event = models.ForeignKey(RoadmapEvent, verbose_name=_("event"), related_name="comments", on_delete=models.CASCADE)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.SET_NULL, null=True)
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("written"), auto_now_add=True)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.text[:80]


class OccurrenceReport(models.Model):
    """One occurrence of a recurring event reported done («отчёт за октябрь сдан»)."""

    event = models.ForeignKey(RoadmapEvent, verbose_name=_("event"), related_name="occurrence_reports", on_delete=models.CASCADE)
    due = models.DateField(_("due"))
    completed_on = models.DateField(_("done on"))
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("added by"), on_delete=models.SET_NULL, null=True, blank=True)
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("occurrence report")
        verbose_name_plural = _("occurrence reports")
        ordering = ["due"]
        constraints = [models.UniqueConstraint(fields=["event", "due"], name="occurrence_reported_once")]

    def __str__(self) -> str:
        return f"{self.event_id} {self.due}"


class RoadmapImport(models.Model):
    """A saved roadmap import: what it created and what it replaced, so that it can be undone in one step."""

    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), related_name="roadmap_imports", on_delete=models.CASCADE
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("who imported"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("imported"), auto_now_add=True)
    filename = models.CharField(_("file"), max_length=300, blank=True)
    fingerprint = models.CharField(_("content fingerprint"), max_length=64, blank=True, db_index=True)
    replace = models.BooleanField(_("replaced the roadmap"), default=False)
    shifted_years = models.SmallIntegerField(_("dates moved by years"), default=0)
    events = models.PositiveIntegerField(_("events"), default=0)
    # what undoing needs: ids created, and the state of what was changed or deleted (see services)
    snapshot = models.JSONField(_("roadmap before the import"), default=dict)
    undone_at = models.DateTimeField(_("undone"), null=True, blank=True)

    class Meta:
        verbose_name = _("roadmap import")
        verbose_name_plural = _("roadmap imports")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.filename} ({self.created_at:%d.%m.%Y %H:%M})"


class KpiTarget(models.Model):
    """A yearly KPI target read from the roadmap's target table; the monitoring section uses them."""

    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), related_name="roadmap_kpi_targets", on_delete=models.CASCADE
    )
    name = models.TextField(_("indicator"))
    targets = models.JSONField(_("targets by year"), default=dict)
    final = models.CharField(_("final value"), max_length=300, blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("KPI target")
        verbose_name_plural = _("KPI targets")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.name[:100]


class ReminderLog(models.Model):
    """One row per reminder e-mail sent, so that nobody gets the same reminder twice a day."""

    class Kind(models.TextChoices):
        RESPONSIBLE = "responsible", _("Digest for a responsible person")
        CURATOR = "curator", _("Overdue digest for the curator")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="+")
    programme = models.ForeignKey(Programme, verbose_name=_("programme"), on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    sent_on = models.DateField(_("sent on"))
    events = models.PositiveIntegerField(_("events"), default=0)

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "programme", "kind", "sent_on"], name="reminder_once_a_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.sent_on} {self.get_kind_display()} → {self.user}"
