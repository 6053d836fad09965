"""Fixtures of the storage tests: a saved example document and a log of the SQL a document runs."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from matrices.examples import load_example
from storage.document import Document
from tests.storage.helpers import StatementLog


@pytest.fixture
def statement_log() -> StatementLog:
    return StatementLog()


@pytest.fixture(scope="session")
def example_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "propuesta.pmx"
    Document.create(path, load_example("es")).close()
    return path


@pytest.fixture
def example_pmx(tmp_path: Path, example_template: Path) -> Path:
    """A closed .pmx holding the Spanish example, alone in its folder."""
    path = tmp_path / "propuesta.pmx"
    shutil.copyfile(example_template, path)
    return path


@pytest.fixture
def document(example_pmx: Path) -> Iterator[Document]:
    """The example document, open for writing."""
    with Document.open(example_pmx) as opened:
        assert not opened.read_only
        yield opened
