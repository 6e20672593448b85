"""The bases of mentors and mentees: people, their yearly profiles, partner organisations, consents."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from mentoring.models import AcademicYear, Organization, Programme

from .ages import age_on, is_under_35
from .participation import Period, programme_periods, taking_part_in

if TYPE_CHECKING:
    from collections.abc import Iterable


class PartnerOrganization(models.Model):
    """An enterprise, НКО, university or college that provides mentors under an agreement."""

    class Kind(models.TextChoices):
        ENTERPRISE = "enterprise", _("Enterprise")
        NONPROFIT = "nonprofit", _("Non-profit organisation (НКО)")
        UNIVERSITY = "university", _("University")
        COLLEGE = "college", _("College")
        OTHER = "other", _("Other")

    organization = models.ForeignKey(
        Organization, verbose_name=_("organisation"), related_name="partners", on_delete=models.CASCADE
    )
    name = models.CharField(_("name"), max_length=500)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.ENTERPRISE)
    agreement_number = models.CharField(_("agreement number"), max_length=100, blank=True)
    agreement_date = models.DateField(_("agreement date"), null=True, blank=True)
    agreement_file = models.FileField(_("agreement file"), upload_to="partners/", max_length=500, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=300, blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=100, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


def short_name_of(last_name: str, first_name: str, patronymic: str) -> str:
    """«Иванова А.С.» from the parts of a name (``Person.short_name``; lists that read plain values)."""
    # written out rather than joined from a generator: a list of pairs builds hundreds of these per page
    if first_name:
        initials = f"{first_name[0]}.{patronymic[0]}." if patronymic else f"{first_name[0]}."
    else:
        initials = f"{patronymic[0]}." if patronymic else ""
    return f"{last_name} {initials}".strip()


class Person(models.Model):
    """A person in an organisation's bases: a pupil, a student, a teacher, a parent, a partner's employee."""

    class Kind(models.TextChoices):
        PUPIL = "pupil", _("Pupil")
        COLLEGE_STUDENT = "college_student", _("College student")
        TEACHER = "teacher", _("Teacher")
        OTHER_STAFF = "other_staff", _("Other staff")
        PARENT = "parent", _("Parent")
        GRADUATE = "graduate", _("Graduate")
        PARTNER_EMPLOYEE = "partner_employee", _("Partner's employee")
        UNIVERSITY_STUDENT = "university_student", _("University student")

    STAFF_KINDS = (Kind.TEACHER, Kind.OTHER_STAFF)
    LEARNER_KINDS = (Kind.PUPIL, Kind.COLLEGE_STUDENT)

    class Sex(models.TextChoices):
        FEMALE = "female", _("Female")
        MALE = "male", _("Male")

    class Category(models.TextChoices):
        NONE = "", _("No category")
        FIRST = "first", _("First category")
        HIGHEST = "highest", _("Highest category")
        PEDAGOGUE_MENTOR = "pedagogue_mentor", _("Педагог-наставник")
        PEDAGOGUE_METHODIST = "pedagogue_methodist", _("Педагог-методист")

    organization = models.ForeignKey(
        Organization, verbose_name=_("organisation"), related_name="people", on_delete=models.CASCADE
    )
    last_name = models.CharField(_("last name"), max_length=150)
    first_name = models.CharField(_("first name"), max_length=150)
    patronymic = models.CharField(_("patronymic"), max_length=150, blank=True)
    birth_date = models.DateField(_("birth date"), null=True, blank=True)
    sex = models.CharField(_("sex"), max_length=8, choices=Sex.choices, blank=True)
    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices, default=Kind.PUPIL)
    group_name = models.CharField(
        _("class or group"), max_length=32, blank=True, help_text=_("«7Б», «ИС-21»")
    )
    phone = models.CharField(_("phone"), max_length=100, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    guardian_name = models.CharField(_("parent (legal representative)"), max_length=300, blank=True)
    guardian_phone = models.CharField(_("parent's phone"), max_length=100, blank=True)
    position = models.CharField(pgettext_lazy("job title", "position"), max_length=200, blank=True)
    subject = models.CharField(_("subject"), max_length=200, blank=True)
    teaching_experience = models.PositiveSmallIntegerField(
        _("teaching experience, years"), null=True, blank=True
    )
    qualification = models.CharField(
        _("qualification category"), max_length=24, choices=Category.choices, blank=True
    )
    workplace = models.CharField(
        _("place of work or study"),
        max_length=300,
        blank=True,
        help_text=_("For people from outside the organisation."),
    )
    partner = models.ForeignKey(
        PartnerOrganization,
        verbose_name=_("partner organisation"),
        related_name="people",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        related_name="people",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        help_text=_("The login of a mentor who works in the system."),
    )
    external_id = models.CharField(
        _("id in the file"),
        max_length=64,
        blank=True,
        help_text=_("The id column of the imported spreadsheet."),
    )
    notes = models.TextField(_("notes"), blank=True)
    # lower-case name and class for search: SQLite compares Cyrillic case-sensitively, so the
    # services keep this copy (see ``search_text_for``) instead of relying on the database
    search_text = models.CharField(max_length=500, blank=True, editable=False, db_index=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["last_name", "first_name", "patronymic", "id"]
        indexes = [
            models.Index(fields=["organization", "last_name", "first_name"], name="person_name_idx"),
            models.Index(fields=["organization", "group_name"], name="person_group_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "external_id"],
                condition=~Q(external_id=""),
                name="person_external_id_unique",
            )
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.last_name, self.first_name, self.patronymic) if part)

    @property
    def short_name(self) -> str:
        """«Иванова А.С.» — how school documents name a person."""
        return short_name_of(self.last_name, self.first_name, self.patronymic)

    def age(self, today: date | None = None) -> int | None:
        return age_on(self.birth_date, today or date.today()) if self.birth_date else None

    @property
    def under_35(self) -> bool:
        return self.birth_date is not None and is_under_35(self.birth_date, date.today())

    @property
    def is_anonymised(self) -> bool:
        return self.anonymised_at is not None


class PersonClass(models.Model):
    """The class or study group a person was in during one academic year.

    ``Person.group_name`` is the current value (what the pages, filters and exports of the current year
    show); these rows keep each year's class, so that last year's base keeps last year's class after
    the new list moved the pupil from «7Б» to «8Б».
    """

    person = models.ForeignKey(
        Person, verbose_name=_("person"), related_name="year_classes", on_delete=models.CASCADE
    )
    academic_year = models.ForeignKey(
        AcademicYear, verbose_name=_("academic year"), related_name="+", on_delete=models.PROTECT
    )
    group_name = models.CharField(_("class or group"), max_length=32)

    class Meta:
        verbose_name = _("class in a year")
        verbose_name_plural = _("classes by year")
        ordering = ["academic_year__start_year"]
        constraints = [
            models.UniqueConstraint(fields=["person", "academic_year"], name="person_class_once_a_year")
        ]

    def __str__(self) -> str:
        return f"{self.group_name} ({self.academic_year})"


class ImportBatch(models.Model):
    """A saved import of a base, with what is needed to undo it for a short while.

    ``undo`` lists the ids the import created and the previous values of what it changed (people,
    profiles, classes, leavers). It holds personal data, so it is emptied once the undo window is over
    (``import_batches_purge``) or when one of the people is anonymised.
    """

    organization = models.ForeignKey(
        Organization, verbose_name=_("organisation"), related_name="+", on_delete=models.CASCADE
    )
    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), related_name="+", on_delete=models.CASCADE
    )
    kind = models.CharField(_("base"), max_length=16)
    filename = models.CharField(_("file"), max_length=200, blank=True)
    counts = models.JSONField(_("counts"), default=dict, blank=True)
    undo = models.JSONField(_("undo data"), default=dict, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("imported by"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    created_at = models.DateTimeField(_("imported"), default=timezone.now, db_index=True)
    undone_at = models.DateTimeField(_("undone"), null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("undone by"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("import of a base")
        verbose_name_plural = _("imports of the bases")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.kind} {self.created_at:%d.%m.%Y %H:%M}"


def search_text_for(person: Person) -> str:
    return " ".join([person.full_name, person.group_name, person.email]).lower().replace("ё", "е").strip()


class ConsentRule(models.Model):
    """Who signs the consent of a pupil aged 14–17 in this organisation (under 14: always a representative)."""

    class Teenagers(models.TextChoices):
        REPRESENTATIVE = "representative", _("A legal representative signs")
        SELF = "self", _("The pupil signs themself")

    organization = models.OneToOneField(
        Organization, verbose_name=_("organisation"), related_name="consent_rule", on_delete=models.CASCADE
    )
    teenagers = models.CharField(
        _("consent of pupils aged 14–17"),
        max_length=16,
        choices=Teenagers.choices,
        default=Teenagers.REPRESENTATIVE,
    )

    class Meta:
        verbose_name = _("consent rule")
        verbose_name_plural = _("consent rules")

    def __str__(self) -> str:
        return f"{self.organization}: {self.get_teenagers_display()}"


def consent_path(consent: Consent, filename: str) -> str:
    return f"consents/{consent.person.organization_id}/{consent.person_id}/{filename}"


class Consent(models.Model):
    """A consent on record. Valid from the day it was given until it is withdrawn."""

    class Scope(models.TextChoices):
        PERSONAL_DATA = "personal_data", _("Processing of personal data")
        PUBLICATION = "publication", _("Publication of photos and video")

    class GivenBy(models.TextChoices):
        SELF = "self", _("The person")
        REPRESENTATIVE = "representative", _("A legal representative")

    person = models.ForeignKey(
        Person, verbose_name=_("person"), related_name="consents", on_delete=models.CASCADE
    )
    scope = models.CharField(_("scope"), max_length=16, choices=Scope.choices, default=Scope.PERSONAL_DATA)
    given_by = models.CharField(_("given by"), max_length=16, choices=GivenBy.choices, default=GivenBy.SELF)
    representative_name = models.CharField(_("representative's full name"), max_length=300, blank=True)
    representative_relation = models.CharField(
        _("relation"), max_length=100, blank=True, help_text=_("Mother, father, guardian…")
    )
    given_on = models.DateField(_("date signed"))
    scan = models.FileField(_("scanned form"), upload_to=consent_path, max_length=500, blank=True)
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-given_on", "-id"]
        indexes = [
            # ``selectors.valid_consent``: the list of a base asks it per row shown
            models.Index(
                fields=["person"],
                condition=Q(scope="personal_data", withdrawn_on__isnull=True),
                name="consent_valid_person_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(given_by="self") | ~Q(representative_name=""), name="consent_representative_named"
            ),
            models.CheckConstraint(
                condition=Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gte=models.F("given_on")),
                name="consent_withdrawn_after_given",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_scope_display()}, {self.given_on:%d.%m.%Y}"

    @property
    def is_valid(self) -> bool:
        return self.withdrawn_on is None


class ProfileQuerySet(models.QuerySet):
    """Mentee and mentor profiles; ``taking_part`` is the one participation rule (``participation.py``)."""

    def taking_part(self, programmes: Iterable[Programme], today: date | None = None) -> ProfileQuerySet:
        """Profiles of these programmes that count in each programme's reporting period as of ``today``."""
        return self.filter(taking_part_in(programme_periods(programmes, today)))

    def taking_part_in_periods(self, periods: dict[int, Period]) -> ProfileQuerySet:
        """Profiles that count, with a period of one's own per programme id (a monitoring window)."""
        return self.filter(taking_part_in(periods))


class ProfileStatus(models.TextChoices):
    CANDIDATE = "candidate", _("Candidate")
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")
    LEFT = "left", _("Left the programme")


SPECIAL_CATEGORIES = (
    ("has_ovz", _("ОВЗ")),
    ("has_disability", _("Disability")),
    ("deviant_behaviour", _("Deviant behaviour")),
    ("gifted", _("Gifted")),
    ("difficult_situation", _("Difficult life situation")),
    ("low_income", _("Low-income family")),
    ("rural", _("Rural or remote area")),
    ("orphan", _("Orphan or without parental care")),
)


class MenteeProfile(models.Model):
    """A person as a mentee in one programme year: requests, categories, dates and results."""

    person = models.ForeignKey(
        Person, verbose_name=_("person"), related_name="mentee_profiles", on_delete=models.CASCADE
    )
    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), related_name="mentee_profiles", on_delete=models.CASCADE
    )
    requests = models.JSONField(_("key requests"), default=list, blank=True)
    request_text = models.TextField(_("request in their words"), blank=True)
    subject_areas = models.JSONField(_("subject areas"), default=list, blank=True)
    preferences = models.JSONField(
        _("preferred mentors (networking)"),
        default=list,
        blank=True,
        help_text=_("Ids of mentors in ranked order, from the networking questionnaire."),
    )
    has_ovz = models.BooleanField(_("ОВЗ"), default=False)
    has_disability = models.BooleanField(_("disability"), default=False)
    deviant_behaviour = models.BooleanField(_("deviant behaviour"), default=False)
    gifted = models.BooleanField(_("gifted"), default=False)
    difficult_situation = models.BooleanField(_("difficult life situation"), default=False)
    low_income = models.BooleanField(_("low-income family"), default=False)
    rural = models.BooleanField(_("rural or remote area"), default=False)
    orphan = models.BooleanField(_("orphan or without parental care"), default=False)
    entry_date = models.DateField(_("entered the programme"), null=True, blank=True)
    exit_date = models.DateField(_("left the programme"), null=True, blank=True)
    results = models.TextField(_("results"), blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=ProfileStatus.choices, default=ProfileStatus.ACTIVE
    )
    availability = models.CharField(
        _("convenient days and format of meetings"),
        max_length=300,
        blank=True,
        help_text=_("For example «вторник, четверг после уроков» or «онлайн»."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("mentee profile")
        verbose_name_plural = _("mentee profiles")
        indexes = [
            # a base's people of the year, read as (programme, person) pairs without the rows: counts, joins
            models.Index(fields=["programme", "person"], name="mentee_profile_programme_idx"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["person", "programme"], name="mentee_profile_once_a_year"),
            models.CheckConstraint(
                condition=Q(exit_date__isnull=True)
                | Q(entry_date__isnull=True)
                | Q(exit_date__gte=models.F("entry_date")),
                name="mentee_profile_exit_after_entry",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.programme.academic_year})"

    @property
    def categories(self) -> list[str]:
        return [str(label) for field, label in SPECIAL_CATEGORIES if getattr(self, field)]

    @property
    def has_special_needs(self) -> bool:
        return self.has_ovz or self.has_disability


class MentorProfile(models.Model):
    """A person as a mentor in one programme year: what they offer, for whom, and how many."""

    person = models.ForeignKey(
        Person, verbose_name=_("person"), related_name="mentor_profiles", on_delete=models.CASCADE
    )
    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), related_name="mentor_profiles", on_delete=models.CASCADE
    )
    competencies = models.JSONField(_("key competencies"), default=list, blank=True)
    achievements = models.TextField(_("achievements"), blank=True)
    interests = models.JSONField(_("interests"), default=list, blank=True)
    preferences = models.JSONField(
        _("preferred mentees (networking)"),
        default=list,
        blank=True,
        help_text=_("Ids of mentees in ranked order, from the networking questionnaire."),
    )
    preferred_grades = models.CharField(
        _("preferred mentee grades or age"),
        max_length=100,
        blank=True,
        help_text=_("For example «5–7 классы» or «12–14 лет»."),
    )
    capacity = models.PositiveSmallIntegerField(_("mentees at most"), default=2)
    availability = models.CharField(_("availability"), max_length=300, blank=True)
    training_done = models.BooleanField(_("training completed"), default=False)
    training_date = models.DateField(_("training date"), null=True, blank=True)
    training_name = models.CharField(_("training"), max_length=300, blank=True)
    special_needs_trained = models.BooleanField(_("trained to work with ОВЗ"), default=False)
    at_risk_experience = models.BooleanField(
        _("experience with pupils at risk"),
        default=False,
        help_text=_("Deviant behaviour, a difficult life situation, the school's prevention register."),
    )
    partner = models.ForeignKey(
        PartnerOrganization,
        verbose_name=_("partner organisation"),
        related_name="mentor_profiles",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    entry_date = models.DateField(_("entered the programme"), null=True, blank=True)
    exit_date = models.DateField(_("left the programme"), null=True, blank=True)
    results = models.TextField(_("results"), blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=ProfileStatus.choices, default=ProfileStatus.ACTIVE
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("mentor profile")
        verbose_name_plural = _("mentor profiles")
        constraints = [
            models.UniqueConstraint(fields=["person", "programme"], name="mentor_profile_once_a_year"),
            models.CheckConstraint(
                condition=Q(capacity__gte=1, capacity__lte=30), name="mentor_capacity_sane"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.programme.academic_year})"


# Mentee profiles in these statuses are still waiting for a mentor; mentors in these may take mentees.
MATCHABLE_STATUSES = (ProfileStatus.CANDIDATE, ProfileStatus.ACTIVE)


class VocabularyTerm(models.Model):
    """A term of the vocabulary of requests and competencies: a subject, an exam, a skill, an interest,
    a career, a social or an emotional need — with the other ways schools say it and its broader terms.

    Shared terms (no organisation) are seeded from what schools write; a municipal authority's terms
    are shared with its schools; a school's are its own. Forms offer the terms as a list and the
    matching maps free text onto them (``pairing/semantics.py``).
    """

    class Kind(models.TextChoices):
        SUBJECT = "subject", _("Subject")
        EXAM = "exam", _("Exam or contest")
        SKILL = "skill", _("Skill")
        INTEREST = "interest", _("Interest")
        CAREER = "career", _("Career")
        SOCIAL = "social", _("Social need")
        EMOTIONAL = "emotional", _("Emotional need")
        URGENT = "urgent", _("Urgent need (safety, a year about to be failed)")

    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        related_name="vocabulary_terms",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        help_text=_("Empty: shared by everyone."),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    name = models.CharField(_("term"), max_length=200)
    synonyms = models.JSONField(
        _("synonyms"), default=list, blank=True, help_text=_("Other ways to say it, one per line.")
    )
    broader = models.ManyToManyField(
        "self",
        verbose_name=_("broader terms"),
        related_name="narrower",
        symmetrical=False,
        blank=True,
    )
    slug = models.SlugField(_("key"), max_length=80, blank=True, help_text=_("For the seeded terms."))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("vocabulary term")
        verbose_name_plural = _("vocabulary of requests and competencies")
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "name"],
                condition=Q(organization__isnull=False),
                name="vocabulary_term_unique_in_organization",
            ),
            models.UniqueConstraint(
                fields=["name"], condition=Q(organization__isnull=True), name="vocabulary_term_unique_shared"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class VocabularyOverride(models.Model):
    """An organisation's change of a term it sees but does not own (a shared seeded term, or its
    authority's or region's): more synonyms, more broader terms, or the term hidden — for this
    organisation and the ones below it, the term itself unchanged for everybody else.

    The overrides of an organisation and of the ones above it add up (synonyms and broader terms); whether
    the term is hidden is decided by the nearest one (a school may show again what its region hid).
    """

    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        related_name="vocabulary_overrides",
        on_delete=models.CASCADE,
    )
    term = models.ForeignKey(
        VocabularyTerm, verbose_name=_("term"), related_name="overrides", on_delete=models.CASCADE
    )
    synonyms = models.JSONField(_("added synonyms"), default=list, blank=True)
    broader = models.ManyToManyField(
        VocabularyTerm, verbose_name=_("added broader terms"), related_name="+", blank=True
    )
    hidden = models.BooleanField(_("hidden"), default=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("vocabulary term override")
        verbose_name_plural = _("vocabulary term overrides")
        constraints = [
            models.UniqueConstraint(fields=["organization", "term"], name="vocabulary_override_once"),
        ]

    def __str__(self) -> str:
        return f"{self.organization}: {self.term}"


class ImportColumnMapping(models.Model):
    """What the curator said the columns of her own lists mean, remembered for the next import.

    ``mapping`` is {the column's header, reduced (``list_reading.header_key``): a field key, or
    ``"ignore"``}; the import offers it for any file of the same base.
    """

    class Base(models.TextChoices):
        MENTEES = "mentees", _("Mentees")
        MENTORS = "mentors", _("Mentors")

    organization = models.ForeignKey(
        Organization, verbose_name=_("organisation"), related_name="import_mappings", on_delete=models.CASCADE
    )
    kind = models.CharField(_("base"), max_length=16, choices=Base.choices)
    mapping = models.JSONField(_("columns"), default=dict, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("import column mapping")
        verbose_name_plural = _("import column mappings")
        constraints = [
            models.UniqueConstraint(fields=["organization", "kind"], name="import_mapping_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.organization}: {self.get_kind_display()}"
