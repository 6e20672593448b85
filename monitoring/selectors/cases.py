"""Selectors (reads) of the monitoring section: cases (best practices) and whether their photos may be printed.

A photo is printed only while EVERY person marked on it has a publication consent (``Consent.Scope.
PUBLICATION``) that is not withdrawn. The pages say which photos are left out and why; the final
compendium leaves them out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from mentoring.models import Programme
from pairing.models import GroupMember
from participants.models import Consent, Person

from ..models import Case, CasePhoto


def publication_consent(person_ref: str = "pk") -> Exists:
    """Whether the person has a consent to the publication of photos that is not withdrawn."""
    return Exists(
        Consent.objects.filter(
            person=OuterRef(person_ref), scope=Consent.Scope.PUBLICATION, withdrawn_on__isnull=True
        )
    )


def _people_with_consent() -> QuerySet[Person]:
    return Person.objects.annotate(may_publish=publication_consent("pk")).order_by(
        "last_name", "first_name", "patronymic", "pk"
    )


def _cases(programme: Programme) -> QuerySet[Case]:
    return (
        Case.objects.filter(programme=programme)
        .select_related("form", "group", "group__form")
        .prefetch_related(
            Prefetch(
                "group__members",
                queryset=GroupMember.objects.select_related("person")
                .annotate(may_publish=publication_consent("person_id"))
                .order_by("-role", "person__last_name", "person__first_name", "pk"),
            ),
            Prefetch(
                "photos",
                queryset=CasePhoto.objects.prefetch_related(
                    Prefetch("people", queryset=_people_with_consent())
                ).order_by("position", "id"),
            ),
        )
        .order_by("position", "id")
    )


@dataclass
class PhotoVerdict:
    photo: CasePhoto
    people: list[Person]
    without_consent: list[Person] = field(default_factory=list)

    @property
    def printable(self) -> bool:
        return not self.without_consent


def photo_verdict(photo: CasePhoto) -> PhotoVerdict:
    """Whether the photo may be printed; needs the photo's people prefetched with ``may_publish``."""
    people = list(photo.people.all())
    return PhotoVerdict(
        photo=photo,
        people=people,
        without_consent=[p for p in people if not getattr(p, "may_publish", False)],
    )


@dataclass
class CaseView:
    """A case with its members and the verdict on each photo, for the pages and the compendium."""

    case: Case
    mentors: list[Person]
    mentees: list[Person]
    photos: list[PhotoVerdict]

    @property
    def printable_photos(self) -> list[PhotoVerdict]:
        return [verdict for verdict in self.photos if verdict.printable]

    @property
    def left_out(self) -> list[PhotoVerdict]:
        return [verdict for verdict in self.photos if not verdict.printable]

    @property
    def publishable_members(self) -> list[Person]:
        """Members whose names may be printed in the compendium (publication consent)."""
        return [person for person in self.mentors + self.mentees if getattr(person, "may_publish", False)]


def _view(case: Case) -> CaseView:
    members = list(case.group.members.all()) if case.group_id else []
    for member in members:
        member.person.may_publish = member.may_publish
    return CaseView(
        case=case,
        mentors=[m.person for m in members if m.role == GroupMember.Role.MENTOR],
        mentees=[m.person for m in members if m.role == GroupMember.Role.MENTEE],
        photos=[photo_verdict(photo) for photo in case.photos.all()],
    )


def case_list(programme: Programme) -> list[CaseView]:
    """Every case of the year with members and photo verdicts: four queries whatever the number."""
    return [_view(case) for case in _cases(programme)]


def case_detail(programme: Programme, case_id: int) -> CaseView | None:
    case = _cases(programme).filter(pk=case_id).first()
    return _view(case) if case is not None else None


def photo_people_choices(programme: Programme) -> QuerySet[Person]:
    """Who can be marked on a photo: the participants of the year (mentors and mentees), not anonymised."""
    return (
        Person.objects.filter(
            Q(mentor_profiles__programme=programme) | Q(mentee_profiles__programme=programme),
            anonymised_at__isnull=True,
        )
        .distinct()
        .order_by("last_name", "first_name", "patronymic", "pk")
    )
