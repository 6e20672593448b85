"""A report started from a page: the form says at once that the file is being prepared, the job page
downloads the file in one click and its «Back» returns to the page the curator started from (only a path
on this site: no open redirect)."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from mentoring.models import Job

from ..conftest import YEAR, client_for

pytestmark = pytest.mark.django_db

KW = {"org": "school-a", "year": YEAR}
RUN = reverse("reports:run", kwargs={**KW, "report": "roadmap"})
ROADMAP = reverse("roadmap:index", kwargs=KW)


def start(client, django_capture_on_commit_callbacks, **extra):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(RUN, {"roadmap-format": "xlsx", **extra.pop("data", {})}, **extra)
    assert response.status_code == 302
    return response


def test_back_returns_to_the_starting_page_and_the_file_downloads_in_one_click(
    curator, programme, django_capture_on_commit_callbacks
):
    client = client_for(curator)
    response = start(
        client, django_capture_on_commit_callbacks, HTTP_REFERER=f"http://testserver{ROADMAP}?status=overdue"
    )
    location = urlsplit(response["Location"])
    assert parse_qs(location.query)["next"] == [f"{ROADMAP}?status=overdue"]
    page = client.get(response["Location"]).content.decode()
    assert f'href="{ROADMAP}?status=overdue"' in page and "Назад" in page
    job = Job.objects.get()
    assert job.status == Job.Status.DONE  # built in-process: no worker in the tests
    download = reverse("job_download", kwargs={**KW, "job": job.pk})
    assert f'href="{download}"' in page
    file = client.get(download)
    assert file.status_code == 200 and b"".join(file.streaming_content)[:2] == b"PK"


@pytest.mark.parametrize(
    "unsafe",
    [
        "https://evil.example/steal",
        "//evil.example/steal",
        "javascript:alert(1)",
        "http://testserver.evil.example/",
        "\\\\evil.example",
        "",
    ],
)
def test_an_unsafe_next_is_ignored(curator, programme, django_capture_on_commit_callbacks, unsafe):
    client = client_for(curator)
    response = start(client, django_capture_on_commit_callbacks, data={"next": unsafe}, HTTP_REFERER=unsafe)
    assert "next=" not in response["Location"]
    job = Job.objects.get()
    page = client.get(
        reverse("job_detail", kwargs={**KW, "job": job.pk}), {"next": unsafe}
    ).content.decode()
    assert "evil.example" not in page and "javascript:" not in page
    assert reverse("reports:index", kwargs=KW) in page  # the usual way back


def test_an_explicit_next_wins_over_the_referer(curator, programme, django_capture_on_commit_callbacks):
    client = client_for(curator)
    response = start(
        client,
        django_capture_on_commit_callbacks,
        data={"next": ROADMAP},
        HTTP_REFERER="http://testserver/elsewhere/",
    )
    assert parse_qs(urlsplit(response["Location"]).query)["next"] == [ROADMAP]


def test_the_forms_that_start_a_report_say_it_is_being_prepared(curator, programme):
    client = client_for(curator)
    # a report's options form is loaded into the «Отчёты» page when opened (reports:options)
    options = reverse("reports:options", kwargs={**KW, "report": "roadmap"})
    for url in (options, ROADMAP):
        page = client.get(url).content.decode()
        assert 'data-busy="Файл готовится…"' in page, url
