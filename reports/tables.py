"""A generated table: what the writers turn into XLSX, PDF, DOCX and CSV."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class TableSection:
    """A row that opens a group of rows, written across the whole table (a roadmap's section)."""

    title: str


@dataclass(frozen=True)
class Signed:
    """A change written with its sign: «+1,5», «−0,5», «0». A number in a spreadsheet, text on paper."""

    value: float
    digits: int = 2


@dataclass(frozen=True)
class Percent:
    """A share in percent points (45.6 for 45,6 %): in a spreadsheet the fraction 0.456 shown as a
    percentage (so Excel sums and charts it as one), on paper «45,6 %»."""

    value: float
    digits: int = 1


@dataclass
class Table:
    title: str
    subtitle: str
    columns: list[str]
    rows: list[list[Any] | TableSection]
    landscape: bool = False
    column_widths: list[int] | None = None  # relative widths, a hint for the PDF and Word layouts
    # columns repeated in every part when a table too wide for a landscape page is split by columns
    key_columns: int = 1
    # lines printed between the subtitle and the table (a legend of abbreviated column names)
    legend: list[str] = field(default_factory=list)
    # the Excel sheet's name (at most 31 characters) when the title is longer: a short full name
    sheet_name: str = ""
    # the «УТВЕРЖДЕНО …» block printed at the top right of the first page (PDF and Word)
    approval: list[str] = field(default_factory=list)
