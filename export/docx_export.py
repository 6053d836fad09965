"""The Word export: a pure function of the proposal, its findings and comments, the language and the options."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from export.anchor_table import anchor_table_xml, install_anchor_table
from export.context import ExportContext
from export.docx_build import BodyWriter
from export.docx_measure import WordWidths, table_font
from export.docx_package import adopt_skeleton, install_skeleton, save_with_body
from export.docx_page import (
    PageSetup,
    enable_update_fields,
    open_document,
    set_properties,
    toc_xml,
    write_footer,
    write_header,
)
from export.docx_styles import ensure_styles, set_document_language, use_house_typography
from export.labels import Labels
from export.options import ExportOptions
from export.refs import Refs
from export.sections.actors import write_actors
from export.sections.comments import install_comments, plan_comments, wanted_anchors
from export.sections.cover import write_cover
from export.sections.findings import wants_appendix, write_findings
from export.sections.general import write_general, write_summary
from export.sections.instruments import write_instruments
from export.sections.problem import write_problem
from export.sections.strategy import write_strategy
from export.text import clean_text, shorten
from matrices.catalogs import Catalogs
from matrices.fieldmodel import FieldModel
from matrices.findings import Finding
from matrices.localized import conventions
from matrices.proposal import Proposal
from matrices.review import Comment

HEADER_TITLE_LIMIT = 110

STEPS = ("cover", "summary", "problem", "strategy", "actors", "instruments", "appendix", "assemble", "save")


@dataclass(frozen=True)
class Progress:
    """One step of an export done: the UI shows step/total while the document is built."""

    done: int
    total: int
    step: str


class DocxExport:
    """One Word export; iter_build() yields progress, result() returns the .docx bytes."""

    def __init__(
        self,
        proposal: Proposal,
        *,
        catalogs: Catalogs,
        field_model: FieldModel,
        findings: Sequence[Finding],
        comments: Sequence[Comment] = (),
        options: ExportOptions | None = None,
    ) -> None:
        self._proposal = proposal
        self._catalogs = catalogs
        self._field_model = field_model
        self._findings = findings
        self._options = options or ExportOptions()
        self._comments = tuple(comments) if self._options.include_comments else ()
        self._result: bytes | None = None

    def result(self) -> bytes:
        """Return the document, building it first if iter_build() was not run to the end."""
        if self._result is None:
            for _ in self.iter_build():
                pass
        assert self._result is not None
        return self._result

    def iter_build(self) -> Iterator[Progress]:
        """Build the document step by step, yielding after each step."""
        total = len(STEPS)
        proposal, options = self._proposal, self._options
        lang = options.export_lang(proposal)
        labels = Labels(lang)
        document, template = open_document(options.template)
        styles = ensure_styles(document)
        if options.template is None:
            use_house_typography(document)
        body = document.element.body
        sentinel = body.get_or_add_sectPr()
        page = PageSetup(copy.deepcopy(sentinel), options.paper, own_header=not template.has_header)
        wanted = wanted_anchors(self._comments) if self._comments else frozenset()
        font = table_font(document, styles)
        writer = BodyWriter(
            styles,
            page.text_width(landscape=False),
            wanted,
            bookmark_anchors=options.word_anchors,
            word_width=WordWidths(font).longest,
            cell_margins=font.margins,
        )
        context = ExportContext(
            proposal=proposal,
            catalogs=self._catalogs,
            field_model=self._field_model,
            findings=self._findings,
            options=options,
            lang=lang,
            t=labels,
            refs=Refs(proposal, self._catalogs, labels),
            document=document,
            page=page,
            writer=writer,
        )

        write_cover(context)
        toc_place = writer.placeholder()
        yield Progress(1, total, STEPS[0])
        write_summary(context)
        write_general(context)
        yield Progress(2, total, STEPS[1])
        write_problem(context)
        yield Progress(3, total, STEPS[2])
        write_strategy(context)
        yield Progress(4, total, STEPS[3])
        # Matrices 3 and 4 are wide tables: they get a landscape section of their own.
        writer.section_break(page.sect_pr_xml(landscape=False, first=True), page.text_width(landscape=True))
        context.landscape = True
        write_actors(context)
        yield Progress(5, total, STEPS[4])
        write_instruments(context)
        yield Progress(6, total, STEPS[5])
        if wants_appendix(context):
            writer.section_break(page.sect_pr_xml(landscape=True, first=False), page.text_width(landscape=False))
            context.landscape = False
            write_findings(context)
        yield Progress(7, total, STEPS[6])

        writer.fill(toc_place, toc_xml(writer.headings, styles, labels("toc.title"), page.text_width(landscape=False)))
        plan = plan_comments(context, writer.markers, self._comments) if self._comments else None
        page.configure(sentinel, landscape=context.landscape, first=False)
        # The body is never parsed (export/docx_package.py): python-docx holds its section breaks only, which
        # the header and footer below link to, and the saved package gets the body written in as text.
        install_skeleton(document, writer, sentinel.xml)
        title = clean_text(proposal.title) or labels("cover.untitled")
        if page.own_header:
            write_header(document, styles, shorten(title, HEADER_TITLE_LIMIT))
        if not template.has_footer:
            write_footer(document, styles, labels("header.page"), labels("header.of"))
        enable_update_fields(document)
        # Word proofs the participant's text in the proposal's language; the properties name the document's.
        set_document_language(document, conventions(proposal.language).tag)
        authors = "; ".join(clean_text(a) for a in proposal.authors if a.strip())
        set_properties(
            document,
            title=title,
            author=authors or clean_text(proposal.proposing_institution),
            subject=context.refs.label("policy_areas.json", proposal.policy_area) or labels("cover.kind"),
            language=conventions(lang).tag,
            created=proposal.created_at,
            modified=proposal.updated_at,
        )
        if plan is not None:
            install_comments(document, plan)
        if options.word_anchors:
            exported = plan.exported if plan is not None else ()
            install_anchor_table(document, anchor_table_xml(proposal.id, writer.bookmarks, writer.rows, exported))
        yield Progress(8, total, STEPS[7])

        tail = adopt_skeleton(document, writer)
        self._result = save_with_body(document, writer.chunks(tail, plan.ranges if plan else None, release=True))
        yield Progress(9, total, STEPS[8])


def export_docx(
    proposal: Proposal,
    *,
    catalogs: Catalogs,
    field_model: FieldModel,
    findings: Sequence[Finding],
    comments: Sequence[Comment] = (),
    options: ExportOptions | None = None,
    progress: Callable[[Progress], None] | None = None,
) -> bytes:
    """Return the proposal as a .docx document (the caller writes it to disk atomically)."""
    export = DocxExport(
        proposal, catalogs=catalogs, field_model=field_model, findings=findings, comments=comments, options=options
    )
    for step in export.iter_build():
        if progress is not None:
            progress(step)
    return export.result()
