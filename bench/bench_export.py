"""Time the Word export of the large proposal (docs/design.md §7: < 0.25 s with pictures, linear in size).

    .venv/bin/python bench/bench_export.py [--runs N]

Prints the median of N runs (default 5) with and without pictures, for the large proposal (40 causes,
150 actors, 100 instruments, 200 comments) and for four times its data (linear growth check).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.large_proposal import large_comments, large_proposal
from export.diagrams import ensure_gui_application
from export.docx_export import export_docx
from export.options import ExportOptions
from matrices.catalogs import Catalogs
from matrices.fieldmodel import FieldModel
from matrices.proposal import Proposal
from matrices.review import Comment
from matrices.rules import default_rulebook


def median_time(runs: int, proposal: Proposal, comments: list[Comment], pictures: bool) -> tuple[float, int]:
    catalogs, field_model = Catalogs.load(), FieldModel.load()
    findings = default_rulebook(catalogs, field_model).check(proposal)
    options = ExportOptions(include_comments=True, include_pictures=pictures)
    times, size = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        data = export_docx(
            proposal, catalogs=catalogs, field_model=field_model, findings=findings, comments=comments, options=options
        )
        times.append(time.perf_counter() - start)
        size = len(data)
    return statistics.median(times), size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    ensure_gui_application()
    base = large_proposal()
    scaled = large_proposal(causes=160, actors=600, instruments=400)
    cases = (("large", base, large_comments(base)), ("4x", scaled, large_comments(scaled, 800)))
    # A first export loads python-docx's template and Qt's fonts: not part of the figure.
    median_time(1, base, [], pictures=True)
    results = {}
    for name, proposal, comments in cases:
        for pictures in (True, False):
            seconds, size = median_time(args.runs, proposal, comments, pictures)
            results[name, pictures] = seconds
            label = "with pictures" if pictures else "without pictures"
            print(f"{name:5} {label:17} median {seconds * 1000:7.1f} ms  ({size // 1024} KiB, {args.runs} runs)")
    for pictures in (True, False):
        ratio = results["4x", pictures] / results["large", pictures]
        print(f"4x data / 1x data ({'with' if pictures else 'without'} pictures): {ratio:.2f}")
    print(f"load average while measuring: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
