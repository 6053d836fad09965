"""The one rule of every writer: no output is an input, a template, a side file or another output of the run."""

from __future__ import annotations

import os
import socket
import unicodedata
from pathlib import Path

import pytest

from storage.errors import OutputConflictError
from storage.outputs import check_outputs, check_table_output, plan_batch


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "propuesta.pmx"
    path.write_bytes(b"the participant's work")
    return path


def refused(outputs: list[Path], inputs: list[Path] = (), templates: list[Path] = ()) -> str:  # type: ignore[assignment]
    with pytest.raises(OutputConflictError) as caught:
        check_outputs(outputs, inputs, templates)
    assert caught.value.path == outputs[-1] or caught.value.path in outputs
    return caught.value.reason


def test_an_output_spelled_as_its_input_is_refused(source: Path) -> None:
    assert refused([source], [source]) == "is the input file; choose another output"


@pytest.mark.parametrize("spelling", ["dot", "parent", "absolute"])
def test_an_output_spelled_another_way_names_the_input(source: Path, spelling: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(source.parent)
    other = {
        "dot": Path(".") / source.name,
        "parent": Path("..") / source.parent.name / source.name,
        "absolute": source,
    }[spelling]
    reason = refused([other], [Path(source.name)])
    assert reason.startswith("is the input file")


def test_a_symbolic_link_to_an_input_is_refused(source: Path) -> None:
    link = source.with_name("salida.docx")
    link.symlink_to(source)
    assert "is the input file" in refused([link], [source])
    assert str(source) in refused([link], [source])


def test_a_hard_link_to_an_input_is_refused(source: Path) -> None:
    link = source.with_name("salida.docx")
    os.link(source, link)
    assert "under another name" in refused([link], [source])


def test_the_template_is_never_an_output(tmp_path: Path, source: Path) -> None:
    template = tmp_path / "plantilla.docx"
    template.write_bytes(b"PK")
    assert refused([template], [source], [template]).startswith("is the template file")


@pytest.mark.parametrize("name", ["a.pmx.lock", "a.pmx-journal", "A.PMX-WAL", "a.pmx-shm"])
def test_a_document_side_file_is_never_an_output(tmp_path: Path, name: str) -> None:
    assert "lock or journal" in refused([tmp_path / name])


def test_an_output_that_is_not_a_file_is_refused(tmp_path: Path) -> None:
    pipe = tmp_path / "tabla.csv"
    os.mkfifo(pipe)
    assert refused([pipe]).startswith("is a named pipe")
    assert refused([Path("/dev/null")]).startswith("is a device")
    assert refused([tmp_path]).startswith("is a folder")
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(tmp_path / "s.csv"))
        assert refused([tmp_path / "s.csv"]).startswith("is a socket")
    finally:
        sock.close()


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("propuesta.docx", "Propuesta.DOCX"),  # one file on Windows, macOS and a FAT USB stick
        ("año.docx", unicodedata.normalize("NFD", "año.docx")),  # one file on macOS
    ],
)
def test_two_outputs_that_one_disk_would_take_for_one_file_are_refused(tmp_path: Path, first: str, second: str) -> None:
    assert "would also be written as" in refused([tmp_path / first, tmp_path / second])


def test_two_outputs_through_a_linked_folder_are_one_file(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (tmp_path / "enlace").symlink_to(out)
    assert "would also be written as" in refused([out / "a.docx", tmp_path / "enlace" / "a.docx"])


def test_distinct_outputs_pass(tmp_path: Path, source: Path) -> None:
    check_outputs([tmp_path / "a.docx", tmp_path / "b.docx", source.with_suffix(".json")], [source])


def test_a_table_never_takes_a_document_name(tmp_path: Path, source: Path) -> None:
    with pytest.raises(OutputConflictError, match="document name"):
        check_table_output(tmp_path / "otra.PMX", [source])
    link = tmp_path / "cohorte.csv"
    link.symlink_to(source)
    with pytest.raises(OutputConflictError, match="input file"):
        check_table_output(link, [source])
    check_table_output(tmp_path / "cohorte2.csv", [source])


# ---- naming the outputs of a batch -------------------------------------------------------------------------------


def names(plans: list) -> list[str]:  # type: ignore[type-arg]
    return [plan.target.name for plan in plans]


def test_sources_with_one_name_get_numbered_outputs_in_order() -> None:
    plans = plan_batch([Path("a/propuesta.pmx"), Path("b/propuesta.pmx"), Path("c/propuesta.json")], Path("o"), ".docx")
    assert names(plans) == ["propuesta.docx", "propuesta-2.docx", "propuesta-3.docx"]
    assert [plan.taken_by for plan in plans] == [None, Path("a/propuesta.pmx"), Path("a/propuesta.pmx")]


def test_a_number_never_takes_another_source_natural_name() -> None:
    plans = plan_batch([Path("a/p.pmx"), Path("b/p.pmx"), Path("c/p-2.pmx")], Path("o"), ".docx")
    assert names(plans) == ["p.docx", "p-3.docx", "p-2.docx"]


def test_names_that_differ_only_by_case_are_numbered() -> None:
    plans = plan_batch([Path("a/Propuesta.pmx"), Path("b/propuesta.pmx")], Path("o"), ".docx")
    assert names(plans) == ["Propuesta.docx", "propuesta-2.docx"]


def test_without_an_out_dir_each_output_is_beside_its_source() -> None:
    plans = plan_batch([Path("a/p.pmx"), Path("b/p.pmx"), Path("a/p.json")], None, ".docx")
    assert [str(plan.target) for plan in plans] == ["a/p.docx", "b/p.docx", "a/p-2.docx"]


def test_a_source_named_twice_is_written_once(source: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(source.parent)
    plans = plan_batch([Path(source.name), source, Path("./propuesta.pmx")], Path("o"), ".docx")
    assert [plan.same_as for plan in plans] == [None, Path(source.name), Path(source.name)]
    assert {plan.target for plan in plans} == {Path("o/propuesta.docx")}


def test_the_plan_is_the_same_on_every_run(tmp_path: Path) -> None:
    sources = [tmp_path / f"{folder}/propuesta.pmx" for folder in "abcab"]
    assert plan_batch(sources, tmp_path, ".docx") == plan_batch(sources, tmp_path, ".docx")


def test_without_file_numbers_the_resolved_name_tells_files_apart(source: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Some FAT sticks and network shares report file number 0 for every file: they are not all one file."""
    real_stat = os.stat

    def no_numbers(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        info = real_stat(path, *args, **kwargs)
        return os.stat_result((info.st_mode, 0, *tuple(info)[2:]))

    monkeypatch.setattr(os, "stat", no_numbers)
    other = source.with_name("otra.docx")
    other.write_bytes(b"x")
    check_outputs([other], [source])
    assert "is the input file" in refused([source.parent / "." / source.name], [source])
    link = source.with_name("enlace.docx")
    link.symlink_to(source)
    assert "is the input file" in refused([link], [source])
