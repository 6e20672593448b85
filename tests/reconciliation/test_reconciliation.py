"""Reconciliation: every figure of the РНЦ statistics (XLSX, in the default layout and in a layout using
every code), the KPI dashboards of the schools and the authority, the analytical report and the
municipal consolidation (XLSX), compared with the same figure computed a second way from the raw tables
(``reference.py``) on randomised municipalities (``world.py``).

Each seed builds a municipality with schools, a college, sometimes a supplementary-education centre,
this year's and last year's programmes. The number of figures compared is printed (run with ``-s``) and
written to ``var/reconciliation-<database>.json``; the test fails on the first seed with a difference
and lists every differing figure.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from mentoring.models import Membership, Programme, Role, User
from pairing.models import MentoringForm
from participants.models import Person
from reports.documents.analytical import analytical_data, municipal_analytical_data
from reports.models import StatisticsLayout
from reports.statistics import calc as statistics
from reports.statistics.selectors import layout_for

from . import reference as ref
from .world import Builder

SEEDS = [11, 23, 37]
TOLERANCE = 0.05 + 1e-9  # what is shown rounded to one decimal


@dataclass
class Tally:
    compared: int = 0
    by_surface: dict[str, int] = field(default_factory=dict)
    differences: list[str] = field(default_factory=list)

    def check(self, surface: str, where: str, shown, expected) -> None:
        self.compared += 1
        self.by_surface[surface] = self.by_surface.get(surface, 0) + 1
        if not same(shown, expected):
            self.differences.append(f"{surface} | {where}: shown {shown!r}, expected {expected!r}")


def same(shown, expected) -> bool:
    if shown in ("", None) or expected in ("", None):
        return shown in ("", None) and expected in ("", None)
    if isinstance(expected, str) or isinstance(shown, str):
        return str(shown) == str(expected)
    if isinstance(shown, bool) or isinstance(expected, bool):
        return shown == expected
    return abs(float(shown) - float(expected)) <= TOLERANCE


# --------------------------------------------------------------------------------------------------
# reading the generated files


def export(report: str, slug: str, year: int, tmp_path: Path) -> list:
    path = tmp_path / f"{report}-{slug}-{year}.xlsx"
    call_command(
        "export_report", report, "--org", slug, "--year", str(year), "--format", "xlsx", "--output", str(path)
    )
    return load_workbook(io.BytesIO(path.read_bytes())).worksheets


def section_titles(sheet) -> list[str]:
    """The titles of the section rows (merged across the table) under the header."""
    return [sheet.cell(row=r.min_row, column=1).value for r in sheet.merged_cells.ranges if r.min_row >= 5]


NO_PROGRAMME = "{}: нет программы на этот учебный год"


def table_rows(sheet) -> list[tuple[str, list]]:
    """(section, cells) of every data row under the header; section rows set the section."""
    merged = {r.min_row for r in sheet.merged_cells.ranges}
    rows = list(sheet.iter_rows(min_row=5, values_only=True))
    found, section = [], ""
    for number, row in enumerate(rows, start=5):
        if number in merged:
            section = row[0]
            continue
        found.append((section, list(row)))
    return found


# --------------------------------------------------------------------------------------------------
# the layout that uses every code


def kitchen_sink() -> dict:
    kinds = Person.Kind.values
    filters = [
        "",
        "young_teacher",
        *[f"category:{key}" for key in statistics.CATEGORIES],
        *[f"kind:{kind}" for kind in kinds],
        *[f"group:{key}" for key in statistics.PEOPLE_GROUPS],
    ]
    rows = []
    for measure in statistics.MEASURES:
        for code in filters:
            rows.append({"label": f"{measure} {code}", "measure": measure, "filter": code})
    for measure in ("mentees", "mentors", "participants"):
        for of in (*statistics.CONTINGENT, "mentees", "mentors", "participants"):
            rows.append(
                {"label": f"{measure}/{of}", "measure": measure, "filter": "group:learners", "percent_of": of}
            )
    for measure in statistics.PAIR_MEASURES:
        rows.append(
            {
                "label": f"{measure}/all",
                "measure": measure,
                "filter": "category:ovz",
                "percent_of": "pairs_all",
            }
        )
    columns = [
        "total",
        *[f"form:{key}" for key in MentoringForm.objects.values_list("key", flat=True)],
        "unpaired",
        "age:-9",
        "age:10-14",
        "age:15-",
        "age:18-18",
        "age:none",
        *[f"kind:{kind}" for kind in kinds],
        *[f"group:{key}" for key in statistics.PEOPLE_GROUPS],
        *[f"category:{key}" for key in statistics.CATEGORIES],
    ]
    return {"rows": rows, "columns": [{"label": code, "breakdown": code} for code in columns]}


# --------------------------------------------------------------------------------------------------
# the surfaces


def check_statistics(
    tally: Tally, raw: ref.Raw, world, programmes: list[Programme], tmp_path: Path, tag: str
):
    """The РНЦ statistics of every organisation and of the authority: the table, the KPI sheet and, for the
    authority, the table of each school."""
    for programme in programmes:
        organization = programme.organization
        layout = statistics.complete(layout_for(organization, [programme])[0])  # as the report prints it
        rows = [{"measure": r.measure, "filter": r.filter, "percent_of": r.percent_of} for r in layout.rows]
        columns = [c.breakdown for c in statistics.resolved(layout).columns]
        parts = ref.statistics_parts(raw, programme.pk, rows, columns)
        sheets = export("rnc_statistics", organization.slug, programme.academic_year.start_year, tmp_path)
        found = table_rows(sheets[0])
        assert len(found) == len(rows)
        for r, (row, (_section, cells)) in enumerate(zip(rows, found, strict=True)):
            for c, column in enumerate(columns):
                tally.check(
                    f"statistics {tag}",
                    f"{organization.slug} «{row['measure']} {row['filter']} %{row['percent_of']}» × {column}",
                    ref.points(row, cells[1 + c]),
                    ref.shown(row, parts[r][c]),
                )
            # the age columns with «возраст не указан» add up to the total, for people and for pairs
            bands = [
                i for i, code in enumerate(columns) if code in ("age:-9", "age:10-14", "age:15-", "age:none")
            ]
            if not row["percent_of"] and len(bands) == 4:
                tally.check(
                    f"statistics {tag}",
                    f"{organization.slug} {row['measure']} {row['filter']}: ages add up",
                    sum(parts[r][i][0] for i in bands),
                    parts[r][0][0],
                )
            # the form columns with «не в парах» add up to the total (the default layout promises it)
            if tag == "default" and not row["percent_of"] and not row["measure"].startswith("pairs"):
                forms = [
                    i for i, code in enumerate(columns) if code.startswith("form:") or code == "unpaired"
                ]
                tally.check(
                    f"statistics {tag}",
                    f"{organization.slug} {row['measure']} {row['filter']}: forms add up",
                    sum(parts[r][i][0] for i in forms),
                    parts[r][0][0],
                )
        check_kpi_rows(
            tally,
            f"statistics KPI sheet {tag}",
            raw,
            [programme.pk],
            table_rows(sheets[1]),
            organization.slug,
        )
    # the authority: its schools added cell by cell, percentages from the added parts
    authority_programme = Programme.objects.get(
        organization=world.authority, academic_year__start_year=world.year
    )
    layout = statistics.complete(layout_for(world.authority, programmes)[0])  # as the report prints it
    rows = [{"measure": r.measure, "filter": r.filter, "percent_of": r.percent_of} for r in layout.rows]
    columns = [c.breakdown for c in statistics.resolved(layout).columns]
    per_school = [ref.statistics_parts(raw, p.pk, rows, columns) for p in programmes]
    totals = ref.add_parts(per_school)
    sheets = export(
        "rnc_statistics", world.authority.slug, authority_programme.academic_year.start_year, tmp_path
    )
    found = table_rows(sheets[0])
    assert len(found) == len(rows)
    for r, (row, (_section, cells)) in enumerate(zip(rows, found, strict=True)):
        for c, column in enumerate(columns):
            tally.check(
                f"statistics {tag}",
                f"authority «{row['measure']} {row['filter']} %{row['percent_of']}» × {column}",
                ref.points(row, cells[1 + c]),
                ref.shown(row, totals[r][c]),
            )
    check_kpi_rows(
        tally,
        f"statistics KPI sheet {tag}",
        raw,
        [p.pk for p in programmes],
        table_rows(sheets[1]),
        "authority",
        body=world.authority.pk,
    )
    by_school = table_rows(sheets[2])
    assert len(by_school) == len(rows) * len(programmes)
    # an organisation without a programme this year adds nothing but is listed, said to have none
    for organization in world.without_programme:
        tally.check(
            f"statistics {tag}",
            f"authority by school: {organization.slug} listed without a programme",
            NO_PROGRAMME.format(organization) in section_titles(sheets[2]),
            True,
        )
        tally.check(
            f"statistics {tag}",
            f"authority by school: {organization.slug} not counted",
            str(organization) in {section for section, _cells in by_school},
            False,
        )
    for s, programme in enumerate(programmes):
        for r, row in enumerate(rows):
            section, cells = by_school[s * len(rows) + r]
            assert section == str(programme.organization)
            for c, column in enumerate(columns):
                tally.check(
                    f"statistics {tag}",
                    f"authority by school {programme.organization.slug} «{row['measure']} {row['filter']}» × {column}",
                    ref.points(row, cells[1 + c]),
                    ref.shown(row, per_school[s][r][c]),
                )


def check_kpi_rows(
    tally: Tally,
    surface: str,
    raw: ref.Raw,
    programme_ids: list[int],
    found,
    where: str,
    shared_only=False,
    body: int | None = None,
):
    """``body``: the authority or region whose total the rows are (its targets); None for one school."""
    expected = (
        ref.kpis(raw, programme_ids[0], shared_only=shared_only)
        if body is None
        else ref.municipal_totals(raw, programme_ids, body)
    )
    assert len(found) == len(expected), (where, len(found), len(expected))
    for kpi, (_section, cells) in zip(expected, found, strict=True):
        name = kpi.indicator["name"]
        # a share is stored as the fraction Excel shows as a percentage (0.456 → 45,6 %), a count as it is
        percent = kpi.indicator["unit"] == "percent"
        scale = 100 if percent else 1
        value, target = (None if cell is None else cell * scale for cell in cells[4:6])
        tally.check(surface, f"{where} {name}: name", cells[0], name)
        tally.check(surface, f"{where} {name}: unit", cells[1], "%" if percent else "ед.")
        tally.check(surface, f"{where} {name}: counted", cells[2], kpi.numerator)
        tally.check(surface, f"{where} {name}: out of", cells[3], kpi.denominator)
        tally.check(surface, f"{where} {name}: value", value, kpi.value)
        tally.check(surface, f"{where} {name}: target", target, kpi.target)
        tally.check(surface, f"{where} {name}: status", cells[6], ref.light_label(kpi.light))


def check_kpi_values(tally: Tally, surface: str, where: str, shown_values, expected):
    assert len(shown_values) == len(expected), where
    for value, kpi in zip(shown_values, expected, strict=True):
        name = kpi.indicator["name"]
        tally.check(surface, f"{where} {name}: indicator", value.indicator.pk, kpi.indicator["id"])
        tally.check(surface, f"{where} {name}: counted", value.numerator, kpi.numerator)
        tally.check(surface, f"{where} {name}: out of", value.denominator, kpi.denominator)
        tally.check(surface, f"{where} {name}: value", value.value, kpi.value)
        tally.check(surface, f"{where} {name}: target", value.target, kpi.target)
        tally.check(surface, f"{where} {name}: light", value.light, kpi.light)


def member_client(organization, role: str) -> Client:
    user = User.objects.create(username=f"u-{organization.slug}-{role}")
    Membership.objects.create(user=user, organization=organization, role=role)
    client = Client()
    client.force_login(user)
    return client


def check_dashboards(tally: Tally, raw: ref.Raw, world, programmes: list[Programme]):
    for programme in programmes:
        organization = programme.organization
        client = member_client(organization, Role.CURATOR)
        kwargs = {"org": organization.slug, "year": programme.academic_year.start_year}
        page = client.get(reverse("monitoring:dashboard", kwargs=kwargs))
        assert page.status_code == 200
        shown = [card["kpi"] for card in page.context["cards"]]
        check_kpi_values(tally, "KPI dashboard", organization.slug, shown, ref.kpis(raw, programme.pk))
        # the counts of the traffic lights above the cards
        for light, number in page.context["counts"].items():
            tally.check(
                "KPI dashboard",
                f"{organization.slug}: lights {light}",
                number,
                sum(1 for k in ref.kpis(raw, programme.pk) if k.light == light),
            )
    client = member_client(world.authority, Role.MUNICIPAL_COORDINATOR)
    page = client.get(
        reverse("monitoring:dashboard", kwargs={"org": world.authority.slug, "year": world.year})
    )
    assert page.status_code == 200
    table = page.context["table"]
    assert [row.programme.pk for row in table.rows] == [p.pk for p in programmes]
    for row in table.rows:
        check_kpi_values(
            tally,
            "KPI dashboard (municipal)",
            row.programme.organization.slug,
            row.values,
            ref.kpis(raw, row.programme.pk, shared_only=True),
        )
    check_kpi_values(
        tally,
        "KPI dashboard (municipal)",
        "total",
        table.totals,
        ref.municipal_totals(raw, [p.pk for p in programmes], world.authority.pk),
    )


def check_analytical(tally: Tally, raw: ref.Raw, programmes: list[Programme]):
    for programme in programmes:
        data = analytical_data(programme)
        expected = ref.analytical(raw, programme.pk)
        numbers = list(expected["numbers"].values())
        assert len(data.numbers) == len(numbers)
        for (label, value), reference_value in zip(data.numbers, numbers, strict=True):
            tally.check("analytical report", f"{programme.organization.slug} {label}", value, reference_value)
        check_kpi_values(
            tally, "analytical report", programme.organization.slug, data.kpis, ref.kpis(raw, programme.pk)
        )
        satisfaction = expected["satisfaction"]
        tally.check(
            "analytical report",
            f"{programme.organization.slug}: questionnaires",
            len(data.satisfaction),
            len(satisfaction),
        )
        for row in data.satisfaction:
            wanted = satisfaction.get(
                row.campaign, {"respondents": 0, "mean": None, "satisfied": None, "continue": None}
            )
            where = f"{programme.organization.slug} {row.campaign}"
            tally.check("analytical report", f"{where}: respondents", row.respondents, wanted["respondents"])
            tally.check("analytical report", f"{where}: mean", row.overall_mean, wanted["mean"])
            tally.check("analytical report", f"{where}: satisfied", row.satisfied_share, wanted["satisfied"])
            tally.check(
                "analytical report", f"{where}: would continue", row.continue_share, wanted["continue"]
            )
        growth = expected["growth"]
        tally.check(
            "analytical report",
            f"{programme.organization.slug}: growth blocks",
            len(data.growth),
            len(growth),
        )
        for block in data.growth:
            wanted = growth[block.campaign]
            where = f"{programme.organization.slug} {block.campaign}"
            tally.check(
                "analytical report", f"{where}: answered both", block.participants, wanted["participants"]
            )
            tally.check("analytical report", f"{where}: items", len(block.rows), len(wanted["rows"]))
            for (_question, before, after, change), (key, w_before, w_after, w_change) in zip(
                block.rows, wanted["rows"], strict=False
            ):
                tally.check("analytical report", f"{where} {key}: before", before, w_before)
                tally.check("analytical report", f"{where} {key}: after", after, w_after)
                tally.check("analytical report", f"{where} {key}: change", change, w_change)
        roadmap = list(expected["roadmap"].values())
        for (label, value), reference_value in zip(data.roadmap, roadmap, strict=True):
            tally.check("analytical report", f"{programme.organization.slug} {label}", value, reference_value)


def check_consolidation(tally: Tally, raw: ref.Raw, world, programmes: list[Programme], tmp_path: Path):
    sheets = export("municipal_consolidation", world.authority.slug, world.year, tmp_path)
    per_school = [ref.kpis(raw, p.pk, shared_only=True) for p in programmes]
    totals = ref.municipal_totals(raw, [p.pk for p in programmes], world.authority.pk)
    values, targets, counted = (table_rows(sheet) for sheet in sheets)
    for organization in world.without_programme:
        tally.check(
            "consolidation",
            f"{organization.slug} listed without a programme",
            NO_PROGRAMME.format(organization) in section_titles(sheets[0]),
            True,
        )
    header = [cell.value for cell in sheets[0][4]]
    for kpi, column in zip(totals, header[2:], strict=True):
        tally.check("consolidation", f"column {column}", column.removesuffix(", %"), kpi.indicator["name"])
    assert len(values) == len(programmes) + 1
    for (_s, cells), programme, school in zip(values, programmes, per_school, strict=False):
        where = programme.organization.slug
        tally.check(
            "consolidation",
            f"{where}: name",
            cells[0],
            raw.organizations[programme.organization_id]["short_name"],
        )
        tally.check(
            "consolidation", f"{where}: pupils", cells[1], raw.programmes[programme.pk]["pupils_total"]
        )
        for kpi, cell in zip(school, cells[2:], strict=True):
            tally.check("consolidation", f"{where} {kpi.indicator['name']}: value", cell, kpi.value)
    last = values[-1][1]
    tally.check(
        "consolidation",
        "total pupils",
        last[1],
        sum(raw.programmes[p.pk]["pupils_total"] for p in programmes),
    )
    for kpi, cell in zip(totals, last[2:], strict=True):
        tally.check("consolidation", f"total {kpi.indicator['name']}: value", cell, kpi.value)
    for (_s, cells), school in zip(targets, [*per_school, totals], strict=True):
        for kpi, cell in zip(school, cells[1:], strict=True):
            tally.check("consolidation", f"{cells[0]} {kpi.indicator['name']}: target", cell, kpi.target)
    sections: dict[str, list] = {}
    for section, cells in counted:
        sections.setdefault(section, []).append((section, cells))
    names = [str(p.organization) for p in programmes]
    assert list(sections) == [*names, "Итого по муниципалитету"]
    for name, ids in zip(sections, [*[[p.pk] for p in programmes], [p.pk for p in programmes]], strict=True):
        body = world.authority.pk if name == "Итого по муниципалитету" else None
        check_kpi_rows(
            tally, "consolidation", raw, ids, sections[name], f"detail {name}", shared_only=True, body=body
        )


def check_authority_totals(tally: Tally, raw: ref.Raw, world, tmp_path: Path):
    """The authority's total is measured against the authority's targets on every surface: the KPI
    export («Итого»), the analytical report (the others are checked above)."""
    ids = [p.pk for p in world.programmes]
    authority_programme = Programme.objects.select_related("academic_year", "organization").get(
        organization=world.authority, academic_year__start_year=world.year
    )
    data = municipal_analytical_data(authority_programme, world.programmes)
    expected = ref.municipal_totals(raw, ids, world.authority.pk)
    check_kpi_values(tally, "analytical report (authority)", "total", data.kpis, expected)
    sheet = export("kpis", world.authority.slug, world.year, tmp_path)[0]
    sections: dict[str, list] = {}
    for section, cells in table_rows(sheet):
        sections.setdefault(section, []).append(cells)
    assert list(sections)[-1] == "Итого", list(sections)
    for kpi, cells in zip(expected, sections["Итого"], strict=True):
        name = kpi.indicator["name"]
        tally.check("KPI export (authority)", f"total {name}: name", cells[0], name)
        tally.check("KPI export (authority)", f"total {name}: value", _rounded(cells[3]), _rounded(kpi.value))
        tally.check("KPI export (authority)", f"total {name}: target", _rounded(cells[5]), _rounded(kpi.target))
        tally.check("KPI export (authority)", f"total {name}: light", cells[6], ref.light_label(kpi.light))


def _rounded(number):
    return None if number in (None, "") else round(float(number), 2)


# --------------------------------------------------------------------------------------------------


def run_seed(seed: int, tmp_path: Path) -> Tally:
    world = Builder(seed).build()
    tally = Tally()
    raw = ref.load(timezone.localdate())
    years = {
        world.year: world.programmes,
        world.year - 1: list(
            Programme.objects.filter(pk__in=[p.pk for p in world.previous])
            .select_related("organization", "academic_year")
            .order_by("organization__short_name", "pk")
        ),
    }
    check_statistics(tally, raw, world, world.programmes, tmp_path, "default")
    check_statistics_previous = years[world.year - 1]
    for programme in check_statistics_previous:  # last year's: the period is the whole year
        layout = statistics.complete(
            layout_for(programme.organization, [programme])[0]
        )  # as the report prints it
        rows = [{"measure": r.measure, "filter": r.filter, "percent_of": r.percent_of} for r in layout.rows]
        columns = [c.breakdown for c in statistics.resolved(layout).columns]
        parts = ref.statistics_parts(raw, programme.pk, rows, columns)
        found = table_rows(export("rnc_statistics", programme.organization.slug, world.year - 1, tmp_path)[0])
        for r, (row, (_s, cells)) in enumerate(zip(rows, found, strict=True)):
            for c, column in enumerate(columns):
                tally.check(
                    "statistics last year",
                    f"{programme.organization.slug} {row} × {column}",
                    ref.points(row, cells[1 + c]),
                    ref.shown(row, parts[r][c]),
                )
    check_dashboards(tally, raw, world, world.programmes)
    check_analytical(tally, raw, [*world.programmes, *years[world.year - 1]])
    check_consolidation(tally, raw, world, world.programmes, tmp_path)
    check_authority_totals(tally, raw, world, tmp_path)
    StatisticsLayout.objects.create(organization=world.authority, name="Все коды", data=kitchen_sink())
    check_statistics(tally, raw, world, world.programmes, tmp_path, "every code")
    return tally


@pytest.mark.django_db
def test_every_figure_matches_an_independent_count(tmp_path):
    totals = Tally()
    for seed in SEEDS:
        tally = run_seed(seed, tmp_path)
        totals.compared += tally.compared
        for surface, number in tally.by_surface.items():
            totals.by_surface[surface] = totals.by_surface.get(surface, 0) + number
        totals.differences.extend(f"seed {seed} | {d}" for d in tally.differences)
        if tally.differences:
            break
    summary = {
        "database": connection.vendor,
        "seeds": SEEDS,
        "figures_compared": totals.compared,
        "figures_differing": len(totals.differences),
        "by_surface": totals.by_surface,
    }
    print("\nreconciliation:", json.dumps(summary, ensure_ascii=False))
    target = Path(settings.BASE_DIR) / "var" / f"reconciliation-{connection.vendor}.json"
    target.parent.mkdir(exist_ok=True)
    target.write_text(
        json.dumps({**summary, "differences": totals.differences[:200]}, ensure_ascii=False, indent=1)
    )
    assert not totals.differences, "\n".join(totals.differences[:60])
    assert totals.compared > 10_000
