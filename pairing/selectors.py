"""Reads of pairs and groups shared by the pages and the documents."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple, TypeAlias, TypedDict

from django.db import connection
from django.db.models import Count, DateField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils.translation import gettext as _

from mentoring.models import Programme, User
from mentoring.prepared import BoundPages, PreparedCount, PreparedModels, PreparedPages, PreparedValues
from participants.models import MATCHABLE_STATUSES, MenteeProfile, MentorProfile, Person, short_name_of
from participants.selectors import valid_consent

from .models import GroupMember, MatchingRun, MentoringForm, MentoringGroup

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations


class LastMeeting(TypedDict):
    last_meeting: date | None


# A pair or group read by ``groups`` (for the type checker).
GroupWithLastMeeting: TypeAlias = "WithAnnotations[MentoringGroup, LastMeeting]"


@dataclass(frozen=True)
class GroupFilters:
    form: int | None = None
    status: str = ""
    group_name: str = ""  # a class or a study group of a member
    mentor: int | None = None  # a person id
    q: str = ""  # words of a member's name or class

    @property
    def active(self) -> bool:
        return bool(self.form or self.status or self.group_name or self.mentor or self.q)


def _last_meeting() -> Subquery:
    """The date of the group's latest diary entry (the diary lives in monitoring: reached by relation)."""
    meetings = MentoringGroup._meta.get_field("meetings").related_model
    return Subquery(
        meetings._default_manager.filter(group=OuterRef("pk")).order_by("-date").values("date")[:1],
        output_field=DateField(),
    )


def groups(
    programme: Programme,
    filters: GroupFilters = GroupFilters(),
    user: User | None = None,
    *,
    with_members: bool = True,
) -> QuerySet[GroupWithLastMeeting]:
    """The year's pairs and groups with their members and ``last_meeting`` date; ``user`` limits them to
    that user's own. ``with_members=False`` leaves the members out (a list reads them with ``group_cards``)."""
    queryset = (
        MentoringGroup.objects.filter(programme=programme)
        .annotate(last_meeting=_last_meeting())
        .select_related("form", "role_model")
        .order_by("-created_at", "-pk")
    )
    if with_members:
        queryset = queryset.prefetch_related(
            Prefetch(
                "members",
                queryset=GroupMember.objects.select_related("person").order_by("-role", "person__last_name"),
            )
        )
    if user is not None:
        queryset = queryset.filter(members__person__user=user).distinct()
    if filters.form:
        queryset = queryset.filter(form_id=filters.form)
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    if filters.group_name:
        queryset = queryset.filter(members__person__group_name=filters.group_name).distinct()
    if filters.mentor:
        queryset = queryset.filter(
            members__person_id=filters.mentor, members__role=GroupMember.Role.MENTOR
        ).distinct()
    for word in filters.q.lower().replace("ё", "е").split()[:5]:
        queryset = queryset.filter(
            pk__in=GroupMember.objects.filter(person__search_text__contains=word).values("group_id")
        )
    return queryset


class MemberLine(NamedTuple):
    """A member as a list shows them (a tuple: a page builds one per member of a hundred pairs, where a
    frozen dataclass costs three times as much to make)."""

    role: str
    short_name: str
    group_name: str


@dataclass(frozen=True)
class GroupCard:
    """A pair or group with its members as plain values, mentors first: a list of pairs shows only a
    name and a class per member, with no model object for each member and person."""

    group: MentoringGroup
    lines: list[MemberLine]
    last_meeting: date | None  # the date of the latest diary entry


def _whole_list(order_by: tuple[str, ...]) -> Callable[[int], QuerySet[GroupWithLastMeeting]]:
    def build(programme_id: int) -> QuerySet[GroupWithLastMeeting]:
        return groups(Programme(pk=programme_id), with_members=False).order_by(*order_by)

    return build


_WHOLE_LISTS: dict[tuple[str, ...], PreparedPages] = {}


def whole_list(programme: Programme, order_by: tuple[str, ...]) -> BoundPages:
    """``groups(programme, with_members=False).order_by(*order_by)`` — the list of pairs without filters —
    for the paginator, counted and sliced through queries compiled once per process and order."""
    order_by = tuple(order_by)
    pages = _WHOLE_LISTS.get(order_by)
    if pages is None:
        pages = _WHOLE_LISTS.setdefault(order_by, PreparedPages(_whole_list(order_by), programme_id=int))
    return pages.bind(programme_id=programme.pk)


# a page of the list of pairs (fifty at most) asks for its members with this many ids, the last repeated
PAGE_GROUPS = 50
PAGE_GROUP_PARAMS = tuple(f"group{number}" for number in range(PAGE_GROUPS))


def page_group_values(group_ids: Sequence[int]) -> dict[str, Any]:
    """A page's group ids (at most ``PAGE_GROUPS``, at least one) as the parameters of a query compiled
    once per process: ``PAGE_GROUP_PARAMS``, the last id repeated."""
    padded = [*group_ids, *[group_ids[-1]] * (PAGE_GROUPS - len(group_ids))]
    return dict(zip(PAGE_GROUP_PARAMS, padded, strict=True))


def _member_rows(**group_ids: int) -> QuerySet[Any, tuple]:
    members = GroupMember.objects.filter(group__in=list(group_ids.values()))
    return members.order_by("-role", "person__last_name").values_list(*_MEMBER_COLUMNS)


def _school_member_rows(organization_id: int, **group_ids: int) -> QuerySet[Any, tuple]:
    return _member_rows(**group_ids).filter(person__organization_id=organization_id)  # see ``lines_by_group``


_MEMBER_COLUMNS = (
    "group_id",
    "role",
    "person__last_name",
    "person__first_name",
    "person__patronymic",
    "person__group_name",
)
_PAGE_MEMBERS = PreparedValues(_member_rows, **dict.fromkeys(PAGE_GROUP_PARAMS, int))
_SCHOOL_PAGE_MEMBERS = PreparedValues(
    _school_member_rows, organization_id=int, **dict.fromkeys(PAGE_GROUP_PARAMS, int)
)


def lines_by_group(group_ids: list[int], organization_id: int | None = None) -> dict[int, list[MemberLine]]:
    """The members of these groups as plain values, mentors first, by group id (1 query; none for no
    groups). ``organization_id``: the school of the groups' programme — its people are the members (they
    come from the year's bases); said in the SQL, PostgreSQL reads the school's people by index instead of
    hashing every person of the deployment to join a few hundred members. Said to PostgreSQL only: SQLite's
    planner then starts from the school's people instead of the groups' members (the pairs page at 1,000
    pupils 15–17 → 21–23 ms in the pages bench); the rows are the same either way."""
    if not group_ids:
        return {}
    rows: Iterable[tuple]
    if organization_id is not None and len(group_ids) <= PAGE_GROUPS:
        # a page's groups: a query compiled once per process, the ids padded with the last one
        padded = [*group_ids, *[group_ids[-1]] * (PAGE_GROUPS - len(group_ids))]
        values: dict[str, Any] = dict(zip(PAGE_GROUP_PARAMS, padded, strict=True))
        if connection.vendor == "postgresql":
            rows = _SCHOOL_PAGE_MEMBERS(organization_id=organization_id, **values)
        else:
            rows = _PAGE_MEMBERS(**values)
    else:
        members = GroupMember.objects.filter(group__in=group_ids)
        if organization_id is not None and connection.vendor == "postgresql":
            members = members.filter(person__organization_id=organization_id)
        rows = members.order_by("-role", "person__last_name").values_list(*_MEMBER_COLUMNS)
    by_group: dict[int, list[MemberLine]] = {}
    line, short_name = MemberLine, short_name_of  # locals: six hundred rows on a page
    for group_id, role, last_name, first_name, patronymic, group_name in rows:
        found = by_group.get(group_id)
        if found is None:
            found = by_group[group_id] = []
        found.append(line(role, short_name(last_name, first_name, patronymic), group_name))
    return by_group


class MemberValues(NamedTuple):
    """A mentor or a mentee of a group as plain values. ``shown``: a mentor, or a mentee whose data may be
    processed (a valid consent, not anonymised) — the others are not named on a page. A tuple, as
    ``MemberLine``."""

    group_id: int
    role: str
    short_name: str
    group_name: str
    shown: bool


def _member_values(**group_ids: int) -> QuerySet[Any, tuple]:
    return (
        GroupMember.objects.filter(
            group__in=list(group_ids.values()), role__in=(GroupMember.Role.MENTOR, GroupMember.Role.MENTEE)
        )
        .annotate(has_consent=valid_consent("person"))
        .order_by("-role", "person__last_name", "person__first_name")
        .values_list(
            "group_id",
            "role",
            "person__last_name",
            "person__first_name",
            "person__patronymic",
            "person__group_name",
            "person__anonymised_at",
            "has_consent",
        )
    )


# a page's groups (fifty at most: the lists of plans and of diaries): compiled once per process, the ids
# padded with the last one, as ``lines_by_group``'s
_PAGE_MEMBER_VALUES = PreparedModels(_member_values, **dict.fromkeys(PAGE_GROUP_PARAMS, int))


def member_values(group_ids: Sequence[int]) -> list[MemberValues]:
    """The mentors and mentees of these groups, mentors first, by surname and name, as plain values (1 query;
    none for no groups): a page of a hundred pairs would otherwise build a member and a person each. A
    page's groups (up to ``PAGE_GROUPS``) are read through a query compiled once per process."""
    if not group_ids:
        return []
    rows: Iterable[tuple]
    if len(group_ids) <= PAGE_GROUPS:
        rows = _PAGE_MEMBER_VALUES(**page_group_values(group_ids))
    else:
        rows = _member_values(**{f"group{number}": pk for number, pk in enumerate(group_ids)})
    mentor, values, short_name = (
        GroupMember.Role.MENTOR,
        MemberValues,
        short_name_of,
    )  # locals: 600 rows a page
    return [
        values(
            group_id,
            role,
            short_name(last_name, first_name, patronymic),
            group_name,
            role == mentor or (bool(has_consent) and anonymised_at is None),
        )
        for group_id, role, last_name, first_name, patronymic, group_name, anonymised_at, has_consent in rows
    ]


def group_cards(
    groups: Sequence[GroupWithLastMeeting], organization_id: int | None = None
) -> list[GroupCard]:
    """Each group read by :func:`groups` with its member lines (1 query); ``organization_id`` as for
    :func:`lines_by_group`."""
    lines = lines_by_group([group.pk for group in groups], organization_id)
    return [GroupCard(group, lines.get(group.pk, []), group.last_meeting) for group in groups]


def group_detail(programme: Programme, group_id: int) -> MentoringGroup | None:
    return groups(programme).filter(pk=group_id).first()


def mentor_candidates(programme: Programme | int) -> QuerySet[Person]:
    """People in the year's mentor base who have a consent (only they may be paired)."""
    return (
        Person.objects.filter(mentor_profiles__programme=programme, anonymised_at__isnull=True)
        .annotate(has_consent=valid_consent("pk"))
        .filter(has_consent=True)
        .order_by("last_name", "first_name", "patronymic")
    )


_MENTOR_NAMES = PreparedValues(
    lambda programme_id: mentor_candidates(programme_id).values_list(
        "pk", "last_name", "first_name", "patronymic"
    ),
    programme_id=int,
)


def mentor_names(programme: Programme) -> list[tuple[int, str, str, str]]:
    """``mentor_candidates`` as plain values (id, surname, name, patronymic), for the filter of the list of
    pairs: a school has dozens of mentors and the filter shows a name each, no model object is needed for
    that (1 query, compiled once per process: ``mentoring.prepared``)."""
    return _MENTOR_NAMES(programme_id=programme.pk)


def mentee_candidates(programme: Programme) -> QuerySet[Person]:
    return (
        Person.objects.filter(mentee_profiles__programme=programme, anonymised_at__isnull=True)
        .annotate(has_consent=valid_consent("pk"))
        .filter(has_consent=True)
        .order_by("group_name", "last_name", "first_name")
    )


def _unpaired_mentees(programme_id: int, organization_id: int) -> QuerySet[MenteeProfile]:
    paired = GroupMember.objects.filter(
        group__programme=programme_id,
        group__status__in=MentoringGroup.OPEN_STATUSES,
        role=GroupMember.Role.MENTEE,
    ).values("person_id")
    # the school's people (a base lists them; see ``participants.selectors.mentees``): PostgreSQL joins
    # the programme's profiles to them, not to every person of the deployment
    return MenteeProfile.objects.filter(
        programme=programme_id, person__organization_id=organization_id, person__anonymised_at__isnull=True
    ).exclude(person_id__in=paired)


# compiled once per process (``mentoring.prepared``): building the query cost more than running it
_UNPAIRED_COUNT = PreparedCount(_unpaired_mentees, programme_id=int, organization_id=int)


def unpaired_counts(programme: Programme) -> dict[str, int]:
    """Mentees of the year without an open pair (the list of pairs says how many; one query)."""
    count = _UNPAIRED_COUNT(programme_id=programme.pk, organization_id=programme.organization_id)
    return {"mentees_without_pair": count}


def groups_for_order(programme: Programme, *, include_ordered: bool) -> list[MentoringGroup]:
    """The accepted (open) pairs and groups an order would fix, oldest first."""
    queryset = groups(programme).filter(status__in=MentoringGroup.OPEN_STATUSES).order_by("created_at", "pk")
    if not include_ordered:
        queryset = queryset.filter(order_number="")
    return list(queryset)


@dataclass(frozen=True)
class MentorChoice:
    """A mentor the curator may put in a proposal instead: free = places free now (capacity minus
    mentees in open pairs); proposed = mentees this run proposes to the mentor."""

    person: Person
    capacity: int
    free: int
    proposed: int


def run_mentor_choices(run: MatchingRun) -> list[MentorChoice]:
    """The mentors a matching run's proposal may be swapped to: in the year's mentor base, allowed
    in the run's form of mentoring (taking part: not left, not completed; kind of person, consent,
    training when the run asked for it), with a free place. Two queries, whatever the number of mentors."""
    profiles = (
        MentorProfile.objects.filter(
            programme=run.programme, person__anonymised_at__isnull=True, status__in=MATCHABLE_STATUSES
        )
        .annotate(has_consent=valid_consent())
        .filter(has_consent=True)
        .select_related("person")
        .order_by("person__last_name", "person__first_name", "person__patronymic")
    )
    if run.form.mentor_kinds:
        profiles = profiles.filter(person__kind__in=run.form.mentor_kinds)
    if (run.settings or {}).get("require_training"):
        profiles = profiles.filter(training_done=True)
    profile_list = list(profiles)
    load = dict(
        GroupMember.objects.filter(
            group__programme=run.programme,
            group__status__in=MentoringGroup.OPEN_STATUSES,
            role=GroupMember.Role.MENTOR,
            person__in=[profile.person_id for profile in profile_list],
        )
        .values("person_id")
        .annotate(mentees=Count("group__members", filter=Q(group__members__role=GroupMember.Role.MENTEE)))
        .values_list("person_id", "mentees")
    )
    proposed: dict[int, int] = {}
    for pair in (run.result or {}).get("pairs", []):
        proposed[pair["mentor"]] = proposed.get(pair["mentor"], 0) + 1
    choices = []
    for profile in profile_list:
        free = max(profile.capacity - load.get(profile.person_id, 0), 0)
        if free > 0:
            choices.append(
                MentorChoice(profile.person, profile.capacity, free, proposed.get(profile.person_id, 0))
            )
    return choices


def most_used_form(programme: Programme, allowed: list[MentoringForm]) -> MentoringForm | None:
    """Of the forms the organisation may use, the one with the most pairs and groups (this year, else
    any year of the organisation), else the one in which most of the year's mentees could get a
    mentor (the first of equals); None when none is allowed."""
    if not allowed:
        return None
    by_pk = {form.pk: form for form in allowed}
    for scope in (
        MentoringGroup.objects.filter(programme=programme),
        MentoringGroup.objects.filter(programme__organization_id=programme.organization_id),
    ):
        counts = (
            scope.filter(form_id__in=by_pk)
            .values("form_id")
            .annotate(count=Count("pk"))
            .order_by("-count", "form_id")
        )
        top = counts.first()
        if top is not None:
            return by_pk[top["form_id"]]

    # no pair yet: the form in which most of the year's mentees could get a mentor
    def kinds(model: type[MentorProfile] | type[MenteeProfile]) -> dict[str, int]:
        return dict(
            model.objects.filter(programme=programme)
            .values("person__kind")
            .annotate(count=Count("pk"))
            .values_list("person__kind", "count")
        )

    mentors, mentees = kinds(MentorProfile), kinds(MenteeProfile)

    def fits(counts: dict[str, int], allowed_kinds: list[str]) -> int:
        return sum(n for kind, n in counts.items() if not allowed_kinds or kind in allowed_kinds)

    return max(
        allowed,
        key=lambda form: (
            min(fits(mentors, form.mentor_kinds), fits(mentees, form.mentee_kinds)),
            fits(mentees, form.mentee_kinds),
        ),
    )


@dataclass(frozen=True)
class CandidateOption:
    """One person in the manual pair form: ``note`` says, before the form is sent, what the server
    would refuse (a mentor without a free place, a mentee already in a pair of this form)."""

    id: int
    name: str
    group_name: str
    kind: str
    note: str
    free: int | None = None  # mentors: places free now
    capacity: int | None = None
    busy_forms: tuple[int, ...] = ()  # mentees: the forms they already have an open pair in
    blocked: bool = False  # the server would refuse it in the chosen form

    @property
    def label(self) -> str:
        base = f"{self.name}, {self.group_name}" if self.group_name else self.name
        return f"{base} — {self.note}" if self.note else base

    def as_json(self) -> dict:
        return {
            "value": str(self.id),
            "text": self.label,
            "name": self.name,
            "group": self.group_name,
            "note": self.note,
            "free": self.free,
            "capacity": self.capacity,
            "blocked": self.blocked,
        }


@dataclass(frozen=True)
class PairFormCandidates:
    mentors: list[CandidateOption]
    mentees: list[CandidateOption]


def pair_form_candidates(
    programme: Programme, form: MentoringForm | None = None, *, exclude_group: int | None = None
) -> PairFormCandidates:
    """The people the manual pair form offers: mentors with their free places and mentees with the
    pairs they are already in; with ``form``, only the kinds of people that form allows, and what the
    server would refuse in it is marked ``blocked``. Four queries, whatever the number of people.
    ``exclude_group`` (the pair being edited) does not count against anyone."""
    mentor_people = mentor_candidates(programme).annotate(
        capacity=Subquery(
            MentorProfile.objects.filter(programme=programme, person=OuterRef("pk")).values("capacity")[:1]
        )
    )
    mentee_people = mentee_candidates(programme)
    if form is not None and form.mentor_kinds:
        mentor_people = mentor_people.filter(kind__in=form.mentor_kinds)
    if form is not None and form.mentee_kinds:
        mentee_people = mentee_people.filter(kind__in=form.mentee_kinds)
    open_members = GroupMember.objects.filter(
        group__programme=programme, group__status__in=MentoringGroup.OPEN_STATUSES
    )
    if exclude_group:
        open_members = open_members.exclude(group_id=exclude_group)
    load = dict(
        open_members.filter(role=GroupMember.Role.MENTOR)
        .values("person_id")
        .annotate(mentees=Count("group__members", filter=Q(group__members__role=GroupMember.Role.MENTEE)))
        .values_list("person_id", "mentees")
    )
    busy: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for person_id, form_id, form_name in open_members.filter(role=GroupMember.Role.MENTEE).values_list(
        "person_id", "group__form_id", "group__form__name"
    ):
        busy[person_id].append((form_id, form_name))

    mentors = []
    for person in mentor_people:
        capacity = person.capacity or 0
        free = max(capacity - load.get(person.pk, 0), 0)
        note = (
            _("free places: %(free)s of %(capacity)s") % {"free": free, "capacity": capacity}
            if free
            else _("no free place (%(capacity)s of %(capacity)s taken)") % {"capacity": capacity}
        )
        mentors.append(
            CandidateOption(
                person.pk,
                person.full_name,
                person.group_name,
                person.kind,
                note,
                free=free,
                capacity=capacity,
                blocked=free == 0,
            )
        )
    mentees = []
    for mentee in mentee_people:
        pairs = busy.get(mentee.pk, [])
        names = ", ".join(f"«{name}»" for _form_id, name in pairs)
        note = _("already in a pair: %(forms)s") % {"forms": names} if pairs else ""
        mentees.append(
            CandidateOption(
                mentee.pk,
                mentee.full_name,
                mentee.group_name,
                mentee.kind,
                note,
                busy_forms=tuple(form_id for form_id, _name in pairs),
                blocked=form is not None and any(form_id == form.pk for form_id, _name in pairs),
            )
        )
    return PairFormCandidates(mentors, mentees)
