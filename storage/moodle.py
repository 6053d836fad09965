"""A Moodle assignment's submissions download (the zip, or the folder it was unpacked into): who sent what.

    download = scan_download(path)                    # participants and their files (a zip's directory only)
    with DownloadReader(download) as reader:
        entry = reader.entry(participant)            # ReviewEntry: the proposal's summary, its error, or neither
        data = reader.read(participant.files[0])     # a submitted file's bytes, bounded, never unpacked
    copy = make_working_copy(download, participant, reader)   # the facilitator's copy, where comments go

Moodle names each participant's folder (or, without folders, each file) "Full Name_ID_assignsubmission_file"
(with a trailing "_" before Moodle 4.1); ID is the participant id, the key everything here goes by. The
submitted files are never changed: the facilitator comments on a working copy kept in the review folder beside
the download (`NAME-review/Full Name_ID/proposal.pmx`), found again by the id after its last "_". A participant
is "reviewed" when that copy holds comments. The conventions and where they come from: docs/moodle.md.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath
from types import TracebackType
from typing import Literal, Self

from matrices.localized import MESSAGE_LANGUAGE, Lang, LocalizedText
from matrices.proposal import Proposal
from matrices.review import Comment
from matrices.rules import Rulebook
from storage.atomic import write_atomic
from storage.document import Document
from storage.errors import DocumentError, MemberError, UnreadableFileError
from storage.interchange import parse_interchange
from storage.moodle_zip import MAX_MEMBER_BYTES, BoundedZip, Member
from storage.opening import checked_reader
from storage.sidefiles import check_target_side_files
from storage.summary import (
    ReviewEntry,
    Stamp,
    SubmissionStatus,
    Submitter,
    file_stamp,
    is_document,
    read_entry,
    read_image_summary,
)
from storage.texts import moodle_words, texts

PLUGIN_TYPES = ("assignsubmission", "assignfeedback")
"""The first half of the plugin part of a name; Moodle's importer accepts a name only with a plugin it has."""
SUBMISSION_FOLDER = "assignsubmission_file"
PROPOSAL_SUFFIXES = (".pmx", ".json")
WORD_SUFFIXES = (".docx", ".doc", ".odt")
REVIEW_SUFFIX = "-review"

_WINDOWS_FORBIDDEN = re.compile(r'[<>:"|?*\\/\x00-\x1f]')


@dataclass(frozen=True)
class NamePart:
    """What one part of a path says under Moodle's naming: who, and what follows the plugin."""

    name: str
    participant_id: int
    rest: str
    """What follows "assignsubmission_file_": a file's name in a download without folders, else ""."""


def parse_part(part: str) -> NamePart | None:
    """Read "Full Name_ID_plugintype_pluginname[_rest]" as Moodle's importer does; None when it is not one."""
    pieces = part.split("_", 4)
    if len(pieces) < 4 or pieces[2] not in PLUGIN_TYPES or not pieces[3]:
        return None
    if not (pieces[1].isascii() and pieces[1].isdigit()):
        return None
    return NamePart(pieces[0], int(pieces[1]), pieces[4] if len(pieces) == 5 else "")


def locate(path: str) -> tuple[NamePart, str] | None:
    """Return whose a file of the download is and its name inside their submission, or None (nobody's)."""
    parts = path.split("/")
    for at, part in enumerate(parts):
        found = parse_part(part)
        if found is not None:
            inner = [found.rest, *parts[at + 1 :]] if found.rest else parts[at + 1 :]
            return found, "/".join(inner)
    return None


def ignored(path: str) -> bool:
    """Return True for what Moodle's importer and unpacking tools leave out: hidden files, macOS forks, locks."""
    parts = path.split("/")
    hidden = any((part.startswith(".") and part not in (".", "..")) or part == "__MACOSX" for part in parts)
    return hidden or parts[-1].startswith("~")


def safe_file_name(text: str, limit: int = 120) -> str:
    """Return text usable as one file or folder name on Windows, macOS and Linux (never empty)."""
    cleaned = _WINDOWS_FORBIDDEN.sub(" ", text).strip(" .")[:limit].strip(" .")
    return cleaned or "_"


def sent_text(status: SubmissionStatus) -> LocalizedText:
    """Return what a participant's row says they sent (proposal, several, word_only, nothing)."""
    return texts().text(f"sent.{status}")


def is_blind(name: str) -> bool:
    """Return True when name is Moodle's word for "participant" in any language: blind marking hid the name."""
    return any(name == word for _, word in moodle_words().text("participant").items())


def participant_label(name: str, participant_id: int, lang: Lang) -> str:
    """Return a participant's name as shown: under blind marking, "Participante 12" or "Participant 12"."""
    return f"{moodle_words().text('participant').get(lang)} {participant_id}" if is_blind(name) else name


@dataclass(frozen=True)
class SubmittedFile:
    """One file a participant sent: where it is in the download, and its name in their submission."""

    key: str
    """The member's name in the zip, or the path relative to the unpacked folder."""
    name: str
    size: int
    problem: str | None = None
    modified: datetime | None = None

    @property
    def kind(self) -> Literal["proposal", "word", "other"]:
        """Return whether this is a proposal, a Word file or anything else (by its name's suffix)."""
        suffix = PurePosixPath(self.name).suffix.lower()
        return "proposal" if suffix in PROPOSAL_SUFFIXES else "word" if suffix in WORD_SUFFIXES else "other"


@dataclass
class Participant:
    """One participant of the download and the files they sent."""

    participant_id: int
    name: str
    prefix: str
    """ "Full Name_ID" as the download spells it: the start of every name Moodle gives their files."""
    files: list[SubmittedFile] = field(default_factory=list)

    @property
    def blind(self) -> bool:
        """Return True under blind marking (Moodle replaced the name by the word for "participant")."""
        return is_blind(self.name)

    def shown_name(self, lang: Lang) -> str:
        """Return the name to show: under blind marking, "Participante 12" or "Participant 12"."""
        return participant_label(self.name, self.participant_id, lang)

    def proposal(self) -> SubmittedFile | None:
        """Return the one proposal to review: the only readable one, or the only one (refused, to say why)."""
        proposals = [f for f in self.files if f.kind == "proposal"]
        readable = [f for f in proposals if f.problem is None]
        if len(readable) == 1:
            return readable[0]
        return proposals[0] if proposals and not readable else None

    @property
    def status(self) -> SubmissionStatus:
        """Return what the participant sent (sent_text says it in words)."""
        if self.proposal() is not None:
            return "proposal"
        if any(f.kind == "proposal" for f in self.files):
            return "several"
        return "word_only" if any(f.kind == "word" for f in self.files) else "nothing"


@dataclass
class Download:
    """A submissions download: its participants (by name, then id) and the files that belong to nobody."""

    source: Path
    is_zip: bool
    participants: list[Participant]
    unmatched: list[SubmittedFile]

    @property
    def review_folder(self) -> Path:
        """Return the folder beside the download where the facilitator's working copies live."""
        name = self.source.stem if self.is_zip else self.source.name
        return self.source.with_name(name + REVIEW_SUFFIX)


def _gather(files: list[tuple[str, int, str | None, datetime | None]], source: Path, is_zip: bool) -> Download:
    """Group (path, size, problem, modified) of every file of a download by participant."""
    participants: dict[int, Participant] = {}
    unmatched: list[SubmittedFile] = []
    for path, size, problem, modified in files:
        if ignored(path):
            continue
        found = locate(path)
        if found is None or not found[1]:
            unmatched.append(SubmittedFile(path, path, size, problem, modified))
            continue
        part, inner = found
        who = participants.setdefault(
            part.participant_id, Participant(part.participant_id, part.name, f"{part.name}_{part.participant_id}")
        )
        who.files.append(SubmittedFile(path, inner, size, problem, modified))
    for participant in participants.values():
        participant.files.sort(key=lambda f: f.name.casefold())  # a folder lists its files in any order
    ordered = sorted(participants.values(), key=lambda p: (p.name.casefold(), p.participant_id))
    return Download(source, is_zip, ordered, unmatched)


def _zip_time(member: Member) -> datetime | None:
    with contextlib.suppress(ValueError):
        return datetime(*member.info.date_time).astimezone()
    return None


def scan_zip(path: Path) -> Download:
    """List the participants of a downloaded zip from its directory alone (ArchiveError when it is refused)."""
    with BoundedZip.open(path) as archive:
        files = [(m.name, m.size, m.problem, _zip_time(m)) for m in archive.members]
    return _gather(files, path, is_zip=True)


def _disk_problem(entry: os.DirEntry[str]) -> str | None:
    if entry.is_symlink():
        return "a symbolic link"  # it could point anywhere, the facilitator's own documents included
    return None if entry.is_file(follow_symlinks=False) else "not a regular file"


def scan_folder(folder: Path) -> Download:
    """List the participants of an unpacked download (links are listed as refused, never followed)."""
    files: list[tuple[str, int, str | None, datetime | None]] = []
    pending = [folder]
    while pending:
        with os.scandir(pending.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    pending.append(Path(entry.path))
                    continue
                info = entry.stat(follow_symlinks=False)
                relative = Path(entry.path).relative_to(folder).as_posix()
                files.append((relative, info.st_size, _disk_problem(entry), datetime.fromtimestamp(info.st_mtime)))
    return _gather(files, folder, is_zip=False)


def is_moodle_folder(folder: Path) -> bool:
    """Return True when a name directly inside folder follows Moodle's naming of a participant's submission."""
    try:
        with os.scandir(folder) as entries:
            return any(parse_part(entry.name) is not None for entry in entries)
    except OSError:
        return False


def is_download(path: Path) -> bool:
    """Return True for a Moodle download: a .zip file, or a folder holding Moodle-named submissions."""
    if path.suffix.lower() == ".zip" and not path.is_dir():
        return True
    return path.is_dir() and is_moodle_folder(path)


def scan_download(path: Path) -> Download:
    """List the participants of a download, a zip or an unpacked folder."""
    return scan_folder(path) if path.is_dir() else scan_zip(path)


def working_copies(review_folder: Path) -> dict[int, Path]:
    """Return each participant's working copy in the review folder, by the id ending its folder's name."""
    found: dict[int, Path] = {}
    try:
        with os.scandir(review_folder) as folders:
            for entry in folders:
                head, _, tail = entry.name.rpartition("_")
                if not (head and tail.isascii() and tail.isdigit() and entry.is_dir(follow_symlinks=False)):
                    continue
                with os.scandir(entry.path) as files:
                    copies = [f.path for f in files if is_document(f.name)]  # not the copy kept by a migration
                if len(copies) == 1:
                    found[int(tail)] = Path(copies[0])
    except OSError:
        pass
    return found


def working_copy_path(download: Download, participant: Participant) -> Path:
    """Return where the participant's working copy lives (or will), named after the download's own names."""
    proposal = participant.proposal()
    stem = PurePosixPath(proposal.name).stem if proposal is not None else "propuesta"
    folder = safe_file_name(participant.prefix.rpartition("_")[0]) + f"_{participant.participant_id}"
    return download.review_folder / folder / (safe_file_name(stem) + ".pmx")


class DownloadReader:
    """Reads the files of a download (a zip stays open while the reader is): bounded, in memory."""

    def __init__(self, download: Download, rulebook: Rulebook | None = None) -> None:
        self.download = download
        self._rulebook = rulebook
        self._archive: BoundedZip | None = None
        self._members: dict[str, Member] = {}
        self._copies = working_copies(download.review_folder)

    def refresh(self) -> None:
        """Look at the review folder again (a working copy was made)."""
        self._copies = working_copies(self.download.review_folder)

    def working_copy(self, participant: Participant) -> Path | None:
        """Return the participant's working copy, if one was made."""
        return self._copies.get(participant.participant_id)

    def read(self, file: SubmittedFile) -> bytes:
        """Return a submitted file's bytes; MemberError (or UnreadableFileError) when refused or unreadable."""
        if file.problem is not None:
            raise MemberError(f"is refused: {file.problem}", file.key)
        if not self.download.is_zip:
            return _read_disk(self.download.source / file.key)
        if self._archive is None:
            self._archive = BoundedZip.open(self.download.source)
            self._members = {member.name: member for member in self._archive.members}
        return self._archive.read(self._members[file.key])

    def load(self, participant: Participant) -> tuple[Proposal, list[Comment], Path | None]:
        """Return the proposal to give feedback on, its comments, and the working copy it came from (if any)."""
        copy = self.working_copy(participant)
        if copy is not None:
            with Document.open(copy, read_only=True) as document:
                return document.load(), document.load_comments(), copy
        proposal, comments = self.submitted(participant)
        return proposal, comments, None

    def submitted(self, participant: Participant) -> tuple[Proposal, list[Comment]]:
        """Return the submitted proposal and its comments, read and checked in memory."""
        file = participant.proposal()
        if file is None:
            raise DocumentError(sent_text(participant.status).get(MESSAGE_LANGUAGE).lower(), participant.prefix)
        data = self.read(file)
        name = Path(file.key)
        if name.suffix.lower() == ".json":
            try:
                parsed = parse_interchange(data)
            except DocumentError as exc:
                exc.path = exc.path or name
                raise
            return parsed.proposal, list(parsed.comments)
        with Document.open_image(data, name) as document:
            return document.load(), document.load_comments()

    def copies(self) -> dict[int, Path]:
        """Return every working copy found in the review folder, by participant id."""
        return dict(self._copies)

    def row_path(self, participant: Participant) -> Path:
        """Return the path a participant's row goes by: the working copy (made or to be made), else their folder."""
        copy = self.working_copy(participant)
        if copy is not None:
            return copy
        target = working_copy_path(self.download, participant)
        return target if participant.status == "proposal" else target.parent

    def stamp(self, participant: Participant) -> Stamp | None:
        """Return what tells that the participant's row changed: their working copy's stamp, else the source's."""
        copy = self.working_copy(participant)
        if copy is not None:
            return file_stamp(copy)
        file = participant.proposal()
        if self.download.is_zip or file is None:
            return file_stamp(self.download.source)
        return file_stamp(self.download.source / file.key)

    def entry(self, participant: Participant) -> ReviewEntry:
        """Return the participant's row: the working copy's summary, else the submitted proposal's, else a note."""
        status = participant.status
        files = ", ".join(f.name for f in participant.files)
        target = self.row_path(participant)
        copy = self.working_copy(participant)
        file = participant.proposal()
        stamp = self.stamp(participant)
        if status != "proposal" or file is None:
            submitter = Submitter(participant.participant_id, participant.name, files, status)
            return ReviewEntry(target, None, None, stamp, submitter)
        if copy is not None:
            entry = read_entry(copy, self._rulebook)
            summary = entry.summary
            reviewed = summary is not None and summary.comments_open + summary.comments_resolved > 0
            submitter = Submitter(participant.participant_id, participant.name, files, status, reviewed)
            return ReviewEntry(copy, summary, entry.error, entry.stamp, submitter)
        submitter = Submitter(participant.participant_id, participant.name, files, status)
        try:
            summary = read_image_summary(self.read(file), Path(file.key), self._rulebook)
        except DocumentError as exc:
            return ReviewEntry(target, None, _reason(exc, file), stamp, submitter)
        except Exception as exc:  # one strange file must not stop the review of the other 299
            reason = f"{file.name}: could not be summarized (internal error: {type(exc).__name__})"
            return ReviewEntry(target, None, reason, stamp, submitter)
        return ReviewEntry(target, summary.model_copy(update={"last_modified": file.modified}), None, stamp, submitter)

    def close(self) -> None:
        """Close the zip, if it was opened."""
        if self._archive is not None:
            self._archive.close()
            self._archive = None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()


def _reason(exc: DocumentError, file: SubmittedFile) -> str:
    """Return an error's one line naming the participant's file (a zip member's name means more than a path)."""
    return f"{file.name}: {exc}"


def _read_disk(path: Path) -> bytes:
    """Read a file of an unpacked download: a regular file (never a link) of at most MAX_MEMBER_BYTES."""
    try:
        info = os.lstat(path)
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFileError("is not a regular file", path)
        if info.st_size > MAX_MEMBER_BYTES:
            raise UnreadableFileError(f"is too large to read ({info.st_size // 1_048_576} MB)", path)
        with open(path, "rb") as stream:
            data = stream.read(MAX_MEMBER_BYTES + 1)
    except OSError as exc:
        raise UnreadableFileError(f"cannot be read ({exc.strerror or 'input/output error'})", path) from exc
    if len(data) > MAX_MEMBER_BYTES:
        raise UnreadableFileError("grew while it was read", path)
    return data


def make_working_copy(download: Download, participant: Participant, reader: DownloadReader) -> Path:
    """Return the participant's working copy, making it first from the submitted proposal (checked like any file).

    A .pmx is copied as sent (its snapshots and earlier comments included) once it has passed every check of
    opening; a .json proposal becomes a new .pmx. The submitted file itself is never changed.
    """
    existing = reader.working_copy(participant)
    if existing is not None:
        return existing
    file = participant.proposal()
    if file is None:
        raise DocumentError(sent_text(participant.status).get(MESSAGE_LANGUAGE).lower(), participant.prefix)
    target = working_copy_path(download, participant)
    proposal, comments = reader.submitted(participant)  # the bytes pass every check before they are written
    target.parent.mkdir(parents=True, exist_ok=True)
    if file.name.lower().endswith(".pmx"):
        check_target_side_files(target)  # a journal or log left beside that name would be applied to the copy
        write_atomic(target, reader.read(file))
    else:
        Document.create(target, proposal, comments).close()
    reader.refresh()
    return target


def document_image(path: Path) -> bytes:
    """Return a .pmx as bytes, read consistently (an editor may be saving it) and checked like any opening."""
    with checked_reader(path) as raw:
        if raw is not None:
            raw.execute("BEGIN")
            try:
                return bytes(raw.serialize())
            finally:
                raw.execute("COMMIT")
    # An older format: what is given back is the proposal in the current one (its snapshots stay in the original).
    with Document.open(path, read_only=True) as document:
        proposal, comments = document.load(), document.load_comments()
    with tempfile.TemporaryDirectory(prefix="policy-matrix-") as temp:
        copy = Path(temp) / path.name
        Document.create(copy, proposal, comments).close()
        return copy.read_bytes()
