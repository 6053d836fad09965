"""The cover page: institution, kind of document, title, the cover table, and the draft stamp."""

from __future__ import annotations

from export.context import ExportContext
from export.docx_build import Anchor
from export.formats import long_date

TITLE_ANCHOR: Anchor = ("general", None, "title")
"""Where comments go whose item is not in the document (a deleted item, an unknown field)."""


def write_cover(context: ExportContext) -> None:
    """Write the cover page."""
    writer, t, proposal = context.writer, context.t, context.proposal
    writer.matrix = "general"
    styles = writer.styles
    writer.paragraph(
        ((proposal.proposing_institution, "b"),),
        align="center",
        spacing='<w:spacing w:before="0" w:after="0"/>',
        anchors=writer.anchor(None, "proposing_institution"),
    )
    writer.paragraph(t("cover.kind"), styles.subtitle, spacing='<w:spacing w:before="2400" w:after="240"/>')
    writer.paragraph(proposal.title or t("cover.untitled"), styles.title, anchors=(TITLE_ANCHOR,))
    authors = "\n".join(author for author in proposal.authors if author.strip())
    status = context.refs.label("enums.json#proposal_status", proposal.status)
    writer.key_values(
        (
            (context.field_label("proposal", "authors"), authors, "authors"),
            (context.field_label("proposal", "proposing_institution"), proposal.proposing_institution, None),
            (t("cover.course"), t.course, None),
            (t("cover.date"), long_date(proposal.updated_at, t), "updated_at"),
            (context.field_label("proposal", "status"), status, "status"),
        )
    )
    if context.has_errors:
        errors = sum(1 for finding in context.findings if finding.severity == "error")
        writer.paragraph(
            ((t("cover.draft"), "stamp"),),
            align="center",
            spacing='<w:spacing w:before="480" w:after="60"/>',
        )
        writer.paragraph(((t.count("cover.draft_note", errors), "i"),), align="center")
