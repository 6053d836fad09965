"""No code branches on a language: texts come from the localized-text type, formats from each language's conventions.

Read from the source with `ast`, like tests/test_architecture.py. A language is the data's (languages.json), so a
comparison with "es", a choice between two literal codes, a pair of variables named for two languages or a text
written in code once per language ({"es": ..., "en": ...}) would have to be edited when a third language is added:
texts belong in the data files (docs/languages.md). matrices/localized.py is the one module that knows the
course's first language.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ALLOWED = {ROOT / "matrices" / "localized.py"}
CODES = frozenset(
    entry["code"] for entry in json.loads((ROOT / "matrices/data/languages.json").read_text())["languages"]
)
# A name made for one language of a pair: label_es, message_en, or es and en themselves.
PAIR_NAME = re.compile(rf"(?:^|_)(?:{'|'.join(sorted(CODES))})$")


def _sources() -> Iterator[Path]:
    yield ROOT / "main.py"
    for package in ("matrices", "storage", "export", "ui"):
        yield from sorted((ROOT / package).rglob("*.py"))


def _is_code(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and node.value in CODES


def _names(node: ast.AST) -> Iterator[str]:
    if isinstance(node, ast.Name):
        yield node.id
    elif isinstance(node, ast.Attribute):
        yield node.attr
    elif isinstance(node, ast.arg | ast.keyword) and node.arg:
        yield node.arg
    elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
        yield node.name


def language_branches(path: Path) -> list[str]:
    """Return the places of a module that choose by a language code, or hold a text per language in code."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        line = getattr(node, "lineno", 0)
        if isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            # lang == "es", "en" != lang, lang in ("es", "en")
            if any(
                _is_code(o) or (isinstance(o, ast.Tuple | ast.List | ast.Set) and any(map(_is_code, o.elts)))
                for o in operands
            ):
                found.append(f"{line}: compares with a language code")
        elif isinstance(node, ast.IfExp) and (_is_code(node.body) or _is_code(node.orelse)):
            found.append(f"{line}: picks a language code by a condition")
        elif isinstance(node, ast.Dict) and any(key is not None and _is_code(key) for key in node.keys):
            found.append(f"{line}: writes a text per language in code")
        elif (
            isinstance(node, ast.For)
            and isinstance(node.iter, ast.Tuple | ast.List)
            and any(map(_is_code, node.iter.elts))
        ):
            found.append(f"{line}: loops over literal language codes")
        found += [f"{line}: {name} holds one language of a pair" for name in _names(node) if PAIR_NAME.search(name)]
    return found


def test_no_code_branches_on_a_language() -> None:
    found = {
        str(path.relative_to(ROOT)): places
        for path in _sources()
        if path not in ALLOWED and (places := language_branches(path))
    }
    assert not found, "look the text up in a LocalizedText or the convention in matrices/localized.py:\n" + "\n".join(
        f"  {path}:{place}" for path, places in found.items() for place in places
    )


def test_the_check_sees_each_kind_of_branch(tmp_path: Path) -> None:
    # Each line is a way the sources chose by language before; the check must see every one of them.
    source = tmp_path / "branches.py"
    source.write_text(
        "\n".join(
            (
                'a = x.es if lang == "es" else x.en',
                'b = "es" if spanish else "en"',
                "c = pair[0 if lang == 'es' else 1]",
                'for code in ("es", "en"):\n    pass',
                "def f(label_es: str, label_en: str) -> None:\n    pass",
                'd = lang in ("es", "en")',
                'e = LocalizedText({"es": "Sí", "en": "Yes"})',
            )
        ),
        encoding="utf-8",
    )
    lines = {int(place.split(":")[0]) for place in language_branches(source)}
    assert lines >= {1, 2, 3, 4, 6, 8, 9}
