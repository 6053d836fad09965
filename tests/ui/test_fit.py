"""Every screen of the editor fits an office laptop: 1366x768 and 1280x720 (also 1920x1080 at 150 %).

The window gets the room such a screen leaves under its title bar and above a taskbar; every step and sub-tab is
shown in Spanish and in English, with the guidance panel open, and nothing may need sideways scrolling or be cut.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from bench.large_proposal import large_proposal
from storage.document import Document
from tests.ui.helpers import App, build_app, demo_file
from tests.ui.screen_walk import problems, screens, settle
from ui.writer import DocumentWriter

pytestmark = pytest.mark.gui

WINDOWS = {
    "1366x768": (1366, 688),
    "1280x720": (1280, 640),
}
"""The window's inner size on each screen: about 80 px go to the title bar and the taskbar."""


@pytest.fixture
def app(styled: QApplication, qtbot: QtBot, tmp_path: Path, writer: DocumentWriter) -> Iterator[App]:
    app = build_app(qtbot, styled, tmp_path, writer=writer)
    yield app
    app.controller.close_document()
    app.languages.clear()


def show_at(app: App, qtbot: QtBot, screen: str, lang: str) -> None:
    width, height = WINDOWS[screen]
    window = app.window
    app.controller.set_language(lang)
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    window.fit_side_panel()  # as a first start does (show_first); the participant may make it wider
    settle()


def walk(app: App, screen: str) -> list[str]:
    """Show every step and sub-tab of the open document; return what does not fit."""
    found = []
    for name in screens(app.window):
        assert (app.window.width(), app.window.height()) == WINDOWS[screen], f"{name}: the window grew"
        found += [f"{name}: {problem}" for problem in problems(app.window)]
    return found


@pytest.mark.parametrize("lang", ["es", "en"])
@pytest.mark.parametrize("screen", list(WINDOWS))
def test_every_screen_fits(app: App, qtbot: QtBot, tmp_path: Path, screen: str, lang: str) -> None:
    show_at(app, qtbot, screen, lang)
    found = [f"start screen: {problem}" for problem in problems(app.window)]
    assert app.controller.open_path(demo_file(tmp_path))
    assert app.window.guidance_dock.isVisible()
    found += walk(app, screen)
    app.window.comments_dock.raise_()  # the other panel of the side, at the same width
    settle()
    found += [f"comments panel: {problem}" for problem in problems(app.window)]
    assert not found, "\n".join(found)


def test_a_large_proposal_fits_too(app: App, qtbot: QtBot, tmp_path: Path) -> None:
    # Long lists (40 causes, 150 actors, 100 instruments): tables must stay tall enough to work in.
    show_at(app, qtbot, "1280x720", "es")
    path = tmp_path / "grande.pmx"
    Document.create(path, large_proposal()).close()
    assert app.controller.open_path(path)
    found = walk(app, "1280x720")
    assert not found, "\n".join(found)
