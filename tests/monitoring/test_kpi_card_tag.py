"""``kpi_card`` (monitoring/templatetags/kpi_tags.py) gives the markup of the KPI dashboard's card template it
replaced (the card and its four includes: light, value, target source, chart), kept here verbatim."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.template import Context, Template
from django.utils import translation

from mentoring.models import Organization
from monitoring.kpis import calc
from monitoring.kpis.selectors import KpiValue, SeriesPoint
from monitoring.kpis.targets import FEDERAL
from monitoring.models import Indicator

FORMER_CARD = Template(
    "{% load i18n %}{% with kpi=card.kpi %}"
    + """
  <div class="col-12 col-lg-6">
    <div class="card h-100 kpi-card" id="kpi-{{ kpi.indicator.pk }}">
      <div class="card-body">
        <div class="d-flex flex-wrap justify-content-between align-items-start gap-2 mb-2">
          <h2 class="h6 mb-0">{{ kpi.indicator.name }}</h2>
          {% include "monitoring/kpis/includes/light.html" %}
        </div>
        <div class="d-flex flex-wrap align-items-baseline gap-3 mb-2">
          <div class="fs-3 fw-semibold">{% include "monitoring/kpis/includes/value.html" %}</div>
          <div class="small text-body-secondary">
            {% if kpi.denominator is not None %}{% blocktranslate with n=kpi.numerator|floatformat:"-1" d=kpi.denominator|floatformat:"-1" %}{{ n }} of {{ d }}{% endblocktranslate %}{% endif %}
            · {% translate "target" %}: {% if kpi.target is None %}{% translate "not set" %}{% else %}{{ kpi.target|floatformat:"-1" }}{% if kpi.is_percent %} %{% endif %}{% if not kpi.target_own %} ({% include "monitoring/kpis/includes/target_source.html" %}){% endif %}{% endif %}
          </div>
        </div>
        {% if card.points %}
        {% include "monitoring/kpis/includes/kpi_chart.html" %}
        {% else %}
        <p class="small text-body-secondary mb-0">{% translate "No snapshots yet: they are saved on the 1st of each month, or with «Save a snapshot now»." %}</p>
        {% endif %}
      </div>
    </div>
  </div>
"""
    + "{% endwith %}"
)
NEW_CARD = Template("{% load kpi_tags %}{% kpi_card card %}")


def _squeeze(html: str) -> str:
    """Whitespace between tags and runs of it are not shown."""
    return re.sub(r"\s+", " ", re.sub(r">\s+<", "><", html)).strip()


def _card(number: int, value, numerator, denominator, target, light, unit, source="", above=None, points=()):
    indicator = Indicator(pk=number, name=f"Доля <наставляемых> № {number}", numerator="mentees", unit=unit)
    kpi = KpiValue(
        indicator=indicator,
        numerator=numerator,
        denominator=denominator,
        value=value,
        target=target,
        light=light,
        target_source=source,
        target_from=above,
    )
    chart = {"labels": [p.taken_on.strftime("%d.%m.%Y") for p in points], "values": [p.value for p in points]}
    return {"kpi": kpi, "points": list(points), "chart": chart, "chart_id": f"kpi-chart-{number}"}


ABOVE = Organization(name="Управление образования «Город & район»", short_name="")
POINTS = (
    SeriesPoint(taken_on=date(2025, 10, 1), value=None, target=None, numerator=0.0, denominator=None),
    SeriesPoint(taken_on=date(2025, 11, 1), value=33.33333, target=40.0, numerator=1.0, denominator=3.0),
    SeriesPoint(taken_on=date(2025, 12, 1), value=7.0, target=None, numerator=7.0, denominator=2000.0),
)
CARDS = [
    _card(1, None, 0.0, 0.0, None, calc.GREY, Indicator.Unit.PERCENT),
    _card(2, 12.5, 25.0, 200.0, 40.0, calc.RED, Indicator.Unit.PERCENT, source="manual", points=POINTS),
    _card(3, 33.33333, 1.0, 3.0, 30.0, calc.GREEN, Indicator.Unit.PERCENT, source="manual", above=ABOVE),
    _card(4, 7.0, 7.0, None, 5.0, calc.YELLOW, Indicator.Unit.COUNT, source=FEDERAL, points=POINTS[1:]),
    _card(5, 1234567.0, 1234567.0, None, 10.0, calc.YELLOW, Indicator.Unit.COUNT, source="roadmap"),
    _card(6, -2.5, -5.0, 2.0, None, calc.GREY, Indicator.Unit.COUNT),
]


@pytest.mark.parametrize("language", ["ru", "en"])
@pytest.mark.parametrize("card", CARDS, ids=lambda card: str(card["kpi"].indicator.pk))
def test_the_card_tag_writes_what_the_card_template_wrote(card, language):
    with translation.override(language):
        former = FORMER_CARD.render(Context({"card": card}))
        assert _squeeze(NEW_CARD.render(Context({"card": card}))) == _squeeze(former)
    assert "&lt;наставляемых&gt;" in former
