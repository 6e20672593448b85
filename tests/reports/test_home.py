"""Each role's start page: what it shows, where its counts link, who sees what, and its SQL query count."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from mentoring.models import Role
from monitoring.models import Campaign, IndividualPlan, QuestionnaireTemplate
from pairing.models import MentoringForm
from pairing.services import group_create
from participants.services import consent_record, mentee_profile_save, mentor_profile_save, person_create
from reports.home.selectors import school_home
from roadmap.services import event_create, section_create
from tests.factories import MembershipFactory, OrganizationFactory, ProgrammeFactory, UserFactory

from ..conftest import YEAR, client_for

KW = {"org": "school-a", "year": YEAR}
MENTOR_QUERIES = 11  # the plan tasks name their pairs from the pairs already read


def _dashboard(client):
    return client.get(reverse("dashboard", kwargs=KW))


def _person(programme, last_name: str, *, consent: bool = True, mentor: bool = False, user=None):
    person = person_create(
        actor=None,
        organization=programme.organization,
        last_name=last_name,
        first_name="Анна",
        birth_date=date(1980, 1, 1) if mentor else date(2012, 5, 1),
        kind="teacher" if mentor else "pupil",
        group_name="" if mentor else "7А",
        user=user,
    )
    if mentor:
        mentor_profile_save(actor=None, person=person, programme=programme, capacity=30)
    else:
        mentee_profile_save(actor=None, person=person, programme=programme)
    if consent:
        _consent(person)
    return person


def _consent(person) -> None:
    minor = person.kind == "pupil"
    consent_record(
        actor=None,
        person=person,
        scope="personal_data",
        given_on=date(2025, 9, 1),
        given_by="representative" if minor else "self",
        representative_name="Законный представитель" if minor else "",
        representative_relation="мать" if minor else "",
    )


def _fill(programme, size: int, *, mentor_user=None) -> None:
    """A school of ``size``: overdue and future events, mentees with and without a pair or a consent."""
    section = section_create(actor=None, programme=programme, title="Организация работы пар")
    for index in range(size):
        event_create(
            actor=None,
            section=section,
            number=f"1.{index}",
            title=f"Встреча {index}",
            period_text="октябрь 2025",
        )
    mentor = _person(programme, "Кузнецова", mentor=True, user=mentor_user)
    form = MentoringForm.objects.get(key="teacher_pupil")
    for index in range(size):
        paired = _person(programme, f"Петрова{index}")
        group_create(actor=None, programme=programme, form=form, mentors=[mentor], mentees=[paired])
        _person(programme, f"Сидорова{index}", consent=index % 2 == 0)
    long_ago = date(2025, 10, 1)  # the pairs have not met since
    programme.mentoring_groups.update(start_date=long_ago)


def _attention(html: str) -> dict[str, str]:
    """The «Требует внимания» rows: label → count."""
    block = html.split('id="home-attention"', 1)[1].split("</section>", 1)[0]
    rows = re.findall(r'home-attention-item">\s*(.*?)</li>', block, re.S)
    found = {}
    for row in rows:
        label = re.sub(r"<[^>]+>", "", row.split('<span class="badge')[0]).split("·")[0]
        counted = re.search(r'home-count">(\d+)<', row)
        assert counted is not None, row
        count = counted.group(1)
        found[" ".join(label.split())] = count
    return found


@pytest.mark.django_db
def test_curator_sees_what_needs_attention_with_links_to_the_filtered_lists(curator_client, programme):
    _fill(programme, 3)
    html = _dashboard(curator_client).content.decode()
    counts = _attention(html)
    assert counts["Просроченные мероприятия дорожной карты"] == "3"
    assert counts["Наставляемые без пары"] == "3"
    assert counts["Участники без согласия на обработку персональных данных"] == "1"
    assert counts["Индивидуальные планы не утверждены"] == "3"
    assert any(label.startswith("Пары без встреч") for label in counts)
    base = f"/o/school-a/{YEAR}"
    for link in (
        f"{base}/roadmap/?overdue=on",
        f"{base}/bases/mentees/?paired=no",
        f"{base}/bases/consents/",
        f"{base}/monitoring/plans/?approved=no",
        f"{base}/monitoring/meetings/?stale=1",
    ):
        assert f'href="{link}"' in html, link
    # the linked lists show as many as the counts say
    roadmap = curator_client.get(f"{base}/roadmap/?overdue=on").content.decode()
    assert roadmap.count('id="event-') == 3
    plans = curator_client.get(f"{base}/monitoring/plans/?approved=no").content.decode()
    assert plans.count('/plan/">') >= 3
    mentees = curator_client.get(f"{base}/bases/mentees/?paired=no").content.decode()
    assert all(f"Сидорова{index}" in mentees for index in range(3)) and "Петрова0" not in mentees
    # the year at a glance
    assert "Дорожная карта выполнена в срок" in html and "Охват обучающихся" in html


@pytest.mark.django_db
def test_curator_sees_the_pairs_whose_mentor_awaits_the_psychologist(curator_client, programme):
    """Requests for the psychologist nobody marked reviewed, counted by pair (the linked list has a row
    per pair): two requests of one pair and one of another make 2; a reviewed request does not count."""
    from monitoring.models import Meeting

    _fill(programme, 4)
    first, second, reviewed = list(programme.mentoring_groups.order_by("pk")[:3])
    for group, day in ((first, 3), (first, 10), (second, 5), (reviewed, 6)):
        Meeting.objects.create(
            group=group, date=date(2025, 10, day), needs_psychologist=True, psychologist_reason="Тревожность"
        )
    Meeting.objects.filter(group=reviewed).update(flag_resolved_at=timezone.now())
    html = _dashboard(curator_client).content.decode()
    assert _attention(html)["Пары, где наставник ждёт помощи психолога"] == "2"
    link = f"/o/school-a/{YEAR}/monitoring/meetings/?requests=1"
    assert f'href="{link}"' in html
    listed = curator_client.get(link).content.decode()
    rows = listed.split("<tbody>", 1)[1].split("</tbody>", 1)[0].count("<tr")
    assert rows == 2
    # all reviewed: the row leaves the block
    Meeting.objects.update(flag_resolved_at=timezone.now())
    assert "Пары, где наставник ждёт помощи психолога" not in _attention(
        _dashboard(curator_client).content.decode()
    )
    assert "Нет просьб к психологу" in curator_client.get(link).content.decode()


@pytest.mark.django_db
def test_due_this_week_filter_keeps_only_the_events_of_this_week(curator_client, programme):
    home = school_home_for(curator_client, programme)
    assert home.roadmap.due_this_week == 0
    today = timezone.localdate()
    section = section_create(actor=None, programme=programme, title="Раздел")
    soon = event_create(actor=None, section=section, title="Скоро", period_text="")
    later = event_create(actor=None, section=section, title="Позже", period_text="")
    type(soon).objects.filter(pk=soon.pk).update(deadline=today, next_due=today)
    type(later).objects.filter(pk=later.pk).update(
        deadline=today + timedelta(days=8), next_due=today + timedelta(days=8)
    )
    assert school_home_for(curator_client, programme).roadmap.due_this_week == 1
    page = curator_client.get(reverse("roadmap:index", kwargs=KW) + "?week=on").content.decode()
    assert "Скоро" in page and "Позже" not in page


def school_home_for(client, programme):
    from mentoring.access import Scope, access_for

    curator = programme.organization.memberships.get(role=Role.CURATOR).user
    scope = Scope(
        organization=programme.organization,
        programme=programme,
        access=access_for(curator, programme.organization),
    )
    return school_home(scope)


@pytest.mark.django_db
@pytest.mark.parametrize("size", [1, 12])
def test_curator_start_page_makes_the_same_queries_whatever_the_size(
    curator_client, programme, size, django_assert_num_queries
):
    _fill(programme, size)
    _dashboard(curator_client)  # the first visit saves the session
    # 30: the KPIs' targets inherited from the authority or region use the organisations above the school
    # that the scope read with it (no query of their own); one counts the pairs whose mentor awaits the
    # psychologist; the open collection windows are read once for «Требует внимания» and their cards
    with django_assert_num_queries(30):
        response = _dashboard(curator_client)
    assert _attention(response.content.decode())["Наставляемые без пары"] == str(size)


@pytest.mark.django_db
@pytest.mark.parametrize("size", [1, 12])
def test_director_start_page_makes_the_same_queries_whatever_the_size(
    administrator, programme, size, django_assert_num_queries
):
    """Issue 18: the director's start page pinned at two sizes (the breaker found none)."""
    _fill(programme, size)
    director = client_for(administrator)
    _dashboard(director)  # the first visit saves the session
    # 30, as the curator's: the director manages too; «Требует решения» adds its counts to the same queries
    with django_assert_num_queries(30):
        html = _dashboard(director).content.decode()
    assert 'id="home-decisions"' in html


@pytest.mark.django_db
def test_how_to_start_is_ticked_from_the_data_and_leaves_when_done(curator_client, programme):
    html = _dashboard(curator_client).content.decode()
    assert "Как начать" in html and "Выполнено шагов: 1 из 6" in html  # the contingent is entered
    programme.pupils_total = programme.pupils_with_disabilities = 0
    programme.save()
    assert "Выполнено шагов: 0 из 6" in _dashboard(curator_client).content.decode()
    programme.pupils_total, programme.pupils_with_disabilities = 500, 20
    programme.save()
    _fill(programme, 1)
    html = _dashboard(curator_client).content.decode()
    steps = html.split('id="home-start"', 1)[1].split("</section>", 1)[0]
    assert "Выполнено шагов: 5 из 6" in steps, re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", steps))
    IndividualPlan.objects.create(group=programme.mentoring_groups.first())
    for person in programme.organization.people.filter(consents__isnull=True):
        _consent(person)
    assert "Как начать" not in _dashboard(curator_client).content.decode()


@pytest.mark.django_db
def test_director_sees_what_waits_for_a_decision_and_the_kpis(administrator, programme):
    _fill(programme, 2)
    html = _dashboard(client_for(administrator)).content.decode()
    decisions = html.split('id="home-decisions"', 1)[1].split("</section>", 1)[0]
    assert "Индивидуальные планы на утверждение" in decisions and ">2<" in decisions
    assert "Приказы на подпись" in decisions
    assert 'id="home-kpis"' in html and "Показатели года" in html


@pytest.mark.django_db
def test_mentor_sees_own_pairs_with_log_a_meeting_and_no_curator_sections(mentor, programme, pair):
    Campaign.objects.create(
        programme=programme,
        template=QuestionnaireTemplate.objects.filter(organization__isnull=True).first(),
        title="Удовлетворённость наставников",
        expires_at=timezone.now() + timedelta(days=5),
    ).invitations.create(user=mentor, respondent="mentor", expires_at=timezone.now() + timedelta(days=5))
    response = _dashboard(client_for(mentor))
    html = response.content.decode()
    assert "Мои пары" in html and "Записать встречу" in html
    assert reverse("monitoring:meeting_new", kwargs={**KW, "group": pair.pk}) in html
    assert "Иванова М. С." in html or "Иванова" in html
    assert "Удовлетворённость наставников" in html and "/q/" in html
    assert "Требует внимания" not in html and "Как начать" not in html
    sections = {section["key"] for section in response.context["nav_sections"]}
    assert sections == {"dashboard", "roadmap", "pairing", "monitoring"}


@pytest.mark.django_db
def test_psychologist_sees_flagged_pairs_and_diagnostics_to_compare(school, programme, pair):
    programme.mentoring_groups.update(start_date=date(2025, 10, 1))
    psychologist = UserFactory(username="psy")
    MembershipFactory(user=psychologist, organization=school, role=Role.PSYCHOLOGIST)
    template = QuestionnaireTemplate.objects.filter(organization__isnull=True).first()
    before = Campaign.objects.create(
        programme=programme,
        template=template,
        title="Диагностика до",
        stage="before",
        expires_at=timezone.now(),
    )
    Campaign.objects.create(
        programme=programme,
        template=template,
        title="Диагностика после",
        stage="after",
        baseline=before,
        expires_at=timezone.now(),
    )
    html = _dashboard(client_for(psychologist)).content.decode()
    assert "Пары без встреч" in html and "Кузнецова" in html  # the pair has never met
    assert "Диагностика после" in html
    assert reverse("monitoring:campaign_compare", kwargs={**KW, "campaign": before.pk + 1}) in html
    assert 'id="home-attention"' not in html  # the curator's block; hers lists the mentors' requests
    assert "Ни один наставник не просил" in html


@pytest.mark.django_db
def test_coordinator_sees_schools_table_without_a_single_name(coordinator, authority, programme, pair):
    client = client_for(coordinator)
    ProgrammeFactory(organization=authority, academic_year__start_year=YEAR)
    html = client.get(reverse("dashboard", kwargs={"org": authority.slug, "year": YEAR})).content.decode()
    assert 'id="home-schools"' in html and "table-sticky-first" in html
    table = html.split('id="home-schools"', 1)[1].split("</section>", 1)[0]
    assert "МБОУ «СОШ № 1»" in table
    # the pair's people, not fixed names: the coordinator's own (random) name is on the page, in the menu
    own = {coordinator.first_name, coordinator.last_name}
    names = {m.person.last_name for m in pair.members.select_related("person")} - own
    assert names
    for name in names:
        assert name not in html
    # looking into the school: figures only, no list that names pupils, and those lists stay closed
    school_page = _dashboard(client).content.decode()
    assert "Год в цифрах" in school_page and "Требует внимания" not in school_page
    for name in names:
        assert name not in school_page
    assert client.get(reverse("participants:mentees", kwargs=KW) + "?paired=no").status_code == 404
    assert client.get(reverse("monitoring:plans", kwargs=KW) + "?approved=no").status_code == 404


@pytest.mark.django_db
def test_coordinator_table_queries_do_not_grow_with_schools(
    coordinator, authority, django_assert_num_queries
):
    client = client_for(coordinator)
    url = reverse("dashboard", kwargs={"org": authority.slug, "year": YEAR})
    ProgrammeFactory(organization=authority, academic_year__start_year=YEAR)
    client.get(url)
    counts = []
    for index in range(2):
        for extra in range(5 * index + 1):
            school = OrganizationFactory(
                slug=f"s{index}-{extra}", short_name=f"Школа {index}-{extra}", parent=authority
            )
            ProgrammeFactory(organization=school, academic_year__start_year=YEAR)
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        counts.append(len(context))
    assert counts[0] == counts[1], counts


@pytest.mark.django_db
def test_stranger_gets_404_on_the_start_page(stranger, programme):
    assert _dashboard(client_for(stranger)).status_code == 404


@pytest.mark.django_db
def test_home_opens_the_primary_organisation_of_a_psychologist_with_several(school, other_school):
    psychologist = UserFactory(username="psy")
    MembershipFactory(user=psychologist, organization=other_school, role=Role.PSYCHOLOGIST)
    MembershipFactory(user=psychologist, organization=school, role=Role.PSYCHOLOGIST)
    response = client_for(psychologist).get(reverse("home"))
    assert response["Location"] == reverse("dashboard", kwargs={"org": other_school.slug, "year": YEAR})


@pytest.mark.django_db
def test_orders_questionnaires_and_kpis_counts_link_to_lists_of_as_many_rows(curator_client, programme):
    from reports.models import Order

    _fill(programme, 2)
    for number, signed in (("1-ОД", False), ("2-ОД", False), ("3-ОД", True)):
        Order.objects.create(
            organization=programme.organization,
            programme=programme,
            kind="pairing",
            number=number,
            day=date(YEAR, 10, 1),
            title="О закреплении наставников",
            signed=signed,
        )
    template = QuestionnaireTemplate.objects.filter(organization__isnull=True).first()
    for title, days in (("Идёт", 5), ("Закончилось", -5)):
        Campaign.objects.create(
            programme=programme,
            template=template,
            title=title,
            expires_at=timezone.now() + timedelta(days=days),
        )
    html = _dashboard(curator_client).content.decode()
    counts = _attention(html)
    base = f"/o/school-a/{YEAR}"
    assert counts["Приказы, ещё не подписанные"] == "2"
    assert f'href="{base}/reports/orders/?signed=no"' in html
    orders = curator_client.get(f"{base}/reports/orders/?signed=no").content.decode()
    assert len(re.findall(r'<td class="text-nowrap">№ ', orders)) == 2 and "№ 3-ОД" not in orders
    running = next(count for label, count in counts.items() if label.startswith("Идёт анкетирование"))
    assert running == "1"
    assert f'href="{base}/monitoring/questionnaires/?running=1"' in html or "running=1" in html
    campaigns_url = re.search(r'href="([^"]*\?running=1)"', html).group(1)
    campaigns = curator_client.get(campaigns_url).content.decode()
    assert campaigns.count("stretched-link") == 1 and "Закончилось" not in campaigns
    behind = int(counts.get("Показатели ниже цели", "0"))
    kpis_url = re.search(r'href="([^"]*\?status=behind)"', html)
    kpis = curator_client.get(kpis_url.group(1) if kpis_url else f"{base}/monitoring/kpis/?status=behind")
    assert kpis.content.decode().count('class="card h-100 kpi-card"') == behind
    assert behind > 0  # the coverage of pupils is behind the federal aim in this school


@pytest.mark.django_db
def test_mentor_tasks_name_their_pair_and_the_page_hides_what_a_mentor_cannot_open(mentor, programme, pair):
    from monitoring.models import PlanTask

    plan = IndividualPlan.objects.create(group=pair)
    PlanTask.objects.create(plan=plan, activity="Разбор олимпиадных задач", position=1)
    html = _dashboard(client_for(mentor)).content.decode()
    tasks = html.split('id="home-my-tasks"', 1)[1].split("</section>", 1)[0]
    assert "Разбор олимпиадных задач" in tasks and 'home-task-pair">Иванова' in tasks
    assert "Мои последние файлы" not in html and "Все отчёты" not in html
    assert "Ваши пары: наставляемые и встречи" in html and "приказ о закреплении" not in html


@pytest.mark.django_db
def test_mentor_start_page_query_count(mentor, programme, pair, django_assert_num_queries):
    client = client_for(mentor)
    _dashboard(client)  # the first visit also saves the session
    with django_assert_num_queries(MENTOR_QUERIES):
        _dashboard(client)


@pytest.mark.django_db
def test_mentor_start_page_queries_do_not_grow_with_pairs_tasks_and_meetings(
    mentor, mentor_person, programme, pair, django_assert_num_queries
):
    """The mentor's start page at two sizes: one pair with nothing in it, then four pairs of three mentees
    with a plan of five tasks and six meetings each: the same number of queries."""
    from monitoring.models import Meeting, PlanTask
    from pairing.models import GroupMember, MentoringGroup
    from participants.models import MenteeProfile, Person

    client = client_for(mentor)
    _dashboard(client)  # the first visit also saves the session
    with django_assert_num_queries(MENTOR_QUERIES):
        small = _dashboard(client)
    form = MentoringForm.objects.get(key="teacher_pupil")
    groups = [pair] + [
        MentoringGroup.objects.create(programme=programme, form=form, status="active") for _ in range(3)
    ]
    for number, group in enumerate(groups):
        if group is not pair:
            GroupMember.objects.create(group=group, person=mentor_person, role="mentor")
            for k in range(3):
                pupil = Person.objects.create(
                    organization=programme.organization, last_name=f"Ученик{number}{k}", first_name="Иван"
                )
                MenteeProfile.objects.create(person=pupil, programme=programme)
                GroupMember.objects.create(group=group, person=pupil, role="mentee")
        plan = IndividualPlan.objects.create(group=group)
        PlanTask.objects.bulk_create(
            PlanTask(plan=plan, activity=f"Задача {k} пары {number}", position=k) for k in range(5)
        )
        Meeting.objects.bulk_create(
            Meeting(group=group, date=date(YEAR, 10, 1) + timedelta(days=7 * k), topic=f"Встреча {k}")
            for k in range(6)
        )
    with django_assert_num_queries(MENTOR_QUERIES):
        large = _dashboard(client)
    assert large.status_code == small.status_code == 200
    html = large.content.decode()
    assert "Ученик32" in html, "the fourth pair is on the page"
