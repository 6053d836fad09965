"""Helpers of the comments and review-mode tests: the whole app on a real .pmx, and right-clicks that pick an action."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QPoint, QSettings
from PySide6.QtGui import QAction, QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from matrices.catalogs import Catalogs
from matrices.examples import load_example
from matrices.fieldmodel import FieldModel
from matrices.review import Anchor, Comment
from matrices.rules import default_rulebook
from storage.document import Document
from ui.context import UiContext
from ui.controller import AppController
from ui.main_window import MainWindow
from ui.pages.editor_pages import default_pages
from ui.settings import Settings
from ui.translation import LanguageSwitcher

NOT_CONTENT = {"comments", "meta", "snapshots"}
"""Tables that are not the participant's content: review comments, file facts and snapshots."""


pages = default_pages


@dataclass
class App:
    window: MainWindow
    controller: AppController
    settings: Settings
    languages: LanguageSwitcher


def build_app(qtbot, qapp, tmp_path: Path) -> App:  # type: ignore[no-untyped-def]
    catalogs, field_model = Catalogs.load(), FieldModel.load()
    context = UiContext(
        catalogs=catalogs,
        field_model=field_model,
        rulebook=default_rulebook(catalogs, field_model),
        example_es=load_example("es"),
        example_en=load_example("en"),
    )
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(context)
    qtbot.addWidget(window)
    languages = LanguageSwitcher(qapp)
    return App(window, AppController(window, context, settings, languages, pages), settings, languages)


def demo_file(folder: Path, comments: Iterable[Comment] = (), name: str = "demo.pmx") -> Path:
    path = folder / name
    Document.create(path, load_example("es"), comments).close()
    return path


def stored_comments(path: Path) -> list[Comment]:
    with Document.open(path, read_only=True) as document:
        return document.load_comments()


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
