"""Shared fixtures. Qt runs offscreen so that the suite works on a machine without a screen."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Must be set before any QApplication exists: without a display Qt would abort the process.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from matrices.catalogs import Catalogs
from matrices.examples import load_example
from matrices.fieldmodel import FieldModel
from matrices.proposal import Proposal
from tests.faults.netguard import network_blocked

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def catalogs() -> Catalogs:
    return Catalogs.load()


@pytest.fixture(scope="session")
def field_model() -> FieldModel:
    return FieldModel.load()


@pytest.fixture
def example_es() -> Proposal:
    return load_example("es")


@pytest.fixture
def example_en() -> Proposal:
    return load_example("en")


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
