"""Measure every figure of the targets (docs/design.md §7), print medians and ratios, and write bench/results.json.

    .venv/bin/python bench/run_all.py [--runs N] [--review-files 500] [--skip-review]     (or: make bench)

1. cold start to a visible main window with the example open, against a bare PySide6 window started the same way
   (a fresh `python bench/startup_child.py ...` each time, alternating, timed from spawn to first paint);
2. the Word export of the large proposal, pictures included, and of four times its data (linear growth);
3. saving one edited field in the large proposal (the file alone, and in the editor on the UI thread);
4. opening the large proposal;
5. `main.py review` over a folder of 500 proposals;
5b. a Moodle download of 300 submissions (about 40 MB): `review` and the dashboard listing it, and `feedback` for
   the cohort in one process against a pool of two (bench/bench_moodle.py);
6. peak memory (peak resident set of the child process) of the editor with the large proposal open and every step shown;
7. the bundle built by `make bundle`: its size, unpacked and as .tar.gz, and its start against `python main.py`
   (bench/bench_bundle.py; skipped when dist/policy-matrix is not built);
8. cost bounded by size (bench/bench_size.py): memory and time of `check` and `export` on files far past a proposal.

Figures are medians; nothing here is asserted (docs/design.md §7: timings are reported, never tested).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import bench_export, bench_size, bench_storage
from bench.large_proposal import large_comments, large_proposal
from matrices.examples import load_example
from storage.document import Document

ROOT = Path(__file__).resolve().parent.parent
CHILD = ROOT / "bench" / "startup_child.py"
RESULTS = ROOT / "bench" / "results.json"


class Table:
    """The figures measured so far, printed as they come and written to results.json at the end."""

    def __init__(self) -> None:
        self.rows: dict[str, dict[str, Any]] = {}

    def add(
        self, key: str, label: str, value: float | None, unit: str, target: str, met: bool | None, **extra: Any
    ) -> None:
        """Record and print one figure against its target."""
        self.rows[key] = {"label": label, "value": value, "unit": unit, "target": target, "met": met, **extra}
        shown = "skipped" if value is None else f"{value:,.3f} {unit}".replace(".000 ", " ")
        verdict = {True: "meets", False: "MISSES", None: ""}[met]
        print(f"  {label:<58} {shown:>16}   target {target:<22} {verdict}", flush=True)


def _child_env(config: Path) -> dict[str, str]:
    # The app reads and writes its settings (QSettings): keep the user's own out of the measurement.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(config), "HOME": str(config)}
    # An installed app runs from compiled bytecode after its first start; a shell that forbids writing .pyc files
    # would have every child compile the project's sources again. The cache goes beside the settings, not the tree.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(config / "pycache")
    return env


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_child(args: list[str], env: dict[str, str]) -> tuple[float, dict[str, Any]]:
    """Start a child; return (seconds from spawn to its first paint, its report, with its CPU seconds as `cpu`).

    The CPU time tells what the wall time would be on an idle machine: on a busy one the wall time also counts
    the time other processes held the cores.
    """
    cpu = _children_cpu()
    start = time.time()
    done = subprocess.run(
        [sys.executable, str(CHILD), *args], capture_output=True, text=True, env=env, check=False, timeout=300
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise SystemExit(f"startup child {args} failed ({done.returncode}): {done.stderr[-2000:]}")
    report = json.loads(lines[-1])
    report["cpu"] = _children_cpu() - cpu
    return report["painted"] - start, report


def cold_start(table: Table, runs: int, folder: Path) -> None:
    """Time the app on the example against a bare window, alternating, `runs` times each."""
    example = folder / "ejemplo.pmx"
    Document.create(example, load_example("es")).close()
    env = _child_env(folder / "config")
    run_child(["bare"], env)  # a first start warms the disk cache and writes .pyc files: not part of the figure
    run_child(["app", str(example)], env)
    bare, app, bare_cpu, app_cpu = [], [], [], []
    for _ in range(runs):
        seconds, report = run_child(["bare"], env)
        bare.append(seconds)
        bare_cpu.append(report["cpu"])
        seconds, report = run_child(["app", str(example)], env)
        app.append(seconds)
        app_cpu.append(report["cpu"])
    bare_s, app_s = statistics.median(bare), statistics.median(app)
    ratio = app_s / bare_s
    table.add("bare_window_s", "bare PySide6 window, spawn to first paint", bare_s, "s", "(reference)", None, runs=bare)
    table.add(
        "cold_start_s", "Policy Matrix with the example open, spawn to first paint", app_s, "s", "", None, runs=app
    )
    table.add("cold_start_ratio", "cold start / bare window", ratio, "x", "<= 3x", ratio <= 3)
    cpu_ratio = statistics.median(app_cpu) / statistics.median(bare_cpu)
    table.add("cold_start_cpu_ratio", "cold start / bare window, in CPU time", cpu_ratio, "x", "<= 3x", cpu_ratio <= 3)


def export(table: Table, runs: int) -> None:
    """Time the large proposal's export with pictures, and four times its data."""
    from export.diagrams import ensure_gui_application

    ensure_gui_application()
    base = large_proposal()
    scaled = large_proposal(causes=160, actors=600, instruments=400)
    bench_export.median_time(1, base, [], pictures=True)  # python-docx's template and Qt's fonts load once
    large_s, size = bench_export.median_time(runs, base, large_comments(base), pictures=True)
    scaled_s, _ = bench_export.median_time(max(1, runs // 2), scaled, large_comments(scaled, 800), pictures=True)
    table.add(
        "export_large_s",
        "export of the large proposal to DOCX, pictures included",
        large_s,
        "s",
        "< 0.25 s",
        large_s < 0.25,
        docx_kib=size // 1024,
    )
    ratio = scaled_s / large_s
    table.add("export_4x_ratio", "export time, 4x data / 1x data", ratio, "x", "<= 4x (linear)", ratio <= 4.4)


def storage(table: Table, runs: int) -> None:
    """Time opening the large proposal and saving one edited field, on the file alone."""
    figures = bench_storage.measure(runs)
    table.add(
        "save_one_field_ms",
        "save one edited field (Document.save)",
        figures["save_s"] * 1000,
        "ms",
        "<= 3 ms median",
        figures["save_s"] * 1000 <= 3,
    )
    table.add(
        "open_large_ms",
        "open the large proposal (open + load + comments)",
        figures["open_s"] * 1000,
        "ms",
        "< 80 ms",
        figures["open_s"] * 1000 < 80,
    )


def editor(table: Table, folder: Path, edits: int) -> None:
    """Open the large proposal in the editor: peak memory, and the longest save on the UI thread."""
    path = folder / "grande.pmx"
    proposal = large_proposal()
    Document.create(path, proposal, large_comments(proposal)).close()
    _seconds, report = run_child(["editor", str(path), str(edits)], _child_env(folder / "config"))
    saves = [s * 1000 for s in report["ui_saves_s"]]
    table.add(
        "ui_save_max_ms",
        "longest UI-thread block per save (editor, large proposal)",
        max(saves),
        "ms",
        "never > 16 ms",
        max(saves) <= 16,
        median_ms=statistics.median(saves),
        saves_ms=[round(save, 2) for save in saves],
    )
    peak = report["peak_rss_mb"]
    _seconds, bare = run_child(["bare"], _child_env(folder / "config"))
    table.add(
        "peak_memory_mb",
        "peak memory, large proposal open, every step shown",
        peak,
        "MB",
        "< 180 MB",
        peak < 180,
        bare_window_mb=bare["peak_rss_mb"],
    )


def review(table: Table, files: int, runs: int, folder: Path) -> None:
    """Time `main.py review DIR` over `files` proposals, end to end in a fresh interpreter."""
    try:
        from bench import bench_review
    except ImportError:
        print("  review: bench/bench_review.py is not there yet: skipped")
        table.add("review_500_s", f"main.py review over {files} proposals", None, "s", "< 2 s", None)
        return
    cohort = folder / "cohorte"
    cohort.mkdir()
    started = time.perf_counter()
    bench_review.generate(cohort, files, 25)
    print(f"  (generated {files} proposals in {time.perf_counter() - started:.0f} s)", flush=True)
    bench_review.run_cli(cohort)  # warm the disk cache
    wall, cpu = bench_review.median_of(runs, lambda: bench_review.run_cli(cohort))
    table.add("review_500_s", f"main.py review over {files} proposals (wall)", wall, "s", "< 2 s", wall < 2, cpu_s=cpu)


def moodle(table: Table, participants: int, runs: int, feedback: int, folder: Path) -> None:
    """Time a Moodle download: `review` and the dashboard listing it, `feedback` serial and in a pool of two."""
    from bench import bench_moodle

    figures = bench_moodle.measure(folder, participants, runs, feedback)
    label = f"a Moodle download of {participants} ({figures['zip_mb']:.0f} MB)"
    table.add(
        "moodle_review_s",
        f"main.py review of {label} (wall)",
        figures["review_s"],
        "s",
        "< 3 s",
        figures["review_s"] < 3,
        cpu_s=figures["review_cpu_s"],
    )
    table.add(
        "moodle_dashboard_s",
        f"dashboard listing {label}",
        figures["dashboard_s"],
        "s",
        "< 3 s",
        figures["dashboard_s"] < 3,
    )
    if feedback:
        table.add(
            "moodle_feedback_serial_s",
            f"feedback for {feedback}, one process",
            figures["feedback_serial_s"],
            "s",
            "",
            None,
        )
        table.add(
            "moodle_feedback_pool_s", f"feedback for {feedback}, pool of two", figures["feedback_pool_s"], "s", "", None
        )


def bundle(table: Table, runs: int) -> None:
    """Size the bundle and time its start against `python main.py`, alternating (skipped when not built)."""
    from bench import bench_bundle

    if not (bench_bundle.BUNDLE / bench_bundle.DESKTOP_NAME).is_file():
        print("  bundle: dist/policy-matrix is not built (make bundle): skipped")
        table.add("bundle_start_ratio", "bundle start / python main.py start", None, "x", "<= 1.3x", None)
        return
    figures = bench_bundle.measure(runs)
    unpacked, archive, ratio = figures["unpacked_mb"], figures["archive_mb"], figures["start_ratio"]
    table.add("bundle_unpacked_mb", "bundle, unpacked", unpacked, "MB", "< 120 MB", unpacked < 120)
    table.add(
        "bundle_archive_mb", "bundle, as .tar.gz", archive, "MB", "< 50 MB", None if archive is None else archive < 50
    )
    table.add(
        "bundle_start_s",
        "bundle with the example open, spawn to first paint",
        figures["bundle_start_s"],
        "s",
        "",
        None,
        runs=figures["bundle_runs"],
    )
    table.add(
        "source_start_s",
        "python main.py with the example open, the same way",
        figures["source_start_s"],
        "s",
        "(reference)",
        None,
        runs=figures["source_runs"],
    )
    table.add("bundle_start_ratio", "bundle start / python main.py start", ratio, "x", "<= 1.3x", ratio <= 1.3)


def size_bounds(table: Table, folder: Path) -> None:
    """Peak memory above the command's baseline, against 20 times the input, and the 20,000-cause export time."""
    figures = bench_size.measure(folder)
    labels = {
        "tiny_items_2mb": "check, 2 MB .json of a million tiny items (refused)",
        "tiny_items_32mb": "check, 32 MB .json of sixteen million items (refused)",
        "million_rows_pmx": "check, .pmx with a million cause rows (refused)",
        "causes_20000_check": "check, 20,000 causes (.pmx)",
        "causes_20000_export": "export, 20,000 causes (.pmx)",
        "causes_20000_export_json": "export, 20,000 causes (.json)",
    }
    for key, label in labels.items():
        figure = figures[key]
        table.add(
            f"size_{key}_x",
            f"{label}: memory / input",
            figure["ratio_to_input"],
            "x",
            f"<= {bench_size.MEMORY_FACTOR}x input",
            figure["memory_met"],
            **figure,
        )
    export = figures["causes_20000_export"]
    table.add(
        "size_export_20000_s",
        "export of 20,000 causes (.pmx), wall",
        export["seconds"],
        "s",
        f"< {bench_size.EXPORT_LIMIT_S:.0f} s",
        export["seconds"] < bench_size.EXPORT_LIMIT_S,
        cpu_s=export["cpu_seconds"],
    )


def machine() -> dict[str, Any]:
    """Describe where the figures were measured."""
    import PySide6

    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            cpu = next((line.split(":", 1)[1].strip() for line in info if line.startswith("model name")), cpu)
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "pyside6": PySide6.__version__,
        "load_average_at_start": os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
    }


def main() -> None:
    """Measure every figure, print the table and write bench/results.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (medians; default 5)")
    parser.add_argument("--review-files", type=int, default=500)
    parser.add_argument("--skip-review", action="store_true", help="leave out the 500-file review (slow to set up)")
    parser.add_argument("--moodle-participants", type=int, default=300)
    parser.add_argument(
        "--moodle-feedback", type=int, default=300, help="participants in the feedback timing (0: none)"
    )
    parser.add_argument("--skip-moodle", action="store_true", help="leave out the Moodle download (slow: feedback)")
    args = parser.parse_args()
    table = Table()
    about = machine()
    print(
        f"Policy Matrix benchmarks on {about['cpu']} ({about['cores']} cores), {about['system']}, "
        f"Python {about['python']}, PySide6 {about['pyside6']}; load average {about['load_average_at_start']:.2f}"
    )
    steps: list[tuple[str, Callable[[Path], None]]] = [
        ("cold start", lambda folder: cold_start(table, args.runs, folder)),
        ("export", lambda _folder: export(table, args.runs)),
        ("document file", lambda _folder: storage(table, max(args.runs, 21))),
        ("editor", lambda folder: editor(table, folder, 30)),
        ("cost bounded by size", lambda folder: size_bounds(table, folder)),
    ]
    if not args.skip_review:
        steps.append(("review", lambda folder: review(table, args.review_files, min(args.runs, 3), folder)))
    if not args.skip_moodle:
        steps.append(
            (
                "moodle download",
                lambda folder: moodle(table, args.moodle_participants, min(args.runs, 3), args.moodle_feedback, folder),
            )
        )
    steps.append(("bundle", lambda _folder: bundle(table, args.runs)))
    for name, step in steps:
        print(f"{name}:", flush=True)
        with tempfile.TemporaryDirectory() as temp:
            step(Path(temp))
    about["load_average_at_end"] = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    result = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": about,
        "runs": args.runs,
        "figures": table.rows,
    }
    RESULTS.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    missed = [row["label"] for row in table.rows.values() if row["met"] is False]
    print(
        f"wrote {RESULTS.relative_to(ROOT)}; {len(missed)} figure(s) miss their target"
        + (f": {'; '.join(missed)}" if missed else "")
    )


if __name__ == "__main__":
    main()
