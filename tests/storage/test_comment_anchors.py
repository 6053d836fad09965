"""Comment anchors name stable item ids: reordering and renaming items, in a .pmx or in JSON, never moves them."""

from __future__ import annotations

from pathlib import Path

from matrices.edits import index_of, move_item
from matrices.proposal import Proposal
from matrices.review import Comment
from storage.document import Document
from storage.interchange import dump_json, parse_interchange

CAUSES = ("problem_matrix", "causes")
ACTORS = ("actor_matrix", "actors")
INDICATORS = ("strategy_matrix", "axes", ("id", "EJ2"), "indicators")


def _comments() -> list[Comment]:
    root = Comment(id="K1", matrix="problem", item_id="C1.2", field="description", author="Laura", text="¿Fuente?")
    return [
        root,
        Comment(id="K2", parent_id="K1", matrix="problem", item_id="C1.2", field="description", role="participant"),
        Comment(id="K3", matrix="actors", item_id="A03", field="name", text="Nombre oficial", status="resolved"),
        Comment(id="K4", matrix="strategy", item_id="IND2.1", field="baseline.value", text="¿Año base?"),
        Comment(id="K5", text="Sobre toda la propuesta"),
    ]


def _reorder_and_rename(proposal: Proposal) -> None:
    move_item(proposal, CAUSES, index_of(proposal, CAUSES, "C1.2"), 0)
    move_item(proposal, ACTORS, index_of(proposal, ACTORS, "A03"), 10)
    move_item(proposal, INDICATORS, 0, 1)
    cause = next(c for c in proposal.problem_matrix.causes if c.id == "C1.2")
    cause.description = "Campañas informativas renombradas"
    actor = next(a for a in proposal.actor_matrix.actors if a.id == "A03")
    actor.name = "Defensoría del Pueblo (renombrada)"


def _target(proposal: Proposal, comment: Comment) -> object:
    items = {
        **{c.id: c for c in proposal.problem_matrix.causes},
        **{a.id: a for a in proposal.actor_matrix.actors},
        **{i.id: i for axis in proposal.strategy_matrix.axes for i in axis.indicators},
    }
    return items[comment.item_id] if comment.item_id else proposal


def test_anchors_survive_reordering_and_renaming_in_a_pmx(tmp_path: Path, example_es: Proposal) -> None:
    path = tmp_path / "propuesta.pmx"
    Document.create(path, example_es, _comments()).close()
    with Document.open(path) as document:
        proposal = document.load()
        _reorder_and_rename(proposal)
        document.save(proposal)
        # A later comment save writes only the rows that changed: the anchors of the others stay as they were.
        comments = document.load_comments()
        comments.append(Comment(id="K6", matrix="actors", item_id="A03", text="Gracias"))
        document.save_comments(comments)
    with Document.open(path, read_only=True) as reread:
        proposal, stored = reread.load(), {c.id: c for c in reread.load_comments()}
    assert [(c.matrix, c.item_id, c.field, c.parent_id) for c in stored.values()] == [
        (c.matrix, c.item_id, c.field, c.parent_id)
        for c in [*_comments(), Comment(id="K6", matrix="actors", item_id="A03")]
    ]
    assert proposal.problem_matrix.causes[0].id == "C1.2", "the item moved..."
    assert _target(proposal, stored["K1"]).description == "Campañas informativas renombradas"  # type: ignore[attr-defined]
    assert _target(proposal, stored["K3"]).name == "Defensoría del Pueblo (renombrada)"  # type: ignore[attr-defined]
    assert [a.id for a in proposal.actor_matrix.actors].index("A03") == 10
    assert _target(proposal, stored["K4"]).id == "IND2.1"  # type: ignore[attr-defined]
    assert proposal.strategy_matrix.axes[1].indicators[1].id == "IND2.1"


def test_anchors_survive_reordering_and_renaming_through_json(example_es: Proposal) -> None:
    _reorder_and_rename(example_es)
    comments = _comments()  # once: each call stamps created_at with the current second
    back = parse_interchange(dump_json(example_es, comments))
    assert list(back.comments) == comments
    assert _target(back.proposal, back.comments[0]).description == "Campañas informativas renombradas"  # type: ignore[attr-defined]
    assert _target(back.proposal, back.comments[2]).name.endswith("(renombrada)")  # type: ignore[attr-defined]
