"""The editor on a proposal of 20,000 causes: how long the window, its pages and one edit take.

    .venv/bin/python bench/bench_editor_size.py [RUNS]      (RUNS fresh processes, 3 by default)

Each run is a fresh process (offscreen) that starts Policy Matrix through main.run_gui on the same `.pmx` and
times, one after the other:
- `first_paint_s`: from the start of run_gui to the main window's first paint;
- `findings_s`: from the start until the rules' first findings are shown (they run after the first paint);
- `problem_page_s`: showing the Problem step until its page has painted (the page is built on first need);
- `strategy_page_s`: showing the Strategic axes step until its page has painted;
- `evidence_tab_s`, `causes_tab_s`: back on the Problem step, its evidence tab, then its causes tab shown;
- `edit_cause_s`: one edit of a cause's text, from the undo command's push until the models have taken it in
  and the causes tab has repainted (the pending events processed).
The figures are medians over the runs. With BENCH_PROFILE=FILE each run also writes its cProfile statistics there.
Nothing here is asserted (timings are reported, never tested).
"""

from __future__ import annotations

import cProfile
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

ROOT = Path(__file__).resolve().parent.parent
CAUSES = 20_000
RUNS = 3
PROFILE = "BENCH_PROFILE"
"""Environment variable: a file to write the cProfile statistics of a run to (the figures then include its cost)."""


def _settle(app: Any) -> float:
    """Process events until none is left (paints included); return when that was."""
    app.processEvents()
    app.processEvents()
    return time.perf_counter()


def _step_of(editor: Any, matrix: str) -> int:
    return next(index for index, page in enumerate(editor.pages) if page.matrix == matrix)


def child(path: Path) -> None:
    """Start the app on path, time each step and print one JSON line."""
    import main

    # isort: split
    from PySide6.QtWidgets import QApplication, QMainWindow

    from bench.startup_child import _wait_for_first_paint
    from ui.commands import SetValueCommand

    profile = cProfile.Profile() if os.environ.get(PROFILE) else None
    if profile is not None:
        profile.enable()
    started = time.perf_counter()
    result: dict[str, float] = {}

    def until_painted(app: QApplication) -> int:
        painted = _wait_for_first_paint(app)
        result["first_paint_s"] = time.perf_counter() - started - (time.time() - painted)
        window = next(w for w in app.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible())
        editor = window.editor
        # The rules run once after the first paint (EditorView._findings_due): let them finish before the pages.
        deadline = time.monotonic() + 120
        while editor._findings is None and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.001)
        result["findings_s"] = time.perf_counter() - started
        _settle(app)
        steps = [editor._steps[index].matrix for index in range(len(editor._steps))]
        for key, matrix in (("problem_page_s", "problem"), ("strategy_page_s", "strategy")):
            begin = time.perf_counter()
            editor.show_step(steps.index(matrix))
            result[key] = _settle(app) - begin
        editor.show_step(steps.index("problem"))
        _settle(app)
        page = editor.page(steps.index("problem"))
        for key, tab in (("evidence_tab_s", page.evidence), ("causes_tab_s", page.causes)):
            begin = time.perf_counter()
            page.tabs.setCurrentIndex(page.tabs.indexOf(tab.parentWidget()))
            result[key] = _settle(app) - begin
        session = editor.session
        cause = session.proposal.problem_matrix.causes[CAUSES // 2]
        locator = ("problem_matrix", "causes", ("id", cause.id))
        begin = time.perf_counter()
        session.push(SetValueCommand(session, locator, "description", "Causa editada", "bench"))
        result["edit_cause_s"] = _settle(app) - begin
        print(json.dumps(result), flush=True)
        if profile is not None:
            profile.disable()
            profile.dump_stats(os.environ[PROFILE])
        os._exit(0)  # no settings written back, nothing else timed

    QApplication.exec = until_painted  # type: ignore[method-assign]
    main.run_gui(path)
    raise SystemExit("run_gui returned without reaching the event loop")


def measure(runs: int) -> dict[str, Any]:
    """Write the proposal once, run the child `runs` times and return the medians (and every run)."""
    from bench.large_proposal import large_proposal
    from storage.document import Document

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "veinte_mil.pmx"
        Document.create(path, large_proposal(causes=CAUSES, actors=150, instruments=100)).close()
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": folder}  # no user settings read
        results = []
        for _ in range(runs):
            done = subprocess.run(
                [sys.executable, __file__, "--child", str(path)],
                capture_output=True,
                text=True,
                env=env,
                check=False,
                cwd=ROOT,
            )
            lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
            if done.returncode != 0 or not lines:
                raise SystemExit(f"the editor run failed: {done.stderr[-500:]}")
            results.append(json.loads(lines[-1]))
    medians = {key: round(statistics.median(run[key] for run in results), 2) for key in results[0]}
    return {"causes": CAUSES, "runs": runs, "median": medians, "each": results}


def main() -> None:
    """Print the figures as JSON."""
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        child(Path(sys.argv[2]))
        return
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else RUNS
    print(json.dumps(measure(runs), indent=2))


if __name__ == "__main__":
    main()
