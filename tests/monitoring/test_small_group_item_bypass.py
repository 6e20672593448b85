"""An optional question answered by one pupil of a campaign (or a pair) of several respondents."""

import io

import pytest
from openpyxl import load_workbook

from monitoring.models import QuestionItem
from monitoring.questionnaires import selectors
from monitoring.questionnaires.services import response_submit

from ..conftest import client_for
from .test_questionnaire_pages import download, run
from .test_questionnaire_small_groups import page, pairs_of


def _four_answers_one_optional(programme):
    campaign, (group,) = pairs_of(programme, [4])
    extra = QuestionItem.objects.create(
        template=campaign.template,
        key="extra",
        text="Насколько трудно было?",
        kind="scale",
        scale_min=1,
        scale_max=10,
        required=False,
        position=99,
    )
    items = {item.key: item for item in campaign.template.items.all()}
    for number, invitation in enumerate(campaign.invitations.order_by("pk")):
        answers = {items["overall"].pk: 8, items["continue"].pk: "yes"}
        if number == 0:
            answers[extra.pk] = 2  # only this pupil answers the optional question
        response_submit(invitation=invitation, answers=answers)
    return campaign, extra


@pytest.mark.django_db
def test_an_optional_question_answered_by_one_pupil_shows_no_mean(programme):
    campaign, (group,) = pairs_of(programme, [4])
    extra = QuestionItem.objects.create(
        template=campaign.template,
        key="extra",
        text="Насколько трудно было?",
        kind="scale",
        scale_min=1,
        scale_max=10,
        required=False,
        position=99,
    )
    invitations = list(campaign.invitations.order_by("pk"))
    from monitoring.questionnaires.services import response_submit

    items = {item.key: item for item in campaign.template.items.all()}
    for number, invitation in enumerate(invitations):
        answers = {items["overall"].pk: 8, items["continue"].pk: "yes"}
        if number == 0:
            answers[extra.pk] = 2  # only this pupil answers the optional question
        response_submit(invitation=invitation, answers=answers)
    results = selectors.results(campaign)
    assert results.respondents == 4 and not results.suppressed
    shown = next(result for result in results.items if result.item.pk == extra.pk)
    # one answer: the «mean» and the distribution are this pupil's own answer
    assert shown.scale is None or shown.scale.mean is None, shown.scale
    row = results.pairs[0]
    extra_index = [item.pk for item in results.scale_items].index(extra.pk)
    assert row.means == [] or row.means[extra_index] is None, row.means


@pytest.mark.django_db
def test_the_page_and_the_excel_file_say_not_enough_answers_for_that_question(
    programme, curator, django_capture_on_commit_callbacks
):
    campaign, extra = _four_answers_one_optional(programme)
    results = selectors.results(campaign)
    shown = next(result for result in results.items if result.item.pk == extra.pk)
    assert shown.suppressed and shown.answered == 1
    overall = next(result for result in results.items if result.item.key == "overall")
    assert not overall.suppressed and overall.scale.mean == 8  # four answers: shown
    client = client_for(curator)
    content = client.get(page("campaign_results", campaign=campaign.pk)).content.decode()
    assert content.count("недостаточно ответов") == 1
    job = run(
        client,
        django_capture_on_commit_callbacks,
        "questionnaire_results",
        {"campaign": campaign.pk, "format": "xlsx"},
    )
    rows = list(load_workbook(io.BytesIO(download(client, job))).active.iter_rows(values_only=True))
    start = next(i for i, row in enumerate(rows) if row[0] and "Насколько трудно было?" in str(row[0]))
    assert "недостаточно ответов" in str(rows[start + 1][0]).lower() and rows[start + 1][1] == 1
    assert not any(row[0] == "2" for row in rows[start + 1 : start + 4])  # no distribution of the answer
