# Developer commands. GNU make. See README.md ("Developer").
#
# DATABASE_URL / REDIS_URL are read from the environment by the settings and the
# test suite; nothing here sets or overrides them.

SHELL := /bin/bash

PYTHON ?= $(if $(shell command -v python3.11 2>/dev/null),python3.11,python3)
VENV = .venv
BIN = $(VENV)/bin
PY = $(BIN)/python
STAMP = $(VENV)/.installed

PYTEST_ARGS ?=
ONLY ?=

.PHONY: venv install lock run test lint check messages worker beat e2e bench load clean

venv: $(STAMP)
install: $(STAMP)

$(PY):
	$(PYTHON) -m venv $(VENV)

# Re-install only when the lock file or pyproject.toml is newer than the stamp. The exact versions come
# from requirements-dev.lock (hashes checked); the project itself is installed without its dependencies.
# pip is pinned first: the pip that venv bundles with Python 3.11 (23.x) refuses a hashed lock in which a
# package is required with an extra (weasyprint needs fonttools[woff]).
PIP_VERSION = 25.3
$(STAMP): requirements-dev.lock pyproject.toml | $(PY)
	$(PY) -m pip install --quiet pip==$(PIP_VERSION)
	$(PY) -m pip install --require-hashes -r requirements-dev.lock
	$(PY) -m pip install -e . --no-deps
	touch $(STAMP)

# Re-pin after changing a range in pyproject.toml (pyproject keeps the ranges, the locks the versions):
# requirements.lock is what production runs (the Dockerfile), requirements-dev.lock adds the dev extra.
# Pins already in a lock file are kept unless the ranges exclude them; UPGRADE=1 moves them all.
LOCK = $(BIN)/uv pip compile pyproject.toml --generate-hashes --python-version 3.11 --python-platform linux \
	--custom-compile-command "make lock" --quiet $(if $(UPGRADE),--upgrade)
lock: install
	$(LOCK) -o requirements.lock
	$(LOCK) --extra dev -c requirements.lock -o requirements-dev.lock

run: install
	mkdir -p var
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	$(PY) manage.py warm_matching
	$(PY) manage.py runserver 127.0.0.1:8000

test: install
	$(PY) -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/mypy

check: install
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run

messages: install
	$(PY) manage.py makemessages -l ru --no-location --ignore=.venv --ignore=var --ignore=static
	$(PY) manage.py compilemessages --ignore=.venv

worker: install
	$(BIN)/celery -A mentoring worker -l info

beat: install
	mkdir -p var
	$(BIN)/celery -A mentoring beat -l info --schedule var/celerybeat-schedule

# Browser journeys (tests/e2e, marker e2e; `make test` leaves them out). Playwright drives the system
# chromium (apt-get install chromium; E2E_CHROMIUM=<path> for another one): this target never runs
# `playwright install`. A failed journey leaves a screenshot in var/e2e/<test>.png.
E2E_CHROMIUM ?= /usr/bin/chromium
e2e: install
	@[ -x "$(E2E_CHROMIUM)" ] || { echo "e2e: no chromium at $(E2E_CHROMIUM): apt-get install -y chromium" >&2; exit 1; }
	mkdir -p var/e2e
	E2E_CHROMIUM=$(E2E_CHROMIUM) $(PY) -m pytest tests/e2e -m e2e $(PYTEST_ARGS)

bench: install
	$(PY) tests/bench/run.py $(if $(ONLY),--only $(ONLY))

# Load test (also `make bench ONLY=load`): gunicorn with production settings on a PostgreSQL database
# of its own, wrk with 50 connections for LOAD_SECONDS (default 60). Needs wrk (apt-get install wrk).
# See tests/bench/bench_load.py for LOAD_DATABASE_URL, LOAD_REDIS_URL, LOAD_KEEP_DB, LOAD_TIMEOUT.
load: install
	@command -v wrk >/dev/null || { echo "load: wrk is not installed (apt-get install wrk)" >&2; exit 1; }
	$(PY) tests/bench/run.py --only load

clean:
	rm -rf var $(VENV)
