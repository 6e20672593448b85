"""Import a base of mentees or mentors from an Excel workbook, as the curator's page does.

    python manage.py import_participants PATH --org SLUG --year 2024 --kind mentees|mentors
        [--dry-run] [--only-valid] [--json]
        [--possible-matches suggested|update|add] [--clear-empty] [--mark-left [DD.MM.YYYY]]

Next September's list: a row that only possibly is someone already in the base (a birth date added or
corrected, a patronymic filled in) updates that person when the evidence recommends it (the class
follows last year's, a shared phone or e-mail) and is added as a new person otherwise
(``--possible-matches suggested``, the default); ``update`` or ``add`` decide every such row one way.
An empty cell keeps what the base has unless ``--clear-empty``. ``--mark-left`` marks every person of
last year's base who is not in the file as left, on the given date (by default the last day of last
academic year).

The whole file is imported in one transaction; if any row has an error nothing is imported (unless
``--only-valid``) and the command exits with status 1. ``--json`` prints one object:
``{"new": n, "updated": n, "unchanged": n, "possible_matches": n, "leavers": n, "marked_left": n,
"errors": [{"row": n, "column": str, "message": str}]}``
(for a file that cannot be read at all: one error with ``"row": null``). With errors, the counts say
what the import would do with the valid rows.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from mentoring.models import Programme
from participants import importing


class Command(BaseCommand):
    help = (
        "Import the mentee or mentor base of an organisation's academic year from an Excel workbook (.xlsx)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", help="the .xlsx file")
        parser.add_argument("--org", required=True, help="the organisation's slug")
        parser.add_argument(
            "--year", required=True, type=int, help="the first calendar year of the academic year"
        )
        parser.add_argument("--kind", required=True, choices=importing.KINDS, help="which base")
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
        programme = (
            Programme.objects.select_related("organization", "academic_year")
            .filter(organization__slug=options["org"], academic_year__start_year=options["year"])
            .first()
        )
        if programme is None:
            raise CommandError(
                _("The organisation «%(org)s» has no programme for the academic year %(year)s.")
                % {"org": options["org"], "year": options["year"]}
            )
        path = Path(options["path"])
        try:
            too_big = path.stat().st_size > importing.max_upload_bytes()  # the same limit as the upload page
            data = b"" if too_big else path.read_bytes()
        except OSError as error:
            raise CommandError(
                _("Cannot read the file %(path)s: %(error)s") % {"path": path, "error": error}
            ) from None
        try:
            if too_big:
                raise importing.ImportFileError(importing.message_too_big())
            parsed = importing.read_file(data, options["kind"], programme.organization)
        except importing.ImportFileError as error:
            self._report(options, {"new": 0, "updated": 0, "unchanged": 0}, [], file_error=str(error))
            raise CommandError(str(error)) from None

        sync = importing.SyncOptions(possible=options["possible_matches"], clear_empty=options["clear_empty"])
        plan = importing.plan_import(parsed, programme, sync)
        if options["mark_left"] is not None:
            if options["mark_left"]:
                try:
                    sync.left_on = importing.parse_date(options["mark_left"])
                except importing.CellProblem as problem:
                    raise CommandError(str(problem)) from None
            sync.leavers = tuple(leaver.profile_id for leaver in plan.leavers)
            plan = importing.plan_import(parsed, programme, sync)
        counts = plan.counts
        errors = plan.errors
        blocked = bool(counts[importing.ERROR]) and not options["only_valid"]
        saved = False
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
                raise CommandError(str(error)) from None
            else:
                counts = {
                    importing.NEW: result.new,
                    importing.UPDATED: result.updated,
                    importing.UNCHANGED: result.unchanged,
                }
                saved = True
        extra = {
            "possible_matches": plan.possible_count,
            "leavers": len(plan.leavers),
            "marked_left": len(plan.left) if saved else 0,
        }
        self._report(options, counts, errors, warnings=plan.warnings, saved=saved, extra=extra)
        if blocked:
            raise CommandError(str(importing.ImportBlocked(plan)))

    def _report(
        self,
        options: dict[str, Any],
        counts: dict[str, int],
        errors: list[importing.CellError],
        *,
        file_error: str = "",
        warnings: list[str] | None = None,
        saved: bool = False,
        extra: dict[str, int] | None = None,
    ) -> None:
        if options["json"]:
            listed = [{"row": None, "column": "", "message": file_error}] if file_error else []
            listed += [error.as_json() for error in errors]
            payload = {
                "new": counts[importing.NEW],
                "updated": counts[importing.UPDATED],
                "unchanged": counts[importing.UNCHANGED],
                **(extra or {}),
                "errors": listed,
            }
            self.stdout.write(json.dumps(payload, ensure_ascii=False))
            return
        if file_error:
            return  # CommandError prints it
        for warning in warnings or []:
            self.stderr.write(warning)
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
        else:
            self.stdout.write(
                _("Nothing saved. The file gives: %(new)s new, %(updated)s updated, %(unchanged)s unchanged.")
                % values
            )
