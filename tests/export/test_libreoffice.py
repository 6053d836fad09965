"""LibreOffice opens the demo DOCX and prints the four matrices (the facilitators' other word processor).

Needs soffice and pdftotext. On a developer machine without them the test is skipped; when CI is set it
fails instead, because CI installs them (.ci/run) and a skip there would hide a broken export.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.cli.test_cli import run

MATRIX_HEADINGS_ES = ["Matriz 1", "Matriz 2", "Matriz 3", "Matriz 4"]


def _tools_or_fail() -> tuple[str, str]:
    soffice, pdftotext = shutil.which("soffice"), shutil.which("pdftotext")
    if soffice and pdftotext:
        return soffice, pdftotext
    message = "LibreOffice (soffice) and poppler-utils (pdftotext) are needed for this test"
    if os.environ.get("CI"):
        pytest.fail(f"{message}; CI must install them (.ci/run)")
    pytest.skip(message)


def test_libreoffice_renders_the_demo_with_its_four_matrices(tmp_path: Path) -> None:
    soffice, pdftotext = _tools_or_fail()
    pmx, docx = tmp_path / "demo.pmx", tmp_path / "demo.docx"
    assert run("demo", pmx).returncode == 0
    assert run("convert", pmx, docx).returncode == 0
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(docx)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    pdf = tmp_path / "demo.pdf"
    assert pdf.exists()
    assert pdf.stat().st_size > 10_000
    text = subprocess.run(
        [pdftotext, "-layout", str(pdf), "-"], check=True, capture_output=True, text=True, timeout=60
    ).stdout
    for heading in MATRIX_HEADINGS_ES:
        assert heading in text, f"{heading!r} missing from the PDF text"
    assert "Darién" in text
    assert "Página" in text
