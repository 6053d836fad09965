"""The Word document's own headings, column headers and notes (export/data/headings.json), in one language.

Only what belongs to the document is here: the names of fields come from the field model (ExportContext.field_label),
those of catalogue values from the catalogues, and how numbers and dates are written from the language's
conventions (matrices/localized.py). The export language is chosen independently of the language the proposal is
written in, so none of these texts comes from the proposal.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from matrices.localized import Lang, text_table


@cache  # asked by every picture and export; the package's place does not move while it runs
def headings_file() -> Path:
    """Return the file holding the document's headings (a test points it at a copy with a language added)."""
    return Path(str(resources.files("export") / "data" / "headings.json"))


class Labels:
    """The document's fixed texts in one language."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang
        self._headings = text_table(headings_file(), "headings")

    def __call__(self, key: str, **values: object) -> str:
        """Return the text of key, with {placeholders} filled from values."""
        text = self._headings.text(key).get(self.lang)
        return text.format(**values) if values else text

    def count(self, key: str, n: int, **values: object) -> str:
        """Return the text of key for n things, in the singular where the language says so ('1 eje estratégico')."""
        return self._headings.count(key, n, **values).get(self.lang)

    @property
    def course(self) -> str:
        """Return the course name."""
        return self("course")
