"""Import a base of mentees or mentors from an Excel workbook, as the curator's page does.

    python manage.py import_participants PATH --org SLUG --year 2024 --kind mentees|mentors
        [--map "HEADER=FIELD" ...] [--dry-run] [--only-valid] [--json]
        [--possible-matches suggested|update|add] [--clear-empty] [--mark-left [DD.MM.YYYY]]

The whole file is imported in one transaction; if any row has an error nothing is imported (unless
``--only-valid``) and the command exits with status 1.

``--map`` says what a column of the school's own list is, as the web import's mapping step does:
``--map "Учётный номер=ID"``, ``--map "Примечание=-"`` (ignore the column). FIELD is a header of the
template («ID», «Телефон родителя», «ФИО»…) or ``-``. The organisation's remembered mapping (from the
web import) applies first, the options on top of it.

``--json`` prints one object for every outcome, errors included::

    {"ok": bool, "saved": bool, "new": n, "updated": n, "unchanged": n, "consents": n,
     "possible_matches": n, "leavers": n, "marked_left": n,
     "errors": [{"row": n, "column": str, "message": str}], "warnings": [str, ...],
     "row_warnings": [{"row": n, "column": str, "message": str}],
     "sheets": {"read": [str], "skipped": [str]}}

A file, organisation or option that cannot be used at all gives one error with ``"row": null``. With
errors, the counts say what the import would do with the valid rows.
"""

from __future__ import annotations

import json
from argparse import ArgumentParser
from pathlib import Path
from typing import Any, NoReturn

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from mentoring.models import Programme
from participants import importing
from participants import list_reading as lr


class Command(BaseCommand):
    help = (
        "Import the mentee or mentor base of an organisation's academic year from an Excel workbook (.xlsx)."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("path", help="the .xlsx file")
        parser.add_argument("--org", required=True, help="the organisation's slug")
        parser.add_argument(
            "--year", required=True, type=int, help="the first calendar year of the academic year"
        )
        parser.add_argument("--kind", required=True, choices=importing.KINDS, help="which base")
        parser.add_argument(
            "--map",
            action="append",
            default=[],
            metavar="HEADER=FIELD",
            help="what a column of the file is: a template header, or «-» to ignore the column (repeatable)",
        )
        parser.add_argument("--dry-run", action="store_true", help="check the file and save nothing")
        parser.add_argument(
            "--only-valid", action="store_true", help="import the valid rows, skip those with errors"
        )
        parser.add_argument("--json", action="store_true", help="print the result as one JSON object")
        parser.add_argument(
            "--possible-matches",
            choices=importing.POSSIBLE_CHOICES,
            default=importing.POSSIBLE_SUGGESTED,
            help="rows that possibly are someone in the base: update where recommended (default), always "
            "update, or always add",
        )
        parser.add_argument(
            "--clear-empty", action="store_true", help="an empty cell erases the value in the base"
        )
        parser.add_argument(
            "--mark-left",
            nargs="?",
            const="",
            default=None,
            metavar="DD.MM.YYYY",
            help="mark last year's people who are not in the file as left (by default on the last day of "
            "last academic year)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        self.options = options
        programme = (
            Programme.objects.select_related("organization", "academic_year")
            .filter(organization__slug=options["org"], academic_year__start_year=options["year"])
            .first()
        )
        if programme is None:
            self._fail(
                _("The organisation «%(org)s» has no programme for the academic year %(year)s.")
                % {"org": options["org"], "year": options["year"]}
            )
        mapping = importing.remembered_mapping(programme.organization, options["kind"])
        mapping.update(self._mapping(options["map"], options["kind"]))
        path = Path(options["path"])
        try:
            too_big = path.stat().st_size > importing.max_upload_bytes()  # the same limit as the upload page
            data = b"" if too_big else path.read_bytes()
        except OSError as error:
            self._fail(
                _("Cannot read the file %(path)s: %(error)s") % {"path": path, "error": error.strerror}
            )
        try:
            if too_big:
                raise importing.ImportFileError(importing.message_too_big())
            parsed = importing.read_file(data, options["kind"], programme.organization, mapping=mapping)
        except importing.ImportFileError as error:
            self._fail(str(error))

        sync = importing.SyncOptions(possible=options["possible_matches"], clear_empty=options["clear_empty"])
        plan = importing.plan_import(parsed, programme, sync)
        if options["mark_left"] is not None:
            if options["mark_left"]:
                try:
                    sync.left_on = importing.parse_date(options["mark_left"])
                except importing.CellProblem as problem:
                    self._fail(str(problem))
            sync.leavers = tuple(leaver.profile_id for leaver in plan.leavers)
            plan = importing.plan_import(parsed, programme, sync)
        counts = plan.counts
        errors = plan.errors
        blocked = bool(counts[importing.ERROR]) and not options["only_valid"]
        saved = False
        consents = 0
        if not options["dry_run"] and not blocked:
            try:
                result = importing.import_save(
                    actor=None,
                    programme=programme,
                    parsed=parsed,
                    only_valid=options["only_valid"],
                    filename=path.name,
                    options=plan.options,
                )
            except importing.ImportBlocked as error:  # the base changed since the check above
                plan, blocked = error.plan, True
                counts, errors = plan.counts, plan.errors
            except importing.ImportFileError as error:
                self._fail(str(error))
            else:
                counts = {
                    importing.NEW: result.new,
                    importing.UPDATED: result.updated,
                    importing.UNCHANGED: result.unchanged,
                }
                saved, consents = True, result.consents
        extra = {
            "possible_matches": plan.possible_count,
            "leavers": len(plan.leavers),
            "marked_left": len(plan.left) if saved else 0,
        }
        self._report(
            counts, errors, parsed=parsed, saved=saved, consents=consents, ok=not blocked, extra=extra
        )
        if blocked:
            raise CommandError(str(importing.ImportBlocked(plan)))

    def _mapping(self, given: list[str], kind: str) -> dict[str, str]:
        fields = {lr.header_key(label): key for key, label in importing.mapping_choices(kind)}
        fields.update({key: key for key, _label in importing.mapping_choices(kind)})
        fields.update({"-": lr.IGNORE, "": lr.IGNORE})
        for column in importing.columns_by_key(kind).values():
            fields.setdefault(lr.header_key(column.header), column.key)
        mapping: dict[str, str] = {}
        for item in given:
            header, sep, target = item.rpartition("=")
            field = fields.get(lr.header_key(target))
            if not sep or not header.strip() or field is None:
                self._fail(
                    _(
                        "Cannot read the option --map «%(value)s»: write «column header=template header», "
                        "for example «Учётный номер=ID», or «column header=-» to ignore the column."
                    )
                    % {"value": item}
                )
            mapping[lr.header_key(header)] = field
        return mapping

    def _fail(self, message: str) -> NoReturn:
        """A file, organisation or option that cannot be used: JSON too with --json, then exit 1."""
        if self.options["json"]:
            empty = {importing.NEW: 0, importing.UPDATED: 0, importing.UNCHANGED: 0}
            self._report(empty, [], file_error=message, ok=False)
        raise CommandError(message)

    def _report(
        self,
        counts: dict[str, int],
        errors: list[importing.CellError],
        *,
        parsed: importing.ParsedFile | None = None,
        file_error: str = "",
        saved: bool = False,
        consents: int = 0,
        ok: bool = True,
        extra: dict[str, int] | None = None,
    ) -> None:
        warnings = list(parsed.warnings) if parsed is not None else []
        row_warnings = parsed.row_warnings if parsed is not None else []
        if self.options["json"]:
            listed = [{"row": None, "column": "", "message": file_error}] if file_error else []
            listed += [error.as_json() for error in errors]
            sheets = parsed.layout.get("sheets", []) if parsed is not None else []
            payload = {
                "ok": ok,
                "saved": saved,
                "new": counts[importing.NEW],
                "updated": counts[importing.UPDATED],
                "unchanged": counts[importing.UNCHANGED],
                "consents": consents,
                **(extra or {"possible_matches": 0, "leavers": 0, "marked_left": 0}),
                "errors": listed,
                "warnings": warnings,
                "row_warnings": [warning.as_json() for warning in row_warnings],
                "sheets": {
                    "read": [sheet["sheet"] for sheet in sheets if sheet["read"]],
                    "skipped": [sheet["sheet"] for sheet in sheets if not sheet["read"]],
                },
            }
            self.stdout.write(json.dumps(payload, ensure_ascii=False))
            return
        if file_error:
            return  # CommandError prints it
        for warning in warnings:
            self.stderr.write(warning)
        for row_warning in row_warnings:
            self.stderr.write(row_warning.text())
        for error in errors:
            self.stderr.write(error.text())
        values = {
            "new": counts[importing.NEW],
            "updated": counts[importing.UPDATED],
            "unchanged": counts[importing.UNCHANGED],
        }
        if saved:
            self.stdout.write(
                self.style.SUCCESS(
                    _("Saved: %(new)s new, %(updated)s updated, %(unchanged)s unchanged.") % values
                )
            )
            if consents:
                self.stdout.write(_("Consents recorded: %(count)s.") % {"count": consents})
        else:
            self.stdout.write(
                _("Nothing saved. The file gives: %(new)s new, %(updated)s updated, %(unchanged)s unchanged.")
                % values
            )
