"""What the proposals page shows around a swap (a stranger's review, 7 December 2026): the preview of
another mentor replaces the reasons too, and a pupil accepted with another mentor says with whom."""

import pytest

from pairing.models import MentoringGroup

from .test_run_swaps import special_needs_run  # noqa: F401 (fixture)
from .test_runs import bases, start, url  # noqa: F401 (fixture)


@pytest.mark.django_db
def test_the_swap_preview_gives_the_chosen_mentors_score_and_reasons(
    curator_client,
    bases,  # noqa: F811  the fixture imported above
    django_capture_on_commit_callbacks,
):
    run = start(curator_client, django_capture_on_commit_callbacks)
    kid = bases["kids"][2]  # asks for Russian: proposed the Russian teacher
    preview = curator_client.get(
        url("run_score", run=run.pk), {"mentee": kid.pk, f"mentor_{kid.pk}": bases["math"].pk}
    ).content.decode()
    assert "оценка с выбранным наставником:" in preview
    # the «why» cell of that row is replaced (htmx out of band) by the maths teacher's reasons
    assert f'id="why-{kid.pk}" hx-swap-oob="true"' in preview
    assert "Почему — с выбранным наставником:" in preview
    page = curator_client.get(url("run", run=run.pk)).content.decode()
    assert f'<div id="why-{kid.pk}">' in page  # the cell the preview replaces


@pytest.mark.django_db
def test_a_pupil_accepted_with_another_mentor_says_with_whom(
    curator_client,
    bases,  # noqa: F811  the fixture imported above
    django_capture_on_commit_callbacks,
):
    run = start(curator_client, django_capture_on_commit_callbacks)
    kid, math = bases["kids"][2], bases["math"]
    proposed = {pair["mentee"]: pair["mentor"] for pair in run.result["pairs"]}
    assert proposed[kid.pk] != math.pk
    response = curator_client.post(
        url("run_accept", run=run.pk), {"accept": [kid.pk], f"mentor_{kid.pk}": math.pk, "action": "accept"}
    )
    assert response.status_code == 302
    assert MentoringGroup.objects.filter(members__person=kid).filter(members__person=math).exists()
    page = curator_client.get(url("run", run=run.pk)).content.decode()
    assert f"Уже в паре этой формы — с наставником {math.short_name}." in page
    assert "Уже в другой паре этой формы." not in page


@pytest.mark.django_db
def test_the_swap_preview_of_a_mentor_the_run_does_not_allow_says_why_in_the_reasons(
    curator_client,
    bases,  # noqa: F811  the fixture imported above
    special_needs_run,  # noqa: F811  the fixture imported above
):
    """A preview said «недопустимо» while the «why» cell kept the reasons of the mentor chosen before."""
    kid, math = bases["kids"][2], bases["math"]
    preview = curator_client.get(
        url("run_score", run=special_needs_run.pk), {"mentee": kid.pk, f"mentor_{kid.pk}": math.pk}
    ).content.decode()
    assert "недопустимо" in preview and "Почему нельзя:" in preview
    assert f'id="why-{kid.pk}" hx-swap-oob="true"' in preview
    assert "Почему — с выбранным наставником:" not in preview


@pytest.mark.django_db
def test_the_swap_preview_keeps_to_the_runs_threshold(
    curator_client,
    bases,  # noqa: F811  the fixture imported above
    django_capture_on_commit_callbacks,
):
    """Accepting refuses a swap below the run's «не предлагать пары с оценкой ниже»; the preview said a score."""
    run = start(curator_client, django_capture_on_commit_callbacks, min_score=99)
    kid, math = bases["kids"][2], bases["math"]  # asks for Russian: the maths teacher scores low
    preview = curator_client.get(
        url("run_score", run=run.pk), {"mentee": kid.pk, f"mentor_{kid.pk}": math.pk}
    ).content.decode()
    assert "недопустимо" in preview and "ниже порога подбора" in preview, preview
