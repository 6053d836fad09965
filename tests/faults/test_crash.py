"""Crash test: the real editor is killed (SIGKILL) at random moments while a participant types without pause.

After each kill, the file must open, pass quick_check, and hold every edit logged more than one second before
the kill (docs/design.md §3: text left alone for one second survives a kill). The driver
(tests/faults/crash_driver.py) keeps editing the same file run after run, so each run also proves that the editor
reopens what the previous crash left behind (a hot journal, a stale lock file).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from matrices.examples import load_example
from storage.document import Document
from tests.faults.crash_driver import EXIT_OPEN_FAILED, fingerprint

ROOT = Path(__file__).resolve().parents[2]
GRACE_SECONDS = 1.0
"""Edits logged at least this long before the kill must be in the file."""
KILL_AFTER_READY = (1.5, 2.5)
EARLY_KILL_EVERY = 10
"""Every tenth run is killed while the editor is still starting and opening the file."""
READY_TIMEOUT = 60.0
WORKERS = 2
"""Editors run side by side, each on its own document: the default run stays well under a minute and a half."""

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")


@dataclass
class Kill:
    """One run of the driver and what the file held after it was killed."""

    number: int
    killed_at: float
    log: list[dict[str, Any]]


def read_log(path: Path) -> list[dict[str, Any]]:
    """Return the driver's events; a line cut short by the kill is ignored."""
    if not path.exists():
        return []
    events = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            events.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    return events


def start_driver(document: Path, log: Path, seed: int, errors: Path) -> subprocess.Popen[bytes]:
    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": path}
    with open(errors, "ab") as stderr:
        return subprocess.Popen(
            [sys.executable, "-m", "tests.faults.crash_driver", str(document), str(log), "--seed", str(seed)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )


def wait_until_ready(process: subprocess.Popen[bytes], log: Path, errors: Path) -> None:
    deadline = time.monotonic() + READY_TIMEOUT
    while time.monotonic() < deadline:
        events = read_log(log)
        if any(event["kind"] == "ready" for event in events):
            return
        if process.poll() is not None:
            detail = [e.get("text", e["kind"]) for e in events] or errors.read_text(errors="replace")[-2000:]
            pytest.fail(f"the editor stopped before editing (exit {process.returncode}): {detail}")
        time.sleep(0.02)
    process.kill()
    pytest.fail("the editor did not open the document within a minute")


def crash_once(document: Path, folder: Path, number: int, rng: random.Random) -> Kill:
    """Start the editor on document, let it edit, kill it; return what it had logged."""
    log = folder / f"run{number:03}.jsonl"
    errors = folder / "stderr.txt"
    process = start_driver(document, log, seed=number, errors=errors)
    try:
        if number % EARLY_KILL_EVERY == EARLY_KILL_EVERY - 1:
            time.sleep(rng.uniform(0.1, 1.5))
        else:
            wait_until_ready(process, log, errors)
            time.sleep(rng.uniform(*KILL_AFTER_READY))
        if process.poll() is not None:
            events = read_log(log)
            pytest.fail(f"run {number}: the editor stopped by itself (exit {process.returncode}): {events[-1:]}")
        killed_at = time.time()
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.kill()
        process.wait()
    events = read_log(log)
    assert not any(e["kind"] in ("warning", "open failed") for e in events), f"run {number}: {events[-1]}"
    assert process.returncode != EXIT_OPEN_FAILED
    return Kill(number, killed_at, events)


def verify(document: Path, folder: Path, kill: Kill) -> None:
    """The file (with whatever journal the kill left) opens, is intact and holds every edit older than 1 s."""
    check = folder / f"check{kill.number:03}"
    check.mkdir()
    copy = check / document.name
    shutil.copy2(document, copy)
    journal = document.with_name(document.name + "-journal")
    if journal.exists():
        shutil.copy2(journal, check / journal.name)
    with Document.open(copy) as opened:  # for writing, as the editor would: it rolls a hot journal back
        state = fingerprint(opened.load())
    db = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
    try:
        assert db.execute("PRAGMA quick_check").fetchall() == [("ok",)], f"run {kill.number}: quick_check failed"
    finally:
        db.close()
    states = [(event["t"], event["state"]) for event in kill.log if "state" in event]
    if not states:
        return  # killed before the editor had even shown the file: opening intact is all there is to prove
    due = [index for index, (t, _state) in enumerate(states) if t <= kill.killed_at - GRACE_SECONDS]
    matches = [index for index, (_t, logged) in enumerate(states) if logged == state]
    assert matches, f"run {kill.number}: the file holds a state the editor never showed"
    if due:
        lost = due[-1] - max(matches)
        newest = states[max(matches)][0]
        assert lost <= 0, (
            f"run {kill.number}: {lost} edit(s) logged more than {GRACE_SECONDS} s before the kill are missing; "
            f"the file holds the state of {kill.killed_at - newest:.2f} s before the kill "
            f"({len(states) - 1} edits in {kill.killed_at - states[0][0]:.2f} s of editing)"
        )
    shutil.rmtree(check)


def kill_repeatedly(folder: Path, count: int, seed: int) -> int:
    """Crash the editor count times on one document, checking the file after each kill; return the kills."""
    folder.mkdir()
    document = folder / "propuesta.pmx"
    Document.create(document, load_example("es")).close()
    rng = random.Random(seed)
    for number in range(count):
        kill = crash_once(document, folder, number, rng)
        verify(document, folder, kill)
    return count


def run_kills(tmp_path: Path, count: int, seed: int) -> None:
    """Kill count times in all, on WORKERS documents at once (one editor per core keeps the run short)."""
    workers = max(1, min(WORKERS, os.cpu_count() or 1))
    shares = [count // workers + (1 if index < count % workers else 0) for index in range(workers)]
    with ThreadPoolExecutor(workers) as pool:
        futures = [
            pool.submit(kill_repeatedly, tmp_path / f"worker{index}", share, seed * 100 + index)
            for index, share in enumerate(shares)
        ]
        assert sum(future.result() for future in futures) == count


def test_twenty_kills_lose_nothing_older_than_a_second(tmp_path: Path) -> None:
    run_kills(tmp_path, count=20, seed=20)


@pytest.mark.slow
def test_two_hundred_kills_lose_nothing_older_than_a_second(tmp_path: Path) -> None:
    run_kills(tmp_path, count=200, seed=200)
