"""The bases as the curator, a mentor, the psychologist and a municipal coordinator use them."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mentoring.models import AuditEvent, Role
from participants.models import Consent, ConsentRule, MenteeProfile, MentorProfile, Person
from participants.services import (
    ParticipantsError,
    consent_record,
    consent_withdraw,
    mentee_profile_save,
    mentor_profile_save,
    person_create,
)
from tests.factories import MembershipFactory, UserFactory

from ..conftest import YEAR, client_for

KW = {"org": "school-a", "year": YEAR}


def url(name: str, **kwargs) -> str:
    return reverse(f"participants:{name}", kwargs={**KW, **kwargs})


def make_people(programme, count: int, *, mentors: bool = False, consent: bool = True) -> list[Person]:
    people = []
    for index in range(count):
        person = person_create(
            actor=None,
            organization=programme.organization,
            last_name=f"Петров{index}",
            first_name="Пётр",
            patronymic="Петрович",
            birth_date=date(1990 if mentors else 2012, 1, 1 + index % 28),
            kind="teacher" if mentors else "pupil",
            group_name=["5А", "6Б", "7В"][index % 3],
        )
        if mentors:
            mentor_profile_save(actor=None, person=person, programme=programme, competencies=["Физика"])
        else:
            mentee_profile_save(
                actor=None, person=person, programme=programme, requests=["Олимпиады"], gifted=index % 2 == 0
            )
        if consent:
            Consent.objects.create(
                person=person,
                scope="personal_data",
                given_by="representative",
                representative_name="Петрова Анна",
                given_on=date(2025, 9, 1),
            )
        people.append(person)
    return people


# the session, the user, the scope (programme and roles), the classes of the filter, the count and the page
# of rows, the audit row of the read, the menu's memberships and the two year switchers
PEOPLE_LIST_QUERIES = 11


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["mentees", "mentors"])
def test_lists_make_a_fixed_number_of_queries(curator_client, programme, kind, django_assert_num_queries):
    """The same, pinned number of queries with ten people and with a hundred and thirty (three pages)."""
    make_people(programme, 10, mentors=kind == "mentors")
    curator_client.get(url(kind))  # the first visit also stores the scope in the session
    with django_assert_num_queries(PEOPLE_LIST_QUERIES):
        curator_client.get(url(kind))
    make_people(programme, 120, mentors=kind == "mentors")
    with django_assert_num_queries(PEOPLE_LIST_QUERIES):
        response = curator_client.get(url(kind))
    assert response.content.decode().count("Пётр Петрович") == 50  # one page of fifty


@pytest.mark.django_db
def test_search_is_case_insensitive_in_cyrillic(curator_client, programme, mentee):
    html = curator_client.get(url("mentees"), {"q": "иванова"}).content.decode()
    assert "Иванова Мария Сергеевна" in html
    html = curator_client.get(url("mentees"), {"q": "сидоров"}).content.decode()
    assert "Иванова Мария" not in html


@pytest.mark.django_db
def test_filters_by_class_category_and_consent(curator_client, programme):
    make_people(programme, 6)
    make_people(programme, 2, consent=False)
    assert curator_client.get(url("mentees"), {"group": "6Б"}).content.decode().count("Пётр Петрович") == 3
    assert (
        curator_client.get(url("mentees"), {"category": "gifted"}).content.decode().count("Пётр Петрович")
        == 4
    )
    assert (
        curator_client.get(url("mentees"), {"consent": "missing"}).content.decode().count("Пётр Петрович")
        == 2
    )


@pytest.mark.django_db
def test_viewing_the_base_is_audited(curator_client, programme, curator):
    curator_client.get(url("mentees"))
    curator_client.get(url("mentors"))
    events = AuditEvent.objects.filter(actor=curator, action=AuditEvent.Action.VIEW).order_by("pk")
    # one row per page, as ``audit_record`` wrote it before the compiled INSERT: the base named, no person
    assert [
        (e.organization_id, e.target_type, e.target_id, e.target_repr, e.fields, e.details, e.people)
        for e in events
    ] == [
        (programme.organization_id, "participants.Person", "", "База наставляемых", [], {}, ""),
        (programme.organization_id, "participants.Person", "", "База наставников", [], {}, ""),
    ]
    assert all(e.actor_name == (curator.get_full_name() or curator.username) and e.at for e in events)


@pytest.mark.django_db
def test_add_a_mentee_then_profile_then_consent(curator_client, programme):
    response = curator_client.post(
        url("person_create") + "?as=mentee",
        {
            "last_name": "Смирнов",
            "first_name": "Артём",
            "birth_date": "2012-05-01",
            "kind": "pupil",
            "group_name": "7А",
        },
    )
    assert response.status_code == 302
    person = Person.objects.get(last_name="Смирнов")
    assert MenteeProfile.objects.filter(person=person, programme=programme).exists()
    curator_client.post(
        url("mentee_profile", person=person.pk),
        {"requests": "Математика\nОлимпиады; Робототехника", "has_ovz": "on", "status": "active"},
    )
    profile = MenteeProfile.objects.get(person=person)
    assert profile.requests == ["Математика", "Олимпиады", "Робототехника"] and profile.has_ovz
    # a 13-year-old cannot sign for himself
    refused = curator_client.post(
        url("consent_add", person=person.pk),
        {"scope": "personal_data", "given_by": "self", "given_on": "2025-09-10"},
    )
    assert refused.status_code == 400
    assert (
        "законным представителем" in refused.content.decode()
        or "законный представитель" in refused.content.decode()
    )
    assert not Consent.objects.filter(person=person).exists()
    ok = curator_client.post(
        url("consent_add", person=person.pk),
        {
            "scope": "personal_data",
            "given_by": "representative",
            "representative_name": "Смирнова Ирина",
            "representative_relation": "мать",
            "given_on": "2025-09-10",
            "scan": SimpleUploadedFile("scan.pdf", b"%PDF scan"),
        },
    )
    assert ok.status_code == 302
    assert Consent.objects.get(person=person).representative_name == "Смирнова Ирина"


@pytest.mark.django_db
def test_teenagers_rule_is_the_organisations(programme, school):
    person = person_create(
        actor=None, organization=school, last_name="Кузнецов", first_name="Иван", birth_date=date(2010, 1, 1)
    )
    with pytest.raises(ParticipantsError):
        consent_record(actor=None, person=person, scope="personal_data", given_on=date(2025, 9, 1))
    ConsentRule.objects.create(organization=school, teenagers=ConsentRule.Teenagers.SELF)
    school.refresh_from_db()
    person.refresh_from_db()
    consent_record(actor=None, person=person, scope="personal_data", given_on=date(2025, 9, 1))


@pytest.mark.django_db
def test_bad_person_input_changes_nothing(curator_client):
    before = Person.objects.count()
    response = curator_client.post(
        url("person_create"), {"last_name": "", "first_name": "Иван", "birth_date": "2090-01-01"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Обязательное поле" in html and "в прошлом" in html
    assert Person.objects.count() == before


@pytest.mark.django_db
def test_withdrawal_anonymises_and_keeps_counts(curator_client, programme, mentee, curator):
    consent = mentee.consents.get()
    response = curator_client.post(
        url("consent_withdraw", consent=consent.pk), {"withdrawn_on": "2025-10-01"}
    )
    assert response.status_code == 302
    mentee.refresh_from_db()
    assert mentee.is_anonymised and "Иванова" not in mentee.full_name and mentee.birth_date is None
    assert not mentee.consents.get().scan and mentee.consents.get().representative_name == "—"
    assert "Иванова" not in curator_client.get(url("mentees")).content.decode()
    # the card says what was erased, and nothing else
    card = curator_client.get(url("person", person=mentee.pk)).content.decode()
    assert "Что удалено" in card and "Сканы бланков согласий" in card and "Иванова" not in card
    # the person still counts in the year's numbers, by category
    assert MenteeProfile.objects.filter(person=mentee, has_ovz=True).exists()
    erased = AuditEvent.objects.get(target_id=str(mentee.pk), action=AuditEvent.Action.ERASE)
    assert erased.details["erased"]["consent_scans"] == 1 and erased.person_ids == [mentee.pk]


@pytest.mark.django_db
def test_withdrawing_the_publication_consent_keeps_the_person(programme, mentee):
    publication = consent_record(
        actor=None,
        person=mentee,
        scope="publication",
        given_on=date(2025, 9, 5),
        given_by="representative",
        representative_name="Иванова Ольга Петровна",
    )
    consent_withdraw(actor=None, consent=publication, withdrawn_on=date(2025, 9, 6))
    mentee.refresh_from_db()
    assert not mentee.is_anonymised


@pytest.mark.django_db
def test_person_changes_are_audited_with_the_fields(curator_client, mentee, curator):
    curator_client.post(
        url("person_edit", person=mentee.pk),
        {
            "last_name": "Иванова",
            "first_name": "Мария",
            "patronymic": "Сергеевна",
            "birth_date": "2013-03-14",
            "kind": "pupil",
            "group_name": "7Б",
        },
    )
    event = AuditEvent.objects.filter(action=AuditEvent.Action.UPDATE, target_id=str(mentee.pk)).latest("at")
    assert event.actor == curator and "group_name" in event.fields and "7Б" not in str(event.details)
    assert event.person_ids == [mentee.pk] and event.target_repr == ""


@pytest.mark.django_db
def test_mentor_and_coordinator_do_not_see_names(programme, mentee, mentor, coordinator):
    # the mentor is refused by role (403); for the authority above, the pages do not exist (404)
    for user, refused in ((mentor, 403), (coordinator, 404)):
        client = client_for(user)
        assert client.get(url("mentees")).status_code == refused
        assert client.get(url("person", person=mentee.pk)).status_code == refused
        overview = client.get(url("index"))
        assert overview.status_code == 200 and "Иванова" not in overview.content.decode()
        assert ">1<" in overview.content.decode()  # the mentee is counted


@pytest.mark.django_db
def test_psychologist_reads_but_does_not_edit(programme, mentee, school):
    psychologist = UserFactory(username="psy")
    MembershipFactory(user=psychologist, organization=school, role=Role.PSYCHOLOGIST)
    client = client_for(psychologist)
    assert client.get(url("person", person=mentee.pk)).status_code == 200
    assert client.get(url("person_edit", person=mentee.pk)).status_code == 403


@pytest.mark.django_db
def test_consent_dashboard_lists_who_is_missing(curator_client, programme, mentee):
    make_people(programme, 2, consent=False)
    html = curator_client.get(url("consents")).content.decode()
    assert html.count("Пётр Петрович") == 2 and "Иванова Мария" not in html
    curator_client.post(url("consents"), {"teenagers": "self"})
    assert ConsentRule.objects.get(organization=programme.organization).teenagers == "self"


@pytest.mark.django_db
def test_partner_card_lists_its_mentors(curator_client, programme, partner):
    person = make_people(programme, 1, mentors=True)[0]
    MentorProfile.objects.filter(person=person).update(partner=partner)
    html = curator_client.get(url("partner", partner=partner.pk)).content.decode()
    assert "Петров0" in html
    response = curator_client.get(url("partner_agreement", partner=partner.pk))
    assert b"".join(response.streaming_content) == b"%PDF-1.4 agreement"


@pytest.mark.django_db
def test_a_partner_of_another_school_cannot_be_chosen(curator_client, programme, other_school):
    from participants.services import partner_save

    foreign = partner_save(actor=None, organization=other_school, name="Чужой партнёр")
    person = make_people(programme, 1, mentors=True)[0]
    response = curator_client.post(
        url("mentor_profile", person=person.pk), {"capacity": 2, "status": "active", "partner": foreign.pk}
    )
    assert response.status_code == 200 and "Выберите корректный вариант" in response.content.decode()
    assert MentorProfile.objects.get(person=person).partner is None


@pytest.mark.django_db
def test_filter_by_pair(curator_client, programme, pair, mentee):
    make_people(programme, 2)
    paired = curator_client.get(url("mentees"), {"paired": "yes"}).content.decode()
    assert "Иванова Мария" in paired and "Пётр Петрович" not in paired
    unpaired = curator_client.get(url("mentees"), {"paired": "no"}).content.decode()
    assert "Иванова Мария" not in unpaired and unpaired.count("Пётр Петрович") == 2
    mentors = curator_client.get(url("mentors"), {"paired": "yes"}).content.decode()
    assert "Кузнецова Ольга" in mentors


@pytest.mark.django_db
def test_person_card_shows_pairs_meetings_and_questionnaires(
    curator_client, programme, pair, mentee, monitoring_objects, django_assert_max_num_queries
):
    url = reverse("participants:person", kwargs={"org": "school-a", "year": YEAR, "person": mentee.pk})
    with django_assert_max_num_queries(25):
        html = curator_client.get(url).content.decode()
    assert "Кузнецова Ольга Петровна" in html  # her mentor
    assert reverse("monitoring:diary", kwargs={"org": "school-a", "year": YEAR, "group": pair.pk}) in html
    assert "1 встреча" in html and "06.10.2025" in html  # the fixture's meeting
    assert "Удовлетворённость, май" in html  # the fixture's campaign
