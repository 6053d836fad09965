"""The main window: a thin shell that places the start screen or the editor and turns menus into intents."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QByteArray, QMargins, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMenu, QStackedWidget, QUndoView, QWidget

from matrices.localized import Lang, conventions, languages
from storage.filenames import shown, shown_name
from ui.context import UiContext
from ui.editor import EditorView
from ui.input_guard import REDO_KEYS, InputGuard
from ui.start_screen import StartScreen
from ui.widgets.guidance import GuidancePanel
from ui.widgets.plain_text import literal, plain_label

MINIMUM_SIZE = QSize(960, 560)
FIRST_SIZE = QSize(1360, 860)
"""The first window on a large screen; a smaller one (an office laptop) starts maximised."""
FRAME_ALLOWANCE = QMargins(8, 40, 8, 8)
"""Room for the window's title bar and borders, which exist only once it is shown."""
SIDE_PANEL_WIDTH = (240, 340)
MENU_TITLE_CHARS = 60


def elide(text: str, limit: int) -> str:
    """Return text cut to limit characters with an ellipsis (a menu entry of a long proposal title)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class MainWindow(QMainWindow):
    """Holds the widgets; the controller (ui/controller.py) reacts to its signals and drives it."""

    new_requested = Signal()
    open_requested = Signal()
    open_review_requested = Signal()
    snapshots_requested = Signal()
    submit_requested = Signal()
    import_word_comments_requested = Signal()
    open_path_requested = Signal(object)
    example_requested = Signal(str)
    save_requested = Signal()
    save_as_requested = Signal()
    export_requested = Signal()
    close_document_requested = Signal()
    language_requested = Signal(str)
    about_requested = Signal()

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.editor: EditorView | None = None
        self.close_guard: Callable[[], bool] = lambda: True
        self.setAcceptDrops(True)
        # An office laptop (1366x768, or 1920x1080 at 150 %) leaves about 640 px under the title bar.
        self.setMinimumSize(MINIMUM_SIZE)

        self.start = StartScreen(self)
        self._central = QStackedWidget(self)
        self._central.addWidget(self.start)
        self.setCentralWidget(self._central)

        self.guidance = GuidancePanel(context, self)
        self.guidance_dock = QDockWidget(self)
        self.guidance_dock.setObjectName("guidance")
        self.guidance_dock.setWidget(self.guidance)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.guidance_dock)
        self.undo_view = QUndoView(self)
        self.history_dock = QDockWidget(self)
        self.history_dock.setObjectName("history")
        self.history_dock.setWidget(self.undo_view)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.history_dock)
        self.history_dock.hide()
        self.comments_dock = QDockWidget(self)
        self.comments_dock.setObjectName("comments")
        self.comments_placeholder = plain_label(self)
        self.comments_placeholder.setWordWrap(True)
        self.comments_placeholder.setMargin(16)
        self.comments_placeholder.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.comments_dock.setWidget(self.comments_placeholder)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.comments_dock)
        self.tabifyDockWidget(self.guidance_dock, self.comments_dock)
        self.guidance_dock.raise_()
        self._dock_in_view = {self.guidance_dock: True, self.comments_dock: False, self.history_dock: False}
        for dock in self._dock_in_view:
            dock.visibilityChanged.connect(self._follow_dock)

        self.save_label = plain_label(self)
        self.file_label = plain_label(self)
        self.lang_label = QLabel(self)
        self.statusBar().addWidget(self.save_label)
        self.statusBar().addWidget(self.file_label, 1)
        self.statusBar().addPermanentWidget(self.lang_label)

        self.input_guard = InputGuard(self)
        self.input_guard.install()
        self._build_actions()
        self._connect_signals()
        self.retranslate()
        self.show_start([])

    def _action(
        self, slot: Callable[[], object], shortcut: QKeySequence | QKeySequence.StandardKey | None = None
    ) -> QAction:
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        standard = QKeySequence.StandardKey
        self.new_action = self._action(self.new_requested.emit, standard.New)
        self.open_action = self._action(self.open_requested.emit, standard.Open)
        self.open_review_action = self._action(self.open_review_requested.emit)
        self.save_action = self._action(self.save_requested.emit, standard.Save)
        self.save_as_action = self._action(self.save_as_requested.emit, standard.SaveAs)
        self.export_action = self._action(self.export_requested.emit, QKeySequence("Ctrl+E"))
        self.submit_action = self._action(self.submit_requested.emit)
        self.snapshots_action = self._action(self.snapshots_requested.emit)
        self.import_word_comments_action = self._action(self.import_word_comments_requested.emit)
        self.close_action = self._action(self.close_document_requested.emit, standard.Close)
        self.quit_action = self._action(self.close, standard.Quit)
        self.example_es_action = self._action(lambda: self.example_requested.emit("es"))
        self.example_en_action = self._action(lambda: self.example_requested.emit("en"))
        self.undo_action = self._action(self._undo, standard.Undo)
        self.redo_action = self._action(self._redo, standard.Redo)
        self.redo_action.setShortcuts(list(REDO_KEYS))
        self.history_action = self.history_dock.toggleViewAction()
        self.guidance_action = self.guidance_dock.toggleViewAction()
        self.guidance_action.setShortcut(QKeySequence("F1"))
        self.comments_action = self.comments_dock.toggleViewAction()
        self.language_actions = {
            code: self._action(lambda code=code: self.language_requested.emit(code)) for code in languages()
        }
        for action in self.language_actions.values():
            action.setCheckable(True)
        self.about_action = self._action(self.about_requested.emit)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)  # macOS moves it to the application menu

        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.recent_menu = QMenu(self)
        self.examples_menu = QMenu(self)
        self.examples_menu.addActions([self.example_es_action, self.example_en_action])
        self.file_menu.addActions([self.new_action, self.open_action, self.open_review_action])
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addMenu(self.examples_menu)
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.save_action, self.save_as_action, self.export_action])
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.submit_action, self.snapshots_action, self.import_word_comments_action])
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.close_action, self.quit_action])
        self.edit_menu = bar.addMenu("")
        self.edit_menu.addActions([self.undo_action, self.redo_action])
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.history_action)
        self.view_menu = bar.addMenu("")
        self.view_menu.addAction(self.guidance_action)
        self.view_menu.addAction(self.comments_action)
        self.language_menu = bar.addMenu("")
        self.language_menu.addActions(list(self.language_actions.values()))
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.about_action)

    def _connect_signals(self) -> None:
        self.start.new_requested.connect(self.new_requested.emit)
        self.start.open_requested.connect(self.open_requested.emit)
        self.start.example_requested.connect(self.example_requested.emit)
        self.start.recent_requested.connect(self.open_path_requested.emit)

    def retranslate(self) -> None:
        """Re-apply every text of the shell in the interface language."""
        self.file_menu.setTitle(self.tr("&File"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.recent_menu.setTitle(self.tr("Open &Recent"))
        self.examples_menu.setTitle(self.tr("Open the e&xample"))
        texts = {
            self.new_action: self.tr("&New proposal…"),
            self.open_action: self.tr("&Open…"),
            self.open_review_action: self.tr("Open for re&view…"),
            self.save_action: self.tr("&Save now"),
            self.save_as_action: self.tr("Save &As…"),
            self.export_action: self.tr("&Export to Word…"),
            self.submit_action: self.tr("&Mark as submitted…"),
            self.snapshots_action: self.tr("S&napshots…"),
            self.import_word_comments_action: self.tr("&Import comments from Word…"),
            self.close_action: self.tr("&Close"),
            self.quit_action: self.tr("&Quit"),
            self.example_es_action: self.tr("In Spanish"),
            self.example_en_action: self.tr("In English"),
            self.undo_action: self.tr("&Undo"),
            self.redo_action: self.tr("&Redo"),
            # Each language is named in itself, whatever the interface's language.
            **{action: conventions(code).name for code, action in self.language_actions.items()},
            self.about_action: self.tr("&About Policy Matrix"),
        }
        for action, text in texts.items():
            action.setText(text)
        self.history_action.setText(self.tr("Undo &history"))
        self.guidance_action.setText(self.tr("&Guidance panel"))
        self.guidance_dock.setWindowTitle(self.tr("Guidance"))
        self.history_dock.setWindowTitle(self.tr("Undo history"))
        self.comments_action.setText(self.tr("&Comments panel"))
        self.comments_dock.setWindowTitle(self.tr("Comments"))
        self.comments_placeholder.setText(self.tr("Open a proposal to see its review comments."))
        self.open_review_action.setToolTip(
            self.tr("Open a proposal without changing its content, to comment on it (comments are saved in the file)")
        )
        panel = self.comments_dock.widget()
        if panel is not self.comments_placeholder and hasattr(panel, "retranslate"):
            panel.retranslate()
        for code, action in self.language_actions.items():
            action.setChecked(code == self.context.lang)
        self.lang_label.setText(conventions(self.context.lang).name)
        self.start.retranslate()
        self.guidance.refresh()
        if self.editor is not None:
            self.editor.retranslate()

    def set_recent_files(self, paths: list[Path], titles: Mapping[Path, str] | None = None) -> None:
        """Refresh the recent files in the menu and on the start screen (by proposal title when known)."""
        self.start.set_recent_files(paths, titles)
        self.recent_menu.clear()
        for path in paths:
            title = (titles or {}).get(path, "").strip()
            name = f"{elide(title, MENU_TITLE_CHARS)} ({shown_name(path)})" if title else shown_name(path)
            action = self.recent_menu.addAction(name.replace("&", "&&"))
            action.setToolTip(literal(shown(path)))
            action.triggered.connect(lambda _checked=False, p=path: self.open_path_requested.emit(p))
        self.recent_menu.setEnabled(bool(paths))

    def show_first(self, geometry: QByteArray | None, state: QByteArray | None) -> None:
        """Show the window as the participant left it, else fitted to the screen's available area."""
        available = self.screen().availableGeometry()
        # A smaller screen than any laptop's (a netbook, a projector) still gets the whole window on it.
        self.setMinimumSize(MINIMUM_SIZE.boundedTo(available.marginsRemoved(FRAME_ALLOWANCE).size()))
        if geometry is None or not self.restoreGeometry(geometry):
            wanted = FIRST_SIZE.grownBy(FRAME_ALLOWANCE)
            if wanted.width() <= available.width() and wanted.height() <= available.height():
                self.resize(FIRST_SIZE)
                self.move(available.center() - self.rect().center())
            else:
                # The size is what a desktop without a window manager keeps; every other one maximises.
                self.setGeometry(available.marginsRemoved(FRAME_ALLOWANCE))
                self.setWindowState(Qt.WindowState.WindowMaximized)
        if state is not None:
            self.restoreState(state)
        self.show()
        if state is None:
            self.fit_side_panel()

    def fit_side_panel(self) -> None:
        """Give the guidance and comments panel a fifth of the window: enough to read, never the page's room."""
        width = max(SIDE_PANEL_WIDTH[0], min(SIDE_PANEL_WIDTH[1], self.width() // 5))
        self.resizeDocks([self.guidance_dock], [width], Qt.Orientation.Horizontal)

    def _follow_dock(self, shown: bool) -> None:
        dock = self.sender()
        if not isinstance(dock, QDockWidget):
            return
        # A dock tabbed behind another stays "visible" off screen, and Tab would walk into it: its content is
        # disabled there (hiding it instead would shrink the side panel). Children keep their own disabled state.
        self._dock_in_view[dock] = shown
        content = dock.widget()
        if content is not None and self.isVisible():
            content.setEnabled(shown)

    def set_comments_panel(self, panel: QWidget | None) -> None:
        """Put a document's comments panel in the comments dock (None: the placeholder; the old panel is deleted)."""
        old = self.comments_dock.widget()
        if old is panel:
            return
        shown = panel if panel is not None else self.comments_placeholder
        self.comments_dock.setWidget(shown)
        shown.show()  # the dock hid it when another panel took its place
        shown.setEnabled(self._dock_in_view[self.comments_dock] or not self.isVisible())
        if old is not None and old is not self.comments_placeholder:
            old.deleteLater()

    def show_start(self, recent: list[Path], titles: Mapping[Path, str] | None = None) -> None:
        """Show the start screen (no document open)."""
        self.set_comments_panel(None)
        if self.editor is not None:
            self._central.removeWidget(self.editor)
            self.editor.deleteLater()
            self.editor = None
        self.set_recent_files(recent, titles)
        self._central.setCurrentWidget(self.start)
        self.undo_view.setStack(None)
        self.guidance.show_matrix("general")
        for action in (
            self.save_action,
            self.save_as_action,
            self.export_action,
            self.close_action,
            self.submit_action,
            self.snapshots_action,
            self.import_word_comments_action,
        ):
            action.setEnabled(False)
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.save_label.clear()
        self.save_label.setToolTip("")
        self.file_label.clear()
        self.setWindowTitle("Policy Matrix")

    def show_editor(self, editor: EditorView) -> None:
        """Show the editor of an open document."""
        if self.editor is not None:
            self._central.removeWidget(self.editor)
            self.editor.deleteLater()
        self.editor = editor
        self._central.addWidget(editor)
        self._central.setCurrentWidget(editor)
        stack = editor.session.undo_stack
        self.undo_view.setStack(stack)
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_action.setEnabled(stack.canUndo())
        self.redo_action.setEnabled(stack.canRedo())
        editor.field_focused.connect(self.guidance.show_field)
        editor.step_changed.connect(self.guidance.show_matrix)
        # The previous document's field would stay explained otherwise: start from the step this one shows.
        self.guidance.show_matrix(editor.current_page().matrix)
        for action in (self.save_as_action, self.export_action, self.close_action, self.snapshots_action):
            action.setEnabled(True)
        self.save_action.setEnabled(not editor.session.read_only)
        self.submit_action.setEnabled(not editor.session.read_only)
        # Review mode takes comments; a file opened read-only takes none (the controller also checks they loaded).
        self.import_word_comments_action.setEnabled(not editor.session.document.read_only)
        self.file_label.setText(shown(editor.session.path))

    def set_title(self, name: str, pending: bool, read_only: bool) -> None:
        """Show the file name, with a marker while a save is pending."""
        marker = " •" if pending else ""
        suffix = self.tr(" (read-only)") if read_only else ""
        self.setWindowTitle(f"{name}{marker}{suffix} — Policy Matrix")

    def set_language(self, lang: Lang) -> None:
        """Record the interface language and re-translate."""
        self.context.lang = lang
        self.retranslate()

    def _undo(self) -> None:
        if self.editor is not None:
            self.editor.session.undo_stack.undo()

    def _redo(self) -> None:
        if self.editor is not None:
            self.editor.session.undo_stack.redo()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Close only when the controller confirms nothing would be lost."""
        if self.close_guard():
            event.accept()
        else:
            event.ignore()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept .pmx files dragged from the file manager."""
        if any(url.toLocalFile().lower().endswith(".pmx") for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Open the first dropped .pmx file."""
        for url in event.mimeData().urls():
            if url.toLocalFile().lower().endswith(".pmx"):
                self.open_path_requested.emit(Path(url.toLocalFile()))
                event.acceptProposedAction()
                return
