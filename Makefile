# Set-up and checks. Every target creates .venv when it is missing and installs the project into it.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: setup run demo test lint format clean bench

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	@touch $(STAMP)

setup: $(STAMP)

# make run            opens the editor;  make run FILE=proposal.pmx  opens a file
run: $(STAMP)
	$(PY) main.py $(FILE)

demo: $(STAMP)
	$(PY) main.py demo demo.pmx
	$(PY) main.py convert demo.pmx demo.docx

lint: $(STAMP)
	$(PY) -m ruff format --check .
	$(PY) -m ruff check .

test: lint
	$(PY) -m pytest

# make bench           measures every figure of DESIGN.md's target table; writes bench/results.json
bench: $(STAMP)
	$(PY) bench/run_all.py

format: $(STAMP)
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

# Refresh ui/i18n/*.ts from the tr() strings (pyside6-lupdate) and rebuild the committed .qm files (pyside6-lrelease).
translations: $(STAMP)
	$(PY) -m ui.i18n.update

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache .hypothesis demo.pmx demo.docx
