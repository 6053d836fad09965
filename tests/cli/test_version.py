"""`main.py --version` and the one version source that the package metadata and the bundle also read."""

from __future__ import annotations

from importlib import metadata

from storage.schema import SCHEMA_VERSION
from tests.cli.test_cli import run
from ui.version import APP_VERSION


def test_version_prints_the_application_and_file_format_versions() -> None:
    done = run("--version")
    assert done.returncode == 0
    assert done.stdout.splitlines() == [f"Policy Matrix {APP_VERSION}", f"file format (.pmx): {SCHEMA_VERSION}"]
    assert done.stderr == ""


def test_the_installed_package_takes_its_version_from_the_same_constant() -> None:
    # pyproject.toml reads ui.version.APP_VERSION (setuptools dynamic); a second copy of the number would drift.
    assert metadata.version("policy-matrix") == APP_VERSION


def test_version_takes_no_other_argument() -> None:
    done = run("--version", "extra")
    assert done.returncode == 2
    assert done.stderr.startswith("error: ")
