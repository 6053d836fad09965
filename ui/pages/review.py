"""The last step: findings grouped by matrix (activating one goes to its field) and the export to Word."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from export.options import ExportOptions
from matrices.findings import Finding
from matrices.localized import conventions, languages
from matrices.review import MATRIX_KEYS
from storage.errors import DocumentError
from storage.filenames import shown
from ui.context import UiContext
from ui.messages import error_message
from ui.pages.base import Page
from ui.session import DocumentSession
from ui.widgets.column_fit import ColumnFitter
from ui.widgets.plain_text import literal, plain_label

if TYPE_CHECKING:
    from export.docx_export import Progress  # python-docx: loaded when exporting, not at start-up

Exporter = Callable[[Path, ExportOptions, Callable[["Progress"], None]], None]
"""Writes the session's proposal as DOCX to a path (wired in main.py: export + atomic write)."""

_ROLE_LOCATION = 0x0100 + 7
TEXT_SLACK = 4
"""Measured a little narrower than painted, so that a message never needs one pixel more than it has."""
WRAP = int(Qt.TextFlag.TextWordWrap)


class _WrappedMessages(QStyledItemDelegate):
    """Rows as tall as their message wrapped to its column (a tree view measures rows without the width)."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        """Return the row's size with the message wrapped to the width its column leaves for the text."""
        size = super().sizeHint(option, index)
        view = self.parent()
        if not isinstance(view, QTreeWidget) or index.column() != 0:
            return size
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        # Where the style puts the text in this cell (after the indentation, the icon and the margins).
        cell = QStyleOptionViewItem(option)
        self.initStyleOption(cell, index)
        cell.rect = QRect(0, 0, view.columnWidth(0) - view.indentation() * (depth + 1), size.height())
        room = view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, cell, view).width() - TEXT_SLACK
        text = str(index.data() or "")
        lines = option.fontMetrics.boundingRect(QRect(0, 0, max(room, 40), 10**6), WRAP, text)
        return QSize(size.width(), max(size.height(), lines.height() + 6))


class ReviewPage(Page):
    """Shows what is still missing and exports the proposal to Word."""

    matrix = "general"
    navigate_requested = Signal(str, object, object)
    """(matrix, item id or None, field or None) of an activated finding."""

    def __init__(
        self, session: DocumentSession, context: UiContext, exporter: Exporter, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, context, parent)
        self._exporter = exporter
        self._last_export: Path | None = None
        self._findings: list[Finding] = []
        self._scores: Mapping[str, int] = {}

        self._summary = plain_label(self)
        self._summary.setWordWrap(True)
        self._bars: dict[str, tuple[QLabel, QProgressBar]] = {}
        bars_box = QGroupBox(self)
        # Two columns of bars: on a laptop the findings below need the height more than the bars do.
        bars_layout = QGridLayout(bars_box)
        bars_layout.setHorizontalSpacing(12)
        bars_layout.setVerticalSpacing(6)
        bars_layout.setColumnStretch(1, 1)
        bars_layout.setColumnStretch(3, 1)
        for position, key in enumerate(MATRIX_KEYS):
            label, bar = QLabel(bars_box), QProgressBar(bars_box)
            bar.setRange(0, 100)
            label.setBuddy(bar)
            row, column = divmod(position, 2)
            bars_layout.addWidget(label, row, 2 * column)
            bars_layout.addWidget(bar, row, 2 * column + 1)
            self._bars[key] = (label, bar)
        self._bars_box = bars_box

        self._tree = QTreeWidget(self)
        self._tree.setHeaderHidden(False)
        self._tree.setColumnCount(3)
        self._tree.setAlternatingRowColors(True)
        self._tree.setObjectName("findings")
        self._tree.itemActivated.connect(self._on_activated)
        # A finding reads like a link to its field: one click goes there, as Enter and a double click do.
        self._tree.itemClicked.connect(self._on_activated)
        self._tree.setWordWrap(True)
        self._tree.setUniformRowHeights(False)
        self._tree.setItemDelegate(_WrappedMessages(self._tree))
        self._tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        # The message is what a participant reads: it takes the width; rule and place stay compact.
        self.columns = ColumnFitter(self._tree, 0, hide=False)
        # A message wraps to the width of its column: lay the rows out again when that width changes.
        self._tree.header().sectionResized.connect(lambda *_: self._tree.doItemsLayout())

        self._export_box = QGroupBox(self)
        self._lang = QComboBox(self._export_box)
        for code in languages():
            self._lang.addItem(conventions(code).name, code)
        self._paper = QComboBox(self._export_box)
        self._paper.addItem("Carta / Letter", "letter")
        self._paper.addItem("A4", "a4")
        self._comments = QCheckBox(self._export_box)
        self._comments.setObjectName("export_comments")
        self._export_button = QPushButton(self._export_box)
        self._export_button.clicked.connect(self._export)
        self._show_button = QPushButton(self._export_box)
        self._show_button.setEnabled(False)
        self._show_button.clicked.connect(self._show_in_folder)
        self._lang_label, self._paper_label = QLabel(self._export_box), QLabel(self._export_box)
        form = QFormLayout(self._export_box)
        choices = QHBoxLayout()
        choices.setSpacing(12)
        for label, combo in ((self._lang_label, self._lang), (self._paper_label, self._paper)):
            label.setBuddy(combo)
            choices.addWidget(label)
            choices.addWidget(combo, 1)
        form.addRow(choices)
        form.addRow(self._comments)
        buttons = QHBoxLayout()
        buttons.addWidget(self._export_button)
        buttons.addWidget(self._show_button)
        buttons.addStretch(1)
        form.addRow(buttons)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(12)
        layout.addWidget(self._summary)
        layout.addWidget(self._bars_box)
        layout.addWidget(self._tree, 1)
        layout.addWidget(self._export_box)
        self.retranslate()

    def title(self) -> str:
        """Return the step title."""
        return self.tr("Review and export")

    def retranslate(self) -> None:
        """Re-apply texts in the interface language."""
        self._bars_box.setTitle(self.tr("Completeness"))
        names = self._matrix_names()
        for key, (label, _bar) in self._bars.items():
            label.setText(names[key])
        self._tree.setHeaderLabels([self.tr("Finding"), self.tr("Rule"), self.tr("Where")])
        self._tree.setAccessibleName(self.tr("Findings still open"))
        self._export_box.setTitle(self.tr("Export to Word"))
        self._lang_label.setText(self.tr("Language of headings"))
        self._paper_label.setText(self.tr("Paper size"))
        self._lang.setAccessibleName(self._lang_label.text())
        self._paper.setAccessibleName(self._paper_label.text())
        self._comments.setText(self.tr("Include review comments"))
        self._export_button.setText(self.tr("Export to Word…"))
        self._show_button.setText(self.tr("Show in folder"))
        self.set_findings(self._findings, self._scores)

    def refresh(self) -> None:
        """Pick the proposal's language as the default export language."""
        index = self._lang.findData(self.session.proposal.language)
        self._lang.setCurrentIndex(max(index, 0))

    def _matrix_names(self) -> dict[str, str]:
        return {
            "general": self.tr("General data"),
            "problem": self.tr("1 Problem"),
            "strategy": self.tr("2 Strategic axes"),
            "actors": self.tr("3 Actors"),
            "instruments": self.tr("4 Instruments"),
        }

    def set_findings(self, findings: list[Finding], scores: Mapping[str, int]) -> None:
        """Show the current findings, grouped by matrix, with the completeness bars (the editor computed both)."""
        self._findings, self._scores = findings, scores
        lang = self.context.lang
        for key, (_label, bar) in self._bars.items():
            bar.setValue(scores.get(key, 0))
        errors = sum(1 for f in findings if f.severity == "error")
        warnings = sum(1 for f in findings if f.severity == "warning")
        if errors:
            self._summary.setText(
                self.tr("%n error(s) must be fixed before submitting.", "", errors)
                + " "
                + self.tr("%n warning(s).", "", warnings)
            )
        else:
            self._summary.setText(
                self.tr("Ready for review: no errors remain.") + " " + self.tr("%n warning(s).", "", warnings)
            )
        icons = {
            "error": self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            "warning": self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
            "info": self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation),
        }
        self._tree.clear()
        names = self._matrix_names()
        codes = self.session.facts.item_codes()
        field_model = self.context.field_model
        for key in MATRIX_KEYS:
            group = [f for f in findings if f.matrix == key]
            if not group:
                continue
            top = QTreeWidgetItem(self._tree, [f"{names[key]} ({len(group)})"])
            top.setFirstColumnSpanned(True)
            children = []
            for finding in group:
                where = codes.where(field_model, finding.matrix, finding.item, finding.field, lang)
                child = QTreeWidgetItem([finding.message(lang), finding.rule, where])
                child.setIcon(0, icons[finding.severity])
                child.setToolTip(0, literal(finding.message(lang)))
                child.setData(0, _ROLE_LOCATION, (finding.matrix, finding.item, finding.field))
                children.append(child)
            # Added at once: each insertion refits the columns over every row (ui/widgets/column_fit.py).
            top.addChildren(children)
            top.setExpanded(True)

    def _on_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        location = item.data(0, _ROLE_LOCATION)
        if location:
            matrix, item_id, field = location
            self.navigate_requested.emit(matrix, item_id, field)

    def activate_finding(self, index: int) -> None:
        """Activate the index-th finding as a double click would (keyboard users, tests)."""
        finding = self._findings[index]
        self.navigate_requested.emit(finding.matrix, finding.item, finding.field)

    def export_requested_from_menu(self) -> None:
        """Start an export as the button does (File > Export to Word)."""
        self._export()

    def _export(self) -> None:
        suggested = self.session.path.with_suffix(".docx")
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export to Word"), str(suggested), self.tr("Word documents (*.docx)")
        )
        if name:
            self.export_to(Path(name))

    def export_to(self, target: Path) -> bool:
        """Export to target with the chosen options, showing progress; True when the file was written."""
        if target.suffix.lower() != ".docx":
            target = target.with_suffix(".docx")
        options = ExportOptions(
            lang=self._lang.currentData(),
            paper=self._paper.currentData(),
            include_comments=self._comments.isChecked(),
        )
        dialog = QProgressDialog(self.tr("Exporting…"), "", 0, 100, self)
        dialog.setCancelButton(None)
        # The export runs on a worker while this window goes on handling events: no second export meanwhile.
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)

        def progress(step: Progress) -> None:
            dialog.setMaximum(max(step.total, 1))
            dialog.setValue(step.done)

        try:
            self._exporter(target, options, progress)
        except Exception as exc:  # an export must never take the editor down; say what happened
            dialog.close()
            # A file that cannot be written is explained in the interface language; a bug keeps its own text.
            reason = error_message(exc, target) if isinstance(exc, OSError | DocumentError) else str(exc)
            text = self.tr("The export failed: %1").replace("%1", reason)
            QMessageBox.warning(self, self.tr("Export to Word"), literal(text))
            return False
        dialog.close()
        self._last_export = target
        self._show_button.setEnabled(True)
        self._summary.setText(self.tr("Exported to %1").replace("%1", shown(target)))
        return True

    def _show_in_folder(self) -> None:
        if self._last_export is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._last_export.parent)))
