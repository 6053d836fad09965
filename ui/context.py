"""What every page needs besides the document: reference data and the interface language."""

from __future__ import annotations

from dataclasses import dataclass

from matrices.base import Lang
from matrices.catalogs import Catalogs
from matrices.fieldmodel import FieldModel
from matrices.proposal import Proposal
from matrices.rules import Rulebook


@dataclass
class UiContext:
    """Reference data shared by the pages; built once in main.py and passed down, never a global."""

    catalogs: Catalogs
    field_model: FieldModel
    rulebook: Rulebook
    example_es: Proposal
    example_en: Proposal
    lang: Lang = "es"

    def example(self) -> Proposal:
        """Return the bundled example in the interface language (the guidance panel shows its values)."""
        return self.example_es if self.lang == "es" else self.example_en

    def label(self, entity: str, field: str) -> str:
        """Return a field's label from the course's field model in the interface language."""
        try:
            return self.field_model.field(entity, field).label(self.lang)
        except KeyError:
            return field

    def catalog_label(self, ref: str, entry_id: str | None) -> str:
        """Return a catalogue entry's label in the interface language ('' for None)."""
        if entry_id is None:
            return ""
        return self.catalogs.label(ref, entry_id, self.lang) if ref in self.catalogs else entry_id
