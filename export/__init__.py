"""The Word export (python-docx) and the diagrams (QtGui); imports matrices/ only.

`export_docx`, `DocxExport`, `ExportOptions` and `Progress` are loaded on first use, so that importing
`export.diagrams` for the editor's previews does not load python-docx.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

# pydantic must be fully imported before PySide6: shiboken's import hook inspects every later import and breaks
# pydantic's lazy submodule loading (circular ImportError). Every module of this package imports through here.
import matrices.proposal  # noqa: F401  # isort: split

if TYPE_CHECKING:
    from export.docx_export import DocxExport, Progress, export_docx
    from export.options import ExportOptions

__all__ = ["DocxExport", "ExportOptions", "Progress", "export_docx"]


def __getattr__(name: str) -> Any:
    if name == "ExportOptions":
        from export.options import ExportOptions

        return ExportOptions
    if name in ("DocxExport", "Progress", "export_docx"):
        from export import docx_export

        return getattr(docx_export, name)
    raise AttributeError(name)
