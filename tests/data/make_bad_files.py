"""Build the hostile and broken files that every reading command and the GUI must survive.

    python tests/data/make_bad_files.py [OUT_DIR]        (default: tests/data/bad)

Each class gets its own folder OUT_DIR/<class>/ holding one input file (so that `review DIR` sees exactly it),
and OUT_DIR/manifest.json says what each must give:

- "refused": a one-line `error: FILE: reason` from every command and a one-line warning in the GUI;
- "loads": a valid file (odd, but valid) that every command reads and the GUI opens for editing;
- "read-only": readable, but the GUI must open it read-only and say so (a lock held by another window,
  a write-protected file or folder); `condition` names what the test sets up around the file;
- "full disk": readable; writing beside it fails with a one-line error, and an edit in the GUI is kept in
  memory with an error banner.

Some classes put files beside the input (a lock, a journal, a write-ahead log, a file they point at): every
reader must leave the class's folder exactly as it found it, and `side` names the file that a refusal or the
read-only banner must name.

The tests (tests/faults/test_hostile_files.py) generate into a temporary folder; nothing here is committed but
this script. Contents are deterministic (fixed seeds), so a failure can be reproduced by running it.
"""

from __future__ import annotations

import io
import json
import os
import random
import sqlite3
import struct
import sys
import zipfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal

from matrices.examples import load_example
from matrices.problem import Cause, Effect
from matrices.proposal import Proposal
from matrices.review import Comment
from storage.document import Document
from storage.interchange import dump_json
from storage.schema import SCHEMA_SQL
from storage.sidefiles import JOURNAL_MAGIC

Expect = Literal["refused", "loads", "read-only", "full disk"]
Condition = Literal["locked", "read-only file", "read-only folder", "full disk"]
CONTROL_CHARACTERS = "".join(chr(code) for code in range(0x20) if chr(code) not in "\t\n\r") + "\x7f\ufffe\uffff"
"""Every C0 control XML forbids, DEL, and the two non-characters: pasted from Word, a PDF or a terminal."""
HUGE_TEXT_BYTES = 10 * 1024 * 1024
SEED = 6


@dataclass(frozen=True)
class BadFile:
    """One class of bad input: where its file is and what every reader must make of it."""

    name: str
    path: Path
    expect: Expect
    condition: Condition | None = None
    note: str = ""
    side: str | None = None
    """A file beside the input that the refusal (or the read-only banner) must name."""


# ---- helpers -------------------------------------------------------------------------------------------------


def _example() -> Proposal:
    return load_example("es")


def _good_pmx(path: Path, proposal: Proposal | None = None, comments: list[Comment] | None = None) -> Path:
    Document.create(path, proposal or _example(), comments or []).close()
    return path


def _sql(path: Path, *statements: str, params: tuple[object, ...] = ()) -> None:
    """Change a file with plain sqlite3, as another program (or an attacker) would."""
    db = sqlite3.connect(path, isolation_level=None)
    try:
        for statement in statements:
            db.execute(statement, params if "?" in statement else ())
    finally:
        db.close()


def _truncated(size: int | None) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        data = _good_pmx(path).read_bytes()
        path.write_bytes(data[: len(data) // 2 if size is None else size])

    return make


def _every_text_with_controls(proposal: Proposal) -> Proposal:
    """Return proposal with control characters in every free-text field (walked from the model)."""
    data = proposal.model_dump(mode="json")
    text_paths = _text_paths(proposal)

    def visit(value: object, path: tuple[str, ...]) -> object:
        if isinstance(value, dict):
            return {key: visit(item, (*path, key)) for key, item in value.items()}
        if isinstance(value, list):
            return [visit(item, (*path, "*")) for item in value]
        if isinstance(value, str) and ".".join(path) in text_paths:
            return f"{CONTROL_CHARACTERS[:16]}{value}{CONTROL_CHARACTERS[16:]}\x0bfin"
        return value

    return Proposal.model_validate(visit(data, ()))


def _text_paths(proposal: Proposal) -> set[str]:
    """Return the generic paths (list positions as *) of the proposal's free-text fields."""
    from tests.faults.model_strategies import texts

    paths = set()
    for path, _value in texts(_filled(proposal)):
        paths.add(".".join("*" if part.isdigit() else part for part in path.split(".")))
    return paths


def _filled(proposal: Proposal) -> Proposal:
    """Return a copy with every free-text field set, so that _text_paths sees even the empty optional ones."""
    from tests.faults.model_strategies import mark_every_text

    copy = proposal.model_copy(deep=True)
    mark_every_text(copy, lambda: "x")
    return copy


def _controls_everywhere() -> tuple[Proposal, list[Comment]]:
    example = _example()
    filled = example.model_copy(deep=True)
    from tests.faults.model_strategies import mark_every_text

    # Optional texts left empty in the example get a value too: every free-text field carries the characters.
    counter = iter(range(1, 10_000))
    mark_every_text(filled, lambda: f"texto {next(counter)}")
    proposal = _every_text_with_controls(filled)
    cause = proposal.problem_matrix.causes[0].id
    comment = Comment(
        id="K1",
        matrix="problem",
        item_id=cause,
        field="description",
        author=f"Revisora{CONTROL_CHARACTERS}",
        text=f"¿Fuente?{CONTROL_CHARACTERS}\x0bsegunda línea",
    )
    return proposal, [comment]


def _dangling() -> Proposal:
    proposal = _example()
    proposal.problem_matrix.causes.append(
        Cause(id="C9", level="indirect", parent_id="NO-SUCH-CAUSE", description="Causa colgada de una causa borrada")
    )
    proposal.instrument_matrix.instruments[0].axis_id = "NO-SUCH-AXIS"
    proposal.actor_matrix.actors[0].axis_ids = ["NO-SUCH-AXIS"]
    proposal.strategy_matrix.axes[0].lead_actor_id = "NO-SUCH-ACTOR"
    return proposal


DEEP_CHAIN = 5000
"""Levels of the deepest cause and effect chains: far past Python's recursion limit (1,000)."""


def _deep_chains() -> Proposal:
    """The example with a chain of DEEP_CHAIN indirect causes below its first cause, and the same for effects."""
    proposal = _example()
    matrix = proposal.problem_matrix
    above = matrix.causes[0].id
    matrix.causes += [
        Cause(id=f"K{n}", level="indirect", parent_id=f"K{n - 1}" if n else above, description=f"Nivel {n + 1}")
        for n in range(DEEP_CHAIN)
    ]
    above = matrix.effects[0].id
    matrix.effects += [
        Effect(id=f"F{n}", level="indirect", parent_id=f"F{n - 1}" if n else above, description=f"Nivel {n + 1}")
        for n in range(DEEP_CHAIN)
    ]
    return proposal


def _parent_cycles() -> Proposal:
    """The example with causes and effects that hang from each other in a ring with no root, and a long ring."""
    proposal = _example()
    matrix = proposal.problem_matrix
    matrix.causes += [Cause(id=f"R{n}", parent_id=f"R{(n + 1) % 3}", description=f"Anillo {n}") for n in range(3)]
    matrix.causes += [
        Cause(id=f"L{n}", level="indirect", parent_id=f"L{(n + 1) % 1500}", description=f"Ciclo {n}")
        for n in range(1500)
    ]
    matrix.effects += [Effect(id="Y1", parent_id="Y1", description="Depende de sí mismo")]
    matrix.effects += [Effect(id=f"Y{n}", parent_id=f"Y{n + 1 if n < 1200 else 2}") for n in range(2, 1201)]
    return proposal


def _forged_summary() -> str:
    from matrices.summary import SUMMARY_VERSION

    wrong = {"title": ["\x00" * 10], "completeness": {"general": "todo"}, "findings": "x" * 5000, "authors": 7}
    return json.dumps({"version": SUMMARY_VERSION, "summary": wrong})


def _docx_bytes() -> bytes:
    import docx

    buffer = io.BytesIO()
    document = docx.Document()
    document.add_heading("Propuesta de política migratoria", 0)
    document.add_paragraph("Adjunto mi propuesta en Word, renombrada .pmx por error.")
    document.save(buffer)
    return buffer.getvalue()


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("propuesta.pmx", b"SQLite format 3\x00" + bytes(84))
        archive.writestr("leeme.txt", "Los archivos de la propuesta, comprimidos.")
    return buffer.getvalue()


def _wrong_types_json() -> str:
    data = json.loads(dump_json(_example()))
    proposal = data["proposal"]
    proposal["title"] = 42
    proposal["authors"] = "Ana Pérez"
    proposal["horizon"] = {"start_year": "dos mil veinticinco", "end_year": None}
    proposal["problem_matrix"]["causes"] = {"C1": "no es una lista"}
    proposal["actor_matrix"]["actors"][0]["interest"] = [5]
    return json.dumps(data, ensure_ascii=False)


# ---- files beside a document ---------------------------------------------------------------------------------

VICTIM = "trabajo-de-otra-persona.txt"
"""A file that a side file points at: it must keep its content whatever is opened."""


def _victim(folder: Path) -> Path:
    victim = folder / VICTIM
    victim.write_text("Trabajo de otra persona: ningún comando debe cambiarlo ni borrarlo.\n", encoding="utf-8")
    return victim


def side_path(path: Path, suffix: str) -> Path:
    """Return the file beside path that SQLite or Policy Matrix names with suffix (".lock", "-journal", "-wal")."""
    return path.with_name(path.name + suffix)


def hot_journal(
    document: Path,
    *,
    super_journal: str | None = None,
    page_size: int | None = None,
    original_pages: int | None = None,
) -> bytes:
    """Return a hot SQLite rollback journal for document: a header (no page records), and a super-journal record.

    The format of SQLite's pager: the header (magic, records, checksum seed, pages before the transaction, sector
    size, page size) fills one sector; a super-journal record ends the file (page number, name, length, checksum
    of the name, magic).
    """
    header = document.read_bytes()[:100]
    size = page_size or (int.from_bytes(header[16:18], "big") or 65536)
    pages = document.stat().st_size // size if original_pages is None else original_pages
    sector = 512
    data = (JOURNAL_MAGIC + struct.pack(">IIIII", 0, 0x5EED, pages, sector, size)).ljust(sector, b"\x00")
    if super_journal is not None:
        name = super_journal.encode("utf-8")
        data += struct.pack(">I", 0x40000000 // size + 1) + name + struct.pack(">II", len(name), sum(name))
        data += JOURNAL_MAGIC
    return data


def _with_lock(make: Callable[[Path, Path], object]) -> Callable[[Path], None]:
    """A good document whose lock file make(lock, victim) sets up."""

    def build(path: Path) -> None:
        _good_pmx(path)
        make(side_path(path, ".lock"), _victim(path.parent))

    return build


def _with_journal(make: Callable[[Path, Path], object]) -> Callable[[Path], None]:
    """A good document whose journal make(journal, victim) sets up."""

    def build(path: Path) -> None:
        _good_pmx(path)
        make(side_path(path, "-journal"), _victim(path.parent))

    return build


def _super_journal(journal: Path, victim: Path) -> None:
    # SQLite deletes the super-journal a hot journal names once it has rolled the journal back.
    document = journal.with_name(journal.name.removesuffix("-journal"))
    journal.write_bytes(hot_journal(document, super_journal=str(victim.resolve())))


def _stray_wal(path: Path) -> None:
    """A good document, and beside it the write-ahead log of a copy of it whose title was changed."""
    _good_pmx(path)
    other = path.with_name("otra.pmx")
    other.write_bytes(path.read_bytes())
    db = sqlite3.connect(other, isolation_level=None)
    try:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA wal_autocheckpoint=0")
        db.execute("UPDATE proposal SET title = 'Título cambiado por un archivo -wal ajeno'")
        side_path(path, "-wal").write_bytes(side_path(other, "-wal").read_bytes())
    finally:
        db.close()
    for leftover in (other, side_path(other, "-wal"), side_path(other, "-shm")):
        leftover.unlink(missing_ok=True)


def _linked_document(path: Path) -> None:
    _good_pmx(path)
    os.link(path, path.with_name("otro-nombre.pmx"))


def _link_to_a_document_with_a_super_journal(path: Path) -> None:
    real = path.parent / "real" / path.name
    real.parent.mkdir()
    _good_pmx(real)
    _super_journal(side_path(real, "-journal"), _victim(path.parent))
    path.symlink_to(Path("real") / path.name)


def _rebuilt(table: str, change: Callable[[str], str]) -> Callable[[Path], None]:
    """A good document whose table was rebuilt by another program from our CREATE text, changed by change."""

    def make(path: Path) -> None:
        _good_pmx(path)
        create = next(sql for sql in SCHEMA_SQL if sql.startswith(f"CREATE TABLE {table} ("))
        indexes = [sql for sql in SCHEMA_SQL if sql.startswith("CREATE INDEX") and f" ON {table} (" in sql]
        db = sqlite3.connect(path, isolation_level=None)
        try:
            db.execute("PRAGMA foreign_keys=OFF")
            db.execute("BEGIN")
            db.execute(change(create.replace(f"CREATE TABLE {table} (", f"CREATE TABLE {table}_new (", 1)))
            db.execute(f"INSERT INTO {table}_new SELECT * FROM {table}")
            db.execute(f"DROP TABLE {table}")
            db.execute(f"ALTER TABLE {table}_new RENAME TO {table}")
            for sql in indexes:
                db.execute(sql)
            db.execute("COMMIT")
        finally:
            db.close()

    return make


def _unique_index(path: Path) -> None:
    # The index keeps its entries: only its definition says UNIQUE, so the next line of action added to an axis
    # that has one would fail to save.
    name = "ix_lines_of_action_axis_pk"
    _sql(
        _good_pmx(path),
        "PRAGMA writable_schema=ON",
        f"UPDATE sqlite_master SET sql = 'CREATE UNIQUE INDEX {name} ON lines_of_action (axis_pk)' WHERE name = ?",
        params=(name,),
    )


# ---- the classes ---------------------------------------------------------------------------------------------


def _maker(path: Path, name: str) -> tuple[Callable[[Path], object], Expect, Condition | None, str]:
    rng = random.Random(f"{SEED}:{name}")
    makers: dict[str, tuple[Callable[[Path], object], Expect, Condition | None, str]] = {
        "empty": (lambda p: p.write_bytes(b""), "refused", None, "a zero-byte file"),
        "random-bytes": (lambda p: p.write_bytes(rng.randbytes(64 * 1024)), "refused", None, "64 KB of noise"),
        "text-renamed": (
            lambda p: p.write_text("Estimados facilitadores: adjunto mi propuesta.\n", encoding="utf-8"),
            "refused",
            None,
            "an e-mail body saved as .pmx",
        ),
        "truncated-header": (_truncated(60), "refused", None, "cut inside the 100-byte SQLite header"),
        "truncated-first-page": (_truncated(1000), "refused", None, "cut inside the first page"),
        "truncated-page-boundary": (_truncated(3 * 4096), "refused", None, "cut after three whole pages"),
        "truncated-half": (_truncated(None), "refused", None, "cut in the middle"),
        "truncated-last-byte": (
            lambda p: p.write_bytes(_good_pmx(p).read_bytes()[:-1]),
            "refused",
            None,
            "missing its very last byte",
        ),
        "garbled-pages": (_garbled(rng), "refused", None, "two pages overwritten with noise"),
        "foreign-sqlite": (
            lambda p: _sql(p, "CREATE TABLE notes (x TEXT)", "INSERT INTO notes VALUES ('hola')"),
            "refused",
            None,
            "an SQLite database of another program",
        ),
        "wrong-application-id": (
            lambda p: _sql(_good_pmx(p), "PRAGMA application_id = 1234"),
            "refused",
            None,
            "our tables, another program's application_id",
        ),
        "newer-version": (
            lambda p: _sql(_good_pmx(p), "PRAGMA user_version = 99"),
            "refused",
            None,
            "written by a future version",
        ),
        "trigger-planted": (
            lambda p: _sql(
                _good_pmx(p),
                "CREATE TRIGGER wipe AFTER UPDATE ON proposal BEGIN DELETE FROM actors; DELETE FROM causes; END",
            ),
            "refused",
            None,
            "a trigger that would wipe actors and causes on the next save",
        ),
        "view-planted": (
            lambda p: _sql(_good_pmx(p), "CREATE VIEW leak AS SELECT title, authors FROM proposal"),
            "refused",
            None,
            "a view the application never creates",
        ),
        "summary-planted": (
            lambda p: _sql(
                _good_pmx(p),
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('summary', ?)",
                params=(_forged_summary(),),
            ),
            "loads",
            None,
            "a forged summary row (wrong types, NUL) beside valid content: review must not trust it",
        ),
        "docx-renamed": (lambda p: p.write_bytes(_docx_bytes()), "refused", None, "a Word file renamed .pmx"),
        "zip-renamed": (lambda p: p.write_bytes(_zip_bytes()), "refused", None, "a ZIP archive renamed .pmx"),
        "invalid-json": (
            lambda p: p.write_text(dump_json(_example())[:5000], encoding="utf-8"),
            "refused",
            None,
            "interchange JSON cut short",
        ),
        "json-wrong-types": (
            lambda p: p.write_text(_wrong_types_json(), encoding="utf-8"),
            "refused",
            None,
            "valid JSON, wrong types",
        ),
        "json-not-ours": (
            lambda p: p.write_text('{"format": "otra-app", "data": [1, 2, 3]}', encoding="utf-8"),
            "refused",
            None,
            "JSON of another program",
        ),
        "dangling-ids-pmx": (
            lambda p: _good_pmx(p, _dangling()),
            "loads",
            None,
            "links to items that do not exist: valid, and check reports G02",
        ),
        "dangling-ids-json": (
            lambda p: p.write_text(dump_json(_dangling()), encoding="utf-8"),
            "loads",
            None,
            "the same as interchange JSON",
        ),
        "huge-text-pmx": (
            lambda p: _sql(_good_pmx(p), "UPDATE proposal SET title = ?", params=("Ñ" * (HUGE_TEXT_BYTES // 2),)),
            "refused",
            None,
            "a 10 MB title written behind the application's back (the model allows 200 000 characters)",
        ),
        "huge-text-json": (
            lambda p: p.write_text(
                dump_json(_example()).replace('"title": "', '"title": "' + "a" * HUGE_TEXT_BYTES, 1), encoding="utf-8"
            ),
            "refused",
            None,
            "a 10 MB title in interchange JSON",
        ),
        "control-characters-pmx": (
            lambda p: _good_pmx(p, *_controls_everywhere()),
            "loads",
            None,
            "every C0 control, DEL, U+FFFE and U+FFFF in every text field and a comment: the export cleans them",
        ),
        "control-characters-json": (
            lambda p: p.write_text(dump_json(*_controls_everywhere()), encoding="utf-8"),
            "loads",
            None,
            "the same as interchange JSON",
        ),
        "deep-chain-pmx": (
            lambda p: _good_pmx(p, _deep_chains()),
            "loads",
            None,
            f"a cause chain and an effect chain {DEEP_CHAIN} levels deep: no traversal may recurse",
        ),
        "deep-chain-json": (
            lambda p: p.write_text(dump_json(_deep_chains()), encoding="utf-8"),
            "loads",
            None,
            "the same as interchange JSON",
        ),
        "parent-cycle-pmx": (
            lambda p: _good_pmx(p, _parent_cycles()),
            "loads",
            None,
            "causes and effects in parent cycles with no root (3, 1,200 and 1,500 long, and one of its own parent)",
        ),
        "parent-cycle-json": (
            lambda p: p.write_text(dump_json(_parent_cycles()), encoding="utf-8"),
            "loads",
            None,
            "the same as interchange JSON",
        ),
        "locked-by-another-window": (
            _good_pmx,
            "read-only",
            "locked",
            "a valid file that another Policy Matrix window holds open",
        ),
        "read-only-file": (_good_pmx, "read-only", "read-only file", "a valid, write-protected file"),
        "read-only-folder": (_good_pmx, "read-only", "read-only folder", "a valid file in a write-protected folder"),
        "full-disk": (_good_pmx, "full disk", "full disk", "a valid file on a disk with no space left"),
        "lock-symlink": (
            _with_lock(lambda lock, victim: lock.symlink_to(victim.name)),
            "read-only",
            None,
            "its lock file is a link to another file, which writing the lock would overwrite",
        ),
        "lock-dangling-symlink": (
            _with_lock(lambda lock, _victim: lock.symlink_to("creado-por-el-bloqueo.txt")),
            "read-only",
            None,
            "its lock file is a link to a file that does not exist, which taking the lock would create",
        ),
        "lock-hard-link": (
            _with_lock(lambda lock, victim: os.link(victim, lock)),
            "read-only",
            None,
            "its lock file is another name of someone's file",
        ),
        "lock-folder": (_with_lock(lambda lock, _victim: lock.mkdir()), "read-only", None, "its lock file is a folder"),
        "lock-fifo": (_with_lock(lambda lock, _victim: os.mkfifo(lock)), "read-only", None, "its lock file is a pipe"),
        "lock-foreign": (
            _with_lock(lambda lock, _victim: lock.write_bytes(b"no es un bloqueo\n" * 200_000)),
            "read-only",
            None,
            "its lock file is a 3 MB file of another program",
        ),
        "journal-super-journal": (
            _with_journal(_super_journal),
            "refused",
            None,
            "a hot journal naming a file elsewhere as its super-journal, which SQLite would delete",
        ),
        "journal-truncating": (
            _with_journal(
                lambda journal, _victim: journal.write_bytes(hot_journal(_document_of(journal), original_pages=2))
            ),
            "refused",
            None,
            "a hot journal whose rollback would cut the document to two pages",
        ),
        "journal-page-size": (
            _with_journal(
                lambda journal, _victim: journal.write_bytes(hot_journal(_document_of(journal), page_size=1024))
            ),
            "refused",
            None,
            "a hot journal of a database with another page size",
        ),
        "journal-not-sqlite": (
            _with_journal(lambda journal, _victim: journal.write_bytes(b"\xffno es un diario de SQLite" * 100)),
            "refused",
            None,
            "a file named as the journal that is not an SQLite journal",
        ),
        "journal-symlink": (
            _with_journal(lambda journal, victim: journal.symlink_to(victim.name)),
            "refused",
            None,
            "its journal is a link to another file",
        ),
        "journal-hard-link": (
            _with_journal(lambda journal, victim: os.link(victim, journal)),
            "refused",
            None,
            "its journal is another name of someone's file",
        ),
        "journal-folder": (
            _with_journal(lambda journal, _victim: journal.mkdir()),
            "refused",
            None,
            "its journal is a folder",
        ),
        "journal-fifo": (
            _with_journal(lambda journal, _victim: os.mkfifo(journal)),
            "refused",
            None,
            "its journal is a pipe, on which reading would block",
        ),
        "wal-stray": (_stray_wal, "refused", None, "a write-ahead log of another copy beside a rollback-mode file"),
        "shm-stray": (
            _with_journal(lambda journal, victim: side_path(_document_of(journal), "-shm").symlink_to(victim.name)),
            "loads",
            None,
            "a -shm link beside a rollback-mode file with no -wal: SQLite never opens it",
        ),
        "document-hard-link": (
            _linked_document,
            "read-only",
            None,
            "the document has a second name in the folder: editing under one name could lose saves under the other",
        ),
        "document-symlink": (
            _link_to_a_document_with_a_super_journal,
            "refused",
            None,
            "a link to a document whose journal, beside the real file, names a super-journal",
        ),
        "schema-unique-index": (_unique_index, "refused", None, "our index's name on a UNIQUE index: every save fails"),
        "schema-without-rowid": (
            _rebuilt("snapshots", lambda sql: sql + " WITHOUT ROWID"),
            "refused",
            None,
            "a table rebuilt WITHOUT ROWID: its key no longer numbers itself, so adding a snapshot fails",
        ),
        "schema-on-conflict": (
            _rebuilt("causes", lambda sql: sql.replace("PRIMARY KEY (pk)", "PRIMARY KEY (pk) ON CONFLICT REPLACE")),
            "refused",
            None,
            "a primary key that silently replaces a row on conflict",
        ),
        "schema-deferrable": (
            _rebuilt(
                "lines_of_action",
                lambda sql: sql.replace("ON DELETE CASCADE", "ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED"),
            ),
            "refused",
            None,
            "a foreign key checked only at commit",
        ),
        "schema-strict": (
            _rebuilt("comments", lambda sql: sql + " STRICT"),
            "refused",
            None,
            "a STRICT table: its type rules are not ours",
        ),
    }
    return makers[name]


def _document_of(side: Path) -> Path:
    return side.with_name(side.name.removesuffix("-journal").removesuffix("-wal").removesuffix(".lock"))


SIDES: dict[str, str] = {
    "lock-": ".lock",
    "journal-": "-journal",
    "wal-": "-wal",
    "document-symlink": "-journal",
}
"""The side file a class's refusal (or read-only banner) names, by the prefix of its name."""


def _side(name: str, path: Path) -> str | None:
    suffix = next((suffix for prefix, suffix in SIDES.items() if name.startswith(prefix)), None)
    return None if suffix is None else path.name + suffix


def _garbled(rng: random.Random) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        data = bytearray(_good_pmx(path).read_bytes())
        page = 4096
        data[2 * page : 4 * page] = rng.randbytes(2 * page)
        path.write_bytes(bytes(data))

    return make


CLASSES: dict[str, str] = {
    "empty": ".pmx",
    "random-bytes": ".pmx",
    "text-renamed": ".pmx",
    "truncated-header": ".pmx",
    "truncated-first-page": ".pmx",
    "truncated-page-boundary": ".pmx",
    "truncated-half": ".pmx",
    "truncated-last-byte": ".pmx",
    "garbled-pages": ".pmx",
    "foreign-sqlite": ".pmx",
    "wrong-application-id": ".pmx",
    "newer-version": ".pmx",
    "trigger-planted": ".pmx",
    "view-planted": ".pmx",
    "summary-planted": ".pmx",
    "docx-renamed": ".pmx",
    "zip-renamed": ".pmx",
    "invalid-json": ".json",
    "json-wrong-types": ".json",
    "json-not-ours": ".json",
    "dangling-ids-pmx": ".pmx",
    "dangling-ids-json": ".json",
    "huge-text-pmx": ".pmx",
    "huge-text-json": ".json",
    "control-characters-pmx": ".pmx",
    "control-characters-json": ".json",
    "deep-chain-pmx": ".pmx",
    "deep-chain-json": ".json",
    "parent-cycle-pmx": ".pmx",
    "parent-cycle-json": ".json",
    "locked-by-another-window": ".pmx",
    "read-only-file": ".pmx",
    "read-only-folder": ".pmx",
    "full-disk": ".pmx",
    "lock-symlink": ".pmx",
    "lock-dangling-symlink": ".pmx",
    "lock-hard-link": ".pmx",
    "lock-folder": ".pmx",
    "lock-fifo": ".pmx",
    "lock-foreign": ".pmx",
    "journal-super-journal": ".pmx",
    "journal-truncating": ".pmx",
    "journal-page-size": ".pmx",
    "journal-not-sqlite": ".pmx",
    "journal-symlink": ".pmx",
    "journal-hard-link": ".pmx",
    "journal-folder": ".pmx",
    "journal-fifo": ".pmx",
    "wal-stray": ".pmx",
    "shm-stray": ".pmx",
    "document-hard-link": ".pmx",
    "document-symlink": ".pmx",
    "schema-unique-index": ".pmx",
    "schema-without-rowid": ".pmx",
    "schema-on-conflict": ".pmx",
    "schema-deferrable": ".pmx",
    "schema-strict": ".pmx",
}
"""Every class and the suffix of its file."""


def build_one(out: Path, name: str) -> BadFile:
    """Write one class's file into out/<name>/ and return its description."""
    folder = out / name
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"propuesta{CLASSES[name]}"
    path.unlink(missing_ok=True)
    make, expect, condition, note = _maker(path, name)
    make(path)
    return BadFile(name, path, expect, condition, note, _side(name, path))


def build(out: Path, names: list[str] | None = None) -> list[BadFile]:
    """Write every class (or the named ones) into out and a manifest.json describing them."""
    out.mkdir(parents=True, exist_ok=True)
    files = [build_one(out, name) for name in names or CLASSES]
    manifest = [{**asdict(bad), "path": str(bad.path.relative_to(out))} for bad in files]
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return files


def main() -> None:
    """Build the classes into the folder named on the command line (default tests/data/bad)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # tests.faults, when run as a script
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent / "bad"
    for bad in build(out):
        print(f"{bad.expect:<10} {bad.name:<26} {bad.path.stat().st_size:>10} B  {bad.note}")


if __name__ == "__main__":
    main()
