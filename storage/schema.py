"""The schema of the current file format as SQL text, and what reading it needs, without importing SQLAlchemy.

storage/orm.py defines the tables and SQLAlchemy writes every row; this is the very SQL text it creates them
with (tests/storage/test_raw_reader.py::test_the_schema_text_is_what_sqlalchemy_creates proves the two the
same). Opening and loading a document use only this module and the standard library's sqlite3: importing
SQLAlchemy and mapping the tables costs a third of the application's start, and is paid on the first save instead.
"""

from __future__ import annotations

import functools
import sqlite3

APPLICATION_ID = 0x504D5831
"""`PRAGMA application_id` of every .pmx file: the ASCII bytes 'PMX1'."""

SCHEMA_VERSION = 1
"""`PRAGMA user_version` written by this version; older files are migrated on open, newer ones refused."""

SCHEMA_SQL: tuple[str, ...] = (
    ('CREATE TABLE meta (\n\t"key" TEXT NOT NULL, \n\tvalue TEXT NOT NULL, \n\tPRIMARY KEY ("key")\n)'),
    (
        "CREATE TABLE proposal (\n"
        "\tpk INTEGER NOT NULL, \n"
        "\titem_id TEXT NOT NULL, \n"
        "\tlanguage TEXT NOT NULL, \n"
        "\ttitle TEXT NOT NULL, \n"
        "\tpolicy_area TEXT, \n"
        "\tterritorial_scope TEXT, \n"
        "\tterritory TEXT, \n"
        "\tproposing_institution TEXT NOT NULL, \n"
        "\tauthors TEXT NOT NULL, \n"
        "\thorizon TEXT NOT NULL, \n"
        "\tstatus TEXT NOT NULL, \n"
        "\talignment TEXT NOT NULL, \n"
        "\tcross_cutting_approaches TEXT NOT NULL, \n"
        "\tdata_disclaimer TEXT, \n"
        "\tcreated_at TEXT NOT NULL, \n"
        "\tupdated_at TEXT NOT NULL, \n"
        "\tcentral_problem TEXT NOT NULL, \n"
        "\tcontext TEXT, \n"
        "\taffected_population TEXT NOT NULL, \n"
        "\tgeneral_objective TEXT NOT NULL, \n"
        "\tPRIMARY KEY (pk)\n"
        ")"
    ),
    (
        "CREATE TABLE evidence (\n"
        "\tpk INTEGER NOT NULL, \n"
        "\tposition INTEGER NOT NULL, \n"
        "\titem_id TEXT NOT NULL, \n"
        "\tdescription TEXT NOT NULL, \n"
        "\tvalue NUMERIC, \n"
        "\tunit TEXT, \n"
        "\tcutoff_date TEXT, \n"
        "\tsource TEXT, \n"
        "\tdata_type TEXT, \n"
        "\tPRIMARY KEY (pk)\n"
        ")"
    ),
    (
        "CREATE TABLE causes (\n"
        "\tpk INTEGER NOT NULL, \n"
        "\tposition INTEGER NOT NULL, \n"
        "\titem_id TEXT NOT NULL, \n"
        "\tlevel TEXT, \n"
        "\tparent_id TEXT, \n"
        "\tdescription TEXT NOT NULL, \n"
        "\tcategory TEXT, \n"
        "\tgovernability TEXT, \n"
        "\tevidence_ids TEXT NOT NULL, \n"
        "\tPRIMARY KEY (pk)\n"
        ")"
    ),
    (
        "CREATE TABLE effects (\n"
        "\tpk INTEGER NOT NULL, \n"
        "\tposition INTEGER NOT NULL, \n"
        "\titem_id TEXT NOT NULL, \n"
        "\tlevel TEXT, \n"
        "\tparent_id TEXT, \n"
        "\tdescription TEXT NOT NULL, \n"
        "\taffected TEXT, \n"
        "\tseverity TEXT, \n"
        "\tPRIMARY KEY (pk)\n"
        ")"
    ),
    (
        "CREATE TABLE ends (\n"
        "\tpk INTEGER NOT NULL, \n"
        "\tposition INTEGER NOT NULL, \n"
        "\titem_id TEXT NOT NULL, \n"
        "\teffect_id TEXT, \n"
        "\tdescription TEXT NOT NULL, \n"
        "\tPRIMARY KEY (pk)\n"
        ")"
    ),
    (
        "CREATE TABLE axes (\n"
        "\tpk INTEGER NOT NULL, \n"
        "\tposition INTEGER NOT NULL, \n"
        "\titem_id TEXT NOT NULL, \n"
        "\tname TEXT NOT NULL, \n"
        "\taddressed_cause_ids TEXT NOT NULL, \n"
        "\tstrategic_objective TEXT NOT NULL, \n"
        "\texpected_results TEXT NOT NULL, \n"
        "\tlead_actor_id TEXT, \n"
        "\tco_responsible_actor_ids TEXT NOT NULL, \n"
        "\ttimeframe TEXT, \n"
        "\tpriority TEXT, \n"
        "\tassumptions_risks TEXT NOT NULL, \n"
        "\talignment TEXT NOT NULL, \n"
        "\testimated_cost TEXT, \n"
        "\tPRIMARY KEY (pk)\n"
        ")"
    ),
    (
        "CREATE TABLE excluded_causes (\n"
        "\tpk INTEGER NOT NULL, \n"
        "\tposition INTEGER NOT NULL, \n"
        "\tcause_id TEXT, \n"
        "\tjustification TEXT NOT NULL, \n"
        "\tPRIMARY KEY (pk)\n"
        ")"
    ),
    (
        "CREATE TABLE actors (\n"
        "\tpk INTEGER NOT NULL, \n"
        "\tposition INTEGER NOT NULL, \n"
        "\titem_id TEXT NOT NULL, \n"
        "\tname TEXT NOT NULL, \n"
        "\tacronym TEXT, \n"
        "\ttype TEXT, \n"
        "\tlevel TEXT, \n"
        "\troles TEXT NOT NULL, \n"
        "\tmandate TEXT, \n"
        "\tinterest_description TEXT NOT NULL, \n"
        "\tinterest INTEGER, \n"
        "\tinfluence INTEGER, \n"
        "\tposition_rating INTEGER, \n"
        "\tresources TEXT NOT NULL, \n"
        "\tperceived_problems TEXT, \n"
        "\tstrategy_detail TEXT, \n"
        "\taxis_ids TEXT NOT NULL, \n"
        "\tassessment_basis TEXT, \n"
        "\tdata_type TEXT, \n"
        "\tPRIMARY KEY (pk)\n"
        ")"
    ),
    (
        "CREATE TABLE instruments (\n"
        "\tpk INTEGER NOT NULL, \n"
        "\tposition INTEGER NOT NULL, \n"
        "\titem_id TEXT NOT NULL, \n"
        "\tname TEXT NOT NULL, \n"
        "\tdescription TEXT NOT NULL, \n"
        "\taxis_id TEXT, \n"
        "\tline_of_action_id TEXT, \n"
        "\tnato TEXT, \n"
        "\tnato_secondary TEXT, \n"
        "\tvedung TEXT, \n"
        "\tinstrument_type TEXT, \n"
        "\tnature TEXT, \n"
        "\tcharacter TEXT, \n"
        "\tlegal_basis TEXT, \n"
        "\tresponsible_actor_id TEXT, \n"
        "\ttarget_group TEXT NOT NULL, \n"
        "\ttarget_actor_ids TEXT NOT NULL, \n"
        "\tmechanism TEXT NOT NULL, \n"
        "\tresources_required TEXT, \n"
        "\testimated_cost TEXT, \n"
        "\ttimeframe TEXT, \n"
        "\tindicator_ids TEXT NOT NULL, \n"
        "\trisks TEXT, \n"
        "\tex_ante_assessment TEXT, \n"
        "\tPRIMARY KEY (pk)\n"
        ")"
    ),
    (
        "CREATE TABLE comments (\n"
        "\tpk INTEGER NOT NULL, \n"
        "\tposition INTEGER NOT NULL, \n"
        "\titem_id TEXT NOT NULL, \n"
        "\tmatrix TEXT, \n"
        "\tanchor_item_id TEXT, \n"
        "\tfield TEXT, \n"
        "\tparent_id TEXT, \n"
        "\tauthor TEXT NOT NULL, \n"
        "\trole TEXT NOT NULL, \n"
        "\tcreated_at TEXT NOT NULL, \n"
        "\ttext TEXT NOT NULL, \n"
        "\tstatus TEXT NOT NULL, \n"
        "\tPRIMARY KEY (pk)\n"
        ")"
    ),
    (
        "CREATE TABLE snapshots (\n"
        "\tpk INTEGER NOT NULL, \n"
        "\tname TEXT NOT NULL, \n"
        "\tcreated_at TEXT NOT NULL, \n"
        "\treason TEXT NOT NULL, \n"
        "\tproposal_json TEXT NOT NULL, \n"
        "\tPRIMARY KEY (pk)\n"
        ")"
    ),
    (
        "CREATE TABLE lines_of_action (\n"
        "\tpk INTEGER NOT NULL, \n"
        "\taxis_pk INTEGER NOT NULL, \n"
        "\tposition INTEGER NOT NULL, \n"
        "\titem_id TEXT NOT NULL, \n"
        "\ttext TEXT NOT NULL, \n"
        "\tPRIMARY KEY (pk), \n"
        "\tFOREIGN KEY(axis_pk) REFERENCES axes (pk) ON DELETE CASCADE\n"
        ")"
    ),
    "CREATE INDEX ix_lines_of_action_axis_pk ON lines_of_action (axis_pk)",
    (
        "CREATE TABLE indicators (\n"
        "\tpk INTEGER NOT NULL, \n"
        "\taxis_pk INTEGER, \n"
        "\tposition INTEGER NOT NULL, \n"
        "\titem_id TEXT NOT NULL, \n"
        "\tname TEXT NOT NULL, \n"
        "\tlevel TEXT, \n"
        "\tdimension TEXT, \n"
        "\tformula TEXT, \n"
        "\tunit TEXT, \n"
        "\tbaseline TEXT NOT NULL, \n"
        "\ttarget TEXT NOT NULL, \n"
        "\tfrequency TEXT, \n"
        "\tmeans_of_verification TEXT, \n"
        "\tresponsible_actor_id TEXT, \n"
        "\tdisaggregation TEXT NOT NULL, \n"
        "\tnotes TEXT, \n"
        "\tPRIMARY KEY (pk), \n"
        "\tFOREIGN KEY(axis_pk) REFERENCES axes (pk) ON DELETE CASCADE\n"
        ")"
    ),
    "CREATE INDEX ix_indicators_axis_pk ON indicators (axis_pk)",
    (
        "CREATE TABLE actor_relations (\n"
        "\tpk INTEGER NOT NULL, \n"
        "\tactor_pk INTEGER NOT NULL, \n"
        "\tposition INTEGER NOT NULL, \n"
        "\tactor_id TEXT, \n"
        "\ttype TEXT, \n"
        "\tnote TEXT, \n"
        "\tPRIMARY KEY (pk), \n"
        "\tFOREIGN KEY(actor_pk) REFERENCES actors (pk) ON DELETE CASCADE\n"
        ")"
    ),
    "CREATE INDEX ix_actor_relations_actor_pk ON actor_relations (actor_pk)",
)
"""Every CREATE statement of the current format, exactly as SQLAlchemy emits it for storage/orm.py."""

JSON_COLUMNS: dict[str, frozenset[str]] = {
    "proposal": frozenset(("authors", "horizon", "alignment", "cross_cutting_approaches")),
    "causes": frozenset(("evidence_ids",)),
    "axes": frozenset(
        (
            "addressed_cause_ids",
            "expected_results",
            "co_responsible_actor_ids",
            "assumptions_risks",
            "alignment",
            "estimated_cost",
        )
    ),
    "indicators": frozenset(("baseline", "target", "disaggregation")),
    "actors": frozenset(("roles", "resources", "axis_ids")),
    "instruments": frozenset(("target_actor_ids", "estimated_cost", "indicator_ids", "ex_ante_assessment")),
}
"""Per table, the columns holding a JSON value as text (orm.JsonText): read back with json.loads."""


def create_schema(raw: sqlite3.Connection) -> None:
    """Create the tables and indexes of the current format on an empty database."""
    for statement in SCHEMA_SQL:
        raw.execute(statement)


@functools.cache
def table_columns() -> dict[str, tuple[str, ...]]:
    """Return each table's columns in their declared order (the order SQLAlchemy selects them in)."""
    memory = sqlite3.connect(":memory:")
    try:
        create_schema(memory)
        names = [row[0] for row in memory.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {name: tuple(row[1] for row in memory.execute(f'PRAGMA table_info("{name}")')) for name in names}
    finally:
        memory.close()
