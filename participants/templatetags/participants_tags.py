"""A row of the mentee and mentor bases written in Python: the list draws fifty of them, where the row's
template (about thirty variable lookups and filters each) cost more than the rest of the page."""

from __future__ import annotations

import html
import unicodedata
from typing import Any

from django import template
from django.utils.dateformat import format as date_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

from mentoring.templatetags.ui import with_pk
from participants.models import SPECIAL_CATEGORIES

register = template.Library()


def _text(value: Any) -> str:
    # the standard library's escape on plain strings (what Django's ``escape`` calls, without its lazy-aware wrapper)
    return html.escape(str(value))


def _joined(values: Any, separator: str, limit: int | None = None) -> str:
    """``|join:separator`` (and ``|truncatechars:limit``) of a profile's list: the text is cut before it is
    escaped, so an entity is never cut in half."""
    text = separator.join(str(value) for value in values or ())
    if limit is not None:
        # Truncator returns a text that fits in NFC without cutting it; its walk over the characters is
        # only needed for a longer one (it counts them without combining marks: never more than ``len``)
        text = unicodedata.normalize("NFC", text)
        if len(text) > limit:
            text = Truncator(text).chars(limit)
    return _text(text)


def _row_parts(context) -> dict:
    """What every row of one page shares, read from the page's context once (``participants/people_list.html``
    reverses the person's link with the key 0 and translates the labels before its loop)."""
    parts = context.render_context.get("people_row_parts")
    if parts is None:
        scope = context.get("scope")
        parts = {
            "manage": bool(scope and scope.access.can_manage),
            "mentees": context.get("kind") == "mentees",
            "person_url": str(context.get("person_url") or ""),
            # ``MenteeProfile.categories``' labels, translated once per page instead of once per row
            "categories": [(field, str(label)) for field, label in SPECIAL_CATEGORIES],
            **{
                name: _text(context.get(name) or "")
                for name in (
                    "t_completed",
                    "t_not_yet",
                    "t_consent_title",
                    "t_consent",
                    "t_no_consent_title",
                    "t_no_consent",
                )
            },
        }
        context.render_context["people_row_parts"] = parts
    return parts


def _categories(profile, parts: dict) -> list[str]:
    """``profile.categories`` with the labels of the page (``_row_parts``)."""
    return [label for field, label in parts["categories"] if getattr(profile, field)]


def _consent_badge(has_consent: bool, parts: dict) -> str:
    if has_consent:
        return (
            f'<span class="badge text-bg-success" title="{parts["t_consent_title"]}">'
            f'<i class="bi bi-shield-check" aria-hidden="true"></i> {parts["t_consent"]}</span>'
        )
    return (
        f'<span class="badge text-bg-warning" title="{parts["t_no_consent_title"]}">'
        f'<i class="bi bi-shield-exclamation" aria-hidden="true"></i> {parts["t_no_consent"]}</span>'
    )


def _training(profile, parts: dict) -> str:
    if not profile.training_done:
        return f'<span class="text-body-secondary">{parts["t_not_yet"]}</span>'
    if profile.training_date:
        return f"{parts['t_completed']} {date_format(profile.training_date, 'd.m.Y')}"
    return parts["t_completed"]


@register.simple_tag(takes_context=True)
def people_row(context, row) -> SafeString:
    """One person's row of the mentee or mentor base (a ``participants.views._PeopleRow``): the tick for
    the bulk actions, the name linked to the card, kind and status, class, the requests and categories or
    the competencies, training and capacity, the consent. Every value is escaped here."""
    parts = _row_parts(context)
    profile = row.profile
    person = profile.person
    pk = int(person.pk)
    tick = ""
    if parts["manage"]:
        tick = (
            '<td><label class="tick-area"><input class="form-check-input" type="checkbox" name="person" '
            f'value="{pk}" id="tick-{pk}" aria-labelledby="name-{pk}"></label></td>'
        )
    status = f" · {_text(row.status_label)}" if profile.status != "active" else ""
    group = getattr(profile, "year_group", None) or person.group_name or "—"
    if parts["mentees"]:
        details = (
            f'<td class="small d-none d-md-table-cell">{_joined(profile.requests, "; ", 120)}</td>'
            f'<td class="small d-none d-lg-table-cell">{_joined(_categories(profile, parts), ", ")}</td>'
        )
    else:
        details = (
            f'<td class="small d-none d-md-table-cell">{_joined(profile.competencies, "; ", 120)}</td>'
            f'<td class="small d-none d-lg-table-cell">{_training(profile, parts)}</td>'
            f'<td class="small d-none d-lg-table-cell text-end">{_text(profile.capacity)}</td>'
        )
    markup = (
        f"<tr>{tick}"
        f'<td><a href="{with_pk(parts["person_url"], pk)}" id="name-{pk}">{_text(person.full_name)}</a>'
        f'<div class="small text-body-secondary">{_text(row.kind_label)}{status}</div></td>'
        f"<td>{_text(group)}</td>{details}"
        f"<td>{_consent_badge(bool(getattr(profile, 'has_consent', False)), parts)}</td></tr>"
    )
    return mark_safe(markup)  # noqa: S308 (every value is escaped above)
