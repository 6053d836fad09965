"""A facilitator's comments come home from LibreOffice and from a python-docx (Word-like) writer, all landing
where they were written: code cells, table headers, headings, each field of a row and of a composite cell, a
range over two paragraphs, a point, a reply, a resolved comment, a comment without a date, and an answer to
(and the resolution of) a comment the export wrote.

The LibreOffice test drives LibreOffice itself through python3-uno (tests/export/lo_annotate.py, run by the
system's Python). On a developer machine without it the test is skipped; when CI is set it fails instead,
because CI installs it (.ci/run).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import docx
import pytest

from export.word_comments import WordComments, read_word_comments
from matrices.catalogs import Catalogs
from matrices.fieldmodel import FieldModel
from matrices.proposal import Proposal
from matrices.review import Comment
from tests.export import docx_annotate
from tests.export.docx_helpers import export

SYSTEM_PYTHON = "/usr/bin/python3"
LO_HELPER = Path(__file__).with_name("lo_annotate.py")
AUTHOR = "Eva Revisora"
DATE = "2026-03-02T10:15:00"
IMPORTED_AT = datetime(2026, 3, 9, 8, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Case:
    """A comment written on the export and where it must land: (matrix, item, field), its parent's name."""

    spec: dict[str, Any]
    lands: tuple[str | None, str | None, str | None]
    reply_to: str | None = None
    resolved: bool = False
    dated: bool = True


def _proposal(example_es: Proposal) -> Proposal:
    proposal = example_es.model_copy(deep=True)
    # A text of two paragraphs: a comment over both, and a point in the second, land on its field.
    proposal.problem_matrix.context = "Primer párrafo del contexto.\n\nSegundo párrafo del contexto."
    return proposal


APP_ROOT = Comment(
    id="app-root", matrix="problem", item_id="C1.2", field="description", author="Ana Facilitadora",
    text="Comentario de la app", created_at=datetime(2026, 2, 1, 9, 0, tzinfo=UTC),
)  # fmt: skip
APP_REPLY = Comment(
    id="app-reply", matrix="problem", item_id="C1.2", field="description", parent_id="app-root",
    author="Participante", text="Respuesta de la app", created_at=datetime(2026, 2, 1, 9, 5, tzinfo=UTC),
)  # fmt: skip
APP_RESOLVED = Comment(
    id="app-resolved", matrix="actors", item_id="A01", field="name", author="Ana Facilitadora",
    text="Ya resuelto en la app", status="resolved", created_at=datetime(2026, 2, 1, 9, 10, tzinfo=UTC),
)  # fmt: skip


def _lines(document: docx.document.Document, where: dict[str, Any]) -> list[str]:
    return docx_annotate.cell(document, where).text.split("\n")


def _cases(proposal: Proposal, exported: bytes) -> list[Case]:
    """The comments of the test, each with where it must land."""
    import io

    document = docx.Document(io.BytesIO(exported))
    cause = proposal.problem_matrix.causes[1]
    indicator = proposal.strategy_matrix.axes[0].indicators[0]
    instrument = proposal.instrument_matrix.instruments[0]
    actor = proposal.actor_matrix.actors[1]
    effect = proposal.problem_matrix.effects[0]
    row = {"table": "Código", "row": cause.description}
    indicator_cell = {"table": "Código", "row": indicator.name, "cell": 1}
    name_lines = _lines(document, indicator_cell)
    level_line = next(line for line in name_lines if line.startswith("Nivel:"))
    dimension_line = next(line for line in name_lines if line.startswith("Dimensión"))

    def spec(name: str, where: dict[str, Any], select: Any = "all", **extra: Any) -> dict[str, Any]:
        return {"name": name, "author": AUTHOR, "text": f"Comentario: {name}", "date": DATE,
                "where": where, "select": select, **extra}  # fmt: skip

    problem, strategy = "problem", "strategy"
    return [
        Case(spec("codigo", {**row, "cell": 0}), (problem, cause.id, None)),
        Case(spec("descripcion", {**row, "cell": 1}), (problem, cause.id, "description")),
        Case(spec("nivel", {**row, "cell": 2}), (problem, cause.id, "level")),
        Case(spec("categoria", {**row, "cell": 3}), (problem, cause.id, "category")),
        Case(spec("gobernabilidad", {**row, "cell": 4}), (problem, cause.id, "governability")),
        Case(spec("evidencia-vacia", {**row, "cell": 5}), (problem, cause.id, "evidence_ids")),
        Case(spec("encabezado", {"table": "Código", "row": "Gobernabilidad", "cell": 4}), (problem, None, "causes")),
        Case(spec("titulo-contexto", {"paragraph": "Contexto y antecedentes", "style": "Heading"}),
             (problem, None, None)),
        Case(spec("titulo-resumen", {"paragraph": "Resumen", "style": "Heading"}), (None, None, None)),
        Case(spec("dos-parrafos", {"paragraph": "Primer párrafo del contexto."}, "next-paragraph"),
             (problem, None, "context")),
        Case(spec("punto-segundo-parrafo", {"paragraph": "Segundo párrafo del contexto."}, "point"),
             (problem, None, "context")),
        Case(spec("punto-mandato", {"table": "Actor", "row": actor.name, "cell": 4}, "point"),
             ("actors", actor.id, "mandate")),
        Case(spec("formula", indicator_cell, {"sub": indicator.formula}), (strategy, indicator.id, "formula")),
        Case(spec("nivel-indicador", indicator_cell, {"sub": level_line}), (strategy, indicator.id, "level")),
        Case(spec("dimension", indicator_cell, {"sub": dimension_line}), (strategy, indicator.id, "dimension")),
        Case(spec("descripcion-instrumento", {"table": "Instrumento", "row": instrument.name, "cell": 0},
                  {"sub": instrument.description[:40]}), ("instruments", instrument.id, "description")),
        Case(spec("respuesta", {**row, "cell": 1}, reply_to="descripcion"),
             (problem, cause.id, "description"), reply_to="descripcion"),
        Case(spec("resuelto", {"table": "Código", "row": effect.description, "cell": 1}, resolved=True),
             (problem, effect.id, "description"), resolved=True),
        Case(spec("sin-fecha", {"paragraph": "Nota sobre los datos", "style": "Heading"}, date=None),
             ("general", None, None), dated=False),
        Case({"name": "app", "existing": True, "author": APP_ROOT.author, "text": APP_ROOT.text, "date": None,
              "where": {"table": "Código", "row": "C1.2", "cell": 1}, "resolved": True}, ("", "", "")),
        Case(spec("respuesta-a-la-app", {}, reply_to="app"), (problem, "C1.2", "description"), reply_to="app"),
    ]  # fmt: skip


def _exported(example_es: Proposal, catalogs: Catalogs, field_model: FieldModel) -> tuple[Proposal, bytes]:
    proposal = _proposal(example_es)
    return proposal, export(proposal, catalogs, field_model, [APP_ROOT, APP_REPLY, APP_RESOLVED])


def _check(found: WordComments, cases: list[Case]) -> None:
    """Every case landed where it was written; threads and resolved state came back; nothing else came."""
    by_text = {comment.text: comment for comment in found.comments}
    ids = {case.spec["name"]: by_text[case.spec["text"]].id for case in cases if case.spec["text"] in by_text}
    ids["app"] = APP_ROOT.id
    new_cases = [case for case in cases if not case.spec.get("existing")]
    wrong = []
    for case in new_cases:
        comment = by_text.get(case.spec["text"])
        if comment is None:
            wrong.append(f"{case.spec['name']}: not found as written")
            continue
        landed = (comment.matrix, comment.item_id, comment.field)
        parent = ids.get(case.reply_to) if case.reply_to else None
        status = "resolved" if case.resolved else "open"
        when = datetime.fromisoformat(DATE).replace(tzinfo=UTC) if case.dated else IMPORTED_AT
        if (landed, comment.parent_id, comment.status, comment.created_at) != (case.lands, parent, status, when):
            wrong.append(f"{case.spec['name']}: {landed} {comment.parent_id} {comment.status} {comment.created_at}")
        assert comment.author == AUTHOR
    assert not wrong, "landed elsewhere: " + "; ".join(wrong)
    assert sorted(by_text) == sorted(case.spec["text"] for case in new_cases)
    assert found.skipped == 3  # the app's root, its reply and the resolved comment, already in the .pmx
    assert set(found.resolved) == {APP_ROOT.id, APP_RESOLVED.id}  # the first one resolved by the reviewer
    undated = next(f for f in found.found if f.comment.text == "Comentario: sin-fecha")
    assert [kind for kind, _ in undated.notes] == ["no-date"]
    assert all(f.placed for f in found.found)


def test_comments_written_with_python_docx_land_where_they_were_written(
    example_es: Proposal, catalogs: Catalogs, field_model: FieldModel, tmp_path: Path
) -> None:
    import io

    proposal, exported = _exported(example_es, catalogs, field_model)
    cases = _cases(proposal, exported)
    document = docx.Document(io.BytesIO(exported))
    docx_annotate.annotate(document, [case.spec for case in cases])
    reviewed = tmp_path / "revisada-python-docx.docx"
    document.save(str(reviewed))
    found = read_word_comments(reviewed, now=IMPORTED_AT)
    _check(found, cases)
    again = read_word_comments(reviewed, now=IMPORTED_AT)
    assert [c.id for c in again.comments] == [c.id for c in found.comments]


def _libreoffice_or_fail() -> None:
    soffice = shutil.which("soffice")
    has_uno = Path(SYSTEM_PYTHON).exists() and (
        subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], check=False, capture_output=True, timeout=60).returncode
        == 0
    )
    if soffice and has_uno:
        return
    message = "LibreOffice (soffice) and python3-uno for /usr/bin/python3 are needed for this test"
    if os.environ.get("CI"):
        pytest.fail(f"{message}; CI must install them (.ci/run)")
    pytest.skip(message)


def test_comments_written_in_libreoffice_land_where_they_were_written(
    example_es: Proposal, catalogs: Catalogs, field_model: FieldModel, tmp_path: Path
) -> None:
    _libreoffice_or_fail()
    proposal, exported = _exported(example_es, catalogs, field_model)
    cases = _cases(proposal, exported)
    source, reviewed = tmp_path / "exportada.docx", tmp_path / "revisada-libreoffice.docx"
    source.write_bytes(exported)
    spec = {
        "source": str(source),
        "target": str(reviewed),
        "profile": str(tmp_path / "lo-profile"),
        "comments": [case.spec for case in cases],
    }
    spec_path = tmp_path / "spec.json"
    spec_path.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    result = subprocess.run(
        [SYSTEM_PYTHON, str(LO_HELPER), str(spec_path)], check=False, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr[-2000:]
    found = read_word_comments(reviewed, now=IMPORTED_AT)
    _check(found, cases)
