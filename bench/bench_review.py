"""Time `review` over a folder of 500 proposals: the summary reader in-process, and the command line end to end.

    .venv/bin/python bench/bench_review.py [--files 500] [--runs 3] [--large-every 25] [--gui]

Target (docs/design.md §7): `review` over a folder of 500 proposals < 2 s. The folder holds copies of the example with
varied titles and authors, every 25th one grown to the large proposal (40 causes, 150 actors, 100
instruments, 200 comments). Also timed, for comparison: the same folder without stored summaries (files
written by an older build: every proposal is loaded and checked), and with --gui the dashboard filling its table.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.large_proposal import large_comments, large_proposal
from matrices.examples import load_example
from matrices.review import Comment
from storage.document import Document
from storage.summary import review_folder

ROOT = Path(__file__).resolve().parent.parent
AUTHORS = ["Ana Pérez", "Luis Gómez", "María Núñez", "José Ortiz", "Carmen Ríos", "Pedro Díaz"]


def generate(folder: Path, files: int, large_every: int) -> None:
    """Write the cohort: varied titles and authors, some drafts, some large proposals, a few comments."""
    examples = {"es": load_example("es"), "en": load_example("en")}
    large = large_proposal()
    comments_of_large = large_comments(large)
    for n in range(files):
        if large_every and n % large_every == 0:
            proposal, comments = large.model_copy(deep=True), comments_of_large
        else:
            proposal = examples["es" if n % 4 else "en"].model_copy(deep=True)
            comments = [Comment(id=f"K{k}", text="¿Fuente del dato?") for k in range(n % 4)]
            if n % 6 == 0:
                proposal.instrument_matrix.instruments = []  # a draft: lower completeness, more findings
        proposal.title = f"Propuesta {n:03d}: {proposal.title}"
        proposal.authors = [AUTHORS[n % len(AUTHORS)], AUTHORS[(n + 1) % len(AUTHORS)]]
        Document.create(folder / f"propuesta_{n:03d}.pmx", proposal, comments).close()


def drop_summaries(folder: Path) -> None:
    """Make every file look written by an older build (no stored summary)."""
    for path in folder.glob("*.pmx"):
        db = sqlite3.connect(path, isolation_level=None)
        try:
            db.execute("DELETE FROM meta WHERE key = 'summary'")
        finally:
            db.close()


def _cpu() -> float:
    """Return the CPU time used so far by this process and its finished children (os.times: 0 for children on
    Windows)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def median_of(runs: int, action: Callable[[], object]) -> tuple[float, float]:
    """Return the median wall time and the median CPU time of action over runs.

    The CPU time tells what the wall time would be on an idle machine: on a shared one the wall time also
    counts the time other processes held both cores.
    """
    walls, cpus = [], []
    for _ in range(runs):
        start, cpu = time.perf_counter(), _cpu()
        action()
        walls.append(time.perf_counter() - start)
        cpus.append(_cpu() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def run_cli(folder: Path) -> None:
    """Run `main.py review DIR` in a fresh interpreter, as a facilitator or an outside check does."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "review", str(folder)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"review failed ({result.returncode}): {result.stderr}")


def run_gui(folder: Path) -> float:
    """Return the time the dashboard takes to fill its table (offscreen)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from matrices.catalogs import Catalogs
    from matrices.fieldmodel import FieldModel
    from matrices.rules import default_rulebook
    from ui.dashboard.view import DashboardView
    from ui.workers import Workers

    app = QApplication.instance() or QApplication([])
    catalogs = Catalogs.load()
    view = DashboardView(catalogs, default_rulebook(catalogs, FieldModel.load()), workers=Workers(app))
    view.resize(1400, 800)
    view.show()
    start = time.perf_counter()
    view.open_folder(folder)
    while view.loader.busy:
        app.processEvents()
        time.sleep(0.001)
    elapsed = time.perf_counter() - start
    view.shutdown()
    return elapsed


def main() -> None:
    """Generate the folder, time the review, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--large-every", type=int, default=25)
    parser.add_argument("--gui", action="store_true", help="also time the dashboard filling its table")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "cohorte"
        folder.mkdir()
        start = time.perf_counter()
        generate(folder, args.files, args.large_every)
        size_mb = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
        print(f"generated {args.files} proposals ({size_mb:.1f} MB) in {time.perf_counter() - start:.1f} s")

        entries = review_folder(folder)
        assert len(entries) == args.files
        assert all(entry.ok for entry in entries)
        wall, cpu = median_of(args.runs, lambda: review_folder(folder))
        print(f"review_folder (summaries only), in-process: median {wall:.3f} s wall, {cpu:.3f} s CPU")
        wall, cpu = median_of(args.runs, lambda: run_cli(folder))
        print(f"main.py review DIR, end to end: median {wall:.3f} s wall, {cpu:.3f} s CPU (target < 2 s)")
        load = f"{os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else "?"
        print(f"  (medians of {args.runs} runs; load average {load} on {os.cpu_count()} cores)")
        if args.gui:
            print(f"dashboard filled (offscreen): {run_gui(folder):.3f} s")

        older = Path(temp) / "sin_resumen"
        shutil.copytree(folder, older)
        drop_summaries(older)
        wall, cpu = median_of(1, lambda: review_folder(older))
        print(f"without stored summaries (older build: load + rules per file), in-process: {wall:.3f} s wall")


if __name__ == "__main__":
    main()
