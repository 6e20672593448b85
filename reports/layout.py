"""How a table is laid out on A4 paper: the orientation, the width of every column and, for a table too
wide even for a landscape page, its split into parts that repeat the key columns.

Pure: no Django. Text is measured with the font the PDF uses (DejaVu Sans, through Pillow); where the
font file is missing a generous estimate per character is used. A column is never narrower than its
longest word (up to :data:`WORD_CAP` characters — a longer link or e-mail may break anywhere), so a
header like «Наставник» is never split into «Наставни к».
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

PORTRAIT_MM = 210 - 2 * 12  # the A4 page less the margins of the documents
LANDSCAPE_MM = 297 - 2 * 12
FONT_PT = 8.5  # the font size of table cells
PADDING_MM = 4.2  # left and right padding of a cell plus its borders, and a safety margin
WORD_CAP = 18  # characters: a longer word may be broken anywhere
LINE_CAP = 48  # characters: a longer line is wrapped in any case
MM_PER_PT = 25.4 / 72
FALLBACK_EM = 0.66  # the width of a character in em when the font cannot be read
FONT_FILES = {
    False: ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "DejaVuSans.ttf"),
    True: ("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", "DejaVuSans-Bold.ttf"),
}
WORDS = re.compile(r"\S+")


@lru_cache(maxsize=2)
def _font(bold: bool):
    try:
        from PIL import ImageFont
    except ImportError:  # pragma: no cover - Pillow is a dependency
        return None
    for path in FONT_FILES[bold]:
        try:
            return ImageFont.truetype(path, size=100)
        except OSError:
            continue
    return None


@lru_cache(maxsize=20000)
def text_mm(text: str, bold: bool = False, size_pt: float = FONT_PT) -> float:
    """The printed width of a line of text in millimetres."""
    font = _font(bold)
    if font is None:
        return len(text) * FALLBACK_EM * size_pt * MM_PER_PT
    return font.getlength(text) / 100 * size_pt * MM_PER_PT * 1.03


def _longest_word(text: str, bold: bool, size: float = FONT_PT) -> float:
    words = WORDS.findall(text)
    return max((text_mm(word[:WORD_CAP], bold, size) for word in words), default=0.0)


def _longest_line(text: str, bold: bool, size: float = FONT_PT) -> float:
    lines = [line.strip() for line in text.splitlines()]
    return max((text_mm(line[:LINE_CAP], bold, size) for line in lines), default=0.0)


@dataclass(frozen=True)
class Part:
    """Some columns of the table (their indexes) and their widths in percent of the page's width."""

    columns: tuple[int, ...]
    percents: tuple[float, ...]


@dataclass(frozen=True)
class TableLayout:
    landscape: bool
    parts: tuple[Part, ...]

    @property
    def split(self) -> bool:
        return len(self.parts) > 1


@dataclass(frozen=True)
class Measures:
    least: tuple[float, ...]  # mm below which a word would be broken
    wanted: tuple[float, ...]  # mm at which the usual line needs no wrapping


def measure(header: Sequence[str], rows: Sequence[Sequence[str]], font_pt: float = FONT_PT) -> Measures:
    least, wanted = [], []
    for index, title in enumerate(header):
        cells = [str(row[index]) for row in rows if index < len(row) and row[index] not in (None, "")]
        word = max(
            [_longest_word(title, True, font_pt), *(_longest_word(cell, False, font_pt) for cell in cells)]
        )
        line = max(min(_longest_line(title, True, font_pt), text_mm("x" * 24, True, font_pt)), word)
        line = max([line, *(_longest_line(cell, False, font_pt) for cell in cells)])
        least.append(word + PADDING_MM)
        wanted.append(max(word, line) + PADDING_MM)
    return Measures(tuple(least), tuple(wanted))


def _widths(
    indexes: Sequence[int], measures: Measures, hints: Sequence[float] | None, page: float
) -> list[float]:
    """Millimetres for each column of a part that fits the page: never below the least width."""
    least = [measures.least[i] for i in indexes]
    wanted = [measures.wanted[i] for i in indexes]
    if hints:
        weights = [max(float(hints[i]) if i < len(hints) else 1.0, 0.1) for i in indexes]
        total = sum(weights)
        widths = [max(low, page * weight / total) for low, weight in zip(least, weights, strict=True)]
    elif sum(wanted) <= page:
        widths = list(wanted)
    else:
        spare = page - sum(least)
        growth = [high - low for low, high in zip(least, wanted, strict=True)]
        total = sum(growth) or 1.0
        widths = [low + spare * grow / total for low, grow in zip(least, growth, strict=True)]
    excess = sum(widths) - page
    if excess > 0:  # take it from the columns above their least width, in proportion
        room = [width - low for width, low in zip(widths, least, strict=True)]
        total = sum(room) or 1.0
        widths = [width - excess * free / total for width, free in zip(widths, room, strict=True)]
    elif excess < 0:  # give the rest to every column in proportion to its width
        total = sum(widths) or 1.0
        widths = [width * page / total for width in widths]
    return widths


def _part(indexes: Sequence[int], measures: Measures, hints, page: float) -> Part:
    widths = _widths(indexes, measures, hints, page)
    total = sum(widths) or 1.0
    return Part(tuple(indexes), tuple(round(100 * width / total, 2) for width in widths))


def plan(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    landscape: bool = False,
    hints: Sequence[float] | None = None,
    key_columns: int = 1,
    font_pt: float = FONT_PT,
    page_mm: tuple[float, float] = (PORTRAIT_MM, LANDSCAPE_MM),
) -> TableLayout:
    """Portrait when the table fits, landscape when it does not (or is asked for), and split by columns
    into parts that each repeat the first ``key_columns`` when even a landscape page is too narrow.

    ``page_mm`` is the width of the text on a portrait and on a landscape page."""
    portrait_mm, landscape_mm = page_mm
    measures = measure(header, rows, font_pt)
    count = len(header)
    if not count:
        return TableLayout(landscape, (Part((), ()),))
    needed = sum(measures.least)
    if not landscape and needed <= portrait_mm:
        return TableLayout(False, (_part(range(count), measures, hints, portrait_mm),))
    if needed <= landscape_mm:
        return TableLayout(True, (_part(range(count), measures, hints, landscape_mm),))
    keys = list(range(min(max(key_columns, 0), count - 1)))
    while keys and sum(measures.least[i] for i in keys) > landscape_mm / 2:
        keys.pop()
    room = landscape_mm - sum(measures.least[i] for i in keys)
    parts: list[list[int]] = []
    current: list[int] = []
    used = 0.0
    for index in range(len(keys), count):
        width = measures.least[index]
        if current and used + width > room:
            parts.append(current)
            current, used = [], 0.0
        current.append(index)
        used += width
    if current:
        parts.append(current)
    parts = _balanced(parts, measures, room)
    return TableLayout(True, tuple(_part([*keys, *part], measures, hints, landscape_mm) for part in parts))


def _balanced(parts: list[list[int]], measures: Measures, room: float) -> list[list[int]]:
    """The same number of parts with about as many columns in each (no last part with one column),
    when they still fit; else the parts as packed."""
    columns = [index for part in parts for index in part]
    count = len(parts)
    size, extra = divmod(len(columns), count)
    balanced, start = [], 0
    for number in range(count):
        end = start + size + (1 if number < extra else 0)
        balanced.append(columns[start:end])
        start = end
    if all(sum(measures.least[i] for i in part) <= room for part in balanced):
        return balanced
    return parts


def fit(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    landscape: bool = False,
    hints: Sequence[float] | None = None,
    sizes: Sequence[float] = (FONT_PT, 7.5, 7.0),
    page_mm: tuple[float, float] = (PORTRAIT_MM, LANDSCAPE_MM),
) -> tuple[float, tuple[float, ...]]:
    """For a table that must stay on the page's orientation (inside a document): the largest font size
    of ``sizes`` at which no word is broken, and the column widths in percent. At the smallest size the
    columns get their least widths in proportion (words may then break, but nothing leaves the page)."""
    for size in sizes:
        planned = plan(header, rows, landscape=landscape, hints=hints, font_pt=size, page_mm=page_mm)
        if planned.landscape == landscape and len(planned.parts) == 1:
            return size, planned.parts[0].percents
    least = measure(header, rows, sizes[-1]).least
    total = sum(least) or 1.0
    return sizes[-1], tuple(round(100 * width / total, 2) for width in least)
