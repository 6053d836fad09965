"""Files beside a document are never trusted: its lock file, its journal, a write-ahead log, a second name.

The hostile-file suite (tests/faults/test_hostile_files.py) runs the planted side files through every command
and the GUI; these tests cover what it cannot: documents being created or saved as, a lock left by a killed
holder, a genuine hot journal of a killed writer, and a document reached through a link or a second name.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

import main
from matrices.proposal import Proposal
from storage.document import Document
from storage.errors import DocumentError, LinkedDocumentError, NameTooLongError, UntrustedSideFileError
from storage.lock import lock_path_for
from storage.opening import checked_reader
from storage.summary import read_summary
from tests.data.make_bad_files import VICTIM, hot_journal, side_path
from tests.storage.helpers import fingerprint, listing

ROOT = Path(__file__).resolve().parents[2]
needs_posix = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="links and pipes as POSIX makes them")

KILLED_WRITER = textwrap.dedent(
    """
    import os, signal, sqlite3, sys
    db = sqlite3.connect(sys.argv[1], isolation_level=None)
    db.execute("PRAGMA journal_mode=DELETE")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("PRAGMA cache_size=2")  # so that the transaction spills pages into the file before its commit
    db.execute("BEGIN")
    db.execute("UPDATE proposal SET title = 'Cambio a medias'")
    db.execute("INSERT INTO snapshots (name, created_at, reason, proposal_json) VALUES ('x', 'x', 'x', ?)",
               ("x" * 200_000,))
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


def victim_in(folder: Path) -> Path:
    victim = folder / VICTIM
    victim.write_text("no tocar", encoding="utf-8")
    return victim


LOCKS: dict[str, Callable[[Path, Path], object]] = {
    "a link to another file": lambda lock, victim: lock.symlink_to(victim),
    "a dangling link": lambda lock, _victim: lock.symlink_to(lock.with_name("creado.txt")),
    "a hard link to another file": lambda lock, victim: os.link(victim, lock),
    "a folder": lambda lock, _victim: lock.mkdir(),
    "a pipe": lambda lock, _victim: os.mkfifo(lock),
    "a large file of another program": lambda lock, _victim: lock.write_bytes(b"x" * 100_000),
    "a stale lock of another user": lambda lock, _victim: lock.write_text('{"app": "Policy Matrix"}'),
}


def other_user(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every file this test made look like another user's."""
    uid = os.geteuid()
    monkeypatch.setattr(os, "geteuid", lambda: uid + 1)


def folder_entries(folder: Path) -> dict[str, tuple[object, ...]]:
    entries = {}
    for path in folder.iterdir():
        info = path.lstat()
        content = path.read_bytes() if path.is_file() and not path.is_symlink() else None
        entries[path.name] = (info.st_mode, info.st_nlink, content, os.readlink(path) if path.is_symlink() else None)
    return entries


@needs_posix
@pytest.mark.parametrize("kind", list(LOCKS))
def test_a_lock_file_not_ours_opens_read_only_and_is_left_alone(
    kind: str, example_pmx: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    LOCKS[kind](lock_path_for(example_pmx), victim_in(example_pmx.parent))
    if "another user" in kind:
        other_user(monkeypatch)
    before = folder_entries(example_pmx.parent)
    with Document.open(example_pmx) as document:
        assert document.read_only
        assert isinstance(document.read_only_problem, UntrustedSideFileError)
        assert document.read_only_problem.side == lock_path_for(example_pmx)
        assert "its lock file (propuesta.pmx.lock) was not made by Policy Matrix" in (document.read_only_reason or "")
        assert document.load().title
    assert folder_entries(example_pmx.parent) == before


@needs_posix
@pytest.mark.parametrize("kind", list(LOCKS))
def test_a_lock_file_not_ours_refuses_creating_and_converting(
    kind: str, tmp_path: Path, example_pmx: Path, example_es: Proposal, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "salida.pmx"
    LOCKS[kind](lock_path_for(target), victim_in(tmp_path))
    if "another user" in kind:
        other_user(monkeypatch)
    before = folder_entries(tmp_path)
    with pytest.raises(UntrustedSideFileError, match=r"\(salida\.pmx\.lock\)"):
        Document.create(target, example_es)
    with Document.open(example_pmx) as document, pytest.raises(UntrustedSideFileError):
        document.save_as(target)
    assert main.run(["convert", str(example_pmx), str(target)]) == main.EXIT_BAD_INPUT
    assert folder_entries(tmp_path) == before


def test_a_lock_left_by_a_killed_holder_is_replaced_then_removed(example_pmx: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys; from storage.document import Document; "
         "d = Document.open(sys.argv[1]); print(d.read_only, flush=True); sys.stdin.readline()", str(example_pmx)],
        cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "False"
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    assert listing(example_pmx.parent) == ["propuesta.pmx", "propuesta.pmx.lock"]
    with Document.open(example_pmx) as document:
        assert not document.read_only
        assert str(os.getpid()) in lock_path_for(example_pmx).read_text(encoding="utf-8")
    assert listing(example_pmx.parent) == ["propuesta.pmx"]


def kill_a_writer(document: Path) -> bytes:
    """Kill a process in the middle of a transaction on document; return the hot journal it left."""
    subprocess.run([sys.executable, "-c", KILLED_WRITER, str(document)], check=False)
    journal = side_path(document, "-journal").read_bytes()
    assert journal[:1] != b"\x00", "the writer died before its journal was hot: the test proves nothing"
    return journal


def test_a_hot_journal_of_a_killed_writer_is_read_through_a_private_copy(example_pmx: Path) -> None:
    title = Document.open(example_pmx, read_only=True).load().title
    journal = kill_a_writer(example_pmx)
    before, files = fingerprint(example_pmx), listing(example_pmx.parent)
    with Document.open(example_pmx, read_only=True) as document:
        assert document.load().title == title
    with checked_reader(example_pmx) as raw:
        assert raw is not None
    assert read_summary(example_pmx) is not None
    assert fingerprint(example_pmx) == before
    assert listing(example_pmx.parent) == files
    assert side_path(example_pmx, "-journal").read_bytes() == journal


def test_a_hot_journal_of_a_killed_writer_is_rolled_back_by_the_next_writer(example_pmx: Path) -> None:
    title = Document.open(example_pmx, read_only=True).load().title
    kill_a_writer(example_pmx)
    with Document.open(example_pmx) as document:
        assert not document.read_only
        assert document.load().title == title
    assert listing(example_pmx.parent) == ["propuesta.pmx"]


@pytest.mark.parametrize("read_only", [True, False], ids=["read-only", "read-write"])
def test_a_journal_that_would_cut_the_document_short_is_refused(example_pmx: Path, read_only: bool) -> None:
    journal = side_path(example_pmx, "-journal")
    journal.write_bytes(hot_journal(example_pmx, original_pages=3))
    before, files = fingerprint(example_pmx), listing(example_pmx.parent)
    with pytest.raises(UntrustedSideFileError, match="rolling it back would leave a document"):
        Document.open(example_pmx, read_only=read_only)
    assert fingerprint(example_pmx) == before
    assert listing(example_pmx.parent) == files


@pytest.mark.parametrize("read_only", [True, False], ids=["read-only", "read-write"])
def test_a_journal_naming_a_super_journal_deletes_nothing(example_pmx: Path, tmp_path: Path, read_only: bool) -> None:
    folder = tmp_path / "otra-carpeta"
    folder.mkdir()
    victim = victim_in(folder)
    side_path(example_pmx, "-journal").write_bytes(hot_journal(example_pmx, super_journal=str(victim)))
    before = fingerprint(example_pmx)
    with pytest.raises(UntrustedSideFileError, match="names another file for SQLite to delete"):
        Document.open(example_pmx, read_only=read_only)
    assert victim.read_text(encoding="utf-8") == "no tocar"
    assert fingerprint(example_pmx) == before


def test_a_new_file_is_never_placed_where_a_journal_would_be_rolled_into_it(
    example_pmx: Path, tmp_path: Path, example_es: Proposal
) -> None:
    target = tmp_path / "nueva.pmx"
    kill_a_writer(example_pmx)
    journal = side_path(example_pmx, "-journal")
    os.replace(journal, side_path(target, "-journal"))  # a journal left by an earlier file of that name
    files = listing(tmp_path)
    with pytest.raises(UntrustedSideFileError, match=r"\(nueva\.pmx-journal\)"):
        Document.create(target, example_es)
    with Document.open(example_pmx) as document, pytest.raises(UntrustedSideFileError):
        document.save_as(target)
    assert main.run(["convert", str(example_pmx), str(target)]) == main.EXIT_BAD_INPUT
    assert listing(tmp_path) == files


def test_a_write_ahead_log_beside_a_new_file_is_refused(tmp_path: Path, example_es: Proposal) -> None:
    target = tmp_path / "nueva.pmx"
    side_path(target, "-wal").write_bytes(b"")
    with pytest.raises(UntrustedSideFileError, match=r"\(nueva\.pmx-wal\)"):
        Document.create(target, example_es)
    assert listing(tmp_path) == ["nueva.pmx-wal"]


@needs_posix
def test_a_document_reached_through_a_link_shares_the_real_file_lock(example_pmx: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "otra-carpeta"
    elsewhere.mkdir()
    link = elsewhere / "enlace.pmx"
    link.symlink_to(example_pmx)
    with Document.open(link) as through_link, Document.open(example_pmx) as directly:
        assert not through_link.read_only
        assert directly.read_only  # one document, one lock: beside the real file, where SQLite keeps the journal
        assert listing(elsewhere) == ["enlace.pmx"]
        assert lock_path_for(example_pmx).exists()


def test_a_document_with_a_second_name_opens_read_only(example_pmx: Path) -> None:
    os.link(example_pmx, example_pmx.with_name("otro-nombre.pmx"))
    with Document.open(example_pmx) as document:
        assert document.read_only
        assert isinstance(document.read_only_problem, LinkedDocumentError)
        assert "other names" in (document.read_only_reason or "")
        assert document.load().title
    assert listing(example_pmx.parent) == ["otro-nombre.pmx", "propuesta.pmx"]


@needs_posix
def test_a_stray_shared_memory_file_is_never_opened(example_pmx: Path, tmp_path: Path) -> None:
    shm = side_path(example_pmx, "-shm")
    os.mkfifo(shm)  # opening it would block: SQLite reads a -shm only in write-ahead mode, which is refused
    with Document.open(example_pmx) as document:
        assert not document.read_only
        proposal = document.load()
        proposal.title = "Guardado con un -shm ajeno al lado"
        document.save(proposal)
    assert listing(example_pmx.parent) == ["propuesta.pmx", "propuesta.pmx-shm"]


def test_every_side_file_refusal_is_one_sentence(example_pmx: Path) -> None:
    side_path(example_pmx, "-wal").write_bytes(b"x")
    with pytest.raises(DocumentError) as caught:
        Document.open(example_pmx, read_only=True)
    message = str(caught.value)
    assert message.startswith("has a file beside it (propuesta.pmx-wal) that Policy Matrix did not write")
    assert "\n" not in message
    assert caught.value.path == example_pmx


@needs_posix
def test_a_document_whose_journal_name_would_be_too_long_opens_read_only(example_pmx: Path) -> None:
    """Its lock file fits, its journal's name does not: every save would fail, so none is offered."""
    longest = os.pathconf(example_pmx.parent, "PC_NAME_MAX")
    named = example_pmx.with_name("p" * (longest - len(".pmx.lock")) + ".pmx")
    example_pmx.rename(named)
    with Document.open(named) as document:
        assert document.read_only
        assert isinstance(document.read_only_problem, NameTooLongError)
        assert document.load().title
    assert main.run(["check", str(named)]) in (main.EXIT_OK, main.EXIT_FINDINGS)
    assert listing(named.parent) == [named.name]


def test_a_document_replaced_while_open_says_so_and_keeps_nothing_from_the_ghost(example_pmx: Path) -> None:
    newer = example_pmx.with_name("otra-version.pmx")
    newer.write_bytes(example_pmx.read_bytes())
    with Document.open(example_pmx) as document:
        proposal = document.load()
        os.replace(newer, example_pmx)  # a sync tool, or the participant, puts another copy in its place
        proposal.title = "Escrito después del reemplazo"
        with pytest.raises(DocumentError, match="moved, replaced or deleted since it was opened"):
            document.save(proposal)


def test_a_huge_journal_is_refused_before_it_is_copied(example_pmx: Path) -> None:
    """A sparse 20 GB journal with a good header: trying it on a copy would fill the disk first."""
    journal = side_path(example_pmx, "-journal")
    journal.write_bytes(hot_journal(example_pmx))
    os.truncate(journal, 20 * 1024**3)
    with pytest.raises(UntrustedSideFileError, match="larger than any journal of the document could be"):
        Document.open(example_pmx)
