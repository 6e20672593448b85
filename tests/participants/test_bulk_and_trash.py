"""Bulk work on the bases, the trash and the undo of a deletion (issue 17)."""

from __future__ import annotations

from datetime import date, timedelta
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import timezone

from mentoring.models import AuditEvent, Role, TrashItem
from mentoring.trash import TrashError, trash_purge, trash_restore
from participants import selectors
from participants.erasure import erase_from_trash
from participants.models import Consent, MenteeProfile, Person
from participants.services import ParticipantsError, mentee_profile_save, people_trash, person_create

from ..conftest import YEAR, client_for
from ..factories import MembershipFactory, UserFactory

pytestmark = [pytest.mark.django_db]

KW = {"org": "school-a", "year": YEAR}


def url(name: str, **kwargs) -> str:
    return reverse(name, kwargs={**KW, **kwargs})


def pupil(programme, last_name: str, group: str = "7Б") -> Person:
    person = person_create(
        actor=None,
        organization=programme.organization,
        last_name=last_name,
        first_name="Анна",
        birth_date=date(2013, 1, 1),
        kind="pupil",
        group_name=group,
    )
    mentee_profile_save(actor=None, person=person, programme=programme)
    return person


def counts(programme):
    found = selectors.base_counts(programme)
    return found, selectors.mentees(programme).count(), len(selectors.missing_consents(programme))


def test_a_person_in_the_trash_counts_nowhere_and_comes_back_exactly(programme, mentee, curator):
    pk = mentee.pk
    extra = pupil(programme, "Лишняя")
    before = counts(programme)
    consent = mentee.consents.get()
    scan_name = consent.scan.name
    profile_fields = MenteeProfile.objects.filter(person=mentee).values().get()
    [item_id] = people_trash(
        actor=curator, organization=programme.organization, programme=programme, people=[mentee]
    )
    assert not Person.objects.filter(pk=pk).exists()
    assert not Consent.objects.filter(pk=consent.pk).exists()
    # the figures are those of a school where she was never entered
    deleted = counts(programme)
    assert deleted[1] == before[1] - 1
    assert deleted[0].mentees == before[0].mentees - 1
    assert consent.scan.storage.exists(scan_name)  # kept for a restore
    assert AuditEvent.objects.filter(
        action="delete", target_type="participants.Person", target_id=str(pk)
    ).exists()
    trash_restore(actor=curator, item=TrashItem.objects.get(pk=item_id))
    assert counts(programme) == before
    after = MenteeProfile.objects.filter(person_id=pk).values().get()
    assert {k: (v, after[k]) for k, v in profile_fields.items() if after[k] != v} == {}
    restored = Consent.objects.get(pk=consent.pk)
    assert restored.scan.name == scan_name and restored.person_id == pk
    assert not TrashItem.objects.exists()
    assert Person.objects.filter(pk=extra.pk).exists()


def test_someone_in_a_pair_is_not_deleted(programme, pair, mentee, curator):
    with pytest.raises(ParticipantsError, match="Иванова"):
        people_trash(actor=curator, organization=programme.organization, programme=programme, people=[mentee])
    assert Person.objects.filter(pk=mentee.pk).exists() and not TrashItem.objects.exists()


def test_the_refusal_ends_with_one_full_stop_and_names_an_earlier_years_pair(programme, pair, mentee, curator):
    from pairing.models import MentoringGroup

    from ..factories import ProgrammeFactory

    with pytest.raises(ParticipantsError) as refused:
        people_trash(actor=curator, organization=programme.organization, programme=programme, people=[mentee])
    assert str(refused.value).endswith(f"{mentee.short_name}") and ".." not in str(refused.value)
    assert mentee.short_name.endswith(".")
    later = ProgrammeFactory(organization=programme.organization, academic_year__start_year=YEAR + 1)
    with pytest.raises(ParticipantsError, match="прошлом учебном году|прошлых учебных лет") as refused:
        people_trash(actor=curator, organization=programme.organization, programme=later, people=[mentee])
    assert ".." not in str(refused.value) and "исключите" not in str(refused.value)
    assert MentoringGroup.objects.filter(pk=pair.pk).exists() and not TrashItem.objects.exists()


def test_a_restore_is_refused_when_its_programme_row_is_in_the_way(programme, curator):
    person = pupil(programme, "Петрова")
    pk = person.pk
    [item_id] = people_trash(
        actor=curator, organization=programme.organization, programme=programme, people=[person]
    )
    # the same id taken again (a restore twice, or a record re-created with its number)
    Person.objects.create(pk=pk, organization=programme.organization, last_name="Другая", first_name="А")
    with pytest.raises(TrashError):
        trash_restore(actor=curator, item=TrashItem.objects.get(pk=item_id))
    assert TrashItem.objects.filter(pk=item_id).exists()


def test_the_purge_erases_after_thirty_days_with_the_files(programme, mentee, curator):
    scan = mentee.consents.get().scan
    storage, name = scan.storage, scan.name
    people_trash(actor=curator, organization=programme.organization, programme=programme, people=[mentee])
    assert trash_purge(now=timezone.now() + timedelta(days=29)) == 0
    with django_capture_on_commit():
        assert trash_purge(now=timezone.now() + timedelta(days=31)) == 1
    assert not TrashItem.objects.exists()
    assert not storage.exists(name)


def django_capture_on_commit():
    from django.test import TestCase

    return TestCase.captureOnCommitCallbacks(execute=True)


def test_the_purge_is_a_beat_entry(settings):
    entries = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "mentoring.tasks.purge_trash" in entries


def test_erasure_after_withdrawal_erases_the_trashed_person(programme, mentee, curator):
    pk = mentee.pk
    people_trash(actor=curator, organization=programme.organization, programme=programme, people=[mentee])
    erasure = SimpleNamespace(pk=pk)
    from collections import Counter

    state = SimpleNamespace(person=erasure, organization=programme.organization, counts=Counter())
    erase_from_trash(state)  # type: ignore[arg-type]
    assert state.counts["trash"] == 1 and not TrashItem.objects.exists()


# --- pages ------------------------------------------------------------------------------------------


def test_bulk_status_changes_the_ticked_and_audits_each(curator_client, programme, curator):
    first, second, third = (pupil(programme, name) for name in ("Белкина", "Громова", "Дёмина"))
    response = curator_client.post(
        url("participants:people_bulk"),
        {"kind": "mentees", "action": "status", "status": "left", "person": [first.pk, second.pk]},
        follow=True,
    )
    assert "Статус установлен для 2 человек" in response.content.decode()
    statuses = dict(MenteeProfile.objects.values_list("person_id", "status"))
    assert statuses == {first.pk: "left", second.pk: "left", third.pk: "active"}
    assert AuditEvent.objects.filter(target_type="participants.MenteeProfile", action="update").count() == 2


def test_bulk_refuses_a_person_of_another_school(curator_client, programme, other_school):
    mine = pupil(programme, "Белкина")
    theirs = person_create(actor=None, organization=other_school, last_name="Чужая", first_name="Анна")
    response = curator_client.post(
        url("participants:people_bulk"),
        {"kind": "mentees", "action": "status", "status": "left", "person": [mine.pk, theirs.pk]},
    )
    assert response.status_code == 404
    assert MenteeProfile.objects.get(person=mine).status == "active"
    assert curator_client.get(url("participants:people_delete") + f"?person={theirs.pk}").status_code == 404


def test_bulk_consent_opens_the_consents_page_with_them_ticked(curator_client, programme):
    first, second = pupil(programme, "Белкина"), pupil(programme, "Громова")
    response = curator_client.post(
        url("participants:people_bulk"),
        {"kind": "mentees", "action": "consent", "person": [first.pk, second.pk]},
    )
    assert response.status_code == 302 and "consents/bulk/" in response["Location"]
    html = curator_client.get(response["Location"]).content.decode()
    assert f'value="{first.pk}" id="person-{first.pk}" checked' in html
    assert f'value="{second.pk}" id="person-{second.pk}" checked' in html


def test_delete_confirm_then_undo_restores(curator_client, programme, curator):
    first, second = pupil(programme, "Белкина"), pupil(programme, "Громова")
    confirm = curator_client.get(
        url("participants:people_delete") + f"?kind=mentees&person={first.pk}&person={second.pk}"
    )
    html = confirm.content.decode()
    assert confirm.status_code == 200 and "Белкина Анна" in html and "Громова Анна" in html
    assert Person.objects.count() == 2  # nothing deleted by looking
    response = curator_client.post(
        url("participants:people_delete"), {"kind": "mentees", "person": [first.pk, second.pk]}, follow=True
    )
    html = response.content.decode()
    assert "2 человека удалены в корзину" in html and "Отменить" in html
    assert Person.objects.count() == 0 and TrashItem.objects.count() == 2
    undone = curator_client.post(url("trash_undo"), follow=True)
    assert "Восстановлены 2 записи." in undone.content.decode()
    assert set(Person.objects.values_list("pk", flat=True)) == {first.pk, second.pk}
    # the undo is used up: a second one says so and changes nothing
    again = curator_client.post(url("trash_undo"), follow=True)
    assert "больше нельзя отменить" in again.content.decode()


def test_undo_expires_after_ten_minutes_the_trash_still_restores(curator_client, programme):
    person = pupil(programme, "Белкина")
    pk = person.pk
    curator_client.post(url("participants:people_delete"), {"kind": "mentees", "person": [person.pk]})
    session = curator_client.session
    session["undo"]["at"] = (timezone.now() - timedelta(minutes=11)).isoformat()
    session.save()
    page = curator_client.get(url("participants:mentees"))
    assert "Отменить" not in page.content.decode()
    curator_client.post(url("trash_undo"))
    assert not Person.objects.exists()
    item = TrashItem.objects.get()
    trash = curator_client.get(url("trash"))
    assert "Белкина Анна" in trash.content.decode()
    curator_client.post(url("trash_restore", item=item.pk))
    assert Person.objects.filter(pk=pk).exists()


def test_trash_is_the_school_managers_only(programme, curator, mentor, coordinator, stranger, school):
    person = pupil(programme, "Белкина")
    people_trash(actor=curator, organization=programme.organization, programme=programme, people=[person])
    item = TrashItem.objects.get()
    psychologist = UserFactory(username="psy")
    MembershipFactory(user=psychologist, organization=school, role=Role.PSYCHOLOGIST)
    assert client_for(curator).get(url("trash")).status_code == 200
    assert client_for(mentor).get(url("trash")).status_code == 403
    assert client_for(psychologist).get(url("trash")).status_code == 403
    assert client_for(coordinator).get(url("trash")).status_code == 404
    assert client_for(stranger).get(url("trash")).status_code == 404
    assert client_for(stranger).post(url("trash_restore", item=item.pk)).status_code == 404
    assert client_for(mentor).post(url("participants:people_bulk"), {"person": [1]}).status_code == 403
    assert client_for(coordinator).post(url("participants:people_bulk"), {"person": [1]}).status_code == 404
    assert TrashItem.objects.filter(pk=item.pk).exists()


def test_a_trashed_item_of_another_school_is_not_found(curator_client, other_school):
    from mentoring.models import Programme

    theirs = person_create(actor=None, organization=other_school, last_name="Чужая", first_name="Анна")
    programme = Programme.objects.get(organization=other_school)
    people_trash(actor=None, organization=other_school, programme=programme, people=[theirs])
    item = TrashItem.objects.get()
    assert curator_client.post(url("trash_restore", item=item.pk)).status_code == 404
    assert curator_client.post(url("trash_erase", item=item.pk)).status_code == 404
    assert "Чужая" not in curator_client.get(url("trash")).content.decode()


@pytest.mark.parametrize("sort", ["name", "-group", "consent", "-status", "bogus"])
def test_sorted_and_searched_lists_keep_their_query_count(
    curator_client, programme, sort, django_assert_max_num_queries
):
    pupil(programme, "Белкина")
    path = url("participants:mentees") + f"?sort={sort}&q=анна"
    with django_assert_max_num_queries(16) as small:
        curator_client.get(path)
    for index in range(6):
        pupil(programme, f"Громова{index}", group=f"{index + 5}А")
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = curator_client.get(path)
    assert response.status_code == 200
    assert 'aria-sort="' in response.content.decode()


def test_sorting_orders_the_rows_and_marks_the_header(curator_client, programme):
    pupil(programme, "Яковлева", group="5А")
    pupil(programme, "Абрамова", group="9В")
    html = curator_client.get(url("participants:mentees") + "?sort=-name").content.decode()
    assert html.index("Яковлева") < html.index("Абрамова")
    assert 'aria-sort="descending"' in html
    html = curator_client.get(url("participants:mentees") + "?sort=group").content.decode()
    assert html.index("Яковлева") < html.index("Абрамова")
