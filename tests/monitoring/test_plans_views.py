"""Plan pages: who reads and who writes, the task flow, approval, the programme's plans."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mentoring.models import Role
from monitoring.models import IndividualPlan, PlanChange, PlanTask
from monitoring.plans.services import plan_get_or_create, plan_task_create, plan_task_mark_done
from pairing.models import MentoringForm
from pairing.services import group_create

from ..conftest import YEAR, _member, client_for
from ..pairing.test_groups import pupil, teacher

pytestmark = pytest.mark.django_db

KW = {"org": "school-a", "year": YEAR}


def url(name: str, **kwargs) -> str:
    return reverse(f"monitoring:{name}", kwargs={**KW, **kwargs})


@pytest.fixture
def other_mentor(school, programme):
    """A mentor of the same school with a pair of their own."""
    return _member(school, Role.MENTOR, "mentor2")


@pytest.fixture
def task(pair):
    plan = plan_get_or_create(actor=None, group=pair)
    return plan_task_create(
        actor=None, plan=plan, activity="Разбор олимпиадных задач", deadline=date(2025, 11, 1)
    )


def test_the_mentor_edits_the_plan_of_an_own_pair(mentor, pair):
    client = client_for(mentor)
    response = client.get(url("plan", group=pair.pk))
    assert response.status_code == 200
    assert url("plan_task_new", group=pair.pk) in response.content.decode()

    response = client.post(url("plan_goals", group=pair.pk), {"goals": "Победа в олимпиаде"})
    assert response.status_code == 302
    response = client.post(
        url("plan_task_new", group=pair.pk),
        {"activity": "Решение задач", "work_form": "консультация", "deadline": "2025-12-01"},
    )
    assert response.status_code == 302
    plan = IndividualPlan.objects.get(group=pair)
    assert plan.goals == "Победа в олимпиаде"
    assert plan.tasks.get().work_form == "консультация"
    page = client.get(url("plan", group=pair.pk)).content.decode()
    assert "Решение задач" in page and "0%" in page


def test_bad_task_input_shows_the_form_and_changes_nothing(mentor, pair):
    response = client_for(mentor).post(
        url("plan_task_new", group=pair.pk), {"activity": "", "deadline": "вчера"}
    )
    assert response.status_code == 400
    assert not PlanTask.objects.exists()


def test_mark_done_with_evidence_file_and_size_limit(mentor, task, settings):
    client = client_for(mentor)
    done_url = url("plan_task_done", group=task.plan.group_id, task=task.pk)
    assert client.get(done_url).status_code == 200
    settings.EVIDENCE_MAX_BYTES = 5
    response = client.post(
        done_url,
        {"done_on": "2025-11-02", "evidence": "", "evidence_file": SimpleUploadedFile("a.pdf", b"123456")},
    )
    assert response.status_code == 400
    task.refresh_from_db()
    assert task.done_on is None
    settings.EVIDENCE_MAX_BYTES = 1000
    response = client.post(
        done_url,
        {
            "done_on": "2025-11-02",
            "evidence": "Протокол № 2",
            "evidence_file": SimpleUploadedFile("a.pdf", b"%PDF"),
        },
    )
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.done_on == date(2025, 11, 2) and task.evidence == "Протокол № 2"
    download = client.get(url("plan_task_file", group=task.plan.group_id, task=task.pk))
    assert download.status_code == 200 and b"".join(download.streaming_content) == b"%PDF"
    page = client.get(url("plan", group=task.plan.group_id)).content.decode()
    assert "100%" in page


def test_move_reopen_and_delete(mentor, task):
    group = task.plan.group_id
    second = plan_task_create(actor=None, plan=task.plan, activity="Вторая")
    client = client_for(mentor)
    assert (
        client.post(url("plan_task_move", group=group, task=second.pk), {"direction": "up"}).status_code
        == 302
    )
    assert list(task.plan.tasks.values_list("activity", flat=True)) == ["Вторая", "Разбор олимпиадных задач"]
    plan_task_mark_done(actor=None, task=task, done_on=date(2025, 11, 1))
    assert client.post(url("plan_task_reopen", group=group, task=task.pk)).status_code == 302
    task.refresh_from_db()
    assert task.done_on is None
    assert client.post(url("plan_task_delete", group=group, task=task.pk)).status_code == 302
    assert not PlanTask.objects.filter(pk=task.pk).exists()


def test_a_mentor_sees_only_own_pairs(other_mentor, pair, task):
    client = client_for(other_mentor)
    for name in ("plan", "plan_goals", "plan_task_new", "diary", "meeting_new"):
        assert client.get(url(name, group=pair.pk)).status_code == 404, name
    assert client.post(url("plan_task_delete", group=pair.pk, task=task.pk)).status_code == 404
    assert PlanTask.objects.filter(pk=task.pk).exists()


def test_the_coordinator_sees_no_plan(coordinator, pair, task):
    """A pair's plan names the pupil: the municipal authority gets 404 for every page of it."""
    client = client_for(coordinator)
    response = client.get(url("plan", group=pair.pk))
    assert response.status_code == 404
    assert "Разбор олимпиадных задач" not in response.content.decode()
    assert client.get(url("plan_task_new", group=pair.pk)).status_code == 404
    assert client.post(url("plan_task_new", group=pair.pk), {"activity": "x"}).status_code == 404
    assert client.post(url("plan_task_delete", group=pair.pk, task=task.pk)).status_code == 404
    assert (
        client.post(
            url("plan_approve", group=pair.pk), {"order_number": "1", "order_date": "2025-10-01"}
        ).status_code
        == 404
    )
    assert client.get(url("plans")).status_code == 404
    assert (
        PlanTask.objects.count() == 1
        and not IndividualPlan.objects.filter(approved_at__isnull=False).exists()
    )


def test_a_psychologist_reads_every_pair(school, pair, task):
    psychologist = _member(school, Role.PSYCHOLOGIST, "psy")
    client = client_for(psychologist)
    assert client.get(url("plan", group=pair.pk)).status_code == 200
    assert client.get(url("diary", group=pair.pk)).status_code == 200
    assert client.post(url("plan_task_delete", group=pair.pk, task=task.pk)).status_code == 403


def test_the_curator_approves_and_changes_are_then_listed(curator, mentor, pair, task):
    response = client_for(curator).post(
        url("plan_approve", group=pair.pk), {"order_number": "77-ОД", "order_date": "2025-10-25"}
    )
    assert response.status_code == 302
    plan = IndividualPlan.objects.get(group=pair)
    assert plan.is_approved and plan.order_number == "77-ОД"
    # a mentor may not approve
    assert (
        client_for(mentor)
        .post(url("plan_approve", group=pair.pk), {"order_number": "78", "order_date": "2025-10-25"})
        .status_code
        == 403
    )
    client_for(mentor).post(
        url("plan_task_edit", group=pair.pk, task=task.pk), {"activity": "Разбор задач ОГЭ", "deadline": ""}
    )
    assert PlanChange.objects.filter(plan=plan).count() == 2
    page = client_for(mentor).get(url("plan", group=pair.pk)).content.decode()
    assert "77-ОД" in page and "Разбор задач ОГЭ" in page
    assert page.count('class="list-group-item"') >= 2  # the history lists both changes


def test_bad_approval_changes_nothing(curator, pair):
    response = client_for(curator).post(
        url("plan_approve", group=pair.pk), {"order_number": "", "order_date": "x"}
    )
    assert response.status_code == 302
    assert not IndividualPlan.objects.filter(approved_at__isnull=False).exists()


def test_programme_plans_page_has_a_fixed_number_of_queries(
    curator, programme, django_assert_max_num_queries
):
    form = MentoringForm.objects.get(key="teacher_pupil")
    client = client_for(curator)

    def add(count: int, start: int) -> None:
        for index in range(start, start + count):
            group = group_create(
                actor=None,
                programme=programme,
                form=form,
                mentors=[teacher(programme, f"Наставник{index}")],
                mentees=[pupil(programme, f"Ученик{index}")],
            )
            plan = plan_get_or_create(actor=None, group=group)
            plan_task_create(actor=None, plan=plan, activity="Задача")

    add(5, 0)
    client.get(url("plans"))
    with django_assert_max_num_queries(30) as few:
        response = client.get(url("plans"))
    assert response.status_code == 200
    add(45, 5)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url("plans"))
    assert response.content.decode().count("Ученик") >= 50
    assert client_for(curator).get(url("plans")).context["summary"].plans == 50


def _pairs_with_plans(programme, names: list[tuple[str, str, int]]) -> list:
    """A pair per (mentor, mentee, tasks done of 2), each with a plan of two tasks."""
    form = MentoringForm.objects.get(key="teacher_pupil")
    groups = []
    for mentor_name, mentee_name, done in names:
        group = group_create(
            actor=None,
            programme=programme,
            form=form,
            mentors=[teacher(programme, mentor_name)],
            mentees=[pupil(programme, mentee_name)],
        )
        plan = plan_get_or_create(actor=None, group=group)
        for index in range(2):
            task = plan_task_create(actor=None, plan=plan, activity=f"Задача {index}")
            if index < done:
                plan_task_mark_done(actor=None, task=task, done_on=date(2025, 10, 1))
        groups.append(group)
    return groups


def test_programme_plans_search_and_sort_keep_the_filter_and_the_pages(curator, programme):
    first, second, third = _pairs_with_plans(
        programme, [("Борисова", "Яковлев", 2), ("Андреева", "Ершов", 0), ("Власова", "Жуков", 1)]
    )
    client = client_for(curator)

    page = client.get(url("plans"), {"q": "ершов"}).content.decode()
    assert "Ершов" in page and "Яковлев" not in page and "Жуков" not in page
    assert client.get(url("plans"), {"q": "нет такого"}).content.decode().count("Пар не нашлось") == 1

    def order(**params) -> list[int]:
        return [row.group.pk for row in client.get(url("plans"), params).context["rows"]]

    assert order(sort="mentor") == [second.pk, first.pk, third.pk]
    assert order(sort="-mentor") == [third.pk, first.pk, second.pk]
    assert order(sort="mentee") == [second.pk, third.pk, first.pk]
    assert order(sort="-done") == [first.pk, third.pk, second.pk]
    assert order(sort="number") == sorted([first.pk, second.pk, third.pk])
    assert order(sort="drop table") == order()  # an unknown key: the default order

    response = client.get(url("plans"), {"sort": "-done", "q": "ов"})
    html = response.content.decode()
    assert 'aria-sort="descending"' in html and "?sort=done&amp;q=" in html
    assert 'name="q" value="ов"' in html


def test_programme_plans_pagination_keeps_search_sort_and_filter(curator, programme, monkeypatch):
    from monitoring.plans import views as plan_views

    monkeypatch.setattr(plan_views, "PLANS_PAGE_SIZE", 1)
    _pairs_with_plans(programme, [("Борисова", "Яковлев", 0), ("Андреева", "Ершов", 0)])
    html = client_for(curator).get(url("plans"), {"approved": "no", "sort": "mentor", "q": "ов"}).content
    assert "?approved=no&amp;sort=mentor&amp;q=%D0%BE%D0%B2&amp;page=2" in html.decode()


@pytest.mark.parametrize(
    "params", [{"sort": "-done", "q": "ученик"}, {"sort": "mentee"}, {"sort": "-mentor"}]
)
def test_programme_plans_sorted_and_searched_have_a_fixed_number_of_queries(
    curator, programme, django_assert_max_num_queries, params
):
    client = client_for(curator)
    _pairs_with_plans(programme, [(f"Наставник{index}", f"Ученик{index}", index % 3) for index in range(5)])
    client.get(url("plans"), params)
    with django_assert_max_num_queries(30) as few:
        assert client.get(url("plans"), params).status_code == 200
    _pairs_with_plans(programme, [(f"Наставник{index}", f"Ученик{index}", 1) for index in range(5, 40)])
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url("plans"), params)
    assert len(response.context["rows"]) == 40


def test_programme_plans_name_the_order_from_its_date(curator, programme):
    from monitoring.plans.services import plans_approve

    (group,) = _pairs_with_plans(programme, [("Борисова", "Яковлев", 1)])
    plans_approve(actor=None, plans=[group.plan], order_number="12-ОД", order_date=date(2025, 9, 15))
    html = client_for(curator).get(url("plans"), {"sort": "approved"}).content.decode()
    assert "№ 12-ОД от 15.09.2025" in html


def test_programme_plans_name_the_members_and_not_a_mentee_without_consent(curator, programme, pair, mentee):
    from participants.models import Consent
    from participants.services import consent_withdraw

    client = client_for(curator)
    page = client.get(url("plans")).content.decode()
    row = page.split(f">{pair.pk}</a>")[1].split("</tr>")[0]
    assert "Кузнецова О.П." in row and "Иванова М.С." in row and "без согласия" not in row
    for consent in Consent.objects.filter(person=mentee, withdrawn_on__isnull=True):
        consent_withdraw(actor=curator, consent=consent, withdrawn_on=date(YEAR, 11, 1))
    row = client.get(url("plans")).content.decode().split(f">{pair.pk}</a>")[1].split("</tr>")[0]
    assert "Кузнецова О.П." in row and "Иванова" not in row and "наставляемый без согласия" in row
