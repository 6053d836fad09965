"""What comments, docstrings and doc pages cite exists in the repository: files, sections, functions and tests.

The design and the domain reference live in docs/ (docs/README.md lists the pages); a comment that points at a
file nobody can open, a section that was renumbered or a function that was renamed sends a reader nowhere.
"""

from __future__ import annotations

import ast
import io
import json
import os
import re
import tokenize
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SKIPPED_DIRS = frozenset({".git", ".venv", "venv", "build", "dist", "__pycache__", "node_modules"})
PACKAGES = ("matrices", "storage", "export", "ui", "tests", "bench", "docs")
"""Top-level folders whose paths are recognised as citations whatever their extension."""
CITED_EXTENSIONS = "md|py|json|toml|txt|cfg|ini|ya?ml|sh|rst|ts|qm|spec"
"""Source and documentation files; a user's files (.pmx, .docx, .csv, .zip) are examples, not citations."""

NOT_CITATIONS = {
    "tests/data/bad": "the folder tests/data/make_bad_files.py writes into when given none",
    "manifest.json": "the file tests/data/make_bad_files.py writes beside the classes it builds",
    "convertido.json": "the output name a test of convert gives",
    "a.json": "a file name in an example of the README's threat model",
    "file.json": "the pattern of a catalogue address (matrices/catalogs.py)",
    "policy-matrix/install-desktop.sh": "its place in the unpacked Linux bundle (.ci/bundle/linux/ in the repository)",
    "qtbase_es.qm": "Qt's own Spanish translation, which the bundle takes from PySide6",
}
"""Names that look like citations of files but name something a program writes."""

HASH_COMMENTED = frozenset({".sh", ".toml", ".cfg", ".ini", ".yml", ".yaml", ".spec"})
"""Files whose '#' comments are read, besides Makefile and the extension-less scripts of .ci/."""

_URL = re.compile(r"\b[a-z][a-z0-9+.-]*://\S+")
_FILE = re.compile(
    rf"(?<![\w.\-/~])((?:\.{{1,2}}/|/|~/)?(?:[\w.\-]+/)*[\w\-]+(?:\.[\w\-]+)*\.(?:{CITED_EXTENSIONS}))(?![\w\-])"
)
_FOLDER = re.compile(rf"(?<![\w.\-/])((?:{'|'.join(PACKAGES)}|\.ci)/[\w.\-/*]*)")
_LINK = re.compile(r"\]\(([^)\s#]+)(?:#[^)]*)?\)")
_SECTION = re.compile(r"([\w./\-]+\.md)\)?\s*§\s*(\d+(?:\.\d+)*)")
_OWN_SECTION = re.compile(r"§\s*(\d+(?:\.\d+)*)")
_HEADING = re.compile(r"^#{1,6}\s+(\d+(?:\.\d+)*)\.?\s", re.MULTILINE)
_NAME_IN_FILE = re.compile(
    r"([\w./\-]+\.py)(?:::([A-Za-z_][\w.:]*)|'s\s+`?([a-z_]+_\w*)|\s+`?([A-Za-z_]\w*(?:\.\w+)*)`?(?=:\s))"
)
_DOTTED = re.compile(rf"(?<![\w./])((?:{'|'.join(PACKAGES[:-1])}|main)(?:\.[A-Za-z_]\w*)+)")
_MEMBER = re.compile(r"(?<![\w./])([A-Z][A-Za-z0-9]+)\.([a-z_]\w*)\b(?!\.)")
_CALLED = re.compile(r"`([a-z_]\w*)\(\)`")
_TEST_NAME = re.compile(r"`(test_\w+)`")
_PLACEHOLDER = re.compile(r"[A-Z][A-Z0-9_]*")


@dataclass(frozen=True)
class Text:
    """A comment, docstring or document text, and where it is."""

    path: Path
    line: int
    text: str
    markdown: bool = False

    def where(self, offset: int) -> str:
        """Return 'path:line' of a position in the text."""
        line = self.line + self.text.count("\n", 0, offset)
        return f"{self.path.relative_to(ROOT).as_posix()}:{line}"


@cache
def repository_files() -> tuple[Path, ...]:
    """Return every file of the working tree, without virtual environments, caches and build output."""
    found: list[Path] = []
    for folder, dirs, files in os.walk(ROOT):
        dirs[:] = [name for name in dirs if not _skipped(name)]
        found.extend(Path(folder, name) for name in files)
    return tuple(sorted(found))


def _skipped(folder: str) -> bool:
    hidden = folder.startswith(".") and folder != ".ci"
    return hidden or folder in SKIPPED_DIRS or folder.endswith((".egg-info", "_cache"))


@cache
def _parsed(path: Path) -> tuple[str, ast.Module]:
    source = path.read_text(encoding="utf-8")
    return source, ast.parse(source)


def python_texts(path: Path, source: str | None = None) -> Iterator[Text]:
    """Yield the comments and the string statements (docstrings, attribute docstrings) of a Python file."""
    source, tree = _parsed(path) if source is None else (source, ast.parse(source))
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            yield Text(path, token.start[0], token.string)
    for node in ast.walk(tree):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            yield Text(path, node.lineno, node.value.value)


def hash_comments(path: Path) -> Iterator[Text]:
    """Yield the '#' comments of a Makefile, shell script or TOML file."""
    for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
        match = re.search(r"(?:^|\s)#(?!!)(.*)$", line)
        if match:
            yield Text(path, number, match.group(1))


def all_texts(files: Iterable[Path]) -> Iterator[Text]:
    """Yield every text of the repository that may cite something: comments, docstrings, README and docs/."""
    for path in files:
        relative = path.relative_to(ROOT).as_posix()
        if path.suffix == ".py":
            yield from python_texts(path)
        elif path.suffix == ".md":
            yield Text(path, 1, path.read_text(encoding="utf-8"), markdown=True)
        elif (
            path.name == "Makefile"
            or path.suffix in HASH_COMMENTED
            or (relative.startswith(".ci/") and not path.suffix)
        ):
            yield from hash_comments(path)


# -- what a path, a section and a name resolve to ---------------------------------------------------------


@cache
def _basenames() -> frozenset[str]:
    return frozenset(path.name for path in repository_files())


def path_exists(cited: str, base: Path | None = None) -> bool:
    """Whether a cited path names a file or folder of the repository (base: folder of a relative link)."""
    cited = cited.removeprefix("./")
    if cited in NOT_CITATIONS:
        return True
    if cited.startswith(("/", "~", "../")) and base is None:
        return False
    if "/" not in cited:
        return cited in _basenames() or (base is not None and (base / cited).exists())
    target = ((base or ROOT) / cited).resolve()
    return target.is_relative_to(ROOT) and target.exists()


def _cited_paths(text: Text) -> Iterator[tuple[int, str, Path | None]]:
    plain = _URL.sub(lambda m: " " * len(m.group(0)), text.text)
    if text.markdown:  # a link's target is relative to the page; it is read below
        plain = _LINK.sub(lambda m: " " * len(m.group(0)), plain)
    for match in _FILE.finditer(plain):
        path = match.group(1)
        head = path.split("/", 1)[0]
        if "/" in path and _PLACEHOLDER.fullmatch(head):
            continue  # OUT_DIR/manifest.json: a placeholder, not a folder
        if "/" not in path and _PLACEHOLDER.fullmatch(path.split(".")[0]) and path.endswith((".json", ".txt")):
            continue  # SPEC.json: a placeholder for a data file; documents and modules are cited by name
        yield match.start(1), path, None
    for match in _FOLDER.finditer(plain):
        path = match.group(1).split("*", 1)[0]
        path = path.rstrip(".,:;") if "*" not in match.group(1) else path[: path.rfind("/") + 1]
        if not re.search(rf"\.(?:{CITED_EXTENSIONS})$", path):
            yield match.start(1), path, None
    if text.markdown:
        for match in _LINK.finditer(text.text):
            if not _URL.match(match.group(1)):
                yield match.start(1), match.group(1), text.path.parent


def missing_paths(texts: Iterable[Text]) -> list[str]:
    """Return 'where: path' for each cited file or folder that the repository does not have."""
    return [
        f"{text.where(offset)}: {path}"
        for text in texts
        for offset, path, base in _cited_paths(text)
        if not path_exists(path, base)
    ]


def _resolve_md(cited: str) -> Path | None:
    if "/" in cited:
        path = ROOT / cited
        return path if path.is_file() else None
    matches = [path for path in repository_files() if path.name == cited]
    return matches[0] if len(matches) == 1 else None


def missing_sections(texts: Iterable[Text]) -> list[str]:
    """Return 'where: page §N' for each cited section whose numbered heading the page does not have."""
    missing: list[str] = []
    for text in texts:
        cited = [(match, _resolve_md(match.group(1)), match.group(2)) for match in _SECTION.finditer(text.text)]
        if text.markdown:  # "§2" alone, in a page, is a section of that page
            spans = [match.span() for match, _, _ in cited]
            own = [m for m in _OWN_SECTION.finditer(text.text) if not any(a <= m.start() < b for a, b in spans)]
            cited += [(match, text.path, match.group(1)) for match in own]
        for match, page, section in cited:
            if section not in _headings(page):
                missing.append(f"{text.where(match.start())}: {match.group(0)}")
    return missing


def _headings(page: Path | None) -> set[str]:
    return set(_HEADING.findall(page.read_text(encoding="utf-8"))) if page else set()


@dataclass
class Symbols:
    """The names a module defines: top-level ones, and the members of each class."""

    names: set[str]
    members: dict[str, set[str]]


def _targets(node: ast.stmt) -> Iterator[str]:
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        yield node.name
    elif isinstance(node, ast.Assign):
        for target in node.targets:
            yield from (name.id for name in ast.walk(target) if isinstance(name, ast.Name))
    elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        yield node.target.id
    elif isinstance(node, (ast.Import, ast.ImportFrom)):
        yield from ((alias.asname or alias.name).split(".")[0] for alias in node.names)
    elif isinstance(node, (ast.If, ast.Try)):
        for child in [*node.body, *getattr(node, "orelse", []), *getattr(node, "finalbody", [])]:
            yield from _targets(child)


@cache
def symbols(path: Path) -> Symbols:
    """Return what a Python file defines at module level and in its classes."""
    tree = _parsed(path)[1]
    found = Symbols(set(), {})
    for node in tree.body:
        found.names.update(_targets(node))
        if isinstance(node, ast.ClassDef):
            members = found.members.setdefault(node.name, set())
            for child in node.body:
                members.update(_targets(child))
            members.update(
                target.attr
                for child in ast.walk(node)
                for target in getattr(child, "targets", [getattr(child, "target", None)])
                if isinstance(target, ast.Attribute)
                and isinstance(target.value, ast.Name)
                and target.value.id == "self"
            )
    return found


@cache
def _modules() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for path in repository_files():
        if path.suffix == ".py":
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


@cache
def _classes() -> dict[str, list[set[str]]]:
    """Each class of the repository with its members; none for a name a library also gives (docx's Document)."""
    found: dict[str, list[set[str]]] = {}
    for path in _modules().values():
        for name, members in symbols(path).members.items():
            found.setdefault(name, []).append(members)
    for path in _modules().values():
        for node in ast.walk(_parsed(path)[1]):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module not in _modules():
                for alias in node.names:
                    found.pop(alias.name, None)
    return found


@cache
def _all_names() -> frozenset[str]:
    names: set[str] = set()
    for path in _modules().values():
        if path == Path(__file__).resolve():
            continue  # the names this file's own checks expect to be missing
        for node in ast.walk(_parsed(path)[1]):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(node.name)
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.isidentifier():
                names.add(node.value)
    return frozenset(names)


def name_in_file(path: Path, dotted: str) -> bool:
    """Whether 'name', 'Class.member' or 'Class::member' is defined in a Python file."""
    first, *rest = re.split(r"::|\.", dotted)
    found = symbols(path)
    if first not in found.names:
        return False
    return not rest or rest[0] in found.members.get(first, set())


def _dotted_exists(dotted: str) -> bool:
    parts = dotted.split(".")
    modules = _modules()
    for cut in range(len(parts), 0, -1):
        module = ".".join(parts[:cut])
        if module in modules:
            return cut == len(parts) or name_in_file(modules[module], ".".join(parts[cut:]))
    return False


def missing_names(texts: Iterable[Text]) -> list[str]:
    """Return 'where: name' for each cited function, class member, module or test that does not exist."""
    missing: list[str] = []
    for text in texts:
        plain = _URL.sub(" ", text.text)

        def report(offset: int, name: str, text: Text = text) -> None:
            missing.append(f"{text.where(offset)}: {name}")

        for match in _NAME_IN_FILE.finditer(plain):
            path, name = ROOT / match.group(1), next(group for group in match.groups()[1:] if group)
            if path.is_file() and not name_in_file(path, name):
                report(match.start(), match.group(0))
        for match in _DOTTED.finditer(plain):
            if match.group(1).rsplit(".", 1)[1] not in CITED_EXTENSIONS.split("|") and not _dotted_exists(
                match.group(1)
            ):
                report(match.start(), match.group(1))
        for match in _MEMBER.finditer(plain):
            variants = _classes().get(match.group(1))
            if variants and not any(match.group(2) in members for members in variants):
                report(match.start(), match.group(0))
        for match in [*_CALLED.finditer(plain), *_TEST_NAME.finditer(plain)]:
            if match.group(1) not in _all_names():
                report(match.start(), match.group(1))
    return missing


# -- the repository ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def texts() -> list[Text]:
    return list(all_texts(repository_files()))


def test_every_file_a_comment_or_page_cites_is_in_the_repository(texts: list[Text]) -> None:
    # A document outside the repository is cited by the docs/ page that says the same (docs/README.md).
    assert missing_paths(texts) == []


def test_every_section_cited_has_its_numbered_heading(texts: list[Text]) -> None:
    assert missing_sections(texts) == []


def test_every_function_class_member_module_and_test_cited_exists(texts: list[Text]) -> None:
    assert missing_names(texts) == []


def test_the_docs_index_links_every_page() -> None:
    index = (ROOT / "docs" / "README.md").read_text(encoding="utf-8")
    linked = {match.group(1) for match in _LINK.finditer(index)}
    pages = {path.name for path in (ROOT / "docs").glob("*.md") if path.name != "README.md"}
    assert pages - linked == set(), "add the page to the table of docs/README.md"


def test_the_rules_in_docs_domain_are_the_rules_of_the_field_model() -> None:
    model = json.loads((ROOT / "matrices" / "data" / "field_model.json").read_text(encoding="utf-8"))
    page = (ROOT / "docs" / "domain.md").read_text(encoding="utf-8")
    documented = dict(re.findall(r"^\| ([A-Z]\d\d) \| (error|warning|info) \|", page, re.MULTILINE))
    expected = {rule["id"]: rule["severity"] for rule in model["rules"]}
    assert documented == expected, "docs/domain.md §4.2 lists each rule of the field model, with its severity"


# -- the checks themselves find what they are for ----------------------------------------------------------


def _texts_of(source: str) -> list[Text]:
    return list(python_texts(ROOT / "tests" / "test_docs.py", source))


# Names of documents the repository does not have, put together here so that no scan of the sources (this
# suite's or another tool's) reads them as citations of this file.
DESIGN, DOMAIN, STYLE = (name + ".md" for name in ("DESIGN", "DOMAIN", "STYLE"))
GONE, NOWHERE = (name + ".md" for name in ("gone", "nowhere"))


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (f"# As ../shared/{DESIGN} says.\nx = 1\n", [f"../shared/{DESIGN}"]),
        (f'"""The rules of {DOMAIN}."""\n', [DOMAIN]),
        (
            'def f() -> None:\n    """Proved by tests/storage/test_schema_text.py."""\n',
            ["tests/storage/test_schema_text.py"],
        ),
        (f"x = 1  # see docs/{NOWHERE} and matrices/nowhere/\n", [f"docs/{NOWHERE}", "matrices/nowhere/"]),
        ("# docs/README.md, matrices/data/field_model.json, scales.json#severity, ui/i18n/*.ts\n", []),
        (f"# https://example.org/a/{DESIGN} and OUT_DIR/manifest.json, SPEC.json, {STYLE}\n", [STYLE]),
        (f'x = "{DESIGN}"  # a string that is code, not a comment\n', []),
    ],
)
def test_a_cited_file_that_is_not_in_the_repository_is_found(source: str, expected: list[str]) -> None:
    assert [line.rsplit(": ", 1)[1] for line in missing_paths(_texts_of(source))] == expected


def test_a_markdown_link_is_read_from_the_page_folder() -> None:
    page = Text(ROOT / "docs" / "README.md", 1, f"[design](design.md), [gone]({GONE}), [up](../README.md)", True)
    assert [line.rsplit(": ", 1)[1] for line in missing_paths([page])] == [GONE]


def test_a_cited_section_must_exist() -> None:
    found = missing_sections(_texts_of(f"# docs/domain.md §4.3 and docs/domain.md §99, {DESIGN} §1\n"))
    assert [line.split(": ", 1)[1] for line in found] == ["docs/domain.md §99", f"{DESIGN} §1"]


def test_a_section_cited_in_a_page_without_a_file_is_one_of_that_page() -> None:
    page = Text(ROOT / "docs" / "design.md", 1, "see §7 and §9, and [domain.md](domain.md) §4.3, not §4.3", True)
    assert [line.split(": ", 1)[1] for line in missing_sections([page])] == ["§9", "§4.3"]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('"""storage/opening.py _take_lock: fixed."""\n', []),
        ('"""storage/opening.py _lock_taken: fixed."""\n', ["storage/opening.py _lock_taken"]),
        ("# tests/test_docs.py::test_a_cited_section_must_exist\n", []),
        ("# tests/test_docs.py::test_gone\n", ["tests/test_docs.py::test_gone"]),
        ("# as main.py's run_gui does, and main.py's gui_runner\n", ["main.py's gui_runner"]),
        ("# storage.document.Document.open, matrices.problem.gone\n", ["matrices.problem.gone"]),
        ("# DocumentLock.acquire, DocumentLock.reacquire, QMenu.exec\n", ["DocumentLock.reacquire"]),
        ("# Refs.codes (set in __init__), Refs.gone_codes\n", ["Refs.gone_codes"]),
        ("# python-docx's Document.add_comment: Document is also docx's\n", []),
        ("# `literal()` and `gone_function()`, `test_gone_test`\n", ["gone_function", "test_gone_test"]),
    ],
)
def test_a_cited_name_that_does_not_exist_is_found(source: str, expected: list[str]) -> None:
    assert [line.split(": ", 1)[1] for line in missing_names(_texts_of(source))] == expected
