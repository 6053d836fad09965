"""Cost bounded by size: item limits, a bounded error report, and rules whose cost does not explode.

A 2 MB file of a million tiny list items took 1 GB (one validation error object per item); a .pmx of a million
rows was read whole; P11 compared texts in time quadratic in their length. The model now states its limits
(matrices/base.py: MAX_LIST_ITEMS, MAX_TOTAL_ITEMS), refuses data past them in one sentence before any item
becomes an object, and stops validating a list at its first bad item. bench/bench_size.py measures memory and
time on such files; nothing here is a timing.
"""

from __future__ import annotations

import json
import signal
import sqlite3
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import ValidationError

import main
from matrices.base import MAX_LIST_ITEMS, MAX_TOTAL_ITEMS
from matrices.examples import load_example
from matrices.problem import Cause
from matrices.proposal import Proposal
from storage.document import Document
from storage.errors import CorruptDocumentError, InterchangeError
from storage.interchange import dump_json, parse_interchange


@pytest.fixture
def deadline() -> Iterator[None]:
    """Fail, rather than hang, when work that should be bounded is not (a guard, not a timing)."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def expire(*_: object) -> None:
        raise TimeoutError("the work did not end: its cost is not bounded")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(60)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _envelope(proposal: dict[str, object]) -> str:
    return json.dumps({"format": "policy-matrix", "version": 1, "proposal": proposal})


def test_a_million_tiny_items_are_refused_in_one_sentence_within_twenty_times_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "millon.json"
    path.write_text(_envelope({"authors": [0] * 1_000_000}), encoding="utf-8")
    tracemalloc.start()
    try:
        status = main.run(["check", str(path)])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    err = capsys.readouterr().err
    assert status == main.EXIT_BAD_INPUT
    reason = f"authors has 1,000,000 items, more than the {MAX_LIST_ITEMS:,} a list may hold"
    assert err.splitlines() == [f"error: {path}: invalid proposal: {reason}"]
    assert peak < 20 * path.stat().st_size, peak


def test_too_many_items_in_all_are_refused_before_validation() -> None:
    per_cause = MAX_TOTAL_ITEMS // 10
    causes = [{"id": f"C{n}", "evidence_ids": ["D1"] * per_cause} for n in range(11)]
    with pytest.raises(InterchangeError, match=f"more than the {MAX_TOTAL_ITEMS:,} items a proposal may hold"):
        parse_interchange(_envelope({"problem_matrix": {"causes": causes}}))


def test_a_list_at_the_limit_is_accepted_and_one_past_it_is_not() -> None:
    assert len(Proposal.model_validate({"authors": ["Ana"] * MAX_LIST_ITEMS}).authors) == MAX_LIST_ITEMS
    with pytest.raises(ValidationError, match="more than the"):
        Proposal.model_validate({"authors": ["Ana"] * (MAX_LIST_ITEMS + 1)})
    proposal = Proposal()
    with pytest.raises(ValidationError):
        proposal.authors = ["Ana"] * (MAX_LIST_ITEMS + 1)  # an edit in the app is held to the same limit


def test_a_list_of_wrong_items_makes_one_error_not_one_per_item() -> None:
    with pytest.raises(ValidationError) as refused:
        Proposal.model_validate({"authors": [0] * 20_000, "problem_matrix": {"causes": [{"level": 5}] * 20_000}})
    assert refused.value.error_count() <= 2


def test_a_pmx_of_a_million_rows_is_refused_after_reading_one_past_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "filas.pmx"
    Document.create(path, load_example("es")).close()
    db = sqlite3.connect(path)
    try:
        columns = [row[1] for row in db.execute("PRAGMA table_info(causes)")]
        values = {"pk": "n + 1000", "item_id": "'X' || n", "position": "n + 1000"}
        listed = ", ".join(values.get(column, column) for column in columns)
        db.execute(
            f"INSERT INTO causes ({', '.join(columns)}) "
            f"WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < {MAX_TOTAL_ITEMS + 5}) "
            f"SELECT {listed} FROM k, (SELECT * FROM causes LIMIT 1)"
        )
        db.commit()
    finally:
        db.close()
    refused = pytest.raises(CorruptDocumentError, match=f"more than {MAX_TOTAL_ITEMS:,} rows in its causes table")
    with refused, Document.open(path, read_only=True) as document:
        document.load()


def test_p11_on_texts_of_the_largest_size_ends(deadline: None, tmp_path: Path) -> None:
    """SequenceMatcher on two 200,000-character texts ran for hours; P11 compares their starts."""
    from matrices.catalogs import Catalogs
    from matrices.fieldmodel import FieldModel
    from matrices.rules import default_rulebook

    proposal = load_example("es")
    text = "la red de tráfico cobra por cruzar la selva " * 4_500
    proposal.problem_matrix.central_problem = text[:200_000]
    proposal.problem_matrix.causes.append(Cause(id="C9", level="direct", description=text[1:200_000]))
    findings = default_rulebook(Catalogs.load(), FieldModel.load()).check(proposal)
    assert [finding.item for finding in findings if finding.rule == "P11"] == ["C9"]


def test_twenty_thousand_causes_check_and_export(deadline: None, tmp_path: Path, qapp: object) -> None:
    """The largest list the limits allow goes through every command (bench/bench_size.py times it)."""
    from bench.large_proposal import large_proposal

    path = tmp_path / "veinte_mil.json"
    path.write_text(dump_json(large_proposal(causes=20_000)), encoding="utf-8")
    assert main.run(["check", str(path)]) in (main.EXIT_OK, main.EXIT_FINDINGS)
    assert main.run(["export", str(path), "--out-dir", str(tmp_path)]) == main.EXIT_OK
    assert (tmp_path / "veinte_mil.docx").stat().st_size > 0


def test_the_list_of_snapshots_reads_bounded_names_and_a_bounded_number_of_rows(tmp_path: Path) -> None:
    path = tmp_path / "fotos.pmx"
    with Document.create(path, load_example("es")) as document:
        document.create_snapshot("Entrega", "submitted")
    db = sqlite3.connect(path)
    try:
        db.execute("UPDATE snapshots SET name = ?", ("Ñ" * 20_000_000,))
        db.commit()
        with Document.open(path, read_only=True) as document:
            [listed] = document.list_snapshots()
        assert 0 < len(listed.name) <= 1000
        db.execute(
            "INSERT INTO snapshots (name, created_at, reason, proposal_json) "
            "WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < ?) "
            "SELECT 'copia ' || n, '2026-01-01T00:00:00+00:00', 'manual', '{}' FROM k",
            (MAX_LIST_ITEMS + 1,),
        )
        db.commit()
    finally:
        db.close()
    refused = pytest.raises(CorruptDocumentError, match=f"more than {MAX_LIST_ITEMS:,} snapshots")
    with refused, Document.open(path, read_only=True) as document:
        document.list_snapshots()
