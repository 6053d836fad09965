"""Property: any proposal goes JSON -> .pmx -> JSON unchanged, and saving any proposal over any other gives it back.

Strategies are explicit (st.builds with constrained Annotated fields does not generate well) and cover the
tricky values: unicode and control characters, None next to "", ints next to floats, repeated and dangling ids.
"""

from __future__ import annotations

import shutil
import tempfile
from datetime import UTC
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matrices.actors import Actor, ActorMatrix, ActorRelation
from matrices.general import Alignment, AxisAlignment, EstimatedCost, Horizon
from matrices.instruments import ExAnteAssessment, Instrument, InstrumentMatrix
from matrices.problem import Cause, Effect, Evidence, ProblemMatrix
from matrices.proposal import Proposal
from matrices.review import MATRIX_KEYS, Comment
from matrices.strategy import Axis, Baseline, End, ExcludedCause, Indicator, LineOfAction, StrategyMatrix, Target
from storage.document import Document
from storage.interchange import dump_json, parse_interchange

# Few ids, so that two drawn proposals share many (their rows get matched and updated, not just replaced).
ID_POOL = ["C1", "C2", "A01", "EJ1", "X.1", "id:9"]
IDS = st.one_of(
    st.sampled_from(ID_POOL),
    st.sampled_from(ID_POOL),
    st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._:\-]{0,8}", fullmatch=True),
)
OPT_IDS = st.none() | IDS
CHARS = st.characters(exclude_categories=["Cs"]) | st.sampled_from(["\x0b", "\x00", "\r", "\n", "é", "🧭", "\u200b"])
TEXT = st.text(CHARS, max_size=12)
OPT_TEXT = st.none() | st.just("") | TEXT
CATALOG = st.sampled_from(["direct", "high", "gcm_01", "10.7", "unknown value"])
OPT_CATALOG = st.none() | CATALOG
NUMBERS = st.none() | st.integers(-(10**15), 10**15) | st.floats(-1e15, 1e15, allow_nan=False, allow_infinity=False)
SCORES = st.none() | st.integers(-99, 99)
YEARS = st.none() | st.integers(1000, 9999)


def few(strategy: st.SearchStrategy[object], size: int = 3) -> st.SearchStrategy[list[object]]:
    return st.lists(strategy, max_size=size)


COSTS = st.none() | st.builds(EstimatedCost, amount=NUMBERS, currency=OPT_TEXT, funding_source=OPT_TEXT)
INDICATORS = st.builds(
    Indicator,
    id=IDS,
    name=TEXT,
    level=OPT_CATALOG,
    formula=OPT_TEXT,
    unit=OPT_TEXT,
    baseline=st.builds(Baseline, value=NUMBERS, year=YEARS, source=OPT_TEXT, status=OPT_CATALOG),
    target=st.builds(Target, value=NUMBERS, year=YEARS, relative_to_baseline=st.none() | st.booleans()),
    responsible_actor_id=OPT_IDS,
    disaggregation=few(CATALOG),
    notes=OPT_TEXT,
)
AXES = st.builds(
    Axis,
    id=IDS,
    name=TEXT,
    addressed_cause_ids=few(IDS),
    strategic_objective=TEXT,
    lines_of_action=few(st.builds(LineOfAction, id=IDS, text=TEXT)),
    expected_results=few(TEXT, 2),
    indicators=few(INDICATORS, 2),
    lead_actor_id=OPT_IDS,
    assumptions_risks=few(TEXT, 2),
    alignment=st.builds(AxisAlignment, gcm_objectives=few(CATALOG, 2)),
    estimated_cost=COSTS,
)
ACTORS = st.builds(
    Actor,
    id=IDS,
    name=TEXT,
    acronym=OPT_TEXT,
    type=OPT_CATALOG,
    roles=few(CATALOG, 2),
    interest=SCORES,
    influence=SCORES,
    position=SCORES,
    relations=few(st.builds(ActorRelation, actor_id=OPT_IDS, type=OPT_CATALOG, note=OPT_TEXT)),
    axis_ids=few(IDS, 2),
)
INSTRUMENTS = st.builds(
    Instrument,
    id=IDS,
    name=TEXT,
    description=TEXT,
    axis_id=OPT_IDS,
    nato=OPT_CATALOG,
    target_actor_ids=few(IDS, 2),
    estimated_cost=COSTS,
    indicator_ids=few(IDS, 2),
    risks=OPT_TEXT,
    ex_ante_assessment=st.none() | st.builds(ExAnteAssessment, effectiveness=SCORES, equity=SCORES),
)
PROPOSALS = st.builds(
    Proposal,
    language=st.sampled_from(["es", "en"]),
    id=IDS,
    title=TEXT,
    territory=OPT_TEXT,
    authors=few(TEXT),
    horizon=st.builds(Horizon, start_year=YEARS, end_year=YEARS),
    alignment=st.builds(Alignment, sdg_targets=few(CATALOG)),
    data_disclaimer=OPT_TEXT,
    created_at=st.dates(),
    problem_matrix=st.builds(
        ProblemMatrix,
        central_problem=TEXT,
        context=OPT_TEXT,
        evidence=few(st.builds(Evidence, id=IDS, value=NUMBERS, unit=OPT_TEXT, cutoff_date=st.none() | st.dates())),
        causes=few(st.builds(Cause, id=IDS, parent_id=OPT_IDS, description=TEXT, evidence_ids=few(IDS, 2)), 4),
        effects=few(st.builds(Effect, id=IDS, parent_id=OPT_IDS, description=TEXT, affected=OPT_TEXT)),
    ),
    strategy_matrix=st.builds(
        StrategyMatrix,
        general_objective=TEXT,
        ends=few(st.builds(End, id=IDS, effect_id=OPT_IDS, description=TEXT), 2),
        general_indicators=few(INDICATORS, 2),
        axes=few(AXES),
        excluded_causes=few(st.builds(ExcludedCause, cause_id=OPT_IDS, justification=TEXT), 2),
    ),
    actor_matrix=st.builds(ActorMatrix, actors=few(ACTORS)),
    instrument_matrix=st.builds(InstrumentMatrix, instruments=few(INSTRUMENTS)),
)
COMMENTS = few(
    st.builds(
        Comment,
        id=IDS,
        matrix=st.none() | st.sampled_from(MATRIX_KEYS),
        item_id=OPT_IDS,
        field=OPT_TEXT,
        parent_id=OPT_IDS,
        author=TEXT,
        created_at=st.datetimes(timezones=st.none() | st.just(UTC)),
        text=TEXT,
        status=st.sampled_from(["open", "resolved"]),
    )
)


@settings(
    max_examples=50,
    deadline=None,
    database=None,  # no .hypothesis folder in the repository
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(first=PROPOSALS, second=PROPOSALS, comments=COMMENTS, later_comments=COMMENTS)
def test_any_proposal_survives_the_file_and_any_save(
    tmp_path: Path, first: Proposal, second: Proposal, comments: list[Comment], later_comments: list[Comment]
) -> None:
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    try:
        path = folder / "p.pmx"
        expected = first.model_dump(mode="json")
        assert parse_interchange(dump_json(first, comments)).proposal.model_dump(mode="json") == expected

        Document.create(path, first, comments).close()
        with Document.open(path, read_only=True) as reader:
            assert reader.load().model_dump(mode="json") == expected
            assert [c.model_dump(mode="json") for c in reader.load_comments()] == [
                c.model_dump(mode="json") for c in comments
            ]

        with Document.open(path) as writer:
            writer.save(second)
            writer.save_comments(later_comments)
            assert writer.load().model_dump(mode="json") == second.model_dump(mode="json")
            assert not writer.save(second).changed
            assert not writer.save_comments(later_comments).changed
        with Document.open(path, read_only=True) as reader:
            assert reader.load().model_dump(mode="json") == second.model_dump(mode="json")
            assert reader.load_comments() == later_comments
    finally:
        shutil.rmtree(folder)
