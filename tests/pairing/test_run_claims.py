"""What a run claims is what it solved: the stable, fairness and «most pairs» options never claim the
highest total; one check of the options for the page, the command and the engine."""

import json
import math
import random

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from pairing.matching import Settings, match, option_conflict
from pairing.matching_runs import option_errors

from ..conftest import YEAR
from .test_engine_basics import mentee, mentor
from .test_run_proof import bases  # noqa: F401 (fixture)
from .test_runs import start, url

HIGHEST_TOTAL = "оптимум: ни одно другое распределение не даёт большей суммарной оценки"


def instances(count: int):
    for seed in range(count):
        rng = random.Random(seed)
        yield (
            [mentee(i, rng) for i in range(30)],
            [mentor(100 + j, rng, capacity=rng.randint(1, 3)) for j in range(10)],
        )


def test_a_stable_assignment_claims_no_optimum_even_when_below_the_highest_total():
    below = 0
    for mentees, mentors in instances(12):
        result = match(mentees, mentors, Settings(stable=True))
        below += result.total_score < result.stats["optimum_total"] - 1e-6
        assert math.isnan(result.stats["certified"]) and math.isnan(result.stats["gap"])
    assert below  # the instances do make the stable assignment cost something


def test_fairness_and_most_pairs_say_which_objective_their_proof_is_about():
    mentees, mentors = next(instances(1))
    fair = match(mentees, mentors, Settings(fairness=1.0))
    assert fair.stats["fairness"] == 1.0 and "most_pairs" not in fair.stats
    most = match(mentees, mentors, Settings(maximise_count=True))
    assert most.stats["most_pairs"] == 1.0 and "fairness" not in most.stats


@pytest.mark.parametrize(
    "chosen",
    [
        Settings(group_size=3, fairness=0.5),
        Settings(group_size=3, stable=True),
        Settings(stable=True, maximise_count=True),
        Settings(stable=True, fairness=1.0),
    ],
)
def test_the_engine_refuses_options_it_cannot_solve_together(chosen):
    assert option_conflict(chosen) is not None
    with pytest.raises(ValueError):
        match([], [], chosen)


def test_the_page_and_the_command_share_one_check():
    assert option_errors({"group_size": 3, "fairness": 0.5}) == [
        option_conflict(Settings(group_size=3, fairness=0.5))
    ]
    assert option_errors({"stable": True, "maximise_count": True}) == [
        option_conflict(Settings(stable=True, maximise_count=True))
    ]
    assert option_errors({"fairness": 2}) and option_errors({"min_score": 101})
    assert option_errors({"weights": {"requests": 11}}) and option_errors({"required": ["load"]})
    assert option_errors({"group_size": 3, "maximise_count": True, "min_score": 40}) == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("extra", "chosen"),
    [
        (("--group-size", "3", "--fairness", "0.5"), Settings(group_size=3, fairness=0.5)),
        (("--stable", "--most-pairs"), Settings(stable=True, maximise_count=True)),
    ],
)
def test_the_command_refuses_what_the_page_refuses(bases, extra, chosen):  # noqa: F811  the fixture imported above
    with pytest.raises(CommandError) as refused:
        call_command("match", "--org", "school-a", "--year", str(YEAR), "--form", "teacher_pupil", *extra)
    assert str(refused.value) == option_conflict(chosen)


@pytest.mark.django_db
def test_the_page_refuses_stable_with_most_pairs(curator_client, bases):  # noqa: F811  the fixture imported above
    from pairing.models import MatchingRun, MentoringForm

    form = MentoringForm.objects.get(key="teacher_pupil")
    response = curator_client.post(
        url("runs"), {"form": form.pk, "stable": "on", "maximise_count": "on", "min_score": 0}
    )
    assert response.status_code == 200 and not MatchingRun.objects.exists()
    assert "сначала охватить как можно" in response.content.decode()


@pytest.mark.django_db
def test_a_stable_run_is_not_shown_as_the_proved_highest_total(
    curator_client,
    bases,  # noqa: F811  the fixture imported above
    django_capture_on_commit_callbacks,
    capsys,
):
    run = start(curator_client, django_capture_on_commit_callbacks, stable="on")
    assert run.certified is None and run.result["objective"] == "stable"
    page = curator_client.get(url("run", run=run.pk)).content.decode()
    assert HIGHEST_TOTAL not in page and "доказан" not in page
    assert "оптимальность не заявляется" in page
    call_command("match", "--org", "school-a", "--year", str(YEAR), "--form", "teacher_pupil", "--stable")
    out = capsys.readouterr().out
    assert "Устойчивое распределение" in out and "оптимальность не заявляется" in out


@pytest.mark.django_db
def test_a_fair_run_says_its_proof_is_of_the_fair_objective(
    curator_client,
    bases,  # noqa: F811  the fixture imported above
    django_capture_on_commit_callbacks,
):
    run = start(curator_client, django_capture_on_commit_callbacks, fairness="1")
    assert run.certified is True and run.result["objective"] == "fairness"
    page = curator_client.get(url("run", run=run.pk)).content.decode()
    assert HIGHEST_TOTAL not in page and "оптимум справедливой цели" in page


@pytest.mark.django_db
def test_a_most_pairs_run_says_it_has_the_most_pairs_then_the_highest_total(
    curator_client,
    bases,  # noqa: F811  the fixture imported above
    django_capture_on_commit_callbacks,
    capsys,
):
    run = start(curator_client, django_capture_on_commit_callbacks, maximise_count="on")
    assert run.certified is True and run.result["objective"] == "most_pairs"
    page = curator_client.get(url("run", run=run.pk)).content.decode()
    assert HIGHEST_TOTAL not in page and "ни одно распределение не даёт больше пар" in page
    call_command(
        "match", "--org", "school-a", "--year", str(YEAR), "--form", "teacher_pupil", "--most-pairs", "--json"
    )
    assert json.loads(capsys.readouterr().out)["objective"] == "most_pairs"
