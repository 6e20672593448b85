"""A staff member added from the members page: the account (``mentoring.staff``) and the person's card in
the bases, linked in the same step — an existing card chosen, or a new one created; a mentor also gets
this year's mentor profile."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from mentoring.models import AuditEvent, Organization, Programme, Role, User
from mentoring.services import audit_record
from mentoring.staff import StaffError, staff_account_create

from . import services
from .models import MentorProfile, Person

# Who may hold a staff account: the organisation's staff and the outside mentors (partners' employees,
# graduates, students, parents) — never a pupil.
ACCOUNT_KINDS = tuple(kind for kind in Person.Kind.values if kind not in Person.LEARNER_KINDS)


def cards_without_account(organization: Organization) -> QuerySet[Person]:
    """The cards a new account may be linked to: adults of the organisation without an account."""
    return Person.objects.filter(
        organization=organization, user=None, anonymised_at=None, kind__in=ACCOUNT_KINDS
    ).order_by("last_name", "first_name", "patronymic", "id")


class NamesakeError(StaffError):
    """An adult of this name is already in the bases: link that card, or confirm it is someone else."""


def _folded(text: str) -> str:
    return text.strip().lower().replace("ё", "е")


def namesakes(organization: Organization, *, last_name: str, first_name: str) -> list[Person]:
    """Adults of the organisation's bases with this surname and name (letter case and «ё» aside; the
    comparison is made here: SQLite folds no Cyrillic case)."""
    last, first = _folded(last_name), _folded(first_name)
    if not last or not first:
        return []
    cards = Person.objects.filter(
        organization=organization, anonymised_at=None, kind__in=ACCOUNT_KINDS, search_text__contains=last
    ).order_by("pk")
    return [card for card in cards if _folded(card.last_name) == last and _folded(card.first_name) == first]


@transaction.atomic
def person_account_link(*, actor: User, person: Person, user: User) -> None:
    if person.user_id is not None and person.user_id != user.pk:
        raise StaffError(_("This card is already linked to another account."))
    if person.user_id == user.pk:
        return
    Person.objects.filter(pk=person.pk).update(user=user)
    person.user = user
    audit_record(
        actor=actor,
        organization=person.organization,
        action=AuditEvent.Action.UPDATE,
        target=person,
        changes=["user"],
    )


@transaction.atomic
def staff_add(
    *,
    actor: User,
    programme: Programme,
    last_name: str,
    first_name: str,
    patronymic: str = "",
    email: str = "",
    username: str = "",
    roles: Iterable[str],
    person: Person | None = None,
    person_kind: str = Person.Kind.TEACHER,
    position: str = "",
    allow_namesake: bool = False,
) -> tuple[User, Person]:
    """The account, its roles and its card in one transaction: a refusal leaves nothing behind.

    A new card is refused while an adult of the same surname and name is in the bases (a second account
    and card for one person, e.g. after a form sent twice), unless ``allow_namesake`` confirms it is
    someone else."""
    organization = programme.organization
    roles = list(roles)
    if person is None and not allow_namesake:
        found = next(iter(namesakes(organization, last_name=last_name, first_name=first_name)), None)
        if found is not None:
            message = (
                _(
                    "%(name)s is already in the bases and has an account: open them in the list of "
                    "members. If this is another person, tick «This is another person» to create a new card."
                )
                if found.user_id
                else _(
                    "%(name)s is already in the bases: choose this card in «Card in the bases» to link it, "
                    "or tick «This is another person» to create a new card."
                )
            )
            raise NamesakeError(message % {"name": found.full_name})
    if person is not None:
        if person.organization_id != organization.pk or person.is_anonymised:
            raise StaffError(_("This card belongs to another organisation."))
        if person.kind in Person.LEARNER_KINDS:
            raise StaffError(_("A pupil's card cannot be linked to a staff account."))
        if person.user_id is not None:
            raise StaffError(_("This card is already linked to another account."))
    user = staff_account_create(
        actor=actor,
        organization=organization,
        last_name=last_name,
        first_name=first_name,
        patronymic=patronymic,
        email=email,
        username=username,
        roles=roles,
    )
    if person is None:
        person = services.person_create(
            actor=actor,
            organization=organization,
            last_name=user.last_name,
            first_name=user.first_name,
            patronymic=user.patronymic,
            email=user.email,
            kind=person_kind,
            position=position,
        )
    person_account_link(actor=actor, person=person, user=user)
    if Role.MENTOR in roles and not MentorProfile.objects.filter(person=person, programme=programme).exists():
        services.mentor_profile_save(actor=actor, person=person, programme=programme)
    return user, person
