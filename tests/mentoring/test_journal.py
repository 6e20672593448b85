"""«Журнал действий»: who sees it, its filters, the actor's name after the account is gone, the export."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from mentoring.models import AuditEvent, Job, Role, User
from mentoring.services import AuditRead, audit_reads, audit_record

from ..conftest import YEAR, _member, client_for

KW = {"org": "school-a", "year": YEAR}
URL = reverse("journal", kwargs=KW)


def rows_of(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_only_the_organisations_own_administrator_reads_it(
    administrator, curator, mentor, coordinator, stranger, school
):
    assert client_for(administrator).get(URL).status_code == 200
    assert client_for(curator).get(URL).status_code == 403
    assert client_for(mentor).get(URL).status_code == 403
    assert (
        client_for(coordinator).get(URL).status_code == 404
    )  # the authority reads no school's journal: for it the page does not exist
    assert client_for(stranger).get(URL).status_code == 404


@pytest.mark.django_db
def test_the_authoritys_administrator_reads_the_authoritys_own_actions(authority, school, programme):
    from tests.factories import ProgrammeFactory

    ProgrammeFactory(organization=authority, academic_year=programme.academic_year)
    admin = _member(authority, Role.ADMINISTRATOR, "uo-admin")
    audit_record(
        actor=admin, organization=authority, action=AuditEvent.Action.EXPORT, target_type="reports.Report"
    )
    audit_record(
        actor=None, organization=school, action=AuditEvent.Action.VIEW, target_type="participants.Person"
    )
    page = rows_of(client_for(admin).get(reverse("journal", kwargs={"org": authority.slug, "year": YEAR})))
    body = page.split("<tbody>")[1]
    assert "Выгружено" in body and "Просмотрено" not in body


@pytest.mark.django_db
def test_filters_by_person_user_action_and_dates(administrator, curator, mentee, mentor_person, pair, school):
    client = client_for(administrator)
    card = reverse("participants:person", kwargs={**KW, "person": mentee.pk})
    client_for(curator).get(card)  # a read of her card, by the curator
    old = audit_record(
        actor=curator, organization=school, action=AuditEvent.Action.VIEW, target=mentor_person
    )
    AuditEvent.objects.filter(pk=old.pk).update(at=timezone.now() - timedelta(days=40))

    by_name = rows_of(client.get(URL, {"person": "Иванова"}))
    by_number = rows_of(client.get(URL, {"person": f"№ {mentee.pk}"}))
    for page in (by_name, by_number):
        body = page.split("<tbody>")[1]
        # her card's read and the pair's creation (which concerns both), not the mentor's own card
        assert f"Участник № {mentee.pk}" in body and f"Участник № {mentor_person.pk}" not in body
        assert "пара или группа" in body.lower()
    views = rows_of(client.get(URL, {"action": "view", "user": curator.pk}))
    assert views.count("Просмотрено") >= 2
    assert "Создано" not in views.split("<tbody>")[1]
    since = (timezone.localdate() - timedelta(days=7)).isoformat()
    recent = rows_of(client.get(URL, {"date_from": since, "action": "view", "user": curator.pk}))
    assert f"Участник № {mentee.pk}" in recent
    assert f"Участник № {mentor_person.pk}" not in recent.split("<tbody>")[1]
    # no name of a pupil anywhere in the journal
    full = rows_of(client.get(URL))
    for user in User.objects.all():  # staff names (random fakes) are the journal's own business
        full = full.replace(user.get_full_name(), "")
    assert "Иванова" not in full and "Мария" not in full


@pytest.mark.django_db
def test_bad_filter_gets_a_russian_message(administrator):
    page = rows_of(client_for(administrator).get(URL, {"date_from": "2025-10-10", "date_to": "2025-10-01"}))
    assert "Начало периода позже его конца" in page


@pytest.mark.django_db
def test_the_actor_keeps_the_name_after_the_account_is_gone(administrator, school):
    leaver = _member(school, Role.CURATOR, "leaver")
    leaver.last_name, leaver.first_name, leaver.patronymic = "Уходящая", "Нина", "Петровна"
    leaver.save()
    audit_record(
        actor=leaver, organization=school, action=AuditEvent.Action.EXPORT, target_type="reports.Report"
    )
    leaver.delete()  # only the ORM can: the admin and the app deactivate
    page = rows_of(client_for(administrator).get(URL))
    assert "Уходящая Нина Петровна" in page and "учётная запись удалена" in page


@pytest.mark.django_db
def test_users_are_deactivated_not_deleted_in_the_admin(school, administrator):
    from django.contrib.admin.sites import site

    from mentoring.models import User

    superuser = User.objects.create_superuser("root", "root@example.org", "x")
    client = client_for(superuser)
    model_admin = site._registry[User]
    assert not model_admin.has_delete_permission(None)
    response = client.post(
        reverse("admin:mentoring_user_changelist"),
        {"action": "deactivate", "_selected_action": [administrator.pk]},
    )
    assert response.status_code == 302
    administrator.refresh_from_db()
    assert not administrator.is_active and User.objects.filter(pk=administrator.pk).exists()
    assert AuditEvent.objects.filter(target_id=str(administrator.pk), fields=["is_active"]).exists()


@pytest.mark.django_db
def test_the_page_makes_a_fixed_number_of_queries(administrator, school, mentee):
    client = client_for(administrator)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL, {"person": "Иванова"}).status_code == 200
        return len(queries)

    audit_reads(
        actor=administrator,
        organization=school,
        reads=[AuditRead("participants.Person", mentee.pk, (mentee.pk,)) for _ in range(3)],
    )
    count()  # the first request of a session also saves it
    few = count()
    audit_reads(
        actor=administrator,
        organization=school,
        reads=[AuditRead("participants.Person", mentee.pk, (mentee.pk,)) for _ in range(120)],
    )
    assert count() == few


@pytest.mark.django_db
def test_reads_are_written_in_one_query_whatever_their_number(administrator, school, mentee):
    with CaptureQueriesContext(connection) as queries:
        written = audit_reads(
            actor=administrator,
            organization=school,
            reads=[AuditRead("participants.Person", mentee.pk, (mentee.pk,)) for _ in range(40)],
        )
    assert written == 40 and len(queries) == 1


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 3, 20])
def test_reads_write_the_rows_bulk_create_writes(administrator, school, mentee, count):
    """One read goes in an INSERT compiled once per process, several through bulk_create: either way
    every column as bulk_create writes it, in one statement and no transaction of its own."""
    from mentoring import services

    reads = [
        AuditRead("participants.Person", mentee.pk + k, (mentee.pk, k + 1), label=f"База «{k}»")
        for k in range(count)
    ]
    AuditEvent.objects.all().delete()  # the fixtures' own rows
    with CaptureQueriesContext(connection) as queries:
        audit_reads(actor=administrator, organization=school, reads=reads)
    assert len(queries) == 1 and queries[0]["sql"].startswith("INSERT")
    assert "RETURNING" not in queries[0]["sql"] or count > 1
    written = list(AuditEvent.objects.order_by("target_id").values())
    AuditEvent.objects.all().delete()
    now = written[0]["at"]
    AuditEvent.objects.bulk_create(
        AuditEvent(
            at=now,
            actor=administrator,
            actor_name=services.actor_name(administrator),
            organization=school,
            action=read.action,
            target_type=read.target_type,
            target_id=str(read.target_id),
            target_repr=read.label,
            people=services.people_text(read.people),
        )
        for read in reads
    )
    expected = list(AuditEvent.objects.order_by("target_id").values())
    assert [{**row, "id": 0} for row in written] == [{**row, "id": 0} for row in expected]
    assert written[0]["people"].strip() and written[0]["fields"] == [] and written[0]["details"] == {}


@pytest.mark.django_db
def test_export_to_xlsx_with_the_filter_and_formula_text_escaped(
    administrator, school, curator, mentee, django_capture_on_commit_callbacks
):
    curator.last_name, curator.first_name = '=HYPERLINK("http://evil.example")', "@SUM(A1)"
    curator.save()
    audit_record(actor=curator, organization=school, action=AuditEvent.Action.VIEW, target=mentee)
    audit_record(
        actor=curator, organization=school, action=AuditEvent.Action.EXPORT, target_type="reports.Report"
    )
    client = client_for(administrator)
    page = rows_of(client.get(URL, {"action": "view"}))
    assert 'name="audit_journal-action" value="view"' in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("reports:run", kwargs={**KW, "report": "audit_journal"}),
            {"audit_journal-format": "xlsx", "audit_journal-action": "view"},
        )
    assert response.status_code == 302
    job = Job.objects.latest("created_at")
    assert job.status == Job.Status.DONE and job.contains_personal_data
    download = client.get(reverse("job_download", kwargs={**KW, "job": job.pk}))
    sheet = load_workbook(io.BytesIO(b"".join(download.streaming_content))).active
    values = [list(row) for row in sheet.iter_rows(min_row=5)]
    assert len(values) == 1  # the export is filtered like the page
    actor = values[0][1]
    assert actor.value.startswith("=HYPERLINK") and actor.data_type == "s" and actor.quotePrefix
    assert values[0][2].value == "Просмотрено" and values[0][5].value == f"№ {mentee.pk}"
    assert client_for(curator).post(
        reverse("reports:run", kwargs={**KW, "report": "audit_journal"}), {"audit_journal-format": "xlsx"}
    ).status_code in (403, 404)


@pytest.mark.django_db
def test_reads_of_personal_data_are_audited_with_the_people_concerned(
    curator, mentee, mentor_person, pair, monitoring_objects, roadmap_event
):
    from django.core.files.base import ContentFile

    task = monitoring_objects["task"]
    task.evidence_file.save("report.pdf", ContentFile(b"%PDF-1.4 evidence"), save=True)
    case, photo = monitoring_objects["case"], monitoring_objects["photo"]
    photo.people.set([mentee])
    client = client_for(curator)
    pages = {
        ("pairing.MentoringGroup", str(pair.pk), "view"): reverse(
            "pairing:detail", kwargs={**KW, "group": pair.pk}
        ),
        ("monitoring.IndividualPlan", str(monitoring_objects["plan"].pk), "view"): reverse(
            "monitoring:plan", kwargs={**KW, "group": pair.pk}
        ),
        ("monitoring.PlanTask", str(task.pk), "download"): reverse(
            "monitoring:plan_task_file", kwargs={**KW, "group": pair.pk, "task": task.pk}
        ),
        ("monitoring.Case", str(case.pk), "view"): reverse(
            "monitoring:case_detail", kwargs={**KW, "case": case.pk}
        ),
        ("monitoring.CasePhoto", str(photo.pk), "download"): reverse(
            "monitoring:case_photo", kwargs={**KW, "case": case.pk, "photo": photo.pk}
        ),
        ("roadmap.EventEvidence", str(roadmap_event.evidence.get().pk), "download"): reverse(
            "roadmap:evidence_download", kwargs={**KW, "evidence": roadmap_event.evidence.get().pk}
        ),
    }
    for (target_type, target_id, action), page in pages.items():
        before = AuditEvent.objects.count()
        assert client.get(page).status_code == 200, page
        event = AuditEvent.objects.order_by("-pk").first()
        assert AuditEvent.objects.count() == before + 1, page
        assert (event.target_type, event.target_id, event.action, event.actor) == (
            target_type,
            target_id,
            action,
            curator,
        )
        if target_type not in ("monitoring.Case", "roadmap.EventEvidence"):
            assert mentee.pk in event.person_ids, page
    diary = reverse("monitoring:diary", kwargs={**KW, "group": pair.pk})
    assert client.get(diary).status_code == 200
    event = AuditEvent.objects.order_by("-pk").first()
    assert event.target_label == f"Дневник встреч пары № {pair.pk}" and set(event.person_ids) == {
        mentee.pk,
        mentor_person.pk,
    }


@pytest.mark.django_db
def test_journal_details_and_fields_are_in_russian_never_raw_keys(curator, programme):
    from mentoring.journal import details_text, field_labels
    from mentoring.models import AuditEvent
    from mentoring.services import audit_record

    organization = programme.organization
    rows = [
        audit_record(
            actor=curator,
            organization=organization,
            action="create",
            target_type="mentoring.StaffInvitation",
            details={"channel": "sheet"},
        ),
        audit_record(
            actor=curator,
            organization=organization,
            action="create",
            target_type="mentoring.StaffInvitation",
            details={"channel": "email"},
        ),
        audit_record(
            actor=curator,
            organization=organization,
            action="delete",
            target_type="pairing.Pair",
            details={"undo": True},
        ),
        audit_record(
            actor=curator,
            organization=organization,
            action="update",
            target_type="participants.Person",
            details={"restored_from_trash": 1},
        ),
        audit_record(
            actor=curator,
            organization=organization,
            action="delete",
            target_type="participants.Person",
            details={"trash": 1, "rows": 2},
        ),
        audit_record(
            actor=curator,
            organization=organization,
            action="create",
            target_type="reports.Order",
            details={"kind": "pairing", "objects": 3},
        ),
        audit_record(
            actor=curator,
            organization=organization,
            action="create",
            target_type="mentoring.Membership",
            details={"role": "administrator"},
        ),
        audit_record(
            actor=curator,
            organization=organization,
            action="update",
            target_type="mentoring.StaffInvitation",
            changes=["used_at", "password"],
        ),
    ]
    texts = [details_text(AuditEvent.objects.get(pk=row.pk)) for row in rows]
    for raw in (
        "channel",
        "sheet",
        "email",
        "undo",
        "True",
        "restored_from_trash",
        "trash",
        "kind",
        "pairing",
        "role",
        "administrator",
        "=",
    ):
        assert not any(raw in text for text in texts), (raw, texts)
    assert "Роль: Администратор" in texts[6]
    fields = field_labels(rows[-1])
    assert "password" not in fields and "used_at" not in fields and len(fields) == 2
