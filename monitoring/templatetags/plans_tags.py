"""The rows of the list of plans written in Python: a page shows a hundred pairs, each row about twenty
lookups, filters and translations in the template — more than the rest of the page. The same markup as
the template loop it replaces; the labels are translated and the row's link reversed once per page."""

from __future__ import annotations

import html
from collections.abc import Iterable

from django import template
from django.utils.dateformat import format as date_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, pgettext

from mentoring.templatetags.ui import pct, with_pk
from pairing.templatetags.pairing_tags import plan_member_names

from ..plans.selectors import PlanRow

register = template.Library()


def _text(value: object) -> str:
    return html.escape(str(value))


@register.simple_tag
def plan_rows(rows: Iterable[PlanRow], plan_url: str, threshold: int) -> SafeString:
    """The ``<tr>`` of each pair (``monitoring/plans/plans.html``): its number and status, mentors,
    mentees, form, the plan's completion and approval. ``plan_url``: the plan's link reversed with the
    key 0."""
    t_completion = _text(gettext("Completion"))
    t_no_plan = _text(gettext("no plan yet"))
    t_of = _text(pgettext("order date", "from"))
    parts = []
    for row in rows:
        group, plan = row.group, row.plan
        url = _text(with_pk(plan_url, group.pk))
        status = (
            ""
            if group.is_open
            else f'<div class="small text-body-secondary">{_text(group.get_status_display())}</div>'
        )
        if plan is not None:
            percent = plan.percent
            done_class = " bg-success" if percent >= threshold else ""
            completion = (
                '\n          <div class="d-flex align-items-center gap-2"><div class="progress flex-grow-1" '
                f'role="progressbar" aria-label="{t_completion}" aria-valuenow="{percent}" aria-valuemin="0" '
                f'aria-valuemax="100"><div class="progress-bar{done_class} pct-{pct(percent)}"></div></div>'
                f'<span class="small text-nowrap">{percent}%</span></div>\n'
                f'          <div class="small text-body-secondary">{plan.tasks_done} / {plan.tasks_total}</div>\n'
                "          "
            )
        else:
            completion = f'<a class="small" href="{url}">{t_no_plan}</a>'
        approval = (
            f"№ {_text(plan.order_number)} {t_of} {date_format(plan.order_date, 'd.m.Y') if plan.order_date else ''}"
            if plan is not None and plan.is_approved
            else "—"
        )
        parts.append(
            "\n      <tr>\n"
            f'        <td><a href="{url}">{group.pk}</a>{status}</td>\n'
            f"        <td>{plan_member_names(row.mentors)}</td>\n"
            f"        <td>{plan_member_names(row.mentees)}</td>\n"
            f'        <td class="d-none d-md-table-cell small">{_text(group.form.name)}</td>\n'
            f'        <td class="u-minw-8r">{completion}</td>\n'
            f'        <td class="small">{approval}</td>\n'
            "      </tr>\n    "
        )
    return mark_safe("".join(parts))  # noqa: S308 (every value is escaped above)
