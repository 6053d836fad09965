"""Cost bounded by size: peak memory and time of the command line on files far larger than a proposal.

    .venv/bin/python bench/bench_size.py          (also part of bench/run_all.py)

Each figure is a fresh `python main.py ...` process; its peak resident memory comes from the kernel (wait4).
The target (issue 10): peak memory at most 20 times the input's size above the same command's baseline on the
bundled example, and a proposal of 20,000 causes exported in under 10 s.

- a 2 MB .json holding a million tiny list items, and a 32 MB one holding sixteen million (refused at once);
- a .pmx whose causes table holds a million rows (refused after reading one row past the limit);
- a proposal of 20,000 causes (every list at most MAX_LIST_ITEMS long, so it is accepted): `check` and `export`.

Nothing here is asserted (timings are reported, never tested).
"""

from __future__ import annotations

import json
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.large_proposal import large_proposal
from matrices.examples import load_example
from storage.document import Document
from storage.interchange import dump_json

ROOT = Path(__file__).resolve().parent.parent
MEMORY_FACTOR = 20
EXPORT_LIMIT_S = 10.0
CAUSES = 20_000


@dataclass(frozen=True)
class Run:
    """One child process: its exit status, wall time, peak resident memory and what it printed on stderr."""

    status: int
    seconds: float
    cpu_seconds: float
    """User and system time: what the wall time would be on an idle machine (this one is shared)."""
    peak_mb: float
    err: str


_PEAK_WRAPPER = """
import atexit, runpy, sys

def _peak():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM"):
                sys.stderr.write("PEAK_KB " + line.split()[1] + "\\n")

atexit.register(_peak)
sys.argv = sys.argv[1:]
runpy.run_path(sys.argv[0], run_name="__main__")
"""
"""Runs main.py and reports the process's own peak (VmHWM): ru_maxrss of a child would count the parent's memory
at the fork, and this process holds a 20,000-cause proposal."""


def run_main(*args: str) -> Run:
    """Run `python main.py args...` and return its status, wall time and peak memory."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _PEAK_WRAPPER, str(ROOT / "main.py"), *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        check=False,
        text=True,
    )
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    lines = done.stderr.splitlines()
    peaks = [int(line.split()[1]) for line in lines if line.startswith("PEAK_KB ")]
    err = "\n".join(line for line in lines if not line.startswith("PEAK_KB "))
    return Run(done.returncode, seconds, cpu, peaks[-1] / 1024 if peaks else float("nan"), err.strip()[-300:])


def tiny_items_json(path: Path, count: int) -> Path:
    """An interchange file whose list of authors holds count zeros: about 2 bytes an item."""
    head = '{"format": "policy-matrix", "version": 1, "proposal": {"authors": ['
    path.write_text(head + ",".join(["0"] * count) + "]}}", encoding="utf-8")
    return path


def million_rows_pmx(path: Path, rows: int) -> Path:
    """The example as a .pmx whose causes table is grown to `rows` rows by another program."""
    Document.create(path, load_example("es")).close()
    db = sqlite3.connect(path)
    try:
        columns = [row[1] for row in db.execute("PRAGMA table_info(causes)")]
        values = {"pk": "n + 1000", "item_id": "'X' || n", "position": "n + 1000", "description": "''"}
        listed = ", ".join(values.get(column, column) for column in columns)
        db.execute(
            f"INSERT INTO causes ({', '.join(columns)}) "
            f"WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < {rows}) "
            f"SELECT {listed} FROM k, (SELECT * FROM causes LIMIT 1)"
        )
        db.commit()
    finally:
        db.close()
    return path


def measure(folder: Path) -> dict[str, Any]:
    """Measure every figure; return them by key."""
    example_json = folder / "ejemplo.json"
    example_json.write_text(dump_json(load_example("es")), encoding="utf-8")
    example_pmx = folder / "ejemplo.pmx"
    Document.create(example_pmx, load_example("es")).close()
    out = folder / "out"
    out.mkdir()
    figures: dict[str, Any] = {}
    base_check = run_main("check", str(example_json))
    base_check_pmx = run_main("check", str(example_pmx))
    base_export = run_main("export", str(example_pmx), "--out-dir", str(out))
    figures["baseline"] = {
        "check_json_mb": base_check.peak_mb,
        "check_pmx_mb": base_check_pmx.peak_mb,
        "export_mb": base_export.peak_mb,
    }
    cases = [
        ("tiny_items_2mb", tiny_items_json(folder / "millon.json", 1_000_000), "check", base_check),
        ("tiny_items_32mb", tiny_items_json(folder / "dieciseis.json", 16_000_000), "check", base_check),
        ("million_rows_pmx", million_rows_pmx(folder / "filas.pmx", 1_000_000), "check", base_check_pmx),
    ]
    big = large_proposal(causes=CAUSES, actors=150, instruments=100)
    big_pmx = folder / "veinte_mil.pmx"
    Document.create(big_pmx, big).close()
    cases.append(("causes_20000_check", big_pmx, "check", base_check_pmx))
    for key, path, command, baseline in cases:
        run = run_main(command, str(path))
        size_mb = path.stat().st_size / 1024 / 1024
        figures[key] = _figure(run, size_mb, baseline)
    big_json = folder / "veinte_mil.json"
    big_json.write_text(dump_json(big), encoding="utf-8")
    for key, path in (("causes_20000_export", big_pmx), ("causes_20000_export_json", big_json)):
        run = run_main("export", str(path), "--out-dir", str(out))
        size_mb = path.stat().st_size / 1024 / 1024
        figures[key] = _figure(run, size_mb, base_export) | {"time_met": run.seconds < EXPORT_LIMIT_S}
    return figures


def _figure(run: Run, size_mb: float, baseline: Run) -> dict[str, Any]:
    above = run.peak_mb - baseline.peak_mb
    return {
        "input_mb": round(size_mb, 2),
        "status": run.status,
        "seconds": round(run.seconds, 2),
        "cpu_seconds": round(run.cpu_seconds, 2),
        "peak_mb": round(run.peak_mb, 1),
        "above_baseline_mb": round(above, 1),
        "ratio_to_input": round(above / size_mb, 1) if size_mb else None,
        "memory_met": above <= MEMORY_FACTOR * size_mb,
        "message": run.err.splitlines()[-1] if run.err else "",
    }


def main() -> None:
    """Print every figure as JSON."""
    with tempfile.TemporaryDirectory() as folder:
        print(json.dumps(measure(Path(folder)), indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
