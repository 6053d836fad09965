"""Only regular files are read, never blocking on a pipe, never past the size bound; names that are not UTF-8."""

from __future__ import annotations

import os
import shutil
import socket
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from storage.document import Document
from storage.errors import FileTooLargeError, NotARegularFileError, UnreadableFileError
from storage.filenames import from_dialog, is_text, shown
from storage.interchange import read_json
from storage.reading import MAX_DOCUMENT_BYTES, MAX_READ_BYTES, read_regular

LATIN1_NAME = os.fsdecode(b"propuesta_a\xf1o")
"""`propuesta_año` as a zip made on Windows spells it: Latin-1, not UTF-8."""


def within(seconds: float, action: Callable[[], object]) -> BaseException | None:
    """Run action on a thread; fail the test if it has not ended within seconds (a blocked read)."""
    outcome: list[BaseException | None] = []

    def target() -> None:
        try:
            action()
        except BaseException as exc:
            outcome.append(exc)
        else:
            outcome.append(None)

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    assert outcome, f"still reading after {seconds} s: a pipe or device was read"
    return outcome[0]


def readers() -> dict[str, Callable[[Path], object]]:
    return {"json": read_json, "pmx": lambda path: Document.open(path, read_only=True).close()}


@pytest.mark.parametrize("reader", ["json", "pmx"])
def test_a_named_pipe_is_refused_at_once(tmp_path: Path, reader: str) -> None:
    pipe = tmp_path / f"entrega.{reader}"
    os.mkfifo(pipe)
    error = within(20, lambda: readers()[reader](pipe))
    assert isinstance(error, NotARegularFileError)
    assert error.reason.startswith("is not a regular file (it is a named pipe)")
    assert error.path == pipe


@pytest.mark.parametrize("reader", ["json", "pmx"])
def test_a_device_is_refused_without_reading_it(tmp_path: Path, reader: str) -> None:
    link = tmp_path / f"cero.{reader}"
    link.symlink_to("/dev/zero")
    error = within(20, lambda: readers()[reader](link))
    assert isinstance(error, NotARegularFileError)
    assert "it is a device" in error.reason


@pytest.mark.parametrize("reader", ["json", "pmx"])
def test_a_socket_and_a_folder_are_named_as_such(tmp_path: Path, reader: str) -> None:
    sock = socket.socket(socket.AF_UNIX)
    path = tmp_path / f"s.{reader}"
    try:
        sock.bind(str(path))
        error = within(20, lambda: readers()[reader](path))
    finally:
        sock.close()
    assert isinstance(error, NotARegularFileError)
    assert "it is a socket" in error.reason
    folder = tmp_path / f"carpeta.{reader}"
    folder.mkdir()
    error = within(20, lambda: readers()[reader](folder))
    assert isinstance(error, UnreadableFileError)
    assert error.reason == "is a folder, not a file"


@pytest.mark.parametrize(("reader", "limit"), [("json", MAX_READ_BYTES), ("pmx", MAX_DOCUMENT_BYTES)])
def test_a_file_over_the_bound_is_refused_stating_the_limit(tmp_path: Path, reader: str, limit: int) -> None:
    path = tmp_path / f"enorme.{reader}"
    with open(path, "wb") as stream:
        stream.truncate(limit + 1)  # sparse: nothing is written, the size is what counts
    error = within(20, lambda: readers()[reader](path))
    assert isinstance(error, FileTooLargeError)
    assert f"up to {limit // (1024 * 1024)} MB" in error.reason
    assert error.limit == limit


def test_a_file_at_the_bound_is_read(tmp_path: Path) -> None:
    path = tmp_path / "justo.bin"
    path.write_bytes(b"x" * 1000)
    assert read_regular(path, 1000) == b"x" * 1000
    with pytest.raises(FileTooLargeError):
        read_regular(path, 999)


def test_a_name_that_is_not_utf8_opens(tmp_path: Path, example_pmx: Path) -> None:
    path = tmp_path / f"{LATIN1_NAME}.pmx"
    shutil.copyfile(example_pmx, path)
    with Document.open(path) as document:
        assert not document.read_only
        assert document.load().title
    with Document.open(path, read_only=True) as document:
        assert document.load().title


def test_names_are_shown_escaped_on_one_line() -> None:
    assert shown(Path(f"{LATIN1_NAME}.pmx")) == "propuesta_a\\xf1o.pmx"
    assert shown("a\nb\x1b[2J.pmx") == "a\\x0ab\\x1b[2J.pmx"
    assert shown("fdp.\u202excod.pmx") == "fdp.\\u202excod.pmx"  # a right-to-left override hides the real type
    assert shown("Propuesta de año – versión 2.pmx") == "Propuesta de año – versión 2.pmx"
    assert shown(os.fsencode(LATIN1_NAME)) == "propuesta_a\\xf1o"
    assert not is_text(LATIN1_NAME)
    assert is_text("año")


def test_a_dialog_name_with_replacement_characters_finds_its_file(tmp_path: Path) -> None:
    folder = tmp_path / LATIN1_NAME
    folder.mkdir()
    path = folder / f"{LATIN1_NAME}.pmx"
    path.write_bytes(b"")
    as_qt_spells_it = str(tmp_path / "propuesta_a\ufffdo" / "propuesta_a\ufffdo.pmx")
    assert from_dialog(as_qt_spells_it) == path
    assert from_dialog(str(tmp_path / "otro\ufffd.pmx")) == tmp_path / "otro\ufffd.pmx"
    (folder / os.fsdecode(b"propuesta_a\xe9o.pmx")).write_bytes(b"")  # a second name Qt spells the same way
    assert from_dialog(as_qt_spells_it) == Path(as_qt_spells_it)
