"""``kpi_cell`` (monitoring/templatetags/kpi_tags.py) gives the markup of the template it replaced."""

from __future__ import annotations

import re

import pytest
from django.template import Context, Template
from django.utils import translation

from monitoring.kpis import calc
from monitoring.kpis.selectors import KpiValue
from monitoring.models import Indicator
from monitoring.templatetags.kpi_tags import number

# the municipal table's cell as the template wrote it before the tag
OLD_ROW = Template(
    '{% load i18n %}<div class="fw-semibold">{% include "monitoring/kpis/includes/value.html" %}</div>'
    '{% if kpi.denominator is not None %}<div class="text-body-secondary">{{ kpi.numerator|floatformat:"-1" }}'
    ' / {{ kpi.denominator|floatformat:"-1" }}</div>{% endif %}'
    '{% include "monitoring/kpis/includes/light.html" %}'
)
OLD_TOTAL = Template(
    '{% load i18n %}<div>{% include "monitoring/kpis/includes/value.html" %}</div>'
    '{% if kpi.denominator is not None %}<div class="text-body-secondary fw-normal">'
    '{{ kpi.numerator|floatformat:"-1" }} / {{ kpi.denominator|floatformat:"-1" }}</div>{% endif %}'
    '{% if kpi.target is not None %}<div class="text-body-secondary fw-normal">{% translate "target" %}: '
    '{{ kpi.target|floatformat:"-1" }}{% if kpi.is_percent %} %{% endif %}</div>{% endif %}'
    '{% include "monitoring/kpis/includes/light.html" %}'
)
NEW_ROW = Template("{% load kpi_tags %}{% kpi_cell kpi %}")
NEW_TOTAL = Template("{% load kpi_tags %}{% kpi_cell kpi total=True %}")


def _squeeze(html: str) -> str:
    """Whitespace before a tag is not shown (the includes end with a newline)."""
    return re.sub(r"\s+<", "<", html.strip())


def _kpi(value, numerator, denominator, target, light, unit) -> KpiValue:
    indicator = Indicator(name="Доля", numerator="mentees", unit=unit)
    return KpiValue(
        indicator=indicator,
        numerator=numerator,
        denominator=denominator,
        value=value,
        target=target,
        light=light,
    )


CASES = [
    (None, 0.0, 0.0, None, calc.GREY, Indicator.Unit.PERCENT),
    (12.5, 25.0, 200.0, 40.0, calc.RED, Indicator.Unit.PERCENT),
    (33.33333, 1.0, 3.0, 30.0, calc.GREEN, Indicator.Unit.PERCENT),
    (7.0, 7.0, None, 5.0, calc.GREEN, Indicator.Unit.COUNT),
    (1234567.0, 1234567.0, None, None, calc.YELLOW, Indicator.Unit.COUNT),
    (0.05, 1.0, 2000.0, 0.25, calc.YELLOW, Indicator.Unit.PERCENT),
    (99.95, 1999.0, 2000.0, 100.0, calc.RED, Indicator.Unit.PERCENT),
    (-2.5, -5.0, 2.0, None, calc.GREY, Indicator.Unit.COUNT),
]


@pytest.mark.parametrize("language", ["ru", "en"])
@pytest.mark.parametrize("case", CASES)
def test_the_tag_writes_what_the_includes_wrote(case, language):
    kpi = _kpi(*case)
    with translation.override(language):
        for old, new in ((OLD_ROW, NEW_ROW), (OLD_TOTAL, NEW_TOTAL)):
            context = Context({"kpi": kpi})
            assert _squeeze(new.render(context)) == _squeeze(old.render(context))


@pytest.mark.parametrize("value", [0, 0.0, 1.0, 2.5, 1 / 3, 1e16, 12.05, 99.99, -0.04, 10**6])
def test_numbers_as_floatformat(value):
    from django.template.defaultfilters import floatformat

    with translation.override("ru"):
        assert number(value) == floatformat(value, "-1")
