# Tend's everyday commands. `make run` to try it, `make test` before a commit.
#
# Python comes from a uv-managed virtualenv (.venv, from uv.lock); uv itself is
# bootstrapped into .tools with the system's python3. Front-end packages come
# from npm (package-lock.json).

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

UV_VERSION := 0.13.9
UV := .tools/bin/uv
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: help setup run test test-sqlite test-postgres test-browser bench coach-eval lint screenshots

help:
	@echo "make run          set up, migrate and serve on http://$(HOST):$(PORT)"
	@echo "make test         lint, the test suite on SQLite and PostgreSQL, then the browser tests"
	@echo "make lint         ruff, mypy and the migrations check"
	@echo "make bench        page latency and query counts with five years of history"
	@echo "make coach-eval   the draft check's precision and recall on the labelled sets"
	@echo "make screenshots  refresh docs/screenshots from the browser tests"
	@echo "make setup        create .venv and node_modules (done by the others as needed)"

setup: $(UV) $(VENV)/.synced node_modules/.installed

$(UV):
	python3 -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

# Re-synced whenever the lock file or the project's metadata changes.
$(VENV)/.synced: $(UV) uv.lock pyproject.toml
	$(UV) sync --frozen --quiet
	@touch $@

node_modules/.installed: package-lock.json package.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

run: setup
	$(BIN)/tend manage migrate --no-input
	$(BIN)/tend serve --host $(HOST) --port $(PORT)

test: setup
	$(MAKE) --no-print-directory lint
	$(MAKE) --no-print-directory test-sqlite
	$(MAKE) --no-print-directory test-postgres
	$(MAKE) --no-print-directory test-browser

test-sqlite: setup
	@echo "== tests on SQLite"
	$(BIN)/pytest -q -m "not browser" $(PYTEST_ARGS)

test-postgres: setup
	@echo "== tests on PostgreSQL"
	scripts/pg-cluster run $(BIN)/pytest -q -m "not browser" $(PYTEST_ARGS)

test-browser: setup
	@echo "== browser tests (Chromium)"
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(BIN)/pytest -q -m browser $(PYTEST_ARGS)

bench: setup
	$(BIN)/python bench/run.py

coach-eval: setup
	$(BIN)/python -m tend.coach.evaluate

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy tend
	$(BIN)/python manage.py makemigrations --check --dry-run

screenshots: setup
	TEND_SCREENSHOTS_DIR=docs/screenshots DJANGO_ALLOW_ASYNC_UNSAFE=true \
		$(BIN)/pytest -q -m browser -k screenshots
