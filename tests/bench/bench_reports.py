"""Reports benchmarks: the pairing order with 500 pairs as a PDF, certificates for 300 mentors.

Both are the reports' own ``generate`` (what the worker runs: the queries, the template, WeasyPrint),
timed against a reference measured in the same run: WeasyPrint laying out plain HTML with the same
text and the same number of rows or pages, without our templates' styling — the floor any PDF of
that size costs with this engine. ``ratio`` is then the price of our layout over that floor.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from common import test_database  # noqa: E402  after the sys.path line above

REPEAT = 3
LAST = [
    "Иванов",
    "Петров",
    "Смирнов",
    "Кузнецов",
    "Соколов",
    "Попов",
    "Лебедев",
    "Козлов",
    "Новиков",
    "Морозов",
]
FIRST = ["Александр", "Максим", "Артём", "Михаил", "Иван", "Даниил", "Егор", "Кирилл", "Матвей", "Тимофей"]


def _timed(function) -> float:
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def _side_by_side(ours, reference) -> tuple[float, float]:
    """Medians of ours and of the reference, taking turns so that both see the same machine load."""
    values, references = [], []
    for _ in range(REPEAT):
        references.append(_timed(reference))
        values.append(_timed(ours))
    return statistics.median(values), statistics.median(references)


def _programme_with_pairs(slug: str, pairs: int):
    """An organisation whose programme has ``pairs`` active pairs of a teacher and a pupil, all consenting."""
    from mentoring.models import Organization
    from mentoring.services import programme_create
    from pairing.models import GroupMember, MentoringForm, MentoringGroup
    from participants.models import Consent, MenteeProfile, MentorProfile, Person

    organization = Organization.objects.create(
        name=f"Муниципальное бюджетное общеобразовательное учреждение «Средняя школа {slug}»",
        short_name=f"МБОУ «СШ {slug}»",
        slug=slug,
        region="Тверская область",
        head_name="Захаров Андрей Николаевич",
        head_position="Директор",
    )
    programme = programme_create(actor=None, organization=organization, start_year=2025)
    form = MentoringForm.objects.get(key="teacher_pupil", organization=None)
    people = []
    for number in range(pairs):
        last = LAST[number % 10]
        people.append(
            Person(
                organization=organization,
                last_name=f"{last}а",
                first_name="Ольга",
                patronymic="Петровна",
                kind="teacher",
                search_text=f"{last}а-{number}",
            )
        )
        people.append(
            Person(
                organization=organization,
                last_name=f"{last}-{number}",
                first_name=FIRST[(number // 10) % 10],
                patronymic="Сергеевич",
                kind="pupil",
                group_name=f"{5 + number % 7}{'АБВГ'[number % 4]}",
                birth_date=date(2012, 1, 1),
                search_text=f"{last}-{number}",
            )
        )
    people = Person.objects.bulk_create(people)
    Consent.objects.bulk_create(
        Consent(person=person, scope="personal_data", given_on=date(2025, 9, 1)) for person in people
    )
    mentors, mentees = people[0::2], people[1::2]
    MentorProfile.objects.bulk_create(
        MentorProfile(person=p, programme=programme, capacity=1) for p in mentors
    )
    MenteeProfile.objects.bulk_create(MenteeProfile(person=p, programme=programme) for p in mentees)
    groups = MentoringGroup.objects.bulk_create(
        MentoringGroup(
            programme=programme,
            form=form,
            status="active",
            start_date=date(2025, 10, 15),
            planned_end_date=date(2026, 5, 25),
        )
        for _ in range(pairs)
    )
    GroupMember.objects.bulk_create(
        member
        for group, mentor, mentee in zip(groups, mentors, mentees, strict=True)
        for member in (
            GroupMember(group=group, person=mentor, role="mentor"),
            GroupMember(group=group, person=mentee, role="mentee"),
        )
    )
    return programme


def _context(programme, options):
    from mentoring.access import Access, Scope
    from mentoring.models import Role
    from reports.registry import ReportContext

    access = Access(organization=programme.organization, roles=frozenset(Role.values))
    scope = Scope(organization=programme.organization, programme=programme, access=access)
    return ReportContext(scope=scope, user=None, options=options)


def _signed_order(record, context):
    """``order_sign_500``: marking the 500-pair order signed, as the request does it (its Word file rendered
    once and kept; the PDF is the worker's, queued after the commit), against rendering both formats;
    ``order_signed_download_500``: the job of a signed order reads the kept PDF, against rendering it live
    (what a draft costs)."""
    from django.core.files.storage import default_storage

    from reports.models import Order
    from reports.orders import services as order_services
    from reports.orders.reports import render_order
    from reports.registry import registry

    def unsign() -> None:
        kept = Order.objects.get(pk=record.pk)
        for name in (kept.pdf_copy.name, kept.docx_copy.name):
            if name:
                default_storage.delete(name)
        Order.objects.filter(pk=record.pk).update(signed=False, pdf_copy="", docx_copy="", frozen_at=None)

    queued = order_services._queue_pdf
    order_services._queue_pdf = lambda order_id: None  # the worker's part is not the request's

    def sign() -> None:
        unsign()
        order_services.order_mark_signed(actor=None, order=Order.objects.get(pk=record.pk))

    def render_both() -> None:
        render_order(record, "pdf")
        render_order(record, "docx")

    try:
        value, reference = _side_by_side(sign, render_both)
    finally:
        order_services._queue_pdf = queued
    yield {
        "measure": "order_sign_500",
        "value": round(value, 3),
        "unit": "s",
        "reference": "render_pdf_and_docx_500",
        "reference_value": round(reference, 3),
        "ratio": round(value / reference, 2),
    }
    started = time.perf_counter()
    order_services.order_freeze_pdf(order_id=record.pk)  # what the worker does right after
    worker = time.perf_counter() - started
    order = registry.get("order")
    kept = Order.objects.get(pk=record.pk)
    with kept.pdf_copy.open("rb") as handle:
        stored = handle.read()
    assert order.generate(context, "pdf").content == stored
    value, reference = _side_by_side(
        lambda: order.generate(context, "pdf"), lambda: render_order(record, "pdf")
    )
    unsign()
    yield {
        "measure": "order_signed_download_500",
        "value": round(value, 4),
        "unit": "s",
        "reference": "order_pdf_500_live",
        "reference_value": round(reference, 3),
        "ratio": round(value / reference, 4),
        "worker_pdf_s": round(worker, 3),
    }


def _plain_order(rows: list[list[str]]) -> bytes:
    from reports.writers import render_pdf

    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return render_pdf(f"<html><body><h1>ПРИКАЗ</h1><table>{body}</table></body></html>")


def _plain_pages(names: list[str]) -> bytes:
    from reports.writers import render_pdf

    pages = "".join(
        f'<div style="page-break-before: always"><h1>ГРАМОТА</h1><p>{name}</p></div>' for name in names
    )
    return render_pdf(f"<html><body>{pages}</body></html>")


def _pages(content: bytes) -> int:
    import io

    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(content)).pages)


def run():
    from django.conf import settings

    settings.DEBUG = False
    with test_database():
        from pairing.models import GroupMember, MentoringGroup
        from reports.orders.services import order_create
        from reports.registry import registry

        # the pairing order with 500 pairs: the record is drawn up once, then rendered from it
        programme = _programme_with_pairs("order-500", 500)
        groups = list(MentoringGroup.objects.filter(programme=programme).order_by("created_at", "pk"))
        record = order_create(
            actor=None,
            programme=programme,
            kind="pairing",
            number="45-ОД",
            day=date(2025, 10, 20),
            groups=groups,
        )
        order = registry.get("order")
        context = _context(programme, {"order": record.pk})
        made = {}

        def ours_order() -> None:
            made["order"] = order.generate(context, "pdf").content

        rows = [
            [str(index), member_names[0], member_names[1], "учитель – ученик", "15.10.2025 – 25.05.2026"]
            for index, member_names in enumerate(
                ([m.person.full_name for m in group.members.select_related("person")] for group in groups),
                start=1,
            )
        ]
        value, reference = _side_by_side(ours_order, lambda: _plain_order(rows))
        yield {
            "measure": "order_pdf_500",
            "value": round(value, 3),
            "unit": "s",
            "reference": "weasyprint_plain_table_500",
            "reference_value": round(reference, 3),
            "ratio": round(value / reference, 2),
            "pages": _pages(made["order"]),
            "target": "value < 5",
        }
        yield from _signed_order(record, context)

        # certificates for 300 mentors
        programme = _programme_with_pairs("cert-300", 300)
        certificates = registry.get("certificates")
        context = _context(programme, {"kind": "merit", "whom": "mentors", "day": "2026-05-25"})

        def ours_certificates() -> None:
            made["certificates"] = certificates.generate(context, "pdf").content

        names = list(
            GroupMember.objects.filter(group__programme=programme, role="mentor").values_list(
                "person__last_name", flat=True
            )
        )
        value, reference = _side_by_side(ours_certificates, lambda: _plain_pages(names))
        pages = _pages(made["certificates"])
        assert pages == 300, pages
        yield {
            "measure": "certificates_300",
            "value": round(value, 3),
            "unit": "s",
            "reference": "weasyprint_plain_pages_300",
            "reference_value": round(reference, 3),
            "ratio": round(value / reference, 2),
            "pages": pages,
            "target": "value < 10",
        }

        # the municipal consolidation: 100 organisations × 1,000 pupils, in the same database
        yield _consolidation()


CONSOLIDATION_SCHOOLS = int(os.environ.get("BENCH_CONSOLIDATION_SCHOOLS", "100"))


def _seed_module():
    import importlib.util

    path = Path(__file__).resolve().parent / "bench_dashboards.py"
    spec = importlib.util.spec_from_file_location("bench_dashboards_seed", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _consolidation() -> dict:
    """``municipal_consolidation`` for an authority of 100 schools × 1,000 pupils (the worker's code path),
    against openpyxl writing the same cells without styling (the floor for that workbook)."""
    import io

    from common import count_queries
    from django.utils import timezone
    from openpyxl import Workbook, load_workbook

    from mentoring.academic_years import academic_year_start_for
    from mentoring.models import Programme
    from reports.registry import registry

    seeding = time.perf_counter()
    start_year = academic_year_start_for(timezone.localdate())
    authority, *_ = _seed_module().seed_municipality(
        start_year, CONSOLIDATION_SCHOOLS, prefix="consolidation"
    )
    seeded_in = time.perf_counter() - seeding
    programme = Programme.objects.select_related("organization", "academic_year").get(
        organization=authority, academic_year__start_year=start_year
    )
    report = registry.get("municipal_consolidation")
    context = _context(programme, {})
    made = {}

    def ours() -> None:
        made["file"] = report.generate(context, "xlsx").content

    ours()
    sheets = load_workbook(io.BytesIO(made["file"]), read_only=True)
    cells = [[list(row) for row in sheet.iter_rows(values_only=True)] for sheet in sheets.worksheets]
    rows = len(cells[0]) - 4

    def reference() -> None:
        workbook = Workbook()
        default = workbook.active  # a new workbook opens with one empty sheet
        assert default is not None
        workbook.remove(default)
        for index, sheet_cells in enumerate(cells):
            sheet = workbook.create_sheet(f"S{index}")
            for row in sheet_cells:
                sheet.append(list(row))
        workbook.save(io.BytesIO())

    value, reference_value = _side_by_side(ours, reference)
    return {
        "measure": f"consolidation_{CONSOLIDATION_SCHOOLS}x1000",
        "value": round(value, 3),
        "unit": "s",
        "queries": count_queries(ours),
        "reference": "openpyxl_plain_same_cells",
        "reference_value": round(reference_value, 3),
        "ratio": round(value / reference_value, 2),
        "organisations": rows - 1,
        "seeded_in_s": round(seeded_in, 1),
        "target": "value < 5 s with a fixed number of queries",
    }
