"""Writes of the monitoring windows: open one, hand in (a frozen snapshot, a new version each time), close.

Every write is atomic and audited. Bad input raises :class:`WindowError` with a Russian message and
changes nothing.
"""

from __future__ import annotations

from datetime import date, datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mentoring.access import ancestor_ids
from mentoring.models import AcademicYear, AuditEvent, Organization, Programme
from mentoring.names import pupil_named
from mentoring.services import actor_name, audit_record

from ..models import MonitoringWindow, WindowSubmission
from ..statistics import calc as statistics
from ..statistics.selectors import layout_for, layout_validate, statistics_facts
from .selectors import is_oversight, organizations_below, window_layout, window_period

COMMENT_MAX_LENGTH = 4000


class WindowError(ValueError):
    """An expected refusal; the message is shown to the user as it is (in Russian)."""


@transaction.atomic
def window_open(
    *,
    actor,
    opener: Organization,
    academic_year: AcademicYear,
    title: str,
    opens_on: date,
    deadline: date,
    as_of: date | None = None,
    instructions: str = "",
    today: date | None = None,
) -> MonitoringWindow:
    """Open a collection period for every organisation below ``opener``, in the opener's layout (copied).

    The start may lie in the past (a collection already announced by an order), the deadline may not:
    a window whose deadline has passed would make every school late at once and send no reminder.
    ``today`` is the day it is opened (the local date by default; the demo opens its window in the past).
    """
    today = today or timezone.localdate()
    if not is_oversight(opener):
        raise WindowError(_("Only an organisation with schools below it can open a collection period."))
    title = title.strip()
    if not title:
        raise WindowError(_("Give the collection period a title."))
    if deadline < opens_on:
        raise WindowError(_("The deadline is before the collection opens."))
    if deadline < today:
        raise WindowError(
            _("The deadline (%(day)s) has already passed: choose today or a later day.")
            % {"day": deadline.strftime("%d.%m.%Y")}
        )
    as_of = as_of or deadline
    if not academic_year.start_date <= as_of <= academic_year.end_date:
        raise WindowError(
            _("The figures must be counted on a day of the academic year %(year)s.")
            % {"year": academic_year.label}
        )
    below = [organization.pk for organization in organizations_below(opener)]
    programmes = list(
        Programme.objects.filter(organization_id__in=below, academic_year=academic_year).select_related(
            "academic_year"
        )
    )
    layout, layout_name = layout_for(opener, programmes)
    # forms created after the window opens are counted in «другие формы»: the columns add up to «Всего»
    layout = statistics.complete(layout)
    errors = layout_validate(opener, layout)
    if errors:
        raise WindowError(" ".join(errors))
    window = MonitoringWindow.objects.create(
        opener=opener,
        academic_year=academic_year,
        title=title,
        instructions=instructions.strip(),
        opens_on=opens_on,
        deadline=deadline,
        as_of=as_of,
        layout_name=layout_name,
        layout=statistics.layout_to_data(layout),
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    audit_record(
        actor=actor,
        organization=opener,
        action=AuditEvent.Action.CREATE,
        target=window,
        target_repr=window.title,
        details={"deadline": deadline.isoformat(), "organizations": len(below)},
    )
    return window


def submission_figures(window: MonitoringWindow, programme: Programme, *, with_kpis: bool = True) -> dict:
    """The figures of one organisation in the window's layout and period, as stored in a snapshot.

    Numbers only: the cells, their parts (counted, out of), the contingent coverage rows divided by,
    the period (3 queries: ``statistics_facts``) and, ``with_kpis``, the KPI sheet (a fixed number more).
    """
    period = window_period(window)
    layout = window_layout(window)
    facts = statistics_facts([programme], periods={programme.pk: period})[programme.pk]
    result = statistics.compute(layout, *facts)
    figures = {
        "cells": result.cells,
        "parts": [[list(part) for part in row] for row in result.parts],
        "contingent": facts[2],
        "period": [period.start.isoformat(), period.end.isoformat()],
    }
    if with_kpis:
        figures["kpis"] = submission_kpis(programme, period)
    return figures


def submission_kpis(programme: Programme, period) -> list[dict]:
    """The KPI sheet the organisation hands in, frozen with the table: each active indicator's counted,
    out of, value, target and light in the window's period (numbers and the indicator's name only)."""
    from monitoring.kpis.selectors import kpi_values, programme_metrics

    metrics = programme_metrics([programme], periods={programme.pk: period})
    return [
        {
            "key": value.indicator.key,
            "name": value.indicator.name,
            "unit": value.indicator.unit,
            "direction": value.indicator.direction,
            "shared": value.indicator.organization_id is None,
            "numerator": value.numerator,
            "denominator": value.denominator,
            "value": value.value,
            "target": value.target,
            "light": value.light,
        }
        for value in kpi_values([programme], metrics=metrics)[programme.pk]
    ]


def _pupil_named_in(organization: Organization, comment: str) -> tuple[str, str, str] | None:
    """A pupil (or student) of the organisation the comment names, by the rule of
    ``mentoring.names.pupil_named`` (a surname in any case form next to an initial, a given name or a
    capitalised word, a distinctive surname alone, a given name with the patronymic); None when the comment
    names none (1 query, none for an empty comment)."""
    if not comment:
        return None
    from participants.models import Person

    learners = Person.objects.filter(
        organization=organization, kind__in=[Person.Kind.PUPIL, Person.Kind.COLLEGE_STUDENT]
    ).values_list("last_name", "first_name", "patronymic")
    return pupil_named(comment, learners.iterator(chunk_size=2000))


def _check_can_submit(
    window: MonitoringWindow, organization: Organization, today: date, has_current: bool
) -> None:
    if window.opener_id not in ancestor_ids(organization):
        raise WindowError(_("This collection period is not for this organisation."))
    if window.is_closed:
        raise WindowError(_("The collection period is closed: nothing more can be handed in."))
    if today < window.opens_on:
        raise WindowError(
            _("The collection opens on %(day)s.") % {"day": window.opens_on.strftime("%d.%m.%Y")}
        )
    if has_current and today > window.deadline:
        raise WindowError(
            _(
                "The deadline (%(day)s) has passed: the figures already handed in can no longer be replaced. "
                "Ask the organisation that collects them."
            )
            % {"day": window.deadline.strftime("%d.%m.%Y")}
        )


def window_submit(
    *,
    actor,
    window: MonitoringWindow,
    programme: Programme,
    comment: str = "",
    now: datetime | None = None,
) -> WindowSubmission:
    """Hand in the organisation's figures: counted now, frozen as a new current version.

    A resubmission before the deadline adds a version (the earlier ones stay); after the deadline only
    an organisation that has handed in nothing may still do so (marked late) until the window closes.
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    organization = programme.organization
    comment = comment.strip()
    if len(comment) > COMMENT_MAX_LENGTH:
        raise WindowError(
            _("The comment is too long: at most %(limit)s characters.") % {"limit": COMMENT_MAX_LENGTH}
        )
    if programme.academic_year_id != window.academic_year_id:
        raise WindowError(_("The collection period is for another academic year."))
    named = _pupil_named_in(organization, comment)
    if named is not None:
        raise WindowError(
            _(
                "The comment names a pupil (%(name)s). The organisations above see the comment and may see "
                "figures only, never a child: remove the name and hand in again."
            )
            % {"name": " ".join(part for part in named[:2] if part)}
        )
    figures = submission_figures(window, programme)
    try:
        with transaction.atomic():
            # lock the organisation's versions of this window (PostgreSQL): two clicks make two versions,
            # one after the other, never two current ones
            previous = list(
                WindowSubmission.objects.select_for_update()
                .filter(window=window, organization=organization)
                .order_by("-version")
                .values_list("pk", "version", "is_current")[:1]
            )
            has_current = bool(previous and previous[0][2])
            _check_can_submit(window, organization, today, has_current)
            version = previous[0][1] + 1 if previous else 1
            WindowSubmission.objects.filter(window=window, organization=organization, is_current=True).update(
                is_current=False
            )
            submission = WindowSubmission.objects.create(
                window=window,
                organization=organization,
                version=version,
                is_current=True,
                submitted_by=actor if getattr(actor, "is_authenticated", False) else None,
                submitted_by_name=actor_name(actor),
                submitted_at=now,
                late=today > window.deadline,
                comment=comment,
                data=figures,
            )
            audit_record(
                actor=actor,
                organization=organization,
                action=AuditEvent.Action.CREATE,
                target=submission,
                target_repr=_("Statistics handed in: %(title)s, version %(version)s")
                % {"title": window.title, "version": version},
                details={"window": window.pk, "version": version, "late": submission.late},
                people=[],
            )
    except IntegrityError as error:
        raise WindowError(
            _("The figures were being handed in at the same moment from another window. Reload the page.")
        ) from error
    return submission


@transaction.atomic
def window_close(*, actor, window: MonitoringWindow) -> MonitoringWindow:
    """Close the collection: nothing more is handed in, no more reminders."""
    if window.is_closed:
        return window
    window.closed_at = timezone.now()
    window.save(update_fields=["closed_at"])
    audit_record(
        actor=actor,
        organization=window.opener,
        action=AuditEvent.Action.UPDATE,
        target=window,
        target_repr=window.title,
        changes=["closed_at"],
    )
    return window
