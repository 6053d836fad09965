"""Hostile paths, where test_hostile_files.py has hostile contents: names and file kinds nobody expects.

A zip made on Windows gives Latin-1 names that are not UTF-8; a name may hold a line break, a terminal escape or a
right-to-left override; a `.json` may be a named pipe, a device, a socket or a folder, or larger than anything
Policy Matrix reads. Through every command and the editor: a name is printed escaped, on its line, and works; a
file that is not a regular file, or too large, ends in one `error:` line at once (never a hang, never a traceback).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

import main
from matrices.examples import load_example
from storage.document import Document
from storage.filenames import shown
from storage.interchange import write_json
from storage.reading import MAX_DOCUMENT_BYTES, MAX_READ_BYTES
from tests.storage.helpers import fingerprint
from tests.ui.helpers import build_app, record_message_boxes
from ui.writer import DocumentWriter

ROOT = Path(__file__).resolve().parents[2]
COMMANDS = ("check", "convert", "export", "review")
TIMEOUT = 60
"""Seconds a command may take before it counts as hung (a pipe read blocks for ever)."""

Expect = Literal["loads", "refused"]


@dataclass(frozen=True)
class PathClass:
    """A name or a kind of file; `make` puts it at the path given, from a valid .pmx beside."""

    name: str
    file_name: str
    expect: Expect
    make: Callable[[Path, Path], object]
    reason: str = ""
    """What the refusal must say (the reason, not only that the file was refused)."""


def _copy(example: Path, path: Path) -> None:
    shutil.copyfile(example, path)


def _json(_example: Path, path: Path) -> None:
    write_json(path, load_example("es"))


def _oversize(size: int) -> Callable[[Path, Path], None]:
    """A valid file (the example) grown past size with a sparse tail: nothing is written to the disk."""

    def make(example: Path, path: Path) -> None:
        if path.suffix == ".json":
            _json(example, path)
        else:
            _copy(example, path)
        with open(path, "r+b") as stream:
            stream.truncate(size + 1)

    return make


def _socket(_example: Path, path: Path) -> None:
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(path))
    sock.close()  # the socket file stays


LATIN1 = os.fsdecode(b"propuesta_a\xf1o")
CLASSES = [
    PathClass("name-not-utf8-pmx", f"{LATIN1}.pmx", "loads", _copy),
    PathClass("name-not-utf8-json", f"{LATIN1}.json", "loads", _json),
    PathClass("name-with-line-break", "propuesta\nfinal.pmx", "loads", _copy),
    PathClass("name-with-terminal-escape", "\x1b]0;hola\x07\x1b[2Jpropuesta.pmx", "loads", _copy),
    PathClass("name-with-right-to-left-override", "propuesta\u202excod.pmx", "loads", _copy),
    PathClass("fifo-json", "propuesta.json", "refused", lambda _e, p: os.mkfifo(p), "a named pipe"),
    PathClass("fifo-pmx", "propuesta.pmx", "refused", lambda _e, p: os.mkfifo(p), "a named pipe"),
    PathClass("device-json", "propuesta.json", "refused", lambda _e, p: p.symlink_to("/dev/zero"), "a device"),
    PathClass("device-pmx", "propuesta.pmx", "refused", lambda _e, p: p.symlink_to("/dev/zero"), "a device"),
    PathClass("socket-json", "propuesta.json", "refused", _socket, "a socket"),
    PathClass("folder-json", "propuesta.json", "refused", lambda _e, p: p.mkdir(), "is a folder"),
    PathClass("oversize-json", "propuesta.json", "refused", _oversize(MAX_READ_BYTES), "up to 64 MB"),
    PathClass("oversize-pmx", "propuesta.pmx", "refused", _oversize(MAX_DOCUMENT_BYTES), "up to 512 MB"),
]
BY_NAME = {path_class.name: path_class for path_class in CLASSES}


@pytest.fixture(scope="session")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("example") / "ejemplo.pmx"
    Document.create(path, load_example("es")).close()
    return path


@dataclass
class Setup:
    path_class: PathClass
    path: Path
    out: Path


@contextlib.contextmanager
def arranged(path_class: PathClass, example: Path, tmp_path: Path) -> Iterator[Setup]:
    folder = tmp_path / "input"
    folder.mkdir()
    path = folder / path_class.file_name
    path_class.make(example, path)
    out = tmp_path / "out"
    out.mkdir()
    yield Setup(path_class, path, out)


def snapshot(path: Path) -> object:
    """What must not change: a regular file's bytes and time; for the others, what the entry is."""
    if path.is_file() and not path.is_symlink() and path.stat().st_size < 1024 * 1024:
        return fingerprint(path)
    return os.lstat(path).st_mode, os.lstat(path).st_size


# ---- the command line -------------------------------------------------------------------------------------------


@dataclass
class Result:
    status: int
    out: str
    err: str


def command_line(command: str, setup: Setup) -> list[str]:
    path = setup.path
    if command == "check":
        return ["check", str(path)]
    if command == "convert":
        other = ".json" if path.suffix == ".pmx" else ".pmx"
        return ["convert", str(path), str(setup.out / f"convertido{other}")]
    if command == "export":
        return ["export", str(path), "--out-dir", str(setup.out)]
    return ["review", str(path.parent), "--csv", str(setup.out / "cohorte.csv")]


def in_process(argv: list[str], capsys: pytest.CaptureFixture[str]) -> Result:
    done: list[int] = []
    thread = threading.Thread(target=lambda: done.append(main.run(argv)), daemon=True)
    thread.start()
    thread.join(TIMEOUT)
    assert done, f"{argv[0]} still running after {TIMEOUT} s: it blocked on the file"
    captured = capsys.readouterr()
    return Result(done[0], captured.out, captured.err)


def as_process(argv: list[str], _capsys: object) -> Result:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    # encoding="utf-8", strict: a raw byte of a name that reached the output would fail the decoding here.
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=TIMEOUT,
        check=False,
    )
    return Result(done.returncode, done.stdout, done.stderr)


def printable_lines(text: str) -> None:
    """Every line is printable: no terminal escape, no stray line break, no undecodable byte."""
    for line in text.split("\n"):
        assert all(ch.isprintable() or ch == "\t" for ch in line), repr(line)


def check_result(command: str, setup: Setup, result: Result) -> None:
    name = shown(setup.path)
    assert "Traceback" not in result.err + result.out
    assert "internal error" not in result.err, result.err
    printable_lines(result.out)
    printable_lines(result.err)
    errors = result.err.splitlines()
    assert all(line.startswith("error: ") for line in errors), result.err
    if setup.path_class.expect == "refused":
        if command == "review" and setup.path.suffix == ".json":
            assert result.status == main.EXIT_OK  # review lists .pmx files only: the folder has none
            return
        expected = main.EXIT_FINDINGS if command in ("export", "review") else main.EXIT_BAD_INPUT
        assert result.status == expected, (result.status, result.err)
        assert errors[0].startswith(f"error: {name}: "), errors[0]
        assert setup.path_class.reason in errors[0], errors[0]
        assert len(errors) == (1 if command in ("check", "convert") else 2), result.err
        assert not any(setup.out.glob("convertido*"))
        assert not any(setup.out.glob("*.docx"))
        return
    allowed = (main.EXIT_OK, main.EXIT_FINDINGS) if command == "check" else (main.EXIT_OK,)
    assert result.status in allowed, result
    assert not errors, result.err
    if command == "check":
        assert result.out.splitlines()[-1].startswith(f"{name}: ")
    elif command == "export":
        target = setup.out / f"{setup.path.stem}.docx"
        assert result.out.splitlines() == [f"[1/1] {name} -> {shown(target)}"]
        assert target.is_file()
    elif command == "review" and setup.path.suffix == ".json":
        assert result.out.startswith(f"{shown(setup.path.parent)}: no .pmx files")
    elif command == "review":
        assert shown(setup.path.name) in result.out
        csv_text = (setup.out / "cohorte.csv").read_text(encoding="utf-8-sig")
        assert shown(setup.path.name) in csv_text


def check_command(name: str, command: str, example: Path, tmp_path: Path, capsys, runner) -> None:  # type: ignore[no-untyped-def]
    with arranged(BY_NAME[name], example, tmp_path) as setup:
        before = snapshot(setup.path)
        listing = sorted(os.listdir(setup.path.parent))
        result = runner(command_line(command, setup), capsys)
        check_result(command, setup, result)
        assert snapshot(setup.path) == before, "the input changed"
        assert sorted(os.listdir(setup.path.parent)) == listing, "files appeared beside the input"


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("name", list(BY_NAME))
def test_every_command_ends_cleanly(name: str, command: str, example: Path, tmp_path: Path, capsys, qapp) -> None:  # type: ignore[no-untyped-def]
    check_command(name, command, example, tmp_path, capsys, in_process)


@pytest.mark.slow
@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("name", list(BY_NAME))
def test_every_command_ends_cleanly_as_a_process(
    name: str, command: str, example: Path, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    check_command(name, command, example, tmp_path, capsys, as_process)


# ---- the editor -------------------------------------------------------------------------------------------------


@pytest.fixture
def gui(qtbot: QtBot, qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, writer: DocumentWriter):  # type: ignore[no-untyped-def]
    warnings = record_message_boxes(monkeypatch, ("warning", "critical", "information", "question"))
    app = build_app(qtbot, qapp, tmp_path, writer=writer)
    yield app, warnings
    app.controller.close_document()


@pytest.mark.gui
@pytest.mark.parametrize("name", [n for n, c in BY_NAME.items() if c.file_name.endswith(".pmx")])
def test_opening_in_the_editor_ends_cleanly(name: str, example: Path, tmp_path: Path, gui) -> None:  # type: ignore[no-untyped-def]
    app, warnings = gui
    with arranged(BY_NAME[name], example, tmp_path) as setup:
        before = snapshot(setup.path)
        opened = [app.controller.open_path(setup.path)]
        shown_name = shown(setup.path.name)
        if setup.path_class.expect == "refused":
            assert opened == [False]
            (text,) = warnings
            assert shown_name in text
            assert setup.path_class.reason.split()[-1] in text  # "pipe", "device": the editor says it too
            assert "\n" not in text.strip()
        else:
            assert opened == [True], warnings
            assert not warnings, warnings
            assert app.window.windowTitle().startswith(shown_name)
            assert app.window.file_label.text() == shown(setup.path)
            assert app.settings.recent_files()[0] == setup.path.resolve()
            assert app.controller.close_document()
            # The proposal's title, then its file (the start screen lists proposals by title).
            assert app.window.start.recent.item(0).text().splitlines()[-1].endswith(shown_name)
        assert snapshot(setup.path) == before


@pytest.mark.parametrize(
    "name", [n for n, c in BY_NAME.items() if c.expect == "refused" and c.file_name.endswith(".pmx")]
)
def test_naming_it_to_open_the_editor_is_refused_before_any_window(
    name: str, example: Path, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    with arranged(BY_NAME[name], example, tmp_path) as setup:
        result = in_process([str(setup.path)], capsys)
    assert result.status == main.EXIT_BAD_INPUT
    (line,) = result.err.splitlines()
    assert line.startswith(f"error: {shown(setup.path)}: ")
    assert setup.path_class.reason in line


@pytest.mark.parametrize("command", COMMANDS)
def test_a_name_the_console_cannot_show_is_escaped_not_fatal(command: str, example: Path, tmp_path: Path) -> None:
    """A facilitator on Windows redirects a batch to a log: the output is in cp1252, and a name in Chinese (or an
    emoji) cannot be encoded. The batch goes on, and the name is spelled as escapes."""
    name = "提案😀"
    setup = Setup(BY_NAME["name-not-utf8-pmx"], tmp_path / "input" / f"{name}.pmx", tmp_path / "out")
    setup.path.parent.mkdir()
    setup.out.mkdir()
    _copy(example, setup.path)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "cp1252"}
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *command_line(command, setup)],
        capture_output=True,
        env=env,
        timeout=TIMEOUT,
        check=False,
    )
    out, err = done.stdout.decode("cp1252"), done.stderr.decode("cp1252")
    assert done.returncode in ((main.EXIT_OK, main.EXIT_FINDINGS) if command == "check" else (main.EXIT_OK,)), err
    assert not err, err
    if command != "convert":  # convert names only its output, convertido.json
        assert "\\u63d0\\u6848\\U0001f600" in out


@pytest.mark.parametrize("name", ["fifo-json", "device-json", "socket-json", "folder-json", "oversize-json"])
def test_a_template_that_is_not_a_regular_file_is_refused_at_once(
    name: str, example: Path, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    path_class = BY_NAME[name]
    template = tmp_path / "plantilla.docx"
    path_class.make(example, template)
    source = tmp_path / "propuesta.pmx"
    _copy(example, source)
    result = in_process(
        ["export", str(source), "--out-dir", str(tmp_path / "out"), "--template", str(template)], capsys
    )
    assert result.status == main.EXIT_BAD_INPUT
    (line,) = result.err.splitlines()
    assert line.startswith(f"error: {template}: cannot be used as the Word template: ")
    assert path_class.reason in line
    assert not (tmp_path / "out").exists()
