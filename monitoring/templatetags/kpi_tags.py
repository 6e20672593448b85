"""The cell of a KPI in the municipal table, built in Python.

The table has a cell per organisation and indicator (20 schools × 15 indicators: 300 cells); two
template includes and three ``floatformat`` filters per cell made the page cost about 80 % of its time in
the template engine. ``kpi_cell`` gives the same markup as ``includes/value.html`` + ``includes/light.html``
(``tests/monitoring/test_kpi_cell_tag.py`` compares them).
"""

from __future__ import annotations

from django import template
from django.template.defaultfilters import floatformat
from django.utils.html import escape, format_html, json_script
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


# --- the KPI dashboard's card -----------------------------------------------------------------------------


def _target_source(kpi: KpiValue) -> str:
    """``includes/target_source.html``: where a target that is not the organisation's own comes from."""
    if kpi.target_from:
        organization = kpi.target_from.short_name or kpi.target_from.name
        return gettext("set by %(organization)s") % {"organization": escape(organization)}
    if kpi.target_federal:
        return gettext("the federal aim")
    if kpi.target_source == "roadmap":
        return gettext("from the roadmap")
    if kpi.target_source:
        return gettext("entered by hand")
    return ""


def _dash_or_number(value: float | None) -> str:
    return "—" if value is None else number(value)


def _chart(card: dict, kpi: KpiValue, labels: dict[str, str]) -> str:
    """``includes/kpi_chart.html``: the chart's canvas and data, and its numbers as a table."""
    aria = labels["chart"] % {"name": escape(kpi.indicator.name)}
    rows = "".join(
        f"<tr><td>{point.taken_on.day:02d}.{point.taken_on.month:02d}.{point.taken_on.year:04d}</td>"
        f'<td class="text-end">{_dash_or_number(point.value)}</td>'
        f'<td class="text-end">{number(point.numerator)}</td>'
        f'<td class="text-end">{_dash_or_number(point.denominator)}</td>'
        f'<td class="text-end">{_dash_or_number(point.target)}</td></tr>'
        for point in card["points"]
    )
    return (
        '<div class="position-relative u-h-180px">'
        f'<canvas data-kpi-chart="{escape(card["chart_id"])}" role="img" aria-label="{aria}"></canvas></div>'
        f"{json_script(card['chart'], card['chart_id'])}"
        f'<details class="mt-2"><summary class="small">{labels["numbers"]}</summary>'
        '<div class="table-responsive"><table class="table table-sm small mb-0">'
        f'<thead><tr><th scope="col">{labels["date"]}</th><th scope="col" class="text-end">{labels["value"]}</th>'
        f'<th scope="col" class="text-end">{labels["numerator"]}</th>'
        f'<th scope="col" class="text-end">{labels["denominator"]}</th>'
        f'<th scope="col" class="text-end">{labels["target_column"]}</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div></details>"
    )


def _card_labels(context: template.Context) -> dict[str, str]:
    """The cards' fixed texts, translated once per page; as ``{% translate %}`` and ``{% blocktranslate %}``
    write them, our catalogue's texts are not escaped, the values put into them are."""
    labels = context.render_context.get("kpi_card_labels")
    if labels is None:
        labels = {
            name: str(text)
            for name, text in (
                ("target", gettext("target")),
                ("not_set", gettext("not set")),
                ("numbers", gettext("The numbers of the chart")),
                ("date", gettext("Date")),
                ("value", gettext("Value")),
                ("numerator", gettext("Numerator")),
                ("denominator", gettext("Denominator")),
                ("target_column", gettext("Target")),
                (
                    "no_snapshots",
                    gettext(
                        "No snapshots yet: they are saved on the 1st of each month, or with «Save a snapshot now»."
                    ),
                ),
            )
        }
        # formats: the values put in are escaped
        labels["of"] = gettext("%(n)s of %(d)s")
        labels["chart"] = gettext("Chart of «%(name)s» over time; the same numbers are in the table below")
        context.render_context["kpi_card_labels"] = labels
    return labels


def _of_text(kpi: KpiValue, labels: dict[str, str]) -> str:
    """«numerator of denominator» of a card, escaped; empty for an indicator without a denominator."""
    if kpi.denominator is None:
        return ""
    return labels["of"] % {"n": escape(number(kpi.numerator)), "d": escape(number(kpi.denominator))}


def _target_text(kpi: KpiValue, labels: dict[str, str]) -> str:
    """The card's target with its unit, and where an inherited one comes from; «not set» without one."""
    if kpi.target is None:
        return labels["not_set"]
    target = number(kpi.target) + (" %" if kpi.is_percent else "")
    if not kpi.target_own:
        target += f" ({_target_source(kpi)})"
    return target


@register.simple_tag(takes_context=True)
def kpi_card(context: template.Context, card: dict) -> SafeString:
    """One card of the KPI dashboard (``monitoring/kpis/dashboard.html``): the indicator, its light, value,
    «numerator of denominator», the target and where it comes from, the chart with its table. Written in
    Python with the markup of the former card template and its four includes (``tests/monitoring/
    test_kpi_card_tag.py`` compares them); every value is escaped here."""
    labels = _card_labels(context)
    kpi: KpiValue = card["kpi"]
    badges = lights()
    of = _of_text(kpi, labels)
    target = _target_text(kpi, labels)
    chart = (
        _chart(card, kpi, labels)
        if card["points"]
        else f'<p class="small text-body-secondary mb-0">{labels["no_snapshots"]}</p>'
    )
    markup = (
        '<div class="col-12 col-lg-6">'
        f'<div class="card h-100 kpi-card" id="kpi-{int(kpi.indicator.pk)}"><div class="card-body">'
        '<div class="d-flex flex-wrap justify-content-between align-items-start gap-2 mb-2">'
        f'<h2 class="h6 mb-0">{escape(kpi.indicator.name)}</h2>{badges.get(kpi.light) or badges[calc.GREY]}</div>'
        '<div class="d-flex flex-wrap align-items-baseline gap-3 mb-2">'
        f'<div class="fs-3 fw-semibold">{value_html(kpi)} </div>'
        f'<div class="small text-body-secondary"> {of} · {labels["target"]}: {target} </div></div>'
        f"{chart}</div></div></div>"
    )
    return mark_safe(markup)  # noqa: S308 (every value is escaped above)


@register.simple_tag(takes_context=True)
def console_chart_card(context: template.Context, card: dict) -> SafeString:
    """One card of «Indicators over the year» on the console of an authority (``reports/console/
    console.html``): as ``kpi_card``, with the console's heading level, the value a size smaller and the
    chart with its table even before the first snapshot (``tests/monitoring/test_kpi_card_tag.py``
    compares it with the template block it replaced); every value is escaped here."""
    labels = _card_labels(context)
    kpi: KpiValue = card["kpi"]
    badges = lights()
    of = _of_text(kpi, labels)
    of += " · " if of else ""
    target = _target_text(kpi, labels)
    markup = (
        '<div class="col-12 col-lg-6">'
        f'<div class="card h-100 kpi-card" id="chart-{int(kpi.indicator.pk)}"><div class="card-body">'
        '<div class="d-flex flex-wrap justify-content-between align-items-start gap-2 mb-2">'
        f'<h3 class="h6 mb-0">{escape(kpi.indicator.name)}</h3>{badges.get(kpi.light) or badges[calc.GREY]}</div>'
        '<div class="d-flex flex-wrap align-items-baseline gap-3 mb-2">'
        f'<div class="fs-4 fw-semibold">{value_html(kpi)} </div>'
        f'<div class="small text-body-secondary"> {of}{labels["target"]}: {target} </div></div>'
        f"{_chart(card, kpi, labels)}</div></div></div>"
    )
    return mark_safe(markup)  # noqa: S308 (every value is escaped above)


@register.filter
def kpi_value(kpi: KpiValue) -> SafeString:
    """``{{ kpi|kpi_value }}``: ``includes/value.html`` without an include (a row of a table of schools
    shows one): the value with « %» for a percentage, a dash when there is none."""
    return mark_safe(value_html(kpi))  # noqa: S308 - a number and our own markup
