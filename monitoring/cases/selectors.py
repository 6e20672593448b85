"""Selectors (reads) of the monitoring section: cases (best practices) and whether their photos may be printed.

A photo is printed only while EVERY person marked on it has a publication consent (``Consent.Scope.
PUBLICATION``) that is not withdrawn. The pages say which photos are left out and why; the final
compendium leaves them out.

Who sees a case in the application (``for_viewer``): the curator, the administrator and the pair's own
mentors; others meet best practice in the compendium, made for publication. A photo that is left out is
shown to no one but the curator and whoever uploaded it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from mentoring.access import MANAGERS, Access
from mentoring.models import Programme, Role
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
    hidden_photos: int = 0  # left-out photos this viewer may not see (``for_viewer``)
    # members whose names may be printed in the compendium (publication consent), mentors first
    publishable_members: list[Person] = field(default_factory=list)

    @property
    def printable_photos(self) -> list[PhotoVerdict]:
        return [verdict for verdict in self.photos if verdict.printable]

    @property
    def left_out(self) -> list[PhotoVerdict]:
        return [verdict for verdict in self.photos if not verdict.printable]


def _view(case: Case) -> CaseView:
    members = list(case.group.members.all()) if case.group is not None else []
    mentors = [m for m in members if m.role == GroupMember.Role.MENTOR]
    mentees = [m for m in members if m.role == GroupMember.Role.MENTEE]
    return CaseView(
        case=case,
        mentors=[m.person for m in mentors],
        mentees=[m.person for m in mentees],
        photos=[photo_verdict(photo) for photo in case.photos.all()],
        # ``may_publish`` is annotated by the members' prefetch in ``_cases``
        publishable_members=[m.person for m in mentors + mentees if getattr(m, "may_publish", False)],
    )


def may_see_case(view: CaseView, user, access: Access) -> bool:
    """The curator and the administrator of the organisation itself, and the pair's own mentors."""
    if not access.sees_personal_data:
        return False
    if access.has_any(MANAGERS):
        return True
    return any(person.user_id is not None and person.user_id == user.pk for person in view.mentors)


def may_see_photo(verdict: PhotoVerdict, user, access: Access) -> bool:
    """A photo everyone on it allowed to publish: whoever sees the case; otherwise the curator and the uploader."""
    if verdict.printable:
        return True
    if not access.sees_personal_data:
        return False
    uploader = verdict.photo.uploaded_by_id
    return Role.CURATOR in access.roles or (uploader is not None and uploader == user.pk)


def for_viewer(view: CaseView, user, access: Access) -> CaseView | None:
    """The case as this user may see it (the photos they may not see only counted), or None."""
    if not may_see_case(view, user, access):
        return None
    shown = [verdict for verdict in view.photos if may_see_photo(verdict, user, access)]
    return replace(view, photos=shown, hidden_photos=len(view.photos) - len(shown))


def visible_case_list(programme: Programme, user, access: Access) -> list[CaseView]:
    """The cases of the year this user may see, with the photos they may see (same four queries)."""
    views = (for_viewer(view, user, access) for view in case_list(programme))
    return [view for view in views if view is not None]


def visible_case_detail(programme: Programme, case_id: int, user, access: Access) -> CaseView | None:
    found = case_detail(programme, case_id)
    return for_viewer(found, user, access) if found is not None else None


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
