"""Demo orders: what the demo schools would have issued — the Положение and the model introduced in
August, the pairs and plans the other demos fixed with order numbers, now as records of the register.

Idempotent: an order whose number already exists in the organisation that year is not made again.
"""

from __future__ import annotations

from datetime import date

from mentoring.models import Membership, Organization, Programme, Role
from pairing.models import MentoringGroup

from .models import DocumentRequisites, Order, OrderKind
from .order_services import order_create


def _exists(programme: Programme, number: str, day: date) -> bool:
    return Order.objects.filter(
        organization=programme.organization, number=number, day__year=day.year
    ).exists()


def seed_demo(*, today: date) -> None:
    for organization in Organization.objects.exclude(kind=Organization.Kind.MUNICIPAL_AUTHORITY):
        DocumentRequisites.objects.get_or_create(
            organization=organization, defaults={"place": "г. Берёзовский"}
        )
        membership = (
            Membership.objects.filter(organization=organization, role=Role.CURATOR)
            .select_related("user")
            .first()
        )
        curator = membership.user if membership else None
        for programme in Programme.objects.filter(organization=organization).select_related("academic_year"):
            year = programme.academic_year.start_year
            if year > today.year:
                continue
            for kind, number, day in (
                (OrderKind.REGULATION, f"{100 + year % 100}-ОД", date(year, 8, 28)),
                (OrderKind.MODEL, f"{101 + year % 100}-ОД", date(year, 8, 30)),
            ):
                if not _exists(programme, number, day):
                    order_create(
                        actor=None,
                        programme=programme,
                        kind=kind,
                        number=number,
                        day=day,
                        responsible=curator,
                        responsible_position="заместитель директора по учебно-воспитательной работе",
                    )
            fixed: dict[tuple[str, date], list[MentoringGroup]] = {}
            for group in (
                MentoringGroup.objects.filter(programme=programme).exclude(order_number="").order_by("pk")
            ):
                if group.order_date:
                    fixed.setdefault((group.order_number, group.order_date), []).append(group)
            for (number, day), groups in fixed.items():
                if not _exists(programme, number, day):
                    order_create(
                        actor=None,
                        programme=programme,
                        kind=OrderKind.PAIRING,
                        number=number,
                        day=day,
                        responsible=curator,
                        responsible_position="заместитель директора по учебно-воспитательной работе",
                        groups=groups,
                    )
            from monitoring.models import IndividualPlan

            approved: dict[tuple[str, date], list] = {}
            for plan in (
                IndividualPlan.objects.filter(group__programme=programme)
                .exclude(order_number="")
                .order_by("pk")
            ):
                if plan.order_date:
                    approved.setdefault((plan.order_number, plan.order_date), []).append(plan)
            for (number, day), plans in approved.items():
                if not _exists(programme, number, day):
                    order_create(
                        actor=None,
                        programme=programme,
                        kind=OrderKind.PLANS,
                        number=number,
                        day=day,
                        responsible=curator,
                        responsible_position="заместитель директора по учебно-воспитательной работе",
                        plans=plans,
                    )
