"""Shared fixtures. Qt runs offscreen so that the suite works on a machine without a screen."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Must be set before any QApplication exists: without a display Qt would abort the process.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from matrices.catalogs import Catalogs
from matrices.examples import load_example
from matrices.fieldmodel import FieldModel
from matrices.proposal import Proposal

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
