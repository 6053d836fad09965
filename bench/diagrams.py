"""Time the two export pictures (layout + paint + PNG), median of 5, for the example and the large proposal.

Run: .venv/bin/python -m bench.diagrams [--dpi 200] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.large_proposal import large_proposal
from export.diagrams import actor_grid_png, ensure_gui_application, problem_tree_png
from matrices.catalogs import Catalogs
from matrices.examples import load_example
from matrices.fieldmodel import FieldModel
from matrices.problem import Effect
from matrices.proposal import Proposal


def _large() -> Proposal:
    """The large proposal with 20 effects (8 direct ones there, plus 4 direct and 8 indirect)."""
    proposal = large_proposal()
    effects = proposal.problem_matrix.effects
    effects += [Effect(id=f"E{i}.1", parent_id=f"E{i}", description=f"Efecto indirecto {i}") for i in range(1, 9)]
    effects += [Effect(id=f"E{i}", description=f"Efecto directo {i}") for i in range(9, 13)]
    return proposal


def _median_ms(action: Callable[[], bytes], runs: int) -> tuple[float, int]:
    times, size = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        size = len(action())
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, size


def main() -> None:
    """Print one line per picture and proposal."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--dpi", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    ensure_gui_application()
    catalogs, field_model = Catalogs.load(), FieldModel.load()
    for name, proposal in (("example", load_example("es")), ("large", _large())):
        problem_tree_png(proposal, "es", field_model, dpi=args.dpi)  # warm up fonts and caches
        tree_ms, tree_bytes = _median_ms(
            lambda p=proposal: problem_tree_png(p, "es", field_model, dpi=args.dpi), args.runs
        )
        grid_ms, grid_bytes = _median_ms(lambda p=proposal: actor_grid_png(p, "es", catalogs, dpi=args.dpi), args.runs)
        print(
            f"{name:8} dpi {args.dpi}: tree {tree_ms:5.1f} ms ({tree_bytes // 1024} kB), "
            f"grid {grid_ms:5.1f} ms ({grid_bytes // 1024} kB), both {tree_ms + grid_ms:5.1f} ms"
        )


if __name__ == "__main__":
    main()
