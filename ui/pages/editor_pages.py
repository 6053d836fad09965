"""The editor's five matrix pages, in step order: the one list main.py, snapshots, tools and tests build.

Each page is built the first time its step is needed (EditorView swaps it in), and its module is imported only
then: building and importing all five before the first paint was most of the start-up. A step's matrix and title
are known without its page; tests/ui/test_lazy_pages.py checks that they match the built page's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from matrices.review import MatrixKey
from ui.context import UiContext
from ui.pages.base import DeferredPage, Page, PageBuilder
from ui.session import DocumentSession


def _general(session: DocumentSession, context: UiContext) -> Page:
    from ui.pages.general import GeneralPage

    return GeneralPage(session, context)


def _problem(session: DocumentSession, context: UiContext) -> Page:
    from ui.pages.problem import ProblemPage

    return ProblemPage(session, context)


def _strategy(session: DocumentSession, context: UiContext) -> Page:
    from ui.pages.strategy import StrategyPage

    return StrategyPage(session, context)


def _actors(session: DocumentSession, context: UiContext) -> Page:
    from ui.pages.actors import ActorsPage

    return ActorsPage(session, context)


def _instruments(session: DocumentSession, context: UiContext) -> Page:
    from ui.pages.instruments import InstrumentsPage

    return InstrumentsPage(session, context)


@dataclass(frozen=True)
class Step:
    """One matrix step: its key, its title as the page gives it, and how to build its page."""

    matrix: MatrixKey
    title: Callable[[UiContext], str]
    build: PageBuilder


STEPS = (
    Step("general", lambda _context: QCoreApplication.translate("GeneralPage", "General data"), _general),
    Step("problem", lambda _context: QCoreApplication.translate("ProblemPage", "Problem"), _problem),
    Step("strategy", lambda context: context.label("strategy_matrix", "axes"), _strategy),
    Step("actors", lambda context: context.label("actor_matrix", "actors"), _actors),
    Step("instruments", lambda context: context.label("instrument_matrix", "instruments"), _instruments),
)
"""The titles repeat each page's title(): the step list shows them before the pages exist."""


def default_pages(session: DocumentSession, context: UiContext) -> list[Page]:
    """Return the five matrix steps of the editor, each built when first needed (the review step is added later)."""
    return [DeferredPage(session, context, step.matrix, step.title, step.build) for step in STEPS]
