"""The desktop editor: PySide6 widgets, Qt models, undo commands and dialogs."""

from __future__ import annotations

# pydantic must be fully imported before PySide6: shiboken's import hook inspects every later import and breaks
# pydantic's lazy submodule loading (circular ImportError). Every module of this package imports through here.
import matrices.proposal  # noqa: F401  # isort: split
