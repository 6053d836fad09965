"""Time a Moodle submissions download of 300 participants (about 40 MB): listing it, and the feedback zip.

    .venv/bin/python bench/bench_moodle.py [--participants 300] [--runs 3] [--feedback 300] [--no-gui]

Target (docs/design.md §7): the download listed by `review` and by the dashboard in < 3 s. The zip is shaped as Moodle
writes it (a folder per participant, deflated): copies of the example with varied titles and names, every 25th
grown to the large proposal, and one participant in five also sending a Word file (which is what makes the
download about 40 MB). Also timed, with no target: `feedback` for the whole cohort in this process against a
pool of two processes (each with its own QGuiApplication), which decides ui/cohort/feedback.py's default.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_review import AUTHORS, median_of
from bench.large_proposal import large_comments, large_proposal
from matrices.examples import load_example
from matrices.review import Comment
from tests.data.moodle_zips import Submission, pmx_bytes, worksheet_bytes, write_download

ROOT = Path(__file__).resolve().parent.parent


def generate(folder: Path, participants: int, large_every: int = 25) -> tuple[Path, Path]:
    """Write the download zip and its grading worksheet into folder; return their paths."""
    examples = {"es": load_example("es"), "en": load_example("en")}
    large = large_proposal()
    large_bytes = pmx_bytes(large, large_comments(large))
    word = _word_file(folder)
    submissions = []
    for n in range(participants):
        if large_every and n % large_every == 0:
            data = large_bytes
        else:
            proposal = examples["es" if n % 4 else "en"].model_copy(deep=True)
            proposal.title = f"Propuesta {n:03d}: {proposal.title}"
            if n % 6 == 0:
                proposal.instrument_matrix.instruments = []  # a draft: lower completeness, more findings
            data = pmx_bytes(proposal, [Comment(id=f"K{k}", text="¿Fuente del dato?") for k in range(n % 3)])
        files = {"propuesta.pmx": data}
        if n % 5 == 0:
            files["propuesta.docx"] = word
        name = f"{AUTHORS[n % len(AUTHORS)]} {n:03d}"
        submissions.append(Submission(name, 1000 + n, files))
    download = write_download(folder / "curso-tarea-42.zip", submissions)
    worksheet = folder / "Calificaciones-curso-tarea-42.csv"
    worksheet.write_bytes(worksheet_bytes([(s.participant_id, s.name) for s in submissions]))
    return download, worksheet


def _word_file(folder: Path) -> bytes:
    """Return the example's Word export (what a participant sends instead of, or beside, the .pmx)."""
    path = folder / "ejemplo.pmx"
    path.write_bytes(pmx_bytes(load_example("es")))
    subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "convert", str(path), str(path.with_suffix(".docx"))],
        check=True,
        capture_output=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    return path.with_suffix(".docx").read_bytes()


def run_review(download: Path) -> None:
    """Run `main.py review download.zip` in a fresh interpreter, as a facilitator does."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "review", str(download)],
        check=False,
        capture_output=True,
        text=True,
        env=env,
    )
    if done.returncode != 0:
        raise SystemExit(f"review failed ({done.returncode}): {done.stderr[-2000:]}")


def run_dashboard(download: Path) -> float:
    """Return the seconds the dashboard takes to list every participant of the download, in a fresh process.

    A process of its own: the caller (bench/run_all.py) may already hold the QGuiApplication of the export's
    diagrams, on which no widget can be made.
    """
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--dashboard-of", str(download)],
        check=False,
        capture_output=True,
        text=True,
        env=env,
    )
    if done.returncode != 0:
        raise SystemExit(f"the dashboard failed ({done.returncode}): {done.stderr[-2000:]}")
    return float(done.stdout.split()[-1])


def _time_dashboard(download: Path) -> float:
    from PySide6.QtWidgets import QApplication

    from matrices.catalogs import Catalogs
    from matrices.fieldmodel import FieldModel
    from matrices.rules import default_rulebook
    from ui.dashboard.view import DashboardView
    from ui.workers import Workers

    app = QApplication([sys.argv[0]])
    catalogs = Catalogs.load()
    view = DashboardView(catalogs, default_rulebook(catalogs, FieldModel.load()), workers=Workers(app))
    view.resize(1400, 800)
    view.show()
    start = time.perf_counter()
    view.open_folder(download)
    while view.loader.busy:
        app.processEvents()
        time.sleep(0.001)
    elapsed = time.perf_counter() - start
    rows = view.model.rowCount()
    view.shutdown()
    if rows == 0:
        raise SystemExit("the dashboard listed nobody")
    return elapsed


def run_feedback(download: Path, worksheet: Path, out: Path, workers: int, count: int) -> float:
    """Return the seconds `feedback` takes for the first `count` participants, with `workers` processes."""
    from storage.moodle import scan_download
    from ui.cohort.feedback import FeedbackRequest, build_feedback

    source = download
    if count < len(scan_download(download).participants):
        source = out.with_name(f"first-{count}.zip")
        with zipfile.ZipFile(download) as full, zipfile.ZipFile(source, "w") as part:
            keep = {name.split("/")[0] for name in full.namelist()}
            keep = set(sorted(keep)[:count])
            for info in full.infolist():
                if info.filename.split("/")[0] in keep:
                    part.writestr(info, full.read(info))
    start = time.perf_counter()
    result = build_feedback(FeedbackRequest(source, out, worksheet, workers=workers))
    elapsed = time.perf_counter() - start
    if result.failed or not result.written:
        raise SystemExit(f"feedback failed: {result.failed[:3]}")
    return elapsed


def measure(folder: Path, participants: int, runs: int, feedback: int, gui: bool = True) -> dict[str, float]:
    """Generate the download in folder and return every figure (seconds, and the zip's size in MB)."""
    started = time.perf_counter()
    download, worksheet = generate(folder, participants)
    figures = {"zip_mb": download.stat().st_size / 1e6, "generate_s": time.perf_counter() - started}
    run_review(download)  # warm the disk cache and the .pyc files
    figures["review_s"], figures["review_cpu_s"] = median_of(runs, lambda: run_review(download))
    if gui:
        run_dashboard(download)
        figures["dashboard_s"] = min(run_dashboard(download) for _ in range(runs))
    if feedback:
        figures["feedback_serial_s"] = run_feedback(download, worksheet, folder / "fb1.zip", 1, feedback)
        figures["feedback_pool_s"] = run_feedback(download, worksheet, folder / "fb2.zip", 2, feedback)
        figures["feedback_count"] = feedback
    return figures


def main() -> None:
    """Generate the download, time it, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--participants", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--feedback", type=int, default=300, help="participants in the feedback timing (0: none)")
    parser.add_argument("--no-gui", action="store_true", help="leave out the dashboard timing")
    parser.add_argument("--dashboard-of", type=Path, help=argparse.SUPPRESS)  # the child run_dashboard starts
    args = parser.parse_args()
    if args.dashboard_of is not None:
        print(f"{_time_dashboard(args.dashboard_of):.6f}")
        return
    with tempfile.TemporaryDirectory() as temp:
        figures = measure(Path(temp), args.participants, args.runs, args.feedback, not args.no_gui)
    print(f"download of {args.participants} participants: {figures['zip_mb']:.1f} MB")
    print(f"main.py review download.zip: median {figures['review_s']:.3f} s wall, {figures['review_cpu_s']:.3f} s CPU")
    if "dashboard_s" in figures:
        print(f"dashboard lists every participant: best {figures['dashboard_s']:.3f} s (target < 3 s)")
    if "feedback_serial_s" in figures:
        count = int(figures["feedback_count"])
        print(
            f"feedback for {count}: one process {figures['feedback_serial_s']:.1f} s, pool of two "
            f"{figures['feedback_pool_s']:.1f} s"
        )
    load = f"{os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else "?"
    print(f"  (load average {load} on {os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
