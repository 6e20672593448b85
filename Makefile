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

# Re-install only when a lock file or pyproject.toml is newer than the stamp. Every version comes from a
# lock with hashes: first the installer and the build backend (requirements-tools.lock: pip, setuptools),
# then requirements-dev.lock; `uv pip sync` then removes whatever is installed but in neither lock (a
# package dropped from the lock goes away from an existing .venv too); last the project itself, built with
# the pinned setuptools (--no-build-isolation: nothing is fetched unpinned) and without its dependencies.
$(STAMP): requirements-tools.lock requirements-dev.lock pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --require-hashes -r requirements-tools.lock
	$(PY) -m pip install --require-hashes -r requirements-dev.lock
	$(BIN)/uv pip sync --quiet --python $(PY) --require-hashes requirements-tools.lock requirements-dev.lock
	$(PY) -m pip install --quiet --no-build-isolation --no-deps -e .
	touch $(STAMP)

# Re-pin after changing a range in pyproject.toml or requirements-tools.in (they keep the ranges, the locks
# the versions): requirements.lock is what production runs (the Dockerfile), requirements-dev.lock adds the
# dev extra, requirements-tools.lock pins pip and setuptools for both.
# Pins already in a lock file are kept unless the ranges exclude them; UPGRADE=1 moves them all.
COMPILE = $(BIN)/uv pip compile --generate-hashes --python-version 3.11 --python-platform linux \
	--custom-compile-command "make lock" --quiet $(if $(UPGRADE),--upgrade)
LOCK = $(COMPILE) pyproject.toml
lock: install
	$(COMPILE) requirements-tools.in -o requirements-tools.lock
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
	$(PY) manage.py makemessages -l ru --no-location --no-obsolete --ignore=.venv --ignore=var --ignore=static --ignore=tests
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
