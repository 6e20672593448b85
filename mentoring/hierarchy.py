"""The organisation tree: region → municipal authorities → schools, colleges, centres.

Everything below an organisation, at any depth, in ONE query: the tree is shallow (``DEPTH`` levels),
so «below X» is an OR over the parent chain (``parent = X`` or ``parent.parent = X`` …) that the database
answers with a few self-joins, whatever the number of organisations. Figures of an oversight body are
the sum of its *units* — the organisations below it that are not themselves oversight bodies.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Case, Count, F, IntegerField, Q, QuerySet, Sum, When

from .models import Organization, Programme
from .prepared import PreparedModels

# How many levels the tree may have below a body: region → municipality → school is 2; one spare level
# for a federal body above regions.
DEPTH = 3


def below_q(root: int | Iterable[int], path: str = "") -> Q:
    """A filter for the organisations strictly below ``root`` (an id or several), at any depth.

    ``path`` is the relation that leads to the organisation (``"organization"`` for a programme).
    """
    prefix = f"{path}__" if path else ""
    lookup = "_id" if isinstance(root, int) else "_id__in"
    value = root if isinstance(root, int) else list(root)
    condition = Q()
    link = "parent"
    for _ in range(DEPTH):
        condition |= Q(**{f"{prefix}{link}{lookup}": value})
        link += "__parent"
    return condition


def organizations_below(root_id: int) -> QuerySet[Organization]:
    """Every organisation below the root, bodies and units alike (1 query)."""
    return Organization.objects.filter(below_q(root_id))


def units_below(root_id: int) -> QuerySet[Organization]:
    """The schools, colleges and centres below the root at any depth — whose figures add up (1 query)."""
    return organizations_below(root_id).exclude(kind__in=Organization.PARENT_KINDS)


def unit_programmes_below(root_id: int, academic_year_id: int) -> QuerySet[Programme]:
    """The programmes of the units below the root in one academic year (1 query)."""
    return Programme.objects.filter(
        below_q(root_id, "organization"), academic_year_id=academic_year_id
    ).exclude(organization__kind__in=Organization.PARENT_KINDS)


def unit_programmes_of(organization: Organization, academic_year_id: int) -> QuerySet[Programme]:
    """An oversight body's unit programmes, or the organisation's own programme (1 query)."""
    if organization.is_oversight_body:
        return unit_programmes_below(organization.pk, academic_year_id)
    return Programme.objects.filter(organization=organization, academic_year_id=academic_year_id)


def chain_ids(organization: Organization) -> list[int]:
    """The organisation and the bodies above it, nearest first (parents loaded by ``select_related`` are free)."""
    from .access import ancestor_ids

    return [organization.pk, *ancestor_ids(organization)]


def child_of_root(root_id: int, path: str = "") -> Case:
    """An expression: the id of the organisation directly below ``root_id`` that the row's organisation
    (reached through ``path``) belongs to — itself when it sits directly below the root, else the
    ancestor that does. Lets the database group a region's figures by municipality in one query."""
    prefix = f"{path}__" if path else ""
    whens = []
    link = "parent"
    holder = f"{path}_id" if path else "pk"
    for _ in range(DEPTH):
        whens.append(When(**{f"{prefix}{link}_id": root_id}, then=F(holder)))
        holder = f"{prefix}{link}_id"
        link += "__parent"
    return Case(*whens, default=None, output_field=IntegerField())


CONTINGENT_FIELDS = ("pupils_total", "pupils_with_disabilities", "teachers_total", "young_teachers_total")


@dataclass
class ChildRow:
    """A direct child of a body with the contingent of the units it stands for (itself, or those below)."""

    organization: Organization
    units: int = 0
    totals: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CONTINGENT_FIELDS, 0))

    @property
    def is_body(self) -> bool:
        return self.organization.is_oversight_body


def _children(root_id: int) -> QuerySet[Organization]:
    return Organization.objects.filter(parent_id=root_id).order_by("short_name")


def _contingent_sums(root_id: int, academic_year_id: int) -> QuerySet[Any, Any]:
    return (
        unit_programmes_below(root_id, academic_year_id)
        .annotate(child=child_of_root(root_id, "organization"))
        .values("child")
        .annotate(units=Count("pk"), **{name: Sum(name) for name in CONTINGENT_FIELDS})
        .order_by()
    )


# an authority's start page and console read both on every request: compiled once per process (building
# them cost the ORM ten times what the database takes to answer)
_CHILDREN = PreparedModels(_children, root_id=int)
_CONTINGENT_SUMS = PreparedModels(_contingent_sums, root_id=int, academic_year_id=int)


def children_contingent(root: Organization, academic_year_id: int) -> tuple[list[ChildRow], dict[str, int]]:
    """The body's direct children with the summed contingent of their units this year, and the total
    (2 queries, whatever the number of organisations below; compiled once per process)."""
    rows = {child.pk: ChildRow(child) for child in _CHILDREN(root_id=root.pk)}
    for row in _CONTINGENT_SUMS(root_id=root.pk, academic_year_id=academic_year_id):
        found = rows.get(row["child"])
        if found is None:
            continue
        found.units = row["units"]
        found.totals = {name: row[name] or 0 for name in CONTINGENT_FIELDS}
    totals = {name: sum(row.totals[name] for row in rows.values()) for name in CONTINGENT_FIELDS}
    return list(rows.values()), totals
