"""Application preferences: one typed wrapper over QSettings, so keys and types live in one place."""

from __future__ import annotations

import json
import os
import urllib.parse
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QByteArray, QSettings

from matrices.localized import COURSE_LANGUAGE, Lang, languages
from storage.filenames import is_text

MAX_RECENT = 8
_BYTES_PREFIX = "bytes:"
"""Marks a stored path kept as its percent-quoted bytes; a stored path is absolute, so no real one starts so."""
Role = Literal["facilitator", "participant"]


class Settings:
    """Typed access to the preferences (language, recent files, reviewer identity, window state)."""

    def __init__(self, store: QSettings) -> None:
        self._store = store

    @property
    def language(self) -> Lang:
        """Return the interface language (the course's first unless the user chose another the data has)."""
        chosen = self._store.value("ui/language", COURSE_LANGUAGE, str)
        return chosen if chosen in languages() else COURSE_LANGUAGE

    @language.setter
    def language(self, value: Lang) -> None:
        self._store.setValue("ui/language", value)

    def recent_files(self) -> list[Path]:
        """Return the recently opened documents that still exist, newest first."""
        raw = self._store.value("files/recent", [], list) or []
        paths = [_restored(text) for text in raw if isinstance(text, str)]
        return [path for path in paths if path.exists()][:MAX_RECENT]

    def add_recent_file(self, path: Path, title: str | None = None) -> None:
        """Put path at the top of the recent files (with the proposal's title, when given)."""
        paths = [path.resolve()] + [p for p in self.recent_files() if p.resolve() != path.resolve()]
        self._store.setValue("files/recent", [_stored(p) for p in paths[:MAX_RECENT]])
        if title is not None:
            self.set_recent_title(path, title)

    def recent_titles(self) -> dict[Path, str]:
        """Return the title each recent file's proposal had when it was last open here."""
        try:
            raw = json.loads(str(self._store.value("files/recent_titles", "{}", str)))
        except ValueError:
            return {}  # a settings file edited by hand: the titles come back as the files are opened
        if not isinstance(raw, dict):
            return {}
        kept = {_stored(path): path for path in self.recent_files()}
        return {kept[k]: v for k, v in raw.items() if k in kept and isinstance(v, str)}

    def set_recent_title(self, path: Path, title: str) -> None:
        """Remember the title of a recent file's proposal (the start screen lists proposals by title)."""
        titles = {_stored(k): v for k, v in self.recent_titles().items()}
        titles[_stored(path.resolve())] = title
        self._store.setValue("files/recent_titles", json.dumps(titles, ensure_ascii=False))

    @property
    def author_name(self) -> str:
        """Return the name signed on review comments."""
        return str(self._store.value("review/author", "", str))

    @author_name.setter
    def author_name(self, value: str) -> None:
        self._store.setValue("review/author", value)

    @property
    def author_role(self) -> Role:
        """Return whether comments are signed as a facilitator or as a participant (participant until chosen)."""
        return "facilitator" if self._store.value("review/role", "participant", str) == "facilitator" else "participant"

    @author_role.setter
    def author_role(self, value: Role) -> None:
        self._store.setValue("review/role", value)

    def window_state(self) -> tuple[QByteArray | None, QByteArray | None]:
        """Return the saved (geometry, state) of the main window."""
        geometry = self._store.value("window/geometry")
        state = self._store.value("window/state")
        return (
            geometry if isinstance(geometry, QByteArray) else None,
            state if isinstance(state, QByteArray) else None,
        )

    def save_window_state(self, geometry: QByteArray, state: QByteArray) -> None:
        """Remember the main window's geometry and dock state."""
        self._store.setValue("window/geometry", geometry)
        self._store.setValue("window/state", state)

    def sync(self) -> None:
        """Write pending changes to disk."""
        self._store.sync()


def _stored(path: Path) -> str:
    """Return path as settings text; a name that is not UTF-8 (Qt would drop its bytes) is kept as its bytes."""
    return str(path) if is_text(path) else _BYTES_PREFIX + urllib.parse.quote(os.fsencode(path))


def _restored(text: str) -> Path:
    """Return the path _stored() wrote as text."""
    if text.startswith(_BYTES_PREFIX):
        return Path(os.fsdecode(urllib.parse.unquote_to_bytes(text.removeprefix(_BYTES_PREFIX))))
    return Path(text)
