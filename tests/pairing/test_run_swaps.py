"""Swapping a proposal's mentor keeps to the run's rules: the swap list offers only the mentors the run
allows for that mentee (required criteria, exclusions, form, consent, free places), and accepting or
locking a swap the run forbids is refused in Russian and changes nothing — the same rule the score
endpoint answers with. The run's own proposals are still accepted unchanged."""

import re

import pytest
from django.contrib.messages import get_messages

from pairing.models import MatchingRun, MentoringGroup
from participants.models import MenteeProfile, MentorProfile

from .test_runs import bases, start, url  # noqa: F401 (bases: fixture)


def offered(client, run: MatchingRun, mentee) -> set[int]:
    """The mentor ids of the mentee's swap list, as the page renders it."""
    page = client.get(url("run", run=run.pk)).content.decode()
    select = re.search(rf'<select[^>]*name="mentor_{mentee.pk}".*?</select>', page, re.S)
    assert select is not None
    return {int(value) for value in re.findall(r'<option value="(\d+)"', select.group())}


def said(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def members(group: MentoringGroup) -> set[tuple[str, int]]:
    return set(group.members.values_list("role", "person_id"))


@pytest.fixture
def special_needs_run(curator_client, bases, django_capture_on_commit_callbacks):  # noqa: F811
    """«Обязательно: ОВЗ»: the pupil with ОВЗ may be paired only with the trained Russian teacher."""
    kid = bases["kids"][2]
    MenteeProfile.objects.filter(person=kid).update(has_ovz=True)
    MentorProfile.objects.filter(person=bases["russian"]).update(special_needs_trained=True)
    run = start(curator_client, django_capture_on_commit_callbacks, required_special_needs="on")
    assert run.settings["required"] == ["special_needs"]
    assert {(pair["mentee"], pair["mentor"]) for pair in run.result["pairs"]} >= {
        (kid.pk, bases["russian"].pk)
    }
    return run


@pytest.mark.django_db
def test_an_untrained_mentor_is_not_offered_for_a_pupil_with_special_needs(
    curator_client,
    bases,  # noqa: F811
    special_needs_run,
):
    kid, math, russian = bases["kids"][2], bases["math"], bases["russian"]
    assert offered(curator_client, special_needs_run, kid) == {russian.pk}
    # the others keep both mentors (the requirement applies to pupils with special needs only)
    assert offered(curator_client, special_needs_run, bases["kids"][0]) == {math.pk, russian.pk}
    # the same answer as the score endpoint's
    score = curator_client.get(
        url("run_score", run=special_needs_run.pk), {"mentee": kid.pk, f"mentor_{kid.pk}": math.pk}
    ).content.decode()
    assert "недопустимо" in score


@pytest.mark.django_db
def test_accepting_an_untrained_mentor_under_required_special_needs_is_refused(
    curator_client,
    bases,  # noqa: F811
    special_needs_run,
):
    kid, math = bases["kids"][2], bases["math"]
    response = curator_client.post(
        url("run_accept", run=special_needs_run.pk),
        {"accept": [str(kid.pk)], f"mentor_{kid.pk}": str(math.pk), "action": "accept"},
    )
    assert not MentoringGroup.objects.exists()
    assert response["Location"] == url("run", run=special_needs_run.pk)  # back to the proposals
    text = " ".join(said(response))
    assert f"Не сохранено: {kid.short_name} (6А) с наставником {math.short_name}" in text, text
    assert (
        "Подбор не допускает такую пару. Не выполнен обязательный критерий: Наставник обучен работе с ОВЗ."
        in text
    )


@pytest.mark.django_db
def test_a_forbidden_swap_refuses_only_that_pupil_and_a_valid_swap_is_accepted(
    curator_client,
    bases,  # noqa: F811
    special_needs_run,
):
    kids, math, russian = bases["kids"], bases["math"], bases["russian"]
    # kid 0: maths proposed, swapped to the Russian teacher (allowed); kid 2: swapped to maths (forbidden)
    response = curator_client.post(
        url("run_accept", run=special_needs_run.pk),
        {
            "accept": [str(kids[0].pk), str(kids[2].pk)],
            f"mentor_{kids[0].pk}": str(russian.pk),
            f"mentor_{kids[2].pk}": str(math.pk),
            "action": "accept",
        },
    )
    made = MentoringGroup.objects.get()
    assert members(made) == {("mentor", russian.pk), ("mentee", kids[0].pk)}
    assert any("Не сохранено" in text and kids[2].short_name in text for text in said(response))


@pytest.mark.django_db
def test_the_runs_own_proposals_are_accepted_unchanged(
    curator_client,
    bases,  # noqa: F811
    special_needs_run,
):
    pairs = {pair["mentee"]: pair["mentor"] for pair in special_needs_run.result["pairs"]}
    response = curator_client.post(
        url("run_accept", run=special_needs_run.pk),
        {
            "accept": list(map(str, pairs)),
            **{f"mentor_{m}": str(n) for m, n in pairs.items()},
            "action": "accept",
        },
    )
    assert response["Location"] == url("index")
    assert MentoringGroup.objects.count() == 3


@pytest.mark.django_db
def test_an_excluded_mentor_is_not_offered_and_not_accepted(
    curator_client,
    bases,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    kid, math, russian = bases["kids"][0], bases["math"], bases["russian"]
    run = start(curator_client, django_capture_on_commit_callbacks)
    assert any(pair["mentee"] == kid.pk and pair["mentor"] == math.pk for pair in run.result["pairs"])
    with django_capture_on_commit_callbacks(execute=True):  # «не ставить вместе»
        curator_client.post(
            url("run_accept", run=run.pk), {"exclude": [f"{kid.pk}:{math.pk}"], "action": "rerun"}
        )
    rerun = MatchingRun.objects.latest("pk")
    assert rerun.settings["exclusions"] == [[kid.pk, math.pk]]
    assert offered(curator_client, rerun, kid) == {russian.pk}
    assert math.pk in offered(curator_client, rerun, bases["kids"][1])
    score = curator_client.get(
        url("run_score", run=rerun.pk), {"mentee": kid.pk, f"mentor_{kid.pk}": math.pk}
    ).content.decode()
    assert "недопустимо" in score
    response = curator_client.post(
        url("run_accept", run=rerun.pk),
        {"accept": [str(kid.pk)], f"mentor_{kid.pk}": str(math.pk), "action": "accept"},
    )
    assert not MentoringGroup.objects.exists()
    text = " ".join(said(response))
    assert f"Не сохранено: {kid.short_name} (6А) с наставником {math.short_name}" in text, text
    assert "Куратор исключил эту пару" in text, text


@pytest.mark.django_db
def test_locking_a_forbidden_swap_is_refused_and_the_rerun_does_not_propose_it(
    curator_client,
    bases,  # noqa: F811
    special_needs_run,
    django_capture_on_commit_callbacks,
):
    kid, math = bases["kids"][2], bases["math"]
    with django_capture_on_commit_callbacks(execute=True):
        response = curator_client.post(
            url("run_accept", run=special_needs_run.pk),
            {"accept": [str(kid.pk)], f"mentor_{kid.pk}": str(math.pk), "action": "rerun"},
        )
    rerun = MatchingRun.objects.latest("pk")
    assert rerun.pk != special_needs_run.pk and rerun.job.params["locked"] == []
    assert (kid.pk, math.pk) not in {(pair["mentee"], pair["mentor"]) for pair in rerun.result["pairs"]}
    text = " ".join(said(response))
    assert f"Не закреплено: {kid.short_name} (6А) с наставником {math.short_name}" in text, text
    assert "Не выполнен обязательный критерий" in text, text


@pytest.mark.django_db
def test_a_swap_below_the_run_threshold_is_neither_offered_nor_accepted(
    curator_client,
    bases,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    """«Не предлагать пары с оценкой ниже»: the engine keeps to it, and so do the swap list and accept — the
    Russian teacher scores far below 50 for a pupil who asks for mathematics."""
    run = start(curator_client, django_capture_on_commit_callbacks, min_score=50)
    kid, math, russian = bases["kids"][0], bases["math"], bases["russian"]
    assert (kid.pk, math.pk) in {(pair["mentee"], pair["mentor"]) for pair in run.result["pairs"]}
    assert offered(curator_client, run, kid) == {math.pk}
    response = curator_client.post(
        url("run_accept", run=run.pk),
        {"accept": [str(kid.pk)], f"mentor_{kid.pk}": str(russian.pk), "action": "accept"},
    )
    assert not MentoringGroup.objects.exists()
    text = " ".join(said(response))
    assert "ниже порога подбора (50)" in text, text
    # without a threshold the same swap is allowed
    run = start(curator_client, django_capture_on_commit_callbacks, min_score=0)
    assert offered(curator_client, run, kid) == {math.pk, russian.pk}
