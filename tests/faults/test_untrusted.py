"""Untrusted files: a crafted schema never runs any of its statements, and the suite runs without a network.

The crafted files call `pm_spy()`, a Python function registered on every SQLite connection the application
opens (sqlite3.connect is wrapped for the test): if any trigger, view or index expression of the file ran, the
spy would record it. Each test first proves the trap is live (plain sqlite3, as another program would open the
file, does call the spy), then that the application refuses the file without the spy ever being called.
"""

from __future__ import annotations

import socket
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

import main
from matrices.examples import load_example
from storage.connection import file_engine
from storage.document import Document
from storage.errors import DocumentError, UnexpectedSchemaError
from tests.faults.netguard import NetworkBlockedError, is_local
from tests.storage.helpers import fingerprint

SPY = "pm_spy"

Trap = Callable[[sqlite3.Connection], None]
"""Plants a statement that calls the spy into a document (run on the attacker's own connection)."""

TRAPS: dict[str, tuple[Trap, str]] = {
    "trigger on save": (
        lambda db: db.execute(f"CREATE TRIGGER t AFTER UPDATE ON proposal BEGIN SELECT {SPY}('trigger'); END"),
        "UPDATE proposal SET title = title || '!'",
    ),
    "trigger that deletes": (
        lambda db: db.execute(
            f"CREATE TRIGGER wipe BEFORE UPDATE ON causes BEGIN SELECT {SPY}('wipe'); DELETE FROM actors; END"
        ),
        "UPDATE causes SET description = description",
    ),
    "view": (lambda db: db.execute(f"CREATE VIEW v AS SELECT {SPY}('view') AS x"), "SELECT * FROM v"),
    "view standing in for a table": (
        lambda db: (
            db.execute("ALTER TABLE meta RENAME TO meta_old"),
            db.execute(f"CREATE VIEW meta AS SELECT key, {SPY}(value) AS value FROM meta_old"),
        ),
        "SELECT * FROM meta",
    ),
    "view over a table-valued function": (
        lambda db: db.execute(f"CREATE VIEW tv AS SELECT {SPY}(name) FROM pragma_table_list"),
        "SELECT * FROM tv",
    ),
    "expression index": (
        lambda db: db.execute(f"CREATE INDEX spy_index ON causes ({SPY}(description))"),
        "UPDATE causes SET description = description || '!'",
    ),
    "partial index": (
        lambda db: db.execute(f"CREATE INDEX spy_partial ON actors (name) WHERE {SPY}(name) IS NOT NULL"),
        "UPDATE actors SET name = name || '!'",
    ),
    "check constraint through a rebuilt table": (
        lambda db: (
            db.execute("CREATE TABLE meta_new (key TEXT PRIMARY KEY, value TEXT CHECK (" + SPY + "(value) IS NULL))"),
            db.execute("DROP TABLE meta"),
            db.execute("ALTER TABLE meta_new RENAME TO meta"),
        ),
        "INSERT OR REPLACE INTO meta VALUES ('x', 'y')",
    ),
}


@pytest.fixture
def spy(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Register pm_spy() on every SQLite connection opened while the test runs; yield its calls."""
    calls: list[str] = []
    real_connect = sqlite3.connect

    def connect(*args: object, **kwargs: object) -> sqlite3.Connection:
        connection = real_connect(*args, **kwargs)  # type: ignore[arg-type]
        connection.create_function(SPY, 1, lambda value: calls.append(str(value)), deterministic=True)
        return connection

    monkeypatch.setattr(sqlite3, "connect", connect)
    return calls


def plant(path: Path, trap: Trap) -> None:
    """Write the example, then plant the trap with plain sqlite3 (the function exists while planting)."""
    Document.create(path, load_example("es")).close()
    db = sqlite3.connect(path, isolation_level=None)
    try:
        db.create_function(SPY, 1, lambda _value: None, deterministic=True)
        trap(db)
    finally:
        db.close()


def assert_trap_is_live(path: Path, trigger: str, tmp_path: Path) -> None:
    """On a copy, opened as another program would (no trusted_schema=OFF), the trap does call the function."""
    copy = tmp_path / "live" / "copy.pmx"
    copy.parent.mkdir()
    copy.write_bytes(path.read_bytes())
    calls: list[str] = []
    db = sqlite3.connect(copy, isolation_level=None)
    try:
        db.create_function(SPY, 1, lambda value: calls.append(str(value)), deterministic=True)
        db.execute(trigger).fetchall()
    finally:
        db.close()
    assert calls, "the planted statement did not run even in plain sqlite3: the test would prove nothing"


@pytest.mark.parametrize("name", list(TRAPS))
def test_a_crafted_schema_is_refused_before_any_of_its_statements_runs(
    name: str, spy: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str], qapp
) -> None:  # type: ignore[no-untyped-def]
    trap, trigger = TRAPS[name]
    path = tmp_path / "inbox" / "propuesta.pmx"
    path.parent.mkdir()
    plant(path, trap)
    assert_trap_is_live(path, trigger, tmp_path)
    before = fingerprint(path)

    for read_only in (True, False):
        # Every trap is named ("holds a trigger ('t')", "an index ('evil') with an expression"), never "damaged".
        with pytest.raises(DocumentError) as caught:
            Document.open(path, read_only=read_only)
        assert isinstance(caught.value, UnexpectedSchemaError), caught.value
    for argv in (
        ["check", str(path)],
        ["convert", str(path), str(tmp_path / "out.json")],
        ["export", str(path), "--out-dir", str(tmp_path / "out")],
        ["review", str(path.parent)],
    ):
        status = main.run(argv)
        err = capsys.readouterr().err
        assert status != main.EXIT_OK, argv
        assert err.startswith(f"error: {path}: "), err

    assert spy == [], f"the file's own statements ran: {spy}"
    assert fingerprint(path) == before


@pytest.mark.parametrize("name", ["trigger on save", "view", "expression index"])
def test_trusted_schema_off_stops_the_functions_even_past_the_checks(name: str, spy: list[str], tmp_path: Path) -> None:
    """Defence in depth: on the application's own connection (trusted_schema=OFF) the planted statement fails."""
    trap, trigger = TRAPS[name]
    path = tmp_path / "propuesta.pmx"
    plant(path, trap)
    engine = file_engine(path, "rw")
    try:
        with pytest.raises(Exception, match=r"unsafe use of pm_spy"), engine.connect() as connection:
            connection.exec_driver_sql(trigger).fetchall()
    finally:
        engine.dispose()
    assert spy == []


def test_the_refusal_is_a_document_error_naming_the_object(spy: list[str], tmp_path: Path) -> None:
    path = tmp_path / "propuesta.pmx"
    plant(path, TRAPS["trigger that deletes"][0])
    with pytest.raises(DocumentError) as caught:
        Document.open(path)
    assert "trigger ('wipe')" in str(caught.value)
    assert spy == []


# ---- the network block (tests/conftest.py) -------------------------------------------------------------------


def test_the_network_is_blocked_in_the_tests() -> None:
    with pytest.raises(NetworkBlockedError):
        socket.create_connection(("192.0.2.1", 80), timeout=1)  # TEST-NET-1: never routable anyway
    with pytest.raises(NetworkBlockedError):
        socket.getaddrinfo("example.org", 443)
    with pytest.raises(NetworkBlockedError), socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as sock:
        sock.connect(("2001:db8::1", 443))


def test_loopback_stays_allowed() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        with socket.create_connection(server.getsockname(), timeout=2):
            accepted, _ = server.accept()
            accepted.close()
    assert is_local("localhost")
    assert is_local("::1")
    assert not is_local("10.0.0.1")
