"""One writer per document: a second opener (same process or another) gets a read-only document."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from matrices.review import Comment
from storage.document import Document
from storage.errors import DocumentLockedError, ReadOnlyDocumentError
from storage.lock import DocumentLock, describe_holder, lock_path_for
from tests.faults.conditions import shared_folder, unprivileged
from tests.storage.helpers import fingerprint, listing

ROOT = Path(__file__).resolve().parents[2]

HOLDER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from storage.lock import DocumentLock
    lock = DocumentLock.acquire(Path(sys.argv[1]))
    print("locked", flush=True)
    sys.stdin.readline()
    """
)


@pytest.fixture
def holder_process(example_pmx: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the example's lock until it is killed."""
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(example_pmx)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "locked"
        yield process
    finally:
        process.kill()
        process.wait()


def assert_refuses_writes(document: Document, tmp_path: Path) -> None:
    proposal = document.load()
    proposal.title = "cambio"
    with pytest.raises(ReadOnlyDocumentError) as caught:
        document.save(proposal)
    assert "cannot be changed" in str(caught.value)
    with pytest.raises(ReadOnlyDocumentError):
        document.save_comments([Comment(text="x")])
    with pytest.raises(ReadOnlyDocumentError):
        document.create_snapshot("s", "manual")
    with pytest.raises(ReadOnlyDocumentError):
        document.save_as(tmp_path / "copia.pmx")
    assert not (tmp_path / "copia.pmx").exists()


def test_a_writer_holds_a_lock_file_that_close_removes(example_pmx: Path) -> None:
    lock_file = lock_path_for(example_pmx)
    with Document.open(example_pmx) as document:
        assert not document.read_only
        assert document.locked_by is None
        assert lock_file.exists()
        assert str(os.getpid()) in lock_file.read_text(encoding="utf-8")
    assert not lock_file.exists()


def test_a_second_document_in_the_same_process_is_read_only(example_pmx: Path, tmp_path: Path) -> None:
    with Document.open(example_pmx) as first, Document.open(example_pmx) as second:
        assert not first.read_only
        assert second.read_only
        assert second.locked_by is not None
        assert f"process {os.getpid()}" in second.locked_by
        assert "another Policy Matrix window" in (second.read_only_reason or "")
        assert second.load() == first.load()
        assert_refuses_writes(second, tmp_path)
    with Document.open(example_pmx) as third:
        assert not third.read_only


def test_the_reader_sees_what_the_writer_saved(example_pmx: Path) -> None:
    with Document.open(example_pmx) as writer, Document.open(example_pmx) as reader:
        proposal = writer.load()
        proposal.title = "Guardado por la primera ventana"
        writer.save(proposal)
        assert reader.load().title == "Guardado por la primera ventana"


def test_another_process_holding_the_lock_makes_us_read_only(
    example_pmx: Path, tmp_path: Path, holder_process: subprocess.Popen[str]
) -> None:
    with Document.open(example_pmx) as document:
        assert document.read_only
        assert document.locked_by is not None
        assert f"process {holder_process.pid}" in document.locked_by
        assert_refuses_writes(document, tmp_path)


def test_a_killed_holder_leaves_no_stale_lock(example_pmx: Path, holder_process: subprocess.Popen[str]) -> None:
    holder_process.kill()
    holder_process.wait()
    assert lock_path_for(example_pmx).exists()  # the file stays behind, its lock does not
    with Document.open(example_pmx) as document:
        assert not document.read_only


def test_creating_over_a_locked_name_is_refused(tmp_path: Path, example_es: object) -> None:
    path = tmp_path / "nuevo.pmx"
    lock = DocumentLock.acquire(path)
    try:
        with pytest.raises(DocumentLockedError):
            Document.create(path, example_es)  # type: ignore[arg-type]
        assert not path.exists()
    finally:
        lock.release()


def test_read_only_on_request_changes_nothing_at_all(example_pmx: Path, tmp_path: Path) -> None:
    before, files = fingerprint(example_pmx), listing(tmp_path)
    with Document.open(example_pmx, read_only=True) as document:
        assert document.read_only
        assert document.locked_by is None
        assert document.read_only_reason == "opened read-only on request"
        assert listing(tmp_path) == files  # not even a lock file
        document.load()
        document.load_comments()
        document.list_snapshots()
        assert_refuses_writes(document, tmp_path)
    assert fingerprint(example_pmx) == before
    assert listing(tmp_path) == files


def test_read_only_open_does_not_block_a_writer(example_pmx: Path) -> None:
    with Document.open(example_pmx, read_only=True) as reader, Document.open(example_pmx) as writer:
        assert reader.read_only
        assert not writer.read_only


def _open_state(path: str) -> tuple[bool, str]:
    """Open path for editing; return whether it came read-only and why (run unprivileged under root)."""
    with Document.open(Path(path)) as document:
        return document.read_only, document.read_only_reason or ""


def test_a_write_protected_file_opens_read_only(example_pmx: Path) -> None:
    # Root ignores file modes: as root, the open runs in a child dropped to the unprivileged user.
    with shared_folder() as folder:
        path = folder / example_pmx.name
        shutil.copyfile(example_pmx, path)
        path.chmod(0o444)
        read_only, reason = unprivileged(_open_state, str(path))
    assert read_only
    assert "write-protected" in reason


@pytest.mark.parametrize(
    ("content", "shown"),
    [
        (b'{"app": "Policy Matrix", "pid": 42, "host": "pc", "user": "ana"}', "Policy Matrix, ana@pc, process 42"),
        (b"garbage \xff", "another Policy Matrix window"),
        (b'{"app": "x\\ny", "pid": "1\\u0007"}', "xy, this computer, process 1"),
        (b"", "another Policy Matrix window"),
    ],
)
def test_the_holder_description_is_one_clean_line(content: bytes, shown: str) -> None:
    assert describe_holder(content) == shown
