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
) -> tuple[User, Person]:
    """The account, its roles and its card in one transaction: a refusal leaves nothing behind."""
    organization = programme.organization
    roles = list(roles)
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
