"""Helpers of the GUI walkthrough: acting on widgets as a participant does, and comparing modulo fresh ids."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QToolButton,
    QWidget,
)

W = TypeVar("W", bound=QWidget)


# -- finding widgets -------------------------------------------------------------------------------------------


def named(root: QWidget, name: str, kind: type[W] = QWidget) -> W:  # type: ignore[assignment]
    """Return the one widget of kind under root whose accessible name (screen-reader label) is name."""
    found = [w for w in root.findChildren(kind) if w.accessibleName() == name]
    assert len(found) == 1, f"{len(found)} {kind.__name__} named {name!r} under {type(root).__name__}"
    return found[0]


def button(root: QWidget, text: str) -> QPushButton | QToolButton:
    """Return the one push or tool button under root whose text or accessible name is text."""
    found = [
        b
        for b in [*root.findChildren(QPushButton), *root.findChildren(QToolButton)]
        if text in (b.text(), b.accessibleName())
    ]
    assert len(found) == 1, f"{len(found)} buttons {text!r} under {type(root).__name__}"
    return found[0]


def group_box(root: QWidget, title: str) -> QGroupBox:
    """Return the one group box under root titled title."""
    found = [g for g in root.findChildren(QGroupBox) if g.title() == title]
    assert len(found) == 1, f"{len(found)} groups titled {title!r}"
    return found[0]


def open_tab(tabs: QTabWidget, starts_with: str) -> QWidget:
    """Click the tab whose title starts with starts_with (titles carry counts: 'Causas (3)'); return its page."""
    for index in range(tabs.count()):
        if tabs.tabText(index).startswith(starts_with):
            tabs.setCurrentIndex(index)
            return tabs.widget(index)
    raise AssertionError(f"no tab {starts_with!r} in {[tabs.tabText(i) for i in range(tabs.count())]}")


def top_tabs(page: QWidget) -> QTabWidget:
    """Return the page's own tab bar (not a nested one)."""
    tabs = page.findChildren(QTabWidget)
    outer = [t for t in tabs if not any(o is not t and o.isAncestorOf(t) for o in tabs)]
    assert len(outer) == 1
    return outer[0]


# -- acting like a participant ----------------------------------------------------------------------------------


def type_keys(widget: QWidget, text: str) -> None:
    """Type text key by key (qtbot.keyClicks aborts Python on non-ASCII characters)."""
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    for char in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, char, Qt.KeyboardModifier.NoModifier)


def enter_line(line: QLineEdit, text: str | None) -> None:
    """Replace a one-line field's text as a paste does (emits textEdited, like typing)."""
    if text is None:
        return
    line.setFocus(Qt.FocusReason.TabFocusReason)
    line.selectAll()
    line.insert(text)


def enter_text(box: QPlainTextEdit, text: str | None) -> None:
    """Replace a multi-line field's text as a paste does (emits textChanged, like typing)."""
    if text is None:
        return
    box.setFocus(Qt.FocusReason.TabFocusReason)
    box.selectAll()
    box.insertPlainText(text)


def enter_lines(box: QPlainTextEdit, lines: list[str]) -> None:
    """Write a list field one item per line."""
    if lines:
        enter_text(box, "\n".join(lines))


def choose(combo: QComboBox, value: Any) -> None:
    """Pick the entry whose item data is value, as a click in the popup does (currentIndex, then activated)."""
    if value is None:
        return
    index = combo.findData(value)
    assert index >= 0, f"{combo.accessibleName()!r} offers no {value!r}"
    combo.setFocus(Qt.FocusReason.TabFocusReason)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def tick(checklist: QWidget, ids: Iterable[str]) -> None:
    """Tick the entries with these ids in a catalogue or item checklist (each tick is a click's itemChanged)."""
    view = checklist.findChild(QListWidget)
    assert view is not None
    wanted = set(ids)
    offered = {view.item(row).data(Qt.ItemDataRole.UserRole): view.item(row) for row in range(view.count())}
    missing = wanted - set(offered)
    assert not missing, f"{checklist.accessibleName()!r} does not offer {sorted(missing)}"
    view.setFocus(Qt.FocusReason.TabFocusReason)
    for entry_id in wanted:
        offered[entry_id].setCheckState(Qt.CheckState.Checked)


def type_figure(line: QLineEdit, value: float | None) -> None:
    """Type a figure or a year key by key (ASCII digits, so QTest.keyClicks is safe)."""
    if value is None:
        return
    line.setFocus(Qt.FocusReason.TabFocusReason)
    line.selectAll()
    QTest.keyClicks(line, str(value))


def edit_cell(view: QAbstractItemView, index: QModelIndex, value: Any) -> None:
    """Open the cell's editor (as a double click does), enter value, and press Enter to commit."""
    if value is None:
        return
    view.setCurrentIndex(index)
    if view.indexWidget(index) is None:  # an Add button may have opened it already
        view.edit(index)
    editor = view.indexWidget(index)
    assert editor is not None, f"no editor opened on column {index.column()}"
    if isinstance(editor, QComboBox):
        position = editor.findData(value)
        assert position >= 0, f"cell editor offers no {value!r}"
        editor.setCurrentIndex(position)
        editor.activated.emit(position)  # a choice delegate commits on activation ...
        if view.indexWidget(index) is not None:  # ... a plain one on Enter
            QTest.keyClick(editor, Qt.Key.Key_Return)
    else:
        assert isinstance(editor, QLineEdit)
        editor.selectAll()
        editor.insert(str(value))
        QTest.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the closed editor is deleted later
    assert view.indexWidget(index) is None, "the cell editor did not close"


# -- comparing modulo fresh ids -----------------------------------------------------------------------------------

LINK_FIELDS = frozenset(
    {
        "parent_id",
        "evidence_ids",
        "effect_id",
        "cause_id",
        "addressed_cause_ids",
        "responsible_actor_id",
        "lead_actor_id",
        "co_responsible_actor_ids",
        "actor_id",
        "axis_ids",
        "axis_id",
        "line_of_action_id",
        "target_actor_ids",
        "indicator_ids",
    }
)


def id_lists(data: dict[str, Any]) -> list[list[dict[str, Any]]]:
    """Return every list of items with ids of a proposal dump, in a fixed walking order."""
    problem, strategy = data["problem_matrix"], data["strategy_matrix"]
    lists = [problem["evidence"], problem["causes"], problem["effects"], strategy["ends"]]
    lists.append(strategy["general_indicators"])
    lists.append(strategy["axes"])
    for axis in strategy["axes"]:
        lists += [axis["lines_of_action"], axis["indicators"]]
    lists += [data["actor_matrix"]["actors"], data["instrument_matrix"]["instruments"]]
    return lists


def id_map(example: dict[str, Any], actual: dict[str, Any]) -> dict[str, str]:
    """Map each example id to the id of the item made in the same place through the GUI."""
    mapping: dict[str, str] = {}
    for old_list, new_list in zip(id_lists(example), id_lists(actual), strict=False):
        for old, new in zip(old_list, new_list, strict=False):
            mapping[old["id"]] = new["id"]
    return mapping


def relabel(value: Any, mapping: dict[str, str], key: str | None = None) -> Any:
    """Return a dump with every id and link replaced through mapping (links to unmapped ids are kept)."""
    if isinstance(value, dict):
        return {k: relabel(v, mapping, k) for k, v in value.items()}
    if isinstance(value, list):
        return [relabel(v, mapping, key) for v in value]
    if key == "id" or key in LINK_FIELDS:
        return mapping.get(value, value) if isinstance(value, str) else value
    return value


def drop(data: dict[str, Any], paths: Iterable[str]) -> dict[str, Any]:
    """Return a copy of a dump without the top-level fields named in paths."""
    return {k: v for k, v in data.items() if k not in set(paths)}


def differences(expected: Any, actual: Any, path: str = "") -> list[str]:
    """Return the paths where two dumps differ, with both values (a readable account of what the GUI lost)."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        found = []
        for key in sorted(set(expected) | set(actual)):
            found += differences(expected.get(key, "<absent>"), actual.get(key, "<absent>"), f"{path}.{key}")
        return found
    if isinstance(expected, list) and isinstance(actual, list) and len(expected) == len(actual):
        found = []
        for number, (want, got) in enumerate(zip(expected, actual, strict=True)):
            found += differences(want, got, f"{path}[{number}]")
        return found
    return [] if expected == actual else [f"{path}: expected {expected!r}, got {actual!r}"]
