"""Staff managed from the members page: accounts, invitations (e-mail link and printed sheet), roles, access
ended and restored, the card in the bases — services, pages, permissions, audit."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from mentoring.models import AuditEvent, Membership, Role, StaffInvitation, User
from mentoring.staff import (
    InvitationState,
    StaffError,
    invitation_accept,
    invitation_by_code,
    invitation_by_link,
    invitation_issue,
    invitation_state,
    staff_access_end,
    staff_access_restore,
    staff_roles_set,
)
from participants.models import MentorProfile, Person
from participants.services import person_create
from participants.staff import staff_add
from tests.factories import MembershipFactory, UserFactory

from ..conftest import YEAR, client_for

NEW_PASSWORD = "Зелёный-клён-2025"


def _url(name: str, **kwargs) -> str:
    return reverse(name, kwargs={"org": "school-a", "year": YEAR, **kwargs})


def _add(curator, programme, **fields):
    values = {
        "actor": curator,
        "programme": programme,
        "last_name": "Соколова",
        "first_name": "Анна",
        "patronymic": "Игоревна",
        "email": "sokolova@school.example",
        "roles": [Role.MENTOR],
    }
    values.update(fields)
    return staff_add(**values)


def _link_secret(message) -> str:
    found = re.search(r"/accounts/invitation/([\w-]+)/", message.body)
    assert found is not None, message.body
    return found.group(1)


# --- Services --------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_new_mentor_gets_an_account_without_password_a_card_and_a_mentor_profile(curator, programme):
    user, person = _add(curator, programme)
    assert user.username == "sokolova"
    assert not user.has_usable_password() and user.is_active
    assert list(Membership.objects.filter(user=user).values_list("organization__slug", "role")) == [
        ("school-a", "mentor")
    ]
    assert person.user == user and person.organization == programme.organization
    assert (person.last_name, person.first_name, person.patronymic) == ("Соколова", "Анна", "Игоревна")
    assert MentorProfile.objects.filter(person=person, programme=programme).exists()
    audited = set(
        AuditEvent.objects.filter(organization=programme.organization).values_list("action", "target_type")
    )
    assert {
        ("create", "mentoring.User"),
        ("create", "mentoring.Membership"),
        ("create", "participants.Person"),
        ("update", "participants.Person"),
        ("create", "participants.MentorProfile"),
    } <= audited
    # the audit keeps the fields, never the name or the address
    for event in AuditEvent.objects.all():
        assert "Соколова" not in f"{event.target_repr} {event.details} {event.fields}"
        assert "sokolova@" not in f"{event.target_repr} {event.details} {event.fields}"


@pytest.mark.django_db
def test_an_existing_card_is_linked_instead_of_a_new_one(curator, programme):
    card = person_create(
        actor=curator,
        organization=programme.organization,
        last_name="Соколова",
        first_name="Анна",
        kind="teacher",
    )
    user, person = _add(curator, programme, person=card, roles=[Role.PSYCHOLOGIST])
    assert person.pk == card.pk
    card.refresh_from_db()
    assert card.user == user
    assert Person.objects.filter(organization=programme.organization, last_name="Соколова", first_name="Анна").count() == 1
    assert not MentorProfile.objects.filter(person=card).exists()  # a psychologist is not a mentor


@pytest.mark.django_db
def test_a_pupils_card_or_another_schools_card_is_refused_and_nothing_is_created(
    curator, programme, mentee, other_school
):
    foreign = person_create(
        actor=None, organization=other_school, last_name="Чужой", first_name="Ян", kind="teacher"
    )
    before = (User.objects.count(), Membership.objects.count(), AuditEvent.objects.count())
    for card in (mentee, foreign):
        with pytest.raises(StaffError):
            _add(curator, programme, person=card)
    assert (User.objects.count(), Membership.objects.count(), AuditEvent.objects.count()) == before


@pytest.mark.django_db
def test_a_taken_e_mail_or_login_is_refused_with_nothing_changed(curator, programme, mentor):
    before = (
        User.objects.count(),
        Person.objects.count(),
        Membership.objects.count(),
        AuditEvent.objects.count(),
    )
    with pytest.raises(StaffError, match="адресом"):
        _add(curator, programme, email=mentor.email.upper())
    with pytest.raises(StaffError, match="логин"):
        _add(curator, programme, email="", username="MENTOR")
    assert (
        User.objects.count(),
        Person.objects.count(),
        Membership.objects.count(),
        AuditEvent.objects.count(),
    ) == before


@pytest.mark.django_db
def test_a_login_is_made_from_the_name_when_there_is_no_e_mail(curator, programme):
    first, _card = _add(
        curator, programme, email="", last_name="Щукина", first_name="Юлия", patronymic="Олеговна"
    )
    with pytest.raises(StaffError):  # a namesake: refused until confirmed to be someone else
        _add(curator, programme, email="", last_name="щукина", first_name="Юлия")
    second, _card = _add(
        curator,
        programme,
        email="",
        last_name="Щукина",
        first_name="Юлия",
        patronymic="Олеговна",
        allow_namesake=True,
    )
    assert (first.username, second.username) == ("shchukina.io", "shchukina.io2")


@pytest.mark.django_db
def test_a_coordinators_role_is_not_given_at_a_school(curator, programme):
    with pytest.raises(StaffError):
        _add(curator, programme, roles=[Role.MUNICIPAL_COORDINATOR])
    with pytest.raises(StaffError):
        _add(curator, programme, roles=[])
    assert not User.objects.filter(username="sokolova").exists()


@pytest.mark.django_db
def test_the_e_mailed_link_works_once(curator, programme):
    user, _person = _add(curator, programme)
    issued = invitation_issue(actor=curator, organization=programme.organization, user=user, channel="email")
    found = invitation_by_link(issued.secret)
    assert invitation_state(found) == InvitationState.OPEN
    assert issued.invitation.secret_hash != issued.secret  # only a hash is stored
    invitation_accept(invitation=found, password=NEW_PASSWORD)
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    again = invitation_by_link(issued.secret)
    assert invitation_state(again) == InvitationState.USED
    with pytest.raises(StaffError, match="уже использовано"):
        invitation_accept(invitation=again, password="другой-пароль-42")
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    accepted = AuditEvent.objects.get(
        target_type="mentoring.StaffInvitation", action=AuditEvent.Action.UPDATE
    )
    assert accepted.actor == user and "password" in accepted.fields


@pytest.mark.django_db
def test_an_expired_link_and_a_replaced_link_do_not_work(curator, programme, settings):
    user, _person = _add(curator, programme)
    first = invitation_issue(actor=curator, organization=programme.organization, user=user, channel="email")
    StaffInvitation.objects.filter(pk=first.invitation.pk).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )
    assert invitation_state(invitation_by_link(first.secret)) == InvitationState.EXPIRED
    with pytest.raises(StaffError, match="истёк"):
        invitation_accept(invitation=invitation_by_link(first.secret), password=NEW_PASSWORD)
    second = invitation_issue(actor=curator, organization=programme.organization, user=user, channel="email")
    third = invitation_issue(actor=curator, organization=programme.organization, user=user, channel="email")
    assert invitation_state(invitation_by_link(second.secret)) == InvitationState.REPLACED
    assert invitation_state(invitation_by_link(third.secret)) == InvitationState.OPEN
    assert invitation_state(invitation_by_link("made-up")) == InvitationState.UNKNOWN
    assert third.invitation.expires_at - third.invitation.created_at == timedelta(
        days=settings.STAFF_INVITATION_DAYS
    )


@pytest.mark.django_db
def test_no_invitation_once_the_password_is_set_or_without_e_mail(curator, programme, mentor):
    with pytest.raises(StaffError):
        invitation_issue(actor=curator, organization=programme.organization, user=mentor, channel="email")
    user, _person = _add(curator, programme, email="")
    with pytest.raises(StaffError):
        invitation_issue(actor=curator, organization=programme.organization, user=user, channel="email")
    assert not StaffInvitation.objects.exists()


@pytest.mark.django_db
def test_a_sheet_code_works_once_and_wrong_codes_wear_it_out(curator, programme):
    user, _person = _add(curator, programme, email="")
    issued = invitation_issue(actor=curator, organization=programme.organization, user=user, channel="sheet")
    assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", issued.code)
    # typed in small letters, without dashes, the login in capitals: still found
    found = invitation_by_code(user.username.upper(), issued.code.replace("-", "").lower())
    assert found is not None and invitation_state(found) == InvitationState.OPEN
    for _attempt in range(5):
        assert invitation_by_code(user.username, "AAAA-BBBB-CCCC") is None
    assert invitation_state(invitation_by_code(user.username, issued.code)) == InvitationState.REPLACED


@pytest.mark.django_db
def test_roles_change_and_access_ends_and_returns_all_audited(curator, programme):
    user, _person = _add(curator, programme)
    organization = programme.organization
    assert staff_roles_set(actor=curator, organization=organization, user=user, roles=[Role.PSYCHOLOGIST])
    assert set(user.memberships.values_list("role", flat=True)) == {"psychologist"}
    assert not staff_roles_set(actor=curator, organization=organization, user=user, roles=[Role.PSYCHOLOGIST])
    issued = invitation_issue(actor=curator, organization=organization, user=user, channel="email")
    staff_access_end(actor=curator, organization=organization, user=user)
    user.refresh_from_db()
    assert not user.is_active and User.objects.filter(pk=user.pk).exists()
    assert user.memberships.exists()  # kept: the roles come back with the access
    assert invitation_state(invitation_by_link(issued.secret)) == InvitationState.REPLACED
    with pytest.raises(StaffError):
        invitation_issue(actor=curator, organization=organization, user=user, channel="email")
    staff_access_restore(actor=curator, organization=organization, user=user)
    user.refresh_from_db()
    assert user.is_active
    actions = list(
        AuditEvent.objects.filter(target_type__in=["mentoring.User", "mentoring.Membership"])
        .order_by("pk")
        .values_list("action", "target_type")
    )
    assert actions[-4:] == [
        ("delete", "mentoring.Membership"),
        ("create", "mentoring.Membership"),
        ("update", "mentoring.User"),
        ("update", "mentoring.User"),
    ]


@pytest.mark.django_db
def test_an_account_that_works_elsewhere_only_loses_this_schools_roles(curator, programme, other_school):
    user, _person = _add(curator, programme)
    MembershipFactory(user=user, organization=other_school, role=Role.MENTOR)
    staff_access_end(actor=curator, organization=programme.organization, user=user)
    user.refresh_from_db()
    assert user.is_active
    assert list(user.memberships.values_list("organization__slug", flat=True)) == ["school-b"]


@pytest.mark.django_db
def test_a_manager_cannot_lock_themselves_out(curator, programme):
    organization = programme.organization
    with pytest.raises(StaffError):
        staff_roles_set(actor=curator, organization=organization, user=curator, roles=[Role.MENTOR])
    with pytest.raises(StaffError):
        staff_access_end(actor=curator, organization=organization, user=curator)
    curator.refresh_from_db()
    assert curator.is_active and curator.memberships.filter(role=Role.CURATOR).exists()


# --- Pages -----------------------------------------------------------------------------------------

FORM = {
    "last_name": "Соколова",
    "first_name": "Анна",
    "patronymic": "Игоревна",
    "email": "sokolova@school.example",
    "username": "",
    "roles": ["mentor"],
    "invite_by": "email",
    "person": "",
    "person_kind": "teacher",
    "position": "учитель математики",
}


@pytest.mark.django_db
def test_curator_invites_by_e_mail_and_the_person_sets_a_password_and_lands_on_the_start_page(
    curator, programme, mailoutbox
):
    client = client_for(curator)
    members = client.get(_url("members"))
    assert _url("staff:create") in members.content.decode()
    response = client.post(_url("staff:create"), FORM)
    assert response.status_code == 302 and response.url == _url("members")
    assert len(mailoutbox) == 1
    letter = mailoutbox[0]
    assert letter.to == ["sokolova@school.example"]
    assert "МБОУ «СОШ № 1»" in letter.subject and "sokolova" in letter.body
    secret = _link_secret(letter)

    newcomer = Client()
    opened = newcomer.get(reverse("invitation_link", kwargs={"secret": secret}))
    assert opened.status_code == 302 and opened.url == reverse("invitation_password")
    page = newcomer.get(opened.url)
    assert page.status_code == 200 and "Анна Игоревна" in page.content.decode()
    weak = newcomer.post(opened.url, {"new_password1": "123", "new_password2": "123"})
    assert weak.status_code == 200
    done = newcomer.post(opened.url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done.status_code == 302 and done.url == reverse("home")
    assert newcomer.get(reverse("home")).url == _url("dashboard")
    user = User.objects.get(username="sokolova")
    assert user.check_password(NEW_PASSWORD) and user.last_login is not None

    # the same link again: a clear Russian message, not a form
    again = Client().get(reverse("invitation_link", kwargs={"secret": secret}))
    assert again.status_code == 200 and "new_password1" not in again.content.decode()
    assert "уже использовано" in again.content.decode()


@pytest.mark.django_db
def test_an_expired_link_says_so_in_russian(curator, programme):
    user, _person = _add(curator, programme)
    issued = invitation_issue(actor=curator, organization=programme.organization, user=user, channel="email")
    StaffInvitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    response = Client().get(reverse("invitation_link", kwargs={"secret": issued.secret}))
    assert response.status_code == 200 and "new_password1" not in response.content.decode()
    assert "Срок действия приглашения истёк" in response.content.decode()


@pytest.mark.django_db
def test_a_link_opened_then_expired_before_the_password_is_saved_is_refused(curator, programme):
    user, _person = _add(curator, programme)
    issued = invitation_issue(actor=curator, organization=programme.organization, user=user, channel="email")
    client = Client()
    client.get(reverse("invitation_link", kwargs={"secret": issued.secret}))
    StaffInvitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    response = client.post(
        reverse("invitation_password"), {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert "Срок действия приглашения истёк" in response.content.decode()
    user.refresh_from_db()
    assert not user.has_usable_password()


@pytest.mark.django_db
def test_curator_prints_a_sheet_once_and_the_code_opens_the_password_page(curator, programme):
    client = client_for(curator)
    posted = client.post(_url("staff:create"), {**FORM, "email": "", "invite_by": "sheet"})
    assert posted.status_code == 302 and posted.url == _url("staff:sheet")  # POST/redirect/GET
    response = client.get(posted.url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    html = response.content.decode()
    code = re.search(r'data-testid="sheet-code">([A-Z2-9-]+)<', html).group(1)
    user = User.objects.get(last_name="Соколова", first_name="Анна", patronymic="Игоревна")
    assert user.username in html and not user.email
    assert code not in str(list(StaffInvitation.objects.values()))  # never stored

    newcomer = Client()
    wrong = newcomer.post(reverse("invitation_code"), {"username": user.username, "code": "AAAA-AAAA-AAAA"})
    assert wrong.status_code == 200 and "недействительн" in wrong.content.decode()
    right = newcomer.post(reverse("invitation_code"), {"username": user.username, "code": code})
    assert right.status_code == 302 and right.url == reverse("invitation_password")
    done = newcomer.post(right.url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done.status_code == 302
    used = Client().post(reverse("invitation_code"), {"username": user.username, "code": code})
    assert "уже использовано" in used.content.decode()


@pytest.mark.django_db
def test_a_taken_e_mail_in_the_form_gives_a_message_and_changes_nothing(
    curator, programme, mentor, mailoutbox
):
    before = (User.objects.count(), Person.objects.count(), AuditEvent.objects.count())
    response = client_for(curator).post(_url("staff:create"), {**FORM, "email": mentor.email})
    assert response.status_code == 200
    assert "Учётная запись с таким адресом" in response.content.decode()
    no_mail = client_for(curator).post(_url("staff:create"), {**FORM, "email": "", "invite_by": "email"})
    assert "Укажите e-mail" in no_mail.content.decode()
    assert (User.objects.count(), Person.objects.count(), AuditEvent.objects.count()) == before
    assert not mailoutbox


@pytest.mark.django_db
def test_resend_change_roles_end_and_restore_from_the_persons_page(curator, programme, mailoutbox):
    user, _person = _add(curator, programme)
    client = client_for(curator)
    page = client.get(_url("staff:detail", user=user.pk))
    assert page.status_code == 200 and "Соколова Анна Игоревна" in page.content.decode()
    assert AuditEvent.objects.filter(
        action="view", target_type="mentoring.User", target_id=str(user.pk)
    ).exists()
    client.post(_url("staff:invite", user=user.pk), {"channel": "email"})
    client.post(_url("staff:invite", user=user.pk), {"channel": "email"})
    assert len(mailoutbox) == 2
    first, second = (_link_secret(letter) for letter in mailoutbox)
    assert (
        "более новое приглашение"
        in Client().get(reverse("invitation_link", kwargs={"secret": first})).content.decode()
    )
    assert Client().get(reverse("invitation_link", kwargs={"secret": second})).status_code == 302

    client.post(_url("staff:detail", user=user.pk), {"roles": ["mentor", "psychologist"]})
    assert set(user.memberships.values_list("role", flat=True)) == {"mentor", "psychologist"}
    client.post(_url("staff:access", user=user.pk), {"action": "end"})
    user.refresh_from_db()
    assert not user.is_active
    assert "Доступ закрыт" in client.get(_url("members")).content.decode()
    client.post(_url("staff:access", user=user.pk), {"action": "restore"})
    user.refresh_from_db()
    assert user.is_active


@pytest.mark.django_db
def test_only_the_schools_own_managers_manage_staff(
    curator, administrator, mentor, coordinator, stranger, programme, other_school
):
    user, _person = _add(curator, programme)
    # the director (administrator) may, as the curator
    assert client_for(administrator).get(_url("staff:detail", user=user.pk)).status_code == 200
    assert client_for(mentor).get(_url("staff:create")).status_code == 403
    for outsider in (coordinator, stranger):
        client = client_for(outsider)
        assert client.get(_url("staff:create")).status_code == 404
        assert client.post(_url("staff:create"), FORM).status_code == 404
        assert client.post(_url("staff:access", user=user.pk), {"action": "end"}).status_code == 404
    user.refresh_from_db()
    assert (
        user.is_active
        and not User.objects.filter(email="sokolova@school.example").exclude(pk=user.pk).exists()
    )
    # a member of another school is not this school's to manage, even by a manager here
    elsewhere = UserFactory(username="elsewhere")
    MembershipFactory(user=elsewhere, organization=other_school, role=Role.MENTOR)
    assert client_for(curator).get(_url("staff:detail", user=elsewhere.pk)).status_code == 404
    assert (
        client_for(curator).post(_url("staff:access", user=elsewhere.pk), {"action": "end"}).status_code
        == 404
    )
    elsewhere.refresh_from_db()
    assert elsewhere.is_active


# --- Who may give which role (a curator never the administrator's; nobody their own) ----------------


@pytest.mark.django_db
def test_a_curator_cannot_make_herself_administrator_nor_lock_the_director_out(
    curator, administrator, programme
):
    organization = programme.organization
    client = client_for(curator)
    own = client.get(_url("staff:detail", user=curator.pk)).content.decode()
    assert 'value="administrator"' in own and "Save the roles" not in own  # shown, disabled
    client.post(_url("staff:detail", user=curator.pk), {"roles": ["curator", "administrator"]})
    assert not curator.memberships.filter(role=Role.ADMINISTRATOR).exists()
    with pytest.raises(StaffError):
        staff_roles_set(
            actor=curator, organization=organization, user=curator, roles=[Role.CURATOR, Role.ADMINISTRATOR]
        )
    # the director's page: no roles to save and no «End access» for a curator
    page = client.get(_url("staff:detail", user=administrator.pk)).content.decode()
    assert _url("staff:access", user=administrator.pk) not in page
    client.post(_url("staff:access", user=administrator.pk), {"action": "end"})
    administrator.refresh_from_db()
    assert administrator.is_active
    with pytest.raises(StaffError):
        staff_access_end(actor=curator, organization=organization, user=administrator)
    with pytest.raises(StaffError):
        staff_roles_set(actor=curator, organization=organization, user=administrator, roles=[Role.MENTOR])
    assert administrator.memberships.filter(role=Role.ADMINISTRATOR).exists()
    # the new-member form offers no administrator to a curator and refuses one posted
    assert 'value="administrator"' not in client.get(_url("staff:create")).content.decode()
    client.post(_url("staff:create"), {**FORM, "roles": ["administrator"]})
    assert not User.objects.filter(email="sokolova@school.example").exists()
    with pytest.raises(StaffError):
        _add(curator, programme, roles=[Role.ADMINISTRATOR])
    # a curator promotes someone else to curator, never to administrator
    user, _person = _add(curator, programme)
    with pytest.raises(StaffError):
        staff_roles_set(actor=curator, organization=organization, user=user, roles=[Role.ADMINISTRATOR])
    assert staff_roles_set(actor=curator, organization=organization, user=user, roles=[Role.CURATOR])


@pytest.mark.django_db
def test_the_director_gives_and_takes_the_administrators_role_and_the_journal_names_it(
    curator, administrator, programme
):
    organization = programme.organization
    with pytest.raises(StaffError):  # not even the director changes her own roles
        staff_roles_set(
            actor=administrator, organization=organization, user=administrator, roles=[Role.MENTOR]
        )
    assert staff_roles_set(
        actor=administrator, organization=organization, user=curator, roles=[Role.CURATOR, Role.ADMINISTRATOR]
    )
    assert staff_roles_set(actor=administrator, organization=organization, user=curator, roles=[Role.CURATOR])
    rows = list(
        AuditEvent.objects.filter(target_type="mentoring.Membership")
        .order_by("pk")
        .values_list("action", "details")
    )
    assert rows[-2:] == [("create", {"role": "administrator"}), ("delete", {"role": "administrator"})]
    journal = client_for(administrator).get(_url("journal")).content.decode()
    assert "Роль: Администратор" in journal and "role=administrator" not in journal


@pytest.mark.django_db
def test_a_reloaded_sheet_shows_no_code_and_a_resent_form_adds_no_second_account(curator, programme):
    client = client_for(curator)
    data = {**FORM, "email": "", "invite_by": "sheet"}
    first = client.get(client.post(_url("staff:create"), data).url).content.decode()
    assert 'data-testid="sheet-code"' in first
    again = client.get(_url("staff:sheet")).content.decode()  # F5 on the sheet
    assert 'data-testid="sheet-code"' not in again and "Лист уже показан" in again
    resent = client.post(_url("staff:create"), data)  # «resend the form» from the history
    assert resent.status_code == 200 and "уже есть в базах" in resent.content.decode()
    assert User.objects.filter(last_name="Соколова", first_name="Анна", patronymic="Игоревна").count() == 1
    assert Person.objects.filter(last_name="Соколова", first_name="Анна", patronymic="Игоревна").count() == 1
    # a real namesake: confirmed, a second card and account are made
    confirmed = client.post(_url("staff:create"), {**data, "namesake_confirmed": "on"})
    assert confirmed.status_code == 302
    assert User.objects.filter(last_name="Соколова", first_name="Анна", patronymic="Игоревна").count() == 2
