"""Formula injection: text a spreadsheet would run as a formula stays text, in every file we write.

Used by every export (``reports.writers``) and by the bases' import template
(``participants.import_template``), whose reference sheet lists the organisation's partner names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_PREFIXES)


def safe_cell(value: Any) -> Any:
    """Neutralise text that a spreadsheet would run as a formula in a CSV file (formula injection)."""
    if is_formula_like(value):
        return "'" + value
    return value


def keep_as_text(cell: Cell) -> None:
    """An openpyxl cell holding formula-like text: stored as a string with Excel's quote prefix.

    openpyxl would write «=…» as a formula; Excel shows the text as written and never evaluates it.
    """
    if is_formula_like(cell.value):
        cell.data_type = "s"
        cell.quotePrefix = True
