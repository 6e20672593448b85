"""``console_chart_card`` (monitoring/templatetags/kpi_tags.py) gives the markup of the console's «Indicators
over the year» card it replaced in ``reports/console/console.html`` (the card and its four includes: light,
value, target source, chart), kept here verbatim."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.utils import translation

from .test_kpi_card_tag import CARDS, _squeeze

FORMER_CARD = Template(
    "{% load i18n %}{% with kpi=card.kpi %}"
    + """
  <div class="col-12 col-lg-6">
    <div class="card h-100 kpi-card" id="chart-{{ kpi.indicator.pk }}">
      <div class="card-body">
        <div class="d-flex flex-wrap justify-content-between align-items-start gap-2 mb-2">
          <h3 class="h6 mb-0">{{ kpi.indicator.name }}</h3>
          {% include "monitoring/kpis/includes/light.html" %}
        </div>
        <div class="d-flex flex-wrap align-items-baseline gap-3 mb-2">
          <div class="fs-4 fw-semibold">{% include "monitoring/kpis/includes/value.html" %}</div>
          <div class="small text-body-secondary">
            {% if kpi.denominator is not None %}{% blocktranslate with n=kpi.numerator|floatformat:"-1" d=kpi.denominator|floatformat:"-1" %}{{ n }} of {{ d }}{% endblocktranslate %} · {% endif %}
            {% translate "target" %}: {% if kpi.target is None %}{% translate "not set" %}{% else %}{{ kpi.target|floatformat:"-1" }}{% if kpi.is_percent %} %{% endif %}{% if not kpi.target_own %} ({% include "monitoring/kpis/includes/target_source.html" %}){% endif %}{% endif %}
          </div>
        </div>
        {% include "monitoring/kpis/includes/kpi_chart.html" %}
      </div>
    </div>
  </div>
"""
    + "{% endwith %}"
)
NEW_CARD = Template("{% load kpi_tags %}{% console_chart_card card %}")


@pytest.mark.parametrize("language", ["ru", "en"])
@pytest.mark.parametrize("card", CARDS, ids=lambda card: str(card["kpi"].indicator.pk))
def test_the_console_card_tag_writes_what_the_template_wrote(card, language):
    with translation.override(language):
        former = FORMER_CARD.render(Context({"card": card}))
        assert _squeeze(NEW_CARD.render(Context({"card": card}))) == _squeeze(former)
    assert "&lt;наставляемых&gt;" in former


@pytest.mark.parametrize("language", ["ru", "en"])
@pytest.mark.parametrize("card", CARDS, ids=lambda card: str(card["kpi"].indicator.pk))
def test_the_value_filter_writes_what_the_value_include_wrote(card, language):
    include = Template('{% include "monitoring/kpis/includes/value.html" %}')
    value = Template("{% load kpi_tags %}{{ kpi|kpi_value }}")
    with translation.override(language):
        context = {"kpi": card["kpi"]}
        assert value.render(Context(context)) == include.render(Context(context)).strip()
