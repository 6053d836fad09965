"""Nothing is lost or changed on the way through a .pmx file or the JSON interchange."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from matrices.actors import Actor, ActorMatrix, ActorRelation
from matrices.examples import example_data
from matrices.localized import Lang
from matrices.problem import Cause, Evidence, ProblemMatrix
from matrices.proposal import Proposal
from matrices.review import Comment
from matrices.strategy import Axis, Baseline, ExcludedCause, Indicator, StrategyMatrix, Target
from storage.document import Document
from storage.interchange import dump_json, parse_interchange
from storage.mapping import unmapped_fields
from storage.schema import APPLICATION_ID, SCHEMA_VERSION
from tests.storage.helpers import StatementLog, scalar

TRICKY_TEXT = "línea 1\r\nlínea\x0b2 \x00 tab\t émoji 🧭 RTL مرحبا \u200b"


def test_every_model_field_is_stored() -> None:
    assert unmapped_fields() == []


@pytest.mark.parametrize("lang", ["es", "en"])
def test_example_json_to_pmx_and_back_is_identical(tmp_path: Path, lang: Lang) -> None:
    original = Proposal.model_validate(example_data(lang)).model_dump(mode="json")
    path = tmp_path / f"example.{lang}.pmx"
    Document.create(path, Proposal.model_validate(example_data(lang))).close()
    with Document.open(path, read_only=True) as document:
        assert document.load().model_dump(mode="json") == original


@pytest.mark.parametrize("lang", ["es", "en"])
def test_example_through_interchange_is_identical(lang: Lang) -> None:
    proposal = Proposal.model_validate(example_data(lang))
    back = parse_interchange(dump_json(proposal))
    assert back.proposal.model_dump(mode="json") == proposal.model_dump(mode="json")
    assert back.comments == ()


def test_file_carries_magic_number_and_version(example_pmx: Path) -> None:
    assert scalar(example_pmx, "PRAGMA application_id") == APPLICATION_ID == 0x504D5831
    assert scalar(example_pmx, "PRAGMA user_version") == SCHEMA_VERSION == 1
    assert scalar(example_pmx, "PRAGMA journal_mode") == "delete"


def test_none_and_empty_text_and_number_types_survive(tmp_path: Path) -> None:
    proposal = Proposal(
        title=TRICKY_TEXT,
        territory="",
        data_disclaimer=None,
        problem_matrix=ProblemMatrix(
            evidence=[
                Evidence(id="E1", value=16742, unit=""),
                Evidence(id="E2", value=0.1, unit=None, cutoff_date=date(2024, 2, 29)),
                Evidence(id="E3", value=16742.0),
                Evidence(id="E4", value=-123456789012345),
                Evidence(id="E5", value=None, description=TRICKY_TEXT),
            ]
        ),
        strategy_matrix=StrategyMatrix(
            axes=[
                Axis(
                    id="EJ1",
                    expected_results=["", TRICKY_TEXT],
                    indicators=[
                        Indicator(
                            id="I1",
                            baseline=Baseline(value=2.5, year=2020),
                            target=Target(value=3, relative_to_baseline=False, expression=""),
                        )
                    ],
                )
            ]
        ),
    )
    path = tmp_path / "types.pmx"
    Document.create(path, proposal).close()
    with Document.open(path, read_only=True) as document:
        back = document.load()
    assert back.model_dump(mode="json") == proposal.model_dump(mode="json")
    values = [e.value for e in back.problem_matrix.evidence]
    assert values == [16742, 0.1, 16742, -123456789012345, None]
    assert [type(v) for v in values] == [int, float, int, int, type(None)]
    assert back.territory == ""
    assert back.data_disclaimer is None
    assert back.problem_matrix.evidence[0].unit == ""
    assert back.problem_matrix.evidence[1].unit is None
    assert back.title == TRICKY_TEXT
    target = back.strategy_matrix.axes[0].indicators[0].target
    assert target.relative_to_baseline is False
    assert target.value == 3
    assert type(target.value) is int
    # SQLite keeps the figure as an integer, not 16742.0
    assert scalar(path, "SELECT typeof(value) FROM evidence WHERE item_id = 'E1'") == "integer"
    assert scalar(path, "SELECT typeof(value) FROM evidence WHERE item_id = 'E2'") == "real"


def test_duplicate_and_dangling_ids_survive(tmp_path: Path) -> None:
    proposal = Proposal(
        problem_matrix=ProblemMatrix(
            causes=[Cause(id="C1", description="a"), Cause(id="C1", description="b", parent_id="C9")],
        ),
        strategy_matrix=StrategyMatrix(excluded_causes=[ExcludedCause(), ExcludedCause(justification="x")]),
        actor_matrix=ActorMatrix(
            actors=[Actor(id="A1", relations=[ActorRelation(actor_id="A9"), ActorRelation(actor_id="A9", note="n")])]
        ),
    )
    path = tmp_path / "dups.pmx"
    Document.create(path, proposal).close()
    with Document.open(path, read_only=True) as document:
        assert document.load().model_dump(mode="json") == proposal.model_dump(mode="json")


def test_comments_round_trip(example_pmx: Path) -> None:
    comments = [
        Comment(id="K1", matrix="problem", item_id="C1", field="description", author="Ana", text=TRICKY_TEXT),
        Comment(id="K2", parent_id="K1", role="participant", author="Luis", text="Listo", status="resolved"),
        Comment(id="K3", created_at=datetime(2026, 1, 2, 3, 4, 5, 678000, tzinfo=UTC), field=""),
    ]
    with Document.open(example_pmx) as document:
        assert document.load_comments() == []
        stats = document.save_comments(comments)
        assert stats.inserted == 3
    with Document.open(example_pmx, read_only=True) as document:
        back = document.load_comments()
    assert [c.model_dump(mode="json") for c in back] == [c.model_dump(mode="json") for c in comments]
    assert back == comments


def test_create_with_comments_and_interchange_with_comments(tmp_path: Path, example_es: Proposal) -> None:
    comments = [Comment(id="K1", matrix="actors", item_id="A01", text="¿Rol?")]
    path = tmp_path / "c.pmx"
    Document.create(path, example_es, comments).close()
    with Document.open(path, read_only=True) as document:
        assert document.load_comments() == comments
    assert parse_interchange(dump_json(example_es, comments)).comments == tuple(comments)


def test_reopening_and_saving_the_same_proposal_writes_nothing(
    example_pmx: Path, example_es: Proposal, statement_log: StatementLog
) -> None:
    with Document.open(example_pmx) as document:
        statement_log.attach(document)
        stats = document.save(example_es)  # no load first: the saved state is read from the file
        assert not stats.changed
        assert document.save(document.load()).changed is False
    assert statement_log.writes() == []
