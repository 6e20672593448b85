"""Attacks on the privacy of the application (issue 12) that once succeeded, kept as tests."""

import json

import pytest
from django.urls import reverse

from mentoring.names import NameMatcher

P = "[…]"


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        # surnames declined as adjectives (-ская, -ский, -цкая, -ой): the commonest kind after -ов/-ин
        (("Вишневская", "Мария", "Олеговна"), "Встреча с Вишневской Марией", "Встреча с […]"),
        (("Вишневская", "Мария", "Олеговна"), "Поздравили Вишневскую М.О.", "Поздравили […]"),
        (("Вишневская", "Мария", "Олеговна"), "Марией Вишневской довольны", "[…] довольны"),
        (("Вишневский", "Георгий", ""), "оценки Вишневского Георгия", "оценки […]"),
        (("Вишневский", "Георгий", ""), "Вишневскому поручили", "[…] поручили"),
        (("Белецкая", "Анна", ""), "с Белецкой", "с […]"),
        (("Толстой", "Лев", ""), "у Толстого", "у […]"),
        # a vowel that drops out in the other cases
        (("Кравец", "Павел", ""), "с Кравцом Павлом", "с […]"),
        (("Кравец", "Павел", ""), "Павла Кравца", "[…]"),
    ],
)
def test_the_erasure_finds_every_case_form_of_a_surname(name, text, expected):
    matcher = NameMatcher.for_name(*name)
    assert matcher.replace(text, P) == expected


def test_the_database_prefilter_searches_the_shorter_stems_too():
    """The erasure selects rows with LIKE on ``search_terms`` before the regex: «Вишневской» must pass."""
    terms = list(NameMatcher.for_name("Вишневская", "Мария").search_terms())
    assert any(term in "встреча с Вишневской" for term in terms)


@pytest.mark.django_db
def test_a_withdrawal_erases_an_adjectival_surname_in_every_case_from_other_records(
    programme, curator, mentee, mentor_person, roadmap_event
):
    """Вишневская is named in another pair's meeting and a roadmap comment in oblique cases only."""
    from datetime import date

    from monitoring.models import Meeting
    from pairing.models import MentoringForm
    from pairing.services import group_create
    from participants.services import (
        consent_record,
        consent_withdraw,
        mentee_profile_save,
        person_create,
        person_update,
    )
    from roadmap.models import EventComment
    from roadmap.services import comment_add

    person_update(
        actor=curator, person=mentee, last_name="Вишневская", first_name="Мария", patronymic="Олеговна"
    )
    other = person_create(
        actor=curator,
        organization=programme.organization,
        last_name="Кузнецов",
        first_name="Пётр",
        kind="pupil",
    )
    consent_record(actor=curator, person=other, scope="personal_data", given_on=date(2025, 9, 1))
    mentee_profile_save(actor=curator, person=other, programme=programme)
    other_pair = group_create(
        actor=curator,
        programme=programme,
        form=MentoringForm.objects.get(key="teacher_pupil"),
        mentors=[mentor_person],
        mentees=[other],
    )
    meeting = Meeting.objects.create(
        group=other_pair,
        date=date(2025, 10, 8),
        topic="Пётр помогал Вишневской Марии с проектом",
        what_was_done="Вместе с Вишневскую М.О. готовили доклад",
        recorded_by=curator,
    )
    comment = comment_add(actor=curator, event=roadmap_event, text="Наградить Марию Вишневскую грамотой")

    consent_withdraw(actor=curator, consent=mentee.consents.get(), withdrawn_on=date(2025, 12, 1))

    meeting.refresh_from_db()
    left = " ".join([meeting.topic, meeting.what_was_done, EventComment.objects.get(pk=comment.pk).text])
    assert "вишневск" not in left.lower(), left
    assert "Пётр" in meeting.topic and "грамотой" in left  # only the name goes


@pytest.mark.django_db
def test_a_withdrawal_leaves_no_name_in_the_admin_history_of_her_profile_or_pair(
    programme, curator, mentee, pair, rf
):
    """Django's admin history keeps ``str(obj)`` of every record changed there: «Иванова Мария … (2025/2026)»
    for a mentee's profile, and the inline member «Иванова Мария … (наставляемый)» of her pair."""
    from datetime import date

    from django.contrib import admin
    from django.contrib.admin.models import LogEntry

    from mentoring.models import User
    from participants.models import MenteeProfile
    from participants.services import consent_withdraw

    superuser = User.objects.create_superuser("root", "root@example.ru", "x-very-long-passphrase")
    request = rf.post("/admin/")
    request.user = superuser
    profile = MenteeProfile.objects.get(person=mentee)
    admin.site._registry[MenteeProfile].log_change(request, profile, [{"changed": {"fields": ["results"]}}])
    member = pair.members.get(person=mentee)
    admin.site._registry[type(pair)].log_change(
        request, pair, [{"changed": {"name": "участник", "object": str(member), "fields": ["role"]}}]
    )

    def history() -> str:
        return " ".join(
            f"{e.object_repr} {json.loads(e.change_message or '[]')}" for e in LogEntry.objects.all()
        )

    assert "Иванова" in history()  # the admin's history names her before

    consent_withdraw(actor=curator, consent=mentee.consents.get(), withdrawn_on=date(2025, 12, 1))

    left = history()
    assert "Иванов" not in left and "Мари" not in left, left
    assert LogEntry.objects.count() == 2  # who changed which record stays


def _pdf_text(content: bytes) -> str:
    import io

    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(content)).pages)


@pytest.mark.django_db
def test_the_compendium_the_authority_gets_does_not_name_a_pupil_without_a_publication_consent(
    programme, coordinator, mentee, monitoring_objects, django_capture_on_commit_callbacks
):
    """The compendium is the document made for publication, open to the authority: the case's own texts
    (title, story, photo captions) must not name a member of the pair who has no publication consent."""
    from mentoring.models import Job

    from .conftest import client_for

    case = monitoring_objects["case"]
    case.title = "Путь Марии Ивановой к олимпиаде"
    case.story = "Мария Иванова победила на олимпиаде; Машу Иванову наградили. Марию хвалили учителя."
    case.save()
    assert not mentee.consents.filter(scope="publication").exists()

    client = client_for(coordinator)
    kwargs = {"org": programme.organization.slug, "year": programme.academic_year.start_year}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("reports:run", kwargs={**kwargs, "report": "final_compendium"}),
            {"final_compendium-format": "pdf", "final_compendium-include_photos": "on"},
        )
    assert response.status_code == 302
    job = Job.objects.latest("created_at")
    assert job.status == Job.Status.DONE, job.error
    content = b"".join(
        client.get(reverse("job_download", kwargs={**kwargs, "job": job.pk})).streaming_content
    )
    text = _pdf_text(content).replace("\n", " ")
    assert "олимпиад" in text  # the best practice itself is published
    assert "Иванов" not in text and "Мари" not in text, text[:2000]


@pytest.mark.django_db
def test_the_journal_filters_by_a_user_who_is_no_longer_a_member(administrator, school):
    """A curator left the school (membership removed, account switched off): the officer still finds
    what she did by choosing her in the «user» filter."""
    from mentoring.models import AuditEvent, Membership, Role
    from mentoring.services import audit_record, membership_remove, users_deactivate

    from .conftest import _member, client_for

    leaver = _member(school, Role.CURATOR, "leaver")
    leaver.last_name, leaver.first_name = "Уходящая", "Нина"
    leaver.save()
    audit_record(
        actor=leaver, organization=school, action=AuditEvent.Action.EXPORT, target_type="reports.Report"
    )
    audit_record(
        actor=administrator, organization=school, action=AuditEvent.Action.VIEW, target_type="reports.Report"
    )
    membership_remove(
        actor=administrator, membership=Membership.objects.get(user=leaver, organization=school)
    )
    users_deactivate(actor=administrator, users=[leaver])

    url = reverse(
        "journal", kwargs={"org": school.slug, "year": school.programmes.first().academic_year.start_year}
    )
    response = client_for(administrator).get(url, {"user": leaver.pk})
    assert response.status_code == 200
    form = response.context["form"]
    assert form.is_valid(), form.errors
    rows = response.context["rows"]
    assert rows and all(event.actor_id == leaver.pk for event, _fields, _details in rows)
