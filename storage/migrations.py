"""Migrations of older .pmx files: one step per schema version, run in one transaction after a backup copy.

A step takes the file from version N to N + 1 and receives the SQLAlchemy connection inside the migration's
transaction, with foreign keys switched off (SQLite's recommended way to rebuild a table). The registry maps N
to its step. Version 1 is the first released format, so the shipped registry is empty; the day the tables of
storage/tables.py change, bump schema.SCHEMA_VERSION, add the step here, and keep a version-1 file in tests to
migrate.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Callable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from storage.atomic import fsync_file, move_no_replace, temp_beside
from storage.errors import UnsupportedVersionError
from storage.schema import SCHEMA_VERSION

if TYPE_CHECKING:
    from sqlalchemy import Connection

MigrationStep = Callable[["Connection"], None]

MIGRATIONS: Mapping[int, MigrationStep] = MappingProxyType({})
"""The shipped migration steps, by the version they start from."""


def migration_steps(version: int, migrations: Mapping[int, MigrationStep], path: Path) -> list[MigrationStep]:
    """Return the steps that bring version up to SCHEMA_VERSION, or refuse a version with no path up."""
    steps = [migrations.get(start) for start in range(version, SCHEMA_VERSION)]
    if version < 0 or any(step is None for step in steps):
        raise UnsupportedVersionError(
            f"was written by an early version of Policy Matrix (file format {version}) that this version cannot "
            "convert",
            path,
        )
    return [step for step in steps if step is not None]


def run_steps(connection: Connection, steps: list[MigrationStep]) -> None:
    """Run the steps inside the caller's transaction and record the new schema version."""
    for step in steps:
        step(connection)
    # user_version lives in the file header, which SQLite writes as part of the transaction.
    connection.exec_driver_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")


def backup_candidates(path: Path, version: int) -> list[Path]:
    """Return the names a pre-migration copy may take: NAME.v1.bak.pmx, then NAME.v1.bak-2.pmx, ..."""
    suffix = path.suffix or ".pmx"
    first = path.with_name(f"{path.stem}.v{version}.bak{suffix}")
    return [first] + [path.with_name(f"{path.stem}.v{version}.bak-{n}{suffix}") for n in range(2, 1000)]


def keep_backup(path: Path, version: int) -> Path:
    """Copy the file beside itself under a free backup name (never replacing an older backup); return the copy."""
    with temp_beside(path) as temp:  # the caller holds the document's lock
        shutil.copy2(path, temp)
        fsync_file(temp)
        for candidate in backup_candidates(path, version):
            with contextlib.suppress(FileExistsError):
                move_no_replace(temp, candidate)
                return candidate
        raise FileExistsError(f"no free backup name beside {path.name}")
