"""The cell of a KPI in the municipal table, built in Python.

The table has a cell per organisation and indicator (20 schools × 15 indicators: 300 cells); two
template includes and three ``floatformat`` filters per cell made the page cost about 80 % of its time in
the template engine. ``kpi_cell`` gives the same markup as ``includes/value.html`` + ``includes/light.html``
(``tests/monitoring/test_kpi_cell_tag.py`` compares them).
"""

from __future__ import annotations

from django import template
from django.template.defaultfilters import floatformat
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext

from monitoring.kpis import calc
from monitoring.kpis.selectors import LIGHT_LABELS, KpiValue

register = template.Library()

BADGES = {
    calc.GREEN: ("text-bg-success", "bi-check-circle"),
    calc.YELLOW: ("text-bg-warning", "bi-exclamation-circle"),
    calc.RED: ("text-bg-danger", "bi-x-circle"),
}
OTHER = ("text-bg-secondary", "bi-dash-circle")


def number(value: float | None) -> str:
    """``value|floatformat:"-1"``: a whole number as is (no thousands separator is configured), else
    Django's filter (its rounding and the language's decimal separator)."""
    if value is None:
        return ""
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer() and abs(value) < 1e15):
        return str(int(value))
    return str(floatformat(value, "-1"))


def value_html(kpi: KpiValue) -> str:
    if kpi.value is None:
        return '<span class="text-body-secondary">—</span>'
    return number(kpi.value) + (" %" if kpi.is_percent else "")


_LIGHTS: dict[str | None, dict[str, str]] = {}


def lights() -> dict[str, str]:
    """The badge of each light in the active language (built once per language)."""
    language = get_language()
    found = _LIGHTS.get(language)
    if found is None:
        found = _LIGHTS[language] = {
            light: format_html(
                '<span class="badge rounded-pill {}"><i class="bi {} me-1" aria-hidden="true"></i>{}</span>',
                *BADGES.get(light, OTHER),
                label,
            )
            for light, label in LIGHT_LABELS.items()
        }
    return found


@register.simple_tag
def kpi_cell(kpi: KpiValue, total: bool = False) -> SafeString:
    """The inside of a municipal table's cell: the value, «numerator / denominator», for a total its
    target, and the light."""
    muted = "text-body-secondary fw-normal" if total else "text-body-secondary"
    opening = "<div>" if total else '<div class="fw-semibold">'
    parts = [f"{opening}{value_html(kpi)}</div>"]
    if kpi.denominator is not None:
        parts.append(f'<div class="{muted}">{number(kpi.numerator)} / {number(kpi.denominator)}</div>')
    if total and kpi.target is not None:
        percent = " %" if kpi.is_percent else ""
        parts.append(f'<div class="{muted}">{escape(gettext("target"))}: {number(kpi.target)}{percent}</div>')
    badges = lights()
    parts.append(badges.get(kpi.light) or badges[calc.GREY])
    return mark_safe("".join(parts))  # noqa: S308 - numbers and our own markup; the labels are escaped
