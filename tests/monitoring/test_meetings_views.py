"""Meeting pages: the phone form, the double submit, the diary and its PDF, the curator's overview."""

import io
import re
import uuid
from datetime import date

import pytest
from django.urls import reverse
from pypdf import PdfReader

from mentoring.models import Job, Role
from monitoring.meetings.services import MeetingData, meeting_log
from monitoring.models import Meeting
from monitoring.plans.services import plan_get_or_create, plan_task_create
from pairing.models import MentoringForm
from pairing.services import group_create

from ..conftest import YEAR, _member, client_for
from ..pairing.test_groups import pupil, teacher

pytestmark = pytest.mark.django_db

KW = {"org": "school-a", "year": YEAR}


def url(name: str, **kwargs) -> str:
    return reverse(f"monitoring:{name}", kwargs={**KW, **kwargs})


def form_data(mentee, **overrides) -> dict:
    data = {
        "date": "2025-10-06",
        "kind": "introduction",
        "format": "online",
        "duration_minutes": "45",
        "topic": "Знакомство и интересы",
        "what_was_done": "Обсудили цели",
        "agreements": "Встречаться по средам",
        "attendees": [mentee.pk],
        "client_token": str(uuid.uuid4()),
    }
    data.update(overrides)
    return data


def test_the_form_is_prefilled_for_a_phone(mentor, pair, mentee):
    response = client_for(mentor).get(url("meeting_new", group=pair.pk))
    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["kind"] == "introduction"  # the first meeting is the getting-to-know one
    assert form.initial["date"] == date(YEAR + 1, 8, 31) or form.initial["date"] <= date.today()
    assert form.initial["attendees"] == [mentee.pk]
    assert form.initial["client_token"]
    page = response.content.decode()
    assert 'class="btn-check"' in page and 'name="client_token"' in page
    # each format/duration button is the label of its own radio (found by the browser journey: every
    # label used to point at id "None", so tapping «60» ticked «in person»)
    assert 'id="None"' not in page and 'for="None"' not in page
    for name, value in (("format", "online"), ("duration_minutes", "60")):
        radio = re.search(
            rf'<input type="radio" class="btn-check" name="{name}" id="([\w-]+)" value="{value}"', page
        )
        assert radio and f'for="{radio.group(1)}"' in page, name


def test_the_next_type_follows_the_diary(mentor, pair):
    meeting_log(actor=None, group=pair, data=MeetingData(date=date(2025, 10, 6), kind="introduction"))
    response = client_for(mentor).get(url("meeting_new", group=pair.pk))
    assert response.context["form"].initial["kind"] == "trial"


def test_logging_twice_with_one_token_makes_one_meeting(mentor, pair, mentee):
    client = client_for(mentor)
    data = form_data(mentee)
    first = client.post(url("meeting_new", group=pair.pk), data)
    second = client.post(url("meeting_new", group=pair.pk), data)
    assert first.status_code == second.status_code == 302
    meeting = Meeting.objects.get()
    assert meeting.format == "online" and meeting.duration_minutes == 45 and meeting.recorded_by == mentor
    assert list(meeting.attendees.all()) == [mentee]


def test_back_and_save_again_with_a_fresh_form_makes_one_meeting(mentor, pair, mentee):
    """«Back» fetched the form anew (a new token): the same meeting sent again is not logged twice."""
    client = client_for(mentor)
    first = client.post(url("meeting_new", group=pair.pk), form_data(mentee))
    again = client.post(url("meeting_new", group=pair.pk), form_data(mentee))  # another token
    assert first.status_code == again.status_code == 302
    assert Meeting.objects.count() == 1
    other_topic = client.post(url("meeting_new", group=pair.pk), form_data(mentee, topic="Другая тема"))
    assert other_topic.status_code == 302
    assert Meeting.objects.count() == 2


def test_the_picker_stops_at_today_and_the_tasks_box_starts_unticked(mentor, pair, mentee):
    from django.utils import timezone

    plan = plan_get_or_create(actor=None, group=pair)
    plan_task_create(actor=None, plan=plan, activity="Разбор задач")
    response = client_for(mentor).get(url("meeting_new", group=pair.pk))
    page = response.content.decode()
    assert f'max="{timezone.localdate().isoformat()}"' in page
    assert re.search(r'<input type="checkbox" name="close_tasks"[^>]*>', page)
    assert "checked" not in re.search(r'<input type="checkbox" name="close_tasks"[^>]*>', page).group(0)


def test_a_future_date_is_refused_with_a_russian_message(mentor, pair, mentee):
    from datetime import timedelta

    from django.utils import timezone

    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = client_for(mentor).post(url("meeting_new", group=pair.pk), form_data(mentee, date=tomorrow))
    assert response.status_code == 400
    assert "не может быть в будущем" in response.content.decode()
    assert not Meeting.objects.exists()


def test_bad_input_gives_400_and_changes_nothing(mentor, pair, mentee):
    client = client_for(mentor)
    future = client.post(url("meeting_new", group=pair.pk), form_data(mentee, date="2099-01-01"))
    assert future.status_code == 400
    no_topic = client.post(url("meeting_new", group=pair.pk), form_data(mentee, topic=""))
    assert no_topic.status_code == 400
    odd = client.post(url("meeting_new", group=pair.pk), form_data(mentee, duration_minutes="1000"))
    assert odd.status_code == 400
    stranger_pupil = pupil(mentee.organization.programmes.get(academic_year__start_year=YEAR), "Чужой")
    other = client.post(url("meeting_new", group=pair.pk), form_data(mentee, attendees=[stranger_pupil.pk]))
    assert other.status_code == 400
    assert not Meeting.objects.exists()


def test_ticking_a_task_marks_it_done(mentor, pair, mentee):
    plan = plan_get_or_create(actor=None, group=pair)
    task = plan_task_create(actor=None, plan=plan, activity="Разбор задач")
    client = client_for(mentor)
    page = client.get(url("meeting_new", group=pair.pk)).content.decode()
    assert "Разбор задач" in page
    response = client.post(
        url("meeting_new", group=pair.pk), form_data(mentee, plan_tasks=[task.pk], close_tasks="on")
    )
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.done_on == date(2025, 10, 6)


def test_edit_and_delete_a_meeting(mentor, pair, mentee):
    meeting, _ = meeting_log(actor=None, group=pair, data=MeetingData(date=date(2025, 10, 6), topic="Старая"))
    client = client_for(mentor)
    edit_url = url("meeting_edit", group=pair.pk, meeting=meeting.pk)
    assert client.get(edit_url).status_code == 200
    response = client.post(edit_url, form_data(mentee, topic="Новая", client_token=""))
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.topic == "Новая"
    assert client.post(url("meeting_delete", group=pair.pk, meeting=meeting.pk)).status_code == 302
    assert not Meeting.objects.exists()


def test_access_to_the_diary(school, pair, mentee, coordinator, stranger):
    other = _member(school, Role.MENTOR, "mentor2")
    meeting, _ = meeting_log(actor=None, group=pair, data=MeetingData(date=date(2025, 10, 6)))
    assert client_for(other).get(url("diary", group=pair.pk)).status_code == 404
    assert client_for(other).post(url("meeting_new", group=pair.pk), form_data(mentee)).status_code == 404
    assert client_for(stranger).get(url("diary", group=pair.pk)).status_code == 404
    # the municipal authority sees aggregates, never a pair's diary: 404 as for a stranger
    from_above = client_for(coordinator)
    assert from_above.get(url("diary", group=pair.pk)).status_code == 404
    assert from_above.get(url("meetings")).status_code == 404
    assert from_above.post(url("meeting_new", group=pair.pk), form_data(mentee)).status_code == 404
    assert from_above.post(url("meeting_delete", group=pair.pk, meeting=meeting.pk)).status_code == 404
    assert Meeting.objects.count() == 1
    # the overview is for the curator's side, not for a mentor
    assert client_for(other).get(url("meetings")).status_code == 403


def test_the_curator_logs_for_any_pair(curator, pair, mentee):
    response = client_for(curator).post(url("meeting_new", group=pair.pk), form_data(mentee))
    assert response.status_code == 302
    assert Meeting.objects.get().recorded_by == curator


def test_the_diary_prints_as_a_pdf(mentor, pair, mentee, django_capture_on_commit_callbacks):
    meeting_log(
        actor=mentor,
        group=pair,
        data=MeetingData(date=date(2025, 10, 6), kind="introduction", topic="Знакомство с олимпиадой"),
        attendees=[mentee],
    )
    client = client_for(mentor)
    page = client.get(url("diary", group=pair.pk)).content.decode()
    assert "Знакомство с олимпиадой" in page and "pair_diary-group" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("reports:run", kwargs={**KW, "report": "pair_diary"}),
            {"pair_diary-group": pair.pk, "pair_diary-format": "pdf"},
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    job = Job.objects.latest("created_at")
    assert job.status == Job.Status.DONE, job.error
    download = client.get(reverse("job_download", kwargs={**KW, "job": job.pk}))
    reader = PdfReader(io.BytesIO(b"".join(download.streaming_content)))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "Знакомство с олимпиадой" in text
    assert "Кузнецова Ольга Петровна" in text and "Иванова М.С." in text
    assert reader.pages[0].mediabox.width == pytest.approx(841.9, abs=1)  # A4 landscape: six columns fit


def test_another_mentor_cannot_print_the_diary(school, pair, django_capture_on_commit_callbacks):
    other = _member(school, Role.MENTOR, "mentor2")
    with django_capture_on_commit_callbacks(execute=True):
        client_for(other).post(
            reverse("reports:run", kwargs={**KW, "report": "pair_diary"}),
            {"pair_diary-group": pair.pk, "pair_diary-format": "pdf"},
        )
    job = Job.objects.latest("created_at")
    assert job.status == Job.Status.FAILED and not job.result_file


def _add_pairs(programme, count: int, start: int) -> None:
    form = MentoringForm.objects.get(key="teacher_pupil")
    for index in range(start, start + count):
        group = group_create(
            actor=None,
            programme=programme,
            form=form,
            mentors=[teacher(programme, f"Наставник{index}")],
            mentees=[pupil(programme, f"Ученик{index}")],
            start_date=date(2025, 10, 1),
        )
        if index % 2:
            meeting_log(actor=None, group=group, data=MeetingData(date=date(2025, 10, 6), topic="Встреча"))


def test_overview_has_a_fixed_number_of_queries(curator, programme, django_assert_max_num_queries):
    client = client_for(curator)
    _add_pairs(programme, 5, 0)
    client.get(url("meetings"))
    with django_assert_max_num_queries(30) as few:
        response = client.get(url("meetings"))
    assert response.status_code == 200
    _add_pairs(programme, 45, 5)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url("meetings"))
    page = response.content.decode()
    assert page.count("Ученик") >= 50 and "06.10.2025" in page
    rows = response.context["rows"]
    assert {row["group"].meetings_count for row in rows} == {0, 1}
    assert all(row["stale"] for row in rows)  # 2025/2026 is over: everyone has been silent for long


def test_overview_filters_silent_pairs(curator, programme, pair):
    pair.start_date = date(2025, 10, 1)
    pair.save(update_fields=["start_date"])
    _add_pairs(programme, 2, 0)
    recent = programme.mentoring_groups.exclude(pk=pair.pk).first()
    Meeting.objects.create(group=recent, date=date.today(), topic="Сегодня")  # within the stale window
    client = client_for(curator)
    everyone = client.get(url("meetings")).context["rows"]
    silent = client.get(url("meetings"), {"stale": "1"}).context["rows"]
    assert len(everyone) == 3 and len(silent) == 2
    assert recent.pk not in {row["group"].pk for row in silent}


def test_my_pairs_show_the_last_meeting_and_the_buttons(mentor, pair, django_assert_max_num_queries):
    meeting_log(actor=None, group=pair, data=MeetingData(date=date(2025, 10, 6)))
    client = client_for(mentor)
    response = client.get(reverse("pairing:index", kwargs=KW))
    page = response.content.decode()
    assert "06.10.2025" in page
    for name in ("meeting_new", "diary", "plan"):
        assert url(name, group=pair.pk) in page
    detail = client.get(reverse("pairing:detail", kwargs={**KW, "group": pair.pk})).content.decode()
    assert url("meeting_new", group=pair.pk) in detail and "06.10.2025" in detail


def test_the_reports_page_offers_the_pairs_to_a_curator(curator, pair):
    # the diary report's options form, which the reports page loads when it is opened
    page = client_for(curator).get(reverse("reports:options", kwargs={**KW, "report": "pair_diary"}))
    assert f"№ {pair.pk}: Кузнецова О.П. — Иванова М.С." in page.content.decode()
