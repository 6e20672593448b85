"""Demo data of the monitoring section: kpis — this year's targets of the demo organisations, the
information campaign log, a SWOT board, and monthly snapshots since September so that the charts have
a line (the past months are the current values scaled down, as a programme grows over the year).
Idempotent: every object is looked up first and created only when missing."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from mentoring.models import Organization, Programme
from monitoring.kpis.selectors import kpi_values
from monitoring.models import (
    Indicator,
    IndicatorTarget,
    InformationActivity,
    KpiSnapshot,
    MonitoringSettings,
    SwotItem,
)

from .organisations import demo_organizations, demo_years

TARGETS = {
    "pupils_in_mentoring": 40,
    "ovz_coverage": 100,
    "teacher_mentors": 30,
    "young_teachers_mentored": 100,
    "mentees_in_pairs": 90,
    "mentee_satisfaction": 70,
    "mentor_satisfaction": 70,
    "plans_completed": 90,
    "consents_collected": 100,
    "partners_with_mentors": 50,
    "publications": 5,
    "parent_meetings": 5,
    "parent_attendance": 300,
    "class_hours": 8,
    "graduates_meetings": 7,
    "roadmap_done_on_time": 100,
}

# The region's own targets for the year (its console measures the municipalities against them); the
# coverage of pupils is left to the federal aim (70 %, ``FEDERAL_COVERAGE_AIM``).
REGION_TARGETS = {
    "ovz_coverage": 60,
    "teacher_mentors": 25,
    "young_teachers_mentored": 100,
    "mentees_in_pairs": 80,
    "mentee_satisfaction": 75,
    "mentor_satisfaction": 75,
    "plans_completed": 80,
    "consents_collected": 100,
}

# (kind, days after 1 September, title, link, attendance)
ACTIVITIES = [
    (
        "publication",
        10,
        "Новость на сайте: стартует программа наставничества",
        "https://example.org/news/start",
        None,
    ),
    ("parent_meeting", 16, "Общешкольное родительское собрание: целевая модель наставничества", "", 180),
    ("class_hour", 20, "Классный час «Кто такой наставник»", "", 56),
    (
        "publication",
        45,
        "Пост в сообществе ВКонтакте о первой встрече пар",
        "https://example.org/vk/pairs",
        None,
    ),
    ("graduates_meeting", 60, "Встреча с выпускниками — студентами политехнического колледжа", "", 40),
    ("parent_meeting", 75, "Родительское собрание 5–7 классов: итоги первой четверти", "", 95),
    ("class_hour", 80, "Классный час «Мой наставник — мой пример»", "", 61),
    ("common_event", 100, "Фестиваль наставнических пар", "", 120),
]

SWOT = {
    "strength": ["Опытные педагоги готовы быть наставниками", "Поддержка администрации и родителей"],
    "weakness": ["Высокая нагрузка наставников", "Не все встречи пар фиксируются в дневнике"],
    "opportunity": [
        "Партнёрство с колледжем и предприятиями округа",
        "Региональные конкурсы наставнических практик",
    ],
    "threat": ["Текучесть молодых педагогов", "Отзыв согласий на обработку персональных данных"],
}


def _demo_programmes(today: date) -> list[Programme]:
    current = demo_years(today)[0]
    return list(
        Programme.objects.filter(
            organization__in=[o for o in demo_organizations() if not o.is_oversight_body],
            academic_year__start_year=current,
        )
        .select_related("academic_year", "organization")
        .order_by("pk")
    )


def _month_starts(start: date, today: date) -> list[date]:
    days = []
    day = start
    while day < today:
        days.append(day)
        day = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return days


REGION_SLUG = "rnc-tver"
# the federal aim counts pupils of 10–19 years; the region sets that band, its schools inherit it
REGION_BAND = (10, 19)


def _seed_region_band() -> None:
    region = Organization.objects.filter(slug=REGION_SLUG).first()
    if region is not None:
        MonitoringSettings.objects.get_or_create(
            organization=region, defaults={"kpi_age_min": REGION_BAND[0], "kpi_age_max": REGION_BAND[1]}
        )


def seed_demo(*, today: date) -> None:
    """Idempotent: a second run changes nothing."""
    _seed_region_band()
    programmes = _demo_programmes(today)
    shared = {i.key: i for i in Indicator.objects.filter(organization__isnull=True, key__in=TARGETS)}
    for programme in programmes:
        for key, value in TARGETS.items():
            if key in shared:
                IndicatorTarget.objects.get_or_create(
                    indicator=shared[key], programme=programme, defaults={"value": Decimal(value)}
                )
        start = programme.academic_year.start_date
        for kind, offset, title, link, attendance in ACTIVITIES:
            day = start + timedelta(days=offset)
            if day > today:
                continue
            InformationActivity.objects.get_or_create(
                programme=programme,
                title=title,
                defaults={"kind": kind, "date": day, "link": link, "attendance": attendance},
            )
        if not SwotItem.objects.filter(programme=programme).exists():
            SwotItem.objects.bulk_create(
                SwotItem(programme=programme, quadrant=quadrant, text=text, position=position)
                for quadrant, texts in SWOT.items()
                for position, text in enumerate(texts, start=1)
            )
    _history(programmes, today)
    current = demo_years(today)[0]
    for region_programme in Programme.objects.filter(
        organization__in=[o for o in demo_organizations() if o.is_region], academic_year__start_year=current
    ):
        for key, value in REGION_TARGETS.items():
            if key in shared:
                IndicatorTarget.objects.get_or_create(
                    indicator=shared[key], programme=region_programme, defaults={"value": Decimal(value)}
                )


def _history(programmes: list[Programme], today: date) -> None:
    """Monthly snapshots from September to last month, growing towards today's values."""
    if not programmes:
        return
    values = kpi_values(programmes, today=today)
    rows = []
    for programme in programmes:
        months = _month_starts(programme.academic_year.start_date, today)
        for index, day in enumerate(months, start=1):
            share = index / (len(months) + 1)
            for value in values[programme.pk]:
                numerator = round(value.numerator * share)
                shown: float | None
                if value.denominator:
                    shown = 100.0 * numerator / value.denominator if value.is_percent else float(numerator)
                else:
                    shown = float(numerator) if not value.is_percent else None
                rows.append(
                    KpiSnapshot(
                        programme=programme,
                        indicator=value.indicator,
                        taken_on=day,
                        numerator=numerator,
                        denominator=value.denominator,
                        value=shown,
                        target=Decimal(str(value.target)) if value.target is not None else None,
                    )
                )
    KpiSnapshot.objects.bulk_create(rows, ignore_conflicts=True, batch_size=500)
