"""The editor for one open document: the step list, the current page and the findings that drive both."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from matrices.completeness import completeness
from matrices.findings import Finding
from matrices.summary import summarize
from ui.commands import Change
from ui.context import UiContext
from ui.pages.base import Page
from ui.pages.review import ReviewPage
from ui.session import DocumentSession
from ui.widgets.banner import Banner
from ui.widgets.steps import StepList

FINDINGS_DELAY_MS = 400
"""Findings are recomputed once typing pauses; the rules take ~20 ms on a full proposal."""


class EditorView(QWidget):
    """Steps on the left, the step's page on the right; the main window only places it."""

    field_focused = Signal(str, str)
    step_changed = Signal(str)
    """The matrix key of the page now shown."""

    def __init__(
        self,
        session: DocumentSession,
        context: UiContext,
        pages: list[Page],
        review: ReviewPage,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.context = context
        self.pages: list[Page] = [*pages, review]
        self.review = review
        self.findings: list[Finding] = []

        self.steps = StepList(self)
        self.banner = Banner(self)
        self.stack = QStackedWidget(self)
        for page in self.pages:
            self.stack.addWidget(page)
            page.field_focused.connect(self.field_focused.emit)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(0)
        right.addWidget(self.banner)
        right.addWidget(self.stack, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.steps)
        layout.addLayout(right, 1)

        self._findings_timer = QTimer(self)
        self._findings_timer.setSingleShot(True)
        self._findings_timer.timeout.connect(self.update_findings)
        self.steps.step_selected.connect(self._show_step)
        self.review.navigate_requested.connect(self.navigate)
        session.changed.connect(self._on_change)

        self.retranslate()
        for page in self.pages:
            page.refresh()
        self.update_findings()
        self.steps.setCurrentRow(0)

    def retranslate(self) -> None:
        """Re-apply every text after a language switch."""
        for page in self.pages:
            page.retranslate()
            page.refresh()
        # The four matrices are numbered as in the course (1 Problema … 4 Instrumentos); the others are not.
        numbers = {"problem": "1", "strategy": "2", "actors": "3", "instruments": "4"}
        titles = [page.title() for page in self.pages]
        for index, page in enumerate(self.pages[:-1]):
            if page.matrix in numbers:
                titles[index] = f"{numbers[page.matrix]} {titles[index]}"
        self.steps.set_steps(titles)
        self.update_findings()

    def current_page(self) -> Page:
        """Return the page shown."""
        return self.pages[self.stack.currentIndex()]

    def show_step(self, index: int) -> None:
        """Show the index-th step."""
        self.steps.setCurrentRow(index)

    def navigate(self, matrix: str, item: str | None, field: str | None) -> None:
        """Go to the page of matrix and bring item/field into view (a finding or a comment was activated)."""
        for index, page in enumerate(self.pages[:-1]):
            if page.matrix == matrix:
                self.show_step(index)
                page.show_item(item, field)
                return

    def update_findings(self) -> None:
        """Re-run the rules and show the results in the step list and on the review page."""
        self.findings = self.context.rulebook.check(self.session.proposal)
        scores = completeness(self.session.proposal, self.context.field_model)
        for row, page in enumerate(self.pages[:-1]):
            score = scores.get(page.matrix, 0)
            self.steps.set_status(row, f"{score} %", complete=score == 100)
        errors = sum(1 for f in self.findings if f.severity == "error")
        review_row = len(self.pages) - 1
        if errors:
            self.steps.set_status(review_row, self.tr("%n error(s)", "", errors))
        else:
            self.steps.set_status(review_row, self.tr("ready"), complete=True)
        self.review.set_findings(self.findings)
        self.session.record_summary(summarize(self.session.proposal, self.findings, scores))

    def _on_change(self, _change: Change) -> None:
        self._findings_timer.start(FINDINGS_DELAY_MS)

    def _show_step(self, index: int) -> None:
        if 0 <= index < len(self.pages):
            self.stack.setCurrentIndex(index)
            self.step_changed.emit(self.pages[index].matrix)
