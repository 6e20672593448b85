"""The cost and proof figures a curator reads: no «-0,0» when an option gives nothing up, and the
command's sentence writes its numbers as the rest of its Russian output (a decimal comma)."""

import json
import math
import re
from dataclasses import replace

import pytest
from django.core.management import call_command
from django.utils import translation

from pairing import matching
from pairing.matching_runs import cost_as_json, proof_sentence

from ..conftest import YEAR
from .test_runs import bases, start, url  # noqa: F401 (fixture)


def _result(total: float, optimum: float) -> matching.MatchResult:
    stats = {"optimum_total": optimum, "optimum_pairs": 1.0, "optimum_worst": 50.0, "fairness": 1.0}
    return matching.MatchResult(pairs=(), unmatched=(), total_score=total, blocking_pairs=0, stats=stats)


def test_an_option_that_gives_nothing_up_costs_plus_zero_not_minus_zero():
    # the fair assignment's total a rounding error above the optimum's: the cost is 0, not -0
    lost = cost_as_json(_result(total=1065.9 + 1e-9, optimum=1065.9))["cost"]["lost"]
    assert lost == 0 and math.copysign(1.0, lost) == 1.0


def test_the_command_sentence_writes_its_numbers_with_a_decimal_comma():
    with translation.override("ru"):
        fair = proof_sentence(
            {"objective": "fairness", "certified": True, "gap": 0.0, "cost": {"lost": 12.5}}
        )
        stable = proof_sentence(
            {
                "objective": "stable",
                "certified": None,
                "gap": None,
                "total_score": 971.33,
                "cost": {"optimum_total": 1065.9},
            }
        )
        gap = proof_sentence({"objective": "total", "certified": False, "gap": 2.25})
    assert "12,50" in fair and "12.5" not in fair
    assert "971,33" in stable and "1065,90" in stable and "971.33" not in stable
    assert "2,25" in gap and "2.25" not in gap


def test_a_subject_area_met_only_by_its_broader_field_is_said_to_count_in_part():
    """«биология ≈ физика (естественные науки)» scores the areas criterion in part (the demo's physics
    teacher for a pupil who named biology); the reason said the areas «совпадают», as if in full."""
    mentee = matching.Mentee(
        id=1,
        form="",
        requests=frozenset(),
        interests=frozenset(),
        grade=None,
        age=None,
        subject="",
        special_needs=False,
        has_consent=True,
        areas=frozenset({"c:bio", "c:nat"}),
        broad=frozenset({"c:nat"}),
        words=(("c:bio", "биология"), ("c:nat", "биология (естественные науки)")),
    )
    mentor = matching.Mentor(
        id=2,
        forms=frozenset({""}),
        competencies=frozenset({"c:phys", "c:nat"}),
        interests=frozenset(),
        grade=None,
        age=None,
        subject="",
        special_needs_trained=False,
        trained=True,
        has_consent=True,
        capacity=1,
        current_load=0,
        words=(("c:phys", "физика"), ("c:nat", "физика (естественные науки)")),
    )
    with translation.override("ru"):
        scored = matching.score_pair(mentee, mentor)
        assert scored is not None
        (areas,) = [item for item in scored[1] if item.criterion == "areas"]
        in_full = matching.score_pair(mentee, replace(mentor, competencies=frozenset({"c:bio"})))
    assert in_full is not None
    (full,) = [item for item in in_full[1] if item.criterion == "areas"]
    assert 0 < areas.points < full.points  # in part, and the engine already counted it so
    assert "частично" in areas.reason and "совпадают" not in areas.reason
    assert "частично" not in full.reason


@pytest.mark.django_db
@pytest.mark.parametrize("option", [{"stable": "on"}, {"fairness": 1}])
def test_the_run_page_writes_both_totals_and_the_cost_with_two_decimals(
    option,
    curator_client,
    bases,  # noqa: F811  the fixture imported above
    django_capture_on_commit_callbacks,
):
    """The stable card read «971,33 против 1065,9»: one total with two decimals, the other with one."""
    run = start(curator_client, django_capture_on_commit_callbacks, **option)
    page = curator_client.get(url("run", run=run.pk)).content.decode()
    sentence = re.search(
        r"Суммарная оценка (\S+) против (\S+) при наибольшей сумме \(цена в баллах: ([^)]+)\)", page
    )
    assert sentence is not None, page
    for figure in sentence.groups():
        assert re.fullmatch(r"-?\d+,\d\d", figure.replace("\xa0", "")), sentence.group(0)


@pytest.mark.django_db
def test_accepting_a_proposal_swapped_to_another_schools_person_says_it_was_not_saved(
    curator_client,
    bases,  # noqa: F811  the fixture imported above
    other_school,
    django_capture_on_commit_callbacks,
):
    """A hand-made form with a mentor of another school created nothing and said nothing."""
    from pairing.models import MentoringGroup
    from participants.services import person_create

    outsider = person_create(
        actor=None, organization=other_school, last_name="Чужаков", first_name="Пётр", kind="teacher"
    )
    run = start(curator_client, django_capture_on_commit_callbacks)
    kid, groups = bases["kids"][0], MentoringGroup.objects.count()
    response = curator_client.post(
        url("run_accept", run=run.pk), {"accept": [kid.pk], f"mentor_{kid.pk}": outsider.pk}, follow=True
    )
    page = response.content.decode()
    assert "не сохранено: наставника или наставляемого нет в базах этой школы" in page
    assert "Чужаков" not in page
    assert MentoringGroup.objects.count() == groups
    assert response.redirect_chain[-1][0].endswith(url("run", run=run.pk))


@pytest.mark.django_db
def test_the_command_says_how_many_pairs_it_saved(bases, capsys):  # noqa: F811  the fixture imported above
    """``match --save`` printed the proposals and the proof but not what it saved or refused."""
    with translation.override("ru"):
        call_command("match", "--org", "school-a", "--year", str(YEAR), "--form", "teacher_pupil", "--save")
    assert "Создано пар: 3." in capsys.readouterr().out
    call_command("match", "--org", "school-a", "--year", str(YEAR), "--form", "teacher_pupil", "--json")
    assert "saved" not in json.loads(capsys.readouterr().out)  # nothing saved: nothing said


@pytest.mark.django_db
def test_the_command_json_lists_the_refusals_of_what_it_saved(bases, capsys):  # noqa: F811
    call_command(
        "match", "--org", "school-a", "--year", str(YEAR), "--form", "teacher_pupil", "--save", "--json"
    )
    data = json.loads(capsys.readouterr().out)
    assert data["saved"] == 3 and data["refused"] == []
