"""Cases (best practices): the curator writes them with photos; the curator, the administrator and the pair's
own mentors read them; a photo without everyone's publication consent: the curator and its uploader only."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mentoring.models import AuditEvent
from monitoring.cases.forms import PHOTO_MAX_BYTES
from monitoring.cases.selectors import case_list
from monitoring.cases.services import case_create, case_photo_add
from monitoring.models import Case, CasePhoto
from participants.services import consent_record, person_create

from ..conftest import YEAR, _member, client_for

KW = {"org": "school-a", "year": YEAR}


def url(name: str, **kwargs) -> str:
    return reverse(f"monitoring:{name}", kwargs={**KW, **kwargs})


def png_upload(name: str = "photo.png", size: tuple[int, int] = (60, 40)) -> SimpleUploadedFile:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, "#48a").save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@pytest.mark.django_db
def test_curator_writes_edits_and_deletes_a_case(curator_client, programme, pair):
    response = curator_client.post(
        url("case_create"),
        {"title": "Путь к олимпиаде", "group": pair.pk, "story": "Мария и Ольга Петровна…"},
    )
    case = Case.objects.get()
    assert response.status_code == 302 and response["Location"] == url("case_detail", case=case.pk)
    assert case.form == pair.form and case.programme == programme  # the form is taken from the pair
    assert AuditEvent.objects.filter(action="create", target_type="monitoring.Case").exists()
    response = curator_client.post(
        url("case_edit", case=case.pk), {"title": "Победа", "group": pair.pk, "story": "Новая история"}
    )
    case.refresh_from_db()
    assert response.status_code == 302 and case.title == "Победа"
    event = AuditEvent.objects.get(action="update", target_type="monitoring.Case")
    assert "title" in event.fields and "Победа" not in str(event.details) + event.target_repr
    page = curator_client.get(url("case_detail", case=case.pk)).content.decode()
    assert "Победа" in page and "Новая история" in page and "Кузнецова Ольга Петровна" in page
    assert curator_client.get(url("case_delete", case=case.pk)).status_code == 405
    response = curator_client.post(url("case_delete", case=case.pk))
    assert response.status_code == 302 and not Case.objects.exists()
    assert AuditEvent.objects.filter(action="delete", target_type="monitoring.Case").exists()


@pytest.mark.django_db
def test_bad_case_input_shows_the_form(curator_client, programme, pair, other_school):
    response = curator_client.post(url("case_create"), {"title": "", "story": ""})
    assert response.status_code == 400 and not Case.objects.exists()
    other_pair_id = pair.pk + 1000
    response = curator_client.post(url("case_create"), {"title": "x", "story": "y", "group": other_pair_id})
    assert response.status_code == 400 and not Case.objects.exists()


@pytest.mark.django_db
def test_photo_upload_marks_people_and_checks_publication_consent(curator_client, programme, pair, mentee):
    case = case_create(actor=None, programme=programme, title="Кейс", story="История", group=pair)
    page = curator_client.get(url("case_photo_create", case=case.pk)).content.decode()
    assert "Иванова Мария Сергеевна" in page
    response = curator_client.post(
        url("case_photo_create", case=case.pk),
        {"image": png_upload(), "caption": "На олимпиаде", "people": [mentee.pk]},
    )
    assert response.status_code == 302
    photo = CasePhoto.objects.get()
    assert list(photo.people.all()) == [mentee]
    assert AuditEvent.objects.filter(action="create", target_type="monitoring.CasePhoto").exists()
    detail = curator_client.get(url("case_detail", case=case.pk)).content.decode()
    assert "left out" in detail or "не попадёт" in detail or "Иванова М.С." in detail
    [view] = case_list(programme)
    assert [verdict.photo for verdict in view.left_out] == [photo]
    assert [person.pk for person in view.left_out[0].without_consent] == [mentee.pk]
    # the mother signs the publication consent: the photo will be printed
    consent_record(
        actor=None,
        person=mentee,
        scope="publication",
        given_on=date(YEAR, 10, 1),
        given_by="representative",
        representative_name="Иванова Ольга Петровна",
    )
    [view] = case_list(programme)
    assert not view.left_out and [v.photo for v in view.printable_photos] == [photo]
    image = curator_client.get(url("case_photo", case=case.pk, photo=photo.pk))
    assert image.status_code == 200 and b"".join(image.streaming_content).startswith(b"\x89PNG")
    response = curator_client.post(url("case_photo_delete", case=case.pk, photo=photo.pk))
    assert response.status_code == 302 and not CasePhoto.objects.exists()


@pytest.mark.django_db
def test_a_withdrawn_publication_consent_leaves_the_photo_out(programme, pair, mentor_person):
    case = case_create(actor=None, programme=programme, title="Кейс", story="История", group=pair)
    consent = consent_record(actor=None, person=mentor_person, scope="publication", given_on=date(YEAR, 9, 2))
    case_photo_add(actor=None, case=case, image=png_upload(), people=[mentor_person])
    assert case_list(programme)[0].printable_photos
    consent.withdrawn_on = date(YEAR, 12, 1)
    consent.save()
    assert not case_list(programme)[0].printable_photos


@pytest.mark.django_db
@pytest.mark.parametrize(
    "upload",
    [
        SimpleUploadedFile("fake.png", b"%PDF-1.4 not an image", content_type="image/png"),
        SimpleUploadedFile("doc.txt", b"hello", content_type="text/plain"),
    ],
)
def test_only_real_images_are_accepted(curator_client, programme, upload):
    case = case_create(actor=None, programme=programme, title="Кейс", story="История")
    response = curator_client.post(url("case_photo_create", case=case.pk), {"image": upload})
    assert response.status_code == 400 and not CasePhoto.objects.exists()


@pytest.mark.django_db
def test_a_gif_or_a_too_large_photo_is_refused(curator_client, programme, monkeypatch):
    from PIL import Image

    case = case_create(actor=None, programme=programme, title="Кейс", story="История")
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, format="GIF")
    gif = SimpleUploadedFile("a.gif", buffer.getvalue(), content_type="image/gif")
    assert curator_client.post(url("case_photo_create", case=case.pk), {"image": gif}).status_code == 400
    monkeypatch.setattr("monitoring.cases.forms.PHOTO_MAX_BYTES", 100)
    response = curator_client.post(url("case_photo_create", case=case.pk), {"image": png_upload()})
    assert response.status_code == 400 and not CasePhoto.objects.exists()
    assert PHOTO_MAX_BYTES == 10 * 1024 * 1024


@pytest.mark.django_db
def test_people_of_another_organisation_cannot_be_marked(curator_client, programme, other_school):
    case = case_create(actor=None, programme=programme, title="Кейс", story="История")
    outsider = person_create(actor=None, organization=other_school, last_name="Чужой", first_name="Иван")
    response = curator_client.post(
        url("case_photo_create", case=case.pk), {"image": png_upload(), "people": [outsider.pk]}
    )
    assert response.status_code == 400 and not CasePhoto.objects.exists()


@pytest.mark.django_db
def test_the_pairs_mentor_reads_only_managers_write(mentor, programme, pair):
    case = case_create(actor=None, programme=programme, title="Кейс", story="История", group=pair)
    client = client_for(mentor)
    listing = client.get(url("cases"))
    assert listing.status_code == 200 and "Кейс" in listing.content.decode()
    detail = client.get(url("case_detail", case=case.pk))
    assert detail.status_code == 200
    assert url("case_edit", case=case.pk) not in detail.content.decode()
    assert client.post(url("case_create"), {"title": "x", "story": "y"}).status_code == 403
    assert client.post(url("case_delete", case=case.pk)).status_code == 403
    assert client.post(url("case_photo_create", case=case.pk), {"image": png_upload()}).status_code == 403
    assert Case.objects.count() == 1 and not CasePhoto.objects.exists()


@pytest.mark.django_db
def test_who_sees_a_case(school, programme, pair, administrator, curator, mentor, coordinator):
    """The curator, the administrator, the pair's own mentors; not another mentor, the psychologist, the
    authority (404 — for them the case does not exist), nor a case without a pair for a mentor."""
    own = case_create(actor=None, programme=programme, title="Кейс пары", story="История", group=pair)
    loose = case_create(actor=None, programme=programme, title="Кейс без пары", story="История")
    colleague = _member(school, "mentor", "colleague")
    psychologist = _member(school, "psychologist", "psychologist")
    expected = {
        curator: {own, loose},
        administrator: {own, loose},
        mentor: {own},
        colleague: set(),
        psychologist: set(),
    }
    for user, visible in expected.items():
        client = client_for(user)
        listing = client.get(url("cases")).content.decode()
        for case in (own, loose):
            status = client.get(url("case_detail", case=case.pk)).status_code
            assert status == (200 if case in visible else 404), (user.username, case.title, status)
            assert (case.title in listing) == (case in visible), (user.username, case.title)
    for case in (own, loose):
        assert client_for(coordinator).get(url("case_detail", case=case.pk)).status_code == 404
    assert client_for(coordinator).get(url("cases")).status_code == 404


@pytest.mark.django_db
def test_a_photo_without_every_consent_is_for_the_curator_and_the_uploader(
    school, programme, pair, mentee, mentor_person, administrator, curator, mentor
):
    """Mentee without a publication consent on one photo, the mentor (with one) alone on the other."""
    consent_record(actor=None, person=mentor_person, scope="publication", given_on=date(YEAR, 9, 2))
    case = case_create(actor=None, programme=programme, title="Кейс", story="История", group=pair)
    deputy = _member(school, "administrator", "deputy")
    left_out = case_photo_add(actor=deputy, case=case, image=png_upload(), people=[mentee, mentor_person])
    printable = case_photo_add(actor=curator, case=case, image=png_upload(), people=[mentor_person])
    assert left_out.uploaded_by == deputy and printable.uploaded_by == curator
    expected = {curator: True, deputy: True, administrator: False, mentor: False}
    for user, sees_left_out in expected.items():
        client = client_for(user)
        detail = client.get(url("case_detail", case=case.pk)).content.decode()
        hidden = url("case_photo", case=case.pk, photo=left_out.pk)
        shown = url("case_photo", case=case.pk, photo=printable.pk)
        assert (hidden in detail) == sees_left_out, user.username
        assert shown in detail, user.username
        assert client.get(hidden).status_code == (200 if sees_left_out else 404), user.username
        assert client.get(shown).status_code == 200, user.username
        if not sees_left_out:
            assert "case-hidden-photos" in detail  # «1 more photo is not shown…»
    # the consent arrives: the photo is for everyone who sees the case
    consent_record(
        actor=None,
        person=mentee,
        scope="publication",
        given_on=date(YEAR, 10, 1),
        given_by="representative",
        representative_name="Иванова Ольга Петровна",
    )
    assert client_for(mentor).get(url("case_photo", case=case.pk, photo=left_out.pk)).status_code == 200


@pytest.mark.django_db
def test_a_case_of_another_year_is_404(curator_client, school):
    previous = school.programmes.get(academic_year__start_year=YEAR - 1)
    case = case_create(actor=None, programme=previous, title="Прошлый год", story="История")
    assert curator_client.get(url("case_detail", case=case.pk)).status_code == 404


def _fill(programme, pair, cases: int, people) -> None:
    for number in range(cases):
        case = case_create(
            actor=None, programme=programme, title=f"Кейс {number}", story="История", group=pair
        )
        for _ in range(2):
            case_photo_add(actor=None, case=case, image=png_upload(), people=people)


@pytest.mark.django_db
@pytest.mark.parametrize("cases", [1, 12])
def test_case_list_query_count_does_not_grow(
    curator_client, programme, pair, mentee, mentor_person, cases, django_assert_num_queries
):
    _fill(programme, pair, cases, [mentee, mentor_person])
    curator_client.get(url("cases"))
    # the layout (session, user, scope, switchers) and four of the page: cases, members, photos, people
    with django_assert_num_queries(11):
        response = curator_client.get(url("cases"))
    assert response.status_code == 200
    assert response.content.decode().count("section-tile") == cases


@pytest.mark.django_db
@pytest.mark.parametrize("photos", [1, 8])
def test_case_detail_query_count_does_not_grow(
    curator_client, programme, pair, mentee, photos, django_assert_num_queries
):
    case = case_create(actor=None, programme=programme, title="Кейс", story="История", group=pair)
    for _ in range(photos):
        case_photo_add(actor=None, case=case, image=png_upload(), people=[mentee])
    curator_client.get(url("case_detail", case=case.pk))
    with django_assert_num_queries(12):  # 11 + the one insert of the read audit
        response = curator_client.get(url("case_detail", case=case.pk))
    assert response.status_code == 200
