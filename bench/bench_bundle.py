"""Size and start of the one-folder bundle (`make bundle`) against `python main.py`, measured in the same run.

    .venv/bin/python bench/bench_bundle.py [--runs 5] [--bundle dist/policy-matrix]

The targets (docs/design.md §7): under 120 MB unpacked and under 50 MB as .tar.gz; starting to a visible window
within 1.3x of `python main.py`. Both starts open the example and are timed the same way, alternating: from
spawn to the main window's first paint, which the application itself reports (POLICY_MATRIX_QUIT_AFTER_PAINT,
ui/desktop.py) before it quits. Sizes are in MB of 10^6 bytes; the archive is the one `make bundle` writes (gzip -9).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from matrices.examples import load_example
from storage.document import Document
from ui.desktop import QUIT_AFTER_PAINT
from ui.version import DESKTOP_NAME

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / DESKTOP_NAME


def folder_bytes(folder: Path) -> int:
    """Return the bytes of every file under folder (symbolic links not followed)."""
    return sum(path.lstat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def archive_of(bundle: Path) -> Path | None:
    """Return the .tar.gz that `make bundle` wrote beside the bundle, if any."""
    found = sorted(bundle.parent.glob(f"{DESKTOP_NAME}-*.tar.gz"))
    return found[-1] if found else None


def first_paint(command: list[str], env: dict[str, str], report: Path) -> float:
    """Start command; return the seconds from spawn to the first paint of its main window."""
    report.unlink(missing_ok=True)
    start = time.time()
    done = subprocess.run(command, env={**env, QUIT_AFTER_PAINT: str(report)}, capture_output=True, check=False)
    if done.returncode != 0 or not report.is_file():
        raise SystemExit(f"{command[0]} did not start ({done.returncode}): {done.stderr.decode()[-2000:]}")
    return float(json.loads(report.read_text(encoding="utf-8"))["painted"]) - start


def measure(runs: int, bundle: Path = BUNDLE) -> dict[str, Any]:
    """Return the bundle's sizes and its start against `python main.py` (medians of runs, alternating)."""
    with tempfile.TemporaryDirectory(prefix="pm-bench-bundle-") as temp:
        folder = Path(temp)
        example = folder / "ejemplo.pmx"
        Document.create(example, load_example("es"), []).close()
        # Settings and the log stay out of the user's home; the sources' .pyc files are written once, as installed.
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(folder), "XDG_CONFIG_HOME": str(folder)}
        env.update(XDG_STATE_HOME=str(folder / "state"), PYTHONPYCACHEPREFIX=str(folder / "pycache"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        frozen = [str(bundle / DESKTOP_NAME), str(example)]
        source = [sys.executable, str(ROOT / "main.py"), str(example)]
        report = folder / "painted.json"
        for command in (frozen, source):  # warm the disk cache and the bytecode: not part of the figure
            first_paint(command, env, report)
        frozen_s, source_s = [], []
        for _ in range(runs):
            frozen_s.append(first_paint(frozen, env, report))
            source_s.append(first_paint(source, env, report))
    archive = archive_of(bundle)
    return {
        "unpacked_mb": folder_bytes(bundle) / 1e6,
        "archive_mb": archive.stat().st_size / 1e6 if archive is not None else None,
        "bundle_start_s": statistics.median(frozen_s),
        "source_start_s": statistics.median(source_s),
        "start_ratio": statistics.median(frozen_s) / statistics.median(source_s),
        "bundle_runs": frozen_s,
        "source_runs": source_s,
    }


def main() -> None:
    """Print the bundle's figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--bundle", type=Path, default=BUNDLE, help="the bundle folder (default dist/policy-matrix)")
    args = parser.parse_args()
    if not (args.bundle / DESKTOP_NAME).is_file():
        raise SystemExit(f"no bundle in {args.bundle}: run `make bundle` first")
    figures = measure(args.runs, args.bundle)
    archive = figures["archive_mb"]
    print(f"unpacked {figures['unpacked_mb']:.1f} MB; archive " + (f"{archive:.1f} MB" if archive else "not built"))
    print(
        f"start to first paint: bundle {figures['bundle_start_s']:.3f} s, python main.py "
        f"{figures['source_start_s']:.3f} s, ratio {figures['start_ratio']:.2f}x"
    )


if __name__ == "__main__":
    main()
