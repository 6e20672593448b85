"""Small groups: no mean or distribution of fewer answers than ``QUESTIONNAIRE_MIN_GROUP_SIZE`` (3) is shown.

One pair's mean is its mentee's own answer; a class of two answers gives each pupil's away to the other.
The pages and the files say «not enough answers» instead — the people who answered are still counted.
"""

from __future__ import annotations

import io
from statistics import mean

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from monitoring.models import QuestionnaireResponse
from monitoring.questionnaires import selectors
from pairing.models import GroupMember, MentoringForm, MentoringGroup

from ..conftest import YEAR, client_for
from .test_questionnaire_engine import answer_all, campaign_for, make_people, shared
from .test_questionnaire_pages import download, run

KW = {"org": "school-a", "year": YEAR}


def page(name: str, **kwargs) -> str:
    return reverse(f"monitoring:{name}", kwargs={**KW, **kwargs})


def pairs_of(programme, sizes: list[int]):
    """One group per size, ``size`` pupils each with a teacher; a satisfaction campaign to every pupil."""
    form = MentoringForm.objects.get(key="teacher_pupil")
    groups, pupils = [], []
    for number, size in enumerate(sizes):
        members = make_people(programme, size, group_name=f"{5 + number}Б")
        teacher = make_people(programme, 1, side="mentor")[0]
        group = MentoringGroup.objects.create(programme=programme, form=form)
        GroupMember.objects.create(group=group, person=teacher, role="mentor")
        for pupil in members:
            GroupMember.objects.create(group=group, person=pupil, role="mentee")
        groups.append(group)
        pupils += members
    campaign = campaign_for(programme, shared("satisfaction-mentee"), pupils)
    for invitation in campaign.invitations.select_related("person"):
        group = next(g for g in groups if g.members.filter(person=invitation.person).exists())
        invitation.group = group
        invitation.save(update_fields=["group"])
    return campaign, groups


def score(invitation) -> int:
    """An answer of 1–10 that differs from pupil to pupil (an independent reference computes the means)."""
    return 1 + (invitation.person_id * 7) % 10


@pytest.mark.django_db
def test_a_pair_of_fewer_than_three_answers_shows_no_mean(programme, curator):
    campaign, (small, boundary, large) = pairs_of(programme, [2, 3, 4])
    answer_all(campaign, lambda inv: {"overall": str(score(inv)), "continue": "yes"})
    results = selectors.results(campaign)
    rows = {row.group.pk: row for row in results.pairs}
    assert rows[small.pk].suppressed and rows[small.pk].means == [] and rows[small.pk].respondents == 2
    overall_index = [item.key for item in results.scale_items].index("overall")
    for group in (boundary, large):
        expected = mean(
            score(inv) for inv in campaign.invitations.filter(group=group).select_related("person")
        )
        assert not rows[group.pk].suppressed
        assert rows[group.pk].means[overall_index] == pytest.approx(expected)
    content = client_for(curator).get(page("campaign_results", campaign=campaign.pk)).content.decode()
    assert content.count("недостаточно ответов") == 1  # the pair of two, and only it
    # the whole campaign (9 answers) is shown: the mean of every answer, as computed apart
    assert results.items[0].scale.mean == pytest.approx(
        mean(score(inv) for inv in campaign.invitations.select_related("person"))
    )


@pytest.mark.django_db
def test_results_filtered_to_a_small_pair_show_nothing_but_the_count(programme, curator):
    campaign, (small, large) = pairs_of(programme, [2, 4])
    answer_all(
        campaign, lambda inv: {"overall": str(score(inv)), "continue": "yes", "liked": f"Ответ {inv.pk}"}
    )
    client = client_for(curator)
    filtered = client.get(page("campaign_results", campaign=campaign.pk) + f"?group={small.pk}")
    content = filtered.content.decode()
    assert filtered.status_code == 200 and "results-suppressed" in content
    for invitation in campaign.invitations.filter(group=small):
        assert f"Ответ {invitation.pk}" not in content  # not even the free text
    assert selectors.results(campaign, group_id=small.pk).items == []
    big = client.get(page("campaign_results", campaign=campaign.pk) + f"?group={large.pk}").content.decode()
    assert "results-suppressed" not in big and "Ответ " in big


@pytest.mark.django_db
def test_a_campaign_answered_by_two_shows_nothing(programme, curator):
    pupils = make_people(programme, 5)
    campaign = campaign_for(programme, shared("satisfaction-mentee"), pupils)
    answer_all(campaign, {"overall": "9", "continue": "no"}, people=pupils[:2])
    results = selectors.results(campaign)
    assert results.suppressed and results.respondents == 2 and results.items == []
    content = client_for(curator).get(page("campaign_results", campaign=campaign.pk)).content.decode()
    assert "results-suppressed" in content and "2 респондента" in content
    answer_all(campaign, {"overall": "3", "continue": "yes"}, people=pupils[2:3])
    results = selectors.results(campaign)
    assert not results.suppressed and results.items[0].scale.mean == pytest.approx((9 + 9 + 3) / 3)
    assert QuestionnaireResponse.objects.count() == 3


@pytest.mark.django_db
def test_the_minimum_is_a_setting(programme, settings):
    campaign, (group,) = pairs_of(programme, [4])
    answer_all(campaign, lambda inv: {"overall": str(score(inv)), "continue": "yes"})
    assert not selectors.results(campaign).pairs[0].suppressed
    settings.QUESTIONNAIRE_MIN_GROUP_SIZE = 5
    assert selectors.results(campaign).suppressed
    settings.QUESTIONNAIRE_MIN_GROUP_SIZE = 1  # never below two: one answer is always one person's
    assert selectors.min_group_size() == 2


@pytest.mark.django_db
def test_the_excel_results_follow_the_same_rule(programme, curator, django_capture_on_commit_callbacks):
    campaign, (small, large) = pairs_of(programme, [1, 3])
    answer_all(campaign, lambda inv: {"overall": str(score(inv)), "continue": "yes"})
    client = client_for(curator)
    job = run(
        client,
        django_capture_on_commit_callbacks,
        "questionnaire_results",
        {"campaign": campaign.pk, "format": "xlsx"},
    )
    rows = list(load_workbook(io.BytesIO(download(client, job))).active.iter_rows(values_only=True))
    pair_rows = {
        row[0].split(":")[0]: row for row in rows if isinstance(row[0], str) and row[0].startswith("№ ")
    }
    assert pair_rows[f"№ {small.pk}"][1] == 1 and pair_rows[f"№ {small.pk}"][3] == "недостаточно ответов"
    assert isinstance(pair_rows[f"№ {large.pk}"][3], int | float)  # the pair of three: its mean, as a number


@pytest.mark.django_db
def test_before_after_tables_hide_small_classes_and_pairs(programme, curator):
    from .test_questionnaire_pages import grow

    before, after = grow(programme, 3, "А")  # 2 pairs of 3; one pupil of the first does not answer «after»
    result = selectors.comparison(after)
    sizes = {entry["label"]: (entry["row"].size, entry["suppressed"]) for entry in result.class_rows}
    assert sizes == {"7А": (2, True), "8А": (3, False)}
    assert sorted((e["row"].size, e["suppressed"]) for e in result.pair_rows) == [(2, True), (3, False)]
    content = client_for(curator).get(page("campaign_compare", campaign=after.pk)).content.decode()
    assert content.count("недостаточно ответов") == 2
