"""Writes of orders (приказы): drawing one up from the data, changing its requisites or text.

An order is a record. Rendering it (PDF, Word) never writes anything; the objects it fixes are marked
once, when it is created: pairs get its number unless an earlier order already fixed them, plans are
approved unless an earlier order already approved them.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models.fields.files import FieldFile
from django.utils import timezone
from django.utils.translation import gettext as _

from mentoring.models import AuditEvent, Membership, Programme, Role, User
from mentoring.services import audit_record
from pairing.models import GroupMember, MentoringGroup
from participants.models import Person

from .. import declension
from ..models import DocumentRequisites, Order, OrderItem, OrderKind
from .texts import DraftFacts, draft

logger = logging.getLogger(__name__)

# The formats an order is rendered in; a signed order keeps one copy of each.
FROZEN_FORMATS = ("pdf", "docx")


class OrderError(Exception):
    """An expected problem with an order, shown to the user as it is (in Russian)."""


def requisites_of(organization) -> DocumentRequisites:
    found = DocumentRequisites.objects.filter(organization=organization).first()
    return found or DocumentRequisites(organization=organization)


def regulation_requisites(programme: Programme, on: date | None = None) -> tuple[str, date | None]:
    """The number and date of the order approving the Положение о наставничестве: the latest signed such
    order in force in the system (a draft approves nothing) dated on or before ``on`` (an order never cites an act issued after it), else what the school
    entered on the requisites page (when it is not dated after ``on`` either)."""
    orders = Order.objects.filter(
        organization=programme.organization, kind=OrderKind.REGULATION, signed=True
    ).in_force()
    if on is not None:
        orders = orders.filter(day__lte=on)
    order = orders.order_by("-day", "-pk").first()
    if order is not None:
        return order.number, order.day
    requisites = requisites_of(programme.organization)
    if on is not None and requisites.regulation_date is not None and requisites.regulation_date > on:
        return "", None
    return requisites.regulation_number, requisites.regulation_date


def user_person(organization, user) -> Person | None:
    """The user's own record in the organisation's bases, if there is one (it holds position and sex)."""
    if user is None:
        return None
    return Person.objects.filter(organization=organization, user=user, anonymised_at__isnull=True).first()


def curator_facts(organization, user) -> tuple[str, str, str]:
    """Full name, position and sex of a curator user (the sex from their record, else inferred)."""
    if user is None:
        return "", "", ""
    person = user_person(organization, user)
    name = " ".join(
        part for part in (user.last_name, user.first_name, getattr(user, "patronymic", "")) if part
    )
    if person is not None:
        name = person.full_name or name
    sex = (person.sex if person else "") or declension.infer_sex(
        user.first_name, getattr(user, "patronymic", ""), user.last_name
    )
    return name or user.get_username(), (person.position if person else ""), sex


def draft_facts(
    *,
    programme: Programme,
    day: date,
    responsible: User | None,
    responsible_position: str = "",
    responsible_sex: str = "",
    cancels: Order | None = None,
    reason: str = "",
) -> DraftFacts:
    from pairing.services import forms_for

    name, position, sex = curator_facts(programme.organization, responsible)
    number, regulation_day = regulation_requisites(programme, on=day)
    return DraftFacts(
        organization_short=programme.organization.short_name or programme.organization.name,
        year=programme.academic_year.label,
        day=day,
        forms=[form.name for form in forms_for(programme)],
        regulation_number=number,
        regulation_date=regulation_day,
        curator_name=name,
        curator_position=responsible_position or position,
        curator_sex=responsible_sex or sex,
        start=max(day, programme.academic_year.start_date),
        cancelled_number=cancels.number if cancels else "",
        cancelled_day=cancels.day if cancels else None,
        cancelled_title=cancels.title if cancels else "",
        reason=reason,
    )


def curators_of(organization) -> list[User]:
    return [
        membership.user
        for membership in Membership.objects.filter(organization=organization, role=Role.CURATOR)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "pk")
    ]


def _check_number(programme: Programme, number: str, day: date, exclude: int | None = None) -> str:
    number = " ".join(number.split())
    if not number:
        raise OrderError(_("Give the number of the order."))
    clash = Order.objects.filter(organization=programme.organization, number=number, day__year=day.year)
    if exclude:
        clash = clash.exclude(pk=exclude)
    found = clash.first()
    if found is not None:
        raise OrderError(
            _("The organisation already has an order № %(number)s in %(year)s: «%(title)s» of %(day)s.")
            % {
                "number": number,
                "year": day.year,
                "title": found.title,
                "day": found.day.strftime("%d.%m.%Y"),
            }
        )
    return number


# Распоряжение Минпросвещения России от 25.12.2019 № Р-145 (the methodology of the target mentoring model)
# is cited by every order's preamble: no mentoring order predates it.
R145_DAY = date(2019, 12, 25)


def order_days(programme: Programme) -> tuple[date, date]:
    """The first and last date an order of the programme year may bear."""
    return _earliest_day(programme), programme.academic_year.end_date


def _earliest_day(programme: Programme) -> date:
    """The earliest date an order of the programme year may bear. Orders for a year are usually signed at
    the end of the previous one (the pedagogical council meets in late August), so from 1 August of the
    year the academic year starts (or its start, if that is earlier), never before Р-145."""
    start = programme.academic_year.start_date
    return max(R145_DAY, min(start, date(start.year, 8, 1)))


def _check_day(programme: Programme, day: date) -> None:
    """Refuse a date no order of this programme year can bear (nothing is saved). A pairing order may
    precede its pairs' start: «закрепить … с 01.09.2026» is often signed on 30.08."""
    if day < R145_DAY:
        raise OrderError(
            _(
                "An order of the mentoring programme cannot be dated before 25.12.2019: it cites the "
                "methodology approved by Распоряжение № Р-145 of that date."
            )
        )
    year = programme.academic_year
    earliest, last = order_days(programme)
    if day < earliest or day > last:
        raise OrderError(
            _("The order date must fall within the academic year %(year)s: from %(start)s to %(end)s.")
            % {
                "year": year.label,
                "start": earliest.strftime("%d.%m.%Y"),
                "end": year.end_date.strftime("%d.%m.%Y"),
            }
        )


@transaction.atomic
def order_create(
    *,
    actor: User | None,
    programme: Programme,
    kind: str,
    number: str,
    day: date,
    place: str = "",
    responsible: User | None = None,
    responsible_position: str = "",
    responsible_sex: str = "",
    groups: Sequence[MentoringGroup] = (),
    plans: Sequence = (),
    people: Sequence[Person] = (),
    notes: dict[int, str] | None = None,
    title: str | None = None,
    preamble: str | None = None,
    points: Iterable[str] | None = None,
    cancels: Order | None = None,
    reason: str = "",
) -> Order:
    """Draw up an order from the data, with the default wording unless a text is given, and fix its objects.

    An order of the kind «cancel» names the signed order it declares invalid (``cancels``); it takes the
    people of that order, who are acquainted with it again. Until it is signed it changes nothing.
    """
    if kind not in OrderKind.values:
        raise OrderError(_("Unknown kind of order."))
    if day is None:
        raise OrderError(_("Give the date of the order."))
    organization = programme.organization
    if kind == OrderKind.CANCEL:
        if cancels is None or cancels.organization_id != organization.pk:
            raise OrderError(_("Choose the signed order this order declares invalid."))
        cancels = _cancellable(Order.objects.select_for_update().get(pk=cancels.pk), day=day)
        # the people of the cancelled order, in its roles: they are acquainted with this one too
        acquainted_items = list(
            cancels.items.filter(person__isnull=False).select_related("person").order_by("position", "pk")
        )
        groups, plans, people = [], [], []
        if responsible is not None and responsible.pk == cancels.responsible_id and not responsible_position:
            responsible_position = cancels.responsible_position  # as the cancelled order named them
    else:
        cancels, acquainted_items = None, []
    number = _check_number(programme, number, day)
    groups = [group for group in groups if group.programme_id == programme.pk]
    _check_day(programme, day)
    if plans:
        from monitoring.models import IndividualPlan

        plans = list(
            IndividualPlan.objects.filter(
                pk__in=[plan.pk for plan in plans], group__programme=programme
            ).order_by("group__created_at", "group_id")
        )
    people = [person for person in people if person.organization_id == organization.pk]
    if kind == OrderKind.PAIRING and not groups:
        raise OrderError(_("There are no accepted pairs to put in an order."))
    if kind == OrderKind.PLANS and not plans:
        raise OrderError(_("Choose at least one individual plan."))
    if kind == OrderKind.REWARD and not people:
        raise OrderError(_("Choose at least one participant to reward."))
    if kind in (OrderKind.CURATOR,) and responsible is None:
        raise OrderError(_("Choose the curator this order appoints."))
    facts = draft_facts(
        programme=programme,
        day=day,
        responsible=responsible,
        responsible_position=responsible_position,
        responsible_sex=responsible_sex,
        cancels=cancels,
        reason=reason,
    )
    text = draft(kind, facts)
    requisites = requisites_of(organization)
    order = Order.objects.create(
        organization=organization,
        programme=programme,
        kind=kind,
        number=number,
        day=day,
        title=(title or text.title).strip(),
        place=(place or requisites.place).strip(),
        preamble=(preamble if preamble is not None else text.preamble).strip(),
        points=[point.strip() for point in (points if points is not None else text.points) if point.strip()],
        signatory_position=organization.head_position or "Директор",
        signatory_name=declension.initials_first(organization.head_name),
        responsible=responsible,
        responsible_name=facts.curator_name,
        responsible_position=facts.curator_position,
        cancels=cancels,
        created_by=actor if actor is not None and actor.is_authenticated else None,
    )
    items = _items(
        order, groups=groups, plans=plans, people=people, notes=notes or {}, acquainted=acquainted_items
    )
    OrderItem.objects.bulk_create(items)
    if kind == OrderKind.PAIRING:
        from pairing.services import groups_record_order

        # a pair already fixed by an earlier order keeps that order's number
        unfixed = list(MentoringGroup.objects.filter(pk__in=[group.pk for group in groups], order_number=""))
        groups_record_order(actor=actor, groups=unfixed, number=number, day=day)
    if kind == OrderKind.PLANS:
        from monitoring.models import IndividualPlan
        from monitoring.plans.services import plans_approve

        unapproved = list(IndividualPlan.objects.filter(pk__in=[plan.pk for plan in plans], order_number=""))
        plans_approve(actor=actor, plans=unapproved, order_number=number, order_date=day)
    audit_record(
        actor=actor,
        organization=organization,
        action=AuditEvent.Action.CREATE,
        target=order,
        changes=["kind", "number", "day", "title", "preamble", "points"],
        details={"kind": kind, "objects": len(items), **({"cancels": cancels.pk} if cancels else {})},
    )
    return order


def _requisites(order: Order) -> str:
    return f"от {order.day:%d.%m.%Y} № {order.number}"


def why_not_cancellable(target: Order) -> str | None:
    """Why another order may not declare ``target`` invalid (the form names it), or None if it may."""
    try:
        _cancellable(target, day=None)
    except OrderError as error:
        return str(error)
    return None


def _cancellable(target: Order, *, day: date | None, exclude: int | None = None) -> Order:
    """The order ``target`` if another order may declare it invalid on ``day``, else why not.

    When the order ``exclude`` is being signed, only a signed cancelling order stands in its way (a
    second draft slipped in meanwhile is not signed after it, see ``order_mark_signed``)."""
    if target.kind == OrderKind.CANCEL:
        raise OrderError(_("An order declaring another invalid is not cancelled itself."))
    if not target.signed:
        raise OrderError(
            _("Order %(requisites)s is a draft: a draft is deleted, not declared invalid.")
            % {"requisites": _requisites(target)}
        )
    if day is not None and day < target.day:
        raise OrderError(_("An order cannot declare invalid an order issued after it."))
    others = target.cancelling_orders.exclude(pk=exclude) if exclude else target.cancelling_orders.all()
    found = others.order_by("-signed", "day", "pk").first()
    if found is not None and found.signed:
        raise OrderError(
            _("Order %(requisites)s has already lost its force (order %(by)s).")
            % {"requisites": _requisites(target), "by": _requisites(found)}
        )
    if found is not None and exclude is None:
        raise OrderError(
            _(
                "Order %(requisites)s is already declared invalid by the draft order %(by)s: sign or delete "
                "that draft."
            )
            % {"requisites": _requisites(target), "by": _requisites(found)}
        )
    return target


def _members_by_group(group_ids: list[int]) -> dict[int, list[GroupMember]]:
    """The members of these groups in one query, mentors first, then by surname."""
    members: dict[int, list[GroupMember]] = {}
    for member in (
        GroupMember.objects.filter(group_id__in=group_ids)
        .select_related("person")
        .order_by("group_id", "-role", "person__last_name", "person__first_name", "pk")
    ):
        members.setdefault(member.group_id, []).append(member)
    return members


def _items(
    order: Order, *, groups, plans, people, notes: dict[int, str], acquainted: Sequence[OrderItem] = ()
) -> list[OrderItem]:
    items: list[OrderItem] = []

    def add(**fields: Any) -> None:
        items.append(OrderItem(order=order, position=len(items), **fields))

    members = _members_by_group([group.pk for group in groups] + [plan.group_id for plan in plans])
    for group in groups:
        add(group=group)
        for member in members.get(group.pk, []):
            add(group=group, person=member.person, role=member.role)
    for plan in plans:
        add(plan=plan, group_id=plan.group_id)
        for member in members.get(plan.group_id, []):
            add(plan=plan, group_id=plan.group_id, person=member.person, role=member.role)
    role = OrderItem.Role.REWARDED if order.kind == OrderKind.REWARD else OrderItem.Role.WORKING_GROUP
    for person in people:
        add(person=person, role=role, note=(notes.get(person.pk) or "")[:500])
    seen: set[int | None] = set()
    for item in acquainted:  # a person in two pairs of the cancelled order is acquainted once
        if item.person_id not in seen:
            seen.add(item.person_id)
            add(person=item.person, role=item.role)
    return items


@transaction.atomic
def order_update(
    *,
    actor: User | None,
    order: Order,
    number: str,
    day: date,
    place: str,
    title: str,
    preamble: str,
    points: Iterable[str],
    signatory_position: str,
    signatory_name: str,
) -> Order:
    """Change the requisites or the text of an order; the pairs and plans it fixed follow a new number.
    A signed order is refused: its text, number and date are those the director signed."""
    if Order.objects.filter(pk=order.pk, signed=True).exists():
        raise OrderError(
            _(
                "A signed order is not changed: its text, number and date are those the director signed. "
                "Issue another order amending it or declaring it invalid."
            )
        )
    if day is None:
        raise OrderError(_("Give the date of the order."))
    number = _check_number(order.programme, number, day, exclude=order.pk)
    _check_day(order.programme, day)
    points = [point.strip() for point in points if point.strip()]
    title = title.strip()
    if not title:
        raise OrderError(_("Give the title of the order."))
    if not points:
        raise OrderError(_("An order needs at least one point."))
    before = {
        "number": order.number,
        "day": order.day.isoformat(),
        "place": order.place,
        "title": order.title,
        "preamble": order.preamble,
        "points": order.points,
        "signatory_position": order.signatory_position,
        "signatory_name": order.signatory_name,
    }
    old_number, old_day = order.number, order.day
    order.number, order.day, order.place, order.title = number, day, place.strip(), title
    order.preamble, order.points = preamble.strip(), points
    order.signatory_position, order.signatory_name = signatory_position.strip(), signatory_name.strip()
    order.save()
    after = {**before, "number": number, "day": day.isoformat(), "place": order.place, "title": title}
    after.update(
        preamble=order.preamble,
        points=points,
        signatory_position=order.signatory_position,
        signatory_name=order.signatory_name,
    )
    changes = {key: [before[key], after[key]] for key in before if before[key] != after[key]}
    if (old_number, old_day) != (number, day):
        group_ids = order.items.filter(group__isnull=False, plan__isnull=True).values("group_id")
        if order.kind == OrderKind.PAIRING:
            MentoringGroup.objects.filter(
                pk__in=group_ids, order_number=old_number, order_date=old_day
            ).update(order_number=number, order_date=day)
        if order.kind == OrderKind.PLANS:
            from monitoring.models import IndividualPlan
            from monitoring.plans.services import plans_approve

            plans = IndividualPlan.objects.filter(
                pk__in=order.items.filter(plan__isnull=False).values("plan_id"),
                order_number=old_number,
                order_date=old_day,
            )
            plans_approve(actor=actor, plans=list(plans), order_number=number, order_date=day)
    if changes:
        audit_record(
            actor=actor,
            organization=order.organization,
            action=AuditEvent.Action.UPDATE,
            target=order,
            changes=changes,
        )
    return order


@transaction.atomic
def requisites_save(
    *,
    actor: User | None,
    organization,
    place: str,
    regulation_number: str,
    regulation_date: date | None,
) -> DocumentRequisites:
    requisites = requisites_of(organization)
    before = {
        "place": requisites.place,
        "regulation_number": requisites.regulation_number,
        "regulation_date": requisites.regulation_date.isoformat() if requisites.regulation_date else None,
    }
    requisites.place = place.strip()
    requisites.regulation_number = regulation_number.strip()
    requisites.regulation_date = regulation_date
    requisites.updated_by = actor if actor is not None and actor.is_authenticated else None
    requisites.save()
    after = {
        "place": requisites.place,
        "regulation_number": requisites.regulation_number,
        "regulation_date": regulation_date.isoformat() if regulation_date else None,
    }
    audit_record(
        actor=actor,
        organization=organization,
        action=AuditEvent.Action.UPDATE,
        target=requisites,
        changes={key: [before[key], after[key]] for key in before if before[key] != after[key]},
    )
    return requisites


@transaction.atomic
def order_mark_signed(*, actor: User | None, order: Order) -> Order:
    """The director has signed the order: from now on it is cancelled by another order, not deleted.

    Its Word file is rendered now, once, and kept (``order_freeze``); the PDF is laid out from that Word
    file by the worker right after (or by the first download). Every later download gives these very
    bytes, whatever happens to the template, the names or the pairs afterwards. A template that cannot
    be rendered refuses the signing, with the reason, and nothing changes.
    """
    order = Order.objects.select_for_update().get(pk=order.pk)
    if order.signed:
        return order
    # the order a cancelling order declares invalid (a cancelling order always names one: the check
    # constraint order_cancels_only_by_a_cancelling_order)
    target: Order | None = None
    if order.kind == OrderKind.CANCEL and order.cancels_id is not None:
        target = _cancellable(
            Order.objects.select_for_update().get(pk=order.cancels_id), day=order.day, exclude=order.pk
        )
    order.signed = True
    order.save(update_fields=["signed", "updated_at"])
    order_freeze(order=order)
    transaction.on_commit(lambda: _queue_pdf(order.pk))
    if target is not None:
        released = _release(
            actor=actor,
            order=target,
            description=_(
                "Order № %(number)s of %(date)s approving the plan was declared invalid by order № %(by)s of %(by_date)s"
            )
            % {
                "number": target.number,
                "date": target.day.strftime("%d.%m.%Y"),
                "by": order.number,
                "by_date": order.day.strftime("%d.%m.%Y"),
            },
        )
        audit_record(
            actor=actor,
            organization=order.organization,
            action=AuditEvent.Action.UPDATE,
            target=target,
            changes=["cancelled_by"],
            details={"cancelled_by": order.pk, **released},
        )
    audit_record(
        actor=actor,
        organization=order.organization,
        action=AuditEvent.Action.UPDATE,
        target=order,
        changes={"signed": [False, True]},
    )
    return order


def _copy_of(order: Order, fmt: str) -> FieldFile:
    return order.pdf_copy if fmt == "pdf" else order.docx_copy


def _read(stored: FieldFile) -> bytes | None:
    if not stored.name:
        return None
    try:
        with stored.storage.open(stored.name, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        logger.warning("The kept copy %s of an order is missing; it is made again", stored.name)
        return None


def _keep(order: Order, fmt: str, content: bytes) -> None:
    """Store one copy of the order (through the default storage), replacing an older one after commit."""
    from .reports import order_filename

    stored = _copy_of(order, fmt)
    old = (stored.storage, stored.name) if stored.name else None
    stored.save(order_filename(order, fmt), ContentFile(content), save=False)
    order.frozen_at = order.frozen_at or timezone.now()
    Order.objects.filter(pk=order.pk).update(
        pdf_copy=order.pdf_copy.name, docx_copy=order.docx_copy.name, frozen_at=order.frozen_at
    )
    if old is not None and old[1] != stored.name:

        def forget(storage=old[0], name=old[1]) -> None:
            try:
                storage.delete(name)
            except OSError:
                logger.warning("Could not delete the old copy %s of an order", name, exc_info=True)

        transaction.on_commit(forget)


def _pdf_of(order: Order, docx: bytes) -> bytes:
    """The PDF of a kept Word copy: the same content laid out on A4, whatever the template or the data
    say today (``engine.render`` lays out a rendered Word file the same way)."""
    from .. import writers
    from ..documents.paper.docx_html import docx_to_html

    return writers.render_pdf(docx_to_html(docx, title=order.title))


def order_freeze(*, order: Order) -> Order:
    """Fix the order's content: its Word file is rendered from the record now and kept. The PDF is laid
    out from that Word file (``order_freeze_pdf``), so neither changes afterwards.

    Called when the order is signed; again only when the Word copy is missing: an order signed before the
    copies were kept, or one whose copy was deleted because it named a person who withdrew the consent
    (``reports/erasure.py``) — then the copy is made from the record as it is now, without the name.
    """
    from ..registry import ReportError
    from .reports import render_order

    try:
        content = render_order(order, "docx")
    except ReportError as error:
        raise OrderError(str(error)) from error
    if order.pdf_copy.name:  # a PDF of an earlier Word copy no longer matches: it goes after commit
        storage, name = order.pdf_copy.storage, order.pdf_copy.name
        transaction.on_commit(lambda: storage.delete(name))
        order.pdf_copy.name = ""
    _keep(order, "docx", content)
    return order


def order_freeze_pdf(*, order_id: int) -> None:
    """Lay out the PDF of a signed order from its kept Word copy (the task queued at signing)."""
    order = Order.objects.filter(pk=order_id, signed=True).first()
    if order is not None and not order.pdf_copy.name:
        order_signed_file(order=order, fmt="pdf")


def _queue_pdf(order_id: int) -> None:
    """After the signing commits: the PDF is laid out by the worker; if the queue is down, the first
    download makes it (from the same kept Word file)."""
    from ..tasks import freeze_order_pdf

    try:
        freeze_order_pdf.delay(order_id)
    except Exception:  # any error: the broker may be down; the download path covers it
        logger.warning(
            "Could not queue the PDF of order %s; the first download makes it", order_id, exc_info=True
        )


def order_signed_file(*, order: Order, fmt: str) -> bytes:
    """The bytes of a signed order's file as it was signed; a missing copy is made now and kept: the Word
    file from the record, the PDF from the kept Word file."""
    if fmt not in FROZEN_FORMATS:
        raise OrderError(_("This report cannot be produced in this format."))
    content = _read(_copy_of(order, fmt))
    if content is not None:
        return content
    with transaction.atomic():
        locked = (
            Order.objects.select_for_update(of=("self",))
            .select_related(
                "organization",
                "programme__academic_year",
                "programme__organization",
                "responsible",
                "cancels",
            )
            .get(pk=order.pk)
        )
        content = _read(_copy_of(locked, fmt))  # another download may have made it meanwhile
        if content is not None:
            return content
        docx = _read(locked.docx_copy)
        if docx is None:
            order_freeze(order=locked)
            docx = _read(locked.docx_copy)
        if fmt == "docx" or docx is None:
            return docx or b""
        content = _pdf_of(locked, docx)
        _keep(locked, "pdf", content)
        return content


def _fixed_elsewhere(order: Order, field: str, ids: list[int]) -> dict[int, Order]:
    """For each pair (or plan) of ``ids``: the earliest other order of the same kind that fixes it."""
    found: dict[int, Order] = {}
    items = (
        OrderItem.objects.filter(**{f"{field}_id__in": ids}, order__programme_id=order.programme_id)
        .filter(order__kind=order.kind)
        .exclude(order=order)
        .exclude(order__cancelling_orders__signed=True)
        .select_related("order")
        .order_by("order__day", "order__pk")
    )
    for item in items:
        found.setdefault(getattr(item, f"{field}_id"), item.order)
    return found


def _release(*, actor: User | None, order: Order, description: str) -> dict[str, int]:
    """The pairs this order fixed and the plans it approved lose its number (the order is deleted or
    declared invalid) and take that of another order in force fixing them, if there is one."""
    released: dict[str, int] = {"groups": 0, "plans": 0}
    if order.kind == OrderKind.PAIRING:
        group_ids = list(
            order.items.filter(group__isnull=False).values_list("group_id", flat=True).distinct()
        )
        carrying = list(
            MentoringGroup.objects.filter(pk__in=group_ids, order_number=order.number, order_date=order.day)
        )
        other = _fixed_elsewhere(order, "group", [group.pk for group in carrying])
        for group in carrying:
            replacement = other.get(group.pk)
            group.order_number = replacement.number if replacement else ""
            group.order_date = replacement.day if replacement else None
        MentoringGroup.objects.bulk_update(carrying, ["order_number", "order_date"])
        released["groups"] = len(carrying)
    if order.kind == OrderKind.PLANS:
        from monitoring.models import IndividualPlan, PlanChange

        plan_ids = list(order.items.filter(plan__isnull=False).values_list("plan_id", flat=True))
        carrying_plans = list(
            IndividualPlan.objects.filter(pk__in=plan_ids, order_number=order.number, order_date=order.day)
        )
        other = _fixed_elsewhere(order, "plan", [plan.pk for plan in carrying_plans])
        for plan in carrying_plans:
            replacement = other.get(plan.pk)
            plan.order_number = replacement.number if replacement else ""
            plan.order_date = replacement.day if replacement else None
            if replacement is None:
                plan.approved_at = None  # the plan is a draft again, as before the order
            plan.save(update_fields=["order_number", "order_date", "approved_at", "updated_at"])
            PlanChange.objects.create(
                plan=plan,
                actor=actor if actor is not None and actor.is_authenticated else None,
                description=description[:500],
                details={"order_number": [order.number, plan.order_number]},
            )
        released["plans"] = len(carrying_plans)
    return released


def order_carriers(order: Order) -> tuple[int, int]:
    """How many pairs and plans carry this order's number (what deleting it changes)."""
    from monitoring.models import IndividualPlan

    pairs = plans = 0
    if order.kind == OrderKind.PAIRING:
        pairs = MentoringGroup.objects.filter(
            pk__in=order.items.filter(group__isnull=False).values("group_id"),
            order_number=order.number,
            order_date=order.day,
        ).count()
    if order.kind == OrderKind.PLANS:
        plans = IndividualPlan.objects.filter(
            pk__in=order.items.filter(plan__isnull=False).values("plan_id"),
            order_number=order.number,
            order_date=order.day,
        ).count()
    return pairs, plans


@transaction.atomic
def order_delete(*, actor: User | None, order: Order) -> None:
    """Delete a draft entered by mistake. The pairs it fixed and the plans it approved lose its number
    (and take that of another order fixing them, if there is one); a signed order is refused."""
    if order.signed:
        raise OrderError(
            _(
                "A signed order is not deleted: it stays in the register under its number. Cancel it by "
                "another order (e.g. «On declaring order № … invalid»)."
            )
        )
    order = Order.objects.select_for_update().get(pk=order.pk)
    released = _release(
        actor=actor,
        order=order,
        description=_("Order № %(number)s of %(date)s approving the plan was deleted")
        % {"number": order.number, "date": order.day.strftime("%d.%m.%Y")},
    )
    audit_record(
        actor=actor,
        organization=order.organization,
        action=AuditEvent.Action.DELETE,
        target=order,
        # the record is gone: the row keeps its requisites and title («от 01.10.2026 № 10-ОД «О …»»)
        target_repr=str(order),
        details={"kind": order.kind, "objects": order.items.count(), **released},
    )
    order.delete()
