"""Files are untrusted input: each kind of bad file is refused with a clear one-sentence DocumentError."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from storage.document import Document
from storage.errors import (
    CorruptDocumentError,
    DocumentError,
    ForeignDocumentError,
    NewerVersionError,
    NotADocumentError,
    UnexpectedSchemaError,
    UnreadableFileError,
    UnsupportedVersionError,
)
from storage.lock import lock_path_for
from tests.faults.conditions import shared_folder, unprivileged
from tests.storage.helpers import fingerprint, listing, tamper


def _folder(path: Path) -> None:
    path.unlink()
    path.mkdir()


def _random(path: Path) -> None:
    path.write_bytes(os.urandom(8192))


def _truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _garbled(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = 4096
    data[2 * page : 4 * page] = os.urandom(2 * page)
    path.write_bytes(bytes(data))


def _foreign(path: Path) -> None:
    path.unlink()
    tamper(path, "CREATE TABLE notes (x TEXT)", "INSERT INTO notes VALUES ('hola')")


def _wal(path: Path) -> None:
    tamper(path, "PRAGMA journal_mode=WAL")


BAD_FILES: dict[str, tuple[Callable[[Path], object], type[DocumentError], str]] = {
    "missing": (lambda p: p.unlink(), UnreadableFileError, "no such file"),
    "folder": (_folder, UnreadableFileError, "is a folder"),
    "empty": (lambda p: p.write_bytes(b""), NotADocumentError, "is empty"),
    "random bytes": (_random, NotADocumentError, "not an SQLite database"),
    "text renamed .pmx": (
        lambda p: p.write_text("Estimados facilitadores: adjunto mi propuesta.\n", encoding="utf-8"),
        NotADocumentError,
        "not an SQLite database",
    ),
    "header only": (lambda p: p.write_bytes(p.read_bytes()[:60]), CorruptDocumentError, "truncated"),
    "truncated": (_truncated, CorruptDocumentError, "damaged"),
    "garbled pages": (_garbled, CorruptDocumentError, "damaged"),
    "foreign sqlite": (_foreign, ForeignDocumentError, "another program"),
    "wrong application_id": (
        lambda p: tamper(p, "PRAGMA application_id = 1234"),
        ForeignDocumentError,
        "another program",
    ),
    "newer user_version": (lambda p: tamper(p, "PRAGMA user_version = 7"), NewerVersionError, "newer version"),
    "older version without migration": (
        lambda p: tamper(p, "PRAGMA user_version = 0"),
        UnsupportedVersionError,
        "cannot convert",
    ),
    "write-ahead log": (_wal, ForeignDocumentError, "write-ahead log"),
    "extra trigger": (
        lambda p: tamper(p, "CREATE TRIGGER t AFTER UPDATE ON causes BEGIN DELETE FROM actors; END"),
        UnexpectedSchemaError,
        "trigger ('t')",
    ),
    "extra view": (lambda p: tamper(p, "CREATE VIEW v AS SELECT * FROM causes"), UnexpectedSchemaError, "view ('v')"),
    "extra table": (lambda p: tamper(p, "CREATE TABLE extra (x)"), UnexpectedSchemaError, "table ('extra')"),
    "extra index": (lambda p: tamper(p, "CREATE INDEX i ON causes (level)"), UnexpectedSchemaError, "index ('i')"),
    "altered table": (
        lambda p: tamper(p, "ALTER TABLE causes ADD COLUMN extra TEXT"),
        UnexpectedSchemaError,
        "altered table ('causes')",
    ),
    "missing table": (lambda p: tamper(p, "DROP TABLE snapshots"), CorruptDocumentError, "missing"),
    "orphan row": (
        lambda p: tamper(
            p,
            "PRAGMA foreign_keys=OFF",
            "INSERT INTO lines_of_action (axis_pk, position, item_id, text) VALUES (999, 0, 'x', '')",
        ),
        CorruptDocumentError,
        "container is missing",
    ),
}


@pytest.mark.parametrize("read_only", [True, False], ids=["read-only", "read-write"])
@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_a_bad_file_is_refused_clearly_and_left_alone(example_pmx: Path, kind: str, read_only: bool) -> None:
    make, error, phrase = BAD_FILES[kind]
    make(example_pmx)
    before = fingerprint(example_pmx) if example_pmx.is_file() else None
    files = listing(example_pmx.parent)
    with pytest.raises(error) as caught:
        Document.open(example_pmx, read_only=read_only)
    message = str(caught.value)
    assert phrase in message
    assert "\n" not in message
    assert len(message) < 200
    for leak in ("sqlite3", "sqlalchemy", "Traceback", "(Background on this error"):
        assert leak.lower() not in message.lower()
    assert caught.value.path == example_pmx
    if before is not None:
        assert fingerprint(example_pmx) == before
    assert listing(example_pmx.parent) == files
    assert not lock_path_for(example_pmx).exists()


def _open_refusal(path: str) -> tuple[str, str]:
    """Open path read-only; return the refusal's type and message (run as an unprivileged user under root)."""
    try:
        Document.open(Path(path), read_only=True).close()
    except DocumentError as exc:
        return type(exc).__name__, str(exc)
    return "", "opened"


def test_an_unreadable_file_is_refused(example_pmx: Path) -> None:
    # Root reads every file: as root, the open runs in a child dropped to the unprivileged user.
    with shared_folder() as folder:
        path = folder / example_pmx.name
        shutil.copyfile(example_pmx, path)
        path.chmod(0)
        kind, message = unprivileged(_open_refusal, str(path))
    assert kind == "UnreadableFileError"
    assert "permission denied" in message


@pytest.mark.parametrize(
    ("statement", "phrase"),
    [
        ("UPDATE causes SET evidence_ids = '[not json' WHERE pk = 1", "cannot be read"),
        ("UPDATE causes SET item_id = 'has space' WHERE pk = 1", "problem_matrix.causes.0.id"),
        ("UPDATE actors SET interest = 'mucho' WHERE pk = 1", "actor_matrix.actors.0.interest"),
        ("UPDATE causes SET position = 'x' WHERE pk = 1", "cannot be put back together"),
    ],
)
def test_damaged_rows_are_refused_on_load(example_pmx: Path, statement: str, phrase: str) -> None:
    tamper(example_pmx, statement)
    with Document.open(example_pmx, read_only=True) as document, pytest.raises(CorruptDocumentError) as caught:
        document.load()
    assert phrase in str(caught.value)
    assert "\n" not in str(caught.value)


def test_two_proposal_rows_are_refused(example_pmx: Path) -> None:
    tamper(
        example_pmx,
        "CREATE TEMP TABLE t AS SELECT * FROM proposal",
        "UPDATE t SET pk = 2",
        "INSERT INTO proposal SELECT * FROM t",
    )
    with (
        Document.open(example_pmx, read_only=True) as document,
        pytest.raises(CorruptDocumentError, match="2 proposals"),
    ):
        document.load()


def test_a_damaged_comment_is_refused(example_pmx: Path) -> None:
    tamper(
        example_pmx,
        "INSERT INTO comments (position, item_id, author, role, created_at, text, status) "
        "VALUES (0, 'K1', '', 'boss', '2026-01-01T00:00:00Z', '', 'open')",
    )
    with Document.open(example_pmx, read_only=True) as document, pytest.raises(CorruptDocumentError, match="role"):
        document.load_comments()


def test_a_copy_of_a_good_file_opens(example_pmx: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copia.pmx"
    shutil.copyfile(example_pmx, copy)
    with Document.open(copy) as document:
        assert document.load().title


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX pipes")
def test_a_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.pmx"
    os.mkfifo(pipe)
    with pytest.raises(UnreadableFileError, match="not a regular file"):
        Document.open(pipe, read_only=True)
