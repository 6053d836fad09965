"""Atomic writes: the target holds its old content or the new one, never a mix, and no temporary file stays."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from storage.atomic import move_no_replace, temp_path_beside, write_atomic
from tests.storage.helpers import listing


def test_write_text_and_bytes(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    write_atomic(target, "añadir ✓")
    assert target.read_text(encoding="utf-8") == "añadir ✓"
    write_atomic(target, b"\x00\x01")
    assert target.read_bytes() == b"\x00\x01"
    assert listing(tmp_path) == ["a.json"]


def test_a_failed_replace_keeps_the_old_content_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "settings.json"
    target.write_text("old", encoding="utf-8")

    def refuse(*_args: object) -> None:
        raise PermissionError("file in use")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(PermissionError):
        write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert listing(tmp_path) == ["settings.json"]


def test_a_failed_write_keeps_the_old_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.docx"
    target.write_bytes(b"old")

    def full(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError, match="No space"):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert listing(tmp_path) == ["out.docx"]


def test_the_new_file_gets_ordinary_permissions(tmp_path: Path) -> None:
    if os.name != "posix":
        pytest.skip("POSIX permissions")
    target = tmp_path / "a.json"
    write_atomic(target, "x")
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_temporary_files_are_hidden_and_unique(tmp_path: Path) -> None:
    first, second = temp_path_beside(tmp_path / "a.pmx"), temp_path_beside(tmp_path / "a.pmx")
    assert first != second
    assert first.name.startswith(".a.pmx.")
    assert first.exists()


def test_move_no_replace_refuses_an_existing_target(tmp_path: Path) -> None:
    source, target = tmp_path / "s", tmp_path / "t"
    source.write_text("new", encoding="utf-8")
    target.write_text("old", encoding="utf-8")
    with pytest.raises(FileExistsError):
        move_no_replace(source, target)
    assert target.read_text(encoding="utf-8") == "old"
    target.unlink()
    move_no_replace(source, target)
    assert target.read_text(encoding="utf-8") == "new"
    assert not source.exists()


def test_move_no_replace_without_hard_links(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_links(*_args: object) -> None:
        raise OSError(1, "Operation not permitted")  # what FAT on a USB stick says

    monkeypatch.setattr(os, "link", no_links)
    source, target = tmp_path / "s", tmp_path / "t"
    source.write_text("new", encoding="utf-8")
    move_no_replace(source, target)
    assert target.read_text(encoding="utf-8") == "new"
    source.write_text("newer", encoding="utf-8")
    with pytest.raises(FileExistsError):
        move_no_replace(source, target)
    assert target.read_text(encoding="utf-8") == "new"
