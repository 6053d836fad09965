"""Rendering an exported .docx with LibreOffice and reading the PDF back: pages, lines, words split across lines.

Needs soffice and pdftotext. On a developer machine without them the tests are skipped; when CI is set they fail
instead, because CI installs them (.ci/run) and a skip there would hide a broken export.
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

_PIECE = re.compile(r"<w:t(?: [^>]*)?>([^<]*)</w:t>|<w:(?:br|tab|cr)\b[^>]*/>")
_BREAKABLE = ("-", "‐", "–", "—", "/")
"""A line may end after these inside a word ('training-of-' / 'trainers'): that is not a word cut in two."""
_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'"}


def tools_or_fail() -> tuple[str, str]:
    """Return the paths of soffice and pdftotext; skip without them, or fail when CI is set."""
    soffice, pdftotext = shutil.which("soffice"), shutil.which("pdftotext")
    if soffice and pdftotext:
        return soffice, pdftotext
    message = "LibreOffice (soffice) and poppler-utils (pdftotext) are needed for this test"
    if os.environ.get("CI"):
        pytest.fail(f"{message}; CI must install them (.ci/run)")
    pytest.skip(message)


def to_pdf(docx: Path, out_dir: Path) -> Path:
    """Convert a .docx to PDF with LibreOffice (a profile of its own, so parallel runs do not collide)."""
    return _convert(docx, out_dir, "pdf", "pdf")


def resave_docx(docx: Path, out_dir: Path) -> Path:
    """Open a .docx in LibreOffice and save it as .docx again, as a facilitator using LibreOffice would."""
    assert out_dir != docx.parent, "LibreOffice would write over the file it reads"
    return _convert(docx, out_dir, "docx:MS Word 2007 XML", "docx")


def _convert(source: Path, out_dir: Path, target: str, suffix: str) -> Path:
    soffice, _ = tools_or_fail()
    profile = out_dir / "lo-profile"
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", target,
         "--outdir", str(out_dir), str(source)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    converted = out_dir / f"{source.stem}.{suffix}"
    assert converted.exists(), f"LibreOffice did not convert {source.name}"
    return converted


def pdf_pages(pdf: Path, *, layout: bool = False) -> list[str]:
    """Return the text of each page (pdftotext; -raw keeps each table cell's lines together, -layout columns)."""
    _, pdftotext = tools_or_fail()
    mode = "-layout" if layout else "-raw"
    text = subprocess.run(
        [pdftotext, mode, str(pdf), "-"], check=True, capture_output=True, text=True, timeout=120
    ).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


def docx_words(docx: Path) -> set[str]:
    """Return every whitespace-separated word of the document's text, header and footer included."""
    words: set[str] = set()
    with zipfile.ZipFile(docx) as package:
        for name in package.namelist():
            if name.startswith("word/") and name.endswith(".xml"):
                xml = package.read(name).decode("utf-8")
                for paragraph in re.split(r"</w:p>", xml):
                    # A line break or tab between runs separates words like a space does.
                    text = "".join(m.group(1) if m.group(1) is not None else " " for m in _PIECE.finditer(paragraph))
                    for entity, char in _ENTITIES.items():
                        text = text.replace(entity, char)
                    words.update(text.split())
    return words


def split_words(pages: list[str], words: set[str]) -> list[str]:
    """Return the words of the document that a line break cut in two ('Naciona l', 'trabajador as').

    A break is a split when the last piece of one line and the first piece of the next make one of the
    document's words, and that piece or the next is not a word of the document on its own.
    """
    found = []
    for page in pages:
        lines = [line.split() for line in page.splitlines()]
        for line, following in itertools.pairwise(lines):
            if not line or not following:
                continue
            end, start = line[-1], following[0]
            if end.endswith(_BREAKABLE):
                continue
            if end + start in words and (end not in words or start not in words):
                found.append(f"{end} {start}")
    return found
