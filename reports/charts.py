"""Charts drawn on the server for the documents: SVG for the PDFs, PNG for Word.

No Django here: a chart gets plain labels and numbers and returns bytes. Matplotlib with its bundled
DejaVu Sans font, which covers Cyrillic, and the non-interactive Agg backend (workers have no screen).
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Sequence

import matplotlib

matplotlib.use("Agg")

from matplotlib import pyplot  # noqa: E402  after matplotlib.use("Agg"), which must come first
from matplotlib.figure import Figure  # noqa: E402  after matplotlib.use("Agg"), which must come first

VALUE_COLOUR = "#2f6db5"
TARGET_COLOUR = "#d9822b"
BEFORE_COLOUR = "#9aa7b5"
AFTER_COLOUR = "#2f8f5b"


def _wrap(label: str, width: int = 38) -> str:
    return "\n".join(textwrap.wrap(label, width)[:3]) or "—"


def _render(figure: Figure, fmt: str) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format=fmt, dpi=150 if fmt == "png" else None, bbox_inches="tight")
    pyplot.close(figure)
    return buffer.getvalue()


def kpi_chart(
    names: Sequence[str],
    values: Sequence[float | None],
    targets: Sequence[float | None],
    *,
    value_label: str,
    target_label: str,
    unit: str = "%",
    fmt: str = "svg",
) -> bytes:
    """Horizontal bars: each indicator's value, with its target as a mark on the bar."""
    count = max(1, len(names))
    figure = pyplot.figure(figsize=(7.2, 0.55 * count + 0.9))
    axes = figure.add_subplot()
    positions = list(range(count))[::-1]
    shown = [value or 0 for value in values]
    axes.barh(positions, shown, color=VALUE_COLOUR, height=0.6, label=value_label)
    for position, value in zip(positions, values, strict=False):
        axes.text(
            (value or 0) + 1,
            position,
            "—" if value is None else f"{value:.0f}{unit}".replace(".", ","),
            va="center",
            fontsize=8,
        )
    marked = [
        (position, target) for position, target in zip(positions, targets, strict=False) if target is not None
    ]
    if marked:
        axes.scatter(
            [target for _, target in marked],
            [position for position, _ in marked],
            marker="|",
            s=400,
            linewidths=2.5,
            color=TARGET_COLOUR,
            label=target_label,
            zorder=3,
        )
    axes.set_yticks(positions, [_wrap(name) for name in names], fontsize=8)
    top = max([100.0, *[v or 0 for v in values], *[t or 0 for t in targets]])
    axes.set_xlim(0, top * 1.12)
    axes.spines[["top", "right"]].set_visible(False)
    axes.legend(loc="lower right", fontsize=8, frameon=False)
    return _render(figure, fmt)


def before_after_chart(
    names: Sequence[str],
    before: Sequence[float | None],
    after: Sequence[float | None],
    *,
    before_label: str,
    after_label: str,
    scale_max: float = 10,
    fmt: str = "svg",
) -> bytes:
    """Grouped bars: the mean of each item at the start and at the end."""
    count = max(1, len(names))
    figure = pyplot.figure(figsize=(7.2, 0.6 * count + 0.9))
    axes = figure.add_subplot()
    positions = list(range(count))[::-1]
    height = 0.36
    axes.barh(
        [p + height / 2 for p in positions],
        [b or 0 for b in before],
        height,
        color=BEFORE_COLOUR,
        label=before_label,
    )
    axes.barh(
        [p - height / 2 for p in positions],
        [a or 0 for a in after],
        height,
        color=AFTER_COLOUR,
        label=after_label,
    )
    for position, value in zip(positions, after, strict=False):
        if value is not None:
            axes.text(
                value + 0.1, position - height / 2, f"{value:.1f}".replace(".", ","), va="center", fontsize=7
            )
    axes.set_yticks(positions, [_wrap(name) for name in names], fontsize=8)
    axes.set_xlim(0, scale_max * 1.1)
    axes.spines[["top", "right"]].set_visible(False)
    axes.legend(loc="lower right", fontsize=8, frameon=False)
    return _render(figure, fmt)


def distribution_chart(
    labels: Sequence[str], counts: Sequence[int], *, fmt: str = "svg", colour: str = VALUE_COLOUR
) -> bytes:
    """Vertical bars: how many answers each value got (a 1–10 scale, yes/no, options)."""
    figure = pyplot.figure(figsize=(6.4, 2.4))
    axes = figure.add_subplot()
    axes.bar(range(len(labels)), counts, color=colour)
    axes.set_xticks(range(len(labels)), [_wrap(label, 14) for label in labels], fontsize=8)
    for index, value in enumerate(counts):
        axes.text(index, value, str(value), ha="center", va="bottom", fontsize=7)
    axes.spines[["top", "right"]].set_visible(False)
    axes.set_ylim(0, max([1, *counts]) * 1.2)
    return _render(figure, fmt)
