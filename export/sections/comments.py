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
from docx.oxml.parser import parse_xml
from docx.parts.comments import CommentsPart

from export.anchor_table import ExportedComment
from export.context import ExportContext
from export.docx_build import NSDECLS, Anchor, esc, runs_xml
from export.formats import format_date
from export.sections.cover import TITLE_ANCHOR
from export.text import clean_text
from matrices.review import Comment


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
    """Where each comment goes in the body, and the comments part that holds their text."""

    ranges: dict[str, tuple[str, str]]
    """Marker -> (XML opening the ranges of the comments anchored there, XML closing them)."""
    part_xml: str
    count: int
    exported: tuple[ExportedComment, ...] = ()
    """Each Word comment written, as its reader sees it: importing the document's comments skips these."""


def plan_comments(
    context: ExportContext, markers: dict[str, tuple[Anchor, ...]], comments: Sequence[Comment]
) -> CommentPlan:
    """Anchor every thread of comments and write their text; replies become paragraphs of their thread."""
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
    exported: list[ExportedComment] = []
    for number, root in enumerate(roots):
        anchor = next((a for a in candidates(root) if a in placed), TITLE_ANCHOR)
        tag = placed.get(anchor)
        if tag is None:
            continue  # cannot happen: the cover always writes the title
        starts.setdefault(tag, []).append(f'<w:commentRangeStart w:id="{number}"/>')
        ends.setdefault(tag, []).append(
            f'<w:commentRangeEnd w:id="{number}"/>'
            '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
            f'<w:commentReference w:id="{number}"/></w:r>'
        )
        paragraphs = [_body(context, root, anchor), *(_reply(context, reply) for reply in threads.get(root.id, ()))]
        entries.append(_comment_xml(context, number, root, paragraphs))
        exported.append(ExportedComment(root.id, _author(context, root), "\n".join(clean_text(p) for p in paragraphs)))
    ranges = {tag: ("".join(starts.get(tag, ())), "".join(ends.get(tag, ()))) for tag in starts}
    part_xml = f"<w:comments {NSDECLS}>{''.join(entries)}</w:comments>"
    return CommentPlan(ranges, part_xml, len(entries), tuple(exported))


def install_comments(document: Document, plan: CommentPlan) -> None:
    """Give the document its comments part (python-docx reads it back through document.comments)."""
    if not plan.count:
        return
    element = parse_xml(plan.part_xml)
    existing = [rel for rel in document.part.rels.values() if rel.reltype == RT.COMMENTS]
    if existing:
        # A template with a comments part of its own: its comments were on the body we replaced.
        target = existing[0].target_part.element
        for old in list(target):
            target.remove(old)
        for comment in list(element):
            target.append(comment)
        return
    part = CommentsPart(PackURI("/word/comments.xml"), CT.WML_COMMENTS, element, document.part.package)
    document.part.relate_to(part, RT.COMMENTS)


def _author(context: ExportContext, comment: Comment) -> str:
    return clean_text(comment.author) or context.t("comment.reviewer")


def _comment_xml(context: ExportContext, number: int, comment: Comment, paragraphs: list[str]) -> str:
    author = _author(context, comment)
    initials = "".join(word[0] for word in author.split()[:3] if word).upper()
    when = comment.created_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    body = []
    for index, text in enumerate(paragraphs):
        reference = (
            '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>' if index == 0 else ""
        )
        body.append(f'<w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr>{reference}{runs_xml(text)}</w:p>')
    return (
        f'<w:comment w:id="{number}" w:author="{esc(author)}" w:date="{when}" w:initials="{esc(initials)}">'
        f"{''.join(body)}</w:comment>"
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
    if comment.status == "resolved":
        text = f"{t('comment.resolved')} {text}"
    targets = candidates(comment)
    if targets and anchor not in targets:
        # The item is not in the document any more: say what the comment was about.
        where = " · ".join(
            part
            for part in (
                t(f"matrix.{comment.matrix or 'general'}"),
                context.refs.code(comment.item_id) if comment.item_id else "",
                comment.field or "",
            )
            if part
        )
        text = f"{t('comment.unanchored', where=where)} — {text}"
    return text


def _reply(context: ExportContext, reply: Comment) -> str:
    author = clean_text(reply.author)
    when = format_date(reply.created_at.date(), context.t)
    return f"{author} ({when}): {clean_text(reply.text)}" if author else f"({when}) {clean_text(reply.text)}"
