"""Bugs the fault, hostile-file and property suites found, each pinned by a small test of its own."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

import main
import storage.lock
from export.docx_export import export_docx
from matrices.catalogs import Catalogs
from matrices.examples import load_example
from matrices.fieldmodel import FieldModel
from matrices.proposal import Proposal
from matrices.rules import default_rulebook
from storage.document import Document
from storage.lock import lock_path_for


def _full_disk_on_write(monkeypatch: pytest.MonkeyPatch) -> None:
    def write(_fd: int, _data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(storage.lock.os, "write", write)


def test_a_lock_that_cannot_be_written_leaves_no_lock_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """storage/lock.py DocumentLock.acquire: a failed write of the holder left an empty NAME.pmx.lock behind."""
    path = tmp_path / "p.pmx"
    Document.create(path, load_example("es")).close()
    _full_disk_on_write(monkeypatch)
    with Document.open(path) as document:
        assert document.read_only
    assert not lock_path_for(path).exists()


def test_the_read_only_reason_of_a_full_disk_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """storage/opening.py _take_lock: a full disk was reported as 'the folder is write-protected'."""
    path = tmp_path / "p.pmx"
    Document.create(path, load_example("es")).close()
    _full_disk_on_write(monkeypatch)
    with Document.open(path) as document:
        assert "disk is full" in (document.read_only_reason or "")
        assert "write-protected" not in (document.read_only_reason or "")


@pytest.mark.parametrize(
    "fields",
    [{"policy_area": "\x1f"}, {"status": "\x01borrador"}, {"territorial_scope": "\x02"}, {"authors": ["Ana\x0b"]}],
)
def test_a_catalogue_id_with_a_control_character_does_not_break_the_export(qapp, fields: dict) -> None:  # type: ignore[no-untyped-def]
    """export/docx_page.py set_properties: the core properties (title, author, subject) were not cleaned."""
    catalogs, field_model = Catalogs.load(), FieldModel.load()
    proposal = Proposal(**fields)
    findings = default_rulebook(catalogs, field_model).check(proposal)
    assert export_docx(proposal, catalogs=catalogs, field_model=field_model, findings=findings)[:2] == b"PK"


def test_a_json_output_in_a_missing_folder_names_the_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """storage/atomic.py temp_path_beside: the error named the hidden temporary file, not the file asked for."""
    source = tmp_path / "p.pmx"
    Document.create(source, load_example("es")).close()
    target = tmp_path / "missing" / "p.json"
    status = main.run(["convert", str(source), str(target)])
    err = capsys.readouterr().err
    assert status == main.EXIT_BAD_INPUT
    assert err.startswith(f"error: {target}: "), err
    assert ".tmp" not in err
    assert os.listdir(tmp_path) == ["p.pmx"] or sorted(os.listdir(tmp_path)) == ["p.pmx"]


TERMINAL_ESCAPES = "\x1b]0;pwned\x07\x1b[2J\x1b[1A\rerror: fake line\x08\x9b"
"""A window-title change, a clear screen, cursor moves, a carriage return, a backspace, a C1 CSI."""


def _control_characters(text: str) -> set[str]:
    return {ch for ch in text if (ord(ch) < 0x20 and ch not in "\n\t") or 0x7F <= ord(ch) <= 0x9F}


@pytest.mark.parametrize("command", ["check", "review", "export"])
def test_the_command_line_never_prints_a_participants_control_characters(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], qapp
) -> None:  # type: ignore[no-untyped-def]
    """main.py (review table, check findings): escape sequences from a file reached the facilitator's terminal."""
    proposal = load_example("es")
    proposal.title = f"Título{TERMINAL_ESCAPES}"
    proposal.authors = [f"Ana{TERMINAL_ESCAPES}"]
    proposal.problem_matrix.causes[0].description = f"Causa{TERMINAL_ESCAPES}"
    proposal.actor_matrix.actors[0].name = f"Actor{TERMINAL_ESCAPES}"
    proposal.strategy_matrix.general_objective = f"{TERMINAL_ESCAPES} objetivo"  # rule S01 quotes the first word
    folder = tmp_path / "inbox"
    folder.mkdir()
    path = folder / "p.pmx"
    Document.create(path, proposal).close()
    argv = {
        "check": ["check", str(path)],
        "review": ["review", str(folder)],
        "export": ["export", str(path), "--out-dir", str(tmp_path / "out")],
    }[command]
    main.run(argv)
    captured = capsys.readouterr()
    assert not _control_characters(captured.out), repr(captured.out[:300])
    assert not _control_characters(captured.err), repr(captured.err[:300])


def test_an_error_about_a_hostile_schema_carries_no_control_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "p.pmx"
    Document.create(path, load_example("es")).close()
    import sqlite3

    db = sqlite3.connect(path, isolation_level=None)
    db.execute(f'CREATE VIEW "v{TERMINAL_ESCAPES}" AS SELECT 1')
    db.close()
    assert main.run(["check", str(path)]) == main.EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert err.startswith(f"error: {path}: ")
    assert not _control_characters(err), repr(err)


BIDI_CONTROLS = "\u202e\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069\u200e\u200f"
"""The bidirectional embeddings, overrides and isolates: they make a terminal show text out of its order."""


@pytest.mark.parametrize("command", ["check", "review"])
def test_the_command_line_never_prints_a_participants_bidirectional_controls(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """main.py: a right-to-left override in a title reordered the review table's line on the terminal."""
    proposal = load_example("es")
    proposal.title = f"Propuesta {BIDI_CONTROLS} final"
    proposal.authors = [f"Ana{BIDI_CONTROLS}"]
    folder = tmp_path / "inbox"
    folder.mkdir()
    path = folder / f"p{BIDI_CONTROLS}.pmx"
    Document.create(path, proposal).close()
    main.run(["check", str(path)] if command == "check" else ["review", str(folder)])
    captured = capsys.readouterr()
    assert not set(BIDI_CONTROLS) & set(captured.out + captured.err), repr(captured.out[:300])
