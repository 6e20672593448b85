#!/usr/bin/env python3
"""Benchmark runner: `make bench` / `make bench ONLY=<group>`.

Discovers tests/bench/bench_<group>.py and bench_<group>_<part>.py, where each module exposes
``run() -> Iterable[dict]``. Every measure is printed to stdout as one JSON
object per line and nothing else goes to stdout; progress goes to stderr.
The format is described in docs/architecture.md ("Benchmarks").
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import os
import sys
import time
import traceback
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any, TextIO

BENCH_DIR = Path(__file__).resolve().parent
REPO_ROOT = BENCH_DIR.parent.parent
GROUPS = ("roadmap", "participants", "matching", "dashboards", "reports", "load", "privacy", "size", "region", "pages")


def log(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


def json_default(value: object) -> object:
    """Decimals become numbers; anything else unexpected (dates, paths) becomes its string."""
    return float(value) if isinstance(value, Decimal) else str(value)


def discover(only: str | None) -> list[tuple[str, Path]]:
    groups = [only] if only else list(GROUPS)
    found = [(group, BENCH_DIR / f"bench_{group}.py") for group in groups]
    # a group may have more files: bench_<group>_<part>.py (e.g. bench_matching_quality.py)
    found += [(group, path) for group in groups for path in sorted(BENCH_DIR.glob(f"bench_{group}_*.py"))]
    return [(group, path) for group, path in found if path.is_file()]


def load_module(group: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def setup_django() -> None:
    for path in (str(REPO_ROOT), str(BENCH_DIR)):
        if path not in sys.path:
            sys.path.insert(0, path)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mentoring.settings")
    import django

    django.setup()


def run_group(group: str, path: Path, out: TextIO) -> bool:
    log(f"{group}: running {path.name}")
    started = time.perf_counter()
    ok = True
    try:
        module = load_module(group, path)
        measures: Iterable[dict[str, Any]] = module.run()
        for measure in measures:
            print(json.dumps(measure, ensure_ascii=False, default=json_default), file=out, flush=True)
            log(f"{group}: {measure.get('measure', '?')} done")
    except Exception as exc:  # one broken group must not hide the others
        ok = False
        log(f"{group}: FAILED: {type(exc).__name__}: {exc}")
        traceback.print_exc(file=sys.stderr)
    log(f"{group}: finished in {time.perf_counter() - started:.1f} s")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the benchmarks; one JSON object per line on stdout.")
    parser.add_argument("--only", choices=GROUPS, metavar="GROUP", help=f"one of: {', '.join(GROUPS)}")
    args = parser.parse_args(argv)

    benches = discover(args.only)
    if not benches:
        scope = f"group {args.only!r}" if args.only else "any group"
        log(f"no benchmarks exist yet for {scope} (looked for {BENCH_DIR}/bench_<group>.py)")
        return 0

    os.chdir(REPO_ROOT)
    out = sys.stdout
    # Anything a benchmark (or a library) prints goes to stderr; stdout carries only the JSON lines.
    with contextlib.redirect_stdout(sys.stderr):
        setup_django()
        failed = [group for group, path in benches if not run_group(group, path, out)]
    if failed:
        log(f"failed groups: {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
