"""The orders' part of the erasure after a consent is withdrawn (see ``mentoring.erasure``).

A signed order keeps the PDF and the Word file it was signed as. A copy that names the person goes like
every generated file that names them: both copies of every order that concerns them (they are among its
objects, or among those of the order it declares invalid), and any other copy whose text names them. The order stays in the
register; its copies are made again from the record at the next download, when the record no longer holds
the name (the person's card is anonymised, the texts have the name replaced). The paper original the
director signed is the school's archive document and is not the system's to change.
"""

from __future__ import annotations

from django.db.models import Q

from mentoring.erasure import Erasure, erasure_step, file_names_person

from .models import Order


@erasure_step
def forget_order_copies(erasure: Erasure) -> None:
    orders = Order.objects.filter(organization=erasure.organization).exclude(pdf_copy="", docx_copy="")
    person = erasure.person
    concerned = set(orders.filter(Q(items__person=person)).values_list("pk", flat=True))
    for order in orders.only("pk", "pdf_copy", "docx_copy"):
        copies = [stored for stored in (order.pdf_copy, order.docx_copy) if stored.name]
        names = order.pk in concerned or (
            erasure.matcher is not None
            and any(file_names_person(stored, erasure.matcher) for stored in copies)
        )
        if not names:
            continue
        for stored in copies:
            erasure.delete_file(stored, "order_copies")
        Order.objects.filter(pk=order.pk).update(pdf_copy="", docx_copy="", frozen_at=None)
