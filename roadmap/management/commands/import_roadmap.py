"""python manage.py import_roadmap PATH --org SLUG --year 2024 [--dry-run] [--json] [--replace [--delete-missing]]
[--shift-dates]

With ``--json`` every outcome is one JSON object on stdout: ``{"ok": true, …the parsed roadmap…, "saved": …}``
or ``{"ok": false, "error": "…"}`` (and the exit status 1), so that a script never has to read prose.
"""

import json as jsonlib
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from mentoring.models import Organization, Programme
from roadmap.importing import fingerprint, read_bytes
from roadmap.services import RoadmapError, replace_plan, roadmap_import


class Command(BaseCommand):
    help = "Import a roadmap from a Word (.docx) or Excel (.xlsx) file into an organisation's programme year."

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument("--org", required=True, help="organisation slug")
        parser.add_argument(
            "--year", required=True, type=int, help="first calendar year of the academic year"
        )
        parser.add_argument("--dry-run", action="store_true", help="read and report, save nothing")
        parser.add_argument(
            "--json",
            action="store_true",
            help="print the outcome (the roadmap or the error) as one JSON object",
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help="replace the year's roadmap: events found in the file keep their status and evidence",
        )
        parser.add_argument(
            "--delete-missing",
            action="store_true",
            help="with --replace: confirm that the events not in the file are deleted",
        )
        parser.add_argument(
            "--shift-dates",
            action="store_true",
            help="move every date to the given academic year (last year's roadmap reused)",
        )

    def handle(self, *args, **options):
        try:
            return self._handle(**options)
        except CommandError as error:
            if options["json"]:
                self.stdout.write(_dumps({"ok": False, "error": str(error)}))
            raise

    def _handle(self, *, path: Path, org: str, year: int, dry_run: bool, replace: bool, **options: Any):
        as_json = options["json"]
        programme = (
            Programme.objects.select_related("organization", "academic_year")
            .filter(organization__slug=org, academic_year__start_year=year)
            .first()
        )
        if programme is None:
            if not Organization.objects.filter(slug=org).exists():
                raise CommandError(_("No organisation with the address «%(slug)s».") % {"slug": org})
            raise CommandError(
                _("The organisation has no programme for %(year)s/%(next)s.")
                % {"year": year, "next": year + 1}
            )
        if not path.is_file():
            raise CommandError(_("The file %(path)s does not exist.") % {"path": path})
        try:
            size = path.stat().st_size
            data = b"" if size > settings.ROADMAP_IMPORT_MAX_BYTES else path.read_bytes()
        except OSError as error:
            raise CommandError(
                _("Cannot read the file %(path)s: %(error)s")
                % {"path": path, "error": error.strerror or error}
            ) from error
        if size > settings.ROADMAP_IMPORT_MAX_BYTES:  # the same limit as the upload page
            raise CommandError(
                _("The file is too large: at most %(mb)s MB.")
                % {"mb": settings.ROADMAP_IMPORT_MAX_BYTES // 2**20}
            )
        saved = None
        try:
            parsed = read_bytes(data, path.name, programme, shift=options["shift_dates"])
            if not dry_run:
                plan = replace_plan(programme, parsed) if replace else None
                if plan is not None and plan.deleted and not options["delete_missing"]:
                    listed = "; ".join(
                        f"{event.number} {event.title}".strip()[:80] for event in plan.deleted[:20]
                    )
                    raise CommandError(
                        _(
                            "%(count)s events of the roadmap are not in the file and would be deleted: "
                            "%(events)s. Add --delete-missing to confirm, or import without --replace."
                        )
                        % {"count": len(plan.deleted), "events": listed}
                    )
                result = roadmap_import(
                    actor=None,
                    programme=programme,
                    parsed=parsed,
                    replace=replace,
                    confirmed_deletions=plan.deleted_ids if plan is not None else (),
                    filename=path.name,
                    fingerprint=fingerprint(data),
                    shifted_years=parsed.shifted_years,
                )
                saved = {
                    "import": result.record.pk if result.record else None,
                    "events": result.events,
                    "sections": result.sections,
                    "kept": result.kept,
                    "deleted": result.deleted,
                    "skipped": result.skipped,
                    "kpi_targets": result.kpi_targets,
                }
        except RoadmapError as error:
            raise CommandError(str(error)) from error
        if as_json:
            self.stdout.write(
                _dumps(
                    {
                        "ok": True,
                        **parsed.as_json(year),
                        "shifted_years": parsed.shifted_years,
                        "saved": saved,
                    }
                )
            )
            return
        for warning in parsed.warnings:
            self.stderr.write(_("Warning: %(text)s") % {"text": warning})
        if dry_run:
            self.stdout.write(
                _("Read %(events)s events in %(sections)s sections; nothing saved (--dry-run).")
                % {"events": parsed.events_count, "sections": len(parsed.sections)}
            )
        else:
            assert saved is not None
            self.stdout.write(
                _("Imported %(events)s events in %(sections)s sections.")
                % {"events": saved["events"], "sections": saved["sections"]}
            )
            if saved["kept"] or saved["deleted"] or saved["skipped"]:
                self.stdout.write(
                    _(
                        "Kept with their status: %(kept)s; deleted: %(deleted)s; already there, not added: %(skipped)s."
                    )
                    % saved
                )


def _dumps(data) -> str:
    return jsonlib.dumps(data, ensure_ascii=False)
