"""Withdrawal of the consent to personal data processing erases the person everywhere (152-ФЗ).

The test builds a school where a pupil is named everywhere a name can go — her card, her profile's
texts, her pair's plan, meetings and case, a photo of her, her questionnaire answers, another pupil's
answer and notes, a roadmap comment, an uploaded file, the information campaign, the analytical
report's conclusions — then generates EVERY report of the registry in every format, checks that the
search finds her (so the search works), withdraws the consent through the page, and searches again:

* every file under MEDIA_ROOT (Word/Excel unzipped, PDFs through ``pdftotext``, the rest as text,
  and the file names),
* every text and JSON column of every table of the database (Django's own tables included),
* the audit table (before and after: it never holds the name),

and finds nothing. The search is written here, apart from the application's own name matcher.
What must stay (the other pupil, files that do not name her, a namesake in another school) stays.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import pytest
from django import forms
from django.apps import apps
from django.core.files.base import ContentFile
from django.db import models
from django.urls import reverse
from docx import Document

from mentoring.access import Scope, access_for
from mentoring.models import AuditEvent, Job, User
from monitoring import models as m
from monitoring.questionnaires.services import response_submit
from pairing.models import MentoringForm
from pairing.services import group_create
from participants.services import (
    consent_record,
    mentee_profile_save,
    person_create,
    person_update,
)
from reports.forms import options_form_for
from reports.models import AnalyticalConclusions
from reports.registry import registry
from roadmap.models import EventEvidence
from roadmap.services import comment_add

from .conftest import _PNG_1PX, YEAR, client_for

KW = {"org": "school-a", "year": YEAR}
LAST, FIRST, PATRONYMIC = "Щербатова", "Ульяна", "Всеволодовна"
# lower-case pieces whose presence anywhere means the name survived: the surname's stem catches every
# case form («Щербатовой», «Щербатову»), the given name and the patronymic stems theirs
NEEDLES = ("щербатов", "ульян", "всеволод")
EVERYDAY = "олимпиад"  # a word of the texts that must survive (only the name goes)


@pytest.fixture(autouse=True)
def _plain_staff_names():
    """Staff accounts get plain names before any fixture writes an audit row with their snapshot: a
    random fake name («…Всеволодовна») must not collide with the needles."""
    from django.db.models.signals import pre_save

    def plain(sender, instance, **kwargs):
        instance.last_name, instance.first_name, instance.patronymic = "Сотрудникова", "Анна", "Петровна"

    pre_save.connect(plain, sender=User, dispatch_uid="plain-staff-names")
    yield
    pre_save.disconnect(sender=User, dispatch_uid="plain-staff-names")


def normal(text: str) -> str:
    return text.lower().replace("ё", "е")


def hits(text: str) -> list[str]:
    text = normal(text)
    return [needle for needle in NEEDLES if needle in text]


# --- The independent search ------------------------------------------------------------------------


def _pdf_text(path: Path) -> str:
    if shutil.which("pdftotext"):
        result = subprocess.run(["pdftotext", "-q", str(path), "-"], capture_output=True, check=False)
        return result.stdout.decode("utf-8", errors="ignore")
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def file_text(path: Path) -> str:
    data = path.read_bytes()
    parts = [path.name]
    if data[:4] == b"PK\x03\x04":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for name in archive.namelist():
                xml = archive.read(name).decode("utf-8", errors="ignore")
                parts += [re.sub(r"<[^>]+>", "", xml), re.sub(r"<[^>]+>", " ", xml)]
    elif data[:5] == b"%PDF-":
        parts.append(_pdf_text(path))
    else:
        for encoding in ("utf-8", "utf-16", "cp1251"):
            parts.append(data.decode(encoding, errors="ignore"))
    return "\n".join(parts)


def search_media(root: Path) -> tuple[int, dict[str, list[str]]]:
    files = [path for path in root.rglob("*") if path.is_file()]
    found = {str(path.relative_to(root)): hits(file_text(path)) for path in files}
    return len(files), {name: needles for name, needles in found.items() if needles}


def text_columns() -> list[tuple[type[models.Model], str]]:
    columns = []
    for model in apps.get_models(include_auto_created=True):
        if model._meta.proxy or not model._meta.managed:
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, models.CharField | models.TextField | models.JSONField):
                columns.append((model, field.name))
    return columns


def search_database(only: type[models.Model] | None = None) -> tuple[int, int, dict[str, list[str]]]:
    """(columns searched, values searched, {"table.column#pk": needles})."""
    found: dict[str, list[str]] = {}
    values = 0
    columns = [(model, name) for model, name in text_columns() if only is None or model is only]
    for model, name in columns:
        for pk, value in model._base_manager.values_list("pk", name).iterator():
            if value in (None, "", [], {}):
                continue
            values += 1
            text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
            needles = hits(text)
            if needles:
                found[f"{model._meta.db_table}.{name}#{pk}"] = needles
    return len(columns), values, found


# --- The school where she is named everywhere ------------------------------------------------------


def docx_bytes(*lines: str) -> bytes:
    document = Document()
    for line in lines:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def named_everywhere(
    school,
    programme,
    curator,
    administrator,
    mentee,
    mentor_person,
    pair,
    monitoring_objects,
    roadmap_event,
    partner,
):
    person_update(
        actor=curator,
        person=mentee,
        last_name=LAST,
        first_name=FIRST,
        patronymic=PATRONYMIC,
        phone="+7 913 555-77-11",
        email="u.sherbatova@example.ru",
        guardian_name="Щербатова Ольга Петровна",
        notes="Ульяна любит олимпиады по математике",
    )
    mentee.consents.update(representative_name="Щербатова Ольга Петровна")
    mentee_profile_save(
        actor=curator,
        person=mentee,
        programme=programme,
        request_text="Я, Ульяна Щербатова, хочу подготовиться к олимпиаде",
        results="Щербатова У.В. стала призёром муниципальной олимпиады",
    )
    consent_record(
        actor=curator,
        person=mentee,
        scope="publication",
        given_on=date(YEAR, 9, 5),
        given_by="representative",
        representative_name="Щербатова Ольга Петровна",
    )
    # another pupil of the same mentor, who stays
    other = person_create(
        actor=curator,
        organization=school,
        last_name="Кузнецов",
        first_name="Пётр",
        patronymic="Ильич",
        birth_date=date(2012, 1, 9),
        kind="pupil",
        group_name="7А",
        notes="Дружит со Щербатовой Ульяной из 6Б, готовятся к олимпиаде вместе",
    )
    mentee_profile_save(actor=curator, person=other, programme=programme, requests=["Физика"])
    consent_record(
        actor=curator,
        person=other,
        scope="personal_data",
        given_on=date(YEAR, 9, 5),
        given_by="representative",
        representative_name="Кузнецова Анна Ильинична",
    )
    consent_record(
        actor=curator,
        person=other,
        scope="publication",
        given_on=date(YEAR, 9, 5),
        given_by="representative",
        representative_name="Кузнецова Анна Ильинична",
    )
    second_pair = group_create(
        actor=curator,
        programme=programme,
        form=MentoringForm.objects.get(key="teacher_pupil"),
        mentors=[mentor_person],
        mentees=[other],
    )
    # her pair: plan, meetings, case, photo — the given name alone too
    plan = monitoring_objects["plan"]
    plan.goals = "Подготовить Ульяну к олимпиаде"
    plan.save()
    task = monitoring_objects["task"]
    task.activity = "Разобрать со Щербатовой олимпиадные задачи"
    task.evidence_file.save("Щербатова_отчёт.docx", ContentFile(docx_bytes("Отчёт: олимпиада")), save=False)
    task.save()
    meeting = monitoring_objects["meeting"]
    meeting.topic = "Знакомство с Ульяной"
    meeting.what_was_done = "Ульяна рассказала, к какой олимпиаде готовится; Щербатовой Ульяне дали задачи"
    meeting.agreements = "Щербатова У.В. решит 5 задач олимпиады"
    meeting.needs_psychologist = True
    meeting.psychologist_reason = "Ульяна плачет после контрольных"
    meeting.save()
    m.Meeting.objects.create(
        group=second_pair,
        date=date(YEAR, 10, 8),
        topic="Петр и Щербатова У. В. вместе готовят олимпиадный проект",
        what_was_done="Петр помог Щербатовой",
        recorded_by=curator,
    )
    case = monitoring_objects["case"]
    case.story = "История Ульяны Щербатовой: от двоек к олимпиаде"
    case.save()
    photo = monitoring_objects["photo"]
    photo.caption = "Ульяна на олимпиаде"
    photo.save()
    photo.people.set([mentee])
    other_case = m.Case.objects.create(
        programme=programme, group=second_pair, title="Проект Петра", story="Физика"
    )
    kept_photo = m.CasePhoto(case=other_case, caption="Пётр у доски")
    kept_photo.image.save("petr.png", ContentFile(_PNG_1PX), save=False)
    kept_photo.save()
    kept_photo.people.set([other])
    # questionnaires: her answers, and another pupil's answer naming her
    template = monitoring_objects["template"]
    question = monitoring_objects["question"]
    comment = m.QuestionItem.objects.create(
        template=template, key="comment", text="Что запомнилось?", kind="text", required=False
    )
    response_submit(
        invitation=monitoring_objects["invitation"],
        answers={question.pk: 9, comment.pk: "Мне, Ульяне Щербатовой, понравилась олимпиада"},
    )
    other_invitation = m.Invitation.objects.create(
        campaign=monitoring_objects["campaign"],
        person=other,
        group=second_pair,
        respondent=m.Audience.MENTEE,
        expires_at=monitoring_objects["campaign"].expires_at,
    )
    response_submit(
        invitation=other_invitation,
        answers={question.pk: 8, comment.pk: "Спасибо Ульяне Щербатовой за помощь"},
    )
    # the same questionnaire «before», to compare with; and a new one not yet answered, for the QR sheet
    after = monitoring_objects["campaign"]
    before = m.Campaign.objects.create(
        programme=programme,
        template=template,
        title="Удовлетворённость, сентябрь",
        stage=m.Campaign.Stage.BEFORE,
        expires_at=after.expires_at,
        created_by=curator,
    )
    m.Campaign.objects.filter(pk=after.pk).update(stage=m.Campaign.Stage.AFTER, baseline=before)
    for person, group, score in ((mentee, pair, 6), (other, second_pair, 7)):
        invitation = m.Invitation.objects.create(
            campaign=before,
            person=person,
            group=group,
            respondent=m.Audience.MENTEE,
            expires_at=after.expires_at,
        )
        response_submit(invitation=invitation, answers={question.pk: score})
    qr = m.Campaign.objects.create(
        programme=programme,
        template=template,
        title="Удовлетворённость, декабрь",
        expires_at=after.expires_at,
        created_by=curator,
    )
    for person, group in ((mentee, pair), (other, second_pair)):
        m.Invitation.objects.create(
            campaign=qr, person=person, group=group, respondent=m.Audience.MENTEE, expires_at=after.expires_at
        )
    # the roadmap, the information campaign, the analytical report, an uploaded document
    comment_add(
        actor=curator, event=roadmap_event, text="Щербатова У.В. выступит на конференции по олимпиадам"
    )
    named_file = EventEvidence(event=roadmap_event, reference="Список призёров олимпиады", added_by=curator)
    named_file.file.save(
        "prizery.docx",
        ContentFile(docx_bytes("Призёры олимпиады:", "Щербатова Ульяна Всеволодовна, 6Б")),
        save=False,
    )
    named_file.save()
    activity = monitoring_objects["activity"]
    activity.notes = "Выступление Щербатовой Ульяны на родительском собрании про олимпиаду"
    activity.save()
    AnalyticalConclusions.objects.create(
        programme=programme,
        achievements="Щербатова Ульяна — призёр олимпиады",
        conclusions="Олимпиада удалась",
    )
    # reads of her data are audited: the card, before the withdrawal
    assert (
        client_for(curator)
        .get(reverse("participants:person", kwargs={**KW, "person": mentee.pk}))
        .status_code
        == 200
    )
    from datetime import date as _date

    from reports.orders.services import order_create, order_mark_signed

    # the pairing order names her in its appendix; signed, it keeps its PDF and Word file as signed
    order = order_create(
        actor=curator,
        programme=programme,
        kind="pairing",
        number="45-ОД",
        day=_date(YEAR, 10, 15),
        groups=[pair],
    )
    order_mark_signed(actor=curator, order=order)
    return {
        "order": order,
        "after": after,
        "qr": qr,
        "other": other,
        "kept_photo": kept_photo,
        "second_pair": second_pair,
        "protocol": roadmap_event.evidence.get(file__endswith="protocol.pdf"),
    }


# --- Every report of the registry, in every format ---------------------------------------------------


def fill(form: forms.Form, overrides: dict) -> dict:
    """Data for a report's options form: the first real choice of every choice, every box ticked."""
    data = {}
    for name, field in form.fields.items():
        key = form.add_prefix(name)
        if name in overrides:
            data[key] = overrides[name]
        elif isinstance(field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField):
            data[key] = [str(value) for value, _label in field.choices if str(value)]
        elif isinstance(field, forms.BooleanField):
            data[key] = "on"
        elif isinstance(field, forms.ChoiceField | forms.ModelChoiceField) and not field.required:
            data[key] = ""  # filters: «any»
        elif isinstance(field, forms.ChoiceField | forms.ModelChoiceField):
            values = [str(value) for value, _label in field.choices if str(value)]
            data[key] = values[0] if values else ""
        elif isinstance(field, forms.DateField):
            data[key] = f"{YEAR + 1}-05-25"
        elif isinstance(field, forms.CharField):
            data[key] = "15" if field.required else ""
    return data


# Reports whose first choices would leave her out: ask for the variants that include her.
VARIANTS = {
    "certificates": [{"whom": "mentees"}, {"whom": "mentors"}],
    "pair_diary": [{"group": "{pair}"}],
    "questionnaire_results": [{"campaign": "{after}"}],
    "questionnaire_compare": [{"campaign": "{after}"}],
    "questionnaire_qr_sheet": [{"campaign": "{qr}"}],
    "order": [{"order": "{order}"}],
}


def generate_every_report(user, programme, values: dict, capture) -> tuple[list[Job], list[str]]:
    scope = Scope(programme.organization, programme, access_for(user, programme.organization))
    client = client_for(user)
    jobs, failed = [], []
    for report in registry.all():
        if not report.allowed(scope):
            continue
        for variant in VARIANTS.get(report.identifier, [{}]):
            variant = {key: value.format(**values) for key, value in variant.items()}
            for fmt in report.formats:
                data = fill(options_form_for(report, scope), {**variant, "format": fmt})
                with capture(execute=True):
                    response = client.post(
                        reverse("reports:run", kwargs={**KW, "report": report.identifier}), data
                    )
                if response.status_code != 302:
                    failed.append(f"{report.identifier}/{fmt}: form refused")
                    continue
                job = Job.objects.latest("created_at")
                if job.status != Job.Status.DONE or not job.result_file:
                    failed.append(f"{report.identifier}/{fmt}: {job.error}")
                    continue
                jobs.append(job)
    return jobs, failed


@pytest.mark.django_db
def test_withdrawal_erases_the_name_from_every_file_text_and_the_audit(
    settings,
    named_everywhere,
    programme,
    curator,
    administrator,
    mentee,
    pair,
    django_capture_on_commit_callbacks,
):
    media = Path(settings.MEDIA_ROOT)
    values = {
        "pair": pair.pk,
        "after": named_everywhere["after"].pk,
        "qr": named_everywhere["qr"].pk,
        "order": named_everywhere["order"].pk,
    }
    jobs, failed = generate_every_report(administrator, programme, values, django_capture_on_commit_callbacks)
    assert not failed, "\n".join(failed)
    identifiers = {job.params["report"] for job in jobs}
    personal = [job for job in jobs if job.contains_personal_data]

    # the search works: before the withdrawal it finds her in the files and the tables
    files_before, media_hits = search_media(media)
    naming_reports = {job.params["report"] for job in jobs if job.result_file.name in media_hits}
    assert {
        "mentee_base",
        "pair_diary",
        "certificates",
        "final_compendium",
        "questionnaire_qr_sheet",
    } <= naming_reports
    assert any(name.startswith("orders/") and name.endswith(".pdf") for name in media_hits)
    assert any(name.startswith("plans/") for name in media_hits) and any(
        name.startswith("roadmap") or "evidence" in name for name in media_hits
    )
    columns, values_before, db_hits = search_database()
    tables = {key.split(".")[0] for key in db_hits}
    assert {
        "participants_person",
        "participants_menteeprofile",
        "monitoring_meeting",
        "monitoring_answer",
        "roadmap_eventcomment",
        "monitoring_case",
        "participants_consent",
    } <= tables
    assert search_database(only=AuditEvent)[2] == {}  # the trail never held her name

    consent = mentee.consents.get(scope="personal_data")
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(curator).post(
            reverse("participants:consent_withdraw", kwargs={**KW, "consent": consent.pk}),
            {"withdrawn_on": f"{YEAR}-12-01"},
        )
    assert response.status_code == 302

    files_after, media_left = search_media(media)
    columns_after, values_after, db_left = search_database()
    audit_rows = AuditEvent.objects.count()
    audit_left = search_database(only=AuditEvent)[2]
    print(
        json.dumps(
            {
                "measure": "withdrawal_erasure",
                "reports": len(identifiers),
                "report_files_generated": len(jobs),
                "personal_data_files": len(personal),
                "media_files_before": files_before,
                "media_files_naming_her_before": len(media_hits),
                "media_files_after": files_after,
                "media_hits_after": len(media_left),
                "text_columns_searched": columns,
                "values_searched_before": values_before,
                "db_hits_before": len(db_hits),
                "values_searched_after": values_after,
                "db_hits_after": len(db_left),
                "audit_rows_searched": audit_rows,
                "audit_hits": len(audit_left),
            },
            ensure_ascii=False,
        )
    )
    assert media_left == {}, media_left
    assert db_left == {}, db_left
    assert audit_left == {}

    # what did not name her stays: the other pupil, his photo, an unrelated upload, the rest of the texts
    other = named_everywhere["other"]
    other.refresh_from_db()
    assert other.full_name == "Кузнецов Пётр Ильич" and EVERYDAY in normal(other.notes)
    assert m.CasePhoto.objects.filter(pk=named_everywhere["kept_photo"].pk).exists()
    assert not m.CasePhoto.objects.filter(people=mentee).exists()
    protocol = named_everywhere["protocol"]
    assert protocol.file and Path(protocol.file.path).exists()
    meeting = m.Meeting.objects.filter(group=pair).first()
    assert "[" in meeting.what_was_done and EVERYDAY in normal(meeting.what_was_done)
    # her scores still count, detached from her; her text answers are gone
    answers = m.Answer.objects.filter(response__invitation__person__isnull=True)
    assert sorted(answers.exclude(number=None).values_list("number", flat=True)) == [6.0, 9.0]
    assert not answers.exclude(text="").exists()
    # the anonymised record stays for the counts, and its card says what was erased
    mentee.refresh_from_db()
    assert mentee.is_anonymised and mentee.mentee_profiles.count() == 1
    card = (
        client_for(curator)
        .get(reverse("participants:person", kwargs={**KW, "person": mentee.pk}))
        .content.decode()
    )
    assert "Что удалено" in card and not hits(card)
    erased = AuditEvent.objects.get(action=AuditEvent.Action.ERASE, target_id=str(mentee.pk)).details[
        "erased"
    ]
    assert erased["job_files"] == len(personal) and erased["photos"] == 1 and erased["answers"] == 3
    # the files that were deleted can be built again, without her; their pages say why they are gone
    assert not Job.objects.filter(contains_personal_data=True).exclude(result_file="").exists()
    page = client_for(administrator).get(reverse("job_detail", kwargs={**KW, "job": personal[0].pk}))
    assert "Файл удалён после отзыва согласия" in page.content.decode()
    reports = client_for(administrator).get(reverse("reports:index", kwargs=KW)).content.decode()
    assert "удалён: отозвано согласие" in reports


@pytest.mark.django_db
def test_a_namesake_in_another_school_is_left_alone(programme, curator, mentee, other_school, stranger):
    person_update(actor=curator, person=mentee, last_name=LAST, first_name=FIRST, patronymic=PATRONYMIC)
    namesake = person_create(
        actor=stranger,
        organization=other_school,
        last_name=LAST,
        first_name=FIRST,
        patronymic=PATRONYMIC,
        kind="pupil",
        notes="Щербатова Ульяна — староста класса",
    )
    consent = mentee.consents.get()
    with pytest.MonkeyPatch.context():
        from participants.services import consent_withdraw

        consent_withdraw(actor=curator, consent=consent, withdrawn_on=date(YEAR, 12, 1))
    namesake.refresh_from_db()
    assert namesake.full_name == f"{LAST} {FIRST} {PATRONYMIC}" and "Щербатова Ульяна" in namesake.notes


@pytest.mark.django_db
def test_personal_data_files_live_a_short_time_and_the_application_purges_them(
    settings, school, programme, curator, django_capture_on_commit_callbacks
):
    """A base export lives PERSONAL_DATA_FILE_TTL_HOURS; a job created later purges an expired one."""
    from datetime import timedelta

    from django.utils import timezone

    settings.PERSONAL_DATA_FILE_TTL_HOURS = 24
    client = client_for(curator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("reports:run", kwargs={**KW, "report": "mentee_base"}), {"mentee_base-format": "xlsx"}
        )
    personal = Job.objects.latest("created_at")
    lifetime = personal.expires_at - personal.finished_at
    assert timedelta(hours=23, minutes=59) < lifetime <= timedelta(hours=24)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("reports:run", kwargs={**KW, "report": "roadmap"}), {"roadmap-format": "xlsx"})
    plain = Job.objects.latest("created_at")
    assert plain.expires_at - plain.finished_at > timedelta(days=6)
    path = Path(personal.result_file.path)
    Job.objects.filter(pk=personal.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    with django_capture_on_commit_callbacks(execute=True):  # no beat: the next job purges it
        client.post(reverse("reports:run", kwargs={**KW, "report": "roadmap"}), {"roadmap-format": "xlsx"})
    assert not path.exists() and not Job.objects.get(pk=personal.pk).result_file


@pytest.mark.django_db
def test_a_brothers_papers_signed_by_the_same_mother_stay(programme, curator, mentee, school):
    """The family surname alone does not cost another person a document; the text loses only her."""
    person_update(actor=curator, person=mentee, last_name=LAST, first_name=FIRST, patronymic=PATRONYMIC)
    brother = person_create(
        actor=curator,
        organization=school,
        last_name="Щербатов",
        first_name="Пётр",
        kind="pupil",
        notes="Брат Щербатовой Ульяны; мама — Щербатова Ольга Петровна",
    )
    scan = consent_record(
        actor=curator,
        person=brother,
        scope="personal_data",
        given_on=date(YEAR, 9, 5),
        given_by="representative",
        representative_name="Щербатова Ольга Петровна",
    )
    scan.scan.save(
        "soglasie.docx", ContentFile(docx_bytes("Я, Щербатова Ольга Петровна, мать Щербатова Петра"))
    )
    path = Path(scan.scan.path)
    from participants.services import consent_withdraw

    consent_withdraw(actor=curator, consent=mentee.consents.get(), withdrawn_on=date(YEAR, 12, 1))
    brother.refresh_from_db()
    scan.refresh_from_db()
    assert path.exists() and scan.scan and scan.representative_name == "Щербатова Ольга Петровна"
    assert (
        brother.full_name == "Щербатов Пётр"
        and "Ульян" not in brother.notes
        and "Ольга Петровна" in brother.notes
    )


@pytest.mark.django_db
def test_a_file_being_built_during_the_withdrawal_is_never_saved(school, programme, curator, mentee):
    """A worker building the mentee base while the consent is withdrawn must not save a file naming her."""
    from mentoring.services import job_claim, job_create, job_succeed
    from participants.services import consent_withdraw

    running = job_create(
        kind="report:mentee_base",
        title="База",
        organization=school,
        academic_year=programme.academic_year,
        created_by=curator,
        contains_personal_data=True,
    )
    job_claim(job_id=str(running.pk))
    queued = job_create(
        kind="report:mentee_base",
        title="База",
        organization=school,
        academic_year=programme.academic_year,
        created_by=curator,
        contains_personal_data=True,
    )
    consent_withdraw(actor=curator, consent=mentee.consents.get(), withdrawn_on=date(YEAR, 12, 1))
    finished = job_succeed(job=running, filename="base.xlsx", content="Иванова Мария".encode())
    assert finished.status == Job.Status.FAILED and not finished.result_file
    assert job_claim(job_id=str(queued.pk)) is None  # the worker that picks it up later does nothing
    queued.refresh_from_db()
    assert queued.status == Job.Status.FAILED and "отозвано" in queued.error
