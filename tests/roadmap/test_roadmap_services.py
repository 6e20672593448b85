from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError

from mentoring.models import AuditEvent, Programme
from roadmap.models import EventPeriod, RoadmapEvent, RoadmapSection
from roadmap.periods import Period
from roadmap.services import (
    RoadmapError,
    event_create,
    event_mark_done,
    event_move,
    event_update,
    match_responsible,
    roadmap_copy_previous_year,
    roadmap_from_template,
    roadmap_import,
    section_create,
    section_delete,
    section_move,
)
from roadmap.table_reading import KpiTarget, ParsedEvent, ParsedRoadmap, ParsedSection

from ..conftest import YEAR


@pytest.fixture
def section(programme):
    return section_create(actor=None, programme=programme, title="Подготовка условий")


@pytest.mark.django_db
def test_event_periods_are_parsed_for_the_programme_year(section):
    event = event_create(actor=None, section=section, title="Анкетирование", period_text="Декабрь – апрель")
    assert (event.starts_on, event.deadline) == (date(YEAR, 12, 1), date(YEAR + 1, 4, 30))
    period = event.periods.get()
    assert (period.start, period.end, period.yearly) == (date(YEAR, 12, 1), date(YEAR + 1, 4, 30), False)


@pytest.mark.django_db
def test_unreadable_period_is_kept_as_written(section):
    event = event_create(actor=None, section=section, title="Совещание", period_text="по согласованию с РНЦ")
    period = event.periods.get()
    assert (period.start, period.end, period.text) == (None, None, "по согласованию с РНЦ")
    assert event.deadline is None


@pytest.mark.django_db
def test_changing_the_period_text_reparses_and_audits(section, curator):
    event = event_create(actor=None, section=section, title="Анкетирование", period_text="октябрь")
    event_update(actor=curator, event=event, period_text="ноябрь")
    event.refresh_from_db()
    assert event.deadline == date(YEAR, 11, 30)
    audit = AuditEvent.objects.get(action=AuditEvent.Action.UPDATE, target_id=str(event.pk))
    assert "period_text" in audit.fields and "октябрь" not in str(audit.details)


@pytest.mark.django_db
def test_mark_done_with_evidence_in_one_step(section, curator):
    event = event_create(actor=None, section=section, title="Приказ о внедрении", period_text="сентябрь")
    upload = SimpleUploadedFile("prikaz.pdf", b"%PDF-1.4 order", content_type="application/pdf")
    event_mark_done(
        actor=curator,
        event=event,
        completed_on=date(YEAR, 9, 20),
        file=upload,
        reference="Приказ № 142/5-ОД от 30.08.2025",
        comment="Приказ подписан",
    )
    event.refresh_from_db()
    assert event.status == RoadmapEvent.Status.DONE and event.done_on_time
    evidence = event.evidence.get()
    assert (
        evidence.reference == "Приказ № 142/5-ОД от 30.08.2025" and evidence.file.read() == b"%PDF-1.4 order"
    )
    assert event.comments.get().text == "Приказ подписан"


@pytest.mark.django_db
def test_done_late_is_not_on_time(section, curator):
    event = event_create(actor=None, section=section, title="Приказ", period_text="сентябрь")
    event_mark_done(actor=curator, event=event, completed_on=date(YEAR, 10, 2))
    assert not event.done_on_time


@pytest.mark.django_db
def test_reordering_sections_and_events(programme, curator):
    first = section_create(actor=None, programme=programme, title="Первый")
    second = section_create(actor=None, programme=programme, title="Второй")
    section_move(actor=curator, section=second, offset=-1)
    assert list(programme.roadmap_sections.values_list("title", flat=True)) == ["Второй", "Первый"]
    a = event_create(actor=None, section=first, title="А")
    b = event_create(actor=None, section=first, title="Б")
    event_move(actor=curator, event=b, offset=-1)
    assert list(first.events.order_by("position").values_list("title", flat=True)) == ["Б", "А"]
    event_move(actor=curator, event=a, offset=-1)  # back to А, Б
    event_move(actor=curator, event=a, offset=-1)  # already first: nothing happens
    assert list(first.events.order_by("position").values_list("title", flat=True)) == ["А", "Б"]


@pytest.mark.django_db
def test_a_section_with_events_is_not_deleted(section, curator):
    event_create(actor=None, section=section, title="А")
    with pytest.raises(RoadmapError):
        section_delete(actor=curator, section=section)
    assert RoadmapSection.objects.filter(pk=section.pk).exists()


@pytest.mark.django_db
def test_responsible_names_are_matched_to_members(programme, curator):
    curator.last_name, curator.first_name, curator.patronymic = "Смирнова", "Елена", "Викторовна"
    curator.save()
    users, free = match_responsible(programme, ["Смирнова Е.В.", "Зам. директора по УВР", "Е. В. Смирнова"])
    assert users == [curator]
    assert free == ["Зам. директора по УВР"]


def _parsed(events: list[ParsedEvent], targets=()) -> ParsedRoadmap:
    return ParsedRoadmap(
        sections=[ParsedSection(title="1. Подготовка условий", events=events)],
        kpi_targets=list(targets),
        warnings=[],
    )


def _event(title: str, periods: list[Period], responsible=()) -> ParsedEvent:
    return ParsedEvent(
        number="1.1.",
        title=title,
        period_text="",
        periods=periods,
        responsible=list(responsible),
        expected_result="Приказ",
        kpi="",
        warnings=[],
    )


@pytest.mark.django_db
def test_import_saves_sections_events_and_kpi_targets(programme, curator):
    parsed = _parsed(
        [
            _event(
                "Издание приказа",
                [Period(date(YEAR, 9, 1), date(YEAR, 9, 30), False, "сентябрь")],
                ["Директор"],
            )
        ],
        [KpiTarget(name="Доля наставляемых", targets={"2025": 40.0, "2026": 50.0}, final="70%")],
    )
    result = roadmap_import(actor=curator, programme=programme, parsed=parsed)
    assert (result.sections, result.events, result.kpi_targets) == (1, 1, 1)
    event = RoadmapEvent.objects.get(programme=programme)
    assert (event.number, event.responsible_text, event.deadline) == ("1.1.", "Директор", date(YEAR, 9, 30))
    assert programme.roadmap_kpi_targets.get().targets == {"2025": 40.0, "2026": 50.0}


@pytest.mark.django_db
def test_import_is_all_or_nothing(programme, curator):
    good = _event("Хорошее", [Period(date(YEAR, 9, 1), date(YEAR, 9, 30), False, "сентябрь")])
    broken = _event("Сломанное", [Period(date(YEAR, 10, 30), date(YEAR, 10, 1), False, "октябрь")])
    with pytest.raises(IntegrityError):
        roadmap_import(actor=curator, programme=programme, parsed=_parsed([good, broken]))
    assert not RoadmapEvent.objects.exists()
    assert not RoadmapSection.objects.exists()


@pytest.mark.django_db
def test_import_can_replace_the_current_roadmap(programme, curator, section):
    old = event_create(actor=None, section=section, title="Старое")
    parsed = _parsed([_event("Новое", [])])
    with pytest.raises(RoadmapError):  # nothing is deleted without a confirmation
        roadmap_import(actor=curator, programme=programme, parsed=parsed, replace=True)
    assert list(RoadmapEvent.objects.values_list("title", flat=True)) == ["Старое"]
    roadmap_import(
        actor=curator, programme=programme, parsed=parsed, replace=True, confirmed_deletions=[old.pk]
    )
    assert list(RoadmapEvent.objects.values_list("title", flat=True)) == ["Новое"]


@pytest.mark.django_db
def test_copy_last_year_moves_dates_one_year(school, curator):
    previous = Programme.objects.get(organization=school, academic_year__start_year=YEAR - 1)
    current = Programme.objects.get(organization=school, academic_year__start_year=YEAR)
    old_section = section_create(actor=None, programme=previous, title="Раздел")
    old = event_create(
        actor=None, section=old_section, title="Встреча", period_text=f"Декабрь {YEAR - 1} – апрель {YEAR}"
    )
    event_mark_done(actor=curator, event=old, completed_on=date(YEAR, 4, 1))
    result = roadmap_copy_previous_year(actor=curator, programme=current)
    assert result.events == 1
    new = RoadmapEvent.objects.get(programme=current)
    assert new.status == RoadmapEvent.Status.PLANNED and new.completed_on is None
    assert (new.starts_on, new.deadline) == (date(YEAR, 12, 1), date(YEAR + 1, 4, 30))
    assert new.period_text == f"Декабрь {YEAR} – апрель {YEAR + 1}"
    with pytest.raises(RoadmapError):
        roadmap_copy_previous_year(actor=curator, programme=current)


@pytest.mark.django_db
def test_template_fills_an_empty_roadmap_with_dated_events(programme, curator):
    result = roadmap_from_template(actor=curator, programme=programme, template_key="students")
    assert result.sections == 7 and result.events >= 15
    undated = EventPeriod.objects.filter(event__programme=programme, start__isnull=True)
    assert not undated.exists()
    first, last = programme.academic_year.start_date, programme.academic_year.end_date
    for period in EventPeriod.objects.filter(event__programme=programme, yearly=False):
        assert first <= period.start <= period.end <= last
    with pytest.raises(RoadmapError):
        roadmap_from_template(actor=curator, programme=programme, template_key="students")


def _monitoring(month: int, year: int, last_day: int) -> ParsedEvent:
    return _event("Мониторинг", [Period(date(year, month, 1), date(year, month, last_day), False, "м")])


@pytest.mark.django_db
def test_replace_matches_same_titles_by_period_not_by_file_order(programme, curator):
    december, may = _monitoring(12, YEAR, 31), _monitoring(5, YEAR + 1, 31)
    roadmap_import(actor=curator, programme=programme, parsed=_parsed([december, may]))
    done = RoadmapEvent.objects.get(deadline=date(YEAR, 12, 31))
    event_mark_done(actor=curator, event=done, completed_on=date(YEAR, 12, 20), reference="Справка")
    reordered = _parsed([_monitoring(5, YEAR + 1, 31), _monitoring(12, YEAR, 31)])
    roadmap_import(actor=curator, programme=programme, parsed=reordered, replace=True, confirmed_deletions=[])
    rows = {e.deadline: (e.status, e.completed_on, e.evidence.count()) for e in RoadmapEvent.objects.all()}
    assert rows == {
        date(YEAR, 12, 31): (RoadmapEvent.Status.DONE, date(YEAR, 12, 20), 1),
        date(YEAR + 1, 5, 31): (RoadmapEvent.Status.PLANNED, None, 0),
    }


@pytest.mark.django_db
def test_replace_does_not_move_a_done_status_to_another_period(programme, curator):
    roadmap_import(actor=curator, programme=programme, parsed=_parsed([_monitoring(12, YEAR, 31)]))
    done = RoadmapEvent.objects.get()
    event_mark_done(actor=curator, event=done, completed_on=date(YEAR, 12, 20), reference="Справка")
    moved = _parsed([_monitoring(5, YEAR + 1, 31)])
    with pytest.raises(RoadmapError):  # the done December event is not the May one: deleting it is asked
        roadmap_import(actor=curator, programme=programme, parsed=moved, replace=True, confirmed_deletions=[])
    roadmap_import(
        actor=curator, programme=programme, parsed=moved, replace=True, confirmed_deletions=[done.pk]
    )
    event = RoadmapEvent.objects.get()
    assert (event.deadline, event.status) == (date(YEAR + 1, 5, 31), RoadmapEvent.Status.PLANNED)


@pytest.mark.django_db
def test_replace_falls_back_to_the_title_when_it_is_unique(programme, curator):
    roadmap_import(actor=curator, programme=programme, parsed=_parsed([_monitoring(12, YEAR, 31)]))
    old = RoadmapEvent.objects.get()
    roadmap_import(
        actor=curator, programme=programme, parsed=_parsed([_monitoring(1, YEAR + 1, 31)]), replace=True
    )
    event = RoadmapEvent.objects.get()
    assert (event.pk, event.deadline) == (old.pk, date(YEAR + 1, 1, 31))


@pytest.mark.django_db
def test_adding_skips_only_the_events_with_the_same_title_and_period(programme, curator):
    roadmap_import(actor=curator, programme=programme, parsed=_parsed([_monitoring(5, YEAR + 1, 31)]))
    both = _parsed([_monitoring(12, YEAR, 31), _monitoring(5, YEAR + 1, 31)])
    result = roadmap_import(actor=curator, programme=programme, parsed=both)
    assert (result.events, result.skipped) == (1, 1)
    deadlines = sorted(RoadmapEvent.objects.values_list("deadline", flat=True))
    assert deadlines == [date(YEAR, 12, 31), date(YEAR + 1, 5, 31)]
