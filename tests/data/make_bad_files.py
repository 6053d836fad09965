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

The tests (tests/faults/test_hostile_files.py) generate into a temporary folder; nothing here is committed but
this script. Contents are deterministic (fixed seeds), so a failure can be reproduced by running it.
"""

from __future__ import annotations

import io
import json
import random
import sqlite3
import sys
import zipfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal

from matrices.examples import load_example
from matrices.problem import Cause
from matrices.proposal import Proposal
from matrices.review import Comment
from storage.document import Document
from storage.interchange import dump_json

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
        "locked-by-another-window": (
            _good_pmx,
            "read-only",
            "locked",
            "a valid file that another Policy Matrix window holds open",
        ),
        "read-only-file": (_good_pmx, "read-only", "read-only file", "a valid, write-protected file"),
        "read-only-folder": (_good_pmx, "read-only", "read-only folder", "a valid file in a write-protected folder"),
        "full-disk": (_good_pmx, "full disk", "full disk", "a valid file on a disk with no space left"),
    }
    return makers[name]


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
    "locked-by-another-window": ".pmx",
    "read-only-file": ".pmx",
    "read-only-folder": ".pmx",
    "full-disk": ".pmx",
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
    return BadFile(name, path, expect, condition, note)


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
