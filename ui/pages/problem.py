"""Matrix 1, the problem: the central problem, its evidence, the cause and effect trees, and a live tree picture."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSplitter, QTabWidget, QVBoxLayout, QWidget

from ui.binding import FieldBinder
from ui.commands import Change
from ui.context import UiContext
from ui.pages.base import Page
from ui.pages.problem_evidence import EvidencePanel
from ui.pages.problem_tree_panel import TreeEditor
from ui.session import DocumentSession
from ui.widgets.form_layout import add_row, heading, hint, new_form, set_label, text_box
from ui.widgets.tree_preview import TreePreview

STATEMENT_FIELDS = ("central_problem", "context", "affected_population")
STATEMENT, EVIDENCE, CAUSES, EFFECTS = range(4)
_TAB_OF_LIST = {"evidence": EVIDENCE, "causes": CAUSES, "effects": EFFECTS}


class ProblemPage(Page):
    """The problem tree step: statement, evidence, causes and effects on tabs; the tree picture beside them."""

    matrix = "problem"

    def __init__(self, session: DocumentSession, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(session, context, parent)
        self._binder = FieldBinder(session, lambda: ("problem_matrix",), "problem_matrix", self)
        self._binder.focused.connect(self.field_focused)
        self.widgets: dict[str, QWidget] = {}
        self._labels: dict[str, QLabel] = {}

        self._title = heading()
        self._intro = hint()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._build_statement(), "")
        self.evidence = EvidencePanel(session, context)
        self.causes = TreeEditor(session, context, "causes", self._evidence_entries)
        self.effects = TreeEditor(session, context, "effects", self._evidence_entries)
        for panel in (self.evidence, self.causes, self.effects):
            panel.field_focused.connect(self.field_focused)
            self.tabs.addTab(_padded(panel), "")

        self.preview = TreePreview(session, context)
        self._preview_title = heading(size_delta=1.5)
        self._preview_hint = hint()
        self.preview_box = preview_box = QWidget()
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.setContentsMargins(12, 8, 4, 0)
        preview_layout.setSpacing(4)
        preview_layout.addWidget(self._preview_title)
        preview_layout.addWidget(self._preview_hint)
        preview_layout.addWidget(self.preview, 1)
        self.preview.setFrameShape(QFrame.Shape.StyledPanel)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(preview_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setCollapsible(0, False)
        self.tabs.setMinimumWidth(460)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(6)
        layout.addWidget(self._title)
        layout.addWidget(self._intro)
        layout.addSpacing(6)
        layout.addWidget(self.splitter, 1)

        self.causes.selection_changed.connect(lambda item_id: self._highlight(CAUSES, item_id))
        self.effects.selection_changed.connect(lambda item_id: self._highlight(EFFECTS, item_id))
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.preview.box_clicked.connect(self._on_box_clicked)
        self.retranslate()
        self.refresh()

    def _build_statement(self) -> QWidget:
        form = new_form()
        for key, lines in zip(STATEMENT_FIELDS, (3, 5, 3), strict=True):
            box = text_box(lines)
            self._labels[key] = add_row(form, key, box)
            self.widgets[key] = box
            self._binder.bind_text(box, key, self.context.undo_name("problem_matrix", key))
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(4, 14, 12, 12)
        column.addLayout(form)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields; they scroll into view
        scroll.setWidget(content)
        return scroll

    def _evidence_entries(self) -> list[tuple[str, str]]:
        """Return (id, 'D1 description') for every datum: the choices of a cause's supporting evidence."""
        model = self.evidence.model if hasattr(self, "evidence") else None
        items = self.session.proposal.problem_matrix.evidence
        return [(item.id, f"{model.code(item.id) if model else ''} {item.description}".strip()) for item in items]

    # -- Page interface ---------------------------------------------------------------------------------------

    def title(self) -> str:
        """Return the step's title."""
        return self.tr("Problem")

    def refresh(self) -> None:
        """Show the proposal's problem matrix (after opening, a restore or a language switch)."""
        self._binder.refresh()
        self.causes.form.update_evidence()
        self.preview.redraw()
        self._update_tab_texts()

    def on_change(self, change: Change) -> None:
        """Keep the counts on the tabs current."""
        if change.kind == "structure" or not change.locator:
            self._update_tab_texts()

    def show_item(self, item: str | None, field: str | None) -> None:
        """Open the tab holding the item, select it and focus the field (from a finding or a comment)."""
        matrix = self.session.proposal.problem_matrix
        for key, items in (("evidence", matrix.evidence), ("causes", matrix.causes), ("effects", matrix.effects)):
            if item is not None and any(entry.id == item for entry in items):
                self.tabs.setCurrentIndex(_TAB_OF_LIST[key])
                panel = self.evidence if key == "evidence" else self.causes if key == "causes" else self.effects
                panel.select(item)
                panel.focus_field(field)
                return
        if field in _TAB_OF_LIST:
            self.tabs.setCurrentIndex(_TAB_OF_LIST[field])
            panel = self.evidence if field == "evidence" else self.causes if field == "causes" else self.effects
            panel.focus_field(None)
            return
        self.tabs.setCurrentIndex(STATEMENT)
        widget = self.widgets.get(field or "", self.widgets["central_problem"])
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def retranslate(self) -> None:
        """Re-apply every label, tab, header and the picture in the interface language."""
        self._title.setText(self.tr("Problem"))
        self._intro.setText(
            self.tr(
                "State the central problem, back it with evidence, and build the tree: causes below, effects above."
            )
        )
        for key, label in self._labels.items():
            set_label(label, self.context.label("problem_matrix", key))
        self._preview_title.setText(self.tr("Problem tree"))
        self.preview.setAccessibleName(self.tr("Problem tree"))
        self._preview_hint.setText(self.tr("Redrawn as you type, as it will appear in the Word file. Click a box."))
        self.evidence.retranslate()
        self.causes.retranslate()
        self.effects.retranslate()
        self._update_tab_texts()
        self.preview.redraw()

    # -- helpers ----------------------------------------------------------------------------------------------

    def _update_tab_texts(self) -> None:
        matrix = self.session.proposal.problem_matrix
        texts = {
            STATEMENT: self.context.label("problem_matrix", "central_problem"),
            EVIDENCE: _counted(self.tr("Evidence"), len(matrix.evidence)),
            CAUSES: _counted(self.context.label("problem_matrix", "causes"), len(matrix.causes)),
            EFFECTS: _counted(self.context.label("problem_matrix", "effects"), len(matrix.effects)),
        }
        for index, text in texts.items():
            self.tabs.setTabText(index, text)

    def _highlight(self, tab: int, item_id: str) -> None:
        if self.tabs.currentIndex() == tab:
            self.preview.set_selected({item_id} if item_id else set())

    def _on_tab_changed(self, tab: int) -> None:
        # The evidence table needs the width, and the picture shows nothing of it.
        self.preview_box.setVisible(tab != EVIDENCE)
        editor = self.causes if tab == CAUSES else self.effects if tab == EFFECTS else None
        selected = editor.selected_id() if editor is not None else None
        self.preview.set_selected({selected} if selected else set())

    def _on_box_clicked(self, kind: str, item_id: str) -> None:
        editor = self.causes if kind == "causes" else self.effects
        self.tabs.setCurrentIndex(CAUSES if kind == "causes" else EFFECTS)
        editor.select(item_id)
        editor.view.setFocus(Qt.FocusReason.MouseFocusReason)


def _counted(text: str, count: int) -> str:
    return f"{text} ({count})" if count else text


def _padded(widget: QWidget) -> QWidget:
    """Give a tab's content the same breathing room as the forms."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(4, 10, 4, 4)
    layout.addWidget(widget)
    return box
