"""The editor's five matrix pages, in step order: the one list main.py, snapshots, tools and tests build."""

from __future__ import annotations

from ui.context import UiContext
from ui.pages.actors import ActorsPage
from ui.pages.base import Page
from ui.pages.general import GeneralPage
from ui.pages.instruments import InstrumentsPage
from ui.pages.problem import ProblemPage
from ui.pages.strategy import StrategyPage
from ui.session import DocumentSession


def default_pages(session: DocumentSession, context: UiContext) -> list[Page]:
    """Return the five matrix pages of the editor (the review step is added by EditorView's builder)."""
    return [
        GeneralPage(session, context),
        ProblemPage(session, context),
        StrategyPage(session, context),
        ActorsPage(session, context),
        InstrumentsPage(session, context),
    ]
