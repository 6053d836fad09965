"""The direction of imports (docs/design.md §2) and the size budget, read from the source with `ast`."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIRST_PARTY = ("matrices", "storage", "export", "ui", "main")

# What each layer may import besides the standard library and itself.
ALLOWED_THIRD_PARTY = {
    "matrices": {"pydantic", "pydantic_core", "annotated_types"},
    "storage": {"pydantic", "sqlalchemy"},
    # lxml is python-docx's own XML engine: the bounded Word reader (export/docx_safety.py) parses with it.
    "export": {"pydantic", "docx", "lxml", "PySide6.QtGui", "PySide6.QtCore"},
    "ui": None,  # anything
}
ALLOWED_FIRST_PARTY = {
    "matrices": {"matrices"},
    "storage": {"matrices", "storage"},
    "export": {"matrices", "export"},
    "ui": {"matrices", "storage", "export", "ui"},
}


def _modules() -> dict[str, Path]:
    found = {"main": ROOT / "main.py"}
    for package in ("matrices", "storage", "export", "ui"):
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(path: Path, module_level_only: bool) -> set[str]:
    """Return the absolute names a module imports (TYPE_CHECKING blocks excluded)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()

    def visit(nodes: list[ast.stmt], top: bool) -> None:
        for node in nodes:
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.If) and _is_type_checking(node):
                continue
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and module_level_only:
                continue
            for field in ("body", "orelse", "finalbody", "handlers"):
                children = getattr(node, field, None)
                if isinstance(children, list):
                    visit([c for c in children if isinstance(c, ast.stmt | ast.ExceptHandler)], top)  # type: ignore[misc]

    visit(tree.body, True)
    return names


def _layer(module: str) -> str:
    return module.split(".", maxsplit=1)[0]


@pytest.mark.parametrize("module", sorted(m for m in _modules() if _layer(m) != "main"))
def test_imports_point_one_way(module: str) -> None:
    layer = _layer(module)
    stdlib = sys.stdlib_module_names
    bad = []
    for name in _imports(_modules()[module], module_level_only=False):
        top = name.split(".")[0]
        if top == "__future__" or top in stdlib:
            continue
        if top in FIRST_PARTY:
            if top not in ALLOWED_FIRST_PARTY[layer]:
                bad.append(name)
            continue
        allowed = ALLOWED_THIRD_PARTY[layer]
        if allowed is not None and not any(name == a or name.startswith(a + ".") or top == a for a in allowed):
            bad.append(name)
    assert not bad, f"{module} imports {sorted(bad)} which its layer may not import"


def test_no_import_cycles() -> None:
    modules = _modules()
    graph: dict[str, set[str]] = {}
    for module, path in modules.items():
        targets = set()
        for name in _imports(path, module_level_only=True):
            # `from matrices import rules` names matrices.rules; keep the longest known module prefix.
            parts = name.split(".")
            for end in range(len(parts), 0, -1):
                candidate = ".".join(parts[:end])
                if candidate in modules and candidate != module:
                    targets.add(candidate)
                    break
        graph[module] = targets

    cycles = _strongly_connected(graph)
    assert not cycles, f"import cycles: {cycles}"


def _strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Return the strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    result: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                result.append(sorted(component))

    for node in graph:
        if node not in index:
            visit(node)
    return result


def test_the_checker_sees_a_forbidden_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("import os\nfrom PySide6.QtWidgets import QWidget\ndef f():\n    import sqlalchemy\n")
    assert {"PySide6.QtWidgets", "sqlalchemy"} <= _imports(sample, module_level_only=False)
    assert "sqlalchemy" not in _imports(sample, module_level_only=True)


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _strongly_connected({"a": {"b"}, "b": {"a"}, "c": {"a"}}) == [["a", "b"]]


@pytest.mark.parametrize("module", sorted(_modules()))
def test_modules_stay_small(module: str) -> None:
    lines = len(_modules()[module].read_text(encoding="utf-8").splitlines())
    assert lines <= 600, f"{module} has {lines} lines; split it by responsibility"


# Threads start in one place: the worker policy (ui/workers.py; docs/design.md, "Off the UI thread, one way").
_THREAD_MAKERS = {"Thread", "QThread", "QThreadPool", "QRunnable", "ThreadPoolExecutor", "start_new_thread"}
THREADS_ALLOWED = {
    "ui.workers": "the policy itself",
    "export.diagrams.canvas": "a second deflate thread inside the export, which the application only runs on a worker",
}


def _thread_starts(path: Path) -> list[int]:
    """Return the lines where a module makes a thread (a call, or a class deriving from a thread type)."""
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        named = [node.func] if isinstance(node, ast.Call) else node.bases if isinstance(node, ast.ClassDef) else []
        for name in named:
            last = name.attr if isinstance(name, ast.Attribute) else name.id if isinstance(name, ast.Name) else ""
            timer = last == "Timer" and isinstance(name, ast.Attribute) and ast.unparse(name.value) == "threading"
            if last in _THREAD_MAKERS or timer:
                lines.append(node.lineno)
    return sorted(lines)


def test_threads_start_only_under_the_worker_policy() -> None:
    starts = {module: _thread_starts(path) for module, path in _modules().items() if module not in THREADS_ALLOWED}
    assert {module: lines for module, lines in starts.items() if lines} == {}, "start the work with ui.workers"


def test_the_thread_finder_sees_a_thread(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import threading\nfrom PySide6.QtCore import QThread, QTimer\n"
        "threading.Thread(target=print).start()\nclass Job(QThread): pass\nQTimer()\nthreading.Timer(1, print)\n"
    )
    assert _thread_starts(sample) == [3, 4, 6]
