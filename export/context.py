"""What every section writer needs: the proposal, the language, the references and the body being written."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from docx.document import Document

from export.docx_build import BodyWriter
from export.docx_page import PageSetup, picture_xml
from export.labels import Labels
from export.options import ExportOptions
from export.refs import Refs
from matrices.catalogs import Catalogs
from matrices.fieldmodel import FieldModel
from matrices.findings import Finding
from matrices.localized import Lang
from matrices.proposal import Proposal

logger = logging.getLogger(__name__)

TWIPS_PER_CM = 1440 / 2.54
FIGURE_MAX_CM = 16.0
"""Pictures are drawn at most this wide: legible on Letter and A4 in both orientations."""
FIGURE_DPI = 200

Drawer = Callable[[float, float, int], bytes]
"""Draws a picture: (width_cm, max_height_cm, dpi) -> PNG bytes."""


@dataclass
class ExportContext:
    """The state of one export, passed to the section writers in document order."""

    proposal: Proposal
    catalogs: Catalogs
    field_model: FieldModel
    findings: Sequence[Finding]
    options: ExportOptions
    lang: Lang
    t: Labels
    refs: Refs
    document: Document
    page: PageSetup
    writer: BodyWriter
    landscape: bool = False
    figures: int = 0

    @property
    def has_errors(self) -> bool:
        """Return True when error findings remain: the document is then a draft."""
        return any(finding.severity == "error" for finding in self.findings)

    @property
    def is_draft(self) -> bool:
        """Return True for a draft: errors remain, or the participant has not submitted it yet."""
        return self.has_errors or self.proposal.status == "draft"

    def mark(self, text: str, data_type: str | None) -> str:
        """Return text followed by the visible "(illustrative)" mark when its data type says so."""
        if data_type == "illustrative" and text:
            return f"{text} ({self.t('illustrative')})"
        return text

    def field_label(self, entity: str, key: str) -> str:
        """Return the course's label of a field (field_model.json) in the export language; key may be 'parent.sub'."""
        first, _, sub = key.partition(".")
        spec = self.field_model.field(entity, first)
        if sub:
            spec = next(child for child in spec.subfields if child.key == sub)
        return spec.label(self.lang)

    def entity_label(self, entity: str) -> str:
        """Return the course's name of a kind of item (Causa, Eje estratégico) in the export language."""
        return self.field_model.entity_label(entity).get(self.lang)

    def figure(self, draw: Drawer, caption: str) -> None:
        """Draw a picture and add it with a numbered caption; a note in its place if drawing fails."""
        if not self.options.include_pictures:
            return
        width = self.page.text_width(self.landscape)
        width_cm = min(FIGURE_MAX_CM, width / TWIPS_PER_CM)
        # Leave room on the page for the heading above and the caption below.
        max_height = self.page.text_height(self.landscape) - int(3 * TWIPS_PER_CM)
        try:
            png = draw(width_cm, max_height / TWIPS_PER_CM, FIGURE_DPI)
        except Exception:
            # A participant must still get the document to submit: the failure is logged and noted in place.
            logger.exception("drawing a figure failed")
            self.writer.note(self.t("picture_failed"))
            return
        self.figures += 1
        self.writer.raw(
            picture_xml(
                self.document,
                png,
                width=int(width_cm * TWIPS_PER_CM),
                max_height=max_height,
                shape_id=1000 + self.figures,  # clear of the ids of a template header logo
                descr=caption,
            )
        )
        self.writer.caption(f"{self.t('figure')} {self.figures}. {caption}")


def problem_tree_drawer(context: ExportContext) -> Drawer:
    """Return the drawing function of the problem tree (Qt is loaded only when a picture is drawn)."""

    def draw(width_cm: float, max_height_cm: float, dpi: int) -> bytes:
        from export.diagrams import ensure_gui_application
        from export.diagrams.problem_tree import problem_tree_png

        ensure_gui_application()
        return problem_tree_png(
            context.proposal, context.lang, context.field_model, width_cm=width_cm, dpi=dpi, max_height_cm=max_height_cm
        )

    return draw


def actor_grid_drawer(context: ExportContext) -> Drawer:
    """Return the drawing function of the power/interest grid."""

    def draw(width_cm: float, max_height_cm: float, dpi: int) -> bytes:
        from export.diagrams import ensure_gui_application
        from export.diagrams.actor_grid import actor_grid_png

        ensure_gui_application()
        return actor_grid_png(
            context.proposal, context.lang, context.catalogs, width_cm=width_cm, dpi=dpi, max_height_cm=max_height_cm
        )

    return draw
