"""The editor with names that are not UTF-8, and its writers under the one output rule.

A facilitator unzips a Windows zip on Linux: `propuesta_año.pmx` arrives as Latin-1 bytes Qt cannot spell. The
editor opens it from the command line, the open dialog, the recent files and the dashboard, and shows the name
escaped. Export, Save As and the dashboard's exports never replace the proposal, a side file or anything that
is not a file, and a full disk names the file that could not be written.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from matrices.catalogs import Catalogs
from matrices.examples import load_example
from matrices.fieldmodel import FieldModel
from matrices.rules import default_rulebook
from storage.document import Document
from storage.errors import OutputConflictError
from tests.faults.conditions import FullDisk
from tests.storage.helpers import fingerprint
from tests.ui.helpers import App, build_app, demo_file, record_message_boxes
from ui.dashboard.view import DashboardView
from ui.settings import Settings
from ui.workers import Workers
from ui.writer import DocumentWriter

LATIN1 = os.fsdecode(b"propuesta_a\xf1o")
SHOWN = "propuesta_a\\xf1o"


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The text of every warning box shown (recorded, not waiting for a click)."""
    return record_message_boxes(monkeypatch)


@pytest.fixture
def app(qtbot: QtBot, qapp: QApplication, tmp_path: Path, warnings: list[str], writer: DocumentWriter):  # type: ignore[no-untyped-def]
    built = build_app(qtbot, qapp, tmp_path, writer=writer)
    yield built
    built.controller.close_document()


@pytest.fixture
def latin1_pmx(tmp_path: Path) -> Path:
    folder = tmp_path / "entregas"
    folder.mkdir()
    path = folder / f"{LATIN1}.pmx"
    shutil.copyfile(demo_file(tmp_path), path)
    return path


def test_the_open_dialog_opens_a_name_qt_cannot_spell(
    app: App, warnings: list[str], latin1_pmx: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    as_qt_spells_it = str(latin1_pmx).replace(LATIN1, "propuesta_a\ufffdo")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args, **_kw: (as_qt_spells_it, ""))
    app.controller.choose_and_open()
    session = app.controller.session
    assert session is not None, warnings
    assert session.path == latin1_pmx
    assert not session.read_only
    assert app.window.windowTitle().startswith(f"{SHOWN}.pmx")


def test_recent_files_keep_a_name_that_is_not_utf8_across_a_restart(app: App, latin1_pmx: Path, tmp_path: Path) -> None:
    assert app.controller.open_path(latin1_pmx)
    assert app.controller.close_document()
    assert app.window.start.recent.item(0).text().splitlines()[-1].endswith(f"{SHOWN}.pmx")  # under the title
    again = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    assert again.recent_files()[0] == latin1_pmx.resolve()


def test_the_dashboard_lists_and_exports_a_name_that_is_not_utf8(
    qtbot: QtBot, latin1_pmx: Path, tmp_path: Path, catalogs: Catalogs, field_model: FieldModel, workers: Workers
) -> None:
    rulebook = default_rulebook(catalogs, field_model)
    view = DashboardView(rulebook.catalogs, rulebook, "es", workers=workers)
    qtbot.addWidget(view)
    try:
        with qtbot.waitSignal(view.loader.finished, timeout=20_000):
            view.open_folder(latin1_pmx.parent)
        (entry,) = view.visible_entries()
        assert entry.ok, entry.error
        assert view.proxy.index(0, 0).data() == f"{SHOWN}.pmx"
        out = tmp_path / "word"
        out.mkdir()
        result = view.export_word_to(out, [latin1_pmx])
        assert result.written == [out / f"{LATIN1}.docx"]
        assert not result.failed
        table = tmp_path / "cohorte.csv"
        view.export_csv_to(table)
        rows = list(csv.reader(io.StringIO(table.read_text(encoding="utf-8-sig"))))
        assert rows[1][0] == f"{SHOWN}.pmx"
    finally:
        view.shutdown()


# ---- the output rule in the editor ------------------------------------------------------------------------------


def test_export_never_replaces_the_open_proposal(app: App, warnings: list[str], tmp_path: Path) -> None:
    path = demo_file(tmp_path)
    assert app.controller.open_path(path)
    link = tmp_path / "informe.docx"
    os.link(path, link)  # the same file as the proposal, under a Word name
    before = fingerprint(path)
    editor = app.window.editor
    assert editor is not None
    assert not editor.review.export_to(link)
    (text,) = warnings
    assert "informe.docx" in text
    assert "cannot be replaced" in text
    assert fingerprint(path) == before
    assert os.path.samefile(path, link)


@pytest.mark.parametrize("name", ["otra.pmx-journal", "otra.pmx.lock"])
def test_save_as_never_writes_a_side_file_of_another_document(
    app: App, warnings: list[str], tmp_path: Path, name: str
) -> None:
    assert app.controller.open_path(demo_file(tmp_path))
    other = demo_file(tmp_path, name="otra.pmx")
    before = fingerprint(other)
    assert not app.controller.save_as_path(tmp_path / name)
    (text,) = warnings
    assert name in text
    assert not (tmp_path / name).exists()
    with Document.open(other) as reopened:
        assert reopened.load().title == load_example("es").title
    assert fingerprint(other) == before


def test_the_dashboard_never_writes_over_a_participant_file(
    qtbot: QtBot, tmp_path: Path, warnings: list[str], catalogs: Catalogs, field_model: FieldModel, workers: Workers
) -> None:
    folder = tmp_path / "cohorte"
    folder.mkdir()
    first, second = demo_file(folder, name="a.pmx"), demo_file(folder, name="b.pmx")
    out = tmp_path / "word"
    out.mkdir()
    (out / "a.docx").symlink_to(second)
    rulebook = default_rulebook(catalogs, field_model)
    view = DashboardView(rulebook.catalogs, rulebook, "es", workers=workers)
    qtbot.addWidget(view)
    try:
        with qtbot.waitSignal(view.loader.finished, timeout=20_000):
            view.open_folder(folder)
        before = fingerprint(second)
        result = view.export_word_to(out, [first, second])
        assert not result.written
        (text,) = warnings
        assert "a.docx" in text
        assert not (out / "b.docx").exists(), "nothing is written once an output is refused"
        with pytest.raises(OutputConflictError):
            view.export_csv_to(folder / "b.pmx")
        assert fingerprint(second) == before
    finally:
        view.shutdown()


# ---- a full disk names the file -----------------------------------------------------------------------------------


@pytest.fixture
def full_folder(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A folder on a full disk (a full tmpfs as root, else a file-size limit on this process)."""
    disk = FullDisk(tmp_path / "disk")
    filler = tmp_path / "relleno.bin"
    filler.write_bytes(b"x")
    with disk.holding(filler):
        yield disk


def test_export_to_a_full_disk_names_the_word_file(
    app: App, warnings: list[str], tmp_path: Path, full_folder: FullDisk
) -> None:
    assert app.controller.open_path(demo_file(tmp_path))
    editor = app.window.editor
    assert editor is not None
    with full_folder.limited():
        assert not editor.review.export_to(full_folder.folder / "informe.docx")
    (text,) = warnings
    assert "informe.docx" in text
    assert "demo.pmx" not in text
    assert [p.name for p in full_folder.folder.iterdir() if p.name != ".filler"] == ["relleno.bin"]


def test_save_as_to_a_full_disk_names_the_new_file(
    app: App, warnings: list[str], tmp_path: Path, full_folder: FullDisk
) -> None:
    assert app.controller.open_path(demo_file(tmp_path))
    with full_folder.limited():
        assert not app.controller.save_as_path(full_folder.folder / "copia.pmx")
    (text,) = warnings
    assert "copia.pmx" in text
    assert "demo.pmx" not in text
    session = app.controller.session
    assert session is not None
    assert session.path == tmp_path / "demo.pmx", "the editor goes on with the file it had"
