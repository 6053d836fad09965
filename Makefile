# Set-up and checks. Every target creates .venv when it is missing and installs the project into it.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: setup run demo test lint format clean bench bundle bundle-smoke install-desktop

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

# make lint           formatting, ruff's rules, and mypy --strict on matrices/ and storage/ ([tool.mypy] in pyproject.toml)
lint: $(STAMP)
	$(PY) -m ruff format --check .
	$(PY) -m ruff check .
	$(PY) -m mypy

# make test runs everything but the slow suites (tests marked slow: the hostile files as real processes, the
# editor killed 200 times, the long property runs): a few minutes. CI=true (as .ci/run sets) runs them too.
ifeq ($(CI),true)
TEST_SELECTION := -m "slow or not slow"
endif

test: lint
	$(PY) -m pytest $(TEST_SELECTION)

# make bench           measures every figure of docs/design.md §7; writes bench/results.json
bench: $(STAMP)
	$(PY) bench/run_all.py

format: $(STAMP)
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

# Refresh ui/i18n/*.ts from the tr() strings (pyside6-lupdate) and rebuild the committed .qm files (pyside6-lrelease).
translations: $(STAMP)
	$(PY) -m ui.i18n.update

# ---- the bundle: Policy Matrix for machines without Python (recipe and per-platform notes in .ci/bundle/) ----
BUNDLE_VENV := .venv-bundle
BUNDLE_PY := $(BUNDLE_VENV)/bin/python
BUNDLE_STAMP := $(BUNDLE_VENV)/.installed-stamp
VERSION := $(shell sed -n 's/^APP_VERSION = "\(.*\)"/\1/p' ui/version.py)
ARCHIVE := dist/policy-matrix-$(VERSION)-linux-$(shell uname -m).tar.gz

# The bundle is built from its own environment: the app's runtime dependencies and PyInstaller, no test extras.
$(BUNDLE_STAMP): pyproject.toml
	@test -x $(BUNDLE_PY) || $(PYTHON) -m venv $(BUNDLE_VENV)
	$(BUNDLE_PY) -m pip install --quiet --upgrade pip
	$(BUNDLE_PY) -m pip install --quiet -e . "pyinstaller>=6.10,<7"
	@touch $(BUNDLE_STAMP)

# make bundle         dist/policy-matrix/ (start dist/policy-matrix/policy-matrix) and its .tar.gz for participants
bundle: $(BUNDLE_STAMP)
	rm -rf dist/policy-matrix $(ARCHIVE)
	$(BUNDLE_PY) -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
		.ci/bundle/policy_matrix.spec
	tar -C dist -cf - policy-matrix | gzip -9 > $(ARCHIVE)
	@du -sh dist/policy-matrix $(ARCHIVE)

# make bundle-smoke   after make bundle: every command and the editor from the bundle alone, then the same on
#                     copies missing one datum each, which must fail
bundle-smoke: $(STAMP)
	$(PY) .ci/bundle/smoke.py dist/policy-matrix --prove

# make install-desktop   menu entry, .pmx file type and icons for the current user, starting this checkout
#                        (an unpacked bundle has its own ./install-desktop.sh)
install-desktop: $(STAMP)
	$(PY) .ci/bundle/icons.py build/icons
	sh .ci/bundle/linux/install-desktop.sh --icons build/icons/png "$(abspath $(PY))" "$(abspath main.py)"

clean:
	rm -rf $(VENV) $(BUNDLE_VENV) build dist *.egg-info .pytest_cache .ruff_cache .mypy_cache .hypothesis demo.pmx demo.docx
