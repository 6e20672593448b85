"""Column sorting of a list through ``?sort=<key>`` or ``?sort=-<key>``, keys from a whitelist.

Each key maps to the fields to order by; the list's own last field (its pk) keeps the order stable.
``Sorting.columns`` gives each header its link and its ``aria-sort`` value.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from django.http import QueryDict


@dataclass(frozen=True)
class SortColumn:
    url: str
    aria: str  # "ascending", "descending" or "none"
    active: bool


@dataclass(frozen=True)
class Sorting:
    key: str
    descending: bool
    order_by: tuple[str, ...]
    columns: dict[str, SortColumn] = field(default_factory=dict)

    @property
    def param(self) -> str:
        return f"-{self.key}" if self.descending else self.key


def _reverse(name: str) -> str:
    return name[1:] if name.startswith("-") else f"-{name}"


def sorting(query: QueryDict, keys: Mapping[str, Sequence[str]], default: str, tie: str = "pk") -> Sorting:
    """The sorting asked for in ``query`` (an unknown key falls back to ``default``)."""
    asked = query.get("sort", "") or default
    descending = asked.startswith("-")
    key = asked.lstrip("-")
    if key not in keys:
        key, descending = default.lstrip("-"), default.startswith("-")
    fields = tuple(_reverse(name) if descending else name for name in keys[key])
    columns = {}
    for name in keys:
        others = query.copy()
        others.pop("page", None)
        active = name == key
        others["sort"] = f"-{name}" if active and not descending else name
        columns[name] = SortColumn(
            url="?" + others.urlencode(),
            aria=("descending" if descending else "ascending") if active else "none",
            active=active,
        )
    return Sorting(key=key, descending=descending, order_by=(*fields, tie), columns=columns)
