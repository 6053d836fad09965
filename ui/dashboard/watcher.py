"""Following a reviewed folder: a file saved, added, renamed or removed refreshes the table, debounced.

Folders are watched for files appearing and disappearing, and each .pmx for changes in place. Saving a document
(or copying 30 files from a USB stick) fires many notifications; one rescan follows once they have settled.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from storage.filenames import is_text

SETTLE_MS = 500
"""Quiet time after the last notification before the folder is scanned again."""


class FolderWatcher(QObject):
    """Emits changed() once the watched folders and files have been quiet for SETTLE_MS."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None, settle_ms: int = SETTLE_MS) -> None:
        super().__init__(parent)
        self._watcher = QFileSystemWatcher(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(settle_ms)
        self._timer.timeout.connect(self.changed.emit)
        self._watcher.directoryChanged.connect(self._poke)
        self._watcher.fileChanged.connect(self._poke)

    def watch(self, folders: Iterable[Path], files: Iterable[Path]) -> None:
        """Watch exactly these folders and files (a file replaced by a rename needs watching again)."""
        # Qt cannot name a path that is not UTF-8 (it would watch a mangled name, and add it again every time):
        # such a file is seen through its folder's notifications only.
        wanted = {str(path) for path in (*folders, *files) if is_text(path)}
        current = set(self._watcher.directories()) | set(self._watcher.files())
        stale = sorted(current - wanted)
        if stale:
            self._watcher.removePaths(stale)
        # Re-adding a path still watched is a no-op; a replaced file dropped its watch and is added again.
        missing = sorted(wanted - set(self._watcher.directories()) - set(self._watcher.files()))
        if missing:
            self._watcher.addPaths(missing)

    def clear(self) -> None:
        """Stop watching anything."""
        self._timer.stop()
        paths = self._watcher.directories() + self._watcher.files()
        if paths:
            self._watcher.removePaths(paths)

    def watched(self) -> set[str]:
        """Return the watched paths (for tests and diagnostics)."""
        return set(self._watcher.directories()) | set(self._watcher.files())

    def _poke(self, _path: str) -> None:
        self._timer.start()
