"""Reads of the bases shared by the pages, the exports and the reports, with fixed query counts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import (
    Count,
    Exists,
    F,
    FilteredRelation,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce, NullIf

from mentoring.models import Programme
from mentoring.prepared import BoundPages, PreparedPages, PreparedValues

from .models import (
    SPECIAL_CATEGORIES,
    Consent,
    MenteeProfile,
    MentorProfile,
    PartnerOrganization,
    Person,
    PersonClass,
    VocabularyOverride,
    VocabularyTerm,
)

CATEGORY_FIELDS = {field for field, _label in SPECIAL_CATEGORIES}


def valid_consent(person_ref: str = "person") -> Exists:
    """Whether the person has a consent to personal data processing that is not withdrawn."""
    return Exists(
        Consent.objects.filter(
            person=OuterRef(person_ref), scope=Consent.Scope.PERSONAL_DATA, withdrawn_on__isnull=True
        )
    )


@dataclass(frozen=True)
class PeopleFilters:
    q: str = ""
    group: str = ""
    kind: str = ""
    category: str = ""  # a special category of mentees (a MenteeProfile boolean field)
    consent: str = ""  # "valid" or "missing"
    training: str = ""  # "done" or "not_done", for mentors
    status: str = ""
    paired: str = ""  # "yes": in an open pair or group of the year; "no": not

    @property
    def active(self) -> bool:
        return any(
            (
                self.q,
                self.group,
                self.kind,
                self.category,
                self.consent,
                self.training,
                self.status,
                self.paired,
            )
        )


def _search(queryset: QuerySet, q: str) -> QuerySet:
    for word in q.lower().replace("ё", "е").split()[:5]:
        queryset = queryset.filter(person__search_text__contains=word)
    return queryset


OPEN_GROUP_STATUSES = ("proposed", "active")


def year_class() -> Coalesce:
    """On a profile: the class in the programme's year (``PersonClass``), else the current one — last
    year's base keeps last year's class after this year's list moved the pupil up."""
    recorded = PersonClass.objects.filter(
        person=OuterRef("person"), academic_year=OuterRef("programme__academic_year")
    )
    return Coalesce(NullIf(Subquery(recorded.values("group_name")[:1]), Value("")), F("person__group_name"))


def _common(queryset: QuerySet, filters: PeopleFilters, role: str) -> QuerySet:
    queryset = queryset.filter(person__anonymised_at__isnull=True).annotate(
        has_consent=valid_consent(), year_group=year_class()
    )
    if filters.q:
        queryset = _search(queryset, filters.q)
    if filters.group:
        queryset = queryset.filter(year_group__iexact=filters.group)
    if filters.kind:
        queryset = queryset.filter(person__kind=filters.kind)
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    if filters.paired in ("yes", "no"):
        # pairs live in the pairing app; the relation is followed by name, the app is not imported
        in_pair = queryset.filter(
            person__group_memberships__group__programme=F("programme"),
            person__group_memberships__group__status__in=OPEN_GROUP_STATUSES,
            person__group_memberships__role=role,
        ).values("pk")
        queryset = (
            queryset.filter(pk__in=in_pair) if filters.paired == "yes" else queryset.exclude(pk__in=in_pair)
        )
    if filters.consent == "valid":
        queryset = queryset.filter(has_consent=True)
    elif filters.consent == "missing":
        queryset = queryset.filter(has_consent=False)
    return queryset.order_by("person__last_name", "person__first_name", "person__patronymic", "pk")


def _of_school(programme: Programme) -> Q:
    """The profile's person is one of the programme's school — always so (a base lists the school's people),
    said in the SQL so that PostgreSQL reads the school's people by ``person_name_idx`` instead of hashing
    every person of the deployment to join a thousand of them."""
    return Q(person__organization_id=programme.organization_id)


def mentees(programme: Programme, filters: PeopleFilters = PeopleFilters()) -> QuerySet[MenteeProfile]:
    queryset = _common(
        MenteeProfile.objects.filter(_of_school(programme), programme=programme).select_related("person"),
        filters,
        "mentee",
    )
    if filters.category in CATEGORY_FIELDS:
        queryset = queryset.filter(**{filters.category: True})
    return queryset


def mentors(programme: Programme, filters: PeopleFilters = PeopleFilters()) -> QuerySet[MentorProfile]:
    queryset = _common(
        MentorProfile.objects.filter(_of_school(programme), programme=programme).select_related(
            "person", "partner"
        ),
        filters,
        "mentor",
    )
    if filters.training == "done":
        queryset = queryset.filter(training_done=True)
    elif filters.training == "not_done":
        queryset = queryset.filter(training_done=False)
    return queryset


def base_rows(
    kind: str,
    programme: Programme,
    filters: PeopleFilters,
    order_by: tuple[str, ...],
    columns: tuple[str, ...],
) -> QuerySet[MenteeProfile] | QuerySet[MentorProfile]:
    """A list page's rows of the base (``kind``: "mentees" or "mentors"): the profiles with their person,
    only ``columns``, in ``order_by``."""
    queryset: QuerySet[MenteeProfile] | QuerySet[MentorProfile] = (
        mentees(programme, filters) if kind == "mentees" else mentors(programme, filters)
    )
    return queryset.select_related(None).select_related("person").only(*columns).order_by(*order_by)


def _whole_base(kind: str, order_by: tuple[str, ...], columns: tuple[str, ...]):
    def build(programme_id: int, organization_id: int) -> QuerySet[Any]:
        programme = Programme(pk=programme_id, organization_id=organization_id)
        return base_rows(kind, programme, PeopleFilters(), order_by, columns)

    return build


_WHOLE_BASES: dict[tuple[str, tuple[str, ...], tuple[str, ...]], PreparedPages] = {}


def whole_base(
    kind: str, programme: Programme, order_by: tuple[str, ...], columns: tuple[str, ...]
) -> BoundPages:
    """The whole base of the year (a list page without filters) for the paginator: ``base_rows`` for the
    same arguments, counted and sliced through queries compiled once per process and order (building them
    cost more than their answers)."""
    key = (kind, tuple(order_by), tuple(columns))
    pages = _WHOLE_BASES.get(key)
    if pages is None:
        pages = _WHOLE_BASES.setdefault(
            key, PreparedPages(_whole_base(*key), programme_id=int, organization_id=int)
        )
    return pages.bind(programme_id=programme.pk, organization_id=programme.organization_id)


def _group_names(programme_id: int, academic_year_id: int, organization_id: int) -> QuerySet[Any, tuple[str]]:
    # the school's people (``person_group_idx``) in either base of the year (two EXISTS on the profiles'
    # ``(person, programme)`` keys), not every person of the deployment tested against the two bases; the
    # class of the year joined once (a LEFT JOIN on the ``(person, academic year)`` key, at most one row),
    # not looked up by a sub-query per person; the names deduplicated and unordered in the database: a
    # school of 1,000 pupils sends thirty names
    return (
        Person.objects.filter(
            Exists(MenteeProfile.objects.filter(person=OuterRef("pk"), programme=programme_id))
            | Exists(MentorProfile.objects.filter(person=OuterRef("pk"), programme=programme_id)),
            organization_id=organization_id,
            anonymised_at__isnull=True,
        )
        .annotate(
            recorded=FilteredRelation(
                "year_classes", condition=Q(year_classes__academic_year=academic_year_id)
            )
        )
        .annotate(year_group=Coalesce(F("recorded__group_name"), F("group_name")))
        .exclude(year_group="")
        .order_by()
        .values_list("year_group")
        .distinct()
    )


# compiled once per process (``mentoring.prepared``): the lists of both bases ask it on every page, and
# building it cost more than running it
_GROUP_NAMES = PreparedValues(_group_names, programme_id=int, academic_year_id=int, organization_id=int)


def groups(programme: Programme) -> list[str]:
    """The classes and groups that occur in the year's bases, for the filter (1 query)."""
    rows = _GROUP_NAMES(
        programme_id=programme.pk,
        academic_year_id=programme.academic_year_id,
        organization_id=programme.organization_id,
    )
    return sorted({name for (name,) in rows}, key=_group_key)


def _group_key(name: str) -> tuple:
    digits = "".join(ch for ch in name if ch.isdigit())
    return (int(digits) if digits else 999, name)


def person_card(organization, person_id: int) -> Person | None:
    """A person with everything about them: yearly profiles and consents."""
    return (
        Person.objects.filter(organization=organization, pk=person_id)
        .select_related("partner", "user")
        .prefetch_related(
            Prefetch(
                "mentee_profiles", queryset=MenteeProfile.objects.select_related("programme__academic_year")
            ),
            Prefetch(
                "mentor_profiles",
                queryset=MentorProfile.objects.select_related("programme__academic_year", "partner"),
            ),
            Prefetch("consents", queryset=Consent.objects.select_related("recorded_by")),
        )
        .annotate(has_consent=valid_consent("pk"))
        .first()
    )


@dataclass(frozen=True)
class BaseCounts:
    mentees: int
    mentors: int
    mentees_with_consent: int
    mentors_with_consent: int
    mentors_trained: int
    categories: list[tuple[str, int]]

    @property
    def consent_percent(self) -> int:
        people = self.mentees + self.mentors
        return round(100 * (self.mentees_with_consent + self.mentors_with_consent) / people) if people else 0


def base_counts(programme: Programme) -> BaseCounts:
    """Counts without names: what a municipal coordinator sees, and the consent dashboard's header."""
    mentee_counts = (
        MenteeProfile.objects.filter(programme=programme, person__anonymised_at__isnull=True)
        .annotate(has_consent=valid_consent())
        .aggregate(
            total=Count("pk"),
            consented=Count("pk", filter=Q(has_consent=True)),
            **{field: Count("pk", filter=Q(**{field: True})) for field in CATEGORY_FIELDS},
        )
    )
    mentor_counts = (
        MentorProfile.objects.filter(programme=programme, person__anonymised_at__isnull=True)
        .annotate(has_consent=valid_consent())
        .aggregate(
            total=Count("pk"),
            consented=Count("pk", filter=Q(has_consent=True)),
            trained=Count("pk", filter=Q(training_done=True)),
        )
    )
    return BaseCounts(
        mentees=mentee_counts["total"],
        mentors=mentor_counts["total"],
        mentees_with_consent=mentee_counts["consented"],
        mentors_with_consent=mentor_counts["consented"],
        mentors_trained=mentor_counts["trained"],
        categories=[(str(label), mentee_counts[field]) for field, label in SPECIAL_CATEGORIES],
    )


def missing_consents(programme: Programme) -> list[Person]:
    """Everyone in the year's bases without a valid consent to personal data processing."""
    return list(
        Person.objects.filter(
            Q(mentee_profiles__programme=programme) | Q(mentor_profiles__programme=programme),
            anonymised_at__isnull=True,
        )
        .annotate(has_consent=valid_consent("pk"))
        .filter(has_consent=False)
        .distinct()
        .order_by("group_name", "last_name", "first_name")
    )


def partners(organization) -> QuerySet[PartnerOrganization]:
    return (
        PartnerOrganization.objects.filter(organization=organization)
        .annotate(mentor_count=Count("mentor_profiles", distinct=True))
        .order_by("name")
    )


def partner_card(organization, partner_id: int) -> PartnerOrganization | None:
    return (
        PartnerOrganization.objects.filter(organization=organization, pk=partner_id)
        .prefetch_related(
            Prefetch(
                "mentor_profiles",
                queryset=MentorProfile.objects.select_related("person", "programme__academic_year").filter(
                    person__anonymised_at__isnull=True
                ),
            )
        )
        .first()
    )


@dataclass(frozen=True)
class MembershipActivity:
    """One pair or group of the person this year: the membership (annotated with ``meetings`` and
    ``last_meeting``) and the names of the others in it."""

    membership: Any  # pairing.GroupMember; this app does not import pairing
    partner_names: list[str]


@dataclass(frozen=True)
class YearActivity:
    memberships: list[MembershipActivity]
    invitations: list[Any]  # monitoring.QuestionnaireInvitation, read through the reverse relation


def person_year_activity(person: Person, programme: Programme) -> YearActivity:
    """The person's pairs of the year (with their meetings) and questionnaire links, for the person card.

    Reads the pairing and monitoring tables through their reverse relations on Person only, so this app
    keeps not importing them. Three queries.
    """
    from django.db.models import Count, Max

    memberships = list(
        person.group_memberships.filter(group__programme=programme)
        .select_related("group__form")
        .annotate(last_meeting=Max("group__meetings__date"), meetings=Count("group__meetings", distinct=True))
        .order_by("-group__start_date", "-group_id")
    )
    partners: dict[int, list[str]] = {}
    if memberships:
        others = (
            Person.objects.filter(
                group_memberships__group_id__in=[m.group_id for m in memberships], anonymised_at__isnull=True
            )
            .exclude(pk=person.pk)
            .values_list("group_memberships__group_id", "last_name", "first_name", "patronymic")
        )
        for group_id, *names in others:
            partners.setdefault(group_id, []).append(" ".join(part for part in names if part))
    activities = [
        MembershipActivity(membership, partners.get(membership.group_id, [])) for membership in memberships
    ]
    invitations = list(
        person.questionnaire_invitations.filter(campaign__programme=programme)
        .select_related("campaign")
        .order_by("-campaign__created_at")
    )
    return YearActivity(memberships=activities, invitations=invitations)


def vocabulary_terms(organization) -> QuerySet:
    """The terms an organisation works with: the shared ones, its authority's, and its own — each
    with its broader terms' ids (two queries). Without an organisation: the shared ones."""
    from .models import VocabularyTerm

    owners = Q(organization__isnull=True)
    if organization is not None:
        owners |= Q(organization=organization)
    if organization is not None and organization.parent_id:
        from mentoring.access import ancestor_ids

        owners |= Q(organization_id__in=ancestor_ids(organization))  # the authority's, the region's
    return (
        VocabularyTerm.objects.filter(owners)
        .select_related("organization")
        .prefetch_related(Prefetch("broader", queryset=VocabularyTerm.objects.only("pk", "name")))
        .order_by("kind", "name", "pk")
    )


def people_deletion_preview(people: list[Person]) -> list[Person]:
    """The people about to be deleted, each with what goes with them and whether a pair holds them."""
    return list(
        Person.objects.filter(pk__in=[person.pk for person in people])
        .annotate(
            profiles=Count("mentee_profiles", distinct=True) + Count("mentor_profiles", distinct=True),
            consent_count=Count("consents", distinct=True),
            in_pair=Exists(Person.objects.filter(pk=OuterRef("pk"), group_memberships__isnull=False)),
        )
        .order_by("last_name", "first_name", "patronymic", "pk")
    )


@dataclass(frozen=True)
class EffectiveTerm:
    """A term as an organisation works with it: its own words plus what the organisation and the ones
    above it added (:class:`~participants.models.VocabularyOverride`)."""

    term: VocabularyTerm
    synonyms: tuple[str, ...]
    broader: tuple[VocabularyTerm, ...]
    added_synonyms: tuple[str, ...] = ()
    added_broader: tuple[VocabularyTerm, ...] = ()
    hidden: bool = False
    override: VocabularyOverride | None = None  # the organisation's own override of the term


def vocabulary_effective(organization) -> list[EffectiveTerm]:
    """Every term the organisation sees (:func:`vocabulary_terms`) with the overrides of the
    organisation and of those above it applied: synonyms and broader terms added up, the term hidden
    or not as the nearest override says. Hidden terms are in the list, marked (three queries)."""
    terms = list(vocabulary_terms(organization))
    chain = _chain(organization)
    overrides = (
        list(
            VocabularyOverride.objects.filter(organization_id__in=chain).prefetch_related(
                Prefetch("broader", queryset=VocabularyTerm.objects.only("pk", "name"))
            )
        )
        if chain
        else []
    )
    nearness = {pk: index for index, pk in enumerate(chain)}
    overrides.sort(key=lambda item: -nearness[item.organization_id])  # the farthest first
    by_term: dict[int, list[VocabularyOverride]] = {}
    for item in overrides:
        by_term.setdefault(item.term_id, []).append(item)
    visible = {term.pk for term in terms}
    out = []
    for term in terms:
        own_words = [str(word) for word in term.synonyms or []]
        own_broader = list(term.broader.all())
        added_words: list[str] = []
        added_broader: list[VocabularyTerm] = []
        hidden, mine = False, None
        for item in by_term.get(term.pk, []):
            added_words += [str(w) for w in item.synonyms or [] if str(w) not in own_words + added_words]
            added_broader += [
                up
                for up in item.broader.all()
                if up.pk in visible
                and up.pk != term.pk
                and all(up.pk != b.pk for b in own_broader + added_broader)
            ]
            hidden = item.hidden  # the nearest decides: it comes last
            if item.organization_id == getattr(organization, "pk", None):
                mine = item
        out.append(
            EffectiveTerm(
                term,
                tuple(own_words + added_words),
                tuple(own_broader + added_broader),
                tuple(added_words),
                tuple(added_broader),
                hidden,
                mine,
            )
        )
    return out


def _chain(organization) -> list[int]:
    """The organisation and those above it, nearest first."""
    if organization is None:
        return []
    if not organization.parent_id:
        return [organization.pk]
    from mentoring.access import ancestor_ids

    return [organization.pk, *ancestor_ids(organization)]


def vocabulary_hidden(organization) -> set[int]:
    """The terms the organisation does not work with: hidden by the nearest override (one query)."""
    chain = _chain(organization)
    if not chain:
        return set()
    nearness = {pk: index for index, pk in enumerate(chain)}
    decided: dict[int, tuple[int, bool]] = {}
    for term_id, owner, hidden in VocabularyOverride.objects.filter(organization_id__in=chain).values_list(
        "term_id", "organization_id", "hidden"
    ):
        if term_id not in decided or nearness[owner] < decided[term_id][0]:
            decided[term_id] = (nearness[owner], hidden)
    return {term_id for term_id, (_near, hidden) in decided.items() if hidden}
