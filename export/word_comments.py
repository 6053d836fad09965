"""Comments a facilitator wrote on an exported document, in Word or any word processor, read back with threads.

The export names the place of every text a comment may point at (export/anchor_table.py); here each comment
written on the document is placed by where it starts (export/word_anchoring.py). Threads come from
commentsExtended.xml (a reply's last paragraph names its parent's, w15:paraIdParent; w15:done="1" marks a
resolved thread), or, for LibreOffice 7.4, which drops that link on saving, from the text its Reply command
writes: 'Reply to Ana (05/12/26, 10:30): "the parent's text"' on a comment at the same place. Comments the
export wrote itself are recognised and left out; resolving one of them in Word is reported (`resolved`).
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from docx.oxml.parser import parse_xml
from pydantic import ValidationError

from export.anchor_table import AnchorTable, anchor_table_of
from export.docx_safety import DocxRefusedError, read_parts
from export.text import clean_text
from export.word_anchoring import BodyPlaces, Placement
from matrices.base import MAX_TEXT
from matrices.review import MATRIX_KEYS, Anchor, Comment

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
_P, _T, _TAB, _BR, _CR = (f"{{{W}}}{tag}" for tag in ("p", "t", "tab", "br", "cr"))
_COMMENT, _BODY = f"{{{W}}}comment", f"{{{W}}}body"
EARLIEST = datetime(1990, 1, 1, tzinfo=UTC)
"""Dates before this are taken as a writer's placeholder, not as when a comment was written."""
_SKEW = timedelta(days=2)
"""How far in the future a comment's date may be (a reviewer's clock, a time zone written wrongly)."""


class WordImportError(Exception):
    """A .docx could not be read, or was not exported by Policy Matrix; the message is one sentence."""

    def __init__(self, reason: str, path: Path | str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.path = Path(path) if path is not None else None


class UnreadableWordFileError(WordImportError):
    """The file is not a .docx that can be read (damaged, another format, encrypted, unreadable on disk)."""


class NotOurWordFileError(WordImportError):
    """The file is a readable .docx without the item anchors of a Policy Matrix export."""


Note = tuple[str, str]
"""Something the preview says about a comment: (kind, detail). Kinds: 'no-date' and 'bad-date' (the import
time is stored instead; detail: the date as written), 'no-author'."""


@dataclass(frozen=True)
class FoundComment:
    """A comment of the document, as it would be stored (on the whole proposal when it could not be placed)."""

    comment: Comment
    placed: bool
    reason: str | None = None
    """Why it could not be placed (see Placement.reason; 'unknown-anchor' for an anchor no item can have)."""
    notes: tuple[Note, ...] = ()


@dataclass(frozen=True)
class LeftOut:
    """A comment that cannot be stored: its author, its first words and why."""

    author: str
    excerpt: str
    reason: str
    """'too-long': its text or author is longer than a comment can hold (MAX_TEXT characters)."""


@dataclass(frozen=True)
class WordComments:
    """The comments read from a Word document, and which proposal it was exported from."""

    proposal_id: str | None
    found: list[FoundComment]
    skipped: int = 0
    """Comments the export itself wrote (they are already in the .pmx), left out."""
    resolved: tuple[str, ...] = ()
    """The ids of comments the export wrote that are resolved in the document."""
    left_out: tuple[LeftOut, ...] = ()

    @property
    def comments(self) -> list[Comment]:
        """Return the comments to add, in the document's order."""
        return [found.comment for found in self.found]


@dataclass(frozen=True)
class _Package:
    document: bytes
    comments: bytes | None
    extended: bytes | None
    custom: list[bytes] = field(default_factory=list)


@dataclass
class _Raw:
    word_id: str
    author: str
    date: str
    text: str
    para_id: str | None
    known: str | None = None
    parent: str | None = None


def import_word_comments(docx_path: Path | str) -> list[Comment]:
    """Return the comments added in Word to an exported .docx, each anchored on its (matrix, item, field)."""
    return read_word_comments(docx_path).comments


def read_word_comments(docx_path: Path | str, now: datetime | None = None) -> WordComments:
    """Read an exported .docx's comments, leaving out those the export wrote itself.

    now is the import time, stored for a comment without a usable date (default: the clock).
    """
    path = Path(docx_path)
    moment = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    package = _read_package(path)
    try:
        table = next(filter(None, (_anchor_table(xml) for xml in package.custom)), None)
        if table is None:
            raise NotOurWordFileError(
                "was not exported by this version of Policy Matrix (it has no item anchors); "
                "export the proposal again and comment on that copy",
                path,
            )
        body = _parse(package.document).find(_BODY)
        raws = _raw_comments(package.comments) if package.comments else []
        threads = _threads(package.extended) if package.extended else {}
    except SyntaxError as exc:  # lxml's XMLSyntaxError: a part that is not well-formed XML
        raise UnreadableWordFileError("could not be read as a Word document (.docx)", path) from exc
    if body is None:
        raise UnreadableWordFileError("could not be read as a Word document (.docx)", path)
    return _collect(table, BodyPlaces(body, table), raws, threads, moment)


def _collect(
    table: AnchorTable, places: BodyPlaces, raws: list[_Raw], threads: dict[str, tuple[str | None, bool]], now: datetime
) -> WordComments:
    exported: dict[tuple[str, str], list[str]] = {}
    for entry in table.exported:
        exported.setdefault((_normal(entry.author), _normal(entry.text)), []).append(entry.comment_id)
    by_para = {raw.para_id: raw for raw in raws if raw.para_id}
    resolved: list[str] = []
    skipped = 0
    kept: list[_Raw] = []
    left_out: list[LeftOut] = []
    for raw in raws:
        if not raw.text:
            continue
        ours = exported.get((_normal(raw.author), _normal(raw.text)))
        if ours:
            raw.known = ours.pop(0)
            skipped += 1
            if threads.get(raw.para_id or "", (None, False))[1]:
                resolved.append(raw.known)
            continue
        if len(raw.text) > MAX_TEXT or len(raw.author) > MAX_TEXT:
            left_out.append(LeftOut(raw.author[:80], raw.text[:80], "too-long"))
            continue
        kept.append(raw)
    _link_replies(raws, kept, by_para, threads, places)
    placements = {raw.word_id: places.place(raw.word_id) for raw in kept}
    ids = _new_ids(kept, placements)
    by_word = {raw.word_id: raw for raw in raws}
    found = []
    for raw in kept:
        parent = _root(raw, by_word)
        parent_id = None if parent is None else (parent.known or ids.get(parent.word_id))
        done = threads.get(raw.para_id or "", (None, False))[1]
        found.append(_found(raw, ids[raw.word_id], parent_id, done, placements[raw.word_id], now))
    return WordComments(table.proposal_id, found, skipped, tuple(resolved), tuple(left_out))


def _found(
    raw: _Raw, comment_id: str, parent_id: str | None, done: bool, placement: Placement, now: datetime
) -> FoundComment:
    notes: list[Note] = []
    created, problem = _date(raw.date, now)
    if problem is not None:
        notes.append((problem, raw.date))
    if not raw.author:
        notes.append(("no-author", ""))
    fields: dict[str, Any] = {
        "id": comment_id,
        "author": raw.author,
        "text": raw.text,
        "created_at": created or now,
        "parent_id": parent_id,
        "status": "resolved" if done else "open",
    }
    anchor, reason = _anchor(placement)
    if anchor is not None:
        try:
            comment = Comment(**fields, matrix=anchor[0], item_id=anchor[1], field=anchor[2])
            return FoundComment(comment, True, None, tuple(notes))
        except ValidationError:
            reason = "unknown-anchor"  # an anchor table edited by hand into ids no item can have
    return FoundComment(Comment(**fields), False, reason, tuple(notes))


def _anchor(placement: Placement) -> tuple[Anchor | None, str | None]:
    if placement.anchor is None:
        return None, placement.reason
    matrix, item, key = placement.anchor
    if matrix == "":
        return (None, None, None), None
    if matrix not in MATRIX_KEYS:
        return None, "unknown-anchor"
    return (matrix, item, key), None  # type: ignore[return-value]


def _date(raw: str, now: datetime) -> tuple[datetime | None, str | None]:
    """Return when a comment was written, or None and why its date cannot be used ('no-date', 'bad-date')."""
    text = raw.strip()
    # LibreOffice writes "0-00-00T00:00:00Z" for a comment it has no date for.
    if not text or text.lstrip("0-").startswith("T"):
        return None, "no-date"
    try:
        stamp = datetime.fromisoformat(text)
    except ValueError:
        return None, "bad-date"
    # A date without a zone is taken as UTC (Word writes its local time with a Z anyway).
    stamp = (stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)).astimezone(UTC).replace(microsecond=0)
    if not EARLIEST <= stamp <= now + _SKEW:
        return None, "bad-date"
    return stamp, None


def _new_ids(kept: Sequence[_Raw], placements: dict[str, Placement]) -> dict[str, str]:
    """Give each comment an id derived from itself: importing the same document twice yields the same ids."""
    ids: dict[str, str] = {}
    seen: dict[str, int] = {}
    for raw in kept:
        where = placements[raw.word_id]
        key = "\x1f".join((raw.author, raw.date.strip(), raw.text, repr(where.anchor)))
        digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]
        # Two identical comments at one place stay two comments.
        count = seen.get(digest, 0)
        seen[digest] = count + 1
        ids[raw.word_id] = f"word-{digest}" if count == 0 else f"word-{digest}-{count}"
    return ids


def _root(raw: _Raw, by_word: dict[str, _Raw]) -> _Raw | None:
    """Return the first comment of raw's thread, or None when raw starts one."""
    seen = {raw.word_id}
    root = None
    current = raw
    while current.parent is not None and current.parent in by_word and current.parent not in seen:
        seen.add(current.parent)
        current = by_word[current.parent]
        root = current
    return root


def _link_replies(
    raws: list[_Raw],
    kept: list[_Raw],
    by_para: dict[str, _Raw],
    threads: dict[str, tuple[str | None, bool]],
    places: BodyPlaces,
) -> None:
    """Set the parent of each reply: from commentsExtended, else (new comments) from LibreOffice's reply text."""
    for raw in raws:
        parent_para = threads.get(raw.para_id or "", (None, False))[0]
        parent = by_para.get(parent_para) if parent_para else None
        if parent is not None and parent is not raw:
            raw.parent = parent.word_id
    for raw in kept:
        if raw.parent is not None or '): "' not in raw.text.partition("\n")[0]:
            continue
        home = places.home(raw.word_id)
        for other in raws:
            if other is raw or not other.text or places.home(other.word_id) is not home:
                continue
            rest = _reply_text(raw.text, other)
            if rest is not None:
                raw.parent, raw.text = other.word_id, rest
                break


def _reply_text(text: str, parent: _Raw) -> str | None:
    """Return what a LibreOffice reply to parent says after its quoting line, or None if text is not one.

    LibreOffice's Reply writes '<Reply to> <author> (<date>, <time>): "<the parent's text>"' and a paragraph
    break before the answer, the first words in the interface's language (a comment written through its API
    with a line break in one string comes without the break).
    """
    if not parent.author:
        return None
    pattern = rf"[^\n]*{re.escape(parent.author)} \([^()\n]*\): \"{re.escape(parent.text)}\"\n?"
    match = re.match(pattern, text)
    if match is None:
        return None
    rest = text[match.end() :].strip()
    return rest or None


def _raw_comments(xml: bytes) -> list[_Raw]:
    root = _parse(xml)
    raws = []
    for element in root.iter(_COMMENT):
        paragraphs = list(element.iter(_P))
        text = "\n".join(_paragraph_text(p) for p in paragraphs).strip()
        para_id = paragraphs[-1].get(f"{{{W14}}}paraId") if paragraphs else None
        raws.append(
            _Raw(
                word_id=element.get(f"{{{W}}}id", ""),
                author=_normal(clean_text(element.get(f"{{{W}}}author", ""))),
                date=element.get(f"{{{W}}}date", ""),
                text=clean_text(text),
                para_id=para_id.upper() if para_id else None,
            )
        )
    return raws


def _paragraph_text(paragraph: Any) -> str:
    pieces = []
    for element in paragraph.iter(_T, _TAB, _BR, _CR):
        if element.tag == _T:
            pieces.append(element.text or "")
        else:
            pieces.append("\t" if element.tag == _TAB else "\n")
    return "".join(pieces)


def _threads(xml: bytes) -> dict[str, tuple[str | None, bool]]:
    """Return paraId -> (the parent's paraId, resolved) from commentsExtended.xml."""
    found: dict[str, tuple[str | None, bool]] = {}
    for element in _parse(xml).iter(f"{{{W15}}}commentEx"):
        para = element.get(f"{{{W15}}}paraId")
        if not para:
            continue
        parent = element.get(f"{{{W15}}}paraIdParent")
        done = element.get(f"{{{W15}}}done", "0").strip().lower() in ("1", "true", "on")
        found[para.upper()] = (parent.upper() if parent else None, done)
    return found


def _normal(text: str) -> str:
    return " ".join(text.split())


def _anchor_table(data: bytes) -> AnchorTable | None:
    try:
        return anchor_table_of(_parse(data))
    except SyntaxError:  # another program's custom part that is not XML
        return None


def _parse(data: bytes) -> Any:
    # python-docx's parser resolves no entities and loads no DTD: the file comes from someone else.
    return parse_xml(data)


# -- the package ----------------------------------------------------------------------------------------------

_RT_SUFFIXES = {"document": "/officeDocument", "comments": "/comments", "extended": "/commentsExtended"}


def _read_package(path: Path) -> _Package:
    """Read the parts the import needs through the one bounded reader of Word files from outside."""
    try:
        parts = read_parts(path)
    except DocxRefusedError as exc:
        raise UnreadableWordFileError(exc.reason, path) from exc
    read = parts.get
    try:
        top = _relationships(read, "_rels/.rels", "")
        main = next((target for kind, target in top if kind.endswith(_RT_SUFFIXES["document"])), None)
        if main is None:
            raise UnreadableWordFileError("could not be read as a Word document (.docx)", path)
        folder, name = posixpath.split(main)
        rels = _relationships(read, posixpath.join(folder, "_rels", f"{name}.rels"), folder)
    except SyntaxError as exc:
        raise UnreadableWordFileError("could not be read as a Word document (.docx)", path) from exc
    comments = next((t for kind, t in rels if kind.endswith(_RT_SUFFIXES["comments"])), None)
    extended = next((t for kind, t in rels if kind.endswith(_RT_SUFFIXES["extended"])), None)
    custom = [target for kind, target in rels if kind.endswith("/customXml")]
    return _Package(
        document=read(main) or b"",
        comments=read(comments) if comments else None,
        extended=read(extended) if extended else None,
        custom=[data for data in (read(target) for target in custom) if data],
    )


def _relationships(read: Callable[[str], bytes | None], name: str, folder: str) -> list[tuple[str, str]]:
    """Return (type, part name) of each internal relationship in the .rels part name."""
    data = read(name)
    if not data:
        return []
    found = []
    for element in _parse(data):
        if element.get("TargetMode") == "External":
            continue
        target, kind = element.get("Target", ""), element.get("Type", "")
        resolved = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        found.append((kind, posixpath.normpath(resolved)))
    return found
