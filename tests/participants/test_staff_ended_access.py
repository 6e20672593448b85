"""Access ended for a staff member who also works in another organisation: their roles here are removed
(no access check can miss them) and remembered, the person stays on the members page under «Доступ
закрыт», their page opens, and «Восстановить доступ» gives exactly those roles back — services, pages,
permissions, audit, erasure."""

from __future__ import annotations

import pytest
from django.urls import reverse

from mentoring.models import AuditEvent, Membership, Role, User
from mentoring.staff import StaffError, staff_access_end, staff_access_restore, staff_roles_set
from participants.services import person_anonymise
from participants.staff import staff_add
from tests.factories import MembershipFactory, UserFactory

from ..conftest import YEAR, client_for


def _url(name: str, **kwargs) -> str:
    return reverse(name, kwargs={"org": "school-a", "year": YEAR, **kwargs})


def _roles_here(user, organization) -> set[str]:
    return set(Membership.objects.filter(user=user, organization=organization).values_list("role", flat=True))


def _ended_rows(organization=None):
    from mentoring.models import EndedAccess

    rows = EndedAccess.objects.all()
    if organization is not None:
        rows = rows.filter(organization=organization)
    return rows


@pytest.fixture
def psychologist(curator, programme, other_school):
    """A psychologist and mentor here who is also the mentor at the school next door."""
    user, _person = staff_add(
        actor=curator,
        programme=programme,
        last_name="Петрова",
        first_name="Ольга",
        patronymic="Сергеевна",
        email="petrova@school.example",
        roles=[Role.PSYCHOLOGIST, Role.MENTOR],
    )
    MembershipFactory(user=user, organization=other_school, role=Role.MENTOR)
    return user


# --- Services --------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_ending_access_of_someone_working_elsewhere_keeps_the_roles_and_restore_gives_them_back(
    curator, programme, other_school, psychologist
):
    organization = programme.organization
    staff_access_end(actor=curator, organization=organization, user=psychologist)
    psychologist.refresh_from_db()
    assert psychologist.is_active  # the other school still needs the account
    assert _roles_here(psychologist, organization) == set()  # no access check can see a role here
    assert _roles_here(psychologist, other_school) == {"mentor"}
    ended = _ended_rows(organization).get()
    assert (ended.user, ended.roles, ended.ended_by) == (psychologist, ["mentor", "psychologist"], curator)

    staff_access_restore(actor=curator, organization=organization, user=psychologist)
    assert _roles_here(psychologist, organization) == {"mentor", "psychologist"}
    assert _roles_here(psychologist, other_school) == {"mentor"}
    assert not _ended_rows().exists()
    rows = list(
        AuditEvent.objects.filter(target_type__in=["mentoring.Membership", "mentoring.EndedAccess"])
        .order_by("pk")
        .values_list("action", "target_type", "details")
    )
    assert rows[-6:] == [
        ("delete", "mentoring.Membership", {"role": "mentor"}),
        ("delete", "mentoring.Membership", {"role": "psychologist"}),
        ("create", "mentoring.EndedAccess", {"roles": ["mentor", "psychologist"]}),
        ("create", "mentoring.Membership", {"role": "mentor"}),
        ("create", "mentoring.Membership", {"role": "psychologist"}),
        ("delete", "mentoring.EndedAccess", {"roles": ["mentor", "psychologist"]}),
    ]


@pytest.mark.django_db
def test_ending_twice_or_restoring_an_open_access_is_refused_with_nothing_changed(
    curator, programme, psychologist
):
    organization = programme.organization
    staff_access_end(actor=curator, organization=organization, user=psychologist)
    before = AuditEvent.objects.count()
    with pytest.raises(StaffError):
        staff_access_end(actor=curator, organization=organization, user=psychologist)
    assert _ended_rows(organization).get().roles == ["mentor", "psychologist"]
    staff_access_restore(actor=curator, organization=organization, user=psychologist)
    with pytest.raises(StaffError):
        staff_access_restore(actor=curator, organization=organization, user=psychologist)
    assert AuditEvent.objects.count() == before + 3
    assert _roles_here(psychologist, organization) == {"mentor", "psychologist"}


@pytest.mark.django_db
def test_only_the_administrator_restores_an_administrators_roles(
    curator, administrator, programme, other_school
):
    organization = programme.organization
    deputy = UserFactory(username="deputy")
    MembershipFactory(user=deputy, organization=organization, role=Role.ADMINISTRATOR)
    MembershipFactory(user=deputy, organization=organization, role=Role.CURATOR)
    MembershipFactory(user=deputy, organization=other_school, role=Role.CURATOR)
    with pytest.raises(StaffError):
        staff_access_end(actor=curator, organization=organization, user=deputy)
    staff_access_end(actor=administrator, organization=organization, user=deputy)
    with pytest.raises(StaffError):
        staff_access_restore(actor=curator, organization=organization, user=deputy)
    assert _roles_here(deputy, organization) == set() and _ended_rows(organization).exists()
    staff_access_restore(actor=administrator, organization=organization, user=deputy)
    assert _roles_here(deputy, organization) == {"administrator", "curator"}


@pytest.mark.django_db
def test_a_single_school_account_is_still_switched_off_without_a_record(curator, programme):
    user, _person = staff_add(
        actor=curator,
        programme=programme,
        last_name="Смирнова",
        first_name="Ирина",
        email="smirnova@school.example",
        roles=[Role.MENTOR],
    )
    staff_access_end(actor=curator, organization=programme.organization, user=user)
    user.refresh_from_db()
    assert not user.is_active and _roles_here(user, programme.organization) == {"mentor"}
    assert not _ended_rows().exists()


@pytest.mark.django_db
def test_erasing_the_persons_card_forgets_the_ended_access_here_only(
    curator, programme, other_school, psychologist
):
    from mentoring.models import EndedAccess

    organization = programme.organization
    staff_access_end(actor=curator, organization=organization, user=psychologist)
    # an access ended at the school next door is that school's, with its own card
    EndedAccess.objects.create(organization=other_school, user=psychologist, roles=["curator"])
    card = psychologist.people.get(organization=organization)
    person_anonymise(actor=curator, person=card)
    assert not _ended_rows(organization).exists()
    assert _ended_rows(other_school).exists()
    erased = AuditEvent.objects.get(action="erase", target_type="participants.Person")
    assert erased.details["erased"]["ended_access"] == 1


# --- Pages -----------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_curator_ends_access_and_restores_it_from_the_members_page(
    curator, administrator, programme, other_school, psychologist
):
    client = client_for(curator)
    ended = client.post(_url("staff:access", user=psychologist.pk), {"action": "end"})
    assert ended.status_code == 302 and ended.url == _url("staff:detail", user=psychologist.pk)
    page = client.get(ended.url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Петрова Ольга Сергеевна" in html and "Доступ закрыт" in html
    assert "Восстановить доступ" in html and "Сохранить роли" not in html
    assert 'value="psychologist"' in html and "checked" in html  # the roles it will give back
    assert "Отправить приглашение повторно" not in html
    assert AuditEvent.objects.filter(
        action="view", target_type="mentoring.User", target_id=str(psychologist.pk)
    ).exists()

    members = client.get(_url("members")).content.decode()
    section = members.split('id="ended-access"', 1)[1]
    assert "Петрова Ольга Сергеевна" in section and "Педагог-психолог" in section
    assert _url("staff:access", user=psychologist.pk) in section and "Восстановить доступ" in section

    # the roles of an ended access are not changed on its page: they come back only by restoring
    client.post(_url("staff:detail", user=psychologist.pk), {"roles": ["curator"]})
    assert _roles_here(psychologist, programme.organization) == set()

    restored = client.post(_url("staff:access", user=psychologist.pk), {"action": "restore"})
    assert restored.url == _url("staff:detail", user=psychologist.pk)
    assert _roles_here(psychologist, programme.organization) == {"mentor", "psychologist"}
    assert _roles_here(psychologist, other_school) == {"mentor"}
    members = client.get(_url("members")).content.decode()
    assert 'id="ended-access"' not in members and "Петрова Ольга Сергеевна" in members

    # the journal names the roles in Russian, never by their keys
    journal = client_for(administrator).get(_url("journal")).content.decode()
    assert "Педагог-психолог" in journal and "psychologist" not in journal


@pytest.mark.django_db
def test_members_page_with_ended_accesses_keeps_its_query_count(
    curator, programme, other_school, django_assert_num_queries
):
    from mentoring.models import EndedAccess

    for index in range(10):
        user = UserFactory(username=f"elsewhere{index}", last_name=f"Иванова{index}")
        MembershipFactory(user=user, organization=other_school, role=Role.MENTOR)
        EndedAccess.objects.create(organization=programme.organization, user=user, roles=["mentor"])
    client = client_for(curator)
    client.get(_url("dashboard"))
    with django_assert_num_queries(11):  # the members page's 10 and one for the ended accesses
        html = client.get(_url("members")).content.decode()
    assert html.count('data-testid="ended-access"') == 10


# --- Permissions -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_strangers_neither_see_nor_restore_an_ended_access(
    curator, mentor, coordinator, stranger, programme, psychologist
):
    organization = programme.organization
    staff_access_end(actor=curator, organization=organization, user=psychologist)
    assert client_for(mentor).get(_url("staff:detail", user=psychologist.pk)).status_code == 403
    assert (
        client_for(mentor).post(_url("staff:access", user=psychologist.pk), {"action": "restore"}).status_code
        == 403
    )
    for outsider in (coordinator, stranger):
        client = client_for(outsider)
        assert client.get(_url("staff:detail", user=psychologist.pk)).status_code == 404
        assert client.post(_url("staff:access", user=psychologist.pk), {"action": "restore"}).status_code == 404
        assert "Петрова Ольга Сергеевна" not in client.get(_url("members")).content.decode()
    assert _roles_here(psychologist, organization) == set() and _ended_rows(organization).exists()
    # someone who never worked here is still 404, record or not
    elsewhere = UserFactory(username="never-here")
    assert client_for(curator).get(_url("staff:detail", user=elsewhere.pk)).status_code == 404


@pytest.mark.django_db
def test_a_curator_sees_an_ended_administrator_but_only_the_administrator_restores(
    curator, administrator, programme, other_school
):
    organization = programme.organization
    deputy = UserFactory(username="deputy", last_name="Орлова", first_name="Вера")
    MembershipFactory(user=deputy, organization=organization, role=Role.ADMINISTRATOR)
    MembershipFactory(user=deputy, organization=other_school, role=Role.CURATOR)
    staff_access_end(actor=administrator, organization=organization, user=deputy)
    client = client_for(curator)
    page = client.get(_url("staff:detail", user=deputy.pk)).content.decode()
    assert "Доступ закрыт" in page and _url("staff:access", user=deputy.pk) not in page
    section = client.get(_url("members")).content.decode().split('id="ended-access"', 1)[1]
    assert "Орлова Вера" in section and _url("staff:access", user=deputy.pk) not in section
    client.post(_url("staff:access", user=deputy.pk), {"action": "restore"})
    assert _roles_here(deputy, organization) == set()
    client_for(administrator).post(_url("staff:access", user=deputy.pk), {"action": "restore"})
    assert _roles_here(deputy, organization) == {"administrator"}


@pytest.mark.django_db
def test_roles_given_again_and_ended_again_all_come_back(curator, programme, psychologist):
    organization = programme.organization
    staff_access_end(actor=curator, organization=organization, user=psychologist)
    # the system administrator gives a role here again in the Django admin; the person is a member
    MembershipFactory(user=psychologist, organization=organization, role=Role.CURATOR)
    client = client_for(curator)
    members = client.get(_url("members")).content.decode()
    assert 'id="ended-access"' not in members
    assert staff_roles_set(actor=curator, organization=organization, user=psychologist, roles=[Role.MENTOR])
    staff_access_end(actor=curator, organization=organization, user=psychologist)
    assert _ended_rows(organization).get().roles == ["mentor", "psychologist"]
    staff_access_restore(actor=curator, organization=organization, user=psychologist)
    assert _roles_here(psychologist, organization) == {"mentor", "psychologist"}
    assert User.objects.filter(pk=psychologist.pk, is_active=True).exists()
