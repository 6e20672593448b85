"""Every file goes through Django's storage API: the code works on storage that has no paths.

Several web and worker hosts must see the same files, so the default storage may be a shared volume or
S3-compatible object storage (``S3_BUCKET``, django-storages). Each flow that writes or reads a file —
a report job's result and its download, an uploaded scan and its download, the bases' import with its
preview and its job, the purges, the erasure of an unfinished upload — runs here on two storages that
have no file system path:

- Django's ``InMemoryStorage`` whose ``path()`` raises, as a bucket's does (:class:`PathlessStorage`);
- a real S3 server (moto's standalone server, an independent implementation of the S3 protocol, started
  as a separate process on a local port) through the very settings ``S3_*`` build
  (``mentoring.settings.default_storage_from_env``). Skipped only if moto is not installed.

After each test ``MEDIA_ROOT`` must not exist: no code wrote beside the storage.
"""

from __future__ import annotations

import io
import os
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.storage import InMemoryStorage, storages
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from mentoring import stored_folders
from mentoring.access import Scope, access_for
from mentoring.models import Job
from mentoring.services import jobs_purge_expired
from participants import importing
from participants.models import Consent, Person
from reports.registry import XLSX, registry
from reports.services import report_start

from ..conftest import YEAR, client_for
from ..participants.test_import import confirm, mentee_row, upload, xlsx
from ..s3server import s3_endpoint  # noqa: F401 - the fixture
from ..test_files_and_headers import GOOD, _consent_post

pytestmark = [pytest.mark.django_db]
KW = {"org": "school-a", "year": YEAR}


class PathlessStorage(InMemoryStorage):
    """Files in memory, and no path to any of them (Django's in-memory storage would make one up)."""

    def path(self, name):
        raise NotImplementedError("This backend doesn't support absolute paths.")

    def _relative_path(self, name):  # the storage's own bookkeeping still needs its made-up paths
        return os.path.relpath(InMemoryStorage.path(self, name), self.location)


@pytest.fixture(params=["memory", "s3"])
def pathless_storage(request, settings, monkeypatch):
    media = Path(settings.MEDIA_ROOT)
    if request.param == "memory":
        default = {"BACKEND": f"{__name__}.PathlessStorage"}
    else:
        import boto3

        from mentoring.settings import default_storage_from_env

        endpoint = request.getfixturevalue("s3_endpoint")
        bucket = f"mentoring-{uuid.uuid4().hex[:12]}"
        credentials = {"aws_access_key_id": "test-key", "aws_secret_access_key": "test-secret"}
        boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1", **credentials).create_bucket(
            Bucket=bucket
        )
        for name, value in {
            "S3_BUCKET": bucket,
            "S3_ENDPOINT_URL": endpoint,
            "S3_REGION": "us-east-1",
            "S3_ACCESS_KEY_ID": credentials["aws_access_key_id"],
            "S3_SECRET_ACCESS_KEY": credentials["aws_secret_access_key"],
            "S3_PREFIX": "media",
            "S3_ADDRESSING_STYLE": "path",
        }.items():
            monkeypatch.setenv(name, value)
        default = default_storage_from_env()
        assert default["BACKEND"] == "storages.backends.s3.S3Storage"
    settings.STORAGES = {**settings.STORAGES, "default": default}
    storage = storages["default"]
    with pytest.raises(NotImplementedError):
        storage.path("anything")
    yield storage
    assert not media.exists(), f"written to the disk: {sorted(str(p) for p in media.rglob('*'))}"


def _all_names(storage, folder: str = "") -> list[str]:
    folders, files = storage.listdir(folder)
    names = [f"{folder}/{name}".lstrip("/") for name in files]
    for sub in folders:
        names += _all_names(storage, f"{folder}/{sub}".lstrip("/"))
    return names


def test_a_report_job_stores_its_file_and_the_download_streams_it(
    pathless_storage, school, programme, curator, django_capture_on_commit_callbacks
):
    scope = Scope(organization=school, programme=programme, access=access_for(curator, school))
    with django_capture_on_commit_callbacks(execute=True):
        job = report_start(user=curator, scope=scope, report=registry.get("members"), fmt=XLSX, options={})
    job.refresh_from_db()
    assert job.status == Job.Status.DONE, job.error
    assert pathless_storage.exists(job.result_file.name)
    with pathless_storage.open(job.result_file.name, "rb") as handle:
        stored = handle.read()
    response = client_for(curator).get(reverse("job_download", kwargs={**KW, "job": job.pk}))
    assert response.status_code == 200 and response.streaming
    sent = b"".join(response.streaming_content)
    assert sent == stored
    assert load_workbook(io.BytesIO(sent)).active.max_row >= 2
    # the expiry purge deletes it from the storage
    Job.objects.filter(pk=job.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    assert jobs_purge_expired() == 1
    assert not pathless_storage.exists(job.result_file.name)
    assert client_for(curator).get(reverse("job_download", kwargs={**KW, "job": job.pk})).status_code == 404


def test_an_uploaded_scan_is_stored_and_sent_back(pathless_storage, curator, mentee):
    client = client_for(curator)
    assert _consent_post(client, mentee, "soglasie.jpg", GOOD["photo.jpg"]).status_code == 302
    consent = Consent.objects.filter(person=mentee).exclude(scan="").latest("pk")
    assert pathless_storage.exists(consent.scan.name)
    response = client.get(reverse("participants:consent_scan", kwargs={**KW, "consent": consent.pk}))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == GOOD["photo.jpg"]
    pathless_storage.delete(consent.scan.name)  # gone from the storage (another host deleted it): 404
    response = client.get(reverse("participants:consent_scan", kwargs={**KW, "consent": consent.pk}))
    assert response.status_code == 404


def test_the_bases_import_keeps_its_upload_in_the_storage(
    pathless_storage, curator_client, school, programme, django_capture_on_commit_callbacks
):
    rows = [
        mentee_row(number, ID=f"S-{number}", **{"Фамилия *": f"Фамилия{number}"}) for number in range(501)
    ]
    assert upload(curator_client, xlsx(rows)).status_code == 302
    stored = importing.preview_load(curator_client.session, programme)
    assert sorted(stored_folders.files(stored.folder)) == ["rows.json", "upload.xlsx"]
    assert len(stored.parsed().rows) == 501
    assert curator_client.get(reverse("participants:import_preview", kwargs=KW)).status_code == 200
    response = confirm(curator_client, capture=django_capture_on_commit_callbacks)
    job = Job.objects.get(kind=importing.JOB_KIND)
    assert response.status_code == 302
    assert job.status == Job.Status.DONE, job.error
    assert Person.objects.count() == 501
    assert _all_names(pathless_storage, "imports") == []


def test_stale_uploads_are_purged_from_the_storage(pathless_storage, school, curator):
    running = Job.objects.create(
        kind=importing.JOB_KIND, title="t", organization=school, created_by=curator, status=Job.Status.RUNNING
    )
    abandoned = stored_folders.file_name(importing.imports_root(), uuid.uuid4().hex)
    for folder in (abandoned, importing.job_folder(running.pk)):
        stored_folders.write(folder, "upload.xlsx", b"x")
    assert importing.imports_purge_stale(max_age=timedelta(hours=1)) == 0  # both are fresh
    assert importing.imports_purge_stale(max_age=timedelta(0)) == 1
    assert _all_names(pathless_storage, "imports") == [f"{importing.job_folder(running.pk)}/upload.xlsx"]


def test_withdrawing_a_consent_deletes_an_unfinished_upload_that_names_her(
    pathless_storage, curator_client, curator, mentee, programme, django_capture_on_commit_callbacks
):
    from participants.services import consent_withdraw

    naming = xlsx([mentee_row(1, **{"Фамилия *": mentee.last_name, "Имя *": mentee.first_name})])
    assert upload(curator_client, naming).status_code == 302
    other = stored_folders.file_name(importing.imports_root(), uuid.uuid4().hex)
    stored_folders.write(other, "upload.xlsx", xlsx([mentee_row(2, **{"Фамилия *": "Сидоров"})]))
    consent = Consent.objects.filter(person=mentee).latest("pk")
    with django_capture_on_commit_callbacks(execute=True):
        consent_withdraw(actor=curator, consent=consent, withdrawn_on=timezone.localdate())
    assert _all_names(pathless_storage, "imports") == [f"{other}/upload.xlsx"]


def test_the_settings_build_the_s3_storage_only_when_a_bucket_is_named(monkeypatch):
    from mentoring.settings import default_storage_from_env

    monkeypatch.delenv("S3_BUCKET", raising=False)
    assert default_storage_from_env() == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    monkeypatch.setenv("S3_BUCKET", "region-files")
    built = default_storage_from_env()
    assert built["OPTIONS"]["bucket_name"] == "region-files"
    assert built["OPTIONS"]["file_overwrite"] is False and built["OPTIONS"]["default_acl"] is None


def test_no_module_opens_stored_files_by_path():
    """A guard for what the tests above cannot reach: no project module joins MEDIA_ROOT into a path
    or asks a stored file for its path (``.path`` works on a file system only)."""
    root = Path(__file__).resolve().parents[2]
    offenders = []
    for app in ("mentoring", "roadmap", "participants", "pairing", "monitoring", "reports"):
        for source in (root / app).rglob("*.py"):
            text = source.read_text(encoding="utf-8")
            for number, line in enumerate(text.splitlines(), 1):
                code = line.split("#", 1)[0]
                suspicious = "settings.MEDIA_ROOT" in code or ".file.path" in code or "storage.path(" in code
                if suspicious and source.name != "stored_folders.py":
                    offenders.append(f"{source.relative_to(root)}:{number}: {line.strip()}")
    assert offenders == []
