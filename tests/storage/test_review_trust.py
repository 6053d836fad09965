"""What review trusts in a stored summary: never a file that opening refuses for its length, row or texts.

Each file here keeps an intact stored summary beside rows changed behind the application's back, as another
program (or a participant crafting a file) would leave it; review must either refuse the file as opening does
or recompute the summary from the rows.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from matrices.base import MAX_TEXT
from matrices.examples import load_example
from storage import summary as summary_module
from storage.document import Document
from storage.errors import CorruptDocumentError, DocumentError
from storage.summary import read_entry, read_summary
from tests.storage.helpers import fingerprint, scalar

STORED = "SELECT count(*) FROM meta WHERE key = 'summary'"
TOO_LONG = "Ñ" * (MAX_TEXT + 1)
LONG = "a" * (MAX_TEXT - 1)


def change(path: Path, statement: str, *params: object) -> None:
    """Run one statement on the file with plain sqlite3, leaving the stored summary in place."""
    db = sqlite3.connect(path, isolation_level=None)
    try:
        db.execute(statement, params)
    finally:
        db.close()
    assert scalar(path, STORED) == 1, "the summary row must still be there"


def _open_and_read(path: Path) -> None:
    with Document.open(path, read_only=True) as document:
        document.load()
        document.load_comments()


def open_error(path: Path) -> str:
    """Return the one-line error of opening and reading the file as `check` does."""
    with pytest.raises(DocumentError) as caught:
        _open_and_read(path)
    return str(caught.value)


def add_comment(path: Path, text: str) -> None:
    change(
        path,
        "INSERT INTO comments (position, item_id, author, role, created_at, text, status)"
        " VALUES (0, 'K1', 'Revisora', 'facilitator', '2026-03-01T12:00:00+00:00', ?, 'open')",
        text,
    )


def test_a_file_cut_short_is_refused_by_every_reader(example_pmx: Path) -> None:
    example_pmx.write_bytes(example_pmx.read_bytes()[:-1])
    before = fingerprint(example_pmx)
    with pytest.raises(CorruptDocumentError, match="truncated"):
        Document.open(example_pmx, read_only=True)
    entry = read_entry(example_pmx)
    assert not entry.ok
    assert entry.error == "is damaged (truncated) and cannot be opened"
    assert fingerprint(example_pmx) == before


TOO_LONG_VALUES = {
    "cause description": ("UPDATE causes SET description = ? WHERE pk = (SELECT min(pk) FROM causes)", TOO_LONG),
    "item of a JSON list": ("UPDATE axes SET expected_results = json_array('ok', ?)", TOO_LONG),
    "text in a number column": ("UPDATE actors SET interest = ?", TOO_LONG),
    "title": ("UPDATE proposal SET title = ?", TOO_LONG),
}


@pytest.mark.parametrize("kind", list(TOO_LONG_VALUES))
def test_a_text_the_model_refuses_is_not_listed_as_readable(example_pmx: Path, kind: str) -> None:
    statement, value = TOO_LONG_VALUES[kind]
    change(example_pmx, statement, value)
    refused = open_error(example_pmx)
    entry = read_entry(example_pmx)
    assert not entry.ok
    assert entry.error == refused


def test_a_comment_the_model_refuses_is_not_listed_as_readable(example_pmx: Path) -> None:
    add_comment(example_pmx, TOO_LONG)
    refused = open_error(example_pmx)
    assert "comment" in refused
    assert read_entry(example_pmx).error == refused


def test_a_long_json_list_of_valid_texts_is_still_read(example_pmx: Path) -> None:
    # The column is longer than any one text may be, its items are not: the model accepts it, so must review.
    change(example_pmx, "UPDATE axes SET expected_results = json_array(?, ?)", LONG, LONG)
    with Document.open(example_pmx, read_only=True) as document:
        assert document.load().strategy_matrix.axes[0].expected_results == [LONG, LONG]
    entry = read_entry(example_pmx)
    assert entry.ok, entry.error


def test_a_large_file_with_texts_within_the_limits_uses_its_stored_summary(
    example_pmx: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_comment(example_pmx, LONG)  # the file is now large enough to hold an over-long text: it is scanned
    assert example_pmx.stat().st_size > MAX_TEXT

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the whole proposal was loaded")

    monkeypatch.setattr(summary_module, "compute_from_file", refuse)
    summary = read_summary(example_pmx)
    assert summary.comments_open == 1
    assert summary.title == load_example("es").title


def test_a_summary_planted_from_another_proposal_is_not_used(example_pmx: Path, tmp_path: Path) -> None:
    other = tmp_path / "otra" / "other.pmx"
    other.parent.mkdir()
    Document.create(other, load_example("en")).close()
    planted = scalar(other, "SELECT value FROM meta WHERE key = 'summary'")
    change(example_pmx, "UPDATE meta SET value = ? WHERE key = 'summary'", planted)
    summary = read_summary(example_pmx)
    assert summary.title == load_example("es").title
    assert summary.language == "es"


EDITED_FIELDS = {
    "title": ("UPDATE proposal SET title = 'Otro título'", "title", "Otro título"),
    "authors": ("UPDATE proposal SET authors = '[\"Otra autora\"]'", "authors", ("Otra autora",)),
    "institution": ("UPDATE proposal SET proposing_institution = 'Otra'", "institution", "Otra"),
    "policy area": ("UPDATE proposal SET policy_area = NULL", "policy_area", None),
    "status": ("UPDATE proposal SET status = 'submitted'", "status", "submitted"),
    "language": ("UPDATE proposal SET language = 'en'", "language", "en"),
}


@pytest.mark.parametrize("kind", list(EDITED_FIELDS))
def test_a_proposal_row_edited_by_another_program_is_summarized_again(example_pmx: Path, kind: str) -> None:
    statement, field, value = EDITED_FIELDS[kind]
    change(example_pmx, statement)
    assert getattr(read_summary(example_pmx), field) == value


def test_two_proposal_rows_are_refused_by_review_as_by_opening(example_pmx: Path) -> None:
    db = sqlite3.connect(example_pmx)
    try:
        names = ", ".join(row[1] for row in db.execute("PRAGMA table_info(proposal)") if row[1] != "pk")
    finally:
        db.close()
    change(example_pmx, f"INSERT INTO proposal ({names}) SELECT {names} FROM proposal")
    refused = open_error(example_pmx)
    assert read_entry(example_pmx).error == refused
