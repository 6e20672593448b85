"""The targets a figure is measured against — ONE rule for every page, export and report.

For an organisation and an academic year, per indicator:

1. its own yearly target (``IndicatorTarget`` of its programme);
2. else the target of the nearest organisation above it (the municipal authority, then the region) for the
   same academic year — as statistics layouts and KPI age bands are inherited;
3. else, for the coverage of pupils (``COVERAGE_KEY``), the federal aim (``FEDERAL_COVERAGE_AIM``);
4. else none (the traffic light is grey).

A school's figures use the school's targets, a municipality's total the municipality's, a region's total
the region's: the console, the KPI dashboard and its export, the statistics' KPI sheet, the analytical
report, the municipal consolidation and the window snapshots all read them here, so a traffic light is the
same wherever the figure is shown. Two queries, whatever the number of organisations.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import F, QuerySet

from mentoring.hierarchy import DEPTH
from mentoring.models import Organization, Programme
from mentoring.prepared import PreparedIdLists, PreparedModels

from ..models import Indicator, IndicatorTarget

COVERAGE_KEY = "pupils_in_mentoring"  # the shared indicator «Доля обучающихся … вовлечённых»
FEDERAL = "federal"  # the source of the federal aim


def federal_coverage_aim() -> float:
    """The federal aim for the share of pupils involved, used when no organisation up the chain set one."""
    return float(settings.FEDERAL_COVERAGE_AIM)


@dataclass(frozen=True)
class Target:
    value: float
    source: str  # ``IndicatorTarget.Source`` of the target used, or ``FEDERAL``
    holder: Organization | None = None  # the organisation above whose target this is; None: own or federal

    @property
    def own(self) -> bool:
        return self.holder is None and self.source != FEDERAL

    @property
    def federal(self) -> bool:
        return self.source == FEDERAL


Targets = dict[int, Target]  # indicator id → target


def _with_parents(organization_ids: list[int]) -> QuerySet[Organization]:
    link = "parent"
    related = []
    for _level in range(DEPTH):
        related.append(link)
        link += "__parent"
    return Organization.objects.filter(pk__in=organization_ids).select_related(*related)


# an authority's schools (its start page, its console): compiled once per process and size of list
_WITH_PARENTS = PreparedIdLists(_with_parents)


def _chains(organization_ids: Iterable[int]) -> dict[int, list[Organization]]:
    """Each organisation followed by those above it, nearest first (1 query)."""
    chains: dict[int, list[Organization]] = {}
    for organization in _WITH_PARENTS(set(organization_ids)):
        chain = []
        found: Organization | None = organization
        for _level in range(DEPTH + 1):
            if found is None:
                break
            chain.append(found)
            found = found.parent if found.parent_id is not None else None
        chains[organization.pk] = chain
    return chains


def loaded_chain(organization: Organization) -> list[Organization] | None:
    """The organisation followed by those above it, as ``_chains`` reads them, when its parents are loaded
    already up to the top (a page's scope reads its organisation with the levels above): None otherwise."""
    chain = []
    found = organization
    for _level in range(DEPTH + 1):
        chain.append(found)
        if found.parent_id is None:
            return chain
        if not Organization.parent.is_cached(found) or found.parent is None:
            return None
        found = found.parent
    return None


_HOLDERS = tuple(f"holder{level}" for level in range(DEPTH + 1))  # an organisation and those above it


def _chain_targets(year_id: int, **holders: int) -> QuerySet[IndicatorTarget]:
    return (
        IndicatorTarget.objects.filter(
            programme__organization_id__in=list(holders.values()), programme__academic_year_id=year_id
        )
        .annotate(holder_id=F("programme__organization_id"))
        .only("indicator_id", "value", "source")
    )


_TARGET_COLUMNS = (
    "programme__organization_id",
    "programme__academic_year_id",
    "indicator_id",
    "value",
    "source",
)


def _holders_targets(holder_ids: list[int], year_id: int) -> QuerySet[IndicatorTarget, tuple]:
    return IndicatorTarget.objects.filter(
        programme__organization_id__in=holder_ids, programme__academic_year_id=year_id
    ).values_list(*_TARGET_COLUMNS)


_HOLDERS_TARGETS = PreparedIdLists(_holders_targets, year_id=int)
_CHAIN_TARGETS = PreparedModels(_chain_targets, year_id=int, **dict.fromkeys(_HOLDERS, int))


def targets_for_organizations(
    pairs: Iterable[tuple[int, int]],
    indicators: Iterable[Indicator],
    *,
    chains: dict[int, list[Organization]] | None = None,
) -> dict[tuple[int, int], Targets]:
    """The targets of each (organisation id, academic year id) for the given indicators (2 queries; one
    when ``chains`` gives every organisation's chain already, as ``loaded_chain`` reads it)."""
    pairs = list(dict.fromkeys(pairs))
    result: dict[tuple[int, int], Targets] = {pair: {} for pair in pairs}
    if not pairs:
        return result
    indicators = list(indicators)
    chains = dict(chains or {})
    missing = {organization for organization, _year in pairs if organization not in chains}
    if missing:
        chains.update(_chains(missing))
    holders = {member.pk for chain in chains.values() for member in chain}
    stored: dict[tuple[int, int], dict[int, tuple[float, str]]] = {}
    if len(pairs) == 1 and 0 < len(holders) <= len(_HOLDERS):
        # one organisation (a school's KPI page): a query compiled once per process, its chain padded
        # with its last member; the targets of other indicators are read too and never looked at below
        year_id = pairs[0][1]
        padded = [*holders, *[max(holders)] * (len(_HOLDERS) - len(holders))]
        values: dict[str, Any] = dict(zip(_HOLDERS, padded, strict=True))
        for target in _CHAIN_TARGETS(year_id=year_id, **values):
            stored.setdefault((target.holder_id, year_id), {})[target.indicator_id] = (
                float(target.value),
                target.source,
            )
    else:
        years = {year for _organization, year in pairs}
        rows: Iterable[tuple[int, int, int, Any, str]]
        if len(years) == 1 and 0 < len(holders) <= PreparedIdLists.SIZES[-1]:
            # an authority's units in one year (its start page, its console): compiled once per process
            # and size of list; the targets of other indicators are read too and never looked at below
            rows = _HOLDERS_TARGETS(holders, year_id=next(iter(years)))
        else:
            rows = IndicatorTarget.objects.filter(
                programme__organization_id__in=holders,
                programme__academic_year_id__in=years,
                indicator_id__in=[indicator.pk for indicator in indicators],
            ).values_list(*_TARGET_COLUMNS)
        for organization_id, year_id, indicator_id, value, source in rows:
            stored.setdefault((organization_id, year_id), {})[indicator_id] = (float(value), source)
    federal = federal_coverage_aim()
    # plain ids and tuples in the loop: a region asks for 1,500 organisations × every indicator
    wanted = [
        (indicator.pk, indicator.key == COVERAGE_KEY and indicator.organization_id is None)
        for indicator in indicators
    ]
    for organization_id, year_id in pairs:
        layers = [
            (position, member, layer)
            for position, member in enumerate(chains.get(organization_id, []))
            if (layer := stored.get((member.pk, year_id)))
        ]
        found: Targets = {}
        for indicator_id, is_coverage in wanted:
            for position, member, layer in layers:
                own = layer.get(indicator_id)
                if own is not None:
                    found[indicator_id] = Target(own[0], own[1], member if position else None)
                    break
            else:
                if is_coverage:
                    found[indicator_id] = Target(federal, FEDERAL)
        result[(organization_id, year_id)] = found
    return result


def targets_for_programmes(
    programmes: Iterable[Programme], indicators: Iterable[Indicator]
) -> dict[int, Targets]:
    """The targets of each programme's organisation in its academic year (2 queries; 1 when every
    programme's organisation is loaded with the levels above it)."""
    programmes = list(programmes)
    # a programme read with its organisation and the levels above (the page's scope) needs no query for them
    loaded = {
        programme.organization_id: chain
        for programme in programmes
        if Programme.organization.is_cached(programme) and (chain := loaded_chain(programme.organization))
    }
    found = targets_for_organizations(
        [(programme.organization_id, programme.academic_year_id) for programme in programmes],
        indicators,
        chains=loaded,
    )
    return {
        programme.pk: found[(programme.organization_id, programme.academic_year_id)]
        for programme in programmes
    }


def targets_for(programme: Programme, indicators: Iterable[Indicator]) -> Targets:
    """The targets of one programme's organisation (2 queries)."""
    return targets_for_programmes([programme], indicators)[programme.pk]
