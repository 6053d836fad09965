"""Refresh the Qt Linguist files: lupdate over the interface sources, then lrelease into the committed .qm files.

Run `make translations` (or `.venv/bin/python -m ui.i18n.update`) after adding or changing a `self.tr()` string.
New messages appear in policy_matrix_es.ts as unfinished; translate them (Qt Linguist: `pyside6-linguist
ui/i18n/policy_matrix_es.ts`, or edit the <translation> element and drop type="unfinished") and run it again so
that the .qm files are rebuilt. The source language is English, so policy_matrix_en.ts holds only the %n plural
messages, whose English singular and plural forms must be filled in as well. Every language of
matrices/data/languages.json has a file: a language added there gets its own, every message unfinished, at the
next run.

lupdate reads the source text, not the running code: write `self.tr("literal")` (counted: `self.tr("%n item(s)", "",
n)`, inside a class) or `QCoreApplication.translate("Context", "literal")`. A tr() inside an f-string, a helper that
passes a variable to translate(), or a counted translate() is never translated; tests/ui/test_translations.py says so.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import PySide6

from matrices.localized import MESSAGE_LANGUAGE, languages

I18N_DIR = Path(__file__).resolve().parent
UI_DIR = I18N_DIR.parent
ROOT = UI_DIR.parent
LANGUAGES = languages()
"""Every language of the data (matrices/data/languages.json) has its .ts file."""
SOURCE_LANGUAGE = MESSAGE_LANGUAGE
"""The tr() strings are written in English, the language of the program's own messages."""


@dataclass(frozen=True)
class Message:
    """One message of a .ts file: where it is looked up, and its translation."""

    context: str
    source: str
    comment: str
    numerus: bool
    finished: bool
    translations: tuple[str, ...]  # one text, or one per numerus form

    @property
    def key(self) -> tuple[str, str, str, bool]:
        """Identify the message the way QTranslator looks it up."""
        return (self.context, self.source, self.comment, self.numerus)

    @property
    def translated(self) -> bool:
        """Tell whether the message is finished and has no empty text (or numerus form)."""
        return self.finished and bool(self.translations) and all(self.translations)


def ts_path(lang: str) -> Path:
    """Return the Qt Linguist source file of lang."""
    return I18N_DIR / f"policy_matrix_{lang}.ts"


def qm_path(lang: str) -> Path:
    """Return the compiled translation of lang, loaded by ui.translation.LanguageSwitcher."""
    return I18N_DIR / f"policy_matrix_{lang}.qm"


def sources() -> list[Path]:
    """Return the Python files that may hold tr() strings, relative to the repository root."""
    files = [path for path in sorted(UI_DIR.rglob("*.py")) if I18N_DIR not in path.parents]
    main = ROOT / "main.py"
    if main.is_file():
        files.append(main)
    return [path.relative_to(ROOT) for path in files]


def tool(name: str) -> str:
    """Return the path of a Qt Linguist tool (lupdate, lrelease) shipped with PySide6; raise if there is none."""
    suffix = ".exe" if sys.platform == "win32" else ""
    bundled = Path(PySide6.__file__).resolve().parent / f"{name}{suffix}"
    if bundled.is_file() and os.access(bundled, os.X_OK):
        return str(bundled)
    found = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent)) or shutil.which(f"pyside6-{name}")
    if found is None:
        raise FileNotFoundError(f"{name} not found: install PySide6 (pyside6-{name})")
    return found


def lupdate(ts: Path, lang: str) -> None:
    """Extract the tr() strings of sources() into ts, keeping its translations and dropping vanished messages."""
    command = [tool("lupdate"), *map(str, sources()), "-ts", str(ts), "-no-obsolete", "-locations", "relative"]
    command += ["-source-language", SOURCE_LANGUAGE, "-target-language", lang, "-silent"]
    if lang == SOURCE_LANGUAGE:
        command.append("-pluralonly")  # plain messages need no English translation; %n ones need the forms
    subprocess.run(command, cwd=ROOT, check=True)


def lrelease(ts: Path, qm: Path) -> None:
    """Compile ts into qm, leaving out unfinished translations (the English source text is shown instead)."""
    subprocess.run([tool("lrelease"), "-nounfinished", "-silent", str(ts), "-qm", str(qm)], check=True)


def read_ts(path: Path) -> list[Message]:
    """Return the messages of a .ts file."""
    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None:
                texts: tuple[str, ...] = ()
            elif message.get("numerus") == "yes":
                texts = tuple(form.text or "" for form in translation.iter("numerusform"))
            else:
                texts = (translation.text or "",)
            messages.append(
                Message(
                    context=name,
                    source=message.findtext("source") or "",
                    comment=message.findtext("comment") or "",
                    numerus=message.get("numerus") == "yes",
                    finished=translation is not None
                    and translation.get("type") not in ("unfinished", "vanished", "obsolete"),
                    translations=texts,
                )
            )
    return messages


def update(languages: Sequence[str] = LANGUAGES) -> None:
    """Refresh the .ts files of languages and rebuild their .qm files."""
    for lang in languages:
        lupdate(ts_path(lang), lang)
        lrelease(ts_path(lang), qm_path(lang))


def main() -> int:
    """Refresh and compile the translations; list the messages still waiting for a translation."""
    update()
    for lang in LANGUAGES:
        messages = read_ts(ts_path(lang))
        waiting = [m for m in messages if not m.translated]
        print(f"{ts_path(lang).relative_to(ROOT)}: {len(messages)} messages, {len(waiting)} to translate")
        for message in waiting:
            print(f"    {message.context}: {message.source!r}")
        if waiting:
            print('  Translate them (pyside6-linguist, or fill <translation> and drop type="unfinished"), then re-run.')
    return 0


if __name__ == "__main__":
    sys.exit(main())
