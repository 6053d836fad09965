"""The dashboard's side of a Moodle download: its participants, reading their rows, their working copies.

The rows are read on the loader's thread with a reader of their own (the zip stays open for the whole job and is
closed by it); the interface thread uses another reader to make a working copy when the facilitator opens a
participant's proposal to comment on it. Nothing is ever written into the download itself.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from matrices.rules import Rulebook
from storage.moodle import Download, DownloadReader, Participant, make_working_copy, scan_download
from storage.summary import ReviewEntry, Stamp, file_stamp


class MoodleSource:
    """A download under review: scan_download's result and what the dashboard asks of it."""

    def __init__(self, source: Path, rulebook: Rulebook) -> None:
        self.source = source
        self._rulebook = rulebook
        self.download: Download = scan_download(source)  # ArchiveError when the zip is refused
        self._stamp = file_stamp(source)
        self._by_id = {p.participant_id: p for p in self.download.participants}

    @property
    def participants(self) -> list[Participant]:
        """Return the participants, in the download's order."""
        return self.download.participants

    def source_changed(self) -> bool:
        """Return True when the zip was replaced (a new download saved over it): everything must be read again."""
        return self.download.is_zip and file_stamp(self.source) != self._stamp

    def row_reader(self) -> tuple[Callable[[Participant], ReviewEntry], Callable[[], None]]:
        """Return (read one participant's row, close) for the loader's thread."""
        reader = DownloadReader(self.download, self._rulebook)
        return reader.entry, reader.close

    def changed(self, listed: dict[Path, Stamp | None]) -> tuple[set[Path], list[Participant]]:
        """Return the rows to drop and the participants to read again, given the rows listed and their stamps."""
        reader = DownloadReader(self.download, self._rulebook)
        current: dict[Path, Participant] = {}
        stale: list[Participant] = []
        for participant in self.participants:
            path = reader.row_path(participant)
            current[path] = participant
            if path not in listed or listed[path] != reader.stamp(participant):
                stale.append(participant)
        return set(listed) - set(current), stale

    def participant(self, entry: ReviewEntry) -> Participant | None:
        """Return the participant of a row."""
        return self._by_id.get(entry.submitter.participant_id) if entry.submitter is not None else None

    def working_copy(self, entry: ReviewEntry) -> Path:
        """Return the working copy of a row's proposal, making it on first use (DocumentError, OSError)."""
        participant = self.participant(entry)
        if participant is None:
            raise LookupError(entry.path)
        with DownloadReader(self.download, self._rulebook) as reader:
            return make_working_copy(self.download, participant, reader)

    def watched(self) -> tuple[list[Path], list[Path]]:
        """Return the folders and files whose changes refresh the table (the review folder and working copies)."""
        review = self.download.review_folder
        folders = [review.parent, review] if review.is_dir() else [review.parent]
        files = [self.source] if self.download.is_zip else []
        if review.is_dir():
            folders += [path for path in review.iterdir() if path.is_dir() and not path.is_symlink()]
            files += list(DownloadReader(self.download).copies().values())
        return folders, files
