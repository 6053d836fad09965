"""Facilitators' review comments as native Word comments, anchored on the text of the item they concern.

The body writer brackets the text of every item a comment may point at; here each comment is given the most
precise of those places (the field, then the item, then the title), and the comments part is written in one
go. python-docx's `add_comment` would do the same one comment at a time, but it searches all comments for a
free id on every call and parses each comment separately: 0.7 s for 800 comments, quadratic in their number.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.parser import parse_xml
from docx.parts.comments import CommentsPart

from export.anchor_table import ExportedComment
from export.context import ExportContext
from export.docx_build import Anchor
from export.docx_runs import NSDECLS, esc, runs_xml
from export.sections.cover import TITLE_ANCHOR
from export.text import clean_text
from matrices.review import Comment

_MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
_W14_DECL = f'{_MC} xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"'
_W15_DECL = f'{_MC} xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"'
_W16CID_DECL = f'{_MC} xmlns:w16cid="http://schemas.microsoft.com/office/word/2016/wordml/cid"'
_CT_EXTENDED = "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"
_CT_IDS = "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsIds+xml"
_RT_EXTENDED = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"
_RT_IDS = "http://schemas.microsoft.com/office/2016/09/relationships/commentsIds"


def candidates(comment: Comment) -> list[Anchor]:
    """Return where a comment may be anchored, most precise first: the field, its parent field, the item."""
    matrix = comment.matrix or "general"
    found: list[Anchor] = []
    if comment.field:
        found.append((matrix, comment.item_id, comment.field))
        head = comment.field.split(".", 1)[0]
        if head != comment.field:
            found.append((matrix, comment.item_id, head))
    if comment.item_id is not None:
        found.append((matrix, comment.item_id, None))
    elif not comment.field and comment.matrix is not None:
        found.append((matrix, None, None))  # about a whole matrix: its heading
    return found


def wanted_anchors(comments: Iterable[Comment]) -> frozenset[Anchor]:
    """Return every anchor the body writer should mark for these comments (the title is the fallback)."""
    wanted: set[Anchor] = {TITLE_ANCHOR}
    for comment in comments:
        wanted.update(candidates(comment))
    return frozenset(wanted)


@dataclass(frozen=True)
class CommentPlan:
    """Where each comment goes in the body, and the parts that hold their text and their threads."""

    ranges: dict[str, tuple[str, str]]
    """Marker -> (XML opening the ranges of the comments anchored there, XML closing them)."""
    part_xml: str
    count: int
    exported: tuple[ExportedComment, ...] = ()
    """Each Word comment written, as its reader sees it: importing the document's comments skips these."""
    extended_xml: str = ""
    """commentsExtended: which comment answers which, and which threads are resolved."""
    ids_xml: str = ""
    """commentsIds: the durable id Word gives each comment of a thread."""


def plan_comments(
    context: ExportContext, markers: dict[str, tuple[Anchor, ...]], comments: Sequence[Comment]
) -> CommentPlan:
    """Anchor every thread of comments and write their text; a reply is a Word comment answering its thread's first.

    Word shows a thread from commentsExtended (the reply's paragraph names its parent's, w15:paraIdParent, and
    w15:done marks it resolved); LibreOffice 7.4 reads the resolved state and shows the comments of one range
    together. Every comment of a thread marks the same text, as Word writes replies.
    """
    placed = {anchor: tag for tag, anchors in markers.items() for anchor in anchors}
    by_id = {comment.id: comment for comment in comments}
    threads: dict[str, list[Comment]] = {}
    roots: list[Comment] = []
    for comment in sorted(comments, key=lambda c: c.created_at):
        root = _thread_root(comment, by_id)
        if root is comment:
            roots.append(comment)
        else:
            threads.setdefault(root.id, []).append(comment)
    starts: dict[str, list[str]] = {}
    ends: dict[str, list[str]] = {}
    entries: list[str] = []
    extended: list[str] = []
    ids: list[str] = []
    exported: list[ExportedComment] = []
    for root in roots:
        anchor = next((a for a in candidates(root) if a in placed), TITLE_ANCHOR)
        tag = placed.get(anchor)
        if tag is None:
            continue  # cannot happen: the cover always writes the title
        done = "1" if root.status == "resolved" else "0"
        root_para = _para_id(len(entries))
        for comment in (root, *threads.get(root.id, ())):
            number = len(entries)
            para = _para_id(number)
            starts.setdefault(tag, []).append(f'<w:commentRangeStart w:id="{number}"/>')
            ends.setdefault(tag, []).append(
                f'<w:commentRangeEnd w:id="{number}"/>'
                '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
                f'<w:commentReference w:id="{number}"/></w:r>'
            )
            text = _body(context, root, anchor) if comment is root else clean_text(comment.text)
            entries.append(_comment_xml(context, number, comment, text, para))
            parent = f' w15:paraIdParent="{root_para}"' if comment is not root else ""
            extended.append(f'<w15:commentEx w15:paraId="{para}"{parent} w15:done="{done}"/>')
            ids.append(f'<w16cid:commentId w16cid:paraId="{para}" w16cid:durableId="{para}"/>')
            exported.append(ExportedComment(comment.id, _author(context, comment), text))
    ranges = {tag: ("".join(starts.get(tag, ())), "".join(ends.get(tag, ()))) for tag in starts}
    part_xml = f'<w:comments {NSDECLS} {_W14_DECL} mc:Ignorable="w14">{"".join(entries)}</w:comments>'
    extended_xml = f'<w15:commentsEx {_W15_DECL} mc:Ignorable="w15">{"".join(extended)}</w15:commentsEx>'
    ids_xml = f'<w16cid:commentsIds {_W16CID_DECL} mc:Ignorable="w16cid">{"".join(ids)}</w16cid:commentsIds>'
    return CommentPlan(ranges, part_xml, len(entries), tuple(exported), extended_xml, ids_xml)


def install_comments(document: Document, plan: CommentPlan) -> None:
    """Give the document its comments part (python-docx reads it back through document.comments) and threads."""
    if not plan.count:
        return
    element = parse_xml(plan.part_xml)
    # A template's own thread parts described comments on the body we replaced.
    for rel in [rel for rel in document.part.rels.values() if rel.reltype in (_RT_EXTENDED, _RT_IDS)]:
        document.part.drop_rel(rel.rId)
    package = document.part.package
    for name, content_type, reltype, xml in (
        ("/word/commentsExtended.xml", _CT_EXTENDED, _RT_EXTENDED, plan.extended_xml),
        ("/word/commentsIds.xml", _CT_IDS, _RT_IDS, plan.ids_xml),
    ):
        data = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + xml.encode("utf-8")
        document.part.relate_to(Part(PackURI(name), content_type, data, package), reltype)
    existing = [rel for rel in document.part.rels.values() if rel.reltype == RT.COMMENTS]
    if existing:
        # A template with a comments part of its own: its comments were on the body we replaced.
        target = existing[0].target_part.element
        for old in list(target):
            target.remove(old)
        for comment in list(element):
            target.append(comment)
        return
    part = CommentsPart(PackURI("/word/comments.xml"), CT.WML_COMMENTS, element, package)
    document.part.relate_to(part, RT.COMMENTS)


def _para_id(number: int) -> str:
    # Word's paragraph and durable ids are 8 hex digits below 0x7FFFFFFF; the body's paragraphs carry none.
    return f"{number + 1:08X}"


def _author(context: ExportContext, comment: Comment) -> str:
    return clean_text(comment.author) or context.t("comment.reviewer")


def _comment_xml(context: ExportContext, number: int, comment: Comment, text: str, para_id: str) -> str:
    author = _author(context, comment)
    initials = "".join(word[0] for word in author.split()[:3] if word).upper()
    when = comment.created_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    reference = '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>'
    return (
        f'<w:comment w:id="{number}" w:author="{esc(author)}" w:date="{when}" w:initials="{esc(initials)}">'
        f'<w:p w14:paraId="{para_id}"><w:pPr><w:pStyle w:val="CommentText"/></w:pPr>'
        f"{reference}{runs_xml(text)}</w:p></w:comment>"
    )


def _thread_root(comment: Comment, by_id: dict[str, Comment]) -> Comment:
    seen = {comment.id}
    while comment.parent_id and comment.parent_id in by_id and comment.parent_id not in seen:
        comment = by_id[comment.parent_id]
        seen.add(comment.id)
    return comment


def _body(context: ExportContext, comment: Comment, anchor: Anchor) -> str:
    t = context.t
    text = clean_text(comment.text)
    targets = candidates(comment)
    if targets and anchor not in targets:
        # The item is not in the document any more: say what the comment was about.
        matrix = comment.matrix or "general"
        where = " · ".join(
            part
            for part in (
                t(f"matrix.{matrix}"),
                context.refs.code(comment.item_id),
                context.refs.field_label(context.field_model, matrix, comment.item_id, comment.field),
            )
            if part
        )
        text = f"{t('comment.unanchored', where=where)} — {text}"
    return text
