"""Demo orders: what the demo schools would have issued — the Положение and the model introduced in
August, the pairs and plans the other demos fixed with order numbers, now as records of the register.

Idempotent: an order whose number already exists in the organisation that year is not made again.
"""

from __future__ import annotations

from datetime import date

from mentoring.models import Membership, Organization, Programme, Role
from monitoring.models import IndividualPlan
from pairing.models import MentoringGroup
from reports.models import DocumentRequisites, Order, OrderKind
from reports.orders.services import order_create

POSITION = "заместитель директора по учебно-воспитательной работе"  # the demo curator's position in the orders


def _exists(programme: Programme, number: str, day: date) -> bool:
    return Order.objects.filter(
        organization=programme.organization, number=number, day__year=day.year
    ).exists()


def seed_demo(*, today: date) -> None:
    _seed_orders(today=today)
    _seed_window(today=today)


DEMO_WINDOW_TITLE = "Мониторинг реализации целевой модели наставничества (I полугодие)"
DEMO_WINDOW_OPENER = "rnc-tver"  # the regional centre collects from both municipalities
# who handed in on time in the demo, in both municipalities; every other school has not (late)
DEMO_WINDOW_SUBMITTED = ("gymnasium-3", "polytech-college", "ozersk-school-1")


def _seed_window(*, today: date) -> None:
    """One collection period of the demo region (the РНЦ, two levels above the schools) whose deadline
    was yesterday: the gymnasium, the college and the Озёрская school handed in on time, the other
    schools are late (school-1 can still hand in, marked late)."""
    from datetime import datetime, time, timedelta

    from django.utils import timezone

    from mentoring.academic_years import academic_year_start_for
    from mentoring.models import AcademicYear
    from reports.models import MonitoringWindow
    from reports.windows.services import window_open, window_submit

    region = Organization.objects.filter(slug=DEMO_WINDOW_OPENER).first()
    year = AcademicYear.objects.filter(start_year=academic_year_start_for(today)).first()
    if (
        region is None
        or year is None
        # a demo made before the region opened it keeps the authority's window: one demo window
        or MonitoringWindow.objects.filter(title=DEMO_WINDOW_TITLE, academic_year=year).exists()
    ):
        return
    deadline = max(today - timedelta(days=1), year.start_date)
    coordinator = (
        Membership.objects.filter(organization=region, role=Role.REGIONAL_COORDINATOR)
        .select_related("user")
        .first()
    )
    window = window_open(
        actor=coordinator.user if coordinator else None,
        opener=region,
        academic_year=year,
        title=DEMO_WINDOW_TITLE,
        opens_on=deadline - timedelta(days=10),
        deadline=deadline,
        as_of=deadline,
        today=deadline - timedelta(days=10),
        instructions="Проверьте численность наставников и наставляемых по формам наставничества, "
        "при расхождении с прошлым отчётом поясните в комментарии.",
    )
    comments = {
        "gymnasium-3": "Данные сверены с приказом о закреплении пар.",
        "polytech-college": "Студенты-наставники учтены в строке «обучающиеся».",
        "ozersk-school-1": "Сведения сверены с журналом встреч наставников.",
    }
    for number, slug in enumerate(DEMO_WINDOW_SUBMITTED):
        programme = (
            Programme.objects.filter(organization__slug=slug, academic_year=year)
            .select_related("organization", "academic_year")
            .first()
        )
        if programme is None:
            continue
        member = (
            Membership.objects.filter(
                organization=programme.organization, role__in=[Role.CURATOR, Role.ADMINISTRATOR]
            )
            .select_related("user")
            .order_by("role")
            .first()
        )
        handed_in = timezone.make_aware(datetime.combine(deadline - timedelta(days=3 - number), time(11, 20)))
        window_submit(
            actor=member.user if member else None,
            window=window,
            programme=programme,
            comment=comments.get(slug, ""),
            now=handed_in,
        )


def _seed_orders(*, today: date) -> None:
    for organization in Organization.objects.exclude(kind__in=Organization.PARENT_KINDS):
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
                order = _order(programme, curator, kind, number, day)
                if order is not None and day <= today:
                    # the director signed them in August: documents cite only signed orders (the files
                    # as signed are made on the first download)
                    Order.objects.filter(pk=order.pk).update(signed=True)
            groups = MentoringGroup.objects.filter(programme=programme).exclude(order_number="").order_by("pk")
            _orders_of(programme, curator, OrderKind.PAIRING, "groups", groups)
            plans = IndividualPlan.objects.filter(group__programme=programme).exclude(order_number="").order_by("pk")
            _orders_of(programme, curator, OrderKind.PLANS, "plans", plans)


def _orders_of(programme: Programme, curator, kind: str, field: str, records) -> None:
    """One order of ``kind`` per number and date the records (pairs or plans) carry, listing them."""
    listed: dict[tuple[str, date], list] = {}
    for record in records:
        if record.order_date:
            listed.setdefault((record.order_number, record.order_date), []).append(record)
    for (number, day), chosen in listed.items():
        _order(programme, curator, kind, number, day, **{field: chosen})


def _order(programme: Programme, curator, kind: str, number: str, day: date, **objects) -> Order | None:
    """A new order in the register; None when one of that number and date is there already."""
    if _exists(programme, number, day):
        return None
    return order_create(
        actor=None,
        programme=programme,
        kind=kind,
        number=number,
        day=day,
        responsible=curator,
        responsible_position=POSITION,
        **objects,
    )
