"""Shared fixtures: for every permission test an owner, a team member and a stranger (after healthchecks).

Two organisations live under one municipal authority; ``school`` is the one under test and
``other_school`` belongs to the stranger. Later issues add their objects to ``url_values``.
"""

from __future__ import annotations

import pytest
from django.test import Client

from mentoring.models import Job, Organization, Role

from .factories import MembershipFactory, OrganizationFactory, ProgrammeFactory, UserFactory

YEAR = 2025


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    # the pinned query counts include the switchers; tests/mentoring/test_navigation_cache.py turns it on
    settings.NAVIGATION_CACHE_SECONDS = 0
    # and every page rendered (tests/mentoring/test_kept_pages.py turns kept pages on)
    settings.KEPT_PAGE_SECONDS = 0
    # and the session's query: with Redis (the PostgreSQL run) production reads sessions from the cache
    # (cached_db); tests/mentoring/test_navigation_cache.py checks that engine
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.db"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _fresh_cache(request):
    """The sign-in counters live in the cache (Redis in the PostgreSQL run): each test starts with none.

    Not in the integration tests: their Redis database is the running worker's broker as well.
    """
    if not request.node.get_closest_marker("integration"):
        from django.core.cache import cache

        cache.clear()


@pytest.fixture(autouse=True)
def _tasks_in_process(request):
    """Tasks run in-process in every test but the integration tests, which start a real worker."""
    if request.node.get_closest_marker("integration"):
        yield
        return
    from mentoring.celery import app

    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous


@pytest.fixture
def authority(db) -> Organization:
    return OrganizationFactory.create(
        kind=Organization.Kind.MUNICIPAL_AUTHORITY, slug="uo-test", short_name="Управление образования"
    )


@pytest.fixture
def school(authority) -> Organization:
    organization = OrganizationFactory.create(slug="school-a", short_name="МБОУ «СОШ № 1»", parent=authority)
    ProgrammeFactory(organization=organization, academic_year__start_year=YEAR)
    ProgrammeFactory(organization=organization, academic_year__start_year=YEAR - 1)
    return organization


@pytest.fixture
def other_school(authority) -> Organization:
    organization = OrganizationFactory.create(slug="school-b", short_name="МБОУ «Гимназия № 2»", parent=authority)
    ProgrammeFactory(organization=organization, academic_year__start_year=YEAR)
    return organization


@pytest.fixture
def programme(school):
    return school.programmes.get(academic_year__start_year=YEAR)


def _member(organization: Organization, role: str, username: str):
    user = UserFactory(username=username)
    MembershipFactory(user=user, organization=organization, role=role)
    return user


@pytest.fixture
def curator(school):
    return _member(school, Role.CURATOR, "curator")


@pytest.fixture
def administrator(school):
    return _member(school, Role.ADMINISTRATOR, "director")


@pytest.fixture
def mentor(school):
    return _member(school, Role.MENTOR, "mentor")


@pytest.fixture
def stranger(other_school):
    """The curator of another school of the same municipality."""
    return _member(other_school, Role.CURATOR, "stranger")


@pytest.fixture
def coordinator(authority, school):
    return _member(authority, Role.MUNICIPAL_COORDINATOR, "coordinator")


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def curator_client(curator) -> Client:
    return client_for(curator)


@pytest.fixture
def school_job(school, programme, curator) -> Job:
    return Job.objects.create(
        kind="report:members",
        title="Сотрудники и роли (XLSX)",
        organization=school,
        academic_year=programme.academic_year,
        created_by=curator,
        params={"report": "members", "format": "xlsx", "options": {}},
        contains_personal_data=True,
    )


@pytest.fixture
def roadmap_event(programme, curator):
    from django.core.files.base import ContentFile

    from roadmap.models import EventEvidence
    from roadmap.services import event_create, section_create

    section = section_create(actor=None, programme=programme, title="Формирование базы наставляемых")
    event = event_create(
        actor=None,
        section=section,
        number="2.1.",
        title="Анкетирование обучающихся",
        period_text="октябрь 2025",
        responsible_users=[curator],
    )
    evidence = EventEvidence(event=event, reference="Приказ № 12-ОД от 01.10.2025", added_by=curator)
    evidence.file.save("protocol.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
    evidence.save()
    return event


@pytest.fixture
def mentee(programme, curator):
    """A pupil in the school's mentee base, with a consent signed by her mother and a scan of it."""
    from datetime import date

    from django.core.files.uploadedfile import SimpleUploadedFile

    from participants.services import consent_record, mentee_profile_save, person_create

    person = person_create(
        actor=None,
        organization=programme.organization,
        last_name="Иванова",
        first_name="Мария",
        patronymic="Сергеевна",
        birth_date=date(2013, 3, 14),
        kind="pupil",
        group_name="6Б",
        guardian_name="Иванова Ольга Петровна",
        guardian_phone="+7 900 000-00-01",
    )
    mentee_profile_save(actor=None, person=person, programme=programme, requests=["Математика"], has_ovz=True)
    consent_record(
        actor=curator,
        person=person,
        scope="personal_data",
        given_on=date(2025, 9, 5),
        given_by="representative",
        representative_name="Иванова Ольга Петровна",
        representative_relation="мать",
        scan=SimpleUploadedFile("soglasie.pdf", b"%PDF-1.4 consent"),
    )
    return person


@pytest.fixture
def partner(programme):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from participants.services import partner_save

    return partner_save(
        actor=None,
        organization=programme.organization,
        name="ООО «Берёзовский машиностроительный завод»",
        kind="enterprise",
        agreement_number="15/2025",
        agreement_file=SimpleUploadedFile("dogovor.pdf", b"%PDF-1.4 agreement"),
    )


@pytest.fixture
def mentor_person(programme, mentor):
    """The mentor user's own record in the mentor base, with a consent of her own."""
    from datetime import date

    from participants.services import consent_record, mentor_profile_save, person_create

    person = person_create(
        actor=None,
        organization=programme.organization,
        last_name="Кузнецова",
        first_name="Ольга",
        patronymic="Петровна",
        birth_date=date(1985, 6, 1),
        kind="teacher",
        user=mentor,
    )
    mentor_profile_save(
        actor=None, person=person, programme=programme, capacity=3, competencies=["Математика"]
    )
    consent_record(actor=None, person=person, scope="personal_data", given_on=date(2025, 9, 1))
    return person


@pytest.fixture
def pair(programme, mentor_person, mentee):
    from pairing.models import MentoringForm
    from pairing.services import group_create

    return group_create(
        actor=None,
        programme=programme,
        form=MentoringForm.objects.get(key="teacher_pupil"),
        mentors=[mentor_person],
        mentees=[mentee],
    )


@pytest.fixture
def matching_run(programme, curator):
    from pairing.models import MatchingRun, MentoringForm

    return MatchingRun.objects.create(
        programme=programme,
        form=MentoringForm.objects.get(key="teacher_pupil"),
        settings={},
        created_by=curator,
    )


@pytest.fixture
def monitoring_objects(programme, pair, curator, mentee) -> dict[str, object]:
    """One object of every monitoring model, owned by ``school`` (created with the ORM, no services)."""
    from datetime import date, timedelta

    from django.core.files.base import ContentFile
    from django.utils import timezone

    from monitoring import models as m

    plan = m.IndividualPlan.objects.create(group=pair, goals="Подготовка к олимпиаде по математике")
    task = m.PlanTask.objects.create(
        plan=plan, activity="Разбор олимпиадных задач", deadline=date(2025, 11, 1)
    )
    meeting = m.Meeting.objects.create(
        group=pair,
        date=date(2025, 10, 6),
        kind=m.Meeting.Kind.INTRODUCTION,
        topic="Знакомство",
        recorded_by=curator,
    )
    template = m.QuestionnaireTemplate.objects.create(
        organization=programme.organization,
        key="school-satisfaction",
        title="Удовлетворённость наставляемых (школьная)",
        purpose=m.QuestionnaireTemplate.Purpose.SATISFACTION,
        audience=m.Audience.MENTEE,
    )
    question = m.QuestionItem.objects.create(
        template=template, key="overall", text="Насколько вы довольны работой с наставником?", kind="scale"
    )
    expires = timezone.now() + timedelta(days=30)
    campaign = m.Campaign.objects.create(
        programme=programme,
        template=template,
        title="Удовлетворённость, май",
        expires_at=expires,
        created_by=curator,
    )
    invitation = m.Invitation.objects.create(
        campaign=campaign, person=mentee, group=pair, respondent=m.Audience.MENTEE, expires_at=expires
    )
    indicator = m.Indicator.objects.create(
        organization=programme.organization,
        key="school-mentees",
        name="Доля обучающихся в программе наставничества",
        numerator="mentees",
        denominator="pupils",
    )
    activity = m.InformationActivity.objects.create(
        programme=programme,
        kind=m.InformationActivity.Kind.PUBLICATION,
        date=date(2025, 9, 20),
        title="Новость на сайте школы",
        link="https://school.example/news/1",
    )
    swot_item = m.SwotItem.objects.create(
        programme=programme, quadrant=m.SwotItem.Quadrant.STRENGTH, text="Опытные наставники"
    )
    case = m.Case.objects.create(
        programme=programme, group=pair, title="Путь к олимпиаде", story="История пары"
    )
    photo = m.CasePhoto(case=case, caption="На олимпиаде")
    photo.image.save("photo.png", ContentFile(_PNG_1PX), save=False)
    photo.save()
    return {
        "plan": plan,
        "task": task,
        "meeting": meeting,
        "template": template,
        "question": question,
        "campaign": campaign,
        "invitation": invitation,
        "indicator": indicator,
        "activity": activity,
        "swot_item": swot_item,
        "case": case,
        "photo": photo,
    }


# The smallest valid PNG (1×1, transparent), for image fields in fixtures.
_PNG_1PX = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


def _school_term(school):
    from participants.models import VocabularyTerm

    return VocabularyTerm.objects.create(organization=school, kind="interest", name="Школьный музей")


def _roadmap_import_for_urls(programme):
    """A saved roadmap import of today that created nothing: undoing it only marks it undone."""
    from roadmap.models import RoadmapImport

    empty = {"created_events": [], "created_sections": [], "created_kpis": [], "updated": [], "deleted": []}
    return RoadmapImport.objects.create(programme=programme, filename="plan.docx", snapshot=empty)


@pytest.fixture
def url_values(
    school, programme, school_job, roadmap_event, mentee, partner, pair, matching_run, monitoring_objects
) -> dict[str, object]:
    """A value for every URL parameter of the project, pointing at objects of ``school``.

    A new URL parameter must be added here, or the permission test fails and says which.
    """
    return {
        "org": school.slug,
        "year": YEAR,
        "job": school_job.pk,
        "report": "members",
        "section": roadmap_event.section_id,
        "event": roadmap_event.pk,
        "evidence": roadmap_event.evidence.get().pk,
        "roadmap_import": _roadmap_import_for_urls(programme).pk,
        "person": mentee.pk,
        "consent": mentee.consents.get().pk,
        "partner": partner.pk,
        "kind": "mentees",
        "group": pair.pk,
        "run": matching_run.pk,
        "task": monitoring_objects["task"].pk,
        "meeting": monitoring_objects["meeting"].pk,
        "template": monitoring_objects["template"].pk,
        "question": monitoring_objects["question"].pk,
        "campaign": monitoring_objects["campaign"].pk,
        "link": monitoring_objects["invitation"].token,
        "rest": "spoilt/link/",
        "indicator": monitoring_objects["indicator"].pk,
        "activity": monitoring_objects["activity"].pk,
        "swot_item": monitoring_objects["swot_item"].pk,
        "case": monitoring_objects["case"].pk,
        "photo": monitoring_objects["photo"].pk,
        "term": _school_term(school).pk,
        "uidb64": "MQ",
        "user": pair.members.filter(role="mentor").values_list("person__user", flat=True).get(),
        "secret": "no-such-invitation",
        "token": "set-password",
        "order": _order_for_urls(programme).pk,
        "window": _window_for_urls(programme).pk,
        "order_kind": "model",
        "fmt": "pdf",
        "key": "protocol",
        "base_import": _base_import_for_urls(programme).pk,
        "item": _trash_item_for_urls(programme).pk,
    }


def _trash_item_for_urls(programme):
    from mentoring.models import TrashItem

    return TrashItem.objects.create(
        organization=programme.organization,
        programme=programme,
        kind="event",
        label="Удалённое мероприятие",
        object_id=999999,
        payload={"rows": [], "nulled": []},
    )


def _base_import_for_urls(programme):
    from participants.models import ImportBatch

    empty = {"created_people": [], "created_profiles": [], "people": {}, "profiles": {}, "left": {}}
    return ImportBatch.objects.create(
        organization=programme.organization, programme=programme, kind="mentees", undo=empty
    )


def _window_for_urls(programme):
    """A collection period opened by the school's authority, open today."""
    from datetime import date, timedelta

    from django.utils import timezone

    from reports.models import MonitoringWindow

    today = timezone.localdate()
    return MonitoringWindow.objects.create(
        opener=programme.organization.parent,
        academic_year=programme.academic_year,
        title="Мониторинг наставничества",
        opens_on=today - timedelta(days=1),
        deadline=today + timedelta(days=5),
        as_of=date(YEAR + 1, 5, 20),
        layout_name="Шаблон",
        layout={
            "rows": [{"label": "Наставляемые", "measure": "mentees", "filter": ""}],
            "columns": [{"label": "Всего", "breakdown": "total"}],
        },
    )


def _order_for_urls(programme):
    from datetime import date

    from reports.models import Order

    return Order.objects.create(
        organization=programme.organization,
        programme=programme,
        kind="model",
        number="1-ОД",
        day=date(YEAR, 9, 1),
        title="О внедрении целевой модели наставничества",
        points=["Контроль за исполнением приказа оставляю за собой."],
    )
