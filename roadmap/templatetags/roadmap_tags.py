import html
import re
import unicodedata

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext

from mentoring.templatetags.ui import with_pk
from roadmap.models import RoadmapEvent
from roadmap.periods import format_period, occurrences
from roadmap.selectors import TableRow

register = template.Library()


@register.filter
def period_label(period) -> str:
    """A period the way a school writes it; an unread period shows its text as written."""
    if period.start is None or period.end is None:
        return period.text
    return format_period(period.as_period() if hasattr(period, "as_period") else period)


@register.filter
def occurrence_count(period) -> int:
    """How many times a scheduled period happens (0 for a period without a schedule)."""
    period = period.as_period() if hasattr(period, "as_period") else period
    return len(occurrences(period)) if period.recurrence is not None else 0


# The event's small parts, written in Python: they are drawn for every row of the roadmap (twice for the
# responsible people), where a template include per cell costs more than the rest of the row. The include
# files (roadmap/includes/*.html) call these tags, so every page shows the same markup.


def _esc(value) -> str:
    """``conditional_escape`` without its lazy-string wrapper (a row escapes a dozen values): safe markup as
    it is, anything else through the standard library's escape, as Django's ``escape`` does."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


_NEWLINES = re.compile(r"\r\n|\r")  # ``normalize_newlines``


def _related(event, name: str):
    """The rows of a relation as the table read them (``selectors.attach_related``), else the prefetched
    ones as they are: ``event.periods.all()`` would build a new queryset for every row and every call,
    which costs more than drawing the row."""
    attached = getattr(event, f"table_{name}", None)
    if attached is not None:
        return attached
    cache = getattr(event, "_prefetched_objects_cache", {})
    return cache[name] if name in cache else getattr(event, name).all()


def _overdue(event) -> bool:
    return bool(getattr(event, "overdue", False))


@register.simple_tag
def event_responsible(event) -> SafeString:
    """The responsible users, then the responsible people written as text (``includes/responsible.html``)."""
    parts = [
        f"<div>{_esc(user.get_full_name() or user.username)}</div>"
        for user in _related(event, "responsible_users")
    ]
    parts += [f'<div class="text-body-secondary">{_esc(line)}</div>' for line in event.responsible_lines]
    return mark_safe("".join(parts))  # noqa: S308 (every part is escaped above)


@register.simple_tag
def event_periods(event) -> SafeString:
    """The event's periods and, for a recurring open event, its next due day (``includes/periods.html``)."""
    parts = [
        f'<div class="text-nowrap{"" if period.start else " text-warning-emphasis"}">{_esc(period_label(period))}</div>'
        for period in _related(event, "periods")
    ] or ['<span class="text-body-secondary">—</span>']
    if event.recurring and event.next_due and event.status not in ("done", "cancelled"):
        day = escape(_day(event.next_due))
        parts.append(
            format_html(
                '<div class="small text-nowrap{}">{}</div>',
                " text-danger" if _overdue(event) else " text-body-secondary",
                mark_safe(gettext("next due %(day)s") % {"day": day}),  # noqa: S308 (our catalogue, escaped day)
            )
        )
    return mark_safe("".join(parts))  # noqa: S308 (every part is escaped above)


_STATUS_CLASSES = {
    "done": "text-bg-success",
    "in_progress": "text-bg-primary",
    "cancelled": "text-bg-secondary",
}


@register.simple_tag
def event_status_badge(event, labels: dict[str, SafeString] | None = None) -> SafeString:
    """«просрочено» or the status as a badge (``includes/status_badge.html``). ``labels``: the statuses'
    and «overdue»'s escaped labels, translated once per page (``_status_labels``)."""
    labels = labels or _status_labels()
    if _overdue(event):
        return mark_safe(f'<span class="badge text-bg-danger">{labels[_OVERDUE]}</span>')  # noqa: S308 (escaped)
    css = _STATUS_CLASSES.get(event.status, "text-bg-light border")
    label = labels.get(event.status)
    if label is None:  # a status the choices do not know: shown as stored, as get_status_display does
        label = escape(event.status)
    return mark_safe(f'<span class="badge {css}">{label}</span>')  # noqa: S308 (escaped)


_OVERDUE = "overdue"  # the key of «overdue» among the statuses' labels (no status is called so)


def _status_labels() -> dict[str, SafeString]:
    """The statuses' labels and «overdue», translated and escaped: the badge of every row uses one."""
    labels = {value: escape(label) for value, label in RoadmapEvent.Status.choices}
    labels[_OVERDUE] = escape(gettext("overdue"))
    return labels


def _day(value) -> str:
    """``|date:"d.m.Y"`` of a date, without Django's formatter (a row draws one or two)."""
    return f"{value.day:02d}.{value.month:02d}.{value.year:04d}"


def _truncated(text: str, length: int) -> str:
    """``|truncatechars:length``: a text that fits is returned (in NFC, as Truncator returns it) without
    Truncator's walk over its characters — Truncator counts them without combining marks, so never more
    than ``len``."""
    text = unicodedata.normalize("NFC", text)
    return text if len(text) <= length else Truncator(text).chars(length)


def _lines(value) -> str:
    """``|linebreaksbr`` of a plain text: escaped, its line breaks as ``<br>``."""
    return html.escape(_NEWLINES.sub("\n", str(value or ""))).replace("\n", "<br>")


def _row_parts(context) -> dict:
    """What every row of one page shares, read from the page's context once (``roadmap/index.html`` sets
    the links reversed with the key 0 and the translated labels before its loop, and draws the forms the
    row's buttons post through: ``MOVE_FORM``, ``DONE_FORM``)."""
    parts = context.render_context.get("roadmap_row_parts")
    if parts is None:
        request = context.get("request")
        scope = context.get("scope")
        parts = {
            "manage": bool(scope and scope.access.can_manage),
            "links": bool(context.get("event_links")),
            "next": escape(request.get_full_path()) if request is not None else "",
            "labels": _status_labels(),
            **{
                name: str(context.get(name) or "")
                for name in ("event_url", "event_move_url", "event_edit_url", "event_done_url")
            },
            **{
                name: escape(context.get(name) or "")
                for name in ("t_evidence", "t_comments", "t_up", "t_down", "t_edit", "t_mark")
            },
        }
        context.render_context["roadmap_row_parts"] = parts
    return parts


# The row's buttons post through two forms the page draws once (``roadmap/index.html``): ``roadmap-move``
# (the CSRF field) and ``roadmap-done`` (the CSRF field and the day of a one-click «mark done»). A button
# names its form (``form=``), its address (``formaction=``) and its own value (``name``/``value``), so that a
# row holds no form, no hidden field and no copy of the token of its own: the same single click posts the
# same fields as the three small forms a row held before.
MOVE_FORM = "roadmap-move"
DONE_FORM = "roadmap-done"


def _move_button(url: str, direction: str, label: str) -> str:
    icon = "arrow-up" if direction == "up" else "arrow-down"
    return (
        f'<button class="btn btn-sm btn-link p-0 pe-1" form="{MOVE_FORM}" formaction="{url}" name="direction" '
        f'value="{direction}" title="{label}" aria-label="{label}"><i class="bi bi-{icon}"></i></button>'
    )


def _mark_cell(event, parts: dict, url: str, label: str, number: str, may_mark: bool) -> str:
    """The status cell: badge, completion day and the «mark done» button or link."""
    cell: list[str] = [event_status_badge(event, parts["labels"])]
    if event.completed_on:
        cell.append(f'<div class="small text-body-secondary">{_day(event.completed_on)}</div>')
    if may_mark:
        mark = parts["t_mark"]
        if event.recurring:
            cell.append(
                f'<a class="btn btn-sm btn-outline-success mt-2 roadmap-mark" href="{url}#done">{mark}</a>'
            )
        else:
            title = _esc(_truncated(event.title, 60))
            cell.append(
                f'<div class="mt-2"><button type="submit" class="btn btn-sm btn-outline-success roadmap-mark" '
                f'form="{DONE_FORM}" formaction="{with_pk(parts["event_done_url"], event.pk)}" name="next" '
                f'value="{parts["next"]}#event-{event.pk}" aria-label="{mark}: {number} {title}">{mark}</button></div>'
            )
    return "".join(cell)


@register.simple_tag(takes_context=True)
def roadmap_row(context, line: TableRow) -> SafeString:
    """One event's row of the roadmap table, written in Python: the page draws sixty and more of them,
    and the same markup through the template engine cost most of the page's time. Every value is escaped
    here; the links, labels and the CSRF field come from the page once (``_row_parts``)."""
    parts = _row_parts(context)
    event = line.event
    pk = event.pk
    number = _esc(line.number)
    title_lines = _lines(event.title)
    url = with_pk(parts["event_url"], pk) if parts["links"] else ""
    tick = ""
    if parts["manage"]:
        tick = (
            '<label class="tick-area"><input class="form-check-input" type="checkbox" form="roadmap-bulk" '
            f'name="event" value="{pk}" aria-label="{number} {_esc(_truncated(event.title, 80))}"></label> '
        )
    title = (
        f'<a href="{url}" class="event-link">{title_lines}</a>'
        if parts["links"]
        else f'<span class="event-link">{title_lines}</span>'
    )
    notes = []
    if event.evidence_count:
        notes.append(
            f'<span class="me-2" title="{parts["t_evidence"]}"><i class="bi bi-paperclip" aria-hidden="true"></i>'
            f" {event.evidence_count}</span>"
        )
    if event.comment_count:
        notes.append(
            f'<span class="me-2" title="{parts["t_comments"]}"><i class="bi bi-chat" aria-hidden="true"></i>'
            f" {event.comment_count}</span>"
        )
    responsible = event_responsible(event)
    tools = ""
    if parts["manage"]:
        move = with_pk(parts["event_move_url"], pk)
        tools = (
            '<div class="d-flex gap-1 mt-1">'
            + _move_button(move, "up", parts["t_up"])
            + _move_button(move, "down", parts["t_down"])
            + f'<a class="btn btn-sm btn-link p-0" href="{with_pk(parts["event_edit_url"], pk)}" '
            f'title="{parts["t_edit"]}" aria-label="{parts["t_edit"]}"><i class="bi bi-pencil"></i></a></div>'
        )
    overdue = ' class="table-danger"' if _overdue(event) else ""
    row = (
        f'<tr id="event-{pk}"{overdue}>'
        f'<td class="text-nowrap roadmap-number">{tick}{number}</td>'
        f'<td>{title}<div class="small text-body-secondary mt-1">{"".join(notes)}'
        f'<span class="d-md-none">{responsible}</span></div>{tools}</td>'
        f'<td class="small">{event_periods(event)}</td>'
        f'<td class="small d-none d-lg-table-cell">{_lines(event.expected_result)}</td>'
        f'<td class="small d-none d-xl-table-cell">{_lines(event.kpi_text)}</td>'
        f'<td class="small d-none d-md-table-cell">{responsible}</td>'
        f"<td>{_mark_cell(event, parts, url or with_pk(parts['event_url'], pk), parts['t_mark'], number, line.may_mark)}"
        "</td></tr>"
    )
    return mark_safe(row)  # noqa: S308 (every value is escaped above)


def _section_header(context, section, parts: dict) -> str:
    """A section's heading row, with the managers' buttons (move, rename, add an event)."""
    pk = section.pk
    title = _esc(section.title) if section.title else _esc(gettext("Without a section"))
    tools = ""
    if parts["manage"]:
        move = _esc(with_pk(str(context.get("section_move_url") or ""), pk))
        rename = escape(context.get("t_rename") or "")
        add = escape(context.get("t_add_event") or "")
        up, down = parts["t_up"], parts["t_down"]
        tools = (
            '<span class="d-flex gap-1 flex-shrink-0">'
            f'<button class="btn btn-sm btn-link p-0 px-1" form="{MOVE_FORM}" formaction="{move}" name="direction" '
            f'value="up" title="{up}" aria-label="{up}"><i class="bi bi-arrow-up"></i></button>'
            f'<button class="btn btn-sm btn-link p-0 px-1" form="{MOVE_FORM}" formaction="{move}" name="direction" '
            f'value="down" title="{down}" aria-label="{down}"><i class="bi bi-arrow-down"></i></button>'
            f'<a class="btn btn-sm btn-link p-0 px-1" href="{_esc(with_pk(str(context.get("section_edit_url") or ""), pk))}" '
            f'title="{rename}" aria-label="{rename}"><i class="bi bi-pencil"></i></a>'
            f'<a class="btn btn-sm btn-link p-0 px-1" href="{_esc(context.get("event_create_url") or "")}?section={pk}" '
            f'title="{add}" aria-label="{add}"><i class="bi bi-plus-lg"></i></a>'
            "</span>"
        )
    return (
        f'<tr class="table-secondary roadmap-section" id="section-{pk}"><th colspan="7" scope="rowgroup">'
        '<div class="d-flex justify-content-between align-items-center gap-2">'
        f"<span>{title}</span>{tools}</div></th></tr>"
    )


@register.simple_tag(takes_context=True)
def roadmap_sections(context, sections) -> SafeString:
    """The roadmap table's body: each section's heading (a flat, sorted list has none) and its rows
    (``roadmap_row``), or a line saying the section is empty — one tag for the table instead of a
    template loop with a tag per row."""
    parts = _row_parts(context)
    empty = ""
    out: list[str] = []
    for rows in sections:
        if rows.section:
            out.append(_section_header(context, rows.section, parts))
        if rows.lines:
            out.extend(roadmap_row(context, line) for line in rows.lines)
        else:
            if not empty:
                no_events = gettext("No events in this section yet.")
                empty = f'<tr><td colspan="7" class="text-body-secondary small">{_esc(no_events)}</td></tr>'
            out.append(empty)
    return mark_safe("\n".join(out))  # noqa: S308 (every value is escaped in the parts)
