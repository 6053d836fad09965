"""Helpers of the storage tests: a log of the SQL a document runs, and file fingerprints."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import event

from storage.document import Document


class StatementLog:
    """The SQL statements a document's engine ran while attached."""

    def __init__(self) -> None:
        self.statements: list[str] = []

    def attach(self, document: Document) -> StatementLog:
        event.listen(document.engine, "before_cursor_execute", self._record)
        return self

    def _record(self, _conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        self.statements.append(" ".join(statement.split()))

    def of(self, verb: str) -> list[str]:
        return [s for s in self.statements if s.upper().startswith(verb)]

    def writes(self) -> list[str]:
        """Return the writes to the content tables.

        Left out: the summary row of `meta`, which the first save after opening drops (the proposal changed
        since it was computed); tests/storage/test_summary.py checks those writes.
        """
        return [
            s for s in self.statements if s.upper().startswith(("INSERT", "UPDATE", "DELETE")) and not _is_meta_write(s)
        ]

    def clear(self) -> None:
        self.statements.clear()


def _is_meta_write(statement: str) -> bool:
    words = statement.replace('"', "").split()
    return len(words) > 2 and (words[1] == "meta" or words[2] == "meta")


def fingerprint(path: Path) -> tuple[bytes, int]:
    """Return what must not change when a file is only read: its bytes and its modification time."""
    return path.read_bytes(), path.stat().st_mtime_ns


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def tamper(path: Path, *statements: str) -> None:
    """Change a file behind the application's back, as another program would."""
    db = sqlite3.connect(path, isolation_level=None)
    try:
        for statement in statements:
            db.execute(statement)
    finally:
        db.close()


def scalar(path: Path, query: str) -> Any:
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return db.execute(query).fetchone()[0]
    finally:
        db.close()
