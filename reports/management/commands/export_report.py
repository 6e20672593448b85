"""``python manage.py export_report ID --org SLUG --year 2024 --format xlsx --output PATH``.

Runs the same generation code as the «Отчёты» page, synchronously, and writes the file. A report that
carries personal data is recorded in the audit trail as an export, like a run from the page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.http import QueryDict
from django.utils.translation import gettext as _

from mentoring.access import Access, Scope, access_for
from mentoring.models import AuditEvent, Organization, Programme, Role
from mentoring.services import audit_record

from ...forms import options_form_for
from ...registry import ReportContext, ReportError, SharedChoices, registry


class Command(BaseCommand):
    help = "Generate a report from the command line and write it to a file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("report", help="the report's identifier, e.g. roadmap, certificates")
        parser.add_argument("--org", required=True, help="the organisation's slug")
        parser.add_argument(
            "--year", required=True, type=int, help="the first calendar year of the academic year"
        )
        parser.add_argument("--format", dest="fmt", default="", help="xlsx, pdf, docx or csv")
        parser.add_argument(
            "--output", default="", help="the file to write (default: the report's file name)"
        )
        parser.add_argument(
            "--option",
            action="append",
            default=[],
            metavar="KEY=VALUE",
            help="an option of the report's form; repeat a key for several values",
        )
        parser.add_argument(
            "--user", default="", help="run as this user, with their roles in the organisation"
        )

    def handle(self, *args: Any, **options: Any) -> str:
        report = registry.get(options["report"])
        if report is None:
            known = ", ".join(sorted(r.identifier for r in registry.all()))
            raise CommandError(
                _("Unknown report «%(id)s». Known reports: %(known)s.")
                % {"id": options["report"], "known": known}
            )
        organization = Organization.objects.filter(slug=options["org"]).first()
        if organization is None:
            raise CommandError(_("No organisation has the address «%(slug)s».") % {"slug": options["org"]})
        programme = (
            Programme.objects.select_related("academic_year", "organization")
            .filter(organization=organization, academic_year__start_year=options["year"])
            .first()
        )
        if programme is None:
            raise CommandError(
                _("%(org)s has no programme for the %(year)s/%(next)s academic year.")
                % {"org": organization, "year": options["year"], "next": options["year"] + 1}
            )
        fmt = (options["fmt"] or report.formats[0]).lower()
        if fmt not in report.formats:
            raise CommandError(
                _("The report «%(id)s» cannot be produced as %(fmt)s; it can be: %(formats)s.")
                % {"id": report.identifier, "fmt": fmt or "—", "formats": ", ".join(report.formats)}
            )
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(_("No user has the login «%(login)s».") % {"login": options["user"]})
            access = access_for(user, organization)
            if access is None:
                raise CommandError(_("This user has no access to the organisation."))
        else:
            # the server's operator: every role of the organisation itself
            access = Access(organization=organization, roles=frozenset(Role.values))
        scope = Scope(organization=organization, programme=programme, access=access)
        if not report.allowed(scope):
            raise CommandError(_("This user may not run this report."))
        data = self._form_data(report.identifier, fmt, options["option"])
        shared = SharedChoices()  # the two forms below read the choice lists once
        self._add_defaults(data, options_form_for(report, scope, shared=shared), report.identifier)
        form = options_form_for(report, scope, data=data, shared=shared)
        if not form.is_valid():
            errors = "; ".join(
                f"{key}: {' '.join(str(message) for message in messages)}"
                for key, messages in form.errors.items()
            )
            raise CommandError(_("Invalid options: %(errors)s") % {"errors": errors})
        report_options = form.json_options()
        report_options.pop("format", None)
        context = ReportContext(
            scope=scope,
            user=user,
            options=report_options,
            progress=lambda percent, message: (
                self.stderr.write(f"{percent:3d}% {message}") if options["verbosity"] > 1 else None
            ),
        )
        try:
            generated = report.generate(context, fmt)
        except ReportError as error:
            raise CommandError(str(error)) from error
        output = Path(options["output"] or generated.filename)
        if output.is_dir():
            output = output / generated.filename
        try:
            output.parent.mkdir(parents=True, exist_ok=True)
            output.write_bytes(generated.content)
        except OSError as error:
            raise CommandError(
                _("Cannot write the file %(path)s: %(error)s") % {"path": output, "error": error}
            ) from error
        if report.contains_personal_data:
            audit_record(
                actor=user,
                organization=organization,
                action=AuditEvent.Action.EXPORT,
                target_type="reports.Report",
                target_repr=f"{report.name} ({fmt.upper()})",
                details={
                    "report": report.identifier,
                    "format": fmt,
                    "options": report_options,
                    "via": "command",
                },
            )
        self.stdout.write(str(output))
        return ""

    @staticmethod
    def _form_data(identifier: str, fmt: str, pairs: list[str]) -> QueryDict:
        data = QueryDict(mutable=True)
        data[f"{identifier}-format"] = fmt
        for pair in pairs:
            key, separator, value = pair.partition("=")
            if not separator or not key.strip():
                raise CommandError(_("Give an option as KEY=VALUE, not «%(option)s».") % {"option": pair})
            data.appendlist(f"{identifier}-{key.strip()}", value)
        return data

    @staticmethod
    def _add_defaults(data: QueryDict, unbound, identifier: str) -> None:
        """Options not given take the defaults the page shows (today's date, ticked boxes…)."""
        for name, field in unbound.fields.items():
            key = f"{identifier}-{name}"
            if key in data:
                continue
            initial = unbound.get_initial_for_field(field, name)
            if initial is None or initial is False or initial == "" or initial == []:
                continue
            if initial is True:
                data[key] = "on"
            elif isinstance(initial, list | tuple):
                for value in initial:
                    data.appendlist(key, str(getattr(value, "pk", value)))
            elif hasattr(initial, "isoformat"):
                data[key] = initial.isoformat()
            else:
                data[key] = str(getattr(initial, "pk", initial))
