"""The editor for one open document: the step list, the current page and the findings that drive both."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import overload

from PySide6.QtCore import QSignalBlocker, QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from matrices.completeness import completeness
from matrices.findings import Finding
from matrices.review import MatrixKey
from matrices.summary import summarize
from ui.commands import Change
from ui.context import UiContext
from ui.pages.base import DeferredPage, Page
from ui.pages.review import ReviewPage
from ui.session import DocumentSession
from ui.widgets.banner import Banner
from ui.widgets.steps import StepList

FINDINGS_DELAY_MS = 400
"""Findings are recomputed once typing pauses; the rules take ~20 ms on a full proposal."""


class _Pages(Sequence[Page]):
    """The editor's pages in step order; reaching one builds it if its step was never shown."""

    def __init__(self, editor: EditorView) -> None:
        self._editor = editor

    def __len__(self) -> int:
        return len(self._editor._steps)

    @overload
    def __getitem__(self, index: int) -> Page: ...
    @overload
    def __getitem__(self, index: slice) -> list[Page]: ...
    def __getitem__(self, index: int | slice) -> Page | list[Page]:
        if isinstance(index, slice):
            return [self._editor.page(i) for i in range(len(self))[index]]
        return self._editor.page(range(len(self))[index])

    def __iter__(self) -> Iterator[Page]:
        return (self._editor.page(i) for i in range(len(self)))


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
        self._steps: list[Page] = [*pages, review]
        """The pages in step order; a DeferredPage until its step is first needed."""
        self.review = review
        self._findings: list[Finding] | None = None
        """None until the rules first ran (they wait for the first paint)."""

        self.steps = StepList(self)
        self.banner = Banner(self)
        self.stack = QStackedWidget(self)
        for page in self._steps:
            self.stack.addWidget(page)
            if not isinstance(page, DeferredPage):
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
        self._findings_timer.timeout.connect(self._findings_due)
        self._painted = False
        self.steps.step_selected.connect(self._show_step)
        self.review.navigate_requested.connect(self.navigate)
        session.changed.connect(self._on_change)

        self._retranslate_pages()
        self._show_completeness()
        # The rules wait for the first paint (see _findings_due): the window shows at once, the findings follow.
        self._findings_timer.start(0)

    @property
    def pages(self) -> _Pages:
        """Return the pages in step order (one reached is built if it was not yet: see page())."""
        return _Pages(self)

    def page(self, index: int) -> Page:
        """Return the index-th step's page, building it now if its step was never needed before."""
        page = self._steps[index]
        if isinstance(page, DeferredPage):
            # Building a page holds the UI thread for a moment (up to ~0.6 s on a slow laptop): start writing what
            # is pending first, so a crash during the build cannot take edits older than the save delay with it.
            self.session.write_pending()
            placeholder, page = page, page.build()
            self._steps[index] = page
            current = self.stack.currentIndex()
            self.stack.insertWidget(index, page)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.stack.setCurrentIndex(current)
            page.field_focused.connect(self.field_focused.emit)
        return page

    def is_built(self, index: int) -> bool:
        """Return True when the index-th step's page exists (it was shown, navigated to or reached)."""
        return not isinstance(self._steps[index], DeferredPage)

    def step_title(self, matrix: str) -> str:
        """Return the title of the step showing matrix (the key itself for one no step shows)."""
        page = next((page for page in self._steps[:-1] if page.matrix == matrix), None)
        return page.title() if page is not None else matrix

    def retranslate(self) -> None:
        """Re-apply every text after a language switch (pages not built yet are built in the new language)."""
        self._retranslate_pages()
        self.update_findings()

    def _retranslate_pages(self) -> None:
        for page in self._steps:
            page.retranslate()
            page.refresh()
        # The four matrices are numbered as in the course (1 Problema … 4 Instrumentos); the others are not.
        numbers = {"problem": "1", "strategy": "2", "actors": "3", "instruments": "4"}
        titles = [page.title() for page in self._steps]
        for index, page in enumerate(self._steps[:-1]):
            if page.matrix in numbers:
                titles[index] = f"{numbers[page.matrix]} {titles[index]}"
        # Relisting the steps moves the current row through other rows, which would build their pages: show the
        # step kept once the list is complete.
        with QSignalBlocker(self.steps):
            self.steps.set_steps(titles)
        self._show_step(max(self.steps.currentRow(), 0))

    def current_page(self) -> Page:
        """Return the page shown."""
        return self.page(self.stack.currentIndex())

    def show_step(self, index: int) -> None:
        """Show the index-th step."""
        self.steps.setCurrentRow(index)

    def navigate(self, matrix: str, item: str | None, field: str | None) -> None:
        """Go to the page of matrix and bring item/field into view (a finding or a comment was activated)."""
        for index, page in enumerate(self._steps[:-1]):
            if page.matrix == matrix:
                self.show_step(index)
                self.page(index).show_item(item, field)
                return

    def update_findings(self) -> None:
        """Re-run the rules and show the results in the step list and on the review page."""
        self._findings_timer.stop()
        findings = self._findings = self.context.rulebook.check(self.session.proposal)
        scores = self._show_completeness()
        errors = sum(1 for f in findings if f.severity == "error")
        review_row = len(self._steps) - 1
        if errors:
            self.steps.set_status(review_row, self.tr("%n error(s)", "", errors))
        else:
            self.steps.set_status(review_row, self.tr("ready"), complete=True)
        self.review.set_findings(findings, scores)
        self.session.record_summary(summarize(self.session.proposal, findings, scores))

    @property
    def findings(self) -> list[Finding]:
        """Return the findings shown (the rules run now if the opening had left them for after the first paint)."""
        if self._findings is None:
            self.update_findings()
        return self._findings or []

    def _show_completeness(self) -> dict[MatrixKey, int]:
        scores = completeness(self.session.proposal, self.context.field_model)
        for row, page in enumerate(self._steps[:-1]):
            score = scores.get(page.matrix, 0)
            self.steps.set_status(row, f"{score} %", complete=score == 100)
        return scores

    def _on_change(self, _change: Change) -> None:
        self._findings_timer.start(FINDINGS_DELAY_MS)

    def _findings_due(self) -> None:
        if self.isVisible() and not self._painted:
            # A zero timer fires before the window's first paint: wait for it (paintEvent restarts the timer),
            # or for the usual delay should no paint come (a minimised window).
            self._findings_timer.start(FINDINGS_DELAY_MS)
            return
        self.update_findings()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint; after the first paint, run the rules the opening left for then."""
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            if self._findings_timer.isActive():
                self._findings_timer.start(0)

    def _show_step(self, index: int) -> None:
        if 0 <= index < len(self._steps):
            if index == len(self._steps) - 1 and self._findings is None:
                self.update_findings()  # the review step lists them: run the rules now if they have not run yet
            page = self.page(index)
            self.stack.setCurrentIndex(index)
            self.step_changed.emit(page.matrix)
