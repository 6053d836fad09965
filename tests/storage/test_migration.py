"""Older files are migrated on open: a backup copy first, then one transaction; read-only opens migrate in memory.

Version 1 is the first format, so these tests make a synthetic "version 0" by hand (no snapshots table, the
actors' stance column under its old name) and register a 0 -> 1 step for it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import Connection

from matrices.examples import load_example
from storage.document import Document
from storage.errors import CorruptDocumentError, MigrationError, UnexpectedSchemaError, UnsupportedVersionError
from storage.migrations import MIGRATIONS, backup_candidates
from storage.opening import BEFORE_MIGRATION
from storage.schema import create_table_sql
from storage.tables import SNAPSHOTS
from tests.storage.helpers import fingerprint, listing, scalar, tamper


def upgrade_0_to_1(connection: Connection) -> None:
    connection.exec_driver_sql("ALTER TABLE actors RENAME COLUMN stance TO position_rating")
    connection.exec_driver_sql(create_table_sql(SNAPSHOTS))


STEPS = {0: upgrade_0_to_1}


@pytest.fixture
def version_0(example_pmx: Path) -> Path:
    """The example as a file of the synthetic version 0."""
    tamper(
        example_pmx,
        "DROP TABLE snapshots",
        "ALTER TABLE actors RENAME COLUMN position_rating TO stance",
        "PRAGMA user_version = 0",
    )
    return example_pmx


def test_the_shipped_registry_has_no_step_yet() -> None:
    assert dict(MIGRATIONS) == {}


def test_opening_an_older_file_keeps_a_backup_and_migrates(version_0: Path) -> None:
    original_bytes = version_0.read_bytes()
    with Document.open(version_0, migrations=STEPS) as document:
        assert not document.read_only
        assert document.migrated_from == 0
        backup = version_0.with_name("propuesta.v0.bak.pmx")
        assert document.backup_path == backup
        assert backup.read_bytes() == original_bytes
        assert document.load() == load_example("es")
        snapshots = document.list_snapshots()
        assert [s.name for s in snapshots] == [BEFORE_MIGRATION]
        assert "format 0" in snapshots[0].reason
        assert document.load_snapshot(snapshots[0].id) == load_example("es")
    assert scalar(version_0, "PRAGMA user_version") == 1
    assert scalar(version_0, "SELECT count(*) FROM meta WHERE key = 'migrated_from_0'") == 1
    assert scalar(backup, "PRAGMA user_version") == 0
    with Document.open(version_0) as again:  # now current: no second migration, no second backup
        assert again.migrated_from is None
    assert listing(version_0.parent) == ["propuesta.pmx", "propuesta.v0.bak.pmx"]


def test_an_existing_backup_is_never_overwritten(version_0: Path) -> None:
    earlier = version_0.with_name("propuesta.v0.bak.pmx")
    earlier.write_bytes(b"an earlier backup")
    with Document.open(version_0, migrations=STEPS) as document:
        assert document.backup_path == version_0.with_name("propuesta.v0.bak-2.pmx")
    assert earlier.read_bytes() == b"an earlier backup"


def test_backup_names() -> None:
    names = [p.name for p in backup_candidates(Path("a/x.pmx"), 3)[:3]]
    assert names == ["x.v3.bak.pmx", "x.v3.bak-2.pmx", "x.v3.bak-3.pmx"]


def test_read_only_open_migrates_in_memory_and_leaves_the_file(version_0: Path) -> None:
    before, files = fingerprint(version_0), listing(version_0.parent)
    with Document.open(version_0, read_only=True, migrations=STEPS) as document:
        assert document.read_only
        assert document.migrated_from == 0
        assert document.backup_path is None
        assert document.load() == load_example("es")
        assert document.list_snapshots() == []
    assert fingerprint(version_0) == before
    assert listing(version_0.parent) == files


def test_a_second_window_on_an_older_file_reads_it_in_memory(version_0: Path) -> None:
    with Document.open(version_0, migrations=STEPS) as first, Document.open(version_0, migrations=STEPS) as second:
        assert second.read_only
        assert second.load() == first.load()


def test_an_older_file_without_a_migration_is_refused(version_0: Path) -> None:
    before = fingerprint(version_0)
    with pytest.raises(UnsupportedVersionError, match="file format 0"):
        Document.open(version_0)
    assert fingerprint(version_0) == before


def test_a_failing_step_leaves_the_file_unchanged(version_0: Path) -> None:
    def broken(connection: Connection) -> None:
        upgrade_0_to_1(connection)
        connection.exec_driver_sql("UPDATE causes SET description = 'lost'")
        connection.exec_driver_sql("SELECT * FROM no_such_table")

    before, files = fingerprint(version_0)[0], listing(version_0.parent)
    with pytest.raises(MigrationError) as caught:
        Document.open(version_0, migrations={0: broken})
    assert "left unchanged" in str(caught.value)
    assert version_0.read_bytes() == before
    assert listing(version_0.parent) == files  # no backup left behind either


def test_a_step_that_leaves_a_wrong_schema_is_rolled_back(version_0: Path) -> None:
    before = version_0.read_bytes()
    with pytest.raises(CorruptDocumentError, match="snapshots"):
        Document.open(version_0, migrations={0: lambda connection: None})
    assert version_0.read_bytes() == before


def test_a_step_may_rebuild_a_container_table_without_losing_its_contents(version_0: Path) -> None:
    """Foreign keys are off during a migration, so dropping the axes table does not cascade to its lines."""

    def rebuild_axes(connection: Connection) -> None:
        upgrade_0_to_1(connection)
        sql = connection.exec_driver_sql("SELECT sql FROM sqlite_master WHERE name = 'axes'").scalar_one()
        connection.exec_driver_sql(sql.replace("CREATE TABLE axes", "CREATE TABLE axes_new", 1))
        connection.exec_driver_sql("INSERT INTO axes_new SELECT * FROM axes")
        connection.exec_driver_sql("DROP TABLE axes")
        connection.exec_driver_sql("ALTER TABLE axes_new RENAME TO axes")

    with Document.open(version_0, migrations={0: rebuild_axes}) as document:
        assert document.load() == load_example("es")
    with Document.open(version_0) as document, document.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1  # back on after migrating


def test_an_older_file_with_a_trigger_is_refused_before_migrating(version_0: Path) -> None:
    tamper(version_0, "CREATE TRIGGER t AFTER INSERT ON causes BEGIN DELETE FROM actors; END")
    shutil.copyfile(version_0, version_0.with_name("copy.pmx"))
    with pytest.raises(UnexpectedSchemaError, match="trigger"):
        Document.open(version_0, migrations=STEPS)
    assert version_0.read_bytes() == version_0.with_name("copy.pmx").read_bytes()
