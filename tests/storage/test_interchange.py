"""The JSON interchange: envelope or bare proposal in, envelope out, one-line errors for bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from matrices.examples import example_data, example_path
from matrices.proposal import Proposal
from matrices.review import Comment
from storage.errors import DocumentError, InterchangeError, UnreadableFileError
from storage.interchange import dump_json, json_schema, parse_interchange, read_json, write_json
from tests.storage.helpers import listing


def test_a_bare_proposal_is_accepted() -> None:
    result = read_json(example_path("es"))
    assert result.proposal == Proposal.model_validate(example_data("es"))
    assert result.comments == ()


def test_dump_is_the_envelope_in_readable_utf8(example_es: Proposal) -> None:
    text = dump_json(example_es, [Comment(id="K1", text="¿Población?")])
    data = json.loads(text)
    assert list(data) == ["format", "version", "proposal", "comments"]
    assert data["format"] == "policy-matrix"
    assert data["version"] == 1
    assert "Darién" in text  # not \u00e9
    assert text.startswith('{\n  "format"')  # indent 2
    assert parse_interchange(text).comments[0].text == "¿Población?"


def test_comments_are_optional_in_the_envelope(example_es: Proposal) -> None:
    envelope = {"format": "policy-matrix", "version": 1, "proposal": example_es.model_dump(mode="json")}
    assert parse_interchange(json.dumps(envelope)).comments == ()


def test_write_and_read_a_file(tmp_path: Path, example_en: Proposal) -> None:
    path = tmp_path / "proposal.json"
    comments = [Comment(id="K1", matrix="strategy", item_id="EJ1", text="ok")]
    write_json(path, example_en, comments)
    assert listing(tmp_path) == ["proposal.json"]
    back = read_json(path)
    assert back.proposal == example_en
    assert back.comments == tuple(comments)


def test_a_byte_order_mark_is_accepted(example_es: Proposal) -> None:
    assert parse_interchange(b"\xef\xbb\xbf" + dump_json(example_es).encode()).proposal == example_es
    assert parse_interchange("\ufeff" + dump_json(example_es)).proposal == example_es


def _envelope(**changes: object) -> str:
    data: dict[str, object] = {"format": "policy-matrix", "version": 1, "proposal": {}}
    data.update(changes)
    return json.dumps(data)


def _bad_cause() -> str:
    causes = [{"id": "C1"}, {"id": "C2"}, {"id": "mal id"}]
    return _envelope(proposal={"problem_matrix": {"causes": causes}})


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "is not valid JSON: Expecting property name enclosed in double quotes at line 1 column 2"),
        (b"\xff\xfe{}", "is not valid JSON: it is not UTF-8 text"),
        ("[1, 2]", "is not a Policy Matrix file: the JSON is not an object"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        (_envelope(format="other"), "is not a Policy Matrix file (format 'other')"),
        (_envelope(version=2), "was written by a newer version of Policy Matrix (interchange version 2"),
        (_envelope(version="1"), "has an invalid interchange version ('1')"),
        (_envelope(version=True), "has an invalid interchange version (True)"),
        (_bad_cause(), "invalid proposal: problem_matrix.causes.2.id: String should match pattern"),
        (_envelope(proposal={"title": 5}), "invalid proposal: title: Input should be a valid string"),
        (_envelope(comments=[{"role": "boss"}]), "invalid comments: 0.role: Input should be 'facilitator'"),
        (_envelope(extra=1), "invalid interchange file: extra: Extra inputs are not permitted"),
        (json.dumps({"title": 5}), "invalid proposal: title: Input should be a valid string"),
        (json.dumps({"titel\nnew line": ""}), "invalid proposal: titel new line: Extra inputs are not permitted"),
        (json.dumps({"problem_matrix": {"evidence": [{"value": 1e300}]}}), "number is too large"),
        ('{"problem_matrix": {"evidence": [{"value": NaN}]}}', "number must be finite"),
        ('{"title": "x\\ud800"}', "invalid proposal: title: Input should be a valid string"),
    ],
)
def test_bad_input_is_one_clear_line(text: str | bytes, message: str) -> None:
    with pytest.raises(InterchangeError) as caught:
        parse_interchange(text)
    reason = str(caught.value)
    assert message in reason
    assert "\n" not in reason
    assert len(reason) <= 300
    assert isinstance(caught.value, DocumentError)


def test_reading_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFileError, match="no such file"):
        read_json(tmp_path / "nada.json")


def test_a_read_error_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text("{", encoding="utf-8")
    with pytest.raises(InterchangeError) as caught:
        read_json(path)
    assert caught.value.path == path


def test_the_schema_describes_the_envelope() -> None:
    schema = json_schema()
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert schema["type"] == "object"
    assert set(schema["required"]) == {"format", "version", "proposal"}
    assert schema["properties"]["format"]["const"] == "policy-matrix"
    assert "Proposal" in schema["$defs"]
    assert "Cause" in schema["$defs"]
    json.dumps(schema)  # serializable as is
