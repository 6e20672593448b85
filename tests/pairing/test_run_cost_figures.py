"""The cost and proof figures a curator reads: no «-0,0» when an option gives nothing up, and the
command's sentence writes its numbers as the rest of its Russian output (a decimal comma)."""

import math

from django.utils import translation

from pairing import matching
from pairing.matching_runs import cost_as_json, proof_sentence


def _result(total: float, optimum: float) -> matching.MatchResult:
    stats = {"optimum_total": optimum, "optimum_pairs": 1.0, "optimum_worst": 50.0, "fairness": 1.0}
    return matching.MatchResult(pairs=(), unmatched=(), total_score=total, blocking_pairs=0, stats=stats)


def test_an_option_that_gives_nothing_up_costs_plus_zero_not_minus_zero():
    # the fair assignment's total a rounding error above the optimum's: the cost is 0, not -0
    lost = cost_as_json(_result(total=1065.9 + 1e-9, optimum=1065.9))["cost"]["lost"]
    assert lost == 0 and math.copysign(1.0, lost) == 1.0


def test_the_command_sentence_writes_its_numbers_with_a_decimal_comma():
    with translation.override("ru"):
        fair = proof_sentence(
            {"objective": "fairness", "certified": True, "gap": 0.0, "cost": {"lost": 12.5}}
        )
        stable = proof_sentence(
            {
                "objective": "stable",
                "certified": None,
                "gap": None,
                "total_score": 971.33,
                "cost": {"optimum_total": 1065.9},
            }
        )
        gap = proof_sentence({"objective": "total", "certified": False, "gap": 2.25})
    assert "12,50" in fair and "12.5" not in fair
    assert "971,33" in stable and "1065,90" in stable and "971.33" not in stable
    assert "2,25" in gap and "2.25" not in gap
