"""Cause and effect trees thousands of levels deep, or in parent cycles with no root, through the editor.

The command line meets the same files in tests/faults/test_hostile_files.py (classes deep-chain-* and
parent-cycle-*); here the editor opens them and every step is shown, every tree expanded and painted, and the
deepest node and a member of each cycle are selected, as a participant clicking through the file would.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QTreeView
from pytestqt.qtbot import QtBot

from storage.document import Document
from tests.data.make_bad_files import DEEP_CHAIN, build
from tests.storage.helpers import fingerprint
from tests.ui.helpers import build_app, record_message_boxes
from ui.writer import DocumentWriter


def _walk_every_step(window, qapp: QApplication) -> None:  # type: ignore[no-untyped-def]
    editor = window.editor
    for step in range(editor.steps.count()):
        editor.show_step(step)
        qapp.processEvents()
        for view in editor.current_page().findChildren(QTreeView):
            view.expandAll()
        window.grab()  # paints every visible widget, the expanded trees and the tree preview included


@pytest.mark.gui
@pytest.mark.parametrize(
    ("name", "items"),
    [
        ("deep-chain-pmx", [f"K{DEEP_CHAIN - 1}", f"F{DEEP_CHAIN - 1}"]),
        ("parent-cycle-pmx", ["R2", "L1499", "Y1", "Y600"]),
    ],
)
def test_the_editor_walks_every_step_of_a_deep_or_cyclic_tree(
    name: str,
    items: list[str],
    qtbot: QtBot,
    qapp: QApplication,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    writer: DocumentWriter,
) -> None:
    """A chain 5,000 deep made the editor print tracebacks and die with SIGSEGV; a cycle with no root too."""
    warnings = record_message_boxes(monkeypatch, ("warning", "critical", "information", "question"))
    [bad] = build(tmp_path / "bad", [name])
    before = fingerprint(bad.path)
    app = build_app(qtbot, qapp, tmp_path, writer=writer)
    window, controller = app.window, app.controller
    window.resize(1366, 768)
    window.show()
    assert controller.open_path(bad.path)
    _walk_every_step(window, qapp)
    editor = window.editor
    for item in items:
        matrix = editor.session.proposal.problem_matrix
        kind = "causes" if any(cause.id == item for cause in matrix.causes) else "effects"
        editor.navigate("problem", item, "description")
        qapp.processEvents()
        panel = getattr(editor.current_page(), kind)
        assert panel.selected_id() == item
        window.grab()
    rules = {finding.rule for finding in editor.findings}
    assert ("P13" in rules) == (name == "parent-cycle-pmx")
    assert not warnings, warnings
    assert controller.close_document()
    assert fingerprint(bad.path) == before


@pytest.mark.gui
@pytest.mark.parametrize("name", ["deep-chain-pmx", "parent-cycle-pmx"])
def test_a_snapshot_of_a_deep_or_cyclic_tree_is_viewed_and_compared(
    name: str, qtbot: QtBot, qapp: QApplication, tmp_path: Path, writer: DocumentWriter
) -> None:
    from ui.commands import SetValueCommand
    from ui.context import UiContext
    from ui.session import DocumentSession
    from ui.snapshots import SnapshotsDialog

    [bad] = build(tmp_path / "bad", [name])
    with Document.open(bad.path) as document:
        session = DocumentSession(document, document.load(), writer=writer)
        dialog = SnapshotsDialog(session, document, UiContext.load("es"))
        qtbot.addWidget(dialog)
        assert dialog.create_snapshot("Antes") is not None
        causes = session.proposal.problem_matrix.causes
        session.push(SetValueCommand(session, ("problem_matrix",), "causes", causes[:10], "recortar"))
        viewer = dialog.view_selected()
        assert viewer is not None
        qtbot.addWidget(viewer)
        viewer.grab()
        compare = dialog.compare_selected()
        assert compare is not None
        qtbot.addWidget(compare)
        assert not compare.diff.is_empty
        compare.grab()
        session.close()
