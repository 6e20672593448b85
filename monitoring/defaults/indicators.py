"""The team's KPI definitions, seeded by migration 0003 (historical models via ``apps``).

Names are data in Russian (like the seeded questionnaires), not UI strings. ``numerator`` and
``denominator`` are metric keys of ``monitoring.kpis.selectors.METRICS``. ``roadmap_match`` words find
the indicator's row in an imported roadmap's KPI table (``monitoring.kpis.calc.words_match``: every
word must occur, «а|б» is either, «-слово» must not occur); they were checked against the college
roadmap of 2020–2024 in the shared fixtures.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django.apps.registry import Apps

# key, name, numerator, denominator, use_age_band, unit, direction, roadmap_match
INDICATORS: list[tuple[str, str, str, str, bool, str, str, str]] = [
    (
        "pupils_in_mentoring",
        "Доля обучающихся целевого возраста, вовлечённых в программу наставничества",
        "pupils_involved",
        "pupils",
        True,
        "percent",
        "higher",
        "наставляем обучающ -инвалид -огранич -удовлетвор",
    ),
    (
        "ovz_coverage",
        "Охват обучающихся с ОВЗ и инвалидностью программой наставничества",
        "mentees_ovz",
        "pupils_ovz",
        False,
        "percent",
        "higher",
        "наставляем огранич|инвалид|овз -удовлетвор",
    ),
    (
        "teacher_mentors",
        "Доля педагогов-наставников от общего числа педагогов",
        "teacher_mentors",
        "teachers",
        False,
        "percent",
        "higher",
        "наставник преподавател|педагог -удовлетвор -молод",
    ),
    (
        "young_teachers_mentored",
        "Доля молодых педагогов, у которых есть наставник",
        "young_teacher_mentees",
        "young_teachers",
        False,
        "percent",
        "higher",
        "молод педагог|специалист -удовлетвор",
    ),
    (
        "mentees_in_pairs",
        "Доля наставляемых, закреплённых за наставниками",
        "mentees_in_pairs",
        "mentees",
        False,
        "percent",
        "higher",
        "закреплен",
    ),
    (
        "mentee_satisfaction",
        "Удовлетворённость наставляемых участием в программе",
        "satisfied_mentees",
        "respondents_mentees",
        False,
        "percent",
        "higher",
        "удовлетвор наставляем",
    ),
    (
        "mentor_satisfaction",
        "Удовлетворённость наставников участием в программе",
        "satisfied_mentors",
        "respondents_mentors",
        False,
        "percent",
        "higher",
        "удовлетвор наставник",
    ),
    (
        "plans_completed",
        "Индивидуальные планы реализованы не менее чем на 90 %",
        "plans_completed",
        "plans",
        False,
        "percent",
        "higher",
        "план|программ индивидуальн|персонализирован -удовлетвор",
    ),
    (
        "consents_collected",
        "Согласия на обработку ПДн собраны",
        "participants_with_consent",
        "participants_with_data",
        False,
        "percent",
        "higher",
        "согласи",
    ),
    (
        "partners_with_mentors",
        "Доля организаций-партнёров, предоставивших наставников",
        "partners_with_mentors",
        "partners",
        False,
        "percent",
        "higher",
        "партнер",
    ),
    (
        "publications",
        "Публикации о программе наставничества",
        "publications",
        "",
        False,
        "count",
        "higher",
        "публикац",
    ),
    (
        "parent_meetings",
        "Родительские собрания о наставничестве",
        "parent_meetings",
        "",
        False,
        "count",
        "higher",
        "родительск собран",
    ),
    (
        "parent_attendance",
        "Родители, принявшие участие в собраниях",
        "parent_attendance",
        "",
        False,
        "count",
        "higher",
        "родител -собран",
    ),
    (
        "class_hours",
        "Классные часы о наставничестве",
        "class_hours",
        "",
        False,
        "count",
        "higher",
        "классн час",
    ),
    (
        "graduates_meetings",
        "Встречи с выпускниками",
        "graduates_meetings",
        "",
        False,
        "count",
        "higher",
        "выпускник встреч",
    ),
    (
        "roadmap_done_on_time",
        "Мероприятия дорожной карты выполнены в срок",
        "roadmap_events_done_on_time",
        "roadmap_events",
        False,
        "percent",
        "higher",
        "мероприят дорожн",
    ),
]


def seed(apps: Apps) -> None:
    """Create or update the shared indicators. Idempotent."""
    Indicator = apps.get_model("monitoring", "Indicator")
    for position, (key, name, numerator, denominator, banded, unit, direction, match) in enumerate(
        INDICATORS, start=1
    ):
        Indicator.objects.update_or_create(
            organization=None,
            key=key,
            defaults={
                "name": name,
                "numerator": numerator,
                "denominator": denominator,
                "use_age_band": banded,
                "unit": unit,
                "direction": direction,
                "roadmap_match": match,
                "position": position * 10,
                "is_active": True,
            },
        )
