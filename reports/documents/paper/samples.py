"""The data an uploaded template is checked against: the organisation's real data, with one sample entry
in every list, so that every field the template uses — inside loops too — is filled once."""

from __future__ import annotations

from typing import Any

from mentoring.models import Programme

from ..context import organization_context, short_date

ORDER_ROWS = {
    "model": {"number": "1.", "title": "…", "period": "…", "responsible": "…", "result": "…"},
    "roadmap": {"number": "1.", "title": "…", "period": "…", "responsible": "…", "result": "…"},
    "pairing": {"n": "1", "mentors": "…", "mentees": "…", "form": "…", "period": "…"},
    "plans": {"n": "1", "mentors": "…", "mentees": "…", "form": "…", "period": "…", "goals": "…"},
    "reward": {"n": "1", "name": "…", "position": "…", "role": "…", "note": "…"},
    "curator": {"n": "1", "name": "…", "position": "…", "role": "…", "note": "…"},
    "regulation": {},
    "cancel": {},
}


def order_sample(kind: str, programme: Programme) -> dict[str, Any]:
    from django.utils import timezone

    from ...orders.texts import TITLES
    from ..context import day_text

    data = organization_context(programme)
    today = timezone.localdate()
    data["order"] = {
        "number": "1-ОД",
        "day": short_date(today),
        "day_text": day_text(today),
        "title": TITLES.get(kind, "О …"),
        "place": data["org"]["place"],
        "preamble": ["…"],
        "points": ["…"],
        "signatory_position": data["org"]["head_position"],
        "signatory_name": data["org"]["head_name"],
        "requisites": f"от {short_date(today)} № 1-ОД",
    }
    row = ORDER_ROWS.get(kind, {})
    data["appendix"] = {"heading": "…", "rows": [row] if row else []}
    data["acquainted"] = [{"name": "…", "position": "…"}]
    data["cancelled"] = {
        "number": "1-ОД",
        "day": short_date(today),
        "title": "О …",
        "requisites": f"от {short_date(today)} № 1-ОД",
    }
    return data


def sample_context(key: str, programme: Programme) -> dict[str, Any]:
    from ...registry import registry

    if key.startswith("order_"):
        return order_sample(key.removeprefix("order_"), programme)
    from ..paper_reports import PaperReport

    report = registry.get(key)
    if not isinstance(report, PaperReport):  # every other template key is a paper report's
        raise KeyError(f"No paper report for the template {key!r}")
    return report.context(programme, {}, sample=True)
