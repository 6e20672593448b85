"""Orders as records: drawn up on the «Orders» page or from the pairs page, fixed once, rendered as PDF
and Word any number of times in any order without changing anything, laid out as ГОСТ Р 7.0.97-2016
orders are, with names declined."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.urls import reverse
from docx import Document

from mentoring.models import AuditEvent, Job
from pairing.models import GroupMember, MentoringForm, MentoringGroup
from participants.services import consent_record, person_create
from reports.documents.context import order_context
from reports.documents.paper import engine
from reports.documents.paper.docx_html import docx_to_html
from reports.models import Order, OrderItem, OrderKind
from reports.orders.reports import render_order
from reports.orders.services import OrderError, order_create, order_update

from ..conftest import YEAR, client_for
from .print_checks import boxes_beyond_the_page, docx_text, is_a4, pdf_pages, pdf_words, word_facts

KW = {"org": "school-a", "year": YEAR}


@pytest.fixture
def named(school, curator):
    school.name = (
        "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 1»"
    )
    school.head_name = "Петрова Ольга Ивановна"
    school.head_position = "Директор"
    school.save()
    curator.first_name, curator.last_name, curator.patronymic = "Елена", "Смирнова", "Викторовна"
    curator.save()
    return school


def url(name: str, **kwargs) -> str:
    return reverse(f"reports:{name}", kwargs={**KW, **kwargs})


def download(client, job: Job) -> bytes:
    response = client.get(reverse("job_download", kwargs={**KW, "job": job.pk}))
    return b"".join(response.streaming_content)


def order_file(client, order: Order, fmt: str, capture) -> bytes:
    with capture(execute=True):
        response = client.post(url("order_file", order=order.pk, fmt=fmt))
    assert response.status_code == 302
    job = Job.objects.latest("created_at")
    assert job.status == Job.Status.DONE, job.error
    return download(client, job)


def create_pairing_order(client, pairs, number="45-ОД", day=f"{YEAR}-10-15", **extra):
    data = {
        "number": number,
        "day": day,
        "place": "г. Тверь",
        "responsible_position": "заместитель директора по УВР",
        "groups": [pair.pk for pair in pairs],
        **extra,
    }
    return client.post(url("order_new", order_kind="pairing"), data)


@pytest.mark.django_db
def test_the_pairs_page_offers_the_pairing_order(curator_client, pair):
    page = curator_client.get(reverse("pairing:index", kwargs=KW)).content.decode()
    assert url("order_new", order_kind="pairing") in page


@pytest.mark.django_db
def test_a_pairing_order_is_a_record_that_fixes_its_pairs_once(curator_client, curator, named, pair):
    form = curator_client.get(url("order_new", order_kind="pairing"))
    assert form.status_code == 200 and f'value="{pair.pk}"' in form.content.decode()
    response = create_pairing_order(curator_client, [pair], responsible=curator.pk)
    order = Order.objects.get()
    assert response.status_code == 302 and response.url == url("order_detail", order=order.pk)
    assert (order.kind, order.number, order.day) == (OrderKind.PAIRING, "45-ОД", date(YEAR, 10, 15))
    assert order.signatory_name == "О.И. Петрова" and order.place == "г. Тверь"
    assert order.points[-1] == "Контроль за исполнением приказа оставляю за собой."
    assert any(
        "на куратора Смирнову Елену Викторовну, заместителя директора по УВР" in p for p in order.points
    )
    assert "№ Р-145" in order.preamble and "25.12.2019" in order.preamble
    roles = sorted(order.items.exclude(role="").values_list("role", flat=True))
    assert roles == ["mentee", "mentor"]
    pair.refresh_from_db()
    assert (pair.order_number, pair.order_date) == ("45-ОД", date(YEAR, 10, 15))
    assert AuditEvent.objects.filter(target_type="reports.Order", action="create").count() == 1
    detail = curator_client.get(url("order_detail", order=order.pk)).content.decode()
    assert "Кузнецова" in detail and "ПРИКАЗЫВАЮ" in detail
    assert AuditEvent.objects.filter(target_type="reports.Order", action="view", actor=curator).count() == 1


@pytest.mark.django_db
def test_word_after_pdf_after_word_never_fails_and_never_changes_an_order(
    curator_client, curator, named, pair, django_capture_on_commit_callbacks
):
    """The bug this replaces: the Word copy failed after the PDF («Нет принятых пар…»)."""
    create_pairing_order(curator_client, [pair], responsible=curator.pk)
    order = Order.objects.get()
    before = (order.number, order.day, order.title, order.preamble, order.points, order.updated_at)
    word = order_file(curator_client, order, "docx", django_capture_on_commit_callbacks)
    pdf = order_file(curator_client, order, "pdf", django_capture_on_commit_callbacks)
    word_again = order_file(curator_client, order, "docx", django_capture_on_commit_callbacks)
    assert docx_text(word) == docx_text(word_again)
    assert "Кузнецова Ольга Петровна" in pdf_words(pdf)
    order.refresh_from_db()
    pair.refresh_from_db()
    assert (order.number, order.day, order.title, order.preamble, order.points, order.updated_at) == before
    assert pair.order_number == "45-ОД"


@pytest.mark.django_db
def test_a_later_order_never_rewrites_the_number_of_pairs_an_earlier_order_fixed(
    curator, named, programme, pair, mentor_person
):
    first = order_create(
        actor=curator,
        programme=programme,
        kind="pairing",
        number="10-ОД",
        day=date(YEAR, 10, 1),
        groups=[pair],
    )
    other_mentee = person_create(
        actor=None,
        organization=programme.organization,
        last_name="Белых",
        first_name="Илья",
        kind="pupil",
        group_name="7А",
    )
    consent_record(
        actor=None,
        person=other_mentee,
        scope="personal_data",
        given_on=date(YEAR, 9, 1),
        given_by="representative",
        representative_name="Белых Анна Ивановна",
    )
    from participants.services import mentee_profile_save

    mentee_profile_save(actor=None, person=other_mentee, programme=programme)
    from pairing.services import group_create

    second_pair = group_create(
        actor=None,
        programme=programme,
        form=MentoringForm.objects.get(key="teacher_pupil"),
        mentors=[mentor_person],
        mentees=[other_mentee],
    )
    second = order_create(
        actor=curator,
        programme=programme,
        kind="pairing",
        number="20-ОД",
        day=date(YEAR, 11, 1),
        groups=[pair, second_pair],
    )
    pair.refresh_from_db()
    second_pair.refresh_from_db()
    assert pair.order_number == "10-ОД" and second_pair.order_number == "20-ОД"
    # each order still lists what it fixed, and renders the same as before the other existed
    assert [row["mentees"] for row in order_context(first)["appendix"]["rows"]] == [
        "Иванова Мария Сергеевна, 6Б"
    ]
    assert len(order_context(second)["appendix"]["rows"]) == 2


@pytest.mark.django_db
def test_no_pairs_gives_a_russian_message_and_creates_nothing(curator_client, programme):
    response = create_pairing_order(curator_client, [])
    assert response.status_code == 400
    assert "Нет принятых пар, которые можно включить в приказ." in response.content.decode()
    assert not Order.objects.exists()


@pytest.mark.django_db
def test_a_number_twice_in_a_year_is_refused(curator, programme, pair):
    order_create(actor=curator, programme=programme, kind="model", number="1-ОД", day=date(YEAR, 9, 1))
    with pytest.raises(OrderError) as error:
        order_create(actor=curator, programme=programme, kind="roadmap", number="1-ОД", day=date(YEAR, 10, 1))
    assert "№ 1-ОД" in str(error.value) and Order.objects.count() == 1
    order_create(actor=curator, programme=programme, kind="roadmap", number="1-ОД", day=date(YEAR + 1, 1, 9))


@pytest.mark.django_db
def test_the_pdf_follows_gost_conventions_and_declines_names(curator, named, programme, pair):
    order_create(actor=curator, programme=programme, kind="regulation", number="3-ОД", day=date(YEAR, 9, 1))
    Order.objects.filter(kind="regulation").update(signed=True)  # a draft approves nothing
    order = order_create(
        actor=curator,
        programme=programme,
        kind="pairing",
        number="45-ОД",
        day=date(YEAR, 10, 15),
        place="г. Тверь",
        responsible=curator,
        responsible_position="Заместитель директора по УВР",
        groups=[pair],
    )
    text = pdf_words(render_order(order, "pdf"))
    expected = [
        named.name,
        "ПРИКАЗ",
        f"15.10.{YEAR} № 45-ОД",  # date and number on one line
        "г. Тверь",
        "О закреплении наставнических пар (групп)",
        "Положением о наставничестве в МБОУ «СОШ № 1», утверждённым приказом от 01.09.2025 № 3-ОД",
        "от 25.12.2019 № Р-145",
        "ПРИКАЗЫВАЮ:",
        "1. Закрепить наставнические пары (группы) на 2025/2026 учебный год согласно приложению.",
        "на куратора Смирнову Елену Викторовну, заместителя директора по УВР",
        "4. Контроль за исполнением приказа оставляю за собой.",
        "Директор",
        "О.И. Петрова",
        "С приказом ознакомлены:",
        f"Приложение к приказу от 15.10.{YEAR} № 45-ОД",
        "Кузнецова Ольга Петровна",
        "Иванова Мария Сергеевна, 6Б",
    ]
    positions = [text.find(phrase) for phrase in expected]
    assert all(position >= 0 for position in positions), [
        p for p, at in zip(expected, positions, strict=True) if at < 0
    ]
    # the acquaintance list names the teacher and the curator, not the pupil (acquainted through the class teacher)
    acquainted = text[text.find("С приказом ознакомлены:") : text.find("Приложение к приказу")]
    assert "Кузнецова Ольга Петровна" in acquainted and "Смирнова Елена Викторовна" in acquainted
    assert "Иванова Мария" not in acquainted


@pytest.mark.django_db
@pytest.mark.parametrize("kind", OrderKind.values)
def test_every_kind_of_order_prints_within_a4_in_both_formats(
    kind, curator, named, programme, monitoring_objects, mentor_person, roadmap_event
):
    extra = {
        OrderKind.PAIRING: {"groups": [monitoring_objects["plan"].group]},
        OrderKind.PLANS: {"plans": [monitoring_objects["plan"]]},
        OrderKind.REWARD: {"people": [mentor_person], "notes": {mentor_person.pk: "за высокие результаты"}},
        OrderKind.CURATOR: {"people": [mentor_person]},
    }.get(kind, {})
    if kind == OrderKind.CANCEL:
        from reports.orders.services import order_mark_signed

        pairing = order_create(
            actor=curator,
            programme=programme,
            kind="pairing",
            number="12",
            day=date(YEAR, 9, 1),
            responsible=curator,
            groups=[monitoring_objects["plan"].group],
        )
        extra = {"cancels": order_mark_signed(actor=curator, order=pairing)}
    order = order_create(
        actor=curator,
        programme=programme,
        kind=kind,
        number=f"{kind}-1",
        day=date(YEAR, 10, 1),
        responsible=curator,
        **extra,
    )
    word = render_order(order, "docx")
    facts = word_facts(word)
    assert facts["a4"] and facts["page_numbers"] and not facts["leftover_tags"]
    assert "Текст документа" in facts["styles"]
    pdf = render_order(order, "pdf")
    assert all(is_a4(size) for size in pdf_pages(pdf))
    assert boxes_beyond_the_page(docx_to_html(word)) == []
    # the PDF says what the Word file says, word for word
    pdf_text = pdf_words(pdf).replace(" ", "")
    for paragraph in Document(io.BytesIO(word)).paragraphs:
        assert " ".join(paragraph.text.split()).replace(" ", "") in pdf_text


@pytest.mark.django_db
def test_a_plans_order_approves_only_plans_no_order_approved_yet(curator, programme, monitoring_objects):
    plan = monitoring_objects["plan"]
    order = order_create(
        actor=curator, programme=programme, kind="plans", number="77-ОД", day=date(YEAR, 11, 5), plans=[plan]
    )
    plan.refresh_from_db()
    assert plan.order_number == "77-ОД" and plan.approved_at is not None
    rows = order_context(order)["appendix"]["rows"]
    assert rows[0]["goals"] == "Подготовка к олимпиаде по математике"
    order_create(
        actor=curator, programme=programme, kind="plans", number="78-ОД", day=date(YEAR, 11, 6), plans=[plan]
    )
    plan.refresh_from_db()
    assert plan.order_number == "77-ОД"


@pytest.mark.django_db
def test_changing_the_number_moves_the_pairs_it_fixed_and_is_audited(
    curator_client, curator, programme, pair
):
    order = order_create(
        actor=curator, programme=programme, kind="pairing", number="45", day=date(YEAR, 10, 15), groups=[pair]
    )
    response = curator_client.post(
        url("order_edit", order=order.pk),
        {
            "number": "45-ОД",
            "day": f"{YEAR}-10-16",
            "title": order.title,
            "preamble": order.preamble,
            "points": "Первый пункт.\n\nВторой\nпункт.",
            "signatory_position": "Директор",
            "signatory_name": "О.И. Петрова",
        },
    )
    assert response.status_code == 302
    order.refresh_from_db()
    pair.refresh_from_db()
    assert order.points == ["Первый пункт.", "Второй пункт."]
    assert (pair.order_number, pair.order_date) == ("45-ОД", date(YEAR, 10, 16))
    event = AuditEvent.objects.filter(target_type="reports.Order", action="update").get()
    assert {"number", "day", "points"} <= set(event.fields)  # which fields, never their text
    with pytest.raises(OrderError):
        order_update(
            actor=curator,
            order=order,
            number="45-ОД",
            day=order.day,
            place="",
            title="",
            preamble="",
            points=["x"],
            signatory_position="",
            signatory_name="",
        )


@pytest.mark.django_db
def test_groups_are_listed_as_groups_in_the_appendix(curator, programme, pair, mentor_person, mentee):
    second = person_create(
        actor=None,
        organization=programme.organization,
        last_name="Орлов",
        first_name="Пётр",
        kind="pupil",
        group_name="6Б",
    )
    GroupMember.objects.create(group=pair, person=second, role=GroupMember.Role.MENTEE)
    order = order_create(
        actor=curator, programme=programme, kind="pairing", number="5", day=date(YEAR, 10, 1), groups=[pair]
    )
    row = order_context(order)["appendix"]["rows"][0]
    assert row["mentees"] == "Иванова Мария Сергеевна, 6Б\nОрлов Пётр, 6Б"
    assert row["form"].endswith("группа")


@pytest.mark.django_db
def test_curator_sex_can_be_set_when_the_name_does_not_tell(curator_client, curator, programme, pair):
    curator.first_name, curator.last_name, curator.patronymic = "Саша", "Ким", ""
    curator.save()
    create_pairing_order(curator_client, [pair], responsible=curator.pk, responsible_sex="female")
    assert any("на куратора Ким Сашу" in point for point in Order.objects.get().points)


@pytest.mark.django_db
def test_who_may_see_and_make_orders(client, mentor, stranger, coordinator, curator, programme, pair):
    order = order_create(actor=curator, programme=programme, kind="model", number="1", day=date(YEAR, 9, 1))
    assert client_for(stranger).get(url("orders")).status_code == 404
    assert client_for(stranger).get(url("order_detail", order=order.pk)).status_code == 404
    assert client_for(mentor).get(url("orders")).status_code == 403
    assert client_for(mentor).post(url("order_new", order_kind="pairing"), {}).status_code == 403
    assert client_for(mentor).post(url("order_file", order=order.pk, fmt="pdf")).status_code == 403
    assert (
        client_for(coordinator).get(url("orders")).status_code == 404
    )  # the authority above sees aggregates only
    assert client_for(curator).get(url("order_new", order_kind="nonsense")).status_code == 404
    assert client_for(curator).get(url("order_detail", order=order.pk + 999)).status_code == 404


@pytest.mark.django_db
def test_the_register_of_orders_takes_the_same_queries_for_one_order_or_many(
    curator_client, curator, programme, pair, django_assert_max_num_queries
):
    order_create(actor=curator, programme=programme, kind="model", number="1", day=date(YEAR, 9, 1))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        assert curator_client.get(url("orders")).status_code == 200
    for number in range(2, 30):
        order_create(
            actor=curator, programme=programme, kind="roadmap", number=str(number), day=date(YEAR, 9, 2)
        )
    with django_assert_max_num_queries(len(one.captured_queries)):
        page = curator_client.get(url("orders")).content.decode()
    assert page.count("/reports/orders/") >= 29


@pytest.mark.django_db
def test_rendering_a_500_pair_order_reads_its_objects_in_a_fixed_number_of_queries(
    curator, programme, mentor_person, django_assert_max_num_queries
):
    form = MentoringForm.objects.get(key="teacher_pupil")
    groups = []
    for index in range(40):
        pupil = person_create(
            actor=None,
            organization=programme.organization,
            last_name=f"Ученик{index}",
            first_name="Иван",
            kind="pupil",
        )
        group = MentoringGroup.objects.create(programme=programme, form=form)
        GroupMember.objects.create(group=group, person=mentor_person, role="mentor")
        GroupMember.objects.create(group=group, person=pupil, role="mentee")
        groups.append(group)
    order = order_create(
        actor=curator, programme=programme, kind="pairing", number="9", day=date(YEAR, 10, 1), groups=groups
    )
    with django_assert_max_num_queries(14):
        context = order_context(order)
    assert len(context["appendix"]["rows"]) == 40 and OrderItem.objects.filter(order=order).count() == 120


@pytest.mark.django_db
def test_a_school_template_changes_both_renderings_of_its_orders(
    curator_client, curator, named, programme, pair
):
    order = order_create(
        actor=curator, programme=programme, kind="model", number="1-ОД", day=date(YEAR, 9, 1)
    )
    template = Document(io.BytesIO(engine.default_template("order_model")))
    template.add_paragraph("Приказ подготовлен рабочей группой {{ org.short_name }}.")
    buffer = io.BytesIO()
    template.save(buffer)
    buffer.seek(0)
    buffer.name = "мой-приказ.docx"
    response = curator_client.post(url("template_upload", key="order_model"), {"file": buffer})
    assert response.status_code == 302
    assert "Приказ подготовлен рабочей группой МБОУ «СОШ № 1»." in docx_text(render_order(order, "docx"))
    assert "Приказ подготовлен рабочей группой МБОУ «СОШ № 1»." in pdf_words(render_order(order, "pdf"))
    curator_client.post(url("template_reset", key="order_model"))
    assert "рабочей группой" not in docx_text(render_order(order, "docx"))


@pytest.mark.django_db
def test_an_order_page_takes_the_same_queries_for_one_pair_or_many(
    curator_client, curator, programme, pair, mentor_person, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    small = order_create(
        actor=curator, programme=programme, kind="pairing", number="1", day=date(YEAR, 10, 1), groups=[pair]
    )
    with CaptureQueriesContext(connection) as one:
        assert curator_client.get(url("order_detail", order=small.pk)).status_code == 200
    form = MentoringForm.objects.get(key="teacher_pupil")
    groups = []
    for index in range(25):
        pupil = person_create(
            actor=None,
            organization=programme.organization,
            last_name=f"Ученик{index}",
            first_name="Иван",
            kind="pupil",
        )
        group = MentoringGroup.objects.create(programme=programme, form=form)
        GroupMember.objects.create(group=group, person=mentor_person, role="mentor")
        GroupMember.objects.create(group=group, person=pupil, role="mentee")
        groups.append(group)
    large = order_create(
        actor=curator, programme=programme, kind="pairing", number="2", day=date(YEAR, 10, 2), groups=groups
    )
    with django_assert_max_num_queries(len(one.captured_queries)):
        page = curator_client.get(url("order_detail", order=large.pk)).content.decode()
    assert page.count("Ученик") == 25
