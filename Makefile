# Masthead: `make run` serves the demo newsroom; `make test` runs the whole suite.
# Both create .venv and install what they need on first use.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml requirements.lock | cksum | cut -d' ' -f1)
PYTEST_ARGS ?= -n 2

.PHONY: run test test-fast install lint lock worker bench clean-db

# Dependencies come from requirements.lock (exact versions with hashes: the same install on every
# machine); Masthead itself is installed editable on top, without resolving anything again.
# To change a dependency: edit pyproject.toml, then `make lock` (README, "Dependencies").
$(STAMP): pyproject.toml requirements.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@echo "Installing Masthead and its dependencies into $(VENV) …"
	@$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	@$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	@$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
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
# `integration`). `make test` runs both tiers. The late-webhook property test samples 40 delivery
# orders here and 200 in `make test`.
test-fast: $(STAMP)
	@LATE_WEBHOOK_RUNS=$${LATE_WEBHOOK_RUNS:-40} $(PY) -m pytest $(PYTEST_ARGS) -m "not integration"

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

# Re-resolve requirements.lock from pyproject.toml (runtime + dev extras). Existing pins are kept
# where they still fit; `make lock LOCK_ARGS=--upgrade` moves everything to the newest allowed.
lock: $(STAMP)
	@$(PY) -m pip install --quiet --disable-pip-version-check pip-tools
	$(VENV)/bin/pip-compile --quiet --extra dev --generate-hashes --allow-unsafe --strip-extras \
		--no-emit-index-url --no-emit-find-links --output-file requirements.lock $(LOCK_ARGS) pyproject.toml

bench: $(STAMP)
	@$(PY) bench/run.py

clean-db:
	rm -rf var/masthead.sqlite3* var/media var/cache
