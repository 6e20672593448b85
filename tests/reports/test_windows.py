"""Monitoring windows: open a collection period, hand in (frozen), the late list, reminders, the totals.

The consolidated figures are checked against a count made here from the raw tables (profiles, people,
pairs), not through ``reports.statistics.calc``; the freeze by changing the data after handing in.
"""

from __future__ import annotations

import io
import json
import random
import subprocess
from datetime import UTC, date, datetime, timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from mentoring.models import AuditEvent, Organization, Programme, Role
from pairing.models import GroupMember, MentoringForm, MentoringGroup
from participants.models import MenteeProfile, MentorProfile, Person
from reports.models import MonitoringWindow, StatisticsLayout, WindowReminder, WindowSubmission
from reports.registry import PDF, XLSX, ReportContext, ReportError, registry
from reports.statistics import calc as statistics
from reports.statistics.selectors import layout_for
from reports.windows.reminders import send_window_reminders
from reports.windows.selectors import (
    Status,
    group_counts,
    sum_snapshots,
    window_consolidation,
    window_overview,
    window_submission_summary,
)
from reports.windows.services import WindowError, window_close, window_open, window_submit

from ..conftest import YEAR, client_for
from ..factories import MembershipFactory, OrganizationFactory, ProgrammeFactory, UserFactory

AS_OF = date(2026, 5, 20)  # inside the academic year 2025/2026
OPENS = date(2026, 5, 10)
DEADLINE = date(2026, 5, 25)


def _at(day: date, hour: int = 12) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def _people(programme: Programme, *, mentees: int, ovz: int, mentors: int, pairs: int, tag: str) -> None:
    """Pupils as mentees (the first ``ovz`` with ОВЗ), teachers as mentors, ``pairs`` active pairs
    «учитель – ученик» (mentor i with mentee i); surnames carry ``tag`` so a file can be searched for them."""
    form = MentoringForm.objects.get(key="teacher_pupil", organization=None)
    pupils = []
    for index in range(mentees):
        person = Person.objects.create(
            organization=programme.organization,
            last_name=f"Ученикова{tag}{index}",
            first_name="Мария",
            kind=Person.Kind.PUPIL,
            birth_date=date(2012, 3, 1),
        )
        MenteeProfile.objects.create(person=person, programme=programme, has_ovz=index < ovz)
        pupils.append(person)
    teachers = []
    for index in range(mentors):
        person = Person.objects.create(
            organization=programme.organization,
            last_name=f"Учителева{tag}{index}",
            first_name="Анна",
            kind=Person.Kind.TEACHER,
            birth_date=date(1980, 3, 1),
        )
        MentorProfile.objects.create(person=person, programme=programme)
        teachers.append(person)
    for index in range(pairs):
        group = MentoringGroup.objects.create(programme=programme, form=form, status="active")
        GroupMember.objects.create(group=group, person=teachers[index], role=GroupMember.Role.MENTOR)
        GroupMember.objects.create(group=group, person=pupils[index], role=GroupMember.Role.MENTEE)


LAYOUT = statistics.Layout(
    rows=(
        statistics.Row("Наставляемые, всего", "mentees"),
        statistics.Row("в т.ч. с ОВЗ", "mentees", "category:ovz"),
        statistics.Row("Наставники, всего", "mentors"),
        statistics.Row("Пары, действующие", "pairs_active"),
        statistics.Row("Охват обучающихся, %", "mentees", "group:learners", "pupils"),
    ),
    columns=(
        statistics.Column("Всего", "total"),
        statistics.Column("учитель – ученик", "form:teacher_pupil"),
        statistics.Column("не в парах", "unpaired"),
    ),
)


@pytest.fixture
def authority_layout(authority):
    return StatisticsLayout.objects.create(
        organization=authority, name="Форма РНЦ", data=statistics.layout_to_data(LAYOUT)
    )


@pytest.fixture
def window(authority, school, other_school, coordinator, authority_layout) -> MonitoringWindow:
    programme = school.programmes.get(academic_year__start_year=YEAR)
    return window_open(
        actor=coordinator,
        opener=authority,
        academic_year=programme.academic_year,
        title="Мониторинг наставничества, май 2026",
        opens_on=OPENS,
        deadline=DEADLINE,
        today=OPENS,
        as_of=AS_OF,
    )


def _programme(organization) -> Programme:
    return Programme.objects.select_related("organization", "academic_year").get(
        organization=organization, academic_year__start_year=YEAR
    )


# --------------------------------------------------------------------------------------------------
# opening


@pytest.mark.django_db
def test_open_copies_the_openers_layout_and_audits(window, authority, coordinator):
    # the layout lists one form: «другие формы» is added after it, so the columns add up to «Всего»
    assert window.layout == statistics.layout_to_data(statistics.complete(LAYOUT))
    assert [column["breakdown"] for column in window.layout["columns"]] == [
        "total",
        "form:teacher_pupil",
        "other_forms",
        "unpaired",
    ]
    assert window.layout_name == "Форма РНЦ"
    assert layout_for(authority)[0] == LAYOUT
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.CREATE, target_type="reports.MonitoringWindow", target_id=str(window.pk)
    ).exists()
    # a later change of the template does not change the open window
    StatisticsLayout.objects.filter(organization=authority).update(data={"rows": [], "columns": []})
    window.refresh_from_db()
    assert window.layout == statistics.layout_to_data(statistics.complete(LAYOUT))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"deadline": OPENS - timedelta(days=1)}, "раньше"),
        ({"as_of": date(2027, 1, 10)}, "учебного года"),
        ({"title": "   "}, "название"),
        # a deadline already passed: every school would be late at once and no reminder would go
        ({"today": DEADLINE + timedelta(days=1)}, "уже прошёл"),
        ({"opens_on": OPENS - timedelta(days=40), "deadline": OPENS - timedelta(days=1)}, "уже прошёл"),
    ],
)
def test_open_refuses_bad_input_and_changes_nothing(authority, school, coordinator, changes, message):
    arguments = {
        "actor": coordinator,
        "opener": authority,
        "academic_year": _programme(school).academic_year,
        "title": "Мониторинг",
        "opens_on": OPENS,
        "deadline": DEADLINE,
        "as_of": AS_OF,
        "today": OPENS,
    } | changes
    with pytest.raises(WindowError) as error:
        window_open(**arguments)
    assert message in str(error.value).lower()
    assert MonitoringWindow.objects.count() == 0


@pytest.mark.django_db
def test_open_takes_a_start_in_the_past_and_a_deadline_today(authority, school, coordinator):
    found = window_open(
        actor=coordinator,
        opener=authority,
        academic_year=_programme(school).academic_year,
        title="Мониторинг",
        opens_on=OPENS - timedelta(days=20),
        deadline=DEADLINE,
        as_of=AS_OF,
        today=DEADLINE,
    )
    assert found.deadline == DEADLINE


@pytest.mark.django_db
def test_a_school_cannot_open_a_window(school, curator):
    with pytest.raises(WindowError):
        window_open(
            actor=curator,
            opener=school,
            academic_year=_programme(school).academic_year,
            title="Мониторинг",
            opens_on=OPENS,
            deadline=DEADLINE,
            today=OPENS,
        )
    assert MonitoringWindow.objects.count() == 0


# --------------------------------------------------------------------------------------------------
# handing in: a frozen snapshot, versions


@pytest.mark.django_db
def test_submitted_figures_are_frozen_and_resubmission_adds_a_version(window, school, curator):
    programme = _programme(school)
    _people(programme, mentees=3, ovz=1, mentors=2, pairs=2, tag="А")
    first = window_submit(
        actor=curator, window=window, programme=programme, comment="Всё верно", now=_at(OPENS)
    )
    frozen = json.loads(json.dumps(first.data))
    assert first.version == 1 and first.is_current and not first.late
    assert first.data["cells"][0][0] == 3  # mentees, total
    assert first.data["cells"][1][0] == 1  # with ОВЗ

    # the data change after handing in: more mentees, another contingent
    _people(programme, mentees=4, ovz=4, mentors=1, pairs=1, tag="Б")
    Programme.objects.filter(pk=programme.pk).update(pupils_total=10, pupils_with_disabilities=2)
    first.refresh_from_db()
    assert first.data == frozen
    consolidation = window_consolidation(window, window.opener, today=OPENS)
    assert consolidation.total.cells[0][0] == 3  # from the snapshot, not the 7 mentees of today

    # handing in again before the deadline: a new current version, the first one kept
    second = window_submit(actor=curator, window=window, programme=_programme(school), now=_at(DEADLINE))
    first.refresh_from_db()
    assert (second.version, second.is_current, first.is_current) == (2, True, False)
    assert first.data == frozen
    assert second.data["cells"][0][0] == 7 and second.data["cells"][1][0] == 5
    assert second.data["contingent"]["pupils"] == 10
    assert window_consolidation(window, window.opener, today=DEADLINE).total.cells[0][0] == 7
    audited = AuditEvent.objects.filter(
        action=AuditEvent.Action.CREATE, target_type="reports.WindowSubmission"
    )
    assert sorted(audited.values_list("target_id", flat=True)) == sorted([str(first.pk), str(second.pk)])
    assert set(audited.values_list("organization_id", flat=True)) == {school.pk}


@pytest.mark.django_db
def test_snapshot_names_no_one(window, school, curator):
    programme = _programme(school)
    _people(programme, mentees=3, ovz=1, mentors=2, pairs=2, tag="Тайна")
    submission = window_submit(actor=curator, window=window, programme=programme, now=_at(OPENS))
    text = json.dumps(submission.data, ensure_ascii=False)
    for surname in Person.objects.values_list("last_name", flat=True):
        assert surname not in text


@pytest.mark.django_db
def test_after_the_deadline_a_late_first_submission_is_taken_a_replacement_is_not(
    window, school, other_school, curator
):
    programme = _programme(school)
    window_submit(actor=curator, window=window, programme=programme, now=_at(OPENS))
    with pytest.raises(WindowError) as error:
        window_submit(
            actor=curator, window=window, programme=programme, now=_at(DEADLINE + timedelta(days=1))
        )
    assert "срок" in str(error.value).lower()
    assert WindowSubmission.objects.filter(organization=school).count() == 1
    other_curator = UserFactory(username="other-curator")
    MembershipFactory(user=other_curator, organization=other_school, role=Role.CURATOR)
    late = window_submit(
        actor=other_curator,
        window=window,
        programme=_programme(other_school),
        now=_at(DEADLINE + timedelta(days=2)),
    )
    assert late.late and late.version == 1
    # before the window opens and after it closes nothing is taken
    with pytest.raises(WindowError):
        window_submit(actor=curator, window=window, programme=programme, now=_at(OPENS - timedelta(days=1)))
    window_close(actor=None, window=window)
    with pytest.raises(WindowError):
        window_submit(actor=other_curator, window=window, programme=_programme(other_school), now=_at(OPENS))
    assert WindowSubmission.objects.count() == 2


@pytest.mark.django_db
def test_a_school_of_another_authority_cannot_hand_in(window, curator):
    foreign_authority = OrganizationFactory(kind=Organization.Kind.MUNICIPAL_AUTHORITY, slug="uo-foreign")
    foreign = OrganizationFactory(parent=foreign_authority, slug="foreign-school")
    programme = ProgrammeFactory(organization=foreign, academic_year__start_year=YEAR)
    with pytest.raises(WindowError):
        window_submit(actor=curator, window=window, programme=programme, now=_at(OPENS))
    assert WindowSubmission.objects.count() == 0


# --------------------------------------------------------------------------------------------------
# who handed in, who is late


@pytest.mark.django_db
def test_late_list_and_summary(window, authority, school, other_school, curator):
    third = OrganizationFactory(parent=authority, slug="school-c", short_name="МБОУ «СОШ № 3»")
    ProgrammeFactory(organization=third, academic_year__start_year=YEAR)
    OrganizationFactory(parent=authority, slug="school-no-programme", short_name="МБОУ «ООШ № 9»")
    window_submit(actor=curator, window=window, programme=_programme(school), now=_at(OPENS))
    window_submit(
        actor=None, window=window, programme=_programme(other_school), now=_at(DEADLINE + timedelta(days=1))
    )

    before = window_overview(window, authority, today=DEADLINE)
    assert {row.organization.slug: row.status for row in before.rows} == {
        "school-a": Status.SUBMITTED,
        "school-b": Status.SUBMITTED_LATE,
        "school-c": Status.PENDING,  # the deadline day itself: not late yet
        "school-no-programme": Status.NO_PROGRAMME,
    }
    after = window_overview(window, authority, today=DEADLINE + timedelta(days=3))
    statuses = {row.organization.slug: row.status for row in after.rows}
    assert statuses["school-c"] == Status.OVERDUE
    assert sorted(row.organization.slug for row in after.late) == ["school-b", "school-c"]
    assert [row.organization.slug for row in after.not_submitted] == ["school-c"]
    assert len(after.expected) == 3
    assert after.share_submitted == round(100 * 2 / 3, 1)

    summary = window_submission_summary(authority, today=DEADLINE + timedelta(days=3))
    assert summary is not None and summary.window == window
    assert (summary.expected, summary.submitted, summary.late) == (3, 2, 2)
    assert summary.share == 66.7
    assert [organization.slug for organization in summary.not_submitted] == ["school-c"]
    assert window_submission_summary(OrganizationFactory(kind=Organization.Kind.MUNICIPAL_AUTHORITY)) is None


@pytest.mark.django_db
def test_a_region_above_opens_for_every_school_at_any_depth(
    authority, school, other_school, django_assert_max_num_queries
):
    """Generic over the depth: a window opened two levels up covers the schools of every municipality."""
    region = OrganizationFactory(
        kind=Organization.Kind.MUNICIPAL_AUTHORITY, slug="region-w", short_name="Регион"
    )
    authority.parent = region
    authority.save(update_fields=["parent"])
    second = OrganizationFactory(kind=Organization.Kind.MUNICIPAL_AUTHORITY, slug="uo-second", parent=region)
    far = OrganizationFactory(parent=second, slug="far-school", short_name="МКОУ «Дальняя СОШ»")
    ProgrammeFactory(organization=far, academic_year__start_year=YEAR)
    found = window_open(
        actor=None,
        opener=region,
        academic_year=_programme(school).academic_year,
        title="Региональный мониторинг",
        opens_on=OPENS,
        deadline=DEADLINE,
        today=OPENS,
        as_of=AS_OF,
    )
    window_submit(actor=None, window=found, programme=_programme(far), now=_at(OPENS))
    with django_assert_max_num_queries(6):
        overview = window_overview(found, region, today=OPENS)
    assert sorted(row.organization.slug for row in overview.rows) == ["far-school", "school-a", "school-b"]
    groups = {row.organization.slug: row.group.slug for row in overview.rows}
    assert groups == {"far-school": "uo-second", "school-a": "uo-test", "school-b": "uo-test"}
    counts = {item.group.slug: (item.expected, item.submitted) for item in group_counts(overview)}
    assert counts == {"uo-second": (1, 1), "uo-test": (2, 0)}
    # the municipality sees the region's window for its own schools only
    assert sorted(row.organization.slug for row in window_overview(found, authority).rows) == [
        "school-a",
        "school-b",
    ]


# --------------------------------------------------------------------------------------------------
# the consolidated figures = the sum of the snapshots, counted here from the raw tables


def _independent(programme: Programme) -> dict[str, int]:
    """The figures of ``LAYOUT`` counted straight from the tables (every profile is active, no dates)."""
    mentees = MenteeProfile.objects.filter(programme=programme)
    paired_mentees = set(
        GroupMember.objects.filter(
            group__programme=programme, role="mentee", group__status="active"
        ).values_list("person_id", flat=True)
    )
    paired_mentors = set(
        GroupMember.objects.filter(
            group__programme=programme, role="mentor", group__status="active"
        ).values_list("person_id", flat=True)
    )
    mentee_people = list(mentees.values_list("person_id", "has_ovz"))
    mentor_people = list(
        MentorProfile.objects.filter(programme=programme).values_list("person_id", flat=True)
    )
    return {
        "mentees": len(mentee_people),
        "mentees_paired": sum(1 for person, _ovz in mentee_people if person in paired_mentees),
        "ovz": sum(1 for _person, ovz in mentee_people if ovz),
        "ovz_paired": sum(1 for person, ovz in mentee_people if ovz and person in paired_mentees),
        "mentors": len(mentor_people),
        "mentors_paired": sum(1 for person in mentor_people if person in paired_mentors),
        "pairs": MentoringGroup.objects.filter(programme=programme, status="active").count(),
        "pupils": Programme.objects.get(pk=programme.pk).pupils_total,
    }


@pytest.mark.django_db
def test_consolidated_form_is_the_sum_of_the_snapshots(window, authority, school, other_school, curator):
    rng = random.Random(15)
    third = OrganizationFactory(parent=authority, slug="school-c", short_name="МБОУ «СОШ № 3»")
    ProgrammeFactory(organization=third, academic_year__start_year=YEAR, pupils_total=333)
    organizations = [school, other_school, third]
    expected = {
        "mentees": 0,
        "mentees_paired": 0,
        "ovz": 0,
        "ovz_paired": 0,
        "mentors": 0,
        "mentors_paired": 0,
    }
    expected |= {"pairs": 0, "pupils": 0}
    per_school = {}
    for number, organization in enumerate(organizations):
        programme = _programme(organization)
        mentees = rng.randint(3, 9)
        mentors = rng.randint(2, 5)
        _people(
            programme,
            mentees=mentees,
            ovz=rng.randint(0, mentees),
            mentors=mentors,
            pairs=rng.randint(1, min(mentees, mentors)),
            tag=f"Ш{number}",
        )
        window_submit(actor=curator, window=window, programme=_programme(organization), now=_at(OPENS))
        per_school[organization.slug] = _independent(programme)
        for key, value in per_school[organization.slug].items():
            expected[key] += value
    # what happens after handing in does not reach the consolidated form
    _people(_programme(school), mentees=5, ovz=5, mentors=1, pairs=1, tag="Поздно")

    consolidation = window_consolidation(window, authority, today=OPENS)
    cells = consolidation.total.cells
    # «другие формы» (added when the window opened) is empty: every pair is «учитель – ученик»
    assert cells[0] == [
        expected["mentees"],
        expected["mentees_paired"],
        0,
        expected["mentees"] - expected["mentees_paired"],
    ]
    assert cells[1] == [expected["ovz"], expected["ovz_paired"], 0, expected["ovz"] - expected["ovz_paired"]]
    assert cells[2] == [
        expected["mentors"],
        expected["mentors_paired"],
        0,
        expected["mentors"] - expected["mentors_paired"],
    ]
    assert cells[3][0] == expected["pairs"]
    # a percentage of the area: added numerators over added denominators, never an average
    assert cells[4][0] == round(100 * expected["mentees"] / expected["pupils"], 1)
    average = sum(100 * s["mentees"] / s["pupils"] for s in per_school.values()) / 3
    assert abs(cells[4][0] - round(average, 1)) > 0.05  # the data are built so that the two differ
    by_school = {row.organization.slug: result for row, result in consolidation.by_organization}
    for slug, figures in per_school.items():
        assert by_school[slug].cells[0][0] == figures["mentees"]
        assert by_school[slug].cells[4][0] == round(100 * figures["mentees"] / figures["pupils"], 1)
    [(group, group_result, count)] = consolidation.by_group
    assert (group.pk, count, group_result.cells) == (authority.pk, 3, cells)

    # the file of the registry says the same, names no one
    report = registry.get("monitoring_window")
    scope = _scope(authority, _coordinator_of(authority))
    assert report.allowed(scope)
    context = ReportContext(scope=scope, user=None, options={"window": window.pk})
    workbook = _workbook(report.generate(context, XLSX).content)
    total = workbook["Итого"]
    values = {row[0]: row[1:] for row in total.iter_rows(values_only=True) if row and row[0]}
    assert list(values["Наставляемые, всего"][:4]) == cells[0]
    # a percentage is a share with a % format, as on the KPI sheet
    assert values["Охват обучающихся, %"][0] * 100 == pytest.approx(cells[4][0], abs=0.05)
    coverage = next(row for row in total.iter_rows() if row[0].value == "Охват обучающихся, %")
    assert all(cell.number_format == "0.0%" for cell in coverage[1:5])
    surnames = list(Person.objects.values_list("last_name", flat=True))
    for sheet in workbook.worksheets:
        text = " ".join(str(value) for row in sheet.iter_rows(values_only=True) for value in row if value)
        assert not any(surname in text for surname in surnames)
    pdf = report.generate(context, PDF).content
    pdf_text = _pdf_text(pdf)
    assert "Мониторинг наставничества, май 2026" in pdf_text
    assert not any(surname in pdf_text for surname in surnames)


def _workbook(content: bytes):
    from openpyxl import load_workbook

    return load_workbook(io.BytesIO(content))


def _pdf_text(content: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-", "-"], input=content, capture_output=True, check=True
    ).stdout.decode()


def _coordinator_of(authority):
    from mentoring.models import Membership

    return Membership.objects.filter(organization=authority, role=Role.MUNICIPAL_COORDINATOR).first().user


def _scope(organization, user):
    from mentoring.access import Scope, access_for

    return Scope(
        organization=organization,
        programme=_authority_programme(organization),
        access=access_for(user, organization),
    )


def _authority_programme(organization) -> Programme:
    programme, _created = Programme.objects.get_or_create(
        organization=organization, academic_year=_programme_year()
    )
    return Programme.objects.select_related("academic_year", "organization").get(pk=programme.pk)


def _programme_year():
    from mentoring.models import AcademicYear

    return AcademicYear.objects.get(start_year=YEAR)


@pytest.mark.django_db
def test_school_file_holds_what_it_handed_in(window, school, curator):
    programme = _programme(school)
    report = registry.get("monitoring_window")
    scope = _scope(school, curator)
    context = ReportContext(scope=scope, user=curator, options={"window": window.pk})
    with pytest.raises(ReportError):
        report.generate(context, XLSX)
    _people(programme, mentees=2, ovz=0, mentors=1, pairs=1, tag="Ф")
    window_submit(actor=curator, window=window, programme=programme, now=_at(OPENS))
    workbook = _workbook(report.generate(context, XLSX).content)
    rows = {row[0]: row[1:] for row in workbook.worksheets[0].iter_rows(values_only=True) if row and row[0]}
    assert rows["Наставляемые, всего"][0] == 2


# --------------------------------------------------------------------------------------------------
# reminders


@pytest.mark.django_db
def test_reminders_go_once_a_day_to_those_who_have_not_handed_in(
    window, school, other_school, curator, settings
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    administrator = UserFactory(username="director-b", email="director@b.example")
    MembershipFactory(user=administrator, organization=other_school, role=Role.ADMINISTRATOR)
    MembershipFactory(
        user=UserFactory(username="mentor-b", email="mentor@b.example"),
        organization=other_school,
        role=Role.MENTOR,
    )
    window_submit(actor=curator, window=window, programme=_programme(school), now=_at(OPENS))

    assert send_window_reminders(today=OPENS + timedelta(days=1)) == 1
    assert send_window_reminders(today=OPENS + timedelta(days=1)) == 0  # the same day again: nothing
    assert len(mail.outbox) == 1
    letter = mail.outbox[0]
    assert letter.to == ["director@b.example"]  # the school that has not handed in; not its mentor
    assert DEADLINE.strftime("%d.%m.%Y") in letter.subject
    assert f"/o/{other_school.slug}/{YEAR}/reports/windows/{window.pk}/" in letter.body
    assert send_window_reminders(today=OPENS - timedelta(days=1)) == 0  # not open yet
    assert send_window_reminders(today=DEADLINE + timedelta(days=1)) == 1  # late: reminded still
    assert (
        send_window_reminders(today=DEADLINE + timedelta(days=settings.WINDOW_REMINDER_DAYS_AFTER + 1)) == 0
    )
    assert WindowReminder.objects.filter(organization=other_school).count() == 2
    window_close(actor=None, window=window)
    assert send_window_reminders(today=DEADLINE + timedelta(days=2)) == 0
    assert len(mail.outbox) == 2
    assert "reports-window-reminders" in settings.CELERY_BEAT_SCHEDULE


@pytest.mark.django_db
def test_reminder_that_fails_is_tried_again(window, other_school, settings, monkeypatch):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    MembershipFactory(
        user=UserFactory(username="curator-b", email="c@b.example"),
        organization=other_school,
        role=Role.CURATOR,
    )
    from django.core.mail import EmailMessage

    original = EmailMessage.send

    def broken(self, *args, **kwargs):
        raise OSError("SMTP is down")

    monkeypatch.setattr(EmailMessage, "send", broken)
    assert send_window_reminders(today=OPENS) == 0
    assert WindowReminder.objects.count() == 0
    monkeypatch.setattr(EmailMessage, "send", original)
    assert send_window_reminders(today=OPENS) == 1


# --------------------------------------------------------------------------------------------------
# pages


def _open_now(authority, school, coordinator) -> MonitoringWindow:
    today = timezone.localdate()
    return window_open(
        actor=coordinator,
        opener=authority,
        academic_year=_programme(school).academic_year,
        title="Мониторинг наставничества",
        opens_on=today - timedelta(days=2),
        deadline=today + timedelta(days=5),
        as_of=AS_OF,
    )


@pytest.mark.django_db
def test_school_checks_and_hands_in_through_the_page(
    authority, school, other_school, coordinator, curator, authority_layout, mentor
):
    window = _open_now(authority, school, coordinator)
    _people(_programme(school), mentees=3, ovz=1, mentors=2, pairs=2, tag="С")
    client = client_for(curator)
    url = reverse("reports:window", kwargs={"org": school.slug, "year": YEAR, "window": window.pk})
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Наставляемые, всего" in html and "Сдать" in html
    assert "Ученикова" not in html
    dashboard = client.get(reverse("dashboard", kwargs={"org": school.slug, "year": YEAR})).content.decode()
    assert f"Сбор статистики: сдать до {window.deadline:%d.%m.%Y}" in dashboard
    assert url in dashboard
    assert (
        "Сбор статистики"
        not in client_for(mentor)
        .get(reverse("dashboard", kwargs={"org": school.slug, "year": YEAR}))
        .content.decode()
    )

    submit = reverse("reports:window_submit", kwargs={"org": school.slug, "year": YEAR, "window": window.pk})
    response = client.post(submit, {"comment": "Две пары начали работу в мае"})
    assert response.status_code == 302
    submission = WindowSubmission.objects.get()
    assert submission.comment == "Две пары начали работу в мае"
    assert submission.submitted_by == curator
    # too long a comment: a Russian message, nothing handed in
    response = client.post(submit, {"comment": "x" * 5000}, follow=True)
    assert "не более" in response.content.decode().lower() or "убедитесь" in response.content.decode().lower()
    assert WindowSubmission.objects.count() == 1
    assert client_for(mentor).post(submit).status_code == 403
    assert client_for(coordinator).post(submit).status_code == 403  # read-only from above
    assert WindowSubmission.objects.count() == 1

    # the opener sees who handed in, with the comment
    opener_url = reverse("reports:window", kwargs={"org": authority.slug, "year": YEAR, "window": window.pk})
    ProgrammeFactory(organization=authority, academic_year__start_year=YEAR)
    page = client_for(coordinator).get(opener_url).content.decode()
    assert "Две пары начали работу в мае" in page and "1 / 2" in page


@pytest.mark.django_db
def test_opener_page_costs_the_same_queries_for_2_or_12_schools(
    authority, school, other_school, coordinator, curator, authority_layout, django_assert_num_queries
):
    ProgrammeFactory(organization=authority, academic_year__start_year=YEAR)
    window = _open_now(authority, school, coordinator)
    window_submit(actor=curator, window=window, programme=_programme(school))
    client = client_for(coordinator)
    url = reverse("reports:window", kwargs={"org": authority.slug, "year": YEAR, "window": window.pk})
    client.get(url)
    with django_assert_num_queries(13) as small:
        assert client.get(url).status_code == 200
    for number in range(10):
        extra = OrganizationFactory(parent=authority, slug=f"extra-{number}")
        programme = ProgrammeFactory(organization=extra, academic_year__start_year=YEAR)
        window_submit(
            actor=None,
            window=window,
            programme=Programme.objects.select_related("organization").get(pk=programme.pk),
        )
    with django_assert_num_queries(len(small.captured_queries)):
        page = client.get(url)
    assert page.content.decode().count("сдано") >= 11


@pytest.mark.django_db
def test_school_page_queries_are_fixed(
    authority, school, coordinator, curator, authority_layout, django_assert_num_queries
):
    window = _open_now(authority, school, coordinator)
    _people(_programme(school), mentees=3, ovz=1, mentors=2, pairs=2, tag="К")
    window_submit(actor=curator, window=window, programme=_programme(school))
    client = client_for(curator)
    url = reverse("reports:window", kwargs={"org": school.slug, "year": YEAR, "window": window.pk})
    client.get(url)
    # the session, the user, the scope (3), the window, the versions, the facts (3), the menus (3), the
    # windows of the download form
    with django_assert_num_queries(13) as small:
        client.get(url)
    _people(_programme(school), mentees=30, ovz=10, mentors=20, pairs=20, tag="М")
    for _ in range(3):
        window_submit(actor=curator, window=window, programme=_programme(school))
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(url)


@pytest.mark.django_db
def test_open_page_and_window_of_another_authority(
    authority, school, coordinator, curator, stranger, authority_layout
):
    ProgrammeFactory(organization=authority, academic_year__start_year=YEAR)
    client = client_for(coordinator)
    url = reverse("reports:window_open", kwargs={"org": authority.slug, "year": YEAR})
    assert client.get(url).status_code == 200
    today = timezone.localdate()
    bad = client.post(url, {"title": "Мониторинг", "opens_on": today, "deadline": today - timedelta(days=1)})
    assert bad.status_code == 400 and MonitoringWindow.objects.count() == 0
    assert "раньше" in bad.content.decode()
    good = client.post(
        url, {"title": "Мониторинг", "opens_on": today, "deadline": today + timedelta(days=3), "as_of": AS_OF}
    )
    assert good.status_code == 302
    window = MonitoringWindow.objects.get()
    # a school's curator cannot open one; the school has no such page
    assert (
        client_for(curator)
        .get(reverse("reports:window_open", kwargs={"org": school.slug, "year": YEAR}))
        .status_code
        == 404
    )
    # a window of another authority does not exist for this school
    foreign = OrganizationFactory(kind=Organization.Kind.MUNICIPAL_AUTHORITY, slug="uo-foreign")
    foreign_window = MonitoringWindow.objects.create(
        opener=foreign,
        academic_year=window.academic_year,
        title="Чужой сбор",
        opens_on=today,
        deadline=today,
        as_of=AS_OF,
        layout=window.layout,
    )
    url = reverse("reports:window", kwargs={"org": school.slug, "year": YEAR, "window": foreign_window.pk})
    assert client_for(curator).get(url).status_code == 404
    # the curator of the school next door does not see this school's submission page
    own = reverse("reports:window", kwargs={"org": school.slug, "year": YEAR, "window": window.pk})
    assert client_for(stranger).get(own).status_code == 404
    # closing: the opener only
    close = reverse("reports:window_close", kwargs={"org": authority.slug, "year": YEAR, "window": window.pk})
    assert client_for(coordinator).post(close).status_code == 302
    window.refresh_from_db()
    assert window.is_closed


@pytest.mark.django_db
def test_demo_window_is_opened_by_the_region_for_both_municipalities():
    from django.core.management import call_command

    call_command("seed_demo")
    call_command("seed_demo")  # idempotent: still one window, the same versions
    window = MonitoringWindow.objects.get()
    region = Organization.objects.get(slug="rnc-tver")
    assert window.opener == region and not window.is_closed
    assert window.created_by.username == "region"
    overview = window_overview(window, region)
    statuses = {row.organization.slug: row.status for row in overview.rows}
    assert statuses == {
        "gymnasium-3": Status.SUBMITTED,
        "polytech-college": Status.SUBMITTED,
        "ozersk-school-1": Status.SUBMITTED,
        "school-1": Status.OVERDUE,
        "ozersk-village-school": Status.OVERDUE,
    }
    counts = {item.group.slug: (item.expected, item.submitted) for item in group_counts(overview)}
    assert counts == {"uo-berezovsky": (3, 2), "uo-ozersky": (2, 1)}
    assert WindowSubmission.objects.count() == 3
    # the college counts its student mentors; the snapshot has figures
    college = WindowSubmission.objects.get(organization__slug="polytech-college")
    assert college.data["cells"][0][0] > 0
    # a municipality sees the region's window for its own schools only
    authority = Organization.objects.get(slug="uo-berezovsky")
    assert {row.organization.slug for row in window_overview(window, authority).rows} == {
        "school-1",
        "gymnasium-3",
        "polytech-college",
    }


def test_sum_of_snapshots_is_the_statistics_total():
    """The one-pass adder of the consolidation agrees with ``statistics.total`` on random parts."""
    rng = random.Random(7)
    results = []
    for _ in range(40):
        parts = [
            [
                (rng.randint(0, 50), rng.randint(0, 200) if row.is_percent else None)
                for _column in LAYOUT.columns
            ]
            for row in LAYOUT.rows
        ]
        results.append(statistics.Result(layout=LAYOUT, cells=[], parts=parts))
    submissions = [
        WindowSubmission(data={"parts": [[list(p) for p in row] for row in r.parts]}) for r in results
    ]
    expected = statistics.total(LAYOUT, results)
    got = sum_snapshots(LAYOUT, submissions)
    assert got.cells == expected.cells and got.parts == expected.parts
    assert sum_snapshots(LAYOUT, []).cells == statistics.total(LAYOUT, []).cells


@pytest.mark.django_db
def test_console_panel_renders_the_share_and_who_has_not(window, authority, school, other_school, curator):
    from django.template.loader import render_to_string

    from mentoring.access import Scope, access_for
    from reports.windows.selectors import window_console_panel

    window_submit(actor=curator, window=window, programme=_programme(school), now=_at(OPENS))
    user = _coordinator_of(authority)
    scope = Scope(
        organization=authority, programme=_authority_programme(authority), access=access_for(user, authority)
    )
    panel = window_console_panel(scope)
    assert panel["summary"].submitted == 1 and panel["summary"].expected == 2
    html = render_to_string("reports/windows/console_slot.html", {"panel": panel})
    assert "50,0%" in html or "50.0%" in html
    assert other_school.short_name in html.replace("&quot;", '"').replace("&#x27;", "'") or "Гимназия" in html


# --------------------------------------------------------------------------------------------------
# a form created after the window opened: «другие формы» keeps the columns adding up to «Всего»


def _add_up(layout_data: dict, cells: list) -> None:
    """Every count row: the form columns, «другие формы» and «не в парах» add up to «Всего»."""
    layout = statistics.layout_from_data(layout_data)
    codes = [column.breakdown for column in layout.columns]
    split = [
        i for i, code in enumerate(codes) if code.startswith("form:") or code in ("other_forms", "unpaired")
    ]
    for row, values in zip(layout.rows, cells, strict=True):
        if not row.is_percent:
            assert values[codes.index("total")] == sum(values[i] for i in split), row.label


@pytest.mark.django_db
@pytest.mark.parametrize("with_unpaired", [True, False])
def test_a_pair_in_a_form_created_after_the_window_opened_is_counted(
    authority, school, curator, coordinator, authority_layout, with_unpaired
):
    """The reviewer's case: the layout lists one form; after the window opens the school creates its own
    form and moves an active pair into it; the pair's mentee and mentor are in «другие формы»."""
    if not with_unpaired:
        layout = statistics.Layout(rows=LAYOUT.rows, columns=LAYOUT.columns[:2])
        authority_layout.data = statistics.layout_to_data(layout)
        authority_layout.save()
    programme = _programme(school)
    _people(programme, mentees=4, ovz=1, mentors=3, pairs=3, tag="Ф")
    opened = window_open(
        actor=coordinator,
        opener=authority,
        academic_year=programme.academic_year,
        title="Мониторинг",
        opens_on=OPENS,
        deadline=DEADLINE,
        as_of=AS_OF,
        today=OPENS,
    )
    own = MentoringForm.objects.create(key="own-form-test", name="Своя форма", organization=school)
    moved = MentoringGroup.objects.filter(programme=programme).order_by("pk").first()
    moved.form = own
    moved.save(update_fields=["form"])
    submission = window_submit(actor=curator, window=opened, programme=programme, now=_at(OPENS))
    cells = submission.data["cells"]
    labels = [column["label"] for column in opened.layout["columns"]]
    if with_unpaired:
        assert labels == ["Всего", "учитель – ученик", "другие формы", "не в парах"]
        assert cells[0] == [4, 2, 1, 1]  # mentees
        assert cells[2] == [3, 2, 1, 0]  # mentors
    else:
        assert labels == ["Всего", "учитель – ученик", "другие формы и не в парах"]
        assert cells[0] == [4, 2, 2]
    assert cells[3] == ([3, 2, 1, 0] if with_unpaired else [3, 2, 1])  # active pairs
    _add_up(opened.layout, cells)
    consolidation = window_consolidation(opened, authority, today=OPENS)
    _add_up(opened.layout, consolidation.total.cells)


@pytest.mark.django_db
def test_the_statistics_report_adds_other_forms_to_a_layout_of_some_forms(school, curator, authority_layout):
    programme = _programme(school)
    _people(programme, mentees=3, ovz=0, mentors=2, pairs=2, tag="С")
    own = MentoringForm.objects.create(key="own-form-test", name="Своя форма", organization=school)
    MentoringGroup.objects.filter(programme=programme).order_by("pk").update(form=own)
    report = registry.get("rnc_statistics")
    scope = _scope(school, curator)
    workbook = _workbook(report.generate(ReportContext(scope=scope, user=None, options={}), XLSX).content)
    sheet = workbook.worksheets[0]
    rows = [row for row in sheet.iter_rows(values_only=True) if row and row[0]]
    header = next(row for row in rows if row[0] == "Показатель")
    assert list(header[1:5]) == ["Всего", "учитель – ученик", "другие формы", "не в парах"]
    values = {row[0]: row[1:5] for row in rows}
    assert list(values["Наставляемые, всего"]) == [3, 0, 2, 1]


def test_complete_parts_derives_the_other_forms_of_an_old_snapshot():
    """A window opened before the column existed: its snapshots get the column by difference."""
    old = LAYOUT
    parts = [
        [[10, None], [6, None], [3, None]],  # one mentee was in a form created later
        [[2, None], [1, None], [1, None]],
        [[5, None], [4, None], [0, None]],
        [[5, None], [4, None], [0, None]],
        [[10, 200], [6, 200], [3, 200]],  # coverage: the contingent stays
    ]
    assert statistics.complete_parts(old, parts) == [
        [[10, None], [6, None], [1, None], [3, None]],
        [[2, None], [1, None], [0, None], [1, None]],
        [[5, None], [4, None], [1, None], [0, None]],
        [[5, None], [4, None], [1, None], [0, None]],
        [[10, 200], [6, 200], [1, 200], [3, 200]],
    ]


@pytest.mark.django_db
def test_migration_adds_other_forms_to_a_window_opened_before(window, school, curator):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("reports.migrations.0009_window_other_forms")
    submission = window_submit(actor=curator, window=window, programme=_programme(school), now=_at(OPENS))
    # as a window opened before the column existed: three columns, snapshots of three cells
    old_parts = [[row[0], row[1], row[3]] for row in submission.data["parts"]]
    old_parts[0][0] = [old_parts[0][0][0] + 1, None]  # a mentee in a form created later (in «Всего» only)
    MonitoringWindow.objects.filter(pk=window.pk).update(layout=statistics.layout_to_data(LAYOUT))
    WindowSubmission.objects.filter(pk=submission.pk).update(
        data={
            **submission.data,
            "parts": old_parts,
            "cells": [[part[0] for part in row] for row in old_parts],
        }
    )
    migration.forwards(apps, None)
    window.refresh_from_db()
    submission.refresh_from_db()
    assert window.layout == statistics.layout_to_data(statistics.complete(LAYOUT))
    assert [len(row) for row in submission.data["cells"]] == [4] * len(LAYOUT.rows)
    assert submission.data["cells"][0][2] == 1  # the mentee of the later form, in «другие формы»
    _add_up(window.layout, submission.data["cells"])
    migration.forwards(apps, None)  # twice: nothing changes
    submission.refresh_from_db()
    assert [len(row) for row in submission.data["cells"]] == [4] * len(LAYOUT.rows)
