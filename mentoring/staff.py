"""Staff accounts managed by the organisation itself: invitations, roles, access ended and restored.

The curator or the director (administrator) of an organisation adds a staff member: an account without a
password and its roles here, then a one-time invitation — a link sent by e-mail, or a printed sheet with
the login and a code for those without e-mail. The person sets a password through it once. Accounts are
never deleted: access is ended (``is_active`` off, or — when the account also works elsewhere — this
organisation's roles removed and remembered in an ``EndedAccess`` row) and can be restored. Every change
writes an audit row (fields, never values).

Linking the account to the person's card in the bases lives in ``participants.staff`` (the bases are an
app above this one).
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import AuditEvent, EndedAccess, Membership, Organization, Role, StaffInvitation, User
from .services import audit_record

# The roles an organisation's own managers may give (the coordinators' roles belong to the
# authorities, and only there).
SCHOOL_STAFF_ROLES = (Role.CURATOR, Role.ADMINISTRATOR, Role.MENTOR, Role.PSYCHOLOGIST)
# Letters that cannot be misread on paper (no 0/O, 1/I/L).
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 12
MAX_CODE_ATTEMPTS = 5


class StaffError(Exception):
    """An expected refusal whose message is shown to the user as it is (in Russian)."""


class InvitationState(StrEnum):
    OPEN = "open"
    UNKNOWN = "unknown"
    USED = "used"
    EXPIRED = "expired"
    REPLACED = "replaced"
    INACTIVE = "inactive"


# Russian letters in logins, as in the foreign passport (2013).
TRANSLIT = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        [
            "a",
            "b",
            "v",
            "g",
            "d",
            "e",
            "e",
            "zh",
            "z",
            "i",
            "i",
            "k",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "f",
            "kh",
            "ts",
            "ch",
            "sh",
            "shch",
            "ie",
            "y",
            "",
            "e",
            "iu",
            "ia",
        ],
        strict=True,
    )
)


def transliterate_login(text: str) -> str:
    latin = "".join(TRANSLIT.get(letter, letter) for letter in text.strip().lower())
    return re.sub(r"[^a-z0-9]", "", latin)


def roles_for(organization: Organization) -> list[tuple[str, str]]:
    """The roles a staff member of this organisation may hold, as (value, label) choices."""
    roles: list[str] = list(SCHOOL_STAFF_ROLES)
    if organization.is_municipal_authority:
        roles.append(Role.MUNICIPAL_COORDINATOR)
    if organization.is_region:
        roles.append(Role.REGIONAL_COORDINATOR)
    return [(role, str(Role(role).label)) for role in Role.values if role in roles]


def is_administrator(actor: User, organization: Organization) -> bool:
    """The organisation's administrator (the director): the only one who gives or takes the role."""
    return (
        bool(getattr(actor, "is_superuser", False))
        or Membership.objects.filter(
            user_id=actor.pk, organization=organization, role=Role.ADMINISTRATOR
        ).exists()
    )


def grantable_roles(actor: User, organization: Organization) -> list[tuple[str, str]]:
    """The roles this manager may give or take here: a curator never the administrator's."""
    if is_administrator(actor, organization):
        return roles_for(organization)
    return [(value, label) for value, label in roles_for(organization) if value != Role.ADMINISTRATOR]


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def normalise_code(code: str) -> str:
    return re.sub(r"[^A-Z0-9]", "", code.upper())


def code_display(code: str) -> str:
    """«ABCD-EFGH-JKMN»: a printed code read in groups of four."""
    return "-".join(code[index : index + 4] for index in range(0, len(code), 4))


def login_suggestion(*, last_name: str, first_name: str, patronymic: str = "", email: str = "") -> str:
    """A free login: the e-mail's name, or «ivanova.as» from the full name, with a number if taken."""
    base = ""
    if email:
        base = re.sub(r"[^a-z0-9._-]", "", email.split("@", 1)[0].lower())
    if not base:
        initials = "".join(transliterate_login(part)[:1] for part in (first_name, patronymic) if part)
        base = ".".join(part for part in (transliterate_login(last_name), initials) if part)
    base = (base or "staff")[:140]
    model = get_user_model()
    candidate, number = base, 1
    while model.objects.filter(username__iexact=candidate).exists():
        number += 1
        candidate = f"{base}{number}"
    return candidate


@dataclass(frozen=True)
class IssuedInvitation:
    """An invitation just issued, with its secret: shown or sent once, never stored."""

    invitation: StaffInvitation
    secret: str

    @property
    def code(self) -> str:
        return code_display(self.secret)


def _check_roles(organization: Organization, roles: Iterable[str], actor: User | None = None) -> list[str]:
    choices = roles_for(organization) if actor is None else grantable_roles(actor, organization)
    allowed = {value for value, _label in choices}
    chosen = sorted(set(roles))
    if not chosen:
        raise StaffError(_("Choose at least one role."))
    if not set(chosen) <= allowed:
        raise StaffError(_("This role cannot be given in this organisation."))
    return chosen


@transaction.atomic
def staff_account_create(
    *,
    actor: User,
    organization: Organization,
    last_name: str,
    first_name: str,
    patronymic: str = "",
    email: str = "",
    username: str = "",
    roles: Iterable[str],
) -> User:
    """A new account without a password, with its roles in the organisation; refused if the login or
    the e-mail is taken (nothing is changed then)."""
    chosen = _check_roles(organization, roles, actor)
    model = get_user_model()
    email = email.strip().lower()
    username = username.strip()
    if email and model.objects.filter(email__iexact=email).exists():
        raise StaffError(
            _(
                "An account with this e-mail already exists. If this person already works in the system, "
                "ask the system administrator to add them to your organisation."
            )
        )
    if username and model.objects.filter(username__iexact=username).exists():
        raise StaffError(_("This login is taken: choose another one."))
    username = username or login_suggestion(
        last_name=last_name, first_name=first_name, patronymic=patronymic, email=email
    )
    user = model(
        username=username,
        last_name=last_name.strip(),
        first_name=first_name.strip(),
        patronymic=patronymic.strip(),
        email=email,
    )
    user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    audit_record(
        actor=actor,
        organization=organization,
        action=AuditEvent.Action.CREATE,
        target=user,
        changes=["username", "last_name", "first_name", "patronymic", "email"],
    )
    for role in chosen:
        _role_grant(actor=actor, organization=organization, user=user, role=role)
    return user


def _role_grant(*, actor: User, organization: Organization, user: User, role: str) -> Membership:
    """One role given here, audited with the role named."""
    membership = Membership(user=user, organization=organization, role=role)
    membership.full_clean()
    membership.save()
    audit_record(
        actor=actor,
        organization=organization,
        action=AuditEvent.Action.CREATE,
        target=membership,
        details={"role": role},
    )
    return membership


def staff_of(organization: Organization, user_id: int) -> User | None:
    """The account if it holds a role in this organisation (the managers' pages work on no other)."""
    return (
        get_user_model().objects.filter(pk=user_id, memberships__organization=organization).distinct().first()
    )


def _works_elsewhere(user: User, organization: Organization) -> bool:
    return Membership.objects.filter(user=user).exclude(organization=organization).exists()


@transaction.atomic
def staff_roles_set(*, actor: User, organization: Organization, user: User, roles: Iterable[str]) -> bool:
    """Give exactly these roles here (adding and removing memberships); True when anything changed.

    Nobody changes their own roles (someone else must, so no one grants themselves more or locks the
    organisation out); only the administrator gives or takes the administrator's role, and a curator
    does not change an administrator's roles at all.
    """
    if user.pk == actor.pk:
        raise StaffError(_("You cannot change your own roles: ask another manager of the organisation."))
    current = {m.role: m for m in Membership.objects.filter(user=user, organization=organization)}
    if not is_administrator(actor, organization):
        if Role.ADMINISTRATOR in current:
            raise StaffError(_("Only the administrator can change an administrator's roles."))
        if Role.ADMINISTRATOR in set(roles):
            raise StaffError(_("Only the administrator can give the administrator's role."))
    chosen = set(_check_roles(organization, roles, actor))
    manageable = {value for value, _label in roles_for(organization)}
    changed = False
    for role, membership in current.items():
        if role not in chosen and role in manageable:
            audit_record(
                actor=actor,
                organization=organization,
                action=AuditEvent.Action.DELETE,
                target=membership,
                details={"role": membership.role},
            )
            membership.delete()
            changed = True
    for role in sorted(chosen - set(current)):
        _role_grant(actor=actor, organization=organization, user=user, role=role)
        changed = True
    return changed


def ended_access_of(organization: Organization, user_id: int) -> EndedAccess | None:
    """The record of this person's access ended here while they work elsewhere (None if there is none, or
    if they hold a role here again)."""
    return (
        EndedAccess.objects.select_related("user")
        .filter(organization=organization, user_id=user_id)
        .exclude(user__memberships__organization=organization)
        .first()
    )


def ended_accesses(organization: Organization) -> list[EndedAccess]:
    """Everyone whose access here was ended while they work elsewhere: «Доступ закрыт» on the members page."""
    return list(
        EndedAccess.objects.select_related("user")
        .filter(organization=organization)
        .exclude(user__memberships__organization=organization)
    )


def _may_touch_administrator(actor: User, organization: Organization, roles: Iterable[str]) -> bool:
    return Role.ADMINISTRATOR not in set(roles) or is_administrator(actor, organization)


@transaction.atomic
def staff_access_end(*, actor: User, organization: Organization, user: User) -> None:
    """End the person's access: the account is switched off (never deleted); an account that also works
    in another organisation stays on there and loses only this organisation's roles, which an
    ``EndedAccess`` row keeps for «Восстановить доступ»."""
    if user.pk == actor.pk:
        raise StaffError(_("You cannot end your own access."))
    memberships = list(Membership.objects.filter(user=user, organization=organization).order_by("role"))
    if not _may_touch_administrator(actor, organization, (m.role for m in memberships)):
        raise StaffError(_("Only the administrator can end an administrator's access."))
    if not memberships:  # no role here: nothing of this organisation's to end
        raise StaffError(_("This person's access has already been ended."))
    if _works_elsewhere(user, organization):
        for membership in memberships:
            audit_record(
                actor=actor,
                organization=organization,
                action=AuditEvent.Action.DELETE,
                target=membership,
                details={"role": membership.role},
            )
            membership.delete()
        ended = EndedAccess.objects.filter(organization=organization, user=user).first()
        # roles given again in the admin and ended once more: both sets come back on restoring
        roles = sorted({*(ended.roles if ended else []), *(m.role for m in memberships)})
        if ended is None:
            ended = EndedAccess(organization=organization, user=user)
        ended.roles, ended.ended_at, ended.ended_by = roles, timezone.now(), actor
        ended.save()
        audit_record(
            actor=actor,
            organization=organization,
            action=AuditEvent.Action.CREATE,
            target=ended,
            details={"roles": roles},
        )
        return
    if not user.is_active:
        raise StaffError(_("This person's access has already been ended."))
    type(user).objects.filter(pk=user.pk).update(is_active=False)
    user.is_active = False
    _revoke_open(user)
    audit_record(
        actor=actor,
        organization=organization,
        action=AuditEvent.Action.UPDATE,
        target=user,
        changes=["is_active"],
    )


def _ended_access_restore(*, actor: User, organization: Organization, ended: EndedAccess) -> None:
    """Give back exactly the roles the record keeps, each audited, and forget the record."""
    if not _may_touch_administrator(actor, organization, ended.roles):
        raise StaffError(_("Only the administrator can restore an administrator's access."))
    held = set(
        Membership.objects.filter(user_id=ended.user_id, organization=organization).values_list(
            "role", flat=True
        )
    )
    for role in sorted(set(ended.roles) - held):
        _role_grant(actor=actor, organization=organization, user=ended.user, role=role)
    audit_record(
        actor=actor,
        organization=organization,
        action=AuditEvent.Action.DELETE,
        target=ended,
        details={"roles": list(ended.roles)},
    )
    ended.delete()


@transaction.atomic
def staff_access_restore(*, actor: User, organization: Organization, user: User) -> None:
    """Restore the access ended here: the roles taken from an account that works elsewhere come back as
    they were; an account switched off is switched on."""
    ended = EndedAccess.objects.select_for_update().filter(organization=organization, user=user).first()
    if ended is not None:
        _ended_access_restore(actor=actor, organization=organization, ended=ended)
        return
    if user.is_active:
        raise StaffError(_("This person already has access."))
    if _works_elsewhere(user, organization):  # switched off elsewhere: not this organisation's to undo
        raise StaffError(_("This account also works in another organisation: ask the system administrator."))
    type(user).objects.filter(pk=user.pk).update(is_active=True)
    user.is_active = True
    audit_record(
        actor=actor,
        organization=organization,
        action=AuditEvent.Action.UPDATE,
        target=user,
        changes=["is_active"],
    )


def _revoke_open(user: User, now: datetime | None = None) -> int:
    return StaffInvitation.objects.filter(user=user, used_at=None, revoked_at=None).update(
        revoked_at=now or timezone.now()
    )


@transaction.atomic
def invitation_issue(
    *, actor: User, organization: Organization, user: User, channel: str
) -> IssuedInvitation:
    """A new one-time invitation (the previous open ones stop working). Only for an account that has
    not set its password yet: a person with a password uses «Забыли пароль?»."""
    if not user.is_active:
        raise StaffError(_("This person's access has been ended: restore it first."))
    if user.has_usable_password():
        raise StaffError(
            _(
                "This person has already set a password. If they forgot it, they can reset it on the sign-in page."
            )
        )
    if channel == StaffInvitation.Channel.EMAIL and not user.email:
        raise StaffError(_("This person has no e-mail: print a sign-in sheet instead."))
    now = timezone.now()
    _revoke_open(user, now)
    if channel == StaffInvitation.Channel.SHEET:
        secret = "".join(secrets.choice(CODE_ALPHABET) for _index in range(CODE_LENGTH))
        lifetime = timedelta(days=settings.STAFF_SHEET_DAYS)
    else:
        secret = secrets.token_urlsafe(32)
        lifetime = timedelta(days=settings.STAFF_INVITATION_DAYS)
    invitation = StaffInvitation.objects.create(
        user=user,
        organization=organization,
        channel=channel,
        secret_hash=secret_hash(secret),
        created_by=actor,
        created_at=now,
        expires_at=now + lifetime,
    )
    audit_record(
        actor=actor,
        organization=organization,
        action=AuditEvent.Action.CREATE,
        target=invitation,
        details={"channel": channel},
    )
    return IssuedInvitation(invitation=invitation, secret=secret)


def invitation_state(invitation: StaffInvitation | None) -> InvitationState:
    if invitation is None:
        return InvitationState.UNKNOWN
    if invitation.used_at is not None:
        return InvitationState.USED
    if invitation.revoked_at is not None:
        return InvitationState.REPLACED
    if not invitation.user.is_active:
        return InvitationState.INACTIVE
    if invitation.expires_at <= timezone.now():
        return InvitationState.EXPIRED
    return InvitationState.OPEN


def invitation_by_link(secret: str) -> StaffInvitation | None:
    return (
        StaffInvitation.objects.select_related("user", "organization")
        .filter(secret_hash=secret_hash(secret), channel=StaffInvitation.Channel.EMAIL)
        .first()
    )


@transaction.atomic
def invitation_by_code(username: str, code: str) -> StaffInvitation | None:
    """The sheet invitation of this login with this code. A wrong code counts against the login's open
    sheet: after ``MAX_CODE_ATTEMPTS`` it stops working (the curator prints a new one)."""
    found = (
        StaffInvitation.objects.select_related("user", "organization")
        .filter(
            user__username__iexact=username.strip(),
            channel=StaffInvitation.Channel.SHEET,
            secret_hash=secret_hash(normalise_code(code)),
        )
        .first()
    )
    if found is None:
        open_sheets = StaffInvitation.objects.select_for_update().filter(
            user__username__iexact=username.strip(),
            channel=StaffInvitation.Channel.SHEET,
            used_at=None,
            revoked_at=None,
        )
        for sheet in open_sheets:
            sheet.failed_attempts += 1
            if sheet.failed_attempts >= MAX_CODE_ATTEMPTS:
                sheet.revoked_at = timezone.now()
            sheet.save(update_fields=["failed_attempts", "revoked_at"])
    return found


@transaction.atomic
def invitation_accept(*, invitation: StaffInvitation, password: str) -> User:
    """Set the password through an open invitation; the invitation is then used and cannot be reused."""
    locked = StaffInvitation.objects.select_for_update().select_related("user").get(pk=invitation.pk)
    if invitation_state(locked) != InvitationState.OPEN:
        raise StaffError(invitation_message(invitation_state(locked)))
    user = locked.user
    user.set_password(password)
    user.save(update_fields=["password"])
    locked.used_at = timezone.now()
    locked.save(update_fields=["used_at"])
    audit_record(
        actor=user,
        organization=locked.organization,
        action=AuditEvent.Action.UPDATE,
        target=locked,
        changes=["used_at", "password"],
    )
    return user


def invitation_message(state: InvitationState) -> str:
    """What a person who followed an invitation is told when it no longer works."""
    return {
        InvitationState.UNKNOWN: _(
            "This invitation link or code is not valid. Check it, or ask your curator for a new invitation."
        ),
        InvitationState.USED: _(
            "This invitation has already been used: the password is set. Sign in with your login and "
            "password, or use «Forgot your password?» on the sign-in page."
        ),
        InvitationState.EXPIRED: _("This invitation has expired. Ask your curator to send a new one."),
        InvitationState.REPLACED: _(
            "A newer invitation has been issued for you: use the link from the latest letter or the latest "
            "sheet."
        ),
        InvitationState.INACTIVE: _("Access for this account has been ended. Contact your curator."),
        InvitationState.OPEN: "",
    }[state]


def invitation_email_send(*, issued: IssuedInvitation, link: str) -> None:
    """The letter with the one-time link (``link``: the absolute address of the invitation page)."""
    invitation = issued.invitation
    context = {
        "user": invitation.user,
        "organization": invitation.organization,
        "link": link,
        "expires_at": invitation.expires_at,
        "invited_by": invitation.created_by,
    }
    subject = render_to_string("mentoring/staff/invitation_subject.txt", context).strip()
    body = render_to_string("mentoring/staff/invitation_email.txt", context)
    send_mail(subject, body, None, [invitation.user.email])
