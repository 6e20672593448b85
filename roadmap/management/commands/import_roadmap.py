"""python manage.py import_roadmap PATH --org SLUG --year 2024 [--dry-run] [--json] [--replace]"""

import json as jsonlib
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from mentoring.models import Organization, Programme
from roadmap.importing import read_bytes
from roadmap.services import RoadmapError, roadmap_import


class Command(BaseCommand):
    help = "Import a roadmap from a Word (.docx) or Excel (.xlsx) file into an organisation's programme year."

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument("--org", required=True, help="organisation slug")
        parser.add_argument(
            "--year", required=True, type=int, help="first calendar year of the academic year"
        )
        parser.add_argument("--dry-run", action="store_true", help="read and report, save nothing")
        parser.add_argument("--json", action="store_true", help="print the parsed roadmap as one JSON object")
        parser.add_argument("--replace", action="store_true", help="replace the year's current roadmap")

    def handle(self, *args, path: Path, org: str, year: int, dry_run: bool, replace: bool, **options):
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
        try:
            size = path.stat().st_size
            data = b"" if size > settings.ROADMAP_IMPORT_MAX_BYTES else path.read_bytes()
        except OSError as error:
            raise CommandError(_("Cannot read the file: %(error)s") % {"error": error}) from error
        if size > settings.ROADMAP_IMPORT_MAX_BYTES:  # the same limit as the upload page
            raise CommandError(
                _("The file is too large: at most %(mb)s MB.")
                % {"mb": settings.ROADMAP_IMPORT_MAX_BYTES // 2**20}
            )
        try:
            parsed = read_bytes(data, path.name, programme)
            if not dry_run:
                result = roadmap_import(actor=None, programme=programme, parsed=parsed, replace=replace)
        except RoadmapError as error:
            raise CommandError(str(error)) from error
        if as_json:
            self.stdout.write(_dumps(parsed.as_json(year)))
            return
        for warning in parsed.warnings:
            self.stderr.write(_("Warning: %(text)s") % {"text": warning})
        if dry_run:
            self.stdout.write(
                _("Read %(events)s events in %(sections)s sections; nothing saved (--dry-run).")
                % {"events": parsed.events_count, "sections": len(parsed.sections)}
            )
        else:
            self.stdout.write(
                _("Imported %(events)s events in %(sections)s sections.")
                % {"events": result.events, "sections": result.sections}
            )


def _dumps(data) -> str:
    return jsonlib.dumps(data, ensure_ascii=False)
