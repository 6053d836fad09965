"""A third language is data: added to a copy of the data files, the rules, `check`, the export and the cohort table
speak it.

The copy gives every text of the field model, the domain's texts, the catalogues, the export's headings and the
storage layer's texts a "xx" version (the English text, so that it can be told from Spanish, the fallback, and
compared with the English output), and languages.json a "xx" language whose thousands separator is a narrow space.
Only the location of the data is changed; no code is. A few texts are left without a "xx" version: those must
show in Spanish.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path
from typing import Any

import docx
import pytest

import main
from export import labels as export_labels
from matrices import datafiles
from matrices.catalogs import Catalogs
from matrices.examples import load_example
from matrices.fieldmodel import FieldModel
from matrices.findings import Finding
from matrices.localized import conventions
from matrices.proposal import Proposal
from matrices.rules import default_rulebook
from storage import texts as storage_texts
from storage.interchange import write_json
from storage.moodle_worksheet import feedback_text
from storage.review_csv import review_csv
from storage.summary import ReviewEntry
from storage.summary_rows import compute_summary
from tests.export.docx_helpers import all_text, headings
from ui.models.actors import scale_values

XX = "xx"
THOUSANDS = "\u202f"
UNTRANSLATED_RULE = "D04"
"""A rule of the example's findings whose message the copy leaves without a "xx" version."""
UNTRANSLATED_FIELD = ("evidence", "cutoff_date")
UNTRANSLATED_HEADING = "summary.title"
UNTRANSLATED_STEP = ("interest", 5)
"""A step of a rating scale whose description (description_es, description_en) the copy gives no "xx" one."""


def _with_xx(value: Any) -> Any:
    """Return the data with an "xx" text (a copy of the English one) beside every {es, en} text.

    Catalogue entries also write some texts once per language under their own names (description_es,
    description_en): those get a description_xx.
    """
    if isinstance(value, dict):
        value = {key: _with_xx(item) for key, item in value.items()}
        if isinstance(value.get("es"), str) and isinstance(value.get("en"), str):
            value[XX] = value["en"]
        for key in [key for key in value if key.endswith("_en")]:
            name = key.removesuffix("_en")
            if isinstance(value.get(f"{name}_es"), str) and isinstance(value[key], str):
                value[f"{name}_{XX}"] = value[key]
        return value
    if isinstance(value, list):
        return [_with_xx(item) for item in value]
    return value


def _rewrite(path: Path, change: Any) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(change(data), ensure_ascii=False), encoding="utf-8")


def _drop_untranslated(field_model: dict[str, Any]) -> dict[str, Any]:
    entity, key = UNTRANSLATED_FIELD
    next(rule for rule in field_model["rules"] if rule["id"] == UNTRANSLATED_RULE)["message"].pop(XX)
    next(field for field in field_model["entities"][entity]["fields"] if field["key"] == key)["label"].pop(XX)
    return field_model


def _drop_untranslated_step(scales: dict[str, Any]) -> dict[str, Any]:
    scale, step = UNTRANSLATED_STEP
    values = next(entry for entry in scales["entries"] if entry["id"] == scale)["values"]
    next(value for value in values if value["value"] == step).pop(f"description_{XX}")
    return scales


def _add_language(languages: dict[str, Any]) -> dict[str, Any]:
    english = next(entry for entry in languages["languages"] if entry["code"] == "en")
    languages["languages"].append({**english, "code": XX, "name": "Xx", "tag": "en-XX", "thousands": THOUSANDS})
    return languages


@pytest.fixture
def third_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "data"
    shutil.copytree(datafiles.data_dir(), data)
    for path in (data / "field_model.json", data / "texts.json", *sorted((data / "catalogs").glob("*.json"))):
        _rewrite(path, _with_xx)
    _rewrite(data / "field_model.json", _drop_untranslated)
    _rewrite(data / "catalogs" / "scales.json", _drop_untranslated_step)
    _rewrite(data / "languages.json", _add_language)
    headings_copy = tmp_path / "headings.json"
    shutil.copy(export_labels.headings_file(), headings_copy)
    _rewrite(headings_copy, _with_xx)
    _rewrite(headings_copy, lambda raw: raw["headings"][UNTRANSLATED_HEADING].pop(XX) and raw)
    storage_copy = tmp_path / "storage_texts.json"
    shutil.copy(storage_texts.texts_file(), storage_copy)
    _rewrite(storage_copy, _with_xx)
    monkeypatch.setattr(datafiles, "data_dir", lambda: data)
    monkeypatch.setattr(export_labels, "headings_file", lambda: headings_copy)
    monkeypatch.setattr(storage_texts, "texts_file", lambda: storage_copy)
    return tmp_path


def _findings(proposal: Proposal) -> list[Finding]:
    catalogs, field_model = Catalogs.load(), FieldModel.load()
    return default_rulebook(catalogs, field_model).check(proposal)


def _broken(proposal: Proposal) -> Proposal:
    """Return the example with faults that make most rules speak, with details, counts and labels."""
    problem, strategy = proposal.problem_matrix, proposal.strategy_matrix
    problem.central_problem = ""
    problem.causes = problem.causes[:2]
    strategy.axes[0].lead_actor_id = "A99"
    strategy.axes[1].indicators[0].target.year = None
    proposal.actor_matrix.actors = proposal.actor_matrix.actors[:3]
    proposal.instrument_matrix.instruments[0].nato = "regulation"
    return proposal


def test_the_rules_speak_the_added_language(third_language: Path) -> None:
    findings = _findings(_broken(load_example("es")))
    assert len({finding.rule for finding in findings}) > 10
    for finding in findings:
        if finding.rule == UNTRANSLATED_RULE:
            continue
        assert finding.message(XX) == finding.message("en"), finding.rule
        assert finding.message(XX) != finding.message("es"), finding.rule


def test_a_text_the_language_lacks_is_shown_in_spanish(third_language: Path) -> None:
    finding = next(f for f in _findings(load_example("es")) if f.rule == UNTRANSLATED_RULE)
    spanish_message = FieldModel.load().rules[UNTRANSLATED_RULE].message.get("es")
    assert finding.message(XX).startswith(spanish_message)
    assert not finding.message("en").startswith(spanish_message)
    entity, key = UNTRANSLATED_FIELD
    assert FieldModel.load().field(entity, key).label(XX) == FieldModel.load().field(entity, key).label("es")


def test_the_added_language_has_its_own_conventions(third_language: Path) -> None:
    assert conventions(XX).number(16742.5) == f"16{THOUSANDS}742.5"
    assert conventions("en").number(16742.5) == "16,742.5"


def test_check_prints_the_added_language(third_language: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = third_language / "broken.json"
    write_json(path, _broken(load_example("es")))
    outputs = {}
    for lang in ("en", XX):
        assert main.run(["check", str(path), "--lang", lang]) == main.EXIT_FINDINGS
        outputs[lang] = capsys.readouterr().out.splitlines()
    assert len(outputs[XX]) > 20
    cutoff = FieldModel.load().field(*UNTRANSLATED_FIELD)
    for english, added in zip(outputs["en"], outputs[XX], strict=True):
        if f" {UNTRANSLATED_RULE} " not in english:
            assert added == english.replace(cutoff.label("en"), cutoff.label("es"))


def test_the_export_is_written_in_the_added_language(third_language: Path, qapp: object) -> None:
    # qapp: the export draws its pictures in the running application; were it to make a bare QGuiApplication,
    # a later test's widgets would abort the process.
    source = third_language / "example.json"
    write_json(source, load_example("es"))
    texts = {}
    for lang in ("en", XX):
        out = third_language / lang
        assert main.run(["export", str(source), "--out-dir", str(out), "--lang", lang]) == main.EXIT_OK
        document = docx.Document(str(out / "example.docx"))
        texts[lang] = (all_text(document), [text for _, text in headings(document)])
    (english, english_headings), (added, added_headings) = texts["en"], texts[XX]
    spanish_heading = export_labels.Labels("es")(UNTRANSLATED_HEADING)
    english_heading = export_labels.Labels("en")(UNTRANSLATED_HEADING)
    assert english_heading in english_headings
    assert spanish_heading in added_headings
    assert english_heading not in added_headings
    cutoff = FieldModel.load().field(*UNTRANSLATED_FIELD)
    # Apart from the untranslated texts and the figures' separator, the document reads as the English one.
    lines = [spanish_heading if line == english_heading else line for line in english.split("\n")]
    expected = "\n".join(lines).replace(cutoff.label("en"), cutoff.label("es"))
    assert THOUSANDS in added
    assert added.replace(THOUSANDS, ",") == expected


def test_the_field_labels_speak_the_added_language(third_language: Path) -> None:
    field_model = FieldModel.load()
    fields = [(entity, spec) for entity in field_model.entities for spec in field_model.fields(entity)]
    assert len(fields) > 100
    for entity, spec in fields:
        expected = spec.label("es") if (entity, spec.key) == UNTRANSLATED_FIELD else spec.label("en")
        assert spec.label(XX) == expected, (entity, spec.key)


def test_a_catalogue_s_own_texts_speak_the_added_language(third_language: Path) -> None:
    # The actors page shows each rating step with its description, written per language in the catalogue.
    catalogs = Catalogs.load()
    scale, untranslated = UNTRANSLATED_STEP
    steps = {lang: scale_values(catalogs, scale, lang) for lang in ("es", "en", XX)}
    assert len(steps[XX]) == 5
    for spanish, english, added in zip(steps["es"], steps["en"], steps[XX], strict=True):
        value, label, description = added
        assert label == english[1]
        assert description == (spanish[2] if value == untranslated else english[2])
        assert spanish[2] != english[2]


def test_the_cohort_table_and_the_moodle_feedback_speak_the_added_language(third_language: Path) -> None:
    catalogs, field_model = Catalogs.load(), FieldModel.load()
    summary = compute_summary(load_example("es"), rulebook=default_rulebook(catalogs, field_model))
    entry = ReviewEntry(third_language / "darien.pmx", summary)
    tables = {
        lang: list(csv.reader(io.StringIO(review_csv([entry], catalogs, field_model, lang))))
        for lang in ("es", "en", XX)
    }
    assert tables[XX] == tables["en"]
    assert tables[XX][0] != tables["es"][0]
    assert feedback_text(summary, XX) == feedback_text(summary, "en") != feedback_text(summary, "es")
