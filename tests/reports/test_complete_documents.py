"""Every document complete: the individual plan printed, the roadmap with its «УТВЕРЖДЕНО» block and
numbered events, the analytical report's links and advance warning, the municipal documents that gather
the schools' figures without naming a child, and long texts that must stay inside the page."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.urls import reverse
from docx import Document

from mentoring.models import Membership, Programme, Role
from monitoring.models import Meeting, PlanTask
from participants.models import MenteeProfile
from participants.services import consent_record
from reports.models import Order, OrderKind
from reports.registry import ReportError

from ..conftest import YEAR, client_for
from .test_documents import generate, pdf_text
from .test_print import LaidOut, boxes_beyond_page, check_docx

KW = {"org": "school-a", "year": YEAR}


@pytest.fixture
def headed_school(school):
    school.head_name = "Захаров Андрей Николаевич"
    school.head_position = "Директор"
    school.save()
    return school


def docx_text(content: bytes) -> str:
    word = Document(io.BytesIO(content))
    return " ".join(
        [p.text for p in word.paragraphs]
        + [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    )


# --- the individual plan --------------------------------------------------------------------------


@pytest.fixture
def plan(monitoring_objects):
    plan = monitoring_objects["plan"]
    PlanTask.objects.create(
        plan=plan,
        activity="Участие в школьном этапе олимпиады",
        work_form="олимпиада",
        deadline=date(YEAR, 10, 20),
        expected_result="Участие и разбор ошибок",
        done_on=date(YEAR, 10, 21),
        evidence="Протокол школьного этапа",
        position=1,
    )
    plan.order_number = "45-ОД"
    plan.order_date = date(YEAR, 9, 15)
    plan.save()
    return plan


@pytest.mark.django_db
def test_the_plan_of_a_pair_prints_goals_tasks_deadlines_done_marks_and_its_approval(
    headed_school, programme, curator, plan, pair
):
    pages, text = pdf_text(generate("individual_plan", curator, programme, "pdf", group=pair.pk))
    assert pages == 1
    assert "Индивидуальный план развития под руководством наставника" in text
    assert "Подготовка к олимпиаде по математике" in text  # the goals
    assert "Разбор олимпиадных задач" in text and "01.11.2025" in text  # a task and its deadline
    assert "Участие в школьном этапе олимпиады" in text and "21.10.2025" in text  # done on
    assert "Протокол школьного этапа" in text
    assert "УТВЕРЖДЕНО" in text and "от 15.09.2025 № 45-ОД" in text
    assert "Кузнецова Ольга Петровна" in text and "Иванова Мария Сергеевна" in text
    content = generate("individual_plan", curator, programme, "docx", group=pair.pk)
    word = docx_text(content)
    assert "от 15.09.2025 № 45-ОД" in word and "Участие в школьном этапе олимпиады" in word
    assert check_docx(content, None) == []


@pytest.mark.django_db
def test_every_plan_of_the_year_one_per_page_with_blanks_for_an_unapproved_plan(
    headed_school, programme, curator, monitoring_objects, other_pair_with_plan
):
    pages, text = pdf_text(generate("individual_plan", curator, programme, "pdf", group=0))
    assert pages == 2
    assert "Подготовка к олимпиаде по математике" in text and "Проектная работа" in text
    assert "от «___» ________ 20__ № ______" in text  # neither plan has an order: blanks to fill in


@pytest.fixture
def other_pair_with_plan(programme, curator):
    from monitoring.models import IndividualPlan
    from pairing.models import GroupMember, MentoringForm, MentoringGroup
    from participants.services import mentor_profile_save, person_create

    teacher = person_create(
        actor=None,
        organization=programme.organization,
        last_name="Соколов",
        first_name="Дмитрий",
        kind="teacher",
    )
    mentor_profile_save(actor=None, person=teacher, programme=programme, capacity=1)
    group = MentoringGroup.objects.create(
        programme=programme, form=MentoringForm.objects.get(key="teacher_pupil"), status="active"
    )
    GroupMember.objects.create(group=group, person=teacher, role="mentor")
    return IndividualPlan.objects.create(group=group, goals="Проектная работа")


@pytest.mark.django_db
def test_a_mentor_prints_the_plan_of_their_own_pair_only(programme, mentor, plan, pair, other_pair_with_plan):
    _pages, text = pdf_text(generate("individual_plan", mentor, programme, "pdf", group=pair.pk))
    assert "Подготовка к олимпиаде по математике" in text
    with pytest.raises(ReportError):
        generate("individual_plan", mentor, programme, "pdf", group=other_pair_with_plan.group_id)


@pytest.mark.django_db
def test_the_plan_page_offers_printing_to_who_may_print(curator_client, mentor, coordinator, plan, pair):
    url = reverse("monitoring:plan", kwargs={**KW, "group": pair.pk})
    run = reverse("reports:run", kwargs={**KW, "report": "individual_plan"})
    for client in (curator_client, client_for(mentor)):
        page = client.get(url).content.decode()
        assert run in page and 'value="docx"' in page
    # the authority above sees no page that names a pupil, so no plan to print either
    assert client_for(coordinator).get(url).status_code == 404


@pytest.mark.django_db
def test_printing_from_the_plan_page_makes_the_file(
    curator_client, plan, pair, django_capture_on_commit_callbacks
):
    from mentoring.models import Job

    with django_capture_on_commit_callbacks(execute=True):
        response = curator_client.post(
            reverse("reports:run", kwargs={**KW, "report": "individual_plan"}),
            {"individual_plan-group": pair.pk, "individual_plan-format": "pdf"},
        )
    assert response.status_code == 302
    job = Job.objects.get(kind="report:individual_plan")
    assert job.status == Job.Status.DONE, job.error


# --- the roadmap ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_roadmap_prints_approved_by_its_order_with_numbered_events(
    headed_school, programme, curator, roadmap_event
):
    from roadmap.services import event_create

    event_create(actor=None, section=roadmap_event.section, title="Сбор согласий", period_text="октябрь")
    pages, text = pdf_text(generate("roadmap", curator, programme, "pdf"))
    assert "УТВЕРЖДЕНО" in text and "от «___» ________ 20__ № ______" in text  # no order recorded yet
    Order.objects.create(
        organization=headed_school,
        programme=programme,
        kind=OrderKind.ROADMAP,
        number="12-ОД",
        day=date(YEAR, 8, 30),
        title="Об утверждении дорожной карты",
        signed=True,  # a draft approves nothing
    )
    _pages, text = pdf_text(generate("roadmap", curator, programme, "pdf"))
    assert "УТВЕРЖДЕНО" in text and "от 30.08.2025 № 12-ОД" in text
    assert "1. Формирование базы наставляемых" in text
    assert "2.1." in text and "1.2 Сбор согласий" in text  # its own number kept, the other numbered
    word = docx_text(generate("roadmap", curator, programme, "docx"))
    assert "от 30.08.2025 № 12-ОД" in word and "1.2" in word


@pytest.mark.django_db
def test_long_evidence_and_diary_texts_stay_inside_the_page(
    headed_school, programme, curator, roadmap_event, pair, monkeypatch
):
    from weasyprint.document import Document as LaidDocument

    from roadmap.models import EventEvidence

    link = "https://disk.example.ru/" + "очень-длинная-ссылка-на-протокол-без-единого-пробела" * 4
    EventEvidence.objects.create(event=roadmap_event, reference="Протокол " * 33, url=link, added_by=curator)
    Meeting.objects.create(
        group=pair,
        date=date(YEAR, 10, 6),
        kind=Meeting.Kind.INTRODUCTION,
        topic="Тема" * 40,
        what_was_done=("Разобрали задачи. " * 200) + link,
        agreements="Договорились " * 50,
        recorded_by=curator,
    )
    laid_out = LaidOut()
    monkeypatch.setattr(LaidDocument, "write_pdf", laid_out(LaidDocument.write_pdf))
    generate("roadmap", curator, programme, "pdf")
    generate("pair_diary", curator, programme, "pdf", group=pair.pk)
    for document in laid_out.documents:
        assert boxes_beyond_page(document) == []
    assert len(laid_out.documents[-1].pages) >= 2  # the long meeting goes on over the next page


# --- the analytical report and the statistics: links and warnings --------------------------------


@pytest.mark.django_db
def test_the_reports_page_links_the_shaping_pages_and_warns_before_a_report_without_conclusions(
    curator_client, programme
):
    page = curator_client.get(reverse("reports:index", kwargs=KW)).content.decode()
    assert reverse("reports:conclusions", kwargs=KW) in page
    assert reverse("reports:statistics_layout", kwargs=KW) in page
    assert "Выводы ещё не написаны" in page
    from reports.models import AnalyticalConclusions

    AnalyticalConclusions.objects.create(programme=programme, conclusions="Программа работает.")
    page = curator_client.get(reverse("reports:index", kwargs=KW)).content.decode()
    assert "Выводы ещё не написаны" not in page


@pytest.mark.django_db
def test_an_analytical_report_without_conclusions_has_no_empty_section(headed_school, programme, curator):
    _pages, text = pdf_text(generate("analytical_report", curator, programme, "pdf"))
    assert "7. Выводы" not in text and "не написал" not in text
    word = docx_text(generate("analytical_report", curator, programme, "docx"))
    assert "7. Выводы" not in word


# --- the municipal documents ----------------------------------------------------------------------


@pytest.fixture
def municipality(authority, school, other_school, coordinator, monitoring_objects, mentee, mentor_person):
    """Two schools with pairs; the authority's own programme; a case whose pupil may be published."""
    from tests.factories import ProgrammeFactory

    ProgrammeFactory(organization=authority, academic_year__start_year=YEAR)
    Membership.objects.get_or_create(
        user=coordinator, organization=authority, role=Role.MUNICIPAL_COORDINATOR
    )
    consent_record(
        actor=None,
        person=mentee,
        scope="publication",
        given_on=date(YEAR, 9, 2),
        given_by="representative",
        representative_name="Иванова Ольга Петровна",
        representative_relation="мать",
    )
    consent_record(actor=None, person=mentor_person, scope="publication", given_on=date(YEAR, 9, 2))
    return Programme.objects.get(organization=authority, academic_year__start_year=YEAR)


@pytest.mark.django_db
def test_the_municipal_compendium_gathers_the_schools_and_names_no_child(
    municipality, coordinator, curator, programme, school, monitoring_objects
):
    case = monitoring_objects["case"]
    case.story = "Мария Иванова победила в олимпиаде."
    case.save()
    _pages, text = pdf_text(generate("final_compendium", coordinator, municipality, "pdf"))
    assert "Путь к олимпиаде" in text and school.short_name in text  # the school's case, with its school
    assert "Кузнецова Ольга Петровна" in text  # an adult with a publication consent
    assert "Иванова" not in text  # the pupil, even with a publication consent, is not named
    # the school's own compendium names her (she consented to publication)
    _pages, own = pdf_text(generate("final_compendium", curator, programme, "pdf"))
    assert "Иванова Мария Сергеевна" in own and "Мария Иванова победила" in own
    assert "победила в олимпиаде" in text and "Мария" not in text  # her name hidden in the story
    # the figures are the schools' ones added up, not the authority's own (empty) programme
    mentees = MenteeProfile.objects.filter(programme__organization__parent=municipality.organization).count()
    assert mentees >= 1
    assert f"Наставляемые в базе {mentees}" in text


@pytest.mark.django_db
def test_the_municipal_analytical_report_adds_up_the_schools(municipality, coordinator, school, other_school):
    from monitoring.models import Meeting as MeetingModel

    _pages, text = pdf_text(generate("analytical_report", coordinator, municipality, "pdf"))
    mentees = MenteeProfile.objects.filter(programme__organization__parent=municipality.organization).count()
    meetings = MeetingModel.objects.filter(
        group__programme__organization__parent=municipality.organization
    ).count()
    assert f"Наставляемые {mentees}" in text and f"Проведено встреч {meetings}" in text
    assert "По организациям" in text and school.short_name in text and other_school.short_name in text
    assert "Иванова" not in text and "Кузнецова" not in text
    assert check_docx(generate("analytical_report", coordinator, municipality, "docx"), None) == []


@pytest.mark.django_db
def test_the_authority_writes_the_conclusions_of_its_own_analytical_report(
    municipality, coordinator, curator, programme, school
):
    from mentoring.models import AuditEvent
    from reports.models import AnalyticalConclusions

    own = {"org": municipality.organization.slug, "year": YEAR}
    url = reverse("reports:conclusions", kwargs=own)
    client = client_for(coordinator)
    page = client.get(reverse("reports:index", kwargs=own)).content.decode()
    assert url in page  # the reports page of the authority links its conclusions page
    assert client.get(url).status_code == 200
    fields = {"achievements": "Все школы округа ведут пары", "problems": "", "next_year": ""}
    response = client.post(url, fields | {"conclusions": "Модель внедрена в 2 школах из 2."})
    assert response.status_code == 302
    saved = AnalyticalConclusions.objects.get(programme=municipality)
    assert saved.conclusions == "Модель внедрена в 2 школах из 2." and saved.updated_by == coordinator
    assert AuditEvent.objects.filter(
        organization=municipality.organization, target_type="reports.AnalyticalConclusions"
    ).exists()
    _pages, text = pdf_text(generate("analytical_report", coordinator, municipality, "pdf"))
    assert "Модель внедрена в 2 школах из 2." in text
    # the school's report keeps its own (none): the authority's text is not the school's
    assert not AnalyticalConclusions.objects.filter(programme=programme).exists()


@pytest.mark.django_db
def test_a_school_and_its_authority_never_edit_each_others_conclusions(
    municipality, coordinator, curator, programme, school
):
    from reports.models import AnalyticalConclusions

    fields = {"achievements": "чужой текст", "problems": "", "conclusions": "", "next_year": ""}
    authority_url = reverse(
        "reports:conclusions", kwargs={"org": municipality.organization.slug, "year": YEAR}
    )
    school_url = reverse("reports:conclusions", kwargs={"org": school.slug, "year": YEAR})
    # the school's curator does not reach the authority's page
    assert client_for(curator).get(authority_url).status_code == 404
    assert client_for(curator).post(authority_url, fields).status_code == 404
    # the coordinator sees the school's figures, not its conclusions page
    assert client_for(coordinator).get(school_url).status_code == 404
    assert client_for(coordinator).post(school_url, fields).status_code == 404
    assert AnalyticalConclusions.objects.count() == 0
    # and the school's reports page does not offer the coordinator a link to it
    page = client_for(coordinator).get(reverse("reports:index", kwargs={"org": school.slug, "year": YEAR}))
    assert school_url not in page.content.decode()


@pytest.mark.django_db
def test_the_municipal_analytical_report_lists_a_school_without_a_programme(municipality, coordinator):
    from tests.factories import OrganizationFactory

    OrganizationFactory(parent=municipality.organization, slug="school-idle", short_name="МБОУ «ООШ № 9»")
    _pages, text = pdf_text(generate("analytical_report", coordinator, municipality, "pdf"))
    assert "МБОУ «ООШ № 9» нет программы" in text


@pytest.mark.django_db
def test_the_diary_of_a_group_with_long_names_keeps_every_column_inside_the_page(
    headed_school, programme, curator, pair, monkeypatch
):
    from weasyprint.document import Document as LaidDocument

    from pairing.models import GroupMember
    from participants.services import person_create

    from .print_checks import text_beyond_its_cell

    mentees = [
        person_create(
            actor=None,
            organization=programme.organization,
            last_name=last,
            first_name="Александра",
            patronymic="Константиновна",
            birth_date=date(2012, 1, 1),
            kind="pupil",
            group_name="7А",
        )
        for last in ("Воскресенская-Преображенская", "Константинопольская", "Римская-Корсакова")
    ]
    for person in mentees:
        GroupMember.objects.create(group=pair, person=person, role="mentee")
        consent_record(
            actor=curator,
            person=person,
            scope="personal_data",
            given_on=date(YEAR, 9, 5),
            given_by="representative",
            representative_name="Мать",
            representative_relation="мать",
        )
    meeting = Meeting.objects.create(
        group=pair,
        date=date(YEAR, 10, 6),
        kind=Meeting.Kind.INTRODUCTION,
        topic="Знакомство",
        what_was_done="Разобрали задачи.",
        agreements="Выполнить задания.",
        recorded_by=curator,
    )
    meeting.attendees.set(mentees)
    laid_out = LaidOut()
    monkeypatch.setattr(LaidDocument, "write_pdf", laid_out(LaidDocument.write_pdf))
    generate("pair_diary", curator, programme, "pdf", group=pair.pk)
    document = laid_out.documents[-1]
    found = boxes_beyond_page(document) + text_beyond_its_cell(document)
    assert not found, "\n".join(found)
    assert document.pages[0].width > document.pages[0].height  # a landscape page
