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
        from .bases.reports import catalogue

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
    in the codes of ``reports/statistics/calc.py``.
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


def order_copy_path(order: Order, filename: str) -> str:
    """Where the frozen copies of a signed order are stored (through the default storage)."""
    return f"orders/{order.organization_id}/{order.pk}/{filename}"


class OrderKind(models.TextChoices):
    """The orders (приказы) of the mentoring programme a school issues, in the order of the year."""

    MODEL = "model", _("On introducing the target mentoring model")
    REGULATION = "regulation", _("On approving the regulation on mentoring")
    CURATOR = "curator", _("On appointing the curator and the working group")
    ROADMAP = "roadmap", _("On approving the roadmap")
    PAIRING = "pairing", _("On fixing the mentoring pairs (groups)")
    PLANS = "plans", _("On approving the individual plans")
    REWARD = "reward", _("On rewarding the participants")
    CANCEL = "cancel", _("On declaring an order invalid")


class OrderQuerySet(models.QuerySet):
    def in_force(self) -> OrderQuerySet:
        """Orders no signed order has declared invalid (a draft cancelling order changes nothing)."""
        return self.exclude(cancelling_orders__signed=True)


class Order(models.Model):
    """An order (приказ) of the organisation: a record with its requisites, text and the objects it fixes.

    The PDF and the Word file are two renderings of this record; producing either changes nothing.
    Names in the text are kept in the record as they were declined when the order was drawn up; the
    people it concerns are its items (rendered with their current, possibly anonymised, names).
    """

    organization = models.ForeignKey(
        Organization, verbose_name=_("organisation"), related_name="orders", on_delete=models.CASCADE
    )
    programme = models.ForeignKey(
        "mentoring.Programme", verbose_name=_("programme"), related_name="orders", on_delete=models.CASCADE
    )
    kind = models.CharField(_("kind"), max_length=16, choices=OrderKind.choices)
    number = models.CharField(_("number"), max_length=50)
    day = models.DateField(_("date"))
    title = models.CharField(_("title"), max_length=500, help_text=_("«О …»"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    preamble = models.TextField(_("preamble"), blank=True)
    points = models.JSONField(_("points"), default=list, blank=True)
    signatory_position = models.CharField(_("signatory's position"), max_length=200, blank=True)
    signatory_name = models.CharField(_("signatory"), max_length=200, blank=True)
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("curator named in the order"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    responsible_name = models.CharField(_("curator's full name"), max_length=300, blank=True)
    responsible_position = models.CharField(_("curator's position"), max_length=200, blank=True)
    # An order «О признании утратившим силу приказа …» names the order it cancels; that order loses its
    # force when this one is signed, not before.
    cancels = models.ForeignKey(
        "self",
        verbose_name=_("order declared invalid"),
        related_name="cancelling_orders",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    # A draft until the secretary marks it signed. A draft entered by mistake is deleted; a signed order
    # is not: the director cancels it by another order, as the school's register keeps every number.
    signed = models.BooleanField(_("signed"), default=False)
    # The files as signed: rendered once when the order is marked signed and given out unchanged ever
    # after, whatever happens later to the template, the names or the pairs. A draft renders live.
    pdf_copy = models.FileField(_("PDF as signed"), upload_to=order_copy_path, max_length=500, blank=True)
    docx_copy = models.FileField(
        _("Word file as signed"), upload_to=order_copy_path, max_length=500, blank=True
    )
    frozen_at = models.DateTimeField(_("files fixed"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("drawn up by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    objects = OrderQuerySet.as_manager()

    class Meta:
        verbose_name = _("order")
        verbose_name_plural = _("orders")
        ordering = ["-day", "-pk"]
        indexes = [models.Index(fields=["programme", "kind"], name="order_programme_kind_idx")]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(kind="cancel") & models.Q(cancels__isnull=False))
                | (~models.Q(kind="cancel") & models.Q(cancels__isnull=True)),
                name="order_cancels_only_by_a_cancelling_order",
            )
        ]

    def __str__(self) -> str:
        return f"{self.requisites} «{self.title}»"

    @property
    def requisites(self) -> str:
        """«от 01.09.2026 № 45-ОД» — how another document cites this order."""
        return _("of %(day)s No. %(number)s") % {"day": self.day.strftime("%d.%m.%Y"), "number": self.number}


class OrderItem(models.Model):
    """An object an order fixes: a pair (group), a plan or a person, with the person's role in the order."""

    class Role(models.TextChoices):
        MENTOR = "mentor", _("Mentor")
        MENTEE = "mentee", _("Mentee")
        REWARDED = "rewarded", _("Rewarded")
        WORKING_GROUP = "working_group", _("Member of the working group")

    order = models.ForeignKey(Order, verbose_name=_("order"), related_name="items", on_delete=models.CASCADE)
    position = models.PositiveIntegerField(_("position"), default=0)
    group = models.ForeignKey(
        "pairing.MentoringGroup",
        verbose_name=_("pair or group"),
        related_name="order_items",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
    )
    plan = models.ForeignKey(
        "monitoring.IndividualPlan",
        verbose_name=_("individual plan"),
        related_name="order_items",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
    )
    person = models.ForeignKey(
        "participants.Person",
        verbose_name=_("person"),
        related_name="order_items",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("object of an order")
        verbose_name_plural = _("objects of orders")
        ordering = ["order", "position", "pk"]

    def __str__(self) -> str:
        return f"{self.order}: {self.person or self.group or self.plan}"


class DocumentRequisites(models.Model):
    """What the documents of an organisation print that its card does not hold."""

    organization = models.OneToOneField(
        Organization,
        verbose_name=_("organisation"),
        related_name="document_requisites",
        on_delete=models.CASCADE,
    )
    place = models.CharField(
        _("place"), max_length=200, blank=True, help_text=_("The town or village printed under «ПРИКАЗ».")
    )
    regulation_number = models.CharField(
        _("number of the order approving the regulation on mentoring"), max_length=50, blank=True
    )
    regulation_date = models.DateField(_("date of that order"), null=True, blank=True)
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
        verbose_name = _("requisites of documents")
        verbose_name_plural = _("requisites of documents")

    def __str__(self) -> str:
        return str(self.organization)


class DocumentTemplate(models.Model):
    """A school's own Word template of a document (docxtpl); without one the built-in default is used."""

    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        related_name="document_templates",
        on_delete=models.CASCADE,
    )
    key = models.CharField(_("document"), max_length=50)
    filename = models.CharField(_("file name"), max_length=300)
    content = models.BinaryField(_("template"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now=True)

    class Meta:
        verbose_name = _("document template")
        verbose_name_plural = _("document templates")
        constraints = [
            models.UniqueConstraint(fields=["organization", "key"], name="document_template_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.organization}: {self.key}"


class MonitoringWindow(models.Model):
    """A collection period an oversight organisation opens: every organisation below it hands in its
    statistics in the opener's layout by the deadline (``reports/windows/services.py``).

    The layout is copied when the window opens, so that every school is counted the same way whatever
    the opener changes in its template later. The figures are counted for the academic year up to
    ``as_of`` (the reporting period of the window).
    """

    opener = models.ForeignKey(
        Organization, verbose_name=_("opened by"), related_name="opened_windows", on_delete=models.CASCADE
    )
    academic_year = models.ForeignKey(
        "mentoring.AcademicYear",
        verbose_name=_("academic year"),
        related_name="monitoring_windows",
        on_delete=models.PROTECT,
    )
    title = models.CharField(_("title"), max_length=300)
    instructions = models.TextField(_("instructions for the organisations"), blank=True)
    opens_on = models.DateField(_("collection opens"))
    deadline = models.DateField(_("hand in by"))
    as_of = models.DateField(_("figures as of"))
    layout_name = models.CharField(_("name of the template"), max_length=300)
    layout = models.JSONField(_("rows and columns"), default=dict)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("opened by (user)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    class Meta:
        verbose_name = _("monitoring window")
        verbose_name_plural = _("monitoring windows")
        ordering = ["-deadline", "-pk"]
        indexes = [models.Index(fields=["opener", "academic_year"], name="window_opener_year_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(deadline__gte=models.F("opens_on")), name="window_deadline_after_opening"
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None


class WindowSubmission(models.Model):
    """One version of the figures an organisation handed in for a window: a frozen snapshot.

    ``data`` holds the counted cells and their parts (numerator, denominator) in the window's layout,
    the contingent and the period — numbers only, never a name. A resubmission adds a version and marks
    it current; the earlier ones stay as the history.
    """

    window = models.ForeignKey(
        MonitoringWindow,
        verbose_name=_("monitoring window"),
        related_name="submissions",
        on_delete=models.CASCADE,
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        related_name="window_submissions",
        on_delete=models.CASCADE,
    )
    version = models.PositiveSmallIntegerField(_("version"))
    is_current = models.BooleanField(_("current version"), default=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handed in by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    submitted_by_name = models.CharField(_("handed in by (name at the time)"), max_length=300, blank=True)
    submitted_at = models.DateTimeField(_("handed in"))
    late = models.BooleanField(_("after the deadline"), default=False)
    comment = models.TextField(_("comment"), blank=True)
    data = models.JSONField(_("figures"), default=dict)

    class Meta:
        verbose_name = _("submission of statistics")
        verbose_name_plural = _("submissions of statistics")
        ordering = ["window", "organization", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["window", "organization", "version"], name="window_submission_version_unique"
            ),
            models.UniqueConstraint(
                fields=["window", "organization"],
                condition=models.Q(is_current=True),
                name="window_submission_one_current",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.window}: {self.organization} v{self.version}"


class WindowReminder(models.Model):
    """One reminder letter to an organisation that has not handed in: at most one a day per window."""

    window = models.ForeignKey(MonitoringWindow, verbose_name=_("monitoring window"), related_name="reminders", on_delete=models.CASCADE)
    organization = models.ForeignKey(Organization, verbose_name=_("organisation"), related_name="+", on_delete=models.CASCADE)
    sent_on = models.DateField(_("sent on"))
    recipients = models.PositiveSmallIntegerField(_("recipients"), default=0)

    class Meta:
        verbose_name = _("reminder to hand in statistics")
        verbose_name_plural = _("reminders to hand in statistics")
        constraints = [
            models.UniqueConstraint(
                fields=["window", "organization", "sent_on"], name="window_reminder_once_a_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.sent_on} {self.window} → {self.organization}"
