"""Run every report of the registry in every format it offers, with options chosen the way a user would.

Used by the print checks (``test_print.py``); the same function can write the files of the demo
database to a folder to look at them. The options of a report are filled
from its own options form: the first real choice of every choice field (or the one a report names in
``PREFERRED``), a number for a text field, today for a date. So a report added later is rendered too.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from django import forms

from mentoring.access import Scope, access_for
from reports.forms import options_form_for
from reports.registry import GeneratedFile, Report, ReportContext, ReportError, registry


@dataclass
class Rendered:
    report: Report
    fmt: str
    scope: Scope
    file: GeneratedFile | None
    error: str = ""


# A choice that makes the document show everything it can (e.g. a campaign with a «before» to compare).
PREFERRED: dict[str, dict[str, object]] = {}


def _choice_values(field: forms.Field) -> list:
    values = []
    for value, _label in getattr(field, "choices", []):
        if isinstance(_label, list | tuple):  # option groups
            values.extend(v for v, _l in _label if v not in ("", None))
        elif value not in ("", None):
            values.append(value)
    return values


def option_candidates(report: Report, scope: Scope, today: date, user=None) -> Iterator[dict[str, object]]:
    """Data for the options form: first the preferred one, then each choice of the first choice field."""
    form = options_form_for(report, scope)
    base: dict[str, object] = {}
    varied: tuple[str, list] | None = None
    for name, field in form.fields.items():
        if name == "format":
            continue
        if isinstance(field, forms.ChoiceField) and not isinstance(field, forms.MultipleChoiceField):
            values = _choice_values(field)
            base[name] = _first_choice(field, values)
            if varied is None and field.initial in (None, "") and field.required and values:
                varied = (name, values)
        elif (value := _plain_value(name, field, scope, today, user)) is not None:
            base[name] = value
    preferred = PREFERRED.get(report.identifier, {})
    if preferred:
        yield base | {key: str(value) for key, value in preferred.items()}
    yield base
    if varied:
        name, values = varied
        for value in values[1:]:
            yield base | {name: str(value)}
    # «also list the ones of an earlier order» and the like (never a choice that writes into records)
    flags = {
        name: "on"
        for name, field in form.fields.items()
        if isinstance(field, forms.BooleanField) and name not in WRITING_OPTIONS
    }
    if flags:
        yield base | flags


WRITING_OPTIONS = {"record"}


def _first_choice(field: forms.ChoiceField, values: list) -> str:
    """A single choice: its initial value, else the first when one is required, else none."""
    if field.initial not in (None, ""):
        return str(field.initial)
    if field.required and values:
        return str(values[0])
    return ""


def _plain_value(name: str, field: forms.Field, scope: Scope, today: date, user) -> object:
    """A value for any other field: a ticked box as initial, today, up to three choices, the user's pair."""
    if isinstance(field, forms.BooleanField):
        return "on" if field.initial else ""
    if isinstance(field, forms.DateField):
        return today.isoformat()
    if isinstance(field, forms.MultipleChoiceField):
        values = _choice_values(field)
        return [str(value) for value in values[:3]] if field.required else []
    if isinstance(field, forms.IntegerField):
        return _own_group(scope, user) if name == "group" else ""
    if isinstance(field, forms.CharField):
        return "17-ОД" if field.required else ""
    return None


def _own_group(scope: Scope, user) -> str:
    """A pair of the year the user is a member of (what a mentor types as «the number of your pair»)."""
    from pairing.models import MentoringGroup

    found = (
        MentoringGroup.objects.filter(programme=scope.programme, members__person__user=user)
        .order_by("pk")
        .values_list("pk", flat=True)
        .first()
    )
    return "" if found is None else str(found)


def render_every_document(
    scope: Scope, user, today: date, only: list[str] | None = None
) -> Iterator[Rendered]:
    """Every report this scope may run, in every format, or the reason it could not be made."""
    for report in registry.available(scope):
        if only and report.identifier not in only:
            continue
        for fmt in report.formats:
            made: Rendered | None = None
            errors = []
            for candidate in option_candidates(report, scope, today, user):
                form = options_form_for(report, scope, data=_prefixed(report, candidate | {"format": fmt}))
                if not form.is_valid():
                    errors.append(form.errors.as_text())
                    continue
                options = form.json_options()
                options.pop("format")
                context = ReportContext(scope=scope, user=user, options=options)
                try:
                    made = Rendered(report, fmt, scope, report.generate(context, fmt))
                    break
                except ReportError as error:
                    errors.append(str(error))
            yield made or Rendered(report, fmt, scope, None, "; ".join(errors))


def _prefixed(report: Report, data: dict[str, object]) -> dict[str, object]:
    from django.http import QueryDict

    query = QueryDict(mutable=True)
    for key, value in data.items():
        if isinstance(value, list):
            query.setlist(f"{report.identifier}-{key}", [str(item) for item in value])
        elif value not in ("", None):
            query[f"{report.identifier}-{key}"] = str(value)
    return query


def scope_of(user, organization, programme) -> Scope:
    return Scope(organization=organization, programme=programme, access=access_for(user, organization))
