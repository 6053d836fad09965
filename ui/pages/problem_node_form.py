"""The detail form under a problem tree: every field of the selected cause or effect."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QListWidget, QVBoxLayout, QWidget

from matrices.edits import Locator
from ui.binding import FieldBinder
from ui.commands import Change
from ui.context import UiContext
from ui.models.evidence import EVIDENCE_LIST
from ui.pages.problem_tree_ops import find, item_locator
from ui.session import DocumentSession
from ui.widgets.catalog import CatalogChecklist, fill_combo
from ui.widgets.form_layout import (
    FocusRelay,
    add_row,
    heading,
    hint,
    name_checklist,
    new_form,
    set_label,
    text_box,
    wrap_checklist,
)
from ui.widgets.item_checklist import ItemChecklist, items_catalog

# Field key -> catalogue of the choice fields, per tree.
_CHOICES = {
    "causes": {"category": "cause_categories.json", "governability": "scales.json#governability"},
    "effects": {"severity": "scales.json#severity"},
}
_LEVELS = {"causes": "enums.json#cause_level", "effects": "enums.json#effect_level"}


class NodeForm(QWidget):
    """Edits the selected node through a FieldBinder; blank and disabled while nothing is selected."""

    field_focused = Signal(str, str)
    escape_pressed = Signal()
    """The participant pressed Escape in the form: the tree takes the focus back."""

    def __init__(
        self,
        session: DocumentSession,
        context: UiContext,
        kind: str,
        evidence_entries: Callable[[], list[tuple[str, str]]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._context = context
        self.kind = kind
        self.entity = "cause" if kind == "causes" else "effect"
        self._evidence_entries = evidence_entries
        self.item_id: str | None = None
        self._codes: Callable[[str | None], str] = lambda _item: ""
        self.binder = FieldBinder(session, self._locator, self.entity, self)
        self.binder.focused.connect(self.field_focused)
        self.widgets: dict[str, QWidget] = {}
        self._labels: dict[str, QLabel] = {}
        self._combos: dict[str, QComboBox] = {}

        self._title = heading(size_delta=1.5)
        self._where = hint()
        form = new_form(150)
        description = text_box(3)
        self._add(form, "description", description)
        self.binder.bind_text(description, "description", context.undo_name(self.entity, "description"))
        if kind == "effects":
            affected = QLineEdit()
            self._add(form, "affected", affected)
            self.binder.bind_line(affected, "affected", context.undo_name(self.entity, "affected"))
        for key in _CHOICES[kind]:
            combo = QComboBox()
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(18)
            self._combos[key] = combo
            self._add(form, key, combo)
            self.binder.bind_combo(combo, key, context.undo_name(self.entity, key))
        self._evidence: ItemChecklist | None = None
        if kind == "causes":
            self._evidence = ItemChecklist(items_catalog("evidence", evidence_entries()), context.lang)
            wrap_checklist(self._evidence, 120)
            self._add(form, "evidence_ids", self._evidence)
            self.binder.bind_checklist(self._evidence, "evidence_ids", context.undo_name(self.entity, "evidence_ids"))
            self._relay = FocusRelay(self)
            self._relay.watch(self._evidence, self.entity, "evidence_ids")
            self._relay.focused.connect(self.field_focused)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 8, 4, 4)
        layout.setSpacing(6)
        layout.addWidget(self._title)
        layout.addWidget(self._where)
        layout.addSpacing(4)
        layout.addLayout(form)
        layout.addStretch(1)
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.activated.connect(self.escape_pressed)
        session.changed.connect(self._on_change)

    def _add(self, form: object, key: str, widget: QWidget) -> None:
        self._labels[key] = add_row(form, key, widget)  # type: ignore[arg-type]
        self.widgets[key] = widget

    def _locator(self) -> Locator | None:
        return item_locator(self.kind, self.item_id) if self.item_id else None  # type: ignore[arg-type]

    def set_code_lookup(self, codes: Callable[[str | None], str]) -> None:
        """Use codes to name the selected node and its parent (the tree model's numbering)."""
        self._codes = codes

    def set_item(self, item_id: str | None) -> None:
        """Show the node with item_id (None: nothing selected)."""
        self.item_id = item_id
        self.refresh()

    def refresh(self) -> None:
        """Show the selected node's values and where it sits in the tree."""
        self.binder.refresh()
        nodes = getattr(self._session.proposal.problem_matrix, self.kind)
        node = find(nodes, self.item_id)
        lang = self._context.lang
        noun = self._context.field_model.entity_label(self.entity).get(lang)
        if node is None:
            self._title.setText(noun)
            self._where.setText(self._empty_hint())
            return
        code = self._codes(node.id)
        self._title.setText(f"{noun} {code}".strip())
        level = self._context.catalog_label(_LEVELS[self.kind], node.level)
        if node.parent_id:
            self._where.setText(self._below_text(level, self._codes(node.parent_id) or node.parent_id))
        else:
            self._where.setText(level)

    def retranslate(self) -> None:
        """Re-apply labels and catalogue entries in the interface language."""
        lang = self._context.lang
        for key, label in self._labels.items():
            set_label(label, self._context.label(self.entity, key))
        for key, combo in self._combos.items():
            fill_combo(combo, self._context.catalogs.get(_CHOICES[self.kind][key]), lang)
        self.update_evidence()
        if self._evidence is not None:
            name_checklist(self._evidence, self._context.label(self.entity, "evidence_ids"), self.tr("Search"))
        self.refresh()

    def update_evidence(self) -> None:
        """Offer the current evidence (codes and descriptions) in the supporting-evidence checklist."""
        if self._evidence is not None:
            self._evidence.set_entries(items_catalog("evidence", self._evidence_entries()), self._context.lang)
            self.binder.refresh()

    def focus_field(self, field: str | None) -> bool:
        """Give a field the keyboard focus; False when the form has no such field."""
        widget = self.widgets.get(field or "")
        if widget is None or not widget.isEnabled():
            return False
        # A checklist is a box around a filter and a list: the list is what the field is about.
        target = widget.findChild(QListWidget) if isinstance(widget, CatalogChecklist) else widget
        (target or widget).setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _on_change(self, change: Change) -> None:
        touched = change.locator if change.field is None else (*change.locator, change.field)
        if touched[: len(EVIDENCE_LIST)] == EVIDENCE_LIST or EVIDENCE_LIST[: len(touched)] == touched:
            self.update_evidence()
        elif change.locator[:2] == ("problem_matrix", self.kind) and change.field in (None, "parent_id", "level"):
            self.refresh()  # the node moved: its code and its parent changed

    def _empty_hint(self) -> str:
        if self.kind == "causes":
            return self.tr("Select a cause in the tree, or add one with Insert.")
        return self.tr("Select an effect in the tree, or add one with Insert.")

    def _below_text(self, level: str, parent_code: str) -> str:
        if self.kind == "causes":
            return self.tr("%1 — explains %2").replace("%1", level).replace("%2", parent_code)
        return self.tr("%1 — derives from %2").replace("%1", level).replace("%2", parent_code)
