"""A mentor asks the school psychologist to look at a pair from the meeting form; the psychologist sees the
request on her start page and marks it reviewed; the authority above never sees it."""

from datetime import date

import pytest
from django.urls import reverse

from mentoring.models import AuditEvent, Role
from monitoring.meetings.services import MeetingData, meeting_flag_resolve, meeting_log, meeting_update
from monitoring.models import Meeting
from pairing.models import MentoringForm
from pairing.services import group_create
from tests.factories import MembershipFactory, UserFactory

from ..conftest import YEAR, client_for
from ..reports.test_home import _person
from .test_meetings_views import form_data, url

pytestmark = pytest.mark.django_db

KW = {"org": "school-a", "year": YEAR}
# session, scope, menu, the stale pairs and their count, the diagnostics; the open requests, the names of
# their pairs and their count
PSYCHOLOGIST_PAGE_QUERIES = 17
REASON = "Стал замкнутым, не хочет идти на уроки"


@pytest.fixture
def psychologist(school):
    user = UserFactory(username="psy")
    MembershipFactory(user=user, organization=school, role=Role.PSYCHOLOGIST)
    return user


def _flag(pair, day=date(2025, 10, 6), reason=REASON) -> Meeting:
    meeting, _ = meeting_log(
        actor=None,
        group=pair,
        data=MeetingData(date=day, topic="Встреча", needs_psychologist=True, psychologist_reason=reason),
    )
    return meeting


def test_the_mentor_flags_the_pair_from_the_form_and_sees_it_pending(mentor, pair, mentee):
    client = client_for(mentor)
    page = client.get(url("meeting_new", group=pair.pk)).content.decode()
    assert "Нужна помощь педагога-психолога" in page and 'maxlength="300"' in page
    response = client.post(
        url("meeting_new", group=pair.pk),
        form_data(mentee, needs_psychologist="on", psychologist_reason=f"  {REASON}  "),
    )
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert meeting.needs_psychologist and meeting.psychologist_reason == REASON
    assert meeting.flag_resolved_at is None
    created = AuditEvent.objects.get(action=AuditEvent.Action.CREATE, target_type="monitoring.Meeting", target_id=str(meeting.pk))
    assert {"needs_psychologist", "psychologist_reason"} <= set(created.fields)
    diary = client.get(url("diary", group=pair.pk)).content.decode()
    assert "ожидает рассмотрения" in diary and REASON in diary
    assert "Отметить как рассмотренное" not in diary  # the mentor does not resolve her own request


def test_a_too_long_reason_is_refused_and_nothing_is_saved(mentor, pair, mentee):
    response = client_for(mentor).post(
        url("meeting_new", group=pair.pk), form_data(mentee, needs_psychologist="on", psychologist_reason="я" * 301)
    )
    assert response.status_code == 400 and not Meeting.objects.exists()
    assert "300" in response.content.decode()


def test_unticking_the_box_drops_the_reason(pair):
    meeting = _flag(pair)
    meeting_update(actor=None, meeting=meeting, data=MeetingData(date=meeting.date, topic="Встреча"))
    meeting.refresh_from_db()
    assert not meeting.needs_psychologist and meeting.psychologist_reason == ""


def test_the_psychologist_sees_the_request_and_marks_it_reviewed(psychologist, mentor, pair):
    meeting = _flag(pair)
    client = client_for(psychologist)
    html = client.get(reverse("dashboard", kwargs=KW)).content.decode()
    block = html.split('id="psy-requests"', 1)[1].split("</section>", 1)[0]
    assert "Требует внимания" in block and "1 просьба наставников" in block
    assert REASON in block and "Кузнецова" in block
    assert url("diary", group=pair.pk) + f"#meeting-{meeting.pk}" in block
    resolve = url("meeting_flag_resolve", group=pair.pk, meeting=meeting.pk)
    assert resolve in block
    response = client.post(resolve, {"next": reverse("dashboard", kwargs=KW)})
    assert response.status_code == 302 and response["Location"] == reverse("dashboard", kwargs=KW)
    meeting.refresh_from_db()
    assert meeting.flag_resolved_at is not None and meeting.flag_resolved_by == psychologist
    event = AuditEvent.objects.filter(target_type="monitoring.Meeting", target_id=str(meeting.pk), action=AuditEvent.Action.UPDATE).get()
    assert event.actor == psychologist and "flag_resolved_at" in event.fields
    html = client.get(reverse("dashboard", kwargs=KW)).content.decode()
    assert REASON not in html and "0 просьб наставников" in html
    # a second click changes nothing and audits nothing
    client.post(resolve)
    assert AuditEvent.objects.filter(target_type="monitoring.Meeting", target_id=str(meeting.pk), action=AuditEvent.Action.UPDATE).count() == 1
    # the mentor sees it reviewed on the meeting entry
    diary = client_for(mentor).get(url("diary", group=pair.pk)).content.decode()
    assert "рассмотрено" in diary and "ожидает рассмотрения" not in diary


def test_the_mentor_cannot_resolve_and_an_offsite_next_is_ignored(mentor, curator, pair):
    meeting = _flag(pair)
    resolve = url("meeting_flag_resolve", group=pair.pk, meeting=meeting.pk)
    assert client_for(mentor).post(resolve).status_code == 403
    meeting.refresh_from_db()
    assert meeting.flag_resolved_at is None
    response = client_for(curator).post(resolve, {"next": "https://evil.example/"})
    assert response["Location"].startswith(url("diary", group=pair.pk))
    assert meeting_flag_resolve(actor=curator, meeting=meeting) is False


def test_changing_the_reason_opens_the_request_again(curator, pair):
    meeting = _flag(pair)
    meeting_flag_resolve(actor=curator, meeting=meeting)
    data = MeetingData(date=meeting.date, topic="Встреча", needs_psychologist=True, psychologist_reason="Другое")
    meeting_update(actor=None, meeting=meeting, data=data)
    meeting.refresh_from_db()
    assert meeting.flag_resolved_at is None and meeting.flag_resolved_by is None


def test_the_authority_never_sees_the_requests(coordinator, pair):
    meeting = _flag(pair)
    client = client_for(coordinator)
    html = client.get(reverse("dashboard", kwargs=KW)).content.decode()
    assert REASON not in html and "просьб" not in html
    resolve = url("meeting_flag_resolve", group=pair.pk, meeting=meeting.pk)
    assert client.post(resolve).status_code == 404
    assert client.get(url("diary", group=pair.pk)).status_code == 404


@pytest.mark.parametrize("size", [1, 12])
def test_the_psychologist_start_page_query_count_does_not_grow(
    psychologist, programme, size, django_assert_num_queries
):
    for number in range(size):
        child = _person(programme, f"Ученикова{number}")
        group = group_create(
            actor=None,
            programme=programme,
            form=MentoringForm.objects.get(key="teacher_pupil"),
            mentors=[_person(programme, f"Наставникова{number}", mentor=True)],
            mentees=[child],
        )
        _flag(group)
    client = client_for(psychologist)
    client.get(reverse("dashboard", kwargs=KW))  # the first visit saves the session
    with django_assert_num_queries(PSYCHOLOGIST_PAGE_QUERIES):
        html = client.get(reverse("dashboard", kwargs=KW)).content.decode()
    assert html.count("Отметить как рассмотренное") == min(size, 10)


