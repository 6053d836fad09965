"""Policy Matrix: the composition root. Parses the command line and runs a headless command.

The command line is a fixed contract (DESIGN.md): other checks call it, so names, options, exit
statuses and the one-line `error:` messages must stay exactly as they are.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
import tempfile
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn, TextIO

from pydantic import ValidationError

# The domain (and so pydantic) must be fully imported before anything imports PySide6: shiboken's import hook
# inspects every later import and breaks pydantic's lazy submodule loading with a circular ImportError.
from matrices.proposal import Proposal  # isort: split

from export.options import ExportOptions
from matrices.catalogs import Catalogs
from matrices.completeness import completeness
from matrices.examples import load_example
from matrices.fieldmodel import FieldModel
from matrices.review import Comment
from matrices.rules import default_rulebook
from storage.atomic import write_atomic
from storage.document import Document
from storage.errors import DocumentError
from storage.interchange import json_schema, read_json, write_json
from storage.lock import DocumentLock
from storage.review_csv import completeness_text, display_name, local_time, write_review_csv
from storage.summary import ReviewEntry, review_folder

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2

COMMANDS = ("demo", "convert", "export", "check", "review", "schema")


class UsageError(Exception):
    """Bad input from the user: printed as one `error:` line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    """An argparse parser whose errors follow the contract: one `error:` line, exit 2."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="main.py", description="Policy Matrix: draft a migration policy proposal.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    demo = commands.add_parser("demo", help="write the bundled example proposal to PATH")
    demo.add_argument("path", metavar="PATH")
    demo.add_argument("--lang", choices=("es", "en"), default="es", help="language of the example (default es)")

    convert = commands.add_parser("convert", help="convert .json <-> .pmx, or either to .docx")
    convert.add_argument("src", metavar="SRC")
    convert.add_argument("dst", metavar="DST")

    export = commands.add_parser("export", help="export proposals to Word (.docx)")
    export.add_argument("files", metavar="FILE", nargs="+")
    export.add_argument("--out-dir", metavar="DIR", help="folder for the .docx files (default: beside each input)")
    export.add_argument(
        "--lang", choices=("es", "en"), help="language of headings and labels (default: the proposal's)"
    )
    export.add_argument("--template", metavar="T.docx", help="start from an institution's Word template")
    export.add_argument("--comments", action="store_true", help="include review comments as Word comments")
    export.add_argument("--paper", choices=("letter", "a4"), default="letter", help="paper size (default letter)")

    check = commands.add_parser("check", help="completeness and consistency findings")
    check.add_argument("file", metavar="FILE")
    check.add_argument("--json", action="store_true", help="print the findings as a JSON list")
    check.add_argument("--lang", choices=("es", "en"), help="language of the messages (default: the proposal's)")

    review = commands.add_parser("review", help="one line per proposal in DIR (title, authors, completeness, ...)")
    review.add_argument("dir", metavar="DIR")
    review.add_argument("--csv", metavar="OUT.csv", help="also write the table as CSV (UTF-8, opens in Excel)")
    review.add_argument("--recursive", action="store_true", help="include the .pmx files of subfolders")
    review.add_argument("--lang", choices=("es", "en"), default="en", help="language of labels (default en)")

    commands.add_parser("schema", help="print the JSON Schema of the interchange format")
    return parser


def _fail(path: Path | str, reason: str) -> UsageError:
    return UsageError(f"{path}: {reason}")


def _read_any(path: Path) -> tuple[Proposal, list[Comment]]:
    """Read a .pmx or .json file without modifying it; return (proposal, comments)."""
    suffix = path.suffix.lower()
    if not path.exists():
        raise _fail(path, "no such file")
    if path.is_dir():
        raise _fail(path, "is a folder, not a file")
    try:
        if suffix == ".json":
            data = read_json(path)
            return data.proposal, list(data.comments)
        if suffix == ".pmx":
            with Document.open(path, read_only=True) as document:
                return document.load(), document.load_comments()
    except DocumentError as exc:
        raise _fail(path, str(exc)) from exc
    raise _fail(path, f"unsupported file type {path.suffix or '(none)'!r}: expected .pmx or .json")


def _same_file(a: Path, b: Path) -> bool:
    return a.resolve() == b.resolve() or (a.exists() and b.exists() and os.path.samefile(a, b))


def _write_pmx(path: Path, proposal: Proposal, comments: Sequence[Comment]) -> None:
    """Write a new .pmx atomically: build it beside the target, then rename over it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # Holding the target's lock while replacing it keeps an open editor window from losing its file under it:
    # if a window has it, this raises DocumentLockedError naming who.
    lock = DocumentLock.acquire(path)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        os.close(fd)
        tmp = Path(tmp_name)
        tmp.unlink()
        try:
            Document.create(tmp, proposal, comments).close()
            os.replace(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)
    finally:
        lock.release()


def _write_output(path: Path, proposal: Proposal, comments: Sequence[Comment]) -> None:
    suffix = path.suffix.lower()
    if suffix == ".pmx":
        _write_pmx(path, proposal, comments)
    elif suffix == ".json":
        write_json(path, proposal, comments)
    elif suffix == ".docx":
        write_atomic(path, _docx_bytes(proposal, comments, ExportOptions()))
    else:
        raise _fail(path, f"unsupported output type {path.suffix or '(none)'!r}: expected .pmx, .json or .docx")


def _docx_bytes(proposal: Proposal, comments: Sequence[Comment], options: ExportOptions) -> bytes:
    """Export a proposal to DOCX bytes; the diagrams need a Qt GUI application, created here if missing."""
    # Imported here: python-docx and QtGui cost a third of the start-up of the commands that never export
    # (`review` of 500 files has a 2 s budget, start-up included).
    from export.diagrams import ensure_gui_application
    from export.docx_export import export_docx

    ensure_gui_application()
    catalogs, field_model = Catalogs.load(), FieldModel.load()
    findings = default_rulebook(catalogs, field_model).check(proposal)
    try:
        return export_docx(
            proposal,
            catalogs=catalogs,
            field_model=field_model,
            findings=findings,
            comments=comments,
            options=options,
        )
    except (OSError, ValueError, KeyError, zipfile.BadZipFile) as exc:
        if options.template is None:
            raise
        # python-docx reports a damaged or foreign template through these.
        raise _fail(options.template, f"cannot be used as a Word template ({type(exc).__name__})") from exc


def cmd_demo(args: argparse.Namespace) -> int:
    """Write the bundled example proposal to PATH."""
    _write_output(Path(args.path), load_example(args.lang), [])
    print(f"wrote {args.path}")
    return EXIT_OK


def cmd_convert(args: argparse.Namespace) -> int:
    """Convert between .json and .pmx; the source is never modified."""
    src, dst = Path(args.src), Path(args.dst)
    if dst.exists() and _same_file(src, dst):
        raise _fail(dst, "is the input file; choose another output path")
    proposal, comments = _read_any(src)
    _write_output(dst, proposal, comments)
    print(f"wrote {dst}")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    """Export each FILE to Word; a bad file is reported and the batch goes on; exit 1 if any failed."""
    out_dir = Path(args.out_dir) if args.out_dir else None
    if out_dir is not None and out_dir.exists() and not out_dir.is_dir():
        raise _fail(out_dir, "is not a folder")
    template = Path(args.template) if args.template else None
    if template is not None and not template.is_file():
        raise _fail(template, "no such template file")
    options = ExportOptions(lang=args.lang, paper=args.paper, template=template, include_comments=args.comments)
    inputs = [Path(name) for name in args.files]
    failures: list[Path] = []
    for index, source in enumerate(inputs, start=1):
        target = (out_dir or source.parent) / f"{source.stem}.docx"
        try:
            if any(target.exists() and _same_file(target, other) for other in inputs):
                raise _fail(target, "is one of the input files; choose another --out-dir")
            proposal, comments = _read_any(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(target, _docx_bytes(proposal, comments, options))
        except (UsageError, DocumentError, ValidationError, OSError) as exc:
            failures.append(source)
            print(f"error: {_describe(exc, source)}", file=sys.stderr)
            continue
        print(f"[{index}/{len(inputs)}] {source} -> {target}", flush=True)
    if failures:
        names = ", ".join(str(path) for path in failures)
        print(f"error: {len(failures)} of {len(inputs)} file(s) failed: {names}", file=sys.stderr)
        return EXIT_FINDINGS
    return EXIT_OK


def _describe(exc: Exception, source: Path) -> str:
    """Return the one-line reason of a failure, naming the file."""
    if isinstance(exc, DocumentError):
        return f"{exc.path or source}: {exc}"
    if isinstance(exc, ValidationError):
        first = exc.errors()[0]
        return f"{source}: invalid proposal: {'.'.join(str(p) for p in first['loc'])}: {first['msg']}"
    if isinstance(exc, OSError):
        return f"{exc.filename or source}: {exc.strerror or exc}"
    return str(exc)


def cmd_check(args: argparse.Namespace) -> int:
    """Print completeness and consistency findings; exit 1 when some are errors."""
    path = Path(args.file)
    proposal, _comments = _read_any(path)
    field_model = FieldModel.load()
    findings = default_rulebook(Catalogs.load(), field_model).check(proposal)
    lang = args.lang or proposal.language
    if args.json:
        json.dump([f.as_dict(lang) for f in findings], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for f in findings:
            where = "/".join(part for part in (f.matrix, f.item, f.field) if part)
            print(f"{f.severity:<7} {f.rule}  {where}  {f.message(lang)}")
        counts = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")}
        scores = completeness(proposal, field_model)
        score_text = ", ".join(f"{key} {value}%" for key, value in scores.items())
        print(
            f"{path}: {counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} info; "
            f"completeness: {score_text}"
        )
    return EXIT_FINDINGS if any(f.severity == "error" for f in findings) else EXIT_OK


REVIEW_HEADINGS = (
    "FILE",
    "TITLE",
    "AUTHORS",
    "POLICY AREA",
    "COMPLETE G/P/S/A/I",
    "ERR/WARN",
    "COMMENTS OPEN/RES",
    "MODIFIED",
)
REVIEW_WIDTHS = (40, 40, 30, 30, 0, 0, 0, 0)
"""Widest a column may grow (0: no limit); longer texts are cut with an ellipsis."""


def _review_line(entry: ReviewEntry, root: Path, catalogs: Catalogs, lang: str) -> list[str]:
    """Return the cells of one line of `review` (an unreadable file shows its error after its name)."""
    name = display_name(entry, root)
    summary = entry.summary
    if summary is None:
        return [name, f"error: {entry.error}"]
    area = catalogs.label("policy_areas.json", summary.policy_area, lang) if summary.policy_area else ""
    return [
        name,
        summary.title,
        "; ".join(summary.authors),
        area,
        completeness_text(summary),
        f"{summary.errors}/{summary.warnings}",
        f"{summary.comments_open}/{summary.comments_resolved}",
        local_time(summary.last_modified),
    ]


def _fit(text: str, width: int) -> str:
    flat = " ".join(text.split())  # a title pasted with line breaks must stay on its line
    return flat if not width or len(flat) <= width else flat[: width - 1] + "…"


def _print_table(rows: list[list[str]]) -> None:
    """Print rows as aligned columns; a short row (a file and its error) runs on past the grid."""
    count = len(REVIEW_HEADINGS)
    full = [[_fit(cell, REVIEW_WIDTHS[i]) for i, cell in enumerate(row)] for row in rows if len(row) == count]
    widths = [max(len(row[i]) for row in full) for i in range(count)]
    for row in rows:
        if len(row) == count:
            cells = [f"{_fit(cell, REVIEW_WIDTHS[i]):<{widths[i]}}" for i, cell in enumerate(row)]
        else:
            cells = [f"{_fit(row[0], REVIEW_WIDTHS[0]):<{widths[0]}}", *(_fit(cell, 0) for cell in row[1:])]
        print("  ".join(cells).rstrip())


def cmd_review(args: argparse.Namespace) -> int:
    """Print one line per .pmx of DIR and write the CSV; exit 1 when some files could not be read."""
    folder = Path(args.dir)
    if not folder.exists():
        raise _fail(folder, "no such folder")
    if not folder.is_dir():
        raise _fail(folder, "is not a folder")
    csv_path = Path(args.csv) if args.csv else None
    if csv_path is not None:
        if csv_path.is_dir():
            raise _fail(csv_path, "is a folder; choose a file name for the CSV")
        if not csv_path.parent.is_dir():
            raise _fail(csv_path, "its folder does not exist")
    catalogs = Catalogs.load()
    entries = review_folder(folder, recursive=args.recursive)
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="replace")  # a title in a script the console cannot show must not abort
    if entries:
        _print_table([list(REVIEW_HEADINGS), *(_review_line(e, folder, catalogs, args.lang) for e in entries)])
    else:
        print(f"{folder}: no .pmx files")
    if csv_path is not None:
        write_review_csv(csv_path, entries, catalogs, args.lang, folder)
        print(f"wrote {csv_path}")
    failed = [entry for entry in entries if not entry.ok]
    for entry in failed:
        print(f"error: {entry.path}: {entry.error}", file=sys.stderr)
    if failed:
        print(f"error: {len(failed)} of {len(entries)} file(s) could not be read", file=sys.stderr)
        return EXIT_FINDINGS
    return EXIT_OK


def cmd_schema(_args: argparse.Namespace) -> int:
    """Print the JSON Schema of the interchange format."""
    json.dump(json_schema(), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return EXIT_OK


def _gui_file(argv: Sequence[str]) -> Path | None:
    """Return the document to open in the GUI, if one was given and is a .pmx."""
    if len(argv) > 1 or (argv and not argv[0].lower().endswith(".pmx")):
        raise UsageError(f"unknown command {argv[0]!r}; commands: {', '.join(COMMANDS)}, or a .pmx file to open")
    if not argv:
        return None
    path = Path(argv[0])
    if not path.is_file():
        raise _fail(path, "no such file")
    return path


def run_gui(path: Path | None) -> int:
    """Start the desktop editor (on path when given) and return its exit status."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from ui.context import UiContext
    from ui.controller import AppController
    from ui.main_window import MainWindow
    from ui.settings import Settings
    from ui.style import apply_style
    from ui.translation import LanguageSwitcher

    app = QApplication([sys.argv[0] if sys.argv else "policy-matrix"])
    app.setOrganizationName("PolicyMatrix")
    app.setApplicationName("Policy Matrix")
    apply_style(app)
    settings = Settings(QSettings())
    languages = LanguageSwitcher(app)
    languages.apply(settings.language)
    context = UiContext.load(settings.language)
    window = MainWindow(context)

    from ui.pages.editor_pages import default_pages

    pages = default_pages

    controller = AppController(window, context, settings, languages, pages)
    geometry, state = settings.window_state()
    if geometry is None:
        window.resize(1360, 860)
    else:
        window.restoreGeometry(geometry)
    if state is not None:
        window.restoreState(state)
    window.show()
    if path is not None:
        controller.open_path(path)
    status = app.exec()
    settings.save_window_state(window.saveGeometry(), window.saveState())
    settings.sync()
    return int(status)


HANDLERS = {
    "demo": cmd_demo,
    "convert": cmd_convert,
    "export": cmd_export,
    "check": cmd_check,
    "review": cmd_review,
    "schema": cmd_schema,
}


class _TerminalSafe(io.TextIOBase):
    """Writes to a stream with control characters spelled out as u-escapes: file content is a stranger's text."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self._stream = stream

    def write(self, text: str) -> int:
        """Write text with C0/C1 control characters (but newlines and tabs) escaped."""
        self._stream.write(text.translate(_CONTROL_ESCAPES))
        return len(text)

    def flush(self) -> None:
        """Flush the underlying stream."""
        self._stream.flush()


# A participant's text may carry terminal escape sequences; printed raw, they would drive the facilitator's
# terminal. The \\uXXXX spelling is also a valid escape inside the JSON that `check --json` prints.
_CONTROL_ESCAPES = {code: f"\\u{code:04x}" for code in (*range(0x20), *range(0x7F, 0xA0)) if chr(code) not in "\n\t"}


def run(argv: Sequence[str]) -> int:
    """Run one command line and return its exit status; errors become one `error:` line."""
    stdout, stderr = sys.stdout, sys.stderr
    safe_out = _TerminalSafe(stdout)
    sys.stdout, sys.stderr = safe_out, _TerminalSafe(stderr)  # type: ignore[assignment]
    try:
        return _run(argv)
    finally:
        if sys.stdout is safe_out:  # a broken pipe swapped in /dev/null: keep it, the reader is gone
            sys.stdout = stdout
        sys.stderr = stderr


def _run(argv: Sequence[str]) -> int:
    try:
        if not argv or argv[0] not in COMMANDS:
            if argv and argv[0] in ("-h", "--help"):
                _build_parser().print_help()
                return EXIT_OK
            return run_gui(_gui_file(argv))
        args = _build_parser().parse_args(list(argv))
        return HANDLERS[args.command](args)
    except BrokenPipeError:
        # The reader went away (`main.py schema | head`): nothing left to say, and nothing failed.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps the interpreter from complaining at exit
        return EXIT_OK
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
    except DocumentError as exc:
        where = f"{exc.path}: " if exc.path is not None else ""
        print(f"error: {where}{exc}", file=sys.stderr)
    except ValidationError as exc:
        print(f"error: {_describe(exc, Path('input'))}", file=sys.stderr)
    except OSError as exc:
        name = exc.filename or "file"
        print(f"error: {name}: {exc.strerror or exc}", file=sys.stderr)
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
    except Exception as exc:  # the contract: no traceback ever reaches the user
        print(f"error: internal error ({type(exc).__name__}: {exc})", file=sys.stderr)
    return EXIT_BAD_INPUT


def main() -> None:
    """Entry point of `python main.py` and of the `policy-matrix` script."""
    sys.exit(run(sys.argv[1:]))


if __name__ == "__main__":
    main()
