"""No output is ever an input, a template or another output of the same run; a failed write names its output.

The command-line contract (README, "Command line"). The commands run in-process through main.run, as the
hostile-file suite runs them; tests/faults/test_hostile_paths.py runs the path classes as processes too.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from docx import Document as WordDocument

import main
from matrices.examples import load_example
from storage.document import Document
from storage.interchange import write_json
from tests.data.moodle_zips import Submission, pmx_bytes, worksheet_bytes, write_download
from tests.faults.conditions import FullDisk, write_protected
from tests.storage.helpers import fingerprint


@dataclass
class Result:
    status: int
    out: list[str]
    err: list[str]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], qapp):  # type: ignore[no-untyped-def]
    """Run one command line in this process; return its status and its stdout and stderr lines."""

    def run(*argv: str | Path) -> Result:
        status = main.run([str(arg) for arg in argv])
        captured = capsys.readouterr()
        return Result(status, captured.out.splitlines(), captured.err.splitlines())

    return run


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("example") / "propuesta.pmx"
    Document.create(path, load_example("es")).close()
    return path


def place(example: Path, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(example, path)
    return path


def one_error(result: Result, names: Path | str) -> str:
    """The contract: exit 2, one `error: FILE: reason` line naming the file, nothing on stdout."""
    assert result.status == main.EXIT_BAD_INPUT, result
    assert len(result.err) == 1, result.err
    assert result.err[0].startswith(f"error: {names}: "), result.err
    return result.err[0]


# ---- two outputs of one batch --------------------------------------------------------------------------------------


def test_two_inputs_with_one_name_get_two_outputs_and_the_progress_line_says_so(
    cli, example: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    first = place(example, tmp_path / "a" / "propuesta.pmx")
    second = tmp_path / "b" / "propuesta.pmx"
    second.parent.mkdir()
    Document.create(second, load_example("en")).close()
    out = tmp_path / "out"
    result = cli("export", first, second, "--out-dir", out)
    assert result.status == main.EXIT_OK, result
    assert sorted(p.name for p in out.iterdir()) == ["propuesta-2.docx", "propuesta.docx"]
    assert result.out[0] == f"[1/2] {first} -> {out / 'propuesta.docx'}"
    assert result.out[1] == (
        f"[2/2] {second} -> {out / 'propuesta-2.docx'} (renamed: {out / 'propuesta.docx'} is the output of {first})"
    )
    # Each participant's work is in its own file: the Spanish one and the English one.
    titles = [WordDocument(str(out / name)).core_properties.title for name in ("propuesta.docx", "propuesta-2.docx")]
    assert titles == [load_example("es").title, load_example("en").title]


def test_a_pmx_and_its_json_beside_it_get_two_outputs(cli, example: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pmx = place(example, tmp_path / "a.pmx")
    json_file = tmp_path / "a.json"
    write_json(json_file, load_example("en"))
    result = cli("export", pmx, json_file)
    assert result.status == main.EXIT_OK, result
    assert sorted(p.name for p in tmp_path.glob("*.docx")) == ["a-2.docx", "a.docx"]


def test_names_that_differ_only_by_case_never_share_an_output(cli, example: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    upper = place(example, tmp_path / "a" / "Propuesta.pmx")
    lower = place(example, tmp_path / "b" / "propuesta.pmx")
    out = tmp_path / "out"
    assert cli("export", upper, lower, "--out-dir", out).status == main.EXIT_OK
    # On a disk that ignores case (Windows, macOS, a USB stick) these would have been one file.
    assert sorted(p.name for p in out.iterdir()) == ["Propuesta.docx", "propuesta-2.docx"]


def test_an_input_named_twice_is_exported_once(cli, example: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = place(example, tmp_path / "propuesta.pmx")
    monkeypatch.chdir(tmp_path)
    result = cli("export", "propuesta.pmx", path, "./propuesta.pmx", "--out-dir", "out")
    assert result.status == main.EXIT_OK, result
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["propuesta.docx"]
    assert result.out[1] == f"[2/3] {path}: the same file as propuesta.pmx, written once as out/propuesta.docx"
    assert result.out[2] == "[3/3] propuesta.pmx: named twice, written once as out/propuesta.docx"


# ---- an output that is an input, the template, or not a file ------------------------------------------------------


@pytest.mark.parametrize("link", ["symbolic", "hard"])
def test_an_output_linked_to_an_input_is_refused_before_anything_is_written(
    cli, example: Path, tmp_path: Path, link: str
) -> None:  # type: ignore[no-untyped-def]
    source = place(example, tmp_path / "a" / "propuesta.pmx")
    other = place(example, tmp_path / "b" / "otra.pmx")
    out = tmp_path / "out"
    out.mkdir()
    target = out / "propuesta.docx"
    if link == "symbolic":
        target.symlink_to(other)
    else:
        os.link(other, target)
    before = fingerprint(other)
    result = cli("export", source, other, "--out-dir", out)
    line = one_error(result, target)
    assert f"is the input file {other}" in line
    assert fingerprint(other) == before
    assert not (out / "otra.docx").exists(), "nothing is written once an output is refused"


def test_the_template_is_never_the_output(cli, example: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = place(example, tmp_path / "propuesta.pmx")
    assert cli("export", source, "--out-dir", tmp_path / "first").status == main.EXIT_OK
    template = tmp_path / "first" / "propuesta.docx"
    before = fingerprint(template)
    result = cli("export", source, "--out-dir", tmp_path / "first", "--template", template)
    assert "is the template file" in one_error(result, template)
    assert fingerprint(template) == before
    link = tmp_path / "plantilla.docx"
    link.symlink_to(template)
    result = cli("export", source, "--out-dir", tmp_path / "first", "--template", link)
    assert "is the template file" in one_error(result, template)


def test_review_never_writes_its_csv_over_a_participant_file(cli, example: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cohort = tmp_path / "cohorte"
    victim = place(example, cohort / "b.pmx")
    place(example, cohort / "a.pmx")
    before = fingerprint(victim)
    result = cli("review", cohort, "--csv", victim)
    assert "document name" in one_error(result, victim)
    assert fingerprint(victim) == before
    link = tmp_path / "tabla.csv"
    link.symlink_to(victim)
    result = cli("review", cohort, "--csv", link)
    assert f"is the input file {victim}" in one_error(result, link)
    assert result.out == [], "refused before the table is printed"


@pytest.mark.parametrize("name", ["cohorte.pmx.lock", "a.pmx-journal"])
def test_review_never_writes_its_csv_over_a_side_file(cli, example: Path, tmp_path: Path, name: str) -> None:  # type: ignore[no-untyped-def]
    place(example, tmp_path / "a.pmx")
    assert "lock or journal" in one_error(cli("review", tmp_path, "--csv", tmp_path / name), tmp_path / name)


@pytest.mark.parametrize("spelling", ["hard link", "symbolic link", "dot", "absolute"])
def test_convert_onto_its_input_under_another_spelling_is_refused(
    cli, example: Path, tmp_path: Path, spelling: str, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    source = place(example, tmp_path / "propuesta.pmx")
    monkeypatch.chdir(tmp_path)
    target: Path = {"dot": Path("./propuesta.pmx"), "absolute": source}.get(spelling, tmp_path / "copia.pmx")
    if spelling == "hard link":
        os.link(source, target)
    elif spelling == "symbolic link":
        target.symlink_to(source)
    before = fingerprint(source)
    result = cli("convert", "propuesta.pmx", target)
    assert "is the input file" in one_error(result, target)
    assert fingerprint(source) == before


def test_convert_onto_a_document_another_window_holds_is_refused(cli, example: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    held = place(example, tmp_path / "abierta.pmx")
    source = tmp_path / "nueva.json"
    write_json(source, load_example("en"))
    with Document.open(held) as window:
        assert not window.read_only
        before = fingerprint(held)
        assert "another Policy Matrix window" in one_error(cli("convert", source, held), held)
        assert fingerprint(held) == before


@pytest.mark.parametrize("command", ["demo", "convert"])
def test_an_output_that_is_a_device_or_a_folder_is_refused(cli, example: Path, tmp_path: Path, command: str) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "carpeta.json"
    folder.mkdir()
    pipe = tmp_path / "tubo.pmx"
    os.mkfifo(pipe)
    args = [] if command == "demo" else [place(example, tmp_path / "propuesta.pmx")]
    assert "is a folder, not a file" in one_error(cli(command, *args, folder), folder)
    assert "is a named pipe, not a file" in one_error(cli(command, *args, pipe), pipe)
    assert "is a device" in one_error(cli(command, *args, "/dev/null"), "/dev/null")


# ---- a failed write names its output ------------------------------------------------------------------------------


@dataclass
class Writer:
    """A command that writes `output` (a name in the folder it is given) from `source`."""

    argv: list[str]
    output: str


def writers(source: Path, folder: Path) -> dict[str, Writer]:
    return {
        "demo pmx": Writer(["demo", str(folder / "d.pmx")], str(folder / "d.pmx")),
        "demo json": Writer(["demo", str(folder / "d.json")], str(folder / "d.json")),
        "convert pmx": Writer(["convert", str(source), str(folder / "c.pmx")], str(folder / "c.pmx")),
        "convert json": Writer(["convert", str(source), str(folder / "c.json")], str(folder / "c.json")),
        "convert docx": Writer(["convert", str(source), str(folder / "c.docx")], str(folder / "c.docx")),
        "export": Writer(["export", str(source), "--out-dir", str(folder)], str(folder / f"{source.stem}.docx")),
        "export subfolder": Writer(
            ["export", str(source), "--out-dir", str(folder / "sub")], str(folder / "sub" / f"{source.stem}.docx")
        ),
        "review csv": Writer(["review", str(source.parent), "--csv", str(folder / "r.csv")], str(folder / "r.csv")),
    }


WRITERS = list(writers(Path("x.pmx"), Path("out")))


def check_names_its_output(result: Result, writer: Writer, source: Path, reasons: tuple[str, ...]) -> None:
    errors = result.err
    assert errors, result
    assert errors[0].startswith(f"error: {writer.output}: could not be "), errors
    assert any(reason in errors[0] for reason in reasons), errors[0]
    assert not any(line.startswith("error: file:") for line in errors)
    if writer.argv[0] == "export":  # the batch: the file, then the summary naming the input that failed
        assert result.status == main.EXIT_FINDINGS
        assert len(errors) == 2
        assert errors[1] == f"error: 1 of 1 file(s) failed: {source}"
    else:
        assert result.status == main.EXIT_BAD_INPUT
        assert len(errors) == 1
        assert str(source) not in errors[0]


@pytest.fixture
def full_disk(example: Path, tmp_path: Path) -> Iterator[tuple[Path, FullDisk]]:
    """A full disk (a full tmpfs as root; else a file-size limit on this process) and an input off it."""
    source = place(example, tmp_path / "entrada" / "propuesta.pmx")
    disk = FullDisk(tmp_path / "disk")
    with disk.holding(source):
        yield source, disk


@pytest.mark.parametrize("name", WRITERS)
def test_a_full_disk_names_the_output(cli, full_disk: tuple[Path, FullDisk], name: str) -> None:  # type: ignore[no-untyped-def]
    source, disk = full_disk
    writer = writers(source, disk.folder)[name]
    with disk.limited():
        result = cli(*writer.argv)
    check_names_its_output(result, writer, source, ("No space left on device", "File too large", "the disk is full"))
    leftovers = [p.name for p in disk.folder.rglob("*") if p.is_file() and p.name not in (".filler", source.name)]
    assert not leftovers, "a failed write left files behind"


@pytest.mark.parametrize("name", WRITERS)
def test_a_write_protected_folder_names_the_output(cli, example: Path, tmp_path: Path, name: str) -> None:  # type: ignore[no-untyped-def]
    source = place(example, tmp_path / "entrada" / "propuesta.pmx")
    folder = tmp_path / "protegida"
    folder.mkdir()
    writer = writers(source, folder)[name]
    with write_protected(folder):
        result = cli(*writer.argv)
    check_names_its_output(result, writer, source, ("Read-only file system", "Permission denied"))


# ---- a long name ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".docx", ".json", ".pmx", ".csv"])
def test_an_output_with_a_long_name_is_written(cli, example: Path, tmp_path: Path, suffix: str) -> None:  # type: ignore[no-untyped-def]
    """A name of 250 bytes is valid, but the temporary file beside it once took 14 more: past the 255 allowed."""
    stem = "propuesta_del_grupo_" + "x" * (245 - len("propuesta_del_grupo_"))
    source = place(example, tmp_path / "entrada" / f"{stem}.pmx")
    out = tmp_path / "out"
    out.mkdir()
    target = out / f"{stem}{suffix}"
    if suffix == ".docx":
        result = cli("export", source, "--out-dir", out)
    elif suffix == ".csv":
        result = cli("review", source.parent, "--csv", target)
    else:
        result = cli("convert", source, target)
    assert result.status == main.EXIT_OK, result.err
    assert [p.name for p in out.iterdir()] == [target.name]


@pytest.mark.parametrize("suffix", [".pmx", ".json", ".docx"])
def test_demo_and_convert_write_to_a_name_that_is_not_utf8(cli, example: Path, tmp_path: Path, suffix: str) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / (os.fsdecode(b"propuesta_a\xf1o") + suffix)
    command = ["demo", target] if suffix != ".docx" else ["convert", example, target]
    result = cli(*command)
    assert result.status == main.EXIT_OK, result.err
    assert result.out == [f"wrote {tmp_path}/propuesta_a\\xf1o{suffix}"]
    assert target.is_file()


def test_feedback_to_a_full_disk_names_its_output(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    download = write_download(
        tmp_path / "curso.zip", [Submission("Ana Pérez", 12, {"p.pmx": pmx_bytes(load_example("es"))})]
    )
    worksheet = tmp_path / "Calificaciones.csv"
    worksheet.write_bytes(worksheet_bytes([(12, "Ana Pérez")], "es"))
    disk = FullDisk(tmp_path / "disk")
    with disk.holding(worksheet):
        out = disk.folder / "retro.zip"
        with disk.limited():
            result = cli("feedback", download, "--out", out, "--worksheet", worksheet)
    assert result.status == main.EXIT_BAD_INPUT, result
    assert len(result.err) == 1, result.err
    # The zip is written first: on a full disk it is the file named (the worksheet is never reached).
    assert result.err[0].startswith(f"error: {out}: could not be written ("), result.err
