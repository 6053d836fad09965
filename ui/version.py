"""The application's name and version: the one place pyproject.toml, the bundle, `--version` and About read them.

A module constant, not importlib.metadata: a frozen bundle carries no package metadata to ask.
"""

from __future__ import annotations

APP_NAME = "Policy Matrix"
APP_VERSION = "0.1.0"
ORGANIZATION = "PolicyMatrix"
"""With APP_NAME, where Qt keeps the settings (QSettings)."""
DESKTOP_NAME = "policy-matrix"
"""The Linux desktop entry's base name (policy-matrix.desktop) and the bundle's command name."""


def version_text() -> str:
    """Return what `main.py --version` prints: the application's version and the .pmx file format's."""
    from storage.schema import SCHEMA_VERSION

    return f"{APP_NAME} {APP_VERSION}\nfile format (.pmx): {SCHEMA_VERSION}"
