"""Snapshots: named, timestamped full copies of the proposal that can be listed, read and restored."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from matrices.proposal import Proposal
from storage.document import Document, SaveStats
from storage.errors import CorruptDocumentError, DocumentError
from tests.storage.helpers import tamper


def test_create_list_load(document: Document, example_es: Proposal) -> None:
    assert document.list_snapshots() == []
    first = document.create_snapshot("Entregada", "submitted")
    assert first.name == "Entregada"
    assert first.reason == "submitted"
    assert abs(first.created_at - datetime.now(UTC)) < timedelta(minutes=5)

    proposal = document.load()
    proposal.title = "Versión 2"
    document.save(proposal)
    second = document.create_snapshot("Antes de revisar", "manual")

    assert document.list_snapshots() == [first, second]
    assert document.load_snapshot(first.id) == example_es
    assert document.load_snapshot(second.id).title == "Versión 2"


def test_a_snapshot_holds_the_saved_proposal_not_later_edits(document: Document, example_es: Proposal) -> None:
    snapshot = document.create_snapshot("s", "manual")
    proposal = document.load()
    proposal.problem_matrix.causes.clear()
    document.save(proposal)
    assert document.load_snapshot(snapshot.id) == example_es
    assert document.load().problem_matrix.causes == []


def test_restoring_a_snapshot_is_saving_it(document: Document, example_es: Proposal) -> None:
    snapshot = document.create_snapshot("s", "manual")
    proposal = document.load()
    proposal.title = "cambiado"
    document.save(proposal)
    assert document.save(document.load_snapshot(snapshot.id)) == SaveStats(updated=1)
    assert document.load() == example_es


def test_snapshots_survive_reopening(example_pmx: Path) -> None:
    with Document.open(example_pmx) as document:
        created = document.create_snapshot("Entregada", "submitted")
    with Document.open(example_pmx, read_only=True) as document:
        assert document.list_snapshots() == [created]


def test_a_missing_snapshot_is_a_clear_error(document: Document) -> None:
    with pytest.raises(DocumentError, match="no snapshot 42"):
        document.load_snapshot(42)


def test_a_damaged_snapshot_is_a_clear_error(example_pmx: Path) -> None:
    with Document.open(example_pmx) as document:
        snapshot = document.create_snapshot("s", "manual")
    tamper(example_pmx, 'UPDATE snapshots SET proposal_json = \'{"format": "policy-matrix", "version": 9}\'')
    with Document.open(example_pmx, read_only=True) as document, pytest.raises(CorruptDocumentError) as caught:
        document.load_snapshot(snapshot.id)
    assert "newer version" in str(caught.value)
