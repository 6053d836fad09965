"""The command-line contract (docs/design.md §5), exercised through subprocesses as outside checks do."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from matrices.examples import example_data, example_path, load_example
from matrices.proposal import Proposal
from storage.interchange import write_json
from tests.conftest import with_uuid_ids
from ui.cli.parser import COMMANDS

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd or ROOT,
        env=env,
        timeout=120,
        check=False,
    )


def assert_one_error_line(result: subprocess.CompletedProcess[str], mentions: str | None = None) -> None:
    assert result.returncode == 2, result
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: "), result.stderr
    assert "Traceback" not in result.stderr
    if mentions:
        assert mentions in lines[0]


def fingerprint(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


@pytest.fixture(scope="module")
def demo_pmx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.pmx"
    result = run("demo", path)
    assert result.returncode == 0, result.stderr
    return path


def test_demo_writes_the_spanish_example(demo_pmx: Path, tmp_path: Path) -> None:
    out = tmp_path / "back.json"
    assert run("convert", demo_pmx, out).returncode == 0
    assert json.loads(out.read_text(encoding="utf-8"))["proposal"]["language"] == "es"


def test_demo_in_english(tmp_path: Path) -> None:
    path = tmp_path / "demo_en.pmx"
    assert run("demo", path, "--lang", "en").returncode == 0
    result = run("check", path, "--json")
    assert result.returncode == 0
    assert any("baseline" in f["message"].lower() for f in json.loads(result.stdout))


def test_check_lists_findings_of_the_demo(demo_pmx: Path) -> None:
    before = fingerprint(demo_pmx)
    result = run("check", demo_pmx)
    assert result.returncode == 0, result.stderr
    assert "S08" in result.stdout
    assert "0 error(s)" in result.stdout
    assert "completeness" in result.stdout
    assert fingerprint(demo_pmx) == before, "check must not modify its input"


def test_check_json_prints_a_list_of_findings(demo_pmx: Path) -> None:
    result = run("check", demo_pmx, "--json", "--lang", "en")
    assert result.returncode == 0
    findings = json.loads(result.stdout)
    assert isinstance(findings, list)
    assert findings
    for finding in findings:
        assert set(finding) == {"rule", "severity", "matrix", "item", "code", "field", "label", "message"}
        assert finding["severity"] in {"error", "warning", "info"}
    s08 = [f for f in findings if f["rule"] == "S08"]
    assert {f["item"] for f in s08} >= {"INDG1", "IND1.1"}
    assert all(f["message"].startswith("Baseline to be collected") for f in s08)


def test_check_names_items_made_in_the_app_by_code_and_fields_by_label(tmp_path: Path) -> None:
    proposal = with_uuid_ids(load_example("es"))
    path = tmp_path / "uuids.json"
    write_json(path, proposal)
    evidence = proposal.problem_matrix.evidence[1]

    human = run("check", path)
    assert human.returncode == 0, human.stderr
    assert not re.search(r"[0-9a-f]{32}", human.stdout), human.stdout
    d02 = next(line for line in human.stdout.splitlines() if " D02 " in line)
    assert "D2 · Fecha de corte" in d02
    assert "cutoff_date" not in d02

    [record] = [f for f in json.loads(run("check", path, "--json", "--lang", "en").stdout) if f["rule"] == "D02"]
    assert record["item"] == evidence.id
    assert record["field"] == "cutoff_date"
    assert record["code"] == "D2"
    assert record["label"] == "Cut-off date"
    assert evidence.id not in record["message"]


def test_check_exits_1_when_errors_remain(tmp_path: Path) -> None:
    data = example_data("es")
    data["strategy_matrix"]["axes"][0]["lead_actor_id"] = "A99"
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = run("check", path, "--json")
    assert result.returncode == 1
    assert any(f["severity"] == "error" and f["item"] == "EJ1" for f in json.loads(result.stdout))


@pytest.mark.parametrize("lang", ["es", "en"])
def test_convert_round_trips_both_examples(tmp_path: Path, lang: str) -> None:
    pmx, back = tmp_path / "a.pmx", tmp_path / "b.json"
    source = example_path(lang)
    before = fingerprint(source)
    assert run("convert", source, pmx).returncode == 0
    assert run("convert", pmx, back).returncode == 0
    envelope = json.loads(back.read_text(encoding="utf-8"))
    assert envelope["format"] == "policy-matrix"
    assert envelope["version"] == 1
    original = Proposal.model_validate(example_data(lang)).model_dump(mode="json")
    assert envelope["proposal"] == original
    assert fingerprint(source) == before


def test_convert_pmx_to_pmx_leaves_the_source_alone(demo_pmx: Path, tmp_path: Path) -> None:
    before = fingerprint(demo_pmx)
    copy = tmp_path / "copy.pmx"
    assert run("convert", demo_pmx, copy).returncode == 0
    assert fingerprint(demo_pmx) == before
    assert run("check", copy).returncode == 0


def test_convert_refuses_to_overwrite_its_input(demo_pmx: Path) -> None:
    before = fingerprint(demo_pmx)
    assert_one_error_line(run("convert", demo_pmx, demo_pmx), str(demo_pmx))
    assert fingerprint(demo_pmx) == before


def test_schema_prints_the_interchange_schema() -> None:
    result = run("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert "proposal" in json.dumps(schema)
    assert schema.get("type") == "object" or "$defs" in schema


def bad_inputs(tmp_path: Path) -> dict[str, Path]:
    files = {
        "empty": tmp_path / "empty.pmx",
        "random": tmp_path / "random.pmx",
        "text": tmp_path / "text.pmx",
        "foreign": tmp_path / "foreign.pmx",
        "bad_json": tmp_path / "bad.json",
        "invalid_proposal": tmp_path / "invalid.json",
        "wrong_format": tmp_path / "wrong.json",
    }
    files["empty"].write_bytes(b"")
    files["random"].write_bytes(os.urandom(4096))
    files["text"].write_text("Estimados facilitadores: adjunto mi propuesta.\n", encoding="utf-8")
    with sqlite3.connect(files["foreign"]) as db:
        db.execute("create table notes (x text)")
    db.close()
    files["bad_json"].write_text("{not json", encoding="utf-8")
    files["invalid_proposal"].write_text(json.dumps({"title": 5, "actor_matrix": {"actors": "x"}}), encoding="utf-8")
    files["wrong_format"].write_text(json.dumps({"format": "other", "version": 1, "proposal": {}}), encoding="utf-8")
    return files


@pytest.mark.parametrize("kind", ["empty", "random", "text", "foreign", "bad_json", "invalid_proposal", "wrong_format"])
@pytest.mark.parametrize("command", ["check", "convert"])
def test_bad_input_is_one_error_line_and_exit_2(tmp_path: Path, kind: str, command: str) -> None:
    path = bad_inputs(tmp_path)[kind]
    before = fingerprint(path)
    args = [command, path] + ([tmp_path / "out.json"] if command == "convert" else [])
    if command == "convert" and path.suffix == ".json":
        args[-1] = tmp_path / "out.pmx"
    result = run(*args)
    assert_one_error_line(result, path.name)
    assert fingerprint(path) == before
    assert not (tmp_path / "out.json").exists()
    assert not (tmp_path / "out.pmx").exists()


@pytest.mark.parametrize(
    "args",
    [
        ["frobnicate"],
        ["check"],
        ["check", "a.pmx", "--lang", "fr"],
        ["demo"],
        ["convert", "only-one.json"],
        ["check", "missing.pmx"],
        ["check", "notes.txt"],
    ],
)
def test_wrong_arguments_exit_2_without_traceback(tmp_path: Path, args: list[str]) -> None:
    result = run(*args, cwd=tmp_path)
    assert_one_error_line(result)


def test_convert_to_an_unsupported_type_names_the_file(demo_pmx: Path, tmp_path: Path) -> None:
    assert_one_error_line(run("convert", demo_pmx, tmp_path / "x.txt"), "x.txt")
    assert not (tmp_path / "x.txt").exists()


def test_help_exits_0() -> None:
    result = run("--help")
    assert result.returncode == 0
    assert "check" in result.stdout


def test_help_lists_every_form_of_the_command_line_contract() -> None:
    # The README's "Command line" block is the contract: each of its commands and options is in `main.py -h`.
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Command line", 1)[1].split("```", 2)[1]
    forms = [line.split()[2] for line in block.splitlines() if line.startswith("python main.py ")]
    assert "--version" in forms
    assert len(forms) == len(COMMANDS) + 1
    for short in ("-h", "--help"):
        result = run(short)
        assert result.returncode == 0
        listed = result.stdout
        for form in forms:
            assert re.search(rf"^\s+{re.escape(form)}\b", listed, re.MULTILINE), (form, listed)
        assert "FILE.pmx" in listed.split("\n\n", 1)[0]  # the usage: a file opens the editor


def test_demo_refuses_to_replace_a_file_open_in_an_editor(tmp_path: Path) -> None:
    from storage.document import Document

    path = tmp_path / "open.pmx"
    assert run("demo", path).returncode == 0
    with Document.open(path) as editing:
        assert not editing.read_only
        before = fingerprint(path)
        result = run("demo", path)
        assert_one_error_line(result, "open.pmx")
        assert "another Policy Matrix window" in result.stderr
        assert fingerprint(path) == before
