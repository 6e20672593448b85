"""The matching engine's warm-up (manage.py warm_matching): it runs the engine through its compiled
paths and leaves the engine's constants as they were."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from pairing import matching, warm


def test_constants_are_restored_even_when_a_run_fails():
    before = matching._MAX_ROUNDS, matching._STORE_COUPLES
    with pytest.raises(RuntimeError), warm._constants({**warm._STARVED, "_MAX_ROUNDS": 1}):
        assert matching._MAX_ROUNDS == 1 and matching._STORE_COUPLES == 0
        raise RuntimeError
    assert before == (matching._MAX_ROUNDS, matching._STORE_COUPLES)


def test_the_warm_up_reaches_the_repair_rounds_and_the_checks_of_couples_left_out(monkeypatch):
    """Every compiled entry point the engine calls is called by the warm-up (so compiled and cached),
    the repair rounds' and the proof's too; then the command reports in Russian."""
    from pairing import flow, kernel

    called: set[str] = set()
    used = ("best", "better", "column_top", "near", "band", "above", "dense", "outside", "row_best")
    for module, names in ((kernel, used), (flow, ("solve", "resume", "distances", "auction"))):
        for name in names:
            original = getattr(module, name)

            def spy(*args, _original=original, _name=f"{module.__name__}.{name}", **kwargs):
                called.add(_name)
                return _original(*args, **kwargs)

            monkeypatch.setattr(module, name, spy)
    out = StringIO()
    call_command("warm_matching", stdout=out)
    expected = {f"pairing.kernel.{n}" for n in used} | {
        f"pairing.flow.{n}" for n in ("solve", "resume", "distances", "auction")
    }
    assert called == expected
    assert "Подбор пар готов" in out.getvalue()
