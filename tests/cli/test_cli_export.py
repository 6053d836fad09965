"""`export` and `convert … .docx` through the command line, as outside checks run them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx import Document as WordDocument
from docx.shared import Mm

from matrices.examples import example_data
from tests.cli.test_cli import assert_one_error_line, fingerprint, run


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("inputs")
    files = {"es": folder / "propuesta.pmx", "en": folder / "proposal.json", "bad": folder / "roto.pmx"}
    assert run("demo", files["es"]).returncode == 0
    files["en"].write_text(json.dumps(example_data("en"), ensure_ascii=False), encoding="utf-8")
    files["bad"].write_bytes(b"not a database at all")
    return files


def headings(path: Path) -> list[str]:
    return [
        p.text for p in WordDocument(str(path)).paragraphs if p.style is not None and p.style.name.startswith("Heading")
    ]


def test_batch_goes_past_a_bad_file_and_names_it(inputs: dict[str, Path], tmp_path: Path) -> None:
    before = {key: fingerprint(path) for key, path in inputs.items()}
    result = run("export", inputs["es"], inputs["bad"], inputs["en"], "--out-dir", tmp_path / "out")
    assert result.returncode == 1
    progress = result.stdout.strip().splitlines()
    assert len(progress) == 2
    assert progress[0].startswith("[1/3]")
    assert progress[1].startswith("[3/3]")
    errors = result.stderr.strip().splitlines()
    assert all(line.startswith("error: ") for line in errors)
    assert "roto.pmx" in errors[0]
    assert "1 of 3" in errors[-1]
    assert "roto.pmx" in errors[-1]
    assert "Traceback" not in result.stderr
    assert (tmp_path / "out" / "propuesta.docx").exists()
    assert (tmp_path / "out" / "proposal.docx").exists()
    assert not (tmp_path / "out" / "roto.docx").exists()
    assert {key: fingerprint(path) for key, path in inputs.items()} == before
    assert not [p for p in (tmp_path / "out").iterdir() if p.suffix != ".docx"], "no temporary file left behind"


def test_language_and_paper_options(inputs: dict[str, Path], tmp_path: Path) -> None:
    result = run("export", inputs["es"], "--out-dir", tmp_path, "--lang", "en", "--paper", "a4")
    assert result.returncode == 0, result.stderr
    out = tmp_path / "propuesta.docx"
    assert any(text.startswith("Matrix 1") for text in headings(out))
    section = WordDocument(str(out)).sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(1)
    spanish = tmp_path / "es"
    assert run("export", inputs["es"], "--out-dir", spanish).returncode == 0
    assert any(text.startswith("Matriz 1") for text in headings(spanish / "propuesta.docx"))


def test_comments_option_writes_word_comments(tmp_path: Path) -> None:
    data = {
        "format": "policy-matrix",
        "version": 1,
        "proposal": example_data("es"),
        "comments": [
            {
                "id": "K1",
                "matrix": "problem",
                "item_id": "C2",
                "field": "description",
                "author": "Facilitadora",
                "text": "Precise qué instituciones.",
            }
        ],
    }
    source = tmp_path / "con_comentarios.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert run("export", source, "--comments").returncode == 0
    comments = list(WordDocument(str(tmp_path / "con_comentarios.docx")).comments)
    assert [c.text for c in comments] == ["Precise qué instituciones."]
    assert run("export", source, "--out-dir", tmp_path / "plain").returncode == 0
    assert list(WordDocument(str(tmp_path / "plain" / "con_comentarios.docx")).comments) == []


def test_template_errors(inputs: dict[str, Path], tmp_path: Path) -> None:
    assert_one_error_line(run("export", inputs["es"], "--template", tmp_path / "missing.docx"), "missing.docx")
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK not really a zip")
    result = run("export", inputs["es"], "--template", broken, "--out-dir", tmp_path / "out")
    assert result.returncode == 1
    assert "broken.docx" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("source_key", ["es", "en"])
def test_convert_to_docx(inputs: dict[str, Path], tmp_path: Path, source_key: str) -> None:
    target = tmp_path / "salida.docx"
    result = run("convert", inputs[source_key], target)
    assert result.returncode == 0, result.stderr
    texts = headings(target)
    assert len(texts) > 10
    assert not [p for p in tmp_path.iterdir() if p.name != "salida.docx"]


def test_export_wrong_arguments() -> None:
    assert_one_error_line(run("export"))
    assert_one_error_line(run("export", "a.pmx", "--paper", "a3"))
