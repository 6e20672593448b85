"""Documents of the year: certificates and the final compendium (orders: test_orders.py)."""

from __future__ import annotations

import io
import os
from datetime import date
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from pypdf import PdfReader

from mentoring.access import Scope, access_for
from mentoring.models import AuditEvent, Job
from monitoring.models import CasePhoto, InformationActivity
from pairing.models import GroupMember, MentoringForm, MentoringGroup
from participants.models import Consent
from participants.services import consent_record, mentor_profile_save, person_create
from reports.registry import ReportContext, ReportError, registry

from ..conftest import YEAR, client_for

KW = {"org": "school-a", "year": YEAR}
HEAD = "Захаров Андрей Николаевич"


@pytest.fixture
def headed_school(school):
    school.head_name = HEAD
    school.head_position = "Директор"
    school.save()
    return school


def generate(identifier: str, user, programme, fmt: str = "pdf", **options) -> bytes:
    """Run a report's generator directly, as the worker does."""
    report = registry.get(identifier)
    access = access_for(user, programme.organization)
    scope = Scope(organization=programme.organization, programme=programme, access=access)
    content = report.generate(ReportContext(scope=scope, user=user, options=options), fmt).content
    if os.environ.get("DUMP_DOCUMENTS"):  # look at the files: DUMP_DOCUMENTS=/tmp/docs pytest …
        Path(os.environ["DUMP_DOCUMENTS"]).mkdir(parents=True, exist_ok=True)
        Path(os.environ["DUMP_DOCUMENTS"], f"{identifier}.{fmt}").write_bytes(content)
    return content


def pdf_text(content: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(content))
    return len(reader.pages), " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def image_set(content: bytes) -> set[bytes]:
    """The distinct images embedded in a PDF (WeasyPrint shares one resource dictionary between pages)."""
    return {image.data for page in PdfReader(io.BytesIO(content)).pages for image in page.images}


def teacher_without_consent(programme):
    person = person_create(
        actor=None,
        organization=programme.organization,
        last_name="Безсогласия",
        first_name="Пётр",
        patronymic="Ильич",
        kind="teacher",
    )
    mentor_profile_save(actor=None, person=person, programme=programme, capacity=2)
    return person


# --------------------------------------------------------------------------------------------------
# Certificates


@pytest.mark.django_db
def test_certificates_one_page_per_mentor_with_org_and_director(headed_school, programme, curator, pair):
    # a second pair whose mentor has no consent: he is left out (the ORM skips the pairing service's check)
    stranger_mentor = teacher_without_consent(programme)
    other = MentoringGroup.objects.create(
        programme=programme, form=MentoringForm.objects.get(key="teacher_pupil"), status="active"
    )
    GroupMember.objects.create(group=other, person=stranger_mentor, role="mentor")
    content = generate(
        "certificates", curator, programme, kind="merit", whom="mentors", day=f"{YEAR + 1}-05-25"
    )
    pages, text = pdf_text(content)
    assert pages == 1
    assert "Кузнецова Ольга Петровна" in text
    assert "Безсогласия" not in text
    assert headed_school.name in text and HEAD in text and "Директор" in text
    assert "25.05.2026" in text and "М.П." in text


@pytest.mark.django_db
def test_a_letter_of_thanks_addresses_an_adult_by_name_and_patronymic(
    headed_school, programme, curator, pair
):
    _pages, text = pdf_text(generate("certificates", curator, programme, kind="thanks", whom="mentors"))
    assert "Уважаемая Ольга Петровна!" in text


@pytest.mark.django_db
def test_certificates_for_mentees_and_for_a_chosen_selection(headed_school, programme, curator, pair, mentee):
    pages, text = pdf_text(generate("certificates", curator, programme, kind="thanks", whom="mentees"))
    assert pages == 1 and "Иванова Мария Сергеевна" in text and "6Б" in text
    pages, text = pdf_text(
        generate(
            "certificates",
            curator,
            programme,
            kind="participant",
            whom="chosen",
            people=[mentee.pk, pair.members.get(role="mentor").person_id],
            wording="за участие в проекте «Шаг вперёд»",
        )
    )
    assert pages == 2 and text.count("за участие в проекте «Шаг вперёд»") == 2


@pytest.mark.django_db
def test_certificates_leave_out_a_withdrawn_consent(headed_school, programme, curator, pair, mentee):
    Consent.objects.filter(person=mentee).update(withdrawn_on=date(YEAR, 12, 1))
    with pytest.raises(ReportError):
        generate("certificates", curator, programme, kind="merit", whom="mentees")
    form_class = registry.get("certificates").options_form
    access = access_for(curator, programme.organization)
    form = form_class(scope=Scope(programme.organization, programme, access), prefix="certificates")
    assert mentee not in form.fields["people"].queryset


@pytest.mark.django_db
def test_certificates_filter_by_class(headed_school, programme, curator, pair):
    pages, text = pdf_text(generate("certificates", curator, programme, whom="mentees", group_name="6Б"))
    assert pages == 1
    with pytest.raises(ReportError):
        generate("certificates", curator, programme, whom="mentees", group_name="11А")


@pytest.mark.django_db
def test_certificates_through_the_page_run_as_a_job_and_are_audited(
    headed_school, curator_client, pair, django_capture_on_commit_callbacks
):
    data = {
        "certificates-format": "pdf",
        "certificates-kind": "merit",
        "certificates-whom": "mentors",
        "certificates-day": f"{YEAR + 1}-05-25",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = curator_client.post(reverse("reports:run", kwargs={**KW, "report": "certificates"}), data)
    assert response.status_code == 302
    job = Job.objects.latest("created_at")
    assert job.status == Job.Status.DONE, job.error
    assert AuditEvent.objects.filter(action=AuditEvent.Action.EXPORT, target_id=str(job.pk)).exists()


@pytest.mark.django_db
def test_chosen_without_people_is_refused_on_the_page(curator_client, pair):
    data = {"certificates-format": "pdf", "certificates-whom": "chosen", "certificates-day": f"{YEAR}-12-01"}
    data["certificates-kind"] = "merit"
    response = curator_client.post(reverse("reports:run", kwargs={**KW, "report": "certificates"}), data)
    assert response.status_code == 400
    assert not Job.objects.exists()


# --------------------------------------------------------------------------------------------------
# The final compendium


def png(width: int = 40, height: int = 30, color: str = "#3a7") -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (width, height), color).save(buffer, format="PNG")
    return buffer.getvalue()


def add_photo(case, caption: str, people) -> CasePhoto:
    photo = CasePhoto(case=case, caption=caption)
    photo.image.save("p.png", ContentFile(png()), save=False)
    photo.save()
    photo.people.set(people)
    return photo


@pytest.mark.django_db
def test_compendium_has_figures_materials_cases_and_only_allowed_photos(
    headed_school, programme, curator, monitoring_objects, mentee, mentor_person, roadmap_event
):
    from roadmap.models import RoadmapEvent

    case = monitoring_objects["case"]
    # the fixture's photo shows nobody: printed; the mentee has no publication consent: left out
    fixture_photo = monitoring_objects["photo"]
    fixture_photo.image.save("nobody.png", ContentFile(png(color="#c33")))
    add_photo(case, "Мария на олимпиаде", [mentee])
    consent_record(actor=None, person=mentor_person, scope="publication", given_on=date(YEAR, 9, 2))
    add_photo(case, "Наставник с грамотой", [mentor_person])
    InformationActivity.objects.create(
        programme=programme, kind="common_event", date=date(YEAR, 12, 20), title="Фестиваль наставничества"
    )
    InformationActivity.objects.create(
        programme=programme, kind="class_hour", date=date(YEAR, 12, 21), title="Классный час не для сборника"
    )
    RoadmapEvent.objects.filter(pk=roadmap_event.pk).update(status="done", completed_on=date(YEAR, 10, 30))
    content = generate("final_compendium", curator, programme, include_photos=True)
    pages, text = pdf_text(content)
    assert pages >= 4
    assert headed_school.name in text and f"{YEAR}/{YEAR + 1}" in text
    assert "Путь к олимпиаде" in text and "История пары" in text
    assert "Фестиваль наставничества" in text and "Новость на сайте школы" in text
    assert "Классный час не для сборника" not in text
    assert "Анкетирование обучающихся" in text and "Приказ № 12-ОД от 01.10.2025" in text
    assert "Наставник с грамотой" in text and "На олимпиаде" in text
    assert "Мария на олимпиаде" not in text  # the photo without consent is left out with its caption
    # the mentor has a publication consent and is named; the mentee has none and is not
    assert "Кузнецова Ольга Петровна" in text and "Иванова Мария" not in text
    assert len(image_set(content)) == 2


@pytest.mark.django_db
def test_compendium_skips_an_unreadable_photo(headed_school, programme, curator, monitoring_objects):
    photo = monitoring_objects["photo"]
    photo.image.save("broken.png", ContentFile(b"not an image"))
    _pages, text = pdf_text(generate("final_compendium", curator, programme))
    assert "Путь к олимпиаде" in text and "На олимпиаде" not in text


@pytest.mark.django_db
def test_compendium_without_photos_and_with_a_period(headed_school, programme, curator, monitoring_objects):
    content = generate(
        "final_compendium", curator, programme, include_photos=False, period_from=f"{YEAR}-10-01"
    )
    _pages, text = pdf_text(content)
    assert "Новость на сайте школы" not in text  # dated 20 September, before the period
    assert image_set(content) == set()


@pytest.mark.django_db
def test_compendium_for_an_empty_year(headed_school, programme, curator):
    _pages, text = pdf_text(generate("final_compendium", curator, programme))
    assert headed_school.name in text


@pytest.mark.django_db
def test_a_mentor_cannot_run_the_documents(mentor, pair):
    client = client_for(mentor)
    for identifier in ("certificates", "order", "final_compendium", "protocol"):
        response = client.post(reverse("reports:run", kwargs={**KW, "report": identifier}), {})
        assert response.status_code == 404


@pytest.mark.django_db
def test_reports_page_groups_the_reports_by_theme(curator_client):
    response = curator_client.get(reverse("reports:index", kwargs=KW))
    html = response.content.decode()
    assert response.status_code == 200
    for identifier in ("certificates", "order", "final_compendium", "roadmap", "members", "protocol"):
        assert f'id="report-{identifier}"' in html
    assert 'id="theme-documents"' in html and 'id="theme-orders"' in html
    assert (
        html.index('id="theme-orders"') < html.index('id="report-order"') < html.index('id="theme-documents"')
    )
