"""numba's OpenMP threads wait passively between parallel calls (``OMP_WAIT_POLICY=PASSIVE``).

The OpenMP runtime reads the policy once, when numba first loads it: the engine must set it before
that in every process that matches (web, Celery worker, commands), and leave an explicit setting alone.
Each case runs in a fresh interpreter, since this one may have started the runtime already.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import os
import numba.np.ufunc.parallel as parallel
from pairing import kernel, matching, warm
print(os.environ.get("OMP_WAIT_POLICY"), parallel._is_initialized)
"""


@pytest.mark.parametrize(("given", "expected"), [(None, "PASSIVE"), ("ACTIVE", "ACTIVE")])
def test_the_engine_sets_passive_waiting_before_the_openmp_runtime_starts(given, expected):
    env = {key: value for key, value in os.environ.items() if key != "OMP_WAIT_POLICY"}
    if given is not None:
        env["OMP_WAIT_POLICY"] = given
    done = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    # the policy as the runtime will read it, and the runtime not started before the engine's import
    assert done.stdout.split() == [expected, "False"]
