# Masthead: `make run` serves the demo newsroom; `make test` runs the whole suite.
# Both create .venv and install what they need on first use.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
PYTEST_ARGS ?= -n 2

.PHONY: run test test-fast install lint worker bench clean-db

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@echo "Installing Masthead and its dependencies into $(VENV) …"
	@$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	@$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@rm -f $(VENV)/.installed-*
	@touch $@

install: $(STAMP)

run: $(STAMP)
	@$(PY) manage.py migrate --noinput -v 0
	@$(PY) manage.py load_demo
	@$(PY) manage.py dev 127.0.0.1:8000

test: $(STAMP)
	@scripts/ensure-chromium
	@$(PY) -m pytest $(PYTEST_ARGS)

# The fast tier: no servers, processes, browser or live server (tests/conftest.py marks the rest
# `integration`). `make test` runs both tiers.
test-fast: $(STAMP)
	@$(PY) -m pytest $(PYTEST_ARGS) -m "not integration"

worker: $(STAMP)
	@$(PY) manage.py worker

# The static gates (.ci/run runs them too; .pre-commit-config.yaml has the same hooks): format, lint
# rules, migrations in step with the models, the deploy checks under production settings, the app
# layers (import-linter) and types on the boundary modules (mypy). Each failure stops make.
lint: $(STAMP)
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .
	$(PY) manage.py makemigrations --check --dry-run
	PY=$(PY) .ci/deploy-check
	$(VENV)/bin/lint-imports --no-cache
	$(VENV)/bin/mypy

bench: $(STAMP)
	@$(PY) bench/run.py

clean-db:
	rm -rf var/masthead.sqlite3* var/media var/cache
