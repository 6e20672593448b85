"""A run's proof and options as the curator sees them: proved or the gap, the blocking couples she
can open, the stable and fairness options with their cost, and the swap list of eligible mentors."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mentoring.models import AuditEvent, Job
from pairing.models import MatchingRun, MentoringForm, MentoringGroup
from participants.models import MenteeProfile, MentorProfile

from .test_groups import pupil, teacher
from .test_runs import start, url


@pytest.fixture
def bases(programme):
    math = teacher(programme, "Математикова", capacity=2)
    russian = teacher(programme, "Словесникова", capacity=1)
    full = teacher(programme, "Занятова", capacity=1)
    MentorProfile.objects.filter(person=math).update(competencies=["Математика", "Олимпиады"])
    MentorProfile.objects.filter(person=russian).update(competencies=["Русский язык"])
    kids = [pupil(programme, name) for name in ("Числов", "Счётов", "Буквин")]
    MenteeProfile.objects.filter(person__in=kids[:2]).update(requests=["математика"])
    MenteeProfile.objects.filter(person=kids[2]).update(requests=["русский язык"])
    # a pupil mentor: not allowed in «учитель – ученик», never offered in its swap list
    older = pupil(programme, "Старшеклассников", grade="10А")
    MenteeProfile.objects.filter(person=older).delete()
    MentorProfile.objects.create(person=older, programme=programme, capacity=3)
    return {"math": math, "russian": russian, "full": full, "older": older, "kids": kids}


@pytest.mark.django_db
def test_the_run_stores_and_shows_that_the_optimum_is_proved(
    curator_client, bases, django_capture_on_commit_callbacks
):
    run = start(curator_client, django_capture_on_commit_callbacks)
    assert run.job.status == Job.Status.DONE, run.job.error
    assert run.certified is True and run.optimality_gap == 0.0
    assert run.result["certified"] is True and run.result["gap"] == 0.0
    page = curator_client.get(url("run", run=run.pk)).content.decode()
    assert "доказан" in page
    # the proposals name children: the page read is in the journal, with the people it showed
    read = AuditEvent.objects.filter(target_type="pairing.MatchingRun", target_id=str(run.pk)).get()
    assert read.action == AuditEvent.Action.VIEW and str(bases["kids"][0].pk) in read.people


@pytest.mark.django_db
def test_the_swap_list_offers_only_eligible_mentors_with_their_free_places(
    curator_client, bases, django_capture_on_commit_callbacks
):
    run = start(curator_client, django_capture_on_commit_callbacks)
    pairs = {pair["mentee"]: pair["mentor"] for pair in run.result["pairs"]}
    assert list(pairs.values()).count(bases["math"].pk) == 2  # math is full once accepted
    response = curator_client.get(url("run", run=run.pk))
    options = response.context["mentors"]
    offered = {choice.person.pk: (choice.free, choice.proposed) for choice in options}
    assert bases["older"].pk not in offered  # a pupil may not mentor in «учитель – ученик»
    assert offered == {bases["math"].pk: (2, 2), bases["russian"].pk: (1, 1), bases["full"].pk: (1, 0)}
    page = response.content.decode()
    assert "Старшеклассников" not in page
    assert "Занятова Анна — свободно 1 из 1, в этом подборе: 0" in page
    # a mentor whose places are taken by open pairs is not offered
    accept = {"accept": [str(bases["kids"][2].pk)], f"mentor_{bases['kids'][2].pk}": str(bases["russian"].pk)}
    curator_client.post(url("run_accept", run=run.pk), {**accept, "action": "accept"})
    offered = {choice.person.pk for choice in curator_client.get(url("run", run=run.pk)).context["mentors"]}
    assert offered == {bases["math"].pk, bases["full"].pk}


@pytest.mark.django_db
def test_the_run_page_makes_a_fixed_number_of_queries(
    curator_client, bases, django_capture_on_commit_callbacks
):
    run = start(curator_client, django_capture_on_commit_callbacks)
    with CaptureQueriesContext(connection) as few:
        curator_client.get(url("run", run=run.pk))
    more = [pupil(run.programme, f"Новиков{index}") for index in range(3)]
    for index in range(3):
        teacher(run.programme, f"Учителева{index}")
    MenteeProfile.objects.filter(person__in=more).update(requests=["математика"])
    rerun = start(curator_client, django_capture_on_commit_callbacks)
    with CaptureQueriesContext(connection) as many:
        curator_client.get(url("run", run=rerun.pk))
    assert len(many) == len(few)


@pytest.mark.django_db
def test_blocking_couples_are_a_list_the_curator_can_open(
    curator_client, bases, django_capture_on_commit_callbacks
):
    run = start(curator_client, django_capture_on_commit_callbacks)
    kid = bases["kids"][0]  # asks for maths; locked with the Russian teacher, maths has a place
    with django_capture_on_commit_callbacks(execute=True):
        curator_client.post(
            url("run_accept", run=run.pk),
            {"accept": [str(kid.pk)], f"mentor_{kid.pk}": str(bases["russian"].pk), "action": "rerun"},
        )
    rerun = MatchingRun.objects.latest("pk")
    couples = {(c["mentee"], c["mentor"]) for c in rerun.result["blocking"]}
    assert (kid.pk, bases["math"].pk) in couples
    assert rerun.result["blocking_pairs"] == len(rerun.result["blocking"])
    page = curator_client.get(url("run", run=rerun.pk)).content.decode()
    assert 'id="blocking"' in page and "Числов" in page and "Математикова" in page


@pytest.mark.django_db
def test_stable_option_shows_its_cost(curator_client, bases, django_capture_on_commit_callbacks):
    run = start(curator_client, django_capture_on_commit_callbacks, stable="on")
    assert run.settings["stable"] is True
    assert run.result["blocking_pairs"] == 0
    cost = run.result["cost"]
    assert cost["option"] == "stable" and cost["optimum_total"] >= cost["total"]
    page = curator_client.get(url("run", run=run.pk)).content.decode()
    assert "Устойчивое" in page or "устойчив" in page


@pytest.mark.django_db
def test_fairness_option_shows_its_cost(curator_client, bases, django_capture_on_commit_callbacks):
    run = start(curator_client, django_capture_on_commit_callbacks, fairness="1")
    assert run.settings["fairness"] == 1.0
    cost = run.result["cost"]
    assert cost["option"] == "fairness" and cost["lost"] == pytest.approx(
        cost["optimum_total"] - cost["total"], abs=0.02
    )
    assert run.certified is True


@pytest.mark.django_db
def test_stable_and_fairness_together_are_refused(curator_client, bases):
    form = MentoringForm.objects.get(key="teacher_pupil")
    data = {"form": form.pk, "stable": "on", "fairness": "1", "min_score": 0}
    data.update(
        {
            f"weight_{key}": 1
            for key in ("requests", "interests", "preferences", "age_gap", "subject", "special_needs", "load")
        }
    )
    response = curator_client.post(url("runs"), data)
    assert response.status_code == 200
    assert "либо" in response.content.decode()
    assert not MatchingRun.objects.exists()


@pytest.mark.django_db
def test_group_matching_proposes_a_group_and_accepting_makes_one_group(
    curator_client, bases, django_capture_on_commit_callbacks
):
    run = start(curator_client, django_capture_on_commit_callbacks, group_size=3)
    by_mentee = {pair["mentee"]: pair for pair in run.result["pairs"]}
    first, second, third = bases["kids"]
    group = by_mentee[first.pk]["group"]
    assert group and by_mentee[second.pk]["group"] == group  # both ask for maths
    assert by_mentee[first.pk]["mentor"] == by_mentee[second.pk]["mentor"] == bases["math"].pk
    assert by_mentee[third.pk]["group"] != group
    assert any("математика" in reason for reason in by_mentee[first.pk]["why"] if "Групп" in reason)
    assert run.certified is None  # groups are formed greedily: no proof is claimed
    page = curator_client.get(url("run", run=run.pk)).content.decode()
    assert f"группа {group}" in page and "оптимальность в этом запуске не проверялась" in page
    accept = {
        "accept": [str(first.pk), str(second.pk)],
        f"mentor_{first.pk}": str(bases["math"].pk),
        f"mentor_{second.pk}": str(bases["math"].pk),
        "action": "accept",
    }
    curator_client.post(url("run_accept", run=run.pk), accept)
    made = MentoringGroup.objects.get()
    assert set(made.members.filter(role="mentee").values_list("person_id", flat=True)) == {
        first.pk,
        second.pk,
    }


@pytest.mark.django_db
def test_match_command_takes_the_group_fairness_and_stable_options(bases, capsys):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    from ..conftest import YEAR

    args = ["match", "--org", "school-a", "--year", str(YEAR), "--form", "teacher_pupil", "--json"]
    call_command(*args, "--group-size", "3")
    data = json.loads(capsys.readouterr().out)
    assert sorted(len(entry["mentees"]) for entry in data["pairs"]) == [1, 2]
    assert data["certified"] is None
    call_command(*args, "--stable")
    data = json.loads(capsys.readouterr().out)
    assert data["blocking_pairs"] == 0 and data["certified"] is None  # stable: no optimality claim
    call_command(*args, "--fairness", "0.5")
    assert json.loads(capsys.readouterr().out)["certified"] is True
    with pytest.raises(CommandError):
        call_command(*args, "--fairness", "2")
    with pytest.raises(CommandError):
        call_command(*args, "--stable", "--group-size", "3")
