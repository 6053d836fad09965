"""The stored summary: written with the document, read alone and fast, never stale, refused like Document.open."""

from __future__ import annotations

import json
import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from matrices.examples import example_path, load_example
from matrices.proposal import Proposal
from matrices.review import MATRIX_KEYS, Comment
from matrices.summary import SUMMARY_VERSION, ProposalSummary, count_threads
from storage import summary as summary_module
from storage import summary_rows
from storage.document import Document
from storage.errors import DocumentError
from storage.summary import find_documents, read_entry, read_summary, review_folder
from storage.summary_rows import compute_summary
from tests.storage.helpers import StatementLog, fingerprint, listing, scalar, tamper
from tests.storage.test_bad_files import BAD_FILES

SUMMARY_ROW = "SELECT value FROM meta WHERE key = 'summary'"


def _no_slow_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make loading a proposal fail, so that a test proves the summary was read alone."""

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the whole proposal was loaded")

    monkeypatch.setattr(Document, "load", refuse)
    monkeypatch.setattr(summary_module, "compute_summary", refuse)


def _stored(path: Path) -> dict[str, object] | None:
    text = scalar_or_none(path, SUMMARY_ROW)
    return None if text is None else json.loads(text)


def scalar_or_none(path: Path, query: str) -> object:
    try:
        return scalar(path, query)
    except TypeError:  # no row
        return None


def test_a_new_document_stores_its_summary(example_pmx: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = compute_summary(load_example("es"))
    _no_slow_path(monkeypatch)
    summary = read_summary(example_pmx)
    assert summary.model_copy(update={"last_modified": None}) == expected
    assert summary.title.startswith("Estrategia de prevención")
    assert summary.authors
    assert summary.policy_area == load_example("es").policy_area
    assert set(summary.completeness) == set(MATRIX_KEYS)
    assert summary.errors == 0
    assert summary.warnings > 0
    assert summary.language == "es"
    assert summary.last_modified is not None
    assert abs(summary.last_modified.timestamp() - example_pmx.stat().st_mtime) < 1


def test_the_stored_row_holds_no_live_field(example_pmx: Path) -> None:
    stored = _stored(example_pmx)
    assert stored is not None
    assert stored["version"] == SUMMARY_VERSION
    assert not summary_rows.LIVE_FIELDS & set(stored["summary"])  # type: ignore[arg-type]


def test_save_summary_round_trip(document: Document) -> None:
    summary = ProposalSummary(
        title="Título ñandú",
        authors=("Ana", "Luis"),
        institution="Ministerio",
        policy_area="smuggling",
        status="in_review",
        completeness=dict.fromkeys(MATRIX_KEYS, 42),
        errors=3,
        warnings=5,
        language="es",
    )
    proposal = document.load()
    # The summary copies the proposal's own fields: a summary naming another proposal is not read back.
    proposal.title, proposal.authors, proposal.proposing_institution = "Título ñandú", ["Ana", "Luis"], "Ministerio"
    proposal.policy_area, proposal.status, proposal.language = "smuggling", "in_review", "es"
    document.save(proposal)  # this document has written content: a summary of what it saved is stored at once
    assert document.save_summary(summary) is True
    loaded = document.load_summary()
    assert loaded == summary
    with Document.open(document.path, read_only=True) as reader:
        assert reader.load_summary() == summary


def test_comment_counts_and_submission_are_read_live(document: Document, monkeypatch: pytest.MonkeyPatch) -> None:
    comments = [
        Comment(id="K1", text="abierto"),
        Comment(id="K2", text="resuelto", status="resolved"),
        Comment(id="K3", text="otro abierto", matrix="problem", item_id="C1"),
        Comment(id="R1", parent_id="K1", text="respuesta", role="participant", status="resolved"),
        Comment(id="R2", parent_id="K2", text="respuesta"),
    ]
    document.save_comments(comments)
    document.create_snapshot("antes", "on request")
    assert document.load_summary().last_submitted is None  # type: ignore[union-attr]
    submitted = document.create_snapshot("Enviada", "submitted")
    document.create_snapshot("después", "on request")
    _no_slow_path(monkeypatch)
    summary = read_summary(document.path)
    assert (summary.comments_open, summary.comments_resolved) == count_threads(comments) == (2, 1)
    assert summary.last_submitted == submitted.created_at


def test_an_edit_without_a_new_summary_drops_the_stale_one(document: Document) -> None:
    proposal = document.load()
    proposal.title = "Otro título"
    document.save(proposal)
    assert _stored(document.path) is None
    assert document.load_summary() is None
    summary = read_summary(document.path)  # the slow path: computed from the proposal
    assert summary.title == "Otro título"
    assert summary == compute_summary(proposal).model_copy(update={"last_modified": summary.last_modified})


def test_a_summary_of_unsaved_edits_is_stored_by_the_save_that_writes_them(document: Document) -> None:
    proposal = document.load()
    before = document.load_summary()
    proposal.title = "Título nuevo"
    proposal.problem_matrix.causes.pop()
    fresh = compute_summary(proposal)
    # The findings refresh comes before the debounced save: the file still holds the old rows and their summary.
    assert document.save_summary(fresh, proposal) is True
    assert document.load_summary() == before
    document.save(proposal)
    assert document.load_summary() == fresh
    with Document.open(document.path, read_only=True) as reader:
        assert reader.load_summary() == fresh


def test_a_pending_summary_is_not_stored_for_other_content(document: Document) -> None:
    proposal = document.load()
    proposal.title = "Título nuevo"
    document.save_summary(compute_summary(proposal), proposal)
    proposal.title = "Tecleado después"
    document.save(proposal)
    assert document.load_summary() is None
    assert read_summary(document.path).title == "Tecleado después"


def test_a_summary_of_the_saved_proposal_is_stored_at_once(document: Document) -> None:
    proposal = document.load()
    proposal.title = "Guardado"
    document.save(proposal)
    summary = compute_summary(proposal)
    document.save_summary(summary, proposal)
    assert document.load_summary() == summary


def test_an_unchanged_summary_is_not_rewritten(document: Document, statement_log: StatementLog) -> None:
    summary = document.load_summary()
    assert summary is not None
    before = fingerprint(document.path)
    statement_log.attach(document)
    document.save_summary(summary, document.load())
    assert not [s for s in statement_log.statements if s.upper().startswith(("INSERT", "UPDATE", "DELETE"))]
    assert fingerprint(document.path) == before


def test_saves_after_the_summary_is_dropped_write_only_content(document: Document, statement_log: StatementLog) -> None:
    proposal = document.load()
    proposal.title = "uno"
    document.save(proposal)
    statement_log.attach(document)
    proposal.title = "dos"
    document.save(proposal)
    assert statement_log.of("UPDATE") == [s for s in statement_log.statements if s.startswith(("UPDATE", "DELETE"))]
    assert all("meta" not in s for s in statement_log.statements)


@pytest.mark.parametrize("stored", ["missing", "invalid"])
def test_opening_never_writes_a_summary(example_pmx: Path, stored: str) -> None:
    if stored == "missing":
        tamper(example_pmx, "DELETE FROM meta WHERE key = 'summary'")
    else:
        tamper(example_pmx, "UPDATE meta SET value = '{not json' WHERE key = 'summary'")
    before = fingerprint(example_pmx)
    with Document.open(example_pmx) as document:
        proposal = document.load()
        # What the editor does on open: refresh the findings and record the summary, then save without edits.
        assert document.save_summary(compute_summary(proposal), proposal) is True
        assert document.save(proposal).changed is False
        assert document.save_comments([]).changed is False
        assert document.load_summary() is None
    assert fingerprint(example_pmx) == before, "opening and closing changed the file"


def test_a_summary_recorded_on_open_is_stored_with_the_next_comment_save(example_pmx: Path) -> None:
    tamper(example_pmx, "DELETE FROM meta WHERE key = 'summary'")
    with Document.open(example_pmx) as document:
        proposal = document.load()
        fresh = compute_summary(proposal)
        document.save_summary(fresh, proposal)
        document.save_comments([Comment(id="K1", text="¿fuente?")])
        stored = document.load_summary()
    assert stored is not None
    assert stored.model_copy(update={"comments_open": 0}) == fresh


def test_a_summary_recorded_on_open_is_stored_with_a_save_of_that_content(example_pmx: Path) -> None:
    tamper(example_pmx, "DELETE FROM meta WHERE key = 'summary'")
    with Document.open(example_pmx) as document:
        proposal = document.load()
        proposal.title = "Editado"
        fresh = compute_summary(proposal)
        document.save_summary(fresh, proposal)
        assert _stored(example_pmx) is None
        document.save(proposal)
        assert document.load_summary() == fresh


def test_a_read_only_document_never_writes_its_summary(example_pmx: Path) -> None:
    before = fingerprint(example_pmx)
    with Document.open(example_pmx, read_only=True) as reader:
        assert reader.save_summary(compute_summary(Proposal(title="x"))) is False
    assert fingerprint(example_pmx) == before


@pytest.mark.parametrize(
    "value",
    [
        None,
        "{not json",
        json.dumps({"version": SUMMARY_VERSION + 1, "summary": {"title": "de otra versión"}}),
        json.dumps({"version": SUMMARY_VERSION, "summary": {"title": "x", "errors": -1}}),
        json.dumps({"version": SUMMARY_VERSION, "summary": {"title": "x", "comments_open": 99}}),
        json.dumps({"version": SUMMARY_VERSION, "summary": {"title": "x", "unknown": 1}}),
        json.dumps([1, 2]),
        "x" * 2_000_000,
    ],
    ids=["missing", "bad json", "other version", "invalid", "live field", "unknown field", "not object", "huge"],
)
def test_a_missing_or_unusable_summary_falls_back_to_the_proposal(example_pmx: Path, value: str | None) -> None:
    if value is None:
        tamper(example_pmx, "DELETE FROM meta WHERE key = 'summary'")  # as written by an older build
    else:
        tamper(example_pmx, f"UPDATE meta SET value = '{value}' WHERE key = 'summary'")
    before = fingerprint(example_pmx)
    with Document.open(example_pmx, read_only=True) as reader:
        assert reader.load_summary() is None
    summary = read_summary(example_pmx)
    assert summary.model_copy(update={"last_modified": None}) == compute_summary(load_example("es"))
    assert fingerprint(example_pmx) == before, "reading a summary never writes one"


def test_a_json_file_is_summarized(tmp_path: Path) -> None:
    path = tmp_path / "propuesta.json"
    shutil.copyfile(example_path("en"), path)
    summary = read_summary(path)
    assert summary.language == "en"
    assert summary.title.startswith("Strategy")


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_a_bad_file_is_refused_like_document_open(example_pmx: Path, kind: str) -> None:
    make, error, phrase = BAD_FILES[kind]
    make(example_pmx)
    before = fingerprint(example_pmx) if example_pmx.is_file() else None
    files = listing(example_pmx.parent)
    with pytest.raises(DocumentError) as by_open:
        Document.open(example_pmx, read_only=True)
    with pytest.raises(error) as by_summary:
        read_summary(example_pmx)
    assert type(by_summary.value) is type(by_open.value)
    assert str(by_summary.value) == str(by_open.value)
    assert phrase in str(by_summary.value)
    entry = read_entry(example_pmx)
    assert entry.summary is None
    assert entry.error == str(by_open.value)
    if before is not None:
        assert fingerprint(example_pmx) == before
    assert listing(example_pmx.parent) == files


def test_review_folder_lists_documents_and_errors_without_writing(tmp_path: Path, example_template: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / ".oculta").mkdir()
    for name in ("b.pmx", "A.pmx", "sub/c.pmx", ".oculta/d.pmx", "A.v0.bak.pmx", ".A.pmx.1234.tmp"):
        shutil.copyfile(example_template, tmp_path / name)
    (tmp_path / "roto.pmx").write_bytes(b"SQLite format 3\x00" + b"\x00" * 50)
    (tmp_path / "notas.txt").write_text("hola", encoding="utf-8")
    before = {p: fingerprint(p) for p in tmp_path.rglob("*") if p.is_file()}
    assert [p.name for p in find_documents(tmp_path)] == ["A.pmx", "b.pmx", "roto.pmx"]
    entries = review_folder(tmp_path, recursive=True)
    assert [e.path.relative_to(tmp_path).as_posix() for e in entries] == ["A.pmx", "b.pmx", "roto.pmx", "sub/c.pmx"]
    assert [e.ok for e in entries] == [True, True, False, True]
    assert "truncated" in (entries[2].error or "")
    assert all(e.stamp is not None for e in entries)
    assert {p: fingerprint(p) for p in tmp_path.rglob("*") if p.is_file()} == before


def test_create_still_works_when_the_rules_fail(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("a rule crashed")

    monkeypatch.setattr(summary_rows, "compute_summary", broken)
    path = tmp_path / "nuevo.pmx"
    Document.create(path, load_example("es")).close()
    assert _stored(path) is None
    monkeypatch.undo()
    assert read_summary(path).title.startswith("Estrategia")


def test_last_modified_is_the_file_time(example_pmx: Path) -> None:
    when = datetime(2026, 3, 1, 12, 0, tzinfo=UTC).timestamp()
    os.utime(example_pmx, (when, when))
    assert read_summary(example_pmx).last_modified == datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def test_a_schema_written_with_other_spacing_is_still_accepted(example_pmx: Path) -> None:
    # The quick check compares the schema's SQL text; a file whose text differs only in spacing has the same
    # schema and must still open (the pragma fingerprint decides).
    tamper(
        example_pmx,
        "PRAGMA writable_schema=ON",
        "UPDATE sqlite_master SET sql = replace(sql, 'CREATE TABLE meta (', 'CREATE TABLE meta  (') "
        "WHERE name = 'meta'",
    )
    assert "meta  (" in scalar(example_pmx, "SELECT sql FROM sqlite_master WHERE name = 'meta'")
    with Document.open(example_pmx, read_only=True) as reader:
        assert reader.load().title
    assert read_summary(example_pmx).title.startswith("Estrategia")


def test_an_older_file_format_is_summarized_from_a_private_migrated_copy(
    example_pmx: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.storage.test_migration import STEPS

    tamper(
        example_pmx,
        "DROP TABLE snapshots",
        "ALTER TABLE actors RENAME COLUMN position_rating TO stance",
        "PRAGMA user_version = 0",
    )
    opened_with: list[object] = []
    original = Document.open.__func__  # type: ignore[attr-defined]

    def open_with_steps(cls: type[Document], path: Path, read_only: bool = False, **_kwargs: object) -> Document:
        opened_with.append(path)
        return original(cls, path, read_only, migrations=STEPS)

    monkeypatch.setattr(Document, "open", classmethod(open_with_steps))
    before = fingerprint(example_pmx)
    files = listing(example_pmx.parent)
    summary = read_summary(example_pmx)
    assert summary.title.startswith("Estrategia")
    assert opened_with == [example_pmx]
    assert fingerprint(example_pmx) == before
    assert listing(example_pmx.parent) == files
