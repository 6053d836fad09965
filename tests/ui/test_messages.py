"""What the interface says about the file: storage errors and read-only states in Spanish and English, as text.

A participant's name, a lock holder or a file name can look like HTML: every message shows it literally.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from matrices.catalogs import Catalogs
from matrices.fieldmodel import FieldModel
from storage import errors
from storage.document import Document
from storage.errors import DocumentError, DocumentLockedError
from storage.lock import DocumentLock
from storage.summary import ReviewEntry
from tests.ui.helpers import build_app, demo_file, record_message_boxes
from ui.dashboard.model import CohortModel
from ui.messages import error_message
from ui.translation import LanguageSwitcher
from ui.widgets.banner import Banner
from ui.widgets.plain_text import literal
from ui.writer import DocumentWriter

HOSTILE = "<b>negrita</b><img src='file:///etc/hostname'>"


@pytest.fixture
def languages(qapp: QApplication):  # type: ignore[no-untyped-def]
    switcher = LanguageSwitcher(qapp)
    yield switcher
    switcher.clear()  # other tests expect the untranslated source strings


@pytest.fixture
def gui(qtbot: QtBot, qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, writer: DocumentWriter):  # type: ignore[no-untyped-def]
    """The main window and its controller; message boxes are recorded instead of waiting for a click."""
    warnings = record_message_boxes(monkeypatch)
    app = build_app(qtbot, qapp, tmp_path, writer=writer)
    yield app.window, app.controller, warnings
    app.controller.close_document()
    app.languages.clear()  # other tests expect the untranslated source strings


def _error_classes() -> list[type[DocumentError]]:
    found, pending = [], [DocumentError]
    while pending:
        cls = pending.pop()
        found.append(cls)
        pending.extend(cls.__subclasses__())
    return [cls for cls in found if cls.__module__ == errors.__name__]


def _instance(cls: type[DocumentError], path: Path) -> DocumentError:
    if cls is DocumentLockedError:
        return DocumentLockedError("is open in another Policy Matrix window (ana@pc)", path, "ana@pc")
    if cls is errors.UntrustedSideFileError:
        return cls("some English reason", path, path.with_name(path.name + "-journal"), "it is a link")
    return cls("some English reason", path)


# ---- text that looks like HTML -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", [HOSTILE, "A02 <h1>x</h1>", "a &lt;b&gt; c", "<!DOCTYPE html><p>x", "  <?xml version='1.0'?><b>x"]
)
def test_literal_text_is_never_taken_for_html_and_reads_the_same(text: str) -> None:
    assert QtGui.mightBeRichText(text)
    shown = literal(text)
    assert not QtGui.mightBeRichText(shown)
    assert shown.replace("\u2060", "") == text


def test_literal_leaves_ordinary_text_alone() -> None:
    for text in ("Protección en Darién: ñandú €", "3 < 4", "a & b", ""):
        assert literal(text) == text


def test_the_banner_shows_a_lock_holder_as_text(qtbot: QtBot) -> None:
    banner = Banner()
    qtbot.addWidget(banner)
    banner.show_message(HOSTILE)
    label = banner.findChild(QLabel)
    assert banner.text() == HOSTILE
    assert label is not None
    assert label.textFormat() == Qt.TextFormat.PlainText


def test_a_dashboard_file_name_is_shown_as_text(qapp: QApplication) -> None:
    model = CohortModel(Catalogs.load(), FieldModel.load(), "es")
    model.reset(Path("/tmp"))
    model.upsert([ReviewEntry(Path("/tmp") / f"{HOSTILE}.pmx", None, HOSTILE)])
    tips = [model.index(0, column).data(Qt.ItemDataRole.ToolTipRole) for column in range(model.columnCount())]
    tips = [tip for tip in tips if isinstance(tip, str)]
    assert len(tips) >= 2, "the file and its error have tooltips"
    assert not any(QtGui.mightBeRichText(tip) for tip in tips)
    assert model.rowCount(QModelIndex()) == 1


def test_an_unreadable_file_with_markup_in_its_name_is_named_as_text(gui, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _window, controller, warnings = gui
    controller.set_language("en")
    path = tmp_path / "<b>roto.pmx"
    path.write_bytes(b"")
    assert not controller.open_path(path)
    (text,) = warnings
    assert not QtGui.mightBeRichText(text)
    assert "<b>roto.pmx" in text.replace("\u2060", "")


# ---- storage errors in the interface language -----------------------------------------------------------------


@pytest.mark.parametrize("lang", ["es", "en"])
def test_every_storage_error_has_its_own_translated_sentence(
    languages: LanguageSwitcher, tmp_path: Path, lang: str
) -> None:
    languages.apply(lang)  # type: ignore[arg-type]
    path = demo_file(tmp_path, name="informe.pmx")
    classes = _error_classes()
    assert len(classes) >= 15
    texts = {}
    for cls in classes:
        exc = _instance(cls, path)
        text = error_message(exc)
        assert "informe.pmx" in text, cls.__name__
        assert "some English reason" not in text, cls.__name__
        assert str(exc) in ("some English reason", exc.reason), "the command line's text is unchanged"
        texts[cls] = text
    # Each class says something of its own (the base class is the generic fallback).
    assert len(set(texts.values())) == len(classes)
    locked = texts[DocumentLockedError]
    assert "ana@pc" in locked
    if lang == "es":
        assert "otra ventana de Policy Matrix" in locked
        assert "está dañado" in texts[errors.CorruptDocumentError]
        assert "no es una propuesta" in texts[errors.NotADocumentError]
    else:
        assert "another Policy Matrix window" in locked
        assert "is damaged" in texts[errors.CorruptDocumentError]


def test_an_unreadable_file_is_told_apart_by_the_file_system(languages: LanguageSwitcher, tmp_path: Path) -> None:
    languages.apply("es")
    missing = error_message(errors.UnreadableFileError("no such file", tmp_path / "ido.pmx"))
    folder = error_message(errors.UnreadableFileError("is a folder, not a file", tmp_path))
    assert missing.startswith("No se encontró ido.pmx")
    assert "es una carpeta" in folder


def test_an_os_error_names_its_file(languages: LanguageSwitcher) -> None:
    languages.apply("es")
    exc = OSError(errno.ENOSPC, "No space left on device", "/media/usb/cohorte.csv")
    assert error_message(exc).startswith("No se pudo escribir cohorte.csv")


@pytest.mark.parametrize(
    ("lang", "content", "expected"),
    [
        ("es", b"", "no es una propuesta de Policy Matrix"),
        ("en", b"", "is not a Policy Matrix proposal"),
        ("es", b"SQLite format 3\x00" + b"\x00" * 50, "está dañado"),
    ],
)
def test_opening_a_bad_file_explains_it_in_the_interface_language(  # type: ignore[no-untyped-def]
    gui, tmp_path: Path, lang: str, content: bytes, expected: str
) -> None:
    _window, controller, warnings = gui
    controller.set_language(lang)
    path = tmp_path / "entrega.pmx"
    path.write_bytes(content)
    assert not controller.open_path(path)
    (text,) = warnings
    assert "entrega.pmx" in text
    assert expected in text
    assert "\n" not in text


def test_save_as_onto_a_file_held_elsewhere_says_so_in_spanish(gui, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _window, controller, warnings = gui
    controller.set_language("es")
    assert controller.open_path(demo_file(tmp_path))
    target = demo_file(tmp_path, name="otra.pmx")
    with Document.open(target) as holder:
        assert not holder.read_only
        assert not controller.save_as_path(target)
    (text,) = warnings
    assert text.startswith("otra.pmx está abierto en otra ventana de Policy Matrix")


# ---- the read-only banner says why, and what to do ------------------------------------------------------------


@pytest.mark.parametrize("lang", ["es", "en"])
def test_a_file_held_by_another_window_names_it_and_says_what_to_do(gui, tmp_path: Path, lang: str) -> None:  # type: ignore[no-untyped-def]
    window, controller, _ = gui
    controller.set_language(lang)
    path = demo_file(tmp_path)
    with Document.open(path):
        assert controller.open_path(path)
        holder = controller.session.document.locked_by
        text = window.editor.banner.text()
        assert holder
        assert holder in text
        if lang == "es":
            assert text.startswith("Abierto en modo de solo lectura: otra ventana de Policy Matrix")
            assert "Cierre la propuesta en esa ventana" in text
        else:
            assert text.startswith("Opened read-only: another Policy Matrix window")
            assert "Close the proposal in that window" in text
        controller.set_language("en" if lang == "es" else "es")
        assert window.editor.banner.text() != text, "the banner follows a language switch"
        assert holder in window.editor.banner.text()
        assert controller.close_document()


def _deny_writes(monkeypatch: pytest.MonkeyPatch, denied: Path) -> None:
    """Make one path write-protected for os.access (root ignores file modes, so chmod cannot show it)."""
    real = os.access

    def access(path: object, mode: int, *args: object, **kwargs: object) -> bool:
        if mode & os.W_OK and Path(str(path)).resolve() == denied.resolve():
            return False
        return real(path, mode, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", access)


def test_a_write_protected_file_says_so_and_offers_save_as(  # type: ignore[no-untyped-def]
    gui, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, controller, _ = gui
    controller.set_language("es")
    path = demo_file(tmp_path)
    _deny_writes(monkeypatch, path)
    assert controller.open_path(path)
    assert controller.session.read_only
    text = window.editor.banner.text()
    assert "el archivo está protegido contra escritura" in text
    assert "Archivo > Guardar como" in text


def test_a_write_protected_folder_says_so(gui, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    window, controller, _ = gui
    controller.set_language("en")
    path = demo_file(tmp_path)
    _deny_writes(monkeypatch, tmp_path)
    assert controller.open_path(path)
    assert controller.session.read_only
    assert "its folder is write-protected" in window.editor.banner.text()


def test_a_lock_file_that_cannot_be_written_says_so(gui, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    window, controller, _ = gui
    controller.set_language("es")
    path = demo_file(tmp_path)

    def full_disk(_path: Path) -> DocumentLock:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(DocumentLock, "acquire", staticmethod(full_disk))
    assert controller.open_path(path)
    assert controller.session.read_only
    assert "no pudo crear su archivo de bloqueo" in window.editor.banner.text()


def test_review_mode_says_how_to_edit_instead(gui, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window, controller, _ = gui
    controller.set_language("es")
    assert controller.open_for_review(demo_file(tmp_path))
    text = window.editor.banner.text()
    assert text.startswith("Modo de revisión")
    assert "Archivo > Abrir" in text


def test_a_writable_file_has_no_banner(gui, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window, controller, _ = gui
    assert controller.open_path(demo_file(tmp_path))
    controller.set_language("en")
    assert window.editor.banner.isHidden()
