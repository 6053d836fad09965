"""A damaged installation (a catalogue, the field model, its texts, the languages or an example lost or
garbled) is said in one sentence.

Each test runs a copy of the application whose data folder was damaged as a half-finished copy or a disk error
leaves it: every command ends with one `error:` line that says to reinstall, and the editor shows the same in
a message box, then exits, instead of "internal error (KeyError ...)".
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from matrices.examples import load_example
from storage.document import Document
from ui.app_log import LOG_NAME
from ui.version import DESKTOP_NAME

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("matrices", "storage", "export", "ui")


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink()


def _garble(path: Path) -> None:
    path.write_text('{"entities": {', encoding="utf-8")


def _not_the_field_model(path: Path) -> None:
    path.write_text('{"entities": 3}', encoding="utf-8")


DAMAGES: dict[str, tuple[str, Callable[[Path], None], str]] = {
    "catalogues folder lost": ("catalogs", _remove, "missing"),
    "one catalogue lost": ("catalogs/actor_types.json", _remove, "missing"),
    "one catalogue garbled": ("catalogs/scales.json", _garble, "damaged"),
    "field model lost": ("field_model.json", _remove, "missing"),
    "field model garbled": ("field_model.json", _garble, "damaged"),
    "field model of another shape": ("field_model.json", _not_the_field_model, "damaged"),
    "example lost": ("examples/example_proposal.es.json", _remove, "missing"),
    "domain texts lost": ("texts.json", _remove, "missing"),
    "languages garbled": ("languages.json", _garble, "damaged"),
}


def damaged_copy(tmp_path: Path, damage: str) -> tuple[Path, Path]:
    """Return a copy of the application with one part of its data damaged, and that part's path."""
    copy = tmp_path / "app"
    copy.mkdir()
    shutil.copy2(ROOT / "main.py", copy / "main.py")
    for package in PACKAGES:
        shutil.copytree(ROOT / package, copy / package, ignore=shutil.ignore_patterns("__pycache__"))
    part, harm, _problem = DAMAGES[damage]
    target = copy / "matrices" / "data" / part
    harm(target)
    return copy, target


def run_copy(copy: Path, *args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": ""}
    return subprocess.run(
        [sys.executable, str(copy / "main.py"), *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.fixture
def proposal_file(tmp_path: Path) -> Path:
    path = tmp_path / "propuesta.pmx"
    Document.create(path, load_example("es")).close()
    return path


@pytest.mark.parametrize("damage", list(DAMAGES))
def test_every_command_says_the_installation_is_damaged_in_one_line(
    tmp_path: Path, proposal_file: Path, damage: str
) -> None:
    copy, part = damaged_copy(tmp_path, damage)
    problem = DAMAGES[damage][2]
    out = tmp_path / "out"
    out.mkdir()
    commands: list[tuple[str | Path, ...]] = [
        ("check", proposal_file),
        ("export", proposal_file, "--out-dir", out),
        ("review", proposal_file.parent),
        ("demo", tmp_path / "nuevo.pmx"),
    ]
    if damage == "example lost":
        commands = commands[-1:]  # only `demo` and the editor read the example
    for command in commands:
        result = run_copy(copy, *command, cwd=tmp_path)
        assert result.returncode == 2, (command, result.stdout, result.stderr)
        assert result.stderr == f"error: the installation is damaged: {part} is {problem}; reinstall Policy Matrix\n"


LAUNCHER = """
import json, os, sys
sys.path.insert(0, {root!r})
import main  # the domain before PySide6, as main.py requires
from PySide6.QtWidgets import QMessageBox

def record(_parent, title, text, *_args):
    with open(os.environ["TEST_SHOWN"], "w", encoding="utf-8") as out:
        json.dump([title, text], out)
    return QMessageBox.StandardButton.Ok

QMessageBox.critical = record  # a real one would wait for a click
sys.argv = ["policy-matrix"]
main.main()
"""


@pytest.mark.parametrize("damage", ["one catalogue lost", "field model garbled"])
def test_the_editor_says_it_in_a_message_box_then_exits(tmp_path: Path, damage: str) -> None:
    copy, part = damaged_copy(tmp_path, damage)
    shown = tmp_path / "shown.json"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "TEST_SHOWN": str(shown),
    }
    done = subprocess.run(
        [sys.executable, "-c", LAUNCHER.format(root=str(copy))],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    _title, text = json.loads(shown.read_text(encoding="utf-8"))
    assert str(part) in text
    assert "Reinstálela" in text  # the interface language (Spanish by default)
    log = (tmp_path / "state" / DESKTOP_NAME / LOG_NAME).read_text(encoding="utf-8")
    assert f"the installation is damaged: {part}" in log
