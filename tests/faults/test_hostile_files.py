"""Hostile and broken files (tests/data/make_bad_files.py) through every command that reads files and the GUI.

Each class must end in a one-line `error:` (or a one-line warning in the GUI) or in a clearly announced degraded
mode (the read-only banner, the "could not be saved" banner); never a traceback; and the input file stays
byte-identical, modification time included, and its folder exactly as it was found (no file added, removed or
changed, links still links: a side file a class planted is never written through, truncated or deleted). The
commands run in-process through main.run (fast); the slow run (`pytest -m slow`) runs them again as real
`python main.py` processes, where anything Qt or Python prints to stderr would show.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import stat
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

import main
from export.text import clean_text
from matrices.catalogs import Catalogs
from matrices.examples import load_example
from matrices.fieldmodel import FieldModel
from matrices.rules import default_rulebook
from storage.document import Document
from tests.data.make_bad_files import CLASSES, BadFile, build
from tests.faults.conditions import FullDisk, write_protected
from tests.faults.docx_text import docx_text
from tests.storage.helpers import fingerprint
from tests.ui.helpers import build_app, record_message_boxes
from ui.cli.common import read_any
from ui.dashboard.view import DashboardView
from ui.main_window import MainWindow
from ui.session import DocumentSession, SaveState
from ui.workers import Workers
from ui.writer import DocumentWriter

ROOT = Path(__file__).resolve().parents[2]
READ_COMMANDS = ("check", "convert", "export", "review")
PROCESS_TIMEOUT = 300
"""A command that blocks (on a pipe beside its input, say) fails instead of hanging the suite."""
FORBIDDEN_XML = {chr(c) for c in range(0x20) if chr(c) not in "\t\n\r"} | {"\ufffe", "\uffff"}


@pytest.fixture(scope="session")
def bad_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, BadFile]:
    return {bad.name: bad for bad in build(tmp_path_factory.mktemp("bad"))}


@dataclass
class Setup:
    """One class's file, copied to the test's own folder, with its condition in force."""

    bad: BadFile
    path: Path
    out: Path
    """Where the commands write: a writable folder, or the constrained folder itself (read-only, full disk)."""
    disk: FullDisk | None = None


def copy_folder(source: Path, target: Path) -> None:
    """Copy a class's folder as it is: links stay links, pipes pipes, and hard-linked files stay linked."""
    copies: dict[tuple[int, int], Path] = {}
    target.mkdir()
    for root, folders, files in os.walk(source):
        for name in sorted(folders + files):
            origin = Path(root) / name
            copy = target / origin.relative_to(source)
            info = origin.lstat()
            if stat.S_ISLNK(info.st_mode):
                copy.symlink_to(os.readlink(origin))
            elif stat.S_ISDIR(info.st_mode):
                copy.mkdir()
            elif stat.S_ISFIFO(info.st_mode):
                os.mkfifo(copy)
            elif (info.st_dev, info.st_ino) in copies:
                os.link(copies[(info.st_dev, info.st_ino)], copy)
            else:
                shutil.copy2(origin, copy)
                copies[(info.st_dev, info.st_ino)] = copy


def folder_state(folder: Path) -> dict[str, tuple[object, ...]]:
    """Return what every entry of a folder is (never opening a pipe): kind, link target, content, times, links."""
    state: dict[str, tuple[object, ...]] = {}
    for root, folders, files in os.walk(folder):
        for name in folders + files:
            path = Path(root) / name
            info = path.lstat()
            key = str(path.relative_to(folder))
            if stat.S_ISLNK(info.st_mode):
                state[key] = ("link", os.readlink(path))
            elif stat.S_ISREG(info.st_mode):
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
                state[key] = ("file", digest, info.st_mtime_ns, info.st_nlink)
            else:
                state[key] = (stat.S_IFMT(info.st_mode),)
    return state


@contextlib.contextmanager
def arranged(bad: BadFile, tmp_path: Path) -> Iterator[Setup]:
    """Copy the class's folder into tmp_path and put its condition in force around the block."""
    folder = tmp_path / "input"
    copy_folder(bad.path.parent, folder)
    path = folder / bad.path.name
    out = tmp_path / "out"
    out.mkdir()
    if bad.condition == "locked":
        with Document.open(path) as holder:
            assert not holder.read_only
            yield Setup(bad, path, out)
    elif bad.condition == "read-only file":
        with write_protected(path):
            yield Setup(bad, path, out)
    elif bad.condition == "read-only folder":
        with write_protected(folder):
            yield Setup(bad, path, folder)
    elif bad.condition == "full disk":
        disk = FullDisk(tmp_path / "disk")
        with disk.holding(path) as copy:
            yield Setup(bad, copy, copy.parent, disk)
    else:
        yield Setup(bad, path, out)


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
        return ["export", str(path), "--out-dir", str(setup.out), "--comments"]
    return ["review", str(path.parent)]


def run_in_process(argv: list[str], capsys: pytest.CaptureFixture[str], setup: Setup) -> Result:
    limit = setup.disk.limited() if setup.disk is not None else contextlib.nullcontext()
    with limit:
        status = main.run(argv)
    captured = capsys.readouterr()
    return Result(status, captured.out, captured.err)


def run_process(argv: list[str], _capsys: object, _setup: Setup) -> Result:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *argv],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=PROCESS_TIMEOUT,
    )
    return Result(done.returncode, done.stdout, done.stderr)


def expected_writes_fail(setup: Setup) -> bool:
    return setup.bad.condition in ("read-only folder", "full disk")


def check_result(command: str, setup: Setup, result: Result) -> None:
    """The contract: exit status, one-line errors naming the file, and outputs only when the command succeeded."""
    bad, path = setup.bad, setup.path
    assert "Traceback" not in result.err + result.out
    assert "internal error" not in result.err, result.err
    lines = result.err.splitlines()
    assert all(line.startswith("error: ") for line in lines), result.err
    if bad.expect == "refused":
        if command == "review" and path.suffix == ".json":
            assert result.status == main.EXIT_OK  # review lists .pmx files only: the folder has none
            return
        expected = main.EXIT_FINDINGS if command in ("export", "review") else main.EXIT_BAD_INPUT
        assert result.status == expected, (result.status, result.err)
        assert lines, "a refused file gives an error line"
        assert lines[0].startswith(f"error: {path}: "), lines[0]
        if bad.side is not None:
            assert f"({bad.side})" in lines[0], "the refusal names the file beside the input that caused it"
        assert len(lines) == (1 if command in ("check", "convert") else 2), result.err
        assert not any(setup.out.glob("convertido*"))
        assert not any(setup.out.glob("*.docx"))
        return
    if command in ("convert", "export") and expected_writes_fail(setup):
        assert result.status == (main.EXIT_BAD_INPUT if command == "convert" else main.EXIT_FINDINGS), result.err
        assert lines, "a failed write gives an error line"
        assert len(lines) == (1 if command == "convert" else 2), result.err
        return
    assert result.status in ((main.EXIT_OK, main.EXIT_FINDINGS) if command == "check" else (main.EXIT_OK,)), (
        result.status,
        result.err,
    )
    assert not lines, result.err
    if command == "check" and bad.name.startswith("dangling-ids"):
        assert "G02" in result.out
    if command == "export" and bad.name.startswith("control-characters"):
        check_docx_is_clean(setup.out / f"{path.stem}.docx", path)


def check_docx_is_clean(docx: Path, source: Path) -> None:
    """Every XML part parses and holds no character XML forbids; the title and the comment are there, cleaned."""
    with zipfile.ZipFile(docx) as archive:
        for name in archive.namelist():
            if name.endswith(".xml"):
                data = archive.read(name)
                assert not FORBIDDEN_XML & set(data.decode("utf-8")), f"{name} holds characters XML forbids"
                etree.fromstring(data)
    body, comments = docx_text(docx.read_bytes())
    proposal, source_comments = read_any(source)
    assert clean_text(proposal.title) in body
    assert "\x0b" in proposal.title, "the title had a vertical tab: it must have become a line break"
    assert any(clean_text(source_comments[0].text) in comment for comment in comments)


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if not p.name.endswith(".lock"))


def check_command(
    name: str, command: str, bad_files: dict[str, BadFile], tmp_path: Path, capsys: pytest.CaptureFixture[str], runner
) -> None:  # type: ignore[no-untyped-def]
    bad = bad_files[name]
    built = folder_state(bad.path.parent)  # what the class's side files point at, outside the copy, too
    with arranged(bad, tmp_path) as setup:
        before = fingerprint(setup.path)
        files, found = listing(setup.path.parent), folder_state(setup.path.parent)
        result = runner(command_line(command, setup), capsys, setup)
        check_result(command, setup, result)
        assert fingerprint(setup.path) == before, "the input file changed"
        assert folder_state(bad.path.parent) == built, "a file the class's side files point at changed"
        if setup.out != setup.path.parent:
            assert folder_state(setup.path.parent) == found, "the input's folder changed"
        elif result.status != main.EXIT_OK:
            leftovers = sorted(set(listing(setup.path.parent)) - set(files) - {".filler"})
            assert not leftovers, f"a failed write left files behind: {leftovers}"


@pytest.mark.parametrize("command", READ_COMMANDS)
@pytest.mark.parametrize("name", list(CLASSES))
def test_every_command_ends_cleanly(
    name: str, command: str, bad_files: dict[str, BadFile], tmp_path: Path, capsys: pytest.CaptureFixture[str], qapp
) -> None:  # type: ignore[no-untyped-def]
    check_command(name, command, bad_files, tmp_path, capsys, run_in_process)


@pytest.mark.slow
@pytest.mark.parametrize("command", READ_COMMANDS)
@pytest.mark.parametrize("name", list(CLASSES))
def test_every_command_ends_cleanly_as_a_process(
    name: str, command: str, bad_files: dict[str, BadFile], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    check_command(name, command, bad_files, tmp_path, capsys, run_process)


# ---- the GUI ----------------------------------------------------------------------------------------------------


@pytest.fixture
def gui(qtbot: QtBot, qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, writer: DocumentWriter):  # type: ignore[no-untyped-def]
    """The main window and its controller, with message boxes recorded instead of waiting for a click."""
    warnings = record_message_boxes(monkeypatch, ("warning", "critical", "information", "question"))
    app = build_app(qtbot, qapp, tmp_path, writer=writer)
    yield app.window, app.controller, warnings
    app.controller.close_document()


def fill_the_disk_for_the_editor(session: DocumentSession) -> None:
    """Without a tmpfs: SQLite's max_page_count stops the file from growing, as a full disk would."""
    with session.document.engine.connect() as connection:  # type: ignore[attr-defined]
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar()
        connection.exec_driver_sql(f"PRAGMA max_page_count = {int(pages)}")


def paste_a_long_text(window: MainWindow, session: DocumentSession) -> None:
    """Paste 150 000 characters into the first cause (Ctrl+V in its description): the file must grow."""
    editor = window.editor
    assert editor is not None
    cause = session.proposal.problem_matrix.causes[0].id
    editor.navigate("problem", cause, "description")
    box = editor.pages[1].causes.form.widgets["description"]  # type: ignore[attr-defined]
    QApplication.clipboard().setText("Texto pegado desde un informe. " * 5000)
    box.selectAll()
    box.paste()
    assert session.proposal.problem_matrix.causes[0].description.startswith("Texto pegado")


@pytest.mark.gui
@pytest.mark.parametrize("name", list(CLASSES))
def test_opening_in_the_gui_ends_cleanly(name: str, bad_files: dict[str, BadFile], gui, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window, controller, warnings = gui
    bad = bad_files[name]
    built = folder_state(bad.path.parent)
    with arranged(bad, tmp_path) as setup:
        before, found = fingerprint(setup.path), folder_state(setup.path.parent)
        opened = controller.open_path(setup.path)
        # The editor opens .pmx documents only (a .json is converted first): any .json must be refused.
        expect = "refused" if setup.path.suffix == ".json" else setup.bad.expect
        if expect == "refused":
            assert not opened
            assert len(warnings) == 1, warnings
            assert "\n" not in warnings[0].strip(), warnings[0]
            assert setup.path.name in warnings[0]
            if bad.side is not None:
                assert bad.side in warnings[0], warnings[0]
            assert window.editor is None
            assert controller.session is None
        else:
            assert opened, warnings
            assert not warnings, warnings
            session = controller.session
            assert session is not None
            assert window.editor is not None
            banner = window.editor.banner
            if expect == "read-only":
                assert session.read_only
                assert not banner.isHidden()
                assert banner.text()
                if bad.side is not None:
                    assert bad.side in banner.text(), banner.text()
            elif expect == "full disk":
                # No room for the lock file's few bytes: the editor opens the file read-only and says so.
                if session.read_only:
                    assert not banner.isHidden()
                    assert banner.text()
            else:
                assert not session.read_only
                assert banner.isHidden(), banner.text()
            assert controller.close_document()
        assert fingerprint(setup.path) == before, "opening and closing changed the file"
        assert folder_state(setup.path.parent) == found, "opening and closing changed the file's folder"
        assert folder_state(bad.path.parent) == built, "a file the class's side files point at changed"


@pytest.mark.gui
def test_a_disk_filling_up_while_editing_keeps_the_edit_and_says_so(gui, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The participant pastes a long text; the disk is full: the edit stays on screen, a banner says it is not
    saved, the file keeps its last saved content, and the edit is saved once there is room again."""
    window, controller, warnings = gui
    source = tmp_path / "propuesta.pmx"
    Document.create(source, load_example("es")).close()
    disk = FullDisk(tmp_path / "disk")
    with disk.holding(source, full=False) as path:
        assert controller.open_path(path)
        session = controller.session
        assert session is not None
        assert not session.read_only
        if disk.mounted:
            disk.fill()
        else:
            fill_the_disk_for_the_editor(session)
        before = fingerprint(path)
        paste_a_long_text(window, session)
        assert not session.save_now()
        assert session.save_state is SaveState.FAILED
        controller._update_status()  # the once-a-second status tick, without waiting for it
        banner = window.editor.banner
        assert not banner.isHidden()
        assert banner.text()
        assert fingerprint(path) == before, "a failed save changed the file"
        assert session.proposal.problem_matrix.causes[0].description.startswith("Texto pegado")
        disk.free()
        with session.document.engine.connect() as connection:  # type: ignore[attr-defined]
            connection.exec_driver_sql("PRAGMA max_page_count = 1073741823")
        assert controller.close_document()
        assert not warnings, warnings
        with Document.open(path, read_only=True) as reread:
            assert reread.load().problem_matrix.causes[0].description.startswith("Texto pegado")


# ---- the dashboard ----------------------------------------------------------------------------------------------


@pytest.mark.gui
def test_the_dashboard_reads_every_class_as_review_does_and_changes_nothing(
    bad_files: dict[str, BadFile], qtbot: QtBot, tmp_path: Path, workers: Workers
) -> None:
    """A facilitator points the dashboard at a folder holding every class: one row each, the folder as it was."""
    folder = tmp_path / "cohorte"
    folder.mkdir()
    for bad in bad_files.values():
        copy_folder(bad.path.parent, folder / bad.name)
    before = folder_state(folder)
    rulebook = default_rulebook(Catalogs.load(), FieldModel.load())
    view = DashboardView(rulebook.catalogs, rulebook, "es", workers=workers)
    qtbot.addWidget(view)
    try:
        with qtbot.waitSignal(view.loader.finished, timeout=300_000):
            view.open_folder(folder, True)
        entries = {entry.path: entry for entry in view.model.entries()}
    finally:
        view.shutdown()
    for bad in bad_files.values():
        if bad.path.suffix != ".pmx":
            continue
        entry = entries[folder / bad.name / bad.path.name]
        assert entry.ok == (bad.expect != "refused"), (bad.name, entry.error)
        if not entry.ok and bad.side is not None:
            assert f"({bad.side})" in (entry.error or ""), (bad.name, entry.error)
    assert folder_state(folder) == before
