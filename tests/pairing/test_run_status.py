"""A run's proposals meet the bases as they are now: a mentor who left is not offered in the swap
list, and accepting refuses (in Russian, creating nothing) a mentor who left or a mentee who completed."""

import pytest
from django.contrib.messages import get_messages

from pairing.models import MentoringGroup
from participants.models import MenteeProfile, MentorProfile, ProfileStatus

from .test_run_proof import bases  # noqa: F401 (fixture)
from .test_runs import start, url


@pytest.mark.django_db
def test_a_mentor_who_left_is_not_offered_and_not_accepted(
    curator_client,
    bases,  # noqa: F811  the fixture imported above
    django_capture_on_commit_callbacks,
):
    run = start(curator_client, django_capture_on_commit_callbacks)
    kid, russian = bases["kids"][0], bases["russian"]
    offered = {choice.person.pk for choice in curator_client.get(url("run", run=run.pk)).context["mentors"]}
    assert russian.pk in offered
    MentorProfile.objects.filter(person=russian).update(status=ProfileStatus.LEFT)
    offered = {choice.person.pk for choice in curator_client.get(url("run", run=run.pk)).context["mentors"]}
    assert russian.pk not in offered and bases["math"].pk in offered
    response = curator_client.post(
        url("run_accept", run=run.pk),
        {"accept": [str(kid.pk)], f"mentor_{kid.pk}": str(russian.pk), "action": "accept"},
    )
    said = [str(message) for message in get_messages(response.wsgi_request)]
    assert not MentoringGroup.objects.exists()
    assert any("больше не участвует" in text and "Выбыл" in text for text in said), said


@pytest.mark.django_db
def test_a_mentee_who_completed_is_not_accepted(
    curator_client,
    bases,  # noqa: F811  the fixture imported above
    django_capture_on_commit_callbacks,
):
    run = start(curator_client, django_capture_on_commit_callbacks)
    pairs = {pair["mentee"]: pair["mentor"] for pair in run.result["pairs"]}
    done, other = bases["kids"][0], bases["kids"][2]
    MenteeProfile.objects.filter(person=done).update(status=ProfileStatus.COMPLETED)
    response = curator_client.post(
        url("run_accept", run=run.pk),
        {
            "accept": [str(done.pk), str(other.pk)],
            f"mentor_{done.pk}": str(pairs[done.pk]),
            f"mentor_{other.pk}": str(pairs[other.pk]),
            "action": "accept",
        },
    )
    said = [str(message) for message in get_messages(response.wsgi_request)]
    made = MentoringGroup.objects.get()  # only the other pupil's pair
    assert set(made.members.filter(role="mentee").values_list("person_id", flat=True)) == {other.pk}
    assert any("больше не участвует" in text and done.short_name in text for text in said), said
