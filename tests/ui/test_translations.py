"""The Qt Linguist files: complete, in step with the tr() strings of the sources, compiled, and loaded live.

When one of these fails after a tr() string was added or changed: run `make translations`, translate the new
messages in ui/i18n/policy_matrix_es.ts (and the English %n forms in policy_matrix_en.ts), run it again.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ui.i18n import update
from ui.i18n.update import LANGUAGES, SOURCE_LANGUAGE, Message, qm_path, read_ts, ts_path
from ui.start_screen import StartScreen
from ui.translation import LanguageSwitcher, translations_dir

REFRESH = "run `make translations` (python -m ui.i18n.update), then translate the new messages"
PLACEHOLDER = re.compile(r"%(?:\d+|n)")
ACCELERATOR = re.compile(r"&(?!&)\S")


def _edges(text: str) -> tuple[str, str]:
    return text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]


def _describe(messages: list[Message]) -> str:
    return "\n".join(f"  {m.context}: {m.source!r}" for m in messages)


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != SOURCE_LANGUAGE])
def test_every_message_has_a_finished_translation(lang: str) -> None:
    # Spanish, and any language added to languages.json: English is the source text itself.
    messages = read_ts(ts_path(lang))
    assert len(messages) > 100
    waiting = [m for m in messages if not m.translated]
    assert not waiting, f"untranslated in policy_matrix_{lang}.ts ({REFRESH}):\n{_describe(waiting)}"


def test_the_english_file_holds_the_plural_forms_of_every_counted_message() -> None:
    spanish_plurals = {m.key for m in read_ts(ts_path("es")) if m.numerus}
    messages = read_ts(ts_path("en"))
    assert {m.key for m in messages} == spanish_plurals
    waiting = [m for m in messages if not m.translated or len(m.translations) != 2]
    assert not waiting, f"English %n forms missing in policy_matrix_en.ts ({REFRESH}):\n{_describe(waiting)}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_translations_keep_placeholders_accelerators_and_edge_spaces(lang: str) -> None:
    wrong = []
    for message in read_ts(ts_path(lang)):
        for text in message.translations:
            if sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(message.source)):
                wrong.append(f"{message.source!r} -> {text!r}: placeholders differ")
            if len(ACCELERATOR.findall(text)) != len(ACCELERATOR.findall(message.source)):
                wrong.append(f"{message.source!r} -> {text!r}: keyboard accelerator (&) lost or added")
            if _edges(text) != _edges(message.source):
                wrong.append(f"{message.source!r} -> {text!r}: leading or trailing space differs")
    assert not wrong, "\n".join(wrong)


def _text(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _translation_calls() -> Iterator[tuple[str, str | None, str | None]]:
    """Yield (where, context, text) for every tr()/translate() call; None where it is not a plain literal.

    The context of self.tr() is the enclosing class as lupdate sees it; QCoreApplication.translate() names its own.
    """
    for relative in update.sources():
        tree = ast.parse((update.ROOT / relative).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            where = f"{relative}:{node.lineno}: {ast.unparse(node)[:100]}"
            args = [*node.args, None, None]
            if node.func.attr == "tr":
                yield where, "", _text(args[0])
            elif node.func.attr == "translate" and ast.unparse(node.func.value).endswith("Application"):
                # lupdate never gives a counted translate(ctx, "%n …", "", n) plural forms (and drops it when n is
                # not a plain name), so it is never translated: count with self.tr() inside a QObject class.
                counted = len(node.args) > 3 or any(keyword.arg == "n" for keyword in node.keywords)
                yield where, _text(args[0]), None if counted else _text(args[1])


def test_lupdate_finds_every_tr_string_of_the_sources(tmp_path: Path) -> None:
    # A tr() inside an f-string, a computed text, or a helper such as _tr(text) is invisible to lupdate.
    fresh = tmp_path / "policy_matrix_es.ts"
    update.lupdate(fresh, "es")
    messages = read_ts(fresh)
    sources = {m.source for m in messages}
    pairs = {(m.context, m.source) for m in messages}
    hidden = [
        where
        for where, context, text in _translation_calls()
        if context is None or text is None or (text not in sources if context == "" else (context, text) not in pairs)
    ]
    assert not hidden, (
        "tr()/translate() calls lupdate cannot extract (plain literals; counts via self.tr in a class):\n"
        + "\n".join(hidden)
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_ts_files_are_in_step_with_the_sources(lang: str, tmp_path: Path) -> None:
    # lupdate must run: if it is missing this fails (update.tool raises) instead of skipping.
    fresh = tmp_path / f"policy_matrix_{lang}.ts"
    update.lupdate(fresh, lang)
    current = {m.key: m for m in read_ts(fresh)}
    committed = {m.key: m for m in read_ts(ts_path(lang))}
    missing = [current[key] for key in current.keys() - committed.keys()]
    stale = [committed[key] for key in committed.keys() - current.keys()]
    assert not missing, f"tr() strings missing from policy_matrix_{lang}.ts ({REFRESH}):\n{_describe(missing)}"
    assert not stale, f"policy_matrix_{lang}.ts keeps strings gone from the sources ({REFRESH}):\n{_describe(stale)}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_committed_qm_files_are_built_from_the_ts_files(lang: str, tmp_path: Path) -> None:
    rebuilt = tmp_path / f"policy_matrix_{lang}.qm"
    update.lrelease(ts_path(lang), rebuilt)
    assert qm_path(lang).is_file(), f"{qm_path(lang).name} is missing: {REFRESH}"
    up_to_date = qm_path(lang).read_bytes() == rebuilt.read_bytes()
    assert up_to_date, f"{qm_path(lang).name} is out of date: {REFRESH}"
    assert qm_path(lang).parent == translations_dir()


@pytest.fixture
def switcher(qapp: QApplication) -> Iterator[LanguageSwitcher]:
    """A language switcher whose translators are removed again afterwards, so other tests see the source text."""
    locale = QLocale()
    switcher = LanguageSwitcher(qapp)
    yield switcher
    switcher.clear()
    QLocale.setDefault(locale)


@pytest.mark.gui
def test_switching_language_translates_live(switcher: LanguageSwitcher) -> None:
    translate = QCoreApplication.translate
    assert switcher.apply("es")
    assert translate("MainWindow", "&File") == "&Archivo"
    assert translate("ReviewPage", "%n warning(s).", "", 1) == "1 advertencia."
    assert translate("ReviewPage", "%n warning(s).", "", 3) == "3 advertencias."
    assert translate("AppController", "Saved %n s ago", "", 5) == "Guardado hace 5 s"

    assert switcher.apply("en")
    assert translate("MainWindow", "&File") == "&File"
    assert translate("ReviewPage", "%n warning(s).", "", 1) == "1 warning."
    assert translate("ReviewPage", "%n warning(s).", "", 3) == "3 warnings."


@pytest.mark.gui
def test_a_widget_shows_its_texts_in_the_chosen_language(switcher: LanguageSwitcher, qtbot: QtBot) -> None:
    switcher.apply("es")
    screen = StartScreen()
    qtbot.addWidget(screen)
    assert screen.new_button.text() == "Nueva propuesta…"
    switcher.apply("en")
    screen.retranslate()
    assert screen.new_button.text() == "New proposal…"
