"""The РНЦ statistics template page and the facts read from the database."""

from __future__ import annotations

import pytest
from django.urls import reverse

from mentoring.models import AuditEvent, Role
from reports.models import StatisticsLayout
from reports.statistics import calc as statistics
from reports.statistics.selectors import default_layout, layout_for, statistics_facts

from ..conftest import YEAR, client_for
from ..factories import MembershipFactory, ProgrammeFactory, UserFactory

KW = {"org": "school-a", "year": YEAR}


def post_layout(client, rows, columns, name="Шаблон Тверской области", kw=KW):
    data = {
        "name": name,
        "rows-TOTAL_FORMS": len(rows),
        "rows-INITIAL_FORMS": 0,
        "columns-TOTAL_FORMS": len(columns),
        "columns-INITIAL_FORMS": 0,
    }
    for index, row in enumerate(rows):
        data.update({f"rows-{index}-{key}": value for key, value in row.items()})
        data[f"rows-{index}-ORDER"] = index + 1
    for index, column in enumerate(columns):
        data.update({f"columns-{index}-{key}": value for key, value in column.items()})
        data[f"columns-{index}-ORDER"] = index + 1
    return client.post(reverse("reports:statistics_layout", kwargs=kw), data)


@pytest.mark.django_db
def test_facts_count_the_pair_and_its_people(programme, pair, mentee, mentor_person):
    participants, pairs, contingent = statistics_facts([programme])[programme.pk]
    roles = sorted(fact.role for fact in participants)
    assert roles == ["mentee", "mentor"]
    mentee_fact = next(fact for fact in participants if fact.role == "mentee")
    assert mentee_fact.categories == frozenset({"ovz"}) and mentee_fact.form == "teacher_pupil"
    assert contingent["pupils"] == programme.pupils_total
    assert [(p.status, p.form, len(p.mentees)) for p in pairs] == [("active", "teacher_pupil", 1)]


@pytest.mark.django_db
def test_facts_of_many_programmes_take_three_queries(
    programme, pair, other_school, django_assert_num_queries
):
    from mentoring.models import Programme

    programmes = list(
        Programme.objects.select_related("academic_year").filter(
            pk__in=[programme.pk, *other_school.programmes.values_list("pk", flat=True)]
        )
    )
    other = next(p for p in programmes if p.organization_id == other_school.pk)
    with django_assert_num_queries(3):
        facts = statistics_facts(programmes)
    assert facts[other.pk][:2] == ([], [])


@pytest.mark.django_db
def test_default_layout_counts_this_year(curator_client, pair):
    response = curator_client.get(reverse("reports:statistics_layout", kwargs=KW))
    assert response.status_code == 200
    preview = response.context["preview"]
    labels = [row.label for row in preview.layout.rows]
    assert labels[0] == "Наставляемые, всего"
    assert preview.cells[0][0] == 1  # one mentee
    assert any(column.breakdown == "form:teacher_pupil" for column in preview.layout.columns)


@pytest.mark.django_db
def test_curator_saves_a_region_template_and_it_is_audited(curator_client, school, pair):
    response = post_layout(
        curator_client,
        [
            {"label": "Обучающиеся с ОВЗ — наставляемые", "measure": "mentees", "filter": "category:ovz"},
            {"label": "Пары", "measure": "pairs_active", "filter": ""},
        ],
        [
            {"label": "Всего", "breakdown": "total"},
            {"label": "10–14 лет", "breakdown": "age", "age_from": 10, "age_to": 14},
        ],
    )
    assert response.status_code == 302
    layout, name = layout_for(school)
    assert name == "Шаблон Тверской области"
    assert [column.breakdown for column in layout.columns] == ["total", "age:10-14"]
    assert AuditEvent.objects.filter(target_type="reports.StatisticsLayout", action="create").exists()
    page = curator_client.get(reverse("reports:statistics_layout", kwargs=KW))
    assert page.context["preview"].cells == [
        [1, 1],
        [1, 1],
    ]  # the pupil is 12 on today's date or the year end


@pytest.mark.django_db
def test_bad_layout_is_refused_in_russian_and_nothing_saved(curator_client, school):
    response = post_layout(
        curator_client,
        [{"label": "Наставляемые", "measure": "mentees", "filter": ""}],
        [{"label": "Возраст", "breakdown": "age", "age_from": 18, "age_to": 10}],
    )
    assert response.status_code == 400
    assert "Возрастной диапазон начинается позже, чем заканчивается." in response.content.decode()
    assert not StatisticsLayout.objects.exists()
    empty = post_layout(curator_client, [], [])
    assert empty.status_code == 400
    assert "В таблице нет строк." in empty.content.decode()
    assert not StatisticsLayout.objects.exists()


@pytest.mark.django_db
def test_schools_use_the_authority_template_unless_they_have_their_own(
    authority, school, coordinator, curator
):
    ProgrammeFactory(
        organization=authority, academic_year__start_year=YEAR, pupils_total=0, pupils_with_disabilities=0
    )
    post = post_layout(
        client_for(coordinator),
        [{"label": "Наставники", "measure": "mentors", "filter": ""}],
        [{"label": "Всего", "breakdown": "total"}],
        name="Региональный шаблон",
        kw={"org": authority.slug, "year": YEAR},
    )
    assert post.status_code == 302
    assert layout_for(school)[1] == "Региональный шаблон"
    # the coordinator reads the school but may not change its template
    assert client_for(coordinator).get(reverse("reports:statistics_layout", kwargs=KW)).status_code == 403
    own = post_layout(
        client_for(curator),
        [{"label": "Наставляемые", "measure": "mentees", "filter": ""}],
        [{"label": "Всего", "breakdown": "total"}],
        name="Шаблон школы",
    )
    assert own.status_code == 302
    assert layout_for(school)[1] == "Шаблон школы"
    reset = client_for(curator).post(reverse("reports:statistics_layout_reset", kwargs=KW))
    assert reset.status_code == 302
    assert layout_for(school)[1] == "Региональный шаблон"


@pytest.mark.django_db
def test_mentor_and_psychologist_may_not_edit_the_template(school, mentor):
    psychologist = UserFactory(username="psy")
    MembershipFactory(user=psychologist, organization=school, role=Role.PSYCHOLOGIST)
    for user in (mentor, psychologist):
        assert client_for(user).get(reverse("reports:statistics_layout", kwargs=KW)).status_code == 403


def test_default_layout_is_valid(db, school):
    layout = default_layout(school)
    from pairing.models import MentoringForm
    from participants.models import Person

    assert (
        statistics.validate(
            layout, forms=MentoringForm.objects.values_list("key", flat=True), kinds=Person.Kind.values
        )
        == []
    )


@pytest.mark.django_db
def test_a_row_can_be_a_coverage_or_a_share(curator_client, school, pair):
    response = post_layout(
        curator_client,
        [
            {"label": "Наставляемые", "measure": "mentees", "filter": "", "percent_of": ""},
            {"label": "Охват обучающихся, %", "measure": "mentees", "filter": "", "percent_of": "pupils"},
            {
                "label": "Доля с ОВЗ, %",
                "measure": "mentees",
                "filter": "category:ovz",
                "percent_of": "mentees",
            },
        ],
        [{"label": "Всего", "breakdown": "total"}, {"label": "Не в парах", "breakdown": "unpaired"}],
    )
    assert response.status_code == 302
    layout, _name = layout_for(school)
    assert [row.percent_of for row in layout.rows] == ["", "pupils", "mentees"]
    page = curator_client.get(reverse("reports:statistics_layout", kwargs=KW))
    # one mentee of the school's 500 pupils; she has ОВЗ and is in the pair
    assert page.context["preview"].cells == [[1, 0], [0.2, 0.0], [100.0, None]]
    html = page.content.decode()
    assert "Процент от" in html and "—" in html
    refused = post_layout(
        curator_client,
        [{"label": "Пары, %", "measure": "pairs_active", "filter": "", "percent_of": "pupils"}],
        [{"label": "Всего", "breakdown": "total"}],
    )
    assert refused.status_code == 400
    assert "процент от «pupils» нельзя посчитать" in refused.content.decode()
    assert layout_for(school)[0] == layout  # nothing changed


@pytest.mark.django_db
def test_layout_page_queries_do_not_grow_with_schools(
    authority, school, other_school, pair, coordinator, curator_client, django_assert_num_queries
):
    ProgrammeFactory(
        organization=authority, academic_year__start_year=YEAR, pupils_total=0, pupils_with_disabilities=0
    )
    client = client_for(coordinator)
    url = reverse("reports:statistics_layout", kwargs={"org": authority.slug, "year": YEAR})
    client.get(url)  # the session warms up
    # session, user, organisation with its programme, roles, 1 more programme, saved layout, schools' kinds, forms of the
    # layout, forms of the editor, 3 for the facts, and the navigation (4)
    with django_assert_num_queries(16):
        assert client.get(url).status_code == 200
    ProgrammeFactory(organization__parent=authority, academic_year__start_year=YEAR)
    with django_assert_num_queries(16):
        assert client.get(url).status_code == 200
    curator_client.get(reverse("reports:statistics_layout", kwargs=KW))
    with django_assert_num_queries(13):  # a school: its own programme, no kinds of schools to read
        assert curator_client.get(reverse("reports:statistics_layout", kwargs=KW)).status_code == 200


@pytest.mark.django_db
def test_the_region_template_reaches_its_municipalities_and_schools_unless_they_have_their_own(
    authority, school, coordinator, curator
):
    from mentoring.models import Organization

    from ..factories import OrganizationFactory

    region = OrganizationFactory(kind=Organization.Kind.REGION, slug="region-t", short_name="РНЦ")
    authority.parent = region
    authority.save(update_fields=["parent"])
    for body in (region, authority):
        ProgrammeFactory(
            organization=body, academic_year__start_year=YEAR, pupils_total=0, pupils_with_disabilities=0
        )
    regional = UserFactory(username="regional")
    MembershipFactory(user=regional, organization=region, role=Role.REGIONAL_COORDINATOR)
    post = post_layout(
        client_for(regional),
        [{"label": "Наставники", "measure": "mentors", "filter": ""}],
        [{"label": "Всего", "breakdown": "total"}],
        name="Шаблон РНЦ",
        kw={"org": region.slug, "year": YEAR},
    )
    assert post.status_code == 302
    fresh = Organization.objects.get(pk=school.pk)  # nothing of the chain cached
    assert layout_for(fresh)[1] == "Шаблон РНЦ"
    assert layout_for(Organization.objects.get(pk=authority.pk))[1] == "Шаблон РНЦ"
    # the region reads the school's template page but may not change it
    assert client_for(regional).get(reverse("reports:statistics_layout", kwargs=KW)).status_code in (403, 404)
    # the municipality's own template wins over the region's for its schools
    own = post_layout(
        client_for(coordinator),
        [{"label": "Наставляемые", "measure": "mentees", "filter": ""}],
        [{"label": "Всего", "breakdown": "total"}],
        name="Шаблон муниципалитета",
        kw={"org": authority.slug, "year": YEAR},
    )
    assert own.status_code == 302
    assert layout_for(Organization.objects.get(pk=school.pk))[1] == "Шаблон муниципалитета"
    client_for(coordinator).post(
        reverse("reports:statistics_layout_reset", kwargs={"org": authority.slug, "year": YEAR})
    )
    assert layout_for(Organization.objects.get(pk=school.pk))[1] == "Шаблон РНЦ"
    # a school's own template wins over both
    post_layout(
        client_for(curator),
        [{"label": "Наставляемые", "measure": "mentees", "filter": ""}],
        [{"label": "Всего", "breakdown": "total"}],
        name="Шаблон школы",
    )
    assert layout_for(Organization.objects.get(pk=school.pk))[1] == "Шаблон школы"
