"""A signed order prints as it was signed: its PDF and Word file are rendered once, at the signing, kept
through the storage, and every later download gives these very bytes — whatever happens afterwards to
the school's template, the names of the people or the pairs. A draft renders live."""

from __future__ import annotations

import hashlib
import io
from datetime import date

import pytest
from django.urls import reverse
from docx import Document

from mentoring.models import AuditEvent, Job
from pairing.services import group_close
from participants.services import person_update
from reports.documents.paper import engine
from reports.models import DocumentTemplate, Order
from reports.orders.services import OrderError, order_create, order_mark_signed

from ..conftest import YEAR, client_for
from ..mentoring.test_storage_api import pathless_storage  # noqa: F401 - the fixture
from ..s3server import s3_endpoint  # noqa: F401 - the fixture
from .print_checks import docx_text, pdf_words

KW = {"org": "school-a", "year": YEAR}


def url(name: str, **kwargs) -> str:
    return reverse(f"reports:{name}", kwargs={**KW, **kwargs})


def sha(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def download(client, order: Order, fmt: str, capture) -> bytes:
    with capture(execute=True):
        response = client.post(url("order_file", order=order.pk, fmt=fmt))
    assert response.status_code == 302
    job = Job.objects.latest("created_at")
    assert job.status == Job.Status.DONE, job.error
    answer = client.get(reverse("job_download", kwargs={**KW, "job": job.pk}))
    return b"".join(answer.streaming_content)


def upload_template(client, key: str, line: str) -> None:
    template = Document(io.BytesIO(engine.default_template(key)))
    template.add_paragraph(line)
    buffer = io.BytesIO()
    template.save(buffer)
    buffer.seek(0)
    buffer.name = "мой-приказ.docx"
    assert client.post(url("template_upload", key=key), {"file": buffer}).status_code == 302


def pairing_order(curator, programme, pair, number="45-ОД") -> Order:
    return order_create(
        actor=curator,
        programme=programme,
        kind="pairing",
        number=number,
        day=date(YEAR, 10, 15),
        place="г. Тверь",
        responsible=curator,
        groups=[pair],
    )


@pytest.mark.django_db
def test_a_signed_order_downloads_the_same_bytes_whatever_changes_afterwards(
    curator_client, curator, programme, pair, mentor_person, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    order = pairing_order(curator, programme, pair)
    assert not order.pdf_copy and not order.docx_copy
    with capture(execute=True):  # the PDF is laid out by the task queued once the signing commits
        response = curator_client.post(url("order_sign", order=order.pk))
    assert response.status_code == 302
    order.refresh_from_db()
    assert order.signed and order.frozen_at is not None
    assert order.pdf_copy.name.startswith(f"orders/{order.organization_id}/{order.pk}/")
    with order.pdf_copy.open("rb") as handle:
        kept_pdf = handle.read()
    with order.docx_copy.open("rb") as handle:
        kept_docx = handle.read()
    assert "Кузнецова Ольга Петровна" in pdf_words(kept_pdf)

    exports = AuditEvent.objects.filter(action=AuditEvent.Action.EXPORT).count()
    first_pdf = download(curator_client, order, "pdf", capture)
    first_docx = download(curator_client, order, "docx", capture)
    assert (sha(first_pdf), sha(first_docx)) == (sha(kept_pdf), sha(kept_docx))

    # afterwards: the school replaces the template, the mentor marries, the pair closes
    upload_template(curator_client, "order_pairing", "Новая формулировка шаблона школы.")
    person_update(actor=curator, person=mentor_person, last_name="Соколова")
    group_close(actor=curator, group=pair, status="completed", closed_on=date(YEAR + 1, 5, 20))

    again_pdf = download(curator_client, order, "pdf", capture)
    again_docx = download(curator_client, order, "docx", capture)
    assert sha(again_pdf) == sha(kept_pdf) and sha(again_docx) == sha(kept_docx)
    assert "Кузнецова Ольга Петровна" in pdf_words(again_pdf) and "Соколова" not in pdf_words(again_pdf)
    assert "Новая формулировка" not in docx_text(again_docx)
    # every download is still in the trail, as for any file with personal data
    assert AuditEvent.objects.filter(action=AuditEvent.Action.EXPORT).count() == exports + 4
    # the card says the files are those of the signing
    card = curator_client.get(url("order_detail", order=order.pk)).content.decode()
    assert "хранятся такими, какими" in card
    # and that its lists of people are today's, not the signed text (the reviewer read them as the order)
    assert "показывают людей такими, какие они в базах сейчас" in card


@pytest.mark.django_db
def test_a_draft_renders_live(
    curator_client, curator, programme, pair, mentor_person, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    order = pairing_order(curator, programme, pair)
    assert "Кузнецова Ольга Петровна" in pdf_words(download(curator_client, order, "pdf", capture))
    upload_template(curator_client, "order_pairing", "Новая формулировка шаблона школы.")
    person_update(actor=curator, person=mentor_person, last_name="Соколова")
    word = download(curator_client, order, "docx", capture)
    pdf = download(curator_client, order, "pdf", capture)
    assert "Новая формулировка шаблона школы." in docx_text(word)
    assert "Соколова Ольга Петровна" in pdf_words(pdf)
    order.refresh_from_db()
    assert not order.pdf_copy and not order.docx_copy and order.frozen_at is None


@pytest.mark.django_db
def test_a_template_that_cannot_be_rendered_refuses_the_signing(curator_client, curator, programme, pair):
    order = pairing_order(curator, programme, pair)
    DocumentTemplate.objects.create(
        organization=programme.organization, key="order_pairing", filename="x.docx", content=b"not a docx"
    )
    with pytest.raises(OrderError):
        order_mark_signed(actor=curator, order=order)
    order.refresh_from_db()
    assert not order.signed and not order.pdf_copy
    response = curator_client.post(url("order_sign", order=order.pk), follow=True)
    assert "не подходит" in response.content.decode()
    order.refresh_from_db()
    assert not order.signed


@pytest.mark.django_db
def test_an_order_signed_before_copies_were_kept_is_fixed_at_its_first_download(
    curator_client, curator, programme, pair, mentor_person, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    order = pairing_order(curator, programme, pair)
    Order.objects.filter(pk=order.pk).update(signed=True)  # as the orders signed before this change
    first = download(curator_client, order, "pdf", capture)
    order.refresh_from_db()
    assert (
        order.pdf_copy and order.docx_copy and order.frozen_at is not None
    )  # the PDF is laid out from the Word copy
    person_update(actor=curator, person=mentor_person, last_name="Соколова")
    assert sha(download(curator_client, order, "pdf", capture)) == sha(first)


@pytest.mark.django_db
def test_a_stranger_cannot_sign_and_a_mentor_is_refused(client, mentor, stranger, curator, programme, pair):
    order = pairing_order(curator, programme, pair)
    assert client_for(stranger).post(url("order_sign", order=order.pk)).status_code == 404
    assert client_for(mentor).post(url("order_sign", order=order.pk)).status_code == 403
    order.refresh_from_db()
    assert not order.signed and not order.pdf_copy


@pytest.mark.django_db
def test_a_withdrawal_deletes_the_copies_that_name_the_person_and_the_next_download_is_made_without_her(
    curator_client, curator, programme, pair, mentee, django_capture_on_commit_callbacks
):
    """152-ФЗ: the kept copies are generated files like the others. The copies of an order that names the
    pupil go; the order stays in the register and its copies are made again, from the anonymised record,
    at the next download. A signed order that does not name her keeps its bytes."""
    from participants.services import consent_withdraw

    capture = django_capture_on_commit_callbacks
    naming = pairing_order(curator, programme, pair)
    other = order_create(
        actor=curator, programme=programme, kind="regulation", number="3-ОД", day=date(YEAR, 9, 1)
    )
    with capture(execute=True):
        order_mark_signed(actor=curator, order=naming)
        order_mark_signed(actor=curator, order=other)
    naming.refresh_from_db()
    other.refresh_from_db()
    old_names = [naming.pdf_copy.name, naming.docx_copy.name]
    with other.pdf_copy.open("rb") as handle:
        other_pdf = handle.read()
    assert "Иванова Мария Сергеевна" in pdf_words(download(curator_client, naming, "pdf", capture))

    consent = mentee.consents.get(scope="personal_data")
    with capture(execute=True):
        consent_withdraw(actor=curator, consent=consent, withdrawn_on=date(YEAR, 12, 1))
    naming.refresh_from_db()
    other.refresh_from_db()
    assert not naming.pdf_copy and not naming.docx_copy and naming.frozen_at is None and naming.signed
    storage = other.pdf_copy.storage
    assert not any(storage.exists(name) for name in old_names)
    assert sha(download(curator_client, other, "pdf", capture)) == sha(other_pdf)
    event = AuditEvent.objects.get(action=AuditEvent.Action.ERASE, target_id=str(mentee.pk))
    assert event.details["erased"]["order_copies"] == 2

    remade = download(curator_client, naming, "pdf", capture)
    assert "Иванова" not in pdf_words(remade) and "Кузнецова Ольга Петровна" in pdf_words(remade)
    naming.refresh_from_db()
    assert naming.pdf_copy and naming.frozen_at is not None
    assert sha(download(curator_client, naming, "pdf", capture)) == sha(remade)


@pytest.mark.django_db
@pytest.mark.usefixtures("pathless_storage")
def test_the_copies_live_in_a_storage_without_paths(
    curator_client, curator, programme, pair, django_capture_on_commit_callbacks
):
    """S3 or another host's volume: the copies are written and read through the storage API only."""
    from django.core.files.storage import storages

    storage = storages["default"]
    order = pairing_order(curator, programme, pair)
    with django_capture_on_commit_callbacks(execute=True):
        order_mark_signed(actor=curator, order=order)
    order.refresh_from_db()
    assert storage.exists(order.pdf_copy.name) and storage.exists(order.docx_copy.name)
    with storage.open(order.docx_copy.name, "rb") as handle:
        kept = handle.read()
    assert download(curator_client, order, "docx", django_capture_on_commit_callbacks) == kept


@pytest.mark.django_db
def test_the_word_copy_is_kept_at_the_signing_and_the_pdf_is_laid_out_from_it(
    curator_client, curator, programme, pair, mentor_person, django_capture_on_commit_callbacks
):
    """The signing renders the Word file only (a 500-pair order stays a short request); the PDF comes from
    that very Word file, by the task queued after the signing or by the first download, so a change made in
    between (a new template, a renamed person) reaches neither."""
    capture = django_capture_on_commit_callbacks
    order = pairing_order(curator, programme, pair)
    order_mark_signed(actor=curator, order=order)  # the queued task does not run: no commit in this test
    order.refresh_from_db()
    assert order.docx_copy and not order.pdf_copy
    upload_template(curator_client, "order_pairing", "Новая формулировка шаблона школы.")
    person_update(actor=curator, person=mentor_person, last_name="Соколова")
    pdf = download(curator_client, order, "pdf", capture)
    words = pdf_words(pdf)
    assert (
        "Кузнецова Ольга Петровна" in words and "Соколова" not in words and "Новая формулировка" not in words
    )
    order.refresh_from_db()
    assert order.pdf_copy and sha(download(curator_client, order, "pdf", capture)) == sha(pdf)
