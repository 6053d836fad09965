"""A writer killed while it writes leaves nothing the next run does not clean: real processes, real SIGKILLs.

Each writer (convert to .pmx and to .json, export to Word, Save As) is started as its own process and killed
the moment its lock or temporary file appears beside the output, so that the kill lands inside the write. What
it left (the output's lock file, a temporary file, that file's SQLite journal) must be gone once the same write
has run again, and a temporary file of a writer still alive must never be touched.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import main
from matrices.examples import load_example
from storage.atomic import write_atomic
from storage.document import Document
from storage.errors import DocumentLockedError
from tests.storage.helpers import fingerprint, listing

ROOT = Path(__file__).resolve().parents[2]
ATTEMPTS = 12
"""Kills tried per writer; each lands inside the write only if the writer is caught between lock and rename."""
START_TIMEOUT = 120.0

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")

SAVE_AS = textwrap.dedent(
    """
    import sys
    from storage.document import Document
    with Document.open(sys.argv[1]) as document:
        document.save_as(sys.argv[2])
    """
)

HOLDER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from storage.atomic import lock_target, temp_beside
    target = Path(sys.argv[1])
    lock = lock_target(target)
    with temp_beside(target) as temp:
        temp.write_text("a medio escribir", encoding="utf-8")
        print(temp.name, flush=True)
        sys.stdin.readline()
    """
)

Writer = Callable[[Path, Path], list[str]]
"""(source document, output folder) -> the command line of one write."""

WRITERS: dict[str, tuple[Writer, str]] = {
    "convert to .pmx": (
        lambda source, out: [sys.executable, "main.py", "convert", str(source), str(out / "propuesta.pmx")],
        "propuesta.pmx",
    ),
    "convert to .json": (
        lambda source, out: [sys.executable, "main.py", "convert", str(source), str(out / "propuesta.json")],
        "propuesta.json",
    ),
    "export to Word": (
        lambda source, out: [sys.executable, "main.py", "export", str(source), "--out-dir", str(out)],
        "propuesta.docx",
    ),
    "save as": (lambda source, out: [sys.executable, "-c", SAVE_AS, str(source), str(out / "copia.pmx")], "copia.pmx"),
}


def start(argv: list[str]) -> subprocess.Popen[bytes]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def kill_inside_the_write(argv: list[str], out: Path, hidden: bool) -> list[str]:
    """Run one write and SIGKILL it as soon as a file (hidden: a temporary file) appears in out; return what is left."""
    process = start(argv)
    deadline = time.monotonic() + START_TIMEOUT

    def appeared() -> bool:
        names = os.listdir(out)
        return any(name.startswith(".") for name in names) if hidden else bool(names)

    try:
        while not appeared() and process.poll() is None and time.monotonic() < deadline:
            pass  # no sleep: the window between the lock and the rename is a few milliseconds
        process.send_signal(signal.SIGKILL)
    finally:
        process.kill()
        process.wait()
    return listing(out)


@pytest.mark.parametrize("writer", list(WRITERS))
def test_a_write_killed_midway_is_cleaned_by_the_next_run(writer: str, tmp_path: Path) -> None:
    command, output = WRITERS[writer]
    source = tmp_path / "fuente" / "propuesta.pmx"
    source.parent.mkdir()
    Document.create(source, load_example("es")).close()
    out = tmp_path / "salida"
    out.mkdir()
    left: list[list[str]] = []
    for attempt in range(ATTEMPTS):
        # Killed once its lock appears, or once its temporary file does: what each leaves differs.
        found = kill_inside_the_write(command(source, out), out, hidden=attempt % 2 == 1)
        if set(found) - {output}:
            left.append(found)
            if len(left) == 3:
                break
    assert left, f"no kill landed inside the write in {ATTEMPTS} attempts: the test proved nothing"
    before = fingerprint(source)
    done = subprocess.run(command(source, out), cwd=ROOT, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                          capture_output=True, text=True, check=False)  # fmt: skip
    assert done.returncode == main.EXIT_OK, (left, done.stderr)
    assert listing(out) == [output], f"left by the kills: {left}"
    assert listing(source.parent) == ["propuesta.pmx"]  # the source's own lock (Save As) is gone too
    assert fingerprint(source) == before


def test_a_live_writer_s_temporary_file_is_never_removed(tmp_path: Path) -> None:
    target = tmp_path / "propuesta.docx"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(target)], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None
        temp = tmp_path / holder.stdout.readline().strip()
        assert temp.exists()
        with pytest.raises(DocumentLockedError):  # only a holder of the target's lock looks for leftovers
            write_atomic(target, b"otro contenido")
        assert temp.read_text(encoding="utf-8") == "a medio escribir"
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    assert temp.exists()  # killed: its file stays until the next write of the target
    write_atomic(target, b"contenido")
    assert listing(tmp_path) == ["propuesta.docx"]
