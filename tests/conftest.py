"""Shared fixtures. Qt runs offscreen so that the suite works on a machine without a screen."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

# Must be set before any QApplication exists: without a display Qt would abort the process.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from matrices.catalogs import Catalogs
from matrices.examples import load_example
from matrices.fieldmodel import FieldModel
from matrices.proposal import Proposal
from tests.faults.netguard import network_blocked

if TYPE_CHECKING:
    from ui.workers import Workers
    from ui.writer import DocumentWriter

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def catalogs() -> Catalogs:
    return Catalogs.load()


@pytest.fixture(scope="session")
def field_model() -> FieldModel:
    return FieldModel.load()


@pytest.fixture(scope="session")
def workers(qapp: object) -> Iterator[Workers]:
    """The worker policy of the run, as main.py builds one for the application (never a global)."""
    from ui.workers import Workers

    policy = Workers()
    yield policy
    policy.wait_all()


@pytest.fixture(scope="session")
def writer(workers: Workers) -> Iterator[DocumentWriter]:
    """The document writer of the run: every session of the tests writes through it, as in the application."""
    from ui.writer import DocumentWriter

    one = DocumentWriter(workers)
    yield one
    one.flush()


@pytest.fixture
def example_es() -> Proposal:
    return load_example("es")


@pytest.fixture
def example_en() -> Proposal:
    return load_example("en")


def with_uuid_ids(proposal: Proposal, *, hyphens: bool = False) -> Proposal:
    """Return the proposal with every item id replaced by a UUID, as items made in the app (or elsewhere) have them."""
    data = proposal.model_dump(mode="json")
    ids: dict[str, str] = {}

    def collect(value: object) -> None:
        if isinstance(value, dict):
            if isinstance(value.get("id"), str) and value is not data:
                ids.setdefault(value["id"], str(uuid.uuid4()) if hyphens else uuid.uuid4().hex)
            for inner in value.values():
                collect(inner)
        elif isinstance(value, list):
            for inner in value:
                collect(inner)

    def replace(value: object) -> object:
        if isinstance(value, dict):
            return {key: replace(inner) for key, inner in value.items()}
        if isinstance(value, list):
            return [replace(inner) for inner in value]
        return ids.get(value, value) if isinstance(value, str) else value

    collect(data)
    return Proposal.model_validate(replace(data))


@pytest.fixture
def example_uuid_es(example_es: Proposal) -> Proposal:
    """The Spanish example as if every item had been made in the app (UUID ids instead of the course's codes)."""
    return with_uuid_ids(example_es)


# ---- network block and the slow marker (tests/faults) ----------------------------------------------------


@pytest.fixture(scope="session", autouse=True)
def _no_network() -> Iterator[None]:
    """Refuse every connection to another machine: the app works offline, and no test may depend on a network."""
    with network_blocked():
        yield


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip tests marked slow unless the run selects them (`pytest -m slow`)."""
    if "slow" in (config.getoption("markexpr", "") or ""):
        return
    skip = pytest.mark.skip(reason="slow: run with `pytest -m slow`")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)
