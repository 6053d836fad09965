"""`review` and `feedback` on Moodle downloads, through the command line, checked the way Moodle reads them back."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest

from matrices.examples import load_example
from matrices.review import Comment
from storage.document import Document
from storage.moodle import DownloadReader, make_working_copy, scan_download
from tests.cli.test_cli import assert_one_error_line, fingerprint, run
from tests.data.moodle_zips import Naming, Submission, pmx_bytes, worksheet_bytes, write_download, write_folder

# Moodle's importer accepts a name only with a plugin the assignment has: these are the ones a download holds.
PLUGINS = {("assignsubmission", "file"), ("assignsubmission", "onlinetext"), ("assignfeedback", "file")}


def moodle_match(path: str, participants: set[int]) -> tuple[int, str] | None:
    """Match a file of an uploaded feedback zip to a participant as Moodle documents it (importziplib.php).

    Hidden names (starting with "." or "~") are skipped; each part of the path, split at its first four "_"
    (PHP's explode with a limit of 5), must give a numeric participant id as its second piece and a plugin
    type and name as its third and fourth; what follows the plugin becomes the start of the file's name.
    """
    base = path.rsplit("/", 1)[-1]
    if path.endswith("/") or base.startswith((".", "~")):
        return None
    parts = path.split("/")
    while parts:
        info = parts.pop(0).split("_", 4)
        if len(info) < 4 or not info[1].isdigit() or int(info[1]) not in participants:
            continue
        if (info[2], info[3]) not in PLUGINS:
            continue
        parts.insert(0, info[4] if len(info) == 5 else "")
        return int(info[1]), "/".join(parts)
    return None


@pytest.fixture(scope="module")
def proposals() -> dict[str, bytes]:
    return {
        "es": pmx_bytes(load_example("es")),
        "en": pmx_bytes(load_example("en"), [Comment(id="K1", text="¿Fuente del dato?")]),
    }


def cohort(proposals: dict[str, bytes]) -> list[Submission]:
    return [
        Submission("José Núñez", 12, {"propuesta.pmx": proposals["es"]}),
        Submission("Participante", 13, {"v1.pmx": proposals["es"], "v2.pmx": proposals["es"]}),
        Submission("Ana Muñoz", 14, {"informe.docx": b"PK\x03\x04"}),
        Submission("Luis Díaz", 15, {"plan.pmx": proposals["en"]}),
        Submission("Eva Ríos", 16, {"roto.pmx": b"SQLite format 3\0" + b"\0" * 200}),
        Submission("Participante", 17, {"mi propuesta.pmx": proposals["es"]}),
    ]


@pytest.mark.parametrize("naming", ["folders", "legacy", "prefixed"])
def test_review_lists_each_participant_with_name_and_id(
    tmp_path: Path, proposals: dict[str, bytes], naming: Naming
) -> None:
    download = write_download(tmp_path / "curso-tarea.zip", cohort(proposals), naming)
    before = fingerprint(download)
    result = run("review", download)
    assert result.returncode == 1, result.stderr  # Eva's proposal is damaged
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["PARTICIPANT", "ID", "FILE"]
    text = "\n".join(lines[1:])
    assert "José Núñez" in text
    assert " 12 " in text
    assert "Participant 13" in text
    assert "Several proposals" in text
    assert "Ana Muñoz" in text
    assert "Only a Word file" in text
    assert "Participant 17" in text
    assert "error: roto.pmx" in text
    assert "Eva Ríos" in result.stderr
    assert "roto.pmx" in result.stderr
    assert "Traceback" not in result.stderr
    assert fingerprint(download) == before


def test_review_of_the_unpacked_folder_and_its_csv(tmp_path: Path, proposals: dict[str, bytes]) -> None:
    folder = write_folder(tmp_path / "curso-tarea", cohort(proposals))
    out = tmp_path / "cohorte.csv"
    result = run("review", folder, "--csv", out, "--lang", "es")
    assert result.returncode == 1
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    by_id = {row["ID de participante"]: row for row in rows}
    assert sorted(by_id) == ["12", "13", "14", "15", "16", "17"]
    assert by_id["17"]["Participante"] == "Participante 17"
    assert by_id["14"]["Envío"].startswith("Solo un archivo de Word")
    assert by_id["15"]["Comentarios abiertos"] == "1"
    assert by_id["16"]["Error de lectura"]


def test_review_of_a_plain_folder_is_unchanged(tmp_path: Path, proposals: dict[str, bytes]) -> None:
    (tmp_path / "ana.pmx").write_bytes(proposals["es"])
    result = run("review", tmp_path)
    assert result.returncode == 0
    assert result.stdout.split()[0] == "FILE"


def test_a_zip_that_is_not_one_is_one_error_line(tmp_path: Path) -> None:
    bad = tmp_path / "descarga.zip"
    bad.write_bytes(b"not a zip")
    assert_one_error_line(run("review", bad), "descarga.zip")


@pytest.fixture
def reviewed(tmp_path: Path, proposals: dict[str, bytes]) -> tuple[Path, Path]:
    """A download in which the facilitator commented on Luis' proposal, and its Spanish worksheet."""
    download = write_download(tmp_path / "curso-tarea.zip", cohort(proposals))
    scanned = scan_download(download)
    luis = next(p for p in scanned.participants if p.participant_id == 15)
    with DownloadReader(scanned) as reader:
        copy = make_working_copy(scanned, luis, reader)
    with Document.open(copy) as document:
        comments = document.load_comments()
        document.save_comments([*comments, Comment(id="K2", text="Precise la meta del indicador")])
    worksheet = tmp_path / "Calificaciones.csv"
    rows = [(12, "José Núñez"), (13, "Participante"), (14, "Ana Muñoz"), (15, "Luis Díaz"), (16, "Eva Ríos")]
    rows.append((17, "Participante"))
    worksheet.write_bytes(worksheet_bytes(rows, "es"))
    return download, worksheet


def test_feedback_writes_one_folder_per_participant_moodle_matches(reviewed: tuple[Path, Path], tmp_path: Path) -> None:
    download, worksheet = reviewed
    before = {download: fingerprint(download), worksheet: fingerprint(worksheet)}
    out = tmp_path / "retroalimentacion.zip"
    result = run("feedback", download, "--out", out, "--worksheet", worksheet, "--comments")
    assert result.returncode == 1, result.stderr  # Eva's damaged proposal: named, the others go on
    assert "Eva Ríos (16)" in result.stderr
    assert "error:" in result.stderr
    assert "[1/4]" in result.stdout
    assert "[4/4]" in result.stdout
    assert {path: fingerprint(path) for path in before} == before
    with zipfile.ZipFile(out) as archive:
        names = [info.filename for info in archive.infolist()]
        matched = {name: moodle_match(name, {12, 13, 14, 15, 16, 17}) for name in names}
        assert None not in matched.values(), matched
        assert sorted({pid for pid, _file in matched.values()}) == [12, 15, 17]
        assert "José Núñez_12_assignsubmission_file/propuesta-revisado.docx" in names
        assert "Participante_17_assignsubmission_file/mi propuesta-revisado.pmx" in names
        returned = tmp_path / "luis.pmx"
        returned.write_bytes(archive.read("Luis Díaz_15_assignsubmission_file/plan-reviewed.pmx"))
        docx = io.BytesIO(archive.read("Luis Díaz_15_assignsubmission_file/plan-reviewed.docx"))
    with Document.open(returned, read_only=True) as document:
        assert {c.text for c in document.load_comments()} == {"¿Fuente del dato?", "Precise la meta del indicador"}
    with zipfile.ZipFile(docx) as word:
        assert "Precise la meta del indicador" in word.read("word/comments.xml").decode("utf-8")


def test_feedback_fills_only_the_feedback_cells_of_the_worksheet(reviewed: tuple[Path, Path], tmp_path: Path) -> None:
    download, worksheet = reviewed
    out = tmp_path / "retro.zip"
    run("feedback", download, "--out", out, "--worksheet", worksheet)
    filled = out.with_suffix(".csv")
    original_rows = list(csv.reader(io.StringIO(worksheet.read_text(encoding="utf-8-sig"), newline="")))
    filled_rows = list(csv.reader(io.StringIO(filled.read_text(encoding="utf-8-sig"), newline="")))
    feedback = original_rows[0].index("Comentarios de retroalimentación")
    for before, after in zip(original_rows, filled_rows, strict=True):
        assert before[:feedback] + before[feedback + 1 :] == after[:feedback] + after[feedback + 1 :]
    texts = {row[0]: row[feedback] for row in filled_rows[1:]}
    assert texts["Participante13"] == texts["Participante14"] == texts["Participante16"] == ""
    assert "completitud" in texts["Participante12"]
    assert "0 comentarios abiertos" in texts["Participante12"]
    assert "2 comentarios abiertos" in texts["Participante15"]
    original = worksheet.read_bytes().split(b"\n")
    for index in (0, 2, 3, 5):  # the heading and the rows of participants without feedback: the same bytes
        assert filled.read_bytes().split(b"\n")[index] == original[index]


def test_feedback_never_writes_over_an_input(reviewed: tuple[Path, Path], tmp_path: Path) -> None:
    download, worksheet = reviewed
    assert_one_error_line(run("feedback", download, "--out", download), "input")
    # OUT.csv beside the zip would be the worksheet itself.
    assert_one_error_line(run("feedback", download, "--out", worksheet.with_suffix(".zip"), "--worksheet", worksheet))
    assert_one_error_line(run("feedback", tmp_path, "--out", tmp_path / "x.zip"), "not a Moodle")


def test_feedback_refuses_a_worksheet_it_cannot_fill(reviewed: tuple[Path, Path], tmp_path: Path) -> None:
    download, _worksheet = reviewed
    other = tmp_path / "otra.csv"
    other.write_text("Nombre,Nota\nAna,5\n", encoding="utf-8")
    assert_one_error_line(run("feedback", download, "--out", tmp_path / "r.zip", "--worksheet", other), "otra.csv")
    assert not (tmp_path / "r.zip").exists()
