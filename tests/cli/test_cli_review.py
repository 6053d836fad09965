"""`review DIR [--csv OUT.csv] [--recursive]` through the command line, as a facilitator or an outside check runs it."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from matrices.examples import load_example
from matrices.review import Comment
from storage.document import Document
from tests.cli.test_cli import assert_one_error_line, fingerprint, run

HEADINGS = (
    "FILE",
    "TITLE",
    "AUTHORS",
    "POLICY AREA",
    "COMPLETE G/P/S/A/I",
    "ERR/WARN",
    "COMMENTS OPEN/RES",
    "MODIFIED",
)


@pytest.fixture(scope="module")
def cohort(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of three proposals (one with comments, one in a subfolder) and one damaged file."""
    folder = tmp_path_factory.mktemp("cohort")
    first = load_example("es")
    first.title = "Protección de niñas y niños en tránsito"
    first.authors = ["Ana Pérez", "Luis Gómez"]
    Document.create(
        folder / "ana.pmx",
        first,
        [Comment(id="K1", text="¿fuente?"), Comment(id="K2", text="bien", status="resolved")],
    ).close()
    second = load_example("en")
    second.title = '=HYPERLINK("http://example.com")'
    Document.create(folder / "bruno.pmx", second).close()
    (folder / "grupo2").mkdir()
    third = load_example("es")
    third.title = "Tercera propuesta"
    Document.create(folder / "grupo2" / "carla.pmx", third).close()
    (folder / "roto.pmx").write_bytes(b"Estimados facilitadores: adjunto mi propuesta.")
    (folder / "notas.txt").write_text("no es una propuesta", encoding="utf-8")
    return folder


def snapshot(folder: Path) -> dict[Path, tuple[bytes, int]]:
    return {path: fingerprint(path) for path in sorted(folder.rglob("*")) if path.is_file()}


def test_one_aligned_line_per_proposal_and_exit_1_for_the_damaged_one(cohort: Path) -> None:
    before = snapshot(cohort)
    result = run("review", cohort)
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    header = lines[0]
    assert header.split("  ")[0].strip() == "FILE"
    starts = [header.index(heading) for heading in HEADINGS]
    assert starts == sorted(starts)
    rows = {line.split()[0]: line for line in lines[1:]}
    assert set(rows) == {"ana.pmx", "bruno.pmx", "roto.pmx"}, "no subfolder without --recursive"
    ana = rows["ana.pmx"]
    assert ana[starts[1] :].startswith("Protección de niñas y niños en tránsito")
    assert ana[starts[2] :].startswith("Ana Pérez; Luis Gómez")
    assert ana[starts[3] :].startswith("Migrant smuggling")
    assert ana[starts[4] :].split()[0] == "100/100/99/100/100"
    assert ana[starts[5] :].split()[0] == "0/7"
    assert ana[starts[6] :].split()[0] == "1/1"
    assert ana[starts[7] :].startswith("20")
    assert rows["roto.pmx"][starts[1] :].startswith("error: is not a Policy Matrix document")
    errors = result.stderr.strip().splitlines()
    assert errors[0] == f"error: {cohort / 'roto.pmx'}: is not a Policy Matrix document (it is not an SQLite database)"
    assert errors[-1] == "error: 1 of 3 file(s) could not be read"
    assert "Traceback" not in result.stderr
    assert snapshot(cohort) == before, "review must not modify its input"


def test_recursive_includes_subfolders(cohort: Path) -> None:
    result = run("review", cohort, "--recursive")
    names = [line.split()[0] for line in result.stdout.splitlines()[1:]]
    assert names == ["ana.pmx", "bruno.pmx", "grupo2/carla.pmx", "roto.pmx"]


def test_csv_is_utf8_with_bom_and_safe_for_excel(cohort: Path, tmp_path: Path) -> None:
    out = tmp_path / "cohorte.csv"
    result = run("review", cohort, "--recursive", "--csv", out, "--lang", "es")
    assert result.returncode == 1
    assert f"wrote {out}" in result.stdout
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [row["Archivo"] for row in rows] == ["ana.pmx", "bruno.pmx", "grupo2/carla.pmx", "roto.pmx"]
    ana = rows[0]
    assert ana["Título"] == "Protección de niñas y niños en tránsito"
    assert ana["Autores"] == "Ana Pérez; Luis Gómez"
    assert ana["Área temática"] == "Tráfico ilícito de migrantes"
    assert ana["Estado"] == "En revisión"
    assert ana["Problema %"] == "100"
    assert ana["Estrategia %"] == "99"
    assert (ana["Errores"], ana["Advertencias"]) == ("0", "7")
    assert (ana["Comentarios abiertos"], ana["Comentarios resueltos"]) == ("1", "1")
    assert ana["Error de lectura"] == ""
    assert rows[1]["Título"].startswith("'="), "a formula from a participant's file must not run in Excel"
    assert rows[1]["Idioma"] == "en"
    assert rows[3]["Título"] == ""
    assert "not a Policy Matrix document" in rows[3]["Error de lectura"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")], "no temporary file left behind"


def test_a_folder_of_good_files_exits_0(tmp_path: Path) -> None:
    Document.create(tmp_path / "uno.pmx", load_example("es")).close()
    result = run("review", tmp_path, "--csv", tmp_path / "out.csv")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert len(result.stdout.splitlines()) == 3  # heading, one file, "wrote"


def test_an_empty_folder_exits_0(tmp_path: Path) -> None:
    result = run("review", tmp_path)
    assert result.returncode == 0
    assert "no .pmx files" in result.stdout


@pytest.mark.parametrize(
    ("args", "mentions"),
    [
        (["review", "{tmp}/nada"], "no such folder"),
        (["review", "{tmp}/archivo.pmx"], "is not a folder"),
        (["review", "{tmp}", "--csv", "{tmp}"], "is a folder"),
        (["review", "{tmp}", "--csv", "{tmp}/falta/out.csv"], "does not exist"),
        (["review"], None),
        (["review", "{tmp}", "--lang", "fr"], None),
    ],
)
def test_bad_arguments_exit_2(tmp_path: Path, args: list[str], mentions: str | None) -> None:
    (tmp_path / "archivo.pmx").write_bytes(b"")
    result = run(*(arg.format(tmp=tmp_path) for arg in args))
    assert_one_error_line(result, mentions)
