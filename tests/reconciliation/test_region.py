"""Reconciliation at the regional level: a region above two randomised municipalities (``world.py``).

The region's figures must be the sum of its municipalities', each municipality computed independently
from the raw tables (``reference.py``): the console (per municipality and for the region, read live and
from the stored metrics), its coverage against the region's target, and the region's «Статистика для РНЦ»
(the table added up over every school of both municipalities, the KPI sheet, the sheet per school).
Writes ``var/reconciliation-region-<database>.json`` with how many figures were compared and how many
differ.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from mentoring.models import AcademicYear, Organization, Programme
from monitoring.kpis.console import COVERAGE_KEY, console_for
from monitoring.kpis.summaries import summaries_refresh
from monitoring.models import Indicator, IndicatorTarget
from reports.statistics import calc as statistics
from reports.statistics.selectors import layout_for

from . import reference as ref
from .test_reconciliation import Tally, check_kpi_rows, export, table_rows
from .world import Builder

SEEDS = (11, 23)
REGION_TARGETS = {COVERAGE_KEY: 35, "teacher_mentors": 20, "mentees_in_pairs": 60, "publications": 3}


def _sum_of(municipal: list[list[ref.Kpi]]) -> list[tuple[float, float | None, float | None]]:
    """The region's (numerator, denominator, value) per indicator: the municipalities' figures added up."""
    found = []
    for column, indicator in enumerate(kpi.indicator for kpi in municipal[0]):
        numerator = sum(rows[column].numerator for rows in municipal)
        denominators = [
            rows[column].denominator for rows in municipal if rows[column].denominator is not None
        ]
        denominator = sum(denominators) if denominators else None
        found.append((numerator, denominator, ref.value_of(numerator, denominator, indicator["unit"])))
    return found


def check_console(tally: Tally, surface: str, raw: ref.Raw, region, region_programme, worlds):
    """Every figure against the targets of the organisation it belongs to (``ref.target_of``): a
    municipality's row against its own, else the region's; the region's total against the region's."""
    console = console_for(region, region_programme)
    year = region_programme.academic_year.start_year
    municipal = [ref.municipal_totals(raw, [p.pk for p in world.programmes]) for world in worlds]
    tally.check(surface, "rows", len(console.rows), len(worlds))
    for world, expected in zip(worlds, municipal, strict=True):
        row = next(r for r in console.rows if r.organization.pk == world.authority.pk)
        tally.check(surface, f"{world.authority.slug}: organisations", row.child.units, len(world.programmes))
        tally.check(
            surface,
            f"{world.authority.slug}: pupils",
            row.child.totals["pupils_total"],
            sum(raw.programmes[p.pk]["pupils_total"] for p in world.programmes),
        )
        for shown, kpi in zip(row.values, expected, strict=True):
            where = f"{world.authority.slug} {kpi.indicator['name']}"
            tally.check(surface, f"{where}: indicator", shown.indicator.pk, kpi.indicator["id"])
            tally.check(surface, f"{where}: counted", shown.numerator, kpi.numerator)
            tally.check(surface, f"{where}: out of", shown.denominator, kpi.denominator)
            tally.check(surface, f"{where}: value", shown.value, kpi.value)
            target = ref.target_of(raw, world.authority.pk, year, kpi.indicator)
            tally.check(surface, f"{where}: target", shown.target, target)
            tally.check(
                surface,
                f"{where}: light",
                shown.light,
                ref.light(kpi.value, target, kpi.indicator["direction"]),
            )
    for shown, (numerator, denominator, value), kpi in zip(
        console.totals, _sum_of(municipal), municipal[0], strict=True
    ):
        where = f"region {kpi.indicator['name']}"
        tally.check(surface, f"{where}: counted", shown.numerator, numerator)
        tally.check(surface, f"{where}: out of", shown.denominator, denominator)
        tally.check(surface, f"{where}: value", shown.value, value)
        target = ref.target_of(raw, region.pk, year, kpi.indicator)
        tally.check(surface, f"{where}: target", shown.target, target)
        tally.check(
            surface, f"{where}: light", shown.light, ref.light(value, target, kpi.indicator["direction"])
        )
    tally.check(surface, "region: coverage is its indicator", console.coverage.indicator.key, COVERAGE_KEY)
    tally.check(surface, "region: organisations", console.units, sum(len(w.programmes) for w in worlds))
    tally.check(
        surface,
        "region: pupils",
        console.contingent["pupils_total"],
        sum(raw.programmes[p.pk]["pupils_total"] for w in worlds for p in w.programmes),
    )


def check_region_totals(tally: Tally, raw: ref.Raw, region, region_programme, worlds, tmp_path, year: int):
    """The region's total against the region's targets on every surface: the console (above), the KPI
    export's «Итого», the analytical report, the consolidation — one rule, the same traffic lights."""
    from reports.documents.analytical import municipal_analytical_data

    programmes = sorted(
        (p for world in worlds for p in world.programmes), key=lambda p: (p.organization.short_name, p.pk)
    )
    expected = ref.municipal_totals(raw, [p.pk for p in programmes], region.pk)
    console = console_for(region, region_programme)
    data = municipal_analytical_data(region_programme, programmes)
    sheet = export("kpis", region.slug, year, tmp_path)[0]
    exported = [cells for section, cells in table_rows(sheet) if section == "Итого"]
    consolidation = export("municipal_consolidation", region.slug, year, tmp_path)
    consolidated_targets = table_rows(consolidation[1])[-1][1][1:]
    assert len(exported) == len(expected) == len(console.totals) == len(data.kpis)
    for position, kpi in enumerate(expected):
        name = f"region {kpi.indicator['name']}"
        for surface, target, light in (
            ("console", console.totals[position].target, console.totals[position].light),
            ("analytical report (region)", data.kpis[position].target, data.kpis[position].light),
        ):
            tally.check(surface, f"{name}: target", target, kpi.target)
            tally.check(surface, f"{name}: light", light, kpi.light)
        cells = exported[position]
        tally.check("KPI export (region)", f"{name}: target", cells[5] if cells[5] != "" else None, kpi.target)
        tally.check("KPI export (region)", f"{name}: light", cells[6], ref.light_label(kpi.light))
        tally.check("consolidation (region)", f"{name}: target", consolidated_targets[position], kpi.target)


def check_region_statistics(tally: Tally, raw: ref.Raw, region, worlds, tmp_path: Path, year: int):
    programmes = sorted(
        (p for world in worlds for p in world.programmes), key=lambda p: (p.organization.short_name, p.pk)
    )
    layout = statistics.complete(layout_for(region, programmes)[0])  # as the report prints it
    rows = [{"measure": r.measure, "filter": r.filter, "percent_of": r.percent_of} for r in layout.rows]
    columns = [c.breakdown for c in statistics.resolved(layout).columns]
    per_school = [ref.statistics_parts(raw, p.pk, rows, columns) for p in programmes]
    # the region = the sum of its municipalities, each added up on its own first
    by_municipality = [
        ref.add_parts([ref.statistics_parts(raw, p.pk, rows, columns) for p in world.programmes])
        for world in worlds
    ]
    totals = ref.add_parts(by_municipality)
    sheets = export("rnc_statistics", region.slug, year, tmp_path)
    found = table_rows(sheets[0])
    assert len(found) == len(rows)
    for r, (row, (_section, cells)) in enumerate(zip(rows, found, strict=True)):
        for c, column in enumerate(columns):
            tally.check(
                "region statistics",
                f"region «{row['measure']} {row['filter']} %{row['percent_of']}» × {column}",
                ref.points(row, cells[1 + c]),
                ref.shown(row, totals[r][c]),
            )
    check_kpi_rows(
        tally,
        "region statistics KPI sheet",
        raw,
        [p.pk for p in programmes],
        table_rows(sheets[1]),
        "region",
        body=region.pk,
    )
    by_school = table_rows(sheets[2])
    assert len(by_school) == len(rows) * len(programmes)
    for s, programme in enumerate(programmes):
        for r, row in enumerate(rows):
            section, cells = by_school[s * len(rows) + r]
            assert section == str(programme.organization)
            for c, column in enumerate(columns):
                tally.check(
                    "region statistics",
                    f"by school {programme.organization.slug} «{row['measure']} {row['filter']}» × {column}",
                    ref.points(row, cells[1 + c]),
                    ref.shown(row, per_school[s][r][c]),
                )


@pytest.mark.django_db
def test_region_figures_are_the_sum_of_its_municipalities(tmp_path):
    worlds = [Builder(seed).build() for seed in SEEDS]
    year = worlds[0].year
    region = Organization.objects.create(
        name="Региональный центр", short_name="РНЦ", kind=Organization.Kind.REGION, slug="rnc-rec"
    )
    region_programme = Programme.objects.create(
        organization=region, academic_year=AcademicYear.objects.get(start_year=year)
    )
    for world in worlds:
        world.authority.parent = region
        world.authority.save(update_fields=["parent"])
    region = Organization.objects.get(pk=region.pk)
    raw = ref.load(timezone.localdate())
    tally = Tally()

    # the federal aim when the region has set no target of its own, then the region's targets
    check_console(tally, "console (live, federal aim)", raw, region, region_programme, worlds)
    federal = console_for(region, region_programme)
    tally.check("console (live, federal aim)", "region: coverage target", federal.coverage.target, 70)
    indicators = {i.key: i for i in Indicator.objects.filter(organization=None, key__in=REGION_TARGETS)}
    for key, value in REGION_TARGETS.items():
        IndicatorTarget.objects.create(indicator=indicators[key], programme=region_programme, value=value)
    raw = ref.load(timezone.localdate())  # with the region's targets
    check_console(tally, "console (live)", raw, region, region_programme, worlds)
    summaries_refresh(
        programmes=Programme.objects.filter(academic_year__start_year__in=[year, year - 1])
        .exclude(organization__kind__in=Organization.PARENT_KINDS)
        .select_related("academic_year")
    )
    stored = console_for(region, region_programme)
    assert stored.counted_live == 0
    check_console(tally, "console (stored)", raw, region, region_programme, worlds)
    check_region_statistics(tally, raw, region, worlds, tmp_path, year)
    check_region_totals(tally, raw, region, region_programme, worlds, tmp_path, year)

    summary = {
        "database": connection.vendor,
        "seeds": list(SEEDS),
        "figures_compared": tally.compared,
        "figures_differing": len(tally.differences),
        "by_surface": tally.by_surface,
    }
    print("\nregion reconciliation:", json.dumps(summary, ensure_ascii=False))
    target = Path(settings.BASE_DIR) / "var" / f"reconciliation-region-{connection.vendor}.json"
    target.parent.mkdir(exist_ok=True)
    target.write_text(
        json.dumps({**summary, "differences": tally.differences[:200]}, ensure_ascii=False, indent=1)
    )
    assert not tally.differences, "\n".join(tally.differences[:60])
    assert tally.compared > 2_000
