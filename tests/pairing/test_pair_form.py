"""The manual pair form: searchable selects fed by the candidates endpoint (scoped to the school, a fixed
number of queries), free places and pupils already in a pair shown before the form is sent, and the
server's Russian refusal still authoritative."""

import pytest
from django.urls import reverse

from pairing.models import MentoringForm
from pairing.services import group_create

from ..conftest import YEAR, client_for
from .test_groups import pupil, teacher

pytestmark = pytest.mark.django_db

KW = {"org": "school-a", "year": YEAR}


def url(name: str, **kwargs) -> str:
    return reverse(f"pairing:{name}", kwargs={**KW, **kwargs})


@pytest.fixture
def teacher_pupil():
    return MentoringForm.objects.get(key="teacher_pupil")


@pytest.fixture
def pupil_pupil():
    return MentoringForm.objects.get(key="pupil_pupil")


def test_the_page_has_searchable_selects_that_work_as_plain_ones(curator_client, programme, teacher_pupil):
    full = teacher(programme, "Занятова", capacity=1)
    group_create(
        actor=None, programme=programme, form=teacher_pupil, mentors=[full], mentees=[pupil(programme, "Первый")]
    )
    teacher(programme, "Свободная", capacity=3)
    pupil(programme, "Второй")
    page = curator_client.get(url("create")).content.decode()
    assert "vendor/tom-select/tom-select.complete.min.js" in page and "js/pair_form.js" in page
    assert 'data-searchable="mentors"' in page and 'data-candidates-url="' in page
    # without JS the options themselves carry the notes
    assert "Занятова Анна — мест нет (1 из 1 занято)" in page
    assert "Свободная Анна — свободно мест: 3 из 3" in page
    assert "Первый Иван, 6А — уже в паре: «учитель – ученик»" in page


def test_candidates_are_filtered_by_the_form_with_places_and_pairs(
    curator_client, programme, teacher_pupil, pupil_pupil
):
    busy_teacher = teacher(programme, "Учитель", capacity=2)
    paired = pupil(programme, "Впаре")
    group_create(actor=None, programme=programme, form=teacher_pupil, mentors=[busy_teacher], mentees=[paired])
    pupil(programme, "Свободный")
    response = curator_client.get(url("candidates"), {"form": teacher_pupil.pk})
    assert response.status_code == 200
    data = response.json()
    mentor = next(item for item in data["mentors"] if item["name"].startswith("Учитель"))
    assert (mentor["free"], mentor["capacity"], mentor["blocked"]) == (1, 2, False)
    mentees = {item["name"].split()[0]: item for item in data["mentees"]}
    assert mentees["Впаре"]["blocked"] is True and "уже в паре" in mentees["Впаре"]["note"]
    assert mentees["Свободный"]["blocked"] is False and mentees["Свободный"]["note"] == ""
    # «ученик – ученик»: a teacher is no mentor there; the pupil in a teacher's pair is free for it
    other = curator_client.get(url("candidates"), {"form": pupil_pupil.pk}).json()
    assert not any(item["name"].startswith("Учитель") for item in other["mentors"])
    assert {item["name"].split()[0]: item for item in other["mentees"]}["Впаре"]["blocked"] is False


def test_editing_a_pair_does_not_count_its_own_places(curator_client, programme, teacher_pupil):
    mentor = teacher(programme, "Одна", capacity=1)
    group = group_create(
        actor=None, programme=programme, form=teacher_pupil, mentors=[mentor], mentees=[pupil(programme, "Ю")]
    )
    data = curator_client.get(url("candidates"), {"form": teacher_pupil.pk, "group": group.pk}).json()
    assert data["mentors"][0]["free"] == 1 and not data["mentees"][0]["blocked"]
    page = curator_client.get(url("edit", group=group.pk)).content.decode()
    assert f'data-group="{group.pk}"' in page and "свободно мест: 1 из 1" in page


def test_candidates_make_a_fixed_number_of_queries(
    curator_client, programme, teacher_pupil, django_assert_num_queries
):
    def add(count: int, start: int) -> None:
        for index in range(start, start + count):
            group_create(
                actor=None,
                programme=programme,
                form=teacher_pupil,
                mentors=[teacher(programme, f"Наставник{index}")],
                mentees=[pupil(programme, f"Ученик{index}")],
            )
            pupil(programme, f"Одиночка{index}")

    add(2, 0)
    curator_client.get(url("candidates"), {"form": teacher_pupil.pk})
    with django_assert_num_queries(9) as few:
        curator_client.get(url("candidates"), {"form": teacher_pupil.pk})
    add(20, 2)
    with django_assert_num_queries(len(few.captured_queries)):
        response = curator_client.get(url("candidates"), {"form": teacher_pupil.pk})
    assert len(response.json()["mentees"]) == 44


def test_candidates_refuse_a_form_the_school_does_not_use_and_strangers(
    curator_client, programme, stranger, mentor
):
    own = MentoringForm.objects.create(name="Чужая форма", key="foreign", organization=stranger_org(stranger))
    assert curator_client.get(url("candidates"), {"form": own.pk}).status_code == 400
    assert curator_client.get(url("candidates"), {"form": "x"}).status_code == 400
    assert client_for(stranger).get(url("candidates"), {"form": 1}).status_code == 404
    assert client_for(mentor).get(url("candidates"), {"form": 1}).status_code == 403


def stranger_org(user):
    return user.memberships.first().organization


def test_the_server_still_refuses_a_mentee_already_in_a_pair(curator_client, programme, teacher_pupil):
    mentee = pupil(programme, "Занятый")
    group_create(
        actor=None, programme=programme, form=teacher_pupil,
        mentors=[teacher(programme, "Первая")], mentees=[mentee],
    )
    second = teacher(programme, "Вторая")
    response = curator_client.post(
        url("create"),
        {"form": teacher_pupil.pk, "mentors": [second.pk], "mentees": [mentee.pk], "status": "active"},
    )
    assert response.status_code == 400
    assert "уже есть наставник" in response.content.decode()
