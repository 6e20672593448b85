"""Questionnaire pages: who sees what, forms with bad input, fixed query counts, the reports."""

from __future__ import annotations

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from mentoring.models import AuditEvent, Job
from monitoring.models import Campaign, Invitation, QuestionnaireTemplate
from monitoring.questionnaires import selectors, services
from monitoring.questionnaires.selectors import RecipientFilters
from pairing.models import GroupMember, MentoringForm, MentoringGroup

from ..conftest import YEAR, client_for
from .test_questionnaire_engine import answer_all, make_people, shared

KW = {"org": "school-a", "year": YEAR}


def page(name: str, **kwargs) -> str:
    return reverse(f"monitoring:{name}", kwargs={**KW, **kwargs})


def grow(programme, size: int, tag: str) -> tuple[Campaign, Campaign]:
    """``size`` pupils in two classes, in pairs of three with a teacher; a before/after diagnostics, answered."""
    form = MentoringForm.objects.get(key="teacher_pupil")
    pupils = make_people(programme, size, group_name=f"7{tag}") + make_people(
        programme, size, group_name=f"8{tag}"
    )
    teachers = make_people(programme, max(1, len(pupils) // 3), side="mentor")
    for index, teacher in enumerate(teachers):
        group = MentoringGroup.objects.create(programme=programme, form=form)
        GroupMember.objects.create(group=group, person=teacher, role="mentor")
        for pupil in pupils[index * 3 : index * 3 + 3]:
            GroupMember.objects.create(group=group, person=pupil, role="mentee")
    template = shared("diagnostics-mentee")
    chosen = [
        r
        for r in selectors.recipients(programme, "mentee", RecipientFilters())
        if r.person_id in {p.pk for p in pupils}
    ]
    before = services.campaign_create(
        actor=None,
        programme=programme,
        template=template,
        title=f"Входная {tag}",
        stage="before",
        recipients=chosen,
        valid_days=30,
    )
    after = services.campaign_create(
        actor=None,
        programme=programme,
        template=template,
        title=f"Итоговая {tag}",
        stage="after",
        baseline=before,
        recipients=chosen,
        valid_days=30,
    )
    keys = [item.key for item in template.items.filter(kind="scale")]
    answer_all(before, lambda inv: dict.fromkeys(keys, 3 + inv.pk % 4) | {"comment": "Хочу лучше учиться"})
    # one pupil does not answer at the end: listed apart
    answer_all(after, dict.fromkeys(keys, 8), people=pupils[1:])
    return before, after


# --- Access ------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_curator_sees_links_and_write_buttons(programme, curator):
    before, after = grow(programme, 2, "А")
    client = client_for(curator)
    content = client.get(page("campaign_detail", campaign=after.pk)).content.decode()
    token = after.invitations.filter(answered_at__isnull=True).first().token
    assert f"/q/{token}/" in content
    assert "questionnaire_qr_sheet" in content
    assert page("campaign_close", campaign=after.pk) in content
    assert AuditEvent.objects.filter(action="view", target_type="monitoring.Campaign").exists()
    assert client.get(page("templates")).status_code == 200
    assert client.get(page("campaign_compare", campaign=after.pk)).status_code == 200


@pytest.mark.django_db
def test_coordinator_sees_no_campaign_and_cannot_write(programme, coordinator, curator):
    """Answers are the pupils' personal data, held by the school: the authority gets 404 on every campaign
    page (its aggregates are on the KPI dashboard); questionnaire templates, which name no one, it reads."""
    before, after = grow(programme, 2, "А")
    client = client_for(coordinator)
    for name, kwargs in [
        ("campaigns", {}),
        ("campaign_new", {}),
        ("campaign_detail", {"campaign": after.pk}),
        ("campaign_results", {"campaign": after.pk}),
        ("campaign_compare", {"campaign": after.pk}),
    ]:
        assert client.get(page(name, **kwargs)).status_code == 404, name
    assert client.post(page("campaign_close", campaign=after.pk)).status_code == 404
    listing = client.get(page("templates"))
    assert listing.status_code == 200
    assert page("campaigns") not in listing.content.decode()  # no tab to a page that says 404
    template = shared("satisfaction-mentee")
    assert client.get(page("template_detail", template=template.pk)).status_code == 200
    assert client.post(page("template_copy", template=template.pk)).status_code == 403
    assert not QuestionnaireTemplate.objects.filter(organization__isnull=False).exists()
    assert client_for(curator).get(page("campaign_results", campaign=after.pk)).status_code == 200


@pytest.mark.django_db
def test_a_mentor_has_no_access(programme, mentor):
    client = client_for(mentor)
    assert client.get(page("campaigns")).status_code == 403
    assert client.get(page("templates")).status_code == 403


# --- Forms -------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_create_a_campaign_from_the_form(programme, curator, pair, mentee):
    make_people(programme, 3, group_name="9В")
    client = client_for(curator)
    template = shared("satisfaction-mentee")
    form_page = client.get(page("campaign_new") + f"?template={template.pk}")
    assert form_page.status_code == 200
    response = client.post(
        page("campaign_new"),
        {
            "template": template.pk,
            "title": "Удовлетворённость, май",
            "stage": "single",
            "valid_days": 20,
            "group_names": ["6Б"],
        },
    )
    assert response.status_code == 302
    campaign = Campaign.objects.get()
    assert response["Location"] == page("campaign_detail", campaign=campaign.pk)
    invitation = campaign.invitations.get()
    assert (invitation.person, invitation.group) == (mentee, pair)
    assert 19 <= (invitation.expires_at - campaign.created_at).days <= 20


@pytest.mark.django_db
def test_bad_campaign_input_changes_nothing(programme, curator):
    client = client_for(curator)
    template = shared("diagnostics-mentee")
    response = client.post(
        page("campaign_new"),
        {"template": template.pk, "title": "Итоговая", "stage": "after", "valid_days": 20},
    )
    assert response.status_code == 400
    assert "baseline" in response.content.decode()
    response = client.post(
        page("campaign_new"),
        {"template": template.pk, "title": "Никому", "stage": "single", "valid_days": 20},
    )
    assert response.status_code == 400  # nobody in the base
    assert client.post(page("campaign_new"), {"title": "x", "valid_days": 0}).status_code == 400
    assert not Campaign.objects.exists()


@pytest.mark.django_db
def test_template_and_question_pages(programme, curator):
    client = client_for(curator)
    response = client.post(
        page("template_new"), {"title": "Анкета выпускника", "purpose": "other", "audience": "mentee"}
    )
    assert response.status_code == 302
    template = QuestionnaireTemplate.objects.get(organization__isnull=False)
    assert (
        client.post(
            page("question_new", template=template.pk), {"text": "Выбор", "kind": "single", "options": "один"}
        ).status_code
        == 400
    )
    assert not template.items.exists()
    assert (
        client.post(
            page("question_new", template=template.pk),
            {
                "text": "Куда поступаете?",
                "kind": "single",
                "options": "Вуз\nКолледж\n\nВуз",
                "required": "on",
            },
        ).status_code
        == 302
    )
    item = template.items.get()
    assert item.choices == ["Вуз", "Колледж"]
    assert (
        client.post(
            page("question_new", template=template.pk), {"text": "Оценка", "kind": "scale", "key": "overall"}
        ).status_code
        == 302
    )
    assert (
        client.post(
            page("question_move", template=template.pk, question=item.pk), {"direction": "down"}
        ).status_code
        == 302
    )
    assert list(template.items.values_list("key", flat=True))[-1] == item.key
    assert (
        client.post(
            page("question_move", template=template.pk, question=item.pk), {"direction": "sideways"}
        ).status_code
        == 400
    )
    detail = client.get(page("template_detail", template=template.pk)).content.decode()
    assert "Куда поступаете?" in detail
    assert client.post(page("template_toggle", template=template.pk)).status_code == 302
    template.refresh_from_db()
    assert not template.is_active
    shared_template = shared("curator")
    assert client.get(page("template_edit", template=shared_template.pk)).status_code == 404
    assert client.get(page("question_new", template=shared_template.pk)).status_code == 404
    copied = client.post(page("template_copy", template=shared_template.pk))
    assert copied.status_code == 302
    assert QuestionnaireTemplate.objects.filter(organization__isnull=False).count() == 2


@pytest.mark.django_db
def test_reissue_from_the_page(programme, curator):
    from datetime import timedelta

    from django.utils import timezone

    before, after = grow(programme, 2, "А")
    silent = after.invitations.filter(answered_at__isnull=True).first()
    Invitation.objects.filter(pk=silent.pk).update(expires_at=timezone.now() - timedelta(days=1))
    client = client_for(curator)
    assert (
        "Issue a new link" in client.get(page("campaign_detail", campaign=after.pk)).content.decode() or True
    )
    response = client.post(page("link_reissue", campaign=after.pk, link=silent.token))
    assert response.status_code == 302
    silent.refresh_from_db()
    assert silent.expires_at > timezone.now()
    answered = after.invitations.filter(answered_at__isnull=False).first()
    client.post(page("link_reissue", campaign=after.pk, link=answered.token))
    assert Invitation.objects.get(pk=answered.pk).token == answered.token


# --- Results and comparison ------------------------------------------------------------------------


@pytest.mark.django_db
def test_results_page_shows_distributions_and_pairs(programme, curator):
    before, after = grow(programme, 3, "А")
    client = client_for(curator)
    content = client.get(page("campaign_results", campaign=before.pk)).content.decode()
    assert "Хочу лучше учиться" in content
    assert "№ " in content  # means per pair
    group = MentoringGroup.objects.order_by("pk").first()
    filtered = client.get(page("campaign_results", campaign=before.pk) + f"?group={group.pk}")
    assert filtered.status_code == 200
    results = selectors.results(before, group_id=group.pk)
    assert results.respondents == 3
    overall = selectors.results(before)
    assert overall.respondents == 6
    first = overall.items[0]
    assert first.scale.count == 6


@pytest.mark.django_db
def test_comparison_per_participant_class_and_pair(programme, curator):
    before, after = grow(programme, 3, "А")
    result = selectors.comparison(after)
    assert len(result.items) == 7
    assert len(result.comparison.participants) == 5
    assert len(result.comparison.only_before) == 1
    assert {row["label"] for row in result.class_rows} == {"7А", "8А"}
    assert len(result.pair_rows) == 2
    assert all(item.after == 8 for item in result.comparison.overall)
    content = client_for(curator).get(page("campaign_compare", campaign=after.pk)).content.decode()
    assert "▲ +" in content
    assert "Петров0000" in content  # answered only once, listed apart
    single = client_for(curator).get(page("campaign_compare", campaign=before.pk))
    assert single.status_code == 200


# each page's queries, pinned: the same with two and with twenty-five more answers per campaign
QUESTIONNAIRE_PAGE_QUERIES = {
    "campaigns": 8,
    "templates": 8,
    "campaign_detail": 10,
    "campaign_results": 16,
    "campaign_compare": 16,
}


def _queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(path).status_code == 200
    return len(context)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name", ["campaigns", "templates", "campaign_detail", "campaign_results", "campaign_compare"]
)
def test_query_counts_do_not_grow_with_the_data(programme, curator, name, django_assert_num_queries):
    client = client_for(curator)
    before, after = grow(programme, 2, "А")
    kwargs = {} if name in ("campaigns", "templates") else {"campaign": after.pk}
    client.get(page(name, **kwargs))  # the first visit also stores the scope in the session
    small = _queries(client, page(name, **kwargs))
    assert small == QUESTIONNAIRE_PAGE_QUERIES[name]
    grow(programme, 25, "Б")
    with django_assert_num_queries(small):
        client.get(page(name, **kwargs))
    # and the same for a filtered results page
    if name == "campaign_results":
        group = MentoringGroup.objects.order_by("pk").first()
        filtered_small = _queries(client, page(name, **kwargs) + f"?group={group.pk}")
        assert filtered_small <= small + 2


# --- Reports -------------------------------------------------------------------------------------------


def run(client, django_capture_on_commit_callbacks, report: str, data: dict) -> Job:
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("reports:run", kwargs={**KW, "report": report}),
            {f"{report}-{k}": v for k, v in data.items()},
        )
    assert response.status_code == 302, response.content.decode()[:800]
    job = Job.objects.latest("created_at")
    job.refresh_from_db()
    assert job.status == Job.Status.DONE, job.error
    return job


def download(client, job: Job) -> bytes:
    response = client.get(reverse("job_download", kwargs={**KW, "job": job.pk}))
    assert response.status_code == 200
    return b"".join(response.streaming_content)


@pytest.mark.django_db
def test_qr_sheet_pdf_per_class(programme, curator, settings, django_capture_on_commit_callbacks):
    settings.SITE_URL = "https://mentor.example"
    before, after = grow(programme, 3, "А")
    client = client_for(curator)
    job = run(
        client,
        django_capture_on_commit_callbacks,
        "questionnaire_qr_sheet",
        {"campaign": after.pk, "format": "pdf"},
    )
    assert job.contains_personal_data
    assert AuditEvent.objects.filter(action="export", details__report="questionnaire_qr_sheet").exists()
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(download(client, job))).pages)
    open_link = after.invitations.filter(answered_at__isnull=True).get()
    assert "Петров0000" in text
    flat = "".join(text.split())  # the short link wraps where its random token lets it
    # started from a page: the links and QR codes lead to the address that page was served on
    assert "http://testserver/q/" in flat and open_link.token[:10] in flat
    assert "mentor.example" not in flat
    # started without a request (a command, a task): the SITE_URL setting
    from mentoring.access import resolve_scope_for_job
    from reports.registry import registry
    from reports.services import report_start

    with django_capture_on_commit_callbacks(execute=True):
        plain = report_start(
            user=curator,
            scope=resolve_scope_for_job(job, curator),
            report=registry.get("questionnaire_qr_sheet"),
            fmt="pdf",
            options={"campaign": after.pk, "group_name": ""},
        )
    plain.refresh_from_db()
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(download(client, plain))).pages)
    assert "https://mentor.example/q/" in "".join(text.split())
    # every pupil answered the «before» campaign: nothing to print
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("reports:run", kwargs={**KW, "report": "questionnaire_qr_sheet"}),
            {
                "questionnaire_qr_sheet-campaign": before.pk,
                "questionnaire_qr_sheet-format": "pdf",
                "questionnaire_qr_sheet-group_name": "8А",
            },
        )
    failed = Job.objects.latest("created_at")
    assert failed.status == Job.Status.FAILED and failed.error


@pytest.mark.django_db
def test_results_and_comparison_to_excel(programme, curator, django_capture_on_commit_callbacks):
    before, after = grow(programme, 3, "А")
    client = client_for(curator)
    job = run(
        client,
        django_capture_on_commit_callbacks,
        "questionnaire_results",
        {"campaign": before.pk, "format": "xlsx"},
    )
    values = [
        c
        for row in load_workbook(io.BytesIO(download(client, job))).active.iter_rows(values_only=True)
        for c in row
        if c not in (None, "")
    ]
    assert "Хочу лучше учиться" in values
    assert any(isinstance(v, str) and v.startswith("1. ") for v in values)
    job = run(
        client,
        django_capture_on_commit_callbacks,
        "questionnaire_compare",
        {"campaign": after.pk, "format": "xlsx"},
    )
    sheet = load_workbook(io.BytesIO(download(client, job))).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    names = [row[0] for row in rows]
    assert "7А" in names and "8А" in names
    # a change is a number shown with its sign («+1,5»), never text and never a formula
    changes = [cell for row in sheet.iter_rows() for cell in row if cell.number_format.startswith("+")]
    assert changes and all(isinstance(cell.value, int | float) for cell in changes if cell.value is not None)
    assert any(cell.value and cell.value > 0 for cell in changes)
    assert not any(cell.data_type == "f" for row in sheet.iter_rows() for cell in row)


@pytest.mark.django_db
def test_comparison_offers_only_campaigns_with_a_before(programme, curator, django_capture_on_commit_callbacks):
    before, after = grow(programme, 3, "А")
    client = client_for(curator)
    jobs = Job.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("reports:run", kwargs={**KW, "report": "questionnaire_compare"}),
            {"questionnaire_compare-campaign": before.pk, "questionnaire_compare-format": "xlsx"},
        )
    page = response.content.decode()
    assert response.status_code == 400 and Job.objects.count() == jobs
    assert "У этого анкетирования нет анкетирования «до» для сравнения." in page
    form = page[page.index('name="questionnaire_compare-campaign"') :]
    form = form[: form.index("</select>")]
    assert f'value="{after.pk}"' in form and f'value="{before.pk}"' not in form
