"""The import of a school's roadmap file: read it, keep the preview in the session, let the curator
correct it, and turn the corrected preview back into a parsed roadmap for ``services.roadmap_import``.

Nothing reaches the database before the curator confirms: the preview lives in the session only.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from mentoring.models import Programme

from .forms import PreviewEventFormSet, PreviewSectionFormSet
from .periods import Period, Recurrence, parse_periods, shift_years_in_text
from .services import RoadmapError
from .table_reading import (
    KpiTarget,
    ParsedEvent,
    ParsedRoadmap,
    ParsedSection,
    RoadmapFileError,
    read_roadmap,
)

if TYPE_CHECKING:
    from django.contrib.sessions.backends.base import SessionBase


def read_upload(upload: UploadedFile, programme: Programme, *, shift: bool = False) -> ParsedRoadmap:
    data = b"".join(upload.chunks())
    return read_bytes(data, upload.name or "", programme, shift=shift)


def fingerprint(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_bytes(data: bytes, filename: str, programme: Programme, *, shift: bool = False) -> ParsedRoadmap:
    """Read a roadmap file for the programme's year; ``shift`` moves last year's dates to this year."""
    start_year = programme.academic_year.start_year
    try:
        parsed = read_roadmap(data, filename, start_year)
    except RoadmapFileError as error:
        raise RoadmapError(str(error)) from error
    parsed.shifted_years = 0
    fit_lengths(parsed)
    if shift:
        years = start_year - written_year(parsed, start_year)
        if years:
            shift_roadmap(parsed, years, start_year)
            parsed.shifted_years = years
            parsed.warnings.insert(
                0,
                ngettext(
                    "Every date was moved by %(years)s year to the academic year %(year)s.",
                    "Every date was moved by %(years)s years to the academic year %(year)s.",
                    years,
                )
                % {"years": years, "year": programme.academic_year.label},
            )
    outside = events_outside_year(parsed, programme)
    if outside:
        parsed.warnings.insert(
            0,
            _(
                "%(count)s events have dates outside the academic year %(year)s: check that the file "
                "is this year's roadmap, or correct the periods below."
            )
            % {"count": outside, "year": programme.academic_year.label},
        )
    return parsed


SECTION_TITLE_MAX = 500
NUMBER_MAX = 32


def fit_lengths(parsed: ParsedRoadmap) -> None:
    """Fit what the file wrote into the roadmap's fields: a section title longer than the field is cut
    with «…», a «№» cell too long for a number is kept at the start of the event's content; each with a
    warning."""
    for section in parsed.sections:
        if len(section.title) > SECTION_TITLE_MAX:
            section.title = section.title[: SECTION_TITLE_MAX - 1].rstrip() + "…"
            parsed.warnings.append(
                _("The section title «%(title)s» was too long and was shortened.")
                % {"title": section.title[:60].rstrip() + "…"}
            )
        for event in section.events:
            number = (event.number or "").strip()
            if len(number) > NUMBER_MAX:
                event.title = f"{number} {event.title}".strip()
                event.number = None
                parsed.warnings.append(
                    _(
                        "The «№» cell «%(number)s» was too long for a number: it is kept in the event's content."
                    )
                    % {"number": number[:40].rstrip() + "…"}
                )


def written_year(parsed: ParsedRoadmap, default: int) -> int:
    """The academic year most of the file's dated one-off periods fall in (its first calendar year)."""
    years: Counter[int] = Counter()
    for section in parsed.sections:
        for event in section.events:
            for period in event.periods:
                if period.start and period.end and not period.yearly:
                    years[period.start.year if period.start.month >= 9 else period.start.year - 1] += 1
    return years.most_common(1)[0][0] if years else default


def shift_roadmap(parsed: ParsedRoadmap, years: int, start_year: int) -> None:
    """Move every event's dates by ``years``: the years written in its period text, then read it again."""
    for section in parsed.sections:
        for event in section.events:
            if not event.period_text:
                continue
            event.period_text = shift_years_in_text(event.period_text, years)
            result = parse_periods(event.period_text, start_year)
            event.periods, event.warnings = list(result.periods), list(result.warnings)


def events_outside_year(parsed: ParsedRoadmap, programme: Programme) -> int:
    """Events whose dated, non-repeating periods all lie outside the programme's academic year."""
    first, last = programme.academic_year.start_date, programme.academic_year.end_date
    count = 0
    for section in parsed.sections:
        for event in section.events:
            dated = [(p.start, p.end) for p in event.periods if p.start and p.end and not p.yearly]
            if dated and all(end < first or start > last for start, end in dated):
                count += 1
    return count


def _key(programme: Programme) -> str:
    return f"roadmap-import-{programme.pk}"


def preview_store(
    session: SessionBase, programme: Programme, filename: str, parsed: ParsedRoadmap, *, content_fingerprint: str = ""
) -> None:
    data = _as_json(parsed, programme)
    session[_key(programme)] = {
        "filename": filename,
        "data": data,
        "fingerprint": content_fingerprint,
        "shifted_years": getattr(parsed, "shifted_years", 0),
    }


def _as_json(parsed: ParsedRoadmap, programme: Programme) -> dict[str, Any]:
    data = parsed.as_json(programme.academic_year.start_year)
    # keep each «Сроки» cell as written, so that the curator corrects the original text
    for section_json, section in zip(data["sections"], parsed.sections, strict=True):
        for event_json, event in zip(section_json["events"], section.events, strict=True):
            event_json["period_text"] = event.period_text
    return data


def preview_load(session: SessionBase, programme: Programme) -> dict[str, Any] | None:
    return session.get(_key(programme))


EDIT_PREFIXES = ("sections-", "events-")


def preview_save_edits(session: SessionBase, programme: Programme, data) -> bool:
    """Keep the curator's corrections of the preview (the formsets' fields as posted) with the stored
    preview, so that a reload of the page, or coming back to it, shows them instead of the file as read."""
    stored = session.get(_key(programme))
    if stored is None:
        return False
    edits = {key: data.getlist(key) for key in data if key.startswith(EDIT_PREFIXES)}
    if not edits:
        return False
    session[_key(programme)] = {**stored, "edits": edits}
    return True


def preview_edits(stored: dict[str, Any]):
    """The kept corrections as the data of a bound preview, or None."""
    from django.http import QueryDict

    edits = stored.get("edits")
    if not edits:
        return None
    data = QueryDict(mutable=True)
    for key, values in edits.items():
        data.setlist(key, list(values))
    return data


def preview_clear(session: SessionBase, programme: Programme) -> None:
    session.pop(_key(programme), None)
    session.pop(_pending_key(programme), None)


def _pending_key(programme: Programme) -> str:
    return f"roadmap-import-pending-{programme.pk}"


def pending_store(session: SessionBase, programme: Programme, parsed: ParsedRoadmap) -> None:
    """The corrected roadmap waiting for the curator to confirm what «replace» deletes."""
    session[_pending_key(programme)] = _as_json(parsed, programme)


def pending_load(session: SessionBase, programme: Programme) -> ParsedRoadmap | None:
    data = session.get(_pending_key(programme))
    return parsed_from_json(data) if data else None


def parsed_from_json(data: dict[str, Any]) -> ParsedRoadmap:
    sections = [
        ParsedSection(
            title=section["title"],
            events=[
                ParsedEvent(
                    number=event.get("number"),
                    title=event["title"],
                    period_text=event.get("period_text") or _period_text(event),
                    periods=[_period_from_json(item) for item in event.get("periods", [])],
                    responsible=list(event.get("responsible", [])),
                    expected_result=event.get("expected_result", ""),
                    kpi=event.get("kpi", ""),
                    warnings=list(event.get("warnings", [])),
                )
                for event in section["events"]
            ],
        )
        for section in data["sections"]
    ]
    targets = [
        KpiTarget(name=item["name"], targets=dict(item["targets"]), final=item.get("final", ""))
        for item in data.get("kpi_targets", [])
    ]
    return ParsedRoadmap(sections=sections, kpi_targets=targets, warnings=list(data.get("warnings", [])))


def _period_from_json(item: dict[str, Any]) -> Period:
    schedule = item.get("recurrence") or None
    return Period(
        start=date.fromisoformat(item["start"]) if item.get("start") else None,
        end=date.fromisoformat(item["end"]) if item.get("end") else None,
        yearly=bool(item.get("yearly")),
        text=item.get("text", ""),
        recurrence=(
            Recurrence(unit=schedule["unit"], day=schedule.get("day"), weekday=schedule.get("weekday"))
            if schedule
            else None
        ),
    )


@dataclass
class PreviewEvent:
    form: Any
    periods: list[Period]
    warnings: list[str]


@dataclass
class PreviewSection:
    form: Any
    events: list[PreviewEvent]


class Preview:
    """The parsed roadmap as two formsets (section titles, events) the curator can correct."""

    def __init__(self, stored: dict[str, Any], data=None, recheck: bool = False, programme=None) -> None:
        self.filename = stored["filename"]
        self.data = stored["data"]
        self.kpi_targets = self.data.get("kpi_targets", [])
        self.document_warnings = self.data.get("warnings", [])
        sections_initial = [{"title": section["title"]} for section in self.data["sections"]]
        events_initial = []
        self._stored_periods: list[list[Period]] = []
        self._stored_warnings: list[list[str]] = []
        for index, section in enumerate(self.data["sections"]):
            for event in section["events"]:
                events_initial.append(
                    {
                        "include": True,
                        "section": index,
                        "number": event.get("number") or "",
                        "title": event["title"],
                        "period_text": event.get("period_text", _period_text(event)),
                        "responsible": "\n".join(event.get("responsible", [])),
                        "expected_result": event.get("expected_result", ""),
                        "kpi": event.get("kpi", ""),
                    }
                )
                self._stored_periods.append([_period_from_json(item) for item in event.get("periods", [])])
                self._stored_warnings.append(
                    [warning for warning in event.get("warnings", []) if warning != _("No period is given.")]
                )
        self.section_formset = PreviewSectionFormSet(data, initial=sections_initial, prefix="sections")
        self.event_formset = PreviewEventFormSet(data, initial=events_initial, prefix="events")
        self.recheck = recheck
        self.programme = programme

    def is_valid(self) -> bool:
        return self.section_formset.is_valid() and self.event_formset.is_valid()

    @property
    def events_count(self) -> int:
        return len(self.event_formset.forms)

    @property
    def sections(self) -> list[PreviewSection]:
        rows = [PreviewSection(form=form, events=[]) for form in self.section_formset.forms]
        for index, form in enumerate(self.event_formset.forms):
            periods, warnings = self._periods_for(index, form)
            section_index = _section_index(form, index, self.event_formset.initial)
            if 0 <= section_index < len(rows):
                rows[section_index].events.append(PreviewEvent(form=form, periods=periods, warnings=warnings))
        return rows

    def _periods_for(self, index: int, form) -> tuple[list[Period], list[str]]:
        if self.recheck and self.programme is not None and form.is_bound and form.is_valid():
            parsed = parse_periods(form.cleaned_data["period_text"], self.programme.academic_year.start_year)
            return list(parsed.periods), list(parsed.warnings)
        stored = self._stored_periods[index] if index < len(self._stored_periods) else []
        warnings = self._stored_warnings[index] if index < len(self._stored_warnings) else []
        if not warnings:  # a preview stored before warnings were kept per event
            warnings = [p.text for p in stored if p.start is None]
        return stored, warnings

    def corrected(self, programme: Programme) -> ParsedRoadmap:
        """The roadmap as the curator corrected it; periods are read again from the corrected text."""
        start_year = programme.academic_year.start_year
        sections = [
            ParsedSection(title=form.cleaned_data["title"].strip(), events=[])
            for form in self.section_formset.forms
        ]
        warnings: list[str] = []
        for form in self.event_formset.forms:
            data = form.cleaned_data
            if not data.get("include"):
                continue
            index = data["section"]
            if not 0 <= index < len(sections):
                raise RoadmapError(_("The preview no longer matches the uploaded file: upload it again."))
            parsed = parse_periods(data["period_text"], start_year)
            warnings.extend(parsed.warnings)
            sections[index].events.append(
                ParsedEvent(
                    number=data["number"].strip() or None,
                    title=data["title"].strip(),
                    period_text=data["period_text"].strip(),
                    periods=list(parsed.periods),
                    responsible=[line.strip() for line in data["responsible"].splitlines() if line.strip()],
                    expected_result=data["expected_result"].strip(),
                    kpi=data["kpi"].strip(),
                    warnings=list(parsed.warnings),
                )
            )
        targets = [
            KpiTarget(name=item["name"], targets=dict(item["targets"]), final=item.get("final", ""))
            for item in self.kpi_targets
        ]
        return ParsedRoadmap(sections=sections, kpi_targets=targets, warnings=warnings)


def _section_index(form, index: int, initial: Sequence[Mapping[str, Any]] | None) -> int:
    if form.is_bound and form.is_valid():
        return form.cleaned_data["section"]
    return initial[index]["section"] if initial is not None and index < len(initial) else -1


def _period_text(event: dict[str, Any]) -> str:
    return "\n".join(item.get("text", "") for item in event.get("periods", []) if item.get("text"))
