"""python manage.py match --org SLUG --year 2024 [--form KEY] [--weight requests=7] [--require special_needs]
[--most-pairs] [--min-score 40] [--require-training] [--group 7А] [--json] [--save]

The options are those of the page «Подобрать пары»; by default the form of mentoring the school uses most.
"""

import json
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from mentoring.models import Programme
from pairing import matching
from pairing.matching_runs import (
    WEIGHT_RULE,
    compute,
    option_errors,
    proof_sentence,
    run_accept,
    weight_allowed,
)
from pairing.models import MatchingRun
from pairing.selectors import most_used_form
from pairing.services import forms_for
from participants.selectors import groups as group_names


class Command(BaseCommand):
    help = "Propose mentoring pairs with the matching engine; save them only with --save."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--org", required=True)
        parser.add_argument("--year", required=True, type=int)
        parser.add_argument(
            "--form", help="the key of a form of mentoring; by default the one the organisation uses most"
        )
        parser.add_argument(
            "--weight",
            action="append",
            default=[],
            metavar="CRITERION=N",
            help=f"a criterion's weight 0..10 (criteria: {', '.join(matching.CRITERIA)})",
        )
        parser.add_argument(
            "--require",
            action="append",
            default=[],
            metavar="CRITERION",
            help=f"«обязательно»: a filter, not a weight (criteria: {', '.join(matching.REQUIRABLE)})",
        )
        parser.add_argument("--most-pairs", action="store_true", help="match as many as possible first")
        parser.add_argument("--min-score", type=int, default=0, help="do not propose pairs scoring below")
        parser.add_argument(
            "--require-training", action="store_true", help="only mentors who completed the training"
        )
        parser.add_argument(
            "--group", action="append", default=[], help="only mentees of this class or group (repeatable)"
        )
        parser.add_argument("--json", action="store_true", help="print one JSON object")
        parser.add_argument("--save", action="store_true", help="create the proposed pairs")
        parser.add_argument(
            "--fairness",
            type=float,
            default=0.0,
            help="0..1: raise the worst pairs at the cost of the total (0: the highest total score)",
        )
        parser.add_argument(
            "--stable",
            action="store_true",
            help="a stable assignment (no couple who would both rather be together)",
        )
        parser.add_argument(
            "--group-size",
            type=int,
            default=0,
            help="2 or more: one mentor with a group of up to this many mentees of similar requests",
        )

    def engine_options(self, options: dict) -> dict:
        """The run's options, as the page stores them; bad values stop the command with a message."""
        weights = {}
        for item in options["weight"]:
            key, _sep, value = item.partition("=")
            key = key.strip()
            if key not in matching.CRITERIA:
                raise CommandError(_("Unknown criterion: %(name)s.") % {"name": key})
            try:
                number = float(value.strip().replace(",", "."))
            except ValueError:
                number = -1.0  # not a number: the same message as one out of range
            if not weight_allowed(number):  # NaN too; the message echoes what was typed, not «-1.0»
                raise CommandError(_(WEIGHT_RULE) % {"item": item.strip()})
            weights[key] = number
        return {
            "weights": {key: getattr(matching.Weights(), key) for key in matching.CRITERIA} | weights,
            "groups": list(options["group"]),
            "require_training": options["require_training"],
            "maximise_count": options["most_pairs"],
            "min_score": options["min_score"],
            "required": list(dict.fromkeys(options["require"])),
        }

    def handle(self, *args: Any, org: str, year: int, form: str | None, save: bool, **options: Any) -> None:
        engine_options = {
            "fairness": options["fairness"],
            "stable": options["stable"],
            "group_size": options["group_size"],
        } | self.engine_options(options)
        errors = option_errors(engine_options)  # the page's own check
        if errors:
            raise CommandError(" ".join(errors))
        programme = (
            Programme.objects.select_related("organization", "academic_year")
            .filter(organization__slug=org, academic_year__start_year=year)
            .first()
        )
        if programme is None:
            raise CommandError(
                _("The organisation has no programme for %(year)s/%(next)s.")
                % {"year": year, "next": year + 1}
            )
        allowed = forms_for(programme)
        chosen = (
            next((item for item in allowed if item.key == form), None)
            if form
            else most_used_form(programme, allowed)
        )
        if chosen is None:
            raise CommandError(_("This form of mentoring is not used by the organisation."))
        known = {name.casefold(): name for name in group_names(programme)}
        unknown = [name for name in engine_options["groups"] if name.casefold() not in known]
        if unknown:  # the page offers only the programme's classes; a typo must not give 0 pairs silently
            raise CommandError(
                _("No mentee of the programme is in these classes or groups: %(names)s. Known: %(known)s.")
                % {"names": ", ".join(unknown), "known": ", ".join(sorted(known.values())) or "—"}
            )
        engine_options["groups"] = [known[name.casefold()] for name in engine_options["groups"]]
        result = compute(programme, chosen, engine_options)
        result["form"] = chosen.key
        if save:
            run = MatchingRun.objects.create(
                programme=programme,
                form=chosen,
                settings=engine_options,
                result=result,
                certified=result["certified"],
                optimality_gap=result["gap"],
            )
            created, refused = run_accept(
                actor=None, run=run, pairs=[(pair["mentee"], pair["mentor"]) for pair in result["pairs"]]
            )
            result["saved"] = len(created)
            result["refused"] = refused
        if options["json"]:
            self.stdout.write(json.dumps(_public(result), ensure_ascii=False))
            return
        self.stdout.write(
            _("Proposed pairs: %(pairs)s, total score %(total)s, left without a pair: %(unmatched)s.")
            % {
                "pairs": len(result["pairs"]),
                "total": number_format(result["total_score"], decimal_pos=2),
                "unmatched": len(result["unmatched"]),
            }
        )
        self.stdout.write(proof_sentence(result))
        if save:
            self.stdout.write(_("Pairs created: %(count)s.") % {"count": result["saved"]})
            for reason in result["refused"]:
                self.stdout.write(reason)


def _public(result: dict) -> dict:
    """The documented shape: pairs (mentor, mentees, score, why), unmatched, total score, blocking pairs."""
    entries: list[dict] = []
    groups: dict[int, dict] = {}
    for pair in result["pairs"]:
        group = pair.get("group", 0)
        if not group:
            entries.append(
                {
                    "mentor": pair["mentor"],
                    "mentees": [pair["mentee"]],
                    "score": pair["score"],
                    "why": pair["why"],
                }
            )
            continue
        entry = groups.get(group)
        if entry is None:  # a group: its mentees together, the lowest score, each mentee's reasons
            entry = groups[group] = {
                "mentor": pair["mentor"],
                "mentees": [],
                "score": pair["score"],
                "why": [],
            }
            entries.append(entry)
        entry["mentees"].append(pair["mentee"])
        entry["score"] = min(entry["score"], pair["score"])
        entry["why"] += [f"{pair['mentee']}: {reason}" for reason in pair["why"]]
    data = {
        "pairs": entries,
        "unmatched": [{"person": item["person"], "reason": item["reason"]} for item in result["unmatched"]],
        "total_score": result["total_score"],
        "blocking_pairs": result["blocking_pairs"],
        "certified": result["certified"],
        "gap": result["gap"],
        "objective": result.get("objective", "total"),
        "form": result.get("form", ""),
    }
    if "saved" in result:
        data["saved"] = result["saved"]
        data["refused"] = result["refused"]  # why a proposal was not saved, one sentence each
    return data
