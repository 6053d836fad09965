"""What every page needs besides the document: reference data and the interface language."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from matrices.catalogs import Catalogs
from matrices.fieldmodel import FieldModel
from matrices.localized import COURSE_LANGUAGE, Lang
from matrices.proposal import Proposal
from matrices.reference import load_reference_data
from matrices.review import Comment
from matrices.rules import Rulebook, default_rulebook

if TYPE_CHECKING:
    from export.docx_export import Progress
    from export.options import ExportOptions


@dataclass
class UiContext:
    """Reference data shared by the pages; built once in main.py and passed down, never a global."""

    catalogs: Catalogs
    field_model: FieldModel
    rulebook: Rulebook
    lang: Lang = COURSE_LANGUAGE

    @classmethod
    def load(cls, lang: Lang = COURSE_LANGUAGE) -> UiContext:
        """Return the context over the bundled catalogues, field model, rules and examples."""
        reference = load_reference_data()
        catalogs, field_model = reference.catalogs, reference.field_model
        rulebook = default_rulebook(catalogs, field_model)
        return cls(catalogs, field_model, rulebook, lang)

    def export_docx(
        self,
        proposal: Proposal,
        options: ExportOptions,
        comments: Sequence[Comment] = (),
        progress: Callable[[Progress], None] | None = None,
    ) -> bytes:
        """Return the proposal as a Word document, checked and labelled with this context's reference data."""
        from export.docx_export import export_docx  # python-docx loads at the first export, not at start-up

        return export_docx(
            proposal,
            catalogs=self.catalogs,
            field_model=self.field_model,
            findings=self.rulebook.check(proposal),
            comments=comments,
            options=options,
            progress=progress,
        )

    def label(self, entity: str, field: str) -> str:
        """Return a field's label from the course's field model in the interface language."""
        try:
            return self.field_model.field(entity, field).label(self.lang)
        except KeyError:
            return field

    def undo_name(self, entity: str, field: str) -> Callable[[], str]:
        """Return the name of an edit of a field in the undo history: its label, in the language of the edit."""
        return lambda: self.label(entity, field)

    def catalog_label(self, ref: str, entry_id: str | None) -> str:
        """Return a catalogue entry's label in the interface language ('' for None)."""
        if entry_id is None:
            return ""
        return self.catalogs.label(ref, entry_id, self.lang) if ref in self.catalogs else entry_id
