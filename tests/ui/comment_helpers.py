"""Helpers of the comments and review-mode tests: a real .pmx with comments, and right-clicks that pick an action."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction, QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from matrices.review import Anchor, Comment
from storage.document import Document
from tests.ui.helpers import App, build_app
from ui.writer import DocumentWriter

NOT_CONTENT = {"comments", "meta", "snapshots"}
"""Tables that are not the participant's content: review comments, file facts and snapshots."""


def commenting_app(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, author: str, role: str, writer: DocumentWriter
) -> Iterator[App]:
    """Yield the whole app, shown, its new comments by author as role; then close its document and translations."""
    parts = build_app(qtbot, qapp, tmp_path, writer=writer)
    parts.settings.author_name = author
    parts.settings.author_role = role
    parts.window.resize(1500, 950)
    parts.window.show()
    qtbot.waitExposed(parts.window)
    yield parts
    parts.controller.close_document()
    parts.languages.clear()  # other tests expect the untranslated source strings


def stored_comments(path: Path) -> list[Comment]:
    with Document.open(path, read_only=True) as document:
        return document.load_comments()


def written(app: App, timeout: float = 5.0) -> None:
    """Wait, handling events as the UI thread does, until every write handed to the writer has had its outcome."""
    writer = app.controller.writer
    deadline = time.monotonic() + timeout
    while writer.busy and time.monotonic() < deadline:
        QTest.qWait(10)
    assert not writer.busy, "a write is still running"


def content_rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Return every row of the proposal's tables, read with plain sqlite3 (what review mode must not change)."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {
            table: sorted(db.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)
            for table in tables
            if table not in NOT_CONTENT
        }
    finally:
        db.close()


@dataclass
class MenuPick:
    """Stands in for QMenu.exec: records the menu's actions and 'clicks' the one named `choose`."""

    choose: str = "comment"
    shown: list[list[str]] = field(default_factory=list)

    def __call__(self, menu: QMenu, _pos: QPoint) -> QAction | None:
        actions = [action for action in menu.actions() if not action.isSeparator()]
        self.shown.append([action.objectName() or action.text() for action in actions])
        return next((action for action in actions if action.objectName() == self.choose), None)


def right_click(widget: QWidget, pos: QPoint | None = None) -> None:
    """Send a mouse context-menu event to widget at pos (its centre by default), as a right-click does."""
    where = pos if pos is not None else widget.rect().center()
    QApplication.sendEvent(widget, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, where, widget.mapToGlobal(where)))


def requested_anchors(signal) -> list[Anchor]:  # type: ignore[no-untyped-def]
    """Connect to a signal carrying anchors and return the list they are collected in."""
    received: list[Anchor] = []
    signal.connect(received.append)
    return received
