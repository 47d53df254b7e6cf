# The README's two commands: `make serve` and `make test`. Each sets up what it
# needs on a fresh machine (a virtualenv with pinned packages; Chromium for tests).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup browser build serve test bench-accuracy bench-scale

setup: $(VENV)/.installed

$(VENV)/.installed: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --disable-pip-version-check -q -r requirements.txt
	$(BIN)/pip install --disable-pip-version-check -q --no-deps -e .
	touch $@

browser:
	sh scripts/install-chromium.sh

build: setup
	$(BIN)/mkdocs build --strict

serve: setup
	$(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:8000

tests/a11y/node_modules/axe-core/axe.min.js: tests/a11y/package.json tests/a11y/package-lock.json
	npm ci --prefix tests/a11y --no-audit --no-fund

tests/citeproc/node_modules/citeproc/citeproc_commonjs.js: tests/citeproc/package.json tests/citeproc/package-lock.json
	npm ci --prefix tests/citeproc --no-audit --no-fund

test: setup browser tests/a11y/node_modules/axe-core/axe.min.js tests/citeproc/node_modules/citeproc/citeproc_commonjs.js
	$(BIN)/ruff check build_archive tests bench
	$(BIN)/mypy
	$(BIN)/python -m pytest

# Accuracy of the entity and figure taggers, with underthesea.ner as the baseline
# (its own virtualenv: underthesea brings many packages the site does not need).
bench-accuracy: .venv-bench/.installed
	.venv-bench/bin/python bench/dev_cleaning.py
	.venv-bench/bin/python bench/dev_tagging.py --baseline
	.venv-bench/bin/python bench/accuracy.py --baseline

.venv-bench/.installed: requirements-bench.txt requirements.txt
	$(PYTHON) -m venv .venv-bench
	.venv-bench/bin/pip install --disable-pip-version-check -q -r requirements-bench.txt
	.venv-bench/bin/pip install --disable-pip-version-check -q --no-deps -e .
	touch $@

# Build cost at N = 250, 1000 and 4000 synthetic articles against bare MkDocs, and the serve edit loop (about 10 minutes).
bench-scale: setup browser
	$(BIN)/python bench/scale.py
