"""Creating a document never overwrites a file; Save As copies with SQLite's backup API and moves the lock."""

from __future__ import annotations

from pathlib import Path

import pytest

from matrices.proposal import Proposal
from matrices.review import Comment
from storage.document import Document
from storage.errors import DocumentError, DocumentExistsError, DocumentLockedError
from storage.lock import lock_path_for
from tests.storage.helpers import fingerprint, listing


def test_create_refuses_to_overwrite(example_pmx: Path, example_en: Proposal) -> None:
    before = fingerprint(example_pmx)
    with pytest.raises(DocumentExistsError, match="already exists"):
        Document.create(example_pmx, example_en)
    assert fingerprint(example_pmx) == before
    assert listing(example_pmx.parent) == [example_pmx.name]


def test_create_leaves_only_the_document(tmp_path: Path, example_es: Proposal) -> None:
    with Document.create(tmp_path / "nueva.pmx", example_es) as document:
        assert not document.read_only
        assert listing(tmp_path) == ["nueva.pmx", "nueva.pmx.lock"]
    assert listing(tmp_path) == ["nueva.pmx"]


def test_save_as_copies_and_continues_on_the_new_file(document: Document, tmp_path: Path) -> None:
    original = document.path
    proposal = document.load()
    document.save_comments([Comment(id="K1", text="hola")])
    document.create_snapshot("entregada", "submitted")
    before = fingerprint(original)
    target = tmp_path / "sub" / "copia.pmx"
    target.parent.mkdir()

    document.save_as(target)

    assert document.path == target
    assert not document.read_only
    assert fingerprint(original) == before
    assert listing(tmp_path) == [original.name, "sub"]  # old lock released, no temporary file left
    assert listing(target.parent) == ["copia.pmx", "copia.pmx.lock"]
    with Document.open(target, read_only=True) as copy:
        assert copy.load() == proposal
        assert [c.id for c in copy.load_comments()] == ["K1"]
        assert [s.name for s in copy.list_snapshots()] == ["entregada"]

    proposal.title = "Sólo en la copia"
    assert document.save(proposal).updated == 1  # the saved state carries over: one row written
    assert fingerprint(original) == before
    with Document.open(target, read_only=True) as copy:
        assert copy.load().title == "Sólo en la copia"
    with Document.open(original) as first:
        assert not first.read_only  # nobody holds the original any more


def test_save_as_replaces_an_existing_file(document: Document, tmp_path: Path) -> None:
    target = tmp_path / "vieja.pmx"
    target.write_text("old", encoding="utf-8")
    document.save_as(target)
    with Document.open(target, read_only=True) as copy:
        assert copy.load().title


def test_save_as_onto_a_document_open_elsewhere_is_refused(document: Document, tmp_path: Path) -> None:
    other = tmp_path / "otra.pmx"
    Document.create(other, Proposal(title="otra")).close()
    with Document.open(other) as holder:
        before = fingerprint(other)
        with pytest.raises(DocumentLockedError):
            document.save_as(other)
        assert fingerprint(other) == before
        assert not holder.read_only
    assert document.path.name == "propuesta.pmx"
    assert lock_path_for(document.path).exists()


def test_save_as_onto_itself_does_nothing(document: Document) -> None:
    before = fingerprint(document.path)
    document.save_as(document.path)
    assert fingerprint(document.path) == before
    assert not document.read_only


def test_save_as_onto_a_folder_is_refused(document: Document, tmp_path: Path) -> None:
    (tmp_path / "carpeta").mkdir()
    with pytest.raises(DocumentError, match="folder"):
        document.save_as(tmp_path / "carpeta")


def test_a_closed_document_refuses_everything(document: Document) -> None:
    document.close()
    document.close()  # idempotent
    assert document.closed
    with pytest.raises(DocumentError, match="closed"):
        document.load()
    with pytest.raises(DocumentError, match="closed"):
        document.save(Proposal())


def test_save_as_into_a_missing_folder_is_a_clear_error(document: Document, tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="could not be written"):
        document.save_as(tmp_path / "no" / "such" / "folder.pmx")
    assert not document.read_only
    assert document.path.name == "propuesta.pmx"
