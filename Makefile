# Jobcoachloket — the two commands are `make run` and `make test` (see README.md).
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | md5sum | cut -c1-8)

# Test services on this machine (override to point elsewhere).
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/jobcoachloket
TEST_REDIS_URL ?= redis://127.0.0.1:6379/15
TEST_ENV := DATABASE_URL=$(TEST_DATABASE_URL) REDIS_URL=$(TEST_REDIS_URL) SECRET_KEY=alleen-voor-tests HTTPS=0 DEBUG=0

.PHONY: run test bench audit install static lint clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test,bench]'
	rm -f $(VENV)/.installed-*
	touch $@

install: $(STAMP)

static: package.json package-lock.json
	bin/vendor-static

# Embedded default without environment: SQLite, eager Celery, console e-mail, DEBUG on.
# With DATABASE_URL and REDIS_URL set, bin/run-dev also starts a Celery worker with beat.
run: install static
	bin/run-dev

test: install static
	$(TEST_ENV) $(PY) -m pytest -q

# `make bench` measures against its own database, generated on first use (BENCH_AANVRAGEN aanvragen over
# 342 gemeenten: 5-10 minutes for 1,000,000 on 2 cores) and kept for later runs. Figures on stdout.
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/jobcoachloket_bench
BENCH_AANVRAGEN ?= 1000000
bench: install static
	$(TEST_ENV) DATABASE_URL=$(BENCH_DATABASE_URL) BENCH_AANVRAGEN=$(BENCH_AANVRAGEN) $(PY) manage.py bench

# Known vulnerabilities in the pinned dependencies (needs the PyPI JSON API; --strict fails when a
# package could not be checked, so an unreachable service never passes silently).
audit: install
	$(VENV)/bin/pip install --quiet -e '.[audit]'
	$(VENV)/bin/pip-audit --local --strict --progress-spinner off

lint:
	$(PY) -m ruff check . || true

clean:
	rm -rf $(VENV) node_modules static/vendor var
