"""Uploads, downloads and the headers of every page (issue 12, «Uploads, headers, deployment»).

- One allow-list and one size limit for every document a school attaches (evidence of a roadmap
  event or a plan task, a scanned consent, a partner's agreement), checked by content, not by name.
- Every stored file leaves as an attachment with a content type from our table, ``nosniff``,
  ``no-store`` and a sandboxing policy — also a file stored before these checks existed.
- Every page: a Content-Security-Policy without inline script or style, and ``Cache-Control: no-store``;
  no template or rendered page carries an inline script, style or event handler.
- The bases' import template escapes formula-like partner names like every other export.
- Deployment: gunicorn published on loopback, trusting forwarded headers only from the proxy.
"""

from __future__ import annotations

import io
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook
from PIL import Image

from mentoring.files import DOCUMENT_KINDS, document_error
from participants.import_template import build_template
from participants.importing import REFERENCE_SHEET
from participants.models import Consent

from .conftest import YEAR, client_for
from .test_permission_matrix import MATRIX, ROLES, project_routes
from .test_permissions import build_path

ROOT = Path(__file__).resolve().parents[1]
KW = {"org": "school-a", "year": YEAR}


# --- sample files, made as the programs that write them would -----------------------------------------


def _image(fmt: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "#3a6").save(buffer, fmt)
    return buffer.getvalue()


def _docx() -> bytes:
    from docx import Document

    buffer = io.BytesIO()
    document = Document()
    document.add_paragraph("Приказ № 1")
    document.save(buffer)
    return buffer.getvalue()


def _xlsx() -> bytes:
    from openpyxl import Workbook

    buffer = io.BytesIO()
    Workbook().save(buffer)
    return buffer.getvalue()


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
GOOD = {
    "scan.pdf": PDF,
    "SCAN.PDF": PDF,
    "photo.jpg": _image("JPEG"),
    "photo.jpeg": _image("JPEG"),
    "photo.png": _image("PNG"),
    "prikaz.docx": _docx(),
    "table.xlsx": _xlsx(),
    "slides.pptx": _zip({"[Content_Types].xml": b"<x/>", "ppt/presentation.xml": b"<x/>"}),
    "text.odt": _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"}),
    "table.ods": _zip({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"}),
    "old.doc": OLE,
    "old.xls": OLE,
    "late-header.pdf": b"\n\n junk \n" + PDF,
}
BAD = {
    "page.html": (b"<html><script>alert(1)</script></html>", "не принимаются"),
    "image.svg": (b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "не принимаются"),
    "run.exe": (b"MZ\x90\x00", "не принимаются"),
    "script.js": (b"alert(1)", "не принимаются"),
    "no-extension": (PDF, "не принимаются"),
    "page.pdf": (b"<html><script>alert(1)</script></html>", "не соответствует"),
    "photo.png": (_image("JPEG"), "не соответствует"),
    "fake.docx": (_zip({"hello.txt": b"hi"}), "не соответствует"),
    "broken.docx": (b"PK\x03\x04 not really a zip", "не соответствует"),
    "fake.odt": (_zip({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"}), "не соответствует"),
    "fake.doc": (b"{\\rtf1 hello}", "не соответствует"),
    "empty.pdf": (b"", "пустой"),
}


@pytest.mark.parametrize("name", list(GOOD))
def test_every_allowed_kind_of_document_is_accepted(name):
    upload = SimpleUploadedFile(name, GOOD[name])
    assert document_error(upload) is None
    assert upload.tell() == 0  # the check leaves the file where it was, ready to be saved


@pytest.mark.parametrize("name", list(BAD))
def test_a_wrong_or_renamed_file_is_refused(name):
    data, reason = BAD[name]
    assert reason in (document_error(SimpleUploadedFile(name, data)) or "")


def test_the_size_limit_is_the_evidence_limit(settings):
    settings.EVIDENCE_MAX_BYTES = len(PDF) - 1
    assert "слишком большой" in document_error(SimpleUploadedFile("scan.pdf", PDF))
    settings.EVIDENCE_MAX_BYTES = len(PDF)
    assert document_error(SimpleUploadedFile("scan.pdf", PDF)) is None


def test_the_allow_list_is_the_documented_one():
    assert set(DOCUMENT_KINDS) == {
        "pdf",
        "jpg",
        "jpeg",
        "png",
        "docx",
        "xlsx",
        "pptx",
        "odt",
        "ods",
        "doc",
        "xls",
    }


# --- through the pages: a scan, an agreement, evidence ---------------------------------------------------


def _consent_post(client, mentee, name: str, data: bytes):
    return client.post(
        reverse("participants:consent_add", kwargs={**KW, "person": mentee.pk}),
        {
            "scope": Consent.Scope.PERSONAL_DATA,
            "given_by": Consent.GivenBy.REPRESENTATIVE,
            "representative_name": "Иванова Мария Петровна",
            "representative_relation": "мать",
            "given_on": "2025-09-01",
            "scan": SimpleUploadedFile(name, data),
        },
    )


@pytest.mark.django_db
def test_a_consent_scan_must_be_a_real_document(curator, mentee):
    client = client_for(curator)
    before = Consent.objects.count()
    response = _consent_post(client, mentee, "soglasie.html", b"<script>alert(1)</script>")
    assert response.status_code in (200, 400)
    assert "Файлы такого типа не принимаются" in response.content.decode()
    assert Consent.objects.count() == before
    response = _consent_post(client, mentee, "soglasie.pdf", b"<script>alert(1)</script>")
    assert "не соответствует расширению" in response.content.decode()
    assert Consent.objects.count() == before
    assert _consent_post(client, mentee, "soglasie.jpg", GOOD["photo.jpg"]).status_code == 302
    assert Consent.objects.count() == before + 1


@pytest.mark.django_db
def test_a_partner_agreement_must_be_a_real_document(curator, partner):
    client = client_for(curator)
    url = reverse("participants:partner_edit", kwargs={**KW, "partner": partner.pk})
    stored = partner.agreement_file.name
    data = {
        "name": partner.name,
        "kind": partner.kind,
        "agreement_file": SimpleUploadedFile("dogovor.exe", b"MZ"),
    }
    response = client.post(url, data)
    assert "Файлы такого типа не принимаются" in response.content.decode()
    partner.refresh_from_db()
    assert partner.agreement_file.name == stored
    # saving the partner again without a new file keeps the stored one (not re-checked)
    response = client.post(url, {"name": partner.name + " (новое имя)", "kind": partner.kind})
    assert response.status_code == 302
    partner.refresh_from_db()
    assert partner.agreement_file.name == stored


@pytest.mark.django_db
def test_roadmap_evidence_must_be_a_real_document(curator, roadmap_event):
    client = client_for(curator)
    url = reverse("roadmap:event_done", kwargs={**KW, "event": roadmap_event.pk})
    count = roadmap_event.evidence.count()
    response = client.post(
        url, {"completed_on": "2025-10-01", "file": SimpleUploadedFile("otchet.svg", b"<svg/>")}
    )
    assert "Файлы такого типа не принимаются" in response.content.decode()
    assert roadmap_event.evidence.count() == count


def test_the_services_refuse_what_the_forms_refuse(db):
    from monitoring.plans.services import PlanError, _check_file
    from roadmap.services import RoadmapError, evidence_add

    with pytest.raises(PlanError):
        _check_file(SimpleUploadedFile("a.html", b"<b>"))
    with pytest.raises(RoadmapError):
        evidence_add(actor=None, event=None, file=SimpleUploadedFile("a.html", b"<b>"))


# --- downloads ------------------------------------------------------------------------------------------


def _assert_safe_download(response, content_type: str) -> None:
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Type"] == content_type
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "no-store"
    assert "sandbox" in response["Content-Security-Policy"]
    assert "default-src 'none'" in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_every_download_is_a_safe_attachment(url_values, curator):
    client = client_for(curator)
    downloads = {
        "roadmap:evidence_download": "application/pdf",
        "participants:consent_scan": "application/pdf",
        "participants:partner_agreement": "application/pdf",
        "monitoring:case_photo": "image/png",
    }
    routes = {name: route for route, name in project_routes()}
    for name, content_type in downloads.items():
        response = client.get(build_path(routes[name], url_values))
        _assert_safe_download(response, content_type)


@pytest.mark.django_db
def test_a_file_stored_before_the_checks_is_sent_as_bytes(curator, partner):
    """An HTML page stored as an «agreement» (before the allow-list) never renders in our origin."""
    partner.agreement_file.save("dogovor.html", ContentFile(b"<script>alert(document.cookie)</script>"))
    response = client_for(curator).get(
        reverse("participants:partner_agreement", kwargs={**KW, "partner": partner.pk})
    )
    _assert_safe_download(response, "application/octet-stream")


@pytest.mark.django_db
def test_a_report_download_is_a_safe_attachment(school_job, curator):
    school_job.status = school_job.Status.DONE
    school_job.result_name = "members.xlsx"
    school_job.result_file.save("members.xlsx", ContentFile(_xlsx()))
    response = client_for(curator).get(reverse("job_download", kwargs={**KW, "job": school_job.pk}))
    _assert_safe_download(response, DOCUMENT_KINDS["xlsx"].content_type)


# --- every page: CSP and no-store; no inline script, style or handler --------------------------------------


PDF_TEMPLATES = {
    "analytical_report",
    "base_document",
    "certificates",
    "diary",
    "final_compendium",
    "individual_plan",
    "questionnaire_qr_sheet",
    "table",
}
INLINE = [
    (re.compile(r"<script(?![^>]*\ssrc=)[^>]*>", re.I), "an inline <script>"),
    (re.compile(r"<style", re.I), "a <style> element"),
    (re.compile(r"\sstyle=", re.I), "a style attribute"),
    (re.compile(r"\son[a-z]+=", re.I), "an on… handler"),
    (re.compile(r"javascript:", re.I), "a javascript: URL"),
]


HOW_TO_FIX = (
    "\nThe Content-Security-Policy blocks inline code and styles. Instead: a class of static/css/app.css "
    "(u-maxw-40r, u-w-5r…, or a new one there), pct-N for a bar's width ({% load ui %} then "
    'pct-{{ value|pct }} or pct-{% percent_of part whole %}), data-confirm="…" on a form that must ask '
    "first, and behaviour in a file under static/js/."
)


def _served_templates() -> list[Path]:
    """Every template a browser receives; the PDF documents (WeasyPrint) are left out."""
    root = ROOT / "templates"
    return [
        path
        for path in sorted(root.rglob("*.html"))
        if not (path.parent == root / "reports" and path.stem in PDF_TEMPLATES)
    ]


def test_no_template_has_inline_script_style_or_handler():
    templates = _served_templates()
    assert len(templates) > 100
    found = [
        f"{path.relative_to(ROOT)}: {what}"
        for path in templates
        for pattern, what in INLINE
        if pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert not found, "\n".join(found) + HOW_TO_FIX


class _Inline(HTMLParser):
    def __init__(self):
        super().__init__()
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        names = dict(attrs)
        if tag == "script" and "src" not in names:
            self.problems.append("inline <script>")
        if tag == "style":
            self.problems.append("<style>")
        for name, value in attrs:
            if name == "style" or name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…>")
            if name in {"href", "src", "action"} and (value or "").strip().lower().startswith("javascript:"):
                self.problems.append(f"<{tag} {name}=javascript:…>")


def _html_pages(column: int) -> list[tuple[str, str]]:
    return [(route, name) for route, name in project_routes() if MATRIX[name][0].split()[column] == "200"]


@pytest.mark.django_db
def test_every_page_carries_the_policy_and_no_store_and_nothing_inline(
    url_values, administrator, curator, mentor
):
    pages = 0
    for role, user in (
        ("administrator", administrator),
        ("curator", curator),
        ("mentor", mentor),
        ("anonymous", None),
    ):
        client = client_for(user) if user else Client()
        for route, _name in _html_pages(ROLES.index(role)):
            path = build_path(route, url_values)
            response = client.get(path)
            assert response["Cache-Control"] == "no-store" or "no-store" in response["Cache-Control"], path
            if not response["Content-Type"].startswith("text/html"):
                continue
            pages += 1
            policy = response["Content-Security-Policy"]
            assert "script-src 'self'" in policy and "unsafe-inline" not in policy, path
            assert "style-src 'self'" in policy and "frame-ancestors 'none'" in policy, path
            parser = _Inline()
            parser.feed(response.content.decode())
            assert not parser.problems, f"{path}: {parser.problems}{HOW_TO_FIX}"
    assert pages >= 150


@pytest.mark.django_db
def test_the_login_and_error_pages_are_not_stored_either(db):
    response = Client().get("/accounts/login/")
    assert "no-store" in response["Cache-Control"]
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert Client().get("/no-such-page/")["Cache-Control"] == "no-store"


# --- the import template's reference sheet ------------------------------------------------------------------


def test_the_import_templates_reference_sheet_escapes_formula_like_partner_names():
    names = [
        "=1+1",
        '=HYPERLINK("http://evil.example","Открыть")',
        "-2+3",
        "@SUM(A1)",
        "+7 900",
        "ООО «Ромашка»",
    ]
    for kind in ("mentees", "mentors"):
        workbook = load_workbook(io.BytesIO(build_template(kind, names)))
        sheet = workbook[REFERENCE_SHEET]
        cells = [cell for row in sheet.iter_rows() for cell in row if cell.value in names]
        assert len(cells) == len(names)
        for cell in cells:
            assert cell.data_type == "s", cell.value
            if cell.value[0] in "=+-@":
                assert cell.quotePrefix, cell.value
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)


# --- deployment ---------------------------------------------------------------------------------------------


def test_compose_publishes_only_the_proxy_on_loopback_and_lets_web_and_workers_scale():
    compose = (ROOT / "docker-compose.yml").read_text()
    ports = re.findall(r'^\s+- "([^"]+:\d+)"$', compose, re.M)
    assert ports == ["127.0.0.1:${WEB_PORT:-8000}:80"], ports  # nginx's; web and worker have none
    assert "container_name" not in compose  # `--scale web=3 --scale worker=2` needs names Docker makes
    assert "- ./deploy/nginx.conf:/etc/nginx/nginx.conf:ro" in compose
    assert "FORWARDED_ALLOW_IPS: ${FORWARDED_ALLOW_IPS:-127.0.0.1,::1,${APP_SUBNET:-172.30.240.0/24}}" in compose
    assert "gateway: ${APP_GATEWAY:-172.30.240.1}" in compose
    assert 'command: ["python", "manage.py", "migrate", "--noinput"]' in compose  # once, not per replica
    nginx = (ROOT / "deploy" / "nginx.conf").read_text()
    assert "server web:8000 resolve" in nginx  # every replica, found again as they come and go
    assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;" in nginx
    assert "location /media/ {\n            return 404;" in nginx


def test_the_sign_in_address_is_the_clients_through_the_host_proxy_and_nginx(settings, rf):
    """The host's TLS proxy adds the client, nginx adds the gateway it came from, gunicorn sees nginx."""
    from mentoring.signin import client_address

    settings.FORWARDED_ALLOW_IPS = ["127.0.0.1", "::1", "172.30.240.0/24"]
    request = rf.get("/", REMOTE_ADDR="172.30.240.7", HTTP_X_FORWARDED_FOR="203.0.113.9, 172.30.240.1")
    assert client_address(request) == "203.0.113.9"
    forged = rf.get("/", REMOTE_ADDR="198.51.100.4", HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert client_address(forged) == "198.51.100.4"  # not through the proxy: its own header is ignored


def test_gunicorn_trusts_forwarded_headers_from_the_configured_proxy_only(monkeypatch):
    import runpy

    monkeypatch.delenv("FORWARDED_ALLOW_IPS", raising=False)
    assert runpy.run_path(str(ROOT / "gunicorn.conf.py"))["forwarded_allow_ips"] == "127.0.0.1,::1"
    monkeypatch.setenv("FORWARDED_ALLOW_IPS", "127.0.0.1,172.30.240.1")
    assert runpy.run_path(str(ROOT / "gunicorn.conf.py"))["forwarded_allow_ips"] == "127.0.0.1,172.30.240.1"


def test_django_reads_no_forwarded_header_itself(settings):
    """gunicorn decides whether a request came over HTTPS; Django would believe anyone's header."""
    assert getattr(settings, "SECURE_PROXY_SSL_HEADER", None) is None
    assert "SECURE_PROXY_SSL_HEADER =" not in (ROOT / "mentoring" / "settings.py").read_text()
