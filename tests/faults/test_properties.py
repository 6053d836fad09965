"""Properties over any proposal the model admits (tests/faults/model_strategies.py draws every field):

1. JSON -> .pmx -> JSON is the identity (comments included);
2. the Word export never raises (findings, pictures and comments included, either language);
3. every free text of the proposal appears in the Word file, cleaned of what XML forbids (export.text.clean_text).

Default runs draw a modest number of examples; `pytest -m slow` draws many more.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from export.docx_export import export_docx
from export.options import PAPERS, ExportOptions
from export.text import clean_text
from matrices.actors import ActorRelation
from matrices.catalogs import Catalogs
from matrices.examples import load_example
from matrices.fieldmodel import FieldModel
from matrices.proposal import Proposal
from matrices.review import MATRIX_KEYS, Comment
from matrices.rules import default_rulebook
from storage.document import Document
from storage.interchange import dump_json, parse_interchange
from tests.faults.docx_text import docx_text
from tests.faults.model_strategies import IDS, TEXT, mark_every_text, models, texts, with_unique_ids

COMMON = {
    "deadline": None,
    "database": None,  # no .hypothesis folder in the repository
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
}
# Shrinking a proposal of a hundred long texts takes minutes: the default run reports the first failing example
# as drawn (the assertion names the field paths); the slow run shrinks it.
QUICK = {**COMMON, "phases": (Phase.explicit, Phase.reuse, Phase.generate)}
FEW = settings(max_examples=30, **QUICK)
MANY = settings(max_examples=400, **COMMON)
EXPORT_FEW = settings(max_examples=25, **QUICK)
EXPORT_MANY = settings(max_examples=250, **COMMON)

PROPOSALS = models(Proposal)
UNIQUE_IDS = PROPOSALS.map(with_unique_ids)
"""Items made in the app never share an id; a repeated id is tested on its own (it is G03's finding)."""
COMMENTS = st.lists(models(Comment), max_size=4)
OPTIONS = st.builds(
    ExportOptions,
    lang=st.sampled_from([None, "es", "en"]),
    paper=st.sampled_from(PAPERS),
    include_comments=st.booleans(),
    include_pictures=st.booleans(),
)
# A failing example of a hundred long texts has a repr of hundreds of kB: Hypothesis warns, the assertion says enough.
pytestmark = pytest.mark.filterwarnings("ignore:Generating overly large repr")
_SPACE = re.compile(r"\s+")


@pytest.fixture(scope="module")
def rulebook(catalogs: Catalogs, field_model: FieldModel):  # type: ignore[no-untyped-def]
    return default_rulebook(catalogs, field_model)


# ---- 1. JSON -> .pmx -> JSON ------------------------------------------------------------------------------------


def check_json_pmx_json(tmp_path: Path, proposal: Proposal, comments: list[Comment]) -> None:
    text = dump_json(proposal, comments)
    parsed = parse_interchange(text)
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    try:
        path = folder / "p.pmx"
        Document.create(path, parsed.proposal, parsed.comments).close()
        with Document.open(path, read_only=True) as document:
            again = dump_json(document.load(), document.load_comments())
    finally:
        shutil.rmtree(folder)
    assert json.loads(again) == json.loads(text)
    assert again == text


@FEW
@given(proposal=PROPOSALS, comments=COMMENTS)
def test_json_to_pmx_to_json_is_the_identity(tmp_path: Path, proposal: Proposal, comments: list[Comment]) -> None:
    check_json_pmx_json(tmp_path, proposal, comments)


@pytest.mark.slow
@MANY
@given(proposal=PROPOSALS, comments=COMMENTS)
def test_json_to_pmx_to_json_is_the_identity_many(tmp_path: Path, proposal: Proposal, comments: list[Comment]) -> None:
    check_json_pmx_json(tmp_path, proposal, comments)


# ---- 2 and 3. the export ----------------------------------------------------------------------------------------


def anchored_comments(proposal: Proposal) -> st.SearchStrategy[list[Comment]]:
    """Comments on items that exist (and some on nothing), as a facilitator writes them."""
    item_ids = [None, *sorted(set(_item_ids(proposal)))]
    comment = st.builds(
        Comment,
        id=IDS,
        matrix=st.sampled_from(MATRIX_KEYS),
        item_id=st.sampled_from(item_ids),
        field=st.none() | st.sampled_from(["name", "description", "title"]),
        author=TEXT,
        text=TEXT,
        status=st.sampled_from(["open", "resolved"]),
    )
    return st.lists(comment, max_size=4)


def _item_ids(proposal: Proposal) -> list[str]:
    problem, strategy = proposal.problem_matrix, proposal.strategy_matrix
    groups = [
        problem.evidence,
        problem.causes,
        problem.effects,
        strategy.ends,
        strategy.general_indicators,
        strategy.axes,
        proposal.actor_matrix.actors,
        proposal.instrument_matrix.instruments,
    ]
    return [item.id for group in groups for item in group]


def squeeze(text: str) -> str:
    """Collapse runs of white space: paragraphs, line breaks and tabs are layout, not content."""
    return _SPACE.sub(" ", text).strip()


def export(proposal: Proposal, comments: list[Comment], options: ExportOptions, rulebook, catalogs, field_model):  # type: ignore[no-untyped-def]
    return export_docx(
        proposal,
        catalogs=catalogs,
        field_model=field_model,
        findings=rulebook.check(proposal),
        comments=comments,
        options=options,
    )


@EXPORT_FEW
@given(data=st.data(), proposal=PROPOSALS, options=OPTIONS)
def test_the_export_never_raises(qapp, rulebook, catalogs, field_model, data, proposal, options) -> None:  # type: ignore[no-untyped-def]
    comments = data.draw(anchored_comments(proposal))
    result = export(proposal, comments, options, rulebook, catalogs, field_model)
    assert result[:2] == b"PK"


def check_every_text_appears(proposal, comments, rulebook, catalogs, field_model) -> None:  # type: ignore[no-untyped-def]
    options = ExportOptions(include_comments=True, include_pictures=False)
    body, comment_texts = docx_text(export(proposal, comments, options, rulebook, catalogs, field_model))
    body = squeeze(body)
    missing = [
        (path, value[:60])
        for path, value in texts(proposal)
        if squeeze(clean_text(value)) and squeeze(clean_text(value)) not in body
    ]
    assert not missing, f"{len(missing)} text(s) missing from the Word file, first: {missing[:5]}"
    shown = [squeeze(text) for text in comment_texts]
    lost = [
        c.text[:60]
        for c in comments
        if squeeze(clean_text(c.text)) and not any(squeeze(clean_text(c.text)) in text for text in shown)
    ]
    assert not lost, f"comment text(s) missing from the Word file: {lost}"


def test_every_text_field_of_the_model_reaches_the_docx(qapp, rulebook, catalogs, field_model) -> None:  # type: ignore[no-untyped-def]
    """The example with a unique marker in each free-text field: every marker must be in the Word file."""
    proposal = load_example("es")
    for actor in proposal.actor_matrix.actors:
        actor.relations = actor.relations or [ActorRelation(actor_id=proposal.actor_matrix.actors[0].id)]
    counter = iter(range(1, 100_000))
    marks = mark_every_text(proposal, lambda: f"MK{next(counter):05}X")
    body, _ = docx_text(export(proposal, [], ExportOptions(include_pictures=False), rulebook, catalogs, field_model))
    missing = sorted({re.sub(r"\.\d+", ".*", path) for mark, path in marks.items() if mark not in body})
    assert not missing, f"free-text fields never written to the Word file: {missing}"


def test_items_sharing_an_id_are_all_exported(qapp, rulebook, catalogs, field_model) -> None:  # type: ignore[no-untyped-def]
    """A hand-edited or merged file may repeat an id (rule G03 reports it); the export must not drop the text."""
    proposal = load_example("es")
    causes, effects = proposal.problem_matrix.causes, proposal.problem_matrix.effects
    causes.append(causes[0].model_copy(update={"description": "Segunda causa con el mismo id"}))
    effects.append(effects[0].model_copy(update={"description": "Segundo efecto con el mismo id"}))
    body, _ = docx_text(export(proposal, [], ExportOptions(include_pictures=False), rulebook, catalogs, field_model))
    assert "Segunda causa con el mismo id" in body
    assert "Segundo efecto con el mismo id" in body


_PIECE = "Ñandú «Darién» — niñez😍\r\nØ\U000d759e𐂃שלום"
_DRAWN = (_PIECE * 100)[: 100 * len(_PIECE) - len(_PIECE) + _PIECE.index("—") + 1]
"""The axis name Hypothesis drew when the property failed: a piece repeated, cut just after its dash."""


@pytest.mark.parametrize("name", [_DRAWN, "Control migratorio —", "Eje — ", "—", "Eje\r\x01 — —"])
def test_an_axis_name_ending_in_a_dash_is_whole_in_the_docx(qapp, rulebook, catalogs, field_model, name) -> None:  # type: ignore[no-untyped-def]
    # The axis heading ("EJ1 — name") dropped the dashes and spaces a name ended with: where nothing else names
    # the axis (no cause addressed, no actor or instrument linked), its whole name was nowhere in the file.
    proposal = load_example("es")
    axis = proposal.strategy_matrix.axes[0]
    axis.name, axis.addressed_cause_ids = name, []
    proposal.instrument_matrix.instruments = []
    for actor in proposal.actor_matrix.actors:
        actor.axis_ids = []
    check_every_text_appears(proposal, [], rulebook, catalogs, field_model)


@EXPORT_FEW
@given(data=st.data(), proposal=UNIQUE_IDS)
def test_every_text_appears_cleaned_in_the_docx(qapp, rulebook, catalogs, field_model, data, proposal) -> None:  # type: ignore[no-untyped-def]
    check_every_text_appears(proposal, data.draw(anchored_comments(proposal)), rulebook, catalogs, field_model)


@pytest.mark.slow
@EXPORT_MANY
@given(data=st.data(), proposal=PROPOSALS, options=OPTIONS)
def test_the_export_never_raises_many(qapp, rulebook, catalogs, field_model, data, proposal, options) -> None:  # type: ignore[no-untyped-def]
    comments = data.draw(anchored_comments(proposal))
    assert export(proposal, comments, options, rulebook, catalogs, field_model)[:2] == b"PK"


@pytest.mark.slow
@EXPORT_MANY
@given(data=st.data(), proposal=UNIQUE_IDS)
def test_every_text_appears_cleaned_in_the_docx_many(qapp, rulebook, catalogs, field_model, data, proposal) -> None:  # type: ignore[no-untyped-def]
    check_every_text_appears(proposal, data.draw(anchored_comments(proposal)), rulebook, catalogs, field_model)
