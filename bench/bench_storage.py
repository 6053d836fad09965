"""Time the document file on the large proposal: opening it, and saving one edited field.

    .venv/bin/python bench/bench_storage.py [--runs N]

Targets (docs/design.md §7): opening < 80 ms; saving one edited field <= 3 ms median.

A save is measured as the editor makes it: the session tells the document which matrix its edits touched
(Document.save(proposal, sections=...)), so only that matrix is flattened and compared. The planning part
(what the editor's UI thread does; the write runs on a worker) and a save comparing the whole proposal (what
closing the document does) are printed too.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.large_proposal import large_comments, large_proposal
from storage.document import Document


def measure(runs: int) -> dict[str, float]:
    """Return the file size (KiB) and the median open + load and one-field save times (seconds)."""
    proposal = large_proposal()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "large.pmx"
        Document.create(path, proposal, large_comments(proposal)).close()
        size_kb = path.stat().st_size / 1024

        opens = []
        for _ in range(runs):
            start = time.perf_counter()
            with Document.open(path) as document:
                document.load()
                document.load_comments()
            opens.append(time.perf_counter() - start)

        saves, plans, full_saves = [], [], []
        with Document.open(path) as document:
            edited = document.load()
            for run in range(runs):
                edited.actor_matrix.actors[run % 150].interest_description = f"Texto editado {run}"
                start = time.perf_counter()
                stats = document.save(edited, sections={"actor_matrix"})
                saves.append(time.perf_counter() - start)
                assert stats.updated == 1, stats
            for run in range(runs):
                edited.actor_matrix.actors[run % 150].interest_description = f"Otro texto {run}"
                start = time.perf_counter()
                prepared = document.prepare_save(edited, sections={"actor_matrix"})
                plans.append(time.perf_counter() - start)
                assert document.write_prepared(prepared).updated == 1
            for run in range(runs):
                edited.actor_matrix.actors[run % 150].interest_description = f"Texto completo {run}"
                start = time.perf_counter()
                assert document.save(edited).updated == 1
                full_saves.append(time.perf_counter() - start)
    return {
        "size_kb": size_kb,
        "open_s": statistics.median(opens),
        "save_s": statistics.median(saves),
        "plan_s": statistics.median(plans),
        "full_save_s": statistics.median(full_saves),
    }


def main() -> None:
    """Print the median open and one-field save times."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=21)
    runs = parser.parse_args().runs
    figures = measure(runs)
    print(f"large proposal file: {figures['size_kb']:.0f} KiB")
    print(f"open + load (proposal and comments): median {figures['open_s'] * 1000:.1f} ms over {runs} runs")
    print(f"save one edited field: median {figures['save_s'] * 1000:.2f} ms over {runs} runs")
    print(f"  of which planned on the editing thread: median {figures['plan_s'] * 1000:.2f} ms")
    print(f"  comparing the whole proposal instead (closing): median {figures['full_save_s'] * 1000:.2f} ms")


if __name__ == "__main__":
    main()
