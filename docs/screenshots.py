"""Take a screenshot of every step of the editor on the course's example, for the README.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots.py [OUT_DIR] [--lang es|en]

The window is built exactly as main.py's run_gui builds it and grabbed offscreen, step by step, at the size a
maximised window has on the most common office laptop (1366x768, under a title bar and above a taskbar), with
the guidance panel open as a first start shows it.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import matrices.proposal  # noqa: F401  (pydantic before PySide6, see main.py)

# isort: split

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from matrices.catalogs import Catalogs
from matrices.examples import load_example
from matrices.fieldmodel import FieldModel
from matrices.rules import default_rulebook
from storage.document import Document
from ui.context import UiContext
from ui.controller import AppController
from ui.main_window import MainWindow
from ui.pages.editor_pages import default_pages
from ui.settings import Settings
from ui.style import apply_style
from ui.translation import LanguageSwitcher

NAMES = ["1-datos-generales", "2-problema", "3-ejes", "4-actores", "5-instrumentos", "6-revision"]
WINDOW = (1366, 688)
"""A maximised window on a 1366x768 screen: about 80 px go to the title bar and the taskbar."""


def _settle(app: QApplication) -> None:
    """Let debounced redraws (the tree preview waits 200 ms) happen before the grab."""
    deadline = time.monotonic() + 0.6
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)


def main() -> None:
    """Write one PNG per step (and the start screen) into OUT_DIR."""
    parser = argparse.ArgumentParser()
    parser.add_argument("out", nargs="?", default=str(Path(__file__).parent))
    parser.add_argument("--lang", choices=("es", "en"), default="es")
    args = parser.parse_args()
    out = Path(args.out)
    app = QApplication([sys.argv[0]])
    apply_style(app)
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(QSettings(str(Path(folder) / "s.ini"), QSettings.Format.IniFormat))
        languages = LanguageSwitcher(app)
        languages.apply(args.lang)
        catalogs, field_model = Catalogs.load(), FieldModel.load()
        context = UiContext(catalogs, field_model, default_rulebook(catalogs, field_model), lang=args.lang)
        window = MainWindow(context)
        controller = AppController(
            window, context, settings, languages,
            default_pages,
        )  # fmt: skip
        window.resize(*WINDOW)
        window.show()
        window.fit_side_panel()
        _settle(app)
        window.grab().save(str(out / f"0-inicio-{args.lang}.png"))
        path = Path(folder) / "ejemplo-darien.pmx"
        Document.create(path, load_example(args.lang)).close()
        controller.open_path(path)
        editor = window.editor
        assert editor is not None
        for index, name in enumerate(NAMES):
            editor.show_step(index)
            _settle(app)
            window.grab().save(str(out / f"{name}-{args.lang}.png"))
        controller.close_document()
    print(f"screenshots in {out}")


if __name__ == "__main__":
    main()
